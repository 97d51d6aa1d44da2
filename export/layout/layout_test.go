package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk/templates"
)

func TestGroups(t *testing.T) {
	type group struct {
		short  string
		kind   Kind
		tables int
	}
	for form, want := range map[string][]group{
		"gov_2021":  {{"表二", Blocks, 4}, {"表三", Nested, 1}, {"表四", Nested, 1}},
		"gov_2019":  {{"表二", Blocks, 5}, {"表三", Nested, 1}, {"表四", Nested, 1}},
		"stat_2014": {{"统计表", List, 1}},
	} {
		var got []group
		for _, g := range Groups(templates.FormByID(form)) {
			got = append(got, group{g.Section.Short, g.Kind, len(g.Tables)})
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: groups %v, want %v", form, got, want)
		}
	}
	// 表二's tables share their columns: the widest has three data columns.
	for _, g := range Groups(templates.FormByID("gov_2021"))[0].Tables {
		if len(g.Columns) != 4 || g.HeaderRows != 2 || g.LabelCols != 1 {
			t.Errorf("%s: %d columns, %d header rows, %d label columns", g.Table.ID, len(g.Columns), g.HeaderRows, g.LabelCols)
		}
	}
	// A narrower table merges its one data column to the right edge.
	art20_5 := Groups(templates.FormByID("gov_2021"))[0].Tables[1]
	if c := find(art20_5, func(c *Cell) bool { return c.Kind == Data }); c == nil || c.Col0 != 1 || c.Col1 != 3 {
		t.Errorf("t2_art20_5 data cell %+v, want columns 1..3", c)
	}
}

func find(g *Grid, ok func(*Cell) bool) *Cell {
	for i := range g.Cells {
		if ok(&g.Cells[i]) {
			return &g.Cells[i]
		}
	}
	return nil
}

// TestTable3 checks 表三 of gov_2021 against the official layout that
// formats.json records (header cells in A1 notation, label spans).
func TestTable3(t *testing.T) {
	g := Groups(templates.FormByID("gov_2021"))[1].Tables[0]
	if g.HeaderRows != 3 || g.LabelCols != 3 || len(g.Columns) != 10 {
		t.Fatalf("%d header rows, %d label columns, %d columns", g.HeaderRows, g.LabelCols, len(g.Columns))
	}
	if g.Rows != 3+25 {
		t.Errorf("%d rows, want 3 header rows and 25 data rows", g.Rows)
	}
	for _, h := range g.Table.Layout.Header {
		r0, c0, r1, c1, ok := a1Range(h.Cell)
		if !ok {
			t.Fatalf("layout cell %q", h.Cell)
		}
		c := find(g, func(c *Cell) bool { return c.Row0 == r0 && c.Col0 == c0 })
		if c == nil || c.Row1 != r1 || c.Col1 != c1 || c.Text != h.Text {
			t.Errorf("%s %q: grid has %+v", h.Cell, h.Text, c)
		}
	}
	if c := find(g, func(c *Cell) bool { return c.Kind == Corner }); c == nil || !strings.HasPrefix(c.Text, "（本列数据的勾稽关系") {
		t.Errorf("corner %+v", c)
	}
	// Row labels: (label prefix, first column, last column, rows spanned).
	for _, want := range []struct {
		label          string
		kind           CellKind
		c0, c1, height int
	}{
		{"一、本年新收政府信息公开申请数量", RowLabel, 0, 2, 1},
		{"二、上年结转政府信息公开申请数量", RowLabel, 0, 2, 1},
		{"三、本年度办理结果", GroupLabel, 0, 0, 22},
		{"（一）予以公开", RowLabel, 1, 2, 1},
		{"（三）不予公开", GroupLabel, 1, 1, 8},
		{"（四）无法提供", GroupLabel, 1, 1, 3},
		{"（五）不予处理", GroupLabel, 1, 1, 5},
		{"（六）其他处理", GroupLabel, 1, 1, 3},
		{"（七）总计", RowLabel, 1, 2, 1},
		{"四、结转下年度继续办理", RowLabel, 0, 2, 1},
	} {
		c := find(g, func(c *Cell) bool { return strings.HasPrefix(c.Text, want.label) })
		if c == nil || c.Kind != want.kind || c.Col0 != want.c0 || c.Col1 != want.c1 || c.Row1-c.Row0+1 != want.height {
			t.Errorf("%s: %+v, want columns %d..%d over %d rows", want.label, c, want.c0, want.c1, want.height)
		}
	}
	c := find(g, func(c *Cell) bool { return c.Key == "gov_2021.t3_requests.granted.commercial_enterprise" })
	if c == nil || c.Kind != Data || c.Col0 != 4 || c.Row.Key != "granted" || c.Col.Key != "commercial_enterprise" || c.Unit != "件" {
		t.Errorf("granted/commercial_enterprise %+v", c)
	}
	// 表四 has a single unlabelled row: no label columns.
	t4 := Groups(templates.FormByID("gov_2021"))[2].Tables[0]
	if t4.HeaderRows != 3 || t4.LabelCols != 0 || len(t4.Columns) != 15 || t4.Rows != 4 {
		t.Errorf("表四: %d header rows, %d label columns, %d columns, %d rows", t4.HeaderRows, t4.LabelCols, len(t4.Columns), t4.Rows)
	}
}

