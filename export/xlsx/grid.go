package xlsx

import (
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// gcell is one cell of a grid. A cell with neither text nor number is
// written empty (with its style, so borders and locking apply).
type gcell struct {
	text    string
	num     any // int64 or float64; nil when absent
	formula string
	style   style
	comment string
	used    bool
	covered bool // inside a merge but not its top-left cell
}

// span is a merged range, 0-based and inclusive.
type span struct{ r0, c0, r1, c1 int }

// grid is a sheet built in memory before it is streamed: rows must reach the
// StreamWriter in order, but layouts are easier to write cell by cell.
type grid struct {
	rows    [][]gcell
	widths  []float64
	merges  []span
	heights map[int]float64 // fixed heights; others are computed

	titleRows  [2]int // 0-based inclusive rows repeated on every printed page; [-1,-1] none
	freeze     [2]int // rows and columns frozen at the top left (panes); zero none
	titleCols  int    // columns repeated at the left of every printed page
	pagesWide  int    // pages the sheet is fitted across when printed; 0 means 1
	onePage    bool   // fitted on one page, down as well as across
	landscape  bool
	protect    bool
	dvs        []*excelize.DataValidation
	autoFilter string
	body       *bodyRows // rows made as the sheet is streamed; nil for none
}

// bodyRows are rows from..from+n-1 of a grid, made one at a time as the
// sheet is streamed, so that a list of 100,000 agencies is never held as
// cells. They have no merges and no fixed heights; the grid's own rows
// there are empty.
type bodyRows struct {
	from, n int
	// row returns the cells of the i-th row (0-based), in buf's memory.
	row func(i int, buf []gcell) []gcell
}

func newGrid(widths ...float64) *grid {
	return &grid{widths: widths, heights: map[int]float64{}, titleRows: [2]int{-1, -1}}
}

func (g *grid) at(r, c int) *gcell {
	for len(g.rows) <= r {
		g.rows = append(g.rows, nil)
	}
	for len(g.rows[r]) <= c {
		g.rows[r] = append(g.rows[r], gcell{})
	}
	return &g.rows[r][c]
}

// set puts text (or nothing) at (r, c) with a style.
func (g *grid) set(r, c int, text string, s style) *gcell {
	x := g.at(r, c)
	x.text, x.style, x.used = text, s, true
	return x
}

// merge puts text in the range and gives every covered cell the same style,
// so that the range's borders print on all sides.
func (g *grid) merge(r0, c0, r1, c1 int, text string, s style) *gcell {
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			x := g.set(r, c, "", s)
			x.covered = r != r0 || c != c0
		}
	}
	if r1 > r0 || c1 > c0 {
		g.merges = append(g.merges, span{r0, c0, r1, c1})
	}
	x := g.at(r0, c0)
	x.text = text
	return x
}

func (g *grid) width() int { return len(g.widths) }

// totalHeight is the height of the sheet's rows in points.
func (g *grid) totalHeight() float64 {
	h := 0.0
	for _, x := range g.rowHeights() {
		h += x
	}
	return h
}

func (g *grid) totalWidth() float64 {
	t := 0.0
	for _, w := range g.widths {
		t += w
	}
	return t
}

// textUnits is the width of s in column-width units: CJK characters and
// full-width punctuation take two, others one.
func textUnits(s string) float64 {
	u := 0.0
	for _, r := range s {
		switch {
		case r == '\n':
		case r >= 0x2E80 || (r >= 0x1100 && r <= 0x115F):
			u += 2
		default:
			u += 1.1
		}
	}
	return u
}

// lineHeight is the height in points of one line of 11-point 宋体.
const (
	lineHeight   = 15.0
	minHeight    = 20.0
	maxRowHeight = 409.0 // the most Excel allows
)

func linesFor(text string, width float64) int {
	n := 0
	for _, para := range strings.Split(text, "\n") {
		usable := math.Max(width-1.5, 2)
		n += max(1, int(math.Ceil(textUnits(para)/usable)))
	}
	return n
}

