package table

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"xxgk"
	"xxgk/internal/strs"
	"xxgk/templates"
	"xxgk/zh"
)

// The table reader finds the rows of an official form in a stream by their
// labels, in the template's order, and reads the values that follow each
// label. A label only counts where it stands like a table label: after a
// cell boundary, numbering, a number or another label of the form, and
// followed by values and then a boundary or another label. Prose that
// happens to contain a label ("收到申请数12件，其中…") fails those tests.

// window is how many rows ahead the reader looks for the next label, so a
// row missing from a report does not make it jump to a like-named row of a
// later table.
const window = 6

// formIndex is what a form reader needs of a form that does not depend on
// the document, computed once per form.
type formIndex struct {
	bounds  []string // folded labels that may border a value region, longest first
	rowPats map[*templates.Row]templates.Pattern
	byFirst map[rune][]rowAlt // row labels by first rune, for rowAt
	anchors map[*templates.Table][]word
	tries   map[*templates.Row][]string
	// starts are the first characters of the form's row labels: a value
	// region may end where a row the template does not know begins, if it
	// starts like one (行政申诉、举报数 after 行政诉讼数 in a local table).
	starts map[string]bool
	// numbers are the digit numberings of the form's rows (1, 2, … 8).
	numbers []string
	// order is each row's place in its table (t.Rows), dataOrder each
	// data row's among the data rows, kids each group row's data rows.
	order, dataOrder map[*templates.Row]int
	kids             map[*templates.Row][]*templates.Row
	// formID is the form's id.
	formID string
	// slots number the form's cell keys, slotKeys are the keys by slot
	// (slotIndex): a reader's Cells hold each cell in its key's slot.
	slots    map[string]int32
	slotKeys []string
	// figureSlots are the slots of the form's figures' cells (Figures).
	figureSlots atomic.Pointer[figureSlots]
	// rows numbers the form's rows, for a reader's found, and holds what
	// a row search needs of each in one place; dataInfos are those of each
	// table's data rows, in order (one map lookup per table).
	rows      map[*templates.Row]*rowInfo
	dataInfos map[*templates.Table][]*rowInfo
	// cellInfos are what putRow writes of each cell of a row, by data
	// column, named once per form rather than looked up in the templates'
	// maps for every cell of every report (rows of one table only).
	cellInfos map[*templates.Row][]cellInfo
	// sharedKids marks the tables where two group rows share a key, and
	// so their data rows (tableBound).
	sharedKids map[*templates.Table]bool
	// misplaced marks the tables with a data row whose dataOrder is not
	// its place among the table's data rows (a row of two tables, or
	// twice in one): readMisprinted's places do not bind their
	// misprinted rows as tableBound counts them.
	misplaced map[*templates.Table]bool
	// placedCells marks the tables whose cells dropMisaligned may read from
	// the rows put by their places (cellsByPlace), not from the reader's
	// map: each key of the form's cells and the table's relations names
	// one table, row and column, and the table's data columns have keys
	// of their own.
	placedCells map[*templates.Table]bool
	// staticBounds are the tables' bounds where every word of the form
	// occurs: the most reading each could add to a score in any stream,
	// readTables's bound before it searches for a table's words.
	staticBounds []int
	// boundsFirst and boundsLast are bounds by their first and their last
	// rune (each has two at least): boundaryAt and boundaryBefore ask at
	// every label occurrence and value region, and a form has a hundred.
	boundsFirst, boundsLast map[rune][]string
}

// cellInfo is what the templates say of a cell: its key, unit and place,
// and its key's slot in Cells.
type cellInfo struct {
	key, unit                 string
	table, rowLabel, colLabel string
	slot                      int32
}

// rowInfo is what the form index knows of a row.
type rowInfo struct {
	num   int // the row's number in the form
	pat   templates.Pattern
	alts  []word // pat.Alts
	tries []word
	// witnesses are the tries that hold no other: one of the tries occurs
	// in a text exactly where one of these does (a word holds what it
	// holds), and the prefixes of a long label are many (tableBounds).
	witnesses []word
}

// witnesses returns the words of tries that hold no other word of tries
// ("" holds none: it is never found).
func witnesses(tries []string) []string {
	var out []string
	for i, w := range tries {
		holds := false
		for j, p := range tries {
			if p != "" && strings.Contains(w, p) && (len(p) < len(w) || j < i) {
				holds = true // p is shorter, or the same word listed before
				break
			}
		}
		if !holds {
			out = append(out, w)
		}
	}
	return out
}

// startRunes is how many characters of a row label make its start.
const startRunes = 4

var formIndexes sync.Map // *templates.Form → *formIndex

func indexOf(f *templates.Form) *formIndex {
	if ix, ok := formIndexes.Load(f); ok {
		return ix.(*formIndex)
	}
	ix := newFormIndex(f)
	formIndexes.Store(f, ix)
	return ix
}

