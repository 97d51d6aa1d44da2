package html

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/net/html"
	a "golang.org/x/net/html/atom"
)

// fastParse builds the tree html.Parse builds for src, for the part of HTML
// that saved report pages use, reporting false (and a reason, for tests and
// measurements) the moment src needs anything else: the caller then parses
// with html.Parse. It is a port of the parts of golang.org/x/net/html's
// tokenizer and tree construction that those pages exercise, over the
// decoded string, so names, attribute values and text are substrings of src
// where they need no decoding, and nodes and attributes come from a few
// large allocations. Each give-up names a rule of html.Parse the port does
// not reproduce (foreign content, templates, frames, NUL bytes, a document
// cut off inside a tag or raw text, nesting the parser refuses …), so
// correctness never rests on the subset being complete.
func fastParse(src string) (root *html.Node, ok bool, reason string) {
	p, reason := parseFast(src)
	if p == nil {
		return nil, false, reason
	}
	return p.doc, true, ""
}

// parseFast is fastParse returning the parser, whose release hands the
// tree's memory on to the next page; nil and the reason when it gives up.
func parseFast(src string) (parser *fastParser, reason string) {
	if strings.IndexByte(src, 0) >= 0 {
		return nil, "NUL byte"
	}
	p := parsers.Get().(*fastParser)
	p.src, p.cr = src, strings.IndexByte(src, '\r') >= 0
	defer func() {
		if r := recover(); r != nil {
			// A slip of the port (a bug, not a give-up) leaves the page
			// to html.Parse all the same; the tests look for the reason.
			reason = internalError + fmt.Sprint(r)
			if g, isGiveUp := r.(giveUp); isGiveUp {
				reason = string(g)
			}
			p.release()
			parser = nil
		}
	}()
	p.parse()
	return p, ""
}

// giveUp is the panic value that abandons the fast path.
type giveUp string

// internalError starts the reason of any other panic.
const internalError = "internal error: "

// insertion modes (HTML5 section 13.2.4.1) the port implements.
type insertionMode uint8

const (
	imInitial insertionMode = iota
	imBeforeHTML
	imBeforeHead
	imInHead
	imAfterHead
	imInBody
	imText
	imInTable
	imInCaption
	imInColumnGroup
	imInTableBody
	imInRow
	imInCell
	imAfterBody
	imAfterAfterBody
	imNone // no original insertion mode saved
)

type tokenType uint8

const (
	errorToken tokenType = iota // end of input
	textToken
	startTagToken
	endTagToken
	commentToken
	doctypeToken
)

// token is the tokenizer's current token, as html.Token. It has no more
// than four fields, so the compiler stores it field by field: a larger
// struct is cleared for every token with a bulk write barrier, which took
// 4% of reading a page while the collector runs.
type token struct {
	typ  tokenType
	atom a.Atom
	data string
	attr []html.Attribute
}

// scopeMarker separates the active formatting elements of a table cell,
// caption or applet from those outside it.
var scopeMarker = &html.Node{}

type fastParser struct {
	src        string
	cr         bool // src holds a '\r', which text and attribute values turn into '\n'
	pos        int
	rawTag     string // lower-case name of the element whose raw text comes next
	doctypeSrc string // the source of the last doctype token

	tok        token
	doc        *html.Node
	oe, afe    []*html.Node
	head, form *html.Node
	im         insertionMode
	originalIM insertionMode
	quirks     bool // the page is in quirks mode
	// fosterParenting is set while a token in a table is processed by the
	// in-body rules; any node it would insert is foster-parented, which
	// the port gives up on.
	fosterParenting bool

	// The text node whose data grows by adjacent text tokens, and that
	// data: html.Parse coalesces the same way.
	liveText *html.Node
	liveBuf  []byte
	parked   map[*html.Node][]byte // data of the other text nodes that grew

	nodes     []html.Node      // slab the nodes are taken from
	attrs     []html.Attribute // slab the attributes are taken from
	nodeSlabs []*nodeSlab      // the slabs taken, for release
	attrSlabs []*attrSlab
	lower     []byte // scratch for lower-casing names
	// attrSet holds the names of the attributes of a tag with many, the
	// one whose first attribute attrSetOf points to.
	attrSet   map[string]bool
	attrSetOf *html.Attribute
	names     [128]nameEntry // cache of lookupName
}

func (p *fastParser) giveUp(reason string) { panic(giveUp(reason)) }

func (p *fastParser) parse() {
	p.doc = p.newNode(html.DocumentNode, 0, "")
	p.im = imInitial
	p.originalIM = imNone
	for {
		p.next()
		p.parseCurrentToken()
		if p.tok.typ == errorToken {
			break
		}
	}
	p.flushText()
}

func (p *fastParser) parseCurrentToken() {
	for !p.step() {
	}
}

// parseImpliedToken processes a token the source does not hold, as an
// implied <head> or </p>.
func (p *fastParser) parseImpliedToken(t tokenType, atom a.Atom) {
	real := p.tok
	p.tok = token{typ: t, atom: atom, data: atom.String()}
	p.parseCurrentToken()
	p.tok = real
}

// step processes the current token in the current insertion mode and
// reports whether it was consumed.
func (p *fastParser) step() bool {
	switch p.im {
	case imInitial:
		return p.initialIM()
	case imBeforeHTML:
		return p.beforeHTMLIM()
	case imBeforeHead:
		return p.beforeHeadIM()
	case imInHead:
		return p.inHeadIM()
	case imAfterHead:
		return p.afterHeadIM()
	case imInBody:
		return p.inBodyIM()
	case imText:
		return p.textIM()
	case imInTable:
		return p.inTableIM()
	case imInCaption:
		return p.inCaptionIM()
	case imInColumnGroup:
		return p.inColumnGroupIM()
	case imInTableBody:
		return p.inTableBodyIM()
	case imInRow:
		return p.inRowIM()
	case imInCell:
		return p.inCellIM()
	case imAfterBody:
		return p.afterBodyIM()
	case imAfterAfterBody:
		return p.afterAfterBodyIM()
	}
	p.giveUp("insertion mode")
	return true
}

// Node allocation. Nodes and attributes come from fixed-size slabs, which
// release clears and pools once the reader is done with the tree: a page's
// tree is most of what reading it allocates, and is dropped when Read
// returns.

const slabSize = 256

type nodeSlab [slabSize]html.Node

type attrSlab [slabSize]html.Attribute

var nodeSlabs = sync.Pool{New: func() any { return new(nodeSlab) }}

var attrSlabs = sync.Pool{New: func() any { return new(attrSlab) }}

