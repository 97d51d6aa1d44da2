package pdftext

import (
	"encoding/binary"
	"math"
	"math/bits"
)

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul sets r to m × n (m applied first); r may be m or n. Matrices are
// passed by pointer and written an element at a time: passed and
// returned by value, they were copied on the stack, with loads of 16
// bytes from stores of 8, which the processor cannot forward (the
// placing of each glyph was held up by it).
func (r *matrix) mul(m, n *matrix) {
	r0 := m[0]*n[0] + m[1]*n[2]
	r1 := m[0]*n[1] + m[1]*n[3]
	r2 := m[2]*n[0] + m[3]*n[2]
	r3 := m[2]*n[1] + m[3]*n[3]
	r4 := m[4]*n[0] + m[5]*n[2] + n[4]
	r5 := m[4]*n[1] + m[5]*n[3] + n[5]
	r[0], r[1], r[2], r[3], r[4], r[5] = r0, r1, r2, r3, r4, r5
}

// set sets m to n an element at a time (see mul).
func (m *matrix) set(n *matrix) {
	m[0], m[1], m[2], m[3], m[4], m[5] = n[0], n[1], n[2], n[3], n[4], n[5]
}

func (m *matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

type gstate struct {
	ctm                   matrix
	tc, tw, th, tl, trise float64
	font                  *font
	fsize                 float64
}

// Limits of one page's content, so a crafted file cannot run long.
const (
	maxGlyphsPerPage   = 400_000
	maxSegmentsPerPage = 40_000
	maxFormDepth       = 12
	maxStackDepth      = 64
)

type markedContent struct {
	actual    bool
	text      string
	firstGlyp int
}

type interp struct {
	f      *file
	page   *Page
	toPage pageSpace
	ops    *int // operators left for the whole document

	gs       gstate
	stack    []gstate
	tm, tlm  matrix
	res      Dict
	fonts    map[any]*font
	named    []namedFont // the fonts names selected in res
	elems    []operand   // the elements of the array operands of the content being run
	numbers  [6]float64  // the numbers of the operator being run; see nums
	objs     []any       // the objects of tObject operands
	drew     bool        // a glyph was drawn (the page's Glyphs are not nil)
	mc       []markedContent
	actual   int // open marked-content sequences with /ActualText
	forms    map[*Stream]bool
	depth    int
	chars    []char
	path     []pathSeg
	pathRect []rectPath
	cur      [2]float64
	start    [2]float64
}

type pathSeg struct{ x0, y0, x1, y1 float64 }

type rectPath struct{ x0, y0, x1, y1 float64 } // a re, in page space, normalised

// contentRunner, when set, runs content streams in place of run: tests
// set it to a reference interpreter to compare with.
var contentRunner func(in *interp, content []byte, res Dict)

// runContent runs a content stream with the resources res.
func (in *interp) runContent(content []byte, res Dict) {
	if contentRunner != nil {
		contentRunner(in, content, res)
		return
	}
	in.run(content, res)
}

// run interprets a content stream. Its operands are kept as values: the
// bytes of names and strings stay in the stream or the lexer's scratch
// buffer until their operator has run, and arrays and dictionaries (TJ
// arrays, BDC property lists) are read as operands of their own, not
// built as objects, so that most operators allocate nothing. The lexer
// is passed down, never stored, so that it stays on the stack: what
// scanning writes to it costs no write barrier.
//
// The loop reads the tokens itself, as scan would (runScan of the tests
// reads them by scan, and run must draw what it draws): the position in
// a local, white space skipped and a token's first byte dispatched by one
// switch, numbers, names and operators read in place. Each token read by
// scan cost a call, skipSpace's call and the stores and loads of the
// lexer's fields, 160 instructions a token in all. Strings, hex strings,
// arrays, dictionaries, escaped names and long numbers, rarer, are read
// by the lexer's own functions, from l.pos.
func (in *interp) run(content []byte, res Dict) {
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
	b, i := content, 0
	// Only operators count against *in.ops: it is tested here and after
	// each one, not at each token.
	if *in.ops <= 0 {
		return
	}
	for i < len(b) {
		c := b[i]
		kind := contentKinds[c]
		// White space, tested before the switch: most tokens are
		// followed by one byte of it, which a jump through the switch's
		// table would cost twice as much.
		if kind == ckSpace {
			i++
			continue
		}
		switch kind {
		case ckComment:
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
			continue
		case ckSkip:
			// A stray ']' or ')', a brace of a PostScript procedure:
			// scan skips them, and run drops the stray ']' it returns.
			i++
			continue
		case ckGreater:
			// A stray '>' or '>>': dropped, as by scan and run.
			i++
			if i < len(b) && b[i] == '>' {
				i++
			}
			continue
		case ckNumber:
			o := &operands[n]
			// A lone digit, ended by anything but a digit or a dot: half
			// the numbers (see number).
			if d, next := c-'0', i+1; d <= 9 && next < len(b) && b[next]-'0' > 9 && b[next] != '.' {
				*o = operand{kind: tNumber, num: float64(d)}
				// The white space after it, nearly always there, skipped
				// here, where its byte was read: not by a turn of the
				// loop.
				i = next
				if contentKinds[b[next]] == ckSpace {
					i++
				}
				if n < maxOperands {
					n++
				}
				continue
			}
			// A decimal of 15 bytes or fewer, read here as number
			// reads it (which reads any other): its call, and the
			// spilling and reloading of this loop's registers around
			// it, cost as much as reading the digits.
			j, neg := i, c == '-'
			if neg || c == '+' {
				j++
			}
			var mant uint64
			first := j
			for j < len(b) && b[j]-'0' <= 9 {
				mant = mant*10 + uint64(b[j]-'0')
				j++
			}
			digits, frac, dot := j-first, 0, false
			if j < len(b) && b[j] == '.' {
				dot = true
				j++
				first = j
				for j < len(b) && b[j]-'0' <= 9 {
					mant = mant*10 + uint64(b[j]-'0')
					j++
				}
				frac = j - first
				digits += frac
			}
			if digits > 0 && j-i <= 15 {
				v := float64(mant)
				if frac > 0 {
					v /= pow10[frac]
				}
				if neg {
					v = -v
				}
				if plain := dot || digits <= 12 && (mant != 0 || !neg); !plain {
					v = numValue(v, !dot)
				}
				*o = operand{kind: tNumber, num: v}
				i = j
				if j < len(b) && contentKinds[b[j]] == ckSpace {
					i++ // as after a lone digit
				}
				if n < maxOperands {
					n++
				}
				continue
			}
			// A longer number, by the lexer's number from l.pos: a call
			// passing b would keep b's capacity in a register, or
			// reload it, at every turn of the loop.
			if l.pos = i; l.number() {
				v := l.num
				if !l.plain {
					v = numValue(v, l.isInt)
				}
				*o = operand{kind: tNumber, num: v} // not numOperand: see operands
				i = l.pos
				if n < maxOperands {
					n++
				}
				continue
			}
			// A sign or a dot alone: a keyword, read below.
		case ckName:
			// Most names have no #xx escape: a slice of the content.
			end := i + 1
			for end < len(b) && contentKinds[b[end]] < ckNameEnd {
				end++
			}
			if end < len(b) && b[end] == '#' {
				l.pos = i
				l.name()
				operands[n] = bytesOperand(tName, l)
				i = l.pos
			} else {
				operands[n] = operand{kind: tName, a: i + 1, b: end}
				i = end
			}
			if n < maxOperands {
				n++
			}
			continue
		case ckLiteral:
			l.pos = i
			l.literal()
			operands[n] = bytesOperand(tString, l)
			i = l.pos
			if n < maxOperands {
				n++
			}
			continue
		case ckLess:
			if i+1 < len(b) && b[i+1] == '<' {
				l.pos = i + 2
				dictOperand(l, &operands[n])
			} else {
				l.pos = i
				l.hex()
				operands[n] = bytesOperand(tString, l)
			}
			i = l.pos
			if n < maxOperands {
				n++
			}
			continue
		case ckArrayOpen:
			l.pos = i + 1
			in.arrayOperand(l, &operands[n])
			i = l.pos
			if n < maxOperands {
				n++
			}
			continue
		}
		// A keyword: its regular bytes, the first c (a byte classed
		// ckKeyword, or the sign or dot of no number, is regular). A
		// third of the tokens are operators, of one to three bytes:
		// packed as packShort packs them while they are scanned, for
		// keywordOp's lookup, not by an 8-byte load and a mask after
		// (which, with its bounds checks, took as long as the scan).
		start := i
		w := uint64(c)
		for i++; i < len(b) && isRegular(b[i]); i++ {
			w |= uint64(b[i]) << (8 * uint(i-start) & 63) // wrong past 8 bytes, and then not read
		}
		op := opNone // keywordOp's for a word of more than 7 bytes
		if k := i - start; k <= 7 {
			op = packedOp(w | uint64(k)<<56)
		}
		switch op {
		case opTrue, opFalse, opNull:
			operands[n] = operand{} // an operand no operator reads (kind 0)
			if n < maxOperands {
				n++
			}
			continue
		}
		*in.ops--
		l.pos = i
		if op == opBI {
			in.inlineImage(l)
			i = l.pos
		} else {
			in.op(l, op, operands[:n])
		}
		n, in.elems = 0, in.elems[:0]
		l.scratch = l.scratch[:0]
		if op != opBI && len(in.page.Glyphs) >= maxGlyphsPerPage || *in.ops <= 0 {
			return
		}
	}
}

// The kinds of a content stream's bytes by which run dispatches (see
// contentKinds).
const (
	ckKeyword   = iota // a regular byte but a digit, a sign, a dot or '#'
	ckNumber           // a digit, a sign or a dot
	ckSpace            // white space
	ckComment          // '%'
	ckName             // '/'
	ckLiteral          // '('
	ckLess             // '<'
	ckGreater          // '>'
	ckArrayOpen        // '['
	ckSkip             // ']', ')', '{', '}': skipped
)

// ckNameEnd is above the kinds of the bytes a name goes on with (regular
// bytes: ckKeyword, ckNumber) and not above those that end it, or start
// an escape ('#'): run's loop over a name's bytes asks one comparison of
// each. '#' is regular; it has a kind of its own only here.
const ckNameEnd = ckNumber + 1

// ckHash is the kind of '#': a keyword's byte, as ckKeyword, to run's
// switch, which has no case for either and reads keywords after it.
const ckHash = ckSkip + 1

// contentKinds is scanKinds with white space and comments told apart, so
// that run skips them in the switch that dispatches tokens.
var contentKinds = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c == '#':
			t[c] = ckHash
		case isSpace(byte(c)):
			t[c] = ckSpace
		case c == '%':
			t[c] = ckComment
		default:
			t[c] = [...]uint8{
				scanOther: ckKeyword, scanArrayOpen: ckArrayOpen, scanArrayClose: ckSkip,
				scanBrace: ckSkip, scanName: ckName, scanLiteral: ckLiteral, scanLess: ckLess,
				scanGreater: ckGreater, scanRParen: ckSkip, scanNumber: ckNumber,
			}[scanKinds[c]]
		}
	}
	return t
}()

