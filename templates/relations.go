package templates

import (
	"xxgk"

	"fmt"
	"strings"
)

// CellRef names one cell of a table by row and column key.
type CellRef struct{ Row, Col string }

// Relation is an identity bound to concrete cells: sum(LHS) Op sum(RHS),
// or sum(LHS) Op Const when RHS is empty and Const is set.
type Relation struct {
	Identity *Identity
	Op       string // "==", "<=", ">="
	LHS, RHS []CellRef
	Const    string // a decimal constant, "" when RHS holds cells
	// Bound is the column (for_each col) or row (for_each row) the
	// identity was bound to, for messages.
	Bound string
}

func (r Relation) String() string {
	return fmt.Sprintf("%s[%s] %v %s %v", r.Identity.ID, r.Bound, r.LHS, r.Op, r.RHS)
}

// Cells returns every cell the relation reads.
func (r Relation) Cells() []CellRef {
	return append(append([]CellRef(nil), r.LHS...), r.RHS...)
}

// Relations returns the table's machine-readable identities expanded into
// relations on concrete cells. Identities described only in prose are
// skipped. The slice is shared: do not modify it.
func (t *Table) Relations() []Relation { return t.relations }

func (t *Table) expand() []Relation {
	var out []Relation
	for _, id := range t.Identities {
		f := id.Form
		if f == nil {
			continue
		}
		switch f.ForEach {
		case "col":
			for _, c := range t.dataCols {
				out = append(out, t.bind(id, c.Key, func(ref Ref) CellRef { return CellRef{ref.Row, pick(ref.Col, c.Key)} }))
			}
		case "row":
			for _, r := range t.dataRows {
				out = append(out, t.bind(id, r.Key, func(ref Ref) CellRef { return CellRef{pick(ref.Row, r.Key), ref.Col} }))
			}
		case "cell":
			for _, r := range t.dataRows {
				for _, c := range t.dataCols {
					rel := Relation{Identity: id, Op: f.Op, LHS: []CellRef{{r.Key, c.Key}}, Bound: r.Key + "." + c.Key}
					for _, ref := range f.RHS {
						if ref.Const != nil {
							rel.Const = ref.Const.String()
						}
					}
					out = append(out, rel)
				}
			}
		default:
			out = append(out, t.bind(id, "", func(ref Ref) CellRef { return CellRef{ref.Row, ref.Col} }))
		}
	}
	return out
}

func pick(fixed, bound string) string {
	if fixed != "" {
		return fixed
	}
	return bound
}

func (t *Table) bind(id *Identity, bound string, ref func(Ref) CellRef) Relation {
	rel := Relation{Identity: id, Op: id.Form.Op, Bound: bound}
	for _, r := range id.Form.LHS {
		rel.LHS = append(rel.LHS, ref(r))
	}
	for _, r := range id.Form.RHS {
		if r.Const != nil {
			rel.Const = r.Const.String()
			continue
		}
		rel.RHS = append(rel.RHS, ref(r))
	}
	return rel
}

// subRowIdentity is the relation the layout of the forms implies: a row
// labelled 其中 is part of its parent row, in every column.
var subRowIdentity = &Identity{ID: xxgk.RuleSubRow, Name: "其中项不大于其所属项", Text: "其中项不大于其所属项"}

// SubRowRelations are the relations "其中 row <= parent row", per data
// column, for the 其中 rows no identity of formats.json already relates to
// their parent (a row summed into its parent is checked by that identity; a
// local form without machine-readable identities has only these). The
// slice is shared: do not modify it.
func (t *Table) SubRowRelations() []Relation { return t.subRows }

func (t *Table) expandSubRows() []Relation {
	related := map[[2]string]bool{} // row pairs an identity reads together
	for _, rel := range t.relations {
		for _, a := range rel.Cells() {
			for _, b := range rel.Cells() {
				related[[2]string{a.Row, b.Row}] = true
			}
		}
	}
	var out []Relation
	for _, row := range t.dataRows {
		if row.Parent == "" || !strings.Contains(row.Label, "其中") || related[[2]string{row.Key, row.Parent}] || t.Row(row.Parent) == nil {
			continue
		}
		for _, c := range t.dataCols {
			out = append(out, Relation{Identity: subRowIdentity, Op: "<=", Bound: c.Key,
				LHS: []CellRef{{Row: row.Key, Col: c.Key}}, RHS: []CellRef{{Row: row.Parent, Col: c.Key}}})
		}
	}
	return out
}
