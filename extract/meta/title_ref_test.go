package meta

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/format/text"
)

// isReportTitleRef is isReportTitle as it was, testing the length and the
// words before the ending.
func isReportTitleRef(t string) bool {
	if len(t) > 4*metaTitleRunes || utf8.RuneCountInString(t) > metaTitleRunes ||
		!(strings.Contains(t, "信息公开") || strings.Contains(t, "政务公开") || strings.Contains(t, "年报")) {
		return false
	}
	if strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")") {
		if i := strings.LastIndexAny(t, "（("); i > 0 {
			t = t[:i]
		}
	}
	return strings.HasSuffix(t, "报告") || strings.HasSuffix(t, "年报")
}

func checkIsReportTitle(t *testing.T, s string) {
	t.Helper()
	if got, want := isReportTitle(s), isReportTitleRef(s); got != want {
		t.Fatalf("isReportTitle(%q) = %v; reference %v", s, got, want)
	}
}

// TestIsReportTitleRef holds isReportTitle to its reference on every
// paragraph of the page-text samples, each joined to the next as titles
// joins them, and on titles at the length bounds.
func TestIsReportTitleRef(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.txt"))
	if len(files) == 0 {
		t.Skip("no sample reports")
	}
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		blocks := text.Read(string(data)).Blocks
		for i, b := range blocks {
			lines = append(lines, b.Text, clean(b.Text))
			if i+1 < len(blocks) {
				lines = append(lines, clean(b.Text)+clean(blocks[i+1].Text))
			}
		}
	}
	for _, end := range []string{"政府信息公开工作年度报告", "政务公开年报", "信息公开报告（修订版）", "年报(草案)", "（年报）", "年度报告", "信息公开）"} {
		for n := 40; n <= 4*metaTitleRunes+3; n++ {
			for _, fill := range []string{"年", "a"} {
				lines = append(lines, strings.Repeat(fill, n/len(fill)/3)+end, strings.Repeat(fill, max(0, n-len(end))/len(fill))+end)
			}
		}
	}
	for _, s := range lines {
		checkIsReportTitle(t, s)
	}
}

func FuzzIsReportTitle(f *testing.F) {
	for _, s := range []string{"某县2023年政府信息公开工作年度报告", "政务公开年报（修订版）", "年报)", "（信息公开报告", "\xe6\x8a\xa5\xe5\x91\x8a"} {
		f.Add(s)
	}
	f.Fuzz(checkIsReportTitle)
}
