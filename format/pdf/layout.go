package pdf

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"xxgk/document"
	"xxgk/format/pdf/pdftext"
	"xxgk/zh"
)

// The layout rules rebuild reading order from where the glyphs of a PDF
// page are drawn. All distances are relative to the font size (em), so they
// hold for any size of type.
const (
	// pdfLineTol: glyphs whose baselines differ by less than this many
	// em are on one line.
	pdfLineTol = 0.45
	// pdfCellGap: a horizontal gap this wide (em) separates cells of an
	// unruled table (or columns); it becomes a tab.
	pdfCellGap = 1.0
	// pdfWordGap: a gap this wide (em) between Latin letters or digits is a
	// word space; between CJK characters (which have no spaces) only a
	// wider gap, pdfWideWordGap, is.
	pdfWordGap     = 0.15
	pdfWideWordGap = 0.6
	// pdfRuleTol: rules this close (points) meet; border positions this
	// close are one.
	pdfRuleTol = 2.0
	// pdfFullSlack: a line ending this close (em) to the right margin is
	// full, so its paragraph may go on in the next line.
	pdfFullSlack = 2.5
	// pdfLeading: lines of a paragraph are at most this far apart (em).
	pdfLeading = 2.3
)

// pglyph is a glyph of the layout.
type pglyph struct {
	text          string
	x, y, w, size float64
	space         bool // white space only: a word boundary, nothing to print
}

// pline is a line of text: glyphs on one baseline, left to right.
type pline struct {
	text   string
	y      float64 // baseline
	size   float64 // the largest font size on it
	x0, x1 float64
	tabbed bool    // cells separated by tabs
	cells  []pcell // the text between tabs
}

// pcell is a cell of a line: text between wide gaps.
type pcell struct {
	text   string
	x0, x1 float64
}

// pitem is a line or a ruled table of a page, in reading order.
type pitem struct {
	page int
	top  float64
	line *pline
	grid *document.Grid
	xs   []float64 // a grid's column borders, left to right
	// oneRow: the grid is a single ruled row; unless it goes on the table
	// before, it is read as a line of cells.
	oneRow bool
}

// layouter lays out the pages of a PDF as pdftext.ReadPages reads them,
// and counts the glyphs hasText judges the text layer by.
type layouter struct {
	pages  [][]pitem
	budget int // rule comparisons left; see pdfMaxRuleWork
	// buf holds the glyphs of a page, reused: no line or table keeps
	// them; cells, those of its tables (see pdfPlaceGlyphs).
	buf, cells []pglyph
	tables     *pdfTableScratch // pdfFindTables' buffers
	// The glyphs that are not white space, with text from the font's
	// maps and without; the images drawn.
	known, unknown, images int
}

// glyphBuffers keeps the layouter's glyph buffer from file to file: a
// file would grow it from nothing again, page after page.
var glyphBuffers = sync.Pool{New: func() any { return new([]pglyph) }}

// maxPooledGlyphs bounds the buffer kept: a hostile or huge file's is
// dropped.
const maxPooledGlyphs = 1 << 16

// tableScratches keeps pdfFindTables' buffers from file to file.
var tableScratches = sync.Pool{New: func() any { return new(pdfTableScratch) }}

// maxPooledRules bounds the rules of the buffers kept.
const maxPooledRules = 1 << 15

func newLayouter() *layouter {
	return &layouter{
		budget: pdfMaxRuleWork,
		buf:    *glyphBuffers.Get().(*[]pglyph),
		cells:  *glyphBuffers.Get().(*[]pglyph),
		tables: tableScratches.Get().(*pdfTableScratch),
	}
}

// release gives the glyph buffers back to the pool, their texts cleared
// so that the pool keeps no string alive.
func (lay *layouter) release() {
	for _, buf := range [][]pglyph{lay.buf[:0], lay.cells[:0]} {
		if cap(buf) > maxPooledGlyphs {
			buf = nil
		}
		clear(buf[:cap(buf)])
		glyphBuffers.Put(&buf)
	}
	lay.buf, lay.cells = nil, nil
	if cap(lay.tables.rules) <= 2*maxPooledRules {
		tableScratches.Put(lay.tables) // floats and ints: nothing to clear
	}
	lay.tables = nil
}

// page lays out the next page of the document.
func (lay *layouter) page(p *pdftext.Page) {
	lay.images += p.Images
	if cap(lay.buf) < len(p.Glyphs) {
		lay.buf = make([]pglyph, 0, max(len(p.Glyphs), 2*cap(lay.buf)))
	}
	lay.pages = append(lay.pages, lay.layoutPage(len(lay.pages), p))
}

// document is the document of the pages laid out.
func (lay *layouter) document() *document.Document {
	pdfDropRunning(lay.pages)
	pdfJoinContinued(lay.pages)
	return &document.Document{Kind: "pdf", Blocks: pdfBlocks(lay.pages)}
}

// layoutPage finds the ruled tables of a page and the lines of the text
// outside them, ordered top to bottom, and counts its glyphs of known
// and unknown text that are not blank. Its glyphs are laid out in
// lay.buf, which has room for them all.
func (lay *layouter) layoutPage(pi int, p *pdftext.Page) []pitem {
	glyphs := lay.buf[:0]
	// The glyphs read where they are, not copied, and counted in locals,
	// not in lay at each glyph; most are one ideograph, told so here
	// without a call.
	known, unknown := 0, 0
	for i := range p.Glyphs {
		g := &p.Glyphs[i]
		plain := pdfOneIdeograph(g.Text) || pdfPlainGlyph(g.Text)
		blank := !plain && pdfBlank(g.Text)
		if !blank {
			if g.Known {
				known++
			} else {
				unknown++
			}
		}
		if !g.Upright || g.Size <= 0 {
			continue // rotated text: watermarks and stamps
		}
		text := g.Text
		if !plain {
			text = pdfGlyphText(text)
			if text == "" {
				continue
			}
			if text != g.Text {
				// pdfGlyphText dropped some runes: the rest may be
				// blank. (It returns the text itself when it drops
				// none, which the comparison tells by the pointer, not
				// byte by byte.)
				blank = pdfBlank(text)
			}
		}
		// Set where it is, in the room lay.buf has: a pglyph built and
		// appended was copied through the stack.
		glyphs = glyphs[:len(glyphs)+1]
		pg := &glyphs[len(glyphs)-1]
		pg.text, pg.x, pg.y, pg.w, pg.size, pg.space = text, g.X, g.Y, g.W, g.Size, blank
	}
	lay.known += known
	lay.unknown += unknown
	tables := pdfFindTables(p.Segments, &lay.budget, lay.tables)
	free := pdfPlaceGlyphs(tables, glyphs, &lay.cells) // glyphs is not read again
	lines := pdfMergeWrapped(pdfLines(free, true))
	// An item for each table (at most) and line: grown by append, the
	// slice was allocated about twice over.
	var items []pitem // nil for none, as append left it
	if n := len(tables) + len(lines); n > 0 {
		items = make([]pitem, 0, n)
	}
	for _, t := range tables {
		if g := t.grid(); g != nil {
			g.RowPages = make([]int, len(g.Rows))
			for r := range g.RowPages {
				g.RowPages[r] = pi + 1
			}
			items = append(items, pitem{page: pi, top: t.ys[0], grid: g, xs: t.xs, oneRow: t.oneRow})
		}
	}
	for _, l := range lines {
		items = append(items, pitem{page: pi, top: l.y + 0.8*l.size, line: l})
	}
	if len(items) == 0 {
		return nil // tables without a grid and no line
	}
	slices.SortStableFunc(items, func(a, b pitem) int { return lessCmp(a.top > b.top) })
	return items
}

