package text

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk"
	"xxgk/document"
	"xxgk/format"
	"xxgk/format/charset"
	"xxgk/zh"
)

func TestReadTextLines(t *testing.T) {
	text := "登录 |  注册 \n\n2012年度洮北区政府信息公开年度报告\n\n发布日期:2012-12-31    点击数:\n" +
		"\u3000\u3000一、基本情况\n统计指标\t单位\t数量\n规章  \u00a0 条  0\n  0\n" +
		"洮北区人民政府办公室\n2012年12月31日\n"
	doc := Read(text)
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
			doc := Read(body + tt.tail)
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
			text, _, err := charset.Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			doc := Read(text)
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
	doc := Read(text)
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

// fixture is the path of a sample report of testdata/reports.
func fixture(name string) string {
	return filepath.Join("..", "..", "testdata", "reports", name)
}

// TestReadRepairedText: a report with a stray NUL and a bad byte is read
// (not refused as binary), and the document says what was repaired.
func TestReadRepairedText(t *testing.T) {
	data := []byte("2012年度洮北区政府信息公开年度报告\n主动公开信息\x00 120 条。\n乱码\xff在此\n")
	doc, err := format.Read(data)
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	rules := map[string]bool{}
	for _, f := range doc.Findings {
		rules[f.Rule] = true
	}
	if !rules[xxgk.RuleTextNUL] || !rules[xxgk.RuleTextUndecodable] {
		t.Errorf("findings = %+v, want text_nul and text_undecodable", doc.Findings)
	}
}

// TestReadLimits: a text file of more lines than MaxLines is refused with
// the limit (a file of short lines takes far more memory than its size
// says), and so is one larger than format.MaxTextSize.
func TestReadLimits(t *testing.T) {
	head := "2012年度洮北区政府信息公开年度报告\n"
	for _, tc := range []struct {
		name, text, want string
	}{
		{"lines", head + strings.Repeat("1\n", MaxLines), "行的上限"},
		{"size", head + strings.Repeat("主动公开信息123条。\n", format.MaxTextSize/20), "超过 8 MB"},
	} {
		_, err := format.Read([]byte(tc.text))
		if !errors.Is(err, format.ErrUnreadable) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want a refusal saying %q", tc.name, err, tc.want)
		}
	}
	if _, err := format.Read([]byte(head + strings.Repeat("1\n", MaxLines-10))); err != nil {
		t.Errorf("within the limits: %v", err)
	}
}

// checkSimplified holds Document.Simplified to what it says: a document
// marked so has no paragraph zh.FoldHan changes, and one that has is not
// marked.
func checkSimplified(t *testing.T, text string) {
	t.Helper()
	doc := Read(text)
	folds := false
	for _, b := range doc.Blocks {
		if zh.FoldHan(b.Text) != b.Text {
			folds = true
		}
	}
	if folds && doc.Simplified {
		t.Fatalf("Read(%q) is Simplified, but a paragraph folds", text)
	}
}

func TestReadSimplified(t *testing.T) {
	for _, text := range []string{"政府信息公开\n", "攸縣人民政府\n", "其它\u3000事项\n", "\u3000\u3000数据\u00a0統計\n", "数据\n\n資訊\n"} {
		checkSimplified(t, text)
		doc := Read(text)
		if want := zh.FoldHan(text) == text; doc.Simplified != want {
			t.Errorf("Read(%q).Simplified = %v, want %v", text, doc.Simplified, want)
		}
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := charset.Decode(data)
		if err != nil {
			continue
		}
		checkSimplified(t, text)
	}
}

func FuzzReadSimplified(f *testing.F) {
	for _, s := range []string{"", "政府信息公开\n", "攸縣\n", "数\u3000據\n它", "a\xff它\n数据", "\xe2\x800數\n"} {
		f.Add(s)
	}
	f.Fuzz(checkSimplified)
}

