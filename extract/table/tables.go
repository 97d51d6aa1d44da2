// Package table reads the official statistics tables of a report: it folds
// every block of a document into one stream of text with cell marks, finds
// each form's rows by their template labels, reads the cells (splitting
// digits printed together only where the form's identities leave one
// reading) and gives the cells of the form that explains the document best,
// with the figures they make.
package table

import (
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"xxgk"
	"xxgk/document"
	"xxgk/templates"
)

// minRows is how many data rows and table titles of a form must be found
// before a document is taken to contain that form: a label or two in prose
// prove nothing.
const minRows = 4

// Result is the reading of a document's statistics tables.
type Result struct {
	Form string // the form read; "" when no form was found
	// Cells are the cells read, nil when no form was found; Cells.Map
	// gives them by cell key, FORM.TABLE.ROW.COL. Settle may add to them.
	Cells    *Cells
	Findings []xxgk.Finding // about reading the tables
	// undecided is the reader, kept while rows wait for Settle.
	undecided *formReader
}

// Read reads the statistics tables of doc. year (0 if unknown) breaks ties
// between forms that share rows, and tells a sentence's year from a cell.
func Read(doc *document.Document, year int) Result {
	if !mayMentionForm(doc) {
		return Result{} // no form is read: its stream would be built for nothing
	}
	s := newStream(doc)
	r := readTables(s, year)
	res := Result{Form: r.form, Cells: r.cells, Findings: r.findings}
	if r.reader != nil && r.reader.undecided() {
		res.undecided = r.reader // it reads the stream again when settled
	} else {
		if r.reader != nil {
			r.reader.release()
		}
		s.release()
	}
	return res
}

// tablesResult is the best reading of a document's statistics tables.
type tablesResult struct {
	form     string // "" when no form was found
	cells    *Cells
	findings []xxgk.Finding
	reader   *formReader
}

