package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/export/layout"
	"xxgk/rollup"
	"xxgk/templates"
	"xxgk/workbook"
)

// copyReport is r under another agency and file.
func copyReport(r *xxgk.Report, agency, path string) *xxgk.Report {
	c := *r
	c.Agency, c.Source.Path, c.Source.SHA256 = agency, path, ""
	return &c
}

func openRollup(t testing.TB, ru *rollup.Rollup) *excelize.File {
	return open(t, func(b *bytes.Buffer) error { return WriteRollup(b, ru, Options{}) })
}

// testRollup: two gov_2021 reports of 2025 (one in group 县直), a
// stat_2014 report of 2016 and an unreadable input.
func testRollup(t testing.TB) (*rollup.Rollup, []*xxgk.Report) {
	a := parseFile(t, "pingtan-2025-zone-html.html")
	b := copyReport(a, "某某县", "报告/某某县.html")
	c := parseFile(t, "seed-002.txt")
	reports := []*xxgk.Report{a, b, c}
	ru := rollup.Roll(reports, rollup.Options{Name: "某某市", Groups: map[string]string{"某某县": "县直"},
		Unreadable: []rollup.Unreadable{{Path: "坏文件.doc", Reason: "这是 Word 文档，暂不支持"}}})
	return ru, reports
}

// below is cell moved n rows down.
func below(t *testing.T, cell string, n int) string {
	t.Helper()
	c, r, err := excelize.CellNameToCoordinates(cell)
	if err != nil {
		t.Fatal(err)
	}
	name, _ := excelize.CoordinatesToCellName(c, r+n)
	return name
}

// rollupSheet is the 汇总 sheet of a year that holds the official sheet
// named long in a single-report workbook.
func rollupSheet(year int, long string) string {
	for _, f := range templates.Forms() {
		if groups := layout.Groups(f); len(groups) > 1 {
			for _, g := range groups {
				if g.Section.Name == long {
					return fmt.Sprintf("%d年汇总 %s", year, g.Section.Short)
				}
			}
		}
	}
	return fmt.Sprintf("%d年汇总", year)
}

// Rows inserted above a 汇总 table: the caption and the note on what was summed.
const rollupNoteRows = 2

func TestRollupSheets(t *testing.T) {
	ru, _ := testRollup(t)
	f := openRollup(t, ru)
	want := []string{
		"2016年汇总", "2016年主要指标", "2016年各单位",
		"2025年汇总 表二", "2025年汇总 表三", "2025年汇总 表四", "2025年主要指标", "2025年各单位",
		"核查",
		"崇川区2016 统计表",
		"某某县2025 表二", "某某县2025 表三", "某某县2025 表四",
		"平潭综合实验区2025 表二", "平潭综合实验区2025 表三", "平潭综合实验区2025 表四",
	}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	props, _ := f.GetCustomProps()
	if !slices.Contains(props, excelize.CustomProperty{Name: workbook.Property, Value: workbook.Rollup}) {
		t.Errorf("custom properties %+v", props)
	}
	checkRollupPrint(t, f)
	// The caption of a 汇总 sheet.
	s := "2025年汇总 表三"
	if got := mustValue(t, f, s, "A1"); got != "某某市2025年"+titleSuffix+"（汇总）" {
		t.Errorf("title %q", got)
	}
	if got := mustValue(t, f, s, "A2"); got != "汇总单位：某某市" {
		t.Errorf("A2 %q", got)
	}
	if got := mustValue(t, f, s, "A3"); !strings.HasPrefix(got, "共2个单位。") {
		t.Errorf("caption %q", got)
	}
	if got := mustValue(t, f, s, "A4"); got != "本表为2021年格式2个单位的合计。" {
		t.Errorf("note %q", got)
	}
}

// checkRollupPrint: the print setup of checkPrintAs; 各单位 is printed
// across 3 pages with 序号 and 单位 repeated.
func checkRollupPrint(t *testing.T, f *excelize.File) {
	t.Helper()
	titles := checkPrintAs(t, f, func(sheet string) int {
		if strings.Contains(sheet, "各单位") {
			return 3
		}
		return 1
	})
	for _, sheet := range f.GetSheetList() {
		if strings.Contains(sheet, "各单位") {
			if want := quoteSheet(sheet) + "!$A:$B," + quoteSheet(sheet) + "!$3:$3"; titles[sheet] != want {
				t.Errorf("%s: print titles %q, want %q", sheet, titles[sheet], want)
			}
		}
	}
}

