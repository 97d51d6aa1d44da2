package xxgk

import (
	"encoding/json"
	"testing"
)

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0", "0"}, {"2917", "2917"}, {"13,100", "13100"}, {"-185", "-185"},
		{"4166.241619", "4166.241619"}, {"5949.088667", "5949.088667"},
		{"1.50", "1.5"}, {"0.05", "0.05"}, {"+7", "7"},
	} {
		n, err := ParseNumber(tc.in)
		if err != nil {
			t.Fatalf("ParseNumber(%q): %v", tc.in, err)
		}
		if got := n.String(); got != tc.want {
			t.Errorf("ParseNumber(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{"", "-", "1.", ".5", "1e3", "12a", "１２", "99999999999999999999"} {
		if _, err := ParseNumber(bad); err == nil {
			t.Errorf("ParseNumber(%q) accepted", bad)
		}
	}
}

func TestNumberArithmetic(t *testing.T) {
	a, b := MustNumber("24252.311082"), MustNumber("5949.088667")
	if got := a.Add(b).String(); got != "30201.399749" {
		t.Errorf("sum = %s", got)
	}
	if got := a.Sub(a).Sign(); got != 0 {
		t.Errorf("a-a sign = %d", got)
	}
	// 0.1 + 0.2 is exact in decimal, unlike float64.
	if !MustNumber("0.1").Add(MustNumber("0.2")).Equal(MustNumber("0.3")) {
		t.Error("0.1+0.2 != 0.3")
	}
	if got := MustNumber("0.0251").Shift(4).String(); got != "251" {
		t.Errorf("万元→元 = %s", got)
	}
	if got := Int(251000).Shift(-4).String(); got != "25.1" {
		t.Errorf("元→万元 = %s", got)
	}
	if n, ok := MustNumber("922337203685477.5807").CheckedShift(4); !ok || n.String() != "9223372036854775807" {
		t.Errorf("CheckedShift to the largest Number = %s, %v", n, ok)
	}
	if _, ok := Int(922337203685478).CheckedShift(4); ok {
		t.Error("CheckedShift beyond a Number is ok")
	}
	if _, ok := Int(1).CheckedShift(-30); ok {
		t.Error("CheckedShift beyond a Number's decimals is ok")
	}
	if MustNumber("2.5").Cmp(Int(3)) != -1 || Int(3).Cmp(MustNumber("2.5")) != 1 {
		t.Error("Cmp")
	}
	if !Int(7).IsInt() || MustNumber("7.5").IsInt() {
		t.Error("IsInt")
	}
}

func TestNumberJSON(t *testing.T) {
	in := Value{Value: MustNumber("4166.241619"), Unit: "万元", Evidence: Evidence{Method: MethodTable, Text: "x"}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"value":4166.241619,"unit":"万元","approx":false,"method":"table","evidence":"x"}`
	if string(b) != want {
		t.Errorf("got %s\nwant %s", b, want)
	}
	var out Value
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if !out.Value.Equal(in.Value) || out.Unit != "万元" || out.Method != MethodTable {
		t.Errorf("round trip: %+v", out)
	}
}

func TestReportJSON(t *testing.T) {
	r := NewReport(Source{Path: "a.txt", Kind: "text"})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"source", "agency", "year", "published", "form", "figures", "cells", "findings"} {
		if _, ok := m[k]; !ok {
			t.Errorf("member %q missing: %s", k, b)
		}
	}
	if m["year"] != nil {
		t.Errorf("unknown year = %v, want null", m["year"])
	}
	r.Year = 2016
	r.Cells["stat_2014.stat.req_received.value"] = Value{Value: Int(139), Evidence: Evidence{Method: MethodTable}}
	b, _ = json.Marshal(r)
	var back Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Year != 2016 || !back.Cells["stat_2014.stat.req_received.value"].Value.Equal(Int(139)) {
		t.Errorf("round trip: %+v", back)
	}
}

func TestLabels(t *testing.T) {
	if MethodProse.Label() != "正文" || MethodDerived.Label() != "表格合计" || Method("x").Label() != "x" {
		t.Error("Method.Label")
	}
	if SeverityError.Label() != "错误" || SeverityInfo.Label() != "提示" || Severity("x").Label() != "x" {
		t.Error("Severity.Label")
	}
}

func TestSourcePlace(t *testing.T) {
	// A web page may be one line and a PDF is found by its pages: their
	// lines are no place to show people.
	for kind, want := range map[string]string{"text": "第12行", "html": "", "pdf": "", "docx": "第12段", "doc": "第12段", "xlsx": ""} {
		if got := (Source{Kind: kind}).Place(12); got != want {
			t.Errorf("%s: Place(12) = %q, want %q", kind, got, want)
		}
	}
}

// TestEvidencePlace: the place of a value names what a person finds in the
// report as printed, and only lines a person can count.
func TestEvidencePlace(t *testing.T) {
	cell := Evidence{Method: MethodTable, Line: 85, Text: "5.属于三类内部事务信息 3 0 0 0 0 0 3",
		Table: "表三", RowLabel: "（三）不予公开 › 5.属于三类内部事务信息", ColLabel: "自然人"}
	prose := Evidence{Method: MethodProse, Line: 47, Text: "全区主动公开政府信息7700余条。", Section: "一、总体情况"}
	sum := Evidence{Method: MethodDerived, Line: 85, Text: "表格各格之和：t3_requests.a.total=1 + t3_requests.b.total=2",
		Table: "表三", RowLabel: "（三）不予公开各项之和", ColLabel: "总计"}
	one := Evidence{Method: MethodTable, Table: "表四", ColLabel: "行政复议 › 总计"}
	typed := Evidence{Method: MethodForm, Sheet: "表三", Cell: "D7", Table: "表三", RowLabel: "一、本年新收政府信息公开申请数量", ColLabel: "自然人"}
	pdfCell := cell
	pdfCell.Page = 4
	tests := []struct {
		e         Evidence
		kind      string
		place     string
		described string
	}{
		{cell, "html", "表三 （三）不予公开 › 5.属于三类内部事务信息 · 自然人",
			"表格 · 表三 （三）不予公开 › 5.属于三类内部事务信息 · 自然人"},
		{cell, "text", "第85行 · 表三 （三）不予公开 › 5.属于三类内部事务信息 · 自然人", ""},
		{pdfCell, "pdf", "第4页 · 表三 （三）不予公开 › 5.属于三类内部事务信息 · 自然人", ""},
		{prose, "docx", "第47段 · 一、总体情况", "正文 · 第47段 · 一、总体情况：“全区主动公开政府信息7700余条。”"},
		{prose, "html", "一、总体情况", ""},
		{sum, "html", "表三 （三）不予公开各项之和 · 总计", "表格合计 · 表三 （三）不予公开各项之和 · 总计"},
		{one, "html", "表四 行政复议 › 总计", ""},
		{typed, "xlsx", "表三 D7 · 表三 一、本年新收政府信息公开申请数量 · 自然人", ""},
	}
	for _, tt := range tests {
		src := Source{Kind: tt.kind}
		if got := tt.e.Place(src); got != tt.place {
			t.Errorf("%s %+v: Place = %q, want %q", tt.kind, tt.e, got, tt.place)
		}
		if tt.described == "" {
			continue
		}
		if got := tt.e.Describe(src); got != tt.described {
			t.Errorf("%s %+v: Describe = %q, want %q", tt.kind, tt.e, got, tt.described)
		}
	}
}

// TestSortByRank: errors, then warnings, then notes, each in its order.
func TestSortByRank(t *testing.T) {
	fs := []Finding{{Rule: "a", Severity: SeverityInfo}, {Rule: "b", Severity: SeverityWarning}, {Rule: "c", Severity: SeverityError},
		{Rule: "d", Severity: SeverityWarning}, {Rule: "e", Severity: "odd"}, {Rule: "f", Severity: SeverityError}}
	got := ""
	for _, f := range ByRank(fs) {
		got += f.Rule
	}
	if got != "cfbdae" {
		t.Errorf("ByRank: %s, want cfbdae", got)
	}
	if fs[0].Rule != "a" {
		t.Error("ByRank changed its argument")
	}
}
