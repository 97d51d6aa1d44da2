package templates

import (
	"strings"
	"testing"
)

func TestSpecIsConsistent(t *testing.T) {
	forms := Forms()
	if len(forms) < 6 {
		t.Fatalf("%d forms", len(forms))
	}
	for _, f := range forms {
		for _, tab := range f.Tables {
			if len(tab.DataRows()) == 0 || len(tab.DataColumns()) == 0 {
				t.Errorf("%s.%s: %d data rows, %d data columns", f.ID, tab.ID, len(tab.DataRows()), len(tab.DataColumns()))
			}
			for _, c := range tab.DataColumns() {
				if c == nil {
					t.Fatalf("%s.%s: data_columns_in_order names a missing column", f.ID, tab.ID)
				}
			}
			for _, r := range tab.Rows {
				if r.Parent != "" && tab.Row(r.Parent) == nil {
					t.Errorf("%s.%s.%s: parent %q missing", f.ID, tab.ID, r.Key, r.Parent)
				}
				if p := r.Pattern(); !p.Unlabelled && (len(p.Alts) == 0 || p.Alts[0] == "") {
					t.Errorf("%s.%s.%s: empty pattern for %q", f.ID, tab.ID, r.Key, r.Label)
				}
			}
			for _, rel := range tab.Relations() {
				for _, c := range rel.Cells() {
					if tab.Row(c.Row) == nil || tab.Column(c.Col) == nil {
						t.Errorf("%s: cell %v does not exist", rel, c)
					}
				}
				if len(rel.RHS) == 0 && rel.Const == "" {
					t.Errorf("%s: no right-hand side", rel)
				}
			}
		}
	}
}

func TestTablesOfForms(t *testing.T) {
	g21 := FormByID("gov_2021")
	t3 := g21.Table("t3_requests")
	if got := len(t3.DataColumns()); got != 7 {
		t.Errorf("t3 data columns = %d, want 7", got)
	}
	if got := len(t3.DataRows()); got != 25 {
		t.Errorf("t3 data rows = %d, want 25", got)
	}
	if got := len(g21.Table("t4_review_litigation").DataColumns()); got != 15 {
		t.Errorf("t4 data columns = %d, want 15", got)
	}
	if k := t3.CellKey("new_received", "total"); k != "gov_2021.t3_requests.new_received.total" {
		t.Errorf("CellKey = %s", k)
	}
	stat := FormByID("stat_2014").Table("stat")
	if cols := stat.DataColumns(); len(cols) != 1 || cols[0].Key != "value" {
		t.Errorf("stat_2014 data columns = %v", cols)
	}
	if got := stat.Unit("special_funds", "value"); got != "万元" {
		t.Errorf("unit = %q", got)
	}
	if tab, row, col, ok := Cell("stat_2014.stat.req_received.value"); !ok || tab != stat || row.Key != "req_received" || col.Key != "value" {
		t.Errorf("Cell lookup failed")
	}
	if _, _, _, ok := Cell("gov_2021.t3_requests.nope.total"); ok {
		t.Errorf("Cell accepted a missing row")
	}
	if FormByID("gov_2019").Covers(2021) || !FormByID("gov_2021").Covers(2025) || !FormByID("stat_2014").Covers(2016) {
		t.Errorf("Covers")
	}
	if cols := FormByID("local_2008_shanghai_style").Tables[0].DataColumns(); len(cols) != 2 {
		t.Errorf("local_2008 data columns = %d, want 2 (period, ytd)", len(cols))
	}
}

func TestRelationsExpand(t *testing.T) {
	t3 := FormByID("gov_2021").Table("t3_requests")
	count := map[string]int{}
	for _, rel := range t3.Relations() {
		count[rel.Identity.ID]++
		if rel.Identity.ID == "t3_balance" && rel.Bound == "total" {
			want := "[{new_received total} {carried_over total}]"
			if got := strings.TrimSpace(strings.ReplaceAll(fmtRefs(rel.LHS), "  ", " ")); got != want {
				t.Errorf("balance LHS = %s, want %s", got, want)
			}
		}
	}
	if count["t3_balance"] != 7 || count["t3_total_col"] != 25 || count["t3_non_negative"] != 25*7 {
		t.Errorf("relation counts = %v", count)
	}
}

func fmtRefs(refs []CellRef) string {
	var parts []string
	for _, r := range refs {
		parts = append(parts, "{"+r.Row+" "+r.Col+"}")
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func TestPatternMatch(t *testing.T) {
	stat := FormByID("stat_2014").Table("stat")
	g21 := FormByID("gov_2021")
	t3 := g21.Table("t3_requests")
	cases := []struct {
		row     *Row
		printed string
		want    bool
	}{
		{stat.Row("ch_gazette"), "1﹒政府公报公开政府信息数", true},
		{stat.Row("ch_website"), "2.政府网站公开政府信息数", true},
		{stat.Row("ch_website"), "政府网站公开政府信息数", true},
		{stat.Row("staff_fulltime"), "1专职人员数(不包括政府公报及政府网站工作人员数)", true},
		{stat.Row("lit_upheld"), "(一)维持具有行政行为或者驳回原告诉讼请求数", true},
		{stat.Row("online_interviews_principal"), "其中:主要负责同志参加政府网站在线访谈次", true},
		{stat.Row("proactive_total"), "(一)主动公开政府信息数", true},
		{stat.Row("proactive_total"), "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", true},
		{stat.Row("proactive_normative_docs"), "其中：主动公开规范性文件数", true},
		{stat.Row("den_not_gov_info"), "不是条例所指政府信息", true},
		{stat.Row("review_upheld"), "(一)维持具体行政行为数", true},
		{stat.Row("review_upheld"), "(一)维持", false},
		{t3.Row("denied_three_safety_one_stability"), "3.危及\"三安全一稳定\"", true},
		{t3.Row("results"), "三、本年度办 理结果", true},
		{t3.Row("partially_granted"), "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", true},
		{t3.Row("granted"), "（三）不予公开", false},
		{t3.Row("other_other"), "3.其它", true},
		{g21.Table("t2_art20_1").Row("admin_normative_docs"), "规范性文件", true},
		{g21.Table("t2_art20_1").Row("admin_normative_docs"), "行政规范性文件", true},
		{FormByID("fj_2014_2018").Tables[0].Row("req_total"), "受理依申请公开信息总数", true},
		{FormByID("fj_2014_2018").Tables[0].Row("website"), "其中：1、政府网站公开数", true},
	}
	for _, tc := range cases {
		if got := tc.row.Pattern().Match(tc.printed); got != tc.want {
			t.Errorf("%s.Match(%q) = %v, want %v (alts %q)", tc.row.Key, tc.printed, got, tc.want, tc.row.Pattern().Alts)
		}
	}
	if !g21.Table("t4_review_litigation").Row("count").Pattern().Unlabelled {
		t.Error("t4 count row should be unlabelled")
	}
}

func TestDepths(t *testing.T) {
	t3 := FormByID("gov_2021").Table("t3_requests")
	if t3.ColumnDepth("commercial_enterprise") != 2 || t3.ColumnDepth("natural_person") != 1 || t3.RowDepth("new_received") != 0 {
		t.Error("depths")
	}
}
