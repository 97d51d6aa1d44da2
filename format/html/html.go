// Package html reads a saved web page (HTML in any encoding package charset
// decodes) into paragraphs and tables in reading order, leaving out scripts,
// styles, hidden elements and the site's chrome. It registers itself with
// package format for decoded text that looks like HTML.
package html

import (
	"bytes"
	"fmt"
	"math/bits"

	"xxgk"

	"strconv"
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"xxgk/document"
	"xxgk/format"
	"xxgk/format/charset"
	"xxgk/internal/strs"
	"xxgk/zh"
)

func init() {
	format.Register(format.Format{
		Name:       "html",
		Label:      "保存的网页",
		Extensions: []string{".htm", ".html", ".shtml", ".xhtml"},
		SniffText:  Sniff,
		ReadText:   Read,
	})
}

// Sniff tells a web page by its decoded text: it starts with a document-level tag, or
// its first kilobytes hold a fair number of common tags.
func Sniff(text string) bool {
	head := text[:min(len(text), sniffLen)]
	if strings.IndexByte(head, '<') < 0 {
		return false // every tag it looks for starts with <: plain text, most often
	}
	// A page starts with a tag, most often: only its start is lowered to
	// be compared with the tags (lowering all the head first was half of
	// sniffing a page), and the head only when it does not.
	if start := strings.TrimLeft(head, " \t\r\n\ufeff"); len(start) > 0 && start[0] == '<' {
		var buf [maxStartTag + 1]byte
		lower := charset.AppendASCIILower(buf[:0], start[:min(len(start), len(buf))])
		for _, tag := range htmlStartTags {
			if rest, ok := bytes.CutPrefix(lower, tag); ok && (len(rest) == 0 || !isASCIILetter(rest[0])) {
				return true
			}
		}
	}
	var buf [sniffLen]byte
	lower := charset.AppendASCIILower(buf[:0], head)
	count := 0
	for _, tag := range htmlCommonTags {
		count += bytes.Count(lower, tag)
	}
	return count >= 4
}

// sniffLen is how much of a page's text Sniff looks at.
const sniffLen = 8192

// htmlStartTags open HTML documents and fragments.
var htmlStartTags = bytesOf(
	"<!doctype html", "<html", "<?xml", "<head", "<body", "<meta", "<title", "<link",
	"<style", "<script", "<!--", "<table", "<div", "<p", "<span", "<font", "<center",
	"<h1", "<h2", "<h3", "<br", "<form", "<base",
)

// maxStartTag is the length of the longest of htmlStartTags (TestSniffRef
// checks).
const maxStartTag = len("<!doctype html")

// htmlCommonTags are counted in text that does not start with a tag; plain
// report text has none of them.
var htmlCommonTags = bytesOf("<p>", "<p ", "</p>", "<br", "<div", "</div>", "<span", "<table", "<td", "<tr", "<font", "<body", "<html")

func bytesOf(ss ...string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// keepDepth is the nesting depth below which flattenDeep drops tags: deep
// enough for any real layout, far from the parser's 512.
const keepDepth = 256

// voidElements never have an end tag, so they never nest.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// selfClosing are elements a start tag of the same name closes, as the
// parser does (a <p> ends the open <p>).
var selfClosing = map[string]bool{"p": true, "li": true, "dt": true, "dd": true, "option": true, "tr": true, "td": true, "th": true}

// flattenDeep returns src with the start and end tags of elements nested
// deeper than keep dropped; text, comments and shallower tags are kept as
// written. Nesting is followed the simple way (an end tag closes the
// nearest open element of its name, a start tag of p, li, tr, td … closes
// an open one of the same name), which is enough to keep the parser's
// stack far below its limit.
func flattenDeep(src string, keep int) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var out strings.Builder
	out.Grow(len(src))
	var open []string           // open elements, outermost first
	dropped := map[string]int{} // end tags still owed by dropped start tags
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out.String()
		case html.StartTagToken:
			name, _ := z.TagName()
			n := string(name)
			if voidElements[n] {
				break
			}
			if selfClosing[n] && len(open) > 0 && open[len(open)-1] == n {
				open = open[:len(open)-1]
			}
			if len(open) >= keep {
				dropped[n]++
				continue
			}
			open = append(open, n)
		case html.EndTagToken:
			name, _ := z.TagName()
			n := string(name)
			if dropped[n] > 0 {
				dropped[n]--
				continue
			}
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == n {
					open = open[:i]
					break
				}
			}
		}
		out.Write(z.Raw())
	}
}

