package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"xxgk/internal/strs"
	"xxgk/zh"
)

// NormalizeSpaces maps the odd spaces (no-break, ideographic and
// typographic: zh.IsOddSpace) to ' ' and removes zero-width characters
// (zh.IsZeroWidth), keeping tabs and runs of spaces (they separate the
// cells of text tables). Lines without such characters, the common case,
// are returned unchanged.
func NormalizeSpaces(s string) string {
	t, _ := NormalizeSpacesFold(s)
	return t
}

// NormalizeSpacesFold is NormalizeSpaces, and reports too whether s may
// hold a character zh.FoldHan changes (zh.IndexSpecialSpaceFold): false
// only when it holds none. A reader learns so, in the pass NormalizeSpaces
// makes over every line, that its document is Simplified.
func NormalizeSpacesFold(s string) (string, bool) {
	at, size, fold := zh.IndexSpecialSpaceFold(s)
	if at < 0 {
		return s, fold
	}
	t, fold, _ := replaceSpecialSpaces(s, at, size, fold)
	return t, fold
}

// replaceSpecialSpaces is NormalizeSpacesFold of s whose first special
// character is the size bytes at at, before which zh.IndexSpecialSpaceFold
// found a character to fold if fold. It reports too the flaw of s, which
// it learns on its way.
func replaceSpecialSpaces(s string, at, size int, fold bool) (t string, _ bool, flaw TextFlaw) {
	if !validUTF8(s) {
		return normalizeSpaceRunes(s), true, Invalid // an invalid byte becomes U+FFFD, as there
	}
	// The text between special characters is copied a run at a time (a
	// Chinese paragraph indented by U+3000 has one special character).
	var b strings.Builder
	b.Grow(len(s))
	for at >= 0 {
		b.WriteString(s[:at])
		if r, _ := utf8.DecodeRuneInString(s[at:]); !zh.IsZeroWidth(r) {
			b.WriteByte(' ')
		} else {
			flaw = ZeroWidth
		}
		s = s[at+size:]
		var more bool
		at, size, more = zh.IndexSpecialSpaceFold(s)
		fold = fold || more
	}
	b.WriteString(s)
	return b.String(), fold, flaw
}

// normalizeSpaceRunes is NormalizeSpaces rune by rune, for invalid UTF-8.
func normalizeSpaceRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case zh.IsZeroWidth(r):
		case zh.IsOddSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// LineKind says whether a block is report content or page noise.
type LineKind uint8

const (
	Content LineKind = iota
	Chrome           // menus, toolbars, breadcrumbs, crawler header lines
	Footer           // copyright, ICP licence, site identifiers: the page ends here
)

// Candidate is a block before the page-level rules decided to keep it.
type Candidate struct {
	Block
	Kind LineKind
}

// FinishBlocks drops noise blocks, and everything after the footer that
// closes the page.
func FinishBlocks(cands []Candidate) []Block {
	end := footerStart(len(cands), func(i int) (LineKind, *Block) { return cands[i].Kind, &cands[i].Block })
	blocks := make([]Block, 0, end)
	for _, c := range cands[:end] {
		if c.Kind == Content {
			blocks = append(blocks, c.Block)
		}
	}
	return blocks
}

// FinishLines is FinishBlocks for blocks whose kinds are held apart
// (kinds[i] is that of blocks[i]). It keeps the blocks in blocks' own
// memory: page text has a block per line, and candidates copied into
// blocks were twice the memory of the blocks.
func FinishLines(blocks []Block, kinds []LineKind) []Block {
	end := footerStart(len(blocks), func(i int) (LineKind, *Block) { return kinds[i], &blocks[i] })
	kept := blocks[:0]
	for i := range blocks[:end] {
		if kinds[i] == Content {
			kept = append(kept, blocks[i])
		}
	}
	clear(blocks[len(kept):]) // the noise's texts are not kept alive
	return kept
}

