package templates

// FigureDef says how a figure (templates/MODEL.md) is read from the cells
// of a form: the sum of Cells, scaled by 10^Shift (万元 → 元 is 4).
type FigureDef struct {
	Form  string
	Cells []string // TABLE.ROW.COL within the form
	Shift int
}

// Figure describes one figure key.
type Figure struct {
	Key   string
	Label string // Chinese name for sheets and summaries
	Unit  string
	From  []FigureDef
}

func cells(table string, rows []string, col string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = table + "." + r + "." + col
	}
	return out
}

var (
	t3Denied       = []string{"denied_state_secret", "denied_prohibited_by_law", "denied_three_safety_one_stability", "denied_third_party_rights", "denied_internal_affairs", "denied_process_info", "denied_enforcement_case_file", "denied_admin_query"}
	t3Unable       = []string{"unable_not_held", "unable_needs_creation", "unable_unclear_after_correction"}
	t3NotProcessed = []string{"not_processed_petition_complaint", "not_processed_repeated", "not_processed_publication", "not_processed_massive_repeated", "not_processed_confirm_or_reissue"}
	t3Other2021    = []string{"other_no_correction_overdue", "other_fee_not_paid_overdue", "other_other"}
)

// gov returns the same definition for both national forms of 2019 and 2021.
func gov(c ...string) []FigureDef {
	return []FigureDef{{Form: "gov_2021", Cells: c}, {Form: "gov_2019", Cells: c}}
}

func stat(row string, shift int) FigureDef {
	return FigureDef{Form: "stat_2014", Cells: []string{"stat." + row + ".value"}, Shift: shift}
}

// fj maps the Fujian local tables' 本年度 column (never 历年累计).
func fj(form, row string) FigureDef {
	return FigureDef{Form: form, Cells: []string{"stat." + row + ".this_year"}}
}

func t4(col string) string { return "t4_review_litigation.count." + col }

