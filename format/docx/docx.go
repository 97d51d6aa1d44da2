// Package docx reads Word documents (.docx) into the same blocks as a web
// page, so the metadata, table and figure rules apply to them unchanged. It
// registers itself with package format for zip packages holding a Word
// document.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"xxgk/document"
	"xxgk/format"
	"xxgk/format/ooxml"
	"xxgk/format/ooxml/xmltok"
	"xxgk/internal/inflate"
	"xxgk/zh"
)

// Word documents (.docx) are read from their main story, word/document.xml,
// into the same blocks as a web page, so the metadata, table and figure
// rules apply to them unchanged:
//
//   - every paragraph (w:p) is a block; a line break inside it (w:br, w:cr,
//     a page break) starts a new block, as <br> does in a page. Paragraph
//     text keeps its inner tabs (w:tab) and runs of spaces, like a line of
//     page text, because people line up tables in Word with them;
//   - a table (w:tbl) is a Grid with w:gridSpan (colspan), w:vMerge
//     (rowspan), w:hMerge and w:gridBefore expanded. A cell's text is
//     folded like an HTML cell's: its paragraphs, breaks and tabs become
//     single spaces. As in a page, a table of one column, or one that holds
//     another table, is a frame: its cells are read as paragraphs and its
//     inner tables as tables, in order;
//   - text boxes (w:txbxContent, in DrawingML or VML) follow the paragraph
//     they are anchored in; of an mc:AlternateContent only the first
//     mc:Choice is read (or the mc:Fallback when there is no Choice), so a
//     text box is not read twice;
//   - fields give their result, not their instruction (w:instrText and the
//     part of a complex field before its separator are skipped; the
//     children of w:fldSimple are the result); content controls (w:sdt)
//     give their content unless it is the placeholder text;
//   - tracked changes read as accepted: insertions (w:ins, w:moveTo) are
//     read, deletions (w:del, w:delText, w:moveFrom) are not. Hidden text
//     (w:vanish) and ruby guides (w:rt) are left out, as a browser hides
//     display:none;
//   - list numbers (word/numbering.xml, given directly or by the paragraph
//     style in word/styles.xml) are put before the paragraph's text, since
//     the sections of a report are found by them (一、 （一） 1.); bullets
//     are not;
//   - the title is docProps/core.xml's dc:title, as an HTML page's <title>.
//
// Headers, footers, footnotes, endnotes and comments are other parts of the
// package and are not read: the report is in the main story. Symbols
// (w:sym, mostly Wingdings and Symbol bullets) and equations (m:oMath) are
// left out.
//
// Block.Line is the 1-based number of the paragraph in the main story,
// counting every w:p in document order (those in table cells and text boxes
// too); the blocks a paragraph splits into at line breaks share it, and a
// table has the number of its first paragraph with text. Source.Encoding is
// "": the XML is always UTF-8.
//
// The package is a zip from strangers. Package ooxml has refused archives with
// too many entries, too large a declared size or names that leave the
// package; here each part is refused when it declares more than its limit,
// is read into memory through a counting reader that stops at the limit
// (archive/zip also fails an entry that inflates past its declared size,
// which is what a zip bomb does), and the XML is decoded by package xmltok
// as a token stream with a cap on depth and on the number of elements, so
// memory and time stay proportional to the limits. Nothing is written to
// disk.

// docxLimits bound what a .docx may make the reader do.
type docxLimits struct {
	document int64 // uncompressed bytes of word/document.xml
	part     int64 // of each other part read (numbering, styles, core properties)
	depth    int   // XML element nesting
	elements int   // XML elements of one part
	cells    int   // grid positions of all tables, spans expanded
}

var defaultDocxLimits = docxLimits{
	document: 64 << 20,
	part:     16 << 20,
	depth:    256,
	elements: 4_000_000,
	cells:    1 << 20,
}

// Namespaces of the elements the reader acts on. Transitional and Strict
// OOXML name WordprocessingML differently; an undeclared prefix (a
// hand-made file) is taken by its usual name.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsDC      = "http://purl.org/dc/elements/1.1/"
)

func isW(n xml.Name) bool  { return n.Space == nsW || n.Space == nsWStrict || n.Space == "w" }
func isMC(n xml.Name) bool { return n.Space == nsMC || n.Space == "mc" }

// Sentinel errors of the part readers, turned into messages by partError.
var (
	errDocxTooBig   = errors.New("part too big")
	errDocxTooDeep  = errors.New("xml too deep")
	errDocxTooMany  = errors.New("too many xml elements")
	errDocxTooWide  = errors.New("tables too large")
	errDocxNotFound = errors.New("part not found")
)

func init() {
	format.Register(format.Format{
		Name:       ooxml.Word,
		Label:      "Word 文档",
		Extensions: []string{".docx"},
		Sniff:      ooxml.Sniffer(ooxml.Word),
		Read:       Read,
	})
}

// Read reads a Word document. Every error wraps format.ErrUnreadable.
func Read(data []byte) (*document.Document, error) {
	return readWith(data, defaultDocxLimits)
}

// readWith is Read within the given limits (tests and the fuzzer
// use smaller ones).
func readWith(data []byte, lim docxLimits) (*document.Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, docxCorrupt(fmt.Sprintf("不是完整的 zip 压缩包，可能下载或复制不完整：%v", err))
	}
	inflate.Zip(zr)
	parts := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		parts[strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))] = f
	}
	const main = "word/document.xml"
	if parts[main] == nil {
		return nil, fmt.Errorf("docx 文件缺少正文部件 %s，不是 Word 文档: %w", main, format.ErrUnreadable)
	}
	// List numbers and the title are extras: a broken numbering, styles or
	// properties part costs them, not the document.
	num := &docxNumbering{}
	if err := readDocxPart(parts, "word/numbering.xml", lim.part, lim, num.readNumbering); err != nil {
		num = &docxNumbering{}
	}
	if err := readDocxPart(parts, "word/styles.xml", lim.part, lim, num.readStyles); err != nil {
		num.styles = nil
	}
	var title string
	_ = readDocxPart(parts, "docprops/core.xml", lim.part, lim, func(x *docxXML) error {
		t, err := readCoreTitle(x)
		title = t
		return err
	})

	w := &docxWalker{num: num}
	var items []docxItem
	err = readDocxPart(parts, main, lim.document, lim, func(x *docxXML) error {
		w.x = x
		return w.document(&items)
	})
	if err != nil {
		return nil, partError(main, err, lim)
	}
	doc := &document.Document{Kind: "docx", Title: document.FoldSpace(title)}
	e := &docxEmitter{}
	if err := e.items(items, lim.cells); err != nil {
		return nil, partError(main, err, lim)
	}
	doc.Blocks = document.FinishBlocks(e.cands)
	if len(doc.Blocks) == 0 {
		return nil, fmt.Errorf("Word 文档（.docx）中没有可读的文字: %w", format.ErrUnreadable)
	}
	return doc, nil
}

