// Package xlsx reads workbooks (.xlsx): the filled official form, or a
// workbook xxgk wrote from a report, sheet by sheet into a Document, so the
// metadata, table and figure rules apply to them exactly as to web pages.
// It registers itself with package format for zip packages holding a
// workbook.
package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"xxgk"
	"xxgk/document"
	"xxgk/format"
	"xxgk/format/ooxml"
	"xxgk/templates"
	"xxgk/workbook"
	"xxgk/zh"
)

// Source.Kind is "xlsx" and Source.Encoding is "": a workbook is not text
// decoded from bytes, so no text encoding applies. Cells and single-cell
// figures read from a workbook have method "form"; sums stay "derived".
// Block.Line is 0 throughout: a workbook has no lines (the evidence text of
// every cell is its row as printed, and Row/Col name the labels).

func init() {
	format.Register(format.Format{
		Name:       ooxml.Workbook,
		Label:      "填好的 Excel 统计表",
		Extensions: []string{".xlsx"},
		Sniff:      ooxml.Sniffer(ooxml.Workbook),
		Read:       Read,
	})
}

// Limits on workbooks: package ooxml has checked the zip before anything
// is unpacked; the parts are bounded as they are read (package.go).
const (
	maxSheetRows = 10000 // rows read per sheet
	maxSheetCols = document.MaxGridCols
)

// checkZip refuses archives that are not workbooks.
func checkZip(data []byte) error {
	kind, err := ooxml.Kind(data)
	if err == nil && kind != ooxml.Workbook {
		err = fmt.Errorf("这是 Word 文档（.docx），不是 xlsx 工作簿: %w", format.ErrUnreadable)
	}
	return err
}

// Read reads every sheet of a workbook into one Document.
func Read(data []byte) (doc *document.Document, err error) {
	if err := checkZip(data); err != nil {
		return nil, err
	}
	defer func() {
		// excelize, which formats dates, is not hardened against crafted
		// styles: a panic in it is a corrupt workbook, not a crash.
		if v := recover(); v != nil {
			doc, err = nil, fmt.Errorf("文件已损坏，无法读取（%v）: %w", v, format.ErrUnreadable)
		}
	}()
	p, err := openPackage(data)
	if err != nil {
		return nil, err
	}
	doc = &document.Document{Kind: "xlsx", Form: true}
	if title, err := p.title(); err == nil {
		doc.Title = document.FoldSpace(title)
	}
	if kind, err := p.customProperty(workbook.Property); err == nil {
		switch kind {
		case workbook.Reports:
			// Written by xxgk from reports: an empty cell is one the
			// report did not have, and the 主要指标 sheet holds figures
			// the tables do not give.
			doc.AbsentEmpty = true
		case workbook.Rollup:
			// Its 汇总 sheets look like one report's form; read as one,
			// a roll-up would count its agencies twice.
			return nil, fmt.Errorf("这是 xxgk 写出的汇总工作簿，不是单位的年度报告（请汇总原报告）: %w", format.ErrUnreadable)
		case workbook.Comparison:
			return nil, fmt.Errorf("这是 xxgk 写出的两年对比工作簿，不是单位的年度报告（请读取原报告）: %w", format.ErrUnreadable)
		}
	}
	wb, err := p.workbook()
	if err != nil {
		return nil, err
	}
	sst, err := p.sharedStrings(wb.sharedStrings)
	if err != nil {
		return nil, err
	}
	budget := newBudget()
	sheets := make([]*sheetData, len(wb.sheets))
	fixed := make([][]xxgk.Finding, len(wb.sheets)) // what fixInputs found, per sheet
	for i, s := range wb.sheets {
		if sheets[i], err = readSheet(p, s.part, sst, budget); err != nil {
			return nil, err
		}
		fixed[i] = sheets[i].fixInputs(s.name)
		sheets[i].dropFormulas(budget) // they served fixInputs alone
	}
	sst = nil
	shown, err := formatNumbers(p, wb, sheets)
	if err != nil {
		return nil, err
	}
	area := maxWorkbookCells
	for i, s := range wb.sheets {
		doc.Findings = append(doc.Findings, fixed[i]...)
		cells, at, cut, err := sheets[i].grid(shown, &area)
		if err != nil {
			return nil, err
		}
		sheets[i] = nil
		if cut {
			doc.Findings = append(doc.Findings, xxgk.Finding{
				Rule: xxgk.RuleXLSXTruncated, Severity: xxgk.SeverityWarning,
				Message: fmt.Sprintf("工作表“%s”超过 %d 行或 %d 列，只读取了前面的部分。", s.name, maxSheetRows, maxSheetCols),
			})
		}
		if cells = formSheet(doc, s.name, cells); cells == nil {
			continue
		}
		if doc.AbsentEmpty {
			kind, multi := summaryKind(cells)
			if multi {
				return nil, fmt.Errorf("这个工作簿汇总了多份报告，xxgk 只能读取单份报告的工作簿（请分别读取原报告，或分别导出）: %w", format.ErrUnreadable)
			}
			switch kind {
			case "figures":
				doc.Figures = summaryFigures(cells, &document.Grid{Sheet: s.name, Row0: at[0], Col0: at[1]})
				continue
			case "findings":
				continue // xxgk's own findings: they are found again
			}
		}
		doc.Blocks = append(doc.Blocks, sheetBlocks(cells, s.name, at)...)
	}
	if len(doc.Blocks) == 0 {
		return nil, fmt.Errorf("xlsx 工作簿中没有任何内容: %w", format.ErrUnreadable)
	}
	if t := sheetTitle(doc); t != "" {
		doc.Title = t
	}
	return doc, nil
}

