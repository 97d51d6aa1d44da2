package xlsx

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"xxgk/format/ooxml/xmltok"
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
	// inputs are the ranges under a whole or decimal number validation,
	// as merges: a template's input cells (form.go).
	inputs [][4]int
	// formulas are the formulas' texts, kept while the workbook's budget
	// of formula text lasts: a template whose inputs were typed as text
	// has its totals computed again (recalc.go).
	formulas []formula
	cut      bool // rows or columns beyond the limits were left out
}

// formula is the formula of a cell: its text, or for a cell of a shared
// formula (t="shared" without text) the group it takes the text of.
type formula struct {
	row    int32
	col    int16
	text   string
	shared int // the si of a shared formula, or -1
}

// readSheet streams a sheet: cells of the first maxSheetRows rows and
// maxSheetCols columns, the merged ranges and the ranges under a number
// validation. Rows and cells without a reference (r=) follow the one
// before, as Excel reads them. Its time is linear in the part's size, and
// its memory in what it keeps.
// maxCellRoom bounds the cells a sheet makes room for before reading
// them (128 KB).
const maxCellRoom = 4096

func readSheet(p *pkg, part string, sst []string, budget *budget) (*sheetData, error) {
	x, err := p.tokens(part)
	if err != nil {
		return nil, err
	}
	sd := &sheetData{}
	if x == nil {
		return sd, nil // a sheet the package lacks is empty
	}
	// Room for the cells at once, where growing by doubling copied them
	// some eight times: a cell takes 60 to 400 bytes of the part (120 in
	// the samples' mean). The declared size may lie: a larger sheet grows
	// from maxCellRoom as before.
	if f := p.file(part); f != nil {
		sd.cells = make([]cell, 0, min(f.UncompressedSize64/128, maxCellRoom))
	}
	defer x.close()
	row := 0 // 1-based number of the current row
	for {
		k, err := x.next()
		if err == io.EOF {
			return sd, nil
		}
		if err != nil {
			return nil, err
		}
		if k != xmltok.StartElement {
			continue
		}
		switch x.local() {
		case "row":
			row++
			if v, ok := x.attr("r"); ok {
				if n, err := atoi(v); err == nil && n > 0 {
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
				// and validations after them are.
				sd.cut = true
				return sd, sd.readAfterCut(x)
			}
		case "mergeCells":
			if err := sd.readMerges(x); err != nil {
				return nil, err
			}
		case "dataValidations":
			if err := sd.readValidations(x); err != nil {
				return nil, err
			}
		}
	}
}

// readMerges reads the merged ranges of the mergeCells element just
// started.
func (sd *sheetData) readMerges(x *xmlTokens) error {
	return x.eachChild("mergeCells", "mergeCell", func() error {
		if len(sd.merges) == maxMerges {
			return unreadable(fmt.Sprintf("xlsx 工作表的合并单元格超过 %d 处，不像是一份年度报告，拒绝读取", maxMerges))
		}
		ref, _ := x.attr("ref")
		if m, ok := mergeRange(ref); ok {
			sd.merges = append(sd.merges, m)
		}
		return nil
	})
}

// readAfterCut reads what follows the rows left out: the merged ranges
// and the validations, each found by scanning bytes (skipTo), as the
// tokens after a cut do not start at the part's beginning.
func (sd *sheetData) readAfterCut(x *xmlTokens) error {
	for x = x.skipTo("mergeCells", "dataValidations"); x != nil; x = x.skipTo("mergeCells", "dataValidations") {
		k, err := x.next()
		if err != nil {
			return err
		}
		if k != xmltok.StartElement {
			return nil
		}
		if x.local() == "mergeCells" {
			err = sd.readMerges(x)
		} else {
			err = sd.readValidations(x)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// readValidations keeps the ranges of the dataValidations element just
// started whose validation asks for a number (whole or decimal). A
// validation of Excel's extensions (x14:dataValidation) names its ranges
// in an element, not in sqref: it is one of a list or of another sheet,
// never a template's number.
func (sd *sheetData) readValidations(x *xmlTokens) error {
	return x.eachChild("dataValidations", "dataValidation", func() error {
		if typ, _ := x.attr("type"); typ != "whole" && typ != "decimal" {
			return nil
		}
		sqref, _ := x.attr("sqref")
		for _, ref := range strings.Fields(sqref) {
			if len(sd.inputs) == maxMerges {
				return unreadable(fmt.Sprintf("xlsx 工作表的数据有效性区域超过 %d 处，不像是一份年度报告，拒绝读取", maxMerges))
			}
			if m, ok := mergeRange(ref); ok {
				sd.inputs = append(sd.inputs, m)
			}
		}
		return nil
	})
}

// eachChild calls f with each <item> start element of the <list> element
// just started, up to the list's end; an error of f ends the reading. f
// reads the item's attributes from x.
func (x *xmlTokens) eachChild(list, item string, f func() error) error {
	for {
		k, err := x.next()
		if err != nil {
			return x.eof(err)
		}
		switch k {
		case xmltok.EndElement:
			if x.local() == list {
				return nil
			}
		case xmltok.StartElement:
			if x.local() == item {
				if err := f(); err != nil {
					return err
				}
			}
		}
	}
}

// dropFormulas lets go of the formulas' texts and the input ranges, which
// fixInputs alone uses, giving their text back to the budget: the next
// sheet may be the template.
func (sd *sheetData) dropFormulas(b *budget) {
	for _, f := range sd.formulas {
		b.formulas += len(f.text) + 1
	}
	sd.formulas, sd.inputs = nil, nil
}

// readRow reads the cells of the row element just started. full reports
// that the workbook's cells are used up: the row was not read to its end.
func (sd *sheetData) readRow(x *xmlTokens, r int, sst []string, budget *budget) (full bool, err error) {
	col := 0 // 1-based number of the current cell
	for {
		k, err := x.next()
		if err != nil {
			return false, x.eof(err)
		}
		switch k {
		case xmltok.EndElement:
			if x.local() == "row" {
				return false, nil
			}
		case xmltok.StartElement:
			if x.local() != "c" {
				if err := x.skip(); err != nil {
					return false, err
				}
				continue
			}
			col++
			if v, ok := x.attr("r"); ok && v != "" {
				if c, _, err := cellCoordinates(v); err == nil {
					col = c
				}
			}
			c, f, err := readCell(x, sst)
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
			if f.text != "" || f.shared >= 0 {
				if n := len(f.text) + 1; budget.formulas >= n {
					budget.formulas -= n
					f.row, f.col = c.row, c.col
					sd.formulas = append(sd.formulas, f)
				}
			}
		}
	}
}

// readCell reads the cell element just started: its value as a
// spreadsheet stores it (a shared string's text, an inline string), its
// type, style and whether it has a formula, and the formula.
func readCell(x *xmlTokens, sst []string) (cell, formula, error) {
	var c cell
	f := formula{shared: -1}
	t, _ := x.attr("t")
	typ, ok := cellTypes[t]
	if !ok {
		typ = typeOther
	}
	c.typ = typ
	if v, ok := x.attr("s"); ok {
		if n, err := atoi(v); err == nil && n >= math.MinInt32 && n <= math.MaxInt32 {
			c.style = int32(n)
		}
	}
	var v string
	for {
		k, err := x.next()
		if err != nil {
			return c, f, x.eof(err)
		}
		switch k {
		case xmltok.EndElement:
			switch c.typ {
			case typeShared:
				if i, err := atoi(v); err == nil && i >= 0 && i < len(sst) {
					c.raw = sst[i]
				}
			case typeInline:
				// c.raw was set from <is>
			default:
				c.raw = v
			}
			return c, f, nil
		case xmltok.StartElement:
			var err error
			switch x.local() {
			case "v":
				v, err = x.text(4 * maxCellChars)
			case "f":
				// The attributes are read before the text, which reads on.
				kind, _ := x.attr("t")
				si, hasSI := x.attr("si")
				f.text, err = x.text(4 * maxCellChars)
				f.text = strings.TrimSpace(f.text)
				c.formula = c.formula || f.text != "" || kind == "shared" || kind == "array"
				if hasSI && kind == "shared" {
					if n, err := strconv.Atoi(strings.TrimSpace(si)); err == nil && n >= 0 {
						f.shared = n
					}
				}
			case "is":
				c.raw, err = x.rich(4 * maxCellChars)
			default:
				err = x.skip()
			}
			if err != nil {
				return c, f, cellError(err)
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
	c0, r0, err1 := cellCoordinates(a)
	c1, r1, err2 := cellCoordinates(b)
	if err1 != nil || err2 != nil {
		return [4]int{}, false
	}
	return [4]int{min(r0, r1) - 1, min(c0, c1) - 1, max(r0, r1) - 1, max(c0, c1) - 1}, true
}

// atoi is strconv.Atoi(strings.TrimSpace(s)), reading the usual short
// string of digits itself: a number of a cell's attributes or value.
func atoi(s string) (int, error) {
	if len(s) == 0 || len(s) > 9 {
		return strconv.Atoi(strings.TrimSpace(s))
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return strconv.Atoi(strings.TrimSpace(s))
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

// cellCoordinates is excelize.CellNameToCoordinates: the 1-based column
// and row of a cell reference. A reference as Excel writes it (A1, up to
// XFD1048576) is read here; any other is left to excelize, for its
// errors and its reading of the odd ones ($A$1, a1, A+1, A01).
// TestCellCoordinates holds it to excelize.
func cellCoordinates(ref string) (col, row int, err error) {
	i := 0
	for i < len(ref) && i < 3 && 'A' <= ref[i] && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	if i == 0 || len(ref)-i > 7 || i == len(ref) || ref[i] == '0' {
		return excelize.CellNameToCoordinates(ref)
	}
	for _, c := range []byte(ref[i:]) {
		if c < '0' || c > '9' {
			return excelize.CellNameToCoordinates(ref)
		}
		row = row*10 + int(c-'0')
	}
	if col > excelize.MaxColumns || row > excelize.TotalRows {
		return excelize.CellNameToCoordinates(ref)
	}
	return col, row, nil
}

// budget bounds what is kept from all the sheets of a workbook: its text
// (a shared string may be referenced by every cell, so the table's own
// size does not bound it), its cells, and the text of the formulas kept
// (beyond it, formulas are not kept: their cached values are read).
type budget struct{ text, cells, formulas int }

// Limits on what a workbook's cells may hold in all.
const (
	maxWorkbookText = 8 << 20
	// maxWorkbookCells bounds the cells read and the cells of the sheets'
	// used ranges (rows × columns): beyond it, sheets are cut. A form has
	// a few hundred cells; the limit keeps the memory of reading and
	// extracting a workbook near that of a large web page.
	maxWorkbookCells = 500000
)

func newBudget() *budget {
	return &budget{text: maxWorkbookText, cells: maxWorkbookCells, formulas: maxWorkbookText}
}

func (b *budget) take(n int) error {
	b.cells--
	if b.text -= n; b.text < 0 {
		return unreadable(fmt.Sprintf("xlsx 文件各单元格的文字合计超过 %d MB，不像是一份年度报告，拒绝读取", maxWorkbookText>>20))
	}
	return nil
}
