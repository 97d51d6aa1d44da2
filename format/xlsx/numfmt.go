package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"xxgk/format"
	"xxgk/format/ooxml"
	"xxgk/format/ooxml/xmltok"
)

// fmtKey is a stored number and the style it is shown with.
type fmtKey struct {
	style int
	raw   string
}

// formatNumbers returns the text a spreadsheet shows for the styled
// numbers of the sheets: displayValue needs it to tell a date from a
// number. Number formats are a language of their own (and Chinese dates
// have their own built-in formats), so excelize formats them: in a small
// workbook made of the workbook's own styles and one cell per distinct
// value, read as a stream. excelize never sees the workbook's sheets or
// shared strings, which it would load whole, nor the numbers of styles
// that show every number as a number (numberFormats.plain).
func formatNumbers(p *pkg, wb *workbookInfo, sheets []*sheetData) (map[fmtKey]string, error) {
	var keys []fmtKey
	seen := map[fmtKey]bool{}
	for _, sd := range sheets {
		for _, c := range sd.cells {
			k := fmtKey{int(c.style), c.raw}
			if c.style <= 0 || seen[k] || !styledNumber(c) {
				continue
			}
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil, nil
	}
	styles, found, err := p.read(wb.styles)
	if err != nil || !found {
		return nil, err // without styles, every number is shown as stored
	}
	return shownNumbers(wb.styles, styles, wb.date1904, keys)
}

// shownNumbers returns the text shown for the keys, with the workbook's
// styles (from part), that displayValue needs: excelize's, but for the
// numbers it would show as numbers.
func shownNumbers(part, styles string, date1904 bool, keys []fmtKey) (map[fmtKey]string, error) {
	nf, err := readNumberFormats(part, styles)
	if err != nil {
		return nil, err
	}
	// The numbers shown as numbers, whatever their value, need no
	// excelize: displayValue shows them as stored. Opening the styles
	// and formatting took two thirds of reading a workbook.
	var rest []fmtKey
	for _, k := range keys {
		if !nf.plain(k.style) {
			rest = append(rest, k)
		}
	}
	if len(rest) == 0 {
		return nil, nil
	}
	return excelizeFormat(part, styles, date1904, rest)
}

// excelizeFormat returns the text excelize shows for each key, with the
// workbook's styles (from part).
func excelizeFormat(part, styles string, date1904 bool, keys []fmtKey) (map[fmtKey]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(styleBook(styles, date1904, keys)), excelize.Options{
		UnzipSizeLimit:    ooxml.MaxUnzipped,
		UnzipXMLSizeLimit: ooxml.MaxUnzipped, // keep every part in memory: no temporary files
	})
	if err != nil {
		return nil, fmt.Errorf("文件已损坏（部件 %s 不是正确的样式表）: %w", part, format.ErrUnreadable)
	}
	defer f.Close()
	rows, err := f.Rows("Sheet1")
	if err != nil {
		return nil, fmt.Errorf("文件已损坏（部件 %s 不是正确的样式表）: %w", part, format.ErrUnreadable)
	}
	defer rows.Close()
	shown := make(map[fmtKey]string, len(keys))
	for i := 0; rows.Next() && i < len(keys); i++ {
		cols, err := rows.Columns()
		if err != nil {
			return nil, fmt.Errorf("文件已损坏（部件 %s 不是正确的样式表）: %w", part, format.ErrUnreadable)
		}
		if len(cols) > 0 {
			shown[keys[i]] = cols[0]
		}
	}
	return shown, nil
}

// styledNumber reports a cell whose shown text a number format decides.
func styledNumber(c cell) bool {
	switch c.typ {
	case typeNumber, typeDate:
	default:
		return false
	}
	_, number := displayValue(c, nil)
	return number
}

