package zh

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"xxgk/internal/strs"
)

// SimplifyRune returns the simplified form of a traditional character (數 →
// 数, 複 → 复, 資 → 资), and r itself for any other rune. Only characters
// whose simplification does not depend on the word are mapped (see
// tradToSimp); the result is always as long in UTF-8 as r.
func SimplifyRune(r rune) rune {
	if r >= cjkFirst && r <= cjkLast {
		if i := r - cjkFirst; tradBits[i>>6]&(1<<(i&63)) != 0 {
			return tradToSimp[r]
		}
	}
	return r
}

// The CJK Unified Ideographs block, where the traditional characters are.
const cjkFirst, cjkLast = 0x4E00, 0x9FFF

// tradBits marks the runes of the CJK block that tradToSimp maps, so that
// the fast path consults the map only for them.
var tradBits = func() (b [(cjkLast - cjkFirst + 64) / 64]uint64) {
	for t := range tradToSimp {
		if t < cjkFirst || t > cjkLast {
			panic("zh: traditional character outside the CJK block")
		}
		i := t - cjkFirst
		b[i>>6] |= 1 << (i & 63)
	}
	return b
}()

// FoldHan returns s with its ideographs as FoldRune reads them: a
// traditional character becomes its simplified form (SimplifyRune) and 它
// becomes 他 (其它 is read as 其他). Everything else (punctuation, width,
// white space) stays as written, and every replacement has the UTF-8
// length of what it replaces, so that in valid UTF-8 byte offsets into the
// result are offsets into s too. It returns s itself when nothing changes.
func FoldHan(s string) string {
	at := firstHanFold(s, 0)
	switch at {
	case -1:
		return s
	case invalidUTF8:
		return foldHanRunes(s)
	}
	// Every replacement is as long as what it replaces: the copy is
	// patched where a character changes.
	b := []byte(s)
	for at >= 0 {
		r, size := utf8.DecodeRuneInString(s[at:])
		utf8.EncodeRune(b[at:], foldHanRune(r))
		at = firstHanFold(s, at+size)
	}
	if at == invalidUTF8 {
		return foldHanRunes(s)
	}
	return unsafe.String(unsafe.SliceData(b), len(b)) // b is ours and not changed again
}

// foldHanRunes is FoldHan rune by rune: an invalid byte becomes U+FFFD
// where anything else changes.
func foldHanRunes(s string) string {
	changed := false
	for _, r := range s {
		if foldHanRune(r) != r {
			changed = true
			break
		}
	}
	if !changed {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldHanRune(r))
	}
	return b.String()
}

// invalidUTF8 is what firstHanFold returns for invalid UTF-8.
const invalidUTF8 = -2

// firstHanFold returns the offset of the first character at or after
// from that foldHanRune changes, -1 when there is none, or invalidUTF8 when
// s holds invalid UTF-8 before one (FoldHan then goes rune by rune).
//
// Every paragraph of a report passes here, and the loop reads the bytes
// of a character without decoding it. Every character foldHanRune changes
// is a three-byte ideograph led by E4–E9, found in hanFolds by its bytes;
// the other three-byte characters (CJK punctuation, full-width forms) are
// stepped over whole where their bytes cannot be invalid (leads E1–EF but
// ED, whose second byte is limited, as E0's is).
//
// Chinese text is runs of three-byte characters, which the inner loop
// steps through with no test that another character would need, its
// indexes proven in range by the compiler (run < len(s)-2; hanFolds
// indexed by lead and second byte apart), and both continuation bytes
// read and tested at once. The scan was 4% of parsing a text report and
// is 2.6%: 41 instructions an ideograph, 26 now.
func firstHanFold(s string, from int) int {
	for i := from; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		run := i // the end of the run of three-byte characters at i
		for run < len(s)-2 {
			c, tail := s[run], uint(s[run+1])|uint(s[run+2])<<8
			if tail&0xC0C0 != 0x8080 {
				break // a byte after c is no continuation byte
			}
			if k := uint(c) - 0xE4; k < uint(len(hanFolds)) {
				if hanFolds[k][tail&0x3F]>>(tail>>8&0x3F)&1 != 0 {
					return run
				}
			} else if c < 0xE1 || c > 0xEF || c == 0xED {
				break
			}
			run += 3
		}
		if run > i {
			i = run
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return invalidUTF8
		}
		if foldHanRune(r) != r {
			return i
		}
		i += size
	}
	return -1
}

// hanFolds marks the characters of U+4000–U+9FFF that foldHanRune
// changes, by their UTF-8 bytes E4+k, b1, b2: bit b2&0x3F of
// hanFolds[k][b1&0x3F].
var hanFolds = func() (t [6][64]uint64) {
	for r := rune(0x4000); r <= 0x9FFF; r++ {
		if foldHanRune(r) != r {
			t[(r-0x4000)>>12][r>>6&0x3F] |= 1 << (r & 0x3F)
		}
	}
	return t
}()

// FoldsHan reports whether FoldHan changes r.
func FoldsHan(r rune) bool { return foldHanRune(r) != r }

// foldHanRune is FoldRune restricted to ideographs.
func foldHanRune(r rune) rune {
	if r == '它' {
		return '他'
	}
	return SimplifyRune(r)
}

