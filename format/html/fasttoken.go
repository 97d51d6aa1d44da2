package html

import (
	"strings"

	"xxgk/internal/strs"

	"golang.org/x/net/html"
	a "golang.org/x/net/html/atom"
)

// This file is fastParse's tokenizer: golang.org/x/net/html's Tokenizer
// over a string, with the same token boundaries and the same decoding of
// text, comments, names and attribute values. Where the source ends inside
// a tag, comment or raw text element, it gives up.

// next reads the next token into p.tok.
func (p *fastParser) next() {
	p.tok = token{}
	s := p.src
	if p.pos >= len(s) {
		p.tok.typ = errorToken
		return
	}
	if p.rawTag != "" && p.readRaw() {
		return
	}
	start := p.pos
	for i := start; ; {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 || i+j+1 >= len(s) {
			p.pos = len(s)
			p.setText(s[start:], true)
			return
		}
		j += i
		c := s[j+1]
		if !(isASCIILetter(c) || c == '/' || c == '!' || c == '?') {
			i = j + 1
			continue
		}
		if j > start {
			// The text before the tag is a token of its own.
			p.pos = j
			p.setText(s[start:j], true)
			return
		}
		switch {
		case isASCIILetter(c):
			p.readTag(j, true)
		case c == '/':
			if j+2 >= len(s) {
				p.giveUp("end of input after </")
			}
			switch c2 := s[j+2]; {
			case c2 == '>':
				// "</>" is an empty comment to the parser.
				p.tok.typ = commentToken
				p.pos = j + 3
			case isASCIILetter(c2):
				p.readTag(j, false)
			default:
				p.bogusComment(j + 2)
			}
		case c == '?':
			p.bogusComment(j + 1)
		default:
			p.readMarkupDeclaration(j)
		}
		return
	}
}

// setText makes raw the current text token, with its newlines normalised
// and, when escaped, its character references decoded.
func (p *fastParser) setText(raw string, escaped bool) {
	p.tok.typ = textToken
	p.tok.data = p.decodeText(raw, escaped)
}

func (p *fastParser) decodeText(raw string, escaped bool) string {
	if p.cr && strings.IndexByte(raw, '\r') >= 0 {
		raw = convertNewlines(raw)
	}
	if escaped && strings.IndexByte(raw, '&') >= 0 {
		raw = html.UnescapeString(raw)
	}
	return raw
}

// convertNewlines turns "\r\n" and "\r" into "\n".
func convertNewlines(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' {
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Byte classes of the tokenizer, looked up in one table where a tag is
// read byte by byte.
const (
	classSpace = 1 << iota // ' ', '\n', '\r', '\t', '\f'
	classSlash
	classGT
	classEq
)

var byteClass = [256]uint8{
	' ': classSpace, '\n': classSpace, '\r': classSpace, '\t': classSpace, '\f': classSpace,
	'/': classSlash, '>': classGT, '=': classEq,
}

func isSpace(c byte) bool { return byteClass[c]&classSpace != 0 }

func (p *fastParser) skipSpace(i int) int {
	for i < len(p.src) && isSpace(p.src[i]) {
		i++
	}
	if i >= len(p.src) {
		p.giveUp("end of input inside a tag")
	}
	return i
}

// rawTags hold raw text (script, style …) or escapable raw text (textarea,
// title) up to their end tag.
func rawTag(atom a.Atom) string {
	switch atom {
	case a.Iframe, a.Noembed, a.Noframes, a.Noscript, a.Script, a.Style, a.Textarea, a.Title, a.Xmp:
		return atom.String()
	case a.Plaintext:
		return "plaintext"
	}
	return ""
}

// readRaw reads the text of a raw text element up to its end tag and
// reports whether there was any.
func (p *fastParser) readRaw() bool {
	tag := p.rawTag
	p.rawTag = ""
	if tag == "plaintext" {
		p.giveUp("plaintext")
	}
	s, start := p.src, p.pos
	end := -1
	for i := start; ; {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			break
		}
		k := i + j + 2
		if k+len(tag) >= len(s) {
			break
		}
		if asciiEqualFold(s[k:k+len(tag)], tag) {
			if c := s[k+len(tag)]; isSpace(c) || c == '/' || c == '>' {
				end = i + j
				break
			}
		}
		i = k
	}
	if end < 0 {
		p.giveUp("raw text element not closed")
	}
	if tag == "script" && strings.Contains(s[start:end], "<!--") {
		// Escaped script data ends by other rules.
		p.giveUp("<!-- in script")
	}
	if end == start {
		return false
	}
	p.pos = end
	p.setText(s[start:end], tag == "textarea" || tag == "title")
	return true
}

