package templates

// ColumnDepth is how many column groups the column key is nested in: 0 for
// a top-level column (表三's 申请人情况), 1 for 自然人 under it, 2 for
// 商业企业 under 法人或其他组织.
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
