package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"xxgk/format"
	"xxgk/internal/inflate"
)

// A workbook is read part by part straight from the zip, streaming the
// large parts (sheets, shared strings) and bounding every part before it is
// held in memory: a crafted file can make a part inflate a thousandfold,
// and a whole-sheet reader takes quadratic time on rows without numbers.

// Limits on the parts of a workbook, besides package ooxml's on the zip.
const (
	maxSmallPart     = 8 << 20 // workbook, relationships, properties, styles
	maxSharedStrings = 500000  // strings in the shared-string table
	maxSharedText    = 16 << 20
	// maxCellChars is Excel's own limit on the text of a cell: a workbook
	// Excel or WPS saved never has more.
	maxCellChars = 32767
	maxMerges    = 100000 // merged ranges per sheet
)

// pkg is the zip package of a workbook.
type pkg struct {
	files map[string]*zip.File // by name, and by lower-case name
}

func openPackage(data []byte) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, unreadable("文件已损坏，不是完整的 xlsx 文件（可能下载或复制不完整）")
	}
	inflate.Zip(zr)
	p := &pkg{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		name := strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/")
		p.files[name] = f
		if lower := strings.ToLower(name); p.files[lower] == nil {
			p.files[lower] = f
		}
	}
	return p, nil
}

func (p *pkg) file(name string) *zip.File {
	if f := p.files[name]; f != nil {
		return f
	}
	return p.files[strings.ToLower(name)]
}

// open opens a part for streaming; a missing part is nil, nil.
func (p *pkg) open(name string) (io.ReadCloser, error) {
	f := p.file(name)
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, partError(name, err)
	}
	return rc, nil
}

// read reads a small part whole, refusing one over maxSmallPart; a missing
// part is nil, nil.
func (p *pkg) read(name string) ([]byte, error) {
	rc, err := p.open(name)
	if rc == nil || err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxSmallPart+1))
	if err != nil {
		return nil, partError(name, err)
	}
	if len(b) > maxSmallPart {
		return nil, unreadable(fmt.Sprintf("xlsx 文件的部件 %s 解压后超过 %d MB，不像是 Excel 或 WPS 保存的文件，拒绝读取", name, maxSmallPart>>20))
	}
	return b, nil
}

func unreadable(msg string) error { return fmt.Errorf("%s: %w", msg, format.ErrUnreadable) }

// partError says in Chinese what is wrong with a part.
func partError(name string, err error) error {
	var se *xml.SyntaxError
	switch {
	case errors.As(err, &se):
		return unreadable(fmt.Sprintf("文件已损坏（部件 %s 的第 %d 行不是正确的 XML，可能下载或复制不完整）", name, se.Line))
	case errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF):
		return unreadable(fmt.Sprintf("文件已损坏（部件 %s 不完整，可能下载或复制不完整）", name))
	case errors.Is(err, zip.ErrAlgorithm):
		return unreadable(fmt.Sprintf("部件 %s 使用了不支持的压缩方式，请用 Excel 或 WPS 重新保存", name))
	case errors.Is(err, format.ErrUnreadable):
		return err
	}
	return unreadable(fmt.Sprintf("文件已损坏（部件 %s 无法读取）", name))
}

// xmlTokens reads the tokens of an XML part, checking that it is well
// formed. Elements are told by their local names: parts written with a
// prefix (x:c) or in the strict name space read alike.
type xmlTokens struct {
	d    *xml.Decoder
	br   *bufio.Reader
	name string
}

func newTokens(name string, r io.Reader) *xmlTokens {
	br := bufio.NewReaderSize(r, 64<<10)
	d := xml.NewDecoder(br) // br is an io.ByteReader: the decoder adds no buffer of its own
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		// Every program writes parts in UTF-8; an ASCII label is the same.
		switch strings.ToLower(label) {
		case "us-ascii", "ascii", "utf8":
			return in, nil
		}
		return nil, fmt.Errorf("encoding %s", label)
	}
	return &xmlTokens{d: d, br: br, name: name}
}

// next returns the next token; io.EOF at the end of a complete part.
// CharData is valid until the next call.
func (x *xmlTokens) next() (xml.Token, error) {
	tok, err := x.d.Token()
	if err != nil && err != io.EOF {
		return nil, partError(x.name, err)
	}
	return tok, err
}

