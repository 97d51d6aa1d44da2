package prose

import (
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/zh"
)

// TestClaimUnits checks what unitClaimable and mayClaimUnit rest on: no
// rule takes a number without a unit, every unit a rule takes is some
// multipliers before a unit of pnUnitList, and zh.FoldHan leaves every
// unit the scanner gives as it is (the units of pnUnitList, the
// multipliers before them and the words after 个 in 3个多月).
func TestClaimUnits(t *testing.T) {
	for _, r := range proseRules {
		if len(r.units) == 0 {
			t.Errorf("rule %s takes no unit", r.figure)
		}
	}
	listed := map[string]bool{}
	for _, u := range pnUnitList {
		listed[u.text] = true
	}
	for _, u := range claimUnits {
		if u == "" {
			t.Errorf("claimUnits holds the empty unit")
		}
		base := u
		for !listed[base] && base != "" {
			if r, size := utf8.DecodeRuneInString(base); strings.ContainsRune("万亿千百", r) {
				base = base[size:]
			} else {
				base = ""
			}
		}
		if base == "" {
			t.Errorf("unit %q is no multipliers before a unit of pnUnitList", u)
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(u, "万亿千百"))
		if !unitLeads.has(r) {
			t.Errorf("unitLeads misses %q of %q", r, u)
		}
	}
	words := []string{"万", "亿", "千", "百", "个", "月", "小时", "工作日", "季度"}
	for _, u := range pnUnitList {
		words = append(words, u.text)
	}
	for _, w := range words {
		if got := zh.FoldHan(w); got != w {
			t.Errorf("zh.FoldHan(%q) = %q", w, got)
		}
	}
	for r := rune(0); r < 1<<16; r++ {
		if (r < 0x800 || r >= 0xD800 && r <= 0xDFFF) && unitLeads.has(r) {
			t.Errorf("unitLeads, a table of skipUnmarked, marks %U", r)
		}
	}
}

// refClaimable reports whether a number scanNumbers reads in text is in a
// unit a rule takes: what mayClaimUnit must say whenever it is true.
func refClaimable(text string) bool {
	for _, m := range scanNumbers(text) {
		if (m.Kind == numCount || m.Kind == numMoney) && unitIn(zh.FoldHan(m.Unit), claimUnits) {
			return true
		}
	}
	return false
}

// TestMayClaimUnitCorpus checks that mayClaimUnit holds for every sentence
// of the reports, as it is and folded, that has a number in a unit a rule
// takes, and that it rules out most of those that have none.
func TestMayClaimUnitCorpus(t *testing.T) {
	var none, ruledOut int
	for _, d := range corpusDocs(t) {
		for s := range sentences(d.doc) {
			for _, text := range []string{s.Text, zh.FoldHan(s.Text)} {
				may, want := mayClaimUnit(text), refClaimable(text)
				if want && !may {
					t.Fatalf("mayClaimUnit(%q) = false, and a number is in a unit a rule takes", text)
				}
				if !want && mayCount(text) {
					none++
					if !may {
						ruledOut++
					}
				}
			}
		}
	}
	if ruledOut*2 < none {
		t.Errorf("mayClaimUnit rules out %d of the %d sentences with numbers in no unit a rule takes", ruledOut, none)
	}
}

func FuzzMayClaimUnit(f *testing.F) {
	for _, s := range []string{"", "收到申请23000余条", "3万 元", "3千元", "三千元", "5 件", "五十余件", "3余万条", "3\u3000件", "两件",
		"１２件", "第二十条", "行政许可 3 0 1 0 0 0 4", "自然人 1", "二O件", "几件", "3人次", "1.5万元", "13,100件", "\xe4\xb8件", "3\xc2\xa0件"} {
		f.Add(s, []byte(nil))
	}
	f.Fuzz(func(t *testing.T, text string, ops []byte) {
		text = mutate(text, ops)
		if refClaimable(text) && !mayClaimUnit(text) {
			t.Errorf("mayClaimUnit(%q) = false, and a number is in a unit a rule takes", text)
		}
	})
}
