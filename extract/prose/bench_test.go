package prose

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/document"
	"xxgk/format"
	"xxgk/internal/strs"
	"xxgk/zh"
)

// corpusDoc is a report of testdata/reports read into a document, with the
// year its file name gives (0 when none).
type corpusDoc struct {
	name string
	doc  *document.Document
	year int
	size int
}

var fileYear = regexp.MustCompile(`(19|20)\d\d`)

// corpusDocs reads the reports of testdata/reports whose names end in one
// of exts (all when none).
func corpusDocs(tb testing.TB, exts ...string) []corpusDoc {
	tb.Helper()
	dir := filepath.Join("..", "..", "testdata", "reports")
	ents, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var out []corpusDoc
	for _, e := range ents {
		ext := filepath.Ext(e.Name())
		if ext == ".json" || ext == ".md" || len(exts) > 0 && !strings.Contains(strings.Join(exts, " "), ext) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		doc, err := format.Read(data)
		if err != nil {
			continue // a format this test does not read
		}
		y, _ := strconv.Atoi(fileYear.FindString(e.Name()))
		out = append(out, corpusDoc{name: e.Name(), doc: doc, year: y, size: len(data)})
	}
	return out
}

// textBench is the page-text reports of testdata/reports for a benchmark
// whose MB/s is over the files' bytes.
func textBench(b *testing.B) []corpusDoc {
	docs := corpusDocs(b, ".txt")
	size := 0
	for _, d := range docs {
		size += d.size
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	return docs
}

// BenchmarkFigures reads the prose figures of every page-text report of
// testdata/reports; MB/s is over the files' bytes.
func BenchmarkFigures(b *testing.B) {
	docs := textBench(b)
	for b.Loop() {
		for _, d := range docs {
			Figures(d.doc, d.doc, d.year, nil, nil)
		}
	}
}

func TestListSet(t *testing.T) {
	lists := [][]string{{"申请", "收到"}, {"行政复议", "复议"}, {"申请"}, {}, {"诉讼", "x"}}
	ls := newListSet(lists...)
	for _, text := range []string{"", "收到申请", "行政复议", "未提起诉讼", "复议x", "\xe7\x94"} {
		f := ls.found(text)
		for i, l := range lists {
			if got, want := ls.has(f, i), strs.ContainsAny(text, l); got != want {
				t.Errorf("has(found(%q), %q) = %v, want %v", text, l, got, want)
			}
		}
	}
}

// fieldsClauses is how clauses were cut before clausesOf.
func fieldsClauses(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return r == '，' || r == ',' || r == '；' || r == ';' || r == '。'
	})
}

func FuzzClausesOf(f *testing.F) {
	for _, s := range []string{"", "，", "未收到申请，未收到行政复议申请。", "a,,b;；c。", "\xef\xbc", "\xe3\x80\x82\xef\xbc\x8c", "\xe3\xef\xbc\x8cx", "，。；"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var got []string
		for c := range clausesOf(text) {
			got = append(got, c)
		}
		if want := fieldsClauses(text); !slices.Equal(got, want) {
			t.Errorf("clausesOf(%q) = %q, want %q", text, got, want)
		}
	})
}

func FuzzDecodeRune(f *testing.F) {
	for _, s := range []string{"", "a", "申", "\xe0\xa0\x80", "\xe0\x80\x80", "\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf", "\xe4\xb8", "\xf0\x9f\x98\x80", "\xc2\x80", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			r, n := decodeRune(s, i)
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if r != wr || n != wn {
				t.Fatalf("decodeRune(%q, %d) = %U, %d; want %U, %d", s, i, r, n, wr, wn)
			}
			if r, n := decodeRune3(s, i); n != 0 && (r != wr || n != wn) {
				t.Fatalf("decodeRune3(%q, %d) = %U, %d; want %U, %d", s, i, r, n, wr, wn)
			}
			if got, want := isCNNumeral(r), zh.Digit(r) >= 0 || zh.Place(r) > 0; got != want {
				t.Fatalf("isCNNumeral(%U) = %v", r, got)
			}
		}
	})
}

func TestIsCNNumeral(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if got, want := isCNNumeral(r), zh.Digit(r) >= 0 || zh.Place(r) > 0; got != want {
			t.Fatalf("isCNNumeral(%U) = %v", r, got)
		}
	}
}

// TestTitleEndWords checks what firstWordEnd relies on: a title-ending
// word has two runes at least, so that it always leaves two before its end.
func TestTitleEndWords(t *testing.T) {
	for _, w := range titleEndWords {
		if utf8.RuneCountInString(w) < 2 {
			t.Errorf("title-ending word %q has fewer than two runes", w)
		}
	}
}

