package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/compare"
	"xxgk/export/layout"
	"xxgk/load"
	"xxgk/rollup"
	"xxgk/templates"
)

// parseCompareFixture reads a report of compare/testdata.
func parseCompareFixture(t *testing.T, name string) *xxgk.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "compare", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	r, err := load.Report(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// carryComparison is 2025 against the 2026 report that does not carry
// 2025's pending requests over: three carry-over errors, a note on 表二.
func carryComparison(t *testing.T) *compare.Comparison {
	return compare.Reports(parseFile(t, "pingtan-2025-zone-w3m.txt"), parseCompareFixture(t, "pingtan-2026-unchanged-w3m.txt"))
}

// drawnPages renders c and returns the text drawn on each page, white
// space removed.
func drawnPages(t *testing.T, c *compare.Comparison) []string {
	t.Helper()
	d := newDoc(Options{}, "test")
	var pages []string
	d.trace = func(s string) {
		for len(pages) < d.f.PageNo() {
			pages = append(pages, "")
		}
		pages[d.f.PageNo()-1] += squeeze(s)
	}
	d.comparison(c)
	if d.f.Err() {
		t.Fatal(d.f.Error())
	}
	return pages
}

func writeComparison(t *testing.T, c *compare.Comparison, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteComparison(&buf, c, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The first page says what was compared and starts the list of every
// figure of both years with its change, which ends before the findings;
// they follow, named in Chinese, with the text of both reports.
func TestComparisonFirstPage(t *testing.T) {
	c := carryComparison(t)
	pages := drawnPages(t, c)
	first := pages[0]
	for _, want := range []string{squeeze(comparisonTitle(c)), "填报单位：平潭综合实验区", "一、主要指标变化", "上年报告：2025年", "本年报告：2026年"} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %q", want)
		}
	}
	// The key figures come first; a long table runs on to the next page.
	all := strings.Join(pages, "")
	keys, _, _ := strings.Cut(all, "二、核查发现")
	for _, r := range c.Rows {
		// A long label wraps in its cell, so its end may follow the values.
		label, values := squeeze(r.Label+"（"+r.Unit+"）"), sideValue(r.Last)+sideValue(r.This)+changeText(&r)
		if r.Kind == compare.KindFigure && !strings.Contains(keys, label+values) &&
			!(strings.Contains(keys, squeeze(r.Label)) && strings.Contains(keys, values+r.Unit+"）")) {
			t.Errorf("the key figures lack the row of %s", r.Label)
		}
	}
	for _, f := range c.Findings {
		if !strings.Contains(all, squeeze(templates.RuleName(f.Rule)+"："+f.Message)) {
			t.Errorf("finding not drawn: %s", f.Message)
		}
		if strings.Contains(all, f.Rule) {
			t.Errorf("rule id %s drawn", f.Rule)
		}
	}
	if !strings.Contains(all, "上年原文（第177行）：结转下年度继续办理") {
		t.Error("last year's evidence not drawn")
	}
}

// comparedTable: every row holding data becomes 上年, 本年 and 增减, each
// cell of the form three times, the row labels over all three.
func TestComparedTable(t *testing.T) {
	c := carryComparison(t)
	rows := map[string]*compare.Row{}
	for i := range c.Rows {
		rows[c.Rows[i].Key] = &c.Rows[i]
	}
	for _, g := range layout.Groups(templates.FormByID("gov_2021")) {
		for _, grid := range g.Tables {
			tb := comparedTable(g.Kind, grid, rows, 2026)
			dataRows := map[int]bool{}
			for _, x := range grid.Cells {
				if x.Kind == layout.Data {
					dataRows[x.Row0] = true
				}
			}
			if want := grid.Rows + 2*len(dataRows); tb.rows != want {
				t.Errorf("%s: %d rows, want %d", grid.Table.ID, tb.rows, want)
			}
			if len(tb.widths) != len(grid.Columns)+1 {
				t.Errorf("%s: %d columns for %d", grid.Table.ID, len(tb.widths), len(grid.Columns))
			}
			// The table covers its grid: no cell drawn twice.
			seen := map[[2]int]bool{}
			for _, x := range tb.cells {
				for r := x.r0; r <= x.r1; r++ {
					for col := x.c0; col <= x.c1; col++ {
						if seen[[2]int{r, col}] {
							t.Fatalf("%s: (%d, %d) drawn twice", grid.Table.ID, r, col)
						}
						seen[[2]int{r, col}] = true
					}
				}
			}
			if len(seen) != tb.rows*len(tb.widths) {
				t.Errorf("%s: %d of %d×%d cells drawn", grid.Table.ID, len(seen), tb.rows, len(tb.widths))
			}
			// A row's three lines stay on one page.
			for r, first := range tb.together {
				if first > r || first < r-2 {
					t.Errorf("%s: row %d kept with %d", grid.Table.ID, r, first)
				}
			}
		}
	}
	// Each year's values, in the table 三 of the PDF.
	all := strings.Join(drawnPages(t, c), "")
	for _, want := range []string{"四、结转下年度继续办理上年4200006本年4200006增减0000000", "二、上年结转政府信息公开申请数量上年0000000本年0000000增减0000000"} {
		if !strings.Contains(all, want) {
			t.Errorf("the tables lack %q", want)
		}
	}
}

// A 2019-form year against a 2021-form year: the cells of one form only
// are listed.
func TestComparisonForms(t *testing.T) {
	c := compare.Reports(parseCompareFixture(t, "gyz-2020.txt"), parseCompareFixture(t, "jtj-2021.txt"))
	all := strings.Join(drawnPages(t, c), "")
	for _, want := range []string{"四、未比较的格", "2020年表二规章／本年新制作数量", "上年报告为2019年格式，本年报告为2021年格式", "两份报告的单位不同"} {
		if !strings.Contains(all, squeeze(want)) {
			t.Errorf("lacks %q", want)
		}
	}
}

// Roll-ups: coverage beside the totals, the agencies side by side.
func TestComparisonRollups(t *testing.T) {
	roll := func(names ...string) *rollup.Year {
		var rs []*xxgk.Report
		for _, n := range names {
			rs = append(rs, parseFile(t, n))
		}
		return rollup.Roll(rs, rollup.Options{}).Years[0]
	}
	c := compare.Rollups("平潭", compare.RollupSide{Source: "2012", Year: roll("pingtan-2012-zone.txt", "pingtan-2012-county.txt")},
		compare.RollupSide{Source: "2013", Year: roll("pingtan-2013-zone.txt")})
	pages := drawnPages(t, c)
	all := strings.Join(pages, "")
	for _, want := range []string{"汇总单位：平潭", "上年填报", "各单位对比", "平潭县人民政府（只有上年）", "单位只在一个年度出现"} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %q", want)
		}
	}
}