// readTables tries every form of the specification on the document and
// keeps the one that explains the most rows. year (0 if unknown) breaks
// ties between forms that share rows, such as gov_2019 and gov_2021.
//
// Reading a form is most of the cost, and every form that may fit is read
// (a 2021 report as gov_2021 and gov_2019), a table at a time: each form
// has a bound, the most it could score (its score so far, and for each
// table not read yet the most it could add: tableBounds), and the next
// table read is always one of the form with the highest bound. A form
// read in full whose bound is still the highest scores at least as much
// as any other could: the forms left are read no further. The form
// chosen is the one reading them all would choose: the highest score,
// the first form of the specification among equal ones.
//
// The one form that covers the report's year is most often the one
// chosen, and then read in full whatever its bound: it is read first,
// without searching its tables' words for a bound, and the others are
// read only as far as their bounds reach its score.
func readTables(s *stream, year int) tablesResult {
	type candidate struct {
		f  *templates.Form
		fr *formReader // nil until a table is read
		// bound is the most the form could score: its score so far and
		// the bounds of the tables not read yet, bounds[tables+k] table
		// k's. A form read first (a lone candidate, or the year's) has no
		// tables (tables -1): its bound is the highest until it is read
		// in full, and then its score.
		bound  int
		tables int
		// searched counts the tables whose bound was searched for
		// (tableBound); the others' are what any stream could give
		// (staticBounds).
		searched int
		year     int  // 1 if the form covers the report's year
		out      bool // read in full, with too few rows (minRows)
	}
	// Room on the stack for the forms of a specification (six; a
	// document mentions two or three): grown by append, the list was
	// made anew up to three times a report.
	var room [8]candidate
	cands := room[:0]
	covering := 0
	for _, f := range templates.Forms() {
		if !mentionsForm(s, f) || labelsPresent(s, f) < 2 {
			continue
		}
		c := candidate{f: f, tables: -1}
		if year != 0 && f.Covers(year) {
			c.year = 1
			covering++
		}
		cands = append(cands, c)
	}
	// The forms' tables' bounds, one list for all, on the stack unless
	// it outgrows it: cloned for each form, they were allocated for every
	// report with two forms or more. A form's are at its tables index,
	// one per table of the form (an index, not a slice of the list:
	// slices kept in cands took the list off the stack).
	var boundRoom [64]int
	bounds := boundRoom[:0]
	// boundOf is c's bound from its score and its tables' bounds.
	boundOf := func(c *candidate) int {
		b, next := c.year, 0
		if c.fr != nil {
			b += c.fr.score()
			next = c.fr.next
		}
		for _, tb := range bounds[c.tables+next : c.tables+len(c.f.Tables)] {
			b += tb
		}
		return b
	}
	if len(cands) > 1 {
		for i := range cands {
			c := &cands[i]
			if covering == 1 && c.year == 1 {
				c.bound = math.MaxInt
				continue
			}
			c.tables = len(bounds)
			bounds = append(bounds, indexOf(c.f).staticBounds...)
			c.bound = boundOf(c)
		}
	}
	var best *candidate
	for best == nil {
		var c *candidate
		for i := range cands {
			// In the specification's order: the first of equal bounds.
			if d := &cands[i]; !d.out && (c == nil || d.bound > c.bound) {
				c = d
			}
		}
		if c == nil {
			return tablesResult{}
		}
		if c.tables >= 0 && c.searched < len(c.f.Tables) {
			// A form is read only when its bound, searched for in full,
			// is the highest: most forms' fall below another's score
			// before their words are all searched for.
			if c.fr == nil || c.searched >= c.fr.next {
				bounds[c.tables+c.searched] = tableBound(s, c.f, c.f.Tables[c.searched])
				c.bound = boundOf(c)
			}
			c.searched++
			continue
		}
		if c.fr == nil {
			c.fr = newFormReader(s, c.f, year)
		}
		fr := c.fr
		switch {
		case !fr.done():
			fr.readNext()
			switch {
			case fr.done():
				c.bound = fr.score() + c.year
			case c.tables >= 0:
				c.bound = boundOf(c)
			}
		case fr.matched == 0 || fr.matched+fr.anchored < minRows:
			fr.release()
			c.fr, c.out = nil, true
		default:
			best = c
		}
	}
	for i := range cands {
		if c := &cands[i]; c != best && c.fr != nil {
			c.fr.release() // only the best form is solved
		}
	}
	fr := best.fr
	fr.solve()
	return tablesResult{form: fr.form.ID, cells: fr.cells, findings: mergeBlankForms(fr.findings, fr.cells.Len()), reader: fr}
}

// tableBound returns the most reading table t of form f could add to
// readTables's score, from which of its words occur in the stream at all.
// A table's anchor is found only where it occurs; a data row is found
// only where one of its labels (tries) occurs, each at most once; a
// misprinted row (readMisprinted) only where the rows on either side of
// it are found and it is not; a group row (readGroupRows) only where its label
// occurs; the unlabelled row of a table (readUnlabelled) only after the
// table's anchor. A group row takes the place of its data rows, none of
// which is read. Each row read scores at most 3 (2 matched, 1 valued),
// each anchor found 1.
func tableBound(s *stream, f *templates.Form, t *templates.Table) int {
	ix := indexOf(f)
	occurs := func(words []word) bool {
		for _, w := range words {
			if st, _ := s.find(w, 0); st >= 0 {
				return true
			}
		}
		return false
	}
	anchor := occurs(ix.anchors[t])
	found := func(info *rowInfo) bool {
		// As occurs(info.tries). An alternative holds a witness, as every
		// try does: a row whose label occurs (labelsPresent found some
		// already, and a search that finds one stops there) needs no
		// search of its witnesses.
		return occurs(info.alts) || occurs(info.witnesses)
	}
	group := func(g *templates.Row) bool { return occurs(ix.rows[g].alts) }
	return ix.tableBound(t, anchor, found, group)
}

