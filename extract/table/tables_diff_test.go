package table

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"xxgk"
	"xxgk/document"
	"xxgk/format/charset"
	"xxgk/format/html"
	plaintext "xxgk/format/text"
	"xxgk/templates"
)

// sameTables reports whether two readings chose the same form and read
// the same cells and findings.
func sameTables(a, b tablesResult) bool {
	return a.form == b.form && reflect.DeepEqual(a.cells, b.cells) && reflect.DeepEqual(a.findings, b.findings) &&
		(a.reader == nil) == (b.reader == nil)
}

func checkReadTables(t *testing.T, name string, d *document.Document, year int) {
	t.Helper()
	checkMayMentionForm(t, name, d)
	s1, s2 := newStream(d), newStream(d)
	// Every form's score is within its bound.
	for _, f := range templates.Forms() {
		if !mentionsForm(s1, f) || labelsPresent(s1, f) < 2 {
			continue
		}
		// So is each table's part of it: readTables reads a form a table at
		// a time, while its bound is the highest.
		fr := newFormReader(s1, f, year)
		for k, b := range tableBounds(s1, f) {
			// readTables takes a static bound for a table until it
			// searches for its words: it is never below the bound searched.
			if static := indexOf(f).staticBounds[k]; static < b {
				t.Fatalf("%s (year %d), %s: table %s's static bound %d is below its bound %d", name, year, f.ID, f.Tables[k].ID, static, b)
			}
			before := fr.score()
			if fr.readNext(); fr.score()-before > b {
				t.Fatalf("%s (year %d), %s: table %s scores %d, above its bound %d", name, year, f.ID, f.Tables[k].ID, fr.score()-before, b)
			}
		}
		score := fr.score()
		if year != 0 && f.Covers(year) {
			score++
		}
		if bound := scoreBound(s1, f, year); score > bound {
			t.Fatalf("%s (year %d), %s: score %d above its bound %d", name, year, f.ID, score, bound)
		}
		checkCandidates(t, name, year, fr)
		fr.release()
	}
	got, want := readTables(s1, year), refReadTables(s2, year)
	if !sameTables(got, want) {
		t.Fatalf("%s (year %d): read as %q with %d cells, the reference as %q with %d", name, year, got.form, got.cells.Len(), want.form, want.cells.Len())
	}
	if got.reader != nil {
		// settle takes the values of an undecided table as assign solved
		// them, rather than solving it again: they are the same.
		for _, p := range got.reader.pending {
			if p.undecided && !reflect.DeepEqual(p.solved, solveTable(p.t, p.rows, nil, &solveScratch{}).values) {
				t.Fatalf("%s (year %d): table %s's values as solved differ from a new solve", name, year, p.t.ID)
			}
			checkSearchSplits(t, name, p.t, p.rows)
		}
		checkCellsByPlace(t, name, year, got.reader)
		checkCellsMap(t, name, year, got.cells)
		cells := got.cells.Map()
		if f, ref := Figures(got.form, cells), refFigures(got.form, cells); !reflect.DeepEqual(f, ref) {
			t.Fatalf("%s (year %d): Figures gives %v, the reference %v", name, year, f, ref)
		}
		if f, ref := got.cells.Figures(), Figures(got.form, cells); !reflect.DeepEqual(f, ref) {
			t.Fatalf("%s (year %d): Cells.Figures gives %v, Figures of their map %v", name, year, f, ref)
		}
	}
	for _, r := range []tablesResult{got, want} {
		if r.reader != nil {
			r.reader.release()
		}
	}
	s1.release()
	s2.release()
}

