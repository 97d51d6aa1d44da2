package document

import (
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/zh"
)

// foldSpaceRunes is FoldSpace as it was written first, rune by rune: the
// tests compare the two.
func foldSpaceRunes(s string) string {
	var b strings.Builder
	var last rune = -1
	inRun, runNL, runHard := false, false, false
	for _, c := range s {
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			inRun = true
		case c == '\n':
			inRun, runNL = true, true
		case c == 0 || zh.IsOddSpace(c):
			inRun, runHard = true, true
		case zh.IsZeroWidth(c):
		default:
			if inRun && last >= 0 && (runHard || !runNL || !zh.IsWide(last) || !zh.IsWide(c)) {
				b.WriteByte(' ')
			}
			inRun, runNL, runHard = false, false, false
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}

// plainEndRef is plainEnd as it was, a rune at a time.
func plainEndRef(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\n' || c == 0 {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 || zh.IsOddSpace(r) || zh.IsZeroWidth(r) {
			return i // n == 1: an invalid byte
		}
		i += n
	}
	return i
}

// checkPlainEnd holds plainEnd to plainEndRef from every byte of s.
func checkPlainEnd(t *testing.T, s string) {
	t.Helper()
	for i := range len(s) + 1 {
		if got, want := plainEnd(s, i), plainEndRef(s, i); got != want {
			t.Fatalf("plainEnd(%q, %d) = %d, want %d", s, i, got, want)
		}
	}
}

// TestPlainEnd holds plainEnd to plainEndRef on every lead byte followed
// by up to two bytes from each class of byte, inside Chinese text, and on
// every special space.
func TestPlainEnd(t *testing.T) {
	edges := []byte{0x00, 0x20, 0x41, 0x7F, 0x80, 0x8B, 0x8F, 0x9A, 0x9F, 0xA0, 0xAF, 0xBB, 0xBF, 0xC0, 0xE5, 0xFF}
	for lead := range 256 {
		for _, b1 := range edges {
			for _, b2 := range edges {
				seq := string([]byte{byte(lead), b1, b2})
				for n := 1; n <= len(seq); n++ {
					checkPlainEnd(t, "年"+seq[:n]+"年a")
					checkPlainEnd(t, seq[:n])
				}
			}
		}
	}
	for r := rune(0); r <= 0xFFFF; r++ {
		if zh.IsOddSpace(r) || zh.IsZeroWidth(r) || zh.IsSpace(r) || r < 0x80 {
			checkPlainEnd(t, "信息"+string(r)+"公开")
		}
	}
}

var foldSeeds = []string{
	"", " ", "a b", "  中文\n中文 ", "中\na", "a\n中", "中\x00中", "中\u00a0\n中", "\u200b中\u200b\n\u3000文\ufeff",
	"\xff\n中", "中\n\xe4\xb8", "\ufffd\n中", "，\n。", "ａ\nｂ", "1\t\r\f2", "\u2060x\u202fy\u205fz\u2000",
}

