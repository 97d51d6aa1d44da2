package prose

import (
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"xxgk/document"
	"xxgk/format"
)

// sentenceDoc reads testdata/reports/name into a Document as Parse does.
func sentenceDoc(tb testing.TB, name string) *document.Document {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "reports", name))
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := format.Read(data)
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// headingSentences are the sentences that are headings themselves.
func headingSentences(ss []sentence) []sentence {
	var hs []sentence
	for _, s := range ss {
		if s.Heading != "" && strings.TrimRight(s.Text, "。！？；;：:!?") == s.Heading {
			hs = append(hs, s)
		}
	}
	return hs
}

type wantHeading struct {
	text  string // compared without white space
	topic topic
}

var pingtan2025Headings = []wantHeading{
	{"一、总体情况", topicOverview},
	{"（一）主动公开方面", topicProactive},
	{"（二）依申请公开方面", topicRequests},
	{"二、主动公开政府信息情况", topicProactive},
	{"三、收到和处理政府信息公开申请情况", topicRequests},
	{"四、政府信息公开行政复议、行政诉讼情况", topicReview},
	{"五、存在的主要问题及改进情况", topicProblems},
	{"六、其他需要报告的事项", topicOther},
}

var pingtan2012Headings = []wantHeading{
	{"一、概述", topicOverview},
	{"二、主动公开政府信息情况", topicProactive},
	{"（一）主动公开政府信息的数量", topicProactive},
	{"（二）主动公开政府信息的主要类别", topicProactive},
	{"三、政府信息依申请公开工作情况", topicRequests},
	{"四、政府信息公开工作存在的主要问题及改进情况", topicProblems},
	{"（一）进一步深化政府信息公开内容", topicProblems},
}

var pingtan2017Headings = []wantHeading{
	{"一、概述", topicOverview},
	{"（一）加强组织领导,精心部署安排", topicOverview},
	{"二、主动公开政府信息情况", topicProactive},
	{"（四）开展政策解读工作情况", topicProactive}, // overview words under a known topic
	{"三、政府信息依申请公开工作情况", topicRequests},
	{"四、因政府信息公开申请行政复议、提起行政诉讼的情况", topicReview},
	{"五、存在的主要问题和改进措施", topicProblems},
}

