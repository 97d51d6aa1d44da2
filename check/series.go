package check

import (
	"fmt"

	"xxgk"
	"xxgk/templates"
)

// carryOvers are what one year hands to the next: the row of last year's
// table 三 that must equal a row of this year's, in every column, and the
// same as figures for reports without the table.
var carryOvers = []struct {
	table, from, to      string
	figureFrom, figureTo string
}{
	{"t3_requests", "carried_to_next_year", "carried_over", "requests.carried_forward", "requests.carried_over"},
}

// Finding of several reports: the report it belongs to and the finding.
type Finding struct {
	Report *xxgk.Report
	xxgk.Finding
}

// Series checks reports of the same agency for consecutive years, given
// together: last year's 结转下年度继续办理 equals this year's 上年结转, per
// column. Each finding belongs to the later report. Agencies are matched by
// name without spaces; two reports of one agency and year are not compared.
func Series(reports []*xxgk.Report) []Finding {
	byKey := map[string]*xxgk.Report{}
	for _, r := range reports {
		if r.Agency == "" || r.Year == 0 {
			continue
		}
		k := seriesKey(r.Agency, r.Year)
		if _, dup := byKey[k]; !dup {
			byKey[k] = r
		}
	}
	var out []Finding
	for _, next := range reports {
		if next.Agency == "" || next.Year == 0 || byKey[seriesKey(next.Agency, next.Year)] != next {
			continue
		}
		prev := byKey[seriesKey(next.Agency, next.Year-1)]
		if prev == nil {
			continue
		}
		for _, f := range CarryOver(prev, next) {
			out = append(out, Finding{Report: next, Finding: f})
		}
	}
	return out
}

func seriesKey(agency string, year int) string {
	return fmt.Sprint(year, "|", xxgk.AgencyKey(agency))
}

// CarryOver compares what prev hands to next, the report of the year
// after (the caller makes sure it is), and returns the findings of next:
// the cells of both reports' table 三 (any form that has it: the keys are
// shared by gov_2019 and gov_2021) column by column, or the figures when
// either has no table. Each finding's keys are prev's, then next's.
func CarryOver(prev, next *xxgk.Report) []xxgk.Finding {
	var fs []xxgk.Finding
	for _, co := range carryOvers {
		pt, nt := tableOf(prev, co.table), tableOf(next, co.table)
		compared := false
		if pt != nil && nt != nil {
			for _, col := range nt.DataColumns() {
				if pt.Column(col.Key) == nil {
					continue
				}
				pk, nk := pt.CellKey(co.from, col.Key), nt.CellKey(co.to, col.Key)
				pv, ok1 := prev.Cells[pk]
				nv, ok2 := next.Cells[nk]
				if !ok1 || !ok2 {
					continue
				}
				compared = true
				if pv.Value.Equal(nv.Value) {
					continue
				}
				fs = append(fs, carryFinding(prev, next, pv, nv, []string{pk, nk},
					fmt.Sprintf("“%s”栏", columnLabel(nt, col)), rowLabel(pt, co.from), rowLabel(nt, co.to)))
			}
		}
		if compared {
			continue
		}
		pv, ok1 := prev.Figures[co.figureFrom]
		nv, ok2 := next.Figures[co.figureTo]
		if ok1 && ok2 && !pv.Approx && !nv.Approx && !pv.Value.Equal(nv.Value) {
			fs = append(fs, carryFinding(prev, next, pv, nv, []string{co.figureFrom, co.figureTo}, "", label(co.figureFrom), label(co.figureTo)))
		}
	}
	return fs
}

func carryFinding(prev, next *xxgk.Report, pv, nv xxgk.Value, keys []string, where, fromLabel, toLabel string) xxgk.Finding {
	msg := fmt.Sprintf("%d年报告%s“%s”为 %s，而%d年报告%s“%s”为 %s，上一年结转到下一年的申请数应当相等（%s）。",
		prev.Year, where, fromLabel, pv.Value, next.Year, where, toLabel, nv.Value, prev.Source.Path)
	if pv.Split || nv.Split || pv.Method == xxgk.MethodProse || nv.Method == xxgk.MethodProse {
		msg += "其中有数字取自正文或由连写数字拆分，可能是读取有误，请核对原文。"
	} else {
		msg += "两份报告的数字均按原文读取，是报告本身前后不一致。"
	}
	return xxgk.Finding{Rule: xxgk.RuleCarryOver, Severity: xxgk.SeverityError, Keys: keys, Message: msg, Line: nv.Line, Page: nv.Page, Evidence: nv.Text}
}

func tableOf(r *xxgk.Report, id string) *templates.Table {
	if f := templates.FormByID(r.Form); f != nil {
		return f.Table(id)
	}
	return nil
}

func rowLabel(t *templates.Table, key string) string {
	if r := t.Row(key); r != nil {
		return r.Label
	}
	return key
}

// SeriesCells are the cells of r that Series and CarryOver read, as prev or
// as next: the rows of table 三 one year hands to the next. A roll-up of
// many reports keeps only these of each report's cells whole (with their
// evidence) and still gets the same carry-over findings.
func SeriesCells(r *xxgk.Report) map[string]xxgk.Value {
	out := map[string]xxgk.Value{}
	for _, co := range carryOvers {
		t := tableOf(r, co.table)
		if t == nil {
			continue
		}
		for _, col := range t.DataColumns() {
			for _, row := range []string{co.from, co.to} {
				k := t.CellKey(row, col.Key)
				if v, ok := r.Cells[k]; ok {
					out[k] = v
				}
			}
		}
	}
	return out
}
