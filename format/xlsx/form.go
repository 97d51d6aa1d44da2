package xlsx

import (
	"fmt"
	"regexp"
	"strconv"
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
// false for anything else (约20, 二十, 20件).
func numberText(s string) (float64, bool) {
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
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v, err == nil
}

// inputCells lists the cells of a sheet under a number validation: the
// template's input cells, in the order of the validations.
func inputCells(f *excelize.File, sheet string) []string {
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		return nil
	}
	var out []string
	for _, dv := range dvs {
		if dv.Type != "whole" && dv.Type != "decimal" {
			continue
		}
		for _, ref := range strings.Fields(dv.Sqref) {
			from, to, isRange := strings.Cut(ref, ":")
			c0, r0, err := excelize.CellNameToCoordinates(from)
			if err != nil {
				continue
			}
			c1, r1 := c0, r0
			if isRange {
				if c1, r1, err = excelize.CellNameToCoordinates(to); err != nil {
					continue
				}
			}
			for r := r0; r <= r1 && r-r0 < maxSheetRows; r++ {
				for c := c0; c <= c1 && c-c0 < maxSheetCols; c++ {
					name, _ := excelize.CoordinatesToCellName(c, r)
					out = append(out, name)
				}
			}
		}
	}
	return out
}

// fixInputs makes the input cells of a template sheet read as the clerk
// meant them, before the sheet is read: a number typed as text becomes the
// number (and the sheet's formulas, which skipped the text, are computed
// again), and a cell that holds no number at all is marked as holding no
// value (—, which the table reader takes for no value, never for 0). Each
// is a finding naming the cells.
func fixInputs(f *excelize.File, sheet string) []xxgk.Finding {
	var asText []string
	var fs []xxgk.Finding
	for _, axis := range inputCells(f, sheet) {
		typ, err := f.GetCellType(sheet, axis)
		if err != nil || typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			continue // a number, a formula, or nothing
		}
		raw, err := f.GetCellValue(sheet, axis, excelize.Options{RawCellValue: true})
		if err != nil || strings.TrimSpace(raw) == "" {
			continue
		}
		if v, ok := numberText(raw); ok {
			if f.SetCellValue(sheet, axis, v) == nil {
				asText = append(asText, axis)
			}
			continue
		}
		if f.SetCellValue(sheet, axis, "—") != nil {
			continue
		}
		fs = append(fs, xxgk.Finding{Rule: xxgk.RuleFormNotNumber, Severity: xxgk.SeverityWarning, Evidence: raw,
			Message: fmt.Sprintf("“%s”的%s格填写的“%s”不是数字，未读取（不按0计）；请改为阿拉伯数字", sheet, axis, raw)})
	}
	if len(asText) == 0 {
		return fs
	}
	recalculate(f, sheet)
	named := asText
	more := ""
	if len(named) > maxNamedCells {
		named, more = named[:maxNamedCells], fmt.Sprintf("等%d格", len(asText))
	}
	return append([]xxgk.Finding{{Rule: xxgk.RuleFormNumberText, Severity: xxgk.SeverityInfo,
		Message: fmt.Sprintf("“%s”的%s%s的数字是以文本形式填写的（或用了全角数字、千位分隔符），已按数字读取；表格软件的合计公式不计文本，这张表的合计已按读取的数字重新计算",
			sheet, strings.Join(named, "、"), more)}}, fs...)
}

// recalculate computes the sheet's formulas again and keeps their
// numeric results as the cells' values.
func recalculate(f *excelize.File, sheet string) {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return
	}
	type result struct {
		axis string
		v    float64
	}
	var results []result
	for r, row := range rows {
		for c := range row {
			axis, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if fm, err := f.GetCellFormula(sheet, axis); err != nil || fm == "" {
				continue
			}
			s, err := f.CalcCellValue(sheet, axis, excelize.Options{RawCellValue: true})
			if err != nil {
				continue
			}
			if v, err := strconv.ParseFloat(s, 64); err == nil {
				results = append(results, result{axis, v})
			}
		}
	}
	// Set after computing all: a total of totals is computed from the
	// formulas, not from a value set halfway.
	for _, x := range results {
		_ = f.SetCellValue(sheet, x.axis, x.v)
	}
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
	for r, row := range cells {
		if t := rowTexts(row); len(t) > 0 && strings.HasPrefix(t[0], workbook.CheckLabel) {
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
