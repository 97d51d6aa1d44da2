package pdftext

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"testing"
)

// refLimitedWriter and refInflate are inflate as it was before it reused
// its readers and sized its buffer: a new reader per stream, io.Copy into
// a bytes.Buffer that stops at the budget.
type refLimitedWriter struct {
	buf bytes.Buffer
	b   *budget
}

func (w *refLimitedWriter) Write(p []byte) (int, error) {
	if int64(len(p)) > w.b.left {
		n := int(w.b.left)
		w.buf.Write(p[:n])
		w.b.left = 0
		return n, errTooLarge
	}
	w.b.left -= int64(len(p))
	return w.buf.Write(p)
}

func refInflate(data []byte, b *budget) ([]byte, error) {
	w := &refLimitedWriter{b: b}
	var r io.ReadCloser
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err == nil {
		r = zr
	} else {
		r = flate.NewReader(bytes.NewReader(data))
	}
	_, err = io.Copy(w, r)
	r.Close()
	if errors.Is(err, errTooLarge) {
		return w.buf.Bytes(), err
	}
	return w.buf.Bytes(), nil
}

// sameInflate inflates each of datas in turn with one file's reused
// readers (every other one into the page content buffer) and with
// refInflate, each under the budget left, and reports
// the first difference of bytes, error or budget left.
func sameInflate(datas [][]byte, left int64) error {
	f := &file{budget: &budget{left: left}}
	rb := &budget{left: left}
	for i, d := range datas {
		f.reuseContent = i%2 == 1 // into the buffer of the stream before last
		got, err := f.inflate(d)
		want, refErr := refInflate(d, rb)
		if !bytes.Equal(got, want) || err != refErr || f.budget.left != rb.left {
			return fmt.Errorf("stream %d (%d bytes): %d bytes, %v, %d left; reference %d, %v, %d", i, len(d), len(got), err, f.budget.left, len(want), refErr, rb.left)
		}
	}
	return nil
}

// flateStreams returns the raw (decrypted) data of every Flate stream of
// a PDF, and of each cut in half and damaged: a truncated stream, a bad
// checksum.
func flateStreams(data []byte) [][]byte {
	f, err := open(data, &budget{left: DefaultLimits.MaxDecodedBytes})
	if err != nil {
		return nil
	}
	var out [][]byte
	for num := range f.xref {
		s, ok := f.get(num).(*Stream)
		if !ok || f.name(s.Dict["Filter"]) != "FlateDecode" {
			continue
		}
		raw := s.Raw
		if f.crypt != nil && s.Dict["Type"] != Name("XRef") {
			raw = f.crypt.decryptBytes(raw, s.ref)
		}
		bad := append([]byte(nil), raw...)
		bad[len(bad)-1] ^= 0xFF
		out = append(out, raw, raw[:len(raw)/2], bad, raw[2:]) // raw[2:]: raw deflate
	}
	return out
}

// TestInflateMatchesReference inflates every Flate stream of the PDFs
// under testdata, whole and damaged, with budgets that run out at
// different points.
func TestInflateMatchesReference(t *testing.T) {
	for name, data := range testPDFs(t) {
		streams := flateStreams(data)
		total := int64(0)
		for _, s := range streams {
			out, _ := refInflate(s, &budget{left: 1 << 40})
			total += int64(len(out))
		}
		for _, left := range []int64{0, 1, 511, 512, 513, 4096, total / 3, total / 2, total - 1, total, total + 1, 1 << 40} {
			if err := sameInflate(streams, left); err != nil {
				t.Errorf("%s, budget %d: %v", filepath.Base(name), left, err)
			}
		}
	}
}

// FuzzInflate inflates data, and data compressed, with both.
//
//	go test ./format/pdf/pdftext -run XXX -fuzz FuzzInflate -parallel 1
func FuzzInflate(f *testing.F) {
	f.Add([]byte("BT /F1 10 Tf (abc) Tj ET"), int64(10), uint16(7))
	f.Add(bytes.Repeat([]byte("0 0 m 1 1 l S "), 300), int64(3000), uint16(300))
	// zlib headers with a preset dictionary: the empty one's checksum
	// (1), which zlib accepts, another, and one cut short.
	deflated := "\x73\x0a\x51\xd0\x77\x33\x54\x30\x34\x50\x08\x49\x53\xd0\x48\x4c\x4a\xd6\x54\x08\xc9\x52\x70\x0d\x01\x00"
	f.Add([]byte("\x78\x20\x00\x00\x00\x01"+deflated), int64(100), uint16(0))
	f.Add([]byte("\x78\x20\x00\x00\x00\x02"+deflated), int64(100), uint16(0))
	f.Add([]byte("\x78\x20\x00\x00"), int64(100), uint16(0))
	f.Fuzz(func(t *testing.T, data []byte, left int64, cut uint16) {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write(data)
		w.Close()
		zd := z.Bytes()
		streams := [][]byte{data, zd, zd[:min(int(cut), len(zd))], zd[min(2, len(zd)):]}
		if err := sameInflate(streams, max(0, left)); err != nil {
			t.Fatal(err)
		}
	})
}
