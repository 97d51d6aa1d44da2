package table

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"

	"testing"

	"xxgk"
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

// refGroupFigure is groupFigure as it was, asking the templates where
// the group's cell is for every report: the reference of
// TestGroupFigureMatchesReference and refFigures.
// keys are the cell keys of def.Cells (figureDefOf); get gives the cell of
// a key, as a map of the cells would.
func refGroupFigure(fig templates.Figure, def templates.FigureDef, keys []string, get func(string) (xxgk.Value, bool)) (xxgk.Value, bool) {
	f := templates.FormByID(def.Form)
	if f == nil || len(def.Cells) < 2 {
		return xxgk.Value{}, false
	}
	var t *templates.Table
	var g *templates.Row
	col := ""
	for i := range def.Cells {
		tab, row, cl, ok := templates.Cell(keys[i])
		if !ok || (t != nil && (tab != t || cl.Key != col || row.Parent != g.Key)) {
			return xxgk.Value{}, false
		}
		if _, read := get(keys[i]); read {
			return xxgk.Value{}, false
		}
		t, col, g = tab, cl.Key, tab.Row(row.Parent)
		if g == nil {
			return xxgk.Value{}, false
		}
	}
	if len(children(t, g)) != len(def.Cells) {
		return xxgk.Value{}, false
	}
	v, ok := get(t.CellKey(g.Key, col))
	if !ok {
		return xxgk.Value{}, false
	}
	v.Unit = fig.Unit
	return v, true
}

// TestGroupFigureMatchesReference holds groupFigure to the reference on
// every definition of every figure, each with the cells of its keys and
// of its group's own row read or not, at random.
func TestGroupFigureMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	groups, found := 0, 0
	for i := range templates.Figures {
		fig := &templates.Figures[i]
		for j := range fig.From {
			def := &fig.From[j]
			d := figureDefOf(def)
			if d.groupKey != "" {
				groups++
			}
			keys := append(slices.Clone(d.keys), d.groupKey)
			for trial := range 64 {
				cells := map[string]xxgk.Value{}
				for k, key := range keys {
					// Every other trial, most cells are not read.
					if key != "" && rng.IntN(2+6*(trial%2)) == 0 || k == len(d.keys) && trial%4 == 1 {
						cells[key] = xxgk.Value{Value: xxgk.Int(int64(k)), Unit: "件", Evidence: xxgk.Evidence{Method: xxgk.MethodTable, Text: key}}
					}
				}
				get := func(key string) (xxgk.Value, bool) {
					v, ok := cells[key]
					return v, ok
				}
				got, gotOK := groupFigure(fig, d, get)
				want, wantOK := refGroupFigure(*fig, *def, d.keys, get)
				if gotOK {
					found++
				}
				if gotOK != wantOK || !reflect.DeepEqual(got, want) {
					t.Fatalf("%s from %s %v: groupFigure = %+v, %v; the reference's %+v, %v", fig.Key, def.Form, def.Cells, got, gotOK, want, wantOK)
				}
			}
		}
	}
	if groups == 0 || found == 0 {
		t.Fatalf("%d figures sum a group's sub-rows, %d read from the group's row", groups, found)
	}
}