// asciiEqualFold compares s with a lower-case name, ignoring the case of s.
func asciiEqualFold(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// bogusComment reads a comment from data up to the next '>'.
func (p *fastParser) bogusComment(data int) {
	k := strings.IndexByte(p.src[data:], '>')
	if k < 0 {
		p.giveUp("end of input inside a comment")
	}
	p.tok.typ = commentToken
	p.tok.data = p.decodeText(p.src[data:data+k], true)
	p.pos = data + k + 1
}

// readMarkupDeclaration reads a comment, doctype or bogus comment at "<!".
func (p *fastParser) readMarkupDeclaration(lt int) {
	s := p.src
	i := lt + 2
	if i+1 >= len(s) {
		p.giveUp("end of input inside a comment")
	}
	if s[i] == '-' && s[i+1] == '-' {
		p.readComment(i + 2)
		return
	}
	if i+len("doctype") <= len(s) && asciiEqualFold(s[i:i+len("doctype")], "doctype") {
		k := p.skipSpace(i + len("doctype"))
		gt := strings.IndexByte(s[k:], '>')
		if gt < 0 {
			p.giveUp("end of input inside a doctype")
		}
		p.tok.typ = doctypeToken
		p.tok.data = p.decodeText(s[k:k+gt], true)
		p.doctypeSrc = s[lt : k+gt+1]
		p.pos = k + gt + 1
		return
	}
	p.bogusComment(i)
}

// readComment reads a comment whose data starts at start, ending it where
// the tokenizer does ("-->", "--!>", or a '>' right at the start).
func (p *fastParser) readComment(start int) {
	s := p.src
	dashes, beginning := 0, true
	end := -1
	i := start
	for ; end < 0; i++ {
		if i >= len(s) {
			p.giveUp("end of input inside a comment")
		}
		switch s[i] {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				end = i + 1 - len("-->")
				continue
			}
		case '!':
			if dashes >= 2 {
				i++
				if i >= len(s) {
					p.giveUp("end of input inside a comment")
				}
				switch s[i] {
				case '>':
					end = i + 1 - len("--!>")
					continue
				case '-':
					dashes = 1
					beginning = false
					continue
				}
			}
		}
		dashes = 0
		beginning = false
	}
	p.tok.typ = commentToken
	p.tok.data = p.decodeText(s[start:max(start, end)], true)
	p.pos = i
}