// The headings each report must yield, in order (others may come between).
var sentenceHeadingTests = []struct {
	file string
	want []wantHeading
}{
	{"seed-000.txt", []wantHeading{
		{"一、基本情况", topicOverview},
		{"二、主动公开政府信息公开情况", topicProactive},
		{"(一)公开的数量", topicProactive},
		{"三、依申请公开政府信息情况", topicRequests},
		{"四、政府信息公开的收费和减免情况", topicFees},
		{"五、因政府信息公开所引发的行政复议及行政诉讼、申诉情况", topicReview},
		{"六、主要问题和改进措施", topicProblems},
	}},
	{"seed-001.txt", []wantHeading{
		{"1、主动公开情况", topicProactive},
		{"2、依申请公开政府信息情况和不予公开政府信息的情况", topicRequests},
		{"3、政府信息公开的收费及减免情况", topicFees},
		{"4、因政府信息公开申请行政复议、引起行政诉讼的情况", topicReview},
		{"二、政务公开工作情况及具体举措", topicOverview},
		{"三、存在的不足及下步打算", topicProblems},
	}},
	{"seed-002.txt", []wantHeading{
		{"一、加强组织领导,确保工作全面落实", topicUnknown},
		{"六、狠抓责任落实,确保信息公开安全高效", topicUnknown},
		{"一、主动公开情况", topicProactive}, // the numbering starts again
		{"三、依申请公开情况", topicRequests},
		{"(一)收到申请数", topicRequests},
		{"四、行政复议数量", topicReview},
		{"五、行政诉讼数量", topicReview},
		{"七、依申请公开信息收取的费用", topicFees},
		{"八、机构建设和保障经费情况", topicStaff},
	}},
	{"seed-002-gbk.txt", []wantHeading{
		{"一、主动公开情况", topicProactive},
		{"七、依申请公开信息收取的费用", topicFees},
	}},
	{"seed-003.txt", []wantHeading{
		{"二、突出重点,贯彻落实《条例》精神,抓好政务公开重点领域", topicUnknown},
		{"五、2010年政务公开工作安排", topicPlans}, // a later year than the report's 2009
	}},
	{"seed-004.txt", []wantHeading{
		{"一、概述", topicOverview},
		{"(一)进一步深化政府信息公开", topicOverview},
		{"二、主动公开政府信息情况", topicProactive},
		{"(一)公开的主要内容", topicProactive},
		{"1、互联网", topicProactive},
		{"三、依申请公开政府信息情况", topicRequests},
		{"四、咨询处理情况", topicConsult},
		{"五、复议、诉讼和申诉情况", topicReview},
		{"六、工作人员配备和政府财政投入情况", topicStaff},
		{"(三)对公民、法人和其他组织的收费情况", topicFees},
		{"七、存在的主要问题和改进措施", topicProblems},
	}},
	{"pingtan-2025-zone.txt", pingtan2025Headings},
	{"pingtan-2025-zone-html.html", pingtan2025Headings},
	{"pingtan-2025-zone-gbk.html", pingtan2025Headings},
	{"pingtan-2025-zone-w3m.txt", pingtan2025Headings},
	{"pingtan-2025-zone-lynx.txt", pingtan2025Headings},
	{"pingtan-2012-county.txt", pingtan2012Headings},
	{"pingtan-2012-county-html.html", pingtan2012Headings},
	{"pingtan-2013-county.txt", pingtan2012Headings},
	{"pingtan-2015-zone.txt", []wantHeading{
		{"一、概述", topicOverview},
		{"（一）加强组织领导，健全工作机制", topicOverview},
		{"（三）全面加强主动公开工作", topicProactive},
		{"二、主动公开政府信息情况", topicProactive},
		{"四、政府信息公开的收费及减免情况", topicFees},
		{"五、因政府信息公开申请行政复议、提起行政诉讼的情况", topicReview},
		{"六、主要问题和改进措施", topicProblems},
		{"(一)存在问题", topicProblems},
		{"（二）改进措施", topicProblems},
	}},
	{"pingtan-2017-zone.txt", pingtan2017Headings},
	{"pingtan-2017-zone-html.html", pingtan2017Headings},
	{"pingtan-2017-zone-w3m.txt", pingtan2017Headings},
	{"pingtan-2014-letter.txt", []wantHeading{
		{"一、2014年政府信息公开工作情况", topicOverview},
		{"（一）全面深化政府信息公开工作", topicOverview},
		{"二、存在问题及下一步工作计划", topicProblems},
	}},
	{"pingtan-2011-zone.txt", []wantHeading{
		{"一、概述", topicOverview},
		{"二、主动公开政府信息情况", topicProactive},
		{"三、政府信息依申请公开工作情况", topicRequests},
		{"四、政府信息公开工作存在的主要问题及改进情况", topicProblems},
	}},
	{"official-2021-html.html", []wantHeading{
		{"一、总体情况", topicOverview},
		{"二、主动公开政府信息情况", topicProactive},
		{"三、收到和处理政府信息公开申请情况", topicRequests},
		{"四、政府信息公开行政复议、行政诉讼情况", topicReview},
		{"五、存在的主要问题及改进情况", topicProblems},
		{"六、其他需要报告的事项", topicOther},
	}},
}

func TestSentenceHeadings(t *testing.T) {
	for _, tt := range sentenceHeadingTests {
		t.Run(tt.file, func(t *testing.T) {
			hs := headingSentences(splitSentences(sentenceDoc(t, tt.file)))
			i := 0
			for _, w := range tt.want {
				for i < len(hs) && noSpace(hs[i].Heading) != w.text {
					i++
				}
				if i == len(hs) {
					var got []string
					for _, h := range hs {
						got = append(got, h.Heading+"/"+h.Topic.String())
					}
					t.Fatalf("heading %q not found in order; headings: %q", w.text, got)
				}
				if hs[i].Topic != w.topic {
					t.Errorf("%q: topic %v, want %v", w.text, hs[i].Topic, w.topic)
				}
				i++
			}
		})
	}
}

