package pdftext

// The lexer of main before tokens kept their bytes in a scratch buffer,
// kept for TestLexerMatchesReference and FuzzLexer: it returns every name,
// string and keyword as a string of its own.

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// refLexer is the reference lexer; skipSpace (unchanged) is shared.
type refLexer struct{ lexer }

// keywords are the words the reference lexer returns without allocating.
var keywords = map[string]string{}

func init() {
	for k := range keywordValues {
		keywords[k] = k
	}
}

// next returns the next token.
func (l *refLexer) next() token {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return token{kind: tEOF}
	}
	c := l.b[l.pos]
	switch {
	case c == '[':
		l.pos++
		return token{kind: tArrayOpen}
	case c == ']':
		l.pos++
		return token{kind: tArrayClose}
	case c == '{' || c == '}':
		l.pos++ // PostScript procedures (in Type 4 functions): not needed
		return l.next()
	case c == '/':
		return token{kind: tName, str: l.name()}
	case c == '(':
		return token{kind: tString, str: l.literal()}
	case c == '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			return token{kind: tDictOpen}
		}
		return token{kind: tString, str: l.hex()}
	case c == '>':
		l.pos++
		if l.pos < len(l.b) && l.b[l.pos] == '>' {
			l.pos++
			return token{kind: tDictClose}
		}
		return l.next() // a stray >
	case c == ')':
		l.pos++
		return l.next()
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		if t, ok := l.number(); ok {
			return t
		}
	}
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	if l.pos == start {
		l.pos++ // a lone delimiter we do not know
	}
	if k, ok := keywords[string(l.b[start:l.pos])]; ok {
		return token{kind: tKeyword, str: k}
	}
	return token{kind: tKeyword, str: string(l.b[start:l.pos])}
}

func (l *refLexer) name() string {
	l.pos++ // '/'
	// Most names have no #xx escape: one string, no buffer.
	end := l.pos
	for end < len(l.b) && !isSpace(l.b[end]) && !isDelim(l.b[end]) && l.b[end] != '#' {
		end++
	}
	if end == len(l.b) || l.b[end] != '#' {
		start := l.pos
		l.pos = end
		return string(l.b[start:end])
	}
	var out []byte
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isSpace(c) || isDelim(c) {
			break
		}
		if c == '#' && l.pos+2 < len(l.b) {
			h, lo := unhex(l.b[l.pos+1]), unhex(l.b[l.pos+2])
			if h >= 0 && lo >= 0 {
				out = append(out, byte(h<<4|lo))
				l.pos += 3
				continue
			}
		}
		out = append(out, c)
		l.pos++
	}
	return string(out)
}

func (l *refLexer) literal() string {
	l.pos++ // '('
	var out []byte
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
				return string(out)
			}
		case '\\':
			if l.pos >= len(l.b) {
				return string(out)
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
	return string(out)
}

func (l *refLexer) hex() string {
	out, n := refHexBytes(l.b[l.pos+1:]) // after '<'
	l.pos += 1 + n
	return string(out)
}

