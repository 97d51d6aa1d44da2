package pdf

import (
	"fmt"
	"strings"

	"xxgk/compare"
	"xxgk/fonts"
	"xxgk/rollup"
	"xxgk/templates"
)

// The 历年趋势 section of a roll-up of several years of the same agencies:
// the totals of the key figures per year, a small chart of requests
// received and closed, and each agency's requests received per year.

// trendChartKeys are the figures the chart shows, a bar each per year.
var trendChartKeys = []string{"requests.received", "requests.closed"}

// trendColors are the bars' fill colours, one per chart key.
var trendColors = [][3]int{{70, 110, 160}, {170, 170, 170}}

// Trend chart geometry in millimetres.
const (
	trendChartH = 55.0
	trendLabelH = 6.0
)

// trend draws the section from a new portrait page.
func (d *doc) trend(ru *rollup.Rollup, tr *compare.Trend) {
	d.subs = nil
	d.addPage(false)
	d.title(strings.TrimSpace(ru.Name) + "政府信息公开工作年度报告历年趋势")
	section := d.sections()
	section("主要指标历年合计")
	d.text(lookNote, fmt.Sprintf("%d个年度的汇总。合计只计该年写明该项的单位，各年的单位数可能不同；带“约”的合计含有约数。", len(tr.Years)))
	d.drawTable(trendTotals(ru, tr), "")
	section("申请数和办结数")
	d.trendChart(tr)
	section("各单位新收申请数")
	d.text(lookNote, "空白表示该年没有这个单位的报告，或报告未写明此项。")
	d.drawTable(trendAgencies(tr, "requests.received"), "")
	d.notes()
}

// trendTotals has a row per key figure, a column per year, and a first
// row of how many agencies each year has.
func trendTotals(ru *rollup.Rollup, tr *compare.Trend) *table {
	widths := []float64{50}
	head := []string{"指标"}
	for _, y := range tr.Years {
		widths = append(widths, 20)
		head = append(head, yearText(y, unknown))
	}
	t := newList(sizeSmall, widths, head...)
	agencies := []tcell{cellLeft("报告单位数")}
	for _, y := range tr.Years {
		n := 0
		for _, ry := range ru.Years {
			if ry.Year == y {
				n = len(ry.Agencies)
			}
		}
		agencies = append(agencies, cellRight(fmt.Sprint(n)))
	}
	t.row(agencies...)
	for _, key := range compare.KeyFigures {
		fig := templates.FigureByKey(key)
		cells := []tcell{cellLeft(fig.Label + "（" + fig.Unit + "）")}
		for _, tot := range tr.Totals[key] {
			s := ""
			if tot != nil {
				s = totalText(*tot)
			}
			cells = append(cells, cellRight(s))
		}
		t.row(cells...)
	}
	return t
}

// trendAgencies has a row per agency and a column per year of figure key.
func trendAgencies(tr *compare.Trend, key string) *table {
	widths := []float64{10, 56}
	head := []string{"序号", "单位"}
	for _, y := range tr.Years {
		widths = append(widths, 18)
		head = append(head, yearText(y, unknown))
	}
	t := newList(sizeSmall, widths, head...)
	for i, a := range tr.Agencies {
		cells := []tcell{cellCenter(fmt.Sprint(i + 1)), cellLeft(a.Agency)}
		for _, v := range a.Values[key] {
			s := ""
			if v != nil {
				s = valueText(*v)
			}
			cells = append(cells, cellRight(s))
		}
		t.row(cells...)
	}
	return t
}

// trendChart draws vertical bars of the totals of trendChartKeys, a group
// per year, each bar with its value, the years below and a legend above.
func (d *doc) trendChart(tr *compare.Trend) {
	peak := 0.0
	for _, k := range trendChartKeys {
		for _, t := range tr.Totals[k] {
			if t != nil {
				peak = max(peak, t.Value.Float64())
			}
		}
	}
	if peak <= 0 {
		d.text(lookBody, "各年的汇总中均没有申请数和办结数，未绘制图表。")
		return
	}
	d.need(trendChartH + 3*trendLabelH + 10)
	// The legend.
	d.font(fonts.Body, sizeTable)
	x := d.left()
	y := d.f.GetY()
	for i, k := range trendChartKeys {
		c := trendColors[i]
		d.f.SetFillColor(c[0], c[1], c[2])
		d.f.Rect(x, y+1.2, 4, 3, "F")
		label := templates.FigureByKey(k).Label
		d.f.SetXY(x+5, y)
		w := d.measure(label) + 2
		d.cell(w, trendLabelH-0.5, label, "L")
		x += 5 + w + 6
	}
	d.f.SetXY(d.left(), y)
	d.cell(d.textWidth(), trendLabelH-0.5, "单位：件", "R")
	top := y + trendLabelH + trendLabelH // room for the values above the bars
	base := top + trendChartH
	width := d.textWidth()
	group := width / float64(len(tr.Years))
	bar := min(group*0.7/float64(len(trendChartKeys)), 14)
	d.f.SetLineWidth(0.3)
	d.f.SetDrawColor(0, 0, 0)
	d.f.Line(d.left(), base, d.left()+width, base)
	for i, year := range tr.Years {
		gx := d.left() + float64(i)*group + (group-bar*float64(len(trendChartKeys)))/2
		for j, k := range trendChartKeys {
			t := tr.Totals[k][i]
			if t == nil {
				continue
			}
			h := t.Value.Float64() / peak * trendChartH
			bx := gx + float64(j)*bar
			c := trendColors[j]
			d.f.SetFillColor(c[0], c[1], c[2])
			if h > 0 {
				d.f.Rect(bx, base-h, bar, max(h, 0.3), "F")
			}
			d.font(fonts.Body, sizeSmall)
			d.f.SetXY(bx-3, base-h-trendLabelH+1)
			d.cell(bar+6, trendLabelH-1, totalText(*t), "C")
		}
		d.font(fonts.Body, sizeTable)
		d.f.SetXY(d.left()+float64(i)*group, base+1)
		d.cell(group, trendLabelH, yearText(year, unknown), "C")
	}
	d.f.SetXY(d.left(), base+trendLabelH+3)
}
