package table

import (
	"fmt"
	"slices"
	"strings"

	"xxgk"
	"xxgk/templates"
)

// A group of rows printed as one row. The 2021 form splits （六）其他处理
// into three rows; a report that keeps the 2019 layout prints （六）其他处理
// with one set of values and no sub-rows. That row is read into the group
// row's cells (gov_2021.t3_requests.other_handling.*, the key the 2019 form
// gives the same row), as the sum of the rows it stands for, with a
// finding: the sub-rows are not read.

// children returns the data rows of t whose parent is the group row g.
func children(t *templates.Table, g *templates.Row) []*templates.Row {
	var out []*templates.Row
	for _, r := range t.DataRows() {
		if r.Parent == g.Key {
			out = append(out, r)
		}
	}
	return out
}

// readGroupRows adds, for every group of data rows none of which was
// found, the group's own row where the report prints it with values,
// between the rows found before and after the group. rows are in the
// template's order; so is the result.
func (fr *formReader) readGroupRows(t *templates.Table, rows []rowRead) []rowRead {
	order := fr.order
	// orders[i] is order[rows[i].row], looked up once for all the groups
	// (a table's every row for each of its groups was most of the cost of
	// a report whose tables have few values), on the stack for most
	// tables.
	var buf [32]int
	var orders []int
	for _, g := range t.Rows {
		if !g.IsGroup {
			continue // most rows: no look-up of their kids
		}
		kids := fr.kids[g]
		if len(kids) == 0 || len(fr.rowPats[g].Alts) == 0 {
			continue
		}
		if orders == nil {
			orders = buf[:0]
			for i := range rows {
				orders = append(orders, order[rows[i].row])
			}
		}
		first, last := order[kids[0]], order[kids[len(kids)-1]]
		from, to, at := 0, len(fr.s.runes), len(rows)
		found := false
		for i, o := range orders {
			rr := &rows[i] // a row read is large: not copied
			switch {
			case o >= first && o <= last:
				found = true
			case o < first:
				from = rr.regionEnd()
			case o > last && i < at:
				at, to = i, rr.labelStart
			}
		}
		if found || at == 0 || at == len(rows) {
			continue // a sub-row was read, or the group is not between rows read
		}
		if rr, ok := fr.groupRow(g, from, to); ok {
			rows = slices.Insert(rows, at, rr)
			orders = slices.Insert(orders, at, order[g])
		}
	}
	return rows
}

// groupRow finds the label of group row g in runes [from, to), followed by
// values.
func (fr *formReader) groupRow(g *templates.Row, from, to int) (rowRead, bool) {
	p := fr.rowPats[g]
	for _, alt := range fr.rows[g].alts {
		occ := fr.s.occurrences(alt, from)
		for _, o := range occ[firstFrom(occ, from):] {
			if int(o.start) >= to {
				break
			}
			if rr, ok := fr.accept(g, p, int(o.start), int(o.end)); ok && hasNumber(rr.region) && rr.regionEnd() <= to {
				return rr, true
			}
		}
	}
	return rowRead{}, false
}

// groupRelations returns the table's relations for the rows read: where a
// group row stands for its sub-rows, the sub-rows' own identities hold for
// it (its 总计 is the sum of its columns), and the group row takes the
// sub-rows' place in identities that sum all of them (grouped is then
// true).
func groupRelations(t *templates.Table, rows []rowRead) (rels []templates.Relation, grouped bool) {
	rels = t.Relations()
	for _, rr := range rows {
		if !rr.row.IsGroup {
			continue
		}
		g, kids := rr.row.Key, children(t, rr.row)
		var out []templates.Relation
		for _, rel := range rels {
			if rel.Const == "" && onlyRow(rel, kids[0].Key) {
				out = append(out, renameRow(rel, kids[0].Key, g))
			}
			out = append(out, replaceGroup(rel, kids, g))
		}
		rels, grouped = out, true
	}
	return rels, grouped
}

