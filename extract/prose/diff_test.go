package prose

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/document"
	"xxgk/internal/strs"
	"xxgk/zh"
)

// TestReadProseMatchesRef reads every report of testdata/reports, of every
// format, with and without its year, as simplified and traditional text,
// and compares every candidate with the reference reader's.
func TestReadProseMatchesRef(t *testing.T) {
	for _, d := range corpusDocs(t) {
		for _, year := range []int{0, d.year} {
			for _, trad := range []bool{false, true} {
				got, want := readProse(d.doc, year, trad), readProseRef(d.doc, year, trad)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s year %d trad %v:\n got %v\nwant %v", d.name, year, trad, got, want)
				}
			}
		}
	}
}

// fuzzWords are the pieces the fuzz test builds sentences of: the rules'
// words, numbers, units and marks, so that random input reaches the rules
// rather than stopping at their first test.
var fuzzWords = func() []string {
	seen := map[string]bool{}
	var ws []string
	add := func(l ...string) {
		for _, w := range l {
			if !seen[w] {
				seen[w] = true
				ws = append(ws, w)
			}
		}
	}
	for _, r := range proseRules {
		add(r.subject...)
		add(r.also...)
		add(r.context...)
		add(r.not...)
		add(r.units...)
		add(r.docUnits...)
		add(r.nouns...)
		add(r.group...)
	}
	for _, z := range zeroRules {
		add(z.subject...)
		add(z.context...)
		add(z.not...)
		add(z.negation...)
		add(z.group...)
	}
	for _, l := range [][]string{pastWords, cumulativeWords, planWords, introWords, rateWords, totalWords, partWords,
		channels, channelPrepositions, enumerationLeads, nounStops, zeroWords, noneEnds, noneWords, zeroQualifiers,
		bareNoneEnds, namedSubjects, compoundTails, pnCodeWords, pnApproxBefore, clauseMarks, otherActivities, partOfWhole} {
		add(l...)
	}
	add("0", "1", "2", "12", "2022", "2023", "3.5", "13,100", "一", "两", "十二", "年", "年度", "月", "日", "%", "万", "余", "多", "约",
		"累计", "等", "无", "(", ")", "（", "）", "、", "。", "，", "；", ";", ",", "：", " ", "第", "号", "元", "万元", "人", "名",
		"全年", "今年", "本年", "其中", "包括", "占", "中", "政府信息", "政务信息", "信息", "文件", "工作人员", "我局", "条", "件")
	return ws
}()

// mutate inserts words of fuzzWords into text: each three bytes of ops
// name a place (a 256th of the text, moved to the start of a character)
// and a word.
func mutate(text string, ops []byte) string {
	for ; len(ops) >= 3; ops = ops[3:] {
		at := int(ops[0]) * len(text) / 256
		for at < len(text) && !utf8.RuneStart(text[at]) {
			at++
		}
		w := fuzzWords[(int(ops[1])<<8|int(ops[2]))%len(fuzzWords)]
		text = text[:at] + w + text[at:]
	}
	return text
}

// ruleSentences are the sentences of the page-text reports that name a
// rule's subject, with the statement they go on from.
func ruleSentences(tb testing.TB) []sentence {
	var out []sentence
	for _, d := range corpusDocs(tb, ".txt") {
		for s := range sentences(d.doc) {
			if anySubject.In(s.Text) || bareNone(s.Text) {
				out = append(out, s)
			}
		}
	}
	return out
}

// candidateMap gives fcs as the reference gives them: by figure, nil for
// none. It fails on a figure given twice.
func candidateMap(fcs []figureCandidate) map[string]proseCandidate {
	var m map[string]proseCandidate
	for _, fc := range fcs {
		if m == nil {
			m = map[string]proseCandidate{}
		}
		if _, dup := m[fc.figure]; dup {
			panic("prose: figure " + fc.figure + " given twice")
		}
		m[fc.figure] = fc.cand
	}
	return m
}

