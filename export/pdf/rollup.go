package pdf

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"xxgk"
	"xxgk/compare"
	"xxgk/rollup"
	"xxgk/templates"
)

// The roll-up summary (汇总数据摘要) is drawn like a report's: one section
// per year, each from a new page with its own title, then the inputs that
// could not be read.

// maxFindingRows is how many findings a year's section prints; the
// workbook's 核查 sheet has them all, and 10,000 reports may have 50,000.
const maxFindingRows = 200

// WriteRollup writes the roll-up summary: per year the totals with their
// coverage, the summed official tables of the year's main form, the
// agencies side by side with subtotals per group, the ten agencies with
// the most requests received and the most proactive disclosure, the chart
// of how requests were handled, notes on coverage and the findings; with
// several years of the same agencies, their 历年趋势; at the end the inputs
// that could not be read.
func WriteRollup(w io.Writer, ru *rollup.Rollup, opt Options) error {
	if ru == nil {
		return errors.New("pdf: no roll-up")
	}
	return render(w, opt, rollupDocTitle(ru), func(d *doc) error {
		d.rollup(ru)
		return nil
	})
}

// rollupTitle is {汇总单位}{year}年政府信息公开工作年度报告汇总（数据摘要）.
func rollupTitle(name string, year int) string {
	name = strings.TrimSpace(name)
	if year <= 0 {
		return name + "政府信息公开工作年度报告汇总（年度未识别）"
	}
	return fmt.Sprintf("%s%d年政府信息公开工作年度报告汇总（数据摘要）", name, year)
}

func rollupDocTitle(ru *rollup.Rollup) string {
	if len(ru.Years) == 1 {
		return rollupTitle(ru.Name, ru.Years[0].Year)
	}
	return strings.TrimSpace(ru.Name) + "政府信息公开工作年度报告汇总（数据摘要）"
}

func (d *doc) rollup(ru *rollup.Rollup) {
	// The sources of the reports rolled up, by path: how a finding's line
	// is named depends on the kind of file it is in.
	sources := map[string]xxgk.Source{}
	for _, y := range ru.Years {
		for _, a := range y.Agencies {
			if a.Report != nil {
				sources[a.Path] = a.Report.Source
			}
		}
	}
	byYear := map[int][]rollup.Finding{}
	for _, f := range ru.Findings {
		byYear[f.Year] = append(byYear[f.Year], f)
	}
	for _, y := range ru.Years {
		d.yearSection(ru, y, byYear[y.Year], sources)
		delete(byYear, y.Year)
	}
	if tr := compare.Trends(ru); tr != nil {
		d.trend(ru, tr)
	}
	// Findings of no year's section (none, as Roll makes them) would
	// otherwise be lost.
	var rest []rollup.Finding
	for _, f := range ru.Findings {
		if _, ok := byYear[f.Year]; ok {
			rest = append(rest, f)
		}
	}
	var notReports []rollup.NotReport
	for _, nr := range ru.NotReports {
		if !slices.ContainsFunc(ru.Years, func(y *rollup.Year) bool { return y.Year == nr.Year }) {
			notReports = append(notReports, nr)
		}
	}
	if len(ru.Years) > 0 && len(ru.Unreadable) == 0 && len(rest) == 0 && len(notReports) == 0 {
		return
	}
	d.subs = nil
	d.addPage(false)
	if len(ru.Years) == 0 {
		d.title(rollupDocTitle(ru))
		d.text(lookBody, "没有可以汇总的报告。")
	}
	if len(ru.Unreadable) > 0 {
		d.heading("无法读取的文件")
		d.unreadable(ru.Unreadable)
	}
	if len(notReports) > 0 {
		d.heading("非年度报告")
		d.notReports(notReports)
	}
	if len(rest) > 0 {
		d.heading("其他核查发现")
		d.rollupFindings(rest, sources)
	}
	d.notes()
}

