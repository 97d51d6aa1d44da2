package main

import (
	"xxgk"
	"xxgk/format"

	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"xxgk/load"
	"xxgk/rollup"
)

// TestRollupEqualsSums rolls up every bundled sample report (the seeds and
// the corpus copies) and checks each year's totals against sums computed
// here from the individually parsed reports: value, count and coverage.
func TestRollupEqualsSums(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.json")
	if err := run(context.Background(), []string{"xxgk", "rollup", "--json", out, reportsDir}, nil, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var ru rollup.Rollup
	if err := json.Unmarshal(b, &ru); err != nil {
		t.Fatal(err)
	}

	// The same walk, parse and dedupe, done plainly.
	type want struct {
		agencies int
		figures  map[string]rollup.Total
		cells    map[string]rollup.Total
		forms    map[string]int
	}
	years := map[int]*want{}
	seen := map[string]bool{}
	files := 0
	var notReports []string
	err = filepath.WalkDir(reportsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !format.HasExtension(p) {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		r, err := load.Report(p, data)
		if err != nil {
			return nil // listed as unreadable; checked below
		}
		files++
		if slices.ContainsFunc(r.Findings, func(f xxgk.Finding) bool { return f.Rule == xxgk.RuleNotReport }) {
			notReports = append(notReports, p) // a notice or a letter: counted nowhere
			return nil
		}
		key := fmt.Sprint(r.Year, "|", strings.Join(strings.Fields(r.Agency), ""))
		if r.Agency != "" && seen[key] {
			return nil
		}
		seen[key] = true
		w := years[r.Year]
		if w == nil {
			w = &want{figures: map[string]rollup.Total{}, cells: map[string]rollup.Total{}, forms: map[string]int{}}
			years[r.Year] = w
		}
		w.agencies++
		w.forms[r.Form]++
		for k, v := range r.Figures {
			tot := w.figures[k]
			tot.Value, tot.Count, tot.Approx = tot.Value.Add(v.Value), tot.Count+1, tot.Approx || v.Approx
			w.figures[k] = tot
		}
		for k, v := range r.Cells {
			tot := w.cells[k]
			tot.Value, tot.Count, tot.Approx = tot.Value.Add(v.Value), tot.Count+1, tot.Approx || v.Approx
			w.cells[k] = tot
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 40 || len(years) < 8 {
		t.Fatalf("only %d reports over %d years: the sample set is not what this test expects", files, len(years))
	}
	if len(ru.Years) != len(years) {
		t.Errorf("%d year sections, want %d", len(ru.Years), len(years))
	}
	var gotNot []string
	for _, nr := range ru.NotReports {
		gotNot = append(gotNot, nr.Path)
	}
	if !slices.Equal(gotNot, notReports) || len(notReports) < 5 {
		t.Errorf("not reports %q, want %q", gotNot, notReports)
	}
	// The 2019 section counts the two reports of 2019, not the national
	// notice's blank forms.
	for _, y := range ru.Years {
		if y.Year == 2019 && len(y.Agencies) != 2 {
			t.Errorf("2019: %d agencies, want 2 (page-07, page-11)", len(y.Agencies))
		}
	}
	for _, y := range ru.Years {
		w := years[y.Year]
		if w == nil {
			t.Errorf("unexpected year %d", y.Year)
			continue
		}
		if len(y.Agencies) != w.agencies {
			t.Errorf("%d: %d agencies, want %d", y.Year, len(y.Agencies), w.agencies)
		}
		if len(y.Figures) != len(w.figures) || len(y.Cells) != len(w.cells) {
			t.Errorf("%d: %d figures and %d cells, want %d and %d", y.Year, len(y.Figures), len(y.Cells), len(w.figures), len(w.cells))
		}
		for k, tot := range w.figures {
			got := y.Figures[k]
			if !got.Value.Equal(tot.Value) || got.Count != tot.Count || got.Of != w.agencies || got.Approx != tot.Approx {
				t.Errorf("%d %s = %+v, want %s (%d/%d, approx %v)", y.Year, k, got, tot.Value, tot.Count, w.agencies, tot.Approx)
			}
		}
		for k, tot := range w.cells {
			form, _, _ := strings.Cut(k, ".")
			got := y.Cells[k]
			if !got.Value.Equal(tot.Value) || got.Count != tot.Count || got.Of != w.forms[form] {
				t.Errorf("%d %s = %+v, want %s (%d/%d)", y.Year, k, got, tot.Value, tot.Count, w.forms[form])
			}
		}
	}
}

// TestRollupCorpusDistinct checks the benchmark's corpus: every copy reads
// with its own agency, so none is dropped as a duplicate.
func TestRollupCorpusDistinct(t *testing.T) {
	dir := t.TempDir()
	names, _, _ := benchSources(t)
	n := 2 * len(names)
	makeRollupCorpus(t, dir, n)
	var stdout bytes.Buffer
	if err := run(context.Background(), []string{"xxgk", "rollup", "--json", "-", dir}, nil, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	var ru rollup.Rollup
	if err := json.Unmarshal(stdout.Bytes(), &ru); err != nil {
		t.Fatal(err)
	}
	agencies := len(ru.NotReports) // each copy of a notice is read, and listed apart
	for _, y := range ru.Years {
		agencies += len(y.Agencies)
	}
	for _, f := range ru.Findings {
		if f.Rule == xxgk.RuleRollupDuplicate {
			t.Errorf("duplicate: %s %s", f.Path, f.Message)
		}
	}
	if agencies != n {
		t.Errorf("%d agencies rolled up, want %d", agencies, n)
	}
}
