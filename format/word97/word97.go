// Package word97 reads Word 97–2003 documents (.doc, [MS-DOC]) directly,
// without Word or LibreOffice, into the same blocks as a web page. It
// registers itself with package format for OLE2 compound files.
package word97

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/richardlehane/mscfb"

	"xxgk/document"
	"xxgk/format"
)

// A .doc is an OLE2 compound file. The main document's text is read through the piece table, paragraph by
// paragraph: field instructions, pictures, note marks, tracked deletions
// and hidden text (CHPX) are left out. The paragraph properties (PAPX) say
// which paragraphs are table cells and which end a table row, and the row
// definitions (sprmTDefTable) give each cell's left and right edge and its
// merge flags, from which a table becomes a Grid with spans expanded as an
// HTML table's. Paragraphs outside tables are read like lines of page text
// (tabs kept, the same noise rules); a block's Line is the number of its
// paragraph. Headers, footers, footnotes, comments and text boxes are not
// read.

// Limits for compound files from strangers.
const (
	maxDOCStream     = 200 << 20 // bytes read from one stream
	maxDOCPieces     = 1 << 18   // entries of the piece table
	maxDOCPrcs       = 1 << 16   // property modifiers in the CLX
	maxDOCFieldDepth = 64        // nested fields tracked one by one
	maxDOCTableDepth = 64        // nesting depth of tables (sprmPItap)
)

// The FIB fields read ([MS-DOC] 2.5.1): FibBase, then fibRgW, fibRgLw and
// fibRgFcLcbBlob, each preceded by its count.
const (
	fibIdent       = 0xA5EC
	fibWord97      = 0x00C1 // nFib of Word 97; Word 6.0/95 have 101–105
	fibEncrypted   = 0x0100 // fEncrypted
	fibWhichTblStm = 0x0200 // fWhichTblStm: the table stream is 1Table
	fibCcpText     = 3      // index of ccpText in fibRgLw
	fibPlcfBteChpx = 12     // index of fcPlcfBteChpx/lcbPlcfBteChpx
	fibPlcfBtePapx = 13     // index of fcPlcfBtePapx/lcbPlcfBtePapx
	fibClx         = 33     // index of fcClx/lcbClx
)

// Character, paragraph and table sprms ([MS-DOC] 2.6).
const (
	sprmCFRMarkDel       = 0x0800
	sprmCFVanish         = 0x083C
	sprmPFInTable        = 0x2416
	sprmPFTtp            = 0x2417
	sprmPItap            = 0x6649
	sprmPDtap            = 0x664A
	sprmPFInnerCell      = 0x244B
	sprmPFInnerTtp       = 0x244C
	sprmPHugePapx        = 0x6646
	sprmPChgTabs         = 0xC615
	sprmTDefTable        = 0xD608
	sprmTVertMerge       = 0xD62B
	tcVertMergeContinues = 1 // Tc80 vertMerge / VerticalMergeFlag: merged with the cell above
)

// oleMagic starts every OLE2 compound file: a .doc, but also a .xls or a
// .ppt, which Read names in its refusal.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

func init() {
	format.Register(format.Format{
		Name:       "doc",
		Label:      "Word 97-2003 文档",
		Extensions: []string{".doc"},
		Sniff:      func(data []byte) (bool, error) { return bytes.HasPrefix(data, oleMagic), nil },
		Read:       Read,
	})
}

func docCorrupt(why string) error {
	return fmt.Errorf("doc 文件已损坏（%s）: %w", why, format.ErrUnreadable)
}

// Read reads a Word 97–2003 document. A panic, which the bounds checks
// are there to prevent, becomes an error as a last resort.
func Read(data []byte) (doc *document.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, docCorrupt(fmt.Sprintf("读取时出现内部错误：%v", p))
		}
	}()
	return readWord97(data)
}

func readWord97(data []byte) (*document.Document, error) {
	st, err := readDOCStreams(data)
	if err != nil {
		return nil, err
	}
	return readWordStreams(st)
}

// readWordStreams reads a document from its streams: WordDocument, the
// table stream and Data (for properties too large for their page).
func readWordStreams(st map[string][]byte) (*document.Document, error) {
	wd := st["WordDocument"]
	f, err := readDOCFIB(wd)
	if err != nil {
		return nil, err
	}
	tableName := "0Table"
	if f.flags&fibWhichTblStm != 0 {
		tableName = "1Table"
	}
	table, ok := st[tableName]
	if !ok {
		return nil, docCorrupt("缺少 " + tableName + " 流")
	}
	clx, ok := docSlice(table, f.clx.fc, f.clx.lcb)
	if !ok || f.clx.lcb == 0 {
		return nil, docCorrupt("片段表（CLX）超出表流范围")
	}
	prcs, pieces, err := readDOCCLX(clx)
	if err != nil {
		return nil, err
	}
	x := &docProps{data: st["Data"], prcs: prcs}
	if plc, ok := docSlice(table, f.papx.fc, f.papx.lcb); ok {
		x.paras = readFKPRuns(wd, plc, papxEntry, papxGrpprl)
	}
	if plc, ok := docSlice(table, f.chpx.fc, f.chpx.lcb); ok {
		for _, r := range readFKPRuns(wd, plc, 1, chpxGrpprl) {
			if chpHidden(r.grpprl) {
				x.hidden = append(x.hidden, r)
			}
		}
	}
	b := newDocBuilder(x.props, x.isHidden)
	if err := readDOCPieces(wd, pieces, f.ccpText, b.char); err != nil {
		return nil, err
	}
	return &document.Document{Kind: "doc", Blocks: b.finish()}, nil
}

