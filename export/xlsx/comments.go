package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// Comments are written into the package by us, not with excelize's
// AddComment: each AddComment call scans every part of the workbook, which
// made a workbook of many reports quadratic in its number of sheets. The
// parts are the ones AddComment writes (excelize v2.11), byte for byte:
// xl/commentsN.xml, the legacy VML shapes xl/drawings/vmlDrawingN.vml that
// Excel, WPS and LibreOffice draw notes with, the sheet's relationships, its
// <legacyDrawing> element and the content types. N counts the sheets with
// comments in the order they were added, as excelize numbers them.

// note is the comment of one cell.
type note struct{ cell, text string }

// sheetNotes are the comments of a sheet, in row-major order.
type sheetNotes struct {
	sheet string
	notes []note
	// The sheet's default column width and row height in pixels, which
	// place the comment boxes (excelize anchors them by default sizes).
	colPx, rowPx int
}

// defaultPixels is the default column width and row height of a sheet in
// pixels, computed as excelize does for an AddComment anchor.
func defaultPixels(f *excelize.File, sheet string) (colPx, rowPx int, err error) {
	p, err := f.GetSheetProps(sheet)
	if err != nil {
		return 0, 0, err
	}
	colPx, rowPx = 64, 20
	if p.DefaultRowHeight == nil {
		// No sheetFormatPr: GetSheetProps reports a BaseColWidth of 8 that
		// the anchor does not use.
		return colPx, rowPx, nil
	}
	switch {
	case p.DefaultColWidth != nil && *p.DefaultColWidth > 0:
		colPx = int(colWidthPixels(*p.DefaultColWidth))
	case p.BaseColWidth != nil && *p.BaseColWidth > 0:
		colPx = int(colWidthPixels(float64(*p.BaseColWidth))) + 5
	}
	if *p.DefaultRowHeight > 0 {
		rowPx = int(math.Ceil(4.0 / 3.4 * *p.DefaultRowHeight))
	}
	return max(colPx, 1), max(rowPx, 1), nil
}

func colWidthPixels(w float64) float64 { return float64(int(w*8 + 0.5)) }

// Limits excelize applies to comments, in UTF-16 units.
const (
	maxAuthor      = 255
	maxCommentText = 32767
)

const commentAuthor = "xxgk"

// Content types and relationship types of the comment parts.
const (
	ctComments = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
	ctVML      = "application/vnd.openxmlformats-officedocument.vmlDrawing"
	relVML     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"
	relComment = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	nsRels     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

func escapeText(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s))
}

// cutUTF16 cuts s to at most n UTF-16 units without splitting a rune.
func cutUTF16(s string, n int) string {
	used := 0
	for i, r := range s {
		if used += utf16.RuneLen(r); used > n {
			return s[:i]
		}
	}
	return s
}

// commentsXML is xl/commentsN.xml for notes.
func commentsXML(notes []note, font string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header[:len(xml.Header)-1] + "\n")
	b.WriteString(`<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>`)
	escapeText(&b, cutUTF16(commentAuthor, maxAuthor))
	b.WriteString(`</author></authors><commentList>`)
	for _, n := range notes {
		b.WriteString(`<comment ref="`)
		escapeText(&b, n.cell)
		b.WriteString(`" authorId="0"><text><r><rPr><rFont val="`)
		escapeText(&b, font)
		b.WriteString(`"></rFont><family val="2"></family><color indexed="81"></color><sz val="9"></sz></rPr><t xml:space="preserve">`)
		escapeText(&b, cutUTF16(n.text, maxCommentText))
		b.WriteString(`</t></r></text></comment>`)
	}
	b.WriteString(`</commentList></comments>`)
	return b.Bytes()
}

