package zh

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSpaceSets(t *testing.T) {
	type sets struct{ space, odd, zero, line bool }
	for r, want := range map[rune]sets{
		' ':      {space: true, line: true},
		'\t':     {space: true, line: true},
		'\n':     {space: true},
		'\r':     {space: true},
		'\v':     {space: true},
		'\f':     {space: true},
		'\u0085': {space: true},
		'\u00a0': {space: true, odd: true, line: true},
		'\u1680': {space: true},
		'\u2002': {space: true, odd: true, line: true},
		'\u200a': {space: true, odd: true, line: true},
		'\u200b': {zero: true, line: true},
		'\u200c': {zero: true},
		'\u200f': {zero: true},
		'\u2028': {space: true},
		'\u202f': {space: true, odd: true, line: true},
		'\u205f': {space: true, odd: true, line: true},
		'\u2060': {zero: true},
		'\u3000': {space: true, odd: true, line: true},
		'\ufeff': {zero: true, line: true},
		'a':      {},
		'一':      {},
		'_':      {},
	} {
		got := sets{IsSpace(r), IsOddSpace(r), IsZeroWidth(r), IsLineSpace(r)}
		if got != want {
			t.Errorf("%U: IsSpace, IsOddSpace, IsZeroWidth, IsLineSpace = %v, want %v", r, got, want)
		}
	}
}

// The sets are what their documentation says, over every rune.
func TestSpaceSetsAgree(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if IsSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("IsSpace(%U) = %v", r, IsSpace(r))
		}
		if line := r == ' ' || r == '\t' || IsOddSpace(r) || r == 0x200B || r == 0xFEFF; IsLineSpace(r) != line {
			t.Fatalf("IsLineSpace(%U) = %v", r, IsLineSpace(r))
		}
		if IsOddSpace(r) && (!IsSpace(r) || IsZeroWidth(r)) {
			t.Fatalf("odd space %U: IsSpace %v, IsZeroWidth %v", r, IsSpace(r), IsZeroWidth(r))
		}
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if HasSpecialSpace(s) != (IsOddSpace(r) || IsZeroWidth(r)) {
			t.Fatalf("HasSpecialSpace(%U) = %v", r, HasSpecialSpace(s))
		}
		if n := ZeroWidthLen(s); (n > 0) != IsZeroWidth(r) || n != 0 && n != len(s) {
			t.Fatalf("ZeroWidthLen(%U) = %d", r, n)
		}
	}
}

func TestHasSpecialSpace(t *testing.T) {
	for s, want := range map[string]bool{
		"":               false,
		"政府信息公开 2016":    false,
		"政府信息公开\u00a0":   true,
		"\u3000\u3000一、": true,
		"a\u200db":       true,
		"\ufeff标题":       true,
		"\xe2\x80":       false, // cut short
	} {
		if got := HasSpecialSpace(s); got != want {
			t.Errorf("HasSpecialSpace(%q) = %v, want %v", s, got, want)
		}
	}
}

// indexSpecialSpaceBytes is IndexSpecialSpace as first written, byte by
// byte: the reference for FuzzIndexSpecialSpace.
func indexSpecialSpaceBytes(s string) (at, size int) {
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case 0xC2:
			if s[i+1] == 0xA0 {
				return i, 2
			}
		case 0xE2, 0xE3, 0xEF:
			if i+2 < len(s) && IsSpecialSpace3(s[i], s[i+1], s[i+2]) {
				return i, 3
			}
		}
	}
	return -1, 0
}

// FuzzIndexSpecialSpace compares IndexSpecialSpace, which looks for lead
// bytes eight at a time, with the byte-by-byte loop, on any bytes.
func FuzzIndexSpecialSpace(f *testing.F) {
	for _, s := range []string{"", "政府信息公开\u00a0", "\u3000一、", "a\u200db", "\ufeff标题", "\xe2\x80", "\xe4\xe3\x80\x80", "\xe4\x80\xc2\xa0", "，\u2060", "\xef\xbb\xbf",
		"政府信息\xc2\xa0", "政府信息\xe2\x80A", "abcdefg\xe3\x80\x80", "abcdefgh\xc2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		at, size := IndexSpecialSpace(s)
		wantAt, wantSize := indexSpecialSpaceBytes(s)
		if at != wantAt || size != wantSize {
			t.Fatalf("IndexSpecialSpace(%q) = %d, %d; want %d, %d", s, at, size, wantAt, wantSize)
		}
	})
}

