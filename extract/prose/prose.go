// Package prose reads the figures a report states in its sentences (主动公开
// 政府信息2917条, 未收到行政复议申请): it cuts the report into sections and
// sentences, finds every number written in Chinese text, and lets a small
// table of rules, one per figure, say which clause claims which number.
// Precision comes first: a figure the rules cannot place is left out.
package prose

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"xxgk"
	"xxgk/document"
	"xxgk/internal/strs"
	"xxgk/templates"
	"xxgk/zh"
)

// Each figure has a rule: the words that must stand in the clause before
// the number (the subject), the words that disqualify it (another activity,
// another scope), the units it is counted in and the sections where
// reports state it. A number is taken only when one rule claims it and
// nothing in its clause or sentence says it is a plan, last year's figure,
// a cumulative total, a rate or a part of a total.

// proseRule says how one figure is stated in prose.
type proseRule struct {
	figure string
	// subject: the clause before the number contains one of these.
	subject []string
	// also: when set, the clause also contains one of these.
	also []string
	// context: when set, the sentence contains one of these.
	context []string
	// not: the clause contains none of these.
	not []string
	// units accepted after the number.
	units []string
	// topics where the figure may be stated; empty means any but the
	// sections about problems and plans.
	topics []topic
	// part: the figure is a part of a group stated in the same sentence
	// (其中维持…6件): it is read only after 其中, from the group named by
	// group, never as the sentence's first figure.
	part  bool
	group []string
	money bool // the value is money, normalised to 元
	// anywhere: the figure is read after 其中 too, for it is itself one
	// kind of a larger whole (其中同意公开答复数17条).
	anywhere bool
	// strict: the context words must be in the sentence; the section alone
	// does not do (不予公开信息10条 in a report without requests).
	strict bool
}

var (
	countUnits = []string{"件", "条", "份", "个", "项", "起", "宗", "例", "次", "人次"}
	caseUnits  = []string{"件", "起", "宗", "例", "个", "次"}
	staffUnits = []string{"人", "名", "个"}
	moneyUnits = []string{"元", "万元", "亿元", "千元"}

	// otherActivities are counted in reports beside disclosure figures and
	// look like them: approvals, petitions, mailboxes, hotlines, visits.
	otherActivities = []string{"审批", "办件", "信访", "信箱", "来信", "信件", "热线", "咨询", "点击", "访问", "浏览",
		"许可", "窗口", "投诉", "举报", "短信", "微博", "微信", "粉丝", "来电", "接待", "阅览", "查阅"}

	// partOfWhole name one level or unit of an agency's total: 区本级,
	// 各部门, 各乡镇 (区本级公开62条；各部门1697条 are parts of 2917).
	partOfWhole = []string{"本级", "各部门", "各乡镇", "各单位", "各街道", "区直", "县直", "市直", "部门单位", "乡镇政府", "乡镇人民政府"}

	// channels qualify a count as one channel's (公文平台发文, 政府网站).
	channels = []string{"平台", "发文", "网站", "微信", "微博", "公众号", "公开栏", "客户端", "报纸", "电视"}

	reviewOnly     = []string{"行政复议", "复议"}
	litigationOnly = []string{"行政诉讼", "诉讼"}
)

