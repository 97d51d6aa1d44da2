// Package testutil holds helpers shared by the tests of several packages.
package testutil

import (
	"sort"
	"testing"

	"xxgk"
)

// CompareValues reports, as test errors, the keys missing from got, the
// keys extra in got and the values that differ from want. It stops the
// test after twenty differences.
func CompareValues(t testing.TB, what string, got, want map[string]xxgk.Value) {
	t.Helper()
	var keys []string
	for k := range want {
		keys = append(keys, k)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	bad := 0
	for _, k := range keys {
		g, gok := got[k]
		w, wok := want[k]
		switch {
		case !gok:
			t.Errorf("%s: %s missing (want %s)", what, k, w.Value)
		case !wok:
			t.Errorf("%s: extra %s = %s", what, k, g.Value)
		case g.Value.Cmp(w.Value) != 0:
			t.Errorf("%s: %s = %s, want %s", what, k, g.Value, w.Value)
		default:
			continue
		}
		if bad++; bad > 20 {
			t.Fatalf("%s: too many differences", what)
		}
	}
}