func (p *fastParser) newNode(t html.NodeType, atom a.Atom, data string) *html.Node {
	if len(p.nodes) == cap(p.nodes) {
		slab := nodeSlabs.Get().(*nodeSlab)
		p.nodeSlabs = append(p.nodeSlabs, slab)
		p.nodes = slab[:0]
	}
	p.nodes = p.nodes[:len(p.nodes)+1]
	n := &p.nodes[len(p.nodes)-1]
	n.Type, n.DataAtom, n.Data = t, atom, data
	return n
}

// newAttrSlab makes a fresh slab the current one for attributes.
func (p *fastParser) newAttrSlab() {
	slab := attrSlabs.Get().(*attrSlab)
	p.attrSlabs = append(p.attrSlabs, slab)
	p.attrs = slab[:0]
}

// newAttrs returns a slice of n attributes (capped, so appending copies).
func (p *fastParser) newAttrs(n int) []html.Attribute {
	if n > slabSize/4 {
		return make([]html.Attribute, n)
	}
	if len(p.attrs)+n > cap(p.attrs) {
		p.newAttrSlab()
	}
	i := len(p.attrs)
	p.attrs = p.attrs[:i+n]
	return p.attrs[i : i+n : i+n]
}

// parsers are the emptied parsers of earlier pages: a parser is some
// kilobytes (its cache of names), and its stacks grew for each page.
var parsers = sync.Pool{New: func() any { return new(fastParser) }}

// A parser whose lists, set or name buffer grew past this is dropped
// rather than pooled (the stack of open elements stops at 512).
const maxPooledList = 1024

// release clears the slabs of the tree and pools them, and the parser,
// emptied of the page; neither the tree nor the parser may be used after.
func (p *fastParser) release() {
	for _, s := range p.nodeSlabs {
		clear(s[:])
		nodeSlabs.Put(s)
	}
	for _, s := range p.attrSlabs {
		clear(s[:])
		attrSlabs.Put(s)
	}
	if cap(p.oe) > maxPooledList || cap(p.afe) > maxPooledList || len(p.attrSet) > maxPooledList || cap(p.lower) > maxPooledList {
		return
	}
	clear(p.oe[:cap(p.oe)])
	clear(p.afe[:cap(p.afe)])
	clear(p.nodeSlabs)
	clear(p.attrSlabs)
	clear(p.attrSet)
	*p = fastParser{oe: p.oe[:0], afe: p.afe[:0], nodeSlabs: p.nodeSlabs[:0], attrSlabs: p.attrSlabs[:0], lower: p.lower[:0], attrSet: p.attrSet}
	parsers.Put(p)
}

// Stack of open elements.

func (p *fastParser) top() *html.Node {
	if len(p.oe) > 0 {
		return p.oe[len(p.oe)-1]
	}
	return p.doc
}

func (p *fastParser) pop() *html.Node {
	n := p.oe[len(p.oe)-1]
	p.oe = p.oe[:len(p.oe)-1]
	return n
}

func indexOf(s []*html.Node, n *html.Node) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == n {
			return i
		}
	}
	return -1
}

func remove(s []*html.Node, n *html.Node) []*html.Node {
	i := indexOf(s, n)
	if i < 0 {
		return s
	}
	copy(s[i:], s[i+1:])
	s[len(s)-1] = nil
	return s[:len(s)-1]
}

type scope uint8

const (
	defaultScope scope = iota
	listItemScope
	buttonScope
	tableScope
	tableRowScope
	tableBodyScope
)

// defaultScopeStop are the elements that bound the default, list item and
// button scopes.
func defaultScopeStop(atom a.Atom) bool {
	switch atom {
	case a.Applet, a.Caption, a.Html, a.Table, a.Td, a.Th, a.Marquee, a.Object, a.Template, a.Select:
		return true
	}
	return false
}

func (p *fastParser) indexInScope(s scope, match ...a.Atom) int {
	for i := len(p.oe) - 1; i >= 0; i-- {
		t := p.oe[i].DataAtom
		for _, m := range match {
			if m == t {
				return i
			}
		}
		switch s {
		case listItemScope:
			if t == a.Ol || t == a.Ul {
				return -1
			}
		case buttonScope:
			if t == a.Button {
				return -1
			}
		case tableScope:
			if t == a.Html || t == a.Table || t == a.Template {
				return -1
			}
		}
		if s != tableScope && defaultScopeStop(t) {
			return -1
		}
	}
	return -1
}

func (p *fastParser) inScope(s scope, match ...a.Atom) bool {
	return p.indexInScope(s, match...) >= 0
}

func (p *fastParser) popUntil(s scope, match ...a.Atom) bool {
	if i := p.indexInScope(s, match...); i >= 0 {
		p.oe = p.oe[:i]
		return true
	}
	return false
}

func (p *fastParser) clearStackToContext(s scope) {
	for i := len(p.oe) - 1; i >= 0; i-- {
		t := p.oe[i].DataAtom
		var stop bool
		switch s {
		case tableScope:
			stop = t == a.Html || t == a.Table || t == a.Template
		case tableRowScope:
			stop = t == a.Html || t == a.Tr || t == a.Template
		case tableBodyScope:
			stop = t == a.Html || t == a.Tbody || t == a.Tfoot || t == a.Thead || t == a.Template
		}
		if stop {
			p.oe = p.oe[:i+1]
			return
		}
	}
}

// generateImpliedEndTags pops dd, dt, li, optgroup, option, p, rb, rp, rt
// and rtc elements, except one named except.
func (p *fastParser) generateImpliedEndTags(except string) {
	i := len(p.oe) - 1
	for ; i >= 0; i-- {
		n := p.oe[i]
		switch n.DataAtom {
		case a.Dd, a.Dt, a.Li, a.Optgroup, a.Option, a.P, a.Rb, a.Rp, a.Rt, a.Rtc:
			if n.Data == except {
				break
			}
			continue
		}
		break
	}
	p.oe = p.oe[:i+1]
}

// Tree building.

func appendChild(parent, n *html.Node) {
	last := parent.LastChild
	if last != nil {
		last.NextSibling = n
	} else {
		parent.FirstChild = n
	}
	parent.LastChild = n
	n.Parent = parent
	n.PrevSibling = last
}

func (p *fastParser) shouldFosterParent() bool {
	if p.fosterParenting {
		switch p.top().DataAtom {
		case a.Table, a.Tbody, a.Tfoot, a.Thead, a.Tr:
			return true
		}
	}
	return false
}

func (p *fastParser) addChild(n *html.Node) {
	if p.shouldFosterParent() {
		p.fosterParent(n)
	} else {
		appendChild(p.top(), n)
	}
	if n.Type == html.ElementNode {
		p.insertOpenElement(n)
	}
}

