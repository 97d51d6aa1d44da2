package compare

import (
	"fmt"
	"path"
	"strings"

	"xxgk"
	"xxgk/rollup"
)

// RollupSide is one year of a roll-up, as Rollups reads it.
type RollupSide struct {
	Source string       // the inputs it was read from, as people name them
	Year   *rollup.Year // one year's section of a roll-up
}

// Rollups compares two years of the roll-up of an office (name, may be
// ""): the totals, as two readings of the office (with how many agencies
// each total sums), and each agency the two years both have (matched by
// xxgk.AgencyKey), as Reports compares its reports. The agencies of one
// year only are listed, and a finding names them.
func Rollups(name string, last, this RollupSide) *Comparison {
	lr, lcov := totals(name, last)
	tr, tcov := totals(name, this)
	c := newComparison(rollupSide(name, last, lr), rollupSide(name, this, tr), lr, tr, lcov, tcov)
	c.checkYears()
	c.swings()

	lastBy := map[string]*rollup.AgencyRow{}
	for _, a := range last.Year.Agencies {
		if k := xxgk.AgencyKey(a.Agency); k != "" && a.Report != nil {
			lastBy[k] = a
		}
	}
	matched := map[string]bool{}
	for _, a := range this.Year.Agencies {
		k := xxgk.AgencyKey(a.Agency)
		la := lastBy[k]
		if la == nil || a.Report == nil {
			c.OnlyThis = append(c.OnlyThis, agencySide(a))
			continue
		}
		matched[k] = true
		ac := Reports(la.Report, a.Report)
		for i := range ac.Findings {
			ac.Findings[i].Agency = a.Agency
		}
		c.Agencies = append(c.Agencies, ac)
	}
	for _, a := range last.Year.Agencies {
		if !matched[xxgk.AgencyKey(a.Agency)] {
			c.OnlyLast = append(c.OnlyLast, agencySide(a))
		}
	}
	for _, only := range []struct {
		sides []Side
		year  string
	}{{c.OnlyLast, "上年（" + yearText(c.Last.Year) + "）"}, {c.OnlyThis, "本年（" + yearText(c.This.Year) + "）"}} {
		if len(only.sides) == 0 {
			continue
		}
		names := make([]string, len(only.sides))
		for i, s := range only.sides {
			names[i] = agencyName(s)
		}
		c.add(xxgk.RuleCompareUnmatched, xxgk.SeverityInfo, fmt.Sprintf(
			"%d个单位只有%s的报告，未逐单位比较，两年的合计所含单位因此不同：%s。", len(names), only.year, few(names)), nil)
	}
	xxgk.SortByRank(c.Findings)
	return c
}

// totals reads a year of a roll-up as a report of the office: the figures'
// totals, and the cells of its summed tables as the workbook draws them
// (the main form's, the cells it shares with another form of the year
// summed over both), with how many agencies each sums.
func totals(name string, s RollupSide) (*xxgk.Report, map[string]Coverage) {
	y := s.Year
	r := &xxgk.Report{Source: xxgk.Source{Path: s.Source}, Agency: name, Year: y.Year, Form: xxgk.FormNarrative,
		Figures: map[string]xxgk.Value{}, Cells: map[string]xxgk.Value{}}
	cov := map[string]Coverage{}
	put := func(m map[string]xxgk.Value, key string, t rollup.Total) {
		m[key] = xxgk.Value{Value: t.Value, Approx: t.Approx, Evidence: xxgk.Evidence{Method: xxgk.MethodDerived}}
		cov[key] = Coverage{t.Count, t.Of}
	}
	for k, t := range y.Figures {
		put(r.Figures, k, t)
	}
	form, shared := y.SummaryForm()
	if form == "" {
		return r, cov
	}
	r.Form = form
	for _, key := range dataCells(form) {
		t, ok := rollup.Total{}, false
		if shared != nil {
			t, ok = shared.Cells[strings.TrimPrefix(key, form+".")]
		}
		if !ok {
			t, ok = y.Cells[key]
		}
		if ok {
			put(r.Cells, key, t)
		}
	}
	return r, cov
}

func rollupSide(name string, s RollupSide, r *xxgk.Report) Side {
	form := r.Form
	if form == xxgk.FormNarrative {
		form = ""
	}
	return Side{Source: s.Source, Agency: name, Year: s.Year.Year, Form: form, Agencies: len(s.Year.Agencies)}
}

func agencySide(a *rollup.AgencyRow) Side {
	s := Side{Source: a.Path, Agency: a.Agency, Form: a.Form, Report: a.Report}
	if a.Report != nil {
		s.Year, s.Published, s.SHA256 = a.Report.Year, a.Report.Published, a.Report.Source.SHA256
	}
	return s
}

// agencyName names an agency for people; one without a name by its file.
func agencyName(s Side) string {
	if strings.TrimSpace(s.Agency) != "" {
		return s.Agency
	}
	return "未识别单位（" + path.Base(strings.ReplaceAll(s.Source, `\`, "/")) + "）"
}

// AllFindings are the findings of the comparison and of each of its
// agencies (whose Agency names them), in that order.
func (c *Comparison) AllFindings() []Finding {
	out := append([]Finding(nil), c.Findings...)
	for _, a := range c.Agencies {
		out = append(out, a.Findings...)
	}
	xxgk.SortByRank(out)
	return out
}