// checkRules compares proseCounts and proseZeros with the reference on
// sentence s, as it is and folded, with the statement before it.
func checkRules(t *testing.T, s sentence, chain, prev string, year int, buf, refBuf *scratch) {
	t.Helper()
	for _, trad := range []bool{false, true} {
		txt := s.Text
		if trad {
			txt = zh.FoldHan(txt)
		}
		st := statement{text: txt, chain: chain, prev: []string{prev}}
		for _, y := range []int{0, year} {
			counts := proseCounts(s, st, y, buf)
			if len(counts) > 0 && !ruleSubjects[s.Topic].In(txt) {
				t.Fatalf("proseCounts(%q, %v) read %v without a subject of ruleSubjects", txt, s.Topic, counts)
			}
			got, want := candidateMap(counts), proseCountsRef(s, st, y, refBuf)
			if len(want) > 0 && !mayClaimUnit(txt) {
				t.Fatalf("mayClaimUnit(%q) = false, and the reference reads %v", txt, want)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("proseCounts(%q, chain %q, prev %q, %v, %d):\n got %v\nwant %v", txt, chain, prev, s.Topic, y, got, want)
			}
		}
		at, word := topicSubjects[s.Topic].Index(txt)
		refAt, _ := anySubject.Index(txt)
		got, want := candidateMap(proseZeros(s, txt, at, word, buf)), proseZerosRef(s, txt, refAt, refBuf)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("proseZeros(%q, %v):\n got %v\nwant %v", txt, s.Topic, got, want)
		}
	}
}

// TestProseRulesMutated compares the rules with the reference on the
// sentences of the reports that name a subject, each changed at random
// many times: the rules' words and numbers put in random places, in every
// topic.
func TestProseRulesMutated(t *testing.T) {
	sents := ruleSentences(t)
	rnd := rand.New(rand.NewPCG(1, 2))
	n := 40
	if testing.Short() {
		n = 4
	}
	var buf, refBuf scratch
	ops := make([]byte, 0, 30)
	for _, s := range sents {
		for range n {
			ops = ops[:0]
			for range 3 * (1 + rnd.IntN(8)) {
				ops = append(ops, byte(rnd.UintN(256)))
			}
			m := s
			m.Text = mutate(s.Text, ops)
			m.Topic = topic(rnd.IntN(len(topicNames)))
			chain, prev := "", ""
			if rnd.IntN(4) == 0 {
				chain = mutate("", ops[:3]) + "；"
			}
			if rnd.IntN(4) == 0 {
				prev = mutate("申请", ops[len(ops)-3:])
			}
			checkRules(t, m, chain, prev, 2000+rnd.IntN(30), &buf, &refBuf)
		}
	}
}

// FuzzProseRules compares proseCounts and proseZeros with the reference
// on a sentence with words of the rules inserted (see mutate), in any
// topic, with a statement before it.
func FuzzProseRules(f *testing.F) {
	for i, s := range ruleSentences(f) {
		if i%7 == 0 {
			f.Add(s.Text, []byte{0x80, 0, byte(i)}, "", uint8(s.Topic), uint16(2022))
		}
	}
	var buf, refBuf scratch
	f.Fuzz(func(t *testing.T, text string, ops []byte, chain string, top uint8, year uint16) {
		s := sentence{Text: mutate(text, ops), Topic: topic(top % uint8(len(topicNames))), Heading: chain}
		if chain != "" {
			chain += "；"
		}
		checkRules(t, s, chain, mutate("", ops), int(year), &buf, &refBuf)
	})
}

// FuzzTrimRightMarks compares trimRightMarks with strings.TrimRight.
func FuzzTrimRightMarks(f *testing.F) {
	for _, s := range []string{"", "无。", "无；;！!.", "。。", "\xe3\x80", "\x80\x82", "a\xe3\x80\x82", "\xbc\x9b", "；\xbc\x9b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, marks := range [][]string{clauseEndMarks, sentenceEndMarks} {
			if got, want := trimRightMarks(s, marks), strings.TrimRight(s, strings.Join(marks, "")); got != want {
				t.Fatalf("trimRightMarks(%q, %q) = %q, want %q", s, marks, got, want)
			}
		}
	})
}

// FuzzSuffixSet checks that a suffixSet rules out only texts that end
// with none of its words.
func FuzzSuffixSet(f *testing.F) {
	f.Add("电话", "电话")
	f.Add("约", "大约")
	f.Add("qq", "QQ")
	f.Add("x\xe8", "\xe8\xaf")
	f.Fuzz(func(t *testing.T, text, word string) {
		if len(word) < 2 {
			return
		}
		words := append([]string{word}, pnCodeWords...)
		s := newSuffixSet(words)
		for _, w := range words {
			if strings.HasSuffix(text, w) && !s.may(text) {
				t.Fatalf("may(%q) is false, but it ends with %q", text, w)
			}
		}
		if !pnApproxEnds.may(text) && hasSuffixAny(text, pnApproxBefore) || !pnCodeEnds.may(text) && hasSuffixAny(text, pnCodeWords) {
			t.Fatalf("%q ends with a word its set rules out", text)
		}
	})
}