// fosterParent puts a node that may not go where it is (text or an element
// right inside a table) before the table, as html.Parse does.
func (p *fastParser) fosterParent(n *html.Node) {
	var table, parent, prev *html.Node
	i := len(p.oe) - 1
	for ; i >= 0; i-- {
		if p.oe[i].DataAtom == a.Table {
			table = p.oe[i]
			break
		}
	}
	if table == nil {
		parent = p.oe[0]
	} else {
		parent = table.Parent
	}
	if parent == nil {
		parent = p.oe[i-1]
	}
	if table != nil {
		prev = table.PrevSibling
	} else {
		prev = parent.LastChild
	}
	if prev != nil && prev.Type == html.TextNode && n.Type == html.TextNode {
		p.appendText(prev, n.Data)
		return
	}
	parent.InsertBefore(n, table)
}

func (p *fastParser) insertOpenElement(n *html.Node) {
	p.oe = append(p.oe, n)
	if len(p.oe) > 512 {
		p.giveUp("nesting deeper than 512")
	}
}

func (p *fastParser) addText(text string) {
	if text == "" {
		return
	}
	if p.shouldFosterParent() {
		p.fosterParent(p.newNode(html.TextNode, 0, text))
		return
	}
	t := p.top()
	if last := t.LastChild; last != nil && last.Type == html.TextNode {
		p.appendText(last, text)
		return
	}
	p.addChild(p.newNode(html.TextNode, 0, text))
}

// appendText adds text to a text node's data. The node's data grows in a
// buffer, stored in it by flushText at the end; the buffer of the node
// that grew before is parked meanwhile, so text added by turns to two
// nodes (before a table and inside it) is not copied back and forth.
func (p *fastParser) appendText(n *html.Node, text string) {
	if n != p.liveText {
		if p.liveText != nil {
			if p.parked == nil {
				p.parked = make(map[*html.Node][]byte)
			}
			p.parked[p.liveText] = p.liveBuf
		}
		buf, ok := p.parked[n]
		if ok {
			delete(p.parked, n)
		} else {
			buf = append([]byte(nil), n.Data...)
		}
		p.liveText, p.liveBuf = n, buf
	}
	p.liveBuf = append(p.liveBuf, text...)
}

// flushText stores the data of the text nodes that grew by coalescing.
func (p *fastParser) flushText() {
	if p.liveText != nil {
		p.liveText.Data = string(p.liveBuf)
		p.liveText, p.liveBuf = nil, nil
	}
	for n, b := range p.parked {
		n.Data = string(b)
	}
	p.parked = nil
}
func (p *fastParser) addComment() {
	p.addChild(p.newNode(html.CommentNode, 0, p.tok.data))
}

func (p *fastParser) addElement() {
	n := p.newNode(html.ElementNode, p.tok.atom, p.tok.data)
	n.Attr = p.tok.attr
	p.addChild(n)
}

func attrCompare(x, y html.Attribute) int {
	return cmp.Or(cmp.Compare(x.Namespace, y.Namespace), cmp.Compare(x.Key, y.Key), cmp.Compare(x.Val, y.Val))
}

func (p *fastParser) addFormattingElement() {
	atom, attr := p.tok.atom, p.tok.attr
	p.addElement()
	// html.Parse sorts a formatting element's attributes (in the tree too)
	// to compare them for the Noah's Ark clause.
	slices.SortFunc(attr, attrCompare)
	identical := 0
	for i := len(p.afe) - 1; i >= 0; i-- {
		n := p.afe[i]
		if n == scopeMarker {
			break
		}
		if n.DataAtom != atom || !slices.Equal(n.Attr, attr) {
			continue
		}
		identical++
		if identical >= 3 {
			p.afe = remove(p.afe, n)
		}
	}
	p.afe = append(p.afe, p.top())
}

func (p *fastParser) clearActiveFormattingElements() {
	for {
		n := p.afe[len(p.afe)-1]
		p.afe = p.afe[:len(p.afe)-1]
		if len(p.afe) == 0 || n == scopeMarker {
			return
		}
	}
}

func (p *fastParser) reconstructActiveFormattingElements() {
	if len(p.afe) == 0 {
		return
	}
	n := p.afe[len(p.afe)-1]
	if n == scopeMarker || indexOf(p.oe, n) != -1 {
		return
	}
	i := len(p.afe) - 1
	for n != scopeMarker && indexOf(p.oe, n) == -1 {
		if i == 0 {
			i = -1
			break
		}
		i--
		n = p.afe[i]
	}
	for {
		i++
		old := p.afe[i]
		clone := p.clone(old)
		p.addChild(clone)
		p.afe[i] = clone
		if i == len(p.afe)-1 {
			break
		}
	}
}

// isSpecial reports the elements of the "special" category.
func isSpecial(n *html.Node) bool {
	switch n.DataAtom {
	case a.Address, a.Applet, a.Area, a.Article, a.Aside, a.Base, a.Basefont, a.Bgsound, a.Blockquote,
		a.Body, a.Br, a.Button, a.Caption, a.Center, a.Col, a.Colgroup, a.Dd, a.Details, a.Dir, a.Div,
		a.Dl, a.Dt, a.Embed, a.Fieldset, a.Figcaption, a.Figure, a.Footer, a.Form, a.Frame, a.Frameset,
		a.H1, a.H2, a.H3, a.H4, a.H5, a.H6, a.Head, a.Header, a.Hgroup, a.Hr, a.Html, a.Iframe, a.Img,
		a.Input, a.Keygen, a.Li, a.Link, a.Listing, a.Main, a.Marquee, a.Menu, a.Meta, a.Nav, a.Noembed,
		a.Noframes, a.Noscript, a.Object, a.Ol, a.P, a.Param, a.Plaintext, a.Pre, a.Script, a.Section,
		a.Select, a.Source, a.Style, a.Summary, a.Table, a.Tbody, a.Td, a.Template, a.Textarea, a.Tfoot,
		a.Th, a.Thead, a.Title, a.Tr, a.Track, a.Ul, a.Wbr, a.Xmp:
		return true
	}
	return false
}

func (p *fastParser) setOriginalIM() {
	if p.originalIM != imNone {
		p.giveUp("original insertion mode set twice")
	}
	p.originalIM = p.im
}

func (p *fastParser) parseGenericRawTextElement() {
	p.addElement()
	p.originalIM = p.im
	p.im = imText
}

