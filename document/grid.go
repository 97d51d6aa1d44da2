package document

import (
	"strings"
	"unicode/utf8"

	"xxgk/zh"
)

// FoldSpace folds runs of white space to one space, trims the ends and
// drops zero-width characters (zh.IsZeroWidth). White space is HTML's
// (space, tab, CR, LF, FF) and the odd spaces (zh.IsOddSpace: &nbsp;,
// U+3000, …); \v, U+0085, U+1680, U+2028 and U+2029, white space to
// zh.IsSpace, stay as text. As in CSS, a line break in the source between
// two wide characters (zh.IsWide) vanishes instead of becoming a space; a
// NUL, which the parser never leaves in text, marks an explicit break
// (<br>, a paragraph inside a table cell) that always does.
func FoldSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var last rune = -1
	inRun, runNL, runHard := false, false, false
	for i := 0; i < len(s); {
		// Most of a paragraph is text written as it is: a run of it is
		// copied whole, its first character deciding the space before it.
		if j := plainEnd(s, i); j > i {
			first, _ := utf8.DecodeRuneInString(s[i:])
			if inRun && last >= 0 && (runHard || !runNL || !zh.IsWide(last) || !zh.IsWide(first)) {
				b.WriteByte(' ')
			}
			inRun, runNL, runHard = false, false, false
			b.WriteString(s[i:j])
			last, _ = utf8.DecodeLastRuneInString(s[i:j])
			i = j
			continue
		}
		c, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			inRun = true
		case c == '\n':
			inRun, runNL = true, true
		case c == 0 || zh.IsOddSpace(c):
			inRun, runHard = true, true
		case zh.IsZeroWidth(c):
		default: // a byte of invalid UTF-8, written as U+FFFD
			if inRun && last >= 0 && (runHard || !runNL || !zh.IsWide(last) || !zh.IsWide(c)) {
				b.WriteByte(' ')
			}
			inRun, runNL, runHard = false, false, false
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}

// plainEnd returns the end of the run of text from s[i] on that FoldSpace
// writes as it is: valid UTF-8 (an invalid byte becomes U+FFFD) with no
// white space, NUL or zero-width character.
//
// Every byte of a page's text passes here. A character of three bytes
// whose lead takes any continuation bytes (E1–EC, EE–EF: the ideographs
// and most punctuation) is taken in line, the only special characters
// among them (the odd spaces and zero-width characters of three bytes)
// told by their bytes as zh.IndexSpecialSpace tells them; decoding each
// character took twice the instructions.
func plainEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' && (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\n' || c == 0) {
				return i
			}
			i++
			continue
		}
		if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if (c|1 == 0xE3 || c == 0xEF) && zh.IsSpecialSpace3(c, s[i+1], s[i+2]) {
				return i
			}
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 || zh.IsOddSpace(r) || zh.IsZeroWidth(r) {
			return i // n == 1: an invalid byte
		}
		i += n
	}
	return i
}

// Span limits: HTML allows colspan up to 1000 and rowspan up to 65534, but
// report tables are narrow; absurd values are typing errors.
const (
	MaxColspan  = 64
	MaxGridCols = 256
)

// PlaceCell puts cell into positions col..col+cs-1 of row, growing it with
// free positions (OrigRow -1) and leaving positions already taken by an
// earlier span alone.
func PlaceCell(row *[]GridCell, col, cs int, cell GridCell) {
	for len(*row) < col+cs {
		*row = append(*row, GridCell{OrigRow: -1})
	}
	for c := col; c < col+cs; c++ {
		if (*row)[c].OrigRow < 0 {
			(*row)[c] = cell
		}
	}
}

// PadRows gives every row the same width, filling free positions with empty
// cells of their own.
func PadRows(rows [][]GridCell) [][]GridCell {
	width := 0
	for _, row := range rows {
		width = max(width, len(row))
	}
	for ri := range rows {
		for len(rows[ri]) < width {
			rows[ri] = append(rows[ri], GridCell{OrigRow: -1})
		}
		for ci := range rows[ri] {
			if rows[ri][ci].OrigRow < 0 {
				rows[ri][ci] = GridCell{OrigRow: ri, OrigCol: ci}
			}
		}
	}
	return rows
}

// DropEmptyRows removes rows with no text that own all their cells and span
// nowhere, and renumbers OrigRow to match.
func DropEmptyRows(rows [][]GridCell, spanned []bool) [][]GridCell {
	newIndex := make([]int, len(rows))
	kept := rows[:0]
	for ri, row := range rows {
		if !spanned[ri] && isEmptyOwnRow(row, ri) {
			newIndex[ri] = -1
			continue
		}
		newIndex[ri] = len(kept)
		kept = append(kept, row)
	}
	if len(kept) == len(rows) {
		return rows
	}
	for _, row := range kept {
		for ci := range row {
			row[ci].OrigRow = newIndex[row[ci].OrigRow]
		}
	}
	return kept
}

func isEmptyOwnRow(row []GridCell, ri int) bool {
	for _, c := range row {
		if c.Text != "" || c.OrigRow != ri {
			return false
		}
	}
	return true
}
