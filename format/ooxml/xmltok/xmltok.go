// Package xmltok reads the tokens of an XML part of an Office Open XML
// package (a .docx or .xlsx) exactly as encoding/xml's Decoder.Token does
// in strict mode, but without its cost: the part is read once into a
// string, and a token is checked and marked where it lies in it. Its name,
// attributes and text are resolved when asked for, so the elements a
// reader skips or only counts (most of an OOXML part) cost no namespace
// look-up, no copy and no allocation.
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
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"xxgk/internal/strs"
)

// Kind is what a Token is.
type Kind uint8

// Kinds of token.
const (
	StartElement Kind = 1 + iota
	EndElement
	CharData
)

// Decoder returns the tokens of one XML part.
type Decoder struct {
	src     string
	pos     int
	readErr error // what the reader returned after src; nil for io.EOF

	stack []openElement
	// The namespace bindings in force, outermost first: an element's own
	// are the last ones while it is open, and its end drops them. A part's
	// root declares dozens of prefixes and its names use two or three, so
	// a binding is kept as it was written, two strings into src, and a
	// prefix is looked for only when a name uses it (translate), where a
	// map filled every binding's hash at the root and emptied it again.
	bindings []binding
	spans    *spans // where stack, attrs and bindings came from, to give them back
	closing  bool   // the start element just returned was empty
	ended    bool   // the end element just returned is still on the stack
	tokens   int    // encoding/xml tokens consumed, comments and PIs too

	// The last prefix looked up, valid until a binding changes: nearly
	// every name of a part has the same prefix.
	lastPrefix, lastURL string
	lastOK, lastValid   bool
	scope               uint64 // bindings made or undone so far

	// The token just returned, as places in src: its element is the top of
	// the stack, its attributes are attrs, its text src[text:textEnd] (or,
	// when textDecoded, scratch). No pointers, so marking a token costs no
	// write barrier.
	attrs       []attrSpan
	memoAttrs   *tagMemo // the attributes are these, at memoAt, not attrs (see placeAttrs)
	memoAt      int
	memoTag     *tagMemo // the start tag just read, when it is in the memo (see Class)
	text        int
	textEnd     int
	textDecoded bool
	scratch     []byte // decoded character data or attribute value

	skipped []nameSpan // skipElement's open elements, kept for the next
	memo    *memoTable // start tags skipTag and startTag read

	slow     *xml.Decoder // encoding/xml, once the fast scanner gave up
	slowName xml.Name     // the token encoding/xml returned last
	slowAttr []xml.Attr
	slowData []byte

	// giveUp, when set (by tests), makes the scanner hand over before the
	// token with this index, to check the hand-over.
	giveUp func(tokens int) bool
}

// openElement is an element started and not yet ended. Its name is kept
// as its place in src.
type openElement struct {
	start, end int // src[start:end] is the name as written, prefix and all
	local      int // src[local:end] is the local name; a prefix ends at local-1
	bindings   int // len(bindings) before the element's own
}

// attrSpan is an attribute of the start element just read.
type attrSpan struct {
	start, local, end int  // the name, as openElement's
	value, valueEnd   int  // src[value:valueEnd] is the value as written
	references        bool // the value has references or \r to decode
}

// binding binds prefix ("" for the default space) to url, which may be
// "" (as xmlns:p="" does in encoding/xml: the prefix then stands for no
// space).
type binding struct {
	prefix, url string
}

// maxBindings bounds the bindings the scanner keeps in force; a tag that
// would make more is handed to encoding/xml, whose map keeps lookups cheap
// however many there are. Under it, the linear search of translate stays
// short (Word and Excel declare a few dozen).
const maxBindings = 128

// maxPrealloc bounds the buffer reserved from a part's declared size,
// which may lie.
const maxPrealloc = 4 << 20

// NewReader reads r to its end and returns a Decoder over what it gave.
// sizeHint is the expected size. It reads as encoding/xml does through
// bufio's default buffer (ReadPart with 4096), so a reader that fails (a
// cut or oversized part) gives the same bytes before its error, and the
// error comes back from Next where encoding/xml would return it: when
// the tokens reach it.
func NewReader(r io.Reader, sizeHint int64) *Decoder {
	return New(ReadPart(r, sizeHint, 4096))
}

// ReadPart reads r to its end as encoding/xml reads it through a
// bufio.Reader of size bytes: in reads of that size, failing with
// io.ErrNoProgress after 100 empty reads. It returns what r gave and the
// error it ended with, nil at io.EOF: a damaged part read in reads of
// another size could give other bytes before its error (archive/zip
// drops the read that passes an entry's declared size). sizeHint is the
// expected size, which may lie.
func ReadPart(r io.Reader, sizeHint int64, size int) (string, error) {
	var b strings.Builder
	b.Grow(int(min(max(sizeHint, 0), maxPrealloc)))
	chunk := make([]byte, size)
	for empty := 0; ; {
		n, err := r.Read(chunk)
		b.Write(chunk[:n])
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return b.String(), err
		}
		if n > 0 {
			empty = 0
		} else if empty++; empty >= 100 {
			return b.String(), io.ErrNoProgress
		}
	}
}

// New returns a Decoder over src, as if read from a reader that returns
// readErr after it (nil: io.EOF).
func New(src string, readErr error) *Decoder {
	s := spanPool.Get().(*spans)
	return &Decoder{src: src, readErr: readErr, spans: s, stack: s.stack, attrs: s.attrs, bindings: s.bindings}
}

