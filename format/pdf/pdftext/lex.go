package pdftext

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"strings"
	"sync"
)

// The PDF object model, as far as text extraction needs it.
type (
	// Name is a PDF name (/Font), without the slash, #xx escapes decoded.
	Name string
	// String is a PDF string's bytes (literal or hex), escapes decoded.
	String string
	// Dict is a PDF dictionary.
	Dict map[Name]any
	// Array is a PDF array.
	Array []any
	// Ref is an indirect reference (12 0 R).
	Ref struct{ Num, Gen int }
	// Stream is a stream object: its dictionary and its raw (still
	// encoded) bytes.
	Stream struct {
		Dict Dict
		Raw  []byte
		ref  Ref // the object it was read as (for decryption keys)
	}
	// keyword is a bare word: an operator of a content stream, or obj,
	// endobj, R, true… in the file syntax.
	keyword string
)

// maxNesting bounds arrays and dictionaries within arrays and
// dictionaries: real files nest a handful of levels; the bound keeps a
// crafted [[[[… from exhausting the stack.
const maxNesting = 64

// lexer reads PDF tokens from b, starting at pos.
type lexer struct {
	b   []byte
	pos int
	// content: a content stream, which has no references (N G R), so
	// numbers need no look-ahead. Its tokens' bytes stay valid until the
	// interpreter resets scratch (after each operator); other lexers reuse
	// scratch at each token.
	content bool
	// scratch holds the decoded bytes of strings and escaped names, so
	// that a token needs no allocation of its own.
	scratch []byte
	// The token scan read last: a number's value, whether it is an
	// integer; where a name's, string's or keyword's bytes are (see tok).
	// Offsets, not a slice: a slice stored in a lexer on the heap costs
	// a write barrier while the GC runs, at every token.
	num   float64
	isInt bool
	// plain: num is what numValue gives for it (a number of 12 digits
	// or fewer, not -0), which the interpreter then does not compute.
	plain      bool
	tOff, tEnd int
	tScratch   bool
	// ahead holds the tokens objectFrom read past a number to look for
	// N G R and then backed up over, the first nAhead of them, so that
	// next returns them again without scanning them again: in an array
	// of numbers each number was scanned three times (as the second and
	// third token of the look-ahead of the two before it). next uses an
	// entry only when pos is where it starts; a token whose bytes are in
	// the scratch buffer is never kept, as a later scan overwrites them.
	ahead  [2]aheadToken
	nAhead int
	// actualKey is the digits of the /ActualText actualTextOnly read
	// last, packed as packShort packs the bytes they spell (0 for more
	// than 14 digits): packed as they are scanned, not again by BDC.
	actualKey uint64
}

// aheadToken is a token read ahead: it starts at start and ends at end.
type aheadToken struct {
	tok        token
	start, end int
}

// tok returns the bytes of the name, string or keyword scan read last.
func (l *lexer) tok() []byte {
	if l.tScratch {
		return l.scratch[l.tOff:l.tEnd:l.tEnd]
	}
	return l.b[l.tOff:l.tEnd:l.tEnd]
}

// keywordTable holds the operators and words the lexer returns without
// allocating, open-addressed by keywordHash: content streams are mostly
// operators, and a map would hash each one.
var keywordTable [256]string

// keywordValues are the same words as objects: a keyword put in an
// interface would be allocated.
var keywordValues = map[string]any{}

func init() {
	for _, k := range strings.Fields(`b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y ' " obj endobj R stream endstream xref trailer startxref true false null`) {
		h := keywordHash([]byte(k))
		for keywordTable[h] != "" {
			h = (h + 1) % uint8(len(keywordTable)-1)
		}
		keywordTable[h] = k
		keywordValues[k] = keyword(k)
	}
}

// opcode is an operator of a content stream the interpreter tells apart,
// found by keywordOp: a switch on small integers, not on strings, for
// each of the operators that make up most of a content stream.
type opcode uint8

// The opcodes; opNone is any other keyword.
const (
	opNone opcode = iota
	opq
	opQ
	opcm
	opBT
	opET
	opTc
	opTw
	opTz
	opTL
	opTs
	opTf
	opTd
	opTD
	opTm
	opTstar
	opTj
	opQuote
	opDQuote
	opTJ
	opBMC
	opBDC
	opEMC
	opDo
	opm
	opl
	opc
	opv
	opy
	oph
	opre
	opS
	ops
	opf
	opF
	opfstar
	opB
	opBstar
	opb
	opbstar
	opn
	opBI
	opTrue
	opFalse
	opNull
)

