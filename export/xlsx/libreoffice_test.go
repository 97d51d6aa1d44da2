package xlsx

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"xxgk/internal/testutil"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// TestCommentsLibreOffice saves a workbook again with LibreOffice (when
// installed; XXGK_REQUIRE_SOFFICE=1 requires it): every evidence comment
// comes back on its cell with its text, so LibreOffice read the comment
// parts we write.
func TestCommentsLibreOffice(t *testing.T) {
	bin := testutil.RealClient(t, "XXGK_REQUIRE_SOFFICE", "soffice")
	if testing.Short() {
		t.Skip("LibreOffice round trip in -short mode")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "reports.xlsx")
	if err := os.MkdirAll(filepath.Dir(in), 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	reports := []*xxgk.Report{parseFile(t, "pingtan-2025-zone-html.html"), parseFile(t, "seed-002.txt")}
	if err := WriteReports(out, reports, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", filepath.Join(dir, "out"), in)
	cmd.WaitDelay = 5 * time.Second
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	want, err := excelize.OpenFile(in)
	if err != nil {
		t.Fatal(err)
	}
	defer want.Close()
	got, err := excelize.OpenFile(filepath.Join(dir, "out", "reports.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	total := 0
	for _, sheet := range want.GetSheetList() {
		wc, err := want.GetComments(sheet)
		if err != nil {
			t.Fatal(err)
		}
		gc, err := got.GetComments(sheet)
		if err != nil {
			t.Fatal(err)
		}
		texts := map[string]string{}
		for _, c := range gc {
			texts[c.Cell] = commentText(c)
		}
		if len(gc) != len(wc) {
			t.Errorf("%s: %d comments after LibreOffice, want %d", sheet, len(gc), len(wc))
		}
		for _, c := range wc {
			if g, w := texts[c.Cell], commentText(c); g != w {
				t.Errorf("%s!%s: comment %q after LibreOffice, want %q", sheet, c.Cell, g, w)
			}
		}
		total += len(wc)
	}
	if total < 100 {
		t.Errorf("only %d comments written", total)
	}
}

// commentText is a comment's text with line breaks as \n.
func commentText(c excelize.Comment) string {
	var s strings.Builder
	s.WriteString(c.Text)
	for _, p := range c.Paragraph {
		s.WriteString(p.Text)
	}
	return strings.TrimSpace(strings.ReplaceAll(s.String(), "\r\n", "\n"))
}
