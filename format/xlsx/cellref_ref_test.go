package xlsx

import (
	"math"
	"strconv"
	"strings"
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

// TestAtoi holds atoi to strconv.Atoi of the trimmed string, and the
// style's reading to strconv.ParseInt with 32 bits.
func TestAtoi(t *testing.T) {
	for _, s := range []string{"", "0", "7", "007", "123456789", "1234567890", "-1", "+1", " 1", "1 ", "1a", "x", "2147483647", "2147483648",
		"-2147483648", "-2147483649", "99999999999999999999", "١"} {
		checkAtoi(t, s)
	}
}

func checkAtoi(t *testing.T, s string) {
	n, err := atoi(s)
	wn, werr := strconv.Atoi(strings.TrimSpace(s))
	if n != wn || (err == nil) != (werr == nil) {
		t.Errorf("atoi(%q) = %d, %v; want %d, %v", s, n, err, wn, werr)
	}
	// As readCell reads a style.
	style, ok := int64(n), err == nil && n >= math.MinInt32 && n <= math.MaxInt32
	ws, werr32 := strconv.ParseInt(strings.TrimSpace(s), 10, 32)
	if ok != (werr32 == nil) || ok && style != ws {
		t.Errorf("style %q: %d %v; want %d, %v", s, style, ok, ws, werr32)
	}
}

func FuzzAtoi(f *testing.F) {
	f.Add("12")
	f.Fuzz(checkAtoi)
}
