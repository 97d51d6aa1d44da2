package prose

// The reader as it was before proseCounts and proseZeros were made to skip
// the work no rule needs: the reference the differential tests and the
// fuzz test compare the reader with. Only the names differ.

import (
	"iter"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk"
	"xxgk/document"
	"xxgk/internal/strs"
	"xxgk/zh"
)

// readProseRef is readProse as it was: it reads the figures stated in the sentences of doc. year is the
// report's year (0 if unknown), used to tell this year's figures from
// other years'; trad says the document holds traditional characters.
func readProseRef(doc *document.Document, year int, trad bool) map[string][]proseCandidate {
	out := map[string][]proseCandidate{}
	// A sentence ended by ；goes on in the next: 其中，区本级62条；各部门
	// 1697条；… is one statement (chain), and the sentence before it
	// (prev) gives its context.
	prev, chain, block := "", "", -1
	var buf scratch
	for s := range sentences(doc) {
		text := s.Text
		if trad {
			text = zh.FoldHan(text)
		}
		if s.Block != block {
			prev, chain, block = "", "", s.Block
		}
		st := statement{text: text, chain: chain, prev: []string{prev}}
		if strings.HasSuffix(text, "；") || strings.HasSuffix(text, ";") {
			chain += text
		} else {
			prev, chain = chain+text, ""
		}
		if s.Topic == topicProblems || s.Topic == topicPlans {
			continue
		}
		at, _ := anySubject.Index(text)
		if at < 0 && !bareNone(text) {
			continue // no rule's subject: nothing to read (most sentences)
		}
		if sentenceOutOfScope(text, year) {
			continue
		}
		if mayCount(text) {
			for fig, c := range proseCountsRef(s, st, year, &buf) {
				out[fig] = append(out[fig], c)
			}
		}
		for fig, c := range proseZerosRef(s, text, at, &buf) {
			if !slices.ContainsFunc(out[fig], func(c proseCandidate) bool { return c.sentence == s.Text }) {
				out[fig] = append(out[fig], c)
			}
		}
	}
	return out
}

// proseCountsRef is proseCounts as it was: it reads the numbers of a sentence that a rule claims; the
// rules that need their context stated look for it in st and the sentence
// before it.
func proseCountsRef(s sentence, st statement, year int, buf *scratch) map[string]proseCandidate {
	text := st.text
	var out map[string]proseCandidate // made for the first candidate: most sentences have none
	if strs.ContainsAny(text, introWords) {
		return out // the sentence that lists the parts of the report counts nothing
	}
	buf.mentions = scanNumbersInto(buf.mentions, text) // simplified: 條 reads as 条; offsets are those of s.Text
	mentions := buf.mentions
	buf.starts = clauseStartsIntoRef(buf.starts, text, mentions)
	starts := buf.starts
	buf.nouns = bindNounsInto(buf.nouns, text, mentions, starts)
	nouns := buf.nouns
	// Every number's checks look at the words before it in its clause; a
	// long clause (a table flattened to one line) has many numbers, so the
	// words are found once per clause (cw), not once per number.
	var cw clauseWords
	// before is chain+text up to the number: a prefix of one string, and
	// afterPart needs only the first 其中 or 包括 of it.
	whole := st.chain + text
	partAt := firstEnd(whole, 0, len(whole), partWords)
	sc := sentenceCache{text: text, st: st}
	for k, m := range mentions {
		if m.Kind != numCount && m.Kind != numMoney {
			continue
		}
		b := nouns[k]
		cs := starts[k]
		if cw.start != cs || cw.text == "" {
			cw.reset(text, cs, clauseLimit(mentions, starts, k))
		}
		var clause string
		var cumulative, past bool
		if cw.enumeration <= m.Start {
			// 涵盖…计划总结…等政府信息: kinds, not a plan; rare, read as it is.
			clause = dropEnumeration(text[cs:m.Start])
			if strs.ContainsAny(clause, cumulativeWords) || strs.ContainsAny(clause, planWords) || strs.ContainsAny(clause, rateWords) {
				continue
			}
			cumulative = strs.Index(clause, "累计") >= 0
			if cumulative && !annualContext(text[:m.Start], year) {
				continue
			}
			if channelNote(clause) || articleOne(m, b) {
				continue
			}
			past = strs.ContainsAny(clause, pastWords)
		} else {
			clause = text[cs:m.Start]
			if cw.skip <= m.Start {
				continue
			}
			cumulative = cw.cumulative <= m.Start
			if cumulative && !annualContext(text[:m.Start], year) {
				continue
			}
			if cw.channelNote(m.Start) || articleOne(m, b) {
				continue // (公文平台发文)113条: one channel; 作为一项常态工作: no count
			}
			past = cw.past <= m.Start
		}
		share := isShare(text[m.End:]) // 674条，占23%: a part of a total
		before := whole[:len(st.chain)+m.Start]
		afterPart := partAt <= len(before)
		pre := dropEnumeration(b.pre) // the same for every rule
		words := mentionWords{pre: ruleWords.found(pre), after: ruleWords.found(b.after)}
		for i := range proseRules {
			r := &proseRules[i] // a rule is large: copying it per number and rule cost more than its tests
			// claims first: most rules fail its first tests on the words
			// next to the number, while past rewrites the whole clause
			// before it (quadratic on a long clause). Both are pure.
			if share && !r.anywhere || !r.claims(s, &sc, i, before, b, pre, &words, m, afterPart) || past && r.past(clause) {
				continue
			}
			if _, dup := out[r.figure]; dup {
				break // the first statement in a sentence is the figure; later ones are parts
			}
			v := m.Value
			unit := figureUnit(r.figure)
			if out == nil {
				out = map[string]proseCandidate{}
			}
			out[r.figure] = proseCandidate{
				value: xxgk.Value{Value: v, Unit: unit, Approx: m.Approx,
					Evidence: xxgk.Evidence{Method: xxgk.MethodProse, Line: s.Line, Text: strings.TrimSpace(s.Text), Page: s.Page, Section: s.Section()}},
				inTopic:    r.inTopic(s.Topic),
				total:      strs.ContainsAny(clause, totalWords) || restatesTotal(text[m.End:]),
				cumulative: cumulative,
				quantity:   strings.Contains(s.Heading, "数量"),
				sentence:   s.Text,
			}
			break
		}
	}
	return out
}

