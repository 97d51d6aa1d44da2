package prose

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"xxgk/document"
	"xxgk/format"
)

// corpusDoc is a report of testdata/reports read into a document, with the
// year its file name gives (0 when none).
type corpusDoc struct {
	name string
	doc  *document.Document
	year int
	size int
}

var fileYear = regexp.MustCompile(`(19|20)\d\d`)

// corpusDocs reads the reports of testdata/reports whose names end in one
// of exts (all when none).
func corpusDocs(tb testing.TB, exts ...string) []corpusDoc {
	tb.Helper()
	dir := filepath.Join("..", "..", "testdata", "reports")
	ents, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var out []corpusDoc
	for _, e := range ents {
		ext := filepath.Ext(e.Name())
		if ext == ".json" || ext == ".md" || len(exts) > 0 && !strings.Contains(strings.Join(exts, " "), ext) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		doc, err := format.Read(data)
		if err != nil {
			continue // a format this test does not read
		}
		y, _ := strconv.Atoi(fileYear.FindString(e.Name()))
		out = append(out, corpusDoc{name: e.Name(), doc: doc, year: y, size: len(data)})
	}
	return out
}

// BenchmarkFigures reads the prose figures of every page-text report of
// testdata/reports; MB/s is over the files' bytes.
func BenchmarkFigures(b *testing.B) {
	docs := corpusDocs(b, ".txt")
	size := 0
	for _, d := range docs {
		size += d.size
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			Figures(d.doc, d.year, false, nil, nil)
		}
	}
}
