package xxgk

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
)

// Number is an exact decimal: Units / 10^Scale. Reports print amounts such as
// 4166.241619 万元, and roll-ups add thousands of them; binary floating point
// would drift, so sums are done on integers.
type Number struct {
	units int64
	scale uint8 // digits after the decimal point, at most maxScale
}

const maxScale = 12

// ErrNumber is returned for text that is not a plain decimal number.
var ErrNumber = errors.New("not a number")

// Int returns the integer n.
func Int(n int64) Number { return Number{units: n} }

// ParseNumber reads a plain decimal: optional sign, digits, optional
// fraction. Thousands separators (",") are accepted between digit groups.
func ParseNumber(s string) (Number, error) {
	t := strings.ReplaceAll(s, ",", "")
	if t == "" {
		return Number{}, fmt.Errorf("%q: %w", s, ErrNumber)
	}
	neg := false
	switch t[0] {
	case '-':
		neg, t = true, t[1:]
	case '+':
		t = t[1:]
	}
	intPart, frac, hasDot := strings.Cut(t, ".")
	if intPart == "" || (hasDot && frac == "") || len(frac) > maxScale {
		return Number{}, fmt.Errorf("%q: %w", s, ErrNumber)
	}
	for _, part := range []string{intPart, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return Number{}, fmt.Errorf("%q: %w", s, ErrNumber)
			}
		}
	}
	u, err := strconv.ParseInt(intPart+frac, 10, 64)
	if err != nil {
		return Number{}, fmt.Errorf("%q: %w", s, ErrNumber)
	}
	if neg {
		u = -u
	}
	return Number{units: u, scale: uint8(len(frac))}.normal(), nil
}

// MustNumber is ParseNumber for constants in tests and tables.
func MustNumber(s string) Number {
	n, err := ParseNumber(s)
	if err != nil {
		panic(err)
	}
	return n
}

// normal drops trailing fractional zeros so that equal values compare equal.
func (n Number) normal() Number {
	for n.scale > 0 && n.units%10 == 0 {
		n.units /= 10
		n.scale--
	}
	return n
}

func pow10(k uint8) int64 {
	p := int64(1)
	for i := uint8(0); i < k; i++ {
		p *= 10
	}
	return p
}

func mulChecked(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	hi, lo := bits.Mul64(uint64(abs(a)), uint64(abs(b)))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	r := int64(lo)
	if (a < 0) != (b < 0) {
		r = -r
	}
	return r, true
}

func abs(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// align returns both units at the larger scale.
func align(a, b Number) (int64, int64, uint8, bool) {
	s := max(a.scale, b.scale)
	x, ok1 := mulChecked(a.units, pow10(s-a.scale))
	y, ok2 := mulChecked(b.units, pow10(s-b.scale))
	return x, y, s, ok1 && ok2
}

// Add returns n+m. It panics on overflow beyond ±9.2e18 units, which no
// report comes near; a silent wrap would be a wrong number. Sums of many
// inputs use CheckedAdd.
func (n Number) Add(m Number) Number {
	sum, ok := n.CheckedAdd(m)
	if !ok {
		panic("xxgk: Number overflow")
	}
	return sum
}

// CheckedAdd returns n+m, and false if that is beyond ±9.2e18 units.
func (n Number) CheckedAdd(m Number) (Number, bool) {
	x, y, s, ok := align(n, m)
	sum := x + y
	if !ok || (x > 0 && y > 0 && sum < 0) || (x < 0 && y < 0 && sum >= 0) {
		return Number{}, false
	}
	return Number{units: sum, scale: s}.normal(), true
}

// Sub returns n-m.
func (n Number) Sub(m Number) Number {
	d, ok := n.CheckedSub(m)
	if !ok {
		panic("xxgk: Number overflow")
	}
	return d
}

// CheckedSub returns n-m, and false if that is beyond ±9.2e18 units.
func (n Number) CheckedSub(m Number) (Number, bool) {
	if m.units == math.MinInt64 { // its negation is not an int64
		return Number{}, false
	}
	return n.CheckedAdd(Number{units: -m.units, scale: m.scale})
}

// Cmp compares n and m: -1, 0 or +1.
func (n Number) Cmp(m Number) int {
	x, y, _, ok := align(n, m)
	if !ok {
		return cmp.Compare(n.Float64(), m.Float64())
	}
	return cmp.Compare(x, y)
}

// Equal reports whether n == m.
func (n Number) Equal(m Number) bool { return n.Cmp(m) == 0 }

// Sign returns -1, 0 or +1.
func (n Number) Sign() int { return cmp.Compare(n.units, 0) }

// IsInt reports whether n has no fractional part.
func (n Number) IsInt() bool { return n.normal().scale == 0 }

// Int64 returns the integer part of n.
func (n Number) Int64() int64 { return n.units / pow10(n.scale) }

// Float64 returns n as a float, for display and charts only.
func (n Number) Float64() float64 {
	return float64(n.units) / float64(pow10(n.scale))
}

// Shift returns n × 10^k (k may be negative), e.g. 万元 → 元 with k = 4.
// It panics where the result is beyond what a Number holds; values read
// from a file use CheckedShift.
func (n Number) Shift(k int) Number {
	m, ok := n.CheckedShift(k)
	if !ok {
		panic("xxgk: Number overflow")
	}
	return m
}

// CheckedShift returns n × 10^k, and false if that is beyond ±9.2e18 units
// or more than the decimals a Number keeps.
func (n Number) CheckedShift(k int) (Number, bool) {
	for ; k > 0; k-- {
		if n.scale > 0 {
			n.scale--
			continue
		}
		u, ok := mulChecked(n.units, 10)
		if !ok {
			return Number{}, false
		}
		n.units = u
	}
	for ; k < 0; k++ {
		if n.scale >= maxScale {
			return Number{}, false
		}
		n.scale++
	}
	return n.normal(), true
}

// String formats n as a plain decimal, e.g. "4166.241619" or "-185".
func (n Number) String() string {
	n = n.normal()
	if n.scale == 0 {
		return strconv.FormatInt(n.units, 10)
	}
	neg := n.units < 0
	digits := strconv.FormatInt(abs(n.units), 10)
	if len(digits) <= int(n.scale) {
		digits = strings.Repeat("0", int(n.scale)-len(digits)+1) + digits
	}
	cut := len(digits) - int(n.scale)
	s := digits[:cut] + "." + digits[cut:]
	if neg {
		s = "-" + s
	}
	return s
}

// MarshalJSON writes n as a JSON number with exactly its decimal digits.
func (n Number) MarshalJSON() ([]byte, error) { return []byte(n.String()), nil }

// UnmarshalJSON reads a JSON number.
func (n *Number) UnmarshalJSON(b []byte) error {
	s := string(b)
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return err
		}
		s = strconv.FormatFloat(f, 'f', -1, 64)
	}
	v, err := ParseNumber(s)
	if err != nil {
		return err
	}
	*n = v
	return nil
}