// readTag reads the start or end tag at lt: its lower-case name, and for a
// start tag its attributes (the first of each name), as html.Tokenizer.
func (p *fastParser) readTag(lt int, start bool) {
	s := p.src
	i := lt + 1
	if !start {
		i++
	}
	nameStart := i
	for i < len(s) && byteClass[s[i]]&(classSpace|classSlash|classGT) == 0 {
		i++
	}
	if i >= len(s) {
		p.giveUp("end of input inside a tag")
	}
	name := s[nameStart:i]
	if isSpace(s[i]) {
		i++
	}
	// The attributes go straight into the slab, so each is written once.
	base := len(p.attrs)
	p.attrSetOf = nil
	for {
		i = p.skipSpace(i)
		if s[i] == '>' {
			i++
			break
		}
		// The attribute's name; a leading '=' belongs to it. (skipSpace
		// left i inside s.) Its bytes are tested in a loop as tight as the
		// tag name's: one that tested for the leading '=' and the end of s
		// at every byte cost twice as much.
		ks := i
		if s[i] == '=' {
			i++
		}
		for i < len(s) && byteClass[s[i]]&(classSpace|classSlash|classGT|classEq) == 0 {
			i++
		}
		if i >= len(s) {
			p.giveUp("end of input inside a tag")
		}
		key := s[ks:i]
		vs, ve := i, i
		i = p.skipSpace(i)
		switch c := s[i]; {
		case c == '/':
			i++
		case c != '=':
		default:
			i = p.skipSpace(i + 1)
			switch q := s[i]; q {
			case '>':
			case '\'', '"':
				e := strings.IndexByte(s[i+1:], q)
				if e < 0 {
					p.giveUp("end of input inside a tag")
				}
				vs, ve = i+1, i+1+e
				i = ve + 1
			default:
				vs = i
				for {
					i++
					if i >= len(s) {
						p.giveUp("end of input inside a tag")
					}
					if isSpace(s[i]) {
						ve = i
						i++
						break
					}
					if s[i] == '>' {
						ve = i
						break
					}
				}
			}
		}
		if !start || key == "" {
			continue
		}
		_, k := p.lookupName(s, ks, ks+len(key))
		if p.seenAttr(p.attrs[base:], k) {
			continue
		}
		v := s[vs:ve]
		if p.cr && strings.IndexByte(v, '\r') >= 0 {
			v = convertNewlines(v)
		}
		if strings.IndexByte(v, '&') >= 0 {
			v = decodeAttrValue(v)
		}
		if len(p.attrs) == cap(p.attrs) {
			// The tag's attributes so far move to a fresh slab.
			n := len(p.attrs) - base
			old := p.attrs[base:]
			if n < slabSize/2 {
				p.newAttrSlab()
				p.attrs = append(p.attrs, old...)
			} else {
				p.attrs = append(make([]html.Attribute, 0, 2*n), old...)
			}
			base = 0
		}
		p.attrs = append(p.attrs, html.Attribute{Key: k, Val: v})
	}
	p.pos = i
	p.tok.atom, p.tok.data = p.lookupName(s, nameStart, nameStart+len(name))
	if !start {
		p.tok.typ = endTagToken
		return
	}
	p.tok.typ = startTagToken
	p.rawTag = rawTag(p.tok.atom)
	if n := len(p.attrs); n > base {
		p.tok.attr = p.attrs[base:n:n]
	}
}

// nameEntry is a name as written and what lookupName makes of it.
type nameEntry struct {
	raw, data string
	atom      a.Atom
	word      uint64 // raw's bytes, when it has up to eight (nameWord)
}

// seenAttr reports whether a tag's attributes so far hold the name k. A
// tag has a few: they are compared one by one, but for a tag with very many
// a set is kept (in p.attrSet, for the attributes starting at attrSetOf,
// which readTag resets for each tag), as html's tokenizer does, lest
// reading it be quadratic.
func (p *fastParser) seenAttr(attrs []html.Attribute, k string) bool {
	if len(attrs) <= manyAttrs {
		for _, x := range attrs {
			if x.Key == k {
				return true
			}
		}
		return false
	}
	if p.attrSetOf != &attrs[0] {
		p.attrSetOf = &attrs[0]
		clear(p.attrSet)
		if p.attrSet == nil {
			p.attrSet = make(map[string]bool)
		}
		for _, x := range attrs {
			p.attrSet[x.Key] = true
		}
	}
	if p.attrSet[k] {
		return true
	}
	p.attrSet[k] = true
	return false
}

// manyAttrs is the number of attributes past which seenAttr keeps a set.
const manyAttrs = 16

// lookupName returns the atom and lower-case string of the tag or
// attribute name s[i:j], without allocating when the name is an atom or
// already lower case. A page spells its names a few dozen ways, so a small
// cache keyed by the name as written answers most lookups.
//
// A name of up to eight bytes, most names, is compared with the cache's
// as a word of its bytes (nameWord): comparing the strings, a call each,
// was a third of a lookup, and a lookup is made for every tag and
// attribute.
func (p *fastParser) lookupName(s string, i, j int) (a.Atom, string) {
	name := s[i:j]
	if name == "" {
		return 0, ""
	}
	e := &p.names[uint(len(name)*7+int(name[0])*3+int(name[len(name)-1]))%uint(len(p.names))]
	if len(name) > 8 {
		if e.raw != name {
			e.atom, e.data = p.lookupNameUncached(name)
			e.raw, e.word = name, 0
		}
		return e.atom, e.data
	}
	var w uint64
	if i+8 <= len(s) {
		w = strs.Load64(s[i:]) & (^uint64(0) >> (64 - 8*len(name)))
	} else {
		w = nameWord(name)
	}
	if len(e.raw) != len(name) || e.word != w {
		e.atom, e.data = p.lookupNameUncached(name)
		e.raw, e.word = name, w
	}
	return e.atom, e.data
}

