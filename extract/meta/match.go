package meta

import (
	"strings"
	"unicode/utf8"

	"xxgk/internal/strs"
	"xxgk/zh"
)

// The matchers below find exactly what three regular expressions found
// (kept in the tests, which compare them on fuzzed text): the leftmost
// first matches, not overlapping, with the same group. They ran with
// backtracking over every position of the head and tail paragraphs, a
// tenth of reading a page's text; the matchers look only near the literal
// every match holds.
//
//	bodyGovRe   (?:^|[，。；：、,;:\s（(“])([^\P{Han}使把将对在我本全各该请与向由按据经][\p{Han}]{1,13}?(?:人民政府|街道办事处))
//	bodyPlaceRe (?:^|[，。；：、,;:\s（(“《]|使|推动|促进)([^\P{Han}使把将对在我本全各该请与向由按据经][\p{Han}]{1,9}?(?:省|市|区|县|旗|州|镇|乡|街道))(?:人民政府|政府)?(?:政务公开|政府信息公开)
//	selfRefRe   (?:现将|现公布|公布|公开|编制|汇总|发布|形成)([^。；，,：:]{0,40}?(?:年度报告|年报|报告如下|函告如下|工作报告|情况报告))
//
// Go's regexp reads a byte of invalid UTF-8 as U+FFFD of width one, as
// utf8.DecodeRuneInString does, so the matchers step through text the
// same way.

// match is one match: text[start:end], its group text[g0:g1].
type match struct{ start, end, g0, g1 int }

// bodyGovReach bounds how far before its 人民政府 or 街道办事处 a bodyGov
// match starts: a separator (3 bytes at most) and 14 Han characters (4 bytes
// at most each).
const bodyGovReach = 3 + 14*4

// bodyPlaceReach bounds how far before its 政务公开 or 政府信息公开 a
// bodyPlace match starts: 推动 (6 bytes), 10 Han characters, 街道 and
// 人民政府.
const bodyPlaceReach = 6 + 10*4 + 6 + 12

// bodyGovMatches appends the matches of bodyGovRe in t to out.
func bodyGovMatches(t string, out []match) []match {
	return bodyMatches(t, out, govWords[0], govWords[1], bodyGovReach, bodyGovAt, nil)
}

// bodyPlaceMatches appends the matches of bodyPlaceRe in t to out.
func bodyPlaceMatches(t string, out []match) []match {
	return bodyMatches(t, out, disclosureWords[0], disclosureWords[1], bodyPlaceReach, bodyPlaceAt, placeBefore)
}

// placeBefore reports whether the text before q, where 政务公开 or
// 政府信息公开 stands, may end a bodyPlaceRe match's group and the
// optional part after it: a place suffix (省, 市, 区, 县, 旗, 州, 镇, 乡 or
// 街道, which ends with 道), alone or followed by 人民政府 or 政府. Most of
// the words stand after no place (做好政务公开, 推进政府信息公开), and no
// match ends with them.
func placeBefore(t string, q int) bool {
	p := t[:q]
	switch {
	case endsWithPlace(p):
		return true
	case strings.HasSuffix(p, "人民政府"):
		return endsWithPlace(p[:len(p)-len("人民政府")])
	case strings.HasSuffix(p, "政府"):
		return endsWithPlace(p[:len(p)-len("政府")])
	}
	return false
}

// endsWithPlace reports whether s ends with the last character of a place
// suffix. (A character whose bytes end s is read so however the text
// before it is read: its lead byte is no continuation byte.)
func endsWithPlace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '省', '市', '区', '县', '旗', '州', '镇', '乡', '道':
		return true
	}
	return false
}

