package pdf

import (
	"strings"
	"testing"

	"xxgk/format/pdf/pdftext/pdftest"
)

// pdfTwins pairs each PDF fixture with the report it was made from
// (testdata/reports/README.md says how).

// TestPDFParagraphs checks the layout rules on a hand-made page: a
// paragraph wrapped over two lines is one block, a folio is dropped, an
// unruled table row has its cells separated by tabs.
func TestPDFParagraphs(t *testing.T) {
	// 40 glyphs of 12 pt fill 480 pt: from x 60 the line is full at 540.
	long := "<" + strings.Repeat("0001", 40) + ">"
	content := "BT /F1 12 Tf 60 700 Td " + long + " Tj 0 -18 Td <00010002> Tj ET " +
		"BT /F1 12 Tf 60 600 Td <0002> Tj 100 0 Td <0003> Tj ET " +
		"BT /F1 12 Tf 60 540 Td <0001> Tj ET " +
		"BT /F1 10 Tf 280 30 Td <0004> Tj ET"
	cmap := `begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange
4 beginbfchar <0001> <4E2D> <0002> <6587> <0003> <0031> <0004> <0031> endbfchar endcmap`
	res := "<< /Font << /F1 << /Type /Font /Subtype /Type0 /Encoding /Identity-H /ToUnicode 5 0 R /DescendantFonts [<< /DW 1000 >>] >> >> >>"
	doc, err := Read(pdftest.OnePage(res, content, pdftest.Stream("", cmap)))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, b.Text)
	}
	want := []string{strings.Repeat("中", 40) + "中文", "文\t1", "中"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("blocks %q, want %q", got, want)
	}
}
