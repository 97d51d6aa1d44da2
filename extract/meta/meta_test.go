package meta

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"xxgk"
	"xxgk/document"
	"xxgk/format/text"
)

// metaTextDoc builds a Document the way a text reader does: one block per
// non-empty line, with its 1-based line number and inner spaces kept.
func metaTextDoc(s string) *document.Document {
	doc := &document.Document{Kind: "text", Encoding: "utf-8"}
	for i, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		doc.Blocks = append(doc.Blocks, document.Block{Line: i + 1, Text: l})
	}
	return doc
}

func metaRules(fs []xxgk.Finding) []string {
	var rs []string
	for _, f := range fs {
		rs = append(rs, f.Rule)
	}
	slices.Sort(rs)
	return rs
}

// TestMetaReports reads every real text report of testdata/reports. The
// expected values were determined by reading each document (see the notes).
func TestMetaReports(t *testing.T) {
	const (
		pubMissing = "meta_published_missing"
		agMissing  = "meta_agency_missing"
		agInferred = "meta_agency_inferred"
		yrBody     = "meta_year_from_body"
		yrConflict = "meta_year_conflict"
		notRep     = "meta_not_report"
	)
	tests := []struct {
		file      string
		agency    string
		year      int
		published string
		rules     []string // every finding rule expected, sorted
	}{
		// 标题 洮北区; the signature 洮北区人民政府办公室 signs for the
		// 洮北区人民政府, the fuller form of the title's name.
		{"seed-000.txt", "洮北区人民政府", 2012, "2012-12-31", nil},
		// 标题 行政服务中心, signature 牡丹江市行政服务中心 (the place before it).
		{"seed-001.txt", "牡丹江市行政服务中心", 2015, "2016-03-11", nil},
		{"seed-002.txt", "崇川区", 2016, "2017-02-22", nil},
		// No title, no signature, no date: 八道江区 from the body
		// (使八道江区政务公开工作…), whose government 八道江区人民政府 it
		// also names; the year from the body (2009年度, plans for 2010 left out).
		{"seed-003.txt", "八道江区人民政府", 2009, "", []string{agInferred, pubMissing, yrBody}},
		{"seed-004.txt", "攸县人民政府", 2013, "2014-03-31", nil},

		{"page-01.txt", "道县文广新局", 2013, "2014-03-25", nil}, // title over two lines; date at the end
		// The signature 丰门街道办事处 is the fuller form of the title's 丰门街道.
		{"page-02.txt", "丰门街道办事处", 2016, "2017-02-27", nil},
		{"page-03.txt", "裕安区水利局", 2013, "2014-03-27", nil}, // 2012年 in the problems section
		// No agency named; 镇政府 is not a name; the date is 二0一七年 only.
		{"page-04.txt", "", 2016, "2017", []string{agMissing}},
		{"page-05.txt", "天台县民政局", 2013, "2014-05-03", nil},
		// Title 2011; the digit-dropped period says 2010 (copied template).
		{"page-06.txt", "白沙镇人民政府", 2011, "2012-02-15", []string{yrConflict}},
		{"page-07.txt", "", 2019, "", []string{agMissing, pubMissing, yrBody}},
		{"page-08.txt", "海城市西四镇", 2025, "2026-01-26", nil},
		// 我局 only; the year from 现将我局2014年政府信息公开情况报告如下.
		{"page-09.txt", "", 2014, "", []string{agMissing, pubMissing}},
		// 标题 屯昌县南吕镇; the body names 屯昌县南吕镇人民政府; 发布日期 over 成文日期.
		{"page-10.txt", "屯昌县南吕镇人民政府", 2012, "2013-03-28", nil},
		{"page-11.txt", "牛街乡人民政府", 2019, "", []string{agInferred, pubMissing}},
		{"page-12.txt", "三溪乡", 2018, "", []string{agInferred, pubMissing}}, // 汇总2018年度三溪乡的政务公开年度报告
		{"page-13.txt", "思明区嘉莲街道办事处", 2015, "", []string{pubMissing}},      // agency on the line above the title

		// 标题 平潭综合实验区; 发布机构 …管委会办公室 is an office, not a fuller name.
		{"pingtan-2011-zone.txt", "平潭综合实验区", 2011, "2012-04-11", nil},
		{"pingtan-2012-county.txt", "平潭县人民政府", 2012, "2013-01-17", nil},
		{"pingtan-2012-zone.txt", "平潭综合实验区", 2012, "2013-02-25", nil},
		{"pingtan-2013-county.txt", "平潭县人民政府", 2013, "2014-01-22", nil}, // 统计期限自至
		{"pingtan-2013-zone.txt", "平潭综合实验区", 2013, "2014-01-10", nil},
		// A letter, not a report; 来源：平潭县人民政府 is the site's, the
		// signature names the sender.
		{"pingtan-2014-letter.txt", "平潭综合实验区管委会办公室", 2014, "2014-12-10", []string{notRep}},
		{"pingtan-2014-zone.txt", "平潭综合实验区管委会", 2014, "2015-01-02", nil},
		{"pingtan-2015-zone.txt", "平潭综合实验区", 2015, "2016-01-12", nil},
		{"pingtan-2017-zone.txt", "平潭综合实验区", 2017, "2018-01-23", nil},
		{"pingtan-2025-zone.txt", "平潭综合实验区", 2025, "2026-03-10", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "reports", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			m, fs := readMeta(metaTextDoc(string(data)))
			if m.Agency != tt.agency || m.Year != tt.year || m.Published != tt.published {
				t.Errorf("got %q %d %q, want %q %d %q", m.Agency, m.Year, m.Published, tt.agency, tt.year, tt.published)
			}
			if got := metaRules(fs); !slices.Equal(got, tt.rules) {
				t.Errorf("findings %v, want %v\n%+v", got, tt.rules, fs)
			}
			for _, e := range []evidence{m.AgencyEvidence, m.YearEvidence, m.PublishedEvidence} {
				if e.Text != "" && e.Line == 0 {
					t.Errorf("evidence %q has no line", e.Text)
				}
			}
			if m.Agency != "" && m.AgencyEvidence.Text == "" || m.Year != 0 && m.YearEvidence.Text == "" ||
				m.Published != "" && m.PublishedEvidence.Text == "" {
				t.Errorf("value without evidence: %+v", m)
			}
		})
	}
}