// oldFirstWordEnd is firstWordEnd as it was, one word at a time.
func oldFirstWordEnd(w string, from int) int {
	best := -1
	for _, word := range titleEndWords {
		if i := strings.Index(w[from:], word); i >= 0 {
			e := from + i + len(word)
			if utf8.RuneCountInString(w[:e]) < 2 {
				continue
			}
			if best < 0 || e < best {
				best = e
			}
		}
	}
	if best < 0 {
		return 0
	}
	return best
}

// oldByteOffsetOfRune is byteOffsetOfRune as it was.
func oldByteOffsetOfRune(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func FuzzTitleWords(f *testing.F) {
	for _, s := range []string{"", "主动公开情况", "存在的主要问题及改进情况，", "情况", "x情况", "\xe6\x83", "一、概述。", "附件1：统计表"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		w := s[:oldByteOffsetOfRune(s, maxTitleWordRunes)]
		if i := strings.IndexAny(w, "。！？；，,:：“《"); i >= 0 {
			w = w[:i]
		}
		if got := titleWindow(s); got != w {
			t.Errorf("titleWindow(%q) = %q, want %q", s, got, w)
		}
		n = n & 63
		if got, want := byteOffsetOfRune(s, n), oldByteOffsetOfRune(s, n); got != want {
			t.Errorf("byteOffsetOfRune(%q, %d) = %d, want %d", s, n, got, want)
		}
		from := min(n, len(s))
		if got, want := firstWordEnd(s, from), oldFirstWordEnd(s, from); got != want {
			t.Errorf("firstWordEnd(%q, %d) = %d, want %d", s, from, got, want)
		}
	})
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "三", "十二", "二十一", "12", "１２", "３", "+3", "-1", "\xef\xbc", "\xff", "一十", "主动公开，“情况”", "\ufffd", "萬", " 申請 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), zh.Fold(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestZeroSubjectsInClauses checks what proseZeros relies on to find the
// zero rules' subjects clause by clause: they are valid UTF-8 and hold no
// mark clausesOf cuts at, so a sentence holds one where a clause does.
func TestZeroSubjectsInClauses(t *testing.T) {
	for _, z := range zeroRules {
		for _, w := range z.subject {
			if w == "" || !utf8.ValidString(w) || strings.ContainsAny(w, "，,；;。") {
				t.Errorf("zero subject %q cannot be found clause by clause", w)
			}
		}
	}
}

// TestNounStops holds nounStopsByFirst to the map by first rune the stops
// were looked up in, for every rune.
func TestNounStops(t *testing.T) {
	byFirst := map[rune][]string{}
	for _, w := range nounStops {
		r, _ := utf8.DecodeRuneInString(w)
		if r >= 1<<16 {
			t.Fatalf("noun stop %q starts beyond the plane", w)
		}
		byFirst[r] = append(byFirst[r], w)
	}
	for r := rune(-1); r <= utf8.MaxRune; r++ {
		var got []string
		if k := nounStopFirsts.index(r); k >= 0 {
			got = nounStopsByFirst[k]
		}
		if !slices.Equal(got, byFirst[r]) {
			t.Fatalf("nounStopsByFirst of %U = %q, want %q", r, got, byFirst[r])
		}
	}
}

// oldRemovePinyin is removePinyin as it was, searching both brackets
// after every one.
func oldRemovePinyin(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '(')
		if k := strings.Index(s[i:], "（"); k >= 0 && (j < 0 || k < j) {
			j = k
		}
		if j < 0 {
			break
		}
		j += i
		_, size := utf8.DecodeRuneInString(s[j:])
		if prev, _ := utf8.DecodeLastRuneInString(s[:j]); zh.IsHan(prev) {
			if e := pinyinGlossEnd(s, j+size); e > 0 {
				if b.Len() == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[last:j])
				last, i = e, e
				continue
			}
		}
		i = j + size
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func FuzzRemovePinyin(f *testing.F) {
	for _, s := range []string{"", "本鎮(zhèn)收到申請(shēn qǐng)5件。", "鎮（zhèn）(1)（一）申(shen)", "((（（", "申(a)(b)（c）", "\xe7(zhen)",
		"鎮(ā)鎮（ǜ）鎮( zhen)鎮（ ǎn）", "鎮(", "鎮（", "鎮(Zhen)鎮（1）鎮（）", "，（，（\xef\xbc", "鎮\xef\xbc\x88ü)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := removePinyin(s), oldRemovePinyin(s); got != want {
			t.Errorf("removePinyin(%q) = %q, want %q", s, got, want)
		}
	})
}

// BenchmarkSentences cuts every page-text report of testdata/reports into
// sentences and does nothing else with them: the splitter alone.
func BenchmarkSentences(b *testing.B) {
	docs := textBench(b)
	for b.Loop() {
		for _, d := range docs {
			for range sentences(d.doc) {
			}
		}
	}
}
