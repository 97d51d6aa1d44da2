// Package check is the audit of a report's numbers (勾稽关系 and
// consistency): it turns the identities of the official forms, and a few
// rules of plausibility and continuity, into findings. Findings are data:
// a report that breaks a rule is still a report.
//
// The identities come from templates (formats.json): every identity of the
// report's form, bound per column, per row or per cell as it says, with ==,
// <= and >= (non-negative cells are the >= 0 identities, so a column the
// form allows to be negative simply has none). The other rules are the
// tables of this package: figure pairs that must nest, words that mark a
// cumulative count, and the cells that carry over from one year to the next.
package check

import (
	"fmt"
	"slices"
	"strings"

	"xxgk"
	"xxgk/templates"
)

// Report returns the findings of r's own numbers: its form's identities and
// the plausibility of its figures. It does not modify r.
func Report(r *xxgk.Report) []xxgk.Finding {
	var fs []xxgk.Finding
	if form := templates.FormByID(r.Form); form != nil {
		for _, t := range form.Tables {
			for _, rel := range t.Relations() {
				if f, ok := relation(r, t, rel); ok {
					fs = append(fs, f)
				}
			}
			for _, rel := range t.SubRowRelations() {
				if f, ok := relation(r, t, rel); ok {
					f.Rule, f.Severity = xxgk.RuleSubRow, xxgk.SeverityWarning
					fs = append(fs, f)
				}
			}
		}
	}
	fs = append(fs, subsets(r)...)
	fs = append(fs, cumulative(r)...)
	return fs
}

// term is one side of a relation with its values.
type term struct {
	keys   []string
	values []xxgk.Value
	sum    xxgk.Number
	text   string // 一、本年新收… 81 + …
}

// relation checks one bound identity. A relation with a cell the report
// does not have is not checked: a missing number is not 0. Blank cells
// count as 0 (formats.json: blank_cells), and the finding says so.
func relation(r *xxgk.Report, t *templates.Table, rel templates.Relation) (xxgk.Finding, bool) {
	// Most relations hold: their sums are checked first, and the sides
	// described (labels, numbers) only for a finding.
	lsum, ok := sideSum(r, t, rel.LHS)
	if !ok {
		return xxgk.Finding{}, false
	}
	var rsum xxgk.Number
	if rel.Const != "" {
		n, err := xxgk.ParseNumber(rel.Const)
		if err != nil {
			return xxgk.Finding{}, false
		}
		rsum = n
	} else if rsum, ok = sideSum(r, t, rel.RHS); !ok {
		return xxgk.Finding{}, false
	}
	c := lsum.Cmp(rsum)
	switch {
	case rel.Op == "==" && c == 0, rel.Op == "<=" && c <= 0, rel.Op == ">=" && c >= 0:
		return xxgk.Finding{}, false
	}
	lhs, _ := side(r, t, rel.LHS, rel)
	rhs := term{sum: rsum, text: rel.Const}
	if rel.Const == "" {
		rhs, _ = side(r, t, rel.RHS, rel)
	}
	values := append(slices.Clone(lhs.values), rhs.values...)
	var msg strings.Builder
	fmt.Fprintf(&msg, "%s", tableTitle(t))
	if rel.Bound != "" {
		fmt.Fprintf(&msg, "“%s”%s", boundLabel(t, rel), map[bool]string{true: "栏", false: "行"}[isColumn(t, rel.Bound)])
	}
	fmt.Fprintf(&msg, "：%s，而 %s", lhs.text, rhs.text)
	switch rel.Op {
	case "==":
		// The larger less the smaller; not said when it is beyond a
		// Number (absurd figures of a garbled file).
		big, small := lsum, rsum
		if c < 0 {
			big, small = small, big
		}
		if diff, ok := big.CheckedSub(small); ok {
			fmt.Fprintf(&msg, "，两边相差 %s", diff)
		}
	case "<=":
		msg.WriteString("，前者不应大于后者")
	case ">=":
		msg.WriteString("，前者不应小于后者")
	}
	fmt.Fprintf(&msg, "（勾稽关系“%s”）。", templates.RuleName(rel.Identity.ID))
	if n := countBlank(values); n > 0 {
		fmt.Fprintf(&msg, "其中 %d 个空白格按 0 计。", n)
	}
	msg.WriteString(fault(values))
	f := xxgk.Finding{Rule: rel.Identity.ID, Severity: xxgk.SeverityError, Message: msg.String(),
		Keys: append(slices.Clone(lhs.keys), rhs.keys...)}
	if len(values) > 0 {
		f.Line, f.Page, f.Evidence = values[0].Line, values[0].Page, values[0].Text
	}
	return f, true
}