// styleBook is a workbook of the given styles whose only sheet holds, in
// column A, one cell per key, styled and valued as the key says.
func styleBook(styles string, date1904 bool, keys []fmtKey) []byte {
	const (
		main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
		rel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
		pr   = "http://schemas.openxmlformats.org/package/2006/relationships"
	)
	var sheet strings.Builder
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="` + main + `"><sheetData>`)
	for i, k := range keys {
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d" s="%d"><v>`, i+1, i+1, k.style)
		xml.EscapeText(&sheet, []byte(k.raw))
		sheet.WriteString(`</v></c></row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	pr1904 := ""
	if date1904 {
		pr1904 = `<workbookPr date1904="1"/>`
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="` + pr + `"><Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="` + main + `" xmlns:r="` + rel + `">` + pr1904 +
			`<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="` + pr + `">` +
			`<Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="` + rel + `/styles" Target="styles.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet.String()},
		{"xl/styles.xml", styles},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range parts {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Store})
		w.Write([]byte(part.body))
	}
	zw.Close()
	return buf.Bytes()
}

// maxFormatCode is Excel's limit on the characters of a number format.
const maxFormatCode = 255

// numberFormats is what a style sheet says of the number formats of its
// cell styles, as excelize reads it: enough to tell, without excelize,
// the styles that show every number as a number (plain).
type numberFormats struct {
	// opens: excelize reads the style sheet without error. It parses
	// the style sheet whole into its types, and refuses one whose root
	// is not a styleSheet or where an attribute it reads as a number or
	// a boolean is not one.
	opens   bool
	cellXfs bool  // the style sheet has cellXfs
	xfs     []int // the numFmtId of each cell style, 0 without one
	// custom are the style sheet's own number formats, the first of each
	// numFmtId, as excelize looks them up; "\x00" for one with a
	// formatCode16, which excelize prefers (never plain).
	custom map[int]string
}

// plain reports a cell style that excelize shows every number in as a
// number, never as a date: General and the plain number formats, or no
// format (a style beyond the cell styles shows the value as stored).
func (nf *numberFormats) plain(style int) bool {
	if !nf.opens || style < 0 {
		return false
	}
	if !nf.cellXfs || style >= len(nf.xfs) {
		return true
	}
	id := nf.xfs[style]
	if code, ok := nf.custom[id]; ok {
		return plainCodes[code]
	}
	return plainBuiltIn[id]
}

// plainCodes are number formats that show a number as digits, a decimal
// point, group commas, a percent sign or an exponent: never as text that
// looks like a date. plainBuiltIn are the built-in formats among them, by
// numFmtId. TestPlainNumberFormats holds them to excelize.
var (
	plainCodes = map[string]bool{
		"General": true, "0": true, "0.00": true, "#,##0": true, "#,##0.00": true,
		"0%": true, "0.00%": true, "0.00E+00": true,
	}
	plainBuiltIn = map[int]bool{0: true, 1: true, 2: true, 3: true, 4: true, 9: true, 10: true, 11: true}
)

// styleElems are the attributes excelize reads as numbers (i: int, u:
// uint64, f: float64) or booleans (b) in a style sheet, by the local
// names of the element and the attribute, whatever the element's place:
// excelize's types for the style sheet (xmlStyles.go) read as
// encoding/xml unmarshals them. TestStyleSheetOpens holds it to excelize.
var styleElems = func() map[string]map[string]byte {
	m := map[string]map[string]byte{}
	add := func(kind byte, elems, attrs string) {
		for _, e := range strings.Fields(elems) {
			if m[e] == nil {
				m[e] = map[string]byte{}
			}
			for _, a := range strings.Fields(attrs) {
				m[e][a] = kind
			}
		}
	}
	add('i', "numFmts fonts fills borders cellStyleXfs cellXfs cellStyles dxfs tableStyles tableStyle", "count")
	add('i', "numFmt", "numFmtId")
	add('i', "charset family", "val")
	add('b', "b i strike outline shadow condense extend", "val")
	add('f', "sz", "val")
	add('b', "color fgColor bgColor rgbColor", "auto")
	add('i', "color fgColor bgColor rgbColor", "indexed theme")
	add('f', "color fgColor bgColor rgbColor", "tint")
	add('f', "gradientFill", "bottom degree left right top")
	add('f', "stop", "position")
	add('b', "border", "diagonalDown diagonalUp outline")
	add('i', "cellStyle", "xfId builtinId iLevel")
	add('b', "cellStyle", "hidden customBuiltin")
	add('i', "xf", "numFmtId fontId fillId borderId xfId")
	add('b', "xf", "quotePrefix pivotButton applyNumberFormat applyFont applyFill applyBorder applyAlignment applyProtection")
	add('i', "alignment", "indent relativeIndent textRotation")
	add('u', "alignment", "readingOrder")
	add('b', "alignment", "justifyLastLine shrinkToFit wrapText")
	add('b', "protection", "hidden locked")
	add('i', "tableStyle", "pivot")
	add('b', "tableStyle", "table")
	add('i', "extLst", "cx cy") // a dxf's extLst, in excelize's types
	return m
}()

// parsesAs reports a value encoding/xml unmarshals into a field of the
// kind without error.
func parsesAs(kind byte, v string) bool {
	if v == "" {
		return true
	}
	v = strings.TrimSpace(v)
	var err error
	switch kind {
	case 'i':
		_, err = strconv.ParseInt(v, 10, strconv.IntSize)
	case 'u':
		_, err = strconv.ParseUint(v, 10, 64)
	case 'f':
		_, err = strconv.ParseFloat(v, 64)
	case 'b':
		_, err = strconv.ParseBool(v)
	}
	return err == nil
}

// spreadsheetNS is the name space of SpreadsheetML, as excelize wants
// a style sheet's root in it.
const spreadsheetNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

// readNumberFormats reads the number formats of a style sheet, refusing
// one whose formats are longer than Excel allows: excelize parses a format
// again for every value it formats, and a crafted format of a megabyte
// would make that take hours.
func readNumberFormats(part, styles string) (*numberFormats, error) {
	nf := &numberFormats{opens: true, custom: map[int]string{}}
	x := newTokens(part, styles, nil)
	defer x.close()
	var path [3]string // the elements open at depths 1 to 3
	depth := 0
	for {
		k, err := x.next()
		if err == io.EOF {
			return nf, nil
		}
		if err != nil {
			return nil, err
		}
		if k == xmltok.EndElement {
			depth--
			continue
		}
		if k != xmltok.StartElement {
			continue
		}
		depth++
		local := x.local()
		if depth <= len(path) {
			path[depth-1] = local
		}
		if depth == 1 && x.d.Name() != (xml.Name{Space: spreadsheetNS, Local: "styleSheet"}) {
			nf.opens = false
		}
		kinds := styleElems[local] // the attributes of local excelize reads
		for i := range x.d.NumAttrs() {
			name, value := x.d.AttrAt(i)
			if kinds != nil {
				if kind := kinds[name]; kind != 0 && !parsesAs(kind, value) {
					nf.opens = false
				}
			}
			if local == "numFmt" && strings.HasPrefix(name, "formatCode") && utf8.RuneCountInString(value) > maxFormatCode {
				return nil, fmt.Errorf("xlsx 文件的数字格式超过 Excel 的上限（%d 个字符），文件不是 Excel 或 WPS 正常保存的，拒绝读取: %w", maxFormatCode, format.ErrUnreadable)
			}
		}
		switch {
		case depth == 2 && local == "cellXfs":
			nf.cellXfs = true
		case depth == 3 && path[1] == "cellXfs" && local == "xf":
			id := 0 // as excelize: the last numFmtId, 0 without one
			for i := range x.d.NumAttrs() {
				if name, value := x.d.AttrAt(i); name == "numFmtId" {
					id = atoiStyle(value)
				}
			}
			nf.xfs = append(nf.xfs, id)
		case depth == 3 && path[1] == "numFmts" && local == "numFmt":
			id, code := 0, ""
			for i := range x.d.NumAttrs() {
				switch name, value := x.d.AttrAt(i); name {
				case "numFmtId":
					id = atoiStyle(value)
				case "formatCode":
					code = value
				case "formatCode16":
					code = "\x00"
				}
			}
			if _, ok := nf.custom[id]; !ok {
				nf.custom[id] = code
			}
		}
	}
}

// atoiStyle is an int attribute of a style sheet as encoding/xml reads
// it, for a value parsesAs accepts.
func atoiStyle(v string) int {
	n, _ := strconv.ParseInt(strings.TrimSpace(v), 10, strconv.IntSize)
	return int(n)
}
