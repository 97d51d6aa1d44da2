package html

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk/format"
	"xxgk/format/charset"
)

// TestLimits: a page larger than format.MaxTextSize, or with more tags
// than MaxTags (a page of tiny elements takes far more memory than its
// size says), is refused with the limit; a page within both is read.
func TestLimits(t *testing.T) {
	title := "<html><head><meta charset=utf-8><title>某县2023年政府信息公开工作年度报告</title></head><body><p>某县人民政府</p>"
	for _, tc := range []struct {
		name, page, want string
	}{
		{"size", title + strings.Repeat("<p>本年度主动公开政府信息123条。</p>", format.MaxTextSize/40), fmt.Sprintf("超过 %d MB", format.MaxTextSize>>20)},
		{"tags", title + strings.Repeat("<p>1", MaxTags), fmt.Sprintf("超过 %d 个的上限", MaxTags)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := format.Read([]byte(tc.page))
			if !errors.Is(err, format.ErrUnreadable) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want a refusal saying %q", err, tc.want)
			}
		})
	}
	// Spans repeat a cell's text in every position it covers: 2 MB of text
	// spanning 64 columns is 128 MB for the extraction.
	spans := title + `<table><tr><td colspan=64>` + strings.Repeat("申请", 1<<18) + `</td></tr><tr>` + strings.Repeat("<td>1</td>", 64) + `</tr></table>`
	if _, err := format.Read([]byte(spans)); !errors.Is(err, format.ErrUnreadable) || !strings.Contains(err.Error(), "文件的文字超过") {
		t.Errorf("spanned text: err = %v, want a refusal of the document's text", err)
	}
	if _, err := format.Read([]byte(title + strings.Repeat("<p>1", MaxTags/2-10))); err != nil {
		t.Errorf("a page within the limits: %v", err)
	}
}

// benchPage is a report page of about n bytes: the paragraphs of a sample
// text report, and its tables, repeated; on one line when oneLine.
func benchPage(tb testing.TB, n int, oneLine bool) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("../../testdata/reports", "pingtan-2015-zone-html.html"))
	if err != nil {
		tb.Fatal(err)
	}
	src := string(data)
	i, j := strings.Index(src, "<body"), strings.LastIndex(src, "</body>")
	i += strings.IndexByte(src[i:], '>') + 1
	body := src[i:j]
	page := src[:i] + strings.Repeat(body, max(n/len(body), 1)) + src[j:]
	if oneLine {
		page = strings.NewReplacer("\r", "", "\n", " ").Replace(page)
	}
	return []byte(page)
}

// BenchmarkReadPage reads pages of 1 MB and 7 MB, on one line and on many:
// MB/s and B/op stay about the same from one size to the other (the
// reader is linear in time and memory).
func BenchmarkReadPage(b *testing.B) {
	for _, size := range []int{1 << 20, 7 << 20} {
		for _, oneLine := range []bool{true, false} {
			data := benchPage(b, size, oneLine)
			name := fmt.Sprintf("%dMB/multi-line", size>>20)
			if oneLine {
				name = fmt.Sprintf("%dMB/one-line", size>>20)
			}
			b.Run(name, func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					text, _, err := charset.Decode(data)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := Read(text); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(data)), "ns/B")
			})
		}
	}
}
