package meta

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk/document"
	"xxgk/format/text"
)

// checkRepeats holds the rules that pass over the tail paragraphs that
// repeat head paragraphs (metaScan.repeats) to the same rules reading
// every paragraph, as they did: the scan with repeats cleared.
func checkRepeats(t *testing.T, name string, doc *document.Document) {
	t.Helper()
	var s, ref metaScan
	s.init(doc)
	ref.init(doc)
	ref.repeats = [metaTailBlocks]int{}
	for i := range s.both {
		if k := s.repeat(i); k >= 0 && (s.both[i] != s.both[k] || k >= len(s.head) || i < len(s.head)) {
			t.Fatalf("%s: paragraph %d %+v repeats %d %+v", name, i, s.both[i], k, s.both[k])
		}
		if got, want := s.citedText(i), ref.citedText(i); got != want {
			t.Fatalf("%s: citedText(%d) = %.80q, reference %.80q", name, i, got, want)
		}
	}
	if got, gev := s.bodyName(); true {
		want, wev := ref.bodyName()
		if got != want || gev != wev {
			t.Fatalf("%s: bodyName() = %q %+v, reference %q %+v", name, got, gev, want, wev)
		}
	}
	if got, gok := s.tableYear(s.both, true); true {
		want, wok := ref.tableYear(ref.both, false)
		if got != want || gok != wok {
			t.Fatalf("%s: tableYear = %+v %v, reference %+v %v", name, got, gok, want, wok)
		}
	}
	// govForm for the names the body gives, and a few more.
	names := []string{"平潭县", "平潭综合实验区", "某县", "洮北区", "牛街乡", "镇", "县"}
	for _, h := range s.both {
		for _, m := range bodyPlaceMatches(h.text, nil) {
			names = append(names, h.text[m.g0:m.g1])
		}
	}
	for _, n := range names {
		got, gev := s.govForm(n)
		want, wev := ref.govForm(n)
		if got != want || gev != wev {
			t.Fatalf("%s: govForm(%q) = %q %+v, reference %q %+v", name, n, got, gev, want, wev)
		}
	}
	if got, want := s.paged, slicesAnyPage(doc); got != want {
		t.Fatalf("%s: paged %v, want %v", name, got, want)
	}
}

func slicesAnyPage(doc *document.Document) bool {
	for _, b := range doc.Blocks {
		if b.Page != 0 {
			return true
		}
	}
	return false
}

// TestRepeatsRef compares the rules with their readings of every
// paragraph on the page-text samples and the shared corpus, read whole
// and cut to their first lines (so that head and tail share more), and
// on documents made of lines of the pieces the rules look for.
func TestRepeatsRef(t *testing.T) {
	var files []string
	for _, pat := range []string{
		filepath.Join("..", "..", "testdata", "reports", "*.txt"),
		"/work/shared/corpus/*/*.txt", "/work/shared/corpus/*/*/*.txt", "/work/shared/seeds/*.txt",
	} {
		fs, _ := filepath.Glob(pat)
		files = append(files, fs...)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := text.Read(string(data))
		checkRepeats(t, f, doc)
		for _, n := range []int{3, 20, 41, 69, 71} {
			cut := *doc
			cut.Blocks = doc.Blocks[:min(n, len(doc.Blocks))]
			checkRepeats(t, f, &cut)
		}
	}
	lines := []string{
		"某县人民政府", "，牛街乡人民政府通过信息平台", "使八道江区政务公开工作再上新台阶", "《八道江区政府信息公开工作考核办法》",
		"，平潭县人民政府", "平潭县街道办事处", "2016年度政府信息公开情况统计表", "《2015年统计表》", "二〇一五年度情况表",
		"甲", "一、总体情况", "，某市政府信息公开，", "县人民政府办公室", strings.Repeat("，某镇人民政府", 500),
	}
	next := rand.New(rand.NewPCG(1, 0)).IntN // a fixed sequence: the same cases every run
	for range 2000 {
		doc := &document.Document{Kind: "text"}
		for i := range 1 + next(90) {
			var b strings.Builder
			for range 1 + next(4) {
				b.WriteString(lines[next(len(lines))])
			}
			doc.Blocks = append(doc.Blocks, document.Block{Line: i + 1, Text: b.String()})
		}
		checkRepeats(t, "generated", doc)
	}
	// Few names in documents of more paragraphs than the tail holds and
	// fewer than the two lists do: the counts the tail adds decide.
	names := []string{"，甲县人民政府", "，乙县人民政府", "，丙乡人民政府", "使丁区政务公开", "使戊区政务公开"}
	for range 5000 {
		doc := &document.Document{Kind: "text"}
		for i := range 25 + next(30) {
			text := "正文"
			if next(3) == 0 {
				text = names[next(len(names))]
			}
			doc.Blocks = append(doc.Blocks, document.Block{Line: i + 1, Text: text})
		}
		checkRepeats(t, "generated", doc)
	}
}
