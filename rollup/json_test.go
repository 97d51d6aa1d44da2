package rollup

import (
	"bytes"
	"encoding/json"
	"testing"

	"xxgk"
)

// TestWriteJSON: the streamed JSON is what the encoder writes, byte for
// byte: years of agencies (one of unknown year), groups, a roster with
// agencies missing and outside it, findings, HTML characters (escaped in
// the years, as json.Marshal does, not in the findings), nothing at all.
func TestWriteJSON(t *testing.T) {
	roster, err := ReadRoster([]byte("单位名称,分组\n甲局,县直\n乙局,县直\n丁局,乡镇\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := report("a/<甲>.txt", "甲局", 2023, "gov_2021", map[string]xxgk.Value{"requests.received": {Value: xxgk.MustNumber("10"),
		Evidence: xxgk.Evidence{Method: xxgk.MethodProse, Line: 3, Text: "收到<申请>&10件"}}},
		map[string]xxgk.Value{"gov_2021.t3_requests.new_received.total": val("10")})
	a.Findings = []xxgk.Finding{{Rule: "r", Severity: xxgk.SeverityError, Message: "数字<不符>&", Keys: []string{"requests.received"}, Line: 3, Evidence: "<b>"}}
	b := report("b.txt", "丙局&", 2023, "gov_2019", map[string]xxgk.Value{"requests.received": approx("5.5")}, nil)
	c := report("c.txt", "乙局", 2022, xxgk.FormNarrative, nil, nil)
	d := report("d.txt", "戊局", 0, xxgk.FormNarrative, map[string]xxgk.Value{"proactive.total": val("7")}, nil)
	dup := report("e.txt", "甲局", 2023, "gov_2021", nil, nil)
	cases := map[string]*Rollup{
		"roster": Roll([]*xxgk.Report{a, b, c, d, dup}, Options{Name: "某县<&>", Roster: roster,
			Unreadable: []Unreadable{{Path: "坏.doc", Reason: "损坏<了>"}}}),
		"groups": Roll([]*xxgk.Report{a, b, c}, Options{Groups: map[string]string{"甲局": "一组", "丙局&": "二组"}}),
		"empty":  Roll(nil, Options{}),
		"one":    Roll([]*xxgk.Report{c}, Options{}),
	}
	for name, ru := range cases {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(ru); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := ru.WriteJSON(&got); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: streamed JSON differs:\n%s\nwant\n%s", name, got.String(), want.String())
		}
	}
}