// yearSection draws one year of the roll-up from a new portrait page.
func (d *doc) yearSection(ru *rollup.Rollup, y *rollup.Year, findings []rollup.Finding, sources map[string]xxgk.Source) {
	d.subs = nil
	d.addPage(false)
	d.title(rollupTitle(ru.Name, y.Year))
	d.rollupMeta(ru, y)
	section := d.sections()
	if notReports := yearNotReports(ru, y.Year); y.Expected > 0 || len(y.OutsideRoster) > 0 || len(notReports) > 0 {
		section("报送情况")
		d.standing(ru, y, notReports)
	}
	section("主要指标")
	d.rollupFigures(y)
	tables := summaryTables(y)
	if len(tables) > 0 {
		section("统计表合计")
		for _, m := range tables {
			d.summedTables(y, m)
		}
	}
	section("各单位情况")
	d.agencies(y)
	section("申请数和主动公开数前十名")
	d.topTens(y)
	section("申请办理结果")
	d.requestsChart(figureChart(totalValues(y.Figures), "各单位报告中均"))
	section("数据覆盖情况")
	d.coverage(y, tables)
	section("核查发现")
	d.rollupFindings(findings, sources)
	d.notes()
}

// rollupMeta draws the block naming the office, year, agencies and forms.
func (d *doc) rollupMeta(ru *rollup.Rollup, y *rollup.Year) {
	var kv [][2]string
	if name := strings.TrimSpace(ru.Name); name != "" {
		kv = append(kv, [2]string{"汇总单位", name})
	}
	kv = append(kv, [2]string{"报告年度", yearText(y.Year, unknown)},
		[2]string{"报告单位数", fmt.Sprintf("%d个", len(y.Agencies))})
	if y.Expected > 0 {
		s := fmt.Sprintf("已报送%d个 / 应报送%d个，未报送%d个", y.Reported, y.Expected, len(y.Missing))
		if n := len(y.OutsideRoster); n > 0 {
			s += fmt.Sprintf("；名单外%d个", n)
		}
		kv = append(kv, [2]string{"报送情况", s})
	}
	var forms []string
	for _, f := range y.Forms {
		forms = append(forms, fmt.Sprintf("%s %d个", formName(f.Form), f.Count))
	}
	kv = append(kv, [2]string{"报告格式", nonEmpty(strings.Join(forms, "、"), unknown)})
	if len(y.Groups) > 0 {
		var groups []string
		grouped := 0
		for _, g := range y.Groups {
			groups = append(groups, fmt.Sprintf("%s %d个", g.Name, g.Agencies))
			grouped += g.Agencies
		}
		s := strings.Join(groups, "、")
		if n := len(y.Agencies) - grouped; n > 0 {
			s += fmt.Sprintf("；未分组 %d个", n)
		}
		kv = append(kv, [2]string{"分组", s})
	}
	d.fields(kv)
}

// scope names the part of the roll-up y is in sentences: 本年度, or 本部分
// for the reports of unknown year.
func scope(y *rollup.Year) string {
	if y.Year <= 0 {
		return "本部分"
	}
	return "本年度"
}

// totalValue is a total as a value: its sum, approximate if a part was.
func totalValue(t rollup.Total) xxgk.Value { return xxgk.Value{Value: t.Value, Approx: t.Approx} }

func totalText(t rollup.Total) string { return valueText(totalValue(t)) }

func totalValues(totals map[string]rollup.Total) map[string]xxgk.Value {
	out := make(map[string]xxgk.Value, len(totals))
	for k, t := range totals {
		out[k] = totalValue(t)
	}
	return out
}

// rollupFigures lists every figure of templates.Figures some agency
// stated: its total, unit and how many of the agencies stated it.
func (d *doc) rollupFigures(y *rollup.Year) {
	t := figureTable([]float64{66, 34, 12, 30}, []string{"合计", "单位", "填报单位数"}, func(fig *templates.Figure) []tcell {
		tot, ok := y.Figures[fig.Key]
		if !ok {
			return nil
		}
		return []tcell{cellRight(totalText(tot)), cellCenter(fig.Unit), cellCenter(fmt.Sprintf("%d/%d", tot.Count, tot.Of))}
	})
	if t.rows == 1 {
		d.text(lookBody, "各单位报告中均未识别出主要指标。")
		return
	}
	d.text(lookNote, "合计只计报告了该项的单位，未报告的单位不按0计；“填报单位数”为报告了该项的单位数/"+scope(y)+"单位数；带“约”的合计含有约数。")
	d.drawTable(t, "")
}

