package pdf_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"

	"xxgk"
	"xxgk/document"
	"xxgk/format"
	"xxgk/format/pdf"
	"xxgk/format/pdf/pdftext/pdftest"
	"xxgk/internal/samples"
	"xxgk/internal/testutil"
	"xxgk/parse"
)

// This file draws sample reports as a word processor (Word, WPS,
// LibreOffice Writer) exports them to PDF, in the shapes their tables
// take in published reports: label cells that wrap one character a line
// (row labels written vertically), header rows over several lines, a
// table continued on the next page with its header rows drawn again, and
// borders drawn as thin filled bars (Word) or stroked lines (Writer). The
// PDFs are made by the test, so none is committed; XXGK_KEEP_PDF=dir keeps
// them for a look.

// pdfShape is how a table is laid out and drawn.
type pdfShape struct {
	name string
	// vertical: the label cells that span three rows or more stand in a
	// column one character wide, so their text runs down one character a
	// line (三 / 、 / 本 / 年 …).
	vertical bool
	// narrow: value columns are two characters wide, so that header
	// labels (社会公益组织, 法律服务机构) wrap over several lines.
	narrow bool
	// identityV: the labels written down a column are set in vertical
	// writing (a font with the Identity-V encoding), one string each,
	// rather than wrapped one character a line.
	identityV bool
	// repeatHeader: a table that goes on past the page draws its header
	// rows again at the top of the next page (Word's 重复标题行).
	repeatHeader bool
	// bars: borders are thin filled rectangles, as Word draws them;
	// otherwise stroked lines, as Writer does.
	bars bool
	// center: text is centred in its cell vertically; otherwise it starts
	// at the top.
	center bool
	// pageHeight: the height of the page (A4 842), smaller to move the
	// page breaks.
	pageHeight float64
}

var pdfShapes = []pdfShape{
	{name: "writer", center: true, pageHeight: 842},
	{name: "word-bars", bars: true, center: true, pageHeight: 842},
	{name: "vertical-labels", vertical: true, bars: true, center: true, pageHeight: 842},
	{name: "wrapped-headers", narrow: true, center: true, pageHeight: 842},
	{name: "repeated-header", repeatHeader: true, bars: true, pageHeight: 842},
	{name: "all", vertical: true, narrow: true, repeatHeader: true, bars: true, pageHeight: 842},
	{name: "all-short-pages", vertical: true, narrow: true, repeatHeader: true, center: true, pageHeight: 600},
	{name: "all-top", vertical: true, narrow: true, repeatHeader: true, pageHeight: 700},
	{name: "vertical-writing", vertical: true, identityV: true, bars: true, center: true, pageHeight: 842},
	{name: "vertical-writing-breaks", vertical: true, identityV: true, repeatHeader: true, pageHeight: 650},
}

// TestPDFTableShapes draws sample reports as a word processor exports
// them, in each shape, and reads the PDFs back: every cell must come out
// as from the report itself, and every figure.
func TestPDFTableShapes(t *testing.T) {
	for _, src := range shapeSources {
		data, err := os.ReadFile(filepath.Join(samples.Dir(), src))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := format.Read(data)
		if err != nil {
			t.Fatal(err)
		}
		fromSrc := samples.Parse(t, src)
		if len(fromSrc.Cells) == 0 {
			t.Fatalf("%s: no cells", src)
		}
		for _, sh := range pdfShapes {
			t.Run(src+"/"+sh.name, func(t *testing.T) { checkShape(t, doc, fromSrc, sh) })
		}
	}
}

// shapeSources are the sample reports drawn: the 2021 form from a web page
// and from Word, and a Fujian statistics table of 2017.
var shapeSources = []string{"pingtan-2025-zone-html.html", "pingtan-2025-zone-docx.docx", "pingtan-2017-zone-html.html", "pingtan-2013-county-html.html"}