// proseZerosRef is proseZeros as it was: it reads the zeros a sentence states.
//
// subjectAt is where the first of anySubject stands in text, -1 for none:
// the zero rules' subjects, among them, stand nowhere before it.
func proseZerosRef(s sentence, text string, subjectAt int, buf *scratch) map[string]proseCandidate {
	var out map[string]proseCandidate // made for the first zero: most sentences state none
	zero := func(fig string) proseCandidate {
		return proseCandidate{
			value: xxgk.Value{Value: xxgk.Int(0), Unit: figureUnit(fig),
				Evidence: xxgk.Evidence{Method: xxgk.MethodProse, Line: s.Line, Text: strings.TrimSpace(s.Text), Page: s.Page, Section: s.Section()}},
			inTopic:  zeroTopics[fig] == s.Topic,
			sentence: s.Text,
		}
	}
	// One pass per clause, when a rule first needs them, tells which
	// rules' subjects its clauses, and so the sentence, hold.
	clauses := buf.clauses[:0]
	var subjects wordBits
	split := false
	for zi, z := range zeroRules {
		if !topicIn(s.Topic, z.topics) {
			continue
		}
		if !split && (subjectAt < 0 || !zeroSubjects.set.In(text[subjectAt:])) {
			break // no rule's subject: no clause need be read (most sentences)
		}
		if !split {
			for c := range clausesOf(text) {
				found := zeroSubjects.found(c)
				clauses = append(clauses, zeroClause{text: c, subjects: found})
				for i := range subjects {
					subjects[i] |= found[i]
				}
			}
			buf.clauses, split = clauses, true
		}
		if !zeroSubjects.has(subjects, zi) {
			continue
		}
		if z.context != nil && !strs.ContainsAny(text, z.context) {
			continue
		}
		if z.group != nil && !speaksOfOnly(text, z.group) {
			continue
		}
		// Each clause on its own: 未收到…申请，未收到…行政复议申请 states two zeros.
		stated := false
		for _, c := range clauses {
			// Each of the three tests needs a subject in the clause (a
			// negation that holds one is in it too): most clauses have none.
			// negates and zeroAfter need one of their words in the clause:
			// the sets rule most clauses out in one pass.
			if zeroSubjects.has(c.subjects, zi) && !strs.ContainsAny(c.text, z.not) &&
				(strs.ContainsAny(c.text, z.negation) && negatesRef(c.text, z.negation, z.subject) ||
					anyZeroWord.In(c.text) && zeroAfter(c.text, z.subject) ||
					noneStatedRef(c.text, z.subject)) {
				stated = true
				break
			}
		}
		if stated {
			if out == nil {
				out = map[string]proseCandidate{}
			}
			out[z.figure] = zero(z.figure)
		}
	}
	if bareNone(text) {
		for _, fig := range sectionFigures(s) {
			if _, ok := out[fig]; !ok {
				if out == nil {
					out = map[string]proseCandidate{}
				}
				out[fig] = zero(fig)
			}
		}
	}
	return out
}

