package xlsx

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"xxgk/templates"
	"xxgk/workbook"
)

// A template opens on 填表说明: where the agency and the year are typed,
// once (every sheet shows them), and how the form is filled.

// Rows (0-based) of the 填表说明 cells where the agency and the year are
// typed, in column instrInputCol.
const (
	instrAgencyRow = 2
	instrYearRow   = 3
	instrInputCol  = 1
)

// fieldFormula shows on a form sheet what was typed on 填表说明 in row r,
// after label: ="填报单位："&'填表说明'!$B$3.
func fieldFormula(label string, r int) string {
	col, _ := excelize.ColumnNumberToName(instrInputCol + 1)
	return fmt.Sprintf(`"%s"&%s!$%s$%d`, label, quoteSheet(workbook.InstructionsSheet), col, r+1)
}

// instructionsSheet is the 填表说明 sheet of a template of form.
func instructionsSheet(form *templates.Form) *grid {
	g := newGrid(14, 22, 22, 22, 22)
	w := g.width()
	g.merge(0, 0, 0, w-1, form.Label+titleSuffix+"填表说明", sTitle)
	g.heights[0] = 40
	for _, f := range []struct {
		row          int
		label, input string
	}{{instrAgencyRow, workbook.AgencyLabel, "填写单位全称，如“福清市自然资源和规划局”"}, {instrYearRow, workbook.YearLabel, "填写报告所属的年度，如 2024"}} {
		g.set(f.row, 0, f.label, sHeader)
		g.merge(f.row, instrInputCol, f.row, w-1, "", sInputField)
		g.heights[f.row] = 26
		dv := excelize.NewDataValidation(true)
		dv.Sqref = cellName(f.row, instrInputCol)
		dv.SetInput(f.label, f.input)
		g.dvs = append(g.dvs, dv)
	}
	r := instrYearRow + 2
	for i, text := range instructions(form) {
		g.merge(r, 0, r, w-1, fmt.Sprintf("%d．%s", i+1, text), sNote)
		r++
	}
	g.titleRows = [2]int{0, 0}
	g.protect = true
	return g
}

// instructions are the points of 填表说明 for form.
func instructions(form *templates.Form) []string {
	var sheets []string
	money, checks := false, []string{}
	for _, t := range form.Tables {
		if !slices.Contains(sheets, t.Section.Name) {
			sheets = append(sheets, t.Section.Name)
		}
		for _, c := range t.DataColumns() {
			for _, r := range t.DataRows() {
				money = money || c.Decimal || t.Unit(r.Key, c.Key) == "万元"
			}
		}
		for _, id := range t.Identities {
			if id.Form != nil && len(id.Form.LHS) >= 2 && !slices.Contains(checks, id.Name) {
				checks = append(checks, id.Name)
			}
		}
	}
	out := []string{
		"先在上面两格填写填报单位和报告年度（四位数的年份，如 2024），只填一次：" + strings.Join(sheets, "、") + "的表头会自动显示。",
		"只在有边框的空白格中填写数字；合计格（总计）由公式自动计算，不能修改。请直接填写阿拉伯数字，不要写“约”“余”、单位或汉字数字（如“二十”），也不要把格式设为文本。",
		"没有发生的事项填 0。空白格表示没有填写：一张表中填了数字时，留空的格按 0 计算（核查中会注明是空格）；整张表都没有数字时，按没有填报处理。为免误会，请在没有发生的格中填 0。",
	}
	if money {
		out = append(out, "金额以万元为单位，可以有小数；其余的格为件数、条数等，填整数。")
	}
	if len(checks) > 0 {
		out = append(out, "表格下方的“核对”行按勾稽关系（"+strings.Join(checks, "、")+"）检查各栏：应显示“平衡”；显示“相差”时请核对所填的数字。")
	}
	return append(out, "填好后保存为 .xlsx 文件报送。请不要增删或移动表格的行、列，不要改动表中的文字。")
}

// addChecks adds below a template sheet's tables a check row for each
// identity relating several cells to several (表三: 一 + 二 = 三（七）+ 四 in
// every column): each column's cell shows 平衡, or 相差 and the
// difference, as the clerk types.
func (fg *formGrid) addChecks(tables []*templates.Table) {
	for _, t := range tables {
		var ids []string
		byID := map[string][]templates.Relation{}
		for _, rel := range t.Relations() {
			if rel.Op != "==" || len(rel.LHS) < 2 || rel.Const != "" || !fg.allSlots(t, rel.LHS) || !fg.allSlots(t, rel.RHS) {
				continue
			}
			if _, ok := byID[rel.Identity.ID]; !ok {
				ids = append(ids, rel.Identity.ID)
			}
			byID[rel.Identity.ID] = append(byID[rel.Identity.ID], rel)
		}
		for _, id := range ids {
			rels := byID[id]
			r := len(fg.rows) + 1 // below an empty row
			first := fg.width()
			for _, rel := range rels {
				first = min(first, fg.slots[fg.byKey[t.CellKey(rel.LHS[0].Row, rel.LHS[0].Col)]].c)
			}
			label := workbook.CheckLabel + "：" + rels[0].Identity.Name + "（" + relationText(t, rels[0]) + "）"
			fg.merge(r, 0, r, max(first-1, 0), balanced(label, fg.spanWidth(0, max(first-1, 0))), sLabel)
			for c := first; c < fg.width(); c++ {
				fg.set(r, c, "", sCheck)
			}
			for _, rel := range rels {
				s := fg.slots[fg.byKey[t.CellKey(rel.LHS[0].Row, rel.LHS[0].Col)]]
				diff := "(" + fg.cellSum(t, rel.LHS) + ")-(" + fg.cellSum(t, rel.RHS) + ")"
				x := fg.at(r, s.c)
				x.formula = `IF(ROUND(` + diff + `,6)=0,"平衡","相差"&ROUND(` + diff + `,6))`
				x.text = "平衡" // the empty form balances
			}
		}
	}
}

// cellSum is the cells of refs added: D7+D8.
func (fg *formGrid) cellSum(t *templates.Table, refs []templates.CellRef) string {
	var parts []string
	for _, ref := range refs {
		s := fg.slots[fg.byKey[t.CellKey(ref.Row, ref.Col)]]
		parts = append(parts, cellName(s.r, s.c))
	}
	return strings.Join(parts, "+")
}

// relationText writes a relation by its rows' numbers: 一＋二＝（七）＋四.
func relationText(t *templates.Table, rel templates.Relation) string {
	side := func(refs []templates.CellRef) string {
		var parts []string
		for _, ref := range refs {
			row := t.Row(ref.Row)
			n := row.Number
			if p := t.Row(row.Parent); p != nil && p.Number != "" && !strings.HasPrefix(n, p.Number) {
				n = p.Number + n
			}
			parts = append(parts, n)
		}
		return strings.Join(parts, "＋")
	}
	return side(rel.LHS) + "＝" + side(rel.RHS)
}