// readDOCStreams returns the root-level streams of the compound file a Word
// document is read from (WordDocument, 0Table, 1Table, Data), or an error
// saying what else the file is.
func readDOCStreams(data []byte) (map[string][]byte, error) {
	if err := checkCFBHeader(data); err != nil {
		return nil, err
	}
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		if strings.Contains(err.Error(), "EOF") {
			return nil, docCorrupt("文件不完整，可能在下载或复制时被截断")
		}
		return nil, docCorrupt("复合文档结构无法读取：" + err.Error())
	}
	names := map[string]*mscfb.File{}
	for _, f := range r.File {
		if len(f.Path) == 0 && f.Name != "" {
			if _, dup := names[f.Name]; !dup {
				names[f.Name] = f
			}
		}
	}
	if names["WordDocument"] == nil {
		switch {
		case names["EncryptedPackage"] != nil:
			return nil, fmt.Errorf("这个文件已加密（设有打开密码），无法读取；请去掉密码后另存: %w", format.ErrUnreadable)
		case names["PowerPoint Document"] != nil:
			return nil, fmt.Errorf("这是 PowerPoint 97-2003 演示文稿（.ppt），不是年度报告文档；请另存为 .docx: %w", format.ErrUnreadable)
		}
		return nil, fmt.Errorf("这是 Excel 97-2003 工作簿（.xls）或其他 Office 旧格式文件，xxgk 只读取 .xlsx；请在 Excel 或 WPS 中另存为 .xlsx: %w", format.ErrUnreadable)
	}
	st := map[string][]byte{}
	for _, name := range []string{"WordDocument", "0Table", "1Table", "Data"} {
		f := names[name]
		if f == nil {
			continue
		}
		if f.Size < 0 || f.Size > maxDOCStream || f.Size > int64(len(data)) {
			return nil, docCorrupt(fmt.Sprintf("%s 流的长度 %d 超出文件大小", name, f.Size))
		}
		b := make([]byte, f.Size)
		if _, err := io.ReadFull(f, b); err != nil {
			return nil, docCorrupt(name + " 流读不全，文件可能不完整：" + err.Error())
		}
		st[name] = b
	}
	return st, nil
}

// checkCFBHeader checks the sector counts of a compound file's header
// against the file's size before mscfb, which trusts them for its
// allocations, reads it: every FAT, mini FAT, DIFAT and directory sector
// counted must be in the file.
func checkCFBHeader(data []byte) error {
	if len(data) < 512 {
		return docCorrupt("文件不完整，可能在下载或复制时被截断")
	}
	le := binary.LittleEndian
	shift := le.Uint16(data[30:])
	if shift != 9 && shift != 12 {
		return docCorrupt("复合文档的扇区大小不对")
	}
	sectors := uint64(len(data)) >> shift
	for _, at := range []int{40, 44, 64, 72} { // directory, FAT, mini FAT, DIFAT sectors
		if uint64(le.Uint32(data[at:])) > sectors {
			return docCorrupt("复合文档头所记的扇区数超出文件大小，文件可能不完整")
		}
	}
	return nil
}

type docFcLcb struct{ fc, lcb uint32 }

type docFIB struct {
	flags           uint16
	ccpText         uint32
	clx, papx, chpx docFcLcb
}

