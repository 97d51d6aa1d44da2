package main

import (
	"context"
	"io"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk/internal/testutil"
	"xxgk/templates"
)

// catalogueIDs are the names xxgk gives to data for scripts: every rule id
// of the catalogue and the forms' identities, every figure key and every
// cell key (whole, and without its form). None may reach text a person
// reads, where the Chinese name stands instead.
func catalogueIDs() map[string]bool {
	ids := map[string]bool{}
	for _, r := range templates.Rules() {
		ids[r.ID] = true
	}
	for _, f := range templates.Figures {
		ids[f.Key] = true
	}
	for _, f := range templates.Forms() {
		for _, t := range f.Tables {
			for _, r := range t.DataRows() {
				for _, c := range t.DataColumns() {
					k := t.CellKey(r.Key, c.Key)
					ids[k] = true
					ids[strings.TrimPrefix(k, f.ID+".")] = true
				}
			}
		}
	}
	return ids
}

// idToken is a run of the characters ids are made of: an id is found only
// as a whole token, so a file name such as seed-002.txt names none.
var idToken = regexp.MustCompile(`[A-Za-z0-9_.]+`)

// leakedIDs returns the catalogue ids text holds.
func leakedIDs(ids map[string]bool, text string) []string {
	var out []string
	for _, tok := range idToken.FindAllString(text, -1) {
		tok = strings.Trim(tok, ".")
		if ids[tok] {
			out = append(out, tok)
		}
	}
	return out
}

// visibleOutputs writes, for the bundled samples, the workbooks and PDFs
// of xxgk xlsx, rollup and compare, and returns their paths.
func visibleOutputs(t *testing.T) (workbooks, pdfs []string) {
	t.Helper()
	dir := t.TempDir()
	reports := []string{"pingtan-2025-zone-html.html", "pingtan-2025-zone-lo.pdf", "seed-002.txt",
		"official-2019.txt", "pingtan-2012-county.txt", "unbalanced-2025-html.html", "pingtan-dept-czj-2019.txt"}
	runs := [][]string{
		{"compare", "--xlsx", filepath.Join(dir, "对比.xlsx"), "--pdf", filepath.Join(dir, "对比.pdf"),
			"../../compare/testdata/czj-2019.txt", filepath.Join(reportsDir, "pingtan-dept-czj-2019.txt")},
		{"compare", "--force", "--xlsx", filepath.Join(dir, "对比2.xlsx"), "--pdf", filepath.Join(dir, "对比2.pdf"),
			filepath.Join(reportsDir, "pingtan-2025-zone-w3m.txt"), "../../compare/testdata/pingtan-2026-w3m.txt"},
	}
	// The roll-up: every form, several years (历年趋势), a duplicate, a
	// letter that is no report, findings of every kind.
	ru := []string{"rollup", "--name", "样例", "--xlsx", filepath.Join(dir, "汇总.xlsx"), "--pdf", filepath.Join(dir, "汇总.pdf")}
	for _, r := range append(reports, "pingtan-2025-zone-w3m.txt", "pingtan-2014-letter.txt", "pingtan-2014-zone.txt",
		"pingtan-dept-gaj-2024.txt", "pingtan-dept-jtj-2021.txt", "seed-004-trad.txt", "pingtan-2013-zone-html.html") {
		ru = append(ru, filepath.Join(reportsDir, r))
	}
	runs = append(runs, ru)
	for i, r := range reports {
		x := filepath.Join(dir, "r"+string(rune('a'+i))+".xlsx")
		p := filepath.Join(dir, "r"+string(rune('a'+i))+".pdf")
		runs = append(runs, []string{"xlsx", "-o", x, filepath.Join(reportsDir, r)}, []string{"pdf", "-o", p, filepath.Join(reportsDir, r)})
	}
	for _, args := range runs {
		err := run(context.Background(), append([]string{"xxgk"}, args...), nil, io.Discard, io.Discard)
		if err != nil && args[0] != "rollup" {
			t.Fatalf("xxgk %s: %v", strings.Join(args, " "), err)
		}
		for _, a := range args {
			switch filepath.Ext(a) {
			case ".xlsx":
				workbooks = append(workbooks, a)
			case ".pdf":
				if strings.HasPrefix(a, dir) {
					pdfs = append(pdfs, a)
				}
			}
		}
	}
	return workbooks, pdfs
}