// Read reads a web page into paragraphs and tables in reading order,
// leaving out scripts, styles, hidden elements and the site's chrome
// (navigation, headers, footers, share and tool bars). It builds the tree
// html.Parse builds, so broken markup comes out as browsers show it: with
// fastParse where the page stays within what that port reproduces, else
// with html.Parse itself.
func Read(text string) (*document.Document, error) {
	if n := strings.Count(text, "<"); n > MaxTags {
		return nil, fmt.Errorf("网页有 %d 个标签，超过 %d 个的上限（一份年度报告的网页通常不到 2 万个），拒绝读取: %w", n, MaxTags, format.ErrUnreadable)
	}
	doc := &document.Document{Kind: "html"}
	root, release, err := parseTree(text)
	if err != nil {
		// The parser refuses elements nested deeper than 512 (strings.Reader
		// has no read errors), which pages saved from some editors reach
		// with unclosed inline tags: read such a page with its deep tags
		// dropped and their text kept.
		if root, release, err = parseTree(flattenDeep(text, keepDepth)); err != nil {
			return nil, fmt.Errorf("网页的标签嵌套过深（超过 512 层），无法读取: %w", format.ErrUnreadable)
		}
		doc.Findings = append(doc.Findings, xxgk.Finding{Rule: xxgk.RuleHTMLFlattened, Severity: xxgk.SeverityInfo,
			Message: fmt.Sprintf("网页的标签嵌套超过 512 层：第 %d 层以下的标签已去掉，其中的文字照常读取（那里的表格按文字读取）。", keepDepth)})
	}
	// Nothing the reader returns points into the tree.
	defer release()
	readTree(doc, root, text)
	return doc, nil
}

// readTree sets the title and blocks of doc from the tree of the page
// text.
func readTree(doc *document.Document, root *html.Node, text string) {
	r := readers.Get().(*htmlReader)
	defer r.release()
	r.measure(root, false)
	doc.Title = findTitle(root)
	r.walk(root, walkCtx{})
	r.flush()
	r.resolveLines(text)
	doc.Blocks = document.FinishBlocks(r.cands)
}

// readers are the emptied readers of earlier pages: their maps, lists and
// buffers, made anew for each page, were a third of what reading one
// allocated.
var readers = sync.Pool{New: func() any {
	return &htmlReader{stats: make(map[*html.Node]measured), classScopes: make(map[string]chromeScope)}
}}

// A reader that held more than these is dropped rather than pooled: a
// huge page does not pin its maps (a report page has some hundred
// measured elements and a few thousand blocks).
const (
	maxPooledStats  = 4096
	maxPooledBlocks = 1 << 14
	maxPooledText   = 1 << 16 // bytes of a paragraph or cell buffer
)

// release empties r and pools it. It keeps nothing of the page: no node,
// and no string, lest the pool keep the page alive.
func (r *htmlReader) release() {
	if len(r.stats) > maxPooledStats || cap(r.cands) > maxPooledBlocks || cap(r.para) > maxPooledText || cap(r.cell) > maxPooledText {
		return
	}
	clear(r.stats)
	clear(r.classScopes)
	clear(r.cands)
	clear(r.anchors)
	r.cands, r.anchors, r.para, r.cell, r.paraAnchor = r.cands[:0], r.anchors[:0], r.para[:0], r.cell[:0], nil
	readers.Put(r)
}

// parseTree returns html.Parse's tree of text, built by fastParse when
// the page stays within what that port reproduces, and a function to call
// once the tree is no longer used.
func parseTree(text string) (*html.Node, func(), error) {
	if p, _ := parseFast(text); p != nil {
		return p.doc, p.release, nil
	}
	root, err := html.Parse(strings.NewReader(text))
	return root, func() {}, err
}

// MaxTags bounds the tags of a page (counted as '<'): each becomes a node
// of the parsed tree and perhaps a block, some hundreds of bytes in all,
// so a page of tiny elements would take far more memory than its size
// says.
const MaxTags = 200000

// htmlReader collects blockCand blocks while walking the tree.
type htmlReader struct {
	stats       map[*html.Node]measured
	classScopes map[string]chromeScope // chromeScopeOf's scopes of class values
	cands       []document.Candidate
	anchors     []*html.Node // per blockCand, the text node it starts with (for Line)

	para       []byte // raw text of the paragraph being collected
	paraAnchor *html.Node
	cell       []byte // raw text of the table cell being collected
}

// walkCtx is what the walk knows about the ancestors of a node.
type walkCtx struct {
	inContent bool // inside <article>, <main> or an element named like the article body
	inPre     bool
}

