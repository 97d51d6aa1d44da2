package document

import (
	"testing"
	"unicode/utf8"
)

// runeCountUpTo must agree with its reference, RuneCountInString, on
// valid text, on every kind of invalid and short encoding, and at every
// limit the noise rules use.
func TestRuneCountUpTo(t *testing.T) {
	cases := []string{"", "a", "中文", "©", "\U0001F600", "\xe4\xb8", "\xe4", "\xc0\x80", "\xed\xa0\x80", "\xe0\x80\x80",
		"\xf0\x80\x80\x80", "\xf4\x90\x80\x80", "\xf5\x80", "\xff", "\x80\x80", "\xe4\xb8\x41", "\xf0\x9f\x98", "a\xe4\xb8\xad\xe6"}
	lines, _ := sampleLines(t)
	cases = append(cases, lines...)
	for _, s := range cases {
		for _, limit := range []int{0, 1, 2, 7, 31, 61, 101, 151, 201, len(s) + 1} {
			checkRuneCountUpTo(t, s, limit)
		}
	}
}

func checkRuneCountUpTo(t *testing.T, s string, limit int) {
	t.Helper()
	if got, want := runeCountUpTo(s, limit), min(utf8.RuneCountInString(s), limit); got != want {
		t.Fatalf("runeCountUpTo(%q, %d) = %d, want %d", s, limit, got, want)
	}
}

func FuzzRuneCountUpTo(f *testing.F) {
	for _, s := range []string{"", "中文abc", "\xe4\xb8", "\xed\xa0\x80", "\xf0\x9f\x98\x80x", "\xc2\xa0\u3000"} {
		f.Add(s, 201)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		checkRuneCountUpTo(t, s, int(uint(limit)%uint(len(s)+3)))
	})
}
