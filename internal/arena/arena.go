// Package arena copies the strings of a report into one buffer of their
// own. A string sliced from a report's source keeps the whole source alive,
// and a roll-up holds tens of thousands of reports: copied together, the
// strings a report keeps cost one allocation, hold nothing else alive, and
// a text repeated (a table row's evidence is every cell's) is stored once.
package arena

import (
	"hash/maphash"
	"strings"
	"sync"
	"unsafe"

	"xxgk"
)

// Detach calls visit twice with a put function that visit must call on
// the same strings in the same order, storing what put returns: the first
// time put measures and returns its argument, the second it returns the
// copy in the new buffer. The strings put must be alive from the start of
// the call (held by what visit stores into), not made inside visit: a
// string is known again by its address.
func Detach(visit func(put func(string) string)) {
	a := arenas.Get().(*arena)
	visit(a.putFunc)
	a.fill()
	visit(a.putFunc)
	a.reset()
	arenas.Put(a)
}

// arenas are the arenas of earlier reports, emptied: an arena's map and
// lists were a fifth of the bytes parsing a page-text report allocated,
// made anew for each report and dropped right after.
var arenas = sync.Pool{New: func() any {
	a := new(arena)
	a.putFunc = a.put
	return a
}}

// maxPooledStrings bounds the distinct strings of an arena kept for
// reuse: a huge report does not pin its map (a report has some hundred).
// It bounds the lists of DetachReport too (a report has some hundred
// values, with a thousand strings).
const maxPooledStrings = 4096

// reset empties a for the next report. It keeps no string: the arena
// must not keep a report's source alive.
func (a *arena) reset() {
	if len(a.order) > maxPooledStrings || len(a.entries) > maxPooledStrings || len(a.fields) > 4*maxPooledStrings {
		*a = arena{putFunc: a.putFunc}
		return
	}
	a.at.reset()
	clear(a.order)
	// recent holds no pointer, so it keeps nothing alive: its entries
	// are dropped by moving to a new generation, not by clearing 32 KB
	// (clearing pointers took a write barrier for each while the
	// collector ran: 6% of parsing a small report).
	if a.recentGen++; a.recentGen == 0 {
		clear(a.recent[:]) // a generation would come round again
	}
	clear(a.entries)
	clear(a.fields)
	a.order, a.offs, a.size, a.buf, a.filled = a.order[:0], a.offs[:0], 0, "", false
	a.entries, a.fields = a.entries[:0], a.fields[:0]
}

type arena struct {
	at     strTable // the distinct strings by their text: their index in order
	order  []string // the distinct strings, by offset
	offs   []int    // the offset in buf of each of order
	size   int
	buf    string
	filled bool
	// recent remembers strings put before by where their bytes are: a
	// report's strings are mostly the same few slices put again and again
	// (a table row's evidence and labels are every cell's), and comparing
	// two words costs less than hashing a line of text for the map.
	recent    [1 << recentBits]recentString
	recentGen uint32 // the generation of recent's entries of this report
	// putFunc is a.put, made once: a method value passed to visit
	// escapes, and was allocated for each pass of each report.
	putFunc func(string) string

	// For DetachReport: the report's map entries, copied out of the
	// maps, and where each string to move stands, with its offset.
	entries []entry
	fields  []fieldAt
}

// fieldAt is a string of a report to point at off in buf.
type fieldAt struct {
	p   *string
	off int
}

// entry is a value of a report's map, with its key and whether any of
// its strings moves.
type entry struct {
	key   string
	value xxgk.Value
	moved bool
}

// recentBits sizes recent: a report puts some hundreds of distinct
// slices, which in 256 entries collide, sending the second pass back to
// hashing; a larger table than this costs more to clear than it saves.
const recentBits = 10

// recentString is a string put before (its bytes at p, n long) and its
// offset in buf, if gen is the arena's. Equal p and n are equal strings:
// strings never change, and the strings of one report put in one
// generation are all alive together (the report holds them), so no two
// of them can be at the same address without being the same bytes. p is
// an address, not a pointer: the entry must not keep the string alive,
// and a table without pointers is emptied by a new generation.
type recentString struct {
	p   uintptr
	n   int
	off int
	gen uint32
}

