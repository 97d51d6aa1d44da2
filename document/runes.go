package document

// runeCountUpTo is min(utf8.RuneCountInString(s), limit): the noise rules
// only compare a line's length in runes with bounds, and counting stops
// past them (a crawler's page on one line has thousands of runes).
func runeCountUpTo(s string, limit int) int {
	n := 0
	for range s {
		if n >= limit {
			break
		}
		n++
	}
	return n
}

// lineKeys are the kinds of key characters a line holds. Every word of a
// list the noise rules look for holds a key character of the list's kind
// (TestLineKeys checks): a line without one, most lines, is not scanned
// for the words. The keys are gathered while the line's runes are counted.
type lineKeys uint8

const (
	markKey   lineKeys = 1 << iota // p P 版 © 备 识: footerMarks
	leadKey                        // 办 技 维: footerLeads
	phraseKey                      // 扫 打 返 关 分 收 设 视: chromePhrases
	digitKey                       // an ASCII digit
)

// keyOf returns the key kind of r, or 0.
func keyOf(r rune) lineKeys {
	switch r {
	case 'p', 'P', '版', '©', '备', '识':
		return markKey
	case '办', '技', '维':
		return leadKey
	case '扫', '打', '返', '关', '分', '收', '设', '视':
		return phraseKey
	}
	if r >= '0' && r <= '9' {
		return digitKey
	}
	return 0
}

// scanLine returns runeCountUpTo(s, limit) and the keys of the runes it
// counted: of all of s when n < limit. A key character's encoding found in
// s anywhere is decoded as that character here, for stepping through s
// never takes the lead byte of an encoding into the rune before it.
func scanLine(s string, limit int) (n int, keys lineKeys) {
	for _, r := range s {
		if n >= limit {
			break
		}
		n++
		keys |= keyOf(r)
	}
	return n, keys
}
