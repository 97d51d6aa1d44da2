package table

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	plaintext "xxgk/format/text"
	"xxgk/internal/strs"
	"xxgk/templates"
	"xxgk/zh"
)

// refNumberingBefore and refRowAt are numberingBefore and rowAt as they
// were before the rows' digits were folded once per form (commit 9935213):
// the reference of TestNumberingBeforeMatchesReference.
func (fr *formReader) refNumberingBefore(t string, pos int) (digits string, k int) {
	row := fr.refRowAt(pos)
	if row == nil {
		return "", 0
	}
	num := zh.Fold(row.Number)
	d := strings.TrimRight(num, ".、)")
	if d == "" || !allDigits(d) {
		return "", 0
	}
	for _, sep := range []string{".", "、"} {
		if strings.HasSuffix(t, d+sep) {
			return d, utf8.RuneCountInString(d + sep)
		}
	}
	if strings.HasSuffix(t, d) {
		return d, 0
	}
	return "", 0
}

func (fr *formReader) refRowAt(pos int) *templates.Row {
	rest := fr.s.letters[fr.s.letterOffset(pos):]
	first, _ := utf8.DecodeRuneInString(rest)
	var best *templates.Row
	bestLen := 0
	for _, ra := range fr.byFirst[first] {
		if len(ra.alt) > bestLen && strings.HasPrefix(rest, ra.alt) {
			best, bestLen = ra.row, len(ra.alt)
		}
	}
	return best
}

// TestNumberingBeforeMatchesReference compares rowAt and numberingBefore
// with the reference at every place of every sample report, for every
// form, with the digits and marks that stand before the place and a few
// made-up pieces.
func TestNumberingBeforeMatchesReference(t *testing.T) {
	files, docs := sampleDocs(t)
	checked := 0
	for i, d := range docs {
		s := newStream(d)
		for _, f := range templates.Forms() {
			fr := newFormReader(s, f, 0)
			for pos := 0; pos <= len(s.runes); pos++ {
				if got, want := fr.rowAt(pos), fr.refRowAt(pos); got != want {
					t.Fatalf("%s, %s: rowAt(%d) = %v, want %v", files[i], f.ID, pos, got, want)
				}
				before := string(s.runes[max(0, pos-5):pos])
				for _, piece := range []string{before, "", "1", "5.", "12、", "0000005.", "5", "3、", "1.", "10"} {
					gd, gk := fr.numberingBefore(piece, pos)
					wd, wk := fr.refNumberingBefore(piece, pos)
					if gd != wd || gk != wk {
						t.Fatalf("%s, %s: numberingBefore(%q, %d) = %q, %d, want %q, %d", files[i], f.ID, piece, pos, gd, gk, wd, wk)
					}
					if wd != "" {
						checked++
					}
				}
			}
			fr.release()
		}
		s.release()
	}
	if checked == 0 {
		t.Fatal("no numbering found before any row: the test checks nothing")
	}
}

