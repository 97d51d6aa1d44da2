package rollup_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"xxgk"
	"xxgk/export/pdf"
	"xxgk/export/xlsx"
	"xxgk/internal/samples"
	"xxgk/load"
	"xxgk/rollup"
)

// TestKeepSamples is differential: the roll-up of what Keep keeps of
// every sample report (all formats, several years of one agency, so that
// the carry-over check runs on kept reports) is the roll-up of the whole
// reports: the same JSON, the same workbook and PDF bytes, and each
// agency's cells read back as the whole report's but for the evidence a
// kept cell drops.
func TestKeepSamples(t *testing.T) {
	names := samples.Files(t)
	data := make([][]byte, len(names))
	for i, n := range names {
		b, err := os.ReadFile(filepath.Join(samples.Dir(), n))
		if err != nil {
			t.Fatal(err)
		}
		data[i] = b
	}
	roll := func(keep func(*xxgk.Report) *rollup.Kept) (*rollup.Rollup, map[string]*xxgk.Report) {
		var kept []*rollup.Kept
		whole := map[string]*xxgk.Report{}
		for i, n := range names {
			r, err := load.Report(n, data[i])
			if err != nil {
				continue
			}
			whole[n] = r
			kept = append(kept, keep(r))
		}
		return load.Rollup(kept, rollup.Options{Name: "测试县"}), whole
	}
	want, reports := roll(rollup.Whole)
	got, _ := roll(rollup.Keep)
	if len(reports) < 40 {
		t.Fatalf("only %d sample reports read", len(reports))
	}
	outputs := func(ru *rollup.Rollup) (j, x, p []byte) {
		var jb, xb, pb bytes.Buffer
		if err := json.NewEncoder(&jb).Encode(ru); err != nil {
			t.Fatal(err)
		}
		if err := xlsx.WriteRollup(&xb, ru, xlsx.Options{}); err != nil {
			t.Fatal(err)
		}
		if err := pdf.WriteRollup(&pb, ru, pdf.Options{}); err != nil {
			t.Fatal(err)
		}
		return jb.Bytes(), xb.Bytes(), pb.Bytes()
	}
	wj, wx, wp := outputs(want)
	gj, gx, gp := outputs(got)
	if !bytes.Equal(gj, wj) {
		t.Errorf("JSON of the kept reports' roll-up differs:\n%s\nwant\n%s", gj, wj)
	}
	if !bytes.Equal(gx, wx) {
		t.Error("workbook of the kept reports' roll-up differs")
	}
	if !bytes.Equal(gp, wp) {
		t.Error("PDF of the kept reports' roll-up differs")
	}
	n := 0
	for _, y := range got.Years {
		for _, a := range y.Agencies {
			r := reports[filepath.Base(a.Path)]
			if r == nil {
				t.Fatalf("no report %s", a.Path)
			}
			if a.CellCount() != len(r.Cells) {
				t.Errorf("%s: %d cells kept, want %d", a.Path, a.CellCount(), len(r.Cells))
			}
			for k, v := range a.Cells() {
				w := r.Cells[k]
				if !w.Approx { // the evidence a kept exact cell drops
					w.Row, w.Col, w.Text, w.Page, w.Table, w.RowLabel, w.ColLabel, w.Section, w.Sheet, w.Cell = "", "", "", 0, "", "", "", "", "", ""
				}
				if !reflect.DeepEqual(v, w) {
					t.Errorf("%s %s = %+v, want %+v", a.Path, k, v, w)
				}
				if one, ok := a.Cell(k); !ok || !reflect.DeepEqual(one, v) {
					t.Errorf("%s Cell(%s) = %+v, %v", a.Path, k, one, ok)
				}
				n++
			}
			if !reflect.DeepEqual(a.Figures, r.Figures) && len(r.Figures) > 0 {
				t.Errorf("%s: figures differ", a.Path)
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d cells compared", n)
	}
}
