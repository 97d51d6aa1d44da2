// Package trialform is an official form that only the tests know: a copy of
// formats.json with one more form, trial_2026 (2026年试行格式), and a report
// in it. The tests that use it show that a new form is a change of
// formats.json alone: with no Go change, the reader reads the report, check
// runs the form's identities, the workbook and the PDF draw its tables, the
// roll-up sums it, and xxgk template offers it.
//
// trial_2026 is gov_2021 with one row changed, as a new form would change
// one: 一、本年新收政府信息公开申请数量 (new_received) is
// 一、本年度新收到的政府信息公开申请数量 (received_this_year), in the
// identities and in the form's own figure_cells too. It is in force from
// 2026, listed before gov_2021 (newest first), shares no cells, and is
// offered blank.
package trialform

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"xxgk/templates"
)

// Facts of the trial form.
const (
	ID       = "trial_2026"
	Label    = "2026年试行格式"
	Document = "国办公开办函〔2026〕1号"
	Year     = 2026
	// RowLabel and RowKey are its changed row of table 三.
	RowLabel = "一、本年度新收到的政府信息公开申请数量"
	RowKey   = "received_this_year"
	// Base is the form it copies, and baseLabel and baseKey the row it changes.
	Base      = "gov_2021"
	baseLabel = "一、本年新收政府信息公开申请数量"
	baseKey   = "new_received"
	// Sample is the report of the base form the trial report is made from.
	Sample = "pingtan-2025-zone-html.html"
)

// root is the module's folder.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Spec is formats.json with the trial form added; order is its listing
// order (5: before gov_2021's 10).
func Spec(tb testing.TB, order int) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(root(), "templates", "formats.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var spec map[string]any
	if err := json.Unmarshal(data, &spec); err != nil {
		tb.Fatal(err)
	}
	forms := spec["formats"].([]any)
	var base map[string]any
	for _, f := range forms {
		if f := f.(map[string]any); f["id"] == Base {
			base = f
		}
	}
	if base == nil {
		tb.Fatalf("formats.json has no %s", Base)
	}
	// A deep copy, the changed row renamed wherever its key appears.
	b, err := json.Marshal(base)
	if err != nil {
		tb.Fatal(err)
	}
	b = []byte(strings.NewReplacer(baseLabel, RowLabel, `"`+baseKey+`"`, `"`+RowKey+`"`,
		"t3_requests."+baseKey+".", "t3_requests."+RowKey+".").Replace(string(b)))
	var trial map[string]any
	if err := json.Unmarshal(b, &trial); err != nil {
		tb.Fatal(err)
	}
	trial["id"] = ID
	trial["name"] = "政府信息公开工作年度报告格式（试行）（" + Document + "）"
	trial["label"] = Label
	trial["document_number"] = Document
	trial["in_force_years"] = map[string]any{"from": Year, "to": nil}
	trial["order"] = order
	trial["blank_template"] = true
	delete(trial, "shares_cells_with")
	spec["formats"] = append(forms, trial)
	out, err := json.Marshal(spec)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// Use makes the specification with the trial form (listed at order) the
// one xxgk uses until the test ends. The test must not be parallel.
func Use(tb testing.TB, order int) {
	tb.Helper()
	restore, err := templates.Replace(Spec(tb, order))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(restore)
}

// Report is the text of a report in the trial form: the sample report of
// gov_2021 moved to 2026 (its 2026 to 2027), with the trial wording of the
// changed row, and agency in place of the sample's (平潭综合实验区).
func Report(tb testing.TB, agency string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(root(), "testdata", "reports", Sample))
	if err != nil {
		tb.Fatal(err)
	}
	s := strings.NewReplacer("2026", "2027").Replace(string(data))
	s = strings.NewReplacer("2025", "2026", baseLabel, RowLabel, "平潭综合实验区", agency).Replace(s)
	if !strings.Contains(s, RowLabel) {
		tb.Fatalf("%s lacks %s", Sample, baseLabel)
	}
	return []byte(s)
}

// BaseReport is the sample report as it is, in the base form, with agency
// in place of the sample's.
func BaseReport(tb testing.TB, agency string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(root(), "testdata", "reports", Sample))
	if err != nil {
		tb.Fatal(err)
	}
	return []byte(strings.ReplaceAll(string(data), "平潭综合实验区", agency))
}
