package table

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"xxgk"
	"xxgk/templates"
)

// Cells run together with no separator (规范性文件898989, a table 三 row
// 15130000154), or grouped irregularly by single spaces (30 0 0 00 3), are
// split by two rules. A cell never starts with 0 unless it is 0, so 00 is
// 0|0 and no split leaves 05; where that leaves one split, it is the
// reading, as printed. Otherwise the row's own identities (总计 = the sum
// of the columns) filter the splits, then the identities across rows
// filter the combinations, unless the report's own numbers already break
// them: each row is then read by its own identities alone. A cell is read
// when every surviving split gives it the same value; otherwise it is left
// out and a finding says why. A wrong number is worse than a missing one.

const (
	maxCellDigits = 12
	maxCandidates = 20000 // per row
	searchBudget  = 2_000_000
)

type cellVal struct {
	num    xxgk.Number
	blank  bool
	ok     bool
	worded bool  // the sign was a word (减12): only a 增/减 column has one
	origin int32 // of the piece read (piece.origin): no pointer
	line   int
}

type solution struct {
	values [][]cellVal // per row read; nil = row left out
	split  []bool      // per row: the values were split from run-together digits
	why    []string    // per row: why values are missing, "" if none
	rule   []string
}

// rowCands holds the candidate value vectors of one row.
type rowCands struct {
	cands [][]cellVal
	exact bool // read as printed, no split needed
}

// solveTable reads the rows found for t. stated are sums the report states
// elsewhere (its prose: 制发行政规范性文件9件), which filter the splits
// like the identities across rows; nil when there are none. The values are
// in sc's slab: they are good until the reader is released.
func solveTable(t *templates.Table, rows []rowRead, stated []templates.Relation, sc *solveScratch) solution {
	cols := t.DataColumns()
	n := len(cols)
	sol := solution{values: takeZero(&sc.cellRows, len(rows)), split: takeZero(&sc.flags, len(rows)),
		why: takeZero(&sc.strs, len(rows)), rule: takeZero(&sc.strs, len(rows))}
	rels, grouped := groupRelations(t, rows)
	tr := relsOf(t).with(t, rows, rels, grouped)
	bound, ownOf, rowPos := tr.rels, tr.own, tr.places(rows, &sc.places)
	cands := takeZero(&sc.cands, len(rows))
	for i, rr := range rows {
		if len(rr.region) == 0 {
			continue // label without values: the report left the row empty
		}
		// The row's own identities (总计 = sum of the columns) filter the
		// splits as they are made.
		// The relations between cells of this row alone: the table's own,
		// or with groups those groupRelations gives.
		own := ownOf(rr.row.Key)
		cs, why := candidates(rr, n, cols, len(own) > 0, func(c []cellVal) bool { return rowHoldsAt(own, c) }, sc)
		if why != "" {
			sol.why[i], sol.rule[i] = why, xxgk.RuleTableValueCount
			continue
		}
		if cs.exact {
			// As printed, a broken identity is for check to report; but not
			// when the values run over several lines of text: a number
			// wrapped in its cell (15 / 4 for 154) reads as two, and the
			// row's broken total is then the reading's fault, not the
			// report's.
			if len(own) > 0 && spansLines(rr) && !rowHoldsAt(own, cs.cands[0]) {
				sol.why[i], sol.rule[i] = fmt.Sprintf("本行的数字分在几行（%s），且与本行的合计不符：可能是单元格内的数字换行被拆开", regionText(rr)), xxgk.RuleTableRowWrapped
				continue
			}
			cands[i] = cs
			continue
		}
		if len(cs.cands) == 0 {
			sol.why[i], sol.rule[i] = fmt.Sprintf("数字连写在一起（%s），没有一种拆分能符合本行的勾稽关系", regionText(rr)), xxgk.RuleTableSplitConflict
			continue
		}
		cands[i] = cs
	}
	// Combine the rows under the identities that span rows.
	var amb []int
	for i, c := range cands {
		if len(c.cands) > 1 {
			amb = append(amb, i)
		}
	}
	chosen := takeZero(&sc.cellRows, len(rows))
	for i, c := range cands {
		if len(c.cands) == 1 {
			chosen[i] = c.cands[0]
		}
	}
	if len(amb) > 0 {
		// agree holds, per ambiguous row, whether every reading gives
		// each cell the same value.
		agree, count, complete := takeZero(&sc.agreeRows, len(rows)), 0, true
		broken := brokenAcrossRows(bound, rowPos, chosen)
		if !broken {
			count, complete = searchSplits(bound, tr.bind(t, stated), rowPos, rows, cands, amb, chosen, agree, sc)
		}
		for _, i := range amb {
			which, ways := "表格的", count
			switch {
			case broken || count == 0:
				// The table's totals disagree with its rows as printed:
				// the identities across rows cannot choose a split, the
				// row's own still may.
				agree[i] = agreeAll(cands[i].cands, sc.agree.take(len(cands[i].cands[0])))
				which, ways = "表格各行之间的勾稽关系在报告中不成立，本行的", len(cands[i].cands)
			case !complete:
				sol.why[i], sol.rule[i] = fmt.Sprintf("数字连写在一起（%s），可能的拆分太多，无法确定", regionText(rows[i])), xxgk.RuleTableSplitUnsolved
				continue
			}
			vals := sc.vals.take(n)
			clear(vals)
			missing := 0
			for c := range n {
				if a := agree[i][c]; a.same {
					vals[c] = a.v
				} else {
					missing++
				}
			}
			chosen[i] = vals
			if missing > 0 {
				sol.why[i], sol.rule[i] = fmt.Sprintf("数字连写在一起（%s），%s勾稽关系不能唯一确定拆分方式（可能的组合有%d种），其中%d格未读取", regionText(rows[i]), which, ways, missing), xxgk.RuleTableSplitAmbiguous
			}
		}
	}
	for i := range rows {
		if chosen[i] != nil {
			sol.values[i] = chosen[i]
			sol.split[i] = !cands[i].exact
		}
	}
	return sol
}