// a1Range reads D1:J1 or E3 as 0-based rows and columns.
func a1Range(s string) (r0, c0, r1, c1 int, ok bool) {
	from, to, found := strings.Cut(s, ":")
	if !found {
		to = from
	}
	x0, y0, err0 := excelize.CellNameToCoordinates(from)
	x1, y1, err1 := excelize.CellNameToCoordinates(to)
	return y0 - 1, x0 - 1, y1 - 1, x1 - 1, err0 == nil && err1 == nil
}

// TestEveryCellOnce: every data cell of every form has exactly one place
// in its layout, and the cells of a grid tile it without overlapping.
func TestEveryCellOnce(t *testing.T) {
	for _, f := range templates.Forms() {
		want := map[string]bool{}
		for _, tab := range f.Tables {
			for _, r := range tab.DataRows() {
				for _, c := range tab.DataColumns() {
					want[tab.CellKey(r.Key, c.Key)] = true
				}
			}
		}
		groups := Groups(f)
		seen := map[string]bool{}
		for _, c := range dataCells(groups) {
			switch {
			case !want[c.Key]:
				t.Errorf("%s: %s is not a data cell of the form", f.ID, c.Key)
			case seen[c.Key]:
				t.Errorf("%s: %s laid out twice", f.ID, c.Key)
			}
			seen[c.Key] = true
		}
		if len(seen) != len(want) {
			t.Errorf("%s: %d of %d data cells laid out", f.ID, len(seen), len(want))
		}
		for _, g := range groups {
			for _, grid := range g.Tables {
				checkTiling(t, f.ID+"."+grid.Table.ID, grid)
			}
		}
	}
}

func checkTiling(t *testing.T, name string, g *Grid) {
	t.Helper()
	owner := make([][]int, g.Rows)
	for r := range owner {
		owner[r] = make([]int, len(g.Columns))
	}
	for i, c := range g.Cells {
		if c.Row0 < 0 || c.Col0 < 0 || c.Row1 < c.Row0 || c.Col1 < c.Col0 || c.Row1 >= g.Rows || c.Col1 >= len(g.Columns) {
			t.Errorf("%s: cell %+v outside %d×%d", name, c, g.Rows, len(g.Columns))
			continue
		}
		for r := c.Row0; r <= c.Row1; r++ {
			for col := c.Col0; col <= c.Col1; col++ {
				if owner[r][col] != 0 {
					t.Errorf("%s: %q and %q both cover (%d, %d)", name, g.Cells[owner[r][col]-1].Text, c.Text, r, col)
				}
				owner[r][col] = i + 1
			}
		}
	}
	for r := range owner {
		for col, o := range owner[r] {
			if o == 0 {
				t.Errorf("%s: nothing at (%d, %d)", name, r, col)
			}
		}
	}
}

func TestList(t *testing.T) {
	g := Groups(templates.FormByID("fj_2014_2018"))[0].Tables[0]
	if g.HeaderRows != 1 || g.LabelCols != 2 || g.Rows != 1+len(g.Table.Rows) {
		t.Errorf("%d header rows, %d label columns, %d rows", g.HeaderRows, g.LabelCols, g.Rows)
	}
	head := g.Cells[2]
	if head.Kind != Header || head.TextIn(2016) != "2016年度" || head.TextIn(0) != "YYYY年度" {
		t.Errorf("year column %q, in 2016 %q", head.Text, head.TextIn(2016))
	}
	stat := Groups(templates.FormByID("stat_2014"))[0].Tables[0]
	// The first row is the group 一、主动公开情况: a label, a unit, no number.
	var kinds []CellKind
	for _, c := range stat.Cells {
		if c.Row0 == 1 {
			kinds = append(kinds, c.Kind)
		}
	}
	if fmt.Sprint(kinds) != fmt.Sprint([]CellKind{RowLabel, Unit, Empty}) {
		t.Errorf("group row kinds %v", kinds)
	}
}

// dataCells lists the Data cells of the groups.
func dataCells(groups []*Group) []*Cell {
	var out []*Cell
	for _, g := range groups {
		for _, grid := range g.Tables {
			for i := range grid.Cells {
				if grid.Cells[i].Kind == Data {
					out = append(out, &grid.Cells[i])
				}
			}
		}
	}
	return out
}