var proseRules = []proseRule{
	{figure: "proactive.total", subject: []string{"主动公开"}, units: []string{"条", "件", "项", "份"},
		not: append(append([]string{"已主动公开", "主动公开范围", "主动公开目录", "应主动公开", "重点领域", "类信息", "规范性文件",
			"部分", "采购", "其他"}, partOfWhole...), otherActivities...),
		topics: []topic{topicUnknown, topicOverview, topicProactive}},
	{figure: "proactive.normative_docs", subject: []string{"规范性文件"}, context: []string{"公开", "制发", "印发", "出台", "发布"},
		units: []string{"件", "条", "份", "个"}, topics: []topic{topicUnknown, topicOverview, topicProactive},
		// 规范性文件类信息 and 政策、规范性文件类 are categories of the
		// proactive total, not the count of normative documents.
		not: []string{"清理", "废止", "现行有效", "失效", "修订", "修改", "备案", "审查", "审核", "宣布", "继续有效", "征求", "类", "政策、"}},
	{figure: "requests.received", subject: []string{"收到", "受理", "接到", "接收", "接受", "共办理", "办理"}, also: []string{"申请"},
		context: []string{"信息公开", "依申请", "公开申请", "申请公开"}, units: countUnits,
		not:    append([]string{"办结", "答复", "已主动公开", "不予", "同意", "转办", "告知", "其中", "复议", "诉讼"}, otherActivities...),
		topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "requests.closed", subject: []string{"办结"}, context: []string{"申请"}, units: countUnits,
		not: []string{"按时办结", "延期办结", "按期办结"}, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "requests.carried_forward", subject: []string{"结转下", "结转至", "转入下一", "结转到"}, context: []string{"申请", "结转"},
		units: countUnits, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "requests.carried_over", subject: []string{"上年结转", "上一年度结转", "去年结转", "上年度结转"}, units: countUnits,
		topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "requests.granted", anywhere: true, subject: []string{"予以公开", "同意公开", "全部公开"}, context: []string{"申请"}, units: countUnits, strict: true,
		not: []string{"不予", "不同意", "部分", "信息有", "信息数"}, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "requests.partially_granted", anywhere: true, subject: []string{"部分公开"}, context: []string{"申请"}, units: countUnits, strict: true,
		not: []string{"信息有", "信息数"}, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "requests.denied", anywhere: true, subject: []string{"不予公开", "不同意公开"}, context: []string{"申请"}, units: countUnits, strict: true,
		not: []string{"不予公开信息", "信息有", "信息数"}, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "review.total", subject: reviewOnly, units: caseUnits, not: append([]string{"诉讼"}, "复议后"),
		topics: []topic{topicUnknown, topicOverview, topicReview, topicRequests}},
	{figure: "litigation.total", subject: litigationOnly, units: caseUnits, not: []string{"复议"},
		topics: []topic{topicUnknown, topicOverview, topicReview, topicRequests}},
	{figure: "fees.collected_yuan", subject: []string{"收取", "收费"}, context: []string{"信息公开", "申请", "检索", "复制", "邮寄", "信息处理费"},
		units: moneyUnits, money: true, not: []string{"行政事业性收费", "减免"}, topics: []topic{topicUnknown, topicOverview, topicFees, topicRequests, topicOther}},
	{figure: "staff.fulltime", subject: []string{"专职", "全职"}, also: []string{"人员", "工作人员", "专职"}, context: []string{"信息公开", "政务公开"},
		units: staffUnits, not: []string{"平均", "每个", "每名", "兼职"}},
	{figure: "staff.parttime", subject: []string{"兼职"}, context: []string{"信息公开", "政务公开"},
		units: staffUnits, not: []string{"平均", "每个", "每名", "专职", "全职"}},
	{figure: "funds.special_yuan", subject: []string{"专项经费"}, context: []string{"信息公开", "政务公开"}, units: moneyUnits, money: true,
		not: []string{"网站建设", "网站", "平台建设", "设备"}},

	// Parts of review and litigation, after 其中 in a sentence about one of them.
	{figure: "review.upheld", subject: []string{"维持"}, part: true, group: reviewOnly, units: caseUnits},
	{figure: "review.corrected", subject: []string{"纠错", "纠正"}, part: true, group: reviewOnly, units: caseUnits},
	{figure: "review.other", subject: []string{"其他情形", "其他结果"}, part: true, group: reviewOnly, units: caseUnits},
	{figure: "review.pending", subject: []string{"尚未审结", "未审结"}, part: true, group: reviewOnly, units: caseUnits},
	{figure: "litigation.upheld", subject: []string{"维持", "驳回"}, part: true, group: litigationOnly, units: caseUnits},
	{figure: "litigation.corrected", subject: []string{"纠错", "纠正"}, part: true, group: litigationOnly, units: caseUnits},
	{figure: "litigation.other", subject: []string{"其他情形", "其他结果"}, part: true, group: litigationOnly, units: caseUnits},
	{figure: "litigation.pending", subject: []string{"尚未审结", "未审结"}, part: true, group: litigationOnly, units: caseUnits},
}

