package inflate

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// checkZipFile holds ZipFile to archive/zip on every entry of the zip
// data, read as the format readers read it (with Zip) and with
// compress/flate: where ZipFile reads an entry, both must read the same
// bytes without error. It returns the entries ZipFile read.
func checkZipFile(t *testing.T, data []byte) int {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0
	}
	std, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	Zip(zr)
	read := 0
	for i, f := range zr.File {
		got, ok := ZipFile(f, nil, 1<<30)
		// ZipFileString, through its reused buffer, is ZipFile's bytes.
		if str, strOK := ZipFileString(f, 1<<30); strOK != ok || str != string(got) {
			t.Fatalf("entry %d %q: ZipFileString gave %d bytes, %v; ZipFile %d, %v", i, f.Name, len(str), strOK, len(got), ok)
		}
		if !ok {
			if got != nil {
				t.Fatalf("entry %d %q: gave up with %d bytes", i, f.Name, len(got))
			}
			continue
		}
		if f.UncompressedSize64 > 0 {
			if _, ok := ZipFile(f, nil, int64(f.UncompressedSize64)-1); ok {
				t.Fatalf("entry %d %q: read past the limit", i, f.Name)
			}
		}
		read++
		for _, f := range []*zip.File{f, std.File[i]} {
			rc, err := f.Open()
			if err != nil {
				t.Fatalf("entry %d %q: read %d bytes whole; Open fails: %v", i, f.Name, len(got), err)
			}
			want, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatalf("entry %d %q: read %d bytes whole; archive/zip reads %d and fails: %v", i, f.Name, len(got), len(want), err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("entry %d %q: read %d bytes whole; archive/zip reads %d others", i, f.Name, len(got), len(want))
			}
		}
	}
	return read
}

// zipEntry is an entry for makeZip: its header as written (CreateRaw,
// so the sizes, CRC-32, method and flags may lie) and its stored bytes;
// with a data descriptor (flag 0x8) archive/zip writes one after them.
type zipEntry struct {
	h   zip.FileHeader
	raw []byte
}

func makeZip(t testing.TB, entries ...zipEntry) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, e := range entries {
		h := e.h
		fw, err := w.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(e.raw)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// deflateAt deflates text at a level.
func deflateAt(text []byte, level int) []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, level)
	w.Write(text)
	w.Close()
	return b.Bytes()
}

// zipSamples are packages whose entries are whole, and lie about their
// size, CRC-32, method or data descriptor, or hold a damaged stream.
func zipSamples(t testing.TB) [][]byte {
	r := rand.New(rand.NewPCG(5, 6))
	report, err := os.ReadFile("../../testdata/reports/pingtan-2025-zone-lynx.txt")
	if err != nil {
		t.Fatal(err)
	}
	rnd := make([]byte, 3000)
	for i := range rnd {
		rnd[i] = byte(r.IntN(256))
	}
	var out [][]byte
	for _, text := range [][]byte{nil, []byte("<a/>"), report[:5000], report, rnd} {
		sum := crc32.ChecksumIEEE(text)
		for _, level := range []int{flate.NoCompression, flate.HuffmanOnly, flate.DefaultCompression} {
			z := deflateAt(text, level)
			good := zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, CRC32: sum,
				CompressedSize64: uint64(len(z)), UncompressedSize64: uint64(len(text))}
			variant := func(f func(h *zip.FileHeader) []byte) {
				h := good
				raw := f(&h)
				out = append(out, makeZip(t, zipEntry{h, raw}, zipEntry{good, z}))
			}
			variant(func(h *zip.FileHeader) []byte { return z })
			variant(func(h *zip.FileHeader) []byte { h.Flags |= 0x8; return z })
			variant(func(h *zip.FileHeader) []byte { h.CRC32 = 0; return z })
			variant(func(h *zip.FileHeader) []byte { h.CRC32 = 0; h.Flags |= 0x8; return z })
			variant(func(h *zip.FileHeader) []byte { h.CRC32++; return z })
			variant(func(h *zip.FileHeader) []byte { h.CRC32++; h.Flags |= 0x8; return z })
			variant(func(h *zip.FileHeader) []byte { h.UncompressedSize64--; return z })
			variant(func(h *zip.FileHeader) []byte { h.UncompressedSize64++; return z })
			variant(func(h *zip.FileHeader) []byte { h.UncompressedSize64 = 1 << 40; return z })
			variant(func(h *zip.FileHeader) []byte { h.UncompressedSize64 = 1<<40 + 1; return z })
			variant(func(h *zip.FileHeader) []byte { h.UncompressedSize64 /= 2; return z })
			variant(func(h *zip.FileHeader) []byte { h.Name = "word/"; return z })
			variant(func(h *zip.FileHeader) []byte { h.Method = zip.Store; return z })
			variant(func(h *zip.FileHeader) []byte {
				h.CompressedSize64 += 7
				return append(z[:len(z):len(z)], "garbage"...)
			})
			variant(func(h *zip.FileHeader) []byte { h.CompressedSize64 /= 2; return z[:len(z)/2] })
			if len(z) > 0 {
				variant(func(h *zip.FileHeader) []byte {
					bad := bytes.Clone(z)
					bad[r.IntN(len(bad))] ^= byte(1 << r.IntN(8))
					return bad
				})
			}
		}
	}
	return out
}

