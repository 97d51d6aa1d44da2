package pdf

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"xxgk"
	"xxgk/compare"
	"xxgk/export/layout"
	"xxgk/templates"
)

// The comparison of two years (同比数据摘要) is drawn like a report's
// summary: its first page says what was compared and lists the key
// figures of both years with their changes; then the findings, the
// official tables with 上年, 本年 and 增减 under each other, the cells
// that could not be compared, and for roll-ups the agencies.

// WriteComparison writes the summary of a comparison of two years.
func WriteComparison(w io.Writer, c *compare.Comparison, opt Options) error {
	if c == nil {
		return errors.New("pdf: no comparison")
	}
	return render(w, opt, comparisonTitle(c), func(d *doc) error {
		d.comparison(c)
		return nil
	})
}

// comparisonTitle is {agency}{last}年与{this}年政府信息公开工作年度报告对比（数据摘要）.
func comparisonTitle(c *compare.Comparison) string {
	l, t := c.Last, c.This
	if compare.SameAgency(l.Agency, t.Agency) || l.Agency == t.Agency {
		return strings.TrimSpace(t.Agency) + yearText(l.Year, unknownYear) + "与" + yearText(t.Year, unknownYear) + "政府信息公开工作年度报告对比（数据摘要）"
	}
	return nonEmpty(l.Agency, unknownAgency) + yearText(l.Year, unknownYear) + "与" + nonEmpty(t.Agency, unknownAgency) + yearText(t.Year, unknownYear) +
		"政府信息公开工作年度报告对比（数据摘要）"
}

func (d *doc) comparison(c *compare.Comparison) {
	d.subs = nil
	d.addPage(false)
	d.title(comparisonTitle(c))
	d.compareMeta(c)
	section := d.sections()
	section("主要指标变化")
	d.keyChanges(c)
	section("核查发现")
	d.compareFindings(c)
	if form := comparedForm(c); form != nil {
		section("统计表对比")
		d.comparedTables(c, form)
	}
	if len(c.NotCompared) > 0 {
		section("未比较的格")
		d.notCompared(c)
	}
	if len(c.Agencies)+len(c.OnlyLast)+len(c.OnlyThis) > 0 {
		section("各单位对比")
		d.comparedAgencies(c)
	}
	d.notes()
}

// sideText describes one reading: 2025年，2021年格式，文件 a.html.
func sideText(s compare.Side) string {
	parts := []string{yearText(s.Year, unknown)}
	if s.Agencies > 0 {
		parts = append(parts, fmt.Sprintf("%d个单位", s.Agencies))
	}
	if s.Form != "" {
		parts = append(parts, formName(s.Form))
	}
	if f := baseName(s.Source); f != "" {
		parts = append(parts, "文件 "+f)
	}
	return strings.Join(parts, "，")
}

// compareMeta names the agency and the two readings.
func (d *doc) compareMeta(c *compare.Comparison) {
	var kv [][2]string
	switch {
	case c.Last.Agencies > 0 || c.This.Agencies > 0:
		if name := strings.TrimSpace(c.This.Agency); name != "" {
			kv = append(kv, [2]string{"汇总单位", name})
		}
	case compare.SameAgency(c.Last.Agency, c.This.Agency):
		kv = append(kv, [2]string{"填报单位", c.This.Agency})
	default:
		kv = append(kv, [2]string{"上年单位", nonEmpty(c.Last.Agency, unknown)}, [2]string{"本年单位", nonEmpty(c.This.Agency, unknown)})
	}
	kv = append(kv, [2]string{"上年报告", sideText(c.Last)}, [2]string{"本年报告", sideText(c.This)})
	d.fields(kv)
}

// changeText is a row's change with its sign, 约 when a value is
// approximate, "" without one.
func changeText(r *compare.Row) string {
	n, ok := r.Change()
	if !ok {
		return ""
	}
	s := compare.Signed(n)
	if r.Approx() {
		s = "约" + s
	}
	return s
}

func pctText(r *compare.Row) string {
	if p, ok := r.ChangePct(); ok {
		return compare.Signed(p) + "%"
	}
	return ""
}

func sideValue(v *xxgk.Value) string {
	if v == nil {
		return ""
	}
	return valueText(*v)
}

