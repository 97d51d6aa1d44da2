package table

import (
	"maps"
	"slices"
	"testing"

	"xxgk"
	"xxgk/templates"
)

// TestSlotIndex: every key putRow may write (a row of a table, a group's
// too, and a data column) has a slot of its own, which cellInfos name.
func TestSlotIndex(t *testing.T) {
	for _, f := range templates.Forms() {
		ix := indexOf(f)
		if len(ix.slots) != len(ix.slotKeys) {
			t.Fatalf("%s: %d slots for %d keys", f.ID, len(ix.slots), len(ix.slotKeys))
		}
		for s, k := range ix.slotKeys {
			if ix.slots[k] != int32(s) {
				t.Fatalf("%s: key %s of slot %d has slot %d", f.ID, k, s, ix.slots[k])
			}
		}
		for _, tb := range f.Tables {
			for _, r := range tb.Rows {
				for c, col := range tb.DataColumns() {
					key := tb.CellKey(r.Key, col.Key)
					if _, ok := ix.slots[key]; !ok {
						t.Fatalf("%s: no slot for %s", f.ID, key)
					}
					if infos, ok := ix.cellInfos[r]; ok && infos[c].slot != ix.slots[key] {
						t.Fatalf("%s: cellInfo of %s names slot %d, not %d", f.ID, key, infos[c].slot, ix.slots[key])
					}
				}
			}
		}
	}
}

// TestCellsAsMap: Cells put, deleted and read back as a map of the same
// operations would be, and keep no string once released.
func TestCellsAsMap(t *testing.T) {
	f := templates.FormByID("gov_2021")
	ix := indexOf(f)
	c := newCells(ix)
	want := map[string]xxgk.Value{}
	for i, k := range ix.slotKeys {
		v := xxgk.Value{Value: xxgk.Int(int64(i)), Evidence: xxgk.Evidence{Method: xxgk.MethodTable, Text: k}}
		switch i % 3 {
		case 0:
			c.put(ix.slots[k], v)
			want[k] = v
		case 1:
			c.put(ix.slots[k], v)
			v.Line = 2
			c.put(ix.slots[k], v) // put again over the first
			want[k] = v
		case 2:
			c.put(ix.slots[k], v)
			c.delete(k)
			c.delete(k) // twice: nothing to delete
		}
	}
	c.delete("gov_2021.no_such_table.row.col")
	if got := c.Map(); c.Len() != len(want) || len(got) != len(want) || !maps.Equal(got, want) {
		t.Fatalf("Cells hold %d cells, %d in their map, want %d", c.Len(), len(got), len(want))
	}
	if _, ok := c.at("gov_2021.no_such_table.row.col"); ok {
		t.Fatal("a key without a slot has a cell")
	}
	vals := c.vals
	c.Release()
	if slices.ContainsFunc(vals, func(v xxgk.Value) bool { return v != (xxgk.Value{}) }) {
		t.Fatal("released Cells keep a document's values")
	}
	if m := (*Cells)(nil).Map(); m == nil || len(m) != 0 || (*Cells)(nil).Len() != 0 || (*Cells)(nil).Values() != nil {
		t.Fatal("nil Cells are not empty")
	}
}
