package pdf

import (
	"math"
	"math/rand/v2"
	"testing"

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
		pdfJoinCrossing(hs, vs, got)
		for i := range len(hs) + len(vs) {
			if g, w := got.find(i), want.find(i); g != w {
				t.Fatalf("case %d: rule %d has root %d, every pair gives %d\nhs %v\nvs %v", n, i, g, w, hs, vs)
			}
		}
	}
}
