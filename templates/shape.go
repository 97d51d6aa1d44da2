package templates

// ColumnDepth is how many column groups the column key is nested in: 0 for
// a top-level column (表三's 自然人), 1 for 商业企业 under 法人或其他组织.
func (t *Table) ColumnDepth(key string) int {
	n := 0
	for c := t.Column(key); c != nil && c.Parent != ""; c = t.Column(c.Parent) {
		n++
	}
	return n
}

// RowDepth is how many row groups the row key is nested in.
func (t *Table) RowDepth(key string) int {
	n := 0
	for r := t.Row(key); r != nil && r.Parent != ""; r = t.Row(r.Parent) {
		n++
	}
	return n
}

// NestedShape is the layout of a table whose columns nest (表三, 表四), as
// the workbook and the PDF draw it: headerRows header rows (the depth of the
// column tree) and labelCols label columns (the depth of the row tree; none
// for a table with a single unlabelled row, 表四).
func (t *Table) NestedShape() (headerRows, labelCols int) {
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

// HeaderSpan is one merged cell of a nested table's header: header rows
// Row0..Row1 over data columns Col0..Col1 (0-based, inclusive).
type HeaderSpan struct {
	Row0, Col0, Row1, Col1 int
	Label                  string
}

// HeaderSpans lays the column tree out over headerRows rows, as the workbook and
// the PDF draw it: a group spans the data columns below it on its level; a
// data column spans down to the last header row.
func (t *Table) HeaderSpans(headerRows int) []HeaderSpan {
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
	var out []HeaderSpan
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
		out = append(out, HeaderSpan{lvl, f, r1, last[c.Key], c.Label})
	}
	return out
}

// GroupSizes counts the data rows below each row group (a group label is
// merged down as many rows).
func (t *Table) GroupSizes() map[string]int {
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
