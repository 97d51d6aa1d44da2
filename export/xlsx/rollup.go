package xlsx

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/compare"
	"xxgk/export/layout"
	"xxgk/rollup"
	"xxgk/templates"
	"xxgk/workbook"
)

// ErrEmptyRollup is WriteRollup's error for a roll-up without any report
// (every input unreadable): there is nothing to sum, and a workbook of only
// 核查 would look like a result. The caller reports the unreadable inputs.
var ErrEmptyRollup = errors.New("xlsx: 汇总中没有任何可用的报告")

// MaxAgencySheets is the number of agencies up to which a roll-up workbook
// also holds each agency's official sheets.
const MaxAgencySheets = 200

// WriteRollup writes the workbook of a roll-up (汇总).
//
// For each year, in the roll-up's order:
//   - 2023年汇总 表二/表三/表四 (2023年汇总 for a form of one sheet): the
//     official form most of the year's agencies used, each cell the sum
//     over them with its coverage (42/45 个单位填报) as a comment. When the
//     year has both national forms, the 2021 layout holds the cells the
//     two have in common summed over both, and its other cells (italic)
//     over the 2021 agencies only; a note above the table says so.
//   - 2023年主要指标: every figure of templates.Figures with its total,
//     coverage and 约数 mark, and a column per group (--units).
//   - 2023年各单位 (各单位 when there is one year): one row per agency
//     with its figures (empty where the report does not state one), form,
//     number of findings and file; filter, frozen header, and at the
//     bottom a 合计 row (SUM), a 填报单位数 row (COUNT) and a 小计 row per
//     group (SUMIF), every formula with its cached value from the model.
//
// With several years of the same agencies, 历年趋势 (trendSheet): the key
// figures of each agency per year.
//
// Then 核查: the inputs that could not be read, and every finding. Last,
// each agency's official sheets as WriteReports writes them, when there
// are at most MaxAgencySheets agencies; otherwise 核查 and 主要指标 say
// they were left out.
//
// A roll-up without years gives ErrEmptyRollup and writes nothing.
func WriteRollup(w io.Writer, ru *rollup.Rollup, opt Options) error {
	if ru == nil || len(ru.Years) == 0 {
		return ErrEmptyRollup
	}
	agencies := 0
	for _, y := range ru.Years {
		if y == nil {
			return errors.New("xlsx: 汇总中有空的年度")
		}
		agencies += len(y.Agencies)
	}
	b, err := newBook(opt, docProps{title: "政府信息公开工作年度报告汇总", subject: ru.Name, kind: workbook.Rollup})
	if err != nil {
		return err
	}
	defer b.f.Close()
	omitted := ""
	if agencies > MaxAgencySheets {
		omitted = fmt.Sprintf("共%d个单位，超过%d个，本工作簿未附各单位的统计表；各单位的主要指标见“各单位”工作表。", agencies, MaxAgencySheets)
	}
	for _, y := range ru.Years {
		if err := b.addYear(ru, y, len(ru.Years) > 1, omitted); err != nil {
			return err
		}
	}
	if tr := compare.Trends(ru); tr != nil {
		if err := b.add("历年趋势", trendSheet(ru, tr)); err != nil {
			return err
		}
	}
	if err := b.add("核查", rollupFindingsSheet(ru, omitted)); err != nil {
		return err
	}
	if omitted == "" {
		for _, y := range ru.Years {
			for _, a := range y.Agencies {
				if a.Report == nil {
					continue
				}
				if err := b.addReportSheets(a.Report, true); err != nil {
					return err
				}
			}
		}
	}
	return b.write(w)
}

// yearPrefix starts the names of a year's sheets: 2023年, 年度未识别.
func yearPrefix(year int) string { return nonEmpty(yearText(year), "年度未识别") }

func (b *book) addYear(ru *rollup.Rollup, y *rollup.Year, multiYear bool, omitted string) error {
	prefix := yearPrefix(y.Year)
	for i, st := range y.SummaryTables() {
		form := templates.FormByID(st.Form)
		if form == nil {
			continue
		}
		groups := layout.Groups(form)
		notes := formNotes(y, form, st.Shared)
		for _, g := range groups {
			fg := buildForm(g, formHeader{agency: ru.Name, year: y.Year, rollup: true})
			// The notes go under 汇总单位/报告年度, above the section heading.
			fg.insertRows(2, len(notes))
			for i, n := range notes {
				fg.merge(2+i, 0, 2+i, fg.width()-1, n, sNote)
			}
			fillRollup(fg, y, form, st.Shared)
			name := prefix + "汇总"
			if i > 0 { // a minority form of the year: its own sheets
				name += " " + formName(form.ID)
			}
			if len(groups) > 1 {
				name += " " + g.Section.Short
			}
			if err := b.add(name, fg.grid); err != nil {
				return err
			}
		}
	}
	if err := b.add(prefix+"主要指标", rollupFiguresSheet(ru, y, omitted)); err != nil {
		return err
	}
	name := "各单位"
	if multiYear {
		name = prefix + name
	}
	return b.add(name, agencySheet(ru, y))
}

