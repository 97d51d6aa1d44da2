package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// forFpdf returns font rewritten so that fpdf never writes into it, which
// lets every document share one copy instead of cloning 10 MB per weight.
//
// fpdf v0.12 writes into the bytes it is given in two places:
//   - getMetrics appends a glyph's side bearing to a slice of the hmtx
//     table when the glyph is past numberOfHMetrics, overwriting the last
//     long metric (so concurrent documents race and later ones can read a
//     changed font);
//   - generateChecksum appends zero padding to a table slice whose length
//     is not a multiple of 4, writing into the bytes after it.
//
// So the rewrite gives every glyph a long metric (numberOfHMetrics =
// numGlyphs, the spec's uncompressed form) and records every table length
// as a multiple of 4, the padding the spec already requires after a table
// being zeros. Nothing a renderer reads changes.
func forFpdf(font []byte) ([]byte, error) {
	type entry struct {
		tag  string
		data []byte
	}
	n, err := tableCount(font)
	if err != nil {
		return nil, err
	}
	var tables []entry
	for i := range n {
		tag := string(font[12+16*i : 16+16*i])
		data, err := table(font, tag)
		if err != nil {
			return nil, fmt.Errorf("table %q: %w", tag, err)
		}
		tables = append(tables, entry{tag, data})
	}
	maxp, _ := table(font, "maxp")
	hhea, _ := table(font, "hhea")
	hmtx, _ := table(font, "hmtx")
	if len(maxp) < 6 || len(hhea) < 36 || hmtx == nil {
		return nil, errors.New("no maxp, hhea or hmtx table")
	}
	glyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	long := int(binary.BigEndian.Uint16(hhea[34:]))
	if long == 0 || long > glyphs || len(hmtx) < 4*long+2*(glyphs-long) {
		return nil, fmt.Errorf("hmtx of %d bytes for %d metrics of %d glyphs", len(hmtx), long, glyphs)
	}
	full := make([]byte, 4*glyphs)
	copy(full, hmtx[:4*long])
	lastAdvance := hmtx[4*(long-1) : 4*(long-1)+2]
	for g := long; g < glyphs; g++ {
		copy(full[4*g:], lastAdvance)
		copy(full[4*g+2:], hmtx[4*long+2*(g-long):][:2])
	}
	newHhea := append([]byte(nil), hhea...)
	binary.BigEndian.PutUint16(newHhea[34:], uint16(glyphs))

	for i := range tables {
		switch tables[i].tag {
		case "hmtx":
			tables[i].data = full
		case "hhea":
			tables[i].data = newHhea
		}
		if pad := -len(tables[i].data) & 3; pad > 0 {
			tables[i].data = append(append([]byte(nil), tables[i].data...), make([]byte, pad)...)
		}
	}
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })

	size := 12 + 16*len(tables)
	for _, t := range tables {
		size += len(t.data)
	}
	out := make([]byte, 12+16*len(tables), size)
	copy(out, font[:12]) // version and the binary-search header: same count
	var headAt int = -1
	for i, t := range tables {
		rec := out[12+16*i:]
		copy(rec, t.tag)
		if t.tag == "head" {
			headAt = len(out)
			// checkSumAdjustment is computed over the font with it zero.
			t.data = append([]byte(nil), t.data...)
			if len(t.data) >= 12 {
				binary.BigEndian.PutUint32(t.data[8:], 0)
			}
		}
		binary.BigEndian.PutUint32(rec[4:], checksum(t.data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t.data)))
		out = append(out, t.data...)
	}
	if headAt >= 0 && headAt+12 <= len(out) {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out, nil
}

// tableCount is the number of tables in the directory of a TrueType font.
func tableCount(font []byte) (int, error) {
	if _, err := table(font, "head"); err != nil {
		return 0, err
	}
	return int(binary.BigEndian.Uint16(font[4:])), nil
}

// checksum is the sfnt table checksum: the sum of big-endian uint32 words,
// the data padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
