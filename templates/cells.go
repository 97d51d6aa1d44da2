package templates

import "strings"

// CellLabel names a cell key (FORM.TABLE.ROW.COL) for people, in one line:
// the table's section, the row, the column, each with as much of its
// groups as tells it apart from its namesakes: 表三 （三）不予公开 1.属于国家秘密／总计,
// 表四 行政诉讼·未经复议直接起诉·结果维持. A row is left out of a table
// of one row without a label column. A key that names no cell is returned as it is.
func CellLabel(key string) string {
	t, row, col, ok := Cell(key)
	if !ok {
		return key
	}
	colText := col.Label
	for p := t.Column(col.Parent); p != nil && !t.spansAll(p); p = t.Column(p.Parent) {
		colText = p.Label + "·" + colText
	}
	if len(t.DataRows()) == 1 && !t.hasLabelColumn() {
		return t.Section.Short + " " + colText // 表四: its one row has no label
	}
	rowText := row.Label
	// A row is named with its group where the group tells it apart
	// (统计表's （二）被依法纠错数 under 行政复议 and under 行政诉讼) or is
	// not the table's top group that every row is under (表三's
	// 1.属于国家秘密 under （三）不予公开, not 三、本年度办理结果).
	if p := t.Row(row.Parent); p != nil && (p.Parent != "" || t.labelShared(row)) {
		rowText = p.Label + " " + rowText
	}
	return t.Section.Short + " " + strings.TrimSpace(rowText) + "／" + colText
}

// spansAll reports whether the column group c is over every data column
// of the table (表三's 申请人情况): naming it tells no column apart.
func (t *Table) spansAll(c *Column) bool {
	for _, d := range t.DataColumns() {
		in := false
		for p := t.Column(d.Parent); p != nil; p = t.Column(p.Parent) {
			if p == c {
				in = true
				break
			}
		}
		if !in {
			return false
		}
	}
	return true
}

func (t *Table) hasLabelColumn() bool {
	for _, c := range t.Columns {
		if c.IsLabel {
			return true
		}
	}
	return false
}

// labelShared reports whether another data row of the table has row's label.
func (t *Table) labelShared(row *Row) bool {
	for _, r := range t.DataRows() {
		if r != row && r.Label == row.Label {
			return true
		}
	}
	return false
}