// pdfBlank reports whether s is white space only (or empty), as
// strings.TrimSpace(s) == "" does, without TrimSpace's way round for
// text that is not ASCII: a glyph's text is one character, seldom ASCII.
func pdfBlank(s string) bool {
	if pdfOneIdeograph(s) {
		return false // most glyphs: told without decoding
	}
	for _, r := range s {
		if pdfPlainRune(r) || !unicode.IsSpace(r) {
			return false // a byte of bad UTF-8 is U+FFFD, not a space
		}
	}
	return true
}

// pdfPlainGlyph reports a text of one rune that pdfPlainRune holds,
// which pdfBlank rejects and pdfGlyphText keeps as it is: told by
// decoding it once, where each of them decoded it again.
func pdfPlainGlyph(s string) bool {
	if pdfOneIdeograph(s) {
		return true
	}
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && pdfPlainRune(r)
}

// pdfIdeograph reports a CJK unified ideograph of the basic block, most
// of the glyphs of a report: all graphic, none white space (as
// TestPDFIdeographs checks), told so without the searches of the tables
// of package unicode.
func pdfIdeograph(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// pdfPlainRune reports a rune that is graphic and not white space, told
// by its range: the ideographs of pdfIdeograph, and the ASCII, general,
// CJK and full-width punctuation, letters and digits a report's other
// glyphs nearly all are (TestPDFIdeographs checks each). pdfBlank and
// pdfGlyphText asked the tables of package unicode of each such glyph
// (a search for all but ASCII): 1.6M of the 162M instructions of
// BenchmarkParseCorpusKind/pdf.
func pdfPlainRune(r rune) bool {
	switch {
	case r >= 0x4E00:
		return r <= 0x9FFF || r >= 0xFF01 && r <= 0xFF5E
	case r >= 0x3001:
		return r <= 0x303F
	case r >= 0x2010:
		return r <= 0x2027
	}
	return r >= 0x21 && r <= 0x7E
}

// pdfPlainDigit reports the digits among the plain runes (ASCII and
// full-width): the others are not digits (TestPDFIdeographs checks).
func pdfPlainDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// pdfOneIdeograph reports whether s is one pdfIdeograph, from its UTF-8
// (E4 B8 80 to E9 BF BF): a glyph's text is most often one, and decoding
// it was a call to the runtime for each of the tests of a glyph.
func pdfOneIdeograph(s string) bool {
	return len(s) == 3 && s[0] >= 0xE4 && s[0] <= 0xE9 && (s[0] != 0xE4 || s[1] >= 0xB8) &&
		s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80
}

// fmax is math.Max, and fmin math.Min, inlined: the layout compares
// positions glyph by glyph, and math.Max is a call on amd64. Values that
// differ are told apart by comparing them, and equal ones are either,
// but zeros (whose signs matter) and NaNs, left to math.Max (as is a
// zero above a negative y: rare). The builtin max, after a test for
// NaNs, took twice the instructions, sorting out the signs of zeros for
// every pair; ParseCorpusKind/pdf went from 129.9M to 129.0M. (It
// gives math.Max's results but for a NaN with an infinity:
// math.Max(NaN, +Inf) is +Inf, max is NaN.) Each is written to stay
// within the inliner's budget: x >= y && x != 0, not x > y || x == y &&
// x != 0, and the rare cases a call that is not inlined.
func fmax(x, y float64) float64 {
	if x < y {
		return y
	}
	if x >= y && x != 0 {
		return x
	}
	return fmaxRare(x, y)
}

func fmin(x, y float64) float64 {
	if x > y {
		return y
	}
	if x <= y && x != 0 {
		return x
	}
	return fminRare(x, y)
}

// fmaxRare and fminRare are math.Max and math.Min, kept out of line so
// that fmax and fmin inline.
//
//go:noinline
func fmaxRare(x, y float64) float64 { return math.Max(x, y) }

//go:noinline
func fminRare(x, y float64) float64 { return math.Min(x, y) }

// pdfGlyphText is a glyph's text without what a font's map may hold but
// text never does: control characters, private-use and unassigned code
// points. White space is kept (it separates words).
func pdfGlyphText(s string) string {
	if pdfOneIdeograph(s) {
		return s // most glyphs: told without decoding
	}
	for _, r := range s {
		if !pdfPlainRune(r) && !unicode.IsGraphic(r) && !unicode.IsSpace(r) {
			return strings.Map(func(r rune) rune {
				if unicode.IsGraphic(r) || unicode.IsSpace(r) {
					return r
				}
				return -1
			}, s)
		}
	}
	return s
}

// pdfLines groups glyphs into lines by baseline and composes their
// text. With tabs, wide gaps become tabs (cells of an unruled table);
// without (inside a table cell), a space.
func pdfLines(gs []pglyph, tabs bool) []*pline {
	pdfSortStable(gs, true)
	var lines []*pline
	for i := 0; i < len(gs); {
		ref := gs[i]
		j := i + 1
		for j < len(gs) && ref.y-gs[j].y <= pdfLineTol*fmax(ref.size, gs[j].size) {
			j++
		}
		if l := pdfComposeLine(gs[i:j], tabs); l != nil {
			lines = append(lines, l)
		}
		i = j
	}
	return lines
}

// lessCmp is a comparison for slices.SortStableFunc from the result of a
// less function: that sort, like sort.SliceStable (the same algorithm),
// only asks whether a comparison is negative, so it orders exactly as
// sort.SliceStable with less would, ties and NaNs included.
func lessCmp(less bool) int {
	if less {
		return -1
	}
	return 0
}

// pdfLineOrder orders glyphs top to bottom, then left to right.
func pdfLineOrder(a, b pglyph) int {
	if a.y != b.y {
		return lessCmp(a.y > b.y)
	}
	return lessCmp(a.x < b.x)
}

// pdfXOrder orders glyphs left to right.
func pdfXOrder(a, b pglyph) int { return lessCmp(a.x < b.x) }

// pdfSortStable sorts gs by line (pdfLineOrder) or by x (pdfXOrder), as
// slices.SortStableFunc does, but without its work when they are in
// order already, as a page's glyphs mostly are.
func pdfSortStable(gs []pglyph, byLine bool) {
	switch {
	case pdfInOrder(gs, byLine):
	case pdfSortKeyed(gs, byLine):
	case byLine:
		slices.SortStableFunc(gs, pdfLineOrder)
	default:
		slices.SortStableFunc(gs, pdfXOrder)
	}
}

// pdfSortKey is a glyph's place in pdfSortKeyed's sort: its baseline (0
// when sorting by x alone), its x and its index before sorting.
type pdfSortKey struct {
	y, x float64
	i    int
}

// pdfBefore reports whether a comes before b: top to bottom, left to
// right, then by index.
func pdfBefore(a, b *pdfSortKey) bool {
	if a.y != b.y {
		return a.y > b.y
	}
	if a.x != b.x {
		return a.x < b.x
	}
	return a.i < b.i
}

// pdfSortScratch is what pdfSortKeyed works in: the keys, as many again
// to merge them into, and where the runs of keys in order start.
type pdfSortScratch struct {
	keys, merged []pdfSortKey
	runs         []int
}

// pdfSortScratches keeps pdfSortKeyed's buffers from sort to sort.
var pdfSortScratches = sync.Pool{New: func() any { return new(pdfSortScratch) }}

// pdfSortKeyed sorts gs as pdfSortStable does when no position is NaN,
// and reports whether it did (it leaves gs as they are otherwise).
// Without NaNs the order by line or by x is a strict weak order, and
// ordering ties by the glyphs' indexes makes it total: any sort then
// gives the stable sort's order. A page out of line order is mostly runs
// in order (its text, then a header or footer drawn last): the keys, 24
// bytes a glyph, are merged run by run, and the glyphs moved once into
// place, where the stable sort moved 56-byte glyphs over and over by
// insertion and rotation.
func pdfSortKeyed(gs []pglyph, byLine bool) bool {
	sc := pdfSortScratches.Get().(*pdfSortScratch)
	defer pdfSortScratches.Put(sc)
	keys, runs := sc.keys[:0], sc.runs[:0]
	for i := range gs {
		g := &gs[i]
		if math.IsNaN(g.x) || math.IsNaN(g.y) {
			sc.keys, sc.runs = keys, runs
			return false
		}
		k := pdfSortKey{x: g.x, i: i}
		if byLine {
			k.y = g.y
		}
		if i == 0 || pdfBefore(&k, &keys[i-1]) {
			runs = append(runs, i)
		}
		keys = append(keys, k)
	}
	merged := slices.Grow(sc.merged[:0], len(keys))[:len(keys)]
	sc.keys, sc.runs, sc.merged = keys, runs, merged
	// Merge the runs two by two until one is left: the runs merged start
	// where the first of each pair did.
	for len(runs) > 1 {
		kept := runs[:0]
		for r := 0; r < len(runs); r += 2 {
			from := runs[r]
			kept = append(kept, from)
			if r+1 == len(runs) {
				copy(merged[from:], keys[from:])
				break
			}
			mid, to := runs[r+1], len(keys)
			if r+2 < len(runs) {
				to = runs[r+2]
			}
			a, b, out := from, mid, from
			for a < mid && b < to {
				if pdfBefore(&keys[b], &keys[a]) {
					merged[out] = keys[b]
					b++
				} else {
					merged[out] = keys[a]
					a++
				}
				out++
			}
			out += copy(merged[out:], keys[a:mid])
			copy(merged[out:], keys[b:to])
		}
		runs = kept
		keys, merged = merged, keys
	}
	// Glyph keys[k].i goes to k: each cycle of the permutation is
	// followed once, its first glyph held aside (a key is marked done
	// by pointing at its own place).
	for k := range keys {
		if keys[k].i == k {
			continue
		}
		held := gs[k]
		j := k
		for {
			from := keys[j].i
			keys[j].i = j
			if from == k {
				gs[j] = held
				break
			}
			gs[j] = gs[from]
			j = from
		}
	}
	return true
}

// pdfInOrder reports whether the sort by line or by x would leave gs as
// they are. With no NaN among the positions, either order is a strict
// weak order, and glyphs no neighbour precedes are sorted. (With NaNs it
// is not an order, and the sort may move them.) The comparisons are
// pdfLineOrder's and pdfXOrder's, written out: called through a function
// value, with the glyphs copied, they were most of the check's time.
func pdfInOrder(gs []pglyph, byLine bool) bool {
	for i := range gs {
		g := &gs[i]
		if math.IsNaN(g.x) || math.IsNaN(g.y) {
			return false
		}
		if i == 0 {
			continue
		}
		switch p := &gs[i-1]; {
		case byLine && g.y != p.y:
			if g.y > p.y {
				return false
			}
		case g.x < p.x:
			return false
		}
	}
	return true
}

// pdfComposeLine composes the glyphs of a line, left to right, into its
// text and cells. The text is built at once, its cells separated by
// tabs, and the cells' texts are slices of it: a string per line, not
// one per cell and another joining them.
func pdfComposeLine(gs []pglyph, tabs bool) *pline {
	pdfSortStable(gs, false)
	var buf [256]byte
	b := buf[:0] // the line's text
	// The cells, their texts as bounds in b until it is a string.
	type cellSpan struct {
		from, to int
		x0, x1   float64
	}
	var spans [8]cellSpan
	cells := spans[:0]
	cell := cellSpan{x0: math.Inf(1)}
	l := pline{y: gs[0].y, x0: math.Inf(1), x1: math.Inf(-1)}
	var prev *pglyph
	spaced := false
	for k := range gs {
		g := &gs[k]
		if g.space {
			spaced = true
			continue
		}
		if prev != nil {
			// Positions first: the texts of glyphs side by side are
			// mostly of one length (ideographs), so comparing them
			// first called memequal for nearly every glyph.
			if math.Abs(g.x-prev.x) < 0.25*g.size && g.text == prev.text {
				continue // drawn twice (fake bold, shadow)
			}
			gap := g.x - (prev.x + prev.w)
			em := fmax(g.size, prev.size)
			switch {
			case tabs && gap >= pdfCellGap*em:
				cell.to = len(b)
				cells = append(cells, cell)
				b = append(b, '\t')
				cell = cellSpan{from: len(b), x0: g.x}
			case spaced:
				b = append(b, ' ')
			case gap >= pdfWordGap*em || gap >= pdfWideWordGap*em:
				// Only now the word gap of these glyphs, which decodes
				// their texts: most glyphs touch, their gap below both.
				if gap >= pdfWordGapBetween(prev.text, g.text)*em {
					b = append(b, ' ')
				}
			}
		}
		if t := g.text; len(t) == 3 && len(b)+3 <= cap(b) {
			// One ideograph, most glyphs: its bytes set one by one,
			// without append's call to memmove.
			b = b[:len(b)+3]
			b[len(b)-3], b[len(b)-2], b[len(b)-1] = t[0], t[1], t[2]
		} else {
			b = append(b, t...)
		}
		cell.x0, cell.x1 = fmin(cell.x0, g.x), g.x+g.w
		l.x0, l.x1 = fmin(l.x0, g.x), fmax(l.x1, g.x+g.w)
		l.size = fmax(l.size, g.size)
		prev, spaced = g, false
	}
	if prev == nil {
		return nil
	}
	cell.to = len(b)
	cells = append(cells, cell)
	var out *pline
	if len(cells) == 1 {
		one := &plineOne{pline: l}
		one.cells = one.cell[:]
		out = &one.pline
	} else {
		out = new(pline)
		*out = l
		out.cells = make([]pcell, len(cells))
	}
	text := string(b)
	for i, c := range cells {
		out.cells[i] = pcell{text: text[c.from:c.to], x0: c.x0, x1: c.x1}
	}
	out.text, out.tabbed = text, len(cells) > 1
	return out
}

// pdfWordGapBetween is the gap (em) that is a word space between glyphs
// of the texts left and right: pdfWideWordGap beside a wide character,
// else pdfWordGap.
func pdfWordGapBetween(left, right string) float64 {
	last, _ := utf8.DecodeLastRuneInString(left)
	first, _ := utf8.DecodeRuneInString(right)
	if pdftext.IsWide(last) || pdftext.IsWide(first) {
		return pdfWideWordGap
	}
	return pdfWordGap
}

// plineOne is a line and its cell, allocated as one: most lines have a
// single cell.
type plineOne struct {
	pline
	cell [1]pcell
}

// setText joins the line's cells with tabs.
func (l *pline) setText() {
	if len(l.cells) == 1 {
		l.text, l.tabbed = l.cells[0].text, false // what Join gives, without its slice
		return
	}
	texts := make([]string, len(l.cells))
	for i, c := range l.cells {
		texts[i] = c.text
	}
	l.text = strings.Join(texts, "\t")
	l.tabbed = len(l.cells) > 1
}

// pdfMergeWrapped rebuilds the rows of an unruled table whose label cell
// wraps: the values are drawn once, centred, on their own line (or beside
// one line of the label), and the label's other lines stand above and
// below, left of the values. Each such label line joins the row it is
// nearest to (a label line that starts a number, 2.…, belongs to the row
// at or below it; a row that has its own label in that column is not
// joined), its text going to the cell of its column.
func pdfMergeWrapped(lines []*pline) []*pline {
	valueAt := make([]int, len(lines)) // index of the first trailing numeric cell; -1: not a row
	rows := 0
	for i, l := range lines {
		valueAt[i] = -1
		k := len(l.cells)
		for k > 0 && pdfNumericCell(l.cells[k-1].text) {
			k--
		}
		if len(l.cells)-k >= 2 {
			valueAt[i] = k
			rows++
		}
	}
	if rows < 3 {
		return lines
	}
	owner := make([]int, len(lines))
	for i, l := range lines {
		owner[i] = -1
		if valueAt[i] >= 0 || len(l.cells) > 3 || pdfHasNumericCell(l) {
			continue
		}
		numbered := pdfStartsNumbered(l.cells[0].text) || pdfStartsDigitItem(l.cells[0].text)
		best, bestCost := -1, math.Inf(1)
		for _, dir := range []int{-1, 1} {
			if dir < 0 && numbered {
				continue // a numbered label starts its row
			}
			j := i + dir
			for j >= 0 && j < len(lines) && valueAt[j] < 0 {
				j += dir
			}
			if j < 0 || j >= len(lines) {
				continue
			}
			r := lines[j]
			em := r.size
			dy := math.Abs(l.y - r.y)
			if dy > 3.5*em || l.x1 > r.cells[valueAt[j]].x0+0.5*em {
				continue
			}
			cost := dy
			for _, c := range r.cells[:valueAt[j]] {
				if math.Abs(c.x0-l.cells[0].x0) <= 1.5*em || c.x0 < l.x1 && c.x1 > l.x0 {
					cost += 100 * em // the row has its own label there
				}
			}
			if cost < bestCost || cost == bestCost && dir > 0 {
				best, bestCost = j, cost
			}
		}
		if best >= 0 && bestCost < 100*lines[best].size {
			owner[i] = best
		}
	}
	// Merge, top to bottom: each row's label cells gather the lines it owns.
	var out []*pline
	for j, r := range lines {
		if owner[j] >= 0 {
			continue
		}
		if valueAt[j] < 0 {
			out = append(out, r)
			continue
		}
		var frags []*pline
		for i := range lines {
			if owner[i] == j || i == j {
				frags = append(frags, lines[i])
			}
		}
		if len(frags) == 1 {
			out = append(out, r)
			continue
		}
		var label []pcell
		for _, f := range frags {
			cells := f.cells
			if f == r {
				cells = r.cells[:valueAt[j]]
			}
			for _, c := range cells {
				k := 0
				for k < len(label) && math.Abs(label[k].x0-c.x0) > 1.5*r.size {
					k++
				}
				if k == len(label) {
					label = append(label, c)
					continue
				}
				label[k].text += c.text
				label[k].x0, label[k].x1 = fmin(label[k].x0, c.x0), fmax(label[k].x1, c.x1)
			}
		}
		slices.SortStableFunc(label, func(a, b pcell) int { return lessCmp(a.x0 < b.x0) })
		m := *r
		m.cells = append(label, r.cells[valueAt[j]:]...)
		m.x0 = fmin(m.x0, m.cells[0].x0)
		m.setText()
		out = append(out, &m)
	}
	return out
}

// pdfNumericCell reports a cell that is a number (a table value).
func pdfNumericCell(s string) bool {
	// Most cells are words: told by their first character, which
	// TrimSpace would keep (not white space) and the loop below rejects
	// (not a digit or '-'), without TrimSpace's way round for text that
	// is not ASCII.
	if s != "" {
		if c := s[0]; c < utf8.RuneSelf {
			if c > ' ' && !(c >= '0' && c <= '9' || c == '-') {
				return false
			}
		} else if r, _ := utf8.DecodeRuneInString(s); pdfPlainRune(r) {
			return false
		}
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r >= '0' && r <= '9' || (r == '.' || r == ',') && i > 0 || r == '-' && i == 0 && len(s) > 1) {
			return false
		}
	}
	return true
}

