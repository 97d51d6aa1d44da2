package pdf

import (
	"slices"
	"strings"

	"xxgk/fonts"
)

// table is a grid of cells, some merged, drawn with borders. The first
// header rows are repeated at the top of every page the table runs onto;
// a row never splits across pages.
type table struct {
	widths []float64 // relative column widths, scaled to the text width
	// fit marks columns as wide as the widest piece of their own cells
	// that no line may break (三、 or （三）, with their padding): the
	// narrow columns of 表三's row groups. The others share what is left.
	fit       []bool
	header    int // rows repeated on every page
	rows      int
	cells     []tcell
	size      float64 // font size in points
	landscape bool
	// keep moves a table that fits on a page but not below the current
	// position to a new page (the official tables); lists flow on.
	keep bool
	// together, when set, is for each row the first row of the rows it
	// stays on one page with (a compared row's 上年, 本年 and 增减).
	together []int
}

// tcell is one (possibly merged) cell; rows and columns are 0-based and
// inclusive.
type tcell struct {
	r0, c0, r1, c1 int
	text           string
	align          string // L, C or R
	bold           bool   // set in 黑体, as headers are
}

// face is the face a cell is set in.
func (c tcell) face() fonts.Face {
	if c.bold {
		return fonts.Heading
	}
	return fonts.Body
}

func newTable(size float64, widths ...float64) *table {
	return &table{widths: widths, size: size}
}

// newList is a table with one bold header row of labels, repeated on
// every page, for rows appended by row.
func newList(size float64, widths []float64, labels ...string) *table {
	t := newTable(size, widths...)
	head := make([]tcell, len(labels))
	for i, l := range labels {
		head[i] = cellBold(l)
	}
	t.row(head...)
	t.header = 1
	return t
}

// Cell constructors for row.
func cellLeft(s string) tcell   { return tcell{text: s, align: "L"} }
func cellCenter(s string) tcell { return tcell{text: s, align: "C"} }
func cellRight(s string) tcell  { return tcell{text: s, align: "R"} }
func cellBold(s string) tcell   { return tcell{text: s, align: "C", bold: true} }

// row appends a row of single cells, one per column.
func (t *table) row(cells ...tcell) {
	for c, x := range cells {
		x.r0, x.r1, x.c0, x.c1 = t.rows, t.rows, c, c
		t.cells = append(t.cells, x)
	}
	t.rows++
}

// merge adds a merged cell and makes the table tall enough for it.
func (t *table) merge(r0, c0, r1, c1 int, x tcell) {
	x.r0, x.c0, x.r1, x.c1 = r0, c0, r1, c1
	t.cells = append(t.cells, x)
	t.rows = max(t.rows, r1+1)
}

// Cell padding and line pitch of table text.
const (
	padX       = 1.2
	padY       = 1.0
	tableLines = 1.3
)

// tableGeom is a table measured for the current page width.
type tableGeom struct {
	x       []float64 // left edge of each column, and the right edge last
	heights []float64 // row heights
	lines   [][]string
	lh      float64
	// Indexes of t.cells, so that a page costs its own rows, not the
	// whole table's: the header cells, the body cells by their first row,
	// and the body cells merged over several rows.
	head, tall []int
	starts     [][]int
}

func (d *doc) measureTable(t *table) tableGeom {
	widths := d.columnWidths(t)
	d.font(fonts.Body, t.size)
	g := tableGeom{x: make([]float64, len(widths)+1), heights: make([]float64, t.rows), lh: d.lineHeight(tableLines)}
	g.x[0] = d.left()
	for i, w := range widths {
		g.x[i+1] = g.x[i] + w
	}
	minH := g.lh + 2*padY
	for r := range g.heights {
		g.heights[r] = minH
	}
	g.lines = make([][]string, len(t.cells))
	g.starts = make([][]int, t.rows)
	need := make([]float64, len(t.cells))
	for i, c := range t.cells {
		switch {
		case c.r0 < t.header:
			g.head = append(g.head, i)
		case c.r1 > c.r0:
			g.tall = append(g.tall, i)
		}
		g.starts[c.r0] = append(g.starts[c.r0], i)
		d.font(c.face(), t.size)
		g.lines[i] = breakLines(c.text, g.x[c.c1+1]-g.x[c.c0]-2*padX, d.measure)
		need[i] = float64(len(g.lines[i]))*g.lh + 2*padY
		if c.r0 == c.r1 {
			g.heights[c.r0] = max(g.heights[c.r0], need[i])
		}
	}
	// A cell merged over rows that are together too low enlarges the last.
	for i, c := range t.cells {
		if c.r0 == c.r1 {
			continue
		}
		have := 0.0
		for r := c.r0; r <= c.r1; r++ {
			have += g.heights[r]
		}
		if need[i] > have {
			g.heights[c.r1] += need[i] - have
		}
	}
	return g
}

// columnWidths are the widths of t's columns in millimetres on the
// current page: the fit columns as wide as their content needs, the
// others sharing the rest in proportion.
func (d *doc) columnWidths(t *table) []float64 {
	out := make([]float64, len(t.widths))
	rest, shares := d.textWidth(), 0.0
	for i := range t.widths {
		if i >= len(t.fit) || !t.fit[i] {
			shares += t.widths[i]
			continue
		}
		var own []tcell
		w := 0.0
		for _, c := range t.cells {
			if c.c0 == i && c.c1 == i {
				own = append(own, c)
				d.font(c.face(), t.size)
				for _, g := range groups(c.text) {
					w = max(w, d.measure(strings.TrimRight(g, " ")))
				}
			}
		}
		// Wider by a character or two where a cell would end on one
		// character alone (三、本/年度办/理结果, not 三、/本年/度办/理结/果).
		em := t.size * ptToMM
		for range 2 {
			if !slices.ContainsFunc(own, func(c tcell) bool {
				d.font(c.face(), t.size)
				return widowed(breakLines(c.text, w, d.measure))
			}) {
				break
			}
			w += em
		}
		out[i] = w + 2*padX
		rest -= out[i]
	}
	for i, w := range t.widths {
		if i >= len(t.fit) || !t.fit[i] {
			out[i] = w / shares * rest
		}
	}
	return out
}

