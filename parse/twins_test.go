package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk"
)

// TestTextTwinsNeverContradictHTML checks the promise that matters most
// for flattened page text: every cell read from a report's page text has
// the value the same report's HTML table gives it. A cell may be missing
// from the text (cells run together that cannot be split), never wrong.
func TestTextTwinsNeverContradictHTML(t *testing.T) {
	htmls, _ := filepath.Glob("../testdata/reports/*-html.html")
	if len(htmls) == 0 {
		t.Fatal("no fixtures")
	}
	for _, h := range htmls {
		txt := strings.TrimSuffix(h, "-html.html") + ".txt"
		if _, err := os.Stat(txt); err != nil {
			continue
		}
		t.Run(filepath.Base(txt), func(t *testing.T) {
			fromHTML := parseFile(t, h)
			fromText := parseFile(t, txt)
			if fromText.Form != fromHTML.Form {
				t.Errorf("form: text %s, html %s", fromText.Form, fromHTML.Form)
			}
			for k, v := range fromText.Cells {
				hv, ok := fromHTML.Cells[k]
				if !ok {
					t.Errorf("%s = %s read from text only", k, v.Value)
					continue
				}
				if !hv.Value.Equal(v.Value) {
					t.Errorf("%s: text %s, html %s (text evidence %q)", k, v.Value, hv.Value, v.Text)
				}
			}
			t.Logf("%d of %d cells read from text", len(fromText.Cells), len(fromHTML.Cells))
		})
	}
}

// TestRenderedTextTwinsGiveEveryCell reads pages rendered to text by text
// browsers (w3m draws box borders; lynx puts each cell on its own line).
// Nothing is run together there, so every cell of the HTML must be read,
// with the same value.
func TestRenderedTextTwinsGiveEveryCell(t *testing.T) {
	for _, pattern := range []string{"*-w3m.txt", "*-lynx.txt"} {
		files, _ := filepath.Glob("../testdata/reports/" + pattern)
		if len(files) == 0 {
			t.Fatalf("no %s fixtures", pattern)
		}
		for _, f := range files {
			stem := f[:strings.LastIndex(f, "-")]
			t.Run(filepath.Base(f), func(t *testing.T) {
				fromHTML := parseFile(t, stem+"-html.html")
				fromText := parseFile(t, f)
				if fromText.Form != fromHTML.Form {
					t.Errorf("form: text %s, html %s", fromText.Form, fromHTML.Form)
				}
				for k, hv := range fromHTML.Cells {
					v, ok := fromText.Cells[k]
					if !ok && !rowHasBlank(fromHTML, k) { // an empty cell leaves no trace in text, and shifts the rest
						t.Errorf("%s = %s missing from the text", k, hv.Value)
					} else if !ok {
						continue
					} else if !v.Value.Equal(hv.Value) || v.Blank != hv.Blank {
						t.Errorf("%s: text %s (blank %v), html %s (blank %v)", k, v.Value, v.Blank, hv.Value, hv.Blank)
					}
				}
				for k, v := range fromText.Cells {
					if _, ok := fromHTML.Cells[k]; !ok {
						t.Errorf("%s = %s read from the text only", k, v.Value)
					}
				}
			})
		}
	}
}

func parseFile(t *testing.T, path string) *xxgk.Report {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(path, b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// rowHasBlank reports whether the row of cell key has a blank cell.
func rowHasBlank(r *xxgk.Report, key string) bool {
	row := key[:strings.LastIndex(key, ".")+1]
	for k, v := range r.Cells {
		if strings.HasPrefix(k, row) && v.Blank {
			return true
		}
	}
	return false
}