func TestMetaParseTitle(t *testing.T) {
	tests := []struct {
		title string
		name  string
		year  int
	}{
		{"2012年度洮北区政府信息公开年度报告", "洮北区", 2012},
		{"2016年崇川区政府信息公开工作年度报告", "崇川区", 2016},
		{"平潭综合实验区2025年度政府信息公开工作年度报告", "平潭综合实验区", 2025},
		{"2015年度行政服务中心政府信息公开年度报告", "行政服务中心", 2015},
		{"2013年度攸县人民政府信息公开年度报告", "攸县人民政府", 2013}, // 政府 shared by both words
		{"天台县民政局2013年政府信息公开年报", "天台县民政局", 2013},
		{"怀远市人民政府关于2016年政府信息公开工作年度报告", "怀远市人民政府", 2016},
		{"关于怀远县2016年度政务公开工作的报告", "怀远县", 2016},
		{"怀远县政务公开办公室二〇一三年政府信息公开工作年度报告", "怀远县政务公开办公室", 2013},
		{"怀远镇二○一三年度政府信息公开工作报告", "怀远镇", 2013},
		{"2016年度镇政府信息公开年度报告", "", 2016}, // 镇 is not a name
		{"我局2014年政府信息公开情况报告如下", "", 2014},
		{"2015年政府信息公开工作年度报告", "", 2015},
		{"关于2014年政府信息公开工作要点落实情况的函", "", 2014},
	}
	for _, tt := range tests {
		name, year := parseTitle(tt.title)
		if name != tt.name || year != tt.year {
			t.Errorf("parseTitle(%q) = %q %d, want %q %d", tt.title, name, year, tt.name, tt.year)
		}
	}
}

// metaOf reads a synthetic text document.
func metaOf(t *testing.T, lines ...string) (meta, []string) {
	t.Helper()
	m, fs := readMeta(metaTextDoc(strings.Join(lines, "\n")))
	return m, metaRules(fs)
}

