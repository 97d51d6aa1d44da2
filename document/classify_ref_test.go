package document

import (
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/internal/strs"
)

// classifyLineRef is ClassifyLine as it was before its prefilters, key scan and
// bounded counts: the reference the differential tests hold it to.
func classifyLineRef(s string) (string, LineKind) {
	if rest, ok := cutBreadcrumbRef(s); ok {
		if rest == "" {
			return "", Chrome
		}
		s = rest
	}
	if len(s) > maxNoiseBytes {
		return trimChromeTail(cutChromeRuns(s)), Content
	}
	n := utf8.RuneCountInString(s)
	switch {
	case isFooterLineRef(s, n):
		return "", Footer
	case isCrawlerLine(s), isChromeLineOld(s, n):
		return "", Chrome
	}
	if n <= maxFieldLine {
		if t, changed := trimFields(s); changed {
			if !hasWordRune(t) {
				return "", Chrome
			}
			s = t
		}
	}
	return trimChromeTail(s), Content
}

func cutBreadcrumbRef(s string) (rest string, ok bool) {
	body, ok := cutCrumbLabel(s)
	if !ok {
		if !strings.HasPrefix(s, "首页") || crumbSepLen(strings.TrimLeft(s[len("首页"):], " \t")) == 0 {
			return s, false
		}
		body = s
	}
	if utf8.RuneCountInString(s) <= 150 {
		return "", true
	}
	return strings.TrimLeft(cutCrumbPath(body), " \t"), true
}

func isFooterLineRef(s string, n int) bool {
	if n > maxFooterRunes {
		return false
	}
	if footerMarkSet.In(s) {
		return true
	}
	if n > 100 {
		return false
	}
	if footerLeadSet.In(s) {
		for _, m := range footerLeads {
			if i := strings.Index(s, m); i >= 0 && followsSeparator(s, i) {
				return true
			}
		}
	}
	return strs.Index(s, "建议使用") >= 0 && (strings.Contains(s, "分辨率") || strings.Contains(s, "浏览器"))
}

// TestLineKeys: every word the keys guard holds a key of its kind, and
// scanLine counts as runeCountUpTo does.
func TestLineKeys(t *testing.T) {
	for _, c := range []struct {
		words []string
		key   lineKeys
	}{{footerMarks, markKey | copyKey}, {footerLeads, leadKey}, {chromePhrases, phraseKey}, {strings.Split("0123456789", ""), digitKey}, {[]string{"位置", "路径"}, crumbKey}, {[]string{"建议使用"}, adviceKey}} {
		for _, w := range c.words {
			if _, keys := scanLine(w, len(w)+1); keys&c.key == 0 {
				t.Errorf("%q holds no key %d", w, c.key)
			}
		}
	}
	for r := range rune(utf8.MaxRune + 2) {
		if want := strings.ContainsRune(keyChars, r); (keyOf(r) != 0) != want {
			t.Fatalf("keyOf(%q) = %d, in keyChars %v", r, keyOf(r), want)
		}
	}
	lines, _ := sampleLines(t)
	for _, s := range append(lines, "\xe7\x89\x88", "\xe7\x89", "\xc2\xa9x\xff", "\xe0\x80\x80", "\xed\xa0\x80\xed\x9f\xbf", "a\xef\xbf\xbf版") {
		for _, limit := range []int{0, 31, 201, len(s) + 1} {
			checkScanLine(t, s, limit)
		}
	}
}

// scanLineRef is scanLine ranging over s.
func scanLineRef(s string, limit int) (n int, keys lineKeys) {
	for _, r := range s {
		if n >= limit {
			break
		}
		n++
		keys |= keyOf(r)
	}
	return n, keys
}

func checkScanLine(t *testing.T, s string, limit int) {
	t.Helper()
	n, keys := scanLine(s, limit)
	wantN, wantKeys := scanLineRef(s, limit)
	if n != wantN || keys != wantKeys || n != min(utf8.RuneCountInString(s), limit) {
		t.Fatalf("scanLine(%q, %d) = %d, %d; reference %d, %d", s, limit, n, keys, wantN, wantKeys)
	}
}

func FuzzScanLine(f *testing.F) {
	for _, s := range []string{"版权所有©", "\xe0\xa0\x80\xed\x9f\xbf\xee\x80", "主办单位：某局 技术支持", "扫一扫 2024"} {
		f.Add(s, 201)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		checkScanLine(t, s, int(uint(limit)%uint(len(s)+3)))
	})
}

