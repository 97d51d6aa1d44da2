// Package meta reads what a report says about itself: the agency, the year
// it covers and the date it was published, each with the text and line it
// was read from, and whether the document is an annual report at all.
package meta

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"xxgk"
	"xxgk/document"
	"xxgk/zh"
)

// Only the head and the tail of the document are looked at (titles,
// metadata lines, the statistics period and the signature live there), so
// the cost does not grow with the report.

// Meta is what a report says about itself.
type Meta struct {
	Agency    string // the agency's name as the report gives it; "" = unknown
	Year      int    // the year the report covers; 0 = unknown
	Published string // publication date: "2006-01-02", or "2006-01" / "2006" when only that is stated; "" = unknown
	NotReport bool   // the document's own title names something else (a notice, a letter)

	// Where each was read; nil when the value is unknown.
	AgencyEvidence, YearEvidence, PublishedEvidence *xxgk.MetaEvidence
}

// Read reads what doc says about itself, and the findings of reading it.
// The rules are written in simplified characters: give a traditional
// document folded to simplified (zh.FoldHan) with its lines kept.
func Read(doc *document.Document) (Meta, []xxgk.Finding) {
	m, fs := readMeta(doc)
	// The three evidences are allocated together: three allocations of a
	// report's were theirs.
	evs := new([3]xxgk.MetaEvidence)
	return Meta{Agency: m.Agency, Year: m.Year, Published: m.Published, NotReport: m.NotReport,
		AgencyEvidence:    m.AgencyEvidence.of(m.Agency != "", doc, m.paged, &evs[0]),
		YearEvidence:      m.YearEvidence.of(m.Year != 0, doc, m.paged, &evs[1]),
		PublishedEvidence: m.PublishedEvidence.of(m.Published != "", doc, m.paged, &evs[2]),
	}, fs
}

// meta is Meta as the rules find it, with the evidence of every value.
type meta struct {
	Agency    string // the agency's name as the report gives it
	Year      int    // the year the report covers; 0 = unknown
	Published string // publication date: "2006-01-02", or "2006-01" / "2006" when only that is stated; "" = unknown
	NotReport bool   // the document's own title names something else (a notice, a letter)

	AgencyEvidence, YearEvidence, PublishedEvidence evidence // where each came from

	paged bool // a block of the document has a page number
}

// evidence is where a metadata value was read: the line of its block (0 for
// the HTML <title>) and the text it was read from.
type evidence struct {
	Line int
	Text string
}

// of is the evidence for the model, stored in *slot, or nil when no value
// was read (known false) or nothing says where it came from. Its page is
// looked up only in a document with pages (paged): pageOf reads every
// block, and a text document's are all on page 0.
func (e evidence) of(known bool, doc *document.Document, paged bool, slot *xxgk.MetaEvidence) *xxgk.MetaEvidence {
	if !known || (e.Line == 0 && e.Text == "") {
		return nil
	}
	*slot = xxgk.MetaEvidence{Line: e.Line, Text: e.Text}
	if paged {
		slot.Page = pageOf(doc, e.Line)
	}
	return slot
}

// pageOf is the PDF page of line n: the page of the block that starts
// last at or before it (a PDF's lines count its extracted text, which no
// one can find; its page one can). 0 for a document without pages or a
// line no block starts before.
func pageOf(doc *document.Document, n int) int {
	line, page := 0, 0
	for _, b := range doc.Blocks {
		if b.Line > line && b.Line <= n {
			line, page = b.Line, b.Page
		}
	}
	return page
}

const (
	metaHeadBlocks  = 40   // paragraphs read from the start
	metaTailBlocks  = 30   // paragraphs read from the end
	metaTitleBlocks = 10   // a title sits in the first few paragraphs
	metaMetaBlocks  = 15   // 发布时间/发布机构 lines sit just below the title
	metaScanBytes   = 3000 // of one paragraph; web-page text may be one huge line
	metaFieldBytes  = 600  // of a paragraph, for page fields (发布时间:, 来源:)
	metaTitleRunes  = 60   // a title is a short line
	metaEvidence    = 80   // runes of evidence text kept
)

// span is a piece of paragraph text with the line it starts on.
type span struct {
	line int
	text string
}

// metaScan holds the parts of the document the rules look at.
type metaScan struct {
	title  string // the HTML <title>
	head   []span // first paragraphs, each cut to metaScanBytes from its start
	tail   []span // last paragraphs, each cut to metaScanBytes from its end
	both   []span // head then tail
	full   []span // the head paragraphs uncut, for the statistics period
	tables []span // first rows of the tables among them, for the year

	// cited[i] is both[i].text less its cited titles (stripCited), once
	// asked for (hasCited[i]).
	cited    [metaHeadBlocks + metaTailBlocks]string
	hasCited [metaHeadBlocks + metaTailBlocks]bool
	// repeats[j] is i+1 when tail paragraph j is head paragraph i, read
	// the same (a document of fewer than metaHeadBlocks+metaTailBlocks
	// paragraphs), 0 for another: the rules that read both lists for the
	// first place a thing stands pass over it, and bodyName counts again
	// what it found there.
	repeats [metaTailBlocks]int
	// titleAt is titleIndex()+1, 0 until it is known.
	titleAt int
	// headText[i] is clean(head[i].text), once asked for (hasHeadText[i]):
	// the title rules read each of the first paragraphs several times.
	headText    [metaHeadBlocks]string
	hasHeadText [metaHeadBlocks]bool
	// selfRefs[i] is selfRefs(i), once asked for (hasSelfRefs[i]).
	selfRefs    [metaHeadBlocks][]match
	hasSelfRefs [metaHeadBlocks]bool

	paged bool // a block has a page number (see evidence.of)

	// What a filled form's 填报单位 and 报告年度 cells say (Document.Agency,
	// Document.Year): the form's own statement, believed first.
	agencyField, yearField document.Field

	// The storage of the lists above: head and tail side by side, so that
	// both is the two of them, then full; and tables (at most four near
	// the head and one per tail block).
	spans      [2*metaHeadBlocks + metaTailBlocks]span
	tableSpans [4 + metaTailBlocks]span
}

// scans holds metaScans for reuse. A report's scan was its largest
// allocation in meta, and a twentieth of what the parse of a page-text
// report allocated; the compiler cannot keep it on the stack, since its
// lists point into itself.
var scans = sync.Pool{New: func() any { return new(metaScan) }}

// hasText reports whether t holds a rune other than white space: it is
// strings.TrimSpace(t) != "" without the trimming, which for a line that
// starts with a Chinese character decoded both ends of it. A block's text
// is trimmed already, and its first rune tells.
func hasText(t string) bool {
	for _, r := range t {
		if !unicode.IsSpace(r) {
			return true
		}
	}
	return false
}

