package xlsx

import (
	"slices"
	"testing"

	"xxgk"
	"xxgk/compare"
	"xxgk/rollup"
	"xxgk/templates"
)

// A roll-up of several years of the same agencies has 历年趋势: per key
// figure, each agency's number per year and the year's total.
func TestRollupTrend(t *testing.T) {
	var reports []*xxgk.Report
	for _, n := range []string{"pingtan-2012-zone.txt", "pingtan-2012-county.txt", "pingtan-2013-zone.txt", "pingtan-2013-county.txt", "pingtan-2025-zone-html.html"} {
		reports = append(reports, parseFile(t, n))
	}
	ru := rollup.Roll(reports, rollup.Options{Name: "平潭"})
	f := openRollup(t, ru)
	sheets := f.GetSheetList()
	i := slices.Index(sheets, "历年趋势")
	if i < 0 || sheets[i+1] != "核查" {
		t.Fatalf("sheets %q", sheets)
	}
	rows, _ := f.GetRows("历年趋势")
	if want := []string{"序号", "单位", "2012年", "2013年", "2025年", "有报告的年数"}; !slices.Equal(rows[2], want) {
		t.Errorf("header %q, want %q", rows[2], want)
	}
	tr := compare.Trends(ru)
	r := 3
	for _, key := range compare.KeyFigures {
		fig := templates.FigureByKey(key)
		if rows[r][0] != fig.Label+"（"+fig.Unit+"）" {
			t.Fatalf("row %d: %q, want the block of %s", r+1, rows[r], key)
		}
		r++
		for _, a := range tr.Agencies {
			if rows[r][1] != a.Agency {
				t.Errorf("row %d: %q, want %s", r+1, rows[r], a.Agency)
			}
			for j, v := range a.Values[key] {
				got := ""
				if 2+j < len(rows[r]) {
					got = rows[r][2+j]
				}
				want := "" // no report that year, or no figure: blank
				if v != nil {
					want = excelText(v.Value)
				}
				if got != want {
					t.Errorf("%s %s %d: %q, want %q", a.Agency, key, tr.Years[j], got, want)
				}
			}
			r++
		}
		if rows[r][0] != "合计" {
			t.Errorf("row %d: %q, want 合计", r+1, rows[r])
		}
		r++
	}
	// No agency in two years: no 历年趋势.
	f = openRollup(t, rollup.Roll([]*xxgk.Report{parseFile(t, "seed-002.txt"), parseFile(t, "pingtan-2025-zone-html.html")}, rollup.Options{}))
	if slices.Contains(f.GetSheetList(), "历年趋势") {
		t.Error("历年趋势 of agencies of one year each")
	}
}