// sheetTitle is the report's title as a sheet's title row gives it, less
// the name of the sheet's part: 某区2025年政府信息公开工作年度报告统计表 is
// the 统计表 of 某区2025年政府信息公开工作年度报告. It plays the part of a web
// page's <title>.
func sheetTitle(doc *document.Document) string {
	const report = "年度报告"
	for _, b := range doc.Blocks {
		if b.Table != nil {
			continue
		}
		if i := strings.Index(b.Text, "工作"+report); i > 0 {
			return b.Text[:i+len("工作"+report)]
		}
	}
	return ""
}

// summaryKind tells xxgk's own sheets by their header rows: 主要指标 (指标,
// 数值, …) and 核查 (级别, 规则, … or 报告, 级别, … when it covers several
// reports). multi reports a sheet that covers several reports: a 报告
// column, or more than one report block (a one-cell row naming the file).
func summaryKind(g [][]document.GridCell) (kind string, multi bool) {
	blocks := 0
	var buf [2]string
	for _, row := range g {
		t := rowTexts(buf[:0], row, 2) // enough to tell one text from more
		switch {
		case len(t) >= 2 && t[0] == workbook.FindingsHeader[0] && t[1] == workbook.FindingsHeader[1]:
			return "findings", false
		case len(t) >= 2 && t[0] == workbook.ReportColumn && t[1] == workbook.FindingsHeader[0]:
			return "findings", true
		case len(t) >= 2 && t[0] == workbook.FiguresHeader[workbook.FigureLabel] && t[1] == workbook.FiguresHeader[workbook.FigureValue]:
			kind = "figures"
		case kind == "figures" && len(t) == 1 && strings.Contains(t[0], workbook.FileLabel):
			blocks++
		}
	}
	return kind, blocks > 1
}

// rowTexts appends to out the texts of a row's own (not copied) cells, up
// to n of them: its callers look at the first few of every row, in a
// buffer of their own.
func rowTexts(out []string, row []document.GridCell, n int) []string {
	for c, cell := range row {
		if len(out) == n {
			break
		}
		if cell.Text != "" && (c == 0 || row[c-1].OrigRow != cell.OrigRow || row[c-1].OrigCol != cell.OrigCol) {
			out = append(out, cell.Text)
		}
	}
	return out
}

