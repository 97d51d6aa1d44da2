package parse

import (
	"os"
	"testing"
)

func BenchmarkOneFile(b *testing.B) {
	name := os.Getenv("XXGK_FILE")
	if name == "" {
		b.Skip()
	}
	data, _ := os.ReadFile(name)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Parse(name, data)
	}
}
