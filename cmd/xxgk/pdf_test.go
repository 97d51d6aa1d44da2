package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"xxgk/internal/testutil"
)

// TestPopplerCLI runs xxgk pdf on a report and reads the PDF back with
// pdftotext: the agency, title and figures come out as text. Skipped
// without poppler-utils unless XXGK_REQUIRE_POPPLER=1 (as in CI).
func TestPopplerCLI(t *testing.T) {
	bin := testutil.RealClient(t, "XXGK_REQUIRE_POPPLER", "pdftotext")
	out := filepath.Join(t.TempDir(), "out.pdf")
	var stdout, stderr bytes.Buffer
	args := []string{"xxgk", "pdf", "-o", out, "../../testdata/reports/pingtan-2025-zone-html.html"}
	if err := run(context.Background(), args, nil, &stdout, &stderr); err != nil {
		t.Fatalf("xxgk pdf: %v\n%s", err, stderr.String())
	}
	text, err := exec.Command(bin, "-raw", "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(strings.Fields(string(text)), "")
	for _, want := range []string{
		"平潭综合实验区2025年政府信息公开工作年度报告（数据摘要）",
		"填报单位：平潭综合实验区",
		"报告格式：2021年格式",
		"本年新收政府信息公开申请数",
		"— 1 —",
	} {
		if !strings.Contains(got, strings.Join(strings.Fields(want), "")) {
			t.Errorf("pdftotext output lacks %q", want)
		}
	}
}

// --fonts names a folder of fonts: one without any is refused before
// anything is read; 内置 (or XXGK_FONTS=内置) uses the embedded fonts, whose
// names the PDF's Subject gives.
func TestPDFFontsFlag(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.pdf")
	report := "../../testdata/reports/seed-000.txt"
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"xxgk", "pdf", "--fonts", t.TempDir(), "-o", out, report}, nil, &stdout, &stderr)
	var ue *usageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "没有可用的字体") {
		t.Errorf("--fonts of an empty folder: %v", err)
	}
	t.Setenv("XXGK_FONTS", builtinFonts)
	if err := run(context.Background(), []string{"xxgk", "pdf", "-o", out, report}, nil, &stdout, &stderr); err != nil {
		t.Fatalf("XXGK_FONTS=%s: %v\n%s", builtinFonts, err, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("/Subject")) || bytes.Count(b, []byte("/FontFile2")) < 2 {
		t.Errorf("PDF without its fonts' names or with fewer than two fonts")
	}
}
