package prose

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/internal/strs"
)

// wordSetLists are the lists the reader compiles into sets, for the tests
// of wordSet against strs.Set.
var wordSetLists = [][]string{
	anySubject.Words(), skipWords, pastWords, channels, titleEndWords, zeroWords, negations, feeNegation,
	{"申请", "申", "申请人", "请", "a", "ab", "\u00a0", "\ufffd", "\uffff", "é"},
	// Words of two runes or more, which from reads two characters at a
	// time for: 请 is one's second and another's first.
	topicSubjects[topicOverview].Words(), {"申请", "请求", "公开", "开a", "a申", "\uffff\uffff"},
}

// wordSetPairs are wordSetLists compiled, each as a wordSet and a strs.Set.
var wordSetPairs = func() (ps []wordSetPair) {
	for _, l := range wordSetLists {
		ps = append(ps, wordSetPair{newWordSet(l...), strs.NewSet(l...)})
	}
	return ps
}()

type wordSetPair struct {
	ws *wordSet
	ss *strs.Set
}

// checkWordSet compares a wordSet with a strs.Set of the same words on text.
func checkWordSet(t *testing.T, p wordSetPair, text string) {
	t.Helper()
	ws, ss, words := p.ws, p.ss, p.ws.Words()
	if at, k := ws.Index(text); true {
		wat, wk := ss.Index(text)
		if at != wat || k != wk {
			t.Fatalf("Index(%q) of %q = %d, %d; want %d, %d", text, words, at, k, wat, wk)
		}
	}
	if got, want := ws.In(text), strs.ContainsAny(text, words); got != want {
		t.Fatalf("In(%q) of %q = %v, want %v", text, words, got, want)
	}
	got, want := make([]uint64, len(words)/64+1), make([]uint64, len(words)/64+1)
	ws.Mark(text, got)
	ss.Mark(text, want)
	if !slices.Equal(got, want) {
		t.Fatalf("Mark(%q) of %q = %x, want %x", text, words, got, want)
	}
	if got, want := ws.FirstEnd(text), ss.FirstEnd(text); got != want {
		t.Fatalf("FirstEnd(%q) of %q = %d, want %d", text, words, got, want)
	}
	var matches []wordMatch // every occurrence, by offset, then in list order
	for i := range len(text) {
		for k, w := range words {
			if strings.HasPrefix(text[i:], w) {
				matches = append(matches, wordMatch{i, k})
			}
		}
	}
	if got := ws.AppendMatches(nil, text, 0); !slices.Equal(got, matches) {
		t.Fatalf("AppendMatches(%q) of %q = %v, want %v", text, words, got, matches)
	}
}

func TestWordSetCorpus(t *testing.T) {
	for _, d := range corpusDocs(t, ".txt") {
		for s := range sentences(d.doc) {
			for _, p := range wordSetPairs {
				checkWordSet(t, p, s.Text)
			}
		}
	}
}

func FuzzWordSet(f *testing.F) {
	for _, s := range []string{"", "未收到申请", "申请申请人", "\xe7\x94\xb3请", "a\u00a0b", "\ufffd\xef\xbf", "主动公开政府信息2917条，未收到行政复议申请", "\xe5\xe7\x94\xb3\xe8\xaf\xb7",
		"行政许可 3 0 1 0 0 0 4 12 申请 7", "0436-3292718申请人ab 1234567890申请", "abcdefgh\u00a0申请12345678请"} {
		f.Add(s, "申请")
	}
	f.Fuzz(func(t *testing.T, text, word string) {
		for _, p := range wordSetPairs {
			checkWordSet(t, p, text)
		}
		// Words of the fuzzer's own, cut from its text: valid, not empty,
		// first character in the Basic Multilingual Plane.
		var words []string
		for _, w := range strings.FieldsFunc(word+"|"+text, func(r rune) bool { return r == '|' || r == '，' }) {
			if r, _ := utf8.DecodeRuneInString(w); utf8.ValidString(w) && r < 1<<16 && len(words) < 200 {
				words = append(words, w)
			}
		}
		if len(words) > 0 {
			checkWordSet(t, wordSetPair{newWordSet(words...), strs.NewSet(words...)}, text)
		}
	})
}

func TestWordSetRejects(t *testing.T) {
	for _, w := range []string{"", "\xe7\x94", "\U0001F600"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("newWordSet(%q) did not panic", w)
				}
			}()
			newWordSet(w)
		}()
	}
}

// BenchmarkWordSet looks for the rule subjects in every sentence of the
// page-text reports, with a wordSet and, for comparison, a strs.Set.
func BenchmarkWordSet(b *testing.B) {
	var texts []string
	size := 0
	for _, d := range corpusDocs(b, ".txt") {
		for s := range sentences(d.doc) {
			texts = append(texts, s.Text)
			size += len(s.Text)
		}
	}
	for _, set := range []struct {
		name  string
		index func(string) (int, int)
	}{
		{"wordSet", anySubject.Index},
		{"strs.Set", strs.NewSet(anySubject.Words()...).Index},
	} {
		b.Run(set.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, t := range texts {
					set.index(t)
				}
			}
		})
	}
}
