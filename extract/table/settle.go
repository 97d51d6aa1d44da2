package table

import (
	"fmt"
	"slices"
	"strings"

	"xxgk"
	"xxgk/templates"
)

// The report's own prose may settle a run of digits the identities leave
// undecided: 行政规范性文件97253 splits six ways, but where the report says
// 制发行政规范性文件9件，…废止…7件，现行有效…253件, one split agrees with
// what it says. A figure the prose states is the sum of the cells the form
// maps it to (templates.Figures); such sums filter the splits like the
// identities do. A row is read only where exactly one of its splits agrees
// with them; otherwise its cells stay out, as before.

// Settle reads again the rows whose digits were left unsplit for want of a
// unique split, with the figures the report states in its prose (method
// prose, not approximate). A row is read where exactly one split agrees
// with them; its cells' evidence names both the table and the sentence
// (place words where a sentence was found for people: Evidence.Place). It
// reports whether cells were added; r's Cells and Findings are then updated.
// Settle is the reading's last step: the rows left undecided stay so.
func (r *Result) Settle(stated map[string]xxgk.Value, place func(xxgk.Evidence) string) bool {
	fr := r.undecided
	if fr == nil {
		return false
	}
	// The stream and the reader's buffers go back for the next document
	// (see release).
	r.undecided = nil
	defer fr.s.release()
	defer fr.release()
	if len(stated) == 0 {
		return false
	}
	changed := false
	for i := range fr.pending {
		p := &fr.pending[i]
		if !p.undecided {
			continue
		}
		if sums, figs := statedSums(p.t, stated, fr.cells); len(sums) > 0 {
			changed = fr.settle(p, sums, figs, place) || changed
		}
	}
	if changed {
		r.Findings = mergeBlankForms(fr.findings, fr.cells.Len()) // r.Cells are fr.cells
	}
	return changed
}

// statedSums turns the stated figures that are sums of cells of t, some of
// them unread, into relations: the cells' sum equals the figure.
func statedSums(t *templates.Table, stated map[string]xxgk.Value, cells *Cells) ([]templates.Relation, []xxgk.Value) {
	var sums []templates.Relation
	var figs []xxgk.Value
	for _, fig := range templates.Figures {
		v, ok := stated[fig.Key]
		if !ok || v.Method != xxgk.MethodProse || v.Approx {
			continue
		}
		for _, def := range fig.From {
			if def.Form != t.Form.ID {
				continue
			}
			rel := templates.Relation{Op: "==", Const: v.Value.Shift(-def.Shift).String(), Bound: fig.Key}
			inTable, unread := true, false
			for _, c := range def.Cells {
				parts := strings.SplitN(c, ".", 3)
				if len(parts) != 3 || parts[0] != t.ID {
					inTable = false
					break
				}
				rel.LHS = append(rel.LHS, templates.CellRef{Row: parts[1], Col: parts[2]})
				if _, read := cells.at(t.Form.ID + "." + c); !read {
					unread = true
				}
			}
			if inTable && unread {
				sums, figs = append(sums, rel), append(figs, v)
			}
		}
	}
	return sums, figs
}

// settle solves table p again with the stated sums and reads the rows
// they leave with one split.
func (fr *formReader) settle(p *pendingTable, sums []templates.Relation, figs []xxgk.Value, place func(xxgk.Evidence) string) bool {
	t := p.t
	before := p.solved // solveTable(t, p.rows, nil, …), as assign solved it
	after := solveTable(t, p.rows, sums, &fr.bufs.solve)
	changed := false
	for i, rr := range p.rows {
		if complete(before[i]) || !complete(after.values[i]) {
			continue
		}
		var why []string
		for k, rel := range sums {
			if slices.ContainsFunc(rel.LHS, func(c templates.CellRef) bool { return c.Row == rr.row.Key }) || len(sums) == 1 {
				why = append(why, fmt.Sprintf("%s“%s”", placeOf(place, figs[k].Evidence), figs[k].Text))
			}
		}
		if len(why) == 0 {
			for k := range sums {
				why = append(why, fmt.Sprintf("%s“%s”", placeOf(place, figs[k].Evidence), figs[k].Text))
			}
		}
		keys := rowKeys(t, rr.row)
		fr.findings = slices.DeleteFunc(fr.findings, func(f xxgk.Finding) bool {
			return f.Rule == xxgk.RuleTableSplitAmbiguous && slices.Equal(f.Keys, keys)
		})
		fr.putRow(t, rr, after.values[i], true, rr.evidence+"（按正文拆分："+strings.Join(why, "；")+"）")
		fr.findings = append(fr.findings, xxgk.Finding{
			Rule: xxgk.RuleTableSplitByProse, Severity: xxgk.SeverityInfo, Line: rr.line, Page: rr.page, Evidence: rr.evidence, Keys: keys,
			Message: fmt.Sprintf("表格“%s”的“%s”行：数字连写在一起（%s），勾稽关系不能唯一确定拆分方式；报告正文所述的数字（%s）只与其中一种拆分相符，按这种拆分读取。",
				tableName(t), rowName(rr.row), regionText(rr), strings.Join(why, "；")),
		})
		changed = true
	}
	return changed
}

// complete reports whether every cell of a row was read.
func complete(vals []cellVal) bool {
	if vals == nil {
		return false
	}
	for _, v := range vals {
		if !v.ok {
			return false
		}
	}
	return true
}

// placeOf is where a sentence stands, before its quote: 第2页 · 一、总体情况,
// or nothing when its place has no name people can find.
func placeOf(place func(xxgk.Evidence) string, e xxgk.Evidence) string {
	if place == nil {
		return ""
	}
	return place(e)
}
