package parse

import (
	"os"
	"strings"
	"testing"
	"xxgk/document"
)

func TestClassifyLineNoise(t *testing.T) {
	tests := []struct {
		rule, in string
		kind     document.LineKind
	}{
		{"chrome words", "登录 |  注册", document.Chrome},
		{"chrome phrase", "扫一扫在手机打开当前页", document.Chrome},
		{"toolbar", "返回顶部 打印本页 关闭本页", document.Chrome},
		{"bracketed toolbar", "【打印】【关闭】", document.Chrome},
		{"font size switch", "字号：大 中 小", document.Chrome},
		{"font size in brackets", "【字体：大 中 小】", document.Chrome},
		{"font widget", "字体:[ ]", document.Chrome},
		{"share", "分享到：", document.Chrome},
		{"share icons", "分享到： 微信 微博 QQ空间", document.Chrome},
		{"favourite", "收藏", document.Chrome},
		{"footer links", "关于我们|联系我们|法律声明|网站地图|后台管理", document.Chrome},
		{"font size and print", "字号: 打印", document.Chrome},
		{"breadcrumb", "您当前所在位置: 首页 > 政府信息公开年报", document.Chrome},
		{"breadcrumb with title", "当前位置：首页 > 政务公开 > 2016年崇川区政府信息公开工作年度报告", document.Chrome},
		{"breadcrumb icon lead", "▶ 您现在的位置：首页 / 信息公开", document.Chrome},
		{"breadcrumb without label", "首页 > 政府信息公开 > 年度报告", document.Chrome},
		{"copyright", "版权所有：白城市洮北区人民政府 地址：公园东路14号", document.Footer},
		{"copyright sign", "© 2016 崇川区人民政府", document.Footer},
		{"Copyright", "Copyright 2013 All Rights Reserved", document.Footer},
		{"ICP", "吉ICP备05001234号-1", document.Footer},
		{"licence number", "苏公网安备 32060202000123号", document.Footer},
		{"site id", "网站标识码：2206020001", document.Footer},
		{"sponsor", "主办单位：崇川区人民政府办公室", document.Footer},
		{"tech support", "技术支持：某某网络科技有限公司", document.Footer},
		{"sponsor after separator", "网站地图 | 主办：某某县人民政府", document.Footer},
		{"browser advice", "建议使用1024*768分辨率,IE8.0以上浏览器浏览网站统计", document.Footer},
		{"crawler link", "原文链接: https://www.pingtan.gov.cn/zwgk/t20260313_105587.htm", document.Chrome},
		{"crawler dir", "本地目录: zwgk/zfxxgk/zfxxgknb/202603/105587_报告", document.Chrome},
		{"crawler links note", "页面链接与图片详见 links.tsv(同目录)", document.Chrome},
		{"crawler banner", "==================== 正文 ====================", document.Chrome},
		{"bare url", "http://www.example.gov.cn/art/2016/1/1/art_1.html", document.Chrome},
		{"empty editorial fields", "来源:", document.Chrome},
		{"empty editor", "撰稿:", document.Chrome},
		{"empty review", "三审:", document.Chrome},
		{"empty related", "关联稿件:", document.Chrome},
		{"empty tags", "标签:", document.Chrome},
		{"empty counters", "作者: 点击:", document.Chrome},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			got, kind := document.ClassifyLine(tt.in)
			if kind != tt.kind {
				t.Errorf("classifyLine(%q) = %q, kind %d; want kind %d", tt.in, got, kind, tt.kind)
			}
		})
	}
}