// readDOCFIB reads the File Information Block at the start of WordDocument.
func readDOCFIB(wd []byte) (docFIB, error) {
	var f docFIB
	if len(wd) < 34 {
		return f, docCorrupt("WordDocument 流过短")
	}
	le := binary.LittleEndian
	if le.Uint16(wd) != fibIdent {
		return f, docCorrupt("WordDocument 流的文件头标识不对")
	}
	if le.Uint16(wd[2:]) < fibWord97 {
		return f, fmt.Errorf("这是 Word 6.0/95 格式，xxgk 不支持；请另存为 .docx: %w", format.ErrUnreadable)
	}
	f.flags = le.Uint16(wd[10:])
	if f.flags&fibEncrypted != 0 {
		return f, fmt.Errorf("这个 Word 文档已加密（设有打开密码），无法读取: %w", format.ErrUnreadable)
	}
	pos := 34 + 2*int(le.Uint16(wd[32:])) // after fibRgW
	if pos+2 > len(wd) {
		return f, docCorrupt("文件信息块（FIB）不完整")
	}
	cslw := int(le.Uint16(wd[pos:]))
	lw := pos + 2
	pos = lw + 4*cslw // after fibRgLw
	if cslw <= fibCcpText || pos+2 > len(wd) {
		return f, docCorrupt("文件信息块（FIB）不完整")
	}
	f.ccpText = le.Uint32(wd[lw+4*fibCcpText:])
	n := int(le.Uint16(wd[pos:]))
	blob := pos + 2
	if n <= fibClx || blob+8*(fibClx+1) > len(wd) {
		return f, docCorrupt("文件信息块（FIB）不完整")
	}
	pair := func(i int) docFcLcb {
		return docFcLcb{le.Uint32(wd[blob+8*i:]), le.Uint32(wd[blob+8*i+4:])}
	}
	f.clx, f.papx, f.chpx = pair(fibClx), pair(fibPlcfBtePapx), pair(fibPlcfBteChpx)
	return f, nil
}

// docSlice returns b[off:off+n] when it lies within b.
func docSlice(b []byte, off, n uint32) ([]byte, bool) {
	end := uint64(off) + uint64(n)
	if end > uint64(len(b)) {
		return nil, false
	}
	return b[off:end], true
}

// docPiece is one entry of the piece table: CPs [cpStart, cpEnd) are stored
// at byte fc of WordDocument, one byte (compressed) or two per character.
type docPiece struct {
	cpStart, cpEnd uint32
	fc             uint32
	compressed     bool
	prm            uint16
}

// readDOCCLX reads the property modifiers (Prc) and the piece table (Pcdt) of
// the CLX ([MS-DOC] 2.9.38).
func readDOCCLX(clx []byte) (prcs [][]byte, pieces []docPiece, err error) {
	le := binary.LittleEndian
	i := 0
	for i < len(clx) && clx[i] == 0x01 {
		if i+3 > len(clx) || len(prcs) >= maxDOCPrcs {
			return nil, nil, docCorrupt("片段表（CLX）格式错误")
		}
		cb := int(int16(le.Uint16(clx[i+1:])))
		if cb < 0 || i+3+cb > len(clx) {
			return nil, nil, docCorrupt("片段表（CLX）格式错误")
		}
		prcs = append(prcs, clx[i+3:i+3+cb])
		i += 3 + cb
	}
	if i+5 > len(clx) || clx[i] != 0x02 {
		return nil, nil, docCorrupt("片段表（CLX）中没有 Pcdt")
	}
	plc, ok := docSlice(clx, uint32(i+5), le.Uint32(clx[i+1:]))
	if !ok || len(plc) < 16 || (len(plc)-4)%12 != 0 {
		return nil, nil, docCorrupt("片段表（PlcPcd）长度不对")
	}
	n := (len(plc) - 4) / 12
	if n > maxDOCPieces {
		return nil, nil, docCorrupt(fmt.Sprintf("片段表有 %d 段，过多", n))
	}
	pieces = make([]docPiece, n)
	for k := range pieces {
		p := &pieces[k]
		p.cpStart, p.cpEnd = le.Uint32(plc[4*k:]), le.Uint32(plc[4*k+4:])
		if p.cpEnd < p.cpStart || (k > 0 && p.cpStart < pieces[k-1].cpEnd) {
			return nil, nil, docCorrupt("片段表的字符位置不是递增的")
		}
		pcd := plc[4*(n+1)+8*k:]
		fc := le.Uint32(pcd[2:])
		p.compressed = fc&0x40000000 != 0
		p.fc = fc & 0x3FFFFFFF
		if p.compressed {
			p.fc /= 2
		}
		p.prm = le.Uint16(pcd[6:])
	}
	return prcs, pieces, nil
}

// readDOCPieces passes the characters of the main document, CPs [0, ccpText),
// to emit with the byte offset each is stored at and its piece's Prm.
// Footnotes, headers, comments and text boxes follow ccpText and are left
// out.
func readDOCPieces(wd []byte, pieces []docPiece, ccpText uint32, emit func(r rune, fc uint32, prm uint16)) error {
	budget := len(wd) // pieces do not overlap, so the text is never longer than its stream
	var high rune     // a pending UTF-16 high surrogate
	for _, p := range pieces {
		if p.cpStart >= ccpText {
			break
		}
		n := min(p.cpEnd, ccpText) - p.cpStart
		width := uint32(2)
		if p.compressed {
			width = 1
		}
		if uint64(p.fc)+uint64(n)*uint64(width) > uint64(len(wd)) {
			return docCorrupt("文字片段超出 WordDocument 流，文件可能不完整")
		}
		if budget -= int(n); budget < 0 {
			return docCorrupt("片段表的文字互相重叠")
		}
		for i := range n {
			fc := p.fc + i*width
			if p.compressed {
				emit(docCompressedRune(wd[fc]), fc, p.prm)
				continue
			}
			u := rune(binary.LittleEndian.Uint16(wd[fc:]))
			switch {
			case u >= 0xD800 && u < 0xDC00:
				high = u
				continue
			case u >= 0xDC00 && u < 0xE000:
				if high != 0 {
					emit(0x10000+(high-0xD800)<<10+(u-0xDC00), fc, p.prm)
				}
			default:
				emit(u, fc, p.prm)
			}
			high = 0
		}
	}
	return nil
}

