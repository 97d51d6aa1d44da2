package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk"
	"xxgk/check"
	"xxgk/parse"
)

// BenchmarkReport checks the sample reports of testdata/reports (parsed
// once, outside the loop): what every parse in a roll-up pays on top.
func BenchmarkReport(b *testing.B) {
	dir := filepath.Join("..", "testdata", "reports")
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var reports []*xxgk.Report
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext != ".txt" && ext != ".html" || strings.Contains(e.Name(), ".golden") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		r, err := parse.Parse(e.Name(), data)
		if err != nil {
			continue
		}
		reports = append(reports, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range reports {
			check.Report(r)
		}
	}
}
