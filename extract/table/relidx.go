package table

import (
	"math"
	"sync"

	"xxgk"
	"xxgk/templates"
)

// The split search evaluates the identities once per candidate split, and
// a run of digits has thousands: looking up each cell by its row and column
// key in maps (and parsing a relation's constant) on every evaluation was
// most of the search. The templates are static, so each table's relations
// are bound once to places: the row's in the table's rows, the column's in
// its data columns. A solveTable then only maps the table's rows to the
// rows it read.

// cellAt is a cell reference bound to places: row in t.Rows (-1 when the
// key names no row of the table), col in t.DataColumns() (colOK false when
// the key names no data column; col is then 0, as the map lookup it
// replaces gave), and key, the cell's CellKey.
type cellAt struct {
	row, col int
	colOK    bool
	key      string
}

// boundRel is a relation with its cells bound.
type boundRel struct {
	rel      *templates.Relation
	lhs, rhs []cellAt
	konst    xxgk.Number // rel.Const parsed, when hasConst
	hasConst bool
	badConst bool // rel.Const does not parse: the relation is never known
	across   bool // acrossRows(rel)
}

// tableRels is a table's relations bound once.
type tableRels struct {
	rowIdx map[string]int // row key → place in t.Rows
	nRows  int            // places rowIdx gives: len(t.Rows), or more (with)
	colIdx map[string]int // column key → place in t.DataColumns()
	rels   []boundRel     // t.Relations()
	own    func(row string) []*boundRel
	// rowPlace is rowIdx by row, dataPlaces the places of t.DataRows()
	// and dataOwn their relations of their own (own), made by relsOf
	// (not with): dropMisaligned reads them for every table read, and
	// looked up by key they were half its cost.
	rowPlace   map[*templates.Row]int
	dataPlaces []int
	dataOwn    [][]*boundRel
}

var tableRelSets sync.Map // *templates.Table → *tableRels

// relsOf returns the relations of t bound to places, bound once per table.
func relsOf(t *templates.Table) *tableRels {
	if v, ok := tableRelSets.Load(t); ok {
		return v.(*tableRels)
	}
	tr := &tableRels{rowIdx: map[string]int{}, colIdx: map[string]int{}}
	for i, r := range t.Rows {
		if _, dup := tr.rowIdx[r.Key]; !dup {
			tr.rowIdx[r.Key] = i
		}
	}
	tr.nRows = len(t.Rows)
	for i, c := range t.DataColumns() {
		tr.colIdx[c.Key] = i // the last of a key, as solveTable's index had it
	}
	tr.rels = tr.bind(t, t.Relations())
	tr.own = ownBound(tr.rels)
	tr.rowPlace = make(map[*templates.Row]int, len(t.Rows))
	for _, r := range t.Rows {
		tr.rowPlace[r] = tr.rowIdx[r.Key]
	}
	for _, r := range t.DataRows() {
		tr.dataPlaces = append(tr.dataPlaces, tr.rowIdx[r.Key])
		tr.dataOwn = append(tr.dataOwn, tr.own(r.Key))
	}
	v, _ := tableRelSets.LoadOrStore(t, tr)
	return v.(*tableRels)
}

// with returns tr for the rows read and rels, t's relations for them
// (groupRelations): tr itself when rels are the table's own and every row
// read is a row of the table; otherwise a copy bound anew, where a row read
// that is none of the table's has a place of its own.
func (tr *tableRels) with(t *templates.Table, rows []rowRead, rels []templates.Relation, grouped bool) *tableRels {
	missing := false
	for _, rr := range rows {
		// A row of the table has its place by its pointer: a cheaper
		// look-up than by its key, which others are looked up by.
		if _, ok := tr.rowPlace[rr.row]; ok {
			continue
		}
		if _, ok := tr.rowIdx[rr.row.Key]; !ok {
			missing = true
		}
	}
	if !grouped && !missing {
		return tr
	}
	out := &tableRels{rowIdx: make(map[string]int, len(tr.rowIdx)), colIdx: tr.colIdx, nRows: tr.nRows}
	for k, i := range tr.rowIdx {
		out.rowIdx[k] = i
	}
	for _, rr := range rows {
		if _, ok := out.rowIdx[rr.row.Key]; !ok {
			out.rowIdx[rr.row.Key] = out.nRows
			out.nRows++
		}
	}
	out.rels = out.bind(t, rels)
	out.own = ownBound(out.rels)
	return out
}

