package xlsx

import (
	"strings"
	"testing"

	"xxgk"
)

// A value changed by hand says so in its cell's note, with the value as
// read; one filled in says it was.
func TestManualNote(t *testing.T) {
	r := parseFile(t, "pingtan-2025-zone-html.html")
	const key = "gov_2021.t3_requests.new_received.natural_person"
	r.Cells[key] = r.Cells[key].Corrected(xxgk.Int(152))
	r.Figures["requests.received"] = r.Figures["requests.received"].Corrected(xxgk.Int(155))
	f := openReports(t, r)
	at := slotCells("gov_2021")[key]
	if got := mustValue(t, f, at[0], at[1]); got != "152" {
		t.Errorf("%s!%s = %q, want 152", at[0], at[1], got)
	}
	notes := map[string]string{}
	for _, sheet := range []string{at[0], "主要指标"} {
		cs, err := f.GetComments(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			notes[sheet+"!"+c.Cell] = commentText(c)
		}
	}
	if n := notes[at[0]+"!"+at[1]]; !strings.HasPrefix(n, "人工修改：原值 151，改为 152\n原文：") {
		t.Errorf("note of the corrected cell = %q", n)
	}
	found := false
	for _, n := range notes {
		if n == "人工修改：原值 154，改为 155" {
			found = true
		}
	}
	if !found {
		t.Errorf("主要指标 has no note on the corrected figure: %v", notes)
	}
	if got := manualNote(xxgk.Value{}.Corrected(xxgk.Int(3))); got != "人工填写：报告中没有读出这个数" {
		t.Errorf("note of a filled-in value = %q", got)
	}
}