// TestZipFile holds ZipFile to archive/zip on entries whole and lying,
// and on the packages damaged at many places, their data descriptors
// among them, and cut short.
func TestZipFile(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	read := 0
	samples := zipSamples(t)
	for _, data := range samples {
		read += checkZipFile(t, data)
		for range 8 {
			bad := bytes.Clone(data)
			bad[r.IntN(len(bad))] = byte(r.IntN(256))
			checkZipFile(t, bad)
			checkZipFile(t, data[:r.IntN(len(data))])
		}
	}
	if read < len(samples) {
		t.Errorf("read %d entries of %d packages", read, len(samples))
	}
	// A data descriptor without its signature: its CRC-32 first.
	text := []byte("<a>text</a>")
	z := deflateAt(text, flate.BestCompression)
	h := zip.FileHeader{Name: "a.xml", Method: zip.Deflate, Flags: 0x8, CRC32: crc32.ChecksumIEEE(text),
		CompressedSize64: uint64(len(z)), UncompressedSize64: uint64(len(text))}
	data := makeZip(t, zipEntry{h, z})
	sig := binary.LittleEndian.AppendUint32(nil, 0x08074b50)
	at := bytes.Index(data, sig)
	if at < 0 {
		t.Fatal("no data descriptor")
	}
	for _, crc := range []uint32{h.CRC32, h.CRC32 + 1} {
		nosig := bytes.Clone(data)
		binary.LittleEndian.PutUint32(nosig[at:], crc)
		if checkZipFile(t, nosig) != 1 && crc == h.CRC32 {
			t.Error("a data descriptor without a signature not read")
		}
	}
	// Every byte of a small package damaged in turn.
	for i := range data {
		for _, b := range []byte{0, 0xff, data[i] ^ 1} {
			bad := bytes.Clone(data)
			bad[i] = b
			checkZipFile(t, bad)
		}
	}
	// The samples of the corpus.
	files, _ := filepath.Glob("../../testdata/reports/*.docx")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if checkZipFile(t, data) == 0 {
			t.Errorf("%s: no entry read whole", name)
		}
	}
}

// FuzzZipFile holds ZipFile to archive/zip on any package:
//
//	go test ./internal/inflate -run XXX -fuzz FuzzZipFile -parallel 1
func FuzzZipFile(f *testing.F) {
	for _, data := range zipSamples(f) {
		if len(data) < 4000 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkZipFile(t, data)
	})
}
