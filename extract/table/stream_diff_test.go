package table

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"xxgk/document"
	"xxgk/format/charset"
	"xxgk/format/html"
	plaintext "xxgk/format/text"
	"xxgk/templates"
	"xxgk/zh"
)

// sameStream reports how a stream of a document differs from the
// reference's, "" if not: in what it holds, in where its origins and
// letters are, and in what its search finds.
func sameStream(a *stream, b *refStream) string {
	switch {
	case !slices.Equal(a.runes, b.runes):
		return "runes"
	case len(a.places) != len(b.offset):
		return "places"
	case a.letters != b.letters:
		return "letters"
	case !slices.Equal(a.origins, b.origins):
		return "origins"
	case a.runeID.n != b.runeID.n:
		return "rune ids"
	}
	// Each letter's count is its list's length in the reference, and the
	// counts are all its lists.
	total := 0
	for k := range a.runeID.n {
		if a.occ[k].count != b.posStart[k+1]-b.posStart[k] {
			return "count"
		}
		total += int(a.occ[k].count)
	}
	if total != len(b.pos) {
		return "pos"
	}
	for i := range a.runes {
		if a.originIndex(i) != int(b.origin[i]) {
			return "origin"
		}
		if a.places[i].offset != b.offset[i] {
			return "offset"
		}
	}
	for i := -1; i <= len(a.runes)+1; i++ {
		if a.letterOffset(i) != b.letterOffset(i) {
			return "letterOffset"
		}
	}
	for _, r := range a.letters {
		ia, oka := a.lookup(r)
		ib, okb := b.runeID.get(r)
		if ia != ib || oka != okb {
			return "rune id of " + string(r)
		}
	}
	for i := 0; i < len(a.runes); i += 7 {
		for _, n := range []int{1, 2 + i%13, 40} {
			if a.source(i, i+n) != b.source(i, i+n) {
				return "source"
			}
			if j := min(i+n, len(b.runes)); a.letterText(i, j) != markless(b.runes[i:j]) {
				return "letterText"
			}
		}
	}
	froms := []int{0, 1, len(a.runes) / 3, len(a.runes) / 2, len(a.runes)}
	for _, w := range searchWords() {
		for _, from := range froms {
			for _, limit := range []int{1, -1} {
				if got, want := a.appendOccurrences(nil, newWord(w, -1), from, limit), b.appendOccurrences(nil, w, from, limit); !slices.Equal(got, want) {
					return "occurrences of " + w
				}
			}
		}
	}
	// The letters' occurrences, those the search listed (above) and the
	// rest.
	for k := range a.runeID.n {
		for j, p := range a.positions(int32(k)) {
			if p != b.letterRune[b.pos[int(b.posStart[k])+j]] {
				return "pos"
			}
		}
	}
	return ""
}

// searchWords are the words forms search the stream for.
var searchWords = sync.OnceValue(func() []string {
	var words []string
	for _, f := range templates.Forms() {
		ix := indexOf(f)
		for _, tr := range ix.tries {
			words = append(words, tr...)
		}
		for _, as := range ix.anchors {
			for _, a := range as {
				words = append(words, a.text)
			}
		}
	}
	slices.Sort(words)
	return slices.Compact(words)
})

// TestStreamMatchesReference builds the stream of every sample report,
// text and HTML (grids), as the reference does and as newStream does, with
// the buffers of the documents before.
func TestStreamMatchesReference(t *testing.T) {
	var names []string
	var docs []*document.Document
	for _, pat := range []string{"*.txt", "*.html"} {
		files, _ := filepath.Glob("../../testdata/reports/" + pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text, _, _ := charset.Decode(data)
			var d *document.Document
			if strings.HasSuffix(f, ".html") {
				if d, err = html.Read(text); err != nil {
					continue
				}
			} else {
				d = plaintext.Read(text)
			}
			names, docs = append(names, f), append(docs, d)
		}
	}
	if len(docs) < 50 {
		t.Fatalf("only %d sample documents", len(docs))
	}
	for round := range 2 {
		for i, d := range docs {
			want := refNewStream(d)
			got := newStream(d)
			if diff := sameStream(got, want); diff != "" {
				t.Fatalf("round %d, %s: the stream's %s differ from the reference's", round, names[i], diff)
			}
			got.release()
		}
	}
}

