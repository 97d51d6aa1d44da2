package pdf

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/fonts"
	"xxgk/rollup"
	"xxgk/templates"
)

// clones returns n copies of r as the reports of distinct agencies (name,
// path and digest), the i-th with requests.received and proactive.total
// set to values that differ between agencies (and tie now and then).
func clones(r *xxgk.Report, n int) []*xxgk.Report {
	out := make([]*xxgk.Report, n)
	for i := range out {
		c := *r
		c.Agency = fmt.Sprintf("测试市第%d号单位", i+1)
		c.Source.Path = fmt.Sprintf("报告/%05d.html", i+1)
		c.Source.SHA256 = fmt.Sprintf("%064x", i+1)
		c.Figures = maps.Clone(r.Figures)
		c.Figures["requests.received"] = xxgk.Value{Value: xxgk.Int(int64(i * 37 % 101)), Unit: "件", Evidence: xxgk.Evidence{Method: xxgk.MethodTable}}
		c.Figures["proactive.total"] = xxgk.Value{Value: xxgk.Int(int64(1000 + i*53%89)), Unit: "条", Evidence: xxgk.Evidence{Method: xxgk.MethodTable}}
		out[i] = &c
	}
	return out
}

// fixtureRollup is a roll-up of two years: 2025 with twelve gov_2021
// agencies in two groups, a gov_2019 one (so shared cells), a narrative
// one that states no requests, a duplicate and an agency whose name the
// font lacks characters of; a report of unknown year; two unreadable
// inputs.
func fixtureRollup(t testing.TB) *rollup.Rollup {
	t.Helper()
	base := parseFile(t, "pingtan-2025-zone-html.html")
	reports := clones(base, 12)
	old := *parseFile(t, "official-2019.txt")
	old.Year, old.Agency = 2025, "旧格式局"
	// The notice's blank form, taken for an agency's report of the form.
	old.Findings = slices.DeleteFunc(slices.Clone(old.Findings), func(f xxgk.Finding) bool { return f.Rule == xxgk.RuleNotReport })
	narrative := *parseFile(t, "seed-000.txt")
	narrative.Year, narrative.Agency = 2025, "文字报告局"
	delete(narrative.Figures, "requests.received")
	hostile := *base
	hostile.Agency, hostile.Source.Path = "测试\U0001F600𠀀机关", "h.html"
	unknownYear := *parseFile(t, "seed-002.txt")
	unknownYear.Year = 0
	reports = append(reports, &old, &narrative, &hostile, reports[3], &unknownYear)
	groups := map[string]string{}
	for i, r := range reports[:12] {
		groups[r.Agency] = []string{"市直部门", "区县政府"}[i%2]
	}
	return rollup.Roll(reports, rollup.Options{Name: "测试市", Groups: groups, Unreadable: []rollup.Unreadable{
		{Path: "坏/一.html", Reason: "不是年度报告"}, {Path: "坏/二.docx", Reason: "文件已损坏"},
	}})
}

// drawRollup draws ru as WriteRollup does and returns the document and
// every string drawn, in order, joined without white space.
func drawRollup(t testing.TB, ru *rollup.Rollup) (*doc, string) {
	t.Helper()
	var text strings.Builder
	d := newDoc(Options{}, rollupDocTitle(ru))
	d.trace = func(s string) { text.WriteString(squeeze(s)) }
	d.rollup(ru)
	if d.f.Err() {
		t.Fatal(d.f.Error())
	}
	return d, text.String()
}

