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
		doc := plaintext.Read("某区2016年政府信息公开工作年度报告\n" + tc.text + "\n")
		got, _ := Figures(doc, 2016, true, nil, xxgk.Source{}.Place)
		v, ok := got[tc.key]
		switch {
		case tc.want == "" && ok:
			t.Errorf("%q: %s = %s, want absent", tc.text, tc.key, v.Value)
		case tc.want != "" && !ok:
			t.Errorf("%q: %s missing", tc.text, tc.key)
		case ok && (!v.Value.Equal(xxgk.MustNumber(tc.want)) || v.Approx != tc.approx):
			t.Errorf("%q: %s = %s (approx %v), want %s (approx %v)", tc.text, tc.key, v.Value, v.Approx, tc.want, tc.approx)
		}
	}
	_ = os.Stdout
}

func TestPinyinGlossesAndTraditional(t *testing.T) {
	doc := plaintext.Read("某鎮2016年政府信息公開工作年度報告\n全年共受理政府信息公開申請(shēn qǐng)5件。\n")
	got, _ := Figures(doc, 2016, true, nil, xxgk.Source{}.Place)
	if v := got["requests.received"]; !v.Value.Equal(xxgk.Int(5)) {
		t.Errorf("requests.received = %v", v.Value)
	}
}