func newFormIndex(f *templates.Form) *formIndex {
	ix := &formIndex{formID: f.ID, rowPats: map[*templates.Row]templates.Pattern{}, byFirst: map[rune][]rowAlt{},
		anchors: map[*templates.Table][]word{}, tries: map[*templates.Row][]string{}, starts: map[string]bool{}, rows: map[*templates.Row]*rowInfo{},
		order: map[*templates.Row]int{}, dataOrder: map[*templates.Row]int{}, kids: map[*templates.Row][]*templates.Row{}}
	seen := map[string]bool{}
	add := func(w string) {
		if utf8.RuneCountInString(w) >= 2 && !seen[w] {
			seen[w] = true
			ix.bounds = append(ix.bounds, w)
		}
	}
	for _, sec := range f.Sections {
		_, core := templates.StripNumbering(zh.Fold(sec))
		if i := strings.Index(core, "("); i > 0 {
			core = core[:i]
		}
		add(core)
	}
	for _, t := range f.Tables {
		ix.anchors[t] = lexiconWords(anchors(t))
		for _, a := range ix.anchors[t] {
			add(a.text)
		}
		for _, c := range t.Columns {
			for _, a := range c.Pattern().Alts {
				add(a)
			}
		}
		for i, r := range t.DataRows() {
			ix.dataOrder[r] = i
		}
		for i, r := range t.Rows {
			ix.order[r] = i
			if r.IsGroup {
				ix.kids[r] = children(t, r)
			}
			if d := strings.TrimRight(zh.Fold(r.Number), ".、)"); allDigits(d) && !slices.Contains(ix.numbers, d) {
				ix.numbers = append(ix.numbers, d)
			}
			p := r.Pattern()
			ix.rowPats[r] = p
			ix.tries[r] = labelTries(p)
			ix.rows[r] = &rowInfo{num: len(ix.rows), pat: p, alts: lexiconWords(p.Alts), tries: lexiconWords(ix.tries[r]),
				witnesses: lexiconWords(witnesses(ix.tries[r]))}
			for _, a := range p.Alts {
				add(a)
				if r := []rune(a); len(r) > startRunes {
					ix.starts[string(r[:startRunes])] = true
				}
			}
			digits := strings.TrimRight(zh.Fold(r.Number), ".、)")
			if !allDigits(digits) {
				digits = ""
			}
			for _, a := range ix.tries[r] {
				first, _ := utf8.DecodeRuneInString(a)
				ix.byFirst[first] = append(ix.byFirst[first], rowAlt{r, a, digits})
			}
		}
	}
	ix.sharedKids = map[*templates.Table]bool{}
	for _, t := range f.Tables {
		keys := map[string]bool{}
		for _, g := range t.Rows {
			if g.IsGroup {
				ix.sharedKids[t] = ix.sharedKids[t] || keys[g.Key]
				keys[g.Key] = true
			}
		}
	}
	ix.slotIndex(f)
	ix.cellInfos = map[*templates.Row][]cellInfo{}
	shared := map[*templates.Row]bool{}
	for _, t := range f.Tables {
		for _, r := range t.Rows {
			if _, dup := ix.cellInfos[r]; dup || shared[r] {
				shared[r] = true // a row of two tables: putRow asks the templates
				delete(ix.cellInfos, r)
				continue
			}
			unitRow := r.Key
			if r.IsGroup {
				kids := ix.kids[r]
				if len(kids) == 0 {
					continue
				}
				unitRow = kids[0].Key
			}
			infos := make([]cellInfo, len(t.DataColumns()))
			for c, col := range t.DataColumns() {
				ci := &infos[c]
				ci.key, ci.unit = t.CellKey(r.Key, col.Key), t.Unit(unitRow, col.Key)
				ci.slot = ix.slots[ci.key]
				ci.table, ci.rowLabel, ci.colLabel, _ = t.Place(r.Key, col.Key)
			}
			ix.cellInfos[r] = infos
		}
	}
	ix.dataInfos = map[*templates.Table][]*rowInfo{}
	for _, t := range f.Tables {
		for _, r := range t.DataRows() {
			ix.dataInfos[t] = append(ix.dataInfos[t], ix.rows[r])
		}
	}
	ix.misplaced = map[*templates.Table]bool{}
	for _, t := range f.Tables {
		for i, r := range t.DataRows() {
			if ix.dataOrder[r] != i {
				ix.misplaced[t] = true
			}
		}
	}
	ix.placedCells = placedTables(f)
	every := func(*rowInfo) bool { return true }
	everyGroup := func(*templates.Row) bool { return true }
	for _, t := range f.Tables {
		ix.staticBounds = append(ix.staticBounds, ix.tableBound(t, true, every, everyGroup))
	}
	for _, w := range []string{"统计指标", "指标名称", "计量单位", "单位", "统计数", "历年累计", "本年度", "信息内容", "申请人情况"} {
		add(w)
	}
	sort.Slice(ix.bounds, func(i, j int) bool { return len(ix.bounds[i]) > len(ix.bounds[j]) })
	ix.boundsFirst, ix.boundsLast = map[rune][]string{}, map[rune][]string{}
	for _, w := range ix.bounds {
		first, _ := utf8.DecodeRuneInString(w)
		last, _ := utf8.DecodeLastRuneInString(w)
		ix.boundsFirst[first] = append(ix.boundsFirst[first], w)
		ix.boundsLast[last] = append(ix.boundsLast[last], w)
	}
	return ix
}

// placedTables returns the tables of f whose cells cellsByPlace may give
// (formIndex.placedCells). A cell key is FORM.TABLE.ROW.COL (CellKey): where
// no table's id, row key nor column key holds a dot and no two tables
// share an id, a key names one table, row and column.
func placedTables(f *templates.Form) map[*templates.Table]bool {
	ids := map[string]bool{}
	for _, t := range f.Tables {
		if ids[t.ID] || strings.Contains(t.ID, ".") {
			return nil
		}
		ids[t.ID] = true
		for _, r := range t.Rows {
			if strings.Contains(r.Key, ".") {
				return nil
			}
		}
		dotted := func(c templates.CellRef) bool { return strings.Contains(c.Row, ".") || strings.Contains(c.Col, ".") }
		for _, rel := range t.Relations() {
			if slices.ContainsFunc(rel.LHS, dotted) || slices.ContainsFunc(rel.RHS, dotted) {
				return nil
			}
		}
	}
	placed := map[*templates.Table]bool{}
	for _, t := range f.Tables {
		placed[t] = !slices.ContainsFunc(t.DataColumns(), func(c *templates.Column) bool {
			// A key of two data columns: the cells of one column place.
			return strings.Contains(c.Key, ".") || slices.IndexFunc(t.DataColumns(), func(d *templates.Column) bool { return d.Key == c.Key }) != slices.Index(t.DataColumns(), c)
		})
	}
	return placed
}

