package strs

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestStrs(t *testing.T) {
	if !ContainsAny("本年度主动公开", []string{"依申请", "主动"}) || ContainsAny("abc", []string{"x", "y"}) || ContainsAny("abc", nil) {
		t.Error("ContainsAny")
	}
	if got := slices.Collect(Indexes("aXbXXc", "X")); !slices.Equal(got, []int{1, 3, 4}) {
		t.Errorf("Indexes = %v", got)
	}
	if got := slices.Collect(Indexes("aaaa", "aa")); !slices.Equal(got, []int{0, 2}) {
		t.Errorf("Indexes of overlapping = %v", got)
	}
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{{"一二三四", 2, "一二"}, {"ab", 5, "ab"}, {"一二", 0, ""}} {
		if got := FirstRunes(tc.s, tc.n); got != tc.want {
			t.Errorf("FirstRunes(%q, %d) = %q", tc.s, tc.n, got)
		}
	}
}

// TestIndex compares Index with strings.Index on every substring of a
// text of Chinese, ASCII and mixed words, present or not.
func TestIndex(t *testing.T) {
	text := "本年度主动公开政府信息1234条，其中：公开规范性文件12件。abc公开公开x开公"
	words := []string{"", "公开", "公开公开", "开公", "文件12", "12件", "x", "1234条", "信息公开", "。", "本年度", "公", "b公", "未有", "\xe5"}
	for i := range len(text) + 1 {
		for j := i; j <= len(text); j++ {
			words = append(words, text[i:j])
		}
	}
	for _, w := range words {
		for from := range len(text) + 1 {
			s := text[from:]
			if got, want := Index(s, w), strings.Index(s, w); got != want {
				t.Fatalf("Index(%q, %q) = %d, want %d", s, w, got, want)
			}
		}
	}
}

// FuzzIndex compares Index with strings.Index on any text and word.
func FuzzIndex(f *testing.F) {
	f.Add("本年度主动公开政府信息1234条", "公开")
	f.Add("\xe5\xb9\xb4a\xb9", "\xb9")
	f.Add("a©b", "a©")
	f.Fuzz(func(t *testing.T, s, word string) {
		if got, want := Index(s, word), strings.Index(s, word); got != want {
			t.Fatalf("Index(%q, %q) = %d, want %d", s, word, got, want)
		}
	})
}

// BenchmarkIndex searches a sentence of a report for words it lacks, as
// the extractors do, with strings.Index and with Index.
func BenchmarkIndex(b *testing.B) {
	s := strings.Repeat("本年度，我区共收到政府信息公开申请125件，其中当面申请12件，网上申请113件，均已按时办结。", 3)
	words := []string{"历年", "截至", "至今", "以来累计", "计划", "力争", "预计", "下一步"}
	for _, f := range []struct {
		name  string
		index func(s, w string) int
	}{{"strings", strings.Index}, {"strs", Index}} {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(s) * len(words)))
			for b.Loop() {
				for _, w := range words {
					if f.index(s, w) >= 0 {
						b.Fatal(w)
					}
				}
			}
		})
	}
}

// setIndex is what Set.Index must equal: the words tested one by one.
func setIndex(text string, words []string) (at, word int) {
	at, word = -1, -1
	for i, w := range words {
		if j := strings.Index(text, w); j >= 0 && (at < 0 || j < at) {
			at, word = j, i
		}
	}
	return at, word
}

func TestSetIndex(t *testing.T) {
	lists := [][]string{
		{"版权所有", "Copyright", "©", "ICP备", "版权"},
		{"年度", "全年", "本年", "今年", "年内", "一年来"},
		{"", "x"},
		{"x", ""},
		{},
		{"a", "ab", "abc", "b"},
		{"abc", "b", "a"},
	}
	texts := []string{"", "本年度收到申请", "©2024 版权所有", "abc", "xyz", "一年来，今年", "\xffab\xe5\xb9", "ICP备版权", "zab"}
	for _, words := range lists {
		s := NewSet(words...)
		for _, text := range texts {
			at, w := s.Index(text)
			wantAt, wantW := setIndex(text, words)
			if at != wantAt || w != wantW {
				t.Errorf("NewSet(%q).Index(%q) = %d, %d; want %d, %d", words, text, at, w, wantAt, wantW)
			}
			if s.In(text) != ContainsAny(text, words) {
				t.Errorf("NewSet(%q).In(%q) = %v", words, text, s.In(text))
			}
		}
	}
}