func writeRollup(t testing.TB, ru *rollup.Rollup, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteRollup(&buf, ru, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rollupWant is text the roll-up's PDF must contain: the titles, every
// agency, the totals of the figures with their coverage, the unreadable
// inputs.
func rollupWant(ru *rollup.Rollup) []string {
	var want []string
	for _, y := range ru.Years {
		want = append(want, squeeze(rollupTitle(ru.Name, y.Year)))
		for _, a := range y.Agencies {
			name, _ := sanitize(fonts.Embedded(), agencyName(a))
			want = append(want, squeeze(name))
		}
		for _, fig := range templates.Figures {
			if tot, ok := y.Figures[fig.Key]; ok {
				want = append(want, squeeze(fig.Label)+totalText(tot)+fig.Unit+fmt.Sprintf("%d/%d", tot.Count, tot.Of))
			}
		}
	}
	for _, u := range ru.Unreadable {
		want = append(want, squeeze(u.Path)+squeeze(u.Reason))
	}
	return want
}

func TestRollupStructure(t *testing.T) {
	ru := fixtureRollup(t)
	if len(ru.Years) != 2 || ru.Years[0].Year != 2025 || ru.Years[1].Year != 0 {
		t.Fatalf("fixture years: %+v", ru.Years)
	}
	d, _ := drawRollup(t, ru)
	n := d.f.PageCount()
	if n < 4 || n > 30 {
		t.Errorf("%d pages", n)
	}
	b := writeRollup(t, ru, Options{})
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[len(b)-16:], []byte("%%EOF")) {
		t.Fatal("not a PDF")
	}
	boxes := mediaBoxes(b)
	if len(boxes) != n {
		t.Errorf("%d page objects, PageCount %d", len(boxes), n)
	}
	for _, box := range boxes {
		if s := box[0] + "x" + box[1]; s != "595.28x841.89" && s != "841.89x595.28" {
			t.Errorf("page size %v, want A4", box)
		}
	}
	if got := bytes.Count(b, []byte("/FontFile2")); got != 4 {
		t.Errorf("%d embedded font files, want 4 (仿宋, 黑体, 楷体 and 小标宋's)", got)
	}
}

func TestRollupText(t *testing.T) {
	ru := fixtureRollup(t)
	_, text := drawRollup(t, ru)
	want := append(rollupWant(ru),
		"汇总单位：测试市", "报告单位数：15个", "报告格式：2021年格式13个、2019年格式1个、文字报告1个",
		"分组：区县政府6个、市直部门6个；未分组3个", // as the groups first appear in pinyin order
		"下列统计表合并了2021年格式和2019年格式：2021年格式与2019年格式共有的栏目为这些格式的14个单位该栏数字之和，其余栏目只计采用2021年格式的13个单位",
		"市直部门（6个单位）", "小计", "合计", "未分组（3个单位）",
		"一、主要指标", "二、统计表合计", "三、各单位情况", "四、申请数和主动公开数前十名", "五、申请办理结果", "六、数据覆盖情况", "七、核查发现",
		"14个单位报告了此项", "14个单位报告了主动公开政府信息数、行政复议、行政诉讼、依申请公开收取的费用；13个单位报告了", "无法读取的文件", "以下2个文件未能读取",
		"测试□□机关", "已用□代替：U+1F600、U+20000",
	)
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("drawn text lacks %q", w)
		}
	}
	// The duplicate is a finding, with its file.
	if !strings.Contains(text, "测试市第4号单位报告/00004.html") {
		t.Error("duplicate finding without agency and file")
	}
}

// Every character of every agency name is drawn, or replaced by □ with a
// note naming it.
func TestRollupNoCharacterLost(t *testing.T) {
	ru := fixtureRollup(t)
	_, text := drawRollup(t, ru)
	for _, y := range ru.Years {
		for _, a := range y.Agencies {
			name, bad := sanitize(fonts.Embedded(), agencyName(a))
			if !strings.Contains(text, squeeze(name)) {
				t.Errorf("agency %q not drawn", a.Agency)
			}
			for _, r := range bad {
				if !strings.Contains(text, fmt.Sprintf("U+%04X", r)) {
					t.Errorf("replaced %U of %q not named", r, a.Agency)
				}
			}
		}
	}
}

