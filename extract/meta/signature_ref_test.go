package meta

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/format/text"
	"xxgk/zh"
)

// flatSignatureRef is flatSignature as it was, looking for each 年 from
// the end with lastIndex.
func flatSignatureRef(t string, line int) (signature, bool) {
	for end := len(t); ; {
		i := lastIndex(t[:end], "年")
		if i < 0 {
			return signature{}, false
		}
		end = i
		ys := i // back over four year digits
		for k := 0; k < 4 && ys > 0; k++ {
			_, m := utf8.DecodeLastRuneInString(t[:ys])
			ys -= m
		}
		if zh.ParseYear(t[ys:i]) == 0 {
			continue
		}
		d, n := zh.DateAt(t[ys:])
		if d.Year == 0 {
			continue
		}
		de := ys + n
		if rest := t[de:]; rest != "" && !strings.HasPrefix(rest, "附件") {
			if r, _ := utf8.DecodeRuneInString(rest); !zh.IsSpace(r) {
				continue
			}
		}
		p := ys
		for p > 0 {
			r, m := utf8.DecodeLastRuneInString(t[:p])
			if !zh.IsSpace(r) {
				break
			}
			p -= m
		}
		spaced := p < ys
		k, n := p, 0
		for k > 0 && n <= 30 {
			r, m := utf8.DecodeLastRuneInString(t[:k])
			if !zh.IsHan(r) && !strings.ContainsRune("（）()", r) {
				break
			}
			k -= m
			n++
		}
		name := t[k:p]
		if name != "" && !nameLike(name) {
			if !spaced {
				continue
			}
			name, k = "", p
		}
		if k > 0 && name == "" && !spaced {
			if r, _ := utf8.DecodeLastRuneInString(t[:k]); !strings.ContainsRune("。；！", r) {
				continue
			}
		}
		if name == "" && d.Month == 0 {
			continue
		}
		return signature{name: name, date: d, ev: evidence{line, clean(t[k:de])}}, true
	}
}

func checkFlatSignature(t *testing.T, s string) {
	t.Helper()
	got, gok := flatSignature(s, 7)
	want, wok := flatSignatureRef(s, 7)
	if got != want || gok != wok {
		t.Fatalf("flatSignature(%.80q) = %+v, %v; reference %+v, %v", s, got, gok, want, wok)
	}
}

// TestFlatSignatureRef holds flatSignature to its reference on the
// page-text samples (each whole, and each paragraph), on text made of the
// pieces a signature is made of, and on text with more places of 年
// than flatSignature keeps.
func TestFlatSignatureRef(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkFlatSignature(t, string(data))
		for _, b := range text.Read(string(data)).Blocks {
			checkFlatSignature(t, b.Text)
		}
	}
	for _, n := range []int{63, 64, 65, 100, 128, 129} {
		for _, sig := range []string{"", "。 平潭县人民政府 2013年1月16日", " 2013年1月16日 附件1：", "。2014年"} {
			checkFlatSignature(t, sig+strings.Repeat("于2015年3月", n))
			checkFlatSignature(t, strings.Repeat("于2015年3月", n)+sig)
			checkFlatSignature(t, "某县人民政府 2012年5月"+strings.Repeat("年", n))
		}
	}
	tokens := []string{
		"2015", "二〇一四", "二0一七", "２０２３", "1999", "12", "年", "月", "日", "号", "3", "三", "十二",
		" ", "\u3000", "\t", "。", "；", "！", "，", "、", "于", "（", "）", "(", ")", "附件", "附件1：",
		"平潭县人民政府", "某县人民政府办公室", "办公室", "我局", "某", "a", "-", "\xff", "\xe5\xb9",
	}
	next := rand.New(rand.NewPCG(1, 0)).IntN // a fixed sequence: the same cases every run
	var b strings.Builder
	for range 20000 {
		b.Reset()
		for range 1 + next(60) {
			tok := tokens[next(len(tokens))]
			if next(5) == 0 {
				tok = strings.Repeat(tok, 1+next(30))
			}
			b.WriteString(tok)
		}
		checkFlatSignature(t, b.String())
	}
}

func FuzzFlatSignature(f *testing.F) {
	for _, s := range []string{"…日常化。 平潭县人民政府 2013年1月16日 附件1：…", "于2015年3月", "正文。2014年", "二〇一四年三月 "} {
		f.Add(s)
	}
	f.Fuzz(checkFlatSignature)
}
