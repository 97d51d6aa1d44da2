package document

import "unicode/utf8"

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
	crumbKey                       // 位 路: the breadcrumb labels 位置 and 路径
	adviceKey                      // 建: 建议使用, of a footer's browser advice
)

// keyChars are the key characters of each kind, as keyOf knows them.
const keyChars = "pP版©备识" + "办技维" + "扫打返关分收设视" + "0123456789" + "位路" + "建"

// keyBloom has the bit keyHash(r) set for every key character (26 bits of
// 256): a rune whose bit is clear, most runes, is no key, without the
// comparisons of keyOf's switch, whose branches follow the text.
var keyBloom = func() (b [4]uint64) {
	for _, r := range keyChars {
		h := keyHash(r)
		b[h/64] |= 1 << (h % 64)
	}
	return b
}()

func keyHash(r rune) uint32 { return (uint32(r) ^ uint32(r)>>7) & 255 }

// keyOf returns the key kind of r, or 0.
func keyOf(r rune) lineKeys {
	switch r {
	case 'p', 'P', '版', '©', '备', '识':
		return markKey
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
// it does (an invalid byte is one rune), decoding the three-byte encodings
// of Chinese text in line. A key character's encoding found in s anywhere
// is decoded as that character here, for stepping through s never takes
// the lead byte of an encoding into the rune before it.
func scanLine(s string, limit int) (n int, keys lineKeys) {
	for i := 0; i < len(s) && n < limit; n++ {
		c := s[i]
		var r rune
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
			i++
		// E1–EC and EE–EF take any continuation bytes (E0 and ED do not).
		case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			i += 3
		default:
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			i += size
		}
		if h := keyHash(r); keyBloom[h/64]&(1<<(h%64)) != 0 {
			keys |= keyOf(r)
		}
	}
	return n, keys
}
