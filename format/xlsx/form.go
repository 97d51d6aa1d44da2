package xlsx

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/document"
	"xxgk/workbook"
)

// A form filled by a clerk comes back as the clerk typed it: the agency
// after 填报单位 in its cell or in the next one, numbers formatted as
// text, in full-width digits or with thousands separators, and now and
// then words in a cell meant for a number. The template's input cells are
// the ones with a number validation (export/xlsx writes one on every
// input cell, and LibreOffice, WPS and Excel keep it).

// maxNamedCells is how many cells a finding names before it says 等.
const maxNamedCells = 20

// numberTextRe is a number as a clerk types it in a cell formatted as
// text: a sign, digits in groups of three or not, a decimal part.
var numberTextRe = regexp.MustCompile(`^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$`)

// numberText reads a number typed as text: ２０, 1,234, " 20 ". ok is
// false for anything else (约20, 二十, 20件). The number is exact: it is
// read as the decimal the clerk typed, never through a float.
func numberText(s string) (xxgk.Number, bool) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '，':
			return ','
		case r == '．':
			return '.'
		case r == '－' || r == '−':
			return '-'
		case r == '＋':
			return '+'
		case r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t':
			return -1
		}
		return r
	}, s)
	if !numberTextRe.MatchString(s) {
		return xxgk.Number{}, false
	}
	n, err := xxgk.ParseNumber(s)
	return n, err == nil
}

// inputMask marks the sheet's cells under a number validation (sd.inputs):
// is(r, c) reports one. It counts the ranges over each cell with a
// two-dimensional difference array, in time linear in the ranges and the
// sheet's used range, however many ranges overlap. is is nil when the
// sheet has no input cell.
func (sd *sheetData) inputMask() (is func(r, c int) bool) {
	height, width := sd.rows, 0
	for _, c := range sd.cells {
		width = max(width, int(c.col)+1)
	}
	if len(sd.inputs) == 0 || height == 0 || width == 0 {
		return nil
	}
	w := width + 1
	diff := make([]int32, (height+1)*w)
	for _, m := range sd.inputs {
		r0, c0, r1, c1 := m[0], m[1], min(m[2], height-1), min(m[3], width-1)
		if r0 < 0 || c0 < 0 || r0 > r1 || c0 > c1 {
			continue
		}
		diff[r0*w+c0]++
		diff[r0*w+c1+1]--
		diff[(r1+1)*w+c0]--
		diff[(r1+1)*w+c1+1]++
	}
	for r := range height + 1 {
		for c := range w {
			if r > 0 {
				diff[r*w+c] += diff[(r-1)*w+c]
			}
			if c > 0 {
				diff[r*w+c] += diff[r*w+c-1]
			}
			if r > 0 && c > 0 {
				diff[r*w+c] -= diff[(r-1)*w+c-1]
			}
		}
	}
	return func(r, c int) bool { return r < height && c < width && diff[r*w+c] > 0 }
}

// fixInputs makes the input cells of a template sheet read as the clerk
// meant them, before the sheet's numbers are formatted: a number typed as
// text becomes the number (and the sheet's formulas, which skipped the
// text, are computed again), and a cell that holds no number at all is
// marked as holding no value (—, which the table reader takes for no
// value, never for 0). Each is a finding naming the cells.
func (sd *sheetData) fixInputs(sheet string) []xxgk.Finding {
	input := sd.inputMask()
	if input == nil {
		return nil
	}
	var asText []string
	var fs []xxgk.Finding
	for i := range sd.cells {
		c := &sd.cells[i]
		if c.typ != typeShared && c.typ != typeInline || c.formula || strings.TrimSpace(c.raw) == "" ||
			!input(int(c.row), int(c.col)) {
			continue // a number, a formula, nothing, or no input cell
		}
		axis, _ := excelize.CoordinatesToCellName(int(c.col)+1, int(c.row)+1)
		if n, ok := numberText(c.raw); ok {
			c.raw, c.typ = n.String(), typeNumber
			asText = append(asText, axis)
			continue
		}
		raw := c.raw
		c.raw = "—"
		fs = append(fs, xxgk.Finding{Rule: xxgk.RuleFormNotNumber, Severity: xxgk.SeverityWarning, Evidence: raw,
			Message: fmt.Sprintf("“%s”的%s格填写的“%s”不是数字，未读取（不按0计）；请改为阿拉伯数字", sheet, axis, raw)})
	}
	if len(asText) == 0 {
		return fs
	}
	sd.recalculate()
	named := asText
	more := ""
	if len(named) > maxNamedCells {
		named, more = named[:maxNamedCells], fmt.Sprintf("等%d格", len(asText))
	}
	return append([]xxgk.Finding{{Rule: xxgk.RuleFormNumberText, Severity: xxgk.SeverityInfo,
		Message: fmt.Sprintf("“%s”的%s%s的数字是以文本形式填写的（或用了全角数字、千位分隔符），已按数字读取；表格软件的合计公式不计文本，这张表的合计已按读取的数字重新计算",
			sheet, strings.Join(named, "、"), more)}}, fs...)
}

// formSheet finishes a sheet read from a workbook: it takes the 填报单位
// and 报告年度 the sheet states (the first sheet that states them wins)
// and drops a template's check rows. It returns nil for the template's
// 填表说明, which holds nothing else to read.
func formSheet(doc *document.Document, name string, cells [][]document.GridCell) [][]document.GridCell {
	for _, l := range []struct {
		label string
		to    *document.Field
	}{{workbook.AgencyLabel, &doc.Agency}, {workbook.YearLabel, &doc.Year}} {
		if l.to.Value == "" {
			*l.to = labelled(cells, l.label)
		}
	}
	if name == workbook.InstructionsSheet {
		return nil
	}
	var buf [1]string
	for r, row := range cells {
		if t := rowTexts(buf[:0], row, 1); len(t) > 0 && strings.HasPrefix(t[0], workbook.CheckLabel) {
			for c := range row {
				cells[r][c].Text = ""
			}
		}
	}
	return cells
}

// fieldLabels start the cells that label a field of the form, whose
// neighbour is no value of another.
var fieldLabels = []string{workbook.AgencyLabel, workbook.YearLabel, "汇总单位"}

// labelled finds the value of the field label in a sheet: after the label
// in its cell (填报单位：福清市自然资源和规划局, 填报单位名称: …), or in
// the next cell of the row with text, unless that is another label.
func labelled(cells [][]document.GridCell, label string) document.Field {
	for _, row := range cells {
		for c, cell := range row {
			if c > 0 && row[c-1].OrigRow == cell.OrigRow && row[c-1].OrigCol == cell.OrigCol {
				continue // a copy of a merged cell
			}
			rest, ok := strings.CutPrefix(cell.Text, label)
			if !ok {
				continue
			}
			rest = strings.TrimPrefix(rest, "名称")
			rest = strings.TrimSpace(strings.TrimLeft(rest, " :：\u3000"))
			if rest != "" {
				return document.Field{Value: rest, Text: cell.Text}
			}
			for _, next := range row[c+1:] {
				if next.Text == "" || next.OrigRow == cell.OrigRow && next.OrigCol == cell.OrigCol {
					continue
				}
				if isFieldLabel(next.Text) {
					break
				}
				return document.Field{Value: next.Text, Text: cell.Text + " " + next.Text}
			}
		}
	}
	return document.Field{}
}

func isFieldLabel(s string) bool {
	for _, l := range fieldLabels {
		if strings.HasPrefix(s, l) {
			return true
		}
	}
	return strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":")
}
