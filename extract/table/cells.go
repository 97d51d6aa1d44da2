package table

import (
	"xxgk"
	"xxgk/templates"
)

// Cells are the cells read of a form, each in a slot of its own, until the
// report's map is made of them (Map), once. A value is larger than a Go
// map stores in place: each cell put in a map was an allocation and a
// copy of it, and detaching the report's strings (package arena) copied
// every cell out of the map and stored it back, moving 224 bytes each way
// with write barriers while the collector marks. In a slot a cell is
// written where it stays, and its strings are moved there (Values).
type Cells struct {
	ix   *formIndex
	vals []xxgk.Value // by slot (formIndex.slots); a slot without a cell holds the zero Value
	n    int          // slots with a cell
}

// hasCell reports whether a slot holds a cell: its method is set. putRow
// sets it for every cell it puts; a slot without a cell is the zero Value.
func hasCell(v *xxgk.Value) bool { return v.Method != "" }

// slotIndex numbers the cell keys of a form: every key CellKey gives of a
// row of a table (a group's too) and a data column, each once, in the
// order of the tables, their rows and columns.
func (ix *formIndex) slotIndex(f *templates.Form) {
	ix.slots = map[string]int32{}
	for _, t := range f.Tables {
		for _, r := range t.Rows {
			for _, c := range t.DataColumns() {
				key := t.CellKey(r.Key, c.Key)
				if _, ok := ix.slots[key]; !ok {
					ix.slots[key] = int32(len(ix.slotKeys))
					ix.slotKeys = append(ix.slotKeys, key)
				}
			}
		}
	}
}

// freeCells holds the slots of released Cells (freeList says why not a
// sync.Pool).
var freeCells = make(freeList[Cells], 8)

// newCells returns empty Cells of the form of ix.
func newCells(ix *formIndex) *Cells {
	c := freeCells.get()
	c.ix, c.n = ix, 0
	if cap(c.vals) < len(ix.slotKeys) {
		c.vals = make([]xxgk.Value, len(ix.slotKeys))
	}
	c.vals = c.vals[:len(ix.slotKeys)] // cleared by Release
	return c
}

// Release gives c's slots back for the cells of a later document. c must
// not be used after. A nil c has nothing to give.
func (c *Cells) Release() {
	if c == nil || c.ix == nil {
		return
	}
	// The values hold the document's strings: each is cleared. Only the
	// slots with a cell are written (a cell deleted is cleared already):
	// clearing all of them, most without a cell, cost more than the test
	// of each, and clearing memory of pointers takes write barriers
	// while the collector marks. Past len(c.vals) nothing was written
	// since: each Cells writes its form's slots only.
	for s := range c.vals {
		if hasCell(&c.vals[s]) {
			c.vals[s] = xxgk.Value{}
		}
	}
	c.ix, c.n = nil, 0
	if cap(c.vals) > 4096 {
		c.vals = nil
	}
	freeCells.put(c)
}

// Len is the number of cells.
func (c *Cells) Len() int {
	if c == nil {
		return 0
	}
	return c.n
}

// Values are the cells' values by slot, where they stand: the strings of
// each may be changed in place (a report's are detached so). A slot
// without a cell holds the zero Value, with no string.
func (c *Cells) Values() []xxgk.Value {
	if c == nil {
		return nil
	}
	return c.vals
}

// Map returns the cells by key, in a map of their own, sized once: the
// report's Cells. It is never nil.
func (c *Cells) Map() map[string]xxgk.Value {
	m := make(map[string]xxgk.Value, c.Len())
	if c == nil {
		return m
	}
	for s := range c.vals {
		if v := &c.vals[s]; hasCell(v) {
			m[c.ix.slotKeys[s]] = *v
		}
	}
	return m
}

// put stores v as the cell of slot s.
func (c *Cells) put(s int32, v xxgk.Value) {
	if !hasCell(&c.vals[s]) {
		c.n++
	}
	c.vals[s] = v
}

// at returns the cell of key, if there is one. The pointer is into the
// slots: it is valid until the cell is deleted.
func (c *Cells) at(key string) (*xxgk.Value, bool) {
	s, ok := c.ix.slots[key]
	if !ok || !hasCell(&c.vals[s]) {
		return nil, false
	}
	return &c.vals[s], true
}

// get returns the cell of key, as a map would.
func (c *Cells) get(key string) (xxgk.Value, bool) {
	if v, ok := c.at(key); ok {
		return *v, true
	}
	return xxgk.Value{}, false
}

// delete removes the cell of key, if there is one.
func (c *Cells) delete(key string) {
	if v, ok := c.at(key); ok {
		*v = xxgk.Value{}
		c.n--
	}
}

// Figures derives the MODEL.md figures of the form from the cells, as
// Figures does from their map.
func (c *Cells) Figures() map[string]xxgk.Value {
	ff := formFiguresOf(c.ix.formID)
	slots := c.ix.figureSlotsOf(ff)
	out := make(map[string]xxgk.Value, ff.figures)
	for k, d := range ff.defs {
		at := func(i int) *xxgk.Value {
			if s := slots[k][i]; s >= 0 && hasCell(&c.vals[s]) {
				return &c.vals[s]
			}
			return nil
		}
		if v, ok := figureFrom(d.fig, d.def, d.made, at); ok {
			out[d.fig.Key] = v
		} else if v, ok := groupFigure(d.fig, d.made, c.get); ok {
			out[d.fig.Key] = v
		}
	}
	return out
}

// figureSlots are the slots of the cells of each definition of a form's
// figures (formFigures.defs), -1 for a key the form has no slot for.
type figureSlots struct {
	ff    *formFigures
	slots [][]int32
}

// figureSlotsOf returns the slots of ff's definitions, for the form of
// ix: listed once per form, and again only for figures of another
// specification (templates.Replace).
func (ix *formIndex) figureSlotsOf(ff *formFigures) [][]int32 {
	if fs := ix.figureSlots.Load(); fs != nil && fs.ff == ff {
		return fs.slots
	}
	fs := &figureSlots{ff: ff, slots: make([][]int32, len(ff.defs))}
	for k, d := range ff.defs {
		fs.slots[k] = make([]int32, len(d.made.keys))
		for i, key := range d.made.keys {
			s, ok := ix.slots[key]
			if !ok {
				s = -1
			}
			fs.slots[k][i] = s
		}
	}
	ix.figureSlots.Store(fs)
	return fs.slots
}
