package pdf

import (
	"maps"
	"slices"
	"strings"

	"xxgk"
	"xxgk/fonts"
	"xxgk/templates"
)

// The chart of how requests were handled has a bar for every way a
// request can end on the report's form, read from the form's data: the
// rows that the identity totalling them adds up.

// outcomeDef is a bar of a form's chart: its label and the cells it sums
// (FORM.TABLE.ROW.COL).
type outcomeDef struct {
	label string
	cells []string
}

// formOutcomes reads from form's data how its requests can end: the rows
// that the identity totalling them adds up (表三's （七）总计 adds （一）予以公开
// … （六）其他处理; the 2014 form's （三）申请答复数 adds its eight items), in
// the column requests.granted is read from; the rows of a group (（三）不予
// 公开's eight reasons) make one bar. It returns the total too, and ok false
// if the form has no such identity.
func formOutcomes(form *templates.Form) (total outcomeDef, bars []outcomeDef, ok bool) {
	def, has := form.FigureCells["requests.granted"]
	if !has || len(def.Cells) != 1 {
		return total, nil, false
	}
	parts := strings.Split(def.Cells[0], ".")
	t := form.Table(parts[0])
	if len(parts) != 3 || t == nil {
		return total, nil, false
	}
	granted, col := parts[1], parts[2]
	for _, id := range t.Identities {
		f := id.Form
		if f == nil || f.Op != "==" || len(f.LHS) != 1 || t.Row(f.LHS[0].Row) == nil ||
			!slices.ContainsFunc(f.RHS, func(r templates.Ref) bool { return r.Row == granted }) {
			continue
		}
		sum := t.Row(f.LHS[0].Row)
		total = outcomeDef{rowLabel(t, sum), []string{t.CellKey(sum.Key, col)}}
		at := map[string]int{} // bar of a row or group
		for _, ref := range f.RHS {
			row := t.Row(ref.Row)
			if row == nil {
				return total, nil, false
			}
			for p := t.Row(row.Parent); p != nil && p.IsGroup && p.Key != sum.Parent; p = t.Row(p.Parent) {
				row = p
			}
			key := t.CellKey(ref.Row, col)
			if i, seen := at[row.Key]; seen {
				bars[i].cells = append(bars[i].cells, key)
				continue
			}
			at[row.Key] = len(bars)
			bars = append(bars, outcomeDef{rowLabel(t, row), []string{key}})
		}
		return total, bars, true
	}
	return total, nil, false
}

// rowLabel is a row's label for the chart: without its number or a note
// in brackets (（二）部分公开（区分处理的，只计这一情形…） is 部分公开); a bare
// 总计 names what it totals (本年度办理结果总计).
func rowLabel(t *templates.Table, row *templates.Row) string {
	s := unnumbered(row)
	if i := strings.Index(s, "（"); i > 0 && strings.HasSuffix(s, "）") {
		s = s[:i]
	}
	if p := t.Row(row.Parent); s == "总计" && p != nil {
		s = unnumbered(p) + s
	}
	return s
}

// unnumbered is a row's label without its numbering token (三、 （一） 1．).
func unnumbered(row *templates.Row) string {
	label := row.Label
	// 其中：1.同意公开答复数: the 其中 and its colon, in either width, go
	// before the number does.
	if rest, ok := strings.CutPrefix(label, "其中"); ok {
		label = strings.TrimLeft(rest, "：:，,、 ")
	}
	s, ok := strings.CutPrefix(label, row.Number)
	if !ok || row.Number == "" {
		_, s = templates.StripNumbering(label)
	}
	// A number given without its mark (三 of 三、本年度办理结果) leaves the
	// mark behind.
	return strings.TrimSpace(strings.TrimLeft(s, "、．. "))
}

// bar is a bar of a chart: its label and value, if known.
type bar struct {
	label string
	v     xxgk.Value
	ok    bool
}

// chart is what requestsChart draws: the bars, the total they add up to
// if known, and where their numbers were looked for (报告中).
type chart struct {
	bars  []bar
	total bar
	where string
}

// reportOutcomes is the chart of a report: the outcomes of its form,
// summed from its cells; without a form or any such cell, the outcomes
// among its figures.
func reportOutcomes(r *xxgk.Report) chart {
	if form := templates.FormByID(r.Form); form != nil {
		if total, defs, ok := formOutcomes(form); ok {
			c := chart{where: "报告中", total: cellsBar(total, r.Cells)}
			stated := false
			for _, def := range defs {
				b := cellsBar(def, r.Cells)
				c.bars = append(c.bars, b)
				stated = stated || b.ok
			}
			if stated {
				return c
			}
		}
	}
	return figureChart(r.Figures, "报告中")
}

// cellsBar sums def's cells; it is unknown if one is missing (a blank
// cell counts as 0, as in the form's identities).
func cellsBar(def outcomeDef, cells map[string]xxgk.Value) bar {
	b := bar{label: def.label, v: xxgk.Value{Value: xxgk.Int(0)}, ok: true}
	for _, k := range def.cells {
		v, ok := cells[k]
		if !ok {
			return bar{label: def.label}
		}
		sum, ok := b.v.Value.CheckedAdd(v.Value)
		if !ok { // beyond any real count (a garbled file): not drawn
			return bar{label: def.label}
		}
		b.v.Value = sum
		b.v.Approx = b.v.Approx || v.Approx
	}
	return b
}