// TestReadTablesMatchesReference compares readTables with the reference,
// which reads every form, on every sample report (text and HTML), for
// several years, and on the text reports cut short, with lines dropped and
// characters dropped or doubled at random (forms found in part, labels
// misprinted, scores close).
func TestReadTablesMatchesReference(t *testing.T) {
	var texts []string
	for _, pat := range []string{"*.txt", "*.html"} {
		files, _ := filepath.Glob("../../testdata/reports/" + pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text, _, _ := charset.Decode(data)
			if strings.HasSuffix(f, ".html") {
				d, err := html.Read(text)
				if err != nil {
					continue
				}
				for _, y := range []int{0, 2013, 2019, 2021} {
					checkReadTables(t, f, d, y)
				}
				continue
			}
			texts = append(texts, text)
			for _, y := range []int{0, 2013, 2014, 2019, 2020, 2021, 2023} {
				checkReadTables(t, f, plaintext.Read(text), y)
			}
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 1500 {
		lines := strings.Split(texts[rng.IntN(len(texts))], "\n")
		lines = lines[:rng.IntN(len(lines)+1)]
		keep := lines[:0]
		drop := rng.IntN(4)     // in tenths
		misprint := rng.IntN(4) // in tenths: a character dropped or doubled, a label misprinted
		for _, l := range lines {
			if rng.IntN(10) < drop {
				continue
			}
			if rs := []rune(l); len(rs) > 4 && rng.IntN(10) < misprint {
				k := 1 + rng.IntN(len(rs)-2)
				if rng.IntN(2) == 0 {
					l = string(rs[:k]) + string(rs[k+1:])
				} else {
					l = string(rs[:k+1]) + string(rs[k:])
				}
			}
			keep = append(keep, l)
		}
		year := []int{0, 2014, 2019, 2021}[rng.IntN(4)]
		checkReadTables(t, "mutated #"+string(rune('0'+i%10)), plaintext.Read(strings.Join(keep, "\n")), year)
	}
}

// FuzzReadTables compares readTables with the reference on fuzzed text.
func FuzzReadTables(f *testing.F) {
	for _, name := range []string{"page-07.txt", "pingtan-dept-lyy-2022.txt", "pingtan-2014-zone.txt"} {
		data, err := os.ReadFile("../../testdata/reports/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data), 2021)
	}
	f.Fuzz(func(t *testing.T, text string, year int) {
		if year < 0 || year > 3000 {
			return
		}
		checkReadTables(t, "fuzz", plaintext.Read(text), year)
	})
}

// scoreBound is the most a reading of form f could score (readTables's
// score): the sum of its tables' bounds, and the point for the year.
func scoreBound(s *stream, f *templates.Form, year int) int {
	bound := 0
	for _, b := range tableBounds(s, f) {
		bound += b
	}
	if year != 0 && f.Covers(year) {
		bound++
	}
	return bound
}

// checkCellsByPlace holds dropMisaligned's count of rows read from the
// rows put by their places (cellsByPlace) to its count from the reader's
// map, for every table of a form solved whose cells are all in the map:
// not a blank form, and not dropped as misaligned.
func checkCellsByPlace(t *testing.T, name string, year int, fr *formReader) {
	t.Helper()
	for _, p := range fr.pending {
		if !slices.ContainsFunc(p.rows, func(rr rowRead) bool { return hasNumber(rr.region) }) ||
			slices.ContainsFunc(fr.findings, func(f xxgk.Finding) bool {
				return f.Rule == xxgk.RuleTableMisaligned && strings.Contains(f.Message, "“"+tableName(p.t)+"”")
			}) {
			continue
		}
		tr := relsOf(p.t)
		byPlace, placed := fr.cellsByPlace(p.t, tr, p.rows, solveTable(p.t, p.rows, nil, &solveScratch{}).values)
		if !placed {
			continue
		}
		c1, b1 := fr.misalignedRows(p.t, tr, byPlace, true)
		c2, b2 := fr.misalignedRows(p.t, tr, nil, false)
		if c1 != c2 || b1 != b2 {
			t.Fatalf("%s (year %d): table %s: %d rows checked, %d broken by their places; %d, %d in the map", name, year, p.t.ID, c1, b1, c2, b2)
		}
	}
}

// refFigures is Figures as it was, scanning every figure's definitions
// for the form's on every call and looking each up in figureDefs.
func refFigures(form string, cells map[string]xxgk.Value) map[string]xxgk.Value {
	out := map[string]xxgk.Value{}
	get := func(key string) (xxgk.Value, bool) {
		v, ok := cells[key]
		return v, ok
	}
	for i := range templates.Figures {
		fig := &templates.Figures[i]
		for j := range fig.From {
			def := &fig.From[j]
			if def.Form != form {
				continue
			}
			at := func(i int) (xxgk.Value, bool) { return get(figureDefOf(def).keys[i]) }
			if v, ok := refFigureFrom(fig, def, figureDefOf(def), at); ok {
				out[fig.Key] = v
			} else if v, ok := refGroupFigure(*fig, *def, figureDefOf(def).keys, get); ok {
				out[fig.Key] = v
			}
		}
	}
	return out
}

// refFigureFrom is figureFrom as it was, given copies of the cells (the
// reference of refFigures).
func refFigureFrom(fig *templates.Figure, def *templates.FigureDef, d *figureDef, at func(i int) (xxgk.Value, bool)) (xxgk.Value, bool) {
	total := xxgk.Int(0)
	// The evidence of a sum names its parts. It is written on the stack
	// and copied once: a strings.Builder grew by doubling, and the text
	// was then copied again after its prefix, three allocations or more
	// a figure, and a report derives some twenty.
	var buf [512]byte
	text := append(buf[:0], sumEvidence...)
	var first xxgk.Value
	for i, c := range def.Cells {
		v, ok := at(i)
		if !ok {
			return xxgk.Value{}, false
		}
		if i == 0 {
			first = v
		} else {
			text = append(text, " + "...)
		}
		if total, ok = total.CheckedAdd(v.Value); !ok {
			return xxgk.Value{}, false // cells beyond any real count: no figure
		}
		if len(def.Cells) > 1 {
			text = append(text, c...)
			text = append(text, '=')
			text = append(text, v.Value.String()...)
		}
	}
	total, ok := total.CheckedShift(def.Shift)
	if !ok {
		return xxgk.Value{}, false
	}
	if len(def.Cells) == 1 {
		v := first
		v.Value, v.Unit, v.Blank = total, fig.Unit, first.Blank
		return v, true
	}
	ev := xxgk.Evidence{Method: xxgk.MethodDerived, Line: first.Line, Page: first.Page, Text: string(text)}
	ev.Table, ev.RowLabel, ev.ColLabel = d.table, d.row, d.col
	return xxgk.Value{Value: total, Unit: fig.Unit, Evidence: ev}, true
}

// checkCandidates holds candidates to the reference (refCandidates) on
// every row of every table fr read, called as solveTable calls it.
func checkCandidates(t *testing.T, name string, year int, fr *formReader) {
	t.Helper()
	var sc solveScratch
	for _, p := range fr.pending {
		cols := p.t.DataColumns()
		rels, grouped := groupRelations(p.t, p.rows)
		ownOf := relsOf(p.t).with(p.t, p.rows, rels, grouped).own
		for _, rr := range p.rows {
			if len(rr.region) == 0 {
				continue
			}
			own := ownOf(rr.row.Key)
			holds := func(c []cellVal) bool { return rowHoldsAt(own, c) }
			got, gotWhy := candidates(rr, len(cols), cols, len(own) > 0, holds, &sc)
			want, wantWhy := refCandidates(rr, len(cols), cols, len(own) > 0, holds)
			if gotWhy != wantWhy || got.exact != want.exact || !sameCands(got.cands, want.cands) {
				t.Fatalf("%s (year %d): table %s, row %s: candidates(%q) = %v %v %q, want %v %v %q", name, year, p.t.ID, rr.row.Key, regionText(rr), got.exact, got.cands, gotWhy, want.exact, want.cands, wantWhy)
			}
		}
	}
}

// tableBounds returns, for each table of form f, the most reading it
// could add to readTables's score (tableBound).
func tableBounds(s *stream, f *templates.Form) []int {
	bounds := make([]int, len(f.Tables))
	for k, t := range f.Tables {
		bounds[k] = tableBound(s, f, t)
	}
	return bounds
}

// checkCellsMap checks that c holds its cells as a map would: each key
// of the form has a slot of its own, a slot holds a cell when its method
// is set (putRow's is MethodTable), its count is the map's, and every
// cell of the map is found by its key.
func checkCellsMap(t *testing.T, name string, year int, c *Cells) {
	t.Helper()
	ix := c.ix
	if len(ix.slots) != len(ix.slotKeys) || len(c.vals) != len(ix.slotKeys) {
		t.Fatalf("%s (year %d): %d slots, %d keys, %d values", name, year, len(ix.slots), len(ix.slotKeys), len(c.vals))
	}
	for s, k := range ix.slotKeys {
		if ix.slots[k] != int32(s) {
			t.Fatalf("%s (year %d): key %s of slot %d has slot %d", name, year, k, s, ix.slots[k])
		}
	}
	m := c.Map()
	if len(m) != c.Len() {
		t.Fatalf("%s (year %d): %d cells counted, %d in the map", name, year, c.Len(), len(m))
	}
	for k, v := range m {
		if v.Method != xxgk.MethodTable {
			t.Fatalf("%s (year %d): cell %s of method %q", name, year, k, v.Method)
		}
		if got, ok := c.get(k); !ok || !reflect.DeepEqual(got, v) {
			t.Fatalf("%s (year %d): cell %s is not found by its key", name, year, k)
		}
	}
}
