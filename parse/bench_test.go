package parse_test

import (
	"path"
	"testing"

	"xxgk/parse"
)

type sample struct {
	rel  string
	data []byte
}

// loadSamples reads the sample reports, optionally only those with extension ext.
func loadSamples(b *testing.B, ext string) ([]sample, int64) {
	b.Helper()
	var ss []sample
	var total int64
	for _, rel := range reportFiles(b) {
		if ext != "" && path.Ext(rel) != ext {
			continue
		}
		data := readReport(b, rel)
		ss = append(ss, sample{rel, data})
		total += int64(len(data))
	}
	if len(ss) == 0 {
		b.Skipf("no %s samples", ext)
	}
	return ss, total
}

func benchParse(b *testing.B, ext string) {
	ss, total := loadSamples(b, ext)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range ss {
			if _, err := parse.Parse(s.rel, s.data); err != nil {
				b.Fatalf("%s: %v", s.rel, err)
			}
		}
	}
}

// BenchmarkParseCorpus parses every sample report per iteration; MB/s is
// over the whole corpus.
//
//	go test -bench ParseCorpus -run XXX ./parse
func BenchmarkParseCorpus(b *testing.B) { benchParse(b, "") }

// BenchmarkParseCorpusKind is BenchmarkParseCorpus by kind of input. (A
// benchmark with sub-benchmarks reports no figures of its own, so the whole
// corpus has its own benchmark above.)
func BenchmarkParseCorpusKind(b *testing.B) {
	for _, kind := range []struct{ name, ext string }{
		{"text", ".txt"}, {"html", ".html"}, {"pdf", ".pdf"}, {"docx", ".docx"}, {"doc", ".doc"}, {"xlsx", ".xlsx"},
	} {
		b.Run(kind.name, func(b *testing.B) { benchParse(b, kind.ext) })
	}
}