// checkShape draws doc in the shape and checks that the PDF reads to the
// cells and figures of fromSrc.
func checkShape(t *testing.T, doc *document.Document, fromSrc *xxgk.Report, sh pdfShape) {
	t.Helper()
	pdfData, pages := drawDocument(doc, sh)
	if dir := os.Getenv("XXGK_KEEP_PDF"); dir != "" {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%.0f.pdf", sh.name, sh.pageHeight)), pdfData, 0o644)
	}
	fromPDF, err := parse.Parse(sh.name+".pdf", pdfData)
	if err != nil {
		t.Fatal(err)
	}
	testutil.CompareValues(t, "cells", fromPDF.Cells, fromSrc.Cells)
	for k, v := range fromPDF.Cells {
		if sv, ok := fromSrc.Cells[k]; ok && sv.Blank != v.Blank {
			t.Errorf("%s: blank %v in the PDF, %v in the source", k, v.Blank, sv.Blank)
		}
	}
	testutil.CompareValues(t, "figures", fromPDF.Figures, fromSrc.Figures)
	// Every cell of the source's tables is a cell of the PDF's, labels
	// written down their column included.
	pdoc, err := pdf.Read(pdfData)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, b := range pdoc.Blocks {
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for _, cell := range row {
					have[strings.Join(strings.Fields(cell.Text), "")] = true
				}
			}
		}
	}
	for _, b := range doc.Blocks {
		if b.Table == nil {
			continue
		}
		for r, row := range b.Table.Rows {
			for c, cell := range row {
				if text := strings.Join(strings.Fields(cell.Text), ""); text != "" && !b.Table.IsCopy(r, c) && !have[text] {
					t.Errorf("cell %q of the source is no cell of the PDF", text)
				}
			}
		}
	}
	t.Logf("%d pages; %d of %d cells, %d of %d figures", pages, len(fromPDF.Cells), len(fromSrc.Cells), len(fromPDF.Figures), len(fromSrc.Figures))
}

// TestPDFTablePageBreaks moves the page breaks through the tables of the
// 2021 form, so that one falls between every two rows: in the header, in
// the middle of a label written down its column, between two groups.
func TestPDFTablePageBreaks(t *testing.T) {
	const src = "pingtan-2025-zone-html.html"
	data, err := os.ReadFile(filepath.Join(samples.Dir(), src))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := format.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	fromSrc := samples.Parse(t, src)
	for _, sh := range []pdfShape{
		{name: "repeated", vertical: true, narrow: true, repeatHeader: true, bars: true},
		{name: "once", vertical: true, center: true},
	} {
		for h := 420.0; h <= 860; h += 15 {
			sh.pageHeight = h
			t.Run(fmt.Sprintf("%s-%.0f", sh.name, h), func(t *testing.T) { checkShape(t, doc, fromSrc, sh) })
		}
	}
}

// Page geometry, in points.
const (
	shapePageWidth = 595.0
	shapeMargin    = 72.0
	shapeBodySize  = 10.5 // 五号
	shapeTitleSize = 16.0
	shapeLeading   = 1.5 // lines of a paragraph, in em
	shapeCellLead  = 1.25
	shapePad       = 0.35 // cell padding, in em
)

// advance is the width of r in em: half for ASCII and Latin, whole for
// CJK, as in the fonts reports are set in.
func advance(r rune) float64 {
	if r < 0x2E80 {
		return 0.5
	}
	return 1
}

func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += advance(r)
	}
	return w
}

// wrapText breaks s into lines at most width em wide (at least one rune a
// line).
func wrapText(s string, width float64) []string {
	var lines []string
	var b strings.Builder
	w := 0.0
	for _, r := range s {
		if b.Len() > 0 && w+advance(r) > width+1e-9 {
			lines = append(lines, b.String())
			b.Reset()
			w = 0
		}
		b.WriteRune(r)
		w += advance(r)
	}
	if b.Len() > 0 {
		lines = append(lines, b.String())
	}
	return lines
}

// shapeWriter collects the pages of a PDF drawn with one Type0 font
// whose codes are indexes into the runes used.
type shapeWriter struct {
	sh     pdfShape
	cids   map[rune]int
	runes  []rune
	pages  []*strings.Builder
	y      float64 // the top of the free space on the current page
	bottom float64
}

func (w *shapeWriter) newPage() {
	w.pages = append(w.pages, &strings.Builder{})
	w.y = w.sh.pageHeight - shapeMargin
}

func (w *shapeWriter) page() *strings.Builder { return w.pages[len(w.pages)-1] }