func renameRow(rel templates.Relation, from, to string) templates.Relation {
	rename := func(refs []templates.CellRef) []templates.CellRef {
		out := slices.Clone(refs)
		for i := range out {
			if out[i].Row == from {
				out[i].Row = to
			}
		}
		return out
	}
	rel.LHS, rel.RHS = rename(rel.LHS), rename(rel.RHS)
	rel.Bound = to
	return rel
}

// replaceGroup replaces, on either side of rel, the cells of every row of
// kids in one column by the cell of group row g in that column.
func replaceGroup(rel templates.Relation, kids []*templates.Row, g string) templates.Relation {
	replace := func(refs []templates.CellRef) []templates.CellRef {
		var out []templates.CellRef
		byCol := map[string]int{}
		for _, r := range refs {
			if slices.ContainsFunc(kids, func(k *templates.Row) bool { return k.Key == r.Row }) {
				byCol[r.Col]++
			}
		}
		done := map[string]bool{}
		for _, r := range refs {
			if byCol[r.Col] != len(kids) || !slices.ContainsFunc(kids, func(k *templates.Row) bool { return k.Key == r.Row }) {
				out = append(out, r)
				continue
			}
			if !done[r.Col] {
				out = append(out, templates.CellRef{Row: g, Col: r.Col})
				done[r.Col] = true
			}
		}
		return out
	}
	rel.LHS, rel.RHS = replace(rel.LHS), replace(rel.RHS)
	return rel
}

// groupRowFinding says that a group was printed as one row.
func groupRowFinding(t *templates.Table, rr rowRead) xxgk.Finding {
	kids := children(t, rr.row)
	var names []string
	for _, k := range kids {
		names = append(names, "“"+k.Label+"”")
	}
	var keys []string
	for _, c := range t.DataColumns() {
		keys = append(keys, t.CellKey(rr.row.Key, c.Key))
	}
	return xxgk.Finding{
		Rule: xxgk.RuleTableGroupRow, Severity: xxgk.SeverityWarning, Line: rr.line, Page: rr.page, Evidence: rr.evidence, Keys: keys,
		Message: fmt.Sprintf("表格“%s”的“%s”印成一行，没有分项%s：这一行按各分项之和读取，各分项未读取。",
			tableName(t), rr.row.Label, strings.Join(names, "")),
	}
}

// groupFigure gives a figure that sums every sub-row of a group in one
// column from the group's own row, when the report printed the group as
// one row and none of the sub-rows. d is figureDefOf the figure's
// definition; get gives the cell of a key, as a map of the cells would.
// (refGroupFigure in the tests is what it was, with d's groupKey found
// for every report.)
func groupFigure(fig *templates.Figure, d *figureDef, get func(string) (xxgk.Value, bool)) (xxgk.Value, bool) {
	if d.groupKey == "" {
		return xxgk.Value{}, false
	}
	for _, k := range d.keys {
		if _, read := get(k); read {
			return xxgk.Value{}, false
		}
	}
	v, ok := get(d.groupKey)
	if !ok {
		return xxgk.Value{}, false
	}
	v.Unit = fig.Unit
	return v, true
}

// groupKeyOf returns the key of the cell of a group's own row that
// groupFigure reads for def, a sum of every sub-row of the group in one
// column (keys are the keys of def.Cells), or "" where def is no such
// sum: what the templates say of it, the same for every report.
func groupKeyOf(def *templates.FigureDef, keys []string) string {
	f := templates.FormByID(def.Form)
	if f == nil || len(def.Cells) < 2 {
		return ""
	}
	var t *templates.Table
	var g *templates.Row
	col := ""
	for i := range def.Cells {
		tab, row, cl, ok := templates.Cell(keys[i])
		if !ok || (t != nil && (tab != t || cl.Key != col || row.Parent != g.Key)) {
			return ""
		}
		t, col, g = tab, cl.Key, tab.Row(row.Parent)
		if g == nil {
			return ""
		}
	}
	if len(children(t, g)) != len(def.Cells) {
		return ""
	}
	return t.CellKey(g.Key, col)
}
