package prose

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/document"
	"xxgk/zh"
)

// collect is every sentence seq yields, as sentenceRef with its section
// joined.
func collect(seq func(func(sentence) bool)) []sentenceRef {
	var out []sentenceRef
	for s := range seq {
		out = append(out, asRef(s))
	}
	return out
}

func asRef(s sentence) sentenceRef {
	return sentenceRef{Text: s.Text, Line: s.Line, Block: s.Block, Topic: s.Topic, Heading: s.Heading, Section: s.Section(), Page: s.Page}
}

// checkSplit compares the splitter with sentencesRef on doc, also when the
// reader stops after each of the first sentences.
func checkSplit(t *testing.T, name string, doc *document.Document) {
	t.Helper()
	got := collect(sentences(doc))
	var want []sentenceRef
	for s := range sentencesRef(doc) {
		want = append(want, s)
	}
	if !slices.Equal(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("%s: sentence %d = %+v, want %+v", name, i, got[i], want[i])
			}
		}
		t.Fatalf("%s: %d sentences, want %d", name, len(got), len(want))
	}
	for stop := range min(len(want), 3) {
		var part []sentenceRef
		for s := range sentences(doc) {
			part = append(part, asRef(s))
			if len(part) > stop {
				break
			}
		}
		if !slices.Equal(part, want[:stop+1]) {
			t.Fatalf("%s: stopped after %d: %+v, want %+v", name, stop+1, part, want[:stop+1])
		}
	}
}

// TestSentencesMatchRef compares the splitter with the reference on every
// report of testdata/reports, as read and with its blocks mutated.
func TestSentencesMatchRef(t *testing.T) {
	for _, d := range corpusDocs(t) {
		checkSplit(t, d.name, d.doc)
		for k := range 8 {
			m := &document.Document{Blocks: slices.Clone(d.doc.Blocks)}
			for i := range m.Blocks {
				m.Blocks[i].Text = insertMarks(m.Blocks[i].Text, k+i)
			}
			checkSplit(t, d.name+" mutated", m)
		}
	}
}

// splitMarks are what the splitter looks for: numbering, terminators,
// brackets, spaces, attachments.
var splitMarks = []string{"一、", "三、", "（二）", "(3)", "1.", "2、", "十二、", "\n", "。", "；", "（", "）", "“", " ", "\u3000", "统计表", "附件1：", "附", "：", "一是", "第", "情况", "12", "a", "\xe4"}

// insertMarks inserts a few splitMarks into text, chosen and placed by
// seed, at the start of characters.
func insertMarks(text string, seed int) string {
	for j := range 3 {
		x := seed*7919 + j*104729
		at := x % (len(text) + 1)
		for at < len(text) && !utf8.RuneStart(text[at]) {
			at++
		}
		w := splitMarks[(x/7)%len(splitMarks)]
		text = text[:at] + w + text[at:]
	}
	return text
}