func (w *shapeWriter) cid(r rune) int {
	if c, ok := w.cids[r]; ok {
		return c
	}
	w.runes = append(w.runes, r)
	w.cids[r] = len(w.runes)
	return len(w.runes)
}

// text draws s with its baseline starting at x, y.
func (w *shapeWriter) text(x, y, size float64, s string) {
	if s == "" {
		return
	}
	var hex strings.Builder
	for _, r := range s {
		fmt.Fprintf(&hex, "%04X", w.cid(r))
	}
	fmt.Fprintf(w.page(), "BT /F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm <%s> Tj ET\n", size, x, y, hex.String())
}

// verticalText draws s in vertical writing from x, y down, with extra
// space gap between glyphs.
func (w *shapeWriter) verticalText(x, y, size, gap float64, s string) {
	var hex strings.Builder
	for _, r := range s {
		fmt.Fprintf(&hex, "%04X", w.cid(r))
	}
	fmt.Fprintf(w.page(), "q BT /F2 %.2f Tf %.2f Tc 1 0 0 1 %.2f %.2f Tm <%s> Tj ET Q\n", size, gap, x, y, hex.String())
}

// rule draws a border from x0, y0 to x1, y1 (horizontal or vertical).
func (w *shapeWriter) rule(x0, y0, x1, y1 float64) {
	if w.sh.bars {
		const t = 0.5
		if y0 == y1 {
			fmt.Fprintf(w.page(), "%.2f %.2f %.2f %.2f re f\n", x0-t/2, y0-t/2, x1-x0+t, t)
		} else {
			fmt.Fprintf(w.page(), "%.2f %.2f %.2f %.2f re f\n", x0-t/2, y0-t/2, t, y1-y0+t)
		}
		return
	}
	fmt.Fprintf(w.page(), "0.5 w %.2f %.2f m %.2f %.2f l S\n", x0, y0, x1, y1)
}

func (w *shapeWriter) box(x0, y0, x1, y1 float64) {
	w.rule(x0, y0, x1, y0)
	w.rule(x0, y1, x1, y1)
	w.rule(x0, y0, x0, y1)
	w.rule(x1, y0, x1, y1)
}

// paragraph draws a paragraph, its first line indented two em.
func (w *shapeWriter) paragraph(s string, size float64) {
	width := (shapePageWidth - 2*shapeMargin) / size
	lines := wrapText("\u3000\u3000"+s, width)
	for i, l := range lines {
		if w.y-shapeLeading*size < w.bottom {
			w.newPage()
		}
		w.y -= shapeLeading * size
		x := shapeMargin
		if i == 0 {
			l, x = strings.TrimPrefix(l, "\u3000\u3000"), x+2*size
		}
		w.text(x, w.y+0.3*size, size, l)
	}
	w.y -= 0.3 * size
}

// rowSpan is the rows from to to (not included) of a table.
type rowSpan struct{ from, to int }

// shapeCell is a cell of a table as drawn: its first row and column, its
// spans and its lines of text.
type shapeCell struct {
	r, c, rows, cols int
	lines            []string
	vertical         bool // in a column one character wide
}

