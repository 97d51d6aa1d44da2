package prose

import (
	"os"
	"testing"

	"xxgk"
	plaintext "xxgk/format/text"
)

func TestProseRules(t *testing.T) {
	cases := []struct {
		text   string
		key    string
		want   string // "" = must be absent
		approx bool
	}{
		{"2012年,全区主动公开政府信息共2917条,其中,区本级公开政府信息62条。", "proactive.total", "2917", false},
		{"2015年度,累计主动公开政府信息23000余条。", "proactive.total", "23000", true},
		{"截至目前,累计主动公开政府信息8000余条。", "proactive.total", "", false},
		{"历年累计主动公开政府信息6000条。", "proactive.total", "", false},
		{"主动公开政府信息较去年增加120条。", "proactive.total", "", false},
		{"2017年，我们将主动公开政府信息3000条以上。", "proactive.total", "", false},
		{"主动公开政府信息的比例达到95%。", "proactive.total", "", false},
		{"全年共受理政府信息公开申请5件,其中通过网络渠道申请的共3件。", "requests.received", "5", false},
		{"全年共受理行政审批事项12000件。", "requests.received", "", false},
		{"“县长信箱”共收到信件1429件。", "requests.received", "", false},
		{"全年共接到咨询电话300余个,收到政府信息公开申请2件。", "requests.received", "2", false},
		{"我区未收到政府信息书面申请。", "requests.received", "0", false},
		{"本年度没有收到任何依申请公开政府信息的申请。", "requests.received", "0", false},
		{"暂不收费。", "fees.collected_yuan", "0", false},
		{"依申请公开政府信息未收取任何费用。", "fees.collected_yuan", "0", false},
		{"尚未有因政府信息公开而申请行政复议、提起诉讼的情况。", "review.total", "0", false},
		{"尚未有因政府信息公开而申请行政复议、提起诉讼的情况。", "litigation.total", "0", false},
		{"尚未有因政府信息公开而申请行政复议、提起诉讼的情况。", "requests.received", "", false},
		{"全年办理因政府信息公开申请引发的行政复议36起,行政诉讼9起。", "review.total", "36", false},
		{"全年办理因政府信息公开申请引发的行政复议36起,行政诉讼9起。", "litigation.total", "9", false},
		{"县政府办从事政府信息公开工作的全职工作人员为2人,平均每个县直机关从事政府信息公开工作的兼职人员为1人。", "staff.fulltime", "2", false},
		{"县政府办从事政府信息公开工作的全职工作人员为2人,平均每个县直机关从事政府信息公开工作的兼职人员为1人。", "staff.parttime", "", false},
		{"区政府2009年度共投入专项资金20余万元,完善政府网站建设。", "funds.special_yuan", "", false},
		{"共办理信息公开行政诉讼7起,其中维持具体行政行为或者驳回原告诉讼请求数6件,其他情形数1件。", "litigation.upheld", "6", false},
		{"共办理信息公开行政诉讼7起,其中维持具体行政行为或者驳回原告诉讼请求数6件,其他情形数1件。", "litigation.other", "1", false},
		{"共办理信息公开行政诉讼7起,其中维持具体行政行为或者驳回原告诉讼请求数6件,其他情形数1件。", "review.upheld", "", false},
		{"因申请内容属于已主动公开范围的5件。", "proactive.total", "", false},
		{"全年主動公開政府資訊1200條。", "proactive.total", "1200", false},
		{"本年度因政府信息公开引起的行政复议和行政诉讼均为零。", "review.total", "0", false},
		{"本年度因政府信息公开引起的行政复议和行政诉讼均为零。", "litigation.total", "0", false},
		{"全年共办理政府信息公开申请12件。", "requests.received", "12", false},
		{"全年共办结政府信息公开申请12件。", "requests.received", "", false},
		{"全年共办结政府信息公开申请12件。", "requests.closed", "12", false},
		{"行政复议为0件,行政诉讼1件。", "review.total", "0", false},
		{"2015年收到申请数为零。", "requests.received", "0", false},
		{"对依申请公开的答复总数21条，其中同意公开答复数17条，其它公开答复数2条，免于公开答复数2条。", "requests.granted", "17", false},
		{"对依申请公开的答复总数21条，其中同意公开答复数17条，其它公开答复数2条，免于公开答复数2条。", "requests.received", "", false},
		{"2011年全区未收到有关政府信息公开的申请，未收到有关政府信息公开行政复议申请。", "requests.received", "0", false},
		{"2011年全区未收到有关政府信息公开的申请，未收到有关政府信息公开行政复议申请。", "review.total", "0", false},
	}
	for _, tc := range cases {
		checkProseRule(t, tc.text, tc.key, tc.want, tc.approx)
	}
	_ = os.Stdout
}

