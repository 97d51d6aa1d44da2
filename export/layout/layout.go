// Package layout lays the official forms out as merged-cell grids, ready
// to draw: which tables are drawn together, and where each header, row
// label and data cell of a table goes. The workbook (export/xlsx) and the
// PDF summary (export/pdf) both draw from it, so they show a form alike;
// each only chooses its own sizes, fonts and styles.
//
// Everything is derived from templates: the sections of the tables, their
// column and row trees, labels, units and cell keys. A form added to
// formats.json is drawn without a change here.
package layout

import (
	"strconv"
	"strings"

	"xxgk/templates"
)

// Kind says how a table is drawn.
type Kind int

const (
	// Blocks: a table under a row with its own label (第二十条第（一）项)
	// and a header row of its columns, as 表二's tables are; the tables
	// of a section stack with as many columns as the widest, a narrower
	// one merging its last column to the right edge.
	Blocks Kind = iota
	// Nested: a multi-level merged column header derived from the column
	// tree (表三, 表四); row labels nest to the left as deep as the row
	// tree, group labels merged down the rows they contain.
	Nested
	// List: a header row of the table's columns (label columns
	// included), then one row per template row, groups included (统计表).
	List
)

// Group is the tables drawn together: on one sheet of a workbook, under
// one heading in the PDF. Only Blocks tables share a group (表二's
// 第二十条 tables); every other table has one of its own.
type Group struct {
	Section templates.Section
	Kind    Kind
	Tables  []*Grid
}

// Grid is one table laid out on a grid of Rows rows and len(Columns)
// columns, 0-based from the table's top left corner.
type Grid struct {
	Table      *templates.Table
	Columns    []Column
	Rows       int
	HeaderRows int // rows at the top that head the columns (repeated on every printed page)
	LabelCols  int // columns at the left that hold row labels (units and codes included)
	// Cells cover the grid, merged cells once, in drawing order: the
	// header rows, then each row's cells left to right (a group label
	// before the first row it spans).
	Cells []Cell
}

// Column is a column of a grid.
type Column struct {
	Label    bool   // holds labels, units or codes, not numbers
	Key      string // the template column it draws (List; data columns of Nested); "" where there is none of its own
	Coverage bool   // the 填报单位数 column of WithCoverage
}

// CellKind says what a cell holds.
type CellKind int

const (
	Header     CellKind = iota // a column's label, a group of columns, or a Blocks table's own label row
	Corner                     // the header of a Nested table's label columns: the note on its identity
	RowLabel                   // a row's label (a List group row's too)
	GroupLabel                 // a group of rows, merged down the rows it contains (Nested)
	Unit                       // a List row's unit (单位 column)
	Code                       // a List row's numbering token (代码 column)
	Data                       // a data cell of the form
	Empty                      // a data column's cell in a List group row: no number goes there
	Coverage                   // a roll-up's 填报单位数 of a data row (WithCoverage); its header is a Header
)

// Cell is a cell of a grid, merged over rows Row0..Row1 and columns
// Col0..Col1 (inclusive).
type Cell struct {
	Row0, Col0, Row1, Col1 int
	Kind                   CellKind
	Text                   string
	// Depth is how many groups a RowLabel's or GroupLabel's row, or a
	// Header's column, is nested in.
	Depth int
	// Row is the template row of the cell: Data, RowLabel, GroupLabel,
	// Unit, Code, Empty. Col is its template column: Data, and the Header
	// of a column.
	Row *templates.Row
	Col *templates.Column
	// Key (FORM.TABLE.ROW.COL) and Unit of a Data cell.
	Key  string
	Unit string
}

// TextIn is the cell's text in a report of year y: a local form's
// YYYY年度 column says the year. y <= 0 leaves the text as printed.
func (c *Cell) TextIn(y int) string {
	if y > 0 {
		return strings.Replace(c.Text, "YYYY", strconv.Itoa(y), 1)
	}
	return c.Text
}

// kindOf is how table t is drawn: Blocks for a table with its own label
// row, Nested for one whose columns nest, List otherwise.
func kindOf(t *templates.Table) Kind {
	switch {
	case t.HeaderLabel != "":
		return Blocks
	case len(t.DataColumnsInOrder) > 0:
		return Nested
	}
	return List
}

// Groups lays form f out: its tables in order, grouped as they are drawn.
func Groups(f *templates.Form) []*Group {
	var groups []*Group
	for i := 0; i < len(f.Tables); {
		t := f.Tables[i]
		g := &Group{Section: t.Section, Kind: kindOf(t)}
		switch g.Kind {
		case Blocks: // the section's blocks, as wide as the widest
			j := i + 1
			for j < len(f.Tables) && kindOf(f.Tables[j]) == Blocks && f.Tables[j].Section == t.Section {
				j++
			}
			width := 0
			for _, b := range f.Tables[i:j] {
				width = max(width, len(b.DataColumns()))
			}
			for _, b := range f.Tables[i:j] {
				g.Tables = append(g.Tables, blocks(b, width))
			}
			i = j
		case Nested:
			g.Tables, i = []*Grid{nested(t)}, i+1
		default:
			g.Tables, i = []*Grid{list(t)}, i+1
		}
		groups = append(groups, g)
	}
	return groups
}

// add appends a cell and makes the grid tall enough for it.
func (g *Grid) add(c Cell) {
	g.Cells = append(g.Cells, c)
	g.Rows = max(g.Rows, c.Row1+1)
}