// summaryFigures reads the 主要指标 sheet: 指标, 数值, 单位, 约数, 来源.
// at names its cells (Grid.CellName).
func summaryFigures(g [][]document.GridCell, at *document.Grid) map[string]xxgk.Value {
	byLabel := map[string]string{}
	for _, fig := range templates.Figures {
		byLabel[fig.Label] = fig.Key
	}
	out := map[string]xxgk.Value{}
	header := false
	const label, value = workbook.FigureLabel, workbook.FigureValue
	for ri, row := range g {
		if len(row) <= value {
			continue
		}
		if row[label].Text == workbook.FiguresHeader[label] && row[value].Text == workbook.FiguresHeader[value] {
			header = true
			continue
		}
		key, ok := byLabel[row[label].Text]
		if !header || !ok || row[value].Text == "" {
			continue
		}
		n, err := xxgk.ParseNumber(row[value].Text)
		if err != nil {
			continue
		}
		v := xxgk.Value{Value: n, Evidence: xxgk.Evidence{Method: xxgk.MethodForm, Row: workbook.FiguresSheet, Col: row[label].Text,
			Sheet: at.Sheet, Cell: at.CellName(ri, value)}}
		if len(row) > workbook.FigureUnit {
			v.Unit = row[workbook.FigureUnit].Text
		}
		if len(row) > workbook.FigureApprox {
			v.Approx = row[workbook.FigureApprox].Text == workbook.Approx
		}
		if len(row) > workbook.FigureSource {
			v.Text = row[workbook.FigureSource].Text
		}
		out[key] = v
	}
	return out
}

// grid returns the sheet's cells as displayed, merged ranges expanded,
// cropped to the cells that hold text. area is what is left of the
// workbook's cells: the sheet's used range takes from it, and rows beyond
// it are cut, as rows beyond maxSheetRows are. cut reports either.
// at is the 0-based sheet row and column of the grid's first cell.
func (sd *sheetData) grid(shown map[fmtKey]string, area *int) (g [][]document.GridCell, at [2]int, cut bool, err error) {
	height, width := sd.rows, 0
	for _, c := range sd.cells {
		width = max(width, int(c.col)+1)
	}
	cut = sd.cut
	if width > 0 && height*width > *area {
		height, cut = *area/width, true
	}
	*area -= height * width
	// The grid, 0-based, with every position its own origin.
	// Its rows are cut from one array (a make per row was a tenth of a
	// workbook's allocations), each capped at its width.
	grid := make([][]document.GridCell, height)
	all := make([]document.GridCell, height*width)
	for r := range grid {
		grid[r] = all[r*width : (r+1)*width : (r+1)*width]
		for c := range grid[r] {
			grid[r][c] = document.GridCell{OrigRow: r, OrigCol: c}
		}
	}
	var formulas [][2]int // positions of numbers computed by formulas
	typed := false        // a number was typed in
	for _, c := range sd.cells {
		r, col := int(c.row), int(c.col)
		if c.raw == "" || r >= height {
			continue
		}
		text, number := displayValue(c, shown)
		grid[r][col].Text = foldSpace(text)
		if number {
			if c.formula {
				formulas = append(formulas, [2]int{r, col})
			} else {
				typed = true
			}
		}
	}
	sd.cells = nil
	if !typed {
		// A blank form: its totals show 0, but nothing was filled in.
		for _, p := range formulas {
			grid[p[0]][p[1]].Text = ""
		}
	}
	work := 0 // cells copied into merged ranges
	for _, m := range sd.merges {
		r0, c0, r1, c1 := m[0], m[1], min(m[2], len(grid)-1), min(m[3], width-1)
		if r0 < 0 || c0 < 0 || r0 >= len(grid) || c0 >= width {
			continue
		}
		if work += (r1 - r0 + 1) * (c1 - c0 + 1); work > 4*height*width {
			// Ranges that overlap over and over (a range listed twice is
			// tolerated): Excel refuses such a file as damaged.
			return nil, at, false, fmt.Errorf("xlsx 工作表的合并单元格相互重叠，文件已损坏: %w", format.ErrUnreadable)
		}
		top := grid[r0][c0]
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				grid[r][c] = top
			}
		}
	}
	g, at = crop(grid)
	return g, at, cut, nil
}

