package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/document"
	"xxgk/format"
)

// Generated workbooks for the hostile cases of issue 14: small files that
// inflate to large parts. Nothing large is committed.

const (
	mainNS     = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	sheetStart = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="` + mainNS + `"><sheetData>`
	sheetEnd   = `</sheetData></worksheet>`
)

// genBook is a workbook of one sheet with the given XML (and shared
// strings, when sst is not ""), the parts deflated as Excel does.
func genBook(tb testing.TB, sheet, sst string) []byte {
	tb.Helper()
	rels := `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="` + mainNS + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/worksheets/sheet1.xml": sheet,
	}
	if sst != "" {
		parts["xl/sharedStrings.xml"] = sst
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
	}
	parts["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"} {
		body, ok := parts[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// rowsWithoutRef is a sheet of n rows, none with r=, each a label and a
// number, as some generators write them.
func rowsWithoutRef(n int) string {
	return sheetStart + strings.Repeat(`<row><c t="inlineStr"><is><t>主动公开</t></is></c><c><v>12</v></c></row>`, n) + sheetEnd
}

// readWithin reads data and fails the test if it takes longer than d.
func readWithin(t *testing.T, d time.Duration, data []byte) (*document.Document, error) {
	t.Helper()
	type result struct {
		doc *document.Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		doc, err := Read(data)
		done <- result{doc, err}
	}()
	select {
	case r := <-done:
		return r.doc, r.err
	case <-time.After(d):
		t.Fatalf("reading a %d-byte workbook took longer than %v", len(data), d)
	}
	return nil, nil
}

// TestRowsWithoutRef: 400,000 rows without r= (a 40 KB file) are read in
// linear time, and the 10,000-row cut still holds and says so.
func TestRowsWithoutRef(t *testing.T) {
	data := genBook(t, rowsWithoutRef(400000), "")
	doc, err := readWithin(t, 30*time.Second, data)
	if err != nil {
		t.Fatal(err)
	}
	truncated := false
	for _, f := range doc.Findings {
		truncated = truncated || f.Rule == xxgk.RuleXLSXTruncated
	}
	if !truncated {
		t.Errorf("findings %+v, want xlsx_truncated", doc.Findings)
	}
	rows := 0
	for _, b := range doc.Blocks {
		if b.Table != nil {
			rows += len(b.Table.Rows)
		}
	}
	if rows != maxSheetRows {
		t.Errorf("%d rows read, want the first %d", rows, maxSheetRows)
	}
}

// TestSharedStringsBomb: a table of millions of tiny shared strings (a few
// hundred kilobytes of zip) is refused as soon as it passes the limit,
// before it is held in memory; so is one of a few huge strings.
func TestSharedStringsBomb(t *testing.T) {
	cell := sheetStart + `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` + sheetEnd
	many := `<sst xmlns="` + mainNS + `">` + strings.Repeat(`<si><t>a</t></si>`, maxSharedStrings+1) + `</sst>`
	big := `<sst xmlns="` + mainNS + `">` + strings.Repeat(`<si><t>`+strings.Repeat("字", maxCellChars)+`</t></si>`, maxSharedText/(3*maxCellChars)+2) + `</sst>`
	huge := `<sst xmlns="` + mainNS + `"><si><t>` + strings.Repeat("a", 4*maxCellChars+1) + `</t></si></sst>`
	for _, tc := range []struct {
		name, sst, want string
	}{
		{"many", many, fmt.Sprintf("共享字符串超过 %d 个", maxSharedStrings)},
		{"big", big, fmt.Sprintf("共享字符串超过 %d MB", maxSharedText>>20)},
		{"huge", huge, "超过 Excel 的上限"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := genBook(t, cell, tc.sst)
			if len(data) > 1<<20 {
				t.Fatalf("the bomb is %d bytes, not small", len(data))
			}
			_, err := readWithin(t, 30*time.Second, data)
			if !errors.Is(err, format.ErrUnreadable) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want a refusal saying %q", err, tc.want)
			}
		})
	}
}

// TestWorkbookCellsBudget: a sheet of 10,000 × 256 numbers (an 80 KB zip)
// is cut to the workbook's cells, with the warning, not read whole.
func TestWorkbookCellsBudget(t *testing.T) {
	data := genBook(t, sheetStart+strings.Repeat("<row>"+strings.Repeat("<c><v>1</v></c>", maxSheetCols)+"</row>", maxSheetRows)+sheetEnd, "")
	doc, err := readWithin(t, 60*time.Second, data)
	if err != nil {
		t.Fatal(err)
	}
	cells := 0
	for _, b := range doc.Blocks {
		if b.Table != nil {
			cells += len(b.Table.Rows) * len(b.Table.Rows[0])
		}
	}
	if cells > maxWorkbookCells || len(doc.Findings) != 1 || doc.Findings[0].Rule != xxgk.RuleXLSXTruncated {
		t.Errorf("%d cells, findings %+v: want at most %d and xlsx_truncated", cells, doc.Findings, maxWorkbookCells)
	}
}

// TestOverlappingMerges: ranges that cover the sheet again and again are
// refused, not expanded one by one.
func TestOverlappingMerges(t *testing.T) {
	rows := strings.Repeat("<row>"+strings.Repeat("<c><v>1</v></c>", 100)+"</row>", 100)
	merges := strings.Repeat(`<mergeCell ref="A1:CV100"/>`, 1000)
	data := genBook(t, sheetStart+rows+`</sheetData><mergeCells>`+merges+`</mergeCells></worksheet>`, "")
	_, err := readWithin(t, 30*time.Second, data)
	if !errors.Is(err, format.ErrUnreadable) || !strings.Contains(err.Error(), "相互重叠") {
		t.Errorf("err = %v, want overlapping merges refused", err)
	}
}