// TestReadKeepsNoText: the lists read fills are kept for the next text
// cleared, and the document's blocks are a list of their own.
func TestReadKeepsNoText(t *testing.T) {
	text := "首页 > 信息公开\n\n本机关2023年收到申请12件。\n\n办结11件。\n"
	doc := Read(text)
	if len(doc.Blocks) != 2 || cap(doc.Blocks) != 2 || doc.Blocks[0].Text != "本机关2023年收到申请12件。" || doc.Blocks[1].Line != 5 {
		t.Fatalf("got %+v", doc.Blocks)
	}
	checkPoolKeepsNoText(t)
	// Nor when a reading of unchecked text stops at an invalid line.
	if doc, flaw, err := readUncheckedText(text + "乱码\xff\n" + text); doc != nil || flaw != document.Invalid || err != nil {
		t.Fatalf("readUncheckedText of invalid text = %v, %d, %v", doc, flaw, err)
	}
	checkPoolKeepsNoText(t)
}

func checkPoolKeepsNoText(t *testing.T) {
	t.Helper()
	lists := lineListsPool.Get().(*lineLists)
	defer lineListsPool.Put(lists)
	if len(lists.blocks) != 0 || slices.ContainsFunc(lists.blocks[:cap(lists.blocks)], func(b document.Block) bool { return b != (document.Block{}) }) {
		t.Fatal("the pooled lists keep a block")
	}
}

// checkReadUnchecked holds readUncheckedText to readText: it reports
// whether text is valid UTF-8 and holds zero-width characters, and reads
// valid text as readText reads it without them (what charset.Check makes
// of it).
func checkReadUnchecked(t *testing.T, text string) {
	t.Helper()
	doc, flaw, err := readUncheckedText(text)
	if err != nil {
		return
	}
	want := document.NoFlaw
	switch {
	case !utf8.ValidString(text):
		want = document.Invalid
	case strings.ContainsFunc(text, zh.IsZeroWidth):
		want = document.ZeroWidth
	}
	if flaw != want {
		t.Fatalf("readUncheckedText(%q): flaw %d, want %d", text, flaw, want)
	}
	if flaw == document.Invalid {
		return
	}
	wdoc, werr := readText(strings.Map(func(r rune) rune {
		if zh.IsZeroWidth(r) {
			return -1
		}
		return r
	}, text))
	if werr != nil || !reflect.DeepEqual(doc, wdoc) {
		t.Fatalf("readUncheckedText(%q) = %+v; readText without zero-width characters %+v, %v", text, doc, wdoc, werr)
	}
}

// TestReadUnchecked holds readUncheckedText to readText over the sample
// reports and lines with zero-width characters, odd spaces and invalid
// bytes.
func TestReadUnchecked(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkReadUnchecked(t, string(data))
		if text, _, err := charset.Decode(data); err == nil {
			checkReadUnchecked(t, text)
			checkReadUnchecked(t, strings.ReplaceAll(text, "。", "。\u200b"))
			checkReadUnchecked(t, strings.ReplaceAll(text, "\n", "\u200b\n\ufeff"))
		}
	}
	for _, o := range []string{"\u200b", "\ufeff", "\u2060", "\u200f", "\u3000", "\u00a0", "\xff", "\xe5\xb9", "\xed\xa0\x80", "\xe2\x800"} {
		for _, s := range []string{"首页 > 信息公开\n\n本机关2023年收到申请12件。\n版权所有 某局\n打印 关闭\n", strings.Repeat("攸縣人民政府", 120) + "\n"} {
			checkReadUnchecked(t, o+s)
			checkReadUnchecked(t, s+o)
			checkReadUnchecked(t, strings.ReplaceAll(s, "\n", o+"\n"+o))
			checkReadUnchecked(t, strings.ReplaceAll(s, " ", o))
		}
	}
}

func FuzzReadUnchecked(f *testing.F) {
	for _, s := range []string{"", "政府信息公开\n", "攸縣\u200b\n", "数\u3000據\n它", "a\xff它\n数据", "\u200b\n\u200b \n", "首页\u200b > 信息公开\n版权所有\ufeff 某局\n"} {
		f.Add(s)
	}
	f.Fuzz(checkReadUnchecked)
}