// formName is a form's short Chinese name: 2021年格式 (templates.FormLabel).
func formName(id string) string {
	if id == "" {
		return "未识别"
	}
	return templates.FormLabel(id)
}

// agencyCount is 45个单位（2021年格式40个、2019年格式5个）.
func agencyCount(y *rollup.Year) string {
	s := fmt.Sprintf("%d个单位", len(y.Agencies))
	if len(y.Forms) > 1 {
		parts := make([]string, len(y.Forms))
		for i, fc := range y.Forms {
			parts[i] = fmt.Sprintf("%s%d个", formName(fc.Form), fc.Count)
		}
		s += "（" + strings.Join(parts, "、") + "）"
	}
	return s
}

// formNotes are the rows above a 汇总 table: what was summed, and what is
// not in the table.
func formNotes(y *rollup.Year, form *templates.Form, sc *rollup.SharedCells) []string {
	head := "共" + agencyCount(y) + "。每格为填报该格的各单位数字之和，批注注明填报单位数（如“42/45 个单位填报”）；报告未填的格不按0计。"
	in := []string{form.ID}
	var body string
	if sc == nil {
		body = fmt.Sprintf("本表为%s%d个单位的合计。", formName(form.ID), y.FormCount(form.ID))
	} else {
		in = sc.Forms
		var parts, only []string
		total := 0
		for _, f := range sc.Forms {
			n := y.FormCount(f)
			total += n
			parts = append(parts, fmt.Sprintf("%s%d个单位", formName(f), n))
		}
		for _, o := range sc.Only {
			if o.Form != form.ID && o.Count > 0 {
				only = append(only, fmt.Sprintf("%s另有%d个格与本表不对应，未列入本表", formName(o.Form), o.Count))
			}
		}
		body = fmt.Sprintf("本表合并了%s：两种格式共有的格为%d个单位的合计；其余的格（斜体）只是%s%d个单位的合计。",
			strings.Join(parts, "和"), total, formName(form.ID), y.FormCount(form.ID))
		if len(only) > 0 {
			body += strings.Join(only, "；") + "。"
		}
	}
	var out []string
	for _, fc := range y.Forms {
		if !slices.Contains(in, fc.Form) {
			out = append(out, fmt.Sprintf("%s%d个", formName(fc.Form), fc.Count))
		}
	}
	if len(out) > 0 {
		body += "其余单位（" + strings.Join(out, "、") + "）的格式不同，不在本表中：其中采用其他统计表的单位另有汇总工作表，各单位的主要指标见主要指标和各单位工作表。"
	}
	return []string{head, body}
}

// coverage is the note of a summed value: 42/45 个单位填报, 含约数.
func coverage(t rollup.Total, suffix string) string {
	s := fmt.Sprintf("%d/%d 个单位填报", t.Count, t.Of) + suffix
	if t.Approx {
		s += "\n含约数"
	}
	return s
}

var rollupWords = totalWords{"各单位均未填报本格", "本格为各单位填报数之和 %s", "分项未全部有填报数，本格为各单位填报数之和，未写公式"}

// fillRollup writes a year's summed cells into a 汇总 sheet of form.
func fillRollup(fg *formGrid, y *rollup.Year, form *templates.Form, sc *rollup.SharedCells) {
	cells := map[string]xxgk.Value{}
	notes := map[string]string{}
	var partial []slot
	var both, only string
	if sc != nil {
		labels := make([]string, len(sc.Forms))
		for i, f := range sc.Forms {
			labels[i] = formName(f)
		}
		both, only = "（"+strings.Join(labels, "、")+"合计）", "（仅"+formName(form.ID)+"）"
	}
	for _, s := range fg.slots {
		var t rollup.Total
		ok, suffix := false, ""
		if sc != nil {
			t, ok = sc.Cells[strings.TrimPrefix(s.key, form.ID+".")]
			suffix = both
		}
		if !ok {
			if t, ok = y.Cells[s.key]; ok && sc != nil {
				suffix = only
				partial = append(partial, s)
			}
		}
		if ok {
			cells[s.key] = xxgk.Value{Value: t.Value, Approx: t.Approx}
			notes[s.key] = coverage(t, suffix)
		}
	}
	fillCells(fg, cells, func(key string, _ xxgk.Value) string { return notes[key] }, rollupWords)
	for _, s := range partial {
		if x := fg.at(s.r, s.c); x.style == sNumber {
			x.style = sPartial
		}
	}
}

