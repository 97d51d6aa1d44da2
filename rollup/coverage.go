package rollup

import (
	"fmt"

	"xxgk/templates"
)

// Coverage is how many agencies filled a row of a summed table: the
// fewest and the most that filled one of its cells, of how many agencies
// the table sums.
type Coverage struct {
	Min, Max, Of int
}

// Full reports a row every agency filled, every cell.
func (c Coverage) Full() bool { return c.Min == c.Of && c.Max == c.Of }

// String is the coverage as the summed tables show it (填报单位数): 45/45,
// 40/45, or 38～40/45 when its cells were filled by different numbers of
// agencies.
func (c Coverage) String() string {
	if c.Min == c.Max {
		return fmt.Sprintf("%d/%d", c.Max, c.Of)
	}
	return fmt.Sprintf("%d～%d/%d", c.Min, c.Max, c.Of)
}

// RowCoverage is the coverage of row of table t in the year's summed
// table of t's form: its cells summed over the agencies of that form, or,
// with shared (SummaryTables), the cells the forms share summed over the
// agencies of all of them.
func (y *Year) RowCoverage(t *templates.Table, row string, shared *SharedCells) Coverage {
	of := y.FormCount(t.Form.ID)
	if shared != nil {
		of = 0
		for _, f := range shared.Forms {
			of += y.FormCount(f)
		}
	}
	c := Coverage{Min: -1}
	for _, col := range t.DataColumns() {
		tot, ok := Total{}, false
		if shared != nil {
			tot, ok = shared.Cells[t.ID+"."+row+"."+col.Key]
		}
		if !ok {
			tot, ok = y.Cells[t.CellKey(row, col.Key)]
		}
		if !ok {
			tot = Total{Of: of} // nobody filled the cell
		}
		if c.Min < 0 || tot.Count < c.Min {
			c.Min = tot.Count
		}
		c.Max = max(c.Max, tot.Count)
		c.Of = max(c.Of, tot.Of)
	}
	if c.Min < 0 {
		return Coverage{Of: of}
	}
	return c
}
