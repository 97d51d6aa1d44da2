package prose

// The sentence splitter as it was before its scan was made to skip the
// runes that end nothing: the reference the differential test and the fuzz
// test compare the splitter with. Only the names differ.

import (
	"iter"
	"strings"
	"unicode/utf8"

	"xxgk/document"
	"xxgk/internal/strs"
	"xxgk/zh"
)

// sentenceRef is sentence as it was, with its section joined.
type sentenceRef struct {
	Text    string
	Line    int
	Block   int
	Topic   topic
	Heading string
	Section string
	Page    int
}

// headingEntryRef is headingEntry as it was.
type headingEntryRef struct {
	level int
	topic topic
	text  string
}

// sentencesRef yields the sentences of splitSentences one by one, as they are
// cut: the reader needs each only once, and a report's slice of them grown
// sentence by sentence cost more than reading them.
func sentencesRef(doc *document.Document) iter.Seq[sentenceRef] {
	return func(yield func(sentenceRef) bool) {
		sp := sentenceSplitterRef{yield: yield}
		for i, b := range doc.Blocks {
			if b.Table != nil || b.Text == "" {
				continue
			}
			sp.block(i, b)
			if sp.stopped {
				return
			}
		}
	}
}

type sentenceSplitterRef struct {
	yield   func(sentenceRef) bool // takes each sentence
	stopped bool                   // yield asked for no more
	stack   []headingEntryRef      // open headings, outermost first
	docYear int                    // first year the prose names, 0 until seen
	l1      int                    // number of the open level-1 section (三、 → 3)
	inIntro bool                   // in the sentence listing the report's parts

	// the block being split
	line  int
	index int
	page  int

	// the open headings' texts and their joined section, kept while the
	// headings stay open: every sentence of a section shares the string
	secHeads []string
	secText  string
}

// section is the open headings joined for people (一、总体情况 ›
// （一）主动公开方面).
func (sp *sentenceSplitterRef) section() string {
	same := len(sp.secHeads) == len(sp.stack)
	for i := 0; same && i < len(sp.stack); i++ {
		same = sp.secHeads[i] == sp.stack[i].text
	}
	if !same {
		sp.secHeads = sp.secHeads[:0]
		for _, e := range sp.stack {
			sp.secHeads = append(sp.secHeads, e.text)
		}
		sp.secText = strings.Join(sp.secHeads, " › ")
	}
	return sp.secText
}