// sideSum is the sum of the cells of one side; ok is false if the report
// lacks one, or the sum is beyond Number.
func sideSum(r *xxgk.Report, t *templates.Table, refs []templates.CellRef) (sum xxgk.Number, ok bool) {
	if len(refs) == 0 {
		return sum, false
	}
	for _, ref := range refs {
		v, found := r.Cells[t.CellKey(ref.Row, ref.Col)]
		if !found {
			return sum, false
		}
		if sum, ok = sum.CheckedAdd(v.Value); !ok {
			return sum, false
		}
	}
	return sum, true
}

// side reads the cells of one side; ok is false if the report lacks one.
func side(r *xxgk.Report, t *templates.Table, refs []templates.CellRef, rel templates.Relation) (term, bool) {
	var s term
	var parts, nums []string
	for _, ref := range refs {
		key := t.CellKey(ref.Row, ref.Col)
		v, ok := r.Cells[key]
		if !ok {
			return term{}, false
		}
		sum, ok := s.sum.CheckedAdd(v.Value)
		if !ok {
			return term{}, false
		}
		s.sum = sum
		s.keys, s.values = append(s.keys, key), append(s.values, v)
		parts = append(parts, cellLabel(t, ref, rel))
		nums = append(nums, v.Value.String())
	}
	if len(refs) == 0 {
		return term{}, false
	}
	names := strings.Join(parts, " + ")
	if len(parts) > 4 {
		names = fmt.Sprintf("%s 至 %s 共 %d 项", parts[0], parts[len(parts)-1], len(parts))
	}
	s.text = names + " = " + strings.Join(nums, " + ")
	if len(nums) > 1 {
		s.text += " = " + s.sum.String()
	}
	return s, true
}

// manualFault is the fault of a relation with a value a person changed
// or filled in: the report's own numbers may well agree.
const manualFault = "其中有人工修改或补填的数字，请核对修改是否正确。"

// fault says whose the error could be: a cell xxgk split from run-together
// digits, or one read from prose, may be misread; otherwise the numbers are
// as the report printed them.
func fault(values []xxgk.Value) string {
	for _, v := range values {
		if v.Manual {
			return manualFault
		}
	}
	for _, v := range values {
		if v.Split {
			return "涉及的数字在报告中连写在一起，由 xxgk 按勾稽关系拆分，可能是读取有误，请核对原文。"
		}
	}
	return "各数字均按报告原文读取，是报告本身的数字不一致。"
}

func countBlank(values []xxgk.Value) int {
	n := 0
	for _, v := range values {
		if v.Blank {
			n++
		}
	}
	return n
}

func tableTitle(t *templates.Table) string {
	title, _, _ := strings.Cut(t.Title, " — ")
	if t.HeaderLabel != "" && !strings.HasPrefix(t.ID, "t3") && !strings.HasPrefix(t.ID, "t4") {
		title += "·" + t.HeaderLabel
	}
	return "表格“" + title + "”"
}

func isColumn(t *templates.Table, key string) bool { return t.Column(key) != nil }

func boundLabel(t *templates.Table, rel templates.Relation) string {
	if c := t.Column(rel.Bound); c != nil {
		return columnLabel(t, c)
	}
	if r := t.Row(rel.Bound); r != nil {
		return r.Label
	}
	return rel.Bound
}

// cellLabel names a cell within the bound column or row: the row for a
// column identity, the column for a row identity, both otherwise.
func cellLabel(t *templates.Table, ref templates.CellRef, rel templates.Relation) string {
	row, col := "", ""
	if r := t.Row(ref.Row); r != nil {
		row = r.Label
	}
	if c := t.Column(ref.Col); c != nil {
		col = columnLabel(t, c)
	}
	switch {
	case rel.Bound == ref.Col || len(t.DataColumns()) == 1:
		return row
	case rel.Bound == ref.Row || len(t.DataRows()) == 1:
		return col
	}
	return row + "·" + col
}

// columnLabel is a column's label with its group's (申请人情况 → 法人或其他组织 → 商业企业).
func columnLabel(t *templates.Table, c *templates.Column) string {
	label := c.Label
	if p := t.Column(c.Parent); p != nil && !strings.Contains(p.Label, "申请人情况") && p.Label != "" {
		label = p.Label + "·" + label
	}
	return label
}
