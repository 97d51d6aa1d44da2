package pdf

import (
	"bytes"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"xxgk"
	"xxgk/internal/testutil"
	"xxgk/templates"
)

// poppler returns the path of a poppler tool (Debian poppler-utils). The
// tests that read PDFs with it are skipped when it is not installed;
// XXGK_REQUIRE_POPPLER=1 (as in CI) makes its absence a failure.
func poppler(t *testing.T, tool string) string {
	t.Helper()
	return testutil.RealClient(t, "XXGK_REQUIRE_POPPLER", tool)
}

// popplerRun writes pdf to a file and returns what tool prints for it.
func popplerRun(t *testing.T, tool string, pdf []byte, args ...string) string {
	t.Helper()
	bin := poppler(t, tool)
	file := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args = append(args, file)
	if tool == "pdftotext" {
		args = append(args, "-") // to standard output
	}
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	return string(out)
}

// extract returns the text of pdf in content order (pdftotext -raw), with
// all white space removed: lines broken by us must join up exactly.
func extract(t *testing.T, pdf []byte) string {
	t.Helper()
	text := popplerRun(t, "pdftotext", pdf, "-raw", "-enc", "UTF-8")
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, text)
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// The title, agency, figure labels and values come out of the PDF exactly.
func TestPopplerText(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			r := parseFile(t, name)
			text := extract(t, write(t, r))
			want := []string{squeeze(reportTitle(r)), "一、主要指标", "核查发现"}
			if r.Agency != "" {
				want = append(want, "填报单位："+squeeze(r.Agency))
			}
			for _, fig := range templates.Figures {
				if v, ok := r.Figures[fig.Key]; ok {
					want = append(want, squeeze(fig.Label)+valueText(v))
				}
			}
			for _, f := range r.Findings {
				want = append(want, squeeze(f.Message))
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("extracted text lacks %q", w)
				}
			}
		})
	}
}

// A long paragraph broken over many lines and two pages loses nothing.
func TestPopplerLongParagraph(t *testing.T) {
	para := strings.Repeat("本机关2024年共收到政府信息公开申请2917件（其中当面申请15件），咨询电话0436-3292718；"+
		"全年支出专项经费4166.241619万元。“予以公开”占比52.3%……《中华人民共和国政府信息公开条例》规定：", 12)
	d := newDoc(Options{}, "test")
	d.addPage(false)
	d.text(lookBody, para)
	if d.f.PageCount() < 2 {
		t.Fatalf("paragraph fits one page (%d): make it longer", d.f.PageCount())
	}
	var buf bytes.Buffer
	if err := d.f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	text := extract(t, buf.Bytes())
	// Remove the running header and page numbers drawn on each page.
	for _, n := range []string{"—1—", "—2—", "—3—"} {
		text = strings.ReplaceAll(text, n, "")
	}
	if text != squeeze(para) {
		t.Errorf("extracted text differs:\n got %q\nwant %q", text, squeeze(para))
	}
}

func TestPopplerPageSize(t *testing.T) {
	out := popplerRun(t, "pdfinfo", write(t, parseFile(t, "seed-002.txt")))
	if !strings.Contains(out, "Page size:       595.28 x 841.89 pts (A4)") {
		t.Errorf("pdfinfo:\n%s", out)
	}
}

// The faces' fonts are embedded, at least two families (body and
// headings); pdffonts prints emb "yes" for each.
func TestPopplerFonts(t *testing.T) {
	checkEmbedded(t, write(t, parseFile(t, "pingtan-2025-zone-html.html")))
}

// checkEmbedded checks with pdffonts that pdf embeds the fonts of at least
// two families and every font it uses.
func checkEmbedded(t *testing.T, pdf []byte) {
	t.Helper()
	out := popplerRun(t, "pdffonts", pdf)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	families := map[string]bool{}
	for _, l := range lines[min(2, len(lines)):] {
		f := strings.Fields(l)
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %q", l)
			continue
		}
		families[strings.TrimSuffix(strings.ToLower(f[0]), "bold")] = true
	}
	if len(families) < 2 {
		t.Errorf("%d font families embedded, want body and headings:\n%s", len(families), out)
	}
}

// A report with characters the font lacks says so in the PDF.
func TestPopplerSubstitution(t *testing.T) {
	text := extract(t, write(t, hostile()))
	for _, w := range []string{"测试□机关", "提示：第1页有", "已用□代替：U+1F600"} {
		if !strings.Contains(text, w) {
			t.Errorf("extracted text lacks %q:\n%s", w, text)
		}
	}
}

// The roll-up's titles, agencies, totals and unreadable inputs come out of
// the PDF exactly; it is A4 with both fonts embedded.
func TestPopplerRollup(t *testing.T) {
	ru := fixtureRollup(t)
	b := writeRollup(t, ru, Options{})
	text := extract(t, b)
	for _, w := range append(rollupWant(ru), "测试□□机关", "已用□代替：U+1F600、U+20000") {
		if !strings.Contains(text, w) {
			t.Errorf("extracted text lacks %q", w)
		}
	}
	info := popplerRun(t, "pdfinfo", b, "-l", "100")
	pages := 0
	for _, l := range strings.Split(info, "\n") {
		if strings.HasPrefix(l, "Page ") && strings.Contains(l, " size:") {
			pages++
			if !strings.Contains(l, "595.28 x 841.89 pts (A4)") && !strings.Contains(l, "841.89 x 595.28 pts (A4)") {
				t.Errorf("pdfinfo: %s", l)
			}
		}
	}
	if d, _ := drawRollup(t, ru); pages != d.f.PageCount() {
		t.Errorf("pdfinfo gives %d page sizes, want %d", pages, d.f.PageCount())
	}
	checkEmbedded(t, b)
}