// tableBound is tableBound's count for table t of the form, given whether
// its anchor occurs, and which of its data rows' and group rows' labels
// do. With every word occurring it is the most any stream gives
// (staticBounds).
func (ix *formIndex) tableBound(t *templates.Table, anchor bool, found func(*rowInfo) bool, group func(*templates.Row) bool) int {
	rows, anchored := 0, 0
	if anchor {
		anchored++
	}
	dataRows := t.DataRows()
	data := 0 // data rows that may be read, each once
	if len(dataRows) == 1 && ix.rowPats[dataRows[0]].Unlabelled {
		if anchor {
			data = 1
		}
	} else if ix.misplaced[t] {
		n := 0
		for _, info := range ix.dataInfos[t] {
			if found(info) {
				n++
			}
		}
		if n > 0 {
			data = 2*n - 1 // a misprinted row between each two read
		}
	} else {
		// A row is read by its label only where the label occurs; a
		// misprinted row only where exactly one row is missing between
		// two read by their labels (readMisprinted): data row k where
		// rows k-1 and k+1 occur, and k does not (else it is counted
		// already). found2 and found1 say whether rows k-2 and k-1
		// occur.
		found2, found1 := false, false
		for _, info := range ix.dataInfos[t] {
			f := found(info)
			if f {
				data++
				if found2 && !found1 {
					data++ // row k-1, misprinted
				}
			}
			found2, found1 = found1, f
		}
	}
	groups := 0
	for _, g := range t.Rows {
		if g.IsGroup && len(ix.kids[g]) > 0 && group(g) {
			groups++
		}
	}
	data = min(data, len(dataRows))
	if !ix.sharedKids[t] {
		// A group row is read only where none of its data rows (one
		// at least, none another group's) is: rows read never
		// outnumber the table's data rows.
		rows = min(len(dataRows), data+groups)
	} else {
		rows = data + groups
	}
	return 3*rows + anchored
}

// mentionsForm is a cheap test that a document may hold the form: one of
// its tables' anchors appears.
func mentionsForm(s *stream, f *templates.Form) bool {
	ix := indexOf(f)
	for _, t := range f.Tables {
		for _, a := range ix.anchors[t] {
			if st, _ := s.find(a, 0); st >= 0 {
				return true
			}
		}
	}
	return false
}

// labelsPresent counts the form's data rows whose label occurs anywhere,
// up to two: readTables asks only whether two do, and searching every
// label of every form a document mentions was most of the cost of
// choosing the forms to read.
func labelsPresent(s *stream, f *templates.Form) int {
	ix := indexOf(f)
	n := 0
	for _, t := range f.Tables {
		for _, info := range ix.dataInfos[t] {
			for _, a := range info.alts {
				if st, _ := s.find(a, 0); st >= 0 {
					if n++; n == 2 {
						return n
					}
					break
				}
			}
		}
	}
	return n
}

// Figures derives the MODEL.md figures of a form from its cells.
// A figure that sums several cells is derived only when every part was read.
func Figures(form string, cells map[string]xxgk.Value) map[string]xxgk.Value {
	ff := formFiguresOf(form)
	// Sized for the form's figures, rather than grown and rehashed as
	// they are derived: a report has dozens.
	out := make(map[string]xxgk.Value, ff.figures)
	get := func(key string) (xxgk.Value, bool) {
		v, ok := cells[key]
		return v, ok
	}
	var cell xxgk.Value // at's: figureFrom reads each cell before it asks for the next
	for _, d := range ff.defs {
		at := func(i int) *xxgk.Value {
			v, ok := cells[d.made.keys[i]]
			if !ok {
				return nil
			}
			cell = v
			return &cell
		}
		if v, ok := figureFrom(d.fig, d.def, d.made, at); ok {
			out[d.fig.Key] = v
		} else if v, ok := groupFigure(d.fig, d.made, get); ok {
			out[d.fig.Key] = v
		}
	}
	return out
}

// formFigures are the definitions of templates.Figures for one form, in
// their order, with what figureDefOf makes of them, listed once per form:
// every report's Figures scanned all the figures' definitions of every
// form for its own, and looked each of its own up in figureDefs.
type formFigures struct {
	defs    []formFigure
	figures int // the figures with a definition for the form
}

type formFigure struct {
	fig  *templates.Figure
	def  *templates.FigureDef
	made *figureDef // figureDefOf(def)
}

// formFigureLists holds the formFigures of the forms of templates.Figures
// as it is (a specification that Replace installs has figures of its
// own), copied for each form added. (A sync.Map's key would be boxed, an
// allocation for every report.)
var formFigureLists atomic.Pointer[formFigureList]