// zeroRule says how a report states that a figure is zero: 未收到申请,
// 暂不收费, 尚未有…行政复议.
type zeroRule struct {
	figure   string
	subject  []string // the word the negation applies to
	context  []string // the sentence contains one of these (when set)
	not      []string // the sentence contains none of these
	negation []string // words that state the zero, before the subject
	topics   []topic
}

var (
	// negations state a zero for the word that follows them closely. A bare
	// 无 is not one: 无法提供, 无正当理由 are words of the forms.
	negations   = []string{"未收到", "没有收到", "未接到", "未受理", "没有受理", "暂无", "尚未", "没有发生", "未发生", "未有", "没有", "未出现", "没有出现", "均无", "从未", "无申请", "无依申请", "无行政复议", "无复议", "无行政诉讼", "无诉讼"}
	feeNegation = []string{"暂不收费", "不收费", "未收费", "未收取", "没有收取", "不收取", "免费", "无收费", "未向", "没有向", "无向"}
)

var zeroRules = []zeroRule{
	{figure: "requests.received", subject: []string{"申请"}, negation: negations, not: []string{"复议", "诉讼", "不予公开", "收费", "费用"},
		context: []string{"依申请", "公开申请", "申请公开", "申请人", "申请"}, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "review.total", subject: []string{"行政复议", "复议"}, negation: negations, topics: []topic{topicUnknown, topicOverview, topicRequests, topicReview}},
	{figure: "litigation.total", subject: []string{"行政诉讼", "诉讼"}, negation: negations, topics: []topic{topicUnknown, topicOverview, topicRequests, topicReview}},
	{figure: "fees.collected_yuan", subject: []string{"收费", "收取", "费用"}, negation: append(append([]string(nil), feeNegation...), negations...),
		not: []string{"行政事业性收费"}, topics: []topic{topicUnknown, topicOverview, topicRequests, topicFees, topicOther}},
}

// Scope words. A clause holding one of them is not this year's figure.
var (
	// pastWords compare with last year: 较去年, 同比, 比上年增长.
	pastWords = []string{"去年", "上年", "上一年", "同比", "较", "比上年", "增长", "下降", "减少", "增加", "提高", "翻番", "倍"}
	// cumulativeWords total several years: 历年, 截至目前, 自…以来.
	cumulativeWords = []string{"历年", "截至", "截止", "至今", "以来累计", "成立以来", "开通以来", "运行以来", "建立以来", "总数达", "累计达"}
	// planWords announce the future: 2016年，我们将….
	planWords = []string{"将", "计划", "拟", "力争", "争取", "预计", "打算", "目标", "下一步", "明年", "今后"}
	// introWords: the sentence that lists the parts of the report
	// (…等六个部分组成) counts parts, not figures.
	introWords = []string{"部分组成", "个部分", "部分内容"}
	// rateWords: 率 and 平均 are not counts.
	rateWords = []string{"率", "平均", "比例", "占", "人均", "每"}
)

// proseSubjects are every word a rule starts from; a sentence with none
// of them states no figure.
var proseSubjects = func() *wordSet {
	var ws []string
	for _, r := range proseRules {
		ws = append(ws, r.subject...)
	}
	for _, z := range zeroRules {
		ws = append(ws, z.subject...)
	}
	return newWordSet(ws)
}()

// wordSet tells whether any of many words occurs in a text in one pass:
// a bitmap of the words' first runes (all in the BMP) says where a word
// may start. Testing every sentence of a report against sixty words one
// strings.Index at a time was a fifth of the parse.
type wordSet struct {
	first [1 << 16 / 64]uint64
	words map[rune][]string
}

func newWordSet(words []string) *wordSet {
	ws := &wordSet{words: map[rune][]string{}}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if r >= 1<<16 || slices.Contains(ws.words[r], w) {
			continue
		}
		ws.first[r/64] |= 1 << (r % 64)
		ws.words[r] = append(ws.words[r], w)
	}
	return ws
}

func (ws *wordSet) in(text string) bool {
	for i, r := range text {
		if r >= 1<<16 || ws.first[r/64]&(1<<(r%64)) == 0 {
			continue
		}
		for _, w := range ws.words[r] {
			if strings.HasPrefix(text[i:], w) {
				return true
			}
		}
	}
	return false
}

