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
	"xxgk/format/ooxml/xmltok"
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

// maxHeldPart bounds a sheet or shared-string part held whole in memory
// to be read (xmlTokens); a larger one is streamed. Memory stays bounded:
// the part's declared size is checked before it is read, archive/zip (and
// inflate.ZipFile) refuse an entry that inflates beyond its declared size,
// and parts are held one at a time, the shared strings before the sheets.
// Every real sheet is far below it.
const maxHeldPart = 16 << 20

// tokens returns the tokens of a part that may be large (a sheet, the
// shared strings); a missing part is nil, nil. Its caller closes it.
func (p *pkg) tokens(name string) (*xmlTokens, error) {
	f := p.file(name)
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > maxHeldPart {
		rc, err := f.Open()
		if err != nil {
			return nil, partError(name, err)
		}
		x := streamTokens(name, rc)
		x.rc = rc
		return x, nil
	}
	if src, ok := inflate.ZipFileString(f, maxHeldPart); ok {
		return newTokens(name, src, nil), nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, partError(name, err)
	}
	defer rc.Close()
	src, err := xmltok.ReadPart(rc, int64(f.UncompressedSize64), streamBuffer) // at most maxHeldPart, as checked above
	return newTokens(name, src, err), nil
}

// read reads a small part whole, refusing one over maxSmallPart; found is
// false for a missing part.
func (p *pkg) read(name string) (data string, found bool, err error) {
	f := p.file(name)
	if f == nil {
		return "", false, nil
	}
	if src, ok := inflate.ZipFileString(f, maxSmallPart); ok {
		return src, true, nil
	}
	rc, err := f.Open()
	if err != nil {
		return "", false, partError(name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxSmallPart+1))
	if err != nil {
		return "", false, partError(name, err)
	}
	if len(b) > maxSmallPart {
		return "", false, unreadable(fmt.Sprintf("xlsx 文件的部件 %s 解压后超过 %d MB，不像是 Excel 或 WPS 保存的文件，拒绝读取", name, maxSmallPart>>20))
	}
	return string(b), true, nil
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
//
// A part is held whole and read by xmltok, which returns what
// encoding/xml's Decoder.Token would, errors included, at a tenth of its
// cost. A part too large to hold (maxHeldPart), or one that declares an
// encoding (which xmltok leaves to encoding/xml, and which needs
// charsetReader), is streamed through encoding/xml as before.
type xmlTokens struct {
	d    *xmltok.Decoder
	name string
	// What skipTo scans: the part held whole, and the error reading it
	// ended with (nil at its end), or the part streamed.
	src     string
	readErr error
	br      *bufio.Reader
	rc      io.Closer // the part streamed, to close
}

// newTokens returns the tokens of a part held whole: src, read up to
// readErr (nil: its end).
func newTokens(name, src string, readErr error) *xmlTokens {
	if declaresEncoding(src) {
		var r io.Reader = strings.NewReader(src)
		if readErr != nil {
			r = io.MultiReader(r, errReader{readErr})
		}
		return streamTokens(name, r)
	}
	return &xmlTokens{d: xmltok.New(src, readErr), name: name, src: src, readErr: readErr}
}

// streamTokens returns the tokens of a part read from r by encoding/xml.
func streamTokens(name string, r io.Reader) *xmlTokens {
	br := bufio.NewReaderSize(r, streamBuffer)
	d := xml.NewDecoder(br) // br is an io.ByteReader: the decoder adds no buffer of its own
	d.CharsetReader = charsetReader
	return &xmlTokens{d: xmltok.FromXML(d), br: br, name: name}
}

// streamBuffer is the buffer a part is streamed through, and the size of
// the reads a part held whole is read with (xmltok.ReadPart): the same reads
// give the same bytes before an error.
const streamBuffer = 64 << 10

func charsetReader(label string, in io.Reader) (io.Reader, error) {
	// Every program writes parts in UTF-8; an ASCII label is the same.
	switch strings.ToLower(label) {
	case "us-ascii", "ascii", "utf8":
		return in, nil
	}
	return nil, fmt.Errorf("encoding %s", label)
}

// declaresEncoding reports a part that may make encoding/xml call its
// CharsetReader: one with an XML declaration (<?xml …?>, anywhere, as
// encoding/xml reads them) that names an encoding other than a plain
// encoding="UTF-8". It may report a part that would not: that part is
// only streamed.
func declaresEncoding(src string) bool {
	for i := 0; ; {
		// Found by their '?', which only processing instructions and
		// some texts have: "<?xml" would be looked for at every tag.
		k := strings.IndexByte(src[i:], '?')
		if k < 0 {
			return false
		}
		i += k + 1
		if i < 2 || src[i-2] != '<' || !strings.HasPrefix(src[i:], "xml") {
			continue
		}
		i += len("xml")
		content := src[i:]
		if e := strings.Index(content, "?>"); e >= 0 {
			content = content[:e]
		}
		switch strings.Count(content, "encoding") {
		case 0:
		case 1:
			_, v, _ := strings.Cut(content, "encoding")
			if len(v) < len(`="utf-8"`) || v[0] != '=' || v[1] != v[7] || v[1] != '"' && v[1] != '\'' || !strings.EqualFold(v[2:7], "utf-8") {
				return true
			}
		default:
			return true
		}
	}
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// close lets go of a part: its decoder's table of tags goes back for the
// next part (a reader that stops before the end of a part, as title
// does, left it to the collector, and every part took a new one: half the
// bytes reading a workbook allocated), and a part streamed is closed.
func (x *xmlTokens) close() {
	x.d.Release()
	if x.rc != nil {
		x.rc.Close()
	}
}

// next returns the kind of the next token; io.EOF at the end of a
// complete part. Its name, attributes and text are x.d's until the next
// call.
func (x *xmlTokens) next() (xmltok.Kind, error) {
	k, err := x.d.Next()
	if err != nil && err != io.EOF {
		return 0, partError(x.name, err)
	}
	return k, err
}

// local is the local name of the element just started or ended.
func (x *xmlTokens) local() string { return x.d.Local() }

// attr returns the value of the attribute of the element just started
// with the given local name.
func (x *xmlTokens) attr(local string) (string, bool) { return x.d.AttrValue(local) }

// text returns the character data up to the end of the element just
// started, skipping any elements inside it.
func (x *xmlTokens) text(limit int) (string, error) {
	var t text
	for depth := 0; ; {
		k, err := x.next()
		if err != nil {
			return "", x.eof(err)
		}
		switch k {
		case xmltok.StartElement:
			depth++
		case xmltok.EndElement:
			if depth == 0 {
				return t.String(), nil
			}
			depth--
		case xmltok.CharData:
			if depth == 0 && !t.add(x.d.Data(), limit) {
				return "", errCellTooLong
			}
		}
	}
}

// skip passes over the rest of the element just started.
func (x *xmlTokens) skip() error {
	for depth := 0; ; {
		k, err := x.next()
		if err != nil {
			return x.eof(err)
		}
		switch k {
		case xmltok.StartElement:
			depth++
		case xmltok.EndElement:
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
	var t text // the text of the first <t>, most have one
	var open [4]string
	var stack = open[:0] // elements open inside the rich-text element
	for {
		k, err := x.next()
		if err != nil {
			return "", x.eof(err)
		}
		switch k {
		case xmltok.StartElement:
			stack = append(stack, x.local())
		case xmltok.EndElement:
			if len(stack) == 0 {
				return unescapeOOXML(t.String()), nil
			}
			stack = stack[:len(stack)-1]
		case xmltok.CharData:
			n := len(stack)
			if n == 0 || stack[n-1] != "t" || n > 2 || n == 2 && stack[0] != "r" {
				continue
			}
			if !t.add(x.d.Data(), limit) {
				return "", errCellTooLong
			}
		}
	}
}

// text gathers the character data of an element: most have one piece,
// made a string at once, without a buffer.
type text struct {
	first string
	more  []byte // the pieces from the second on, after first
}

// add adds a piece, false when the text would be over limit bytes.
func (t *text) add(piece []byte, limit int) bool {
	if len(t.first)+len(t.more)+len(piece) > limit {
		return false
	}
	switch {
	case t.more != nil:
		t.more = append(t.more, piece...)
	case t.first == "":
		t.first = string(piece)
	default:
		t.more = append([]byte(t.first), piece...)
		t.first = ""
	}
	return true
}

func (t *text) String() string {
	if t.more != nil {
		return string(t.more)
	}
	return t.first
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
	if x.br == nil {
		s := &stringScanner{s: x.src, i: int(x.d.Offset())}
		x.d.Release() // its tokens are read no more
		if name, ok := scanTo(s, locals); ok {
			return newTokens(x.name, x.src[s.i-len(name)-1:], x.readErr)
		}
		return nil
	}
	if name, ok := scanTo(x.br, locals); ok {
		return streamTokens(x.name, io.MultiReader(strings.NewReader("<"+name), x.br))
	}
	return nil
}

// byteScanner is what scanTo reads: a bufio.Reader, or a stringScanner.
type byteScanner interface {
	ReadByte() (byte, error)
	Peek(n int) ([]byte, error)
}

// scanTo reads s up to the name of the first start tag named one of
// locals, and returns that name; s is left after it.
func scanTo(s byteScanner, locals []string) (string, bool) {
	tag := make([]byte, 0, 64) // the bytes of a tag name since its '<'
	inTag := false
	for {
		c, err := s.ReadByte()
		if err != nil {
			return "", false
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
				next, err := s.Peek(1)
				if err == nil && (next[0] == ' ' || next[0] == '>' || next[0] == '\t' || next[0] == '\n' || next[0] == '\r' || next[0] == '/') {
					return name, true
				}
			}
		}
		if c == ' ' || c == '>' || c == '/' || c == '\n' || c == '\t' || c == '\r' {
			inTag = false
		}
	}
}

// stringScanner reads a part held whole from i, as a bufio.Reader would
// stream it: its end is where the part's reading ended.
type stringScanner struct {
	s string
	i int
}

func (s *stringScanner) ReadByte() (byte, error) {
	if s.i >= len(s.s) {
		return 0, io.EOF
	}
	s.i++
	return s.s[s.i-1], nil
}

func (s *stringScanner) Peek(n int) ([]byte, error) {
	if len(s.s)-s.i < n {
		return nil, io.EOF
	}
	return []byte(s.s[s.i : s.i+n]), nil
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
	data, _, err := p.read(workbookPart)
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
	x := newTokens(workbookPart, data, nil)
	defer x.close()
	for {
		k, err := x.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if k != xmltok.StartElement {
			continue
		}
		switch x.local() {
		case "workbookPr":
			v, _ := x.attr("date1904")
			wb.date1904 = v == "1" || v == "true"
		case "sheet":
			name, _ := x.attr("name")
			id, _ := x.attr("id") // r:id
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
	data, found, err := p.read(name)
	if err != nil || !found {
		return nil, err
	}
	x := newTokens(name, data, nil)
	defer x.close()
	var out []relationship
	for {
		k, err := x.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if k == xmltok.StartElement && x.local() == "Relationship" {
			id, _ := x.attr("Id")
			typ, _ := x.attr("Type")
			target, _ := x.attr("Target")
			if mode, _ := x.attr("TargetMode"); mode == "External" {
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
	data, found, err := p.read(corePart)
	if err != nil || !found {
		return "", err
	}
	x := newTokens(corePart, data, nil)
	defer x.close()
	for {
		k, err := x.next()
		if err == io.EOF {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		if k == xmltok.StartElement && x.local() == "title" {
			return x.text(maxSmallPart)
		}
	}
}

// customProperty is the value of a custom document property, "" when the
// workbook has none of that name.
func (p *pkg) customProperty(name string) (string, error) {
	data, found, err := p.read(customPart)
	if err != nil || !found {
		return "", err
	}
	x := newTokens(customPart, data, nil)
	defer x.close()
	for {
		k, err := x.next()
		if err == io.EOF {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		if k != xmltok.StartElement || x.local() != "property" {
			continue
		}
		if n, _ := x.attr("name"); n != name {
			continue
		}
		// <property name="…"><vt:lpwstr>value</vt:lpwstr></property>
		for {
			k, err := x.next()
			if err != nil {
				return "", x.eof(err)
			}
			switch k {
			case xmltok.StartElement:
				v, err := x.text(maxSmallPart)
				return strings.TrimSpace(v), err
			case xmltok.EndElement:
				return "", nil
			}
		}
	}
}

// sharedStrings reads the shared-string table, refusing one with more
// strings or text than any real workbook: a crafted table of millions of
// tiny strings inflates from kilobytes to gigabytes of memory.
func (p *pkg) sharedStrings(part string) ([]string, error) {
	x, err := p.tokens(part)
	if x == nil || err != nil {
		return nil, err
	}
	defer x.close()
	var out []string
	total := 0
	for {
		k, err := x.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if k != xmltok.StartElement || x.local() != "si" {
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
