package arena

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"xxgk"
)

// detachers are the ways of detaching a report, which the tests hold to
// the same contract: DetachReport, of the report or of its cells apart
// (as parse has them, not yet in its map), and Detach of Report.
var detachers = []struct {
	name   string
	detach func(r *xxgk.Report)
}{
	{"DetachReport", func(r *xxgk.Report) { DetachReport(r, nil) }},
	{"DetachReportValues", DetachReportValues},
	{"Detach", func(r *xxgk.Report) { Detach(func(put func(string) string) { Report(r, put) }) }},
}

func TestDetach(t *testing.T) {
	for _, d := range detachers {
		t.Run(d.name, func(t *testing.T) { testDetach(t, d.detach) })
	}
}

func testDetach(t *testing.T, detach func(*xxgk.Report)) {
	src := "某某县人民政府 收到申请12件 收到申请12件"
	agency, first, second := src[:len("某某县人民政府")], strings.Index(src, "收到"), strings.LastIndex(src, "收到")
	text := len("收到申请12件")
	r := &xxgk.Report{
		Agency:   agency,
		Figures:  map[string]xxgk.Value{"requests.received": {Evidence: xxgk.Evidence{Text: src[first : first+text], Row: "收到申请"}}},
		Cells:    map[string]xxgk.Value{"a": {Evidence: xxgk.Evidence{Text: src[second:]}}},
		Findings: []xxgk.Finding{{Message: "m", Evidence: src[first : first+text]}},
	}
	detach(r)
	if r.Agency != "某某县人民政府" || r.Figures["requests.received"].Text != "收到申请12件" || r.Cells["a"].Text != "收到申请12件" ||
		r.Findings[0].Message != "m" || r.Figures["requests.received"].Row != "收到申请" {
		t.Fatalf("strings changed: %+v", r)
	}
	inSource := func(s string) bool {
		p, b := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(src)))
		return p >= b && p < b+uintptr(len(src))
	}
	if inSource(r.Agency) || inSource(r.Findings[0].Evidence) || inSource(r.Cells["a"].Text) {
		t.Error("a string still points into the source")
	}
	// A text repeated is stored once.
	if unsafe.StringData(r.Figures["requests.received"].Text) != unsafe.StringData(r.Cells["a"].Text) {
		t.Error("equal strings were copied twice")
	}
}

// TestDetachSharedTwice: a string reached twice in a pass (two fields
// pointing at one evidence) is the same text both times, though the first
// visit of the second pass has already moved it.
func TestDetachSharedTwice(t *testing.T) {
	for _, d := range detachers {
		src := strings.Repeat("x", 10) + "某某县人民政府2023年度报告"
		ev := &xxgk.MetaEvidence{Text: src[10:]}
		r := &xxgk.Report{Agency: src[10:19], AgencyEvidence: ev, YearEvidence: ev}
		d.detach(r)
		if r.AgencyEvidence.Text != "某某县人民政府2023年度报告" || r.Agency != "某某县" {
			t.Fatalf("%s: got %q, %q", d.name, r.AgencyEvidence.Text, r.Agency)
		}
	}
}

// TestDetachReusesNothing: an arena used for one report and reused for the
// next gives the next report's own texts, and keeps no string after.
func TestDetachReusesNothing(t *testing.T) {
	for i, src := range []string{"甲县人民政府收到申请12件", "乙市人民政府收到申请7件", "丙县人民政府收到申请3件", "丁县人民政府收到申请9件"} {
		r := &xxgk.Report{Agency: src[:len("甲县人民政府")],
			Cells: map[string]xxgk.Value{"a": {Evidence: xxgk.Evidence{Text: src, Row: src[len("甲县人民政府"):]}}}}
		detachers[i%len(detachers)].detach(r)
		if r.Agency != src[:len("甲县人民政府")] || r.Cells["a"].Text != src || r.Cells["a"].Row != src[len("甲县人民政府"):] {
			t.Fatalf("report %d: got %q, %+v", i, r.Agency, r.Cells["a"])
		}
	}
	var a arena
	a.put("某某县")
	a.fill()
	a.put("某某县")
	a.reset()
	// recent keeps addresses, not strings; none of them may count after
	// a reset.
	stale := slices.ContainsFunc(a.recent[:], func(e recentString) bool { return e.n > 0 && e.gen == a.recentGen })
	if a.at.n != 0 || len(a.offs) != 0 || a.buf != "" || a.size != 0 || a.filled || stale ||
		slices.ContainsFunc(a.order[:cap(a.order)], func(s string) bool { return s != "" }) || len(a.fields) != 0 || len(a.entries) != 0 {
		t.Fatalf("reset arena keeps strings: %+v", a)
	}
}

