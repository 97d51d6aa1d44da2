package prose

import (
	"slices"
	"strings"
	"unicode/utf8"

	"xxgk"
	"xxgk/zh"
)

// This file finds the numbers written in a sentence of a report — "全区主动公开
// 政府信息共2917条", "收到申请23000余条", "我局共有专职人员两名" — and says what
// each one is: a count, money, a percentage, a year, a date, a document
// number, an ordinal, or something else (phone numbers, codes, times).
//
// The scanner makes a single forward pass over the sentence. At each rune
// that can start a number it tries the few shapes that begin there, emits at
// most one mention and jumps past it; nothing is rescanned and no regexp is
// used. Chinese numerals are accepted only when something around them says
// they are numbers (a measure word, 第, 是, 、, 年/月/日, brackets): prose is
// full of words such as 一律, 统一, 三公经费 or 十四五 that contain numeral
// characters and are not numbers, and a missed figure is cheaper than a
// made-up one.

// numKind says what a number in prose is.
type numKind int

const (
	numCount   numKind = iota // a quantity: 2917条, 两件, 13,100, 2.3万条
	numMoney                  // 120万元, 3.5元 (Value in 元)
	numPercent                // 12%, 百分之十二, 12个百分点
	numYear                   // 2016年 (as a year), 二〇一三年, 2016年度
	numDate                   // month/day parts: 3月, 31日, 2014-03-31, 2014年3月31日 (one mention covering the whole date)
	numDocNo                  // document numbers: 〔2012〕87号, [2012]87号, 第711号, 国办发〔2014〕32号
	numOrdinal                // 第三, 第2次, 一是/二是, 一、(numbering), (一)
	numOther                  // phone numbers (0436-3292718), times (09:31), version-like tokens, anything else not a quantity
)

var numKindNames = [...]string{"count", "money", "percent", "year", "date", "docno", "ordinal", "other"}

func (k numKind) String() string {
	if k >= 0 && int(k) < len(numKindNames) {
		return numKindNames[k]
	}
	return "numKind(?)"
}

// numMention is one number written in prose.
//
// Value by kind:
//   - count, money, percent, ordinal, docno (the serial, 87 in 〔2012〕87号):
//     the exact number; money is in 元 (120万元 → 1200000).
//   - year: the year (二〇一三年 → 2013).
//   - date: the parts packed as decimal digits, named by Unit: "年月日" →
//     yyyymmdd, "年月" → yyyymm, "月日" → mmdd, "月" → m, "日" → d,
//     "季度" → the quarter.
//   - other: the number when it is one plain number (the ends of a range
//     "3-5件", 2倍, an address 14号), else zero (phones, codes, times,
//     URLs, vague amounts such as 数百条 or 几十件, which never get a value).
//
// Unit is the measure word after the number with the 万/亿 multipliers
// folded into Value ("2.3万条" → "条"), except for money where the scale
// stays ("120万元" → "万元", "3千元" → "千元"). Percent signs read "%"
// whatever their width, and 百分之 also gives "%"; 个百分点 stays as written.
// Years read "年" or "年度".
type numMention struct {
	Start, End int         // byte span in the sentence, covering approx words and the unit
	Text       string      // s[Start:End], for evidence
	Value      xxgk.Number // 2.3万条 → 23000; 120万元 → 1200000 (money in 元); 12% → 12
	Unit       string      // 条 件 次 人次 … ("" if none); 万条 → "条"; 万元 stays "万元"
	Approx     bool        // 余/多/约/近/左右/超过/逾/以上/将近/大约/上下/近乎
	Kind       numKind
}

// scanNumbers returns the numbers written in s, in order; spans never
// overlap.
func scanNumbers(s string) []numMention {
	return scanNumbersInto(nil, s)
}

// scanNumbersInto is scanNumbers in the memory of out.
func scanNumbersInto(out []numMention, s string) []numMention {
	sc := pnScanner{s: s, out: out[:0]}
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= '0' && c <= '9':
				i = sc.digits(i)
			case c == '(' || c == '[':
				i = sc.bracket(i, 1)
			case pnIsAlpha(c) || c == '@':
				i = sc.asciiToken(i)
			default:
				i++
			}
			continue
		}
		if j := skipUnmarked(s, i, pnStarts); j > i {
			i = j // most characters: the switch's default
			continue
		}
		var r rune
		var size int
		if c := s[i]; c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r, size = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3 // decodeRune, inline
		} else {
			r, size = decodeRune(s, i)
		}
		if !pnMayStart(r) {
			i += size // most characters: the switch's default
			continue
		}
		switch { // pnStarts holds every rune a case takes
		case r >= '０' && r <= '９':
			i = sc.digits(i)
		case r == '第':
			i = sc.ordinal(i)
		case pnIsOpen(r):
			i = sc.bracket(i, size)
		case r == '百' && strings.HasPrefix(s[i:], "百分之"):
			i = sc.percentWord(i)
		case isCNNumeral(r) || r == '几':
			i = sc.chinese(i)
		case r == '数' || r == '上' || r == '成':
			i = sc.vague(i, r, size)
		case (r >= 0x2460 && r <= 0x249B) || (r >= 0x3220 && r <= 0x3229):
			i = sc.circled(i, r, size)
		default:
			i += size
		}
	}
	sc.fixRanges()
	return sc.out
}

// pnStarts marks the runes of the Basic Multilingual Plane at which
// scanNumbersInto's switch does more than step over the rune: the tests
// of its cases, made once for each rune.
var pnStarts = runeSetOfRunes("第（〔［【〖﹝｛百"+cnNumeralRunes+"几数上成", [2]rune{'０', '９'}, [2]rune{0x2460, 0x249B}, [2]rune{0x3220, 0x3229})

// pnMayStart reports whether a number may start at rune r (not ASCII):
// false when scanNumbersInto's switch would only step over it.
func pnMayStart(r rune) bool { return uint32(r) >= 1<<16 || pnStarts.has(r) }

type pnScanner struct {
	s    string
	out  []numMention
	last int // end of the last mention: approx words are looked for after it only
	// clean is the end of an ASCII token already found to hold no letter,
	// so that 1-1-1-… is not rescanned at every digit.
	clean int
}

func (sc *pnScanner) emit(m numMention) int {
	m.Text = sc.s[m.Start:m.End]
	sc.out = append(sc.out, m)
	sc.last = m.End
	return m.End
}

// other emits a numOther mention with no value.
func (sc *pnScanner) other(st, end int) int {
	return sc.emit(numMention{Start: st, End: end, Kind: numOther})
}

// ---- character classes ----

