// Package document holds what every format reader produces and every
// extractor reads: a Document of paragraph and table blocks, and the
// builders the readers share (the noise filter that drops a web page's
// chrome, and the span grid that lays out merged table cells).
package document

import (
	"strconv"

	"xxgk"
)

// Document is a report reduced to what every reader shares: blocks of
// paragraphs and tables in reading order. Every format (text, HTML, .docx,
// .doc, PDF, .xlsx) becomes a Document, so the metadata, table and prose
// rules apply to every kind of input unchanged.
type Document struct {
	Kind     string // the format: "text", "html", "docx", "doc", "pdf", "xlsx"
	Encoding string // the encoding the bytes were decoded from; "" for binary formats
	Title    string // an HTML page's <title>, a workbook's title; empty for text
	Blocks   []Block

	// What a reader knows that the blocks do not say.

	// Form marks a filled official form (a workbook): its table values have
	// method form, and a form whose official rows are not found is no report.
	Form bool
	// AbsentEmpty marks a form written by xxgk from reports: an empty cell
	// there is one the report did not have, not a blank to count as 0.
	AbsentEmpty bool
	// Figures are figures the reader found outside the blocks (the 主要指标
	// sheet of an xxgk workbook); the tables' own figures win over them.
	Figures map[string]xxgk.Value
	// Agency and Year are what a form's own 填报单位 and 报告年度 cells say,
	// as the clerk typed them: a filled workbook names its agency and year
	// there and often nowhere else. Empty when the reader found none.
	Agency, Year Field
	// Findings are about reading: what was cut, and why.
	Findings []xxgk.Finding
	// Simplified says that no paragraph, nor the title, holds a character
	// zh.FoldHan changes (a traditional character, 它): the text reader
	// sees every character as it reads a line (NormalizeSpacesFold), and
	// the metadata rules, written in simplified characters, need not look
	// for one again. False when the reader does not know.
	Simplified bool
}

// Block is one paragraph (Table == nil) or one table.
type Block struct {
	// Line is the 1-based line of the decoded source where the block starts,
	// 0 when the reader cannot tell.
	Line int
	// Page is the 1-based page of a PDF where the block starts, 0 for
	// other formats (a table's rows may go on over the next pages: see
	// Grid.RowPages).
	Page int
	// Text is the paragraph's text. HTML paragraphs have white space folded;
	// a text line keeps its inner runs of spaces and tabs, because in text
	// tables those runs separate cells. For a table Text is empty; read the Grid.
	Text  string
	Table *Grid
}

// Grid is a table with rowspan and colspan expanded: every row has the same
// number of cells, and a spanning cell is repeated in every position it
// covers (OrigRow/OrigCol tell copies from the original).
type Grid struct {
	Rows [][]GridCell
	// RowPages is the 1-based PDF page of each row, for a table that goes
	// on over a page break; nil for other formats.
	RowPages []int
	// Sheet names the workbook sheet of a table read from a workbook, and
	// Row0, Col0 are the 0-based sheet row and column of Rows[0][0]: the
	// cells people find (CellName). Sheet is "" for other formats.
	Sheet      string
	Row0, Col0 int
}

// CellName is the A1-style name of position (r, c) of a workbook's table
// (D7); "" for a table of another format.
func (g *Grid) CellName(r, c int) string {
	if g.Sheet == "" {
		return ""
	}
	col := g.Col0 + c + 1
	name := ""
	for col > 0 {
		col--
		name = string(rune('A'+col%26)) + name
		col /= 26
	}
	return name + strconv.Itoa(g.Row0+r+1)
}

// RowPage is the page row r of the table in block b is printed on: the
// row's own when known, else the block's (0 when the format has none).
func (b Block) RowPage(r int) int {
	if b.Table != nil && r >= 0 && r < len(b.Table.RowPages) {
		return b.Table.RowPages[r]
	}
	return b.Page
}

// GridCell is one position of a Grid.
type GridCell struct {
	Text string // the cell's text, white space folded, &nbsp; as space, trimmed
	// OrigRow, OrigCol are the grid position of the source cell this position
	// belongs to; they differ from the position itself for span copies.
	OrigRow, OrigCol int
}

// IsCopy reports whether the cell at (r, c) repeats a spanning cell that
// starts elsewhere.
func (g *Grid) IsCopy(r, c int) bool {
	cell := g.Rows[r][c]
	return cell.OrigRow != r || cell.OrigCol != c
}

// Field is a value a form states in a labelled cell (填报单位：福清市…).
type Field struct {
	Value string // the value, without the label; "" for none
	Text  string // the cell (or the label and the cell beside it) as written, for evidence
}
