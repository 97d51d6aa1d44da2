package pdftext

import (
	"encoding/hex"
	"math/rand/v2"
	"testing"
)

// TestShortTextsMatchesMap puts random packed words in a shortTexts and a
// map, growing it many times over, and looks up words set and not.
func TestShortTextsMatchesMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var st shortTexts
	m := map[uint64]string{}
	word := func() uint64 {
		n := 1 + r.IntN(7)
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.IntN(4)) // few bytes: words met again
		}
		w, _ := packShort(b)
		return w
	}
	for i := range 20000 {
		k := word()
		got, ok := st.get(k)
		want, wantOK := m[k]
		if got != want || ok != wantOK {
			t.Fatalf("get(%#x) = %q, %v; map %q, %v", k, got, ok, want, wantOK)
		}
		if !ok && i%3 != 0 {
			text := hex.EncodeToString([]byte{byte(i), byte(i >> 8)})
			st.put(k, text)
			m[k] = text
		}
		if st.n != len(m) {
			t.Fatalf("%d words, map %d", st.n, len(m))
		}
	}
}

// TestActualTextHex checks that actualTextHex gives actualText of the
// decoded digits, for every length up to past the packed ones, remembered
// or not, in either case of digit.
func TestActualTextHex(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	f, ref := &file{}, &file{}
	for i := range 5000 {
		raw := make([]byte, r.IntN(12))
		for k := range raw {
			raw[k] = byte(r.IntN(3)) // few bytes: texts met again
			if r.IntN(4) == 0 {
				raw[k] = byte(r.Uint32())
			}
		}
		if len(raw) >= 2 && i%2 == 0 {
			raw[0], raw[1] = 0xFE, 0xFF
		}
		digits := []byte(hex.EncodeToString(raw))
		if i%3 == 0 {
			digits = []byte(hex.EncodeToString(raw))
			for k, c := range digits {
				if c >= 'a' {
					digits[k] = c - 'a' + 'A'
				}
			}
		}
		if got, want := f.actualTextHex(digits), ref.actualText(raw); got != want {
			t.Fatalf("actualTextHex(%s) = %q, actualText %q", digits, got, want)
		}
		// The digits as actualTextOnly reads and packs them, and
		// actualTextPacked on what it packed.
		l := &lexer{b: []byte("/ActualText<" + string(digits) + ">>>"), content: true, actualKey: 1}
		var o operand
		if !actualTextOnly(l, &o) || !o.hex || string(l.bytes(&o)) != string(digits) {
			t.Fatalf("actualTextOnly(%s): %v, hex %v, %q", l.b, o.actual, o.hex, l.bytes(&o))
		}
		if k, ok := packShort(raw); ok != (l.actualKey != 0) || ok && k != l.actualKey {
			t.Fatalf("actualTextOnly(%s) packed %#x, packShort %#x, %v", l.b, l.actualKey, k, ok)
		}
		if got, want := f.actualTextPacked(l.actualKey, l.bytes(&o)), ref.actualText(raw); got != want {
			t.Fatalf("actualTextPacked(%#x, %s) = %q, actualText %q", l.actualKey, digits, got, want)
		}
		if got, want := textString(raw), ref.actualText(raw); got != want {
			t.Fatalf("actualText(%x) = %q, textString %q", raw, want, got)
		}
	}
}
