// Package prose reads the figures a report states in its sentences (主动公开
// 政府信息2917条, 未收到行政复议申请): it cuts the report into sections and
// sentences, finds every number written in Chinese text, and lets a small
// table of rules, one per figure, say which clause claims which number.
// Precision comes first: a figure the rules cannot place is left out.
package prose

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"xxgk"
	"xxgk/document"
	"xxgk/internal/strs"
	"xxgk/templates"
	"xxgk/zh"
)

// Each figure has a rule: the words that must be said of the number (the
// subject), the words that disqualify it (another activity, another
// scope), the units it is counted in and the sections where reports state
// it. A number is said of its own words only: those before it back to the
// quantity before it, and the noun right after it (安排了2名专职人员和3名
// 兼职人员). A number is taken only when one rule claims it and nothing in
// its clause or sentence says it is a plan, last year's figure, a
// cumulative total, a rate or a part of a total.

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
	// docUnits count copies of documents (份): accepted only with the noun
	// after the number (收到1份行政复议申请, not 行政复议决定书3份).
	docUnits []string
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
	// strict: the context words must be in the sentence (or the sentences
	// it goes on from, …；); the section alone does not do (不予公开信息10条
	// in a report without requests).
	strict bool
	// nouns: when a noun follows the number (收到1份行政复议申请, 公开246条
	// 政务信息), it holds one of these: the number counts that noun, and
	// 作为一项常态工作 counts no information. No nouns: nothing may follow.
	nouns []string
	// nounAfter: the subject may be the noun after the number
	// (安排了2名专职人员, 收到1份…行政复议申请).
	nounAfter bool
	// object: the also words are the verb's object: they follow the
	// subject (公开政府信息, not 政府信息公开专栏发布信息) or the number.
	object bool
	// section: read only under a heading of one of the topics, never in
	// a section of unknown topic (a bare 公开 is the proactive total under
	// 主动公开政府信息情况 or 总体情况, not under 重点领域政府信息公开情况).
	section bool
	// kind: read after 其中 too when the whole before it is not this
	// figure (发布信息607条，其中主动公开380份): the figure is one kind of
	// another count.
	kind bool
	// channelSubject: a count whose subject is a channel (门户网站累计主动
	// 公开…) is that channel's, not the agency's.
	channelSubject bool
	// oneChannel: a sentence naming two channels or more (通过网站公开…，
	// 通过微博发布…) counts each channel's part, not the total.
	oneChannel bool
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
	channels = []string{"平台", "发文", "网站", "专栏", "微信", "微博", "公众号", "公开栏", "客户端", "报纸", "电视"}

	reviewOnly     = []string{"行政复议", "复议"}
	litigationOnly = []string{"行政诉讼", "诉讼"}
)

var (
	// proactiveNot are the words that make a 主动公开 count another
	// count: a scope, a category, a unit's part, another activity.
	proactiveNot = append(append([]string{"已主动公开", "主动公开范围", "主动公开目录", "应主动公开", "重点领域", "类信息", "规范性文件",
		"部分", "采购", "其他", "指南", "年报", "年度报告"}, partOfWhole...), otherActivities...)
	// infoNouns are what a proactive count counts.
	infoNouns = []string{"信息", "文件"}
	// requestNouns are what a count of requests counts.
	requestNouns = []string{"申请", "信息公开"}
	// caseNouns are what review and litigation counts count.
	caseNouns = []string{"行政复议", "复议", "行政诉讼", "诉讼", "申请", "案"}
	// staffNouns are what staff counts count.
	staffNouns = []string{"人员", "专职", "兼职", "全职", "干部"}
)

