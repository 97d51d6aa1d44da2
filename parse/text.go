package parse

import (
	"strings"
	"xxgk/document"
)

// readText reads web-page text: one Block per non-empty line, with the
// page's chrome (menus, toolbars, breadcrumbs, footers, crawler headers)
// removed by the noise rules below, which readHTML shares.
func readText(text string) *document.Document {
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