// brokenAcrossRows reports whether an identity spanning rows fails on the
// rows read without a choice. The report's totals then disagree with its
// rows, and choosing a split by such identities would be a guess.
func brokenAcrossRows(rels []boundRel, rowPos []int, chosen [][]cellVal) bool {
	for i := range rels {
		b := &rels[i]
		if b.hasConst || !b.across {
			continue
		}
		if holds, known := evaluateRows(b, chosen, rowPos); known && !holds {
			return true
		}
	}
	return false
}

// acrossRows reports whether a relation reads cells of more than one row.
func acrossRows(rel templates.Relation) bool {
	if len(rel.LHS) == 0 {
		return false
	}
	row := rel.LHS[0].Row
	for _, refs := range [][]templates.CellRef{rel.LHS, rel.RHS} {
		for _, c := range refs {
			if c.Row != row {
				return true
			}
		}
	}
	return false
}

// agreeAll says in a, per column, whether every candidate gives the cell
// the same value, and returns a.
func agreeAll(cands [][]cellVal, a []agreement) []agreement {
	for c, v := range cands[0] {
		a[c] = agreement{v, true}
	}
	for _, cand := range cands[1:] {
		for c, v := range cand {
			if x := &a[c]; x.same && (x.v.ok != v.ok || !x.v.num.Equal(v.num)) {
				x.same = false
			}
		}
	}
	return a
}

func regionText(rr rowRead) string {
	var parts []string
	for _, p := range rr.region {
		switch p.kind {
		case pieceNumber:
			parts = append(parts, p.text)
		case pieceBlank:
			parts = append(parts, "空")
		case pieceNA:
			parts = append(parts, "—")
		}
	}
	return strings.Join(parts, " ") + rr.tailDigits
}

