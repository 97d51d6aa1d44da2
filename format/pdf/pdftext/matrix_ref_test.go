package pdftext

import (
	"math"
	"math/rand/v2"
	"testing"
)

// refMul is mul as it was, taking and returning matrices by value.
func (m matrix) refMul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// TestMulMatchesReference multiplies matrices of ordinary and special
// values (signed zeros, infinities, NaN) with mul, into a third matrix
// and in place of either operand, and with refMul: the same bits, but
// for NaNs, whose sign and payload the compiler's order of operands may
// change and nothing reads.
func TestMulMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	values := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 12, -3.25, 1e300, -1e-300, math.Inf(1), math.Inf(-1), math.NaN()}
	random := func() matrix {
		var m matrix
		for i := range m {
			if r.IntN(3) == 0 {
				m[i] = r.NormFloat64() * 100
			} else {
				m[i] = values[r.IntN(len(values))]
			}
		}
		return m
	}
	same := func(a, b matrix) bool {
		for i := range a {
			if math.Float64bits(a[i]) != math.Float64bits(b[i]) && !(math.IsNaN(a[i]) && math.IsNaN(b[i])) {
				return false
			}
		}
		return true
	}
	for range 100_000 {
		m, n := random(), random()
		want := m.refMul(n)
		var got matrix
		got.mul(&m, &n)
		intoM, intoN := m, n
		intoM.mul(&intoM, &n)
		intoN.mul(&m, &intoN)
		if !same(got, want) || !same(intoM, want) || !same(intoN, want) {
			t.Fatalf("%v × %v: %v, in place %v and %v; reference %v", m, n, got, intoM, intoN, want)
		}
	}
}

// TestHypotMatchesMath compares hypot with math.Hypot on pairs of
// ordinary and special values, zeros of both signs among them: the same
// bits, but for NaNs.
func TestHypotMatchesMath(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), 1, -1, 3, -4, 0.1, -1e-310, 1e308, -1e308, math.Inf(1), math.Inf(-1), math.NaN()}
	for _, x := range values {
		for _, y := range values {
			got, want := hypot(x, y), math.Hypot(x, y)
			if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Errorf("hypot(%v, %v) = %v, math.Hypot %v", x, y, got, want)
			}
		}
	}
}
