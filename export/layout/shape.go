package layout

import "xxgk/templates"

// shape is the shape of a Nested table: headerRows header rows (the depth
// of the column tree) and labelCols label columns (the depth of the row
// tree; none for a table with a single unlabelled row, 表四).
func shape(t *templates.Table) (headerRows, labelCols int) {
	leaves := t.DataColumns()
	for _, c := range leaves {
		headerRows = max(headerRows, t.ColumnDepth(c.Key)+1)
	}
	if len(t.Rows) == 1 && t.Layout != nil && t.Layout.Width == len(leaves) {
		return headerRows, 0
	}
	for _, r := range t.Rows {
		labelCols = max(labelCols, t.RowDepth(r.Key)+1)
	}
	return headerRows, labelCols
}

// headerSpan is one merged cell of a Nested table's header: header rows
// Row0..Row1 over data columns Col0..Col1 (0-based, inclusive).
type headerSpan struct {
	Row0, Col0, Row1, Col1 int
	Column                 *templates.Column
}

// headerSpans lays the column tree out over headerRows rows, in the order
// of the table's columns: a group spans the data columns below it on its
// level; a data column spans down to the last header row.
func headerSpans(t *templates.Table, headerRows int) []headerSpan {
	leafIdx := map[string]int{}
	for i, c := range t.DataColumns() {
		leafIdx[c.Key] = i
	}
	first, last := map[string]int{}, map[string]int{}
	for k, i := range leafIdx {
		for c := t.Column(k); c != nil; c = t.Column(c.Parent) {
			if f, ok := first[c.Key]; !ok || i < f {
				first[c.Key] = i
			}
			last[c.Key] = max(last[c.Key], i)
			if c.Parent == "" {
				break
			}
		}
	}
	var out []headerSpan
	for _, c := range t.Columns {
		f, ok := first[c.Key]
		if !ok {
			continue
		}
		lvl := t.ColumnDepth(c.Key)
		r1 := lvl
		if _, leaf := leafIdx[c.Key]; leaf {
			r1 = headerRows - 1
		}
		out = append(out, headerSpan{lvl, f, r1, last[c.Key], c})
	}
	return out
}

// groupSizes counts the data rows below each row group (a group label is
// merged down as many rows).
func groupSizes(t *templates.Table) map[string]int {
	count := map[string]int{}
	for _, row := range t.DataRows() {
		for p := t.Row(row.Parent); p != nil; p = t.Row(p.Parent) {
			count[p.Key]++
			if p.Parent == "" {
				break
			}
		}
	}
	return count
}