func TestMetaYearRules(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		year  int
		rules []string
	}{
		{"title beats period, conflict reported", []string{
			"某县2011年政府信息公开工作年度报告", "本报告中统计期限自2010年1月1日至2010年12月31日止。"},
			2011, []string{"meta_published_missing", "meta_year_conflict"}},
		{"period when the title has no year", []string{
			"某县政府信息公开工作年度报告", "本报告所列数据的统计期限自2013年1月1日起至2013年12月31日止。"},
			2013, []string{"meta_published_missing"}},
		{"digit-dropped period", []string{
			"本报告中统计期限自201011日至20101231日止。", "2011年，我镇主动公开信息46条。"},
			2010, []string{"meta_agency_missing", "meta_published_missing"}},
		{"period spanning two years gives the end year", []string{
			"统计时间段为2012年12月1日至2013年11月30日。"},
			2013, []string{"meta_agency_missing", "meta_published_missing"}},
		{"empty period falls through to the report sentence", []string{
			"本报告所列数据的统计期限自至。现公布2013年度政府信息公开年度报告。"},
			2013, []string{"meta_agency_missing", "meta_published_missing"}},
		{"cited documents and plans are not the year", []string{
			"根据《关于做好2010年度政府信息公开工作年度报告有关事项的通知》(白政办明电[2012]87号)编制。",
			"2015年，我局主动公开信息12条。", "2015年，我局未收到申请。",
			"《条例》自2008年5月1日施行。", "2016年，我们将进一步加强公开工作。", "2016年，我局将继续努力。"},
			2015, []string{"meta_agency_missing", "meta_published_missing", "meta_year_from_body"}},
		{"table title", []string{
			"一、概述", "全年主动公开信息3条。", "2016年度政府信息公开情况统计表"},
			2016, []string{"meta_agency_missing", "meta_published_missing"}},
		{"Chinese-numeral title year", []string{"某镇二〇一三年政府信息公开工作年度报告"},
			2013, []string{"meta_published_missing"}},
		{"publication year minus one as the last resort", []string{
			"发布日期:2014-02-10", "一、概述", "我局认真做好公开工作。"},
			2013, []string{"meta_agency_missing", "meta_year_inferred"}},
		{"nothing at all", []string{"一、概述", "我局认真做好公开工作。"},
			0, []string{"meta_agency_missing", "meta_published_missing", "meta_year_missing"}},
		{"year after publication", []string{"某县2016年政府信息公开工作年度报告", "发布时间:2015-03-01"},
			2016, []string{"meta_year_after_published"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, rules := metaOf(t, tt.lines...)
			if m.Year != tt.year || !slices.Equal(rules, tt.rules) {
				t.Errorf("year %d %v, want %d %v (evidence %+v)", m.Year, rules, tt.year, tt.rules, m.YearEvidence)
			}
		})
	}
}

func TestMetaPublishedRules(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"发布日期", []string{"发布日期:2012-12-31    点击数:"}, "2012-12-31"},
		{"发布时间 with clock", []string{"发布时间: 2026-03-10 12:56"}, "2026-03-10"},
		{"日期 with 来源", []string{"日期:2016-03-11 来源:"}, "2016-03-11"},
		{"run-on field", []string{"发布时间:2014-03-31字体:[ ]"}, "2014-03-31"},
		{"发布 beats 成文", []string{"成文日期:2013年03月20日 文 号: 发布日期:2013年03月28日"}, "2013-03-28"},
		{"statistics time is not publication", []string{"统计时间:2013年1月1日至2013年12月31日"}, ""},
		{"explicit line beats signature", []string{"发布时间:2017-02-27", "正文。", "丰门街道办事处", "2017年1月6日"}, "2017-02-27"},
		{"signature in Chinese numerals", []string{"正文。", "某县人民政府办公室", "二○一二年二月二十日"}, "2012-02-20"},
		{"signature month only", []string{"正文。", "二〇一四年三月"}, "2014-03"},
		{"signature year only, digit zero", []string{"正文。", "二0一七年"}, "2017"},
		{"signature in a collapsed body", []string{
			"……，将信息公开评议和考核工作常规化、日常化。 平潭县人民政府 2013年1月16日 附件1：统计表 指标名称"}, "2013-01-16"},
		{"a year inside a sentence is no signature", []string{"正文。", "2015年，我区将进一步规范政府信息公开工作，提高公开水平，加强培训。"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if m, _ := metaOf(t, tt.lines...); m.Published != tt.want {
				t.Errorf("published %q, want %q (evidence %+v)", m.Published, tt.want, m.PublishedEvidence)
			}
		})
	}
}