// crop cuts the grid to the rows and columns that hold text, renumbering
// the origins, and gives the row and column where the cut grid starts. It
// reuses the grid's rows.
func crop(grid [][]document.GridCell) ([][]document.GridCell, [2]int) {
	r0, c0, r1, c1 := -1, -1, -1, -1
	for r, row := range grid {
		for c, cell := range row {
			if cell.Text == "" {
				continue
			}
			if r0 < 0 {
				r0 = r
			}
			r1 = r
			if c0 < 0 || c < c0 {
				c0 = c
			}
			c1 = max(c1, c)
		}
	}
	if r0 < 0 {
		return nil, [2]int{}
	}
	out := grid[r0 : r1+1]
	for r := range out {
		out[r] = out[r][c0 : c1+1]
		for c := range out[r] {
			cell := &out[r][c]
			cell.OrigRow, cell.OrigCol = max(cell.OrigRow-r0, 0), max(cell.OrigCol-c0, 0)
		}
	}
	return out, [2]int{r0, c0}
}

// sheetBlocks cuts a sheet at empty rows into tables. Rows of a table that
// hold one cell's text before its first or after its last row of several
// cells (a title, 填报单位, a note) become paragraphs, as they would be on
// a web page.
// sheet and at (the sheet position of grid[0][0]) name the tables' cells.
func sheetBlocks(grid [][]document.GridCell, sheet string, at [2]int) []document.Block {
	var blocks []document.Block
	for start := 0; start < len(grid); {
		if rowEmpty(grid[start]) {
			start++
			continue
		}
		end := start
		for end < len(grid) && !rowEmpty(grid[end]) {
			end++
		}
		blocks = append(blocks, segmentBlocks(grid, start, end, sheet, at)...)
		start = end
	}
	return blocks
}

func rowEmpty(row []document.GridCell) bool {
	for _, c := range row {
		if c.Text != "" {
			return false
		}
	}
	return true
}

// singleText returns the origin of the one cell whose text the row shows,
// or ok false when it shows several cells.
func singleText(row []document.GridCell) (orig [2]int, text string, ok bool) {
	found := false
	for _, c := range row {
		if c.Text == "" {
			continue
		}
		o := [2]int{c.OrigRow, c.OrigCol}
		if found && o != orig {
			return orig, "", false
		}
		orig, text, found = o, c.Text, true
	}
	return orig, text, found
}

// fieldRow reads a row above a table made of a few "名称：内容" cells
// (填报单位：… 报告年度：…) as one paragraph.
func fieldRow(row []document.GridCell) (string, bool) {
	var buf [5]string
	t := rowTexts(buf[:0], row, 5) // enough to tell more than 4
	if len(t) < 2 || len(t) > 4 {
		return "", false
	}
	for _, s := range t {
		i := strings.IndexAny(s, ":：")
		if i <= 0 {
			return "", false
		}
	}
	return strings.Join(t, " "), true
}

// segmentBlocks turns grid rows [start, end), none of them empty, into
// paragraphs and at most one table.
func segmentBlocks(grid [][]document.GridCell, start, end int, sheet string, at [2]int) []document.Block {
	var blocks []document.Block
	seen := map[[2]int]bool{}
	para := func(r int) {
		o, text, _ := singleText(grid[r])
		if !seen[o] {
			seen[o] = true
			blocks = append(blocks, document.Block{Text: text})
		}
	}
	lo := start
	for lo < end {
		if _, _, ok := singleText(grid[lo]); ok {
			para(lo)
		} else if t, ok := fieldRow(grid[lo]); ok {
			blocks = append(blocks, document.Block{Text: t})
		} else {
			break
		}
		lo++
	}
	hi := end
	for hi > lo {
		if _, _, ok := singleText(grid[hi-1]); !ok {
			break
		}
		hi--
	}
	if lo < hi {
		g := subGrid(grid, lo, hi)
		g.Sheet, g.Row0, g.Col0 = sheet, at[0]+lo, at[1]
		blocks = append(blocks, document.Block{Table: g})
	}
	for r := hi; r < end; r++ {
		para(r)
	}
	return blocks
}

