// Package fonts embeds the TrueType fonts of the PDF summaries.
//
// Both are Noto Serif SC (SIL Open Font License 1.1, see OFL.txt), subset to
// GBK plus ASCII, Latin-1 and the punctuation that reports use; make-fonts.sh
// makes them and README.md says where from. Their outlines are TrueType (glyf),
// the only kind fpdf can embed.
package fonts

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
)

//go:embed NotoSerifSC-Regular.ttf
var regularFile []byte

//go:embed NotoSerifSC-Bold.ttf
var boldFile []byte

// Family is a name for the fonts to register under in fpdf (the regular weight
// as style "", the bold as "B").
const Family = "NotoSerifSC"

var (
	prepareOnce   sync.Once
	regular, bold []byte // the files rewritten by forFpdf
)

// prepare rewrites both fonts once, so that fpdf never writes into them.
func prepare() {
	prepareOnce.Do(func() {
		var err error
		if regular, err = forFpdf(regularFile); err != nil {
			panic("fonts: NotoSerifSC-Regular.ttf: " + err.Error())
		}
		if bold, err = forFpdf(boldFile); err != nil {
			panic("fonts: NotoSerifSC-Bold.ttf: " + err.Error())
		}
	})
}

// Regular returns the body font, weight 400, for fpdf's
// AddUTF8FontFromBytes. The bytes are shared by every caller and must not be
// modified; they are laid out so that fpdf does not (see forFpdf), so
// documents written at the same time may all use them.
func Regular() []byte { prepare(); return regular }

// Bold returns the title font, weight 700, shared like Regular.
func Bold() []byte { prepare(); return bold }

var (
	coverOnce sync.Once
	cover     bitset // runes that both weights map to a glyph
)

// Has reports whether the fonts have a glyph for r (both weights).
//
// It is false for runes above U+FFFF even if a font maps them: fpdf reads only
// the cmap's format 4 (Basic Multilingual Plane) subtable.
func Has(r rune) bool {
	coverOnce.Do(func() {
		prepare()
		reg, err := coverage(regular)
		if err != nil {
			panic("fonts: NotoSerifSC-Regular.ttf: " + err.Error())
		}
		b, err := coverage(bold)
		if err != nil {
			panic("fonts: NotoSerifSC-Bold.ttf: " + err.Error())
		}
		cover = reg.and(b)
	})
	return r >= 0 && r <= 0xFFFF && cover.has(r)
}

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

func (s bitset) and(t bitset) bitset {
	u := make(bitset, min(len(s), len(t)))
	for i := range u {
		u[i] = s[i] & t[i]
	}
	return u
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
	cmap, err := table(font, "cmap")
	if err != nil {
		return err
	}
	if len(cmap) < 4 {
		return errors.New("no cmap table")
	}
	var best []byte
	bestFormat := 0
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if len(cmap) < 4+8*n {
		return errShort
	}
	for i := range n {
		rec := cmap[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := binary.BigEndian.Uint32(rec[4:])
		unicode := platform == 0 || platform == 3 && (encoding == 1 || encoding == 10)
		if !unicode || uint64(off)+2 > uint64(len(cmap)) {
			continue
		}
		sub := cmap[off:]
		switch f := int(binary.BigEndian.Uint16(sub)); {
		case f == 12 && bestFormat != 12, f == 4 && bestFormat == 0:
			best, bestFormat = sub, f
		}
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