// BenchmarkScanLine scans the sample lines the whole-line rules look at,
// with scanLine (new) and scanLineRef.
func BenchmarkScanLine(b *testing.B) {
	lines, _ := sampleLines(b)
	var short []string
	var total int64
	for _, s := range lines {
		if len(s) <= maxNoiseBytes {
			short = append(short, s)
			total += int64(len(s))
		}
	}
	for _, bb := range []struct {
		name string
		f    func(string, int) (int, lineKeys)
	}{{"new", scanLine}, {"ref", scanLineRef}, {"new", scanLine}, {"ref", scanLineRef}} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(total)
			for b.Loop() {
				for _, s := range short {
					bb.f(s, maxFooterRunes+1)
				}
			}
		})
	}
}

// noiseProbes are lines near the noise rules' edges: every chrome and
// footer word, at the start, after a separator and inside text, at lengths
// around the rune bounds.
func noiseProbes() []string {
	var words []string
	words = append(words, footerMarks...)
	words = append(words, footerLeads...)
	words = append(words, chromePhrases...)
	words = append(words, crawlerLeads...)
	for w := range chromeWords {
		words = append(words, w)
	}
	words = append(words, "建议使用IE浏览器", "建议使用1024分辨率", "当前位置：首页 > 年报", "首页 > 政务公开", "来源: 作者:", "点击数: 12", "http://a.b/c", "==== 正文 ====")
	var lines []string
	for _, w := range words {
		for _, pad := range []int{0, 10, 27, 29, 30, 58, 60, 61, 98, 100, 101, 148, 150, 151, 198, 200, 201, 205} {
			for _, fill := range []string{"年", "a", "年a"} {
				p := strings.Repeat(fill, pad/len([]rune(fill)))
				lines = append(lines, w+p, p+w, p+" "+w, p+"|"+w, "，"+w+p, w+" "+p+" 打印 关闭")
			}
		}
	}
	return lines
}

// TestClassifyLineRef holds ClassifyLine to its reference over the sample
// lines and lines near the rules' edges.
func TestClassifyLineRef(t *testing.T) {
	lines, _ := sampleLines(t)
	for _, s := range append(lines, noiseProbes()...) {
		checkClassifyLine(t, s)
	}
}

func checkClassifyLine(t *testing.T, s string) {
	t.Helper()
	got, kind := ClassifyLine(s)
	want, wantKind := classifyLineRef(s)
	if got != want || kind != wantKind {
		t.Fatalf("ClassifyLine(%q) = %q, %d; reference %q, %d", s, got, kind, want, wantKind)
	}
}

func FuzzClassifyLine(f *testing.F) {
	for _, s := range []string{"版权所有：某某县人民政府", "主办单位：某某县政府办公室 技术支持：某公司", "当前位置：首页 > 政务公开",
		"发布日期:2012-12-31    点击数:", "扫一扫在手机打开当前页", "建议使用IE8以上浏览器", "Copyright © 2020", "某某网站标识码1234"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkClassifyLine(t, s)
	})
}

// lastWordStartRef is lastWordStart as it was, with a search for each
// blank.
func lastWordStartRef(s string) int {
	switch {
	case strings.HasSuffix(s, "】"):
		return strings.LastIndex(s, "【")
	case strings.HasSuffix(s, "]"):
		return strings.LastIndexByte(s, '[')
	}
	from := max(0, len(s)-maxTailWord)
	i := max(strings.LastIndexByte(s[from:], ' '), strings.LastIndexByte(s[from:], '\t'))
	if i < 0 {
		return -1
	}
	return from + i
}

func checkLastWordStart(t *testing.T, s string) {
	t.Helper()
	if got, want := lastWordStart(s), lastWordStartRef(s); got != want {
		t.Fatalf("lastWordStart(%q) = %d; reference %d", s, got, want)
	}
}

// TestLastWordStartRef holds lastWordStart to its reference over the
// sample lines, the noise probes and blanks at the edges of its window.
func TestLastWordStartRef(t *testing.T) {
	lines, _ := sampleLines(t)
	lines = append(lines, noiseProbes()...)
	for n := range maxTailWord + 3 {
		for _, blank := range []string{" ", "\t", " \t", "\t "} {
			lines = append(lines, strings.Repeat("a", n)+blank+strings.Repeat("b", maxTailWord+2-n), blank+strings.Repeat("年", n/3))
		}
	}
	for _, s := range append(lines, "", " ", "\t", "a】", "【a】", "[a]") {
		checkLastWordStart(t, s)
	}
}

func FuzzLastWordStart(f *testing.F) {
	for _, s := range []string{"发布日期：2013-01-05 【打印】【关闭】", "… 2014年12月10日 附件下载", "a\tb c", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkLastWordStart(t, s)
	})
}

// isCrawlerLineRef is isCrawlerLine as it was, each lead compared whole.
func isCrawlerLineRef(s string) bool {
	for _, p := range crawlerLeads {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	if strings.HasPrefix(s, "====") && strings.HasSuffix(s, "====") {
		return true
	}
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) && !strings.ContainsAny(s, " \t")
}