// summed is what a year's summed official tables are drawn from.
type summed struct {
	form *templates.Form
	// shared, when the main form is one of the forms of y.Shared: the
	// layout is then the newest of them, their common cells summed over
	// all of their agencies.
	shared *rollup.SharedCells
	forms  []string // the forms whose agencies are in the tables
}

// summaryTables are the year's summed tables, as the workbook draws them
// (rollup.Year.SummaryTables): the main form's, then a minority form's.
func summaryTables(y *rollup.Year) []*summed {
	var out []*summed
	for _, st := range y.SummaryTables() {
		f := templates.FormByID(st.Form)
		switch {
		case f == nil:
			continue
		case st.Shared != nil:
			out = append(out, &summed{form: f, shared: st.Shared, forms: st.Shared.Forms})
		default:
			out = append(out, &summed{form: f, forms: []string{st.Form}})
		}
	}
	return out
}

// summedTables draws the official tables with the cells summed over the
// agencies of their form, or, for the cells the shared forms have in
// common, over the agencies of all of them.
func (d *doc) summedTables(y *rollup.Year, m *summed) {
	id := m.form.ID
	note := fmt.Sprintf("下列统计表各栏为采用%s的%d个单位该栏数字之和；空白表示没有单位填报该栏。", formName(id), y.FormCount(id))
	var shared map[string]rollup.Total
	if sc := m.shared; sc != nil {
		shared = sc.Cells
		var labels, only []string
		n := 0
		for _, f := range sc.Forms {
			labels = append(labels, formName(f))
			n += y.FormCount(f)
		}
		for _, o := range sc.Only {
			if o.Form != id && o.Count > 0 {
				only = append(only, fmt.Sprintf("%s另有%d栏与本表不对应，未列入本表", formName(o.Form), o.Count))
			}
		}
		note = fmt.Sprintf("下列统计表合并了%s：%s共有的栏目为这些格式的%d个单位该栏数字之和，其余栏目只计采用%s的%d个单位；空白表示没有单位填报该栏。",
			strings.Join(labels, "和"), strings.Join(labels, "与"), n, formName(id), y.FormCount(id))
		if len(only) > 0 {
			note += strings.Join(only, "；") + "。"
		}
	}
	note += "右侧“填报单位数”栏为填报该行的单位数/应填的单位数，以黑体标出的行不是全部单位都填报了，该行的合计只含填报了的单位。"
	d.text(lookNote, note)
	d.officialTables(m.form, totalCells(y.Cells, shared), func(t *templates.Table, row string) (string, bool) {
		c := y.RowCoverage(t, row, m.shared)
		return c.String(), c.Full()
	}, y.Year)
}

// totalCells looks cells up in summed cells (FORM.TABLE.ROW.COL), a cell
// the shared forms have in common in shared (TABLE.ROW.COL) first.
func totalCells(cells, shared map[string]rollup.Total) cellLookup {
	return func(t *templates.Table, row, col string) string {
		if tot, ok := shared[t.ID+"."+row+"."+col]; ok {
			return totalText(tot)
		}
		if tot, ok := cells[t.CellKey(row, col)]; ok {
			return totalText(tot)
		}
		return ""
	}
}

// agencyFigures are the columns of the agencies side by side.
var agencyFigures = []struct{ key, label string }{
	{"requests.received", "新收申请"},
	{"requests.granted", "予以公开"},
	{"requests.closed", "办结"},
	{"proactive.total", "主动公开"},
	{"review.total", "行政复议"},
	{"litigation.total", "行政诉讼"},
}

// agencyName names an agency's row: by the roster's name, else the
// report's; one without a name by its file.
func agencyName(a *rollup.AgencyRow) string {
	if n := a.Name(); strings.TrimSpace(n) != "" {
		return n
	}
	if f := baseName(a.Path); f != "" {
		return unknownAgency + "（" + f + "）"
	}
	return unknownAgency
}