func (a *arena) put(s string) string {
	if s == "" {
		return s
	}
	off := a.offset(s)
	if a.filled {
		return a.buf[off : off+len(s)]
	}
	return s
}

// offset returns where s (not empty) is or will be in buf, storing it on
// the measuring pass if it is new.
func (a *arena) offset(s string) int {
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	e := &a.recent[(uint64(p)+uint64(len(s)))*0x9E3779B97F4A7C15>>(64-recentBits)]
	if e.p != p || e.n != len(s) || e.gen != a.recentGen {
		slot := a.at.slot(s, a.order)
		var off int
		if slot.idx > 0 {
			off = a.offs[slot.idx-1]
		} else {
			if a.filled {
				panic("arena: a string put on the second pass was not put on the first")
			}
			off = a.size
			a.order = append(a.order, s)
			a.offs = append(a.offs, off)
			a.at.add(slot, len(a.order))
			a.size += len(s)
		}
		*e = recentString{p, len(s), off, a.recentGen}
	}
	return e.off
}

func (a *arena) fill() {
	var b strings.Builder
	b.Grow(a.size)
	for _, s := range a.order {
		b.WriteString(s)
	}
	a.buf, a.filled = b.String(), true
}

// DetachReport copies the strings of r that may come from its source
// into one buffer of their own: its agency, date and their evidence, and
// the evidence of its figures, cells and findings, and of values, the
// report's values not in its maps yet (a table reader's cells, which are
// put in r.Cells after: they are detached where they stand, with none
// of the copying out of a map and back that its entries need). The
// names of the form's cells (Table, RowLabel, ColLabel) are the
// templates', shared, and stay as they are.
//
// It does what Detach of a visit over those strings did (kept in the
// tests as Report, which it is held to), made for a report, whose maps
// are most of the work: their values were copied out of the map on each
// pass, their strings looked up by hash on each, and each value
// stored back with a hash of its key. Here the entries are copied out of
// the maps once, the measuring pass lists where each string stands and
// its offset, and the second pass is a loop over that list, with no
// lookup.
func DetachReport(r *xxgk.Report, values []xxgk.Value) {
	a := arenas.Get().(*arena)
	entries := a.entries[:0]
	for k, v := range r.Figures {
		entries = append(entries, entry{key: k, value: v})
	}
	figures := len(entries)
	for k, v := range r.Cells {
		entries = append(entries, entry{key: k, value: v})
	}
	a.measureReport(r, entries, values) // entries grow no more: a.fields point into them
	a.fill()
	for _, f := range a.fields {
		*f.p = a.buf[f.off : f.off+len(*f.p)]
	}
	for i := range entries {
		if e := &entries[i]; e.moved {
			if i < figures {
				r.Figures[e.key] = e.value
			} else {
				r.Cells[e.key] = e.value
			}
		}
	}
	a.entries = entries // for reset to clear
	a.reset()
	arenas.Put(a)
}

// measureReport is the measuring pass of DetachReport over the strings
// it moves, the maps' values' from entries: it stores each string, and
// lists where it stands with its offset.
func (a *arena) measureReport(r *xxgk.Report, entries []entry, values []xxgk.Value) {
	a.field(&r.Agency)
	a.field(&r.Published)
	for _, e := range [...]*xxgk.MetaEvidence{r.AgencyEvidence, r.YearEvidence, r.PublishedEvidence} {
		if e != nil {
			a.field(&e.Text)
		}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		a.field(&f.Message)
		a.field(&f.Evidence)
	}
	for i := range entries {
		e := &entries[i]
		v := &e.value
		// A value moves when it has a string (Value).
		moved := a.field(&v.Text)
		moved = a.field(&v.Row) || moved
		moved = a.field(&v.Col) || moved
		moved = a.field(&v.Section) || moved
		moved = a.field(&v.Sheet) || moved
		e.moved = a.field(&v.Cell) || moved
	}
	for i := range values {
		v := &values[i]
		a.field(&v.Text)
		a.field(&v.Row)
		a.field(&v.Col)
		a.field(&v.Section)
		a.field(&v.Sheet)
		a.field(&v.Cell)
	}
}

