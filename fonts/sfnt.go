package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unicode/utf16"
)

// bitset is a set of runes, one bit each.
type bitset []uint64

func (s *bitset) add(r rune) {
	i := int(r >> 6)
	if i >= len(*s) {
		*s = append(*s, make([]uint64, i+1-len(*s))...)
	}
	(*s)[i] |= 1 << (r & 63)
}

func (s bitset) has(r rune) bool {
	i := int(r >> 6)
	return r >= 0 && i < len(s) && s[i]&(1<<(r&63)) != 0
}

var errShort = errors.New("truncated font data")

// table returns the bytes of the sfnt table tag, or nil if the font has none.
// It fails on anything but a single TrueType-outline font: OpenType/CFF
// ("OTTO") and collections ("ttcf") are rejected, since fpdf cannot use them.
func table(font []byte, tag string) ([]byte, error) {
	if len(font) < 12 {
		return nil, errShort
	}
	switch v := binary.BigEndian.Uint32(font); v {
	case 0x00010000, 0x74727565: // 1.0, "true"
	default:
		return nil, fmt.Errorf("not a TrueType font (version %q)", font[:4])
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	if len(font) < 12+16*n {
		return nil, errShort
	}
	for i := range n {
		rec := font[12+16*i:]
		if string(rec[:4]) != tag {
			continue
		}
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(size) > uint64(len(font)) {
			return nil, errShort
		}
		return font[off : off+size], nil
	}
	return nil, nil
}

// coverage returns the runes that the font's Unicode cmap maps to a glyph
// other than .notdef.
func coverage(font []byte) (bitset, error) {
	var s bitset
	err := glyphs(font, func(r rune, _ int) { s.add(r) })
	return s, err
}

// glyphs calls add for every rune of the font's Unicode cmap with the glyph
// it maps to (not .notdef). It reads a format 12 subtable if there is one,
// else a format 4 one, and checks that the outlines are TrueType (a glyf
// table).
func glyphs(font []byte, add func(r rune, glyph int)) error {
	if g, err := table(font, "glyf"); err != nil {
		return err
	} else if g == nil {
		return errors.New("no glyf table: outlines are not TrueType")
	}
	var best []byte
	bestFormat := 0
	err := eachCmapSubtable(font, func(platform, encoding uint16, sub []byte) bool {
		if platform == 0 || platform == 3 && (encoding == 1 || encoding == 10) {
			switch f := int(binary.BigEndian.Uint16(sub)); {
			case f == 12 && bestFormat != 12, f == 4 && bestFormat == 0:
				best, bestFormat = sub, f
			}
		}
		return true
	})
	if err != nil {
		return err
	}
	switch bestFormat {
	case 4:
		err = format4(best, add)
	case 12:
		err = format12(best, add)
	default:
		err = errors.New("no Unicode cmap subtable of format 4 or 12")
	}
	return err
}

// format4 adds the runes of a cmap format 4 subtable (segment mapping to delta
// values) that map to a glyph, with the glyph.
func format4(t []byte, add func(r rune, glyph int)) error {
	if len(t) < 14 {
		return errShort
	}
	seg := int(binary.BigEndian.Uint16(t[6:])) / 2
	if len(t) < 16+8*seg {
		return errShort
	}
	ends, starts := t[14:], t[16+2*seg:]
	deltas, rangeOffs := t[16+4*seg:], t[16+6*seg:]
	for i := range seg {
		end := int(binary.BigEndian.Uint16(ends[2*i:]))
		start := int(binary.BigEndian.Uint16(starts[2*i:]))
		delta := int(binary.BigEndian.Uint16(deltas[2*i:]))
		ro := int(binary.BigEndian.Uint16(rangeOffs[2*i:]))
		for c := start; c <= end && c != 0xFFFF; c++ {
			g := c + delta
			if ro != 0 {
				// The offset counts from this segment's idRangeOffset entry.
				at := 16 + 6*seg + 2*i + ro + 2*(c-start)
				if at+2 > len(t) {
					return errShort
				}
				if g = int(binary.BigEndian.Uint16(t[at:])); g != 0 {
					g += delta
				}
			}
			if g &= 0xFFFF; g != 0 {
				add(rune(c), g)
			}
		}
	}
	return nil
}

// format12 adds the runes of a cmap format 12 subtable (segmented coverage)
// that map to a glyph, with the glyph.
func format12(t []byte, add func(r rune, glyph int)) error {
	if len(t) < 16 {
		return errShort
	}
	n := binary.BigEndian.Uint32(t[12:])
	if uint64(len(t)) < 16+12*uint64(n) {
		return errShort
	}
	for i := range int(n) {
		grp := t[16+12*i:]
		start, end := binary.BigEndian.Uint32(grp), binary.BigEndian.Uint32(grp[4:])
		glyph := binary.BigEndian.Uint32(grp[8:])
		if start > end || end > 0x10FFFF {
			return fmt.Errorf("bad cmap group U+%04X–U+%04X", start, end)
		}
		for c := start; c <= end; c++ {
			if g := glyph + (c - start); g != 0 {
				add(rune(c), int(g))
			}
		}
	}
	return nil
}

// fpdfCmap calls add for every rune of the cmap subtable fpdf reads, the
// first of format 4 for Unicode (platform 0, or 3 with encoding 1), with
// the glyph it maps to: fpdf draws a rune with that glyph or not at all.
func fpdfCmap(font []byte, add func(r rune, glyph int)) error {
	var first []byte
	err := eachCmapSubtable(font, func(platform, encoding uint16, sub []byte) bool {
		if (platform == 0 || platform == 3 && encoding == 1) && binary.BigEndian.Uint16(sub) == 4 {
			first = sub
			return false
		}
		return true
	})
	if err != nil {
		return err
	}
	if first == nil {
		return errors.New("no Unicode cmap subtable of format 4")
	}
	return format4(first, add)
}

// eachCmapSubtable calls f with the platform, the encoding and the bytes
// (from its format on) of each subtable of the font's cmap, in the order
// of its records, until f returns false.
func eachCmapSubtable(font []byte, f func(platform, encoding uint16, sub []byte) bool) error {
	cmap, err := table(font, "cmap")
	if err != nil {
		return err
	}
	if len(cmap) < 4 {
		return errors.New("no cmap table")
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if len(cmap) < 4+8*n {
		return errShort
	}
	for i := range n {
		rec := cmap[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := binary.BigEndian.Uint32(rec[4:])
		if uint64(off)+2 > uint64(len(cmap)) {
			continue
		}
		if !f(platform, encoding, cmap[off:]) {
			return nil
		}
	}
	return nil
}

// widths returns, for every rune of the Basic Multilingual Plane, its
// advance in thousandths of an em as fpdf computes it (round(1000 ×
// advance / unitsPerEm)), 0 for a rune fpdf cannot draw and missingWidth
// for one it draws with no advance.
func widths(font []byte) ([]uint16, error) {
	head, err := table(font, "head")
	if err != nil || len(head) < 54 {
		return nil, errors.New("no head table")
	}
	maxp, _ := table(font, "maxp")
	hhea, _ := table(font, "hhea")
	hmtx, _ := table(font, "hmtx")
	if len(maxp) < 6 || len(hhea) < 36 {
		return nil, errors.New("no maxp or hhea table")
	}
	upem := float64(binary.BigEndian.Uint16(head[18:]))
	long := int(binary.BigEndian.Uint16(hhea[34:]))
	if upem == 0 || long == 0 || len(hmtx) < 4*long {
		return nil, errors.New("bad head, hhea or hmtx table")
	}
	w := make([]uint16, 1<<16)
	err = fpdfCmap(font, func(r rune, g int) {
		adv := int(binary.BigEndian.Uint16(hmtx[4*min(g, long-1):]))
		if adv >= 1<<15 {
			adv = 0
		}
		v := int(math.Round(1000 * float64(adv) / upem))
		if v == 0 || v > math.MaxUint16 {
			v = zeroWidth
		}
		w[r] = uint16(v)
	})
	return w, err
}

// zeroWidth marks in widths a rune drawn with no advance (fpdf's 65535).
const zeroWidth = math.MaxUint16

// names are the family names of a font (name IDs 1, 4 and 16, every
// platform and language) and its English subfamily (ID 2: Regular, Bold).
func names(name []byte) (families []string, subfamily string, err error) {
	if len(name) < 6 {
		return nil, "", errShort
	}
	be := binary.BigEndian
	n, store := int(be.Uint16(name[2:])), int(be.Uint16(name[4:]))
	if len(name) < 6+12*n {
		return nil, "", errShort
	}
	for i := range n {
		rec := name[6+12*i:]
		platform, encoding, lang := be.Uint16(rec), be.Uint16(rec[2:]), be.Uint16(rec[4:])
		id, size, off := be.Uint16(rec[6:]), int(be.Uint16(rec[8:])), int(be.Uint16(rec[10:]))
		if store+off+size > len(name) || id != 1 && id != 2 && id != 4 && id != 16 {
			continue
		}
		raw := name[store+off : store+off+size]
		var s string
		switch {
		case platform == 0 || platform == 3 && (encoding == 0 || encoding == 1 || encoding == 10):
			u := make([]uint16, len(raw)/2)
			for j := range u {
				u[j] = be.Uint16(raw[2*j:])
			}
			s = string(utf16.Decode(u))
		case platform == 1 && encoding == 0: // Macintosh Roman: ASCII names
			s = string(raw)
		default:
			continue
		}
		if id == 2 {
			if platform == 3 && lang == 0x409 || subfamily == "" && platform == 1 {
				subfamily = s
			}
			continue
		}
		families = append(families, s)
	}
	return families, subfamily, nil
}

// usable reports why fpdf could not embed font, or nil if it can: fpdf
// reads only single TrueType-outline fonts with the tables below, a
// format 0 name table and a format 4 Unicode cmap, and refuses (printing
// to standard output, then writing a broken file) a font whose licence
// forbids embedding or subsetting it.
func usable(font []byte) error {
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "loca", "glyf", "cmap", "name", "post"} {
		if t, err := table(font, tag); err != nil {
			return err
		} else if t == nil {
			return fmt.Errorf("no %s table", tag)
		}
	}
	be := binary.BigEndian
	if name, _ := table(font, "name"); len(name) < 6 || be.Uint16(name) != 0 {
		return errors.New("name table not of format 0")
	}
	if head, _ := table(font, "head"); len(head) < 54 || be.Uint16(head[52:]) != 0 {
		return errors.New("unknown glyph data format")
	}
	if hhea, _ := table(font, "hhea"); len(hhea) < 36 || be.Uint16(hhea[32:]) != 0 || be.Uint16(hhea[34:]) == 0 {
		return errors.New("unknown horizontal metrics format")
	}
	if os2, _ := table(font, "OS/2"); len(os2) >= 10 {
		if fs := be.Uint16(os2[8:]); fs == 0x0002 || fs&0x0300 != 0 {
			return fmt.Errorf("licence forbids embedding a subset (fsType %#04x)", fs)
		}
	}
	return fpdfCmap(font, func(rune, int) {})
}