func docxCorrupt(why string) error {
	return fmt.Errorf("docx 文件已损坏（%s）: %w", why, format.ErrUnreadable)
}

// partError says in Chinese why a part could not be read.
func partError(name string, err error, lim docxLimits) error {
	var syn *xml.SyntaxError
	switch {
	case errors.Is(err, errDocxTooBig):
		max := lim.part
		if name == "word/document.xml" {
			max = lim.document
		}
		return fmt.Errorf("docx 文件的 %s 解压后超过 %s的上限，拒绝读取: %w", name, sizeText(max), format.ErrUnreadable)
	case errors.Is(err, errDocxTooDeep):
		return fmt.Errorf("docx 文件的 %s 中元素嵌套超过 %d 层，拒绝读取: %w", name, lim.depth, format.ErrUnreadable)
	case errors.Is(err, errDocxTooMany):
		return fmt.Errorf("docx 文件的 %s 中元素超过 %d 个，拒绝读取: %w", name, lim.elements, format.ErrUnreadable)
	case errors.Is(err, errDocxTooWide):
		return fmt.Errorf("docx 文件中的表格展开合并单元格后超过 %d 格，拒绝读取: %w", lim.cells, format.ErrUnreadable)
	case errors.Is(err, zip.ErrFormat):
		// archive/zip fails an entry that inflates past its declared size.
		return docxCorrupt(name + " 解压后比声明的大小更大，可能是压缩炸弹，拒绝读取")
	case errors.Is(err, zip.ErrChecksum):
		return docxCorrupt(name + " 的校验和不符，可能下载或复制不完整")
	case errors.Is(err, zip.ErrAlgorithm):
		return docxCorrupt(name + " 使用了不支持的压缩方式")
	case errors.As(err, &syn):
		return docxCorrupt(fmt.Sprintf("%s 不是完整的 XML，第 %d 行：%s；可能下载或复制不完整", name, syn.Line, syn.Msg))
	}
	return docxCorrupt(fmt.Sprintf("%s 无法解压：%v；可能下载或复制不完整", name, err))
}

// sizeText writes a byte limit in MB (in KB or bytes when small, as in
// tests), spaced to stand before Chinese text.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatInt(n>>20, 10) + " MB "
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KB "
	}
	return strconv.FormatInt(n, 10) + " 字节"
}