// maxOperands bounds the operands kept for an operator: none reads more
// than six, nor an array past its end.
const maxOperands = 64

// operand is an operand of a content stream operator. It holds no
// pointer, so that copying one costs no write barrier: its bytes are
// offsets into the content or the scratch buffer of the lexer running,
// its elements a range of interp.elems. Operands are filled and read
// where they are kept, not copied whole: a copy loads 16 bytes at a
// time from the narrower stores that just filled it, which the
// processor cannot forward.
type operand struct {
	num  float64 // the number (0 for anything else)
	a, b int     // tName, tString, tDictOpen: bytes [a:b); tArrayOpen: elems [a:b); tObject: objs[a]
	kind tokKind // tNumber, tName, tString, tArrayOpen, tDictOpen, tObject; 0 for true, false, null
	// scratch: the bytes are in the lexer's scratch buffer, not the
	// content.
	scratch bool
	// actual: the dictionary's last /ActualText is a string, its bytes
	// [a:b).
	actual bool
	// hex: the bytes of the /ActualText are its hex digits in the
	// content, not yet decoded (see dictOperand).
	hex bool
}

// tObject is the kind of an operand that is an object read by
// objectFrom, in interp.objs (the reference interpreter of the tests).
const tObject tokKind = 255

// numOperand is the operand of a number token: what objectFrom gives for
// it in a content stream (an int or a float64), unboxed.
func numOperand(v float64, isInt bool) operand {
	return operand{kind: tNumber, num: numValue(v, isInt)}
}