// keyChanges lists every figure either year has: both values, the change
// and its percentage; a year without the figure is blank, and a note
// under the table says why.
func (d *doc) keyChanges(c *compare.Comparison) {
	rollup := c.Last.Agencies > 0 || c.This.Agencies > 0
	widths := []float64{48, 22, 22, 20, 22}
	head := []string{"指标", yearText(c.Last.Year, "上年"), yearText(c.This.Year, "本年"), "增减", "幅度"}
	if rollup {
		widths = []float64{40, 20, 20, 18, 22, 16, 16}
		head = append(head, "上年填报", "本年填报")
	}
	t := newList(sizeSmall, widths, head...)
	for i := range c.Rows {
		r := &c.Rows[i]
		if r.Kind != compare.KindFigure {
			continue
		}
		cells := []tcell{cellLeft(r.Label + "（" + r.Unit + "）"), cellRight(sideValue(r.Last)), cellRight(sideValue(r.This)),
			cellRight(changeText(r)), cellRight(pctText(r))}
		if rollup {
			for _, cov := range []*compare.Coverage{r.LastCoverage, r.ThisCoverage} {
				s := ""
				if cov != nil {
					s = fmt.Sprintf("%d/%d", cov.Count, cov.Of)
				}
				cells = append(cells, cellCenter(s))
			}
		}
		t.row(cells...)
	}
	if t.rows == 1 {
		d.text(lookBody, "两年的报告中均未识别出主要指标。")
		return
	}
	note := "增减为本年减上年，幅度为增减占上年的百分比（上年为0时不计）；空白表示该年未写明此项，不按0计；带“约”的为约数。"
	if rollup {
		note = "合计只计写明该项的单位，“填报”为写明的单位数/单位总数；两年填报单位数不同时，增减有一部分来自单位数的不同。" + note
	}
	d.text(lookNote, note)
	d.drawTable(t, "")
	counts := map[xxgk.Severity]int{}
	for _, f := range c.AllFindings() {
		counts[f.Severity]++
	}
	var parts []string
	for _, s := range []xxgk.Severity{xxgk.SeverityError, xxgk.SeverityWarning, xxgk.SeverityInfo} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%s%d条", s.Label(), counts[s]))
		}
	}
	if len(parts) > 0 {
		d.text(lookBody, "两年对比的核查发现："+strings.Join(parts, "、")+"，见下一部分。")
	}
}

// compareFindings lists the findings, errors first, each with the text of
// both reports it rests on.
func (d *doc) compareFindings(c *compare.Comparison) {
	all := c.AllFindings()
	if len(all) == 0 {
		d.text(lookBody, "未发现问题。")
		return
	}
	slices.SortStableFunc(all, func(a, b compare.Finding) int { return severityRank(a.Severity) - severityRank(b.Severity) })
	shown := all[:min(len(all), maxFindingRows)]
	multi := len(c.Agencies) > 0
	widths, head := []float64{16, 140}, []string{"级别", "说明"}
	if multi {
		widths, head = []float64{14, 34, 108}, []string{"级别", "单位", "说明"}
	}
	t := newList(sizeTable, widths, head...)
	for _, f := range shown {
		text := templates.RuleName(f.Rule) + "：" + f.Message
		if f.Evidence != "" {
			text += "\n本年原文" + lineText(sideOf(c, f.Agency, false), f.Line, f.Page) + "：" + f.Evidence
		}
		if f.LastEvidence != "" {
			text += "\n上年原文" + lineText(sideOf(c, f.Agency, true), f.LastLine, f.LastPage) + "：" + f.LastEvidence
		}
		cells := []tcell{cellCenter(f.Severity.Label())}
		if multi {
			cells = append(cells, cellLeft(nonEmpty(f.Agency, "（合计）")))
		}
		t.row(append(cells, cellLeft(text))...)
	}
	d.drawTable(t, "")
	if more := len(all) - len(shown); more > 0 {
		d.text(lookBody, fmt.Sprintf("另有%d条核查发现未列出；对比工作簿的“核查”工作表列出全部核查发现。", more))
	}
}

// lineText is （第3页） or （第12行） for the page or line of a reading
// (xxgk.Finding.Place), "" without one.
func lineText(s compare.Side, line, page int) string {
	if line <= 0 && page <= 0 {
		return ""
	}
	if s.Report != nil {
		if p := (xxgk.Finding{Line: line, Page: page}).Place(s.Report.Source); p != "" {
			return "（" + p + "）"
		}
		return ""
	}
	return fmt.Sprintf("（第%d行）", line)
}

