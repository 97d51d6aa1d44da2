package rollup

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"xxgk"
)

func TestReadRoster(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("单位名称,分组\r\n县教育局,县直部门\r\n城关镇,乡镇街道\r\n县财政局,县直部门\r\n")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"gbk":          gbk,
		"utf-8 BOM":    "\uFEFF单位名称,分组\n县教育局,县直部门\n城关镇,乡镇街道\n县财政局,县直部门\n",
		"utf-8":        "县教育局,县直部门\n\n城关镇,乡镇街道\n县财政局,县直部门\n",
		"serials":      "1,县教育局,县直部门\n2,城关镇,乡镇街道\n3,县财政局,县直部门\n",
		"header order": "序号\t分组\t单位\n1\t县直部门\t县教育局\n2\t乡镇街道\t城关镇\n3\t县直部门\t县财政局\n",
	} {
		ro, err := ReadRoster([]byte(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var got []string
		for _, e := range ro.Entries {
			got = append(got, e.Name+"/"+e.Group)
		}
		if want := []string{"县教育局/县直部门", "城关镇/乡镇街道", "县财政局/县直部门"}; !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	ro, err := ReadRoster([]byte("甲局\n乙局\n"))
	if err != nil || len(ro.Entries) != 2 || ro.Entries[1].Group != "" || ro.Entries[1].Line != 2 {
		t.Errorf("names only: %+v %v", ro, err)
	}
}

func TestReadRosterRefused(t *testing.T) {
	for data, want := range map[string]string{
		"甲局,一组\n乙局,二组\n甲局,二组\n": "“甲局”在第1行分到“一组”，在第3行又分到“二组”",
		"甲局,一组\n乙局,二组\n甲局,一组\n": "“甲局”在第1行和第3行重复",
		"甲局\n乙局\n甲 局\n":         "在第1行和第3行重复",
		"甲局\nＡ局\nA局\n":          "在第2行和第3行重复",
		"甲局,一组\n,二组\n丙局,一组\n":   "第2行没有单位名称",
		"单位名称,分组\n":             "名单中没有单位",
		"甲局\n乙局\n甲局\n乙局\n丙局\n":  "“甲局”在第1行和第3行重复；“乙局”在第2行和第4行重复",
	} {
		_, err := ReadRoster([]byte(data))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadRoster(%q) = %v, want an error with %q", data, err, want)
		}
	}
}

func TestRosterMatch(t *testing.T) {
	ro := NewRoster([]RosterEntry{
		{Name: "财政局"}, {Name: "江宁区人民政府"}, {Name: "教育局"}, {Name: "秦淮区教育局"},
		{Name: "ＸＸ街道"}, {Name: "公安局"}, {Name: "县人民政府办公室"}, {Name: "县人民政府"},
		{Name: "平潭综合实验区管委会"},
	})
	for name, want := range map[string]string{
		"财政局":        "财政局",
		"江宁区财政局":     "财政局",      // full name vs the roster's short one
		"南京市江宁区财政局":  "财政局",      // longer still
		"江宁区":        "江宁区人民政府",  // 人民政府 suffix
		"江宁区政府":      "江宁区人民政府",  // 政府 for 人民政府
		"江宁区人民政府办公室": "江宁区人民政府",  // the office publishing its government's report
		"XX街道":       "ＸＸ街道",     // full-width
		" 财 政 局 ":    "财政局",      // spaces
		"县人民政府办公室":   "县人民政府办公室", // the exact name wins over a shorter form
		"县人民政府":      "县人民政府",
		"江宁区森林公安局":   "", // 森林 is no place: not 公安局
		"卫生健康委员会":    "", // nothing in common
		"秦淮区教育局":     "秦淮区教育局",
		"江宁区教育局":     "教育局",
		"平潭县人民政府教育局": "", // 平潭县人民政府 + 教育局: no rule; left alone
	} {
		i, amb := ro.Match(name)
		got := ""
		if i >= 0 {
			got = ro.Entries[i].Name
		}
		if got != want {
			t.Errorf("Match(%q) = %q (ambiguous %v), want %q", name, got, ro.names(amb), want)
		}
	}
	// A short name, on a roster with two agencies of that name in
	// different places, is ambiguous.
	ro = NewRoster([]RosterEntry{{Name: "江宁区财政局"}, {Name: "秦淮区财政局"}})
	if i, amb := ro.Match("财政局"); i >= 0 || len(amb) != 2 {
		t.Errorf("财政局 on a roster of two: %d %v, want ambiguous between both", i, amb)
	}
	if got := ro.Closest("江宁财政局"); len(got) == 0 || got[0] != "江宁区财政局" {
		t.Errorf("closest = %q", got)
	}
	// Two governments have 人民政府 in common, not a name.
	ro = NewRoster([]RosterEntry{{Name: "平潭县人民政府"}, {Name: "八道江区教育局"}})
	if got := ro.Closest("八道江区人民政府"); len(got) != 1 || got[0] != "八道江区教育局" {
		t.Errorf("closest = %q", got)
	}
}

func TestRollWithRoster(t *testing.T) {
	ro := NewRoster([]RosterEntry{
		{Name: "县教育局", Group: "县直部门"}, {Name: "县财政局", Group: "县直部门"},
		{Name: "城关镇", Group: "乡镇"}, {Name: "白沙镇", Group: "乡镇"}, {Name: "县民政局", Group: "县直部门"},
	})
	fig := func(n string) map[string]xxgk.Value { return map[string]xxgk.Value{"requests.received": val(n)} }
	blank := report("blank.xlsx", "县民政局", 2023, "gov_2021", nil, nil)
	blank.Source.Kind = "xlsx"
	blank.Findings = []xxgk.Finding{{Rule: xxgk.RuleBlankForm, Severity: xxgk.SeverityWarning}}
	notice := report("notice.html", "县政府办", 2023, "gov_2021", nil, nil)
	notice.Findings = []xxgk.Finding{{Rule: xxgk.RuleNotReport, Severity: xxgk.SeverityWarning, Evidence: "关于报送年度报告的通知"}}
	ru := Roll([]*xxgk.Report{
		report("a.html", "某某县城关镇人民政府", 2023, xxgk.FormNarrative, fig("1"), nil),
		report("b.html", "某某县财政局", 2023, xxgk.FormNarrative, fig("2"), nil),
		report("c.html", "县财政局", 2023, xxgk.FormNarrative, fig("2"), nil), // the same agency again
		report("d.html", "县水利局", 2023, xxgk.FormNarrative, fig("4"), nil),
		report("e.html", "", 2023, xxgk.FormNarrative, fig("8"), nil),
		blank, notice,
		report("f.html", "县教育局", 2022, xxgk.FormNarrative, fig("16"), nil),
	}, Options{Roster: ro})
	if len(ru.Years) != 2 {
		t.Fatalf("years: %d", len(ru.Years))
	}
	y := ru.Years[1]
	var names []string
	for _, a := range y.Agencies {
		names = append(names, a.Name())
	}
	if want := []string{"县财政局", "城关镇", "县水利局", ""}; !slices.Equal(names, want) {
		t.Errorf("agencies %q, want %q (roster order, then the others)", names, want)
	}
	if y.Expected != 5 || y.Reported != 2 || !slices.Equal(y.Missing, []string{"县教育局", "白沙镇", "县民政局"}) {
		t.Errorf("expected %d reported %d missing %q", y.Expected, y.Reported, y.Missing)
	}
	if len(y.OutsideRoster) != 2 || y.OutsideRoster[0].Agency != "县水利局" || y.OutsideRoster[1].Path != "e.html" {
		t.Errorf("outside = %+v", y.OutsideRoster)
	}
	if g := y.Figures["requests.received"]; !g.Value.Equal(xxgk.Int(15)) || g.Of != 4 {
		t.Errorf("total %+v: the duplicate, the blank form and the notice count nowhere; outside reports do", g)
	}
	if len(y.Groups) != 2 || y.Groups[0].Name != "县直部门" || y.Groups[1].Name != "乡镇" {
		t.Errorf("groups %+v", y.Groups)
	}
	if len(ru.NotReports) != 2 || ru.NotReports[0].Roster != "县民政局" || !strings.Contains(ru.NotReports[1].Reason, "关于报送年度报告的通知") {
		t.Errorf("not reports %+v", ru.NotReports)
	}
	rules := map[string]int{}
	for _, f := range ru.Findings {
		rules[f.Rule]++
	}
	if rules[xxgk.RuleRollupNotReport] != 2 || rules[xxgk.RuleRollupOutside] != 2 || rules[xxgk.RuleRollupDuplicate] != 1 || rules[xxgk.RuleBlankForm] != 0 {
		t.Errorf("findings by rule: %v", rules)
	}
	if !slices.Equal(ru.Years[0].Missing, []string{"县财政局", "城关镇", "白沙镇", "县民政局"}) {
		t.Errorf("2022 missing %q", ru.Years[0].Missing)
	}

	b, err := json.Marshal(y)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"expected":5`, `"missing":["县教育局","白沙镇","县民政局"]`, `"reported":2`, `"outside_roster":[{"agency":"县水利局"`, `"roster":"县财政局"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	// Without a roster none of the members is written.
	b, _ = json.Marshal(Roll([]*xxgk.Report{report("a", "甲", 2023, xxgk.FormNarrative, nil, nil)}, Options{}).Years[0])
	for _, no := range []string{"expected", "missing", "reported", "outside_roster"} {
		if strings.Contains(string(b), `"`+no+`"`) {
			t.Errorf("JSON without a roster has %s: %s", no, b)
		}
	}
}

func TestRollAllReported(t *testing.T) {
	ro := NewRoster([]RosterEntry{{Name: "甲局"}})
	y := Roll([]*xxgk.Report{report("a", "甲局", 2023, xxgk.FormNarrative, nil, nil)}, Options{Roster: ro}).Years[0]
	b, _ := json.Marshal(y)
	if !strings.Contains(string(b), `"missing":[]`) || !strings.Contains(string(b), `"outside_roster":[]`) {
		t.Errorf("all reported: %s", b)
	}
}

func TestRollAmbiguous(t *testing.T) {
	ro := NewRoster([]RosterEntry{{Name: "江宁区财政局"}, {Name: "秦淮区财政局"}})
	ru := Roll([]*xxgk.Report{report("a", "财政局", 2023, xxgk.FormNarrative, nil, nil)}, Options{Roster: ro})
	y := ru.Years[0]
	if len(y.OutsideRoster) != 1 || !y.OutsideRoster[0].Ambiguous || len(y.OutsideRoster[0].Closest) != 2 || y.Reported != 0 {
		t.Errorf("ambiguous: %+v", y)
	}
	found := false
	for _, f := range ru.Findings {
		found = found || f.Rule == xxgk.RuleRollupAmbiguous && strings.Contains(f.Message, "“江宁区财政局”“秦淮区财政局”")
	}
	if !found {
		t.Errorf("no ambiguity finding: %+v", ru.Findings)
	}
}
