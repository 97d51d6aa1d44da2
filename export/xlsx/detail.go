package xlsx

import (
	"fmt"
	"slices"
	"strings"

	"xxgk"
	"xxgk/export/layout"
	"xxgk/rollup"
	"xxgk/templates"
)

// detailSheet is the 明细 of one official table (a layout group: 表三, or
// 表二's 第二十条 tables together) of a year's roll-up: one row per agency
// of the forms summed in st, the table's cells as columns, each headed by
// its row of the form above its column, and totals below.
func detailSheet(ru *rollup.Rollup, y *rollup.Year, st rollup.SummaryTable, g *layout.Group) *grid {
	forms := []string{st.Form}
	if st.Shared != nil {
		forms = st.Shared.Forms
	}
	var rows []*rollup.AgencyRow
	for _, a := range y.Agencies {
		if slices.Contains(forms, a.Form) && a.Report != nil {
			rows = append(rows, a)
		}
	}
	var cols []valueColumn
	for _, grid := range g.Tables {
		t := grid.Table
		for _, row := range t.DataRows() {
			for _, col := range t.DataColumns() {
				group, label := detailHeads(g.Kind, t, row, col)
				// An agency of a form sharing cells with st.Form has the
				// cell under its own form's id. The keys are made once: a
				// 明细 of 10,000 agencies looks up millions of cells.
				keys := map[string]string{}
				for _, f := range forms {
					keys[f] = f + "." + t.ID + "." + row.Key + "." + col.Key
				}
				cols = append(cols, valueColumn{group: group, label: label, value: func(a *rollup.AgencyRow) (xxgk.Value, bool) {
					return a.Cell(keys[a.Form])
				}})
			}
		}
	}
	var note []string
	for _, f := range forms {
		note = append(note, fmt.Sprintf("%s%d个", formName(f), y.FormCount(f)))
	}
	tail := "合计和填报单位数"
	if len(y.Groups) > 0 {
		tail = "合计、填报单位数和各分组小计"
	}
	notes := []string{listOrder(ru) + "每行一个单位，各栏为该单位报告中本表的数字（表头上行为表中的行，下行为栏）；空白表示报告中没有这一格，不按0计；有错误核查发现的单位加底色，原因见“核查问题”栏。表末为" + tail + "，均为公式。"}
	if len(forms) > 1 {
		notes = append(notes, "本表列出采用"+strings.Join(note, "、")+"的单位；"+formName(forms[1])+"等较早格式中没有的格空白。")
	}
	l := &agencyList{
		title: fmt.Sprintf("%s%s 各单位明细（%d个单位）", rollupTitle(ru, y), g.Section.Name, len(rows)),
		notes: notes, rows: rows, groups: y.Groups, values: cols, width: 9,
	}
	return l.build()
}

// detailHeads are the two header rows of a cell's column in a 明细 sheet:
// its row of the form above its column. A table of one unlabelled row
// (表四) has its column groups above; a 统计表 of one column only its row.
func detailHeads(kind layout.Kind, t *templates.Table, row *templates.Row, col *templates.Column) (group, label string) {
	switch {
	case kind == layout.Blocks:
		return t.HeaderLabel + " " + row.Label, col.Label
	case len(t.DataColumns()) == 1:
		label = row.Label
		if u := t.Unit(row.Key, col.Key); u != "" {
			label += "（" + u + "）"
		}
		return "", label
	case len(t.DataRows()) == 1 && (t.Layout != nil && t.Layout.Width == len(t.DataColumns())):
		var parents []string
		for p := t.Column(col.Parent); p != nil; p = t.Column(p.Parent) {
			parents = append([]string{p.Label}, parents...)
			if p.Parent == "" {
				break
			}
		}
		return strings.Join(parents, " "), col.Label
	}
	label = row.Label
	// A numbered item under a numbered group: （三）不予公开 1.属于国家秘密.
	if p := t.Row(row.Parent); p != nil && p.Parent != "" {
		label = p.Label + " " + label
	}
	return label, col.Label
}
