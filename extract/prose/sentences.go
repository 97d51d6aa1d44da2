package prose

import (
	"iter"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"xxgk/document"
	"xxgk/internal/strs"
	"xxgk/zh"
)

// Sentences and sections of the prose. Reports are written as numbered
// sections (一、 (一) 1. (1)) with a short title each; the sentence reader
// below finds those headings, also inside the one-line bodies of crawled page
// text, classifies them into topics, and cuts the prose into sentences that
// remember the section they belong to.

// topic is what a section of a report is about.
type topic int

const (
	topicUnknown   topic = iota
	topicOverview        // 概述, 总体情况, 基本情况, 工作开展情况 …
	topicProactive       // 主动公开政府信息(的)情况, 主动公开 …
	topicRequests        // 依申请公开, 收到和处理政府信息公开申请情况, 申请公开 …
	topicFees            // 收费及减免, 收取费用, 信息处理费 …
	topicReview          // 行政复议, 行政诉讼, 申诉, 复议诉讼 … (table 四 section too)
	topicStaff           // 机构建设, 工作人员, 经费, 保障 …
	topicProblems        // 存在的主要问题, 不足, 改进措施, 整改 …
	topicPlans           // 下一步, 工作计划, 工作打算, 今后 …, 2017年工作重点 (a future year)
	topicConsult         // 咨询处理, 咨询情况 …
	topicOther           // 其他需要报告的事项 …
)

var topicNames = [...]string{"unknown", "overview", "proactive", "requests", "fees", "review", "staff", "problems", "plans", "consult", "other"}

func (t topic) String() string {
	if t >= 0 && int(t) < len(topicNames) {
		return topicNames[t]
	}
	return "topic?"
}

// sentence is one sentence of a report's prose.
type sentence struct {
	Text  string // the sentence, trimmed, with pinyin glosses removed
	Line  int    // the line of its block (Block.Line)
	Block int    // index of the block in doc.Blocks
	// Topic is the topic of the innermost section heading the sentence falls
	// under, or of the nearest enclosing heading whose topic is known.
	Topic topic
	// Heading is the text of the innermost heading (numbering included,
	// trailing punctuation dropped); a heading's own sentence names itself.
	Heading string
	Page    int // the PDF page of its block, 0 for other formats
	// Folded is Text in simplified characters (zh.FoldHan of Text) when
	// sentencesIn was given the document's folded blocks, "" otherwise.
	Folded string
	// path is the innermost open heading, whose parents are the others:
	// Section joins them.
	path *sectionPath
}

// Section is the open headings, outermost first, joined for people
// (一、总体情况 › （二）依申请公开): where the sentence stands. It is joined
// when asked, not for every sentence: most sentences are dropped unread,
// and the sections joined for them were most of what the splitter
// allocated.
func (s sentence) Section() string {
	return s.path.String()
}

// sectionPath is an open heading and, through parent, the headings it is
// under. The splitter makes one per heading and never changes its
// headings, so sentences share them.
type sectionPath struct {
	parent *sectionPath
	text   string
	// joined is String's result once asked: every figure read under the
	// heading names its section, and joining it for each was most of the
	// strings the reader allocated. (A path is read by the one reading
	// of a report that made it.)
	joined string
}

// String joins the headings of p, outermost first, with " › ".
func (p *sectionPath) String() string {
	if p == nil {
		return "" // no heading is open
	}
	if p.joined != "" {
		return p.joined
	}
	var heads [8]string // deeper than any report nests
	hs := heads[:0]
	for q := p; q != nil; q = q.parent {
		hs = append(hs, q.text)
	}
	slices.Reverse(hs)
	p.joined = strings.Join(hs, " › ")
	return p.joined
}

// topicWords classify a heading's title: the first entry with a word the
// folded title contains gives the topic. Order matters: 因政府信息公开申请
// 提起行政复议 is about review, not requests; 依申请公开信息收取的费用 is
// about fees. Entries with year set apply only to a title naming a year
// later than the report's (2017年工作重点 in a 2016 report).
var topicWords = []struct {
	topic topic
	year  bool
	words []string
}{
	{topic: topicOther, words: []string{"其他需要报告", "其他事项", "其他需说明", "其他需要说明"}},
	{topic: topicReview, words: []string{"行政复议", "行政诉讼", "复议", "诉讼", "申诉", "举报投诉数"}},
	{topic: topicFees, words: []string{"收费", "减免", "收取费用", "收取的费用", "信息处理费", "费用"}},
	{topic: topicConsult, words: []string{"咨询"}},
	{topic: topicProblems, words: []string{"存在的主要问题", "主要问题", "存在问题", "存在的问题", "不足", "改进措施", "改进情况", "整改", "困难"}},
	{topic: topicPlans, words: []string{"下一步", "下步", "工作计划", "工作打算", "今后", "工作思路", "工作设想", "展望"}},
	{topic: topicPlans, year: true, words: []string{"工作重点", "工作安排", "工作要点", "重点工作", "工作目标", "工作任务"}},
	{topic: topicRequests, words: []string{"依申请", "申请公开", "收到和处理", "公开申请", "收到申请", "申请办结", "申请答复", "申请数"}},
	{topic: topicProactive, words: []string{"主动公开"}},
	{topic: topicStaff, words: []string{"机构建设", "工作人员", "人员配备", "经费", "保障", "财政投入", "培训", "机构设置", "队伍建设"}},
	{topic: topicOverview, words: []string{"概述", "总体情况", "基本情况", "工作开展情况", "概况", "工作情况", "总体工作", "基本工作"}},
}

// topicLists holds the words of topicWords, list i those of entry i: one
// pass over a title tells the entries it has a word of (most titles have
// none).
var topicLists = func() *listSet {
	var lists [][]string
	for _, e := range topicWords {
		lists = append(lists, e.words)
	}
	return newListSet(lists...)
}()

// headingTopic classifies a heading title (numbering removed). docYear is
// the report's year as far as known, 0 when not. plain says the title folds
// to itself (headingTitle saw so).
func headingTopic(title string, docYear int, plain bool) topic {
	f := title
	if !plain {
		f = fold(title)
	}
	found := topicLists.found(f)
	if found == (wordBits{}) {
		return topicUnknown
	}
	for i, e := range topicWords {
		if !topicLists.has(found, i) {
			continue
		}
		if e.year {
			y, _, _ := zh.NextYear(f, 0)
			if y == 0 || docYear != 0 && y <= docYear {
				continue
			}
		}
		if e.topic == topicRequests && strings.Contains(f, "主动公开") {
			return topicOverview // 加强主动公开和依申请公开办理情况: both sections in one
		}
		return e.topic
	}
	return topicUnknown
}

// Limits of the sentence reader, in runes.
const (
	maxTitleRunes      = 30  // a heading title ended by punctuation or space
	maxBlockTitleRunes = 50  // a paragraph that is all heading
	maxTitleWordRunes  = 25  // window for a title that runs into its text
	maxSentenceRunes   = 300 // a run without sentence punctuation is cut at a comma
	staleBracketRunes  = 200 // an opening bracket not closed by then is ignored
)