func TestTopTen(t *testing.T) {
	y := &rollup.Year{}
	for i, v := range []int64{5, 9, 1, 9, 7, 3, 2, 8, 6, 4, 10, 0} {
		row := &rollup.AgencyRow{Agency: fmt.Sprint("单位", i), Figures: map[string]xxgk.Value{"requests.received": {Value: xxgk.Int(v)}}}
		y.Agencies = append(y.Agencies, row)
	}
	y.Agencies = append(y.Agencies, &rollup.AgencyRow{Agency: "未报告", Figures: map[string]xxgk.Value{}})
	list, stated := topTen(y, "requests.received")
	if stated != 12 || len(list) != 10 {
		t.Fatalf("stated %d, listed %d", stated, len(list))
	}
	var got []string
	for _, r := range list {
		got = append(got, fmt.Sprintf("%d:%s=%s", r.place, r.row.Agency, r.v.Value))
	}
	want := []string{"1:单位10=10", "2:单位1=9", "2:单位3=9", "4:单位7=8", "5:单位4=7", "6:单位8=6", "7:单位0=5", "8:单位9=4", "9:单位5=3", "10:单位6=2"}
	if !slices.Equal(got, want) {
		t.Errorf("top ten\n got %q\nwant %q", got, want)
	}
}

// The top ten is drawn in order, largest first.
func TestRollupTopTenDrawn(t *testing.T) {
	ru := fixtureRollup(t)
	_, text := drawRollup(t, ru)
	for _, key := range []string{"requests.received", "proactive.total"} {
		list, _ := topTen(ru.Years[0], key)
		at := strings.Index(text, "名次单位数值")
		if key == "proactive.total" {
			at += strings.Index(text[at+1:], "名次单位数值") + 1
		}
		if at < 0 {
			t.Fatal("no top-ten table")
		}
		for _, r := range list {
			name, _ := sanitize(fonts.Embedded(), agencyName(r.row))
			cell := fmt.Sprint(r.place) + squeeze(name) + valueText(r.v)
			i := strings.Index(text[at:], cell)
			if i < 0 {
				t.Fatalf("%s: %q not in order", key, cell)
			}
			at += i + len(cell)
		}
	}
}

// An agency that did not state a figure has a blank cell, not 0; totals
// are in a bold row.
func TestAgencyTableBlank(t *testing.T) {
	ru := fixtureRollup(t)
	tb := agencyTable(ru.Years[0])
	var row int = -1
	for _, c := range tb.cells {
		if c.text == "文字报告局" {
			row = c.r0
		}
	}
	if row < 0 {
		t.Fatal("narrative agency not in the table")
	}
	for _, c := range tb.cells {
		if c.r0 == row && c.c0 == 2 && c.text != "" {
			t.Errorf("requests.received not stated but printed %q", c.text)
		}
	}
	if got := tb.rows; got != 1+15+2*2+1+1 { // header, agencies, group caption+subtotal, 未分组 caption, total
		t.Errorf("%d rows", got)
	}
}