// TestWorkbooksNamesNoIDs reads every cell and comment of every sheet of
// the workbooks of xxgk xlsx, rollup and compare for the bundled samples:
// no rule id, figure key or cell key may be in them, only Chinese names.
func TestWorkbooksNamesNoIDs(t *testing.T) {
	ids := catalogueIDs()
	workbooks, _ := visibleOutputs(t)
	seen := 0
	for _, path := range workbooks {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		leaks := map[string]string{}
		var all strings.Builder // every text of the workbook
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for ri, row := range rows {
				for ci, text := range row {
					seen++
					all.WriteString(text + "\n")
					for _, id := range leakedIDs(ids, text) {
						ref, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
						leaks[id] = sheet + "!" + ref + ": " + text
					}
				}
			}
			comments, err := f.GetComments(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range comments {
				text := c.Text
				for _, p := range c.Paragraph {
					text += p.Text
				}
				all.WriteString(text + "\n")
				for _, id := range leakedIDs(ids, text) {
					leaks[id] = sheet + "!" + c.Cell + " (批注): " + text
				}
			}
		}
		f.Close()
		reportLeaks(t, filepath.Base(path), leaks)
		// The places people read: the page of a PDF's values, a web
		// page's tables and sections, never its one long line.
		for _, w := range wantPlaces[filepath.Base(path)] {
			if strings.HasPrefix(w, "!") {
				if strings.Contains(all.String(), w[1:]) {
					t.Errorf("%s shows %q", filepath.Base(path), w[1:])
				}
			} else if !strings.Contains(all.String(), w) {
				t.Errorf("%s does not show %q", filepath.Base(path), w)
			}
		}
	}
	if seen < 1000 {
		t.Errorf("only %d cells read: are the workbooks empty?", seen)
	}
}

// TestPopplerNamesNoIDs reads the text of the PDFs of xxgk pdf, rollup and
// compare for the bundled samples with pdftotext: no rule id, figure key
// or cell key may be in it. Skipped without poppler-utils unless
// XXGK_REQUIRE_POPPLER=1 (as in CI).
func TestPopplerNamesNoIDs(t *testing.T) {
	bin := testutil.RealClient(t, "XXGK_REQUIRE_POPPLER", "pdftotext")
	ids := catalogueIDs()
	_, pdfs := visibleOutputs(t)
	for _, path := range pdfs {
		text, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", path, err)
		}
		leaks := map[string]string{}
		for _, line := range strings.Split(string(text), "\n") {
			for _, id := range leakedIDs(ids, line) {
				leaks[id] = line
			}
		}
		reportLeaks(t, filepath.Base(path), leaks)
	}
}

// wantPlaces are texts the workbooks of visibleOutputs show (or, after !,
// must not show): ra is the web page, rb the PDF of the same report.
var wantPlaces = map[string][]string{
	"ra.xlsx": {"!第349行", "正文 · 一、总体情况 › （一）主动公开方面：“2025年，通过实验区政府门户网站累计主动公开政府信息7700余条",
		"表格合计 · 表三 （三）不予公开各项之和 · 总计", "来源：表格 · 表三 （三）不予公开 › 5.属于三类内部事务信息 · 自然人"},
	"rb.xlsx": {"正文 · 第2页 · 一、总体情况 › （一）主动公开方面：“2025年，", "来源：表格 · 第4页 · 表三 （三）不予公开 › 5.属于三类内部事务信息 · 自然人"},
}

func reportLeaks(t *testing.T, file string, leaks map[string]string) {
	t.Helper()
	var keys []string
	for k := range leaks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Errorf("%s: %s shown to people, at %s", file, k, leaks[k])
	}
}