// candidates lists the ways the row's pieces can fill its n cells. A
// reading that leaves no choice is taken as printed, even where the row's
// own identities break (that is the report's arithmetic, for check to
// report): as many pieces as cells, or digits with a single split under
// the leading-zero rule. Where there is a choice, only splits under which
// holds (the row's own identities) holds are kept. Digits parted by single
// spaces are split only where they must be (01 is not a cell) or the row
// has identities to decide. The candidates are in sc's slab.
func candidates(rr rowRead, n int, cols []*templates.Column, identities bool, holds func([]cellVal) bool, sc *solveScratch) (rowCands, string) {
	rr.region = dropPadding(rr.region, n)
	if !identities {
		rr.region = keepWeakWhole(rr.region)
	}
	variants := [][]piece{rr.region}
	if rr.tailDigits != "" {
		// The last digits may be the next label's numbering: try without.
		last := rr.region[len(rr.region)-1]
		if cut := strings.TrimSuffix(last.text, rr.tailDigits); cut != last.text {
			alt := append([]piece(nil), rr.region[:len(rr.region)-1]...)
			if cut != "" {
				if num, err := xxgk.ParseNumber(cut); err == nil {
					last.text, last.num, last.splittable = cut, num, len(cut) > 1
					alt = append(alt, last)
				}
			}
			variants = append(variants, alt)
		}
	}
	if len(variants) == 1 && digitPerCell(rr.region, n) {
		// The one split there is, as enumerate would make it and as the
		// end of this function would keep it: the only split, whatever
		// the row's identities say, if its signs fit.
		c := sc.vals.take(n)
		splitPerDigit(rr.region, c)
		if !decimalsFit(c, cols) {
			sc.vals.giveBack(c, n)
			return rowCands{}, ""
		}
		return rowCands{cands: sc.oneCand(c)}, ""
	}
	out := sc.cands1[:0] // copied to the slab when kept
	var seen map[string]bool
	if len(variants) > 1 {
		seen = map[string]bool{}
	}
	var only []cellVal // the one split, while there is one
	splits, tried := 0, 0
	consider := func(c []cellVal) {
		tried++
		// Only whether there is one split matters, beyond those that hold.
		h := holds(c)
		if (!h && splits > 1) || !decimalsFit(c, cols) {
			return
		}
		if splits++; splits == 1 {
			only = sc.vals.copyOf(c)
		}
		if h {
			// Candidates are never changed once made: the one split may
			// share its copy.
			kept := only
			if splits > 1 {
				kept = sc.vals.copyOf(c)
			}
			if !firstSeen(seen, kept) {
				if splits > 1 {
					sc.vals.giveBack(kept, len(kept)) // the last taken, not kept
				}
				return
			}
			out = append(out, kept)
		}
	}
	for vi, ps := range variants {
		if len(ps) > n || len(ps) == 0 {
			continue
		}
		if len(ps) == n && !anyLeadingZero(ps) {
			if vi == 0 && rr.tailDigits == "" {
				// Made in the slab, not copied there: most rows are
				// read as printed.
				c := sc.vals.take(n)
				for k, p := range ps {
					c[k] = directOne(p)
				}
				if signsFit(c, cols) {
					return rowCands{cands: sc.oneCand(c), exact: true}, ""
				}
				sc.vals.giveBack(c, n)
			}
			c := direct(ps, sc.cur[:0])
			sc.cur = c[:0]
			consider(c)
			continue
		}
		enumerate(ps, n, func(c []cellVal) bool {
			consider(c)
			return len(out) < maxCandidates
		}, sc)
	}
	if splits == 0 {
		switch {
		case tried > 0:
			return rowCands{}, ""
		case len(rr.region) > n:
			return rowCands{}, fmt.Sprintf("读到%d个数字（%s），多于表格的%d列", len(rr.region), regionText(rr), n)
		case anyLeadingZero(rr.region):
			return rowCands{}, fmt.Sprintf("数字（%s）按每格不以0开头拆分，拆不成表格的%d列", regionText(rr), n)
		default:
			return rowCands{}, fmt.Sprintf("只读到%d个数字（%s），少于表格的%d列，无法确定各属哪一列", len(rr.region), regionText(rr), n)
		}
	}
	if len(out) >= maxCandidates {
		return rowCands{}, fmt.Sprintf("数字连写在一起（%s），可能的拆分太多", regionText(rr))
	}
	if rr.asPrinted && !oneDigitEach(rr.region, n) {
		return rowCands{}, fmt.Sprintf("数字连写在一起（%s），且紧接正文，无法确定到哪里为止、如何拆分", regionText(rr))
	}
	if splits == 1 && len(variants) == 1 && oneDigitEach(rr.region, n) {
		// As many digits as cells: one digit a cell is the only reading,
		// the row as printed, whatever its identities say.
		return rowCands{cands: sc.oneCand(only)}, ""
	}
	sc.cands1 = out[:0]
	return rowCands{cands: sc.cellRows.copyOf(out)}, ""
}