// FuzzLeadingYear checks that leadingYear reads a sentence as it read
// its first 14 runes, which sentenceOutOfScope gave it before.
func FuzzLeadingYear(f *testing.F) {
	for _, s := range []string{"2016年，我们将", "2016年", "2016\xe5\xb9", "2016", "１２３４年", "2016年度计划"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := leadingYear(s), leadingYear(strs.FirstRunes(s, 14)); got != want {
			t.Fatalf("leadingYear(%q) = %d, of its first runes %d", s, got, want)
		}
	})
}

// TestReadProseShuffledDocs compares readProse with the reference on
// documents made of the reports' sentences that name a subject, mutated,
// ended by ； or 。 at random (statements of several sentences) and put in
// blocks of a few: what a statement goes on from crosses sentences and
// stops at blocks.
func TestReadProseShuffledDocs(t *testing.T) {
	sents := ruleSentences(t)
	rnd := rand.New(rand.NewPCG(3, 4))
	docs := 300
	if testing.Short() {
		docs = 30
	}
	ends := []string{"；", ";", "。", "；", ""}
	headings := []string{"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "（一）收费情况"}
	for range docs {
		doc := &document.Document{Kind: "text"}
		for b := range 1 + rnd.IntN(12) {
			var text strings.Builder
			if rnd.IntN(3) == 0 {
				doc.Blocks = append(doc.Blocks, document.Block{Line: len(doc.Blocks) + 1, Text: headings[rnd.IntN(len(headings))]})
			}
			for range 1 + rnd.IntN(6) {
				s := sents[rnd.IntN(len(sents))].Text
				ops := make([]byte, 3*rnd.IntN(3))
				for i := range ops {
					ops[i] = byte(rnd.UintN(256))
				}
				text.WriteString(strings.TrimRight(mutate(s, ops), "。；;"))
				text.WriteString(ends[rnd.IntN(len(ends))])
			}
			doc.Blocks = append(doc.Blocks, document.Block{Line: len(doc.Blocks) + 1 + b, Text: text.String()})
		}
		for _, year := range []int{0, 2020} {
			for _, trad := range []bool{false, true} {
				got, want := readProse(doc, year, trad), readProseRef(doc, year, trad)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("year %d trad %v %+v:\n got %v\nwant %v", year, trad, doc.Blocks, got, want)
				}
			}
		}
	}
}

// TestSpaceLead checks pnSpaceLead against zh.IsLineSpace for every rune
// and every byte that starts none.
func TestSpaceLead(t *testing.T) {
	var buf [utf8.UTFMax]byte
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if zh.IsLineSpace(r) {
			if n := utf8.EncodeRune(buf[:], r); n == 0 || !pnSpaceLead(buf[0]) {
				t.Errorf("pnSpaceLead(%#x) is false for %U", buf[0], r)
			}
		}
	}
	if zh.IsLineSpace(utf8.RuneError) {
		t.Error("an invalid byte decodes to a space")
	}
}

// FuzzClauseSpans compares clauseSpans with clausesOf.
func FuzzClauseSpans(f *testing.F) {
	for _, s := range []string{"", "，", "a，b；c。d,e;f", "未收到申请，。；", "\xef\xbc", "x\xe3\x80\x82"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got, want []string
		for a, b := range clauseSpans(s) {
			got = append(got, s[a:b])
		}
		for c := range clausesOf(s) {
			want = append(want, c)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("clauseSpans(%q) = %q, clausesOf %q", s, got, want)
		}
	})
}

// TestIntroWordsPart checks that the test for 部分 rules out sentences.
func TestIntroWordsPart(t *testing.T) {
	if !introWordsPart {
		t.Error("a word of introWords holds no 部分: every sentence is read for all of them")
	}
}

// FuzzClauseStarts compares clauseStartsInto with the reference, for the
// numbers of a text and for any places in it.
func FuzzClauseStarts(f *testing.F) {
	for _, s := range []string{"", "收到申请12件，办结10件；结转2件。", "a,b;c:d：e，f；g。h", "，，", "12：30", "\xef\xbc"} {
		f.Add(s, []byte{0, 3, 7})
	}
	f.Fuzz(func(t *testing.T, s string, at []byte) {
		check := func(ms []numMention) {
			got := clauseStartsInto(nil, s, ms)
			want := clauseStartsIntoRef(nil, s, ms)
			if !slices.Equal(got, want) {
				t.Fatalf("clauseStartsInto(%q, %v) = %v, want %v", s, ms, got, want)
			}
		}
		check(scanNumbers(s))
		var ms []numMention
		for _, a := range at {
			ms = append(ms, numMention{Start: int(a) * (len(s) + 1) / 256})
		}
		check(ms)
	})
}