// table draws a grid over as many pages as it takes.
func (w *shapeWriter) table(g *document.Grid) {
	size := shapeBodySize
	nr, nc := len(g.Rows), len(g.Rows[0])
	var cells []*shapeCell
	for r := range nr {
		for c := range nc {
			if g.IsCopy(r, c) {
				continue
			}
			sc := &shapeCell{r: r, c: c, rows: 1, cols: 1}
			for sc.r+sc.rows < nr && g.Rows[sc.r+sc.rows][c].OrigRow == r && g.Rows[sc.r+sc.rows][c].OrigCol == c {
				sc.rows++
			}
			for sc.c+sc.cols < nc && g.Rows[r][sc.c+sc.cols].OrigRow == r && g.Rows[r][sc.c+sc.cols].OrigCol == c {
				sc.cols++
			}
			cells = append(cells, sc)
		}
	}
	numeric := func(s string) bool {
		return s != "" && strings.Trim(s, "0123456789.") == ""
	}
	// Column widths in em, from the longest text of a one-column cell.
	widths := make([]float64, nc)
	values := make([]int, nc) // numeric cells in the column
	numbers := make([]float64, nc)
	vertical := make([]bool, nc)
	for _, sc := range cells {
		t := g.Rows[sc.r][sc.c].Text
		if numeric(t) {
			values[sc.c]++
			if sc.cols == 1 {
				numbers[sc.c] = math.Max(numbers[sc.c], textWidth(t))
			}
		}
		if sc.cols == 1 {
			widths[sc.c] = math.Max(widths[sc.c], math.Min(textWidth(t), 9))
		}
		if w.sh.vertical && sc.rows >= 3 && sc.cols == 1 && !numeric(t) {
			vertical[sc.c] = true
		}
	}
	avail := (shapePageWidth - 2*shapeMargin) / size
	fixed, free := 0.0, 0.0
	for c := range nc {
		widths[c] = math.Max(widths[c], 1.5)
		switch {
		case vertical[c]:
			widths[c] = 1
		case w.sh.narrow && values[c] > 2:
			widths[c] = 2
		}
		widths[c] = math.Max(widths[c], numbers[c]) // a number is never broken
		widths[c] += 2 * shapePad
		if vertical[c] || w.sh.narrow && values[c] > 2 {
			fixed += widths[c]
		} else {
			free += widths[c]
		}
	}
	if free > 0 {
		scale := (avail - fixed) / free
		for c := range nc {
			if !(vertical[c] || w.sh.narrow && values[c] > 2) {
				widths[c] = math.Max(widths[c]*scale, numbers[c]+2*shapePad)
			}
		}
	}
	xs := make([]float64, nc+1)
	xs[0] = shapeMargin
	for c := range nc {
		xs[c+1] = xs[c] + widths[c]*size
	}
	// Row heights: each cell's lines fit its rows.
	lead := shapeCellLead * size
	heights := make([]float64, nr)
	for r := range heights {
		heights[r] = lead + 2*shapePad*size
	}
	sort.SliceStable(cells, func(i, j int) bool { return cells[i].rows < cells[j].rows })
	for _, sc := range cells {
		sc.vertical = vertical[sc.c] && sc.cols == 1
		width := (xs[sc.c+sc.cols]-xs[sc.c])/size - 2*shapePad
		sc.lines = wrapText(g.Rows[sc.r][sc.c].Text, width)
		need := float64(len(sc.lines))*lead + 2*shapePad*size
		if sc.rows > 1 {
			need += 2 * lead // room to split over a page break
		}
		have := 0.0
		for r := sc.r; r < sc.r+sc.rows; r++ {
			have += heights[r]
		}
		if need > have {
			heights[sc.r+sc.rows-1] += need - have
		}
	}
	// The header: the rows before the first that holds a number.
	header := 0
	for header < nr {
		has := false
		for _, cell := range g.Rows[header] {
			has = has || numeric(cell.Text)
		}
		if has {
			break
		}
		header++
	}
	if header == nr {
		header = 0
	}
	// Paginate: the rows each page holds.
	var parts []rowSpan
	from := 0
	y := w.y
	for r := 0; r < nr; r++ {
		if y-heights[r] < w.bottom && r > from && r > header {
			parts = append(parts, rowSpan{from, r})
			from = r
			y = w.sh.pageHeight - shapeMargin
			if w.sh.repeatHeader {
				for h := range header {
					y -= heights[h]
				}
			}
		}
		y -= heights[r]
	}
	parts = append(parts, rowSpan{from, nr})
	// Each cell's lines go to its parts in order, as many as each holds.
	for pi, p := range parts {
		if pi > 0 {
			w.newPage()
			if w.sh.repeatHeader && header > 0 {
				w.rows(cells, xs, heights, 0, header, size, nil)
			}
		}
		w.rows(cells, xs, heights, p.from, p.to, size, parts)
	}
	w.y -= 0.6 * size
}