// checkProseRule reads text as the body of a 2016 report and checks figure
// key: want is its value, "" when it must not be read.
func checkProseRule(t *testing.T, text, key, want string, approx bool) {
	t.Helper()
	doc := plaintext.Read("某区2016年政府信息公开工作年度报告\n" + text + "\n")
	got, _ := Figures(doc, FoldedDoc(doc), 2016, nil, func(e xxgk.Evidence) string { return e.Place(xxgk.Source{Kind: "text"}) })
	v, ok := got[key]
	switch {
	case want == "" && ok:
		t.Errorf("%q: %s = %s, want absent", text, key, v.Value)
	case want != "" && !ok:
		t.Errorf("%q: %s missing", text, key)
	case ok && (!v.Value.Equal(xxgk.MustNumber(want)) || v.Approx != approx):
		t.Errorf("%q: %s = %s (approx %v), want %s (approx %v)", text, key, v.Value, v.Approx, want, approx)
	}
}

// TestProseProactiveTotals: the ways reports state the year's proactive
// total (issue 13, class 7), and the counts that look like it and are
// not.
func TestProseProactiveTotals(t *testing.T) {
	const (
		sec  = "二、主动公开政府信息情况\n"
		key  = "proactive.total"
		none = ""
	)
	cases := []struct {
		text, want string
		approx     bool
	}{
		{sec + "2016年，我局主动发布各类政府信息 1365 条。", "1365", false},
		{"（一）主动公开政府信息情况\n全年公开政府信息共 315 条。", "315", false},
		{sec + "本年度公开 246 条政务信息，均在门户网站发布。", "246", false},
		{sec + "全年主动公开 73 份。", "73", false},
		{"全年通过电子屏幕、公告栏等渠道主动发布政府信息共计49条（不同渠道发布的同一信息计为1条）。", "49", false},
		// A 累计 figure is not the year's: in another sentence it is out of
		// scope; beside the year's own it gives way.
		{sec + "截至2016年底，累计主动公开政府信息12000余条。2016年，共主动公开政府信息 187 条。", "187", false},
		{sec + "一年来，累计主动公开政府信息5000余条。全年共主动公开政府信息187条。", "187", false},
		{"2016年，通过门户网站累计主动公开政府信息7700余条。", "7700", true},
		{"一、总体情况\n全年共主动公开政府信息187条。\n二、主动公开政府信息情况\n2016年，本网站累计主动公开政府信息15000条。", "187", false},
		// A kind of a larger count, after 其中.
		{"我局通过门户网站发布信息607条，其中主动公开380份，依申请公开319份。", "380", false},
		{"2016年制作、获取政府信息总数1873条，其中主动公开政府信息425条，不予公开信息数1402条。", "425", false},
		{"全区主动公开政府信息2917条，其中区本级主动公开62条。", "2917", false},
		// Kinds listed in 涵盖…等 say what the information is.
		{"全年累计主动公开涵盖办事程序、人事任免、计划总结、重点领域动态等政府信息135条。", "135", false},
		// A heading about both kinds of disclosure.
		{"（一）加强主动公开和依申请公开办理情况\n2016年，我局主动公开政府信息96条。", "96", false},
		// Under the heading about the quantity, against one unit's count in
		// another subsection.
		{"（一）主动公开政府信息的数量\n2016年主动公开政府信息4970条。\n（二）主动公开政府信息的主要类别\n在互联网上，区公开办主动公开信息数为222条。", "4970", false},

		// Text run together (a page's text, a PDF): the next statement
		// starts right after the unit.
		{"全年主动公开政府信息1200条有效保障了群众的知情权。", "1200", false},
		{"全年主动公开政府信息1200条主要包括政策文件、人事信息。", "1200", false},

		{sec + "2016年，通过门户网站公开政府信息1200条。", "1200", false},
		{"一、总体情况\n2016年，全年公开政府信息共 315 条，收到政府信息公开申请5件。", "315", false},
		{"一、总体情况\n（一）主动公开方面。2016年，我局主动发布各类政府信息 1365 条。", "1365", false},

		// Near misses.
		{sec + "在省政府网站信息公开专栏发布信息514条。", none, false},
		{sec + "通过政府网站公开政府信息800条，通过政务微博发布政府信息300条。", none, false}, // two channels' parts
		{"全年主动公开30项工作。", none, false},                             // 项 counts 工作, not information
		{sec + "2016年，共公开发布信息82条。", none, false},
		{"今年以来，通过门户网站公开政府信息3636条。", none, false}, // a bare 公开 outside the section
		{"二、重点领域政府信息公开情况\n今年以来，通过门户网站公开政府信息3636条。", none, false},
		{sec + "各乡镇公开政府信息1158条。", none, false},
		{sec + "依申请公开政府信息5条。", none, false},
		{sec + "政府信息公开专栏发布政府信息300条。", none, false},
		{"2016年，实验区政府门户网站累计主动公开政府信息7700余条。", none, false}, // the portal's count
		{"2016年，我局门户网站主动公开政府信息300条。", none, false},
		{"其中，主动公开政府信息62条。", none, false}, // a part of the sentence before
		{"全区主动公开政府信息共2917条，其中，区本级公开政府信息62条；各部门公开政府信息1697条；乡（镇）人民政府及街道办事处公开政府信息1158条。", "2917", false},
		{sec + "公开科技创新、营商环境等重点领域信息2000余条。", none, false},
		{"本网站累计主动公开政府信息12000余条。", none, false},
		{"2016年，我局共制作政务信息1233条。", none, false},
		{sec + "公开财政预决算等政府信息15条。", none, false}, // a kind
		{"本网站累计发布信息1万条，其中主动公开8000条。", none, false},
		{"全年共发布信息2000条，较上年增加300条，其中主动公开1500条。", none, false},
		{sec + "2016年，共公开政府信息公开年报1份。", none, false},
		{sec + "发布1份政府信息公开年报。", none, false},
		{"主动公开政府信息公开指南1份。", none, false},
		{sec + "全年公开政府信息共计1500条，其中通过政府网站公开1200条，通过政务新媒体公开300条。", "1500", false},
	}
	for _, tc := range cases {
		checkProseRule(t, tc.text, key, tc.want, tc.approx)
	}
}

