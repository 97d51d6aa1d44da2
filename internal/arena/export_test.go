package arena

import "xxgk"

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