// subGrid makes rows [lo, hi) a Grid, in place (the sheet's grid is not
// used after): a merged cell that starts above lo starts, in the Grid, at
// its first row there.
func subGrid(grid [][]document.GridCell, lo, hi int) *document.Grid {
	g := &document.Grid{Rows: grid[lo:hi:hi]}
	for _, row := range g.Rows {
		for c := range row {
			row[c].OrigRow = max(row[c].OrigRow, lo) - lo
		}
	}
	return g
}

// displayValue is the text of a cell as a spreadsheet shows it, numbers
// written plainly: a cached formula result or stored number comes without
// thousands separators, exponent or binary noise (0.30000000000000004 is
// 0.3, as Excel shows 15 significant digits); a number shown as a date or
// time keeps its formatted text (shown, by formatNumbers).
//
// number reports a cell that holds a number (not text, not a date).
func displayValue(c cell, shown map[fmtKey]string) (text string, number bool) {
	if (c.typ == typeNumber || c.typ == typeDate) && plainInteger(c.raw) {
		// Most numbers of a form: plainNumber would give c.raw again.
		if s, ok := shown[fmtKey{int(c.style), c.raw}]; ok && looksLikeDate(s) {
			return s, false
		}
		return c.raw, true
	}
	switch c.typ {
	case typeShared, typeInline, typeBool, typeError, typeOther:
		return c.raw, false // text that looks like a number ("001") stays as written
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(c.raw), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return c.raw, false
	}
	switch c.typ {
	case typeFormula:
		// A formula whose result is stored as text.
		return c.raw, true
	}
	if s, ok := shown[fmtKey{int(c.style), c.raw}]; ok && looksLikeDate(s) {
		return s, false
	}
	return plainNumber(v), true
}

// foldSpace is document.FoldSpace, which copies every text: most cells
// have no space to fold, and keep their text as it is.
func foldSpace(s string) string {
	if folded(s) {
		return s
	}
	return document.FoldSpace(s)
}

// folded reports a text that document.FoldSpace gives back unchanged: one
// its plainEnd reads whole, without white space (that of FoldSpace, NUL
// included), odd spaces, zero-width characters or invalid UTF-8.
// TestFolded holds it to FoldSpace.
func folded(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' && (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\n' || c == 0) {
				return false
			}
			i++
			continue
		}
		// As plainEnd: a character of three bytes (most of Chinese text)
		// told by its bytes.
		if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if (c|1 == 0xE3 || c == 0xEF) && zh.IsSpecialSpace3(c, s[i+1], s[i+2]) {
				return false
			}
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 || zh.IsOddSpace(r) || zh.IsZeroWidth(r) {
			return false
		}
		i += n
	}
	return true
}

// plainInteger reports an integer written as plainNumber writes it: up
// to 15 digits, without a leading zero, a sign other than '-' or a
// negative zero.
func plainInteger(s string) bool {
	digits := s
	if len(s) > 1 && s[0] == '-' {
		digits = s[1:]
	}
	if len(digits) == 0 || len(digits) > 15 || digits[0] == '0' && (len(digits) > 1 || len(s) > 1) {
		return false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return false
		}
	}
	return true
}

// plainNumber writes v in plain decimal notation with at most 15
// significant digits.
func plainNumber(v float64) string {
	if v == 0 {
		return "0"
	}
	rounded, err := strconv.ParseFloat(strconv.FormatFloat(v, 'e', 14, 64), 64)
	if err != nil {
		rounded = v
	}
	return strconv.FormatFloat(rounded, 'f', -1, 64)
}

// looksLikeDate reports formatted text of a date or time: digits on both
// sides of - / : or followed by 年 月 日 时 分.
func looksLikeDate(s string) bool {
	rs := []rune(s)
	for i, r := range rs {
		if i == 0 || !isDigit(rs[i-1]) {
			continue
		}
		switch r {
		case '年', '月', '日', '时', '分':
			return true
		case '-', '/', ':':
			if i+1 < len(rs) && isDigit(rs[i+1]) {
				return true
			}
		}
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