// figureOutcomes are the outcomes that are figures (MODEL.md): those of
// the newest national form whose cells a figure sums, with the figure of
// their total.
func figureOutcomes() (keys []string, total string) {
	for _, form := range templates.Listed() {
		sum, defs, ok := formOutcomes(form)
		if !ok {
			continue
		}
		for _, def := range append(defs, sum) {
			for _, key := range slices.Sorted(maps.Keys(form.FigureCells)) {
				if fd := form.FigureCells[key]; fd.Shift == 0 && sameCells(form.ID, fd.Cells, def.cells) {
					if def.label == sum.label {
						total = key
					} else {
						keys = append(keys, key)
					}
				}
			}
		}
		return keys, total
	}
	return nil, ""
}

// sameCells reports whether the form's cells (TABLE.ROW.COL) are keys
// (FORM.TABLE.ROW.COL), in any order.
func sameCells(form string, cells, keys []string) bool {
	if len(cells) != len(keys) {
		return false
	}
	for _, c := range cells {
		if !slices.Contains(keys, form+"."+c) {
			return false
		}
	}
	return true
}

// figureChart is the chart of the outcomes among figures (of a report,
// or the totals of a roll-up).
func figureChart(figures map[string]xxgk.Value, where string) chart {
	keys, total := figureOutcomes()
	c := chart{where: where}
	for _, k := range keys {
		v, ok := figures[k]
		c.bars = append(c.bars, bar{templates.FigureByKey(k).Label, v, ok})
	}
	if fig := templates.FigureByKey(total); fig != nil {
		v, ok := figures[total]
		c.total = bar{fig.Label, v, ok}
	}
	return c
}

// Chart geometry in millimetres.
const (
	barH   = 6.0
	barGap = 3.0
)

// requestsChart draws horizontal bars of how requests were handled, with
// fpdf's vector primitives, each labelled and its value printed; an
// outcome without a number is listed as 未识别, not drawn as 0. Under the
// bars: their sum and the total the form gives. Without any number a note
// says so.
func (d *doc) requestsChart(c chart) {
	peak, stated := 0.0, 0
	sum, summed, approx := xxgk.Int(0), true, false
	for _, b := range c.bars {
		if b.ok {
			peak = max(peak, b.v.Value.Float64())
			if summed {
				sum, summed = sum.CheckedAdd(b.v.Value)
			}
			approx = approx || b.v.Approx
			stated++
		}
	}
	if stated == 0 {
		d.text(lookBody, c.where+"未识别出申请办理结果（予以公开、部分公开、不予公开等）的数字，未绘制图表。")
		return
	}
	d.font(fonts.Body, sizeNote)
	lh := d.lineHeight(1.3)
	labelW := 0.0
	for _, b := range c.bars {
		labelW = max(labelW, d.measure(b.label))
	}
	labelW = min(labelW, d.textWidth()*0.35) + 2
	valueW := d.measure("0000000") + 2
	labels := make([][]string, len(c.bars))
	height := barGap
	for i, b := range c.bars {
		labels[i] = breakLines(b.label, labelW-2, d.measure)
		height += max(barH, float64(len(labels[i]))*lh) + barGap
	}
	d.need(height + 2*d.lineHeight(1.5))
	d.text(lookUnit, "单位：件")
	d.font(fonts.Body, sizeNote)
	top := d.f.GetY()
	left := d.left()
	axisX := left + labelW
	span := d.textWidth() - labelW - valueW
	d.f.SetLineWidth(0.3)
	d.f.SetDrawColor(0, 0, 0)
	d.f.Line(axisX, top, axisX, top+height)
	d.f.SetFillColor(70, 110, 160)
	y := top + barGap
	for i, b := range c.bars {
		rowH := max(barH, float64(len(labels[i]))*lh)
		ty := y + (rowH-float64(len(labels[i]))*lh)/2
		for j, line := range labels[i] {
			d.f.SetXY(left, ty+float64(j)*lh)
			d.cell(labelW-2, lh, line, "R")
		}
		w, text := 0.0, unknown
		if b.ok {
			if peak > 0 {
				w = b.v.Value.Float64() / peak * span
			}
			text = valueText(b.v)
		}
		by := y + (rowH-barH)/2
		if w > 0 {
			d.f.Rect(axisX, by, max(w, 0.4), barH, "F")
		}
		d.f.SetXY(axisX+w+1.5, by)
		d.cell(valueW, barH, text, "L")
		y += rowH + barGap
	}
	d.f.SetXY(left, top+height+2)
	if stated == len(c.bars) && summed {
		s := "以上各项合计" + valueText(xxgk.Value{Value: sum, Approx: approx}) + "件"
		if c.total.ok {
			s += "；" + c.total.label + valueText(c.total.v) + "件"
		}
		d.text(lookNote, s+"。")
	}
}