// footerStart finds where the page's closing chrome begins: the tail of the
// page made only of noise and of short lines without digits (widget labels,
// link texts), from its first noise line on. The tail must hold a footer
// line or at least two noise lines, so one stray toolbar line in the middle
// of a report never cuts the text after it. The page has n blocks; block
// gives the kind and block of each.
func footerStart(n int, block func(i int) (LineKind, *Block)) int {
	tail := n
	for tail > 0 && isTrailingFiller(block(tail-1)) {
		tail--
	}
	start, evidence := -1, 0
	for i := tail; i < n; i++ {
		switch kind, _ := block(i); kind {
		case Footer:
			evidence += 2
		case Chrome:
			evidence++
		default:
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start < 0 || evidence < 2 {
		return n
	}
	return start
}

func isTrailingFiller(kind LineKind, b *Block) bool {
	if kind != Content {
		return true
	}
	return b.Table == nil && isMinorLine(b.Text)
}

// isMinorLine reports a short line without digits, sentence end or field
// colon: after the footer such lines are widget and link labels, while
// data, sentences and "label: value" metadata stop the footer's tail.
func isMinorLine(s string) bool {
	if len(s) > 60 || strings.ContainsAny(s, "0123456789０１２３４５６７８９。：:") {
		return false
	}
	return utf8.RuneCountInString(s) <= 20
}

// maxNoiseBytes bounds the lines the whole-line noise rules look at: chrome
// lines are short, and long lines are report text (or a crawler's whole body
// on one line, which only gets its edges trimmed).
const maxNoiseBytes = 600

// ClassifyLine returns the line with partial noise trimmed and its kind. A
// line of kind chrome or footer is dropped by finishBlocks.
func ClassifyLine(s string) (string, LineKind) {
	return classifyLine(s, -1, 0)
}

// classifyLine is ClassifyLine of s that has n runes and the keys keys
// (scanLine of all of s), or of s not scanned yet when n < 0.
func classifyLine(s string, n int, keys lineKeys) (string, LineKind) {
	// A breadcrumb has a label (位置, 路径) or starts with 首页: a line
	// whose keys are known and hold no crumbKey has no label.
	if n < 0 || keys&crumbKey != 0 || strings.HasPrefix(s, "首页") {
		if rest, ok := cutBreadcrumb(s); ok {
			if rest == "" {
				return "", Chrome
			}
			s, n = rest, -1
		}
	}
	if len(s) > maxNoiseBytes {
		return trimChromeTail(cutChromeRuns(s)), Content
	}
	if n < 0 {
		// No rule tells lengths above maxFooterRunes apart, nor looks
		// at the keys of such a line.
		n, keys = scanLine(s, maxFooterRunes+1)
	}
	switch {
	case isFooterLine(s, n, keys):
		return "", Footer
	case isCrawlerLine(s), isChromeLine(s, n, keys):
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

// chromeWords are the words site toolbars, menus and share widgets are made
// of. A short line made only of them (and separators) is chrome. Words
// marked false ("大", "中", "小" of a font-size switch) count only next to
// a true one, so a table cell "中" is never taken for chrome.
var chromeWords = map[string]bool{
	"登录": true, "登陆": true, "注册": true, "注销": true, "退出": true, "用户登录": true,
	"首页": true, "网站首页": true, "返回首页": true, "主页": true,
	"打印": true, "打印本页": true, "打印此页": true, "打印文章": true, "打印页面": true, "打印正文": true,
	"关闭": true, "关闭本页": true, "关闭窗口": true, "关闭页面": true, "关闭此页": true,
	"返回": true, "返回顶部": true, "回到顶部": true, "顶部": true, "返回列表": true, "返回上页": true, "返回上一页": true,
	"分享": true, "分享到": true, "一键分享": true, "收藏": true, "加入收藏": true, "收藏本页": true, "收藏本站": true, "设为首页": true,
	"字号": true, "字体": true, "字体大小": true, "字号大小": true, "视力保护色": true, "护眼模式": true,
	"网站地图": true, "站点地图": true, "联系我们": true, "关于我们": true, "法律声明": true, "免责声明": true,
	"隐私政策": true, "隐私声明": true, "网站声明": true, "网站统计": true, "后台管理": true, "使用帮助": true,
	"帮助中心": true, "意见建议": true, "网站纠错": true, "纠错": true, "我要纠错": true,
	"无障碍": true, "无障碍浏览": true, "长者模式": true, "关怀版": true, "适老化": true,
	"繁体": true, "繁體": true, "简体": true, "繁体版": true, "简体版": true, "English": true, "移动版": true, "手机版": true,
	"微信": true, "微博": true, "新浪微博": true, "腾讯微博": true, "QQ空间": true, "QQ好友": true, "人人网": true, "豆瓣": true,
	"扫一扫": true, "扫一扫在手机打开当前页": true, "扫一扫在手机上打开当前页": true, "手机扫一扫": true,
	"保存": true, "保存本页": true, "上一篇": true, "下一篇": true, "上一条": true, "下一条": true,
	"附件下载": true, "文件下载": true, "相关链接": true, "全真版": true, "文字版": true, "图文版": true, "纯文本版": true,
	"大": false, "中": false, "小": false, "默认": false, "标准": false, "超大": false, "较大": false,
	"T": false, "A": false, "A+": false, "A-": false,
}

// maxChromeWord is the length in bytes of the longest of chromeWords: a
// longer word is none of them, and is not looked up.
var maxChromeWord = func() (n int) {
	for w := range chromeWords {
		n = max(n, len(w))
	}
	return n
}()

// chromeWord looks w up in chromeWords.
func chromeWord(w string) (strong, known bool) {
	if len(w) > maxChromeWord {
		return false, false
	}
	strong, known = chromeWords[w]
	return strong, known
}

// chromeStarts holds the first rune of every chrome word, and every
// separator (isChromeSep).
var chromeStarts = func() (b runeBloom) {
	for w := range chromeWords {
		r, _ := utf8.DecodeRuneInString(w)
		b.add(r)
	}
	for c, sep := range asciiChromeSep {
		if sep {
			b.add(rune(c))
		}
	}
	for _, r := range chromeSeps {
		b.add(r)
	}
	for _, rg := range unicode.White_Space.R16 { // zh.IsSpace
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			b.add(r)
		}
	}
	for _, rg := range unicode.White_Space.R32 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			b.add(r)
		}
	}
	return b
}()

// mayStartChromeWord reports whether r may start a chrome word or be a
// separator: false only when it does neither.
func mayStartChromeWord(r rune) bool { return chromeStarts.mayHold(r) }

// firstRune is the first rune of s, as ranging over it reads it.
func firstRune(s string) rune {
	c := s[0]
	switch {
	case c < utf8.RuneSelf:
		return rune(c)
	// A character of three bytes whose lead takes any continuation
	// bytes, in fewer steps than DecodeRuneInString's.
	case len(s) >= 3 && c >= 0xE1 && c <= 0xEF && c != 0xED && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80:
		return rune(c&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// chromePhrases mark a short line as chrome wherever they stand in it.
var chromePhrases = []string{
	"扫一扫", "打开当前页", "返回顶部", "打印本页", "关闭本页", "关闭窗口", "分享到",
	"加入收藏", "设为首页", "【打印】", "【关闭】", "[打印]", "[关闭]", "视力保护色",
}

var chromePhraseSet = strs.NewSet(chromePhrases...)

// isChromeLine reports a short line made of chrome words and separators, or
// holding a phrase only toolbars use.
func isChromeLine(s string, n int, keys lineKeys) bool {
	if n > 60 {
		return false
	}
	if n <= 30 && keys&digitKey == 0 && keys&phraseKey != 0 && chromePhraseSet.In(s) { // a date with a toolbar is trimmed instead
		return true
	}
	strong := false
	for rest := s; rest != ""; {
		// A word that starts with no chrome word's first rune is none:
		// most lines are told so here, before the end of their first
		// word is looked for.
		if !mayStartChromeWord(firstRune(rest)) {
			return false
		}
		// A word longer than any chrome word ends the test, wherever it
		// ends: a separator is looked for no further than one could end
		// such a word.
		w := rest[:min(len(rest), maxChromeWord+utf8.UTFMax+1)]
		i := strings.IndexFunc(w, isChromeSep)
		if i < 0 {
			if len(w) < len(rest) {
				return false
			}
			i = len(rest)
		}
		if i > 0 {
			isStrong, known := chromeWord(rest[:i])
			if !known {
				return false // most lines stop at their first word
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

// isChromeSep reports the separators toolbar and menu words come between.
func isChromeSep(r rune) bool {
	if r < 0x80 {
		return asciiChromeSep[r]
	}
	switch r {
	case '｜', '、', '，', '：', '；', '·', '•', '【', '】', '（', '）', '《', '》', '〈', '〉', '「', '」', '—', '»', '›', '«', '‹', '丨':
		return true
	}
	return zh.IsSpace(r)
}

// chromeSeps are the separators isChromeSep's switch holds.
const chromeSeps = "｜、，：；·•【】（）《》〈〉「」—»›«‹丨"

var asciiChromeSep = func() (t [0x80]bool) {
	for _, c := range " \t\n\v\f\r|/,:;[]()<>-_=*#~" {
		t[c] = true
	}
	return t
}()

// footerMarks make any line up to maxFooterRunes a footer line.
var footerMarks = []string{
	"版权所有", "版权归", "Copyright", "COPYRIGHT", "copyright", "©",
	"ICP备", "ICP证", "icp备", "公网安备", "网站标识码", "网站识别码", "政府网站标识",
}

// footerLeads make a short line a footer line when they start it or follow a
// separator; inside a sentence they may be report text.
var footerLeads = []string{"主办单位", "主办：", "主办:", "承办单位", "承办：", "承办:", "协办单位", "技术支持", "技术服务", "网站维护", "维护单位", "运维单位"}

var footerMarkSet, footerLeadSet = strs.NewSet(footerMarks...), strs.NewSet(footerLeads...)

// copyMarks are the footerMarks that hold no markKey (they hold a copyKey):
// Copyright, ICP证.
var copyMarks = func() (marks []string) {
	for _, m := range footerMarks {
		if _, keys := scanLine(m, len(m)+1); keys&markKey == 0 {
			marks = append(marks, m)
		}
	}
	return marks
}()

const maxFooterRunes = 200

// isFooterLine reports a footer line; keys are its keys (scanLine).
func isFooterLine(s string, n int, keys lineKeys) bool {
	if n > maxFooterRunes {
		return false
	}
	switch {
	case keys&markKey != 0:
		if footerMarkSet.In(s) {
			return true
		}
	case keys&copyKey != 0:
		// Without a markKey, only a mark in Latin letters can be there.
		for _, m := range copyMarks {
			if strings.Contains(s, m) {
				return true
			}
		}
	}
	if n > 100 {
		return false
	}
	// Most lines hold no lead at all: one pass tells, before each lead's
	// first place is looked at.
	if keys&leadKey != 0 && footerLeadSet.In(s) {
		for _, m := range footerLeads {
			if i := strings.Index(s, m); i >= 0 && followsSeparator(s, i) {
				return true
			}
		}
	}
	return keys&adviceKey != 0 && strs.Index(s, "建议使用") >= 0 && (strings.Contains(s, "分辨率") || strings.Contains(s, "浏览器"))
}

// followsSeparator reports whether s[i:] starts the line or follows white
// space or a bar, the way footer items are laid out; after a comma it is a
// sentence.
func followsSeparator(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return zh.IsSpace(r) || r == '|' || r == '｜' || r == '丨'
}

// crawlerLeads start the technical lines of a crawler's header; the
// metadata lines (标题, 发布时间, 发布机构) are kept.
var crawlerLeads = []string{"原文链接", "原文地址", "原文网址", "本地目录", "页面链接与图片详见"}

func isCrawlerLine(s string) bool {
	// Every rule wants one of a few first two bytes: those of a lead
	// (原 本 页), "==" or "ht" (TestCrawlerStarts).
	if len(s) < 2 {
		return false
	}
	switch uint16(s[0])<<8 | uint16(s[1]) {
	case 0xE58E, 0xE69C, 0xE9A1, '='<<8 | '=', 'h'<<8 | 't':
	default:
		return false
	}
	for _, p := range crawlerLeads {
		// Every line passes here: the first two bytes of a lead (each
		// lead has more) rule out most lines before a call compares it.
		if len(s) >= len(p) && s[0] == p[0] && s[1] == p[1] && s[:len(p)] == p {
			return true
		}
	}
	// "==== 正文 ====" banners; "----" and "|" lines may be table rules and stay.
	if strings.HasPrefix(s, "====") && strings.HasSuffix(s, "====") {
		return true
	}
	// A bare address is a link, not text.
	if (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) && !strings.ContainsAny(s, " \t") {
		return true
	}
	return false
}

// crumbSeps separate the steps of a breadcrumb.
var crumbSeps = []string{">", "＞", "»", "›", "→", "->", "/"}

// cutBreadcrumb recognises a breadcrumb ("您当前所在位置: 首页 > 政府信息公开年报",
// "首页 > 政务公开 > …") at the start of s. A short line is all breadcrumb
// (rest ""); from a long one, a crawler's whole page on one line, only the
// label and the crumb path are cut, so the title and text after it stay.
func cutBreadcrumb(s string) (rest string, ok bool) {
	body, ok := cutCrumbLabel(s)
	if !ok {
		if !strings.HasPrefix(s, "首页") || crumbSepLen(strings.TrimLeft(s[len("首页"):], " \t")) == 0 {
			return s, false
		}
		body = s
	}
	if runeCountUpTo(s, 151) <= 150 {
		return "", true
	}
	return strings.TrimLeft(cutCrumbPath(body), " \t"), true
}

// cutCrumbLabel strips "当前位置：" and its variants (您当前所在位置, 您现在的位置,
// 当前路径 …): "位置" or "路径" after at most six runes of lead that speaks to
// the reader, followed by a colon.
func cutCrumbLabel(s string) (string, bool) {
	head := s[:min(len(s), 40)]
	for _, key := range []string{"位置", "路径"} {
		i := strings.Index(head, key)
		if i < 0 || utf8.RuneCountInString(s[:i]) > 6 || !crumbLead(s[:i]) {
			continue
		}
		rest := strings.TrimLeft(s[i+len(key):], " \t")
		for _, colon := range []string{":", "："} {
			if strings.HasPrefix(rest, colon) {
				return strings.TrimLeft(rest[len(colon):], " \t"), true
			}
		}
	}
	return s, false
}

// crumbLead accepts what stands before "位置" in a breadcrumb label: nothing,
// an icon, or words like 您当前所在, 当前, 现在的.
func crumbLead(lead string) bool {
	lead = strings.TrimLeftFunc(lead, func(r rune) bool { return !zh.IsHan(r) })
	if lead == "" {
		return true
	}
	for _, w := range []string{"当前", "现在", "所在", "您", "你"} {
		if strings.Contains(lead, w) {
			return true
		}
	}
	return false
}

// cutCrumbPath cuts the crumb path from the start of a long line. A path
// with separators ("首页 > 年报 > 标题 …") is cut through its last separator,
// so the last step, the page title, stays; a glued path ("首页政务公开…年报 标题")
// loses its first word.
func cutCrumbPath(s string) string {
	if !strings.HasPrefix(s, "首页") {
		return s
	}
	end := 0
	for p := len("首页"); ; {
		q := SkipBlanks(s, p)
		n := crumbSepLen(s[q:])
		if n == 0 {
			break
		}
		q = SkipBlanks(s, q+n)
		end = q
		// The step runs to the next separator or blank.
		for p = q; p < len(s) && p-q < 90 && s[p] != ' ' && s[p] != '\t' && crumbSepLen(s[p:]) == 0; p++ {
		}
	}
	if end > 0 {
		return s[end:]
	}
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return s[i:]
	}
	return s
}

func SkipBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func crumbSepLen(s string) int {
	for _, sep := range crumbSeps {
		if strings.HasPrefix(s, sep) {
			return len(sep)
		}
	}
	return 0
}

// minChromeRun is the number of chrome words in a row that a long line
// loses ("… 时间：2012-04-11 微信 微博 QQ空间 全真版 文字版 …"); one or two such
// words may be text.
const minChromeRun = 3

// cutChromeRuns removes runs of blank-separated chrome words (with the
// punctuation-only words among them, such as a stray "-->") from a long
// line, a crawler's whole page on one line.
func cutChromeRuns(s string) string {
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
		end := start + indexBlank(s[start:])
		if start == end {
			break
		}
		word := s[start:end]
		if hasColonEdge(word) { // else Trim would return it as it is
			word = strings.Trim(word, ":：")
		}
		strong, known := chromeWord(word)
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

// indexBlank returns the index of the first space or tab in s, or len(s).
func indexBlank(s string) int {
	i := strings.IndexByte(s, ' ')
	if i < 0 {
		i = len(s)
	}
	if j := strings.IndexByte(s[:i], '\t'); j >= 0 {
		return j
	}
	return i
}

// hasColonEdge reports whether s starts or ends with : or ：.
func hasColonEdge(s string) bool {
	return strings.HasPrefix(s, ":") || strings.HasSuffix(s, ":") ||
		strings.HasPrefix(s, "：") || strings.HasSuffix(s, "：")
}

// trimChromeTail strips toolbar words that trail a line after white space or
// inside brackets ("… 2014年12月10日 附件下载", "发布日期：2013-01-05 【打印】【关闭】").
// A word glued to the text before it ("予以返回") is text and stays.
func trimChromeTail(s string) string {
	for {
		if !mayEndChromeTail(s) {
			return s // most lines
		}
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

// mayEndChromeTail reports whether s may end with a strong chrome word,
// bracketed or not, or with white space: false only when its last rune
// is none of the brackets and blanks trimChromeTail trims and ends no
// strong chrome word (chromeEnds).
func mayEndChromeTail(s string) bool {
	if s == "" {
		return false
	}
	r := lastRune(s)
	switch r {
	case ' ', '\t', '[', ']', '【', '】':
		return true
	}
	return chromeEnds.mayHold(r)
}

// chromeEnds holds the last rune of every strong chrome word.
var chromeEnds = func() (b runeBloom) {
	for w, strong := range chromeWords {
		if strong {
			r, _ := utf8.DecodeLastRuneInString(w)
			b.add(r)
		}
	}
	return b
}()

// runeBloom is a Bloom filter of runes, for the first and last runes of
// words: a rune it does not hold is none of them. It has 1024 bits: in
// 256, the digits and the 。 that end most lines collided with the ends
// of chrome words.
type runeBloom [16]uint64

func (b *runeBloom) add(r rune) {
	i, bit := runeBloomBit(r)
	b[i] |= bit
}

// mayHold reports whether r may have been added: false only when it was
// not.
func (b *runeBloom) mayHold(r rune) bool {
	i, bit := runeBloomBit(r)
	return b[i]&bit != 0
}

// runeBloomBit is the word and the bit of r in a runeBloom.
func runeBloomBit(r rune) (int, uint64) {
	h := uint32(r) * 0x9E3779B1 >> 22
	return int(h / 64), 1 << (h % 64)
}

// lastWordStart returns where the last blank-separated or bracketed word of
// s starts, or -1.
func lastWordStart(s string) int {
	switch {
	case strings.HasSuffix(s, "】"):
		return strings.LastIndex(s, "【")
	case strings.HasSuffix(s, "]"):
		return strings.LastIndexByte(s, '[')
	}
	// Toolbar words are short: look at the end of the line only, for the
	// last blank of either kind in one pass. Most bytes are above both.
	from := max(0, len(s)-maxTailWord)
	for i := len(s) - 1; i >= from; i-- {
		if c := s[i]; c <= ' ' && (c == ' ' || c == '\t') {
			return i
		}
	}
	return -1
}

const maxTailWord = 48 // bytes

// hasWordRune reports whether s holds a letter or digit: a trimmed line of
// only brackets and colons ("【】") is chrome.
func hasWordRune(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Page metadata lines carry empty or counter fields next to the data worth
// keeping ("发布日期:2012-12-31    点击数:", "时间:2026-01-26 09:42来源:海城市西四镇作者: 点击:").
// trimFields removes those fields and keeps the rest verbatim.

const maxFieldLine = 100 // runes; metadata lines are short

type lineFieldKind uint8

const (
	fieldEmpty   lineFieldKind = iota + 1 // noise when its value is empty: 来源:, 作者:
	fieldCounter                          // noise when empty or a bare count: 点击数: 123
	fieldChrome                           // always a widget: 字号: 大 中 小
)

type lineLabel struct {
	kind lineFieldKind
	// glued labels are recognised right after a Han character ("西四镇作者:");
	// others need a boundary, since "网站点击：" is not a 点击 field.
	glued bool
}

var lineLabels = map[string]lineLabel{
	"来源": {fieldEmpty, false}, "信息来源": {fieldEmpty, true}, "文章来源": {fieldEmpty, true}, "稿件来源": {fieldEmpty, true},
	"作者": {fieldEmpty, true}, "撰稿": {fieldEmpty, true}, "撰稿人": {fieldEmpty, true}, "校对": {fieldEmpty, true},
	"编辑": {fieldEmpty, false}, "责任编辑": {fieldEmpty, true}, "责编": {fieldEmpty, true}, "审核": {fieldEmpty, false},
	"审稿": {fieldEmpty, true}, "签发": {fieldEmpty, false}, "一审": {fieldEmpty, true}, "二审": {fieldEmpty, true},
	"三审": {fieldEmpty, true}, "初审": {fieldEmpty, false}, "复审": {fieldEmpty, false}, "终审": {fieldEmpty, false},
	"关联稿件": {fieldEmpty, true}, "相关稿件": {fieldEmpty, true}, "标签": {fieldEmpty, false}, "关键词": {fieldEmpty, false},
	"关键字": {fieldEmpty, false}, "发布人": {fieldEmpty, true}, "录入": {fieldEmpty, false}, "录入人": {fieldEmpty, true},
	"文号":  {fieldEmpty, false},
	"点击数": {fieldCounter, true}, "点击次数": {fieldCounter, true}, "点击量": {fieldCounter, true}, "点击率": {fieldCounter, true},
	"点击": {fieldCounter, false}, "阅读次数": {fieldCounter, true}, "阅读数": {fieldCounter, true}, "阅读量": {fieldCounter, true},
	"阅读": {fieldCounter, false}, "浏览次数": {fieldCounter, true}, "浏览数": {fieldCounter, true}, "浏览量": {fieldCounter, true},
	"浏览": {fieldCounter, false}, "访问量": {fieldCounter, true}, "访问次数": {fieldCounter, true}, "访问数": {fieldCounter, false},
	"访问": {fieldCounter, false}, "查看次数": {fieldCounter, true}, "人气": {fieldCounter, false},
	"字号": {fieldChrome, true}, "字体": {fieldChrome, true}, "字体大小": {fieldChrome, true}, "分享到": {fieldChrome, true},
	"分享": {fieldChrome, false},
}

const maxLabelRunes = 4

// field is one "label: value" found in a line: s[start:end] is the field up
// to the next label, value its trimmed value.
type lineField struct {
	start, end int
	label      lineLabel
	value      string
}

// trimFields drops the noise fields of a metadata line; changed reports
// whether it dropped anything.
func trimFields(s string) (out string, changed bool) {
	if indexColon(s) < 0 {
		return s, false
	}
	fields := findFields(s)
	if len(fields) == 0 {
		return s, false
	}
	var b strings.Builder
	b.WriteString(s[:fields[0].start])
	for _, f := range fields {
		if f.isNoise() {
			changed = true
			continue
		}
		b.WriteString(s[f.start:f.end])
	}
	if !changed {
		return s, false
	}
	return strings.TrimSpace(b.String()), true
}

// indexColon is strings.IndexAny(s, ":："), without decoding s: "：" is
// found where its bytes stand, which is where a character starts however
// the bytes before it read.
func indexColon(s string) int {
	i := strings.IndexByte(s, ':')
	lim := len(s)
	if i >= 0 {
		lim = i // a "：" counts only before it
	}
	if j := strs.Index(s[:lim], "："); j >= 0 {
		return j
	}
	return i
}

// findFields locates the known labels that stand before a colon; each
// field's value runs to the next label.
func findFields(s string) []lineField {
	var fields []lineField
	var valueStarts []int
	for i := 0; i < len(s); {
		j := indexColon(s[i:])
		if j < 0 {
			break
		}
		colon := i + j
		_, size := utf8.DecodeRuneInString(s[colon:])
		if start, label, ok := labelBefore(s, colon); ok && (len(fields) == 0 || start >= valueStarts[len(valueStarts)-1]) {
			fields = append(fields, lineField{start: start, label: label})
			valueStarts = append(valueStarts, colon+size)
		}
		i = colon + size
	}
	for k := range fields {
		fields[k].end = len(s)
		if k+1 < len(fields) {
			fields[k].end = fields[k+1].start
		}
		fields[k].value = strings.TrimSpace(s[valueStarts[k]:fields[k].end])
	}
	return fields
}

// labelBefore finds the longest known label ending (before optional spaces)
// at colon, and reports where it starts.
func labelBefore(s string, colon int) (start int, label lineLabel, ok bool) {
	end := len(strings.TrimRight(s[:colon], " \t"))
	// Every label ends with one of a few runes: most colons follow none.
	if end == 0 || !mayEndLabel(lastRune(s[:end])) {
		return 0, lineLabel{}, false
	}
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

// labelEnds holds the last rune of every label of lineLabels.
var labelEnds = func() (b runeBloom) {
	for l := range lineLabels {
		r, _ := utf8.DecodeLastRuneInString(l)
		b.add(r)
	}
	return b
}()

// mayEndLabel reports whether a label of lineLabels may end with r:
// false only when none does.
func mayEndLabel(r rune) bool { return labelEnds.mayHold(r) }

// lastRune is the last rune of s, as utf8.DecodeLastRuneInString reads it.
func lastRune(s string) rune {
	n := len(s)
	r := rune(s[n-1])
	switch {
	case r < utf8.RuneSelf:
		return r
	// A character of three bytes whose lead takes any continuation
	// bytes, in fewer steps than DecodeLastRuneInString's.
	case n >= 3 && s[n-3] >= 0xE1 && s[n-3] <= 0xEF && s[n-3] != 0xED && s[n-2]&0xC0 == 0x80 && r&0xC0 == 0x80:
		return rune(s[n-3]&0x0F)<<12 | rune(s[n-2]&0x3F)<<6 | r&0x3F
	}
	r, _ = utf8.DecodeLastRuneInString(s)
	return r
}

func precededByHan(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && zh.IsHan(r)
}

func (f lineField) isNoise() bool {
	v := strings.Trim(f.value, " \t[]【】()（）")
	switch f.label.kind {
	case fieldEmpty:
		return v == ""
	case fieldCounter:
		return isBareCount(v)
	case fieldChrome:
		return utf8.RuneCountInString(v) <= 12
	}
	return false
}

// isBareCount reports an empty value or a hit count such as "123", "123次".
func isBareCount(v string) bool {
	v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(v, "次"), "人"))
	for _, r := range v {
		if !(r >= '0' && r <= '9' || r >= '０' && r <= '９' || r == ',') {
			return false
		}
	}
	return true
}
