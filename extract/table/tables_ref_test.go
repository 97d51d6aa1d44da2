package table

import (
	"sort"

	"xxgk/templates"
)

// refReadTables is readTables as it was before forms were read in the
// order of their score bounds (commit 18e8b6c): every form that may fit is
// read. The reference of TestReadTablesMatchesReference and
// FuzzReadTables.
func refReadTables(s *stream, year int) tablesResult {
	type scored struct {
		fr    *formReader
		score int
	}
	var all []scored
	for _, f := range templates.Forms() {
		if !mentionsForm(s, f) || labelsPresent(s, f) < 2 {
			continue
		}
		fr := newFormReader(s, f, year)
		fr.read()
		if fr.matched == 0 || fr.matched+fr.anchored < minRows {
			fr.release()
			continue
		}
		score := fr.matched*2 + fr.valued + fr.anchored
		if year != 0 && f.Covers(year) {
			score++
		}
		all = append(all, scored{fr, score})
	}
	if len(all) == 0 {
		return tablesResult{}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	best := all[0].fr
	for _, o := range all[1:] {
		o.fr.release() // only the best form is solved
	}
	best.solve()
	return tablesResult{form: best.form.ID, cells: best.cells, findings: mergeBlankForms(best.findings, best.cells.Len()), reader: best}
}