// digitPerCell reports whether the pieces are plain digits, n in all, in
// fewer pieces than cells, each piece not splittable a single digit. Their
// one split is then a digit a cell (a cell has at least one, and there are
// as many digits as cells), which candidates makes without the search. Most
// rows split are such (0000000 in a table of seven columns, 2000002, 0 0 0
// 0 0 00): of the 720 rows a text parse reads, 360 are, 300 are read as
// printed, and only 56 are searched.
func digitPerCell(ps []piece, n int) bool {
	if len(ps) == 0 || len(ps) >= n {
		return false
	}
	digits := 0
	for _, p := range ps {
		if p.kind != pieceNumber || !allDigits(p.text) || (!p.splittable && len(p.text) != 1) {
			return false
		}
		digits += len(p.text)
	}
	return digits == n
}

// splitPerDigit writes in c, n cells, the split of pieces digitPerCell
// holds for, with the cells enumerate makes of them.
func splitPerDigit(ps []piece, c []cellVal) {
	k := 0
	for _, p := range ps {
		if !p.splittable {
			c[k] = directOne(p)
			k++
			continue
		}
		for i := 0; i < len(p.text); i++ {
			c[k] = cellVal{num: xxgk.Int(int64(p.text[i] - '0')), ok: true, line: p.line, origin: p.origin}
			k++
		}
	}
}

// oneDigitEach reports whether the pieces are plain digits, n in all.
func oneDigitEach(ps []piece, n int) bool {
	digits := 0
	for _, p := range ps {
		if p.kind != pieceNumber || !allDigits(p.text) {
			return false
		}
		digits += len(p.text)
	}
	return digits == n
}

// anyLeadingZero reports whether a piece holds digits that cannot be one
// cell (00, 05): they must be split.
func anyLeadingZero(ps []piece) bool {
	for _, p := range ps {
		if d := p.digits(); p.splittable && len(d) > 1 && d[0] == '0' {
			return true
		}
	}
	return false
}

// keepWeakWhole keeps digits parted by single spaces whole where they can
// be one cell: without identities to check a split, 12 5 is 12 and 5 (a
// cell may be empty), never 1|2|5.
func keepWeakWhole(ps []piece) []piece {
	var out []piece
	for i, p := range ps {
		if p.weak && p.splittable && p.digits()[0] != '0' {
			if out == nil {
				out = append([]piece(nil), ps...)
			}
			out[i].splittable = false
		}
	}
	if out == nil {
		return ps
	}
	return out
}

// decimalsFit reports whether fractional values stand only in columns
// that allow them, and signs written as words only in 增/减 columns.
func decimalsFit(c []cellVal, cols []*templates.Column) bool {
	for i, v := range c {
		if v.ok && !v.num.IsInt() && !cols[i].Decimal {
			return false
		}
	}
	return signsFit(c, cols)
}

// signsFit reports whether signs written as words (减12) stand only in
// 增/减 columns: elsewhere the word is not a sign, and the row is not read.
func signsFit(c []cellVal, cols []*templates.Column) bool {
	for i, v := range c {
		if v.worded && !cols[i].Signed {
			return false
		}
	}
	return true
}

// dropPadding removes empty grid cells that only pad a row beyond the
// table's width: trailing ones first, then, if the rest are exactly the
// row's values, every empty one (an empty 单位 cell before the value).
func dropPadding(ps []piece, n int) []piece {
	if len(ps) <= n {
		return ps
	}
	end := len(ps)
	for end > n && ps[end-1].kind == pieceBlank {
		end--
	}
	if end == n {
		return ps[:n]
	}
	var filled []piece
	for _, p := range ps {
		if p.kind != pieceBlank {
			filled = append(filled, p)
		}
	}
	if len(filled) == n {
		return filled
	}
	return ps
}

// firstSeen reports whether the values c were not seen before, and marks
// them seen; with no set of those seen (nil), every c is new.
func firstSeen(seen map[string]bool, c []cellVal) bool {
	if seen == nil {
		return true
	}
	var b strings.Builder
	for _, v := range c {
		b.WriteString(v.num.String())
		if !v.ok {
			b.WriteString("?")
		}
		b.WriteByte('|')
	}
	k := b.String()
	if seen[k] {
		return false
	}
	seen[k] = true
	return true
}

// direct appends to vals the cells the pieces make as printed.
func direct(ps []piece, vals []cellVal) []cellVal {
	for _, p := range ps {
		vals = append(vals, directOne(p))
	}
	return vals
}

