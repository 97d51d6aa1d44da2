package xlsx

import (
	"math"
	"strings"
)

// Spreadsheets wrap the text of a narrow cell wherever the line is full,
// and a header of six characters in a column of five leaves its last
// character alone on a line (法律服务机 / 构). balanced breaks such text
// itself, into lines of about equal length that each fit.

// noLineStart are the characters a line must not begin with, noLineEnd
// those it must not end with (the rules of Chinese typesetting).
const (
	noLineStart = "）)、，。；：！？”’》〕】」"
	noLineEnd   = "（(“‘《〔【「"
)

// usableUnits is how much of a column of width w, in textUnits, a line of
// text fills: linesFor's measure.
func usableUnits(w float64) float64 { return math.Max(w-1.5, 2) }

// balanced returns text with line breaks put in so that no paragraph
// wraps in a cell width units wide and no line is a single character
// where a paragraph has more. Text that fits is returned as it is.
func balanced(text string, width float64) string {
	paras := strings.Split(text, "\n")
	for i, p := range paras {
		paras[i] = balancedPara(p, usableUnits(width))
	}
	return strings.Join(paras, "\n")
}

func runeUnits(r rune) float64 { return textUnits(string(r)) }

func balancedPara(p string, usable float64) string {
	rs := []rune(p)
	total := textUnits(p)
	if total <= usable || len(rs) < 2 {
		return p
	}
	for n := int(math.Ceil(total / usable)); n <= len(rs); n++ {
		if lines, ok := breakInto(rs, n, total/float64(n), usable); ok {
			return strings.Join(lines, "\n")
		}
	}
	return p
}

// breakInto breaks rs into n lines of about target units each, none wider
// than usable, none a single character, none starting or ending with a
// character that may not.
func breakInto(rs []rune, n int, target, usable float64) ([]string, bool) {
	var lines []string
	start, cur := 0, 0.0
	for i := 0; i < len(rs); i++ {
		w := runeUnits(rs[i])
		if cur > 0 && cur+w > target+0.99 && len(lines) < n-1 {
			at := i
			// Keep a closing mark with the text before it, an opening
			// mark with the text after it.
			for at > start+1 && (strings.ContainsRune(noLineStart, rs[at]) || strings.ContainsRune(noLineEnd, rs[at-1])) {
				at--
			}
			lines = append(lines, string(rs[start:at]))
			start, cur = at, textUnits(string(rs[at:i]))
		}
		cur += w
	}
	lines = append(lines, string(rs[start:]))
	if len(lines) != n {
		return nil, false
	}
	for _, l := range lines {
		if textUnits(l) > usable || len([]rune(l)) < 2 {
			return nil, false
		}
	}
	return lines, true
}
