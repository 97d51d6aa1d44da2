package parse

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"xxgk"
	"xxgk/document"
	"xxgk/internal/testutil"

	"github.com/xuri/excelize/v2"
)

const reportsDir = "../testdata/reports"

func mustParseFile(t *testing.T, name string) *xxgk.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(reportsDir, name))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// docWorkbook writes a Document the way a person copying a web page into a
// spreadsheet would: paragraphs in column A, each table below, spans as
// merged cells, numbers as numbers, an empty row between blocks, all on
// one sheet.
func docWorkbook(t *testing.T, doc *document.Document) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Sheet1"
	row := 1
	set := func(c, r int, text string) {
		axis, err := excelize.CoordinatesToCellName(c, r)
		if err != nil {
			t.Fatal(err)
		}
		var v any = text
		if isPlainDecimal(text) {
			v = asNumber(text)
		}
		if err := f.SetCellValue(sheet, axis, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, b := range doc.Blocks {
		if b.Table == nil {
			set(1, row, b.Text)
			row += 2
			continue
		}
		g := b.Table
		for r, cells := range g.Rows {
			for c, cell := range cells {
				if g.IsCopy(r, c) {
					continue
				}
				set(c+1, row+r, cell.Text)
				// The extent of a span: the copies that name this origin.
				r1, c1 := r, c
				for r1+1 < len(g.Rows) && g.Rows[r1+1][c].OrigRow == r && g.Rows[r1+1][c].OrigCol == c {
					r1++
				}
				for c1+1 < len(cells) && cells[c1+1].OrigRow == r && cells[c1+1].OrigCol == c {
					c1++
				}
				if r1 > r || c1 > c {
					a, _ := excelize.CoordinatesToCellName(c+1, row+r)
					z, _ := excelize.CoordinatesToCellName(c1+1, row+r1)
					if err := f.MergeCell(sheet, a, z); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		row += len(g.Rows) + 1
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// isPlainDecimal reports digits with at most one point and no leading
// zero: what a spreadsheet stores as a number.
func isPlainDecimal(s string) bool {
	if s == "" || len(s) > 15 || (s[0] == '0' && s != "0" && !strings.HasPrefix(s, "0.")) {
		return false
	}
	dot := false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] >= '0' && s[i] <= '9':
		case s[i] == '.' && !dot && i > 0 && i < len(s)-1:
			dot = true
		default:
			return false
		}
	}
	return true
}

// asNumber returns an integer or float for a plain decimal string.
func asNumber(s string) any {
	var i int64
	if _, err := fmt.Sscanf(s, "%d", &i); err == nil && fmt.Sprint(i) == s {
		return i
	}
	var f float64
	if _, err := fmt.Sscanf(s, "%g", &f); err == nil {
		return f
	}
	return s
}

// TestXLSXFromPage reads sample reports copied into a workbook and gets the
// cells the page gives, with method form.
func TestXLSXFromPage(t *testing.T) {
	for _, name := range []string{"pingtan-2025-zone-html.html", "seed-002.txt", "pingtan-2013-county-html.html", "pingtan-2017-zone-html.html"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(reportsDir, name))
			if err != nil {
				t.Fatal(err)
			}
			text, _, err := Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			var doc *document.Document
			if looksLikeHTML(text) {
				doc = readHTML(text)
			} else {
				doc = readText(text)
			}
			want := mustParseFile(t, name)
			wb := docWorkbook(t, doc)
			got, err := Parse("copy.xlsx", wb)
			if err != nil {
				t.Fatal(err)
			}
			if got.Source.Kind != "xlsx" || got.Source.Encoding != "" {
				t.Errorf("source = %+v, want kind xlsx and no encoding", got.Source)
			}
			if got.Form != want.Form || got.Agency != want.Agency || got.Year != want.Year {
				t.Errorf("form, agency, year = %s %q %d, want %s %q %d", got.Form, got.Agency, got.Year, want.Form, want.Agency, want.Year)
			}
			testutil.CompareValues(t, name, got.Cells, want.Cells)
			for k, v := range got.Cells {
				if v.Method != xxgk.MethodForm {
					t.Errorf("cell %s: method %s, want form", k, v.Method)
				}
			}
			for k, v := range got.Figures {
				if v.Method == xxgk.MethodTable {
					t.Errorf("figure %s: method %s, want form", k, v.Method)
				}
			}
		})
	}
}

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

	g, err := excelize.OpenReader(bytes.NewReader(data))
	must(err)
	defer g.Close()
	grid, cut, err := readSheet(g, s)
	must(err)
	if cut {
		t.Error("small sheet reported as cut")
	}
	var got []string
	for _, c := range grid[0] {
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

// zipOf builds a zip with the given entries.
func zipOf(t *testing.T, entries map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(entries))
	for n := range entries {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(entries[n]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLSXRefused(t *testing.T) {
	// A workbook that is not one of the forms.
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "办公用品采购清单")
	f.SetCellValue("Sheet1", "A2", "铅笔")
	f.SetCellValue("Sheet1", "B2", 12)
	var plain bytes.Buffer
	if err := f.Write(&plain); err != nil {
		t.Fatal(err)
	}
	f.Close()

	// A bomb: 300 MB of zeros compress to a few hundred kilobytes.
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("xl/workbook.xml")
	zeros := make([]byte, 1<<20)
	for range 300 {
		w.Write(zeros)
	}
	zw.Close()

	many := map[string][]byte{"xl/workbook.xml": nil}
	for i := range maxXLSXEntries + 1 {
		many[fmt.Sprintf("x/%d", i)] = nil
	}

	truncated := plain.Bytes()[:plain.Len()/2]

	// A roll-up workbook of xxgk: its 汇总 sheet would read like a report.
	f = excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "汇总")
	f.SetCustomProps(excelize.CustomProperty{Name: "xxgk", Value: "rollup"})
	var rollup bytes.Buffer
	if err := f.Write(&rollup); err != nil {
		t.Fatal(err)
	}
	f.Close()

	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"plain", plain.Bytes(), "不是 xxgk 能识别的统计表（未找到官方表格的行名）"},
		{"bomb", bomb.Bytes(), "超过 200 MB 的上限"},
		{"rollup", rollup.Bytes(), "这是 xxgk 写出的汇总工作簿"},
		{"many", zipOf(t, many), "超过 10000 个的上限"},
		{"truncated", truncated, "文件已损坏"},
		{"garbage", append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0xff}, 100)...), "文件已损坏"},
		{"docx", zipOf(t, map[string][]byte{"word/document.xml": []byte("<w/>")}), "Word 文档"},
		{"zip", zipOf(t, map[string][]byte{"a.txt": []byte("hello")}), "不是 xlsx 工作簿"},
		{"brokenxml", zipOf(t, map[string][]byte{"xl/workbook.xml": []byte("<workbook><sheets>"), "[Content_Types].xml": []byte("<")}), "xlsx"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.name+".xlsx", tc.data)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrUnreadable) {
				t.Errorf("error %v does not wrap ErrUnreadable", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
}
