package prose

import (
	"math"

	"xxgk/internal/strs"
)

// partWords start the parts of a whole: a total is never read after them.
var partWords = []string{"其中", "包括"}

// skipWords make a number no count of the year: cumulative, planned, a rate.
var skipWords = func() []string {
	var ws []string
	for _, l := range [][]string{cumulativeWords, planWords, rateWords} {
		ws = append(ws, l...)
	}
	return ws
}()

var (
	cumulativeMark = []string{"累计"}
	enumerationEnd = []string{"等"}
)

// firstEnd returns the end of the first whole occurrence of one of words
// in text[from:limit], as an offset of text, or math.MaxInt when none.
// The clause text[from:e] holds one of words exactly when firstEnd <= e.
func firstEnd(text string, from, limit int, words []string) int {
	best := math.MaxInt
	part := text[from:limit]
	for _, w := range words {
		if i := strs.Index(part, w); i >= 0 && from+i+len(w) < best {
			best = from + i + len(w)
		}
	}
	return best
}

// firstEndIn is firstEnd with the words compiled into a Set: one pass
// over the clause for the lists of many words.
func firstEndIn(text string, from, limit int, words *wordSet) int {
	if e := words.FirstEnd(text[from:limit]); e >= 0 {
		return from + e
	}
	return math.MaxInt
}

var (
	skipSet     = newWordSet(skipWords...)
	pastSet     = newWordSet(pastWords...)
	channelsSet = newWordSet(channels...)
)

// clauseWords are the words of one clause that the checks of its numbers
// look for, as the ends of their first occurrences (see firstEnd): a number
// starting at e has one of them before it when the end is <= e.
type clauseWords struct {
	text  string
	start int // the clause's start
	limit int // the start of its last number

	skip, cumulative, past, enumeration int

	parens    []int // the starts of ( and （ in text[start:limit]
	paren     int   // the paren channelEnd was found for, or -1
	channelAt int   // firstEnd of channels from paren
}

func (c *clauseWords) reset(text string, start, limit int) {
	*c = clauseWords{text: text, start: start, limit: limit, paren: -1, parens: c.parens[:0]}
	c.skip = firstEndIn(text, start, limit, skipSet)
	c.cumulative = firstEnd(text, start, limit, cumulativeMark)
	c.past = firstEndIn(text, start, limit, pastSet)
	c.enumeration = firstEnd(text, start, limit, enumerationEnd)
	for i, r := range text[start:limit] {
		if r == '(' || r == '（' {
			c.parens = append(c.parens, start+i)
		}
	}
}

// channelNote is channelNote(text[start:e]).
func (c *clauseWords) channelNote(e int) bool {
	p := -1
	for _, q := range c.parens {
		if q >= e {
			break
		}
		p = q
	}
	if p < 0 {
		return false
	}
	if p != c.paren {
		c.paren = p
		c.channelAt = firstEndIn(c.text, p, c.limit, channelsSet)
	}
	return c.channelAt <= e
}

// clauseLimit returns the start of the last of mentions in the clause of
// mention k.
func clauseLimit(ms []numMention, starts []int, k int) int {
	j := k
	for j+1 < len(ms) && starts[j+1] == starts[k] {
		j++
	}
	return ms[j].Start
}

// sentenceCache keeps what the rules ask of a whole sentence, the same for
// each of its numbers.
type sentenceCache struct {
	text     string
	st       statement
	statedBy [64]int8 // per rule: 0 not yet asked, 1 stated, 2 not (a ruleSet's bits: 64 rules at most)
	channels int      // channelKinds(text)+1, 0 not yet counted
}

// stated reports whether the sentence (or, for a strict rule, its
// statement) gives rule ri's context.
func (sc *sentenceCache) stated(ri int, r *proseRule) bool {
	if v := sc.statedBy[ri]; v != 0 {
		return v == 1
	}
	var ok bool
	if r.strict {
		ok = sc.st.says(r.context)
	} else {
		ok = strs.ContainsAny(sc.text, r.context)
	}
	sc.statedBy[ri] = 2
	if ok {
		sc.statedBy[ri] = 1
	}
	return ok
}

func (sc *sentenceCache) channelKinds() int {
	if sc.channels == 0 {
		sc.channels = channelKinds(sc.text) + 1
	}
	return sc.channels - 1
}
