package zh

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
		if got := FoldHan(tt.trad); got != tt.simp {
			t.Errorf("FoldHan(%q) = %q, want %q", tt.trad, got, tt.simp)
		}
	}
}

// Words whose characters simplified text uses too must not change.
func TestSimplifiedFoldsToItself(t *testing.T) {
	for _, s := range []string{"乾坤", "著作", "干部", "着力", "余额", "发展", "复议", "于是", "征收", "咨询", "后续"} {
		if got := Fold(s); got != s {
			t.Errorf("Fold(%q) = %q, want it unchanged", s, got)
		}
		if got := FoldHan(s); got != s {
			t.Errorf("FoldHan(%q) = %q, want it unchanged", s, got)
		}
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
		if FoldRune(tr) != s || SimplifyRune(tr) != s {
			t.Errorf("FoldRune(%q) = %q, SimplifyRune = %q, want %q", tr, FoldRune(tr), SimplifyRune(tr), s)
		}
	}
}

func TestFoldRune(t *testing.T) {
	if got := Fold("１２３（一）：“三安全一稳定”\u3000社会公益\n组织１﹒其它"); got != "123(一):三安全一稳定社会公益组织1.其他" {
		t.Errorf("Fold = %q", got)
	}
}

// Every rune folds in bounded time: unassigned small forms (U+FE53, U+FE67)
// normalise to themselves and once recursed for ever.
func TestFoldRuneTerminates(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		FoldRune(r)
	}
	if FoldRune(0xFE67) != 0xFE67 || FoldRune(0xFE53) != 0xFE53 {
		t.Error("an unassigned small form changed")
	}
}

// FoldHan is FoldRune where both the rune and its folding are ideographs,
// and keeps every rune's UTF-8 length.
func TestFoldHanIsFoldRuneOnIdeographs(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		want := r
		if f := FoldRune(r); IsHan(r) && IsHan(f) {
			want = f
		}
		if got := foldHanRune(r); got != want || utf8.RuneLen(got) != utf8.RuneLen(r) {
			t.Fatalf("foldHanRune(%U) = %U, want %U", r, got, want)
		}
	}
}

func TestFoldHan(t *testing.T) {
	for in, want := range map[string]string{
		"":             "",
		"收到申请23件":      "收到申请23件",
		"收到申請23件，其它1件": "收到申请23件，其他1件",
		"攸縣人民政府（ＡＢＣ）　“數量”": "攸县人民政府（ＡＢＣ）　“数量”",
	} {
		got := FoldHan(in)
		if got != want || len(got) != len(in) {
			t.Errorf("FoldHan(%q) = %q, want %q", in, got, want)
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

// FuzzFoldHan compares FoldHan with foldHanRunes, the rune-by-rune
// loop FoldHan was first written as (which it keeps for invalid UTF-8).
func FuzzFoldHan(f *testing.F) {
	for _, s := range []string{"", "其它", "攸縣人民政府資訊公開", "a\xff它", "它\xe4\xb8", "數據\u00a0統計", "\xed\xa0\x80它", "𠀋它𠀋"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FoldHan(s), foldHanRunes(s); got != want {
			t.Fatalf("FoldHan(%q) = %q, want %q", s, got, want)
		}
	})
}
