package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
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
// shared strings, which it would load whole.
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
	styles, err := p.read(wb.styles)
	if err != nil || styles == nil {
		return nil, err // without styles, every number is shown as stored
	}
	if err := checkNumberFormats(wb.styles, styles); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(styleBook(styles, wb.date1904, keys)), excelize.Options{
		UnzipSizeLimit:    ooxml.MaxUnzipped,
		UnzipXMLSizeLimit: ooxml.MaxUnzipped, // keep every part in memory: no temporary files
	})
	if err != nil {
		return nil, fmt.Errorf("文件已损坏（部件 %s 不是正确的样式表）: %w", wb.styles, format.ErrUnreadable)
	}
	defer f.Close()
	rows, err := f.Rows("Sheet1")
	if err != nil {
		return nil, fmt.Errorf("文件已损坏（部件 %s 不是正确的样式表）: %w", wb.styles, format.ErrUnreadable)
	}
	defer rows.Close()
	shown := make(map[fmtKey]string, len(keys))
	for i := 0; rows.Next() && i < len(keys); i++ {
		cols, err := rows.Columns()
		if err != nil {
			return nil, fmt.Errorf("文件已损坏（部件 %s 不是正确的样式表）: %w", wb.styles, format.ErrUnreadable)
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
func styleBook(styles []byte, date1904 bool, keys []fmtKey) []byte {
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
		{"xl/styles.xml", string(styles)},
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

// checkNumberFormats refuses a style sheet whose number formats are longer
// than Excel allows: excelize parses a format again for every value it
// formats, and a crafted format of a megabyte would make that take hours.
func checkNumberFormats(part string, styles []byte) error {
	x := newTokens(part, string(styles), nil)
	for {
		k, err := x.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if k != xmltok.StartElement || x.local() != "numFmt" {
			continue
		}
		for _, a := range x.d.Attrs() {
			if strings.HasPrefix(a.Name.Local, "formatCode") && utf8.RuneCountInString(a.Value) > maxFormatCode {
				return fmt.Errorf("xlsx 文件的数字格式超过 Excel 的上限（%d 个字符），文件不是 Excel 或 WPS 正常保存的，拒绝读取: %w", maxFormatCode, format.ErrUnreadable)
			}
		}
	}
}
