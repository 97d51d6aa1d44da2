package prose

import (
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
)

// A wordSet is a list of words compiled to be looked for in a text all at
// once, as strs.Set is, but indexed by the words' first characters: at
// each character of the text one bit, of a table over the Basic
// Multilingual Plane, says whether a word starts with it. strs.Set hashes
// a character's first two bytes, which most characters of Chinese text
// share with some word of a list (two bytes name a block of 64
// characters), and then tests a second hash: looking for the rule
// subjects in every sentence cost the reader a tenth of its time. Results
// are exactly those of testing the words one by one with strings.Index.
//
// The words must be valid UTF-8, not empty, and start with a character of
// the Basic Multilingual Plane (newWordSet panics otherwise). A valid
// character starts only where a character decoded from the text's start
// starts (an invalid byte decodes as one byte), so reading the text
// character by character finds every place a word may start.
type wordSet struct {
	words []string
	first runeSet // the runes words start with
	// rank[b] counts the bits of first[:b]: the bits before rune r and
	// the bits of its own word below it number its list in byFirst.
	rank    [1 << 16 / 64]uint16
	byFirst [][]uint16 // per first rune, in rune order: its words, in list order
	// pair is set when every word has two runes or more: then from reads
	// the text two characters at a time (see there).
	pair          bool
	second        runeSet // the runes words have second
	firstOrSecond runeSet // first | second
	// ascii is set when some word starts with an ASCII character; when
	// none does, from steps over a run of ASCII eight bytes at a time.
	ascii bool
}

// newWordSet compiles words.
func newWordSet(words ...string) *wordSet {
	if len(words) >= 1<<16 {
		panic("prose: too many words for a wordSet")
	}
	s := &wordSet{words: words, pair: true}
	for _, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		if w == "" || !utf8.ValidString(w) || r >= 1<<16 {
			panic("prose: a wordSet cannot hold " + `"` + w + `"`)
		}
		s.first.add(r)
		s.firstOrSecond.add(r)
		s.ascii = s.ascii || r < utf8.RuneSelf
		if r2, _ := utf8.DecodeRuneInString(w[size:]); size == len(w) {
			s.pair = false
		} else if r2 < 1<<16 {
			s.firstOrSecond.add(r2)
			s.second.add(r2)
		}
	}
	n := 0
	for b, x := range s.first {
		s.rank[b] = uint16(n)
		n += bits.OnesCount64(x)
	}
	s.byFirst = make([][]uint16, n)
	for k, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		j := s.list(r)
		s.byFirst[j] = append(s.byFirst[j], uint16(k))
	}
	return s
}

// compiledSets are the wordSets sharedWordSet has compiled.
var compiledSets []*wordSet

// sharedWordSet is newWordSet(words...), but one wordSet for lists of the
// same words in the same order, which behave alike: the topics' lists of
// subjects (topicSubjects, ruleSubjects, afterSubjects) are 33, of 15
// different ones, and a wordSet's tables take 26 KB. A wordSet is not
// changed once compiled, so that it may be shared.
func sharedWordSet(words []string) *wordSet {
	for _, s := range compiledSets {
		if slices.Equal(s.words, words) {
			return s
		}
	}
	s := newWordSet(words...)
	compiledSets = append(compiledSets, s)
	return s
}

// list returns the index in byFirst of the words starting with r, which
// some word does.
func (s *wordSet) list(r rune) int {
	u := uint32(r) & (1<<16 - 1)
	return int(s.rank[u>>6]) + bits.OnesCount64(s.first[u>>6]&(1<<(u&63)-1))
}

