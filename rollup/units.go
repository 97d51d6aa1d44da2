package rollup

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"xxgk/format/charset"
)

// unitHeaders are first-row cells that make the row a header, not a unit.
var unitHeaders = []string{"单位", "单位名称", "机关", "文件", "文件名", "agency", "file", "分组", "组别", "类别", "group", "名称", "序号"}

// Units reads the --units file of a roll-up: a CSV of (agency or file
// name, group) rows, as Excel or WPS save it (UTF-8 with or without BOM, or
// GBK on Chinese Windows; comma, semicolon or tab separated). A header row
// is skipped. It returns name → group.
//
// A name given twice with different groups is an error naming both lines:
// a silent choice would put an agency's numbers in the wrong subtotal.
func Units(data []byte) (map[string]string, error) {
	_, rows, err := readRows(data)
	if err != nil {
		return nil, err
	}
	units := map[string]string{}
	lineOf := map[string]int{}
	for _, row := range rows {
		rec, line := row.fields, row.line
		if len(rec) < 2 || rec[0] == "" || rec[1] == "" {
			return nil, fmt.Errorf("第%d行应有两列：单位（或文件名）和分组", line)
		}
		name, group := rec[0], rec[1]
		if g, ok := units[name]; ok && g != group {
			return nil, fmt.Errorf("“%s”在第%d行分到“%s”，在第%d行又分到“%s”", name, lineOf[name], g, line, group)
		}
		units[name], lineOf[name] = group, line
	}
	if len(units) == 0 {
		return nil, errors.New("文件中没有单位和分组")
	}
	return units, nil
}

// csvRow is a row of a units or roster file: its cells, trimmed, and the
// line it starts on.
type csvRow struct {
	line   int
	fields []string
}

// readRows reads a CSV file as Excel or WPS save it (see Units): the
// header row, if the first row is one, and the rows that hold any text.
func readRows(data []byte) (header []string, rows []csvRow, err error) {
	text, _, err := charset.Decode(data)
	if err != nil {
		return nil, nil, err
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = unitsSeparator(text)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	for first := true; ; {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// FieldPos is only for a record read: the line is the error's.
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return nil, nil, fmt.Errorf("第%d行格式不对（%s）", line, csvReason(err))
		}
		line, _ := r.FieldPos(0)
		empty := true
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
			empty = empty && rec[i] == ""
		}
		if empty {
			continue
		}
		if first && isUnitsHeader(rec) {
			first, header = false, rec
			continue
		}
		first = false
		rows = append(rows, csvRow{line, rec})
	}
	return header, rows, nil
}

// unitsSeparator picks the separator of the first line: Excel in some
// locales writes semicolons, and a tab-separated export is common.
func unitsSeparator(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	best, n := ',', strings.Count(first, ",")
	for _, c := range []rune{';', '\t', '，'} {
		if k := strings.Count(first, string(c)); k > n {
			best, n = c, k
		}
	}
	return best
}

func isUnitsHeader(rec []string) bool {
	for _, cell := range rec {
		for _, h := range unitHeaders {
			if strings.EqualFold(cell, h) {
				return true
			}
		}
	}
	return false
}

// csvReason says in Chinese what encoding/csv found wrong in a line.
func csvReason(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return "不带引号的内容中有引号“\"”，请把这一格用引号括起来，或删去引号"
	case errors.Is(err, csv.ErrQuote):
		return "引号“\"”没有配对"
	}
	return "无法按 CSV 读取"
}