// sentencesIn yields the sentences of doc's paragraphs one by one, as
// they are cut, each with the section it falls under; tables are skipped.
// (The reader needs each only once, and a report's slice of them grown
// sentence by sentence cost more than reading them.) The open headings
// and their paths are in the memory buf keeps from one report's reading
// to the next (none when buf is nil): the sentences yielded, and their paths, must not be kept past
// the reading of the report. The paths of a report's headings, allocated
// anew for each, were a sixth of the bytes the reader allocated.
//
// folded, when not nil, is doc with each block's text folded by
// zh.FoldHan (the simplified document the metadata reads, whose blocks
// are doc's): each sentence then gives its Folded text, sliced from its
// block's where that is exactly zh.FoldHan of the sentence (foldedText).
// Folding each sentence again cost nearly as much as folding the document.
func sentencesIn(doc, folded *document.Document, buf *scratch) iter.Seq[sentence] {
	return func(yield func(sentence) bool) {
		eachSentence(doc, folded, buf, yieldSink(yield))
	}
}

// A sentenceSink takes the sentences eachSentence cuts, one by one, and
// says whether it wants more.
//
// The splitter keeps it, and it is given what the splitter hands out: a
// function (the yield of a range over sentencesIn) escapes, and so do the
// variables of the loop body it is, which the compiler then allocates
// for every report. The reader of the figures is a sink kept in its
// scratch memory (candidateReader), allocated once.
type sentenceSink interface {
	take(s sentence) bool
}

// yieldSink is a yield function as a sentenceSink.
type yieldSink func(sentence) bool

func (f yieldSink) take(s sentence) bool { return f(s) }

