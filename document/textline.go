package document

import (
	"unicode/utf8"

	"xxgk/internal/strs"
	"xxgk/zh"
)

// ClassifyTextLine reads a line of page text (without its line break) as
// the text reader does: NormalizeSpacesFold, zh.TrimSpace and ClassifyLine
// in turn. blank reports a line of white space only, which makes no
// block; fold is NormalizeSpacesFold's. flaw says whether line is valid
// UTF-8 and free of zero-width characters: so the text reader checks text
// that the decoder did not (charset.DecodeUnchecked), in the pass over its
// bytes that it makes anyway.
//
// A line is passed over once where it was passed over twice: the pass
// that looks for odd spaces and characters to fold counts the runes and
// gathers the keys too (scanTextLine), which ClassifyLine made a pass of
// its own for (scanLine).
func ClassifyTextLine(line string) (s string, kind LineKind, blank, fold bool, flaw TextFlaw) {
	if len(line) > maxNoiseBytes {
		// No rule is likely to count the runes of a long line.
		return classifyTextLineSteps(line)
	}
	n, keys, fold, stop := scanTextLine(line)
	if stop {
		// An odd space, a zero-width character or an invalid byte,
		// seldom.
		return classifyTextLineSteps(line)
	}
	// zh.TrimSpace, knowing there is no odd space: the ASCII blanks are
	// trimmed, a rune each, and no key; a line that then starts or ends
	// with another space (U+2028, say) is trimmed by zh and counted anew.
	i, j := 0, len(line)
	for i+8 <= j && line[i] == ' ' && strs.Load64(line[i:]) == ' '*strs.LowBits {
		i += 8 // indentation, often long in page text, as zh.TrimSpace skips it
	}
	for i < j && isASCIISpace(line[i]) {
		i++
	}
	for j > i && isASCIISpace(line[j-1]) {
		j--
	}
	if s = line[i:j]; hasOtherSpaceEdge(s) {
		s, n = zh.TrimSpace(s), -1
	} else {
		n -= len(line) - len(s)
	}
	if s == "" {
		return "", Content, true, fold, NoFlaw
	}
	s, kind = classifyLine(s, n, keys)
	return s, kind, false, fold, NoFlaw
}

// TextFlaw is what a line holds that decoding it would have mended
// (charset.Decode): a zero-width character, which reading a line drops
// as the decoder drops it, or an invalid byte. The worse of two flaws is
// the greater.
type TextFlaw uint8

const (
	NoFlaw    TextFlaw = iota
	ZeroWidth          // a zero-width character (zh.IsZeroWidth)
	Invalid            // a byte that is not valid UTF-8
)

// hasOtherSpaceEdge reports whether s starts or ends with a space that
// zh.TrimSpace trims and that is no odd space and no ASCII one: U+0085,
// U+1680, U+2028 or U+2029.
func hasOtherSpaceEdge(s string) bool {
	n := len(s)
	if n < 2 {
		return false
	}
	if s[0] == 0xC2 && s[1] == 0x85 || s[n-2] == 0xC2 && s[n-1] == 0x85 {
		return true
	}
	return n >= 3 && (isOtherSpace3(s[0], s[1], s[2]) || isOtherSpace3(s[n-3], s[n-2], s[n-1]))
}

// isOtherSpace3 reports the encodings of U+1680, U+2028 and U+2029.
func isOtherSpace3(a, b, c byte) bool {
	return a == 0xE1 && b == 0x9A && c == 0x80 || a == 0xE2 && b == 0x80 && c|1 == 0xA9
}

// classifyTextLineSteps is ClassifyTextLine a step at a time.
func classifyTextLineSteps(line string) (s string, kind LineKind, blank, fold bool, flaw TextFlaw) {
	at, size, fold := zh.IndexSpecialSpaceFold(line)
	if at < 0 {
		// No special character. The search passed over all of line,
		// an invalid byte setting fold, unless a character to fold
		// (seldom) sent it on to look for spaces only.
		s = line
		if fold && !validUTF8(line) {
			flaw = Invalid
		}
	} else {
		s, fold, flaw = replaceSpecialSpaces(line, at, size, fold)
	}
	if s = zh.TrimSpace(s); s == "" {
		return "", Content, true, fold, flaw
	}
	s, kind = ClassifyLine(s)
	return s, kind, false, fold, flaw
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c-'\t' <= '\r'-'\t' // \t \n \v \f \r
}

