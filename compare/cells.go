package compare

import (
	"fmt"
	"slices"
	"strings"

	"xxgk"
	"xxgk/templates"
)

// cellPair is a cell of last year's form and the cell of this year's
// that means the same; one of the keys is "" for a cell the other form
// does not have.
type cellPair struct{ last, this, unit string }

// pairCells lists the data cells of the two forms: this year's form's in
// the order of its tables, each with last year's cell of the same
// meaning, then last year's form's cells that this year's form does not
// have. Two forms mean the same by a cell of the same key when they are
// one form or formats.json says they share cells (gov_2019, gov_2021).
func pairCells(lastForm, thisForm string) []cellPair {
	share := lastForm == thisForm || shareCells(lastForm, thisForm)
	var out []cellPair
	matched := map[string]bool{} // TABLE.ROW.COL of last year's form
	for _, key := range dataCells(thisForm) {
		p := cellPair{this: key, unit: unitOf(key)}
		rest := strings.TrimPrefix(key, thisForm+".")
		if share && isDataCell(lastForm, rest) {
			p.last = lastForm + "." + rest
			matched[rest] = true
		}
		out = append(out, p)
	}
	for _, key := range dataCells(lastForm) {
		if !matched[strings.TrimPrefix(key, lastForm+".")] {
			out = append(out, cellPair{last: key, unit: unitOf(key)})
		}
	}
	return out
}

// shareCells reports whether formats.json groups the two forms as sharing
// cells.
func shareCells(a, b string) bool {
	for _, g := range templates.SharingGroups() {
		if slices.Contains(g, a) && slices.Contains(g, b) {
			return true
		}
	}
	return false
}

// dataCells are the keys of the data cells of a form, table by table, row
// by row; none for a narrative report or a form formats.json does not know.
func dataCells(form string) []string {
	f := templates.FormByID(form)
	if f == nil {
		return nil
	}
	var keys []string
	for _, t := range f.Tables {
		for _, r := range t.DataRows() {
			for _, c := range t.DataColumns() {
				keys = append(keys, t.CellKey(r.Key, c.Key))
			}
		}
	}
	return keys
}

// isDataCell reports whether TABLE.ROW.COL is a data cell of form.
func isDataCell(form, rest string) bool {
	t, row, col, ok := templates.Cell(form + "." + rest)
	return ok && !row.IsGroup && slices.Contains(t.DataColumns(), col)
}

func unitOf(key string) string {
	t, row, col, ok := templates.Cell(key)
	if !ok {
		return ""
	}
	return t.Unit(row.Key, col.Key)
}

// formsNote says, when the forms differ, what could not be compared.
func (c *Comparison) formsNote() {
	lf, tf := c.Last.Form, c.This.Form
	if lf == tf {
		return
	}
	ln, tn := formName(lf), formName(tf)
	switch {
	case lf == "" || tf == "":
		return // a roll-up without tables: nothing to say about forms
	case len(dataCells(lf)) == 0 && len(dataCells(tf)) == 0:
		return // two kinds of report without a table: figures only, as always
	case len(dataCells(lf)) == 0 || len(dataCells(tf)) == 0:
		c.add(xxgk.RuleCompareForms, xxgk.SeverityInfo, fmt.Sprintf(
			"上年报告为%s，本年报告为%s，其中一份没有官方统计表：只比较主要指标，有统计表一方的%d个格未比较。",
			ln, tn, len(c.NotCompared)), nil)
		return
	}
	shared := 0
	for _, p := range pairCells(lf, tf) {
		if p.last != "" && p.this != "" {
			shared++
		}
	}
	if shared == 0 {
		c.add(xxgk.RuleCompareForms, xxgk.SeverityInfo, fmt.Sprintf(
			"上年报告为%s，本年报告为%s，两种统计表没有对应的格：只比较主要指标，两年报告中的%d个格未比较。",
			ln, tn, len(c.NotCompared)), nil)
		return
	}
	var lastOnly, thisOnly []string
	for _, r := range c.NotCompared {
		if r.Last != nil {
			lastOnly = append(lastOnly, r.Label)
		} else {
			thisOnly = append(thisOnly, r.Label)
		}
	}
	msg := fmt.Sprintf("上年报告为%s，本年报告为%s：两种格式共有的%d个格逐格比较。", ln, tn, shared)
	if len(lastOnly) > 0 {
		msg += fmt.Sprintf("上年报告另有%d个格在%s中没有对应的格，未比较：%s。", len(lastOnly), tn, few(lastOnly))
	}
	if len(thisOnly) > 0 {
		msg += fmt.Sprintf("本年报告另有%d个格在%s中没有对应的格，未比较：%s。", len(thisOnly), ln, few(thisOnly))
	}
	c.add(xxgk.RuleCompareForms, xxgk.SeverityInfo, msg, nil)
}

// few lists at most eight names, 等 after them when there are more.
func few(names []string) string {
	const most = 8
	if len(names) <= most {
		return strings.Join(names, "、")
	}
	return strings.Join(names[:most], "、") + fmt.Sprintf("等%d个", len(names))
}

func formName(id string) string {
	if id == "" {
		return "未识别的格式"
	}
	return templates.FormLabel(id)
}

func yearText(y int) string {
	if y == 0 {
		return "年度未识别"
	}
	return fmt.Sprintf("%d年", y)
}
