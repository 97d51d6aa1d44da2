package xlsx

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/rollup"
)

// The lists of a roll-up with one row per agency (各单位, and the 明细 of
// each official table) share one shape: the agency's number, name, group
// and form on the left, number columns under a header of two rows, the
// agency's error findings and file on the right; agencies with error
// findings shaded; below them a 合计 (SUM), a 填报单位数 (COUNT) and a 小计
// per group (SUMIF), each formula with its cached value; a filter, a
// frozen header and 序号 and 单位 repeated on every printed page.

// valueColumn is a number column of an agency list.
type valueColumn struct {
	// group heads the column in the upper header row, merged over
	// neighbours with the same group; "" leaves the label both rows.
	group, label string
	value        func(a *rollup.AgencyRow) (xxgk.Value, bool)
}

// agencyList is what an agency list shows.
type agencyList struct {
	title   string
	notes   []string
	rows    []*rollup.AgencyRow
	groups  []*rollup.Group // subtotals, when the agencies have groups
	values  []valueColumn
	width   float64 // of a number column
	reports bool    // a column of the name the report gives, beside the roster's
	count   bool    // a column of the number of findings
}

// agencyName names an agency in a list: the roster's name, else the
// report's, else its file.
func agencyName(a *rollup.AgencyRow) string {
	if n := a.Name(); strings.TrimSpace(n) != "" {
		return n
	}
	return "未署名机关（" + baseName(a.Path) + "）"
}

