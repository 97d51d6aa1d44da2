package prose

// The clauses of a sentence as proseZeros cut them before zeroClauses: the
// reference FuzzZeroClauses and FuzzClauseSpans compare with.

import (
	"iter"
	"slices"
	"strings"
	"testing"

	"xxgk/internal/strs"
)

// clauseSpans yields the start and end of each clause of a sentence cut
// at its commas, semicolons and full stops, the empty ones left out: the
// fields of strings.FieldsFunc at ，,；;。, found byte by byte. (In UTF-8
// the bytes of ，；。 never occur inside another character, valid or not:
// their first bytes EF and E3 continue no character.)
func clauseSpans(text string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
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
			if i > start && !yield(start, i) {
				return
			}
			i += n
			start = i
		}
		if start < len(text) {
			yield(start, len(text))
		}
	}
}

// zeroClausesRef is zeroClauses as proseZeros found them before: every
// clause of text read for the zero rules' subjects, those with none left
// out.
func zeroClausesRef(text string) []zeroClause {
	var out []zeroClause
	for start, end := range clauseSpans(text) {
		c := text[start:end]
		if found := zeroSubjects.found(c); found != (wordBits{}) {
			out = append(out, zeroClause{text: c, subjects: found})
		}
	}
	return out
}

// FuzzZeroClauses compares zeroClauses with zeroClausesRef on a text with
// words of the rules inserted (see mutate), and the matches of a wordSet
// after an offset with those of the whole text.
func FuzzZeroClauses(f *testing.F) {
	for _, s := range []string{"", "未收到申请，未收到行政复议申请。", "复议,,诉讼;；收费。", "\xef\xbc复议", "复议\xe3\x80\x82\xef\xbc\x8c诉讼", "，。；", "无复议诉讼情况"} {
		f.Add(s, []byte{0x80, 0, 3}, 0)
	}
	f.Fuzz(func(t *testing.T, text string, ops []byte, from int) {
		text = mutate(text, ops)
		subjects := zeroSubjects.set.AppendMatches(nil, text, 0)
		if got, want := zeroClauses(nil, text, subjects), zeroClausesRef(text); !slices.Equal(got, want) {
			t.Fatalf("zeroClauses(%q) = %v, want %v", text, got, want)
		}
		from = min(max(from, 0), len(text))
		want := slices.DeleteFunc(subjects, func(m wordMatch) bool { return m.at < from })
		if got := zeroSubjects.set.AppendMatches(nil, text, from); !slices.Equal(got, want) {
			t.Fatalf("AppendMatches(%q, %d) = %v, want %v", text, from, got, want)
		}
	})
}

// TestZeroClausesCorpus compares zeroClauses with zeroClausesRef on the
// sentences of the reports.
func TestZeroClausesCorpus(t *testing.T) {
	for _, d := range corpusDocs(t) {
		for s := range sentences(d.doc) {
			subjects := zeroSubjects.set.AppendMatches(nil, s.Text, 0)
			if got, want := zeroClauses(nil, s.Text, subjects), zeroClausesRef(s.Text); !slices.Equal(got, want) {
				t.Fatalf("%s: zeroClauses(%q) = %v, want %v", d.name, s.Text, got, want)
			}
		}
	}
}

