package table

import (
	"reflect"
	"strings"
	"testing"

	"xxgk"
	"xxgk/templates"
)

// fuzzRow makes a row read, its table's width and columns, and the row's
// own identity from fuzz bytes: pieces of digits (split or not, with a
// sign, spaced, or worded), decimals, blank and not-applicable cells, and
// maybe bare digits at the end that may be the next label's numbering.
func fuzzRow(data []byte) (rr rowRead, n int, cols []*templates.Column, identities bool, holds func([]cellVal) bool) {
	next := func() byte {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return b
	}
	n = 1 + int(next()%8)
	for range n {
		b := next()
		cols = append(cols, &templates.Column{Decimal: b&1 != 0, Signed: b&2 != 0})
	}
	switch next() % 3 {
	case 0:
		holds = func([]cellVal) bool { return true }
	case 1:
		identities = true
		holds = func(c []cellVal) bool { // 总计 = the other columns
			sum := xxgk.Int(0)
			for _, v := range c[1:] {
				if !v.ok {
					return true
				}
				sum = sum.Add(v.num)
			}
			return !c[0].ok || c[0].num.Equal(sum)
		}
	default:
		identities = true
		holds = func(c []cellVal) bool { return len(c) < 2 || !c[0].ok || !c[1].ok || c[0].num.Cmp(c[1].num) >= 0 }
	}
	flags := next()
	rr.asPrinted = flags&1 != 0
	pieces := 1 + int(next())%(n+1)
	for k := 0; len(data) > 0 && k < pieces; k++ {
		b := next()
		p := piece{line: int(b>>5) & 1, start: k, end: k + 1}
		switch b % 6 {
		case 4:
			p.kind = pieceBlank
		case 5:
			p.kind = pieceNA
		default:
			var d strings.Builder
			for j := range 1 + int(next()%7) {
				c := next()
				if j == 0 && c&0x80 != 0 {
					c = 0 // leading zeros, which must be split
				}
				d.WriteByte('0' + c%10)
			}
			t := d.String()
			p.splittable = b&8 != 0 && len(t) > 1
			p.weak = b&16 != 0
			switch {
			case b&0x40 != 0 && !p.splittable:
				t += ".5"
			case b&0x80 != 0:
				t = "-" + t
			}
			p.worded = b%4 == 3
			num, err := xxgk.ParseNumber(t)
			if err != nil {
				continue
			}
			p.kind, p.text, p.num = pieceNumber, t, num
		}
		rr.region = append(rr.region, p)
	}
	if m := len(rr.region); m > 0 && flags&2 != 0 {
		if last := rr.region[m-1]; last.kind == pieceNumber && len(last.text) > 1 {
			rr.tailDigits = last.text[len(last.text)-1:]
		}
	}
	return rr, n, cols, identities, holds
}

// fuzzScratch is shared by the fuzz calls, as a reader shares it between
// the rows of its tables: what one call leaves in it must not change the
// next.
var fuzzScratch solveScratch

// FuzzCandidates checks the splits candidates lists against the reference
// (refCandidates, the code before the slab).
func FuzzCandidates(f *testing.F) {
	f.Add([]byte{4, 0, 0, 0, 0, 1, 0, 8, 5, 1, 2, 3, 0, 4, 5})
	f.Add([]byte{7, 0, 0, 0, 0, 0, 0, 0, 1, 2, 8, 7, 1, 5, 1, 3, 0, 0, 0, 5, 5, 0, 8, 6, 0, 0, 0, 0, 1, 5, 1})
	f.Add([]byte{3, 1, 2, 3, 2, 2, 0x88, 4, 0x81, 2, 3, 4, 24, 3, 1, 0, 0})
	f.Add([]byte{5, 0, 0, 0, 0, 0, 1, 3, 0xc8, 6, 0x80, 0, 0, 1, 0, 5, 4, 5})
	f.Fuzz(func(t *testing.T, data []byte) {
		rr, n, cols, identities, holds := fuzzRow(data)
		want, wantWhy := refCandidates(rr, n, cols, identities, holds)
		got, gotWhy := candidates(rr, n, cols, identities, holds, &fuzzScratch)
		if gotWhy != wantWhy || got.exact != want.exact || !sameCands(got.cands, want.cands) {
			t.Fatalf("candidates(%+v, %d) = %v %v %q, want %v %v %q", rr.region, n, got.exact, got.cands, gotWhy, want.exact, want.cands, wantWhy)
		}
		if len(data) > 0 && data[0]&0x80 != 0 {
			fuzzScratch.vals.reset()
			fuzzScratch.cellRows.reset()
		}
	})
}

func sameCands(a, b [][]cellVal) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

// TestCandidatesMatchReference runs the fuzz seeds and a sweep of rows
// made from counting bytes, without the fuzzer.
func TestCandidatesMatchReference(t *testing.T) {
	for seed := range 3000 {
		data := make([]byte, 32)
		x := uint32(seed)*2654435761 + 1
		for i := range data {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			data[i] = byte(x)
		}
		rr, n, cols, identities, holds := fuzzRow(data)
		want, wantWhy := refCandidates(rr, n, cols, identities, holds)
		got, gotWhy := candidates(rr, n, cols, identities, holds, &fuzzScratch)
		if gotWhy != wantWhy || got.exact != want.exact || !sameCands(got.cands, want.cands) {
			t.Fatalf("seed %d: candidates(%+v, %d) = %v %v %q, want %v %v %q", seed, rr.region, n, got.exact, got.cands, gotWhy, want.exact, want.cands, wantWhy)
		}
	}
}
