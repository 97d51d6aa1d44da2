package table

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"xxgk"
	"xxgk/templates"
)

// The splitting code as it was before its candidates came from a reader's
// slab (commit bea5e41): the reference of FuzzCandidates.

// refCandidates lists the ways the row's pieces can fill its n cells. A
// reading that leaves no choice is taken as printed, even where the row's
// own identities break (that is the report's arithmetic, for check to
// report): as many pieces as cells, or digits with a single split under
// the leading-zero rule. Where there is a choice, only splits under which
// holds (the row's own identities) holds are kept. Digits parted by single
// spaces are split only where they must be (01 is not a cell) or the row
// has identities to decide.
func refCandidates(rr rowRead, n int, cols []*templates.Column, identities bool, holds func([]cellVal) bool) (rowCands, string) {
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
	var out [][]cellVal
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
			only = append([]cellVal(nil), c...)
		}
		if h {
			out = refAppendUnique(out, seen, append([]cellVal(nil), c...))
		}
	}
	for vi, ps := range variants {
		if len(ps) > n || len(ps) == 0 {
			continue
		}
		if len(ps) == n && !anyLeadingZero(ps) {
			if c := refDirect(ps); vi == 0 && rr.tailDigits == "" && signsFit(c, cols) {
				return rowCands{cands: [][]cellVal{c}, exact: true}, ""
			}
			consider(refDirect(ps))
			continue
		}
		refEnumerate(ps, n, func(c []cellVal) bool {
			consider(c)
			return len(out) < maxCandidates
		})
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
		return rowCands{cands: [][]cellVal{only}}, ""
	}
	return rowCands{cands: out}, ""
}

func refAppendUnique(out [][]cellVal, seen map[string]bool, c []cellVal) [][]cellVal {
	if seen == nil {
		return append(out, c)
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
		return out
	}
	seen[k] = true
	return append(out, c)
}

func refDirect(ps []piece) []cellVal {
	vals := make([]cellVal, len(ps))
	for i, p := range ps {
		vals[i] = directOne(p)
	}
	return vals
}

// directOne is the cell a piece makes as printed.
// refEnumerate calls emit with every way of splitting the pieces into n
// cells: splittable pieces may yield several cells, others exactly one.
func refEnumerate(ps []piece, n int, emit func([]cellVal) bool) {
	extra := n - len(ps)
	cur := make([]cellVal, 0, n)
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
		for k := max(0, extra-capLater); k <= extra && k < len(digits); k++ {
			ok := refSplitDigits(digits, k+1, func(parts []int64) bool {
				if negative && parts[0] == 0 {
					return true // -0 is no cell
				}
				base := len(cur)
				for j, v := range parts {
					if j == 0 && negative {
						v = -v // -322815: the sign is the first cell's
					}
					cur = append(cur, cellVal{num: xxgk.Int(v), ok: true, line: p.line, origin: p.origin})
				}
				r := rec(i+1, extra-k)
				cur = cur[:base]
				return r
			})
			if !ok {
				return false
			}
		}
		return true
	}
	rec(0, extra)
}

// refSplitDigits calls f with every split of digits into parts numbers
// without leading zeros.
func refSplitDigits(digits string, parts int, f func([]int64) bool) bool {
	out := make([]int64, 0, parts)
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
		for l := 1; l <= maxLen && l <= maxCellDigits; l++ {
			out = append(out, parseDigits(rest[:l]))
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

// checkSearchSplits solves table tb's rows as solveTable does up to its
// search of splits, and compares searchSplits with the reference on them:
// the same count of readings, completeness and agreement.
func checkSearchSplits(t *testing.T, name string, tb *templates.Table, rows []rowRead) {
	t.Helper()
	var sc, scRef solveScratch
	cols := tb.DataColumns()
	rels, grouped := groupRelations(tb, rows)
	tr := relsOf(tb).with(tb, rows, rels, grouped)
	bound, ownOf, rowPos := tr.rels, tr.own, tr.places(rows, &sc.places)
	cands := make([]rowCands, len(rows))
	var amb []int
	chosen := make([][]cellVal, len(rows))
	for i, rr := range rows {
		if len(rr.region) == 0 {
			continue
		}
		own := ownOf(rr.row.Key)
		cs, why := candidates(rr, len(cols), cols, len(own) > 0, func(c []cellVal) bool { return rowHoldsAt(own, c) }, &sc)
		if why != "" {
			continue
		}
		cands[i] = cs
		switch {
		case len(cs.cands) == 1:
			chosen[i] = cs.cands[0]
		case len(cs.cands) > 1:
			amb = append(amb, i)
		}
	}
	if len(amb) == 0 || brokenAcrossRows(bound, rowPos, chosen) {
		return
	}
	agree, agreeRef := make([][]agreement, len(rows)), make([][]agreement, len(rows))
	n, complete := searchSplits(bound, tr.bind(tb, nil), rowPos, rows, cands, amb, chosen, agree, &sc)
	nRef, completeRef := refSearchSplits(bound, tr.bind(tb, nil), rowPos, rows, cands, amb, chosen, agreeRef, &scRef)
	if n != nRef || complete != completeRef || !reflect.DeepEqual(agree, agreeRef) {
		t.Fatalf("%s: table %s: searchSplits finds %d readings (complete %v), the reference %d (%v), or they agree otherwise", name, tb.ID, n, complete, nRef, completeRef)
	}
}

// refSearchSplits is searchSplits as it was before its relations were
// listed by depth in a slab (checkAt, a list per depth): searchSplits
// enumerates the combinations of the ambiguous rows'
// candidates under which the table's identities hold (cells of rows not
// read make a relation unknown, which then constrains nothing). It writes
// in agree, per ambiguous row and column, whether all combinations agree,
// and returns how many there are; complete is false when the search ran
// out of budget. Its lists are in sc's slabs.
func refSearchSplits(rels, stated []boundRel, rowPos []int, rows []rowRead, cands []rowCands, amb []int, chosen [][]cellVal, agree [][]agreement, sc *solveScratch) (int, bool) {
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
	// identities between cells, and the sums stated elsewhere.
	checkAt := make([][]*boundRel, len(amb))
	all := append(rels[:len(rels):len(rels)], stated...)
	for k := range all {
		b := &all[k]
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
			checkAt[deepest] = append(checkAt[deepest], b)
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
			for _, b := range checkAt[d] {
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
