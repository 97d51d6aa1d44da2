package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk/format/pdf/pdftext/pdftest"
)

// runReference is run as it was before operands were kept as values:
// every operand is an object built by objectFrom, every Tf looks its font
// up, and each page loads its fonts again. The fast interpreter must draw
// exactly what it draws.
func runReference(in *interp, content []byte, res Dict) {
	clear(in.f.fonts)
	saveRes, saveObjs := in.res, in.objs
	in.res, in.objs = res, in.objs[:0]
	defer func() { in.res, in.objs = saveRes, saveObjs }()
	l := &lexer{b: content, content: true}
	var operands []operand
	for *in.ops > 0 {
		tok := l.next()
		v, ok := l.objectFrom(tok, 0)
		if !ok {
			if tok.kind == tEOF {
				return
			}
			continue
		}
		kw, isOp := v.(keyword)
		if !isOp {
			if len(operands) < 64 {
				in.objs = append(in.objs, v)
				operands = append(operands, operand{kind: tObject, num: num(v), a: len(in.objs) - 1})
			}
			continue
		}
		*in.ops--
		if kw == "BI" {
			in.inlineImage(l)
			operands, in.objs = operands[:0], in.objs[:0]
			continue
		}
		in.op(l, opcodeNames[string(kw)], operands) // opNone when absent
		operands, in.objs = operands[:0], in.objs[:0]
		if len(in.page.Glyphs) >= maxGlyphsPerPage {
			return
		}
	}
}

// readBoth reads data with the interpreter and with each reference
// interpreter (runReference, runScan), and reports where they differ.
func readBoth(t *testing.T, data []byte, lim Limits) {
	t.Helper()
	doc, err := Read(data, lim)
	for _, runner := range []func(*interp, []byte, Dict){runReference, runScan} {
		contentRunner = runner
		ref, refErr := Read(data, lim)
		contentRunner = nil
		sameDocuments(t, doc, err, ref, refErr)
	}
}

// sameDocuments reports where doc (and err) and the reference's ref
// (and refErr) differ.
func sameDocuments(t *testing.T, doc *Document, err error, ref *Document, refErr error) {
	t.Helper()
	if fmt.Sprint(err) != fmt.Sprint(refErr) {
		t.Fatalf("error %v, reference %v", err, refErr)
	}
	if doc == nil || ref == nil {
		if (doc == nil) != (ref == nil) {
			t.Fatalf("document %v, reference %v", doc != nil, ref != nil)
		}
		return
	}
	if doc.Title != ref.Title || doc.PageCount != ref.PageCount || len(doc.Pages) != len(ref.Pages) {
		t.Fatalf("title %q, %d pages (%d read); reference %q, %d (%d)", doc.Title, doc.PageCount, len(doc.Pages), ref.Title, ref.PageCount, len(ref.Pages))
	}
	for i := range doc.Pages {
		p, r := &doc.Pages[i], &ref.Pages[i]
		if len(p.Glyphs) != len(r.Glyphs) || len(p.Segments) != len(r.Segments) {
			t.Fatalf("page %d: %d glyphs, %d segments; reference %d, %d", i+1, len(p.Glyphs), len(p.Segments), len(r.Glyphs), len(r.Segments))
		}
		for k := range p.Glyphs {
			// %v prints floats exactly (shortest round trip), NaN too.
			if g, rg := fmt.Sprintf("%+v", p.Glyphs[k]), fmt.Sprintf("%+v", r.Glyphs[k]); g != rg {
				t.Fatalf("page %d glyph %d: %s; reference %s", i+1, k, g, rg)
			}
		}
		if s, rs := fmt.Sprint(p.Segments, p.Width, p.Height, p.Images, p.ImageCover), fmt.Sprint(r.Segments, r.Width, r.Height, r.Images, r.ImageCover); s != rs {
			t.Fatalf("page %d: %s; reference %s", i+1, s, rs)
		}
	}
}

// testPDFs reads every PDF under testdata.
func testPDFs(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	for _, p := range []string{"../../../testdata/reports/*.pdf", "testdata/*.pdf"} {
		names, _ := filepath.Glob(p)
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			out[n] = data
		}
	}
	if len(out) < 10 {
		t.Fatalf("%d PDFs under testdata, want 10 or more", len(out))
	}
	return out
}

