package pdf

import (
	"strings"
	"unicode/utf8"
)

// Line breaking of our own: fpdf's MultiCell and SplitText lose a character
// at automatic breaks between Chinese characters (go-pdf/fpdf#80) and know
// nothing of 避头尾 (the rules of which punctuation may not start or end a
// line). breakLines knows both and never drops a character.

// noLineStart may not begin a line: closing punctuation and brackets, full
// width and ASCII. A character of this set is kept with the one before it.
const noLineStart = "，。、；：？！）》”’…」』】〕〗〉％·—" + ",.;:?!)]}%"

// noLineEnd may not end a line: opening brackets and quotes. A character of
// this set is kept with the one after it.
const noLineEnd = "（《“‘「『【〔〖〈" + "([{"

func isNoStart(r rune) bool { return strings.ContainsRune(noLineStart, r) }
func isNoEnd(r rune) bool   { return strings.ContainsRune(noLineEnd, r) }

// isWordRune reports whether r belongs to an ASCII word: letters, digits and
// the punctuation inside numbers, telephone numbers and addresses
// (4166.241619, 0436-3292718, www.gov.cn/xxgk). Such a run is never broken
// unless it is longer than a line.
func isWordRune(r rune) bool { return r > ' ' && r < utf8.RuneSelf }

// breakLines breaks text into lines no wider than width, as measured by
// measure, aligned left. A newline forces a break and is not part of any
// line. Nothing else is dropped: ASCII spaces stay at the end of the line
// they follow (and are not counted in its width), so that
// strings.Join(lines, "") is text without its newlines.
//
// Breaks fall between any two CJK characters, at spaces, and between an
// ASCII word and a CJK character; never before noLineStart or after
// noLineEnd. A piece that cannot be broken and is wider than a line is
// broken between characters, at least one per line.
func breakLines(text string, width float64, measure func(string) float64) []string {
	// Most table cells fit: one measurement instead of one per piece.
	if !strings.Contains(text, "\n") && measure(strings.TrimRight(text, " ")) <= width {
		return []string{text}
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, breakParagraph(para, width, measure)...)
	}
	return lines
}

// breakParagraph breaks one paragraph; an empty one is one empty line.
func breakParagraph(para string, width float64, measure func(string) float64) []string {
	fits := func(s string) bool { return measure(strings.TrimRight(s, " ")) <= width }
	var lines []string
	line := ""
	for _, g := range groups(para) {
		switch {
		case fits(line + g):
			line += g
		case fits(g):
			lines = append(lines, line)
			line = g
		default:
			// Too wide even alone: fill the current line character by
			// character, then carry on on new lines.
			for _, r := range g {
				c := string(r)
				if line != "" && !fits(line+c) && strings.TrimRight(line, " ") != "" && r != ' ' {
					lines = append(lines, line)
					line = ""
				}
				line += c
			}
		}
	}
	return keepCompany(append(lines, line), width, measure)
}

// keepCompany gives a last line of a single character (孤字: 社会公益组 /
// 织) a companion: the last character of the line before, when both are
// CJK and the pair fits.
func keepCompany(lines []string, width float64, measure func(string) float64) []string {
	n := len(lines)
	if n < 2 {
		return lines
	}
	last := strings.TrimRight(lines[n-1], " ")
	prev := []rune(strings.TrimRight(lines[n-2], " "))
	if utf8.RuneCountInString(last) != 1 || len(prev) < 3 || strings.HasSuffix(lines[n-2], " ") {
		return lines
	}
	r, moved := []rune(last)[0], prev[len(prev)-1]
	if r < utf8.RuneSelf || moved < utf8.RuneSelf || isNoStart(moved) || isNoEnd(prev[len(prev)-2]) ||
		measure(string(moved)+last) > width {
		return lines
	}
	lines[n-2], lines[n-1] = string(prev[:len(prev)-1]), string(moved)+lines[n-1]
	return lines
}

// groups splits a paragraph into the pieces no line break may fall inside:
// each CJK character or ASCII word with the spaces that follow it, glued to
// its neighbours where the punctuation rules forbid a break.
func groups(para string) []string {
	atoms := atomsOf(para)
	var out []string
	for i, a := range atoms {
		first, _ := utf8.DecodeRuneInString(a)
		glue := i > 0 && (isNoStart(first) || endsNoEnd(atoms[i-1]))
		if glue && len(out) > 0 {
			out[len(out)-1] += a
			continue
		}
		out = append(out, a)
	}
	return out
}

// endsNoEnd reports whether an atom ends (before its trailing spaces) with
// an opening bracket; an atom followed by spaces may break at the spaces.
func endsNoEnd(atom string) bool {
	if strings.HasSuffix(atom, " ") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(atom)
	return isNoEnd(last)
}

// atomsOf splits a paragraph into ASCII words and single other characters,
// each with the ASCII spaces after it. Leading spaces form an atom of their
// own.
func atomsOf(para string) []string {
	var atoms []string
	for i := 0; i < len(para); {
		j := i
		r, n := utf8.DecodeRuneInString(para[j:])
		switch {
		case r == ' ':
		case isWordRune(r):
			for j < len(para) && isWordRune(rune(para[j])) {
				j++
			}
		default:
			j += n
		}
		for j < len(para) && para[j] == ' ' {
			j++
		}
		atoms = append(atoms, para[i:j])
		i = j
	}
	return atoms
}
