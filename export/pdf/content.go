package pdf

import (
	"fmt"
	"path"
	"strings"

	"xxgk"
	"xxgk/templates"
)

// Placeholders for what a report did not say.
const (
	unknown       = "未识别"
	unknownAgency = "未识别单位"
	unknownYear   = "（年份未识别）"
)

// reportTitle is {agency}{year}年政府信息公开工作年度报告（数据摘要）.
func reportTitle(r *xxgk.Report) string {
	return nonEmpty(r.Agency, unknownAgency) + yearText(r.Year, unknownYear) + "政府信息公开工作年度报告（数据摘要）"
}

func yearText(y int, missing string) string {
	if y <= 0 {
		return missing
	}
	return fmt.Sprintf("%d年", y)
}

func nonEmpty(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

// baseName is the file name of a path written with / or \.
func baseName(p string) string {
	if p == "" {
		return ""
	}
	return path.Base(strings.ReplaceAll(p, `\`, "/"))
}

func trimSpaces(s string) string { return strings.TrimRight(s, " ") }

func formName(id string) string { return nonEmpty(templates.FormLabel(id), unknown) }

// report draws one report, starting on a new portrait page.
func (d *doc) report(r *xxgk.Report) {
	d.subs = nil
	d.addPage(false)
	d.title(reportTitle(r))
	d.meta(r)
	section := d.sections()
	section("主要指标")
	d.figures(r)
	if form := templates.FormByID(r.Form); form != nil {
		section("统计表")
		d.officialTables(form, reportCells(r), nil, r.Year)
	}
	section("申请办理结果")
	d.requestsChart(reportOutcomes(r))
	section("核查发现")
	d.findings(r)
}

var chineseNumbers = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
	"十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"}

// numbered is the n-th (from 0) heading number of a level: 一、 or （一）.
func numbered(n int, sub bool) string {
	num := fmt.Sprint(n + 1)
	if n < len(chineseNumbers) {
		num = chineseNumbers[n]
	}
	if sub {
		return "（" + num + "）"
	}
	return num + "、"
}

// sections returns a function drawing the first-level headings of one
// report or year: 一、…, 二、… Each starts the count of its second-level
// headings (d.subheading) afresh.
func (d *doc) sections() func(title string) {
	n := 0
	return func(title string) {
		d.heading(numbered(n, false) + title)
		n++
		d.sub = 0
	}
}

// title draws the document title (二号小标宋, centred), then a blank line.
// It breaks between its words where it can (GB/T 9704 §7.3.1: 回行时要做
// 到词意完整): after the agency and year, after 政府信息公开工作, before
// the bracket; a part wider than a line is broken by breakLines.
func (d *doc) title(text string) {
	d.font(lookTitle.face, lookTitle.size)
	w := d.textWidth()
	var lines []string
	line := ""
	for _, p := range titleParts(text) {
		switch {
		case d.measure(line+p) <= w:
			line += p
		case line != "" && d.measure(p) <= w:
			lines, line = append(lines, line), p
		default:
			broken := breakLines(line+p, w, d.measure)
			lines, line = append(lines, broken[:len(broken)-1]...), broken[len(broken)-1]
		}
	}
	d.lines(append(lines, line), lookTitle, 0)
	d.space(sizeBody * ptToMM * bodyPitch)
}

// titleParts cuts a title before 政府信息公开工作, after it and before the
// last opening bracket.
func titleParts(s string) []string {
	const subject = "政府信息公开工作"
	i := strings.LastIndex(s, subject+"年度报告")
	if i < 0 {
		return []string{s}
	}
	rest := s[i+len(subject):]
	j := strings.Index(rest, "（")
	if j < 0 {
		j = len(rest)
	}
	return []string{s[:i], subject, rest[:j], rest[j:]}
}

// heading draws a first-level heading (三号黑体), kept with what follows.
func (d *doc) heading(text string) {
	if d.landscape() {
		d.addPage(false) // after a landscape table, back to portrait
	}
	d.waiting = append(d.waiting, waiting{lookHeading, text, sizeBody * ptToMM * bodyPitch / 3})
}

// subheading draws the next second-level heading (（一）…, 三号楷体) of the
// current section.
func (d *doc) subheading(text string) {
	d.waiting = append(d.waiting, waiting{lookSubheading, d.subheadingText(text), 0})
}

// subheadingText numbers the next second-level heading.
func (d *doc) subheadingText(text string) string {
	d.sub++
	return numbered(d.sub-1, true) + text
}

// meta draws the block naming the source, form and dates.
func (d *doc) meta(r *xxgk.Report) {
	year := unknown
	if r.Year > 0 {
		year = fmt.Sprintf("%d年", r.Year)
	}
	src := baseName(r.Source.Path)
	d.fields([][2]string{
		{"填报单位", nonEmpty(r.Agency, unknown)},
		{"报告年度", year},
		{"来源文件", nonEmpty(src, unknown)},
		{"报告格式", formName(r.Form)},
		{"发布日期", nonEmpty(r.Published, unknown)},
	})
}

// fields draws 名称：内容 lines as body paragraphs.
func (d *doc) fields(kv [][2]string) {
	for _, f := range kv {
		d.text(lookBody, f[0]+"："+f[1])
	}
}

// figures lists every figure of templates.Figures the report has.
func (d *doc) figures(r *xxgk.Report) {
	t := figureTable([]float64{50, 18, 10, 78}, []string{"数值", "单位", "来源"}, func(fig *templates.Figure) []tcell {
		v, ok := r.Figures[fig.Key]
		if !ok {
			return nil
		}
		return []tcell{cellRight(valueText(v)), cellCenter(nonEmpty(v.Unit, fig.Unit)), cellLeft(sourceText(r.Source, v))}
	})
	if t.rows == 1 {
		d.text(lookBody, "报告中未识别出主要指标。")
		return
	}
	d.drawTable(t, "")
}

// figureTable has a row for every figure of templates.Figures that cells
// gives the cells of: its label, then those cells under head.
func figureTable(widths []float64, head []string, cells func(*templates.Figure) []tcell) *table {
	t := newList(sizeTable, widths, append([]string{"指标"}, head...)...)
	for i := range templates.Figures {
		fig := &templates.Figures[i]
		if c := cells(fig); c != nil {
			t.row(append([]tcell{cellLeft(fig.Label)}, c...)...)
		}
	}
	return t
}

// valueText prints a value, 约 before an approximate one.
func valueText(v xxgk.Value) string {
	s := v.Value.String()
	if v.Approx {
		s = "约" + s
	}
	return s
}

// sourceText says where a value was read and from what text, as
// Evidence.Describe words it: 正文 · 第2页 · 一、总体情况：“…”.
func sourceText(src xxgk.Source, v xxgk.Value) string {
	s := v.Describe(src)
	switch {
	case v.Manual && v.Original != nil:
		s = "人工修改（原值 " + v.Original.String() + "）；" + s
	case v.Manual && v.Method != xxgk.MethodManual:
		s = "人工修改；" + s
	}
	return s
}

// findings lists the findings, then the notes on replaced characters.
func (d *doc) findings(r *xxgk.Report) {
	if len(r.Findings) == 0 {
		d.text(lookBody, "未发现问题。")
	} else {
		t := newList(sizeTable, []float64{16, 140}, "级别", "说明")
		for _, f := range xxgk.ByRank(r.Findings) {
			t.row(cellCenter(f.Severity.Label()), cellLeft(findingText(r.Source, f)))
		}
		d.drawTable(t, "")
	}
	d.notes()
}

// notes draws the 提示 lines on the characters replaced since d.subs was
// last reset.
func (d *doc) notes() {
	d.space(2)
	for _, note := range substitutionNotes(d.subs) {
		d.text(lookNote, "提示："+note)
	}
}

func findingText(src xxgk.Source, f xxgk.Finding) string {
	s := f.Message
	if p := f.Place(src); p != "" {
		s += "（" + p + "）"
	}
	if f.Evidence != "" {
		s += "\n原文：" + f.Evidence
	}
	return s
}