// data appends the data cell (row, col) at r, c0..c1.
func (g *Grid) data(row *templates.Row, col *templates.Column, r, c0, c1 int) {
	t := g.Table
	g.add(Cell{Row0: r, Col0: c0, Row1: r, Col1: c1, Kind: Data, Row: row, Col: col,
		Key: t.CellKey(row.Key, col.Key), Unit: t.Unit(row.Key, col.Key)})
}

// blocks lays a Blocks table out over 1+width columns: its label row, a
// header row (the label column, then its data columns), its data rows.
// The last data column is merged to the right edge.
func blocks(t *templates.Table, width int) *Grid {
	g := &Grid{Table: t, HeaderRows: 2, LabelCols: 1, Columns: make([]Column, 1+width)}
	g.Columns[0].Label = true
	cols := t.DataColumns()
	for i, c := range cols {
		g.Columns[1+i].Key = c.Key
	}
	// span is where data column i goes: the last reaches the right edge.
	span := func(i int) (int, int) {
		if i == len(cols)-1 {
			return i + 1, width
		}
		return i + 1, i + 1
	}
	g.add(Cell{Row0: 0, Col0: 0, Row1: 0, Col1: width, Kind: Header, Text: t.HeaderLabel})
	head := Cell{Row0: 1, Col0: 0, Row1: 1, Col1: 0, Kind: Header}
	if lc := labelColumn(t); lc != nil {
		head.Text, head.Col, g.Columns[0].Key = lc.Label, lc, lc.Key
	}
	g.add(head)
	for i, c := range cols {
		c0, c1 := span(i)
		g.add(Cell{Row0: 1, Col0: c0, Row1: 1, Col1: c1, Kind: Header, Text: c.Label, Col: c})
	}
	for i, row := range t.DataRows() {
		r := 2 + i
		g.add(Cell{Row0: r, Col0: 0, Row1: r, Col1: 0, Kind: RowLabel, Text: row.Label, Row: row, Depth: t.RowDepth(row.Key)})
		for j, c := range cols {
			c0, c1 := span(j)
			g.data(row, c, r, c0, c1)
		}
	}
	return g
}

// labelColumn is a table's row-label column (信息内容), or nil.
func labelColumn(t *templates.Table) *templates.Column {
	for _, c := range t.Columns {
		if c.IsLabel {
			return c
		}
	}
	return nil
}

// nested lays a Nested table out: the column tree over HeaderRows rows
// right of the label columns, then the rows.
func nested(t *templates.Table) *Grid {
	g := &Grid{Table: t}
	leaves := t.DataColumns()
	headerRows, labelCols := shape(t)
	g.HeaderRows, g.LabelCols = headerRows, labelCols
	for range labelCols {
		g.Columns = append(g.Columns, Column{Label: true})
	}
	for _, c := range leaves {
		g.Columns = append(g.Columns, Column{Key: c.Key})
	}
	if labelCols > 0 {
		g.add(Cell{Row0: 0, Col0: 0, Row1: headerRows - 1, Col1: labelCols - 1, Kind: Corner, Text: cornerNote(t)})
	}
	for _, h := range headerSpans(t, headerRows) {
		g.add(Cell{Row0: h.Row0, Col0: labelCols + h.Col0, Row1: h.Row1, Col1: labelCols + h.Col1,
			Kind: Header, Text: h.Column.Label, Col: h.Column, Depth: h.Row0})
	}
	r := headerRows
	if labelCols == 0 {
		for i, c := range leaves {
			g.data(t.Rows[0], c, r, i, i)
		}
		return g
	}
	count := groupSizes(t)
	for _, row := range t.Rows {
		d := t.RowDepth(row.Key)
		if row.IsGroup {
			if n := count[row.Key]; n > 0 {
				g.add(Cell{Row0: r, Col0: d, Row1: r + n - 1, Col1: d, Kind: GroupLabel, Text: row.Label, Row: row, Depth: d})
			}
			continue
		}
		g.add(Cell{Row0: r, Col0: d, Row1: r, Col1: labelCols - 1, Kind: RowLabel, Text: row.Label, Row: row, Depth: d})
		for i, c := range leaves {
			g.data(row, c, r, labelCols+i, labelCols+i)
		}
		r++
	}
	return g
}

// cornerNote is the text of the label columns' header: the layout's A1
// cell in formats.json, the note on 表三's identity.
func cornerNote(t *templates.Table) string {
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

// list lays a List table out: a header row of every column, then every
// template row; a label column shows the row's label, unit or numbering.
func list(t *templates.Table) *Grid {
	g := &Grid{Table: t}
	for i, c := range t.Columns {
		g.Columns = append(g.Columns, Column{Label: c.IsLabel, Key: c.Key})
		g.add(Cell{Row0: 0, Col0: i, Row1: 0, Col1: i, Kind: Header, Text: c.Label, Col: c})
		if c.IsLabel {
			g.LabelCols++
		}
	}
	g.HeaderRows = 1
	for i, row := range t.Rows {
		r := 1 + i
		for j, c := range t.Columns {
			at := Cell{Row0: r, Col0: j, Row1: r, Col1: j, Row: row}
			switch {
			case c.IsLabel && c.Key == "unit":
				at.Kind, at.Text = Unit, row.Unit
			case c.IsLabel && c.Key == "code":
				at.Kind, at.Text = Code, row.Number
			case c.IsLabel:
				at.Kind, at.Text, at.Depth = RowLabel, row.Label, t.RowDepth(row.Key)
			case row.IsGroup:
				at.Kind = Empty
			default:
				g.data(row, c, r, j, j)
				continue
			}
			g.add(at)
		}
	}
	return g
}
