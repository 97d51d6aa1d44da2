package pdf

import (
	"fmt"
	"strings"

	"xxgk"
	"xxgk/templates"
)

// The official tables are laid out as export/xlsx lays out its sheets (the
// same column and row trees from templates), then drawn by drawTable.
//
// 表三 (3 label columns + 7 data columns) fits A4 portrait at 9 pt; 表四's
// 15 data columns do not fit 156 mm at ≥ 8 pt with their four-character
// labels (结果维持), so a table whose data columns need more than the
// portrait width is drawn on a landscape page (243 mm). Both are set at 9 pt.

// officialTables draws the form's tables filled from cells; year replaces
// the YYYY of the 统计表 headers (0: left as printed).
func (d *doc) officialTables(form *templates.Form, cells cellLookup, year int) {
	for _, g := range tableGroups(form) {
		for i, t := range g.tables {
			caption := ""
			if i == 0 {
				caption = g.caption
			}
			d.drawTable(buildTable(g, t, cells, year), caption)
		}
	}
}

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

// tableGroup is what xlsx draws as one sheet: the 第二十条 tables of 表二
// share a caption and column widths.
type tableGroup struct {
	caption string
	blocks  bool
	tables  []*templates.Table
}

func tableGroups(f *templates.Form) []tableGroup {
	var out []tableGroup
	for _, t := range f.Tables {
		caption, _, _ := strings.Cut(t.Title, " — ")
		blocks := strings.HasPrefix(t.ID, "t2_")
		if blocks && len(out) > 0 && out[len(out)-1].blocks {
			out[len(out)-1].tables = append(out[len(out)-1].tables, t)
			continue
		}
		out = append(out, tableGroup{caption: caption, blocks: blocks, tables: []*templates.Table{t}})
	}
	return out
}

func buildTable(g tableGroup, t *templates.Table, cells cellLookup, year int) *table {
	var tb *table
	switch {
	case g.blocks:
		tb = blockTable(g.tables, t, cells)
	case len(t.DataColumnsInOrder) > 0:
		tb = nestedTable(t, cells)
	default:
		tb = listTable(t, cells, year)
	}
	tb.keep = true
	return tb
}

// blockTable draws one 第二十条 table of 表二: a row with its 第二十条第（N）项
// label, a header row, the data rows; every block of the group has as many
// columns as the widest, a narrower one merging its last column rightwards.
func blockTable(group []*templates.Table, t *templates.Table, cells cellLookup) *table {
	ncols := 0
	for _, b := range group {
		ncols = max(ncols, len(b.DataColumns()))
	}
	widths := []float64{40}
	for range ncols {
		widths = append(widths, 20)
	}
	tb := newTable(sizeTable, widths...)
	last := len(widths) - 1
	tb.merge(0, 0, 0, last, cellBold(t.HeaderLabel))
	cols := t.DataColumns()
	span := func(i int) (int, int) {
		if i == len(cols)-1 {
			return i + 1, last
		}
		return i + 1, i + 1
	}
	tb.merge(1, 0, 1, 0, cellBold(labelColumn(t)))
	for i, c := range cols {
		c0, c1 := span(i)
		tb.merge(1, c0, 1, c1, cellBold(c.Label))
	}
	tb.header = 2
	for i, row := range t.DataRows() {
		tb.merge(2+i, 0, 2+i, 0, cellLeft(row.Label))
		for j, c := range cols {
			c0, c1 := span(j)
			tb.merge(2+i, c0, 2+i, c1, cellRight(cells(t, row.Key, c.Key)))
		}
	}
	return tb
}

func labelColumn(t *templates.Table) string {
	for _, c := range t.Columns {
		if c.IsLabel {
			return c.Label
		}
	}
	return ""
}

// Sizes of the nested tables.
const (
	sizeNested = 9.0
	// minDataCol is the narrowest data column, in characters of the
	// table's font: the four of 结果维持, 社会公益 per line.
	minDataCol = 4
)

