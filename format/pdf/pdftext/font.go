package pdftext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// font decodes the strings of a text-showing operator into characters,
// each with its text and advance width.
type font struct {
	type0    bool
	codes    *cmap // a Type0 font's embedded encoding CMap (code splitting, CIDs)
	identity bool  // Identity-H/V: the code is the CID
	legacy   encoding.Encoding
	unicode  string // "ucs2" or "utf16": predefined Uni… CMaps, codes are Unicode
	toUni    *cmap
	// enc: a simple font's text by code; shared with winAnsi or
	// standard (a font is a few hundred bytes, not four KiB), copied
	// before Differences change it (ownEnc).
	enc      *[256]string
	ownEnc   bool
	widths   widthTable
	dw       float64 // default width, 1/1000 of text space
	scale    float64 // Type3: glyph space to 1/1000 text space
	mono     bool    // estimate widths as Courier's
	vertical bool
	// last is the character of a simple font's code lastCode (when
	// haveLast), decoded last: a function of the font and the code,
	// which some writers draw over and over (LibreOffice gives each
	// glyph its own /ActualText and draws them all with one code).
	last     char
	lastCode byte
	haveLast bool
}

// char is one character code of a shown string.
type char struct {
	text  string
	width float64 // advance, 1/1000 of the font size
	space bool    // the single-byte code 32, to which word spacing applies
	known bool    // the text came from a map, not guessed
}

// loadFont reads a font dictionary.
func (f *file) loadFont(v any) *font {
	d := f.dict(v)
	fn := &font{scale: 1}
	if d == nil {
		fn.enc = &winAnsi
		return fn
	}
	sub := f.name(d["Subtype"])
	base := string(f.name(d["BaseFont"]))
	lower := strings.ToLower(base)
	fn.mono = strings.Contains(lower, "courier") || strings.Contains(lower, "mono")
	if s, ok := f.resolve(d["ToUnicode"]).(*Stream); ok {
		if data, err := f.decodeStream(s, true); err == nil || len(data) > 0 {
			fn.toUni = parseCMap(data)
		}
	}
	if sub == "Type0" {
		fn.type0 = true
		fn.dw = 1000
		switch e := f.resolve(d["Encoding"]).(type) {
		case Name:
			fn.predefined(string(e))
		case *Stream:
			if data, err := f.decodeStream(e, true); err == nil || len(data) > 0 {
				fn.codes = parseCMap(data)
			}
			if u := f.name(e.Dict["UseCMap"]); u != "" {
				fn.predefined(string(u))
			}
			if w, _ := f.num(e.Dict["WMode"]); w == 1 {
				fn.vertical = true
			}
		default:
			fn.identity = true
		}
		if desc := f.array(d["DescendantFonts"]); len(desc) > 0 {
			cd := f.dict(desc[0])
			if n, ok := f.num(cd["DW"]); ok {
				fn.dw = n
			}
			f.cidWidths(fn, f.array(cd["W"]))
		}
		return fn
	}
	// A simple font.
	fn.enc = &standard
	if sub == "TrueType" {
		fn.enc = &winAnsi
	}
	if sub == "Type3" {
		if m := f.array(d["FontMatrix"]); len(m) == 6 {
			if a, ok := f.num(m[0]); ok && a != 0 {
				fn.scale = a * 1000
			}
		}
	}
	switch e := f.resolve(d["Encoding"]).(type) {
	case Name:
		fn.baseEncoding(e)
	case Dict:
		if b := f.name(e["BaseEncoding"]); b != "" {
			fn.baseEncoding(b)
		}
		code := 0
		for _, x := range f.array(e["Differences"]) {
			switch x := f.resolve(x).(type) {
			case int:
				code = x
			case Name:
				if code >= 0 && code < 256 {
					fn.setEnc(code, glyphRune(string(x)))
				}
				code++
			}
		}
	}
	first, _ := f.num(d["FirstChar"])
	for i, w := range f.array(d["Widths"]) {
		if n, ok := f.num(w); ok {
			fn.widths.put(int(first)+i, n*fn.scale)
		}
	}
	if fd := f.dict(d["FontDescriptor"]); fd != nil {
		if n, ok := f.num(fd["MissingWidth"]); ok && n > 0 {
			fn.dw = n * fn.scale
		}
	}
	return fn
}

