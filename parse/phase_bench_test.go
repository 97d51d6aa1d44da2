package parse

import (
	"os"
	"testing"

	"xxgk"
	"xxgk/extract/meta"
	"xxgk/extract/prose"
	"xxgk/extract/table"
	"xxgk/format/charset"
	plaintext "xxgk/format/text"
)

// BenchmarkPhases splits the cost of parsing one page-text report
// (XXGK_FILE names another) into its steps.
func BenchmarkPhases(b *testing.B) {
	name := os.Getenv("XXGK_FILE")
	if name == "" {
		name = "../testdata/reports/pingtan-2025-zone.txt"
	}
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	text, _, _ := charset.Decode(data)
	doc := plaintext.Read(text)
	tabs := table.Read(doc, 2025)
	figures := tabs.Cells.Figures()
	tabs.Settle(nil, nil)
	for _, phase := range []struct {
		name string
		run  func()
	}{
		{"decode", func() { charset.Decode(data) }},
		{"readText", func() { plaintext.Read(text) }},
		{"meta", func() { meta.Read(doc) }},
		// Settled as Parse settles it: a reading with undecided rows
		// keeps its buffers until then, and the next one allocates anew.
		{"tables", func() { t := table.Read(doc, 2025); t.Settle(nil, nil); t.Cells.Release() }},
		{"prose", func() {
			prose.Figures(doc, doc, 2025, figures, func(e xxgk.Evidence) string { return e.Place(xxgk.Source{Kind: "text"}) })
		}},
	} {
		b.Run(phase.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				phase.run()
			}
		})
	}
}
