package meta

import (
	"strings"
	"testing"
)

// hasText must agree with its reference, strings.TrimSpace(t) != "", on
// ASCII and Unicode white space and invalid UTF-8.
func TestHasText(t *testing.T) {
	for _, s := range []string{"", " ", "\t\n\v\f\r ", "\u0085", "\u00a0", "\u3000\u3000", "\u2028", "\u200b", "\ufeff",
		"a", " 年 ", "\u3000一、", "\xff", " \xe4\xb8", "\u00a0x", "\x1c", "\x85"} {
		checkHasText(t, s)
	}
}

func checkHasText(t *testing.T, s string) {
	t.Helper()
	if got, want := hasText(s), strings.TrimSpace(s) != ""; got != want {
		t.Fatalf("hasText(%q) = %v, want %v", s, got, want)
	}
}

func FuzzHasText(f *testing.F) {
	for _, s := range []string{"", " \u3000", "年度报告", "\u0085\u00a0\t", "\xe3\x80"} {
		f.Add(s)
	}
	f.Fuzz(checkHasText)
}
