package word97

import (
	"encoding/binary"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"xxgk/document"
	"xxgk/format"
)

// The .doc fixtures were made by LibreOffice from other fixtures (see
// testdata/reports/README.md); each must read like its twin.

// The synthetic documents below are built stream by stream as [MS-DOC]
// lays them out, so that each special character and table rule is tried
// on its own.

// synthRow is the definition of a synthetic table row: the cell edges
// (twips) and, per cell, the vertical merge flag (1 continues the cell
// above, 3 starts a merge).
type synthRow struct {
	edges []int16
	vert  []byte
}

const synthTextAt = 1024 // where the text starts in WordDocument

// synthFIB is a Word 97 FIB (nFib 0xC1, table stream 1Table) of 1024
// bytes.
func synthFIB(ccpText uint32, clx, papx docFcLcb) []byte {
	le := binary.LittleEndian
	b := make([]byte, synthTextAt)
	le.PutUint16(b, fibIdent)
	le.PutUint16(b[2:], fibWord97)
	le.PutUint16(b[10:], fibWhichTblStm)
	le.PutUint16(b[32:], 14) // csw
	le.PutUint16(b[62:], 22) // cslw
	le.PutUint32(b[64+4*fibCcpText:], ccpText)
	le.PutUint16(b[152:], 0x5D) // cbRgFcLcb
	for i, p := range map[int]docFcLcb{fibClx: clx, fibPlcfBtePapx: papx} {
		le.PutUint32(b[154+8*i:], p.fc)
		le.PutUint32(b[158+8*i:], p.lcb)
	}
	return b
}

// synthCLX is a CLX with one piece table entry per piece.
func synthCLX(cps []uint32, fcs []uint32) []byte {
	le := binary.LittleEndian
	plc := make([]byte, 4*len(cps)+8*len(fcs))
	for i, cp := range cps {
		le.PutUint32(plc[4*i:], cp)
	}
	for i, fc := range fcs {
		le.PutUint32(plc[4*len(cps)+8*i+2:], fc)
	}
	clx := []byte{0x02, 0, 0, 0, 0}
	le.PutUint32(clx[1:], uint32(len(plc)))
	return append(clx, plc...)
}

