package parse_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk"
	"xxgk/parse"
)

// TestEvidencePlaces checks that every value of the sample reports names a
// place a person can find: in a PDF, the page of every cell and figure; in
// a web page (which may be one line), the table, row and column of every
// cell; in every report, the section of every prose figure that has one
// and the place words without keys.
func TestEvidencePlaces(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(repoRoot, reportsDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	pdfs, pages := 0, 0
	htmls, labelled := 0, 0
	for _, p := range paths {
		ext := filepath.Ext(p)
		if ext != ".pdf" && ext != ".html" {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r, err := parse.Parse(filepath.Base(p), data)
		if err != nil {
			continue // a file refused (locked, not a report) has no values
		}
		name := filepath.Base(p)
		for _, f := range r.Findings {
			// A finding about values of a PDF names the page of its text.
			if ext == ".pdf" && f.Evidence != "" && len(f.Keys) > 0 && f.Page <= 0 {
				t.Errorf("%s: finding %s on %q has no page", name, f.Rule, f.Evidence)
			}
		}
		for _, m := range []struct {
			what string
			vals map[string]xxgk.Value
		}{{"cell", r.Cells}, {"figure", r.Figures}} {
			for k, v := range m.vals {
				switch ext {
				case ".pdf":
					pdfs++
					if v.Page <= 0 {
						t.Errorf("%s: %s %s has no page: %+v", name, m.what, k, v.Evidence)
					} else {
						pages++
					}
				case ".html":
					if m.what != "cell" {
						continue
					}
					htmls++
					if v.Table == "" || v.RowLabel == "" && !strings.HasPrefix(v.Table, "表四") || v.ColLabel == "" || v.Row == "" {
						t.Errorf("%s: cell %s lacks its table, row or column labels: %+v", name, k, v.Evidence)
					} else {
						labelled++
					}
				}
				if place := v.Place(r.Source); strings.Contains(place, k) || strings.Contains(place, "_") {
					t.Errorf("%s: %s %s: place %q shows a key", name, m.what, k, place)
				}
			}
		}
	}
	t.Logf("%d PDF values with a page, %d labelled HTML cells", pages, labelled)
	if pages < 100 || labelled < 500 {
		t.Errorf("only %d PDF values with a page of %d, %d labelled HTML cells of %d: too few samples?", pages, pdfs, labelled, htmls)
	}
}
