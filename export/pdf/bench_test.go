package pdf

import (
	"bytes"
	"testing"

	"xxgk"
)

// BenchmarkWriteReports writes one report's summary and reports its size
// per page: fpdf must subset the embedded fonts to the glyphs used.
func BenchmarkWriteReports(b *testing.B) {
	for _, name := range []string{"seed-000.txt", "seed-002.txt", "pingtan-2025-zone-html.html"} {
		b.Run(name, func(b *testing.B) {
			r := parseFile(b, name)
			n := pages(b, r)
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := WriteReports(&buf, []*xxgk.Report{r}, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "pages")
			b.ReportMetric(float64(buf.Len())/float64(n), "bytes/page")
		})
	}
}
