// Package samples gives tests of several packages the bundled sample
// reports of testdata/reports, parsed. (It imports parse, so the tests of
// parse itself cannot use it.)
package samples

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"xxgk/load"

	"xxgk"
)

// Dir is the folder of the sample reports.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "reports")
}

// Parse reads and parses the sample report name, failing the test if it
// cannot. Each call returns a report of its own, free to be changed.
func Parse(tb testing.TB, name string) *xxgk.Report {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(Dir(), name))
	if err != nil {
		tb.Fatal(err)
	}
	r, err := load.Report(name, data)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// Files lists the sample report files of Dir (not the golden files and
// notes beside them), by name.
func Files(tb testing.TB) []string {
	tb.Helper()
	entries, err := os.ReadDir(Dir())
	if err != nil {
		tb.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.Contains(n, ".golden") || filepath.Ext(n) == ".json" || filepath.Ext(n) == ".md" {
			continue
		}
		names = append(names, n)
	}
	return names
}