// clausesOf yields the clauses of a sentence (the reference of
// clauseSpans, which gives their places too) cut at its commas, semicolons
// and full stops, the empty ones left out: the fields of
// strings.FieldsFunc at ，,；;。, found byte by byte. (In UTF-8 the bytes
// of ，；。 never occur inside another character, valid or not: their
// first bytes EF and E3 continue no character.)
func clausesOf(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := 0
		for i := 0; i < len(text); {
			n := 0
			switch c := text[i]; c {
			case ',', ';':
				n = 1
			case 0xEF: // ，EF BC 8C；EF BC 9B
				if i+2 < len(text) && text[i+1] == 0xBC && (text[i+2] == 0x8C || text[i+2] == 0x9B) {
					n = 3
				}
			case 0xE3: // 。E3 80 82
				if i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0x82 {
					n = 3
				}
			}
			if n == 0 {
				i++
				continue
			}
			if i > start && !yield(text[start:i]) {
				return
			}
			i += n
			start = i
		}
		if start < len(text) {
			yield(text[start:])
		}
	}
}

// clauseStartsIntoRef is clauseStartsInto as it was.
func clauseStartsIntoRef(out []int, text string, ms []numMention) []int {
	out = slices.Grow(out[:0], len(ms))[:len(ms)]
	start, k := 0, 0
	for i := 0; i < len(text) && k < len(ms); {
		for k < len(ms) && ms[k].Start <= i {
			out[k] = start
			k++
		}
		if n := markAt(text, i); n > 0 {
			i += n
			start = i
			continue
		}
		i++
	}
	for ; k < len(ms); k++ {
		out[k] = start
	}
	return out
}

// anySubject holds every word a rule starts from, whatever the topic:
// the reference reads a sentence that holds one (readProse reads those
// that hold one of topicSubjects).
var anySubject = func() *wordSet {
	var all []string
	for _, r := range proseRules {
		all = append(all, r.subject...)
	}
	for _, z := range zeroRules {
		all = append(all, z.subject...)
	}
	return newWordSet(all...)
}()

// mayCount reports whether text holds a digit or a Chinese numeral: a
// sentence without one states no count (most sentences that name a
// figure's words). readProse tested it before mayClaimUnit, which
// holds only where it does.
func mayCount(text string) bool {
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if c >= '0' && c <= '9' {
				return true
			}
			i++
			continue
		}
		if j := skipUnmarked(text, i, countRunes); j > i {
			i = j
			continue
		}
		var r rune
		var size int
		if c := text[i]; c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			r, size = rune(c&0x0F)<<12|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F), 3 // decodeRune, inline
		} else {
			r, size = decodeRune(text, i)
		}
		if r >= '０' && r <= '９' || isCNNumeral(r) {
			return true
		}
		i += size
	}
	return false
}

// countRunes marks the runes from U+0800 that mayCount looks for: the
// full-width digits and the Chinese numerals.
var countRunes = runeSetOf(func(r rune) bool {
	return r >= 0x800 && (r < 0xD800 || r > 0xDFFF) && (r >= '０' && r <= '９' || isCNNumeral(r))
})

// readProse reads, for the tests, the figures stated in the sentences of
// doc (readCandidates), by figure, each figure's candidates in the order
// read. year is the report's year
// (0 if unknown), used to tell this year's figures from other years';
// trad says the document holds traditional characters.
func readProse(doc *document.Document, year int, trad bool) map[string][]proseCandidate {
	buf := scratchPool.Get().(*scratch)
	defer buf.release()
	out := map[string][]proseCandidate{}
	simple := doc
	if trad {
		simple = FoldedDoc(doc)
	}
	for _, fc := range readCandidates(doc, simple, year, buf) {
		out[fc.figure] = append(out[fc.figure], fc.cand)
	}
	return out
}

// speaksOfOnly reports whether text speaks of group (review or litigation)
// and not of the other: what proseZeros asked, before zeroOtherGroups.
func speaksOfOnly(text string, group []string) bool {
	other := litigationOnly
	if groupOf(strings.Join(group, "")) == "litigation" {
		other = reviewOnly
	}
	return strs.ContainsAny(text, group) && !strs.ContainsAny(text, other)
}

// TestZeroContextHeld checks zeroContextHeld against the words: held only
// where every subject of the rule holds one of its context.
func TestZeroContextHeld(t *testing.T) {
	for zi, z := range zeroRules {
		held := true
		for _, w := range z.subject {
			if !slices.ContainsFunc(z.context, func(c string) bool { return strings.Contains(w, c) }) {
				held = false
			}
		}
		if zeroContextHeld[zi] != held {
			t.Errorf("zeroContextHeld[%d] (%s) = %v, want %v", zi, z.figure, zeroContextHeld[zi], held)
		}
	}
}