// synthDOC builds the streams of a document whose main text is text, in
// one UTF-16 piece. In text '\r' ends a paragraph, '§' a paragraph inside
// a table cell, '¤' a cell and '¶' a table row (defined by the next of
// rows, while there are any); nestedCell and nestedRow end a cell and a
// row of a table nested in a cell; text in ⟨⟩ is a tracked deletion and
// text in «» hidden. Every paragraph has its PAPX, and the characters
// their CHPX.
func synthDOC(text string, rows ...synthRow) map[string][]byte {
	le := binary.LittleEndian
	inTable := []byte{0x16, 0x24, 1}                        // sprmPFInTable
	depth2 := []byte{0x49, 0x66, 2, 0, 0, 0, 0x16, 0x24, 1} // sprmPItap 2, sprmPFInTable
	var units []uint16
	var runs []synthRun
	var chars []synthRun // one per character, with its CHPX
	var chp []byte
	start := uint32(synthTextAt)
	for _, r := range text {
		var g []byte
		mark := rune(0x0D)
		switch string(r) {
		case "⟨":
			chp = []byte{0x00, 0x08, 1} // sprmCFRMarkDel
			continue
		case "«":
			chp = []byte{0x3C, 0x08, 1} // sprmCFVanish
			continue
		case "⟩", "»":
			chp = nil
			continue
		case "\r":
		case "§":
			g = inTable
		case "¤":
			g, mark = inTable, 0x07
		case "¶":
			g, mark = append(inTable, 0x17, 0x24, 1), 0x07 // sprmPFTtp
			if len(rows) > 0 {
				g = append(g, synthTDef(rows[0])...)
				rows = rows[1:]
			}
		case nestedCell:
			g = append(depth2, 0x4B, 0x24, 1) // sprmPFInnerTableCell
		case nestedRow:
			g = append(depth2, 0x4C, 0x24, 1) // sprmPFInnerTtp
		default:
			at := uint32(synthTextAt + 2*len(units))
			units = append(units, utf16.Encode([]rune{r})...)
			chars = append(chars, synthRun{at, uint32(synthTextAt + 2*len(units)), chp})
			continue
		}
		units = append(units, uint16(mark))
		end := uint32(synthTextAt + 2*len(units))
		runs = append(runs, synthRun{start, end, g})
		start = end
	}
	wd := synthFIB(uint32(len(units)), docFcLcb{}, docFcLcb{})
	for _, u := range units {
		wd = le.AppendUint16(wd, u)
	}
	var fcs, pns []uint32
	for len(runs) > 0 {
		for len(wd)%512 != 0 {
			wd = append(wd, 0)
		}
		page, n := synthFKP(runs)
		fcs = append(fcs, runs[0].start)
		pns = append(pns, uint32(len(wd)/512))
		wd = append(wd, page...)
		if n == len(runs) {
			fcs = append(fcs, runs[n-1].end)
		}
		runs = runs[n:]
	}
	var chpx []byte // a PlcBteChpx of one ChpxFkp page, if any text has properties
	if slices.ContainsFunc(chars, func(r synthRun) bool { return r.grpprl != nil }) {
		for len(wd)%512 != 0 {
			wd = append(wd, 0)
		}
		chpx = le.AppendUint32(chpx, chars[0].start)
		chpx = le.AppendUint32(chpx, chars[len(chars)-1].end)
		chpx = le.AppendUint32(chpx, uint32(len(wd)/512))
		wd = append(wd, synthChpxFKP(chars)...)
	}
	table := synthCLX([]uint32{0, uint32(len(units))}, []uint32{synthTextAt})
	clx := docFcLcb{0, uint32(len(table))}
	var papx docFcLcb
	if len(pns) > 0 {
		papx.fc = uint32(len(table))
		for _, fc := range fcs {
			table = le.AppendUint32(table, fc)
		}
		for _, pn := range pns {
			table = le.AppendUint32(table, pn)
		}
		papx.lcb = uint32(len(table)) - papx.fc
	}
	fib := synthFIB(uint32(len(units)), clx, papx)
	if chpx != nil {
		le.PutUint32(fib[154+8*fibPlcfBteChpx:], uint32(len(table)))
		le.PutUint32(fib[158+8*fibPlcfBteChpx:], uint32(len(chpx)))
		table = append(table, chpx...)
	}
	copy(wd, fib)
	return map[string][]byte{"WordDocument": wd, "1Table": table}
}

// synthChpxFKP is a ChpxFkp page for the characters (at most about 80):
// the rgfc array and the offsets from the top, the CHPX from the bottom.
func synthChpxFKP(chars []synthRun) []byte {
	le := binary.LittleEndian
	page := make([]byte, 512)
	n := len(chars)
	top := 511
	for i, c := range chars {
		le.PutUint32(page[4*i:], c.start)
		if c.grpprl != nil {
			top = (top - 1 - len(c.grpprl)) &^ 1
			page[top] = byte(len(c.grpprl))
			copy(page[top+1:], c.grpprl)
			page[4*(n+1)+i] = byte(top / 2)
		}
	}
	le.PutUint32(page[4*n:], chars[n-1].end)
	page[511] = byte(n)
	if top < 5*n+4 {
		panic("synthChpxFKP: too many characters")
	}
	return page
}

// synthRun is the PAPX of the paragraph in bytes [start, end).
type synthRun struct {
	start, end uint32
	grpprl     []byte
}

