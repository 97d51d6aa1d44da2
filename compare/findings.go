package compare

import (
	"fmt"
	"strings"

	"xxgk"
	"xxgk/templates"
)

// signedCol is a column of a row, added (+1) or taken away (-1).
type signedCol struct {
	col  string
	sign int
}

// continuities are the cells of 表二 that follow from last year's report:
// in any table (of any form) with the column col, a row's cell equals the
// same row of last year's table in the columns last plus this year's in
// the columns this. They are named by column, as check's carry-over is by
// row, so that they hold in whichever forms have those columns.
var continuities = []struct {
	col        string
	last, this []signedCol
}{
	// 2021年格式: 现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数.
	{col: "in_force", last: []signedCol{{"in_force", 1}}, this: []signedCol{{"issued_this_year", 1}, {"repealed_this_year", -1}}},
	// 2019年格式: 上一年项目数量 = 上年报告的上一年项目数量 + 本年增/减,
	// its 本年项目数量.
	{col: "items_prev_year", last: []signedCol{{"items_prev_year", 1}, {"change_this_year", 1}}},
}

// continuity checks the continuities of the two reports' tables, where
// both forms have the table and every cell is read. A difference is a note:
// documents are revised and catalogues re-counted.
func (c *Comparison) continuity(last, this *xxgk.Report) {
	tf, lf := templates.FormByID(this.Form), templates.FormByID(last.Form)
	if tf == nil || lf == nil {
		return
	}
	for _, t := range tf.Tables {
		lt := lf.Table(t.ID)
		if lt == nil {
			continue
		}
		for _, cont := range continuities {
			if t.Column(cont.col) == nil {
				continue
			}
			for _, row := range t.DataRows() {
				if lt.Row(row.Key) == nil {
					continue
				}
				c.continuityRow(last, this, t, lt, row, cont.col, cont.last, cont.this)
			}
		}
	}
}

// term is one value of a continuity, with how it is named in a message.
type term struct {
	key   string
	v     xxgk.Value
	sign  int
	label string
	last  bool // a value of last year's report
}

func (c *Comparison) continuityRow(last, this *xxgk.Report, t, lt *templates.Table, row *templates.Row, col string, lastCols, thisCols []signedCol) {
	target, ok := this.Cells[t.CellKey(row.Key, col)]
	if !ok || t.Column(col) == nil {
		return
	}
	var terms []term
	read := func(r *xxgk.Report, tb *templates.Table, cols []signedCol, year string, isLast bool) bool {
		for _, sc := range cols {
			c := tb.Column(sc.col)
			if c == nil {
				return false
			}
			key := tb.CellKey(row.Key, sc.col)
			v, ok := r.Cells[key]
			if !ok {
				return false
			}
			terms = append(terms, term{key, v, sc.sign, year + "“" + c.Label + "”", isLast})
		}
		return true
	}
	if !read(last, lt, lastCols, "上年", true) || !read(this, t, thisCols, "本年", false) {
		return
	}
	want := xxgk.Number{}
	var text strings.Builder
	for i, tm := range terms {
		n, ok := tm.v.Value, true
		if tm.sign < 0 {
			n, ok = xxgk.Int(0).CheckedSub(n)
		}
		sum, ok2 := want.CheckedAdd(n)
		if !ok || !ok2 {
			return
		}
		want = sum
		op := " + "
		switch {
		case tm.sign < 0:
			op = " - "
		case i == 0:
			op = ""
		}
		fmt.Fprintf(&text, "%s%s %s", op, tm.label, tm.v.Value)
	}
	if want.Equal(target.Value) {
		return
	}
	big, small := target.Value, want
	if big.Cmp(small) < 0 {
		big, small = small, big
	}
	diff, ok := big.CheckedSub(small)
	if !ok {
		return // a difference beyond any real count: figures of a garbled file
	}
	title, _, _ := strings.Cut(t.Title, " — ")
	msg := fmt.Sprintf("表格“%s·%s”%s：本年“%s”为 %s，而%s = %s，相差 %s。文件清理修订、事项调整或统计口径变化都可能造成差异，请核对。",
		title, t.HeaderLabel, row.Label, t.Column(col).Label, target.Value, text.String(), want, diff)
	f := Finding{Finding: xxgk.Finding{Rule: xxgk.RuleCompareContinuity, Severity: xxgk.SeverityInfo,
		Message: msg, Keys: []string{t.CellKey(row.Key, col)}, Line: target.Line, Page: target.Page, Evidence: target.Text}}
	for _, tm := range terms {
		if tm.last {
			f.LastKeys = append(f.LastKeys, tm.key)
		} else {
			f.Keys = append(f.Keys, tm.key)
		}
	}
	// terms[0] is last year's first value: the one a reviewer looks up.
	f.LastLine, f.LastEvidence, f.LastPage = terms[0].v.Line, terms[0].v.Text, terms[0].v.Page
	c.Findings = append(c.Findings, f)
}