// rollupTitle starts the titles of a year's sheets: 某县2023年.
func rollupTitle(ru *rollup.Rollup, y *rollup.Year) string {
	if y.Year == 0 {
		return ru.Name + "年度未识别的"
	}
	return ru.Name + yearText(y.Year)
}

var rollupFigureColumns = []column{{"指标", 30, sLabel}, {"单位", 7, sTextCenter}, {"合计", 14, sNumber},
	{"填报单位数", 11, sTextCenter}, {"含约数", 8, sTextCenter}}

// rollupFiguresSheet lists a year's figures: total, coverage, 约数, and
// one column per group.
func rollupFiguresSheet(ru *rollup.Rollup, y *rollup.Year, omitted string) *grid {
	cols := slices.Clone(rollupFigureColumns)
	for _, gr := range y.Groups {
		cols = append(cols, column{fmt.Sprintf("%s（%d个单位）", gr.Name, gr.Agencies), 14, sNumber})
	}
	notes := []string{"共" + agencyCount(y) + "。填报单位数为写明该项的单位数/单位总数；报告未写明的不按0计。"}
	if len(y.Groups) > 0 {
		notes[0] += "分组各列为该组的小计，批注注明填报单位数。"
	}
	if omitted != "" {
		notes = append(notes, omitted)
	}
	g := listSheet(cols, rollupTitle(ru, y)+"政府信息公开工作年度报告主要指标汇总", notes...)
	row := len(g.rows)
	for _, fig := range templates.Figures {
		g.set(row, 0, fig.Label, sLabel)
		for c, col := range cols[1:] {
			g.set(row, c+1, "", col.style)
		}
		g.at(row, 1).text = fig.Unit
		g.at(row, 3).text = fmt.Sprintf("0/%d", len(y.Agencies))
		if t, ok := y.Figures[fig.Key]; ok {
			g.at(row, 2).num = cellValue(t.Value)
			g.at(row, 3).text = fmt.Sprintf("%d/%d", t.Count, t.Of)
			if t.Approx {
				g.at(row, 4).text = "是"
			}
		}
		for i, gr := range y.Groups {
			if t, ok := gr.Figures[fig.Key]; ok {
				x := g.at(row, len(rollupFigureColumns)+i)
				x.num, x.comment = cellValue(t.Value), coverage(t, "")
			}
		}
		row++
	}
	g.landscape = g.totalWidth() > 110
	return g
}

// firstPageWidth is about the width, in column units, of the first of the
// landscape pages the 各单位 sheet is printed across.
const firstPageWidth = 130

