package table

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"xxgk/document"
	"xxgk/zh"
)

// The stream's construction as it was before addText kept its slices in
// locals and folded through a cache (commit 1880576), in the stream as it
// was before the origin and the letters' places were kept per origin and
// per rune (a list of origins per rune; of letters' byte offsets, rune
// indices and ids per letter): the reference of
// TestStreamMatchesReference and FuzzStream.

// refStream is the stream as it was.
type refStream struct {
	runes   []rune
	origin  []int32 // runes[i] came from origins[origin[i]]
	offset  []int32
	letters string
	origins []origin
	// Every letter's byte offset in letters and index in runes, and for
	// every distinct rune the letter ordinals where it occurs.
	letterByte []int32
	letterRune []int32
	runeID     runeTable
	posStart   []int32
	pos        []int32
	letterBuf  []byte
	ids        []int32
	counts     []int32
}

// refNewStream flattens doc.
func refNewStream(doc *document.Document) *refStream {
	s := &refStream{runeID: newRuneTable(1024)}
	for _, b := range doc.Blocks {
		if b.Table != nil {
			s.refAddGrid(b)
			continue
		}
		s.refAddText(origin{line: b.Line, at: where{page: b.Page}, row: -1, col: -1, text: b.Text}, b.Text)
		s.mark(sepMark)
	}
	s.index()
	return s
}

func (s *refStream) mark(r rune) {
	if n := len(s.runes); n > 0 && s.runes[n-1] == sepMark && r != blankMark {
		s.runes[n-1] = r // a row end replaces a cell boundary
		return
	}
	o := int32(len(s.origins) - 1)
	s.runes = append(s.runes, r)
	s.origin = append(s.origin, o)
	s.offset = append(s.offset, int32(len(s.origins[o].text)))
}

// refAddText folds text into the stream. Runs of white space, a tab and a |
// separate cells; a single space between two digits is a weak separator
// (spaceMark); other single spaces are dropped, because labels break
// anywhere (社会公益 组织). The space, the no-break and the ideographic
// space make runs; other white space (the rest of zh.IsSpace) is folded
// away by zh.FoldRune, even between digits.
func (s *refStream) refAddText(o origin, text string) {
	s.origins = append(s.origins, o)
	oi := int32(len(s.origins) - 1)
	var prev rune
	pendingSpace := 0
	if refIsRuleLine(text) {
		return // +----+----+ or ├────┼────┤: a border, only a separator
	}
	for at, r := range text {
		if r == '|' || r == '\t' || isBoxRune(r) {
			pendingSpace = 2
			continue
		}
		if r == ' ' || r == '\u00a0' || r == '\u3000' {
			pendingSpace++
			continue
		}
		f := zh.FoldRune(r)
		if f < 0 {
			continue
		}
		if pendingSpace > 0 {
			mark := rune(sepMark)
			if pendingSpace == 1 && isDigit(prev) && (isDigit(f) || f == '-') {
				mark = spaceMark
			}
			if mark == spaceMark || pendingSpace > 1 || (isDigit(prev) && f == '-') {
				s.runes = append(s.runes, mark)
				s.origin = append(s.origin, oi)
				s.offset = append(s.offset, int32(at))
			}
			pendingSpace = 0
		}
		s.runes = append(s.runes, f)
		s.origin = append(s.origin, oi)
		s.offset = append(s.offset, int32(at))
		if !isMark(f) {
			s.refAddLetter(f)
		}
		prev = f
	}
}

func (s *refStream) refAddGrid(b document.Block) {
	g := b.Table
	for r, row := range g.Rows {
		var texts []string
		for c, cell := range row {
			if !g.IsCopy(r, c) && cell.Text != "" {
				texts = append(texts, cell.Text)
			}
		}
		rowText := strings.Join(texts, " ")
		for c, cell := range row {
			if g.IsCopy(r, c) {
				continue
			}
			o := origin{line: b.Line, at: where{page: b.RowPage(r)}, row: r, col: c, text: cell.Text, rowText: rowText}
			if g.Sheet != "" {
				o.at.sheet, o.at.cell = g.Sheet, g.CellName(r, c)
			}
			if strings.TrimSpace(cell.Text) == "" {
				s.origins = append(s.origins, o)
				s.mark(blankMark)
			} else {
				s.refAddText(o, cell.Text)
			}
			s.mark(sepMark)
		}
		s.mark(rowMark)
	}
}