// directOne is the cell a piece makes as printed.
func directOne(p piece) cellVal {
	switch p.kind {
	case pieceNumber:
		return cellVal{num: p.num, ok: true, worded: p.worded, line: p.line, origin: p.origin}
	case pieceBlank:
		return cellVal{num: xxgk.Int(0), blank: true, ok: true, line: p.line, origin: p.origin}
	case pieceNA:
		return cellVal{line: p.line, origin: p.origin}
	}
	return cellVal{}
}

// enumerate calls emit with every way of splitting the pieces into n
// cells: splittable pieces may yield several cells, others exactly one.
// The split made is in sc's cur: emit copies what it keeps.
func enumerate(ps []piece, n int, emit func([]cellVal) bool, sc *solveScratch) {
	extra := n - len(ps)
	cur := reuse(sc.cur, n)
	defer func() { sc.cur = cur[:0] }()
	var rec func(i, extra int) bool
	rec = func(i, extra int) bool {
		if i == len(ps) {
			if extra == 0 {
				return emit(cur) // emit copies what it keeps
			}
			return true
		}
		p := ps[i]
		if !p.splittable {
			cur = append(cur, directOne(p))
			ok := rec(i+1, extra)
			cur = cur[:len(cur)-1]
			return ok
		}
		// Every later piece can absorb at most its length minus one extra
		// cells; the last piece must take all that remain.
		capLater := 0
		for _, q := range ps[i+1:] {
			if q.splittable {
				capLater += len(q.digits()) - 1
			}
		}
		digits := p.digits()
		negative := len(digits) < len(p.text)
		cell := cellVal{ok: true, line: p.line, origin: p.origin}
		for k := max(0, extra-capLater); k <= extra && k < len(digits); k++ {
			// The piece's k+1 cells differ from split to split only in
			// their numbers: the rest is written once.
			base := len(cur)
			for range k + 1 {
				cur = append(cur, cell)
			}
			ok := splitDigits(digits, k+1, &sc.ints, func(parts []int64) bool {
				if negative && parts[0] == 0 {
					return true // -0 is no cell
				}
				for j, v := range parts {
					if j == 0 && negative {
						v = -v // -322815: the sign is the first cell's
					}
					cur[base+j].num = xxgk.Int(v)
				}
				return rec(i+1, extra-k)
			})
			cur = cur[:base]
			if !ok {
				return false
			}
		}
		return true
	}
	rec(0, extra)
}

// splitDigits calls f with every split of digits into parts numbers
// without leading zeros. The parts are made on the stack *ints, above what
// the calls of splitDigits that f is called from hold.
func splitDigits(digits string, parts int, ints *[]int64, f func([]int64) bool) bool {
	base := len(*ints)
	*ints = slices.Grow(*ints, parts)[:base+parts]
	defer func() { *ints = (*ints)[:base] }()
	out := (*ints)[base : base : base+parts]
	var rec func(rest string, left int) bool
	rec = func(rest string, left int) bool {
		if left == 1 {
			if len(rest) > maxCellDigits || (len(rest) > 1 && rest[0] == '0') {
				return true
			}
			return f(append(out, parseDigits(rest)))
		}
		maxLen := len(rest) - (left - 1)
		if rest[0] == '0' {
			maxLen = 1
		}
		var v int64 // rest[:l] read digit by digit, -1 once a byte is none
		for l := 1; l <= maxLen && l <= maxCellDigits; l++ {
			if c := rest[l-1]; v >= 0 && c >= '0' && c <= '9' {
				v = v*10 + int64(c-'0')
			} else {
				v = -1
			}
			part := v
			if v < 0 {
				part = parseDigits(rest[:l]) // as it would be parsed whole
			}
			out = append(out, part)
			ok := rec(rest[l:], left-1)
			out = out[:len(out)-1]
			if !ok {
				return false
			}
		}
		return true
	}
	return rec(digits, parts)
}

// parseDigits is strconv.ParseInt(d, 10, 64) with its error ignored, without
// the call's checks for the short runs of digits splitDigits makes.
func parseDigits(d string) int64 {
	if len(d) > 18 {
		v, _ := strconv.ParseInt(d, 10, 64)
		return v
	}
	var v int64
	for i := 0; i < len(d); i++ {
		c := d[i]
		if c < '0' || c > '9' {
			v, _ := strconv.ParseInt(d, 10, 64)
			return v
		}
		v = v*10 + int64(c-'0')
	}
	return v
}

