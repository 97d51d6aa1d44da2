package pdftext

import (
	"bytes"
	"compress/flate"
	"io"
	"testing"

	"xxgk/internal/inflate"
)

// TestWholeOnPDFStreams holds inflate.Whole, which inflate tries first,
// to compress/flate on every Flate stream of the sample PDFs, whole and
// under a limit one byte short (internal/inflate holds it so on streams
// of every kind, damaged, and by a fuzz test).
func TestWholeOnPDFStreams(t *testing.T) {
	var z inflate.Whole
	read, streams := 0, 0
	for _, data := range testPDFs(t) {
		for _, s := range flateStreams(data) {
			body := zlibBody(s)
			want, err := io.ReadAll(flate.NewReader(bytes.NewReader(body)))
			streams++
			got, ok := z.Inflate(body, nil, 1<<40)
			if !ok {
				continue
			}
			read++
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%d bytes: read %d bytes whole; compress/flate %d (%v)", len(body), len(got), len(want), err)
			}
			if len(want) > 0 {
				if got, ok := z.Inflate(body, nil, int64(len(want)-1)); ok {
					t.Fatalf("%d bytes: read %d bytes past the limit %d", len(body), len(got), len(want)-1)
				}
			}
		}
	}
	if read < streams/2 {
		t.Errorf("read %d of %d streams whole", read, streams)
	}
}
