// Package text reads a report saved as plain text (most often the text of a
// web page, copied or crawled): one paragraph block per non-empty line, with
// the page's chrome (menus, toolbars, breadcrumbs, footers, crawler headers)
// removed by the noise rules of package document, which the HTML reader
// shares. It registers itself with package format as the fallback for any
// decoded text that no other text format claims.
package text

import (
	"strings"

	"xxgk/document"
	"xxgk/format"
)

func init() {
	format.Register(format.Format{
		Name:       "text",
		Label:      "网页文字或文本文件",
		Extensions: []string{".txt"},
		ReadText:   func(text string) (*document.Document, error) { return Read(text), nil },
	})
}

// Read reads decoded web-page text into blocks. A text line keeps its inner
// runs of spaces and tabs: in text tables they separate cells.
func Read(text string) *document.Document {
	var cands []document.Candidate
	lineNo := 0
	for line := range strings.Lines(text) {
		lineNo++
		s := strings.TrimSpace(document.NormalizeSpaces(strings.TrimSuffix(line, "\n")))
		if s == "" {
			continue
		}
		s, kind := document.ClassifyLine(s)
		cands = append(cands, document.Candidate{Block: document.Block{Line: lineNo, Text: s}, Kind: kind})
	}
	return &document.Document{Kind: "text", Blocks: document.FinishBlocks(cands)}
}
