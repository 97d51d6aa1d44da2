package table

import (
	"os"
	"testing"

	"xxgk/format/charset"
	plaintext "xxgk/format/text"
)

// BenchmarkStream is the cost of folding a page-text report (XXGK_FILE
// names another) into the stream the table search reads, and of the
// search itself.
func BenchmarkStream(b *testing.B) {
	name := os.Getenv("XXGK_FILE")
	if name == "" {
		name = "../../testdata/reports/pingtan-2025-zone.txt"
	}
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	text, _, _ := charset.Decode(data)
	doc := plaintext.Read(text)
	b.Run("stream", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			newStream(doc).release()
		}
	})
	b.Run("search", func(b *testing.B) {
		s := newStream(doc)
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			readTables(s, 2025)
		}
	})
}
