package document

import (
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/internal/strs"
	"xxgk/zh"
)

// classifyTextLineRef is ClassifyTextLine as the text reader did it, step
// by step: the reference.
func classifyTextLineRef(line string) (s string, kind LineKind, blank, fold bool) {
	s, fold = NormalizeSpacesFold(line)
	if s = zh.TrimSpace(s); s == "" {
		return "", Content, true, fold
	}
	s, kind = ClassifyLine(s)
	return s, kind, false, fold
}

func checkClassifyTextLine(t *testing.T, line string) {
	t.Helper()
	s, kind, blank, fold, flaw := ClassifyTextLine(line)
	ws, wkind, wblank, wfold := classifyTextLineRef(line)
	wvalid := utf8.ValidString(line)
	wflaw := NoFlaw
	switch {
	case !wvalid:
		wflaw = Invalid
	case strings.ContainsFunc(line, zh.IsZeroWidth):
		wflaw = ZeroWidth
	}
	if s != ws || kind != wkind || blank != wblank || fold != wfold || flaw != wflaw {
		t.Fatalf("ClassifyTextLine(%q) = %q, %d, %v, %v, %d; reference %q, %d, %v, %v, %d", line, s, kind, blank, fold, flaw, ws, wkind, wblank, wfold, wflaw)
	}
	// Where no special space or invalid byte stops it, the scan counts
	// and keys all of line.
	n, keys, fold, stop := scanTextLine(line)
	_, _, wfold = zh.IndexSpecialSpaceFold(line)
	if wstop := zh.HasSpecialSpace(line) || !wvalid; stop != wstop || !stop && fold != wfold {
		t.Fatalf("scanTextLine(%q): stop %v, fold %v; want %v, %v", line, stop, fold, wstop, wfold)
	}
	if wn, wkeys := scanLineRef(line, len(line)+1); !stop && (n != wn || keys != wkeys) {
		t.Fatalf("scanTextLine(%q) = %d runes, keys %d; want %d, %d", line, n, keys, wn, wkeys)
	}
}

// TestClassifyTextLineRef holds ClassifyTextLine to the steps it takes in
// one over the sample lines, the noise probes, and lines edged or broken by
// every kind of space and by characters to fold, keys and invalid bytes,
// short and longer than the noise rules look at.
func TestClassifyTextLineRef(t *testing.T) {
	lines, _ := sampleLines(t)
	lines = append(lines, noiseProbes()...)
	long := strings.Repeat("本年度主动公开信息12条, ", maxNoiseBytes/30)
	odd := []string{" ", "\t", "\v", "\u0085", "\u00a0", "\u1680", "\u2000", "\u200a", "\u200b", "\u200f", "\u2028", "\u2029",
		"\u202f", "\u205f", "\u2060", "\u3000", "\ufeff", "它", "數", "版", "©", "p", "P", "7", "\xff", "\xe5\xb9", "\xed\xa0\x80", "\U0001F600", "\xe2\x80", "\xe2\x800", "\xe2\x80\x8f", "\xc2", "\xc2\xa0"}
	for _, o := range odd {
		for _, s := range []string{"版权所有 某局", "发布日期：2020-01-01 点击数：", "一、总体情况", "abcdefghijk 12", "打印 关闭",
			long, "当前位置：首页 > 政务公开 > " + long, "首页 > " + long, long + " 打印 关闭", "微信 微博 QQ空间 " + long} {
			lines = append(lines, o+s, s+o, o+s+o, o+o+s, s[:len(s)/2]+o+s[len(s)/2:], " "+o+" "+s+"\t"+o)
		}
	}
	for _, s := range lines {
		checkClassifyTextLine(t, s)
	}
}

func FuzzClassifyTextLine(f *testing.F) {
	for _, s := range []string{"  版权所有：某某县人民政府\u3000", "\u2028主办单位：某某县政府办公室 技术支持：某公司", "當前位置：首页 > 政务公开",
		"发布日期:2012-12-31    点击数:\t", "扫一扫在手机打开当前页\u200b", "Copyright © 2020", "\xff某某网站标识码1234 "} {
		f.Add(s)
	}
	f.Fuzz(checkClassifyTextLine)
}

// TestASCIIWordKeys holds asciiWordKeys to keyOf with every ASCII
// character at every place of a word of other characters.
func TestASCIIWordKeys(t *testing.T) {
	for _, fill := range []byte{' ', 'a', '/', ':', 'o', 'q', '0'} {
		for c := range byte(utf8.RuneSelf) {
			for at := range 8 {
				b := []byte(strings.Repeat(string(fill), 8))
				b[at] = c
				want := keyOf(rune(c)) | keyOf(rune(fill))
				if got := asciiWordKeys(strs.Load64(string(b))); got != want {
					t.Fatalf("asciiWordKeys(%q) = %d, want %d", b, got, want)
				}
			}
		}
	}
}

func checkValidUTF8(t *testing.T, s string) {
	t.Helper()
	if got, want := validUTF8(s), utf8.ValidString(s); got != want {
		t.Fatalf("validUTF8(%q) = %v, want %v", s, got, want)
	}
}

// TestValidUTF8 holds validUTF8 to utf8.ValidString on every lead byte
// followed by up to three bytes from each class of byte, alone and inside
// Chinese text, on ASCII runs broken at every place, and on the sample
// lines.
func TestValidUTF8(t *testing.T) {
	edges := []byte{0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xFF}
	for lead := range 256 {
		for _, b1 := range edges {
			for _, b2 := range edges {
				for _, b3 := range []byte{0x41, 0x80, 0xBF, 0xE5} {
					seq := string([]byte{byte(lead), b1, b2, b3})
					for n := 1; n <= len(seq); n++ {
						checkValidUTF8(t, seq[:n])
						checkValidUTF8(t, "年"+seq[:n]+"年a")
					}
				}
			}
		}
	}
	for n := range 40 {
		for at := range n {
			for _, c := range []string{"\x80", "\xe5", "\xff", "\xc2", "年", "\xe5\xb9"} {
				s := strings.Repeat("a", n)
				checkValidUTF8(t, s[:at]+c+s[at:])
				checkValidUTF8(t, "年"+s[:at]+c+s[at:])
			}
		}
	}
	lines, _ := sampleLines(t)
	for _, s := range lines {
		checkValidUTF8(t, s)
	}
}

func FuzzValidUTF8(f *testing.F) {
	for _, s := range []string{"", "政府信息公开", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "年\xe5\xb9", "\xf4\x90\x80\x80", "年\u200b，\ufeff"} {
		f.Add(s)
	}
	f.Fuzz(checkValidUTF8)
}