// Figures lists every figure of MODEL.md with its cells, in display order.
// The Fujian local forms (fj_2013, fj_2014_2018) map their 本年度 column;
// this extends MODEL.md's table, which covers the national forms.
var Figures = []Figure{
	{Key: "proactive.total", Label: "主动公开政府信息数", Unit: "条", From: []FigureDef{stat("proactive_total", 0), fj("fj_2014_2018", "proactive_docs"), fj("fj_2013", "proactive")}},
	{Key: "proactive.normative_docs", Label: "主动公开规范性文件数", Unit: "件", From: []FigureDef{
		{Form: "gov_2021", Cells: []string{"t2_art20_1.admin_normative_docs.issued_this_year"}},
		{Form: "gov_2019", Cells: []string{"t2_art20_1.normative_docs.new_made_this_year"}},
		stat("proactive_normative_docs", 0)}},
	{Key: "requests.received", Label: "本年新收政府信息公开申请数", Unit: "件", From: append(gov("t3_requests.new_received.total"), stat("req_received", 0), fj("fj_2014_2018", "req_total"), fj("fj_2013", "req_total"))},
	{Key: "requests.carried_over", Label: "上年结转申请数", Unit: "件", From: gov("t3_requests.carried_over.total")},
	{Key: "requests.granted", Label: "予以公开", Unit: "件", From: append(gov("t3_requests.granted.total"), stat("ans_granted", 0), fj("fj_2014_2018", "ans_granted"), fj("fj_2013", "ans_granted"))},
	{Key: "requests.partially_granted", Label: "部分公开", Unit: "件", From: append(gov("t3_requests.partially_granted.total"), stat("ans_partial", 0), fj("fj_2014_2018", "ans_partial"), fj("fj_2013", "ans_partial"))},
	{Key: "requests.denied", Label: "不予公开", Unit: "件", From: append(gov(cells("t3_requests", t3Denied, "total")...), stat("ans_denied", 0), fj("fj_2014_2018", "ans_denied"), fj("fj_2013", "ans_rejected"))},
	{Key: "requests.unable", Label: "无法提供", Unit: "件", From: gov(cells("t3_requests", t3Unable, "total")...)},
	{Key: "requests.not_processed", Label: "不予处理", Unit: "件", From: gov(cells("t3_requests", t3NotProcessed, "total")...)},
	{Key: "requests.other", Label: "其他处理", Unit: "件", From: []FigureDef{
		{Form: "gov_2021", Cells: cells("t3_requests", t3Other2021, "total")},
		{Form: "gov_2019", Cells: []string{"t3_requests.other_handling.total"}}}},
	{Key: "requests.closed", Label: "办结数（办理结果总计）", Unit: "件", From: append(gov("t3_requests.results_total.total"), stat("req_concluded", 0))},
	{Key: "requests.carried_forward", Label: "结转下年度继续办理", Unit: "件", From: gov("t3_requests.carried_to_next_year.total")},
	{Key: "review.total", Label: "行政复议", Unit: "件", From: append(gov(t4("review_total")), stat("review_total", 0), fj("fj_2014_2018", "review"), fj("fj_2013", "review"))},
	{Key: "review.upheld", Label: "行政复议结果维持", Unit: "件", From: append(gov(t4("review_upheld")), stat("review_upheld", 0))},
	{Key: "review.corrected", Label: "行政复议结果纠正", Unit: "件", From: append(gov(t4("review_corrected")), stat("review_corrected", 0))},
	{Key: "review.other", Label: "行政复议其他结果", Unit: "件", From: append(gov(t4("review_other")), stat("review_other", 0))},
	{Key: "review.pending", Label: "行政复议尚未审结", Unit: "件", From: gov(t4("review_pending"))},
	{Key: "litigation.total", Label: "行政诉讼", Unit: "件", From: append(gov(t4("lit_direct_total"), t4("lit_after_review_total")), stat("litigation_total", 0), fj("fj_2014_2018", "litigation"), fj("fj_2013", "litigation"))},
	{Key: "litigation.upheld", Label: "行政诉讼结果维持", Unit: "件", From: append(gov(t4("lit_direct_upheld"), t4("lit_after_review_upheld")), stat("lit_upheld", 0))},
	{Key: "litigation.corrected", Label: "行政诉讼结果纠正", Unit: "件", From: append(gov(t4("lit_direct_corrected"), t4("lit_after_review_corrected")), stat("lit_corrected", 0))},
	{Key: "litigation.other", Label: "行政诉讼其他结果", Unit: "件", From: append(gov(t4("lit_direct_other"), t4("lit_after_review_other")), stat("lit_other", 0))},
	{Key: "litigation.pending", Label: "行政诉讼尚未审结", Unit: "件", From: gov(t4("lit_direct_pending"), t4("lit_after_review_pending"))},
	{Key: "complaints.total", Label: "举报投诉数量", Unit: "件", From: []FigureDef{stat("complaints", 0)}},
	{Key: "fees.collected_yuan", Label: "依申请公开收取的费用", Unit: "元", From: []FigureDef{stat("request_fees", 4)}},
	{Key: "staff.total", Label: "从事政府信息公开工作人员数", Unit: "人", From: []FigureDef{stat("staff_total", 0)}},
	{Key: "staff.fulltime", Label: "专职人员数", Unit: "人", From: []FigureDef{stat("staff_fulltime", 0)}},
	{Key: "staff.parttime", Label: "兼职人员数", Unit: "人", From: []FigureDef{stat("staff_parttime", 0)}},
	{Key: "funds.special_yuan", Label: "政府信息公开专项经费", Unit: "元", From: []FigureDef{stat("special_funds", 4)}},
}

// FigureByKey returns the figure with the given key, or nil.
func FigureByKey(key string) *Figure {
	for i := range Figures {
		if Figures[i].Key == key {
			return &Figures[i]
		}
	}
	return nil
}
