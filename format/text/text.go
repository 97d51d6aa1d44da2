// Package text reads a report saved as plain text (most often the text of a
// web page, copied or crawled): one paragraph block per non-empty line, with
// the page's chrome (menus, toolbars, breadcrumbs, footers, crawler headers)
// removed by the noise rules of package document, which the HTML reader
// shares. It registers itself with package format as the fallback for any
// decoded text that no other text format claims.
package text

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"xxgk/document"
	"xxgk/format"
)

func init() {
	format.Register(format.Format{
		Name:       "text",
		Label:      "网页文字或文本文件",
		Extensions: []string{".txt"},
		ReadText:   readText,
		// The reader passes over every byte of a line: it checks the
		// text as it goes, for the decoder (charset.DecodeUnchecked).
		ReadUncheckedText: readUncheckedText,
	})
}

// MaxLines bounds the lines of a text file: each line becomes a block, of
// some hundreds of bytes with what is derived from it, so a file of short
// lines would take far more memory than its size says.
const MaxLines = 100000

func readText(text string) (*document.Document, error) {
	n, err := countLines(text)
	if err != nil {
		return nil, err
	}
	doc, _ := read(text, n, false)
	return doc, nil
}

// readUncheckedText is readText of text that may not be valid UTF-8, and
// may hold zero-width characters (format.Format.ReadUncheckedText): it
// stops at the first line that is not valid. The zero-width characters
// make no difference: every line that holds one is read as it is read
// without (document.NormalizeSpaces drops them), and none is white space
// or a line break.
func readUncheckedText(text string) (*document.Document, document.TextFlaw, error) {
	n, err := countLines(text)
	if err != nil {
		return nil, document.NoFlaw, err
	}
	doc, flaw := read(text, n, true)
	return doc, flaw, nil
}

// countLines counts the line breaks of text, within MaxLines.
func countLines(text string) (int, error) {
	n := strings.Count(text, "\n")
	if n > MaxLines {
		return 0, fmt.Errorf("文本有 %d 行，超过 %d 行的上限（一份年度报告通常不到 1 万行），拒绝读取: %w", n, MaxLines, format.ErrUnreadable)
	}
	return n, nil
}

// Read reads decoded web-page text into blocks. A text line keeps its inner
// runs of spaces and tabs: in text tables they separate cells.
func Read(text string) *document.Document {
	doc, _ := read(text, strings.Count(text, "\n"), false)
	return doc
}

// lineLists holds the lists read fills, for reuse: a block per line
// at most, but a third of the lines of page text are blank and more are
// chrome, so the document's own list, made once the blocks kept are
// known, is smaller by two fifths (3% of what parsing page text
// allocated).
type lineLists struct {
	blocks []document.Block
	kinds  []document.LineKind
}

var lineListsPool = sync.Pool{New: func() any { return new(lineLists) }}

// maxPooledLines bounds the lists kept for reuse: a text of more lines
// does not pin them (a report has some hundreds).
const maxPooledLines = 1 << 14

// read is Read of text that has n line breaks. It reports the worst flaw
// of its lines (document.ClassifyTextLine); when check is set, it stops at
// the first invalid line, and returns no document then.
func read(text string, n int, check bool) (doc *document.Document, flaw document.TextFlaw) {
	// A block per line at most: counting the lines (a vectorised search)
	// costs less than growing the list as it fills.
	lists := lineListsPool.Get().(*lineLists)
	blocks, kinds := slices.Grow(lists.blocks[:0], n+1), slices.Grow(lists.kinds[:0], n+1)
	lineNo, fold := 0, false
	for line := range strings.Lines(text) {
		lineNo++
		s, kind, blank, f, lineFlaw := document.ClassifyTextLine(strings.TrimSuffix(line, "\n"))
		fold, flaw = fold || f, max(flaw, lineFlaw)
		if check && flaw == document.Invalid {
			break
		}
		if blank {
			continue
		}
		blocks, kinds = append(blocks, document.Block{Line: lineNo, Text: s}), append(kinds, kind)
	}
	if check && flaw == document.Invalid {
		clear(blocks) // the lists keep no text
	} else {
		kept := document.FinishLines(blocks, kinds)
		doc = &document.Document{Kind: "text", Blocks: make([]document.Block, len(kept))}
		copy(doc.Blocks, kept)
		clear(kept) // FinishLines cleared the rest: the lists keep no text
		// A block's text is part of its line, so no block holds a
		// character to fold where no line does.
		doc.Simplified = !fold
	}
	if cap(blocks) <= maxPooledLines {
		lists.blocks, lists.kinds = blocks[:0], kinds[:0]
		lineListsPool.Put(lists)
	}
	return doc, flaw
}
