package pdf_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk/document"
	"xxgk/format"
	"xxgk/format/pdf"
	"xxgk/format/pdf/pdftext"
	"xxgk/format/pdf/pdftext/pdftest"
	"xxgk/internal/samples"
	"xxgk/internal/testutil"
	"xxgk/parse"
)

// pdfTwins pairs each PDF fixture with the report it was made from
// (testdata/reports/README.md says how).
var pdfTwins = []struct {
	pdf, src string
	figures  bool // the PDF has the report's prose, so every figure too
}{
	{"pingtan-2025-zone-lo.pdf", "pingtan-2025-zone-html.html", true},
	// Tables without rules: rows rebuilt from where the text stands.
	{"pingtan-2025-zone-lo-unruled.pdf", "pingtan-2025-zone-html.html", true},
	{"seed-002-lo.pdf", "seed-002.txt", true},
	{"seed-002-lo-locked.pdf", "seed-002.txt", true},
	// xxgk's own summary draws the official tables but not the prose.
	{"pingtan-2025-zone-xxgk.pdf", "pingtan-2025-zone-html.html", false},
}

// TestPDFTwins reads PDFs made from sample reports (by LibreOffice and by
// xxgk pdf): every cell must come out with its key and value, blank or
// not, as from the report itself, and the figures too where the PDF holds
// the whole report.
func TestPDFTwins(t *testing.T) {
	for _, tw := range pdfTwins {
		t.Run(tw.pdf, func(t *testing.T) {
			fromPDF := samples.Parse(t, tw.pdf)
			fromSrc := samples.Parse(t, tw.src)
			if fromPDF.Source.Kind != "pdf" {
				t.Errorf("source kind %q, want pdf", fromPDF.Source.Kind)
			}
			if fromPDF.Form != fromSrc.Form || fromPDF.Year != fromSrc.Year || fromPDF.Agency != fromSrc.Agency {
				t.Errorf("form, year, agency: pdf %s %d %s, source %s %d %s",
					fromPDF.Form, fromPDF.Year, fromPDF.Agency, fromSrc.Form, fromSrc.Year, fromSrc.Agency)
			}
			if len(fromSrc.Cells) == 0 {
				t.Fatal("the source has no cells")
			}
			testutil.CompareValues(t, "cells", fromPDF.Cells, fromSrc.Cells)
			for k, v := range fromPDF.Cells {
				if sv, ok := fromSrc.Cells[k]; ok && sv.Blank != v.Blank {
					t.Errorf("%s: blank %v in the PDF, %v in the source", k, v.Blank, sv.Blank)
				}
			}
			if tw.figures {
				testutil.CompareValues(t, "figures", fromPDF.Figures, fromSrc.Figures)
			} else {
				for k, v := range fromPDF.Figures {
					if sv, ok := fromSrc.Figures[k]; !ok || sv.Value.Cmp(v.Value) != 0 {
						t.Errorf("figure %s = %s from the PDF, source has %v", k, v.Value, sv.Value)
					}
				}
			}
			t.Logf("%d of %d cells, %d of %d figures", len(fromPDF.Cells), len(fromSrc.Cells), len(fromPDF.Figures), len(fromSrc.Figures))
		})
	}
}

