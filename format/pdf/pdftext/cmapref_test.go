package pdftext

import (
	"maps"
	"reflect"
	"sort"
	"testing"
)

// refParseCMap is parseCMap as it was before it read tokens as bytes:
// every code and destination a string of its own, read by the reference
// lexer.
func refParseCMap(data []byte) *cmap {
	m := &cmap{chars: map[uint32]string{}, cids: map[uint32]int{}}
	l := &refLexer{lexer{b: data}}
	entries := 0
	// each reads the entries of a begin… section: each starts with a
	// code string; the first other token ends the section.
	each := func(f func(code string)) {
		for entries < maxCMapEntries {
			a := l.next()
			if a.kind != tString {
				return
			}
			f(a.str)
			entries++
		}
	}
	for entries < maxCMapEntries {
		t := l.next()
		if t.kind == tEOF {
			break
		}
		if t.kind != tKeyword {
			continue
		}
		switch t.str {
		case "begincodespacerange":
			each(func(lo string) {
				if hi := l.next(); hi.kind == tString {
					if r, ok := newCodeRange([]byte(lo), []byte(hi.str)); ok {
						m.space = append(m.space, r)
					}
				}
			})
		case "beginbfchar":
			each(func(code string) {
				switch b := l.next(); b.kind {
				case tString:
					m.chars[codeOf(code)] = decodeUTF16(b.str)
				case tName:
					if r := glyphRune(b.str); r != "" {
						m.chars[codeOf(code)] = decodeUTF16(utf16BE(r))
					}
				}
			})
		case "beginbfrange":
			each(func(lo string) {
				r := bfRange{lo: codeOf(lo), hi: codeOf(l.next().str)}
				switch c := l.next(); c.kind {
				case tString:
					r.dst = c.str
				case tArrayOpen:
					for d := l.next(); d.kind == tString; d = l.next() {
						r.dsts = append(r.dsts, d.str)
					}
				default:
					return
				}
				if r.hi >= r.lo {
					m.ranges = append(m.ranges, r)
				}
			})
		case "begincidchar":
			each(func(code string) {
				if b := l.next(); b.kind == tNumber {
					m.cids[codeOf(code)] = int(b.num)
				}
			})
		case "begincidrange":
			each(func(lo string) {
				b, c := l.next(), l.next()
				if b.kind == tString && c.kind == tNumber && codeOf(b.str) >= codeOf(lo) {
					m.cidRng = append(m.cidRng, cidRange{codeOf(lo), codeOf(b.str), int(c.num)})
				}
			})
		}
	}
	sort.Slice(m.ranges, func(i, j int) bool { return m.ranges[i].lo < m.ranges[j].lo })
	sort.Slice(m.cidRng, func(i, j int) bool { return m.cidRng[i].lo < m.cidRng[j].lo })
	return m
}

// cmapStreams returns the decoded ToUnicode and encoding CMaps of a PDF.
func cmapStreams(data []byte) [][]byte {
	f, err := open(data, &budget{left: DefaultLimits.MaxDecodedBytes})
	if err != nil {
		return nil
	}
	var out [][]byte
	for num := range f.xref {
		d := f.dict(f.get(num))
		for _, k := range []Name{"ToUnicode", "Encoding"} {
			if s, ok := f.resolve(d[k]).(*Stream); ok {
				if data, _ := f.decodeStream(s, true); len(data) > 0 {
					out = append(out, data)
				}
			}
		}
	}
	return out
}

// TestCMapMatchesReference parses every CMap of the PDFs under testdata
// with parseCMap and refParseCMap.
func TestCMapMatchesReference(t *testing.T) {
	n := 0
	for name, data := range testPDFs(t) {
		for i, c := range cmapStreams(data) {
			n++
			got, want := parseCMap(c), refParseCMap(c)
			if !reflect.DeepEqual(withoutLow(got), withoutLow(want)) {
				t.Errorf("%s CMap %d: %+v, reference %+v", name, i, got, want)
			}
			checkCMapText(t, got)
		}
	}
	if n == 0 {
		t.Fatal("no CMap under testdata")
	}
}

// FuzzCMap parses data as a CMap with parseCMap and refParseCMap.
//
//	go test ./format/pdf/pdftext -run XXX -fuzz FuzzCMap -parallel 1
func FuzzCMap(f *testing.F) {
	f.Add([]byte("2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange 3 beginbfchar <01> <4E2D> <0002> /uni6587 <03> (x) endbfchar 2 beginbfrange <10> <20> <0041> <8140> <8142> [<D83DDE00> <0042> /a] <30> endbfrange 1 begincidchar <41> 7 endcidchar 1 begincidrange <8140> <81FE> 100 <9000> <8000> 5 endcidrange"))
	f.Add([]byte("beginbfrange <0000> 1 <0041> <0001> /x <0042> endbfrange begincodespacerange <0000> <FFFF> <00> endcodespacerange"))
	for _, data := range testPDFs(f) {
		for _, c := range cmapStreams(data) {
			f.Add(c)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, want := parseCMap(data), refParseCMap(data)
		if !reflect.DeepEqual(withoutLow(got), withoutLow(want)) {
			t.Fatalf("%+v, reference %+v", got, want)
		}
		checkCMapText(t, got)
	})
}

// withoutLow is m with the texts of m.low in m.chars, as refParseCMap
// keeps them, and no empty map.
func withoutLow(m *cmap) *cmap {
	c := *m
	c.chars = maps.Clone(m.chars)
	for code, t := range m.low {
		if t != "" {
			if c.chars == nil {
				c.chars = map[uint32]string{}
			}
			c.chars[uint32(code)] = t
		}
	}
	if len(c.chars) == 0 {
		c.chars = nil
	}
	c.low = nil
	return &c
}

// checkCMapText checks that m.text gives for each code below 300 what it
// gives with the texts of m.low in m.chars.
func checkCMapText(t *testing.T, m *cmap) {
	t.Helper()
	flat := withoutLow(m)
	for code := range uint32(300) {
		gotT, gotOK := m.text(code)
		wantT, wantOK := flat.text(code)
		if gotT != wantT || gotOK != wantOK {
			t.Fatalf("text(%#x) = %q, %v; from chars %q, %v", code, gotT, gotOK, wantT, wantOK)
		}
	}
}

// TestCMapText checks text on a CMap of one- and two-byte codes, empty
// texts before and after others, ranges and codes past 255.
func TestCMapText(t *testing.T) {
	m := parseCMap([]byte("3 beginbfchar <01> <4E2D> <0002> /uni6587 <03> <> <0104> <0041> <FF> <0042> <06> <0043> <06> <> <07> <> <07> <0044> endbfchar 1 beginbfrange <03> <07> <0061> endbfrange"))
	if len(m.low) != 256 {
		t.Fatalf("low has %d codes, want 256", len(m.low))
	}
	checkCMapText(t, m)
	if got, want := withoutLow(m), withoutLow(refParseCMap([]byte("3 beginbfchar <01> <4E2D> <0002> /uni6587 <03> <> <0104> <0041> <FF> <0042> <06> <0043> <06> <> <07> <> <07> <0044> endbfchar 1 beginbfrange <03> <07> <0061> endbfrange"))); !reflect.DeepEqual(got, want) {
		t.Errorf("%+v, reference %+v", got, want)
	}
	for code, want := range map[uint32]string{1: "中", 2: "文", 3: "", 4: "b", 5: "c", 6: "", 7: "D", 0xFF: "B", 0x104: "A"} {
		if got, _ := m.text(code); got != want {
			t.Errorf("text(%#x) = %q, want %q", code, got, want)
		}
	}
}
