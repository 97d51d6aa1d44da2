package strs

import (
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
