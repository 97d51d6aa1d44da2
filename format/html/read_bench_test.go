package html

import (
	"os"
	"path/filepath"
	"testing"

	"xxgk/format/charset"
)

// BenchmarkReadCorpus reads the saved pages of testdata/reports, decoded
// beforehand: the HTML reader alone.
func BenchmarkReadCorpus(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.html"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no pages: %v", err)
	}
	var texts []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text, _, err := charset.Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, text)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range texts {
			if _, err := Read(text); err != nil {
				b.Fatal(err)
			}
		}
	}
}
