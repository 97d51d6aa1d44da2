package pdf

import (
	"xxgk"
	"xxgk/export/layout"
	"xxgk/templates"
)

// The official tables are drawn from their layout (export/layout), the
// one export/xlsx draws its sheets from.
//
// 表三 (3 label columns + 7 data columns) fits A4 portrait at 9 pt; 表四's
// 15 data columns do not fit 156 mm at ≥ 8 pt with their four-character
// labels (结果维持), so a table whose data columns need more than the
// portrait width is drawn on a landscape page (243 mm). Both are set at 9 pt.

// officialTables draws the form's tables filled from cells; year replaces
// the YYYY of the 统计表 headers (0: left as printed). With cover (a
// roll-up's summed tables), each table has a 填报单位数 column.
func (d *doc) officialTables(form *templates.Form, cells cellLookup, cover coverLookup, year int) {
	for _, g := range layout.Groups(form) {
		if cover != nil {
			g = layout.WithCoverage(g)
		}
		for i, grid := range g.Tables {
			caption := ""
			if i == 0 {
				caption = d.subheadingText(tableCaption(g.Section))
			}
			d.drawTable(formTable(g.Kind, grid, cells, cover, year), caption)
		}
	}
}

// tableCaption names an official table under the summary's own numbered
// headings without repeating its number: 表三　收到和处理政府信息公开申请情况
// (the form prints 三、收到和处理…), 政府信息公开情况统计表.
func tableCaption(s templates.Section) string {
	number, rest := templates.StripNumbering(s.Heading)
	if number == "" || rest == "" {
		return s.Heading
	}
	return s.Short + "　" + rest
}

// coverLookup gives the 填报单位数 of row of table t in a roll-up, and
// whether every agency filled it.
type coverLookup func(t *templates.Table, row string) (text string, full bool)

// cellLookup gives the text of the cell (row, col) of table t: its value,
// 约 before an approximate one, "" for a cell there is no value for.
type cellLookup func(t *templates.Table, row, col string) string

// reportCells looks cells up in a report; a cell the report left blank
// prints as blank.
func reportCells(r *xxgk.Report) cellLookup {
	return func(t *templates.Table, row, col string) string {
		v, ok := r.Cells[t.CellKey(row, col)]
		if !ok || v.Blank {
			return ""
		}
		return valueText(v)
	}
}

// Sizes of the official tables.
const (
	sizeNested = 9.0
	// minDataCol is the narrowest data column, in characters of the
	// table's font: the four of 结果维持, 社会公益 per line.
	minDataCol = 4
)

// cellLooks are how the layout's cells are printed.
var cellLooks = [...]tcell{
	layout.Header: {align: "C", bold: true}, layout.Corner: {align: "C"},
	layout.RowLabel: {align: "L"}, layout.GroupLabel: {align: "C"},
	layout.Unit: {align: "C"}, layout.Code: {align: "C"},
	layout.Data: {align: "R"}, layout.Empty: {align: "R"}, layout.Coverage: {align: "C"},
}

// formTable is a table of the form drawn from its layout, filled from
// cells.
func formTable(kind layout.Kind, g *layout.Grid, cells cellLookup, cover coverLookup, year int) *table {
	size := sizeTable
	if kind == layout.Nested {
		size = sizeNested
	}
	tb := newTable(size, columnWidths(kind, g)...)
	tb.header, tb.keep = g.HeaderRows, true
	if kind == layout.Nested { // the row groups' columns: as narrow as they can be
		tb.fit = make([]bool, len(g.Columns))
		for i := range max(g.LabelCols-1, 0) {
			tb.fit[i] = true
		}
	}
	// Portrait if the data columns fit at minDataCol characters each (a
	// roll-up's 填报单位数 beside them in coverageMM).
	data, extra := len(g.Columns)-g.LabelCols, 0.0
	for _, c := range g.Columns {
		if c.Coverage {
			data, extra = data-1, coverageMM
		}
	}
	tb.landscape = kind == layout.Nested &&
		float64(data)*(minDataCol*size*ptToMM+2*padX)+extra > pageW-portrait.left-portrait.right-float64(g.LabelCols)*12
	for _, c := range g.Cells {
		x := cellLooks[c.Kind]
		switch c.Kind {
		case layout.Data:
			x.text = cells(g.Table, c.Row.Key, c.Col.Key)
		case layout.Coverage:
			text, full := cover(g.Table, c.Row.Key)
			x.text, x.bold = text, !full // bold where not every agency filled the row
		case layout.RowLabel:
			x.text, x.bold = c.Text, c.Row.IsGroup // a 统计表 group row
		default:
			x.text = c.TextIn(year)
		}
		tb.merge(c.Row0, c.Col0, c.Row1, c.Col1, x)
	}
	return tb
}

// The 填报单位数 column of a roll-up (38～40/45): its relative width, and
// what it takes of a page.
const (
	coverageWidth = 16
	coverageMM    = 13.0
)

// Relative column widths.
var (
	dataWidth  = [...]float64{layout.Blocks: 20, layout.Nested: 12, layout.List: 18}
	listWidths = map[string]float64{"indicator": 62, "unit": 10, "code": 8, "item": 34}
)

// columnWidths are the widths of a table's columns.
func columnWidths(kind layout.Kind, g *layout.Grid) []float64 {
	widths := make([]float64, len(g.Columns))
	for i, c := range g.Columns {
		switch {
		case c.Coverage:
			widths[i] = coverageWidth
		case c.Label:
			widths[i] = labelWidth(kind, g, i, c)
		default:
			widths[i] = dataWidth[kind]
		}
	}
	return widths
}

// labelWidth is the width of label column i.
func labelWidth(kind layout.Kind, g *layout.Grid, i int, c layout.Column) float64 {
	switch kind {
	case layout.Blocks:
		return 40
	case layout.Nested: // the row labels inside, group labels outside
		if i == g.LabelCols-1 {
			return 50
		}
		return 0 // fit to their content (formTable)
	}
	if w, ok := listWidths[c.Key]; ok {
		return w
	}
	return dataWidth[layout.List]
}
