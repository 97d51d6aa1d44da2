package pdftext

// The object reader before it kept the tokens its N G R look-ahead read
// (lexer.ahead), kept for TestObjectMatchesReference and FuzzObject: it
// backs up over them and scans them again.

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// refObject is lexer.object as it was.
func refObject(l *lexer, depth int) (v any, tok token, ok bool) {
	tok = l.next()
	v, ok = refObjectFrom(l, tok, depth)
	return v, tok, ok
}

func refObjectFrom(l *lexer, tok token, depth int) (any, bool) {
	switch tok.kind {
	case tEOF, tArrayClose, tDictClose:
		return nil, false
	case tNumber:
		if tok.isInt && tok.num >= 0 && !l.content {
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
			v, t, ok := refObject(l, depth+1)
			if !ok {
				if t.kind == tEOF || t.kind == tArrayClose {
					return a, true
				}
				continue
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
					l.pos -= len(k.str)
					return d, true
				}
				continue
			}
			v, t, ok := refObject(l, depth+1)
			if !ok {
				if t.kind == tDictClose || t.kind == tEOF {
					return d, true
				}
				continue
			}
			d[Name(k.str)] = v
		}
	case tKeyword:
		return l.objectFrom(tok, depth)
	}
	return nil, false
}

// sameObjects reads data object by object with the object reader and the
// reference, and reports the first difference: in a value, its last
// token, or the position after it. Between objects it also reads a bare
// token now and then, as the file reader does (obj, stream…), and backs
// up as parseObjectAt does.
func sameObjects(data []byte) error {
	l, r := &lexer{b: data}, &lexer{b: data}
	for n := 0; n < 1000; n++ {
		if n%3 == 2 {
			save := l.pos
			lt, rt := l.next(), r.next()
			if lt.kind != rt.kind || lt.num != rt.num || lt.isInt != rt.isInt || lt.str != rt.str || l.pos != r.pos {
				return fmt.Errorf("token %d at %d: %+v (pos %d), reference %+v (pos %d)", n, save, lt, l.pos, rt, r.pos)
			}
			if n%7 == 2 {
				l.pos, r.pos = save, save
			}
			continue
		}
		lv, lt, lok := l.object(0)
		rv, rt, rok := refObject(r, 0)
		if !reflect.DeepEqual(lv, rv) || lok != rok || lt.kind != rt.kind || lt.num != rt.num || lt.str != rt.str || l.pos != r.pos {
			return fmt.Errorf("object %d: %#v %v %+v (pos %d), reference %#v %v %+v (pos %d)", n, lv, lok, lt, l.pos, rv, rok, rt, r.pos)
		}
		if lt.kind == tEOF {
			return nil
		}
	}
	return nil
}

// objectPieces are the bits random object texts are made of: numbers and
// references, names and strings in and out of the scratch buffer, the
// delimiters, and the keywords that end a dictionary.
var objectPieces = strings.Fields(`0 1 2 7 12 -3 +4 2.5 .5 - . 1e 99999999999999999999 R R R obj endobj stream true null /A /Kids /A#20B /#41 (x) (x\)y) (\101) <41> <4> [ [ ] ] << << >> >> > ) { %c`)

// TestObjectMatchesReference reads random object texts and the test
// files' objects with the object reader and the reference.
func TestObjectMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	seps := []string{" ", " ", "\n", "", "\r\n"}
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(40) {
			b.WriteString(objectPieces[rng.IntN(len(objectPieces))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		if err := sameObjects([]byte(b.String())); err != nil {
			t.Fatalf("%q: %v", b.String(), err)
		}
	}
	for _, data := range [][]byte{fontInObjStmPDF(), []byte(strings.Repeat("[", 70) + "1 2 3 0 R 4 5 R")} {
		if err := sameObjects(data); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzObject reads data with the object reader and the reference.
//
//	go test ./format/pdf/pdftext -run XXX -fuzz FuzzObject -parallel 1
func FuzzObject(f *testing.F) {
	f.Add([]byte("1 0 obj << /A#20B (x\\\\y) /C <41 4> /D [1 2 R 3 4 5 0 R] /E 6 /F 7 0 >> endobj <</Length 3>>stream"))
	f.Add([]byte("[1 2 3 4 5 6 7 8 9 0 R 10 (a\\)b) 11 /N#20 12 13 /X]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := sameObjects(data); err != nil {
			t.Fatal(err)
		}
	})
}
