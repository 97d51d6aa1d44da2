package meta

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"xxgk/internal/strs"
)

// wordTexts are the words the rules look for, and names govForm may.
var wordTexts = []string{
	"统计", "起止时间", "统计表", "情况表", "人民政府", "街道办事处", "政务公开", "政府信息公开", "报告", "如下", "年",
	"年度报告", "年报", "报告如下", "函告如下", "工作报告", "情况报告", "。", "；", "，", ",", "：", ":",
	"信息公开", "平潭综合实验区", "洮北区", "a", "ab", "\xff", "\xe5\xb9", "\xb4", "年年", "2013年",
}

func checkWord(t *testing.T, s, w string) {
	t.Helper()
	wd := newWord(w)
	if got, want := wd.index(s), strings.Index(s, w); got != want {
		t.Fatalf("newWord(%q).index(%.80q) = %d, strings.Index %d", w, s, got, want)
	}
	if got, want := slices.Collect(wd.indexes(s)), slices.Collect(strs.Indexes(s, w)); !slices.Equal(got, want) {
		t.Fatalf("newWord(%q).indexes(%.80q) = %v, strs.Indexes %v", w, s, got, want)
	}
}

// TestWordIndex holds word.index to strings.Index, and word.indexes to
// strs.Indexes, on the page-text samples (whole and by line) and on text
// made of the words and pieces of them.
func TestWordIndex(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range wordTexts {
			checkWord(t, string(data), w)
			for line := range strings.Lines(string(data)) {
				checkWord(t, line, w)
			}
		}
	}
	tokens := append([]string{"统", "计", "起止", "时间", "人民", "政府", "公开", "\xe7\xbb", "\xbb\x9f", "\x9f", " "}, wordTexts...)
	next := rand.New(rand.NewPCG(1, 0)).IntN // a fixed sequence: the same cases every run
	var b strings.Builder
	for range 5000 {
		b.Reset()
		for range 1 + next(30) {
			b.WriteString(tokens[next(len(tokens))])
		}
		for _, w := range wordTexts {
			checkWord(t, b.String(), w)
		}
	}
}

func FuzzWordIndex(f *testing.F) {
	f.Add("统计期限为2013年1月1日", "统计")
	f.Add("某县人民政府政府信息公开", "政府信息公开")
	f.Fuzz(func(t *testing.T, s, w string) {
		if w == "" {
			return // no rule looks for the empty word
		}
		checkWord(t, s, w)
	})
}
