package xlsx

import (
	"errors"
	"fmt"
	"io"
	"os"
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

// WriteRollup writes the workbook of a roll-up (汇总). Its number of
// sheets does not grow with the number of agencies: for each year, in the
// roll-up's order,
//   - 2023年汇总 表二/表三/表四 (2023年汇总 for a form of one sheet): the
//     official form most of the year's agencies used, each cell the sum
//     over them, each row with its 填报单位数 (42/45) in a column of its
//     own, set off where not every agency filled it, and every cell's
//     coverage as a comment. When the year has both national forms, the
//     2021 layout holds the cells the two have in common summed over
//     both, and its other cells (italic) over the 2021 agencies only; a
//     note above the table says so. A minority form of the year has 汇总
//     sheets of its own.
//   - 2023年主要指标: every figure of templates.Figures with its total,
//     coverage and 约数 mark, and a column per group.
//   - 2023年各单位 (各单位 when there is one year): one row per agency
//     with its figures, form, findings and file, and below them 合计,
//     填报单位数 and a 小计 per group, as formulas with cached values.
//   - 2023年明细 表二/表三/表四: for each official table summed, one row
//     per agency with the table's cells as columns, under a header of two
//     rows from the form (the row, then the column), totals below as in
//     各单位.
//   - 2023年未报送, with a roster, inputs that are not reports or reports
//     outside the roster: the roster's agencies without a report, the
//     reports of agencies not on it, the inputs that are not reports.
//
// With several years of the same agencies, 历年趋势 (trendSheet): the key
// figures of each agency per year.
//
// Agencies are listed in the roster's order, else by name in pinyin
// order; those with error findings are shaded, the findings named in a
// column. Then 核查: the inputs that could not be read, and every finding.
// Last, with opt.AgencySheets, each agency's official sheets as
// WriteReports writes them.
//
// A roll-up without years gives ErrEmptyRollup and writes nothing.
func WriteRollup(w io.Writer, ru *rollup.Rollup, opt Options) error {
	if ru == nil || len(ru.Years) == 0 {
		return ErrEmptyRollup
	}
	for _, y := range ru.Years {
		if y == nil {
			return errors.New("xlsx: 汇总中有空的年度")
		}
	}
	b, err := newBook(opt, docProps{title: "政府信息公开工作年度报告汇总", subject: ru.Name, kind: workbook.Rollup})
	if err != nil {
		return err
	}
	defer b.f.Close()
	for _, y := range ru.Years {
		if err := b.addYear(ru, y, len(ru.Years) > 1); err != nil {
			return err
		}
	}
	if tr := compare.Trends(ru); tr != nil {
		if err := b.add("历年趋势", trendSheet(ru, tr)); err != nil {
			return err
		}
	}
	if err := b.add("核查", rollupFindingsSheet(ru)); err != nil {
		return err
	}
	if opt.AgencySheets {
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
	return b.writeRollup(w, opt)
}

// writeRollup is book.write for a roll-up's workbook, whose sheets
// excelize holds in memory until the end (some 500 MB for 100,000
// agencies): with opt.TempDir, its package (another 70 MB, in a buffer
// that grows by doubling) is written to a file there rather than beside
// them, and read back once they are dropped. The bytes written are
// book.write's; without a temporary file, it is book.write.
func (b *book) writeRollup(w io.Writer, opt Options) error {
	if opt.TempDir == "" {
		return b.write(w)
	}
	tmp, err := os.CreateTemp(opt.TempDir, "package-*.xlsx")
	if err != nil {
		return b.write(w)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	// excelize makes the package with the zip writer it is given, here
	// one that writes to the file; the buffer it passes stays empty.
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newZipWriter(tmp) })
	if _, err := b.f.WriteToBuffer(); err != nil {
		return err
	}
	font, err := b.f.GetDefaultFont()
	if err != nil {
		return err
	}
	if err := b.f.Close(); err != nil { // the sheets, now in the file
		return err
	}
	data, err := os.ReadFile(tmp.Name())
	if err != nil {
		return err
	}
	return writePackage(w, data, b.notes, b.titles, font)
}

// yearPrefix starts the names of a year's sheets: 2023年, 年度未识别.
func yearPrefix(year int) string { return nonEmpty(yearText(year), "年度未识别") }

func (b *book) addYear(ru *rollup.Rollup, y *rollup.Year, multiYear bool) error {
	prefix := yearPrefix(y.Year)
	tables := y.SummaryTables()
	for i, st := range tables {
		form := templates.FormByID(st.Form)
		if form == nil {
			continue
		}
		groups := layout.Groups(form)
		notes := formNotes(y, form, st.Shared)
		for _, g := range groups {
			fg := buildForm(layout.WithCoverage(g), formHeader{agency: ru.Name, year: y.Year, rollup: true})
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
	if err := b.add(prefix+"主要指标", rollupFiguresSheet(ru, y)); err != nil {
		return err
	}
	name := "各单位"
	if multiYear {
		name = prefix + name
	}
	if err := b.add(name, agencySheet(ru, y)); err != nil {
		return err
	}
	for i, st := range tables {
		form := templates.FormByID(st.Form)
		if form == nil {
			continue
		}
		for _, g := range layout.Groups(form) {
			name := prefix + "明细"
			if i > 0 {
				name += " " + formName(form.ID)
			}
			name += " " + g.Section.Short
			if err := b.add(name, detailSheet(ru, y, st, g)); err != nil {
				return err
			}
		}
	}
	if g := missingSheet(ru, y); g != nil {
		return b.add(prefix+"未报送", g)
	}
	return nil
}

// formName is a form's short Chinese name: 2021年格式 (templates.FormLabel).
func formName(id string) string {
	if id == "" {
		return "未识别"
	}
	return templates.FormLabel(id)
}

// agencyCount is 45个单位（2021年格式40个、2019年格式5个）, with a roster
// 45个单位（已报送43个/应报送46个；…）.
func agencyCount(y *rollup.Year) string {
	s := fmt.Sprintf("%d个单位", len(y.Agencies))
	if y.Expected > 0 {
		s += fmt.Sprintf("（名单中应报送%d个、已报送%d个、未报送%d个", y.Expected, y.Reported, len(y.Missing))
		if n := len(y.OutsideRoster); n > 0 {
			s += fmt.Sprintf("，名单外%d个", n)
		}
		s += "）"
	}
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
	head := "共" + agencyCount(y) + "。每格为填报该格的各单位数字之和；右侧“填报单位数”栏为填报该行的单位数/应填的单位数，不是全部单位填报的行该栏加底色（各格的填报单位数见批注）；报告未填的格不按0计。"
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
	// 填报单位数 of each data row, from the coverage of its cells.
	for _, cv := range fg.covers {
		c := y.RowCoverage(cv.t, cv.row.Key, sc)
		x := fg.at(cv.r, cv.c)
		x.text = c.String()
		if !c.Full() {
			x.style = sCoveragePart
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
func rollupFiguresSheet(ru *rollup.Rollup, y *rollup.Year) *grid {
	cols := slices.Clone(rollupFigureColumns)
	for _, gr := range y.Groups {
		cols = append(cols, column{fmt.Sprintf("%s（%d个单位）", gr.Name, gr.Agencies), 14, sNumber})
	}
	notes := []string{"共" + agencyCount(y) + "。填报单位数为写明该项的单位数/单位总数；报告未写明的不按0计。"}
	if len(y.Groups) > 0 {
		notes[0] += "分组各列为该组的小计，批注注明填报单位数。"
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
// landscape pages a list is printed across: its title and notes fit there.
const firstPageWidth = 130

// agencySheet lists a year's agencies, one row each with their figures,
// totals below.
func agencySheet(ru *rollup.Rollup, y *rollup.Year) *grid {
	tail := "合计和填报单位数"
	if len(y.Groups) > 0 {
		tail = "合计、填报单位数和各分组小计"
	}
	l := &agencyList{
		title: fmt.Sprintf("%s各单位主要指标（%d个单位）", rollupTitle(ru, y), len(y.Agencies)),
		notes: []string{listOrder(ru) + "空白表示报告未写明该项（不按0计）；带批注的数为约数，批注为原文；有错误核查发现的单位加底色，原因见“核查问题”栏。表末为" + tail + "，均为公式。"},
		rows:  y.Agencies, groups: y.Groups, width: 11, count: true,
		reports: ru.Roster != nil,
	}
	for _, fig := range templates.Figures {
		l.values = append(l.values, valueColumn{label: fig.Label + "\n（" + fig.Unit + "）", value: func(a *rollup.AgencyRow) (xxgk.Value, bool) {
			v, ok := a.Figures[fig.Key]
			return v, ok
		}})
	}
	return l.build()
}

// listOrder says in which order the agencies are listed.
func listOrder(ru *rollup.Rollup) string {
	if ru.Roster != nil {
		return "单位按名单的顺序排列，名单外的单位列在最后。"
	}
	return "单位按名称的拼音排序。"
}

var rollupFindingColumns = append([]column{{"文件", 28, sText}, {"单位", 20, sText}, {"年度", 7, sTextCenter}}, findingColumns...)

// sheetRows is the most rows a sheet can have (Excel's limit; a variable
// for the test).
var sheetRows = 1 << 20

// rollupFindingsSheet lists the inputs that could not be read, then every
// finding of the roll-up and of its reports, as many as a sheet holds
// (then a row says how many more the JSON has). The rows are made as the
// sheet is streamed: a country's roll-up has hundreds of thousands.
func rollupFindingsSheet(ru *rollup.Rollup) *grid {
	cols := rollupFindingColumns
	note := fmt.Sprintf("共%d条核查发现；%d个文件无法读取（列在最前）。", len(ru.Findings), len(ru.Unreadable))
	if n := len(ru.NotReports); n > 0 {
		note += fmt.Sprintf("%d个文件不是年度报告，未计入汇总（见“非年度报告，未计入汇总”）。", n)
	}
	g := listSheet(cols, ru.Name+"政府信息公开工作年度报告汇总核查结果", note)
	header := len(g.rows) - 1
	top := header + 1
	findings := ru.Findings
	cut := 0
	if room := sheetRows - top - len(ru.Unreadable) - 1; len(findings) > room {
		cut = len(findings) - max(room, 0)
		findings = findings[:max(room, 0)]
	}
	n := len(ru.Unreadable) + len(findings)
	// The sources of the reports, by path: whether a finding's line is a
	// place people can find depends on the kind of file.
	sources := map[string]xxgk.Source{}
	for _, y := range ru.Years {
		for _, a := range y.Agencies {
			if a.Report != nil {
				sources[a.Path] = a.Report.Source
			}
		}
	}
	g.body = &bodyRows{from: top, n: n, row: func(i int, out []gcell) []gcell {
		out = slices.Grow(out[:0], len(cols))[:len(cols)]
		if i < len(ru.Unreadable) {
			u := ru.Unreadable[i]
			texts := []string{u.Path, "", "", xxgk.SeverityError.Label(), "无法读取", "无法读取：" + u.Reason, "", "", ""}
			for c, col := range cols {
				out[c] = gcell{text: texts[c], style: col.style, used: true}
			}
			return out
		}
		f := findings[i-len(ru.Unreadable)]
		for c, text := range []string{f.Path, f.Agency, yearText(f.Year)} {
			out[c] = gcell{text: text, style: cols[c].style, used: true}
		}
		findingCells(out[3:], findingColumns, f.Finding, sources[f.Path])
		return out
	}}
	row := top + n
	if cut > 0 {
		g.merge(row, 0, row, len(cols)-1, fmt.Sprintf("另有%d条核查发现超出工作表的行数上限，未列出；用 --json 输出可得到全部核查发现。", cut), sText)
		row++
	}
	if row == top {
		g.merge(row, 0, row, len(cols)-1, "未发现问题", sTextCenter)
		row++
	}
	g.autoFilter = cellName(header, 0) + ":" + cellName(row-1, len(cols)-1)
	g.landscape = true
	return g
}