func (p *fastParser) resetInsertionMode() {
	for i := len(p.oe) - 1; i >= 0; i-- {
		switch p.oe[i].DataAtom {
		case a.Td, a.Th:
			p.im = imInCell
		case a.Tr:
			p.im = imInRow
		case a.Tbody, a.Thead, a.Tfoot:
			p.im = imInTableBody
		case a.Caption:
			p.im = imInCaption
		case a.Colgroup:
			p.im = imInColumnGroup
		case a.Table:
			p.im = imInTable
		case a.Template, a.Frameset:
			p.giveUp("template or frameset")
		case a.Head:
			p.im = imInHead
		case a.Body:
			p.im = imInBody
		case a.Html:
			if p.head == nil {
				p.im = imBeforeHead
			} else {
				p.im = imAfterHead
			}
		default:
			if i == 0 {
				p.im = imInBody
				return
			}
			continue
		}
		return
	}
}

// copyAttributes adds the attributes of the token that dst lacks.
func (p *fastParser) copyAttributes(dst *html.Node) {
	if len(p.tok.attr) == 0 {
		return
	}
	if len(dst.Attr)*len(p.tok.attr) <= manyAttrs*manyAttrs {
		for _, t := range p.tok.attr {
			if !slices.ContainsFunc(dst.Attr, func(x html.Attribute) bool { return x.Key == t.Key }) {
				dst.Attr = append(dst.Attr, t)
			}
		}
		return
	}
	have := make(map[string]bool, len(dst.Attr))
	for _, t := range dst.Attr {
		have[t.Key] = true
	}
	for _, t := range p.tok.attr {
		if !have[t.Key] {
			dst.Attr = append(dst.Attr, t)
			have[t.Key] = true
		}
	}
}

const whitespace = " \t\r\n\f"

func (p *fastParser) initialIM() bool {
	switch p.tok.typ {
	case textToken:
		p.tok.data = strings.TrimLeft(p.tok.data, whitespace)
		if p.tok.data == "" {
			return true
		}
	case commentToken:
		appendChild(p.doc, p.newNode(html.CommentNode, 0, p.tok.data))
		return true
	case doctypeToken:
		appendChild(p.doc, p.doctype())
		p.im = imBeforeHTML
		return true
	}
	p.quirks = true
	p.im = imBeforeHTML
	return false
}

// doctype returns the node html.Parse makes of the doctype token and sets
// the quirks mode it implies.
func (p *fastParser) doctype() *html.Node {
	d, ok := cachedDoctype(p.doctypeSrc)
	if !ok {
		d = parseDoctype(p.doctypeSrc)
		cacheDoctype(p.doctypeSrc, d)
	}
	if d.bad {
		p.giveUp("doctype")
	}
	p.quirks = d.quirks
	n := p.newNode(html.DoctypeNode, 0, d.data)
	if len(d.attr) > 0 {
		n.Attr = append(p.newAttrs(len(d.attr))[:0], d.attr...)
	}
	return n
}

// parsedDoctype is what html.Parse makes of a doctype: the node's data and
// attributes (the public and system identifiers), and whether the page is
// in quirks mode; bad when the port cannot tell.
type parsedDoctype struct {
	data   string
	attr   []html.Attribute
	quirks bool
	bad    bool
}

// parseDoctype parses the source of a doctype token followed by a table
// inside a paragraph: the one place the quirks mode changes the tree is
// whether that table closes the paragraph.
func parseDoctype(src string) parsedDoctype {
	d, err := html.Parse(strings.NewReader(src + "<p><table>"))
	if err != nil || d.FirstChild == nil || d.FirstChild.Type != html.DoctypeNode {
		return parsedDoctype{bad: true}
	}
	n := d.FirstChild
	body := d.LastChild.LastChild
	if body == nil || body.DataAtom != a.Body || body.FirstChild == nil || body.FirstChild.DataAtom != a.P {
		return parsedDoctype{bad: true}
	}
	t := body.FirstChild.FirstChild
	return parsedDoctype{data: n.Data, attr: n.Attr, quirks: t != nil && t.DataAtom == a.Table}
}

// doctypes keeps what html.Parse made of the doctypes met so far: pages
// carry one of a few, and parsing it cost each page a tokenizer and a
// parser (a twentieth of what reading a page allocated). Keys are copies,
// so the cache keeps no page alive; it holds at most maxDoctypes of at
// most maxDoctypeLen bytes.
var doctypes struct {
	sync.Mutex
	m map[string]parsedDoctype
}

const (
	maxDoctypes   = 64
	maxDoctypeLen = 512
)

func cachedDoctype(src string) (parsedDoctype, bool) {
	doctypes.Lock()
	defer doctypes.Unlock()
	d, ok := doctypes.m[src]
	return d, ok
}

func cacheDoctype(src string, d parsedDoctype) {
	if len(src) > maxDoctypeLen {
		return
	}
	doctypes.Lock()
	defer doctypes.Unlock()
	if doctypes.m == nil {
		doctypes.m = make(map[string]parsedDoctype)
	}
	if len(doctypes.m) < maxDoctypes {
		doctypes.m[strings.Clone(src)] = d
	}
}

func (p *fastParser) beforeHTMLIM() bool {
	switch p.tok.typ {
	case doctypeToken:
		return true
	case textToken:
		p.tok.data = strings.TrimLeft(p.tok.data, whitespace)
		if p.tok.data == "" {
			return true
		}
	case startTagToken:
		if p.tok.atom == a.Html {
			p.addElement()
			p.im = imBeforeHead
			return true
		}
	case endTagToken:
		switch p.tok.atom {
		case a.Head, a.Body, a.Html, a.Br:
			p.parseImpliedToken(startTagToken, a.Html)
			return false
		default:
			return true
		}
	case commentToken:
		appendChild(p.doc, p.newNode(html.CommentNode, 0, p.tok.data))
		return true
	}
	p.parseImpliedToken(startTagToken, a.Html)
	return false
}

func (p *fastParser) beforeHeadIM() bool {
	switch p.tok.typ {
	case textToken:
		p.tok.data = strings.TrimLeft(p.tok.data, whitespace)
		if p.tok.data == "" {
			return true
		}
	case startTagToken:
		switch p.tok.atom {
		case a.Head:
			p.addElement()
			p.head = p.top()
			p.im = imInHead
			return true
		case a.Html:
			return p.inBodyIM()
		}
	case endTagToken:
		switch p.tok.atom {
		case a.Head, a.Body, a.Html, a.Br:
			p.parseImpliedToken(startTagToken, a.Head)
			return false
		default:
			return true
		}
	case commentToken:
		p.addComment()
		return true
	case doctypeToken:
		return true
	}
	p.parseImpliedToken(startTagToken, a.Head)
	return false
}

