package prose

import (
	"testing"
	"unicode/utf8"

	"xxgk/zh"
)

// runeSetOf returns the set of the runes of the Basic Multilingual Plane
// for which in is true: how the package's sets were built before
// runeSetOfRunes, the reference for them.
func runeSetOf(in func(rune) bool) *runeSet {
	var s runeSet
	for r := rune(0); r < 1<<16; r++ {
		if in(r) {
			s.add(r)
		}
	}
	return &s
}

// TestRuneSetsOfRunes holds each set built from the runes its predicate
// names to the predicate, over the whole Basic Multilingual Plane.
func TestRuneSetsOfRunes(t *testing.T) {
	for _, c := range []struct {
		name string
		set  *runeSet
		in   func(rune) bool
	}{
		{"cnNumerals", cnNumerals, func(r rune) bool { return zh.Digit(r) >= 0 || zh.Place(r) > 0 }},
		{"pnStarts", pnStarts, func(r rune) bool {
			return r >= utf8.RuneSelf && (r >= '０' && r <= '９' || r == '第' || pnIsOpen(r) || r == '百' || isCNNumeral(r) || r == '几' ||
				r == '数' || r == '上' || r == '成' || (r >= 0x2460 && r <= 0x249B) || (r >= 0x3220 && r <= 0x3229))
		}},
		{"splitRunes", splitRunes, func(r rune) bool {
			return r == '\n' || isSentSpace(r) || isOpener(r) || isCloser(r) || r == '：' || r == ':' || isTerminator(r) || r == '，' || r == ',' || r == '、'
		}},
		{"foldKept", foldKept, func(r rune) bool {
			in := r >= 0x2000 && r <= 0x206F || r >= 0x3000 && r <= 0x303F || r >= 0x4E00 && r <= 0x9FFF || r >= 0xFF00 && r <= 0xFFEF
			return in && zh.FoldRune(r) == r
		}},
	} {
		if want := runeSetOf(c.in); *c.set != *want {
			for r := rune(0); r < 1<<16; r++ {
				if c.set.has(r) != want.has(r) {
					t.Errorf("%s: %U is %v, want %v", c.name, r, c.set.has(r), want.has(r))
				}
			}
		}
	}
}