func (g tableGeom) span(r0, r1 int) float64 {
	h := 0.0
	for r := r0; r <= r1; r++ {
		h += g.heights[r]
	}
	return h
}

// drawTable draws t at the current position, under an optional caption
// kept with the header and the first row, breaking pages between rows and
// repeating the header rows on each new page.
func (d *doc) drawTable(t *table, caption string) {
	if t.landscape != d.landscape() {
		d.need(0) // a waiting heading stays on the page before
		d.addPage(t.landscape)
	}
	g := d.measureTable(t)
	headH := g.span(0, t.header-1)
	first := 0.0
	if t.header < t.rows {
		first = g.heights[t.header]
	}
	capH := 0.0
	if caption != "" {
		d.font(lookSubheading.face, lookSubheading.size)
		capH = d.lineHeight(lookSubheading.pitch) * float64(len(breakIndented(caption,
			d.textWidth()-lookSubheading.indent*lookSubheading.size*ptToMM, d.textWidth(), d.measure)))
	}
	// A kept table that fits on a page is not split; others start
	// where at least its header and first row fit.
	whole := capH + g.span(0, t.rows-1)
	if t.keep && whole <= d.bottom()-d.top() {
		d.need(whole)
	} else {
		d.need(capH + headH + first)
	}
	if caption != "" {
		d.text(lookSubheading, caption)
	}
	start := t.header
	y := d.f.GetY() + headH
	for r := t.header; r < t.rows; r++ {
		if y+g.heights[r] > d.bottom() && r > start {
			if b := keepMerged(t, g, start, r, d.bottom()-d.top()-headH); b < r {
				r = b
			}
			if t.together != nil && t.together[r] > start && t.together[r] < r {
				r = t.together[r]
			}
			d.drawRows(t, g, start, r-1)
			d.addPage(t.landscape)
			start, y = r, d.f.GetY()+headH
		}
		y += g.heights[r]
	}
	d.drawRows(t, g, start, t.rows-1)
	d.f.SetXY(d.left(), y)
	d.space(2)
}

// keepMerged moves a page break at row r up to the first row of a merged
// cell the break would cut so that one of its parts is too low for its
// text, if the whole cell fits on a page (a group label such as （四）无法提供
// then moves with its rows). It never moves the break above start+1.
func keepMerged(t *table, g tableGeom, start, r int, room float64) int {
	for moved := true; moved; {
		moved = false
		for _, i := range g.tall {
			c := t.cells[i]
			if c.r0 <= start || c.r0 >= r || c.r1 < r {
				continue
			}
			need := float64(len(g.lines[i]))*g.lh + 2*padY
			if g.span(c.r0, r-1) >= need && g.span(r, c.r1) >= need || g.span(c.r0, c.r1) > room {
				continue
			}
			r, moved = c.r0, true
		}
	}
	return r
}

// drawRows draws the header and the body rows a..b (inclusive) from the
// current position. A cell merged over rows beyond the page is drawn on
// each page it reaches, with its text.
func (d *doc) drawRows(t *table, g tableGeom, a, b int) {
	top := d.f.GetY()
	// rowY maps a row to its top on this page: header rows first, then a..b.
	rowY := map[int]float64{}
	y := top
	for r := 0; r < t.header; r++ {
		rowY[r], y = y, y+g.heights[r]
	}
	for r := a; r <= b; r++ {
		rowY[r], y = y, y+g.heights[r]
	}
	d.f.SetLineWidth(0.2)
	d.f.SetFillColor(238, 238, 238)
	// The cells on this page, in the order of t.cells.
	cells := slices.Clone(g.head)
	for r := a; r <= b; r++ {
		for _, i := range g.starts[r] {
			if t.cells[i].r0 >= t.header {
				cells = append(cells, i)
			}
		}
	}
	for _, i := range g.tall {
		if c := t.cells[i]; c.r0 < a && c.r1 >= a {
			cells = append(cells, i)
		}
	}
	slices.Sort(cells)
	for _, i := range cells {
		c := t.cells[i]
		r0, r1 := c.r0, c.r1
		if r0 >= t.header { // body: clip to the rows on this page
			r0, r1 = max(r0, a), min(r1, b)
			if r0 > r1 {
				continue
			}
		}
		x0, x1 := g.x[c.c0], g.x[c.c1+1]
		y0 := rowY[r0]
		h := g.span(r0, r1)
		style := "D"
		if c.r0 < t.header {
			style = "FD"
		}
		d.f.Rect(x0, y0, x1-x0, h, style)
		d.cellText(t, c, g.lines[i], x0, y0, x1-x0, h, g.lh)
	}
}

// cellText draws a cell's lines centred vertically.
func (d *doc) cellText(t *table, c tcell, lines []string, x, y, w, h, lh float64) {
	d.font(c.face(), t.size)
	ty := y + (h-float64(len(lines))*lh)/2
	for j, line := range lines {
		d.f.SetXY(x+padX, ty+float64(j)*lh)
		d.cell(w-2*padX, lh, trimSpaces(line), c.align)
	}
}