// block splits one paragraph. It is a single left-to-right pass; heading
// and title checks look ahead a bounded number of runes.
func (sp *sentenceSplitterRef) block(index int, b document.Block) {
	t := removePinyin(b.Text)
	sp.line, sp.index, sp.page = b.Line, index, b.Page
	sp.inIntro = false
	// An attachment starts with 附 or names a 统计表 ahead: the last one
	// says where none is left, and isAttachment need not look.
	lastTable := lastIndex(t, "统计表")
	mayAttach := strings.Contains(t, "附") || lastTable >= 0
	start := 0       // start of the pending sentence
	boundary := true // a heading may start here
	depth := 0       // open brackets and quotes
	openRunes := 0   // runes since the outermost bracket opened
	n := 0           // runes in the pending sentence
	lastComma := -1  // byte offset just after the last comma of the sentence
	lastSpace := -1  // byte offset of the last white space of the sentence
	for i := 0; i < len(t); {
		// Numbering right after a digit or other ASCII is weak evidence: in
		// a table flattened into text (…4166.24三、收到和处理…) it may be a
		// section or a row; after an address (…@163.com一、概述) a section.
		weak := !boundary && i > 0 && t[i-1] > ' ' && t[i-1] < utf8.RuneSelf && t[i] >= 0xE4
		if (boundary || weak) && (depth == 0 || openRunes > staleBracketRunes) {
			if level, tokEnd := numberingTokenRef(t, i); level > 0 && (!weak || level == 1) {
				titleEnd, end, ok := headingTitleRef(t, tokEnd, i == 0)
				if sp.inIntro || introListRef(t[start:i]) {
					ok, sp.inIntro = false, true
				}
				var tp topic
				if ok {
					tp = headingTopic(t[tokEnd:titleEnd], sp.docYear, false)
					level, ok = sp.accept(level, t[i:tokEnd], tp, weak)
				}
				if ok {
					sp.emit(t[start:i])
					sp.heading(level, t[i:tokEnd], t[i:titleEnd], tp, t[i:end])
					start, i = end, end
					depth, n, lastComma, lastSpace = 0, 0, -1, -1
					continue
				}
			}
			if boundary && mayAttach && !sp.inAttachment() && (lastTable >= i || strings.HasPrefix(t[i:], "附")) && isAttachment(t[i:]) {
				// 附件1：…统计表 ends the report's sections.
				sp.emit(t[start:i])
				sp.stack = append(sp.stack[:0], headingEntryRef{level: 0, text: "附件"})
				sp.l1 = 0
				start = i
				n, lastComma, lastSpace = 0, -1, -1
			}
		}
		var r rune
		var size int
		if c := t[i]; c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(t) && t[i+1]&0xC0 == 0x80 && t[i+2]&0xC0 == 0x80 {
			r, size = rune(c&0x0F)<<12|rune(t[i+1]&0x3F)<<6|rune(t[i+2]&0x3F), 3 // decodeRune, inline
		} else {
			r, size = decodeRune(t, i)
		}
		boundary = false
		n++
		if depth > 0 {
			openRunes++
		}
		switch {
		case r >= 0x4E00 && r <= 0x9FFF:
			// An ideograph, most of the text: nothing to do.
		case r == '\n':
			sp.emit(t[start:i])
			start = i + size
			depth, n, lastComma, lastSpace = 0, 0, -1, -1
			boundary = true
		case isSentSpace(r):
			boundary = true
			lastSpace = i
		case isOpener(r):
			if depth == 0 {
				openRunes = 0
			}
			depth++
		case isCloser(r):
			if depth > 0 {
				depth--
			}
		case r == '：' || r == ':':
			boundary = true
		case isTerminator(r) && (depth == 0 || openRunes > staleBracketRunes):
			if r != '；' && r != ';' {
				sp.inIntro = false
			}
			end := absorbClosersRef(t, i+size)
			sp.emit(t[start:end])
			start, i = end, end
			depth, n, lastComma, lastSpace = 0, 0, -1, -1
			boundary = true
			continue
		case r == '，' || r == ',' || r == '、':
			lastComma = i + size
		}
		i += size
		if n >= maxSentenceRunes {
			cut := i
			if lastComma > start {
				cut = lastComma
			} else if lastSpace > start {
				cut = lastSpace
			}
			sp.emit(t[start:cut])
			start = cut
			n = utf8.RuneCountInString(t[cut:i])
			depth, lastComma, lastSpace = 0, -1, -1
		}
	}
	sp.emit(t[start:])
}

// emit adds a sentence of the current block under the open headings.
func (sp *sentenceSplitterRef) emit(s string) {
	s = strings.TrimSpace(s)
	if s == "" || sp.stopped {
		return
	}
	if sp.docYear == 0 {
		if y, _, _ := zh.NextYear(s, 0); y != 0 {
			sp.docYear = y
		}
	}
	tp, h := sp.current()
	sp.stopped = !sp.yield(sentenceRef{Text: s, Line: sp.line, Block: sp.index, Topic: tp, Heading: h,
		Section: sp.section(), Page: sp.page})
}

// accept decides on a level-1 heading by its number. After weak evidence
// only a section of a known topic numbered after the current one counts,
// so that rows of a flattened table (…0000三、本年度办理结果) open no
// section. A number that does not advance (a table's rows printed one per
// line under 三、收到和处理…: 一、本年新收… 二、上年结转… 三、本年度…) opens
// a section only when it names another topic; under the same topic it is a
// row (level rowLevel) and with no topic it is ignored.
func (sp *sentenceSplitterRef) accept(level int, token string, tp topic, weak bool) (int, bool) {
	if level != 1 {
		return level, true
	}
	n := tokenNumber(token)
	if weak {
		return level, n > sp.l1 && tp != topicUnknown
	}
	if n > sp.l1 {
		return level, true
	}
	switch tp {
	case topicUnknown:
		return level, false
	case sp.l1Topic():
		return rowLevel, true
	}
	return level, true
}