func FuzzSetIndex(f *testing.F) {
	f.Add("本年度收到申请", "年度|本年|申请")
	f.Add("\xe5\xb9\xb4a", "a|\xb9")
	f.Add("ab", "b|ab|")
	f.Fuzz(func(t *testing.T, text, list string) {
		words := strings.Split(list, "|")
		if len(words) > 64 {
			return
		}
		at, w := NewSet(words...).Index(text)
		wantAt, wantW := setIndex(text, words)
		if at != wantAt || w != wantW {
			t.Errorf("Index(%q) with %q = %d, %d; want %d, %d", text, words, at, w, wantAt, wantW)
		}
	})
}

// BenchmarkSet compares a Set with testing the words one by one, on a
// sentence that holds none of them (the common case).
func BenchmarkSet(b *testing.B) {
	words := []string{"版权所有", "版权归", "Copyright", "COPYRIGHT", "copyright", "©", "ICP备", "ICP证", "icp备", "公网安备", "网站标识码", "网站识别码", "政府网站标识",
		"主办单位", "主办：", "主办:", "承办单位", "承办：", "承办:", "协办单位", "技术支持", "技术服务", "网站维护", "维护单位", "运维单位"}
	for _, text := range []string{
		"2024年，本机关共收到政府信息公开申请128件，其中自然人申请116件，法人或其他组织申请12件。",
		"（一）主动公开政府信息情况",
	} {
		s := NewSet(words...)
		b.Run(fmt.Sprintf("Set/%d", len(text)), func(b *testing.B) {
			for b.Loop() {
				s.In(text)
			}
		})
		b.Run(fmt.Sprintf("ContainsAny/%d", len(text)), func(b *testing.B) {
			for b.Loop() {
				ContainsAny(text, words)
			}
		})
	}
}

// setMark is what Set.Mark must equal: the words tested one by one.
func setMark(text string, words []string) []uint64 {
	found := make([]uint64, (len(words)+63)/64+1)
	for k, w := range words {
		if strings.Contains(text, w) {
			found[k/64] |= 1 << (k % 64)
		}
	}
	return found
}

// setFirstEnd is what Set.FirstEnd must equal.
func setFirstEnd(text string, words []string) int {
	best := -1
	for _, w := range words {
		if i := strings.Index(text, w); i >= 0 && (best < 0 || i+len(w) < best) {
			best = i + len(w)
		}
	}
	return best
}

func checkMarkFirstEnd(t *testing.T, text string, words []string) {
	t.Helper()
	s := NewSet(words...)
	got := make([]uint64, (len(words)+63)/64+1)
	s.Mark(text, got)
	if want := setMark(text, words); !slices.Equal(got, want) {
		t.Errorf("NewSet(%q).Mark(%q) = %x; want %x", words, text, got, want)
	}
	if got, want := s.FirstEnd(text), setFirstEnd(text, words); got != want {
		t.Errorf("NewSet(%q).FirstEnd(%q) = %d; want %d", words, text, got, want)
	}
}

func TestSetMarkFirstEnd(t *testing.T) {
	many := make([]string, 70) // more than one word of bits
	for i := range many {
		many[i] = fmt.Sprintf("w%d", i)
	}
	lists := [][]string{
		{"版权所有", "Copyright", "©", "ICP备", "版权"},
		{"年度", "全年", "本年", "今年", "年内", "一年来"},
		{"以来累计", "将", "累计"},
		{"", "x"},
		{"x", ""},
		{},
		{"a", "ab", "abc", "b"},
		{"abc", "b", "a"},
		{"ab", "ab", "b"},
		many,
	}
	texts := []string{"", "本年度收到申请", "©2024 版权所有", "abc", "xyz", "一年来，今年", "\xffab\xe5\xb9", "ICP备版权", "zab",
		"成立以来累计将", "以来累计", "w69 w1", "w6", "ab"}
	for _, words := range lists {
		for _, text := range texts {
			checkMarkFirstEnd(t, text, words)
		}
	}
}

func FuzzSetMarkFirstEnd(f *testing.F) {
	f.Add("本年度收到申请", "年度|本年|申请")
	f.Add("\xe5\xb9\xb4a", "a|\xb9")
	f.Add("ab", "b|ab|")
	f.Add("以来累计", "以来累计|累计|计")
	f.Fuzz(func(t *testing.T, text, list string) {
		words := strings.Split(list, "|")
		if len(words) > 200 {
			return
		}
		checkMarkFirstEnd(t, text, words)
	})
}