func checkIsCrawlerLine(t *testing.T, s string) {
	t.Helper()
	if got, want := isCrawlerLine(s), isCrawlerLineRef(s); got != want {
		t.Fatalf("isCrawlerLine(%q) = %v; reference %v", s, got, want)
	}
}

// TestIsCrawlerLineRef holds isCrawlerLine to its reference over the
// sample lines, the noise probes and every lead cut short; each lead has
// the two bytes isCrawlerLine tests first.
func TestIsCrawlerLineRef(t *testing.T) {
	lines, _ := sampleLines(t)
	lines = append(lines, noiseProbes()...)
	for _, p := range crawlerLeads {
		if len(p) < 2 {
			t.Fatalf("crawler lead %q is shorter than two bytes", p)
		}
		for n := range len(p) + 1 {
			lines = append(lines, p[:n], p[:n]+"：http://a.b/c", "x"+p[:n])
		}
	}
	for _, s := range append(lines, "", "=", "原", "http://a.b", "https://a.b c") {
		checkIsCrawlerLine(t, s)
	}
}

func FuzzIsCrawlerLine(f *testing.F) {
	for _, s := range []string{"原文链接：http://a.b/c", "本地目录", "==== 正文 ====", "http://a.b/c", "原文"} {
		f.Add(s)
	}
	f.Fuzz(checkIsCrawlerLine)
}

// trimChromeTailRef is trimChromeTail as it was, looking for the last
// word of every line.
func trimChromeTailRef(s string) string {
	for {
		i := lastWordStart(s)
		if i <= 0 {
			return s
		}
		word := strings.Trim(s[i:], " \t【】[]")
		if strong, known := chromeWord(word); !known || !strong {
			return s
		}
		s = strings.TrimRight(s[:i], " \t")
	}
}

func checkTrimChromeTail(t *testing.T, s string) {
	t.Helper()
	if got, want := trimChromeTail(s), trimChromeTailRef(s); got != want {
		t.Fatalf("trimChromeTail(%q) = %q; reference %q", s, got, want)
	}
}

// TestTrimChromeTailRef holds trimChromeTail to its reference over the
// sample lines and the noise probes, each with every chrome word after
// it, bracketed or not.
func TestTrimChromeTailRef(t *testing.T) {
	lines, _ := sampleLines(t)
	lines = append(lines, noiseProbes()...)
	for w := range chromeWords {
		for _, s := range []string{"发布日期：2013-01-05", "年度报告", "", "a"} {
			lines = append(lines, s+" "+w, s+"【"+w+"】", s+"["+w+"]", s+" "+w+" ", s+"\t"+w+"\t", s+w, s+" 【"+w+"】【关闭】", s+" "+w+"\xff")
		}
	}
	for _, s := range lines {
		checkTrimChromeTail(t, s)
	}
}

func FuzzTrimChromeTail(f *testing.F) {
	for _, s := range []string{"发布日期：2013-01-05 【打印】【关闭】", "… 2014年12月10日 附件下载", "予以返回", "x [打印] ", "a\t关闭\xe5"} {
		f.Add(s)
	}
	f.Fuzz(checkTrimChromeTail)
}

// labelBeforeRef is labelBefore as it was, looking up every rune before
// every colon.
func labelBeforeRef(s string, colon int) (start int, label lineLabel, ok bool) {
	end := len(strings.TrimRight(s[:colon], " \t"))
	i := end
	for n := 0; n < maxLabelRunes && i > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if l, known := lineLabels[s[i:end]]; known && (l.glued || !precededByHan(s, i)) {
			start, label, ok = i, l, true
		}
	}
	return start, label, ok
}

func checkLabelBefore(t *testing.T, s string) {
	t.Helper()
	for colon := range len(s) + 1 {
		start, label, ok := labelBefore(s, colon)
		ws, wl, wok := labelBeforeRef(s, colon)
		if start != ws || label != wl || ok != wok {
			t.Fatalf("labelBefore(%q, %d) = %d, %v, %v; reference %d, %v, %v", s, colon, start, label, ok, ws, wl, wok)
		}
	}
}

// TestLabelBeforeRef holds labelBefore to its reference at every place
// of the sample lines and of every label in its contexts.
func TestLabelBeforeRef(t *testing.T) {
	lines, _ := sampleLines(t)
	for l := range lineLabels {
		lines = append(lines, l+"：", "西四镇"+l+":", "a "+l+" \t:", "\xff"+l, l[1:]+"：")
	}
	for _, s := range lines {
		if len(s) <= 2*maxNoiseBytes {
			checkLabelBefore(t, s)
		}
	}
}

func FuzzLabelBefore(f *testing.F) {
	for _, s := range []string{"发布日期:2012-12-31    点击数:", "时间:2026-01-26 09:42来源:海城市西四镇作者: 点击:", "网站点击：", "字号：大 中 小"} {
		f.Add(s)
	}
	f.Fuzz(checkLabelBefore)
}