// vmlXML is xl/drawings/vmlDrawingN.vml for the notes of sheet sheetID.
func vmlXML(s sheetNotes, sheetID int) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:mv="http://macVmlSchemaUri">`)
	b.WriteString(`<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="` + strconv.Itoa(sheetID) + `"></o:idmap></o:shapelayout>`)
	b.WriteString(`<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m0,0l0,21600,21600,21600,21600,0xe"><v:stroke joinstyle="miter"></v:stroke><v:path gradientshapeok="t" o:connecttype="rect"></v:path></v:shapetype>`)
	for _, n := range s.notes {
		col, row, err := excelize.CellNameToCoordinates(n.cell)
		if err != nil {
			return nil, err
		}
		// The box: commentWidth×commentHeight pixels from the cell's
		// top-left corner (column offset 23), over default-sized cells.
		c0, r0 := col-1, row-1
		c1, x2 := c0, commentWidth
		for x2 >= s.colPx {
			c1, x2 = c1+1, x2-s.colPx
		}
		r1, y2 := r0, commentHeight
		for y2 >= s.rowPx {
			r1, y2 = r1+1, y2-s.rowPx
		}
		b.WriteString(`<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;73.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#FBF6D6" strokecolor="#EDEAA1">`)
		b.WriteString(`<v:fill angle="-180" color2="#FBFE82" type="gradient"><o:fill v:ext="view" type="gradientUnscaled"></o:fill></v:fill><v:shadow on="t" color="black" obscured="t"></v:shadow><v:path o:connecttype="none"></v:path><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>`)
		fmt.Fprintf(&b, `<x:ClientData ObjectType="Note"><x:MoveWithCells></x:MoveWithCells><x:SizeWithCells></x:SizeWithCells><x:Anchor>%d, 23, %d, 0, %d, %d, %d, %d</x:Anchor><x:AutoFill>True</x:AutoFill><x:Row>%d</x:Row><x:Column>%d</x:Column></x:ClientData></v:shape>`,
			c0, r0, c1, x2, r1, y2, r0, c0)
	}
	b.WriteString(`</xml>`)
	return b.Bytes(), nil
}

// pkg is the zip package excelize wrote, with the parts we replace or add.
type pkg struct {
	files map[string]*zip.File
	parts map[string][]byte
}

