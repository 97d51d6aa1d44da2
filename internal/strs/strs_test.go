package strs

import (
	"slices"
	"testing"
)

func TestStrs(t *testing.T) {
	if !ContainsAny("本年度主动公开", []string{"依申请", "主动"}) || ContainsAny("abc", []string{"x", "y"}) || ContainsAny("abc", nil) {
		t.Error("ContainsAny")
	}
	if got := slices.Collect(Indexes("aXbXXc", "X")); !slices.Equal(got, []int{1, 3, 4}) {
		t.Errorf("Indexes = %v", got)
	}
	if got := slices.Collect(Indexes("aaaa", "aa")); !slices.Equal(got, []int{0, 2}) {
		t.Errorf("Indexes of overlapping = %v", got)
	}
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{{"一二三四", 2, "一二"}, {"ab", 5, "ab"}, {"一二", 0, ""}} {
		if got := FirstRunes(tc.s, tc.n); got != tc.want {
			t.Errorf("FirstRunes(%q, %d) = %q", tc.s, tc.n, got)
		}
	}
}