// splitLeadingSpace adds the token's leading white space as text and
// reports whether nothing else is left.
func (p *fastParser) splitLeadingSpace() bool {
	s := strings.TrimLeft(p.tok.data, whitespace)
	if len(s) < len(p.tok.data) {
		p.addText(p.tok.data[:len(p.tok.data)-len(s)])
		if s == "" {
			return true
		}
		p.tok.data = s
	}
	return false
}

func (p *fastParser) inHeadIM() bool {
	switch p.tok.typ {
	case textToken:
		if p.splitLeadingSpace() {
			return true
		}
	case startTagToken:
		switch p.tok.atom {
		case a.Html:
			return p.inBodyIM()
		case a.Base, a.Basefont, a.Bgsound, a.Link, a.Meta:
			p.addElement()
			p.pop()
			return true
		case a.Noscript, a.Noframes, a.Style:
			// html.Parse runs with scripting on: <noscript> holds raw text.
			p.parseGenericRawTextElement()
			return true
		case a.Script, a.Title:
			p.addElement()
			p.setOriginalIM()
			p.im = imText
			return true
		case a.Head:
			return true
		case a.Template:
			p.giveUp("template")
		}
	case endTagToken:
		switch p.tok.atom {
		case a.Head:
			p.pop()
			p.im = imAfterHead
			return true
		case a.Body, a.Html, a.Br:
			p.parseImpliedToken(endTagToken, a.Head)
			return false
		case a.Template:
			p.giveUp("template")
		default:
			return true
		}
	case commentToken:
		p.addComment()
		return true
	case doctypeToken:
		return true
	}
	p.parseImpliedToken(endTagToken, a.Head)
	return false
}

func (p *fastParser) afterHeadIM() bool {
	switch p.tok.typ {
	case textToken:
		if p.splitLeadingSpace() {
			return true
		}
	case startTagToken:
		switch p.tok.atom {
		case a.Html:
			return p.inBodyIM()
		case a.Body:
			p.addElement()
			p.im = imInBody
			return true
		case a.Frameset:
			p.giveUp("frameset")
		case a.Base, a.Basefont, a.Bgsound, a.Link, a.Meta, a.Noframes, a.Script, a.Style, a.Template, a.Title:
			p.insertOpenElement(p.head)
			consumed := p.inHeadIM()
			p.oe = remove(p.oe, p.head)
			return consumed
		case a.Head:
			return true
		}
	case endTagToken:
		switch p.tok.atom {
		case a.Body, a.Html, a.Br:
		case a.Template:
			p.giveUp("template")
		default:
			return true
		}
	case commentToken:
		p.addComment()
		return true
	case doctypeToken:
		return true
	}
	p.parseImpliedToken(startTagToken, a.Body)
	return p.tok.typ == errorToken
}

