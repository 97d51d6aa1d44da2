package pdftext

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"
)

// refObject reads one object as object did before the tokens after a
// number were scanned rather than made into tokens (and before an R was
// looked for only where no number stands).
func (l *lexer) refObject(depth int) (v any, tok token, ok bool) {
	tok = l.next()
	v, ok = l.refObjectFrom(tok, depth)
	return v, tok, ok
}

func (l *lexer) refObjectFrom(tok token, depth int) (any, bool) {
	switch tok.kind {
	case tEOF, tArrayClose, tDictClose:
		return nil, false
	case tNumber:
		if tok.isInt && tok.num >= 0 && !l.content {
			// Maybe N G R.
			save := l.pos
			t2 := l.next()
			if t2.kind == tNumber && t2.isInt && t2.num >= 0 {
				t3 := l.next()
				if t3.kind == tKeyword && t3.str == "R" {
					return refValue(int(tok.num), int(t2.num)), true
				}
			}
			l.pos = save
			return intValue(int(clampInt(tok.num))), true
		}
		if tok.isInt {
			return intValue(int(clampInt(tok.num))), true
		}
		return tok.num, true
	case tName:
		return Name(tok.str), true
	case tString:
		return String(tok.str), true
	case tArrayOpen:
		var a Array
		for {
			if depth >= maxNesting {
				l.skipTo(tArrayClose)
				return a, true
			}
			v, t, ok := l.refObject(depth + 1)
			if !ok {
				if t.kind == tEOF || t.kind == tArrayClose {
					return a, true
				}
				continue // a stray >>
			}
			a = append(a, v)
		}
	case tDictOpen:
		d := Dict{}
		for {
			if depth >= maxNesting {
				l.skipTo(tDictClose)
				return d, true
			}
			k := l.next()
			if k.kind == tDictClose || k.kind == tEOF {
				return d, true
			}
			if k.kind != tName {
				if k.kind == tKeyword && (k.str == "stream" || k.str == "endobj") {
					l.pos -= len(k.str) // a dictionary left open: stop before its stream
					return d, true
				}
				continue
			}
			v, t, ok := l.refObject(depth + 1)
			if !ok {
				if t.kind == tDictClose || t.kind == tEOF {
					return d, true
				}
				continue
			}
			d[Name(k.str)] = v
		}
	case tKeyword:
		switch tok.str {
		case "true":
			return true, true
		case "false":
			return false, true
		case "null":
			return nil, true
		}
		if v, ok := keywordValues[tok.str]; ok {
			return v, true
		}
		return keyword(tok.str), true
	}
	return nil, false
}

// sameObjects reads an object at each offset of data where one may
// start (a number, an array, a dictionary), as file objects and as
// content, with object and refObject: the same object, the same
// delimiter token, the same position after it.
func sameObjects(data []byte) error {
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c >= '0' && c <= '9', c == '[', c == '<', c == '-', c == '+', c == '.':
		default:
			continue
		}
		if i > 0 && isRegular(data[i-1]) && data[i-1] != '[' && data[i-1] != '<' {
			continue // inside a token
		}
		for _, content := range []bool{false, true} {
			l := &lexer{b: data, pos: i, content: content}
			r := &lexer{b: data, pos: i, content: content}
			v, tok, ok := l.object(0)
			rv, rtok, rok := r.refObject(0)
			if !reflect.DeepEqual(v, rv) || ok != rok || tok.kind != rtok.kind || tok.str != rtok.str || l.pos != r.pos {
				return fmt.Errorf("at %d (content %v): %#v %v %v at %d; reference %#v %v %v at %d", i, content, v, tok.kind, ok, l.pos, rv, rtok.kind, rok, r.pos)
			}
		}
	}
	return nil
}

// TestObjectMatchesReference reads objects all through the PDFs under
// testdata (their dictionaries, arrays of widths, references).
func TestObjectMatchesReference(t *testing.T) {
	for name, data := range testPDFs(t) {
		if err := sameObjects(data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// FuzzObject reads objects from data with object and refObject.
//
//	go test ./format/pdf/pdftext -run XXX -fuzz FuzzObject -parallel 1
func FuzzObject(f *testing.F) {
	f.Add([]byte("1 0 obj << /A 1 0 R /B [1 2 R 3 4 5 R 6 -0 R 7 +8 R 9 0 } R 1 0 %c\nR 2 0 R1] /C 1 0 (R) /D 1 .5 R >> endobj"))
	f.Add([]byte("/W [ 32 [ 256 308 376 ] 40 50 600 1 2 R ]"))
	f.Add(bytes.Repeat([]byte("12 0 R [3 4 R] << /K 5 6 >> "), 4))
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := sameObjects(data); err != nil {
			t.Fatal(err)
		}
	})
}
