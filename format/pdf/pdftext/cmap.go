package pdftext

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// cmap is a parsed CMap: a ToUnicode map (code → text) or an encoding
// CMap of a Type0 font (code → CID). Codes are split by its codespace
// ranges.
type cmap struct {
	space []codeRange
	// bfchar: code → text (decoded once, shared by its glyphs), in low
	// by code when below 256 and not empty (else in chars, where low's
	// code is ""): the codes of a simple font, and of the subset fonts
	// of most writers, are such, and text looks each glyph's code up
	// without hashing it (1.2M of the 161M instructions of
	// BenchmarkParseCorpusKind/pdf), in a slice smaller than a map.
	chars  map[uint32]string
	low    []string
	ranges []bfRange      // bfrange, sorted by lo
	cids   map[uint32]int // cidchar
	cidRng []cidRange     // cidrange, sorted by lo
}

type codeRange struct {
	n      int // bytes
	lo, hi [4]byte
}

type bfRange struct {
	lo, hi uint32
	dst    string   // UTF-16BE of lo's text; later codes add to its last unit
	dsts   []string // or one text per code
}

type cidRange struct {
	lo, hi uint32
	cid    int
}

// maxCMapEntries bounds the entries one CMap may define.
const maxCMapEntries = 1 << 20

func parseCMap(data []byte) *cmap {
	m := &cmap{cids: map[uint32]int{}}
	l := &lexer{b: data}
	entries := 0
	// next scans a token: its kind, and its text as the lexer's next
	// would give it (a name's, string's or keyword's bytes, else none),
	// valid until the scratch buffer is reset at the next entry.
	next := func() (tokKind, []byte) {
		switch k := l.scan(); k {
		case tName, tString, tKeyword:
			return k, l.tok()
		default:
			return k, nil
		}
	}
	// each reads the entries of a begin… section: each starts with a
	// code string; the first other token ends the section.
	each := func(f func(code []byte)) {
		for entries < maxCMapEntries {
			l.scratch = l.scratch[:0]
			k, a := next()
			if k != tString {
				return
			}
			f(a)
			entries++
		}
	}
	// The number before a section, its count of entries: the map of
	// bfchar entries is made for the first section's, not grown to it.
	// An entry takes 8 bytes at least (<xx><yyyy>).
	count := 0
	for entries < maxCMapEntries {
		l.scratch = l.scratch[:0]
		k, t := next()
		if k == tEOF {
			break
		}
		if k == tNumber {
			count = int(min(max(l.num, 0), float64(len(data)/8)))
		}
		if k != tKeyword {
			continue
		}
		switch string(t) {
		case "begincodespacerange":
			each(func(lo []byte) {
				if k, hi := next(); k == tString {
					if r, ok := newCodeRange(lo, hi); ok {
						m.space = append(m.space, r)
					}
				}
			})
		case "beginbfchar":
			each(func(code []byte) {
				switch k, b := next(); k {
				case tString:
					m.setChar(codeOf(code), decodeUTF16(b), count)
				case tName:
					if r := glyphRune(string(b)); r != "" {
						m.setChar(codeOf(code), decodeUTF16(utf16BE(r)), count)
					}
				}
			})
		case "beginbfrange":
			each(func(lo []byte) {
				_, hi := next()
				r := bfRange{lo: codeOf(lo), hi: codeOf(hi)}
				switch k, c := next(); k {
				case tString:
					r.dst = string(c)
				case tArrayOpen:
					for k, d := next(); k == tString; k, d = next() {
						r.dsts = append(r.dsts, string(d))
					}
				default:
					return
				}
				if r.hi >= r.lo {
					m.ranges = append(m.ranges, r)
				}
			})
		case "begincidchar":
			each(func(code []byte) {
				if k, _ := next(); k == tNumber {
					m.cids[codeOf(code)] = int(l.num)
				}
			})
		case "begincidrange":
			each(func(lo []byte) {
				kb, b := next()
				kc, _ := next()
				if kb == tString && kc == tNumber && codeOf(b) >= codeOf(lo) {
					m.cidRng = append(m.cidRng, cidRange{codeOf(lo), codeOf(b), int(l.num)})
				}
			})
		}
	}
	sort.Slice(m.ranges, func(i, j int) bool { return m.ranges[i].lo < m.ranges[j].lo })
	sort.Slice(m.cidRng, func(i, j int) bool { return m.cidRng[i].lo < m.cidRng[j].lo })
	return m
}

