package xlsx

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/internal/testutil"
	"xxgk/load"
	"xxgk/parse"
	"xxgk/workbook"
)

// TestContract: the workbooks written here carry the marks of package
// workbook, and the reader (parse, through load) knows them by the same
// marks: a report's workbook reads back with its cells and figures, one
// of several reports or a roll-up is refused.
func TestContract(t *testing.T) {
	r := parseFile(t, "pingtan-2025-zone-html.html")
	prose, ok := r.Figures["proactive.total"]
	if !ok || prose.Method != xxgk.MethodProse || !prose.Approx {
		t.Fatalf("proactive.total %+v: want an approximate figure from the prose", prose)
	}
	one := written(t, func(b *bytes.Buffer) error { return WriteReports(b, []*xxgk.Report{r}, Options{}) })
	f := openBytes(t, one)
	checkKind(t, f, workbook.Reports)
	checkHeader(t, f, workbook.FiguresSheet, workbook.FiguresHeader[:])
	checkHeader(t, f, workbook.FindingsSheet, workbook.FindingsHeader[:])

	back, err := load.Report("back.xlsx", one)
	if err != nil {
		t.Fatal(err)
	}
	testutil.CompareValues(t, "cell", back.Cells, r.Cells)
	testutil.CompareValues(t, "figure", back.Figures, r.Figures)
	// The prose figure is not in the tables: it came from 主要指标.
	if v := back.Figures["proactive.total"]; v.Row != workbook.FiguresSheet || !v.Approx || v.Method != xxgk.MethodForm {
		t.Errorf("proactive.total read back as %+v: want the approximate figure of %s", v, workbook.FiguresSheet)
	}

	several := written(t, func(b *bytes.Buffer) error {
		return WriteReports(b, []*xxgk.Report{r, parseFile(t, "seed-002.txt")}, Options{})
	})
	f = openBytes(t, several)
	checkKind(t, f, workbook.Reports)
	checkHeader(t, f, workbook.FindingsSheet, append([]string{workbook.ReportColumn}, workbook.FindingsHeader[:]...))
	if _, err := load.Report("several.xlsx", several); !errors.Is(err, parse.ErrUnreadable) {
		t.Errorf("a workbook of several reports read: %v", err)
	}

	ru, _ := testRollup(t)
	rollup := written(t, func(b *bytes.Buffer) error { return WriteRollup(b, ru, Options{}) })
	checkKind(t, openBytes(t, rollup), workbook.Rollup)
	if _, err := load.Report("rollup.xlsx", rollup); !errors.Is(err, parse.ErrUnreadable) {
		t.Errorf("a roll-up read as a report: %v", err)
	}
}

func written(t *testing.T, write func(*bytes.Buffer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openBytes(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func checkKind(t *testing.T, f *excelize.File, kind string) {
	t.Helper()
	props, _ := f.GetCustomProps()
	if !slices.Contains(props, excelize.CustomProperty{Name: workbook.Property, Value: kind}) {
		t.Errorf("custom properties %+v, want %s=%s", props, workbook.Property, kind)
	}
}

// checkHeader: the sheet's second row, under its title, is header.
func checkHeader(t *testing.T, f *excelize.File, sheet string, header []string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) < 2 {
		t.Fatalf("sheet %s: %d rows, %v", sheet, len(rows), err)
	}
	if !slices.Equal(rows[1], header) {
		t.Errorf("%s header %q, want %q", sheet, rows[1], header)
	}
}