// spans are the slices a decoder grows as it reads (its open elements,
// attributes and bindings), given back at the end of a part for the next
// decoder: a workbook or document is a score of parts, and each grew its
// own from nothing.
type spans struct {
	stack    []openElement
	attrs    []attrSpan
	bindings []binding
}

var spanPool = sync.Pool{New: func() any { return new(spans) }}

// maxPooledSpans bounds the slices kept for the next part: a crafted part
// may nest or bind without end.
const maxPooledSpans = 1024

// releaseSpans gives back d's slices at the end of its part, when nothing
// it returns refers to them.
func (d *Decoder) releaseSpans() {
	s := d.spans
	if s == nil {
		return
	}
	d.spans = nil
	if cap(d.stack) > maxPooledSpans || cap(d.attrs) > maxPooledSpans || cap(d.bindings) > maxPooledSpans {
		return
	}
	clear(d.bindings[:cap(d.bindings)]) // strings of this part, not to be kept alive
	s.stack, s.attrs, s.bindings = d.stack[:0], d.attrs[:0], d.bindings[:0]
	d.stack, d.attrs, d.bindings = nil, nil, nil
	spanPool.Put(s)
}

// Release gives back the table of tags the decoder keeps, for the next
// decoder to use: a reader that stops before the end of the part (having
// found what it looks for, or at an error) calls it; the end of the part
// releases it too. The decoder may still be read: it takes a table again
// when it needs one.
func (d *Decoder) Release() {
	if d.memo != nil {
		d.memo.empty() // its places are of this part
		memos.Put(d.memo)
		d.memo, d.memoAttrs, d.memoTag = nil, nil, nil
	}
}

// Next reads the next token and returns its kind. At the end of the part
// it returns io.EOF; its errors are those of encoding/xml's Decoder.Token
// (a *xml.SyntaxError for malformed XML, the reader's error where the part
// was cut).
func (d *Decoder) Next() (Kind, error) {
	if d.slow != nil {
		return d.slowNext()
	}
	if d.ended {
		d.ended = false
		d.pop()
	}
	if d.closing {
		d.closing = false
		d.tokens++
		d.ended = true
		return EndElement, nil
	}
	for {
		if d.giveUp != nil && d.giveUp(d.tokens) {
			return d.handOver()
		}
		if d.pos >= len(d.src) {
			if d.readErr == nil && len(d.stack) == 0 {
				d.Release()
				d.releaseSpans()
				return 0, io.EOF
			}
			return d.handOver()
		}
		var ok bool
		var kind Kind
		if d.src[d.pos] != '<' {
			ok, kind = d.charData(), CharData
		} else if d.pos+1 >= len(d.src) {
			ok = false
		} else {
			switch d.src[d.pos+1] {
			case '/':
				ok, kind = d.endTag(), EndElement
			case '?':
				ok = d.procInst()
			case '!':
				ok = d.comment()
			default:
				ok, kind = d.startTag(), StartElement
			}
		}
		if !ok {
			return d.handOver()
		}
		d.tokens++
		if kind != 0 {
			return kind, nil
		}
	}
}

// Skip reads on inside the element whose start (or whose child's end) was
// read last, as Next would, without returning its tokens: up to and
// including the element's end, or up to a child of it (not a deeper
// descendant) whose local name is one of stopAt, whose start it reads. It
// stops before a start element that would make more than maxStarts start
// elements read, or more than maxNesting elements open below the one
// skipped, and before any token that Next would hand to encoding/xml (or
// fail at), so the caller reads that token with Next and gets what Next
// gives. It returns the start elements read and the elements open when it
// stopped, the skipped one included: 0 when it read its end, 2 when it
// stopped at a child in stopAt (child is true), 1 or more when it stopped
// before a token.
//
// A reader skips most elements of a part (properties that no one reads):
// one call per element instead of one per token saves a third of the
// reading.
func (d *Decoder) Skip(stopAt []string, maxStarts, maxNesting int) (starts, open int, child bool) {
	if d.slow != nil {
		return 0, 1, false
	}
	if d.ended {
		d.ended = false
		d.pop()
	}
	if d.closing {
		d.closing = false
		d.tokens++
		d.pop()
		return 0, 0, false
	}
	nested := 0 // elements open below the skipped one
	for {
		if d.giveUp != nil && d.giveUp(d.tokens) || d.pos+1 >= len(d.src) {
			return starts, nested + 1, false
		}
		var ok bool
		if d.src[d.pos] != '<' {
			ok = d.charData()
		} else {
			switch d.src[d.pos+1] {
			case '/':
				if ok = d.endTag(); ok {
					d.ended = false
					d.pop()
					d.tokens++
					if nested == 0 {
						return starts, 0, false
					}
					nested--
					continue
				}
			case '?':
				ok = d.procInst()
			case '!':
				ok = d.comment()
			default:
				if starts >= maxStarts || nested+1 > maxNesting {
					return starts, nested + 1, false
				}
				look := stopAt // the skipped element's children are looked at
				if nested > 0 {
					look = nil
				}
				if n, ok := d.skipElement(look, maxStarts-starts, maxNesting-nested); ok {
					starts += n
					continue
				}
				if ok = d.startTag(); ok {
					starts++
					d.tokens++
					if nested == 0 && len(stopAt) > 0 {
						e := d.stack[len(d.stack)-1]
						for _, s := range stopAt {
							if d.src[e.local:e.end] == s {
								return starts, 2, true
							}
						}
					}
					if d.closing {
						d.closing = false
						d.tokens++
						d.pop()
					} else {
						nested++
					}
					continue
				}
			}
		}
		if !ok {
			return starts, nested + 1, false
		}
		d.tokens++
	}
}