// maxAgencyRows is how many agencies a year's section lists side by side
// (some 40 pages); a larger roll-up (a province's, a country's) prints the
// subtotals of its groups and its total, and the workbook's 各单位 sheet
// lists every agency.
const maxAgencyRows = 1000

// agencies draws the agencies side by side.
func (d *doc) agencies(y *rollup.Year) {
	if len(y.Agencies) > maxAgencyRows {
		what := "合计"
		if len(y.Groups) > 0 {
			what = "各分组的小计和合计"
			grouped := 0
			for _, g := range y.Groups {
				grouped += g.Agencies
			}
			if n := len(y.Agencies) - grouped; n > 0 {
				what += fmt.Sprintf("（未分组的%d个单位只计入合计）", n)
			}
		}
		d.text(lookBody, fmt.Sprintf("%s共%d个单位，超过%d个，不逐一列出，下表为%s；各单位的数字见汇总工作簿的“各单位”工作表。",
			scope(y), len(y.Agencies), maxAgencyRows, what))
	}
	d.text(lookUnit, "单位：件（主动公开：条）；空白表示该单位报告中未识别出此项。")
	d.drawTable(agencyTable(y), "")
}

// agencyTable has one row per agency with its key figures (blank where it
// stated none) and its number of findings; with groups, the agencies of
// each group under its name with a subtotal row; a total row last. Past
// maxAgencyRows agencies, only the groups' subtotals (each row named by
// its group) and the total.
func agencyTable(y *rollup.Year) *table {
	listed := len(y.Agencies) <= maxAgencyRows
	widths := []float64{9, 35}
	for range agencyFigures {
		widths = append(widths, 15)
	}
	widths = append(widths, 16)
	last := len(widths) - 1
	head := []string{"序号", "单位"}
	for _, f := range agencyFigures {
		head = append(head, f.label)
	}
	t := newList(sizeSmall, widths, append(head, "核查发现")...)
	n := 0
	// agencies adds a row per agency and returns their findings.
	agencies := func(list []*rollup.AgencyRow) int {
		found := 0
		for _, a := range list {
			n++
			found += a.Findings
			if !listed {
				continue
			}
			line := []tcell{cellCenter(fmt.Sprint(n)), cellLeft(agencyName(a))}
			for _, f := range agencyFigures {
				s := ""
				if v, ok := a.Figures[f.key]; ok {
					s = valueText(v)
				}
				line = append(line, cellRight(s))
			}
			t.row(append(line, cellRight(fmt.Sprint(a.Findings)))...)
		}
		return found
	}
	sum := func(label string, figures map[string]rollup.Total, findings int) {
		r := t.rows
		t.merge(r, 0, r, 1, tcell{text: label, align: "C", bold: true})
		for i, f := range agencyFigures {
			s := ""
			if tot, ok := figures[f.key]; ok {
				s = totalText(tot)
			}
			t.merge(r, 2+i, r, 2+i, tcell{text: s, align: "R", bold: true})
		}
		t.merge(r, last, r, last, tcell{text: fmt.Sprint(findings), align: "R", bold: true})
	}
	caption := func(text string) {
		t.merge(t.rows, 0, t.rows, last, tcell{text: text, align: "L", bold: true})
	}
	findings := 0
	if len(y.Groups) == 0 {
		findings = agencies(y.Agencies)
	} else {
		members := map[string][]*rollup.AgencyRow{}
		for _, g := range y.Groups {
			members[g.Name] = nil
		}
		for _, a := range y.Agencies {
			g := a.Group
			if _, ok := members[g]; !ok {
				g = "" // no subtotal: listed with the agencies of no group
			}
			members[g] = append(members[g], a)
		}
		for _, g := range y.Groups {
			name := fmt.Sprintf("%s（%d个单位）", g.Name, g.Agencies)
			label := name // the subtotal's row, under the group's name
			if listed {
				caption(name)
				label = "小计"
			}
			found := agencies(members[g.Name])
			sum(label, g.Figures, found)
			findings += found
		}
		if rest := members[""]; len(rest) > 0 {
			if listed {
				caption(fmt.Sprintf("未分组（%d个单位）", len(rest)))
			}
			findings += agencies(rest)
		}
	}
	sum("合计", y.Figures, findings)
	return t
}