// numValue is the value of a number token's operand.
func numValue(v float64, isInt bool) float64 {
	if isInt {
		return float64(int(clampInt(v)))
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0 // as num does
	}
	return v
}

// bytesOperand is the operand of the name or string l scanned last.
func bytesOperand(kind tokKind, l *lexer) operand {
	return operand{kind: kind, a: l.tOff, b: l.tEnd, scratch: l.tScratch}
}

// bytes returns the bytes of a name, string or dictionary operand l
// read.
func (l *lexer) bytes(o *operand) []byte {
	if o.scratch {
		return l.scratch[o.a:o.b]
	}
	return l.b[o.a:o.b]
}

// arrayOperand reads an array after its '[' into o as objectFrom would,
// keeping what TJ reads (numbers and strings) in in.elems. Nested arrays
// and dictionaries are read by objectFrom and dropped.
func (in *interp) arrayOperand(l *lexer, o *operand) {
	start := len(in.elems)
	for {
		switch k := l.scan(); k {
		case tEOF, tArrayClose:
			*o = operand{kind: tArrayOpen, a: start, b: len(in.elems)}
			return
		case tNumber:
			in.elems = append(in.elems, numOperand(l.num, l.isInt))
		case tString:
			in.elems = append(in.elems, bytesOperand(k, l))
		case tArrayOpen, tDictOpen:
			l.objectFrom(token{kind: k}, 1)
		}
	}
}

// dictOperand reads a dictionary after its '<<' into o as objectFrom
// would, keeping only its /ActualText (the last one given), which BDC
// reads.
func dictOperand(l *lexer, o *operand) {
	*o = operand{kind: tDictOpen}
	if actualTextOnly(l, o) {
		return
	}
	for {
		k := l.scan()
		if k == tDictClose || k == tEOF {
			return
		}
		if k != tName {
			if t := l.tok(); k == tKeyword && (string(t) == "stream" || string(t) == "endobj") {
				l.pos -= len(t) // a dictionary left open: stop before its stream
				return
			}
			continue
		}
		actualText := string(l.tok()) == "ActualText"
		v := l.scan()
		switch v {
		case tDictClose, tEOF:
			return
		case tArrayClose:
			continue // no value: the key is not set
		case tArrayOpen, tDictOpen:
			l.objectFrom(token{kind: v}, 1)
		}
		if actualText {
			o.actual = v == tString
			if o.actual {
				o.a, o.b, o.scratch = l.tOff, l.tEnd, l.tScratch
			}
		}
	}
}