// from returns the offset of the first character at or after i where a
// word may start, that character and its size, or len(text). A word may
// start at a character that starts one; where every word has two runes
// or more (pair), only if the next character is also some word's second.
//
// A character of three bytes, most of Chinese text, is decoded here
// without the checks of decodeRune: a lead byte E0–EF and two
// continuation bytes are taken as one character even where they are not
// valid UTF-8 (an overlong form or a surrogate, led by E0 or ED). That
// skips no place a word may start, for no valid character starts at a
// continuation byte, and a word, valid UTF-8, matches no invalid bytes:
// the rune made of them only costs the comparison of the words it names.
// The checks, made for each character, were most of the cost of a scan.
// A run of such characters is stepped over in a loop of its own, over a
// shrinking slice that needs no bounds checks, while four bytes remain: a
// character's three are read in one load (the compiler joins the byte
// reads) and tested with one mask. Reading and testing them one by one,
// by offset, was a fifth of the scan.
func (s *wordSet) from(text string, i int) (at int, r rune, size int) {
	first := &s.first // checked for nil once, not for each character
	for i < len(text) {
		if s.pair {
			// Two three-byte characters at a time, the second tested
			// first: a word of two runes or more starts at the first only
			// if the second is its second rune, and at the second only if
			// that starts a word. Most characters of a report are
			// neither, and then both are stepped over; where the second
			// is a word's second rune the first is tested as a first;
			// where it may start a word, it is read again as the first of
			// the next two. This finds every place a word may start and
			// far fewer places none does (HasPrefix then failed at most
			// places from gave). The eight bytes read are the two
			// characters and two bytes more: x&0xC0C0F0C0C0F0 keeps the
			// tags of the six, and the second's rune bits are
			// x>>24&0x0F, x>>32&0x3F and x>>40&0x3F. The prose reader
			// took 2.5% fewer instructions so.
			pairs := &s.firstOrSecond
			for rest := text[i:]; len(rest) >= 8; {
				x := uint64(rest[0]) | uint64(rest[1])<<8 | uint64(rest[2])<<16 | uint64(rest[3])<<24 |
					uint64(rest[4])<<32 | uint64(rest[5])<<40 | uint64(rest[6])<<48 | uint64(rest[7])<<56
				if x&0xC0C0F0C0C0F0 != 0x8080E08080E0 {
					break
				}
				b, bit := (x>>24&0x0F)<<6|x>>32&0x3F, uint64(1)<<(x>>40&63)
				if pairs[b]&bit == 0 {
					rest = rest[6:]
					i += 6
					continue
				}
				if s.second[b]&bit != 0 && first[(x&0x0F)<<6|x>>8&0x3F]&(1<<(x>>16&63)) != 0 {
					return i, rune((x&0x0F)<<12 | x>>2&0xFC0 | x>>16&0x3F), 3
				}
				if first[b]&bit != 0 {
					rest = rest[3:] // a word may start with the second
					i += 3
				} else {
					rest = rest[6:]
					i += 6
				}
			}
		}
		// x&0xC0C0F0 keeps the lead byte's tag and those of the two
		// continuation bytes; the rune's bits are x&0x0F, x>>8&0x3F and
		// x>>16&0x3F.
		for rest := text[i:]; len(rest) >= 4; rest = rest[3:] {
			x := uint32(rest[0]) | uint32(rest[1])<<8 | uint32(rest[2])<<16 | uint32(rest[3])<<24
			if x&0xC0C0F0 != 0x8080E0 {
				break
			}
			if first[(x&0x0F)<<6|x>>8&0x3F]&(1<<(x>>16&63)) != 0 {
				return i, rune((x&0x0F)<<12 | x>>2&0xFC0 | x>>16&0x3F), 3
			}
			i += 3
		}
		if i >= len(text) {
			break
		}
		c := text[i]
		if c < utf8.RuneSelf && !s.ascii {
			// No word starts with ASCII: a run of it (the digits and
			// blanks of a table printed as text) is stepped over eight
			// bytes at a time, while none has its top bit set, then byte
			// by byte. A byte at a time was a tenth of the scans.
			for i++; i+8 <= len(text); i += 8 {
				rest := text[i : i+8]
				x := uint64(rest[0]) | uint64(rest[1])<<8 | uint64(rest[2])<<16 | uint64(rest[3])<<24 |
					uint64(rest[4])<<32 | uint64(rest[5])<<40 | uint64(rest[6])<<48 | uint64(rest[7])<<56
				if x&0x8080808080808080 != 0 {
					break
				}
			}
			for i < len(text) && text[i] < utf8.RuneSelf {
				i++
			}
			continue
		}
		if c < utf8.RuneSelf {
			// A run of ASCII (digits, spaces, letters) is read here, not
			// a byte per pass through the loops above, each of which
			// tests and leaves it: 2% of the prose reader's instructions.
			for {
				if first[c>>6]&(1<<(c&63)) != 0 {
					return i, rune(c), 1
				}
				if i++; i >= len(text) || text[i] >= utf8.RuneSelf {
					break
				}
				c = text[i]
			}
			continue
		}
		if c&0xF0 == 0xE0 && i+2 < len(text) {
			if t := text[i : i+3]; t[1]&0xC0 == 0x80 && t[2]&0xC0 == 0x80 {
				// Unsigned, and masked to the table: the signed
				// division and the bounds checks doubled the loop.
				u := uint32(c&0x0F)<<12 | uint32(t[1]&0x3F)<<6 | uint32(t[2]&0x3F)
				if first[u>>6&(1<<16/64-1)]&(1<<(u&63)) != 0 {
					return i, rune(u), 3
				}
				i += 3
				continue
			}
		}
		r, size = decodeRune(text, i)
		if u := uint32(r); u < 1<<16 && first[u>>6&(1<<16/64-1)]&(1<<(u&63)) != 0 {
			return i, r, size
		}
		i += size
	}
	return i, 0, 0
}

