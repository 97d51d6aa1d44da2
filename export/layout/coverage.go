package layout

import "slices"

// CoverageLabel heads the column WithCoverage adds.
const CoverageLabel = "填报单位数"

// WithCoverage returns the group laid out with one more column at the
// right of each table, headed 填报单位数: a roll-up's summed table says on
// every data row how many agencies filled it, where the number is, not in
// a note. The column has a Coverage cell on each data row (Row set) and an
// Empty one on a List group row; a Blocks table's label row spans it too.
// The cells stay in drawing order. g is not modified.
func WithCoverage(g *Group) *Group {
	out := &Group{Section: g.Section, Kind: g.Kind}
	for _, t := range g.Tables {
		out.Tables = append(out.Tables, withCoverage(g.Kind, t))
	}
	return out
}

func withCoverage(kind Kind, t *Grid) *Grid {
	at := len(t.Columns) // the new column
	n := &Grid{Table: t.Table, Rows: t.Rows, HeaderRows: t.HeaderRows, LabelCols: t.LabelCols,
		Columns: append(slices.Clone(t.Columns), Column{Coverage: true})}
	first := 0 // the first header row the new column's header spans
	if kind == Blocks {
		first = 1 // below the block's label row
	}
	// The cell of the new column on each row below the header.
	rows := map[int]Cell{}
	for _, c := range t.Cells {
		if c.Row0 < t.HeaderRows || (c.Kind != Data && c.Kind != Empty) {
			continue
		}
		if _, seen := rows[c.Row0]; !seen || c.Kind == Data {
			k := Coverage
			if c.Kind == Empty {
				k = Empty
			}
			rows[c.Row0] = Cell{Row0: c.Row0, Col0: at, Row1: c.Row0, Col1: at, Kind: k, Row: c.Row}
		}
	}
	row := -1 // the row whose cells are being copied
	flush := func() {
		if c, ok := rows[row]; ok {
			n.Cells = append(n.Cells, c)
		}
	}
	for _, c := range t.Cells {
		if c.Row0 != row {
			flush()
			if row < t.HeaderRows && c.Row0 >= t.HeaderRows {
				n.Cells = append(n.Cells, Cell{Row0: first, Col0: at, Row1: t.HeaderRows - 1, Col1: at, Kind: Header, Text: CoverageLabel})
			}
			row = c.Row0
		}
		if kind == Blocks && c.Kind == Header && c.Row0 == 0 && c.Col1 == at-1 {
			c.Col1 = at // the block's label row spans the table
		}
		n.Cells = append(n.Cells, c)
	}
	flush()
	return n
}
