package text

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadText reads every page-text sample report; MB/s is over the
// samples' text.
func BenchmarkReadText(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.txt"))
	if len(files) == 0 {
		b.Skip("no sample reports")
	}
	var texts []string
	var total int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		total += int64(len(data))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			Read(s)
		}
	}
}