// nodeStats summarise an element's visible text, for the chrome and
// layout-table rules.
type nodeStats struct {
	text     int // visible runes
	linkText int // visible runes inside <a>
	links    int
	tables   int // <table> elements, itself included
}

// measured is what measure keeps of an element.
type measured struct {
	nodeStats
	scope chromeScope // chromeScopeOf the element
}

func (s *nodeStats) add(o nodeStats) {
	s.text += o.text
	s.linkText += o.linkText
	s.links += o.links
	s.tables += o.tables
}

// measure fills r.stats in one post-order pass, so the rules that look at a
// whole subtree cost O(1) each and the reader stays linear. Only the
// elements the rules look at are kept (tables, elements named or placed
// like chrome, and possible link lists): a page of a million paragraphs
// would otherwise hold a map entry for each.
func (r *htmlReader) measure(n *html.Node, inLink bool) nodeStats {
	var s nodeStats
	switch n.Type {
	case html.TextNode:
		s.text = visibleRunes(n.Data)
		if inLink {
			s.linkText = s.text
		}
		return s
	case html.ElementNode:
		if skipTag(n.DataAtom) {
			return s
		}
		switch n.DataAtom {
		case atom.A:
			inLink = true
			s.links = 1
		case atom.Table:
			s.tables = 1
		}
	case html.DocumentNode:
	default:
		return s
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.add(r.measure(c, inLink))
	}
	if n.Type == html.ElementNode {
		if scope := r.chromeScopeOf(n); n.DataAtom == atom.Table || s.links >= minNavLinks || scope != notChrome {
			r.stats[n] = measured{s, scope}
		}
	}
	return s
}

// visibleRunes counts the runes of s that are not ASCII white space: the
// bytes that are neither continuation bytes nor white space.
//
// Every text node of a page is counted, a tenth of the bytes of reading
// one: a word of eight bytes none of which is a control byte or a space
// (most words of text) has its continuation bytes counted at once, and
// only the others are counted byte by byte (visibleBytes). The bytes
// after the last whole word are counted in the word that ends s.
func visibleRunes(s string) int {
	n, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		if m, ok := visibleWord(strs.Load64(s[i:]), ^uint64(0)); ok {
			n += m
		} else {
			n += visibleBytes(s[i : i+8])
		}
	}
	if i == len(s) {
		return n
	}
	if len(s) >= 8 {
		// The last len(s)-i bytes of the word that ends s.
		if m, ok := visibleWord(strs.Load64(s[len(s)-8:]), ^uint64(0)<<(8*(8-(len(s)-i)))); ok {
			return n + m
		}
	}
	return n + visibleBytes(s[i:])
}

// visibleWord counts the visible bytes (visibleRunes) of w whose bits are
// set in keep, when none of them is a byte up to 0x20 (ok).
func visibleWord(w, keep uint64) (n int, ok bool) {
	// A high bit is set here in the first byte up to 0x20 (and maybe
	// above it), none where there is none: subtracting 0x21 borrows out
	// of a byte only from such a byte, and bytes from 0x80 on are masked.
	if (w-0x21*strs.LowBits)&^w&strs.HighBits&keep != 0 {
		return 0, false
	}
	// A continuation byte is 10xxxxxx: t has a zero byte there and bit 7
	// or 6 set in every other byte.
	t := w&(0xC0*strs.LowBits) ^ strs.HighBits
	return bits.OnesCount64((t | t<<1) & strs.HighBits & keep), true
}

// visibleBytes is visibleRunes a byte at a time.
func visibleBytes(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n += int(visibleByte[s[i]])
	}
	return n
}

// visibleByte is 1 for the bytes visibleRunes counts.
var visibleByte = func() (t [256]uint8) {
	for c := range t {
		if c&0xC0 != 0x80 && !isSpace(byte(c)) {
			t[c] = 1
		}
	}
	return t
}()

// skipTag reports the elements that hold no readable text: scripts,
// styles, embedded objects, form controls, and the document head (its title
// is read separately). (A switch: the walk asks for every element.)
func skipTag(a atom.Atom) bool {
	switch a {
	case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Frame,
		atom.Object, atom.Embed, atom.Svg, atom.Canvas, atom.Audio, atom.Video, atom.Map, atom.Title,
		atom.Button, atom.Select, atom.Option, atom.Textarea, atom.Input:
		return true
	}
	return false
}

// blockTag reports the elements that end the paragraph before them and
// start a new one.
func blockTag(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Caption,
		atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Legend, atom.Li,
		atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary,
		atom.Table, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr, atom.Ul, atom.Br:
		return true
	}
	return false
}