func (p *pkg) read(name string) ([]byte, bool, error) {
	if data, ok := p.parts[name]; ok {
		return data, true, nil
	}
	zf, ok := p.files[name]
	if !ok {
		return nil, false, nil
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, false, err
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	return data, true, err
}

// sheetPart is a worksheet's sheetId and part name.
type sheetPart struct {
	id   int
	part string
}

// workbookSheets maps sheet names to their sheetId and part name.
func (p *pkg) workbookSheets() (map[string]sheetPart, error) {
	wb, ok, err := p.read("xl/workbook.xml")
	if err != nil || !ok {
		return nil, errors.Join(errors.New("xlsx: no xl/workbook.xml"), err)
	}
	var w struct {
		Sheets []struct {
			Name    string `xml:"name,attr"`
			SheetID int    `xml:"sheetId,attr"`
			RID     string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &w); err != nil {
		return nil, err
	}
	relData, ok, err := p.read("xl/_rels/workbook.xml.rels")
	if err != nil || !ok {
		return nil, errors.Join(errors.New("xlsx: no workbook relationships"), err)
	}
	rels, err := parseRels(relData)
	if err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels {
		targets[r.ID] = r.Target
	}
	out := map[string]sheetPart{}
	for _, s := range w.Sheets {
		t := targets[s.RID]
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		out[s.Name] = sheetPart{s.SheetID, t}
	}
	return out, nil
}

type rel struct {
	ID     string `xml:"Id,attr"`
	Target string `xml:"Target,attr"`
}

func parseRels(data []byte) ([]rel, error) {
	var r struct {
		Rels []rel `xml:"Relationship"`
	}
	err := xml.Unmarshal(data, &r)
	return r.Rels, err
}

// nextRelIDs returns n unused relationship ids rIdK, numbered after the
// existing ones as excelize numbers them.
func nextRelIDs(rels []rel, n int) []string {
	k := 0
	for _, r := range rels {
		if i, err := strconv.Atoi(strings.TrimPrefix(r.ID, "rId")); err == nil {
			k = max(k, i)
		}
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = "rId" + strconv.Itoa(k+i+1)
	}
	return ids
}

// worksheet elements that follow legacyDrawing (extLst aside).
var afterLegacyDrawing = []string{"<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts"}

// addLegacyDrawing inserts the element ld into a worksheet, after
// sheetData and before the elements that must follow it.
func addLegacyDrawing(data []byte, ld string) ([]byte, error) {
	from := bytes.LastIndex(data, []byte("</sheetData>"))
	if from < 0 {
		from = bytes.LastIndex(data, []byte("<sheetData/>"))
	}
	if from < 0 {
		return nil, errors.New("no sheetData")
	}
	tail := data[from:]
	switch {
	case bytes.Contains(tail, []byte("<legacyDrawing ")):
		return nil, errors.New("sheet already has a legacy drawing")
	case bytes.Contains(tail, []byte("<extLst")):
		// Not written by this package; telling a top-level extLst from
		// the ones inside conditional formats needs a parser.
		return nil, errors.New("sheet has an extLst: cannot place legacyDrawing")
	}
	at := bytes.LastIndex(data, []byte("</worksheet>"))
	if at < from {
		return nil, errors.New("no </worksheet>")
	}
	for _, tag := range afterLegacyDrawing {
		if i := bytes.Index(tail, []byte(tag)); i >= 0 && from+i < at {
			at = from + i
		}
	}
	return slices.Concat(data[:at], []byte(ld), data[at:]), nil
}

// addComments adds the comment parts of sheets to the package.
func (p *pkg) addComments(sheets []sheetNotes, font string) error {
	if len(sheets) == 0 {
		return nil
	}
	info, err := p.workbookSheets()
	if err != nil {
		return err
	}
	var overrides strings.Builder
	for i, s := range sheets {
		n := strconv.Itoa(i + 1)
		sh, ok := info[s.sheet]
		if !ok {
			return fmt.Errorf("xlsx: sheet %q not in the workbook", s.sheet)
		}
		vml, err := vmlXML(s, sh.id)
		if err != nil {
			return err
		}
		vmlPart, commentsPart := "xl/drawings/vmlDrawing"+n+".vml", "xl/comments"+n+".xml"
		if p.files[vmlPart] != nil || p.files[commentsPart] != nil {
			return fmt.Errorf("xlsx: %s or %s already written", vmlPart, commentsPart)
		}
		p.parts[vmlPart], p.parts[commentsPart] = vml, commentsXML(s.notes, font)
		overrides.WriteString(`<Override PartName="/` + commentsPart + `" ContentType="` + ctComments + `"></Override>`)

		// Relationships: the drawing first, then the comments.
		relsPart := path.Dir(sh.part) + "/_rels/" + path.Base(sh.part) + ".rels"
		relsData, ok, err := p.read(relsPart)
		if err != nil {
			return err
		}
		if !ok {
			relsData = []byte(xml.Header[:len(xml.Header)-1] + "\n" + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
		}
		rels, err := parseRels(relsData)
		if err != nil {
			return err
		}
		ids := nextRelIDs(rels, 2)
		add := `<Relationship Id="` + ids[0] + `" Target="../drawings/vmlDrawing` + n + `.vml" Type="` + relVML + `"></Relationship>` +
			`<Relationship Id="` + ids[1] + `" Target="../comments` + n + `.xml" Type="` + relComment + `"></Relationship>`
		if p.parts[relsPart], err = insertBefore(relsData, "</Relationships>", nil, add); err != nil {
			return fmt.Errorf("xlsx: %s: %w", relsPart, err)
		}

		sheetData, ok, err := p.read(sh.part)
		if err != nil || !ok {
			return errors.Join(fmt.Errorf("xlsx: no part %s", sh.part), err)
		}
		ld := `<legacyDrawing xmlns:relationships="` + nsRels + `" relationships:id="` + ids[0] + `"></legacyDrawing>`
		if p.parts[sh.part], err = addLegacyDrawing(sheetData, ld); err != nil {
			return fmt.Errorf("xlsx: %s: %w", sh.part, err)
		}
	}
	ct, ok, err := p.read("[Content_Types].xml")
	if err != nil || !ok {
		return errors.Join(errors.New("xlsx: no [Content_Types].xml"), err)
	}
	if !bytes.Contains(ct, []byte(`Extension="vml"`)) {
		def := `<Default Extension="vml" ContentType="` + ctVML + `"></Default>`
		if ct, err = insertBefore(ct, "</Types>", []string{"<Override"}, def); err != nil {
			return err
		}
	}
	if p.parts["[Content_Types].xml"], err = insertBefore(ct, "</Types>", nil, overrides.String()); err != nil {
		return err
	}
	return nil
}

// insertBefore inserts s before the last occurrence of end, or before the
// first of the tags before it.
func insertBefore(data []byte, end string, tags []string, s string) ([]byte, error) {
	at := bytes.LastIndex(data, []byte(end))
	if at < 0 {
		return nil, fmt.Errorf("no %s", end)
	}
	for _, tag := range tags {
		if i := bytes.Index(data, []byte(tag)); i >= 0 && i < at {
			at = i
		}
	}
	return slices.Concat(data[:at], []byte(s), data[at:]), nil
}
