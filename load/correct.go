package load

import (
	"fmt"
	"slices"
	"strings"

	"xxgk"
	"xxgk/check"
	"xxgk/extract/table"
	"xxgk/templates"
	"xxgk/zh"
)

// Correct changes by hand (人工修改) the value of key in r — a cell of the
// report's form (FORM.TABLE.ROW.COL) or a figure (MODEL.md) — to the number
// typed in text, or fills it in when the report had none. The value keeps
// its original (Value.Original) and is marked manual; an empty text undoes
// the correction (and does nothing to a value as read). The figures derived from the table follow a corrected
// cell, a manual_edit finding says what was changed, and the report's
// audit is run again. The audit across reports is not: correct reports
// given together before Series runs on them, as the web page does.
//
// A text that is not a plain number (约20, 二十) is refused with the
// reason in Chinese, and r is left as it was.
func Correct(r *xxgk.Report, key, text string) error {
	cells, isCell := r.Cells, false
	label, unit := "", ""
	if form, _, row, col, ok := templates.SplitKey(key); ok {
		t, _, _, found := templates.Cell(key)
		if !found || form != r.Form {
			return fmt.Errorf("这份报告的统计表中没有这一格（%s）", key)
		}
		isCell, label, unit = true, templates.CellLabel(key), t.Unit(row, col)
	} else if fig := templates.FigureByKey(key); fig != nil {
		cells, label, unit = r.Figures, fig.Label, fig.Unit
	} else {
		return fmt.Errorf("没有这一项（%s）", key)
	}

	old, had := cells[key]
	var next xxgk.Value
	t := strings.TrimSpace(zh.Fold(text))
	t = strings.ReplaceAll(t, "，", ",")
	switch {
	case t == "" && old.Manual && old.Original != nil:
		next = old.Corrected(*old.Original)
	case t == "" && old.Manual:
		// filled in by hand: emptied again
	case t == "":
		return nil // nothing to undo
	default:
		n, err := xxgk.ParseNumber(t)
		if err != nil {
			return fmt.Errorf("“%s”不是数字：请只填写阿拉伯数字，可带小数点，例如 12 或 3.5（%s）", text, label)
		}
		if had {
			next = old.Corrected(n)
		} else {
			next = xxgk.Value{Unit: unit}.Corrected(n)
		}
	}

	before := check.Report(r)
	r.Findings = without(r.Findings, before)
	r.Findings = slices.DeleteFunc(r.Findings, func(f xxgk.Finding) bool {
		return f.Rule == xxgk.RuleManualEdit && slices.Equal(f.Keys, []string{key})
	})
	if next.Method == "" {
		delete(cells, key)
	} else {
		cells[key] = next
	}
	if next.Manual {
		r.AddFinding(manualFinding(key, label, next))
	}
	if isCell {
		followCells(r)
	}
	r.Findings = append(r.Findings, check.Report(r)...)
	return nil
}

// manualFinding says what a person changed: the value as read and as
// corrected, or that it was filled in.
func manualFinding(key, label string, v xxgk.Value) xxgk.Finding {
	msg := fmt.Sprintf("%s 报告中没有读出，人工填写为 %s", label, v.Value)
	if v.Original != nil {
		msg = fmt.Sprintf("%s 原为 %s，改为 %s（人工修改）", label, *v.Original, v.Value)
	}
	return xxgk.Finding{Rule: xxgk.RuleManualEdit, Severity: xxgk.SeverityInfo, Message: msg, Keys: []string{key}}
}

// followCells derives the figures of the form's cells again, after a
// cell was corrected. A figure a person corrected stays as corrected, and
// one read from the prose stays as read; one read from the table follows
// its cells: marked manual with the value as read while it differs, back
// to the value as read when the cells are.
func followCells(r *xxgk.Report) {
	derived := table.Figures(r.Form, r.Cells)
	byHand := map[string]bool{}
	for _, f := range r.Findings {
		if f.Rule == xxgk.RuleManualEdit {
			for _, k := range f.Keys {
				byHand[k] = true
			}
		}
	}
	keys := map[string]bool{}
	for k := range derived {
		keys[k] = true
	}
	for k, v := range r.Figures {
		if fromCells(v) {
			keys[k] = true
		}
	}
	for k := range keys {
		ov, had := r.Figures[k]
		if byHand[k] || (had && !fromCells(ov)) {
			continue
		}
		nv, ok := derived[k]
		switch {
		case !ok && had && ov.Original != nil:
			ov.Value, ov.Manual, ov.Original = *ov.Original, false, nil
			r.Figures[k] = ov // a part emptied: not derived, keep as read
		case !ok:
			if had && ov.Manual {
				delete(r.Figures, k) // derived only from filled-in cells
			}
		case !had:
			nv.Manual = true // derived from a filled-in cell
			r.Figures[k] = nv
		default:
			read := ov.Value
			if ov.Original != nil {
				read = *ov.Original
			}
			ov.Value, ov.Manual, ov.Original = read, false, nil
			r.Figures[k] = ov.Corrected(nv.Value)
		}
	}
}

// fromCells says a figure was read from (or summed from) the form's cells.
func fromCells(v xxgk.Value) bool {
	return v.Method == xxgk.MethodTable || v.Method == xxgk.MethodDerived || v.Method == xxgk.MethodForm
}

// without is fs less one occurrence of each finding of drop.
func without(fs, drop []xxgk.Finding) []xxgk.Finding {
	out := make([]xxgk.Finding, 0, len(fs))
	used := make([]bool, len(drop))
next:
	for _, f := range fs {
		for i, d := range drop {
			if !used[i] && sameFinding(f, d) {
				used[i] = true
				continue next
			}
		}
		out = append(out, f)
	}
	return out
}

func sameFinding(a, b xxgk.Finding) bool {
	return a.Rule == b.Rule && a.Severity == b.Severity && a.Message == b.Message &&
		a.Line == b.Line && a.Evidence == b.Evidence && slices.Equal(a.Keys, b.Keys)
}