func (p *fastParser) inBodyIM() bool {
	switch p.tok.typ {
	case textToken:
		d := p.tok.data
		switch n := p.top(); n.DataAtom {
		case a.Pre, a.Listing:
			if n.FirstChild == nil {
				// A newline right after <pre> is not part of its text.
				if d != "" && d[0] == '\r' {
					d = d[1:]
				}
				if d != "" && d[0] == '\n' {
					d = d[1:]
				}
			}
		}
		if d == "" {
			return true
		}
		p.reconstructActiveFormattingElements()
		p.addText(d)
	case startTagToken:
		switch p.tok.atom {
		case a.Html:
			p.copyAttributes(p.oe[0])
		case a.Base, a.Basefont, a.Bgsound, a.Link, a.Meta, a.Noframes, a.Script, a.Style, a.Template, a.Title:
			return p.inHeadIM()
		case a.Body:
			if len(p.oe) >= 2 && p.oe[1].DataAtom == a.Body {
				p.copyAttributes(p.oe[1])
			}
		case a.Frameset:
			p.giveUp("frameset")
		case a.Address, a.Article, a.Aside, a.Blockquote, a.Center, a.Details, a.Dialog, a.Dir, a.Div, a.Dl,
			a.Fieldset, a.Figcaption, a.Figure, a.Footer, a.Header, a.Hgroup, a.Main, a.Menu, a.Nav, a.Ol,
			a.P, a.Search, a.Section, a.Summary, a.Ul:
			p.popUntil(buttonScope, a.P)
			p.addElement()
		case a.H1, a.H2, a.H3, a.H4, a.H5, a.H6:
			p.popUntil(buttonScope, a.P)
			switch p.top().DataAtom {
			case a.H1, a.H2, a.H3, a.H4, a.H5, a.H6:
				p.pop()
			}
			p.addElement()
		case a.Pre, a.Listing:
			p.popUntil(buttonScope, a.P)
			p.addElement()
		case a.Form:
			if p.form != nil {
				return true
			}
			p.popUntil(buttonScope, a.P)
			p.addElement()
			p.form = p.top()
		case a.Li:
			for i := len(p.oe) - 1; i >= 0; i-- {
				node := p.oe[i]
				switch node.DataAtom {
				case a.Li:
					p.oe = p.oe[:i]
				case a.Address, a.Div, a.P:
					continue
				default:
					if !isSpecial(node) {
						continue
					}
				}
				break
			}
			p.popUntil(buttonScope, a.P)
			p.addElement()
		case a.Dd, a.Dt:
			for i := len(p.oe) - 1; i >= 0; i-- {
				node := p.oe[i]
				switch node.DataAtom {
				case a.Dd, a.Dt:
					p.oe = p.oe[:i]
				case a.Address, a.Div, a.P:
					continue
				default:
					if !isSpecial(node) {
						continue
					}
				}
				break
			}
			p.popUntil(buttonScope, a.P)
			p.addElement()
		case a.Plaintext:
			p.giveUp("plaintext")
		case a.Button:
			if p.inScope(defaultScope, a.Button) {
				p.generateImpliedEndTags("")
				p.popUntil(defaultScope, a.Button)
			}
			p.reconstructActiveFormattingElements()
			p.addElement()
		case a.A:
			for i := len(p.afe) - 1; i >= 0 && p.afe[i] != scopeMarker; i-- {
				if n := p.afe[i]; n.DataAtom == a.A {
					p.endTagFormatting(a.A, "a")
					p.oe = remove(p.oe, n)
					p.afe = remove(p.afe, n)
					break
				}
			}
			p.reconstructActiveFormattingElements()
			p.addFormattingElement()
		case a.B, a.Big, a.Code, a.Em, a.Font, a.I, a.S, a.Small, a.Strike, a.Strong, a.Tt, a.U:
			p.reconstructActiveFormattingElements()
			p.addFormattingElement()
		case a.Nobr:
			p.reconstructActiveFormattingElements()
			if p.inScope(defaultScope, a.Nobr) {
				p.endTagFormatting(a.Nobr, "nobr")
				p.reconstructActiveFormattingElements()
			}
			p.addFormattingElement()
		case a.Applet, a.Marquee, a.Object:
			p.reconstructActiveFormattingElements()
			p.addElement()
			p.afe = append(p.afe, scopeMarker)
		case a.Table:
			if !p.quirks {
				p.popUntil(buttonScope, a.P)
			}
			p.addElement()
			p.im = imInTable
			return true
		case a.Area, a.Br, a.Embed, a.Img, a.Keygen, a.Wbr:
			p.reconstructActiveFormattingElements()
			p.addElement()
			p.pop()
		case a.Input:
			p.popUntil(defaultScope, a.Select)
			p.reconstructActiveFormattingElements()
			p.addElement()
			p.pop()
		case a.Param, a.Source, a.Track:
			p.addElement()
			p.pop()
		case a.Hr:
			if p.inScope(buttonScope, a.P) {
				p.generateImpliedEndTags("p")
				p.popUntil(defaultScope, a.P)
			}
			if p.inScope(defaultScope, a.Select) {
				p.generateImpliedEndTags("")
			}
			p.addElement()
			p.pop()
		case a.Image:
			p.tok.atom, p.tok.data = a.Img, a.Img.String()
			return false
		case a.Textarea:
			p.addElement()
			p.setOriginalIM()
			p.im = imText
		case a.Xmp:
			p.popUntil(buttonScope, a.P)
			p.reconstructActiveFormattingElements()
			p.parseGenericRawTextElement()
		case a.Iframe, a.Noembed, a.Noscript:
			p.parseGenericRawTextElement()
		case a.Select:
			if p.popUntil(defaultScope, a.Select) {
				return true
			}
			p.reconstructActiveFormattingElements()
			p.addElement()
			return true
		case a.Option:
			if p.inScope(defaultScope, a.Select) {
				p.generateImpliedEndTags("optgroup")
			} else if p.top().DataAtom == a.Option {
				p.pop()
			}
			p.reconstructActiveFormattingElements()
			p.addElement()
		case a.Optgroup:
			if p.inScope(defaultScope, a.Select) {
				p.generateImpliedEndTags("")
			} else if p.top().DataAtom == a.Option {
				p.pop()
			}
			p.reconstructActiveFormattingElements()
			p.addElement()
		case a.Rb, a.Rtc:
			if p.inScope(defaultScope, a.Ruby) {
				p.generateImpliedEndTags("")
			}
			p.addElement()
		case a.Rp, a.Rt:
			if p.inScope(defaultScope, a.Ruby) {
				p.generateImpliedEndTags("rtc")
			}
			p.addElement()
		case a.Math, a.Svg:
			p.giveUp("foreign content")
		case a.Caption, a.Col, a.Colgroup, a.Frame, a.Head, a.Tbody, a.Td, a.Tfoot, a.Th, a.Thead, a.Tr:
			// Ignore the token.
		default:
			p.reconstructActiveFormattingElements()
			p.addElement()
		}
	case endTagToken:
		switch p.tok.atom {
		case a.Body:
			if p.inScope(defaultScope, a.Body) {
				p.im = imAfterBody
			}
		case a.Html:
			if p.inScope(defaultScope, a.Body) {
				p.parseImpliedToken(endTagToken, a.Body)
				return false
			}
			return true
		case a.Address, a.Article, a.Aside, a.Blockquote, a.Button, a.Center, a.Details, a.Dialog, a.Dir,
			a.Div, a.Dl, a.Fieldset, a.Figcaption, a.Figure, a.Footer, a.Header, a.Hgroup, a.Listing,
			a.Main, a.Menu, a.Nav, a.Ol, a.Pre, a.Search, a.Section, a.Select, a.Summary, a.Ul:
			if !p.inScope(defaultScope, p.tok.atom) {
				return true
			}
			p.generateImpliedEndTags("")
			p.popUntil(defaultScope, p.tok.atom)
		case a.Form:
			node := p.form
			p.form = nil
			i := p.indexInScope(defaultScope, a.Form)
			if node == nil || i == -1 || p.oe[i] != node {
				return true
			}
			p.generateImpliedEndTags("")
			p.oe = remove(p.oe, node)
		case a.P:
			if !p.inScope(buttonScope, a.P) {
				p.parseImpliedToken(startTagToken, a.P)
			}
			p.popUntil(buttonScope, a.P)
		case a.Li:
			p.popUntil(listItemScope, a.Li)
		case a.Dd, a.Dt:
			p.popUntil(defaultScope, p.tok.atom)
		case a.H1, a.H2, a.H3, a.H4, a.H5, a.H6:
			p.popUntil(defaultScope, a.H1, a.H2, a.H3, a.H4, a.H5, a.H6)
		case a.A, a.B, a.Big, a.Code, a.Em, a.Font, a.I, a.Nobr, a.S, a.Small, a.Strike, a.Strong, a.Tt, a.U:
			p.endTagFormatting(p.tok.atom, p.tok.data)
		case a.Applet, a.Marquee, a.Object:
			if p.popUntil(defaultScope, p.tok.atom) {
				p.clearActiveFormattingElements()
			}
		case a.Br:
			p.tok.typ = startTagToken
			return false
		case a.Template:
			p.giveUp("template")
		default:
			p.endTagOther(p.tok.atom, p.tok.data)
		}
	case commentToken:
		p.addComment()
	}
	return true
}