// eachSentence cuts the sentences of doc as sentencesIn yields them,
// and gives them to sink.
func eachSentence(doc, folded *document.Document, buf *scratch, sink sentenceSink) {
	sp := sentenceSplitter{sink: sink, folded: folded}
	if buf != nil {
		sp.stack, sp.paths = buf.stack[:0], buf.paths
		defer func() {
			buf.stack = sp.stack[:0]
			if sp.opened > len(buf.paths) {
				// Those past buf's were allocated 16 at a time: the
				// next report's are in one.
				buf.paths = make([]sectionPath, sp.opened)
			}
		}()
	}
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

type headingEntry struct {
	level int
	topic topic
	text  string
	path  *sectionPath // this heading under the open ones before it
	// within is the topic of a sentence under this heading and the open
	// ones before it (current), set when it is opened: every sentence
	// asked, walking the open headings each time.
	within topic
}

type sentenceSplitter struct {
	sink    sentenceSink   // takes each sentence
	stopped bool           // the sink asked for no more
	stack   []headingEntry // open headings, outermost first
	docYear int            // first year the prose names, 0 until seen
	l1      int            // number of the open level-1 section (三、 → 3)
	inIntro bool           // in the sentence listing the report's parts

	// the block being split
	line  int
	index int
	page  int
	t     string // its text as split (removePinyin)

	intro introFound // what introList found of the pending sentence

	// folded is the document in simplified characters, nil when the
	// sentences are not to be folded (sentencesIn); ft is t folded, when
	// it is as long as t (foldedText).
	folded *document.Document
	ft     string

	// paths to hand out, allocated some at a time: a report opens dozens
	// of headings
	paths  []sectionPath
	opened int // paths handed out
}

// open pushes a heading on the open ones, with its path.
func (sp *sentenceSplitter) open(e headingEntry) {
	if len(sp.paths) == 0 {
		sp.paths = make([]sectionPath, 16)
	}
	p := &sp.paths[0]
	sp.paths = sp.paths[1:]
	sp.opened++
	*p = sectionPath{text: e.text} // whole: the memory may be an earlier report's (sentencesIn)
	outer := topicUnknown          // the topic under the open headings before it
	if len(sp.stack) > 0 {
		p.parent = sp.stack[len(sp.stack)-1].path
		outer = sp.stack[len(sp.stack)-1].within
	}
	e.path = p
	e.within = within(e.topic, outer)
	sp.stack = append(sp.stack, e)
}

// section is the path of the innermost open heading, nil when none is.
func (sp *sentenceSplitter) section() *sectionPath {
	if len(sp.stack) == 0 {
		return nil
	}
	return sp.stack[len(sp.stack)-1].path
}

// block splits one paragraph. It is a single left-to-right pass; heading
// and title checks look ahead a bounded number of runes.
func (sp *sentenceSplitter) block(index int, b document.Block) {
	t := removePinyin(b.Text)
	sp.line, sp.index, sp.page, sp.t = b.Line, index, b.Page, t
	sp.intro.start = -1
	if sp.folded != nil {
		// zh.FoldHan(b.Text), the folded document's: t is b.Text where
		// removePinyin removed nothing, which it does only by removing.
		ft := sp.folded.Blocks[index].Text
		if len(t) != len(b.Text) {
			ft = zh.FoldHan(t)
		}
		sp.ft = ft
	}
	sp.inIntro = false
	// An attachment starts with 附 or names a 统计表 ahead, looked for
	// only at a boundary that is not 附 and once for the block where there
	// is none: most blocks have no 统计表, and were searched whole twice.
	// Once none is left (nextTable -1), tableNear, which would say false,
	// is not called at the block's other boundaries (the columns of a
	// table printed as text).
	nextTable := -2
	// The pending sentence's state that only some characters change. The
	// compiler keeps a struct of more than four fields in memory, read and
	// written where it is used: as separate variables they were spilled and
	// reloaded at every pass of the loop, whose calls leave few registers
	// (1.6% of the prose reader's instructions).
	var p struct {
		start     int // start of the pending sentence
		depth     int // open brackets and quotes
		openRunes int // runes since the outermost bracket opened
		lastComma int // byte offset just after the last comma of the sentence
		lastSpace int // byte offset of the last white space of the sentence
	}
	p.lastComma, p.lastSpace = -1, -1
	boundary := true // a heading may start here
	n := 0           // runes in the pending sentence
	for i := 0; i < len(t); {
		// Numbering right after a digit or other ASCII is weak evidence: in
		// a table flattened into text (…4166.24三、收到和处理…) it may be a
		// section or a row; after an address (…@163.com一、概述) a section.
		weak := false
		if !boundary && t[i] >= 0xE4 {
			if i > 0 && t[i-1] > ' ' && t[i-1] < utf8.RuneSelf {
				weak = true
			} else if t[i] <= 0xE9 {
				// A run of ideographs (U+4E00–U+9FFF), most of the text,
				// starts no heading inside it and ends nothing: it is
				// skipped as bytes, up to the rune that would make the
				// sentence too long. The run's first rune must not be a
				// place the checks below look at: after a boundary or
				// weakly after ASCII (…4166.24三、); after the run, whose
				// last byte is not ASCII, no numbering is weak. Only a
				// lead byte E4–E9 starts an ideograph: the call is not
				// made for other runes (punctuation after punctuation,
				// digits after a space).
				j := ideographRun(t, i, maxSentenceRunes-1-n)
				if j > i {
					if p.depth > 0 {
						p.openRunes += (j - i) / 3
					}
					n += (j - i) / 3
					if i = j; i >= len(t) {
						break
					}
				}
			}
		}
		if (boundary || weak) && (p.depth == 0 || p.openRunes > staleBracketRunes) {
			level, tokEnd := 0, 0
			if mayStartNumbering(t, i) { // inlined: most places start no numbering
				level, tokEnd = numberingToken(t, i)
			}
			if level > 0 && (!weak || level == 1) {
				titleEnd, end, ok, plain := headingTitle(t, tokEnd, i == 0)
				if sp.inIntro || sp.introList(p.start, i) {
					ok, sp.inIntro = false, true
				}
				var tp topic
				number := 0 // of a level-1 token, read once for accept and heading
				if ok {
					tp = headingTopic(t[tokEnd:titleEnd], sp.docYear, titleEnd <= plain)
					if level == 1 {
						number = tokenNumber(t[i:tokEnd])
					}
					level, ok = sp.accept(level, number, tp, weak)
				}
				if ok {
					sp.emit(p.start, i)
					sp.heading(level, number, t[i:titleEnd], tp, i, end)
					p.start, i = end, end
					p.depth, n, p.lastComma, p.lastSpace = 0, 0, -1, -1
					continue
				}
			}
			if boundary && !sp.inAttachment() && (strings.HasPrefix(t[i:], "附") || nextTable != -1 && tableNear(t, i, &nextTable)) && isAttachment(t[i:]) {
				// 附件1：…统计表 ends the report's sections.
				sp.emit(p.start, i)
				sp.stack = sp.stack[:0]
				sp.open(headingEntry{level: 0, text: "附件"})
				sp.l1 = 0
				p.start = i
				n, p.lastComma, p.lastSpace = 0, -1, -1
			}
		}
		var r rune
		var size int
		if c := t[i]; c < utf8.RuneSelf {
			r, size = rune(c), 1 // decodeRune, inline: spaces, digits, letters
		} else if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(t) && t[i+1]&0xC0 == 0x80 && t[i+2]&0xC0 == 0x80 {
			r, size = rune(c&0x0F)<<12|rune(t[i+1]&0x3F)<<6|rune(t[i+2]&0x3F), 3 // decodeRune, inline
		} else {
			r, size = decodeRune(t, i)
		}
		boundary = false
		n++
		if p.depth > 0 {
			p.openRunes++
		}
		switch {
		case r >= 0x4E00 && r <= 0x9FFF:
			// An ideograph, most of the text: nothing to do.
		case !splitRune(r):
			// Digits, letters, box drawing…: none of the cases below, told
			// by one table instead of their tests.
			//
			// The ASCII ones right after one of them (the other digits of
			// a number, the letters of a word) would each only be counted:
			// no numbering is looked for at them, which are no boundary
			// and lead no ideograph. A run of them is stepped over at
			// once, up to the rune that would make the sentence too long,
			// as a run of blanks is below. The loop for each was 1.3% of
			// the prose reader's instructions.
			if size == 1 {
				k := 0
				for k < maxSentenceRunes-1-n && i+1+k < len(t) && t[i+1+k] < utf8.RuneSelf && !splitRune(rune(t[i+1+k])) {
					k++
				}
				if p.depth > 0 {
					p.openRunes += k
				}
				n += k
				i += k
			} else if size == 3 {
				// Likewise the three-byte characters right after a
				// three-byte one, which is no boundary and, not being
				// ASCII, makes no numbering weak: the rules of tables
				// drawn in box characters (─ alone was a sixth of the
				// loop's passes) and the ideographs after them.
				j := plainRun(t, i+size, maxSentenceRunes-1-n)
				k := (j - i - size) / 3
				if p.depth > 0 {
					p.openRunes += k
				}
				n += k
				i = j - size // the last of them; i += size follows
			}
		case r == '，' || r == ',' || r == '、':
			// Before the tests of the rarer runes below, none of which
			// it is: commas are a fifth of the runes the switch acts on.
			p.lastComma = i + size
		case r == '\n':
			sp.emit(p.start, i)
			p.start = i + size
			p.depth, n, p.lastComma, p.lastSpace = 0, 0, -1, -1
			boundary = true
		case isSentSpace(r):
			boundary = true
			p.lastSpace = i
			// The ASCII blanks right after it would each only be counted
			// and do the same: at a boundary, no numbering starts with a
			// blank and isAttachment of a text that starts with one is
			// false (tableNear only caches). A run of them, the columns
			// of a table in page text, is stepped over at once, up to the
			// rune that would make the sentence too long, where the cut
			// is made as before. Looping over them one by one was 2.5% of
			// the prose reader's instructions.
			if size == 1 {
				k := 0
				for k < maxSentenceRunes-1-n && i+1+k < len(t) && isBlank(t[i+1+k]) {
					k++
				}
				if p.depth > 0 {
					p.openRunes += k
				}
				n += k
				i += k
				p.lastSpace = i
			}
		case isOpener(r):
			if p.depth == 0 {
				p.openRunes = 0
			}
			p.depth++
		case isCloser(r):
			if p.depth > 0 {
				p.depth--
			}
		case r == '：' || r == ':':
			boundary = true
		case isTerminator(r) && (p.depth == 0 || p.openRunes > staleBracketRunes):
			if r != '；' && r != ';' {
				sp.inIntro = false
			}
			end := absorbClosers(t, i+size)
			sp.emit(p.start, end)
			p.start, i = end, end
			p.depth, n, p.lastComma, p.lastSpace = 0, 0, -1, -1
			boundary = true
			continue
		}
		i += size
		if n >= maxSentenceRunes {
			cut := i
			if p.lastComma > p.start {
				cut = p.lastComma
			} else if p.lastSpace > p.start {
				cut = p.lastSpace
			}
			sp.emit(p.start, cut)
			p.start = cut
			n = utf8.RuneCountInString(t[cut:i])
			p.depth, p.lastComma, p.lastSpace = 0, -1, -1
		}
	}
	sp.emit(p.start, len(t))
}

// tableNear reports whether t holds 统计表 at or after i, near enough for
// isAttachment(t[i:]) to find it in the title it reads, of
// maxTitleWordRunes+6 runes: isAttachment of a text that does not start
// with 附 is false without one. *next keeps what the last search found for
// the calls of a block, whose i only grow: the offset of the first 统计表
// at or after where it searched, -1 when there was none, and < -1 before
// the first search.
func tableNear(t string, i int, next *int) bool {
	if *next < i && *next != -1 {
		if k := indexByProbe(t[i:], "统计表", 2); k >= 0 {
			*next = i + k
		} else {
			*next = -1
		}
	}
	return *next >= i && *next-i <= (maxTitleWordRunes+6)*utf8.UTFMax
}

// indexByProbe is strings.Index(s, word), searching for word's byte at
// probe and checking the word around each one found: for a word like 统计表
// whose first byte (E7) leads one character in eight of a report, a byte
// of it found eight times less often (9F) lets the vectorised byte search
// run on.
func indexByProbe(s, word string, probe int) int {
	for i := probe; i < len(s); {
		k := strings.IndexByte(s[i:], word[probe])
		if k < 0 {
			return -1
		}
		if at := i + k - probe; strings.HasPrefix(s[at:], word) {
			return at
		}
		i += k + 1
	}
	return -1
}

// ideographAt reports whether t[j:] starts with a rune of U+4E00–U+9FFF,
// three bytes E4 B8 80 to E9 BF BF (j+2 < len(t)).
func ideographAt(t string, j int) bool {
	c := t[j]
	return c >= 0xE4 && c <= 0xE9 && t[j+1]&0xC0 == 0x80 && t[j+2]&0xC0 == 0x80 && (c != 0xE4 || t[j+1] >= 0xB8)
}

// ideographRun returns the end of the run of at most max ideographs
// (U+4E00–U+9FFF) that starts at t[j:]. Where four bytes remain, a
// rune's three are read in one load and tested as one number, most of the
// text: testing the bytes one by one, as ideographAt does, cost two fifths
// more. Where eight remain, two runes are read at once: a seventh fewer
// instructions than one at a time.
func ideographRun(t string, j, max int) int {
	// Over a shrinking slice, which needs no bounds checks.
	rest := t[j:]
	// Two at a time while eight bytes remain: one load, one test of the
	// tags of both, and a range test of each (y's top six bytes are the
	// two runes, big-endian).
	for ; max >= 2 && len(rest) >= 8; max -= 2 {
		y := bits.ReverseBytes64(uint64(rest[0]) | uint64(rest[1])<<8 | uint64(rest[2])<<16 | uint64(rest[3])<<24 |
			uint64(rest[4])<<32 | uint64(rest[5])<<40 | uint64(rest[6])<<48 | uint64(rest[7])<<56)
		if y&0x00C0C000C0C00000 != 0x0080800080800000 || y>>40-0xE4B800 > 0xE9BFFF-0xE4B800 || y>>16&0xFFFFFF-0xE4B800 > 0xE9BFFF-0xE4B800 {
			break
		}
		rest = rest[6:]
	}
	for ; max > 0 && len(rest) >= 4; max-- {
		// The compiler joins the reads; v is the rune's three bytes,
		// big-endian, compared with E4 B8 80 to E9 BF BF once its two
		// continuation bytes are known to be such.
		v := bits.ReverseBytes32(uint32(rest[0])|uint32(rest[1])<<8|uint32(rest[2])<<16|uint32(rest[3])<<24) >> 8
		if v&0xC0C0 != 0x8080 || v-0xE4B800 > 0xE9BFFF-0xE4B800 {
			return len(t) - len(rest)
		}
		rest = rest[3:]
	}
	j = len(t) - len(rest)
	for ; max > 0 && j+2 < len(t) && ideographAt(t, j); max-- {
		j += 3
	}
	return j
}

// plainRun returns the end of the run of at most max three-byte
// characters that starts at t[j:] and that splitRunes does not mark: those
// block's switch does nothing for but count. A character is read as three
// bytes where block's decoding reads it so (lead byte E1–EC or EE–EF and two
// continuation bytes): a sequence it reads as invalid bytes, each counted
// as a rune, ends the run.
func plainRun(t string, j, max int) int {
	for ; max > 0 && j+2 < len(t); max-- {
		c := t[j]
		if c < 0xE1 || c > 0xEF || c == 0xED || t[j+1]&0xC0 != 0x80 || t[j+2]&0xC0 != 0x80 ||
			splitRunes.has(rune(c&0x0F)<<12|rune(t[j+1]&0x3F)<<6|rune(t[j+2]&0x3F)) {
			break
		}
		j += 3
	}
	return j
}

// emit adds the sentence t[start:end] of the current block under the open
// headings.
func (sp *sentenceSplitter) emit(start, end int) {
	s := trimSpace(sp.t[start:end])
	if s == "" || sp.stopped {
		return
	}
	var folded string
	if sp.folded != nil {
		folded = foldedText(sp.t, sp.ft, start, end, s)
	}
	if sp.docYear == 0 {
		if y, _, _ := zh.NextYear(s, 0); y != 0 {
			sp.docYear = y
		}
	}
	tp, h := sp.current()
	sp.stopped = !sp.sink.take(sentence{Text: s, Line: sp.line, Block: sp.index, Topic: tp, Heading: h,
		path: sp.section(), Page: sp.page, Folded: folded})
}

// foldedText returns zh.FoldHan(s), where s is trimSpace(t[start:end])
// and ft is zh.FoldHan(t): the slice of ft that holds s's runes, when ft
// is as long as t and start and end are boundaries of runes.
//
// zh.FoldHan of valid UTF-8 maps rune to rune, each to one as long (an
// ideograph to an ideograph); where t holds invalid UTF-8 and a rune to
// fold it writes U+FFFD for each invalid byte, longer, and where it holds
// none to fold it gives t, of which a piece holds none either. So ft as
// long as t is t rune for rune, and its slice at the same boundaries is
// the fold of t's: trimSpace, which trims white space no fold changes,
// trims it as it trimmed s. TestFoldedSentences holds this to zh.FoldHan.
func foldedText(t, ft string, start, end int, s string) string {
	if len(ft) != len(t) || start < len(t) && !utf8.RuneStart(t[start]) || end < len(t) && !utf8.RuneStart(t[end]) {
		return zh.FoldHan(s)
	}
	return trimSpace(ft[start:end])
}

// trimSpace is strings.TrimSpace(s). A sentence mostly starts and ends
// with runes that cannot be white space, told by their bytes: those are
// returned as they are, without the decoding TrimSpace does for any text
// that starts with a non-ASCII byte. White space outside ASCII is led by
// C2 (U+0085, U+00A0), E1 (U+1680), E2 (U+2000…) or E3 (U+3000). The
// others go to zh.TrimSpace, which gives the same and decodes less.
func trimSpace(s string) string {
	if n := len(s); n > 0 && s[0] > ' ' && s[0] != 0xC2 && (s[0] < 0xE1 || s[0] > 0xE3) {
		switch b := s[n-1]; {
		case b < utf8.RuneSelf:
			if b > ' ' {
				return s
			}
		case n >= 3 && s[n-2]&0xC0 == 0x80 && b&0xC0 == 0x80 && s[n-3] >= 0xE0 && s[n-3] <= 0xEF:
			// A three-byte sequence ends s: the last rune is the one it
			// encodes, or RuneError when it encodes none.
			if c := s[n-3]; c < 0xE1 || c > 0xE3 || s[n-3:] == "。" {
				return s
			}
		}
	}
	return zh.TrimSpace(s)
}

// accept decides on a level-1 heading by its number. After weak evidence
// only a section of a known topic numbered after the current one counts,
// so that rows of a flattened table (…0000三、本年度办理结果) open no
// section. A number that does not advance (a table's rows printed one per
// line under 三、收到和处理…: 一、本年新收… 二、上年结转… 三、本年度…) opens
// a section only when it names another topic; under the same topic it is a
// row (level rowLevel) and with no topic it is ignored. n is the number
// of a level-1 token (三、 → 3).
func (sp *sentenceSplitter) accept(level, n int, tp topic, weak bool) (int, bool) {
	if level != 1 {
		return level, true
	}
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

// rowLevel is the level of a numbered table row read as a heading.
const rowLevel = 5

// l1Topic is the topic of the open level-1 section.
func (sp *sentenceSplitter) l1Topic() topic {
	for _, e := range sp.stack {
		if e.level == 1 {
			return e.topic
		}
	}
	return topicUnknown
}

// inAttachment reports whether the sentences are in an attachment.
func (sp *sentenceSplitter) inAttachment() bool {
	return len(sp.stack) == 1 && sp.stack[0].level == 0
}

// tokenNumber is the value of a numbering token: 三、 → 3, (十二) → 12.
func tokenNumber(token string) int {
	return zh.ParseSmall(trimNumberingMarks(token))
}

// numberingMarks are the runes trimNumberingMarks trims.
const numberingMarks = "()（）、.． "

// trimNumberingMarks is strings.Trim(token, numberingMarks), told by the
// bytes the runes start and end token with: Trim, given runes outside
// ASCII, decodes the runes at both ends and searches the set for each.
func trimNumberingMarks(token string) string {
	for {
		switch {
		case strings.HasPrefix(token, "（") || strings.HasPrefix(token, "）") || strings.HasPrefix(token, "、") || strings.HasPrefix(token, "．"):
			token = token[len("（"):]
		case token != "" && strings.IndexByte("(). ", token[0]) >= 0:
			token = token[1:]
		default:
			goto right
		}
	}
right:
	for {
		switch {
		case strings.HasSuffix(token, "（") || strings.HasSuffix(token, "）") || strings.HasSuffix(token, "、") || strings.HasSuffix(token, "．"):
			token = token[:len(token)-len("（")]
		case token != "" && strings.IndexByte("(). ", token[len(token)-1]) >= 0:
			token = token[:len(token)-1]
		default:
			return token
		}
	}
}

// fold is zh.Fold(s) for a heading. Like zh.Fold, it returns s itself
// when folding changes nothing (most headings), but it tells most of a
// heading's characters by one bit: zh.Fold calls FoldRune for each.
func fold(s string) string {
	for i := 0; i < len(s); {
		// A three-byte character that folding leaves as it is, most of a
		// heading, is decoded inline and found in foldKept: the calls of
		// decodeRune and zh.FoldRune for each cost more than the rest of
		// classifying the heading. Others take the calls.
		if r, size := decodeRune3(s, i); size > 0 && foldKept.has(r) {
			i += size
			continue
		}
		r, size := decodeRune(s, i)
		if r == utf8.RuneError && size == 1 || zh.FoldRune(r) != r {
			return zh.Fold(s)
		}
		i += size
	}
	return s
}

// foldKept marks the runes of the blocks headings are written in that
// zh.FoldRune leaves as they are: the ideographs (U+4E00–U+9FFF) but
// the traditional ones, and punctuation (U+2000–U+206F, U+3000–U+303F,
// U+FF00–U+FFEF) but the full-width forms of ASCII and the spaces.
// (Only those blocks are read: all of the plane took zh.FoldRune a fifth
// of the package's start-up.) An ideograph is kept unless zh.FoldsHan
// says it folds, which is FoldRune's own test for them, inlined: the
// 21,000 calls of FoldRune were 0.9M instructions of start-up
// (TestRuneSetsOfRunes holds the set to FoldRune).
var foldKept = func() *runeSet {
	var s runeSet
	for _, block := range [][2]rune{{0x2000, 0x206F}, {0x3000, 0x303F}, {0xFF00, 0xFFEF}} {
		for r := block[0]; r <= block[1]; r++ {
			if zh.FoldRune(r) == r {
				s.add(r)
			}
		}
	}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !zh.FoldsHan(r) {
			s.add(r)
		}
	}
	return &s
}()

// isAttachment reports whether s starts an attachment: 附件1： 附件： 附表,
// or the title of a statistics table standing alone (…情况统计表 指标名称…).
func isAttachment(s string) bool {
	rest, ok := strings.CutPrefix(s, "附件")
	if !ok {
		rest, ok = strings.CutPrefix(s, "附表")
	}
	if !ok {
		field := s[:byteOffsetOfRune(s, maxTitleWordRunes+6)]
		if !strings.Contains(field, "统计表") {
			return false
		}
		if i := strings.IndexAny(field, " \t\u3000"); i >= 0 {
			field = field[:i]
		}
		return strings.HasSuffix(field, "统计表") && utf8.RuneCountInString(field) <= maxTitleWordRunes+5 &&
			!strings.ContainsAny(field, "。，,；：:")
	}
	rest = strings.TrimLeft(rest, "0123456789"+zh.Numerals)
	return strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, " ") || rest == ""
}

