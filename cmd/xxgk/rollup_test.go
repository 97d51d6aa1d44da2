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
	agencies := 0
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

// TestRollupOrderFree: two copies of one agency's report that disagree,
// given in either order (and among other reports in any order), give the
// same roll-up, byte for byte, and it says which copy it used.
func TestRollupOrderFree(t *testing.T) {
	dir := t.TempDir()
	orig, err := os.ReadFile(filepath.Join(reportsDir, "seed-002.txt"))
	if err != nil {
		t.Fatal(err)
	}
	other := bytes.Replace(orig, []byte("13100"), []byte("13101"), 1)
	if bytes.Equal(other, orig) {
		t.Fatal("seed-002.txt no longer states 13100")
	}
	files := []string{filepath.Join(dir, "b.txt"), filepath.Join(dir, "a.txt"), filepath.Join(reportsDir, "seed-000.txt")}
	for i, data := range [][]byte{orig, other} {
		if err := os.WriteFile(files[i], data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var first string
	for _, order := range [][]int{{0, 1, 2}, {1, 0, 2}, {2, 1, 0}, {2, 0, 1}} {
		args := []string{"xxgk", "rollup", "--json", "-"}
		for _, i := range order {
			args = append(args, files[i])
		}
		var stdout bytes.Buffer
		if err := run(context.Background(), args, nil, &stdout, io.Discard); err != nil {
			t.Fatal(err)
		}
		if first == "" {
			first = stdout.String()
			if !strings.Contains(first, "只计一次（采用 ") {
				t.Errorf("the roll-up does not say which copy it used")
			}
			continue
		}
		if stdout.String() != first {
			t.Fatalf("order %v gives another roll-up", order)
		}
	}
}