// TestRecentAfterReset: a string put again at the same address after a
// reset is measured anew, also when the generations come round again.
func TestRecentAfterReset(t *testing.T) {
	src := "甲县人民政府"
	for _, gen := range []uint32{0, 7, math.MaxUint32} {
		var a arena
		a.recentGen = gen
		a.put(src[:6])
		a.put(src[6:]) // at offset 6 in this report's buffer
		a.reset()
		a.put(src[6:]) // at 0 in the next one's
		a.fill()
		if got := a.put(src[6:]); got != "人民政府" || a.size != len("人民政府") {
			t.Fatalf("generation %d: put after reset = %q (size %d)", gen, got, a.size)
		}
		if gen == math.MaxUint32 && a.recentGen != 0 {
			t.Fatalf("generation did not come round: %d", a.recentGen)
		}
	}
}

// TestValue: every non-empty string of a value is put, whichever moves,
// and the value is reported moved if any did.
func TestValue(t *testing.T) {
	for moving := range 6 {
		v := xxgk.Value{Evidence: xxgk.Evidence{Text: "t", Row: "r", Col: "c", Section: "s", Sheet: "sh", Cell: "D7"}}
		var n int
		moved := Value(&v, func(s string) string {
			n++
			if n-1 == moving {
				return strings.Clone(s)
			}
			return s
		})
		if !moved || n != 6 || v.Text != "t" || v.Row != "r" || v.Col != "c" || v.Section != "s" || v.Sheet != "sh" || v.Cell != "D7" {
			t.Errorf("string %d moving: moved %v after %d puts, %+v", moving, moved, n, v)
		}
	}
	v := xxgk.Value{Evidence: xxgk.Evidence{Text: "t", Cell: "D7"}}
	var n int
	if Value(&v, func(s string) string { n++; return s }) || n != 2 {
		t.Errorf("nothing moving: moved after %d puts", n)
	}
}

// TestDetachReportEntriesCleared: the entries DetachReport copies out of
// a report's maps are cleared before its arena goes back to the pool.
func TestDetachReportEntriesCleared(t *testing.T) {
	src := "甲县人民政府收到申请12件"
	r := &xxgk.Report{Cells: map[string]xxgk.Value{"a": {Evidence: xxgk.Evidence{Text: src}}, "b": {}}}
	a := arenas.Get().(*arena)
	arenas.Put(a)
	DetachReport(r, nil)
	if a2 := arenas.Get().(*arena); a2 == a && slices.ContainsFunc(a.entries[:cap(a.entries)], func(e entry) bool { return e != (entry{}) }) {
		t.Fatal("pooled arena keeps a report's entries")
	}
	if r.Cells["a"].Text != src || r.Cells["b"] != (xxgk.Value{}) {
		t.Fatalf("got %+v", r.Cells)
	}
}

// TestStrTableAsMap holds an arena's table of strings to a map from the
// strings to their index: strings new and put again, equal texts at other
// addresses, enough to grow the table, over resets and a wrap of the
// generations.
func TestStrTableAsMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	var tab strTable
	for round := range 40 {
		if round == 30 {
			tab.gen = ^uint32(0) // the next reset wraps around
		}
		want := map[string]int{}
		var order []string
		n := 1 + rng.IntN(3000)
		for range n {
			s := strconv.Itoa(rng.IntN(n)) + strings.Repeat("字", rng.IntN(3))
			s = strings.Clone(s) // equal texts at other addresses
			sl := tab.slot(s, order)
			idx, ok := want[s]
			if ok != (sl.idx > 0) || ok && int(sl.idx) != idx {
				t.Fatalf("round %d: %q found at %d, want %d (%v)", round, s, sl.idx, idx, ok)
			}
			if !ok {
				order = append(order, s)
				want[s] = len(order)
				tab.add(sl, len(order))
			}
		}
		if tab.n != len(want) {
			t.Fatalf("round %d: %d strings in the table, want %d", round, tab.n, len(want))
		}
		tab.reset()
	}
}
