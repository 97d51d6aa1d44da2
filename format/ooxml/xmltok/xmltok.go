// Package xmltok reads the tokens of an XML part of an Office Open XML
// package (a .docx or .xlsx) exactly as encoding/xml's Decoder.Token does
// in strict mode, but without its cost: the part is read once into a
// string, names and attribute values are pieces of it, and a token is
// written into the caller's Token, not boxed in an interface, so a token
// costs no allocation.
//
// Only start elements, end elements and character data are returned;
// comments, processing instructions and directives are read and dropped.
// Names carry their namespace URL as encoding/xml resolves it (an unbound
// prefix stays as it is), character data has its entity and character
// references decoded and its line ends turned into \n.
//
// The fast scanner knows the subset of XML that OOXML parts are made of.
// At anything else, and at anything malformed, it hands over to an
// encoding/xml Decoder that reads the part again from its start and skips
// the tokens already returned, so the rare constructs (CDATA, DOCTYPE,
// names outside ASCII, other encodings) and every error, with its line and
// message, are encoding/xml's own.
package xmltok

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Kind is what a Token is.
type Kind uint8

// Kinds of token.
const (
	StartElement Kind = 1 + iota
	EndElement
	CharData
)

// Token is a start element (Name, Attr), an end element (Name) or
// character data (Data).
type Token struct {
	Kind Kind
	Name xml.Name
	Attr []xml.Attr
	Data []byte
}

// Start returns the token as an encoding/xml start element.
func (t Token) Start() xml.StartElement { return xml.StartElement{Name: t.Name, Attr: t.Attr} }

// Decoder returns the tokens of one XML part.
type Decoder struct {
	src     string
	pos     int
	readErr error // what the reader returned after src; nil for io.EOF

	stack   []openElement
	ns      map[string]string // prefix → URL, "" for the default space
	undo    []nsUndo          // earlier bindings, to restore at element ends
	closing bool              // the start element just returned was empty
	tokens  int               // encoding/xml tokens consumed, comments and PIs too

	// The last prefix looked up, valid until a binding changes: nearly
	// every name of a part has the same prefix.
	lastPrefix, lastURL string
	lastOK, lastValid   bool

	scratch []byte     // decoded character data
	attrs   []xml.Attr // the attributes of the last start element

	slow *xml.Decoder // encoding/xml, once the fast scanner gave up

	// giveUp, when set (by tests), makes the scanner hand over before the
	// token with this index, to check the hand-over.
	giveUp func(tokens int) bool
}

// openElement is an element started and not yet ended. Its name is kept
// as its place in src: no pointers, so pushing costs no write barrier.
type openElement struct {
	start, end int // src[start:end] is the name as written, prefix and all
	undo       int // len(undo) before the element's bindings
}

type nsUndo struct {
	prefix, url string
	ok          bool
}

// maxPrealloc bounds the buffer reserved from a part's declared size,
// which may lie.
const maxPrealloc = 4 << 20

// NewReader reads r to its end and returns a Decoder over what it gave.
// sizeHint is the expected size. It reads as encoding/xml does through
// bufio (4096 bytes at a time, io.ErrNoProgress after 100 empty reads),
// so a reader that fails (a cut or oversized part) gives the same bytes
// before its error, and the error comes back from Next where
// encoding/xml would return it: when the tokens reach it.
func NewReader(r io.Reader, sizeHint int64) *Decoder {
	var b strings.Builder
	b.Grow(int(min(max(sizeHint, 0), maxPrealloc)))
	chunk := make([]byte, 4096)
	var err error
	for empty := 0; ; {
		n, e := r.Read(chunk)
		b.Write(chunk[:n])
		if e != nil {
			err = e
			break
		}
		if n > 0 {
			empty = 0
		} else if empty++; empty >= 100 {
			err = io.ErrNoProgress
			break
		}
	}
	if err == io.EOF {
		err = nil
	}
	return New(b.String(), err)
}

// New returns a Decoder over src, as if read from a reader that returns
// readErr after it (nil: io.EOF).
func New(src string, readErr error) *Decoder {
	return &Decoder{src: src, readErr: readErr, ns: map[string]string{}}
}

