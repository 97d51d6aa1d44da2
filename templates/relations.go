package templates

import "fmt"

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
