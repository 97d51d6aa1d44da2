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
