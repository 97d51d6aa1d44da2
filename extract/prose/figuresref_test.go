package prose

import (
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
// in a map. Each figure's are settled as chooseProse settles them
// (settleFigure): what it is held to is the list it takes each figure's
// from.
func chooseProseRef(cands map[string][]proseCandidate, tableFigures map[string]xxgk.Value, place func(xxgk.Evidence) string) (map[string]xxgk.Value, []xxgk.Finding) {
	where := placeNamer(place)
	out := map[string]xxgk.Value{}
	var fs []xxgk.Finding
	for _, fig := range templates.Figures {
		var v xxgk.Value
		var ok bool
		if v, ok, fs = settleFigure(&fig, cands[fig.Key], tableFigures, where, fs); ok {
			out[fig.Key] = v
		}
	}
	return out, fs
}