func (fn *font) baseEncoding(n Name) {
	switch n {
	case "WinAnsiEncoding":
		fn.enc, fn.ownEnc = &winAnsi, false
	case "StandardEncoding":
		fn.enc, fn.ownEnc = &standard, false
	case "MacRomanEncoding", "PDFDocEncoding":
		fn.enc, fn.ownEnc = &winAnsi, false // the same for the characters reports use
	}
}

// setEnc sets the text of a code of a simple font, in its own copy of
// the encoding.
func (fn *font) setEnc(code int, text string) {
	if !fn.ownEnc {
		e := *fn.enc
		fn.enc, fn.ownEnc = &e, true
	}
	fn.enc[code] = text
}

// predefined sets up a Type0 font with a predefined CMap.
func (fn *font) predefined(name string) {
	fn.vertical = strings.HasSuffix(name, "-V")
	switch {
	case name == "Identity-H" || name == "Identity-V":
		fn.identity = true
	case strings.Contains(name, "UCS2"):
		fn.unicode = "ucs2"
	case strings.Contains(name, "UTF16"):
		fn.unicode = "utf16"
	case strings.HasPrefix(name, "GB"):
		fn.legacy = simplifiedchinese.GB18030
		fn.codes = gbSpace
	case strings.HasPrefix(name, "ETen-B5") || strings.HasPrefix(name, "B5"):
		fn.legacy = traditionalchinese.Big5
		fn.codes = big5Space
	default:
		fn.identity = true
	}
}

// Code spaces of the legacy Chinese CMaps: one byte below 0x81, else two
// bytes (four for GB18030's 0x81 0x30… sequences).
var (
	gbSpace = &cmap{space: []codeRange{
		{n: 1, lo: [4]byte{0x00}, hi: [4]byte{0x80}},
		{n: 2, lo: [4]byte{0x81, 0x40}, hi: [4]byte{0xFE, 0xFE}},
		{n: 4, lo: [4]byte{0x81, 0x30, 0x81, 0x30}, hi: [4]byte{0xFE, 0x39, 0xFE, 0x39}},
	}}
	big5Space = &cmap{space: []codeRange{
		{n: 1, lo: [4]byte{0x00}, hi: [4]byte{0x80}},
		{n: 2, lo: [4]byte{0x81, 0x40}, hi: [4]byte{0xFE, 0xFE}},
	}}
)

// widthTable maps the codes of a simple font, or the CIDs of a Type0
// font, to advance widths, as a map[int]float64 would: those below
// denseWidths (every code of a simple font, and the CIDs of most subset
// fonts) in a slice, looked up for each glyph without hashing, the rest
// in a map.
type widthTable struct {
	dense []float64 // by code, where set says one is given
	set   []uint64  // a bit by code of dense
	more  map[int]float64
}

// denseWidths bounds the codes a widthTable keeps in its slice: at most
// 32 KiB a font.
const denseWidths = 1 << 12

// put sets the width of code.
func (t *widthTable) put(code int, w float64) {
	if code < 0 || code >= denseWidths {
		if t.more == nil {
			t.more = map[int]float64{}
		}
		t.more[code] = w
		return
	}
	if code >= len(t.dense) {
		n := min(max(code+1, 2*len(t.dense), 256), denseWidths)
		t.dense = append(t.dense, make([]float64, n-len(t.dense))...)
		t.set = append(t.set, make([]uint64, (n+63)/64-len(t.set))...)
	}
	t.dense[code] = w
	t.set[code/64] |= 1 << (code % 64)
}

// get returns the width of code, and whether one was set.
func (t *widthTable) get(code int) (float64, bool) {
	if code >= 0 && code < denseWidths {
		if code < len(t.dense) && t.set[code/64]&(1<<(code%64)) != 0 {
			return t.dense[code], true
		}
		return 0, false
	}
	w, ok := t.more[code]
	return w, ok
}

// maxWidthEntries bounds the widths a /W array may define.
const maxWidthEntries = 1 << 18

func (f *file) cidWidths(fn *font, w Array) {
	n := 0
	for i := 0; i < len(w) && n < maxWidthEntries; {
		first, ok := f.num(w[i])
		if !ok || i+1 >= len(w) {
			return
		}
		if arr := f.array(w[i+1]); arr != nil {
			for k, x := range arr {
				if v, ok := f.num(x); ok {
					fn.widths.put(int(first)+k, v)
					n++
				}
			}
			i += 2
			continue
		}
		if i+2 >= len(w) {
			return
		}
		last, ok1 := f.num(w[i+1])
		v, ok2 := f.num(w[i+2])
		if !ok1 || !ok2 || last < first {
			return
		}
		for c := int(first); c <= int(last) && n < maxWidthEntries; c++ {
			fn.widths.put(c, v)
			n++
		}
		i += 3
	}
}

