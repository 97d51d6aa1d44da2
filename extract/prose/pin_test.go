package prose

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var updatePins = flag.Bool("update-pins", false, "rewrite testdata/readprose.sum from the current reader")

// pinFile holds a digest of what readProse and splitSentences give for
// each report of testdata/reports, recorded before the reader was made
// faster: the rewrite must read exactly what the old reader read, in every
// field of every candidate, not only the figures the goldens settle on.
var pinFile = filepath.Join("testdata", "readprose.sum")

// readProseDigest digests the sentences and the prose candidates of doc,
// read with no year and with its year, as simplified and traditional text.
func readProseDigest(d corpusDoc) string {
	h := sha256.New()
	for _, s := range splitSentences(d.doc) {
		fmt.Fprintf(h, "S %q %d %d %v %q %q %d\n", s.Text, s.Line, s.Block, s.Topic, s.Heading, s.Section(), s.Page)
	}
	for _, year := range []int{0, d.year} {
		for _, trad := range []bool{false, true} {
			cands := readProse(d.doc, year, trad)
			keys := make([]string, 0, len(cands))
			for k := range cands {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			fmt.Fprintf(h, "R %d %v\n", year, trad)
			for _, k := range keys {
				for _, c := range cands[k] {
					v := c.value
					fmt.Fprintf(h, "C %s %s %q %v %v %v %d %q %d %q %v %v %v %v %q\n", k, v.Value, v.Unit, v.Approx, v.Blank, v.Method, v.Line, v.Text, v.Page, v.Section,
						c.inTopic, c.total, c.cumulative, c.quantity, c.sentence)
				}
			}
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// TestReadProsePinned compares the reader with the digests recorded in
// testdata/readprose.sum (go test -run ReadProsePinned -update-pins
// rewrites them: only when the reader's results are meant to change).
func TestReadProsePinned(t *testing.T) {
	var lines []string
	for _, d := range corpusDocs(t) {
		lines = append(lines, d.name+" "+readProseDigest(d))
	}
	got := strings.Join(lines, "\n") + "\n"
	if *updatePins {
		if err := os.WriteFile(pinFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(pinFile)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		name, sum, _ := strings.Cut(l, " ")
		want[name] = sum
	}
	if len(want) != len(lines) {
		t.Errorf("%d reports read, %d pinned", len(lines), len(want))
	}
	for _, l := range lines {
		name, sum, _ := strings.Cut(l, " ")
		if want[name] != sum {
			t.Errorf("%s: the prose reader reads otherwise than it did when pinned", name)
		}
	}
}