// The tables are first of the form most agencies used, the newer on a
// tie (with shared cells, of the newest shared form), then of each other
// form with tables.
func TestSummaryTables(t *testing.T) {
	shared := &rollup.SharedCells{Forms: []string{"gov_2021", "gov_2019"}}
	tests := []struct {
		forms  []rollup.FormCount
		shared *rollup.SharedCells
		want   []string // form: forms in it
	}{
		{[]rollup.FormCount{{Form: xxgk.FormNarrative, Count: 9}}, nil, nil},
		{[]rollup.FormCount{{Form: "stat_2014", Count: 2}, {Form: "fj_2014_2018", Count: 3}, {Form: xxgk.FormNarrative, Count: 9}}, nil,
			[]string{"fj_2014_2018:fj_2014_2018", "stat_2014:stat_2014"}},
		{[]rollup.FormCount{{Form: "stat_2014", Count: 3}, {Form: "fj_2014_2018", Count: 3}}, nil,
			[]string{"stat_2014:stat_2014", "fj_2014_2018:fj_2014_2018"}},
		{[]rollup.FormCount{{Form: "gov_2021", Count: 1}, {Form: "gov_2019", Count: 5}}, shared,
			[]string{"gov_2021:gov_2021,gov_2019"}},
		{[]rollup.FormCount{{Form: "gov_2021", Count: 1}, {Form: "gov_2019", Count: 1}, {Form: "stat_2014", Count: 5}}, shared,
			[]string{"stat_2014:stat_2014", "gov_2021:gov_2021", "gov_2019:gov_2019"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range summaryTables(&rollup.Year{Forms: tt.forms, Shared: tt.shared}) {
			got = append(got, m.form.ID+":"+strings.Join(m.forms, ","))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%v: %q, want %q", tt.forms, got, tt.want)
		}
	}
}

func TestTotalCells(t *testing.T) {
	form := templates.FormByID("gov_2021")
	tbl := form.Table("t3_requests")
	cells := map[string]rollup.Total{
		tbl.CellKey("granted", "total"):       {Value: xxgk.Int(3)},
		tbl.CellKey("new_received", "total"):  {Value: xxgk.Int(5), Approx: true},
		tbl.CellKey("carried_over", "total"):  {Value: xxgk.Int(1)},
		"gov_2019.t3_requests.granted.total":  {Value: xxgk.Int(100)},
		"t3_requests.carried_over.total":      {Value: xxgk.Int(7)},
		"gov_2021.t3_requests.denied_x.total": {Value: xxgk.Int(9)},
	}
	shared := map[string]rollup.Total{"t3_requests.carried_over.total": {Value: xxgk.Int(7)}}
	look := totalCells(cells, shared)
	for _, tt := range []struct{ row, want string }{{"granted", "3"}, {"new_received", "约5"}, {"carried_over", "7"}, {"partially_granted", ""}} {
		if got := look(tbl, tt.row, "total"); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.row, got, tt.want)
		}
	}
	if got := totalCells(cells, nil)(tbl, "carried_over", "total"); got != "1" {
		t.Errorf("without shared: %q", got)
	}
}

func TestRollupReproducible(t *testing.T) {
	ru := fixtureRollup(t)
	a, b := writeRollup(t, ru, Options{}), writeRollup(t, fixtureRollup(t), Options{})
	if !bytes.Equal(a, b) {
		t.Fatal("same roll-up, same options, different bytes")
	}
	when := time.Date(2024, 3, 5, 6, 7, 8, 0, time.UTC)
	c := writeRollup(t, ru, Options{Created: when})
	if !bytes.Contains(c, []byte("/CreationDate (D:20240305060708)")) {
		t.Error("Options.Created not written")
	}
	if !bytes.Equal(c, writeRollup(t, ru, Options{Created: when})) {
		t.Error("fixed Options.Created, different bytes")
	}
}

// Very many findings are cut at maxFindingRows with a line saying how many
// more there are; unreadable inputs are all listed.
func TestRollupManyFindings(t *testing.T) {
	r := parseFile(t, "seed-002.txt")
	var unreadable []rollup.Unreadable
	for i := range 300 {
		unreadable = append(unreadable, rollup.Unreadable{Path: fmt.Sprintf("坏/%03d.html", i), Reason: "无法识别编码"})
	}
	reports := clones(r, 2)
	for i := range 450 {
		reports[0].Findings = append(slices.Clip(reports[0].Findings), xxgk.Finding{Rule: "x", Severity: xxgk.SeverityInfo, Message: fmt.Sprintf("提示%d", i)})
	}
	reports[1].Findings = []xxgk.Finding{{Rule: "y", Severity: xxgk.SeverityError, Message: "最后一份报告的错误"}}
	ru := rollup.Roll(reports, rollup.Options{Unreadable: unreadable})
	total := len(ru.Findings)
	_, text := drawRollup(t, ru)
	for _, w := range []string{
		fmt.Sprintf("共%d条核查发现", total),
		"错误" + "测试市第2号单位", // errors first
		fmt.Sprintf("另有%d条核查发现未列出", total-maxFindingRows),
		"以下300个文件未能读取",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("drawn text lacks %q", w)
		}
	}
	for _, u := range unreadable {
		if !strings.Contains(text, squeeze(u.Path)+u.Reason) {
			t.Errorf("unreadable %s not listed", u.Path)
		}
	}
	if strings.Contains(text, fmt.Sprintf("提示%d", maxFindingRows)) {
		t.Error("more findings printed than maxFindingRows")
	}
}