// readDocxPart decodes one part of the package with read, within the
// limits. A missing part is errDocxNotFound.
func readDocxPart(parts map[string]*zip.File, name string, max int64, lim docxLimits, read func(*docxXML) error) error {
	f := parts[name]
	if f == nil {
		return errDocxNotFound
	}
	if f.UncompressedSize64 > uint64(max) {
		return errDocxTooBig
	}
	// A part that archive/zip would read without error, inflated at
	// once; any other is read as before, through the counting reader.
	if src, ok := inflate.ZipFileString(f, max); ok {
		dec := xmltok.New(src, nil)
		defer dec.Release() // the title is read without reading its part to the end
		return read(&docxXML{dec: dec, lim: lim})
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := xmltok.NewReader(&cappedReader{r: rc, left: max}, int64(f.UncompressedSize64))
	defer dec.Release()
	return read(&docxXML{dec: dec, lim: lim})
}

// cappedReader reads at most left bytes and fails with errDocxTooBig when
// there are more.
type cappedReader struct {
	r    io.Reader
	left int64
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		var one [1]byte
		if n, err := c.r.Read(one[:]); n > 0 {
			return 0, errDocxTooBig
		} else if err != nil {
			return 0, err
		}
		return 0, nil
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// docxXML is a token stream that enforces the depth and element limits.
// The walkers read it in loops, asking for the name and attributes of the
// elements they act on only: most elements of a part are properties that
// no one reads.
type docxXML struct {
	dec   *xmltok.Decoder
	lim   docxLimits
	depth int
	elems int

	// wSpace is the last WordprocessingML namespace URL met, "" before
	// the first, as the part binds it: a piece of the part, the same
	// string for every name of the binding, which compares at once (the
	// bytes of different strings are compared, 60 of them for every
	// element).
	wSpace string

	// kinds keeps what element names were found to be, by the raw name
	// (see elem).
	kinds [kindMemoSize]kindMemo
}

// kindMemo is what an element of a raw name was found to be, with the
// bindings as they were (xmltok.Decoder.RawName's scope).
type kindMemo struct {
	raw   string
	scope uint64
	kind  elemKind
	local string
}

const kindMemoSize = 64

// elemKind is what the document walker does with an element: its name
// told once, in classify.
type elemKind uint8

const (
	kindNotW      elemKind = iota // neither WordprocessingML nor markup compatibility: its children are read
	kindAlternate                 // mc:AlternateContent
	kindMC                        // another mc element, skipped
	kindW                         // a WordprocessingML element not below: its children are read
	kindSkipped                   // docxSkipped
	kindP
	kindPPr
	kindR
	kindRPr
	kindT
	kindTab
	kindBr
	kindNoBreakHyphen
	kindFldChar
	kindTbl
	kindTr
	kindTrPr
	kindTc
	kindTcPr
	kindTxbxContent
	kindSdt
)

// isW tells the kinds of WordprocessingML elements.
func (k elemKind) isW() bool { return k >= kindW }

// kind tells what the element whose start was just read is. The decoder
// keeps it with the tag (xmltok's Class), and a tag of the same bytes in
// the same bindings is the same element: a few tags (<w:p>, <w:r>, <w:t>
// …) make most of a part, and resolving the name and telling it by its
// local name, as classify does, cost more than the rest of reading the
// element.
func (x *docxXML) kind() elemKind {
	if c := x.dec.Class(); c != 0 {
		return elemKind(c - 1)
	}
	k, _ := x.elem()
	x.dec.SetClass(uint8(k) + 1)
	return k
}

// elem tells what the element whose start (or end) was just read is, and
// its local name, for a tag the decoder does not keep: the name as
// written, with the bindings unchanged, is the same element as before.
func (x *docxXML) elem() (elemKind, string) {
	raw, scope, ok := x.dec.RawName()
	if !ok {
		n := x.name()
		return x.classify(n), n.Local
	}
	m := &x.kinds[(uint(len(raw))*13+uint(raw[len(raw)/2])*7+uint(raw[len(raw)-1]))%kindMemoSize]
	if m.raw == raw && m.scope == scope {
		return m.kind, m.local
	}
	n := x.name()
	k := x.classify(n)
	*m = kindMemo{raw: raw, scope: scope, kind: k, local: n.Local}
	return k, n.Local
}

// classify tells what an element of the name is.
func (x *docxXML) classify(n xml.Name) elemKind {
	if isMC(n) {
		if n.Local == "AlternateContent" {
			return kindAlternate
		}
		return kindMC
	}
	if !x.isW(n) {
		return kindNotW
	}
	if docxSkipped(n.Local) {
		return kindSkipped
	}
	switch n.Local {
	case "p":
		return kindP
	case "pPr":
		return kindPPr
	case "r":
		return kindR
	case "rPr":
		return kindRPr
	case "t":
		return kindT
	case "tab", "ptab":
		return kindTab
	case "br", "cr":
		return kindBr
	case "noBreakHyphen":
		return kindNoBreakHyphen
	case "fldChar":
		return kindFldChar
	case "tbl":
		return kindTbl
	case "tr":
		return kindTr
	case "trPr":
		return kindTrPr
	case "tc":
		return kindTc
	case "tcPr":
		return kindTcPr
	case "txbxContent":
		return kindTxbxContent
	case "sdt":
		return kindSdt
	}
	return kindW
}

// next reads the next token. The end of input inside an element is a
// syntax error of encoding/xml (the file was cut), so io.EOF means the
// whole part was read.
func (x *docxXML) next() (xmltok.Kind, error) {
	k, err := x.dec.Next()
	if err != nil {
		return 0, err
	}
	switch k {
	case xmltok.StartElement:
		x.depth++
		x.elems++
		if x.depth > x.lim.depth {
			return 0, errDocxTooDeep
		}
		if x.elems > x.lim.elements {
			return 0, errDocxTooMany
		}
	case xmltok.EndElement:
		x.depth--
	}
	return k, nil
}

// name is the name of the element whose start was just read.
func (x *docxXML) name() xml.Name { return x.dec.Name() }

// skip consumes the rest of the element whose start was just read.
func (x *docxXML) skip() error {
	_, err := x.skipTo(nil)
	return err
}

// skipTo consumes the element whose start (or whose child's end) was read
// last up to its end, or up to a child whose local name is one of locals,
// whatever its namespace: true when it has read that child's start, which
// the caller must consume. The decoder skips the tokens it can itself (a
// third of the part's cost was in reading skipped tokens one by one);
// the rest, and the token it stopped before, are read here, so the limits
// and errors come where they did.
func (x *docxXML) skipTo(locals []string) (bool, error) {
	starts, open, child := x.dec.Skip(locals, x.lim.elements-x.elems, x.lim.depth-x.depth)
	x.elems += starts
	x.depth += open - 1
	if child {
		return true, nil
	}
	for depth := open; depth > 0; {
		k, err := x.next()
		if err != nil {
			return false, eofIsTruncation(err)
		}
		switch k {
		case xmltok.StartElement:
			if depth++; depth == 2 && len(locals) > 0 && slices.Contains(locals, x.name().Local) {
				return true, nil
			}
		case xmltok.EndElement:
			depth--
		}
	}
	return false, nil
}

// wChildOf is wChild for the children with one of the local names,
// skipping the others.
func (x *docxXML) wChildOf(locals []string) (string, bool, error) {
	for {
		ok, err := x.skipTo(locals)
		if !ok || err != nil {
			return "", false, err
		}
		if x.kind().isW() {
			return x.dec.Local(), true, nil
		}
		if err := x.skip(); err != nil {
			return "", false, err
		}
	}
}

// child reads on to the next child of the element whose start was read
// last (or whose child was consumed last): true when it has read the
// child's start, which the caller must consume, false at the element's
// end.
//
// It is next and its accounting in one: a call less for every element of
// the document.
func (x *docxXML) child() (bool, error) {
	for {
		k, err := x.dec.Next()
		if err != nil {
			return false, eofIsTruncation(err)
		}
		switch k {
		case xmltok.StartElement:
			x.depth++
			x.elems++
			if x.depth > x.lim.depth {
				return false, errDocxTooDeep
			}
			if x.elems > x.lim.elements {
				return false, errDocxTooMany
			}
			return true, nil
		case xmltok.EndElement:
			x.depth--
			return false, nil
		}
	}
}

// wChild is child for the WordprocessingML children, skipping the others;
// it returns the child's local name.
func (x *docxXML) wChild() (string, bool, error) {
	for {
		ok, err := x.child()
		if !ok || err != nil {
			return "", false, err
		}
		if x.kind().isW() {
			return x.dec.Local(), true, nil
		}
		if err := x.skip(); err != nil {
			return "", false, err
		}
	}
}

// isW is isW(n) for the name of an element of the part.
func (x *docxXML) isW(n xml.Name) bool {
	if x.wSpace != "" && n.Space == x.wSpace {
		return true
	}
	if isW(n) {
		x.wSpace = n.Space
		return true
	}
	return false
}

// readNumPr reads a w:numPr.
func readNumPr(x *docxXML) (numID, ilvl string, err error) {
	for {
		local, ok, err := x.wChildOf(numPrRead)
		if !ok || err != nil {
			return numID, ilvl, err
		}
		switch local {
		case "numId":
			numID, _ = x.attr("val")
		case "ilvl":
			ilvl, _ = x.attr("val")
		}
		if err := x.skip(); err != nil {
			return numID, ilvl, err
		}
	}
}

// eofIsTruncation turns an end of input inside an element into an error.
func eofIsTruncation(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// attr returns the value of the attribute of the element just started with
// the local name (w:val and the like; the namespace is not checked).
func (x *docxXML) attr(local string) (string, bool) { return x.dec.AttrValue(local) }

// onOff reads a WordprocessingML toggle (<w:vanish/>, w:val="false").
func (x *docxXML) onOff() bool {
	v, ok := x.attr("val")
	return !ok || (v != "0" && v != "false" && v != "off")
}

// intAttr reads a number attribute (w:val, w:ilvl) by its local name, def
// when absent or unreadable.
func (x *docxXML) intAttr(local string, def int) int {
	v, _ := x.attr(local)
	if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
		return n
	}
	return def
}

// The document as read: paragraphs and tables, before they become blocks.
type docxItem struct {
	para  *docxPara
	table *docxTable
}

type docxPara struct {
	line  int
	label string // the list number, "" for none
	text  string
	after []docxItem // text boxes (and misplaced tables) anchored in it
}

// Markers in docxPara.text. XML text cannot hold control characters other
// than tab and line ends, so they never come from the document.
const docxBreak = '\x0b' // a line break (w:br, w:cr)

type docxTable struct {
	rows []*docxRow
}

type docxRow struct {
	before int // w:gridBefore: grid columns left empty before the first cell
	cells  []*docxCell
}

type docxCell struct {
	span   int // w:gridSpan
	vMerge int // 0, vMergeRestart or vMergeContinue
	hMerge bool
	items  []docxItem
}

const (
	vMergeRestart = 1 + iota
	vMergeContinue
)

// docxWalker reads word/document.xml into items.
type docxWalker struct {
	x     *docxXML
	num   *docxNumbering
	paras int
	// fields is the stack of open complex fields (w:fldChar begin … end);
	// an entry is true while the field's instruction is being read, and
	// instr counts those entries.
	fields []bool
	instr  int

	// buf holds the text of the open paragraphs, the innermost last: a
	// paragraph's text is added at its end (the paragraph taking text is
	// always the innermost open w:p, as docxCtx.para is set by w:p and
	// cleared by every container below it), and made a string of once when
	// the paragraph ends, instead of growing a builder per paragraph.
	buf []byte
	// hidden tells whether the innermost open run is hidden (w:vanish): in
	// a run, it is the run of the context, for the same reason.
	hidden bool

	// paras and cells are allocated in chunks: one of each per paragraph
	// and cell were most of the reader's allocations.
	paraSlab slab[docxPara]
	cellSlab slab[docxCell]
	// A cell's items (nearly always one paragraph) and a row's cells (as
	// many as the row before) were the next most: their first room is
	// taken from chunks too.
	itemSlab    slab[docxItem]
	cellPtrSlab slab[*docxCell]
}

// slab hands out zero values of T from chunks allocated at once, of 16
// values at first, growing to 256.
type slab[T any] struct {
	free []T
	next int
}

func (s *slab[T]) new() *T {
	return &s.room(1)[:1][0]
}

// room returns an empty slice with room for n values (n ≥ 1), and no
// more: appending past it moves the slice out of the slab, never over
// the next one's values.
func (s *slab[T]) room(n int) []T {
	if len(s.free) < n {
		s.next = min(max(2*s.next, 16, n), max(256, n))
		s.free = make([]T, s.next)
	}
	v := s.free[:0:n]
	s.free = s.free[n:]
	return v
}

// docxCtx says where the content being read goes.
type docxCtx struct {
	sink *[]docxItem // the items of the container (body, cell, text box)
	para *docxPara   // the paragraph being read
	run  bool        // in a run (whose hiddenness is docxWalker.hidden)
	tbl  *docxTable  // the table whose rows are being read
	row  *docxRow    // the row whose cells are being read
	cell *docxCell   // the cell whose properties may follow
}

// emit adds an item where it belongs: after the paragraph it sits in (a
// text box), or to the container.
func (c docxCtx) emit(it docxItem) {
	if c.para != nil {
		c.para.after = append(c.para.after, it)
		return
	}
	*c.sink = append(*c.sink, it)
}

// document reads the part up to its end.
func (w *docxWalker) document(items *[]docxItem) error {
	for {
		k, err := w.x.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if k == xmltok.StartElement {
			if err := w.element(docxCtx{sink: items}); err != nil {
				return err
			}
		}
	}
}

// children reads the children of the element whose start was just read,
// up to its end.
func (w *docxWalker) children(c docxCtx) error {
	for {
		ok, err := w.x.child()
		if !ok || err != nil {
			return err
		}
		if err := w.element(c); err != nil {
			return err
		}
	}
}

// docxSkipped reports the elements whose content is not the document's
// text: deletions, field instructions, properties, ruby guides.
func docxSkipped(local string) bool {
	switch local {
	case "del", "moveFrom", "delText", "instrText", "delInstrText",
		"sectPr", "tblPr", "tblPrEx", "tblGrid", "rPrChange", "pPrChange",
		"rt", "fldData", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr",
		"footnotePr", "endnotePr", "sym":
		return true
	}
	return false
}

// element reads one element, whose start was just read, and its content.
func (w *docxWalker) element(c docxCtx) error {
	switch w.x.kind() {
	case kindAlternate:
		return w.alternate(c)
	case kindMC, kindSkipped:
		return w.x.skip()
	case kindP:
		w.paras++
		p := w.paraSlab.new()
		p.line = w.paras
		start := len(w.buf)
		err := w.children(docxCtx{sink: c.sink, para: p})
		p.text = string(w.buf[start:])
		w.buf = w.buf[:start]
		if err != nil {
			return err
		}
		c.emit(docxItem{para: p})
		return nil
	case kindPPr:
		if c.para == nil {
			return w.x.skip()
		}
		return w.paraProps(c.para)
	case kindR:
		c.run = true
		hidden := w.hidden
		w.hidden = false
		err := w.children(c)
		w.hidden = hidden
		return err
	case kindRPr:
		if !c.run {
			return w.x.skip()
		}
		return w.runProps()
	case kindT:
		return w.text(c)
	case kindTab:
		w.add(c, "\t")
		return w.x.skip()
	case kindBr:
		w.add(c, string(docxBreak))
		return w.x.skip()
	case kindNoBreakHyphen:
		w.add(c, "-")
		return w.x.skip()
	case kindFldChar:
		switch v, _ := w.x.attr("fldCharType"); v {
		case "begin":
			w.fields = append(w.fields, true)
			w.instr++
		case "separate":
			if n := len(w.fields); n > 0 && w.fields[n-1] {
				w.fields[n-1] = false
				w.instr--
			}
		case "end":
			if n := len(w.fields); n > 0 {
				if w.fields[n-1] {
					w.instr--
				}
				w.fields = w.fields[:n-1]
			}
		}
		return w.x.skip()
	case kindTbl:
		t := &docxTable{}
		return w.item(c, docxCtx{sink: c.sink, tbl: t}, docxItem{table: t})
	case kindTr:
		if c.tbl == nil {
			return w.children(c)
		}
		r := &docxRow{}
		if n := len(c.tbl.rows); n > 0 {
			r.cells = w.cellPtrSlab.room(max(len(c.tbl.rows[n-1].cells), 1))
		}
		c.tbl.rows = append(c.tbl.rows, r)
		return w.children(docxCtx{sink: c.sink, row: r})
	case kindTrPr:
		if c.row == nil {
			return w.x.skip()
		}
		return w.rowProps(c.row)
	case kindTc:
		if c.row == nil {
			return w.children(c)
		}
		cell := w.cellSlab.new()
		cell.span = 1
		cell.items = w.itemSlab.room(1)
		c.row.cells = append(c.row.cells, cell)
		return w.children(docxCtx{sink: &cell.items, cell: cell})
	case kindTcPr:
		if c.cell == nil {
			return w.x.skip()
		}
		return w.cellProps(c.cell)
	case kindTxbxContent:
		var items []docxItem
		if err := w.children(docxCtx{sink: &items}); err != nil {
			return err
		}
		for _, it := range items {
			c.emit(it)
		}
		return nil
	case kindSdt:
		return w.contentControl(c)
	}
	// Drawings and VML shapes (text boxes lie inside); body, hyperlinks,
	// insertions, simple fields, smart tags …
	return w.children(c)
}

// item reads the content of a paragraph or table in its own context, then
// emits it.
func (w *docxWalker) item(c, inner docxCtx, it docxItem) error {
	if err := w.children(inner); err != nil {
		return err
	}
	c.emit(it)
	return nil
}

// alternate reads the first mc:Choice of an mc:AlternateContent, or its
// mc:Fallback when it has no Choice: both hold the same content.
func (w *docxWalker) alternate(c docxCtx) error {
	taken := false
	for {
		ok, err := w.x.child()
		if !ok || err != nil {
			return err
		}
		if name := w.x.name(); taken || !isMC(name) || (name.Local != "Choice" && name.Local != "Fallback") {
			err = w.x.skip()
		} else {
			taken = true
			err = w.children(c)
		}
		if err != nil {
			return err
		}
	}
}

// contentControl reads a w:sdt's content, unless it shows its placeholder.
func (w *docxWalker) contentControl(c docxCtx) error {
	placeholder := false
	for {
		local, ok, err := w.x.wChild()
		if !ok || err != nil {
			return err
		}
		switch {
		case local == "sdtPr":
			err = w.eachProp(sdtPrRead, func(local string) {
				placeholder = placeholder || (local == "showingPlcHdr" && w.x.onOff())
			})
		case local == "sdtContent" && !placeholder:
			err = w.children(c)
		default:
			err = w.x.skip()
		}
		if err != nil {
			return err
		}
	}
}

// eachProp calls f with the local name of every WordprocessingML child of
// the properties element (w:rPr, w:sdtPr …) whose start was just read that
// has one of the local names, while the child's attributes can be asked
// for, and skips its content.
func (w *docxWalker) eachProp(locals []string, f func(local string)) error {
	for {
		local, ok, err := w.x.wChildOf(locals)
		if !ok || err != nil {
			return err
		}
		f(local)
		if err := w.x.skip(); err != nil {
			return err
		}
	}
}

// text reads a w:t.
func (w *docxWalker) text(c docxCtx) error {
	for {
		k, err := w.x.next()
		if err != nil {
			return eofIsTruncation(err)
		}
		switch k {
		case xmltok.CharData:
			if w.takesText(c) {
				w.addText()
			}
		case xmltok.StartElement:
			if err := w.x.skip(); err != nil {
				return err
			}
		case xmltok.EndElement:
			return nil
		}
	}
}

// takesText reports whether text read in c goes into the paragraph: not
// outside one, in a hidden run or in a field's instruction.
func (w *docxWalker) takesText(c docxCtx) bool {
	return c.para != nil && !(c.run && w.hidden) && w.instr == 0
}

// add appends text to the paragraph, unless it is hidden or a field's
// instruction.
func (w *docxWalker) add(c docxCtx, s string) {
	if w.takesText(c) {
		w.buf = append(w.buf, s...)
	}
}

// addText appends the character data just read to the paragraph, which
// takes text. Line ends in w:t are spaces, as Word shows them: "\r\n",
// "\r" and "\n" each become one (as lineEnds did, in the reference).
func (w *docxWalker) addText() {
	start := len(w.buf)
	w.buf = w.x.dec.AppendData(w.buf)
	text := w.buf[start:]
	if bytes.IndexByte(text, '\n') < 0 && bytes.IndexByte(text, '\r') < 0 {
		return
	}
	j := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\r' || c == '\n' {
			if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			c = ' '
		}
		text[j] = c
		j++
	}
	w.buf = w.buf[:start+j]
}

