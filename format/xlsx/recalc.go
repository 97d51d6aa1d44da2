package xlsx

import (
	"errors"
	"strconv"
	"strings"

	"xxgk"
)

// A template's totals are formulas (SUM of the input cells) whose cached
// values a spreadsheet computed without the numbers typed as text. Once
// fixInputs has read those numbers, the totals are computed again here:
// sums and differences of cells, ranges and numbers, exactly, in decimals.
// A formula of anything else (another sheet, a function besides SUM, text)
// keeps its cached value, as a formula the reader cannot compute always
// has. The work is bounded: every cell a formula reaches counts, and past
// maxRecalcWork the remaining formulas keep their cached values.

// Bounds on recomputing a sheet's formulas: the cells visited, and how
// deep formulas may refer to formulas (a chain of a million cells each
// the one before plus one would take as many nested calls).
const (
	maxRecalcWork  = 4 * maxWorkbookCells
	maxRecalcDepth = 100
)

var (
	errFormula = errors.New("formula not computed")
	errDepth   = errors.New("formulas nested too deep")
)

// recalc computes the formulas of one sheet.
type recalc struct {
	cells    map[[2]int]int    // position → index in sd.cells
	texts    map[[2]int]string // position → the formula's text, shifted for shared ones
	shift    map[[2]int][2]int // position → offset of a shared formula from its master
	done     map[[2]int]xxgk.Number
	failed   map[[2]int]bool
	visiting map[[2]int]bool
	work     int
	depth    int
	sd       *sheetData
}

// recalculate computes the sheet's formulas again and keeps their numeric
// results as the cells' values. All are computed before any is set: a
// total of totals is computed from the formulas, not from a value set
// halfway.
func (sd *sheetData) recalculate() {
	rc := &recalc{cells: map[[2]int]int{}, texts: map[[2]int]string{}, shift: map[[2]int][2]int{},
		done: map[[2]int]xxgk.Number{}, failed: map[[2]int]bool{}, visiting: map[[2]int]bool{}, sd: sd}
	for i, c := range sd.cells {
		rc.cells[[2]int{int(c.row), int(c.col)}] = i
	}
	masters := map[int]formula{}
	for _, f := range sd.formulas {
		if f.shared >= 0 && f.text != "" {
			if _, ok := masters[f.shared]; !ok {
				masters[f.shared] = f
			}
		}
	}
	for _, f := range sd.formulas {
		pos := [2]int{int(f.row), int(f.col)}
		switch m, ok := masters[f.shared]; {
		case f.text != "":
			rc.texts[pos] = f.text
		case ok:
			rc.texts[pos] = m.text
			rc.shift[pos] = [2]int{int(f.row - m.row), int(f.col) - int(m.col)}
		}
	}
	for _, f := range sd.formulas { // in the sheet's order: the results never depend on a map's
		rc.value([2]int{int(f.row), int(f.col)})
	}
	for pos, n := range rc.done {
		c := &sd.cells[rc.cells[pos]]
		c.raw, c.typ = n.String(), typeNumber
	}
}

// value is the number a cell holds: its formula computed, or the number
// stored in it. ok is false for an empty cell or text, which a sum skips.
func (rc *recalc) value(pos [2]int) (n xxgk.Number, ok bool, err error) {
	if rc.work++; rc.work > maxRecalcWork {
		return n, false, errFormula
	}
	if text, isFormula := rc.texts[pos]; isFormula {
		if n, done := rc.done[pos]; done {
			return n, true, nil
		}
		if rc.failed[pos] || rc.visiting[pos] {
			return n, false, errFormula
		}
		if rc.depth == maxRecalcDepth {
			return n, false, errDepth
		}
		rc.visiting[pos] = true
		rc.depth++
		p := &parser{s: text, rc: rc, shift: rc.shift[pos]}
		n, err := p.formula()
		rc.depth--
		delete(rc.visiting, pos)
		if err != nil {
			if !errors.Is(err, errDepth) { // computed from a cell less deep, it may be
				rc.failed[pos] = true
			}
			return n, false, err
		}
		rc.done[pos] = n
		return n, true, nil
	}
	i, found := rc.cells[pos]
	if !found {
		return n, false, nil // an empty cell
	}
	c := rc.sd.cells[i]
	switch c.typ {
	case typeNumber:
	case typeError:
		return n, false, errFormula
	default:
		return n, false, nil // text (a formula's text result too), a truth value, a date
	}
	if c.formula {
		return n, false, errFormula // a formula whose text was not kept
	}
	return cellNumber(c.raw)
}

// cellNumber reads a stored number as the reader shows it (plainNumber).
func cellNumber(raw string) (xxgk.Number, bool, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil {
		return xxgk.Number{}, false, nil
	}
	n, err := xxgk.ParseNumber(plainNumber(v))
	if err != nil {
		return n, false, errFormula
	}
	return n, true, nil
}

// parser reads a formula: expr := ['+'|'-'] term {('+'|'-') term};
// term := number | ref | SUM(arg {, arg}) | (expr); arg := ref:ref | expr.
type parser struct {
	s      string
	i      int
	rc     *recalc
	shift  [2]int // added to the rows and columns of relative references
	nested int    // parentheses open, up to maxRecalcDepth
}

func (p *parser) formula() (xxgk.Number, error) {
	p.s = strings.TrimPrefix(strings.TrimSpace(p.s), "=")
	n, err := p.expr()
	if err != nil {
		return n, err
	}
	if p.skipSpace(); p.i != len(p.s) {
		return n, errFormula
	}
	return n, nil
}