// TestProseFeesZero: the ways reports state that no fee was collected
// (issue 13, class 7), and sentences about fees that state no such zero.
func TestProseFeesZero(t *testing.T) {
	const key = "fees.collected_yuan"
	for _, text := range []string{
		"本年度没有产生信息公开处理费。",
		"本年度未产生信息公开处理费。",
		"2016年，无收取信息处理费情况。",
		"六、其他需要报告的事项\n本年度无收取信息处理费情况。",
		"2016年，无收取信息处理费情况，无其他需报告事项。",
		"本报告年度无政府信息公开的收费及减免情况。",
		"我乡暂未对依申请提供政府信息收取检索、复印、邮寄等费用。",
		"我局依申请提供政府信息，不向申请人收取任何费用。",
		"依申请公开政府信息未收取任何费用。",
		// No application, so no fee: the section's whole answer.
		"四、依申请公开政府信息收费及减免情况\n我镇2016年度无申请。",
		"四、政府信息公开的收费及减免情况\n无。",
	} {
		checkProseRule(t, text, key, "0", false)
	}
	for _, text := range []string{
		"无违规收费情况。",
		"申请人逾期未按收费通知要求缴纳费用的，行政机关不再处理其申请。",
		"对无正当理由大量反复申请的情况，依法收取信息处理费。",
		"四、行政事业性收费情况\n全年行政事业性收费未发生变化。",
		"二、主动公开政府信息情况\n无。",
	} {
		checkProseRule(t, text, key, "", false)
	}
}

