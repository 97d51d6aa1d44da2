package xlsx

import (
	"strconv"
	"strings"
	"testing"

	"xxgk/document"
)

// TestPlainInteger: an integer plainInteger accepts is what plainNumber
// writes for it.
func TestPlainInteger(t *testing.T) {
	for _, s := range []string{"0", "-0", "00", "1", "-1", "+1", "01", "10", "123456789012345", "1234567890123456", "-123456789012345",
		"999999999999999", "-", "", " 1", "1 ", "1.0", "1e3", "0x10", "1_0", "١"} {
		checkPlainInteger(t, s)
	}
}

func checkPlainInteger(t *testing.T, s string) {
	if !plainInteger(s) {
		return
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || plainNumber(v) != s {
		t.Errorf("plainInteger(%q), but plainNumber gives %q (%v)", s, plainNumber(v), err)
	}
}

func FuzzPlainInteger(f *testing.F) {
	f.Add("12")
	f.Add("-0")
	f.Fuzz(checkPlainInteger)
}

// TestFolded: a text folded accepts is one FoldSpace gives back.
func TestFolded(t *testing.T) {
	for _, s := range []string{"", "a", "a b", " a", "a\tb", "主动公开", "主动 公开", "主动\u3000公开", "a\u00a0b", "a\u200bb", "a\ufeffb",
		"\xff", "a\x00b", "a\x01b", "a\vb", "\u2028", "\u0085", "半角（全角）", "1,234", "——", "\xe3\x80"} {
		checkFolded(t, s)
	}
}

func checkFolded(t *testing.T, s string) {
	if folded(s) && document.FoldSpace(s) != s {
		t.Errorf("folded(%q), but FoldSpace gives %q", s, document.FoldSpace(s))
	}
}

func FuzzFolded(f *testing.F) {
	f.Add("主动公开")
	f.Add("a\u3000b")
	f.Fuzz(checkFolded)
}
