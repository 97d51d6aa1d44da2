package main

import (
	"xxgk"
	"xxgk/format"

	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk/internal/testutil"
	"xxgk/load"
	"xxgk/rollup"
)

// TestRollupEqualsSums rolls up every bundled sample report (the seeds and
// the corpus copies) and checks each year's totals against sums computed
// here from the individually parsed reports: value, count and coverage.
func TestRollupEqualsSums(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.json")
	if err := run(context.Background(), []string{"xxgk", "rollup", "--json", out, reportsDir}, nil, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var ru rollup.Rollup
	if err := json.Unmarshal(b, &ru); err != nil {
		t.Fatal(err)
	}

	// The same walk, parse and dedupe, done plainly.
	type want struct {
		agencies int
		figures  map[string]rollup.Total
		cells    map[string]rollup.Total
		forms    map[string]int
	}
	years := map[int]*want{}
	seen := map[string]bool{}
	files := 0
	var notReports []string
	err = filepath.WalkDir(reportsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !format.HasExtension(p) {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		r, err := load.Report(p, data)
		if err != nil {
			return nil // listed as unreadable; checked below
		}
		files++
		if slices.ContainsFunc(r.Findings, func(f xxgk.Finding) bool { return f.Rule == xxgk.RuleNotReport }) {
			notReports = append(notReports, p) // a notice or a letter: counted nowhere
			return nil
		}
		key := fmt.Sprint(r.Year, "|", strings.Join(strings.Fields(r.Agency), ""))
		if r.Agency != "" && seen[key] {
			return nil
		}
		seen[key] = true
		w := years[r.Year]
		if w == nil {
			w = &want{figures: map[string]rollup.Total{}, cells: map[string]rollup.Total{}, forms: map[string]int{}}
			years[r.Year] = w
		}
		w.agencies++
		w.forms[r.Form]++
		for k, v := range r.Figures {
			tot := w.figures[k]
			tot.Value, tot.Count, tot.Approx = tot.Value.Add(v.Value), tot.Count+1, tot.Approx || v.Approx
			w.figures[k] = tot
		}
		for k, v := range r.Cells {
			tot := w.cells[k]
			tot.Value, tot.Count, tot.Approx = tot.Value.Add(v.Value), tot.Count+1, tot.Approx || v.Approx
			w.cells[k] = tot
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 40 || len(years) < 8 {
		t.Fatalf("only %d reports over %d years: the sample set is not what this test expects", files, len(years))
	}
	if len(ru.Years) != len(years) {
		t.Errorf("%d year sections, want %d", len(ru.Years), len(years))
	}
	var gotNot []string
	for _, nr := range ru.NotReports {
		gotNot = append(gotNot, nr.Path)
	}
	if !slices.Equal(gotNot, notReports) || len(notReports) < 5 {
		t.Errorf("not reports %q, want %q", gotNot, notReports)
	}
	// The 2019 section counts the reports of 2019, not the national
	// notice's blank forms (official-2019*).
	for _, y := range ru.Years {
		for _, a := range y.Agencies {
			if y.Year == 2019 && strings.Contains(a.Path, "official-") {
				t.Errorf("2019 counts %s, a blank form of the national notice", a.Path)
			}
		}
	}
	for _, y := range ru.Years {
		w := years[y.Year]
		if w == nil {
			t.Errorf("unexpected year %d", y.Year)
			continue
		}
		if len(y.Agencies) != w.agencies {
			t.Errorf("%d: %d agencies, want %d", y.Year, len(y.Agencies), w.agencies)
		}
		if len(y.Figures) != len(w.figures) || len(y.Cells) != len(w.cells) {
			t.Errorf("%d: %d figures and %d cells, want %d and %d", y.Year, len(y.Figures), len(y.Cells), len(w.figures), len(w.cells))
		}
		for k, tot := range w.figures {
			got := y.Figures[k]
			if !got.Value.Equal(tot.Value) || got.Count != tot.Count || got.Of != w.agencies || got.Approx != tot.Approx {
				t.Errorf("%d %s = %+v, want %s (%d/%d, approx %v)", y.Year, k, got, tot.Value, tot.Count, w.agencies, tot.Approx)
			}
		}
		for k, tot := range w.cells {
			form, _, _ := strings.Cut(k, ".")
			got := y.Cells[k]
			if !got.Value.Equal(tot.Value) || got.Count != tot.Count || got.Of != w.forms[form] {
				t.Errorf("%d %s = %+v, want %s (%d/%d)", y.Year, k, got, tot.Value, tot.Count, w.forms[form])
			}
		}
	}
}

// TestRollupCorpusDistinct checks the benchmark's corpus: every copy reads
// with its own agency, so none is dropped as a duplicate.
func TestRollupCorpusDistinct(t *testing.T) {
	dir := t.TempDir()
	names, _, _ := benchSources(t)
	n := 2 * len(names)
	makeRollupCorpus(t, dir, n)
	var stdout bytes.Buffer
	if err := run(context.Background(), []string{"xxgk", "rollup", "--json", "-", dir}, nil, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	var ru rollup.Rollup
	if err := json.Unmarshal(stdout.Bytes(), &ru); err != nil {
		t.Fatal(err)
	}
	agencies := len(ru.NotReports) // each copy of a notice is read, and listed apart
	for _, y := range ru.Years {
		agencies += len(y.Agencies)
	}
	for _, f := range ru.Findings {
		if f.Rule == xxgk.RuleRollupDuplicate {
			t.Errorf("duplicate: %s %s", f.Path, f.Message)
		}
	}
	if agencies != n {
		t.Errorf("%d agencies rolled up, want %d", agencies, n)
	}
}

// TestRollupOrderFree: two copies of one agency's report that disagree,
// given in either order (and among other reports in any order), give the
// same roll-up, byte for byte, and it says which copy it used.
func TestRollupOrderFree(t *testing.T) {
	dir := t.TempDir()
	orig, err := os.ReadFile(filepath.Join(reportsDir, "seed-002.txt"))
	if err != nil {
		t.Fatal(err)
	}
	other := bytes.Replace(orig, []byte("13100"), []byte("13101"), 1)
	if bytes.Equal(other, orig) {
		t.Fatal("seed-002.txt no longer states 13100")
	}
	files := []string{filepath.Join(dir, "b.txt"), filepath.Join(dir, "a.txt"), filepath.Join(reportsDir, "seed-000.txt")}
	for i, data := range [][]byte{orig, other} {
		if err := os.WriteFile(files[i], data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var first string
	for _, order := range [][]int{{0, 1, 2}, {1, 0, 2}, {2, 1, 0}, {2, 0, 1}} {
		args := []string{"xxgk", "rollup", "--json", "-"}
		for _, i := range order {
			args = append(args, files[i])
		}
		var stdout bytes.Buffer
		if err := run(context.Background(), args, nil, &stdout, io.Discard); err != nil {
			t.Fatal(err)
		}
		if first == "" {
			first = stdout.String()
			if !strings.Contains(first, "只计一次（采用 ") {
				t.Errorf("the roll-up does not say which copy it used")
			}
			continue
		}
		if stdout.String() != first {
			t.Fatalf("order %v gives another roll-up", order)
		}
	}
}

// rosterCorpus writes 50 reports of towns (copies of a sample, each with
// its own name) and a roster of 53 towns, three of which sent nothing:
// 第二十一镇, 第三十五镇 and 第五十二镇, in roster order.
func rosterCorpus(t *testing.T) (dir, roster string, missing []string) {
	t.Helper()
	dir = t.TempDir()
	data, err := os.ReadFile(filepath.Join(reportsDir, "page-08.txt"))
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i := 1; i <= 53; i++ {
		town := "第" + chineseCount(i) + "镇"
		group := []string{"北片", "南片"}[i%2]
		lines = append(lines, "海城市"+town+","+group)
		if i == 21 || i == 35 || i == 52 {
			missing = append(missing, "海城市"+town)
			continue
		}
		// The report names the town without its city, as towns do.
		b := bytes.ReplaceAll(data, []byte("海城市西四镇"), []byte(town))
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("%02d.txt", i)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	roster = filepath.Join(dir, "名单.csv")
	if err := os.WriteFile(roster, []byte("单位名称,分组\n"+strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, roster, missing
}

// chineseCount writes 1 to 99 in Chinese numerals: 一, 十二, 二十一.
func chineseCount(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return d[n]
	case n < 20:
		return "十" + d[n%10]
	}
	return d[n/10] + "十" + d[n%10]
}

// TestRollupRoster50: 50 reports and a roster of 53: the 3 missing towns
// are listed in the console, the JSON's missing and the workbook's
// 未报送 sheet (the PDF's: TestPopplerRollupRoster and export/pdf).
func TestRollupRoster50(t *testing.T) {
	dir, roster, missing := rosterCorpus(t)
	book, js := filepath.Join(dir, "汇总.xlsx"), filepath.Join(dir, "汇总.json")
	var stdout, stderr bytes.Buffer
	args := []string{"xxgk", "rollup", "--roster", roster, "--xlsx", book, "--json", js, filepath.Join(dir, "in")}
	if err := run(context.Background(), args, nil, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if want := "2025年：已报送 50 / 应报送 53 个单位（2021年格式 50）\n  未报送（3 个）：" + strings.Join(missing, "、") + "\n"; !strings.Contains(stdout.String(), want) {
		t.Errorf("console lacks %q:\n%s", want, stdout.String())
	}
	b, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	var ru rollup.Rollup
	if err := json.Unmarshal(b, &ru); err != nil {
		t.Fatal(err)
	}
	if y := ru.Years[0]; !slices.Equal(y.Missing, missing) || y.Expected != 53 || len(y.Agencies) != 50 || len(y.OutsideRoster) != 0 {
		t.Errorf("JSON: missing %q expected %d agencies %d outside %d", y.Missing, y.Expected, len(y.Agencies), len(y.OutsideRoster))
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("2025年未报送")
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, r := range rows {
		if len(r) > 1 && slices.Contains(missing, r[1]) {
			listed = append(listed, r[1])
		}
	}
	if !slices.Equal(listed, missing) {
		t.Errorf("未报送 sheet lists %q, want %q", listed, missing)
	}
}

// TestPopplerRollupRoster: the PDF of the roll-up of TestRollupRoster50
// names the 3 missing towns (pdftotext; skipped without poppler unless
// XXGK_REQUIRE_POPPLER=1).
func TestPopplerRollupRoster(t *testing.T) {
	bin := testutil.RealClient(t, "XXGK_REQUIRE_POPPLER", "pdftotext")
	dir, roster, missing := rosterCorpus(t)
	out := filepath.Join(dir, "汇总.pdf")
	if err := run(context.Background(), []string{"xxgk", "rollup", "--roster", roster, "--pdf", out, filepath.Join(dir, "in")}, nil, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command(bin, "-raw", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(strings.Fields(string(text)), "")
	for _, want := range append([]string{"报送情况：已报送50个/应报送53个，未报送3个", "未报送的单位"}, missing...) {
		if !strings.Contains(got, want) {
			t.Errorf("pdftotext output lacks %q", want)
		}
	}
}