// actualTextOnly reads the dictionary after its '<<' into o, as
// dictOperand would, when it is << /ActualText <hex> >> with an even
// number of hex digits and nothing else, white space and comments aside;
// it is false, and l where it was, for any other. A writer that gives
// each glyph its own /ActualText (LibreOffice) writes most of a page's
// dictionaries so: read here without scanning their tokens one at a
// time, and the digits kept undecoded in the content (o.hex), which
// actualTextHex looks up as they are.
func actualTextOnly(l *lexer, o *operand) bool {
	const key = "/ActualText"
	save := l.pos
	l.skipSpace()
	b, i := l.b, l.pos
	// The name ends where a delimiter or white space follows it, and its
	// value is a hex string, not a dictionary.
	if i+len(key)+1 >= len(b) || !hasActualTextKey(b[i:]) {
		l.pos = save
		return false
	}
	i += len(key)
	for i < len(b) && isSpace(b[i]) {
		i++ // no comment: a '%' after the name fails below
	}
	if i+1 >= len(b) || b[i] != '<' || b[i+1] == '<' {
		l.pos = save
		return false
	}
	start := i + 1
	end := start
	// The digits are gathered as they are checked, the last 16 kept, the
	// first byte they spell in the highest bits; packed below, for 7
	// bytes or fewer, with the first byte in the lowest, as packShort
	// packs them. (Or-ing each digit in at its place in that order took
	// a shift by a variable count: twice the instructions of the loop.)
	var k uint64
	for end < len(b) {
		v := hexValues[b[end]]
		if v < 0 {
			break
		}
		k = k<<4 | uint64(v)
		end++
	}
	if end == len(b) || b[end] != '>' || (end-start)%2 != 0 {
		l.pos = save
		return false
	}
	if n := (end - start) / 2; n >= 1 && n <= 7 {
		l.actualKey = bits.ReverseBytes64(k)>>(8*(8-n)) | uint64(n)<<56
	} else {
		l.actualKey = 0
	}
	l.pos = end + 1
	l.skipSpace()
	if !hasPrefixAt(b, l.pos, ">>") {
		l.pos = save
		return false
	}
	l.pos += 2
	o.actual, o.hex, o.a, o.b = true, true, start, end
	return true
}

// The key "/ActualText", 11 bytes, as its first 8 bytes and its last 8
// read little-endian.
var (
	actualTextHead = binary.LittleEndian.Uint64([]byte("/ActualText"))
	actualTextTail = binary.LittleEndian.Uint64([]byte("/ActualText")[3:])
)

// hasActualTextKey reports whether b, of 11 bytes or more, starts with
// "/ActualText": hasPrefixAt's test by two 8-byte loads, not a call to
// memequal for each of the BDCs LibreOffice writes, one per glyph.
func hasActualTextKey(b []byte) bool {
	return binary.LittleEndian.Uint64(b) == actualTextHead && binary.LittleEndian.Uint64(b[3:]) == actualTextTail
}

// object returns the object of a tObject operand, else nil.
func (in *interp) object(o *operand) any {
	if o.kind == tObject {
		return in.objs[o.a]
	}
	return nil
}

// name returns the operand as a Name, if it is one.
func (in *interp) name(l *lexer, o *operand) (Name, bool) {
	if o.kind == tName {
		return Name(l.bytes(o)), true
	}
	n, ok := in.object(o).(Name)
	return n, ok
}

// stringBytes returns the operand's bytes if it is a String.
func (in *interp) stringBytes(l *lexer, o *operand) ([]byte, bool) {
	if o.kind == tString {
		return l.bytes(o), true
	}
	if s, ok := in.object(o).(String); ok {
		return []byte(s), true
	}
	return nil, false
}

func num(v any) float64 {
	switch n := v.(type) {
	case int:
		return float64(n)
	case float64:
		if math.IsNaN(n) || math.IsInf(n, 0) {
			return 0
		}
		return n
	}
	return 0
}

// nums returns the last n (at most 6) operands as numbers, in
// in.numbers: nearly every operator of a content stream reads some; a
// slice would be allocated each time, and an array returned by value
// copied whole from the stores that filled it (see operand).
func (in *interp) nums(args []operand, n int) (*[6]float64, bool) {
	if len(args) < n {
		return nil, false
	}
	for i := range n {
		in.numbers[i] = args[len(args)-n+i].num
	}
	return &in.numbers, true
}

