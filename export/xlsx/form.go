package xlsx

import (
	"fmt"
	"slices"
	"strings"

	"xxgk/export/layout"
	"xxgk/templates"
	"xxgk/workbook"
)

// formHeader is what the title rows say.
type formHeader struct {
	agency   string
	year     int
	template bool
	rollup   bool // a 汇总: agency is the office filing it (汇总单位), maybe ""
}

// slot is a data cell of the form at a grid position.
type slot struct {
	t    *templates.Table
	row  *templates.Row
	col  *templates.Column
	key  string
	r, c int
}

// formGrid is an official sheet with its data cells located.
type formGrid struct {
	*grid
	slots  []slot
	covers []cover                         // the 填报单位数 cells of a roll-up's summed table
	byKey  map[string]int                  // cell key → index in slots
	totals map[string][]templates.Relation // total cell key → identities that define it
}

// cover is a 填报单位数 cell (layout.Coverage) of a data row.
type cover struct {
	t    *templates.Table
	row  *templates.Row
	r, c int
}

// Rows above every table: title, 填报单位/报告年度, section heading.
const tableTop = 3

const (
	titleSuffix = "政府信息公开工作年度报告统计表"
	unitLabel   = workbook.AgencyLabel + "："
	yearLabel   = workbook.YearLabel + "："
)

// cellStyles are the styles of the layout's cells.
var cellStyles = [...]style{
	layout.Header: sHeader, layout.Corner: sLabelCenter,
	layout.RowLabel: sLabel, layout.GroupLabel: sLabelCenter,
	layout.Unit: sUnit, layout.Code: sUnit,
	layout.Data: sNumber, layout.Empty: sNumber, layout.Coverage: sCoverage,
}

// buildForm draws a group of the form's layout as a sheet: the title rows,
// then its tables one under another.
func buildForm(g *layout.Group, h formHeader) *formGrid {
	fg := newFormGrid(columnWidths(g)...)
	var tables []*templates.Table
	r := tableTop
	for _, t := range g.Tables {
		for _, c := range t.Cells {
			text := c.TextIn(h.year)
			switch c.Kind {
			case layout.Header, layout.Corner, layout.GroupLabel, layout.RowLabel:
				text = balanced(text, fg.spanWidth(c.Col0, c.Col1))
			}
			fg.merge(r+c.Row0, c.Col0, r+c.Row1, c.Col1, text, cellStyles[c.Kind])
			switch c.Kind {
			case layout.Data:
				fg.addSlot(t.Table, c.Row, c.Col, r+c.Row0, c.Col0)
			case layout.Coverage:
				fg.covers = append(fg.covers, cover{t.Table, c.Row, r + c.Row0, c.Col0})
			}
		}
		r += t.Rows
		tables = append(tables, t.Table)
	}
	// Printed on every page: the header rows of a table; above stacked
	// blocks, which have a header each, the title rows.
	fg.titleRows = [2]int{0, tableTop - 1}
	if t := g.Tables[0]; g.Kind != layout.Blocks {
		fg.titleRows = [2]int{tableTop, tableTop + t.HeaderRows - 1}
	}
	fg.titleRowsFor(g, h)
	fg.landscape = fg.totalWidth() > 110
	if g.Kind == layout.Nested {
		// 表三 and 表四 print on one page, in the orientation that prints
		// them larger.
		fg.onePage = true
		fg.landscape = landscapeLarger(fg.totalWidth(), fg.totalHeight())
	}
	fg.findTotals(tables)
	return fg
}

// A4 less the margins of setup, in points: what a page prints on.
const (
	a4Width, a4Height = 8.27*72 - 2*0.25*72, 11.69*72 - 2*0.75*72
	pointsPerUnit     = 5.6 // a column width unit of 11-point 宋体, in points
)

// landscapeLarger reports whether a sheet width units wide and height
// points tall prints clearly larger (by a tenth: heights are estimates) on
// a landscape page than on an upright one, the official forms' own, when
// it is fitted on one page.
func landscapeLarger(width, height float64) bool {
	w := width * pointsPerUnit
	portrait := min(a4Width/w, a4Height/height)
	landscape := min(a4Height/w, a4Width/height)
	return landscape > portrait*1.1
}

// spanWidth is the width of columns c0..c1.
func (g *grid) spanWidth(c0, c1 int) float64 {
	w := 0.0
	for c := c0; c <= c1 && c < len(g.widths); c++ {
		w += g.widths[c]
	}
	return w
}

// Column widths, in characters of the sheet's font.
const coverageWidth = 12

var (
	dataWidth  = [...]float64{layout.Blocks: 18, layout.Nested: 10, layout.List: 14}
	listWidths = map[string]float64{"indicator": 58, "unit": 9, "code": 6, "item": 30}
)

// columnWidths are the widths of a group's columns.
func columnWidths(g *layout.Group) []float64 {
	grid := g.Tables[0]
	widths := make([]float64, len(grid.Columns))
	for i, c := range grid.Columns {
		switch {
		case c.Coverage:
			widths[i] = coverageWidth
		case c.Label:
			widths[i] = labelWidth(g, i, c)
		default:
			widths[i] = dataWidth[g.Kind]
		}
	}
	return widths
}

// labelWidth is the width of label column i of a group.
func labelWidth(g *layout.Group, i int, c layout.Column) float64 {
	switch g.Kind {
	case layout.Blocks: // as wide as its longest text, up to 30
		w := 0.0
		for _, t := range g.Tables {
			for _, x := range t.Cells {
				if x.Col1 == i {
					w = max(w, textUnits(x.Text))
				}
			}
		}
		return min(w+3, 30)
	case layout.Nested: // the row labels inside, group labels outside
		switch i {
		case g.Tables[0].LabelCols - 1:
			return 38
		case 0: // three characters a line: 三、本 / 年度办 / 理结果
			return 8
		}
		return 12
	}
	if w, ok := listWidths[c.Key]; ok {
		return w
	}
	return dataWidth[layout.List]
}

