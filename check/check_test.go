package check_test

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"xxgk"
	"xxgk/check"
	"xxgk/internal/samples"
	"xxgk/templates"
)

func parseFile(t *testing.T, name string) *xxgk.Report {
	t.Helper()
	return samples.Parse(t, name)
}

func rules(fs []xxgk.Finding) map[string]int {
	m := map[string]int{}
	for _, f := range fs {
		m[f.Rule]++
	}
	return m
}

// Seed 002's tables pass every identity; its prose/table disagreement on
// litigation is reported (by the reader, whose findings check passes on).
func TestSeed002(t *testing.T) {
	r := parseFile(t, "seed-002.txt")
	if fs := check.Report(r); len(fs) != 0 {
		t.Errorf("findings on seed 002's own numbers: %v", fs)
	}
	found := false
	for _, f := range r.Findings {
		found = found || f.Rule == "prose_table_conflict" && len(f.Keys) == 1 && f.Keys[0] == "litigation.other" &&
			strings.Contains(f.Evidence, "其他情形数1件")
	}
	if !found {
		t.Errorf("the litigation disagreement is not reported: %v", r.Findings)
	}
}

// Every sample report whose tables read cleanly passes its identities.
func TestSamplesBalance(t *testing.T) {
	for _, name := range []string{"pingtan-2025-zone-html.html", "pingtan-2025-zone.txt", "seed-002-gbk.txt", "page-08.txt", "pingtan-2014-zone-html.html"} {
		if fs := check.Report(parseFile(t, name)); len(fs) != 0 {
			t.Errorf("%s: %v", name, fs)
		}
	}
}

func TestUnbalancedTable3(t *testing.T) {
	r := parseFile(t, "unbalanced-2025-html.html")
	got := rules(check.Report(r))
	for _, rule := range []string{"t3_balance", "t3_results_total", "t3_total_col"} {
		if got[rule] != 1 {
			t.Errorf("%s: %d findings, want 1 (all: %v)", rule, got[rule], got)
		}
	}
	for _, f := range check.Report(r) {
		if f.Rule != "t3_balance" {
			continue
		}
		for _, want := range []string{"“总计”栏", "154 + 0 = 154", "142 + 6 = 148", "相差 6", "报告本身的数字不一致"} {
			if !strings.Contains(f.Message, want) {
				t.Errorf("message lacks %q: %s", want, f.Message)
			}
		}
		if f.Severity != xxgk.SeverityError || len(f.Keys) != 4 || f.Keys[2] != "gov_2021.t3_requests.results_total.total" {
			t.Errorf("finding = %+v", f)
		}
	}
	// The finding is in the model, so every output shows it.
	if rules(r.Findings)["t3_balance"] != 1 {
		t.Error("parse does not carry the audit's findings")
	}
}

func TestBlankAndSplitSaySo(t *testing.T) {
	r := parseFile(t, "pingtan-2025-zone-html.html")
	k := "gov_2021.t3_requests.results_total.total"
	v := r.Cells[k]
	v.Value, v.Blank, v.Split = xxgk.Int(0), true, true
	r.Cells[k] = v
	var msg string
	for _, f := range check.Report(r) {
		if f.Rule == "t3_balance" {
			msg = f.Message
		}
	}
	if !strings.Contains(msg, "1 个空白格按 0 计") || !strings.Contains(msg, "可能是读取有误") {
		t.Errorf("message = %q", msg)
	}
}

func TestMissingIsNotZero(t *testing.T) {
	r := parseFile(t, "pingtan-2025-zone-html.html")
	delete(r.Cells, "gov_2021.t3_requests.results_total.total")
	delete(r.Cells, "gov_2021.t3_requests.granted.natural_person")
	if fs := check.Report(r); len(fs) != 0 {
		t.Errorf("a missing cell was taken as 0: %v", fs)
	}
}