// heading opens a section: it closes the open sections of the same or a
// deeper level and adds the heading's own sentence. number is the
// token's number for a heading of level 1.
func (sp *sentenceSplitter) heading(level, number int, text string, tp topic, start, end int) {
	for len(sp.stack) > 0 && sp.stack[len(sp.stack)-1].level >= level {
		sp.stack = sp.stack[:len(sp.stack)-1]
	}
	if level == 1 {
		sp.l1 = number
	}
	text = trimTerminators(trimSpace(text))
	sp.open(headingEntry{level: level, topic: tp, text: text})
	sp.emit(start, end)
}

// headingTerminators are the runes trimTerminators trims.
const headingTerminators = "。！？；;：:!?"

// trimTerminators is strings.TrimRight(s, headingTerminators), told by
// the bytes the runes end s with: TrimRight, given runes outside ASCII,
// decodes the last rune and searches the set for it, a few hundred
// instructions for each heading.
func trimTerminators(s string) string {
	for {
		switch {
		case strings.HasSuffix(s, "。") || strings.HasSuffix(s, "！") || strings.HasSuffix(s, "？") ||
			strings.HasSuffix(s, "；") || strings.HasSuffix(s, "："):
			s = s[:len(s)-len("。")]
		case s != "" && strings.IndexByte(";:!?", s[len(s)-1]) >= 0:
			s = s[:len(s)-1]
		default:
			return s
		}
	}
}

