package zh

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestIsHan(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if IsHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("IsHan(%U) = %v", r, IsHan(r))
		}
	}
}

func TestIsWide(t *testing.T) {
	for r, want := range map[rune]bool{'一': true, '，': true, '（': true, '１': true, '〇': true, '𠀀': true, 'a': false, '1': false, '—': false, '·': false} {
		if got := IsWide(r); got != want {
			t.Errorf("IsWide(%q) = %v, want %v", r, got, want)
		}
	}
}
