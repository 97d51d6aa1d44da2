package zh

import (
	"testing"
	"unicode/utf8"
)

// firstHanFoldRef is firstHanFold as it was before it looked characters
// up by their bytes: the reference FuzzFirstHanFold compares it with.
func firstHanFoldRef(s string, from int) int {
	for i := from; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			if r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F); foldHanRune(r) != r {
				return i
			}
			i += 3
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return invalidUTF8
			}
			if foldHanRune(r) != r {
				return i
			}
			i += size
		}
	}
	return -1
}

// Every rune alone, and between others, is found as the reference finds it.
func TestFirstHanFoldEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, s := range []string{string(r), "数" + string(r) + "。", "a" + string(r)} {
			if got, want := firstHanFold(s, 0), firstHanFoldRef(s, 0); got != want {
				t.Fatalf("firstHanFold(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

func FuzzFirstHanFold(f *testing.F) {
	for _, s := range []string{"", "其它", "攸縣人民政府資訊公開", "a\xff它", "它\xe4\xb8", "，數", "\xed\xa0\x80它", "\xe0\x80\x80數", "\xef\xbc\x8c", "𠀋它"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, from int) {
		if from < 0 || from > len(s) {
			return
		}
		if got, want := firstHanFold(s, from), firstHanFoldRef(s, from); got != want {
			t.Fatalf("firstHanFold(%q, %d) = %d, want %d", s, from, got, want)
		}
	})
}

// IndexSpecialSpaceFold finds what IndexSpecialSpace finds, and reports a
// character to fold before it exactly when FoldHan changes that part of
// valid UTF-8 (and maybe when it is invalid).
func checkIndexSpecialSpaceFold(t *testing.T, s string) {
	t.Helper()
	at, size, fold := IndexSpecialSpaceFold(s)
	wantAt, wantSize := IndexSpecialSpace(s)
	if at != wantAt || size != wantSize {
		t.Fatalf("IndexSpecialSpaceFold(%q) = %d, %d; want %d, %d", s, at, size, wantAt, wantSize)
	}
	before := s
	if at >= 0 {
		before = s[:at]
	}
	want := FoldHan(before) != before
	if !utf8.ValidString(before) {
		want = true
	}
	if fold != want {
		t.Fatalf("IndexSpecialSpaceFold(%q) fold = %v, want %v", s, fold, want)
	}
}

func TestIndexSpecialSpaceFoldEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		e := string(r)
		for _, s := range []string{e, "数" + e + "。", "a" + e, e + "\u3000数據", "abcdefgh" + e + "\u00a0", "\xe4" + e, e + "\xe2\x80"} {
			checkIndexSpecialSpaceFold(t, s)
		}
	}
}

func FuzzIndexSpecialSpaceFold(f *testing.F) {
	for _, s := range []string{"", "其它", "攸縣人民政府資訊公開", "　　一、總體情況", "a\u00a0它", "数\u200b據", "\xe4\xe3\x80\x80數", "\xe4\x80\xc2\xa0", "，\u2060", "        数据\ufeff", "\xed\xa0\x80它", "𠀋它"} {
		f.Add(s)
	}
	f.Fuzz(checkIndexSpecialSpaceFold)
}

// foldRef is Fold as it was before it returned unchanged text itself: a
// copy rune by rune, the reference FuzzFold compares it with.
func foldRef(s string) string {
	var b []byte
	for _, r := range s {
		if f := FoldRune(r); f >= 0 {
			b = utf8.AppendRune(b, f)
		}
	}
	return string(b)
}

func checkFold(t *testing.T, s string) {
	t.Helper()
	if got, want := Fold(s), foldRef(s); got != want {
		t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
	}
}

func TestFoldEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		e := string(r)
		for _, s := range []string{e, "数" + e + "。", "收到申请" + e, e + "\xe4", "\xff" + e} {
			checkFold(t, s)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "收到申请", "其它", "攸縣人民政府", "（一）", "１２３", "\xe4\xb8", "\ufffd", "a b", "①"} {
		f.Add(s)
	}
	f.Fuzz(checkFold)
}