// Words returns the words of the set, in the order given.
func (s *wordSet) Words() []string { return s.words }

// Index returns the byte offset of the first occurrence in text of any of
// the words and that word's index in the list, or -1, -1. Of words found
// at the same offset, the first in the list is given.
func (s *wordSet) Index(text string) (at, word int) {
	for i, r, size := s.from(text, 0); i < len(text); i, r, size = s.from(text, i+size) {
		for _, k := range s.byFirst[s.list(r)] { // in list order
			if strings.HasPrefix(text[i:], s.words[k]) {
				return i, int(k)
			}
		}
	}
	return -1, -1
}

// In reports whether text contains any of the words.
func (s *wordSet) In(text string) bool {
	at, _ := s.Index(text)
	return at >= 0
}

// Mark sets bit k of found (found[k/64] & 1<<(k%64)) for every word k of
// the set that occurs in text, leaving the other bits as they are.
// found must hold a bit for each word.
func (s *wordSet) Mark(text string, found []uint64) {
	for i, r, size := s.from(text, 0); i < len(text); i, r, size = s.from(text, i+size) {
		for _, k := range s.byFirst[s.list(r)] {
			if strings.HasPrefix(text[i:], s.words[k]) {
				found[k/64] |= 1 << (k % 64)
			}
		}
	}
}

// FirstEnd returns the least end (offset just after it) of an occurrence
// in text of any of the words, or -1 when none occurs.
func (s *wordSet) FirstEnd(text string) int {
	best := -1
	// A word starting at i ends after i: once i reaches best, none ends
	// before it.
	for i, r, size := s.from(text, 0); i < len(text) && (best < 0 || i < best); i, r, size = s.from(text, i+size) {
		for _, k := range s.byFirst[s.list(r)] {
			if w := s.words[k]; strings.HasPrefix(text[i:], w) && (best < 0 || i+len(w) < best) {
				best = i + len(w)
			}
		}
	}
	return best
}

// wordMatch is an occurrence of a word of a wordSet in a text: the word's
// index in the set's list and its offset.
type wordMatch struct {
	at, word int
}

// AppendMatches appends to dst every occurrence in text[from:] of a word
// of the set, by offset in text, and those at one offset in list order.
func (s *wordSet) AppendMatches(dst []wordMatch, text string, from int) []wordMatch {
	for i, r, size := s.from(text, from); i < len(text); i, r, size = s.from(text, i+size) {
		for _, k := range s.byFirst[s.list(r)] {
			if strings.HasPrefix(text[i:], s.words[k]) {
				dst = append(dst, wordMatch{i, int(k)})
			}
		}
	}
	return dst
}
