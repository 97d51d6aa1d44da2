package prose

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// refScanNumbers is scanNumbersInto as it was before skipUnmarked: every
// character decoded, then tested with pnMayStart.
func refScanNumbers(s string) []numMention {
	sc := pnScanner{s: s}
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= '0' && c <= '9':
				i = sc.digits(i)
			case c == '(' || c == '[':
				i = sc.bracket(i, 1)
			case pnIsAlpha(c) || c == '@':
				i = sc.asciiToken(i)
			default:
				i++
			}
			continue
		}
		r, size := decodeRune(s, i)
		if !pnMayStart(r) {
			i += size
			continue
		}
		switch {
		case r >= '０' && r <= '９':
			i = sc.digits(i)
		case r == '第':
			i = sc.ordinal(i)
		case pnIsOpen(r):
			i = sc.bracket(i, size)
		case r == '百' && strings.HasPrefix(s[i:], "百分之"):
			i = sc.percentWord(i)
		case isCNNumeral(r) || r == '几':
			i = sc.chinese(i)
		case r == '数' || r == '上' || r == '成':
			i = sc.vague(i, r, size)
		case (r >= 0x2460 && r <= 0x249B) || (r >= 0x3220 && r <= 0x3229):
			i = sc.circled(i, r, size)
		default:
			i += size
		}
	}
	sc.fixRanges()
	return sc.out
}

// TestSkipUnmarkedTables checks the tables given to skipUnmarked: they
// mark no rune below U+0800 and no surrogate.
func TestSkipUnmarkedTables(t *testing.T) {
	for name, marks := range map[string]*runeSet{"pnStarts": pnStarts, "countRunes": countRunes, "markRunes": markRunes} {
		for r := rune(0); r < 1<<16; r++ {
			if (r < 0x800 || r >= 0xD800 && r <= 0xDFFF) && marks.has(r) {
				t.Errorf("%s marks %U", name, r)
			}
		}
	}
}

func TestScanNumbersMatchesRef(t *testing.T) {
	for _, s := range pnCorpus(t) {
		if got, want := scanNumbers(s), refScanNumbers(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("scanNumbers differs from refScanNumbers on a report:\n got %v\nwant %v", got, want)
		}
	}
}

func FuzzScanNumbersRef(f *testing.F) {
	for _, s := range []string{"", "收到申请23000余条", "二0一七年度", "百分之十二点五", "第二十条", "\xe0\x80\xb0件", "\xed\xa0\x80一", "申\xe4\xb8", "（一）１２件", "①②"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := scanNumbers(s), refScanNumbers(s); !reflect.DeepEqual(got, want) {
			t.Errorf("scanNumbers(%q) = %v, want %v", s, got, want)
		}
	})
}

// refMayCount is mayCount written plainly: a digit, ASCII or full-width,
// or a Chinese numeral that is not ASCII.
func refMayCount(text string) bool {
	for _, r := range text {
		if r >= '0' && r <= '9' || r >= '０' && r <= '９' || r >= utf8.RuneSelf && isCNNumeral(r) {
			return true
		}
	}
	return false
}

func TestMayCountMatchesRef(t *testing.T) {
	for _, d := range corpusDocs(t, ".txt") {
		for s := range sentences(d.doc) {
			if got, want := mayCount(s.Text), refMayCount(s.Text); got != want {
				t.Fatalf("mayCount(%q) = %v, want %v", s.Text, got, want)
			}
		}
	}
}

func FuzzMayCount(f *testing.F) {
	for _, s := range []string{"", "未收到申请", "收到申请23件", "收到申请两件", "１件", "\xe0\x80\xb0件", "\xed\xa0\x80", "申请\xe4\xb8", "申请三"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mayCount(s), refMayCount(s); got != want {
			t.Errorf("mayCount(%q) = %v, want %v", s, got, want)
		}
	})
}