func TestNonNegative(t *testing.T) {
	r := parseFile(t, "pingtan-2025-zone-html.html")
	r.Cells["gov_2021.t3_requests.denied_state_secret.other_org"] = xxgk.Value{Value: xxgk.Int(-1)}
	if got := rules(check.Report(r)); got["t3_non_negative"] != 1 {
		t.Errorf("negative cell: %v", got)
	}
}

func prose(s string, text string) xxgk.Value {
	return xxgk.Value{Value: xxgk.MustNumber(s), Evidence: xxgk.Evidence{Method: xxgk.MethodProse, Text: text}}
}

func TestFigureRules(t *testing.T) {
	r := xxgk.NewReport(xxgk.Source{Path: "x.txt"})
	r.Year = 2015
	r.Figures["review.total"] = prose("3", "收到行政复议3件")
	r.Figures["review.upheld"] = prose("5", "维持5件")
	r.Figures["proactive.total"] = prose("234", "本街道历年累计主动公开政府信息234条")
	r.Figures["requests.received"] = prose("9", "2015年累计受理申请9件")
	got := rules(check.Report(r))
	if got[xxgk.RuleFigureSubset] != 1 || got[xxgk.RuleFigureCumulative] != 1 || len(got) != 2 {
		t.Errorf("findings: %v", got)
	}
	// Both from the table: the form's identities judge them.
	r = xxgk.NewReport(xxgk.Source{})
	r.Figures["review.total"] = xxgk.Value{Value: xxgk.Int(3), Evidence: xxgk.Evidence{Method: xxgk.MethodTable}}
	r.Figures["review.upheld"] = xxgk.Value{Value: xxgk.Int(5), Evidence: xxgk.Evidence{Method: xxgk.MethodTable}}
	if fs := check.Report(r); len(fs) != 0 {
		t.Errorf("table figures: %v", fs)
	}
}

// A pair of consecutive years made from one corpus report: the 2025 report
// and a copy of it as the agency's 2024 report, whose 结转下年度 (6 in total)
// is not the 2025 上年结转 (0).
func TestCarryOver(t *testing.T) {
	next := parseFile(t, "pingtan-2025-zone-html.html")
	prev := *next
	prev.Year, prev.Source.Path = 2024, "2024.html"
	prev.Cells = maps.Clone(next.Cells)
	fs := check.Series([]*xxgk.Report{next, &prev})
	cols := map[string]bool{}
	for _, f := range fs {
		if f.Report != next || f.Rule != xxgk.RuleCarryOver || f.Severity != xxgk.SeverityError {
			t.Errorf("finding = %+v", f)
		}
		cols[f.Keys[1]] = true
		if strings.HasSuffix(f.Keys[1], ".total") &&
			(!strings.Contains(f.Message, "2024年报告“总计”栏“四、结转下年度继续办理”为 6") || !strings.Contains(f.Message, "为 0")) {
			t.Errorf("message = %s", f.Message)
		}
	}
	want := []string{"natural_person", "commercial_enterprise", "total"}
	if len(cols) != len(want) {
		t.Errorf("columns = %v, want %v", cols, want)
	}
	for _, c := range want {
		if !cols["gov_2021.t3_requests.carried_over."+c] {
			t.Errorf("no finding for column %s", c)
		}
	}

	// Carried over as it should be: nothing to report.
	for k, v := range next.Cells {
		if rest, ok := strings.CutPrefix(k, "gov_2021.t3_requests.carried_to_next_year."); ok {
			prev.Cells["gov_2021.t3_requests.carried_to_next_year."+rest] = next.Cells["gov_2021.t3_requests.carried_over."+rest]
			_ = v
		}
	}
	if fs := check.Series([]*xxgk.Report{&prev, next}); len(fs) != 0 {
		t.Errorf("balanced pair: %v", fs)
	}
	// Not consecutive, or another agency: not compared.
	prev.Year = 2023
	if fs := check.Series([]*xxgk.Report{&prev, next}); len(fs) != 0 {
		t.Errorf("2023 and 2025 compared: %v", fs)
	}
}

