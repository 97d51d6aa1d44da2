package prose

import (
	"fmt"
	"reflect"
	"testing"

	"xxgk"
	"xxgk/templates"
)

// TestFiguresMatchesRef holds Figures, which reads the candidates into one
// list (readCandidates) and takes each figure's from it, to chooseProseRef
// over readProseRef's map of them, for every report of testdata/reports
// read one after another (the buffers of each are the last's), with no
// table figures, and with table figures that agree with some candidates
// and contradict others (the findings).
func TestFiguresMatchesRef(t *testing.T) {
	place := func(e xxgk.Evidence) string { return e.Place(xxgk.Source{Kind: "text"}) }
	for _, d := range corpusDocs(t) {
		for _, year := range []int{0, d.year} {
			for _, trad := range []bool{false, true} {
				cands := readProseRef(d.doc, year, trad)
				tables := map[string]xxgk.Value{}
				k := 0
				for _, fig := range templates.Figures {
					if cs := cands[fig.Key]; len(cs) > 0 {
						v := cs[0].value
						if k++; k%2 == 0 {
							v.Value = v.Value.Add(xxgk.Int(1))
						}
						tables[fig.Key] = v
					}
				}
				for _, tf := range []map[string]xxgk.Value{nil, tables} {
					simple := d.doc
					if trad {
						simple = FoldedDoc(d.doc)
					}
					gotV, gotF := Figures(d.doc, simple, year, tf, place)
					wantV, wantF := chooseProseRef(readProseRef(d.doc, year, trad), tf, place)
					if !reflect.DeepEqual(gotV, wantV) || !reflect.DeepEqual(gotF, wantF) {
						t.Errorf("%s year %d trad %v tables %d:\n got %v %v\nwant %v %v", d.name, year, trad, len(tf), gotV, gotF, wantV, wantF)
					}
				}
			}
		}
	}
}

// chooseProseRef is chooseProse as it was, given each figure's candidates
// in a map.
func chooseProseRef(cands map[string][]proseCandidate, tableFigures map[string]xxgk.Value, place func(xxgk.Evidence) string) (map[string]xxgk.Value, []xxgk.Finding) {
	// where names a sentence for a message: its place, or 正文 when the
	// place has no name people can find (the finding quotes the sentence).
	where := func(e xxgk.Evidence) string {
		if place != nil {
			if p := place(e); p != "" {
				return p
			}
		}
		return "正文"
	}
	out := map[string]xxgk.Value{}
	var fs []xxgk.Finding
	for _, fig := range templates.Figures {
		cs := cands[fig.Key]
		if len(cs) == 0 {
			continue
		}
		if tv, ok := tableFigures[fig.Key]; ok {
			seen := map[string]bool{}
			for _, c := range cs {
				if disagree(tv, c.value) && !seen[c.sentence] {
					seen[c.sentence] = true
					fs = append(fs, xxgk.Finding{Rule: xxgk.RuleProseTableConflict, Severity: xxgk.SeverityWarning, Keys: []string{fig.Key},
						Line: c.value.Line, Page: c.value.Page, Evidence: c.value.Text,
						Message: fmt.Sprintf("正文所述%s为%s（%s），与统计表的%s不一致；以统计表为准。", fig.Label, approxText(c.value), where(c.value.Evidence), tv.Value)})
				}
			}
			continue
		}
		chosen, ok := settle(cs)
		for _, c := range cs {
			if disagree(chosen.value, c.value) {
				fs = append(fs, xxgk.Finding{Rule: xxgk.RuleProseConflict, Severity: xxgk.SeverityWarning, Keys: []string{fig.Key},
					Line: c.value.Line, Page: c.value.Page, Evidence: c.value.Text,
					Message: fmt.Sprintf("报告两处所述%s不一致：%s为%s，%s为%s。", fig.Label, where(chosen.value.Evidence), approxText(chosen.value), where(c.value.Evidence), approxText(c.value))})
			}
		}
		if ok {
			out[fig.Key] = chosen.value
		}
	}
	return out, fs
}