// l1Topic is the topic of the open level-1 section.
func (sp *sentenceSplitterRef) l1Topic() topic {
	for _, e := range sp.stack {
		if e.level == 1 {
			return e.topic
		}
	}
	return topicUnknown
}

// inAttachment reports whether the sentences are in an attachment.
func (sp *sentenceSplitterRef) inAttachment() bool {
	return len(sp.stack) == 1 && sp.stack[0].level == 0
}

// heading opens a section: it closes the open sections of the same or a
// deeper level and adds the heading's own sentence.
func (sp *sentenceSplitterRef) heading(level int, token, text string, tp topic, sent string) {
	for len(sp.stack) > 0 && sp.stack[len(sp.stack)-1].level >= level {
		sp.stack = sp.stack[:len(sp.stack)-1]
	}
	if level == 1 {
		sp.l1 = tokenNumber(token)
	}
	text = strings.TrimRight(strings.TrimSpace(text), "。！？；;：:!?")
	sp.stack = append(sp.stack, headingEntryRef{level: level, topic: tp, text: text})
	sp.emit(sent)
}

// current is the topic and heading for a sentence under the open headings.
func (sp *sentenceSplitterRef) current() (topic, string) {
	if len(sp.stack) == 0 {
		return topicUnknown, ""
	}
	h := sp.stack[len(sp.stack)-1].text
	tp := topicUnknown
	for i := len(sp.stack) - 1; i >= 0; i-- {
		switch sp.stack[i].topic {
		case topicUnknown:
		case topicOverview:
			if tp == topicUnknown {
				tp = topicOverview
			}
		default:
			return sp.stack[i].topic, h
		}
	}
	return tp, h
}

// numberingTokenRef reads section numbering at t[i:]: 一、 (level 1),
// (一) （一） (level 2), 1. 1、 1． (level 3), (1) （1） (level 4). It returns
// the level and the end of the token, or 0. (templates.StripNumbering reads
// the numbering of folded table labels by a looser rule of its own: bare
// digits before a label, 其中:, up to three tokens in a row.)
func numberingTokenRef(t string, i int) (level, end int) {
	if i >= len(t) {
		return 0, 0
	}
	j := i
	paren := false
	if t[j] == '(' {
		paren, j = true, j+1
	} else if strings.HasPrefix(t[j:], "（") {
		paren, j = true, j+len("（")
	}
	k := j
	han := 0
	for k < len(t) && han < 3 {
		r, size := utf8.DecodeRuneInString(t[k:])
		if !zh.IsNumeral(r) {
			break
		}
		han++
		k += size
	}
	digits := 0
	if han == 0 {
		for k < len(t) && t[k] >= '0' && t[k] <= '9' && digits < 3 {
			digits++
			k++
		}
		if digits == 0 || digits > 2 {
			return 0, 0
		}
	}
	if paren {
		switch {
		case k < len(t) && t[k] == ')':
			k++
		case strings.HasPrefix(t[k:], "）"):
			k += len("）")
		default:
			return 0, 0
		}
		if han > 0 {
			return 2, k
		}
		return 4, k
	}
	switch {
	case strings.HasPrefix(t[k:], "、"):
		k += len("、")
	case strings.HasPrefix(t[k:], "．"):
		k += len("．")
		if k < len(t) && t[k] >= '0' && t[k] <= '9' {
			return 0, 0 // 1．5, not numbering
		}
	case k < len(t) && t[k] == '.':
		k++
		if k < len(t) && t[k] >= '0' && t[k] <= '9' {
			return 0, 0 // 1.5, not numbering
		}
	default:
		return 0, 0
	}
	if han > 0 {
		return 1, k
	}
	return 3, k
}