// TestProsePrecision: numbers bind to their own nouns, and numerals inside
// words are never counts (issue 13, class 8).
func TestProsePrecision(t *testing.T) {
	cases := []struct {
		text, key, want string
	}{
		// Numerals inside words and articles.
		{"进一步规范主动公开工作，把主动公开作为一项常态工作。", "proactive.total", ""},
		{"一是主动公开政府信息，二是做好依申请公开。", "proactive.total", ""},
		{"统一主动公开平台，建成一站式服务。", "proactive.total", ""},
		{"全年主动公开一项重要信息。", "proactive.total", ""},
		{"全年主动公开政府信息一千二百条。", "proactive.total", "1200"},
		{"全年收到政府信息公开申请一件。", "requests.received", "1"},
		// Each number to its noun.
		{"我局安排了2名专职人员和3名兼职人员负责政府信息公开工作。", "staff.fulltime", "2"},
		{"我局安排了2名专职人员和3名兼职人员负责政府信息公开工作。", "staff.parttime", "3"},
		{"我局配备专职人员2名、兼职人员3名，负责政府信息公开工作。", "staff.fulltime", "2"},
		{"我局配备专职人员2名、兼职人员3名，负责政府信息公开工作。", "staff.parttime", "3"},
		{"我局有兼职人员3名、专职人员1名从事政府信息公开工作。", "staff.fulltime", "1"},
		{"我局有兼职人员3名、专职人员1名从事政府信息公开工作。", "staff.parttime", "3"},
		{"因依申请公开引发行政复议1起、行政诉讼2起。", "review.total", "1"},
		{"因依申请公开引发行政复议1起、行政诉讼2起。", "litigation.total", "2"},
		{"收到1份有关政府信息公开的行政复议申请。", "review.total", "1"},
		{"收到1份有关政府信息公开的行政复议申请。", "requests.received", ""},
		{"本报告年度我局收到1条申请政府信息公开的受理件。", "requests.received", "1"},
		{"2016年，我局收到12起政府信息依申请公开，均按时办理。", "requests.received", "12"},
		{"全年收到政府信息公开申请5件，已全部办结。", "requests.received", "5"},
		{"我局有政府信息公开工作人员3名，其中专职1名，兼职2名。", "staff.fulltime", "1"},
		{"我局有政府信息公开工作人员3名，其中专职1名，兼职2名。", "staff.parttime", "2"},
		{"平均每个单位有兼职人员1名从事政府信息公开工作。", "staff.parttime", ""},
		// Not one binding: left out.
		{"我局专职和兼职人员共5名，负责政府信息公开工作。", "staff.fulltime", ""},
		{"我局专职和兼职人员共5名，负责政府信息公开工作。", "staff.parttime", ""},
		{"本年度收到行政复议决定书3份。", "review.total", ""},
		{"全年收到信访件3件政府信息公开申请。", "requests.received", ""},
	}
	for _, tc := range cases {
		checkProseRule(t, tc.text, tc.key, tc.want, false)
	}
}

// TestProseRequestOutcomes: the outcomes of requests stated in prose, with
// the form's words (区分处理, 无法提供, 其他处理) and older ones (免于公开).
func TestProseRequestOutcomes(t *testing.T) {
	const gaj = "2016年，我局收到政府信息公开申请共计8件。其中，同意公开3件，占比37.5%；无法提供4件，占比50%；区分处理后公开1件，占比12.5%。"
	const scj = "共受理政府信息公开申请21件，给予同意公开答复 1 件，不予公开答复3件，区分处理后公开11件，因无法提供相关信息答复2件，不予处理1件，其他处理2件，结转下年度继续办理2件。"
	cases := []struct {
		text, key, want string
	}{
		{gaj, "requests.received", "8"},
		{gaj, "requests.granted", "3"},
		{gaj, "requests.unable", "4"},
		{gaj, "requests.partially_granted", "1"},
		{scj, "requests.granted", "1"},
		{scj, "requests.denied", "3"},
		{scj, "requests.partially_granted", "11"},
		{scj, "requests.unable", "2"},
		{scj, "requests.not_processed", "1"},
		{scj, "requests.other", "2"},
		{scj, "requests.carried_forward", "2"},
		{"对依申请公开的答复总数21条，其中同意公开答复数17条，其它公开答复数2条，免于公开答复数2条。", "requests.denied", "2"},
		// No request in sight: the words are not outcomes.
		{"其中，同意公开3件；无法提供4件。", "requests.unable", ""},
		{"（四）无法提供1.本机关不掌握相关政府信息 0 0 0 0 0 0 0", "requests.unable", ""},
	}
	for _, tc := range cases {
		checkProseRule(t, tc.text, tc.key, tc.want, false)
	}
}