// sideOf is a year's reading of the comparison, or of its agency.
func sideOf(c *compare.Comparison, agency string, last bool) compare.Side {
	if agency != "" {
		for _, a := range c.Agencies {
			if a.This.Agency == agency {
				c = a
				break
			}
		}
	}
	if last {
		return c.Last
	}
	return c.This
}

// comparedForm is the form whose tables are drawn: this year's, or last
// year's when this year's report has none.
func comparedForm(c *compare.Comparison) *templates.Form {
	if f := templates.FormByID(c.This.Form); f != nil {
		return f
	}
	return templates.FormByID(c.Last.Form)
}

// comparedTables draws the form's tables with every data row as three:
// 上年, 本年, 增减.
func (d *doc) comparedTables(c *compare.Comparison, form *templates.Form) {
	rows := map[string]*compare.Row{}
	for _, list := range [][]compare.Row{c.Rows, c.NotCompared} {
		for i := range list {
			rows[list[i].Key] = &list[i]
			if list[i].LastKey != "" {
				rows[list[i].LastKey] = &list[i]
			}
		}
	}
	note := "每行分上年、本年、增减（本年减上年）三行；空白表示该年报告没有此格，不按0计。"
	if lf, tf := c.Last.Form, c.This.Form; lf != tf && lf != "" && tf != "" {
		note += fmt.Sprintf("上年报告为%s，本年报告为%s，下表按%s列出，两种格式共有的格逐格比较，其余的格见“未比较的格”。",
			formName(lf), formName(tf), formName(form.ID))
	}
	d.text(lookNote, note)
	for _, g := range layout.Groups(form) {
		for i, grid := range g.Tables {
			caption := ""
			if i == 0 {
				caption = d.subheadingText(tableCaption(g.Section))
			}
			d.drawTable(comparedTable(g.Kind, grid, rows, c.This.Year), caption)
		}
	}
}

// sideWords label the three rows of a data row.
var sideWords = [3]string{"上年", "本年", "增减"}

// sideColWidth is the relative width of the column of sideWords.
const sideColWidth = 11

// comparedTable is a table of the form drawn from its layout with every
// row holding data as three rows, 上年, 本年 and 增减, which a column after
// the row labels names; the values from rows (by cell key).
func comparedTable(kind layout.Kind, g *layout.Grid, rows map[string]*compare.Row, year int) *table {
	base := formTable(kind, g, func(*templates.Table, string, string) string { return "" }, nil, year)
	// ins is where the column of sideWords goes: after the row labels.
	ins := 0
	for ins < len(g.Columns) && g.Columns[ins].Label {
		ins++
	}
	col := func(c int) int {
		if c >= ins {
			return c + 1
		}
		return c
	}
	// Body rows with data become three rows: start[r] is the first.
	triple := make([]bool, g.Rows)
	for _, x := range g.Cells {
		if x.Kind == layout.Data {
			triple[x.Row0] = true
		}
	}
	start := make([]int, g.Rows+1)
	for r := range g.Rows {
		n := 1
		if triple[r] {
			n = 3
		}
		start[r+1] = start[r] + n
	}
	end := func(r int) int { return start[r+1] - 1 }

	widths := slices.Insert(slices.Clone(base.widths), ins, sideColWidth)
	tb := newTable(base.size, widths...)
	tb.header, tb.keep, tb.landscape = g.HeaderRows, true, base.landscape
	if base.fit != nil {
		tb.fit = slices.Insert(slices.Clone(base.fit), ins, false)
	}
	for i, x := range g.Cells {
		look := base.cells[i]
		c0, c1 := col(x.Col0), col(x.Col1)
		switch {
		case x.Kind == layout.Data:
			r := rows[x.Key]
			for s := range 3 {
				text := ""
				if r != nil {
					text = [3]string{sideValue(r.Last), sideValue(r.This), changeText(r)}[s]
				}
				tb.merge(start[x.Row0]+s, c0, start[x.Row0]+s, c1, tcell{text: text, align: "R"})
			}
			continue
		case x.Row1 < g.HeaderRows && x.Col1 == ins-1:
			// The header over the row labels covers their new column too
			// (one over all columns does by itself).
			c1 = ins
		}
		tb.merge(start[x.Row0], c0, end(x.Row1), c1, look)
	}
	tb.together = make([]int, tb.rows)
	for r := range g.Rows {
		for i := start[r]; i <= end(r); i++ {
			tb.together[i] = start[r]
		}
	}
	if ins == 0 && g.HeaderRows > 0 { // 表四: no row labels, an empty corner
		tb.merge(0, 0, g.HeaderRows-1, 0, tcell{})
	}
	for r := g.HeaderRows; r < g.Rows; r++ {
		if !triple[r] {
			tb.merge(start[r], ins, start[r], ins, tcell{})
			continue
		}
		for s, word := range sideWords {
			tb.merge(start[r]+s, ins, start[r]+s, ins, tcell{text: word, align: "C"})
		}
	}
	// In reading order, as text is extracted: 上年 and its values, 本年 …
	slices.SortStableFunc(tb.cells, func(a, b tcell) int {
		if a.r0 != b.r0 {
			return a.r0 - b.r0
		}
		return a.c0 - b.c0
	})
	return tb
}