// places maps each place of a row to the last of the rows read of that
// row (-1: not read), as solveTable's index by key did. The list is in
// the slab.
func (tr *tableRels) places(rows []rowRead, ints *slab[int]) []int {
	pos := ints.take(tr.nRows)
	for i := range pos {
		pos[i] = -1
	}
	for i, rr := range rows {
		p, ok := tr.rowPlace[rr.row] // as in with; nil in a tableRels with makes
		if !ok {
			p = tr.rowIdx[rr.row.Key]
		}
		pos[p] = i
	}
	return pos
}

// bind binds the cells of rels, relations of t's cells.
func (tr *tableRels) bind(t *templates.Table, rels []templates.Relation) []boundRel {
	out := make([]boundRel, len(rels))
	resolve := func(refs []templates.CellRef) []cellAt {
		at := make([]cellAt, len(refs))
		for k, c := range refs {
			r, rok := tr.rowIdx[c.Row]
			if !rok {
				r = -1
			}
			col, cok := tr.colIdx[c.Col]
			at[k] = cellAt{row: r, col: col, colOK: cok, key: t.CellKey(c.Row, c.Col)}
		}
		return at
	}
	for i := range rels {
		rel := &rels[i]
		b := boundRel{rel: rel, lhs: resolve(rel.LHS), rhs: resolve(rel.RHS), across: acrossRows(*rel)}
		if rel.Const != "" {
			b.hasConst = true
			c, err := xxgk.ParseNumber(rel.Const)
			b.konst, b.badConst = c, err != nil
		}
		out[i] = b
	}
	return out
}

// evaluateAt is evaluate on a bound relation; get reads a bound cell.
func evaluateAt(b *boundRel, get func(cellAt) (xxgk.Number, bool)) (holds, known bool) {
	sum := func(refs []cellAt, total *cellSum) bool {
		for _, c := range refs {
			v, ok := get(c)
			if !ok || !total.add(v) {
				return false
			}
		}
		return true
	}
	var l, r cellSum
	if !sum(b.lhs, &l) || !sum(b.rhs, &r) {
		return false, false
	}
	return compareSums(b, &l, &r)
}

// cellSum adds the cells of one side of a relation. The cells of a split
// are whole numbers, and Number's Add aligns scales and normalizes the sum
// for every cell: whole cells are summed on int64 (not reaching
// math.MinInt64, which Number cannot align) and the sum goes on in Numbers
// only from a cell that cannot be. A sum beyond what a Number holds is not
// known: a relation between absurd figures (a hostile or garbled file)
// neither holds nor fails, and the parse goes on.
type cellSum struct {
	whole     int64
	total     xxgk.Number // once inNumbers
	inNumbers bool
}

// add adds v, and reports false when the sum is beyond a Number.
func (s *cellSum) add(v xxgk.Number) bool {
	if !s.inNumbers {
		if v.IsInt() {
			x := v.Int64()
			w := s.whole + x
			if !((s.whole > 0 && x > 0 && w < 0) || (s.whole < 0 && x < 0 && w >= 0) || w == math.MinInt64) {
				s.whole = w
				return true
			}
		}
		s.total, s.inNumbers = xxgk.Int(s.whole), true
	}
	var ok bool
	s.total, ok = s.total.CheckedAdd(v)
	return ok
}

// value is the sum of the cells added.
func (s *cellSum) value() xxgk.Number {
	if s.inNumbers {
		return s.total
	}
	return xxgk.Int(s.whole)
}