// setChar maps code to text t, a bfchar entry of a section of count
// entries.
func (m *cmap) setChar(code uint32, t string, count int) {
	if code < 256 && t != "" {
		if int(code) >= len(m.low) {
			n := min(max(int(code)+1, 2*len(m.low), 32), 256)
			m.low = append(m.low, make([]string, n-len(m.low))...)
		}
		m.low[code] = t
		return
	}
	if code < uint32(len(m.low)) {
		m.low[code] = "" // an empty text after another
	}
	if m.chars == nil {
		m.chars = make(map[uint32]string, count)
	}
	m.chars[code] = t
}

func newCodeRange(lo, hi []byte) (codeRange, bool) {
	if len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
		return codeRange{}, false
	}
	r := codeRange{n: len(lo)}
	copy(r.lo[:], lo)
	copy(r.hi[:], hi)
	return r, true
}

func codeOf[S ~string | ~[]byte](s S) uint32 {
	var c uint32
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

// split returns the length of the code at the start of s by the codespace
// ranges, def when none matches (or there are none).
func (m *cmap) split(s []byte, def int) int {
	if m == nil || len(m.space) == 0 {
		return min(def, len(s))
	}
	best := 0
	for _, r := range m.space {
		if r.n > len(s) {
			continue
		}
		ok := true
		for i := 0; i < r.n; i++ {
			if s[i] < r.lo[i] || s[i] > r.hi[i] {
				ok = false
				break
			}
		}
		if ok && (best == 0 || r.n < best) {
			best = r.n
		}
	}
	if best == 0 {
		// Not in any range: take the shortest range's length.
		best = 4
		for _, r := range m.space {
			best = min(best, r.n)
		}
	}
	return min(best, len(s))
}

// text returns the text of code, ok=false when the map does not have it.
func (m *cmap) text(code uint32) (string, bool) {
	if m == nil {
		return "", false
	}
	if code < uint32(len(m.low)) && m.low[code] != "" {
		return m.low[code], true // as chars has it
	}
	if s, ok := m.chars[code]; ok {
		return s, true
	}
	i := sort.Search(len(m.ranges), func(i int) bool { return m.ranges[i].hi >= code })
	for ; i < len(m.ranges) && m.ranges[i].lo <= code; i++ {
		r := m.ranges[i]
		if code > r.hi {
			continue
		}
		off := code - r.lo
		if r.dsts != nil {
			if int(off) < len(r.dsts) {
				return decodeUTF16(r.dsts[off]), true
			}
			return "", false
		}
		if len(r.dst) == 0 {
			return "", false
		}
		var buf [32]byte
		b := append(buf[:0], r.dst...)
		// Add off to the last two bytes (one UTF-16 unit).
		n := len(b)
		if n >= 2 {
			v := uint32(b[n-2])<<8 | uint32(b[n-1])
			v += off
			b[n-2], b[n-1] = byte(v>>8), byte(v)
		} else {
			b[0] += byte(off)
		}
		return decodeUTF16(b), true
	}
	return "", false
}

// cid returns the CID of code, ok=false when the map does not have it.
func (m *cmap) cid(code uint32) (int, bool) {
	if m == nil {
		return 0, false
	}
	if c, ok := m.cids[code]; ok {
		return c, true
	}
	i := sort.Search(len(m.cidRng), func(i int) bool { return m.cidRng[i].hi >= code })
	if i < len(m.cidRng) && m.cidRng[i].lo <= code {
		return m.cidRng[i].cid + int(code-m.cidRng[i].lo), true
	}
	return 0, false
}

// decodeUTF16 decodes UTF-16BE; a single byte is taken as Latin-1 (some
// writers put one-byte destinations in ToUnicode maps).
func decodeUTF16[S ~string | ~[]byte](s S) string {
	if len(s) == 1 {
		return string(rune(s[0]))
	}
	return utf16Text(s)
}

// utf16Text decodes UTF-16BE (an odd last byte is dropped, an unpaired
// surrogate is U+FFFD) as utf16.Decode does, without its slices.
func utf16Text[S ~string | ~[]byte](s S) string {
	var buf [64]byte
	out := buf[:0]
	for i := 0; i+1 < len(s); i += 2 {
		r := rune(s[i])<<8 | rune(s[i+1])
		if utf16.IsSurrogate(r) {
			r2 := utf8.RuneError
			if i+3 < len(s) {
				r2 = rune(s[i+2])<<8 | rune(s[i+3])
			}
			if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
				r = d
				i += 2
			} else {
				r = utf8.RuneError
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return string(out)
}

func utf16BE(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u >> 8))
		b.WriteByte(byte(u))
	}
	return b.String()
}

