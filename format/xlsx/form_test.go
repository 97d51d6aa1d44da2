package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/document"
)

func TestNumberText(t *testing.T) {
	for s, want := range map[string]float64{"20": 20, " 20 ": 20, "２０": 20, "1,234": 1234, "1，234.5": 1234.5, "-3": -3, "０．５": 0.5} {
		if v, ok := numberText(s); !ok || v != want {
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
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	fs := fixInputs(g, s)
	if len(fs) != 2 || fs[0].Rule != xxgk.RuleFormNumberText || !strings.Contains(fs[0].Message, "A1、B1、E1") ||
		fs[1].Rule != xxgk.RuleFormNotNumber || !strings.Contains(fs[1].Message, "D1") || fs[1].Evidence != "约20" {
		t.Errorf("findings %+v", fs)
	}
	for axis, want := range map[string]string{"A1": "20", "B1": "20", "C1": "5", "D1": "—", "E1": "1234", "F1": "1279", "A3": "说明"} {
		if got, _ := g.GetCellValue(s, axis, excelize.Options{RawCellValue: true}); got != want {
			t.Errorf("%s = %q, want %q", axis, got, want)
		}
	}
}
