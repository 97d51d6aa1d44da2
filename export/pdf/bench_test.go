package pdf

import (
	"bytes"
	"fmt"
	"testing"
	"xxgk/rollup"

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

// BenchmarkWriteRollup writes the roll-up of 1,000 and 10,000 agencies
// (copies of a parsed 2021-form report under distinct names, in ten
// groups, with five findings each): the side-by-side table has a row per
// agency.
func BenchmarkWriteRollup(b *testing.B) {
	base := parseFile(b, "pingtan-2025-zone-html.html")
	var findings []xxgk.Finding
	for i := range 5 {
		findings = append(findings, xxgk.Finding{Rule: "bench", Severity: xxgk.SeverityWarning,
			Message: fmt.Sprintf("第%d条核查发现：表三第一项加第二项之和不等于第三项加第四项之和", i+1), Line: 40 + i})
	}
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			reports := clones(base, n)
			groups := map[string]string{}
			for i, r := range reports {
				groups[r.Agency] = fmt.Sprintf("第%d组", i%10+1)
				r.Findings = findings
			}
			ru := rollup.Roll(reports, rollup.Options{Name: "测试市", Groups: groups})
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := WriteRollup(&buf, ru, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(bytes.Count(buf.Bytes(), []byte("/Type /Page\n"))), "pages")
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}