// current is the topic and heading for a sentence under the open headings:
// the topic of the innermost heading of a topic other than the overview,
// else the overview if a heading is of it (within).
func (sp *sentenceSplitter) current() (topic, string) {
	if len(sp.stack) == 0 {
		return topicUnknown, ""
	}
	e := &sp.stack[len(sp.stack)-1]
	return e.within, e.text
}

// within is the topic of a sentence under a heading of topic tp, itself
// under headings whose sentences' topic is outer: tp when it is one other
// than the overview, else outer when it is, else the overview when either
// is. (currentRef, the walk over the open headings it replaces, checks it
// in TestWithinMatchesRef.)
func within(tp, outer topic) topic {
	switch {
	case tp != topicUnknown && tp != topicOverview:
		return tp
	case outer != topicUnknown && outer != topicOverview:
		return outer
	case tp == topicOverview || outer == topicOverview:
		return topicOverview
	}
	return topicUnknown
}

// numberingToken reads section numbering at t[i:]: 一、 (level 1),
// (一) （一） (level 2), 1. 1、 1． (level 3), (1) （1） (level 4). It returns
// the level and the end of the token, or 0. (templates.StripNumbering reads
// the numbering of folded table labels by a looser rule of its own: bare
// digits before a label, 其中:, up to three tokens in a row.)
func numberingToken(t string, i int) (level, end int) {
	if !mayStartNumbering(t, i) {
		return 0, 0
	}
	j := i
	switch t[j] {
	case '(':
		j++
	case 0xEF:
		if !strings.HasPrefix(t[j:], "（") {
			return 0, 0
		}
		j += len("（")
	}
	paren := j > i
	k := j
	han := 0
	for han < 3 && numeralAt(t, k) {
		han++
		k += 3
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

// mayStartNumbering reports whether a numbering token may start at t[i:],
// by its first two bytes: it starts with ( （ a digit or a numeral and goes
// on as one does (numberingSeconds). Any other start, most of them, is
// ruled out undecoded, and so are most of the rest: ideographs led by E4
// or E5 that are no numerals, other full-width marks led by EF, numbers
// that go on with a blank. It is small enough to be inlined: the
// splitter tests it before calling numberingToken.
func mayStartNumbering(t string, i int) bool {
	return i+1 < len(t) && numberingSeconds[t[i]]&(1<<(t[i+1]&63)) != 0
}

// numberingSeconds holds, for each byte a token may start with, the second
// bytes it may go on with, as a set of their low six bits (a necessary
// condition, which numberingToken makes exact; TestMayStartNumbering):
// after ( a digit or a numeral, after a digit another or the mark that
// ends the token (. 、 ．), after （'s lead EF the rest of （, and after E4
// and E5 the rest of the numerals they lead. It is empty for every other
// byte. (Digits are the most often tested, in the rows of tables printed
// as text, and go on with a blank.)
var numberingSeconds = func() (m [256]uint64) {
	add := func(first byte, next string) {
		for _, r := range next {
			var b [utf8.UTFMax]byte
			utf8.EncodeRune(b[:], r)
			m[first] |= 1 << (b[0] & 63)
		}
	}
	const digits = "0123456789"
	add('(', digits+zh.Numerals)
	for _, d := range []byte(digits) {
		add(d, digits+".、．")
	}
	m["（"[0]] |= 1 << ("（"[1] & 63)
	for _, r := range zh.Numerals {
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], r)
		m[b[0]] |= 1 << (b[1] & 63)
	}
	return m
}()