// TestStreamOfCollidingRunes compares with the reference's the streams of
// texts whose letters take turns in entries of the fold cache (runes 4096
// apart, traditional characters among them, and letters folded from
// traditional characters before or after they occur themselves): an id
// given in an entry must stay the letter's when the entry becomes another
// rune's, and come back with the letter. The same texts again find the
// cache as the last one left it.
func TestStreamOfCollidingRunes(t *testing.T) {
	var texts []string
	for base := rune(0x4E00); base < 0x4E00+foldCacheSize; base += 97 {
		var b strings.Builder
		for turn := range 6 {
			for r := base; r <= 0x9FFF; r += foldCacheSize {
				b.WriteRune(r)
				if turn%2 == 1 {
					// Traditional characters next to the slot's runes.
					for d := rune(-foldCacheSize); d <= foldCacheSize; d += foldCacheSize {
						if tr := r + d + 1; zh.FoldRune(tr) != tr {
							b.WriteRune(tr)
						}
					}
				}
			}
			b.WriteString(" 1\n")
		}
		texts = append(texts, b.String())
	}
	// Traditional characters and their simplified forms, each in turn first.
	var trad, simp strings.Builder
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if f := zh.FoldRune(r); f != r && f > 0 {
			trad.WriteRune(r)
			simp.WriteRune(f)
		}
	}
	texts = append(texts, trad.String()+simp.String(), simp.String()+trad.String())
	for range 2 {
		for _, text := range texts {
			compareStream(t, plaintext.Read(text))
		}
	}
}

// FuzzStream compares the stream of fuzzed page text with the reference's.
func FuzzStream(f *testing.F) {
	f.Add("一、总体情况\n规章 0 0 0\n行政规范性文件\t9 2 34\n（一）予以公开１２３\n")
	f.Add("+----+----+\n| 總計 | 12 3 |\n  ３ 4  ５\u3000６\u00a0- 7 —\n")
	f.Add("ＡＢＣ（单位：万元）“引号”《书名》\u200b\ufeff①②\x1f\x1e\xff\xfe")
	f.Add("├────┼────┤\n  +--+--+\n|====|\n:--- | ---:\n—— 附表 ——\n")
	f.Fuzz(func(t *testing.T, text string) {
		compareStream(t, plaintext.Read(text))
	})
}

// TestStreamOfEveryRune compares the stream of a text holding every rune
// of the Basic Multilingual Plane and some beyond (the letters' UTF-8 is
// written in place for most) with the reference's.
func TestStreamOfEveryRune(t *testing.T) {
	var b strings.Builder
	for r := rune(1); r <= 0x10FFFF; r++ {
		if r > 0xFFFF && r%97 != 0 {
			continue
		}
		b.WriteRune(r) // a surrogate is written as U+FFFD
		if r%64 == 0 {
			b.WriteByte('\n')
		}
	}
	// An encoded surrogate, an invalid byte, an overlong form, the last
	// three-byte rune, a rune cut short at the end.
	b.WriteString("\xed\xa0\x80\xff\xe0\x80\x80 \xe0\xa0\x80\xef\xbf\xbf \xe4\xb8")
	compareStream(t, plaintext.Read(b.String()))
}

// compareStream fails t unless the stream of d is the reference's.
func compareStream(t *testing.T, d *document.Document) {
	t.Helper()
	want := refNewStream(d)
	got := newStream(d)
	if diff := sameStream(got, want); diff != "" {
		t.Fatalf("the stream's %s differ from the reference's", diff)
	}
	got.release()
}

// markless is the reference of letterText: runes without their markers.
func markless(rs []rune) string {
	return strings.Map(func(r rune) rune {
		if isMark(r) {
			return -1
		}
		return r
	}, string(rs))
}
