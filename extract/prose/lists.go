package prose

import (
	"math/bits"
	"unicode/utf8"
)

// A listSet compiles several word lists into one wordSet, so that one
// pass over a text tells which of the lists it holds a word of: the rules
// test the same text (a sentence, a clause, the words before a number)
// against many lists, and reading it once per word of every list was most
// of their cost.
type listSet struct {
	set   *wordSet
	masks []wordBits // per list: the bits of its words
}

// wordBits holds a bit for each word of a listSet.
type wordBits [3]uint64

// newListSet compiles lists. It panics on more than 192 different words.
func newListSet(lists ...[]string) *listSet {
	index := map[string]int{}
	var words []string
	ls := &listSet{masks: make([]wordBits, len(lists))}
	for i, l := range lists {
		for _, w := range l {
			k, ok := index[w]
			if !ok {
				k = len(words)
				if k >= len(wordBits{})*64 {
					panic("prose: too many words for a listSet")
				}
				index[w] = k
				words = append(words, w)
			}
			ls.masks[i][k/64] |= 1 << (k % 64)
		}
	}
	ls.set = newWordSet(words...)
	return ls
}

// found returns the bits of the words text holds.
func (ls *listSet) found(text string) wordBits {
	var f wordBits
	ls.set.Mark(text, f[:])
	return f
}

// has reports whether found, the bits of a text's words, holds a word of
// list i: strs.ContainsAny(text, lists[i]).
func (ls *listSet) has(found wordBits, i int) bool {
	m := &ls.masks[i]
	return found[0]&m[0]|found[1]&m[1]|found[2]&m[2] != 0
}

// ruleWords holds the word lists of proseRules, four for rule i: its
// subject (list 4i+listSubject), also, nouns and not words. The words
// before a number and the noun after it are read once against all of
// them, not once per rule and list.
var ruleWords = func() *listSet {
	var lists [][]string
	for _, r := range proseRules {
		lists = append(lists, r.subject, r.also, r.nouns, r.not)
	}
	return newListSet(lists...)
}()

const (
	listSubject = iota
	listAlso
	listNouns
	listNot
	listsPerRule
)

// mentionWords are the words of ruleWords around a number: in the words
// before it (dropEnumeration(b.pre)) and in the noun after it (b.after).
type mentionWords struct {
	pre, after wordBits
}

// has reports whether the words before the number (or after it, with
// after set) hold a word of list (listSubject…) of rule ri.
func (w *mentionWords) has(ri, list int, after bool) bool {
	if after {
		return ruleWords.has(w.after, listsPerRule*ri+list)
	}
	return ruleWords.has(w.pre, listsPerRule*ri+list)
}

// ruleSet holds a bit for each of proseRules, bit ri for proseRules[ri].
type ruleSet uint64

// subjectRules[k] holds the rules whose subject is word k of ruleWords,
// afterRules[k] those of them whose subject may be the noun after the
// number (nounAfter), and topicRules[t] the rules that read topic t.
var subjectRules, afterRules, topicRules = func() (subject, after []ruleSet, topics [len(topicNames)]ruleSet) {
	if len(proseRules) > 64 {
		panic("prose: too many rules for a ruleSet")
	}
	n := len(ruleWords.set.Words())
	subject, after = make([]ruleSet, n), make([]ruleSet, n)
	for ri := range proseRules {
		r := &proseRules[ri]
		m := &ruleWords.masks[listsPerRule*ri+listSubject]
		for k := range n {
			if m[k/64]&(1<<(k%64)) != 0 {
				subject[k] |= 1 << ri
				if r.nounAfter {
					after[k] |= 1 << ri
				}
			}
		}
		for t := range topics {
			if r.reads(topic(t)) {
				topics[t] |= 1 << ri
			}
		}
	}
	return subject, after, topics
}()

// claimants returns the rules that pass the first two tests of claims:
// they read topic t, and the words before the number hold their subject,
// or the noun after it does and the subject may stand there. Most rules
// fail them for most numbers, and calling claims for each rule, in turn,
// to be told so was most of the cost of the rules (TestClaimants).
func (w *mentionWords) claimants(t topic) ruleSet {
	var rs ruleSet
	for i, x := range w.pre {
		for ; x != 0; x &= x - 1 {
			rs |= subjectRules[i*64+bits.TrailingZeros64(x)]
		}
	}
	for i, x := range w.after {
		for ; x != 0; x &= x - 1 {
			rs |= afterRules[i*64+bits.TrailingZeros64(x)]
		}
	}
	return rs & topicRules[t]
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the three-byte
// characters of Chinese text decoded inline: the readers decode every
// character of a report, and the call for each was a tenth of their time.
// Lead bytes E0 and ED, whose second byte is further limited, take the
// library's path.
func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if r, size := decodeRune3(s, i); size > 0 {
		return r, size
	}
	return utf8.DecodeRuneInString(s[i:])
}

// decodeRune3 decodes the three-byte character at s[i] that decodeRune
// decodes inline (lead byte E1–EF but ED, two continuation bytes); size
// is 0 for anything else, which decodeRune then reads:
//
//	r, size := decodeRune3(s, i)
//	if size == 0 {
//		r, size = decodeRune(s, i)
//	}
//
// It is small enough to be inlined, which decodeRune is not: in the loops
// that decode every character of a heading or a noun, the call was most of
// the decoding.
func decodeRune3(s string, i int) (r rune, size int) {
	if i+2 >= len(s) {
		return 0, 0
	}
	c0, c1, c2 := s[i], s[i+1], s[i+2]
	if c0 < 0xE1 || c0 > 0xEF || c0 == 0xED || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
		return 0, 0
	}
	return rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
}