// rowHeights gives every row the height its wrapped text needs: single-row
// cells set their row's height; a cell merged over several rows enlarges its
// last row if the rows together are too low.
func (g *grid) rowHeights() []float64 {
	h := make([]float64, len(g.rows))
	spans := map[[2]int]span{}
	for _, m := range g.merges {
		spans[[2]int{m.r0, m.c0}] = m
	}
	need := func(r, c int) (span, float64) {
		m, ok := spans[[2]int{r, c}]
		if !ok {
			m = span{r, c, r, c}
		}
		return m, g.cellHeight(&g.rows[r][c], m.c0, m.c1)
	}
	for r := range g.rows {
		h[r] = minHeight
		if fixed, ok := g.heights[r]; ok {
			h[r] = fixed
			continue
		}
		for c := range g.rows[r] {
			if m, n := need(r, c); m.r0 == m.r1 {
				h[r] = math.Max(h[r], n)
			}
		}
	}
	for r := range g.rows {
		for c := range g.rows[r] {
			m, n := need(r, c)
			if m.r0 == m.r1 {
				continue
			}
			have := 0.0
			for i := m.r0; i <= m.r1; i++ {
				have += h[i]
			}
			if n > have {
				h[m.r1] += n - have
			}
		}
	}
	// Excel's limit: a longer text is cut on screen but kept in the cell.
	for r := range h {
		h[r] = math.Min(h[r], maxRowHeight)
	}
	return h
}

// cellHeight is the height in points the text of x needs over columns
// c0..c1; 0 without text.
func (g *grid) cellHeight(x *gcell, c0, c1 int) float64 {
	if x.text == "" {
		return 0
	}
	w := 0.0
	for i := c0; i <= c1 && i < len(g.widths); i++ {
		w += g.widths[i]
	}
	size := 1.0
	switch x.style {
	case sTitle:
		size = 16.0 / 11
	case sHeading, sBlock:
		size = 12.0 / 11
	}
	return float64(linesFor(x.text, w/size))*lineHeight*size + 5
}

// bodyHeight is the height of a row of bodyRows, as rowHeights gives a
// row of single cells.
func (g *grid) bodyHeight(row []gcell) float64 {
	h := minHeight
	for c := range row {
		h = math.Max(h, g.cellHeight(&row[c], c, c))
	}
	return math.Min(h, maxRowHeight)
}

// rowCount is the number of rows of the sheet, body rows included.
func (g *grid) rowCount() int {
	n := len(g.rows)
	if g.body != nil {
		n = max(n, g.body.from+g.body.n)
	}
	return n
}

// eachRow calls f with every row of the sheet in order and its height,
// body rows made as they come (row is valid until the next call).
func (g *grid) eachRow(f func(r int, row []gcell, height float64) error) error {
	heights := g.rowHeights()
	var buf []gcell
	for r := range g.rowCount() {
		if b := g.body; b != nil && r >= b.from && r < b.from+b.n {
			buf = b.row(r-b.from, buf)
			if err := f(r, buf, g.bodyHeight(buf)); err != nil {
				return err
			}
			continue
		}
		var row []gcell
		if r < len(g.rows) {
			row = g.rows[r]
		}
		if err := f(r, row, heights[r]); err != nil {
			return err
		}
	}
	return nil
}

func cellName(r, c int) string {
	name, _ := excelize.CoordinatesToCellName(c+1, r+1)
	return name
}

