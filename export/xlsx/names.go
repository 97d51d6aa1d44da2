package xlsx

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"xxgk"
)

// maxSheetName is Excel's limit, counted in UTF-16 units.
const maxSheetName = 31

// sheetNameFixes replaces the characters Excel forbids in sheet names by
// their full-width forms, which keep the name readable.
var sheetNameFixes = strings.NewReplacer(
	"[", "［", "]", "］", ":", "：", "*", "＊", "?", "？", "/", "／", `\`, "＼",
	"\r", "", "\n", "", "\t", " ",
)

// sheetNamer hands out valid, unique sheet names. Excel compares sheet names
// without regard to case.
type sheetNamer struct{ used map[string]bool }

func newSheetNamer() *sheetNamer { return &sheetNamer{used: map[string]bool{}} }

func (n *sheetNamer) name(want string) string {
	base := cleanSheetName(want)
	name := truncate16(base, maxSheetName)
	for i := 2; n.used[strings.ToLower(name)]; i++ {
		suffix := "（" + strconv.Itoa(i) + "）"
		name = trimQuotes(truncate16(base, maxSheetName-utf16Len(suffix))) + suffix
	}
	n.used[strings.ToLower(name)] = true
	return name
}

func cleanSheetName(s string) string {
	s = trimQuotes(strings.TrimSpace(sheetNameFixes.Replace(s)))
	if s == "" {
		return "报告"
	}
	return s
}

// trimQuotes removes the apostrophes a sheet name may not start or end with.
func trimQuotes(s string) string { return strings.Trim(s, "'") }

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// truncate16 cuts s to at most n UTF-16 units without splitting a rune, and
// removes apostrophes the cut may have left at the end.
func truncate16(s string, n int) string {
	used := 0
	for i, r := range s {
		if used+utf16.RuneLen(r) > n {
			return trimQuotes(strings.TrimSpace(s[:i]))
		}
		used += utf16.RuneLen(r)
	}
	return s
}

// tagRunes bounds the agency part of a report's sheet-name tag, leaving room
// for the year and the table name.
const tagRunes = 12

// reportTag is the short agency+year prefix of a report's sheets when a
// workbook holds several reports, e.g. 平潭综合实验区2025.
func reportTag(r *xxgk.Report) string {
	agency := cleanSheetName(r.Agency)
	if r.Agency == "" {
		agency = "未署名机关"
	}
	if rs := []rune(agency); len(rs) > tagRunes {
		agency = string(rs[:tagRunes-1]) + "…"
	}
	if r.Year > 0 {
		return agency + fmt.Sprint(r.Year)
	}
	return agency
}