// Every sentence of a section carries its topic and heading; in collapsed
// one-line bodies the sections are found inside the line.
func TestCollapsedBodyIsSplitIntoSections(t *testing.T) {
	doc := sentenceDoc(t, "pingtan-2025-zone.txt")
	ss := splitSentences(doc)
	byText := func(prefix string) sentence {
		t.Helper()
		for _, s := range ss {
			if strings.HasPrefix(s.Text, prefix) {
				return s
			}
		}
		t.Fatalf("no sentence starts with %q", prefix)
		return sentence{}
	}
	tests := []struct {
		prefix, heading string
		topic           topic
	}{
		{"本报告共分6个部分", "", topicUnknown}, // the parts listed are no headings
		{"2025年，平潭综合实验区坚持", "一、总体情况", topicOverview},
		{"2025年，通过实验区政府门户网站累计主动公开", "（一）主动公开方面", topicProactive},
		{"2025年，全区共收到政府信息公开申请154件", "（二）依申请公开方面", topicRequests},
		{"2025年，我区政府信息公开工作取得了一定成绩", "五、存在的主要问题及改进情况", topicProblems},
		{"二是提升依申请公开答复质量", "五、存在的主要问题及改进情况", topicProblems},
		{"2025年，无收取信息处理费情况。", "六、其他需要报告的事项", topicOther},
	}
	for _, tt := range tests {
		s := byText(tt.prefix)
		if s.Heading != tt.heading || s.Topic != tt.topic {
			t.Errorf("%q: heading %q topic %v; want %q %v", tt.prefix, s.Heading, s.Topic, tt.heading, tt.topic)
		}
		if s.Line != 10 || doc.Blocks[s.Block].Line != 10 {
			t.Errorf("%q: line %d, block line %d; want 10", tt.prefix, s.Line, doc.Blocks[s.Block].Line)
		}
	}
}

// Nothing is lost: the sentences of a block, put together, are the block's
// text (white space aside, pinyin glosses removed). Lines and blocks are
// the block's; tables are skipped; sentences stay short.
func TestSentencesCoverTheProse(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("..", "..", "testdata", "reports"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if name == "README.md" || strings.HasSuffix(name, ".golden.json") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			doc := sentenceDoc(t, name)
			ss := splitSentences(doc)
			if len(ss) == 0 {
				t.Fatal("no sentences")
			}
			got := map[int]*strings.Builder{}
			last := -1
			for _, s := range ss {
				b := doc.Blocks[s.Block]
				if b.Table != nil {
					t.Fatalf("sentence %q from a table", s.Text)
				}
				if s.Line != b.Line {
					t.Errorf("%q: line %d, block's %d", s.Text, s.Line, b.Line)
				}
				if s.Block < last {
					t.Errorf("%q: block %d after %d", s.Text, s.Block, last)
				}
				last = s.Block
				if s.Text == "" || s.Text != strings.TrimSpace(s.Text) {
					t.Errorf("sentence %q not trimmed", s.Text)
				}
				if n := utf8.RuneCountInString(s.Text); n > maxSentenceRunes+10 {
					t.Errorf("sentence of %d runes: %.60q", n, s.Text)
				}
				if got[s.Block] == nil {
					got[s.Block] = &strings.Builder{}
				}
				got[s.Block].WriteString(s.Text)
			}
			for i, b := range doc.Blocks {
				if b.Table != nil || strings.TrimSpace(b.Text) == "" {
					continue
				}
				want := noSpace(removePinyin(b.Text))
				var have string
				if got[i] != nil {
					have = noSpace(got[i].String())
				}
				if have != want {
					t.Errorf("block %d (line %d): sentences give\n%.200q\nwant\n%.200q", i, b.Line, have, want)
				}
			}
		})
	}
}