func pdfHasNumericCell(l *pline) bool {
	for _, c := range l.cells {
		if pdfNumericCell(c.text) {
			return true
		}
	}
	return false
}

// pdfStartsDigitItem reports text starting with 1. 1、 1．
func pdfStartsDigitItem(s string) bool {
	rest := strings.TrimLeft(s, "0123456789")
	return len(rest) < len(s) && (strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, "．"))
}

// pdfTable is a ruled table: the positions of its borders and which
// positions of the fine grid they cut form one cell.
type pdfTable struct {
	xs   []float64 // column borders, left to right
	ys   []float64 // row borders, top to bottom
	root []int     // fine cell i*cols+j → the cell it belongs to
	// gs: the glyphs drawn in the table (pdfPlaceGlyphs), cell by cell,
	// each cell's in the order drawn; those of cell r (the root of its
	// fine cells) end at ends[r], where those of cell r+1 start.
	gs   []pglyph
	ends []int32
	// oneRow: a single ruled row, a table only as the rest of one that
	// ends the page before (its last row carried over); else a line.
	oneRow bool
}

func (t *pdfTable) cols() int { return len(t.xs) - 1 }
func (t *pdfTable) rows() int { return len(t.ys) - 1 }

// pdfMaxRuleWork bounds the rule pairs compared in one document; a page
// past it is read without its tables (a real table page has a few
// hundred rules, a few hundred thousand pairs).
const pdfMaxRuleWork = 200_000_000

