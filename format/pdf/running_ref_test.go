package pdf

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"xxgk/format/pdf/pdftext"
)

// dropRunningRef is pdfDropRunning as it was before it made each edge
// line's running key once: the key made again for each test of it.
func dropRunningRef(pages [][]pitem) {
	const edge = 2
	ends := func(items []pitem, f func(k int)) {
		for k := 0; k < len(items) && k < edge && items[k].line != nil; k++ {
			f(k)
		}
		for k := len(items) - 1; k >= max(edge, len(items)-edge) && items[k].line != nil; k-- {
			f(k)
		}
	}
	count := map[string]int{}
	for _, items := range pages {
		keys := map[string]bool{}
		ends(items, func(k int) { keys[runningKeyRef(items[k].line.text)] = true })
		for k := range keys {
			count[k]++
		}
	}
	offsets := map[int]int{}
	bare := func(pi int, it pitem) (int, bool) {
		v, ok := pdfBareNumber(it.line.text)
		return v - pi - 1, ok
	}
	for pi, items := range pages {
		for _, k := range pdfEdgeItems(items) {
			if d, ok := bare(pi, items[k]); ok {
				offsets[d]++
			}
		}
	}
	for pi, items := range pages {
		drop := map[int]bool{}
		repeated := func(k int) bool {
			return len(pages) >= 2 && count[runningKeyRef(items[k].line.text)] >= max(2, (len(pages)+2)/3)
		}
		ends(items, func(k int) {
			if repeated(k) && runningKeyRef(items[k].line.text) != "" {
				drop[k] = true
			}
		})
		for _, k := range pdfEdgeItems(items) {
			t := items[k].line.text
			if d, ok := bare(pi, items[k]); ok {
				if offsets[d] >= max(2, (len(pages)+1)/2) || len(pages) == 1 && d == 0 {
					drop[k] = true
				}
			} else if isPageNumberRef(t) {
				drop[k] = true
			}
		}
		if len(drop) == 0 {
			continue
		}
		kept := items[:0]
		for k, it := range items {
			if !drop[k] {
				kept = append(kept, it)
			}
		}
		pages[pi] = kept
	}
}

// TestDropRunningMatchesReference drops the running lines of the pages
// of every PDF fixture, and of random documents of heads, feet, folios
// and grids, by pdfDropRunning and by dropRunningRef: the same items.
func TestDropRunningMatchesReference(t *testing.T) {
	var docs [][][]pitem
	names, _ := filepath.Glob("../../testdata/reports/*.pdf")
	more, _ := filepath.Glob("pdftext/testdata/*.pdf")
	for _, name := range append(names, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		pd, err := pdftext.Read(data, pdfLimits)
		if err != nil {
			continue
		}
		lay := newLayouter()
		for i := range pd.Pages {
			lay.page(&pd.Pages[i])
		}
		docs = append(docs, lay.pages)
	}
	r := rand.New(rand.NewPCG(7, 8))
	texts := []string{"平潭综合实验区 2025 年报告", "平潭综合实验区 2024 年报告", "— 3 —", "第 1 页 共 8 页", "1/8", "12", " 7 ", "", " ", "正文第一行", "a b", "\xff", "Ⅳ", "- iv -"}
	for range 2000 {
		pages := make([][]pitem, r.IntN(6))
		for pi := range pages {
			items := make([]pitem, r.IntN(7))
			for k := range items {
				if r.IntN(6) == 0 {
					items[k] = pitem{page: pi, grid: nil} // a table's item: no line
					continue
				}
				text := texts[r.IntN(len(texts))]
				if r.IntN(3) == 0 {
					text = fmt.Sprint(pi + r.IntN(3))
				}
				items[k] = pitem{page: pi, line: &pline{text: text}}
			}
			pages[pi] = items
		}
		docs = append(docs, pages)
	}
	dropped := 0
	for i, pages := range docs {
		got, want := clonePages(pages), clonePages(pages)
		pdfDropRunning(got)
		dropRunningRef(want)
		if len(got) != len(want) {
			t.Fatalf("document %d: %d pages, want %d", i, len(got), len(want))
		}
		for pi := range got {
			if !slices.EqualFunc(got[pi], want[pi], func(a, b pitem) bool { return a.line == b.line && a.grid == b.grid && a.page == b.page }) {
				t.Errorf("document %d page %d: %d items kept, want %d", i, pi, len(got[pi]), len(want[pi]))
			}
			dropped += len(pages[pi]) - len(got[pi])
		}
	}
	if dropped < 100 {
		t.Errorf("%d items dropped in all, want 100 or more", dropped)
	}
}

func clonePages(pages [][]pitem) [][]pitem {
	out := make([][]pitem, len(pages))
	for i, p := range pages {
		out[i] = slices.Clone(p)
	}
	return out
}

// isPageNumberRef is pdfIsPageNumber as it was before it read a rune at
// a time: the text without spaces and decorations made whole, then
// tested.
func isPageNumberRef(s string) bool {
	decorated := false
	t := strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case strings.ContainsRune("-—–－‒―_·•|/／第页共頁", r):
			decorated = true
			return -1
		}
		return r
	}, s)
	if !decorated || t == "" || len(t) > 8 {
		return false
	}
	for _, r := range t {
		if !unicode.IsDigit(r) && !strings.ContainsRune("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩivxIVX", r) {
			return false
		}
	}
	return true
}

// runningKeyRef is pdfRunningKey as it was before its test of plain
// runes.
func runningKeyRef(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestPageNumberAndKeyMatchReference holds pdfIsPageNumber and
// pdfRunningKey to the reference on folios of every kind, random strings
// of their runes, digits, text and bad UTF-8.
func TestPageNumberAndKeyMatchReference(t *testing.T) {
	cases := []string{"", " ", "— 1 —", "- 12 -", "第 1 页 共 8 页", "第1页", "1/8", "12", "Ⅳ", "- iv -", "-\xff-", "- \xff -",
		"-１２-", "—１２３４５６７８—", "— 123456789 —", "-12345678-", "-1234567-", "第一页", "平潭 2025 年报", "\u3000-3-\u3000"}
	r := rand.New(rand.NewPCG(11, 12))
	parts := []string{"-", "—", "第", "页", "共", "/", " ", "\u3000", "1", "９", "Ⅳ", "v", "x", "a", "中", "，", "\xff", "\xe4\xb8", "٣", "\U0001D7D8"}
	for range 20000 {
		var b strings.Builder
		for b.Len() < 30 && r.IntN(8) != 0 {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		cases = append(cases, b.String())
	}
	folios := 0
	for _, s := range cases {
		got, want := pdfIsPageNumber(s), isPageNumberRef(s)
		if got != want {
			t.Errorf("pdfIsPageNumber(%q) = %v, want %v", s, got, want)
		}
		if want {
			folios++
		}
		if got, want := pdfRunningKey(s), runningKeyRef(s); got != want {
			t.Errorf("pdfRunningKey(%q) = %q, want %q", s, got, want)
		}
	}
	if folios < 100 {
		t.Errorf("%d folios among the cases, want 100 or more", folios)
	}
}
