package html

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk"

	"golang.org/x/net/html"

	"xxgk/document"
	"xxgk/format"
	"xxgk/format/charset"
	plaintext "xxgk/format/text"
)

// paragraphs returns the texts of the paragraph blocks.
func paragraphs(d *document.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Table == nil {
			out = append(out, b.Text)
		}
	}
	return out
}

func tables(d *document.Document) []*document.Grid {
	var out []*document.Grid
	for _, b := range d.Blocks {
		if b.Table != nil {
			out = append(out, b.Table)
		}
	}
	return out
}

// gridTexts renders a grid as rows of cell texts joined by "|".
func gridTexts(g *document.Grid) []string {
	var rows []string
	for _, row := range g.Rows {
		var cells []string
		for _, c := range row {
			cells = append(cells, c.Text)
		}
		rows = append(rows, strings.Join(cells, "|"))
	}
	return rows
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html><body>x</body></html>", true},
		{"\n\n  <html lang=zh>", true},
		{"\ufeff<HTML>", true},
		{"<?xml version=\"1.0\"?><html>", true},
		{"<p>报告</p>", true},
		{"<table><tr><td>1</td></tr></table>", true},
		{"<!-- saved from url -->\n<html>", true},
		{"报告正文<br>第二行<br>第三行<br>第四行<br>第五行", true},
		{"2012年度洮北区政府信息公开年度报告\n发布日期:2012-12-31\n", false},
		{"<2012年度报告>", false},
		{"收费a<b，依申请公开>0", false},
		{"<pre>-like text", false},
	}
	for _, tt := range tests {
		if got := Sniff(tt.in); got != tt.want {
			t.Errorf("Sniff(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestReadHTMLParagraphs(t *testing.T) {
	page := `<html><head><title> 2016年 报告_政府网 </title><style>p{color:red}</style>
<script>var a = "不应出现";</script></head>
<body>
<div class="header"><a href="/">首页</a><a>登录</a></div>
<nav><a>政务公开</a></nav>
<div id="topNav">导航菜单</div>
<div class="breadcrumb">当前位置：首页 &gt; 年报</div>
<div class="article">
  <div class="article-header"><h1>2016年崇川区政府信息公开工作年度报告</h1><span>发布时间：2017-02-22</span></div>
  <p>共主动公开<span>1</span><span>83</span>条，<b>其中</b>网站<font>公开</font>&nbsp;&nbsp;120条。</p>
  <p>第一行<br>第二行<br/>第三行</p>
  <p>&nbsp;</p>
  <p style="display: none">隐藏文字</p>
  <p hidden>也是隐藏</p>
  <noscript>请开启脚本</noscript>
  <p>本报告由概述、主动公开政府
信息情况组成。</p>
  <p><!--[if !supportLists]-->1.<!--[endif]-->加强组织领导。</p>
  <p><![if !supportLists]>2.<![endif]>完善制度建设。</p>
  <!-- 注释不出现 -->
  <div class="bdsharebuttonbox">分享到：微信 微博</div>
  <ul class="list"><li><a>相关一</a></li><li><a>相关二</a></li><li><a>相关三</a></li><li><a>相关四</a></li><li><a>相关五</a></li></ul>
</div>
<div class="footer">版权所有 崇川区人民政府</div>
</body></html>`
	doc := mustRead(t, page)
	if doc.Kind != "html" || doc.Title != "2016年 报告_政府网" {
		t.Errorf("Kind %q Title %q", doc.Kind, doc.Title)
	}
	want := []string{
		"2016年崇川区政府信息公开工作年度报告",
		"发布时间：2017-02-22",
		"共主动公开183条，其中网站公开 120条。",
		"第一行", "第二行", "第三行",
		"本报告由概述、主动公开政府信息情况组成。",
		"1.加强组织领导。",
		"2.完善制度建设。",
	}
	got := paragraphs(doc)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadHTMLLines(t *testing.T) {
	page := "<html>\n<head><title>标题</title></head>\n<body>\n<h1>标题</h1>\n<p>第一段\n续行</p>\n\n<p>&nbsp;&nbsp;第二段 &amp; 更多</p>\n<table>\n<tr><td>指标</td><td>数量</td></tr>\n<tr><td>规章</td><td>0</td></tr>\n</table>\n<p>\u3000\u3000第三段</p>\n</body></html>\n"
	doc := mustRead(t, page)
	want := []struct {
		line int
		text string
	}{{4, "标题"}, {5, "第一段续行"}, {8, "第二段 & 更多"}, {10, ""}, {13, "第三段"}}
	if len(doc.Blocks) != len(want) {
		t.Fatalf("blocks %+v", doc.Blocks)
	}
	for i, w := range want {
		if b := doc.Blocks[i]; b.Line != w.line || b.Text != w.text {
			t.Errorf("block %d: line %d %q, want line %d %q", i, b.Line, b.Text, w.line, w.text)
		}
	}
}

func TestReadHTMLGrid(t *testing.T) {
	tests := []struct {
		name string
		html string
		want []string
		orig map[[2]int][2]int // position -> origin, for positions worth checking
	}{
		{"rowspan", `<table><tr><td rowspan=2>A</td><td>1</td></tr><tr><td>2</td></tr></table>`,
			[]string{"A|1", "A|2"}, map[[2]int][2]int{{1, 0}: {0, 0}, {1, 1}: {1, 1}}},
		{"colspan", `<table><tr><td colspan="3">标题</td></tr><tr><td>a</td><td>b</td><td>c</td></tr></table>`,
			[]string{"标题|标题|标题", "a|b|c"}, map[[2]int][2]int{{0, 2}: {0, 0}}},
		{"both", `<table><tr><td rowspan=2 colspan=2>X</td><td>1</td></tr><tr><td>2</td></tr><tr><td>a</td><td>b</td><td>c</td></tr></table>`,
			[]string{"X|X|1", "X|X|2", "a|b|c"}, map[[2]int][2]int{{1, 1}: {0, 0}, {1, 2}: {1, 2}}},
		{"ragged rows padded", `<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr></table>`,
			[]string{"a|b|c", "d||"}, map[[2]int][2]int{{1, 2}: {1, 2}}},
		{"rowspan=0 spans the rest", `<table><tr><td rowspan=0>L</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>`,
			[]string{"L|1", "L|2", "L|3"}, nil},
		{"absurd spans clamped", `<table><tr><td rowspan=999>L</td><td colspan=5000>W</td></tr><tr><td>x</td></tr></table>`,
			nil, nil},
		{"empty rows dropped, origins renumbered", `<table><tr><td>h1</td><td>h2</td></tr><tr><td>&nbsp;</td><td> </td></tr><tr><td rowspan=2>r</td><td>1</td></tr><tr><td>2</td></tr></table>`,
			[]string{"h1|h2", "r|1", "r|2"}, map[[2]int][2]int{{2, 0}: {1, 0}}},
		{"nbsp cells and split digits", `<table><tr><td><p class=MsoNormal><span>&nbsp;</span></p></td><td><span>1</span><span>83</span></td></tr><tr><td>社会公益<br>组织</td><td><p>本年<o:p></o:p></p><p>新收</p></td></tr></table>`,
			[]string{"|183", "社会公益 组织|本年 新收"}, nil},
		{"thead and tfoot rows in order", `<table><thead><tr><th>项</th><th>数</th></tr></thead><tbody><tr><td>甲</td><td>1</td></tr></tbody><tfoot><tr><td>合计</td><td>1</td></tr></tfoot></table>`,
			[]string{"项|数", "甲|1", "合计|1"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			grids := tables(mustRead(t, tt.html))
			if len(grids) != 1 {
				t.Fatalf("%d tables", len(grids))
			}
			g := grids[0]
			width := len(g.Rows[0])
			for r, row := range g.Rows {
				if len(row) != width {
					t.Errorf("row %d has %d cells, row 0 has %d", r, len(row), width)
				}
			}
			if tt.name == "absurd spans clamped" {
				if len(g.Rows) != 2 || width > document.MaxColspan+1 {
					t.Errorf("grid %d x %d, want 2 rows and at most %d columns", len(g.Rows), width, document.MaxColspan+1)
				}
				return
			}
			if got := gridTexts(g); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("grid\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for pos, orig := range tt.orig {
				c := g.Rows[pos[0]][pos[1]]
				if c.OrigRow != orig[0] || c.OrigCol != orig[1] {
					t.Errorf("cell %v origin (%d,%d), want %v", pos, c.OrigRow, c.OrigCol, orig)
				}
				if copy := pos != orig; g.IsCopy(pos[0], pos[1]) != copy {
					t.Errorf("IsCopy%v = %v", pos, !copy)
				}
			}
		})
	}
}

func TestReadHTMLLayoutTables(t *testing.T) {
	page := `<table width=100%><tr><td class="left">
  <p>一、概述</p>
  <table border=1><tr><td>指标</td><td>数量</td></tr><tr><td>规章</td><td>5</td></tr></table>
  正文在单元格里
</td><td>旁边一栏</td></tr></table>
<table><tr><td><p>单列表格里的第一段。</p><p>第二段。</p></td></tr><tr><td>第三段。</td></tr></table>`
	doc := mustRead(t, page)
	var got []string
	for _, b := range doc.Blocks {
		if b.Table != nil {
			got = append(got, "TABLE "+strings.Join(gridTexts(b.Table), "/"))
		} else {
			got = append(got, b.Text)
		}
	}
	want := []string{"一、概述", "TABLE 指标|数量/规章|5", "正文在单元格里", "旁边一栏", "单列表格里的第一段。", "第二段。", "第三段。"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadHTMLChromeNeedsLittleText(t *testing.T) {
	// A wrapper named like chrome that holds the whole report is content.
	report := strings.Repeat("本机关全年主动公开政府信息一百二十条。", 40)
	doc := mustRead(t, `<div class="main-nav-box"><p>`+report+`</p></div>`)
	if got := paragraphs(doc); len(got) != 1 || got[0] != report {
		t.Errorf("report in a nav-named wrapper lost: %q", got)
	}
	// Header names inside the article are its own head.
	doc = mustRead(t, `<div class="header">网站头部</div><div id="content"><div class="header"><h1>报告标题</h1></div></div>`)
	if got := paragraphs(doc); len(got) != 1 || got[0] != "报告标题" {
		t.Errorf("paragraphs %q, want only the article title", got)
	}
}

func TestNextNameWord(t *testing.T) {
	var got []string
	v := "menu_hov topNav2 article-content BreadCrumb"
	for i := 0; i < len(v); {
		var w []byte
		w, i = nextNameWord(v, i, nil)
		if len(w) > 0 {
			got = append(got, string(w))
		}
	}
	want := "menu hov top nav article content bread crumb"
	if strings.Join(got, " ") != want {
		t.Errorf("words %q, want %q", got, want)
	}
	for w, scope := range map[string]chromeScope{"submenu": chromeAnywhere, "bdshare": chromeAnywhere, "footnote": notChrome, "canvas": notChrome, "header": chromeOutside} {
		if got := chromeWordScope([]byte(w)); got != scope {
			t.Errorf("chromeWordScope(%q) = %d, want %d", w, got, scope)
		}
	}
}

// fixture maps a short page name (pingtan-2025-zone.html, seed-000.txt) to
// its copy in testdata/reports, shared with the golden tests.
func fixture(name string) string {
	if stem, ok := strings.CutSuffix(name, ".html"); ok {
		name = stem + "-html.html"
	}
	return filepath.Join("..", "..", "testdata", "reports", name)
}

// corpusPages are the crawled pages the HTML reader is checked on.
var corpusPages = []string{"official-2021.html", "pingtan-2011-zone.html", "pingtan-2012-county.html", "pingtan-2014-zone.html", "pingtan-2017-zone.html", "pingtan-2025-zone.html"}

func readCorpusPage(t testing.TB, name string) *document.Document {
	t.Helper()
	data, err := os.ReadFile(fixture(name))
	if err != nil {
		t.Fatal(err)
	}
	text, enc, err := charset.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if !Sniff(text) {
		t.Fatalf("%s not sniffed as HTML", name)
	}
	doc := mustRead(t, text)
	doc.Encoding = enc
	return doc
}

// siteChrome are texts of the pingtan site's menus, header and footer:
// whole paragraphs, and paragraph starts.
var (
	siteChrome       = []string{"国务院", "省政府", "首页", "政务公开", "登录", "注册", "移动版", "闽政通APP", "网站支持IPV6", "全真版", "文字版", "走进平潭"}
	siteChromeStarts = []string{"版权所有", "当前位置", "请输入搜索内容", "主办单位", "网站标识码"}
)

func isSiteChrome(s string) bool {
	if containsString(siteChrome, s) || strings.Contains(s, "ICP备") {
		return true
	}
	for _, p := range siteChromeStarts {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func TestReadHTMLCorpus(t *testing.T) {
	for _, name := range corpusPages {
		t.Run(name, func(t *testing.T) {
			doc := readCorpusPage(t, name)
			if doc.Title == "" {
				t.Error("no title")
			}
			if len(tables(doc)) == 0 {
				t.Error("no table")
			}
			last := 0
			for _, b := range doc.Blocks {
				if b.Table == nil && isSiteChrome(b.Text) {
					t.Errorf("chrome paragraph %q", b.Text)
				}
				if b.Table == nil && b.Line == 0 {
					t.Errorf("no line for %q", b.Text)
				}
				if b.Line != 0 && b.Line < last {
					t.Errorf("line %d after %d", b.Line, last)
				}
				last = max(last, b.Line)
			}
		})
	}
}

func TestReadHTML2025Zone(t *testing.T) {
	doc := readCorpusPage(t, "pingtan-2025-zone.html")
	paras := paragraphs(doc)
	if paras[0] != "平潭综合实验区2025年度政府信息公开工作年度报告" {
		t.Errorf("first paragraph %q, want the report title", paras[0])
	}
	if paras[1] != "来源：平潭综合实验区管委会办公室 时间：2026-03-10 12:56" {
		t.Errorf("second paragraph %q, want source and time", paras[1])
	}
	for _, want := range []string{"一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项", "2025年，无收取信息处理费情况。"} {
		if !containsString(paras, want) {
			t.Errorf("paragraph %q missing", want)
		}
	}
	grids := tables(doc)
	if len(grids) != 3 {
		t.Fatalf("%d tables, want 3", len(grids))
	}
	t2, t3, t4 := grids[0], grids[1], grids[2]
	if len(t2.Rows[0]) != 4 || !containsString(gridTexts(t2), "行政规范性文件|58|45|546") {
		t.Errorf("T2:\n%s", strings.Join(gridTexts(t2), "\n"))
	}
	if !containsString(gridTexts(t2), "行政事业性收费|4166.241619|4166.241619|4166.241619") {
		t.Errorf("T2 fee row missing")
	}
	// T3: three label columns, then 自然人, five 法人或其他组织 columns, 总计.
	if len(t3.Rows[0]) != 10 || len(t3.Rows) != 28 {
		t.Errorf("T3 is %d x %d, want 28 x 10", len(t3.Rows), len(t3.Rows[0]))
	}
	if got := gridTexts(t3)[2]; !strings.HasSuffix(got, "|自然人|商业 企业|科研 机构|社会 公益 组织|法律 服务 机构|其他|总计") {
		t.Errorf("T3 header row %q", got)
	}
	if got := gridTexts(t3)[3]; got != "一、本年新收政府信息公开申请数量|一、本年新收政府信息公开申请数量|一、本年新收政府信息公开申请数量|151|3|0|0|0|0|154" {
		t.Errorf("T3 row 3 %q", got)
	}
	if !t3.IsCopy(4, 1) || t3.IsCopy(3, 0) {
		t.Error("T3 span copies wrong")
	}
	if len(t4.Rows[0]) != 15 || gridTexts(t4)[len(t4.Rows)-1] != "25|3|8|0|36|3|3|0|0|6|3|0|0|0|3" {
		t.Errorf("T4:\n%s", strings.Join(gridTexts(t4), "\n"))
	}
}

func TestReadHTML2017ZoneWordMarkup(t *testing.T) {
	doc := readCorpusPage(t, "pingtan-2017-zone.html")
	paras := paragraphs(doc)
	for _, want := range []string{"电子邮箱：pzxxgkb＠163.com", "一、概述", "六、政府信息公开情况统计表"} {
		if !containsString(paras, want) {
			t.Errorf("paragraph %q missing", want)
		}
	}
	if !strings.Contains(strings.Join(paras, "\n"), "2017年全区主动公开政府信息2122条") {
		t.Error("digits split across spans not joined")
	}
	grids := tables(doc)
	if len(grids) != 1 {
		t.Fatalf("%d tables", len(grids))
	}
	rows := gridTexts(grids[0])
	if rows[0] != "指标名称|计量单位|2017年度|历年累计" || rows[1] != "主动公开文件数|条|2122|10037" || len(rows) != 16 {
		t.Errorf("table:\n%s", strings.Join(rows, "\n"))
	}
}

func TestReadHTMLOfficialTemplate(t *testing.T) {
	doc := readCorpusPage(t, "official-2021.html")
	grids := tables(doc)
	if len(grids) != 3 {
		t.Fatalf("%d tables", len(grids))
	}
	if w := len(grids[1].Rows[0]); w != 10 {
		t.Errorf("template T3 has %d columns, want 10", w)
	}
	if !containsString(gridTexts(grids[0]), "规章|||") {
		t.Error("template T2 should keep its empty value cells")
	}
}

// TestReadSampleCorpus smoke-tests every page among the bundled sample
// reports (copies of the corpus pages, text and HTML).
func TestReadSampleCorpus(t *testing.T) {
	txt, _ := filepath.Glob("../../testdata/reports/*.txt")
	pages, _ := filepath.Glob("../../testdata/reports/*.html")
	files := append(txt, pages...)
	if len(pages) == 0 || len(txt) == 0 {
		t.Fatal("no sample pages in ../testdata/reports")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := charset.Decode(data)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		var doc *document.Document
		if Sniff(text) != strings.HasSuffix(f, ".html") {
			t.Errorf("%s: looksLikeHTML wrong", f)
		}
		if strings.HasSuffix(f, ".html") {
			doc = mustRead(t, text)
		} else {
			doc = plaintext.Read(text)
		}
		if len(doc.Blocks) == 0 {
			t.Errorf("%s: no blocks", f)
		}
		for _, b := range doc.Blocks {
			if strings.Contains(b.Text, "版权所有") || strings.HasPrefix(b.Text, "原文链接") {
				t.Errorf("%s: noise %q", f, b.Text)
			}
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// dumpDocument renders a document for debugging failures.
func dumpDocument(d *document.Document) string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		if bl.Table != nil {
			fmt.Fprintf(&b, "%5d TABLE\n      %s\n", bl.Line, strings.Join(gridTexts(bl.Table), "\n      "))
			continue
		}
		fmt.Fprintf(&b, "%5d %s\n", bl.Line, bl.Text)
	}
	return b.String()
}

func TestReadHTMLDump(t *testing.T) {
	name := os.Getenv("XXGK_DUMP_HTML") // e.g. pingtan-2025-zone.html
	if name == "" {
		t.Skip("set XXGK_DUMP_HTML to print a testdata/reports page")
	}
	t.Log("\n" + dumpDocument(readCorpusPage(t, name)))
}

func BenchmarkDecodeReadHTML(b *testing.B) {
	data, err := os.ReadFile(fixture("pingtan-2017-zone.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		text, _, _ := charset.Decode(data)
		mustRead(b, text)
	}
}

// BenchmarkDecodeHTMLParseOnly is the floor readHTML cannot go below.
func BenchmarkDecodeHTMLParseOnly(b *testing.B) {
	data, err := os.ReadFile(fixture("pingtan-2017-zone.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		html.Parse(bytes.NewReader(data))
	}
}

func BenchmarkDecodeReadText(b *testing.B) {
	var sb strings.Builder
	for _, f := range []string{"seed-000.txt", "seed-001.txt", "seed-002.txt", "seed-003.txt", "seed-004.txt"} {
		data, err := os.ReadFile(fixture(f))
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
	}
	data := []byte(strings.Repeat(sb.String(), 10))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		text, _, _ := charset.Decode(data)
		plaintext.Read(text)
	}
}

func FuzzDecodeAndRead(f *testing.F) {
	f.Add([]byte(`<table><tr><td rowspan=0 colspan=0>a<td>b<tr><td rowspan=3>c</table><p>当前位置：首页 > x</p>`))
	f.Add([]byte("发布日期:2012-12-31    点击数:\n字号：大 中 小\n版权所有\n"))
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := charset.Decode(data)
		if err != nil {
			return
		}
		page, err := Read(text)
		if err != nil {
			if !errors.Is(err, format.ErrUnreadable) {
				t.Fatalf("error does not wrap ErrUnreadable: %v", err)
			}
			return
		}
		for _, d := range []*document.Document{page, plaintext.Read(text)} {
			for _, b := range d.Blocks {
				if b.Table == nil {
					continue
				}
				for r, row := range b.Table.Rows {
					if len(row) != len(b.Table.Rows[0]) {
						t.Fatalf("ragged grid")
					}
					for _, c := range row {
						if c.OrigRow < 0 || c.OrigRow > r || c.OrigCol < 0 || c.OrigCol >= len(row) {
							t.Fatalf("bad origin %+v at row %d", c, r)
						}
					}
				}
			}
		}
	})
}

// mustRead reads a page that must be readable.
func mustRead(tb testing.TB, text string) *document.Document {
	tb.Helper()
	doc, err := Read(text)
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// TestReadHTMLNestedDeep reads a page whose tags nest deeper than the HTML
// parser accepts (unclosed inline tags, as some editors save them) with its
// text, its shallow table and a finding saying what was flattened.
func TestReadHTMLNestedDeep(t *testing.T) {
	page := "<html><body><table><tr><td>本年新收政府信息公开申请</td><td>12</td></tr></table>" +
		strings.Repeat("<span><font>", 600) + "<p>本年度主动公开政府信息123条。</p>" +
		strings.Repeat("<div>", 700) + "<table><tr><td>深处</td></tr></table>" +
		"</body></html>"
	doc := mustRead(t, page)
	got := strings.Join(paragraphs(doc), "|")
	if !strings.Contains(got, "本年度主动公开政府信息123条。") || !strings.Contains(got, "深处") {
		t.Errorf("paragraphs %q lack the deep text", got)
	}
	if g := tables(doc); len(g) != 1 || len(g[0].Rows) != 1 || g[0].Rows[0][1].Text != "12" {
		t.Errorf("tables = %v, want the shallow table", g)
	}
	if len(doc.Findings) != 1 || doc.Findings[0].Rule != xxgk.RuleHTMLFlattened {
		t.Errorf("findings = %v, want html_flattened", doc.Findings)
	}
	// A page that nests within the limit reads as before, with no finding.
	if doc := mustRead(t, "<p>"+strings.Repeat("<span>", 400)+"文字</p>"); len(doc.Findings) != 0 {
		t.Errorf("findings %v on a page within the limit", doc.Findings)
	}
}

// eachNameWordOld is the callback splitter nextNameWord replaced, kept to
// check that the words are the same.
func eachNameWordOld(v string, f func(string)) {
	var buf [32]byte
	w := buf[:0]
	emit := func() {
		for len(w) > 0 && w[len(w)-1] >= '0' && w[len(w)-1] <= '9' {
			w = w[:len(w)-1]
		}
		if len(w) > 0 {
			f(string(w))
		}
		w = buf[:0]
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= 'A' && c <= 'Z':
			if i > 0 && v[i-1] >= 'a' && v[i-1] <= 'z' {
				emit()
			}
			w = append(w, c+'a'-'A')
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			w = append(w, c)
		default:
			emit()
		}
	}
	emit()
}

// TestNextNameWordAsBefore compares the words of every short string over
// an alphabet of each kind of byte with the old splitter's.
func TestNextNameWordAsBefore(t *testing.T) {
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		var old, got []string
		eachNameWordOld(prefix, func(w string) { old = append(old, w) })
		for i := 0; i < len(prefix); {
			var w []byte
			w, i = nextNameWord(prefix, i, nil)
			if len(w) > 0 {
				got = append(got, string(w))
			}
		}
		if strings.Join(got, "|") != strings.Join(old, "|") {
			t.Errorf("%q: words %q, want %q", prefix, got, old)
		}
		if n == 0 {
			return
		}
		for _, c := range []string{"a", "Z", "0", "-", "é"} {
			gen(prefix+c, n-1)
		}
	}
	gen("", 7)
}

// TestIndexFold: the first needle in all-lower or all-upper case.
func TestIndexFold(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"", -1}, {"<body", 0}, {"<BODY", 0}, {"<Body><body", 6}, {"x<BODY><body", 1}, {"xx<body><BODY", 2},
		{"<BOD<body", 4}, {"<bod", -1}, {"<body<BODY", 0}, {"<BODY<body", 0},
	} {
		if got := indexFold(tc.s, "<body"); got != tc.want {
			t.Errorf("indexFold(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}