func pnIsAlpha(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// pnTokenByte reports bytes that belong to an ASCII token such as an e-mail
// address, a URL, a version or an ID: 0436-3292718, abc123@163.com, V2.0.
func pnTokenByte(c byte) bool {
	switch {
	case c >= '0' && c <= '9', pnIsAlpha(c):
		return true
	}
	switch c {
	case '.', '_', '@', '-', '/', ':', '?', '=', '&', '#', '%', '~', '+':
		return true
	}
	return false
}

func pnIsOpen(r rune) bool {
	switch r {
	case '(', '[', '（', '〔', '［', '【', '〖', '﹝', '｛':
		return true
	}
	return false
}

func pnIsClose(r rune) bool {
	switch r {
	case ')', ']', '）', '〕', '］', '】', '〗', '﹞', '｝':
		return true
	}
	return false
}

// pnDigitAt returns the value and size of an ASCII or full-width digit at
// s[i], or -1.
func pnDigitAt(s string, i int) (int, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c >= '0' && c <= '9' {
		return int(c - '0'), 1
	}
	// full-width digits are EF BC 90..99
	if i+2 < len(s) && s[i] == 0xEF && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
		return int(s[i+2] - 0x90), 3
	}
	return -1, 0
}

// pnReadDigits reads a run of digits at s[i:]; ok is false when the run does
// not fit an int64.
func pnReadDigits(s string, i int) (end int, v int64, n int, ok bool) {
	ok = true
	for {
		d, size := pnDigitAt(s, i)
		if d < 0 {
			return i, v, n, ok
		}
		if n >= 18 {
			ok = false
		} else {
			v = v*10 + int64(d)
		}
		n++
		i += size
	}
}

// ---- units ----

type pnRole uint8

const (
	pnRoleCount pnRole = iota
	pnRoleYear
	pnRoleMonth
	pnRoleDay
	pnRoleHao
	pnRoleQuarter
	pnRoleTime // a duration, after which 多/余 still mean "more than"
)

type pnUnit struct {
	text string
	kind numKind
	role pnRole
	exp  int  // money scale: 千元 → 3
	cn   bool // also after a Chinese numeral
}

// pnUnitList are the measure words read after a number. Some are left out
// after Chinese numerals, where they mostly make words: 一门式, 十分, 一对一,
// 三集中, 一米线, 二十届 (with 第 it is an ordinal).
var pnUnitList = []pnUnit{
	{text: "元", kind: numMoney, cn: true},
	{text: "千元", kind: numMoney, exp: 3},
	{text: "百元", kind: numMoney, exp: 2},
	{text: "百万元", kind: numMoney, exp: 6},
	{text: "千万元", kind: numMoney, exp: 7},
	{text: "个百分点", kind: numPercent, cn: true},
	{text: "百分点", kind: numPercent, cn: true},
	{text: "倍", kind: numOther, cn: true},
	{text: "年度", role: pnRoleYear, cn: true},
	{text: "年", role: pnRoleYear, cn: true},
	{text: "月份", role: pnRoleMonth, cn: true},
	{text: "月", role: pnRoleMonth, cn: true},
	{text: "日", role: pnRoleDay, cn: true},
	{text: "号", role: pnRoleHao},
	{text: "季度", role: pnRoleQuarter, cn: true},
	{text: "个工作日", role: pnRoleTime, cn: true},
	{text: "工作日", role: pnRoleTime, cn: true},
	{text: "个月", role: pnRoleTime, cn: true},
	{text: "个小时", role: pnRoleTime, cn: true},
	{text: "个季度", role: pnRoleTime, cn: true},
	{text: "小时", role: pnRoleTime, cn: true},
	{text: "分钟", role: pnRoleTime, cn: true},
	{text: "天", role: pnRoleTime, cn: true},
	{text: "周年", cn: true},
	{text: "周", role: pnRoleTime, cn: true},
	{text: "秒", cn: true},
	{text: "人次", cn: true},
	{text: "件次", cn: true},
	{text: "户次", cn: true},
	{text: "篇次", cn: true},
	{text: "条次", cn: true},
	{text: "批次", cn: true},
	{text: "场次", cn: true},
	{text: "人", cn: true},
	{text: "名", cn: true},
	{text: "位", cn: true},
	{text: "个", cn: true},
	{text: "件", cn: true},
	{text: "条", cn: true},
	{text: "次", cn: true},
	{text: "起", cn: true},
	{text: "篇", cn: true},
	{text: "项", cn: true},
	{text: "家", cn: true},
	{text: "期", cn: true},
	{text: "批", cn: true},
	{text: "场", cn: true},
	{text: "份", cn: true},
	{text: "户", cn: true},
	{text: "册", cn: true},
	{text: "本", cn: true},
	{text: "套", cn: true},
	{text: "台", cn: true},
	{text: "张", cn: true},
	{text: "处", cn: true},
	{text: "所", cn: true},
	{text: "页", cn: true},
	{text: "封", cn: true},
	{text: "类", cn: true},
	{text: "种", cn: true},
	{text: "例", cn: true},
	{text: "宗", cn: true},
	{text: "笔", cn: true},
	{text: "部", cn: true},
	{text: "辆", cn: true},
	{text: "栋", cn: true},
	{text: "座", cn: true},
	{text: "轮", cn: true},
	{text: "支", cn: true},
	{text: "幅", cn: true},
	{text: "卷", cn: true},
	{text: "岁", cn: true},
	{text: "亩", cn: true},
	{text: "吨", cn: true},
	{text: "公顷", cn: true},
	{text: "公斤", cn: true},
	{text: "公里", cn: true},
	{text: "千克", cn: true},
	{text: "平方公里", cn: true},
	{text: "平方米", cn: true},
	{text: "届"},
	{text: "门"},
	{text: "组"},
	{text: "段"},
	{text: "节"},
	{text: "块"},
	{text: "间"},
	{text: "集"},
	{text: "米"},
	{text: "千米"},
	{text: "级"},
}

// pnUnitFirsts numbers the first runes of pnUnitList, and
// pnUnitsByFirst[k] holds the units whose first rune is number k, longest
// first (the units of one length in list order). (refMatchUnit, the
// tests', looks them up in a map.)
var pnUnitFirsts, pnUnitsByFirst = func() (*runeRank, [][]pnUnit) {
	var firsts []rune
	for _, u := range pnUnitList {
		r, _ := utf8.DecodeRuneInString(u.text)
		firsts = append(firsts, r)
	}
	x := newRuneRank(firsts)
	by := make([][]pnUnit, len(pnUnitList))
	n := 0
	for _, u := range pnUnitList {
		r, _ := utf8.DecodeRuneInString(u.text)
		k := x.index(r)
		by[k] = append(by[k], u)
		n = max(n, k+1)
	}
	by = by[:n]
	for _, us := range by {
		slices.SortStableFunc(us, func(a, b pnUnit) int { return len(b.text) - len(a.text) })
	}
	return x, by
}()