// TestRollupCells: each cell of a 汇总 sheet is the sum of the reports'
// cells, with its coverage as a comment; totals are formulas.
func TestRollupCells(t *testing.T) {
	ru, reports := testRollup(t)
	f := openRollup(t, ru)
	a, b, c := reports[0], reports[1], reports[2]
	keys := 0
	comments := map[string][]excelize.Comment{}
	for key, at := range slotCells(a.Form) {
		va, okA := a.Cells[key]
		vb, okB := b.Cells[key]
		sheet, cell := rollupSheet(2025, at[0]), below(t, at[1], rollupNoteRows)
		got := mustValue(t, f, sheet, cell)
		if !okA && !okB {
			if got != "" {
				t.Errorf("%s: %s!%s = %q, no report has it", key, sheet, cell, got)
			}
			continue
		}
		keys++
		if want := va.Value.Add(vb.Value).String(); got != want {
			t.Errorf("%s: %s!%s = %q, want %s", key, sheet, cell, got, want)
		}
		if comments[sheet] == nil {
			comments[sheet], _ = f.GetComments(sheet)
		}
		if !hasComment(comments[sheet], cell, "2/2 个单位填报") {
			t.Errorf("%s!%s lacks the coverage comment", sheet, cell)
		}
	}
	if keys < 150 {
		t.Errorf("only %d cells compared", keys)
	}
	s3 := rollupSheet(2025, "表三 依申请公开情况")
	for cell, formula := range map[string]string{"J9": "SUM(D9:I9)", "D32": "SUM(D11:D31)"} {
		if fm, _ := f.GetCellFormula(s3, cell); fm != formula {
			t.Errorf("%s!%s formula %q, want %q", s3, cell, fm, formula)
		}
	}
	// The approximate 主动公开 figure of 2025.
	if got := mustValue(t, f, "2025年主要指标", "E4"); got != "是" {
		t.Errorf("2025年主要指标!E4 (含约数) = %q", got)
	}
	// The 2016 统计表: one report, its own cells.
	for key, at := range slotCells(c.Form) {
		v, ok := c.Cells[key]
		got := mustValue(t, f, "2016年汇总", below(t, at[1], rollupNoteRows))
		if ok && got != v.Value.String() || !ok && got != "" {
			t.Errorf("2016 %s = %q, want %v", key, got, v.Value)
		}
	}
}

