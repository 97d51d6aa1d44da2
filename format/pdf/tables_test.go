package pdf

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"xxgk/document"
	"xxgk/format/pdf/pdftext"
)

// joinCrossingRef is how pdfFindTables joined crossing rules before
// pdfJoinCrossing: every horizontal rule against every vertical one.
func joinCrossingRef(hs, vs []pdftext.Segment, uf *pdfUnionFind) {
	for i, h := range hs {
		for j, v := range vs {
			if v.X0 >= h.X0-pdfRuleTol && v.X0 <= h.X1+pdfRuleTol && h.Y0 >= v.Y0-pdfRuleTol && h.Y0 <= v.Y1+pdfRuleTol {
				uf.union(i, len(hs)+j)
			}
		}
	}
}

// TestJoinCrossingMatchesPairs compares pdfJoinCrossing with comparing
// every pair: the same root for every rule, on coordinates from a few
// values (ties, rules just within and just past the tolerance) with NaNs
// and infinities among them.
func TestJoinCrossingMatchesPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	values := []float64{0, 1, 2, 3, 4, 5, 7.5, 10, -2, math.NaN(), math.Inf(1), math.Inf(-1), 2.0000001, 1.9999999}
	pick := func() float64 {
		if r.IntN(4) == 0 {
			return values[r.IntN(len(values))]
		}
		return float64(r.IntN(40))
	}
	for n := range 400 {
		hs := make([]pdftext.Segment, r.IntN(n/4+2))
		for i := range hs {
			x0, x1, y := pick(), pick(), pick()
			hs[i] = pdftext.Segment{X0: x0, Y0: y, X1: x1, Y1: y}
		}
		vs := make([]pdftext.Segment, r.IntN(n/4+2))
		for i := range vs {
			x, y0, y1 := pick(), pick(), pick()
			vs[i] = pdftext.Segment{X0: x, Y0: y0, X1: x, Y1: y1}
		}
		want, got := newPDFUnionFind(len(hs)+len(vs)), newPDFUnionFind(len(hs)+len(vs))
		joinCrossingRef(hs, vs, want)
		pdfJoinCrossing(hs, vs, got, new([]pdfAtX))
		for i := range len(hs) + len(vs) {
			if g, w := got.find(i), want.find(i); g != w {
				t.Fatalf("case %d: rule %d has root %d, every pair gives %d\nhs %v\nvs %v", n, i, g, w, hs, vs)
			}
		}
	}
}

// joinCollinearRef is pdfJoinCollinear as it was before it took each
// rule's position and extent out once: sort.Slice of the indexes, key
// called at each comparison.
func joinCollinearRef(ss []pdftext.Segment, uf *pdfUnionFind, base int, key func(pdftext.Segment) (pos, from, to float64)) {
	idx := make([]int, len(ss))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		pa, _, _ := key(ss[idx[a]])
		pb, _, _ := key(ss[idx[b]])
		return pa < pb
	})
	for a := range idx {
		pa, fa, ta := key(ss[idx[a]])
		for b := a + 1; b < len(idx); b++ {
			pb, fb, tb := key(ss[idx[b]])
			if pb-pa > pdfRuleTol {
				break
			}
			if fb <= ta+pdfRuleTol && fa <= tb+pdfRuleTol {
				uf.union(base+idx[a], base+idx[b])
			}
		}
	}
}

// TestJoinCollinearMatchesReference joins random rules, horizontal and
// vertical, by pdfJoinCollinear and joinCollinearRef: the same root for
// every rule, on positions from a few values (ties, rules just within
// and just past the tolerance) with NaNs and infinities among them, and
// in numbers past those sort.Slice sorts by insertion.
func TestJoinCollinearMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	values := []float64{0, 1, 2, 3, 4, 5, 7.5, 10, -2, math.NaN(), math.Inf(1), math.Inf(-1), 2.0000001, 1.9999999, 4.5, 5.5}
	pick := func() float64 {
		if r.IntN(3) == 0 {
			return values[r.IntN(len(values))]
		}
		return float64(r.IntN(30))
	}
	for n := range 1500 {
		ss := make([]pdftext.Segment, r.IntN(n/8+2))
		vertical := n%2 == 1
		for i := range ss {
			p, a, b := pick(), pick(), pick()
			if vertical {
				ss[i] = pdftext.Segment{X0: p, Y0: a, X1: p, Y1: b}
			} else {
				ss[i] = pdftext.Segment{X0: a, Y0: p, X1: b, Y1: p}
			}
		}
		key := func(s pdftext.Segment) (float64, float64, float64) { return s.Y0, s.X0, s.X1 }
		if vertical {
			key = func(s pdftext.Segment) (float64, float64, float64) { return s.X0, s.Y0, s.Y1 }
		}
		base := r.IntN(3)
		want, got := newPDFUnionFind(base+len(ss)), newPDFUnionFind(base+len(ss))
		joinCollinearRef(ss, want, base, key)
		pdfJoinCollinear(ss, got, base, vertical, make([]pdfRulePos, len(ss)+r.IntN(3)))
		for i := range base + len(ss) {
			if g, w := got.find(i), want.find(i); g != w {
				t.Fatalf("case %d: rule %d has root %d, reference %d\n%v", n, i, g, w, ss)
			}
		}
	}
}

