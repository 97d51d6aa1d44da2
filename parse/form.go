package parse

import (
	"xxgk"
	"xxgk/document"
	"xxgk/extract/table"
)

// fromForm finishes the report of a filled official form (Document.Form):
// its values are the form's, not a reading of prose.
func fromForm(r *xxgk.Report, doc *document.Document) {
	if doc.AbsentEmpty {
		dropAbsent(r)
	}
	markForm(r)
	for k, v := range doc.Figures {
		if _, ok := r.Figures[k]; !ok {
			r.Figures[k] = v
		}
	}
}

// dropAbsent removes the cells of an xxgk workbook that were empty: xxgk
// writes a blank cell of a report as 0 and leaves empty only the cells the
// report did not have. Figures summed from a removed cell go too.
func dropAbsent(r *xxgk.Report) {
	dropped := false
	for k, v := range r.Cells {
		if v.Blank {
			delete(r.Cells, k)
			dropped = true
		}
	}
	if !dropped {
		return
	}
	again := table.Figures(r.Form, r.Cells)
	for k, v := range r.Figures {
		if v.Method != xxgk.MethodTable && v.Method != xxgk.MethodDerived {
			continue
		}
		if nv, ok := again[k]; ok {
			r.Figures[k] = nv
		} else {
			delete(r.Figures, k)
		}
	}
	kept := r.Findings[:0]
	for _, f := range r.Findings {
		if f.Rule != xxgk.RuleTableBlankNotZero {
			kept = append(kept, f)
		}
	}
	r.Findings = kept
}

// markForm gives the values the table reader found the method of a filled
// official workbook.
func markForm(r *xxgk.Report) {
	for _, m := range []map[string]xxgk.Value{r.Cells, r.Figures} {
		for k, v := range m {
			if v.Method == xxgk.MethodTable {
				v.Method = xxgk.MethodForm
				m[k] = v
			}
		}
	}
}
