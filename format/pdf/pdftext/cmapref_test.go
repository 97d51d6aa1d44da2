package pdftext

import (
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
			if got, want := parseCMap(c), refParseCMap(c); !reflect.DeepEqual(got, want) {
				t.Errorf("%s CMap %d: %+v, reference %+v", name, i, got, want)
			}
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
		if got, want := parseCMap(data), refParseCMap(data); !reflect.DeepEqual(got, want) {
			t.Fatalf("%+v, reference %+v", got, want)
		}
	})
}
