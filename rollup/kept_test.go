package rollup

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"xxgk"
)

// TestKeep: a roll-up of what Keep keeps is the roll-up of the whole
// reports, and each cell reads back with everything but the evidence text
// of an exact cell.
func TestKeep(t *testing.T) {
	cells := map[string]xxgk.Value{
		"gov_2021.t3_requests.new_received.total": {Value: xxgk.MustNumber("10"), Unit: "件",
			Evidence: xxgk.Evidence{Method: xxgk.MethodTable, Line: 40, Row: "一、本年新收政府信息公开申请数量", Col: "总计", Text: "一、本年新收 10"}},
		"gov_2021.t3_requests.carried_over.total": {Value: xxgk.MustNumber("2"),
			Evidence: xxgk.Evidence{Method: xxgk.MethodTable, Line: 41, Page: 3, Row: "二、上年结转政府信息公开申请数量", Col: "总计", Text: "二、上年结转 2",
				Table: "表三", RowLabel: "二、上年结转政府信息公开申请数量", ColLabel: "总计"}},
		"gov_2021.t4_review_litigation.review_upheld.total": {Value: xxgk.MustNumber("3"), Blank: true,
			Evidence: xxgk.Evidence{Method: xxgk.MethodTable, Line: 60}},
		"gov_2021.t3_requests.closed_granted.total": {Value: xxgk.MustNumber("15130"), Split: true,
			Evidence: xxgk.Evidence{Method: xxgk.MethodProse, Line: 12, Text: "予以公开15130"}},
		"gov_2021.t2_proactive.fees.amount": {Value: xxgk.MustNumber("4166.241619"), Unit: "万元", Approx: true,
			Evidence: xxgk.Evidence{Method: xxgk.MethodTable, Line: 30, Text: "约4166.241619万元"}},
	}
	a := report("a.html", "甲局", 2023, "gov_2021", map[string]xxgk.Value{"requests.received": {Value: xxgk.MustNumber("10"),
		Evidence: xxgk.Evidence{Method: xxgk.MethodProse, Line: 3, Text: "收到申请10件"}}}, cells)
	b := report("b.html", "乙局", 2023, "gov_2021", nil, map[string]xxgk.Value{"gov_2021.t3_requests.new_received.total": val("5")})
	a.Findings = []xxgk.Finding{{Rule: "r", Severity: xxgk.SeverityError, Message: "m"}}
	before := maps.Clone(a.Cells)

	ka, kb := Keep(a), Keep(b)
	if !reflect.DeepEqual(a.Cells, before) {
		t.Error("Keep modified the report's cells")
	}
	if ka.Report.Cells != nil {
		t.Errorf("kept report's cells = %v, want none", ka.Report.Cells)
	}
	carried := cells["gov_2021.t3_requests.carried_over.total"]
	// Not kept; the text a finding quotes and the page it names are.
	carried.Row, carried.Col, carried.Table, carried.RowLabel, carried.ColLabel = "", "", "", "", ""
	if got, want := ka.SeriesReport().Cells, map[string]xxgk.Value{"gov_2021.t3_requests.carried_over.total": carried}; !reflect.DeepEqual(got, want) {
		t.Errorf("series report's cells = %v, want %v", got, want)
	}
	whole, kept := Roll([]*xxgk.Report{a, b}, Options{}), RollKept([]*Kept{ka, kb}, Options{})
	wj, _ := json.Marshal(whole)
	kj, _ := json.Marshal(kept)
	if string(wj) != string(kj) {
		t.Errorf("roll-up of the kept reports differs:\n%s\n%s", kj, wj)
	}
	row := kept.Years[0].Agencies[0]
	if row.Agency != "甲局" || row.CellCount() != len(cells) {
		t.Fatalf("first agency %s with %d cells", row.Agency, row.CellCount())
	}
	n := 0
	for k, got := range row.Cells() {
		n++
		want := cells[k]
		if !want.Approx { // not kept
			want.Row, want.Col, want.Text, want.Page, want.Table, want.RowLabel, want.ColLabel = "", "", "", 0, "", "", ""
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %+v, want %+v", k, got, want)
		}
		if one, ok := row.Cell(k); !ok || !reflect.DeepEqual(one, got) {
			t.Errorf("Cell(%s) = %+v, %v", k, one, ok)
		}
	}
	if n != len(cells) {
		t.Errorf("Cells gave %d cells, want %d", n, len(cells))
	}
	if _, ok := row.Cell("gov_2021.t3_requests.new_received.natural_person"); ok {
		t.Error("a cell the report does not have")
	}
}