// docCompressedRune decodes a byte of a compressed piece: ANSI, with the
// [MS-DOC] 2.4.1 table for 0x80–0x9F (cp1252 without €, Ž and ž).
func docCompressedRune(c byte) rune {
	if c >= 0x80 && c <= 0x9F {
		if r := docCompressedHigh[c-0x80]; r != 0 {
			return r
		}
	}
	return rune(c)
}

var docCompressedHigh = [32]rune{
	0x02: 0x201A, 0x03: 0x0192, 0x04: 0x201E, 0x05: 0x2026, 0x06: 0x2020, 0x07: 0x2021,
	0x08: 0x02C6, 0x09: 0x2030, 0x0A: 0x0160, 0x0B: 0x2039, 0x0C: 0x0152,
	0x11: 0x2018, 0x12: 0x2019, 0x13: 0x201C, 0x14: 0x201D, 0x15: 0x2022, 0x16: 0x2013,
	0x17: 0x2014, 0x18: 0x02DC, 0x19: 0x2122, 0x1A: 0x0161, 0x1B: 0x203A, 0x1C: 0x0153,
	0x1F: 0x0178,
}

// docFKPRun is the properties of the paragraphs whose marks, or of the
// characters, that lie in bytes [start, end) of WordDocument.
type docFKPRun struct {
	start, end uint32
	grpprl     []byte
}

// Bytes per entry after the rgfc array of a PapxFkp (a BxPap) and of a
// ChpxFkp (one offset byte).
const papxEntry = 13

// readFKPRuns reads a PlcBtePapx or PlcBteChpx and the FKP pages it points
// to ([MS-DOC] 2.8.5, 2.8.6, 2.9.175); grpprl reads the properties at a
// word offset of a page. Unreadable pages are skipped: their text gets no
// known properties.
func readFKPRuns(wd, plc []byte, entry int, grpprl func(page []byte, off int) []byte) []docFKPRun {
	if len(plc) < 12 || (len(plc)-4)%8 != 0 {
		return nil
	}
	le := binary.LittleEndian
	n := (len(plc) - 4) / 8
	var runs []docFKPRun
	for k := range n {
		pn := le.Uint32(plc[4*(n+1)+4*k:]) & 0x3FFFFF
		page, ok := docSlice(wd, pn*512, 512)
		if !ok {
			continue
		}
		crun := int(page[511])
		if 4*(crun+1)+entry*crun > 511 {
			continue
		}
		for i := range crun {
			start, end := le.Uint32(page[4*i:]), le.Uint32(page[4*i+4:])
			if end <= start {
				continue
			}
			run := docFKPRun{start: start, end: end}
			if off := 2 * int(page[4*(crun+1)+entry*i]); off != 0 {
				run.grpprl = grpprl(page, off)
			}
			runs = append(runs, run)
		}
	}
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].start < runs[j].start })
	return runs
}

// findRun returns the run holding byte fc, or nil.
func findRun(runs []docFKPRun, fc uint32) *docFKPRun {
	i := sort.Search(len(runs), func(i int) bool { return runs[i].end > fc })
	if i < len(runs) && runs[i].start <= fc {
		return &runs[i]
	}
	return nil
}

// chpxGrpprl returns the sprms of the Chpx at off of an FKP page.
func chpxGrpprl(page []byte, off int) []byte {
	if off >= 511 || off+1+int(page[off]) > 511 {
		return nil
	}
	return page[off+1 : off+1+int(page[off])]
}

// chpHidden reports whether character sprms delete (a tracked deletion)
// or hide the text: Word shows neither, and the docx reader leaves both
// out.
func chpHidden(g []byte) bool {
	var del, vanish bool
	eachSprm(g, func(sprm uint16, op []byte) {
		on := op[0] == 1 || op[0] == 0x81 // on, or the opposite of the style's (off)
		switch sprm {
		case sprmCFRMarkDel:
			del = on
		case sprmCFVanish:
			vanish = on
		}
	})
	return del || vanish
}