// TestCellInfosMatchTemplates checks what putRow takes from a form's index
// against what the templates say of every cell of every row.
func TestCellInfosMatchTemplates(t *testing.T) {
	n := 0
	for _, f := range templates.Forms() {
		ix := indexOf(f)
		for _, tb := range f.Tables {
			for _, r := range tb.Rows {
				infos, ok := ix.cellInfos[r]
				if !ok {
					continue
				}
				unitRow := r.Key
				if r.IsGroup {
					unitRow = ix.kids[r][0].Key
				}
				for c, col := range tb.DataColumns() {
					want := cellInfo{key: tb.CellKey(r.Key, col.Key), unit: tb.Unit(unitRow, col.Key)}
					want.slot = int32(slices.Index(ix.slotKeys, want.key))
					want.table, want.rowLabel, want.colLabel, _ = tb.Place(r.Key, col.Key)
					if infos[c] != want {
						t.Fatalf("%s %s: %+v, want %+v", f.ID, want.key, infos[c], want)
					}
					n++
				}
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d cells checked", n)
	}
}

// TestWitnessesOccurAsTries checks, on every sample report, that a row's
// witnesses occur exactly where one of its tries does, and that they are
// fewer where a label is long.
func TestWitnessesOccurAsTries(t *testing.T) {
	files, docs := sampleDocs(t)
	occurs := func(s *stream, words []word) bool {
		for _, w := range words {
			if st, _ := naiveFind(s, w.text, 0); st >= 0 {
				return true
			}
		}
		return false
	}
	fewer := 0
	for _, f := range templates.Forms() {
		for _, info := range indexOf(f).rows {
			if len(info.witnesses) < len(info.tries) {
				fewer++
			}
		}
	}
	if fewer == 0 {
		t.Fatal("no row has fewer witnesses than tries")
	}
	for i, d := range docs {
		s := newStream(d)
		for _, f := range templates.Forms() {
			for r, info := range indexOf(f).rows {
				if got, want := occurs(s, info.witnesses), occurs(s, info.tries); got != want {
					t.Fatalf("%s, %s %s: witnesses %q occur: %v, tries %q: %v", files[i], f.ID, r.Key, info.witnesses, got, info.tries, want)
				}
			}
		}
		s.release()
	}
	if w := witnesses([]string{"abcd", "abc", "", "bc", "bc", "xy"}); !slices.Equal(w, []string{"", "bc", "xy"}) {
		t.Fatalf("witnesses = %q", w)
	}
}

// refBoundaryAt and refBoundaryBefore are boundaryAt and boundaryBefore as
// they were before a form's bounds were indexed by their first and last
// rune: every bound is tried. The reference of
// TestBoundariesMatchReference.
func (fr *formReader) refBoundaryAt(pos int) bool {
	rest := fr.s.letters[fr.s.letterOffset(pos):]
	if len(rest) > 240 {
		rest = rest[:240]
	}
	if fr.startsNumbered(rest) || fr.yearLen(rest) > 0 {
		return true
	}
	_, rest = templates.StripNumbering(rest)
	for _, w := range fr.bounds {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	if r := []rune(strs.FirstRunes(rest, startRunes)); len(r) == startRunes {
		return fr.starts[string(r)]
	}
	return false
}

func (fr *formReader) refBoundaryBefore(st int) bool {
	if st == 0 {
		return true
	}
	prev := fr.s.runes[st-1]
	if !zh.IsHan(prev) {
		return true
	}
	if zh.IsNumeral(prev) || prev == '其' || prev == '中' {
		return true
	}
	before := fr.s.letters[:fr.s.letterOffset(st)]
	for _, w := range fr.bounds {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// TestBoundariesMatchReference compares boundaryAt and boundaryBefore with
// the reference at every place of every sample report, for every form,
// and counts the places where a bound decides.
func TestBoundariesMatchReference(t *testing.T) {
	files, docs := sampleDocs(t)
	// Every form's bounds, and their runs, printed as a table's labels.
	var b strings.Builder
	for _, f := range templates.Forms() {
		for _, w := range indexOf(f).bounds {
			b.WriteString(w + "\n1" + w + "2" + w[:len(w)-1] + "\n")
		}
	}
	docs = append(docs, plaintext.Read(b.String()))
	files = append(files, "bounds")
	at, before := 0, 0
	for i, d := range docs {
		s := newStream(d)
		for _, f := range templates.Forms() {
			fr := newFormReader(s, f, 2021)
			for pos := 0; pos <= len(s.runes); pos++ {
				got, want := fr.boundaryAt(pos), fr.refBoundaryAt(pos)
				if got != want {
					t.Fatalf("%s, %s: boundaryAt(%d) = %v, want %v", files[i], f.ID, pos, got, want)
				}
				if pos < len(s.runes) && zh.IsHan(s.runes[pos]) && want {
					at++
				}
				if pos == len(s.runes) {
					continue
				}
				got, want = fr.boundaryBefore(pos), fr.refBoundaryBefore(pos)
				if got != want {
					t.Fatalf("%s, %s: boundaryBefore(%d) = %v, want %v", files[i], f.ID, pos, got, want)
				}
				if pos > 0 && zh.IsHan(s.runes[pos-1]) && !zh.IsNumeral(s.runes[pos-1]) && want {
					before++
				}
			}
			fr.release()
		}
		s.release()
	}
	if at == 0 || before == 0 {
		t.Fatalf("bounds decided %d places after, %d before: the test checks little", at, before)
	}
}

// TestHeaderChars holds headerChars's bit set to the set of the column
// labels' characters it stands for, for every rune of the planes in use,
// for every table.
func TestHeaderChars(t *testing.T) {
	for _, f := range templates.Forms() {
		for _, tb := range f.Tables {
			want := map[rune]bool{}
			for _, c := range tb.Columns {
				for _, r := range zh.Fold(c.Label) {
					if !isDigit(r) {
						want[r] = true
					}
				}
			}
			got := headerChars(tb)
			for r := rune(-1); r <= 0x2FFFF; r++ {
				if got.has(r) != want[r] {
					t.Fatalf("%s %s: headerChars has %U: %v, want %v", f.ID, tb.ID, r, got.has(r), want[r])
				}
			}
		}
	}
	if e := newRuneBits(nil); e.has(0) || e.has('总') {
		t.Fatal("the empty set has a rune")
	}
}
