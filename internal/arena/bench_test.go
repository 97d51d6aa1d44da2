package arena_test

import (
	"os"
	"testing"

	"xxgk/internal/arena"
	"xxgk/parse"
)

// BenchmarkDetach puts the strings a parsed report puts, in its order:
// the cost of finding each string's place, without storing it back.
func BenchmarkDetach(b *testing.B) {
	const name = "../../testdata/reports/pingtan-dept-gaj-2024.txt"
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	r, err := parse.Parse(name, data)
	if err != nil {
		b.Fatal(err)
	}
	var puts []string
	arena.Report(r, func(s string) string { puts = append(puts, s); return s })
	b.ReportAllocs()
	for b.Loop() {
		arena.Detach(func(put func(string) string) {
			for _, s := range puts {
				put(s)
			}
		})
	}
}
