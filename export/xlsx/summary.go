package xlsx

import (
	"fmt"
	"path"
	"strings"

	"xxgk"
	"xxgk/templates"
	"xxgk/workbook"
)

// formLabel names a form in block titles: a national form by its 文号 and
// what its label calls it (国办公开办函〔2021〕30号格式, from 2021年格式),
// another by its name in formats.json.
func formLabel(id string) string {
	if id == xxgk.FormNarrative {
		return "无统计表（数据取自正文）"
	}
	f := templates.FormByID(id)
	switch {
	case f == nil:
		return id
	case f.DocumentNumber != "":
		return f.DocumentNumber + labelKind(f.Label)
	}
	return f.Name
}

// labelKind is what a form's label calls it, after the year: 格式 in
// 2021年格式, 统计表 in 2014年统计表.
func labelKind(label string) string {
	if _, kind, ok := strings.Cut(label, "年"); ok && kind != "" {
		return kind
	}
	return label
}

// reportCaption identifies a report in block titles and the 报告 column.
func reportCaption(r *xxgk.Report) string {
	parts := []string{nonEmpty(r.Agency, "未署名机关") + yearText(r.Year), formLabel(r.Form)}
	if r.Source.Path != "" {
		parts = append(parts, workbook.FileLabel+path.Base(strings.ReplaceAll(r.Source.Path, `\`, "/")))
	}
	return strings.Join(parts, " · ")
}

func nonEmpty(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

var figureColumns = []column{
	{workbook.FiguresHeader[workbook.FigureLabel], 30, sLabel},
	{workbook.FiguresHeader[workbook.FigureValue], 14, sNumber},
	{workbook.FiguresHeader[workbook.FigureUnit], 7, sTextCenter},
	{workbook.FiguresHeader[workbook.FigureApprox], 7, sTextCenter},
	{workbook.FiguresHeader[workbook.FigureSource], 42, sText},
	{workbook.FiguresHeader[workbook.FigureLine], 8, sNumber},
}

// listSheet starts a list sheet: column widths, the title merged across
// them in row 0, the header in row 1, both repeated when printed. Notes
// go between them, one row each, and then only the header is repeated;
// the list starts at row len(g.rows).
func listSheet(cols []column, title string, notes ...string) *grid {
	return listSheetSpan(cols, len(cols), title, notes...)
}

// listSheetSpan is listSheet with the title and notes merged across the
// first span columns only: a sheet printed several pages wide shows them
// on its first page.
func listSheetSpan(cols []column, span int, title string, notes ...string) *grid {
	g := newGrid()
	for _, c := range cols {
		g.widths = append(g.widths, c.width)
	}
	g.merge(0, 0, 0, span-1, title, sTitle)
	for i, n := range notes {
		g.merge(1+i, 0, 1+i, span-1, n, sNote)
	}
	h := 1 + len(notes)
	for i, c := range cols {
		g.set(h, i, c.label, sHeader)
	}
	g.titleRows = [2]int{0, h}
	if len(notes) > 0 {
		g.titleRows[0] = h
	}
	return g
}

// figuresSheet lists every figure of templates.Figures for each report,
// one row each; with several reports, one block per report under a
// caption row, all under one header.
func figuresSheet(reports []*xxgk.Report) *grid {
	title := fmt.Sprintf("主要指标（%d份报告）", len(reports))
	if len(reports) == 1 {
		r := reports[0]
		title = r.Agency + yearText(r.Year) + "政府信息公开工作年度报告主要指标"
	}
	g := listSheet(figureColumns, title)
	w := g.width()
	row := 2
	for _, r := range reports {
		if len(reports) > 1 {
			g.merge(row, 0, row, w-1, reportCaption(r), sBlock)
			row++
		}
		for _, fig := range templates.Figures {
			figureRow(g, row, fig, r)
			row++
		}
	}
	g.landscape = g.totalWidth() > 110
	return g
}

func figureRow(g *grid, row int, fig templates.Figure, r *xxgk.Report) {
	g.set(row, workbook.FigureLabel, fig.Label, sLabel)
	for c, col := range figureColumns[1:] {
		g.set(row, c+1, "", col.style)
	}
	v, ok := r.Figures[fig.Key]
	if !ok {
		g.at(row, workbook.FigureUnit).text = fig.Unit
		return
	}
	g.at(row, workbook.FigureValue).num = cellValue(v.Value)
	g.at(row, workbook.FigureValue).comment = manualNote(v)
	g.at(row, workbook.FigureUnit).text = nonEmpty(v.Unit, fig.Unit)
	if v.Approx {
		g.at(row, workbook.FigureApprox).text = workbook.Approx
	}
	g.at(row, workbook.FigureSource).text = v.Describe(r.Source)
	if v.Line > 0 && r.Source.LinesReal() {
		g.at(row, workbook.FigureLine).num = int64(v.Line)
	}
}

type column struct {
	label string
	width float64
	style style
}

var findingColumns = []column{
	{workbook.FindingsHeader[0], 7, sTextCenter}, {workbook.FindingsHeader[1], 20, sText}, {workbook.FindingsHeader[2], 50, sText},
	{workbook.FindingsHeader[3], 24, sText}, {workbook.FindingsHeader[4], 7, sNumber}, {workbook.FindingsHeader[5], 40, sText},
}

// findingsSheet lists the reports' findings; with several reports a first
// 报告 column says whose they are, and the list has a filter.
func findingsSheet(reports []*xxgk.Report) *grid {
	cols := findingColumns
	multi := len(reports) > 1
	if multi {
		cols = append([]column{{workbook.ReportColumn, 24, sText}}, cols...)
	}
	title := "核查结果"
	if !multi {
		title = nonEmpty(reports[0].Agency, "") + yearText(reports[0].Year) + "政府信息公开工作年度报告核查结果"
	}
	g := listSheet(cols, title)
	w := g.width()
	row := 2
	for _, r := range reports {
		first := 0
		if multi {
			g.set(row, 0, reportCaption(r), sText)
			first = 1
		}
		if len(r.Findings) == 0 {
			g.merge(row, first, row, w-1, "未发现问题", sTextCenter)
			row++
			continue
		}
		for i, f := range xxgk.ByRank(r.Findings) {
			if multi && i > 0 {
				g.set(row, 0, reportCaption(r), sText)
			}
			findingRow(g, row, first, cols[first:], f, r.Source)
			row++
		}
	}
	if multi {
		g.autoFilter = cellName(1, 0) + ":" + cellName(row-1, w-1)
	}
	g.landscape = true
	return g
}

// findingRow writes a finding in the columns of workbook.FindingsHeader;
// its line only where src's lines are lines people count (Source.Place).
func findingRow(g *grid, row, first int, cols []column, f xxgk.Finding, src xxgk.Source) {
	g.at(row, first+len(cols)-1) // the row's cells, to fill in place
	findingCells(g.rows[row][first:first+len(cols)], cols, f, src)
}

// findingCells fills out (one cell per column of cols) with a finding.
func findingCells(out []gcell, cols []column, f xxgk.Finding, src xxgk.Source) {
	texts := []string{f.Severity.Label(), templates.RuleName(f.Rule), f.Message, keyLabels(f.Keys), "", f.Evidence}
	for i, c := range cols {
		out[i] = gcell{text: texts[i], style: c.style, used: true}
	}
	if src.Place(f.Line) != "" {
		out[4].num = int64(f.Line)
	}
}

// tableLabel names a table key (FORM.TABLE, as blank_form has them) in
// Chinese: 表二 第二十条第（五）项; any other key is shown as is.
func tableLabel(k string) string {
	form, table, ok := strings.Cut(k, ".")
	f := templates.FormByID(form)
	if !ok || f == nil || f.Table(table) == nil {
		return k
	}
	t := f.Table(table)
	if t.HeaderLabel != "" {
		return t.Section.Short + " " + t.HeaderLabel
	}
	return t.Section.Name
}

// keyLabels names figure and cell keys in Chinese: 予以公开, 表三 （一）予以公开／总计.
func keyLabels(keys []string) string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		out = append(out, keyLabel(k))
	}
	return strings.Join(out, "、")
}

func keyLabel(k string) string {
	if fig := templates.FigureByKey(k); fig != nil {
		return fig.Label
	}
	t, row, col, ok := templates.Cell(k)
	if !ok {
		return tableLabel(k)
	}
	sec := t.Section.Short
	// 总计 and 结果维持 repeat under several groups: name the group too.
	colText := col.Label
	if p := t.Column(col.Parent); p != nil && p.IsGroup && col.Parent != "applicant" {
		colText = p.Label + col.Label
	}
	if len(t.Rows) == 1 {
		return sec + " " + colText
	}
	return sec + " " + row.Label + "／" + colText
}
