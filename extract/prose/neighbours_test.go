package prose

import (
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/zh"
)

// isShareRef is isShare as it was, with strings.TrimLeft.
func isShareRef(after string) bool {
	return strings.HasPrefix(strings.TrimLeft(after, "，,（( "), "占")
}

// pnSkipSpaceBackRef is pnSkipSpaceBack as it was, every rune decoded.
func pnSkipSpaceBackRef(s string, i, lo int) int {
	for i > lo {
		r, size := utf8.DecodeLastRuneInString(s[lo:i])
		if !zh.IsLineSpace(r) {
			break
		}
		i -= size
	}
	return i
}

// checkNeighbours compares isShare and pnSkipSpaceBack with their
// references at every offset of s.
func checkNeighbours(t *testing.T, s string) {
	t.Helper()
	for i := range len(s) + 1 {
		if got, want := isShare(s[i:]), isShareRef(s[i:]); got != want {
			t.Fatalf("isShare(%q) = %v, want %v", s[i:], got, want)
		}
		for _, lo := range []int{0, i / 2, max(i-3, 0), max(i-1, 0)} {
			if got, want := pnSkipSpaceBack(s, i, lo), pnSkipSpaceBackRef(s, i, lo); got != want {
				t.Fatalf("pnSkipSpaceBack(%q, %d, %d) = %d, want %d", s, i, lo, got, want)
			}
		}
	}
}

func TestNeighboursCorpus(t *testing.T) {
	for _, s := range pnCorpus(t) {
		checkNeighbours(t, s)
	}
}

func FuzzNeighbours(f *testing.F) {
	for _, s := range []string{"", "674条，占23%", "3件 （占", "5( ,占", "共 \u3000 12件", "\u2003\u00a0 3", "行政许可\t3", "\xe4\xb8 3", "\xef\xbc占", "，，（（占", "\xe3\x80\x80\xe9\xbf\xbf1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkNeighbours(t, s)
	})
}