// opcodeNames spells each opcode but opNone.
var opcodeNames = map[string]opcode{
	"q": opq, "Q": opQ, "cm": opcm, "BT": opBT, "ET": opET,
	"Tc": opTc, "Tw": opTw, "Tz": opTz, "TL": opTL, "Ts": opTs, "Tf": opTf,
	"Td": opTd, "TD": opTD, "Tm": opTm, "T*": opTstar,
	"Tj": opTj, "'": opQuote, "\"": opDQuote, "TJ": opTJ,
	"BMC": opBMC, "BDC": opBDC, "EMC": opEMC, "Do": opDo,
	"m": opm, "l": opl, "c": opc, "v": opv, "y": opy, "h": oph, "re": opre,
	"S": opS, "s": ops, "f": opf, "F": opF, "f*": opfstar,
	"B": opB, "B*": opBstar, "b": opb, "b*": opbstar, "n": opn,
	"BI": opBI, "true": opTrue, "false": opFalse, "null": opNull,
}

// opTable holds the opcodes by their words packed by packShort, each
// in its own slot, opSlot's: a word is found by comparing integers, not
// strings, and hashed with a multiplication, without a probe loop.
var opTable [128]struct {
	word uint64
	op   opcode
}

func init() {
	for k, op := range opcodeNames {
		w, _ := packShort([]byte(k))
		i := opSlot(w)
		if opTable[i].word != 0 {
			panic("pdftext: opSlot does not give " + k + " a slot of its own")
		}
		opTable[i].word, opTable[i].op = w, op
	}
}

// packShort packs at most 7 bytes into an integer, a key that compares
// and hashes faster than a string: the bytes, the first lowest, and
// their number in the top byte. It is false for more bytes, or none.
func packShort(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 7 {
		return 0, false
	}
	w := uint64(len(b)) << 56
	for i, c := range b {
		w |= uint64(c) << (8 * i)
	}
	return w, true
}

// opSlot hashes a packed word into opTable's 128 slots by a
// multiplication. The multiplier was searched for (from Fibonacci
// hashing's 0x9E3779B97F4A7C15, in steps) as one that gives each of
// opcodeNames a slot of its own, so that packedOp looks in one slot
// only; init checks that it still does.
func opSlot(w uint64) int {
	return int(w * 0x3d1cc94928db9151 >> (64 - 7))
}

// keywordOp returns the opcode b spells, opNone for another word.
func keywordOp(b []byte) opcode {
	w, ok := packShort(b)
	if !ok {
		return opNone
	}
	return packedOp(w)
}

// packAt is packShort(b[off:off+n]) for n of 1 to 7, by one 8-byte
// load and a mask: b must have 8 bytes from off. (The bytes, the first
// lowest, are the load's in little-endian order.)
func packAt(b []byte, off, n int) uint64 {
	return binary.LittleEndian.Uint64(b[off:])&(1<<(8*n)-1) | uint64(n)<<56
}

// packedOp returns the opcode of a word packed by packShort: that of
// its slot, if the slot holds it (each operator has a slot of its own).
func packedOp(w uint64) opcode {
	if e := &opTable[opSlot(w)]; e.word == w {
		return e.op
	}
	return opNone
}

func keywordHash(b []byte) uint8 {
	return (b[0]*7 + b[len(b)-1]*3 + uint8(len(b))*29) % uint8(len(keywordTable)-1)
}

// internKeyword returns the word of keywordTable b spells, "" for another.
func internKeyword(b []byte) string {
	if len(b) == 0 || len(b) > len("startxref") {
		return ""
	}
	for h := keywordHash(b); keywordTable[h] != ""; h = (h + 1) % uint8(len(keywordTable)-1) {
		if keywordTable[h] == string(b) {
			return keywordTable[h]
		}
	}
	return ""
}

// nameTable holds the names of the dictionaries a reader meets most (the
// keys of pages, fonts and streams and their usual values): next returns
// them without allocating. Open-addressed by nameHash.
var nameTable [1024]string