// proseCandidate is one reading of a figure from one sentence.
type proseCandidate struct {
	value    xxgk.Value
	inTopic  bool // stated in the section that reports the figure
	total    bool // the clause marks a total: 共, 全区, 总计
	sentence string
}

// totalWords mark the clause of a total, as opposed to one unit's part.
var totalWords = []string{"共", "全区", "全县", "全市", "全镇", "全乡", "全街道", "全省", "全年", "总计", "合计", "总数"}

// Figures reads the figures stated in the sentences of doc and settles them
// against tableFigures, the figures the report's tables gave: a figure the
// tables state keeps the tables' value, and a disagreement is a finding.
// year is the report's year (0 if unknown), used to tell this year's
// figures from other years'; trad says the document holds traditional
// characters; place names a line of the source in messages (第12行).
func Figures(doc *document.Document, year int, trad bool, tableFigures map[string]xxgk.Value, place func(int) string) (map[string]xxgk.Value, []xxgk.Finding) {
	return chooseProse(readProse(doc, year, trad), tableFigures, place)
}

// readProse reads the figures stated in the sentences of doc. year is the
// report's year (0 if unknown), used to tell this year's figures from
// other years'; trad says the document holds traditional characters.
func readProse(doc *document.Document, year int, trad bool) map[string][]proseCandidate {
	out := map[string][]proseCandidate{}
	for _, s := range splitSentences(doc) {
		if s.Topic == topicProblems || s.Topic == topicPlans {
			continue
		}
		text := s.Text
		if trad {
			text = zh.FoldHan(text)
		}
		if !proseSubjects.in(text) {
			continue // no rule's subject: nothing to read (most sentences)
		}
		if sentenceOutOfScope(text, year) {
			continue
		}
		for fig, c := range proseCounts(s, text, year) {
			out[fig] = append(out[fig], c)
		}
		for fig, c := range proseZeros(s, text) {
			if len(out[fig]) == 0 || !sameSentence(out[fig], s.Text) {
				out[fig] = append(out[fig], c)
			}
		}
	}
	return out
}

func sameSentence(cs []proseCandidate, s string) bool {
	for _, c := range cs {
		if c.sentence == s {
			return true
		}
	}
	return false
}

// sentenceOutOfScope reports whether a whole sentence speaks of another
// period: a cumulative total as of a date (截至2019年12月31日，…累计…),
// or a plan for a later year (2016年，我们将…).
func sentenceOutOfScope(text string, year int) bool {
	head := strs.FirstRunes(text, 14)
	if strings.HasPrefix(text, "截至") || strings.HasPrefix(text, "截止") {
		return true
	}
	if year != 0 {
		if y := leadingYear(head); y > year {
			return true
		}
	}
	return false
}

// leadingYear reads a year the sentence starts with: 2016年，… → 2016.
// Unlike zh.NextYear it reads ASCII digits only, right before 年, and
// checks no range: it is a cheap test of the sentence's first bytes.
func leadingYear(s string) int {
	if len(s) < 5 || s[4] != 0xE5 { // 年 is E5 B9 B4
		return 0
	}
	y := 0
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		y = y*10 + int(s[i]-'0')
	}
	if strings.HasPrefix(s[4:], "年") {
		return y
	}
	return 0
}

// clauseStart returns the byte offset where the clause holding position i
// starts: after the last ，；：, or the sentence start.
func clauseStart(text string, i int) int {
	best := 0
	for _, d := range []string{"，", ",", "；", ";", "：", ":", "。"} {
		if j := strings.LastIndex(text[:i], d); j >= 0 && j+len(d) > best {
			best = j + len(d)
		}
	}
	return best
}

