package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleLines returns the lines of the page-text sample reports, as
// format/text gives them to ClassifyLine, and their length in bytes.
func sampleLines(tb testing.TB) ([]string, int64) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "reports", "*.txt"))
	if len(files) == 0 {
		tb.Skip("no sample reports")
	}
	var lines []string
	var total int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for line := range strings.Lines(string(data)) {
			if s := strings.TrimSpace(NormalizeSpaces(strings.TrimSuffix(line, "\n"))); s != "" {
				lines = append(lines, s)
				total += int64(len(s))
			}
		}
	}
	return lines, total
}

// BenchmarkClassifyLine classifies every line of the page-text samples.
func BenchmarkClassifyLine(b *testing.B) {
	lines, total := sampleLines(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range lines {
			ClassifyLine(s)
		}
	}
}

// BenchmarkFoldSpace folds the white space of the page-text samples, cut
// into pieces of some lines, as an HTML paragraph's text comes.
func BenchmarkFoldSpace(b *testing.B) {
	lines, total := sampleLines(b)
	var paras []string
	for i := 0; i < len(lines); i += 3 {
		paras = append(paras, strings.Join(lines[i:min(i+3, len(lines))], "\n  "))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			FoldSpace(p)
		}
	}
}