func TestClassifyLineTrims(t *testing.T) {
	tests := []struct{ rule, in, want string }{
		{"counter after date", "发布日期:2012-12-31    点击数:", "发布日期:2012-12-31"},
		{"empty source after date", "日期:2016-03-11 来源:", "日期:2016-03-11"},
		{"read count", "发布时间:2014-03-27 00:00 阅读次数:", "发布时间:2014-03-27 00:00"},
		{"read count with value", "发布时间：2014-03-27 浏览次数：1234次", "发布时间：2014-03-27"},
		{"font widget glued to date", "发布时间:2014-03-31字体:[ ]", "发布时间:2014-03-31"},
		{"fields glued after Han", "时间:2026-01-26 09:42来源:海城市西四镇作者: 点击:", "时间:2026-01-26 09:42来源:海城市西四镇"},
		{"toolbar tail", "发布日期：2013-01-05 【打印】【关闭】", "发布日期：2013-01-05"},
		{"download tail", "二○一二年二月二十日 附件下载", "二○一二年二月二十日"},
		{"glued word is text", "对不符合要求的申请予以返回", "对不符合要求的申请予以返回"},
		{"source with value stays", "来源：平潭县人民政府 时间：2014-12-10", "来源：平潭县人民政府 时间：2014-12-10"},
		{"label inside a word is no field", "网站点击：", "网站点击："},
		{"long line loses breadcrumb path only",
			"当前位置： 首页政务公开政府信息公开年报 平潭综合实验区2011年政府信息公开工作年度报告 来源：平潭综合实验区管委会办公室 时间：2012-04-11 00:00 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： --> 本报告" + strings.Repeat("根据条例编制。", 40),
			"平潭综合实验区2011年政府信息公开工作年度报告 来源：平潭综合实验区管委会办公室 时间：2012-04-11 00:00 本报告" + strings.Repeat("根据条例编制。", 40)},
		{"long line with separated crumbs keeps the title",
			"当前位置：首页 > 政府信息公开年报 > 2016年崇川区政府信息公开工作年度报告 " + strings.Repeat("今年以来我区认真贯彻落实条例。", 12),
			"2016年崇川区政府信息公开工作年度报告 " + strings.Repeat("今年以来我区认真贯彻落实条例。", 12)},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			got, kind := document.ClassifyLine(tt.in)
			if kind != document.Content || got != tt.want {
				t.Errorf("classifyLine(%q)\n = %q (kind %d)\nwant %q", tt.in, got, kind, tt.want)
			}
		})
	}
}

// TestClassifyLineKeepsContent: numbers, units, separators, labels,
// headings and metadata are report content however short.
func TestClassifyLineKeepsContent(t *testing.T) {
	for _, in := range []string{
		"0", "13100", "-185", "4166.241619", "万元", "人次", "件", "条", "|", "| 0 | 0 |", "----",
		"统计指标", "单位", "总计", "中", "大", "小计", "一、概述", "（二）公开形式", "六、其他需要报告的事项",
		"标题: 平潭综合实验区2025年度政府信息公开工作年度报告", "发布时间: 2026-03-10 12:56",
		"发布机构: 平潭综合实验区管委会办公室", "来源：平潭县人民政府", "发布日期:2012-12-31",
		"政府网站公开数	条	2122	10037", "规章  0  0  0", "2012年12月31日", "洮北区人民政府办公室",
		"联系电话：0591-23162606", "地址：白城市洮北区公园东路14号", "电子邮箱：pzxxgkb＠163.com",
		"（三）接受培训人员数", "主动公开政府信息的途径：信息公开网站、乡政府宣传栏、广播、电视、微信公众号",
		"举办培训班3期，主办单位为区政府办公室", "各地的位置：均在政务大厅",
		"裕安区水利局2013年度政府信息公开年度工作报告.docx",
	} {
		got, kind := document.ClassifyLine(in)
		if kind != document.Content || got != in {
			t.Errorf("classifyLine(%q) = %q, kind %d; want it kept as is", in, got, kind)
		}
	}
}

func TestReadTextLines(t *testing.T) {
	text := "登录 |  注册 \n\n2012年度洮北区政府信息公开年度报告\n\n发布日期:2012-12-31    点击数:\n" +
		"\u3000\u3000一、基本情况\n统计指标\t单位\t数量\n规章  \u00a0 条  0\n  0\n" +
		"洮北区人民政府办公室\n2012年12月31日\n"
	doc := readText(text)
	if doc.Kind != "text" {
		t.Errorf("Kind %q", doc.Kind)
	}
	want := []document.Block{
		{Line: 3, Text: "2012年度洮北区政府信息公开年度报告"},
		{Line: 5, Text: "发布日期:2012-12-31"},
		{Line: 6, Text: "一、基本情况"},
		{Line: 7, Text: "统计指标\t单位\t数量"},
		{Line: 8, Text: "规章    条  0"},
		{Line: 9, Text: "0"},
		{Line: 10, Text: "洮北区人民政府办公室"},
		{Line: 11, Text: "2012年12月31日"},
	}
	if len(doc.Blocks) != len(want) {
		t.Fatalf("got %d blocks %+v, want %d", len(doc.Blocks), doc.Blocks, len(want))
	}
	for i := range want {
		if doc.Blocks[i] != want[i] {
			t.Errorf("block %d = %+v, want %+v", i, doc.Blocks[i], want[i])
		}
	}
}