// nestedTable draws 表三 or 表四: a column header derived from the column
// tree (a group spans its leaves; a leaf spans down to the last header
// row), row labels nested to the left as deep as the row tree, group
// labels merged down the rows they contain.
func nestedTable(t *templates.Table, cells cellLookup) *table {
	leaves := t.DataColumns()
	headerRows, labelCols := t.NestedShape()
	var widths []float64
	for i := range labelCols {
		switch {
		case i == labelCols-1:
			widths = append(widths, 40)
		case i == 0:
			widths = append(widths, 8)
		default:
			widths = append(widths, 10)
		}
	}
	for range leaves {
		widths = append(widths, 14)
	}
	size := sizeNested
	// Portrait if the data columns fit at minDataCol characters each.
	landscape := float64(len(leaves))*(minDataCol*size*ptToMM+2*padX) > pageW-marginLeft-marginRight-float64(labelCols)*12
	tb := newTable(size, widths...)
	tb.landscape = landscape
	tb.header = headerRows
	if labelCols > 0 {
		tb.merge(0, 0, headerRows-1, labelCols-1, tcell{text: layoutNote(t), align: "C"})
	}
	columnTree(tb, t, labelCols, headerRows)
	if labelCols == 0 {
		for i, c := range leaves {
			tb.merge(headerRows, i, headerRows, i, cellRight(cells(t, t.Rows[0].Key, c.Key)))
		}
		return tb
	}
	rowTree(tb, t, cells, headerRows, labelCols, leaves)
	return tb
}

// layoutNote is the text of the label area's header cell (formats.json's
// A1 cell of the layout: the note on 表三's identity).
func layoutNote(t *templates.Table) string {
	if t.Layout == nil {
		return ""
	}
	for _, h := range t.Layout.Header {
		if strings.HasPrefix(h.Cell, "A1:") {
			return h.Text
		}
	}
	return ""
}

func columnTree(tb *table, t *templates.Table, left, headerRows int) {
	for _, h := range t.HeaderSpans(headerRows) {
		tb.merge(h.Row0, left+h.Col0, h.Row1, left+h.Col1, cellBold(h.Label))
	}
}

func rowTree(tb *table, t *templates.Table, cells cellLookup, top, labelCols int, leaves []*templates.Column) {
	count := t.GroupSizes()
	y := top
	for _, row := range t.Rows {
		d := t.RowDepth(row.Key)
		if row.IsGroup {
			if n := count[row.Key]; n > 0 {
				tb.merge(y, d, y+n-1, d, cellCenter(row.Label))
			}
			continue
		}
		tb.merge(y, d, y, labelCols-1, cellLeft(row.Label))
		for i, c := range leaves {
			tb.merge(y, labelCols+i, y, labelCols+i, cellRight(cells(t, row.Key, c.Key)))
		}
		y++
	}
}

// listWidths are the label columns of 统计表-like tables.
var listWidths = map[string]float64{"indicator": 62, "unit": 10, "code": 8, "item": 34}

// listTable draws a 统计表: a header row, then every template row, groups
// included (they hold no number).
func listTable(t *templates.Table, cells cellLookup, year int) *table {
	var widths []float64
	for _, c := range t.Columns {
		w, ok := listWidths[c.Key]
		if !ok || !c.IsLabel {
			w = 18
		}
		widths = append(widths, w)
	}
	var head []string
	for _, c := range t.Columns {
		label := c.Label
		if year > 0 {
			label = strings.Replace(label, "YYYY", fmt.Sprint(year), 1)
		}
		head = append(head, label)
	}
	tb := newList(sizeTable, widths, head...)
	for _, row := range t.Rows {
		var line []tcell
		for _, c := range t.Columns {
			switch {
			case c.IsLabel && c.Key == "unit":
				line = append(line, cellCenter(row.Unit))
			case c.IsLabel && c.Key == "code":
				line = append(line, cellCenter(row.Number))
			case c.IsLabel || c.Key == "indicator" || c.Key == "item":
				line = append(line, tcell{text: row.Label, align: "L", bold: row.IsGroup})
			case row.IsGroup:
				line = append(line, cellRight(""))
			default:
				line = append(line, cellRight(cells(t, row.Key, c.Key)))
			}
		}
		tb.row(line...)
	}
	return tb
}
