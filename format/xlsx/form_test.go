package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"maps"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/document"
)

func TestNumberText(t *testing.T) {
	for s, want := range map[string]string{"20": "20", " 20 ": "20", "２０": "20", "1,234": "1234", "1，234.5": "1234.5", "-3": "-3", "０．５": "0.5"} {
		if v, ok := numberText(s); !ok || v.String() != want {
			t.Errorf("numberText(%q) = %v %v, want %v", s, v, ok, want)
		}
	}
	for _, s := range []string{"约20", "二十", "20件", "1,23", "12,3456", "", "—", "2024年"} {
		if v, ok := numberText(s); ok {
			t.Errorf("numberText(%q) = %v, want no number", s, v)
		}
	}
}

// grid is a sheet of one row per line, cells separated by |, a cell
// named > merged with the one on its left.
func grid(lines ...string) [][]document.GridCell {
	var g [][]document.GridCell
	for r, line := range lines {
		var row []document.GridCell
		for c, text := range strings.Split(line, "|") {
			cell := document.GridCell{Text: text, OrigRow: r, OrigCol: c}
			if text == ">" {
				cell = row[c-1]
			}
			row = append(row, cell)
		}
		g = append(g, row)
	}
	return g
}

func TestLabelled(t *testing.T) {
	for _, tt := range []struct {
		sheet []string
		label string
		want  string
	}{
		{[]string{"统计表", "填报单位：福清市自然资源和规划局|>|报告年度：2024"}, "填报单位", "福清市自然资源和规划局"},
		{[]string{"统计表", "填报单位：福清市自然资源和规划局|>|报告年度：2024"}, "报告年度", "2024"},
		{[]string{"填报单位|福清市自然资源和规划局|>", "报告年度|二〇二四年"}, "报告年度", "二〇二四年"},
		{[]string{"填报单位名称: 某局"}, "填报单位", "某局"},
		{[]string{"填报单位：|>|报告年度："}, "填报单位", ""},          // nothing typed: the next cell is a label
		{[]string{"填报单位：|>|报告年度：|2024"}, "报告年度", "2024"}, // typed beside the label
		{[]string{"1．先在上面填写填报单位"}, "填报单位", ""},
	} {
		if got := labelled(grid(tt.sheet...), tt.label); got.Value != tt.want {
			t.Errorf("%q in %q = %+v, want %q", tt.label, tt.sheet, got, tt.want)
		}
	}
}