// placeGlyphRef is pdfPlaceGlyph as it was before pdfPlaceGlyphs: it
// puts g in the map of cells of the table it is drawn in, and reports
// whether it was.
func placeGlyphRef(tables []*pdfTable, cellsOf map[*pdfTable]map[int][]pglyph, g pglyph) bool {
	cx, cy := g.x+g.w/2, g.y+0.3*g.size
	for _, t := range tables {
		if cx <= t.xs[0] || cx >= t.xs[len(t.xs)-1] || cy >= t.ys[0] || cy <= t.ys[len(t.ys)-1] {
			continue
		}
		j := sort.Search(len(t.xs), func(k int) bool { return t.xs[k] > cx }) - 1
		i := sort.Search(len(t.ys), func(k int) bool { return t.ys[k] < cy }) - 1
		if i < 0 || j < 0 || i >= t.rows() || j >= t.cols() {
			continue
		}
		r := t.root[i*t.cols()+j]
		if cellsOf[t] == nil {
			cellsOf[t] = map[int][]pglyph{}
		}
		cellsOf[t][r] = append(cellsOf[t][r], g)
		return true
	}
	return false
}

// gridRef is grid as it was before the glyphs of a table were kept in
// one list: each cell's glyphs in a map, origins found by scanning.
func gridRef(t *pdfTable, cells map[int][]pglyph) *document.Grid {
	rows, cols := t.rows(), t.cols()
	texts := map[int]string{}
	origin := map[int][2]int{}
	for k := range t.root {
		r := t.root[k]
		if _, ok := origin[r]; !ok {
			origin[r] = [2]int{k / cols, k % cols}
		}
	}
	any := false
	for r, gs := range cells {
		texts[r] = pdfCellText(gs)
		any = any || texts[r] != ""
	}
	if !any {
		return nil
	}
	g := &document.Grid{Rows: make([][]document.GridCell, rows)}
	for i := range rows {
		g.Rows[i] = make([]document.GridCell, cols)
		for j := range cols {
			r := t.root[i*cols+j]
			o := origin[r]
			g.Rows[i][j] = document.GridCell{Text: texts[r], OrigRow: o[0], OrigCol: o[1]}
		}
	}
	return g
}

// TestGridMatchesReference finds the tables of every page of the PDF
// fixtures as layoutPage does and compares grid with gridRef.
func TestGridMatchesReference(t *testing.T) {
	names, _ := filepath.Glob("../../testdata/reports/*.pdf")
	more, _ := filepath.Glob("pdftext/testdata/*.pdf")
	grids := 0
	for _, name := range append(names, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		pd, err := pdftext.Read(data, pdfLimits)
		if err != nil {
			continue
		}
		budget := pdfMaxRuleWork
		for pi := range pd.Pages {
			p := &pd.Pages[pi]
			tables := pdfFindTables(p.Segments, &budget, nil)
			var glyphs []pglyph
			for _, g := range p.Glyphs {
				if text := pdfGlyphText(g.Text); g.Upright && g.Size > 0 && text != "" {
					glyphs = append(glyphs, pglyph{text: text, x: g.X, y: g.Y, w: g.W, size: g.Size, space: pdfBlank(text)})
				}
			}
			cellsOf := map[*pdfTable]map[int][]pglyph{}
			var wantFree []pglyph
			for _, g := range glyphs {
				if !placeGlyphRef(tables, cellsOf, g) {
					wantFree = append(wantFree, g)
				}
			}
			if free := pdfPlaceGlyphs(tables, glyphs, new([]pglyph)); !reflect.DeepEqual(free, wantFree) && len(free)+len(wantFree) > 0 {
				t.Fatalf("%s page %d: %d glyphs outside tables, reference %d", name, pi+1, len(free), len(wantFree))
			}
			for k, tb := range tables {
				want := gridRef(tb, cellsOf[tb])
				if got := tb.grid(); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s page %d table %d: grid\n%v\nreference\n%v", name, pi+1, k, got, want)
				}
				if want != nil {
					grids++
				}
			}
		}
	}
	if grids < 10 {
		t.Fatalf("%d grids compared, want 10 or more", grids)
	}
	t.Logf("%d grids", grids)
}

