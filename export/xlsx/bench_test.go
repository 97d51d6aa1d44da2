package xlsx

import (
	"fmt"
	"io"
	"testing"
	"xxgk/rollup"

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
	benchWrite(b, func(w io.Writer) error { return WriteReports(w, reports, Options{}) })
}

// benchWrite times write, from here on.
func benchWrite(b *testing.B, write func(io.Writer) error) {
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := write(io.Discard); err != nil {
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
	benchWrite(b, func(w io.Writer) error { return WriteTemplate(w, "gov_2021", Options{}) })
}

// rollupOf copies reports into n agencies of distinct names, in 10 groups.
func rollupOf(base []*xxgk.Report, n int) *rollup.Rollup {
	reports := make([]*xxgk.Report, n)
	groups := map[string]string{}
	for i := range reports {
		r := *base[i%len(base)]
		r.Agency = fmt.Sprintf("%s%05d", r.Agency, i)
		r.Source.Path = fmt.Sprintf("报告/%05d.html", i)
		r.Source.SHA256 = ""
		reports[i] = &r
		groups[r.Agency] = fmt.Sprintf("第%d组", i%10)
	}
	return rollup.Roll(reports, rollup.Options{Name: "某某市", Groups: groups})
}

func benchRollup(b *testing.B, n int) {
	ru := rollupOf([]*xxgk.Report{parseFile(b, "pingtan-2025-zone-lynx.txt"), parseFile(b, "page-08.txt")}, n)
	benchWrite(b, func(w io.Writer) error { return WriteRollup(w, ru, Options{}) })
}

// 1,000 and 10,000 agencies of one year (gov_2021, half of them with 3
// findings), in 10 groups: no per-agency sheets; 各单位 has a row per
// agency, 核查 one per finding.
func BenchmarkWriteRollup1000(b *testing.B)  { benchRollup(b, 1000) }
func BenchmarkWriteRollup10000(b *testing.B) { benchRollup(b, 10000) }

// 200 agencies: the largest roll-up with each agency's official sheets.
func BenchmarkWriteRollup200(b *testing.B) { benchRollup(b, 200) }
