package zh

import (
	"math/bits"
	"strings"
	"unicode"

	"xxgk/internal/strs"
)

// White space. Report text comes from web pages, word processors and PDF
// files, and each pads with its own spaces: the no-break space of &nbsp;,
// the ideographic space U+3000 that indents Chinese paragraphs, the
// typographic spaces U+2000–U+200A, and invisible characters (zero-width
// space, joiners, direction marks, the byte-order mark) that editors leave
// in. The readers differ in which of them they count as a space, so each
// set has its own name here:
//
//	                     ASCII blanks  line breaks  NBSP U+3000  U+2000–200A U+202F U+205F  ZWSP BOM  U+200C–200F U+2060
//	IsSpace              yes           yes          yes          yes                        no        no
//	IsOddSpace           no            no           yes          yes                        no        no
//	IsZeroWidth          no            no           no           no                         yes       yes
//	IsLineSpace          space, tab    no           yes          yes                        yes       no
//
// (IsSpace also holds NEL U+0085, U+1680 and the line and paragraph
// separators U+2028 and U+2029.)

// IsSpace reports white space as Unicode defines it (unicode.IsSpace): the
// ASCII blanks and line breaks, the no-break and ideographic spaces and the
// typographic spaces. Zero-width characters are not spaces here.
func IsSpace(r rune) bool { return unicode.IsSpace(r) }

// IsOddSpace reports the spaces other than ASCII ones that pages use for
// indentation and padding: the no-break space, the ideographic space and
// the typographic spaces U+2000–U+200A, U+202F and U+205F. Readers turn
// them into plain spaces.
func IsOddSpace(r rune) bool {
	return r == 0xA0 || r == 0x3000 || r >= 0x2000 && r <= 0x200A || r == 0x202F || r == 0x205F
}

// IsZeroWidth reports the invisible characters that pasted and converted
// text carries: the zero-width space, non-joiner and joiner, the
// left-to-right and right-to-left marks (U+200B–U+200F), the word joiner
// U+2060 and the byte-order mark U+FEFF. Readers drop them.
func IsZeroWidth(r rune) bool {
	return r >= 0x200B && r <= 0x200F || r == 0x2060 || r == 0xFEFF
}

// IsLineSpace reports a space between the words of a line of prose, as the
// number reader skips it: a space or a tab, an odd space (IsOddSpace), and
// the zero-width space and byte-order mark. Unlike IsSpace it holds no line
// break; unlike IsZeroWidth it leaves the joiners and direction marks as
// text. (Readers remove zero-width characters as they build a document,
// so the difference seldom shows.)
func IsLineSpace(r rune) bool {
	switch {
	case r == ' ', r == '\t', r == '\u3000', r == '\u00a0', r == '\u202f', r == '\u205f', r == '\ufeff':
		return true
	case r >= '\u2000' && r <= '\u200b':
		return true
	}
	return false
}

// HasSpecialSpace reports whether s holds an odd space or a zero-width
// character (IsOddSpace, IsZeroWidth). It looks at the bytes of their UTF-8
// encodings without decoding: most lines hold neither, and this check is
// all they cost.
func HasSpecialSpace(s string) bool {
	i, _ := IndexSpecialSpace(s)
	return i >= 0
}

// IndexSpecialSpace returns the byte offset and length of the first odd
// space or zero-width character of s (HasSpecialSpace), or -1, 0.
//
// Every line of a report passes here. The special characters are three
// bytes led by E2, E3 or EF, or the two bytes C2 A0, so only where one of
// those four bytes stands is more than a byte looked at; the bytes are
// sought eight at a time (indexSpecialLead). None of the four is a
// continuation byte, so wherever one stands a character starts.
func IndexSpecialSpace(s string) (at, size int) {
	for i := 0; i+1 < len(s); i++ {
		i += indexSpecialLead(s[i:])
		switch {
		case i+1 >= len(s):
			return -1, 0
		case s[i] == 0xC2:
			if s[i+1] == 0xA0 { // U+00A0
				return i, 2
			}
		case i+2 < len(s) && IsSpecialSpace3(s[i], s[i+1], s[i+2]):
			return i, 3
		}
	}
	return -1, 0
}

// indexSpecialLead returns the index of the first byte of s that may lead
// a special character (C2, E2, E3 or EF), or len(s). Chinese text has a
// lead byte every character, which a loop over its bytes tests in turn;
// here each test covers eight bytes.
func indexSpecialLead(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := strs.Load64(s[i:])
		// E2 and E3 differ in the lowest bit only.
		if m := zeroBytes(w^(0xC2*strs.LowBits)) | zeroBytes((w|strs.LowBits)^(0xE3*strs.LowBits)) | zeroBytes(w^(0xEF*strs.LowBits)); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c == 0xC2 || c|1 == 0xE3 || c == 0xEF {
			return i
		}
	}
	return len(s)
}

