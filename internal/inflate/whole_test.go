package inflate

import (
	"bytes"
	"compress/flate"
	"io"
	"math/bits"
	"math/rand/v2"
	"testing"
)

// stdInflate is compress/flate's reading of the raw DEFLATE stream in:
// its bytes, and whether it read a whole stream without error.
func stdInflate(in []byte) ([]byte, bool) {
	out, err := io.ReadAll(flate.NewReader(bytes.NewReader(in)))
	return out, err == nil
}

// checkWhole holds Whole to compress/flate on in, with room
// given by buf and the limit.
func checkWhole(t *testing.T, z *Whole, in, buf []byte, limit int64) bool {
	t.Helper()
	got, ok := z.Inflate(in, buf, limit)
	want, wantOK := stdInflate(in)
	if !ok {
		if got != nil {
			t.Fatalf("%d bytes: gave up with %d bytes", len(in), len(got))
		}
		return false
	}
	if !wantOK {
		t.Fatalf("%d bytes: read %d bytes whole; compress/flate fails", len(in), len(got))
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%d bytes: read %d bytes, compress/flate %d, not the same", len(in), len(got), len(want))
	}
	if int64(len(got)) > limit {
		t.Fatalf("%d bytes read past the limit %d", len(got), limit)
	}
	return true
}

// deflateSamples returns texts compressed at every level, and by
// Huffman codes only, and their lengths.
func deflateSamples(r *rand.Rand) [][]byte {
	var texts [][]byte
	texts = append(texts, nil, []byte("a"), bytes.Repeat([]byte("0 0 m 1 1 l S "), 3000))
	for _, n := range []int{10, 300, 5000, 70000} { // 70000: distances up to 32 KB
		// Text of a few words (matches near and far), random bytes
		// (long literal codes, stored blocks), and runs (short distances).
		words := []string{"BT", "/F1", "10", "Tf", "<01>", "Tj", "ET", "1 0 0 1", "775.889", "Tm", "\n", "q", "Q", "re"}
		var w, rnd, runs []byte
		for len(w) < n {
			w = append(w, words[r.IntN(len(words))]...)
			w = append(w, ' ')
		}
		for range n {
			rnd = append(rnd, byte(r.IntN(256)))
		}
		for len(runs) < n {
			runs = append(runs, bytes.Repeat([]byte{byte(r.IntN(4))}, 1+r.IntN(300))...)
			runs = append(runs, byte(r.IntN(256)))
		}
		// Bytes of very unequal frequencies: codes of up to 15 bits,
		// looked up further on.
		var skewed []byte
		for len(skewed) < n {
			skewed = append(skewed, byte(bits.LeadingZeros32(r.Uint32()|1)))
		}
		// Patterns of 2 to 40 bytes repeated: matches that overlap
		// themselves, at distances shorter and longer than a word.
		var periods []byte
		for len(periods) < n {
			pat := rnd[:1+r.IntN(min(40, n))]
			for range 1 + r.IntN(20) {
				periods = append(periods, pat...)
			}
			periods = append(periods, byte(r.IntN(256)))
		}
		texts = append(texts, w, rnd, runs, skewed, append(w[:len(w):len(w)], rnd...), periods)
		if n > 5000 {
			texts = append(texts[:len(texts)-6], w) // enough of the others
		}
	}
	var out [][]byte
	for _, text := range texts {
		for _, level := range []int{flate.NoCompression, flate.BestSpeed, 4, flate.DefaultCompression, flate.BestCompression, flate.HuffmanOnly} {
			var z bytes.Buffer
			w, _ := flate.NewWriter(&z, level)
			w.Write(text)
			w.Close()
			out = append(out, z.Bytes())
		}
	}
	return out
}

// TestWholeMatchesFlate decodes streams of every kind of block whole,
// cut short, and damaged byte by byte and bit by bit, under limits, and
// holds what it reads to compress/flate's reading. (pdftext holds it so
// on the streams of the sample PDFs.)
func TestWholeMatchesFlate(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	z := new(Whole)
	streams := append(deflateSamples(r), deflated(t)...)
	read := 0
	for _, s := range streams {
		want, _ := stdInflate(s)
		if !checkWhole(t, z, s, nil, 1<<40) {
			if _, ok := stdInflate(s); ok && len(s) > 0 && s[0]&6 != 6 {
				t.Logf("%d bytes gave up on (a valid stream)", len(s))
			}
		} else {
			read++
		}
		// Limits about the size, buffers of any size.
		for _, limit := range []int64{int64(len(want)) - 1, int64(len(want))} {
			checkWhole(t, z, s, make([]byte, 0, r.IntN(2*len(want)+1)), max(limit, 0))
		}
		// Cut short, and damaged.
		for range 4 {
			if len(s) == 0 {
				break
			}
			checkWhole(t, z, s[:r.IntN(len(s))], nil, 1<<40)
			bad := bytes.Clone(s)
			bad[r.IntN(len(bad))] ^= byte(1 << r.IntN(8))
			checkWhole(t, z, bad, nil, 1<<40)
			bad[r.IntN(len(bad))] = byte(r.IntN(256))
			checkWhole(t, z, bad, nil, 1<<40)
		}
	}
	if read < len(streams)/2 {
		t.Errorf("read %d of %d streams whole", read, len(streams))
	}
}

// TestWholeLongCodes checks that the samples have codes longer
// than the tables' first lookup (entSub entries), which the test above
// then reads.
func TestWholeLongCodes(t *testing.T) {
	z := new(Whole)
	for _, s := range deflateSamples(rand.New(rand.NewPCG(1, 2))) {
		if _, ok := z.Inflate(s, nil, 1<<40); !ok {
			continue
		}
		for _, e := range z.tables[:1<<litBits] {
			if e&entKind == entSub {
				return
			}
		}
	}
	t.Error("no sample has a literal/length code longer than litBits")
}

// FuzzWhole holds Whole to compress/flate on any input,
// and on it compressed.
//
//	go test ./internal/inflate -run XXX -fuzz FuzzWhole -parallel 1
func FuzzWhole(f *testing.F) {
	for _, s := range deflateSamples(rand.New(rand.NewPCG(3, 4)))[:40] {
		f.Add(s, uint8(0), int64(1<<20))
	}
	f.Fuzz(func(t *testing.T, in []byte, level uint8, limit int64) {
		z := new(Whole)
		checkWhole(t, z, in, nil, max(limit, 0))
		var c bytes.Buffer
		w, _ := flate.NewWriter(&c, int(level%12)-2)
		w.Write(in)
		w.Close()
		checkWhole(t, z, c.Bytes(), nil, max(limit, 0))
		checkWhole(t, z, c.Bytes(), nil, 1<<40)
	})
}