// numeralAt reports whether t[k:] starts with one of zh.Numerals, each
// three bytes of UTF-8 led by E4 (一 二 三 五 七 九) or E5 (四 六 八 十),
// without decoding the rune.
func numeralAt(t string, k int) bool {
	if k+2 >= len(t) {
		return false
	}
	switch c1, c2 := t[k+1], t[k+2]; t[k] {
	case 0xE4:
		return c1 == 0xB8 && (c2 == 0x80 || c2 == 0x89 || c2 == 0x83) || // 一 三 七
			c1 == 0xBA && (c2 == 0x8C || c2 == 0x94) || // 二 五
			c1 == 0xB9 && c2 == 0x9D // 九
	case 0xE5:
		return c1 == 0x9B && c2 == 0x9B || // 四
			c1 == 0x85 && (c2 == 0xAD || c2 == 0xAB) || // 六 八
			c1 == 0x8D && c2 == 0x81 // 十
	}
	return false
}

// titleEndWords end a heading title that runs straight into its text
// (二、主动公开政府信息情况第二十条…, （一）主动公开政府信息的数量各乡镇…).
var titleEndWords = []string{"情况", "概况", "概述", "数量", "类别", "形式", "方式", "方面", "措施", "举措", "事项", "问题", "不足", "打算", "计划", "安排", "重点", "内容", "费用", "经费"}

// titleJoins join two title phrases: 存在的主要问题及改进情况.
var titleJoins = []string{"及", "和", "与", "、", "暨", "以及", "并"}