// op runs an operator, with its operands read by l.
func (in *interp) op(l *lexer, op opcode, args []operand) {
	switch op {
	case opq:
		if len(in.stack) < maxStackDepth {
			in.stack = append(in.stack, in.gs)
		}
	case opQ:
		if n := len(in.stack); n > 0 {
			in.gs = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case opcm:
		if a, ok := in.nums(args, 6); ok {
			in.gs.ctm.mul((*matrix)(a), &in.gs.ctm)
		}
	case opBT:
		in.tm, in.tlm = identity, identity
	case opET:
	case opTc, opTw, opTz, opTL, opTs:
		if a, ok := in.nums(args, 1); ok {
			in.setTextState(op, a[0])
		}
	case opTf:
		if len(args) >= 2 {
			if a := &args[len(args)-2]; a.kind == tName {
				in.gs.font = in.fontNamed(l.bytes(a))
			} else if n, ok := in.name(l, a); ok {
				in.gs.font = in.font(n)
			}
			in.gs.fsize = args[len(args)-1].num
		}
	case opTd:
		if a, ok := in.nums(args, 2); ok {
			in.tlm.mul(&matrix{1, 0, 0, 1, a[0], a[1]}, &in.tlm)
			in.tm.set(&in.tlm)
		}
	case opTD:
		if a, ok := in.nums(args, 2); ok {
			in.gs.tl = -a[1]
			in.tlm.mul(&matrix{1, 0, 0, 1, a[0], a[1]}, &in.tlm)
			in.tm.set(&in.tlm)
		}
	case opTm:
		if a, ok := in.nums(args, 6); ok {
			in.tlm.set((*matrix)(a))
			in.tm.set(&in.tlm)
		}
	case opTstar:
		in.nextLine()
	case opTj:
		in.showLast(l, args)
	case opQuote:
		in.nextLine()
		in.showLast(l, args)
	case opDQuote:
		if len(args) >= 3 {
			in.gs.tw = args[len(args)-3].num
			in.gs.tc = args[len(args)-2].num
			in.nextLine()
			in.showLast(l, args)
		}
	case opTJ:
		if len(args) == 0 {
			break
		}
		last := &args[len(args)-1]
		if last.kind == tArrayOpen {
			for i := last.a; i < last.b; i++ {
				if x := &in.elems[i]; x.kind == tString {
					in.show(l.bytes(x))
				} else {
					in.advance(-x.num / 1000 * in.gs.fsize)
				}
			}
		} else if a, ok := in.object(last).(Array); ok {
			for _, x := range a {
				switch x := x.(type) {
				case String:
					in.show([]byte(x))
				case int, float64:
					in.advance(-num(x) / 1000 * in.gs.fsize)
				}
			}
		}
	case opBMC:
		in.mc = append(in.mc, markedContent{firstGlyp: len(in.page.Glyphs)})
	case opBDC:
		m := markedContent{firstGlyp: len(in.page.Glyphs)}
		if len(args) > 0 {
			var props Dict
			last := &args[len(args)-1]
			if last.kind == tDictOpen {
				if last.actual {
					if last.hex {
						m.text = in.f.actualTextPacked(l.actualKey, l.bytes(last))
					} else {
						m.text = in.f.actualText(l.bytes(last))
					}
					m.actual = true
				}
			} else if p, ok := in.object(last).(Dict); ok {
				props = p
			} else if p, ok := in.name(l, last); ok {
				props = in.f.dict(in.f.dict(in.res["Properties"])[p])
			}
			// props is nil after an inline dictionary (its /ActualText
			// read above): most BDCs, one per glyph in some files, which
			// need not look in a nil map.
			if props != nil {
				if s, ok := in.f.resolve(props["ActualText"]).(String); ok {
					m.actual, m.text = true, textString(s)
				}
			}
		}
		// Past 256 open sequences a BDC is dropped, and so is its count:
		// counted, with no EMC to take it back, it left every later
		// /ActualText of the page unapplied.
		if len(in.mc) < 256 {
			in.mc = append(in.mc, m)
			if m.actual {
				in.actual++
			}
		}
	case opEMC:
		if n := len(in.mc); n > 0 {
			m := in.mc[n-1]
			in.mc = in.mc[:n-1]
			if m.actual {
				in.actual--
				if in.actual == 0 {
					in.replaceActual(m)
				}
			}
		}
	case opDo:
		if len(args) > 0 {
			if n, ok := in.name(l, &args[len(args)-1]); ok {
				in.xobject(n)
			}
		}
	case opm:
		if a, ok := in.nums(args, 2); ok {
			x, y := in.pt(a[0], a[1])
			in.cur, in.start = [2]float64{x, y}, [2]float64{x, y}
		}
	case opl:
		if a, ok := in.nums(args, 2); ok {
			x, y := in.pt(a[0], a[1])
			in.addSeg(in.cur[0], in.cur[1], x, y)
			in.cur = [2]float64{x, y}
		}
	case opc:
		if a, ok := in.nums(args, 6); ok {
			x, y := in.pt(a[4], a[5])
			in.cur = [2]float64{x, y}
		}
	case opv, opy:
		if a, ok := in.nums(args, 4); ok {
			x, y := in.pt(a[2], a[3])
			in.cur = [2]float64{x, y}
		}
	case oph:
		in.addSeg(in.cur[0], in.cur[1], in.start[0], in.start[1])
		in.cur = in.start
	case opre:
		if a, ok := in.nums(args, 4); ok {
			x0, y0 := in.pt(a[0], a[1])
			x1, y1 := in.pt(a[0]+a[2], a[1]+a[3])
			if len(in.pathRect) < maxSegmentsPerPage {
				in.pathRect = append(in.pathRect, rectPath{min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)})
			}
			in.cur, in.start = [2]float64{x0, y0}, [2]float64{x0, y0}
		}
	case opS, ops:
		in.paint(true)
	case opf, opF, opfstar:
		in.paint(false)
	case opB, opBstar, opb, opbstar:
		in.paint(true)
	case opn:
		in.path, in.pathRect = in.path[:0], in.pathRect[:0]
	}
}

// setTextState sets the text-state parameter of operator op.
func (in *interp) setTextState(op opcode, v float64) {
	switch op {
	case opTc:
		in.gs.tc = v
	case opTw:
		in.gs.tw = v
	case opTz:
		in.gs.th = v / 100
	case opTL:
		in.gs.tl = v
	case opTs:
		in.gs.trise = v
	}
}

func (in *interp) pt(x, y float64) (float64, float64) {
	return in.toPage.apply(in.gs.ctm.apply(x, y))
}

func (in *interp) addSeg(x0, y0, x1, y1 float64) {
	if len(in.path) < maxSegmentsPerPage {
		in.path = append(in.path, pathSeg{x0, y0, x1, y1})
	}
}

// thinRule is the largest extent of a filled rectangle taken as a rule
// (table borders drawn as thin filled bars).
const thinRule = 2.5