// proseCounts reads the numbers of a sentence that a rule claims.
func proseCounts(s sentence, text string, year int) map[string]proseCandidate {
	out := map[string]proseCandidate{}
	mentions := scanNumbers(text) // simplified: 條 reads as 条; offsets are those of s.Text
	for _, m := range mentions {
		if m.Kind != numCount && m.Kind != numMoney {
			continue
		}
		cs := clauseStart(text, m.Start)
		clause := text[cs:m.Start]
		if strs.ContainsAny(clause, pastWords) || strs.ContainsAny(clause, cumulativeWords) || strs.ContainsAny(clause, planWords) || strs.ContainsAny(clause, rateWords) ||
			strs.ContainsAny(text, introWords) {
			continue
		}
		if strings.Contains(clause, "累计") && !annualContext(text[:m.Start], year) {
			continue
		}
		if isShare(text[m.End:]) || channelNote(clause) {
			continue // 674条，占23%: a part; (公文平台发文)113条: one channel
		}
		afterPart := strings.Contains(text[:m.Start], "其中") || strings.Contains(text[:m.Start], "包括")
		for _, r := range proseRules {
			if !r.claims(s, text, clause, m, afterPart) {
				continue
			}
			if _, dup := out[r.figure]; dup {
				break // the first statement in a sentence is the figure; later ones are parts
			}
			v := m.Value
			unit := figureUnit(r.figure)
			out[r.figure] = proseCandidate{
				value: xxgk.Value{Value: v, Unit: unit, Approx: m.Approx,
					Evidence: xxgk.Evidence{Method: xxgk.MethodProse, Line: s.Line, Text: strings.TrimSpace(s.Text)}},
				inTopic:  r.inTopic(s.Topic),
				total:    strs.ContainsAny(clause, totalWords) || restatesTotal(text[m.End:]),
				sentence: s.Text,
			}
			break
		}
	}
	return out
}

// annualContext reports whether the text before a 累计 figure puts it in
// the report's year: 2015年度，累计…, 全年累计…, 今年以来累计….
func annualContext(before string, year int) bool {
	if year != 0 && strings.Contains(before, fmt.Sprintf("%d年", year)) {
		return true // 2013年累计主动公开…35条
	}
	return strs.ContainsAny(before, []string{"年度", "全年", "本年", "今年", "年内", "一年来"}) || leadingYear(before) != 0
}

// restatesTotal reports whether a number is the whole a breakdown follows
// from: 在…主动公开的2026条政府信息中，….
func restatesTotal(after string) bool {
	end := len(after)
	if i := strings.IndexAny(after, "，,；;。"); i >= 0 {
		end = i
	}
	return strings.HasSuffix(after[:end], "中")
}

// isShare reports whether a number is followed by its share of a total
// (674条，占23%), which makes it a part.
func isShare(after string) bool {
	after = strings.TrimLeft(after, "，,（( ")
	return strings.HasPrefix(after, "占")
}

// channelNote reports whether the clause qualifies its count by a channel
// in parentheses: 主动公开政府信息(公文平台发文)113条.
func channelNote(clause string) bool {
	i := strings.LastIndexAny(clause, "(（")
	return i >= 0 && strs.ContainsAny(clause[i:], channels)
}

func figureUnit(key string) string {
	if f := templates.FigureByKey(key); f != nil {
		return f.Unit
	}
	return ""
}

func (r proseRule) inTopic(t topic) bool {
	for _, x := range r.topics {
		if x == t && t != topicUnknown && t != topicOverview {
			return true
		}
	}
	return false
}

func (r proseRule) topicAllowed(t topic) bool {
	if len(r.topics) == 0 {
		return t != topicProblems && t != topicPlans
	}
	for _, x := range r.topics {
		if x == t {
			return true
		}
	}
	return false
}

// claims reports whether the rule reads mention m of the sentence.
func (r proseRule) claims(s sentence, text, clause string, m numMention, afterPart bool) bool {
	if !r.topicAllowed(s.Topic) || !strs.ContainsAny(clause, r.subject) {
		return false
	}
	if r.also != nil && !strs.ContainsAny(clause, r.also) {
		return false
	}
	if r.context != nil && !strs.ContainsAny(text, r.context) && (r.strict || !r.inTopic(s.Topic)) {
		return false // the section itself can give the context
	}
	if strs.ContainsAny(clause, r.not) {
		return false
	}
	if !unitIn(zh.FoldHan(m.Unit), r.units) || (r.money != (m.Kind == numMoney)) {
		return false
	}
	if r.part != afterPart && !r.anywhere {
		return false // totals never after 其中, parts only after it
	}
	if r.part && afterPart {
		head := text
		if i := indexAny(text, []string{"其中", "包括"}); i >= 0 {
			head = text[:i]
		}
		return groupOf(head) == groupOf(strings.Join(r.group, ""))
	}
	return true
}