// paraProps reads a w:pPr: its list numbering gives the paragraph's label.
func (w *docxWalker) paraProps(p *docxPara) error {
	var style, numID, ilvl string
	for {
		local, ok, err := w.x.wChildOf(pPrRead)
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		switch local {
		case "pStyle":
			style, _ = w.x.attr("val")
			err = w.x.skip()
		case "numPr":
			numID, ilvl, err = readNumPr(w.x)
		default:
			err = w.x.skip()
		}
		if err != nil {
			return err
		}
	}
	p.label = w.num.label(style, numID, ilvl)
	return nil
}

// The children of properties that are read; the others are skipped.
var (
	pPrRead   = []string{"pStyle", "numPr"}
	rPrRead   = []string{"vanish"}
	trPrRead  = []string{"gridBefore"}
	tcPrRead  = []string{"gridSpan", "vMerge", "hMerge"}
	sdtPrRead = []string{"showingPlcHdr"}
)

// runProps reads a w:rPr: whether the run is hidden.
func (w *docxWalker) runProps() error {
	return w.eachProp(rPrRead, func(local string) {
		if local == "vanish" {
			w.hidden = w.x.onOff()
		}
	})
}

// rowProps reads a w:trPr: the grid columns left empty before its cells.
func (w *docxWalker) rowProps(row *docxRow) error {
	return w.eachProp(trPrRead, func(local string) {
		if local == "gridBefore" {
			row.before = w.x.intAttr("val", 0)
		}
	})
}

