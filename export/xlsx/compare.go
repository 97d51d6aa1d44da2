package xlsx

import (
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"xxgk"
	"xxgk/compare"
	"xxgk/export/layout"
	"xxgk/templates"
	"xxgk/workbook"
)

// WriteComparison writes the workbook of a comparison of two years
// (xxgk compare):
//   - 主要指标对比: every figure either year has, 上年 / 本年 / 增减 (a
//     formula) / 增减幅度, with how many agencies each total sums in a
//     comparison of roll-ups;
//   - one sheet per official table of this year's form (last year's when
//     this year's report has none), drawn from export/layout with every
//     data column split into 上年 / 本年 / 增减;
//   - 各单位对比 (roll-ups): the agencies of both years, key figures;
//   - 核查: the comparison's findings with the evidence of both years;
//   - 未比较: the cells one year's form has and the other's does not;
//   - 来源: the two readings compared.
//
// The workbook is marked as a comparison (workbook.Comparison), which the
// reader refuses to read as a report.
func WriteComparison(w io.Writer, c *compare.Comparison, opt Options) error {
	if c == nil {
		return errors.New("xlsx: no comparison")
	}
	b, err := newBook(opt, docProps{title: comparisonTitle(c), subject: c.This.Agency, kind: workbook.Comparison})
	if err != nil {
		return err
	}
	defer b.f.Close()
	ix := newRowIndex(c)
	if err := b.add("主要指标对比", compareFiguresSheet(c, ix)); err != nil {
		return err
	}
	if form := displayForm(c); form != nil {
		for _, g := range layout.Groups(form) {
			if err := b.add(g.Section.Name, compareFormSheet(c, g, ix)); err != nil {
				return err
			}
		}
	}
	if c.Agencies != nil || c.OnlyLast != nil || c.OnlyThis != nil {
		if err := b.add("各单位对比", compareAgenciesSheet(c)); err != nil {
			return err
		}
	}
	if err := b.add("核查", compareFindingsSheet(c)); err != nil {
		return err
	}
	if len(c.NotCompared) > 0 {
		if err := b.add("未比较", notComparedSheet(c)); err != nil {
			return err
		}
	}
	if err := b.add("来源", sourcesSheet(c)); err != nil {
		return err
	}
	return b.write(w)
}

// comparisonTitle is 某区2025年与2026年政府信息公开工作年度报告对比 (with
// both agencies when they differ).
func comparisonTitle(c *compare.Comparison) string {
	l, t := c.Last, c.This
	if compare.SameAgency(l.Agency, t.Agency) || l.Agency == t.Agency {
		return t.Agency + yearOrUnknown(l.Year) + "与" + yearOrUnknown(t.Year) + "政府信息公开工作年度报告对比"
	}
	return nonEmpty(l.Agency, "未识别单位") + yearOrUnknown(l.Year) + "与" + nonEmpty(t.Agency, "未识别单位") + yearOrUnknown(t.Year) +
		"政府信息公开工作年度报告对比"
}

func yearOrUnknown(y int) string { return nonEmpty(yearText(y), "年度未识别") }

// sideHeading heads a column of one year: 上年（2025年）.
func sideHeading(which string, s compare.Side) string {
	return which + "（" + yearOrUnknown(s.Year) + "）"
}