// skipElement reads the element whose start tag is at d.pos up to its
// end, as Skip reads it token by token, but without keeping what no one
// asks for: the attributes, the elements opened inside (they are not
// pushed on the stack), the end of an empty element. It reads only
// what needs no more than that: it gives up, having changed nothing, at
// anything the fast scanner would not read, at an attribute that may
// bind a namespace (bindings change the names read after), at an
// element whose local name is in stopAt (the element itself, which the
// caller looks at), at a start element that would make more than
// maxStarts read or more than maxNesting open, and before the token
// giveUp stops at; Skip then reads the element token by token. It
// returns the start elements read.
//
// Most of what a reader skips is whole elements of properties, each a
// start tag or two: pushing, popping and resolving their names took
// half of skipping them.
func (d *Decoder) skipElement(stopAt []string, maxStarts, maxNesting int) (int, bool) {
	src := d.src
	if maxStarts < 1 || maxNesting < 1 {
		return 0, false
	}
	at := d.pos
	end, nameEnd, empty, ok, m := d.skipTag(at, stopAt)
	if !ok {
		return 0, false
	}
	// An element skipped whole before, of the same bytes, is skipped
	// again at once (see tagMemo.elem).
	if m != nil && m.elem > 0 && !empty && d.giveUp == nil {
		n, tagN, start := int(m.elem), int(m.n), int(m.start)
		if int(m.elemStarts) <= maxStarts && int(m.elemDepth) <= maxNesting && n <= len(src)-at && src[end:at+n] == src[start+tagN:start+n] {
			d.pos = at + n
			d.tokens += int(m.elemTokens)
			return int(m.elemStarts), true
		}
	}
	whole := m != nil && !empty // an element to keep in m
	var mStart int32
	if whole {
		mStart = m.start
	}
	starts, tokens, depth := 1, 1, 1
	open := append(d.skipped[:0], nameSpan{d.pos + 1, nameEnd}) // src[start:end] of each open element
	if empty {
		tokens++
		open = open[:0]
	}
	i := end
	for len(open) > 0 {
		if d.giveUp != nil && d.giveUp(d.tokens+tokens) || i+1 >= len(src) {
			return 0, false
		}
		if src[i] != '<' {
			if i, ok = d.charDataEnd(i); !ok {
				return 0, false
			}
			tokens++
			continue
		}
		switch src[i+1] {
		case '/':
			// As endTag: the name of the innermost element, then '>'.
			top := open[len(open)-1]
			name := src[top.start:top.end]
			if !strings.HasPrefix(src[i+2:], name) {
				return 0, false
			}
			if i = d.space(i + 2 + len(name)); i >= len(src) || src[i] != '>' {
				return 0, false
			}
			i++
			open = open[:len(open)-1]
		case '?':
			if i, ok = d.procInstAt(i); !ok {
				return 0, false
			}
		case '!':
			if i, ok = d.commentAt(i); !ok {
				return 0, false
			}
		default:
			if starts >= maxStarts || len(open)+1 > maxNesting {
				return 0, false
			}
			depth = max(depth, len(open)+1)
			var nameEnd int
			if end, nameEnd, empty, ok, _ = d.skipTag(i, nil); !ok {
				return 0, false
			}
			starts++
			if empty {
				tokens++
			} else {
				open = append(open, nameSpan{i + 1, nameEnd})
			}
			i = end
		}
		tokens++
	}
	d.skipped = open
	d.pos = i
	d.tokens += tokens
	// Kept when the entry is still the tag's (the tags inside may have
	// taken its place), now placed here, where the element is.
	if whole && m.start == mStart && i-at <= math.MaxInt32 {
		m.start = int32(at)
		m.elem, m.elemStarts, m.elemTokens, m.elemDepth = int32(i-at), int32(starts), int32(tokens), int32(depth)
	}
	return starts, true
}

// nameSpan is a name as written, src[start:end].
type nameSpan struct{ start, end int }

// skipTag reads the start tag at at as startTag does, without keeping
// its attributes: it returns the tag's end, where its name ends, and
// whether it is empty (<name …/>). It reports false also at an element
// whose local name is in stopAt, and at an attribute that may bind a
// namespace.
//
// A tag it has read is kept in d.memo, found again by its first 16 bytes:
// the properties a reader skips repeat (<w:jc w:val="left"/> on every
// paragraph), and a tag of the same bytes reads the same, since reading
// one looks at nothing past its end. Comparing the bytes took a sixth of
// reading them.
//
// It also returns the memo's entry of the tag, nil when it has none.
func (d *Decoder) skipTag(at int, stopAt []string) (end, nameEnd int, empty, ok bool, tag *tagMemo) {
	src := d.src
	m, key := d.memoSlot(at)
	if m != nil {
		if m.is(src, at, key) {
			n := int(m.n)
			if len(stopAt) > 0 {
				local := src[at+int(m.local) : at+int(m.nameEnd)]
				for _, s := range stopAt {
					if local == s {
						return 0, 0, false, false, nil
					}
				}
			}
			return at + n, at + int(m.nameEnd), m.empty, true, m
		}
	}
	end, local, nameEnd, empty, ok := d.readSkipTag(at, stopAt)
	if ok && m != nil && end <= math.MaxInt32 {
		*m = tagMemo{gen: d.memo.gen, key: key, start: int32(at), n: int32(end - at), local: int32(local - at), nameEnd: int32(nameEnd - at), empty: empty, attrs: -1}
		return end, nameEnd, empty, ok, m
	}
	return end, nameEnd, empty, ok, nil
}

