package table

import (
	"sync"
	"unicode/utf8"

	"xxgk/zh"
)

// A word is a word the reader searches the stream for (a label, a try of
// one, a table's anchor) with its number in the lexicon: a stream keeps
// what it found of each word in a list by that number, not in a map by
// the word (hashing every word at every search was a tenth of the search).
type word struct {
	text string
	id   int32 // -1: a word not in the lexicon, searched every time
	// runes are text's, decoded once: a search looks up each rune of
	// the word in the stream, and decoding them at every search was a
	// tenth of the search.
	runes []rune
	// leads are the bytes of text before each rune: the rarest rune's
	// is where a search finds the word around it (stream.rarest), and
	// adding the runes' lengths up at every search was a tenth of it.
	leads []int32
	// slots are the runes' entries in a stream's fold cache (foldSlot),
	// with selfFolds set for a rune outside ASCII that folds to itself,
	// whose id the cache may hold (stream.lookup): what a search asks of
	// each rune of the word, the same in every stream.
	// (The three lists are one allocation.)
	slots []int32
}

// selfFolds marks the slot of a rune whose id a fold cache may hold.
const selfFolds = 1 << 15

// String is the word's text, as messages show it.
func (w word) String() string { return w.text }

// newWord returns text as a word numbered id.
func newWord(text string, id int32) word {
	n := utf8.RuneCountInString(text)
	buf := make([]int32, 3*n)
	w := word{text: text, id: id, runes: buf[:n:n], leads: buf[n : 2*n : 2*n], slots: buf[2*n:]}
	k := 0
	for i, r := range text {
		w.runes[k], w.leads[k] = r, int32(i)
		w.slots[k] = int32(foldSlot(r))
		if r >= utf8.RuneSelf && zh.FoldRune(r) == r {
			w.slots[k] |= selfFolds
		}
		k++
	}
	return w
}

// lexicon numbers the words of every form indexed. It only grows: a form
// index keeps its words' numbers, and specifications are few.
var lexicon struct {
	sync.Mutex
	ids map[string]int32
}

// lexiconWord returns text numbered in the lexicon, added if new.
func lexiconWord(text string) word {
	lexicon.Lock()
	defer lexicon.Unlock()
	id, ok := lexicon.ids[text]
	if !ok {
		if lexicon.ids == nil {
			lexicon.ids = map[string]int32{}
		}
		id = int32(len(lexicon.ids))
		lexicon.ids[text] = id
	}
	return newWord(text, id)
}

// lexiconWords returns the texts numbered in the lexicon.
func lexiconWords(texts []string) []word {
	out := make([]word, len(texts))
	for i, t := range texts {
		out[i] = lexiconWord(t)
	}
	return out
}

// wordFound is what a stream found of a word.
type wordFound struct {
	// The word's occurrences at or after rune index listFrom-1 are
	// occBuf[lo:hi]; listFrom is 0 while the word is not listed.
	lo, hi, listFrom int32
	// first is the word's first occurrence from the start (start -1:
	// none), known once searched.
	first      span
	firstKnown bool
	// rarest is 1 + the id of the word's rarest rune in the stream (or
	// one rare enough: stream.rarest), -1 if a rune of the word is found
	// not to be in it, 0 while not looked up; rarestK is
	// the rune's index in the word and rarestLead the word's bytes before
	// it (see stream.rarest).
	rarest, rarestK, rarestLead int32
}

// found returns what the stream found of word w (id ≥ 0).
func (s *stream) found(id int32) *wordFound {
	if int(id) >= len(s.words) {
		// A form indexed while the stream is read numbered more words:
		// room for as many again, so that a stream grows its list a few
		// times, not for every form's words.
		n := max(int(id)+1, 2*len(s.words))
		s.words = append(s.words, make([]wordFound, n-len(s.words))...)
	}
	return &s.words[id]
}
