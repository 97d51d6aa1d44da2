package docx_test

import (
	"os"
	"path/filepath"
	"testing"

	"xxgk"
	"xxgk/format/docx"
	"xxgk/internal/samples"
	"xxgk/internal/testutil"
	"xxgk/parse"
)

// docxNS declares the namespaces the hand-written documents use.

// TestDOCXTwins reads the .docx copies LibreOffice made of two sample
// reports (testdata/reports/README.md) and gets what the originals give:
// the gov_2021 report's every cell as its HTML, seed 002's agency, year,
// form, figures and cells as its text. Evidence lines may differ.
func TestDOCXTwins(t *testing.T) {
	for _, tc := range []struct {
		docx, orig string
		whole      bool // agency, year, form and figures too
	}{
		{"pingtan-2025-zone-docx.docx", "pingtan-2025-zone-html.html", false},
		{"seed-002-docx.docx", "seed-002.txt", true},
	} {
		t.Run(tc.docx, func(t *testing.T) {
			got, want := samples.Parse(t, tc.docx), samples.Parse(t, tc.orig)
			if got.Source.Kind != "docx" || got.Source.Encoding != "" {
				t.Errorf("source %+v, want kind docx, no encoding", got.Source)
			}
			if got.Form != want.Form {
				t.Errorf("form %s, want %s", got.Form, want.Form)
			}
			if len(want.Cells) == 0 && !tc.whole {
				t.Fatal("the original has no cells")
			}
			testutil.CompareValues(t, "cell", got.Cells, want.Cells)
			if tc.whole {
				if got.Agency != want.Agency || got.Year != want.Year || got.Published != want.Published {
					t.Errorf("agency, year, published = %q %d %q, want %q %d %q",
						got.Agency, got.Year, got.Published, want.Agency, want.Year, want.Published)
				}
				if len(want.Figures) == 0 {
					t.Fatal("the original has no figures")
				}
				testutil.CompareValues(t, "figure", got.Figures, want.Figures)
				for k, v := range got.Figures {
					if w := want.Figures[k]; v.Approx != w.Approx || v.Method != w.Method {
						t.Errorf("figure %s: approx %v method %s, want %v %s", k, v.Approx, v.Method, w.Approx, w.Method)
					}
				}
			}
			for k, v := range got.Cells {
				if v.Method != xxgk.MethodTable || v.Line == 0 {
					t.Errorf("cell %s: method %s line %d, want table and a line", k, v.Method, v.Line)
				}
			}
		})
	}
}

// BenchmarkDOCX reads the .docx samples: the reader alone, and the whole
// Parse.
//
//	go test ./parse -run XXX -bench DOCX
func BenchmarkDOCX(b *testing.B) {
	for _, name := range []string{"pingtan-2025-zone-docx.docx", "seed-002-docx.docx"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "reports", name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run("read/"+name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := docx.Read(data); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("parse/"+name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parse.Parse(name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