// TestKeepConcurrent: the parse workers keep reports at the same time,
// meeting keys and units no report had before.
func TestKeepConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	kept := make([]*Kept, 8)
	for w := range kept {
		wg.Go(func() {
			cells := map[string]xxgk.Value{}
			for i := range 50 {
				cells[fmt.Sprintf("concurrent.t.r%d.c%d", i, w%3)] = xxgk.Value{Value: xxgk.Int(int64(w*100 + i)), Unit: fmt.Sprintf("单位%d", i%7+w)}
			}
			kept[w] = Keep(report(fmt.Sprintf("%d.html", w), "甲局", 2023, "concurrent", nil, cells))
		})
	}
	wg.Wait()
	for w, k := range kept {
		n := 0
		for key, v := range k.cells.all() {
			var i int
			if _, err := fmt.Sscanf(key, "concurrent.t.r%d.", &i); err != nil || !v.Value.Equal(xxgk.Int(int64(w*100+i))) || v.Unit != fmt.Sprintf("单位%d", i%7+w) {
				t.Errorf("report %d: %s = %+v", w, key, v)
			}
			n++
		}
		if n != 50 {
			t.Errorf("report %d: %d cells", w, n)
		}
	}
}

// TestCellSetWords: a cell reads back as it was kept whatever its number
// and line: those that fit a word, and the wide ones past its bounds.
func TestCellSetWords(t *testing.T) {
	nums := []string{"0", "1", "-1", "268435455", "268435456", "-268435456", "-268435457", "1.0", "0.5",
		"4166.241619", "9223372036854775807", "-9223372036854775807", "12345678901"}
	lines := []int{0, 1, 1<<20 - 1, 1 << 20, math.MaxInt32}
	cells := map[string]xxgk.Value{}
	i := 0
	for _, n := range nums {
		for _, line := range lines {
			i++
			v := xxgk.Value{Value: xxgk.MustNumber(n), Unit: []string{"", "件", "万元"}[i%3], Blank: i%2 == 0, Split: i%5 == 0,
				Evidence: xxgk.Evidence{Method: cellMethods[i%len(cellMethods)], Line: line}}
			cells[fmt.Sprintf("words.t.r%03d.c", i)] = v
		}
	}
	cells["words.t.approx.c"] = xxgk.Value{Value: xxgk.MustNumber("7"), Approx: true, Evidence: xxgk.Evidence{Method: xxgk.MethodProse, Text: "约7件"}}
	cells["words.t.manual.c"] = xxgk.Value{Value: xxgk.MustNumber("8"), Evidence: xxgk.Evidence{Method: xxgk.MethodManual, Line: 3}}
	s := newCellSet(cells)
	if s.len() != len(cells) {
		t.Fatalf("%d cells, want %d", s.len(), len(cells))
	}
	var last string
	for k, got := range s.all() {
		if k <= last {
			t.Errorf("%s after %s", k, last)
		}
		last = k
		if want := cells[k]; !reflect.DeepEqual(got, want) || got.Value.String() != want.Value.String() {
			t.Errorf("%s = %+v, want %+v", k, got, want)
		}
		if one, ok := s.get(k); !ok || !reflect.DeepEqual(one, got) {
			t.Errorf("get(%s) = %+v, %v", k, one, ok)
		}
	}
	if _, ok := s.get("words.t.r000.c"); ok {
		t.Error("a key not kept")
	}
	if len(s.wide) == 0 || len(s.wide) >= len(cells)-2 {
		t.Errorf("%d wide cells of %d", len(s.wide), len(cells))
	}
	// Reports with the same keys share them.
	if o := newCellSet(cells); o.keys != s.keys {
		t.Error("the same keys are kept twice")
	}
}