// negatesRef is negates as it was, one search per negation: it reports whether a negation stands before a subject word in the
// same clause, with no number between them (未收到…申请, 尚未有…行政复议).
func negatesRef(text string, negs, subjects []string) bool {
	for _, n := range negs {
		for i := range strs.Indexes(text, n) {
			rest := text[i+len(n):]
			if strings.HasPrefix(rest, "审结") || strings.HasPrefix(rest, "办结") {
				continue // 尚未审结 is a column of table 四, not a zero
			}
			if end := strings.IndexAny(rest, "，,；;。"); end >= 0 {
				rest = rest[:end]
			}
			rest = strs.FirstRunes(rest, negationReach)
			if strings.IndexFunc(rest, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 {
				continue
			}
			if (strs.ContainsAny(rest, subjects) || strs.ContainsAny(n, subjects)) && !qualified(rest, subjects) {
				return true
			}
		}
	}
	return false
}

// TestNegationsOverlapNot checks what negates relies on: no negation
// overlaps itself (ends with a part it starts with), so its occurrences
// strs.Indexes yields are all of them.
func TestNegationsOverlapNot(t *testing.T) {
	for _, z := range zeroRules {
		for _, n := range z.negation {
			for k := 1; k < len(n); k++ {
				if strings.HasSuffix(n, n[:k]) {
					t.Errorf("negation %q overlaps itself", n)
				}
			}
		}
	}
}

// FuzzNegates compares negates with negatesRef, for every zero rule, on
// the clauses (as zeroClauses cuts them, the only texts negates is given)
// of a text with words of the rules inserted (see mutate).
func FuzzNegates(f *testing.F) {
	for _, s := range []string{"", "未收到申请", "尚未审结复议", "没有收到2件申请", "未发生行政复议、行政诉讼案件", "暂无违规收费情况", "未\xe6收到申请",
		"未收到，申请", "未收到\xef\xbc申请", "未收到。\xe3申请"} {
		f.Add(s, []byte{0x80, 0, 3})
	}
	f.Fuzz(func(t *testing.T, text string, ops []byte) {
		text = mutate(text, ops)
		// The rules in turn on each clause, as proseZeros asks, the
		// negations found for the first kept for the others.
		var buf scratch
		cs := zeroClauses(nil, text, zeroSubjects.set.AppendMatches(nil, text, 0))
		for i, c := range cs {
			for zi, z := range zeroRules {
				want := negatesRef(c.text, z.negation, z.subject)
				if got := clauseNegates(&cs[i], zi, &buf); got != want {
					t.Fatalf("negates(%q) for %s = %v, want %v", c.text, z.figure, got, want)
				}
			}
		}
	})
}

// qualified is the test of ruleQualifiers as it was made: whether the
// words after a negation narrow it to one kind or outcome of its subject
// (无违规收费情况, 未出现被纠错的行政复议案件), a qualifier that is itself
// the subject (纠错 for the corrected count) not narrowing.
func qualified(rest string, subjects []string) bool {
	for _, q := range zeroQualifiers {
		if strings.Contains(rest, q) && !strs.ContainsAny(q, subjects) {
			return true
		}
	}
	return false
}

// noneStatedRef is noneStated with qualified.
func noneStatedRef(clause string, subjects []string) bool {
	c := strings.TrimRight(clause, strings.Join(clauseEndMarks, ""))
	if !hasSuffixAny(c, noneEnds) {
		return false
	}
	for i := range strs.Indexes(c, "无") {
		rest := c[i+len("无"):]
		if hasPrefixAny(rest, noneWords) {
			continue
		}
		rest = strs.FirstRunes(rest, negationReach)
		if strings.ContainsAny(rest, "0123456789") {
			continue
		}
		if strs.ContainsAny(rest, subjects) && !qualified(rest, subjects) {
			return true
		}
	}
	return false
}

// checkQualifiers compares ruleQualifiers and noneStated with qualified
// and noneStatedRef, for every zero rule, on text and its suffixes.
func checkQualifiers(t *testing.T, text string) {
	t.Helper()
	for zi, z := range zeroRules {
		for i := range len(text) + 1 {
			if got, want := ruleQualifiers[zi].In(text[i:]), qualified(text[i:], z.subject); got != want {
				t.Fatalf("ruleQualifiers[%s].In(%q) = %v, want %v", z.figure, text[i:], got, want)
			}
		}
		if got, want := noneStated(text, z.subject, ruleQualifiers[zi]), noneStatedRef(text, z.subject); got != want {
			t.Fatalf("noneStated(%q) for %s = %v, want %v", text, z.figure, got, want)
		}
	}
}

// TestRuleQualifiers holds ruleQualifiers and noneStated to the reference
// on the clauses of the page-text reports that hold a zero rule's subject.
func TestRuleQualifiers(t *testing.T) {
	for _, d := range corpusDocs(t, ".txt") {
		for s := range sentences(d.doc) {
			for _, c := range zeroClauses(nil, s.Text, zeroSubjects.set.AppendMatches(nil, s.Text, 0)) {
				checkQualifiers(t, c.text)
			}
		}
	}
}

// FuzzRuleQualifiers holds ruleQualifiers and noneStated to the reference
// on a text with words of the rules inserted (see mutate).
func FuzzRuleQualifiers(f *testing.F) {
	for _, s := range []string{"", "无违规收费情况", "未出现被纠错的行政复议案件", "无乱收费现象。", "无纠正行政复议情况", "无\xe8\xbf违规", "不合理收费"} {
		f.Add(s, []byte{0x80, 0, 3})
	}
	f.Fuzz(func(t *testing.T, text string, ops []byte) {
		checkQualifiers(t, mutate(text, ops))
	})
}