// walk emits the blocks of n's subtree in document order. Comments are
// skipped, which drops Word's <!--[if ...]> blocks; the text between
// <![if !supportLists]> and <![endif]> (a list number) is ordinary text
// between two bogus comments and is kept, as browsers show it.
func (r *htmlReader) walk(n *html.Node, ctx walkCtx) {
	switch n.Type {
	case html.TextNode:
		r.addText(n, ctx)
		return
	case html.DocumentNode:
		r.walkChildren(n, ctx)
		return
	case html.ElementNode:
	default:
		return
	}
	if skipTag(n.DataAtom) || isHidden(n) || r.isChrome(n, ctx) {
		return
	}
	if n.DataAtom == atom.Table && r.stats[n].tables == 1 {
		r.flush()
		if r.emitTable(n) {
			return
		}
		// A one-column table is a frame around text: read it as a container.
	}
	block := blockTag(n.DataAtom)
	if block {
		r.flush()
	}
	if n.DataAtom == atom.Br || n.DataAtom == atom.Hr {
		return
	}
	ctx.inContent = ctx.inContent || isContentElement(n)
	ctx.inPre = ctx.inPre || n.DataAtom == atom.Pre || n.DataAtom == atom.Textarea
	r.walkChildren(n, ctx)
	if block {
		r.flush()
	}
}

func (r *htmlReader) walkChildren(n *html.Node, ctx walkCtx) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c, ctx)
	}
}

// addText appends a text node to the paragraph. Inline elements do not
// break paragraphs, so digits split across <span>s join up again.
func (r *htmlReader) addText(n *html.Node, ctx walkCtx) {
	if !ctx.inPre {
		r.appendPara(n.Data, n)
		return
	}
	for i, line := range strings.Split(n.Data, "\n") {
		if i > 0 {
			r.flush()
		}
		r.appendPara(line, n)
	}
}

// appendPara adds the text s of n to the paragraph; the first node with
// more than white space (a no-break space is white space too) anchors it.
// (zh.TrimSpace is strings.TrimSpace without decoding the ends of text
// that does not start or end with another space.)
func (r *htmlReader) appendPara(s string, n *html.Node) {
	if r.paraAnchor == nil && zh.TrimSpace(s) != "" {
		r.paraAnchor = n
	}
	r.para = append(r.para, interElementSpace(s)...)
}

// interElementSpace turns a text node that is only a source line break
// between two elements ("办公室</span>\n<span>时间") into an explicit space:
// the CJK line-break rule of foldSpace is meant for text wrapped inside a
// run, and would glue two fields together here.
func interElementSpace(s string) string {
	if strings.IndexByte(s, '\n') >= 0 && onlyHTMLSpace(s) {
		return "\x00"
	}
	return s
}

// onlyHTMLSpace reports whether s is made of HTML's white space only
// (space, tab, CR, LF, FF): strings.Trim made a set of them for every
// text node.
func onlyHTMLSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			return false
		}
	}
	return true
}

// flush ends the paragraph being collected.
func (r *htmlReader) flush() {
	if len(r.para) == 0 {
		return
	}
	text, anchor := document.FoldSpace(string(r.para)), r.paraAnchor
	r.para = r.para[:0]
	r.paraAnchor = nil
	if text == "" {
		return
	}
	text, kind := document.ClassifyLine(text)
	r.add(document.Candidate{Block: document.Block{Text: text}, Kind: kind}, anchor)
}

func (r *htmlReader) add(c document.Candidate, anchor *html.Node) {
	r.cands = append(r.cands, c)
	r.anchors = append(r.anchors, anchor)
}

// isHidden reports elements the browser does not show.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			if hiddenStyle(a.Val) {
				return true
			}
		}
	}
	return false
}

