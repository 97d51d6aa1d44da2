package format_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"xxgk/document"
	"xxgk/format"
	"xxgk/format/charset"
	_ "xxgk/format/docx"
	_ "xxgk/format/html"
	_ "xxgk/format/pdf"
	_ "xxgk/format/text"
	_ "xxgk/format/word97"
	_ "xxgk/format/xlsx"
	"xxgk/internal/testutil"
)

// TestRegistry checks that every format has a name, a Chinese label, its
// own extensions and a reader, and that exactly one text format is the
// fallback.
func TestRegistry(t *testing.T) {
	seenName, seenExt := map[string]bool{}, map[string]string{}
	fallbacks := 0
	for _, f := range format.Formats() {
		if f.Name == "" || f.Label == "" || len(f.Extensions) == 0 {
			t.Errorf("format %+v lacks a name, label or extension", f)
		}
		if seenName[f.Name] {
			t.Errorf("format %s twice", f.Name)
		}
		seenName[f.Name] = true
		for _, e := range f.Extensions {
			if e != strings.ToLower(e) || !strings.HasPrefix(e, ".") {
				t.Errorf("%s: extension %q is not lower case with a dot", f.Name, e)
			}
			if other, ok := seenExt[e]; ok {
				t.Errorf("extension %s claimed by %s and %s", e, other, f.Name)
			}
			seenExt[e] = f.Name
		}
		switch {
		case f.Sniff != nil && f.Read == nil, f.Sniff == nil && f.ReadText == nil:
			t.Errorf("%s: no reader", f.Name)
		case f.Sniff == nil && f.SniffText == nil:
			fallbacks++
		}
	}
	if fallbacks != 1 {
		t.Errorf("%d text formats without SniffText, want one fallback", fallbacks)
	}
	for _, want := range []string{"text", "html", "docx", "doc", "pdf", "xlsx"} {
		if !seenName[want] {
			t.Errorf("format %s not registered", want)
		}
	}
	if got := len(format.Describe()); got != len(format.Formats()) {
		t.Errorf("Describe has %d lines for %d formats", got, len(format.Formats()))
	}
	for _, name := range []string{"a.TXT", "b.html", "c.Docx", "d.doc", "e.pdf", "f.xlsx", "目录/报告.shtml"} {
		if !format.HasExtension(name) {
			t.Errorf("HasExtension(%q) = false", name)
		}
	}
	for _, name := range []string{"a.xls", "b.csv", "c.docx.bak", "README", "d.ppt"} {
		if format.HasExtension(name) {
			t.Errorf("HasExtension(%q) = true", name)
		}
	}
	if !slices.Equal(format.Extensions()[:1], []string{".htm"}) {
		t.Errorf("Extensions() = %v, want the text formats first", format.Extensions())
	}
}

// TestRead checks that the bytes, not a name, choose the reader, and that
// what no reader takes is refused with its reason.
func TestRead(t *testing.T) {
	for _, tc := range []struct {
		name     string
		data     []byte
		kind     string
		encoding string
	}{
		{"text", []byte("某县政府信息公开工作年度报告\n本年度主动公开信息12条。\n"), "text", "utf-8"},
		{"html", []byte("<html><body><p>某县政府信息公开工作年度报告</p></body></html>"), "html", "utf-8"},
		{"gb18030", []byte{0xd6, 0xf7, 0xb6, 0xaf, 0xb9, 0xab, 0xbf, 0xaa, 0xd0, 0xc5, 0xcf, 0xa2, 0x0a}, "text", "gb18030"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := format.Read(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Kind != tc.kind || doc.Encoding != tc.encoding {
				t.Errorf("kind, encoding = %q, %q; want %q, %q", doc.Kind, doc.Encoding, tc.kind, tc.encoding)
			}
		})
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "文件为空"},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "二进制"},
		{"other zip", testutil.Zip(t, map[string][]byte{"a.txt": []byte("x")}), "不是 xlsx 工作簿或 docx 文档"},
		{"broken zip", []byte("PK\x03\x04 not really"), "文件已损坏"},
		{"pdf", []byte("%PDF-1.4\n"), "PDF"},
		{"ole", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, "doc"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := format.Read(tc.data)
			if !errors.Is(err, format.ErrUnreadable) {
				t.Fatalf("err = %v, want one wrapping ErrUnreadable", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %q, want it to say %q", err, tc.want)
			}
		})
	}
}

// readTextRef is Read of data no binary format claims as it was before
// text was decoded unchecked: charset.DecodeRepaired, then the first text
// format that claims the text.
func readTextRef(data []byte) (*document.Document, error) {
	text, enc, rep, err := charset.DecodeRepaired(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", err, format.ErrUnreadable)
	}
	for _, f := range format.Formats() {
		if f.ReadText == nil || f.SniffText != nil && !f.SniffText(text) {
			continue
		}
		doc, err := f.ReadText(text)
		if err != nil {
			return nil, err
		}
		doc.Kind, doc.Encoding = f.Name, enc
		doc.Findings = append(rep.Findings(enc), doc.Findings...)
		return doc, nil
	}
	return nil, errors.New("no text format")
}

// checkReadText holds Read of text to readTextRef.
func checkReadText(t *testing.T, data []byte) {
	t.Helper()
	for _, f := range format.Formats() {
		if f.Sniff != nil {
			if ok, err := f.Sniff(data); ok || err != nil {
				return // read as it was
			}
		}
	}
	doc, err := format.Read(data)
	wdoc, werr := readTextRef(data)
	if (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() || !reflect.DeepEqual(doc, wdoc) {
		t.Fatalf("Read(%q) = %+v, %v; reference %+v, %v", data, doc, err, wdoc, werr)
	}
}

// TestReadTextRef holds Read to readTextRef over the sample reports and
// text of every encoding, with zero-width characters, invalid bytes,
// NULs and carriage returns.
func TestReadTextRef(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "reports", "*.*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkReadText(t, data)
	}
	text := "某县政府信息公开工作年度报告\n首页 > 信息公开\n本年度主动公开信息12条。\r\n版权所有 某局\n"
	for _, o := range []string{"", "\u200b", "\ufeff", "\u3000", "\xff", "\xe5\xb9", "\x00", "\r", "\u200b\n\u200b"} {
		for _, head := range []string{"", "\xef\xbb\xbf", "<html><body><p>", "<meta charset=gbk>"} {
			checkReadText(t, []byte(head+o+text))
			checkReadText(t, []byte(head+text+o))
			checkReadText(t, []byte(head+strings.ReplaceAll(text, "\n", o+"\n")))
		}
	}
	for _, o := range []string{"\u200b", "\ufeff", "\u2060"} {
		checkReadText(t, []byte(o+"<html>报告\n"))
		checkReadText(t, []byte("<html>"+strings.Repeat("报"+o, 1000)+"<p><p><p>"))
	}
	checkReadText(t, []byte{0xd6, 0xf7, 0xb6, 0xaf, 0xb9, 0xab, 0xbf, 0xaa, 0xd0, 0xc5, 0xcf, 0xa2, 0x0a})
}

func FuzzReadText(f *testing.F) {
	for _, s := range []string{"某县政府信息公开工作年度报告\n本年度主动公开信息12条。\n", "<html><body><p>报告\u200b</p></body></html>", "\u200b \n\u200b", "乱码\xff在此\n", "\xef\xbb\xbf报告\u200b\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(checkReadText)
}