// TestMergesAfterCut: the merged ranges after the rows beyond the cut are
// still read.
func TestMergesAfterCut(t *testing.T) {
	rows := `<row><c t="inlineStr"><is><t>表头</t></is></c><c/><c t="inlineStr"><is><t>栏</t></is></c></row>` + rowsWithoutRef(maxSheetRows + 5)[len(sheetStart):len(rowsWithoutRef(maxSheetRows+5))-len(sheetEnd)]
	data := genBook(t, sheetStart+rows+`</sheetData><x:mergeCells xmlns:x="`+mainNS+`"><x:mergeCell ref="A1:B1"/></x:mergeCells></worksheet>`, "")
	doc, err := readWithin(t, 30*time.Second, data)
	if err != nil {
		t.Fatal(err)
	}
	g := doc.Blocks[0].Table
	if g == nil || g.Rows[0][1].Text != "表头" || !g.IsCopy(0, 1) {
		t.Errorf("first row = %+v, want A1:B1 merged", g.Rows[0])
	}
}

// TestLongNumberFormat: a number format longer than Excel allows is
// refused before excelize parses it for every value.
func TestLongNumberFormat(t *testing.T) {
	data := genBook(t, sheetStart+`<row r="1"><c r="A1" s="1"><v>45292</v></c></row>`+sheetEnd, "")
	styles := `<?xml version="1.0"?><styleSheet xmlns="` + mainNS + `"><numFmts count="1"><numFmt numFmtId="164" formatCode="` +
		strings.Repeat("0", maxFormatCode+1) + `"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`
	data = addPart(t, data, "xl/styles.xml", styles)
	if _, err := Read(data); !errors.Is(err, format.ErrUnreadable) || !strings.Contains(err.Error(), "数字格式超过") {
		t.Errorf("err = %v, want the long number format refused", err)
	}
}

// addPart returns the workbook with one more part.
func addPart(tb testing.TB, data []byte, name, body string) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			tb.Fatal(err)
		}
	}
	w, err := zw.Create(name)
	if err != nil {
		tb.Fatal(err)
	}
	w.Write([]byte(body))
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestBrokenPartsInChinese: damaged XML is refused with a Chinese reason,
// naming the part, without Go's English error.
func TestBrokenPartsInChinese(t *testing.T) {
	for _, sheet := range []string{sheetStart + `<row><c><v>1</v>`, sheetStart + `<row><c><v>1</x></c></row>` + sheetEnd} {
		_, err := Read(genBook(t, sheet, ""))
		if !errors.Is(err, format.ErrUnreadable) || !strings.Contains(err.Error(), "xl/worksheets/sheet1.xml") ||
			strings.Contains(err.Error(), "XML syntax") || strings.Contains(err.Error(), "EOF") {
			t.Errorf("err = %v, want a Chinese reason naming the part", err)
		}
	}
}

// BenchmarkRowsWithoutRef reads sheets of rows without r= at two sizes:
// ns/row stays the same (linear time); the rows past the cut are skipped
// at the speed of inflating them.
func BenchmarkRowsWithoutRef(b *testing.B) {
	for _, n := range []int{40000, 400000} {
		data := genBook(b, rowsWithoutRef(n), "")
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/row")
		})
	}
}

// BenchmarkCells reads sheets of numbers within the limits at two sizes:
// ns/cell and B/cell stay the same.
func BenchmarkCells(b *testing.B) {
	for _, rows := range []int{200, 1600} {
		data := genBook(b, sheetStart+strings.Repeat("<row>"+strings.Repeat("<c><v>12</v></c>", 100)+"</row>", rows)+sheetEnd, "")
		n := rows * 100
		b.Run(fmt.Sprintf("%dk-cells", n/1000), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/cell")
		})
	}
}

// FuzzXLSX reads arbitrary sheet and shared-string XML in a workbook: it
// may refuse them, but must not panic, hang or take memory out of bounds.
func FuzzXLSX(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12</v></c></row>`, `<si><t>主动公开</t></si>`)
	f.Add(`<row><c t="inlineStr"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c><c><f>A1</f><v>3</v></c></row>`, ``)
	f.Add(`<row r="3"><c r="XFD3"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:C3"/></mergeCells><sheetData>`, `<si><t>_x000D_x</t></si>`)
	f.Add(`<row r="0"><c r="A0" t="str"><v>1e400</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row>`, `<si/>`)
	// A template's inputs typed as text, and formulas computed again.
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>约20</t></is></c></row>`+
		`<row r="2"><c r="A2"><f t="shared" ref="A2:B2" si="0">SUM(A1:A1)+$A$1-(A3)</f><v>1</v></c><c r="B2"><f t="shared" si="0"/></c>`+
		`<c r="C2"><f>A2+C2</f></c></row></sheetData><dataValidations><dataValidation type="whole" sqref="A1:B1 A9"/></dataValidations><sheetData>`,
		`<si><t>1,234</t></si>`)
	f.Fuzz(func(t *testing.T, rows, sst string) {
		data := genBook(t, sheetStart+rows+sheetEnd, `<sst xmlns="`+mainNS+`">`+sst+`</sst>`)
		doc, err := Read(data)
		if err != nil {
			if !errors.Is(err, format.ErrUnreadable) {
				t.Fatalf("error %v does not wrap ErrUnreadable", err)
			}
			return
		}
		for _, b := range doc.Blocks {
			if g := b.Table; g != nil {
				if len(g.Rows) > maxSheetRows {
					t.Fatalf("%d rows", len(g.Rows))
				}
				for _, row := range g.Rows {
					if len(row) > maxSheetCols || len(row) != len(g.Rows[0]) {
						t.Fatalf("ragged or wide row of %d cells", len(row))
					}
				}
			}
		}
	})
}
