package pdftext

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// testFonts loads the fonts of the pages of every PDF under testdata,
// and a simple font of no dictionary.
func testFonts(t *testing.T) []*font {
	fonts := []*font{new(file).loadFont(nil)}
	for _, data := range testPDFs(t) {
		f, err := open(data, &budget{left: DefaultLimits.MaxDecodedBytes})
		if err != nil {
			continue
		}
		for _, p := range f.pageList(f.dict(f.trailer["Root"])["Pages"], 100) {
			for _, v := range f.dict(p.res["Font"]) {
				fonts = append(fonts, f.loadFont(v))
			}
		}
	}
	return fonts
}

// TestDecodeMemo decodes random strings, of codes met again and again,
// with each font of the test files, and compares what decode gives with
// what it gives when it has no character remembered: the character of
// the code decoded last, remembered, is the character decoding it gives.
func TestDecodeMemo(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var out, ref []char
	fonts, simple := testFonts(t), 0
	for _, fn := range fonts {
		if !fn.type0 {
			simple++
		}
	}
	if simple < 5 {
		t.Fatalf("%d simple fonts of %d, want 5 or more", simple, len(fonts))
	}
	for i, fn := range fonts {
		fresh := *fn
		for range 2000 {
			s := make([]byte, 1+r.IntN(4))
			for k := range s {
				s[k] = byte(r.IntN(3)) // few codes: codes met again
				if r.IntN(3) == 0 {
					s[k] = byte(r.Uint32())
				}
			}
			out = fn.decode(s, out)
			if fn.type0 {
				ref = fresh.decode(s, ref) // remembers nothing
			} else {
				// A code at a time, each without the one before.
				ref = ref[:0]
				for k := range s {
					fresh.haveLast = false
					ref = append(ref, fresh.decode(s[k:k+1], nil)...)
				}
			}
			if fmt.Sprint(out) != fmt.Sprint(ref) {
				t.Fatalf("font %d: decode(%x) = %v, without what it remembered %v", i, s, out, ref)
			}
		}
	}
}
