package inflate

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"math/rand"
	"os"
	"testing"
)

// deflated returns a report's text deflated by compress/flate at each
// level that writes a different kind of block: stored, Huffman only,
// fixed and dynamic codes.
func deflated(tb testing.TB) [][]byte {
	tb.Helper()
	text, err := os.ReadFile("../../testdata/reports/pingtan-2025-zone-lynx.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for _, level := range []int{flate.NoCompression, flate.HuffmanOnly, flate.BestSpeed, flate.BestCompression} {
		var b bytes.Buffer
		w, err := flate.NewWriter(&b, level)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(text)
		w.Close()
		out = append(out, b.Bytes())
	}
	return out
}

// drain reads r to its end in reads of n bytes, returning what it gave
// and the error it ended with ("" at io.EOF).
func drain(r io.Reader, n int) ([]byte, string) {
	var out []byte
	buf := make([]byte, n)
	for {
		k, err := r.Read(buf)
		out = append(out, buf[:k]...)
		if err == io.EOF {
			return out, ""
		}
		if err != nil {
			return out, err.Error()
		}
	}
}

// sameAsStandard fails unless data inflates to the same bytes and error
// with this package's decoder (d, reused) as with compress/flate.
func sameAsStandard(t *testing.T, d *Decoder, data []byte, readSize int) {
	t.Helper()
	want, wantErr := drain(flate.NewReader(bytes.NewReader(data)), readSize)
	got, gotErr := drain(d.Reset(bytes.NewReader(data)), readSize)
	if err := d.Close(); (err == nil) != (wantErr == "") {
		t.Fatalf("Close: %v after %q", err, wantErr)
	}
	if !bytes.Equal(got, want) || gotErr != wantErr {
		t.Fatalf("%d bytes of input read %d at a time: %d bytes, error %q; compress/flate: %d bytes, error %q",
			len(data), readSize, len(got), gotErr, len(want), wantErr)
	}
}

// TestSameAsStandard holds the decoder to compress/flate on whole,
// truncated and damaged streams: a PDF reader keeps what a damaged stream
// decodes to, so what comes before the error matters as much as the error.
func TestSameAsStandard(t *testing.T) {
	rng := rand.New(rand.NewSource(19))
	var d Decoder
	for _, data := range deflated(t) {
		sameAsStandard(t, &d, data, 4096)
		for i := range 400 {
			b := bytes.Clone(data)
			switch i % 3 {
			case 0: // cut short
				b = b[:rng.Intn(len(b))]
			case 1: // bits flipped
				for range 1 + rng.Intn(3) {
					b[rng.Intn(len(b))] ^= 1 << rng.Intn(8)
				}
			case 2: // a byte replaced, then cut
				b[rng.Intn(len(b))] = byte(rng.Intn(256))
				b = b[:len(b)/2+rng.Intn(len(b)/2)]
			}
			sameAsStandard(t, &d, b, []int{1, 7, 512, 32 << 10}[i%4])
		}
	}
}

func FuzzSameAsStandard(f *testing.F) {
	for _, data := range deflated(f) {
		f.Add(data[:min(len(data), 2000)], uint16(100))
	}
	f.Add([]byte{}, uint16(1))
	var d Decoder
	f.Fuzz(func(t *testing.T, data []byte, readSize uint16) {
		sameAsStandard(t, &d, data, 1+int(readSize)%(64<<10))
	})
}

// TestZip reads a package's entries through Zip's decompressor, and a
// reader after Close.
func TestZip(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	texts := []string{"一、总体情况", "二、主动公开政府信息情况", ""}
	for i, s := range texts {
		w, err := zw.Create(string(rune('a' + i)))
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, s)
	}
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	Zip(zr)
	for i, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		if err != nil || string(got) != texts[i] {
			t.Errorf("entry %s: %q, %v; want %q", f.Name, got, err, texts[i])
		}
		if err := rc.Close(); err != nil {
			t.Errorf("entry %s: Close: %v", f.Name, err)
		}
	}
	r := NewReader(bytes.NewReader(nil))
	r.Close()
	if _, err := r.Read(make([]byte, 1)); err != errClosed {
		t.Errorf("read after Close: %v, want %v", err, errClosed)
	}
}