// Next reads the next token into t. At the end of the part it returns
// io.EOF; its errors are those of encoding/xml's Decoder.Token (a
// *xml.SyntaxError for malformed XML, the reader's error where the part
// was cut).
//
// The token's Data is valid until the next call to Next, like
// encoding/xml's CharData, and so is its Attr slice (not the strings in
// it): a caller that needs an attribute after reading on takes it first.
//
// The token is the caller's so that it may live on the caller's stack,
// where writing pointers costs no write barrier.
func (d *Decoder) Next(t *Token) error {
	if d.slow != nil {
		return d.slowNext(t)
	}
	if d.closing {
		d.closing = false
		d.tokens++
		top := d.stack[len(d.stack)-1]
		space, local, _ := splitName(d.src[top.start:top.end])
		d.end(t, space, local)
		return nil
	}
	for {
		if d.giveUp != nil && d.giveUp(d.tokens) {
			return d.handOver(t)
		}
		if d.pos >= len(d.src) {
			if d.readErr == nil && len(d.stack) == 0 {
				return io.EOF
			}
			return d.handOver(t)
		}
		var ok bool
		token := true
		if d.src[d.pos] != '<' {
			ok = d.text(t)
		} else if d.pos+1 >= len(d.src) {
			ok = false
		} else {
			switch d.src[d.pos+1] {
			case '/':
				ok = d.endTag(t)
			case '?':
				ok, token = d.procInst(), false
			case '!':
				ok, token = d.comment(), false
			default:
				ok = d.startTag(t)
			}
		}
		if !ok {
			return d.handOver(t)
		}
		d.tokens++
		if token {
			return nil
		}
	}
}

// handOver gives the rest of the part to encoding/xml: it reads the part
// again and skips the tokens already returned, so it continues in the
// state the fast scanner was in.
func (d *Decoder) handOver(t *Token) error {
	var r io.Reader = strings.NewReader(d.src)
	if d.readErr != nil {
		r = io.MultiReader(r, errReader{d.readErr})
	}
	d.slow = xml.NewDecoder(r)
	for range d.tokens {
		if _, err := d.slow.Token(); err != nil {
			return err // cannot happen: the tokens were well-formed
		}
	}
	return d.slowNext(t)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func (d *Decoder) slowNext(t *Token) error {
	for {
		tok, err := d.slow.Token()
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			*t = Token{Kind: StartElement, Name: tok.Name, Attr: tok.Attr}
			return nil
		case xml.EndElement:
			*t = Token{Kind: EndElement, Name: tok.Name}
			return nil
		case xml.CharData:
			*t = Token{Kind: CharData, Data: tok}
			return nil
		}
		// Comments, processing instructions, directives (and the nil
		// token encoding/xml returns for an empty CDATA section).
	}
}

// text reads character data up to the next '<' or the end.
func (d *Decoder) text(t *Token) bool {
	raw := d.src[d.pos:]
	if i := strings.IndexByte(raw, '<'); i >= 0 {
		raw = raw[:i]
	}
	if strings.Contains(raw, "]]>") {
		return false // an error of encoding/xml
	}
	data, ok := d.decode(raw)
	if !ok {
		return false
	}
	d.scratch = data
	d.pos += len(raw)
	*t = Token{Kind: CharData, Data: data}
	return true
}

// decode returns raw with its references decoded and line ends turned into
// \n, in d.scratch, as encoding/xml's text does; false when it would fail.
func (d *Decoder) decode(raw string) ([]byte, bool) {
	switch check(raw) {
	case plain:
		return append(d.scratch[:0], raw...), true
	case invalid:
		return nil, false
	}
	out := d.scratch[:0]
	var prev byte
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '&':
			var n int
			var ok bool
			out, n, ok = reference(out, raw[i:])
			if !ok {
				return nil, false
			}
			i += n - 1
			prev = 0
			continue
		case c == '\r':
			out = append(out, '\n')
		case c == '\n' && prev == '\r':
		default:
			out = append(out, c)
		}
		prev = c
	}
	// References may have given characters XML does not allow.
	if check(string(out)) == invalid {
		return nil, false
	}
	return out, true
}

// What check found.
const (
	plain   = iota // only allowed characters, nothing to decode
	special        // '&' or '\r': decode
	invalid        // a byte or character encoding/xml refuses
)

// byteClass classifies ASCII bytes for check.
var byteClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			t[c] = invalid
		}
	}
	t['&'], t['\r'] = special, special
	return t
}()

// check classifies text: plain, special or invalid (invalid UTF-8, or a
// character outside XML's Char production).
func check(s string) int {
	res := plain
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch byteClass[c] {
			case invalid:
				return invalid
			case special:
				res = special
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !inCharacterRange(r) {
			return invalid
		}
		i += n
	}
	return res
}