// FoldRune maps r to the form used for matching labels. Labels in real
// reports differ from the forms' in ways that carry no meaning: traditional
// or simplified characters, full- or half-width punctuation, spaces and
// line breaks inside a label, quotes and book-title marks. FoldRune makes
// those differences vanish: it returns -1 for runes that matching ignores
// (white space, quotes, book-title marks), maps traditional characters to
// simplified ones (SimplifyRune) and 它 to 他, full-width and small forms
// and circled digits to ASCII, and brackets and dashes to one form each.
// It maps one rune to one rune so that positions in folded text can be
// traced back to the source.
func FoldRune(r rune) rune {
	if r < utf8.RuneSelf {
		switch r {
		case ' ', '\t', '\n', '\r', '\v', '\f', '"', '\'':
			return -1
		}
		return r
	}
	if r >= cjkFirst && r <= cjkLast && r != '它' {
		// CJK ideographs, nearly all of a report, fold to themselves, but
		// for traditional characters, which fold to their simplified forms.
		if i := r - cjkFirst; tradBits[i>>6]&(1<<(i&63)) != 0 {
			return tradToSimp[r]
		}
		return r
	}
	if f, ok := runeFolds[r]; ok {
		return f
	}
	switch {
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		return FoldRune(r - 0xFEE0)
	case IsSpace(r):
		return -1
	case (r >= 0xFE50 && r <= 0xFE6B) || (r >= 0x2460 && r <= 0x249B): // small forms, circled digits
		s := norm.NFKC.String(string(r))
		// Unassigned code points of the range (U+FE53, U+FE67) normalise
		// to themselves: fold only what changes, or this never ends.
		if f, size := utf8.DecodeRuneInString(s); size == len(s) && f != r {
			return FoldRune(f)
		}
	}
	return r
}

// runeFolds are single-rune equivalences seen in reports. The zero-width
// space and the byte-order mark are ignored like white space; the other
// zero-width characters (IsZeroWidth) are not folded.
var runeFolds = map[rune]rune{
	'\u00a0': -1, '\u3000': -1, '\u200b': -1, '\ufeff': -1,
	'“': -1, '”': -1, '‘': -1, '’': -1, '「': -1, '」': -1, '《': -1, '》': -1, '〈': -1, '〉': -1,
	'〔': '(', '〕': ')', '【': '(', '】': ')', '［': '(', '］': ')', '[': '(', ']': ')',
	'．': '.', '·': '.', '。': '.', '﹒': '.', '，': ',', '﹐': ',',
	'：': ':', '；': ';', '—': '-', '－': '-', '–': '-', '−': '-',
	'它': '他', // 其它 / 其他
}

// Fold applies FoldRune to every rune of s. It returns s itself when no
// rune changes: most labels it is given are folded already, and building
// their copy was a fiftieth of the allocations of parsing a text report.
func Fold(s string) string {
	for i, r := range s {
		// An invalid byte reads as U+FFFD, which the copy writes out in
		// three bytes: it counts as a change, like U+FFFD itself.
		if r == utf8.RuneError || FoldRune(r) != r {
			return foldFrom(s, i)
		}
	}
	return s
}

// foldFrom is Fold of s whose runes before i fold to themselves.
func foldFrom(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if f := FoldRune(r); f >= 0 {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// IndexSpecialSpaceFold is IndexSpecialSpace, and reports too whether s
// may hold, before the special character (in all of s when there is none),
// a character FoldHan changes: fold is false only when s surely holds
// none there (it is true where s holds invalid UTF-8, which FoldHan reads
// rune by rune).
//
// A reader that looks for special spaces in every line of a document
// learns this in the same pass over the bytes, and saves the pass
// FoldHan would make over the whole document to find out, a twentieth of
// parsing a text report. (The pass costs what IndexSpecialSpace did: its
// eight-byte search stopped at every Chinese punctuation mark.) Once a
// character to fold is found, the rest is left to IndexSpecialSpace, and
// the test for one is a branch seldom taken: setting fold without one
// took five more instructions an ideograph, 0.5% of parsing.
func IndexSpecialSpaceFold(s string) (at, size int, fold bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			// Indentation and ASCII text, eight bytes at a time.
			for i+8 <= len(s) && strs.Load64(s[i:])&strs.HighBits == 0 {
				i += 8
			}
			continue
		}
		// A run of three-byte characters, as in firstHanFold.
		run := i
		for run < len(s)-2 {
			c, tail := s[run], uint(s[run+1])|uint(s[run+2])<<8
			if tail&0xC0C0 != 0x8080 {
				break // a byte after c is no continuation byte
			}
			if k := uint(c) - 0xE4; k < uint(len(hanFolds)) {
				if hanFolds[k][tail&0x3F]>>(tail>>8&0x3F)&1 != 0 {
					// The rest need only be searched for spaces.
					at, size := IndexSpecialSpace(s[run:])
					if at >= 0 {
						at += run
					}
					return at, size, true
				}
			} else if c|1 == 0xE3 || c == 0xEF {
				if IsSpecialSpace3(c, byte(tail), byte(tail>>8)) {
					return run, 3, fold
				}
			} else if c < 0xE1 || c > 0xEF || c == 0xED {
				break
			}
			run += 3
		}
		if run > i {
			i = run
			continue
		}
		// Not a character of the run. IndexSpecialSpace tests the bytes
		// after a lead as they are, continuation bytes or not.
		if c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0 { // U+00A0
			return i, 2, fold
		}
		if (c|1 == 0xE3 || c == 0xEF) && i+2 < len(s) && IsSpecialSpace3(c, s[i+1], s[i+2]) {
			return i, 3, fold
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || foldHanRune(r) != r {
			fold = true
		}
		i += n
	}
	return -1, 0, fold
}
