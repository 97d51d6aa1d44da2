package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk"
	"xxgk/compare"
	"xxgk/export/xlsx"
	"xxgk/rollup"
)

// compareFixtures is compare/testdata, the reports a comparison needs
// besides the samples.
const compareFixtures = "../../compare/testdata"

// xxgkJSON runs xxgk with args and decodes what it prints.
func xxgkJSON(t *testing.T, v any, args ...string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), append([]string{"xxgk"}, args...), nil, &stdout, &stderr); err != nil {
		t.Fatalf("xxgk %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), v); err != nil {
		t.Fatalf("xxgk %s: %v", strings.Join(args, " "), err)
	}
}

// End to end: the rows of xxgk compare --json hold, for last and this
// year, exactly what xxgk parse --json reads from each report, and a
// value one report lacks is null, with no change.
func TestCompareRowsAreParsedValues(t *testing.T) {
	for _, pair := range [][2]string{
		{filepath.Join(reportsDir, "pingtan-2012-zone.txt"), filepath.Join(reportsDir, "pingtan-2013-zone.txt")},
		{filepath.Join(reportsDir, "pingtan-2025-zone-w3m.txt"), filepath.Join(compareFixtures, "pingtan-2026-w3m.txt")},
		{filepath.Join(compareFixtures, "gyz-2020.txt"), filepath.Join(compareFixtures, "jtj-2021.txt")},
	} {
		t.Run(filepath.Base(pair[0]), func(t *testing.T) {
			var last, this xxgk.Report
			xxgkJSON(t, &last, "parse", "--json", pair[0])
			xxgkJSON(t, &this, "parse", "--json", pair[1])
			var c struct {
				Rows        []map[string]json.RawMessage
				NotCompared []map[string]json.RawMessage `json:"not_compared"`
			}
			xxgkJSON(t, &c, "compare", "--force", "--json", "-", pair[0], pair[1])
			lookup := func(r *xxgk.Report, key string) (xxgk.Value, bool) {
				if v, ok := r.Figures[key]; ok {
					return v, true
				}
				v, ok := r.Cells[key]
				return v, ok
			}
			n := 0
			for _, row := range append(c.Rows, c.NotCompared...) {
				var key, lastKey string
				json.Unmarshal(row["key"], &key)
				json.Unmarshal(row["last_key"], &lastKey)
				if lastKey == "" {
					lastKey = key
				}
				for _, side := range []struct {
					name string
					r    *xxgk.Report
					key  string
				}{{"last", &last, lastKey}, {"this", &this, key}} {
					got := string(row[side.name])
					v, ok := lookup(side.r, side.key)
					switch {
					case ok && got != v.Value.String():
						t.Errorf("%s: %s %s, parse reads %s", key, side.name, got, v.Value)
					case !ok && got != "null":
						t.Errorf("%s: %s %s, parse reads none", key, side.name, got)
					}
				}
				if (string(row["last"]) == "null" || string(row["this"]) == "null") && string(row["change"]) != "null" {
					t.Errorf("%s: change %s from a year without a value", key, row["change"])
				}
				n++
			}
			if want := len(last.Figures) + len(last.Cells); n < want {
				t.Errorf("%d rows for %d values of last year", n, want)
			}
		})
	}
}

// TestCompareLibreOffice opens the comparison workbooks with LibreOffice
// (XXGK_REQUIRE_SOFFICE=1): every 增减 it recalculates equals the change
// xxgk wrote, on every sheet.
func TestCompareLibreOffice(t *testing.T) {
	bin := soffice(t)
	profile := loProfile(t)
	dir := t.TempDir()
	read := func(path string) *xxgk.Report {
		t.Helper()
		r, err := (&inputs{}).parse(path)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	roll := func(paths ...string) compare.RollupSide {
		var rs []*xxgk.Report
		for _, p := range paths {
			rs = append(rs, read(filepath.Join(reportsDir, p)))
		}
		return compare.RollupSide{Source: paths[0], Year: rollup.Roll(rs, rollup.Options{}).Years[0]}
	}
	comparisons := map[string]*compare.Comparison{
		"carry": compare.Reports(read(filepath.Join(reportsDir, "pingtan-2025-zone-w3m.txt")),
			read(filepath.Join(compareFixtures, "pingtan-2026-unchanged-w3m.txt"))),
		"forms": compare.Reports(read(filepath.Join(compareFixtures, "gyz-2020.txt")), read(filepath.Join(compareFixtures, "jtj-2021.txt"))),
		"rollup": compare.Rollups("平潭", roll("pingtan-2012-zone.txt", "pingtan-2012-county.txt"),
			roll("pingtan-2013-zone.txt", "pingtan-2013-county.txt")),
	}
	for name, c := range comparisons {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := xlsx.WriteComparison(&buf, c, xlsx.Options{}); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(dir, name+".xlsx")
			if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, name+"-csv")
			convert(t, bin, profile, csvAllSheets, file, out)
			compareCSV(t, buf.Bytes(), out, name)
		})
	}
}
