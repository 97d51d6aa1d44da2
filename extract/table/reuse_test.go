package table

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"xxgk/document"
	"xxgk/format/charset"
	plaintext "xxgk/format/text"
)

// drainFreeLists empties the free lists of streams and readers, so that
// the next Read allocates every buffer anew.
func drainFreeLists() {
	for {
		select {
		case <-freeBufs:
		case <-freeReaders:
		default:
			return
		}
	}
}

func sampleDocs(t testing.TB) ([]string, []*document.Document) {
	files, err := filepath.Glob("../../testdata/reports/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatal("no samples", err)
	}
	var docs []*document.Document
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, _, _ := charset.Decode(data)
		docs = append(docs, plaintext.Read(text))
	}
	return files, docs
}

// TestReusedBuffersReadAsFresh reads every sample report with buffers
// never used before, then all of them again in random orders with the
// buffers passed from one document to the next (and some readings left
// unsettled, whose buffers are never returned), and wants the same
// results, still the same once every document was read: no reading sees
// another document's rows, regions or cells, and no result points into a
// buffer used again.
func TestReusedBuffersReadAsFresh(t *testing.T) {
	files, docs := sampleDocs(t)
	years := []int{0, 2019, 2021, 2023}
	type key struct{ doc, year int }
	fresh := map[key]Result{}
	reuseBuffers = false
	for i, d := range docs {
		for _, y := range years {
			res := Read(d, y)
			res.Settle(nil, nil)
			fresh[key{i, y}] = res
		}
	}
	reuseBuffers = true
	drainFreeLists()
	rng := rand.New(rand.NewPCG(1, 2))
	var kept []key
	var got []Result
	for round := range 3 {
		for _, i := range rng.Perm(len(docs)) {
			y := years[rng.IntN(len(years))]
			res := Read(docs[i], y)
			if rng.IntN(4) != 0 || round == 0 {
				res.Settle(nil, nil)
			}
			want := fresh[key{i, y}]
			if !sameResult(res, want) {
				t.Fatalf("%s (year %d), round %d: reused buffers read otherwise than fresh ones", files[i], y, round)
			}
			kept, got = append(kept, key{i, y}), append(got, res)
		}
	}
	for k, res := range got {
		if !sameResult(res, fresh[kept[k]]) {
			t.Fatalf("%s (year %d): the result changed as other documents were read", files[kept[k].doc], kept[k].year)
		}
	}
}

func sameResult(a, b Result) bool {
	return a.Form == b.Form && reflect.DeepEqual(a.Cells, b.Cells) && reflect.DeepEqual(a.Findings, b.Findings)
}

// TestConcurrentReadsShareNoBuffer reads the sample reports in several
// goroutines at once, the buffers passing between them through the free
// lists, and wants each result as read alone (run with -race too).
func TestConcurrentReadsShareNoBuffer(t *testing.T) {
	files, docs := sampleDocs(t)
	want := make([]Result, len(docs))
	for i, d := range docs {
		want[i] = Read(d, 2021)
		want[i].Settle(nil, nil)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(docs))
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range docs {
				i := (k + g*7) % len(docs)
				res := Read(docs[i], 2021)
				res.Settle(nil, nil)
				if !sameResult(res, want[i]) {
					errs <- files[i]
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for f := range errs {
		t.Errorf("%s: read otherwise in a goroutine of several", f)
	}
}
