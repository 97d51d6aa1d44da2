package rollup

import (
	"encoding/binary"
	"iter"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unique"

	"xxgk"
	"xxgk/check"
	"xxgk/internal/arena"
)

// A roll-up of a province or a country holds tens of thousands of reports
// at once. A report's cells are most of its memory (a map of about 80
// Values of 128 bytes with their evidence: some 35 KB a report); what a
// roll-up reads of a cell is its number, how and where it was read and its
// marks. Kept and cellSet hold that, in some 8 bytes a cell.

// Kept is what a roll-up keeps of one report (Keep).
type Kept struct {
	// Report is the report without its cells (Cells is nil; AgencyRow.Cell
	// and SeriesReport give them): its source, agency, year, form, figures
	// and findings are the report's. Whole keeps the report itself.
	Report *xxgk.Report
	cells  cellSet
	// series are the evidence of the cells check.Series compares
	// (check.SeriesCells) that the compact cells do not hold: a carry-over
	// finding quotes the cell and names its page.
	series []seriesEvidence
	whole  bool
}

type seriesEvidence struct {
	key  uint32 // cellKeys
	page int
	text string
}

// Keep returns what a roll-up keeps of r, in a quarter of its memory: the
// report's metadata, figures (with their evidence, which the roll-up's JSON
// shows) and findings, and its cells as AgencyRow.Cell gives them. r is not
// modified; it can be dropped once kept.
func Keep(r *xxgk.Report) *Kept {
	slim := *r
	slim.Cells = nil
	k := &Kept{Report: &slim, cells: newCellSet(r.Cells)}
	for key, v := range check.SeriesCells(r) {
		if v.Text != "" || v.Page != 0 {
			k.series = append(k.series, seriesEvidence{keyIndex(key), v.Page, v.Text})
		}
	}
	k.detach()
	return k
}

// detach copies the strings k keeps into a buffer of their own: the
// report's strings share one buffer (package arena), most of which is the
// evidence of the cells a Kept does not keep, and any string kept from it
// would keep it all. The texts many reports repeat are shared instead
// (shared). The report's figures, findings and metadata evidence are
// copied first, for r is not modified.
func (k *Kept) detach() {
	r := k.Report
	r.Figures = maps.Clone(r.Figures)
	r.Findings = slices.Clone(r.Findings)
	meta := []**xxgk.MetaEvidence{&r.AgencyEvidence, &r.YearEvidence, &r.PublishedEvidence}
	for _, e := range meta {
		if *e != nil {
			c := **e
			*e = &c
		}
	}
	for key, v := range r.Figures {
		v.Row, v.Col, v.Section, v.Sheet, v.Cell = shared(v.Row), shared(v.Col), shared(v.Section), shared(v.Sheet), shared(v.Cell)
		if v.Method == xxgk.MethodDerived {
			v.Text = shared(v.Text)
		}
		r.Figures[key] = v
	}
	for i := range r.Findings {
		r.Findings[i].Message = shared(r.Findings[i].Message)
	}
	full := maps.Clone(k.cells.full)
	arena.Detach(func(put func(string) string) {
		// What arena.DetachReport moves, but the texts shared above.
		r.Agency, r.Published = put(r.Agency), put(r.Published)
		for _, e := range meta {
			if *e != nil {
				(*e).Text = put((*e).Text)
			}
		}
		for key, v := range r.Figures {
			if v.Method != xxgk.MethodDerived {
				v.Text = put(v.Text)
				r.Figures[key] = v
			}
		}
		for i := range r.Findings {
			r.Findings[i].Evidence = put(r.Findings[i].Evidence)
		}
		for i := range k.series {
			k.series[i].text = put(k.series[i].text)
		}
		for key, v := range full {
			arena.Value(&v, put)
			full[key] = v
		}
	})
	k.cells.full = full
}

// sharedStrings are the texts many reports repeat, each held once: the
// rows and columns of tables as printed, section headings, the cell keys
// a derived figure's text lists, the findings' messages. Like the cell
// keys and units, they are held for the life of the process, but only up
// to sharedMax bytes; past that, a text is copied on its own.
var sharedStrings struct {
	sync.Mutex
	m    map[string]string
	size int
}

const sharedMax = 8 << 20