type formFigureList struct {
	figures *templates.Figure // &templates.Figures[0]; nil if there is none
	n       int
	byForm  map[string]*formFigures
}

func formFiguresOf(form string) *formFigures {
	figs := templates.Figures
	var first *templates.Figure
	if len(figs) > 0 {
		first = &figs[0]
	}
	list := formFigureLists.Load()
	if list != nil && list.figures == first && list.n == len(figs) {
		if ff, ok := list.byForm[form]; ok {
			return ff
		}
	}
	ff := &formFigures{}
	for i := range figs {
		fig := &figs[i]
		if slices.ContainsFunc(fig.From, func(d templates.FigureDef) bool { return d.Form == form }) {
			ff.figures++
		}
		for j := range fig.From {
			if def := &fig.From[j]; def.Form == form {
				ff.defs = append(ff.defs, formFigure{fig, def, figureDefOf(def)})
			}
		}
	}
	if ff.figures == 0 {
		return ff // kept only for the forms with figures: form may be any string
	}
	next := &formFigureList{figures: first, n: len(figs), byForm: map[string]*formFigures{form: ff}}
	if list != nil && list.figures == first && list.n == len(figs) {
		for k, v := range list.byForm {
			next.byForm[k] = v
		}
	}
	formFigureLists.CompareAndSwap(list, next) // or another call stored its own
	return ff
}

// figureDefs are what the figure definitions of templates.Figures give
// every report of a form alike, made once per definition: the cell keys
// (FORM.TABLE.ROW.COL for each of def.Cells; made anew for each lookup
// they were most of the bytes Figures allocated) and the place sumPlace
// names. (A specification that Replace installs has definitions of its
// own.)
var figureDefs sync.Map // *templates.FigureDef → *figureDef

type figureDef struct {
	keys            []string
	table, row, col string // sumPlace
	groupKey        string // groupKeyOf
}

func figureDefOf(def *templates.FigureDef) *figureDef {
	if d, ok := figureDefs.Load(def); ok {
		return d.(*figureDef)
	}
	d := &figureDef{keys: make([]string, len(def.Cells))}
	for i, c := range def.Cells {
		d.keys[i] = def.Form + "." + c
	}
	d.table, d.row, d.col = sumPlace(*def)
	d.groupKey = groupKeyOf(def, d.keys)
	figureDefs.Store(def, d)
	return d
}

// sumEvidence starts the evidence of a figure summed from cells.
const sumEvidence = "表格各格之和："

// figureFrom derives figure fig by its definition def (d: figureDefOf(def))
// from the cells at gives: at(i) is the cell of def.Cells[i] (d.keys[i]),
// nil if it was not read. The cell it points at need stay valid only
// until the next call of at: Figures gives its map's cells through one
// copy, the report's Cells the cells where they stand, with none of the
// copying of a 224-byte value for each cell (twice for the first) that
// returning them did.
func figureFrom(fig *templates.Figure, def *templates.FigureDef, d *figureDef, at func(i int) *xxgk.Value) (xxgk.Value, bool) {
	if len(def.Cells) == 1 {
		// The cell itself, scaled: no sum to name, and so no evidence
		// text to write.
		v := at(0)
		if v == nil {
			return xxgk.Value{}, false
		}
		total, ok := xxgk.Int(0).CheckedAdd(v.Value)
		if !ok {
			return xxgk.Value{}, false // cells beyond any real count: no figure
		}
		if total, ok = total.CheckedShift(def.Shift); !ok {
			return xxgk.Value{}, false
		}
		out := *v
		out.Value, out.Unit = total, fig.Unit
		return out, true
	}
	total := xxgk.Int(0)
	// The evidence of a sum names its parts. It is written on the stack
	// and copied once: a strings.Builder grew by doubling, and the text
	// was then copied again after its prefix, three allocations or more
	// a figure, and a report derives some twenty.
	var buf [512]byte
	text := append(buf[:0], sumEvidence...)
	var line, page int // the first cell's
	for i, c := range def.Cells {
		v := at(i)
		if v == nil {
			return xxgk.Value{}, false
		}
		if i == 0 {
			line, page = v.Line, v.Page
		} else {
			text = append(text, " + "...)
		}
		var ok bool
		if total, ok = total.CheckedAdd(v.Value); !ok {
			return xxgk.Value{}, false // cells beyond any real count: no figure
		}
		text = append(text, c...)
		text = append(text, '=')
		text = append(text, v.Value.String()...)
	}
	total, ok := total.CheckedShift(def.Shift)
	if !ok {
		return xxgk.Value{}, false
	}
	ev := xxgk.Evidence{Method: xxgk.MethodDerived, Line: line, Page: page, Text: string(text)}
	ev.Table, ev.RowLabel, ev.ColLabel = d.table, d.row, d.col
	return xxgk.Value{Value: total, Unit: fig.Unit, Evidence: ev}, true
}

