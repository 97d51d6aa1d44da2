// Package inflate decodes DEFLATE data (RFC 1951) for the format readers:
// the FlateDecode streams of a PDF and the parts of .docx and .xlsx
// packages.
//
// It decodes with github.com/klauspost/compress/flate, which comes from
// the same code as the standard library's compress/flate and decodes
// about twice as fast: inflating was a sixth of the cost of parsing a PDF
// or a .docx. The two give the same bytes for every whole stream, but
// not for a damaged one: at a cut, the faster decoder gives up a few
// bytes sooner. A PDF reader keeps what a damaged stream decodes to, so
// on a damaged stream the Decoder goes back and finishes it with
// compress/flate: whatever the input, it reads the bytes and the error
// compress/flate reads (TestSameAsStandard and its fuzz test hold it).
package inflate

import (
	"archive/zip"
	stdflate "compress/flate"
	"errors"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// A Decoder inflates one stream after another, reusing its windows
// (32 KB each) and tables. The zero value is ready for use; a Decoder is
// not for concurrent use.
type Decoder struct {
	fast io.ReadCloser // klauspost/compress/flate
	std  io.ReadCloser // compress/flate, made for the first damaged stream
	r    io.ReadCloser // the one reading: fast, or std after damage

	src   io.Reader
	start int64 // src's offset at Reset, when it is an io.Seeker
	seek  bool  // src is an io.Seeker, at start at Reset
	given int64 // bytes Read has returned
}

// Reset sets d to read the data deflated in src, and returns it.
func (d *Decoder) Reset(src io.Reader) io.Reader {
	if d.fast == nil {
		d.fast = flate.NewReader(src)
	} else {
		d.fast.(flate.Resetter).Reset(src, nil)
	}
	d.r, d.src, d.given, d.seek = d.fast, src, 0, false
	if s, ok := src.(io.Seeker); ok {
		if off, err := s.Seek(0, io.SeekCurrent); err == nil {
			d.start, d.seek = off, true
		}
	}
	return d
}

// Read reads inflated bytes.
func (d *Decoder) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	d.given += int64(n)
	if err != nil && err != io.EOF && d.r == d.fast && d.seek && d.standard() {
		return n, nil // the rest comes from compress/flate
	}
	return n, err
}

// standard makes compress/flate read on where the fast decoder failed: it
// decodes the stream again from its start and skips what Read has given.
// It reports false when that cannot be done (the error then stands).
func (d *Decoder) standard() bool {
	if _, err := d.src.(io.Seeker).Seek(d.start, io.SeekStart); err != nil {
		return false
	}
	if d.std == nil {
		d.std = stdflate.NewReader(d.src)
	} else {
		d.std.(stdflate.Resetter).Reset(d.src, nil)
	}
	if _, err := io.CopyN(io.Discard, d.std, d.given); err != nil {
		return false // compress/flate gives less: never seen, but then the fast decoder's error stands
	}
	d.r = d.std
	return true
}

// Close returns the error the stream ended with, as compress/flate's
// Close does (nil at its end).
func (d *Decoder) Close() error {
	if d.r == nil {
		return nil
	}
	return d.r.Close()
}

// decoders are idle Decoders, for Zip's readers: a package of many parts
// would otherwise allocate windows for each.
var decoders = sync.Pool{New: func() any { return new(Decoder) }}

// NewReader returns a reader of the data deflated in r, as
// compress/flate.NewReader does. Close returns its Decoder for reuse (and
// the error the stream ended with, as compress/flate's Close does);
// reading after Close fails. It is not for concurrent use.
func NewReader(r io.Reader) io.ReadCloser {
	d := decoders.Get().(*Decoder)
	d.Reset(r)
	return &pooledReader{d: d}
}

type pooledReader struct{ d *Decoder }

var errClosed = errors.New("inflate: read after Close")

func (p *pooledReader) Read(b []byte) (int, error) {
	if p.d == nil {
		return 0, errClosed
	}
	return p.d.Read(b)
}

func (p *pooledReader) Close() error {
	if p.d == nil {
		return nil
	}
	err := p.d.Close()
	p.d.src = nil // the pool keeps no input alive
	decoders.Put(p.d)
	p.d = nil
	return err
}

// Zip makes zr inflate its entries with this package's decoder.
func Zip(zr *zip.Reader) {
	zr.RegisterDecompressor(zip.Deflate, NewReader)
}