// compareSums is compareAt on the sums l and r of b's sides. Sums of
// whole cells, the most of them (split digits, counts), are compared as
// int64 without making Numbers of them: Number's comparison aligns their
// scales first, and the split search compares for every combination it
// tries. Int(x) and Int(y) compare as x and y.
func compareSums(b *boundRel, l, r *cellSum) (holds, known bool) {
	if l.inNumbers || r.inNumbers || b.hasConst {
		return compareAt(b, l.value(), r.value())
	}
	switch b.rel.Op {
	case "==":
		return l.whole == r.whole, true
	case "<=":
		return l.whole <= r.whole, true
	case ">=":
		return l.whole >= r.whole, true
	}
	return true, false
}

// compareAt says whether the sums l and r of b's sides (r replaced by b's
// constant, if it has one) stand in b's relation.
func compareAt(b *boundRel, l, r xxgk.Number) (holds, known bool) {
	if b.hasConst {
		if b.badConst {
			return false, false
		}
		r = b.konst
	}
	switch b.rel.Op {
	case "==":
		return l.Equal(r), true
	case "<=":
		return l.Cmp(r) <= 0, true
	case ">=":
		return l.Cmp(r) >= 0, true
	}
	return true, false
}

// rowHoldsAt checks bound relations between cells of one row against vals.
// It is evaluateAt without the call to read each cell: it runs for every
// split of a row's digits.
func rowHoldsAt(rels []*boundRel, vals []cellVal) bool {
	sum := func(refs []cellAt, total *cellSum) bool {
		for _, c := range refs {
			if !c.colOK || !vals[c.col].ok || !total.add(vals[c.col].num) {
				return false
			}
		}
		return true
	}
	for _, b := range rels {
		var l, r cellSum
		if !sum(b.lhs, &l) || !sum(b.rhs, &r) {
			continue
		}
		if holds, known := compareSums(b, &l, &r); known && !holds {
			return false
		}
	}
	return true
}

// evaluateRows is evaluateAt on the values of the rows read, rows (nil
// where a row has none), rowPos mapping each place of a row to its index
// in rows (-1: not read). It runs for every combination of splits the
// search tries, without a call to read each cell.
func evaluateRows(b *boundRel, rows [][]cellVal, rowPos []int) (holds, known bool) {
	sum := func(refs []cellAt, total *cellSum) bool {
		for _, c := range refs {
			v, ok := rowCell(c, rows, rowPos)
			if !ok || !total.add(v) {
				return false
			}
		}
		return true
	}
	var l, r cellSum
	if !sum(b.lhs, &l) || !sum(b.rhs, &r) {
		return false, false
	}
	return compareSums(b, &l, &r)
}

// rowCell reads cell c of the rows read (see evaluateRows): unknown where
// its row was not read.
func rowCell(c cellAt, rows [][]cellVal, rowPos []int) (xxgk.Number, bool) {
	if c.row < 0 || rowPos[c.row] < 0 || rows[rowPos[c.row]] == nil {
		return xxgk.Number{}, false
	}
	v := &rows[rowPos[c.row]][c.col]
	return v.num, v.ok
}

// ownBound returns, by row key, the bound relations between cells of one
// row (rowRelations on bound relations, for every row at once).
func ownBound(rels []boundRel) func(row string) []*boundRel {
	byRow := map[string][]*boundRel{}
	var everyRow []*boundRel // no cells at all: of every row, as onlyRow says
	for i := range rels {
		b := &rels[i]
		if b.hasConst {
			continue
		}
		row, seen, single := "", false, true
		for _, refs := range [][]templates.CellRef{b.rel.LHS, b.rel.RHS} {
			for _, c := range refs {
				if !seen {
					row, seen = c.Row, true
				} else if c.Row != row {
					single = false
				}
			}
		}
		switch {
		case !single:
		case !seen:
			everyRow = append(everyRow, b)
		default:
			byRow[row] = append(byRow[row], b)
		}
	}
	return func(row string) []*boundRel {
		if len(everyRow) == 0 {
			return byRow[row]
		}
		return append(append([]*boundRel(nil), everyRow...), byRow[row]...)
	}
}