// formReader reads one form from a stream.
type formReader struct {
	*formIndex
	s        *stream
	form     *templates.Form
	year     int    // the report's year, 0 if unknown
	cells    *Cells // nil until solve
	findings []xxgk.Finding
	// found remembers each row's last search: the cursor only moves
	// forward, so a hit at or after a later cursor is still the answer.
	// (By row number: a map of such large values would allocate each one.)
	found   []foundRow
	matched int // data rows whose label was found
	valued  int // data rows with at least one number
	// anchored counts the tables whose title or header label was found:
	// a report cut short after 第二十条第（一）项 still shows its form.
	anchored int
	// next is the number of the form's tables read, in order, and cursor
	// where the next one's search starts: readTables reads a form a table
	// at a time.
	next, cursor int
	// blanks: a blank cell (an empty grid cell, read as 0) was put in
	// cells. Page text has none.
	blanks bool
	// raws is readRegion's scratch list of raw pieces.
	raws [][2]int
	// pending holds the rows found per table until solve: splitting cells
	// is the costly part, and only the best-matching form is solved.
	pending []pendingTable
	// bufs are where the slices above and the rows, regions and cells
	// read come from, returned by release.
	bufs *readerBufs
}

type pendingTable struct {
	t    *templates.Table
	rows []rowRead
	// undecided: some row's digits were left unsplit for want of a
	// unique split, which figures stated elsewhere may still settle.
	undecided bool
	// solved are the rows' values as assign solved them (solveTable's
	// values, in the reader's buffers), kept for settle when undecided:
	// solving the table again without the stated sums gives them anew.
	solved [][]cellVal
}

type foundRow struct {
	from int
	rr   rowRead
	ok   bool
	set  bool // the row was searched
}

type rowAlt struct {
	row *templates.Row
	alt string
	// digits are the row's numbering when it is digits (5 of 5. or 5、),
	// "" when not: what numberingBefore looks for before the label.
	digits string
}

// rowRead is what was found for one row.
type rowRead struct {
	row        *templates.Row
	labelStart int
	region     []piece
	tailDigits string // bare digits at the end that may be the next label's numbering
	line       int
	page       int    // the row label's page (PDF), all its findings need of its place
	printed    string // the label as printed
	evidence   string
	// Where the spans of the stream printed and evidence are read from
	// end; both start at labelStart. The strings are made by withText, only
	// for the rows of the form solved (most rows tried are not taken, and
	// only one form is solved).
	printedEnd  int // 0: none
	evidenceEnd int
	// asPrinted: the row is read only as printed or one digit a cell; its
	// end is not sure enough for the identities to choose a split.
	asPrinted bool
}

func newFormReader(s *stream, f *templates.Form, year int) *formReader {
	ix := indexOf(f)
	b := freeReaders.get()
	found := reuse(b.found, len(ix.rows))[:len(ix.rows)]
	clear(found) // rows of another reader's search
	return &formReader{formIndex: ix, s: s, form: f, year: year, found: found,
		raws: b.raws[:0], pending: b.pending[:0], bufs: b}
}

// anchors are the folded words that announce a table: its header label
// (第二十条第（一）项) or its title without numbering.
func anchors(t *templates.Table) []string {
	if t.HeaderLabel != "" {
		return []string{zh.Fold(t.HeaderLabel)}
	}
	title := t.Title
	if i := strings.Index(title, " — "); i >= 0 {
		title = title[:i]
	}
	_, core := templates.StripNumbering(zh.Fold(title))
	out := []string{core}
	if strings.HasSuffix(core, "统计表") {
		out = append(out, strings.TrimSuffix(core, "统计表")+"统计报表")
	}
	if rows := t.DataRows(); len(rows) == 1 && rows[0].Pattern().Unlabelled {
		// A table without row labels is found by its header too (行政复议
		// 行政诉讼…), for its title may be worded otherwise or followed by a
		// sentence (四、政府信息公开行政复议与行政诉讼情况2022年，未有…).
		var top strings.Builder
		groups := 0
		for _, c := range t.Columns {
			if c.Parent == "" && !c.IsLabel {
				top.WriteString(zh.Fold(c.Label))
				groups++
			}
		}
		if groups > 1 {
			out = append(out, top.String())
		}
	}
	return out
}

// solve turns the rows found into cells and findings.
func (fr *formReader) solve() {
	filled := func(p *pendingTable) bool {
		for i := range p.rows {
			if hasNumber(p.rows[i].region) {
				return true
			}
		}
		return false
	}
	fr.cells = newCells(fr.formIndex) // only the best form is solved
	for i := range fr.pending {
		p := &fr.pending[i]
		if filled(p) {
			// A table without numbers is a blank form (assign): its
			// rows' label and evidence texts are not used.
			for j := range p.rows {
				fr.withText(&p.rows[j])
			}
		}
		fr.assign(p)
	}
}

// undecided reports whether a table has rows Settle may still read.
func (fr *formReader) undecided() bool {
	return slices.ContainsFunc(fr.pending, func(p pendingTable) bool { return p.undecided })
}

// read finds the rows of every table of the form (that it has not read);
// solve reads their cells.
func (fr *formReader) read() {
	for !fr.done() {
		fr.readNext()
	}
}

// readNext finds the rows of the form's next table.
func (fr *formReader) readNext() {
	if end := fr.readTable(fr.form.Tables[fr.next], fr.cursor); end > fr.cursor {
		fr.cursor = end
	}
	fr.next++
}

// done reports whether every table of the form was read.
func (fr *formReader) done() bool { return fr.next == len(fr.form.Tables) }

// score is readTables's score of the tables read so far, without the
// point for the report's year.
func (fr *formReader) score() int { return fr.matched*2 + fr.valued + fr.anchored }

