package parse_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"

	"xxgk"
	"xxgk/load"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/reports")

// repoRoot is the module root seen from this package's directory; report
// paths are given relative to it, as a user at the root would type them.
const repoRoot = ".."

const reportsDir = "testdata/reports"

const goldenSuffix = ".golden.json"

// reportFiles lists the bundled sample reports (every file of
// testdata/reports but the README and the goldens) as slash paths relative to
// the repository root, in directory order.
func reportFiles(tb testing.TB) []string {
	tb.Helper()
	entries, err := os.ReadDir(filepath.Join(repoRoot, reportsDir))
	if err != nil {
		tb.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || name == "README.md" || strings.HasSuffix(name, goldenSuffix) {
			continue
		}
		files = append(files, path.Join(reportsDir, name))
	}
	if len(files) == 0 {
		tb.Fatalf("no reports in %s", reportsDir)
	}
	return files
}

func readReport(tb testing.TB, rel string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(rel)))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// goldenPath maps x.txt to x.golden.json and x-html.html to
// x-html.golden.json.
func goldenPath(rel string) string {
	return strings.TrimSuffix(rel, path.Ext(rel)) + goldenSuffix
}

// marshal is the JSON of xxgk parse --json for one report.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// TestGolden parses every sample report and compares its JSON with the
// golden file beside it. go test ./parse -run Golden -update rewrites them.
func TestGolden(t *testing.T) {
	for _, rel := range reportFiles(t) {
		t.Run(path.Base(rel), func(t *testing.T) {
			r, err := load.Report(rel, readReport(t, rel))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got, err := marshal(r)
			if err != nil {
				t.Fatalf("marshal: %v", err)
			}
			golden := filepath.Join(repoRoot, filepath.FromSlash(goldenPath(rel)))
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./parse -run Golden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run go test ./parse -run Golden -update to accept):\n%s",
					rel, goldenPath(rel), firstLines(diff.Diff(goldenPath(rel), want, "parse "+rel, got), 40))
			}
		})
	}
}

// firstLines keeps the first n lines of a diff, so one changed rule does not
// print thousands of lines.
func firstLines(d []byte, n int) string {
	lines := strings.SplitAfter(string(d), "\n")
	if len(lines) <= n {
		return string(d)
	}
	return strings.Join(lines[:n], "") + "… (diff cut after " + strconv.Itoa(n) + " lines)\n"
}

// encodingTwins pairs each re-encoded sample with its UTF-8 original.
var encodingTwins = []struct{ copy, orig string }{
	{"testdata/reports/seed-002-gbk.txt", "testdata/reports/seed-002.txt"},
	{"testdata/reports/pingtan-2025-zone-gbk.html", "testdata/reports/pingtan-2025-zone-html.html"},
}

// TestEncodingTwins checks that a GB18030 copy reads to the same report as
// its UTF-8 twin, apart from the source path, digest and encoding.
func TestEncodingTwins(t *testing.T) {
	for _, tw := range encodingTwins {
		t.Run(path.Base(tw.copy), func(t *testing.T) {
			gbk := readReport(t, tw.copy)
			utf := readReport(t, tw.orig)
			if bytes.Equal(gbk, utf) {
				t.Fatalf("%s is byte for byte %s: not re-encoded", tw.copy, tw.orig)
			}
			rc, err := load.Report(tw.copy, gbk)
			if err != nil {
				t.Fatalf("Parse %s: %v", tw.copy, err)
			}
			ro, err := load.Report(tw.orig, utf)
			if err != nil {
				t.Fatalf("Parse %s: %v", tw.orig, err)
			}
			if rc.Source.Encoding != "" && rc.Source.Encoding == ro.Source.Encoding {
				t.Errorf("both read as %q; want the copy read as GB18030", rc.Source.Encoding)
			}
			got, want := sansSource(t, rc), sansSource(t, ro)
			if !bytes.Equal(got, want) {
				t.Errorf("%s and %s read differently:\n%s", tw.copy, tw.orig,
					firstLines(diff.Diff(tw.orig, want, tw.copy, got), 40))
			}
		})
	}
}

// sansSource is the report's JSON with source.path, source.sha256 and
// source.encoding blanked.
func sansSource(t *testing.T, r *xxgk.Report) []byte {
	t.Helper()
	c := *r
	c.Source.Path, c.Source.SHA256, c.Source.Encoding = "", "", ""
	b, err := marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