// field stores *p and lists where it stands with its offset, reporting
// whether it did: an empty string is left as it is.
func (a *arena) field(p *string) bool {
	if *p == "" {
		return false
	}
	a.fields = append(a.fields, fieldAt{p, a.offset(*p)})
	return true
}

// Value puts the strings of a value's evidence that may come from its
// source. A section may be a heading sliced from the source; a sheet's
// name, from the workbook's bytes. It reports whether any of them moved
// (the copy of a map's value need be stored back only then).
func Value(v *xxgk.Value, put func(string) string) (moved bool) {
	// Six inlined calls, not a loop over the six fields' addresses:
	// building that array for each value cost more than the calls.
	moved = putField(&v.Text, put)
	moved = putField(&v.Row, put) || moved
	moved = putField(&v.Col, put) || moved
	moved = putField(&v.Section, put) || moved
	moved = putField(&v.Sheet, put) || moved
	return putField(&v.Cell, put) || moved
}

// putField puts *p and stores the string put returns, reporting whether
// it moved. Most of a value's strings are empty (a page-text report's have
// no section, sheet or cell name): they cost no call through put.
func putField(p *string, put func(string) string) bool {
	if *p == "" {
		return false
	}
	c := put(*p)
	if unsafe.StringData(c) == unsafe.StringData(*p) {
		return false
	}
	*p = c
	return true
}

// strTable finds the distinct strings of an arena by their text: an
// open-addressing table of their hashes and their indices in the arena's
// order. A string new to the arena (most of those put) was hashed twice
// by a map[string]int, to look it up and to store it; here once. A slot
// is free unless its generation is the table's: reset frees them all at
// once, without clearing the slots.
type strTable struct {
	slots []strSlot
	n     int    // slots used
	gen   uint32 // of the slots used; 0 before the first string
	seed  maphash.Seed
}

type strSlot struct {
	h   uint64
	gen uint32
	idx int32 // 1 + the string's index in the arena's order
}

// minStrSlots is a table's first size: a report puts some hundreds of
// distinct strings.
const minStrSlots = 1024

// slot returns the slot of s, a string of order if idx > 0, else the free
// slot where add puts it.
func (t *strTable) slot(s string, order []string) *strSlot {
	if t.gen == 0 {
		t.gen, t.seed = 1, maphash.MakeSeed()
	}
	if (t.n+1)*2 > len(t.slots) {
		t.grow(order)
	}
	h := maphash.String(t.seed, s)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.gen != t.gen {
			sl.h, sl.idx = h, 0
			return sl
		}
		if sl.h == h && order[sl.idx-1] == s {
			return sl
		}
	}
}

// add stores in sl, the free slot slot returned, the string of order
// numbered idx (1 + its index).
func (t *strTable) add(sl *strSlot, idx int) {
	sl.gen, sl.idx = t.gen, int32(idx)
	t.n++
}

// grow doubles the table (or makes it), the strings of order in it.
func (t *strTable) grow(order []string) {
	size := max(minStrSlots, 2*len(t.slots))
	old := t.slots
	t.slots = make([]strSlot, size)
	mask := uint64(size - 1)
	for _, sl := range old {
		if sl.gen != t.gen {
			continue
		}
		i := sl.h & mask
		for t.slots[i].gen == t.gen {
			i = (i + 1) & mask
		}
		t.slots[i] = sl
	}
}

// reset frees every slot.
func (t *strTable) reset() {
	t.n = 0
	if t.gen++; t.gen == 0 { // after 2³² reports: slots of old ones would look used
		clear(t.slots)
		t.gen = 1
	}
}
