package templates

import (
	"strings"
)

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

// PathSep joins the labels of a row or a column with their groups in the
// places people read: （三）不予公开 › 1.属于国家秘密.
const PathSep = " › "

// CellPlace names a cell key for an evidence's place: the table's short
// name (表三), the row's label with its group (（三）不予公开 ›
// 1.属于国家秘密; a group every row of the table is under is named only
// for its direct rows), and the column's label with the groups that tell
// it apart (法人或其他组织 › 商业企业). The row is "" for a table of one row
// without a label column (表四). ok is false for a key that names no cell.
//
// The names are made once per cell and shared: every value of every report
// of a roll-up carries them.
func CellPlace(key string) (table, row, col string, ok bool) {
	t, r, c, ok := Cell(key)
	if !ok {
		return "", "", "", false
	}
	return t.Place(r.Key, c.Key)
}

// Place is CellPlace of the cell (row, col) of t. The names are made once
// per table (places): the table reader names every cell it reads.
func (t *Table) Place(row, col string) (table, rowPath, colPath string, ok bool) {
	p, ok := t.places[row][col]
	if !ok {
		return "", "", "", false
	}
	return t.Section.Short, p.row, p.col, true
}

// cellPlace is what Place names of a cell besides its table.
type cellPlace struct{ row, col string }

// makePlaces names every cell of t as CellPlace does.
func (t *Table) makePlaces() map[string]map[string]cellPlace {
	colPaths := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols := []string{c.Label}
		for p := t.Column(c.Parent); p != nil && !t.spansAll(p); p = t.Column(p.Parent) {
			cols = append([]string{p.Label}, cols...)
		}
		colPaths[i] = strings.Join(cols, PathSep)
	}
	places := make(map[string]map[string]cellPlace, len(t.Rows))
	for _, r := range t.Rows {
		row := t.RowPath(r)
		m := make(map[string]cellPlace, len(t.Columns))
		for i, c := range t.Columns {
			m[c.Key] = cellPlace{row, colPaths[i]}
		}
		places[r.Key] = m
	}
	return places
}

// RowPath is a row's label with its group, as CellPlace names it; "" for
// the one row of a table without a label column.
func (t *Table) RowPath(r *Row) string {
	if len(t.DataRows()) == 1 && !t.hasLabelColumn() {
		return ""
	}
	rows := []string{strings.TrimSpace(r.Label)}
	if p := t.Row(r.Parent); p != nil {
		rows = append([]string{strings.TrimSpace(p.Label)}, rows...)
	}
	return strings.Join(rows, PathSep)
}