// pdfFindTables finds the ruled tables of a page: groups of horizontal and
// vertical rules that meet, with at least two rows and two columns. It
// spends at most *budget rule comparisons.
//
// It works in sc's buffers (a new one's when sc is nil), which no table
// keeps: the layouter reuses them from page to page.
func pdfFindTables(segs []pdftext.Segment, budget *int, sc *pdfTableScratch) []*pdfTable {
	if sc == nil {
		sc = new(pdfTableScratch)
	}
	// The horizontal rules, then the vertical ones, in one slice.
	nh := 0
	for i := range segs {
		if segs[i].Y0 == segs[i].Y1 {
			nh++
		}
	}
	// Twice their number: the second half takes them sorted by set.
	rules := growTo(&sc.rules, 2*len(segs))[:len(segs)]
	hs, vs := rules[:0:nh], rules[nh:nh]
	for _, s := range segs {
		if s.Y0 == s.Y1 {
			hs = append(hs, s)
		} else {
			vs = append(vs, s)
		}
	}
	work := len(hs)*len(vs) + len(hs)*len(hs) + len(vs)*len(vs)
	if len(hs) < 2 || len(vs) < 2 || work > *budget {
		return nil
	}
	*budget -= work
	n := len(hs) + len(vs)
	uf := &sc.uf
	uf.reset(growTo(&sc.parent, n))
	pdfJoinCrossing(hs, vs, uf, &sc.byX)
	buf := growTo(&sc.pos, max(len(hs), len(vs)))
	pdfJoinCollinear(hs, uf, 0, false, buf)
	pdfJoinCollinear(vs, uf, len(hs), true, buf)
	// The rules of each set, horizontal and vertical, each in the order
	// of their indexes, the sets in order of their roots: set down by
	// a counting sort into one slice. A root is its set's least index
	// (pdfUnionFind), so the set is met first at its root.
	type set struct{ h, v int } // its rules of each kind
	var sets []set
	setOf := growTo(&sc.setOf, n) // by rule, its set's index in sets
	for i := range n {
		r := uf.find(i)
		if r == i {
			setOf[i] = len(sets)
			sets = append(sets, set{})
		} else {
			setOf[i] = setOf[r]
		}
		if i < len(hs) {
			sets[setOf[i]].h++
		} else {
			sets[setOf[i]].v++
		}
	}
	at := make([]int, 2*len(sets)) // where the next rule of each kind of each set goes in sorted
	start := 0
	for k, st := range sets {
		at[2*k], at[2*k+1] = start, start+st.h
		start += st.h + st.v
	}
	sorted := sc.rules[n : 2*n : 2*n]
	for i, r := range rules {
		kind := 0
		if i >= len(hs) {
			kind = 1
		}
		sorted[at[2*setOf[i]+kind]] = r
		at[2*setOf[i]+kind]++
	}
	var out []*pdfTable
	start = 0
	for _, st := range sets {
		mid, end := start+st.h, start+st.h+st.v
		if t := newPDFTable(sorted[start:mid:mid], sorted[mid:end:end], sc); t != nil {
			out = append(out, t)
		}
		start = end
	}
	return out
}

