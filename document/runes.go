package document

import (
	"unicode/utf8"

	"xxgk/internal/strs"
)

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
	markKey   lineKeys = 1 << iota // 版 © 备 识: footerMarks
	leadKey                        // 办 技 维: footerLeads
	phraseKey                      // 扫 打 返 关 分 收 设 视: chromePhrases
	digitKey                       // an ASCII digit
	crumbKey                       // 位 路: the breadcrumb labels 位置 and 路径
	adviceKey                      // 建: 建议使用, of a footer's browser advice
	// copyKey is p or P, of the footerMarks written in Latin letters
	// (Copyright, ICP证): a mark holds a markKey or a copyKey. A p is
	// common in page text (http, pdf), and a line that holds one but no
	// markKey is searched for those marks only (copyMarks).
	copyKey
)

// keyChars are the key characters of each kind, as keyOf knows them.
const keyChars = "版©备识" + "办技维" + "扫打返关分收设视" + "0123456789" + "位路" + "建" + "pP"

// keyOf returns the key kind of r, or 0.
func keyOf(r rune) lineKeys {
	switch r {
	case '版', '©', '备', '识':
		return markKey
	case 'p', 'P':
		return copyKey
	case '办', '技', '维':
		return leadKey
	case '扫', '打', '返', '关', '分', '收', '设', '视':
		return phraseKey
	case '位', '路':
		return crumbKey
	case '建':
		return adviceKey
	}
	if r >= '0' && r <= '9' {
		return digitKey
	}
	return 0
}

// scanLine returns runeCountUpTo(s, limit) and the keys of the runes it
// counted: of all of s when n < limit. It steps through s as ranging over
// it does (an invalid byte is one rune), and goes as scanTextLine does:
// ASCII eight bytes at a time (while the eight fit within limit), and
// runs of three-byte characters in a loop of their own, where only the
// ideographs that hanMarks marks are decoded for their keys (no other
// character of three bytes is a key). Every line of a web page, a PDF
// or a Word document passes here, and decoding each character for its
// key took twice the instructions.
func scanLine(s string, limit int) (n int, keys lineKeys) {
	for i := 0; i < len(s) && n < limit; {
		c := s[i]
		if c < utf8.RuneSelf {
			keys |= asciiKeys[c]
			i++
			n++
			for i+8 <= len(s) && n+8 <= limit {
				w := strs.Load64(s[i:])
				if w&strs.HighBits != 0 {
					break
				}
				keys |= asciiWordKeys(w)
				i += 8
				n += 8
			}
			continue
		}
		run := i // the end of the run of three-byte characters at i
		for run < len(s)-2 && n < limit {
			c, tail := s[run], uint(s[run+1])|uint(s[run+2])<<8
			// E1–EC and EE–EF take any continuation bytes (E0 and ED
			// do not).
			if tail&0xC0C0 != 0x8080 || c < 0xE1 || c > 0xEF || c == 0xED {
				break
			}
			if k := uint(c) - 0xE4; k < uint(len(hanMarks)) && hanMarks[k][tail&0x3F]>>(tail>>8&0x3F)&1 != 0 {
				keys |= keyOf(rune(c&0x0F)<<12 | rune(tail&0x3F)<<6 | rune(tail>>8&0x3F))
			}
			run += 3
			n++
		}
		if run > i {
			i = run
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		keys |= keyOf(r)
		i += size
		n++
	}
	return n, keys
}
