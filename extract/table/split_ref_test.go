package table

import (
	"fmt"
	"strings"

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