// TestUnionFindRootIsLeast checks what pdfFindTables and pdfTable.grid
// take for granted: whatever the order of unions, a set's root is its
// least index.
func TestUnionFindRootIsLeast(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for n := 1; n < 200; n++ {
		uf := newPDFUnionFind(n)
		set := make([]int, n) // by index, its set, kept by relabelling
		for i := range set {
			set[i] = i
		}
		for range r.IntN(n) {
			a, b := r.IntN(n), r.IntN(n)
			uf.union(a, b)
			from, to := set[a], set[b]
			for i := range set {
				if set[i] == from {
					set[i] = to
				}
			}
		}
		for i := range n {
			least := i
			for j := range n {
				if set[j] == set[i] {
					least = min(least, j)
				}
			}
			if got := uf.find(i); got != least {
				t.Fatalf("%d elements: root of %d is %d, its set's least index %d", n, i, got, least)
			}
		}
	}
}

// findTablesRef is pdfFindTables as it was before it set the rules of
// each set down in one slice: each set's rules appended to slices of
// their own, in a map by root.
func findTablesRef(segs []pdftext.Segment) []*pdfTable {
	var hs, vs []pdftext.Segment
	for _, s := range segs {
		if s.Y0 == s.Y1 {
			hs = append(hs, s)
		} else {
			vs = append(vs, s)
		}
	}
	if len(hs) < 2 || len(vs) < 2 {
		return nil
	}
	n := len(hs) + len(vs)
	uf := newPDFUnionFind(n)
	joinCrossingRef(hs, vs, uf)
	joinCollinearRef(hs, uf, 0, func(s pdftext.Segment) (float64, float64, float64) { return s.Y0, s.X0, s.X1 })
	joinCollinearRef(vs, uf, len(hs), func(s pdftext.Segment) (float64, float64, float64) { return s.X0, s.Y0, s.Y1 })
	groups := map[int][2][]pdftext.Segment{}
	var order []int
	for i := range n {
		r := uf.find(i)
		g, seen := groups[r]
		if !seen {
			order = append(order, r)
		}
		if i < len(hs) {
			g[0] = append(g[0], hs[i])
		} else {
			g[1] = append(g[1], vs[i-len(hs)])
		}
		groups[r] = g
	}
	var out []*pdfTable
	for _, r := range order {
		g := groups[r]
		if t := newPDFTableRef(g[0], g[1]); t != nil {
			out = append(out, t)
		}
	}
	return out
}