// TestKeepDetaches: no string a kept report holds points into the buffer
// the report's strings were sliced from (which would keep it all alive),
// and the texts reports repeat are held once.
func TestKeepDetaches(t *testing.T) {
	src := strings.Repeat("甲局 2023-05-01 收到申请 10件 一、总体情况 合计 表三 Sheet1 D7 约7件 消息 ", 2)
	at := func(s string) string { i := strings.Index(src, s); return src[i : i+len(s)] }
	keep := func() *Kept {
		r := report("a.html", at("甲局"), 2023, "gov_2021", map[string]xxgk.Value{
			"requests.received": {Value: xxgk.MustNumber("10"), Evidence: xxgk.Evidence{Method: xxgk.MethodTable, Text: at("收到申请 10件"),
				Row: at("收到申请"), Col: at("合计"), Section: at("一、总体情况"), Sheet: at("Sheet1"), Cell: at("D7")}},
			"requests.total": {Value: xxgk.MustNumber("10"), Evidence: xxgk.Evidence{Method: xxgk.MethodDerived, Text: at("收到申请")}},
		}, map[string]xxgk.Value{
			"gov_2021.t3_requests.carried_over.total": {Value: xxgk.MustNumber("2"), Evidence: xxgk.Evidence{Method: xxgk.MethodTable, Text: at("10件"), Page: 2}},
			"gov_2021.t3_requests.new_received.total": {Value: xxgk.MustNumber("7"), Approx: true, Evidence: xxgk.Evidence{Method: xxgk.MethodProse, Text: at("约7件"), Row: at("表三")}},
		})
		r.Published = at("2023-05-01")
		r.AgencyEvidence = &xxgk.MetaEvidence{Text: at("甲局 2023")}
		r.Findings = []xxgk.Finding{{Rule: "r", Message: at("消息"), Evidence: at("约7件")}}
		return Keep(r)
	}
	k, k2 := keep(), keep()
	inSource := func(s string) bool {
		p, b := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(src)))
		return s != "" && p >= b && p < b+uintptr(len(src))
	}
	var strs []string
	r := k.Report
	strs = append(strs, r.Agency, r.Published, r.AgencyEvidence.Text)
	for _, v := range r.Figures {
		strs = append(strs, v.Text, v.Row, v.Col, v.Section, v.Sheet, v.Cell)
	}
	for _, f := range r.Findings {
		strs = append(strs, f.Message, f.Evidence)
	}
	for _, v := range k.SeriesReport().Cells {
		strs = append(strs, v.Text)
	}
	for _, v := range k.cells.full {
		strs = append(strs, v.Text, v.Row)
	}
	for i, s := range strs {
		if inSource(s) {
			t.Errorf("string %d %q points into the source", i, s)
		}
	}
	if len(strs) != 20 {
		t.Errorf("%d strings checked", len(strs))
	}
	same := func(a, b string) bool { return unsafe.StringData(a) == unsafe.StringData(b) }
	f, f2 := r.Figures["requests.received"], k2.Report.Figures["requests.received"]
	if !same(f.Row, f2.Row) || !same(f.Section, f2.Section) || !same(r.Findings[0].Message, k2.Report.Findings[0].Message) ||
		!same(r.Figures["requests.total"].Text, k2.Report.Figures["requests.total"].Text) {
		t.Error("a text both reports repeat is held twice")
	}
	if same(f.Text, f2.Text) {
		t.Error("a table figure's evidence is shared: it is the report's own")
	}
}
