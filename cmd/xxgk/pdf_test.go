package main

import (
	"bytes"
	"context"
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
