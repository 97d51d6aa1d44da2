package main

import (
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"xxgk"
	"xxgk/load"
	"xxgk/rollup"
)

// TestKeptSeriesFindings: the carry-over findings a roll-up adds to the
// reports it keeps are those addSeriesFindings adds to the whole reports.
func TestKeptSeriesFindings(t *testing.T) {
	parse := func(name string) *xxgk.Report {
		b, err := os.ReadFile(filepath.Join(reportsDir, name))
		if err != nil {
			t.Fatal(err)
		}
		r, err := load.Report(name, b)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	// The same agency in 2024 and 2025, whose carry-over does not match,
	// and two agencies of one year.
	next := parse("pingtan-2025-zone-html.html")
	prev := *next
	prev.Year, prev.Source.Path = 2024, "2024.html"
	prev.Cells, prev.Findings = maps.Clone(next.Cells), nil
	other, third := parse("seed-002.txt"), parse("seed-000.txt")
	whole := []*xxgk.Report{&prev, next, other, third}
	var kept []*rollup.Kept
	for _, r := range whole {
		c := *r
		c.Findings = slices.Clone(r.Findings)
		kept = append(kept, rollup.Keep(&c))
	}
	addSeriesFindings(whole)
	addKeptSeriesFindings(kept)
	carried := 0
	for i, r := range whole {
		if got := kept[i].Report.Findings; !reflect.DeepEqual(got, r.Findings) {
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
