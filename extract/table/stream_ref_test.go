package table

import (
	"strings"
	"unicode/utf8"

	"xxgk/document"
	"xxgk/zh"
)

// The stream's construction as it was before addText kept its slices in
// locals and folded through a cache (commit 1880576): the reference of
// TestStreamMatchesReference and FuzzStream.

// refNewStream flattens doc.
func refNewStream(doc *document.Document) *stream {
	s := &stream{bufs: freeBufs.get()}
	// The stream holds at most one rune per rune of the source (a marker
	// stands for white space it drops) and a marker or two per block, cell
	// and row: sized so, its slices are never copied while they grow. A
	// text has no more runes than bytes: where the reused slices hold as
	// many, the runes are not counted (a pass of its own); otherwise they
	// are, for a Chinese report has a third as many runes as bytes, and
	// slices sized by bytes would be three times too large to allocate,
	// clear and collect. The letters' UTF-8 is about as long as the
	// source's (append grows it where folding lengthens it).
	bytes := streamSize(doc, func(t string) int { return len(t) })
	size := bytes
	if cap(s.bufs.runes) < size {
		size = streamSize(doc, utf8.RuneCountInString)
	}
	b := s.bufs
	s.runes = reuse(b.runes, size)
	s.origin = reuse(b.origin, size)
	s.offset = reuse(b.offset, size)
	s.origins = reuse(b.origins, len(doc.Blocks)+16)
	s.letterBuf = reuse(b.letterBuf, bytes)
	s.letterByte = reuse(b.letterByte, size)
	s.letterRune = reuse(b.letterRune, size)
	s.ids = reuse(b.ids, size)
	s.counts = reuse(b.counts, 1024)
	s.runeID = reuseRuneTable(b.keys, b.tableIDs, b.ascii)
	// A generation of its own, as newStream takes: lookup must not take
	// the ids the fold cache holds for the stream that had the buffers.
	if b.gen++; b.gen == 0 {
		b.gen = 1
	}
	s.occ, s.occBuf = b.occ, b.occBuf[:0]
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

// refAddText folds text into the stream. Runs of white space, a tab and a |
// separate cells; a single space between two digits is a weak separator
// (spaceMark); other single spaces are dropped, because labels break
// anywhere (社会公益 组织). The space, the no-break and the ideographic
// space make runs; other white space (the rest of zh.IsSpace) is folded
// away by zh.FoldRune, even between digits.
func (s *stream) refAddText(o origin, text string) {
	s.origins = append(s.origins, o)
	oi := int32(len(s.origins) - 1)
	var prev rune
	pendingSpace := 0
	if isRuleLine(text) {
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

func (s *stream) refAddGrid(b document.Block) {
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
func (s *stream) refAddLetter(r rune) {
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
