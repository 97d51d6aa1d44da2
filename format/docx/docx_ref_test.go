package docx

// The reader as it was before the walker read the token stream in loops
// and package xmltok resolved names and attributes only when asked: the
// callbacks of docxXMLRef over encoding/xml's tokens. The fuzzers and
// TestSameAsRef compare the reader with it.

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"xxgk/document"
	"xxgk/format"
	"xxgk/format/ooxml/xmltok"
)

// readWithRef is Read within the given limits (tests and the fuzzer
// use smaller ones).
func readWithRef(data []byte, lim docxLimits) (*document.Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, docxCorrupt(fmt.Sprintf("不是完整的 zip 压缩包，可能下载或复制不完整：%v", err))
	}
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
	if err := readDocxPartRef(parts, "word/numbering.xml", lim.part, lim, num.readNumberingRef); err != nil {
		num = &docxNumbering{}
	}
	if err := readDocxPartRef(parts, "word/styles.xml", lim.part, lim, num.readStylesRef); err != nil {
		num.styles = nil
	}
	var title string
	_ = readDocxPartRef(parts, "docprops/core.xml", lim.part, lim, func(x *docxXMLRef) error {
		t, err := readCoreTitleRef(x)
		title = t
		return err
	})

	w := &docxWalkerRef{num: num}
	var items []docxItem
	err = readDocxPartRef(parts, main, lim.document, lim, func(x *docxXMLRef) error {
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

// readDocxPartRef decodes one part of the package with read, within the
// limits. A missing part is errDocxNotFound.
func readDocxPartRef(parts map[string]*zip.File, name string, max int64, lim docxLimits, read func(*docxXMLRef) error) error {
	f := parts[name]
	if f == nil {
		return errDocxNotFound
	}
	if f.UncompressedSize64 > uint64(max) {
		return errDocxTooBig
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return read(&docxXMLRef{old: xml.NewDecoder(&cappedReader{r: rc, left: max}), lim: lim})
}

// refToken is a token of encoding/xml as the reader took it.
type refToken struct {
	Kind xmltok.Kind
	Name xml.Name
	Attr []xml.Attr
	Data []byte
}

func (t refToken) Start() xml.StartElement { return xml.StartElement{Name: t.Name, Attr: t.Attr} }

// docxXMLRef is a token stream that enforces the depth and element limits.
type docxXMLRef struct {
	old   *xml.Decoder
	lim   docxLimits
	depth int
	elems int
}

// token reads the next token into t, which is valid until the next call
// (the caller's, so that it lives on its stack). The end of input inside
// an element is a syntax error of encoding/xml (the file was cut), so
// io.EOF means the whole part was read.
func (x *docxXMLRef) token(t *refToken) error {
	if err := oldTokenRef(x.old, t); err != nil {
		return err
	}
	switch t.Kind {
	case xmltok.StartElement:
		x.depth++
		x.elems++
		if x.depth > x.lim.depth {
			return errDocxTooDeep
		}
		if x.elems > x.lim.elements {
			return errDocxTooMany
		}
	case xmltok.EndElement:
		x.depth--
	}
	return nil
}

// oldTokenRef reads the next token of encoding/xml into t (an empty one for
// comments, processing instructions and directives).
func oldTokenRef(dec *xml.Decoder, t *refToken) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok := tok.(type) {
	case xml.StartElement:
		*t = refToken{Kind: xmltok.StartElement, Name: tok.Name, Attr: tok.Attr}
	case xml.EndElement:
		*t = refToken{Kind: xmltok.EndElement, Name: tok.Name}
	case xml.CharData:
		*t = refToken{Kind: xmltok.CharData, Data: tok}
	default:
		*t = refToken{}
	}
	return nil
}

// skip consumes the rest of the element whose start was just read.
func (x *docxXMLRef) skip() error {
	for depth := 1; depth > 0; {
		var t refToken
		err := x.token(&t)
		if err != nil {
			return eofIsTruncation(err)
		}
		switch t.Kind {
		case xmltok.StartElement:
			depth++
		case xmltok.EndElement:
			depth--
		}
	}
	return nil
}

// eachChild calls f with the start of every child element of the element
// whose start was just read, until its end; f must consume the child. The
// start's Attr is valid only until f reads on (xmltok reuses it).
func (x *docxXMLRef) eachChild(f func(xml.StartElement) error) error {
	for {
		var t refToken
		err := x.token(&t)
		if err != nil {
			return eofIsTruncation(err)
		}
		switch t.Kind {
		case xmltok.StartElement:
			if err := f(t.Start()); err != nil {
				return err
			}
		case xmltok.EndElement:
			return nil
		}
	}
}

// eachW calls f with the local name and start of every WordprocessingML
// child, skipping the others; f must consume the child.
func (x *docxXMLRef) eachW(f func(local string, se xml.StartElement) error) error {
	return x.eachChild(func(se xml.StartElement) error {
		if !isW(se.Name) {
			return x.skip()
		}
		return f(se.Name.Local, se)
	})
}

// eachProp calls f with every WordprocessingML child of a properties
// element (w:rPr, w:tcPr, w:numPr …), whose content it skips.
func (x *docxXMLRef) eachProp(f func(local string, se xml.StartElement)) error {
	return x.eachW(func(local string, se xml.StartElement) error {
		f(local, se)
		return x.skip()
	})
}

// readNumPrRef reads a w:numPr.
func readNumPrRef(x *docxXMLRef) (numID, ilvl string, err error) {
	err = x.eachProp(func(local string, se xml.StartElement) {
		switch local {
		case "numId":
			numID, _ = attrRef(se, "val")
		case "ilvl":
			ilvl, _ = attrRef(se, "val")
		}
	})
	return numID, ilvl, err
}

// attr returns the value of the attribute with the local name (w:val and
// the like; the namespace is not checked).
func attrRef(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// onOff reads a WordprocessingML toggle (<w:vanish/>, w:val="false").
func onOffRef(se xml.StartElement) bool {
	v, ok := attrRef(se, "val")
	return !ok || (v != "0" && v != "false" && v != "off")
}

// intAttr reads a number attribute (w:val, w:ilvl) by its local name, def
// when absent or unreadable.
func intAttrRef(se xml.StartElement, local string, def int) int {
	v, _ := attrRef(se, local)
	if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
		return n
	}
	return def
}

// docxWalkerRef reads word/document.xml into items.
type docxWalkerRef struct {
	x     *docxXMLRef
	num   *docxNumbering
	paras int
	// fields is the stack of open complex fields (w:fldChar begin … end);
	// an entry is true while the field's instruction is being read, and
	// instr counts those entries.
	fields []bool
	instr  int
}

// document reads the part up to its end.
func (w *docxWalkerRef) document(items *[]docxItem) error {
	for {
		var t refToken
		err := w.x.token(&t)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if t.Kind == xmltok.StartElement {
			if err := w.element(t.Start(), docxCtxRef{sink: items}); err != nil {
				return err
			}
		}
	}
}

// docxCtxRef says where the content being read goes.
type docxCtxRef struct {
	sink *[]docxItem      // the items of the container (body, cell, text box)
	para *docxPara        // the paragraph being read
	text *strings.Builder // its text
	run  *docxRunRef      // the run being read
	tbl  *docxTable       // the table whose rows are being read
	row  *docxRow         // the row whose cells are being read
	cell *docxCell        // the cell whose properties may follow
}

type docxRunRef struct {
	hidden bool
}

// emit adds an item where it belongs: after the paragraph it sits in (a
// text box), or to the container.
func (c docxCtxRef) emit(it docxItem) {
	if c.para != nil {
		c.para.after = append(c.para.after, it)
		return
	}
	*c.sink = append(*c.sink, it)
}

func (w *docxWalkerRef) children(c docxCtxRef) error {
	return w.x.eachChild(func(se xml.StartElement) error { return w.element(se, c) })
}

// docxSkippedRef are elements whose content is not the document's text:
// deletions, field instructions, properties, ruby guides.
var docxSkippedRef = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "instrText": true, "delInstrText": true,
	"sectPr": true, "tblPr": true, "tblPrEx": true, "tblGrid": true, "rPrChange": true, "pPrChange": true,
	"rt": true, "fldData": true, "sdtPr": true, "sdtEndPr": true, "customXmlPr": true, "smartTagPr": true,
	"footnotePr": true, "endnotePr": true, "sym": true,
}

// element reads one element, whose start was just read, and its content.
func (w *docxWalkerRef) element(se xml.StartElement, c docxCtxRef) error {
	if isMC(se.Name) {
		if se.Name.Local == "AlternateContent" {
			return w.alternate(c)
		}
		return w.x.skip()
	}
	if !isW(se.Name) {
		return w.children(c) // drawings, VML shapes: text boxes lie inside
	}
	local := se.Name.Local
	if docxSkippedRef[local] {
		return w.x.skip()
	}
	switch local {
	case "p":
		w.paras++
		p := &docxPara{line: w.paras}
		var text strings.Builder
		err := w.children(docxCtxRef{sink: c.sink, para: p, text: &text})
		p.text = text.String()
		if err != nil {
			return err
		}
		c.emit(docxItem{para: p})
		return nil
	case "pPr":
		if c.para == nil {
			return w.x.skip()
		}
		return w.paraProps(c.para)
	case "r":
		c.run = &docxRunRef{}
		return w.children(c)
	case "rPr":
		if c.run == nil {
			return w.x.skip()
		}
		return w.x.eachProp(func(local string, se xml.StartElement) {
			if local == "vanish" {
				c.run.hidden = onOffRef(se)
			}
		})
	case "t":
		return w.text(c)
	case "tab", "ptab":
		w.add(c, "\t")
		return w.x.skip()
	case "br", "cr":
		w.add(c, string(docxBreak))
		return w.x.skip()
	case "noBreakHyphen":
		w.add(c, "-")
		return w.x.skip()
	case "fldChar":
		switch v, _ := attrRef(se, "fldCharType"); v {
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
	case "tbl":
		t := &docxTable{}
		return w.item(c, docxCtxRef{sink: c.sink, tbl: t}, docxItem{table: t})
	case "tr":
		if c.tbl == nil {
			return w.children(c)
		}
		r := &docxRow{}
		c.tbl.rows = append(c.tbl.rows, r)
		return w.children(docxCtxRef{sink: c.sink, row: r})
	case "trPr":
		if c.row == nil {
			return w.x.skip()
		}
		return w.x.eachProp(func(local string, se xml.StartElement) {
			if local == "gridBefore" {
				c.row.before = intAttrRef(se, "val", 0)
			}
		})
	case "tc":
		if c.row == nil {
			return w.children(c)
		}
		cell := &docxCell{span: 1}
		c.row.cells = append(c.row.cells, cell)
		return w.children(docxCtxRef{sink: &cell.items, cell: cell})
	case "tcPr":
		if c.cell == nil {
			return w.x.skip()
		}
		return w.cellProps(c.cell)
	case "txbxContent":
		var items []docxItem
		if err := w.children(docxCtxRef{sink: &items}); err != nil {
			return err
		}
		for _, it := range items {
			c.emit(it)
		}
		return nil
	case "sdt":
		return w.contentControl(c)
	}
	return w.children(c) // body, hyperlinks, insertions, simple fields, smart tags …
}

// item reads the content of a paragraph or table in its own context, then
// emits it.
func (w *docxWalkerRef) item(c, inner docxCtxRef, it docxItem) error {
	if err := w.children(inner); err != nil {
		return err
	}
	c.emit(it)
	return nil
}

// alternate reads the first mc:Choice of an mc:AlternateContent, or its
// mc:Fallback when it has no Choice: both hold the same content.
func (w *docxWalkerRef) alternate(c docxCtxRef) error {
	taken := false
	return w.x.eachChild(func(se xml.StartElement) error {
		if taken || !isMC(se.Name) || (se.Name.Local != "Choice" && se.Name.Local != "Fallback") {
			return w.x.skip()
		}
		taken = true
		return w.children(c)
	})
}

// contentControl reads a w:sdt's content, unless it shows its placeholder.
func (w *docxWalkerRef) contentControl(c docxCtxRef) error {
	placeholder := false
	return w.x.eachW(func(local string, se xml.StartElement) error {
		switch local {
		case "sdtPr":
			return w.x.eachProp(func(local string, se xml.StartElement) {
				placeholder = placeholder || (local == "showingPlcHdr" && onOffRef(se))
			})
		case "sdtContent":
			if placeholder {
				return w.x.skip()
			}
			return w.children(c)
		}
		return w.x.skip()
	})
}

// text reads a w:t.
func (w *docxWalkerRef) text(c docxCtxRef) error {
	for {
		var t refToken
		err := w.x.token(&t)
		if err != nil {
			return eofIsTruncation(err)
		}
		switch t.Kind {
		case xmltok.CharData:
			w.addText(c, t.Data)
		case xmltok.StartElement:
			if err := w.x.skip(); err != nil {
				return err
			}
		case xmltok.EndElement:
			return nil
		}
	}
}

// add appends text to the paragraph, unless it is hidden or a field's
// instruction. Line ends in w:t are spaces, as Word shows them.
func (w *docxWalkerRef) add(c docxCtxRef, s string) {
	if c.para == nil || (c.run != nil && c.run.hidden) || w.instr > 0 {
		return
	}
	if strings.ContainsAny(s, "\r\n") {
		s = lineEnds.Replace(s)
	}
	c.text.WriteString(s)
}

// addText is add for character data, without a string made of it.
func (w *docxWalkerRef) addText(c docxCtxRef, data []byte) {
	if bytes.ContainsAny(data, "\r\n") {
		w.add(c, string(data))
		return
	}
	if c.para == nil || (c.run != nil && c.run.hidden) || w.instr > 0 {
		return
	}
	c.text.Write(data)
}

// paraProps reads a w:pPr: its list numbering gives the paragraph's label.
func (w *docxWalkerRef) paraProps(p *docxPara) error {
	var style, numID, ilvl string
	err := w.x.eachW(func(local string, se xml.StartElement) error {
		switch local {
		case "pStyle":
			style, _ = attrRef(se, "val")
		case "numPr":
			var err error
			numID, ilvl, err = readNumPrRef(w.x)
			return err
		}
		return w.x.skip()
	})
	if err != nil {
		return err
	}
	p.label = w.num.label(style, numID, ilvl)
	return nil
}

// cellProps reads a w:tcPr: the cell's spans.
func (w *docxWalkerRef) cellProps(cell *docxCell) error {
	return w.x.eachProp(func(local string, se xml.StartElement) {
		switch local {
		case "gridSpan":
			cell.span = intAttrRef(se, "val", 1)
		case "vMerge":
			cell.vMerge = vMergeContinue
			if v, _ := attrRef(se, "val"); v == "restart" {
				cell.vMerge = vMergeRestart
			}
		case "hMerge":
			v, _ := attrRef(se, "val")
			cell.hMerge = v != "restart"
		}
	})
}

var lineEnds = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")

// readCoreTitleRef reads dc:title of docProps/core.xml.
func readCoreTitleRef(x *docxXMLRef) (string, error) {
	for {
		var t refToken
		err := x.token(&t)
		if err == io.EOF {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		if t.Kind != xmltok.StartElement || t.Name.Local != "title" || (t.Name.Space != nsDC && t.Name.Space != "dc") {
			continue
		}
		var b strings.Builder
		for {
			var t refToken
			err := x.token(&t)
			if err != nil {
				return "", eofIsTruncation(err)
			}
			switch t.Kind {
			case xmltok.CharData:
				if b.Len() < 4096 {
					b.Write(t.Data)
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

// readNumberingRef reads word/numbering.xml.
func (n *docxNumbering) readNumberingRef(x *docxXMLRef) error {
	n.abstract, n.nums = map[string]*docxAbstractNum{}, map[string]*docxNum{}
	return eachTopChildRef(x, func(local string, se xml.StartElement) error {
		switch local {
		case "abstractNum":
			id, _ := attrRef(se, "abstractNumId")
			a := &docxAbstractNum{byStyle: map[string]int{}}
			for i := range a.levels {
				a.levels[i] = docxLevel{start: 1, fmt: "decimal"}
			}
			n.abstract[id] = a
			return x.eachW(func(local string, se xml.StartElement) error {
				l := intAttrRef(se, "ilvl", -1)
				if local != "lvl" || l < 0 || l >= len(a.levels) {
					return x.skip()
				}
				lv := &a.levels[l]
				return x.eachProp(func(local string, se xml.StartElement) {
					switch v, _ := attrRef(se, "val"); local {
					case "start":
						lv.start = min(max(intAttrRef(se, "val", 1), 0), maxListNumber)
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
				})
			})
		case "num":
			id, _ := attrRef(se, "numId")
			num := &docxNum{overrides: map[int]int{}}
			n.nums[id] = num
			return x.eachW(func(local string, se xml.StartElement) error {
				switch local {
				case "abstractNumId":
					num.abstract, _ = attrRef(se, "val")
				case "lvlOverride":
					l := intAttrRef(se, "ilvl", -1)
					return x.eachProp(func(local string, se xml.StartElement) {
						if local == "startOverride" && l >= 0 && l < 9 {
							num.overrides[l] = min(max(intAttrRef(se, "val", 1), 0), maxListNumber)
						}
					})
				}
				return x.skip()
			})
		}
		return x.skip()
	})
}

// readStylesRef reads the numbering of the paragraph styles of word/styles.xml.
func (n *docxNumbering) readStylesRef(x *docxXMLRef) error {
	n.styles = map[string]docxStyle{}
	return eachTopChildRef(x, func(local string, se xml.StartElement) error {
		if local != "style" {
			return x.skip()
		}
		// The attributes go with the next token: take them first.
		id, _ := attrRef(se, "styleId")
		typ, _ := attrRef(se, "type")
		var st docxStyle
		err := x.eachW(func(local string, se xml.StartElement) error {
			switch local {
			case "basedOn":
				st.basedOn, _ = attrRef(se, "val")
			case "pPr":
				return x.eachW(func(local string, se xml.StartElement) error {
					if local != "numPr" {
						return x.skip()
					}
					var err error
					st.numID, st.ilvl, err = readNumPrRef(x)
					return err
				})
			}
			return x.skip()
		})
		if typ == "" || typ == "paragraph" {
			n.styles[id] = st
		}
		return err
	})
}

// eachTopChildRef calls f with every WordprocessingML child of the part's
// root element.
func eachTopChildRef(x *docxXMLRef, f func(local string, se xml.StartElement) error) error {
	for {
		var t refToken
		err := x.token(&t)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if t.Kind == xmltok.StartElement {
			return x.eachW(f)
		}
	}
}
