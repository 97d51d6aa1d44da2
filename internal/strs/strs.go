// Package strs holds the few string helpers the extractors share that the
// standard library lacks.
package strs

import (
	"iter"
	"strings"
)

// ContainsAny reports whether s contains any of words.
func ContainsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Indexes yields the byte offset of every occurrence of key in s, left to
// right, occurrences not overlapping.
func Indexes(s, key string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for off := 0; ; {
			i := strings.Index(s[off:], key)
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