func (fr *formReader) findAnchor(t *templates.Table, from int) (int, int) {
	best, bestEnd := -1, -1
	for _, a := range fr.anchors[t] {
		if st, en := fr.s.find(a, from); st >= 0 && (best < 0 || st < best) {
			best, bestEnd = st, en
		}
	}
	return best, bestEnd
}

// readTable reads table t starting at rune index from and returns where it
// ended (from when nothing was read).
func (fr *formReader) readTable(t *templates.Table, from int) int {
	start := from
	if _, en := fr.findAnchor(t, from); en >= 0 {
		start = en
		fr.anchored++
	}
	cursor := start
	dataRows := t.DataRows()
	// A row read is large (some 150 bytes): room for as many as the table
	// has, rather than growing the list as rows are found.
	rows := fr.bufs.rows.take(len(dataRows))[:0]
	if len(dataRows) == 1 && fr.rowPats[dataRows[0]].Unlabelled {
		rr, ok := fr.readUnlabelled(t, from)
		if !ok {
			return from
		}
		rows = append(rows, rr)
		cursor = rr.regionEnd()
	} else {
		infos := fr.dataInfos[t]
		for i := 0; i < len(dataRows); {
			best, bestAt := -1, -1
			var bestRead *rowRead // in found: the rows of the window are distinct
			for j := i; j < len(dataRows) && j < i+window; j++ {
				rr, ok := fr.findRow(dataRows[j], infos[j], cursor)
				if ok && (bestAt < 0 || rr.labelStart < bestAt) {
					best, bestAt, bestRead = j, rr.labelStart, rr
				}
			}
			if best < 0 {
				i++
				continue
			}
			rows = append(rows, *bestRead)
			cursor = bestRead.regionEnd()
			i = best + 1
		}
	}
	if len(rows) == 0 {
		return from
	}
	rows = fr.readGroupRows(t, fr.readMisprinted(t, rows))
	for i := range rows {
		fr.matched++
		if hasNumber(rows[i].region) {
			fr.valued++
		}
	}
	fr.pending = append(fr.pending, pendingTable{t: t, rows: rows})
	return cursor
}

// regionEnd is where the stream continues after a row.
func (rr rowRead) regionEnd() int {
	if n := len(rr.region); n > 0 {
		return rr.region[n-1].end
	}
	return rr.labelStart + 1
}

// findRow finds the first acceptable occurrence of row's label at or after
// from. The row read is the reader's (in found, until row is searched
// again): a row read is large, and most are not taken.
func (fr *formReader) findRow(row *templates.Row, info *rowInfo, from int) (*rowRead, bool) {
	c := &fr.found[info.num]
	if c.set && c.from <= from && (!c.ok || c.rr.labelStart >= from) {
		return &c.rr, c.ok
	}
	c.rr, c.ok = fr.searchRow(row, info, from)
	c.from, c.set = from, true
	return &c.rr, c.ok
}

func (fr *formReader) searchRow(row *templates.Row, info *rowInfo, from int) (rowRead, bool) {
	p := info.pat
	for _, alt := range info.tries {
		occ := fr.s.occurrences(alt, from)
		for _, o := range occ[firstFrom(occ, from):] {
			if rr, ok := fr.accept(row, p, int(o.start), int(o.end)); ok {
				return rr, true
			}
		}
	}
	return rowRead{}, false
}

// labelTries lists the spellings to search for: the alternatives, then the
// template's core cut short by one or two characters (seed 002 prints
// …在线访谈次 for …在线访谈次数), then, for long labels, shorter prefixes:
// a text rendering of a table may wrap a long label cell over several
// lines with the row's values in between (…逾期不补正、行政机关 / 8 0 0 … /
// 不再处理其政府信息公开申请).
func labelTries(p templates.Pattern) []string {
	tries := append([]string(nil), p.Alts...)
	if len(p.Alts) == 0 {
		return tries
	}
	r := []rune(p.Alts[0])
	for cut := 1; cut <= 2 && len(r)-cut >= 6; cut++ {
		tries = append(tries, string(r[:len(r)-cut]))
	}
	if len(r) >= minWrapped {
		for n := len(r) - 3; n >= max(8, len(r)/2); n-- {
			tries = append(tries, string(r[:n]))
		}
	}
	return tries
}

// minWrapped is the length (in characters) from which a label is searched
// by its prefix too.
const minWrapped = 14

// accept checks an occurrence of a row label at runes [st, en) and reads
// the values after it.
func (fr *formReader) accept(row *templates.Row, p templates.Pattern, st, en int) (rowRead, bool) {
	s := fr.s
	if !fr.boundaryBefore(st) {
		return rowRead{}, false
	}
	pos := fr.skipNote(en, p.Note)
	if pos < len(s.runes) && zh.IsHan(s.runes[pos]) && !fr.boundaryAt(pos) && !unitAt(s.runes, pos) {
		return rowRead{}, false // the label runs on into other words
	}
	pieces, tail, end, ok := fr.readRegion(pos)
	if !ok {
		return rowRead{}, false
	}
	if !fr.boundaryAfter(end) {
		fr.bufs.pieces.giveBack(pieces, len(pieces)) // the last taken, not kept
		return rowRead{}, false
	}
	o := s.originOf(st)
	return rowRead{row: row, labelStart: st, region: pieces, tailDigits: tail, line: o.line, page: o.at.page,
		printedEnd: en, evidenceEnd: end}, true
}

// withText fills in the row's printed label and evidence from their spans.
func (fr *formReader) withText(rr *rowRead) {
	s := fr.s
	if rr.printedEnd > rr.labelStart {
		if o := s.originOf(rr.labelStart); o.row < 0 {
			// Text: the label and the evidence are both the source from
			// the label on, read in one pass (two were a tenth of solve).
			rr.printed, rr.evidence = s.source2(rr.labelStart, rr.printedEnd, rr.evidenceEnd)
			return
		}
		rr.printed = s.source(rr.labelStart, rr.printedEnd)
	}
	rr.evidence = fr.evidence(rr.labelStart, rr.evidenceEnd)
}