// sumPlace names the cells a figure sums for people, as the form labels
// them: the table, then what was summed (（三）不予公开各项之和 where the
// rows are one group's; the rows' labels joined by ＋ otherwise), then the
// column, or the columns joined by ＋. The evidence's text keeps the keys,
// for scripts.
func sumPlace(def templates.FigureDef) (table, row, col string) {
	var tables, rows, cols, parents []string
	add := func(list *[]string, s string) {
		if !slices.Contains(*list, s) {
			*list = append(*list, s)
		}
	}
	for _, c := range def.Cells {
		t, r, _, ok := templates.Cell(def.Form + "." + c)
		if !ok {
			return "", "", ""
		}
		tb, rp, cp, _ := templates.CellPlace(def.Form + "." + c)
		add(&tables, tb)
		add(&rows, rp)
		add(&cols, cp)
		parent := ""
		if p := t.Row(r.Parent); p != nil {
			parent = strings.TrimSpace(p.Label)
		}
		add(&parents, parent)
	}
	table = strings.Join(tables, "、")
	col = joinPaths(cols)
	switch {
	case len(rows) == 1:
		row = rows[0]
	case len(parents) == 1 && parents[0] != "":
		row = parents[0] + "各项之和"
	default:
		row = joinPaths(rows)
	}
	return table, row, col
}

// joinPaths names several label paths (行政诉讼 › 未经复议直接起诉 › 总计,
// 行政诉讼 › 复议后起诉 › 总计) added together: where they differ in one
// label only, that label's variants joined by ＋ in the shared path
// (行政诉讼 › 未经复议直接起诉＋复议后起诉 › 总计); else the whole paths
// joined by ＋.
func joinPaths(paths []string) string {
	if len(paths) == 1 {
		return paths[0]
	}
	split := make([][]string, len(paths))
	for i, p := range paths {
		split[i] = strings.Split(p, templates.PathSep)
	}
	differ := -1
	for k := range split[0] {
		for _, sp := range split[1:] {
			if len(sp) != len(split[0]) {
				return strings.Join(paths, "＋")
			}
			if sp[k] != split[0][k] {
				if differ >= 0 && differ != k {
					return strings.Join(paths, "＋")
				}
				differ = k
			}
		}
	}
	if differ < 0 {
		return paths[0]
	}
	var variants []string
	for _, sp := range split {
		variants = append(variants, sp[differ])
	}
	out := slices.Clone(split[0])
	out[differ] = strings.Join(variants, "＋")
	return strings.Join(out, templates.PathSep)
}

// mergeBlankForms says once that a whole form is blank (the official format
// notices print the empty tables) instead of once per table.
func mergeBlankForms(fs []xxgk.Finding, cells int) []xxgk.Finding {
	var keys []string
	for _, f := range fs {
		if f.Rule != xxgk.RuleBlankForm {
			return fs
		}
		keys = append(keys, f.Keys...)
	}
	if cells != 0 || len(keys) < 2 {
		return fs
	}
	return []xxgk.Finding{{Rule: xxgk.RuleBlankForm, Severity: xxgk.SeverityWarning, Keys: keys,
		Message: "统计表只有表头和行名，没有填写任何数字（空白的格式模板）：不读取数据。"}}
}