// decode splits s into character codes.
func (fn *font) decode(s []byte, out []char) []char {
	out = out[:0]
	for len(s) > 0 {
		if fn.haveLast && s[0] == fn.lastCode && !fn.type0 {
			out = append(out, fn.last)
			s = s[1:]
			continue
		}
		n := 1
		if fn.type0 {
			switch {
			case fn.codes != nil:
				n = fn.codes.split(s, 2)
			case fn.toUni != nil && len(fn.toUni.space) > 0 && !fn.identity && fn.unicode == "":
				n = fn.toUni.split(s, 2)
			case fn.unicode == "utf16" && len(s) >= 4 && s[0] >= 0xD8 && s[0] <= 0xDB:
				n = 4
			default:
				n = min(2, len(s))
			}
		} else if fn.toUni != nil && len(fn.toUni.space) > 0 {
			// A simple font is one byte a code, whatever its ToUnicode says.
			n = 1
		}
		code := codeOf(s[:n])
		c := char{space: n == 1 && s[0] == ' '}
		if t, ok := fn.toUni.text(code); ok && t != "" {
			c.text, c.known = t, true
		} else if fn.type0 {
			switch {
			case fn.unicode != "":
				c.text, c.known = decodeUTF16(s[:n]), true
			case fn.legacy != nil:
				if t, err := fn.legacy.NewDecoder().String(string(s[:n])); err == nil && t != "" && t != "\ufffd" {
					c.text, c.known = t, true
				}
			}
		} else {
			c.text = fn.enc[s[0]]
			c.known = c.text != ""
		}
		c.width = fn.width(code, c.text)
		out = append(out, c)
		if !fn.type0 { // n is 1
			fn.last, fn.lastCode, fn.haveLast = c, s[0], true
		}
		s = s[n:]
	}
	return out
}

func (fn *font) width(code uint32, text string) float64 {
	if fn.type0 {
		cid := -1
		switch {
		case fn.identity:
			cid = int(code)
		case fn.codes != nil:
			if c, ok := fn.codes.cid(code); ok {
				cid = c
			}
		}
		if cid >= 0 {
			if w, ok := fn.widths.get(cid); ok {
				return w
			}
			if fn.identity || fn.codes != nil && len(fn.codes.cids)+len(fn.codes.cidRng) > 0 {
				return fn.dw
			}
		}
		return estimateWidth(text, false)
	}
	if w, ok := fn.widths.get(int(code)); ok && w > 0 {
		return w
	}
	if fn.dw > 0 {
		return fn.dw
	}
	return estimateWidth(text, fn.mono)
}

// estimateWidth guesses an advance for a font without widths: full width
// for CJK, half for the rest.
func estimateWidth(text string, mono bool) float64 {
	r, _ := utf8.DecodeRuneInString(text)
	switch {
	case mono:
		return 600
	case isWide(r):
		return 1000
	case r == ' ':
		return 250
	}
	return 500
}

// isWide reports East Asian wide characters (ideographs, kana, hangul,
// full-width forms and CJK punctuation).
func isWide(r rune) bool {
	return r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F ||
		r >= 0xFF00 && r <= 0xFF60 || r >= 0xFFE0 && r <= 0xFFE6 ||
		r >= 0x20000 && r <= 0x3FFFD || unicode.Is(unicode.Han, r)
}

// IsWide reports East Asian wide characters, for layout.
func IsWide(r rune) bool { return isWide(r) }

var winAnsi, standard [256]string

func init() {
	upper := [32]rune{0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178}
	for i := 32; i < 256; i++ {
		r := rune(i)
		if i >= 0x80 && i < 0xA0 {
			r = upper[i-0x80]
		}
		if r == 0x7F || r == 0xFFFD {
			continue
		}
		winAnsi[i] = string(r)
	}
	for i := 32; i < 127; i++ {
		standard[i] = string(rune(i))
	}
	standard['\''] = "’"
	standard['`'] = "‘"
	for i := 0xA1; i < 256; i++ {
		standard[i] = winAnsi[i] // close enough for the few a report uses
	}
}