// zeroBytes returns x with the high bit set of its lowest zero byte, and
// maybe of bytes above that one (a borrow runs up from a zero byte), but of
// no byte below it: the lowest set bit marks the first zero byte.
func zeroBytes(x uint64) uint64 { return (x - strs.LowBits) &^ x & strs.HighBits }

// IsSpecialSpace3 reports whether the bytes a, b, c are the three-byte
// encoding of a special character (IndexSpecialSpace), comparing b and c
// as IndexSpecialSpace does: as they are, continuation bytes or not. A
// reader that scans the bytes of its lines itself (document's line scan)
// tells the special characters by it as this package does.
func IsSpecialSpace3(a, b, c byte) bool {
	switch {
	case a == 0xE2 && b == 0x80:
		return c <= 0x8F || c == 0xAF // U+2000–U+200F, U+202F
	case a == 0xE2 && b == 0x81:
		return c == 0x9F || c == 0xA0 // U+205F, U+2060
	case a == 0xE3:
		return b == 0x80 && c == 0x80 // U+3000
	}
	return a == 0xEF && b == 0xBB && c == 0xBF // U+FEFF
}

// ZeroWidthLen returns the byte length of the zero-width character
// (IsZeroWidth) that s starts with, or 0, without decoding.
func ZeroWidthLen(s string) int {
	if len(s) < 3 {
		return 0
	}
	switch {
	case s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x8B && s[2] <= 0x8F, // U+200B–U+200F
		s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0xA0, // U+2060
		s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF: // U+FEFF
		return 3
	}
	return 0
}

// TrimSpace is strings.TrimSpace: s without its leading and trailing white
// space (IsSpace). strings.TrimSpace decodes both ends of a string that
// starts with a character other than ASCII (and the end of one that ends
// with such a character) and tests the runes with unicode.IsSpace, some
// hundreds of instructions for a line of Chinese text; here the ASCII
// edges are trimmed byte by byte, and strings.TrimSpace is left only the
// strings that start or end with the encoding of another space. Lines of
// web-page text are often indented by tens of spaces: those are skipped
// eight at a time.
func TrimSpace(s string) string {
	start, stop := 0, len(s)
	for start+8 <= stop && s[start] == ' ' && strs.Load64(s[start:]) == ' '*strs.LowBits {
		start += 8
	}
	for start < stop && isASCIISpace(s[start]) {
		start++
	}
	for stop > start && isASCIISpace(s[stop-1]) {
		stop--
	}
	s = s[start:stop]
	if hasSpacePrefix(s) || hasSpaceSuffix(s) {
		return strings.TrimSpace(s)
	}
	return s
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c-'\t' <= '\r'-'\t' // \t \n \v \f \r
}

// hasSpacePrefix reports whether s starts with the UTF-8 encoding of a
// space (IsSpace) other than an ASCII one: U+0085, U+00A0, U+1680,
// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F or U+3000.
func hasSpacePrefix(s string) bool {
	switch {
	case len(s) >= 2 && s[0] == 0xC2:
		return s[1] == 0x85 || s[1] == 0xA0
	case len(s) >= 3:
		return isSpace3(s[0], s[1], s[2])
	}
	return false
}

// hasSpaceSuffix reports whether s ends with the UTF-8 encoding of a space
// other than an ASCII one (hasSpacePrefix). Only such an ending decodes,
// as strings.TrimSpace decodes it, to a space.
func hasSpaceSuffix(s string) bool {
	n := len(s)
	switch {
	case n >= 2 && s[n-2] == 0xC2:
		return s[n-1] == 0x85 || s[n-1] == 0xA0
	case n >= 3:
		return isSpace3(s[n-3], s[n-2], s[n-1])
	}
	return false
}

// isSpace3 reports the three-byte encodings of the spaces IsSpace holds.
func isSpace3(a, b, c byte) bool {
	switch a {
	case 0xE1:
		return b == 0x9A && c == 0x80 // U+1680
	case 0xE2:
		return b == 0x80 && (c >= 0x80 && c <= 0x8A || c == 0xA8 || c == 0xA9 || c == 0xAF) || // U+2000–U+200A, U+2028, U+2029, U+202F
			b == 0x81 && c == 0x9F // U+205F
	case 0xE3:
		return b == 0x80 && c == 0x80 // U+3000
	}
	return false
}
