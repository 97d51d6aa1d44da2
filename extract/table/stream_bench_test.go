package table

import (
	"os"
	"path/filepath"
	"testing"

	"xxgk/document"
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
			if r := readTables(s, 2025); r.reader != nil {
				r.reader.release() // as Read does
			}
		}
	})
}

// BenchmarkReadText reads the tables of every page-text sample report
// (documents made before the loop): the table reader's share of parsing
// the text corpus.
func BenchmarkReadText(b *testing.B) {
	files, err := filepath.Glob("../../testdata/reports/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatal("no samples", err)
	}
	var docs []*document.Document
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text, _, _ := charset.Decode(data)
		docs = append(docs, plaintext.Read(text))
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			// Settle ends a reading as parse ends it: what the reader
			// kept for it goes back for the next document.
			res := Read(d, 0)
			res.Settle(nil, nil)
		}
	}
}
