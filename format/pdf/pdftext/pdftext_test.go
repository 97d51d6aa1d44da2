package pdftext

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"xxgk/format/pdf/pdftext/pdftest"
)

func read(t *testing.T, data []byte) *Document {
	t.Helper()
	doc, err := Read(data, DefaultLimits)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return doc
}

func glyphText(p Page) string {
	var b strings.Builder
	for _, g := range p.Glyphs {
		b.WriteString(g.Text)
	}
	return b.String()
}

type pos struct {
	text string
	x, y float64
}

func checkGlyphs(t *testing.T, got []Glyph, want []pos) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d glyphs %v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Text != w.text || math.Abs(g.X-w.x) > 0.01 || math.Abs(g.Y-w.y) > 0.01 {
			t.Errorf("glyph %d = %q at (%.2f, %.2f), want %q at (%.2f, %.2f)", i, g.Text, g.X, g.Y, w.text, w.x, w.y)
		}
	}
}

// TestTextOperators checks the text-positioning and text-showing
// operators against positions worked out by hand (Helvetica without
// /Widths: every glyph is estimated 500/1000 em wide).
func TestTextOperators(t *testing.T) {
	content := `BT /F1 10 Tf 1 0 0 1 100 700 Tm (AB) Tj 20 0 Td (C) Tj 0 -12 TD (D) Tj T* (E) Tj [(F) -1000 (G)] TJ
2 Tc 14 TL (H) ' 5 0 (I) " ET
q 2 0 0 2 10 10 cm BT /F1 10 Tf 0 0 Td (J) Tj ET Q`
	doc := read(t, pdftest.OnePage(pdftest.Helvetica, content))
	checkGlyphs(t, doc.Pages[0].Glyphs, []pos{
		{"A", 100, 700}, {"B", 105, 700}, {"C", 120, 700}, {"D", 120, 688}, {"E", 120, 676},
		{"F", 125, 676}, {"G", 140, 676}, {"H", 120, 662}, {"I", 120, 648}, {"J", 10, 10},
	})
	if g := doc.Pages[0].Glyphs[9]; math.Abs(g.Size-20) > 0.01 || math.Abs(g.W-10) > 0.01 {
		t.Errorf("scaled glyph: size %.2f, width %.2f; want 20 and 10", g.Size, g.W)
	}
}

