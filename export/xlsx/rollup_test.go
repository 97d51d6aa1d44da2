package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"os"
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
		"2016年汇总", "2016年主要指标", "2016年各单位", "2016年明细 统计表",
		"2025年汇总 表二", "2025年汇总 表三", "2025年汇总 表四", "2025年主要指标", "2025年各单位",
		"2025年明细 表二", "2025年明细 表三", "2025年明细 表四",
		"核查",
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

// isAgencyList reports the sheets of one row per agency.
func isAgencyList(sheet string) bool {
	return strings.Contains(sheet, "各单位") || strings.Contains(sheet, "明细")
}

// checkRollupPrint: the print setup of checkPrintAs; the lists of agencies
// are printed across pages (各单位 across 3), with 序号 and 单位 and the two
// header rows repeated.
func checkRollupPrint(t *testing.T, f *excelize.File) {
	t.Helper()
	titles := checkPrintAs(t, f, func(sheet string) int {
		if !isAgencyList(sheet) {
			return 1
		}
		pl, _ := f.GetPageLayout(sheet)
		if strings.Contains(sheet, "各单位") && *pl.FitToWidth < 3 {
			t.Errorf("%s printed %d pages across, want 3 or more", sheet, *pl.FitToWidth)
		}
		return *pl.FitToWidth
	})
	for _, sheet := range f.GetSheetList() {
		if isAgencyList(sheet) {
			if want := quoteSheet(sheet) + "!$A:$B," + quoteSheet(sheet) + "!$3:$4"; titles[sheet] != want {
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
	// Each row's 填报单位数, right of the table.
	for sheet, cells := range map[string]map[string]string{
		rollupSheet(2025, "表三 依申请公开情况"): {"K6": "填报单位数", "K9": "2/2", "K32": "2/2"},
		rollupSheet(2025, "表四 复议诉讼情况"):  {"P6": "填报单位数", "P9": "2/2"},
		"2016年汇总": {"D6": "填报单位数", "D8": "1/1"},
	} {
		for cell, want := range cells {
			if got := mustValue(t, f, sheet, cell); got != want {
				t.Errorf("%s!%s = %q, want %q", sheet, cell, got, want)
			}
		}
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

// TestRollupAgencies: the 各单位 sheet of a year: one row per agency in
// pinyin order, missing figures empty, totals as formulas whose cached
// values are the model's totals, filter and frozen header.
func TestRollupAgencies(t *testing.T) {
	ru, _ := testRollup(t)
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
	for i := range header {
		header[i] = strings.ReplaceAll(header[i], "\n", "")
	}
	if got := header[:4]; !slices.Equal(got, []string{"序号", "单位", "分组", "格式"}) {
		t.Errorf("header %q", got)
	}
	if n := len(header); n != 4+len(templates.Figures)+3 || header[n-3] != "核查发现数" || header[n-2] != "核查问题" || header[n-1] != "来源文件" {
		t.Errorf("header %q", header)
	}
	col := func(c int) string { name, _ := excelize.ColumnNumberToName(c + 1); return name }
	// Agency rows 5–6 (某某县 mǒu before 平潭 píng), then 合计, 填报单位数, 小计：县直.
	for i, a := range y.Agencies {
		row := 5 + i
		if got, want := mustValue(t, f, sheet, fmt.Sprintf("B%d", row)), []string{"某某县", "平潭综合实验区"}[i]; got != want || a.Agency != want {
			t.Errorf("B%d = %q, want %q", row, got, want)
		}
		if got := mustValue(t, f, sheet, fmt.Sprintf("D%d", row)); got != "2021年格式" {
			t.Errorf("D%d = %q", row, got)
		}
		for j, fig := range templates.Figures {
			cell := fmt.Sprintf("%s%d", col(4+j), row)
			got := mustValue(t, f, sheet, cell)
			v, ok := a.Figures[fig.Key]
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
		fm, _ := f.GetCellFormula(sheet, c+"7")
		got := mustValue(t, f, sheet, c+"7")
		if !ok {
			missing++
			if got != "" || fm != "" {
				t.Errorf("%s7 (%s, no agency stated it) = %q formula %q, want empty", c, fig.Key, got, fm)
			}
		} else if fm != "SUM("+c+"5:"+c+"6)" || got != total.Value.String() {
			t.Errorf("%s7 (%s) = %q formula %q, want %s by SUM", c, fig.Key, got, fm, total.Value)
		}
		if fm, _ := f.GetCellFormula(sheet, c+"8"); ok && (fm != "COUNT("+c+"5:"+c+"6)" || mustValue(t, f, sheet, c+"8") != fmt.Sprint(total.Count)) {
			t.Errorf("%s8 (填报单位数 of %s) = %q formula %q, want %d", c, fig.Key, mustValue(t, f, sheet, c+"8"), fm, total.Count)
		}
		gt, ok := y.Groups[0].Figures[fig.Key]
		fm, _ = f.GetCellFormula(sheet, c+"9")
		if got := mustValue(t, f, sheet, c+"9"); ok && (got != gt.Value.String() || fm != `SUMIF($C$5:$C$6,"=县直",`+c+"5:"+c+"6)") ||
			!ok && got != "" {
			t.Errorf("%s9 (县直 %s) = %q formula %q, want %v", c, fig.Key, got, fm, gt.Value)
		}
	}
	if missing == 0 {
		t.Error("every figure stated: the empty case is not tested")
	}
	for cell, want := range map[string]string{"A7": "合计", "A8": "填报单位数", "A9": "小计：县直（1个单位）", "C9": "县直"} {
		if got := mustValue(t, f, sheet, cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	// The approximate figure carries its evidence, as on the official sheets.
	comments, _ := f.GetComments(sheet)
	if !hasComment(comments, "E5", "约数") || !hasComment(comments, "E7", "含约数") {
		t.Errorf("approximate 主动公开 not marked: %+v", comments)
	}
	var filter string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == sheet {
			filter = dn.RefersTo
		}
	}
	if want := fmt.Sprintf("'%s'!$A$4:$%s$6", sheet, col(len(header)-1)); filter != want {
		t.Errorf("auto-filter %q, want %q", filter, want)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 4 || panes.XSplit != 2 || panes.TopLeftCell != "C5" {
		t.Errorf("panes %+v, %v", panes, err)
	}
	// One year's sheets without a group have no 分组 column.
	if got := mustValue(t, f, "2016年各单位", "C3"); got != "格式" {
		t.Errorf("2016年各单位!C3 = %q", got)
	}
}

// TestRollupErrorsShaded: an agency with an error finding is shaded on the
// lists, the findings named in 核查问题.
func TestRollupErrorsShaded(t *testing.T) {
	a := parseFile(t, "pingtan-2025-zone-html.html")
	bad := copyReport(a, "某某县", "某某县.html")
	bad.Findings = append(slices.Clone(bad.Findings), xxgk.Finding{Rule: "t3_balance", Severity: xxgk.SeverityError, Message: "不平衡"})
	ru := rollup.Roll([]*xxgk.Report{a, bad}, rollup.Options{})
	f := openRollup(t, ru)
	for _, sheet := range []string{"各单位", "2025年明细 表三"} {
		rows, _ := f.GetRows(sheet)
		header := rows[2]
		reason := slices.Index(header, "核查问题")
		if reason < 0 {
			t.Fatalf("%s: no 核查问题 column in %q", sheet, header)
		}
		at := func(r, c int) string { n, _ := excelize.CoordinatesToCellName(c+1, r+1); return n }
		// 某某县 (mǒu) is the first agency, on row 5.
		if got := rows[4][1]; got != "某某县" {
			t.Fatalf("%s: first agency %q", sheet, got)
		}
		if got := rows[4][reason]; got != "有错误：表三 申请收支平衡" {
			t.Errorf("%s: reason %q", sheet, got)
		}
		if s := styleOf(t, f, sheet, at(4, 1)); len(s.Fill.Color) == 0 {
			t.Errorf("%s: the agency with an error is not shaded", sheet)
		}
		if s := styleOf(t, f, sheet, at(5, 1)); len(s.Fill.Color) != 0 || len(rows[5]) > reason && rows[5][reason] != "" {
			t.Errorf("%s: the agency without errors is shaded or has a reason", sheet)
		}
	}
}

// TestRollupDetail: the 明细 sheet of 表三 has one row per agency, the
// cells of the table as columns under the row and column of the form.
func TestRollupDetail(t *testing.T) {
	ru, _ := testRollup(t)
	f := openRollup(t, ru)
	y := ru.Years[1]
	const sheet = "2025年明细 表三"
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	tab := templates.FormByID("gov_2021").Table("t3_requests")
	cols := len(tab.DataRows()) * len(tab.DataColumns())
	// 序号, 单位, 分组, 格式, the cells, 核查问题, 来源文件.
	if len(rows[2]) != 4+cols+2 || rows[2][4] != "一、本年新收政府信息公开申请数量" || rows[3][4] != "自然人" || rows[3][4+6] != "总计" {
		t.Errorf("header: %d columns, %q / %q", len(rows[2]), rows[2][4:6], rows[3][4:11])
	}
	for i, a := range y.Agencies {
		r := rows[4+i]
		if r[1] != a.Agency {
			t.Errorf("row %d: %q, want %q", 5+i, r[1], a.Agency)
		}
		if want := a.Report.Cells["gov_2021.t3_requests.new_received.total"].Value.String(); r[4+6] != want {
			t.Errorf("%s 本年新收 总计 = %q, want %s", a.Agency, r[4+6], want)
		}
	}
	if got := rows[4+len(y.Agencies)][0]; got != "合计" {
		t.Errorf("after the agencies: %q", got)
	}
	total := y.Cells["gov_2021.t3_requests.new_received.total"].Value.String()
	if got := rows[4+len(y.Agencies)][4+6]; got != total {
		t.Errorf("合计 本年新收 总计 = %q, want %s", got, total)
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
		if got[0] != fd.Path || got[1] != fd.Agency || got[4] != templates.RuleName(fd.Rule) || got[5] != fd.Message {
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
		"2025年明细 表二", "2025年明细 表三", "2025年明细 表四",
		"年度未识别汇总 表二", "年度未识别汇总 表三", "年度未识别汇总 表四", "年度未识别主要指标", "年度未识别各单位",
		"年度未识别明细 表二", "年度未识别明细 表三", "年度未识别明细 表四",
		"核查"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	for cell, text := range map[string]string{"A1": "某某市" + titleSuffix + "（汇总）", "I2": "报告年度：未识别"} {
		if got := mustValue(t, f, "年度未识别汇总 表四", cell); got != text {
			t.Errorf("年度未识别汇总 表四!%s = %q, want %q", cell, got, text)
		}
	}
	if got := mustValue(t, f, "2012年各单位", "C5"); got != "文字报告" {
		t.Errorf("2012年各单位!C5 = %q", got)
	}
	checkRollupPrint(t, f)
}

// TestRollupAgencySheets: each agency's official sheets only on request;
// without, the sheets do not grow with the agencies.
func TestRollupAgencySheets(t *testing.T) {
	base := parseFile(t, "page-08.txt") // gov_2021, three sheets
	reports := make([]*xxgk.Report, 5)
	for i := range reports {
		reports[i] = copyReport(base, fmt.Sprintf("第%03d镇", i), fmt.Sprintf("%03d.txt", i))
	}
	ru := rollup.Roll(reports, rollup.Options{})
	fixed := []string{"2025年汇总 表二", "2025年汇总 表三", "2025年汇总 表四", "2025年主要指标", "各单位",
		"2025年明细 表二", "2025年明细 表三", "2025年明细 表四", "核查"}
	if got := openRollup(t, ru).GetSheetList(); !slices.Equal(got, fixed) {
		t.Errorf("sheets %q, want %q", got, fixed)
	}
	f := open(t, func(b *bytes.Buffer) error { return WriteRollup(b, ru, Options{AgencySheets: true}) })
	sheets := f.GetSheetList()
	if len(sheets) != len(fixed)+3*len(reports) || !slices.Equal(sheets[:len(fixed)], fixed) || sheets[len(fixed)] != "第000镇2025 表二" {
		t.Errorf("with the agencies' sheets: %q", sheets)
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

// TestRollupMissing: with a roster, the 未报送 sheet lists the agencies
// without a report in roster order, the reports outside the roster and
// the inputs that are not reports.
func TestRollupMissing(t *testing.T) {
	base := parseFile(t, "page-08.txt")
	ro := rollup.NewRoster([]rollup.RosterEntry{{Name: "乙镇", Group: "乡镇"}, {Name: "甲镇", Group: "乡镇"}, {Name: "丙局", Group: "部门"}, {Name: "丁局", Group: "部门"}})
	notice := copyReport(base, "丁局", "丁局.html")
	notice.Findings = []xxgk.Finding{{Rule: xxgk.RuleNotReport, Severity: xxgk.SeverityWarning, Evidence: "关于报送年度报告的通知"}}
	ru := rollup.Roll([]*xxgk.Report{
		copyReport(base, "某县甲镇人民政府", "甲.txt"), copyReport(base, "戊局", "戊.txt"), notice,
	}, rollup.Options{Roster: ro})
	f := openRollup(t, ru)
	if got := f.GetSheetList(); !slices.Contains(got, "2025年未报送") {
		t.Fatalf("sheets %q", got)
	}
	rows, _ := f.GetRows("2025年未报送")
	var lines []string
	for _, r := range rows[3:] {
		lines = append(lines, strings.Join(r, "|"))
	}
	want := []string{
		"一、未报送的单位（3个）",
		"1|乙镇|乡镇||未收到报告",
		"2|丙局|部门||未收到报告",
		"3|丁局|部门|丁局.html|收到的文件不是年度报告：标题表明不是年度报告：关于报送年度报告的通知",
		"二、名单外的报告（1份，数字计入合计）",
		"1|戊局||戊.txt|单位不在名单中",
		"三、非年度报告（1个文件，未计入汇总）",
		"1|丁局||丁局.html|标题表明不是年度报告：关于报送年度报告的通知",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("未报送:\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if got := mustValue(t, f, "2025年未报送", "A2"); !strings.Contains(got, "应报送4个单位，已报送1个，未报送3个") {
		t.Errorf("note %q", got)
	}
	// The agencies in roster order: 甲镇 (the roster's name), then 戊局.
	if got := []string{mustValue(t, f, "各单位", "B5"), mustValue(t, f, "各单位", "B6")}; !slices.Equal(got, []string{"甲镇", "戊局"}) {
		t.Errorf("各单位 %q", got)
	}
	if got := mustValue(t, f, "各单位", "D5"); got != "某县甲镇人民政府" {
		t.Errorf("报告所署单位 %q", got)
	}
}

// TestRollupManyAgencies: the sheets do not grow with the agencies; 表三's
// 明细 has one row per agency.
func TestRollupManyAgencies(t *testing.T) {
	if testing.Short() {
		t.Skip("a roll-up of 340 agencies")
	}
	base := parseFile(t, "pingtan-2025-zone-html.html")
	const n = 340
	reports := make([]*xxgk.Report, n)
	groups := map[string]string{}
	for i := range reports {
		reports[i] = copyReport(base, fmt.Sprintf("第%03d单位", i), fmt.Sprintf("%03d.html", i))
		groups[reports[i].Agency] = []string{"县直部门", "乡镇街道"}[i%2]
	}
	start := time.Now()
	f := openRollup(t, rollup.Roll(reports, rollup.Options{Groups: groups}))
	t.Logf("%d agencies written in %v", n, time.Since(start).Round(time.Millisecond))
	sheets := f.GetSheetList()
	if len(sheets) > 20 {
		t.Errorf("%d sheets: %q", len(sheets), sheets)
	}
	rows, err := f.GetRows("2025年明细 表三")
	if err != nil {
		t.Fatal(err)
	}
	agencies := 0
	for _, r := range rows {
		if len(r) > 1 && strings.HasPrefix(r[1], "第") {
			agencies++
		}
	}
	if agencies != n {
		t.Errorf("明细 表三: %d agency rows, want %d", agencies, n)
	}
}

// TestRollupFindingsCut: findings past the rows a sheet holds are not
// written; the last row says how many and where they all are.
func TestRollupFindingsCut(t *testing.T) {
	ru, _ := testRollup(t)
	for i := range 3 {
		ru.Findings = append(ru.Findings, rollup.Finding{Path: fmt.Sprintf("%d.html", i), Agency: "某局", Year: 2025,
			Finding: xxgk.Finding{Rule: xxgk.RuleRollupDuplicate, Severity: xxgk.SeverityWarning, Message: fmt.Sprintf("第%d条", i)}})
	}
	defer func(n int) { sheetRows = n }(sheetRows)
	sheetRows = 3 + 1 + 2 + 1 // title, note, header; the unreadable input; two findings; the last row
	rows, _ := openRollup(t, ru).GetRows("核查")
	if len(rows) != sheetRows {
		t.Fatalf("%d rows, want %d", len(rows), sheetRows)
	}
	for i, fd := range ru.Findings[:2] {
		if got := rows[4+i]; got[0] != fd.Path || got[5] != fd.Message {
			t.Errorf("finding %d: %q, want %+v", i, got, fd)
		}
	}
	want := fmt.Sprintf("另有%d条核查发现超出工作表的行数上限，未列出；用 --json 输出可得到全部核查发现。", len(ru.Findings)-2)
	if got := rows[len(rows)-1][0]; got != want {
		t.Errorf("last row %q, want %q", got, want)
	}
}

// TestRollupPackageInFile: the workbook written through a temporary file
// is byte for byte the one written in memory (where no temporary file can
// be made), and the file is removed.
func TestRollupPackageInFile(t *testing.T) {
	ru, _ := testRollup(t)
	for _, opt := range []Options{{}, {AgencySheets: true}} {
		var inFile, inMemory bytes.Buffer
		opt.TempDir = t.TempDir()
		// A file made and removed there changes the folder's time.
		past := time.Now().Add(-time.Hour)
		if err := os.Chtimes(opt.TempDir, past, past); err != nil {
			t.Fatal(err)
		}
		if err := WriteRollup(&inFile, ru, opt); err != nil {
			t.Fatal(err)
		}
		if left, _ := os.ReadDir(opt.TempDir); len(left) > 0 {
			t.Errorf("left behind: %v", left)
		}
		if fi, err := os.Stat(opt.TempDir); err != nil || !fi.ModTime().After(past) {
			t.Errorf("no temporary file was made in %s", opt.TempDir)
		}
		opt.TempDir = ""
		if err := WriteRollup(&inMemory, ru, opt); err != nil {
			t.Fatal(err)
		}
		if inFile.Len() < 10000 || !bytes.Equal(inFile.Bytes(), inMemory.Bytes()) {
			t.Errorf("agency sheets %v: %d bytes through the file, %d in memory", opt.AgencySheets, inFile.Len(), inMemory.Len())
		}
	}
}