// TestProseReviewZeros: review and litigation stated as none, in a
// sentence or as a section's whole answer.
func TestProseReviewZeros(t *testing.T) {
	const sec = "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n"
	cases := []struct {
		text, key, want string
	}{
		{"本报告年度无政府信息公开申请行政复议、提起行政诉讼的情况。", "review.total", "0"},
		{"本报告年度无政府信息公开申请行政复议、提起行政诉讼的情况。", "litigation.total", "0"},
		{"本报告年度无政府信息公开申请行政复议、提起行政诉讼的情况。", "requests.received", ""},
		{sec + "我镇2016年度无申请。", "review.total", "0"},
		{sec + "我镇2016年度无申请。", "litigation.total", "0"},
		{sec + "无。", "litigation.total", "0"},
		{"五、行政复议情况\n无。", "litigation.total", ""},
		{sec + "我局高度重视行政复议工作，无一例被纠错。", "review.total", ""},
		{"因政府信息公开产生行政复议共2件，未出现结果纠正案件。", "review.total", "2"},
		{"因政府信息公开产生行政复议共2件，未出现结果纠正案件。", "review.corrected", "0"},
		{"因政府信息公开产生行政复议共2件，未出现结果纠正案件。", "litigation.corrected", ""},
		{"对无正当理由大量反复申请的情况，不予处理。", "review.total", ""},
		{"对无正当理由大量反复申请的情况，不予处理。", "requests.received", ""},
		// A none of one outcome is not a none of the total.
		{"全年未出现被纠错的行政复议案件。", "review.total", ""},
		{"全年未出现被纠错的行政复议案件。", "review.corrected", "0"},
		{"本年度无被纠错的行政复议案件。", "review.total", ""},
		{"本年度无一例行政诉讼案件。", "litigation.total", "0"},
		{sec + "行政复议：无。", "litigation.total", ""},
	}
	for _, tc := range cases {
		checkProseRule(t, tc.text, tc.key, tc.want, false)
	}
}

func TestPinyinGlossesAndTraditional(t *testing.T) {
	doc := plaintext.Read("某鎮2016年政府信息公開工作年度報告\n全年共受理政府信息公開申請(shēn qǐng)5件。\n")
	got, _ := Figures(doc, FoldedDoc(doc), 2016, nil, func(e xxgk.Evidence) string { return e.Place(xxgk.Source{Kind: "text"}) })
	if v := got["requests.received"]; !v.Value.Equal(xxgk.Int(5)) {
		t.Errorf("requests.received = %v", v.Value)
	}
}

// TestProseOverviewSentences: sentences in the shape of the 总体情况 of
// 2019 and 2021 form reports, each figure bound to its own words.
func TestProseOverviewSentences(t *testing.T) {
	const received = "2016年，共收到政府信息公开申请45件，上年结转3件，办结46件，结转下年度继续办理2件。"
	const cases6 = "本年度共发生政府信息公开行政复议案件3件，行政诉讼案件2件。"
	const both = "收到行政复议申请2件、行政诉讼1件，均维持原政府信息公开答复。"
	cases := []struct {
		text, key, want string
	}{
		{received, "requests.received", "45"},
		{received, "requests.carried_over", "3"},
		{received, "requests.closed", "46"},
		{received, "requests.carried_forward", "2"},
		{cases6, "review.total", "3"},
		{cases6, "litigation.total", "2"},
		{both, "review.total", "2"},
		{both, "litigation.total", "1"},
		{both, "requests.received", ""},
		{"全年共收取信息处理费200元。", "fees.collected_yuan", "200"},
		{"全年共受理依申请公开3件。", "requests.received", "3"},
		{"全年共办理人大代表建议28件、政协提案15件。", "requests.received", ""},
		{"全年共收到政府信息公开申请23件，同比增长15%。", "requests.received", "23"},
	}
	for _, tc := range cases {
		checkProseRule(t, tc.text, tc.key, tc.want, false)
	}
}

// TestSectionTopic checks that sectionFigures gives no figure for a
// sentence of a topic sectionTopic says no of, whatever its heading.
func TestSectionTopic(t *testing.T) {
	for tp := range topic(len(topicNames)) {
		for _, h := range []string{"", "行政复议", "行政诉讼", "行政复议和行政诉讼", "收费", "四、因政府信息公开申请提起行政复议、行政诉讼的情况"} {
			if figs := sectionFigures(sentence{Topic: tp, Heading: h}); len(figs) > 0 && !sectionTopic(tp) {
				t.Errorf("sectionFigures of a sentence of %v under %q = %q, but sectionTopic(%v) is false", tp, h, figs, tp)
			}
		}
	}
}