// groupOf tells whether text speaks of review or litigation first.
func groupOf(text string) string {
	ri, li := indexAny(text, reviewOnly), indexAny(text, litigationOnly)
	switch {
	case ri >= 0 && (li < 0 || ri < li):
		return "review"
	case li >= 0:
		return "litigation"
	}
	return ""
}

func indexAny(s string, words []string) int {
	best := -1
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

func unitIn(u string, units []string) bool {
	for _, x := range units {
		if u == x {
			return true
		}
	}
	return false
}

// proseZeros reads the zeros a sentence states.
func proseZeros(s sentence, text string) map[string]proseCandidate {
	out := map[string]proseCandidate{}
	clauses := splitClauses(text)
	for _, z := range zeroRules {
		if !topicIn(s.Topic, z.topics) || !strs.ContainsAny(text, z.subject) {
			continue
		}
		if z.context != nil && !strs.ContainsAny(text, z.context) {
			continue
		}
		// Each clause on its own: 未收到…申请，未收到…行政复议申请 states two zeros.
		stated := false
		for _, c := range clauses {
			if !strs.ContainsAny(c, z.not) && (negates(c, z.negation, z.subject) || zeroAfter(c, z.subject)) {
				stated = true
				break
			}
		}
		if !stated {
			continue
		}
		out[z.figure] = proseCandidate{
			value: xxgk.Value{Value: xxgk.Int(0), Unit: figureUnit(z.figure),
				Evidence: xxgk.Evidence{Method: xxgk.MethodProse, Line: s.Line, Text: strings.TrimSpace(s.Text)}},
			inTopic:  zeroTopics[z.figure] == s.Topic,
			sentence: s.Text,
		}
	}
	return out
}

// zeroTopics are the sections that report each figure stated as zero.
var zeroTopics = map[string]topic{
	"requests.received": topicRequests, "review.total": topicReview,
	"litigation.total": topicReview, "fees.collected_yuan": topicFees,
}

// splitClauses cuts a sentence at its commas and semicolons.
func splitClauses(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return r == '，' || r == ',' || r == '；' || r == ';' || r == '。'
	})
}