// glyphRune maps a glyph name to its text: uniXXXX, uXXXX[XX], and the
// names of the Adobe Glyph List a Latin or CJK report uses.
func glyphRune(name string) string {
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i] // a.sc, one.oldstyle
	}
	if s, ok := aglNames[name]; ok {
		return s
	}
	if len(name) == 1 && (name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z') {
		return name
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var u []uint16
		for i := 3; i < len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 16)
			if err != nil {
				return ""
			}
			u = append(u, uint16(v))
		}
		return string(utf16.Decode(u))
	}
	if strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7 {
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil && v <= 0x10FFFF {
			return string(rune(v))
		}
	}
	return ""
}

var aglNames = map[string]string{
	"space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$",
	"percent": "%", "ampersand": "&", "quotesingle": "'", "parenleft": "(", "parenright": ")",
	"asterisk": "*", "plus": "+", "comma": ",", "hyphen": "-", "period": ".", "slash": "/",
	"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "colon": ":", "semicolon": ";", "less": "<",
	"equal": "=", "greater": ">", "question": "?", "at": "@", "bracketleft": "[",
	"backslash": "\\", "bracketright": "]", "asciicircum": "^", "underscore": "_", "grave": "`",
	"braceleft": "{", "bar": "|", "braceright": "}", "asciitilde": "~", "bullet": "•",
	"endash": "–", "emdash": "—", "quoteleft": "‘", "quoteright": "’", "quotedblleft": "“",
	"quotedblright": "”", "ellipsis": "…", "periodcentered": "·", "degree": "°",
	"multiply": "×", "divide": "÷", "section": "§", "copyright": "©", "registered": "®",
	"trademark": "™", "yen": "¥", "sterling": "£", "Euro": "€", "nbspace": "\u00a0",
	"nonbreakingspace": "\u00a0", "minus": "−", "fi": "fi", "fl": "fl", "ff": "ff",
	"ffi": "ffi", "ffl": "ffl", "quotesinglbase": "‚", "quotedblbase": "„", "dagger": "†",
	"daggerdbl": "‡", "perthousand": "‰", "guilsinglleft": "‹", "guilsinglright": "›",
	"exclamdown": "¡", "cent": "¢", "currency": "¤", "brokenbar": "¦", "dieresis": "¨",
	"ordfeminine": "ª", "guillemotleft": "«", "logicalnot": "¬", "macron": "¯",
	"plusminus": "±", "acute": "´", "mu": "µ", "paragraph": "¶", "cedilla": "¸",
	"ordmasculine": "º", "guillemotright": "»", "questiondown": "¿",
}