// pdfJoinCrossing joins each horizontal rule (index i) with the vertical
// rules (index len(hs)+j) that touch it. The vertical rules are taken in
// order of x, so that a horizontal rule looks only at those within its
// extent, not at every one: the sets joined are those of comparing every
// pair (a set's root is its least index whatever the order of unions).
// It sorts them in *buf.
func pdfJoinCrossing(hs, vs []pdftext.Segment, uf *pdfUnionFind, buf *[]pdfAtX) {
	byX := growTo(buf, len(vs))[:0]
	for j, v := range vs {
		if !math.IsNaN(v.X0) { // NaN is within no extent
			byX = append(byX, pdfAtX{v.X0, v.Y0, v.Y1, j})
		}
	}
	slices.SortFunc(byX, func(a, b pdfAtX) int {
		switch {
		case a.x < b.x:
			return -1
		case a.x > b.x:
			return 1
		}
		return 0
	})
	for i, h := range hs {
		from, to := h.X0-pdfRuleTol, h.X1+pdfRuleTol
		// The first at or right of from (none when from is NaN).
		k := sort.Search(len(byX), func(k int) bool { return byX[k].x >= from })
		for ; k < len(byX) && byX[k].x <= to; k++ {
			if v := &byX[k]; h.Y0 >= v.y0-pdfRuleTol && h.Y0 <= v.y1+pdfRuleTol {
				uf.union(i, len(hs)+v.j)
			}
		}
	}
}

// pdfAtX is a vertical rule's x and extent, and its index: read through
// its index, the extent was a load from anywhere in vs for each rule
// looked at.
type pdfAtX struct {
	x, y0, y1 float64
	j         int
}

// pdfJoinCollinear joins rules on one line that touch or overlap (borders
// drawn in pieces): horizontal rules at one y, or vertical ones at one x.
// Each rule's position and extent along it are taken out once, with its
// index, and sorted so, not read through a function value and the index
// at each comparison (most of the time it took). slices.SortFunc with
// lessCmp orders as sort.Slice with the same less did (the same
// algorithm, see lessCmp), NaNs included. buf has room for ss.
func pdfJoinCollinear(ss []pdftext.Segment, uf *pdfUnionFind, base int, vertical bool, buf []pdfRulePos) {
	rs := buf[:len(ss)]
	for i, s := range ss {
		if vertical {
			rs[i] = pdfRulePos{s.X0, s.Y0, s.Y1, i}
		} else {
			rs[i] = pdfRulePos{s.Y0, s.X0, s.X1, i}
		}
	}
	slices.SortFunc(rs, func(a, b pdfRulePos) int { return lessCmp(a.pos < b.pos) })
	for a := range rs {
		ra := &rs[a]
		for b := a + 1; b < len(rs); b++ {
			rb := &rs[b]
			if rb.pos-ra.pos > pdfRuleTol {
				break
			}
			if rb.from <= ra.to+pdfRuleTol && ra.from <= rb.to+pdfRuleTol {
				uf.union(base+ra.i, base+rb.i)
			}
		}
	}
}

// pdfTableScratch holds the buffers pdfFindTables works in.
type pdfTableScratch struct {
	rules    []pdftext.Segment // by kind, then by set
	pos      []pdfRulePos
	setOf    []int
	vAt, hAt pdfRulesAt // newPDFTable's
	byX      []pdfAtX   // pdfJoinCrossing's
	xv, yv   []float64  // newPDFTable's positions
	parent   []int      // uf's
	uf       pdfUnionFind
}

// pdfRulesAt holds rules by the border they are drawn at, set down by a
// counting sort in one slice, not appended to a slice by border: those
// at border k are rules[first[k]:first[k+1]], in the order given.
type pdfRulesAt struct {
	first  []int
	rules  []pdftext.Segment
	border []int // by rule given, its border (-1 for none)
	next   []int // by border, where its next rule goes
}

func (r *pdfRulesAt) at(k int) []pdftext.Segment { return r.rules[r.first[k]:r.first[k+1]] }

// pdfByBorder sets down the rules ss by the border of ps each is drawn
// at (pdfNearest of its x when vertical, else of its y), in the buffers
// of r.
func pdfByBorder(ps []float64, ss []pdftext.Segment, vertical bool, r *pdfRulesAt) *pdfRulesAt {
	first := growTo(&r.first, len(ps)+1)
	clear(first)
	border := growTo(&r.border, len(ss))
	for i, s := range ss {
		p := s.Y0
		if vertical {
			p = s.X0
		}
		k := pdfNearest(ps, p)
		border[i] = k
		if k >= 0 {
			first[k+1]++
		}
	}
	for k := range ps {
		first[k+1] += first[k]
	}
	rules := growTo(&r.rules, first[len(ps)])
	next := growTo(&r.next, len(ps))
	copy(next, first)
	for i, s := range ss {
		if k := border[i]; k >= 0 {
			rules[next[k]] = s
			next[k]++
		}
	}
	r.rules = rules
	return r
}

// growTo returns (*buf)[:n], first made anew when shorter: its elements
// are left as they were, for the caller to set.
func growTo[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n)
	}
	return (*buf)[:n]
}

// pdfRulePos is a rule's position, its extent along it, and its index.
type pdfRulePos struct {
	pos, from, to float64
	i             int
}

// pdfMaxTableCells bounds the fine grid of one table.
const pdfMaxTableCells = 20_000

// newPDFTable makes the table of a set of rules, nil when they make
// none. It works in sc's buffers (a new one's when sc is nil).
func newPDFTable(hs, vs []pdftext.Segment, sc *pdfTableScratch) *pdfTable {
	if len(hs) < 2 || len(vs) < 2 {
		return nil
	}
	if sc == nil {
		sc = new(pdfTableScratch)
	}
	// Positions for pdfCluster, which makes the borders of its own.
	xv, yv := sc.xv[:0], sc.yv[:0]
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, h := range hs {
		yv = append(yv, h.Y0)
		minX, maxX = fmin(minX, h.X0), fmax(maxX, h.X1)
	}
	for _, v := range vs {
		xv = append(xv, v.X0)
		minY, maxY = fmin(minY, v.Y0), fmax(maxY, v.Y1)
	}
	xv, yv = append(xv, minX, maxX), append(yv, minY, maxY)
	sc.xv, sc.yv = xv, yv
	xs, ys := pdfCluster(xv), pdfCluster(yv)
	for i, j := 0, len(ys)-1; i < j; i, j = i+1, j-1 {
		ys[i], ys[j] = ys[j], ys[i] // top to bottom
	}
	t := &pdfTable{xs: xs, ys: ys}
	rows, cols := t.rows(), t.cols()
	if rows < 1 || cols < 2 || rows*cols > pdfMaxTableCells {
		return nil
	}
	// The rules at each border position.
	vAt := pdfByBorder(xs, vs, true, &sc.vAt)
	hAt := pdfByBorder(ys, hs, false, &sc.hAt)
	covers := func(ss []pdftext.Segment, at float64, vertical bool) bool {
		for _, s := range ss {
			from, to := s.X0, s.X1
			if vertical {
				from, to = s.Y0, s.Y1
			}
			if at >= from-0.5 && at <= to+0.5 {
				return true
			}
		}
		return false
	}
	// pdfFindTables' sets are found by now: its union-find is free.
	uf := &sc.uf
	uf.reset(growTo(&sc.parent, rows*cols))
	for i := range rows {
		ym := (t.ys[i] + t.ys[i+1]) / 2
		for j := range cols {
			xm := (t.xs[j] + t.xs[j+1]) / 2
			if j+1 < cols && !covers(vAt.at(j+1), ym, true) {
				uf.union(i*cols+j, i*cols+j+1)
			}
			if i+1 < rows && !covers(hAt.at(i+1), xm, false) {
				uf.union(i*cols+j, (i+1)*cols+j)
			}
		}
	}
	t.root = make([]int, rows*cols)
	distinct := 0 // cells: fine cells that are their own root
	for k := range t.root {
		t.root[k] = uf.find(k)
		if t.root[k] == k {
			distinct++
		}
	}
	if rows == 1 && distinct >= 2 {
		t.oneRow = true // the last row of a table, alone on its page?
		return t
	}
	if distinct < 4 {
		return nil // a frame, or a box with a rule through it
	}
	return t
}