// evidence is the source text of a row: the grid row, or the label and the
// values as they stand in the text.
func (fr *formReader) evidence(st, end int) string {
	s := fr.s
	if o := s.originOf(st); o.row >= 0 {
		return o.rowText
	}
	return s.source(st, end)
}

// boundaryBefore reports whether a label may start at rune st: at the
// start, after a marker, numbering, a digit or punctuation, or right after
// another label of the form (column headers run into the first row).
func (fr *formReader) boundaryBefore(st int) bool {
	if st == 0 {
		return true
	}
	prev := fr.s.runes[st-1]
	if !zh.IsHan(prev) {
		return true
	}
	if zh.IsNumeral(prev) || prev == '其' || prev == '中' {
		return true
	}
	before := fr.s.letters[:fr.s.letterOffset(st)]
	last, _ := utf8.DecodeLastRuneInString(before)
	for _, w := range fr.boundsLast[last] {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// boundaryAt reports whether a label of the form starts at rune pos,
// possibly after numbering.
func (fr *formReader) boundaryAt(pos int) bool {
	rest := fr.s.letters[fr.s.letterOffset(pos):]
	if len(rest) > 240 {
		rest = rest[:240]
	}
	if fr.startsNumbered(rest) || fr.yearLen(rest) > 0 {
		return true
	}
	_, rest = templates.StripNumbering(rest)
	first, _ := utf8.DecodeRuneInString(rest)
	for _, w := range fr.boundsFirst[first] {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	// The letters are UTF-8: their first runes are looked up as they
	// stand, not converted to runes and back to a new string.
	if start := strs.FirstRunes(rest, startRunes); utf8.RuneCountInString(start) == startRunes {
		return fr.starts[start]
	}
	return false
}

// startsNumbered reports whether text (letters) starts a numbered line:
// a heading (四、政府信息公开行政复议…, whatever its wording) or a row
// numbered as the form numbers its rows (2.其他…, whatever its label).
func (fr *formReader) startsNumbered(text string) bool {
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !zh.IsNumeral(r) {
			break
		}
		i += size
	}
	var after string
	if i > 0 {
		a, ok := strings.CutPrefix(text[i:], "、")
		if !ok {
			return false
		}
		after = a
	} else {
		for i < len(text) && isDigit(rune(text[i])) {
			i++
		}
		if i == 0 || !slices.Contains(fr.numbers, text[:i]) {
			return false
		}
		a, ok := strings.CutPrefix(text[i:], ".")
		if !ok {
			if a, ok = strings.CutPrefix(text[i:], "、"); !ok {
				return false
			}
		}
		after = a
	}
	r, _ := utf8.DecodeRuneInString(after)
	return zh.IsHan(r)
}

// yearLen returns the length of the report's year (or the next or the
// previous) and 年 at the start of text, or 0. A sentence that starts right
// after a table's last value (行政事业性收费02025年，我局…) starts so.
func (fr *formReader) yearLen(text string) int {
	if fr.year == 0 || len(text) < 4 || !allDigits(text[:4]) || !strings.HasPrefix(text[4:], "年") {
		return 0
	}
	y, _ := strconv.Atoi(text[:4])
	if y < fr.year-1 || y > fr.year+1 {
		return 0
	}
	return 4
}

// boundaryAfter reports whether a value region may end at rune end: at the
// end of the stream, a marker, or the start of another label.
func (fr *formReader) boundaryAfter(end int) bool {
	s := fr.s
	if end >= len(s.runes) || isMark(s.runes[end]) || (end > 0 && isMark(s.runes[end-1])) {
		return true
	}
	return fr.boundaryAt(end)
}

// skipNote skips the template's parenthetical remark after a label, or a
// remark naming a unit, when the report prints one.
func (fr *formReader) skipNote(pos int, note string) int {
	s := fr.s
	i := pos
	for i < len(s.runes) && (s.runes[i] == sepMark || s.runes[i] == rowMark || s.runes[i] == spaceMark) {
		i++
	}
	if i >= len(s.runes) || s.runes[i] != '(' {
		return pos
	}
	depth, j := 0, i
	for ; j < len(s.runes) && j-i < 200; j++ {
		if s.runes[j] == '(' {
			depth++
		} else if s.runes[j] == ')' {
			depth--
			if depth == 0 {
				break
			}
		}
	}
	if depth != 0 || j >= len(s.runes) {
		return pos
	}
	inner := s.letterText(i+1, j)
	if (note != "" && strings.HasPrefix(inner, strs.FirstRunes(note, 4))) || isUnitNote(inner) {
		return j + 1
	}
	return pos
}

// isUnitNote reports whether a parenthetical only names a unit: (件), (单位:万元).
func isUnitNote(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "单位"), ":")
	_, ok := units[s]
	return ok
}

// units are the unit words cells are written with, and their scale to the
// form's unit where it differs (元 in a 万元 cell would need conversion; we
// refuse to guess and record the unit instead).
var units = map[string]bool{
	"条": true, "件": true, "次": true, "人": true, "人次": true, "个": true, "篇": true,
	"项": true, "元": true, "万元": true, "起": true, "家": true, "期": true,
}

// unitAt reports whether a unit word starts at rune pos and is followed by
// something that is not a Han character (so 人民 is not a unit).
func unitAt(rs []rune, pos int) bool {
	n := unitLen(rs, pos)
	return n > 0 && (pos+n >= len(rs) || !zh.IsHan(rs[pos+n]))
}

// unitLen returns the length in runes of the unit word at pos, or 0.
func unitLen(rs []rune, pos int) int {
	if pos+2 <= len(rs) && isUnitPair(rs[pos], rs[pos+1]) {
		return 2
	}
	if pos+1 <= len(rs) && isUnitRune(rs[pos]) {
		return 1
	}
	return 0
}

