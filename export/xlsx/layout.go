package xlsx

import (
	"fmt"
	"slices"
	"strings"

	"xxgk/templates"
)

// layoutKind says how a sheet draws its tables.
type layoutKind int

const (
	// blocks: the 第二十条 tables of 表二, one under another, each with
	// its 第二十条第（N）项 row and its 信息内容 header row.
	blocks layoutKind = iota
	// nested: a multi-level merged column header (表三, 表四) and, where
	// rows nest, group labels merged down the rows they contain (表三).
	nested
	// list: one row per template row under a one-row header (统计表).
	list
)

// sheetPlan is one official sheet: the tables it draws and its names.
type sheetPlan struct {
	short, long string // sheet names: 表三 for several reports, 表三 依申请公开情况 for one
	heading     string // section heading printed above the table
	kind        layoutKind
	tables      []*templates.Table
}

// sectionNames maps a table id prefix to its sheet's names.
var sectionNames = []struct{ prefix, short, long string }{
	{"t2_", "表二", "表二 主动公开情况"},
	{"t3_", "表三", "表三 依申请公开情况"},
	{"t4_", "表四", "表四 复议诉讼情况"},
	{"", "统计表", "统计表"},
}

// sheetPlans groups a form's tables into sheets: the 第二十条 tables share
// 表二; every other table has a sheet of its own.
func sheetPlans(f *templates.Form) []sheetPlan {
	var plans []sheetPlan
	for _, t := range f.Tables {
		sec := sectionNames[len(sectionNames)-1]
		for _, s := range sectionNames {
			if s.prefix != "" && strings.HasPrefix(t.ID, s.prefix) {
				sec = s
				break
			}
		}
		heading, _, _ := strings.Cut(t.Title, " — ")
		kind := list
		switch {
		case sec.prefix == "t2_":
			kind = blocks
		case len(t.DataColumnsInOrder) > 0:
			kind = nested
		}
		if kind == blocks && len(plans) > 0 && plans[len(plans)-1].kind == blocks {
			plans[len(plans)-1].tables = append(plans[len(plans)-1].tables, t)
			continue
		}
		plans = append(plans, sheetPlan{short: sec.short, long: sec.long, heading: heading, kind: kind, tables: []*templates.Table{t}})
	}
	return plans
}

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
	byKey  map[string]int                  // cell key → index in slots
	totals map[string][]templates.Relation // total cell key → identities that define it
}

// Rows above every table: title, 填报单位/报告年度, section heading.
const tableTop = 3

const (
	titleSuffix = "政府信息公开工作年度报告统计表"
	unitLabel   = "填报单位："
	yearLabel   = "报告年度："
)

func buildForm(p sheetPlan, h formHeader) *formGrid {
	var fg *formGrid
	switch p.kind {
	case blocks:
		fg = layoutBlocks(p.tables)
	case nested:
		fg = layoutNested(p.tables[0])
	default:
		fg = layoutList(p.tables[0], h)
	}
	fg.titleRowsFor(p, h)
	fg.landscape = fg.totalWidth() > 110
	fg.findTotals(p.tables)
	return fg
}

// titleRowsFor draws the rows above the table.
func (fg *formGrid) titleRowsFor(p sheetPlan, h formHeader) {
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
	default:
		s = sInputText // staff type the agency and year after the colon
	}
	fg.merge(0, 0, 0, w-1, title, sTitle)
	fg.heights[0] = max(36, float64(linesFor(title, fg.totalWidth()/1.45))*24+8)
	mid := max(1, (w+1)/2)
	if w == 3 {
		mid = 2 // 统计表: the long indicator column and the unit column
	}
	fg.merge(1, 0, 1, mid-1, unit, s)
	if mid < w {
		fg.merge(1, mid, 1, w-1, year, s)
	}
	fg.merge(2, 0, 2, w-1, p.heading, sHeading)
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

// layoutBlocks draws 表二 as in the official HTML: four columns; a table
// with fewer data columns merges its last one to the right edge.
func layoutBlocks(tables []*templates.Table) *formGrid {
	ncols, labelW := 0, textUnits("信息内容")
	for _, t := range tables {
		ncols = max(ncols, len(t.DataColumns()))
		for _, r := range t.DataRows() {
			labelW = max(labelW, textUnits(r.Label))
		}
	}
	widths := []float64{min(labelW+3, 30)}
	for range ncols {
		widths = append(widths, 18)
	}
	fg := newFormGrid(widths...)
	w, r := len(widths), tableTop
	for _, t := range tables {
		fg.merge(r, 0, r, w-1, t.HeaderLabel, sHeader)
		r++
		cols := t.DataColumns()
		spanOf := func(i int) (int, int) {
			if i == len(cols)-1 {
				return i + 1, w - 1
			}
			return i + 1, i + 1
		}
		fg.set(r, 0, labelColumn(t), sHeader)
		for i, col := range cols {
			c0, c1 := spanOf(i)
			fg.merge(r, c0, r, c1, col.Label, sHeader)
		}
		r++
		for _, row := range t.DataRows() {
			fg.set(r, 0, row.Label, sLabel)
			for i, col := range cols {
				c0, c1 := spanOf(i)
				fg.merge(r, c0, r, c1, "", sNumber)
				fg.addSlot(t, row, col, r, c0)
			}
			r++
		}
	}
	fg.titleRows = [2]int{0, tableTop - 1}
	return fg
}