// synthFKP packs the first runs into a PapxFkp page: the rgfc and rgbx
// arrays from the top, the PAPX from the bottom. It returns the page and
// how many runs it holds.
func synthFKP(runs []synthRun) ([]byte, int) {
	le := binary.LittleEndian
	page := make([]byte, 512)
	top := 511
	var offs []int
	for n := 0; n < len(runs); n++ {
		header := 4*(n+2) + 13*(n+1)
		off := 0
		if g := runs[n].grpprl; len(g) > 0 {
			body := append([]byte{0, 0}, g...) // istd 0
			papx := append([]byte{0, byte(len(body) / 2)}, body...)
			if len(body)%2 == 1 {
				papx = append([]byte{byte((len(body) + 1) / 2)}, body...)
			}
			off = (top - len(papx)) &^ 1
			if off < header {
				break
			}
			copy(page[off:], papx)
			top = off
		} else if header > top {
			break
		}
		offs = append(offs, off)
	}
	n := len(offs)
	for i := range n {
		le.PutUint32(page[4*i:], runs[i].start)
		page[4*(n+1)+13*i] = byte(offs[i] / 2)
	}
	le.PutUint32(page[4*n:], runs[n-1].end)
	page[511] = byte(n)
	return page, n
}

// synthTDef is a sprmTDefTable with the row's edges and vertical merges.
func synthTDef(r synthRow) []byte {
	le := binary.LittleEndian
	n := len(r.edges) - 1
	op := []byte{0, 0, byte(n)}
	for _, e := range r.edges {
		op = le.AppendUint16(op, uint16(e))
	}
	for i := range n {
		tc := make([]byte, 20)
		if i < len(r.vert) {
			le.PutUint16(tc, uint16(r.vert[i])<<5)
		}
		op = append(op, tc...)
	}
	le.PutUint16(op, uint16(len(op)-1))
	return append(le.AppendUint16(nil, sprmTDefTable), op...)
}

type cfbStream struct {
	name string
	data []byte
}

