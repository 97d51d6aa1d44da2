package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"xxgk/internal/testutil"
	"xxgk/load"
	"xxgk/rollup"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/export/xlsx"
	"xxgk/internal/samples"
	"xxgk/templates"
	"xxgk/workbook"
)

var fixedTime = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

func parseSample(t *testing.T, name string) *xxgk.Report {
	t.Helper()
	return samples.Parse(t, name)
}

func reportsWorkbook(t *testing.T, reports ...*xxgk.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.WriteReports(&buf, reports, xlsx.Options{Created: fixedTime}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rollupWorkbook is the roll-up workbook of reports, in one group.
func rollupWorkbook(t *testing.T, reports ...*xxgk.Report) []byte {
	t.Helper()
	groups := map[string]string{}
	for _, r := range reports {
		groups[r.Agency] = "样例组"
	}
	var buf bytes.Buffer
	ru := rollup.Roll(reports, rollup.Options{Name: "样例", Groups: groups})
	if err := xlsx.WriteRollup(&buf, ru, xlsx.Options{Created: fixedTime}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func templateWorkbook(t *testing.T, form string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.WriteTemplate(&buf, form, xlsx.Options{Created: fixedTime}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func checkMethodForm(t *testing.T, r *xxgk.Report) {
	t.Helper()
	for k, v := range r.Cells {
		if v.Method != xxgk.MethodForm {
			t.Errorf("cell %s: method %q, want form", k, v.Method)
		}
	}
	for k, v := range r.Figures {
		if v.Method == xxgk.MethodTable {
			t.Errorf("figure %s: method table, want form", k)
		}
	}
}

// TestWorkbookRoundTrip writes parsed reports as workbooks and reads them
// back: the same cells and figures, read from a form.
func TestWorkbookRoundTrip(t *testing.T) {
	for _, name := range []string{"seed-002.txt", "pingtan-2025-zone-html.html"} {
		t.Run(name, func(t *testing.T) {
			orig := parseSample(t, name)
			wb := reportsWorkbook(t, orig)
			back, err := load.Report("back.xlsx", wb)
			if err != nil {
				t.Fatal(err)
			}
			// Every value read names the sheet and cell it was typed in,
			// and that cell holds it.
			f, err := excelize.OpenReader(bytes.NewReader(wb))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range []map[string]xxgk.Value{back.Cells, back.Figures} {
				for k, v := range m {
					if v.Method == xxgk.MethodDerived {
						continue // a sum of cells, in no cell
					}
					got, err := f.GetCellValue(v.Sheet, v.Cell)
					if err != nil || got != v.Value.String() {
						t.Errorf("%s = %s read from %s!%s, which holds %q (%v)", k, v.Value, v.Sheet, v.Cell, got, err)
					}
				}
			}
			if back.Form != orig.Form || back.Agency != orig.Agency || back.Year != orig.Year {
				t.Errorf("form, agency, year = %s %q %d, want %s %q %d", back.Form, back.Agency, back.Year, orig.Form, orig.Agency, orig.Year)
			}
			if back.Source.Kind != "xlsx" {
				t.Errorf("source kind %q, want xlsx", back.Source.Kind)
			}
			testutil.CompareValues(t, "cell", back.Cells, orig.Cells)
			testutil.CompareValues(t, "figure", back.Figures, orig.Figures)
			checkMethodForm(t, back)
		})
	}
}

// formFill is a form to fill, and the report whose cells give the numbers.
type formFill struct {
	form   string
	sample string
}

var formFills = []formFill{
	{"gov_2021", "pingtan-2025-zone-html.html"},
	{"stat_2014", "seed-002.txt"},
	{"gov_2019", "pingtan-2025-zone-html.html"}, // the rows both forms have
}

// fillValues returns the numbers to type into form: the sample's cells,
// renamed to form where the sample has another form with the same cell.
func fillValues(t *testing.T, ff formFill) map[string]xxgk.Number {
	t.Helper()
	r := parseSample(t, ff.sample)
	out := map[string]xxgk.Number{}
	for k, v := range r.Cells {
		if v.Blank {
			continue
		}
		rest, ok := strings.CutPrefix(k, r.Form+".")
		if !ok {
			t.Fatalf("cell %s of %s", k, r.Form)
		}
		// 2019 has one 其他处理 row where 2021 has three: type their sum,
		// so the typed table balances as the report's did.
		if ff.form == "gov_2019" && strings.HasPrefix(rest, "t3_requests.other_") {
			col := rest[strings.LastIndex(rest, ".")+1:]
			k := ff.form + ".t3_requests.other_handling." + col
			out[k] = out[k].Add(v.Value)
			continue
		}
		out[ff.form+"."+rest] = v.Value
	}
	return out
}

// sheetGrid is a sheet as a person sees it: text, and for every position
// of a merged range the range's top-left cell.
type sheetGrid struct {
	text    [][]string
	origin  map[[2]int][2]int
	formula map[[2]int]bool
}

func readSheetGrid(t *testing.T, f *excelize.File, sheet string) *sheetGrid {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	g := &sheetGrid{text: rows, origin: map[[2]int][2]int{}, formula: map[[2]int]bool{}}
	merges, err := f.GetMergeCells(sheet, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range merges {
		c0, r0, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		for r := r0 - 1; r < r1; r++ {
			for c := c0 - 1; c < c1; c++ {
				g.origin[[2]int{r, c}] = [2]int{r0 - 1, c0 - 1}
			}
		}
	}
	for r, row := range rows {
		for c := range row {
			axis, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if fm, _ := f.GetCellFormula(sheet, axis); fm != "" {
				g.formula[[2]int{r, c}] = true
			}
		}
	}
	return g
}

// unlabelledRow finds the data row of a table without row labels: the
// first row below a header row that names the first data column, whose
// first n cells hold no text.
func unlabelledRow(grids map[string]*sheetGrid, sheets []string, si, ri int, firstCol string, n int) (int, int) {
	for s := si; s < len(sheets); s++ {
		g := grids[sheets[s]]
		start := 0
		if s == si {
			start = ri
		}
		header := false
		for r := start; r < len(g.text)+1; r++ {
			empty := true
			for c := 0; c < n; c++ {
				v := g.at(r, c)
				if _, err := strconv.ParseFloat(v, 64); v != "" && err != nil && !g.formula[g.originOf(r, c)] {
					empty = false
				}
				if g.originOf(r, c)[0] != r {
					empty = false // part of a header cell spanning down
				}
			}
			if header && empty {
				return s, r
			}
			for c := 0; c < n; c++ {
				if strings.Contains(g.at(r, c), firstCol) {
					header = true
				}
			}
		}
	}
	return -1, -1
}

func (g *sheetGrid) at(r, c int) string {
	if o, ok := g.origin[[2]int{r, c}]; ok {
		r, c = o[0], o[1]
	}
	if r < len(g.text) && c < len(g.text[r]) {
		return g.text[r][c]
	}
	return ""
}

func (g *sheetGrid) originOf(r, c int) [2]int {
	if o, ok := g.origin[[2]int{r, c}]; ok {
		return o
	}
	return [2]int{r, c}
}

// inputCell is where a person types one cell of the form.
type inputCell struct {
	sheet   string
	axis    string
	formula bool
}

// locateInputs finds, like a person filling the form, the cell for every
// data cell of the form: the tables' rows by their printed labels in order,
// and in each row the cells right of the label, in the form's column
// order, skipping text such as units.
func locateInputs(t *testing.T, f *excelize.File, form *templates.Form) map[string]inputCell {
	t.Helper()
	sheets := f.GetSheetList()
	grids := map[string]*sheetGrid{}
	for _, s := range sheets {
		grids[s] = readSheetGrid(t, f, s)
	}
	out := map[string]inputCell{}
	si, ri := 0, 0 // the search goes on from here
	for _, tab := range form.Tables {
		cols := tab.DataColumns()
		for _, row := range tab.DataRows() {
			if row.Pattern().Unlabelled {
				s, r := unlabelledRow(grids, sheets, si, ri, cols[0].Label, len(cols))
				if s < 0 {
					t.Fatalf("%s: the data row of table %s not found in the template", form.ID, tab.ID)
				}
				g := grids[sheets[s]]
				for i, col := range cols {
					axis, _ := excelize.CoordinatesToCellName(i+1, r+1)
					out[tab.CellKey(row.Key, col.Key)] = inputCell{sheet: sheets[s], axis: axis, formula: g.formula[[2]int{r, i}]}
				}
				si, ri = s, r+1
				continue
			}
			found := false
			for s := si; s < len(sheets) && !found; s++ {
				g := grids[sheets[s]]
				start := 0
				if s == si {
					start = ri
				}
				for r := start; r < len(g.text) && !found; r++ {
					for c := 0; c < len(g.text[r]) && !found; c++ {
						o := g.originOf(r, c)
						if o != [2]int{r, c} && o[0] != r {
							continue // a label spanning down from an earlier row
						}
						text := g.at(r, c)
						if text == "" || !row.Pattern().Match(strings.Join(strings.Fields(text), "")) {
							continue
						}
						// Data cells: right of the label's extent.
						cc := c
						for cc+1 < len(g.text[r])+64 && g.originOf(r, cc+1) == o {
							cc++
						}
						var cells []inputCell
						for x := cc + 1; len(cells) < len(cols) && x < cc+1+len(cols)+4; x++ {
							v := g.at(r, x)
							isFormula := g.formula[g.originOf(r, x)]
							if v != "" && !isFormula {
								if _, err := strconv.ParseFloat(v, 64); err != nil {
									continue // a unit or note
								}
							}
							axis, _ := excelize.CoordinatesToCellName(x+1, r+1)
							cells = append(cells, inputCell{sheet: sheets[s], axis: axis, formula: isFormula})
						}
						if len(cells) != len(cols) {
							t.Fatalf("%s: row %q on sheet %s row %d: %d input cells, want %d", form.ID, row.Label, sheets[s], r+1, len(cells), len(cols))
						}
						for i, col := range cols {
							out[tab.CellKey(row.Key, col.Key)] = cells[i]
						}
						found = true
						si, ri = s, r+1
					}
				}
			}
			if !found {
				t.Fatalf("%s: row %q of table %s not found in the template", form.ID, row.Label, tab.ID)
			}
		}
	}
	return out
}

// fillTemplate types the values into the template's input cells, as a
// person would, and saves it. With recalc, every formula's cached value is
// computed (as a spreadsheet program does on saving); without, formulas
// keep what the template had and only a program that recalculates gets
// the totals right.
func fillTemplate(t *testing.T, tmpl []byte, formID string, values map[string]xxgk.Number, recalc bool) ([]byte, map[string]xxgk.Number) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(tmpl))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	form := templates.FormByID(formID)
	inputs := locateInputs(t, f, form)
	typed := map[string]xxgk.Number{}
	for k, v := range values {
		in, ok := inputs[k]
		if !ok || in.formula {
			continue
		}
		n, err := strconv.ParseFloat(v.String(), 64)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellValue(in.sheet, in.axis, n); err != nil {
			t.Fatal(err)
		}
		typed[k] = v
	}
	if len(typed) < 10 {
		t.Fatalf("%s: only %d values typed", formID, len(typed))
	}
	if recalc {
		for _, in := range inputs {
			if !in.formula {
				continue
			}
			fm, err := f.GetCellFormula(in.sheet, in.axis)
			if err != nil {
				t.Fatal(err)
			}
			v, err := f.CalcCellValue(in.sheet, in.axis, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatalf("%s!%s: %v", in.sheet, in.axis, err)
			}
			n, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("%s!%s = %q: %v", in.sheet, in.axis, v, err)
			}
			if err := f.SetCellValue(in.sheet, in.axis, n); err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellFormula(in.sheet, in.axis, fm); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), typed
}

// checkTyped reports typed values that did not read back.
func checkTyped(t *testing.T, r *xxgk.Report, typed map[string]xxgk.Number) {
	t.Helper()
	bad := 0
	for k, want := range typed {
		got, ok := r.Cells[k]
		switch {
		case !ok:
			t.Errorf("cell %s = %s was not read back", k, want)
		case got.Value.Cmp(want) != 0:
			t.Errorf("cell %s = %s, typed %s", k, got.Value, want)
		default:
			continue
		}
		if bad++; bad > 20 {
			t.Fatal("too many differences")
		}
	}
}

// TestTemplateRoundTrip fills each blank form with numbers and reads them
// back.
func TestTemplateRoundTrip(t *testing.T) {
	for _, ff := range formFills {
		t.Run(ff.form, func(t *testing.T) {
			data, typed := fillTemplate(t, templateWorkbook(t, ff.form), ff.form, fillValues(t, ff), true)
			r, err := load.Report("filled.xlsx", data)
			if err != nil {
				t.Fatal(err)
			}
			if r.Form != ff.form {
				t.Errorf("form %s, want %s", r.Form, ff.form)
			}
			checkTyped(t, r, typed)
			checkMethodForm(t, r)
		})
	}
}

// --- LibreOffice -----------------------------------------------------------

// soffice returns the LibreOffice command, or skips the test; with
// XXGK_REQUIRE_SOFFICE=1 (as in CI) its absence fails the test.
func soffice(t *testing.T) string {
	t.Helper()
	return testutil.RealClient(t, "XXGK_REQUIRE_SOFFICE", "soffice")
}

// loProfile makes a private LibreOffice profile that recalculates every
// formula when it loads an xlsx file, so cached values prove nothing.
func loProfile(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	user := filepath.Join(dir, "user")
	if err := os.MkdirAll(user, 0o755); err != nil {
		t.Fatal(err)
	}
	const xcu = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
	if err := os.WriteFile(filepath.Join(user, "registrymodifications.xcu"), []byte(xcu), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(dir)
}

// convert runs soffice --convert-to on file, into outDir, within 120 s.
func convert(t *testing.T, bin, profile, to, file, outDir string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", to, "--outdir", outDir, file)
	cmd.WaitDelay = 5 * time.Second
	cmd.Stdin = nil
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("soffice --convert-to %s %s: timed out after %v\n%s", to, filepath.Base(file), time.Since(start).Round(time.Second), out)
	}
	if err != nil {
		t.Fatalf("soffice --convert-to %s %s: %v\n%s", to, filepath.Base(file), err, out)
	}
	t.Logf("soffice converted %s to %s in %v", filepath.Base(file), strings.SplitN(to, ":", 2)[0], time.Since(start).Round(time.Millisecond))
}

// csvAllSheets is the filter that writes every sheet (-1) as UTF-8 CSV,
// values unformatted.
const csvAllSheets = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1`

// TestLibreOffice opens xxgk's workbooks with LibreOffice: every sheet of
// every workbook converts, every value LibreOffice computes (it
// recalculates all formulas) equals what xxgk wrote, and a filled template
// saved again by LibreOffice reads back with the same numbers.
func TestLibreOffice(t *testing.T) {
	bin := soffice(t)
	if out, err := exec.Command(bin, "--version").Output(); err == nil {
		t.Logf("%s", bytes.TrimSpace(out))
	}
	profile := loProfile(t)
	dir := t.TempDir()

	filled, _ := fillTemplate(t, templateWorkbook(t, "gov_2021"), "gov_2021", fillValues(t, formFills[0]), true)
	books := map[string][]byte{
		"seed.xlsx":    reportsWorkbook(t, parseSample(t, "seed-002.txt")),
		"pingtan.xlsx": reportsWorkbook(t, parseSample(t, "pingtan-2025-zone-html.html")),
		"both.xlsx":    reportsWorkbook(t, parseSample(t, "seed-002.txt"), parseSample(t, "pingtan-2025-zone-html.html")),
		"filled.xlsx":  filled,
		// 汇总, 各单位 (SUM, COUNT, SUMIF rows) and the per-agency sheets.
		"rollup.xlsx": rollupWorkbook(t, parseSample(t, "pingtan-2025-zone-html.html"), parseSample(t, "page-08.txt"),
			parseSample(t, "seed-002.txt"), parseSample(t, "seed-000.txt")),
		"blank.xlsx": templateWorkbook(t, "stat_2014"),
	}
	names := make([]string, 0, len(books))
	for n := range books {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run("csv/"+name, func(t *testing.T) {
			file := filepath.Join(dir, name)
			if err := os.WriteFile(file, books[name], 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, strings.TrimSuffix(name, ".xlsx")+"-csv")
			convert(t, bin, profile, csvAllSheets, file, out)
			compareCSV(t, books[name], out, strings.TrimSuffix(name, ".xlsx"))
		})
	}

	// A template filled without recalculating, saved by LibreOffice: the
	// totals are LibreOffice's, and the workbook reads back.
	t.Run("resave", func(t *testing.T) {
		for _, ff := range formFills {
			data, typed := fillTemplate(t, templateWorkbook(t, ff.form), ff.form, fillValues(t, ff), false)
			in := filepath.Join(dir, "typed-"+ff.form+".xlsx")
			if err := os.WriteFile(in, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "resaved")
			convert(t, bin, profile, "xlsx", in, out)
			saved, err := os.ReadFile(filepath.Join(out, filepath.Base(in)))
			if err != nil {
				t.Fatal(err)
			}
			r, err := load.Report("resaved.xlsx", saved)
			if err != nil {
				t.Fatalf("%s: %v", ff.form, err)
			}
			if r.Form != ff.form {
				t.Errorf("%s: form %s after LibreOffice saved it", ff.form, r.Form)
			}
			checkTyped(t, r, typed)
			checkMethodForm(t, r)
			// The totals LibreOffice computed agree with the parts.
			for _, f := range r.Findings {
				if f.Severity == xxgk.SeverityError {
					t.Errorf("%s: finding after LibreOffice saved it: %s", ff.form, f.Message)
				}
			}
		}
	})

	// A template filled as a clerk fills it (the agency beside its label
	// or after it, a bare year, numbers as text, in full-width digits and
	// with a thousands separator), saved by LibreOffice, which computes
	// the totals without the text: it reads back with its agency, its
	// year and every value.
	t.Run("clerk", func(t *testing.T) {
		for _, way := range []string{"beside", "after"} {
			data, typed, asText := clerkFill(t, "gov_2021", way, false)
			in := filepath.Join(dir, "clerk-"+way+".xlsx")
			if err := os.WriteFile(in, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "clerk")
			convert(t, bin, profile, "xlsx", in, out)
			saved, err := os.ReadFile(filepath.Join(out, filepath.Base(in)))
			if err != nil {
				t.Fatal(err)
			}
			r, err := load.Report("clerk.xlsx", saved)
			if err != nil {
				t.Fatalf("%s: %v", way, err)
			}
			checkClerk(t, r, typed, asText)
		}
	})

	// A roll-up of 340 agencies: at most 20 sheets, which LibreOffice
	// opens and computes as xxgk did; 表三's 明细 has a row per agency.
	t.Run("rollup340", func(t *testing.T) {
		base := parseSample(t, "pingtan-2025-zone-html.html")
		reports := make([]*xxgk.Report, 340)
		for i := range reports {
			c := *base
			c.Agency, c.Source.Path, c.Source.SHA256 = fmt.Sprintf("第%03d单位", i+1), fmt.Sprintf("%03d.html", i+1), ""
			reports[i] = &c
		}
		book := rollupWorkbook(t, reports...)
		f, err := excelize.OpenReader(bytes.NewReader(book))
		if err != nil {
			t.Fatal(err)
		}
		sheets := f.GetSheetList()
		f.Close()
		if len(sheets) > 20 {
			t.Errorf("%d sheets", len(sheets))
		}
		file := filepath.Join(dir, "rollup340.xlsx")
		if err := os.WriteFile(file, book, 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "rollup340-csv")
		convert(t, bin, profile, csvAllSheets, file, out)
		compareCSV(t, book, out, "rollup340")
		data, err := os.ReadFile(filepath.Join(out, "rollup340-2025年明细 表三.csv"))
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(data), ",第"); n != 340 {
			t.Errorf("明细 表三 as LibreOffice reads it: %d agency rows, want 340", n)
		}
	})
}

// compareCSV checks every sheet's CSV against the workbook: each value
// LibreOffice shows equals the value xxgk stored (for formulas, the cached
// result, so every total xxgk wrote is the one LibreOffice computes).
func compareCSV(t *testing.T, book []byte, dir, stem string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	formulas, cells := 0, 0
	for _, sheet := range f.GetSheetList() {
		path := filepath.Join(dir, stem+"-"+sheet+".csv")
		data, err := os.ReadFile(path)
		if err != nil {
			entries, _ := os.ReadDir(dir)
			var have []string
			for _, e := range entries {
				have = append(have, e.Name())
			}
			t.Fatalf("sheet %s: no CSV %s (have %v)", sheet, filepath.Base(path), have)
		}
		// An empty row is an empty line, which encoding/csv skips: make it
		// a row of one empty field, so the rows below keep their numbers.
		lines := strings.Split(string(data), "\n")
		for i, l := range lines {
			if strings.TrimRight(l, "\r") == "" && i < len(lines)-1 {
				lines[i] = `""`
			}
		}
		cr := csv.NewReader(strings.NewReader(strings.Join(lines, "\n")))
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		got, err := cr.ReadAll()
		if err != nil {
			t.Fatalf("sheet %s: CSV: %v", sheet, err)
		}
		want, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r := 0; r < max(len(got), len(want)); r++ {
			for c := 0; c < max(rowLen(got, r), rowLen(want, r)); c++ {
				g, w := cellAt(got, r, c), cellAt(want, r, c)
				axis, _ := excelize.CoordinatesToCellName(c+1, r+1)
				isFormula := false
				if fm, _ := f.GetCellFormula(sheet, axis); fm != "" {
					isFormula = true
					formulas++
				}
				if w != "" {
					cells++
				}
				if !sameCell(g, w) {
					kind := "value"
					if isFormula {
						kind = "formula result"
					}
					t.Errorf("sheet %s %s: LibreOffice %s %q, xxgk wrote %q", sheet, axis, kind, g, w)
				}
			}
		}
	}
	t.Logf("%s: %d sheets, %d cells, %d formulas agree", stem, len(f.GetSheetList()), cells, formulas)
}

func rowLen(rows [][]string, r int) int {
	if r < len(rows) {
		return len(rows[r])
	}
	return 0
}

func cellAt(rows [][]string, r, c int) string {
	if r < len(rows) && c < len(rows[r]) {
		return rows[r][c]
	}
	return ""
}

// sameCell compares a CSV field with a stored value: numbers by value,
// text exactly (line breaks as LibreOffice writes them).
func sameCell(got, want string) bool {
	if got == want {
		return true
	}
	g, err1 := strconv.ParseFloat(got, 64)
	w, err2 := strconv.ParseFloat(want, 64)
	if err1 == nil && err2 == nil {
		return g == w || (w != 0 && abs(g-w)/abs(w) < 1e-12)
	}
	return strings.ReplaceAll(got, "\r\n", "\n") == strings.ReplaceAll(want, "\r\n", "\n")
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// --- A template filled as a clerk fills it ----------------------------------

const (
	clerkAgency = "福清市自然资源和规划局"
	clerkYear   = 2024
)

// fullWidth writes the digits of s in full width: ２０.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r - '0' + '０'
		}
		return r
	}, s)
}

// clerkFill fills the template of form as a clerk does: the values of
// fillValues, most as numbers, three as text (20 typed in a cell formatted
// as text, ２０ in full-width digits, 1,234 with a thousands separator),
// and the agency and the year by way (see clerkWays). With recalc, the
// formulas are computed as a spreadsheet computes them, skipping text.
// It returns the workbook, every value typed, and the cells typed as text.
func clerkFill(t *testing.T, form string, way string, recalc bool) ([]byte, map[string]xxgk.Number, []string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(templateWorkbook(t, form)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ff := formFills[0]
	for _, x := range formFills {
		if x.form == form {
			ff = x
		}
	}
	values := fillValues(t, ff)
	inputs := locateInputs(t, f, templates.FormByID(form))
	var keys []string
	for k := range values {
		if in, ok := inputs[k]; ok && !in.formula {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	typed := map[string]xxgk.Number{}
	var asText []string
	for i, k := range keys {
		in, v := inputs[k], values[k]
		var err error
		switch i {
		case 1: // a cell formatted as text
			err = f.SetCellStr(in.sheet, in.axis, v.String())
		case 2:
			err = f.SetCellStr(in.sheet, in.axis, fullWidth(v.String()))
		case 3:
			v = xxgk.Int(1234)
			err = f.SetCellStr(in.sheet, in.axis, "1,234")
		default:
			n, _ := strconv.ParseFloat(v.String(), 64)
			err = f.SetCellValue(in.sheet, in.axis, n)
		}
		if err != nil {
			t.Fatal(err)
		}
		if i >= 1 && i <= 3 {
			asText = append(asText, in.axis)
		}
		typed[k] = v
	}
	sheets := f.GetSheetList()
	switch way {
	case "beside": // the new template: once, beside the labels of 填表说明
		must(t, f.SetCellStr(workbook.InstructionsSheet, "B3", clerkAgency))
		must(t, f.SetCellInt(workbook.InstructionsSheet, "B4", clerkYear)) // a bare year
	case "after": // after the label, in its own cell, as on older templates
		must(t, f.SetCellStr(sheets[1], "A2", "填报单位："+clerkAgency))
		rows, _ := f.GetRows(sheets[1])
		for c, text := range rows[1] {
			if strings.HasPrefix(text, "报告年度") {
				axis, _ := excelize.CoordinatesToCellName(c+1, 2)
				must(t, f.SetCellStr(sheets[1], axis, "报告年度：二〇二四年"))
			}
		}
	}
	if recalc {
		// As Excel computes the totals: SUM skips the numbers stored as text.
		for _, in := range inputs {
			if !in.formula {
				continue
			}
			fm, _ := f.GetCellFormula(in.sheet, in.axis)
			v, err := f.CalcCellValue(in.sheet, in.axis, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			n, _ := strconv.ParseFloat(v, 64)
			must(t, f.SetCellValue(in.sheet, in.axis, n))
			must(t, f.SetCellFormula(in.sheet, in.axis, fm))
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), typed, asText
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// checkClerk checks a clerk's filled template as read back: the agency,
// the year, every value, the cells typed as text named in an info finding,
// and no error: the totals agree with what was typed.
func checkClerk(t *testing.T, r *xxgk.Report, typed map[string]xxgk.Number, asText []string) {
	t.Helper()
	if r.Agency != clerkAgency || r.Year != clerkYear {
		t.Errorf("agency %q year %d, want %s %d", r.Agency, r.Year, clerkAgency, clerkYear)
	}
	checkTyped(t, r, typed)
	checkMethodForm(t, r)
	named := false
	for _, f := range r.Findings {
		if f.Rule == xxgk.RuleFormNumberText {
			named = true
			for _, axis := range asText {
				if !strings.Contains(f.Message, axis) {
					t.Errorf("finding does not name %s: %s", axis, f.Message)
				}
			}
		}
		if f.Severity == xxgk.SeverityError {
			t.Errorf("error finding: %s", f.Message)
		}
	}
	if !named {
		t.Errorf("no finding names the cells typed as text; findings %+v", r.Findings)
	}
}

// TestTemplateClerk: a template filled as a clerk fills it reads back
// with its agency, its year and every value.
func TestTemplateClerk(t *testing.T) {
	for _, form := range []string{"gov_2021", "stat_2014"} {
		for _, way := range []string{"beside", "after"} {
			t.Run(form+"/"+way, func(t *testing.T) {
				data, typed, asText := clerkFill(t, form, way, true)
				r, err := load.Report("clerk.xlsx", data)
				if err != nil {
					t.Fatal(err)
				}
				checkClerk(t, r, typed, asText)
			})
		}
	}
}

// TestTemplateNotANumber: a cell holding words (约20, 二十) is a finding
// naming the cell, is not read (not as 0), and the rest of its row is.
func TestTemplateNotANumber(t *testing.T) {
	data, typed, _ := clerkFill(t, "gov_2021", "beside", true)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	const sheet = "表三 依申请公开情况"
	must(t, f.SetCellStr(sheet, "E7", "约20"))
	must(t, f.SetCellStr(sheet, "F7", "二十"))
	var buf bytes.Buffer
	must(t, f.Write(&buf))
	r, err := load.Report("words.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"gov_2021.t3_requests.new_received.commercial_enterprise", "gov_2021.t3_requests.new_received.research_institution"} {
		if v, ok := r.Cells[k]; ok {
			t.Errorf("%s read as %s from words", k, v.Value)
		}
		delete(typed, k)
	}
	checkTyped(t, r, typed) // the rest of the row, and the table, are read
	n := 0
	for _, fd := range r.Findings {
		if fd.Rule == xxgk.RuleFormNotNumber {
			n++
			if !strings.Contains(fd.Message, sheet) || !strings.Contains(fd.Message, "E7") && !strings.Contains(fd.Message, "F7") {
				t.Errorf("finding does not name the cell: %s", fd.Message)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d findings on cells of words, want 2: %+v", n, r.Findings)
	}
}

// TestRollupFilledTemplates: a roll-up of filled templates lists the
// agencies the clerks typed, and works with a roster.
func TestRollupFilledTemplates(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	must(t, os.MkdirAll(in, 0o755))
	for i, agency := range []string{clerkAgency, "福清市财政局"} {
		data, _, _ := clerkFill(t, "gov_2021", "beside", true)
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		must(t, f.SetCellStr(workbook.InstructionsSheet, "B3", agency))
		must(t, f.SaveAs(filepath.Join(in, fmt.Sprintf("%d.xlsx", i))))
		f.Close()
	}
	// A template nobody filled is no report.
	must(t, os.WriteFile(filepath.Join(in, "blank.xlsx"), templateWorkbook(t, "gov_2021"), 0o644))
	roster := filepath.Join(dir, "名单.csv")
	must(t, os.WriteFile(roster, []byte("福清市财政局\n自然资源和规划局\n福清市教育局\n"), 0o644))
	var stdout bytes.Buffer
	if err := run(context.Background(), []string{"xxgk", "rollup", "--roster", roster, "--json", filepath.Join(dir, "r.json"), in}, nil, &stdout, io.Discard); err != nil {
		t.Fatalf("%v\n%s", err, stdout.String())
	}
	for _, want := range []string{
		"非年度报告 1 份（未计入汇总）", "blank.xlsx：空白统计表",
		"2024年：已报送 2 / 应报送 3 个单位（2021年格式 2）", "  未报送（1 个）：福清市教育局\n",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout.String())
		}
	}
}