func topicIn(t topic, ts []topic) bool {
	if len(ts) == 0 {
		return true
	}
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// zeroWords state a zero after the subject: 行政复议和行政诉讼均为零.
var zeroWords = []string{"为零", "均为零", "都为零", "为0", "均为0", "都为0", "是零", "数为零"}

// zeroAfter reports whether a subject word is followed, in its clause, by a
// word stating zero, with no other number between.
func zeroAfter(text string, subjects []string) bool {
	for _, sub := range subjects {
		for i := range strs.Indexes(text, sub) {
			rest := text[i+len(sub):]
			if end := strings.IndexAny(rest, "，,；;。"); end >= 0 {
				rest = rest[:end]
			}
			rest = strs.FirstRunes(rest, negationReach)
			for _, z := range zeroWords {
				if j := strings.Index(rest, z); j >= 0 && !strings.ContainsAny(rest[:j], "0123456789") &&
					!(len(rest) > j+len(z) && rest[j+len(z)] >= '0' && rest[j+len(z)] <= '9') {
					return true
				}
			}
		}
	}
	return false
}

// negationReach is how many characters after a negation its subject may
// stand, within the clause: 未收到政府信息书面申请,
// 全年未发生针对县本级有关政府信息公开事务的行政复议案、行政诉讼案和申诉案.
const negationReach = 40

// negates reports whether a negation stands before a subject word in the
// same clause, with no number between them (未收到…申请, 尚未有…行政复议).
func negates(text string, negs, subjects []string) bool {
	for _, n := range negs {
		for i := range strs.Indexes(text, n) {
			rest := text[i+len(n):]
			if strings.HasPrefix(rest, "审结") || strings.HasPrefix(rest, "办结") {
				continue // 尚未审结 is a column of table 四, not a zero
			}
			if end := strings.IndexAny(rest, "，,；;。"); end >= 0 {
				rest = rest[:end]
			}
			rest = strs.FirstRunes(rest, negationReach)
			if strings.IndexFunc(rest, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 {
				continue
			}
			if strs.ContainsAny(rest, subjects) || strs.ContainsAny(n, subjects) {
				return true
			}
		}
	}
	return false
}

// choose settles the prose candidates of every figure: one value per
// figure, conflicts recorded, and figures the tables state kept from the
// tables (a disagreement is a finding).
func chooseProse(cands map[string][]proseCandidate, tableFigures map[string]xxgk.Value, place func(int) string) (map[string]xxgk.Value, []xxgk.Finding) {
	out := map[string]xxgk.Value{}
	var fs []xxgk.Finding
	for _, fig := range templates.Figures {
		cs := cands[fig.Key]
		if len(cs) == 0 {
			continue
		}
		if tv, ok := tableFigures[fig.Key]; ok {
			seen := map[string]bool{}
			for _, c := range cs {
				if disagree(tv, c.value) && !seen[c.sentence] {
					seen[c.sentence] = true
					fs = append(fs, xxgk.Finding{Rule: xxgk.RuleProseTableConflict, Severity: xxgk.SeverityWarning, Keys: []string{fig.Key},
						Line: c.value.Line, Evidence: c.value.Text,
						Message: fmt.Sprintf("正文所述%s为%s（%s），与统计表的%s不一致；以统计表为准。", fig.Label, approxText(c.value), place(c.value.Line), tv.Value)})
				}
			}
			continue
		}
		chosen, ok := settle(cs)
		for _, c := range cs {
			if disagree(chosen.value, c.value) {
				fs = append(fs, xxgk.Finding{Rule: xxgk.RuleProseConflict, Severity: xxgk.SeverityWarning, Keys: []string{fig.Key},
					Line: c.value.Line, Evidence: c.value.Text,
					Message: fmt.Sprintf("报告两处所述%s不一致：%s为%s，%s为%s。", fig.Label, place(chosen.value.Line), approxText(chosen.value), place(c.value.Line), approxText(c.value))})
			}
		}
		if ok {
			out[fig.Key] = chosen.value
		}
	}
	return out, fs
}

// settle picks one candidate: the value all agree on, else the value
// stated in the section that reports the figure when only one is; ok is
// false when no statement can be preferred.
func settle(cs []proseCandidate) (proseCandidate, bool) {
	all := true
	for _, c := range cs[1:] {
		if disagree(cs[0].value, c.value) {
			all = false
		}
	}
	if all {
		return cs[0], true
	}
	var in []proseCandidate
	for _, c := range cs {
		if c.inTopic {
			in = append(in, c)
		}
	}
	if len(in) == 0 {
		in = cs
	}
	if c, ok := agreed(in); ok {
		return c, true
	}
	// Several values in the section: a total (全区…共) against parts.
	var totals []proseCandidate
	for _, c := range in {
		if c.total {
			totals = append(totals, c)
		}
	}
	if len(totals) > 0 {
		if c, ok := agreed(totals); ok {
			return c, true
		}
	}
	return in[0], false
}

// agreed returns the first candidate if all give the same value.
func agreed(cs []proseCandidate) (proseCandidate, bool) {
	for _, c := range cs[1:] {
		if disagree(cs[0].value, c.value) {
			return cs[0], false
		}
	}
	return cs[0], true
}

// disagree reports whether two readings of a figure contradict each other.
// An approximate value (23000余) agrees with an exact one at or above it
// within a tenth.
func disagree(a, b xxgk.Value) bool {
	if a.Approx == b.Approx {
		return !a.Value.Equal(b.Value)
	}
	exact, approx := a, b
	if a.Approx {
		exact, approx = b, a
	}
	if exact.Value.Cmp(approx.Value) < 0 {
		return true
	}
	limit := approx.Value.Add(approx.Value.Shift(-1))
	return exact.Value.Cmp(limit) > 0
}

func approxText(v xxgk.Value) string {
	if v.Approx {
		return "约" + v.Value.String()
	}
	return v.Value.String()
}