// The same comparison and date give the same bytes.
func TestComparisonReproducible(t *testing.T) {
	c := carryComparison(t)
	opt := Options{Created: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	a, b := writeComparison(t, c, opt), writeComparison(t, c, opt)
	if !bytes.Equal(a, b) {
		t.Error("two runs differ")
	}
	if !bytes.HasPrefix(a, []byte("%PDF-")) || len(mediaBoxes(a)) < 3 {
		t.Errorf("not a PDF of several pages")
	}
}

// pdftotext gives back the title, every figure's values and the findings.
func TestPopplerComparison(t *testing.T) {
	c := carryComparison(t)
	text := extract(t, writeComparison(t, c, Options{}))
	want := []string{squeeze(comparisonTitle(c)), "一、主要指标变化", "二、核查发现", "三、统计表对比"}
	for _, r := range c.Rows {
		if r.Kind == compare.KindFigure {
			want = append(want, squeeze(r.Label)+"（"+r.Unit+"）"+sideValue(r.Last)+sideValue(r.This)+changeText(&r))
		}
	}
	for _, f := range c.Findings {
		want = append(want, squeeze(f.Message))
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("extracted text lacks %q", w)
		}
	}
	if info := popplerRun(t, "pdfinfo", writeComparison(t, c, Options{})); !strings.Contains(info, "A4") {
		t.Errorf("pdfinfo: %s", info)
	}
}