// endTagFormatting is the adoption agency algorithm, as html.Parse runs it.
func (p *fastParser) endTagFormatting(atom a.Atom, name string) {
	if cur := p.top(); cur.Data == name && indexOf(p.afe, cur) == -1 {
		p.pop()
		return
	}
	for range 8 {
		var fe *html.Node
		for j := len(p.afe) - 1; j >= 0; j-- {
			if p.afe[j] == scopeMarker {
				break
			}
			if p.afe[j].DataAtom == atom {
				fe = p.afe[j]
				break
			}
		}
		if fe == nil {
			p.endTagOther(atom, name)
			return
		}
		feIndex := indexOf(p.oe, fe)
		if feIndex == -1 {
			p.afe = remove(p.afe, fe)
			return
		}
		if !p.inScope(defaultScope, atom) {
			return
		}
		var furthestBlock *html.Node
		for _, e := range p.oe[feIndex:] {
			if isSpecial(e) {
				furthestBlock = e
				break
			}
		}
		if furthestBlock == nil {
			p.oe = p.oe[:feIndex]
			p.afe = remove(p.afe, fe)
			return
		}
		commonAncestor := p.oe[feIndex-1]
		bookmark := indexOf(p.afe, fe)
		lastNode, node := furthestBlock, furthestBlock
		x := indexOf(p.oe, node)
		for j := 1; ; j++ {
			x--
			node = p.oe[x]
			if node == fe {
				break
			}
			if ni := indexOf(p.afe, node); j > 3 && ni > -1 {
				p.afe = remove(p.afe, node)
				if ni <= bookmark {
					bookmark--
				}
				continue
			}
			if indexOf(p.afe, node) == -1 {
				p.oe = remove(p.oe, node)
				continue
			}
			clone := p.clone(node)
			p.afe[indexOf(p.afe, node)] = clone
			p.oe[indexOf(p.oe, node)] = clone
			node = clone
			if lastNode == furthestBlock {
				bookmark = indexOf(p.afe, node) + 1
			}
			if lastNode.Parent != nil {
				lastNode.Parent.RemoveChild(lastNode)
			}
			node.AppendChild(lastNode)
			lastNode = node
		}
		if lastNode.Parent != nil {
			lastNode.Parent.RemoveChild(lastNode)
		}
		switch commonAncestor.DataAtom {
		case a.Table, a.Tbody, a.Tfoot, a.Thead, a.Tr:
			p.fosterParent(lastNode)
		default:
			commonAncestor.AppendChild(lastNode)
		}
		clone := p.clone(fe)
		for c := furthestBlock.FirstChild; c != nil; c = furthestBlock.FirstChild {
			furthestBlock.RemoveChild(c)
			clone.AppendChild(c)
		}
		furthestBlock.AppendChild(clone)
		if oldLoc := indexOf(p.afe, fe); oldLoc != -1 && oldLoc < bookmark {
			bookmark--
		}
		p.afe = remove(p.afe, fe)
		p.afe = insertAt(p.afe, bookmark, clone)
		p.oe = remove(p.oe, fe)
		p.oe = insertAt(p.oe, indexOf(p.oe, furthestBlock)+1, clone)
	}
}

func insertAt(s []*html.Node, i int, n *html.Node) []*html.Node {
	s = append(s, nil)
	copy(s[i+1:], s[i:])
	s[i] = n
	return s
}

// clone copies an element without its children, as html.Parse does.
func (p *fastParser) clone(n *html.Node) *html.Node {
	c := p.newNode(html.ElementNode, n.DataAtom, n.Data)
	c.Attr = append(p.newAttrs(len(n.Attr))[:0], n.Attr...)
	return c
}

func (p *fastParser) endTagOther(atom a.Atom, name string) {
	for i := len(p.oe) - 1; i >= 0; i-- {
		if n := p.oe[i]; n.DataAtom == atom && (atom != 0 || n.Data == name) {
			p.oe = p.oe[:i]
			break
		}
		if isSpecial(p.oe[i]) {
			break
		}
	}
}

func (p *fastParser) textIM() bool {
	switch p.tok.typ {
	case errorToken:
		p.pop()
	case textToken:
		d := p.tok.data
		if n := p.top(); n.DataAtom == a.Textarea && n.FirstChild == nil {
			if d != "" && d[0] == '\r' {
				d = d[1:]
			}
			if d != "" && d[0] == '\n' {
				d = d[1:]
			}
		}
		if d == "" {
			return true
		}
		p.addText(d)
		return true
	case endTagToken:
		p.pop()
	}
	p.im = p.originalIM
	p.originalIM = imNone
	return p.tok.typ == endTagToken
}

func (p *fastParser) inTableIM() bool {
	switch p.tok.typ {
	case textToken:
		switch p.top().DataAtom {
		case a.Table, a.Tbody, a.Tfoot, a.Thead, a.Tr:
			if strings.Trim(p.tok.data, whitespace) == "" {
				p.addText(p.tok.data)
				return true
			}
		}
	case startTagToken:
		switch p.tok.atom {
		case a.Caption:
			p.clearStackToContext(tableScope)
			p.afe = append(p.afe, scopeMarker)
			p.addElement()
			p.im = imInCaption
			return true
		case a.Colgroup:
			p.clearStackToContext(tableScope)
			p.addElement()
			p.im = imInColumnGroup
			return true
		case a.Col:
			p.parseImpliedToken(startTagToken, a.Colgroup)
			return false
		case a.Tbody, a.Tfoot, a.Thead:
			p.clearStackToContext(tableScope)
			p.addElement()
			p.im = imInTableBody
			return true
		case a.Td, a.Th, a.Tr:
			p.parseImpliedToken(startTagToken, a.Tbody)
			return false
		case a.Table:
			if p.popUntil(tableScope, a.Table) {
				p.resetInsertionMode()
				return false
			}
			return true
		case a.Style, a.Script, a.Template:
			return p.inHeadIM()
		case a.Input:
			for _, t := range p.tok.attr {
				if t.Key == "type" && strings.EqualFold(t.Val, "hidden") {
					p.addElement()
					p.pop()
					return true
				}
			}
		case a.Form:
			if p.form != nil {
				return true
			}
			p.addElement()
			p.form = p.pop()
			return true
		}
	case endTagToken:
		switch p.tok.atom {
		case a.Table:
			if p.popUntil(tableScope, a.Table) {
				p.resetInsertionMode()
			}
			return true
		case a.Body, a.Caption, a.Col, a.Colgroup, a.Html, a.Tbody, a.Td, a.Tfoot, a.Th, a.Thead, a.Tr:
			return true
		case a.Template:
			p.giveUp("template")
		}
	case commentToken:
		p.addComment()
		return true
	case doctypeToken:
		return true
	case errorToken:
		return p.inBodyIM()
	}
	p.fosterParenting = true
	consumed := p.inBodyIM()
	p.fosterParenting = false
	return consumed
}

func (p *fastParser) inCaptionIM() bool {
	switch p.tok.typ {
	case startTagToken:
		switch p.tok.atom {
		case a.Caption, a.Col, a.Colgroup, a.Tbody, a.Td, a.Tfoot, a.Thead, a.Tr:
			if !p.popUntil(tableScope, a.Caption) {
				return true
			}
			p.clearActiveFormattingElements()
			p.im = imInTable
			return false
		}
	case endTagToken:
		switch p.tok.atom {
		case a.Caption:
			if p.popUntil(tableScope, a.Caption) {
				p.clearActiveFormattingElements()
				p.im = imInTable
			}
			return true
		case a.Table:
			if !p.popUntil(tableScope, a.Caption) {
				return true
			}
			p.clearActiveFormattingElements()
			p.im = imInTable
			return false
		case a.Body, a.Col, a.Colgroup, a.Html, a.Tbody, a.Td, a.Tfoot, a.Th, a.Thead, a.Tr:
			return true
		}
	}
	return p.inBodyIM()
}