// paint turns the current path into the page's axis-aligned segments:
// stroked lines and rectangle edges, and filled bars thin enough to be
// rules.
func (in *interp) paint(stroke bool) {
	add := func(x0, y0, x1, y1 float64) {
		if len(in.page.Segments) >= maxSegmentsPerPage {
			return
		}
		dx, dy := math.Abs(x1-x0), math.Abs(y1-y0)
		switch {
		case dy <= 0.5 && dx > 0.5:
			y := (y0 + y1) / 2
			in.page.Segments = append(in.page.Segments, Segment{min(x0, x1), y, max(x0, x1), y})
		case dx <= 0.5 && dy > 0.5:
			x := (x0 + x1) / 2
			in.page.Segments = append(in.page.Segments, Segment{x, min(y0, y1), x, max(y0, y1)})
		}
	}
	for _, r := range in.pathRect {
		w, h := r.x1-r.x0, r.y1-r.y0
		switch {
		case !stroke && h <= thinRule && w > h:
			add(r.x0, (r.y0+r.y1)/2, r.x1, (r.y0+r.y1)/2)
		case !stroke && w <= thinRule && h > w:
			add((r.x0+r.x1)/2, r.y0, (r.x0+r.x1)/2, r.y1)
		case stroke:
			add(r.x0, r.y0, r.x1, r.y0)
			add(r.x0, r.y1, r.x1, r.y1)
			add(r.x0, r.y0, r.x0, r.y1)
			add(r.x1, r.y0, r.x1, r.y1)
		}
	}
	if stroke {
		for _, s := range in.path {
			add(s.x0, s.y0, s.x1, s.y1)
		}
	} else if len(in.path) > 0 {
		// A filled polygon of axis-aligned edges: a rule when thin.
		x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, s := range in.path {
			x0, y0 = min(x0, s.x0, s.x1), min(y0, s.y0, s.y1)
			x1, y1 = max(x1, s.x0, s.x1), max(y1, s.y0, s.y1)
		}
		w, h := x1-x0, y1-y0
		switch {
		case h <= thinRule && w > h:
			add(x0, (y0+y1)/2, x1, (y0+y1)/2)
		case w <= thinRule && h > w:
			add((x0+x1)/2, y0, (x0+x1)/2, y1)
		}
	}
	in.path, in.pathRect = in.path[:0], in.pathRect[:0]
}

func (in *interp) nextLine() {
	in.tlm.mul(&matrix{1, 0, 0, 1, 0, -in.gs.tl}, &in.tlm)
	in.tm.set(&in.tlm)
}

// advance moves the text position by tx (unscaled text space units).
func (in *interp) advance(tx float64) {
	if in.gs.font != nil && in.gs.font.vertical {
		in.tm.mul(&matrix{1, 0, 0, 1, 0, -tx}, &in.tm)
		return
	}
	in.tm.mul(&matrix{1, 0, 0, 1, tx * in.gs.th, 0}, &in.tm)
}

// namedFont is a font a name selected (Tf) in the resources being run:
// text is often shown a glyph at a time, each with its own Tf, and pages
// switch between a few fonts.
type namedFont struct {
	name string
	fn   *font
}

// maxNamedFonts bounds the fonts fontNamed remembers in one run.
const maxNamedFonts = 16

// fontNamed is font(n) for a name's bytes, remembered: the same
// resources and name always give the same font.
func (in *interp) fontNamed(n []byte) *font {
	for _, c := range in.named {
		if c.name == string(n) {
			return c.fn
		}
	}
	name := Name(n)
	fn := in.font(name)
	if len(in.named) < maxNamedFonts {
		in.named = append(in.named, namedFont{name: string(name), fn: fn})
	}
	return fn
}

func (in *interp) font(n Name) *font {
	fonts := in.f.dict(in.res["Font"])
	ref := fonts[n]
	var key any = ref
	if _, isRef := ref.(Ref); !isRef {
		key = n // a direct font dictionary: cache by name in this page
	}
	if fn, ok := in.fonts[key]; ok {
		return fn
	}
	r, isRef := ref.(Ref)
	f := in.f
	if c, ok := f.fonts[r]; ok && isRef && c.cost <= f.budget.left {
		// What loading it again would give and charge: a function of
		// the objects it reads, all read by now.
		f.budget.left -= c.cost
		in.fonts[key] = c.fn
		return c.fn
	}
	cuts, loadCharged, left := f.cuts, f.loadCharged, f.budget.left
	fn := f.loadFont(ref)
	in.fonts[key] = fn
	// Not when an object was cut (a later load could read it whole) or
	// the budget ran out (the font may be cut short).
	if isRef && f.cuts == cuts && f.budget.left > 0 {
		f.fonts[r] = loadedFont{fn: fn, cost: left - f.budget.left - (f.loadCharged - loadCharged)}
	}
	return fn
}

// loadedFont is a font as loaded, and the bytes its streams decoded to,
// charged again to the budget at each reuse.
type loadedFont struct {
	fn   *font
	cost int64
}

// showLast draws the string operand of Tj, ' or ".
func (in *interp) showLast(l *lexer, args []operand) {
	if len(args) > 0 {
		if s, ok := in.stringBytes(l, &args[len(args)-1]); ok {
			in.show(s)
		}
	}
}