// unitLenBefore returns the length in runes of the unit word that ends
// rs, or 0.
func unitLenBefore(rs []rune) int {
	if n := len(rs); n >= 2 && isUnitPair(rs[n-2], rs[n-1]) {
		return 2
	}
	if n := len(rs); n >= 1 && isUnitRune(rs[n-1]) {
		return 1
	}
	return 0
}

// isUnitRune and isUnitPair tell the unit words of units by their runes:
// the reader asks at every Han character of a value region, and a map
// would hash a string each time (TestUnitRunes keeps them in step).
func isUnitRune(r rune) bool {
	switch r {
	case '条', '件', '次', '人', '个', '篇', '项', '元', '起', '家', '期':
		return true
	}
	return false
}

func isUnitPair(a, b rune) bool {
	return (a == '人' && b == '次') || (a == '万' && b == '元')
}

// assign turns the rows found for a table into cells.
func (fr *formReader) assign(p *pendingTable) {
	t, rows := p.t, p.rows
	filled := false
	for _, rr := range rows {
		filled = filled || hasNumber(rr.region)
	}
	if !filled {
		fr.findings = append(fr.findings, xxgk.Finding{
			Rule: xxgk.RuleBlankForm, Severity: xxgk.SeverityWarning,
			Message: fmt.Sprintf("表格“%s”只有表头和行名，没有填写任何数字：按空白表格处理，不读取数据。", tableName(t)),
			Keys:    []string{t.Form.ID + "." + t.ID},
		})
		return
	}
	solved := solveTable(t, rows, nil, &fr.bufs.solve)
	for i, rr := range rows {
		vals := solved.values[i]
		if vals == nil {
			if msg := solved.why[i]; msg != "" {
				fr.findings = append(fr.findings, xxgk.Finding{
					Rule: solved.rule[i], Severity: xxgk.SeverityWarning, Line: rr.line, Page: rr.page, Evidence: rr.evidence,
					Message: fmt.Sprintf("表格“%s”的“%s”行：%s，该行数据未读取。", tableName(t), rowName(rr.row), msg),
					Keys:    rowKeys(t, rr.row),
				})
			}
			continue
		}
		if rr.row.IsGroup {
			fr.findings = append(fr.findings, groupRowFinding(t, rr))
		}
		fr.putRow(t, rr, vals, solved.split[i], rr.evidence)
		p.undecided = p.undecided || solved.rule[i] == xxgk.RuleTableSplitAmbiguous
		if msg := solved.why[i]; msg != "" {
			fr.findings = append(fr.findings, xxgk.Finding{
				Rule: solved.rule[i], Severity: xxgk.SeverityWarning, Line: rr.line, Page: rr.page, Evidence: rr.evidence,
				Message: fmt.Sprintf("表格“%s”的“%s”行：%s。", tableName(t), rowName(rr.row), msg),
				Keys:    rowKeys(t, rr.row),
			})
		}
	}
	if p.undecided {
		p.solved = solved.values
	}
	fr.dropUnlikelyBlanks(t)
	fr.dropMisaligned(t, rows, solved.values)
}

// putRow records the cells read for a row.
func (fr *formReader) putRow(t *templates.Table, rr rowRead, vals []cellVal, split bool, evidence string) {
	if infos, ok := fr.cellInfos[rr.row]; ok && len(infos) == len(vals) {
		label := zh.TrimSpace(rr.printedLabel())
		cols := t.DataColumns()
		for c := range vals {
			v := &vals[c]
			if !v.ok {
				continue
			}
			ci := &infos[c]
			at := &fr.s.origins[v.origin].at
			fr.blanks = fr.blanks || v.blank
			// As put of the value, written where it stays rather than
			// made aside and copied there (224 bytes, for every cell).
			// A slot without a cell is the zero Value: only the fields
			// set are written.
			dst := &fr.cells.vals[ci.slot]
			if hasCell(dst) {
				*dst = xxgk.Value{}
			} else {
				fr.cells.n++
			}
			dst.Value, dst.Unit, dst.Blank, dst.Split = v.num, ci.unit, v.blank, split
			e := &dst.Evidence
			e.Method, e.Line, e.Row, e.Col, e.Text = xxgk.MethodTable, v.line, label, cols[c].Label, evidence
			e.Page, e.Sheet, e.Cell = at.page, at.sheet, at.cell
			e.Table, e.RowLabel, e.ColLabel = ci.table, ci.rowLabel, ci.colLabel
		}
		return
	}
	unitRow := rr.row.Key
	if rr.row.IsGroup {
		unitRow = fr.kids[rr.row][0].Key
	}
	for c, v := range vals {
		if !v.ok {
			continue
		}
		col := t.DataColumns()[c]
		key := t.CellKey(rr.row.Key, col.Key)
		at := &fr.s.origins[v.origin].at
		ev := xxgk.Evidence{Method: xxgk.MethodTable, Line: v.line, Row: zh.TrimSpace(rr.printedLabel()), Col: col.Label, Text: evidence,
			Page: at.page, Sheet: at.sheet, Cell: at.cell}
		ev.Table, ev.RowLabel, ev.ColLabel, _ = t.Place(rr.row.Key, col.Key)
		fr.blanks = fr.blanks || v.blank
		slot, ok := fr.slots[key]
		if !ok {
			panic("table: no slot for cell " + key) // slotIndex numbers every row's
		}
		fr.cells.put(slot, xxgk.Value{
			Value: v.num, Unit: t.Unit(unitRow, col.Key), Blank: v.blank, Split: split, Evidence: ev,
		})
	}
}