// rows draws rows from to to of a table on the current page: the part of
// each cell that falls in them, with the lines of its text that fall to
// this part. parts are the pages' rows (nil: draw every line, the header
// again).
func (w *shapeWriter) rows(cells []*shapeCell, xs, heights []float64, from, to int, size float64, parts []rowSpan) {
	lead := shapeCellLead * size
	top := w.y
	ys := map[int]float64{from: top}
	for r := from; r < to; r++ {
		ys[r+1] = ys[r] - heights[r]
	}
	for _, sc := range cells {
		r0, r1 := max(sc.r, from), min(sc.r+sc.rows, to)
		if r0 >= r1 {
			continue
		}
		x0, x1 := xs[sc.c], xs[sc.c+sc.cols]
		y0, y1 := ys[r1], ys[r0]
		w.box(x0, y0, x1, y1)
		// Which of the cell's lines this part holds.
		lines := sc.lines
		if parts != nil && sc.rows > 1 {
			start := 0
			for _, p := range parts {
				a, b := max(sc.r, p.from), min(sc.r+sc.rows, p.to)
				if a >= b {
					continue
				}
				h := 0.0
				for r := a; r < b; r++ {
					h += heights[r]
				}
				n := int((h - 2*shapePad*size) / lead)
				if a == r0 {
					lines = sc.lines[min(start, len(sc.lines)):min(start+n, len(sc.lines))]
					break
				}
				start += n
			}
		}
		textH := float64(len(lines)) * lead
		ty := y1 - shapePad*size
		if w.sh.center {
			ty = (y0+y1)/2 + textH/2
		}
		if sc.vertical && w.sh.identityV && len(lines) > 0 {
			// One string in vertical writing: its origin is the top middle
			// of its first glyph, and each glyph is a line's height below
			// the one before.
			w.verticalText((x0+x1)/2, ty-(lead-0.88*size)/2, size, lead-size, strings.Join(lines, ""))
			continue
		}
		for i, l := range lines {
			lw := textWidth(l) * size
			x := (x0 + x1 - lw) / 2
			w.text(x, ty-float64(i+1)*lead+0.25*size, size, l)
		}
	}
	w.y = ys[to]
}

// drawDocument draws doc's paragraphs and tables in the shape, and
// returns the PDF and its page count.
func drawDocument(doc *document.Document, sh pdfShape) ([]byte, int) {
	w := &shapeWriter{sh: sh, cids: map[rune]int{}, bottom: shapeMargin}
	w.newPage()
	for i, b := range doc.Blocks {
		switch {
		case b.Table != nil && len(b.Table.Rows) > 0:
			w.table(b.Table)
		case i == 0:
			w.paragraph(b.Text, shapeTitleSize)
		default:
			w.paragraph(b.Text, shapeBodySize)
		}
	}
	return w.bytes(doc.Title), len(w.pages)
}

// bytes builds the PDF: catalog, pages, font, its ToUnicode map, then a
// page and a content stream for each page.
func (w *shapeWriter) bytes(title string) []byte {
	n := len(w.pages)
	var kids []string
	for i := range n {
		kids = append(kids, fmt.Sprintf("%d 0 R", 7+2*i))
	}
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	for i := 0; i < len(w.runes); i += 100 {
		chunk := w.runes[i:min(i+100, len(w.runes))]
		fmt.Fprintf(&cmap, "%d beginbfchar\n", len(chunk))
		for j, r := range chunk {
			var u strings.Builder
			for _, v := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&u, "%04X", v)
			}
			fmt.Fprintf(&cmap, "<%04X> <%s>\n", i+j+1, u.String())
		}
		cmap.WriteString("endbfchar\n")
	}
	cmap.WriteString("endcmap CMapName currentdict /CMap defineresource pop end end\n")
	var widths strings.Builder
	for i, r := range w.runes {
		fmt.Fprintf(&widths, "%d [%d] ", i+1, int(advance(r)*1000))
	}
	font := func(enc string) string {
		return "<< /Type /Font /Subtype /Type0 /BaseFont /NotoSerifSC /Encoding /" + enc + " /ToUnicode 4 0 R /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSerifSC /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [" + widths.String() + "] >>] >>"
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n),
		font("Identity-H"),
		pdftest.Flate("", []byte(cmap.String())),
		fmt.Sprintf("<< /Title <FEFF%s> >>", utf16Hex(title)),
		font("Identity-V"),
	}
	for i, p := range w.pages {
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.0f %.0f] /Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> /Contents %d 0 R >>", shapePageWidth, w.sh.pageHeight, 8+2*i),
			pdftest.Flate("", []byte(p.String())))
	}
	return pdftest.Build("/Info 5 0 R", objs...)
}

func utf16Hex(s string) string {
	var b strings.Builder
	for _, v := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", v)
	}
	return b.String()
}