func TestFoldSpaceSame(t *testing.T) {
	lines, _ := sampleLines(t)
	for _, s := range append(foldSeeds, lines...) {
		if got, want := FoldSpace(s), foldSpaceRunes(s); got != want {
			t.Fatalf("FoldSpace(%q) = %q, want %q", s, got, want)
		}
	}
	for i := 0; i+3 <= len(lines); i += 3 {
		s := strings.Join(lines[i:i+3], "\n \u3000")
		if got, want := FoldSpace(s), foldSpaceRunes(s); got != want {
			t.Fatalf("FoldSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFoldSpace(f *testing.F) {
	for _, s := range append(foldSeeds, chromeSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FoldSpace(s), foldSpaceRunes(s); got != want {
			t.Fatalf("FoldSpace(%q) = %q, want %q", s, got, want)
		}
		checkPlainEnd(t, s)
		if got, want := indexColon(s), strings.IndexAny(s, ":："); got != want {
			t.Fatalf("indexColon(%q) = %d, want %d", s, got, want)
		}
		checkChromeLine(t, s)
		if got, want := cutChromeRuns(s), cutChromeRunsOld(s); got != want {
			t.Fatalf("cutChromeRuns(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestChromeSepSame: isChromeSep, written as a switch, reports the
// separators the map it replaced held.
func TestChromeSepSame(t *testing.T) {
	old := map[rune]bool{}
	for _, r := range "｜、，：；·•【】（）《》〈〉「」—»›«‹丨" {
		old[r] = true
	}
	for r := rune(0); r <= 0x10FFFF; r++ {
		want := zh.IsSpace(r) || old[r]
		if r < 0x80 {
			want = strings.ContainsRune(" \t\n\v\f\r|/,:;[]()<>-_=*#~", r)
		}
		if isChromeSep(r) != want {
			t.Fatalf("isChromeSep(%U) = %v", r, !want)
		}
	}
}

// TestChromeWordLength: no chrome word is longer than maxChromeWord, below
// which chromeWord looks words up.
func TestChromeWordLength(t *testing.T) {
	for w, strong := range chromeWords {
		if s, known := chromeWord(w); !known || s != strong {
			t.Errorf("chromeWord(%q) = %v, %v", w, s, known)
		}
	}
}

func TestIndexColon(t *testing.T) {
	for _, s := range append(foldSeeds, "a:b：c", "：:", "\xef\xbc:\xef\xbc\x9a", "\xe4\xb8\xef\xbc\x9a", "时间：2026-01-26 来源:", "") {
		if got, want := indexColon(s), strings.IndexAny(s, ":："); got != want {
			t.Errorf("indexColon(%q) = %d, want %d", s, got, want)
		}
	}
	lines, _ := sampleLines(t)
	for _, s := range lines {
		if got, want := indexColon(s), strings.IndexAny(s, ":："); got != want {
			t.Fatalf("indexColon(%q) = %d, want %d", s, got, want)
		}
	}
}

// isChromeLineOld is isChromeLine as it was, looking for each separator in
// the whole rest of the line.
func isChromeLineOld(s string, n int) bool {
	if n > 60 {
		return false
	}
	if n <= 30 && !strings.ContainsAny(s, "0123456789") && chromePhraseSet.In(s) {
		return true
	}
	strong := false
	for rest := s; rest != ""; {
		i := strings.IndexFunc(rest, isChromeSep)
		if i < 0 {
			i = len(rest)
		}
		if i > 0 {
			isStrong, known := chromeWords[rest[:i]]
			if !known {
				return false
			}
			strong = strong || isStrong
		}
		if i == len(rest) {
			break
		}
		_, size := utf8.DecodeRuneInString(rest[i:])
		rest = rest[i+size:]
	}
	return strong
}

func checkChromeLine(t *testing.T, s string) {
	t.Helper()
	n := utf8.RuneCountInString(s)
	_, keys := scanLine(s, len(s)+1)
	if got, want := isChromeLine(s, n, keys), isChromeLineOld(s, n); got != want {
		t.Fatalf("isChromeLine(%q) = %v, want %v", s, got, want)
	}
}

var chromeSeeds = []string{
	"登录 |  注册", "返回顶部 打印本页 关闭本页", "扫一扫在手机上打开当前页", "扫一扫在手机上打开当前页 ", "扫一扫在手机上打开当前页x",
	"扫一扫在手机上打开当前页\u3000首页", "扫一扫在手机上打开当前页首\u3000首页", "字号：大 中 小", "大 中 小", "某县交通运输局2023年政府信息公开工作年度报告",
	"扫一扫在手机上打开当前页页\u3000",
	"扫一扫在手机上打开当前页\u3000首页 打印 关闭 返回 分享 收藏 微信 微博", "扫一扫在手机上打开当前页|首页 打印 关闭 返回 分享 收藏 微信 微博",
	"扫一扫在手机上打开当前页x\u3000首页 打印 关闭 返回 分享 收藏 微信 微博", "扫一扫在手机上打开当前页页页\u3000", "首页\xff 打印", "QQ空间|微信|微博",
}

func TestChromeLineSame(t *testing.T) {
	lines, _ := sampleLines(t)
	for _, s := range append(chromeSeeds, lines...) {
		checkChromeLine(t, s)
	}
}

// cutChromeRunsOld is cutChromeRuns as it was, reading each word byte by
// byte and trimming its colons always.
func cutChromeRunsOld(s string) string {
	var b strings.Builder
	keepFrom, runStart, runWords := 0, -1, 0
	flush := func(end int) {
		if runWords >= minChromeRun {
			b.WriteString(s[keepFrom:runStart])
			keepFrom = end
		}
		runStart, runWords = -1, 0
	}
	for i := 0; i < len(s); {
		start := SkipBlanks(s, i)
		end := start
		for end < len(s) && s[end] != ' ' && s[end] != '\t' {
			end++
		}
		if start == end {
			break
		}
		word := strings.Trim(s[start:end], ":：")
		strong, known := chromeWords[word]
		switch {
		case known && strong:
			if runStart < 0 {
				runStart = start
			}
			runWords++
		case runStart >= 0 && !hasWordRune(word):
		default:
			flush(start)
		}
		i = end
	}
	flush(len(s))
	if keepFrom == 0 {
		return s
	}
	b.WriteString(s[keepFrom:])
	return b.String()
}

func TestCutChromeRunsSame(t *testing.T) {
	lines, _ := sampleLines(t)
	seeds := []string{"时间：2012-04-11 微信 微博 QQ空间 全真版 文字版 正文", "a :微信: 微博：\t：QQ空间 --> 打印 ： 正文", "微信 微博\t分享 \xff：", "：", ":"}
	for _, s := range append(seeds, lines...) {
		if got, want := cutChromeRuns(s), cutChromeRunsOld(s); got != want {
			t.Fatalf("cutChromeRuns(%q) = %q, want %q", s, got, want)
		}
	}
	all := strings.Join(lines, " ")
	if got, want := cutChromeRuns(all), cutChromeRunsOld(all); got != want {
		t.Fatal("cutChromeRuns differs on the joined samples")
	}
}

// TestChromeStarts: every chrome word starts with a rune
// mayStartChromeWord holds, and every separator is one.
func TestChromeStarts(t *testing.T) {
	for w := range chromeWords {
		if r, _ := utf8.DecodeRuneInString(w); !mayStartChromeWord(r) {
			t.Errorf("chrome word %q: mayStartChromeWord(%q) is false", w, r)
		}
	}
	for r := range rune(utf8.MaxRune + 1) {
		if isChromeSep(r) && !mayStartChromeWord(r) {
			t.Errorf("separator %q: mayStartChromeWord is false", r)
		}
	}
}

// TestCrawlerStarts: every crawler lead starts with two bytes
// isCrawlerLine lets through.
func TestCrawlerStarts(t *testing.T) {
	for _, p := range crawlerLeads {
		if !isCrawlerLine(p) {
			t.Errorf("crawler lead %q: isCrawlerLine is false", p)
		}
	}
}

// TestLabelEnds: every label ends with a rune mayEndLabel holds.
func TestLabelEnds(t *testing.T) {
	for l := range lineLabels {
		if r, _ := utf8.DecodeLastRuneInString(l); !mayEndLabel(r) {
			t.Errorf("label %q: mayEndLabel(%q) is false", l, r)
		}
	}
}

// TestFirstLastRune holds firstRune and lastRune to package utf8 on the
// sample lines and on every lead byte followed by bytes of each class.
func TestFirstLastRune(t *testing.T) {
	lines, _ := sampleLines(t)
	edges := []byte{0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xFF}
	for c := range 256 {
		for _, b1 := range edges {
			for _, b2 := range edges {
				for _, s := range []string{string([]byte{byte(c), b1, b2}), string([]byte{b1, b2, byte(c)}), string([]byte{b1, byte(c)}), string([]byte{byte(c)})} {
					lines = append(lines, s, "年"+s, s+"年")
				}
			}
		}
	}
	for _, s := range lines {
		if s == "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s); firstRune(s) != r {
			t.Fatalf("firstRune(%q) = %q, want %q", s, firstRune(s), r)
		}
		if r, _ := utf8.DecodeLastRuneInString(s); lastRune(s) != r {
			t.Fatalf("lastRune(%q) = %q, want %q", s, lastRune(s), r)
		}
	}
}

// TestChromeEnds: every strong chrome word ends with a rune
// mayEndChromeTail holds.
func TestChromeEnds(t *testing.T) {
	for w, strong := range chromeWords {
		if strong && !mayEndChromeTail(w) {
			t.Errorf("chrome word %q: mayEndChromeTail is false", w)
		}
	}
}