// bodyMatches finds the matches of a body pattern whose every match holds
// lit1 or lit2 within reach bytes of its start: the first place such a
// word stands after the search start bounds where the next match may
// start, and at reports whether one starts at s. Where ends is not nil,
// only a word at a place q where ends(t, q) holds may end a match, and
// the others are passed over: the bounds hold for the first of those.
func bodyMatches(t string, out []match, lit1, lit2 word, reach int, at func(t string, s int) (match, bool), ends func(t string, q int) bool) []match {
	// The next place of each word at or after pos, found again only once
	// pos passed it (len(t) when there is none).
	next1, next2 := -1, -1
	for pos := 0; pos < len(t); {
		if next1 < pos {
			next1 = nextEnding(t, pos, lit1, ends)
		}
		if next2 < pos {
			next2 = nextEnding(t, pos, lit2, ends)
		}
		q := min(next1, next2)
		if q == len(t) {
			return out
		}
		// A match starting before q-reach would hold a word before q.
		// A byte starting a character starts one however the text before
		// it is read, so s is where the regexp's steps would stand.
		s := pos
		if q-reach > pos {
			s = q - reach
			for !utf8.RuneStart(t[s]) {
				s++
			}
		}
		// A match's group is Han characters through the word it ends with
		// (and the optional 人民政府 / 政府 of bodyPlaceRe), and that word
		// stands at q or later: the group starts in the run of Han
		// characters that ends at q, and the match there or at the
		// character before the run (a separator). The characters before
		// it start no match: about two thirds of the tries. (Han
		// characters decode backwards where they decode forwards: none
		// holds a byte that starts another.)
		r := q
		for r > s {
			c, n := utf8.DecodeLastRuneInString(t[s:r])
			if !zh.IsHan(c) {
				break
			}
			r -= n
		}
		if r-utf8.UTFMax > s {
			s = r - utf8.UTFMax
			for !utf8.RuneStart(t[s]) {
				s++
			}
		}
		found := false
		for s <= q {
			if m, ok := at(t, s); ok {
				out = append(out, m)
				pos, found = m.end, true
				break
			}
			_, n := utf8.DecodeRuneInString(t[s:])
			s += n
		}
		if !found {
			pos = s // no match starts at q or before
		}
	}
	return out
}

// nextIndex returns the index of the first w in t at or after pos, or
// len(t).
func nextIndex(t string, pos int, w word) int {
	if i := w.index(t[pos:]); i >= 0 {
		return pos + i
	}
	return len(t)
}

// nextEnding is nextIndex of the first w at a place q where ends(t, q)
// holds (any place when ends is nil).
func nextEnding(t string, pos int, w word, ends func(t string, q int) bool) int {
	q := nextIndex(t, pos, w)
	for ends != nil && q < len(t) && !ends(t, q) {
		q = nextIndex(t, q+1, w)
	}
	return q
}

// isNameStart reports the first character of a body pattern's group: Han,
// but none of the words that start a clause about an agency.
func isNameStart(r rune) bool {
	return zh.IsHan(r) && !strings.ContainsRune("使把将对在我本全各该请与向由按据经", r)
}

// isBodySep reports the characters of [，。；：、,;:\s（(“] (\s is ASCII:
// [\t\n\f\r ]), and 《 when book is set.
func isBodySep(r rune, book bool) bool {
	switch r {
	case '，', '。', '；', '：', '、', ',', ';', ':', '\t', '\n', '\f', '\r', ' ', '（', '(', '“':
		return true
	case '《':
		return book
	}
	return false
}

// bodyGovAt matches bodyGovRe at s: ^ first, then a separator.
func bodyGovAt(t string, s int) (match, bool) {
	if s == 0 {
		if e := bodyGovGroup(t, 0); e >= 0 {
			return match{0, e, 0, e}, true
		}
	}
	r, n := utf8.DecodeRuneInString(t[s:])
	if isBodySep(r, false) {
		if e := bodyGovGroup(t, s+n); e >= 0 {
			return match{s, e, s + n, e}, true
		}
	}
	return match{}, false
}

// bodyGovGroup matches the group of bodyGovRe at g and returns its end, or
// -1: the fewest Han characters (one to thirteen after the first) that a
// suffix follows.
func bodyGovGroup(t string, g int) int {
	r, n := utf8.DecodeRuneInString(t[g:])
	if !isNameStart(r) {
		return -1
	}
	p := g + n
	for range 13 {
		r, n := utf8.DecodeRuneInString(t[p:])
		if !zh.IsHan(r) {
			return -1
		}
		p += n
		if strings.HasPrefix(t[p:], "人民政府") {
			return p + len("人民政府")
		}
		if strings.HasPrefix(t[p:], "街道办事处") {
			return p + len("街道办事处")
		}
	}
	return -1
}