// memoSlot is the place in d.memo of the start tag at at, by the 16
// bytes after its '<', which it also returns as two words; nil when the
// part ends before them.
func (d *Decoder) memoSlot(at int) (m *tagMemo, key memoKey) {
	src := d.src
	if at+17 > len(src) {
		return nil, key
	}
	if d.memo == nil {
		d.memo = memos.Get().(*memoTable)
	}
	const mul = 0x9e3779b97f4a7c15
	key = memoKey{strs.Load64(src[at+1 : at+9]), strs.Load64(src[at+9 : at+17])}
	t := d.memo
	m = &t.tags[(key[0]*mul^key[1])*mul>>(64-memoBits)]
	if m.gen != t.gen {
		*m = tagMemo{gen: t.gen} // of an earlier part: empty
	}
	return m, key
}

// memoKey is the 16 bytes after a tag's '<'.
type memoKey [2]uint64

// is reports whether m keeps the tag at at, whose memoKey is key: the
// tag's bytes are those m was read from. A tag starts with '<', then the
// bytes of its key (a tag of up to 17 bytes needs no more comparing).
func (m *tagMemo) is(src string, at int, key memoKey) bool {
	n, start := int(m.n), int(m.start)
	return n > 0 && m.key == key && n <= len(src)-at && (n <= 17 || src[at+17:at+n] == src[start+17:start+n])
}

// tagMemo is a start tag skipTag or startTag has read: src[start:start+n],
// its local name at local and its name's end at nameEnd from its start.
// When startTag read it, it also keeps its attributes (attrs of them, at
// most memoAttrs), placed from its start; attrs is -1 when skipTag read
// it, which does not keep them. A tag that binds a namespace is not kept
// by either.
type tagMemo struct {
	key                      memoKey // of the tag at start (see is)
	start, n, local, nameEnd int32
	empty                    bool
	attrs                    int8
	gen                      uint16 // the memoTable's when the entry is of this part (16 bits fit in padding)
	attr                     [memoAttrs]memoAttr

	// What the reader told the tag to be (SetClass), in the bindings of
	// scope; 0 when it did not.
	class      uint8
	classScope uint64

	// The element the tag starts, when skipElement read it whole at
	// start: its length (0 when not), the start elements and tokens in it
	// and the most elements open in it at a start, that one and the
	// element itself included (what maxNesting must allow). An element of
	// the same bytes reads the same, the limits aside: whole properties
	// (<w:tcBorders>, <w:rPr>…</w:rPr>) repeat as their tags do.
	elem, elemStarts, elemTokens, elemDepth int32
}

// memoAttr is an attrSpan placed from the start of its tag.
type memoAttr struct {
	start, local, end, value, valueEnd int32
	references                         bool
}

// memoAttrs is the most attributes of a tag kept.
const memoAttrs = 4

// The tags skipTag and startTag keep. A document's paragraphs, runs and
// properties have a few hundred different tags; fewer places lose some
// (256 read 2% more instructions); a table, of 160 KB, is emptied for
// each part by a new generation (memoTable).
const (
	memoBits = 10
	memoSize = 1 << memoBits
)

// memoTable is the tags a decoder keeps: those whose gen is the table's.
// A tag of an earlier part names places in that part's text; such an
// entry is emptied where it is looked up (memoSlot), and a table is
// emptied for the next part by a new generation. Clearing its 160 KB for
// each part cost more than reading a small part (a workbook's
// relationships, its properties: an .xlsx has a dozen parts).
type memoTable struct {
	gen  uint16
	tags [memoSize]tagMemo
}

// empty makes the table's entries the earlier parts'.
func (t *memoTable) empty() {
	if t.gen++; t.gen == 0 {
		t.tags = [memoSize]tagMemo{} // a generation would come round again
	}
}

// memos are tables of tags of parts read before, emptied, for the next
// part.
var memos = sync.Pool{New: func() any { return new(memoTable) }}

