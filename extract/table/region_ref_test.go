package table

import (
	"strings"
	"testing"
	"unicode/utf8"

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
