package pdftext

import (
	"bytes"
	"compress/lzw"
	"encoding/binary"
	"errors"
	"io"
	"sync"

	"xxgk/internal/inflate"
)

// budget bounds the bytes all stream decoding of one file may produce:
// a few kilobytes of Flate can claim gigabytes.
type budget struct {
	left int64
}

// errTooLarge is returned when the decoding budget is spent.
var errTooLarge = errors.New("解压后的数据超过上限")

// readAll reads r to its end into buf, or into a new buffer of about hint
// bytes when buf has less room, charging
// the budget: past it, it keeps the bytes the budget had left and returns
// errTooLarge. A read error ends it, with what was read.
func (b *budget) readAll(r io.Reader, hint int, buf []byte) ([]byte, error) {
	if size := max(512, min(int64(hint), b.left+1)); int64(cap(buf)) < size {
		buf = make([]byte, 0, size)
	}
	for {
		if len(buf) == cap(buf) {
			// Double: append grows a large slice by a quarter at a time.
			buf = append(make([]byte, 0, 2*cap(buf)), buf...)
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		if int64(n) > b.left {
			buf = buf[:len(buf)+int(b.left)]
			b.left = 0
			return buf, errTooLarge
		}
		b.left -= int64(n)
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// decodeStream returns a stream's data with its filters undone. Image
// filters (DCT, JPX, CCITT, JBIG2) are left applied: text extraction never
// needs the pixels. A truncated or damaged Flate stream gives what could be
// decoded, as viewers show it.
func (f *file) decodeStream(s *Stream, decrypt bool) ([]byte, error) {
	return f.decodeStreamTo(s, decrypt, false)
}

// decodePageContent is decodeStream for a page's content, which may be
// decoded into the file's content buffer: the data is valid until the
// next call, and the page is interpreted before the next page's content
// is decoded (form XObjects and fonts, read meanwhile, decode into new
// buffers).
func (f *file) decodePageContent(s *Stream) ([]byte, error) {
	return f.decodeStreamTo(s, true, true)
}

func (f *file) decodeStreamTo(s *Stream, decrypt, reuse bool) ([]byte, error) {
	data := s.Raw
	if decrypt && f.crypt != nil && s.Dict["Type"] != Name("XRef") {
		data = f.crypt.decryptBytes(data, s.ref)
	}
	filters, parms := f.filters(s.Dict)
	for i, name := range filters {
		var p Dict
		if i < len(parms) {
			p = parms[i]
		}
		// Only the last filter's output: the one before is its input.
		f.reuseContent = reuse && i == len(filters)-1
		var err error
		data, err = f.applyFilter(name, data, p)
		f.reuseContent = false
		if err != nil {
			return data, err
		}
	}
	return data, nil
}

func (f *file) filters(d Dict) ([]Name, []Dict) {
	var names []Name
	var parms []Dict
	for _, x := range f.list(d["Filter"]) {
		names = append(names, f.name(x))
	}
	for _, x := range f.list(d["DecodeParms"]) {
		parms = append(parms, f.dict(x))
	}
	return names, parms
}

// list returns the elements of an array, or a single object as a list of
// one (entries such as /Filter may be either).
func (f *file) list(v any) []any {
	switch v := f.resolve(v).(type) {
	case nil:
		return nil
	case Array:
		return v
	default:
		return []any{v}
	}
}

var errImageFilter = errors.New("image data")

func (f *file) applyFilter(name Name, data []byte, p Dict) ([]byte, error) {
	switch name {
	case "FlateDecode", "Fl":
		out, err := f.inflate(data)
		if err != nil {
			return out, err
		}
		return f.predict(out, p)
	case "LZWDecode", "LZW":
		r := lzw.NewReader(bytes.NewReader(data), lzw.MSB, 8)
		out, err := f.budget.readAll(r, 4*len(data), nil)
		r.Close()
		if errors.Is(err, errTooLarge) {
			return out, err
		}
		return f.predict(out, p)
	case "ASCIIHexDecode", "AHx":
		return f.charge(asciiHex(data))
	case "ASCII85Decode", "A85":
		return f.charge(ascii85(data))
	case "RunLengthDecode", "RL":
		return f.charge(runLength(data, f.budget.left+1))
	case "DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF", "JBIG2Decode":
		return data, errImageFilter
	case "Crypt":
		return data, nil
	}
	return data, errors.New("unknown filter")
}

func (f *file) charge(b []byte) ([]byte, error) {
	if int64(len(b)) > f.budget.left {
		f.budget.left = 0
		return nil, errTooLarge
	}
	f.budget.left -= int64(len(b))
	return b, nil
}

// inflateHint is the decoded size inflate first makes room for, per byte
// of Flate data: page content compresses five to ten to one, CMaps and
// object streams two to one.
const inflateHint = 4

func (f *file) inflate(data []byte) ([]byte, error) {
	// Taken at once: loading an object (predict resolves its parameters)
	// may inflate an object stream before decodeStreamTo clears it.
	reuse := f.reuseContent
	f.reuseContent = false
	var buf []byte
	if reuse {
		buf = f.contentBuf[:0]
	}
	if f.inflater == nil {
		f.inflater = inflaters.Get().(*inflater)
	}
	body := zlibBody(data)
	hint := inflateHint*len(data) + 512
	// A whole, valid stream decoded at once, as readAll would have it
	// (in a buffer of its size for a start); any other read as before.
	if size := max(512, min(int64(hint), f.budget.left+1)); int64(cap(buf)) < size {
		buf = make([]byte, 0, size)
	}
	if out, ok := f.inflater.whole.Inflate(body, buf, f.budget.left); ok {
		f.budget.left -= int64(len(out))
		if reuse {
			f.contentBuf = out[:0]
		}
		return out, nil
	}
	r := f.inflater.reset(body)
	out, err := f.budget.readAll(r, hint, buf)
	if reuse {
		f.contentBuf = out[:0]
	}
	if errors.Is(err, errTooLarge) {
		return out, err
	}
	// A checksum error or an early end: keep what was decoded.
	return out, nil
}

// zlibBody returns the deflate data of a zlib stream (RFC 1950), after
// the header compress/zlib would accept with no dictionary; or data
// whole when it has no such header (some writers emit raw deflate). The
// stream's checksum is not read: inflate keeps what a stream decodes to
// whether it matches or not.
func zlibBody(data []byte) []byte {
	if len(data) < 2 {
		return data
	}
	cmf, flg := data[0], data[1]
	if cmf&0x0f != 8 || cmf>>4 > 7 || (uint16(cmf)<<8|uint16(flg))%31 != 0 {
		return data
	}
	if flg&0x20 == 0 {
		return data[2:]
	}
	// A preset dictionary's checksum: zlib takes the empty one's, 1.
	if len(data) < 6 || binary.BigEndian.Uint32(data[2:6]) != 1 {
		return data
	}
	return data[6:]
}

// inflater is a raw deflate reader and its source, kept from file to
// file: a new one would allocate its 32 KB window.
type inflater struct {
	src   bytes.Reader
	dec   inflate.Decoder
	whole inflate.Whole // tried first
}

var inflaters = sync.Pool{New: func() any { return new(inflater) }}

// reset returns the reader set to inflate data.
func (z *inflater) reset(data []byte) io.Reader {
	z.src.Reset(data)
	return z.dec.Reset(&z.src)
}

// predict undoes PNG and TIFF predictors (/Predictor ≥ 2).
func (f *file) predict(data []byte, p Dict) ([]byte, error) {
	if p == nil {
		return data, nil
	}
	pred, _ := f.num(p["Predictor"])
	if pred < 2 {
		return data, nil
	}
	colors, cols, bpc := 1.0, 1.0, 8.0
	if v, ok := f.num(p["Colors"]); ok && v >= 1 && v <= 32 {
		colors = v
	}
	if v, ok := f.num(p["Columns"]); ok && v >= 1 && v <= 1<<20 {
		cols = v
	}
	if v, ok := f.num(p["BitsPerComponent"]); ok && v >= 1 && v <= 16 {
		bpc = v
	}
	bpp := max(1, int(colors*bpc+7)/8)
	rowLen := int(colors*bpc*cols+7) / 8
	if pred == 2 { // TIFF: horizontal differencing, 8-bit only
		if bpc != 8 {
			return data, nil
		}
		out := append([]byte(nil), data...)
		for r := 0; r+rowLen <= len(out); r += rowLen {
			for i := bpp; i < rowLen; i++ {
				out[r+i] += out[r+i-bpp]
			}
		}
		return out, nil
	}
	var out []byte
	prev := make([]byte, rowLen)
	for i := 0; i < len(data); i += rowLen + 1 {
		typ := data[i]
		end := min(i+1+rowLen, len(data))
		row := make([]byte, rowLen)
		copy(row, data[i+1:end])
		for k := range rowLen {
			var left, up, ul byte
			if k >= bpp {
				left = row[k-bpp]
				ul = prev[k-bpp]
			}
			up = prev[k]
			switch typ {
			case 1:
				row[k] += left
			case 2:
				row[k] += up
			case 3:
				row[k] += byte((int(left) + int(up)) / 2)
			case 4:
				row[k] += paeth(left, up, ul)
			}
		}
		out = append(out, row...)
		prev = row
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func asciiHex(data []byte) []byte {
	out, _ := appendHex(nil, data)
	return out
}

func ascii85(data []byte) []byte {
	var out []byte
	var group [5]byte
	n := 0
	flush := func(k int) {
		var v uint32
		for i := range 5 {
			c := byte('u')
			if i < k {
				c = group[i]
			}
			v = v*85 + uint32(c-'!')
		}
		b := []byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
		out = append(out, b[:k-1]...)
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '~':
			i = len(data)
		case c == 'z' && n == 0:
			out = append(out, 0, 0, 0, 0)
		case c >= '!' && c <= 'u':
			group[n] = c
			n++
			if n == 5 {
				flush(5)
				n = 0
			}
		}
	}
	if n > 1 {
		flush(n)
	}
	return out
}

func runLength(data []byte, limit int64) []byte {
	var out []byte
	for i := 0; i < len(data) && int64(len(out)) < limit; {
		n := int(data[i])
		i++
		switch {
		case n < 128:
			end := min(i+n+1, len(data))
			out = append(out, data[i:end]...)
			i = end
		case n > 128:
			if i < len(data) {
				out = append(out, bytes.Repeat(data[i:i+1], 257-n)...)
				i++
			}
		default:
			return out
		}
	}
	return out
}