// dropMisaligned refuses a table whose rows mostly break their own
// identities (总计 = the sum of the other columns). One broken row is the
// report's arithmetic, for check to report; most rows broken means the
// columns were not where the template puts them (a local variant with the
// 总计 column first, an extra column), and every cell could be wrong.
//
// rows are the rows assign read and values their cells (solveTable's).
func (fr *formReader) dropMisaligned(t *templates.Table, rows []rowRead, values [][]cellVal) {
	tr := relsOf(t)
	byPlace, placed := fr.cellsByPlace(t, tr, rows, values)
	checked, broken := fr.misalignedRows(t, tr, byPlace, placed)
	if broken < 3 || broken*2 < checked {
		return
	}
	var keys []string
	prefix := t.Form.ID + "." + t.ID + "."
	for s := range fr.cells.vals {
		if k := fr.slotKeys[s]; hasCell(&fr.cells.vals[s]) && strings.HasPrefix(k, prefix) {
			keys = append(keys, k)
			fr.cells.delete(k)
		}
	}
	sort.Strings(keys)
	fr.findings = append(fr.findings, xxgk.Finding{
		Rule: xxgk.RuleTableMisaligned, Severity: xxgk.SeverityError,
		Message: fmt.Sprintf("表格“%s”中%d行有数据，其中%d行本行的合计与各栏之和不符：各栏很可能与官方格式的顺序不同，整张表的数据未读取。", tableName(t), checked, broken),
		Keys:    keys,
	})
}

// misalignedRows counts the data rows of t with a cell read, not zero, and
// relations of their own (checked), and of those the rows that break one
// (broken). The cells are read from byPlace when placed (cellsByPlace),
// else from the reader's map.
func (fr *formReader) misalignedRows(t *templates.Table, tr *tableRels, byPlace [][]cellVal, placed bool) (checked, broken int) {
	get := func(c cellAt) (xxgk.Number, bool) {
		if v, ok := fr.cells.at(c.key); ok {
			return v.Value, true
		}
		return xxgk.Number{}, false
	}
	for k, r := range t.DataRows() {
		own := tr.dataOwn[k]
		if len(own) == 0 {
			continue
		}
		if placed {
			// As below, without a look-up in the map for each cell: most
			// rows of a report are zeros, and their look-ups were two
			// thirds of this loop.
			vals := byPlace[tr.dataPlaces[k]]
			if !slices.ContainsFunc(vals, func(v cellVal) bool { return v.ok && v.num.Sign() != 0 }) {
				continue
			}
			checked++
			if !rowHoldsAt(own, vals) {
				broken++
			}
			continue
		}
		if !fr.rowHasNonZero(t, r) {
			continue
		}
		checked++
		for _, b := range own {
			if holds, known := evaluateAt(b, get); known && !holds {
				broken++
				break
			}
		}
	}
	return checked, broken
}

// cellsByPlace returns the cells of table t that assign put in fr.cells
// from rows and their values, by the place of their row (tr.rowIdx; nil
// where no row put one) and of their column in the table's data columns.
// A row read after another of its place puts the cells it read over the
// other's, as in the map. placed is false where the map must be read
// instead: keys may not name their cells alone (formIndex.placedCells), a
// blank may have been dropped (dropUnlikelyBlanks), or a row read has no
// place in the table.
func (fr *formReader) cellsByPlace(t *templates.Table, tr *tableRels, rows []rowRead, values [][]cellVal) (byPlace [][]cellVal, placed bool) {
	if !fr.placedCells[t] || fr.blanks {
		return nil, false
	}
	sc := &fr.bufs.solve
	byPlace = reuse(sc.byPlace, tr.nRows)[:tr.nRows]
	clear(byPlace)
	sc.byPlace = byPlace
	for i, rr := range rows {
		vals := values[i]
		if vals == nil {
			continue // no cell put
		}
		p, ok := tr.rowPlace[rr.row]
		if !ok || len(vals) != len(t.DataColumns()) {
			return nil, false
		}
		if byPlace[p] == nil {
			byPlace[p] = vals
			continue
		}
		merged := sc.vals.copyOf(byPlace[p])
		for c := range vals {
			if vals[c].ok {
				merged[c] = vals[c]
			}
		}
		byPlace[p] = merged
	}
	return byPlace, true
}

// rowHasNonZero reports whether a cell of row r of t was read, not zero.
func (fr *formReader) rowHasNonZero(t *templates.Table, r *templates.Row) bool {
	if infos, ok := fr.cellInfos[r]; ok && len(infos) == len(t.DataColumns()) {
		for i := range infos {
			// A cell not read is the zero Value. Only the number is read
			// from the map: the Value copied whole for every cell was half
			// the cost of this loop.
			if fr.cells.vals[infos[i].slot].Value.Sign() != 0 {
				return true
			}
		}
		return false
	}
	for _, c := range t.DataColumns() {
		if v, ok := fr.cells.at(t.CellKey(r.Key, c.Key)); ok && v.Value.Sign() != 0 { // as above
			return true
		}
	}
	return false
}

// dropUnlikelyBlanks keeps a blank cell as 0 only where that agrees with
// the table's identities. Some reports leave whole 总计 columns empty
// (Shanghai 2019); there a blank is not a zero, and reading it as 0 would
// be a wrong number. Such blanks are left out, with a finding.
func (fr *formReader) dropUnlikelyBlanks(t *templates.Table) {
	if !fr.blanks {
		// Only blank cells are dropped, and there is none: the identities
		// need not be evaluated (for any table of page text).
		return
	}
	get := func(c cellAt) (xxgk.Number, bool) {
		if v, ok := fr.cells.at(c.key); ok {
			return v.Value, true
		}
		return xxgk.Number{}, false
	}
	drop := map[string]bool{}
	rels := relsOf(t).rels
	for i := range rels {
		b := &rels[i]
		if b.hasConst {
			continue
		}
		holds, known := evaluateAt(b, get)
		if !known || holds {
			continue
		}
		for _, refs := range [][]cellAt{b.lhs, b.rhs} {
			for _, c := range refs {
				if v, ok := fr.cells.at(c.key); ok && v.Blank {
					drop[c.key] = true
				}
			}
		}
	}
	if len(drop) == 0 {
		return
	}
	var keys []string
	for k := range drop {
		keys = append(keys, k)
		fr.cells.delete(k)
	}
	sort.Strings(keys)
	fr.findings = append(fr.findings, xxgk.Finding{
		Rule: xxgk.RuleTableBlankNotZero, Severity: xxgk.SeverityWarning,
		Message: fmt.Sprintf("表格“%s”有%d个空白格按0计算不符合勾稽关系（例如总计栏空白而分项有数），这些空白格不作0读取。", tableName(t), len(keys)),
		Keys:    keys,
	})
}

