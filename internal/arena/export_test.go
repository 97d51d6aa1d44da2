package arena

import (
	"maps"
	"slices"

	"xxgk"
)

// Report puts the strings of r that may come from its source: its agency,
// date and their evidence, and the evidence of its figures, cells and
// findings. The names of the form's cells (Table, RowLabel, ColLabel) are
// the templates', shared, and stay as they are. It is what DetachReport
// did as Detach(func(put) { Report(r, put) }), kept as the reference
// DetachReport is held to.
func Report(r *xxgk.Report, put func(string) string) {
	r.Agency, r.Published = put(r.Agency), put(r.Published)
	for _, e := range []*xxgk.MetaEvidence{r.AgencyEvidence, r.YearEvidence, r.PublishedEvidence} {
		if e != nil {
			e.Text = put(e.Text)
		}
	}
	for _, m := range []map[string]xxgk.Value{r.Figures, r.Cells} {
		for k, v := range m {
			if Value(&v, put) {
				m[k] = v // not on the measuring pass, where nothing moves
			}
		}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		f.Message, f.Evidence = put(f.Message), put(f.Evidence)
	}
}

// DetachReportValues detaches r as parse does, its cells apart: they are
// taken out of r.Cells into a list of values, in the order of their keys,
// with a zero value between each two (a slot without a cell), detached
// there, and put back in a new map.
func DetachReportValues(r *xxgk.Report) {
	if r.Cells == nil {
		DetachReport(r, nil)
		return
	}
	keys := slices.Sorted(maps.Keys(r.Cells))
	values := make([]xxgk.Value, 2*len(keys))
	for i, k := range keys {
		values[2*i+1] = r.Cells[k]
	}
	r.Cells = nil
	DetachReport(r, values)
	r.Cells = make(map[string]xxgk.Value, len(keys))
	for i, k := range keys {
		r.Cells[k] = values[2*i+1]
	}
}