// A runeSet marks runes of the Basic Multilingual Plane, a bit each: the
// scans test most characters of a text against one, where a map lookup or
// a chain of comparisons for each cost more.
type runeSet [1 << 16 / 64]uint64

// runeSetOfRunes returns the set of the runes of runes and of the ranges
// (first and last rune of each), all in the Basic Multilingual Plane.
//
// The package's sets of runes told by a predicate are built so from the
// runes the predicate names, each held to the predicate over the whole
// plane by TestRuneSetsOfRunes: testing every rune of the plane against
// the predicates (runeSetOf, now the tests') was 10M instructions of the
// package's start-up, three-quarters of it.
func runeSetOfRunes(runes string, ranges ...[2]rune) *runeSet {
	var s runeSet
	for _, r := range runes {
		s.add(r)
	}
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			s.add(r)
		}
	}
	return &s
}

// add marks r, which must be in the Basic Multilingual Plane.
func (s *runeSet) add(r rune) { s[r/64] |= 1 << (r % 64) }

// has reports whether r is marked (false for a rune beyond the plane).
func (s *runeSet) has(r rune) bool {
	u := uint32(r) // unsigned: a negative r is beyond the plane too, and no fix-up of a signed division
	return u < 1<<16 && s[u>>6]&(1<<(u&63)) != 0
}

// skipUnmarked returns the offset of the first character at or after i
// that is not a three-byte character left unmarked in marks (bit r: rune
// r is marked), or where fewer than four bytes remain. Three bytes are
// read in one load and tested against marks undecoded, most of Chinese
// text: decoding each character and then testing it cost scanNumbersInto's
// loop 1.7 times as much.
//
// marks must mark no rune below U+0800 and no surrogate: the three bytes
// of an overlong form or a surrogate, which decodeRune reads as three
// invalid bytes, then spell an unmarked rune and are skipped as the
// invalid bytes would be, by a reader that passes over U+FFFD.
func skipUnmarked(s string, i int, marks *runeSet) int {
	for rest := s[i:]; len(rest) >= 4; rest = rest[3:] {
		// x&0xC0C0F0 keeps the lead byte's tag and those of the two
		// continuation bytes; the rune's bits are x&0x0F, x>>8&0x3F and
		// x>>16&0x3F.
		x := uint32(rest[0]) | uint32(rest[1])<<8 | uint32(rest[2])<<16 | uint32(rest[3])<<24
		if x&0xC0C0F0 != 0x8080E0 || marks[(x&0x0F)<<6|x>>8&0x3F]&(1<<(x>>16&63)) != 0 {
			break
		}
		i += 3
	}
	return i
}

// cnNumerals marks the runes that zh.Digit or zh.Place reads, all in the
// Basic Multilingual Plane (TestIsCNNumeral checks every rune).
var cnNumerals = runeSetOfRunes(cnNumeralRunes)

// cnNumeralRunes are the runes zh.Digit reads (its zeros, digits and their
// financial and traditional forms) and those zh.Place reads.
const cnNumeralRunes = "零〇○一壹二两贰貳兩三叁參四肆五伍六陆陸七柒八捌九玖" + "十拾百佰千仟万萬亿億"

// isCNNumeral is zh.Digit(r) >= 0 || zh.Place(r) > 0.
func isCNNumeral(r rune) bool { return cnNumerals.has(r) }

// ruleSubjects holds, for each topic, the subjects of the rules of
// proseRules that may read a sentence of the topic, and afterSubjects
// those of them that may find theirs in the noun after the number
// (nounAfter): claims' first tests, for all rules at once. A number with
// none of ruleSubjects before it nor of afterSubjects after it is claimed
// by no rule, nor is any number of a sentence without one of
// ruleSubjects. (Finding ruleWords, 192 words, costs more.)
var ruleSubjects, afterSubjects = func() (pre, after [len(topicNames)]*wordSet) {
	for t := range pre {
		var all, nounAfter []string
		for _, r := range proseRules {
			if !r.reads(topic(t)) {
				continue
			}
			all = append(all, r.subject...)
			if r.nounAfter {
				nounAfter = append(nounAfter, r.subject...)
			}
		}
		pre[t], after[t] = sharedWordSet(all), sharedWordSet(nounAfter)
	}
	return pre, after
}()

// A runeRank numbers the runes of a set of the Basic Multilingual Plane in
// rune order: index gives a rune's number, which indexes a slice of what
// is kept per rune. A map from rune to list, looked up for every unit a
// number may have and every character of a noun, hashed each rune; the
// number is a bit test and a count of bits.
type runeRank struct {
	set  runeSet
	rank [1 << 16 / 64]uint16 // rank[b] counts the runes of set[:b]
}

// newRuneRank numbers runes, all in the Basic Multilingual Plane (a rune
// may be given more than once).
func newRuneRank(runes []rune) *runeRank {
	x := &runeRank{}
	for _, r := range runes {
		x.set.add(r)
	}
	n := 0
	for b, w := range x.set {
		x.rank[b] = uint16(n)
		n += bits.OnesCount64(w)
	}
	return x
}

// index returns r's number, or -1 when r is not in the set.
func (x *runeRank) index(r rune) int {
	u := uint32(r)
	if u >= 1<<16 || x.set[u>>6]&(1<<(u&63)) == 0 {
		return -1
	}
	return int(x.rank[u>>6]) + bits.OnesCount64(x.set[u>>6]&(1<<(u&63)-1))
}
