package templates

import (
	"testing"
	"unicode/utf8"
)

func TestTraditionalFoldsToSimplified(t *testing.T) {
	tests := []struct{ trad, simp string }{
		{"政府資訊公開申請數量", "政府资讯公开申请数量"},
		{"行政複議", "行政复议"},
		{"行政訴訟", "行政诉讼"},
		{"鎮", "镇"}, {"縣", "县"}, {"區", "区"},
		{"處理結果", "处理结果"},
		{"業務機關辦理", "业务机关办理"},
		{"第二十條第（一）項", "第二十条第（一）项"},
		{"萬元", "万元"}, {"其餘", "其余"}, {"無", "无"}, {"為", "为"},
		{"諮詢", "咨询"}, {"徵收", "征收"}, {"關於", "关于"}, {"後續", "后续"},
		{"本年新收政府資訊公開申請數量", "本年新收政府资讯公开申请数量"},
	}
	for _, tt := range tests {
		if got, want := Fold(tt.trad), Fold(tt.simp); got != want {
			t.Errorf("Fold(%q) = %q, want %q", tt.trad, got, want)
		}
	}
}

// Words whose characters simplified text uses too must not change.
func TestSimplifiedFoldsToItself(t *testing.T) {
	for _, s := range []string{"乾坤", "著作", "干部", "着力", "余额", "发展", "复议", "于是", "征收", "咨询", "后续"} {
		if got := Fold(s); got != s {
			t.Errorf("Fold(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestEveryLabelFoldsItsCharactersToThemselves(t *testing.T) {
	check := func(where, label string) {
		for _, r := range label {
			if f := FoldRune(r); r >= cjkFirst && r <= cjkLast && r != '它' && f != r {
				t.Errorf("%s: %q: %q folds to %q", where, label, r, f)
			}
		}
	}
	n := 0
	for _, f := range Forms() {
		for _, tab := range f.Tables {
			check(f.ID+"."+tab.ID, tab.Title)
			check(f.ID+"."+tab.ID, tab.HeaderLabel)
			for _, c := range tab.Columns {
				check(f.ID+"."+tab.ID+"."+c.Key, c.Label)
				n++
			}
			for _, r := range tab.Rows {
				check(f.ID+"."+tab.ID+"."+r.Key, r.Label)
				n++
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d labels checked", n)
	}
}

func TestTradToSimpIsOneRuneToOneRune(t *testing.T) {
	if len(tradToSimp) < 600 {
		t.Fatalf("%d pairs, want at least 600", len(tradToSimp))
	}
	for tr, s := range tradToSimp {
		if tr == s || !utf8.ValidRune(s) || s < cjkFirst || s > cjkLast {
			t.Errorf("%q → %q", tr, s)
		}
		if _, again := tradToSimp[s]; again {
			t.Errorf("%q → %q, which maps again", tr, s)
		}
		if FoldRune(tr) != s {
			t.Errorf("FoldRune(%q) = %q, want %q", tr, FoldRune(tr), s)
		}
	}
}

var sinkRune rune

func BenchmarkFoldRune(b *testing.B) {
	text := []rune("2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。全年办理因政府資訊公開申請引發的行政複議36起。")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for _, r := range text {
			sinkRune = FoldRune(r)
		}
	}
}