// agencySheet lists a year's agencies, one row each, with totals below.
func agencySheet(ru *rollup.Rollup, y *rollup.Year) *grid {
	grouped := false
	for _, a := range y.Agencies {
		grouped = grouped || a.Group != ""
	}
	cols := []column{{"序号", 6, sNumber}, {"单位", 24, sLabel}}
	if grouped {
		cols = append(cols, column{"分组", 12, sText})
	}
	cols = append(cols, column{"格式", 12, sTextCenter})
	first := len(cols) // first figure column
	for _, fig := range templates.Figures {
		cols = append(cols, column{fig.Label + "\n（" + fig.Unit + "）", 11, sNumber})
	}
	nFig := len(templates.Figures)
	cols = append(cols, column{"核查发现数", 9, sNumber}, column{"来源文件", 36, sText})
	tail := "合计和填报单位数"
	if grouped {
		tail = "合计、填报单位数和各分组小计"
	}
	// The title and note fit on the first of the pages printed across.
	span, w := 0, 0.0
	for span < len(cols) && w+cols[span].width <= firstPageWidth {
		w += cols[span].width
		span++
	}
	g := listSheetSpan(cols, max(span, 1), fmt.Sprintf("%s各单位主要指标（%d个单位）", rollupTitle(ru, y), len(y.Agencies)),
		"空白表示报告未写明该项（不按0计）；带批注的数为约数，批注为原文。表末为"+tail+"，均为公式。")
	header := len(g.rows) - 1
	top := header + 1
	for i, a := range y.Agencies {
		row := top + i
		for c, col := range cols {
			g.set(row, c, "", col.style)
		}
		g.at(row, 0).num = int64(i + 1)
		g.at(row, 1).text = nonEmpty(a.Agency, "未署名机关")
		if grouped {
			g.at(row, 2).text = a.Group
		}
		g.at(row, first-1).text = formName(a.Form)
		for j, fig := range templates.Figures {
			if v, ok := a.Figures[fig.Key]; ok {
				x := g.at(row, first+j)
				x.num = cellValue(v.Value)
				if v.Approx {
					x.comment = evidenceNote(a.Report.Source, v)
				}
			}
		}
		g.at(row, first+nFig).num = int64(a.Findings)
		g.at(row, first+nFig+1).text = a.Path
	}
	last := top + len(y.Agencies) - 1
	g.autoFilter = cellName(header, 0) + ":" + cellName(max(last, top), len(cols)-1)
	// 序号 and 单位 stay in view, and are printed on every page of the
	// three the sheet is printed across.
	g.freeze, g.titleCols, g.pagesWide = [2]int{top, 2}, 2, 3
	g.titleRows = [2]int{header, header}
	g.landscape = true

	// colRange is a column's agency rows: E4:E48, or $E$4:$E$48.
	colRange := func(c int, abs bool) string {
		a, _ := excelize.CoordinatesToCellName(c+1, top+1, abs)
		b, _ := excelize.CoordinatesToCellName(c+1, last+1, abs)
		return a + ":" + b
	}
	row := last + 1
	// A row of totals, labelled in 序号+单位, which every printed page shows.
	summary := func(label string) {
		for c := range cols {
			g.set(row, c, "", sFormula)
		}
		g.merge(row, 0, row, 1, label, sHeader)
	}
	findings := func(rows []*rollup.AgencyRow) int64 {
		n := int64(0)
		for _, a := range rows {
			n += int64(a.Findings)
		}
		return n
	}
	if len(y.Agencies) == 0 {
		return g
	}
	// 合计: a figure no agency stated stays empty.
	summary("合计")
	for j, fig := range templates.Figures {
		if t, ok := y.Figures[fig.Key]; ok {
			x := g.at(row, first+j)
			x.formula, x.num = "SUM("+colRange(first+j, false)+")", cellValue(t.Value)
			if t.Approx {
				x.comment = "含约数"
			}
		}
	}
	x := g.at(row, first+nFig)
	x.formula, x.num = "SUM("+colRange(first+nFig, false)+")", findings(y.Agencies)
	row++
	summary("填报单位数")
	for j, fig := range templates.Figures {
		x := g.at(row, first+j)
		x.formula, x.num = "COUNT("+colRange(first+j, false)+")", int64(y.Figures[fig.Key].Count)
	}
	row++
	if !grouped {
		return g
	}
	members := map[string][]*rollup.AgencyRow{}
	for _, a := range y.Agencies {
		members[a.Group] = append(members[a.Group], a)
	}
	groupCol := colRange(2, true)
	for _, gr := range y.Groups {
		summary(fmt.Sprintf("小计：%s（%d个单位）", gr.Name, gr.Agencies))
		g.at(row, 2).text = gr.Name
		crit := `"=` + strings.ReplaceAll(sumifLiteral.Replace(gr.Name), `"`, `""`) + `"`
		sumif := func(c int) string { return "SUMIF(" + groupCol + "," + crit + "," + colRange(c, false) + ")" }
		for j, fig := range templates.Figures {
			if t, ok := gr.Figures[fig.Key]; ok {
				x := g.at(row, first+j)
				x.formula, x.num = sumif(first+j), cellValue(t.Value)
				if t.Approx {
					x.comment = "含约数"
				}
			}
		}
		x := g.at(row, first+nFig)
		x.formula, x.num = sumif(first+nFig), findings(members[gr.Name])
		row++
	}
	return g
}

// sumifLiteral escapes the wildcards of a SUMIF criterion.
var sumifLiteral = strings.NewReplacer("~", "~~", "*", "~*", "?", "~?")

var rollupFindingColumns = append([]column{{"文件", 28, sText}, {"单位", 20, sText}, {"年度", 7, sTextCenter}}, findingColumns...)

// rollupFindingsSheet lists the inputs that could not be read, then every
// finding of the roll-up and of its reports.
func rollupFindingsSheet(ru *rollup.Rollup, omitted string) *grid {
	cols := rollupFindingColumns
	notes := []string{fmt.Sprintf("共%d条核查发现；%d个文件无法读取（列在最前）。", len(ru.Findings), len(ru.Unreadable))}
	if omitted != "" {
		notes = append(notes, omitted)
	}
	g := listSheet(cols, ru.Name+"政府信息公开工作年度报告汇总核查结果", notes...)
	header := len(g.rows) - 1
	row := header + 1
	for _, u := range ru.Unreadable {
		texts := []string{u.Path, "", "", xxgk.SeverityError.Label(), "unreadable", "无法读取：" + u.Reason, "", "", ""}
		for i, c := range cols {
			g.set(row, i, texts[i], c.style)
		}
		row++
	}
	for _, f := range ru.Findings {
		for i, text := range []string{f.Path, f.Agency, yearText(f.Year)} {
			g.set(row, i, text, cols[i].style)
		}
		findingRow(g, row, 3, findingColumns, f.Finding)
		row++
	}
	if row == header+1 {
		g.merge(row, 0, row, len(cols)-1, "未发现问题", sTextCenter)
		row++
	}
	g.autoFilter = cellName(header, 0) + ":" + cellName(row-1, len(cols)-1)
	g.landscape = true
	return g
}