// bodyPlaceAt matches bodyPlaceRe at s: ^ first, then a separator or one
// of 使, 推动, 促进 (no two of which start alike).
func bodyPlaceAt(t string, s int) (match, bool) {
	if s == 0 {
		if g1, e := bodyPlaceGroup(t, 0); e >= 0 {
			return match{0, e, 0, g1}, true
		}
	}
	r, n := utf8.DecodeRuneInString(t[s:])
	switch {
	case isBodySep(r, true), r == '使':
	case strings.HasPrefix(t[s:], "推动"), strings.HasPrefix(t[s:], "促进"):
		n = len("推动")
	default:
		return match{}, false
	}
	if g1, e := bodyPlaceGroup(t, s+n); e >= 0 {
		return match{s, e, s + n, g1}, true
	}
	return match{}, false
}

// bodyPlaceGroup matches the rest of bodyPlaceRe at g: the group (the
// fewest Han characters, one to nine after the first, that a place suffix
// follows and the rest can follow) and its end g1, and the end of the
// match; e is -1 when none.
func bodyPlaceGroup(t string, g int) (g1, e int) {
	r, n := utf8.DecodeRuneInString(t[g:])
	if !isNameStart(r) {
		return 0, -1
	}
	p := g + n
	for range 9 {
		r, n := utf8.DecodeRuneInString(t[p:])
		if !zh.IsHan(r) {
			return 0, -1
		}
		p += n
		// The place suffixes start with distinct characters: at most one
		// stands at p.
		r, n = utf8.DecodeRuneInString(t[p:])
		switch r {
		case '省', '市', '区', '县', '旗', '州', '镇', '乡':
		case '街':
			if !strings.HasPrefix(t[p:], "街道") {
				continue
			}
			n = len("街道")
		default:
			continue
		}
		if e := placeRest(t, p+n); e >= 0 {
			return p + n, e
		}
	}
	return 0, -1
}

// placeRest matches (?:人民政府|政府)?(?:政务公开|政府信息公开) at p: the
// optional part is tried present first, and left out when the rest then
// fails.
func placeRest(t string, p int) int {
	if strings.HasPrefix(t[p:], "人民政府") {
		if e := disclosureAt(t, p+len("人民政府")); e >= 0 {
			return e
		}
	} else if strings.HasPrefix(t[p:], "政府") {
		if e := disclosureAt(t, p+len("政府")); e >= 0 {
			return e
		}
	}
	return disclosureAt(t, p)
}

func disclosureAt(t string, p int) int {
	switch {
	case strings.HasPrefix(t[p:], "政务公开"):
		return p + len("政务公开")
	case strings.HasPrefix(t[p:], "政府信息公开"):
		return p + len("政府信息公开")
	}
	return -1
}

// selfLeads are the words a selfRef match starts with; no two of them
// start at the same place.
var selfLeads = strs.NewSet("现将", "现公布", "公布", "公开", "编制", "汇总", "发布", "形成")

// selfRefMatches appends the matches of selfRefRe in t to out.
func selfRefMatches(t string, out []match) []match {
	words := selfLeads.Words()
	groups := newSelfRefGroups(t)
	for pos := 0; pos < len(t); {
		i, w := selfLeads.Index(t[pos:])
		if i < 0 {
			break
		}
		s := pos + i
		g := s + len(words[w])
		if e := groups.at(g); e >= 0 {
			out = append(out, match{s, e, g, e})
			pos = e
		} else {
			pos = s + 1 // the lead starts a character: s+1 is inside it
		}
	}
	return out
}

// selfRefEndings are the alternatives that end a selfRef group, in the
// regexp's order (年度报告 before 年报).
var selfRefEndings = [...]word{newWord("年度报告"), newWord("年报"), newWord("报告如下"), newWord("函告如下"), newWord("工作报告"), newWord("情况报告")}

