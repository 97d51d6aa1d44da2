package parse_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"xxgk"
	"xxgk/parse"
	"xxgk/templates"
)

// The table reader is measured on real reports whose cells were read by
// hand: testdata/cells/X.cells holds the cells of testdata/reports/X.txt
// (see testdata/cells/README.md). A read cell must have the expected value;
// the share of printed cells read is the recall, logged with -v:
//
//	go test ./parse -run CellsByHand -v

// handCells are the expected cells of one report.
type handCells struct {
	report string
	form   string
	want   map[string]string // cell key → value; "?" printed but not decided by the report
	// printed counts the cells the report prints ("-" in the file is not printed).
	printed int
}

func readHandCells(t *testing.T, path string) handCells {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stem := strings.TrimSuffix(filepath.Base(path), ".cells")
	hc := handCells{report: filepath.Join(repoRoot, reportsDir, stem+".txt"), want: map[string]string{}}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		switch fields[0] {
		case "form":
			hc.form = fields[1]
			continue
		case "reference":
			// Every cell of the HTML twin is printed, with its value.
			r := parseHand(t, filepath.Join(repoRoot, reportsDir, fields[1]))
			hc.form = r.Form
			for k, v := range r.Cells {
				hc.want[k], hc.printed = v.Value.String(), hc.printed+1
			}
			continue
		}
		form := templates.FormByID(hc.form)
		if form == nil {
			t.Fatalf("%s:%d: no form before the rows", path, line)
		}
		tableID, rowKey, _ := strings.Cut(fields[0], ".")
		tab := form.Table(tableID)
		if tab == nil || tab.Row(rowKey) == nil {
			t.Fatalf("%s:%d: no row %s in %s", path, line, fields[0], hc.form)
		}
		cols := tab.DataColumns()
		if len(fields)-1 != len(cols) {
			t.Fatalf("%s:%d: %d values for %d columns", path, line, len(fields)-1, len(cols))
		}
		for i, c := range cols {
			v := fields[i+1]
			if v == "-" {
				continue
			}
			if v != "?" {
				v = xxgk.MustNumber(v).String()
			}
			hc.want[tab.CellKey(rowKey, c.Key)] = v
			hc.printed++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return hc
}

func TestCellsByHand(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(repoRoot, "testdata/cells/*.cells"))
	if len(files) == 0 {
		t.Fatal("no testdata/cells")
	}
	var printed, read, unsure, open int
	var lines []string
	for _, path := range files {
		hc := readHandCells(t, path)
		r := parseHand(t, hc.report)
		if r.Form != hc.form {
			t.Errorf("%s: form %s, want %s", filepath.Base(hc.report), r.Form, hc.form)
		}
		n, u, undecided := 0, 0, 0
		for k, v := range r.Cells {
			want, ok := hc.want[k]
			switch {
			case !ok:
				t.Errorf("%s: %s = %s is not printed in the report", filepath.Base(hc.report), k, v.Value)
			case want == "?":
				u++ // the report does not decide it; nothing to compare
			case want != v.Value.String():
				t.Errorf("%s: %s = %s, want %s (evidence %q)", filepath.Base(hc.report), k, v.Value, want, v.Text)
			default:
				n++
			}
		}
		var missed []string
		for k, want := range hc.want {
			if want == "?" {
				undecided++
			}
			if _, ok := r.Cells[k]; !ok && want != "?" {
				missed = append(missed, strings.TrimPrefix(k, hc.form+"."))
			}
		}
		sort.Strings(missed)
		if len(missed) > 6 {
			missed = append(missed[:6], "…")
		}
		printed, read, unsure, open = printed+hc.printed, read+n+u, unsure+u, open+undecided
		lines = append(lines, fmt.Sprintf("%-24s %3d/%3d read, %2d of %2d not decided by the report; missed %v",
			strings.TrimSuffix(filepath.Base(hc.report), ".txt"), n+u, hc.printed, u, undecided, missed))
	}
	for _, l := range lines {
		t.Log(l)
	}
	t.Logf("total: %d of %d printed cells read (%.1f%%); %d of the %d cells the reports do not decide were read",
		read, printed, 100*float64(read)/float64(printed), unsure, open)
	if float64(read) < minHandRecall*float64(printed) {
		t.Errorf("%d of %d printed cells read, fewer than %.1f%%", read, printed, 100*minHandRecall)
	}
}

// minHandRecall is the share of the printed cells the reader must read;
// it reads 97.7% (2535 of 2595) as this is written.
const minHandRecall = 0.975

func parseHand(t *testing.T, path string) *xxgk.Report {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