// eachSprm calls f with every sprm of a grpprl and its operand, and stops
// at one whose operand does not fit.
func eachSprm(g []byte, f func(sprm uint16, op []byte)) {
	for i := 0; i+2 <= len(g); {
		sprm := binary.LittleEndian.Uint16(g[i:])
		i += 2
		n := sprmOperandSize(sprm, g[i:])
		if n < 0 || i+n > len(g) {
			return
		}
		f(sprm, g[i:i+n])
		i += n
	}
}

// papxGrpprl returns the sprms of the PapxInFkp at off of an FKP page,
// without the style index (istd).
func papxGrpprl(page []byte, off int) []byte {
	if off+2 > 511 {
		return nil
	}
	var body []byte
	if cb := int(page[off]); cb != 0 {
		if off+2*cb > 511 {
			return nil
		}
		body = page[off+1 : off+2*cb]
	} else {
		cb := int(page[off+1])
		if off+2+2*cb > 511 {
			return nil
		}
		body = page[off+2 : off+2+2*cb]
	}
	if len(body) < 2 {
		return nil
	}
	return body[2:]
}

// docParaProps is what the reader needs of a paragraph's properties.
type docParaProps struct {
	known   bool // the paragraph's PAPX was found
	inTable bool
	ttp     bool // the paragraph is a table row's end mark
	itap    int  // table depth
	// innerCell and innerTtp end a nested table's cell and row.
	innerCell, innerTtp bool
	row                 *docRowDef // the row's cells, on the row end mark
	merges              [][2]byte
}

func (p docParaProps) depth() int {
	if p.itap > 0 {
		return p.itap
	}
	if p.inTable {
		return 1
	}
	return 0
}

// docRowDef is a table row's definition: the cells' edges in twips and their
// merge flags.
type docRowDef struct {
	edges []int16 // len(cells)+1
	vert  []byte  // per cell: 1 continues the cell above
	horz  []byte  // per cell: 2 or 3 continues the cell on the left
}

// docProps finds the properties of a paragraph by the offset of its mark,
// and tells deleted and hidden characters by theirs.
type docProps struct {
	paras  []docFKPRun
	hidden []docFKPRun // character runs deleted or hidden
	data   []byte      // the Data stream, for huge PAPX
	prcs   [][]byte    // the CLX's property modifiers, for Prm1
	prcHid map[uint16]bool
}

func (x *docProps) props(fc uint32, prm uint16) docParaProps {
	var p docParaProps
	if r := findRun(x.paras, fc); r != nil {
		p.known = true
		x.apply(&p, r.grpprl, true)
	}
	if prm&1 != 0 { // Prm1: the piece's sprms, in a Prc of the CLX
		if k := int(prm >> 1); k < len(x.prcs) {
			x.apply(&p, x.prcs[k], false)
		}
	}
	if p.row != nil {
		for _, m := range p.merges {
			if int(m[0]) < len(p.row.vert) {
				p.row.vert[m[0]] = m[1]
			}
		}
	}
	return p
}

// isHidden reports whether the character at byte fc, in a piece with Prm
// prm, is deleted or hidden.
func (x *docProps) isHidden(fc uint32, prm uint16) bool {
	if findRun(x.hidden, fc) != nil {
		return true
	}
	if prm&1 == 0 || int(prm>>1) >= len(x.prcs) {
		return false
	}
	h, ok := x.prcHid[prm]
	if !ok {
		if x.prcHid == nil {
			x.prcHid = map[uint16]bool{}
		}
		h = chpHidden(x.prcs[prm>>1])
		x.prcHid[prm] = h
	}
	return h
}

// apply reads the sprms of a grpprl into p; huge says whether a
// sprmPHugePapx may be followed into the Data stream.
func (x *docProps) apply(p *docParaProps, g []byte, huge bool) {
	le := binary.LittleEndian
	eachSprm(g, func(sprm uint16, op []byte) {
		switch sprm {
		case sprmPFInTable:
			p.inTable = op[0] != 0
		case sprmPFTtp:
			p.ttp = op[0] != 0
		case sprmPFInnerCell:
			p.innerCell = op[0] != 0
		case sprmPFInnerTtp:
			p.innerTtp = op[0] != 0
		case sprmPItap:
			p.itap = docDepth(int64(int32(le.Uint32(op))))
		case sprmPDtap:
			p.itap = docDepth(int64(p.itap) + int64(int32(le.Uint32(op))))
		case sprmTDefTable:
			p.row = readTDefTable(op)
		case sprmTVertMerge:
			if len(op) >= 3 {
				p.merges = append(p.merges, [2]byte{op[1], op[2]})
			}
		case sprmPHugePapx:
			if !huge {
				return
			}
			off := le.Uint32(op)
			if hdr, ok := docSlice(x.data, off, 2); ok {
				if body, ok := docSlice(x.data, off+2, uint32(le.Uint16(hdr))); ok {
					x.apply(p, body, false)
				}
			}
		}
	})
}

func docDepth(v int64) int { return int(min(max(v, 0), maxDOCTableDepth)) }