// clauseMarks end a clause, as [。；，,：:] in selfRefRe: no group holds one.
var clauseMarks = [...]word{newWord("。"), newWord("；"), newWord("，"), newWord(","), newWord("："), newWord(":")}

// selfRefGroups matches the group of selfRefRe at places of one text, in
// increasing order: the fewest characters (up to forty, no clause mark)
// that an ending follows, that is the first ending at or after the place,
// when no clause mark stands before it. The first place of each ending
// and of each mark at or after the place is kept, and looked for again
// only once the place passed it.
//
// 公开 and 发布 lead many clauses of a report that end in no report: the
// group was tried ending by ending after every character up to the clause's
// end, and each of those places found again for every lead, two thirds of
// what the rules that read self-references cost. Every ending and mark
// starts a character however the text before it is read (each starts with
// ASCII or the first byte of a character), so the first place a word is
// found is the first place the regexp's steps reach it.
type selfRefGroups struct {
	t     string
	ends  [len(selfRefEndings)]int // -1 until looked for; len(t) when there is none
	marks [len(clauseMarks)]int
}

func newSelfRefGroups(t string) *selfRefGroups {
	c := &selfRefGroups{t: t}
	for k := range c.ends {
		c.ends[k] = -1
	}
	for k := range c.marks {
		c.marks[k] = -1
	}
	return c
}

// at returns the end of the group of selfRefRe at g, or -1.
func (c *selfRefGroups) at(g int) int {
	e, w := len(c.t), -1
	for k, word := range selfRefEndings {
		if c.ends[k] < g {
			c.ends[k] = nextIndex(c.t, g, word)
		}
		if c.ends[k] < e { // at a place two endings start, the first in order
			e, w = c.ends[k], k
		}
	}
	if w < 0 {
		return -1
	}
	for k, mark := range clauseMarks {
		if c.marks[k] < g {
			c.marks[k] = nextIndex(c.t, g, mark)
		}
		if c.marks[k] < e {
			return -1
		}
	}
	// No forty characters take more than 160 bytes.
	if e-g > 40*utf8.UTFMax || utf8.RuneCountInString(c.t[g:e]) > 40 {
		return -1
	}
	return e + len(selfRefEndings[w].text)
}

// yearMatches appends the matches of yearRe, ([year digit]{4})\s*年, in t
// to out. Every match ends with a 年, and the four digits and the spaces
// before a 年 are read from it backwards: a character decoded backwards as
// a digit is valid UTF-8, so reading forwards finds it too, and no 年 or
// digit is a space, so each 年 ends at most one match and matches never
// overlap.
func yearMatches(t string, out []match) []match {
	for off := 0; ; {
		i := strings.Index(t[off:], "年")
		if i < 0 {
			return out
		}
		y := off + i
		off = y + len("年")
		g1 := y
		for g1 > 0 && isASCIISpace(t[g1-1]) {
			g1--
		}
		g0 := g1
		for range 4 {
			r, n := utf8.DecodeLastRuneInString(t[:g0])
			if !isYearDigit(r) {
				g0 = -1
				break
			}
			g0 -= n
		}
		if g0 >= 0 {
			out = append(out, match{g0, off, g0, g1})
		}
	}
}

// isASCIISpace reports the bytes of the regexp class \s: [\t\n\f\r ].
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// isYearDigit reports the characters of the class [zh.YearDigits].
func isYearDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune("〇○◯零OＯ一二三四五六七八九", r)
}

// planWords, a few characters after a year, say the year is not the
// report's: next year's plans (2017年，我们将…) and dates laws took effect
// (2008年5月1日施行).
var planWords = []string{"将", "计划", "打算", "安排", "拟", "展望", "施行", "实施以来", "起施行"}