func init() {
	for _, n := range strings.Fields(`Type Subtype Font BaseFont Encoding ToUnicode DescendantFonts FontDescriptor
W DW W2 DW2 Widths FirstChar LastChar CIDSystemInfo Registry Ordering Supplement CIDToGIDMap Identity
FontName FontFamily FontStretch FontWeight Flags FontBBox ItalicAngle Ascent Descent CapHeight StemV StemH
XHeight AvgWidth MaxWidth MissingWidth Leading FontFile FontFile2 FontFile3 CIDSet Style Panose Lang
Length Length1 Length2 Length3 Filter DecodeParms FlateDecode DCTDecode Predictor Columns Colors
BitsPerComponent Page Pages Kids Count Parent Resources Contents MediaBox CropBox BleedBox TrimBox ArtBox
Rotate ProcSet PDF Text ImageB ImageC ImageI XObject ExtGState ColorSpace Pattern Shading Properties
Image Form BBox Matrix Group S CS I K Width Height Annots StructParents Tabs Catalog Root Info Size Prev
XRef ObjStm N First Index ID Title Author Subject Keywords Creator Producer CreationDate ModDate MarkInfo
Marked Metadata XML StructTreeRoot StructElem Names Dests Outlines PageLabels PageMode PageLayout
ViewerPreferences OpenAction Type0 Type1 Type3 TrueType CIDFontType0 CIDFontType2 Identity-H Identity-V
WinAnsiEncoding MacRomanEncoding StandardEncoding Differences BaseEncoding DeviceRGB DeviceGray DeviceCMYK
ICCBased Alternate Span ActualText MCID P Artifact Transparency CA ca BM SMask Normal LW LC LJ ML D Link
Rect Border A URI Action Dest Interpolate ImageMask Decode Mask SA OP op OPM AIS TK UseCMap WMode
CMapName Supplement F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12 GS0 GS1 GS2 Im0 Im1 Im2 R7 R8 R9 R10 R11 R12`) {
		h := nameHash([]byte(n))
		for nameTable[h] != "" && nameTable[h] != n {
			h = (h + 1) % uint32(len(nameTable))
		}
		nameTable[h] = n
	}
}

// nameHash is FNV-1a.
func nameHash(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h % uint32(len(nameTable))
}

// internName returns the name of nameTable b spells, "" for another.
func internName(b []byte) string {
	for h := nameHash(b); nameTable[h] != ""; h = (h + 1) % uint32(len(nameTable)) {
		if nameTable[h] == string(b) {
			return nameTable[h]
		}
	}
	return ""
}

// The classes of bytes, looked up in charClass: the lexer asks of every
// byte whether it ends a token.
const (
	classSpace = 1 << iota
	classDelim
)

var charClass = func() (t [256]uint8) {
	for _, c := range []byte(" \t\r\n\f\x00") {
		t[c] |= classSpace
	}
	for _, c := range []byte("()<>[]{}/%") {
		t[c] |= classDelim
	}
	return t
}()

func isSpace(c byte) bool { return charClass[c]&classSpace != 0 }

func isDelim(c byte) bool { return charClass[c]&classDelim != 0 }

// isRegular reports a byte that neither is white space nor delimits.
func isRegular(c byte) bool { return charClass[c] == 0 }

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	b, i := l.b, l.pos // locals, not stored back at each byte
	for i < len(b) {
		c := b[i]
		if isSpace(c) {
			i++
			continue
		}
		if c == '%' {
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
			continue
		}
		break
	}
	l.pos = i
}

// token kinds returned by next.
type tokKind uint8

const (
	tEOF tokKind = iota
	tNumber
	tName
	tString
	tArrayOpen
	tArrayClose
	tDictOpen
	tDictClose
	tKeyword
)

// token is a token next read. Its fields are ordered so that it packs
// into 32 bytes: objectFrom's look-ahead copies tokens in and out of
// the lexer's ahead (a token once held its bytes as a slice as well,
// read by no one: 64 bytes to copy).
type token struct {
	num   float64
	str   string // name, string bytes or keyword (set by next, not scan)
	kind  tokKind
	isInt bool
}

// next returns the next token, its text as a string.
func (l *lexer) next() token {
	if !l.content {
		l.scratch = l.scratch[:0]
	}
	if l.nAhead > 0 {
		if a := &l.ahead[0]; a.start == l.pos {
			t := a.tok
			l.pos = a.end
			l.ahead[0] = l.ahead[1]
			l.nAhead--
			return t
		}
		l.nAhead = 0 // pos was moved elsewhere
	}
	t := token{kind: l.scan()}
	switch t.kind {
	case tNumber:
		t.num, t.isInt = l.num, l.isInt
	case tName:
		b := l.tok()
		if n := internName(b); n != "" {
			t.str = n
		} else {
			t.str = string(b)
		}
	case tString:
		t.str = string(l.tok())
	case tKeyword:
		b := l.tok()
		if k := internKeyword(b); k != "" {
			t.str = k
		} else {
			t.str = string(b)
		}
	}
	return t
}