// sprmOperandSize is the length of a sprm's operand, which its spra bits
// give ([MS-DOC] 2.2.5.1), or -1 if the operand does not fit in rest.
func sprmOperandSize(sprm uint16, rest []byte) int {
	switch sprm >> 13 {
	case 0, 1:
		return 1
	case 2, 4, 5:
		return 2
	case 3:
		return 4
	case 7:
		return 3
	}
	// spra 6: variable length
	switch {
	case sprm == sprmTDefTable:
		if len(rest) < 2 {
			return -1
		}
		return int(binary.LittleEndian.Uint16(rest)) + 1
	case len(rest) < 1:
		return -1
	case sprm == sprmPChgTabs && rest[0] == 255:
		// PChgTabsDelClose then PChgTabsAdd, each led by its count
		if len(rest) < 2 {
			return -1
		}
		add := 2 + 4*int(rest[1])
		if add >= len(rest) {
			return -1
		}
		return add + 1 + 3*int(rest[add])
	}
	return 1 + int(rest[0])
}

// readTDefTable reads a TDefTableOperand: cb, the number of cells, their
// edges and their Tc80 cell formats.
func readTDefTable(op []byte) *docRowDef {
	if len(op) < 3 {
		return nil
	}
	n := int(op[2])
	edges := 3
	tcs := edges + 2*(n+1)
	if n == 0 || tcs > len(op) {
		return nil
	}
	le := binary.LittleEndian
	d := &docRowDef{edges: make([]int16, n+1), vert: make([]byte, n), horz: make([]byte, n)}
	for i := range d.edges {
		d.edges[i] = int16(le.Uint16(op[edges+2*i:]))
	}
	for i := 0; i < n && tcs+20*(i+1) <= len(op); i++ {
		f := le.Uint16(op[tcs+20*i:])
		d.horz[i], d.vert[i] = byte(f&3), byte(f>>5&3)
	}
	return d
}

// docBuilder turns the characters of the main document into blocks. It
// learns a paragraph's properties at its mark (0x0D, or 0x07 in tables),
// through props.
type docBuilder struct {
	props  func(fc uint32, prm uint16) docParaProps
	hidden func(fc uint32, prm uint16) bool // deleted or hidden text
	cands  []document.Candidate
	paras  int             // paragraph marks seen; a block's Line is its paragraph's number
	cur    strings.Builder // the current paragraph; '\n' for a line or page break
	start  int             // Line of the current paragraph

	cell    docCell   // the current table cell
	row     []docCell // finished cells of the current row
	rows    []docRow
	nested  []string // nested table: paragraphs of the current cell
	nestRow []string // nested table: finished cells of the current row

	fields  []bool // open fields: true once past the separator (in the result)
	deep    int    // open fields beyond maxDOCFieldDepth
	inInstr int    // open fields still in their instruction
	sinceAt int    // characters since the last cell mark, -1 before any
	chars   int    // characters read, for the grid budget
	cellsIn int    // grid positions made so far
}

// docCell is a table cell: its paragraphs ('\n' for line breaks) and the
// Line of the first.
type docCell struct {
	paras []string
	line  int
}

// text is the cell's text as a grid holds it: white space folded,
// paragraphs and line breaks as explicit breaks (as in an HTML cell).
func (c docCell) text() string {
	return document.FoldSpace(strings.ReplaceAll(strings.Join(c.paras, "\x00"), "\n", "\x00"))
}

type docRow struct {
	cells []docCell
	def   *docRowDef
}

func newDocBuilder(props func(fc uint32, prm uint16) docParaProps, hidden func(fc uint32, prm uint16) bool) *docBuilder {
	return &docBuilder{props: props, hidden: hidden, sinceAt: -1}
}

// char takes the next character of the main document, stored at byte fc
// of WordDocument in a piece with Prm prm.
func (b *docBuilder) char(r rune, fc uint32, prm uint16) {
	b.chars++
	switch r {
	case 0x13: // field begin: the instruction follows
		if len(b.fields) >= maxDOCFieldDepth {
			b.deep++
			return
		}
		b.fields = append(b.fields, false)
		b.inInstr++
	case 0x14: // field separator: the result follows
		if b.deep == 0 && len(b.fields) > 0 && !b.fields[len(b.fields)-1] {
			b.fields[len(b.fields)-1] = true
			b.inInstr--
		}
	case 0x15: // field end
		switch {
		case b.deep > 0:
			b.deep--
		case len(b.fields) > 0:
			if !b.fields[len(b.fields)-1] {
				b.inInstr--
			}
			b.fields = b.fields[:len(b.fields)-1]
		}
	case 0x0D:
		b.paragraphEnd(b.props(fc, prm))
	case 0x07:
		b.cellMark(b.props(fc, prm))
	default:
		if b.inInstr == 0 && b.deep == 0 && !b.hidden(fc, prm) {
			b.text(r)
		}
	}
}

