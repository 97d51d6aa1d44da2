package xlsx

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/templates"
)

// cellValue is a Number as a cell value: integers stay integers.
func cellValue(n xxgk.Number) any {
	if n.IsInt() {
		return n.Int64()
	}
	return n.Float64()
}

// evidenceNote is the comment of a value read from a report.
func evidenceNote(src xxgk.Source, v xxgk.Value) string {
	var lines []string
	if m := manualNote(v); m != "" {
		lines = append(lines, m)
	}
	if q := v.Quote(); q != "" {
		lines = append(lines, "原文："+q)
	}
	where := "来源：" + v.Method.Label()
	if p := v.Place(src); p != "" {
		where += " · " + p
	}
	lines = append(lines, where)
	if v.Approx {
		lines = append(lines, "约数（报告写作约、余、近等）")
	}
	if v.Blank {
		lines = append(lines, "报告此格留空，按0计")
	}
	return strings.Join(lines, "\n")
}

// manualNote says that a person changed the value (人工修改) and what it
// was, or filled it in; "" for a value as read.
func manualNote(v xxgk.Value) string {
	switch {
	case !v.Manual:
		return ""
	case v.Original != nil:
		return "人工修改：原值 " + v.Original.String() + "，改为 " + v.Value.String()
	}
	return "人工填写：报告中没有读出这个数"
}

// fillReport writes a report's cells into an official sheet. A cell the
// report does not have stays empty. A total becomes a formula with the
// report's value cached when its identities hold; otherwise the report's
// own value is kept and the cell is flagged.
//
// A cell named by an error finding of the report (an identity of check,
// a carry-over between years) is flagged too, with the finding in its note.
func fillReport(fg *formGrid, r *xxgk.Report) {
	fillCells(fg, r.Cells, func(_ string, v xxgk.Value) string { return evidenceNote(r.Source, v) }, reportWords)
	errs := map[string][]string{}
	for _, f := range r.Findings {
		if f.Severity != xxgk.SeverityError {
			continue
		}
		for _, k := range f.Keys {
			if !slices.Contains(errs[k], f.Message) {
				errs[k] = append(errs[k], f.Message)
			}
		}
	}
	for _, s := range fg.slots {
		if msgs := errs[s.key]; len(msgs) > 0 {
			x := fg.at(s.r, s.c)
			x.style = sFlagged
			x.comment = joinNotes(strings.Join(msgs, "\n"), x.comment)
		}
	}
}

// totalWords say what a total's value is in the notes of fillTotal.
type totalWords struct {
	missing string // the total is absent
	value   string // the value kept, %s its number
	partial string // the value kept when parts are missing
}

var reportWords = totalWords{"报告未填本格", "本格为报告原值 %s", "分项未全部列出，本格为报告原值，未写公式"}

// fillCells writes cells (keyed like the slots) into an official sheet,
// each with its note; totals as fillReport says.
func fillCells(fg *formGrid, cells map[string]xxgk.Value, note func(key string, v xxgk.Value) string, words totalWords) {
	for _, s := range fg.slots {
		x := fg.at(s.r, s.c)
		v, has := cells[s.key]
		if has {
			x.num, x.comment = cellValue(v.Value), note(s.key, v)
		}
		if rels := fg.totals[s.key]; len(rels) > 0 {
			fg.fillTotal(x, s, rels, cells, words)
		}
	}
}

// partsSum adds the right side of rel; ok is false when a part is missing
// or the sum is beyond any real count (a garbled file), which is then not
// checked.
func partsSum(t *templates.Table, rel templates.Relation, cells map[string]xxgk.Value) (sum xxgk.Number, ok bool) {
	for _, ref := range rel.RHS {
		v, has := cells[t.CellKey(ref.Row, ref.Col)]
		if !has {
			return sum, false
		}
		if sum, ok = sum.CheckedAdd(v.Value); !ok {
			return sum, false
		}
	}
	return sum, true
}