// newPDFTableRef is newPDFTable as it was before it set the rules at
// each border down in one slice: appended to a slice by border.
func newPDFTableRef(hs, vs []pdftext.Segment) *pdfTable {
	if len(hs) < 2 || len(vs) < 2 {
		return nil
	}
	var xv, yv []float64
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, h := range hs {
		yv = append(yv, h.Y0)
		minX, maxX = fmin(minX, h.X0), fmax(maxX, h.X1)
	}
	for _, v := range vs {
		xv = append(xv, v.X0)
		minY, maxY = fmin(minY, v.Y0), fmax(maxY, v.Y1)
	}
	xs := pdfCluster(append(xv, minX, maxX))
	ys := pdfCluster(append(yv, minY, maxY))
	for i, j := 0, len(ys)-1; i < j; i, j = i+1, j-1 {
		ys[i], ys[j] = ys[j], ys[i] // top to bottom
	}
	t := &pdfTable{xs: xs, ys: ys}
	rows, cols := t.rows(), t.cols()
	if rows < 1 || cols < 2 || rows*cols > pdfMaxTableCells {
		return nil
	}
	// The rules at each border position.
	vAt := make([][]pdftext.Segment, len(xs))
	for _, v := range vs {
		if k := pdfNearest(xs, v.X0); k >= 0 {
			vAt[k] = append(vAt[k], v)
		}
	}
	hAt := make([][]pdftext.Segment, len(ys))
	for _, h := range hs {
		if k := pdfNearest(ys, h.Y0); k >= 0 {
			hAt[k] = append(hAt[k], h)
		}
	}
	covers := func(ss []pdftext.Segment, at float64, vertical bool) bool {
		for _, s := range ss {
			from, to := s.X0, s.X1
			if vertical {
				from, to = s.Y0, s.Y1
			}
			if at >= from-0.5 && at <= to+0.5 {
				return true
			}
		}
		return false
	}
	uf := newPDFUnionFind(rows * cols)
	for i := range rows {
		ym := (t.ys[i] + t.ys[i+1]) / 2
		for j := range cols {
			xm := (t.xs[j] + t.xs[j+1]) / 2
			if j+1 < cols && !covers(vAt[j+1], ym, true) {
				uf.union(i*cols+j, i*cols+j+1)
			}
			if i+1 < rows && !covers(hAt[i+1], xm, false) {
				uf.union(i*cols+j, (i+1)*cols+j)
			}
		}
	}
	t.root = make([]int, rows*cols)
	distinct := 0 // cells: fine cells that are their own root
	for k := range t.root {
		t.root[k] = uf.find(k)
		if t.root[k] == k {
			distinct++
		}
	}
	if rows == 1 && distinct >= 2 {
		t.oneRow = true // the last row of a table, alone on its page?
		return t
	}
	if distinct < 4 {
		return nil // a frame, or a box with a rule through it
	}
	return t
}

// TestFindTablesMatchesReference finds the tables of every page of the
// PDF fixtures, and of random rules (grids, pieces, NaNs), by
// pdfFindTables and findTablesRef.
func TestFindTablesMatchesReference(t *testing.T) {
	var cases [][]pdftext.Segment
	names, _ := filepath.Glob("../../testdata/reports/*.pdf")
	more, _ := filepath.Glob("pdftext/testdata/*.pdf")
	for _, name := range append(names, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if pd, err := pdftext.Read(data, pdfLimits); err == nil {
			for _, p := range pd.Pages {
				cases = append(cases, p.Segments)
			}
		}
	}
	r := rand.New(rand.NewPCG(9, 10))
	values := []float64{0, 10, 20, 30, 40, 50, 21, 39.5, math.NaN(), math.Inf(1)}
	for range 2000 {
		segs := make([]pdftext.Segment, r.IntN(40))
		for i := range segs {
			a, b, c := values[r.IntN(len(values))], values[r.IntN(len(values))], values[r.IntN(len(values))]
			if r.IntN(2) == 0 {
				segs[i] = pdftext.Segment{X0: min(a, b), Y0: c, X1: max(a, b), Y1: c}
			} else {
				segs[i] = pdftext.Segment{X0: c, Y0: min(a, b), X1: c, Y1: max(a, b)}
			}
		}
		cases = append(cases, segs)
	}
	tables := 0
	sc := new(pdfTableScratch) // reused, as the layouter does, with what the case before left in it
	for n, segs := range cases {
		budget := pdfMaxRuleWork
		got, want := pdfFindTables(segs, &budget, sc), findTablesRef(segs)
		if len(got) != len(want) {
			t.Fatalf("case %d: %d tables, reference %d", n, len(got), len(want))
		}
		for k := range got {
			// Printed, so that NaNs compare equal.
			if g, w := fmt.Sprintf("%+v", *got[k]), fmt.Sprintf("%+v", *want[k]); g != w {
				t.Fatalf("case %d table %d:\n%s\nreference\n%s", n, k, g, w)
			}
		}
		tables += len(got)
	}
	if tables < 50 {
		t.Fatalf("%d tables found, want 50 or more", tables)
	}
	t.Logf("%d tables", tables)
}

// TestClusterInfinities clusters positions with infinities and NaNs
// among them (a rule drawn under a CTM scaled past the float range): a
// cluster of its own each, where pdfCluster once stood still.
func TestClusterInfinities(t *testing.T) {
	got := pdfCluster([]float64{math.Inf(1), 3, math.NaN(), 1, math.Inf(-1), math.Inf(1)})
	want := "[NaN -Inf 2 +Inf +Inf]"
	if fmt.Sprint(got) != want {
		t.Errorf("clusters %v, want %s", got, want)
	}
}
