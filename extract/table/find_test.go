package table

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/document"
	"xxgk/format/charset"
	"xxgk/format/html"
	plaintext "xxgk/format/text"
	"xxgk/templates"
)

// naiveFind is find as plain string search: the first letter at or after
// rune index from where word starts.
func naiveFind(s *stream, word string, from int) (int, int) {
	if word == "" {
		return -1, -1
	}
	at := 0 // the byte offset in letters of the letter runes[i]
	for i, r := range s.runes {
		if isMark(r) {
			continue
		}
		if i >= from && s.letters[at] == word[0] && strings.HasPrefix(s.letters[at:], word) {
			j := i // the word's last letter
			for n := utf8.RuneCountInString(word); n > 1; {
				if j++; !isMark(s.runes[j]) {
					n--
				}
			}
			return i, j + 1
		}
		at += utf8.RuneLen(r) // letters hold only valid runes

	}
	return -1, -1
}

// searchWord is text as the reader searches it: numbered where the
// lexicon has it (a form's word), else searched every time.
func searchWord(text string) word {
	lexicon.Lock()
	defer lexicon.Unlock()
	if id, ok := lexicon.ids[text]; ok {
		return newWord(text, id)
	}
	return newWord(text, -1)
}

// checkFind compares find and occurrences with naiveFind for word from
// several places, before and after the word's occurrences are listed.
func checkFind(t *testing.T, s *stream, text string, froms []int) {
	t.Helper()
	w := searchWord(text)
	for _, listed := range []bool{false, true, false} {
		if listed {
			occ := s.occurrences(w, 0)
			for i, o := range occ {
				if i > 0 && occ[i-1].start >= o.start {
					t.Fatalf("%q: occurrences out of order: %v", text, occ)
				}
			}
		}
		for _, from := range froms {
			st, en := s.find(w, from)
			wst, wen := naiveFind(s, text, from)
			if st != wst || en != wen {
				t.Fatalf("find(%q, %d) listed=%v = %d,%d; want %d,%d", text, from, listed, st, en, wst, wen)
			}
			occ := s.occurrences(w, from)
			j := firstFrom(occ, from)
			if (j < len(occ)) != (wst >= 0) || (wst >= 0 && (int(occ[j].start) != wst || int(occ[j].end) != wen)) {
				t.Fatalf("occurrences(%q) from %d disagree with naive %d,%d", text, from, wst, wen)
			}
		}
	}
}