// sideCaption describes one reading in a line: 2025年 · 2021年格式 · 文件：a.html.
func sideCaption(s compare.Side) string {
	parts := []string{yearOrUnknown(s.Year)}
	if s.Agencies > 0 {
		parts = append(parts, fmt.Sprintf("%d个单位", s.Agencies))
	}
	if s.Form != "" {
		parts = append(parts, formName(s.Form))
	}
	if s.Source != "" {
		parts = append(parts, workbook.FileLabel+path.Base(strings.ReplaceAll(s.Source, `\`, "/")))
	}
	return strings.Join(parts, " · ")
}

// rowIndex finds a comparison's rows by either year's key, and the
// findings about each key of either year.
type rowIndex struct {
	rows      map[string]*compare.Row
	thisNotes map[string][]string // this year's key → findings' messages
	lastNotes map[string][]string
}

func newRowIndex(c *compare.Comparison) rowIndex {
	ix := rowIndex{rows: map[string]*compare.Row{}, thisNotes: map[string][]string{}, lastNotes: map[string][]string{}}
	for _, rows := range [][]compare.Row{c.Rows, c.NotCompared} {
		for i := range rows {
			r := &rows[i]
			ix.rows[r.Key] = r
			if r.LastKey != "" {
				ix.rows[r.LastKey] = r
			}
		}
	}
	for _, f := range c.Findings {
		for _, k := range f.Keys {
			ix.thisNotes[k] = append(ix.thisNotes[k], f.Message)
		}
		for _, k := range f.LastKeys {
			ix.lastNotes[k] = append(ix.lastNotes[k], f.Message)
		}
	}
	return ix
}

// valueNote is the comment of one year's value: where it was read (a
// report), or how many agencies it sums (a roll-up).
func valueNote(s compare.Side, v *xxgk.Value, cov *compare.Coverage) string {
	if cov != nil {
		note := fmt.Sprintf("%d/%d 个单位填报", cov.Count, cov.Of)
		if v.Approx {
			note += "\n含约数"
		}
		return note
	}
	src := xxgk.Source{Path: s.Source}
	if s.Report != nil {
		src = s.Report.Source
	}
	return evidenceNote(src, *v)
}

// putSides writes a row's two values and its change at (r, cLast),
// (r, cThis), (r, cChange): numbers with their notes, the change a
// formula of the two. Findings about a value flag its cell.
func putSides(g *grid, ix rowIndex, last, this compare.Side, row *compare.Row, r, cLast, cThis, cChange int) {
	put := func(col int, s compare.Side, v *xxgk.Value, cov *compare.Coverage, notes []string) {
		x := g.at(r, col)
		if v == nil {
			return
		}
		x.num, x.comment = cellValue(v.Value), valueNote(s, v, cov)
		if len(notes) > 0 {
			x.style, x.comment = sFlagged, joinNotes(strings.Join(notes, "\n"), x.comment)
		}
	}
	put(cLast, last, row.Last, row.LastCoverage, ix.lastNotes[nonEmpty(row.LastKey, row.Key)])
	put(cThis, this, row.This, row.ThisCoverage, ix.thisNotes[row.Key])
	if d, ok := row.Change(); ok {
		x := g.at(r, cChange)
		x.num, x.formula = cellValue(d), cellName(r, cThis)+"-"+cellName(r, cLast)
		if row.Approx() {
			x.comment = "含约数，增减也是约数"
		}
	}
}

// compareFiguresSheet lists the figures of both years.
func compareFiguresSheet(c *compare.Comparison, ix rowIndex) *grid {
	cols := []column{{"指标", 30, sLabel}, {"单位", 7, sTextCenter},
		{sideHeading("上年", c.Last), 13, sNumber}, {sideHeading("本年", c.This), 13, sNumber},
		{"增减", 11, sNumber}, {"增减幅度（%）", 10, sNumber}}
	rollup := c.Last.Agencies > 0 || c.This.Agencies > 0
	if rollup {
		cols = append(cols, column{"上年填报单位数", 10, sTextCenter}, column{"本年填报单位数", 10, sTextCenter})
	}
	cols = append(cols, column{"说明", 30, sText})
	note := "上年：" + sideCaption(c.Last) + "；本年：" + sideCaption(c.This) + "。增减为本年减上年（公式）；增减幅度为增减占上年的百分比，上年为0时不计。" +
		"报告未写明的数字不按0计：只有一年有的数字不计增减。带批注的数字注明来源；有核查发现的数字以底色标出。"
	if rollup {
		note = "上年：" + sideCaption(c.Last) + "；本年：" + sideCaption(c.This) + "。每个合计只计写明该项的单位，填报单位数不同时合计的增减有一部分来自单位数的不同。" +
			"增减为本年减上年（公式）；增减幅度为增减占上年的百分比，上年为0时不计。"
	}
	g := listSheet(cols, comparisonTitle(c)+"（主要指标）", note)
	top := len(g.rows)
	row := top
	for i := range c.Rows {
		fr := &c.Rows[i]
		if fr.Kind != compare.KindFigure {
			continue
		}
		for j, col := range cols {
			g.set(row, j, "", col.style)
		}
		g.at(row, 0).text, g.at(row, 1).text = fr.Label, fr.Unit
		putSides(g, ix, c.Last, c.This, fr, row, 2, 3, 4)
		if p, ok := fr.ChangePct(); ok {
			g.at(row, 5).num = cellValue(p)
		}
		var says []string
		switch {
		case fr.Last == nil:
			says = append(says, "仅本年有此项")
		case fr.This == nil:
			says = append(says, "仅上年有此项")
		}
		if fr.Approx() {
			says = append(says, "含约数")
		}
		if rollup {
			for j, cov := range []*compare.Coverage{fr.LastCoverage, fr.ThisCoverage} {
				if cov != nil {
					g.at(row, 6+j).text = fmt.Sprintf("%d/%d", cov.Count, cov.Of)
				}
			}
		}
		g.at(row, len(cols)-1).text = strings.Join(says, "；")
		row++
	}
	if row == top {
		g.merge(row, 0, row, len(cols)-1, "两年的报告中均未识别出主要指标", sTextCenter)
	}
	g.landscape = g.totalWidth() > 110
	return g
}

// displayForm is the form whose tables a comparison draws: this year's,
// or last year's when this year's report has none.
func displayForm(c *compare.Comparison) *templates.Form {
	if f := templates.FormByID(c.This.Form); f != nil {
		return f
	}
	return templates.FormByID(c.Last.Form)
}

// sides are the three sub-columns of a data column, left to right.
var sides = [3]string{"上年", "本年", "增减"}

// Widths of a compared table's sub-columns, by how the table is drawn.
var compareDataWidth = [...]float64{layout.Blocks: 12, layout.Nested: 8, layout.List: 12}

// compareFormSheet draws a group of the form's layout with each data
// column split into 上年, 本年 and 增减: a header row of those words is
// inserted under the column headers.
func compareFormSheet(c *compare.Comparison, g *layout.Group, ix rowIndex) *grid {
	first := g.Tables[0]
	label := columnWidths(g)
	// pos[i] is where grid column i starts on the sheet; a data column
	// takes three.
	pos := make([]int, len(first.Columns)+1)
	var widths []float64
	for i, col := range first.Columns {
		n := 1
		if !col.Label {
			n = 3
		}
		pos[i+1] = pos[i] + n
		for range n {
			if col.Label {
				widths = append(widths, label[i])
			} else {
				widths = append(widths, compareDataWidth[g.Kind])
			}
		}
	}
	isData := func(col int) bool { return !first.Columns[col].Label }
	sg := newGrid(widths...)
	w := len(widths)
	sg.merge(0, 0, 0, w-1, comparisonTitle(c), sTitle)
	sg.heights[0] = max(36, float64(linesFor(comparisonTitle(c), sg.totalWidth()/1.45))*24+8)
	sg.merge(1, 0, 1, w-1, "上年："+sideCaption(c.Last)+"；本年："+sideCaption(c.This)+"。每栏分上年、本年、增减（本年减上年）三列；报告未填的格空白，不按0计。", sNote)
	top := 2
	if lf, tf := c.Last.Form, c.This.Form; lf != tf && lf != "" && tf != "" {
		drawn := templates.FormLabel(first.Table.Form.ID)
		sg.merge(2, 0, 2, w-1, fmt.Sprintf("上年报告为%s，本年报告为%s，本表按%s列出：两种格式共有的格逐格比较；对方格式没有的格只有一年的数字，见“未比较”工作表。",
			formName(lf), formName(tf), drawn), sNote)
		top++
	}
	sg.merge(top, 0, top, w-1, g.Section.Heading, sHeading)
	r := top + 1
	if g.Kind != layout.Blocks {
		sg.titleRows = [2]int{r, r + first.HeaderRows}
	} else {
		sg.titleRows = [2]int{0, top}
	}
	for _, t := range g.Tables {
		hr := t.HeaderRows
		// at maps a grid row to the sheet: the sub-header row comes after
		// the header rows.
		at := func(row int) int {
			if row >= hr {
				return r + row + 1
			}
			return r + row
		}
		for _, x := range t.Cells {
			c0, c1 := pos[x.Col0], pos[x.Col1+1]-1
			switch {
			case x.Kind == layout.Data || x.Kind == layout.Empty:
				k := (c1 - c0 + 1) / 3
				row := ix.rows[x.Key]
				for s := range 3 {
					sg.merge(at(x.Row0), c0+s*k, at(x.Row1), c0+(s+1)*k-1, "", sNumber)
				}
				if x.Kind == layout.Data && row != nil {
					putSides(sg, ix, c.Last, c.This, row, at(x.Row0), c0, c0+k, c0+2*k)
				}
			case x.Row1 == hr-1 && (x.Kind == layout.Header || x.Kind == layout.Corner) && isData(x.Col0):
				sg.merge(at(x.Row0), c0, at(x.Row1), c1, x.TextIn(c.This.Year), cellStyles[x.Kind])
				k := (c1 - c0 + 1) / 3
				for s, word := range sides {
					sg.merge(r+hr, c0+s*k, r+hr, c0+(s+1)*k-1, word, sHeader)
				}
			case x.Row1 == hr-1:
				// A label column's header reaches down over the sub-header row.
				sg.merge(at(x.Row0), c0, r+hr, c1, x.TextIn(c.This.Year), cellStyles[x.Kind])
			default:
				sg.merge(at(x.Row0), c0, at(x.Row1), c1, x.TextIn(c.This.Year), cellStyles[x.Kind])
			}
		}
		r += t.Rows + 1
	}
	sg.landscape = sg.totalWidth() > 110
	return sg
}

// compareAgenciesSheet lists the agencies of a comparison of roll-ups:
// those of both years with their key figures in each, then those of one
// year only.
func compareAgenciesSheet(c *compare.Comparison) *grid {
	cols := []column{{"序号", 6, sNumber}, {"单位", 26, sLabel}}
	first := len(cols)
	for range compare.KeyFigures {
		cols = append(cols, column{"", 9, sNumber}, column{"", 9, sNumber}, column{"", 9, sNumber})
	}
	cols = append(cols, column{"核查发现", 9, sNumber}, column{"说明", 24, sText})
	g := newGrid()
	for _, col := range cols {
		g.widths = append(g.widths, col.width)
	}
	w := len(cols)
	g.merge(0, 0, 0, min(w-1, 10), comparisonTitle(c)+"（各单位）", sTitle)
	g.merge(1, 0, 1, min(w-1, 10), fmt.Sprintf("两年都有报告的单位%d个，只有上年报告的%d个，只有本年报告的%d个。增减为本年减上年（公式）；空白表示该年没有报告或报告未写明此项（不按0计）。核查发现为两年对比的发现条数，见“核查”工作表。",
		len(c.Agencies), len(c.OnlyLast), len(c.OnlyThis)), sNote)
	g.merge(2, 0, 3, 0, "序号", sHeader)
	g.merge(2, 1, 3, 1, "单位", sHeader)
	for i, key := range compare.KeyFigures {
		fig := templates.FigureByKey(key)
		c0 := first + 3*i
		g.merge(2, c0, 2, c0+2, fig.Label+"（"+fig.Unit+"）", sHeader)
		for s, word := range sides {
			g.set(3, c0+s, word, sHeader)
		}
	}
	g.merge(2, w-2, 3, w-2, "核查发现", sHeader)
	g.merge(2, w-1, 3, w-1, "说明", sHeader)
	g.titleRows, g.freeze, g.titleCols = [2]int{2, 3}, [2]int{4, 2}, 2
	row := 4
	n := 0
	line := func(last, this compare.Side, figures func(key string) *compare.Row, findings int, says string) {
		n++
		for j, col := range cols {
			g.set(row, j, "", col.style)
		}
		g.at(row, 0).num = int64(n)
		g.at(row, 1).text = nonEmpty(this.Agency, nonEmpty(last.Agency, "未识别单位"))
		for i, key := range compare.KeyFigures {
			if fr := figures(key); fr != nil {
				c0 := first + 3*i
				putSides(g, rowIndex{}, last, this, fr, row, c0, c0+1, c0+2)
			}
		}
		if findings >= 0 {
			g.at(row, w-2).num = int64(findings)
		}
		g.at(row, w-1).text = says
		row++
	}
	for _, a := range c.Agencies {
		line(a.Last, a.This, func(key string) *compare.Row { return a.Row(key) }, len(a.Findings), "")
	}
	for _, only := range []struct {
		sides  []compare.Side
		isLast bool
	}{{c.OnlyLast, true}, {c.OnlyThis, false}} {
		for _, s := range only.sides {
			says, last, this := "只有本年的报告", compare.Side{}, s
			if only.isLast {
				says, last, this = "只有上年的报告", s, compare.Side{}
			}
			line(last, this, func(key string) *compare.Row {
				if s.Report == nil {
					return nil
				}
				v, ok := s.Report.Figures[key]
				if !ok {
					return nil
				}
				fr := &compare.Row{Kind: compare.KindFigure, Key: key}
				if only.isLast {
					fr.Last = &v
				} else {
					fr.This = &v
				}
				return fr
			}, -1, says)
		}
	}
	g.autoFilter = cellName(3, 0) + ":" + cellName(max(row-1, 4), w-1)
	g.landscape, g.pagesWide = true, 2
	return g
}

// compareFindingsSheet lists the comparison's findings (and its
// agencies'), with the evidence of both years.
func compareFindingsSheet(c *compare.Comparison) *grid {
	cols := []column{{"级别", 7, sTextCenter}, {"类别", 18, sText}, {"说明", 56, sText},
		{"涉及", 24, sText}, {"本年位置", 9, sTextCenter}, {"本年原文", 30, sText},
		{"上年位置", 9, sTextCenter}, {"上年原文", 30, sText}}
	multi := len(c.Agencies) > 0
	if multi {
		cols = append([]column{{"单位", 22, sText}}, cols...)
	}
	all := c.AllFindings()
	g := listSheet(cols, comparisonTitle(c)+"（核查）",
		fmt.Sprintf("共%d条核查发现。本年、上年两列为两份报告中的原文及其位置。各报告自身的核查（勾稽关系等）请用 xxgk check。", len(all)))
	header := len(g.rows) - 1
	row := header + 1
	// place names the page or line of one year's report of the finding's
	// agency (xxgk.Finding.Place).
	place := func(f compare.Finding, last bool, line, page int) string {
		if line <= 0 && page <= 0 {
			return ""
		}
		s := sideOf(c, f.Agency, last)
		if s.Report != nil {
			return xxgk.Finding{Line: line, Page: page}.Place(s.Report.Source)
		}
		return fmt.Sprintf("第%d行", line)
	}
	for _, f := range all {
		texts := []string{f.Severity.Label(), templates.RuleName(f.Rule), f.Message,
			keyLabels(append(slices.Clone(f.Keys), notIn(f.LastKeys, f.Keys)...)),
			place(f, false, f.Line, f.Page), f.Evidence, place(f, true, f.LastLine, f.LastPage), f.LastEvidence}
		if multi {
			texts = append([]string{nonEmpty(f.Agency, "（合计）")}, texts...)
		}
		for i, col := range cols {
			g.set(row, i, texts[i], col.style)
		}
		row++
	}
	if len(all) == 0 {
		g.merge(row, 0, row, len(cols)-1, "未发现问题", sTextCenter)
		row++
	}
	g.autoFilter = cellName(header, 0) + ":" + cellName(row-1, len(cols)-1)
	g.landscape = true
	return g
}

// notIn is the keys of a that are not in b.
func notIn(a, b []string) []string {
	var out []string
	for _, k := range a {
		if !slices.Contains(b, k) {
			out = append(out, k)
		}
	}
	return out
}

// sideOf is the reading of a year of the comparison, or of its agency.
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

// notComparedSheet lists the cells of one year's form that the other
// year's form does not have.
func notComparedSheet(c *compare.Comparison) *grid {
	cols := []column{{"年度", 12, sTextCenter}, {"格式", 14, sTextCenter}, {"格", 64, sText}, {"数值", 14, sNumber}, {"单位", 8, sTextCenter}}
	g := listSheet(cols, comparisonTitle(c)+"（未比较的格）",
		fmt.Sprintf("上年报告为%s，本年报告为%s。下列格只在一种格式中有，对方格式没有对应的格，因此未作比较。", formName(c.Last.Form), formName(c.This.Form)))
	row := len(g.rows)
	for i := range c.NotCompared {
		nr := &c.NotCompared[i]
		s, v := c.This, nr.This
		if nr.Last != nil {
			s, v = c.Last, nr.Last
		}
		texts := []string{yearOrUnknown(s.Year), formName(s.Form), nr.Label, "", nr.Unit}
		for j, col := range cols {
			g.set(row, j, texts[j], col.style)
		}
		x := g.at(row, 3)
		x.num, x.comment = cellValue(v.Value), valueNote(s, v, nil)
		row++
	}
	g.autoFilter = cellName(len(g.rows)-len(c.NotCompared)-1, 0) + ":" + cellName(row-1, len(cols)-1)
	return g
}

// sourcesSheet describes the two readings compared.
func sourcesSheet(c *compare.Comparison) *grid {
	cols := []column{{"项目", 18, sLabel}, {"上年", 48, sText}, {"本年", 48, sText}}
	g := listSheet(cols, comparisonTitle(c)+"（来源）")
	row := len(g.rows)
	line := func(label string, f func(s compare.Side) string) {
		g.set(row, 0, label, sLabel)
		g.set(row, 1, f(c.Last), sText)
		g.set(row, 2, f(c.This), sText)
		row++
	}
	names := func(only []compare.Side) string {
		var out []string
		for _, o := range only {
			out = append(out, nonEmpty(o.Agency, path.Base(strings.ReplaceAll(o.Source, `\`, "/"))))
		}
		return nonEmpty(strings.Join(out, "、"), "无")
	}
	rollup := c.Last.Agencies > 0 || c.This.Agencies > 0
	line("年度", func(s compare.Side) string { return yearOrUnknown(s.Year) })
	if rollup {
		line("汇总单位", func(s compare.Side) string { return s.Agency })
		line("单位数", func(s compare.Side) string { return fmt.Sprintf("%d个", s.Agencies) })
		line("统计表格式", func(s compare.Side) string { return nonEmpty(templates.FormLabel(s.Form), "无统计表") })
		line("读取的文件或文件夹", func(s compare.Side) string { return s.Source })
		g.set(row, 0, "只有这一年报告的单位", sLabel)
		g.set(row, 1, names(c.OnlyLast), sText)
		g.set(row, 2, names(c.OnlyThis), sText)
		row++
	} else {
		line("单位", func(s compare.Side) string { return nonEmpty(s.Agency, "未识别") })
		line("格式", func(s compare.Side) string { return formName(s.Form) })
		line("文件", func(s compare.Side) string { return s.Source })
		line("SHA-256", func(s compare.Side) string { return s.SHA256 })
		line("发布日期", func(s compare.Side) string { return nonEmpty(s.Published, "未识别") })
		line("报告自身的核查发现", func(s compare.Side) string {
			if s.Report == nil {
				return ""
			}
			return fmt.Sprintf("%d条（用 xxgk check 查看）", len(s.Report.Findings))
		})
	}
	return g
}