// quoteSheet quotes a sheet name for references.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// stream emits the grid as sheet name of f. Everything that lives outside
// sheetData (page setup, protection, validations) is set through the
// ordinary API first, by setup; NewStreamWriter picks it up and writes it
// around the streamed rows. Comments are not written here but appended to
// notes, in row-major order: book.write adds them to the package (see
// comments.go).
func (g *grid) stream(f *excelize.File, st *styles, name string, notes *[]note) error {
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	// excelize prepends each column it is given: set them right to left so
	// that <cols> comes out in ascending order, as Excel requires. Columns
	// of one width are set as one range: excelize looks through the list
	// for every cell without a style of its own, and a detail sheet has a
	// hundred columns and a row per agency.
	for hi := len(g.widths) - 1; hi >= 0; {
		lo := hi
		for lo > 0 && g.widths[lo-1] == g.widths[hi] {
			lo--
		}
		if err := sw.SetColWidth(lo+1, hi+1, g.widths[hi]); err != nil {
			return err
		}
		hi = lo - 1
	}
	if rows, cols := g.freeze[0], g.freeze[1]; rows > 0 || cols > 0 {
		if err := sw.SetPanes(frozenPanes(rows, cols)); err != nil {
			return err
		}
	}
	err = g.eachRow(func(r int, row []gcell, height float64) error {
		vals := make([]any, len(row))
		for c, x := range row {
			if x.comment != "" {
				*notes = append(*notes, note{cellName(r, c), x.comment})
			}
			if !x.used {
				continue
			}
			cell := excelize.Cell{StyleID: st.of(x.style), Formula: x.formula}
			switch {
			case x.num != nil:
				cell.Value = x.num
			case x.text != "":
				cell.Value = x.text
			}
			vals[c] = cell
		}
		return sw.SetRow(cellName(r, 0), vals, excelize.RowOpts{Height: height})
	})
	if err != nil {
		return err
	}
	for _, m := range g.merges {
		if err := sw.MergeCell(cellName(m.r0, m.c0), cellName(m.r1, m.c1)); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// setup applies print settings, protection and validations.
func (g *grid) setup(f *excelize.File, name string) error {
	orient := "portrait"
	if g.landscape {
		orient = "landscape"
	}
	a4, one, zero, yes := 9, max(1, g.pagesWide), 0, true
	if g.onePage {
		zero = 1 // FitToHeight: one page tall
	}
	// First: AutoFilter replaces the sheet properties SetSheetProps sets.
	if g.autoFilter != "" {
		if err := f.AutoFilter(name, g.autoFilter, nil); err != nil {
			return err
		}
	}
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return err
	}
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	// Margins in inches: Excel's "narrow" preset, which official forms use
	// to keep the wide tables legible.
	side, edge, hf := 0.25, 0.75, 0.3
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &edge, Bottom: &edge, Header: &hf, Footer: &hf, Horizontally: &yes,
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: footer}); err != nil {
		return err
	}
	// The rows and columns repeated on every printed page
	// (_xlnm.Print_Titles) are not set here: book.write puts them into the
	// workbook (see printTitles).
	for _, dv := range g.dvs {
		if err := f.AddDataValidation(name, dv); err != nil {
			return err
		}
	}
	if g.protect {
		return f.ProtectSheet(name, &excelize.SheetProtectionOptions{
			SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
		})
	}
	return nil
}

// footer is the page number footer, centred: 第 1 页 共 3 页.
const footer = "&C第 &P 页 共 &N 页"

// commentWidth and commentHeight are the box of evidence comments in
// pixels: wide enough for a table line of a report.
const commentWidth, commentHeight = 320, 110

// frozenPanes freezes the top rows and the left columns.
func frozenPanes(rows, cols int) *excelize.Panes {
	pane := "bottomRight"
	switch {
	case cols == 0:
		pane = "bottomLeft"
	case rows == 0:
		pane = "topRight"
	}
	top := cellName(rows, cols)
	return &excelize.Panes{Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: top, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: pane}}}
}

// printTitles is the reference of the rows and columns repeated on every
// printed page ('表三'!$4:$6, '各单位'!$A:$B,'各单位'!$1:$3), or "".
func (g *grid) printTitles(sheet string) string {
	var refs []string
	if g.titleCols > 0 {
		last, _ := excelize.ColumnNumberToName(g.titleCols)
		refs = append(refs, quoteSheet(sheet)+"!$A:$"+last)
	}
	if g.titleRows[0] >= 0 {
		refs = append(refs, quoteSheet(sheet)+"!$"+strconv.Itoa(g.titleRows[0]+1)+":$"+strconv.Itoa(g.titleRows[1]+1))
	}
	return strings.Join(refs, ",")
}