// isPlan reports whether planRe, ^[^。；]{0,12}?(?:将|计划|…), matches t:
// one of planWords starts within its first twelve characters, none of them
// 。 or ；.
func isPlan(t string) bool {
	p := 0
	for k := 0; ; k++ {
		// A word starts only where its first character stands.
		r, n := utf8.DecodeRuneInString(t[p:])
		if isPlanStart(r) {
			for _, w := range planWords {
				if strings.HasPrefix(t[p:], w) {
					return true
				}
			}
		}
		if k == 12 {
			return false
		}
		if n == 0 || r == '。' || r == '；' {
			return false
		}
		p += n
	}
}

// isPlanStart reports the first characters of planWords.
func isPlanStart(r rune) bool {
	switch r {
	case '将', '计', '打', '安', '拟', '展', '施', '实', '起':
		return true
	}
	return false
}

// periodKeys end the key of a statistics period after 统计, in periodKeyRe's
// order.
var periodKeys = []string{"期限", "时限", "时间", "期间", "区间", "周期", "时段", "期", "截止"}

// periodKeyEnd returns the end of the match of periodKeyRe,
// ^(?:统计[\p{Han}]{0,4}?(?:期限|…|截止)|起止时间), in w, or -1: after 统计
// the fewest Han characters, up to four, that a key follows.
func periodKeyEnd(w string) int {
	if rest, ok := strings.CutPrefix(w, "统计"); ok {
		p := len("统计")
		for k := 0; ; k++ {
			// A key starts only where its first character stands.
			r, n := utf8.DecodeRuneInString(rest)
			if isPeriodKeyStart(r) {
				for _, key := range periodKeys {
					if strings.HasPrefix(rest, key) {
						return p + len(key)
					}
				}
			}
			if k == 4 {
				break
			}
			if !zh.IsHan(r) {
				break
			}
			rest, p = rest[n:], p+n
		}
	}
	if strings.HasPrefix(w, "起止时间") {
		return len("起止时间")
	}
	return -1
}

// isPeriodKeyStart reports the first characters of periodKeys.
func isPeriodKeyStart(r rune) bool {
	switch r {
	case '期', '时', '区', '周', '截':
		return true
	}
	return false
}

// indexSentenceEnd is strings.IndexAny(s, "。；"), which decodes every
// rune of s and looks for it in the set: a 。 or ； reads so however the
// bytes before it do (E3 and EF start a character), so looking for each
// finds the same first place.
func indexSentenceEnd(s string) int {
	i := strings.Index(s, "。")
	lim := len(s)
	if i >= 0 {
		lim = i
	}
	if j := strings.Index(s[:lim], "；"); j >= 0 {
		return j
	}
	return i
}

// lastPeriodYear returns the group of the last match of periodYearRe,
// ((?:19|20)\d{2})(?:\s*年|\d{2,4}\s*日), in t: the four digits of a year
// that 年 follows, or two to four more digits and 日 (\d and \s are ASCII).
// Matches start with an ASCII digit, which starts a character however the
// bytes before it read.
func lastPeriodYear(t string) (string, bool) {
	last, found := "", false
	for s := 0; s+4 <= len(t); {
		if e := periodYearAt(t, s); e >= 0 {
			last, found = t[s:s+4], true
			s = e
			continue
		}
		s++
	}
	return last, found
}

// periodYearAt returns the end of a match of periodYearRe at s, or -1.
func periodYearAt(t string, s int) int {
	if !(strings.HasPrefix(t[s:], "19") || strings.HasPrefix(t[s:], "20")) || !isDigit(t[s+2]) || !isDigit(t[s+3]) {
		return -1
	}
	p := s + 4
	q := p
	for q < len(t) && isASCIISpace(t[q]) {
		q++
	}
	if strings.HasPrefix(t[q:], "年") {
		return q + len("年")
	}
	// \d{2,4} is greedy, and a digit is neither a space nor 日: fewer
	// digits than stand (up to four) leave a digit where \s*日 must go.
	m := 0
	for m < 4 && p+m < len(t) && isDigit(t[p+m]) {
		m++
	}
	if m < 2 {
		return -1
	}
	q = p + m
	for q < len(t) && isASCIISpace(t[q]) {
		q++
	}
	if strings.HasPrefix(t[q:], "日") {
		return q + len("日")
	}
	return -1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