// text adds a character to the current paragraph, mapping Word's special
// characters.
func (b *docBuilder) text(r rune) {
	switch {
	case r == 0x09:
	case r == 0x0B, r == 0x0C: // line break; page or section break
		r = '\n'
	case r == 0x1E: // non-breaking hyphen
		r = '-'
	case r == 0xA0:
		r = ' '
	case r < 0x20, r >= 0x7F && r < 0xA0, r == 0xFFFE, r == 0xFFFF:
		return // pictures (0x01, 0x08), note and comment marks, optional hyphens, other controls
	}
	if b.cur.Len() == 0 {
		b.start = b.paras + 1
	}
	b.cur.WriteRune(r)
	b.sinceAt++
}

// takeParagraph ends the current paragraph and returns its text and Line.
func (b *docBuilder) takeParagraph() (string, int) {
	b.paras++
	s, line := b.cur.String(), b.start
	if s == "" {
		line = b.paras
	}
	b.cur.Reset()
	return s, line
}

// paragraphEnd handles 0x0D. In a nested table (depth 2 and more) it may
// end a cell or a row too; a nested row becomes one paragraph of the outer
// cell, its cells separated by tabs.
func (b *docBuilder) paragraphEnd(p docParaProps) {
	s, line := b.takeParagraph()
	switch d := p.depth(); {
	case d == 0:
		b.flushTable()
		b.addParagraph(s, line)
	case d == 1:
		b.cellParagraph(s, line)
	case p.innerTtp:
		b.flushNested()
		b.cellParagraph(strings.Join(b.nestRow, "\t"), line)
		b.nestRow = nil
	default:
		b.nested = append(b.nested, s)
		if p.innerCell {
			b.flushNested()
		}
	}
}

// flushNested ends the nested cell being read.
func (b *docBuilder) flushNested() {
	if len(b.nested) > 0 {
		b.nestRow = append(b.nestRow, document.FoldSpace(strings.Join(b.nested, " ")))
		b.nested = nil
	}
}

func (b *docBuilder) cellParagraph(s string, line int) {
	if len(b.cell.paras) == 0 {
		b.cell.line = line
	}
	b.cell.paras = append(b.cell.paras, s)
}

// cellMark handles 0x07: the end of a cell, or of a row when the paragraph
// is a row end (TTP). Without paragraph properties a mark right after a
// cell mark is taken for the row end, which misreads an empty cell.
func (b *docBuilder) cellMark(p docParaProps) {
	empty := b.cur.Len() == 0 && len(b.cell.paras) == 0
	s, line := b.takeParagraph()
	rowEnd := p.ttp
	if !p.known {
		rowEnd = empty && b.sinceAt == 0
	}
	b.sinceAt = 0
	if len(b.nestRow) > 0 || len(b.nested) > 0 { // a nested table left unfinished
		b.flushNested()
		b.cellParagraph(strings.Join(b.nestRow, "\t"), line)
		b.nestRow = nil
	}
	if !rowEnd {
		b.cellParagraph(s, line)
		b.endCell()
		return
	}
	b.endCell() // text after the last cell mark makes a cell of its own
	if len(b.row) > 0 {
		b.rows = append(b.rows, docRow{cells: b.row, def: p.row})
	}
	b.row = nil
}

func (b *docBuilder) endCell() {
	if len(b.cell.paras) > 0 {
		b.row = append(b.row, b.cell)
	}
	b.cell = docCell{}
}

// addParagraph adds a paragraph outside tables, one block per line, read
// by the noise rules of page text.
func (b *docBuilder) addParagraph(s string, line int) {
	for part := range strings.SplitSeq(s, "\n") {
		t := strings.TrimSpace(document.NormalizeSpaces(part))
		if t == "" {
			continue
		}
		t, kind := document.ClassifyLine(t)
		b.cands = append(b.cands, document.Candidate{Block: document.Block{Line: line, Text: t}, Kind: kind})
	}
}

// finish ends the document (a file cut off inside a table keeps the cells
// it has) and returns its blocks.
func (b *docBuilder) finish() []document.Block {
	if b.cur.Len() > 0 {
		b.paragraphEnd(docParaProps{})
	}
	b.flushTable()
	return document.FinishBlocks(b.cands)
}

// flushTable ends the table being read, if any.
func (b *docBuilder) flushTable() {
	b.flushNested()
	if len(b.nestRow) > 0 {
		b.cellParagraph(strings.Join(b.nestRow, "\t"), b.paras)
		b.nestRow = nil
	}
	b.endCell()
	if len(b.row) > 0 {
		b.rows = append(b.rows, docRow{cells: b.row})
		b.row = nil
	}
	if len(b.rows) > 0 {
		b.addTable(b.rows)
	}
	b.rows = nil
}

