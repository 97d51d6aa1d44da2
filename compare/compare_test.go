package compare

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"xxgk"
	"xxgk/internal/samples"
	"xxgk/load"
	"xxgk/rollup"
)

// parseLocal reads a report of compare/testdata (see its README).
func parseLocal(t *testing.T, name string) *xxgk.Report {
	t.Helper()
	path := filepath.Join("testdata", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := load.Report(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// checkRows checks that every row holds the two reports' own values (no
// value guessed, none lost), and that every figure and cell of either
// report is in a row, compared or not.
func checkRows(t *testing.T, c *Comparison, last, this *xxgk.Report) {
	t.Helper()
	seenLast, seenThis := map[string]bool{}, map[string]bool{}
	for _, list := range [][]Row{c.Rows, c.NotCompared} {
		for _, r := range list {
			lastKey, thisKey := nonEmpty(r.LastKey, r.Key), r.Key
			if r.Last == nil && r.This == nil {
				t.Errorf("%s: a row without values", r.Key)
			}
			check := func(v *xxgk.Value, rep *xxgk.Report, key string, seen map[string]bool, year string) {
				want, ok := valueOf(rep, key)
				switch {
				case v == nil && ok && !slices.Contains(c.NotCompared, r):
					t.Errorf("%s: %s has %s, the row has none", key, year, want.Value)
				case v == nil:
				case !ok:
					t.Errorf("%s: the row's %s value %s is not in the report", key, year, v.Value)
				case !v.Value.Equal(want.Value) || v.Approx != want.Approx || v.Line != want.Line:
					t.Errorf("%s: %s value %+v, the report's %+v", key, year, *v, want)
				default:
					seen[key] = true
				}
			}
			check(r.Last, last, lastKey, seenLast, "last year")
			check(r.This, this, thisKey, seenThis, "this year")
			if d, ok := r.Change(); ok && !d.Equal(r.This.Value.Sub(r.Last.Value)) {
				t.Errorf("%s: change %s, want %s", r.Key, d, r.This.Value.Sub(r.Last.Value))
			}
			if _, ok := r.Change(); ok != (r.Last != nil && r.This != nil) {
				t.Errorf("%s: a change from a year without a value", r.Key)
			}
		}
	}
	for _, side := range []struct {
		r    *xxgk.Report
		seen map[string]bool
	}{{last, seenLast}, {this, seenThis}} {
		for _, k := range slices.Concat(slices.Collect(maps.Keys(side.r.Figures)), slices.Collect(maps.Keys(side.r.Cells))) {
			if !side.seen[k] {
				t.Errorf("%s of %s is in no row", k, side.r.Source.Path)
			}
		}
	}
}

func rules(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

func findings(c *Comparison, rule string) []Finding {
	var out []Finding
	for _, f := range c.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// Consecutive years of one agency from the corpus: every row holds each
// report's own values.
func TestReportsCorpus(t *testing.T) {
	for _, pair := range [][2]string{
		{"pingtan-2012-zone.txt", "pingtan-2013-zone.txt"},
		{"pingtan-2011-zone-html.html", "pingtan-2012-zone-html.html"},
		{"pingtan-2012-county.txt", "pingtan-2013-county.txt"},
		{"pingtan-2025-zone-html.html", "pingtan-2025-zone.txt"}, // one year, two renderings
	} {
		t.Run(pair[0], func(t *testing.T) {
			last, this := samples.Parse(t, pair[0]), samples.Parse(t, pair[1])
			c := Reports(last, this)
			checkRows(t, c, last, this)
			if len(c.Rows) < len(this.Figures) {
				t.Errorf("%d rows for %d figures", len(c.Rows), len(this.Figures))
			}
			if got := findings(c, xxgk.RuleCompareAgency); len(got) > 0 {
				t.Errorf("one agency, yet %v", got)
			}
			if len(c.NotCompared) > 0 {
				t.Errorf("one form, yet %d cells not compared", len(c.NotCompared))
			}
		})
	}
}

// The years of the same report: no change anywhere, a finding on the years.
func TestReportsSameYear(t *testing.T) {
	r := samples.Parse(t, "pingtan-2025-zone-html.html")
	c := Reports(r, samples.Parse(t, "pingtan-2025-zone-html.html"))
	for _, row := range c.Rows {
		if d, ok := row.Change(); !ok || d.Sign() != 0 {
			t.Errorf("%s: change %s %v", row.Key, d, ok)
		}
	}
	if got := rules(c.Findings); !slices.Equal(got, []string{xxgk.RuleCompareYears}) {
		t.Errorf("findings %v", got)
	}
}

// The carry-over fires when, and only when, a column of this year's 上年结转
// differs from last year's 结转下年度继续办理. compare/testdata has 2026
// reports made from the 2025 one: one that carries the 2025 numbers over,
// one that does not.
func TestCarryOver(t *testing.T) {
	last := samples.Parse(t, "pingtan-2025-zone-w3m.txt")
	good := parseLocal(t, "pingtan-2026-w3m.txt")
	c := Reports(last, good)
	checkRows(t, c, last, good)
	if len(c.Findings) != 0 {
		t.Errorf("a report that carries over: findings %v", c.Findings)
	}

	bad := parseLocal(t, "pingtan-2026-unchanged-w3m.txt")
	c = Reports(last, bad)
	got := findings(c, xxgk.RuleCarryOver)
	var cols []string
	for _, f := range got {
		if f.Severity != xxgk.SeverityError || len(f.Keys) != 1 || len(f.LastKeys) != 1 {
			t.Errorf("finding %+v", f)
			continue
		}
		col := f.Keys[0][strings.LastIndex(f.Keys[0], ".")+1:]
		cols = append(cols, col)
		if f.LastKeys[0] != "gov_2021.t3_requests.carried_to_next_year."+col || f.Keys[0] != "gov_2021.t3_requests.carried_over."+col {
			t.Errorf("keys %v, last keys %v", f.Keys, f.LastKeys)
		}
		// The evidence of both years: the two rows of the reports.
		if !strings.Contains(f.Evidence, "上年结转") || !strings.Contains(f.LastEvidence, "结转下年度") || f.Line == 0 || f.LastLine == 0 {
			t.Errorf("evidence %q (line %d), last %q (line %d)", f.Evidence, f.Line, f.LastEvidence, f.LastLine)
		}
	}
	if want := []string{"natural_person", "commercial_enterprise", "total"}; !slices.Equal(cols, want) {
		t.Errorf("carry-over in columns %v, want %v", cols, want)
	}

	// Edited in place: one column of the report that carries over, broken.
	edited := parseLocal(t, "pingtan-2026-w3m.txt")
	key := "gov_2021.t3_requests.carried_over.research_institution"
	v := edited.Cells[key]
	v.Value = xxgk.Int(3)
	edited.Cells[key] = v
	got = findings(Reports(last, edited), xxgk.RuleCarryOver)
	if len(got) != 1 || got[0].Keys[0] != key {
		t.Errorf("one column broken: %v", got)
	}

	// Not consecutive years: not checked, and said so.
	far := parseLocal(t, "pingtan-2026-unchanged-w3m.txt")
	far.Year = 2027
	c = Reports(last, far)
	if got := rules(c.Findings); !slices.Equal(got, []string{xxgk.RuleCompareYears}) {
		t.Errorf("2025 and 2027: findings %v", got)
	}
}

// 表二 of the 2021 form: 现行有效件数 carries over with 本年制发 − 本年废止.
func TestContinuity2021(t *testing.T) {
	last := samples.Parse(t, "pingtan-2025-zone-w3m.txt")
	// 546 + 58 − 45 = 559: the report that carries over says 559.
	if got := findings(Reports(last, parseLocal(t, "pingtan-2026-w3m.txt")), xxgk.RuleCompareContinuity); len(got) != 0 {
		t.Errorf("559 = 546 + 58 - 45, yet %v", got)
	}
	got := findings(Reports(last, parseLocal(t, "pingtan-2026-unchanged-w3m.txt")), xxgk.RuleCompareContinuity)
	if len(got) != 1 {
		t.Fatalf("continuity findings %v", got)
	}
	f := got[0]
	if f.Severity != xxgk.SeverityInfo || f.Keys[0] != "gov_2021.t2_art20_1.admin_normative_docs.in_force" ||
		!slices.Equal(f.LastKeys, []string{"gov_2021.t2_art20_1.admin_normative_docs.in_force"}) {
		t.Errorf("finding %+v", f)
	}
	for _, want := range []string{"546", "58", "45", "559", "相差 13"} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("message %q lacks %q", f.Message, want)
		}
	}
}

// 表二 of the 2019 form: this year's 上一年项目数量 is last year's 上一年项目数量
// + 本年增/减. Two departments (the corpus has no department in two years
// of the 2019 form), compared as if one.
func TestContinuity2019(t *testing.T) {
	last, this := parseLocal(t, "czj-2019.txt"), parseLocal(t, "gyz-2020.txt")
	this.Agency = last.Agency
	c := Reports(last, this)
	checkRows(t, c, last, this)
	checked := 0
	for _, row := range []string{"admin_licensing", "other_external_mgmt_services", "admin_penalty", "admin_coercion", "admin_fees"} {
		for _, table := range []string{"t2_art20_5", "t2_art20_6", "t2_art20_8"} {
			prev, ok1 := last.Cells["gov_2019."+table+"."+row+".items_prev_year"]
			change, ok2 := last.Cells["gov_2019."+table+"."+row+".change_this_year"]
			now, ok3 := this.Cells["gov_2019."+table+"."+row+".items_prev_year"]
			if !ok1 || !ok2 || !ok3 {
				continue
			}
			checked++
			fired := slices.ContainsFunc(findings(c, xxgk.RuleCompareContinuity), func(f Finding) bool {
				return f.Keys[0] == "gov_2019."+table+"."+row+".items_prev_year"
			})
			if want := !now.Value.Equal(prev.Value.Add(change.Value)); fired != want {
				t.Errorf("%s %s: %s vs %s + %s: finding %v, want %v", table, row, now.Value, prev.Value, change.Value, fired, want)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no 上一年项目数量 in both reports")
	}
}

// A 2019-form year against a 2021-form year: the cells the forms share are
// compared (keyed by this year's form, last year's key beside), the others
// listed as not compared, and a finding says which.
func TestFormsDiffer(t *testing.T) {
	last, this := parseLocal(t, "gyz-2020.txt"), parseLocal(t, "jtj-2021.txt")
	if last.Form != "gov_2019" || this.Form != "gov_2021" {
		t.Fatalf("forms %s, %s", last.Form, this.Form)
	}
	c := Reports(last, this)
	checkRows(t, c, last, this)
	shared := 0
	for _, r := range c.Rows {
		if r.Kind != KindCell {
			continue
		}
		shared++
		if !strings.HasPrefix(r.Key, "gov_2021.") || r.LastKey != "gov_2019."+strings.TrimPrefix(r.Key, "gov_2021.") {
			t.Errorf("row keys %s, %s", r.Key, r.LastKey)
		}
	}
	if shared < 100 {
		t.Errorf("%d shared cells compared", shared)
	}
	var lastOnly, thisOnly int
	for _, r := range c.NotCompared {
		switch {
		case r.Last != nil && r.This == nil && strings.HasPrefix(r.Key, "gov_2019."):
			lastOnly++
		case r.This != nil && r.Last == nil && strings.HasPrefix(r.Key, "gov_2021."):
			thisOnly++
		default:
			t.Errorf("not compared %+v", r)
		}
	}
	// 表二 of either form, 其他处理 (one row in 2019, three in 2021).
	for _, key := range []string{"gov_2019.t2_art20_1.rules.new_made_this_year", "gov_2021.t2_art20_1.admin_normative_docs.in_force",
		"gov_2019.t3_requests.other_handling.total", "gov_2021.t3_requests.other_other.total"} {
		if r := c.Row(key); r == nil || !slices.Contains(c.NotCompared, *r) {
			t.Errorf("%s is not among the cells not compared", key)
		}
	}
	got := findings(c, xxgk.RuleCompareForms)
	if len(got) != 1 {
		t.Fatalf("forms findings %v", got)
	}
	for _, want := range []string{"2019年格式", "2021年格式", "表二 规章／本年新制作数量", "表二 规章／本年制发件数"} {
		if !strings.Contains(got[0].Message, want) {
			t.Errorf("message %q lacks %q", got[0].Message, want)
		}
	}
	if a := findings(c, xxgk.RuleCompareAgency); len(a) != 1 || !strings.Contains(a[0].Message, "国有资产管理局") {
		t.Errorf("agency findings %v", a)
	}
	// Carry-over between the forms: both have 表三.
	if len(findings(c, xxgk.RuleCarryOver)) > 0 {
		carried := c.Row("gov_2021.t3_requests.carried_over.total")
		t.Errorf("carry-over fired: %+v", carried)
	}
}

// Forms without a cell in common: figures only.
func TestFormsApart(t *testing.T) {
	last, this := samples.Parse(t, "pingtan-2017-zone.txt"), samples.Parse(t, "pingtan-2025-zone-html.html")
	c := Reports(last, this)
	checkRows(t, c, last, this)
	for _, r := range c.Rows {
		if r.Kind != KindFigure {
			t.Errorf("cell %s compared across fj_2014_2018 and gov_2021", r.Key)
		}
	}
	if got := findings(c, xxgk.RuleCompareForms); len(got) != 1 || !strings.Contains(got[0].Message, "没有对应的格") {
		t.Errorf("forms findings %v", got)
	}
	if got := findings(c, xxgk.RuleCompareYears); len(got) != 1 {
		t.Errorf("2017 and 2025: %v", got)
	}
}

func value(s string, approx bool) *xxgk.Value {
	return &xxgk.Value{Value: xxgk.MustNumber(s), Approx: approx}
}

// Changes and percentages are exact decimals; a year without a value, or a
// last year of 0, gives none.
func TestChange(t *testing.T) {
	for _, tc := range []struct {
		last, this  *xxgk.Value
		change, pct string // "" none
		approx      bool
	}{
		{value("154", false), value("180", false), "26", "16.9", false},
		{value("3", false), value("1", false), "-2", "-66.7", false},
		{value("2", false), value("3", false), "1", "50", false},
		{value("1", false), value("0.995", false), "-0.005", "-0.5", false},
		{value("4166.241619", false), value("5000.5", false), "834.258381", "20", false},
		{value("0", false), value("6", false), "6", "", false},
		{value("7700", true), value("8000", false), "300", "3.9", true},
		{nil, value("6", false), "", "", false},
		{value("6", false), nil, "", "", false},
		{value("-185", false), value("-37", false), "148", "80", false},
	} {
		r := Row{Last: tc.last, This: tc.this}
		d, ok := r.Change()
		if got := map[bool]string{true: d.String(), false: ""}[ok]; got != tc.change {
			t.Errorf("%v → %v: change %q, want %q", tc.last, tc.this, got, tc.change)
		}
		p, ok := r.ChangePct()
		if got := map[bool]string{true: p.String(), false: ""}[ok]; got != tc.pct {
			t.Errorf("%v → %v: percent %q, want %q", tc.last, tc.this, got, tc.pct)
		}
		if r.Approx() != tc.approx {
			t.Errorf("%v → %v: approx %v", tc.last, tc.this, r.Approx())
		}
	}
}

// Swings: more than half and at least the unit's threshold; from 0 by the
// threshold; small numbers never.
func TestSwings(t *testing.T) {
	for _, tc := range []struct {
		unit, last, this string
		swing            bool
	}{
		{"件", "154", "400", true},
		{"件", "154", "200", false}, // +29.9%
		{"件", "400", "154", true},
		{"件", "2", "5", false}, // +150%, but 3 件
		{"件", "0", "20", true},
		{"件", "0", "9", false},
		{"件", "12", "0", true},
		{"元", "100", "900", false}, // 800 元
		{"元", "1000", "5000", true},
	} {
		c := &Comparison{Rows: []Row{{Kind: KindFigure, Key: "requests.received", Label: "本年新收政府信息公开申请数", Unit: tc.unit,
			Last: value(tc.last, false), This: value(tc.this, false)}}}
		c.swings()
		if got := len(c.Findings) == 1; got != tc.swing {
			t.Errorf("%s → %s %s: swing %v, want %v (%v)", tc.last, tc.this, tc.unit, got, tc.swing, c.Findings)
		}
	}
}

// The JSON of MODEL.md: last and this with source, agency and year; rows
// with key, label, last, this, change, change_pct (null where there is
// none); findings.
func TestJSON(t *testing.T) {
	last := samples.Parse(t, "pingtan-2025-zone-w3m.txt")
	this := parseLocal(t, "pingtan-2026-unchanged-w3m.txt")
	delete(this.Figures, "proactive.total")
	this.Year = 0
	b, err := json.Marshal(Reports(last, this))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Last, This  map[string]any
		Rows        []map[string]any
		NotCompared []map[string]any `json:"not_compared"`
		Findings    []map[string]any
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Last["year"] != 2025.0 || got.Last["agency"] != "平潭综合实验区" || got.Last["source"] != last.Source.Path || got.Last["form"] != "gov_2021" {
		t.Errorf("last %v", got.Last)
	}
	if y, ok := got.This["year"]; !ok || y != nil {
		t.Errorf("this year %v, want null", got.This["year"])
	}
	if got.NotCompared == nil || got.Findings == nil {
		t.Errorf("not_compared or findings missing: %s", b)
	}
	row := got.Rows[0]
	for _, k := range []string{"kind", "key", "label", "last", "this", "change", "change_pct"} {
		if _, ok := row[k]; !ok {
			t.Errorf("row lacks %s: %v", k, row)
		}
	}
	if row["key"] != "proactive.total" || row["last"] != 7700.0 || row["this"] != nil || row["change"] != nil || row["last_approx"] != true {
		t.Errorf("proactive.total only last year, approximate: %v", row)
	}
	for _, r := range got.Rows {
		if r["key"] == "gov_2021.t2_art20_8.admin_fees.fees_this_year" && string(mustJSON(t, r["last"])) != "4166.241619" {
			t.Errorf("fees %v", r["last"])
		}
	}
	if !strings.Contains(string(b), `"last": 4166.241619`) && !strings.Contains(string(b), `"last":4166.241619`) {
		t.Errorf("decimal not written exactly")
	}
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Two roll-ups: totals with coverage, agencies of both years compared as
// reports, the others listed.
func TestRollups(t *testing.T) {
	roll := func(names ...string) *rollup.Year {
		var rs []*xxgk.Report
		for _, n := range names {
			if strings.HasPrefix(n, "local:") {
				rs = append(rs, parseLocal(t, strings.TrimPrefix(n, "local:")))
				continue
			}
			rs = append(rs, samples.Parse(t, n))
		}
		ru := rollup.Roll(rs, rollup.Options{})
		if len(ru.Years) != 1 {
			t.Fatalf("%v: %d years", names, len(ru.Years))
		}
		return ru.Years[0]
	}
	last := roll("pingtan-2012-zone.txt", "pingtan-2012-county.txt")
	this := roll("pingtan-2013-zone.txt", "pingtan-2013-county.txt")
	c := Rollups("平潭", RollupSide{"2012/", last}, RollupSide{"2013/", this})
	if len(c.Agencies) != 2 || len(c.OnlyLast)+len(c.OnlyThis) != 0 {
		t.Fatalf("%d agencies, %d + %d of one year", len(c.Agencies), len(c.OnlyLast), len(c.OnlyThis))
	}
	for _, a := range c.Agencies {
		for _, r := range a.Findings {
			if r.Agency != a.This.Agency {
				t.Errorf("finding of %s names %q", a.This.Agency, r.Agency)
			}
		}
	}
	if c.Last.Agencies != 2 || c.This.Year != 2013 || c.Last.Agency != "平潭" {
		t.Errorf("sides %+v %+v", c.Last, c.This)
	}
	for _, r := range c.Rows {
		if r.Kind != KindFigure {
			continue
		}
		tl, okl := last.Figures[r.Key]
		tt, okt := this.Figures[r.Key]
		if okl != (r.Last != nil) || okt != (r.This != nil) {
			t.Errorf("%s: present %v %v", r.Key, okl, okt)
			continue
		}
		if okl && (!tl.Value.Equal(r.Last.Value) || r.LastCoverage == nil || r.LastCoverage.Count != tl.Count || r.LastCoverage.Of != tl.Of) {
			t.Errorf("%s: last %v %v, total %v", r.Key, r.Last, r.LastCoverage, tl)
		}
		if okt && !tt.Value.Equal(r.This.Value) {
			t.Errorf("%s: this %v, total %v", r.Key, r.This, tt)
		}
	}

	// An agency of one year only.
	this = roll("pingtan-2013-zone.txt")
	c = Rollups("", RollupSide{"2012/", last}, RollupSide{"2013/", this})
	if len(c.Agencies) != 1 || len(c.OnlyLast) != 1 || c.OnlyLast[0].Agency != "平潭县人民政府" {
		t.Fatalf("agencies %d, only last %+v", len(c.Agencies), c.OnlyLast)
	}
	if got := findings(c, xxgk.RuleCompareUnmatched); len(got) != 1 || !strings.Contains(got[0].Message, "平潭县人民政府") {
		t.Errorf("unmatched findings %v", got)
	}
}

// A roll-up over years follows the agencies that report in several.
func TestTrends(t *testing.T) {
	var rs []*xxgk.Report
	for _, n := range []string{"pingtan-2012-zone.txt", "pingtan-2013-zone.txt", "pingtan-2012-county.txt", "pingtan-2025-zone-html.html", "seed-002.txt"} {
		rs = append(rs, samples.Parse(t, n))
	}
	ru := rollup.Roll(rs, rollup.Options{})
	tr := Trends(ru)
	if tr == nil {
		t.Fatal("no trend")
	}
	if !slices.Equal(tr.Years, []int{2012, 2013, 2016, 2025}) {
		t.Errorf("years %v", tr.Years)
	}
	var zone *TrendAgency
	for i := range tr.Agencies {
		if tr.Agencies[i].Agency == "平潭综合实验区" {
			zone = &tr.Agencies[i]
		}
	}
	if zone == nil || zone.Years != 3 {
		t.Fatalf("zone %+v", zone)
	}
	for i, y := range ru.Years {
		for _, a := range y.Agencies {
			if a.Agency != zone.Agency {
				continue
			}
			for _, k := range KeyFigures {
				v, ok := a.Figures[k]
				if got := zone.Values[k][i]; ok != (got != nil) || ok && !got.Value.Equal(v.Value) {
					t.Errorf("%d %s: %v, report %v", y.Year, k, got, v)
				}
			}
		}
		for _, k := range KeyFigures {
			tot, ok := y.Figures[k]
			if got := tr.Totals[k][i]; ok != (got != nil) || ok && !got.Value.Equal(tot.Value) {
				t.Errorf("%d total %s: %v, roll-up %v", y.Year, k, got, tot)
			}
		}
	}
	// No agency in two years: nothing to follow.
	if tr := Trends(rollup.Roll([]*xxgk.Report{samples.Parse(t, "seed-002.txt"), samples.Parse(t, "pingtan-2025-zone-html.html")}, rollup.Options{})); tr != nil {
		t.Errorf("trend of two agencies in two years: %+v", tr)
	}
}

// TestTrendsRoster: with a roster, an agency that names itself two ways
// over the years (平潭综合实验区 / 平潭综合实验区管委会) is one series,
// named as the roster names it.
func TestTrendsRoster(t *testing.T) {
	r12, r13 := samples.Parse(t, "pingtan-2012-zone.txt"), samples.Parse(t, "pingtan-2013-zone.txt")
	renamed := *r13
	renamed.Agency = "平潭综合实验区管委会"
	roster := rollup.NewRoster([]rollup.RosterEntry{{Name: "平潭综合实验区管理委员会", Line: 1}})
	tr := Trends(rollup.Roll([]*xxgk.Report{r12, &renamed}, rollup.Options{Roster: roster}))
	if tr == nil || len(tr.Agencies) != 1 || tr.Agencies[0].Agency != "平潭综合实验区管理委员会" || tr.Agencies[0].Years != 2 {
		t.Fatalf("trend %+v", tr)
	}
}