// hiddenStyle reports whether a style attribute sets display to none or
// visibility to hidden: a property named so (its first letter, which may
// be upper case, aside), blanks, ':', blanks, and the value in any case.
// It looks at each ':' once, without allocating: Word puts a long style
// on every span, and two searches for the names through it were 6% of
// reading a page.
func hiddenStyle(style string) bool {
	for i := 0; i < len(style); i++ {
		j := strings.IndexByte(style[i:], ':')
		if j < 0 {
			return false
		}
		i += j
		end := i // of the property's name
		for end > 0 && (style[end-1] == ' ' || style[end-1] == '\t') {
			end--
		}
		// Both names end in 'y'; most properties do not.
		if end == 0 || style[end-1] != 'y' {
			continue
		}
		name, value := style[:end], style[document.SkipBlanks(style, i+1):]
		if strings.HasSuffix(name, "isplay") && hasPrefixFold(value, "none") ||
			strings.HasSuffix(name, "isibility") && hasPrefixFold(value, "hidden") {
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether s starts with prefix, ignoring case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// chromeScope says where an element named like chrome is chrome.
type chromeScope uint8

const (
	notChrome chromeScope = iota
	chromeAnywhere
	// chromeOutside names (header, top, banner) are chrome around the page
	// but the article's own head (title, date) inside the article body.
	chromeOutside
)

// chromeNames are class/id words (split at -, _, case changes; lower case;
// trailing digits dropped) of navigation, headers, footers and widgets,
// including the pinyin abbreviations Chinese sites use.
var chromeNames = map[string]chromeScope{
	"nav": chromeAnywhere, "navbar": chromeAnywhere, "navigation": chromeAnywhere, "menu": chromeAnywhere,
	"breadcrumb": chromeAnywhere, "breadcrumbs": chromeAnywhere, "crumb": chromeAnywhere, "crumbs": chromeAnywhere,
	"footer": chromeAnywhere, "foot": chromeAnywhere, "bottom": chromeAnywhere, "copyright": chromeAnywhere,
	"share": chromeAnywhere, "toolbar": chromeAnywhere, "tools": chromeAnywhere, "sidebar": chromeAnywhere,
	"qrcode": chromeAnywhere, "ewm": chromeAnywhere, "erweima": chromeAnywhere, "search": chromeAnywhere,
	"login": chromeAnywhere, "logo": chromeAnywhere, "position": chromeAnywhere, "location": chromeAnywhere,
	"weizhi": chromeAnywhere, "dqwz": chromeAnywhere, "daohang": chromeAnywhere, "fenxiang": chromeAnywhere,
	"gotop": chromeAnywhere, "totop": chromeAnywhere, "backtop": chromeAnywhere, "skip": chromeAnywhere,
	"header": chromeOutside, "head": chromeOutside, "top": chromeOutside, "banner": chromeOutside,
	"topbar": chromeOutside, "masthead": chromeOutside,
}

// chromeAffixes also mark a class word they start or end ("submenu",
// "topnav", "bdshare", "footerbox"); "foot" is left out for "footnote".
var chromeAffixes = []string{"nav", "menu", "footer", "breadcrumb", "crumb", "share", "toolbar", "sidebar", "copyright", "qrcode"}

// chromeRoles are ARIA roles of chrome.
var chromeRoles = map[string]chromeScope{
	"navigation": chromeAnywhere, "menu": chromeAnywhere, "menubar": chromeAnywhere, "toolbar": chromeAnywhere,
	"search": chromeAnywhere, "banner": chromeOutside, "contentinfo": chromeOutside,
}

// chromeTag says where an HTML5 sectioning element of chrome is chrome.
// (A switch: measure asks for every element.)
func chromeTag(a atom.Atom) chromeScope {
	switch a {
	case atom.Nav, atom.Aside:
		return chromeAnywhere
	case atom.Header, atom.Footer:
		return chromeOutside
	}
	return notChrome
}

// contentNames mark the article body, inside which header-like names are
// the article's own head.
var contentNames = map[string]bool{
	"article": true, "content": true, "main": true, "detail": true, "details": true,
	"zoom": true, "editor": true, "text": true, "body": true,
}

// Chrome is small: an element with this much text outside links is the
// page's content however it is named (a wrapper called "main-nav-box").
const maxChromeText = 500

// Link lists: at least this many links holding most of the text.
const minNavLinks = 5

// isChrome reports page chrome by tag, role, class or id, or by link density.
func (r *htmlReader) isChrome(n *html.Node, ctx walkCtx) bool {
	st, ok := r.stats[n]
	if !ok {
		// measure keeps every element named like chrome or holding links:
		// this one is neither.
		return false
	}
	scope := st.scope
	if scope == chromeOutside && ctx.inContent {
		scope = notChrome
	}
	if scope != notChrome {
		return st.text-st.linkText < maxChromeText
	}
	return isLinkList(n, st.nodeStats)
}

// chromeScopeOf says where an element is chrome by its tag, role, class
// or id.
func (r *htmlReader) chromeScopeOf(n *html.Node) chromeScope {
	scope := chromeTag(n.DataAtom)
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			scope = max(scope, chromeRoles[strings.ToLower(a.Val)])
		case "class":
			// A page uses a few classes on many elements (Word's
			// "MsoNormal" on every paragraph): their scopes are kept.
			s, ok := r.classScopes[a.Val]
			if !ok {
				s = nameScope(a.Val)
				if len(r.classScopes) < maxClassScopes {
					r.classScopes[a.Val] = s
				}
			}
			scope = max(scope, s)
		case "id":
			scope = max(scope, nameScope(a.Val))
		}
	}
	return scope
}

// maxClassScopes bounds the classes whose scopes a reader keeps.
const maxClassScopes = 1024

// nameScope says where a class or id value names chrome.
func nameScope(v string) chromeScope {
	scope := notChrome
	var buf [32]byte
	for i := 0; i < len(v); {
		var w []byte
		w, i = nextNameWord(v, i, buf[:0])
		if len(w) > 0 {
			scope = max(scope, chromeWordScope(w))
		}
	}
	return scope
}

// chromeWordScope looks a class word up; w is a byte slice, which map
// lookups and comparisons read without allocating (pages carry a class on
// most elements).
func chromeWordScope(w []byte) chromeScope {
	if h := chromeNameHash(w); chromeNameBloom[h/64]&(1<<(h%64)) != 0 {
		if s, ok := chromeNames[string(w)]; ok {
			return s
		}
	}
	// Only the affixes that start with the word's first byte or end with
	// its last are compared: comparing all took a third of measuring a
	// page (it meets some hundred classes, of a few words each).
	for m := affixStarts[w[0]]; m != 0; m &= m - 1 {
		if a := chromeAffixes[bits.TrailingZeros16(m)]; len(w) > len(a) && string(w[:len(a)]) == a {
			return chromeAnywhere
		}
	}
	for m := affixEnds[w[len(w)-1]]; m != 0; m &= m - 1 {
		if a := chromeAffixes[bits.TrailingZeros16(m)]; len(w) > len(a) && string(w[len(w)-len(a):]) == a {
			return chromeAnywhere
		}
	}
	return notChrome
}

// chromeNameBloom has the bit chromeNameHash of every word of chromeNames:
// a word whose bit is clear (most class words) is none of them, without
// a map lookup.
var chromeNameBloom = func() (b [4]uint64) {
	for w := range chromeNames {
		h := chromeNameHash([]byte(w))
		b[h/64] |= 1 << (h % 64)
	}
	return b
}()

// chromeNameHash hashes a word by its length and its first and last bytes.
func chromeNameHash(w []byte) uint {
	return (uint(len(w))*37 + uint(w[0])*5 + uint(w[len(w)-1])) % 256
}

// affixStarts and affixEnds have, for each byte, a bit for every affix of
// chromeAffixes that starts or ends with it (bit i for chromeAffixes[i]).
var affixStarts, affixEnds = func() (starts, ends [256]uint16) {
	for i, a := range chromeAffixes {
		starts[a[0]] |= 1 << i
		ends[a[len(a)-1]] |= 1 << i
	}
	return starts, ends
}()

// isLinkList reports a container that is mostly links: a menu or a list of
// other articles, with little text of its own.
func isLinkList(n *html.Node, st nodeStats) bool {
	switch n.DataAtom {
	case atom.Div, atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.Td, atom.Section, atom.Span, atom.P:
	default:
		return false
	}
	own := st.text - st.linkText
	return st.links >= minNavLinks && st.linkText*4 >= st.text*3 && own < 100
}

func isContentElement(n *html.Node) bool {
	if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		return true
	}
	found := false
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			var buf [32]byte
			for i := 0; i < len(a.Val) && !found; {
				var w []byte
				w, i = nextNameWord(a.Val, i, buf[:0])
				found = len(w) > 0 && contentNames[string(w)]
			}
		}
	}
	return found
}