// TestRollupAgencies: the 各单位 sheet of a year: one row per agency,
// missing figures empty, totals as formulas whose cached values are the
// model's totals, filter and frozen header.
func TestRollupAgencies(t *testing.T) {
	ru, reports := testRollup(t)
	f := openRollup(t, ru)
	y := ru.Years[1]
	if y.Year != 2025 {
		t.Fatalf("year %d", y.Year)
	}
	const sheet = "2025年各单位"
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	header := rows[2]
	if got := header[:4]; !slices.Equal(got, []string{"序号", "单位", "分组", "格式"}) {
		t.Errorf("header %q", got)
	}
	if n := len(header); n != 4+len(templates.Figures)+2 || header[n-2] != "核查发现数" || header[n-1] != "来源文件" {
		t.Errorf("header %q", header)
	}
	col := func(c int) string { name, _ := excelize.ColumnNumberToName(c + 1); return name }
	// Agency rows 4–5 in pinyin order (某某县 mǒu, 平潭 píng), then 合计,
	// 填报单位数, 小计：县直.
	for i, r := range []*xxgk.Report{reports[1], reports[0]} {
		row := 4 + i
		if got := mustValue(t, f, sheet, fmt.Sprintf("B%d", row)); got != r.Agency {
			t.Errorf("B%d = %q, want %q", row, got, r.Agency)
		}
		if got := mustValue(t, f, sheet, fmt.Sprintf("D%d", row)); got != "2021年格式" {
			t.Errorf("D%d = %q", row, got)
		}
		for j, fig := range templates.Figures {
			cell := fmt.Sprintf("%s%d", col(4+j), row)
			got := mustValue(t, f, sheet, cell)
			v, ok := r.Figures[fig.Key]
			switch {
			case !ok && got != "":
				t.Errorf("%s (%s not stated) = %q, want empty", cell, fig.Key, got)
			case ok && got != v.Value.String():
				t.Errorf("%s (%s) = %q, want %s", cell, fig.Key, got, v.Value)
			}
		}
	}
	missing := 0
	for j, fig := range templates.Figures {
		c := col(4 + j)
		total, ok := y.Figures[fig.Key]
		fm, _ := f.GetCellFormula(sheet, c+"6")
		got := mustValue(t, f, sheet, c+"6")
		if !ok {
			missing++
			if got != "" || fm != "" {
				t.Errorf("%s6 (%s, no agency stated it) = %q formula %q, want empty", c, fig.Key, got, fm)
			}
		} else if fm != "SUM("+c+"4:"+c+"5)" || got != total.Value.String() {
			t.Errorf("%s6 (%s) = %q formula %q, want %s by SUM", c, fig.Key, got, fm, total.Value)
		}
		if fm, _ := f.GetCellFormula(sheet, c+"7"); fm != "COUNT("+c+"4:"+c+"5)" || mustValue(t, f, sheet, c+"7") != fmt.Sprint(total.Count) {
			t.Errorf("%s7 (填报单位数 of %s) = %q formula %q, want %d", c, fig.Key, mustValue(t, f, sheet, c+"7"), fm, total.Count)
		}
		gt, ok := y.Groups[0].Figures[fig.Key]
		fm, _ = f.GetCellFormula(sheet, c+"8")
		if got := mustValue(t, f, sheet, c+"8"); ok && (got != gt.Value.String() || fm != `SUMIF($C$4:$C$5,"=县直",`+c+"4:"+c+"5)") ||
			!ok && got != "" {
			t.Errorf("%s8 (县直 %s) = %q formula %q, want %v", c, fig.Key, got, fm, gt.Value)
		}
	}
	if missing == 0 {
		t.Error("every figure stated: the empty case is not tested")
	}
	for cell, want := range map[string]string{"A6": "合计", "A7": "填报单位数", "A8": "小计：县直（1个单位）", "C8": "县直"} {
		if got := mustValue(t, f, sheet, cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	// The approximate figure carries its evidence, as on the official sheets.
	comments, _ := f.GetComments(sheet)
	if !hasComment(comments, "E4", "约数") || !hasComment(comments, "E6", "含约数") {
		t.Errorf("approximate 主动公开 not marked: %+v", comments)
	}
	var filter string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == sheet {
			filter = dn.RefersTo
		}
	}
	if want := fmt.Sprintf("'%s'!$A$3:$%s$5", sheet, col(len(header)-1)); filter != want {
		t.Errorf("auto-filter %q, want %q", filter, want)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 3 || panes.XSplit != 2 || panes.TopLeftCell != "C4" {
		t.Errorf("panes %+v, %v", panes, err)
	}
	// One year's sheets without a group have no 分组 column.
	if got := mustValue(t, f, "2016年各单位", "C3"); got != "格式" {
		t.Errorf("2016年各单位!C3 = %q", got)
	}
}

func TestRollupFigures(t *testing.T) {
	ru, _ := testRollup(t)
	f := openRollup(t, ru)
	y := ru.Years[1]
	const sheet = "2025年主要指标"
	if got := mustValue(t, f, sheet, "F3"); got != "县直（1个单位）" {
		t.Errorf("group column %q", got)
	}
	for i, fig := range templates.Figures {
		row := 4 + i
		cell := func(c string) string { return mustValue(t, f, sheet, fmt.Sprintf("%s%d", c, row)) }
		total, ok := y.Figures[fig.Key]
		switch {
		case cell("A") != fig.Label:
			t.Errorf("row %d: %q, want %q", row, cell("A"), fig.Label)
		case ok && (cell("C") != total.Value.String() || cell("D") != "2/2"):
			t.Errorf("%s: %q %q, want %s 2/2", fig.Key, cell("C"), cell("D"), total.Value)
		case !ok && (cell("C") != "" || cell("D") != "0/2"):
			t.Errorf("%s (not stated): %q %q", fig.Key, cell("C"), cell("D"))
		}
		if gt, ok := y.Groups[0].Figures[fig.Key]; ok && cell("F") != gt.Value.String() {
			t.Errorf("%s 县直 = %q, want %s", fig.Key, cell("F"), gt.Value)
		}
	}
}

func TestRollupFindings(t *testing.T) {
	ru, _ := testRollup(t)
	f := openRollup(t, ru)
	rows, _ := f.GetRows("核查")
	if len(rows) < 4 || !slices.Equal(rows[2][:6], []string{"文件", "单位", "年度", "级别", "规则", "说明"}) {
		t.Fatalf("核查 header %q", rows)
	}
	if got := rows[3]; got[0] != "坏文件.doc" || got[3] != "错误" || got[5] != "无法读取：这是 Word 文档，暂不支持" {
		t.Errorf("unreadable row %q", got)
	}
	if len(rows) != 4+len(ru.Findings) {
		t.Errorf("%d rows for %d findings", len(rows), len(ru.Findings))
	}
	for i, fd := range ru.Findings {
		got := rows[4+i]
		if got[0] != fd.Path || got[1] != fd.Agency || got[4] != fd.Rule || got[5] != fd.Message {
			t.Errorf("finding %d: %q, want %+v", i, got, fd)
		}
	}
	if !strings.Contains(rows[1][0], "1个文件无法读取") {
		t.Errorf("note %q", rows[1][0])
	}
}

// TestRollupShared: a year of gov_2021 and gov_2019 reports is laid out as
// gov_2021; the cells the two forms share are summed over both.
func TestRollupShared(t *testing.T) {
	a := parseFile(t, "pingtan-2025-zone-html.html")
	old := copyReport(a, "旧格式局", "旧格式局.html")
	old.Form = "gov_2019"
	old.Cells = map[string]xxgk.Value{}
	for k, v := range a.Cells {
		k2 := "gov_2019" + strings.TrimPrefix(k, "gov_2021")
		if _, _, _, ok := templates.Cell(k2); ok {
			old.Cells[k2] = v
		}
	}
	ru := rollup.Roll([]*xxgk.Report{a, old}, rollup.Options{})
	y := ru.Years[0]
	if y.Shared == nil || len(y.Shared.Cells) == 0 {
		t.Fatal("no shared cells")
	}
	f := openRollup(t, ru)
	if got := f.GetSheetList()[:3]; !slices.Equal(got, []string{"2025年汇总 表二", "2025年汇总 表三", "2025年汇总 表四"}) {
		t.Fatalf("sheets %q", got)
	}
	note := mustValue(t, f, "2025年汇总 表三", "A4")
	for _, want := range []string{"2021年格式1个单位", "2019年格式1个单位", "斜体"} {
		if !strings.Contains(note, want) {
			t.Errorf("note %q lacks %q", note, want)
		}
	}
	shared, only := 0, 0
	for key, at := range slotCells("gov_2021") {
		sheet, cell := rollupSheet(2025, at[0]), below(t, at[1], rollupNoteRows)
		got := mustValue(t, f, sheet, cell)
		comments, _ := f.GetComments(sheet)
		v, ok := a.Cells[key]
		if !ok {
			continue
		}
		if _, both := y.Shared.Cells[strings.TrimPrefix(key, "gov_2021"+".")]; both {
			shared++
			if got != v.Value.Add(v.Value).String() || !hasComment(comments, cell, "2/2 个单位填报（2021年格式、2019年格式合计）") {
				t.Errorf("shared %s = %q, want %s", key, got, v.Value.Add(v.Value))
			}
			continue
		}
		only++
		if got != v.Value.String() || !hasComment(comments, cell, "1/1 个单位填报（仅2021年格式）") {
			t.Errorf("gov_2021-only %s = %q, want %s", key, got, v.Value)
		}
		if s := styleOf(t, f, sheet, cell); s.Font == nil || !s.Font.Italic && len(s.Fill.Color) == 0 {
			t.Errorf("gov_2021-only %s not italic: %+v", key, s.Font)
		}
	}
	if shared == 0 || only == 0 {
		t.Errorf("%d shared and %d gov_2021-only cells compared", shared, only)
	}
}

// TestRollupYears: a section per year, the unknown year last; a year of
// narrative reports has no official sheet.
func TestRollupYears(t *testing.T) {
	town := parseFile(t, "page-08.txt")
	unknown := copyReport(town, town.Agency, "无年度.txt")
	unknown.Year = 0
	ru := rollup.Roll([]*xxgk.Report{town, unknown, parseFile(t, "seed-000.txt")}, rollup.Options{Name: "某某市"})
	f := openRollup(t, ru)
	want := []string{"2012年主要指标", "2012年各单位",
		"2025年汇总 表二", "2025年汇总 表三", "2025年汇总 表四", "2025年主要指标", "2025年各单位",
		"年度未识别汇总 表二", "年度未识别汇总 表三", "年度未识别汇总 表四", "年度未识别主要指标", "年度未识别各单位",
		"核查", "海城市西四镇2025 表二", "海城市西四镇2025 表三", "海城市西四镇2025 表四",
		"海城市西四镇 表二", "海城市西四镇 表三", "海城市西四镇 表四"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	for cell, text := range map[string]string{"A1": "某某市" + titleSuffix + "（汇总）", "I2": "报告年度：未识别"} {
		if got := mustValue(t, f, "年度未识别汇总 表四", cell); got != text {
			t.Errorf("年度未识别汇总 表四!%s = %q, want %q", cell, got, text)
		}
	}
	if got := mustValue(t, f, "2012年各单位", "C4"); got != "文字报告" {
		t.Errorf("2012年各单位!C4 = %q", got)
	}
	checkRollupPrint(t, f)
}

// TestRollupAgencySheets: each agency's official sheets up to
// MaxAgencySheets agencies; beyond, none, and 核查 says so.
func TestRollupAgencySheets(t *testing.T) {
	base := parseFile(t, "page-08.txt") // gov_2021, three sheets
	for _, n := range []int{MaxAgencySheets, MaxAgencySheets + 1} {
		reports := make([]*xxgk.Report, n)
		for i := range reports {
			reports[i] = copyReport(base, fmt.Sprintf("第%03d镇", i), fmt.Sprintf("%03d.txt", i))
		}
		f := openRollup(t, rollup.Roll(reports, rollup.Options{}))
		sheets := f.GetSheetList()
		fixed := []string{"2025年汇总 表二", "2025年汇总 表三", "2025年汇总 表四", "2025年主要指标", "各单位", "核查"}
		if !slices.Equal(sheets[:len(fixed)], fixed) {
			t.Fatalf("%d agencies: sheets %q", n, sheets[:len(fixed)])
		}
		note := mustValue(t, f, "核查", "A2") + mustValue(t, f, "核查", "A3")
		if n <= MaxAgencySheets {
			if len(sheets) != len(fixed)+3*n || sheets[len(fixed)] != "第000镇2025 表二" {
				t.Errorf("%d agencies: %d sheets", n, len(sheets))
			}
			if strings.Contains(note, "未附") {
				t.Errorf("%d agencies: note %q", n, note)
			}
			continue
		}
		if len(sheets) != len(fixed) {
			t.Errorf("%d agencies: per-agency sheets written: %q", n, sheets[len(fixed):])
		}
		if !strings.Contains(note, "未附各单位的统计表") {
			t.Errorf("%d agencies: 核查 note %q", n, note)
		}
		rows, _ := f.GetRows("各单位")
		if got := rows[len(rows)-2][0]; got != "合计" {
			t.Errorf("各单位 row %d: %q", len(rows)-1, got)
		}
	}
}

func TestRollupReproducible(t *testing.T) {
	ru, _ := testRollup(t)
	opt := Options{Created: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)}
	var a, b bytes.Buffer
	if err := WriteRollup(&a, ru, opt); err != nil {
		t.Fatal(err)
	}
	if err := WriteRollup(&b, ru, opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("same roll-up, different bytes")
	}
	f, err := excelize.OpenReader(&a)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if p, _ := f.GetDocProps(); p.Created != "2026-03-01T08:00:00Z" || p.Modified != p.Created {
		t.Errorf("created %q modified %q", p.Created, p.Modified)
	}
}

// TestRollupEmpty: a roll-up of no report is an error, and nothing is
// written.
func TestRollupEmpty(t *testing.T) {
	empty := rollup.Roll(nil, rollup.Options{Unreadable: []rollup.Unreadable{{Path: "a.doc", Reason: "不是报告"}}})
	for _, ru := range []*rollup.Rollup{nil, empty} {
		var buf bytes.Buffer
		if err := WriteRollup(&buf, ru, Options{}); !errors.Is(err, ErrEmptyRollup) || buf.Len() > 0 {
			t.Errorf("WriteRollup(%v) = %v, wrote %d bytes", ru, err, buf.Len())
		}
	}
}

// A minority form of a year (a Fujian local table among 2014 statistics
// tables) is summed on sheets of its own, not left out.
func TestRollupMinorityForm(t *testing.T) {
	a := parseFile(t, "seed-002.txt")
	b := copyReport(a, "某某区", "某某区.txt")
	fj := parseFile(t, "pingtan-2015-zone-html.html")
	fj.Year = a.Year
	ru := rollup.Roll([]*xxgk.Report{a, b, fj}, rollup.Options{})
	f := openRollup(t, ru)
	s := "2016年汇总 福建2014年统计表"
	if !slices.Contains(f.GetSheetList(), s) || !slices.Contains(f.GetSheetList(), "2016年汇总") {
		t.Fatalf("sheets %q", f.GetSheetList())
	}
	if got := mustValue(t, f, s, "A4"); !strings.HasPrefix(got, "本表为福建2014年统计表1个单位的合计。") {
		t.Errorf("note %q", got)
	}
	rows, err := f.GetRows(s)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for k, v := range fj.Cells {
		if !strings.HasPrefix(k, fj.Form+".") || v.Value.Sign() == 0 {
			continue
		}
		for _, row := range rows {
			if slices.Contains(row, v.Value.String()) {
				found++
				break
			}
		}
	}
	if found == 0 {
		t.Error("none of the local report's numbers is on its 汇总 sheet")
	}
}
