package prose

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"xxgk/document"
	"xxgk/zh"
)

// traditional returns s with each ideograph that has a traditional form
// written in it (the first rune SimplifyRune maps to it), for reports in
// traditional characters made from the simplified ones.
var traditional = func() func(string) string {
	trad := map[rune]rune{}
	for r := rune(0x3400); r <= 0x2FFFF; r++ {
		if s := zh.SimplifyRune(r); s != r {
			if _, ok := trad[s]; !ok {
				trad[s] = r
			}
		}
	}
	return func(s string) string {
		return strings.Map(func(r rune) rune {
			if t, ok := trad[r]; ok {
				return t
			}
			return r
		}, s)
	}
}()

// checkFoldedSentences checks that sentencesIn, given doc's folded blocks,
// cuts the sentences it cuts without them, each with its Folded text
// zh.FoldHan of its Text.
func checkFoldedSentences(t *testing.T, name string, doc *document.Document) {
	t.Helper()
	var want []sentence
	for s := range sentences(doc) {
		want = append(want, s)
	}
	i := 0
	for s := range sentencesIn(doc, FoldedDoc(doc), nil) {
		if i >= len(want) {
			t.Fatalf("%s: more sentences with the folded blocks: %q", name, s.Text)
		}
		w := want[i]
		if s.Text != w.Text || s.Block != w.Block || s.Topic != w.Topic || s.Heading != w.Heading {
			t.Fatalf("%s: sentence %d is %q, want %q", name, i, s.Text, w.Text)
		}
		if f := zh.FoldHan(s.Text); s.Folded != f {
			t.Fatalf("%s: sentence %d %q folded is %q, want %q", name, i, s.Text, s.Folded, f)
		}
		i++
	}
	if i != len(want) {
		t.Fatalf("%s: %d sentences with the folded blocks, want %d", name, i, len(want))
	}
}

// TestFoldedSentences holds the sentences' Folded text, sliced from their
// blocks' folded text, to zh.FoldHan of each, on the reports as they are
// and written in traditional characters, with pinyin glosses and with
// invalid bytes.
func TestFoldedSentences(t *testing.T) {
	for _, d := range corpusDocs(t) {
		checkFoldedSentences(t, d.name, d.doc)
		for _, edit := range []struct {
			name string
			f    func(string) string
		}{
			{"traditional", traditional},
			{"pinyin", func(s string) string {
				return traditional(strings.ReplaceAll(strings.ReplaceAll(s, "公开", "公開(kāi)"), "申请", "申請（shēn qǐng）"))
			}},
			{"invalid", func(s string) string { return traditional(strings.ReplaceAll(s, "。", "\xff。\xe4\xb8")) }},
		} {
			doc := *d.doc
			doc.Blocks = append([]document.Block(nil), d.doc.Blocks...)
			for i := range doc.Blocks {
				doc.Blocks[i].Text = edit.f(doc.Blocks[i].Text)
			}
			checkFoldedSentences(t, d.name+" "+edit.name, &doc)
		}
	}
}

// FuzzFoldedSentences is TestFoldedSentences on any text.
func FuzzFoldedSentences(f *testing.F) {
	for _, s := range []string{"", "一、概述\n\n本年度，我縣主動公開政府信息12條。", "鎮(zhèn)申請（shēn qǐng）公開", "縣\xff。\xe4\xb8縣", " 縣 \u3000", "\u3000縣。縣 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkFoldedSentences(t, "fuzz", textDoc(text))
		checkFoldedSentences(t, "fuzz traditional", textDoc(traditional(text)))
	})
}

// TestFoldHanKeepsSpaces checks what foldedText needs of zh.FoldHan: a
// rune it changes, and what it changes it to, is as long, is no white
// space and is no continuation byte's.
func TestFoldHanKeepsSpaces(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		f := zh.FoldHan(s)
		if f == s {
			continue
		}
		fr, size := utf8.DecodeRuneInString(f)
		if size != len(f) || len(f) != len(s) || unicode.IsSpace(r) || unicode.IsSpace(fr) || zh.IsSpace(r) || zh.IsSpace(fr) {
			t.Fatalf("zh.FoldHan(%q) = %q", s, f)
		}
	}
}

// TestTopicSubjectIs checks that where topicSubjectIs says a word of
// topicSubjects is one of ruleSubjects or of zeroSubjects, their scans of
// a text that starts with it find one at its start, and says so of each
// word that is one.
func TestTopicSubjectIs(t *testing.T) {
	for tp := range topicSubjects {
		for k, w := range topicSubjects[tp].Words() {
			is := topicSubjectIs[tp][k]
			if at, _ := ruleSubjects[tp].Index(w + "。"); (is&isRuleSubject != 0) != slices.Contains(ruleSubjects[tp].Words(), w) || is&isRuleSubject != 0 && at != 0 {
				t.Errorf("topic %d word %q: isRuleSubject %v, ruleSubjects finds one at %d", tp, w, is&isRuleSubject != 0, at)
			}
			if at, _ := zeroSubjects.set.Index(w + "。"); (is&isZeroSubject != 0) != slices.Contains(zeroSubjects.set.Words(), w) || is&isZeroSubject != 0 && at != 0 {
				t.Errorf("topic %d word %q: isZeroSubject %v, zeroSubjects finds one at %d", tp, w, is&isZeroSubject != 0, at)
			}
		}
	}
}

// TestFoldsToSelf holds foldsToSelf to zh.FoldRune on every rune.
func TestFoldsToSelf(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if foldsToSelf(r) && (zh.FoldRune(r) != r || r == utf8.RuneError) {
			t.Fatalf("foldsToSelf(%U) = true, zh.FoldRune gives %U", r, zh.FoldRune(r))
		}
	}
}