// show draws a string: one glyph per character code.
func (in *interp) show(s []byte) {
	fn := in.gs.font
	if fn == nil {
		fn = &font{enc: &winAnsi, scale: 1}
		in.gs.font = fn
	}
	in.chars = fn.decode(s, in.chars)
	g := &in.gs
	for _, c := range in.chars {
		if len(in.page.Glyphs) >= maxGlyphsPerPage {
			return
		}
		var trm matrix
		trm.mul(&matrix{g.fsize * g.th, 0, 0, g.fsize, 0, g.trise}, &in.tm)
		trm.mul(&trm, &g.ctm)
		w := c.width / 1000
		ox, oy := in.toPage.apply(trm[4], trm[5])
		x0, y0 := ox, oy
		x1, y1 := in.toPage.apply(trm.apply(w, 0))
		if fn.vertical {
			// Vertical writing (Identity-V: a label set down a narrow
			// column): the origin is the glyph's top middle and the pen
			// moves down; the glyph itself stands upright, its baseline
			// about 0.88 em below the origin, half its width either side.
			x0, y0 = in.toPage.apply(trm.apply(-w/2, -0.88))
			x1, y1 = in.toPage.apply(trm.apply(w/2, -0.88))
		}
		// The font size: the length of the text space's unit y vector.
		ux, uy := in.toPage.apply(trm.apply(0, 1))
		size := hypot(ux-ox, uy-oy)
		dx, dy := x1-x0, y1-y0
		// Set where it is appended (see replaceActual).
		in.page.Glyphs = append(in.page.Glyphs, Glyph{})
		gl := &in.page.Glyphs[len(in.page.Glyphs)-1]
		gl.Text, gl.Known = c.text, c.known
		if c.text == "" {
			gl.Text = "\ufffd"
		}
		gl.X, gl.Y, gl.W, gl.Size = x0, y0, hypot(dx, dy), size
		gl.Upright = dx >= 0 && math.Abs(dy) <= 0.2*math.Abs(dx)+0.01 && uy > oy
		in.drew = true
		tx := w*g.fsize + g.tc
		if c.space {
			tx += g.tw
		}
		if fn.vertical {
			in.tm.mul(&matrix{1, 0, 0, 1, 0, -(g.fsize + g.tc)}, &in.tm)
		} else {
			in.tm.mul(&matrix{1, 0, 0, 1, tx * g.th, 0}, &in.tm)
		}
	}
}

// hypot is math.Hypot(x, y), without its work when x or y is zero: it
// is then the other's absolute value, NaN and infinities included. So
// are the sizes and advances of text set along the axes, nearly every
// glyph.
func hypot(x, y float64) float64 {
	switch {
	case x == 0:
		return math.Abs(y)
	case y == 0:
		return math.Abs(x)
	}
	return math.Hypot(x, y)
}

// replaceActual replaces the glyphs drawn inside a marked-content
// sequence by its /ActualText, placed where they were.
func (in *interp) replaceActual(m markedContent) {
	gl := in.page.Glyphs
	if m.firstGlyp > len(gl) {
		return
	}
	drawn := gl[m.firstGlyp:]
	if len(drawn) == 0 {
		return
	}
	if m.text == "" {
		in.page.Glyphs = gl[:m.firstGlyp]
		return
	}
	// The first glyph, changed where it is: a copy changed on the stack
	// and stored back would be loaded 16 bytes at a time from its
	// 8-byte stores, which the processor cannot forward.
	g, last := &drawn[0], &drawn[len(drawn)-1]
	g.W = math.Max(g.W, last.X+last.W-g.X)
	g.Text = m.text
	g.Known = true
	in.page.Glyphs = gl[:m.firstGlyp+1]
}

func (in *interp) xobject(n Name) {
	s, ok := in.f.resolve(in.f.dict(in.res["XObject"])[n]).(*Stream)
	if !ok {
		return
	}
	switch in.f.name(s.Dict["Subtype"]) {
	case "Image":
		in.image()
	case "Form":
		if in.depth >= maxFormDepth || in.forms[s] {
			return
		}
		data, err := in.f.decodeStream(s, true)
		if err != nil && len(data) == 0 {
			return
		}
		in.forms[s] = true
		in.depth++
		save, saveStack, saveTm, saveTlm := in.gs, append([]gstate(nil), in.stack...), in.tm, in.tlm
		if m := in.f.array(s.Dict["Matrix"]); len(m) == 6 {
			var a matrix
			for i := range 6 {
				a[i], _ = in.f.num(m[i])
			}
			in.gs.ctm.mul(&a, &in.gs.ctm)
		}
		res := in.f.dict(s.Dict["Resources"])
		if res == nil {
			res = in.res
		}
		in.runContent(data, res)
		in.gs, in.stack, in.tm, in.tlm = save, saveStack, saveTm, saveTlm
		in.depth--
		delete(in.forms, s)
	}
}

// image records an image drawn in the unit square of the CTM.
func (in *interp) image() {
	in.page.Images++
	var xs, ys [4]float64
	for i, p := range [4][2]float64{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
		xs[i], ys[i] = in.pt(p[0], p[1])
	}
	w := max(xs[0], xs[1], xs[2], xs[3]) - min(xs[0], xs[1], xs[2], xs[3])
	h := max(ys[0], ys[1], ys[2], ys[3]) - min(ys[0], ys[1], ys[2], ys[3])
	if area := in.page.Width * in.page.Height; area > 0 {
		in.page.ImageCover = max(in.page.ImageCover, math.Min(1, w*h/area))
	}
}

