package table

import (
	"slices"
	"strings"
	"unicode/utf8"

	"xxgk/templates"
)

// Rows whose label is misprinted: reports drop, add, change or swap a
// character of a long label (2.其他法律法规禁止公开, 属于三类内部事物信息),
// and the exact search of table.go does not find them. Such a row is still
// bound by its place between the rows that were found.

// maxMisprinted is how many runes may stand between two rows found for a
// misprinted row between them to be read: its numbering, label and values.
const maxMisprinted = 160

// readMisprinted adds the rows whose label is misprinted (2.其他法律法规禁止
// 公开 with two characters dropped, 事物 for 事务): where exactly one data
// row of the template is missing between two rows found, and the text
// between them is a label like the missing row's followed by values, that
// text is the missing row. Its place in the template binds it; the label
// only has to look like it.
func (fr *formReader) readMisprinted(t *templates.Table, rows []rowRead) []rowRead {
	dataRows := t.DataRows()
	var out []rowRead
	// Each row's place is looked up once, as the next row's and then as
	// the row's; rows are large, and not copied to be looked at.
	b := 0
	if len(rows) > 0 {
		b = fr.dataOrder[rows[0].row]
	}
	for k := range rows {
		if k+1 == len(rows) {
			break
		}
		rr, next := &rows[k], &rows[k+1]
		a := b
		b = fr.dataOrder[next.row]
		if b == a+2 {
			if m, ok := fr.misprintedRow(t, dataRows[a+1], rr.regionEnd(), next.labelStart); ok {
				if out == nil {
					out = append(out, rows[:k+1]...)
				}
				out = append(out, m)
			}
		}
		if out != nil {
			out = append(out, *next)
		}
	}
	if out == nil {
		return rows
	}
	return out
}

// misprintedRow reads row from the runes [from, to) between two rows
// found, if they hold a label like the row's and its values.
func (fr *formReader) misprintedRow(t *templates.Table, row *templates.Row, from, to int) (rowRead, bool) {
	s := fr.s
	if to-from > maxMisprinted || to <= from {
		return rowRead{}, false
	}
	var letters []rune
	var at []int
	for i := from; i < to; i++ {
		if !isMark(s.runes[i]) {
			letters, at = append(letters, s.runes[i]), append(at, i)
		}
	}
	// The label: after the numbering and the group rows' labels ((三)不予
	// 公开), up to the first digit, where the values start.
	text := string(letters)
	for range 3 {
		_, text = templates.StripNumbering(text)
		for _, g := range t.Rows {
			if g.IsGroup {
				for _, a := range fr.rowPats[g].Alts {
					text = strings.TrimPrefix(text, a)
				}
			}
		}
	}
	first := len(letters) - utf8.RuneCountInString(text)
	digit := slices.IndexFunc(letters[first:], isDigit)
	if digit <= 0 {
		return rowRead{}, false
	}
	st, labelEnd := at[first], at[first+digit]
	core, _, _ := strings.Cut(string(letters[first:first+digit]), "(")
	if !slices.ContainsFunc(fr.rowPats[row].Alts, func(a string) bool { return likeLabel(core, a) }) {
		return rowRead{}, false
	}
	pieces, tail, end, ok := fr.readRegion(labelEnd)
	if !ok || !hasNumber(pieces) || end > to || !fr.boundaryAfter(end) {
		return rowRead{}, false
	}
	o := s.originOf(st)
	return rowRead{row: row, labelStart: st, region: pieces, tailDigits: tail, line: o.line, page: o.at.page,
		printedEnd: labelEnd, evidenceEnd: end}, true
}

// likeLabel reports whether a label as printed is the template's label
// with a character or two dropped, added, changed or swapped: all but two
// characters of the longer are, in order, in the other, and the template's
// label is long enough for that to say something.
func likeLabel(printed, label string) bool {
	p, l := []rune(printed), []rune(label)
	if len(l) < 6 || len(p) < 4 {
		return false
	}
	common := commonRunes(p, l)
	return common >= max(len(p), len(l))-2 && common*4 >= len(l)*3
}

// commonRunes is the length of the longest common subsequence of a and b.
func commonRunes(a, b []rune) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
