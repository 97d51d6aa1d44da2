package templates

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"xxgk"
)

// The facts of the forms (label, document_number, order, shares_cells_with,
// blank_template, figure_cells in formats.json) as the rest of xxgk asks
// for them. No other package names a form of formats.json: a new form is
// a change of the data alone.

// narrativeLabel names the report without an official table, which has no
// form of formats.json (xxgk.FormNarrative).
const narrativeLabel = "文字报告"

// FormLabel is the short Chinese name of a form, as users read it
// (2021年格式; 文字报告 for a narrative report); an id formats.json does
// not know is shown as is.
func FormLabel(id string) string {
	if id == xxgk.FormNarrative {
		return narrativeLabel
	}
	if f := FormByID(id); f != nil {
		return f.Label
	}
	return id
}

// Listed returns every form in listing order (their order member): the
// national forms newest first, then the local ones. Forms keeps the order
// of formats.json, which the reader's ties depend on. The slice is shared:
// do not modify it.
func Listed() []*Form { return Load().listed }

// BlankForms returns the forms xxgk template offers as blank workbooks, in
// listing order.
func BlankForms() []*Form {
	var out []*Form
	for _, f := range Listed() {
		if f.BlankTemplate {
			out = append(out, f)
		}
	}
	return out
}

// CompareForms orders form ids as they are listed: the forms of
// formats.json by their order, then ids it does not know by id, the
// narrative report last.
func CompareForms(a, b string) int {
	rank := func(id string) int {
		switch {
		case FormByID(id) != nil:
			return 0
		case id == xxgk.FormNarrative:
			return 2
		}
		return 1
	}
	if c := cmp.Compare(rank(a), rank(b)); c != 0 {
		return c
	}
	if fa, fb := FormByID(a), FormByID(b); fa != nil && fb != nil {
		return cmp.Compare(fa.Order, fb.Order)
	}
	return strings.Compare(a, b)
}

// SharingGroups returns the sets of forms whose cells of the same
// TABLE.ROW.COL key are summed together in a roll-up (the forms that
// shares_cells_with links), each set in listing order, the sets in the
// order of their first form. The slices are shared: do not modify them.
func SharingGroups() [][]string { return Load().sharing }

// index builds what the lookups above read: forms by id and by order,
// the groups of forms that share cells, and each figure's cells per form.
func (s *Spec) index() {
	s.indexRules()
	s.byID = map[string]*Form{}
	for _, f := range s.Formats {
		s.byID[f.ID] = f
	}
	s.listed = slices.Clone(s.Formats)
	slices.SortFunc(s.listed, func(a, b *Form) int { return cmp.Compare(a.Order, b.Order) })

	grouped := map[string]bool{}
	for _, f := range s.listed {
		if grouped[f.ID] || len(f.SharesCellsWith) == 0 {
			continue
		}
		group := []string{f.ID}
		grouped[f.ID] = true
		for i := 0; i < len(group); i++ {
			for _, o := range s.byID[group[i]].SharesCellsWith {
				if !grouped[o] {
					grouped[o] = true
					group = append(group, o)
				}
			}
		}
		slices.SortFunc(group, func(a, b string) int { return cmp.Compare(s.byID[a].Order, s.byID[b].Order) })
		s.sharing = append(s.sharing, group)
	}

	for i := range s.Figures {
		fig := &s.Figures[i]
		for _, f := range s.Formats {
			if def, ok := f.FigureCells[fig.Key]; ok {
				def.Form = f.ID
				f.FigureCells[fig.Key] = def
				fig.From = append(fig.From, def)
			}
		}
	}
}