// TestPDFTableGrid checks the ruled tables of the LibreOffice PDF come out
// as grids with their spans, like the HTML's: 表三's row label
// 三、本年度办理结果 spans rows, a label wrapped in its narrow cell
// (行政规范性文 / 件) is one cell's text, and 表三, continued over a page
// break, is one grid.
func TestPDFTableGrid(t *testing.T) {
	data, err := os.ReadFile("../../testdata/reports/pingtan-2025-zone-lo.pdf")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdf.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	var grids []*document.Grid
	for _, b := range doc.Blocks {
		if b.Table != nil {
			grids = append(grids, b.Table)
		}
	}
	// 表二, 表三 (its two pages joined), 表四.
	if len(grids) != 3 {
		t.Fatalf("%d grids, want 3", len(grids))
	}
	find := func(g *document.Grid, text string) (int, int) {
		for r, row := range g.Rows {
			for c, cell := range row {
				if cell.Text == text && !g.IsCopy(r, c) {
					return r, c
				}
			}
		}
		return -1, -1
	}
	if r, _ := find(grids[0], "行政规范性文件"); r < 0 {
		t.Error("表二: no cell 行政规范性文件")
	}
	r, c := find(grids[1], "三、本年度办理结果")
	if r < 0 {
		t.Fatal("表三: no cell 三、本年度办理结果")
	}
	if !grids[1].IsCopy(r+1, c) || grids[1].Rows[r+1][c].Text != "三、本年度办理结果" {
		t.Error("表三: 三、本年度办理结果 does not span rows")
	}
	if r, _ := find(grids[1], "（七）总计"); r < 0 {
		t.Error("表三: no row （七）总计 from its second page")
	}
	if r, c := find(grids[2], "36"); r < 0 || grids[2].Rows[0][0].Text != "行政复议" || !grids[2].IsCopy(0, 1) {
		t.Errorf("表四: 36 at (%d, %d), first row %v", r, c, grids[2].Rows[0][:2])
	}
}

func readPDFErr(t *testing.T, data []byte) error {
	t.Helper()
	r, err := parse.Parse("x.pdf", data)
	if err == nil {
		t.Fatalf("read a report (%s, %d cells), want an error", r.Form, len(r.Cells))
	}
	if !errors.Is(err, format.ErrUnreadable) {
		t.Errorf("error does not wrap ErrUnreadable: %v", err)
	}
	return err
}

// TestPDFScanned refuses PDFs that are only pictures of pages, saying so.
func TestPDFScanned(t *testing.T) {
	scanned, err := os.ReadFile("pdftext/testdata/scanned.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"scanned.pdf": scanned,
		"inline":      pdftest.OnePage("<<>>", "q 595 0 0 842 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q"),
	} {
		t.Run(name, func(t *testing.T) {
			if err := readPDFErr(t, data); !strings.Contains(err.Error(), "扫描件") || !strings.Contains(err.Error(), "OCR") {
				t.Errorf("message %q does not say it is a scan", err)
			}
		})
	}
}

// TestPDFUnreadable gives a clear message for PDFs that cannot be read.
func TestPDFUnreadable(t *testing.T) {
	lo, err := os.ReadFile("../../testdata/reports/pingtan-2025-zone-lo.pdf")
	if err != nil {
		t.Fatal(err)
	}
	password, err := os.ReadFile("pdftext/testdata/password.pdf")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"password", password, "需要打开密码"},
		{"header only", []byte("%PDF-1.7\n%%EOF\n"), "损坏"},
		{"blank page", pdftest.OnePage("<<>>", "0 0 m 100 100 l S"), "没有文字"},
		{"no ToUnicode", pdftest.OnePage("<< /Font << /F1 << /Type /Font /Subtype /Type0 /Encoding /Identity-H >> >> >>",
			"BT /F1 12 Tf 10 10 Td <0001000200030004> Tj ET"), "ToUnicode"},
		{"not a report", pdftest.OnePage(pdftest.Helvetica, "BT /F1 12 Tf 10 10 Td (Hello) Tj ET"), "不是政府信息公开工作年度报告"},
	}
	for _, frac := range []float64{0.01, 0.3, 0.6, 0.95} {
		cases = append(cases, struct {
			name string
			data []byte
			want string
		}{"truncated", lo[:int(frac*float64(len(lo)))], "不完整"})
	}
	cases = append(cases, struct {
		name string
		data []byte
		want string
	}{"eof cut", lo[:len(lo)-4], "不完整"})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := readPDFErr(t, c.data); !strings.Contains(err.Error(), c.want) {
				t.Errorf("message %q does not say %q", err, c.want)
			}
		})
	}
}

// TestPDFDamagedXref reads a PDF whose cross-reference offsets are all
// wrong (bytes inserted after the header) like the intact file.
func TestPDFDamagedXref(t *testing.T) {
	good, err := os.ReadFile("../../testdata/reports/seed-002-lo.pdf")
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.IndexByte(good, '\n') + 1
	bad := append(append(append([]byte(nil), good[:i]...), "% inserted\n"...), good[i:]...)
	rg, err := parse.Parse("good.pdf", good)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := parse.Parse("bad.pdf", bad)
	if err != nil {
		t.Fatal(err)
	}
	testutil.CompareValues(t, "cells", rb.Cells, rg.Cells)
}