// init makes s the scan of doc.
func (s *metaScan) init(doc *document.Document) {
	s.title, s.agencyField, s.yearField = doc.Title, doc.Agency, doc.Year
	bs := doc.Blocks
	nh, nt := min(metaHeadBlocks, len(bs)), min(metaTailBlocks, len(bs))
	s.head = s.spans[:0:nh]
	s.full = s.spans[metaHeadBlocks+metaTailBlocks : metaHeadBlocks+metaTailBlocks : metaHeadBlocks+metaTailBlocks+nh]
	isPara := func(b *document.Block) bool { return b.Table == nil && hasText(b.Text) }
	headEnd := -1 // the block of the last head paragraph
	for i := range bs {
		if len(s.head) == nh {
			break
		}
		if b := &bs[i]; isPara(b) {
			s.full = append(s.full, span{b.Line, b.Text})
			s.head = append(s.head, span{b.Line, cutHead(b.Text, metaScanBytes)})
			headEnd = i
		}
	}
	h := len(s.head)
	s.tail = s.spans[h : h : h+nt]
	shared := 0 // tail paragraphs that are head paragraphs too
	for i := len(bs) - 1; i >= 0 && len(s.tail) < nt; i-- {
		if b := &bs[i]; isPara(b) {
			s.tail = append(s.tail, span{b.Line, cutTail(b.Text, metaScanBytes)})
			if i <= headEnd {
				shared++
			}
		}
	}
	slices.Reverse(s.tail)
	s.both = s.spans[:h+len(s.tail)] // head then tail
	// The paragraphs both lists hold are the last of the head and the
	// first of the tail; those no cut shortened read the same twice.
	for j := range shared {
		if k := h - shared + j; s.tail[j].text == s.head[k].text {
			s.repeats[j] = k + 1
		}
	}
	// Tables count only near the head or the tail, like paragraphs; a
	// table's title row often carries the year (2016年度…统计表).
	s.tables = s.tableSpans[:0]
	n := 0
	for i := range bs {
		if bs[i].Page != 0 {
			s.paged = true
		}
		if g := bs[i].Table; g != nil {
			if n < 4 || i >= len(bs)-metaTailBlocks {
				s.tables = append(s.tables, span{bs[i].Line, gridHead(g, 3)})
			}
			n++
		}
	}
}

// cleanHead is clean(s.head[i].text), computed once.
func (s *metaScan) cleanHead(i int) string {
	if !s.hasHeadText[i] {
		s.headText[i], s.hasHeadText[i] = clean(s.head[i].text), true
	}
	return s.headText[i]
}

// repeat returns the index in s.both of the head paragraph that
// s.both[i], a tail paragraph, repeats, or -1.
func (s *metaScan) repeat(i int) int {
	if i < len(s.head) {
		return -1
	}
	return s.repeats[i-len(s.head)] - 1
}

// citedText is stripCited(s.both[i].text), computed once: several rules
// read the same paragraphs without the titles they cite.
func (s *metaScan) citedText(i int) string {
	if k := s.repeat(i); k >= 0 {
		i = k
	}
	if !s.hasCited[i] {
		s.cited[i], s.hasCited[i] = stripCited(s.both[i].text), true
	}
	return s.cited[i]
}

// moreRunes reports utf8.RuneCountInString(s) > n, counting no further
// than n+1: a signature's paragraph may be a whole page.
func moreRunes(s string, n int) bool {
	if len(s) <= n {
		return false // no rune is shorter than a byte
	}
	if len(s) > n*utf8.UTFMax {
		return true // nor longer than four
	}
	for range s {
		if n--; n < 0 {
			return true
		}
	}
	return false
}