// validate checks that the parts of the specification fit together: every
// figure mapping names a figure and data cells of its form, every form
// named as sharing cells exists and names the form back, and no two forms
// have the same id, label or order. A broken formats.json fails the tests
// instead of misreading reports.
func (s *Spec) validate() error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }

	figures := map[string]bool{}
	for _, fig := range s.Figures {
		if fig.Key == "" || fig.Label == "" || fig.Unit == "" {
			bad("figure %q: key, label and unit are required", fig.Key)
		}
		if figures[fig.Key] {
			bad("figure %s is listed twice", fig.Key)
		}
		figures[fig.Key] = true
	}

	byID := map[string]*Form{}
	labels, orders := map[string]string{}, map[int]string{}
	for _, f := range s.Formats {
		switch {
		case f.ID == "" || f.ID == xxgk.FormNarrative || strings.Contains(f.ID, "."):
			bad("form %q: not a usable id", f.ID)
		case byID[f.ID] != nil:
			bad("form %s is listed twice", f.ID)
		}
		byID[f.ID] = f
		if other, dup := labels[f.Label]; f.Label == "" || dup {
			bad("form %s: label %q is empty or also %s's", f.ID, f.Label, other)
		}
		labels[f.Label] = f.ID
		if other, dup := orders[f.Order]; f.Order <= 0 || dup {
			bad("form %s: order %d is not positive or also %s's", f.ID, f.Order, other)
		}
		orders[f.Order] = f.ID
	}

	identities := map[string]string{} // id → name
	for _, f := range s.Formats {
		for _, t := range f.Tables {
			for _, id := range t.Identities {
				if _, code := xxgk.RuleByID(id.ID); code {
					bad("form %s: identity %s has the id of a rule of xxgk's code", f.ID, id.ID)
				}
				if name, seen := identities[id.ID]; id.Name == "" || seen && name != id.Name {
					bad("form %s: identity %s has no name, or another than %q", f.ID, id.ID, name)
				}
				identities[id.ID] = id.Name
			}
		}
	}

	for _, f := range s.Formats {
		for _, o := range f.SharesCellsWith {
			g := byID[o]
			switch {
			case g == nil:
				bad("form %s: shares_cells_with names %q, which is not a form", f.ID, o)
			case g == f:
				bad("form %s: shares_cells_with names the form itself", f.ID)
			case !slices.Contains(g.SharesCellsWith, f.ID):
				bad("form %s shares cells with %s, but %s does not name %s in its shares_cells_with", f.ID, o, o, f.ID)
			case !shareACell(f, g):
				bad("forms %s and %s share cells, but have no data cell key in common", f.ID, o)
			}
		}
		keys := make([]string, 0, len(f.FigureCells))
		for k := range f.FigureCells {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			def := f.FigureCells[k]
			if !figures[k] {
				bad("form %s: figure_cells names %q, which is not in figures", f.ID, k)
			}
			if len(def.Cells) == 0 {
				bad("form %s: figure %s has no cells", f.ID, k)
			}
			for _, c := range def.Cells {
				if !f.hasDataCell(c) {
					bad("form %s: figure %s reads %q, which is not a data cell of the form", f.ID, k, c)
				}
			}
		}
	}
	return errors.Join(errs...)
}

// hasDataCell reports whether TABLE.ROW.COL names a cell of the form that
// holds data (not a group row or a label column).
func (f *Form) hasDataCell(key string) bool {
	parts := strings.Split(key, ".")
	if len(parts) != 3 {
		return false
	}
	t := f.Table(parts[0])
	return t != nil && slices.ContainsFunc(t.DataRows(), func(r *Row) bool { return r.Key == parts[1] }) &&
		slices.ContainsFunc(t.DataColumns(), func(c *Column) bool { return c != nil && c.Key == parts[2] })
}

// shareACell reports whether two forms have a data cell of the same
// TABLE.ROW.COL key.
func shareACell(f, g *Form) bool {
	for _, t := range f.Tables {
		for _, r := range t.DataRows() {
			for _, c := range t.DataColumns() {
				if c != nil && g.hasDataCell(t.ID+"."+r.Key+"."+c.Key) {
					return true
				}
			}
		}
	}
	return false
}
