package parse_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk/parse"
)

// TestParseNamesTheFile checks that a refusal of every kind of input starts
// with the file's name and wraps ErrUnreadable, whichever reader refused it.
func TestParseNamesTheFile(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "testdata", "reports", "seed-002-doc.doc"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"报告.txt", nil},
		{"报告.html", []byte("<html><body><script>x</script></body></html>")},
		{"报告.doc", doc[:len(doc)/2]},
		{"报告.docx", []byte("PK\x03\x04 cut short")},
		{"报告.pdf", []byte("%PDF-1.4\n")},
		{"说明.txt", []byte("这是一份说明文件，与年度报告无关。\n")},
	} {
		_, err := parse.Parse(tc.name, tc.data)
		if !errors.Is(err, parse.ErrUnreadable) || !strings.HasPrefix(err.Error(), tc.name+": ") {
			t.Errorf("Parse(%s): %v, want an error wrapping ErrUnreadable that starts with the name", tc.name, err)
		}
	}
}

func TestNotAReportIsUnreadable(t *testing.T) {
	_, err := parse.Parse("notes.txt", []byte("会议纪要\n今天讨论了办公用品采购，共计12项。\n"))
	if !errors.Is(err, parse.ErrUnreadable) || !strings.Contains(err.Error(), "notes.txt") {
		t.Errorf("err = %v, want ErrUnreadable naming the file", err)
	}
	// A report that only says 政务公开 is still a report.
	if _, err := parse.Parse("r.txt", []byte("某乡2018年政务公开工作年度报告\n全年发布信息20条。\n")); err != nil {
		t.Errorf("report refused: %v", err)
	}
}
