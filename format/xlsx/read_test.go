package xlsx

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestPlainNumber(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0"}, {12, "12"}, {1234567, "1234567"}, {0.1 + 0.2, "0.3"}, {1.5e-7, "0.00000015"},
		{-3.25, "-3.25"}, {1e15, "1000000000000000"}, {123456789012.5, "123456789012.5"},
	} {
		if got := plainNumber(tc.in); got != tc.want {
			t.Errorf("plainNumber(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestXLSXDisplayValues checks cell text: formatted numbers read plainly,
// formulas by their cached value, text digits as written, dates as shown.
func TestXLSXDisplayValues(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	const s = "Sheet1"
	thousands, _ := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
	sci, _ := f.NewStyle(&excelize.Style{NumFmt: 11})      // 0.00E+00
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})     // m/d/yy
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellValue(s, "A1", 1234567))
	must(f.SetCellStyle(s, "A1", "A1", thousands))
	must(f.SetCellValue(s, "B1", 0.00000015))
	must(f.SetCellStyle(s, "B1", "B1", sci))
	must(f.SetCellValue(s, "C1", "001"))
	must(f.SetCellFormula(s, "D1", "A1+1"))
	must(f.SetCellValue(s, "E1", 45292)) // 2024-01-01
	must(f.SetCellStyle(s, "E1", "E1", date))
	must(f.SetCellValue(s, "F1", "  两行\n文字 "))
	var buf bytes.Buffer
	must(f.Write(&buf))
	// excelize writes no cached value for D1; put one in as a spreadsheet would.
	data := setCachedValue(t, buf.Bytes(), "D1", "1234568")

	doc, err := Read(data)
	must(err)
	if len(doc.Findings) > 0 {
		t.Errorf("findings %+v", doc.Findings)
	}
	if len(doc.Blocks) != 1 || doc.Blocks[0].Table == nil {
		t.Fatalf("blocks = %+v, want one table", doc.Blocks)
	}
	var got []string
	for _, c := range doc.Blocks[0].Table.Rows[0] {
		got = append(got, c.Text)
	}
	want := []string{"1234567", "0.00000015", "001", "1234568", "", "两行文字"}
	if len(got) != len(want) {
		t.Fatalf("row = %q, want %q", got, want)
	}
	for i := range want {
		if i == 4 {
			if !looksLikeDate(got[i]) {
				t.Errorf("date cell = %q, want a date", got[i])
			}
			continue
		}
		if got[i] != want[i] {
			t.Errorf("cell %d = %q, want %q", i, got[i], want[i])
		}
	}
}

// setCachedValue rewrites a workbook so that the formula cell at axis has
// a cached value, as spreadsheet programs save it.
func setCachedValue(t *testing.T, data []byte, axis, value string) []byte {
	t.Helper()
	return rewriteZip(t, data, func(name string, b []byte) []byte {
		if name != "xl/worksheets/sheet1.xml" {
			return b
		}
		s := string(b)
		i := strings.Index(s, `<c r="`+axis+`"`)
		if i < 0 {
			t.Fatalf("no cell %s in %s", axis, s)
		}
		j := strings.Index(s[i:], "</f>")
		if j < 0 {
			t.Fatalf("no formula in cell %s", axis)
		}
		j += i + len("</f>")
		return []byte(s[:j] + "<v>" + value + "</v>" + strings.TrimPrefix(s[j:], "<v></v>"))
	})
}

func rewriteZip(t *testing.T, data []byte, edit func(name string, b []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := b.ReadFrom(rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(edit(f.Name, b.Bytes())); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
