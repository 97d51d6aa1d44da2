package prose

import (
	"math/bits"
	"math/rand/v2"
	"testing"
)

// claimantsRef is claimants as claims' first two tests tell it, rule by
// rule.
func claimantsRef(w *mentionWords, t topic) ruleSet {
	var rs ruleSet
	for ri := range proseRules {
		r := &proseRules[ri]
		if r.reads(t) && (w.has(ri, listSubject, false) || r.nounAfter && w.has(ri, listSubject, true)) {
			rs |= 1 << ri
		}
	}
	return rs
}

// TestClaimants holds claimants to claimantsRef: on the words around
// every number of the page-text reports, and on random sets of words,
// few and many, in every topic.
func TestClaimants(t *testing.T) {
	check := func(w mentionWords) {
		t.Helper()
		for tp := range topic(len(topicNames)) {
			if got, want := w.claimants(tp), claimantsRef(&w, tp); got != want {
				t.Fatalf("claimants(%x, %x, %v) = %b, want %b", w.pre, w.after, tp, got, want)
			}
		}
	}
	for _, d := range corpusDocs(t, ".txt") {
		for s := range sentences(d.doc) {
			ms := scanNumbers(s.Text)
			nouns := bindNounsInto(nil, s.Text, ms, clauseStartsInto(nil, s.Text, ms))
			for _, b := range nouns {
				check(mentionWords{pre: ruleWords.found(dropEnumeration(b.pre)), after: ruleWords.found(b.after)})
			}
		}
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	n := len(ruleWords.set.Words())
	random := func(k int) (f wordBits) {
		for range k {
			i := rnd.IntN(n)
			f[i/64] |= 1 << (i % 64)
		}
		return f
	}
	for range 20000 {
		check(mentionWords{pre: random(rnd.IntN(4)), after: random(rnd.IntN(3))})
	}
	all := random(0)
	for i := range n {
		all[i/64] |= 1 << (i % 64)
	}
	check(mentionWords{pre: all, after: all})
	if bits.OnesCount64(uint64(claimantsRef(&mentionWords{pre: all}, topicUnknown))) == 0 {
		t.Fatal("no rule reads a sentence of unknown topic")
	}
}