// ranked is an agency's place in a top ten.
type ranked struct {
	place int
	row   *rollup.AgencyRow
	v     xxgk.Value
}

// topTen ranks the agencies that stated figure key, largest first (equal
// values share a place, in the year's order of agencies), and returns the
// first ten and how many agencies stated it.
func topTen(y *rollup.Year, key string) ([]ranked, int) {
	var all []ranked
	for _, a := range y.Agencies {
		if v, ok := a.Figures[key]; ok {
			all = append(all, ranked{row: a, v: v})
		}
	}
	slices.SortStableFunc(all, func(a, b ranked) int { return b.v.Value.Cmp(a.v.Value) })
	stated := len(all)
	all = all[:min(10, len(all))]
	for i := range all {
		all[i].place = i + 1
		if i > 0 && all[i].v.Value.Equal(all[i-1].v.Value) {
			all[i].place = all[i-1].place
		}
	}
	return all, stated
}

// topTens draws the top tens by requests received and by proactive
// disclosure.
func (d *doc) topTens(y *rollup.Year) {
	for _, key := range []string{"requests.received", "proactive.total"} {
		fig := templates.FigureByKey(key)
		// The heading, the note, the table's header and first row.
		d.need(45)
		d.subheading(fig.Label)
		list, stated := topTen(y, key)
		if stated == 0 {
			d.text(lookBody, fmt.Sprintf("%d个单位中没有单位报告此项。", len(y.Agencies)))
			continue
		}
		d.text(lookNote, fmt.Sprintf("%d个单位中有%d个单位报告了此项，按数值从大到小列出前%d名（数值相同的名次并列）。",
			len(y.Agencies), stated, len(list)))
		total, hasTotal := y.Figures[key]
		t := newList(sizeTable, []float64{14, 76, 30, 30}, "名次", "单位", "数值（"+fig.Unit+"）", "占合计")
		for _, r := range list {
			share := ""
			if hasTotal && total.Value.Sign() > 0 {
				share = fmt.Sprintf("%.1f%%", r.v.Value.Float64()/total.Value.Float64()*100)
			}
			t.row(cellCenter(fmt.Sprint(r.place)), cellLeft(agencyName(r.row)), cellRight(valueText(r.v)), cellRight(share))
		}
		d.drawTable(t, "")
	}
}

// coverage notes what the totals do not include.
func (d *doc) coverage(y *rollup.Year, tables []*summed) {
	var notes, none []string
	partial := map[int][]string{} // count → figures that many agencies stated
	approx := false
	for _, fig := range templates.Figures {
		tot, ok := y.Figures[fig.Key]
		switch {
		case !ok:
			none = append(none, fig.Label)
		case tot.Count < tot.Of:
			partial[tot.Count] = append(partial[tot.Count], fig.Label)
		}
		approx = approx || ok && tot.Approx
	}
	notes = append(notes, fmt.Sprintf("%s汇总%d个单位的报告；同一单位同一年度的报告只计一次。", scope(y), len(y.Agencies)))
	if len(partial) > 0 {
		var parts []string
		for _, n := range slices.Backward(slices.Sorted(maps.Keys(partial))) {
			parts = append(parts, fmt.Sprintf("%d个单位报告了%s", n, strings.Join(partial[n], "、")))
		}
		notes = append(notes, "以下指标只有部分单位报告，合计只含报告了的单位："+strings.Join(parts, "；")+"。")
	} else if len(y.Figures) > 0 {
		notes = append(notes, "列出的主要指标全部单位都报告了。")
	}
	switch {
	case len(y.Figures) == 0:
		notes = append(notes, "各单位报告中均未识别出主要指标。")
	case len(none) > 0:
		notes = append(notes, "以下指标没有单位报告，未列出："+strings.Join(none, "、")+"。")
	}
	if approx {
		notes = append(notes, "带“约”的合计含有单位报告的约数（“约”“余”“多”），合计也是约数。")
	}
	if len(tables) > 0 {
		var in []string
		for _, m := range tables {
			in = append(in, m.forms...)
		}
		var others []string
		out := 0
		for _, fc := range y.Forms {
			if !slices.Contains(in, fc.Form) {
				others = append(others, fmt.Sprintf("%s %d个", formName(fc.Form), fc.Count))
				out += fc.Count
			}
		}
		if out > 0 {
			notes = append(notes, fmt.Sprintf("统计表合计不含采用其他格式的%d个单位（%s），这些单位的数字计入主要指标的合计。",
				out, strings.Join(others, "、")))
		}
	} else {
		notes = append(notes, scope(y)+"没有单位采用带统计表的格式，未列出统计表合计。")
	}
	unnamed := 0
	for _, a := range y.Agencies {
		if strings.TrimSpace(a.Agency) == "" {
			unnamed++
		}
	}
	if unnamed > 0 {
		notes = append(notes, fmt.Sprintf("%d份报告未识别出单位名称，以文件名列出。", unnamed))
	}
	for i, n := range notes {
		d.text(lookBody, fmt.Sprintf("%d．%s", i+1, n))
	}
}

