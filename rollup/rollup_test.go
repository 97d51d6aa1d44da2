package rollup

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"xxgk"
	"xxgk/templates"
)

func val(s string) xxgk.Value { return xxgk.Value{Value: xxgk.MustNumber(s)} }

func approx(s string) xxgk.Value { return xxgk.Value{Value: xxgk.MustNumber(s), Approx: true} }

func report(path, agency string, year int, form string, figures, cells map[string]xxgk.Value) *xxgk.Report {
	r := xxgk.NewReport(xxgk.Source{Path: path, SHA256: path})
	r.Agency, r.Year, r.Form = agency, year, form
	for k, v := range figures {
		r.Figures[k] = v
	}
	for k, v := range cells {
		r.Cells[k] = v
	}
	return r
}

func TestRollPerYearWithCoverage(t *testing.T) {
	reports := []*xxgk.Report{
		report("a.txt", "甲局", 2023, "gov_2021", map[string]xxgk.Value{"requests.received": val("10"), "proactive.total": approx("2000")},
			map[string]xxgk.Value{"gov_2021.t3_requests.new_received.total": val("10")}),
		report("b.txt", "乙局", 2023, "gov_2021", map[string]xxgk.Value{"requests.received": val("5"), "fees.collected_yuan": val("0.5")},
			map[string]xxgk.Value{"gov_2021.t3_requests.new_received.total": val("5")}),
		report("c.txt", "丙局", 2023, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": val("7")}, nil),
		report("d.txt", "甲局", 2022, "gov_2021", map[string]xxgk.Value{"requests.received": val("99")}, nil),
	}
	ru := Roll(reports, Options{Name: "某县"})
	if len(ru.Years) != 2 || ru.Years[0].Year != 2022 || ru.Years[1].Year != 2023 {
		t.Fatalf("years = %+v", ru.Years)
	}
	y := ru.Years[1]
	// Without a roster, agencies are in pinyin order: 丙 bǐng, 甲 jiǎ, 乙 yǐ.
	if len(y.Agencies) != 3 || y.Agencies[0].Agency != "丙局" || y.Agencies[1].Agency != "甲局" || y.Agencies[2].Agency != "乙局" {
		t.Errorf("agencies not in pinyin order: %s %s %s", y.Agencies[0].Agency, y.Agencies[1].Agency, y.Agencies[2].Agency)
	}
	want := map[string]Total{
		"requests.received":   {Value: xxgk.MustNumber("15"), Count: 2, Of: 3},
		"proactive.total":     {Value: xxgk.MustNumber("2007"), Count: 2, Of: 3, Approx: true},
		"fees.collected_yuan": {Value: xxgk.MustNumber("0.5"), Count: 1, Of: 3},
	}
	if len(y.Figures) != len(want) {
		t.Errorf("figures = %v", y.Figures)
	}
	for k, w := range want {
		if g := y.Figures[k]; !g.Value.Equal(w.Value) || g.Count != w.Count || g.Of != w.Of || g.Approx != w.Approx {
			t.Errorf("%s = %+v, want %+v", k, g, w)
		}
	}
	if _, ok := y.Figures["review.total"]; ok {
		t.Error("a figure nobody stated has a total")
	}
	// Cells are of the form's agencies only: 2 of the 2 gov_2021 reports.
	if c := y.Cells["gov_2021.t3_requests.new_received.total"]; !c.Value.Equal(xxgk.Int(15)) || c.Count != 2 || c.Of != 2 {
		t.Errorf("cell = %+v", c)
	}
	if len(y.Forms) != 2 || y.Forms[0] != (FormCount{"gov_2021", 2}) || y.Forms[1] != (FormCount{xxgk.FormNarrative, 1}) {
		t.Errorf("forms = %+v", y.Forms)
	}
	if y.Shared != nil {
		t.Errorf("one national form, but shared = %+v", y.Shared)
	}
	if g := ru.Years[0].Figures["requests.received"]; !g.Value.Equal(xxgk.Int(99)) || g.Count != 1 || g.Of != 1 {
		t.Errorf("2022 is summed with 2023: %+v", g)
	}
}

func TestRollSharedCells(t *testing.T) {
	ru := Roll([]*xxgk.Report{
		report("a", "甲", 2020, "gov_2021", nil, map[string]xxgk.Value{
			"gov_2021.t3_requests.granted.total":                        val("3"),
			"gov_2021.t2_art20_1.admin_normative_docs.issued_this_year": val("1"),
		}),
		report("b", "乙", 2020, "gov_2019", nil, map[string]xxgk.Value{
			"gov_2019.t3_requests.granted.total":                    val("4"),
			"gov_2019.t2_art20_1.normative_docs.new_made_this_year": val("2"),
		}),
	}, Options{})
	s := ru.Years[0].Shared
	if s == nil {
		t.Fatal("no shared cells")
	}
	if len(s.Cells) != 1 {
		t.Errorf("shared = %v, want only t3_requests.granted.total", s.Cells)
	}
	if c := s.Cells["t3_requests.granted.total"]; !c.Value.Equal(xxgk.Int(7)) || c.Count != 2 || c.Of != 2 {
		t.Errorf("shared cell = %+v", c)
	}
	if len(s.Only) != 2 || s.Only[0] != (FormCount{"gov_2021", 1}) || s.Only[1] != (FormCount{"gov_2019", 1}) {
		t.Errorf("only = %+v", s.Only)
	}
}

// TestRollDuplicatesOrderFree: which copy of a report is counted depends
// on the copies, not on the order they are given in, and every order gives
// the same roll-up, byte for byte.
func TestRollDuplicatesOrderFree(t *testing.T) {
	fuller := report("b/甲.html", "甲局", 2023, "gov_2021", map[string]xxgk.Value{"requests.received": val("12"), "proactive.total": val("5")}, nil)
	thinner := report("a/甲.html", "甲局", 2023, "gov_2021", map[string]xxgk.Value{"requests.received": val("11")}, nil)
	flagged := report("c/甲.docx", "甲局", 2023, "gov_2021", map[string]xxgk.Value{"requests.received": val("13"), "proactive.total": val("6")}, nil)
	flagged.Findings = []xxgk.Finding{{Rule: xxgk.RuleProseConflict, Severity: xxgk.SeverityWarning, Message: "两处说法不一"}}
	tieA := report("d/乙.html", "乙局", 2023, "gov_2021", map[string]xxgk.Value{"requests.received": val("1")}, nil)
	tieB := report("e/乙.html", "乙局", 2023, "gov_2021", map[string]xxgk.Value{"requests.received": val("2")}, nil)
	tieA.Source.SHA256, tieB.Source.SHA256 = "bbbb", "aaaa"
	all := []*xxgk.Report{fuller, thinner, flagged, tieA, tieB}

	var first []byte
	permute(all, func(order []*xxgk.Report) {
		ru := Roll(order, Options{Unreadable: []Unreadable{{Path: "z.txt", Reason: "空"}, {Path: "y.txt", Reason: "空"}}})
		b, err := json.Marshal(ru)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = b
			y := ru.Years[0]
			if len(y.Agencies) != 2 || y.Agencies[0].Path != "b/甲.html" || y.Agencies[1].Path != "e/乙.html" {
				t.Errorf("counted %s and %s, want b/甲.html (more values, fewer findings) and e/乙.html (smaller SHA-256)",
					y.Agencies[0].Path, y.Agencies[len(y.Agencies)-1].Path)
			}
			for _, f := range ru.Findings {
				if f.Rule == xxgk.RuleRollupDuplicate && !strings.Contains(f.Message, "采用 ") {
					t.Errorf("duplicate finding does not say which copy is used: %s", f.Message)
				}
			}
			return
		}
		if string(b) != string(first) {
			t.Fatalf("the roll-up depends on the order of its inputs:\n%s\n%s", first, b)
		}
	})
}

