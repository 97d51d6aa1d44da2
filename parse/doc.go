package parse

// Document is a report reduced to what every reader shares: blocks of
// paragraphs and tables in reading order. HTML, text and (later) docx all
// become a Document, so the metadata, table and prose rules apply to every
// kind of input unchanged.
type Document struct {
	Kind     string // "text", "html", "docx", ...
	Encoding string // the encoding the bytes were decoded from
	Title    string // an HTML page's <title>, empty for text
	Blocks   []Block
}

// Block is one paragraph (Table == nil) or one table.
type Block struct {
	// Line is the 1-based line of the decoded source where the block starts,
	// 0 when the reader cannot tell.
	Line int
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