// spansLines reports whether a row's values come from more than one line
// of the source (a table of text); a grid's cells share their table's line.
func spansLines(rr rowRead) bool {
	for _, p := range rr.region {
		if p.line != rr.region[0].line {
			return true
		}
	}
	return false
}

func onlyRow(rel templates.Relation, row string) bool {
	for _, refs := range [][]templates.CellRef{rel.LHS, rel.RHS} {
		for _, c := range refs {
			if c.Row != row {
				return false
			}
		}
	}
	return true
}

// agreement tracks whether every solution gives a cell the same value.
type agreement struct {
	v    cellVal
	same bool
}

// searchSplits enumerates the combinations of the ambiguous rows'
// candidates under which the table's identities hold (cells of rows not
// read make a relation unknown, which then constrains nothing). It writes
// in agree, per ambiguous row and column, whether all combinations agree,
// and returns how many there are; complete is false when the search ran
// out of budget. Its lists are in sc's slabs.
func searchSplits(rels, stated []boundRel, rowPos []int, rows []rowRead, cands []rowCands, amb []int, chosen [][]cellVal, agree [][]agreement, sc *solveScratch) (int, bool) {
	// Each row's depth in amb, -1 if it is not ambiguous: looked up for
	// every cell of every relation.
	depth := sc.places.take(len(rows))
	for i := range depth {
		depth[i] = -1
	}
	for d, i := range amb {
		depth[i] = d
	}
	// Relations checked once their last ambiguous row is assigned: the
	// identities between cells, and the sums stated elsewhere. They are
	// listed by depth in one slab slice, checks[checkFrom[d]:checkFrom[d+1]]
	// for depth d, in the order of rels then stated (a counting sort):
	// a list per depth, grown by append, and rels and stated joined, were
	// allocated anew for every table searched.
	nAll := len(rels) + len(stated)
	at := func(k int) *boundRel {
		if k < len(rels) {
			return &rels[k]
		}
		return &stated[k-len(rels)]
	}
	deepestOf := sc.places.take(nAll)
	checkFrom := takeZero(&sc.places, len(amb)+1)
	nChecks := 0
	for k := range nAll {
		b := at(k)
		deepestOf[k] = -1
		if b.hasConst && k < len(rels) {
			continue
		}
		deepest, usable := -1, true
		for _, refs := range [][]cellAt{b.lhs, b.rhs} {
			for _, c := range refs {
				if c.row < 0 || rowPos[c.row] < 0 {
					usable = false
					break
				}
				i := rowPos[c.row]
				if chosen[i] == nil && len(cands[i].cands) == 0 {
					usable = false
					break
				}
				deepest = max(deepest, depth[i])
			}
			if !usable {
				break
			}
		}
		if usable && deepest >= 0 {
			deepestOf[k] = deepest
			checkFrom[deepest+1]++
			nChecks++
		}
	}
	for d := range amb {
		checkFrom[d+1] += checkFrom[d]
	}
	checks := sc.rels.take(nChecks)
	next := sc.places.copyOf(checkFrom[:len(amb)])
	for k, d := range deepestOf {
		if d >= 0 {
			checks[next[d]] = at(k)
			next[d]++
		}
	}
	cur := sc.cellRows.copyOf(chosen)
	count := 0
	budget := searchBudget
	complete := true
	record := func() {
		for _, i := range amb {
			if count == 0 {
				a := sc.agree.take(len(cur[i]))
				for c, v := range cur[i] {
					a[c] = agreement{v, true}
				}
				agree[i] = a
				continue
			}
			for c, v := range cur[i] {
				if a := &agree[i][c]; a.same && (a.v.ok != v.ok || !a.v.num.Equal(v.num)) {
					a.same = false
				}
			}
		}
		count++
	}
	var rec func(d int) bool
	rec = func(d int) bool {
		if budget--; budget < 0 {
			complete = false
			return false
		}
		if d == len(amb) {
			record()
			return true
		}
		i := amb[d]
		for _, c := range cands[i].cands {
			cur[i] = c
			ok := true
			for _, b := range checks[checkFrom[d]:checkFrom[d+1]] {
				if holds, known := evaluateRows(b, cur, rowPos); known && !holds {
					ok = false
					break
				}
			}
			if ok && !rec(d+1) {
				return false
			}
		}
		cur[i] = nil
		return true
	}
	rec(0)
	return count, complete
}