// labelColumn is the label of a table's row-label column (信息内容).
func labelColumn(t *templates.Table) string {
	for _, c := range t.Columns {
		if c.IsLabel {
			return c.Label
		}
	}
	return ""
}

// layoutNested draws a table whose columns nest (表三, 表四). The header is
// derived from the column tree: a group spans its leaves on its level; a
// leaf spans down to the last header row. Rows nest the same way in the
// label area to the left, which is as wide as the row tree is deep; a table
// with a single unlabelled row (表四) has no label area.
func layoutNested(t *templates.Table) *formGrid {
	leaves := t.DataColumns()
	headerRows, labelCols := t.NestedShape()
	var widths []float64
	for i := range labelCols {
		switch {
		case i == labelCols-1:
			widths = append(widths, 38)
		case i == 0:
			widths = append(widths, 7)
		default:
			widths = append(widths, 12)
		}
	}
	for range leaves {
		widths = append(widths, 10)
	}
	fg := newFormGrid(widths...)
	top := tableTop
	if labelCols > 0 {
		fg.merge(top, 0, top+headerRows-1, labelCols-1, layoutNote(t), sLabelCenter)
	}
	fg.drawColumnTree(t, top, labelCols, headerRows)
	r := top + headerRows
	if labelCols == 0 {
		for i, col := range leaves {
			fg.set(r, i, "", sNumber)
			fg.addSlot(t, t.Rows[0], col, r, i)
		}
	} else {
		fg.drawRowTree(t, r, labelCols, leaves)
	}
	fg.titleRows = [2]int{top, top + headerRows - 1}
	return fg
}

// layoutNote is the text of the header's top-left cell (the label area):
// the formats.json layout's A1 cell, the note on table 三's identity.
func layoutNote(t *templates.Table) string {
	if t.Layout == nil {
		return ""
	}
	for _, h := range t.Layout.Header {
		if strings.HasPrefix(h.Cell, "A1:") {
			return h.Text
		}
	}
	return ""
}

func (fg *formGrid) drawColumnTree(t *templates.Table, top, left, headerRows int) {
	for _, h := range t.HeaderSpans(headerRows) {
		fg.merge(top+h.Row0, left+h.Col0, top+h.Row1, left+h.Col1, h.Label, sHeader)
	}
}

func (fg *formGrid) drawRowTree(t *templates.Table, r, labelCols int, leaves []*templates.Column) {
	count := t.GroupSizes()
	for _, row := range t.Rows {
		d := t.RowDepth(row.Key)
		if row.IsGroup {
			if n := count[row.Key]; n > 0 {
				fg.merge(r, d, r+n-1, d, row.Label, sLabelCenter)
			}
			continue
		}
		fg.merge(r, d, r, labelCols-1, row.Label, sLabel)
		for i, col := range leaves {
			fg.set(r, labelCols+i, "", sNumber)
			fg.addSlot(t, row, col, r, labelCols+i)
		}
		r++
	}
}

// listWidths are the widths of the label columns of 统计表-like tables.
var listWidths = map[string]float64{"indicator": 58, "unit": 9, "code": 6, "item": 30}

// layoutList draws a 统计表: a header row of its columns, then every row of
// the template, groups included (they hold no number).
func layoutList(t *templates.Table, h formHeader) *formGrid {
	var widths []float64
	for _, c := range t.Columns {
		w, ok := listWidths[c.Key]
		if !ok || !c.IsLabel {
			w = 14
		}
		widths = append(widths, w)
	}
	fg := newFormGrid(widths...)
	r := tableTop
	for i, c := range t.Columns {
		fg.set(r, i, columnLabel(c, h), sHeader)
	}
	fg.titleRows = [2]int{r, r}
	r++
	for _, row := range t.Rows {
		for i, c := range t.Columns {
			switch {
			case c.IsLabel && c.Key == "unit":
				fg.set(r, i, row.Unit, sUnit)
			case c.IsLabel && c.Key == "code":
				fg.set(r, i, row.Number, sUnit)
			case c.IsLabel:
				fg.set(r, i, row.Label, sLabel)
			default:
				fg.set(r, i, "", sNumber)
				if !row.IsGroup {
					fg.addSlot(t, row, c, r, i)
				}
			}
		}
		r++
	}
	return fg
}

// columnLabel prints a column label; a local form's YYYY年度 column says
// the report's year.
func columnLabel(c *templates.Column, h formHeader) string {
	if h.year > 0 {
		return strings.Replace(c.Label, "YYYY", fmt.Sprint(h.year), 1)
	}
	return c.Label
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