// permute calls f with every order of rs.
func permute(rs []*xxgk.Report, f func([]*xxgk.Report)) {
	var gen func(k int)
	gen = func(k int) {
		if k == len(rs) {
			f(slices.Clone(rs))
			return
		}
		for i := k; i < len(rs); i++ {
			rs[k], rs[i] = rs[i], rs[k]
			gen(k + 1)
			rs[k], rs[i] = rs[i], rs[k]
		}
	}
	gen(0)
}

func TestRollDuplicates(t *testing.T) {
	a := report("x/甲.html", "甲局", 2023, "gov_2021", map[string]xxgk.Value{"requests.received": val("10")}, nil)
	same := report("y/甲.html", "甲局", 2023, "gov_2021", map[string]xxgk.Value{"requests.received": val("10")}, nil)
	same.Source.SHA256 = a.Source.SHA256
	other := report("甲.xlsx", " 甲 局", 2023, "gov_2021", map[string]xxgk.Value{"requests.received": val("11")}, nil)
	nextYear := report("甲2024.html", "甲局", 2024, "gov_2021", nil, nil)
	ru := Roll([]*xxgk.Report{a, same, other, nextYear}, Options{})
	if n := len(ru.Years[0].Agencies); n != 1 {
		t.Fatalf("%d agencies, want the duplicates counted once", n)
	}
	if g := ru.Years[0].Figures["requests.received"]; !g.Value.Equal(xxgk.Int(10)) || g.Count != 1 {
		t.Errorf("total = %+v", g)
	}
	var msgs []string
	for _, f := range ru.Findings {
		if f.Rule == xxgk.RuleRollupDuplicate {
			msgs = append(msgs, f.Path+" "+f.Message)
		}
	}
	if len(msgs) != 2 || !strings.Contains(msgs[0], "内容完全相同") || !strings.Contains(msgs[1], "requests.received 10/11") {
		t.Errorf("duplicate findings = %q", msgs)
	}
	if len(ru.Years) != 2 {
		t.Error("the next year of the same agency is not a duplicate")
	}
}

