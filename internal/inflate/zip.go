package inflate

import (
	"archive/zip"
	"encoding/binary"
	"hash/crc32"
	"io"
	"strings"
	"sync"
)

// zipWholes are idle Whole inflaters, with a buffer for an entry's
// deflated bytes, for ZipFile.
var zipWholes = sync.Pool{New: func() any { return new(zipWhole) }}

type zipWhole struct {
	z  Whole
	in []byte
}

// maxZipPrealloc bounds the room reserved at first from an entry's
// declared size, which may lie; Whole grows its buffer past it as the
// entry needs.
const maxZipPrealloc = 4 << 20

// ZipFile returns the content of f, an entry of a zip stored with
// Deflate that declares no more than limit bytes, inflated whole by Whole
// into buf[:0] (grown as needed, up to the declared size), when reading
// it with f.Open would give these bytes and no error: the stream
// is whole and valid (every decoder reads it alike), it inflates to the
// size the entry declares, and its CRC-32, and its data descriptor when
// it has one, check as archive/zip checks them at the end of the entry.
// Otherwise it reports false, having read nothing the caller sees, and
// the caller reads the entry with f.Open as before: a damaged, cut,
// oversized (a zip bomb) or otherwise odd entry gives its bytes and its
// error as ever.
//
// f.Open inflates through archive/zip's reader, which reads a few KB at
// a time from the streaming Decoder: whole, the parts of a .docx took
// half the instructions.
func ZipFile(f *zip.File, buf []byte, limit int64) ([]byte, bool) {
	size := f.UncompressedSize64
	if f.Method != zip.Deflate || strings.HasSuffix(f.Name, "/") || limit < 0 || size > uint64(limit) || size > 1<<40 {
		return nil, false // (archive/zip reads a directory otherwise)
	}
	raw, err := f.OpenRaw()
	if err != nil {
		return nil, false
	}
	sr, ok := raw.(*io.SectionReader)
	if !ok {
		return nil, false
	}
	ra, off, n := sr.Outer()
	// The deflated bytes, where archive/zip reads them: all there, or
	// the entry is cut (its declared size is not trusted to allocate).
	sized, ok := ra.(interface{ Size() int64 })
	if !ok || off < 0 || n < 0 || n > sized.Size() || off > sized.Size()-n {
		return nil, false
	}
	w := zipWholes.Get().(*zipWhole)
	defer zipWholes.Put(w)
	if int64(cap(w.in)) < n {
		w.in = make([]byte, n)
	}
	in := w.in[:n]
	if k, _ := ra.ReadAt(in, off); int64(k) != n {
		return nil, false
	}
	// Room for the declared size and a match past it, which Inflate
	// wants free before each symbol: a stream of the declared size is
	// read without a further allocation, one longer fails below.
	room := int(min(size, maxZipPrealloc)) + matchRoom + 8
	if cap(buf) < room {
		buf = make([]byte, 0, room)
	}
	out, ok := w.z.Inflate(in, buf, int64(size)+matchRoom)
	if !ok || uint64(len(out)) != size {
		return nil, false // archive/zip's error: the entry is longer or shorter than it says
	}
	sum := crc32.ChecksumIEEE(out)
	if f.Flags&0x8 != 0 {
		// The data descriptor after the deflated bytes, read as
		// archive/zip's readDataDescriptor reads it: a CRC-32 after an
		// optional signature (and the sizes, not compared), which must
		// be the central directory's, as the entry's must.
		var d [16]byte
		k, _ := ra.ReadAt(d[:], off+n)
		at, need := 0, 12
		if k >= 4 && binary.LittleEndian.Uint32(d[:]) == 0x08074b50 {
			at, need = 4, 16
		}
		if k < need || binary.LittleEndian.Uint32(d[at:]) != f.CRC32 || sum != f.CRC32 {
			return nil, false
		}
	} else if f.CRC32 != 0 && sum != f.CRC32 {
		return nil, false // archive/zip takes a CRC-32 of 0 as not set
	}
	return out, true
}

// ZipFileString is ZipFile of f, made a string: the inflated bytes are
// copied out of a buffer kept for the next entry (a reader of a .docx or
// an .xlsx holds each part as a string while it reads it, and a buffer
// for each part was as many bytes again).
func ZipFileString(f *zip.File, limit int64) (string, bool) {
	buf := entryBufs.Get().(*[]byte)
	defer entryBufs.Put(buf)
	b, ok := ZipFile(f, *buf, limit)
	if !ok {
		return "", false
	}
	*buf = b[:0]
	return string(b), true
}

// entryBufs are buffers for ZipFileString.
var entryBufs = sync.Pool{New: func() any { return new([]byte) }}