// pdfCluster sorts positions and merges those within pdfRuleTol.
func pdfCluster(v []float64) []float64 {
	sort.Float64s(v)
	var out []float64
	for i := 0; i < len(v); {
		// v[i] starts its cluster even when it is not within the
		// tolerance of itself (an infinity or NaN: a rule drawn under a
		// CTM scaled past the float range); else the loop stood still,
		// appending without end.
		j, sum := i+1, v[i]
		for j < len(v) && v[j]-v[i] <= pdfRuleTol {
			sum += v[j]
			j++
		}
		out = append(out, sum/float64(j-i))
		i = j
	}
	return out
}

// pdfNearest returns the index of the position within pdfRuleTol of p, -1
// if none.
func pdfNearest(ps []float64, p float64) int {
	best, bd := -1, pdfRuleTol+0.01
	for k, q := range ps {
		if d := math.Abs(q - p); d < bd {
			best, bd = k, d
		}
	}
	return best
}

// pdfPlaceGlyphs puts each glyph drawn in a cell of a table into the
// table, and returns the others, in place of glyphs. Each table's glyphs
// are counted by cell first, then set down cell by cell (a counting sort,
// stable): a list allocated once at its length, not a slice per cell.
// The tables' lists are slices of *cells, grown to their sum: no table
// keeps them past the page (grid reads them), so the layouter reuses
// it from page to page, and the pool from file to file.
func pdfPlaceGlyphs(tables []*pdfTable, glyphs []pglyph, cells *[]pglyph) []pglyph {
	if len(tables) == 0 {
		return glyphs
	}
	type place struct{ table, cell int32 } // table -1: none
	where := make([]place, len(glyphs))
	for i, g := range glyphs {
		where[i] = place{table: -1}
		if ti, cell, ok := pdfCellOf(tables, g); ok {
			t := tables[ti]
			if t.ends == nil {
				t.ends = make([]int32, t.rows()*t.cols())
			}
			t.ends[cell]++
			where[i] = place{int32(ti), int32(cell)}
		}
	}
	total := 0
	for _, t := range tables {
		for _, c := range t.ends {
			total += int(c)
		}
	}
	if cap(*cells) < total {
		*cells = make([]pglyph, total)
	}
	all := (*cells)[:total]
	for _, t := range tables {
		// The counts become where each cell starts; set down, where it
		// ends.
		n := int32(0)
		for k, c := range t.ends {
			t.ends[k] = n
			n += c
		}
		if n > 0 {
			t.gs, all = all[:n:n], all[n:]
		}
	}
	free := glyphs[:0] // filtered in place: glyph i is read before free[i] is set
	for i, g := range glyphs {
		if w := where[i]; w.table >= 0 {
			t := tables[w.table]
			t.gs[t.ends[w.cell]] = g
			t.ends[w.cell]++
		} else {
			free = append(free, g)
		}
	}
	return free
}

// pdfCellOf returns the table g is drawn in, by index, and the root of
// its fine cell.
func pdfCellOf(tables []*pdfTable, g pglyph) (table, cell int, ok bool) {
	cx, cy := g.x+g.w/2, g.y+0.3*g.size
	for ti, t := range tables {
		if cx <= t.xs[0] || cx >= t.xs[len(t.xs)-1] || cy >= t.ys[0] || cy <= t.ys[len(t.ys)-1] {
			continue
		}
		j := sort.Search(len(t.xs), func(k int) bool { return t.xs[k] > cx }) - 1
		i := sort.Search(len(t.ys), func(k int) bool { return t.ys[k] < cy }) - 1
		if i < 0 || j < 0 || i >= t.rows() || j >= t.cols() {
			continue
		}
		return ti, t.root[i*t.cols()+j], true
	}
	return 0, 0, false
}

// grid returns the table as a Grid: every position of the fine grid holds
// its cell, whose origin is the cell's top-left position, as HTML spans
// expand. A table without any text gives nil (a chart or a frame).
func (t *pdfTable) grid() *document.Grid {
	if len(t.gs) == 0 {
		return nil
	}
	rows, cols := t.rows(), t.cols()
	// A cell's root is its first fine cell in reading order (pdfUnionFind
	// keeps the least), so it is its origin, and its text is set before
	// any other fine cell's of it.
	cells := make([]document.GridCell, rows*cols)
	any := false
	for k, r := range t.root {
		text := cells[r].Text
		if r == k {
			from, to := int32(0), t.ends[k]
			if k > 0 {
				from = t.ends[k-1]
			}
			if from < to {
				text = pdfCellText(t.gs[from:to:to])
				any = any || text != ""
			}
		}
		cells[k] = document.GridCell{Text: text, OrigRow: r / cols, OrigCol: r % cols}
	}
	if !any {
		return nil
	}
	g := &document.Grid{Rows: make([][]document.GridCell, rows)}
	for i := range rows {
		g.Rows[i] = cells[i*cols : (i+1)*cols : (i+1)*cols]
	}
	return g
}

// pdfCellText is the text of a table cell: its lines joined, without a space
// between CJK characters or digits (a label or number wrapped in a narrow
// cell), with one between words.
func pdfCellText(gs []pglyph) string {
	var s string          // the text, while it is one line's (most cells')
	var b strings.Builder // the text of more lines
	n := 0
	for _, l := range pdfLines(gs, false) {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		switch n++; n {
		case 1:
			s = t
			continue
		case 2:
			b.WriteString(s)
		}
		last, _ := utf8.DecodeLastRuneInString(b.String())
		first, _ := utf8.DecodeRuneInString(t)
		if pdfIsLatin(last) && pdfIsLatin(first) {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	if n > 1 {
		s = b.String()
	}
	return pdfFoldSpaces(s)
}

func pdfIsLatin(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }

// pdfFoldSpaces folds runs of white space to one space and trims.
func pdfFoldSpaces(s string) string {
	if pdfFolded(s) {
		return s // what folding gives, without its slice and copy
	}
	return strings.Join(strings.Fields(s), " ")
}

// pdfFolded reports whether s has no white space but single ASCII
// spaces between other characters, as strings.Fields tells white space
// (unicode.IsSpace; bad UTF-8 is not): s is then folded already.
func pdfFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			// A space before another white space is seen there.
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c < utf8.RuneSelf:
			if c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
				return false
			}
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !pdfIdeograph(r) && unicode.IsSpace(r) {
				return false
			}
			i += size - 1
		}
	}
	return true
}

type pdfUnionFind struct{ parent []int }

func newPDFUnionFind(n int) *pdfUnionFind {
	u := new(pdfUnionFind)
	u.reset(make([]int, n))
	return u
}

// reset makes u the sets of one element each of len(p), in p.
func (u *pdfUnionFind) reset(p []int) {
	for i := range p {
		p[i] = i
	}
	u.parent = p
}

