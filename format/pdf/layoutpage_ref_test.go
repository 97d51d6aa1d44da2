package pdf

// layoutPage as it was before it counted the glyphs that are not blank
// (which layouter.page did, testing each glyph's text with pdfBlank once
// more), kept for TestLayoutPageMatchesReference.

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"xxgk/format/pdf/pdftext"
)

func refLayoutPage(pi int, p *pdftext.Page, budget *int, buf []pglyph) []pitem {
	glyphs := buf[:0]
	for _, g := range p.Glyphs {
		if !g.Upright || g.Size <= 0 {
			continue
		}
		text := pdfGlyphText(g.Text)
		if text == "" {
			continue
		}
		glyphs = append(glyphs, pglyph{text: text, x: g.X, y: g.Y, w: g.W, size: g.Size, space: pdfBlank(text)})
	}
	tables := pdfFindTables(p.Segments, budget, nil)
	free := pdfPlaceGlyphs(tables, glyphs, new([]pglyph))
	var items []pitem
	for _, t := range tables {
		if g := t.grid(); g != nil {
			g.RowPages = make([]int, len(g.Rows))
			for r := range g.RowPages {
				g.RowPages[r] = pi + 1
			}
			items = append(items, pitem{page: pi, top: t.ys[0], grid: g, xs: t.xs, oneRow: t.oneRow})
		}
	}
	for _, l := range pdfMergeWrapped(pdfLines(free, true)) {
		items = append(items, pitem{page: pi, top: l.y + 0.8*l.size, line: l})
	}
	slices.SortStableFunc(items, func(a, b pitem) int { return lessCmp(a.top > b.top) })
	return items
}

// TestLayoutPageMatchesReference lays out random pages of glyphs whose
// texts are blank, become blank or empty once pdfGlyphText drops their
// control characters, or hold bad UTF-8, with layoutPage and the
// reference, and counts their glyphs that are not blank as
// layouter.page did.
func TestLayoutPageMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 9))
	texts := []string{"中", "文", "a", "1", "，", "é", "ab", "中\x01", " ", "\u3000", "\t", "\x01", " \x01", "\x01a", "\xff", "\xff\x01\x01", "\x85", "\u200b", "\ufffd", ""}
	for range 2000 {
		p := &pdftext.Page{Width: 595, Height: 842}
		for range rng.IntN(60) {
			p.Glyphs = append(p.Glyphs, pdftext.Glyph{
				Text: texts[rng.IntN(len(texts))], X: float64(50 + rng.IntN(40)*10), Y: float64(700 - rng.IntN(5)*14),
				W: 10, Size: float64(rng.IntN(3) * 10), Upright: rng.IntN(8) != 0, Known: rng.IntN(2) == 0,
			})
		}
		lay := &layouter{budget: pdfMaxRuleWork, buf: make([]pglyph, 0, len(p.Glyphs))}
		got := lay.layoutPage(0, p)
		var known, unknown int
		for _, g := range p.Glyphs {
			if pdfBlank(g.Text) {
				continue
			}
			if g.Known {
				known++
			} else {
				unknown++
			}
		}
		budget := pdfMaxRuleWork
		want := refLayoutPage(0, p, &budget, make([]pglyph, 0, len(p.Glyphs)))
		if !reflect.DeepEqual(got, want) || lay.known != known || lay.unknown != unknown || lay.budget != budget {
			t.Fatalf("%+v: layoutPage %+v (known %d, unknown %d), reference %+v (known %d, unknown %d)", p.Glyphs, got, lay.known, lay.unknown, want, known, unknown)
		}
	}
}