// No readable report: one page with the title and the unreadable inputs.
func TestRollupEmpty(t *testing.T) {
	if err := WriteRollup(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("nil roll-up: no error")
	}
	ru := rollup.Roll(nil, rollup.Options{Unreadable: []rollup.Unreadable{{Path: "a.html", Reason: "空文件"}}})
	d, text := drawRollup(t, ru)
	if n := d.f.PageCount(); n != 1 {
		t.Errorf("%d pages", n)
	}
	for _, w := range []string{"政府信息公开工作年度报告汇总（数据摘要）", "没有可以汇总的报告", "a.html空文件"} {
		if !strings.Contains(text, w) {
			t.Errorf("drawn text lacks %q", w)
		}
	}
	writeRollup(t, ru, Options{})
	// A year of agencies that stated nothing still draws.
	bare := xxgk.NewReport(xxgk.Source{Path: "x.txt"})
	bare.Year = 2020
	_, text = drawRollup(t, rollup.Roll([]*xxgk.Report{bare}, rollup.Options{}))
	for _, w := range []string{"2020年政府信息公开工作年度报告汇总（数据摘要）", "未识别单位（x.txt）", "各单位报告中均未识别出主要指标", "没有单位报告此项"} {
		if !strings.Contains(text, w) {
			t.Errorf("bare year: drawn text lacks %q", w)
		}
	}
}

func TestTitleParts(t *testing.T) {
	tests := map[string][]string{
		"平潭综合实验区2025年政府信息公开工作年度报告汇总（数据摘要）": {"平潭综合实验区2025年", "政府信息公开工作", "年度报告汇总", "（数据摘要）"},
		"政府信息公开工作年度报告汇总（年度未识别）":            {"", "政府信息公开工作", "年度报告汇总", "（年度未识别）"},
		"某局2024年政府信息公开工作年度报告":              {"某局2024年", "政府信息公开工作", "年度报告", ""},
		"其他标题": {"其他标题"},
	}
	for in, want := range tests {
		if got := titleParts(in); !slices.Equal(got, want) {
			t.Errorf("titleParts(%q) = %q, want %q", in, got, want)
		}
	}
}

// A title breaks between its words, and one too long for that by
// breakLines, losing nothing.
func TestTitleLines(t *testing.T) {
	for _, tt := range []struct {
		title string
		want  []string
	}{
		{"平潭综合实验区2025年政府信息公开工作年度报告汇总（数据摘要）", []string{"平潭综合实验区2025年政府信息公开工作", "年度报告汇总（数据摘要）"}},
		{"测试市政府信息公开工作年度报告汇总（年度未识别）", []string{"测试市政府信息公开工作年度报告汇总", "（年度未识别）"}},
		{"某局2024年政府信息公开工作年度报告", []string{"某局2024年政府信息公开工作年度报告"}},
	} {
		var drawn []string
		d := newDoc(Options{}, "test")
		d.addPage(false)
		d.trace = func(s string) { drawn = append(drawn, s) }
		d.title(tt.title)
		if !slices.Equal(drawn, tt.want) {
			t.Errorf("title %q drawn as %q, want %q", tt.title, drawn, tt.want)
		}
	}
	long := strings.Repeat("中华人民共和国", 6) + "2024年政府信息公开工作年度报告（数据摘要）"
	var drawn []string
	d := newDoc(Options{}, "test")
	d.addPage(false)
	d.trace = func(s string) { drawn = append(drawn, s) }
	d.title(long)
	if strings.Join(drawn, "") != long || len(drawn) < 3 {
		t.Errorf("long title drawn as %q", drawn)
	}
}