func TestMetaAgencyRules(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"title", []string{"2016年崇川区政府信息公开工作年度报告"}, "崇川区"},
		{"bulleted title", []string{"• 2015年度行政服务中心政府信息公开年度报告"}, "行政服务中心"},
		{"labelled title", []string{"标题:2012年度屯昌县南吕镇政府信息公开工作年度报告"}, "屯昌县南吕镇"},
		{"title over two lines", []string{"道县文广新局2013年度信息公开工作", "年度报告"}, "道县文广新局"},
		{"name on the line above", []string{"思明区嘉莲街道办事处", "2015年政府信息公开工作年度报告"}, "思明区嘉莲街道办事处"},
		{"government office signs for the title's place", []string{
			"2012年度洮北区政府信息公开年度报告", "正文。", "洮北区人民政府办公室", "2012年12月31日"}, "洮北区人民政府"},
		{"another office is not a fuller name", []string{
			"平潭综合实验区2025年度政府信息公开工作年度报告", "发布机构: 平潭综合实验区管委会办公室"}, "平潭综合实验区"},
		{"place before the title's name", []string{
			"2015年度行政服务中心政府信息公开年度报告", "正文。", "牡丹江市行政服务中心", "2016年3月11日"}, "牡丹江市行政服务中心"},
		{"unrelated signature does not replace the title", []string{
			"2015年度某县民政局政府信息公开年度报告", "正文。", "某县人民政府办公室", "2016年3月11日"}, "某县民政局"},
		{"发布机构 without a title", []string{"发布机构: 某市统计局", "一、概述"}, "某市统计局"},
		{"signature without a title", []string{"一、概述", "正文。", "攸县人民政府办公室", "二〇一四年三月"}, "攸县人民政府办公室"},
		{"signature after the date", []string{"一、概述", "正文。", "2014年3月5日", "某镇人民政府"}, "某镇人民政府"},
		{"body government", []string{"一、概述", "截至2019年12月31日,牛街乡人民政府通过信息平台公开信息3条。"}, "牛街乡人民政府"},
		{"body office is not from a cited title", []string{
			"根据《某县人民政府办公室关于做好年报工作的通知》要求，我局编制本报告。"}, ""},
		{"我局 is not a name", []string{"现将我局2014年政府信息公开情况报告如下。", "2014年，我局收到12起申请。"}, ""},
		{"来源 only as a last resort", []string{"时间:2026-01-26 09:42来源:海城市西四镇作者: 点击:", "一、概述"}, "海城市西四镇"},
		{"来源 loses to the signature", []string{
			"来源：平潭县人民政府", "正文。", "平潭综合实验区管委会办公室", "2014年12月10日"}, "平潭综合实验区管委会办公室"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, rules := metaOf(t, tt.lines...)
			if m.Agency != tt.want {
				t.Errorf("agency %q, want %q (evidence %+v)", m.Agency, tt.want, m.AgencyEvidence)
			}
			if missing := slices.Contains(rules, "meta_agency_missing"); missing != (tt.want == "") {
				t.Errorf("meta_agency_missing = %v for agency %q", missing, m.Agency)
			}
		})
	}
}

func TestMetaHTMLTitleAndTables(t *testing.T) {
	doc := &document.Document{
		Kind:  "html",
		Title: "2016年崇川区政府信息公开工作年度报告_南通市崇川区人民政府",
		Blocks: []document.Block{
			{Line: 40, Text: "一、概述"},
			{Line: 41, Table: &document.Grid{Rows: [][]document.GridCell{{{Text: "2015年度政府信息公开情况统计表", OrigRow: 0, OrigCol: 0}}}}},
		},
	}
	m, fs := readMeta(doc)
	if m.Agency != "崇川区" || m.Year != 2016 || m.AgencyEvidence.Line != 0 {
		t.Errorf("got %+v", m)
	}
	if !slices.Contains(metaRules(fs), "meta_year_conflict") {
		t.Errorf("the table's 2015 should conflict with the title's 2016: %v", fs)
	}
	doc.Title = ""
	if m, _ := readMeta(doc); m.Year != 2015 {
		t.Errorf("year from the table title: got %d", m.Year)
	}
}

// BenchmarkReadMeta reads the metadata of a long report whose body is one
// collapsed line plus many short lines; the cost must stay small beside
// the 50 MB/s the whole parser has to reach.
func BenchmarkReadMeta(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "reports", "pingtan-2017-zone.txt"))
	if err != nil {
		b.Fatal(err)
	}
	s := string(data) + strings.Repeat("\n二是强化制度建设，2013年，我局主动公开信息100条。", 5000)
	doc := metaTextDoc(s)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		readMeta(doc)
	}
}