// TestFindMatchesPlainSearch checks the label search on the sample page
// texts: the template's words and pieces of the text itself, from many
// places.
func TestFindMatchesPlainSearch(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/reports/*.txt")
	if len(files) == 0 {
		t.Skip("no samples")
	}
	var words []string
	for _, f := range templates.Forms() {
		ix := indexOf(f)
		words = append(words, ix.bounds...)
		for _, tr := range ix.tries {
			words = append(words, tr...)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, name := range files[:min(len(files), 6)] {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		text, _, _ := charset.Decode(data)
		s := newStream(plaintext.Read(text))
		froms := []int{0, 1, len(s.runes) / 3, len(s.runes) / 2, len(s.runes) - 1, len(s.runes)}
		for range 8 {
			froms = append(froms, rng.IntN(len(s.runes)+1))
		}
		own := append([]string(nil), words...)
		letters := []rune(s.letters)
		for range 200 {
			a := rng.IntN(len(letters))
			own = append(own, string(letters[a:min(len(letters), a+1+rng.IntN(8))]))
		}
		for _, w := range own {
			checkFind(t, s, w, froms)
		}
		s.release()
	}
}

// FuzzFind checks the label search against plain search on any text.
func FuzzFind(f *testing.F) {
	f.Add("二、主动公开政府信息情况\n第二十条第（一）项\n规章 0 0 12", "规章", 3)
	f.Add("收到申请数12件，其中 自然人 5 法人 7", "自然人", 0)
	f.Add("aaaa aaa", "aa", 1)
	// The forms' words are numbered, and found as a stream keeps them.
	words := searchWords()
	f.Fuzz(func(t *testing.T, text, word string, from int) {
		if len(text) > 4000 || len(word) > 60 || !utf8.ValidString(word) {
			return // the words searched are the templates', valid UTF-8
		}
		doc := &document.Document{}
		for i, line := range strings.Split(text, "\n") {
			doc.Blocks = append(doc.Blocks, document.Block{Text: line, Line: i + 1})
		}
		s := newStream(doc)
		defer s.release()
		froms := []int{0, from, len(s.runes)}
		if from < 0 || from > len(s.runes) {
			froms = froms[:1]
		}
		checkFind(t, s, word, froms)
		checkFind(t, s, words[uint(from)%uint(len(words))], froms)
		if l := []rune(s.letters); len(l) > 0 {
			a := uint(from) % uint(len(l))
			checkFind(t, s, string(l[a:min(uint(len(l)), a+3)]), froms)
		}
	})
}

// TestUnitRunes checks that the unit tests by rune agree with units.
func TestUnitRunes(t *testing.T) {
	for u := range units {
		rs := []rune(u)
		if unitLen(rs, 0) != len(rs) || unitLenBefore(rs) != len(rs) {
			t.Errorf("unit %q not told by its runes", u)
		}
	}
	for r := rune(0); r < 0x10000; r++ {
		if isUnitRune(r) != units[string(r)] {
			t.Errorf("isUnitRune(%q) = %v", r, isUnitRune(r))
		}
	}
	n := 0
	for u := range units {
		if len([]rune(u)) == 2 {
			n++
			if rs := []rune(u); !isUnitPair(rs[0], rs[1]) {
				t.Errorf("isUnitPair misses %q", u)
			}
		}
	}
	if n != 2 {
		t.Errorf("units has %d two-rune words; isUnitPair knows 2", n)
	}
}

// TestLettersCutMatchesRunes checks what classify relies on: the letters
// of a run of runes without markers are cut from the letters' string.
func TestLettersCutMatchesRunes(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/reports/*.txt")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		text, _, _ := charset.Decode(data)
		s := newStream(plaintext.Read(text))
		for a := 0; a < len(s.runes); a++ {
			for b := a; b <= len(s.runes) && b <= a+12; b++ {
				if b > a && isMark(s.runes[b-1]) {
					break
				}
				if got, want := s.letters[s.letterOffset(a):s.letterOffset(b)], string(s.runes[a:b]); got != want {
					t.Fatalf("%s: runes [%d,%d) = %q, letters cut %q", name, a, b, want, got)
				}
			}
		}
		s.release()
	}
}

// TestParseDigits checks parseDigits against strconv.ParseInt.
func TestParseDigits(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	cases := []string{"", "0", "00", "7", "000123", "999999999999", "123456789012345678", "1234567890123456789", "99999999999999999999", "1a", "-5", "+5", " 1"}
	for range 2000 {
		b := make([]byte, rng.IntN(20))
		for i := range b {
			b[i] = byte('0' + rng.IntN(10))
		}
		cases = append(cases, string(b))
	}
	for _, d := range cases {
		want, _ := strconv.ParseInt(d, 10, 64)
		if got := parseDigits(d); got != want {
			t.Errorf("parseDigits(%q) = %d; want %d", d, got, want)
		}
	}
}

// TestRuneTableGivesFirstSeenOrder checks the rune table against a map:
// every rune's id is the order it was first added in, ASCII or not, as the
// table grows and when it is reused.
func TestRuneTableGivesFirstSeenOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	tab := newRuneTable(1024)
	for round := range 3 {
		want := map[rune]int32{}
		for range 20000 {
			var r rune
			switch rng.IntN(3) {
			case 0:
				r = rune(rng.IntN(utf8.RuneSelf))
			case 1:
				r = 0x4e00 + rune(rng.IntN(3000*(round+1)))
			default:
				r = rune(rng.IntN(0x110000))
			}
			id, added := tab.add(r)
			w, seen := want[r]
			if !seen {
				w = int32(len(want))
				want[r] = w
			}
			if id != w || added == seen {
				t.Fatalf("round %d: add(%q) = %d, %v; want %d, %v", round, r, id, added, w, !seen)
			}
		}
		for r, w := range want {
			if id, ok := tab.get(r); !ok || id != w {
				t.Fatalf("round %d: get(%q) = %d, %v; want %d", round, r, id, ok, w)
			}
		}
		for _, r := range []rune{0, 'a', '\x7f', 0x10ffff} {
			if _, seen := want[r]; !seen {
				if _, ok := tab.get(r); ok {
					t.Fatalf("round %d: get(%q) found a rune never added", round, r)
				}
			}
		}
		tab = reuseRuneTable(tab.keys, tab.ids, tab.ascii)
	}
}

// TestFindFromFirstOccurrence checks find where it answers from the first
// occurrence it found from the start (the words are never listed): from
// every sample report's start, then from places before, at and after it.
func TestFindFromFirstOccurrence(t *testing.T) {
	files, docs := sampleDocs(t)
	var words []string
	for _, f := range templates.Forms() {
		ix := indexOf(f)
		words = append(words, ix.bounds...)
		for _, tr := range ix.tries {
			words = append(words, tr...)
		}
	}
	hits := 0
	for i, d := range docs {
		s := newStream(d)
		for _, w := range words {
			st0, _ := naiveFind(s, w, 0)
			froms := []int{0, 0, 1, len(s.runes)}
			if st0 >= 0 {
				froms = append(froms, st0-1, st0, st0+1, st0+2, 0)
				hits++
			}
			for _, from := range froms {
				if from < 0 {
					continue
				}
				st, en := s.find(searchWord(w), from)
				wst, wen := naiveFind(s, w, from)
				if st != wst || en != wen {
					t.Fatalf("%s: find(%q, %d) = %d,%d; want %d,%d", files[i], w, from, st, en, wst, wen)
				}
			}
			if sw := searchWord(w); sw.id >= 0 && s.found(sw.id).listFrom > 0 {
				t.Fatalf("%q was listed: the test does not check the first occurrences", w)
			}
		}
		s.release()
	}
	if hits == 0 {
		t.Fatal("no word found")
	}
}

// checkSource2 fails t unless source2 gives what source does for spans
// from a, of the spans from every a to its next ends.
func checkSource2(t *testing.T, name string, s *stream, step int) {
	t.Helper()
	n := len(s.runes)
	for a := 0; a < n; a += step {
		for _, d := range [][2]int{{1, 1}, {1, 5}, {3, 40}, {8, 9}, {20, 300}, {2, 1}, {0, 4}, {5, n}} {
			b1, b2 := a+d[0], a+d[1]
			p, e := s.source2(a, b1, b2)
			if wp, we := s.source(a, b1), s.source(a, b2); p != wp || e != we {
				t.Fatalf("%s: source2(%d, %d, %d) = %q, %q; source gives %q, %q", name, a, b1, b2, p, e, wp, we)
			}
		}
	}
}

// TestSource2MatchesSource holds source2, which withText reads a text
// row's label and evidence with, to source, for the sample page texts.
func TestSource2MatchesSource(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/reports/*.txt")
	if len(files) == 0 {
		t.Fatal("no samples")
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		text, _, _ := charset.Decode(data)
		s := newStream(plaintext.Read(text))
		checkSource2(t, name, s, 7)
		s.release()
	}
}

// FuzzSource2 holds source2 to source on fuzzed page text.
func FuzzSource2(f *testing.F) {
	f.Add("1.规章 0 0 0\n（二）行政规范性文件\t9 2 34\n  3、其他 １２３ 5\n")
	f.Add("+----+----+\n| 總計 | 12 3 |\n\n\n  ３ 4  ５\u3000６")
	f.Fuzz(func(t *testing.T, text string) {
		s := newStream(plaintext.Read(text))
		checkSource2(t, "fuzz", s, 1)
		s.release()
	})
}

// FuzzIsBlankText holds isBlankText to strings.TrimSpace.
func FuzzIsBlankText(f *testing.F) {
	for _, t := range []string{"", " ", "\t\n\v\f\r ", "\u00a0\u3000\u2028\u0085", " x ", "\x85", "\xc2", " \xa0", "　１２ ", "\u200b"} {
		f.Add(t)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := isBlankText(text), strings.TrimSpace(text) == ""; got != want {
			t.Fatalf("isBlankText(%q) = %v, TrimSpace says %v", text, got, want)
		}
	})
}

// TestIsBlankTextOfEveryRune holds isBlankText to strings.TrimSpace on
// every rune alone, and between spaces.
func TestIsBlankTextOfEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		for _, text := range []string{string(r), " " + string(r) + "\u3000"} {
			if got, want := isBlankText(text), strings.TrimSpace(text) == ""; got != want {
				t.Fatalf("isBlankText(%q) = %v, TrimSpace says %v", text, got, want)
			}
		}
	}
}

// TestOriginIndexMatchesSearch holds originIndex, which tries the origin
// it found last first, to the search of originStart, for every rune of
// the sample streams in order, backwards and at random.
func TestOriginIndexMatchesSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, pat := range []string{"*.txt", "*.html"} {
		files, _ := filepath.Glob("../../testdata/reports/" + pat)
		for _, name := range files[:min(len(files), 12)] {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			text, _, _ := charset.Decode(data)
			var d *document.Document
			if strings.HasSuffix(name, ".html") {
				if d, err = html.Read(text); err != nil {
					continue
				}
			} else {
				d = plaintext.Read(text)
			}
			s := newStream(d)
			n := len(s.runes)
			var order []int
			for i := range n {
				order = append(order, i)
			}
			for i := range n {
				order = append(order, n-1-i, rng.IntN(n), rng.IntN(n)/2*2)
			}
			for _, i := range order {
				want := sort.Search(len(s.originStart), func(k int) bool { return int(s.originStart[k]) > i }) - 1
				if got := s.originIndex(i); got != want {
					t.Fatalf("%s: originIndex(%d) = %d, want %d", name, i, got, want)
				}
			}
			s.release()
		}
	}
}