func (p *parser) skipSpace() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

func (p *parser) peek() byte {
	if p.skipSpace(); p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *parser) expr() (xxgk.Number, error) {
	sign := byte('+')
	if c := p.peek(); c == '+' || c == '-' {
		sign = c
		p.i++
	}
	var sum xxgk.Number
	for {
		n, err := p.term()
		if err != nil {
			return n, err
		}
		var ok bool
		if sign == '-' {
			if n, ok = xxgk.Int(0).CheckedSub(n); !ok {
				return sum, errFormula
			}
		}
		if sum, ok = sum.CheckedAdd(n); !ok {
			return sum, errFormula
		}
		switch c := p.peek(); c {
		case '+', '-':
			sign = c
			p.i++
		default:
			return sum, nil
		}
	}
}

func (p *parser) term() (xxgk.Number, error) {
	switch c := p.peek(); {
	case c == '(':
		if p.nested++; p.nested > maxRecalcDepth {
			return xxgk.Number{}, errFormula
		}
		p.i++
		n, err := p.expr()
		p.nested--
		if err != nil || p.peek() != ')' {
			return n, errFormula
		}
		p.i++
		return n, nil
	case c >= '0' && c <= '9' || c == '.':
		start := p.i
		for p.i < len(p.s) && (p.s[p.i] >= '0' && p.s[p.i] <= '9' || p.s[p.i] == '.') {
			p.i++
		}
		n, err := xxgk.ParseNumber(p.s[start:p.i])
		if err != nil {
			return n, errFormula
		}
		return n, nil
	}
	if len(p.s)-p.i >= 4 && strings.EqualFold(p.s[p.i:p.i+4], "SUM(") {
		if p.nested++; p.nested > maxRecalcDepth {
			return xxgk.Number{}, errFormula
		}
		p.i += 4
		n, err := p.sum()
		p.nested--
		return n, err
	}
	r, c, err := p.ref()
	if err != nil {
		return xxgk.Number{}, err
	}
	n, ok, err := p.rc.value([2]int{r, c})
	if err != nil {
		return n, err
	}
	if !ok && p.rc.filled([2]int{r, c}) {
		return n, errFormula // text in arithmetic is #VALUE!
	}
	return n, nil // an empty cell is 0
}

// sum reads the arguments of SUM after its "(": ranges and references sum
// their numbers, skipping text and empty cells, as a spreadsheet does.
func (p *parser) sum() (xxgk.Number, error) {
	var total xxgk.Number
	add := func(n xxgk.Number) error {
		var ok bool
		if total, ok = total.CheckedAdd(n); !ok {
			return errFormula
		}
		return nil
	}
	for {
		start := p.i
		r0, c0, err := p.ref()
		if err == nil && (p.peek() == ',' || p.peek() == ')' || p.peek() == ':') {
			r1, c1 := r0, c0
			if p.peek() == ':' {
				p.i++
				if r1, c1, err = p.ref(); err != nil {
					return total, err
				}
			}
			for r := min(r0, r1); r <= max(r0, r1); r++ {
				for c := min(c0, c1); c <= max(c0, c1); c++ {
					n, ok, err := p.rc.value([2]int{r, c})
					if err != nil {
						return total, err
					}
					if ok {
						if err := add(n); err != nil {
							return total, err
						}
					}
				}
			}
		} else {
			p.i = start
			n, err := p.expr()
			if err != nil {
				return total, err
			}
			if err := add(n); err != nil {
				return total, err
			}
		}
		switch p.peek() {
		case ',':
			p.i++
		case ')':
			p.i++
			return total, nil
		default:
			return total, errFormula
		}
	}
}

// ref reads a reference of this sheet ($A$1, B12) as 0-based row and
// column, shifted for a shared formula unless anchored by $.
func (p *parser) ref() (row, col int, err error) {
	p.skipSpace()
	colAbs := p.i < len(p.s) && p.s[p.i] == '$'
	if colAbs {
		p.i++
	}
	start := p.i
	for p.i < len(p.s) && p.i-start < 3 && (p.s[p.i]|0x20) >= 'a' && (p.s[p.i]|0x20) <= 'z' {
		col = col*26 + int(p.s[p.i]|0x20-'a'+1)
		p.i++
	}
	if p.i == start {
		return 0, 0, errFormula
	}
	rowAbs := p.i < len(p.s) && p.s[p.i] == '$'
	if rowAbs {
		p.i++
	}
	start = p.i
	for p.i < len(p.s) && p.i-start < 7 && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		row = row*10 + int(p.s[p.i]-'0')
		p.i++
	}
	if p.i == start || row == 0 {
		return 0, 0, errFormula
	}
	if p.i < len(p.s) && (p.s[p.i] == '!' || p.s[p.i] == '(' || p.s[p.i] >= '0' && p.s[p.i] <= '9' ||
		(p.s[p.i]|0x20) >= 'a' && (p.s[p.i]|0x20) <= 'z') {
		return 0, 0, errFormula // another sheet's cell, a function, a name
	}
	row, col = row-1, col-1
	if !rowAbs {
		row += p.shift[0]
	}
	if !colAbs {
		col += p.shift[1]
	}
	if row < 0 || col < 0 || row >= maxSheetRows || col >= maxSheetCols {
		return 0, 0, errFormula
	}
	return row, col, nil
}

// filled reports a cell that holds something: one that holds no number
// (text, a truth value, a date) is not computed in arithmetic.
func (rc *recalc) filled(pos [2]int) bool {
	i, ok := rc.cells[pos]
	return ok && rc.sd.cells[i].raw != ""
}