func pnMatchUnit(s string, cn bool) (pnUnit, bool) {
	r, _ := utf8.DecodeRuneInString(s)
	k := pnUnitFirsts.index(r) // -1 for ASCII too: no unit starts with it
	if k < 0 {
		return pnUnit{}, false
	}
	for _, u := range pnUnitsByFirst[k] {
		if (!cn || u.cn) && strings.HasPrefix(s, u.text) {
			return u, true
		}
	}
	return pnUnit{}, false
}

// ---- context helpers ----

func pnSkipSpace(s string, i int) int {
	for i < len(s) {
		if !pnSpaceLead(s[i]) {
			break // most characters: no decoding
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !zh.IsLineSpace(r) {
			break
		}
		i += size
	}
	return i
}

// pnSpaceLead reports whether a rune that zh.IsLineSpace holds may start
// with byte c: ' ', '\t', and the lead bytes of U+00A0 (C2), U+2000–200B,
// U+202F, U+205F (E2), U+3000 (E3) and U+FEFF (EF). An invalid byte
// decodes to U+FFFD, no space.
func pnSpaceLead(c byte) bool {
	return c == ' ' || c == '\t' || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF
}

func pnSkipSpaceBack(s string, i, lo int) int {
	for i > lo {
		// Mostly an ideograph stands before, led by E4–E9, which leads no
		// blank (those of three bytes are led by E2, E3 and EF): told
		// without decoding it.
		if i-3 >= lo && s[i-3]-0xE4 <= 0xE9-0xE4 && s[i-2]&0xC0 == 0x80 && s[i-1]&0xC0 == 0x80 {
			break
		}
		r, size := utf8.DecodeLastRuneInString(s[lo:i])
		if !zh.IsLineSpace(r) {
			break
		}
		i -= size
	}
	return i
}

// pnPrevRune is the rune before s[i], or -1 at lo.
func pnPrevRune(s string, i, lo int) rune {
	if i <= lo {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(s[lo:i])
	return r
}

func pnNextRune(s string, i int) rune {
	if i >= len(s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// pnItemStart reports whether s[i] starts an item: the start of the text,
// of a line, or of a clause after 。；：！？.
func pnItemStart(s string, i int) bool {
	p := pnSkipSpaceBack(s, i, 0)
	switch pnPrevRune(s, p, 0) {
	case -1, '\n', '\r', '。', '；', ';', '：', ':', '！', '!', '？', '?':
		return true
	}
	return false
}

// pnApproxBefore are the words before a number that make it approximate,
// longest first. 达, 达到, 共 and 累计 are not among them.
var pnApproxBefore = []string{"不超过", "将近", "接近", "大约", "近乎", "超过", "不足", "不到", "约", "近", "逾", "超"}

// pnApproxGuard reports whether the rune before an approx word makes it part
// of another word: 节约, 最近, 附近, 赶超.
func pnApproxGuard(w string, before rune) bool {
	switch w {
	case "约":
		return strings.ContainsRune("节制签预违履邀简集条公特合解践赴失婉隐之相誓租俭和缔", before)
	case "近":
		return strings.ContainsRune("最附靠亲临邻就贴逼走挨迫新", before)
	case "超":
		return strings.ContainsRune("赶高招", before)
	}
	return false
}

// prefix returns where a number starting at st begins once an approx word
// before it is included, and whether there is one. 约为, 近有 are read too.
func (sc *pnScanner) prefix(st int) (int, bool) {
	s := sc.s
	p := pnSkipSpaceBack(s, st, sc.last)
	for pass := 0; pass < 2; pass++ {
		pre := s[sc.last:p]
		for _, w := range pnApproxBefore {
			if !pnApproxEnds.may(pre) {
				break // no approx word ends pre (most numbers): none need be tried
			}
			if strings.HasSuffix(pre, w) {
				ws := p - len(w)
				if !pnApproxGuard(w, pnPrevRune(s, ws, sc.last)) {
					return ws, true
				}
				break
			}
		}
		if pass == 0 && (strings.HasSuffix(pre, "为") || strings.HasSuffix(pre, "有")) {
			p -= len("为")
			continue
		}
		break
	}
	return st, false
}

// pnCodeWords are labels before phone numbers, postcodes and IDs.
var pnCodeWords = []string{"电话", "传真", "邮编", "邮政编码", "手机", "热线", "号码", "编号", "代码", "信箱", "备", "QQ", "qq", "微信", "账号", "帐号", "邮箱", "座机", "专线", "代号"}

// pnApproxEnds and pnCodeEnds are the ends of pnApproxBefore and
// pnCodeWords: prefix and codeContext test every number's words before
// it against the lists.
var (
	pnApproxEnds = newSuffixSet(pnApproxBefore)
	pnCodeEnds   = newSuffixSet(pnCodeWords)
)

// A suffixSet tells in one test whether a text may end with a word of a
// list: it holds a bit for the last two bytes of each word. A text ends
// with a word only if its last two bytes are the word's.
type suffixSet [1 << 16 / 64]uint64

// newSuffixSet compiles words, all of two bytes or more.
func newSuffixSet(words []string) *suffixSet {
	var s suffixSet
	for _, w := range words {
		if len(w) < 2 {
			panic("prose: a word of a suffixSet is shorter than two bytes")
		}
		k := int(w[len(w)-2])<<8 | int(w[len(w)-1])
		s[k/64] |= 1 << (k % 64)
	}
	return &s
}

// may reports whether text may end with one of the words: false when
// strings.HasSuffix(text, w) is false for every word w.
func (s *suffixSet) may(text string) bool {
	if len(text) < 2 {
		return false
	}
	k := int(text[len(text)-2])<<8 | int(text[len(text)-1])
	return s[k/64]&(1<<(k%64)) != 0
}

func (sc *pnScanner) codeContext(st int) bool {
	s := sc.s
	p := st
	for p > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:p])
		if !zh.IsLineSpace(r) && r != ':' && r != '：' && r != '为' && r != '是' {
			break
		}
		p -= size
	}
	pre := s[max(0, p-12):p]
	if !pnCodeEnds.may(pre) {
		return false // no code word ends pre: most numbers
	}
	for _, w := range pnCodeWords {
		if strings.HasSuffix(pre, w) {
			return true
		}
	}
	return false
}

// ---- tails: multipliers, approx words and units after a number ----

type pnTail struct {
	end    int
	exp    int    // 万 → 4, 亿 → 8, 千 → 3 (digits only)
	mult   string // the multipliers as written
	approx bool
	unit   pnUnit
	has    bool // a unit was found
	uend   int  // end of the unit, before 左右/以上/上下
	pre    bool // approx before the unit (余, 多)
}

// tail reads what follows a number ending at p: 万/亿, 余/多, the unit, and
// 左右/以上/上下 after it.
func (sc *pnScanner) tail(p int, cn bool) pnTail {
	s := sc.s
	t := pnTail{end: p}
	q := pnSkipSpace(s, p)
	if (p == len(s) || s[p] < utf8.RuneSelf) && (q == len(s) || s[q] < utf8.RuneSelf && s[q] != '%') {
		// ASCII after the number (its end, or blanks and then a digit: the
		// columns of a table flattened to one line) and after the blanks
		// starts no percent sign, multiplier, unit or approx word, all
		// but % outside ASCII: the steps below would find nothing.
		return t
	}
	if pct, n := pnPercentSign(s[q:]); n > 0 {
		t.unit, t.has, t.end = pnUnit{text: pct, kind: numPercent}, true, q+n
		sc.approxAfter(&t, false)
		return t
	}
	q = p
loop:
	for k := 0; k < 4 && q < len(s); k++ {
		r, size := utf8.DecodeRuneInString(s[q:])
		switch r {
		case '万':
			if t.exp%8 >= 4 {
				break loop
			}
			t.exp += 4
			t.mult += "万"
		case '亿':
			if t.exp >= 8 {
				break loop
			}
			t.exp += 8
			t.mult += "亿"
		case '千', '百':
			if cn || t.exp != 0 || !sc.unitAhead(q+size, cn) {
				break loop
			}
			if r == '千' {
				t.exp, t.mult = 3, "千"
			} else {
				t.exp, t.mult = 2, "百"
			}
		case '余':
			if t.approx {
				break loop
			}
			t.approx = true
		case '多':
			if t.approx || !sc.unitAhead(q+size, cn) {
				break loop
			}
			t.approx = true
		default:
			break loop
		}
		q += size
		t.end = q
	}
	q = pnSkipSpace(s, q)
	u, ok := pnMatchUnit(s[q:], cn)
	if !ok {
		sc.approxAfter(&t, false)
		return t
	}
	t.unit, t.has, t.end = u, true, q+len(u.text)
	t.uend, t.pre = t.end, t.approx
	if u.text == "个" && strings.HasPrefix(s[t.end:], "多") { // 3个多月
		rest := s[t.end+len("多"):]
		for _, w := range [...]string{"月", "小时", "工作日", "季度"} {
			if strings.HasPrefix(rest, w) {
				t.unit = pnUnit{text: "个" + w, role: pnRoleTime, cn: true}
				t.end += len("多") + len(w)
				t.approx = true
				break
			}
		}
	}
	sc.approxAfter(&t, u.role == pnRoleTime || u.role == pnRoleYear)
	return t
}

// unitAhead reports whether a unit, 万/亿, or 余 follows s[i].
func (sc *pnScanner) unitAhead(i int, cn bool) bool {
	i = pnSkipSpace(sc.s, i)
	switch pnNextRune(sc.s, i) {
	case '万', '亿', '余':
		return true
	}
	_, ok := pnMatchUnit(sc.s[i:], cn)
	return ok
}

func (sc *pnScanner) approxAfter(t *pnTail, timeUnit bool) {
	rest := sc.s[t.end:]
	if len(rest) < 3 || rest[0] != 0xE4 && rest[0] != 0xE5 {
		return // 左右, 以上, 上下, 多, 余 all start with E4 or E5; most numbers are followed by none
	}
	for _, w := range [...]string{"左右", "以上", "上下"} {
		if strings.HasPrefix(rest, w) {
			t.approx = true
			t.end += len(w)
			return
		}
	}
	if timeUnit && t.has && !t.approx && (strings.HasPrefix(rest, "多") || strings.HasPrefix(rest, "余")) {
		t.approx = true
		t.end += len("多")
	}
}

func pnPercentSign(s string) (string, int) {
	switch {
	case strings.HasPrefix(s, "%"):
		return "%", 1
	case strings.HasPrefix(s, "％"):
		return "%", len("％")
	case strings.HasPrefix(s, "‰"):
		return "‰", len("‰")
	case strings.HasPrefix(s, "﹪"):
		return "%", len("﹪")
	}
	return "", 0
}

// ---- dates ----

// Dates in running prose are read here rather than by zh.DateAt, which
// reads the date a metadata field or a signature starts with: the scanner
// needs the span of every part, and its rules differ. It reads 2014年3月份
// and 2014-03 (a month); it refuses 一二月 and mixed separators
// (2014-03/31), allows no space between a number and 月 or 日, and leaves a
// month out of range out of the mention, where DateAt reads its text and
// drops its value.

// smallNum reads a one- or two-digit number or a short Chinese numeral at
// s[i] (a month or a day).
func (sc *pnScanner) smallNum(i int) (int64, int, bool) {
	s := sc.s
	if d, _ := pnDigitAt(s, i); d >= 0 {
		e, v, n, _ := pnReadDigits(s, i)
		return v, e, n <= 2
	}
	j := i
	for j < len(s) && j-i <= 12 {
		r, size := utf8.DecodeRuneInString(s[j:])
		if zh.Digit(r) < 0 && r != '十' {
			break
		}
		j += size
	}
	if j == i {
		return 0, i, false
	}
	v, ok := zh.ParseNumeral(s[i:j])
	if ok && !strings.ContainsAny(s[i:j], "十") && j-i > len("一") {
		ok = false // 一二月 is not a month
	}
	return v, j, ok
}

// dayAfter reads "31日" or "31号" at s[i].
func (sc *pnScanner) dayAfter(i int) (int64, int, bool) {
	i = pnSkipSpace(sc.s, i)
	d, e, ok := sc.smallNum(i)
	if !ok || d < 1 || d > 31 {
		return 0, i, false
	}
	if strings.HasPrefix(sc.s[e:], "日") || strings.HasPrefix(sc.s[e:], "号") {
		return d, e + len("日"), true
	}
	return 0, i, false
}

// yearMention finishes a year at [st, yEnd) ("2014年"), reading 度 or a
// month and day after it.
func (sc *pnScanner) yearMention(st, yEnd int, y int64, unit string) int {
	s := sc.s
	if unit == "年" {
		q := pnSkipSpace(s, yEnd)
		if m, me, ok := sc.smallNum(q); ok && m >= 1 && m <= 12 && strings.HasPrefix(s[me:], "月") {
			me += len("月")
			if d, de, ok := sc.dayAfter(me); ok {
				return sc.emit(numMention{Start: st, End: de, Value: xxgk.Int(y*10000 + m*100 + d), Unit: "年月日", Kind: numDate})
			}
			if strings.HasPrefix(s[me:], "份") {
				me += len("份")
			}
			return sc.emit(numMention{Start: st, End: me, Value: xxgk.Int(y*100 + m), Unit: "年月", Kind: numDate})
		}
	}
	return sc.emit(numMention{Start: st, End: yEnd, Value: xxgk.Int(y), Unit: unit, Kind: numYear})
}

// monthMention finishes a month at [st, mEnd), reading a day after it.
func (sc *pnScanner) monthMention(st, mEnd int, m int64) int {
	if d, de, ok := sc.dayAfter(mEnd); ok {
		return sc.emit(numMention{Start: st, End: de, Value: xxgk.Int(m*100 + d), Unit: "月日", Kind: numDate})
	}
	return sc.emit(numMention{Start: st, End: mEnd, Value: xxgk.Int(m), Unit: "月", Kind: numDate})
}

// isoDate reads "-03-31", "/3/31" or ".03.31" after a year ending at e.
func (sc *pnScanner) isoDate(st, e int, y int64) (int, bool) {
	s := sc.s
	sep := s[e]
	if sep != '-' && sep != '/' && sep != '.' {
		return 0, false
	}
	me, m, mn, _ := pnReadDigits(s, e+1)
	if mn < 1 || mn > 2 || m < 1 || m > 12 {
		return 0, false
	}
	if me < len(s) && s[me] == sep {
		de, d, dn, _ := pnReadDigits(s, me+1)
		if dn >= 1 && dn <= 2 && d >= 1 && d <= 31 {
			return sc.emit(numMention{Start: st, End: de, Value: xxgk.Int(y*10000 + m*100 + d), Unit: "年月日", Kind: numDate}), true
		}
		return 0, false
	}
	if sep == '.' || mn != 2 {
		return 0, false // 2014.03 is a decimal; 2014-3 too loose
	}
	return sc.emit(numMention{Start: st, End: me, Value: xxgk.Int(y*100 + m), Unit: "年月", Kind: numDate}), true
}

// ---- digits ----

func (sc *pnScanner) digits(st int) int {
	s := sc.s
	e, v, n, ok := pnReadDigits(s, st)
	if e >= sc.clean {
		te, letter := pnTokenEnd(s, e)
		if letter { // 5G, abc123@163.com, 163.com
			return sc.other(st, te)
		}
		sc.clean = te
	}
	if !ok {
		return sc.other(st, e)
	}
	ascii := e-st == n
	if ascii && e < len(s) {
		switch c := s[e]; {
		case c == ':' && n <= 2: // 09:31, 9:00:00
			if te, _, tn, _ := pnReadDigits(s, e+1); tn == 2 {
				if te < len(s) && s[te] == ':' {
					if te2, _, tn2, _ := pnReadDigits(s, te+1); tn2 == 2 {
						te = te2
					}
				}
				return sc.other(st, te)
			}
		case (c == '-' || c == '/' || c == '.') && n == 4 && v >= 1900 && v <= 2099:
			if end, ok := sc.isoDate(st, e, v); ok {
				return end
			}
		}
		if s[e] == '-' && n >= 3 { // 0436-3292718, 400-888-8888
			ge, _, gn, _ := pnReadDigits(s, e+1)
			if (s[st] == '0' && gn >= 3) || gn >= 7 {
				for ge < len(s) && s[ge] == '-' {
					ne, _, nn, _ := pnReadDigits(s, ge+1)
					if nn == 0 {
						break
					}
					ge = ne
				}
				return sc.other(st, ge)
			}
		}
		if s[e] == '/' || s[e] == '*' || s[e] == 'x' { // 1/3, 1024*768
			if fe, _, fn, _ := pnReadDigits(s, e+1); fn > 0 {
				return sc.other(st, fe)
			}
		}
	}
	units, scale, groups := v, 0, 0
	if n <= 3 && s[st] != '0' { // 13,100 — ASCII comma, groups of exactly three
		for e+4 <= len(s) && s[e] == ',' {
			ge, gv, gn, _ := pnReadDigits(s, e+1)
			if gn != 3 || ge != e+4 || units > 1e14 {
				break
			}
			units = units*1000 + gv
			e = ge
			groups++
		}
	}
	if e < len(s) && (s[e] == '.' || strings.HasPrefix(s[e:], "．")) {
		dot := 1
		if s[e] != '.' {
			dot = len("．")
		}
		if fe, fv, fn, _ := pnReadDigits(s, e+dot); fn > 0 {
			if fe < len(s) && s[fe] == '.' { // 1.2.3: a version
				if _, _, n3, _ := pnReadDigits(s, fe+1); n3 > 0 {
					for fe < len(s) && s[fe] == '.' {
						ne, _, nn, _ := pnReadDigits(s, fe+1)
						if nn == 0 {
							break
						}
						fe = ne
					}
					return sc.other(st, fe)
				}
			}
			if fn > 12 || pnDigitCount(units)+fn > 18 {
				return sc.other(st, fe)
			}
			for k := 0; k < fn; k++ {
				units *= 10
			}
			units += fv
			scale = fn
			e = fe
		}
	}
	plain := scale == 0 && groups == 0
	// 1. 2、 3) at the start of an item; in text whose lines were run
	// together, "形式 1.门户网站" and "形式1.门户网站" are items too.
	if plain && n <= 2 && e < len(s) {
		if mk := pnItemMarker(s, e); mk > 0 {
			after := pnNextRune(s, e+mk)
			prev := pnPrevRune(s, st, 0)
			if pnItemStart(s, st) ||
				(s[e] != ')' && (zh.IsLineSpace(prev) || prev == '附' || prev == '件' || prev == '表') && after >= 0x4E00) ||
				(s[e] != ')' && v <= 20 && after >= 0x4E00 && after <= 0x9FFF) {
				return sc.emit(numMention{Start: st, End: e + mk, Value: xxgk.Int(v), Kind: numOrdinal})
			}
		}
	}
	value := xxgk.Int(units).Shift(-scale)
	t := sc.tail(e, false)
	yearLike := plain && n == 4 && v >= 1900 && v <= 2099
	if t.has && t.exp == 0 && !t.pre {
		switch t.unit.role {
		case pnRoleYear:
			if yearLike {
				return sc.yearMention(st, t.uend, v, t.unit.text)
			}
		case pnRoleMonth:
			if plain && v >= 1 && v <= 12 {
				return sc.monthMention(st, t.uend, v)
			}
			return sc.emit(numMention{Start: st, End: t.uend, Value: value, Unit: t.unit.text, Kind: numOther})
		case pnRoleDay:
			if plain && v >= 1 && v <= 31 && !pnWithin(s[t.uend:]) {
				return sc.emit(numMention{Start: st, End: t.uend, Value: value, Unit: "日", Kind: numDate})
			}
		case pnRoleQuarter:
			if plain && v >= 1 && v <= 4 {
				return sc.emit(numMention{Start: st, End: t.uend, Value: value, Unit: "季度", Kind: numDate})
			}
		}
	}
	if t.has && t.unit.role == pnRoleHao { // 14号 (an address), ICP备08110891号
		if s[st] == '0' || n >= 7 || !plain {
			value = xxgk.Number{}
		}
		return sc.emit(numMention{Start: st, End: t.end, Value: value, Unit: "号", Kind: numOther})
	}
	if !t.has && !t.approx && t.exp == 0 && plain && n <= 2 {
		if p := pnSkipSpaceBack(s, st, sc.last); strings.HasSuffix(s[sc.last:p], "附件") || strings.HasSuffix(s[sc.last:p], "附表") {
			return sc.emit(numMention{Start: st, End: e, Value: value, Kind: numOrdinal}) // 附件1
		}
	}
	if !t.has && !t.approx && t.exp == 0 {
		switch {
		case s[st] == '0' && n > 1 && plain, // 007, 0436
			n >= 7 && plain, // 3292718, 20140331
			plain && v >= 12300 && v <= 12399 && n == 5, // 12345 hotlines
			sc.codeContext(st):
			return sc.other(st, e)
		case yearLike && pnIsOpen(pnPrevRune(s, st, sc.last)) && pnIsClose(pnNextRune(s, e)):
			return sc.emit(numMention{Start: st, End: e, Value: value, Kind: numYear}) // （2012）
		}
	}
	return sc.finish(st, value, t, "")
}

// pnWithin reports 内/以内/之内 after a day count: 15日内 is a duration.
func pnWithin(s string) bool {
	return strings.HasPrefix(s, "内") || strings.HasPrefix(s, "以内") || strings.HasPrefix(s, "之内")
}

// pnItemMarker returns the length of an item marker at s[i]: "." (not a
// decimal point), "、", ")" or "）".
func pnItemMarker(s string, i int) int {
	switch {
	case s[i] == '.':
		if d, _ := pnDigitAt(s, i+1); d < 0 {
			return 1
		}
	case strings.HasPrefix(s[i:], "．"), strings.HasPrefix(s[i:], "﹒"):
		if d, _ := pnDigitAt(s, i+len("．")); d < 0 {
			return len("．")
		}
	case s[i] == ')':
		return 1
	case strings.HasPrefix(s[i:], "、"), strings.HasPrefix(s[i:], "）"):
		return len("、")
	}
	return 0
}

// pnTokenEnd returns the end of the ASCII token continuing at s[e] and
// whether it holds a letter or @ (then the number is part of an address, an
// ID or a version).
func pnTokenEnd(s string, e int) (int, bool) {
	letter := false
	j := e
	for j < len(s) && pnTokenByte(s[j]) {
		if pnIsAlpha(s[j]) || s[j] == '@' {
			letter = true
		}
		j++
	}
	if !letter {
		return j, false
	}
	for j > e && strings.IndexByte(".:-/?#&=~+_", s[j-1]) >= 0 {
		j--
	}
	return j, true
}

// finish emits a number with a tail as a count, money, percent or other.
// cnScale is the 万/亿 that ends a Chinese numeral ("三十万元" → "万").
func (sc *pnScanner) finish(st int, value xxgk.Number, t pnTail, cnScale string) int {
	start, approx := sc.prefix(st)
	m := numMention{Start: start, End: t.end, Approx: approx || t.approx, Unit: t.unit.text}
	if exp := t.exp + t.unit.exp; exp > 0 {
		bound := int64(1_000_000_000_000_000_000)
		for k := 0; k < exp && bound > 0; k++ {
			bound /= 10
		}
		if value.Cmp(xxgk.Int(bound)) > 0 {
			m.Kind = numOther // beyond any figure in a report
			return sc.emit(m)
		}
	}
	m.Value = value.Shift(t.exp + t.unit.exp)
	switch {
	case !t.has:
		m.Kind = numCount
	case t.unit.kind == numMoney:
		m.Kind = numMoney
		m.Unit = cnScale + t.mult + t.unit.text
	case t.unit.kind == numPercent:
		m.Kind = numPercent
	case t.unit.kind == numOther:
		m.Kind = numOther
	default:
		m.Kind = numCount
	}
	return sc.emit(m)
}

// asciiToken skips an ASCII word starting with a letter; one holding digits
// (V2.0, No.12, www.x.gov.cn/2014/abc.html) is a numOther mention.
func (sc *pnScanner) asciiToken(i int) int {
	s := sc.s
	j, digit := i, false
	for j < len(s) && pnTokenByte(s[j]) {
		if s[j] >= '0' && s[j] <= '9' {
			digit = true
		}
		j++
	}
	if !digit {
		return j
	}
	for j > i && strings.IndexByte(".:-/?#&=~+_", s[j-1]) >= 0 {
		j--
	}
	return sc.other(i, j)
}

// ---- 第, brackets, 百分之, circled digits ----

// pnOrdUnits are the words after 第N.
var pnOrdUnits = []string{"季度", "批次", "阶段", "部分", "条", "款", "项", "章", "节", "次", "届", "批", "期", "个", "名", "位", "年", "天", "轮", "部", "段", "页", "篇", "类", "种", "件", "场", "家", "周", "卷", "册", "版", "组", "季", "号"}

// intAt reads a plain integer at s[i]: digits or a Chinese numeral (no
// digit-by-digit ones).
func (sc *pnScanner) intAt(i int) (int64, int, bool) {
	s := sc.s
	if d, _ := pnDigitAt(s, i); d >= 0 {
		e, v, _, ok := pnReadDigits(s, i)
		return v, e, ok
	}
	j, place := i, false
	for j < len(s) && j-i < 36 {
		r, size := utf8.DecodeRuneInString(s[j:])
		if zh.Place(r) > 0 {
			place = true
		} else if zh.Digit(r) < 0 {
			break
		}
		j += size
	}
	if j == i {
		return 0, i, false
	}
	v, ok := zh.ParseNumeral(s[i:j])
	if ok && !place && j-i > len("一") {
		return 0, i, false
	}
	return v, j, ok
}

// ordinal reads 第N (and 第N号, a document number).
func (sc *pnScanner) ordinal(st int) int {
	s := sc.s
	j := st + len("第")
	if strings.HasPrefix(s[j:], "三方") || strings.HasPrefix(s[j:], "一时间") {
		return j
	}
	v, e, ok := sc.intAt(pnSkipSpace(s, j))
	if !ok {
		return j
	}
	q := pnSkipSpace(s, e)
	for _, w := range pnOrdUnits {
		if strings.HasPrefix(s[q:], w) {
			kind := numOrdinal
			if w == "号" {
				kind = numDocNo
			}
			return sc.emit(numMention{Start: st, End: q + len(w), Value: xxgk.Int(v), Unit: w, Kind: kind})
		}
	}
	return sc.emit(numMention{Start: st, End: e, Value: xxgk.Int(v), Kind: numOrdinal})
}

// bracket reads 〔2012〕87号 (a document number), （2012） (a year) and （一）,
// (1) (ordinals) at an opening bracket.
func (sc *pnScanner) bracket(st, size int) int {
	s := sc.s
	j := pnSkipSpace(s, st+size)
	if d, _ := pnDigitAt(s, j); d >= 0 {
		e, v, n, _ := pnReadDigits(s, j)
		c := pnSkipSpace(s, e)
		r, csize := utf8.DecodeRuneInString(s[c:])
		if c >= len(s) || !pnIsClose(r) {
			return st + size
		}
		after := c + csize
		if n == 4 && v >= 1900 && v <= 2099 {
			k := pnSkipSpace(s, after)
			if strings.HasPrefix(s[k:], "第") {
				k += len("第")
			}
			if serial, se, ok := sc.intAt(k); ok && se > k {
				end, unit := se, ""
				if q := pnSkipSpace(s, se); strings.HasPrefix(s[q:], "号") {
					end, unit = q+len("号"), "号"
				}
				return sc.emit(numMention{Start: st, End: end, Value: xxgk.Int(serial), Unit: unit, Kind: numDocNo})
			}
			return st + size // the year inside is read on its own
		}
		if n <= 2 && s[j] != '0' {
			return sc.emit(numMention{Start: st, End: after, Value: xxgk.Int(v), Kind: numOrdinal})
		}
		return st + size
	}
	v, e, ok := sc.intAt(j)
	if !ok || v < 1 || v > 99 {
		return st + size
	}
	c := pnSkipSpace(s, e)
	if r, csize := utf8.DecodeRuneInString(s[c:]); c < len(s) && pnIsClose(r) {
		return sc.emit(numMention{Start: st, End: c + csize, Value: xxgk.Int(v), Kind: numOrdinal})
	}
	return st + size
}

// percentWord reads 百分之十二, 百分之12.5, 百分之百.
func (sc *pnScanner) percentWord(st int) int {
	s := sc.s
	j := st + len("百分之")
	var value xxgk.Number
	e := j
	switch {
	case strings.HasPrefix(s[j:], "百") && !strings.HasPrefix(s[j:], "百分"):
		value, e = xxgk.Int(100), j+len("百")
	default:
		if d, _ := pnDigitAt(s, j); d >= 0 {
			de, v, n, ok := pnReadDigits(s, j)
			if !ok {
				return j
			}
			units, scale := v, 0
			if de < len(s) && s[de] == '.' {
				if fe, fv, fn, _ := pnReadDigits(s, de+1); fn > 0 && fn <= 12 && n <= 6 {
					for k := 0; k < fn; k++ {
						units *= 10
					}
					units, scale, de = units+fv, fn, fe
				}
			}
			value, e = xxgk.Int(units).Shift(-scale), de
		} else {
			v, ie, ok := sc.intAt(j)
			if !ok || ie == j {
				return j
			}
			value, e = xxgk.Int(v), ie
			if strings.HasPrefix(s[e:], "点") { // 百分之十二点五
				k := e + len("点")
				frac, fn := int64(0), 0
				for k < len(s) && fn < 12 {
					r, size := utf8.DecodeRuneInString(s[k:])
					d := zh.Digit(r)
					if d < 0 || r == '两' {
						break
					}
					frac, fn, k = frac*10+int64(d), fn+1, k+size
				}
				if fn > 0 {
					v, ok := value.CheckedAdd(xxgk.Int(frac).Shift(-fn))
					if !ok { // beyond a Number: no figure to read
						return j
					}
					value, e = v, k
				}
			}
		}
	}
	start, approx := sc.prefix(st)
	t := pnTail{end: e}
	sc.approxAfter(&t, false)
	return sc.emit(numMention{Start: start, End: t.end, Value: value, Unit: "%", Approx: approx || t.approx, Kind: numPercent})
}

// circled reads ① ⑴ ⒈ ㈠ as ordinals.
func (sc *pnScanner) circled(st int, r rune, size int) int {
	var v int64
	switch {
	case r <= 0x2473:
		v = int64(r-0x2460) + 1
	case r <= 0x2487:
		v = int64(r-0x2474) + 1
	case r <= 0x249B:
		v = int64(r-0x2488) + 1
	default:
		v = int64(r-0x3220) + 1
	}
	return sc.emit(numMention{Start: st, End: st + size, Value: xxgk.Int(v), Kind: numOrdinal})
}

// ---- Chinese numerals ----

// pnCNStopBefore are runes that make a following numeral part of a word:
// 统一, 唯一, 逐一, 之一, 三分之二, 其二, 第 (read by ordinal). pnCNStopBeforeOne
// do so for 一 alone: 同一, 每一, 不一, 合一, 单一.
const (
	pnCNStopBefore    = "统唯逐划专之其第"
	pnCNStopBeforeOne = "同单不每独如归合"
)

// pnCNStopWords start with numerals and are words, slogans or names, not
// numbers.
var pnCNStopWords = []string{
	"一次性", "一次办", "一件事", "一条龙", "一张网", "一张图", "一部分", "一门式", "一段时间",
	"一把手", "一体化", "一站式", "一网通办", "一本账",
	"两个维护", "两个确立", "四个意识", "四个自信", "四个全面", "三个代表", "八项规定",
	"五位一体", "三位一体", "一个中心",
}

// pnCNStopSeconds marks the second runes of pnCNStopWords, Han
// characters of the Basic Multilingual Plane.
var pnCNStopSeconds = func() *runeSet {
	var set runeSet
	for _, w := range pnCNStopWords {
		_, n := utf8.DecodeRuneInString(w)
		r, _ := utf8.DecodeRuneInString(w[n:])
		set.add(r)
	}
	return &set
}()

// pnCNStopWordAt returns the length of the word of pnCNStopWords that
// s[st:] starts with, 0 when none does. The words are tried only after a
// second rune that one of them has: most numerals are followed by none,
// and trying the two dozen words at each cost a fifth of chinese.
func pnCNStopWordAt(s string, st int) int {
	_, n := decodeRune(s, st)
	if st+n >= len(s) {
		return 0
	}
	if r2, _ := decodeRune(s, st+n); !pnCNStopSeconds.has(r2) {
		return 0
	}
	for _, w := range pnCNStopWords {
		if strings.HasPrefix(s[st:], w) {
			return len(w)
		}
	}
	return 0
}

// chinese reads a numeral written in Chinese characters.
func (sc *pnScanner) chinese(st int) int {
	s := sc.s
	j, runes := st, 0
	hasPlace, hasJi, hasASCII := false, false, false
	for j < len(s) && runes < 24 {
		r, size := decodeRune3(s, j)
		if size == 0 {
			r, size = decodeRune(s, j)
		}
		switch {
		case zh.Place(r) > 0:
			if hasASCII {
				goto done
			}
			hasPlace = true
		case zh.Digit(r) >= 0:
		case r == '几':
			hasJi = true
		case !hasPlace && runes > 0 && zh.PositionalDigit(r) >= 0:
			hasASCII = true
		default:
			goto done
		}
		j += size
		runes++
	}
done:
	text := s[st:j]
	if prev := pnPrevRune(s, st, 0); strings.ContainsRune(pnCNStopBefore, prev) ||
		(text == "一" && strings.ContainsRune(pnCNStopBeforeOne, prev)) {
		return j
	}
	if n := pnCNStopWordAt(s, st); n > 0 {
		return st + n
	}
	if pnPrevRune(s, st, 0) == '跑' { // 最多跑一次
		return j
	}
	if hasJi {
		return sc.vagueTail(st, j, text != "几")
	}
	v, ok := zh.ParseNumeral(text)
	positional := ok && !hasPlace && runes > 1
	if !ok || positional {
		if positional && runes == 4 && strings.HasPrefix(s[j:], "年") && v >= 1900 && v <= 2099 {
			unit := "年"
			if strings.HasPrefix(s[j:], "年度") {
				unit = "年度"
			}
			return sc.yearMention(st, j+len(unit), v, unit)
		}
		if runes == 2 && !hasPlace && !hasASCII && sc.unitAhead(j, true) { // 两三件, 三五个
			if a, b := zh.Digit(pnNextRune(s, st)), zh.Digit(pnPrevRune(s, j, st)); a > 0 && b > a {
				return sc.vagueTail(st, j, true)
			}
		}
		return j
	}
	next := pnNextRune(s, j)
	switch next {
	case '是': // 一是, 二是
		if v >= 1 && v <= 20 {
			return sc.emit(numMention{Start: st, End: j + len("是"), Value: xxgk.Int(v), Kind: numOrdinal})
		}
		return j
	case '、': // 一、基本情况 (二、三季度 is a list)
		if v >= 1 && v <= 99 {
			if r := pnNextRune(s, j+len("、")); zh.Digit(r) < 0 && zh.Place(r) == 0 {
				return sc.emit(numMention{Start: st, End: j + len("、"), Value: xxgk.Int(v), Kind: numOrdinal})
			}
		}
		return j
	case '至', '到', '-', '—', '～', '~':
		if r := pnNextRune(s, j+utf8.RuneLen(next)); zh.Digit(r) > 0 || zh.Place(r) == 10 { // 三至五件
			return sc.emit(numMention{Start: st, End: j, Value: xxgk.Int(v), Kind: numCount})
		}
	}
	t := sc.tail(j, true)
	if !t.has {
		if t.approx && t.exp == 0 && strings.HasPrefix(s[j:], "余") { // 三十余
			return sc.finish(st, xxgk.Int(v), t, "")
		}
		return j
	}
	// 九台区, 七台河, 五家渠: a unit followed by a place-name suffix
	if strings.Contains("台家所处部座", t.unit.text) && strings.ContainsRune("区县市镇乡村路街河山渠湖岛州省江", pnNextRune(s, t.uend)) {
		return j
	}
	if t.exp == 0 && !t.pre {
		switch t.unit.role {
		case pnRoleYear:
			if v == 1 { // 一年来, 的一年
				return j
			}
		case pnRoleMonth:
			if v >= 1 && v <= 12 {
				return sc.monthMention(st, t.uend, v)
			}
			return j
		case pnRoleDay:
			if v >= 1 && v <= 31 && !pnWithin(s[t.uend:]) {
				return sc.emit(numMention{Start: st, End: t.uend, Value: xxgk.Int(v), Unit: "日", Kind: numDate})
			}
		case pnRoleQuarter:
			if v >= 1 && v <= 4 {
				return sc.emit(numMention{Start: st, End: t.uend, Value: xxgk.Int(v), Unit: "季度", Kind: numDate})
			}
			return j
		}
	}
	if t.unit.text == "起" && v == 1 && !strings.ContainsRune("案事投诉复纠举违信申安交火重较", pnNextRune(s, t.end)) {
		return j // 一起 (together), not 一起案件
	}
	scale := ""
	if strings.HasSuffix(text, "万") || strings.HasSuffix(text, "亿") {
		scale = text[len(text)-len("万"):]
	}
	return sc.finish(st, xxgk.Int(v), t, scale)
}

// vagueTail emits a vague amount (几十件, 十几个, 两三件, 数百条) as numOther
// with no value. Without a unit it is emitted only when force is set.
func (sc *pnScanner) vagueTail(st, j int, force bool) int {
	t := sc.tail(j, true)
	if !t.has && !force {
		return j
	}
	start, _ := sc.prefix(st)
	return sc.emit(numMention{Start: start, End: t.end, Unit: t.unit.text, Approx: true, Kind: numOther})
}

// pnNounBeforeShu are runes after which 数 is a noun (件数, 人数, 总数), so a
// numeral after it is exact: 件数十件.
const pnNounBeforeShu = "件人次总条户个篇项页份字岁位分指参函系变倍基常多少半无全天台家票点名例场批期本笔宗册张套所处类种组支轮账帐读码算术实命定运级度序号台届计均余整"

// vague reads 数十, 数百, 上百, 上千, 上万, 成千.
func (sc *pnScanner) vague(st int, r rune, size int) int {
	s := sc.s
	j := st + size
	p := pnNextRune(s, j)
	if r == '数' {
		if zh.Place(p) == 0 || strings.ContainsRune(pnNounBeforeShu, pnPrevRune(s, st, 0)) {
			return j
		}
	} else if p != '百' && p != '千' && p != '万' {
		return j
	}
	for j < len(s) {
		q, qs := utf8.DecodeRuneInString(s[j:])
		if zh.Place(q) == 0 {
			break
		}
		j += qs
	}
	if r != '数' && !sc.unitAhead(j, true) {
		return j
	}
	return sc.vagueTail(st, j, true)
}

// ---- ranges and lists ----

// fixRanges revisits neighbours: "3-5件" is a range (both numOther), and
// "2012-2013年", "1-3月" take the kind of their second end.
func (sc *pnScanner) fixRanges() {
	out := sc.out
	for k := 0; k+1 < len(out); k++ {
		a, b := &out[k], &out[k+1]
		if a.Kind != numCount || a.Unit != "" || a.Approx {
			continue
		}
		gap := strings.TrimFunc(sc.s[a.End:b.Start], zh.IsLineSpace)
		rangeSep := false
		switch gap {
		case "-", "—", "－", "–", "~", "～", "至", "到", "—―", "——":
			rangeSep = true
		case "、", "和", "及", "与", "，", ",":
		default:
			continue
		}
		switch b.Kind {
		case numYear:
			if a.Value.IsInt() && a.Value.Cmp(xxgk.Int(1900)) >= 0 && a.Value.Cmp(xxgk.Int(2099)) <= 0 {
				a.Kind = numYear
			}
		case numDate:
			if rangeSep && b.Unit != "年月日" && b.Unit != "年月" {
				a.Kind = numDate
			}
		case numPercent:
			if rangeSep {
				a.Kind = numPercent
			}
		case numCount, numMoney:
			if rangeSep && b.Unit != "" {
				a.Kind, b.Kind = numOther, numOther
			}
		}
	}
}

func pnDigitCount(v int64) int {
	n := 1
	for v >= 10 {
		v /= 10
		n++
	}
	return n
}