// text returns the character data up to the end of the element just
// started, skipping any elements inside it.
func (x *xmlTokens) text(limit int) (string, error) {
	var b strings.Builder
	for depth := 0; ; {
		tok, err := x.next()
		if err != nil {
			return "", x.eof(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		case xml.CharData:
			if depth == 0 {
				if b.Len()+len(t) > limit {
					return "", errCellTooLong
				}
				b.Write(t)
			}
		}
	}
}

// skip passes over the rest of the element just started.
func (x *xmlTokens) skip() error {
	for depth := 0; ; {
		tok, err := x.next()
		if err != nil {
			return x.eof(err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// rich returns the text of a rich-text element (a shared string <si>, an
// inline string <is>): its <t>, and the <t> of its runs <r>, without the
// phonetic guides <rPh>, as Excel shows it.
func (x *xmlTokens) rich(limit int) (string, error) {
	var b strings.Builder
	var stack []string // elements open inside the rich-text element
	for {
		tok, err := x.next()
		if err != nil {
			return "", x.eof(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
		case xml.EndElement:
			if len(stack) == 0 {
				return unescapeOOXML(b.String()), nil
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			n := len(stack)
			if n == 0 || stack[n-1] != "t" || n > 2 || n == 2 && stack[0] != "r" {
				continue
			}
			if b.Len()+len(t) > limit {
				return "", errCellTooLong
			}
			b.Write(t)
		}
	}
}

// eof turns an end of file inside an element into a damaged part.
func (x *xmlTokens) eof(err error) error {
	if err == io.EOF {
		return unreadable(fmt.Sprintf("文件已损坏（部件 %s 不完整，可能下载或复制不完整）", x.name))
	}
	return err
}

// skipTo discards input up to the start tag of the first element named
// one of locals (with any name-space prefix) and returns tokens that start
// with it, or nil when there is none. It scans bytes, not tokens: after the
// row limit a sheet's remaining rows are passed over at the speed of
// inflating them.
func (x *xmlTokens) skipTo(locals ...string) *xmlTokens {
	tag := make([]byte, 0, 64) // the bytes of a tag name since its '<'
	inTag := false
	for {
		c, err := x.br.ReadByte()
		if err != nil {
			return nil
		}
		if c == '<' {
			tag, inTag = tag[:0], true
			continue
		}
		if !inTag || len(tag) == cap(tag) {
			inTag = false
			continue
		}
		tag = append(tag, c)
		name := string(tag)
		for _, local := range locals {
			if !strings.HasSuffix(name, local) {
				continue
			}
			prefix := strings.TrimSuffix(name, local)
			if prefix == "" || strings.HasSuffix(prefix, ":") && !strings.ContainsAny(prefix[:len(prefix)-1], " \t\n/:>") {
				next, err := x.br.Peek(1)
				if err == nil && (next[0] == ' ' || next[0] == '>' || next[0] == '\t' || next[0] == '\n' || next[0] == '\r' || next[0] == '/') {
					rest := io.MultiReader(strings.NewReader("<"+name), x.br)
					return newTokens(x.name, rest)
				}
			}
		}
		if c == ' ' || c == '>' || c == '/' || c == '\n' || c == '\t' || c == '\r' {
			inTag = false
		}
	}
}

var errCellTooLong = errors.New("cell text too long")

// unescapeOOXML decodes the _xHHHH_ escapes Office writes for characters
// XML cannot hold (and _x005F_ for a literal underscore), as Excel shows
// the text.
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' && isHex(s[i+2:i+6]) {
			var r rune
			for _, c := range s[i+2 : i+6] {
				r = r*16 + hexVal(c)
			}
			b.WriteRune(r)
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func isHex(s string) bool {
	for _, c := range s {
		if hexVal(c) < 0 {
			return false
		}
	}
	return true
}

func hexVal(c rune) rune {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10
	}
	return -1
}

// attr returns the value of the attribute with the given local name.
func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// sheetRef is a sheet of the workbook: its name and its part.
type sheetRef struct {
	name, part string
}

// Parts of the package at fixed places, as Excel writes them.
const (
	workbookPart = "xl/workbook.xml"
	corePart     = "docProps/core.xml"
	customPart   = "docProps/custom.xml"
)

// workbookInfo is what workbook.xml and its relationships say: the sheets
// in order, where the shared strings and styles are, and the date system.
type workbookInfo struct {
	sheets        []sheetRef
	sharedStrings string
	styles        string
	date1904      bool
}

func (p *pkg) workbook() (*workbookInfo, error) {
	rels, err := p.relationships(workbookPart)
	if err != nil {
		return nil, err
	}
	data, err := p.read(workbookPart)
	if err != nil {
		return nil, err
	}
	wb := &workbookInfo{sharedStrings: "xl/sharedStrings.xml", styles: "xl/styles.xml"}
	for _, r := range rels {
		switch path.Base(r.typ) {
		case "sharedStrings":
			wb.sharedStrings = r.target
		case "styles":
			wb.styles = r.target
		}
	}
	x := newTokens(workbookPart, bytes.NewReader(data))
	for {
		tok, err := x.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		e, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch e.Name.Local {
		case "workbookPr":
			v, _ := attr(e, "date1904")
			wb.date1904 = v == "1" || v == "true"
		case "sheet":
			name, _ := attr(e, "name")
			id, _ := attr(e, "id") // r:id
			for _, r := range rels {
				if r.id == id {
					wb.sheets = append(wb.sheets, sheetRef{name: name, part: r.target})
					break
				}
			}
		}
	}
	return wb, nil
}

type relationship struct{ id, typ, target string }

// relationships reads the relationships of a part, their targets made
// paths in the package.
func (p *pkg) relationships(part string) ([]relationship, error) {
	dir, base := path.Split(part)
	name := dir + "_rels/" + base + ".rels"
	data, err := p.read(name)
	if err != nil || data == nil {
		return nil, err
	}
	x := newTokens(name, bytes.NewReader(data))
	var out []relationship
	for {
		tok, err := x.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Relationship" {
			id, _ := attr(e, "Id")
			typ, _ := attr(e, "Type")
			target, _ := attr(e, "Target")
			if mode, _ := attr(e, "TargetMode"); mode == "External" {
				continue
			}
			target = strings.ReplaceAll(target, `\`, "/")
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join(dir, target)
			}
			out = append(out, relationship{id, typ, target})
		}
	}
}

// title is the document title of docProps/core.xml.
func (p *pkg) title() (string, error) {
	data, err := p.read(corePart)
	if err != nil || data == nil {
		return "", err
	}
	x := newTokens(corePart, bytes.NewReader(data))
	for {
		tok, err := x.next()
		if err == io.EOF {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "title" {
			return x.text(maxSmallPart)
		}
	}
}

// customProperty is the value of a custom document property, "" when the
// workbook has none of that name.
func (p *pkg) customProperty(name string) (string, error) {
	data, err := p.read(customPart)
	if err != nil || data == nil {
		return "", err
	}
	x := newTokens(customPart, bytes.NewReader(data))
	for {
		tok, err := x.next()
		if err == io.EOF {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		e, ok := tok.(xml.StartElement)
		if !ok || e.Name.Local != "property" {
			continue
		}
		if n, _ := attr(e, "name"); n != name {
			continue
		}
		// <property name="…"><vt:lpwstr>value</vt:lpwstr></property>
		for {
			tok, err := x.next()
			if err != nil {
				return "", x.eof(err)
			}
			switch tok.(type) {
			case xml.StartElement:
				v, err := x.text(maxSmallPart)
				return strings.TrimSpace(v), err
			case xml.EndElement:
				return "", nil
			}
		}
	}
}

// sharedStrings reads the shared-string table, refusing one with more
// strings or text than any real workbook: a crafted table of millions of
// tiny strings inflates from kilobytes to gigabytes of memory.
func (p *pkg) sharedStrings(part string) ([]string, error) {
	rc, err := p.open(part)
	if rc == nil || err != nil {
		return nil, err
	}
	defer rc.Close()
	x := newTokens(part, rc)
	var out []string
	total := 0
	for {
		tok, err := x.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		e, ok := tok.(xml.StartElement)
		if !ok || e.Name.Local != "si" {
			continue
		}
		if len(out) == maxSharedStrings {
			return nil, unreadable(fmt.Sprintf("xlsx 文件的共享字符串超过 %d 个，不像是一份年度报告，拒绝读取", maxSharedStrings))
		}
		s, err := x.rich(4 * maxCellChars)
		if err != nil {
			return nil, cellError(err)
		}
		if total += len(s); total > maxSharedText {
			return nil, unreadable(fmt.Sprintf("xlsx 文件的共享字符串超过 %d MB，不像是一份年度报告，拒绝读取", maxSharedText>>20))
		}
		out = append(out, s)
	}
}

// cellError says a cell's text is longer than Excel allows.
func cellError(err error) error {
	if errors.Is(err, errCellTooLong) {
		return unreadable(fmt.Sprintf("xlsx 文件中有单元格的文字超过 Excel 的上限（%d 个字符），文件不是 Excel 或 WPS 正常保存的，拒绝读取", maxCellChars))
	}
	return err
}