// nextNameWord returns the next lower-case word of a class or id value
// from byte i on (appended to buf[:0]) and where to look for the one after
// it; the word is empty when there are no more. Words are split at
// non-alphanumerics and lower-to-upper case changes, trailing digits
// dropped ("menu_hov" → menu, hov; "topNav2" → top, nav). The caller owns
// buf, so reading the classes of every element allocates nothing.
func nextNameWord(v string, i int, buf []byte) ([]byte, int) {
	w := buf[:0]
	for ; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= 'A' && c <= 'Z':
			if i > 0 && v[i-1] >= 'a' && v[i-1] <= 'z' {
				if w = trimDigits(w); len(w) > 0 {
					return w, i
				}
			}
			w = append(w, c+'a'-'A')
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			w = append(w, c)
		default:
			if w = trimDigits(w); len(w) > 0 {
				return w, i + 1
			}
		}
	}
	return trimDigits(w), len(v)
}

func trimDigits(w []byte) []byte {
	for len(w) > 0 && w[len(w)-1] >= '0' && w[len(w)-1] <= '9' {
		w = w[:len(w)-1]
	}
	return w
}

// emitTable appends a leaf table as a Grid (after its caption) and reports
// true, or reports false for a one-column table, which is a layout frame.
func (r *htmlReader) emitTable(t *html.Node) bool {
	trs := tableRows(t)
	g, anchor := r.buildGrid(trs)
	if len(g.Rows) > 0 && len(g.Rows[0]) < 2 {
		return false
	}
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Caption {
			text, a := r.cellText(c)
			if text != "" {
				r.add(document.Candidate{Block: document.Block{Text: text}}, a)
			}
		}
	}
	if len(g.Rows) > 0 {
		r.add(document.Candidate{Block: document.Block{Table: g}}, anchor)
	}
	return true
}