// textDoc makes a document of text, a block per line pair (\n\n): lines
// within a block stay, as in page text.
func textDoc(text string) *document.Document {
	doc := &document.Document{}
	for i, b := range strings.Split(text, "\n\n") {
		doc.Blocks = append(doc.Blocks, document.Block{Line: i + 1, Page: i % 3, Text: b})
	}
	return doc
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"", "一、概述\n\n本年度，我局主动公开政府信息12条。（一）主动公开情况 共公开1条；二是加强。",
		"附件1：统计表\n\n三、收到和处理政府信息公开申请情况4166.24三、收到和处理申请",
		"(1)收到申请 3件。1.5万元。1．5 （十二）其他 1、依申请公开 一是二是",
		"…@163.com一、概述\n二、主动公开政府信息情况第二十条规定 3条", "鎮(zhèn)申請（shēn qǐng）公开",
		"\xe4\xb8\x80\xe3\x80\x81\xe4", "一\xe3\x80", "（\xef\xbc", "\u4dff\u4e00、\u9fff\ua000。",
		"本报告由概述、主动公开等七部分组成：一、概述；二、主动公开。",
		"政府信息公开工作年度报告统计表 指标名称 单位 数量",
	} {
		f.Add(s)
	}
	for n := 26; n <= 34; n++ {
		// a statistics table's title at the edge of the window it is looked for in
		f.Add("说明。" + strings.Repeat("情", n-3) + "统计表 指标\n\n" + strings.Repeat("𠀀", n-3) + "统计表")
	}
	for n := 285; n <= 300; n += 3 {
		// a run of blanks across the rune that makes a sentence too long
		f.Add(strings.Repeat("情", n) + "，" + strings.Repeat(" ", 9) + "\t\r\v\f二、情况 3条")
		f.Add("（" + strings.Repeat("情", n) + strings.Repeat(" ", 12) + "1.情况")
		// a run of digits and letters across it
		f.Add(strings.Repeat("情", n) + "，" + strings.Repeat("0123456789", 2) + "abc三、情况 3条")
		f.Add("（" + strings.Repeat("情", n) + "ab12" + strings.Repeat("7", 12) + "1.情况。x9\n二、")
		// a run of box characters and ideographs across it, with other
		// three-byte runes, and a surrogate and an overlong form that are
		// read as invalid bytes
		f.Add(strings.Repeat("情", n) + "，┌" + strings.Repeat("─", 9) + "情况┬─\ued80\uffff三、情况")
		f.Add("（" + strings.Repeat("─", n) + "\xed\xa0\x80─\xe0\x80\xa0─1.情况")
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSplit(t, "fuzz", textDoc(text))
		for i := 0; i <= len(text); i++ {
			lv, e := numberingToken(text, i)
			if wlv, we := numberingTokenRef(text, i); lv != wlv || e != we {
				t.Fatalf("numberingToken(%q, %d) = %d, %d; want %d, %d", text, i, lv, e, wlv, we)
			}
			if i < len(text) {
				for _, atStart := range []bool{false, true} {
					a, b, ok, plain := headingTitle(text, i, atStart)
					if wa, wb, wok := headingTitleRef(text, i, atStart); a != wa || b != wb || ok != wok {
						t.Fatalf("headingTitle(%q, %d, %v) = %d, %d, %v; want %d, %d, %v", text, i, atStart, a, b, ok, wa, wb, wok)
					}
					if plain < i || plain > len(text) || zh.Fold(text[i:plain]) != text[i:plain] {
						t.Fatalf("headingTitle(%q, %d, %v): plain %d, but zh.Fold changes %q", text, i, atStart, plain, text[i:min(max(plain, i), len(text))])
					}
				}
			}
			if got, want := absorbClosers(text, i), absorbClosersRef(text, i); got != want {
				t.Fatalf("absorbClosers(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	})
}

// TestByteRuneTests checks numeralAt and ideographAt, which look at bytes,
// against the runes they stand for, on every rune, cut short too.
func TestByteRuneTests(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		s := string(r) + "x"
		if got, want := ideographAt(s, 0), r >= 0x4E00 && r <= 0x9FFF; len(s) > 3 && got != want {
			t.Fatalf("ideographAt(%q) = %v, want %v", s, got, want)
		}
		if got, want := ideographRun(s, 0, 1) == 3, r >= 0x4E00 && r <= 0x9FFF; got != want {
			t.Fatalf("ideographRun(%q, 0, 1) = %d", s, ideographRun(s, 0, 1))
		}
		if got, want := numeralAt(s, 0), zh.IsNumeral(r); got != want {
			t.Fatalf("numeralAt(%q) = %v, want %v", s, got, want)
		}
		if numeralAt(s[:len(s)-2], 0) {
			t.Fatalf("numeralAt(%q) is true on a cut rune", s[:len(s)-2])
		}
	}
	for _, s := range []string{"\xe4\xb7\xbf", "\xe4\xb8\x7f", "\xe4\x38\x80", "\xea\x80\x80", "\xe3\xbf\xbf", "\xe9\xbf\xc0"} {
		if ideographAt(s, 0) {
			t.Errorf("ideographAt(%q) is true", s)
		}
	}
}

// FuzzIdeographRun checks ideographRun, which reads four bytes at once,
// against ideographAt's tests of one rune at a time.
func FuzzIdeographRun(f *testing.F) {
	for _, s := range []string{"", "申请", "申请x", "申\xe4\xb7\xbf请", "一\xe9\xbf", "x龥丁", "\xe4\xb8\x80\xe9\xbf\xbf\xea\x80\x80"} {
		f.Add(s, 0, 3)
	}
	f.Fuzz(func(t *testing.T, s string, j, max int) {
		if j < 0 || j > len(s) {
			return
		}
		want, n := j, max
		for ; n > 0 && want+2 < len(s) && ideographAt(s, want); n-- {
			want += 3
		}
		if got := ideographRun(s, j, max); got != want {
			t.Errorf("ideographRun(%q, %d, %d) = %d, want %d", s, j, max, got, want)
		}
	})
}

func FuzzIndexByProbe(f *testing.F) {
	for _, s := range []string{"", "统计表", "情况统计表", "统计", "\x9f统计表", "表统计表统计表", "统\x9f计表"} {
		f.Add(s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, s string, probe uint8) {
		for _, w := range []string{"统计表", "附", "ab"} {
			p := int(probe) % len(w)
			if got, want := indexByProbe(s, w, p), strings.Index(s, w); got != want {
				t.Fatalf("indexByProbe(%q, %q, %d) = %d, want %d", s, w, p, got, want)
			}
		}
	})
}

func FuzzTrimSpace(f *testing.F) {
	for _, s := range []string{"", " ", "a", "。", "\u3000申请。\u3000", "申请。", "\u00a0x\u0085", "\xe0\x80\x80", "x\xed\xa0\x80", "\u2003a\u2028", "“申”", "\x80\x80\x80", "a\xe3\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzTitleWindow(f *testing.F) {
	for _, s := range []string{"", "情况。", "a,b", "“申请”", "《条例》", "\xef\xbc", "\xef\xbc\x81", "申\xe3\x80", "（一）", "，", "：", "\xe2\x80\x9d"} {
		f.Add(s)
	}
	for n := maxTitleWordRunes - 2; n <= maxTitleWordRunes+1; n++ {
		// a mark and an invalid byte at the edge of the window
		f.Add(strings.Repeat("情", n) + "。情况")
		f.Add(strings.Repeat("a", n) + ":")
		f.Add(strings.Repeat("─", n) + "\xef\xbc，")
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := s[:byteOffsetOfRuneRef(s, maxTitleWordRunes)]
		if i := titleStopRef(w); i >= 0 {
			w = w[:i]
		}
		if got := titleWindow(s); got != w {
			t.Fatalf("titleWindow(%q) = %q, want %q", s, got, w)
		}
		for n := range 40 {
			if got, want := byteOffsetOfRune(s, n), byteOffsetOfRuneRef(s, n); got != want {
				t.Fatalf("byteOffsetOfRune(%q, %d) = %d, want %d", s, n, got, want)
			}
		}
	})
}

func FuzzTrimTerminators(f *testing.F) {
	for _, s := range []string{"", "。", "一、概述。；", "情况:!?", "a\xe3\x80\x82", "\x80\xe3\x80\x82", "\xe3\x80", "！x", "？？"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimTerminators(s), strings.TrimRight(s, headingTerminators); got != want {
			t.Fatalf("trimTerminators(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzTrimNumberingMarks(f *testing.F) {
	for _, s := range []string{"", "一、", "（二）", "(3)", "4.", "５．", " 十二、 ", "\xe3\x80", "、\x80（", "（）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimNumberingMarks(s), strings.Trim(s, numberingMarks); got != want {
			t.Fatalf("trimNumberingMarks(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestMayStartNumbering checks that mayStartNumbering holds wherever the
// reference reads a numbering token: at every rune, alone and after ( and
// （, followed by the ends of tokens.
func TestMayStartNumbering(t *testing.T) {
	tails := []string{"", "、", ".", "．", ")", "）", "一、", "1.", "十）", "1)", "23、", "2、", "2.", "2．", "2)", "2）", "二）", "十、"}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		for _, lead := range []string{"", "(", "（"} {
			for _, tail := range tails {
				s := lead + string(r) + tail
				if lv, _ := numberingTokenRef(s, 0); lv > 0 && !mayStartNumbering(s, 0) {
					t.Fatalf("mayStartNumbering(%q) is false; numberingTokenRef reads level %d", s, lv)
				}
			}
		}
	}
}
