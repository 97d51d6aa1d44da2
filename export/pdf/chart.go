package pdf

import (
	"xxgk"
	"xxgk/templates"
)

// chartKeys are the outcomes of requests the chart shows, in the order of
// 表三's 本年度办理结果.
var chartKeys = []string{
	"requests.granted", "requests.partially_granted", "requests.denied",
	"requests.unable", "requests.not_processed", "requests.other",
}

// Chart geometry in millimetres.
const (
	barH      = 7.0
	barGap    = 3.5
	barLabelW = 26.0 // 予以公开 at 四号 and a margin
	barValueW = 24.0
)

// requestsChart draws horizontal bars of how requests were handled, with
// fpdf's vector primitives, each labelled and its value printed, from the
// figures of a report or the totals of a roll-up. Without any of the
// figures a note says so, naming where they were looked for (where: 报告中).
func (d *doc) requestsChart(figures map[string]xxgk.Value, where string) {
	type bar struct {
		label string
		v     xxgk.Value
	}
	var bars []bar
	peak := 0.0
	for _, k := range chartKeys {
		v, ok := figures[k]
		if !ok {
			continue
		}
		bars = append(bars, bar{templates.FigureByKey(k).Label, v})
		peak = max(peak, v.Value.Float64())
	}
	if len(bars) == 0 {
		d.paragraph(where+"未识别出申请办理结果（予以公开、部分公开、不予公开等）的数字，未绘制图表。", sizeBody, false, "L", 1.5)
		return
	}
	height := float64(len(bars))*(barH+barGap) + barGap
	d.need(height + 12)
	d.paragraph("单位：件", sizeTable, false, "R", 1.4)
	top := d.f.GetY()
	axisX := marginLeft + barLabelW
	span := d.textWidth() - barLabelW - barValueW
	d.f.SetLineWidth(0.3)
	d.f.SetDrawColor(0, 0, 0)
	d.f.Line(axisX, top, axisX, top+height)
	d.f.SetFillColor(70, 110, 160)
	for i, b := range bars {
		y := top + barGap + float64(i)*(barH+barGap)
		w := 0.0
		if peak > 0 {
			w = b.v.Value.Float64() / peak * span
		}
		if w > 0 {
			d.f.Rect(axisX, y, max(w, 0.4), barH, "F")
		}
		d.font(sizeBody, false)
		d.f.SetXY(marginLeft, y)
		d.cell(barLabelW-2, barH, b.label, "R")
		d.font(sizeTable, false)
		d.f.SetXY(axisX+w+1.5, y)
		d.cell(barValueW, barH, valueText(b.v), "L")
	}
	d.f.SetXY(marginLeft, top+height+3)
}