// readSkipTag is skipTag reading the tag, and returns where its local
// name starts too.
func (d *Decoder) readSkipTag(at int, stopAt []string) (end, local, nameEnd int, empty, ok bool) {
	src := d.src
	local, nameEnd, ok = d.nsname(at + 1)
	if !ok {
		return 0, 0, 0, false, false
	}
	for _, s := range stopAt {
		if src[local:nameEnd] == s {
			return 0, 0, 0, false, false
		}
	}
	i := nameEnd
	for {
		i = d.space(i)
		if i >= len(src) {
			return 0, 0, 0, false, false
		}
		if c := src[i]; c == '/' {
			if i+1 >= len(src) || src[i+1] != '>' {
				return 0, 0, 0, false, false
			}
			return i + 2, local, nameEnd, true, true
		} else if c == '>' {
			return i + 1, local, nameEnd, false, true
		}
		start := i
		aLocal, aEnd, ok := d.nsname(i)
		// xmlns:p or xmlns, as startTag tells a binding.
		if !ok || src[start] == 'x' && (aLocal-start == len("xmlns:") || aEnd-start == len("xmlns")) {
			return 0, 0, 0, false, false
		}
		if i = d.space(aEnd); i >= len(src) || src[i] != '=' {
			return 0, 0, 0, false, false
		}
		if i = d.space(i + 1); i >= len(src) {
			return 0, 0, 0, false, false
		}
		q := src[i]
		if q != '"' && q != '\'' {
			return 0, 0, 0, false, false
		}
		i++
		end, class := d.attrValueEnd(i, q)
		if end < 0 || class == invalid {
			return 0, 0, 0, false, false
		}
		if class == special {
			raw := src[i:end]
			if strings.IndexByte(raw, '<') >= 0 {
				return 0, 0, 0, false, false // an error of encoding/xml
			}
			if _, ok := d.decode(raw); !ok {
				return 0, 0, 0, false, false
			}
		}
		i = end + 1
	}
}

// charDataEnd returns the end of the character data at i, checked as
// charData checks it: false where charData fails, or where the part ends
// before a '<'.
func (d *Decoder) charDataEnd(i int) (int, bool) {
	raw := d.src[i:]
	n := strings.IndexByte(raw, '<')
	if n < 0 {
		return 0, false
	}
	raw = raw[:n]
	if strings.Contains(raw, "]]>") {
		return 0, false // an error of encoding/xml
	}
	switch check(raw) {
	case invalid:
		return 0, false
	case special:
		if _, ok := d.decode(raw); !ok {
			return 0, false
		}
	}
	return i + n, true
}

// Name returns the name of the start or end element just read; it is not
// for character data.
func (d *Decoder) Name() xml.Name {
	if d.slow != nil {
		return d.slowName
	}
	e := d.stack[len(d.stack)-1]
	local := d.src[e.local:e.end]
	space := ""
	if e.local > e.start {
		space = d.src[e.start : e.local-1]
	}
	return xml.Name{Space: d.translate(space, local, true), Local: local}
}

// RawName returns the name of the start or end element just read (like
// Name, it is not for character data) as written, prefix and all, and a
// count of the namespace bindings made and undone before it: elements of
// the same raw name and count have the same Name, so a reader may keep
// what it made of one Name to use again. It reports false once the part
// is read by encoding/xml, which keeps no raw names: then ask Name.
func (d *Decoder) RawName() (raw string, scope uint64, ok bool) {
	if d.slow != nil {
		return "", 0, false
	}
	e := d.stack[len(d.stack)-1]
	return d.src[e.start:e.end], d.scope, true
}

// Class returns what SetClass said of an earlier start tag of the same
// bytes as the one just read, in the same namespace bindings; 0 when
// there is none. Like Attrs, it is for a start element, until the next
// token is read.
//
// A reader that tells elements apart by their names may keep what it
// found with the tag: a few tags (<w:p>, <w:r>, <w:t>) make most of a
// part, and resolving and comparing their names cost more than reading
// them.
func (d *Decoder) Class() uint8 {
	if m := d.memoTag; m != nil && m.classScope == d.scope && d.slow == nil {
		return m.class
	}
	return 0
}

// SetClass keeps class (not 0) with the start tag just read, for Class
// to give at a tag of the same bytes in the same bindings. It keeps
// nothing when the tag is not in the memo.
func (d *Decoder) SetClass(class uint8) {
	if m := d.memoTag; m != nil && d.slow == nil {
		m.class, m.classScope = class, d.scope
	}
}

// Local returns the local name of the start or end element just read,
// as Name().Local.
func (d *Decoder) Local() string {
	if d.slow != nil {
		return d.slowName.Local
	}
	e := d.stack[len(d.stack)-1]
	return d.src[e.local:e.end]
}

// Offset returns the offset in the part of the byte after the last token
// read, as encoding/xml's InputOffset: a reader that stops reading tokens
// (package xlsx, past a sheet's row limit) scans the rest of the part's
// bytes from there.
func (d *Decoder) Offset() int64 {
	if d.slow != nil {
		return d.slow.InputOffset()
	}
	return int64(d.pos)
}

// FromXML returns a Decoder that reads every token with xd, which its
// caller has set up: a part too large to hold in memory streamed, or one
// that needs xd's CharsetReader. Its methods are those of a Decoder that
// has handed over to encoding/xml; Skip reads nothing and Offset is xd's
// InputOffset.
func FromXML(xd *xml.Decoder) *Decoder {
	return &Decoder{slow: xd}
}

// NumAttrs returns the number of attributes of the start element just
// read, namespace bindings included, as in Attrs.
func (d *Decoder) NumAttrs() int {
	if d.slow != nil {
		return len(d.slowAttr)
	}
	d.placeAttrs() // a tag read again from the memo has them placed when asked
	return len(d.attrs)
}