// headingTitle reads the title after a numbering token ending at from.
// It returns the end of the title, the end of the heading's sentence (after
// the punctuation that ends the title) and whether a title was found.
// atStart is set for a token that starts the paragraph, where a whole short
// paragraph may be the heading.
//
// plain is the end of the runes from from on that fold (zh.Fold) to
// themselves, as far as headingTitle read: a title that ends by then needs
// no folding (headingTopic). fold went over the title's runes again; this
// is one bit test a rune read.
func headingTitle(t string, from int, atStart bool) (titleEnd, end int, ok bool, plain int) {
	j := from
	plain = from
	for j < len(t) {
		r, size := decodeRune3(t, j)
		if size == 0 {
			r, size = decodeRune(t, j)
		}
		if !isSentSpace(r) {
			break
		}
		j += size
	}
	begin := j
	k, depth, han := 0, 0, 0
	digit := false // t[begin:j] holds an ASCII digit, for runIn
	var prev rune
scan:
	for j < len(t) {
		// A run of ideographs (U+4E00–U+9FFF), most of a title, that are
		// no numerals only counts below: none is a mark, a digit or a rune
		// the cases test, none starts numbering (numberingToken reads an
		// ideograph only as a numeral of zh.Numerals, the runes of
		// zh.IsNumeral, as TestByteRuneTests checks), every one is Han, and
		// foldKept tells whether it folds to itself. They are stepped over
		// here, where the tests below took each three times as many steps.
		for j+2 < len(t) && ideographAt(t, j) {
			r := rune(t[j]&0x0F)<<12 | rune(t[j+1]&0x3F)<<6 | rune(t[j+2]&0x3F)
			if zh.IsNumeral(r) {
				break
			}
			han++
			k++
			if k > maxBlockTitleRunes || !atStart && k > maxTitleRunes {
				break scan
			}
			if plain == j && foldKept.has(r) {
				plain = j + 3
			}
			prev = r
			j += 3
		}
		if j >= len(t) {
			break
		}
		r, size := decodeRune3(t, j)
		if size == 0 {
			r, size = decodeRune(t, j)
		}
		// Every rune the tests below look for but numbering is one of
		// splitRunes: a title's other runes, most of them, are told by
		// one bit instead of the tests' chains of comparisons.
		split := splitRune(r)
		if depth == 0 && k > 0 {
			switch {
			case split && (r == '；' || r == ';'):
				return 0, 0, false, plain // a list of parts, not a heading
			case split && (isTerminator(r) || r == '：' || r == ':'):
				if k > maxTitleRunes || han == 0 {
					break scan
				}
				titleEnd, end, ok = runIn(t, begin, j, absorbClosers(t, j+size), digit)
				return titleEnd, end, ok, plain
			case split && (isSentSpace(r) || r == '\n'):
				if k > maxTitleRunes || han == 0 {
					break scan
				}
				titleEnd, end, ok = runIn(t, begin, j, j, digit)
				return titleEnd, end, ok, plain
			case k >= 2 && (prev != '第' && zh.IsHan(prev) || isCloser(prev) || prev >= '0' && prev <= '9'):
				// Most runes start no numbering: tested here, without the call.
				if mayStartNumbering(t, j) {
					if lv, _ := numberingToken(t, j); lv > 0 && (lv == 1 || prev > '9') {
						if k > maxTitleRunes || han == 0 {
							break scan
						}
						titleEnd, end, ok = runIn(t, begin, j, j, digit)
						return titleEnd, end, ok, plain
					}
				}
				if k >= 4 && zh.IsNumeral(r) && strings.HasPrefix(t[j+size:], "是") {
					if k > maxTitleRunes {
						break scan
					}
					titleEnd, end, ok = runIn(t, begin, j, j, digit) // 一是…: the text's own enumeration starts
					return titleEnd, end, ok, plain
				}
			}
		}
		switch {
		case !split:
			digit = digit || r >= '0' && r <= '9'
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
		if plain == j && foldsToSelf(r) {
			plain = j + size
		}
		prev = r
		j += size
	}
	if j >= len(t) && han > 0 && (k <= maxTitleRunes || atStart && k <= maxBlockTitleRunes) {
		titleEnd, end, ok = runIn(t, begin, j, j, digit) // the rest of the paragraph is the title
		return titleEnd, end, ok, plain
	}
	if e := titleByWords(t[begin:]); e > 0 {
		return begin + e, begin + e, true, plain
	}
	return 0, 0, false, plain
}

// foldsToSelf reports whether zh.FoldRune(r) is r, for the runes fold
// tells so at once: those of foldKept, and ASCII but white space and
// quotes. A rune it says no of may fold to itself too. (RuneError, which
// an invalid byte decodes to, is neither.)
func foldsToSelf(r rune) bool {
	if r < utf8.RuneSelf {
		return r > ' ' && r != '"' && r != '\''
	}
	return foldKept.has(r)
}

// runIn returns a title found to end at titleEnd (its sentence at end),
// unless a title-ending word inside it is followed by text with a number,
// where the title really ends: 六、其他需要报告的事项2025年，无收取信息处理费
// 情况。 （一）主动公开政府信息的数量各乡镇公开1条。 digit says whether
// t[begin:titleEnd] holds an ASCII digit: headingTitle tells it from the
// runes it reads, where runIn looked for it in a second pass over the
// bytes.
func runIn(t string, begin, titleEnd, end int, digit bool) (int, int, bool) {
	if !digit {
		return titleEnd, end, true // no number after any word: most titles
	}
	if e := titleByWords(t[begin:titleEnd]); e > 0 && begin+e < titleEnd &&
		strings.ContainsAny(t[begin+e:titleEnd], "0123456789") {
		return begin + e, begin + e, true
	}
	return titleEnd, end, true
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// titleByWords finds the end of a title that runs into its text: the first
// title-ending word in the window, extended over joined phrases
// (问题及改进情况). It returns 0 when there is none.
func titleByWords(s string) int {
	w := titleWindow(s)
	end := firstWordEnd(w, 0)
	if end <= 0 {
		return 0
	}
	for {
		rest := w[end:]
		joined := false
		for _, j := range titleJoins {
			if strings.HasPrefix(rest, j) {
				if e := firstWordEnd(w, end+len(j)); e > 0 {
					end, joined = e, true
				}
				break
			}
		}
		if !joined {
			return end
		}
	}
}

// firstWordEnd returns the end of the first title-ending word in w at or
// after from that leaves at least two runes of title before it, or 0. (The
// words are of two runes: every one found leaves them, as
// TestTitleEndWords checks.)
func firstWordEnd(w string, from int) int {
	if e := titleEndSet.FirstEnd(w[from:]); e >= 0 {
		return from + e
	}
	return 0
}

var titleEndSet = newWordSet(titleEndWords...)

// titleWindow is the window titleByWords looks for a title-ending word
// in: s up to its maxTitleWordRunes-th rune, and up to the first of
// 。！？；，,:：“《 before it. It goes over the runes once, where finding
// the offset of that rune and searching for the marks were two passes.
// The marks are told at the runes' first bytes: their first byte (, : E2
// E3 EF) is never inside another character, valid or not, so where their
// bytes are, they are.
func titleWindow(s string) string {
	for i, n := 0, 0; i < len(s); n++ {
		if n == maxTitleWordRunes {
			return s[:i]
		}
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			if c == ',' || c == ':' {
				return s[:i]
			}
			i++
			continue
		case i+2 < len(s) && ideographAt(s, i):
			i += 3
			continue
		case c == 0xE2:
			if strings.HasPrefix(s[i:], "“") {
				return s[:i]
			}
		case c == 0xE3:
			if strings.HasPrefix(s[i:], "。") || strings.HasPrefix(s[i:], "《") {
				return s[:i]
			}
		case c == 0xEF:
			if i+2 < len(s) && s[i+1] == 0xBC {
				switch s[i+2] {
				case 0x81, 0x9F, 0x9B, 0x8C, 0x9A: // ！？；，：
					return s[:i]
				}
			}
		}
		_, size := decodeRune(s, i)
		i += size
	}
	return s
}

// byteOffsetOfRune returns the offset of the n-th rune of s (from 0), or
// len(s), stepping over ideographs three bytes at a time.
func byteOffsetOfRune(s string, n int) int {
	for i := 0; i < len(s); {
		if n == 0 {
			return i
		}
		n--
		if i+2 < len(s) && ideographAt(s, i) {
			i += 3
			continue
		}
		_, size := decodeRune(s, i)
		i += size
	}
	return len(s)
}

var (
	introSubjects = []string{"本报告", "本年报", "年度报告", "全文", "报告共", "报告由"}
	introParts    = []string{"部分", "组成", "包括", "分为", "分成"}
	// introWordLen is the length in bytes of the longest of them.
	introWordLen = len(slices.MaxFunc(slices.Concat(introSubjects, introParts), func(a, b string) int { return len(a) - len(b) }))
)

// introList reports whether the pending sentence sp.t[start:i] is the
// introduction that lists the report's parts (本报告由概述、…等七部分组成：
// 一、概述；…), whose numbering is not a heading: whether it holds one of
// introSubjects and one of introParts.
//
// It is asked again at each numbering token of the pending sentence, which
// grows: what was found in it up to the last token is kept, and only the
// words that end past that are looked for, from introWordLen-1 bytes
// before it. Each search went over the whole pending sentence again
// (introListRef).
func (sp *sentenceSplitter) introList(start, i int) bool {
	if start == i {
		return false
	}
	c := &sp.intro
	if c.start != start || i < c.subjectEnd || i < c.partEnd {
		*c = introFound{start: start, subjectEnd: start, partEnd: start}
	}
	if !c.subject {
		c.subject = strs.ContainsAny(sp.t[max(start, c.subjectEnd-(introWordLen-1)):i], introSubjects)
		c.subjectEnd = i
		if !c.subject {
			return false
		}
	}
	if !c.part {
		c.part = strs.ContainsAny(sp.t[max(start, c.partEnd-(introWordLen-1)):i], introParts)
		c.partEnd = i
	}
	return c.part
}

// introFound is what introList found of the pending sentence starting at
// start: whether t[start:subjectEnd] holds one of introSubjects, and
// whether t[start:partEnd] one of introParts.
type introFound struct {
	start               int // < 0: none yet (a new block)
	subjectEnd, partEnd int
	subject, part       bool
}

// splitRunes marks the runes that block's switch acts on, all in the
// Basic Multilingual Plane: the line break, spaces, brackets and quotes,
// colons, terminators and commas.
var splitRunes = runeSetOfRunes("\n \t\r\v\f\u00a0\u3000" + "（(“‘《〈「『【〔［" + "）)”’》〉」』】〕］" + "：:" + "。！？；!?;" + "，,、")

// splitRune reports whether splitRunes marks r.
func splitRune(r rune) bool { return splitRunes.has(r) }

func isTerminator(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '（', '(', '“', '‘', '《', '〈', '「', '『', '【', '〔', '［':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '）', ')', '”', '’', '》', '〉', '」', '』', '】', '〕', '］':
		return true
	}
	return false
}