// cutHead returns at most n bytes from the start of s, on a rune boundary.
func cutHead(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// cutTail returns at most n bytes from the end of s, on a rune boundary.
func cutTail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// gridHead joins the cell texts of the first rows of a table.
func gridHead(g *document.Grid, rows int) string {
	var b strings.Builder
	for r, row := range g.Rows {
		if r >= rows {
			break
		}
		for c, cell := range row {
			if g.IsCopy(r, c) || cell.Text == "" {
				continue
			}
			b.WriteString(cell.Text)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func readMeta(doc *document.Document) (meta, []xxgk.Finding) {
	s := scans.Get().(*metaScan)
	defer func() {
		*s = metaScan{} // keeps no text of doc
		scans.Put(s)
	}()
	s.init(doc)
	m := meta{paged: s.paged}
	var fs []xxgk.Finding
	titles := s.titles()
	sig := s.signature()

	fields := s.pageFields()
	m.Published, m.PublishedEvidence = published(fields, sig)
	if m.Published == "" {
		fs = append(fs, xxgk.Finding{Rule: xxgk.RulePublishedMissing, Severity: xxgk.SeverityInfo,
			Message: "未能从报告中找到发布日期"})
	}

	var yfs []xxgk.Finding
	m.Year, m.YearEvidence, yfs = s.year(titles, m.Published)
	fs = append(fs, yfs...)

	var afs []xxgk.Finding
	m.Agency, m.AgencyEvidence, afs = s.agency(titles, sig, fields)
	fs = append(fs, afs...)
	nr := notReport(titles)
	m.NotReport = len(nr) > 0
	fs = append(fs, nr...)
	return m, fs
}

// notReport flags a document whose own title (a 标题: field or the HTML
// <title>, the only titles that are surely titles) names something other
// than a report: a letter (…的函) or a notice (…的通知) filed among reports.
func notReport(titles []titleInfo) []xxgk.Finding {
	if len(titles) == 0 || !titles[0].labelled {
		return nil
	}
	t := titles[0].ev.Text
	// A title naming a report only inside 《》 is about that report: 关于印发
	// 《…年度报告格式》的通知 is a notice.
	own := stripBookTitles(t)
	if (strings.Contains(own, "报告") || strings.Contains(own, "年报")) && !endsAsOtherDocument(own) {
		return nil
	}
	return []xxgk.Finding{{Rule: xxgk.RuleNotReport, Severity: xxgk.SeverityWarning,
		Line: titles[0].ev.Line, Evidence: t,
		Message: "标题表明这不是政府信息公开工作年度报告：" + t}}
}

// otherDocuments end the titles of documents that are not reports.
var otherDocuments = []string{"的通知", "的函", "的意见", "的决定", "的通报", "的批复", "的公告", "办法", "方案", "要点"}

func endsAsOtherDocument(t string) bool {
	t = strings.TrimRight(t, " 　") // the title was cleaned; taking out 《》 may leave spaces
	for _, w := range otherDocuments {
		if strings.HasSuffix(t, w) {
			return true
		}
	}
	return false
}

// stripBookTitles removes the text inside 《》.
func stripBookTitles(t string) string {
	var b strings.Builder
	depth := 0
	for _, r := range t {
		switch {
		case r == '《':
			depth++
		case r == '》' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ---------------------------------------------------------------------------
// Years and dates, read by zh (zh.ParseYear, zh.NextYear, zh.DateAt)

// yearDigits is a year's four digits, in a regular expression.
const yearDigits = `[` + zh.YearDigits + `]{4}`

// sub returns submatch i of a FindStringSubmatchIndex result, "" if unset.
func sub(s string, loc []int, i int) string {
	if loc[2*i] < 0 {
		return ""
	}
	return s[loc[2*i]:loc[2*i+1]]
}

// ---------------------------------------------------------------------------
// Text helpers

// clean trims white space (zh.IsSpace, with the no-break and ideographic
// spaces), the zero-width space (but not the other zero-width characters of
// zh.IsZeroWidth) and the bullets web pages put before a title.
func clean(s string) string {
	if s == "" {
		return s
	}
	// Most paragraphs start with a Chinese character or a letter and end
	// with one or with 。 or ）: a character told kept by its first bytes
	// is no space or bullet (nor is the U+FFFD an invalid byte reads as).
	last := len(s) - 1
	for last > 0 && last > len(s)-utf8.UTFMax && !utf8.RuneStart(s[last]) {
		last--
	}
	if keptAt(s, 0) && keptAt(s, last) {
		return s
	}
	return strings.TrimFunc(s, isCleaned)
}

// isCleaned reports the characters clean trims.
func isCleaned(r rune) bool {
	return zh.IsSpace(r) || r == '\u200b' ||
		r == '•' || r == '·' || r == '●' || r == '■' || r == '◆'
}

// keptAt reports whether the bytes from s[i] on start a character clean
// does not trim, told by its first bytes: ASCII other than white space, a
// character of U+4000–U+9FFF (the CJK ideographs, first byte E4–E9) or of
// U+F000–U+FFFF (the full-width forms, EF), or of U+3000–U+3FFF (the CJK
// punctuation, E3) other than the ideographic space. (A paragraph ending
// with 。 or ） was trimmed rune by rune.) A sequence those bytes start
// that is not valid UTF-8 reads as U+FFFD, which is kept too.
func keptAt(s string, i int) bool {
	switch b := s[i]; {
	case b < utf8.RuneSelf:
		return b != ' ' && (b < '\t' || b > '\r')
	case b >= 0xE4 && b <= 0xE9, b == 0xEF:
		return true
	case b == 0xE3:
		return !strings.HasPrefix(s[i:], "\u3000")
	}
	return false
}

// stripCited removes the titles of cited documents (《…》), whose years and
// names belong to other documents: 《…关于做好2010年度…年度报告…的通知》.
// A 》 closing a title becomes …; one that closes none stays.
func stripCited(s string) string {
	i := strings.Index(s, "《")
	if i < 0 {
		return s
	}
	if !utf8.ValidString(s) {
		return stripCitedRunes(s) // which writes U+FFFD for the invalid bytes
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	depth, rest := 1, s[i+len("《"):]
	for rest != "" {
		if depth == 0 { // only a 《 changes anything
			j := strings.Index(rest, "《")
			if j < 0 {
				b.WriteString(rest)
				break
			}
			b.WriteString(rest[:j])
			depth, rest = 1, rest[j+len("《"):]
			continue
		}
		j := indexBookMark(rest)
		if j < 0 {
			break // the rest is inside a title
		}
		if rest[j:j+len("《")] == "《" {
			depth++
		} else {
			depth--
			b.WriteString("…")
		}
		rest = rest[j+len("《"):]
	}
	return b.String()
}

// indexBookMark returns the index of the first 《 or 》 in s, or -1.
func indexBookMark(s string) int {
	// 《 and 》 are E3 80 8A and E3 80 8B.
	for off := 0; ; {
		i := strings.Index(s[off:], "\xe3\x80")
		if i < 0 || off+i+2 >= len(s) {
			return -1
		}
		i += off
		if c := s[i+2]; c == 0x8A || c == 0x8B {
			return i
		}
		off = i + 2
	}
}

// stripCitedRunes is stripCited rune by rune.
func stripCitedRunes(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '《':
			depth++
		case r == '》' && depth > 0:
			depth--
			b.WriteRune('…')
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// excerpt is the evidence text for the match s[start:end], cut to
// metaEvidence runes.
func excerpt(s string, start, end int) string {
	out := clean(s[start:end])
	if utf8.RuneCountInString(out) > metaEvidence {
		out = string([]rune(out)[:metaEvidence])
	}
	return out
}

// metaField is a "label: value" pair of a web page's metadata line.
type metaField struct {
	label      string // the up to four Han characters before the colon
	start, val int    // byte offsets of the label and of the value
}

// metaFields appends the labelled fields of t to out. Pages run fields
// together (发布时间:2014-03-31字体:[ ], 来源:海城市西四镇作者:), so a
// label is just the Han characters right before a colon. (The callers
// pass an array on their stack: growing a list for each block was
// several of a report's allocations.)
func metaFields(out []metaField, t string) []metaField {
	for i := 0; i < len(t); {
		a, b := strings.IndexByte(t[i:], ':'), strings.Index(t[i:], "：")
		switch {
		case a < 0 && b < 0:
			return out
		case a < 0 || (b >= 0 && b < a):
			i += b
		default:
			i += a
		}
		_, n := utf8.DecodeRuneInString(t[i:])
		j := i
		for j > 0 { // spaces before the colon
			r, m := utf8.DecodeLastRuneInString(t[:j])
			if !isFieldSpace(r) {
				break
			}
			j -= m
		}
		k, han := j, 0
		for k > 0 && han < 4 {
			r, m := utf8.DecodeLastRuneInString(t[:k])
			if !zh.IsHan(r) {
				break
			}
			k -= m
			han++
		}
		v := i + n
		for v < len(t) {
			r, m := utf8.DecodeRuneInString(t[v:])
			if !isFieldSpace(r) {
				break
			}
			v += m
		}
		if han > 0 {
			out = append(out, metaField{t[k:j], k, v})
		}
		i += n
	}
	return out
}

// isFieldSpace reports the spaces that may stand around a field's colon:
// the space, the tab, the ideographic and the no-break space. It is
// narrower than zh.IsSpace: no line breaks, no typographic spaces.
func isFieldSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0'
}

// ---------------------------------------------------------------------------
// Titles

// reportKeys mark a report title; agencyEnd marks where the agency's name
// ends inside one (the name comes before 政府信息公开 / 政务公开 …).
var (
	agencyEnds = []word{newWord("信息公开"), newWord("政务公开"), newWord("年度报告"), newWord("工作报告"), newWord("年报")}
	// titleSep splits an HTML <title> into the page's and the site's parts.
	titleSep = regexp.MustCompile(`\s*(?:[_|｜]|\s[-–—]+\s|--|——)\s*`)
)

// titleLabels start a page's labelled title field.
var titleLabels = []string{"标题", "文章标题", "题名", "名称"}

// titleField returns the value of a labelled title field (标题: …).
func titleField(t string) (string, bool) {
	// Most paragraphs start with a character no label does.
	switch r, _ := utf8.DecodeRuneInString(t); r {
	case '标', '文', '题', '名':
	default:
		return "", false
	}
	for _, l := range titleLabels {
		if rest, ok := strings.CutPrefix(t, l); ok {
			rest = strings.TrimLeft(rest, " \t\u3000") // not the no-break space, unlike isFieldSpace
			if v, ok := strings.CutPrefix(rest, ":"); ok {
				return clean(v), true
			}
			if v, ok := strings.CutPrefix(rest, "："); ok {
				return clean(v), true
			}
		}
	}
	return "", false
}

// titleInfo is what one title says.
type titleInfo struct {
	ev       evidence
	name     string // "" when the title names no agency
	year     int
	labelled bool // a 标题: field or the HTML <title>, not a guessed heading
}

// parseTitle reads the agency and the year from a report title (or from a
// sentence naming the report, like 现将海城市西四镇2025年度政府信息公开工作情况报告如下):
// the name is what precedes 政府信息公开 / 政务公开, with the year and the
// connecting words (关于, 的) taken out; the 政府 of 政府信息公开 is not
// part of the name (崇川区政府信息公开 → 崇川区), but 人民政府 is
// (攸县人民政府信息公开 → 攸县人民政府).
func parseTitle(t string) (name string, year int) {
	year, _, _ = zh.NextYear(t, 0)
	end := -1
	for off := 0; off < len(t); {
		i, n := firstKey(t[off:], agencyEnds)
		if i < 0 {
			break
		}
		// 政务公开办公室 is part of a name, not the report's subject.
		if !officeAfter(t[off+i+n:]) {
			end = off + i
			break
		}
		off += i + n
	}
	if end < 0 {
		return "", year
	}
	end = len(strings.TrimSuffix(t[:end], "政务")) // 政务|信息公开
	// The name is the first piece of text between year phrases that reads
	// as one.
	for off := 0; ; {
		_, ys, ye := zh.NextYear(t[:end], off)
		if ys < 0 {
			if p, ok := titleName(t[off:end]); ok {
				return p, year
			}
			return "", year
		}
		if p, ok := titleName(t[off:ys]); ok {
			return p, year
		}
		if strings.HasPrefix(t[ye:end], "度") {
			ye += len("度")
		}
		off = ye
	}
}

// titleName reads a piece of a title before 政府信息公开 as an agency's
// name, without the connecting words.
func titleName(p string) (string, bool) {
	p = clean(strings.TrimSuffix(strings.TrimPrefix(clean(p), "关于"), "关于"))
	p = strings.TrimSuffix(p, "的")
	if strings.HasSuffix(p, "人民") { // 攸县人民|政府信息公开
		p += "政府"
	} else if !strings.HasSuffix(p, "人民政府") {
		p = strings.TrimSuffix(p, "政府")
	}
	p = strings.TrimSuffix(p, "的")
	return p, validName(p)
}

// officeAfter reports whether t starts with an office's name, as
// ^(?:工作)?(?:协调)?(?:办公室|领导小组|办|科|股) matches: 政务公开办公室 is
// part of a name. (工作 and 协调 start none of what may follow them, so
// taking them when they stand is the only way to match.)
func officeAfter(t string) bool {
	t, _ = strings.CutPrefix(t, "工作")
	t, _ = strings.CutPrefix(t, "协调")
	for _, w := range []string{"办", "领导小组", "科", "股"} { // 办 covers 办公室
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// firstKey finds the earliest of keys in t: its index and length.
func firstKey(t string, keys []word) (int, int) {
	best, n := -1, 0
	for _, k := range keys {
		lim := len(t)
		if best >= 0 {
			lim = min(len(t), best+len(k.text))
		}
		if i := k.index(t[:lim]); i >= 0 && (best < 0 || i < best) {
			best, n = i, len(k.text)
		}
	}
	return best, n
}

// isReportTitle reports whether a short line reads as a report's title.
func isReportTitle(t string) bool {
	if len(t) > 4*metaTitleRunes {
		return false
	}
	// The ending is tested first: it is looked at where it stands, and
	// most lines fail it.
	// A bracketed note may follow: …年度报告（修订版）.
	end := t
	if strings.HasSuffix(end, "）") || strings.HasSuffix(end, ")") {
		if i := strings.LastIndexAny(end, "（("); i > 0 {
			end = end[:i]
		}
	}
	if !strings.HasSuffix(end, "报告") && !strings.HasSuffix(end, "年报") {
		return false
	}
	return utf8.RuneCountInString(t) <= metaTitleRunes &&
		(strings.Contains(t, "信息公开") || strings.Contains(t, "政务公开") || strings.Contains(t, "年报"))
}

// fieldBlocks are the paragraphs where a page's 发布时间/来源 fields stand:
// the first metaMetaBlocks, or as many after the report's title when it
// comes later (a page saved as Word or PDF keeps the site's menus as
// paragraphs above it, which a browser's page text or HTML reading drops).
func (s *metaScan) fieldBlocks() []span {
	n := metaMetaBlocks
	if i := s.titleIndex(); i >= 0 {
		n = max(n, i+1+metaMetaBlocks/3)
	}
	return s.head[:min(len(s.head), n)]
}

// titleIndex is the index in s.head of the first paragraph that reads as a
// report's title, or -1.
func (s *metaScan) titleIndex() int {
	if s.titleAt == 0 {
		s.titleAt = len(s.head) + 1
		for i := range s.head {
			if isReportTitle(s.cleanHead(i)) {
				s.titleAt = i + 1
				break
			}
		}
	}
	if s.titleAt > len(s.head) {
		return -1
	}
	return s.titleAt - 1
}

// titles lists the titles the document gives, strongest first: a labelled
// 标题: line, the HTML <title>, then a heading among the first paragraphs
// (also one broken over two lines, or with the agency on the line above).
func (s *metaScan) titles() []titleInfo {
	var out []titleInfo
	add := func(line int, t string, labelled bool) {
		name, year := parseTitle(t)
		if out == nil {
			out = make([]titleInfo, 0, 4) // a document gives a few titles: grown once, not thrice
		}
		out = append(out, titleInfo{evidence{line, t}, name, year, labelled})
	}
	// The title sits in the first paragraphs, or, below a saved page's
	// menus, where the first paragraph that reads as one is.
	// (A menu entry such as 政府信息公开年报 may read as one just above it.)
	titleAt := s.titleIndex()
	heads := s.head[:min(len(s.head), max(metaTitleBlocks, titleAt+metaTitleBlocks/2))]
	var labelled [metaHeadBlocks]bool // a labelled title field, read once for the two loops
	for i, h := range heads {
		if t, ok := titleField(s.cleanHead(i)); ok {
			labelled[i] = true
			if t != "" && len(t) <= 8*metaTitleRunes && utf8.RuneCountInString(t) <= metaTitleRunes*2 {
				add(h.line, t, true)
			}
		}
	}
	if s.title != "" {
		for _, p := range titleSep.Split(s.title, -1) {
			if p = clean(p); strings.Contains(p, "信息公开") || strings.Contains(p, "政务公开") || strings.Contains(p, "年报") {
				add(0, p, true)
				break
			}
		}
	}
	for i, h := range heads {
		t := s.cleanHead(i)
		if labelled[i] || len(t) > 4*metaTitleRunes {
			continue // a labelled title (read above), or far too long for one
		}
		// titleIndex has read the paragraphs up to the first title: no
		// paragraph before it is one, nor any when it found none.
		switch {
		case i == titleAt || i > titleAt && titleAt >= 0 && isReportTitle(t):
		case i+1 < len(heads) && len(heads[i+1].text) <= 60 && utf8.RuneCountInString(s.cleanHead(i+1)) <= 10 &&
			isReportTitle(t+s.cleanHead(i+1)):
			t += s.cleanHead(i + 1) // 道县文广新局2013年度信息公开工作 / 年度报告
		default:
			continue
		}
		add(h.line, t, false)
		last := &out[len(out)-1]
		if last.name == "" && i > 0 { // 思明区嘉莲街道办事处 / 2015年政府信息公开工作年度报告
			if prev := s.cleanHead(i - 1); nameLike(prev) {
				last.name = prev
				last.ev = evidence{heads[i-1].line, prev + " " + t}
			}
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// Names

var (
	// agencySuffixes end the names of agencies, as signatures write them.
	agencySuffixes = []string{
		"人民政府", "政府", "办公室", "办公厅", "办事处", "街道", "管委会", "委员会", "管理局",
		"局", "委", "厅", "办", "中心", "镇", "乡", "区", "县", "市", "省", "旗", "州",
		"院", "署", "所", "站", "馆", "处", "队", "公司", "部", "会", "室", "社",
	}
	// selfWords start phrases that refer to the agency without naming it.
	selfWords = []string{"我", "本", "该", "全", "各"}
	// govSuffixes turn a place into its government: when the title names
	// the place (洮北区) and the report names the government
	// (洮北区人民政府), the government is the fuller name.
	govSuffixes = []string{"人民政府", "街道办事处", "办事处"}
	// officeSuffixes: a government's office signs its government's report
	// (洮北区人民政府办公室 signs for 洮北区人民政府).
	officeSuffixes = []string{"人民政府办公室", "人民政府办公厅"}
	// placeSuffixes end a place name that may precede a title's name
	// (牡丹江市 + 行政服务中心).
	placeSuffixes = []string{"省", "市", "区", "县", "州", "盟", "旗"}
)

// isNameText reports whether s is 2 to 30 Han characters and brackets, as
// ^[\p{Han}（）()]{2,30}$ matches (an invalid byte is neither), and
// whether a first character of notNameWords stands in it.
func isNameText(s string) (ok, notNameStart bool) {
	n := 0
	for _, r := range s {
		if n++; n > 30 || !zh.IsHan(r) && r != '（' && r != '）' && r != '(' && r != ')' {
			return false, false
		}
		notNameStart = notNameStart || isNotNameStart(r)
	}
	return n >= 2, notNameStart
}

// validName reports whether s can be an agency's name: Han characters
// only, not a word like 我局 / 本机关 / 镇 that stands for one.
//
// The words of notNameWords are looked for only in a name that holds a
// character one starts with, and those of classPrefixes only before a
// name that starts with one: most names hold none. (Looking for the
// eleven words in every name was the most of validName's cost, which the
// title, body and field rules call for every name they read.)
func validName(s string) bool {
	ok, notNameStart := isNameText(s)
	if !ok {
		return false
	}
	for _, w := range selfWords {
		if strings.HasPrefix(s, w) {
			return false
		}
	}
	if notNameStart {
		for _, w := range notNameWords {
			if strings.Contains(s, w) {
				return false
			}
		}
	}
	if r, _ := utf8.DecodeRuneInString(s); isClassStart(r) {
		for _, w := range classPrefixes {
			if strings.HasPrefix(s, w) {
				return false
			}
		}
	}
	return true
}

// isClassStart reports the first characters of classPrefixes.
func isClassStart(r rune) bool {
	switch r {
	case '乡', '县', '市', '省', '地', '基', '上', '下', '直', '自':
		return true
	}
	return false
}

// isNotNameStart reports the first characters of notNameWords.
func isNotNameStart(r rune) bool {
	switch r {
	case '信', '报', '汇', '所', '以', '各', '有', '部', '和', '等', '主':
		return true
	}
	return false
}

// classPrefixes start phrases naming a kind of agency, not one agency
// (乡镇人民政府, 县级人民政府).
var classPrefixes = []string{"乡镇", "县级", "市级", "省级", "地方", "基层", "上级", "下级", "直辖市", "自治区", "自治州"}

// notNameWords occur in phrases that end like a name but describe groups or
// duties (县级以上地方人民政府, 主管部门汇总所属部门和乡镇): no agency's
// name contains them.
var notNameWords = []string{"信息公开", "报告", "汇总", "所属", "以上", "各级", "有关", "部门和", "和乡镇", "等部门", "主管部门"}

// nameLike reports whether a whole line is an agency's name, as in a
// signature: a valid name ending like one.
func nameLike(s string) bool {
	// A name that ends with no suffix's last character ends with none.
	if r, _ := utf8.DecodeLastRuneInString(s); !isAgencySuffixEnd(r) || !validName(s) {
		return false
	}
	// A bare suffix (办公室, 中心) names no particular agency.
	longest := longestAgencySuffix(s)
	return longest > 0 && len(s) > longest
}

// longestAgencySuffix returns the length of the longest of agencySuffixes
// s ends with, or 0.
func longestAgencySuffix(s string) int {
	longest := 0
	for _, suf := range agencySuffixes {
		if strings.HasSuffix(s, suf) {
			longest = max(longest, len(suf))
		}
	}
	return longest
}

// isAgencySuffixEnd reports the last characters of agencySuffixes.
func isAgencySuffixEnd(r rune) bool {
	switch r {
	case '府', '室', '厅', '处', '道', '会', '局', '委', '办', '心', '镇', '乡', '区', '县', '市', '省', '旗',
		'州', '院', '署', '所', '站', '馆', '队', '司', '部', '社':
		return true
	}
	return false
}

// reduceOffice maps a government office to its government.
func reduceOffice(s string) string {
	for _, suf := range officeSuffixes {
		if strings.HasSuffix(s, suf) {
			return strings.TrimSuffix(s, suf) + "人民政府"
		}
	}
	return s
}

// extends reports whether c is a fuller form of name n: n plus a government
// suffix (洮北区 → 洮北区人民政府, 丰门街道 → 丰门街道办事处) or a place
// before n (行政服务中心 → 牡丹江市行政服务中心).
func extends(c, n string) bool {
	if c == n || n == "" {
		return false
	}
	if rest, ok := strings.CutPrefix(c, n); ok {
		for _, suf := range govSuffixes {
			if rest == suf {
				return true
			}
		}
		return false
	}
	if pre, ok := strings.CutSuffix(c, n); ok {
		for _, suf := range placeSuffixes {
			if strings.HasSuffix(pre, suf) {
				return true
			}
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// Signature

// signature is the name and date a report ends with.
type signature struct {
	name string
	date zh.Date
	ev   evidence
}

// signature finds the last date standing on its own in the tail (a line of
// its own, or set off by spaces in a collapsed body), with the agency name
// next to it.
func (s *metaScan) signature() signature {
	for i := len(s.tail) - 1; i >= 0; i-- {
		// Cleaning takes no 年 nor - from a paragraph: it is tested first.
		if t := s.tail[i].text; yearWord.index(t) < 0 && strings.IndexByte(t, '-') < 0 {
			continue
		}
		t := clean(s.tail[i].text)
		if moreRunes(t, 20) {
			// Only a collapsed body, which ends the document, hides its
			// signature inside a long paragraph.
			if i >= len(s.tail)-2 {
				if sig, ok := flatSignature(t, s.tail[i].line); ok {
					return sig
				}
			}
			continue
		}
		d, de := zh.DateAt(t)
		if d.Year == 0 || de != len(t) {
			continue // not a line that is only a date
		}
		sig := signature{date: d, ev: evidence{s.tail[i].line, t}}
		// The name is just above the date, or, less often, just below.
		for _, j := range []int{i - 1, i - 2, i + 1} {
			if j >= 0 && j < len(s.tail) {
				if n := clean(s.tail[j].text); nameLike(n) {
					sig.name = n
					sig.ev.Text = n + " " + t
					if j > i {
						sig.ev.Text = t + " " + n
					} else {
						sig.ev.Line = s.tail[j].line
					}
					break
				}
			}
		}
		return sig
	}
	return signature{}
}

// lastIndex is strings.LastIndex for a word w of two bytes or more, made
// fast for Chinese the way strs.Index is: it looks for w's last byte, which
// is rarer in Chinese text than its first.
func lastIndex(s, w string) int {
	last := w[len(w)-1]
	for end := len(s); ; {
		j := strings.LastIndexByte(s[:end], last)
		if j < len(w)-1 {
			return -1 // no room for w before
		}
		if s[j+1-len(w):j+1] == w {
			return j + 1 - len(w)
		}
		end = j
	}
}

// flatSignature finds a signature inside a paragraph that holds the whole
// body (web-page text collapsed onto one line): a date set off by spaces or
// ending a sentence, after the agency's name if one stands before it:
// …日常化。 平潭县人民政府 2013年1月16日 附件1：…
func flatSignature(t string, line int) (signature, bool) {
	// The 年 of the date is looked for from the end. strings.LastIndexByte
	// reads byte by byte, strings.IndexByte many bytes at once: the last
	// places of 年 are found forwards (most of the paragraph is read when
	// it holds no signature), the places before them backwards.
	var last [64]int // ring of the last places of 年
	n := 0
	for off := 0; ; {
		i := yearWord.index(t[off:])
		if i < 0 {
			break
		}
		last[n%len(last)] = off + i
		n++
		off += i + len("年")
	}
	for k := n - 1; k >= max(0, n-len(last)); k-- {
		if sig, ok := flatSignatureAt(t, last[k%len(last)], line); ok {
			return sig, true
		}
	}
	if n <= len(last) {
		return signature{}, false
	}
	for end := last[(n-len(last))%len(last)]; ; {
		i := lastIndex(t[:end], "年")
		if i < 0 {
			return signature{}, false
		}
		end = i
		if sig, ok := flatSignatureAt(t, i, line); ok {
			return sig, true
		}
	}
}

// flatSignatureAt reads the signature flatSignature looks for whose year
// ends before the 年 at i.
func flatSignatureAt(t string, i, line int) (signature, bool) {
	ys := i // back over four year digits
	for k := 0; k < 4 && ys > 0; k++ {
		_, m := utf8.DecodeLastRuneInString(t[:ys])
		ys -= m
	}
	if zh.ParseYear(t[ys:i]) == 0 {
		return signature{}, false // a cheap test before DateAt's regular expressions
	}
	d, n := zh.DateAt(t[ys:])
	if d.Year == 0 {
		return signature{}, false
	}
	de := ys + n
	if rest := t[de:]; rest != "" && !strings.HasPrefix(rest, "附件") {
		if r, _ := utf8.DecodeRuneInString(rest); !zh.IsSpace(r) {
			return signature{}, false // the date runs on into a sentence
		}
	}
	p := ys
	for p > 0 { // spaces before the date
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
			return signature{}, false // 于2015年3月 inside a sentence
		}
		name, k = "", p
	}
	if k > 0 && name == "" && !spaced {
		if r, _ := utf8.DecodeLastRuneInString(t[:k]); !strings.ContainsRune("。；！", r) {
			return signature{}, false
		}
	}
	if name == "" && d.Month == 0 {
		return signature{}, false // a bare 2015年 is no signature
	}
	return signature{name: name, date: d, ev: evidence{line, clean(t[k:de])}}, true
}

// ---------------------------------------------------------------------------
// Published

// pubRank ranks the labels of a date field: the publication date proper,
// a bare 日期/时间 (the page's own field), then the date the document was
// written. Other labels (统计时间, 办公时间) are not publication dates.
var pubRank = map[string]int{
	"发布日期": 0, "发布时间": 0, "发文日期": 0, "发文时间": 0, "公开日期": 0, "公开时间": 0,
	"日期": 1, "时间": 1,
	"更新日期": 2, "更新时间": 2, "生成日期": 2, "生成时间": 2,
	"成文日期": 3, "成文时间": 3, "印发日期": 3, "印发时间": 3,
}

// pageFields is what a page's fields near the top say: the date of the
// best ranked date field (pubRank), and the first strong and the first weak
// agency field (agencyLabels).
type pageFields struct {
	date         zh.Date
	dateEv       evidence
	strong, weak labelled
}

// pageFields reads the fields near the top. (The date and the agency were
// read apart, each listing the fields of the same paragraphs.)
func (s *metaScan) pageFields() pageFields {
	var pf pageFields
	bestRank := 99
	var fields [8]metaField
	for _, h := range s.fieldBlocks() {
		t := cutHead(h.text, metaFieldBytes)
		for _, f := range metaFields(fields[:0], t) {
			if rank, ok := pubRank[f.label]; ok { // no agency label is a date label
				if rank >= bestRank {
					continue
				}
				if d, de := zh.DateAt(cutHead(t[f.val:], 40)); d.Year != 0 {
					pf.date, bestRank = d, rank
					pf.dateEv = evidence{h.line, clean(t[f.start : f.val+de])}
				}
				continue
			}
			switch agencyLabels[f.label] {
			case "strong":
				if pf.strong.name == "" {
					pf.strong, _ = agencyField(t, f, h.line)
				}
			case "weak":
				if pf.weak.name == "" {
					pf.weak, _ = agencyField(t, f, h.line)
				}
			}
		}
	}
	return pf
}

// published prefers an explicit 发布 line near the top over the signature
// date, which is when the report was signed, not put online.
func published(fields pageFields, sig signature) (string, evidence) {
	if fields.date.Year != 0 {
		return fields.date.String(), fields.dateEv
	}
	if sig.date.Year != 0 {
		return sig.date.String(), sig.ev
	}
	return "", evidence{}
}

// ---------------------------------------------------------------------------
// Year

// yearSource names where a year came from, strongest first.
type yearSource int

const (
	fromForm  yearSource = iota // a filled form's 报告年度 cell
	fromTitle                   // the report's title
	fromPeriod
	fromSelf  // a sentence naming the report: 现公布2011年度政府信息公开年度报告
	fromTable // a statistics table's title
	fromBody  // the years the body talks about
	fromPublished
)

var yearSourceName = [...]string{"填报表的报告年度栏", "标题", "统计期限", "正文对本报告的表述", "统计表标题", "正文", "发布日期"}

var (
	// tableTitleRe is a statistics table's title: 2016年度政府信息公开情况统计表.
	// No other date may come between the year and 统计表, so that a
	// signature date just before the table's title is not read as its year.
	tableTitleRe = regexp.MustCompile(`(` + yearDigits + `)\s*年度?[^。；，,0-9０-９年月日]{0,30}?(?:统计表|情况表)$`)
)

type yearVote struct {
	year int
	src  yearSource
	ev   evidence
}

// year decides the year the report covers. The title is believed first;
// the statistics period only when the title has no year; a disagreement
// between the strong sources is a finding. The publication year minus one
// is the last resort and is reported as an inference.
func (s *metaScan) year(titles []titleInfo, published string) (int, evidence, []xxgk.Finding) {
	pubYear := 0
	if len(published) >= 4 {
		pubYear, _ = strconv.Atoi(published[:4])
	}
	var voteArray [4]yearVote // votes are few: the list is on the stack
	votes := voteArray[:0]
	var fs []xxgk.Finding
	if f := s.yearField; f.Value != "" {
		if y := fieldYear(f.Value); y != 0 {
			votes = append(votes, yearVote{y, fromForm, evidence{0, f.Text}})
		} else {
			fs = append(fs, xxgk.Finding{Rule: xxgk.RuleFormNotNumber, Severity: xxgk.SeverityWarning, Evidence: f.Text,
				Message: fmt.Sprintf("报告年度栏填写的“%s”不是年份，未采用；请填写四位数的年份，如 2024", f.Value)})
		}
	}
	for _, t := range titles {
		if t.year != 0 {
			votes = append(votes, yearVote{t.year, fromTitle, t.ev})
			break
		}
	}
	if v, ok := s.periodYear(); ok {
		votes = append(votes, v)
	}
	// Table titles in tables are few and cheap to read, so they always
	// corroborate; sentences are read only when title and period are silent.
	if v, ok := s.tableYear(s.tables, false); ok {
		votes = append(votes, v)
	}
	if len(votes) == 0 || votes[0].src > fromPeriod {
		if v, ok := s.selfYear(); ok {
			votes = append(votes, v)
		} else if v, ok := s.tableYear(s.both, true); ok {
			votes = append(votes, v)
		}
		slices.SortStableFunc(votes, func(a, b yearVote) int { return int(a.src) - int(b.src) })
	}
	if len(votes) == 0 {
		if v, ok := s.bodyYear(pubYear); ok {
			votes = append(votes, v)
		}
	}
	if len(votes) == 0 {
		if pubYear == 0 {
			return 0, evidence{}, append(fs, xxgk.Finding{Rule: xxgk.RuleYearMissing, Severity: xxgk.SeverityWarning,
				Message: "未能确定报告所属年度"})
		}
		y := pubYear - 1
		return y, evidence{Text: "发布日期 " + published}, append(fs, xxgk.Finding{Rule: xxgk.RuleYearInferred,
			Severity: xxgk.SeverityInfo, Evidence: published,
			Message: fmt.Sprintf("报告未写明所属年度，按发布日期（%s）推断为%d年", published, y)})
	}
	chosen := votes[0]
	for _, v := range votes[1:] {
		if v.year != chosen.year && v.src <= fromTable {
			fs = append(fs, xxgk.Finding{Rule: xxgk.RuleYearConflict, Severity: xxgk.SeverityWarning,
				Line: v.ev.Line, Evidence: v.ev.Text,
				Message: fmt.Sprintf("报告年度取%s的%d年，但%s为%d年", yearSourceName[chosen.src], chosen.year,
					yearSourceName[v.src], v.year)})
		}
	}
	if chosen.src == fromBody {
		fs = append(fs, xxgk.Finding{Rule: xxgk.RuleYearFromBody, Severity: xxgk.SeverityInfo,
			Line: chosen.ev.Line, Evidence: chosen.ev.Text,
			Message: fmt.Sprintf("报告无标题年份和统计期限，年度按正文所述推断为%d年", chosen.year)})
	}
	if pubYear != 0 && chosen.year > pubYear {
		fs = append(fs, xxgk.Finding{Rule: xxgk.RuleYearAfterPublished, Severity: xxgk.SeverityWarning,
			Line: chosen.ev.Line, Evidence: chosen.ev.Text,
			Message: fmt.Sprintf("报告年度%d年晚于发布日期%s", chosen.year, published)})
	}
	return chosen.year, chosen.ev, fs
}

// periodYear reads the year of the statistics period, the end year when
// the period spans two.
func (s *metaScan) periodYear() (yearVote, bool) {
	for _, h := range s.full {
		t := h.text
		// periodKeyEnd takes 起止 only in 起止时间: the longer word is
		// found in the same places, and the search stops less often.
		for _, key := range periodWords {
			for i := range key.indexes(t) {
				ke := periodKeyEnd(t[i:min(len(t), i+30)])
				if ke < 0 {
					continue
				}
				start := i + ke
				end := start + min(len(t)-start, 150)
				if j := indexSentenceEnd(t[start:end]); j >= 0 {
					end = start + j
				}
				ys, ok := lastPeriodYear(t[start:end])
				if !ok {
					continue // 统计期限自至: the numbers were lost
				}
				y, _ := strconv.Atoi(ys)
				return yearVote{y, fromPeriod, evidence{h.line, excerpt(t, i, end)}}, true
			}
		}
	}
	return yearVote{}, false
}

// selfRefMatches is selfRefMatches(s.citedText(i)) for a head paragraph
// that holds 报告 or 如下 (every match does), and nil for another, found
// once: selfYear and selfName read the same sentences.
func (s *metaScan) selfRefMatches(i int) []match {
	if !s.hasSelfRefs[i] {
		s.hasSelfRefs[i] = true
		if t := s.head[i].text; reportWord.index(t) >= 0 || asFollowsWord.index(t) >= 0 {
			s.selfRefs[i] = selfRefMatches(s.citedText(i), nil)
		}
	}
	return s.selfRefs[i]
}

// selfYear reads a sentence that names the report: 现公布2011年度政府信息公开年度报告.
func (s *metaScan) selfYear() (yearVote, bool) {
	for i, h := range s.head {
		for _, m := range s.selfRefMatches(i) {
			t := s.citedText(i)
			if _, y := parseTitle(t[m.g0:m.g1]); y != 0 {
				return yearVote{y, fromSelf, evidence{h.line, excerpt(t, m.start, m.end)}}, true
			}
		}
	}
	return yearVote{}, false
}

// tableYear reads a statistics table's title, in a paragraph or a table:
// the regexp runs only on the text just before each 统计表 / 情况表.
// In s.both (inBoth), a tail paragraph that repeats a head paragraph is
// passed over: the head's had no title.
func (s *metaScan) tableYear(spans []span, inBoth bool) (yearVote, bool) {
	for i, h := range spans {
		if inBoth && s.repeat(i) >= 0 {
			continue
		}
		t := h.text
		for _, key := range tableWords {
			for i := range key.indexes(t) {
				w0 := max(0, i-120)
				for w0 > 0 && !utf8.RuneStart(t[w0]) {
					w0++
				}
				w := stripCited(t[w0 : i+len(key.text)])
				if m := tableTitleRe.FindStringSubmatchIndex(w); m != nil {
					if y := zh.ParseYear(sub(w, m, 1)); y != 0 {
						return yearVote{y, fromTable, evidence{h.line, excerpt(w, m[0], m[1])}}, true
					}
				}
			}
		}
	}
	return yearVote{}, false
}

// bodyYear is the year the head of the body mentions most, leaving out
// cited documents, plans for later years and years after publication.
func (s *metaScan) bodyYear(pubYear int) (yearVote, bool) {
	count := map[int]int{}
	first := map[int]evidence{}
	best := 0
	var ms []match
	for i, h := range s.head {
		t := s.citedText(i)
		ms = yearMatches(t, ms[:0])
		for _, m := range ms {
			y := zh.ParseYear(t[m.g0:m.g1])
			if y == 0 || (pubYear != 0 && y > pubYear) || isPlan(t[m.end:]) {
				continue
			}
			if count[y] == 0 {
				first[y] = evidence{h.line, excerpt(t, m.start, m.end)}
			}
			count[y]++
			if count[y] > count[best] || (count[y] == count[best] && y < best) {
				best = y
			}
		}
	}
	if best == 0 {
		return yearVote{}, false
	}
	return yearVote{best, fromBody, first[best]}, true
}

// ---------------------------------------------------------------------------
// Agency

// agencyLabels are the fields naming the publisher. 来源 is weak: sites fill
// it with their own name (来源：平潭县人民政府 on the zone's reports).
var agencyLabels = map[string]string{
	"发布机构": "strong", "发文机关": "strong", "发文单位": "strong", "发布单位": "strong", "发布部门": "strong",
	"来源": "weak", "信息来源": "weak",
}

// agency picks the agency: the title's name, else a 发布机构 line, the
// signature, a sentence naming the report, a government named in the body,
// and last the page's 来源 field. A fuller form the report itself gives of
// the chosen name (see extends) replaces it.
func (s *metaScan) agency(titles []titleInfo, sig signature, fields pageFields) (string, evidence, []xxgk.Finding) {
	var fs []xxgk.Finding
	strong, weak := fields.strong, fields.weak
	type cand struct {
		name string
		ev   evidence
		note string // why the choice is weak, for an info finding
	}
	var candArray [6]cand // candidates are few: the list is on the stack
	cs := candArray[:0]
	if f := s.agencyField; fieldName(f.Value) {
		cs = append(cs, cand{clean(f.Value), evidence{0, f.Text}, ""})
	}
	for _, t := range titles {
		if t.name != "" {
			cs = append(cs, cand{t.name, t.ev, ""})
			break
		}
	}
	if strong.name != "" {
		cs = append(cs, cand{strong.name, strong.ev, ""})
	}
	if sig.name != "" {
		cs = append(cs, cand{sig.name, sig.ev, ""})
	}
	if len(cs) == 0 {
		if n, ev := s.selfName(); n != "" {
			cs = append(cs, cand{n, ev, "正文对本报告的表述"})
		} else if n, ev := s.bodyName(); n != "" {
			cs = append(cs, cand{n, ev, "正文"})
		} else if weak.name != "" {
			cs = append(cs, cand{weak.name, weak.ev, "网页“来源”栏"})
		}
	}
	if len(cs) == 0 {
		return "", evidence{}, []xxgk.Finding{{Rule: xxgk.RuleAgencyMissing, Severity: xxgk.SeverityWarning,
			Message: "报告未写明发布机关（标题、落款和正文中均未找到机关名称）"}}
	}
	c := cs[0]
	// A fuller form given by the signature, the metadata or the body.
	for _, alt := range []cand{{reduceOffice(sig.name), sig.ev, ""}, {reduceOffice(strong.name), strong.ev, ""}} {
		if extends(alt.name, c.name) {
			c = cand{alt.name, evidence{c.ev.Line, c.ev.Text + " / " + alt.ev.Text}, c.note}
			break
		}
	}
	if n, ev := s.govForm(c.name); n != "" {
		c = cand{n, evidence{c.ev.Line, c.ev.Text + " / " + ev.Text}, c.note}
	}
	if c.note != "" {
		fs = append(fs, xxgk.Finding{Rule: xxgk.RuleAgencyInferred, Severity: xxgk.SeverityInfo,
			Line: c.ev.Line, Evidence: c.ev.Text,
			Message: fmt.Sprintf("报告标题和落款未写明机关，机关名称取自%s", c.note)})
	}
	if sig.name != "" && c.name != "" && !related(sig.name, c.name) {
		fs = append(fs, xxgk.Finding{Rule: xxgk.RuleAgencyConflict, Severity: xxgk.SeverityInfo,
			Line: sig.ev.Line, Evidence: sig.ev.Text,
			Message: fmt.Sprintf("落款机关“%s”与报告机关“%s”不一致", sig.name, c.name)})
	}
	return c.name, c.ev, fs
}

// fieldYear reads the year a clerk typed in a form's 报告年度 cell: 2024,
// 2024年, 2024年度, 二〇二四年, ２０２４; 0 for anything else.
func fieldYear(v string) int {
	v = strings.Join(strings.Fields(v), "")
	v = strings.TrimSuffix(strings.TrimSuffix(v, "度"), "年")
	return zh.ParseYear(v)
}

// fieldName reports whether a form's 填报单位 cell holds a name: some Han
// characters, not a sentence.
func fieldName(v string) bool {
	v = clean(v)
	if v == "" || utf8.RuneCountInString(v) > 40 {
		return false
	}
	for _, r := range v {
		if zh.IsHan(r) {
			return true
		}
	}
	return false
}

// related reports whether two names share one as a part of the other
// (洮北区人民政府办公室 and 洮北区).
func related(a, b string) bool {
	return strings.Contains(a, b) || strings.Contains(b, a) || strings.Contains(a, reduceOffice(b)) ||
		strings.Contains(reduceOffice(a), b)
}

type labelled struct {
	name string
	ev   evidence
}

// agencyField reads the name a 发布机构 or 来源 field f of t gives, or
// reports none.
func agencyField(t string, f metaField, line int) (labelled, bool) {
	end := f.val
	for end < len(t) {
		r, n := utf8.DecodeRuneInString(t[end:])
		if !zh.IsHan(r) && !strings.ContainsRune("（）()", r) {
			break
		}
		end += n
	}
	name := trimTrailingField(t[f.val:end])
	if !validName(name) {
		return labelled{}, false
	}
	return labelled{name, evidence{line, clean(t[f.start:end])}}, true
}

// fieldWords start the next field when a page runs its fields together
// (来源:海城市西四镇作者:).
var fieldWords = []string{"作者", "时间", "日期", "发布", "点击", "浏览", "字号", "编辑", "责任"}

func trimTrailingField(s string) string {
	for _, w := range fieldWords {
		if i := strings.Index(s, w); i > 0 {
			s = s[:i]
		}
	}
	return s
}

// selfName reads the agency from a sentence naming the report:
// 汇总2018年度三溪乡的政务公开年度报告.
func (s *metaScan) selfName() (string, evidence) {
	for i, h := range s.head {
		for _, m := range s.selfRefMatches(i) {
			t := s.citedText(i)
			// A sentence is looser than a title: only a word ending like an
			// agency's name (三溪乡, not 工作) is taken.
			if n, _ := parseTitle(t[m.g0:m.g1]); nameLike(n) {
				return n, evidence{h.line, excerpt(t, m.start, m.end)}
			}
		}
	}
	return "", evidence{}
}

// bodyName is the government or place the body names most often.
func (s *metaScan) bodyName() (string, evidence) {
	var ms []match
	// The names each head paragraph gave, in order (names[ends[i-1]:ends[i]]
	// are paragraph i's), counted again for a tail paragraph that repeats
	// it: reading it again would find them again.
	var nameArray [16]string
	var ends [metaHeadBlocks]int
	for _, p := range bodyPatterns {
		count := map[string]int{}
		first := map[string]evidence{}
		best := ""
		names := nameArray[:0]
		for i, h := range s.both {
			if k := s.repeat(i); k >= 0 {
				from := 0
				if k > 0 {
					from = ends[k-1]
				}
				for _, n := range names[from:ends[k]] {
					count[n]++ // first[n] stands: the head paragraph counted n
					if best == "" || count[n] > count[best] {
						best = n
					}
				}
				continue
			}
			t := h.text
			// The needles are a cheap test before the matcher.
			if p.needles == nil || containsAny(t, p.needles) {
				if p.stripCited {
					t = s.citedText(i) // a cited rule's issuer is not the author
				}
				ms = p.matches(t, ms[:0])
				for _, m := range ms {
					n := t[m.g0:m.g1]
					if !validName(n) {
						continue
					}
					if count[n] == 0 {
						first[n] = evidence{h.line, excerpt(t, m.g0, m.g1)}
					}
					count[n]++
					if best == "" || count[n] > count[best] {
						best = n
					}
					names = append(names, n)
				}
			}
			if i < len(s.head) {
				ends[i] = len(names)
			}
		}
		if best != "" {
			return best, first[best]
		}
	}
	return "", evidence{}
}

// bodyPatterns are the patterns bodyName tries, in order: a government
// named at the start of a clause (，牛街乡人民政府通过信息平台…), then a
// place doing its disclosure work (使八道江区政务公开工作再上新台阶,
// 《八道江区政府信息公开工作考核办法》). needles are words every match
// contains, looked for in a paragraph before its cited titles are taken
// out; a pattern read in the paragraph as it is has none, for its matcher
// looks for the same words first.
var bodyPatterns = []struct {
	matches    func(t string, out []match) []match
	needles    []word
	stripCited bool
}{
	{bodyGovMatches, govWords[:], true},
	{bodyPlaceMatches, nil, false},
}

// govForm finds name followed by a government suffix anywhere the rules
// look (请与屯昌县南吕镇人民政府党政办联系 gives 屯昌县南吕镇人民政府).
func (s *metaScan) govForm(name string) (string, evidence) {
	if name == "" {
		return "", evidence{}
	}
	for _, suf := range govSuffixes {
		if strings.HasSuffix(name, suf) {
			return "", evidence{} // already a government
		}
	}
	w := newWord(name)
	for i, h := range s.both {
		if s.repeat(i) >= 0 {
			continue // the head paragraph it repeats holds none
		}
		for off := 0; ; {
			i := w.index(h.text[off:])
			if i < 0 {
				break
			}
			i += off
			off = i + len(name)
			for _, suf := range govSuffixes {
				if strings.HasPrefix(h.text[off:], suf) {
					return name + suf, evidence{h.line, excerpt(h.text, i, off+len(suf))}
				}
			}
		}
	}
	return "", evidence{}
}