// tableRows returns the table's own rows in source order (html.Parse puts
// them in thead/tbody/tfoot sections).
func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for tr := c.FirstChild; tr != nil; tr = tr.NextSibling {
				if tr.Type == html.ElementNode && tr.DataAtom == atom.Tr && !isHidden(tr) {
					rows = append(rows, tr)
				}
			}
		}
	}
	return rows
}

// buildGrid expands rowspan and colspan: each position a cell covers holds a
// copy with the cell's origin, ragged rows are padded with empty cells, and
// rows that are entirely empty (and take no part in a span) are dropped.
func (r *htmlReader) buildGrid(trs []*html.Node) (*document.Grid, *html.Node) {
	var anchor *html.Node
	rows := make([][]document.GridCell, len(trs))
	// The rows take their cells from one array, each as many as the widest
	// row's own cells span: rowspans from above may widen a row, which
	// then grows on its own, but most rows never do. A row's own cells
	// span no more than the padded grid is wide.
	width := 0
	for _, tr := range trs {
		width = max(width, ownWidth(tr))
	}
	cells := make([]document.GridCell, len(trs)*width)
	for ri := range rows {
		rows[ri] = cells[ri*width : ri*width : (ri+1)*width]
	}
	spanned := make([]bool, len(trs)) // a cell starting in this row spans down
	for ri, tr := range trs {
		col := 0
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode || (td.DataAtom != atom.Td && td.DataAtom != atom.Th) {
				continue
			}
			for col < len(rows[ri]) && rows[ri][col].OrigRow >= 0 {
				col++
			}
			if col >= document.MaxGridCols {
				break
			}
			cs := min(max(spanAttr(td, "colspan", 1), 1), document.MaxColspan, document.MaxGridCols-col)
			rs := spanAttr(td, "rowspan", 1)
			if rs == 0 || rs > len(trs)-ri { // rowspan=0 spans the rest of the table
				rs = len(trs) - ri
			}
			text, a := r.cellText(td)
			if anchor == nil && text != "" {
				anchor = a
			}
			cell := document.GridCell{Text: text, OrigRow: ri, OrigCol: col}
			for dr := range rs {
				document.PlaceCell(&rows[ri+dr], col, cs, cell)
			}
			spanned[ri] = spanned[ri] || rs > 1
			col += cs
		}
	}
	return &document.Grid{Rows: document.DropEmptyRows(document.PadRows(rows), spanned)}, anchor
}

// ownWidth is how many columns the cells of a row span, clamped as
// buildGrid clamps them.
func ownWidth(tr *html.Node) int {
	w := 0
	for td := tr.FirstChild; td != nil && w < document.MaxGridCols; td = td.NextSibling {
		if td.Type == html.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) {
			w += min(max(spanAttr(td, "colspan", 1), 1), document.MaxColspan, document.MaxGridCols-w)
		}
	}
	return w
}

// spanAttr reads a colspan or rowspan value the way browsers do: leading
// digits count ("2px" is 2), anything unreadable or below zero is def.
func spanAttr(n *html.Node, key string, def int) int {
	for _, a := range n.Attr {
		if a.Key != key {
			continue
		}
		v := strings.TrimSpace(a.Val)
		end := 0
		for end < len(v) && end < 6 && v[end] >= '0' && v[end] <= '9' {
			end++
		}
		if i, err := strconv.Atoi(v[:end]); err == nil {
			return i
		}
	}
	return def
}

// cellText returns the folded text of a table cell (or caption); line
// breaks and paragraphs inside it become single spaces.
func (r *htmlReader) cellText(n *html.Node) (string, *html.Node) {
	var anchor *html.Node
	r.cell = collectText(r.cell[:0], n, &anchor)
	return document.FoldSpace(string(r.cell)), anchor
}