// AttrAt returns the local name and the value of the i-th attribute of
// the start element just read, as Attrs()[i] has them, without making
// the slice.
func (d *Decoder) AttrAt(i int) (local, value string) {
	if d.slow != nil {
		return d.slowAttr[i].Name.Local, d.slowAttr[i].Value
	}
	d.placeAttrs()
	a := d.attrs[i]
	return d.src[a.local:a.end], d.attrValue(a)
}

// Attrs returns the attributes of the start element just read, in a new
// slice.
func (d *Decoder) Attrs() []xml.Attr {
	if d.slow != nil {
		return append([]xml.Attr(nil), d.slowAttr...)
	}
	d.placeAttrs()
	attrs := make([]xml.Attr, len(d.attrs))
	for k, a := range d.attrs {
		local := d.src[a.local:a.end]
		space := ""
		if a.local > a.start {
			space = d.src[a.start : a.local-1]
		}
		attrs[k] = xml.Attr{Name: xml.Name{Space: d.translate(space, local, false), Local: local}, Value: d.attrValue(a)}
	}
	return attrs
}

// AttrValue returns the value of the first attribute of the start element
// just read with the given local name, whatever its namespace.
func (d *Decoder) AttrValue(local string) (string, bool) {
	if d.slow != nil {
		for _, a := range d.slowAttr {
			if a.Name.Local == local {
				return a.Value, true
			}
		}
		return "", false
	}
	d.placeAttrs()
	for _, a := range d.attrs {
		if d.src[a.local:a.end] == local {
			return d.attrValue(a), true
		}
	}
	return "", false
}

// placeAttrs sets d.attrs from the memo when startTag found the tag
// there: most attributes are never asked for, so they are placed only
// when they are. The memo's entry does not change until the next token
// is read (only startTag and skipTag write it), when the attributes are
// no longer asked for.
func (d *Decoder) placeAttrs() {
	m, at := d.memoAttrs, d.memoAt
	if m == nil {
		return
	}
	d.memoAttrs = nil
	attrs := d.attrs[:0]
	for _, a := range m.attr[:m.attrs] {
		attrs = append(attrs, attrSpan{start: at + int(a.start), local: at + int(a.local), end: at + int(a.end),
			value: at + int(a.value), valueEnd: at + int(a.valueEnd), references: a.references})
	}
	d.attrs = attrs
}

// attrValue is the value of a, decoded.
func (d *Decoder) attrValue(a attrSpan) string {
	raw := d.src[a.value:a.valueEnd]
	if !a.references {
		return raw
	}
	v, _ := d.decode(raw) // it decoded when the tag was read
	d.scratch = v
	return string(v)
}

// Data returns the character data just read, valid until the next call to
// Next, like encoding/xml's CharData.
func (d *Decoder) Data() []byte {
	if d.slow != nil {
		return d.slowData
	}
	if !d.textDecoded {
		d.scratch = append(d.scratch[:0], d.src[d.text:d.textEnd]...)
		d.textDecoded = true
	}
	return d.scratch
}

// AppendData appends the character data just read to dst, as
// append(dst, d.Data()...) does without copying it into the decoder's
// buffer first.
func (d *Decoder) AppendData(dst []byte) []byte {
	if d.slow != nil {
		return append(dst, d.slowData...)
	}
	if d.textDecoded {
		return append(dst, d.scratch...)
	}
	return append(dst, d.src[d.text:d.textEnd]...)
}

// handOver gives the rest of the part to encoding/xml: it reads the part
// again and skips the tokens already returned, so it continues in the
// state the fast scanner was in.
func (d *Decoder) handOver() (Kind, error) {
	var r io.Reader = strings.NewReader(d.src)
	if d.readErr != nil {
		r = io.MultiReader(r, errReader{d.readErr})
	}
	d.slow = xml.NewDecoder(r)
	for range d.tokens {
		if _, err := d.slow.Token(); err != nil {
			return 0, err // cannot happen: the tokens were well-formed
		}
	}
	return d.slowNext()
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func (d *Decoder) slowNext() (Kind, error) {
	for {
		tok, err := d.slow.Token()
		if err != nil {
			return 0, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			d.slowName, d.slowAttr = tok.Name, tok.Attr
			return StartElement, nil
		case xml.EndElement:
			d.slowName = tok.Name
			return EndElement, nil
		case xml.CharData:
			d.slowData = tok
			return CharData, nil
		}
		// Comments, processing instructions, directives (and the nil
		// token encoding/xml returns for an empty CDATA section).
	}
}

// charData reads character data up to the next '<' or the end.
func (d *Decoder) charData() bool {
	raw := d.src[d.pos:]
	if i := strings.IndexByte(raw, '<'); i >= 0 {
		raw = raw[:i]
	}
	if strings.Contains(raw, "]]>") {
		return false // an error of encoding/xml
	}
	switch check(raw) {
	case invalid:
		return false
	case special:
		data, ok := d.decode(raw)
		if !ok {
			return false
		}
		d.scratch = data
		d.textDecoded = true
	default:
		d.textDecoded = false
	}
	d.text, d.textEnd = d.pos, d.pos+len(raw)
	d.pos += len(raw)
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
	special        // '&' or '\r': decode (or '<', see byteClass)
	invalid        // a byte or character encoding/xml refuses
)

// byteClass classifies ASCII bytes for check.
var byteClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			t[c] = invalid
		}
	}
	// '<' cannot be in text, which ends at it, but may be in an attribute
	// value, where it is an error that the caller looks for.
	t['&'], t['\r'], t['<'] = special, special, special
	return t
}()

