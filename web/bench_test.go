package web

import (
	"net/http"
	"testing"
)

// BenchmarkParse is one report through /api/parse as the page sends it
// (multipart upload, parse, audit, JSON), for the time a person waits per
// file dropped on the page.
func BenchmarkParse(b *testing.B) {
	s := New(addr, Options{})
	file := sampleFile(b, "pingtan-2025-zone-html.html")
	b.SetBytes(int64(len(file.body)))
	for b.Loop() {
		body, ctype := form(b, file)
		if rec := do(b, s, http.MethodPost, "/api/parse?detail=1", body, ctype, nil); rec.Code != 200 {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
