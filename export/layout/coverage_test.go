package layout

import (
	"testing"

	"xxgk/templates"
)

// Every table of every form gets a 填报单位数 column: a header over the
// header rows, a Coverage cell on each data row, nothing else moved.
func TestWithCoverage(t *testing.T) {
	for _, f := range templates.Forms() {
		for _, g := range Groups(f) {
			cg := WithCoverage(g)
			for i, grid := range cg.Tables {
				orig := g.Tables[i]
				at := len(orig.Columns)
				if len(grid.Columns) != at+1 || !grid.Columns[at].Coverage || grid.Rows != orig.Rows {
					t.Fatalf("%s %s: columns %d, rows %d", f.ID, grid.Table.ID, len(grid.Columns), grid.Rows)
				}
				data, cover, heads := map[int]bool{}, map[int]bool{}, 0
				prev := -1
				for _, c := range grid.Cells {
					if c.Row0 < prev && c.Kind != Header {
						t.Errorf("%s %s: cell of row %d after row %d", f.ID, grid.Table.ID, c.Row0, prev)
					}
					prev = max(prev, c.Row0)
					switch {
					case c.Kind == Data:
						data[c.Row0] = true
					case c.Kind == Coverage:
						if c.Col0 != at || c.Row == nil {
							t.Errorf("%s %s: coverage cell %+v", f.ID, grid.Table.ID, c)
						}
						cover[c.Row0] = true
					case c.Kind == Header && c.Text == CoverageLabel && c.Col0 == at:
						heads++
						if c.Row1 != grid.HeaderRows-1 {
							t.Errorf("%s %s: header rows %d-%d of %d", f.ID, grid.Table.ID, c.Row0, c.Row1, grid.HeaderRows)
						}
					}
				}
				if heads != 1 || len(data) != len(cover) {
					t.Errorf("%s %s: %d headers, %d data rows, %d coverage cells", f.ID, grid.Table.ID, heads, len(data), len(cover))
				}
				if len(g.Tables[i].Columns) != at {
					t.Error("the group was modified")
				}
			}
		}
	}
}
