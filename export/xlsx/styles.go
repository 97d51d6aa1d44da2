package xlsx

import "github.com/xuri/excelize/v2"

// fontName is the official forms' typeface. SpreadsheetML cell fonts carry a
// single name (no separate East Asian face as DrawingML's ea has); 宋体 is a
// CJK font with Latin glyphs, and charset 134 (GB2312) tells Excel and WPS
// it is a Chinese font, which is what Excel itself writes for it.
const fontName = "宋体"

var gb2312 = 134

// style names a cell style of the sheets.
type style int

const (
	sNone         style = iota
	sTitle              // sheet title, no border
	sSubtitle           // 填报单位 / 报告年度 line, no border
	sHeading            // section heading (二、主动公开政府信息情况)
	sHeader             // table header: bold, centred, wrapped, bordered
	sLabel              // row label: left, wrapped, bordered
	sLabelCenter        // group label spanning rows: centred
	sUnit               // unit column: centred
	sNumber             // a number from the report
	sFlagged            // a number whose identity does not hold
	sInput              // template input cell: unlocked
	sFormula            // a total computed by formula
	sText               // list text: left, wrapped, bordered
	sTextCenter         // list text centred (级别, 约数)
	sBlock              // block title in list sheets
	sInputText          // template 填报单位 / 报告年度: unlocked, no border
	sNote               // a note above a table: wrapped, no border
	sPartial            // a 汇总 number of fewer agencies than its neighbours: italic
	sShadeLabel         // an agency with error findings: its name, shaded
	sShadeText          // its other text (the reason), shaded
	sShadeNumber        // its numbers, shaded
	sCoverage           // 填报单位数 of a summed row that every agency filled
	sCoveragePart       // 填报单位数 of a row that not every agency filled: bold, shaded
	sCheck              // the template's check cell (平衡 or the difference): a formula, centred
	sInputField         // the template's 填报单位 / 报告年度 input: unlocked, bordered, left
	nStyles
)

// Fill of a flagged cell: a light orange that prints as a visible grey.
const flagColor = "FFD8A8"

type styles struct{ id [nStyles]int }

func border() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "000000", Style: 1})
	}
	return b
}

func font(size float64, bold bool) *excelize.Font {
	return &excelize.Font{Family: fontName, Size: size, Bold: bold, Charset: &gb2312, Color: "000000"}
}

func italic(f *excelize.Font) *excelize.Font {
	f.Italic = true
	return f
}

func align(h string, wrap bool, indent int) *excelize.Alignment {
	return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap, Indent: indent}
}

// styleDefs lists every style; the template's input styles differ from the
// report's only in being unlocked.
var styleDefs = [nStyles]*excelize.Style{
	sNone:        {Font: font(11, false)},
	sTitle:       {Font: font(16, true), Alignment: align("center", true, 0)},
	sSubtitle:    {Font: font(11, false), Alignment: align("left", false, 0)},
	sHeading:     {Font: font(12, true), Alignment: align("left", false, 0)},
	sHeader:      {Font: font(11, true), Alignment: align("center", true, 0), Border: border()},
	sLabel:       {Font: font(11, false), Alignment: align("left", true, 0), Border: border()},
	sLabelCenter: {Font: font(11, false), Alignment: align("center", true, 0), Border: border()},
	sUnit:        {Font: font(11, false), Alignment: align("center", true, 0), Border: border()},
	sNumber:      {Font: font(11, false), Alignment: align("right", false, 0), Border: border()},
	sFlagged: {Font: font(11, true), Alignment: align("right", false, 0), Border: border(),
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{flagColor}}},
	sInput:       {Font: font(11, false), Alignment: align("right", false, 0), Border: border(), Protection: &excelize.Protection{Locked: false}},
	sFormula:     {Font: font(11, false), Alignment: align("right", false, 0), Border: border(), Protection: &excelize.Protection{Locked: true}},
	sText:        {Font: font(10.5, false), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}, Border: border()},
	sTextCenter:  {Font: font(10.5, false), Alignment: align("center", true, 0), Border: border()},
	sBlock:       {Font: font(12, true), Alignment: align("left", true, 0), Border: border()},
	sInputText:   {Font: font(11, false), Alignment: align("left", false, 0), Protection: &excelize.Protection{Locked: false}},
	sNote:        {Font: font(10.5, false), Alignment: align("left", true, 0)},
	sPartial:     {Font: italic(font(11, false)), Alignment: align("right", false, 0), Border: border()},
	sShadeLabel:  {Font: font(11, false), Alignment: align("left", true, 0), Border: border(), Fill: shade},
	sShadeText:   {Font: font(10.5, false), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}, Border: border(), Fill: shade},
	sShadeNumber: {Font: font(11, false), Alignment: align("right", false, 0), Border: border(), Fill: shade},
	sCoverage:    {Font: font(10.5, false), Alignment: align("center", false, 0), Border: border()},
	sCoveragePart: {Font: font(10.5, true), Alignment: align("center", false, 0), Border: border(),
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{partColor}}},
	sCheck:      {Font: font(11, true), Alignment: align("center", true, 0), Border: border(), Protection: &excelize.Protection{Locked: true}},
	sInputField: {Font: font(12, false), Alignment: align("left", false, 0), Border: border(), Protection: &excelize.Protection{Locked: false}},
}

// shade fills the rows of agencies with error findings in a list: the
// flagged cells' colour, which prints as a visible grey.
var shade = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{flagColor}}

// partColor fills the 填报单位数 of a row some agencies did not fill: a
// light yellow, lighter than a flagged cell.
const partColor = "FFF2B3"

func newStyles(f *excelize.File) (*styles, error) {
	st := &styles{}
	for i, def := range styleDefs {
		id, err := f.NewStyle(def)
		if err != nil {
			return nil, err
		}
		st.id[i] = id
	}
	return st, nil
}

// of returns the excelize id of a style.
func (st *styles) of(s style) int { return st.id[s] }
