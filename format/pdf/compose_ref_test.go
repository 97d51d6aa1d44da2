package pdf

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/format/pdf/pdftext"
)

// composeLineRef is pdfComposeLine as it was before it built a line's
// text at once and sliced its cells' texts from it: a string per cell,
// joined with tabs.
func composeLineRef(gs []pglyph, tabs bool) *pline {
	pdfSortStable(gs, false)
	var buf [256]byte
	b := buf[:0]
	l := &pline{y: gs[0].y, x0: math.Inf(1), x1: math.Inf(-1)}
	cell := pcell{x0: math.Inf(1)}
	endCell := func() {
		cell.text = string(b)
		l.cells = append(l.cells, cell)
		b = b[:0]
	}
	var prev *pglyph
	spaced := false
	for k := range gs {
		g := &gs[k]
		if g.space {
			spaced = true
			continue
		}
		if prev != nil {
			if g.text == prev.text && math.Abs(g.x-prev.x) < 0.25*g.size {
				continue
			}
			gap := g.x - (prev.x + prev.w)
			em := math.Max(g.size, prev.size)
			last, _ := utf8.DecodeLastRuneInString(prev.text)
			first, _ := utf8.DecodeRuneInString(g.text)
			wg := pdfWordGap
			if pdftext.IsWide(last) || pdftext.IsWide(first) {
				wg = pdfWideWordGap
			}
			switch {
			case tabs && gap >= pdfCellGap*em:
				endCell()
				cell = pcell{x0: g.x}
			case spaced || gap >= wg*em:
				b = append(b, ' ')
			}
		}
		b = append(b, g.text...)
		cell.x0, cell.x1 = math.Min(cell.x0, g.x), g.x+g.w
		l.x0, l.x1 = math.Min(l.x0, g.x), math.Max(l.x1, g.x+g.w)
		l.size = math.Max(l.size, g.size)
		prev, spaced = g, false
	}
	if prev == nil {
		return nil
	}
	endCell()
	l.setText()
	return l
}