func (rr rowRead) printedLabel() string {
	if rr.printed == "" {
		return rr.row.Label
	}
	return rr.printed
}

func rowKeys(t *templates.Table, r *templates.Row) []string {
	var keys []string
	for _, c := range t.DataColumns() {
		keys = append(keys, t.CellKey(r.Key, c.Key))
	}
	return keys
}

func tableName(t *templates.Table) string {
	if t.HeaderLabel != "" {
		return t.HeaderLabel
	}
	return t.Title
}

func rowName(r *templates.Row) string {
	if p := r.Pattern(); p.Unlabelled {
		return "数据"
	}
	return r.Label
}

// readUnlabelled reads the single unlabelled row of a table (table 四): the
// values after the table's title and column headers.
func (fr *formReader) readUnlabelled(t *templates.Table, from int) (rowRead, bool) {
	s := fr.s
	pos := from
	for {
		st, en := fr.findAnchor(t, pos)
		if st < 0 {
			return rowRead{}, false
		}
		i := fr.skipHeader(en, t)
		if pieces, tail, end, ok := fr.readRegion(i); ok && len(pieces) > 0 && hasNumber(pieces) {
			// The report's sentences may go on right after the values
			// (…000000000000000我局严格规范…): such a row is read only as
			// printed, never split by the identities.
			asPrinted := !fr.boundaryAfter(end)
			if !asPrinted || zh.IsHan(s.runes[end]) {
				o := s.originOf(i)
				return rowRead{row: t.DataRows()[0], labelStart: i, region: pieces, tailDigits: tail, line: o.line, page: o.at.page, asPrinted: asPrinted,
					evidenceEnd: end}, true
			}
		}
		pos = st + 1
	}
}

func hasNumber(ps []piece) bool {
	for _, p := range ps {
		if p.kind == pieceNumber {
			return true
		}
	}
	return false
}

// skipHeader skips the column headers of t from rune pos: markers, and
// text made only of the characters of the table's column labels. Text
// renderings wrap narrow header cells (结果 / 纠正) and interleave them, so
// the headers cannot be matched word by word.
func (fr *formReader) skipHeader(pos int, t *templates.Table) int {
	s := fr.s
	chars := headerChars(t)
	for pos < len(s.runes) {
		r := s.runes[pos]
		switch {
		case isMark(r) && r != blankMark:
			pos++
		case r == blankMark:
			// Empty cells in a header row of a grid, under a label that
			// spans no rows (行政复议's 结果维持 … 总计 in row 2, nothing
			// under them in row 3, where 行政诉讼's sub-labels are).
			end, ok := headerRowEnd(s.runes, pos, chars)
			if !ok {
				return pos
			}
			pos = end
		case chars.has(r):
			pos++
		case r == '(':
			// Parenthetical remarks in the header, e.g. （本列数据的勾稽关系为…）.
			j := closeParen(s.runes, pos)
			if j < 0 {
				return pos
			}
			pos = j + 1
		default:
			return pos
		}
	}
	return pos
}

// headerRowEnd returns the end of the grid row from rune pos, if the rest
// of the row holds only empty cells and header text, some of it.
func headerRowEnd(rs []rune, pos int, chars *runeBits) (int, bool) {
	text := false
	for j := pos; j < len(rs); j++ {
		switch r := rs[j]; {
		case r == rowMark:
			return j + 1, text
		case isMark(r):
		case chars.has(r):
			text = true
		default:
			return pos, false
		}
	}
	return pos, false
}

var headerCharSets sync.Map // *templates.Table → *runeBits

// headerChars returns the characters of t's column labels, digits aside:
// what skipHeader steps over.
func headerChars(t *templates.Table) *runeBits {
	if m, ok := headerCharSets.Load(t); ok {
		return m.(*runeBits)
	}
	var rs []rune
	for _, c := range t.Columns {
		for _, r := range zh.Fold(c.Label) {
			if !isDigit(r) {
				rs = append(rs, r)
			}
		}
	}
	m := newRuneBits(rs)
	headerCharSets.Store(t, m)
	return m
}

// runeBits is a set of runes, a bit for each rune from the least to the
// greatest: skipHeader asks it of every rune of a table's header, and a
// map[rune]bool's look-up was most of that.
type runeBits struct {
	lo   rune
	bits []uint64
}

func newRuneBits(rs []rune) *runeBits {
	if len(rs) == 0 {
		return &runeBits{}
	}
	lo, hi := slices.Min(rs), slices.Max(rs)
	b := &runeBits{lo: lo, bits: make([]uint64, (hi-lo)/64+1)}
	for _, r := range rs {
		d := r - lo
		b.bits[d/64] |= 1 << (d % 64)
	}
	return b
}

// has reports whether r is in the set.
func (b *runeBits) has(r rune) bool {
	d := uint32(r - b.lo) // a rune below lo wraps around, beyond the bits
	return d/64 < uint32(len(b.bits)) && b.bits[d/64]&(1<<(d%64)) != 0
}

func closeParen(rs []rune, i int) int {
	for j := i; j < len(rs) && j-i < 200; j++ {
		if rs[j] == ')' {
			return j
		}
	}
	return -1
}