// cellProps reads a w:tcPr: the cell's spans.
func (w *docxWalker) cellProps(cell *docxCell) error {
	return w.eachProp(tcPrRead, func(local string) {
		switch local {
		case "gridSpan":
			cell.span = w.x.intAttr("val", 1)
		case "vMerge":
			cell.vMerge = vMergeContinue
			if v, _ := w.x.attr("val"); v == "restart" {
				cell.vMerge = vMergeRestart
			}
		case "hMerge":
			v, _ := w.x.attr("val")
			cell.hMerge = v != "restart"
		}
	})
}

// docxEmitter turns items into block candidates.
type docxEmitter struct {
	cands []document.Candidate
	cells int // grid positions made so far
}

func (e *docxEmitter) items(items []docxItem, maxCells int) error {
	for _, it := range items {
		if it.para != nil {
			e.para(it.para)
			if err := e.items(it.para.after, maxCells); err != nil {
				return err
			}
			continue
		}
		if err := e.table(it.table, maxCells); err != nil {
			return err
		}
	}
	return nil
}

// para adds a paragraph's lines, read with the noise rules of page text.
func (e *docxEmitter) para(p *docxPara) {
	text := p.text
	if strings.TrimSpace(text) != "" && p.label != "" {
		text = p.label + text
	}
	for seg := range strings.SplitSeq(text, string(docxBreak)) {
		s := strings.TrimSpace(document.NormalizeSpaces(seg))
		if s == "" {
			continue
		}
		s, kind := document.ClassifyLine(s)
		e.cands = append(e.cands, document.Candidate{Block: document.Block{Line: p.line, Text: s}, Kind: kind})
	}
}