// refHexBytes decodes hex digits up to '>' (white space and other bytes are
// skipped; an odd last digit counts as followed by 0). It returns the
// bytes and the length of input read, the '>' included.
func refHexBytes(data []byte) ([]byte, int) {
	var out []byte
	hi := -1
	i := 0
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

func (l *refLexer) number() (token, bool) {
	start := l.pos
	i := l.pos
	if i < len(l.b) && (l.b[i] == '+' || l.b[i] == '-') {
		i++
	}
	digits, dot := 0, false
	for i < len(l.b) {
		c := l.b[i]
		if c >= '0' && c <= '9' {
			digits++
		} else if c == '.' && !dot {
			dot = true
		} else if c == '-' || c == '+' {
			// 1-2 or 0.5-: malformed numbers some writers produce; stop here
			break
		} else {
			break
		}
		i++
	}
	if digits == 0 {
		return token{}, false
	}
	l.pos = i
	if i-start <= 15 {
		// Short decimals, nearly all numbers of a file: no allocation.
		neg, v, scale := false, 0.0, 0.0
		for _, c := range l.b[start:i] {
			switch {
			case c == '-':
				neg = true
			case c == '.':
				scale = 1
			case c >= '0' && c <= '9':
				v = v*10 + float64(c-'0')
				scale *= 10
			}
		}
		if scale > 1 {
			v /= scale
		}
		if neg {
			v = -v
		}
		return token{kind: tNumber, num: v, isInt: !dot}, true
	}
	s := string(l.b[start:i])
	if !dot {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return token{kind: tNumber, num: float64(n), isInt: true}, true
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		f = 0
	}
	return token{kind: tNumber, num: f}, true
}

// TestCharClass compares the byte classes with the switches they replace.
func TestCharClass(t *testing.T) {
	for i := range 256 {
		c := byte(i)
		space, delim := false, false
		switch c {
		case ' ', '\t', '\r', '\n', '\f', 0:
			space = true
		}
		switch c {
		case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
			delim = true
		}
		kind := scanOther
		switch c {
		case '[':
			kind = scanArrayOpen
		case ']':
			kind = scanArrayClose
		case '{', '}':
			kind = scanBrace
		case '/':
			kind = scanName
		case '(':
			kind = scanLiteral
		case '<':
			kind = scanLess
		case '>':
			kind = scanGreater
		case ')':
			kind = scanRParen
		case '+', '-', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			kind = scanNumber
		}
		if scanKinds[c] != uint8(kind) {
			t.Errorf("byte %#x: scan kind %d, want %d", c, scanKinds[c], kind)
		}
		// run's kinds: white space and comments apart, the bytes scan
		// skips or run drops (a stray ']', ')', a brace) together.
		ck := ckKeyword
		switch {
		case c == '#':
			ck = ckHash
		case space:
			ck = ckSpace
		case c == '%':
			ck = ckComment
		case kind == scanArrayOpen:
			ck = ckArrayOpen
		case kind == scanArrayClose, kind == scanBrace, kind == scanRParen:
			ck = ckSkip
		case kind == scanName:
			ck = ckName
		case kind == scanLiteral:
			ck = ckLiteral
		case kind == scanLess:
			ck = ckLess
		case kind == scanGreater:
			ck = ckGreater
		case kind == scanNumber:
			ck = ckNumber
		}
		if contentKinds[c] != uint8(ck) {
			t.Errorf("byte %#x: content kind %d, want %d", c, contentKinds[c], ck)
		}
		if isSpace(c) != space || isDelim(c) != delim || isRegular(c) != (!space && !delim) {
			t.Errorf("byte %#x: space %v delim %v regular %v, want %v %v %v", c, isSpace(c), isDelim(c), isRegular(c), space, delim, !space && !delim)
		}
	}
}

// TestNumberMatchesReference reads numbers of every form and length
// around the short-number bound with number and the reference, bit for
// bit (negative zero included).
func TestNumberMatchesReference(t *testing.T) {
	cases := []string{"0", "-0", "+0", "-0.0", ".", "-.", "+", "-", ".5", "-.5", "5.", "1.2.3", "1-2", "0.5-",
		"123456789012345", "1234567890123456", "-12345678901234", "-123456789012345", "0.00000000000001", "0.000000000000001",
		"99999999999999.9", "9999999999999.99", ".99999999999999", "18446744073709551616", "123456789012345678901234567890",
		"1e5", "3.14159265358979", "-3.1415926535897", "000000000000001", "1.0000000000000"}
	for i := range 2000 {
		// Digits and a dot at every place, of every length up to 17.
		n := i%17 + 1
		b := make([]byte, 0, n+2)
		if i%3 == 1 {
			b = append(b, '-')
		}
		for k := range n {
			if k == (i/17)%(n+1) {
				b = append(b, '.')
			}
			b = append(b, byte('0'+(i*7+k*13)%10))
		}
		cases = append(cases, string(b))
	}
	for c := range 256 {
		// A lone digit before every byte, and at the end.
		cases = append(cases, string([]byte{'7', byte(c), '1'}), string([]byte{'-', '0', byte(c)}))
	}
	for _, c := range cases {
		l := &lexer{b: []byte(c + " ")}
		r := &refLexer{lexer{b: []byte(c + " ")}}
		if len(c) == 3 && c[0] == '7' {
			l.b, r.b = []byte(c), []byte(c)
		}
		ok := l.number()
		want, wantOK := r.number()
		if ok != wantOK || l.pos != r.pos || ok && (math.Float64bits(l.num) != math.Float64bits(want.num) || l.isInt != want.isInt) {
			t.Errorf("%q: %v %v %v at %d; reference %v %v %v at %d", c, l.num, l.isInt, ok, l.pos, want.num, want.isInt, wantOK, r.pos)
		}
		if ok && l.plain && math.Float64bits(numValue(l.num, l.isInt)) != math.Float64bits(l.num) {
			t.Errorf("%q: %v plain, numValue gives %v", c, l.num, numValue(l.num, l.isInt))
		}
		// Followed by a space, in every case but the lone digits.
		if len(c) != 3 || c[0] != '7' {
			for _, n := range []string{"-" + c, c + "9", "-" + c + "0"} {
				l := &lexer{b: []byte(n + " ")}
				if l.number() && l.plain && math.Float64bits(numValue(l.num, l.isInt)) != math.Float64bits(l.num) {
					t.Errorf("%q: %v plain, numValue gives %v", n, l.num, numValue(l.num, l.isInt))
				}
			}
		}
	}
}

// TestUnhex compares unhex with the switch it replaces, on every byte.
func TestUnhex(t *testing.T) {
	for i := range 256 {
		c, want := byte(i), -1
		switch {
		case c >= '0' && c <= '9':
			want = int(c - '0')
		case c >= 'a' && c <= 'f':
			want = int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			want = int(c-'A') + 10
		}
		if got := unhex(c); got != want {
			t.Errorf("unhex(%#x) = %d, want %d", c, got, want)
		}
	}
}

// TestAppendHexMatchesReference decodes hex strings of digits, white
// space, stray bytes, odd lengths and no closing '>' with appendHex and
// refHexBytes, after bytes already in the buffer.
func TestAppendHexMatchesReference(t *testing.T) {
	alphabet := []byte("0123456789abcdefABCDEF  \n\tgZ>>")
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		data := make([]byte, r.IntN(24))
		for i := range data {
			data[i] = alphabet[r.IntN(len(alphabet))]
		}
		want, wantN := refHexBytes(data)
		got, n := appendHex([]byte("x"), data)
		if string(got) != "x"+string(want) || n != wantN {
			t.Fatalf("%q: %q, %d; reference %q, %d", data, got[1:], n, want, wantN)
		}
	}
}

// TestShortHexMatchesReference lexes hex strings of two characters of
// every kind, closed or not, as content and not: hex's reading of <XY>
// at once gives what the reference lexer gives.
func TestShortHexMatchesReference(t *testing.T) {
	chars := []byte("09afAFgG <>()/% \n-.x")
	for _, a := range chars {
		for _, b := range chars {
			for _, tail := range []string{">", ">>", "> 1", "", ">Tj", "0>"} {
				data := []byte("<" + string([]byte{a, b}) + tail)
				for _, content := range []bool{false, true} {
					if err := sameTokens(data, content); err != nil {
						t.Fatalf("%q: %v", data, err)
					}
				}
			}
		}
	}
}
