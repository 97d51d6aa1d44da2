package ooxml

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"xxgk/format"
	"xxgk/internal/testutil"
)

func TestKind(t *testing.T) {
	many := map[string][]byte{"xl/workbook.xml": nil}
	for i := range MaxEntries {
		many[fmt.Sprintf("f%d", i)] = nil
	}
	for _, tc := range []struct {
		name    string
		entries map[string][]byte
		kind    string
		err     string
	}{
		{"workbook", map[string][]byte{"xl/workbook.xml": nil, "[Content_Types].xml": nil}, Workbook, ""},
		{"word", map[string][]byte{"word/document.xml": nil}, Word, ""},
		{"both", map[string][]byte{"word/document.xml": nil, "xl/workbook.xml": nil}, Workbook, ""},
		{"backslashes and case", map[string][]byte{`Word\Document.xml`: nil}, Word, ""},
		{"other", map[string][]byte{"a.txt": []byte("x")}, "", "不是 xlsx 工作簿或 docx 文档"},
		{"outside", map[string][]byte{"word/document.xml": nil, "../evil": nil}, "", "指向包外"},
		{"absolute", map[string][]byte{"word/document.xml": nil, "/etc/x": nil}, "", "指向包外"},
		{"too many", many, "", fmt.Sprintf("超过 %d 个的上限", MaxEntries)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kind, err := Kind(testutil.Zip(t, tc.entries))
			if tc.err == "" {
				if err != nil || kind != tc.kind {
					t.Errorf("Kind = %q, %v; want %q", kind, err, tc.kind)
				}
				return
			}
			if !errors.Is(err, format.ErrUnreadable) || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("err = %v, want one wrapping ErrUnreadable that says %q", err, tc.err)
			}
		})
	}
	if _, err := Kind([]byte("PK\x03\x04 cut short")); err == nil || !strings.Contains(err.Error(), "文件已损坏") || strings.Contains(err.Error(), "zip:") {
		t.Errorf("a damaged zip: err = %v, want the reason in Chinese only", err)
	}
	empty := testutil.Zip(t, nil)
	if !IsZip(empty) {
		t.Error("an empty zip is not taken for a zip")
	}
	if _, err := Kind(empty); err == nil || !strings.Contains(err.Error(), "空的 zip 压缩包") {
		t.Errorf("an empty zip: err = %v", err)
	}
}

func TestSniffer(t *testing.T) {
	book := testutil.Zip(t, map[string][]byte{"xl/workbook.xml": nil})
	if ok, err := Sniffer(Workbook)(book); !ok || err != nil {
		t.Errorf("workbook sniffed as workbook: %v, %v", ok, err)
	}
	if ok, err := Sniffer(Word)(book); ok || err != nil {
		t.Errorf("workbook sniffed as Word: %v, %v", ok, err)
	}
	if ok, err := Sniffer(Word)([]byte("plain text")); ok || err != nil {
		t.Errorf("text sniffed as Word: %v, %v", ok, err)
	}
}