// check classifies text: plain, special or invalid (invalid UTF-8, or a
// character outside XML's Char production).
func check(s string) int {
	res := plain
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if k := byteClass[c]; k != plain {
				if k == invalid {
					return invalid
				}
				res = special
			}
			i++
			continue
		}
		// Most text of a Chinese report is in U+1000…U+CFFF and
		// U+E000…U+EFFF: three bytes whose lead allows every continuation
		// byte (not E0 nor ED, which have narrower ranges, nor EF, which
		// leads U+FFFE and U+FFFF), all in XML's Char production.
		if (c >= 0xE1 && c <= 0xEC || c == 0xEE) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
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

// nameChar marks the bytes of a name other than a colon (nameByte
// without ':'), which nsname's loops run over.
var nameChar = func() (t [256]bool) {
	t = nameByte
	t[':'] = false
	return t
}()

// nsname reads a name at i and splits it at its colon, as encoding/xml's
// nsname does: the local name starts at local, which is i when there is no
// prefix, and the name ends at end.
//
// It runs over the bytes up to a colon, and again after it, with one
// table lookup a byte: a name is a few bytes, read for every element and
// attribute, and one loop that also told colons apart took twice the
// instructions.
func (d *Decoder) nsname(i int) (local, end int, ok bool) {
	src := d.src
	if i >= len(src) || !nameStart[src[i]] {
		return 0, 0, false
	}
	j := i + 1
	for j < len(src) && nameChar[src[j]] {
		j++
	}
	colon := -1
	if src[i] == ':' {
		colon = i
	}
	if j < len(src) && src[j] == ':' {
		if colon >= 0 {
			return 0, 0, false // a:b:c is no name for encoding/xml
		}
		colon = j
		for j++; j < len(src) && nameChar[src[j]]; j++ {
		}
		if j < len(src) && src[j] == ':' {
			return 0, 0, false
		}
	}
	if j >= len(src) || src[j] >= utf8.RuneSelf {
		return 0, 0, false
	}
	if colon <= i || colon == j-1 {
		return i, j, true
	}
	return colon + 1, j, true
}

// space returns the end of the white space at i.
func (d *Decoder) space(i int) int {
	for i < len(d.src) {
		// Mostly there is none: one comparison tells.
		if c := d.src[i]; c > ' ' || c != ' ' && c != '\r' && c != '\n' && c != '\t' {
			return i
		}
		i++
	}
	return i
}

// startTag reads <name attr="value" …> or <name …/>.
//
// A tag read before, found in d.memo as skipTag finds it, is read again
// from there: the names and attributes of paragraphs, runs and their
// properties repeat, and reading them again took a fifth of reading a
// document.
func (d *Decoder) startTag() bool {
	at := d.pos
	m, key := d.memoSlot(at)
	if m != nil {
		if m.attrs >= 0 && m.is(d.src, at, key) {
			n := int(m.n)
			d.memoAttrs, d.memoAt, d.memoTag = m, at, m
			d.stack = append(d.stack, openElement{start: at + 1, end: at + int(m.nameEnd), local: at + int(m.local), bindings: len(d.bindings)})
			d.pos = at + n
			d.closing = m.empty
			return true
		}
	}
	d.memoAttrs, d.memoTag = nil, nil
	local, nameEnd, ok := d.nsname(d.pos + 1)
	if !ok {
		return false
	}
	i := nameEnd
	attrs := d.attrs[:0]
	empty, binds := false, false
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
		a := attrSpan{start: i}
		a.local, a.end, ok = d.nsname(i)
		if !ok {
			return false
		}
		if i = d.space(a.end); i >= len(d.src) || d.src[i] != '=' {
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
		end, class := d.attrValueEnd(i, q)
		if end < 0 {
			return false
		}
		raw := d.src[i:end]
		switch class {
		case invalid:
			return false
		case special:
			if strings.IndexByte(raw, '<') >= 0 {
				return false // an error of encoding/xml
			}
			if _, ok := d.decode(raw); !ok {
				return false
			}
			a.references = true
		}
		a.value, a.valueEnd = i, end
		i = end + 1
		attrs = append(attrs, a)
		// xmlns:p or xmlns (a prefix ends one byte before the local name).
		binds = binds || d.src[a.start] == 'x' && (a.local-a.start == len("xmlns:") || a.end-a.start == len("xmlns"))
	}
	d.attrs = attrs

	// As encoding/xml's Token: the bindings first, then the names.
	mark := len(d.bindings)
	if binds && len(d.bindings)+len(attrs) > maxBindings {
		return false // see maxBindings
	}
	if binds {
		d.bindings = slices.Grow(d.bindings, len(attrs)) // one allocation for a root's dozens
	}
	for k := 0; binds && k < len(attrs); k++ {
		switch a := attrs[k]; {
		case a.local > a.start && d.src[a.start:a.local-1] == "xmlns":
			d.bind(d.src[a.local:a.end], d.attrValue(a))
		case a.local == a.start && d.src[a.start:a.end] == "xmlns":
			d.bind("", d.attrValue(a))
		}
	}
	d.stack = append(d.stack, openElement{start: d.pos + 1, end: nameEnd, local: local, bindings: mark})
	d.pos = i
	d.closing = empty
	if m != nil && !binds && len(attrs) <= memoAttrs && i <= math.MaxInt32 {
		*m = tagMemo{gen: d.memo.gen, key: key, start: int32(at), n: int32(i - at), local: int32(local - at), nameEnd: int32(nameEnd - at), empty: empty, attrs: int8(len(attrs))}
		for k, a := range attrs {
			m.attr[k] = memoAttr{start: int32(a.start - at), local: int32(a.local - at), end: int32(a.end - at),
				value: int32(a.value - at), valueEnd: int32(a.valueEnd - at), references: a.references}
		}
		d.memoTag = m
	}
	return true
}