// A swing is a figure that grows or falls by more than swingShare of last
// year's value (from 0: by any amount) and by at least the figure unit's
// swingMin (defaultSwingMin for units not listed): 2 → 5 requests is no
// news, 200 → 500 is.
const (
	swingShare      = 0.5
	defaultSwingMin = 10
)

var swingMin = map[string]int64{"元": 1000}

// swings notes the figures whose change is large. Cells are not noted:
// the figures sum them, and a cell's swing would repeat its figure's.
func (c *Comparison) swings() {
	for _, r := range c.Rows {
		if r.Kind != KindFigure {
			continue
		}
		change, ok := r.Change()
		if !ok {
			continue
		}
		least := int64(defaultSwingMin)
		if m, ok := swingMin[r.Unit]; ok {
			least = m
		}
		size, ok := change, true
		if size.Sign() < 0 {
			size, ok = xxgk.Int(0).CheckedSub(size)
		}
		if !ok {
			continue
		}
		if size.Cmp(xxgk.Int(least)) < 0 {
			continue
		}
		pct, hasPct := r.ChangePct()
		if hasPct && abs(pct.Float64()) <= swingShare*100 {
			continue
		}
		word := "增加"
		if change.Sign() < 0 {
			word = "减少"
		}
		msg := fmt.Sprintf("%s从上年的%s%s%s到本年的%s%s%s，%s%s%s", r.Label,
			approx(r.Last), r.Last.Value, r.Unit, approx(r.This), r.This.Value, r.Unit, word, size, r.Unit)
		if hasPct {
			msg += fmt.Sprintf("（%s%%）", Signed(pct))
		}
		msg += "，变化超过一半。请核对是否属实，或统计口径是否有变化。"
		if r.Approx() {
			msg += "其中有约数，变化也是约数。"
		}
		if cov := coverageNote(r); cov != "" {
			msg += cov
		}
		f := Finding{Finding: xxgk.Finding{Rule: xxgk.RuleCompareSwing, Severity: xxgk.SeverityInfo, Message: msg,
			Keys: []string{r.Key}, Line: r.This.Line, Page: r.This.Page, Evidence: r.This.Text},
			LastKeys: []string{nonEmpty(r.LastKey, r.Key)}, LastLine: r.Last.Line, LastEvidence: r.Last.Text, LastPage: r.Last.Page}
		c.Findings = append(c.Findings, f)
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// approx is 约 before an approximate value.
func approx(v *xxgk.Value) string {
	if v != nil && v.Approx {
		return "约"
	}
	return ""
}

// Signed writes a change with its sign, as people read it and the
// exporters print it: +34, -12.5, 0.
func Signed(n xxgk.Number) string {
	if n.Sign() > 0 {
		return "+" + n.String()
	}
	return n.String()
}

// coverageNote says, for totals of roll-ups, that the two years sum
// different numbers of agencies.
func coverageNote(r Row) string {
	l, t := r.LastCoverage, r.ThisCoverage
	if l == nil || t == nil || l.Count == t.Count {
		return ""
	}
	return fmt.Sprintf("两年的合计所含单位数不同（上年%d/%d个单位填报，本年%d/%d个），变化有一部分来自单位数的不同。", l.Count, l.Of, t.Count, t.Of)
}