// shared is s held once (sharedStrings), never in the buffer s was
// sliced from.
func shared(s string) string {
	if s == "" {
		return s
	}
	sharedStrings.Lock()
	defer sharedStrings.Unlock()
	if c, ok := sharedStrings.m[s]; ok {
		return c
	}
	c := strings.Clone(s)
	if sharedStrings.size+len(c) <= sharedMax {
		if sharedStrings.m == nil {
			sharedStrings.m = map[string]string{}
		}
		sharedStrings.m[c] = c
		sharedStrings.size += len(c)
	}
	return c
}

// SeriesReport is the report as check.Series reads it: the kept report
// with the cells Series compares, with their evidence texts and pages (a copy; the
// findings of the copy are those of the kept report until either adds
// one). Of a report kept whole, the report itself.
func (k *Kept) SeriesReport() *xxgk.Report {
	if k.whole {
		return k.Report
	}
	all := make(map[string]xxgk.Value, k.cells.len())
	for key, v := range k.cells.all() {
		all[key] = v
	}
	for _, e := range k.series {
		v := all[keyOf(e.key)]
		v.Page, v.Text = e.page, e.text
		all[keyOf(e.key)] = v
	}
	r := *k.Report
	r.Cells = all
	r.Cells = check.SeriesCells(&r)
	return &r
}

// Whole is r kept whole, as Roll keeps it: for a roll-up that needs each
// report's evidence (the agencies' own sheets of the workbook).
func Whole(r *xxgk.Report) *Kept { return &Kept{Report: r, cells: newCellSet(r.Cells), whole: true} }

// cellSet is a report's cells as a roll-up keeps them: sorted keys (as
// numbers: every report of a form has the same keys, and reports with the
// same keys share them) and one 8-byte word a cell. A cell whose number
// or line does not fit a word has them in wide; a cell whose evidence
// text the roll-up shows (an approximate one, in a note) is kept whole in
// full.
type cellSet struct {
	keys  unique.Handle[string] // cellKeys as 4-byte little-endian numbers, in the order of the keys' text
	words []uint64              // one a key, as the constants below lay it out
	wide  []wideCell
	full  map[string]xxgk.Value
}

// A cell's word holds its marks, method, unit and line, and an integer
// number of 29 bits (most cells count a few requests); a cell with another
// number or a longer line is wide, the word then indexing wide.
const (
	cellBlank = 1 << iota
	cellSplit
	cellFull // the value is in cellSet.full
	cellWide // the number and line are in cellSet.wide

	cellMethodShift = 4  // 3 bits, index in cellMethods
	cellUnitShift   = 7  // 8 bits, index in cellUnits
	cellLineShift   = 15 // 20 bits
	cellLineBits    = 20
	cellNumShift    = 35 // 29 bits, signed; or the index in wide
	cellNumBits     = 64 - cellNumShift
)

type wideCell struct {
	num  xxgk.Number
	line int32
}

// cellMethods are the methods a compact cell can have; a cell of another
// method is kept whole.
var cellMethods = []xxgk.Method{"", xxgk.MethodTable, xxgk.MethodProse, xxgk.MethodForm, xxgk.MethodDerived}

// cellUnits are the units of compact cells (件, 条, 万元…), in the order
// first met: a list only ever appended to under the lock, read without it
// (a cell of a unit past the 256th is kept whole).
var cellUnits struct {
	sync.Mutex
	list atomic.Pointer[[]string]
}

func unitIndex(u string) (uint8, bool) {
	if list := cellUnits.list.Load(); list != nil {
		if i := slices.Index(*list, u); i >= 0 {
			return uint8(i), true
		}
	}
	cellUnits.Lock()
	defer cellUnits.Unlock()
	var list []string
	if p := cellUnits.list.Load(); p != nil {
		list = *p
	}
	if i := slices.Index(list, u); i >= 0 {
		return uint8(i), true
	}
	if len(list) > math.MaxUint8 {
		return 0, false
	}
	list = append(slices.Clip(list), strings.Clone(u))
	cellUnits.list.Store(&list)
	return uint8(len(list) - 1), true
}

func unitOf(i uint8) string { return (*cellUnits.list.Load())[i] }

// cellKeys numbers the cell keys met, in the order first met: a roll-up
// of 100,000 reports of one form holds each key once, and each report's
// keys as 4-byte numbers without pointers for the collector to follow.
var cellKeys struct {
	sync.Mutex
	index sync.Map                 // key → uint32
	list  atomic.Pointer[[]string] // appended to under the lock
}

