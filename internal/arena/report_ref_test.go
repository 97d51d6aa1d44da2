package arena_test

import (
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"xxgk"
	"xxgk/internal/arena"
	"xxgk/parse"
)

// TestDetachReportAsDetach holds DetachReport to Detach of Report on the
// reports of the samples, of every kind: the same strings, each put one in
// the new buffer (none left where it was), equal texts stored once.
func TestDetachReportAsDetach(t *testing.T) {
	names, err := filepath.Glob("../../testdata/reports/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, name := range names {
		if strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".md") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		r, err := parse.Parse(name, data)
		if err != nil {
			continue
		}
		n++
		checkOneBuffer(t, name, r)
		got, apart, want := cloneReport(r), cloneReport(r), cloneReport(r)
		arena.DetachReport(got, nil)
		arena.DetachReportValues(apart)
		arena.Detach(func(put func(string) string) { arena.Report(want, put) })
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: DetachReport and Detach differ", name)
		}
		if !reflect.DeepEqual(apart, want) {
			t.Fatalf("%s: DetachReport of the cells apart and Detach differ", name)
		}
		checkDetached(t, name, r, got)
		checkDetached(t, name, r, apart)
	}
	if n < 50 {
		t.Fatalf("only %d samples read", n)
	}
}

// putStrings returns the strings Report puts, in its order, the values'
// in the order of their keys.
func putStrings(r *xxgk.Report) []string {
	out := []string{r.Agency, r.Published}
	for _, e := range []*xxgk.MetaEvidence{r.AgencyEvidence, r.YearEvidence, r.PublishedEvidence} {
		if e != nil {
			out = append(out, e.Text)
		}
	}
	for _, f := range r.Findings {
		out = append(out, f.Message, f.Evidence)
	}
	for _, m := range []map[string]xxgk.Value{r.Figures, r.Cells} {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			v := m[k]
			out = append(out, v.Text, v.Row, v.Col, v.Section, v.Sheet, v.Cell)
		}
	}
	return out
}

// checkDetached checks that every string put of detached, a copy of r
// detached again, has moved from where r's stands, and that equal texts
// share their bytes.
func checkDetached(t *testing.T, name string, r, detached *xxgk.Report) {
	t.Helper()
	before, after := putStrings(r), putStrings(detached)
	at := map[string]*byte{}
	for i, s := range after {
		if s == "" {
			continue
		}
		if unsafe.StringData(s) == unsafe.StringData(before[i]) {
			t.Fatalf("%s: %q did not move", name, s)
		}
		if p, ok := at[s]; ok && p != unsafe.StringData(s) {
			t.Fatalf("%s: %q stored twice", name, s)
		}
		at[s] = unsafe.StringData(s)
	}
}

// checkOneBuffer checks that the strings of r, a report as Parse gives
// it, are detached: every string Report puts stands in one buffer that
// holds each text once, and nothing else. A string left where it was
// read (in the document, or in a copy made while reading) stands outside
// it, or makes it larger than its texts.
func checkOneBuffer(t *testing.T, name string, r *xxgk.Report) {
	t.Helper()
	texts := map[string]bool{}
	size := 0
	var lo, hi uintptr
	for _, s := range putStrings(r) {
		if s == "" {
			continue
		}
		if !texts[s] {
			texts[s] = true
			size += len(s)
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		if lo == 0 || p < lo {
			lo = p
		}
		hi = max(hi, p+uintptr(len(s)))
	}
	if int(hi-lo) != size {
		t.Fatalf("%s: the report's %d texts (%d bytes) span %d bytes: not all were detached into one buffer", name, len(texts), size, hi-lo)
	}
}

// cloneReport copies what Report changes of r: its maps, findings and
// metadata evidence.
func cloneReport(r *xxgk.Report) *xxgk.Report {
	c := *r
	c.Figures, c.Cells, c.Findings = maps.Clone(r.Figures), maps.Clone(r.Cells), slices.Clone(r.Findings)
	for _, e := range []**xxgk.MetaEvidence{&c.AgencyEvidence, &c.YearEvidence, &c.PublishedEvidence} {
		if *e != nil {
			m := **e
			*e = &m
		}
	}
	return &c
}
