package xlsx

import (
	"fmt"

	"xxgk/compare"
	"xxgk/rollup"
	"xxgk/templates"
)

// trendSheet is the 历年趋势 sheet of a roll-up of several years: for each
// key figure (compare.KeyFigures) a block with the agencies down and the
// years across, the roll-up's total last.
func trendSheet(ru *rollup.Rollup, tr *compare.Trend) *grid {
	cols := []column{{"序号", 6, sNumber}, {"单位", 28, sLabel}}
	for _, y := range tr.Years {
		cols = append(cols, column{yearText(y), 11, sNumber})
	}
	cols = append(cols, column{"有报告的年数", 9, sTextCenter})
	g := listSheet(cols, ru.Name+"政府信息公开工作年度报告历年趋势",
		fmt.Sprintf("%d个单位，%d个年度。每个指标一组：各单位每年报告的数字，空白表示该年没有这个单位的报告或报告未写明（不按0计）；合计为汇总中该年的合计，批注注明填报单位数。",
			len(tr.Agencies), len(tr.Years)))
	w := len(cols)
	row := len(g.rows)
	g.freeze, g.titleCols = [2]int{row, 2}, 2
	for _, key := range compare.KeyFigures {
		fig := templates.FigureByKey(key)
		g.merge(row, 0, row, w-1, fig.Label+"（"+fig.Unit+"）", sBlock)
		row++
		for i, a := range tr.Agencies {
			for j, col := range cols {
				g.set(row, j, "", col.style)
			}
			g.at(row, 0).num = int64(i + 1)
			g.at(row, 1).text = a.Agency
			for j, v := range a.Values[key] {
				if v != nil {
					x := g.at(row, 2+j)
					x.num = cellValue(v.Value)
					if v.Approx {
						x.comment = "约数"
					}
				}
			}
			g.at(row, w-1).text = fmt.Sprint(a.Years)
			row++
		}
		for j, col := range cols {
			g.set(row, j, "", col.style)
		}
		g.merge(row, 0, row, 1, "合计", sHeader)
		for j, t := range tr.Totals[key] {
			if t != nil {
				x := g.at(row, 2+j)
				x.num, x.comment = cellValue(t.Value), coverage(*t, "")
			}
		}
		row++
	}
	g.landscape = g.totalWidth() > 110
	return g
}