// TestContentMatchesReference reads every PDF under testdata with both
// interpreters: the same glyphs (text, position, size, flags), segments
// and images.
func TestContentMatchesReference(t *testing.T) {
	for name, data := range testPDFs(t) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			readBoth(t, data, DefaultLimits)
			// Tight limits: the operator and glyph bounds fall mid-page.
			readBoth(t, data, Limits{MaxPages: 3, MaxDecodedBytes: 100_000, MaxOperators: 5000, MaxGlyphs: 1500})
			// Budgets that run out at points all through the file (fonts
			// reused by later pages are charged again).
			total := decodedBytes(data)
			for k := int64(1); k <= 20; k++ {
				lim := DefaultLimits
				lim.MaxDecodedBytes = total * k / 20
				readBoth(t, data, lim)
			}
			for _, n := range []int64{total - 1, total} {
				lim := DefaultLimits
				lim.MaxDecodedBytes = n
				readBoth(t, data, lim)
			}
		})
	}
}

// decodedBytes returns the smallest MaxDecodedBytes with which the
// reference reads data without ErrTooLarge.
func decodedBytes(data []byte) int64 {
	contentRunner = runReference
	defer func() { contentRunner = nil }()
	lo, hi := int64(0), DefaultLimits.MaxDecodedBytes
	for lo < hi {
		mid := (lo + hi) / 2
		lim := DefaultLimits
		lim.MaxDecodedBytes = mid
		if _, err := Read(data, lim); errors.Is(err, ErrTooLarge) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// contentStreams returns the decoded content streams of a PDF's pages.
func contentStreams(data []byte) [][]byte {
	f, err := open(data, &budget{left: DefaultLimits.MaxDecodedBytes})
	if err != nil {
		return nil
	}
	var out [][]byte
	for _, p := range f.pageList(f.dict(f.trailer["Root"])["Pages"], 100) {
		out = append(out, f.contents(p.dict["Contents"])...)
	}
	return out
}

// sameTokens reports where the lexer and the reference lexer differ on
// data: every token, and the position after it.
func sameTokens(data []byte, content bool) error {
	l := &lexer{b: data, content: content}
	r := &refLexer{lexer{b: data, content: content}}
	for n := 0; ; n++ {
		a, b := l.next(), r.next()
		if a.kind != b.kind || a.num != b.num || a.isInt != b.isInt || a.str != b.str || l.pos != r.pos {
			return fmt.Errorf("token %d: %v %v %v %q at %d; reference %v %v %v %q at %d", n, a.kind, a.num, a.isInt, a.str, l.pos, b.kind, b.num, b.isInt, b.str, r.pos)
		}
		if a.kind == tEOF {
			return nil
		}
	}
}

// TestLexerMatchesReference lexes every PDF under testdata, and each
// page's content, with the lexer and the reference lexer.
func TestLexerMatchesReference(t *testing.T) {
	for name, data := range testPDFs(t) {
		if err := sameTokens(data, false); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for i, c := range contentStreams(data) {
			if err := sameTokens(c, true); err != nil {
				t.Errorf("%s content %d: %v", name, i, err)
			}
		}
	}
}

// contentSeeds are content streams for the fuzz tests: each operand and
// operator form the interpreter reads itself.
var contentSeeds = []string{
	"BT /F1 10 Tf 1 0 0 1 100 700 Tm (AB) Tj 20 0 Td (C) Tj 0 -12 TD (D) Tj T* (E) Tj [(F) -1000 (G)] TJ 2 Tc 14 TL (H) ' 5 0 (I) \" ET",
	"BT /F1 10 Tf 100 700 Td /Span <</ActualText <FEFF4E2D6587>>> BDC (xx) Tj EMC (A) Tj /Span <</MCID 1>> BDC (B) Tj EMC /P /MC0 BDC (C) Tj EMC ET",
	"BT /F2 12 Tf 10 10 Td <0001 0002> Tj [<0003> 120.5 <00 04> -3 [1 2] <</A [3]>> /N true null 7] TJ ET",
	"BT /F#31 9 Tf (a\\(b\\)c\\101\\n\\\r\n) Tj /S <</ActualText (x) /ActualText 5 /ActualText ]>> BDC (q) Tj EMC /S <</ActualText <FEFFD83DDE00> /K [1 [2] <</Z 1>>]>> BDC (r) Tj EMC ET",
	"BT /F3 10 Tf 0 0 Td <8140A4A4> Tj /F1 10 Tf (z) Tj /F3 8 Tf <41> Tj ET /X Do 10 10 m 100 10 l S 0 0 50 50 re f q 2 0 0 2 0 0 cm 0 0 10 0.5 re f Q",
	"BT /F1 10 Tf /Span << /ActualText <FEFF4E2D> stream (s) Tj EMC ET <</A 1>> ) > >> ] BDC EMC q BI /W 2 /L 3 ID abc EI Q",
	// Dictionaries actualTextOnly reads, and others like them it leaves
	// to dictOperand.
	"BT /F1 10 Tf /Span<</ActualText<FEFF4E2D>>>BDC (a) Tj EMC /Span<</ActualText<>>>BDC (b) Tj EMC /Span<</ActualText<FEF>>>BDC (c) Tj EMC " +
		"/Span<< /ActualText\n<feff0041> % c\n>> BDC (d) Tj EMC /Span<</ActualText<FEFF4E2D4E2D4E2D>>>BDC (e) Tj EMC " +
		"/Span<</ActualText<FEFF4E2D4E2D4E2D4E2D>>>BDC (f) Tj EMC /Span<</ActualTextX<41>>>BDC (g) Tj EMC /Span<</ActualText<4 1>>>BDC (h) Tj EMC " +
		"/Span<</ActualText%c\n<41>>>BDC (i) Tj EMC /Span<</ActualText<<41>>>>BDC (j) Tj EMC /Span<</ActualText<41>/A 1>>BDC (k) Tj EMC " +
		"/Span<</ActualText<41> >BDC (l) Tj EMC /Span<</ActualText<4G>>>BDC (m) Tj EMC /Span<</ActualText<41>>>BDC (n) Tj EMC /Span<</ActualText<41",
}

// fuzzPage is a one-page PDF drawing content with fonts of each kind.
func fuzzPage(content []byte) []byte {
	res := `<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>
/F2 5 0 R /F3 << /Type /Font /Subtype /Type0 /BaseFont /S /Encoding /GBK-EUC-H /DescendantFonts [<< /DW 900 >>] >> /F1 6 0 R >>
/XObject << /X 8 0 R >> /Properties << /MC0 << /ActualText (D) >> >> >>`
	return pdftest.OnePage(res, string(content),
		"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 7 0 R /DescendantFonts [<< /W [1 [500 600] 3 4 700] >>] >>",
		"<< /Type /Font /Subtype /TrueType /BaseFont /Courier /FirstChar 97 /Widths [300 400 500] >>",
		pdftest.Stream("", "1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <4E2D> <0002> <D83DDE00> endbfchar 1 beginbfrange <0003> <0005> <0041> endbfrange"),
		pdftest.Stream("/Type /XObject /Subtype /Form /Resources << /Font << /F1 6 0 R >> >>", "BT /F1 10 Tf (abc) Tj ET"),
	)
}

// FuzzContent draws content streams with both interpreters.
//
//	go test ./format/pdf/pdftext -run XXX -fuzz FuzzContent -parallel 1
func FuzzContent(f *testing.F) {
	for _, s := range contentSeeds {
		f.Add([]byte(s))
	}
	for _, data := range testPDFs(f) {
		for _, c := range contentStreams(data) {
			f.Add(c[:min(len(c), 2000)])
		}
	}
	RecoverPanics = false
	defer func() { RecoverPanics = true }()
	f.Fuzz(func(t *testing.T, content []byte) {
		readBoth(t, fuzzPage(content), Limits{MaxPages: 2, MaxDecodedBytes: 1 << 20, MaxOperators: 10_000, MaxGlyphs: 10_000})
	})
}

// FuzzLexer lexes data with the lexer and the reference lexer.
//
//	go test ./format/pdf/pdftext -run XXX -fuzz FuzzLexer -parallel 1
func FuzzLexer(f *testing.F) {
	for _, s := range contentSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("1 0 obj << /A#20B (x\\\\y) /C <41 4> /D [1 2 R] >> endobj <</Length 3>>stream"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, content := range []bool{false, true} {
			if err := sameTokens(data, content); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// fontInObjStmPDF builds a two-page PDF, with a cross-reference stream,
// whose font is in an object stream of its own: the first page's load of
// the font decodes that stream, which a second load would not.
func fontInObjStmPDF() []byte {
	objStm := func(nums []int, members []string) []byte {
		var head, body strings.Builder
		for i, m := range members {
			fmt.Fprintf(&head, "%d %d ", nums[i], body.Len())
			body.WriteString(m + " ")
		}
		return []byte(pdftest.Flate(fmt.Sprintf("/Type /ObjStm /N %d /First %d", len(members), head.Len()), []byte(head.String()+body.String())))
	}
	res := "<< /Font << /F1 7 0 R >> >>"
	page := func(content int) string {
		return fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %d 0 R >>", res, content)
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	type entry struct{ typ, a, b int }
	xref := map[int]entry{}
	direct := func(num int, obj string) {
		xref[num] = entry{1, b.Len(), 0}
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", num, obj)
	}
	for i, n := range []int{1, 2, 3, 4} {
		xref[n] = entry{2, 20, i}
	}
	for i, n := range []int{7, 9} {
		xref[n] = entry{2, 21, i}
	}
	direct(5, pdftest.Stream("", "BT /F1 10 Tf 100 700 Td <00010002> Tj ET"))
	direct(6, pdftest.Stream("", "BT /F1 12 Tf 100 700 Td <00020001> Tj ET"))
	direct(8, pdftest.Flate("", []byte("1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <4E2D> <0002> <6587> endbfchar")))
	direct(20, string(objStm([]int{1, 2, 3, 4}, []string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>", page(5), page(6)})))
	direct(21, string(objStm([]int{7, 9}, []string{"<< /Type /Font /Subtype /Type0 /BaseFont /S /Encoding /Identity-H /ToUnicode 8 0 R /DescendantFonts [9 0 R] >>", "<< /Type /Font /Subtype /CIDFontType2 /W [1 [900 800]] >>"})))
	off := b.Len()
	xref[22] = entry{1, off, 0}
	var rows []byte
	for n := range 23 {
		e, ok := xref[n]
		if !ok {
			rows = append(rows, 0, 0, 0, 0, 0, 0, 0)
			continue
		}
		rows = append(rows, byte(e.typ), byte(e.a>>24), byte(e.a>>16), byte(e.a>>8), byte(e.a), byte(e.b>>8), byte(e.b))
	}
	direct(22, pdftest.Stream("/Type /XRef /Size 23 /W [1 4 2] /Root 1 0 R", string(rows)))
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", off)
	return b.Bytes()
}

// TestFontReuseCharges reads a file whose font is loaded from an object
// stream with every budget around the one it needs: a reused font is
// charged its own streams, not the object stream its first load decoded.
func TestFontReuseCharges(t *testing.T) {
	data := fontInObjStmPDF()
	doc := read(t, data)
	if len(doc.Pages) != 2 || glyphText(doc.Pages[0]) != "中文" || glyphText(doc.Pages[1]) != "文中" {
		t.Fatalf("pages %v", doc.Pages)
	}
	total := decodedBytes(data)
	for n := int64(0); n <= total+1; n++ {
		lim := DefaultLimits
		lim.MaxDecodedBytes = n
		readBoth(t, data, lim)
	}
}

// TestKeywordOp checks that keywordOp finds each operator's opcode, and
// opNone for a keyword or word the interpreter does not act on.
func TestKeywordOp(t *testing.T) {
	seen := map[opcode]bool{}
	for name, op := range opcodeNames {
		if got := keywordOp([]byte(name)); got != op {
			t.Errorf("keywordOp(%q) = %d, want %d", name, got, op)
		}
		b := []byte(name + "\x00\xffTj q\n")
		if w, _ := packShort([]byte(name)); packAt(b, 0, len(name)) != w {
			t.Errorf("packAt(%q) = %#x, packShort %#x", b, packAt(b, 0, len(name)), w)
		}
		if seen[op] || op == opNone {
			t.Errorf("opcode %d of %q is opNone or another word's", op, name)
		}
		seen[op] = true
	}
	for _, w := range []string{"", "gs", "Tr", "obj", "R", "BX", "TK", "q1", "Tjj", "qq", "startxrefs", "endstream"} {
		if got := keywordOp([]byte(w)); got != opNone {
			t.Errorf("keywordOp(%q) = %d, want opNone", w, got)
		}
	}
}
