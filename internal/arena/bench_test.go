package arena_test

import (
	"os"
	"testing"

	"xxgk/internal/arena"
	"xxgk/parse"
)

// BenchmarkDetach detaches a parsed report again and again: every string
// is copied each time, as the first time, from the arena of the last.
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
	b.Run("DetachReport", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			arena.DetachReport(r, nil)
		}
	})
	b.Run("Detach", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			arena.Detach(func(put func(string) string) { arena.Report(r, put) })
		}
	})
}
