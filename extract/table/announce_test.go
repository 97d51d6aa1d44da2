package table

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"xxgk/document"
	plaintext "xxgk/format/text"
	"xxgk/templates"
	"xxgk/zh"
)

// checkMayMentionForm fails t unless mayMentionForm tells of d what
// mentionsForm finds in its stream: whether some form's anchor occurs.
// It may say one does where none does only where the texts hold the runes
// a border is drawn with (isRuleRune).
func checkMayMentionForm(t *testing.T, name string, d *document.Document) {
	t.Helper()
	s := newStream(d)
	defer s.release()
	want := false
	for _, f := range templates.Forms() {
		want = want || mentionsForm(s, f)
	}
	if got := mayMentionForm(d); got != want && (want || !mayHoldRuleRunes(d)) {
		t.Fatalf("%s: mayMentionForm is %v, the stream mentions a form: %v", name, got, want)
	}
}

// mayHoldRuleRunes reports whether some text of d holds a rune that
// folds to one a border may be drawn with.
func mayHoldRuleRunes(d *document.Document) bool {
	for _, b := range d.Blocks {
		texts := []string{b.Text}
		if b.Table != nil {
			texts = texts[:0]
			for _, row := range b.Table.Rows {
				for _, c := range row {
					texts = append(texts, c.Text)
				}
			}
		}
		for _, t := range texts {
			for _, r := range t {
				if isRuleRune(zh.FoldRune(r)) {
					return true
				}
			}
		}
	}
	return false
}

// TestAnchorKeysFoldFromIdeographs holds newAnchorScan's premise: no rune
// outside the block of ideographs folds to one in it, so the spellings of
// a key are all in the block.
func TestAnchorKeysFoldFromIdeographs(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if !isIdeograph(r) && isIdeograph(zh.FoldRune(r)) {
			t.Fatalf("%U folds to the ideograph %c", r, zh.FoldRune(r))
		}
	}
}

// TestLetterOfMatchesStream holds letterOf to the letters addText writes,
// for every rune.
func TestLetterOfMatchesStream(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // not encodable: U+FFFD, tested as itself
		}
		// Between two letters, so that white space makes no marker at an
		// edge and a rune makes one letter at most.
		s := newStream(&document.Document{Blocks: []document.Block{{Text: "甲" + string(r) + "乙"}}})
		want := rune(-1)
		if rs := []rune(s.letters); len(rs) == 3 {
			want = rs[1]
		}
		if got := letterOf(r); got != want {
			t.Fatalf("letterOf(%U) = %U, the stream's letter %U", r, got, want)
		}
		s.release()
	}
}

// TestMayMentionFormOfSplitAnchors tells anchors printed across lines,
// cells and spaces, in traditional or full-width characters, and near
// misses.
func TestMayMentionFormOfSplitAnchors(t *testing.T) {
	for _, text := range mentionSeeds {
		checkMayMentionForm(t, text, plaintext.Read(text))
	}
}

var mentionSeeds = []string{
	"",
	"第二十条第(一)项",
	"依据《条例》第二十条第（一）项的规定",
	"第二\n十条第（五）\n项",
	"第 二 十 条 第 (六) 项",
	"第二十条第(七)项",
	"+----+\n第二十|条第(八)项\n├──┤\n",
	"收到和处理政府信息公开申请情况",
	"收到和處理政府資訊公開申請情況",
	"收到\u3000和处理政府信息公开申请情况",
	"收到、和处理政府信息公开申请情况",
	"政府信息公开行政复议、行政诉讼情况",
	"因信息公开申请行政复议、提起行政诉讼的情况",
	"行政复议\n行政诉讼",
	"行政複議“行政訴訟”",
	"行政复议、行政诉讼",
	"政府信息公开情况统计表",
	"政府信息公开情况统计报表",
	"政府信息公开情况\x1f统计表",
	"政府信息公开情况统计\xff表",
	"\xe4\xb8政府信息公开情况统计表\xe4",
	"讼讼讼行政复议行政讼",
	"十十十第二十十条",
	"第二十条第(\n+----+\n一)项",
	"第二十条第(\n├──┤\n一)项",
	"第二十条第(-一)项",
	"政府信息公开情况统计\n  :---: | ---\n表",
}

// FuzzMayMentionForm compares mayMentionForm with the stream's anchors on
// fuzzed text.
func FuzzMayMentionForm(f *testing.F) {
	for _, text := range mentionSeeds {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkMayMentionForm(t, "fuzz", plaintext.Read(text))
	})
}

// TestMayMentionFormOfGrids tells anchors split over the cells of grids,
// with span copies (which the stream skips), empty cells and borders.
func TestMayMentionFormOfGrids(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 3000 {
		text := []rune(mentionSeeds[rng.IntN(len(mentionSeeds))] + mentionSeeds[rng.IntN(len(mentionSeeds))])
		g := &document.Grid{}
		for len(text) > 0 || len(g.Rows) == 0 {
			row := make([]document.GridCell, 3)
			for c := range row {
				row[c].OrigRow, row[c].OrigCol = len(g.Rows), c
				switch n := rng.IntN(min(len(text), 6) + 1); rng.IntN(5) {
				case 0:
					row[c].OrigCol = max(c-1, 0) // a copy of the cell before, or not
					row[c].Text = string(text[:n])
				case 1:
					row[c].Text = []string{"", " ", "\u3000", "+--+", "│", "-"}[rng.IntN(6)]
				default:
					row[c].Text = string(text[:n])
					text = text[n:]
				}
			}
			g.Rows = append(g.Rows, row)
		}
		d := &document.Document{Blocks: []document.Block{{Text: "前言"}, {Table: g}, {Text: "结语"}}}
		checkMayMentionForm(t, fmt.Sprintf("grid #%d", i), d)
	}
}
