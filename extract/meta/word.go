package meta

import "strings"

// A word is a fixed word the rules look for, with the byte it is looked
// for by: its rarest in Chinese text.
//
// strs.Index looks for a word's last byte, which is rarer than its first
// (E4–E9 start a third of Chinese text), but the last bytes of common
// words are common too: 计 of 统计 ends with A1, which stands every 51
// bytes of the page-text samples; 开 of 政务公开 and 政府信息公开 with 80,
// every 28. Each stop costs a call to strings.IndexByte and a comparison.
// 统 of 统计 holds 9F (every 260 bytes), 务 of 政务公开 8A: looking for
// those, meta.Read over the 49 page-text samples took 6.34M -> 5.63M
// instructions per run (-11%).
type word struct {
	text   string
	anchor int // index in text of the byte strings.IndexByte looks for
	// check is the index of a byte next to it, compared before the whole
	// word is (anchor itself in a word of one byte).
	check int
}

// newWord returns w to be looked for; w is not empty.
func newWord(w string) word {
	k := 0
	for i := range len(w) {
		if byteCount(w[i]) < byteCount(w[k]) {
			k = i
		}
	}
	c := k - 1
	if c < 0 {
		c = min(k+1, len(w)-1)
	}
	return word{w, k, c}
}

// byteCount is how many times byte c stands in 10,000 bytes of the
// page-text samples: ASCII and the lead bytes together (as common as the
// commonest continuation bytes, or more), the continuation bytes one by one.
func byteCount(c byte) int {
	switch {
	case c < 0x80:
		return 171
	case c >= 0xC0:
		return 280
	}
	return int(continuationCounts[c-0x80])
}

var continuationCounts = [64]uint16{
	362, 167, 71, 57, 77, 174, 68, 64, 84, 72, 118, 43, 156, 71, 51, 76, // 80–8F
	64, 62, 24, 30, 258, 51, 59, 50, 31, 21, 83, 75, 167, 58, 45, 38, // 90–9F
	35, 194, 40, 23, 47, 85, 40, 48, 79, 8, 24, 23, 117, 67, 123, 125, // A0–AF
	57, 45, 13, 67, 59, 34, 55, 63, 134, 106, 200, 120, 222, 111, 51, 202, // B0–BF
}

// index is strings.Index(s, w.text): the places of the anchor byte are
// tried in order, so the first place the word starts is found first.
func (w word) index(s string) int {
	a := w.text[w.anchor]
	for p := w.anchor; p < len(s); p++ { // p: a place of the anchor byte
		j := strings.IndexByte(s[p:], a)
		if j < 0 {
			return -1
		}
		p += j
		start := p - w.anchor
		if start+len(w.text) > len(s) {
			return -1 // and so for every later place
		}
		if s[start+w.check] == w.text[w.check] && s[start:start+len(w.text)] == w.text {
			return start
		}
	}
	return -1
}

// indexes yields the index of every w.text in s, left to right, not
// overlapping, as strs.Indexes does.
func (w word) indexes(s string) func(func(int) bool) {
	return func(yield func(int) bool) {
		for off := 0; ; {
			i := w.index(s[off:])
			if i < 0 || !yield(off+i) {
				return
			}
			off += i + len(w.text)
		}
	}
}

// containsAny reports whether s holds any of ws.
func containsAny(s string, ws []word) bool {
	for _, w := range ws {
		if w.index(s) >= 0 {
			return true
		}
	}
	return false
}

// The words the rules look for.
var (
	periodWords     = [...]word{newWord("统计"), newWord("起止时间")}
	tableWords      = [...]word{newWord("统计表"), newWord("情况表")}
	govWords        = [...]word{newWord("人民政府"), newWord("街道办事处")}
	disclosureWords = [...]word{newWord("政务公开"), newWord("政府信息公开")}
	reportWord      = newWord("报告")
	asFollowsWord   = newWord("如下")
	yearWord        = newWord("年")
)