// FuzzPDF checks that reading a PDF never panics, ends, and either
// refuses the input with an error wrapping ErrUnreadable or returns a
// report.
//
//	go test ./format/pdf -run XXX -fuzz FuzzPDF -fuzztime 30s -fuzzminimizetime 5s
func FuzzPDF(f *testing.F) {
	_, datas, _ := pdfFixtures(f, "../../testdata/reports/*.pdf", "pdftext/testdata/*.pdf")
	for _, data := range datas {
		f.Add(data)
	}
	f.Add(pdftest.OnePage(pdftest.Helvetica, "BT /F1 12 Tf 10 10 Td (2020 xinxi gongkai) Tj ET"))
	f.Add(pdftest.OnePage("<<>>", "10 10 m 100 10 l 10 20 l S 0 0 50 50 re S 0 0 50 50 re f"))
	// A rule from -Inf to +Inf (a CTM scaled past the float range)
	// across a table's: pdfCluster once stood still on it.
	huge := "1" + strings.Repeat("0", 300) + " 0 0 1 0 0 cm "
	f.Add(pdftest.OnePage(pdftest.Helvetica, "q "+huge+huge+"-1 1 m 1 1 l S Q 0 1 m 10 1 l S 0 2 m 10 2 l S 0 0 m 0 5 l S 5 0 m 5 5 l S 8 0 m 8 5 l S BT /F1 12 Tf 1 1 Td (x) Tj ET"))
	pdftext.RecoverPanics = false // a panic is a bug to see, not an error
	defer func() { pdftext.RecoverPanics = true }()
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("%PDF-")) {
			data = append([]byte("%PDF-"), data...)
		}
		r, err := parse.Parse("fuzz.pdf", data)
		if err != nil {
			if !errors.Is(err, format.ErrUnreadable) {
				t.Fatalf("error does not wrap ErrUnreadable: %v", err)
			}
			return
		}
		if r == nil {
			t.Fatal("nil report and nil error")
		}
	})
}

// pdfFixtures reads the files the patterns match.
func pdfFixtures(tb testing.TB, patterns ...string) (names []string, datas [][]byte, total int64) {
	tb.Helper()
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				tb.Fatal(err)
			}
			names, datas, total = append(names, name), append(datas, data), total+int64(len(data))
		}
	}
	if len(names) == 0 {
		tb.Fatal("no PDF fixtures")
	}
	return names, datas, total
}

// BenchmarkPDF parses every PDF fixture per iteration.
//
//	go test ./format/pdf -run XXX -bench PDF
func BenchmarkPDF(b *testing.B) {
	names, datas, total := pdfFixtures(b, "../../testdata/reports/*.pdf")
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for i, data := range datas {
			if _, err := parse.Parse(names[i], data); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPDFFile is BenchmarkPDF per file.
func BenchmarkPDFFile(b *testing.B) {
	names, datas, _ := pdfFixtures(b, "../../testdata/reports/*.pdf")
	for i, data := range datas {
		b.Run(filepath.Base(names[i]), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := parse.Parse(names[i], data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestDocumentsOwnTheirText reads every PDF fixture twice, each time
// after the others: a document keeps nothing of the buffers the next
// file is laid out in.
func TestDocumentsOwnTheirText(t *testing.T) {
	_, datas, _ := pdfFixtures(t, "../../testdata/reports/*.pdf", "pdftext/testdata/*.pdf")
	var docs []*document.Document
	var want []string
	for _, data := range datas {
		doc, err := pdf.Read(data)
		if err != nil {
			continue
		}
		js, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		docs, want = append(docs, doc), append(want, string(js))
	}
	for _, data := range datas {
		pdf.Read(data)
	}
	for i, doc := range docs {
		if js, _ := json.Marshal(doc); string(js) != want[i] {
			t.Fatalf("document %d changed when other files were read", i)
		}
	}
}
