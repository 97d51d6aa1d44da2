package pdftext

// The interpreter's loop as it was before it read the tokens itself, kept
// for TestContentMatchesReference and FuzzContent (readBoth), which hold
// run to it.

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// runScan is run as it was before its loop read the tokens itself:
// each token by scan, the numbers that follow one by number. The
// interpreter must draw exactly what it draws.
//
// It interprets a content stream. Its operands are kept as values: the
// bytes of names and strings stay in the stream or the lexer's scratch
// buffer until their operator has run, and arrays and dictionaries (TJ
// arrays, BDC property lists) are read as operands of their own, not
// built as objects, so that most operators allocate nothing. The lexer
// is passed down, never stored, so that it stays on the stack: what
// scanning writes to it costs no write barrier.
func runScan(in *interp, content []byte, res Dict) {
	l := &lexer{b: content, content: true}
	saveRes, saveNamed, saveElems := in.res, in.named, in.elems
	in.res, in.named, in.elems = res, nil, in.elems[:0]
	defer func() { in.res, in.named, in.elems = saveRes, saveNamed, saveElems }()
	// The operands of the next operator, each read into its slot: built
	// apart and copied in, an operand was stored a field at a time and
	// loaded whole, which the processor cannot forward. Past
	// maxOperands, the last slot takes each operand and drops it.
	var operands [maxOperands + 1]operand
	n := 0
	for *in.ops > 0 {
		kind := l.scan()
		o := &operands[n]
		switch kind {
		case tEOF:
			return
		case tArrayClose, tDictClose:
			continue // stray: no object
		case tNumber:
			// The numbers that follow read here, in one loop, not each
			// by scan's dispatch and this switch: half the tokens are
			// numbers, most in runs (the six of a Tm, the colours of an
			// rg). What ends the run is scanned by the loop above; a
			// number token changes nothing the loop tests (*in.ops).
			for {
				v := l.num
				if !l.plain {
					v = numValue(v, l.isInt)
				}
				*o = operand{kind: tNumber, num: v} // not numOperand: see operands
				if n < maxOperands {
					n++
				}
				l.skipSpace()
				if l.pos >= len(l.b) || scanKinds[l.b[l.pos]] != scanNumber || !l.number() {
					break
				}
				o = &operands[n]
			}
			continue
		case tName, tString:
			*o = bytesOperand(kind, l)
		case tArrayOpen:
			in.arrayOperand(l, o)
		case tDictOpen:
			dictOperand(l, o)
		case tKeyword:
			// keywordOp(l.tok()), packed by one load where the content
			// goes on for 8 bytes, not by packShort's loop, and written
			// out here: a third of the tokens are operators. (A
			// keyword's bytes are never in the scratch buffer.)
			var op opcode
			if n := l.tEnd - l.tOff; uint(n-1) < 7 && l.tOff+8 <= len(l.b) {
				op = packedOp(packAt(l.b, l.tOff, n))
			} else {
				op = keywordOp(l.tok())
			}
			switch op {
			case opTrue, opFalse, opNull:
				*o = operand{} // an operand no operator reads (kind 0)
			default:
				*in.ops--
				if op == opBI {
					in.inlineImage(l)
				} else {
					in.op(l, op, operands[:n])
				}
				n, in.elems = 0, in.elems[:0]
				l.scratch = l.scratch[:0]
				if op != opBI && len(in.page.Glyphs) >= maxGlyphsPerPage {
					return
				}
				continue
			}
		}
		if n < maxOperands {
			n++
		}
	}
}

// TestRunNumbers draws with numbers of every form and length, read by
// run itself (a lone digit, a short decimal) or by number (a long
// one), as text positions and path coordinates: run must draw what
// runScan, which reads each by number, draws.
func TestRunNumbers(t *testing.T) {
	cases := []string{"0", "-0", "+0", "-0.0", "+.5", ".", "-.", "+", "-", ".5", "-.5", "5.", "1.2.3", "1-2", "0.5-", "--1", "+-1",
		"123456789012", "1234567890123", "-123456789012", "-0000000000000", "123456789012345", "1234567890123456", "-12345678901234",
		"-123456789012345", "0.00000000000001", "0.000000000000001", "99999999999999.9", "9999999999999.99", ".99999999999999",
		"18446744073709551616", "123456789012345678901234567890", "1e5", "3.14159265358979", "-3.1415926535897", "000000000000001"}
	r := rand.New(rand.NewPCG(9, 10))
	for i := range 3000 {
		n := i%17 + 1
		b := []byte{"+-."[r.IntN(3)]}[:r.IntN(2)]
		for k := range n {
			if k == r.IntN(n+1) {
				b = append(b, '.')
			}
			b = append(b, byte('0'+r.IntN(10)))
		}
		cases = append(cases, string(b))
	}
	for len(cases) > 0 {
		batch := cases[:min(len(cases), 100)]
		cases = cases[len(batch):]
		var content strings.Builder
		content.WriteString("BT /F1 10 Tf ")
		for _, c := range batch {
			fmt.Fprintf(&content, "1 0 0 1 %[1]s %[1]s Tm (A) Tj %[1]s 3 Td (B) Tj\n", c)
		}
		content.WriteString("ET ")
		for _, c := range batch {
			fmt.Fprintf(&content, "%[1]s %[1]s 1 1 re S 0 0 m %[1]s 0 l S 0 %[1]s m 0 0 l S\n", c)
		}
		readBoth(t, fuzzPage([]byte(content.String())), DefaultLimits)
	}
}

// TestRunKeywords runs each operator, and words like them that are none,
// after operands it would read, in the middle of the content and at its
// end: run, which packs a keyword's bytes as it scans them, must run
// what runScan runs.
func TestRunKeywords(t *testing.T) {
	words := []string{"", "x", "Tjj", "qq", "QQ", "BDCx", "TJ0", "T*x", "ab", "abcdefg", "abcdefgh", "Tjabcdefgh", "-", "+", ".", "-.", "+-", "\xff", "\x80T"}
	for name := range opcodeNames {
		words = append(words, name, name+"x", "x"+name, name+name)
	}
	for _, w := range words {
		for _, tail := range []string{"", " ", "\n", "/N", "(s)", "<41>", "[", "]", "%c"} {
			content := "BT /F1 10 Tf 100 700 Td 12 TL 1 2 (A) " + w + tail + " (B) Tj 5 6 " + w + tail + " Td (C) Tj ET 10 10 m 20 10 0 5 5 5 " + w + tail + " S 0 0 5 5 re " + w + tail
			readBoth(t, fuzzPage([]byte(content)), DefaultLimits)
			readBoth(t, fuzzPage([]byte(content+" "+w)), DefaultLimits)
		}
	}
	// Names, escaped or not, ended by each kind of byte.
	for _, name := range []string{"/F1", "/F#31", "/F1#", "/#", "/", "/F#3", "/F#3G", "/F#31#32", "/F2", "/F#32", "/F3"} {
		for _, tail := range []string{"", " ", "\n", "/N", "(s)", "<41>", "[", "]", "%c", "#", "+1", "Tf", "-"} {
			content := "BT " + name + tail + " 9 Tf 100 700 Td (A) Tj " + name + tail + " 8 Tf (B) Tj ET " + name + tail
			readBoth(t, fuzzPage([]byte(content)), DefaultLimits)
		}
	}
}
