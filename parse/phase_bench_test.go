package parse

import (
	"os"
	"testing"

	"xxgk/format/charset"
	plaintext "xxgk/format/text"
)

// BenchmarkPhases splits the cost of parsing one page-text report.
func BenchmarkPhases(b *testing.B) {
	name := os.Getenv("XXGK_FILE")
	if name == "" {
		name = "../testdata/reports/pingtan-2025-zone.txt"
	}
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	text, _, _ := charset.Decode(data)
	doc := plaintext.Read(text)
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			charset.Decode(data)
		}
	})
	b.Run("readText", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			plaintext.Read(text)
		}
	})
	b.Run("readMeta", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			readMeta(doc)
		}
	})
	b.Run("stream", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			newStream(doc).release()
		}
	})
	b.Run("tables", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			s := newStream(doc)
			readTables(s, 2025)
			s.release()
		}
	})
}