func (u *pdfUnionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// union joins the sets of a and b, keeping the smaller root, so that a
// cell's root is its first position in reading order.
func (u *pdfUnionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	switch {
	case ra < rb:
		u.parent[rb] = ra
	case rb < ra:
		u.parent[ra] = rb
	}
}

// pdfDropRunning removes running heads and feet: the first and last
// lines of pages that repeat on other pages (digits aside), and folios:
// the line at the very top or bottom of a page that is a decorated page
// number (— 1 —, 第1页 共8页, 1/8), or a bare number that counts the pages
// (page index plus the same offset, on at least half the pages).
func pdfDropRunning(pages [][]pitem) {
	const edge = 2 // lines looked at, at each end of a page
	ends := func(items []pitem, f func(k int)) {
		for k := 0; k < len(items) && k < edge && items[k].line != nil; k++ {
			f(k)
		}
		for k := len(items) - 1; k >= max(edge, len(items)-edge) && items[k].line != nil; k-- {
			f(k)
		}
	}
	// The running key of each line ends visits, page by page, made once:
	// it maps each rune of the line through the tables of package unicode.
	keys := make([]string, 0, 2*edge*len(pages))
	count := map[string]int{}
	for _, items := range pages {
		seen := map[string]bool{}
		ends(items, func(k int) {
			key := pdfRunningKey(items[k].line.text)
			keys = append(keys, key)
			seen[key] = true
		})
		for k := range seen {
			count[k]++
		}
	}
	// Bare page numbers: the offset from the page index most of them share.
	offsets := map[int]int{}
	bare := func(pi int, it pitem) (int, bool) {
		v, ok := pdfBareNumber(it.line.text)
		return v - pi - 1, ok
	}
	for pi, items := range pages {
		for _, k := range pdfEdgeItems(items) {
			if d, ok := bare(pi, items[k]); ok {
				offsets[d]++
			}
		}
	}
	next := 0 // the key in keys of the line ends visits next
	for pi, items := range pages {
		drop := map[int]bool{}
		ends(items, func(k int) {
			key := keys[next]
			next++
			if len(pages) >= 2 && count[key] >= max(2, (len(pages)+2)/3) && key != "" {
				drop[k] = true
			}
		})
		for _, k := range pdfEdgeItems(items) {
			t := items[k].line.text
			if d, ok := bare(pi, items[k]); ok {
				if offsets[d] >= max(2, (len(pages)+1)/2) || len(pages) == 1 && d == 0 {
					drop[k] = true
				}
			} else if pdfIsPageNumber(t) {
				drop[k] = true
			}
		}
		if len(drop) == 0 {
			continue
		}
		kept := items[:0]
		for k, it := range items {
			if !drop[k] {
				kept = append(kept, it)
			}
		}
		pages[pi] = kept
	}
}

// pdfEdgeItems returns the indexes of the first and last items of a page
// that are lines.
func pdfEdgeItems(items []pitem) []int {
	var ks []int
	if len(items) > 0 && items[0].line != nil {
		ks = append(ks, 0)
	}
	if n := len(items) - 1; n > 0 && items[n].line != nil {
		ks = append(ks, n)
	}
	return ks
}

// pdfBareNumber reads a line that is only a number.
func pdfBareNumber(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 5 {
		return 0, false
	}
	v := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		v = v*10 + int(r-'0')
	}
	return v, true
}