func (fg *formGrid) fillTotal(x *gcell, s slot, rels []templates.Relation, cells map[string]xxgk.Value, words totalWords) {
	v, has := cells[s.key]
	var bad []string
	complete := true
	for _, rel := range rels {
		sum, ok := partsSum(s.t, rel, cells)
		if !ok {
			complete = false
			continue
		}
		switch {
		case !has:
			bad = append(bad, fmt.Sprintf("%s，各分项之和为 %s（勾稽关系“%s”）", words.missing, sum, rel.Identity.Name))
		case !sum.Equal(v.Value):
			bad = append(bad, fmt.Sprintf(words.value+"，各分项之和为 %s（勾稽关系“%s”）", v.Value, sum, rel.Identity.Name))
		}
	}
	switch {
	case len(bad) > 0:
		x.style = sFlagged
		x.comment = joinNotes(strings.Join(bad, "\n"), x.comment)
	case has && complete:
		// Excel recomputes the same number the report printed.
		x.formula = fg.formula(s.t, rels[0])
	case has:
		x.comment = joinNotes(x.comment, words.partial)
	}
}

func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}

// validation kinds of template input cells.
type inputKind int

const (
	inWhole         inputKind = iota // counts: whole numbers ≥ 0
	inDecimal                        // money (万元): decimals ≥ 0
	inSignedWhole                    // 本年增/减: whole numbers of either sign
	inSignedDecimal                  // a signed money column
	nInputKinds
)

// inputRules are the data validations of the input kinds.
var inputRules = [nInputKinds]struct {
	typ, op, f1, f2, msg string
}{
	inWhole:         {"whole", "greaterThanOrEqual", "0", "", "请填写大于或等于0的整数"},
	inDecimal:       {"decimal", "greaterThanOrEqual", "0", "", "请填写大于或等于0的数（可有小数）"},
	inSignedWhole:   {"whole", "between", "-999999999", "999999999", "请填写整数，减少填负数"},
	inSignedDecimal: {"decimal", "between", "-999999999", "999999999", "请填写数值，减少填负数"},
}

func inputKindOf(s slot) inputKind {
	money := s.col.Decimal || s.t.Unit(s.row.Key, s.col.Key) == "万元"
	switch {
	case s.col.Signed && money:
		return inSignedDecimal
	case s.col.Signed:
		return inSignedWhole
	case money:
		return inDecimal
	}
	return inWhole
}

// fillTemplate turns the data cells into unlocked, validated inputs and the
// totals into locked formulas (cached 0: the empty form's sums).
func fillTemplate(fg *formGrid) {
	var sqref [nInputKinds][]string
	for _, s := range fg.slots {
		x := fg.at(s.r, s.c)
		if rels := fg.totals[s.key]; len(rels) > 0 {
			x.style, x.formula, x.num = sFormula, fg.formula(s.t, rels[0]), int64(0)
			continue
		}
		x.style = sInput
		// A merged input (表二's single-column blocks) unlocks its whole range.
		for c := s.c + 1; c < fg.width() && fg.at(s.r, c).covered && fg.at(s.r, c).style == sNumber; c++ {
			fg.at(s.r, c).style = sInput
		}
		k := inputKindOf(s)
		sqref[k] = append(sqref[k], cellName(s.r, s.c))
	}
	for k, refs := range sqref {
		if len(refs) == 0 {
			continue
		}
		rule := inputRules[k]
		dv := excelize.NewDataValidation(true)
		dv.Sqref = strings.Join(refs, " ")
		dv.Type, dv.Operator, dv.Formula1, dv.Formula2 = rule.typ, rule.op, rule.f1, rule.f2
		dv.SetError(excelize.DataValidationErrorStyleStop, "输入有误", rule.msg)
		fg.dvs = append(fg.dvs, dv)
	}
	fg.protect = true
}