// inlineImage skips BI … ID data EI.
func (in *interp) inlineImage(l *lexer) {
	length := -1
	for {
		t := l.next()
		if t.kind == tEOF {
			return
		}
		if t.kind == tKeyword && t.str == "ID" {
			break
		}
		if t.kind == tName && (t.str == "L" || t.str == "Length") {
			v, _, _ := l.object(0)
			if n, ok := v.(int); ok {
				length = n
			}
		}
	}
	l.pos++ // the single white-space byte after ID
	if length >= 0 && l.pos+length <= len(l.b) {
		l.pos += length
	} else {
		// Find EI between white space.
		for i := l.pos; ; {
			j := indexFrom(l.b, i, []byte("EI"))
			if j < 0 {
				l.pos = len(l.b)
				break
			}
			if j > 0 && isSpace(l.b[j-1]) && (j+2 == len(l.b) || isSpace(l.b[j+2]) || isDelim(l.b[j+2])) {
				l.pos = j
				break
			}
			i = j + 2
		}
	}
	t := l.next()
	_ = t // EI
	in.image()
}

// maxActualTexts bounds the texts actualText remembers.
const maxActualTexts = 1 << 14

// actualText is textString(raw) for an /ActualText, remembered: a page
// that gives every glyph its own /ActualText gives the same few hundred
// characters over and over.
func (f *file) actualText(raw []byte) string {
	// Most are a character or two: kept by their packed bytes.
	if k, ok := packShort(raw); ok {
		return f.shortActualText(k, raw)
	}
	if t, ok := f.actualTexts[string(raw)]; ok {
		return t
	}
	t := textString(raw)
	if f.shortActualTexts.n+len(f.actualTexts) < maxActualTexts {
		if f.actualTexts == nil {
			f.actualTexts = map[string]string{}
		}
		f.actualTexts[string(raw)] = t
	}
	return t
}

// shortActualText is actualText for raw, of 1 to 7 bytes, packed by
// packShort into k.
func (f *file) shortActualText(k uint64, raw []byte) string {
	if t, ok := f.shortActualTexts.get(k); ok {
		return t
	}
	t := textString(raw)
	if f.shortActualTexts.n+len(f.actualTexts) < maxActualTexts {
		f.shortActualTexts.put(k, t)
	}
	return t
}

// actualTextPacked is actualTextHex(digits) for the digits of the
// /ActualText actualTextOnly read last, which it packed into k (0 when
// it packed none: more than 14 digits, or none).
func (f *file) actualTextPacked(k uint64, digits []byte) string {
	if k == 0 {
		return f.actualTextHex(digits)
	}
	if t, ok := f.shortActualTexts.get(k); ok {
		return t
	}
	n := int(k >> 56)
	var buf [7]byte
	for i := range n {
		buf[i] = byte(k >> (8 * i))
	}
	return f.shortActualText(k, buf[:n])
}

// actualTextHex is actualText of the bytes an even number of hex digits
// spell. Up to 7 bytes, the digits are packed as packShort packs the
// bytes, not decoded first.
func (f *file) actualTextHex(digits []byte) string {
	if n := len(digits) / 2; n >= 1 && n <= 7 {
		k := uint64(n) << 56
		for i := 0; i+1 < len(digits); i += 2 {
			k |= uint64(byte(hexValues[digits[i]])<<4|byte(hexValues[digits[i+1]])) << (4 * i)
		}
		if t, ok := f.shortActualTexts.get(k); ok {
			return t
		}
		var buf [7]byte
		for i := range n {
			buf[i] = byte(k >> (8 * i))
		}
		return f.shortActualText(k, buf[:n])
	}
	var buf [64]byte
	raw, _ := appendHex(buf[:0], digits)
	return f.actualText(raw)
}

// shortTexts maps words packed by packShort to texts, as a
// map[uint64]string would, open-addressed: a page giving each glyph its
// own /ActualText looks one up per glyph, and the map's hashing and
// probing were most of it.
type shortTexts struct {
	keys  []uint64 // 0 in an empty slot: no packed word is 0, its top byte being its length
	texts []string
	n     int // the keys set
}

// slot is where k's probe starts, in a table of size mask+1.
func (t *shortTexts) slot(k uint64, mask int) int {
	return int(k*0x9E3779B97F4A7C15>>40) & mask // Fibonacci hashing
}

func (t *shortTexts) get(k uint64) (string, bool) {
	if t.n == 0 {
		return "", false
	}
	mask := len(t.keys) - 1
	for i := t.slot(k, mask); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.texts[i], true
		case 0:
			return "", false
		}
	}
}

// put sets the text of k, which is not set.
func (t *shortTexts) put(k uint64, text string) {
	if 4*(t.n+1) > 3*len(t.keys) { // at most three quarters full
		old, oldTexts := t.keys, t.texts
		size := max(64, 2*len(old))
		t.keys, t.texts, t.n = make([]uint64, size), make([]string, size), 0
		for i, ok := range old {
			if ok != 0 {
				t.put(ok, oldTexts[i])
			}
		}
	}
	mask := len(t.keys) - 1
	i := t.slot(k, mask)
	for t.keys[i] != 0 {
		i = (i + 1) & mask
	}
	t.keys[i], t.texts[i] = k, text
	t.n++
}

// textString decodes a PDF text string (UTF-16BE or UTF-8 with a BOM, else
// PDFDocEncoding, which agrees with Latin-1 where reports use it).
func textString[S ~string | ~[]byte](s S) string {
	switch {
	case len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF:
		return utf16Text(s[2:])
	case len(s) >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF:
		return string(s[3:])
	}
	var buf [64]byte
	out := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if t := winAnsi[c]; t != "" {
			out = append(out, t...)
		} else if c == '\t' || c == '\n' || c == '\r' {
			out = append(out, ' ')
		}
	}
	return string(out)
}