// notCompared lists the cells of one year that the other year's form does
// not have.
func (d *doc) notCompared(c *compare.Comparison) {
	d.text(lookNote, fmt.Sprintf("上年报告为%s，本年报告为%s。下列格只在一种格式中有，对方格式没有对应的格，未作比较：",
		formName(c.Last.Form), formName(c.This.Form)))
	t := newList(sizeSmall, []float64{18, 108, 30}, "年度", "格", "数值")
	for i := range c.NotCompared {
		r := &c.NotCompared[i]
		year, v := c.This.Year, r.This
		if r.Last != nil {
			year, v = c.Last.Year, r.Last
		}
		t.row(cellCenter(yearText(year, unknown)), cellLeft(r.Label), cellRight(sideValue(v)+" "+r.Unit))
	}
	d.drawTable(t, "")
}

// comparedAgencies lists the agencies of a comparison of roll-ups with
// their key figures in both years, on landscape pages.
func (d *doc) comparedAgencies(c *compare.Comparison) {
	d.text(lookNote, fmt.Sprintf("两年都有报告的单位%d个，只有上年报告的%d个，只有本年报告的%d个。空白表示该年没有报告或报告未写明此项。",
		len(c.Agencies), len(c.OnlyLast), len(c.OnlyThis)))
	keys := agencyKeys
	widths := []float64{7, 30}
	for range keys {
		widths = append(widths, 12, 12, 12)
	}
	t := newTable(sizeTiny, widths...)
	t.header, t.landscape = 2, true
	t.merge(0, 0, 1, 0, cellBold("序号"))
	t.merge(0, 1, 1, 1, cellBold("单位"))
	for i, k := range keys {
		fig := templates.FigureByKey(k)
		t.merge(0, 2+3*i, 0, 4+3*i, cellBold(fig.Label))
		for s, word := range sideWords {
			t.merge(1, 2+3*i+s, 1, 2+3*i+s, cellBold(word))
		}
	}
	n := 0
	line := func(name string, row func(key string) *compare.Row) {
		n++
		cells := []tcell{cellCenter(fmt.Sprint(n)), cellLeft(name)}
		for _, k := range keys {
			r := row(k)
			if r == nil {
				cells = append(cells, cellRight(""), cellRight(""), cellRight(""))
				continue
			}
			cells = append(cells, cellRight(sideValue(r.Last)), cellRight(sideValue(r.This)), cellRight(changeText(r)))
		}
		t.row(cells...)
	}
	for _, a := range c.Agencies {
		line(nonEmpty(a.This.Agency, unknownAgency), a.Row)
	}
	for _, only := range []struct {
		sides  []compare.Side
		isLast bool
		note   string
	}{{c.OnlyLast, true, "（只有上年）"}, {c.OnlyThis, false, "（只有本年）"}} {
		for _, s := range only.sides {
			line(nonEmpty(s.Agency, unknownAgency)+only.note, func(key string) *compare.Row {
				if s.Report == nil {
					return nil
				}
				v, ok := s.Report.Figures[key]
				if !ok {
					return nil
				}
				if only.isLast {
					return &compare.Row{Last: &v}
				}
				return &compare.Row{This: &v}
			})
		}
	}
	d.drawTable(t, "")
}

// sizeTiny sets the wide list of agencies.
const sizeTiny = 7.5

// agencyKeys are the figures of the list of agencies: the key figures
// (compare.KeyFigures) that fit a landscape page three columns each.
var agencyKeys = slices.DeleteFunc(slices.Clone(compare.KeyFigures), func(k string) bool { return k == "requests.granted" })