func TestRollUnknownYearAndAgency(t *testing.T) {
	ru := Roll([]*xxgk.Report{
		report("a", "", 2023, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": val("1")}, nil),
		report("b", "", 2023, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": val("2")}, nil),
		report("c", "丙", 0, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": val("5")}, nil),
	}, Options{})
	if len(ru.Years) != 2 || ru.Years[1].Year != 0 {
		t.Fatalf("years = %+v", ru.Years)
	}
	if g := ru.Years[0].Figures["proactive.total"]; !g.Value.Equal(xxgk.Int(3)) || g.Of != 2 {
		t.Errorf("two reports without an agency are two agencies: %+v", g)
	}
	found := false
	for _, f := range ru.Findings {
		found = found || f.Rule == xxgk.RuleRollupYearUnknown && f.Path == "c"
	}
	if !found {
		t.Error("no finding for the unknown year")
	}
	b, err := json.Marshal(ru.Years[1])
	if err != nil || !strings.HasPrefix(string(b), `{"year":null,`) {
		t.Errorf("unknown year JSON = %.40s (%v)", b, err)
	}
	b, _ = json.Marshal(ru.Years[0])
	if !strings.HasPrefix(string(b), `{"year":2023,"agencies":`) {
		t.Errorf("year JSON = %.40s", b)
	}
}

func TestRollGroups(t *testing.T) {
	ru := Roll([]*xxgk.Report{
		report("dir/a.html", "甲局", 2023, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": val("1")}, nil),
		report(`dir\b.html`, "乙镇", 2023, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": val("2")}, nil),
		report("c.html", "丙局", 2023, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": val("4")}, nil),
		report("d.html", "丁", 2023, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": val("8")}, nil),
	}, Options{Groups: map[string]string{"甲局": "县直部门", "b.html": "乡镇街道", "丙局": "县直部门"}})
	y := ru.Years[0]
	if len(y.Groups) != 2 || y.Groups[0].Name != "县直部门" || y.Groups[1].Name != "乡镇街道" {
		t.Fatalf("groups = %+v", y.Groups)
	}
	if g := y.Groups[0]; g.Agencies != 2 || !g.Figures["proactive.total"].Value.Equal(xxgk.Int(5)) || g.Figures["proactive.total"].Of != 2 {
		t.Errorf("县直部门 = %+v", g)
	}
	group := map[string]string{}
	for _, a := range y.Agencies {
		group[a.Agency] = a.Group
	}
	if group["乙镇"] != "乡镇街道" || group["丁"] != "" {
		t.Errorf("agency groups: %q %q", group["乙镇"], group["丁"])
	}
	if !y.Figures["proactive.total"].Value.Equal(xxgk.Int(15)) {
		t.Error("the total is not over all agencies")
	}
}

func TestRollOverflow(t *testing.T) {
	huge := xxgk.Value{Value: xxgk.MustNumber("9000000000000000000")}
	ru := Roll([]*xxgk.Report{
		report("a", "甲", 2023, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": huge, "requests.received": val("1")}, nil),
		report("b", "乙", 2023, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": huge, "requests.received": val("2")}, nil),
		report("c", "丙", 2023, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": val("1")}, nil),
	}, Options{})
	y := ru.Years[0]
	if g, ok := y.Figures["proactive.total"]; ok {
		t.Errorf("overflowed total kept: %+v", g)
	}
	if !y.Figures["requests.received"].Value.Equal(xxgk.Int(3)) {
		t.Error("other totals lost")
	}
	n := 0
	for _, f := range ru.Findings {
		if f.Rule == xxgk.RuleRollupOverflow {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d overflow findings, want 1", n)
	}
}

func TestRollGroupSum(t *testing.T) {
	ru := Roll([]*xxgk.Report{
		report("town.html", "城关镇", 2023, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": val("10"), "requests.received": val("3")}, nil),
		report("a.html", "城关镇甲办", 2023, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": val("4"), "requests.received": val("1")}, nil),
		report("b.html", "城关镇乙办", 2023, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": val("5"), "requests.received": val("2")}, nil),
	}, Options{Groups: map[string]string{"城关镇": "城关镇", "城关镇甲办": "城关镇", "城关镇乙办": "城关镇"}})
	var got []string
	for _, f := range ru.Findings {
		if f.Rule == xxgk.RuleRollupGroupSum {
			got = append(got, f.Keys[0])
			if !strings.Contains(f.Message, "为 10") || !strings.Contains(f.Message, "之和为 9") {
				t.Errorf("message = %s", f.Message)
			}
		}
	}
	if len(got) != 1 || got[0] != "proactive.total" {
		t.Errorf("group-sum findings on %v, want proactive.total only (requests add up)", got)
	}
}

func TestSummaryTables(t *testing.T) {
	ru := Roll([]*xxgk.Report{
		report("a", "甲", 2016, "stat_2014", nil, map[string]xxgk.Value{"stat_2014.stat.req_received.value": val("3")}),
		report("b", "乙", 2016, "stat_2014", nil, nil),
		report("c", "丙", 2016, "fj_2014_2018", nil, map[string]xxgk.Value{"fj_2014_2018.stat.req_total.this_year": val("2")}),
		report("d", "丁", 2016, xxgk.FormNarrative, nil, nil),
	}, Options{})
	got := ru.Years[0].SummaryTables()
	if len(got) != 2 || got[0].Form != "stat_2014" || got[1].Form != "fj_2014_2018" || got[0].Shared != nil {
		t.Errorf("tables = %+v", got)
	}
	ru = Roll([]*xxgk.Report{
		report("a", "甲", 2020, "gov_2021", nil, map[string]xxgk.Value{"gov_2021.t3_requests.granted.total": val("1")}),
		report("b", "乙", 2020, "gov_2019", nil, map[string]xxgk.Value{"gov_2019.t3_requests.granted.total": val("1")}),
	}, Options{})
	if got := ru.Years[0].SummaryTables(); len(got) != 1 || got[0].Form != "gov_2021" || got[0].Shared == nil {
		t.Errorf("shared tables = %+v", got)
	}
	if got := Roll([]*xxgk.Report{report("a", "甲", 2012, xxgk.FormNarrative, nil, nil)}, Options{}).Years[0].SummaryTables(); got != nil {
		t.Errorf("narrative only: %+v", got)
	}
}

func TestRowCoverage(t *testing.T) {
	ru := Roll([]*xxgk.Report{
		report("a", "甲", 2023, "gov_2021", nil, map[string]xxgk.Value{
			"gov_2021.t3_requests.granted.total": val("3"), "gov_2021.t3_requests.granted.natural_person": val("3"),
		}),
		report("b", "乙", 2023, "gov_2021", nil, map[string]xxgk.Value{"gov_2021.t3_requests.granted.total": val("4")}),
	}, Options{})
	y := ru.Years[0]
	tab := templates.FormByID("gov_2021").Table("t3_requests")
	for row, want := range map[string]string{"granted": "0～2/2", "new_received": "0/2"} {
		if got := y.RowCoverage(tab, row, nil); got.String() != want || got.Full() {
			t.Errorf("%s: %s (full %v), want %s", row, got, got.Full(), want)
		}
	}
	if c := (Coverage{2, 2, 2}); !c.Full() || c.String() != "2/2" {
		t.Errorf("%v", c)
	}
}