// scan reads the next token and returns its kind; its value is left in
// l.num and l.isInt (a number) or l.tok() (the bytes of a name, string or
// keyword: a sub-slice of the input, or of the scratch buffer for a
// string or an escaped name).
func (l *lexer) scan() tokKind {
	for {
		l.skipSpace()
		if l.pos >= len(l.b) {
			return tEOF
		}
		c := l.b[l.pos]
		// Dispatched by the byte's kind, a switch on small integers the
		// compiler makes a jump table of: on the bytes themselves, too
		// far apart, it was a binary search.
		switch scanKinds[c] {
		case scanArrayOpen:
			l.pos++
			return tArrayOpen
		case scanArrayClose:
			l.pos++
			return tArrayClose
		case scanBrace:
			l.pos++ // PostScript procedures (in Type 4 functions): not needed
			continue
		case scanName:
			l.name()
			return tName
		case scanLiteral:
			l.literal()
			return tString
		case scanLess:
			if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
				l.pos += 2
				return tDictOpen
			}
			l.hex()
			return tString
		case scanGreater:
			l.pos++
			if l.pos < len(l.b) && l.b[l.pos] == '>' {
				l.pos++
				return tDictClose
			}
			continue // a stray >
		case scanRParen:
			l.pos++
			continue
		case scanNumber:
			if l.number() {
				return tNumber
			}
		}
		start, end := l.pos, l.pos
		for end < len(l.b) && isRegular(l.b[end]) {
			end++
		}
		if end == start {
			end++ // a lone delimiter we do not know
		}
		l.pos = end
		l.tOff, l.tEnd, l.tScratch = start, l.pos, false
		return tKeyword
	}
}

// The kinds of the first byte of a token, by which scan dispatches.
const (
	scanOther = iota // a keyword, or a delimiter scan does not know
	scanArrayOpen
	scanArrayClose
	scanBrace
	scanName
	scanLiteral
	scanLess
	scanGreater
	scanRParen
	scanNumber
)

var scanKinds = func() (t [256]uint8) {
	for c, k := range map[byte]uint8{'[': scanArrayOpen, ']': scanArrayClose, '{': scanBrace, '}': scanBrace,
		'/': scanName, '(': scanLiteral, '<': scanLess, '>': scanGreater, ')': scanRParen, '+': scanNumber, '-': scanNumber, '.': scanNumber} {
		t[c] = k
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = scanNumber
	}
	return t
}()

// number reads a number into l.num and l.isInt; false when there is none
// (a sign or a dot alone).
func (l *lexer) number() bool {
	b, start := l.b, l.pos
	// A lone digit, ended by anything but a digit or a dot: the 1 0 0 1
	// of a text matrix, the 0 0 0 of a colour, half the numbers of the
	// corpus's content streams, read without the loops below.
	if start+1 < len(b) {
		if d, next := b[start]-'0', b[start+1]; d <= 9 && next-'0' > 9 && next != '.' {
			l.pos = start + 1
			l.num, l.isInt, l.plain = float64(d), true, true
			return true
		}
	}
	i := start
	neg := false
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		neg = b[i] == '-'
		i++
	}
	// The digits are read into mant as they are scanned (it wraps past
	// 19 digits, but is read only for short numbers), those after the
	// dot counted in frac. A number ends at anything else: a second dot,
	// or a sign (1-2 or 0.5-: malformed numbers some writers produce).
	var mant uint64
	first := i
	for i < len(b) && b[i]-'0' <= 9 {
		mant = mant*10 + uint64(b[i]-'0')
		i++
	}
	digits, frac, dot := i-first, 0, false
	if i < len(b) && b[i] == '.' {
		dot = true
		i++
		first = i
		for i < len(b) && b[i]-'0' <= 9 {
			mant = mant*10 + uint64(b[i]-'0')
			i++
		}
		frac = i - first
		digits += frac
	}
	if digits == 0 {
		return false
	}
	l.pos = i
	if i-start <= 15 {
		// Short decimals, nearly all numbers of a file: no allocation.
		// At most 15 digits, so mant and 10^frac are exact as float64s,
		// as are the products and sums of accumulating them digit by
		// digit in floating point, which this was (and parseNumberRef
		// of the tests still is).
		v := float64(mant)
		if frac > 0 {
			v /= pow10[frac]
		}
		if neg {
			v = -v
		}
		// An integer of 12 digits or fewer is below numValue's bound
		// (2^40), and exact; a short decimal is neither NaN nor
		// infinite.
		l.num, l.isInt, l.plain = v, !dot, dot || digits <= 12 && (mant != 0 || !neg)
		return true
	}
	s := string(l.b[start:i])
	if !dot {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			l.num, l.isInt, l.plain = float64(n), true, false
			return true
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		f = 0
	}
	l.num, l.isInt, l.plain = f, false, false
	return true
}