// titleRowsFor draws the rows above the table.
func (fg *formGrid) titleRowsFor(g *layout.Group, h formHeader) {
	w := fg.width()
	title, unit, year, s := titleSuffix, unitLabel, yearLabel, sSubtitle
	switch {
	case h.rollup:
		title = h.agency + yearText(h.year) + titleSuffix + "（汇总）"
		unit = "汇总单位：" + h.agency
		year += nonEmpty(yearText(h.year), "未识别")
	case !h.template:
		title = h.agency + yearText(h.year) + titleSuffix
		unit += h.agency
		if h.year > 0 {
			year += fmt.Sprintf("%d年", h.year)
		}
	}
	fg.merge(0, 0, 0, w-1, title, sTitle)
	fg.heights[0] = max(36, float64(linesFor(title, fg.totalWidth()/1.45))*24+8)
	mid := max(1, (w+1)/2)
	if w == 3 {
		mid = 2 // 统计表: the long indicator column and the unit column
	}
	x := fg.merge(1, 0, 1, mid-1, unit, s)
	if h.template { // shows what is typed once on 填表说明
		x.formula = fieldFormula(unitLabel, instrAgencyRow)
	}
	if mid < w {
		x := fg.merge(1, mid, 1, w-1, year, s)
		if h.template {
			x.formula = fieldFormula(yearLabel, instrYearRow)
		}
	}
	fg.merge(2, 0, 2, w-1, g.Section.Heading, sHeading)
}

// insertRows inserts n empty rows before row at, moving the rows below,
// their merges, fixed heights, print titles and data cells down.
func (fg *formGrid) insertRows(at, n int) {
	g := fg.grid
	g.rows = slices.Insert(g.rows, at, make([][]gcell, n)...)
	down := func(r int) int {
		if r >= at {
			return r + n
		}
		return r
	}
	for i, m := range g.merges {
		g.merges[i] = span{down(m.r0), m.c0, down(m.r1), m.c1}
	}
	heights := make(map[int]float64, len(g.heights))
	for r, h := range g.heights {
		heights[down(r)] = h
	}
	g.heights = heights
	if g.titleRows[0] >= 0 {
		g.titleRows = [2]int{down(g.titleRows[0]), down(g.titleRows[1])}
	}
	for i := range fg.slots {
		fg.slots[i].r = down(fg.slots[i].r)
	}
	for i := range fg.covers {
		fg.covers[i].r = down(fg.covers[i].r)
	}
}

func yearText(y int) string {
	if y <= 0 {
		return ""
	}
	return fmt.Sprintf("%d年", y)
}

func newFormGrid(widths ...float64) *formGrid {
	return &formGrid{grid: newGrid(widths...), byKey: map[string]int{}, totals: map[string][]templates.Relation{}}
}

func (fg *formGrid) addSlot(t *templates.Table, row *templates.Row, col *templates.Column, r, c int) {
	key := t.CellKey(row.Key, col.Key)
	fg.byKey[key] = len(fg.slots)
	fg.slots = append(fg.slots, slot{t: t, row: row, col: col, key: key, r: r, c: c})
}

// findTotals records the identities whose left side is one cell of the
// sheet and whose right side adds cells: those cells are totals and get a
// formula.
func (fg *formGrid) findTotals(tables []*templates.Table) {
	for _, t := range tables {
		for _, rel := range t.Relations() {
			if rel.Op != "==" || len(rel.LHS) != 1 || len(rel.RHS) == 0 || rel.Const != "" {
				continue
			}
			key := t.CellKey(rel.LHS[0].Row, rel.LHS[0].Col)
			if _, ok := fg.byKey[key]; !ok || !fg.allSlots(t, rel.RHS) {
				continue
			}
			fg.totals[key] = append(fg.totals[key], rel)
		}
	}
}

func (fg *formGrid) allSlots(t *templates.Table, refs []templates.CellRef) bool {
	for _, ref := range refs {
		if _, ok := fg.byKey[t.CellKey(ref.Row, ref.Col)]; !ok {
			return false
		}
	}
	return true
}

// formula is the SUM of the relation's right side, contiguous cells written
// as ranges: SUM(D9:D30), SUM(C40:C43,C50:C53).
func (fg *formGrid) formula(t *templates.Table, rel templates.Relation) string {
	pos := make([][2]int, 0, len(rel.RHS))
	for _, ref := range rel.RHS {
		s := fg.slots[fg.byKey[t.CellKey(ref.Row, ref.Col)]]
		pos = append(pos, [2]int{s.r, s.c})
	}
	slices.SortFunc(pos, func(a, b [2]int) int {
		if a[1] != b[1] {
			return a[1] - b[1]
		}
		return a[0] - b[0]
	})
	var parts []string
	for i := 0; i < len(pos); {
		j := i
		for j+1 < len(pos) && pos[j+1][1] == pos[i][1] && pos[j+1][0] == pos[j][0]+1 {
			j++
		}
		// Runs along a row: consecutive columns of one row.
		if j == i {
			for j+1 < len(pos) && pos[j+1][0] == pos[i][0] && pos[j+1][1] == pos[j][1]+1 {
				j++
			}
		}
		part := cellName(pos[i][0], pos[i][1])
		if j > i {
			part += ":" + cellName(pos[j][0], pos[j][1])
		}
		parts = append(parts, part)
		i = j + 1
	}
	return "SUM(" + strings.Join(parts, ",") + ")"
}