var proseRules = []proseRule{
	{figure: "proactive.total", subject: []string{"主动公开", "主动发布", "主动向社会公开"}, units: []string{"条", "件", "项", "份"},
		nouns: infoNouns, not: proactiveNot, kind: true, channelSubject: true,
		topics: []topic{topicUnknown, topicOverview, topicProactive}},
	// In the section on proactive disclosure or the overview, 全年公开政府
	// 信息共315条 and 公开246条政务信息 state the total too (not in a section
	// of unknown topic: 重点领域 and the like).
	{figure: "proactive.total", subject: []string{"公开", "发布"}, also: []string{"政府信息", "政务信息"}, object: true, section: true,
		units: []string{"条", "件", "项", "份"}, nouns: infoNouns, channelSubject: true, oneChannel: true,
		not:    append([]string{"申请", "不予", "目录", "指南", "解读"}, proactiveNot...),
		topics: []topic{topicProactive, topicOverview}},
	{figure: "proactive.normative_docs", subject: []string{"规范性文件"}, context: []string{"公开", "制发", "印发", "出台", "发布", "制定"},
		units: []string{"件", "条", "份", "个"}, nouns: []string{"规范性文件", "文件"}, topics: []topic{topicUnknown, topicOverview, topicProactive},
		// 规范性文件类信息 and 政策、规范性文件类 are categories of the
		// proactive total, not the count of normative documents.
		not: []string{"清理", "废止", "现行有效", "失效", "修订", "修改", "备案", "审查", "审核", "宣布", "继续有效", "征求", "类", "政策、"}},
	{figure: "requests.received", subject: []string{"收到", "受理", "接到", "接收", "接受", "共办理", "办理"}, also: []string{"申请"},
		context: []string{"信息公开", "依申请", "公开申请", "申请公开"}, units: countUnits, nouns: requestNouns,
		not:    append([]string{"办结", "答复", "已主动公开", "不予", "同意", "转办", "告知", "其中", "复议", "诉讼"}, otherActivities...),
		topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "requests.closed", subject: []string{"办结"}, context: []string{"申请"}, units: countUnits, nouns: requestNouns,
		not: []string{"按时办结", "延期办结", "按期办结"}, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "requests.carried_forward", subject: []string{"结转下", "结转至", "转入下一", "结转到"}, context: []string{"申请", "结转"},
		units: countUnits, nouns: requestNouns, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "requests.carried_over", subject: []string{"上年结转", "上一年度结转", "去年结转", "上年度结转"}, units: countUnits, nouns: requestNouns,
		topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "requests.granted", anywhere: true, subject: []string{"予以公开", "同意公开", "全部公开"}, context: []string{"申请"}, units: countUnits, strict: true,
		nouns: requestNouns, not: []string{"不予", "不同意", "部分", "信息有", "信息数"}, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	// 区分处理 is the form's word for a partial grant (部分公开（区分处理的…）).
	{figure: "requests.partially_granted", anywhere: true, subject: []string{"部分公开", "区分处理"}, context: []string{"申请"}, units: countUnits, strict: true,
		nouns: requestNouns, not: []string{"信息有", "信息数"}, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	// 免于公开 is the older reports' word for a denial (否决公开).
	{figure: "requests.denied", anywhere: true, subject: []string{"不予公开", "不同意公开", "免于公开", "免予公开"}, context: []string{"申请"}, units: countUnits, strict: true,
		nouns: requestNouns, not: []string{"不予公开信息", "信息有", "信息数"}, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "requests.unable", anywhere: true, subject: []string{"无法提供"}, context: []string{"申请"}, units: countUnits, strict: true,
		nouns: requestNouns, not: []string{"信息有", "信息数"}, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "requests.not_processed", anywhere: true, subject: []string{"不予处理"}, context: []string{"申请"}, units: countUnits, strict: true,
		nouns: requestNouns, not: []string{"信息有", "信息数"}, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "requests.other", anywhere: true, subject: []string{"其他处理"}, context: []string{"申请"}, units: countUnits, strict: true,
		nouns: requestNouns, not: []string{"信息有", "信息数"}, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "review.total", subject: reviewOnly, nounAfter: true, units: caseUnits, docUnits: []string{"份"}, nouns: caseNouns, not: append([]string{"诉讼"}, "复议后"),
		topics: []topic{topicUnknown, topicOverview, topicReview, topicRequests}},
	{figure: "litigation.total", subject: litigationOnly, nounAfter: true, units: caseUnits, docUnits: []string{"份"}, nouns: caseNouns, not: []string{"复议"},
		topics: []topic{topicUnknown, topicOverview, topicReview, topicRequests}},
	{figure: "fees.collected_yuan", subject: []string{"收取", "收费"}, context: []string{"信息公开", "申请", "检索", "复制", "邮寄", "信息处理费"},
		units: moneyUnits, money: true, nouns: []string{"费"}, not: []string{"行政事业性收费", "减免"},
		topics: []topic{topicUnknown, topicOverview, topicFees, topicRequests, topicOther}},
	// Full- and part-time staff are kinds of all staff: read after 其中 too.
	{figure: "staff.fulltime", anywhere: true, subject: []string{"专职", "全职"}, nounAfter: true, also: []string{"人员", "工作人员", "专职"}, context: []string{"信息公开", "政务公开"},
		units: staffUnits, nouns: staffNouns, not: []string{"平均", "每个", "每名", "兼职"}},
	{figure: "staff.parttime", anywhere: true, subject: []string{"兼职"}, nounAfter: true, context: []string{"信息公开", "政务公开"},
		units: staffUnits, nouns: staffNouns, not: []string{"平均", "每个", "每名", "专职", "全职"}},
	{figure: "funds.special_yuan", subject: []string{"专项经费"}, context: []string{"信息公开", "政务公开"}, units: moneyUnits, money: true,
		nouns: []string{"经费"}, not: []string{"网站建设", "网站", "平台建设", "设备"}},

	// Parts of review and litigation, after 其中 in a sentence about one of them.
	{figure: "review.upheld", subject: []string{"维持"}, part: true, group: reviewOnly, units: caseUnits, nouns: caseNouns},
	{figure: "review.corrected", subject: []string{"纠错", "纠正"}, part: true, group: reviewOnly, units: caseUnits, nouns: caseNouns},
	{figure: "review.other", subject: []string{"其他情形", "其他结果"}, part: true, group: reviewOnly, units: caseUnits, nouns: caseNouns},
	{figure: "review.pending", subject: []string{"尚未审结", "未审结"}, part: true, group: reviewOnly, units: caseUnits, nouns: caseNouns},
	{figure: "litigation.upheld", subject: []string{"维持", "驳回"}, part: true, group: litigationOnly, units: caseUnits, nouns: caseNouns},
	{figure: "litigation.corrected", subject: []string{"纠错", "纠正"}, part: true, group: litigationOnly, units: caseUnits, nouns: caseNouns},
	{figure: "litigation.other", subject: []string{"其他情形", "其他结果"}, part: true, group: litigationOnly, units: caseUnits, nouns: caseNouns},
	{figure: "litigation.pending", subject: []string{"尚未审结", "未审结"}, part: true, group: litigationOnly, units: caseUnits, nouns: caseNouns},
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
	// group: the sentence speaks of this group alone (未出现结果纠正案件
	// after 行政复议共2件 is review's, not litigation's).
	group []string
}

var (
	// negations state a zero for the word that follows them closely. A bare
	// 无 is not one: 无法提供, 无正当理由 are words of the forms.
	negations   = []string{"未收到", "没有收到", "未接到", "未受理", "没有受理", "暂无", "尚未", "没有发生", "未发生", "未产生", "未有", "没有", "未出现", "没有出现", "均无", "从未", "无申请", "无依申请", "无行政复议", "无复议", "无行政诉讼", "无诉讼"}
	feeNegation = []string{"暂不收费", "不收费", "未收费", "未收取", "没有收取", "不收取", "免费", "无收费", "未向", "没有向", "无向", "不向", "暂未"}
)

var zeroRules = []zeroRule{
	{figure: "requests.received", subject: []string{"申请"}, negation: negations, not: []string{"复议", "诉讼", "不予公开", "收费", "费用"},
		context: []string{"依申请", "公开申请", "申请公开", "申请人", "申请"}, topics: []topic{topicUnknown, topicOverview, topicRequests}},
	{figure: "review.total", subject: []string{"行政复议", "复议"}, negation: negations, topics: []topic{topicUnknown, topicOverview, topicRequests, topicReview}},
	{figure: "litigation.total", subject: []string{"行政诉讼", "诉讼"}, negation: negations, topics: []topic{topicUnknown, topicOverview, topicRequests, topicReview}},
	{figure: "fees.collected_yuan", subject: []string{"收费", "收取", "费用", "处理费"}, negation: append(append([]string(nil), feeNegation...), negations...),
		not: []string{"行政事业性收费"}, topics: []topic{topicUnknown, topicOverview, topicRequests, topicFees, topicOther}},
	// Parts stated as none beside their total: 行政复议共2件，未出现结果纠正案件.
	{figure: "review.corrected", subject: []string{"纠正", "纠错"}, negation: negations, group: reviewOnly,
		topics: []topic{topicUnknown, topicOverview, topicRequests, topicReview}},
	{figure: "litigation.corrected", subject: []string{"纠正", "纠错"}, negation: negations, group: litigationOnly,
		topics: []topic{topicUnknown, topicOverview, topicRequests, topicReview}},
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

// introWordsPart says every word of introWords holds 部分: a sentence
// without it holds none, and one pass for it rules most sentences out.
var introWordsPart = !slices.ContainsFunc(introWords, func(w string) bool { return !strings.Contains(w, "部分") })

// topicSubjects holds, for each topic, every word a rule that may read a
// sentence of the topic starts from: a sentence with none of them states
// no figure (most sentences). 公开 and 发布, in most sentences, start a
// rule of the sections on proactive disclosure and the overview only.
var topicSubjects = func() (sets [len(topicNames)]*wordSet) {
	for t := range sets {
		var words []string
		for _, r := range proseRules {
			if r.reads(topic(t)) {
				words = append(words, r.subject...)
			}
		}
		for _, z := range zeroRules {
			if topicIn(topic(t), z.topics) {
				words = append(words, z.subject...)
			}
		}
		sets[t] = sharedWordSet(words)
	}
	return sets
}()

// topicSubjectIs says, for each topic t and word k of topicSubjects[t],
// whether the word is one of ruleSubjects[t] (isRuleSubject) and one of
// zeroSubjects (isZeroSubject). Where the first of topicSubjects stands in
// a sentence the rule-subject and zero-subject scans would find the first
// of theirs when it is one: those scans are made only when it is not.
var topicSubjectIs = func() (is [len(topicNames)][]subjectKind) {
	for t := range is {
		words := topicSubjects[t].Words()
		is[t] = make([]subjectKind, len(words))
		for k, w := range words {
			if slices.Contains(ruleSubjects[t].Words(), w) {
				is[t][k] |= isRuleSubject
			}
			if slices.Contains(zeroSubjects.set.Words(), w) {
				is[t][k] |= isZeroSubject
			}
		}
	}
	return is
}()

// subjectKind holds the bits of topicSubjectIs.
type subjectKind uint8

const (
	isRuleSubject subjectKind = 1 << iota
	isZeroSubject
)

// zeroStatements holds the words without one of which no clause states
// a zero: the negations of the zero rules, zeroWords, and the 无 of
// noneStated.
var zeroStatements = func() *wordSet {
	ws := append([]string{"无"}, zeroWords...)
	for _, z := range zeroRules {
		ws = append(ws, z.negation...)
	}
	return newWordSet(ws...)
}()

// zeroClauses appends to out the clauses of text (cut at ，,；;。, the
// empty ones left out) that hold a zero rule's subject, with the subjects
// each holds, in order; subjects are the matches of zeroSubjects in text,
// those of its clauses before the first left out. Only the clauses around
// them are looked for: a subject holds no mark (TestZeroSubjectsInClauses)
// and no mark straddles its first byte, which starts a character, so it
// lies in one clause.
func zeroClauses(out []zeroClause, text string, subjects []wordMatch) []zeroClause {
	end := -1 // the end of the last clause appended: a mark stands there
	for _, m := range subjects {
		if m.at >= end {
			start := clauseStartBefore(text, max(end, 0), m.at)
			end = clauseEndFrom(text, m.at+len(zeroSubjects.set.Words()[m.word]))
			out = append(out, zeroClause{text: text[start:end]})
		}
		out[len(out)-1].subjects[m.word/64] |= 1 << (m.word % 64)
	}
	return out
}

// clauseStartBefore returns the end of the last clause mark (clauseMarkAt)
// that starts in text[lo:hi], or 0 when none does; clauseEndFrom returns
// the offset of the first at or after i, or len(text). Between marks they
// step over a three-byte character that is no mark (clauseMarkRunes) at
// once, most of a sentence: its lead byte starts a mark only if it is one,
// and its other two bytes, continuation bytes, start none. Tried byte by
// byte, as zeroClauses did, they were two-thirds of its cost.
// (FuzzZeroClauses and TestZeroClausesCorpus hold zeroClauses to
// zeroClausesRef.)
func clauseStartBefore(text string, lo, hi int) int {
	for j := hi - 1; j >= lo; {
		if j-2 >= lo && text[j]&0xC0 == 0x80 && text[j-1]&0xC0 == 0x80 && text[j-2]&0xF0 == 0xE0 &&
			!clauseMarkRunes.has(rune(text[j-2]&0x0F)<<12|rune(text[j-1]&0x3F)<<6|rune(text[j]&0x3F)) {
			j -= 3
			continue
		}
		if n := clauseMarkAt(text, j); n > 0 {
			return j + n
		}
		j--
	}
	return 0
}

func clauseEndFrom(text string, i int) int {
	for i < len(text) {
		if text[i] >= 0xE0 {
			if j := skipUnmarked(text, i, clauseMarkRunes); j > i {
				i = j
				continue
			}
		}
		if clauseMarkAt(text, i) > 0 {
			return i
		}
		i++
	}
	return i
}

// clauseMarkRunes marks the three-byte marks of clauseMarkAt: ，；。.
var clauseMarkRunes = runeSetOfRunes("，；。")

// clauseMarkAt returns the length of the mark ，,；;。 at text[i], 0 for
// none. (In UTF-8 the bytes of ，；。 never occur inside another
// character, valid or not: their first bytes EF and E3 continue no
// character.)
func clauseMarkAt(text string, i int) int {
	switch text[i] {
	case ',', ';':
		return 1
	case 0xEF: // ，EF BC 8C；EF BC 9B
		if i+2 < len(text) && text[i+1] == 0xBC && (text[i+2] == 0x8C || text[i+2] == 0x9B) {
			return 3
		}
	case 0xE3: // 。E3 80 82
		if i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0x82 {
			return 3
		}
	}
	return 0
}

// zeroSubjects holds the subjects of the zero rules, list i those of
// zeroRules[i]. They are found clause by clause: a sentence holds one
// exactly when one of its clauses does, for they hold no mark the clauses
// are cut at and are whole characters (TestZeroSubjectsInClauses).
var zeroSubjects = func() *listSet {
	var lists [][]string
	for _, z := range zeroRules {
		lists = append(lists, z.subject)
	}
	return newListSet(lists...)
}()

// proseCandidate is one reading of a figure from one sentence.
type proseCandidate struct {
	value      xxgk.Value
	inTopic    bool // stated in the section that reports the figure
	total      bool // the clause marks a total: 共, 全区, 总计
	cumulative bool // a 累计 figure the year's context admitted (2015年度，累计…)
	quantity   bool // stated under a heading about the quantity (（一）主动公开政府信息的数量)
	sentence   string
}

// totalWords mark the clause of a total, as opposed to one unit's part.
var totalWords = []string{"共", "全区", "全县", "全市", "全镇", "全乡", "全街道", "全省", "全年", "总计", "合计", "总数"}

// Figures reads the figures stated in the sentences of doc and settles them
// against tableFigures, the figures the report's tables gave: a figure the
// tables state keeps the tables' value, and a disagreement is a finding.
// year is the report's year (0 if unknown), used to tell this year's
// figures from other years'; simple is doc with each block's text in
// simplified characters (zh.FoldHan), its blocks doc's, or doc itself when
// it holds no traditional character; place names a line of the source in
// messages (第12行).
func Figures(doc, simple *document.Document, year int, tableFigures map[string]xxgk.Value, place func(xxgk.Evidence) string) (map[string]xxgk.Value, []xxgk.Finding) {
	buf := scratchPool.Get().(*scratch)
	defer buf.release()
	return chooseProse(readCandidates(doc, simple, year, buf), tableFigures, place, buf)
}

// FoldedDoc returns doc with each block's text folded by zh.FoldHan, for
// Figures: doc itself when none changes.
func FoldedDoc(doc *document.Document) *document.Document {
	var out *document.Document
	for i, b := range doc.Blocks {
		if b.Table != nil {
			continue
		}
		t := zh.FoldHan(b.Text)
		if t == b.Text {
			continue
		}
		if out == nil {
			cp := *doc
			cp.Blocks = append([]document.Block(nil), doc.Blocks...)
			out = &cp
		}
		out.Blocks[i].Text = t
	}
	if out == nil {
		return doc
	}
	return out
}

// readCandidates reads the figures stated in the sentences of doc into
// buf.cands: one list in the order read, which chooseProse takes figure
// by figure. year and simple are Figures'. A map of each figure's
// candidates, grown candidate by candidate, was a third of the bytes the
// reader allocated; buf's list is kept for the next report.
func readCandidates(doc, simple *document.Document, year int, buf *scratch) []figureCandidate {
	trad := simple != doc
	folded := simple
	if !trad {
		folded = nil
	}
	// The reader is a sentenceSink in buf's memory: a loop over
	// sentencesIn allocated its variables for every report (seven of a
	// short report's allocations).
	r := &buf.reader
	*r = candidateReader{buf: buf, year: year, trad: trad, out: buf.cands[:0], sents: buf.sents[:0], block: -1}
	eachSentence(doc, folded, buf, r)
	out := r.out
	buf.cands, buf.sents = out, r.sents
	*r = candidateReader{} // keeps no report's text
	return out
}

// candidateReader reads the figures of the sentences readCandidates is
// given, into out.
type candidateReader struct {
	buf  *scratch
	year int
	trad bool // the sentences' Folded text is the one to read
	out  []figureCandidate

	// A sentence ended by ；goes on in the next: 其中，区本级62条；各部门
	// 1697条；… is one statement (chain), and the sentence before it
	// (prev) gives its context.
	//
	// They are kept as their sentences and joined only for a sentence whose
	// counts are read: joining them for every sentence was a fifth of the
	// bytes the reader allocated. The sentences of the block so far are
	// kept in one list (sents), the chain and prev being ranges of it,
	// which the next sentences' appends write past. Copying the chain and
	// the sentence into a prev of their own for every sentence was a sixth
	// of what the loop did of its own.
	sents                          []string
	chainStart, prevStart, prevEnd int // chain is sents[chainStart:], prev sents[prevStart:prevEnd]
	block                          int
}

// take reads one sentence.
func (r *candidateReader) take(s sentence) bool {
	buf, year := r.buf, r.year
	text := s.Text
	if r.trad {
		text = s.Folded // zh.FoldHan(s.Text), from the folded blocks
	}
	if s.Block != r.block {
		r.sents, r.chainStart, r.prevStart, r.prevEnd, r.block = r.sents[:0], 0, 0, 0, s.Block
	}
	// The sentence's chain and prev, sliced from sents only for a
	// sentence whose counts are read.
	chainFrom, prevFrom, prevTo := r.chainStart, r.prevStart, r.prevEnd
	r.sents = append(r.sents, text)
	sents := r.sents
	if !strings.HasSuffix(text, "；") && !strings.HasSuffix(text, ";") {
		// The statement ends: it is the next sentence's prev.
		r.prevStart, r.prevEnd, r.chainStart = r.chainStart, len(sents), len(sents)
	}
	if s.Topic == topicProblems || s.Topic == topicPlans {
		return true
	}
	at, word := topicSubjects[s.Topic].Index(text)
	if at < 0 && (!sectionTopic(s.Topic) || !bareNone(text)) {
		// No rule's subject: nothing to read (most sentences) but a
		// bare none, which proseZeros reads only in the sections
		// sectionFigures gives figures of.
		return true
	}
	if sentenceOutOfScope(text, year) {
		return true
	}
	// A sentence without a subject of a rule that may read it has no
	// number a rule claims: only the zero rules' subjects brought it
	// here. The first, if any, stands at or after at. Nor has one
	// without a number in a unit a rule takes (mayClaimUnit): the rows
	// of tables printed as text, half the bytes of page text.
	if at >= 0 && (topicSubjectIs[s.Topic][word]&isRuleSubject != 0 || ruleSubjects[s.Topic].In(text[at:])) && mayClaimUnit(text) {
		st := statement{text: text, chain: strings.Join(sents[chainFrom:len(sents)-1], ""), prev: sents[prevFrom:prevTo]}
		r.out = append(r.out, proseCounts(s, st, year, buf)...)
	}
	for _, fc := range proseZeros(s, text, at, word, buf) {
		if !sameSentence(r.out, fc.figure, s.Text) {
			r.out = append(r.out, fc)
		}
	}
	return true
}

// sameSentence reports whether a candidate of figure in fcs was read from
// the sentence s.
func sameSentence(fcs []figureCandidate, figure, s string) bool {
	for _, fc := range fcs {
		if fc.figure == figure && fc.cand.sentence == s {
			return true
		}
	}
	return false
}

// sentenceOutOfScope reports whether a whole sentence speaks of another
// period: a cumulative total as of a date (截至2019年12月31日，…累计…),
// or a plan for a later year (2016年，我们将…).
//
// leadingYear reads the first 7 bytes only: it reads the sentence itself,
// not its first 14 runes (7 bytes or more, or the whole sentence).
func sentenceOutOfScope(text string, year int) bool {
	if strings.HasPrefix(text, "截至") || strings.HasPrefix(text, "截止") {
		return true
	}
	if year != 0 {
		if y := leadingYear(text); y > year {
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

// clauseMarks end a clause: a number's clause starts after the last of
// them before it, or at the sentence start.
var clauseMarks = []string{"，", ",", "；", ";", "：", ":", "。"}

// clauseStartsInto returns, in the memory of out, where the clause of
// each of ms starts (after the last of clauseMarks before it, or 0), in
// one pass over text. Between two numbers it steps over three-byte
// characters that are no mark with skipUnmarked, and reads other bytes
// for a mark's first byte only (a table says which): most bytes of a
// sentence start none. No mark starts at a continuation byte, so none is
// inside a character skipped.
func clauseStartsInto(out []int, text string, ms []numMention) []int {
	out = slices.Grow(out[:0], len(ms))[:len(ms)]
	start, i := 0, 0
	for k, m := range ms {
		for end := min(m.Start, len(text)); i < end; {
			if text[i] >= 0xE0 {
				if j := skipUnmarked(text[:end], i, markRunes); j > i {
					i = j
					continue
				}
			}
			if !markLeads[text[i]] {
				i++
				continue
			}
			if n := markAt(text, i); n > 0 {
				i += n
				start = i
				continue
			}
			i++
		}
		out[k] = start
	}
	return out
}

// markLeads marks the first bytes of clauseMarks.
var markLeads = func() *[256]bool {
	var b [256]bool
	for _, d := range clauseMarks {
		b[d[0]] = true
	}
	return &b
}()

// markRunes marks the characters of clauseMarks from U+0800: those of
// three bytes.
var markRunes = func() *runeSet {
	var s runeSet
	for _, d := range clauseMarks {
		if r, size := utf8.DecodeRuneInString(d); size == 3 {
			s.add(r)
		}
	}
	return &s
}()

// markAt returns the length of the clause mark at text[i], or 0.
func markAt(text string, i int) int {
	if c := text[i]; c != ',' && c != ';' && c != ':' && c != 0xEF && c != 0xE3 {
		return 0 // no mark starts with this byte (，；： start EF, 。 E3): most bytes of a sentence
	}
	for _, d := range clauseMarks {
		if strings.HasPrefix(text[i:], d) {
			return len(d)
		}
	}
	return 0
}

// statement is a sentence with the sentences it goes on from.
type statement struct {
	text  string // the sentence (simplified)
	chain string // the sentences before it in its statement, each ended by ；
	// prev is the statement before this one, its sentences as they were
	// cut: joined only by says, which few sentences ask (the strict
	// rules' context). Joined for every sentence whose counts are read,
	// it was most of the reader's copying.
	prev []string
}

// says reports whether the statement or the sentence before it holds one
// of words.
func (st statement) says(words []string) bool {
	return strs.ContainsAny(st.text, words) || strs.ContainsAny(st.chain, words) || strs.ContainsAny(strings.Join(st.prev, ""), words)
}

// proseCounts reads the numbers of a sentence that a rule claims; the
// rules that need their context stated look for it in st and the sentence
// before it.
//
// The candidates are in buf's memory, until the next sentence's reading.
func proseCounts(s sentence, st statement, year int, buf *scratch) []figureCandidate {
	text := st.text
	out := buf.counts[:0]
	defer func() { buf.counts = out }()
	if (!introWordsPart || strs.Index(text, "部分") >= 0) && strs.ContainsAny(text, introWords) {
		return out // the sentence that lists the parts of the report counts nothing
	}
	buf.mentions = scanNumbersInto(buf.mentions, text) // simplified: 條 reads as 条; offsets are those of s.Text
	mentions := buf.mentions
	if !slices.ContainsFunc(mentions, unitClaimable) {
		// No number is in a unit a rule takes: the figures of a table
		// flattened to a line (行政许可 3 0 1 0 0 0 4) have none, and
		// their clauses and nouns were half the cost of reading counts.
		return out
	}
	buf.starts = clauseStartsInto(buf.starts, text, mentions)
	starts := buf.starts
	buf.nouns = bindNounsInto(buf.nouns, text, mentions, starts)
	nouns := buf.nouns
	// Every number's checks look at the words before it in its clause; a
	// long clause (a table flattened to one line) has many numbers, so the
	// words are found once per clause (cw), not once per number.
	var cw clauseWords
	// before is chain+text up to the number: a prefix of one string, made
	// only for a number after 其中 or 包括 (the rules read it then only).
	// The first of them in chain+text is that of chain, else that of text:
	// chain ends with ；, which neither word holds, so none stands across.
	// partAt, found for the first number a rule's subject stands by, is
	// where the first of them ends (-1 before).
	var whole string
	partAt := -1
	sc := sentenceCache{text: text, st: st}
	for k, m := range mentions {
		if !unitClaimable(m) {
			continue // no rule claims it; the tests below only narrow claims
		}
		b := nouns[k]
		// The rules' tests come first: most numbers (a table flattened to
		// one line has hundreds) have no rule's subject next to them, and
		// then the checks of the clause are not needed. The tests are
		// pure, so their order does not change what is read.
		pre := dropEnumeration(b.pre) // the same for every rule
		if !ruleSubjects[s.Topic].In(pre) && !afterSubjects[s.Topic].In(b.after) {
			continue // no rule's subject: no rule claims the number
		}
		words := mentionWords{pre: ruleWords.found(pre), after: ruleWords.found(b.after)}
		// The rules that may claim the number, those whose subject stands
		// next to it: a few of them. (ruleSubjects and afterSubjects,
		// smaller sets, rule out the numbers of none at less cost than
		// finding ruleWords, which claimants would tell so too.)
		rules := words.claimants(s.Topic)
		share := isShare(text[m.End:]) // 674条，占23%: a part of a total
		if partAt < 0 {
			partAt = firstEnd(st.chain, 0, len(st.chain), partWords)
			if partAt == math.MaxInt {
				if e := firstEnd(text, 0, len(text), partWords); e != math.MaxInt {
					partAt = len(st.chain) + e
				}
			}
		}
		afterPart := partAt <= len(st.chain)+m.Start
		var before string
		if afterPart {
			if whole == "" {
				whole = st.chain + text
			}
			before = whole[:len(st.chain)+m.Start]
		}
		// first is the first rule that claims the number; the others of
		// rules claim nothing (claimants).
		first := -1
		for rs := rules; rs != 0; rs &= rs - 1 {
			i := bits.TrailingZeros64(uint64(rs))
			r := &proseRules[i] // a rule is large: copying it per number and rule cost more than its tests
			if !(share && !r.anywhere) && r.claims(s, &sc, i, before, b, pre, &words, m, afterPart) {
				first = i
				break
			}
		}
		if first < 0 {
			continue
		}
		rules &^= 1<<first - 1 // first and the rules after it
		cs := starts[k]
		if cw.start != cs || cw.text == "" {
			cw.reset(text, cs, clauseLimit(mentions, starts, k))
		}
		var clause string
		var cumulative, past bool
		if cw.enumeration <= m.Start {
			// 涵盖…计划总结…等政府信息: kinds, not a plan; rare, read as it is.
			clause = dropEnumeration(text[cs:m.Start])
			if strs.ContainsAny(clause, cumulativeWords) || strs.ContainsAny(clause, planWords) || strs.ContainsAny(clause, rateWords) {
				continue
			}
			cumulative = strs.Index(clause, "累计") >= 0
			if cumulative && !annualContext(text[:m.Start], year) {
				continue
			}
			if channelNote(clause) || articleOne(m, b) {
				continue
			}
			past = strs.ContainsAny(clause, pastWords)
		} else {
			clause = text[cs:m.Start]
			if cw.skip <= m.Start {
				continue
			}
			cumulative = cw.cumulative <= m.Start
			if cumulative && !annualContext(text[:m.Start], year) {
				continue
			}
			if cw.channelNote(m.Start) || articleOne(m, b) {
				continue // (公文平台发文)113条: one channel; 作为一项常态工作: no count
			}
			past = cw.past <= m.Start
		}
		for ; rules != 0; rules &= rules - 1 {
			i := bits.TrailingZeros64(uint64(rules))
			r := &proseRules[i]
			// claims first: most rules fail its first tests on the words
			// next to the number, while past rewrites the whole clause
			// before it (quadratic on a long clause). Both are pure.
			if i > first && (share && !r.anywhere || !r.claims(s, &sc, i, before, b, pre, &words, m, afterPart)) || past && r.past(clause) {
				continue
			}
			if hasFigure(out, r.figure) {
				break // the first statement in a sentence is the figure; later ones are parts
			}
			v := m.Value
			unit := figureUnit(r.figure)
			out = append(out, figureCandidate{r.figure, proseCandidate{
				value: xxgk.Value{Value: v, Unit: unit, Approx: m.Approx,
					Evidence: xxgk.Evidence{Method: xxgk.MethodProse, Line: s.Line, Text: zh.TrimSpace(s.Text), Page: s.Page, Section: s.Section()}},
				inTopic:    r.inTopic(s.Topic),
				total:      strs.ContainsAny(clause, totalWords) || restatesTotal(text[m.End:]),
				cumulative: cumulative,
				quantity:   strings.Contains(s.Heading, "数量"),
				sentence:   s.Text,
			}})
			break
		}
	}
	return out
}

// claimUnits are the units of every rule, units and docUnits: claims takes
// a count or money in one of them only.
var claimUnits = func() []string {
	var us []string
	for _, r := range proseRules {
		for _, u := range slices.Concat(r.units, r.docUnits) {
			if !slices.Contains(us, u) {
				us = append(us, u)
			}
		}
	}
	return us
}()

// unitClaimable reports whether a rule may claim m as far as its kind and
// unit tell: claims requires a count or money in one of the rule's units
// (or docUnits), which no rule leaves empty. A bare number, the most
// common in a sentence, is in none ("" is no unit, TestClaimUnits).
func unitClaimable(m numMention) bool {
	return (m.Kind == numCount || m.Kind == numMoney) && m.Unit != "" && unitIn(zh.FoldHan(m.Unit), claimUnits)
}

// unitLeads marks the runes a unit of claimUnits starts with once the
// multipliers 万亿千百 before it are left out (万元 → 元, 人次 → 人).
var unitLeads = func() *runeSet {
	var s runeSet
	for _, u := range claimUnits {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(u, "万亿千百"))
		s.add(r)
	}
	return &s
}()

// mayClaimUnit reports whether a number of text may be in a unit a rule
// takes: whether a rune of unitLeads follows a digit or a Chinese numeral,
// with only blanks, 余 and 多 between (countEndsAt). It is a necessary
// condition, cheaper than reading the numbers: the scanner (tail) reads a
// number's unit right after its digits or numeral, the multipliers 万亿千百
// and one approx word 余 or 多, and blanks; a unit of claimUnits, which
// zh.FoldHan leaves as it is (TestClaimUnits), is a unit of pnUnitList
// after multipliers, and after its own 千 or 百 if it has one; and the
// multipliers are numerals. A sentence of bare numbers and labels (the
// rows of a table, 行政许可 3 0 1 0 0 0 4) has no such place.
func mayClaimUnit(text string) bool {
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		// Two three-byte characters neither of which leads a unit, most
		// of the text, are stepped over in one test of eight bytes, as
		// skipUnmarked steps over one (unitLeads marks no rune it would
		// misread, TestClaimUnits): the bytes of the two are x&0xFFFFFF
		// and x>>24&0xFFFFFF.
		for rest := text[i:]; len(rest) >= 8; rest = rest[6:] {
			x := uint64(rest[0]) | uint64(rest[1])<<8 | uint64(rest[2])<<16 | uint64(rest[3])<<24 |
				uint64(rest[4])<<32 | uint64(rest[5])<<40 | uint64(rest[6])<<48 | uint64(rest[7])<<56
			if x&0xC0C0F0C0C0F0 != 0x8080E08080E0 ||
				unitLeads[(x&0x0F)<<6|x>>8&0x3F]&(1<<(x>>16&63)) != 0 ||
				unitLeads[(x>>24&0x0F)<<6|x>>32&0x3F]&(1<<(x>>40&63)) != 0 {
				break
			}
			i += 6
		}
		if j := skipUnmarked(text, i, unitLeads); j > i {
			i = j // the rest of the run
			continue
		}
		r, size := decodeRune(text, i)
		if unitLeads.has(r) && countEndsAt(text, i) {
			return true
		}
		i += size
	}
	return false
}

// countEndsAt reports whether a digit or a Chinese numeral stands before
// text[i], past the blanks (zh.IsLineSpace) and the 余 and 多 before it.
func countEndsAt(text string, i int) bool {
	// The character before, mostly an ideograph that is neither blank nor
	// 余 or 多 (个人, 文件), tells at once: decoded inline, it is the rune
	// the loops below would decode first.
	if r, size := decodeRune3(text, max(i-3, 0)); i >= 3 && size == 3 && r != '余' && r != '多' && !zh.IsLineSpace(r) {
		return r >= '０' && r <= '９' || isCNNumeral(r)
	}
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !zh.IsLineSpace(r) {
			break
		}
		i -= size
	}
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if r != '余' && r != '多' {
			break
		}
		i -= size
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || isCNNumeral(r)
}

// nounBinding is what a number of a sentence is said of. Each number binds
// to its own words: in 安排了2名专职人员和3名兼职人员, 3 is said of 兼职人员
// and not of the 专职人员 before it.
type nounBinding struct {
	// pre: the words before the number in its clause, back to the noun of
	// the quantity before it.
	pre string
	// after: the noun right after the number (收到1份行政复议申请, 2名专职
	// 人员), up to punctuation, another number or a word that starts the
	// clause's next statement; "" when none follows.
	after string
}

// bindNounsInto binds each of the mentions of text to its words, in the
// memory of bs; starts are the starts of their clauses.
func bindNounsInto(bs []nounBinding, text string, ms []numMention, starts []int) []nounBinding {
	bs = slices.Grow(bs[:0], len(ms))[:len(ms)]
	prev := 0 // end of the noun of the last quantity
	for k, m := range ms {
		limit := len(text)
		if k+1 < len(ms) {
			limit = ms[k+1].Start
		}
		end := nounEnd(text, m.End, limit)
		from := max(starts[k], min(prev, m.Start))
		bs[k] = nounBinding{pre: text[from:m.Start], after: text[m.End:end]}
		if m.Kind == numCount || m.Kind == numMoney || m.Kind == numPercent || m.Kind == numOther && m.Unit != "" {
			prev = end
		}
	}
	return bs
}

// nounStops end the noun after a number: the words that start what the
// clause says next (5件，已全部办结 / 3件均已答复 / 1起、行政诉讼1起).
var nounStops = []string{"已", "均", "并", "全部", "都", "其中", "予以", "占", "办结", "答复", "结转", "较", "比", "同比", "分别", "共", "合计", "总计", "累计",
	"从事", "负责", "承担", "承办", "用于", "涉及", "属于", "通过", "按照", "依照", "依法", "经过",
	"主要", "包括", "涵盖", "包含", "同时", "有效", "及时", "切实", "进一步", "确保", "保障", "实现", "做到", "完成", "得到", "进行"}

// nounStopFirsts numbers the first runes of nounStops (all in the BMP, as
// TestNounStops checks), and nounStopsByFirst[k] holds the stops whose
// first rune is number k: nounEnd tries the stops at every character of a
// noun, and most characters start none, which the set says without the
// map lookup the stops were found by.
var nounStopFirsts, nounStopsByFirst = func() (*runeRank, [][]string) {
	var firsts []rune
	for _, w := range nounStops {
		r, _ := utf8.DecodeRuneInString(w)
		firsts = append(firsts, r)
	}
	x := newRuneRank(firsts)
	by := make([][]string, len(nounStops))
	n := 0
	for _, w := range nounStops {
		r, _ := utf8.DecodeRuneInString(w)
		k := x.index(r)
		by[k] = append(by[k], w)
		n = max(n, k+1)
	}
	return x, by[:n]
}()

// maxNounRunes bounds the noun after a number.
const maxNounRunes = 20

// nounEnd returns the end of the noun that starts at from, before limit:
// Han characters up to a stop word.
func nounEnd(text string, from, limit int) int {
	i := from
	for n := 0; i < limit && n < maxNounRunes; n++ {
		r, size := decodeRune3(text, i)
		if size == 0 {
			r, size = decodeRune(text, i)
		}
		if !zh.IsHan(r) {
			break
		}
		if k := nounStopFirsts.index(r); k >= 0 && hasPrefixAny(text[i:], nounStopsByFirst[k]) {
			break
		}
		i += size
	}
	return i
}

func hasPrefixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// articleOne reports a 一 before a measure word and a noun (作为一项常态工作,
// 公开一批信息): an article, as English "a", not a count.
func articleOne(m numMention, b nounBinding) bool {
	return b.after != "" && m.Value.Equal(xxgk.Int(1)) && strings.Contains(m.Text, "一") && !strings.ContainsAny(m.Text, "0123456789")
}

// enumerationLeads introduce a list of kinds that ends in 等 (涵盖办事程序、
// 人事任免、重点领域动态等政府信息): the list says what the counted things
// are, so its words do not make the count a part.
var enumerationLeads = []string{"涵盖", "包括", "包含", "涉及"}

// dropEnumeration removes such a list from the words before a number.
func dropEnumeration(pre string) string {
	if strs.Index(pre, "等") < 0 {
		return pre // no list ends here: one scan instead of one per lead, for every number and rule
	}
	for _, lead := range enumerationLeads {
		i := strs.Index(pre, lead)
		if i < 0 {
			continue
		}
		if j := strings.LastIndex(pre, "等"); j > i {
			pre = pre[:i+len(lead)] + pre[j:]
		}
	}
	return pre
}

// channelPrepositions make a channel the means of a count (通过门户网站
// 主动公开…), not its subject.
var channelPrepositions = []string{"通过", "在", "依托", "利用", "借助", "经由", "于", "从", "由", "用"}

// channelSubject reports whether a channel is the subject of the verb
// that states the count, the last subject word before it (实验区政府门户
// 网站累计主动公开…, 政府信息公开专栏发布政府信息…).
func channelSubject(pre string, subjects []string) bool {
	i := indexAny(pre, channels)
	if i < 0 {
		return false
	}
	if j := lastIndexAny(pre, subjects); j >= 0 && j < i {
		return false // the channel follows the verb
	}
	return !strs.ContainsAny(pre[:i], channelPrepositions)
}

// channelKinds counts the kinds of channel text names (网站, 微博, …).
func channelKinds(text string) int {
	n := 0
	for _, c := range channels {
		if strings.Contains(text, c) {
			n++
		}
	}
	return n
}

// objectOf reports whether one of words is the object of one of the verbs
// in pre, right after it (公开政府信息300条, 发布各类政府信息), or the noun
// after the number (公开246条政务信息); not 政府信息公开专栏, nor 公开财政
// 预决算等政府信息 (a kind).
func objectOf(pre, after string, verbs, words []string) bool {
	if headNoun(after, words) {
		return true
	}
	for _, v := range verbs {
		for i := range strs.Indexes(pre, v) {
			rest := strings.TrimLeft(pre[i+len(v):], objectQualifiers)
			if hasPrefixAny(rest, words) && headNoun(rest, words) {
				return true
			}
		}
	}
	return false
}

// headNoun reports whether one of words stands in s as a noun of its own,
// not the first part of a compound about the work (政府信息公开年报,
// 政务信息化).
func headNoun(s string, words []string) bool {
	for _, w := range words {
		for i := range strs.Indexes(s, w) {
			if !hasPrefixAny(s[i+len(w):], compoundTails) {
				return true
			}
		}
	}
	return false
}

// compoundTails follow 政府信息 in the names of disclosure work and its
// documents: 政府信息公开年报, 政府信息公开指南, 政务信息化.
var compoundTails = []string{"公开", "化", "工作", "管理", "系统", "平台"}

// objectQualifiers may stand between a verb and its object: 发布了各类
// 政府信息, 公开全部政府信息.
const objectQualifiers = "了各类项全部所有的"

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
//
// It is strings.HasPrefix(strings.TrimLeft(after, "，,（( "), "占"), the
// marks trimmed by their bytes: TrimLeft, with a cutset not all ASCII,
// decoded the runes of the cutset for each of after's (FuzzIsShare).
func isShare(after string) bool {
	for {
		switch {
		case strings.HasPrefix(after, "，"), strings.HasPrefix(after, "（"):
			after = after[len("，"):]
		case after != "" && (after[0] == ',' || after[0] == '(' || after[0] == ' '):
			after = after[1:]
		default:
			return strings.HasPrefix(after, "占")
		}
	}
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

func (r *proseRule) inTopic(t topic) bool {
	for _, x := range r.topics {
		if x == t && t != topicUnknown && t != topicOverview {
			return true
		}
	}
	return false
}

func (r *proseRule) topicAllowed(t topic) bool {
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

// reads reports whether the rule may read a sentence of topic t.
func (r *proseRule) reads(t topic) bool {
	return r.topicAllowed(t) && !(r.section && t == topicUnknown)
}

// claims reports whether the rule (proseRules[ri]) reads mention m of the
// sentence, bound to its words by b; pre is dropEnumeration(b.pre) and w
// the rules' words in pre and b.after.
func (r *proseRule) claims(s sentence, sc *sentenceCache, ri int, before string, b nounBinding, pre string, w *mentionWords, m numMention, afterPart bool) bool {
	if !r.reads(s.Topic) {
		return false
	}
	if !w.has(ri, listSubject, false) && !(r.nounAfter && w.has(ri, listSubject, true)) {
		return false
	}
	if r.also != nil {
		if r.object && !objectOf(pre, b.after, r.subject, r.also) || !w.has(ri, listAlso, false) && !w.has(ri, listAlso, true) {
			return false
		}
	}
	if b.after != "" && !w.has(ri, listNouns, true) {
		return false // the number counts another noun
	}
	if r.context != nil {
		stated := sc.stated(ri, r)
		if !stated && (r.strict || !r.inTopic(s.Topic)) {
			return false // the section itself can give the context
		}
	}
	if w.has(ri, listNot, false) || w.has(ri, listNot, true) {
		return false
	}
	if r.channelSubject && channelSubject(pre, r.subject) || r.oneChannel && sc.channelKinds() > 1 {
		return false
	}
	if u := zh.FoldHan(m.Unit); !unitIn(u, r.units) && !(b.after != "" && unitIn(u, r.docUnits)) || (r.money != (m.Kind == numMoney)) {
		return false
	}
	switch {
	case r.anywhere:
	case r.part && !afterPart:
		return false // parts only after 其中
	case !r.part && afterPart:
		if !r.kind || !kindOfWhole(before, r.subject) {
			return false // totals never after 其中
		}
	}
	if r.part && afterPart {
		head := before
		if i := indexAny(before, []string{"其中", "包括"}); i >= 0 {
			head = before[:i]
		}
		return groupOf(head) == ruleGroups[ri]
	}
	return true
}

// ruleGroups holds groupOf of each rule's group, joined: what a part
// rule's whole must speak of first (claims). Joined for every claim, it
// allocated.
var ruleGroups = func() (gs []string) {
	for _, r := range proseRules {
		gs = append(gs, groupOf(strings.Join(r.group, "")))
	}
	return gs
}()

// past reports whether the clause compares with last year (较去年,
// 同比增长): apart from the rule's own subject, as in 上年结转3件.
func (r *proseRule) past(clause string) bool {
	for _, w := range r.subject {
		clause = strings.ReplaceAll(clause, w, "")
	}
	return strs.ContainsAny(clause, pastWords)
}

// kindOfWhole reports whether a figure after 其中 is one kind of a whole
// that is not the figure itself: 发布信息607条，其中主动公开380份 (the
// whole before 其中 names none of the figure's subjects). A sentence that
// starts with 其中 breaks down the sentence before it, a whole not seen.
func kindOfWhole(before string, subjects []string) bool {
	i := strings.Index(before, "其中")
	if i <= 0 {
		return false
	}
	whole := before[:i]
	if j := strings.LastIndexAny(strings.TrimRight(whole, "，,：: "), "，,；;。"); j >= 0 {
		whole = whole[j:] // the clause of the whole
	}
	// The whole's scope is the kind's: 本网站累计发布信息1万条，其中主动公开
	// 8000条 is cumulative.
	if strs.ContainsAny(whole, cumulativeWords) || strings.Contains(whole, "累计") || strs.ContainsAny(whole, planWords) || strs.ContainsAny(whole, pastWords) {
		return false
	}
	return !strs.ContainsAny(before[:i], subjects)
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

func lastIndexAny(s string, words []string) int {
	best := -1
	for _, w := range words {
		if i := strings.LastIndex(s, w); i > best {
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

// scratch holds the buffers the reading of a sentence reuses for the
// next: nothing read from them outlives the sentence.
type scratch struct {
	mentions  []numMention
	starts    []int
	nouns     []nounBinding
	subjects  []wordMatch // zeroSubjects in the sentence
	negations []wordMatch // the zero rules' negations in the clauses of a sentence
	clauses   []zeroClause
	counts    []figureCandidate // what proseCounts returns
	zeros     []figureCandidate // what proseZeros returns
	cands     []figureCandidate // what readCandidates returns
	figure    []proseCandidate  // one figure's candidates (chooseProse)
	at        []int             // each candidate's place in templates.Figures (chooseProse)
	places    []int             // the places of the figures with candidates (chooseProse)
	// the splitter's open headings and the paths it hands out (sentencesIn)
	stack []headingEntry
	paths []sectionPath
	// the sentences of the block read so far (readCandidates)
	sents []string
	// the reader of the sentences (readCandidates)
	reader candidateReader
}

// scratchPool keeps the buffers of one report's reading for the next
// report's: in a roll-up of thousands, growing them anew for each was a
// third of the bytes the reader allocated.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release clears the buffers, so that a pooled scratch keeps no report's
// text alive, and puts them back in scratchPool.
func (buf *scratch) release() {
	clear(buf.mentions[:cap(buf.mentions)])
	clear(buf.nouns[:cap(buf.nouns)])
	clear(buf.clauses[:cap(buf.clauses)])
	clear(buf.counts[:cap(buf.counts)])
	clear(buf.zeros[:cap(buf.zeros)])
	clear(buf.cands[:cap(buf.cands)])
	clear(buf.figure[:cap(buf.figure)])
	clear(buf.stack[:cap(buf.stack)])
	clear(buf.paths)
	clear(buf.sents[:cap(buf.sents)])
	scratchPool.Put(buf)
}

// figureCandidate is a candidate for a figure read from a sentence.
type figureCandidate struct {
	figure string
	cand   proseCandidate
}

// hasFigure reports whether fcs holds a candidate for figure.
func hasFigure(fcs []figureCandidate, figure string) bool {
	for _, fc := range fcs {
		if fc.figure == figure {
			return true
		}
	}
	return false
}

// zeroClause is a clause of a sentence and the zeroSubjects it holds.
type zeroClause struct {
	text     string
	subjects wordBits
	// the negations of zeroNegationLists in it, buf.negations[negFrom:negTo]
	// once negRead (clauseNegates)
	negFrom, negTo int32
	negRead        bool
}

// proseZeros reads the zeros a sentence states.
//
// subjectAt is where the first of topicSubjects[s.Topic] stands in text,
// -1 for none, and subject that word's index: the subjects of the zero
// rules that may read the sentence, among them, stand nowhere before it.
//
// The candidates are in buf's memory, until the next sentence's reading.
func proseZeros(s sentence, text string, subjectAt, subject int, buf *scratch) []figureCandidate {
	if !zeroTopicRead[s.Topic] {
		return nil // no zero rule reads the topic, nor has it figures of its own (sectionFigures)
	}
	out := buf.zeros[:0]
	defer func() { buf.zeros = out }()
	// The clauses that hold a zero rule's subject, found when a rule first
	// needs them, and the subjects they hold. A sentence without a word
	// of zeroStatements states no zero in any clause: its clauses are not
	// looked for (most sentences that name a zero rule's subject).
	clauses := buf.clauses[:0]
	var subjects wordBits
	split := false
	for zi := range zeroRules {
		// A rule is large: copying it for every rule and sentence cost
		// more than its tests.
		z := &zeroRules[zi]
		if zeroRulesRead[s.Topic]&(1<<zi) == 0 { // !topicIn(s.Topic, z.topics)
			continue
		}
		if !split {
			first := -1 // where the first zero subject stands
			if subjectAt >= 0 && topicSubjectIs[s.Topic][subject]&isZeroSubject != 0 {
				first = subjectAt // the zero subjects' scan finds it there
			} else if subjectAt >= 0 {
				if at, _ := zeroSubjects.set.Index(text[subjectAt:]); at >= 0 {
					first = subjectAt + at
				}
			}
			if first < 0 || !zeroStatements.In(text) {
				break // no rule's subject, or nothing states a zero: no clause need be read (most sentences)
			}
			buf.subjects = zeroSubjects.set.AppendMatches(buf.subjects[:0], text, first)
			clauses = zeroClauses(clauses, text, buf.subjects)
			buf.negations = buf.negations[:0] // the negations of these clauses (clauseNegates)
			for _, c := range clauses {
				for i := range subjects {
					subjects[i] |= c.subjects[i]
				}
			}
			buf.clauses, split = clauses, true
		}
		if !zeroSubjects.has(subjects, zi) {
			continue
		}
		if z.context != nil && !zeroContextHeld[zi] && !strs.ContainsAny(text, z.context) {
			continue
		}
		if z.group != nil && (!strs.ContainsAny(text, z.group) || strs.ContainsAny(text, zeroOtherGroups[zi])) {
			continue // it does not speak of its group alone
		}
		// Each clause on its own: 未收到…申请，未收到…行政复议申请 states two zeros.
		stated := false
		for ci, c := range clauses {
			// Each of the three tests needs a subject in the clause (a
			// negation that holds one is in it too): most clauses have none.
			// negates and zeroAfter need one of their words in the clause:
			// the sets rule most clauses out in one pass.
			if zeroSubjects.has(c.subjects, zi) && !strs.ContainsAny(c.text, z.not) &&
				(clauseNegates(&clauses[ci], zi, buf) ||
					anyZeroWord.In(c.text) && zeroAfter(c.text, z.subject) ||
					noneStated(c.text, z.subject, ruleQualifiers[zi])) {
				stated = true
				break
			}
		}
		if stated {
			out = append(out, figureCandidate{z.figure, zeroCandidate(&s, z.figure)}) // each rule's figure is another's
		}
	}
	if sectionTopic(s.Topic) && bareNone(text) {
		for _, fig := range sectionFigures(s) {
			if !hasFigure(out, fig) {
				out = append(out, figureCandidate{fig, zeroCandidate(&s, fig)})
			}
		}
	}
	return out
}

// zeroTopicRead says, for each topic, whether a zero rule may read its
// sentences or sectionFigures gives it figures: a sentence of another
// topic (主动公开, 机构建设) states no zero.
var zeroTopicRead = func() (read [len(topicNames)]bool) {
	for t := range read {
		read[t] = t == int(topicFees) || t == int(topicReview)
		for _, z := range zeroRules {
			read[t] = read[t] || topicIn(topic(t), z.topics)
		}
	}
	return read
}()

// zeroCandidate is the candidate of a zero of fig stated in s. (A closure
// of proseZeros, it copied the sentence for every sentence asked, most of
// which state no zero.)
func zeroCandidate(s *sentence, fig string) proseCandidate {
	return proseCandidate{
		value: xxgk.Value{Value: xxgk.Int(0), Unit: figureUnit(fig),
			Evidence: xxgk.Evidence{Method: xxgk.MethodProse, Line: s.Line, Text: zh.TrimSpace(s.Text), Page: s.Page, Section: s.Section()}},
		inTopic:  zeroTopics[fig] == s.Topic,
		sentence: s.Text,
	}
}

// zeroRulesRead holds, for each topic t, a bit for each zero rule that
// reads a sentence of t (topicIn(t, z.topics)), bit zi for zeroRules[zi]:
// proseZeros asks for each rule and sentence.
var zeroRulesRead = func() (read [len(topicNames)]uint64) {
	if len(zeroRules) > 64 {
		panic("prose: too many zero rules for zeroRulesRead")
	}
	for t := range read {
		for zi, z := range zeroRules {
			if topicIn(topic(t), z.topics) {
				read[t] |= 1 << zi
			}
		}
	}
	return read
}()

// zeroContextHeld says, for each zero rule, whether every subject of it
// holds a word of its context (申请 is one of requests.received's): a
// sentence with a subject of the rule, the only kind proseZeros asks of
// its context, holds the context too, and looking for the context's five
// words, four of which most sentences lack, was a tenth of its cost.
var zeroContextHeld = func() (held []bool) {
	for _, z := range zeroRules {
		all := true
		for _, w := range z.subject {
			all = all && strs.ContainsAny(w, z.context)
		}
		held = append(held, all)
	}
	return held
}()

// zeroOtherGroups holds, for each zero rule of a group (review or
// litigation), the other group: a sentence speaks of the rule's group
// alone when it holds a word of the group and none of the other. (Told
// for every sentence, by joining the group's words, it allocated.)
var zeroOtherGroups = func() (others [][]string) {
	for _, z := range zeroRules {
		other := litigationOnly
		if groupOf(strings.Join(z.group, "")) == "litigation" {
			other = reviewOnly
		}
		others = append(others, other)
	}
	return others
}()

// noneStated reports a clause that states there was none of a subject
// with a bare 无 and ends in 情况 or 事项: 本报告年度无政府信息公开申请行政
// 复议、提起行政诉讼的情况; 无收取信息处理费情况. Elsewhere a bare 无 is a
// word of the forms (无法提供, 无正当理由), and 无违规收费情况 says nothing
// of the fees collected.
func noneStated(clause string, subjects []string, quals *wordSet) bool {
	c := trimRightMarks(clause, clauseEndMarks)
	if !hasSuffixAny(c, noneEnds) {
		return false
	}
	for i := range strs.Indexes(c, "无") {
		rest := c[i+len("无"):]
		if hasPrefixAny(rest, noneWords) {
			continue
		}
		rest = strs.FirstRunes(rest, negationReach)
		if strings.ContainsAny(rest, "0123456789") {
			continue
		}
		if strs.ContainsAny(rest, subjects) && !quals.In(rest) {
			return true
		}
	}
	return false
}

// ruleQualifiers holds, for each zero rule, the words of zeroQualifiers
// that narrow a negation of its subjects: the words after a negation that
// hold one narrow it to one kind or outcome of the subject (无违规收费情况,
// 未出现被纠错的行政复议案件), and then it says nothing of the subject's
// total. A qualifier that holds a subject of the rule (纠错 for the
// corrected count) does not narrow. One search for the rule's qualifiers
// does what a search for each of zeroQualifiers, and a test of the
// subjects for each found, did (TestRuleQualifiers).
var ruleQualifiers = func() (sets []*wordSet) {
	for _, z := range zeroRules {
		var ws []string
		for _, q := range zeroQualifiers {
			if !strs.ContainsAny(q, z.subject) {
				ws = append(ws, q)
			}
		}
		sets = append(sets, sharedWordSet(ws))
	}
	return sets
}()

var (
	// noneEnds end a clause that states a none with a bare 无.
	noneEnds = []string{"情况", "事项", "情形", "现象", "案件"}
	// noneWords start words with 无 that state no none: 无法, 无正当理由,
	// 无需, 无论, 无偿, 无效, 无关.
	noneWords = []string{"法", "正当", "需", "须", "论", "疑", "偿", "效", "关", "异"}
	// zeroQualifiers narrow a none to one kind or outcome: 无违规收费情况,
	// 未出现被纠错的行政复议案件.
	zeroQualifiers = []string{"违规", "违法", "乱", "不合理", "超标", "不当", "纠错", "纠正", "败诉", "撤销", "维持", "超期", "逾期"}
)

func hasSuffixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// clauseEndMarks and sentenceEndMarks are the marks noneStated and
// bareNone trim from the end of a clause or sentence, a rune each.
var (
	clauseEndMarks   = []string{"。", "；", ";", "！", "!"}
	sentenceEndMarks = []string{"。", "；", ";", "！", "!", "."}
)

// markLastBytes marks the last bytes of clauseEndMarks and
// sentenceEndMarks: a text that ends with a mark ends with its last byte.
var markLastBytes = func() *[256]bool {
	var b [256]bool
	for _, m := range append(append([]string(nil), clauseEndMarks...), sentenceEndMarks...) {
		b[m[len(m)-1]] = true
	}
	return &b
}()

// trimRightMarks is strings.TrimRight(s, strings.Join(marks, "")) for
// marks that are whole runes, valid UTF-8: comparing their bytes with the
// end of s costs little, where TrimRight's decoding of runes and search
// of the cutset was most of bareNone's cost on a sentence that is none.
// (A valid rune's bytes end s exactly when the last rune decoded from s
// is that rune.)
func trimRightMarks(s string, marks []string) string {
	for {
		if len(s) == 0 || !markLastBytes[s[len(s)-1]] {
			return s // most sentences end with none: one test
		}
		n := len(s)
		for _, m := range marks {
			if strings.HasSuffix(s, m) {
				s = s[:len(s)-len(m)]
				break
			}
		}
		if len(s) == n {
			return s
		}
	}
}

// bareNoneEnds end a sentence that only says there was none: 我镇2016年度
// 无申请。 暂无。
var bareNoneEnds = []string{"无", "无申请", "无此情况", "无此类情况", "无相关情况", "无此项", "未发生", "没有发生", "没有"}

// bareNoneTails are the last two bytes of bareNoneEnds.
var bareNoneTails = newSuffixSet(bareNoneEnds)

// bareNone reports a short sentence that only says there was none, with
// no number but a year: under the section on fees or on review and
// litigation, it states that section's figures are zero.
func bareNone(text string) bool {
	t := trimRightMarks(text, sentenceEndMarks)
	// A rune is 4 bytes at most (an invalid byte counts as one): a longer
	// text has more than 16, and counting them was most of the test.
	// bareNoneTails.may rules out most sentences in one test, and the
	// words themselves most of the rest before their runes are counted.
	if len(t) > 4*16 || !bareNoneTails.may(t) || !hasSuffixAny(t, bareNoneEnds) || utf8.RuneCountInString(t) > 16 || strs.ContainsAny(t, namedSubjects) {
		return false // 行政复议：无 names its subject, for the rules to read
	}
	for _, m := range scanNumbers(t) {
		if m.Kind != numYear {
			return false
		}
	}
	return true
}

// namedSubjects name a figure of the sections on fees and on review.
var namedSubjects = []string{"复议", "诉讼", "收费", "费用", "处理费", "收取"}

// sectionTopic reports whether sectionFigures may give figures for a
// sentence of topic t: bareNone, most of whose cost was for sentences of
// the other topics, is asked only of those (TestSectionTopic).
func sectionTopic(t topic) bool {
	return t == topicFees || t == topicReview
}

// sectionFigures are the figures a sentence's section reports as a whole:
// the fees, or review and litigation as its heading names them.
func sectionFigures(s sentence) []string {
	switch s.Topic {
	case topicFees:
		return []string{"fees.collected_yuan"}
	case topicReview:
		var figs []string
		if strs.ContainsAny(s.Heading, reviewOnly) {
			figs = append(figs, "review.total")
		}
		if strs.ContainsAny(s.Heading, litigationOnly) {
			figs = append(figs, "litigation.total")
		}
		return figs
	}
	return nil
}

// zeroTopics are the sections that report each figure stated as zero.
var zeroTopics = map[string]topic{
	"requests.received": topicRequests, "review.total": topicReview,
	"litigation.total": topicReview, "fees.collected_yuan": topicFees,
}

// clauseNegates reports whether a negation of zero rule zi stands before
// one of its subjects in clause c (negates). The negations of every rule
// are found in c once, the first time a rule asks, into buf.negations,
// and each rule takes those of its own list: the rules but the fee
// rule's have one list, which the fee rule's holds, and finding it for
// each rule that reads a clause found the same words again
// (FuzzNegates). buf.negations holds the sentence's clauses' only.
func clauseNegates(c *zeroClause, zi int, buf *scratch) bool {
	if !c.negRead {
		c.negFrom = int32(len(buf.negations))
		buf.negations = zeroNegationLists.set.AppendMatches(buf.negations, c.text, 0)
		c.negTo, c.negRead = int32(len(buf.negations)), true
	}
	words, mask := zeroNegationLists.set.Words(), &zeroNegationLists.masks[zi]
	for _, m := range buf.negations[c.negFrom:c.negTo] {
		if mask[m.word/64]&(1<<(m.word%64)) != 0 && negates(c.text, m.at, words[m.word], zeroRules[zi].subject, ruleQualifiers[zi]) {
			return true
		}
	}
	return false
}

// zeroNegationLists holds the negations of the zero rules, list i those
// of zeroRules[i].
var zeroNegationLists = func() *listSet {
	var lists [][]string
	for _, z := range zeroRules {
		lists = append(lists, z.negation)
	}
	return newListSet(lists...)
}()

// anyZeroWord holds zeroWords.
var anyZeroWord = newWordSet(zeroWords...)

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

// negates reports whether the negation n at text[at:] stands before a
// subject word in the same clause, with no number between them (未收到…
// 申请, 尚未有…行政复议). The negations are found in text in one pass
// (clauseNegates): a search for each of them was most of the cost of a
// zero. (strs.Indexes, which the search was, yields occurrences that do
// not overlap; no negation overlaps itself, as TestNegationsOverlapNot
// checks, so those are all of them.)
//
// text is a clause (see zeroClauses): the rest of it after a negation is
// the rest of its clause, not cut at ，,；;。 as it was, where IndexAny,
// decoding every rune, was a third of the cost (FuzzNegates).
func negates(text string, at int, n string, subjects []string, quals *wordSet) bool {
	rest := text[at+len(n):]
	if strings.HasPrefix(rest, "审结") || strings.HasPrefix(rest, "办结") {
		return false // 尚未审结 is a column of table 四, not a zero
	}
	rest = strs.FirstRunes(rest, negationReach)
	if hasDigit(rest) { // an ASCII digit is never part of another character
		return false
	}
	return (strs.ContainsAny(rest, subjects) || strs.ContainsAny(n, subjects)) && !quals.In(rest)
}

// choose settles the prose candidates of every figure: one value per
// figure, conflicts recorded, and figures the tables state kept from the
// tables (a disagreement is a finding).
//
// cands are the candidates of every figure in the order read; buf lends
// the memory of one figure's.
func chooseProse(cands []figureCandidate, tableFigures map[string]xxgk.Value, place func(xxgk.Evidence) string, buf *scratch) (map[string]xxgk.Value, []xxgk.Finding) {
	where := placeNamer(place)
	var fs []xxgk.Finding
	cs := buf.figure[:0]
	defer func() { buf.figure = cs }()
	// The figures are settled in the order of templates.Figures, those
	// with candidates only: each candidate's place in it (-1 for none),
	// then the places found, in order. Going through every figure of
	// templates.Figures and every candidate for each was most of
	// choosing, and a tenth of the reading of a short report.
	// (TestFiguresMatchesRef holds this to chooseProseRef, which goes
	// through templates.Figures.)
	figs := templates.Figures
	order := figureOrderOf(figs)
	at, places := buf.at[:0], buf.places[:0]
	for i := range cands {
		k, ok := order.index[cands[i].figure]
		if !ok {
			k = -1
		}
		at = append(at, k)
		if ok && !slices.Contains(places, k) {
			places = append(places, k)
		}
	}
	slices.Sort(places)
	buf.at, buf.places = at, places
	// One value at most per place: the map made as large at once, not
	// grown figure by figure (a third of the reader's allocations).
	out := make(map[string]xxgk.Value, len(places))
	for _, k := range places {
		cs = cs[:0]
		// By index: a candidate is large, and ranging over the values
		// copied each.
		for i := range cands {
			if at[i] == k {
				cs = append(cs, cands[i].cand)
			}
		}
		var v xxgk.Value
		var ok bool
		if v, ok, fs = settleFigure(&figs[k], cs, tableFigures, where, fs); ok {
			out[figs[k].Key] = v
		}
	}
	return out, fs
}

// figureOrder is the place of each figure's key in a list of figures.
type figureOrder struct {
	figs  []templates.Figure // the list
	index map[string]int
}

// figureOrders keeps the figureOrder of templates.Figures last asked for:
// that list changes only when a test replaces the specification.
var figureOrders atomic.Pointer[figureOrder]

// figureOrderOf returns the figureOrder of figs, built once for a list.
func figureOrderOf(figs []templates.Figure) *figureOrder {
	if o := figureOrders.Load(); o != nil && len(o.figs) == len(figs) && unsafe.SliceData(o.figs) == unsafe.SliceData(figs) {
		return o
	}
	o := &figureOrder{figs: figs, index: make(map[string]int, len(figs))}
	for k := range figs { // no key is listed twice (templates checks)
		o.index[figs[k].Key] = k
	}
	figureOrders.Store(o)
	return o
}

// placeNamer returns the function that names a sentence for a message:
// its place, or 正文 when the place has no name people can find (the
// finding quotes the sentence).
func placeNamer(place func(xxgk.Evidence) string) func(xxgk.Evidence) string {
	return func(e xxgk.Evidence) string {
		if place != nil {
			if p := place(e); p != "" {
				return p
			}
		}
		return "正文"
	}
}

// settleFigure settles the candidates cs of figure fig, appending to fs
// the findings of their disagreements: a figure the tables state keeps the
// tables' value (ok is false), and a candidate that contradicts it is a
// finding, once per sentence; otherwise settle chooses, and each candidate
// that disagrees with the choice is a finding. where names a sentence for
// a message (placeNamer).
func settleFigure(fig *templates.Figure, cs []proseCandidate, tableFigures map[string]xxgk.Value, where func(xxgk.Evidence) string, fs []xxgk.Finding) (v xxgk.Value, ok bool, _ []xxgk.Finding) {
	if len(cs) == 0 {
		return v, false, fs
	}
	if tv, ok := tableFigures[fig.Key]; ok {
		seen := map[string]bool{}
		for _, c := range cs {
			if disagree(tv, c.value) && !seen[c.sentence] {
				seen[c.sentence] = true
				fs = append(fs, xxgk.Finding{Rule: xxgk.RuleProseTableConflict, Severity: xxgk.SeverityWarning, Keys: []string{fig.Key},
					Line: c.value.Line, Page: c.value.Page, Evidence: c.value.Text,
					Message: fmt.Sprintf("正文所述%s为%s（%s），与统计表的%s不一致；以统计表为准。", fig.Label, approxText(c.value), where(c.value.Evidence), tv.Value)})
			}
		}
		return v, false, fs
	}
	chosen, ok := settle(cs)
	for _, c := range cs {
		if disagree(chosen.value, c.value) {
			fs = append(fs, xxgk.Finding{Rule: xxgk.RuleProseConflict, Severity: xxgk.SeverityWarning, Keys: []string{fig.Key},
				Line: c.value.Line, Page: c.value.Page, Evidence: c.value.Text,
				Message: fmt.Sprintf("报告两处所述%s不一致：%s为%s，%s为%s。", fig.Label, where(chosen.value.Evidence), approxText(chosen.value), where(c.value.Evidence), approxText(c.value))})
		}
	}
	return chosen.value, ok, fs
}

// settle picks one candidate: the value all agree on, else, of the
// statements that are not cumulative (累计) if there are any, the value
// stated in the section that reports the figure when only one is, else
// the one the totals (全区…共), then those under a heading about the
// quantity agree on; ok is false when no statement can be preferred.
func settle(cs []proseCandidate) (proseCandidate, bool) {
	if c, ok := agreed(cs); ok {
		return c, true
	}
	if yearly := filterCandidates(cs, func(c proseCandidate) bool { return !c.cumulative }); len(yearly) > 0 {
		cs = yearly // 累计 gives way wherever the year's own figure stands
	}
	in := filterCandidates(cs, func(c proseCandidate) bool { return c.inTopic })
	if len(in) == 0 {
		in = cs
	}
	if c, ok := agreed(in); ok {
		return c, true
	}
	for _, prefer := range []func(proseCandidate) bool{
		func(c proseCandidate) bool { return c.total },
		func(c proseCandidate) bool { return c.quantity },
	} {
		if sub := filterCandidates(in, prefer); len(sub) > 0 {
			if c, ok := agreed(sub); ok {
				return c, true
			}
		}
	}
	return in[0], false
}

func filterCandidates(cs []proseCandidate, keep func(proseCandidate) bool) []proseCandidate {
	var out []proseCandidate
	for _, c := range cs {
		if keep(c) {
			out = append(out, c)
		}
	}
	return out
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
	// Beyond a tenth more than the approximate figure; a limit beyond
	// what a Number holds is beyond every figure.
	tenth, ok := approx.Value.CheckedShift(-1)
	limit, ok2 := approx.Value.CheckedAdd(tenth)
	if !ok || !ok2 {
		return false
	}
	return exact.Value.Cmp(limit) > 0
}

func approxText(v xxgk.Value) string {
	if v.Approx {
		return "约" + v.Value.String()
	}
	return v.Value.String()
}