// bboxWord is a word of pdftotext -bbox, in points from the top left.
type bboxWord struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var (
	bboxPage   = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	bboxWordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// bboxWords returns the words of pdf with their boxes, and each page's
// width and height.
func bboxWords(t *testing.T, pdf []byte, args ...string) (words []bboxWord, sizes [][2]float64) {
	t.Helper()
	out := popplerRun(t, "pdftotext", pdf, append(args, "-bbox")...)
	for _, page := range strings.Split(out, "</page>") {
		m := bboxPage.FindStringSubmatch(page)
		if m == nil {
			continue
		}
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		sizes = append(sizes, [2]float64{w, h})
		for _, wm := range bboxWordRe.FindAllStringSubmatch(page, -1) {
			x := bboxWord{page: len(sizes), text: html.UnescapeString(wm[5])}
			x.xMin, _ = strconv.ParseFloat(wm[1], 64)
			x.yMin, _ = strconv.ParseFloat(wm[2], 64)
			x.xMax, _ = strconv.ParseFloat(wm[3], 64)
			x.yMax, _ = strconv.ParseFloat(wm[4], 64)
			words = append(words, x)
		}
	}
	return words, sizes
}

// Folios sit below the text area, one character in from its outer edge:
// right on page 1, left on page 2 (GB/T 9704 §7.5), and nothing is
// printed in the top margin.
func TestPopplerFolios(t *testing.T) {
	words, sizes := bboxWords(t, write(t, parseFile(t, "seed-002.txt")), "-f", "1", "-l", "2")
	const mm = 72 / 25.4
	em := sizeFolio * ptToMM
	for page := 1; page <= 2; page++ {
		w, h := sizes[page-1][0], sizes[page-1][1]
		var folio []bboxWord
		for _, x := range words {
			if x.page != page {
				continue
			}
			if x.yMax < portrait.top*mm {
				t.Errorf("page %d: %q in the top margin", page, x.text)
			}
			if x.yMin > h-portrait.bottom*mm {
				folio = append(folio, x)
			}
		}
		if len(folio) != 3 || folio[0].text != "—" || folio[1].text != strconv.Itoa(page) || folio[2].text != "—" {
			t.Fatalf("page %d: folio %+v", page, folio)
		}
		left, right := folio[0].xMin, folio[2].xMax
		want := (portrait.left + em) * mm // the even page's left edge
		got := left
		if page%2 == 1 {
			want, got = w-(portrait.right+em)*mm, right
		}
		if math.Abs(got-want) > 2 {
			t.Errorf("page %d: folio from %.1f to %.1f pt, want its outer edge at %.1f", page, left, right, want)
		}
		// Below the text area, its dashes about 7 mm under it (pdftotext
		// gives the font's box, from ascent to descent).
		if top, bottom := folio[0].yMin/mm, folio[0].yMax/mm; top < pageH-portrait.bottom || bottom > pageH-portrait.bottom+folioDY+em+1 {
			t.Errorf("page %d: folio from %.1f to %.1f mm from the top", page, top, bottom)
		}
	}
}

// No line of text starts with closing punctuation, in tables or out
// (避头尾): pdftotext -bbox-layout gives every line of every cell.
func TestPopplerNoClosingAtLineStart(t *testing.T) {
	docs := map[string][]byte{"rollup": writeRollup(t, fixtureRollup(t), Options{})}
	for _, name := range []string{"pingtan-2025-zone-html.html", "seed-002.txt", "seed-000.txt"} {
		docs[name] = write(t, parseFile(t, name))
	}
	line := regexp.MustCompile(`(?s)<line [^>]*>(.*?)</line>`)
	word := regexp.MustCompile(`<word [^>]*>([^<]*)</word>`)
	for name, pdf := range docs {
		out := popplerRun(t, "pdftotext", pdf, "-bbox-layout")
		n := 0
		for _, l := range line.FindAllStringSubmatch(out, -1) {
			w := word.FindStringSubmatch(l[1])
			if w == nil {
				continue
			}
			n++
			if first := []rune(html.UnescapeString(w[1]))[0]; strings.ContainsRune("，。、；：？！）》”’」』】〕〗〉％", first) {
				t.Errorf("%s: a line starts with %q: %q", name, first, html.UnescapeString(word.ReplaceAllString(l[1], "$1")))
			}
		}
		if n < 20 {
			t.Errorf("%s: %d lines", name, n)
		}
	}
}

// The chart of a 2014-form report has a bar for each of the form's eight
// answers, and they add up to its 申请答复数.
func TestPopplerChart2014(t *testing.T) {
	r := parseFile(t, "seed-002.txt")
	answered, ok := r.Cells["stat_2014.stat.req_answered.value"]
	if !ok {
		t.Fatal("seed-002 has no 申请答复数")
	}
	text := extract(t, write(t, r))
	c := reportOutcomes(r)
	sum := xxgk.Int(0)
	for _, b := range c.bars {
		if !b.ok {
			t.Errorf("bar %s without a value", b.label)
			continue
		}
		sum = sum.Add(b.v.Value)
		if !strings.Contains(text, b.label+b.v.Value.String()) {
			t.Errorf("the chart lacks %s %s", b.label, b.v.Value)
		}
	}
	if len(c.bars) != 8 || !sum.Equal(answered.Value) {
		t.Errorf("%d bars summing to %s, want 8 summing to 申请答复数 %s", len(c.bars), sum, answered.Value)
	}
	if want := "以上各项合计" + sum.String() + "件；申请答复数" + answered.Value.String() + "件。"; !strings.Contains(text, want) {
		t.Errorf("the chart lacks %q", want)
	}
}