// table adds a table as a Grid, or, when it is a frame (one column, or a
// table inside), its content in order.
func (e *docxEmitter) table(t *docxTable, maxCells int) error {
	if !hasInnerTable(t) {
		g, line, err := e.grid(t, maxCells)
		if err != nil {
			return err
		}
		if len(g.Rows) == 0 {
			return nil
		}
		if len(g.Rows[0]) >= 2 {
			e.cands = append(e.cands, document.Candidate{Block: document.Block{Line: line, Table: g}})
			return nil
		}
	}
	for _, r := range t.rows {
		for _, c := range r.cells {
			if err := e.items(c.items, maxCells); err != nil {
				return err
			}
		}
	}
	return nil
}

func hasInnerTable(t *docxTable) bool {
	for _, r := range t.rows {
		for _, c := range r.cells {
			if itemsHaveTable(c.items) {
				return true
			}
		}
	}
	return false
}

func itemsHaveTable(items []docxItem) bool {
	for _, it := range items {
		if it.table != nil || (it.para != nil && itemsHaveTable(it.para.after)) {
			return true
		}
	}
	return false
}

// grid expands the table's spans like buildGrid does for HTML: a cell
// spanning columns (w:gridSpan) fills them all; a cell continuing a
// vertical merge (w:vMerge) or a horizontal one (w:hMerge) repeats the cell
// it continues. It also returns the line of the first paragraph with text.
func (e *docxEmitter) grid(t *docxTable, maxCells int) (*document.Grid, int, error) {
	rows := make([][]document.GridCell, len(t.rows))
	spanned := make([]bool, len(t.rows))
	line, width := 0, 0
	for ri, r := range t.rows {
		col := min(max(r.before, 0), document.MaxGridCols)
		for _, c := range r.cells {
			if col >= document.MaxGridCols {
				break
			}
			cs := min(max(c.span, 1), document.MaxColspan, document.MaxGridCols-col)
			var above *document.GridCell
			switch {
			case c.vMerge == vMergeContinue && ri > 0 && col < len(rows[ri-1]) && rows[ri-1][col].OrigRow >= 0:
				above = &rows[ri-1][col]
			case c.hMerge && col > 0 && col <= len(rows[ri]) && rows[ri][col-1].OrigRow >= 0:
				above = &rows[ri][col-1]
			}
			if above != nil {
				cell := *above
				spanned[cell.OrigRow] = spanned[cell.OrigRow] || cell.OrigRow != ri
				document.PlaceCell(&rows[ri], col, cs, cell)
			} else {
				text, l := cellText(c.items)
				if line == 0 {
					line = l
				}
				document.PlaceCell(&rows[ri], col, cs, document.GridCell{Text: text, OrigRow: ri, OrigCol: col})
			}
			col += cs
		}
		width = max(width, len(rows[ri]))
		if e.cells+width*(ri+1) > maxCells {
			return nil, 0, errDocxTooWide
		}
	}
	e.cells += width * len(rows)
	if line == 0 && len(t.rows) > 0 {
		line = firstLine(t)
	}
	return &document.Grid{Rows: document.DropEmptyRows(document.PadRows(rows), spanned)}, line, nil
}

// cellText is a cell's text folded like an HTML cell's: paragraphs and line
// breaks are hard spaces (NUL for foldSpace), tabs spaces. It also returns
// the line of the cell's first paragraph with text, 0 when it has none.
func cellText(items []docxItem) (string, int) {
	var b strings.Builder
	line := 0
	var walk func([]docxItem)
	walk = func(items []docxItem) {
		for _, it := range items {
			if it.para == nil {
				continue
			}
			p := it.para
			text := p.text
			if strings.TrimSpace(text) != "" {
				if line == 0 {
					line = p.line
				}
				b.WriteByte(0)
				b.WriteString(p.label)
				b.WriteString(strings.ReplaceAll(text, string(docxBreak), "\x00"))
			}
			walk(p.after)
		}
	}
	walk(items)
	return document.FoldSpace(b.String()), line
}

// firstLine is the line of a table's first paragraph.
func firstLine(t *docxTable) int {
	for _, r := range t.rows {
		for _, c := range r.cells {
			for _, it := range c.items {
				if it.para != nil {
					return it.para.line
				}
			}
		}
	}
	return 0
}

