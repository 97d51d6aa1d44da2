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

func trimSpaces(s string) string { return strings.TrimRight(s, " ") }

func formName(id string) string { return nonEmpty(xxgk.FormLabel(id), unknown) }

// report draws one report, starting on a new portrait page.
func (d *doc) report(r *xxgk.Report) {
	d.subs = nil
	d.running = reportTitle(r)
	d.addPage(false)
	d.paragraph(reportTitle(r), sizeTitle, true, "C", 1.45)
	d.space(4)
	d.meta(r)
	n := 0
	section := func(title string) {
		n++
		d.heading(chineseNumbers[n-1] + "、" + title)
	}
	section("主要指标")
	d.figures(r)
	if form := templates.FormByID(r.Form); form != nil {
		section("统计表")
		d.officialTables(r, form)
	}
	section("申请办理结果")
	d.requestsChart(r)
	section("核查发现")
	d.findings(r)
}

var chineseNumbers = []string{"一", "二", "三", "四", "五", "六"}

// heading draws a section heading (三号, bold), kept with what follows.
func (d *doc) heading(text string) {
	if d.landscape() {
		d.addPage(false) // after a landscape table, back to portrait
	}
	d.font(sizeHeading, true)
	d.need(d.lineHeight(1.6) * 3)
	d.space(3)
	d.paragraph(text, sizeHeading, true, "L", 1.6)
}

// meta draws the block naming the source, form and dates (四号).
func (d *doc) meta(r *xxgk.Report) {
	src := r.Source.Path
	if src != "" {
		src = path.Base(strings.ReplaceAll(src, `\`, "/"))
	}
	year := unknown
	if r.Year > 0 {
		year = fmt.Sprintf("%d年", r.Year)
	}
	for _, kv := range [][2]string{
		{"填报单位", nonEmpty(r.Agency, unknown)},
		{"报告年度", year},
		{"来源文件", nonEmpty(src, unknown)},
		{"报告格式", formName(r.Form)},
		{"发布日期", nonEmpty(r.Published, unknown)},
	} {
		d.paragraph(kv[0]+"："+kv[1], sizeBody, false, "L", 1.5)
	}
}

// figures lists every figure of templates.Figures the report has.
func (d *doc) figures(r *xxgk.Report) {
	t := newTable(sizeTable, 58, 24, 12, 62)
	t.header = 1
	t.row(cellBold("指标"), cellBold("数值"), cellBold("单位"), cellBold("来源"))
	for _, fig := range templates.Figures {
		v, ok := r.Figures[fig.Key]
		if !ok {
			continue
		}
		t.row(cellLeft(fig.Label), cellRight(valueText(v)), cellCenter(nonEmpty(v.Unit, fig.Unit)), cellLeft(sourceText(v)))
	}
	if t.rows == 1 {
		d.paragraph("报告中未识别出主要指标。", sizeBody, false, "L", 1.5)
		return
	}
	d.drawTable(t, "")
}

// valueText prints a value, 约 before an approximate one.
func valueText(v xxgk.Value) string {
	s := v.Value.String()
	if v.Approx {
		s = "约" + s
	}
	return s
}

// sourceText says where a value was read: 表格，第12行：原文.
func sourceText(v xxgk.Value) string {
	s := v.Method.Label()
	if v.Line > 0 {
		s += fmt.Sprintf("，第%d行", v.Line)
	}
	return s
}

// findings lists the findings, then the notes on replaced characters.
func (d *doc) findings(r *xxgk.Report) {
	if len(r.Findings) == 0 {
		d.paragraph("未发现问题。", sizeBody, false, "L", 1.5)
	} else {
		t := newTable(sizeTable, 16, 140)
		t.header = 1
		t.row(cellBold("级别"), cellBold("说明"))
		for _, f := range r.Findings {
			t.row(cellCenter(f.Severity.Label()), cellLeft(findingText(f)))
		}
		d.drawTable(t, "")
	}
	d.space(2)
	for _, note := range substitutionNotes(d.subs) {
		d.paragraph("提示："+note, sizeTable, false, "L", 1.5)
	}
}

func findingText(f xxgk.Finding) string {
	s := f.Message
	if f.Line > 0 {
		s += fmt.Sprintf("（第%d行）", f.Line)
	}
	if f.Evidence != "" {
		s += "\n原文：" + f.Evidence
	}
	return s
}