// nameWord is the word of the bytes of a name of up to eight bytes, as
// strs.Load64 loads them, the bytes past the name zero.
func nameWord(name string) uint64 {
	var w uint64
	for k := len(name) - 1; k >= 0; k-- {
		w = w<<8 | uint64(name[k])
	}
	return w
}

func (p *fastParser) lookupNameUncached(name string) (a.Atom, string) {
	upper := false
	b := p.lower[:0]
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			upper = true
		}
		b = append(b, c)
	}
	p.lower = b
	if at := a.Lookup(b); at != 0 {
		return at, at.String()
	}
	if upper {
		return 0, string(b)
	}
	return 0, name
}

// decodeAttrValue decodes the character references of an attribute value
// as html's tokenizer does. An '&' followed by neither a letter, a digit
// nor '#' stays as written, and so does a named reference the table of
// references lacks, or that is written without ';' and followed by '='
// (a URL's query, "?a=1&b=2"): in attribute values a reference is never
// read from a prefix of the name ("&copyx;" and "&list" stay as written).
func decodeAttrValue(v string) string {
	var b strings.Builder
	done := 0 // v[:done] is in b
	for i := 0; i < len(v); i++ {
		if v[i] != '&' {
			continue
		}
		j := i + 1
		var text string
		if j < len(v) && v[j] == '#' {
			k := j + 1
			hex := k < len(v) && (v[k] == 'x' || v[k] == 'X')
			if hex {
				k++
			}
			digits := k
			for k < len(v) && ('0' <= v[k] && v[k] <= '9' || hex && ('a' <= v[k] && v[k] <= 'f' || 'A' <= v[k] && v[k] <= 'F')) {
				k++
			}
			if k == digits {
				continue
			}
			if k < len(v) && v[k] == ';' {
				k++
			}
			// A numeric reference reads the same in text, where
			// html.UnescapeString decodes it.
			text, j = html.UnescapeString(v[i:k]), k
		} else {
			for j < len(v) && (isASCIILetter(v[j]) || '0' <= v[j] && v[j] <= '9') {
				j++
			}
			switch name := j - i - 1; {
			case name == 0:
				continue
			case j < len(v) && v[j] == ';':
				j++
			case j < len(v) && v[j] == '=', name > longestEntityWithoutSemicolon:
				continue
			}
			var ok bool
			if text, ok = namedReference(v[i:j]); !ok {
				continue
			}
		}
		if b.Cap() == 0 {
			b.Grow(len(v))
		}
		b.WriteString(v[done:i])
		b.WriteString(text)
		done = j
		i = j - 1
	}
	if done == 0 {
		return v
	}
	b.WriteString(v[done:])
	return b.String()
}

// namedReference returns the text of a named reference ("&amp;", "&copy")
// as an attribute value reads it, and false when it stays as written.
func namedReference(ref string) (string, bool) {
	if ref[len(ref)-1] == ';' {
		if r := commonReference(ref[1 : len(ref)-1]); r != "" {
			return r, true
		}
	}
	text := html.UnescapeString(ref)
	// In text, a name the table lacks may be read from a prefix that is a
	// reference written without ';' ("&copyx;" reads "©x;"): the rest of
	// the name is then left at the end, which a reference read whole never
	// leaves (none reads as an ASCII letter or digit, alone or before a
	// ';').
	last := len(ref) - 1
	if ref[last] == ';' {
		last--
	}
	if text == ref || strings.HasSuffix(text, ref[last:]) {
		return "", false
	}
	return text, true
}

// commonReference returns the text of the named references pages put in
// attribute values ("?a=1&amp;b=2"), "" for the others.
func commonReference(name string) string {
	switch name {
	case "amp":
		return "&"
	case "lt":
		return "<"
	case "gt":
		return ">"
	case "quot":
		return "\""
	case "apos":
		return "'"
	case "nbsp":
		return "\u00a0"
	}
	return ""
}

// longestEntityWithoutSemicolon is the longest name of a character
// reference that may be written without its ';' ("&nbsp").
const longestEntityWithoutSemicolon = 6