func baseName(p string) string {
	p = strings.ReplaceAll(p, `\`, "/")
	return p[strings.LastIndex(p, "/")+1:]
}

// errorText is the reason an agency's row is shaded: its error findings.
func errorText(a *rollup.AgencyRow) string {
	if len(a.Errors) == 0 {
		return ""
	}
	return "有错误：" + strings.Join(a.Errors, "；")
}

// build lays the list out.
func (l *agencyList) build() *grid {
	grouped := len(l.groups) > 0
	type lead struct {
		label string
		width float64
		style style
		text  func(a *rollup.AgencyRow) string
	}
	leads := []lead{{"单位", 24, sLabel, agencyName}}
	if grouped {
		leads = append(leads, lead{"分组", 12, sText, func(a *rollup.AgencyRow) string { return a.Group }})
	}
	if l.reports {
		leads = append(leads, lead{"报告所署单位", 20, sText, func(a *rollup.AgencyRow) string { return a.Agency }})
	}
	leads = append(leads, lead{"格式", 12, sTextCenter, func(a *rollup.AgencyRow) string { return formName(a.Form) }})
	first := 1 + len(leads) // the first number column
	groupCol := -1
	if grouped {
		groupCol = 2
	}
	widths := []float64{6}
	for _, c := range leads {
		widths = append(widths, c.width)
	}
	for range l.values {
		widths = append(widths, l.width)
	}
	countCol := -1
	if l.count {
		countCol = len(widths)
		widths = append(widths, 9)
	}
	reasonCol := len(widths)
	widths = append(widths, 30, 36)
	fileCol := reasonCol + 1

	g := newGrid(widths...)
	// The title and notes fit on the first of the pages printed across.
	span, w := 0, 0.0
	for span < len(widths) && w+widths[span] <= firstPageWidth {
		w += widths[span]
		span++
	}
	span = max(span, min(len(widths), 4))
	g.merge(0, 0, 0, span-1, l.title, sTitle)
	for i, n := range l.notes {
		g.merge(1+i, 0, 1+i, span-1, n, sNote)
	}
	h := 1 + len(l.notes) // the two header rows: h, h+1
	both := func(c int, text string) {
		g.merge(h, c, h+1, c, balanced(text, widths[c]), sHeader)
	}
	both(0, "序号")
	for i, c := range leads {
		both(1+i, c.label)
	}
	for i := 0; i < len(l.values); {
		c := l.values[i]
		if c.group == "" {
			both(first+i, c.label)
			i++
			continue
		}
		j := i + 1
		for j < len(l.values) && l.values[j].group == c.group {
			j++
		}
		g.merge(h, first+i, h, first+j-1, balanced(c.group, g.spanWidth(first+i, first+j-1)), sHeader)
		for k := i; k < j; k++ {
			g.set(h+1, first+k, balanced(l.values[k].label, l.width), sHeader)
		}
		i = j
	}
	if countCol >= 0 {
		both(countCol, "核查发现数")
	}
	both(reasonCol, "核查问题")
	both(fileCol, "来源文件")

	top := h + 2
	numCols := make([]int, 0, len(l.values)+1)
	for j := range l.values {
		numCols = append(numCols, first+j)
	}
	if countCol >= 0 {
		numCols = append(numCols, countCol)
	}
	// value is the value of number column c of a row.
	value := func(a *rollup.AgencyRow, c int) (xxgk.Value, bool) {
		if c == countCol {
			return xxgk.Value{Value: xxgk.Int(int64(a.Findings))}, true
		}
		return l.values[c-first].value(a)
	}
	// The agencies' rows are made as the sheet is streamed (a list of
	// 100,000 agencies is never held as cells); their totals are summed
	// here, in one pass, in the order of the rows.
	g.body = &bodyRows{from: top, n: len(l.rows), row: func(i int, out []gcell) []gcell {
		a := l.rows[i]
		shaded := len(a.Errors) > 0
		pick := func(plain, shadedStyle style) style {
			if shaded {
				return shadedStyle
			}
			return plain
		}
		out = slices.Grow(out[:0], len(widths))[:len(widths)]
		for c := range out {
			out[c] = gcell{style: pick(sText, sShadeText), used: true}
		}
		out[0] = gcell{num: int64(i + 1), style: pick(sNumber, sShadeNumber), used: true}
		for j, c := range leads {
			st := c.style
			if shaded {
				st = sShadeText
				if j == 0 {
					st = sShadeLabel
				}
			}
			out[1+j] = gcell{text: c.text(a), style: st, used: true}
		}
		for j := range l.values {
			x := &out[first+j]
			x.style = pick(sNumber, sShadeNumber)
			if v, ok := value(a, first+j); ok {
				x.num = cellValue(v.Value)
				if v.Approx && a.Report != nil {
					x.comment = evidenceNote(a.Report.Source, v)
				}
			}
		}
		if countCol >= 0 {
			out[countCol] = gcell{num: int64(a.Findings), style: pick(sNumber, sShadeNumber), used: true}
		}
		out[reasonCol].text = errorText(a)
		out[fileCol].text = a.Path
		return out
	}}
	last := top + len(l.rows) - 1
	g.autoFilter = cellName(h+1, 0) + ":" + cellName(max(last, top), len(widths)-1)
	g.freeze, g.titleCols = [2]int{top, 2}, 2
	g.titleRows = [2]int{h, h + 1}
	g.landscape = true
	g.pagesWide = max(1, int(math.Ceil(g.totalWidth()/pageWidthUnits)))
	if len(l.rows) == 0 {
		return g
	}

	// colRange is a column's agency rows: E5:E48, or $C$5:$C$48.
	colRange := func(c int, abs bool) string {
		a, _ := excelize.CoordinatesToCellName(c+1, top+1, abs)
		b, _ := excelize.CoordinatesToCellName(c+1, last+1, abs)
		return a + ":" + b
	}
	// The sums of every number column, over all agencies and per group.
	sumsOf := func() []colSum { return make([]colSum, len(numCols)) }
	all := sumsOf()
	members := map[string]int{}
	byGroup := map[string][]colSum{}
	for _, gr := range l.groups {
		byGroup[gr.Name] = sumsOf()
	}
	for _, a := range l.rows {
		gs, grouped := byGroup[a.Group]
		if grouped {
			members[a.Group]++
		}
		for i, c := range numCols {
			if v, ok := value(a, c); ok {
				all[i].add(v)
				if grouped {
					gs[i].add(v)
				}
			}
		}
	}
	row := last + 1
	footer := func(label string, formula func(c int) string, cached func(s colSum) (any, bool)) {
		for c := range widths {
			g.set(row, c, "", sFormula)
		}
		g.merge(row, 0, row, 1, label, sHeader)
		for i, c := range numCols {
			v, ok := cached(all[i])
			if !ok {
				continue // no agency has a number here: no total
			}
			x := g.at(row, c)
			x.formula, x.num = formula(c), v
			if label == "合计" && all[i].approx {
				x.comment = "含约数"
			}
		}
		row++
	}
	footer("合计", func(c int) string { return "SUM(" + colRange(c, false) + ")" }, colSum.cached)
	footer("填报单位数", func(c int) string { return "COUNT(" + colRange(c, false) + ")" },
		func(s colSum) (any, bool) { return int64(s.n), true })
	if !grouped {
		return g
	}
	for _, gr := range l.groups {
		n := members[gr.Name]
		if n == 0 {
			continue
		}
		for c := range widths {
			g.set(row, c, "", sFormula)
		}
		g.merge(row, 0, row, 1, fmt.Sprintf("小计：%s（%d个单位）", gr.Name, n), sHeader)
		g.at(row, groupCol).text = gr.Name
		crit := `"=` + strings.ReplaceAll(sumifLiteral.Replace(gr.Name), `"`, `""`) + `"`
		for i, c := range numCols {
			s := byGroup[gr.Name][i]
			if v, ok := s.cached(); ok {
				x := g.at(row, c)
				x.formula, x.num = "SUMIF("+colRange(groupCol, true)+","+crit+","+colRange(c, false)+")", v
				if s.approx {
					x.comment = "含约数"
				}
			}
		}
		row++
	}
	return g
}

// colSum is the sum of a number column of an agency list, added up in
// the order of its rows.
type colSum struct {
	total  xxgk.Number
	n      int  // values added
	over   bool // the sum is past what is exact
	approx bool // some value is approximate
}

func (s *colSum) add(v xxgk.Value) {
	if !s.over {
		var ok bool
		if s.total, ok = s.total.CheckedAdd(v.Value); !ok {
			s.over = true
		}
	}
	s.n++
	s.approx = s.approx || v.Approx
}

// cached is the value written with the SUM formula: none without any
// value (no total at all), nil past what is exact (the formula alone).
func (s colSum) cached() (any, bool) {
	switch {
	case s.n == 0:
		return nil, false
	case s.over:
		return nil, true
	}
	return cellValue(s.total), true
}

// pageWidthUnits is about the width, in column units, of a landscape page
// a list is printed across.
const pageWidthUnits = 140

// sumifLiteral escapes the wildcards of a SUMIF criterion.
var sumifLiteral = strings.NewReplacer("~", "~~", "*", "~*", "?", "~?")