// attrValueEnd returns the end of the attribute value at i, quoted by q,
// and what check says of it; -1 when the quote is missing. Attribute
// values are short and mostly plain ASCII: one pass over the bytes that
// need no look, as valueStop tells, finds the quote and checks the bytes
// before it, where strings.IndexByte and check took two.
func (d *Decoder) attrValueEnd(i int, q byte) (int, int) {
	class := plain
	src := d.src
	for j := i; j < len(src); j++ {
		c := src[j]
		if !valueStop[c] {
			continue
		}
		switch {
		case c == q:
			return j, class
		case c >= utf8.RuneSelf:
			// The rest as before.
			end := strings.IndexByte(src[j:], q)
			if end < 0 {
				return -1, 0
			}
			return j + end, max(class, check(src[j:j+end]))
		case c != '"' && c != '\'':
			class = max(class, int(byteClass[c]))
		}
	}
	return -1, 0
}

// valueStop marks the bytes of an attribute value that attrValueEnd looks
// at: quotes, bytes outside ASCII and those byteClass does not call plain.
var valueStop = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c == '"' || c == '\'' || c >= utf8.RuneSelf || byteClass[c] != plain
	}
	return t
}()

func (d *Decoder) bind(prefix, url string) {
	d.bindings = append(d.bindings, binding{prefix, url})
	d.lastValid = false
	d.scope++
}

// lookup returns the URL prefix is bound to, the innermost binding of it.
func (d *Decoder) lookup(prefix string) (string, bool) {
	for k := len(d.bindings) - 1; k >= 0; k-- {
		if b := &d.bindings[k]; b.prefix == prefix {
			return b.url, true
		}
	}
	return "", false
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
		d.lastURL, d.lastOK = d.lookup(space)
		d.lastPrefix, d.lastValid = space, true
	}
	if d.lastOK {
		return d.lastURL
	}
	return space // the unbound prefix, or "" (encoding/xml's DefaultSpace)
}

// endTag reads </name>. The name must be that of the innermost element,
// which was read as a name when it started: so it is enough to find it
// there, followed by what may end a name and the tag.
func (d *Decoder) endTag() bool {
	n := len(d.stack)
	if n == 0 {
		return false
	}
	name := d.src[d.stack[n-1].start:d.stack[n-1].end]
	i := d.pos + 2
	if !strings.HasPrefix(d.src[i:], name) {
		return false
	}
	if i = d.space(i + len(name)); i >= len(d.src) || d.src[i] != '>' {
		return false
	}
	d.pos = i + 1
	d.ended = true
	return true
}

// pop closes the innermost element, restoring the bindings it made.
func (d *Decoder) pop() {
	top := d.stack[len(d.stack)-1]
	d.stack = d.stack[:len(d.stack)-1]
	if n := len(d.bindings) - top.bindings; n > 0 {
		d.bindings = d.bindings[:top.bindings]
		d.lastValid = false
		d.scope += uint64(n) // one per binding undone, as bindings are made
	}
}

// procInst skips <?target …?>, checking the XML declaration as
// encoding/xml does.
func (d *Decoder) procInst() bool {
	end, ok := d.procInstAt(d.pos)
	if ok {
		d.pos = end
	}
	return ok
}

// procInstAt reads the processing instruction at i and returns its end.
func (d *Decoder) procInstAt(at int) (int, bool) {
	start := at + 2
	i, ok := d.name(start)
	if !ok {
		return 0, false
	}
	target := d.src[start:i]
	i = d.space(i)
	n := strings.Index(d.src[i:], "?>")
	if n < 0 {
		return 0, false
	}
	if target == "xml" {
		content := d.src[i : i+n]
		if v := procInstParam("version", content); v != "" && v != "1.0" {
			return 0, false
		}
		if e := procInstParam("encoding", content); e != "" && !strings.EqualFold(e, "utf-8") {
			return 0, false
		}
	}
	return i + n + 2, true
}

// comment skips <!-- … -->; other <! constructs are left to encoding/xml.
func (d *Decoder) comment() bool {
	end, ok := d.commentAt(d.pos)
	if ok {
		d.pos = end
	}
	return ok
}

// commentAt reads the comment at i and returns its end.
func (d *Decoder) commentAt(i int) (int, bool) {
	i += 2
	if !strings.HasPrefix(d.src[i:], "--") {
		return 0, false
	}
	i += 2
	n := strings.Index(d.src[i:], "--")
	if n < 0 {
		return 0, false
	}
	// The first "--" must end the comment.
	if e := i + n + 2; e < len(d.src) && d.src[e] == '>' {
		return e + 1, true
	}
	return 0, false
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