// With a roster, a year says who reported and who did not; the summed
// tables say on every row how many agencies filled it.
func TestRollupRoster(t *testing.T) {
	base := parseFile(t, "pingtan-2025-zone-html.html")
	reports := clones(base, 3)
	reports[2].Agency = "名单外局"
	reports[1].Cells = maps.Clone(reports[1].Cells)
	delete(reports[1].Cells, "gov_2021.t3_requests.granted.total")
	notice := *parseFile(t, "official-2021.txt")
	notice.Year, notice.Agency = 2025, "测试市第9号单位"
	ro := rollup.NewRoster([]rollup.RosterEntry{{Name: "测试市第2号单位"}, {Name: "测试市第1号单位"}, {Name: "测试市第9号单位"}, {Name: "测试市第5号单位"}})
	ru := rollup.Roll(append(reports, &notice), rollup.Options{Name: "测试市", Roster: ro})
	_, text := drawRollup(t, ru)
	for _, w := range []string{
		"报送情况：已报送2个/应报送4个，未报送2个；名单外1个",
		"一、报送情况", "（一）未报送的单位", "1测试市第9号单位收到的文件不是年度报告", "2测试市第5号单位未收到报告",
		"（二）名单外的报告", "1名单外局",
		"（三）非年度报告", "official-2021.txt",
		"二、主要指标",
		"填报单位数", "3/3", "2～3/3",
	} {
		if !strings.Contains(text, squeeze(w)) {
			t.Errorf("drawn text lacks %q", w)
		}
	}
	// The agencies in the roster's order: 第2号 before 第1号.
	if i, j := strings.Index(text, "1测试市第2号单位"), strings.Index(text, "2测试市第1号单位"); i < 0 || j < i {
		t.Errorf("agencies not in roster order: %d %d", i, j)
	}
}

// Past maxAgencyRows agencies a year's section lists no agency but the
// subtotals of its groups, each under its group's name, and the total,
// and says where the agencies are; up to it, every agency.
func TestAgencyTableBound(t *testing.T) {
	base := parseFile(t, "pingtan-2025-zone-html.html")
	for _, n := range []int{maxAgencyRows, maxAgencyRows + 1} {
		reports := clones(base, n)
		groups := map[string]string{}
		for i, r := range reports[:n-1] { // the last agency in no group
			groups[r.Agency] = []string{"市直部门", "区县政府"}[i%2]
		}
		ru := rollup.Roll(reports, rollup.Options{Name: "测试市", Groups: groups})
		tb := agencyTable(ru.Years[0])
		listed := slices.ContainsFunc(tb.cells, func(c tcell) bool { return c.text == reports[0].Agency })
		if n == maxAgencyRows {
			if want := 1 + n + 2*2 + 1 + 1; tb.rows != want || !listed {
				t.Errorf("%d agencies: %d rows (listed %v), want %d", n, tb.rows, listed, want)
			}
			continue
		}
		if tb.rows != 1+2+1 || listed { // header, two subtotals, total
			t.Errorf("%d agencies: %d rows (listed %v), want the subtotals and the total only", n, tb.rows, listed)
		}
		for _, name := range []string{"市直部门（500个单位）", "区县政府（500个单位）", "合计"} {
			if !slices.ContainsFunc(tb.cells, func(c tcell) bool { return c.text == name }) {
				t.Errorf("%d agencies: no row %s", n, name)
			}
		}
		_, text := drawRollup(t, ru)
		if want := squeeze(fmt.Sprintf("本年度共%d个单位，超过%d个，不逐一列出，下表为各分组的小计和合计（未分组的1个单位只计入合计）；各单位的数字见汇总工作簿的“各单位”工作表。", n, maxAgencyRows)); !strings.Contains(text, want) {
			t.Errorf("%d agencies: no note %s", n, want)
		}
	}
}
