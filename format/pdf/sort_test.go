package pdf

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestLessCmpOrdersAsSliceStable sorts glyphs by baseline and by x with
// slices.SortStableFunc and lessCmp, and with sort.SliceStable and the
// same less function, as the layout did: the same order, on few distinct
// values (many ties) with NaNs among them.
func TestLessCmpOrdersAsSliceStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	values := []float64{0, 1, 2, 3, math.NaN(), math.Inf(1), -1}
	for n := range 300 {
		gs := make([]pglyph, n)
		for i := range gs {
			gs[i] = pglyph{x: values[r.IntN(len(values))], y: values[r.IntN(len(values))], w: float64(i)}
		}
		want := slices.Clone(gs)
		sort.SliceStable(want, func(i, j int) bool {
			if want[i].y != want[j].y {
				return want[i].y > want[j].y
			}
			return want[i].x < want[j].x
		})
		got := slices.Clone(gs)
		slices.SortStableFunc(got, func(a, b pglyph) int {
			if a.y != b.y {
				return lessCmp(a.y > b.y)
			}
			return lessCmp(a.x < b.x)
		})
		for i := range got {
			if got[i].w != want[i].w { // w: the glyph's index before sorting
				t.Fatalf("%d glyphs: at %d glyph %v, sort.SliceStable has %v", n, i, got[i].w, want[i].w)
			}
		}
	}
}

// TestPDFSortStableMatchesSort sorts glyphs with pdfSortStable and with
// slices.SortStableFunc, by line and by x: the same order, on glyphs in
// random order, in order, and in order but for NaNs (the order
// SortStableFunc leaves, which no neighbour contradicts: the shortcut
// must not take it as sorted). A third of the cases have no NaN (which
// pdfSortKeyed sorts), and a third of those are runs in order one after
// the other (which it merges).
func TestPDFSortStableMatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	values := []float64{0, 1, 2, 3, math.NaN(), math.Inf(1), -1, math.Copysign(0, -1)}
	for n := range 600 {
		gs := make([]pglyph, n%200)
		for i := range gs {
			gs[i] = pglyph{x: values[r.IntN(len(values))], y: values[r.IntN(len(values))]}
			if n%2 == 0 && gs[i].x != gs[i].x {
				gs[i].x = 0 // half the cases without NaN x
			}
			if n >= 400 && gs[i].y != gs[i].y {
				gs[i].y, gs[i].x = math.Inf(-1), 1.5 // no NaN at all
			}
		}
		if n >= 400 && n%3 == 0 {
			for i := 0; i < len(gs); {
				run := gs[i:min(len(gs), i+1+r.IntN(40))]
				slices.SortStableFunc(run, pdfLineOrder)
				i += len(run)
			}
		}
		for _, byLine := range []bool{true, false} {
			cmp := pdfXOrder
			if byLine {
				cmp = pdfLineOrder
			}
			for _, start := range [][]pglyph{gs, sortedClone(gs, cmp)} {
				for i := range start {
					start[i].w = float64(i) // w: the glyph's index before sorting
				}
				want := sortedClone(start, cmp)
				got := slices.Clone(start)
				pdfSortStable(got, byLine)
				for i := range got {
					if got[i].w != want[i].w {
						t.Fatalf("%d glyphs: at %d glyph %v, slices.SortStableFunc has %v", len(gs), i, got[i].w, want[i].w)
					}
				}
			}
		}
	}
}

func sortedClone(gs []pglyph, cmp func(a, b pglyph) int) []pglyph {
	s := slices.Clone(gs)
	slices.SortStableFunc(s, cmp)
	return s
}

// TestPDFIdeographs checks what pdfIdeograph lets pdfBlank and
// pdfGlyphText take for granted: each of its characters is graphic and
// not white space.
func TestPDFIdeographs(t *testing.T) {
	for r := range unicode.MaxRune + 1 {
		if pdfIdeograph(r) && (!unicode.IsGraphic(r) || unicode.IsSpace(r)) {
			t.Errorf("%U: graphic %v, space %v", r, unicode.IsGraphic(r), unicode.IsSpace(r))
		}
		if pdfIdeograph(r) && !pdfPlainRune(r) {
			t.Errorf("%U: an ideograph, not plain", r)
		}
		if pdfPlainRune(r) && (!unicode.IsGraphic(r) || unicode.IsSpace(r)) {
			t.Errorf("%U: plain, but graphic %v, space %v", r, unicode.IsGraphic(r), unicode.IsSpace(r))
		}
		if pdfPlainRune(r) && pdfPlainDigit(r) != unicode.IsDigit(r) {
			t.Errorf("%U: plain, digit %v, plain digit %v", r, unicode.IsDigit(r), pdfPlainDigit(r))
		}
	}
}

// TestPDFBlank compares pdfBlank with strings.TrimSpace(s) == "" on
// white space of every kind, text, and bad UTF-8.
func TestPDFBlank(t *testing.T) {
	for _, s := range []string{"", " ", "\t\n\v\f\r ", "\u00a0", "\u3000", "\u2028\u0085", "\u200b", "a", " a ", "中", "\u3000中", "\xff", " \xff", "\xe3\x80", "\x85", "\u00a0\u1680"} {
		if got, want := pdfBlank(s), strings.TrimSpace(s) == ""; got != want {
			t.Errorf("pdfBlank(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPDFOneIdeograph holds pdfOneIdeograph to decoding: every rune as
// UTF-8, alone and with another, and three bytes of every lead with
// continuation and other bytes.
func TestPDFOneIdeograph(t *testing.T) {
	for r := range unicode.MaxRune + 1 {
		s := string(r)
		if got, want := pdfOneIdeograph(s), pdfIdeograph(r) && utf8.ValidRune(r); got != want {
			t.Fatalf("pdfOneIdeograph(%q) = %v, want %v", s, got, want)
		}
		if pdfOneIdeograph(s + "a") {
			t.Fatalf("pdfOneIdeograph(%q) = true", s+"a")
		}
	}
	for lead := range 256 {
		for _, b := range []byte{0x00, 0x41, 0x7F, 0x80, 0xB7, 0xB8, 0xBF, 0xC0, 0xFF} {
			s := string([]byte{byte(lead), b, 0x80})
			r, size := utf8.DecodeRuneInString(s)
			if got, want := pdfOneIdeograph(s), size == 3 && pdfIdeograph(r); got != want {
				t.Fatalf("pdfOneIdeograph(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

// TestFMaxFMin holds fmax and fmin to math.Max and math.Min on every pair
// of special and ordinary values.
func TestFMaxFMin(t *testing.T) {
	vs := []float64{math.Inf(-1), -1e308, -2.5, -1, -5e-324, math.Copysign(0, -1), 0, 5e-324, 1, 2.5, 1e308, math.Inf(1), math.NaN(), -math.NaN()}
	same := func(a, b float64) bool {
		return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
	}
	for _, x := range vs {
		for _, y := range vs {
			if got, want := fmax(x, y), math.Max(x, y); !same(got, want) {
				t.Errorf("fmax(%v, %v) = %v, want %v", x, y, got, want)
			}
			if got, want := fmin(x, y), math.Min(x, y); !same(got, want) {
				t.Errorf("fmin(%v, %v) = %v, want %v", x, y, got, want)
			}
		}
	}
}