// isSentSpace reports the spaces that end a heading's title and mark where
// a heading may start: the ASCII blanks other than the line break (which
// ends a sentence), the no-break space and the ideographic space. It is
// the splitter's own rule, not zh.IsLineSpace: it counts \r, \v and \f,
// and not the typographic spaces U+2000–U+200A, U+202F, U+205F, the
// zero-width space or the byte-order mark. Which headings are found
// depends on it, so it stays the splitter's own.
func isSentSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\v', '\f', '\u00a0', '\u3000':
		return true
	}
	return false
}

// isBlank reports whether c is an ASCII space that isSentSpace holds.
func isBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

// absorbClosers extends a sentence end over further terminators and
// closing quotes and brackets (…。” …？！).
func absorbClosers(t string, i int) int {
	for i < len(t) {
		r, size := decodeRune(t, i)
		if !isTerminator(r) && !isCloser(r) {
			break
		}
		i += size
	}
	return i
}

// removePinyin drops the pinyin glosses some reports print after
// characters: 鎮(zhèn), 申請（shēn qǐng） → 鎮, 申請. A gloss is a bracket
// right after a Han character holding only lower-case Latin letters (tone
// marks allowed) and spaces, each word ending as a pinyin syllable does.
func removePinyin(s string) string {
	var b strings.Builder
	last := 0
	// The next ( and （ at or after i, found again only once i passes
	// them: searching both after every bracket was quadratic in a text of
	// many of one and few of the other. -1: none left.
	half, full := -1, -1
	if k := strings.IndexByte(s, '('); k >= 0 {
		half = k
	}
	if k := indexFullOpen(s); k >= 0 {
		full = k
	}
	for i := 0; i < len(s); {
		if half >= 0 && half < i {
			if half = strings.IndexByte(s[i:], '('); half >= 0 {
				half += i
			}
		}
		if full >= 0 && full < i {
			if full = indexFullOpen(s[i:]); full >= 0 {
				full += i
			}
		}
		j := half
		if full >= 0 && (j < 0 || full < j) {
			j = full
		}
		if j < 0 {
			break
		}
		size := 1
		if s[j] != '(' {
			size = len("（")
		}
		if mayStartGloss(s, j+size) && hanBefore(s, j) {
			if e := pinyinGlossEnd(s, j+size); e > 0 {
				if b.Len() == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[last:j])
				last, i = e, e
				continue
			}
		}
		i = j + size
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// indexFullOpen is strings.Index(s, "（"), whose bytes are EF BC 88. It
// looks for EF, which leads every full-width mark (，：；（）) and starts no
// other byte of a character, and tests the two bytes after it where
// strings.Index called a comparison: the full-width marks, some in every
// block, made most of the cost of removePinyin.
func indexFullOpen(s string) int {
	for i := 0; i+2 < len(s); i++ {
		k := strings.IndexByte(s[i:len(s)-2], 0xEF)
		if k < 0 {
			return -1
		}
		if i += k; s[i+1] == 0xBC && s[i+2] == 0x88 {
			return i
		}
	}
	return -1
}

// mayStartGloss reports whether a pinyin gloss may start at s[i:], by
// its first byte: pinyinGlossEnd reads none that does not start with a
// space, a lower-case letter or a toned vowel (led by C3, C4, C5 or C7).
func mayStartGloss(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	return c == ' ' || c >= 'a' && c <= 'z' || c >= 0xC3 && c <= 0xC7
}

// hanBefore reports whether a Han character ends s[:j].
func hanBefore(s string, j int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:j])
	return zh.IsHan(prev)
}

// pinyinGlossEnd returns the end of the closing bracket if s[i:] holds a
// pinyin gloss up to it, or 0.
func pinyinGlossEnd(s string, i int) int {
	const maxGloss = 48 // bytes
	letters := 0
	var last rune = ' '
	vowel := false
	for j := i; j < len(s) && j-i <= maxGloss; {
		r, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == ')' || r == '）':
			if letters == 0 || !syllableEnd(last, vowel) {
				return 0
			}
			return j + size
		case r == ' ':
			if last != ' ' && !syllableEnd(last, vowel) {
				return 0
			}
			vowel = false
		case r >= 'a' && r <= 'z':
			letters++
			if strings.ContainsRune("aeiou", r) {
				vowel = true
			}
		case strings.ContainsRune(tonedVowels, r):
			letters++
			vowel = true
		default:
			return 0
		}
		last = r
		j += size
	}
	return 0
}

const tonedVowels = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê"

// syllableEnd reports whether a word ending in r (with a vowel seen) can be
// pinyin: syllables end in a vowel, n, ng or r.
func syllableEnd(r rune, vowel bool) bool {
	if !vowel {
		return false
	}
	return r == 'n' || r == 'g' || r == 'r' || strings.ContainsRune("aeiou", r) || strings.ContainsRune(tonedVowels, r)
}
