package meta

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCleanEveryRune holds clean, whose keptAt tells kept characters by
// their first bytes, to trimming rune by rune: every rune at either end,
// and the sequences of E3 and EF that are not valid UTF-8.
func TestCleanEveryRune(t *testing.T) {
	check := func(x string) {
		for _, s := range []string{x, x + "甲", "甲" + x, x + "a" + x} {
			if got, want := clean(s), strings.TrimFunc(s, isCleaned); got != want {
				t.Fatalf("clean(%q) = %q, want %q", s, got, want)
			}
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		check(string(r))
	}
	for _, lead := range []byte{0xE3, 0xEF} {
		check(string([]byte{lead}))
		for b := range 256 {
			check(string([]byte{lead, byte(b)}))
			check(string([]byte{lead, 0x80, byte(b)}))
		}
	}
}

// TestPlanStarts: isPlan tries the words only after a first character of
// one of them.
func TestPlanStarts(t *testing.T) {
	for _, w := range planWords {
		if r, _ := utf8.DecodeRuneInString(w); !isPlanStart(r) {
			t.Errorf("isPlanStart(%q) = false for %q", r, w)
		}
	}
}

// TestTitleFieldStarts: titleField reads every label, after the test of
// its first character.
func TestTitleFieldStarts(t *testing.T) {
	for _, l := range titleLabels {
		for _, s := range []string{l + "：某县报告", l + " :某县报告", l + "\u3000：某县报告"} {
			if v, ok := titleField(s); !ok || v != "某县报告" {
				t.Errorf("titleField(%q) = %q, %v", s, v, ok)
			}
		}
	}
}

// TestPeriodKeyStarts: periodKeyEnd tries the keys only after a first
// character of one of them.
func TestPeriodKeyStarts(t *testing.T) {
	for _, k := range periodKeys {
		if r, _ := utf8.DecodeRuneInString(k); !isPeriodKeyStart(r) {
			t.Errorf("isPeriodKeyStart(%q) = false for %q", r, k)
		}
	}
}

// TestIndexSentenceEnd holds indexSentenceEnd to strings.IndexAny on text
// made of the marks, pieces of their bytes and invalid bytes.
func TestIndexSentenceEnd(t *testing.T) {
	tokens := []string{"。", "；", "甲", "a", "\xe3", "\xe3\x80", "\x80\x82", "\xef\xbc", "\xbc\x9b", "\xff", ";", "，"}
	next := rand.New(rand.NewPCG(1, 0)).IntN // a fixed sequence: the same cases every run
	var b strings.Builder
	for range 100000 {
		b.Reset()
		for range next(12) {
			b.WriteString(tokens[next(len(tokens))])
		}
		s := b.String()
		if got, want := indexSentenceEnd(s), strings.IndexAny(s, "。；"); got != want {
			t.Fatalf("indexSentenceEnd(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzIndexSentenceEnd(f *testing.F) {
	f.Add("统计期限为2013年1月1日至2013年12月31日。")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := indexSentenceEnd(s), strings.IndexAny(s, "。；"); got != want {
			t.Fatalf("indexSentenceEnd(%q) = %d, want %d", s, got, want)
		}
	})
}

// validNameRef is validName as it was: every word tried on every name.
func validNameRef(s string) bool {
	if !nameRe.MatchString(s) {
		return false
	}
	for _, w := range selfWords {
		if strings.HasPrefix(s, w) {
			return false
		}
	}
	for _, w := range notNameWords {
		if strings.Contains(s, w) {
			return false
		}
	}
	for _, w := range classPrefixes {
		if strings.HasPrefix(s, w) {
			return false
		}
	}
	return true
}

// TestNameStarts: validName tries the words of notNameWords and
// classPrefixes only after the first characters of one of them; the
// matcher tests (checkMatchers) hold it to validNameRef.
func TestNameStarts(t *testing.T) {
	for _, w := range notNameWords {
		if r, _ := utf8.DecodeRuneInString(w); !isNotNameStart(r) {
			t.Errorf("isNotNameStart(%q) = false for %q", r, w)
		}
	}
	for _, w := range classPrefixes {
		if r, _ := utf8.DecodeRuneInString(w); !isClassStart(r) {
			t.Errorf("isClassStart(%q) = false for %q", r, w)
		}
	}
	for _, s := range append(append([]string{"某县人民政府", "我局", "县级以上地方人民政府", "主管部门汇总所属部门和乡镇"}, notNameWords...), classPrefixes...) {
		for _, x := range []string{s, "某" + s, s + "局", "（" + s + "）"} {
			if got, want := validName(x), validNameRef(x); got != want {
				t.Errorf("validName(%q) = %v, reference %v", x, got, want)
			}
			if got, want := nameLike(x), nameLikeRef(x); got != want {
				t.Errorf("nameLike(%q) = %v, reference %v", x, got, want)
			}
		}
	}
}

// TestAgencySuffixEnds: nameLike tries the suffixes only on a name that
// ends with the last character of one.
func TestAgencySuffixEnds(t *testing.T) {
	for _, w := range agencySuffixes {
		if r, _ := utf8.DecodeLastRuneInString(w); !isAgencySuffixEnd(r) {
			t.Errorf("isAgencySuffixEnd(%q) = false for %q", r, w)
		}
	}
}

// nameLikeRef is nameLike as it was: every suffix tried on every name,
// with no test of its last character first.
func nameLikeRef(s string) bool {
	if !validNameRef(s) {
		return false
	}
	longest := longestAgencySuffix(s)
	return longest > 0 && len(s) > longest
}