// A filled form's 填报单位 and 报告年度 (Document.Agency, Document.Year)
// come first: a template names its agency and year nowhere else.
func TestMetaFormFields(t *testing.T) {
	form := func(agency, year string) *document.Document {
		doc := metaTextDoc("政府信息公开工作年度报告统计表\n二、主动公开政府信息情况")
		doc.Kind = "xlsx"
		doc.Agency = document.Field{Value: agency, Text: "填报单位：" + agency}
		doc.Year = document.Field{Value: year, Text: "报告年度：" + year}
		return doc
	}
	for _, tt := range []struct {
		agency, year string
		wantAgency   string
		wantYear     int
		rules        []string
	}{
		{"福清市自然资源和规划局", "2024", "福清市自然资源和规划局", 2024, []string{"meta_published_missing"}},
		{"福清市自然资源和规划局", "2024年", "福清市自然资源和规划局", 2024, []string{"meta_published_missing"}},
		{"福清市自然资源和规划局", "二〇二四年", "福清市自然资源和规划局", 2024, []string{"meta_published_missing"}},
		{"福清市自然资源和规划局", "２０２４年度", "福清市自然资源和规划局", 2024, []string{"meta_published_missing"}},
		{"福清市自然资源和规划局", "去年", "福清市自然资源和规划局", 0, []string{"form_not_number", "meta_published_missing", "meta_year_missing"}},
		{"", "", "", 0, []string{"meta_agency_missing", "meta_published_missing", "meta_year_missing"}},
	} {
		m, fs := readMeta(form(tt.agency, tt.year))
		if m.Agency != tt.wantAgency || m.Year != tt.wantYear || !slices.Equal(metaRules(fs), tt.rules) {
			t.Errorf("%q %q: agency %q year %d %v, want %q %d %v", tt.agency, tt.year, m.Agency, m.Year, metaRules(fs), tt.wantAgency, tt.wantYear, tt.rules)
		}
		if tt.wantYear != 0 && m.YearEvidence.Text != "报告年度："+tt.year {
			t.Errorf("%q: year evidence %+v", tt.year, m.YearEvidence)
		}
	}
	// A title that says another year: the form's cell is taken, and the
	// disagreement is a finding.
	doc := form("某局", "2024")
	doc.Blocks[0].Text = "某局2023年政府信息公开工作年度报告"
	if m, fs := readMeta(doc); m.Year != 2024 || !slices.Contains(metaRules(fs), "meta_year_conflict") {
		t.Errorf("year %d %v", m.Year, metaRules(fs))
	}
}

// TestMetaPages: in a PDF, where the agency, year and date were read is
// named by page too (its lines count extracted text no one can find).
func TestMetaPages(t *testing.T) {
	doc := metaTextDoc("某某县交通运输局2023年政府信息公开工作年度报告\n" +
		"一、总体情况\n" +
		"2023年，我局认真贯彻落实……\n" +
		"六、其他需要报告的事项\n" +
		"本年度无其他需要报告的事项。\n" +
		"某某县交通运输局\n" +
		"2024年1月20日\n")
	doc.Kind = "pdf"
	// The signature and its date are on page 3.
	for i, page := range []int{1, 1, 1, 2, 2, 3, 3} {
		doc.Blocks[i].Page = page
	}
	m, _ := Read(doc)
	if m.Agency == "" || m.Published != "2024-01-20" {
		t.Fatalf("agency %q, published %q", m.Agency, m.Published)
	}
	for _, c := range []struct {
		name string
		e    *xxgk.MetaEvidence
		page int
	}{{"agency", m.AgencyEvidence, 1}, {"year", m.YearEvidence, 1}, {"published", m.PublishedEvidence, 3}} {
		if c.e == nil || c.e.Page != c.page {
			t.Errorf("%s evidence %+v, want page %d", c.name, c.e, c.page)
		}
	}
	// A text file has lines, no pages.
	for i := range doc.Blocks {
		doc.Blocks[i].Page = 0
	}
	if m, _ := Read(doc); m.PublishedEvidence == nil || m.PublishedEvidence.Page != 0 {
		t.Errorf("text: published evidence %+v", m.PublishedEvidence)
	}
}

// BenchmarkReadSamples reads the metadata of every page-text sample report,
// as format/text gives it; MB/s is over the samples' text.
func BenchmarkReadSamples(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.txt"))
	if len(files) == 0 {
		b.Skip("no sample reports")
	}
	var docs []*document.Document
	var total int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, text.Read(string(data)))
		total += int64(len(data))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			Read(doc)
		}
	}
}