func TestSplitSentencesRules(t *testing.T) {
	long := strings.Repeat("政府信息公开", 40) + "，" + strings.Repeat("主动公开信息", 40) + "。"
	tests := []struct {
		rule   string
		blocks []string
		want   []string // sentence texts; "#" marks a heading sentence
	}{
		{"terminators", []string{"一是公开。二是答复！三是？四是；五"},
			[]string{"一是公开。", "二是答复！", "三是？", "四是；", "五"}},
		{"brackets and quotes hold", []string{"如有疑问（地址：某路1号；邮编：1。）请联系。按照“公开是原则。不公开是例外”的要求。印发《关于…；…的通知》。"},
			[]string{"如有疑问（地址：某路1号；邮编：1。）请联系。", "按照“公开是原则。不公开是例外”的要求。", "印发《关于…；…的通知》。"}},
		{"closing quote after the stop", []string{"他说：“公开。”然后走了。"},
			[]string{"他说：“公开。”然后走了。"}},
		{"unclosed bracket goes stale", []string{"（" + strings.Repeat("甲", staleBracketRunes+5) + "。乙。"},
			[]string{"（" + strings.Repeat("甲", staleBracketRunes+5) + "。", "乙。"}},
		{"line ends inside a block", []string{"第一行\n第二行。"},
			[]string{"第一行", "第二行。"}},
		{"long run cut at a comma", []string{long},
			[]string{strings.Repeat("政府信息公开", 40) + "，", strings.Repeat("主动公开信息", 40) + "。"}},
		{"heading paragraphs", []string{"一、概述", "(一)公开的数量。2012年，全区主动公开2917条。"},
			[]string{"#一、概述", "#(一)公开的数量。", "2012年，全区主动公开2917条。"}},
		{"collapsed body", []string{"本报告所列数据。一、总体情况 2025年，我区…。（一）主动公开方面。2025年，公开7700条。二、主动公开政府信息情况（一）主动公开政府信息的数量各乡镇公开1条。"},
			[]string{"本报告所列数据。", "#一、总体情况", "2025年，我区…。", "#（一）主动公开方面。", "2025年，公开7700条。", "#二、主动公开政府信息情况", "#（一）主动公开政府信息的数量", "各乡镇公开1条。"}},
		{"title runs into its text", []string{"四、政府信息公开工作存在的主要问题及改进情况目前，我县仍存在一些不足。"},
			[]string{"#四、政府信息公开工作存在的主要问题及改进情况", "目前，我县仍存在一些不足。"}},
		{"title runs into a year", []string{"六、其他需要报告的事项2025年，无收取信息处理费情况。"},
			[]string{"#六、其他需要报告的事项", "2025年，无收取信息处理费情况。"}},
		{"the text's own enumeration", []string{"（一）加强组织领导，健全工作机制一是高度重视。"},
			[]string{"#（一）加强组织领导，健全工作机制", "一是高度重视。"}},
		{"parts listed in the introduction", []string{"本报告共分为六个部分：一、总体情况；二、主动公开政府信息情况。"},
			[]string{"本报告共分为六个部分：一、总体情况；", "二、主动公开政府信息情况。"}},
		{"第（一）项 is no heading", []string{"依据第（一）项规定公开。"},
			[]string{"依据第（一）项规定公开。"}},
		{"decimals are no numbering", []string{"增长1.5个百分点。"},
			[]string{"增长1.5个百分点。"}},
		{"flattened table rows are no sections", []string{"三、收到和处理政府信息公开申请情况 数量15130000154二、上年结转0000000三、本年度办理结果 （一）予以公开33四、政府信息公开行政复议、行政诉讼情况 结果25"},
			[]string{"#三、收到和处理政府信息公开申请情况", "数量15130000154二、上年结转0000000三、本年度办理结果", "#（一）予以公开33", "#四、政府信息公开行政复议、行政诉讼情况", "结果25"}},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			doc := &document.Document{}
			for i, s := range tt.blocks {
				doc.Blocks = append(doc.Blocks, document.Block{Line: i + 1, Text: s})
			}
			var got []string
			for _, s := range splitSentences(doc) {
				text := s.Text
				if strings.TrimRight(text, "。！？；;：:!?") == s.Heading {
					text = "#" + text
				}
				got = append(got, text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSentenceTopics(t *testing.T) {
	doc := &document.Document{Blocks: []document.Block{
		{Line: 1, Text: "2016年度某县政府信息公开工作年度报告"},
		{Line: 2, Text: "一、主动公开政府信息情况"},
		{Line: 3, Text: "（一）公开的内容"},
		{Line: 4, Text: "全年公开100条。"},
		{Table: &document.Grid{}},
		{Line: 6, Text: "二、存在的主要问题和改进措施"},
		{Line: 7, Text: "宣传不够。"},
		{Line: 8, Text: "三、2017年工作重点"},
		{Line: 9, Text: "加强培训。"},
		{Line: 10, Text: "四、2016年工作重点"},
		{Line: 11, Text: "做了培训。"},
		{Line: 12, Text: "附件1：统计表"},
	}}
	want := map[string]struct {
		topic   topic
		heading string
		block   int
	}{
		"2016年度某县政府信息公开工作年度报告": {topicUnknown, "", 0},
		"全年公开100条。":            {topicProactive, "（一）公开的内容", 3},
		"宣传不够。":                {topicProblems, "二、存在的主要问题和改进措施", 6},
		"加强培训。":                {topicPlans, "三、2017年工作重点", 8},
		"做了培训。":                {topicUnknown, "四、2016年工作重点", 10}, // the report's own year
		"附件1：统计表":              {topicUnknown, "附件", 11},
	}
	for _, s := range splitSentences(doc) {
		w, ok := want[s.Text]
		if !ok {
			continue
		}
		delete(want, s.Text)
		if s.Topic != w.topic || s.Heading != w.heading || s.Block != w.block || s.Line != doc.Blocks[w.block].Line {
			t.Errorf("%q: topic %v heading %q block %d line %d; want %v %q %d", s.Text, s.Topic, s.Heading, s.Block, s.Line, w.topic, w.heading, w.block)
		}
	}
	for s := range want {
		t.Errorf("no sentence %q", s)
	}
}

func TestHeadingTopic(t *testing.T) {
	tests := []struct {
		title string
		want  topic
	}{
		{"概述", topicOverview},
		{"总体情况", topicOverview},
		{"主动公开政府信息的情况", topicProactive},
		{"收到和处理政府信息公开申请情况", topicRequests},
		{"依申請公開政府資訊情況", topicRequests}, // traditional characters
		{"因政府信息公开申请提起行政复议、行政诉讼的情况", topicReview},
		{"政府信息公开的收费及减免情况", topicFees},
		{"依申请公开信息收取的费用", topicFees},
		{"咨询处理情况", topicConsult},
		{"工作人员配备和政府财政投入情况", topicStaff},
		{"机构建设和保障经费情况", topicStaff},
		{"存在的主要问题及改进情况", topicProblems},
		{"存在的不足及下步打算", topicProblems},
		{"下一步工作计划", topicPlans},
		{"其他需要报告的事项", topicOther},
		{"其它需要报告的事项", topicOther},
		{"加强组织领导,确保工作全面落实", topicUnknown},
		// Both kinds of disclosure in one heading: an overview of both.
		{"加强主动公开和依申请公开办理情况", topicOverview},
		{"依申请公开政府信息和不予公开政府信息情况", topicRequests},
	}
	for _, tt := range tests {
		if got := headingTopic(tt.title, 0, false); got != tt.want {
			t.Errorf("headingTopic(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

func TestRemovePinyin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"鎮(zhèn)政府", "鎮政府"},
		{"鎮（zhèn）政府", "鎮政府"},
		{"申請(shēn qǐng)公開", "申請公開"},
		{"申请（shenqing）", "申请"},
		{"女(nǚ)士", "女士"},
		{"两处：鎮(zhèn)、縣(xiàn)。", "两处：鎮、縣。"},
		{"政务服务网(APP)", "政务服务网(APP)"},     // capitals: an abbreviation
		{"门户网站(www)", "门户网站(www)"},       // no vowel
		{"客户端(app)", "客户端(app)"},         // not a syllable ending
		{"(zhèn)", "(zhèn)"},             // nothing glossed
		{"12(ab)", "12(ab)"},             // after a digit
		{"公开(2019年)", "公开(2019年)"},       // not letters
		{"公开（以下简称“条例”）", "公开（以下简称“条例”）"}, // ordinary remark
		{"没有括号", "没有括号"},
	}
	for _, tt := range tests {
		if got := removePinyin(tt.in); got != tt.want {
			t.Errorf("removePinyin(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	doc := &document.Document{Blocks: []document.Block{{Line: 3, Text: "本鎮(zhèn)收到申請(shēn qǐng)5件。"}}}
	ss := splitSentences(doc)
	if len(ss) != 1 || ss[0].Text != "本鎮收到申請5件。" || ss[0].Line != 3 {
		t.Errorf("sentences = %+v", ss)
	}
}

func BenchmarkSplitSentences(b *testing.B) {
	var docs []*document.Document
	size := 0
	for _, name := range []string{"seed-002.txt", "seed-004.txt", "pingtan-2025-zone.txt", "pingtan-2015-zone.txt", "pingtan-2017-zone-html.html", "pingtan-2025-zone-lynx.txt"} {
		d := sentenceDoc(b, name)
		for _, bl := range d.Blocks {
			size += len(bl.Text)
		}
		docs = append(docs, d)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, d := range docs {
			splitSentences(d)
		}
	}
}

func FuzzLastIndex(f *testing.F) {
	for _, s := range []string{"", "统计表", "附件：统计表统计表", "统计统计表表", "x统计表y统计"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lastIndex(s, "统计表"), strings.LastIndex(s, "统计表"); got != want {
			t.Fatalf("lastIndex(%q) = %d, want %d", s, got, want)
		}
	})
}

// splitSentences cuts the paragraphs of doc into sentences, each with the
// section it falls under. Tables are skipped.
func splitSentences(doc *document.Document) []sentence {
	var out []sentence
	for s := range sentences(doc) {
		out = append(out, s)
	}
	return out
}

// sentences is sentencesIn without folded text or memory kept.
func sentences(doc *document.Document) iter.Seq[sentence] {
	return sentencesIn(doc, nil, nil)
}

func FuzzIndexFullOpen(f *testing.F) {
	for _, s := range []string{"", "（", "，（", "，，", "\xef\xbc", "\xef\xbc\x88", "a\xef（", "申请（一）", "\xef\xef\xbc\x88"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := indexFullOpen(s), strings.Index(s, "（"); got != want {
			t.Errorf("indexFullOpen(%q) = %d, want %d", s, got, want)
		}
	})
}

// TestMayStartGloss checks that mayStartGloss holds wherever
// pinyinGlossEnd reads a gloss: after a bracket, every rune and every
// invalid byte followed by the rest of a syllable.
func TestMayStartGloss(t *testing.T) {
	check := func(start string) {
		for _, s := range []string{"(" + start + "an)", "(" + start + ")"} {
			if pinyinGlossEnd(s, 1) > 0 && !mayStartGloss(s, 1) {
				t.Errorf("mayStartGloss(%q, 1) is false, but pinyinGlossEnd reads a gloss", s)
			}
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		check(string(r))
	}
	for c := 0x80; c < 0x100; c++ {
		check(string([]byte{byte(c)}))
	}
	for _, r := range tonedVowels {
		if s := "(" + string(r) + ")"; !mayStartGloss(s, 1) || pinyinGlossEnd(s, 1) == 0 {
			t.Errorf("%q: mayStartGloss or pinyinGlossEnd reads no gloss", s)
		}
	}
	if mayStartGloss("(", 1) {
		t.Error("mayStartGloss past the end is true")
	}
}

// currentRef is sentenceSplitter.current as it was: a walk over the open
// headings, from the innermost.
func currentRef(stack []headingEntry) (topic, string) {
	if len(stack) == 0 {
		return topicUnknown, ""
	}
	h := stack[len(stack)-1].text
	tp := topicUnknown
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].topic {
		case topicUnknown:
		case topicOverview:
			if tp == topicUnknown {
				tp = topicOverview
			}
		default:
			return stack[i].topic, h
		}
	}
	return tp, h
}

// TestWithinMatchesRef opens every sequence of three headings of any
// topics and levels, each closing the open ones of its level or deeper as
// heading does, and compares current with currentRef at each step.
func TestWithinMatchesRef(t *testing.T) {
	const levels = 4 // 0 (an attachment) to 3
	choices := len(topicNames) * levels
	for code := 0; code < choices*choices*choices; code++ {
		var sp sentenceSplitter
		c := code
		for step := 0; step < 3; step++ {
			tp, level := topic(c%choices/levels), c%levels
			c /= choices
			for len(sp.stack) > 0 && sp.stack[len(sp.stack)-1].level >= level {
				sp.stack = sp.stack[:len(sp.stack)-1]
			}
			sp.open(headingEntry{level: level, topic: tp, text: tp.String()})
			gotT, gotH := sp.current()
			wantT, wantH := currentRef(sp.stack)
			if gotT != wantT || gotH != wantH {
				t.Fatalf("stack %v: current() = %v, %q; want %v, %q", sp.stack, gotT, gotH, wantT, wantH)
			}
		}
	}
}
