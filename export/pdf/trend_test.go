package pdf

import (
	"strings"
	"testing"

	"xxgk"
	"xxgk/rollup"
)

// A roll-up of several years of the same agencies ends with 历年趋势: the
// totals per year, the chart, the agencies' requests per year.
func TestRollupTrend(t *testing.T) {
	var reports []*xxgk.Report
	for _, n := range []string{"pingtan-2012-zone.txt", "pingtan-2012-county.txt", "pingtan-2013-zone.txt", "pingtan-2013-county.txt"} {
		reports = append(reports, parseFile(t, n))
	}
	ru := rollup.Roll(reports, rollup.Options{Name: "平潭"})
	d := newDoc(Options{}, "test")
	var text strings.Builder
	d.trace = func(s string) { text.WriteString(squeeze(s)) }
	d.rollup(ru)
	if d.f.Err() {
		t.Fatal(d.f.Error())
	}
	all := text.String()
	i := strings.Index(all, "平潭政府信息公开工作年度报告历年趋势")
	if i < 0 {
		t.Fatal("no 历年趋势")
	}
	trend := all[i:]
	received := "本年新收政府信息公开申请数（件）"
	for _, want := range []string{"一、主要指标历年合计", "指标2012年2013年", "报告单位数22", "二、申请数和办结数", "2012年", "三、各单位新收申请数",
		received + totalText(ru.Years[0].Figures["requests.received"]) + totalText(ru.Years[1].Figures["requests.received"])} {
		if !strings.Contains(trend, want) {
			t.Errorf("历年趋势 lacks %q", want)
		}
	}
	for _, a := range ru.Years[0].Agencies {
		if !strings.Contains(trend, a.Agency+valueText(a.Figures["requests.received"])) {
			t.Errorf("历年趋势 lacks %s's requests", a.Agency)
		}
	}
}