// buildCFB writes a version 3 compound file holding the streams at its
// root. Streams are padded to 4096 bytes, so none is in the mini stream.
func buildCFB(t testing.TB, streams ...cfbStream) []byte {
	t.Helper()
	const ss = 512
	le := binary.LittleEndian
	nDir := (len(streams) + 1 + 3) / 4
	var body [][]byte
	nData := 0
	for _, s := range streams {
		d := append([]byte(nil), s.data...)
		for len(d) < 4096 || len(d)%ss != 0 {
			d = append(d, 0)
		}
		body = append(body, d)
		nData += len(d) / ss
	}
	nFAT := 1
	for nFAT+nDir+nData > 128*nFAT {
		nFAT++
	}
	if nFAT > 109 {
		t.Fatal("buildCFB: too large")
	}
	fat := make([]uint32, 128*nFAT)
	for i := range fat {
		fat[i] = 0xFFFFFFFF
	}
	for i := range nFAT {
		fat[i] = 0xFFFFFFFD
	}
	chain := func(first, n int) {
		for i := first; i < first+n-1; i++ {
			fat[i] = uint32(i + 1)
		}
		fat[first+n-1] = 0xFFFFFFFE
	}
	chain(nFAT, nDir)
	dir := make([]byte, nDir*ss)
	entry := func(i int, name string, typ byte, child, right, start uint32, size int) {
		e := dir[128*i:]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1
		le.PutUint32(e[68:], 0xFFFFFFFF)
		le.PutUint32(e[72:], right)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint32(e[120:], uint32(size))
	}
	entry(0, "Root Entry", 5, 1, 0xFFFFFFFF, 0xFFFFFFFE, 0)
	sec := nFAT + nDir
	for i, d := range body {
		right := uint32(i + 2)
		if i == len(body)-1 {
			right = 0xFFFFFFFF
		}
		entry(i+1, streams[i].name, 2, 0xFFFFFFFF, right, uint32(sec), len(d))
		chain(sec, len(d)/ss)
		sec += len(d) / ss
	}
	for i := len(body) + 1; i < 4*nDir; i++ { // unused entries
		le.PutUint32(dir[128*i+68:], 0xFFFFFFFF)
		le.PutUint32(dir[128*i+72:], 0xFFFFFFFF)
		le.PutUint32(dir[128*i+76:], 0xFFFFFFFF)
	}
	h := make([]byte, ss)
	copy(h, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(h[24:], 0x3E)
	le.PutUint16(h[26:], 3)
	le.PutUint16(h[28:], 0xFFFE)
	le.PutUint16(h[30:], 9)
	le.PutUint16(h[32:], 6)
	le.PutUint32(h[44:], uint32(nFAT))
	le.PutUint32(h[48:], uint32(nFAT))
	le.PutUint32(h[56:], 4096)
	le.PutUint32(h[60:], 0xFFFFFFFE)
	le.PutUint32(h[68:], 0xFFFFFFFE)
	for i := range 109 {
		v := uint32(0xFFFFFFFF)
		if i < nFAT {
			v = uint32(i)
		}
		le.PutUint32(h[76+4*i:], v)
	}
	out := h
	for _, v := range fat {
		out = le.AppendUint32(out, v)
	}
	out = append(out, dir...)
	for _, d := range body {
		out = append(out, d...)
	}
	return out
}

// docFile is a synthetic document as a compound file.
func docFile(t testing.TB, st map[string][]byte) []byte {
	var streams []cfbStream
	for _, name := range []string{"WordDocument", "0Table", "1Table", "Data"} {
		if d, ok := st[name]; ok {
			streams = append(streams, cfbStream{name, d})
		}
	}
	return buildCFB(t, streams...)
}

// readSynth reads synthetic streams, as a compound file too, and returns
// the blocks.
func readSynth(t *testing.T, st map[string][]byte) []document.Block {
	t.Helper()
	doc, err := readWordStreams(st)
	if err != nil {
		t.Fatalf("readWordStreams: %v", err)
	}
	whole, err := Read(docFile(t, st))
	if err != nil {
		t.Fatalf("readDOC of the compound file: %v", err)
	}
	if len(whole.Blocks) != len(doc.Blocks) {
		t.Errorf("the compound file gives %d blocks, its streams %d", len(whole.Blocks), len(doc.Blocks))
	}
	return doc.Blocks
}

// docBlockTexts lists the blocks' texts, "[table]" for a table.
func docBlockTexts(blocks []document.Block) []string {
	var out []string
	for _, b := range blocks {
		if b.Table != nil {
			out = append(out, "[table]")
			continue
		}
		out = append(out, b.Text)
	}
	return out
}

// docGridText draws a grid as rows of cells separated by |, a span copy as ^.
func docGridText(g *document.Grid) string {
	var b strings.Builder
	for r, row := range g.Rows {
		for c, cell := range row {
			if c > 0 {
				b.WriteByte('|')
			}
			if g.IsCopy(r, c) {
				b.WriteByte('^')
			} else {
				b.WriteString(cell.Text)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestDOCSpecialCharacters(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"field result kept, instruction dropped",
			"见\x13 HYPERLINK \"http://x\" \x14链接\x15为准\r", []string{"见链接为准"}},
		{"nested field in the result",
			"共\x13 = \x13 PAGE \x145\x15+1 \x146\x15件\r", []string{"共6件"}},
		{"nested field in the instruction",
			"甲\x13 IF \x13 DATE \x142020\x15 = 1 \x14乙\x15丙\r", []string{"甲乙丙"}},
		{"field without result", "甲\x13 TC \"目录\" \x15乙\r", []string{"甲乙"}},
		{"stray field marks", "甲\x15乙\x14丙\r", []string{"甲乙丙"}},
		{"pictures, notes and optional hyphens dropped",
			"甲\x01乙\x08丙\x05丁\x02戊\x1f己\r", []string{"甲乙丙丁戊己"}},
		{"non-breaking hyphen and space", "2020\x1e2021\u00a0年\r", []string{"2020-2021 年"}},
		{"line and page breaks", "第一行\x0b第二行\x0c第三页\r", []string{"第一行", "第二行", "第三页"}},
		{"tabs kept for text tables", "主动公开政府信息数\t条\t12\r", []string{"主动公开政府信息数\t条\t12"}},
		{"empty paragraphs skipped", "\r\r甲\r \r", []string{"甲"}},
		{"last paragraph without a mark", "甲\r乙", []string{"甲", "乙"}},
		{"tracked deletion and hidden text left out",
			"共收到申请⟨12⟩15件«（草稿）»\r⟨删去的段落⟩\r", []string{"共收到申请15件"}},
		{"supplementary character", "\U00020BB7野家\r", []string{"\U00020BB7野家"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := docBlockTexts(readSynth(t, synthDOC(c.text)))
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestDOCParagraphLines(t *testing.T) {
	blocks := readSynth(t, synthDOC("甲\r\r乙\r丙¤丁¤¶戊\r"))
	var lines []int
	for _, b := range blocks {
		lines = append(lines, b.Line)
	}
	if got := docBlockTexts(blocks); strings.Join(got, ",") != "甲,乙,[table],戊" {
		t.Fatalf("blocks %q", got)
	}
	if want := []int{1, 3, 4, 7}; !slices.Equal(lines, want) {
		t.Errorf("lines %v, want %v (the paragraph numbers)", lines, want)
	}
}

func TestDOCTables(t *testing.T) {
	for _, c := range []struct {
		name, text string
		rows       []synthRow
		want       string // docGridText; "" for no table
		paras      []string
	}{
		{name: "cells and row marks, empty cells kept",
			text: "标题\r项目¤数量¤¤¶规章¤¤0¤¶正文\r",
			want: "项目|数量|\n规章||0\n", paras: []string{"标题", "[table]", "正文"}},
		{name: "paragraphs and fields in a cell",
			text: "主动公开§政府信息¤\x13 =1+1 \x142\x15¤¶",
			want: "主动公开 政府信息|2\n"},
		{name: "a row mark after an empty last cell",
			text: "甲¤乙¤¤¶丙¤丁¤¤¶",
			want: "甲|乙|\n丙|丁|\n"},
		{name: "horizontal span from the cell edges",
			text: "申请人情况¤¶自然人¤法人¤¶1¤2¤¶",
			rows: []synthRow{{edges: []int16{0, 2000}}, {edges: []int16{0, 1000, 2000}}, {edges: []int16{0, 1000, 2000}}},
			want: "申请人情况|^\n自然人|法人\n1|2\n"},
		{name: "vertical merge",
			text: "三、办理结果¤（一）予以公开¤33¤¶¤（二）部分公开¤38¤¶",
			rows: []synthRow{{edges: []int16{0, 1000, 3000, 4000}, vert: []byte{3}}, {edges: []int16{0, 1000, 3000, 4000}, vert: []byte{1}}},
			want: "三、办理结果|（一）予以公开|33\n^|（二）部分公开|38\n"},
		{name: "edges a few twips apart are one column",
			text: "甲¤乙¤¶丙¤丁¤¶",
			rows: []synthRow{{edges: []int16{0, 1000, 2000}}, {edges: []int16{5, 1010, 1995}}},
			want: "甲|乙\n丙|丁\n"},
		{name: "a row without a definition: one column per cell",
			text: "甲¤乙¤¶丙¤丁¤戊¤¶",
			rows: []synthRow{{edges: []int16{0, 1000, 2000}}},
			want: "甲|乙|\n丙|丁|戊\n"},
		{name: "one-column table frames text",
			text:  "一、总体情况§本年度主动公开信息12条¤¶二、其他¤¶",
			paras: []string{"一、总体情况", "本年度主动公开信息12条", "二、其他"}},
		{name: "nested table as tab-separated lines of the outer cell",
			text: "外¤内甲" + nestedCell + "内乙" + nestedCell + nestedRow + "¤¶",
			want: "外|内甲 内乙\n"},
		{name: "empty rows dropped",
			text: "甲¤乙¤¶¤¤¶丙¤丁¤¶",
			want: "甲|乙\n丙|丁\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			blocks := readSynth(t, synthDOC(c.text, c.rows...))
			got := ""
			for _, b := range blocks {
				if b.Table != nil {
					got += docGridText(b.Table)
				}
			}
			if got != c.want {
				t.Errorf("grid:\n%s\nwant:\n%s", got, c.want)
			}
			if c.paras != nil {
				if p := docBlockTexts(blocks); strings.Join(p, "\n") != strings.Join(c.paras, "\n") {
					t.Errorf("blocks %q, want %q", p, c.paras)
				}
			}
		})
	}
}

// nestedCell and nestedRow, in synthDOC's text, end a cell and a row of a
// table at depth 2 (paragraph marks with sprmPItap 2 and
// sprmPFInnerTableCell or sprmPFInnerTtp).
const (
	nestedCell = "\uE001"
	nestedRow  = "\uE002"
)

func TestDOCHeuristicRows(t *testing.T) {
	// Without paragraph properties, a cell mark right after a cell mark
	// ends the row.
	b := newDocBuilder(func(uint32, uint16) docParaProps { return docParaProps{} }, func(uint32, uint16) bool { return false })
	for _, r := range "表\r甲\a乙\a\a丙\a丁\a\a完\r" {
		b.char(r, 0, 0)
	}
	blocks := b.finish()
	if got := docBlockTexts(blocks); strings.Join(got, ",") != "表,[table],完" {
		t.Fatalf("blocks %q", got)
	}
	if got := docGridText(blocks[1].Table); got != "甲|乙\n丙|丁\n" {
		t.Errorf("grid:\n%s", got)
	}
}

func TestDOCPieces(t *testing.T) {
	// A compressed piece (cp1252 with the [MS-DOC] exceptions) between two
	// UTF-16 pieces.
	le := binary.LittleEndian
	wd := synthFIB(0, docFcLcb{}, docFcLcb{})
	u16 := func(s string) []byte {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = le.AppendUint16(b, u)
		}
		return b
	}
	first, latin, last := u16("标题"), []byte("\x93Caf\xe9\x94 \x80\x85\r"), u16("完\r")
	fc1 := uint32(len(wd))
	wd = append(wd, first...)
	fc2 := uint32(len(wd))
	wd = append(wd, latin...)
	fc3 := uint32(len(wd))
	wd = append(wd, last...)
	cps := []uint32{0, 2, 2 + uint32(len(latin)), 4 + uint32(len(latin))}
	table := synthCLX(cps, []uint32{fc1, fc2*2 | 0x40000000, fc3})
	copy(wd, synthFIB(cps[3], docFcLcb{0, uint32(len(table))}, docFcLcb{}))
	got := docBlockTexts(readSynth(t, map[string][]byte{"WordDocument": wd, "1Table": table}))
	if want := []string{"标题“Café” …", "完"}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
	// ccpText ends the main document: the footnotes after it are left out.
	copy(wd, synthFIB(cps[2], docFcLcb{0, uint32(len(table))}, docFcLcb{}))
	got = docBlockTexts(readSynth(t, map[string][]byte{"WordDocument": wd, "1Table": table}))
	if want := []string{"标题“Café” …"}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("with ccpText short: got %q, want %q", got, want)
	}
}

// TestDOCRefused checks the messages for files that are not readable
// Word 97 documents. Each wraps ErrUnreadable.
func TestDOCRefused(t *testing.T) {
	fixture := docFixtures(t)["seed-002-doc.doc"]
	ok := synthDOC("本年度主动公开信息12条\r")
	with := func(f func(st map[string][]byte)) []byte {
		st := map[string][]byte{}
		for k, v := range ok {
			st[k] = append([]byte(nil), v...)
		}
		f(st)
		return docFile(t, st)
	}
	le := binary.LittleEndian
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"xls", buildCFB(t, cfbStream{"Workbook", []byte{9, 8, 16, 0}}, cfbStream{"\x05SummaryInformation", nil}), "Excel 97-2003 工作簿（.xls）"},
		{"ppt", buildCFB(t, cfbStream{"PowerPoint Document", nil}), "PowerPoint"},
		{"password-protected docx", buildCFB(t, cfbStream{"EncryptionInfo", nil}, cfbStream{"EncryptedPackage", nil}), "已加密"},
		{"encrypted", with(func(st map[string][]byte) { le.PutUint16(st["WordDocument"][10:], fibWhichTblStm|fibEncrypted) }), "这个 Word 文档已加密（设有打开密码）"},
		{"word 95", with(func(st map[string][]byte) { le.PutUint16(st["WordDocument"][2:], 0x68) }), "Word 6.0/95"},
		{"not a FIB", with(func(st map[string][]byte) { st["WordDocument"][0] = 0 }), "文件头标识"},
		{"no table stream", with(func(st map[string][]byte) { st["0Table"] = st["1Table"]; delete(st, "1Table") }), "缺少 1Table"},
		{"CLX out of range", with(func(st map[string][]byte) { le.PutUint32(st["WordDocument"][154+8*fibClx:], 1<<30) }), "超出表流"},
		{"piece past the stream", with(func(st map[string][]byte) { le.PutUint32(st["1Table"][5+8+2:], 1<<29) }), "超出 WordDocument 流"},
		{"pieces out of order", with(func(st map[string][]byte) { le.PutUint32(st["1Table"][5:], 1<<20) }), "不是递增"},
		{"truncated", fixture[:len(fixture)/2], "文件不完整"},
		{"signature only", fixture[:8], "doc 文件已损坏"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Read(c.data)
			if err == nil {
				t.Fatalf("read %d blocks, want an error", len(doc.Blocks))
			}
			if !errors.Is(err, format.ErrUnreadable) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q, want one wrapping ErrUnreadable with %q", err, c.want)
			}
		})
	}
}