func TestCarryOverFigures(t *testing.T) {
	a := xxgk.NewReport(xxgk.Source{Path: "a"})
	a.Agency, a.Year = "某局", 2012
	a.Figures["requests.carried_forward"] = prose("3", "结转下年度办理3件")
	b := xxgk.NewReport(xxgk.Source{Path: "b"})
	b.Agency, b.Year = "某 局", 2013
	b.Figures["requests.carried_over"] = prose("2", "上年结转2件")
	fs := check.Series([]*xxgk.Report{a, b})
	if len(fs) != 1 || fs[0].Report != b || !strings.Contains(fs[0].Message, "可能是读取有误") {
		t.Errorf("findings = %+v", fs)
	}
}

// A 其中 row must not exceed its parent: by the form's own <= identity
// (stat_2014), or, in a local form without machine-readable identities, by
// the rule its layout implies.
func TestSubRow(t *testing.T) {
	r := parseFile(t, "seed-002.txt")
	key := "stat_2014.stat.press_conferences_principal.value"
	parent := r.Cells["stat_2014.stat.press_conferences.value"]
	r.Cells[key] = xxgk.Value{Value: parent.Value.Add(xxgk.Int(1))}
	n := 0
	for _, f := range check.Report(r) {
		if slices.Contains(f.Keys, key) {
			n++
			if f.Rule == xxgk.RuleSubRow || !strings.Contains(f.Message, "前者不应大于后者") {
				t.Errorf("finding = %+v", f)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d findings on %s, want 1", n, key)
	}

	form := templates.FormByID("local_2008_shanghai_style")
	tb := form.Tables[0]
	local := xxgk.NewReport(xxgk.Source{})
	local.Form = form.ID
	col := tb.DataColumns()[0].Key
	local.Cells[tb.CellKey("c01", col)] = xxgk.Value{Value: xxgk.Int(5)}
	local.Cells[tb.CellKey("c02", col)] = xxgk.Value{Value: xxgk.Int(7)}
	got := check.Report(local)
	if len(got) != 1 || got[0].Rule != xxgk.RuleSubRow || got[0].Severity != xxgk.SeverityWarning ||
		!strings.Contains(got[0].Message, "= 7，而") {
		t.Errorf("local form findings = %+v", got)
	}
	local.Cells[tb.CellKey("c02", col)] = xxgk.Value{Value: xxgk.Int(5)}
	if got := check.Report(local); len(got) != 0 {
		t.Errorf("equal part and whole: %+v", got)
	}
}

// TestSeriesCells: reports holding only their SeriesCells give the same
// carry-over findings as the whole reports (a large roll-up keeps no more).
func TestSeriesCells(t *testing.T) {
	next := parseFile(t, "pingtan-2025-zone-html.html")
	prev := *next
	prev.Year, prev.Source.Path = 2024, "2024.html"
	prev.Cells = maps.Clone(next.Cells)
	whole := check.Series([]*xxgk.Report{next, &prev})
	if len(whole) == 0 {
		t.Fatal("no carry-over finding to compare")
	}
	slimNext, slimPrev := *next, prev
	slimNext.Cells, slimPrev.Cells = check.SeriesCells(next), check.SeriesCells(&prev)
	if n := len(slimNext.Cells); n == 0 || n >= len(next.Cells) {
		t.Errorf("SeriesCells kept %d of %d cells", n, len(next.Cells))
	}
	slim := check.Series([]*xxgk.Report{&slimNext, &slimPrev})
	if len(slim) != len(whole) {
		t.Fatalf("%d findings from the series cells, %d from the whole reports", len(slim), len(whole))
	}
	for i := range whole {
		if !reflect.DeepEqual(slim[i].Finding, whole[i].Finding) {
			t.Errorf("finding %d = %+v, want %+v", i, slim[i].Finding, whole[i].Finding)
		}
	}
}
