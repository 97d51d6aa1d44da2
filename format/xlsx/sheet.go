package xlsx

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// cell is a cell of a sheet as stored: its value as written (the text of a
// shared or inline string), its type and style, and whether it holds a
// formula.
type cell struct {
	raw     string
	row     int32 // 0-based
	col     int16 // 0-based, below maxSheetCols
	typ     cellType
	formula bool
	style   int32
}

// cellType is the t attribute of a cell.
type cellType uint8

const (
	typeNumber  cellType = iota // t absent or "n"
	typeShared                  // "s": a shared string
	typeInline                  // "inlineStr"
	typeFormula                 // "str": a formula's text result
	typeBool                    // "b"
	typeError                   // "e"
	typeDate                    // "d": an ISO 8601 date
	typeOther
)

var cellTypes = map[string]cellType{
	"": typeNumber, "n": typeNumber, "s": typeShared, "inlineStr": typeInline,
	"str": typeFormula, "b": typeBool, "e": typeError, "d": typeDate,
}

// sheetData is what a sheet holds within the limits.
type sheetData struct {
	cells  []cell
	rows   int      // rows up to the last row element read
	merges [][4]int // merged ranges, 0-based r0, c0, r1, c1
	cut    bool     // rows or columns beyond the limits were left out
}

// readSheet streams a sheet: cells of the first maxSheetRows rows and
// maxSheetCols columns, and the merged ranges. Rows and cells without a
// reference (r=) follow the one before, as Excel reads them. Its time is
// linear in the part's size, and its memory in what it keeps.
func readSheet(p *pkg, part string, sst []string, budget *budget) (*sheetData, error) {
	rc, err := p.open(part)
	if err != nil {
		return nil, err
	}
	sd := &sheetData{}
	if rc == nil {
		return sd, nil // a sheet the package lacks is empty
	}
	defer rc.Close()
	x := newTokens(part, rc)
	row := 0 // 1-based number of the current row
	for {
		tok, err := x.next()
		if err == io.EOF {
			return sd, nil
		}
		if err != nil {
			return nil, err
		}
		e, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch e.Name.Local {
		case "row":
			row++
			if v, ok := attr(e, "r"); ok {
				if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n > 0 {
					row = n
				}
			}
			full := budget.cells <= 0
			if row <= maxSheetRows && !full {
				sd.rows = max(sd.rows, row)
				if full, err = sd.readRow(x, row-1, sst, budget); err != nil {
					return nil, err
				}
			}
			if row > maxSheetRows || full {
				// The rest of the rows are not read; the merged ranges
				// after them are.
				sd.cut = true
				if x = x.skipTo("mergeCells"); x != nil {
					err = sd.readMerges(x)
				}
				return sd, err
			}
		case "mergeCells":
			if err := sd.readMerges(x); err != nil {
				return nil, err
			}
		}
	}
}

// readMerges reads the merged ranges of the mergeCells element just
// started.
func (sd *sheetData) readMerges(x *xmlTokens) error {
	for {
		tok, err := x.next()
		if err != nil {
			return x.eof(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == "mergeCells" {
				return nil
			}
		case xml.StartElement:
			if t.Name.Local != "mergeCell" {
				continue
			}
			if len(sd.merges) == maxMerges {
				return unreadable(fmt.Sprintf("xlsx 工作表的合并单元格超过 %d 处，不像是一份年度报告，拒绝读取", maxMerges))
			}
			ref, _ := attr(t, "ref")
			if m, ok := mergeRange(ref); ok {
				sd.merges = append(sd.merges, m)
			}
		}
	}
}

// readRow reads the cells of the row element just started. full reports
// that the workbook's cells are used up: the row was not read to its end.
func (sd *sheetData) readRow(x *xmlTokens, r int, sst []string, budget *budget) (full bool, err error) {
	col := 0 // 1-based number of the current cell
	for {
		tok, err := x.next()
		if err != nil {
			return false, x.eof(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == "row" {
				return false, nil
			}
		case xml.StartElement:
			if t.Name.Local != "c" {
				if err := x.skip(); err != nil {
					return false, err
				}
				continue
			}
			col++
			if v, ok := attr(t, "r"); ok && v != "" {
				if c, _, err := excelize.CellNameToCoordinates(v); err == nil {
					col = c
				}
			}
			c, err := readCell(x, t, sst)
			if err != nil {
				return false, err
			}
			if c.raw == "" && !c.formula {
				continue
			}
			if col > maxSheetCols {
				sd.cut = true
				continue
			}
			if budget.cells == 0 {
				return true, nil
			}
			if err := budget.take(len(c.raw)); err != nil {
				return false, err
			}
			c.row, c.col = int32(r), int16(col-1)
			sd.cells = append(sd.cells, c)
		}
	}
}

// readCell reads the cell element just started: its value as a
// spreadsheet stores it (a shared string's text, an inline string), its
// type, style and whether it has a formula.
func readCell(x *xmlTokens, e xml.StartElement, sst []string) (cell, error) {
	var c cell
	t, _ := attr(e, "t")
	typ, ok := cellTypes[t]
	if !ok {
		typ = typeOther
	}
	c.typ = typ
	if v, ok := attr(e, "s"); ok {
		if n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 32); err == nil {
			c.style = int32(n)
		}
	}
	var v string
	for {
		tok, err := x.next()
		if err != nil {
			return c, x.eof(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			switch c.typ {
			case typeShared:
				if i, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && i >= 0 && i < len(sst) {
					c.raw = sst[i]
				}
			case typeInline:
				// c.raw was set from <is>
			default:
				c.raw = v
			}
			return c, nil
		case xml.StartElement:
			var err error
			switch t.Name.Local {
			case "v":
				v, err = x.text(4 * maxCellChars)
			case "f":
				var f string
				f, err = x.text(4 * maxCellChars)
				kind, _ := attr(t, "t")
				c.formula = c.formula || f != "" || kind == "shared" || kind == "array"
			case "is":
				c.raw, err = x.rich(4 * maxCellChars)
			default:
				err = x.skip()
			}
			if err != nil {
				return c, cellError(err)
			}
		}
	}
}

// mergeRange reads a merged range "A1:C2" as 0-based r0, c0, r1, c1.
func mergeRange(ref string) ([4]int, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		b = a
	}
	c0, r0, err1 := excelize.CellNameToCoordinates(a)
	c1, r1, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return [4]int{}, false
	}
	return [4]int{min(r0, r1) - 1, min(c0, c1) - 1, max(r0, r1) - 1, max(c0, c1) - 1}, true
}

// budget bounds what is kept from all the sheets of a workbook: its text
// (a shared string may be referenced by every cell, so the table's own
// size does not bound it) and its cells.
type budget struct{ text, cells int }

// Limits on what a workbook's cells may hold in all.
const (
	maxWorkbookText = 8 << 20
	// maxWorkbookCells bounds the cells read and the cells of the sheets'
	// used ranges (rows × columns): beyond it, sheets are cut. A form has
	// a few hundred cells; the limit keeps the memory of reading and
	// extracting a workbook near that of a large web page.
	maxWorkbookCells = 500000
)

func newBudget() *budget { return &budget{text: maxWorkbookText, cells: maxWorkbookCells} }

func (b *budget) take(n int) error {
	b.cells--
	if b.text -= n; b.text < 0 {
		return unreadable(fmt.Sprintf("xlsx 文件各单元格的文字合计超过 %d MB，不像是一份年度报告，拒绝读取", maxWorkbookText>>20))
	}
	return nil
}
