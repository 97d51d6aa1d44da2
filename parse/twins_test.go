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
