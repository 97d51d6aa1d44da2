package xlsx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/document"
	"xxgk/format"
	"xxgk/format/ooxml"
	"xxgk/internal/samples"
	"xxgk/internal/testutil"
	"xxgk/parse"
	"xxgk/workbook"
)

const reportsDir = "../../testdata/reports"

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
			doc, err := format.Read(data)
			if err != nil {
				t.Fatal(err)
			}
			want := samples.Parse(t, name)
			wb := docWorkbook(t, doc)
			got, err := parse.Parse("copy.xlsx", wb)
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
	for i := range ooxml.MaxEntries + 1 {
		many[fmt.Sprintf("x/%d", i)] = nil
	}

	truncated := plain.Bytes()[:plain.Len()/2]

	// A roll-up workbook of xxgk: its 汇总 sheet would read like a report.
	f = excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "汇总")
	f.SetCustomProps(excelize.CustomProperty{Name: workbook.Property, Value: workbook.Rollup})
	var rollup bytes.Buffer
	if err := f.Write(&rollup); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// A comparison workbook of xxgk: each cell three times.
	f = excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "对比")
	f.SetCustomProps(excelize.CustomProperty{Name: workbook.Property, Value: workbook.Comparison})
	var comparison bytes.Buffer
	if err := f.Write(&comparison); err != nil {
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
		{"comparison", comparison.Bytes(), "这是 xxgk 写出的两年对比工作簿"},
		{"many", testutil.Zip(t, many), "超过 10000 个的上限"},
		{"truncated", truncated, "文件已损坏"},
		{"garbage", append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0xff}, 100)...), "文件已损坏"},
		{"docx", testutil.Zip(t, map[string][]byte{"word/document.xml": []byte("<w/>")}), "Word 文档"},
		{"zip", testutil.Zip(t, map[string][]byte{"a.txt": []byte("hello")}), "不是 xlsx 工作簿"},
		{"brokenxml", testutil.Zip(t, map[string][]byte{"xl/workbook.xml": []byte("<workbook><sheets>"), "[Content_Types].xml": []byte("<")}), "xlsx"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parse.Parse(tc.name+".xlsx", tc.data)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, format.ErrUnreadable) {
				t.Errorf("error %v does not wrap format.ErrUnreadable", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
}