// TestIndexSpecialSpaceBytes holds IndexSpecialSpace to the byte loop for
// every byte value at every place of two eight-byte words, in ASCII and in
// Chinese text, and on every line and the whole text of the sample reports.
func TestIndexSpecialSpaceBytes(t *testing.T) {
	check := func(s string) {
		t.Helper()
		at, size := IndexSpecialSpace(s)
		if wantAt, wantSize := indexSpecialSpaceBytes(s); at != wantAt || size != wantSize {
			t.Fatalf("IndexSpecialSpace(%q) = %d, %d; want %d, %d", s, at, size, wantAt, wantSize)
		}
	}
	for _, fill := range []string{"abcdefghijklmnopqr", "政府信息公开年度", "\xe3\x80\x81\xef\xbc\x8c\xe2\x80\x9c\xc2\xb7"} {
		for i := range 18 {
			for c := range 256 {
				for _, next := range []string{"", "\xa0", "\x80\x80", "\xbb\xbf", "\x81\xa0", "\x80A"} {
					b := []byte(fill[:min(i, len(fill))])
					b = append(append(b, byte(c)), next...)
					check(string(b) + fill)
					check(string(b))
				}
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "reports", "*.*"))
	if len(files) == 0 {
		t.Skip("no sample reports")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		check(string(data))
		for line := range strings.Lines(string(data)) {
			for ; line != ""; line = line[min(len(line), 61):] {
				check(line)
			}
		}
	}
}

// BenchmarkIndexSpecialSpace looks for special spaces in every line of the
// page-text sample reports, as document.NormalizeSpaces does.
func BenchmarkIndexSpecialSpace(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "reports", "*.txt"))
	if len(files) == 0 {
		b.Skip("no sample reports")
	}
	var lines []string
	var total int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for line := range strings.Lines(string(data)) {
			lines = append(lines, line)
		}
		total += int64(len(data))
	}
	b.SetBytes(total)
	for b.Loop() {
		for _, s := range lines {
			IndexSpecialSpace(s)
		}
	}
}

// TestTrimSpaceEveryRune holds TrimSpace to strings.TrimSpace for every
// rune at either end of Chinese text, alone, and after or before bytes
// that do not start a character.
func TestTrimSpaceEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0x3400 && r < 0xF900 && r != 0x3000 && r != 0x3001 {
			continue // the ideographs: none is a space, and each is encoded alike
		}
		e := string(r)
		for _, s := range []string{e, e + "数据", "数据" + e, e + " 数据 " + e, " " + e + "\t", "\x80" + e, e + "\x80", "\xe2" + e, e + "\xe2\x80"} {
			if got, want := TrimSpace(s), strings.TrimSpace(s); got != want {
				t.Fatalf("TrimSpace(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

// TestTrimSpaceEdgeBytes holds TrimSpace to strings.TrimSpace where text
// starts or ends with any three bytes led by one outside ASCII: valid
// characters, truncated ones and stray continuation bytes, which
// strings.TrimSpace decodes as U+FFFD.
func TestTrimSpaceEdgeBytes(t *testing.T) {
	for b0 := 0x80; b0 <= 0xFF; b0++ {
		for b1 := 0x70; b1 <= 0xC0; b1++ {
			for _, b2 := range []byte{0x80, 0x85, 0xA0, 0xBF, 'a'} {
				e := string([]byte{byte(b0), byte(b1), b2})
				for _, s := range []string{e, "一" + e, e + "一"} {
					if got, want := TrimSpace(s), strings.TrimSpace(s); got != want {
						t.Fatalf("TrimSpace(%q) = %q, want %q", s, got, want)
					}
				}
			}
		}
	}
}

func FuzzTrimSpace(f *testing.F) {
	for _, s := range []string{"", " ", "\u3000一、总体情况\u3000", "\t数据 \r", "\u00a0a\u0085", "\xe2\x80", "\xc2", "x\xe3\x80\x80", "\u2028\u2029\u1680 \u205f", "\xe2\x80\x8b数"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := TrimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("TrimSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestIsSpecialSpace3 holds IsSpecialSpace3 to IndexSpecialSpace on every
// three bytes led by E2, E3 or EF.
func TestIsSpecialSpace3(t *testing.T) {
	for _, c := range []byte{0xE2, 0xE3, 0xEF} {
		for b1 := range 256 {
			for b2 := range 256 {
				s := string([]byte{c, byte(b1), byte(b2)})
				at, _ := IndexSpecialSpace(s)
				if got := IsSpecialSpace3(c, byte(b1), byte(b2)); got != (at == 0) {
					t.Fatalf("IsSpecialSpace3(%q) = %v, want %v", s, got, at == 0)
				}
			}
		}
	}
}