// toUnicodeCMap maps 0001 to 中, 0002–0004 to 文… by increment, and
// 0005–0006 to 1 and 😀 (a surrogate pair) by an array.
const toUnicodeCMap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
1 beginbfchar <0001> <4E2D> endbfchar
2 beginbfrange <0002> <0004> <6587> <0005> <0006> [<0031> <D83DDE00>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`

func type0Font(encoding, extra string) string {
	return "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding " + encoding + " /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /DW 1000 /W [2 4 500] >>] " + extra + " >>"
}

func TestType0ToUnicode(t *testing.T) {
	res := "<< /Font << /F1 " + type0Font("/Identity-H", "/ToUnicode 5 0 R") + " >> >>"
	doc := read(t, pdftest.OnePage(res, "BT /F1 10 Tf 100 700 Td <000100020003000400050006> Tj ET", pdftest.Stream("", toUnicodeCMap)))
	checkGlyphs(t, doc.Pages[0].Glyphs, []pos{
		{"中", 100, 700}, {"文", 110, 700}, {"斈", 115, 700}, {"斉", 120, 700}, {"1", 125, 700}, {"😀", 135, 700},
	})
}

// TestLegacyCMap reads a Type0 font with a predefined GBK CMap and no
// ToUnicode: the codes are GBK bytes, one byte for ASCII.
func TestLegacyCMap(t *testing.T) {
	res := "<< /Font << /F1 " + type0Font("/GBK-EUC-H", "") + " >> >>"
	doc := read(t, pdftest.OnePage(res, "BT /F1 10 Tf 100 700 Td <D6D0CEC431> Tj /F2 10 Tf ET"))
	if got := glyphText(doc.Pages[0]); got != "中文1" {
		t.Errorf("got %q, want 中文1", got)
	}
}

// TestSimpleFontDifferences reads a simple font whose /Differences rename
// codes by glyph name.
func TestSimpleFontDifferences(t *testing.T) {
	res := "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /X /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [65 /uni4E2D /zero /u1F600 /a.sc] >> /FirstChar 65 /Widths [1000 500] >> >> >>"
	doc := read(t, pdftest.OnePage(res, "BT /F1 10 Tf 100 700 Td (ABCDE) Tj ET"))
	checkGlyphs(t, doc.Pages[0].Glyphs, []pos{{"中", 100, 700}, {"0", 110, 700}, {"😀", 115, 700}, {"a", 120, 700}, {"E", 125, 700}})
}

// TestActualText replaces the glyphs of a marked-content sequence by its
// /ActualText, as LibreOffice writes text it has no font for.
func TestActualText(t *testing.T) {
	content := `BT /F1 10 Tf 100 700 Td /Span <</ActualText <FEFF4E2D6587>>> BDC (xx) Tj EMC (A) Tj
/Span <</MCID 1>> BDC (B) Tj EMC /P /MC0 BDC (C) Tj EMC ET`
	res := "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> /Properties << /MC0 << /ActualText (D) >> >> >>"
	doc := read(t, pdftest.OnePage(res, content))
	checkGlyphs(t, doc.Pages[0].Glyphs, []pos{{"中文", 100, 700}, {"A", 110, 700}, {"B", 115, 700}, {"D", 120, 700}})
}

// TestActualTextDeepNesting: marked content nested past the 256
// sequences kept does not keep later /ActualText from being applied.
func TestActualTextDeepNesting(t *testing.T) {
	const depth = 300
	content := "BT /F1 10 Tf 100 700 Td " + strings.Repeat("/Span <</ActualText <FEFF0058>>> BDC ", depth) + "(x) Tj" +
		strings.Repeat(" EMC", depth) + " /Span <</ActualText <FEFF4E2D>>> BDC (y) Tj EMC ET"
	res := "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
	doc := read(t, pdftest.OnePage(res, content))
	var got []string
	for _, g := range doc.Pages[0].Glyphs {
		got = append(got, g.Text)
	}
	if want := []string{"X", "中"}; !slices.Equal(got, want) {
		t.Errorf("glyphs %q, want %q", got, want)
	}
}

// TestSegments checks which drawings become rules: stroked lines and
// rectangles, thin filled bars; not curves, diagonals or wide fills.
func TestSegments(t *testing.T) {
	content := `10 10 m 100 10 l S
10 20 90 30 re S
10 100 200 0.5 re f
300 300 100 100 re f
0 0 m 50 50 l S
0 0 m 10 10 20 0 30 30 c S
10 500 m 10 600 l 11 600 l 11 500 l h f
q 2 0 0 2 0 0 cm 100 100 m 150 100 l S Q
5 5 m 6 6 l n`
	doc := read(t, pdftest.OnePage("<<>>", content))
	want := []Segment{
		{10, 10, 100, 10},
		{10, 20, 100, 20}, {10, 50, 100, 50}, {10, 20, 10, 50}, {100, 20, 100, 50},
		{10, 100.25, 210, 100.25},
		{10.5, 500, 10.5, 600},
		{200, 200, 300, 200},
	}
	got := doc.Pages[0].Segments
	if len(got) != len(want) {
		t.Fatalf("segments %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("segment %d = %v, want %v", i, got[i], want[i])
		}
	}
}

// TestRotatedPage maps a /Rotate 90 page to its displayed orientation.
func TestRotatedPage(t *testing.T) {
	data := pdftest.Build("",
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /Rotate 90 /MediaBox [0 0 600 800] >>",
		"<< /Type /Page /Parent 2 0 R /Resources "+pdftest.Helvetica+" /Contents 4 0 R >>",
		pdftest.Stream("", "BT /F1 10 Tf 0 1 -1 0 500 100 Tm (A) Tj ET"),
	)
	doc := read(t, data)
	p := doc.Pages[0]
	if p.Width != 800 || p.Height != 600 {
		t.Errorf("page %vx%v, want 800x600", p.Width, p.Height)
	}
	checkGlyphs(t, p.Glyphs, []pos{{"A", 100, 100}})
	if !p.Glyphs[0].Upright {
		t.Error("text rotated with its page is not upright")
	}
}

// objStmPDF builds a PDF whose objects 1–3 are in an object stream and
// whose cross-reference is a stream with the PNG Up predictor.
func objStmPDF(t *testing.T) []byte {
	t.Helper()
	members := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + pdftest.Helvetica + " /Contents 4 0 R >>",
	}
	var head, body strings.Builder
	for i, m := range members {
		fmt.Fprintf(&head, "%d %d ", i+1, body.Len())
		body.WriteString(m + " ")
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	offs := map[int]int{}
	offs[4] = b.Len()
	b.WriteString("4 0 obj\n" + pdftest.Stream("", "BT /F1 10 Tf 100 700 Td (Hi) Tj ET") + "\nendobj\n")
	offs[5] = b.Len()
	b.WriteString("5 0 obj\n" + pdftest.Flate(fmt.Sprintf("/Type /ObjStm /N 3 /First %d", head.Len()), []byte(head.String()+body.String())) + "\nendobj\n")
	offs[6] = b.Len()
	// Rows: type, offset or stream (2 bytes), index; PNG Up predictor.
	rows := [][4]byte{{0, 0, 0, 0}, {2, 0, 5, 0}, {2, 0, 5, 1}, {2, 0, 5, 2}, {1, byte(offs[4] >> 8), byte(offs[4]), 0}, {1, byte(offs[5] >> 8), byte(offs[5]), 0}, {1, byte(offs[6] >> 8), byte(offs[6]), 0}}
	var raw []byte
	prev := [4]byte{}
	for _, r := range rows {
		raw = append(raw, 2)
		for k := range 4 {
			raw = append(raw, r[k]-prev[k])
		}
		prev = r
	}
	b.WriteString("6 0 obj\n" + pdftest.Flate("/Type /XRef /Size 7 /W [1 2 1] /Root 1 0 R /DecodeParms << /Predictor 12 /Columns 4 >>", raw) + "\nendobj\n")
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", offs[6])
	return b.Bytes()
}

func TestXRefStreamAndObjectStream(t *testing.T) {
	doc := read(t, objStmPDF(t))
	if got := glyphText(doc.Pages[0]); got != "Hi" {
		t.Errorf("got %q, want Hi", got)
	}
}

// TestRepair reads files whose cross-reference is wrong or missing, by
// scanning for the objects.
func TestRepair(t *testing.T) {
	good := pdftest.OnePage(pdftest.Helvetica, "BT /F1 10 Tf 100 700 Td (Hi) Tj ET")
	shifted := append([]byte("%PDF-1.4\n"+strings.Repeat(" ", 37)), good[len("%PDF-1.4\n"):]...)
	noXref := good[:bytes.Index(good, []byte("xref"))]
	noXref = append(noXref, "%%EOF\n"...)
	for name, data := range map[string][]byte{
		"offsets shifted":  shifted,
		"no xref":          noXref,
		"xref stream only": objStmPDF(t)[:len(objStmPDF(t))-25], // startxref cut off
	} {
		t.Run(name, func(t *testing.T) {
			doc := read(t, data)
			if got := glyphText(doc.Pages[0]); got != "Hi" {
				t.Errorf("got %q, want Hi", got)
			}
		})
	}
}

// TestHostile checks that loops and bombs end quickly with an error or
// a bounded result.
func TestHostile(t *testing.T) {
	var bomb bytes.Buffer
	w := zlib.NewWriter(&bomb)
	w.Write(bytes.Repeat([]byte("0 0 m 1 1 l S "), 300_000)) // 4.2 MB of operators
	w.Close()
	bombStream := fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", bomb.Len(), bomb.String())
	small := Limits{MaxPages: 2, MaxDecodedBytes: 1 << 20, MaxOperators: 1000}
	cases := []struct {
		name    string
		data    []byte
		lim     Limits
		wantErr error
	}{
		{"page tree loop", pdftest.Build("",
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
			pdftest.Stream("", "")), DefaultLimits, nil},
		{"length refers to itself", pdftest.Build("",
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
			"<< /Length 4 0 R >>\nstream\nBT ET\nendstream"), DefaultLimits, nil},
		{"form draws itself", pdftest.OnePage("<< /XObject << /X 5 0 R >> >>", "/X Do",
			pdftest.Stream("/Type /XObject /Subtype /Form /Resources << /XObject << /X 5 0 R >> >>", "/X Do /X Do")), DefaultLimits, nil},
		{"nesting", pdftest.OnePage(strings.Repeat("[", 100000), strings.Repeat("[", 100000)), DefaultLimits, nil},
		{"flate bomb", pdftest.Build("",
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
			bombStream), small, ErrTooLarge},
		{"too many operators", pdftest.OnePage("<<>>", strings.Repeat("q Q ", 2000)), small, ErrTooLarge},
		{"too many pages", pdftest.Build("",
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
			"<< /Type /Page /Parent 2 0 R >>", "<< /Type /Page /Parent 2 0 R >>", "<< /Type /Page /Parent 2 0 R >>"), small, ErrTooLarge},
		{"junk", []byte("%PDF-1.4\n" + strings.Repeat("obj endobj 1 0 R << >> [ ] ", 1000)), DefaultLimits, ErrCorrupt},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(c.data, c.lim)
			if c.wantErr != nil && !errors.Is(err, c.wantErr) {
				t.Errorf("err = %v, want %v", err, c.wantErr)
			}
			if c.wantErr == nil && err != nil {
				t.Errorf("err = %v", err)
			}
		})
	}
}

// TestScannedPDF reads a page that is one picture: no glyphs, one image
// covering the page.
func TestScannedPDF(t *testing.T) {
	doc := read(t, testFile(t, "scanned.pdf"))
	p := doc.Pages[0]
	if len(p.Glyphs) != 0 || p.Images != 1 || p.ImageCover < 0.99 {
		t.Errorf("glyphs %d, images %d, cover %.2f; want 0, 1, 1", len(p.Glyphs), p.Images, p.ImageCover)
	}
	inline := read(t, pdftest.OnePage("<<>>", "q 595 0 0 842 0 0 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00EI\xff\x00 EI Q"))
	if p := inline.Pages[0]; p.Images != 1 || len(p.Glyphs) != 0 {
		t.Errorf("inline image: images %d, glyphs %d", p.Images, len(p.Glyphs))
	}
}

// testFile reads a file of testdata/.
func testFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func allText(doc *Document) string {
	var b strings.Builder
	for _, p := range doc.Pages {
		b.WriteString(glyphText(p))
	}
	return b.String()
}

// TestEncrypted reads files encrypted with an empty open password (qpdf:
// AES-128, and AES-256 with object streams) like the plain file they
// were made from, and refuses one that needs a password.
func TestEncrypted(t *testing.T) {
	plain, err := os.ReadFile("../../../testdata/reports/seed-002-lo.pdf")
	if err != nil {
		t.Fatal(err)
	}
	want := allText(read(t, plain))
	if !strings.Contains(want, "政府信息公开") {
		t.Fatalf("plain text lacks 政府信息公开: %.100q", want)
	}
	for _, name := range []string{"aes128.pdf", "aes256.pdf"} {
		t.Run(name, func(t *testing.T) {
			if got := allText(read(t, testFile(t, name))); got != want {
				t.Errorf("text differs from the plain file's: %.200q", got)
			}
		})
	}
	for _, name := range []string{"aes256-password.pdf", "password.pdf"} {
		t.Run(name, func(t *testing.T) {
			_, err := Read(testFile(t, name), DefaultLimits)
			if !errors.Is(err, ErrEncrypted) || !strings.Contains(err.Error(), "需要打开密码") {
				t.Errorf("err = %v, want ErrEncrypted saying a password is needed", err)
			}
		})
	}
}

// TestVerticalWriting reads a label set down a column with an Identity-V
// font (三 above 、 above 本): each glyph stands upright, its origin the top
// middle, so it is placed half its width left and 0.88 em below.
func TestVerticalWriting(t *testing.T) {
	cmap := `begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0001> <4E09> <0002> <3001> <0003> <672C> endbfchar endcmap`
	res := "<< /Font << /F1 << /Type /Font /Subtype /Type0 /Encoding /Identity-V /ToUnicode 5 0 R /DescendantFonts [<< /DW 1000 >>] >> >> >>"
	doc := read(t, pdftest.OnePage(res, "BT /F1 10 Tf 100 700 Td <000100020003> Tj ET", pdftest.Stream("", cmap)))
	g := doc.Pages[0].Glyphs
	checkGlyphs(t, g, []pos{{"三", 95, 691.2}, {"、", 95, 681.2}, {"本", 95, 671.2}})
	for _, gl := range g {
		if !gl.Upright || math.Abs(gl.W-10) > 0.01 || math.Abs(gl.Size-10) > 0.01 {
			t.Errorf("%q: upright %v, width %.2f, size %.2f; want upright, 10, 10", gl.Text, gl.Upright, gl.W, gl.Size)
		}
	}
}

// TestDifferencesLeaveSharedEncodings reads fonts whose /Differences
// rename codes, on each base encoding and on none, then a font without:
// the encodings fonts share are left as they were, and the second font
// reads its codes by them.
func TestDifferencesLeaveSharedEncodings(t *testing.T) {
	win, std := winAnsi, standard
	for _, base := range []string{"/BaseEncoding /WinAnsiEncoding", "/BaseEncoding /StandardEncoding", "", "/BaseEncoding /MacRomanEncoding"} {
		for _, sub := range []string{"Type1", "TrueType"} {
			res := "<< /Font << /F1 << /Type /Font /Subtype /" + sub + " /BaseFont /X /Encoding << " + base + " /Differences [65 /uni4E2D /zero] >> >> /F2 << /Type /Font /Subtype /" + sub + " /BaseFont /Y >> >> >>"
			doc := read(t, pdftest.OnePage(res, "BT /F1 10 Tf 100 700 Td (ABC) Tj /F2 10 Tf (ABC) Tj ET"))
			if got := glyphText(doc.Pages[0]); got != "中0CABC" {
				t.Errorf("%s %s: %q, want 中0CABC", sub, base, got)
			}
			if winAnsi != win || standard != std {
				t.Fatalf("%s %s: the shared encodings were changed", sub, base)
			}
		}
	}
}

// TestPagesOwnTheirDrawing reads every PDF under testdata twice, each
// time after the others: a document's glyphs and rules are its own, not
// the buffers the next file is drawn in.
func TestPagesOwnTheirDrawing(t *testing.T) {
	pdfs := testPDFs(t)
	var docs []*Document
	var want []string
	for _, data := range pdfs {
		doc, err := Read(data, DefaultLimits)
		if err != nil {
			continue
		}
		docs = append(docs, doc)
		want = append(want, fmt.Sprint(doc.Pages))
	}
	for _, data := range pdfs {
		Read(data, DefaultLimits)
	}
	for i, doc := range docs {
		if got := fmt.Sprint(doc.Pages); got != want[i] {
			t.Fatalf("document %d changed when other files were read", i)
		}
	}
}
