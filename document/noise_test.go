package document

import (
	"reflect"
	"strings"
	"testing"
	"xxgk/zh"
)

func TestClassifyLineNoise(t *testing.T) {
	tests := []struct {
		rule, in string
		kind     LineKind
	}{
		{"chrome words", "登录 |  注册", Chrome},
		{"chrome phrase", "扫一扫在手机打开当前页", Chrome},
		{"toolbar", "返回顶部 打印本页 关闭本页", Chrome},
		{"bracketed toolbar", "【打印】【关闭】", Chrome},
		{"font size switch", "字号：大 中 小", Chrome},
		{"font size in brackets", "【字体：大 中 小】", Chrome},
		{"font widget", "字体:[ ]", Chrome},
		{"share", "分享到：", Chrome},
		{"share icons", "分享到： 微信 微博 QQ空间", Chrome},
		{"favourite", "收藏", Chrome},
		{"footer links", "关于我们|联系我们|法律声明|网站地图|后台管理", Chrome},
		{"font size and print", "字号: 打印", Chrome},
		{"breadcrumb", "您当前所在位置: 首页 > 政府信息公开年报", Chrome},
		{"breadcrumb with title", "当前位置：首页 > 政务公开 > 2016年崇川区政府信息公开工作年度报告", Chrome},
		{"breadcrumb icon lead", "▶ 您现在的位置：首页 / 信息公开", Chrome},
		{"breadcrumb without label", "首页 > 政府信息公开 > 年度报告", Chrome},
		{"copyright", "版权所有：白城市洮北区人民政府 地址：公园东路14号", Footer},
		{"copyright sign", "© 2016 崇川区人民政府", Footer},
		{"Copyright", "Copyright 2013 All Rights Reserved", Footer},
		{"ICP", "吉ICP备05001234号-1", Footer},
		{"licence number", "苏公网安备 32060202000123号", Footer},
		{"site id", "网站标识码：2206020001", Footer},
		{"sponsor", "主办单位：崇川区人民政府办公室", Footer},
		{"tech support", "技术支持：某某网络科技有限公司", Footer},
		{"sponsor after separator", "网站地图 | 主办：某某县人民政府", Footer},
		{"browser advice", "建议使用1024*768分辨率,IE8.0以上浏览器浏览网站统计", Footer},
		{"crawler link", "原文链接: https://www.pingtan.gov.cn/zwgk/t20260313_105587.htm", Chrome},
		{"crawler dir", "本地目录: zwgk/zfxxgk/zfxxgknb/202603/105587_报告", Chrome},
		{"crawler links note", "页面链接与图片详见 links.tsv(同目录)", Chrome},
		{"crawler banner", "==================== 正文 ====================", Chrome},
		{"bare url", "http://www.example.gov.cn/art/2016/1/1/art_1.html", Chrome},
		{"empty editorial fields", "来源:", Chrome},
		{"empty editor", "撰稿:", Chrome},
		{"empty review", "三审:", Chrome},
		{"empty related", "关联稿件:", Chrome},
		{"empty tags", "标签:", Chrome},
		{"empty counters", "作者: 点击:", Chrome},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			got, kind := ClassifyLine(tt.in)
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
			got, kind := ClassifyLine(tt.in)
			if kind != Content || got != tt.want {
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
		got, kind := ClassifyLine(in)
		if kind != Content || got != in {
			t.Errorf("classifyLine(%q) = %q, kind %d; want it kept as is", in, got, kind)
		}
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
		if got := NormalizeSpaces(tt.in); got != tt.want {
			t.Errorf("normalizeSpaces(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzNormalizeSpaces compares NormalizeSpaces with normalizeSpaceRunes,
// the rune-by-rune loop it was first written as.
func FuzzNormalizeSpaces(f *testing.F) {
	for _, s := range []string{"", "　　一、总体情况", "a\u00a0b\u200bc\ufeff", "\u2060\u205f\u202f\u3000", "x\xff\u3000", "\xe3\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := NormalizeSpaces(s), normalizeSpaceRunes(s); got != want && !(got == s && !hasSpecial(s)) {
			t.Fatalf("NormalizeSpaces(%q) = %q, want %q", s, got, want)
		}
	})
}

func hasSpecial(s string) bool { i, _ := zh.IndexSpecialSpace(s); return i >= 0 }

// FuzzFinishLines: blocks and kinds held apart give what the candidates
// they make give. Each byte of the input is a line: its low bits its kind,
// the others which text it holds (a minor line, a sentence, a table).
func FuzzFinishLines(f *testing.F) {
	f.Add([]byte{0, 4, 8, 1, 2, 1})
	f.Add([]byte{0, 1, 5, 1, 0, 12})
	f.Add([]byte{2})
	f.Fuzz(func(t *testing.T, lines []byte) {
		texts := []string{"分享到", "2023年收到申请12件。", "", "返回顶部"}
		var cands []Candidate
		var blocks []Block
		var kinds []LineKind
		for i, c := range lines {
			b := Block{Line: i + 1, Text: texts[int(c>>2)%len(texts)]}
			if b.Text == "" {
				b.Table = &Grid{}
			}
			kind := LineKind(c&3) % 3
			cands = append(cands, Candidate{Block: b, Kind: kind})
			blocks, kinds = append(blocks, b), append(kinds, kind)
		}
		want := FinishBlocks(cands)
		if got := FinishLines(blocks, kinds); !reflect.DeepEqual(got, want) && (len(got) != 0 || len(want) != 0) {
			t.Fatalf("FinishLines = %+v, want %+v", got, want)
		}
	})
}