// fixInputs: a number typed as text in a validated input cell becomes the
// number and the formulas that skipped it are computed again; words are
// marked as no value; other cells are left alone.
func TestFixInputs(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	const s = "Sheet1"
	for axis, v := range map[string]any{"A1": "20", "B1": "２０", "C1": 5, "D1": "约20", "E1": "1,234", "A3": "说明"} {
		if err := f.SetCellValue(s, axis, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellFormula(s, "F1", "SUM(A1:E1)"); err != nil {
		t.Fatal(err)
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "A1:E1 A2"
	if err := dv.SetRange(0, 999, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
		t.Fatal(err)
	}
	if err := f.AddDataValidation(s, dv); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	sd := firstSheet(t, buf.Bytes())
	fs := sd.fixInputs(s)
	if len(fs) != 2 || fs[0].Rule != xxgk.RuleFormNumberText || !strings.Contains(fs[0].Message, "A1、B1、E1") ||
		fs[1].Rule != xxgk.RuleFormNotNumber || !strings.Contains(fs[1].Message, "D1") || fs[1].Evidence != "约20" {
		t.Errorf("findings %+v", fs)
	}
	got := map[string]string{}
	for _, c := range sd.cells {
		axis, _ := excelize.CoordinatesToCellName(int(c.col)+1, int(c.row)+1)
		got[axis] = c.raw
	}
	for axis, want := range map[string]string{"A1": "20", "B1": "20", "C1": "5", "D1": "—", "E1": "1234", "F1": "1279", "A3": "说明"} {
		if got[axis] != want {
			t.Errorf("%s = %q, want %q", axis, got[axis], want)
		}
	}
}

// firstSheet reads the first sheet of a workbook as Read does, before its
// inputs are fixed.
func firstSheet(t *testing.T, data []byte) *sheetData {
	t.Helper()
	p, err := openPackage(data)
	if err != nil {
		t.Fatal(err)
	}
	wb, err := p.workbook()
	if err != nil {
		t.Fatal(err)
	}
	sst, err := p.sharedStrings(wb.sharedStrings)
	if err != nil {
		t.Fatal(err)
	}
	sd, err := readSheet(p, wb.sheets[0].part, sst, newBudget())
	if err != nil {
		t.Fatal(err)
	}
	return sd
}

// TestRecalculate: the totals of a template whose inputs were typed as
// text are computed again, exactly, including totals of totals and cells
// of a shared formula; a formula the reader cannot compute (another
// sheet, a function besides SUM, a cycle) keeps its cached value.
func TestRecalculate(t *testing.T) {
	const sheet = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>0.1</t></is></c><c r="B1" t="inlineStr"><is><t>２</t></is></c><c r="C1"><v>0.2</v></c></row>
<row r="2"><c r="A2"><f>SUM(A1:C1)</f><v>0.2</v></c><c r="B2"><f>$A$2+A1-(B1)</f><v>9</v></c><c r="C2"><f>A2+B2</f><v>9</v></c></row>
<row r="3"><c r="A3"><f t="shared" ref="A3:C3" si="0">A1*2</f><v>7</v></c><c r="B3"><f t="shared" si="0"/><v>7</v></c><c r="C3"><f>Other!A1+1</f><v>7</v></c></row>
<row r="4"><c r="A4"><f t="shared" ref="A4:B4" si="1">SUM(A1,$A$2)</f><v>7</v></c><c r="B4"><f t="shared" si="1"/><v>7</v></c><c r="C4"><f>C4+1</f><v>7</v></c></row>
</sheetData>
<dataValidations count="1"><dataValidation type="decimal" sqref="A1:B1"/></dataValidations>
</worksheet>`
	sd := sheetOf(t, sheet)
	if fs := sd.fixInputs("表"); len(fs) != 1 || !strings.Contains(fs[0].Message, "A1、B1") {
		t.Fatalf("findings %+v", fs)
	}
	got := map[string]string{}
	for _, c := range sd.cells {
		axis, _ := excelize.CoordinatesToCellName(int(c.col)+1, int(c.row)+1)
		got[axis] = c.raw
	}
	for axis, want := range map[string]string{
		"A2": "2.3", "B2": "0.4", "C2": "2.7", // sums, differences, anchored references
		"A3": "7", "B3": "7", "C3": "7", // multiplication, another sheet: cached
		"A4": "2.4", "B4": "4.3", // a shared SUM, its references shifted
		"C4": "7", // a cycle: cached
	} {
		if got[axis] != want {
			t.Errorf("%s = %q, want %q", axis, got[axis], want)
		}
	}
}

// sheetOf reads a sheet part given as XML, as readSheet does.
func sheetOf(t *testing.T, xml string) *sheetData {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(xml))
	zw.Close()
	p, err := openPackage(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	sd, err := readSheet(p, "xl/worksheets/sheet1.xml", nil, newBudget())
	if err != nil {
		t.Fatal(err)
	}
	return sd
}

// TestRecalculateBounded: formulas nested or chained deeper than a form's
// are left with their cached values, quickly, and the same on every run.
func TestRecalculateBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	b.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>1</t></is></c>`)
	b.WriteString(`<c r="B1"><f>` + strings.Repeat("(", 50000) + "A1" + strings.Repeat(")", 50000) + `</f><v>7</v></c></row>`)
	// C2 = C3+1, C3 = C4+1, …: each refers to the row below.
	const chain = 300
	for r := 2; r <= chain+1; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="C%d"><f>C%d+1</f><v>0</v></c></row>`, r, r, r+1)
	}
	b.WriteString(`</sheetData><dataValidations><dataValidation type="whole" sqref="A1"/></dataValidations></worksheet>`)
	var first map[string]string
	for range 3 {
		sd := sheetOf(t, b.String())
		sd.fixInputs("表")
		got := map[string]string{}
		for _, c := range sd.cells {
			axis, _ := excelize.CoordinatesToCellName(int(c.col)+1, int(c.row)+1)
			got[axis] = c.raw
		}
		if got["B1"] != "7" {
			t.Errorf("B1 = %q, want its cached 7", got["B1"])
		}
		if want := fmt.Sprint(chain); got["C2"] != want && got["C2"] != "0" {
			t.Errorf("C2 = %q, want %s or its cached 0", got["C2"], want)
		}
		if first != nil && !maps.Equal(got, first) {
			t.Fatal("recomputed differently on another run")
		}
		first = got
	}
}
