package pdftext

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestWidthTableMatchesMap puts and gets widths in a widthTable and in
// the map[int]float64 it replaces: codes about both ends of the slice,
// negative and huge ones, overwrites, and NaN, zero and negative widths.
func TestWidthTableMatchesMap(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	codes := []int{0, 1, 63, 64, 65, 255, 256, 257, 511, 512, denseWidths - 1, denseWidths, denseWidths + 1, -1, -64, math.MaxInt, math.MinInt, math.MaxInt32, math.MinInt32}
	code := func() int {
		switch r.IntN(3) {
		case 0:
			return codes[r.IntN(len(codes))]
		case 1:
			return r.IntN(300)
		}
		return r.IntN(2*denseWidths) - 100
	}
	widths := []float64{0, 500, -3, 1000.5, math.NaN(), math.Inf(1)}
	for round := range 200 {
		var tab widthTable
		ref := map[int]float64{}
		for range r.IntN(600) {
			c, w := code(), widths[r.IntN(len(widths))]
			tab.put(c, w)
			ref[c] = w
		}
		check := func(c int) {
			got, ok := tab.get(c)
			want, wantOK := ref[c]
			if ok != wantOK || math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("round %d: get(%d) = %v, %v; the map has %v, %v", round, c, got, ok, want, wantOK)
			}
		}
		for c := -70; c < 600; c++ {
			check(c)
		}
		for _, c := range codes {
			check(c)
		}
		for range 500 {
			check(code())
		}
	}
}