// collectText appends the raw text of n's subtree to b.
func collectText(b []byte, n *html.Node, anchor **html.Node) []byte {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if *anchor == nil && strings.TrimSpace(c.Data) != "" {
				*anchor = c
			}
			b = append(b, interElementSpace(c.Data)...)
		case html.ElementNode:
			if skipTag(c.DataAtom) || isHidden(c) {
				continue
			}
			block := blockTag(c.DataAtom)
			if block {
				b = append(b, 0)
			}
			b = collectText(b, c, anchor)
			if block {
				b = append(b, 0)
			}
		}
	}
	return b
}

// findTitle returns the folded text of the first <title>.
func findTitle(n *html.Node) string {
	if n.Type == html.ElementNode && n.DataAtom == atom.Title {
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
		}
		return document.FoldSpace(b.String())
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return "" // a <title> inside the body is not the page's
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := findTitle(c); t != "" {
			return t
		}
	}
	return ""
}

// resolveLines sets Block.Line by finding each block's first text in the
// source. Blocks come in document order, so one forward cursor serves them
// all; a total search budget keeps pages whose text is written as character
// references (not findable verbatim) linear: once spent, lines stay 0.
func (r *htmlReader) resolveLines(src string) {
	f := lineFinder{src: src, line: 1, budget: 4*len(src) + 1<<20}
	if i := indexFold(src, "<body"); i >= 0 {
		f.advance(i)
	}
	for k, a := range r.anchors {
		if a != nil {
			r.cands[k].Line = f.find(a.Data)
		}
	}
}

// indexFold finds an ASCII needle in either all-lower or all-upper case.
// The upper-case one is looked for only before the lower-case one, so a
// page with "<body" near its start is not searched to its end.
func indexFold(s, needle string) int {
	i := strings.Index(s, needle)
	within := s
	if i >= 0 {
		within = s[:i+len(needle)-1]
	}
	if j := strings.Index(within, strings.ToUpper(needle)); j >= 0 {
		return j
	}
	return i
}

type lineFinder struct {
	src    string
	pos    int // cursor; the line of src[pos] is line
	line   int
	budget int
}

func (f *lineFinder) advance(to int) {
	f.line += strings.Count(f.src[f.pos:to], "\n")
	f.pos = to
}

// find moves the cursor to the next occurrence of the text's verbatim
// prefix and returns its line, 0 when not found. It prefers an occurrence
// right after a tag ('>') or entity (';'), the way a text node starts, but
// looks for one only a short way past the first match.
func (f *lineFinder) find(data string) int {
	needle := sourceNeedle(data)
	if needle == "" || f.budget <= 0 {
		return 0
	}
	i := strings.Index(f.src[f.pos:], needle)
	if i < 0 {
		f.budget -= len(f.src) - f.pos
		return 0
	}
	at := f.pos + i
	f.budget -= i
	if !startsTextNode(f.src, at) {
		window := f.src[at+len(needle) : min(len(f.src), at+verifyWindow)]
		for from := 0; ; {
			j := strings.Index(window[from:], needle)
			if j < 0 {
				break
			}
			if k := at + len(needle) + from + j; startsTextNode(f.src, k) {
				at = k
				break
			}
			from += j + len(needle)
		}
	}
	f.advance(at)
	return f.line
}

// verifyWindow bounds the search for a better-placed match.
const verifyWindow = 4096

// sourceNeedle is the leading part of a text node's data that appears in
// the source verbatim: up to the first character that could have been
// written as an entity, at most 32 bytes.
func sourceNeedle(data string) string {
	data = strings.TrimLeft(data, " \t\n\r\f\u00a0\u3000")
	end := 0
	for end < len(data) && end < 32 {
		c := data[end]
		if c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == 0xC2 {
			break
		}
		end++
	}
	for end > 0 && end < len(data) && data[end]&0xC0 == 0x80 { // do not split a rune
		end--
	}
	return strings.TrimRight(data[:end], " \t\n")
}

// startsTextNode reports whether src[at] follows a tag or entity, past
// white space (ASCII, U+3000, no-break) that a text node's indent holds.
func startsTextNode(src string, at int) bool {
	i := at
	for i > 0 {
		switch {
		case src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n':
			i--
		case strings.HasSuffix(src[:i], "\u3000"):
			i -= len("\u3000")
		case strings.HasSuffix(src[:i], "\u00a0"):
			i -= len("\u00a0")
		default:
			return src[i-1] == '>' || src[i-1] == ';'
		}
	}
	return true
}