// scanTextLine passes over s once for ClassifyTextLine. It stops at the
// first odd space or zero-width character (as zh.IndexSpecialSpace finds
// them) or invalid byte, and otherwise returns the runes of s (as ranging
// over it counts them), their keys (scanLine), and whether s holds a
// character zh.FoldHan changes (fold).
//
// It goes as zh.IndexSpecialSpaceFold does: ASCII eight bytes at a time,
// and runs of three-byte characters in a loop of their own, where the
// ideographs U+4000–U+9FFF are looked up in hanMarks and every other
// character leading with E2, E3 or EF is tested for a special space.
func scanTextLine(s string) (n int, keys lineKeys, fold, stop bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			keys |= asciiKeys[c]
			i++
			n++
			for i+8 <= len(s) {
				w := strs.Load64(s[i:])
				if w&strs.HighBits != 0 {
					break
				}
				keys |= asciiWordKeys(w)
				i += 8
				n += 8
			}
			continue
		}
		run := i // the end of the run of three-byte characters at i
		for run < len(s)-2 {
			c, tail := s[run], uint(s[run+1])|uint(s[run+2])<<8
			if tail&0xC0C0 != 0x8080 {
				break
			}
			if k := uint(c) - 0xE4; k < uint(len(hanMarks)) {
				if hanMarks[k][tail&0x3F]>>(tail>>8&0x3F)&1 != 0 {
					r := rune(c&0x0F)<<12 | rune(tail&0x3F)<<6 | rune(tail>>8&0x3F)
					fold = fold || zh.FoldsHan(r)
					keys |= keyOf(r)
				}
			} else if c|1 == 0xE3 || c == 0xEF {
				if zh.IsSpecialSpace3(c, byte(tail), byte(tail>>8)) {
					return 0, 0, fold, true
				}
			} else if c < 0xE1 || c > 0xEF || c == 0xED {
				break // E0 and ED do not take any continuation bytes
			}
			run += 3
		}
		if run > i {
			n += (run - i) / 3
			i = run
			continue
		}
		// The bytes are compared as zh.IndexSpecialSpace compares them:
		// it takes E2 80 and a byte below 0x80 for U+2000–U+200F too.
		if c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0 ||
			(c|1 == 0xE3 || c == 0xEF) && i+2 < len(s) && zh.IsSpecialSpace3(c, s[i+1], s[i+2]) {
			return 0, 0, fold, true
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return 0, 0, fold, true
		}
		fold = fold || zh.FoldsHan(r)
		keys |= keyOf(r)
		i += size
		n++
	}
	return n, keys, fold, false
}

// validUTF8 is utf8.ValidString made fast for Chinese text, as the
// decoder's check of a whole text is (charset): a run of characters of
// three bytes whose lead byte takes any continuation bytes (E1–EC,
// EE–EF: the CJK ideographs and most punctuation) is checked in a loop
// of its own, both continuation bytes tested at once, and ASCII eight
// bytes at a time; the rest is left to utf8.DecodeRuneInString. The text
// reader checks so the lines that its scan does not (the lines with an
// odd space, and the long ones with a character to fold), where
// utf8.ValidString took 15 instructions a byte.
func validUTF8(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			for i+8 <= len(s) && strs.Load64(s[i:])&strs.HighBits == 0 {
				i += 8
			}
			continue
		}
		run := i // the end of the run of three-byte characters at i
		for run < len(s)-2 {
			c, tail := s[run], uint(s[run+1])|uint(s[run+2])<<8
			if tail&0xC0C0 != 0x8080 || c < 0xE1 || c > 0xEF || c == 0xED {
				break // ED takes 80–9F only: A0–BF would be surrogates
			}
			run += 3
		}
		if run > i {
			i = run
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// hanMarks has the bit of every ideograph from U+4000 to U+9FFF that is a
// key character (keyOf) or that zh.FoldHan changes: the bit of r is
// bit r&0x3F of hanMarks[(r-0x4000)>>12][r>>6&0x3F], where the three bytes
// of r put them.
var hanMarks = func() (t [6][64]uint64) {
	for r := rune(0x4000); r <= 0x9FFF; r++ {
		if keyOf(r) != 0 || zh.FoldsHan(r) {
			t[(r-0x4000)>>12][r>>6&0x3F] |= 1 << (r & 0x3F)
		}
	}
	return t
}()

// asciiKeys are the keys of the ASCII characters.
var asciiKeys = func() (t [utf8.RuneSelf]lineKeys) {
	for c := range t {
		t[c] = keyOf(rune(c))
	}
	return t
}()

// asciiWordKeys returns the keys of the eight ASCII characters of w: a
// digit, and p or P. (Adding less than 0x80 to a byte below 0x80 carries
// into no other byte.)
func asciiWordKeys(w uint64) (keys lineKeys) {
	if (w+(0x80-'0')*strs.LowBits)&^(w+(0x80-'9'-1)*strs.LowBits)&strs.HighBits != 0 {
		keys |= digitKey
	}
	// A byte is p or P when it is p with the 0x20 bit set.
	if x := (w | 0x20*strs.LowBits) ^ 'p'*strs.LowBits; (x-strs.LowBits)&^x&strs.HighBits != 0 {
		keys |= copyKey
	}
	return keys
}