// unhex returns the value of a hex digit, -1 for another byte.
// pow10 holds the powers of ten a short number's fraction divides by.
var pow10 = [16]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

func unhex(c byte) int { return int(hexValues[c]) }

// hexValues is unhex by byte: hex strings (a text's every glyph given its
// /ActualText) are read a digit at a time.
var hexValues = func() (t [256]int8) {
	for c := range t {
		switch {
		case c >= '0' && c <= '9':
			t[c] = int8(c - '0')
		case c >= 'a' && c <= 'f':
			t[c] = int8(c-'a') + 10
		case c >= 'A' && c <= 'F':
			t[c] = int8(c-'A') + 10
		default:
			t[c] = -1
		}
	}
	return t
}()

// setScratch sets the scratch buffer to b, appended to it. When b is in
// the same array, as it nearly always is, only the length is stored:
// storing the pointer too would cost a write barrier while the GC marks,
// at each string of a content stream.
func (l *lexer) setScratch(b []byte) {
	if cap(b) == cap(l.scratch) {
		l.scratch = l.scratch[:len(b)]
	} else {
		l.scratch = b
	}
}

// scratchFrom records the scratch bytes appended since start as the
// token's.
func (l *lexer) scratchFrom(start int) {
	l.tOff, l.tEnd, l.tScratch = start, len(l.scratch), true
}

func (l *lexer) name() {
	l.pos++ // '/'
	// Most names have no #xx escape: a slice of the input.
	end := l.pos
	for end < len(l.b) && isRegular(l.b[end]) && l.b[end] != '#' {
		end++
	}
	if end == len(l.b) || l.b[end] != '#' {
		start := l.pos
		l.pos = end
		l.tOff, l.tEnd, l.tScratch = start, end, false
		return
	}
	start := len(l.scratch)
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isSpace(c) || isDelim(c) {
			break
		}
		if c == '#' && l.pos+2 < len(l.b) {
			h, lo := unhex(l.b[l.pos+1]), unhex(l.b[l.pos+2])
			if h >= 0 && lo >= 0 {
				l.scratch = append(l.scratch, byte(h<<4|lo))
				l.pos += 3
				continue
			}
		}
		l.scratch = append(l.scratch, c)
		l.pos++
	}
	l.scratchFrom(start)
}

func (l *lexer) literal() {
	l.pos++ // '('
	start := len(l.scratch)
	out := l.scratch
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.setScratch(out)
				l.scratchFrom(start)
				return
			}
		case '\\':
			if l.pos >= len(l.b) {
				l.setScratch(out)
				l.scratchFrom(start)
				return
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
			continue
		}
		out = append(out, c)
	}
	l.setScratch(out)
	l.scratchFrom(start)
}

func (l *lexer) hex() {
	start := len(l.scratch)
	// <XY>, one byte: the string of a glyph of a simple font, most of a
	// content stream's hex strings, read as appendHex reads it.
	if p := l.pos; p+3 < len(l.b) && l.b[p+3] == '>' {
		if a, b := hexValues[l.b[p+1]], hexValues[l.b[p+2]]; a >= 0 && b >= 0 {
			l.setScratch(append(l.scratch, byte(a)<<4|byte(b)))
			l.pos = p + 4
			l.scratchFrom(start)
			return
		}
	}
	out, n := appendHex(l.scratch, l.b[l.pos+1:]) // after '<'
	l.setScratch(out)
	l.pos += 1 + n
	l.scratchFrom(start)
}