// docFixtures returns the .doc samples by name.
func docFixtures(tb testing.TB) map[string][]byte {
	tb.Helper()
	names, _ := filepath.Glob("../../testdata/reports/*.doc")
	out := map[string][]byte{}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		out[filepath.Base(name)] = b
	}
	if out["seed-002-doc.doc"] == nil || out["pingtan-2025-zone-doc.doc"] == nil {
		tb.Fatal("the .doc samples are missing")
	}
	return out
}

// FuzzDOC checks that no compound file makes the reader panic or hang,
// that every error wraps ErrUnreadable and that grids are well formed.
//
//	go test ./format/word97 -run XXX -fuzz FuzzDOC -fuzztime 30s -fuzzminimizetime 5s
func FuzzDOC(f *testing.F) {
	docs := docFixtures(f)
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		f.Add(docs[name])
	}
	f.Add(docFile(f, synthDOC("标题\r项目¤数量¤¤¶规章¤¤0¤¶甲\x13 F \x14乙\x15\r",
		synthRow{edges: []int16{0, 1000, 2000, 3000}}, synthRow{edges: []int16{0, 1000, 2000, 3000}, vert: []byte{1}})))
	f.Add(buildCFB(f, cfbStream{"Workbook", nil}))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := readWord97(data) // without readDOC's recover, so a panic shows
		if err != nil {
			if !errors.Is(err, format.ErrUnreadable) {
				t.Fatalf("error does not wrap ErrUnreadable: %v", err)
			}
			return
		}
		for _, b := range doc.Blocks {
			if b.Table != nil {
				docCheckGrid(t, b.Table)
			}
		}
		if _, err := format.Read(data); err != nil && !errors.Is(err, format.ErrUnreadable) {
			t.Fatalf("format.Read error does not wrap ErrUnreadable: %v", err)
		}
	})
}

// docCheckGrid fails unless every row has the same width and every copy
// points at an original cell with the same text.
func docCheckGrid(t *testing.T, g *document.Grid) {
	t.Helper()
	if len(g.Rows) == 0 {
		t.Fatal("empty grid")
	}
	for r, row := range g.Rows {
		if len(row) != len(g.Rows[0]) {
			t.Fatalf("row %d has %d cells, row 0 %d", r, len(row), len(g.Rows[0]))
		}
		for c, cell := range row {
			o, oc := cell.OrigRow, cell.OrigCol
			if o < 0 || o > r || oc < 0 || oc > c || (o == r && oc == c) != !g.IsCopy(r, c) {
				t.Fatalf("cell (%d,%d) has origin (%d,%d)", r, c, o, oc)
			}
			if orig := g.Rows[o][oc]; orig.OrigRow != o || orig.OrigCol != oc || orig.Text != cell.Text {
				t.Fatalf("cell (%d,%d) copies (%d,%d), which is not that original", r, c, o, oc)
			}
		}
	}
}
