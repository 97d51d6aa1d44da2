package load_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"xxgk"
	"xxgk/internal/samples"
	"xxgk/load"
	"xxgk/templates"
)

const natural = "gov_2021.t3_requests.new_received.natural_person"

func sample(t *testing.T) *xxgk.Report {
	t.Helper()
	name := filepath.Join(samples.Dir(), "pingtan-2025-zone-html.html")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	r, err := load.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func rules(r *xxgk.Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Rule)
	}
	return out
}

// A corrected cell keeps its original, is marked, breaks the balance the
// audit checks again, and is undone by an empty text.
func TestCorrectCell(t *testing.T) {
	r := sample(t)
	if slices.Contains(rules(r), "t3_total_col") {
		t.Fatalf("sample already unbalanced: %v", rules(r))
	}
	before := len(r.Findings)
	if err := load.Correct(r, natural, "１５２"); err != nil {
		t.Fatal(err)
	}
	v := r.Cells[natural]
	if !v.Manual || v.Original == nil || v.Original.String() != "151" || v.Value.String() != "152" {
		t.Fatalf("corrected cell = %+v", v)
	}
	if v.Text == "" || v.Method != xxgk.MethodTable {
		t.Errorf("the evidence of the value as read is lost: %+v", v)
	}
	got := rules(r)
	if !slices.Contains(got, xxgk.RuleManualEdit) {
		t.Errorf("no manual_edit finding: %v", got)
	}
	var audit bool
	for _, f := range r.Findings {
		if f.Severity == xxgk.SeverityError && slices.Contains(f.Keys, natural) {
			audit = true
			if !strings.Contains(f.Message, "人工修改") {
				t.Errorf("the audit's message does not say a value was changed by hand: %q", f.Message)
			}
		}
		if f.Rule == xxgk.RuleManualEdit && !strings.Contains(f.Message, "原为 151，改为 152") {
			t.Errorf("manual_edit message = %q", f.Message)
		}
	}
	if !audit {
		t.Errorf("the audit was not run again: no error names %s: %v", natural, got)
	}

	if err := load.Correct(r, natural, ""); err != nil {
		t.Fatal(err)
	}
	if v := r.Cells[natural]; v.Manual || v.Original != nil || v.Value.String() != "151" {
		t.Errorf("undone cell = %+v", v)
	}
	if len(r.Findings) != before {
		t.Errorf("findings after undoing: %d, want %d: %v", len(r.Findings), before, rules(r))
	}
}

// A figure summed from cells follows them.
func TestCorrectDerivedFigure(t *testing.T) {
	r := sample(t)
	if err := load.Correct(r, "gov_2021.t4_review_litigation.count.lit_direct_corrected", "4"); err != nil {
		t.Fatal(err)
	}
	v := r.Figures["litigation.corrected"]
	if v.Value.String() != "4" || !v.Manual || v.Original == nil || v.Original.String() != "3" {
		t.Errorf("derived figure = %+v, want 4 (人工修改 from 3)", v)
	}
}

// Words are refused and change nothing; a figure can be filled in.
func TestCorrectRefusesWords(t *testing.T) {
	r := sample(t)
	want := r.Cells[natural]
	n := len(r.Findings)
	for _, s := range []string{"约20", "二十", "12件", "1.2.3"} {
		err := load.Correct(r, natural, s)
		if err == nil || !strings.Contains(err.Error(), "不是数字") {
			t.Errorf("Correct(%q) = %v, want 不是数字", s, err)
		}
	}
	if got := r.Cells[natural]; got != want || len(r.Findings) != n {
		t.Errorf("a refused correction changed the report")
	}
	if err := load.Correct(r, natural, ""); err != nil || r.Cells[natural] != want || len(r.Findings) != n {
		t.Errorf("emptying a value as read changed the report (%v)", err)
	}
	if err := load.Correct(r, "nosuch.key", "1"); err == nil {
		t.Error("an unknown key was accepted")
	}
	if err := load.Correct(r, "gov_2019.t3_requests.new_received.total", "1"); err == nil {
		t.Error("a cell of another form was accepted")
	}
}

func TestCorrectFillFigure(t *testing.T) {
	r := sample(t)
	const key = "fees.collected_yuan"
	if err := load.Correct(r, key, "12.50"); err != nil {
		t.Fatal(err)
	}
	v := r.Figures[key]
	if !v.Manual || v.Original == nil || v.Original.String() != "0" || v.Value.String() != "12.5" {
		t.Errorf("corrected figure = %+v", v)
	}
	// A figure the report does not state is filled in, without an original.
	var absent string
	for _, f := range templates.Figures {
		if _, ok := r.Figures[f.Key]; !ok {
			absent = f.Key
			break
		}
	}
	if err := load.Correct(r, absent, "7"); err != nil {
		t.Fatal(err)
	}
	if v := r.Figures[absent]; !v.Manual || v.Original != nil || v.Method != xxgk.MethodManual || v.Value.String() != "7" {
		t.Errorf("filled-in figure %s = %+v", absent, v)
	}
	if err := load.Correct(r, absent, ""); err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Figures[absent]; ok {
		t.Errorf("emptying a filled-in figure kept it")
	}
}