// appendHex decodes hex digits up to '>' (white space and other bytes are
// skipped; an odd last digit counts as followed by 0), appending them to
// out. It returns out and the length of input read, the '>' included.
func appendHex(out, data []byte) ([]byte, int) {
	// Pairs of digits first, nearly every hex string whole (the bytes
	// after them read as below, from a digit pair's boundary).
	i := 0
	for i+1 < len(data) {
		a, b := hexValues[data[i]], hexValues[data[i+1]]
		if a < 0 || b < 0 {
			break
		}
		out = append(out, byte(a)<<4|byte(b))
		i += 2
	}
	hi := -1
	for i < len(data) {
		c := data[i]
		i++
		if c == '>' {
			break
		}
		v := unhex(c)
		if v < 0 {
			continue
		}
		if hi < 0 {
			hi = v
		} else {
			out = append(out, byte(hi<<4|v))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	return out, i
}

// object reads one object: a direct object, or a reference N G R. It
// returns ok=false at the end of input or at a closing delimiter, leaving
// the delimiter's token in tok.
func (l *lexer) object(depth int) (v any, tok token, ok bool) {
	tok = l.next()
	v, ok = l.objectFrom(tok, depth)
	return v, tok, ok
}

func (l *lexer) objectFrom(tok token, depth int) (any, bool) {
	switch tok.kind {
	case tEOF, tArrayClose, tDictClose:
		return nil, false
	case tNumber:
		if tok.isInt && tok.num >= 0 && !l.content {
			// Maybe N G R.
			save := l.pos
			t2 := l.next()
			end2 := l.pos
			if t2.kind == tNumber && t2.isInt && t2.num >= 0 {
				t3 := l.next()
				if t3.kind == tKeyword && t3.str == "R" {
					return refValue(int(tok.num), int(t2.num)), true
				}
				// t2, a number, has no bytes in the scratch buffer.
				l.ahead[0] = aheadToken{t2, save, end2}
				l.nAhead = 1
				if !l.tScratch || t3.kind != tName && t3.kind != tString {
					l.ahead[1] = aheadToken{t3, end2, l.pos}
					l.nAhead = 2
				}
			} else if !l.tScratch || t2.kind != tName && t2.kind != tString {
				l.ahead[0] = aheadToken{t2, save, end2}
				l.nAhead = 1
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
			v, t, ok := l.object(depth + 1)
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
			v, t, ok := l.object(depth + 1)
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

// smallInts are the ints below 4096 as objects: put in an interface, an
// int above 255 is allocated, and a font's /Widths and /W arrays are
// hundreds of them.
var smallInts [4096]any

func init() {
	for i := range smallInts {
		smallInts[i] = i
	}
}

// refValues are the references N 0 R with N below 4096 as objects,
// made on first need: put in an interface, a Ref is allocated, and page
// trees and resources are made of them.
var refValues = sync.OnceValue(func() *[4096]any {
	var t [4096]any
	for i := range t {
		t[i] = Ref{i, 0}
	}
	return &t
})

// refValue returns the reference num gen R as an object.
func refValue(num, gen int) any {
	if gen == 0 && num >= 0 && num < len(refValues()) {
		return refValues()[num]
	}
	return Ref{num, gen}
}

// intValue returns n as an object.
func intValue(n int) any {
	if n >= 0 && n < len(smallInts) {
		return smallInts[n]
	}
	return n
}

func clampInt(f float64) float64 {
	const lim = 1 << 40
	if f > lim {
		return lim
	}
	if f < -lim {
		return -lim
	}
	return f
}

// skipTo skips tokens until the closing kind at this level (used past the
// nesting bound).
func (l *lexer) skipTo(kind tokKind) {
	depth := 0
	for {
		t := l.next()
		switch t.kind {
		case tEOF:
			return
		case tArrayOpen, tDictOpen:
			depth++
		case tArrayClose, tDictClose:
			if depth == 0 {
				return
			}
			depth--
		}
	}
}

// eol skips the end of line after the stream keyword (CRLF or LF; a lone
// CR is tolerated).
func (l *lexer) eol() {
	if l.pos < len(l.b) && l.b[l.pos] == '\r' {
		l.pos++
	}
	if l.pos < len(l.b) && l.b[l.pos] == '\n' {
		l.pos++
	}
}

// hasPrefixAt reports whether b has p at offset i.
func hasPrefixAt(b []byte, i int, p string) bool {
	return i >= 0 && i+len(p) <= len(b) && string(b[i:i+len(p)]) == p
}

var endstream = []byte("endstream")

// indexFrom is bytes.Index from offset i, or -1.
func indexFrom(b []byte, i int, sep []byte) int {
	if i < 0 || i > len(b) {
		return -1
	}
	j := bytes.Index(b[i:], sep)
	if j < 0 {
		return -1
	}
	return i + j
}
