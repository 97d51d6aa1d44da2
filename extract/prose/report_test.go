package prose_test

import (
	"testing"

	"xxgk"
	"xxgk/internal/samples"
)

// The figures the seeds state in prose (issue: read the figures that
// reports state in prose). approx marks 余/多 values.

// The figures the seeds state in prose (issue: read the figures that
// reports state in prose). approx marks 余/多 values.
func TestSeedProseFigures(t *testing.T) {
	type fig struct {
		value  string
		approx bool
	}
	cases := []struct {
		file   string
		want   map[string]fig
		absent []string
	}{
		{"seed-000.txt", map[string]fig{"proactive.total": {"2917", false}, "requests.received": {"0", false}, "fees.collected_yuan": {"0", false},
			"review.total": {"0", false}, "litigation.total": {"0", false}}, nil},
		{"seed-001.txt", map[string]fig{"proactive.total": {"23000", true}, "requests.received": {"0", false}, "review.total": {"0", false},
			"litigation.total": {"0", false}}, nil},
		{"seed-003.txt", map[string]fig{}, []string{"funds.special_yuan", "proactive.total"}},
		{"seed-004.txt", map[string]fig{"proactive.total": {"22000", true}, "requests.received": {"5", false}, "review.total": {"0", false},
			"litigation.total": {"0", false}, "staff.fulltime": {"2", false}, "fees.collected_yuan": {"0", false}},
			[]string{"staff.parttime", "funds.special_yuan"}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			r := samples.Parse(t, tc.file)
			for k, w := range tc.want {
				v, ok := r.Figures[k]
				if !ok {
					t.Errorf("%s missing", k)
					continue
				}
				if !v.Value.Equal(xxgk.MustNumber(w.value)) || v.Approx != w.approx {
					t.Errorf("%s = %s (approx %v), want %s (approx %v); evidence %q", k, v.Value, v.Approx, w.value, w.approx, v.Text)
				}
				if v.Method != xxgk.MethodProse || v.Text == "" || v.Line == 0 {
					t.Errorf("%s: evidence %+v", k, v.Evidence)
				}
			}
			for _, k := range tc.absent {
				if v, ok := r.Figures[k]; ok {
					t.Errorf("%s = %s invented from %q", k, v.Value, v.Text)
				}
			}
		})
	}
}

func TestProseTableConflict(t *testing.T) {
	// Seed 002's prose says 其他情形数1件 for litigation; its table puts the
	// 1 under 被依法纠错数. The table wins and the disagreement is a finding.
	r := samples.Parse(t, "seed-002.txt")
	if v := r.Figures["litigation.other"]; !v.Value.Equal(xxgk.Int(0)) || v.Method != xxgk.MethodTable {
		t.Errorf("litigation.other = %s by %s, want the table's 0", v.Value, v.Method)
	}
	found := false
	for _, f := range r.Findings {
		if f.Rule == "prose_table_conflict" && len(f.Keys) == 1 && f.Keys[0] == "litigation.other" {
			found = true
		}
	}
	if !found {
		t.Errorf("no prose_table_conflict for litigation.other: %+v", r.Findings)
	}
}

func TestNotAReportGivesNoFigures(t *testing.T) {
	r := samples.Parse(t, "pingtan-2014-letter.txt")
	if len(r.Figures) != 0 {
		t.Errorf("figures from a letter that is not an annual report: %v", r.Figures)
	}
}

// TestTraditionalTwin reads seed 004 converted to traditional characters
// (opencc s2t): the same agency, year and figures as the original.
func TestTraditionalTwin(t *testing.T) {
	simp := samples.Parse(t, "seed-004.txt")
	trad := samples.Parse(t, "seed-004-trad.txt")
	if trad.Agency != simp.Agency || trad.Year != simp.Year || trad.Published != simp.Published {
		t.Errorf("meta: trad %q %d %q, simplified %q %d %q", trad.Agency, trad.Year, trad.Published, simp.Agency, simp.Year, simp.Published)
	}
	if len(trad.Figures) != len(simp.Figures) {
		t.Errorf("trad has %d figures, simplified %d", len(trad.Figures), len(simp.Figures))
	}
	for k, v := range simp.Figures {
		w, ok := trad.Figures[k]
		if !ok || !w.Value.Equal(v.Value) || w.Approx != v.Approx {
			t.Errorf("%s: trad %v, simplified %s (approx %v)", k, w.Value, v.Value, v.Approx)
		}
	}
}