// headingTitleRef reads the title after a numbering token ending at from.
// It returns the end of the title, the end of the heading's sentence (after
// the punctuation that ends the title) and whether a title was found.
// atStart is set for a token that starts the paragraph, where a whole short
// paragraph may be the heading.
func headingTitleRef(t string, from int, atStart bool) (titleEnd, end int, ok bool) {
	j := from
	for j < len(t) {
		r, size := utf8.DecodeRuneInString(t[j:])
		if !isSentSpace(r) {
			break
		}
		j += size
	}
	begin := j
	k, depth, han := 0, 0, 0
	var prev rune
scan:
	for j < len(t) {
		r, size := utf8.DecodeRuneInString(t[j:])
		if depth == 0 && k > 0 {
			switch {
			case r == '；' || r == ';':
				return 0, 0, false // a list of parts, not a heading
			case isTerminator(r) || r == '：' || r == ':':
				if k > maxTitleRunes || han == 0 {
					break scan
				}
				return runInRef(t, begin, j, absorbClosersRef(t, j+size))
			case isSentSpace(r) || r == '\n':
				if k > maxTitleRunes || han == 0 {
					break scan
				}
				return runInRef(t, begin, j, j)
			case k >= 2 && (prev != '第' && zh.IsHan(prev) || isCloser(prev) || prev >= '0' && prev <= '9'):
				if lv, _ := numberingTokenRef(t, j); lv > 0 && (lv == 1 || prev > '9') {
					if k > maxTitleRunes || han == 0 {
						break scan
					}
					return runInRef(t, begin, j, j)
				}
				if k >= 4 && zh.IsNumeral(r) && strings.HasPrefix(t[j+size:], "是") {
					if k > maxTitleRunes {
						break scan
					}
					return runInRef(t, begin, j, j) // 一是…: the text's own enumeration starts
				}
			}
		}
		switch {
		case isOpener(r):
			depth++
		case isCloser(r):
			if depth > 0 {
				depth--
			}
		}
		if zh.IsHan(r) {
			han++
		}
		k++
		if k > maxBlockTitleRunes || !atStart && k > maxTitleRunes {
			break
		}
		prev = r
		j += size
	}
	if j >= len(t) && han > 0 && (k <= maxTitleRunes || atStart && k <= maxBlockTitleRunes) {
		return runInRef(t, begin, j, j) // the rest of the paragraph is the title
	}
	if e := titleByWords(t[begin:]); e > 0 {
		return begin + e, begin + e, true
	}
	return 0, 0, false
}

// runInRef returns a title found to end at titleEnd (its sentence at end),
// unless a title-ending word inside it is followed by text with a number,
// where the title really ends: 六、其他需要报告的事项2025年，无收取信息处理费
// 情况。 （一）主动公开政府信息的数量各乡镇公开1条。
func runInRef(t string, begin, titleEnd, end int) (int, int, bool) {
	if e := titleByWords(t[begin:titleEnd]); e > 0 && begin+e < titleEnd &&
		strings.ContainsAny(t[begin+e:titleEnd], "0123456789") {
		return begin + e, begin + e, true
	}
	return titleEnd, end, true
}

// absorbClosersRef extends a sentence end over further terminators and
// closing quotes and brackets (…。” …？！).
func absorbClosersRef(t string, i int) int {
	for i < len(t) {
		r, size := utf8.DecodeRuneInString(t[i:])
		if !isTerminator(r) && !isCloser(r) {
			break
		}
		i += size
	}
	return i
}

// lastIndex is strings.LastIndex for a word most texts do not hold: the
// forward search is vectorised and gives up at once where LastIndex would
// hash its way back through the whole text.
func lastIndex(s, word string) int {
	last := -1
	for i := 0; ; {
		j := strings.Index(s[i:], word)
		if j < 0 {
			return last
		}
		last = i + j
		i = last + 1
	}
}

// titleStopRef is strings.IndexAny(w, "。！？；，,:：“《"), one character
// decoded at a time (none of them is utf8.RuneError, which IndexAny
// would match to an invalid byte).
func titleStopRef(w string) int {
	for i := 0; i < len(w); {
		r, size := decodeRune(w, i)
		switch r {
		case '。', '！', '？', '；', '，', ',', ':', '：', '“', '《':
			return i
		}
		i += size
	}
	return -1
}

// byteOffsetOfRuneRef returns the offset of the n-th rune of s (from 0), or
// len(s).
func byteOffsetOfRuneRef(s string, n int) int {
	for i := 0; i < len(s); {
		if n == 0 {
			return i
		}
		n--
		_, size := decodeRune(s, i)
		i += size
	}
	return len(s)
}

// introListRef is introList as it was, over the whole pending sentence.
func introListRef(pending string) bool {
	if pending == "" {
		return false
	}
	return strs.ContainsAny(pending, introSubjects) && strs.ContainsAny(pending, introParts)
}