// inCharacterRange is encoding/xml's isInCharacterRange for non-ASCII.
func inCharacterRange(r rune) bool {
	return r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// reference appends the text of the reference that s starts with and
// returns its length; false for one encoding/xml refuses (strict mode
// knows only the five predefined entities).
func reference(out []byte, s string) ([]byte, int, bool) {
	if len(s) > 1 && s[1] == '#' {
		base, i := 10, 2
		if len(s) > 2 && s[2] == 'x' {
			base, i = 16, 3
		}
		j := i
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || base == 16 && (s[j] >= 'a' && s[j] <= 'f' || s[j] >= 'A' && s[j] <= 'F')) {
			j++
		}
		if j >= len(s) || s[j] != ';' {
			return out, 0, false
		}
		n, err := strconv.ParseUint(s[i:j], base, 64)
		if err != nil || n > utf8.MaxRune {
			return out, 0, false
		}
		return utf8.AppendRune(out, rune(n)), j + 1, true
	}
	for _, e := range predefined {
		if strings.HasPrefix(s[1:], e.name) {
			return append(out, e.text), len(e.name) + 1, true
		}
	}
	return out, 0, false
}

var predefined = [...]struct {
	name string
	text byte
}{{"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"apos;", '\''}, {"quot;", '"'}}

// nameByte is encoding/xml's isNameByte; nameStart the ASCII bytes that may
// start a name.
var nameByte, nameStart = func() (b, s [256]bool) {
	for c := range 256 {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
		s[c] = letter
		b[c] = letter || c >= '0' && c <= '9' || c == '.' || c == '-'
	}
	return b, s
}()

// name reads an ASCII name at i and returns its end; false for anything
// else (no name, one with other characters, the end of the input).
func (d *Decoder) name(i int) (int, bool) {
	if i >= len(d.src) || !nameStart[d.src[i]] {
		return 0, false
	}
	j := i + 1
	for j < len(d.src) && nameByte[d.src[j]] {
		j++
	}
	if j >= len(d.src) || d.src[j] >= utf8.RuneSelf {
		return 0, false
	}
	return j, true
}

// nsname reads a name at i and splits it at its colon, as encoding/xml's
// nsname does.
func (d *Decoder) nsname(i int) (space, local string, end int, ok bool) {
	src := d.src
	if i >= len(src) || !nameStart[src[i]] {
		return "", "", 0, false
	}
	colon := -1
	if src[i] == ':' {
		colon = i
	}
	j := i + 1
	for ; j < len(src) && nameByte[src[j]]; j++ {
		if src[j] == ':' {
			if colon >= 0 {
				return "", "", 0, false // a:b:c is no name for encoding/xml
			}
			colon = j
		}
	}
	if j >= len(src) || src[j] >= utf8.RuneSelf {
		return "", "", 0, false
	}
	if colon <= i || colon == j-1 {
		return "", src[i:j], j, true
	}
	return src[i:colon], src[colon+1 : j], j, true
}

// splitName splits a name at its colon; false for more than one.
func splitName(s string) (space, local string, ok bool) {
	c := strings.IndexByte(s, ':')
	switch {
	case c < 0:
		return "", s, true
	case strings.IndexByte(s[c+1:], ':') >= 0:
		return "", "", false
	case c == 0 || c == len(s)-1:
		return "", s, true
	}
	return s[:c], s[c+1:], true
}

func (d *Decoder) space(i int) int {
	for i < len(d.src) {
		switch d.src[i] {
		case ' ', '\r', '\n', '\t':
			i++
		default:
			return i
		}
	}
	return i
}

// startTag reads <name attr="value" …> or <name …/>.
func (d *Decoder) startTag(t *Token) bool {
	space, local, nameEnd, ok := d.nsname(d.pos + 1)
	if !ok {
		return false
	}
	i := nameEnd
	attrs := d.attrs[:0]
	empty := false
	for {
		i = d.space(i)
		if i >= len(d.src) {
			return false
		}
		if c := d.src[i]; c == '/' {
			if i+1 >= len(d.src) || d.src[i+1] != '>' {
				return false
			}
			i += 2
			empty = true
			break
		} else if c == '>' {
			i++
			break
		}
		var a xml.Attr
		a.Name.Space, a.Name.Local, i, ok = d.nsname(i)
		if !ok {
			return false
		}
		if i = d.space(i); i >= len(d.src) || d.src[i] != '=' {
			return false
		}
		if i = d.space(i + 1); i >= len(d.src) {
			return false
		}
		q := d.src[i]
		if q != '"' && q != '\'' {
			return false
		}
		i++
		end := i
		for end < len(d.src) && d.src[end] != q && d.src[end] != '<' {
			end++
		}
		if end >= len(d.src) || d.src[end] != q {
			return false
		}
		raw := d.src[i:end]
		switch check(raw) {
		case plain:
			a.Value = raw
		case invalid:
			return false
		default:
			v, ok := d.decode(raw)
			if !ok {
				return false
			}
			d.scratch = v
			a.Value = string(v)
		}
		i = end + 1
		attrs = append(attrs, a)
	}
	d.attrs = attrs

	// As encoding/xml's Token: the bindings first, then the names.
	mark := len(d.undo)
	for _, a := range attrs {
		switch {
		case a.Name.Space == "xmlns":
			d.bind(a.Name.Local, a.Value)
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			d.bind("", a.Value)
		}
	}
	d.stack = append(d.stack, openElement{start: d.pos + 1, end: nameEnd, undo: mark})
	*t = Token{Kind: StartElement, Name: xml.Name{Space: d.translate(space, local, true), Local: local}, Attr: attrs[:len(attrs):len(attrs)]}
	for k := range t.Attr {
		n := &t.Attr[k].Name
		n.Space = d.translate(n.Space, n.Local, false)
	}
	d.pos = i
	d.closing = empty
	return true
}

func (d *Decoder) bind(prefix, url string) {
	old, ok := d.ns[prefix]
	d.undo = append(d.undo, nsUndo{prefix: prefix, url: old, ok: ok})
	d.ns[prefix] = url
	d.lastValid = false
}

// translate returns the space of a name as written, resolved as
// encoding/xml's translate does.
func (d *Decoder) translate(space, local string, element bool) string {
	switch {
	case space == "xmlns":
		return space
	case space == "" && !element:
		return space
	case space == "xml":
		space = "http://www.w3.org/XML/1998/namespace"
	case space == "" && local == "xmlns":
		return space
	}
	if !d.lastValid || d.lastPrefix != space {
		d.lastURL, d.lastOK = d.ns[space]
		d.lastPrefix, d.lastValid = space, true
	}
	if d.lastOK {
		return d.lastURL
	}
	return space // the unbound prefix, or "" (encoding/xml's DefaultSpace)
}

// endTag reads </name>.
func (d *Decoder) endTag(t *Token) bool {
	space, local, nameEnd, ok := d.nsname(d.pos + 2)
	if !ok {
		return false
	}
	i := nameEnd
	if i = d.space(i); i >= len(d.src) || d.src[i] != '>' {
		return false
	}
	if n := len(d.stack); n == 0 || d.src[d.stack[n-1].start:d.stack[n-1].end] != d.src[d.pos+2:nameEnd] {
		return false
	}
	d.pos = i + 1
	d.end(t, space, local)
	return true
}

// end closes the innermost element, named as written.
func (d *Decoder) end(t *Token, space, local string) {
	*t = Token{Kind: EndElement, Name: xml.Name{Space: d.translate(space, local, true), Local: local}}
	top := d.stack[len(d.stack)-1]
	d.stack = d.stack[:len(d.stack)-1]
	for len(d.undo) > top.undo {
		u := d.undo[len(d.undo)-1]
		d.undo = d.undo[:len(d.undo)-1]
		if u.ok {
			d.ns[u.prefix] = u.url
		} else {
			delete(d.ns, u.prefix)
		}
		d.lastValid = false
	}
}

// procInst skips <?target …?>, checking the XML declaration as
// encoding/xml does.
func (d *Decoder) procInst() bool {
	start := d.pos + 2
	i, ok := d.name(start)
	if !ok {
		return false
	}
	target := d.src[start:i]
	i = d.space(i)
	n := strings.Index(d.src[i:], "?>")
	if n < 0 {
		return false
	}
	if target == "xml" {
		content := d.src[i : i+n]
		if v := procInstParam("version", content); v != "" && v != "1.0" {
			return false
		}
		if e := procInstParam("encoding", content); e != "" && !strings.EqualFold(e, "utf-8") {
			return false
		}
	}
	d.pos = i + n + 2
	return true
}

// comment skips <!-- … -->; other <! constructs are left to encoding/xml.
func (d *Decoder) comment() bool {
	i := d.pos + 2
	if !strings.HasPrefix(d.src[i:], "--") {
		return false
	}
	i += 2
	n := strings.Index(d.src[i:], "--")
	if n < 0 {
		return false
	}
	// The first "--" must end the comment.
	if e := i + n + 2; e < len(d.src) && d.src[e] == '>' {
		d.pos = e + 1
		return true
	}
	return false
}

// procInstParam is encoding/xml's procInst: the value of param="…" in a
// processing instruction, "" when absent.
func procInstParam(param, s string) string {
	param += "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}
