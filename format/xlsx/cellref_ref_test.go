package xlsx

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCellCoordinates holds cellCoordinates to excelize.
func TestCellCoordinates(t *testing.T) {
	refs := []string{"", "A", "1", "A1", "Z9", "AA10", "XFD1048576", "XFE1", "XFD1048577", "A0", "A01", "a1", "$A$1", "A$1",
		"AAAA1", "A12345678", "A+1", "A-1", "A 1", " A1", "A1 ", "A1B2", "Ａ1", "A１", "$", "$1", "ZZZ1", "AAAAAAAAAAAAAAA1",
		"A99999999999999999999", "Q1048576", "B2:C3"}
	for _, r := range refs {
		check := func(ref string) {
			c, row, err := cellCoordinates(ref)
			wc, wrow, werr := excelize.CellNameToCoordinates(ref)
			if c != wc || row != wrow || (err == nil) != (werr == nil) {
				t.Errorf("%q: %d %d %v, excelize %d %d %v", ref, c, row, err, wc, wrow, werr)
			}
		}
		check(r)
	}
	for col := 1; col <= excelize.MaxColumns+30; col += 7 {
		name, _ := excelize.ColumnNumberToName(min(col, excelize.MaxColumns))
		if col > excelize.MaxColumns {
			name += "A"
		}
		for _, row := range []string{"1", "9", "10", "99", "1048576", "1048577", "0", "007", "9999999"} {
			c, r, err := cellCoordinates(name + row)
			wc, wr, werr := excelize.CellNameToCoordinates(name + row)
			if c != wc || r != wr || (err == nil) != (werr == nil) {
				t.Errorf("%q: %d %d %v, excelize %d %d %v", name+row, c, r, err, wc, wr, werr)
			}
		}
	}
}

func FuzzCellCoordinates(f *testing.F) {
	f.Add("A1")
	f.Add("XFD1048576")
	f.Add("$b$07")
	f.Fuzz(func(t *testing.T, ref string) {
		c, r, err := cellCoordinates(ref)
		wc, wr, werr := excelize.CellNameToCoordinates(ref)
		if c != wc || r != wr || (err == nil) != (werr == nil) {
			t.Errorf("%q: %d %d %v, excelize %d %d %v", ref, c, r, err, wc, wr, werr)
		}
	})
}