// refAddLetter indexes the letter r just added as the last rune of the
// stream (in the same pass, rather than one more over the stream).
func (s *refStream) refAddLetter(r rune) {
	s.letterByte = append(s.letterByte, int32(len(s.letterBuf)))
	s.letterRune = append(s.letterRune, int32(len(s.runes)-1))
	s.letterBuf = utf8.AppendRune(s.letterBuf, r) // U+FFFD for an invalid rune
	id, added := s.runeID.add(r)
	if added {
		s.counts = append(s.counts, 0)
	}
	s.counts[id]++
	s.ids = append(s.ids, id)
}

// index makes the letters' string and, for every rune id, the list of
// ordinals where it occurs.
func (s *refStream) index() {
	s.letters = string(s.letterBuf)
	s.posStart = make([]int32, len(s.counts)+1)
	for k, c := range s.counts {
		s.posStart[k+1] = s.posStart[k] + c
	}
	s.pos = make([]int32, len(s.ids))
	fill := slices.Clone(s.posStart[:len(s.counts)])
	for ord, id := range s.ids {
		s.pos[fill[id]] = int32(ord)
		fill[id]++
	}
}

// appendOccurrences appends to occ the occurrences of word in the letters
// that start at or after rune index from, the first limit of them (all if
// limit < 0): the places of the word's rarest rune where the word is found
// around it.
func (s *refStream) appendOccurrences(occ []span, word string, from, limit int) []span {
	if word == "" {
		return occ
	}
	best, bestK, bestN := int32(-1), 0, int32(1<<30)
	k := 0
	for _, r := range word {
		id, ok := s.runeID.get(r)
		if !ok {
			return occ
		}
		if n := s.posStart[id+1] - s.posStart[id]; n < bestN {
			best, bestK, bestN = id, k, n
		}
		k++
	}
	wordRunes := k
	list := s.pos[s.posStart[best]:s.posStart[best+1]]
	ord0 := 0
	if from > 0 {
		ord0 = sort.Search(len(s.letterRune), func(i int) bool { return int(s.letterRune[i]) >= from })
	}
	list = list[sort.Search(len(list), func(i int) bool { return int(list[i]) >= ord0+bestK }):]
	for _, p := range list {
		at := int(p) - bestK
		if at+wordRunes > len(s.letterRune) {
			break
		}
		if strings.HasPrefix(s.letters[s.letterByte[at]:], word) {
			occ = append(occ, span{s.letterRune[at], s.letterRune[at+wordRunes-1] + 1})
			if limit--; limit == 0 {
				break
			}
		}
	}
	return occ
}

// letterOffset returns the byte offset in letters of the first letter at or
// after rune index i.
func (s *refStream) letterOffset(i int) int {
	ord := sort.Search(len(s.letterRune), func(k int) bool { return int(s.letterRune[k]) >= i })
	if ord == len(s.letterRune) {
		return len(s.letters)
	}
	return int(s.letterByte[ord])
}

// source returns the source text behind runes [a, b): for each text line or
// cell touched, the part of it that was read, as printed. A label that
// starts its line is extended to the line start, so its numbering shows.
func (s *refStream) source(a, b int) string {
	var parts []string
	for i := a; i < b && i < len(s.runes); {
		oi := s.origin[i]
		j := i
		for j < b && j < len(s.runes) && s.origin[j] == oi {
			j++
		}
		o := s.origins[oi]
		from, to := int(s.offset[i]), int(s.offset[j-1])
		if to < len(o.text) {
			_, size := utf8.DecodeRuneInString(o.text[to:])
			to += size
		}
		if i == a && from > 0 && isLabelLead(o.text[:from]) { // at 0, from stays 0
			from = 0
		}
		if t := strings.TrimSpace(o.text[min(from, to):to]); t != "" {
			parts = append(parts, t)
		}
		i = j
	}
	return strings.Join(parts, " ")
}

// refIsRuleLine reports whether a line only draws a table border, in box
// characters or ASCII art (+----+, |====|), as isRuleLine did before it
// looked at the first byte first.
func refIsRuleLine(t string) bool {
	hasRule := false
	for _, r := range t {
		switch {
		case isBoxRune(r), r == '-', r == '=', r == '_':
			hasRule = true
		case r == '+', r == '|', r == ' ', r == '\t', r == ':':
		default:
			return false
		}
	}
	return hasRule && utf8.RuneCountInString(t) >= 3
}
