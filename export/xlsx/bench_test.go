package xlsx

import (
	"io"
	"testing"

	"xxgk"
)

func benchReports(b *testing.B, n int) {
	base := []*xxgk.Report{
		parseFile(b, "pingtan-2025-zone-html.html"),
		parseFile(b, "seed-002.txt"),
		parseFile(b, "seed-000.txt"),
	}
	reports := make([]*xxgk.Report, n)
	for i := range reports {
		reports[i] = base[i%len(base)]
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := WriteReports(io.Discard, reports, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// One gov_2021 report: 5 sheets, about 200 commented cells.
func BenchmarkWriteReports1(b *testing.B) { benchReports(b, 1) }

// 10 and 100 reports (gov_2021, stat_2014 and narrative in turn), to show
// how the cost grows with the number of reports.
func BenchmarkWriteReports10(b *testing.B)  { benchReports(b, 10) }
func BenchmarkWriteReports100(b *testing.B) { benchReports(b, 100) }

func BenchmarkWriteTemplate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteTemplate(io.Discard, "gov_2021", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
