package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

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
