package load_test

import (
	"maps"
	"reflect"
	"slices"
	"testing"

	"xxgk"
	"xxgk/internal/samples"
	"xxgk/load"
	"xxgk/rollup"
)

// TestRollupSeries: the carry-over findings Rollup adds to the reports it
// keeps (rollup.Keep holds no cells for it) are those Series adds to the
// whole reports.
func TestRollupSeries(t *testing.T) {
	// The same agency in 2024 and 2025, whose carry-over does not match,
	// and two agencies of one year.
	next := samples.Parse(t, "pingtan-2025-zone-html.html")
	prev := *next
	prev.Year, prev.Source.Path = 2024, "2024.html"
	prev.Cells, prev.Findings = maps.Clone(next.Cells), []xxgk.Finding{}
	other, third := samples.Parse(t, "seed-002.txt"), samples.Parse(t, "seed-000.txt")
	whole := []*xxgk.Report{&prev, next, other, third}
	var kept []*rollup.Kept
	for _, r := range whole {
		c := *r
		c.Findings = slices.Clone(r.Findings)
		kept = append(kept, rollup.Keep(&c))
	}
	load.Series(whole)
	load.Rollup(kept, rollup.Options{})
	byPath := map[string]*rollup.Kept{}
	for _, k := range kept {
		byPath[k.Report.Source.Path] = k
	}
	carried := 0
	for _, r := range whole {
		if got := byPath[r.Source.Path].Report.Findings; !reflect.DeepEqual(got, r.Findings) {
			t.Errorf("%s: findings\n%+v\nwant\n%+v", r.Source.Path, got, r.Findings)
		}
		for _, f := range r.Findings {
			if f.Rule == xxgk.RuleCarryOver {
				carried++
			}
		}
	}
	if carried == 0 {
		t.Error("no carry-over finding to compare")
	}
}