func TestReadTextTrailingFooter(t *testing.T) {
	body := "一、概述\n本年度主动公开信息120条。\n人次\n82\n"
	tests := []struct {
		name, tail string
		wantLast   string
	}{
		{"footer then widgets", "洮北区人民政府办公室\n来源:\n撰稿:\n扫一扫在手机打开当前页\n返回顶部 打印本页 关闭本页\n智能问答机器人\n在线客服\n", "洮北区人民政府办公室"},
		{"footer lines", "关于我们|联系我们|网站地图\n主办单位：某区政府\n网站标识码3206020001\n区政府门户网站\n", "82"},
		{"one stray chrome line is no footer", "分享\n附表说明\n", "附表说明"},
		{"no footer", "附表说明\n", "附表说明"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readText(body + tt.tail)
			last := doc.Blocks[len(doc.Blocks)-1].Text
			if last != tt.wantLast {
				t.Errorf("last block %q, want %q (blocks %+v)", last, tt.wantLast, doc.Blocks)
			}
		})
	}
}

// TestReadTextSeeds reads real web-page text and checks that the site's
// chrome goes and the report stays.
func TestReadTextSeeds(t *testing.T) {
	tests := []struct {
		file      string
		gone      []string
		kept      []string
		firstLine string
		lastLine  string
	}{
		{"seed-000.txt", []string{"登录"}, []string{"发布日期:2012-12-31", "一、基本情况", "暂不收费。"},
			"2012年度洮北区政府信息公开年度报告", "2012年12月31日"},
		{"seed-001.txt", []string{"扫一扫", "返回顶部", "来源:", "撰稿:", "三审:", "关联稿件:", "智能问答机器人", "字号:"},
			[]string{"日期:2016-03-11", "一、政务信息公开情况"}, "• 2015年度行政服务中心政府信息公开年度报告", "2016年3月11日"},
		{"seed-002.txt", []string{"您当前所在位置", "关于我们", "建议使用"},
			[]string{"发布时间:2017-02-22", "万元", "人次", "3", "2"}, "2016年崇川区政府信息公开工作年度报告", "82"},
		{"seed-004.txt", []string{"字体"}, []string{"发布时间:2014-03-31", "一、概述"}, "2013年度攸县人民政府信息公开年度报告", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(fixture(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			text, _, err := Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			doc := readText(text)
			lines := map[string]bool{}
			for _, b := range doc.Blocks {
				lines[b.Text] = true
				for _, g := range tt.gone {
					if strings.Contains(b.Text, g) {
						t.Errorf("line %d %q should be gone (%q)", b.Line, b.Text, g)
					}
				}
			}
			for _, k := range tt.kept {
				if !lines[k] {
					t.Errorf("line %q missing", k)
				}
			}
			if got := doc.Blocks[0].Text; got != tt.firstLine {
				t.Errorf("first line %q, want %q", got, tt.firstLine)
			}
			if got := doc.Blocks[len(doc.Blocks)-1].Text; tt.lastLine != "" && got != tt.lastLine {
				t.Errorf("last line %q, want %q", got, tt.lastLine)
			}
		})
	}
}

func TestReadTextCrawlerHeader(t *testing.T) {
	text := "标题: 平潭综合实验区2025年度政府信息公开工作年度报告\n发布时间: 2026-03-10 12:56\n文号: \n" +
		"发布机构: 平潭综合实验区管委会办公室\n栏目: 政府信息公开年报\n" +
		"原文链接: https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202603/t20260313_105587.htm\n" +
		"本地目录: zwgk/zfxxgk/zfxxgknb/202603/105587_平潭综合实验区2025年度政府信息公开工作年度报告\n" +
		"页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n本报告根据《条例》编制。\n"
	doc := readText(text)
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, b.Text)
	}
	want := []string{"标题: 平潭综合实验区2025年度政府信息公开工作年度报告", "发布时间: 2026-03-10 12:56",
		"发布机构: 平潭综合实验区管委会办公室", "栏目: 政府信息公开年报", "本报告根据《条例》编制。"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNormalizeSpaces(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\u00a0b\u3000c\u2002d", "a b c d"},
		{"9\u200b46", "946"},
		{"无特殊空白，。“”", "无特殊空白，。“”"},
		{"制表\t符", "制表\t符"},
	}
	for _, tt := range tests {
		if got := document.NormalizeSpaces(tt.in); got != tt.want {
			t.Errorf("normalizeSpaces(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
