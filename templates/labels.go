package templates

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"xxgk/zh"
)

// Labels in real reports differ from the template's in ways that carry no
// meaning: traditional or simplified characters, full- or half-width
// punctuation, spaces and line breaks inside a label, quotes and book-title
// marks (all folded away by zh.Fold), numbering written 1. 1． 1﹒ 1、 or not
// at all, known typos and abbreviations, and labels cut short. Pattern
// reduces both sides to a form where those differences vanish.

// Pattern is a label prepared for matching.
type Pattern struct {
	// Alts are folded spellings of the label's core (numbering and trailing
	// note removed), the template's first. Any of them identifies the row.
	Alts []string
	// Note is the folded parenthetical remark that follows the core in the
	// template ("不同渠道和方式公开相同信息计1条"); reports may print it,
	// split it onto the next line, or leave it out.
	Note string
	// Unlabelled marks a row the template prints without a label (table 四).
	Unlabelled bool
}

// typoAlts are spellings that real reports use for words of the templates:
// template word → variants. Each variant is also tried.
var typoAlts = []struct{ word, variant string }{
	{"具体行政行为", "具有行政行为"}, // seed 002 and others
	{"行政规范性文件", "规范性文件"}, // 2019 wording kept in 2021 reports
}

// PatternOf prepares a template label.
func PatternOf(label string) Pattern {
	f := zh.Fold(label)
	if strings.Contains(f, "无行标签") {
		return Pattern{Unlabelled: true}
	}
	_, rest := StripNumbering(f)
	core, note := splitNote(rest)
	p := Pattern{Alts: []string{core}}
	switch {
	case strings.Contains(note, "作:"):
		// A spec annotation naming another year's wording.
		_, alt, _ := strings.Cut(note, "作:")
		p.Alts = append(p.Alts, alt)
	case strings.IndexFunc(note, isASCIILetter) >= 0:
		// A spec annotation in English ("2015、2016 only"), never printed.
	default:
		p.Note = note
	}
	for _, t := range typoAlts {
		for _, a := range p.Alts {
			if strings.Contains(a, t.word) {
				p.Alts = append(p.Alts, strings.Replace(a, t.word, t.variant, 1))
				break
			}
		}
	}
	// Count labels come as …数 and …总数 (对申请的答复数 / 对申请的答复总数).
	for _, a := range p.Alts {
		switch {
		case strings.HasSuffix(a, "总数"):
			p.Alts = append(p.Alts, strings.TrimSuffix(a, "总数")+"数")
		case strings.HasSuffix(a, "数") && utf8.RuneCountInString(a) >= 4:
			p.Alts = append(p.Alts, strings.TrimSuffix(a, "数")+"总数")
		}
	}
	return p
}

func isASCIILetter(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) }

// splitNote splits a trailing parenthetical remark off a folded label.
func splitNote(s string) (core, note string) {
	if !strings.HasSuffix(s, ")") {
		return s, ""
	}
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				if i == 0 {
					return s, ""
				}
				return s[:i], s[i+1 : len(s)-1]
			}
		}
	}
	return s, ""
}

// StripNumbering removes leading numbering and 其中: from a folded label:
// 一、 (一) 1. 1、 (1) 1 其中: in any combination.
func StripNumbering(s string) (number, rest string) {
	rest = s
	for range 3 {
		n := numberingPrefix(rest)
		if n == 0 {
			break
		}
		rest = rest[n:]
	}
	return s[:len(s)-len(rest)], rest
}

// numberingPrefix returns the byte length of one numbering token at the
// start of s (folded), or 0.
func numberingPrefix(s string) int {
	if rest, ok := strings.CutPrefix(s, "其中"); ok {
		for _, sep := range []string{":", ",", "、"} {
			if r, ok := strings.CutPrefix(rest, sep); ok {
				return len(s) - len(r)
			}
		}
		return len(s) - len(rest)
	}
	if strings.HasPrefix(s, "(") {
		end := strings.IndexByte(s, ')')
		if end > 1 && allIn(s[1:end], zh.Numerals+"0123456789") {
			return end + 1
		}
		return 0
	}
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !zh.IsNumeral(r) {
			break
		}
		i += size
	}
	if i > 0 {
		if strings.HasPrefix(s[i:], "、") {
			return i + len("、")
		}
		if strings.HasPrefix(s[i:], ".") {
			return i + 1
		}
		return 0 // a word such as 十分, not numbering
	}
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 2 {
		return 0
	}
	switch {
	case strings.HasPrefix(s[i:], "、"):
		return i + len("、")
	case strings.HasPrefix(s[i:], "."), strings.HasPrefix(s[i:], ")"):
		return i + 1
	case i < len(s):
		r, _ := utf8.DecodeRuneInString(s[i:])
		if zh.IsHan(r) {
			return i // bare numbering: 1专职人员数
		}
	}
	return 0
}

func allIn(s, set string) bool {
	for _, r := range s {
		if !strings.ContainsRune(set, r) {
			return false
		}
	}
	return s != ""
}

// Pattern returns the row's label prepared for matching.
func (r *Row) Pattern() Pattern { return r.pattern }

// Pattern returns the column's label prepared for matching.
func (c *Column) Pattern() Pattern { return c.pattern }

// Match reports whether a whole label as printed (one cell or one line)
// names the pattern's row: equal after folding and numbering, possibly
// followed by the note, or cut short by at most two characters.
func (p Pattern) Match(printed string) bool {
	_, got := StripNumbering(zh.Fold(printed))
	if got == "" {
		return false
	}
	core, _ := splitNote(got)
	for _, alt := range p.Alts {
		if got == alt || core == alt {
			return true
		}
		if n, m := utf8.RuneCountInString(core), utf8.RuneCountInString(alt); strings.HasPrefix(alt, core) && n >= 5 && m-n <= 2 {
			return true
		}
	}
	return false
}