// cellTextRef is pdfCellText as it was before its fast paths: lines
// joined in a builder, white space folded by strings.Fields.
func cellTextRef(gs []pglyph) string {
	var b strings.Builder
	for _, l := range pdfLines(gs, false) {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(t)
			if pdfIsLatin(last) && pdfIsLatin(first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// composeCases are runs of glyphs to compose as a line: each line of
// every page of the PDF fixtures, and random runs of texts and gaps
// that make spaces, tabs and doubled glyphs.
func composeCases(t *testing.T) [][]pglyph {
	var cases [][]pglyph
	names, _ := filepath.Glob("../../testdata/reports/*.pdf")
	more, _ := filepath.Glob("pdftext/testdata/*.pdf")
	for _, name := range append(names, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		pd, err := pdftext.Read(data, pdfLimits)
		if err != nil {
			continue
		}
		for _, p := range pd.Pages {
			var gs []pglyph
			for _, g := range p.Glyphs {
				if text := pdfGlyphText(g.Text); g.Upright && g.Size > 0 && text != "" {
					gs = append(gs, pglyph{text: text, x: g.X, y: g.Y, w: g.W, size: g.Size, space: pdfBlank(text)})
				}
			}
			pdfSortStable(gs, true)
			for i := 0; i < len(gs); {
				j := i + 1
				for j < len(gs) && gs[i].y-gs[j].y <= pdfLineTol*math.Max(gs[i].size, gs[j].size) {
					j++
				}
				cases = append(cases, gs[i:j:j])
				i = j
			}
		}
	}
	if len(cases) < 100 {
		t.Fatalf("%d lines in the fixtures, want 100 or more", len(cases))
	}
	r := rand.New(rand.NewPCG(3, 4))
	texts := []string{"中", "文", "a", "B", "1", " ", "\u3000", "\t", "x y", "，", "\ufffd", "é", ""}
	for range 3000 {
		gs := make([]pglyph, 1+r.IntN(40))
		x := 0.0
		for i := range gs {
			text := texts[r.IntN(len(texts))]
			size := []float64{10, 12, 0.5, math.NaN(), math.Inf(1), -4}[r.IntN(6)]
			w := size * []float64{0.5, 1, 0}[r.IntN(3)]
			gs[i] = pglyph{text: text, x: x, y: float64(r.IntN(2)), w: w, size: size, space: pdfBlank(text)}
			x += w + size*[]float64{0, 0.1, 0.3, 0.8, 1.5, -0.9}[r.IntN(6)]
			if r.IntN(8) == 0 {
				x = float64(r.IntN(200)) // out of order
			}
		}
		cases = append(cases, gs)
	}
	return cases
}

// TestComposeLineMatchesReference composes every case with and without
// tabs, by pdfComposeLine and by composeLineRef: the same line.
func TestComposeLineMatchesReference(t *testing.T) {
	for n, gs := range composeCases(t) {
		for _, tabs := range []bool{false, true} {
			got := pdfComposeLine(append([]pglyph(nil), gs...), tabs)
			want := composeLineRef(append([]pglyph(nil), gs...), tabs)
			// Printed, so that NaNs compare equal.
			if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
				t.Fatalf("case %d, tabs %v: line\n%+v\nreference\n%+v", n, tabs, got, want)
			}
		}
	}
}

// TestCellTextMatchesReference reads each case as a table cell's glyphs,
// whole and in halves, by pdfCellText and by cellTextRef.
func TestCellTextMatchesReference(t *testing.T) {
	cases := composeCases(t)
	for n, gs := range cases {
		other := cases[(n*7+1)%len(cases)]
		for _, cell := range [][]pglyph{gs, gs[:len(gs)/2], append(append([]pglyph(nil), gs...), other...)} {
			got := pdfCellText(append([]pglyph(nil), cell...))
			want := cellTextRef(append([]pglyph(nil), cell...))
			if got != want {
				t.Fatalf("case %d: cell text %q, reference %q", n, got, want)
			}
		}
	}
}

// TestFoldSpacesMatchesFields folds random strings of white space (ASCII
// and not), letters, ideographs and bad UTF-8 by pdfFoldSpaces and as it
// did, by strings.Fields.
func TestFoldSpacesMatchesFields(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	parts := []string{" ", "  ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u3000", "\u2028", "a", "中", "é", "\xff", "\xe4\xb8"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		if got, want := pdfFoldSpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("pdfFoldSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestHasRunes holds hasRunes to utf8.RuneCountInString on random
// strings of ASCII, ideographs, four-byte runes and bad UTF-8, of every
// length around the bounds it tells by length alone.
func TestHasRunes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	pieces := []string{"a", " ", "中", "é", "😀", "\xff", "\xe4\xb8", "\xf0\x9f"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for n := range 12 {
			if got, want := hasRunes(s, n), utf8.RuneCountInString(s) >= n; got != want {
				t.Fatalf("hasRunes(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// refNumericCell is pdfNumericCell before it told most words by their
// first character.
func refNumericCell(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r >= '0' && r <= '9' || (r == '.' || r == ',') && i > 0 || r == '-' && i == 0 && len(s) > 1) {
			return false
		}
	}
	return true
}

// TestNumericCellMatchesReference holds pdfNumericCell to the reference
// on random cells of digits, signs, separators, white space (ASCII and
// not), words, control characters and bad UTF-8.
func TestNumericCellMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 17))
	pieces := []string{"0", "7", "12", ".", ",", "-", "+", " ", "\t", "\n", "\u3000", "\u00a0", "\x85", "\x01", "\x7f", "a", "中", "，", "％", "\xff", "\xe3\x80"}
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := pdfNumericCell(s), refNumericCell(s); got != want {
			t.Fatalf("pdfNumericCell(%q) = %v, want %v", s, got, want)
		}
	}
}