// severityRank orders findings for printing: errors first.
func severityRank(s xxgk.Severity) int {
	switch s {
	case xxgk.SeverityError:
		return 0
	case xxgk.SeverityWarning:
		return 1
	case xxgk.SeverityInfo:
		return 2
	}
	return 3
}

// rollupFindings lists findings, errors first, at most maxFindingRows of
// them, each with its agency and file (sources names the reports' lines).
func (d *doc) rollupFindings(findings []rollup.Finding, sources map[string]xxgk.Source) {
	if len(findings) == 0 {
		d.text(lookBody, "未发现问题。")
		return
	}
	count := map[xxgk.Severity]int{}
	for _, f := range findings {
		count[f.Severity]++
	}
	var parts []string
	for _, s := range []xxgk.Severity{xxgk.SeverityError, xxgk.SeverityWarning, xxgk.SeverityInfo} {
		if count[s] > 0 {
			parts = append(parts, fmt.Sprintf("%s%d条", s.Label(), count[s]))
		}
	}
	summary := fmt.Sprintf("共%d条核查发现", len(findings))
	if len(parts) > 0 {
		summary += "（" + strings.Join(parts, "、") + "）"
	}
	d.text(lookBody, summary+"，按错误、警告、提示的顺序列出。")
	sorted := slices.Clone(findings)
	slices.SortStableFunc(sorted, func(a, b rollup.Finding) int { return severityRank(a.Severity) - severityRank(b.Severity) })
	shown := sorted[:min(len(sorted), maxFindingRows)]
	t := newList(sizeSmall, []float64{12, 32, 40, 72}, "级别", "单位", "文件", "说明")
	for _, f := range shown {
		agency := f.Agency
		if agency == "" && f.Path == "" {
			agency = "（汇总）"
		}
		t.row(cellCenter(f.Severity.Label()), cellLeft(agency), cellLeft(f.Path), cellLeft(rollupFindingText(f, sources[f.Path])))
	}
	d.drawTable(t, "")
	if more := len(findings) - len(shown); more > 0 {
		d.text(lookBody, fmt.Sprintf("另有%d条核查发现未列出；汇总工作簿的“核查”工作表列出全部核查发现。", more))
	}
}

// rollupFindingText is a finding's text; one of the roll-up itself names
// the figures or cells it is about.
func rollupFindingText(f rollup.Finding, src xxgk.Source) string {
	s := findingText(src, f.Finding)
	if f.Path != "" || len(f.Keys) == 0 {
		return s
	}
	var keys []string
	for _, k := range f.Keys {
		if fig := templates.FigureByKey(k); fig != nil {
			k = fig.Label
		} else if t, row, col, ok := templates.Cell(k); ok {
			k = t.Section.Short + " " + strings.TrimSpace(row.Label+" "+col.Label)
		}
		keys = append(keys, k)
	}
	return s + "\n涉及：" + strings.Join(keys, "、")
}