// readCoreTitle reads dc:title of docProps/core.xml.
func readCoreTitle(x *docxXML) (string, error) {
	for {
		k, err := x.next()
		if err == io.EOF {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		if k != xmltok.StartElement {
			continue
		}
		if n := x.name(); n.Local != "title" || (n.Space != nsDC && n.Space != "dc") {
			continue
		}
		var b strings.Builder
		for {
			k, err := x.next()
			if err != nil {
				return "", eofIsTruncation(err)
			}
			switch k {
			case xmltok.CharData:
				if b.Len() < 4096 {
					b.Write(x.dec.Data())
				}
			case xmltok.StartElement:
				if err := x.skip(); err != nil {
					return "", err
				}
			case xmltok.EndElement:
				if !utf8.ValidString(b.String()) {
					return "", nil
				}
				return b.String(), nil
			}
		}
	}
}

// docxNumbering numbers list paragraphs as Word shows them: a counter per
// list and level, deeper levels restarting when a level advances.
type docxNumbering struct {
	abstract map[string]*docxAbstractNum // by w:abstractNumId
	nums     map[string]*docxNum         // by w:numId
	styles   map[string]docxStyle        // paragraph styles, by w:styleId
	// styleNums is what styleNumbering found for a style (numID, ilvl).
	styleNums map[string]docxStyle
}

type docxAbstractNum struct {
	levels   [9]docxLevel
	byStyle  map[string]int // w:lvl/w:pStyle: the level a style's paragraphs take
	counters [9]int
	started  [9]bool
}

type docxLevel struct {
	start int
	fmt   string // w:numFmt
	text  string // w:lvlText, "%1、"
	suff  string // w:suff: tab (default), space, nothing
}

type docxNum struct {
	abstract  string
	overrides map[int]int // w:lvlOverride/w:startOverride
	used      bool
}

type docxStyle struct {
	basedOn, numID, ilvl string
}

// maxListNumber bounds the numbers formatted, maxListText the w:lvlText
// used; more is a crafted file, not a list (and a long label on every
// paragraph would multiply the document's size).
const (
	maxListNumber = 99999
	maxListText   = 64
)

// label returns the list number of a paragraph with the given style and
// direct numbering, "" for none, and advances the list's counter.
func (n *docxNumbering) label(style, numID, ilvl string) string {
	if numID == "" || ilvl == "" {
		sid, slvl := n.styleNumbering(style)
		if numID == "" {
			numID = sid
		}
		if ilvl == "" {
			ilvl = slvl
		}
	}
	num := n.nums[numID]
	if num == nil {
		return "" // also w:numId 0, which turns numbering off
	}
	a := n.abstract[num.abstract]
	if a == nil {
		return ""
	}
	lvl, err := strconv.Atoi(ilvl)
	if ilvl == "" {
		lvl, err = a.byStyle[style], nil
	}
	if err != nil || lvl < 0 || lvl >= len(a.levels) {
		return ""
	}
	if !num.used {
		num.used = true
		for l, v := range num.overrides {
			a.counters[l], a.started[l] = v-1, true
		}
	}
	if !a.started[lvl] {
		a.counters[lvl], a.started[lvl] = a.levels[lvl].start-1, true
	}
	a.counters[lvl] = min(a.counters[lvl]+1, maxListNumber)
	for l := lvl + 1; l < len(a.levels); l++ {
		a.started[l] = false
	}
	own := a.levels[lvl]
	if own.fmt == "bullet" || own.fmt == "none" || own.text == "" {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(own.text); i++ {
		c := own.text[i]
		if c == '%' && i+1 < len(own.text) && own.text[i+1] >= '1' && own.text[i+1] <= '9' {
			l := int(own.text[i+1] - '1')
			v := a.levels[l].start
			if a.started[l] {
				v = a.counters[l]
			}
			b.WriteString(listNumber(v, a.levels[l].fmt))
			i++
			continue
		}
		b.WriteByte(c)
	}
	s := b.String()
	if last, _ := utf8.DecodeLastRuneInString(s); own.suff != "nothing" && !zh.IsWide(last) {
		s += " "
	}
	return s
}

// styleNumbering follows a paragraph style and the styles it is based on
// to the first that numbers its paragraphs. The styles do not change once
// read, so what it finds is kept: most paragraphs ask again for one of a
// few styles, and following the chain took a map look-up a step.
func (n *docxNumbering) styleNumbering(style string) (numID, ilvl string) {
	if len(n.styles) == 0 {
		return "", ""
	}
	if r, ok := n.styleNums[style]; ok {
		return r.numID, r.ilvl
	}
	numID, ilvl = n.followStyles(style)
	if len(n.styleNums) < maxStyleNums {
		if n.styleNums == nil {
			n.styleNums = map[string]docxStyle{}
		}
		n.styleNums[style] = docxStyle{numID: numID, ilvl: ilvl}
	}
	return numID, ilvl
}

// maxStyleNums bounds the styles whose numbering is kept (a crafted file
// may name a new one on every paragraph).
const maxStyleNums = 1024

// followStyles is styleNumbering without keeping what it finds.
func (n *docxNumbering) followStyles(style string) (numID, ilvl string) {
	for range 16 {
		s, ok := n.styles[style]
		if !ok {
			break
		}
		if numID == "" {
			numID = s.numID
		}
		if ilvl == "" {
			ilvl = s.ilvl
		}
		if numID != "" && ilvl != "" {
			break
		}
		style = s.basedOn
	}
	return numID, ilvl
}

// listNumber formats a counter in a w:numFmt.
func listNumber(v int, format string) string {
	if v < 0 {
		v = 0
	}
	switch format {
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
		"chineseLegalSimplified", "ideographLegalTraditional", "taiwaneseCountingThousand":
		if v >= 1 {
			return chineseNumber(v)
		}
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		var b strings.Builder
		for _, d := range strconv.Itoa(v) {
			b.WriteRune([]rune("〇一二三四五六七八九")[d-'0'])
		}
		return b.String()
	case "ideographTraditional":
		if v >= 1 && v <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[v-1])
		}
	case "ideographZodiac":
		if v >= 1 && v <= 12 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[v-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if v >= 1 && v <= 20 {
			return string(rune(0x2460 + v - 1))
		}
	case "decimalEnclosedParen":
		if v >= 1 && v <= 20 {
			return string(rune(0x2474 + v - 1))
		}
	case "decimalEnclosedFullstop":
		if v >= 1 && v <= 20 {
			return string(rune(0x2488 + v - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, d := range strconv.Itoa(v) {
			b.WriteRune(d - '0' + '０')
		}
		return b.String()
	case "decimalZero":
		if v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case "lowerLetter", "upperLetter":
		if v >= 1 && v <= 26*3 { // a … z, aa … zz, aaa … zzz
			base := 'a'
			if format == "upperLetter" {
				base = 'A'
			}
			return strings.Repeat(string(base+rune((v-1)%26)), (v-1)/26+1)
		}
	case "lowerRoman", "upperRoman":
		if v >= 1 && v < 4000 {
			r := romanNumber(v)
			if format == "lowerRoman" {
				r = strings.ToLower(r)
			}
			return r
		}
	}
	return strconv.Itoa(v)
}

// chineseNumber writes 1 ≤ v ≤ 99999 as Chinese numerals: 一, 十, 十一,
// 二十三, 一百零五.
func chineseNumber(v int) string {
	digits := []rune("零一二三四五六七八九")
	units := []string{"", "十", "百", "千", "万"}
	s := strconv.Itoa(v)
	var b strings.Builder
	zero := false
	for i, c := range s {
		d, pos := int(c-'0'), len(s)-1-i
		if d == 0 {
			zero = true
			continue
		}
		if zero {
			b.WriteRune(digits[0])
			zero = false
		}
		if !(d == 1 && pos == 1 && i == 0) { // 十一, not 一十一
			b.WriteRune(digits[d])
		}
		b.WriteString(units[pos])
	}
	return b.String()
}

func romanNumber(v int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}

// The children of the numbering and styles parts' elements that are
// read; the others are skipped.
var (
	numberingRead   = []string{"abstractNum", "num"}
	abstractNumRead = []string{"lvl"}
	lvlRead         = []string{"start", "numFmt", "lvlText", "suff", "pStyle"}
	numRead         = []string{"abstractNumId", "lvlOverride"}
	lvlOverrideRead = []string{"startOverride"}
	stylesRead      = []string{"style"}
	styleRead       = []string{"basedOn", "pPr"}
	numPrParentRead = []string{"numPr"}
	numPrRead       = []string{"numId", "ilvl"}
)

// readNumbering reads word/numbering.xml.
func (n *docxNumbering) readNumbering(x *docxXML) error {
	n.abstract, n.nums = map[string]*docxAbstractNum{}, map[string]*docxNum{}
	return eachTopChild(x, numberingRead, func(local string) error {
		switch local {
		case "abstractNum":
			return n.readAbstractNum(x)
		case "num":
			return n.readNum(x)
		}
		return x.skip()
	})
}

// readAbstractNum reads a w:abstractNum: its levels.
func (n *docxNumbering) readAbstractNum(x *docxXML) error {
	id, _ := x.attr("abstractNumId")
	a := &docxAbstractNum{byStyle: map[string]int{}}
	for i := range a.levels {
		a.levels[i] = docxLevel{start: 1, fmt: "decimal"}
	}
	n.abstract[id] = a
	for {
		local, ok, err := x.wChildOf(abstractNumRead)
		if !ok || err != nil {
			return err
		}
		if l := x.intAttr("ilvl", -1); local == "lvl" && l >= 0 && l < len(a.levels) {
			err = readLevel(x, a, l)
		} else {
			err = x.skip()
		}
		if err != nil {
			return err
		}
	}
}

// readLevel reads the w:lvl of level l of a.
func readLevel(x *docxXML, a *docxAbstractNum, l int) error {
	lv := &a.levels[l]
	for {
		local, ok, err := x.wChildOf(lvlRead)
		if !ok || err != nil {
			return err
		}
		switch v, _ := x.attr("val"); local {
		case "start":
			lv.start = min(max(x.intAttr("val", 1), 0), maxListNumber)
		case "numFmt":
			lv.fmt = v
		case "lvlText":
			if len(v) <= maxListText {
				lv.text = v
			}
		case "suff":
			lv.suff = v
		case "pStyle":
			a.byStyle[v] = l
		}
		if err := x.skip(); err != nil {
			return err
		}
	}
}

// readNum reads a w:num: its abstract numbering and overrides.
func (n *docxNumbering) readNum(x *docxXML) error {
	id, _ := x.attr("numId")
	num := &docxNum{overrides: map[int]int{}}
	n.nums[id] = num
	for {
		local, ok, err := x.wChildOf(numRead)
		if !ok || err != nil {
			return err
		}
		switch local {
		case "abstractNumId":
			num.abstract, _ = x.attr("val")
			err = x.skip()
		case "lvlOverride":
			err = readLevelOverride(x, num)
		default:
			err = x.skip()
		}
		if err != nil {
			return err
		}
	}
}

// readLevelOverride reads a w:lvlOverride of num.
func readLevelOverride(x *docxXML, num *docxNum) error {
	l := x.intAttr("ilvl", -1)
	for {
		local, ok, err := x.wChildOf(lvlOverrideRead)
		if !ok || err != nil {
			return err
		}
		if local == "startOverride" && l >= 0 && l < 9 {
			num.overrides[l] = min(max(x.intAttr("val", 1), 0), maxListNumber)
		}
		if err := x.skip(); err != nil {
			return err
		}
	}
}

// readStyles reads the numbering of the paragraph styles of word/styles.xml.
func (n *docxNumbering) readStyles(x *docxXML) error {
	n.styles = map[string]docxStyle{}
	return eachTopChild(x, stylesRead, func(local string) error {
		if local != "style" {
			return x.skip()
		}
		// The attributes go with the next token: take them first.
		id, _ := x.attr("styleId")
		typ, _ := x.attr("type")
		st, err := readStyle(x)
		if typ == "" || typ == "paragraph" {
			n.styles[id] = st
		}
		return err
	})
}

// readStyle reads the content of a w:style: what it is based on and its
// numbering. On an error it returns what it read before.
func readStyle(x *docxXML) (docxStyle, error) {
	var st docxStyle
	for {
		local, ok, err := x.wChildOf(styleRead)
		if !ok || err != nil {
			return st, err
		}
		switch local {
		case "basedOn":
			st.basedOn, _ = x.attr("val")
			err = x.skip()
		case "pPr":
			err = readStyleNumPr(x, &st)
		default:
			err = x.skip()
		}
		if err != nil {
			return st, err
		}
	}
}

// readStyleNumPr reads the w:numPr of a style's w:pPr into st.
func readStyleNumPr(x *docxXML, st *docxStyle) error {
	for {
		local, ok, err := x.wChildOf(numPrParentRead)
		if !ok || err != nil {
			return err
		}
		if local == "numPr" {
			st.numID, st.ilvl, err = readNumPr(x)
		} else {
			err = x.skip()
		}
		if err != nil {
			return err
		}
	}
}

// eachTopChild calls f with the local name of every WordprocessingML child
// of the part's root element, whose start was just read; f must consume
// it.
func eachTopChild(x *docxXML, locals []string, f func(local string) error) error {
	for {
		k, err := x.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if k != xmltok.StartElement {
			continue
		}
		for {
			local, ok, err := x.wChildOf(locals)
			if !ok || err != nil {
				return err
			}
			if err := f(local); err != nil {
				return err
			}
		}
	}
}