func (p *fastParser) inColumnGroupIM() bool {
	switch p.tok.typ {
	case textToken:
		if p.splitLeadingSpace() {
			return true
		}
	case commentToken:
		p.addComment()
		return true
	case doctypeToken:
		return true
	case startTagToken:
		switch p.tok.atom {
		case a.Html:
			return p.inBodyIM()
		case a.Col:
			p.addElement()
			p.pop()
			return true
		case a.Template:
			p.giveUp("template")
		}
	case endTagToken:
		switch p.tok.atom {
		case a.Colgroup:
			if p.top().DataAtom == a.Colgroup {
				p.pop()
				p.im = imInTable
			}
			return true
		case a.Col:
			return true
		case a.Template:
			p.giveUp("template")
		}
	case errorToken:
		return p.inBodyIM()
	}
	if p.top().DataAtom != a.Colgroup {
		return true
	}
	p.pop()
	p.im = imInTable
	return false
}

func (p *fastParser) inTableBodyIM() bool {
	switch p.tok.typ {
	case startTagToken:
		switch p.tok.atom {
		case a.Tr:
			p.clearStackToContext(tableBodyScope)
			p.addElement()
			p.im = imInRow
			return true
		case a.Td, a.Th:
			p.parseImpliedToken(startTagToken, a.Tr)
			return false
		case a.Caption, a.Col, a.Colgroup, a.Tbody, a.Tfoot, a.Thead:
			if p.popUntil(tableScope, a.Tbody, a.Thead, a.Tfoot) {
				p.im = imInTable
				return false
			}
			return true
		}
	case endTagToken:
		switch p.tok.atom {
		case a.Tbody, a.Tfoot, a.Thead:
			if p.inScope(tableScope, p.tok.atom) {
				p.clearStackToContext(tableBodyScope)
				p.pop()
				p.im = imInTable
			}
			return true
		case a.Table:
			if p.popUntil(tableScope, a.Tbody, a.Thead, a.Tfoot) {
				p.im = imInTable
				return false
			}
			return true
		case a.Body, a.Caption, a.Col, a.Colgroup, a.Html, a.Td, a.Th, a.Tr:
			return true
		}
	case commentToken:
		p.addComment()
		return true
	}
	return p.inTableIM()
}

func (p *fastParser) inRowIM() bool {
	switch p.tok.typ {
	case startTagToken:
		switch p.tok.atom {
		case a.Td, a.Th:
			p.clearStackToContext(tableRowScope)
			p.addElement()
			p.afe = append(p.afe, scopeMarker)
			p.im = imInCell
			return true
		case a.Caption, a.Col, a.Colgroup, a.Tbody, a.Tfoot, a.Thead, a.Tr:
			if p.inScope(tableScope, a.Tr) {
				p.clearStackToContext(tableRowScope)
				p.pop()
				p.im = imInTableBody
				return false
			}
			return true
		}
	case endTagToken:
		switch p.tok.atom {
		case a.Tr:
			if p.inScope(tableScope, a.Tr) {
				p.clearStackToContext(tableRowScope)
				p.pop()
				p.im = imInTableBody
			}
			return true
		case a.Table:
			if p.inScope(tableScope, a.Tr) {
				p.clearStackToContext(tableRowScope)
				p.pop()
				p.im = imInTableBody
				return false
			}
			return true
		case a.Tbody, a.Tfoot, a.Thead:
			if p.inScope(tableScope, p.tok.atom) && p.inScope(tableScope, a.Tr) {
				p.clearStackToContext(tableRowScope)
				p.pop()
				p.im = imInTableBody
				return false
			}
			return true
		case a.Body, a.Caption, a.Col, a.Colgroup, a.Html, a.Td, a.Th:
			return true
		}
	}
	return p.inTableIM()
}

func (p *fastParser) inCellIM() bool {
	switch p.tok.typ {
	case startTagToken:
		switch p.tok.atom {
		case a.Caption, a.Col, a.Colgroup, a.Tbody, a.Td, a.Tfoot, a.Th, a.Thead, a.Tr:
			if p.popUntil(tableScope, a.Td, a.Th) {
				p.clearActiveFormattingElements()
				p.im = imInRow
				return false
			}
			return true
		}
	case endTagToken:
		switch p.tok.atom {
		case a.Td, a.Th:
			if !p.popUntil(tableScope, p.tok.atom) {
				return true
			}
			p.clearActiveFormattingElements()
			p.im = imInRow
			return true
		case a.Body, a.Caption, a.Col, a.Colgroup, a.Html:
			return true
		case a.Table, a.Tbody, a.Tfoot, a.Thead, a.Tr:
			if !p.inScope(tableScope, p.tok.atom) {
				return true
			}
			if p.popUntil(tableScope, a.Td, a.Th) {
				p.clearActiveFormattingElements()
			}
			p.im = imInRow
			return false
		}
	}
	return p.inBodyIM()
}

func (p *fastParser) afterBodyIM() bool {
	switch p.tok.typ {
	case errorToken:
		return true
	case textToken:
		if strings.TrimLeft(p.tok.data, whitespace) == "" {
			return p.inBodyIM()
		}
	case startTagToken:
		if p.tok.atom == a.Html {
			return p.inBodyIM()
		}
	case endTagToken:
		if p.tok.atom == a.Html {
			p.im = imAfterAfterBody
			return true
		}
	case commentToken:
		if len(p.oe) < 1 || p.oe[0].DataAtom != a.Html {
			p.giveUp("no html element after body")
		}
		appendChild(p.oe[0], p.newNode(html.CommentNode, 0, p.tok.data))
		return true
	}
	p.im = imInBody
	return false
}

func (p *fastParser) afterAfterBodyIM() bool {
	switch p.tok.typ {
	case errorToken:
		return true
	case textToken:
		if strings.TrimLeft(p.tok.data, whitespace) == "" {
			return p.inBodyIM()
		}
	case startTagToken:
		if p.tok.atom == a.Html {
			return p.inBodyIM()
		}
	case commentToken:
		appendChild(p.doc, p.newNode(html.CommentNode, 0, p.tok.data))
		return true
	case doctypeToken:
		return p.inBodyIM()
	}
	p.im = imInBody
	return false
}