// unreadable lists every input that could not be read, with the reason.
func (d *doc) unreadable(list []rollup.Unreadable) {
	d.text(lookBody, fmt.Sprintf("以下%d个文件未能读取，未计入汇总：", len(list)))
	t := newList(sizeTable, []float64{12, 70, 74}, "序号", "文件", "原因")
	for i, u := range list {
		t.row(cellCenter(fmt.Sprint(i+1)), cellLeft(nonEmpty(u.Path, unknown)), cellLeft(nonEmpty(u.Reason, unknown)))
	}
	d.drawTable(t, "")
}

// yearNotReports are the inputs of a year that are not annual reports.
func yearNotReports(ru *rollup.Rollup, year int) []rollup.NotReport {
	var out []rollup.NotReport
	for _, nr := range ru.NotReports {
		if nr.Year == year {
			out = append(out, nr)
		}
	}
	return out
}

// standing draws who reported: the roster's agencies without a report, in
// the roster's order, the reports of agencies outside the roster and the
// inputs of the year that are not annual reports.
func (d *doc) standing(ru *rollup.Rollup, y *rollup.Year, notReports []rollup.NotReport) {
	if y.Expected > 0 {
		d.subheading("未报送的单位")
		if len(y.Missing) == 0 {
			d.text(lookBody, fmt.Sprintf("名单中的%d个单位均已报送。", y.Expected))
		} else {
			d.text(lookBody, fmt.Sprintf("名单中应报送%d个单位，已报送%d个，以下%d个单位未报送（按名单顺序）：", y.Expected, y.Reported, len(y.Missing)))
			groups := map[string]string{}
			for _, e := range ru.Roster.Entries {
				groups[e.Name] = e.Group
			}
			t := newList(sizeTable, []float64{14, 70, 30, 42}, "序号", "单位", "分组", "说明")
			for i, name := range y.Missing {
				why := "未收到报告"
				for _, nr := range notReports {
					if nr.Roster == name {
						why = "收到的文件不是年度报告"
					}
				}
				t.row(cellCenter(fmt.Sprint(i+1)), cellLeft(name), cellLeft(groups[name]), cellLeft(why))
			}
			d.drawTable(t, "")
		}
	}
	if len(y.OutsideRoster) > 0 {
		d.subheading("名单外的报告")
		d.text(lookBody, fmt.Sprintf("以下%d份报告的单位不在名单中（或能对应名单中的几个单位），数字计入合计；请核对名称或补充名单：", len(y.OutsideRoster)))
		t := newList(sizeTable, []float64{12, 50, 44, 50}, "序号", "单位", "文件", "名单中相近的单位")
		for i, o := range y.OutsideRoster {
			hint := strings.Join(o.Closest, "、")
			if o.Ambiguous {
				hint = "可对应：" + hint + "（未作对应）"
			}
			t.row(cellCenter(fmt.Sprint(i+1)), cellLeft(nonEmpty(o.Agency, unknownAgency)), cellLeft(o.Path), cellLeft(hint))
		}
		d.drawTable(t, "")
	}
	if len(notReports) > 0 {
		d.subheading("非年度报告")
		d.notReports(notReports)
	}
}

// notReports lists inputs that are not annual reports, with the reason.
func (d *doc) notReports(list []rollup.NotReport) {
	d.text(lookBody, fmt.Sprintf("以下%d个文件不是年度报告（通知、函、空白统计表等），不计入单位数和合计：", len(list)))
	t := newList(sizeTable, []float64{12, 40, 50, 54}, "序号", "单位", "文件", "原因")
	for i, nr := range list {
		t.row(cellCenter(fmt.Sprint(i+1)), cellLeft(nonEmpty(nr.Agency, unknown)), cellLeft(nr.Path), cellLeft(nr.Reason))
	}
	d.drawTable(t, "")
}