// addTable adds a table as a Grid. A one-column table frames text: its
// paragraphs are added as paragraphs. A table too large for the grid
// budget (four positions per character of the document, a guard against
// files made to exhaust memory) is added as lines of tab-separated cells,
// which the text table rules read.
func (b *docBuilder) addTable(rows []docRow) {
	line := rows[0].cells[0].line
	if !slices.ContainsFunc(rows, func(r docRow) bool { return len(r.cells) > 1 }) {
		for _, row := range rows {
			for _, c := range row.cells {
				for _, p := range c.paras {
					b.addParagraph(p, c.line)
				}
			}
		}
		return
	}
	cols, spans := docColumns(rows)
	if budget := 4*b.chars + 1<<16 - b.cellsIn; len(rows)*cols > budget {
		for _, row := range rows {
			texts := make([]string, len(row.cells))
			for j, c := range row.cells {
				texts[j] = c.text()
			}
			b.addParagraph(strings.Join(texts, "\t"), row.cells[0].line)
		}
		return
	}
	b.cellsIn += len(rows) * cols
	g := docGrid(rows, cols, spans)
	if len(g.Rows) > 0 {
		b.cands = append(b.cands, document.Candidate{Block: document.Block{Line: line, Table: g}})
	}
}

// docEdgeTolerance is how close (in twips) two rows' cell edges must be to
// count as the same column boundary.
const docEdgeTolerance = 20

// docColumns returns the number of grid columns and, for every cell, the
// columns [from, to) it covers. When every row has a definition matching
// its cells, the columns are the distinct cell edges of all rows, so a cell
// as wide as two cells below it spans two columns; otherwise each cell
// takes one column.
func docColumns(rows []docRow) (int, [][][2]int) {
	spans := make([][][2]int, len(rows))
	var all []int
	for _, row := range rows {
		d := row.def
		if d == nil || len(d.edges) != len(row.cells)+1 {
			all = nil
			break
		}
		for _, e := range d.edges {
			all = append(all, int(e))
		}
	}
	var edges []int
	if len(all) > 0 {
		sort.Ints(all)
		for _, e := range all {
			if len(edges) == 0 || e-edges[len(edges)-1] > docEdgeTolerance {
				edges = append(edges, e)
			}
		}
	}
	if len(edges) < 2 || len(edges)-1 > document.MaxGridCols {
		cols := 0
		for r, row := range rows {
			spans[r] = make([][2]int, len(row.cells))
			for j := range row.cells {
				spans[r][j] = [2]int{j, j + 1}
			}
			cols = max(cols, len(row.cells))
		}
		return min(cols, document.MaxGridCols), spans
	}
	at := func(e int16) int { return sort.SearchInts(edges, int(e)+docEdgeTolerance+1) - 1 }
	for r, row := range rows {
		spans[r] = make([][2]int, len(row.cells))
		for j := range row.cells {
			spans[r][j] = [2]int{at(row.def.edges[j]), at(row.def.edges[j+1])}
		}
	}
	return len(edges) - 1, spans
}

// docGrid lays the rows out on cols columns. A cell that continues a
// vertical merge (or an old-style horizontal one) and has no text of its
// own is a copy of the cell it continues, as a rowspan (colspan) is.
func docGrid(rows []docRow, cols int, spans [][][2]int) *document.Grid {
	grid := make([][]document.GridCell, len(rows))
	for r := range grid {
		grid[r] = make([]document.GridCell, cols)
		for c := range grid[r] {
			grid[r][c].OrigRow = -1
		}
	}
	for r, row := range rows {
		d := row.def
		if d != nil && len(d.vert) != len(row.cells) {
			d = nil
		}
		for j, c := range row.cells {
			from, to := spans[r][j][0], min(spans[r][j][1], cols)
			if from < 0 || from >= cols {
				continue
			}
			text := c.text()
			if to <= from {
				if text == "" {
					continue
				}
				to = from + 1
			}
			cell := document.GridCell{Text: text, OrigRow: r, OrigCol: from}
			if text == "" && d != nil {
				switch {
				case d.vert[j] == tcVertMergeContinues && r > 0:
					for k := from; k < to; k++ {
						if grid[r][k].OrigRow < 0 && grid[r-1][k].OrigRow >= 0 {
							grid[r][k] = grid[r-1][k]
						}
					}
					continue
				case d.horz[j] >= 2 && from > 0 && grid[r][from-1].OrigRow >= 0:
					cell = grid[r][from-1]
				}
			}
			for k := from; k < to; k++ {
				if grid[r][k].OrigRow < 0 {
					grid[r][k] = cell
				}
			}
		}
	}
	spanned := make([]bool, len(grid))
	for r, row := range grid {
		for _, c := range row {
			if c.OrigRow >= 0 && c.OrigRow < r {
				spanned[c.OrigRow] = true
			}
		}
	}
	return &document.Grid{Rows: document.DropEmptyRows(document.PadRows(grid), spanned)}
}
