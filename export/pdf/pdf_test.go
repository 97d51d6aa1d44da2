package pdf

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"xxgk"
	"xxgk/fonts"
	"xxgk/internal/samples"
)

// fixtures are the reports every test renders: narrative, 2014 statistics
// tables and the 2021 form.
var fixtures = []string{"seed-000.txt", "seed-001.txt", "seed-002.txt", "seed-003.txt", "seed-004.txt", "pingtan-2025-zone-html.html"}

func parseFile(t testing.TB, name string) *xxgk.Report {
	t.Helper()
	return samples.Parse(t, name)
}

func write(t testing.TB, reports ...*xxgk.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteReports(&buf, reports, Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pages renders the reports as WriteReports does and returns the page count
// fpdf reports.
func pages(t testing.TB, reports ...*xxgk.Report) int {
	t.Helper()
	d := newDoc(Options{}, "test")
	for _, r := range reports {
		d.report(r)
	}
	if d.f.Err() {
		t.Fatal(d.f.Error())
	}
	return d.f.PageCount()
}

func TestStructure(t *testing.T) {
	total := 0
	for _, name := range fixtures {
		r := parseFile(t, name)
		n := pages(t, r)
		if n < 1 || n > 8 {
			t.Errorf("%s: %d pages", name, n)
		}
		b := write(t, r)
		if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[len(b)-16:], []byte("%%EOF")) {
			t.Errorf("%s: not a PDF", name)
		}
		if got := len(mediaBoxes(b)); got != n {
			t.Errorf("%s: %d page objects, PageCount %d", name, got, n)
		}
		total += n
	}
	// Several reports: each starts on a new page.
	var all []*xxgk.Report
	for _, name := range fixtures {
		all = append(all, parseFile(t, name))
	}
	if n := pages(t, all...); n != total {
		t.Errorf("all reports: %d pages, want %d (the sum)", n, total)
	}
}

// mediaBox matches a page object's size (the /Pages root has one too).
var mediaBox = regexp.MustCompile(`/Type /Page\n/Parent \d+ 0 R\n/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]`)

func mediaBoxes(b []byte) [][]string {
	var out [][]string
	for _, m := range mediaBox.FindAllSubmatch(b, -1) {
		out = append(out, []string{string(m[1]), string(m[2])})
	}
	return out
}

// Every page is A4, portrait or (表四) landscape.
func TestA4(t *testing.T) {
	b := write(t, parseFile(t, "pingtan-2025-zone-html.html"))
	boxes := mediaBoxes(b)
	landscape := 0
	for _, box := range boxes {
		switch box[0] + "x" + box[1] {
		case "595.28x841.89":
		case "841.89x595.28":
			landscape++
		default:
			t.Errorf("page size %v, want A4", box)
		}
	}
	if landscape != 1 {
		t.Errorf("%d landscape pages, want 1 (表四)", landscape)
	}
}

func TestReproducible(t *testing.T) {
	r := parseFile(t, "pingtan-2025-zone-html.html")
	a, b := write(t, r), write(t, r)
	if !bytes.Equal(a, b) {
		t.Fatal("same report, same options, different bytes")
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20000101000000)")) {
		t.Error("zero Options.Created is not 2000-01-01")
	}
	var buf bytes.Buffer
	when := time.Date(2024, 3, 5, 6, 7, 8, 0, time.UTC)
	if err := WriteReports(&buf, []*xxgk.Report{r}, Options{Created: when}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("/ModDate (D:20240305060708)")) {
		t.Error("Options.Created not written")
	}
}

func TestErrors(t *testing.T) {
	if err := WriteReports(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("no reports: no error")
	}
	if err := WriteReports(&bytes.Buffer{}, []*xxgk.Report{nil}, Options{}); err == nil {
		t.Error("nil report: no error")
	}
}

// An empty report and one with unknown everything still make a PDF.
func TestEmptyReport(t *testing.T) {
	r := xxgk.NewReport(xxgk.Source{})
	r.Form = "no_such_form"
	if n := pages(t, r); n != 1 {
		t.Errorf("empty report: %d pages, want 1", n)
	}
	write(t, r)
}

// hostile is a report with characters the font lacks and runes above
// U+FFFF, on which fpdf would panic.
func hostile() *xxgk.Report {
	r := xxgk.NewReport(xxgk.Source{Path: "𠀀.txt"})
	r.Agency = "测试\U0001F600机关"
	r.Year = 2024
	r.Figures["requests.granted"] = xxgk.Value{Value: xxgk.Int(3), Unit: "件", Evidence: xxgk.Evidence{Method: xxgk.MethodProse, Line: 2}}
	r.AddFinding(xxgk.Finding{Rule: "x", Severity: xxgk.SeverityWarning, Message: "控制字符\x01与\u0378与𠀀", Evidence: "\t原文"})
	return r
}

func TestSanitize(t *testing.T) {
	tests := []struct {
		in, want string
		bad      []rune
	}{
		{"政府信息公开2024", "政府信息公开2024", nil},
		{"a\U0001F600b", "a□b", []rune{0x1F600}},
		{"𠀀𠀁", "□□", []rune{0x20000, 0x20001}},
		{"x\x01y", "x□y", []rune{1}},
		{"\t制表", " 制表", nil},
	}
	for _, tt := range tests {
		got, bad := sanitize(fonts.Embedded(), tt.in)
		if got != tt.want || string(bad) != string(tt.bad) {
			t.Errorf("sanitize(%q) = %q, %q; want %q, %q", tt.in, got, bad, tt.want, tt.bad)
		}
	}
}

func TestSubstitutionNoted(t *testing.T) {
	d := newDoc(Options{}, "test")
	d.report(hostile())
	if d.f.Err() {
		t.Fatal(d.f.Error())
	}
	notes := substitutionNotes(d.subs)
	if len(notes) == 0 {
		t.Fatal("no substitution recorded")
	}
	joined := strings.Join(notes, "\n")
	for _, want := range []string{"第1页", "U+1F600", "U+20000", "U+0001", "已用□代替"} {
		if !strings.Contains(joined, want) {
			t.Errorf("notes %q lack %q", joined, want)
		}
	}
	write(t, hostile()) // and no panic, no error
}

func TestSubstitutionNotes(t *testing.T) {
	got := substitutionNotes(map[int][]rune{3: {0x1F600, 0x1F600, 0x20000}, 1: {1}})
	want := []string{
		"第1页有1个字符字体不支持，已用□代替：U+0001",
		"第3页有3个字符字体不支持，已用□代替：U+1F600、U+20000",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Documents written at the same time share the embedded fonts; each gives
// the bytes one written alone gives (run with -race to see the sharing is
// read-only).
func TestConcurrentDocuments(t *testing.T) {
	r := parseFile(t, "seed-002.txt")
	want := write(t, r)
	got := make([][]byte, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := WriteReports(&buf, []*xxgk.Report{r}, Options{}); err != nil {
				t.Error(err)
			}
			got[i] = buf.Bytes()
		})
	}
	wg.Wait()
	for i, b := range got {
		if !bytes.Equal(b, want) {
			t.Errorf("document %d differs from one written alone", i)
		}
	}
}
