package strs

import "strings"

// A Set is a list of words compiled to be looked for in a text all at once.
// The extractors test each line and clause against lists of some dozens of
// words; testing them one by one reads the text once per word. A Set reads
// it once: at every character it hashes the character's first two bytes,
// and only where a word starts with the same two bytes (a bit in a small
// table says so) compares the words that do. Results are exactly those of
// testing the words one by one with strings.Index.
type Set struct {
	words []string
	bits  [setBuckets / 64]uint64 // bucket h holds a word
	// head[h]..head[h+1] index byBucket: the words of bucket h, in list
	// order.
	head     [setBuckets + 1]uint16
	byBucket []uint16
	short    []int // words of one byte, and "", in list order
	// Most positions of a text hash to a bucket of some word, for the
	// words of a list share their first characters' blocks with much of
	// the text. Two more tests rule most of them out before any word is
	// compared: two[h] says bucket h holds a word of two bytes (which the
	// test does not cover), and tri the hashes of the first three bytes of
	// the longer words. contLead says a word starts with a UTF-8
	// continuation byte: when none does, positions inside a character
	// start none.
	two      [setBuckets / 64]uint64
	tri      [triBits / 64]uint64
	contLead bool
}

const triBits = 4096

// triHash hashes the first three bytes of a word or a position.
func triHash(b0, b1, b2 byte) int {
	return int((uint32(b0)|uint32(b1)<<8|uint32(b2)<<16)*0x9E3779B1>>20) & (triBits - 1)
}

// may reports whether a word of two bytes or more may start at text[i],
// i+1 < len(text), whose bucket h holds a word.
func (s *Set) may(text string, i, h int) bool {
	if s.two[h/64]&(1<<(h%64)) != 0 {
		return true
	}
	if i+2 >= len(text) {
		return false // the bucket's words are longer than the rest
	}
	t := triHash(text[i], text[i+1], text[i+2])
	return s.tri[t/64]&(1<<(t%64)) != 0
}

const setBuckets = 1024

// setBucket hashes the two bytes a word or a position of a text starts with.
func setBucket(b0, b1 byte) int {
	return int((uint32(b0)|uint32(b1)<<8)*0x9E3779B1>>22) & (setBuckets - 1)
}

// NewSet compiles words. It panics on more than 65,535 words.
func NewSet(words ...string) *Set {
	if len(words) >= 1<<16 {
		panic("strs: too many words for a Set")
	}
	s := &Set{words: words}
	var counts [setBuckets]int
	for i, w := range words {
		if len(w) < 2 {
			s.short = append(s.short, i)
			continue
		}
		h := setBucket(w[0], w[1])
		counts[h]++
		if len(w) == 2 {
			s.two[h/64] |= 1 << (h % 64)
		} else {
			t := triHash(w[0], w[1], w[2])
			s.tri[t/64] |= 1 << (t % 64)
		}
		if w[0]&0xC0 == 0x80 {
			s.contLead = true
		}
	}
	for h := range setBuckets {
		s.head[h+1] = s.head[h] + uint16(counts[h])
		if counts[h] > 0 {
			s.bits[h/64] |= 1 << (h % 64)
		}
	}
	s.byBucket = make([]uint16, s.head[setBuckets])
	next := s.head
	for i, w := range words {
		if len(w) >= 2 {
			h := setBucket(w[0], w[1])
			s.byBucket[next[h]] = uint16(i)
			next[h]++
		}
	}
	return s
}

// Words returns the words of the set, in the order given.
func (s *Set) Words() []string { return s.words }

// Index, Mark and FirstEnd each write out the same scan for the places a
// word may start: shared as an iterator, it cost Index 40% more
// (BenchmarkSet: 157 -> 220 ns on a sentence of 126 bytes).

// Index returns the byte offset of the first occurrence in text of any of
// the words and that word's index in the list, or -1, -1. Of words found
// at the same offset, the first in the list is given.
func (s *Set) Index(text string) (at, word int) {
	at, word = -1, -1
	for _, k := range s.short { // "" and one-byte words
		if i := strings.Index(text, s.words[k]); i >= 0 && (at < 0 || i < at || i == at && k < word) {
			at, word = i, k
		}
	}
	end := len(text) - 1
	if at >= 0 {
		end = min(end, at+1) // a longer word may start at or before at
	}
	for i := 0; i < end; i++ {
		if text[i]&0xC0 == 0x80 && !s.contLead {
			continue // inside a character: most of Chinese text
		}
		h := setBucket(text[i], text[i+1])
		if s.bits[h/64]&(1<<(h%64)) == 0 || !s.may(text, i, h) {
			continue
		}
		for _, k := range s.byBucket[s.head[h]:s.head[h+1]] {
			if strings.HasPrefix(text[i:], s.words[k]) && (at < 0 || i < at || int(k) < word) {
				return i, int(k)
			}
		}
	}
	return at, word
}

// In reports whether text contains any of the words:
// ContainsAny(text, s.Words()).
func (s *Set) In(text string) bool {
	at, _ := s.Index(text)
	return at >= 0
}

// Mark sets bit k of found (found[k/64] & 1<<(k%64)) for every word k of
// the set that occurs in text, leaving the other bits as they are: one
// pass tells which of many lists of words the text holds (a list holds a
// word of the text when its bits meet found). found must hold a bit for
// each word: len(found)*64 >= len(s.Words()).
func (s *Set) Mark(text string, found []uint64) {
	for _, k := range s.short {
		if strings.Contains(text, s.words[k]) {
			found[k/64] |= 1 << (k % 64)
		}
	}
	for i := 0; i+1 < len(text); i++ {
		if text[i]&0xC0 == 0x80 && !s.contLead {
			continue // inside a character: most of Chinese text
		}
		h := setBucket(text[i], text[i+1])
		if s.bits[h/64]&(1<<(h%64)) == 0 || !s.may(text, i, h) {
			continue
		}
		for _, k := range s.byBucket[s.head[h]:s.head[h+1]] {
			if strings.HasPrefix(text[i:], s.words[k]) {
				found[k/64] |= 1 << (k % 64)
			}
		}
	}
}

// FirstEnd returns the least end (offset just after it) of an occurrence
// in text of any of the words, or -1 when none occurs: the least of
// strings.Index(text, w)+len(w) over the words w found. text[:e] holds one
// of the words exactly when FirstEnd(text) is in [0, e].
func (s *Set) FirstEnd(text string) int {
	best := -1
	for _, k := range s.short {
		if i := strings.Index(text, s.words[k]); i >= 0 && (best < 0 || i+len(s.words[k]) < best) {
			best = i + len(s.words[k])
		}
	}
	// A word starting at i ends after i: once i reaches best, none ends
	// before it.
	for i := 0; i+1 < len(text) && (best < 0 || i < best); i++ {
		if text[i]&0xC0 == 0x80 && !s.contLead {
			continue // inside a character: most of Chinese text
		}
		h := setBucket(text[i], text[i+1])
		if s.bits[h/64]&(1<<(h%64)) == 0 || !s.may(text, i, h) {
			continue
		}
		for _, k := range s.byBucket[s.head[h]:s.head[h+1]] {
			if w := s.words[k]; strings.HasPrefix(text[i:], w) && (best < 0 || i+len(w) < best) {
				best = i + len(w)
			}
		}
	}
	return best
}
