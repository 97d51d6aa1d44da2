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
// noLineEnd, and not so that the last line of a paragraph holds a single
// character while the line before can give it company. A piece that
// cannot be broken so and is wider than a line is broken where it reads
// best: an ASCII word (a path, a file name) after / \ _ - or a dot, else
// between characters, a closing mark hanging at the end of the line
// rather than starting the next.
func breakLines(text string, width float64, measure func(string) float64) []string {
	return breakIndented(text, width, width, measure)
}

// breakIndented is breakLines with the first line of each paragraph first
// wide (an indented paragraph).
func breakIndented(text string, first, width float64, measure func(string) float64) []string {
	// Most table cells fit: one measurement instead of one per piece.
	if !strings.Contains(text, "\n") && measure(strings.TrimRight(text, " ")) <= first {
		return []string{text}
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, breakParagraph(para, first, width, measure)...)
	}
	return lines
}

// breakParagraph breaks one paragraph; an empty one is one empty line.
func breakParagraph(para string, first, width float64, measure func(string) float64) []string {
	limit := first
	fits := func(s string) bool { return measure(strings.TrimRight(s, " ")) <= limit }
	var lines []string
	line := ""
	next := func() {
		lines = append(lines, line)
		line, limit = "", width
	}
	for _, g := range groups(para) {
		switch {
		case fits(line + g):
			line += g
		case line != "" && measure(strings.TrimRight(g, " ")) <= width:
			next()
			line = g
		default:
			// Too wide even alone: fill the current line piece by piece,
			// then carry on on new lines.
			for _, p := range pieces(g, width, measure) {
				switch {
				case line == "" || fits(line+p) || strings.TrimRight(line, " ") == "" || p == " ":
				case isNoStart(firstRune(p)):
					// A closing mark hangs past the end of the line.
				case endsNoEnd(line) && utf8.RuneCountInString(line) > 1:
					// An opening mark goes down with what it opens.
					_, n := utf8.DecodeLastRuneInString(line)
					open := line[len(line)-n:]
					line = line[:len(line)-n]
					next()
					line = open
				default:
					next()
				}
				line += p
			}
		}
	}
	return noWidow(append(lines, line), width, measure)
}

// pieces cuts a group too wide for a line into what may end a line: an
// ASCII word after each / \ _ - or dot, then (if a piece is still long)
// between characters; anything else between characters.
func pieces(g string, width float64, measure func(string) float64) []string {
	var out []string
	word := isWordRune(firstRune(g))
	start := 0
	for i, r := range g {
		if !word {
			if i > start {
				out = append(out, g[start:i])
				start = i
			}
			continue
		}
		if strings.ContainsRune(`/\_-.`, r) {
			out = append(out, g[start:i+1])
			start = i + 1
		}
	}
	if start < len(g) {
		out = append(out, g[start:])
	}
	if !word {
		return out
	}
	var chars []string
	for _, p := range out {
		if measure(p) <= width {
			chars = append(chars, p)
			continue
		}
		for _, r := range p {
			chars = append(chars, string(r))
		}
	}
	return chars
}

// noWidow moves the last group of the line before the last down to it when
// the last line holds a single character (with its punctuation), that
// line can take it and the line before keeps two groups or more.
func noWidow(lines []string, width float64, measure func(string) float64) []string {
	n := len(lines)
	if !widowed(lines) {
		return lines
	}
	prev := groups(lines[n-2])
	if len(prev) < 3 || strings.HasSuffix(lines[n-2], " ") {
		return lines
	}
	moved := prev[len(prev)-1] + lines[n-1]
	if measure(strings.TrimRight(moved, " ")) > width {
		return lines
	}
	lines[n-2] = strings.Join(prev[:len(prev)-1], "")
	lines[n-1] = moved
	return lines
}

// widowed reports whether the last of several lines holds a single
// character (with its punctuation).
func widowed(lines []string) bool {
	if len(lines) < 2 {
		return false
	}
	last := strings.TrimRight(lines[len(lines)-1], " ")
	chars := 0
	for _, r := range last {
		if !isNoStart(r) {
			chars++
		}
	}
	return chars == 1 && !isWordRune(firstRune(last))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
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
