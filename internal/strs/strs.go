// Package strs holds the few string helpers the extractors share that the
// standard library lacks.
package strs

import (
	"iter"
	"strings"
	"unicode/utf8"
)

// ContainsAny reports whether s contains any of words.
func ContainsAny(s string, words []string) bool {
	for _, w := range words {
		if Index(s, w) >= 0 {
			return true
		}
	}
	return false
}

// Index is strings.Index, made fast for Chinese words. strings.Index
// looks for a word's first byte, but the first byte of a Chinese
// character in UTF-8 (E4–E9) is a third of the bytes of Chinese text, so
// it stops every few bytes; the last byte of a character is one of 64
// values and much rarer. Index looks for the word's last byte with
// strings.IndexByte and compares the word where that byte ends it. The
// extractors test a hundred words against every sentence.
func Index(s, word string) int {
	n := len(word)
	if n < 2 || word[n-1] < utf8.RuneSelf {
		return strings.Index(s, word)
	}
	last := word[n-1]
	for end := n - 1; end < len(s); end++ { // end: index of a candidate last byte
		j := strings.IndexByte(s[end:], last)
		if j < 0 {
			return -1
		}
		end += j
		// The byte before the last tells most places apart without a
		// call to compare the word.
		if s[end-1] == word[n-2] && s[end+1-n:end+1] == word {
			return end + 1 - n
		}
	}
	return -1
}

// Indexes yields the byte offset of every occurrence of key in s, left to
// right, occurrences not overlapping.
func Indexes(s, key string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for off := 0; ; {
			i := Index(s[off:], key)
			if i < 0 || !yield(off+i) {
				return
			}
			off += i + len(key)
		}
	}
}

// FirstRunes returns the first n runes of s, without copying.
func FirstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
