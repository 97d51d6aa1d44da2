package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/compare"
	"xxgk/export/layout"
	"xxgk/load"
	"xxgk/rollup"
	"xxgk/templates"
	"xxgk/workbook"
)

// parseCompareFixture reads a report of compare/testdata.
func parseCompareFixture(t *testing.T, name string) *xxgk.Report {
	t.Helper()
	path := filepath.Join("..", "..", "compare", "testdata", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := load.Report(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func openComparison(t *testing.T, c *compare.Comparison) *excelize.File {
	t.Helper()
	return open(t, func(b *bytes.Buffer) error { return WriteComparison(b, c, Options{}) })
}

// sideValues reads a compared table sheet back: for every row under a
// row of 上年 / 本年 / 增减 headers, the numbers in each of the three, by
// the 上年 column's position. A 增减 must be 本年 − 上年.
func sideValues(t *testing.T, f *excelize.File, sheet string) (last, this []string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var cols [3][]int // columns of 上年, 本年, 增减 under the latest sub-header
	for r, row := range rows {
		var found [3][]int
		for c, v := range row {
			if i := slices.Index(sides[:], v); i >= 0 {
				found[i] = append(found[i], c)
			}
		}
		if len(found[0]) > 0 && len(found[0]) == len(found[1]) && len(found[1]) == len(found[2]) {
			cols = found
			continue
		}
		for i, lc := range cols[0] {
			get := func(c int) string {
				if c < len(row) {
					return row[c]
				}
				return ""
			}
			l, th, d := get(lc), get(cols[1][i]), get(cols[2][i])
			if slices.ContainsFunc([]string{l, th, d}, func(s string) bool {
				_, err := xxgk.ParseNumber(s)
				return s != "" && err != nil
			}) {
				continue // the header of the next table of a section
			}
			if l != "" {
				last = append(last, l)
			}
			if th != "" {
				this = append(this, th)
			}
			if l != "" && th != "" {
				want := xxgk.MustNumber(th).Sub(xxgk.MustNumber(l)).String()
				if d != want {
					t.Errorf("%s row %d: %s − %s shows %q, want %s", sheet, r+1, th, l, d, want)
				}
				cell := cellName(r, cols[2][i])
				if fm, _ := f.GetCellFormula(sheet, cell); fm != cellName(r, cols[1][i])+"-"+cellName(r, lc) {
					t.Errorf("%s!%s: formula %q", sheet, cell, fm)
				}
			} else if d != "" {
				t.Errorf("%s row %d: a change %q without both years", sheet, r+1, d)
			}
		}
	}
	return last, this
}

// cellValues are a report's values of the cells of a group's tables, as
// the sheet shows them.
func cellValues(r *xxgk.Report, g *layout.Group) []string {
	var out []string
	for _, t := range g.Tables {
		prefix := t.Table.CellKey("", "")
		prefix = prefix[:strings.Index(prefix, "..")+1]
		for k, v := range r.Cells {
			if strings.HasPrefix(k, prefix) {
				out = append(out, excelText(v.Value))
			}
		}
	}
	slices.Sort(out)
	return out
}

// excelText is a number as excelize gives a cell's value back.
func excelText(n xxgk.Number) string {
	if n.IsInt() {
		return n.String()
	}
	return strconv.FormatFloat(n.Float64(), 'f', -1, 64)
}

// sideText is what the workbook shows of one year's value: nothing when
// that year does not have it.
func sideText(v *xxgk.Value) string {
	if v == nil {
		return ""
	}
	return excelText(v.Value)
}

func sorted(s []string) []string { slices.Sort(s); return s }

// The comparison workbook: figures with 上年 / 本年 / 增减, each official
// table with each data column split in three, findings, sources. Every
// value is a report's own.
func TestComparisonWorkbook(t *testing.T) {
	last := parseFile(t, "pingtan-2025-zone-w3m.txt")
	this := parseCompareFixture(t, "pingtan-2026-unchanged-w3m.txt")
	c := compare.Reports(last, this)
	f := openComparison(t, c)
	checkKind(t, f, workbook.Comparison)
	want := []string{"主要指标对比", "表二 主动公开情况", "表三 依申请公开情况", "表四 复议诉讼情况", "核查", "来源"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}

	// 主要指标对比: a row per figure, the change a formula.
	rows, _ := f.GetRows("主要指标对比")
	if !slices.Equal(rows[2][:6], []string{"指标", "单位", "上年（2025年）", "本年（2026年）", "增减", "增减幅度（%）"}) {
		t.Errorf("header %q", rows[2])
	}
	n := 0
	for i, row := range rows[3:] {
		fig := templates.Figures[slices.IndexFunc(templates.Figures, func(f templates.Figure) bool { return f.Label == row[0] })]
		r := c.Row(fig.Key)
		if r == nil || row[2] != sideText(r.Last) || row[3] != sideText(r.This) {
			t.Errorf("row %q, comparison %+v", row, r)
			continue
		}
		if r.Last == nil || r.This == nil {
			continue // a value of one year only has no change
		}
		d, _ := r.Change()
		if row[4] != excelText(d) {
			t.Errorf("%s: change %q, want %s", fig.Label, row[4], d)
		}
		if fm, _ := f.GetCellFormula("主要指标对比", cellName(3+i, 4)); fm != cellName(3+i, 3)+"-"+cellName(3+i, 2) {
			t.Errorf("%s: formula %q", fig.Label, fm)
		}
		n++
	}
	if n != len(this.Figures) {
		t.Errorf("%d figure rows for %d figures", n, len(this.Figures))
	}

	// Each official table: every cell of each year once, under its year.
	for _, g := range layout.Groups(templates.FormByID("gov_2021")) {
		l, th := sideValues(t, f, g.Section.Name)
		if got, want := sorted(l), cellValues(last, g); !slices.Equal(got, want) {
			t.Errorf("%s: last year's values %v, want %v", g.Section.Name, got, want)
		}
		if got, want := sorted(th), cellValues(this, g); !slices.Equal(got, want) {
			t.Errorf("%s: this year's values %v, want %v", g.Section.Name, got, want)
		}
	}

	// The carry-over: flagged where it breaks, in the findings with both
	// years' text, named for people.
	if !sheetHas(t, f, "核查", "上年结转与上年报告不符") || sheetHas(t, f, "核查", xxgk.RuleCarryOver) {
		t.Error("核查 does not name the carry-over by its Chinese name")
	}
	findings, _ := f.GetRows("核查")
	carry := 0
	for _, row := range findings {
		if len(row) > 7 && row[1] == "上年结转与上年报告不符" {
			carry++
			if row[4] != "第74行" || !strings.Contains(row[7], "结转下年度继续办理") {
				t.Errorf("carry-over row %q", row)
			}
		}
	}
	if carry != 3 {
		t.Errorf("%d carry-over rows", carry)
	}
	if !sheetHas(t, f, "来源", last.Source.SHA256) || !sheetHas(t, f, "来源", this.Source.SHA256) {
		t.Error("来源 lacks the files' digests")
	}
	checkComparePrint(t, f)
}

// checkComparePrint: every sheet prints on A4, fitted to the width, with
// page numbers and rows repeated on every page.
func checkComparePrint(t *testing.T, f *excelize.File) {
	t.Helper()
	titles := map[string]bool{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = true
		}
	}
	for _, sheet := range f.GetSheetList() {
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if *pl.Size != 9 || *pl.FitToWidth < 1 || *pl.FitToHeight != 0 {
			t.Errorf("%s: paper %d fit %d×%d", sheet, *pl.Size, *pl.FitToWidth, *pl.FitToHeight)
		}
		if hf, _ := f.GetHeaderFooter(sheet); hf == nil || !strings.Contains(hf.OddFooter, "第 &P 页 共 &N 页") {
			t.Errorf("%s: footer %+v", sheet, hf)
		}
		if !titles[sheet] {
			t.Errorf("%s: no print titles", sheet)
		}
	}
}

// sheetSays reports whether a cell of the sheet contains text.
func sheetSays(t *testing.T, f *excelize.File, sheet, text string) bool {
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if slices.ContainsFunc(r, func(c string) bool { return strings.Contains(c, text) }) {
			return true
		}
	}
	return false
}

// 2019 form against 2021 form: the table of the 2021 form, the cells of
// 2019 without a counterpart on 未比较.
func TestComparisonForms(t *testing.T) {
	c := compare.Reports(parseCompareFixture(t, "gyz-2020.txt"), parseCompareFixture(t, "jtj-2021.txt"))
	f := openComparison(t, c)
	if !slices.Contains(f.GetSheetList(), "未比较") {
		t.Fatalf("sheets %q", f.GetSheetList())
	}
	rows, _ := f.GetRows("未比较")
	if got := len(rows) - 3; got != len(c.NotCompared) {
		t.Errorf("未比较 lists %d cells, want %d", got, len(c.NotCompared))
	}
	if !sheetHas(t, f, "未比较", "表二 规章／本年新制作数量") || !sheetSays(t, f, "表二 主动公开情况", "上年报告为2019年格式，本年报告为2021年格式") {
		t.Error("the cells of the 2019 form are not named")
	}
}

// Two roll-ups: the agencies side by side.
func TestComparisonRollups(t *testing.T) {
	roll := func(names ...string) *rollup.Year {
		var rs []*xxgk.Report
		for _, n := range names {
			rs = append(rs, parseFile(t, n))
		}
		return rollup.Roll(rs, rollup.Options{}).Years[0]
	}
	c := compare.Rollups("平潭", compare.RollupSide{Source: "2012", Year: roll("pingtan-2012-zone.txt", "pingtan-2012-county.txt")},
		compare.RollupSide{Source: "2013", Year: roll("pingtan-2013-zone.txt")})
	f := openComparison(t, c)
	if !slices.Contains(f.GetSheetList(), "各单位对比") {
		t.Fatalf("sheets %q", f.GetSheetList())
	}
	rows, _ := f.GetRows("各单位对比")
	if len(rows) != 6 || rows[4][1] != "平潭综合实验区" || rows[5][1] != "平潭县人民政府" || !strings.Contains(rows[5][len(rows[5])-1], "只有上年") {
		t.Errorf("agencies %q", rows)
	}
	fig, _ := f.GetRows("主要指标对比")
	if !slices.Contains(fig[2], "上年填报单位数") {
		t.Errorf("header %q", fig[2])
	}
}