func keyIndex(k string) uint32 {
	if i, ok := cellKeys.index.Load(k); ok {
		return i.(uint32)
	}
	cellKeys.Lock()
	defer cellKeys.Unlock()
	if i, ok := cellKeys.index.Load(k); ok {
		return i.(uint32)
	}
	var list []string
	if p := cellKeys.list.Load(); p != nil {
		list = *p
	}
	// Appending past the length the readers hold never touches what
	// they read.
	list = append(list, strings.Clone(k))
	i := uint32(len(list) - 1)
	cellKeys.list.Store(&list)
	cellKeys.index.Store(list[i], i)
	return i
}

func keyOf(i uint32) string { return (*cellKeys.list.Load())[i] }

func newCellSet(cells map[string]xxgk.Value) cellSet {
	keys := make([]uint32, 0, len(cells))
	for k := range cells {
		keys = append(keys, keyIndex(k))
	}
	slices.SortFunc(keys, func(a, b uint32) int { return strings.Compare(keyOf(a), keyOf(b)) })
	packed := make([]byte, 0, 4*len(keys))
	for _, k := range keys {
		packed = binary.LittleEndian.AppendUint32(packed, k)
	}
	s := cellSet{keys: unique.Make(string(packed)), words: make([]uint64, len(keys))}
	for i, ki := range keys {
		k := keyOf(ki)
		v := cells[k]
		m := slices.Index(cellMethods, v.Method)
		u, ok := unitIndex(v.Unit)
		if v.Approx || !ok || m < 0 || v.Line < 0 || v.Line > math.MaxInt32 {
			if s.full == nil {
				s.full = map[string]xxgk.Value{}
			}
			s.full[k] = v
			s.words[i] = cellFull
			continue
		}
		w := uint64(m)<<cellMethodShift | uint64(u)<<cellUnitShift
		if v.Blank {
			w |= cellBlank
		}
		if v.Split {
			w |= cellSplit
		}
		if n := v.Value.Int64(); v.Value == xxgk.Int(n) && n >= -1<<(cellNumBits-1) && n < 1<<(cellNumBits-1) && v.Line < 1<<cellLineBits {
			w |= uint64(v.Line)<<cellLineShift | uint64(n)<<cellNumShift
		} else {
			w |= cellWide | uint64(len(s.wide))<<cellNumShift
			s.wide = append(s.wide, wideCell{v.Value, int32(v.Line)})
		}
		s.words[i] = w
	}
	return s
}

func (s *cellSet) len() int { return len(s.words) }

// key is the i-th key's number in cellKeys.
func (s *cellSet) key(i int) uint32 {
	b := s.keys.Value()[4*i : 4*i+4]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func (s *cellSet) value(i int) xxgk.Value {
	w := s.words[i]
	if w&cellFull != 0 {
		return s.full[keyOf(s.key(i))]
	}
	var num xxgk.Number
	var line int
	if w&cellWide != 0 {
		c := s.wide[w>>cellNumShift]
		num, line = c.num, int(c.line)
	} else {
		num, line = xxgk.Int(int64(w)>>cellNumShift), int(w>>cellLineShift&(1<<cellLineBits-1))
	}
	return xxgk.Value{Value: num, Unit: unitOf(uint8(w >> cellUnitShift)), Blank: w&cellBlank != 0, Split: w&cellSplit != 0,
		Evidence: xxgk.Evidence{Method: cellMethods[w>>cellMethodShift&7], Line: line}}
}

func (s *cellSet) get(key string) (xxgk.Value, bool) {
	i, ok := sort.Find(len(s.words), func(i int) int { return strings.Compare(key, keyOf(s.key(i))) })
	if !ok {
		return xxgk.Value{}, false
	}
	return s.value(i), true
}

// all gives the cells in key order.
func (s *cellSet) all() iter.Seq2[string, xxgk.Value] {
	return func(yield func(string, xxgk.Value) bool) {
		for i := range s.words {
			if !yield(keyOf(s.key(i)), s.value(i)) {
				return
			}
		}
	}
}

// Cell is the agency's cell key (FORM.TABLE.ROW.COL): its number, unit,
// method, line and marks; the evidence text only of an approximate cell
// (the workbook shows it in a note). The report's own Cells may hold less
// (Keep).
func (a *AgencyRow) Cell(key string) (xxgk.Value, bool) { return a.cells.get(key) }

// Cells gives the agency's cells, as Cell does, in key order.
func (a *AgencyRow) Cells() iter.Seq2[string, xxgk.Value] { return a.cells.all() }

// CellCount is the number of the agency's cells.
func (a *AgencyRow) CellCount() int { return a.cells.len() }
