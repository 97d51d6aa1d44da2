package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"xxgk/document"
	"xxgk/format"
	"xxgk/internal/testutil"
)

// docxNS declares the namespaces the hand-written documents use.
const docxNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" ` +
	`xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"`

// docxXMLOf is a word/document.xml with body as the content of w:body.
func docxXMLOf(body string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document ` + docxNS + `><w:body>` + body + `</w:body></w:document>`)
}

// docxOf zips a document whose body is body, with more parts given as
// name, content pairs.
func docxOf(t testing.TB, body string, parts ...string) []byte {
	t.Helper()
	return docxZip(zip.Deflate, append([]string{"word/document.xml", string(docxXMLOf(body))}, parts...)...)
}

// docxZip writes a package of the parts given as name, content pairs, in
// that order, with a content-types part first.
func docxZip(method uint16, parts ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts = append([]string{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`}, parts...)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: parts[i], Method: method})
		if err != nil {
			panic(err) // writing to memory does not fail
		}
		io.WriteString(w, parts[i+1])
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// docxDump shows a document's blocks, one per line: a paragraph as
// "line: text", a table as "line: [a | b] [c | =0,1]" with a span copy as
// =row,col of its origin.
func docxDump(doc *document.Document) string {
	var b strings.Builder
	for _, blk := range doc.Blocks {
		fmt.Fprintf(&b, "%d: ", blk.Line)
		if blk.Table == nil {
			b.WriteString(blk.Text)
		} else {
			b.WriteString(gridDump(blk.Table))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func gridDump(g *document.Grid) string {
	var rows []string
	for r, row := range g.Rows {
		var cells []string
		for c, cell := range row {
			if g.IsCopy(r, c) {
				cells = append(cells, fmt.Sprintf("=%d,%d", cell.OrigRow, cell.OrigCol))
			} else {
				cells = append(cells, cell.Text)
			}
		}
		rows = append(rows, "["+strings.Join(cells, " | ")+"]")
	}
	return strings.Join(rows, " ")
}

func mustReadDOCX(t *testing.T, data []byte) *document.Document {
	t.Helper()
	doc, err := Read(data)
	if err != nil {
		t.Fatalf("readDOCX: %v", err)
	}
	if doc.Kind != "docx" {
		t.Errorf("kind %q", doc.Kind)
	}
	return doc
}

// checkDump reads body as a document and compares its dump.
func checkDump(t *testing.T, body, want string, parts ...string) {
	t.Helper()
	got := docxDump(mustReadDOCX(t, docxOf(t, body, parts...)))
	if want = strings.TrimLeft(want, "\n"); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func p(runs ...string) string { return "<w:p>" + strings.Join(runs, "") + "</w:p>" }
func r(text string) string    { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

func TestDOCXParagraphs(t *testing.T) {
	body := p(`<w:pPr><w:pStyle w:val="Heading1"/><w:jc w:val="center"/></w:pPr>`, r("某某区2023年政府信息公开"), r("工作年度报告")) +
		p() + // empty: counted, not a block
		p(r("共收到申请"), r("1"), `<w:r><w:rPr><w:b/></w:rPr><w:t>2</w:t></w:r>`, r("件")) +
		p(r("主动公开政府信息数"), `<w:r><w:tab/></w:r>`, r("条"), `<w:r><w:tab/><w:t>12</w:t></w:r>`) +
		p(r("第一行"), `<w:r><w:br/></w:r>`, r("第二行"), `<w:r><w:br w:type="page"/></w:r>`, `<w:r><w:cr/></w:r>`, r("第三行")) +
		p(r("\u3000\u3000缩进的段落\u00a0 "), `<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>`,
			`<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>显示</w:t></w:r>`) +
		p(r("拼音"), `<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>pīn</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase></w:ruby></w:r>`,
			`<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>`, `<w:r><w:noBreakHyphen/></w:r>`, r("1"),
			`<m:oMath><m:r><m:t>x</m:t></m:r></m:oMath>`) +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`
	checkDump(t, body, `
1: 某某区2023年政府信息公开工作年度报告
3: 共收到申请12件
4: 主动公开政府信息数	条	12
5: 第一行
5: 第二行
5: 第三行
6: 缩进的段落  显示
7: 拼音注-1
`)
}

// TestDOCXMergedCells checks gridSpan, vMerge (restart and continue, the
// value left out), gridBefore and hMerge, cell text folded like HTML's, and
// the table's line.
func TestDOCXMergedCells(t *testing.T) {
	tc := func(props, text string) string {
		return "<w:tc><w:tcPr><w:tcW w:w=\"100\" w:type=\"dxa\"/>" + props + "</w:tcPr>" + text + "</w:tc>"
	}
	row := func(cells ...string) string { return "<w:tr><w:trPr/>" + strings.Join(cells, "") + "</w:tr>" }
	body := p(r("表格前")) +
		`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		row(tc(`<w:vMerge w:val="restart"/>`, p(r("申请人"))), tc(`<w:gridSpan w:val="2"/>`, p(r("法人或"), `<w:r><w:br/></w:r>`, r("其他组织")))) +
		row(tc(`<w:vMerge/>`, p()), tc("", p(r("商业"))+p(r("企业"))), tc("", p(r("科研"), `<w:r><w:tab/></w:r>`, r("机构")))) +
		row(tc(`<w:vMerge w:val="continue"/>`, p()), tc("", p(r("1"))), tc("", p(r("2")))) +
		row(tc("", p()), tc("", p()), tc("", p())) + // an empty row is dropped
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc("", p(r("3"))) + tc(`<w:hMerge/>`, p()) + `</w:tr>` +
		row(tc(`<w:hMerge w:val="restart"/>`, p(r("合计"))), tc(`<w:hMerge w:val="continue"/>`, p()), tc("", p(r("9")))) +
		// A continuing hMerge with nothing to its left is a cell of its own.
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc(`<w:hMerge/>`, p(r("4"))) + tc("", p(r("5"))) + `</w:tr>` +
		`</w:tbl>` + p(r("表格后"))
	checkDump(t, body, `
1: 表格前
2: [申请人 | 法人或 其他组织 | =0,1] [=0,0 | 商业 企业 | 科研 机构] [=0,0 | 1 | 2] [ | 3 | =3,1] [合计 | =4,0 | 9] [ | 4 | 5]
21: 表格后
`)
}

// TestDOCXFrames checks that a table holding a table and a one-column
// table are read as frames, as in a page.
func TestDOCXFrames(t *testing.T) {
	inner := `<w:tbl><w:tr><w:tc>` + p(r("项目")) + `</w:tc><w:tc>` + p(r("数量")) + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + p(r("主动公开")) + `</w:tc><w:tc>` + p(r("7")) + `</w:tc></w:tr></w:tbl>`
	body := `<w:tbl><w:tr><w:tc>` + p(r("外框文字")) + inner + p(r("外框之后")) + `</w:tc><w:tc>` + p(r("右格")) + `</w:tc></w:tr></w:tbl>` +
		`<w:tbl><w:tr><w:tc>` + p(r("单列表格的一段")) + `</w:tc></w:tr><w:tr><w:tc>` + p(r("第二段")) + `</w:tc></w:tr></w:tbl>`
	checkDump(t, body, `
1: 外框文字
2: [项目 | 数量] [主动公开 | 7]
6: 外框之后
7: 右格
8: 单列表格的一段
9: 第二段
`)
}

// TestDOCXTextBoxes checks that a text box follows its paragraph, and that
// of DrawingML and its VML fallback only one is read.
func TestDOCXTextBoxes(t *testing.T) {
	box := func(text string) string {
		return `<w:txbxContent>` + p(r(text)) + `</w:txbxContent>`
	}
	body := p(r("正文开头"),
		`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>`+
			box("框内文字")+
			`</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>`+
			`<mc:Fallback><w:pict><v:shape><v:textbox>`+box("框内文字")+`</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
		r("正文结尾")) +
		p(`<w:r><w:pict><v:shape><v:textbox>`+box("旧式文本框")+`</v:textbox></v:shape></w:pict></w:r>`) +
		p(`<w:r><mc:AlternateContent><mc:Fallback><w:pict><v:shape><v:textbox>`+box("只有后备")+`</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`)
	checkDump(t, body, `
1: 正文开头正文结尾
2: 框内文字
4: 旧式文本框
6: 只有后备
`)
}

// TestDOCXFields checks that a field gives its result, not its instruction.
func TestDOCXFields(t *testing.T) {
	fld := func(typ string) string { return `<w:r><w:fldChar w:fldCharType="` + typ + `"/></w:r>` }
	instr := func(s string) string { return `<w:r><w:instrText xml:space="preserve">` + s + `</w:instrText></w:r>` }
	body := p(r("共"), fld("begin"), instr(" = 3 + 4 "), fld("separate"), r("7"), fld("end"), r("件")) +
		// A field inside another's instruction is part of the instruction.
		p(r("页码"), fld("begin"), instr(" IF "), fld("begin"), instr(" PAGE "), fld("separate"), r("1"), fld("end"),
			instr(` = 1 "首页" "" `), fld("separate"), r("首页"), fld("end")) +
		// A field without a result shows nothing.
		p(r("日期"), fld("begin"), instr(" DATE "), fld("end"), r("未更新")) +
		p(`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>12</w:t></w:r></w:fldSimple>`, r("页")) +
		p(`<w:hyperlink r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`, r("链接文字"), `</w:hyperlink>`)
	checkDump(t, body, `
1: 共7件
2: 页码首页
3: 日期未更新
4: 12页
5: 链接文字
`)
}

// TestDOCXTrackedChanges reads a document as if every change were accepted.
func TestDOCXTrackedChanges(t *testing.T) {
	ins := func(s string) string { return `<w:ins w:id="1" w:author="甲">` + r(s) + `</w:ins>` }
	del := func(s string) string {
		return `<w:del w:id="2" w:author="乙"><w:r><w:delText>` + s + `</w:delText></w:r></w:del>`
	}
	body := p(r("本年新收申请"), del("15"), ins("16"), r("件"), `<w:del w:id="5">`+r("（w:t 写在删除中）")+`</w:del>`) +
		p(`<w:moveFrom w:id="3"><w:r><w:t>移走的</w:t></w:r></w:moveFrom>`, r("原地"), `<w:moveTo w:id="4">`+r("移来的")+`</w:moveTo>`) +
		p(`<w:r><w:delText>只有删除</w:delText></w:r>`)
	checkDump(t, body, `
1: 本年新收申请16件
2: 原地移来的
`)
}

// TestDOCXContentControls reads content controls, block, run and cell
// level, and leaves out placeholder text.
func TestDOCXContentControls(t *testing.T) {
	body := `<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>` + p(r("控件中的段落")) + `</w:sdtContent></w:sdt>` +
		p(r("单位："), `<w:sdt><w:sdtPr/><w:sdtContent>`+r("某某局")+`</w:sdtContent></w:sdt>`) +
		p(r("日期："), `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>`+r("单击或点击此处输入日期。")+`</w:sdtContent></w:sdt>`) +
		`<w:tbl><w:tr><w:sdt><w:sdtContent><w:tc>` + p(r("甲")) + `</w:tc></w:sdtContent></w:sdt><w:tc>` + p(r("乙")) + `</w:tc></w:tr></w:tbl>` +
		`<w:customXml w:element="x">` + p(r("自定义")) + `</w:customXml>`
	checkDump(t, body, `
1: 控件中的段落
2: 单位：某某局
3: 日期：
4: [甲 | 乙]
6: 自定义
`)
}

const testNumbering = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pStyle w:val="Heading1"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>
</w:numbering>`

const testStyles = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>
<w:style w:type="paragraph" w:styleId="Plain"><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>
</w:styles>`

// TestDOCXNumbering puts list numbers before the paragraphs, directly
// numbered or by their style, the way Word shows them.
func TestDOCXNumbering(t *testing.T) {
	num := func(id, lvl string) string {
		return `<w:pPr><w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="` + id + `"/></w:numPr></w:pPr>`
	}
	style := func(s string) string { return `<w:pPr><w:pStyle w:val="` + s + `"/></w:pPr>` }
	body := p(style("Heading1"), r("总体情况")) +
		p(num("1", "1"), r("主动公开")) +
		p(num("1", "2"), r("规章")) +
		p(num("1", "2"), r("规范性文件")) +
		p(num("1", "1"), r("依申请公开")) +
		p(num("1", "2"), r("重新从1开始")) +
		p(num("1", "3"), r("多级")) +
		p(style("MyHeading"), r("主动公开政府信息情况")) +
		p(num("2", "0"), r("圆点不算编号")) +
		p(style("Plain"), r("无编号")) +
		p(num("1", "1")) + // an empty numbered paragraph counts, but is not a block
		p(num("1", "1"), r("第二项")) +
		p(num("3", "0"), r("从十开始")) +
		`<w:tbl><w:tr><w:tc>` + p(num("1", "2"), r("表中")) + `</w:tc><w:tc>` + p(r("5")) + `</w:tc></w:tr></w:tbl>`
	checkDump(t, body, `
1: 一、总体情况
2: （一）主动公开
3: 1. 规章
4: 2. 规范性文件
5: （二）依申请公开
6: 1. 重新从1开始
7: 一.1 多级
8: 二、主动公开政府信息情况
9: 圆点不算编号
10: 无编号
12: （二）第二项
13: 十、从十开始
14: [1. 表中 | 5]
`, "word/numbering.xml", testNumbering, "word/styles.xml", testStyles)

	// A broken numbering part costs the numbers, not the document.
	checkDump(t, p(num("1", "0"), r("正文")), "1: 正文\n", "word/numbering.xml", testNumbering[:200])
}

// TestDOCXStyleType numbers paragraphs by paragraph styles only: a
// numbering style (w:type="numbering") with a w:numPr is not one. (The
// type is read before the style's content, whose tokens reuse the
// attributes' memory.)
func TestDOCXStyleType(t *testing.T) {
	styles := `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="numbering" w:styleId="ListStyle"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:styleId="Untyped"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>`
	style := func(s string) string { return `<w:pPr><w:pStyle w:val="` + s + `"/></w:pPr>` }
	checkDump(t, p(style("ListStyle"), r("不编号"))+p(style("Untyped"), r("编号")), "1: 不编号\n2: 一、编号\n",
		"word/numbering.xml", testNumbering, "word/styles.xml", styles)
}

// TestStyleNumberingKept checks that styleNumbering, which keeps what it
// found, finds what following the styles finds, asked once or again, and
// past the number of styles it keeps.
func TestStyleNumberingKept(t *testing.T) {
	n := &docxNumbering{styles: map[string]docxStyle{
		"A": {basedOn: "B"},
		"B": {basedOn: "C", ilvl: "1"},
		"C": {numID: "3", ilvl: "2"},
		"D": {basedOn: "D"},
		"E": {numID: "4"},
	}}
	for i := range 2 * maxStyleNums {
		n.styles[fmt.Sprint("S", i)] = docxStyle{basedOn: string(rune('A' + i%6))}
	}
	for round := range 2 {
		for style := range n.styles {
			for _, s := range []string{style, style + "?"} {
				id, lvl := n.styleNumbering(s)
				wid, wlvl := n.followStyles(s)
				if id != wid || lvl != wlvl {
					t.Fatalf("round %d, style %s: %q %q, want %q %q", round, s, id, lvl, wid, wlvl)
				}
			}
		}
	}
	if len(n.styleNums) != maxStyleNums {
		t.Errorf("%d styles kept, want %d", len(n.styleNums), maxStyleNums)
	}
}

func TestListNumber(t *testing.T) {
	for _, tt := range []struct {
		v    int
		fmt  string
		want string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCountingThousand", "二十"}, {105, "chineseCounting", "一百零五"}, {110, "chineseCounting", "一百一十"},
		{1005, "chineseCounting", "一千零五"}, {0, "chineseCounting", "0"},
		{3, "decimal", "3"}, {3, "decimalEnclosedCircle", "③"}, {12, "decimalFullWidth", "１２"},
		{2, "ideographTraditional", "乙"}, {305, "ideographDigital", "三〇五"}, {4, "upperRoman", "IV"},
		{28, "lowerLetter", "bb"}, {7, "decimalZero", "07"}, {5, "unknownFormat", "5"},
	} {
		if got := listNumber(tt.v, tt.fmt); got != tt.want {
			t.Errorf("listNumber(%d, %s) = %q, want %q", tt.v, tt.fmt, got, tt.want)
		}
	}
}

func TestDOCXTitle(t *testing.T) {
	core := `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<dc:creator>甲</dc:creator><dc:title>  某某县2020年政府信息公开
工作年度报告 </dc:title></cp:coreProperties>`
	doc := mustReadDOCX(t, docxOf(t, p(r("政府信息公开")), "docProps/core.xml", core))
	if doc.Title != "某某县2020年政府信息公开工作年度报告" {
		t.Errorf("title %q", doc.Title)
	}
	doc = mustReadDOCX(t, docxOf(t, p(r("政府信息公开")), "docProps/core.xml", "<broken"))
	if doc.Title != "" {
		t.Errorf("title of a broken core.xml %q", doc.Title)
	}
}

// lyingZip is a zip holding one deflated entry, comp, whose central
// directory declares size bytes.
func lyingZip(t *testing.T, name string, comp []byte, size uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, CompressedSize64: uint64(len(comp)), UncompressedSize64: size,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func deflate(data []byte) []byte {
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
	fw.Write(data)
	fw.Close()
	return buf.Bytes()
}

// deflateBomb is a deflate stream of prefix and then n bytes fill, written
// by hand as one block of fixed Huffman codes: one literal, then copies of
// 258 bytes at distance 1, 13 bits each, so 70 MB take 460 KB and no
// memory to make.
func deflateBomb(prefix []byte, fill byte, n int) []byte {
	w := &bitWriter{}
	w.bits(1, 1) // last block
	w.bits(1, 2) // fixed Huffman codes
	for _, b := range append(prefix, fill) {
		w.literal(b)
	}
	for n--; n >= 258; n -= 258 {
		w.code(0xC5, 8) // length 258 (code 285)
		w.code(0, 5)    // distance 1
	}
	for ; n > 0; n-- {
		w.literal(fill)
	}
	w.code(0, 7) // end of block
	if w.n > 0 {
		w.buf = append(w.buf, byte(w.acc))
	}
	return w.buf
}

type bitWriter struct {
	buf []byte
	acc uint32
	n   uint
}

// bits writes v's n low bits, least significant first, as deflate does.
func (w *bitWriter) bits(v uint32, n uint) {
	w.acc |= v << w.n
	w.n += n
	for ; w.n >= 8; w.n -= 8 {
		w.buf = append(w.buf, byte(w.acc))
		w.acc >>= 8
	}
}

// code writes a Huffman code, most significant bit first.
func (w *bitWriter) code(c uint32, n uint) {
	for i := int(n) - 1; i >= 0; i-- {
		w.bits(c>>uint(i)&1, 1)
	}
}

// literal writes a byte in the fixed literal code.
func (w *bitWriter) literal(b byte) {
	if b < 144 {
		w.code(0x30+uint32(b), 8)
	} else {
		w.code(0x190+uint32(b)-144, 9)
	}
}

// TestDOCXRefused gives hostile and broken files: each is refused with a
// message that says why, wrapping ErrUnreadable.
func TestDOCXRefused(t *testing.T) {
	good := docxOf(t, p(r("本机关2020年政府信息公开工作年度报告")))

	// A zip bomb: a document.xml of 70 MB, beyond the 64 MB limit, that
	// declares 1 KB.
	const bombSize = 70 << 20
	prefix := []byte(`<w:document ` + docxNS + `><w:body><w:p><w:r><w:t>`)
	comp := deflateBomb(prefix, 'a', bombSize)
	if n, err := io.Copy(io.Discard, flate.NewReader(bytes.NewReader(comp))); err != nil || n != int64(len(prefix)+bombSize) {
		t.Fatalf("the bomb inflates to %d bytes (%v), want %d", n, err, len(prefix)+bombSize)
	}
	bomb := lyingZip(t, "word/document.xml", comp, 1024)
	// A document.xml that says it is larger than the limit.
	huge := lyingZip(t, "word/document.xml", deflate(docxXMLOf(p(r("x")))), 100<<20)

	// Cut in the middle: the central directory is lost.
	truncated := good[:len(good)/2]

	// A whole zip whose document.xml stops in the middle of the XML.
	full := docxXMLOf(p(r("本机关2020年政府信息公开工作年度报告")) + p(r("第二段")))
	cutXML := testutil.Zip(t, map[string][]byte{"word/document.xml": full[:len(full)-40]})

	// Compressed data damaged on the way: deflate or checksum errors.
	damaged := bytes.Clone(good)
	if i := bytes.Index(damaged, []byte("word/document.xml")); i < 0 {
		t.Fatal("no local header")
	} else {
		for k := i + 20; k < i+60 && k < len(damaged); k++ {
			damaged[k] ^= 0x55
		}
	}

	deep := docxOf(t, strings.Repeat("<w:sdt><w:sdtContent>", 300)+p(r("深"))+strings.Repeat("</w:sdtContent></w:sdt>", 300))

	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"bomb", bomb, "word/document.xml 解压后比声明的大小更大，可能是压缩炸弹"},
		{"huge", huge, "word/document.xml 解压后超过 64 MB 的上限"},
		{"truncated", truncated, "文件已损坏"},
		{"cut-xml", cutXML, "docx 文件已损坏（word/document.xml 不是完整的 XML"},
		{"damaged", damaged, "docx 文件已损坏（word/document.xml"},
		{"path", testutil.Zip(t, map[string][]byte{"word/document.xml": docxXMLOf(p(r("x"))), "../../evil.txt": []byte("x")}), "指向包外"},
		{"abs-path", testutil.Zip(t, map[string][]byte{"word/document.xml": docxXMLOf(p(r("x"))), "/etc/x": []byte("x")}), "指向包外"},
		{"empty", docxOf(t, p()+"<w:tbl/>"), "Word 文档（.docx）中没有可读的文字"},
		{"not-xml", testutil.Zip(t, map[string][]byte{"word/document.xml": []byte("\x00\x01binary")}), "docx 文件已损坏"},
		{"deep", deep, "嵌套超过 256 层"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := format.Read(tc.data)
			wantUnreadable(t, err, tc.want)
		})
	}

	// readDOCX on its own (Parse checks the archive first).
	for _, tc := range []struct {
		name string
		data []byte
		lim  docxLimits
		want string
	}{
		{"truncated", truncated, defaultDocxLimits, "docx 文件已损坏（不是完整的 zip 压缩包"},
		{"no-document", testutil.Zip(t, map[string][]byte{"word/other.xml": []byte("<x/>")}), defaultDocxLimits, "缺少正文部件 word/document.xml"},
		{"elements", good, docxLimits{document: 1 << 20, part: 1 << 20, depth: 100, elements: 3, cells: 100}, "元素超过 3 个"},
		{"size", good, docxLimits{document: 100, part: 1 << 20, depth: 100, elements: 100, cells: 100}, "超过 100 字节的上限"},
		{"cells", docxOf(t, `<w:tbl>`+strings.Repeat(`<w:tr><w:tc><w:tcPr><w:gridSpan w:val="50"/></w:tcPr>`+p(r("1"))+`</w:tc><w:tc>`+p(r("2"))+`</w:tc></w:tr>`, 30)+`</w:tbl>`),
			docxLimits{document: 1 << 20, part: 1 << 20, depth: 100, elements: 10000, cells: 1000}, "超过 1000 格"},
	} {
		t.Run("readDOCX-"+tc.name, func(t *testing.T) {
			_, err := readWith(tc.data, tc.lim)
			wantUnreadable(t, err, tc.want)
		})
	}
}

// wantUnreadable fails unless err wraps ErrUnreadable and says want.
func wantUnreadable(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case err == nil:
		t.Fatalf("no error, want one saying %q", want)
	case !errors.Is(err, format.ErrUnreadable):
		t.Errorf("error %v does not wrap ErrUnreadable", err)
	case !strings.Contains(err.Error(), want):
		t.Errorf("error %q does not say %q", err, want)
	default:
		t.Log(err)
	}
}

func TestCappedReader(t *testing.T) {
	c := &cappedReader{r: strings.NewReader("0123456789"), left: 10}
	if b, err := readAllCapped(c); err != nil || string(b) != "0123456789" {
		t.Errorf("at the limit: %q, %v", b, err)
	}
	c = &cappedReader{r: strings.NewReader("0123456789x"), left: 10}
	if _, err := readAllCapped(c); !errors.Is(err, errDocxTooBig) {
		t.Errorf("past the limit: %v, want errDocxTooBig", err)
	}
}

func readAllCapped(c *cappedReader) ([]byte, error) {
	var out []byte
	buf := make([]byte, 3)
	for {
		n, err := c.Read(buf)
		out = append(out, buf[:n]...)
		if err != nil {
			if err == io.EOF {
				return out, nil
			}
			return out, err
		}
	}
}

// TestSlabRoom checks that slices from a slab's room do not grow over
// each other.
func TestSlabRoom(t *testing.T) {
	var s slab[int]
	a, b := s.room(1), s.room(2)
	a = append(a, 1, 2, 3) // past its room: moved out
	b = append(b, 4, 5)
	c := s.room(300) // more than a chunk
	c = append(c, 6)
	if d := s.new(); *d != 0 || a[0] != 1 || b[0] != 4 || b[1] != 5 || len(c) != 1 || cap(c) != 300 {
		t.Errorf("a %v, b %v, c %v, new %d", a, b, c, *d)
	}
}
