package table

import (
	"strings"
	"testing"

	"xxgk"
)

// refReadNumber is readNumber as classify read a piece's number before:
// xxgk.ParseNumber, and validGrouping.
func refReadNumber(t string) (xxgk.Number, bool) {
	n, err := xxgk.ParseNumber(t)
	if err != nil || !validGrouping(t) {
		return xxgk.Number{}, false
	}
	return n, true
}

func checkReadNumber(t *testing.T, s string) {
	t.Helper()
	n, ok := readNumber(s)
	wn, wok := refReadNumber(s)
	if n != wn || ok != wok {
		t.Errorf("readNumber(%q) = %v, %v; ParseNumber and validGrouping give %v, %v", s, n, ok, wn, wok)
	}
}

// TestReadNumberMatchesReference holds readNumber to the reference on
// digits of every length around an int64's (the fast path takes up to
// 18), signs, zeros, decimals and commas.
func TestReadNumberMatchesReference(t *testing.T) {
	cases := []string{
		"", "-", "--", "+", "+5", "0", "-0", "00", "-00", "007", "5", "-5", "12", "2000002",
		"15130000154", "0000000", "1.5", "-1.50", "1.", ".5", "1,234", "1,23", "12,345,678",
		",123", "1,234.5", "1-2", "５", "1 2", "1e3", "-+1", "+-1", "9223372036854775807",
		"-9223372036854775808", "9223372036854775808", "-9223372036854775809",
	}
	for n := 1; n <= 21; n++ {
		for _, d := range "0159" {
			s := strings.Repeat(string(d), n)
			cases = append(cases, s, "-"+s, "1"+s[1:], "-1"+s[1:])
		}
	}
	for _, s := range cases {
		checkReadNumber(t, s)
	}
}

func FuzzReadNumber(f *testing.F) {
	for _, s := range []string{"0", "-12", "2000002", "1,234.5", "999999999999999999", "-9223372036854775808", "1.2.3"} {
		f.Add(s)
	}
	f.Fuzz(checkReadNumber)
}