// pdfRunningKey is a line's text with digits and spaces removed.
func pdfRunningKey(s string) string {
	return strings.Map(func(r rune) rune {
		if pdfPlainRune(r) && !pdfPlainDigit(r) {
			return r // neither: told without the tables of package unicode
		}
		if unicode.IsDigit(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pdfIsPageNumber reports a decorated folio: a number with dashes or
// 第…页, N/M, “第 1 页 共 8 页”. It is whether s without its spaces and
// decorations is at most 8 bytes of digits and roman numerals, and it
// had a decoration; read a rune at a time, it stops at the first rune
// that tells it is not (in a line of text, nearly always the first).
func pdfIsPageNumber(s string) bool {
	decorated, n := false, 0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case strings.ContainsRune("-—–－‒―_·•|/／第页共頁", r):
			decorated = true
			continue
		}
		// The bytes r takes in s without its spaces and decorations,
		// as strings.Map would write it (bad UTF-8 as U+FFFD).
		if n += utf8.RuneLen(r); n > 8 {
			return false
		}
		if !unicode.IsDigit(r) && !strings.ContainsRune("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩivxIVX", r) {
			return false
		}
	}
	return decorated && n > 0
}

// pdfBlocks turns the pages' items into blocks: a grid per table, a
// paragraph per run of lines the layout wrapped (and per line that stands
// alone), with the noise rules of page text. Block.Line counts the lines
// of the text as laid out (a table row is a line).
func pdfBlocks(pages [][]pitem) []document.Block {
	var cands []document.Candidate
	lineNo := 0
	var para *pline // the paragraph being built
	var paraText strings.Builder
	paraLine, paraPage, paraStart := 0, -1, -1 // paraStart: the page the paragraph starts on
	var left, right float64
	flush := func() {
		if para == nil {
			return
		}
		s := strings.TrimSpace(document.NormalizeSpaces(paraText.String()))
		para = nil
		paraText.Reset()
		if s == "" {
			return
		}
		s, kind := document.ClassifyLine(s)
		cands = append(cands, document.Candidate{Block: document.Block{Line: paraLine, Page: paraStart + 1, Text: s}, Kind: kind})
	}
	for pi, items := range pages {
		pageLeft, pageRight := pdfMargins(items)
		for _, it := range items {
			if it.grid != nil {
				flush()
				cands = append(cands, document.Candidate{Block: document.Block{Line: lineNo + 1, Page: document.Block{Page: pi + 1, Table: it.grid}.RowPage(0), Table: it.grid}})
				lineNo += len(it.grid.Rows)
				continue
			}
			l := it.line
			lineNo++
			if para != nil && pdfContinues(para, l, paraPage != pi, left, right, pageLeft) {
				last, _ := utf8.DecodeLastRuneInString(paraText.String())
				first, _ := utf8.DecodeRuneInString(l.text)
				if (pdfIsLatin(last) || isDigit(last)) && (pdfIsLatin(first) || isDigit(first)) {
					paraText.WriteByte(' ')
				}
				paraText.WriteString(l.text)
				para, paraPage = l, pi
				left, right = pageLeft, pageRight
				continue
			}
			flush()
			para, paraLine, paraPage, paraStart = l, lineNo, pi, pi
			left, right = pageLeft, pageRight
			paraText.WriteString(l.text)
		}
	}
	flush()
	return document.FinishBlocks(cands)
}

// pdfMargins are the left and right edges of the text lines of a page.
func pdfMargins(items []pitem) (left, right float64) {
	left, right = math.Inf(1), math.Inf(-1)
	for _, it := range items {
		if it.line != nil && hasRunes(it.line.text, 8) {
			left, right = fmin(left, it.line.x0), fmax(right, it.line.x1)
		}
	}
	return left, right
}

// hasRunes reports utf8.RuneCountInString(s) >= n, counting no further
// than n: a rune (or a byte of bad UTF-8, counted as one) is 1 to
// utf8.UTFMax bytes, so the length alone decides most lines, which
// RuneCountInString counted to their end.
func hasRunes(s string, n int) bool {
	if len(s) < n {
		return false
	}
	if len(s) >= n*utf8.UTFMax {
		return true
	}
	for range s {
		if n--; n == 0 {
			return true
		}
	}
	return false
}

// pdfContinues reports whether line l goes on the paragraph whose last line
// is prev: prev is full (reaches the right margin), l is not indented and
// follows at the paragraph's leading, in the same type size, and neither
// is a row of cells. Across a page break the leading is not checked.
func pdfContinues(prev, l *pline, newPage bool, prevLeft, prevRight, left float64) bool {
	em := prev.size
	if prev.tabbed || l.tabbed || math.Abs(l.size-prev.size) > 0.15*em {
		return false
	}
	if prev.x1 < prevRight-pdfFullSlack*em {
		return false
	}
	if !newPage && (prev.y-l.y <= 0 || prev.y-l.y > pdfLeading*em) {
		return false
	}
	if l.x0 > left+0.5*em && l.x0 > prev.x0+0.5*em {
		return false // indented: a new paragraph
	}
	last, _ := utf8.DecodeLastRuneInString(prev.text)
	if strings.ContainsRune("。！？；：!?;:", last) && pdfStartsNumbered(l.text) {
		return false
	}
	return true
}

// pdfStartsNumbered reports text starting with a heading or list number:
// 一、 （一） 1. 1、 第一…
func pdfStartsNumbered(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == '（' || r == '(':
		return true
	case r == '第':
		return true
	case zh.IsNumeral(r):
		rest := strings.TrimLeft(s[size:], zh.Numerals)
		return strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, "是")
	case r >= '0' && r <= '9':
		rest := strings.TrimLeft(s, "0123456789")
		return strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "．")
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// pdfJoinContinued joins a ruled table that goes on over a page break: a
// table that ends its page and one that starts the next, with the same
// outer borders and column borders the first has, are one table. The
// header rows a word processor draws again on the new page (Word's
// 重复标题行) are dropped, and a row label that spans rows across the
// break (三、本年度办理结果 written down a narrow column, cut into 三、本年度
// and 办理结果) is one cell again.
func pdfJoinContinued(pages [][]pitem) {
	for p := 0; p+1 < len(pages); p++ {
		if len(pages[p]) == 0 || len(pages[p+1]) == 0 {
			continue
		}
		last, next := &pages[p][len(pages[p])-1], pages[p+1][0]
		if last.grid == nil || last.oneRow || next.grid == nil || !pdfAppendGrid(last, next) {
			continue
		}
		pages[p+1] = pages[p+1][1:]
		if len(pages[p+1]) == 0 {
			// The table filled the next page: it may go on past it.
			pages[p+1] = append(pages[p+1], *last)
			pages[p] = pages[p][:len(pages[p])-1]
		}
	}
	// A single ruled row that goes on no table is a line of cells.
	for p, items := range pages {
		for k, it := range items {
			if it.grid != nil && it.oneRow {
				pages[p][k] = pitem{page: it.page, top: it.top, line: pdfRowLine(it)}
			}
		}
	}
}

// pdfRowLine is a single ruled row as a line: its cells, tab-separated.
func pdfRowLine(it pitem) *pline {
	l := &pline{y: it.top, x0: it.xs[0], x1: it.xs[len(it.xs)-1], size: 1}
	row := it.grid.Rows[0]
	for c, cell := range row {
		if it.grid.IsCopy(0, c) || cell.Text == "" {
			continue
		}
		l.cells = append(l.cells, pcell{text: cell.Text, x0: it.xs[c], x1: it.xs[c+1]})
	}
	if len(l.cells) == 0 {
		l.cells = []pcell{{x0: l.x0, x1: l.x1}}
	}
	l.setText()
	return l
}

// pdfAppendGrid appends the rows of next, the same table continued, to
// last, and reports whether it did. The two parts may not have all their
// column borders in common (a label column subdivided only in some rows):
// both are laid out on the borders of either.
func pdfAppendGrid(last *pitem, next pitem) bool {
	if len(last.grid.Rows) == 0 || len(next.grid.Rows) == 0 {
		return false
	}
	n1, n2 := len(last.xs)-1, len(next.xs)-1
	if math.Abs(last.xs[0]-next.xs[0]) > pdfRuleTol || math.Abs(last.xs[n1]-next.xs[n2]) > pdfRuleTol {
		return false // other outer borders: another table
	}
	xs := pdfCluster(append(append([]float64(nil), last.xs...), next.xs...))
	a, okA := pdfOnColumns(last.grid, last.xs, xs)
	b, okB := pdfOnColumns(next.grid, next.xs, xs)
	if !okA || !okB {
		return false
	}
	width := len(xs) - 1
	// The header drawn again: leading rows of next that repeat last's.
	skip := 0
	for skip < len(b) && skip < len(a)-1 && pdfSameRow(b[skip], a[skip]) {
		skip++
	}
	if skip == len(b) {
		return false
	}
	base := len(a) - skip
	first := len(a) // the first row appended
	var pages []int // the rows' pages, when both parts know theirs
	if len(last.grid.RowPages) == len(a) && len(next.grid.RowPages) == len(b) {
		pages = append(last.grid.RowPages[:len(a):len(a)], next.grid.RowPages[skip:]...)
	}
	for _, row := range b[skip:] {
		for c := range row {
			row[c].OrigRow += base
		}
		a = append(a, row)
	}
	g := &document.Grid{Rows: a, RowPages: pages}
	// A label cut by the break: the part at the top of the new page goes
	// on the cell above when one of them spans rows and it does not start
	// a numbered label of its own (三、本年度 / 办理结果, （六 / ）其他处理).
	for c := 0; c < width; c++ {
		up, down := a[first-1][c], a[first][c]
		if up.OrigCol != c || down.OrigCol != c || down.OrigRow != first {
			continue
		}
		if up.Text == "" || pdfNumericCell(up.Text) || pdfNumericCell(down.Text) || pdfStartsNumbered(down.Text) || pdfStartsDigitItem(down.Text) {
			continue
		}
		downSpans := first+1 < len(a) && a[first+1][c].OrigRow == first && a[first+1][c].OrigCol == c
		if !downSpans && up.OrigRow == first-1 {
			continue // two labels of one row each
		}
		if pdfCellWidth(g, first, c) != pdfCellWidth(g, first-1, c) {
			continue
		}
		text := up.Text + down.Text
		for r := up.OrigRow; r < len(a); r++ {
			for cc := range a[r] {
				cell := &a[r][cc]
				if cell.OrigRow == up.OrigRow && cell.OrigCol == up.OrigCol || cell.OrigRow == first && cell.OrigCol == c {
					cell.Text, cell.OrigRow, cell.OrigCol = text, up.OrigRow, up.OrigCol
				}
			}
		}
	}
	last.grid.Rows, last.grid.RowPages, last.xs = a, pages, xs
	return true
}

// pdfOnColumns lays the grid g, whose column borders are from, out on the
// finer borders to: each of its columns covers one or more of to's.
func pdfOnColumns(g *document.Grid, from, to []float64) ([][]document.GridCell, bool) {
	cols := make([][2]int, len(from)-1)
	for j := range cols {
		l, r := pdfNearest(to, from[j]), pdfNearest(to, from[j+1])
		if l < 0 || r <= l {
			return nil, false
		}
		cols[j] = [2]int{l, r}
	}
	rows := make([][]document.GridCell, len(g.Rows))
	for i, row := range g.Rows {
		rows[i] = make([]document.GridCell, len(to)-1)
		for j, cell := range row {
			for c := cols[j][0]; c < cols[j][1]; c++ {
				rows[i][c] = document.GridCell{Text: cell.Text, OrigRow: cell.OrigRow, OrigCol: cols[cell.OrigCol][0]}
			}
		}
	}
	return rows, true
}

// pdfSameRow reports whether two rows of one table hold the same cells.
func pdfSameRow(x, y []document.GridCell) bool {
	if len(x) != len(y) {
		return false
	}
	any := false
	for c := range x {
		if x[c].Text != y[c].Text || (x[c].OrigCol == c) != (y[c].OrigCol == c) {
			return false
		}
		any = any || x[c].Text != ""
	}
	return any
}

// pdfCellWidth is the number of columns the cell at (r, c) spans in row r.
func pdfCellWidth(g *document.Grid, r, c int) int {
	cell := g.Rows[r][c]
	n := 0
	for _, x := range g.Rows[r] {
		if x.OrigRow == cell.OrigRow && x.OrigCol == cell.OrigCol {
			n++
		}
	}
	return n
}
