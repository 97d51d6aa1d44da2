// Package pdf reads the text layer of PDF files (through package pdftext)
// into blocks: paragraphs in reading order and tables rebuilt as grids. It
// registers itself with package format for files that start with %PDF-.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"xxgk/document"
	"xxgk/format"
	"xxgk/format/pdf/pdftext"
)

func init() {
	format.Register(format.Format{
		Name:       "pdf",
		Label:      "有文字层的 PDF",
		Extensions: []string{".pdf"},
		Sniff:      func(data []byte) (bool, error) { return bytes.HasPrefix(data, pdfMagic), nil },
		Read:       Read,
	})
}

// pdfMagic starts every PDF file.
var pdfMagic = []byte("%PDF-")

// pdfLimits bound the work on one PDF: pages read, bytes decompressed,
// drawing operators run.
var pdfLimits = pdftext.DefaultLimits

// Read reads a PDF's text layer into blocks: the text of each page in
// reading order, one paragraph per block (lines wrapped by the layout are
// joined again), and every ruled table as a grid, its cells rebuilt from
// the rules drawn around them. Unruled tables come out in the text layout
// (one row a line, cells separated by tabs, a label wrapped over several
// lines joined to its row), which the table reader reads like page text. A scanned PDF (images, no text) is refused with a
// message saying so: xxgk does no OCR.
func Read(data []byte) (doc *document.Document, err error) {
	defer func() {
		if !pdftext.RecoverPanics {
			return
		}
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("读取 PDF 的版面时出错（%v），无法读取: %w", r, format.ErrUnreadable)
		}
	}()
	if pdfTruncated(data) {
		return nil, fmt.Errorf("PDF 文件不完整（没有结尾标记 %%%%EOF，可能下载或复制时中断），请重新获取完整的文件: %w", format.ErrUnreadable)
	}
	lay := newLayouter()
	defer lay.release()
	pd, err := pdftext.ReadPages(data, pdfLimits, lay.page)
	if err != nil {
		return nil, pdfError(err)
	}
	if err := lay.hasText(); err != nil {
		return nil, err
	}
	doc = lay.document()
	doc.Title = strings.TrimSpace(document.NormalizeSpaces(pd.Title))
	return doc, nil
}

// pdfError words an error of the PDF reader for the user.
func pdfError(err error) error {
	switch {
	case errors.Is(err, pdftext.ErrEncrypted):
		return fmt.Errorf("%v，xxgk 无法读取；请使用未加密的文件，或报告的网页、Word 版本: %w", err, format.ErrUnreadable)
	case errors.Is(err, pdftext.ErrTooLarge):
		return fmt.Errorf("%v，未读取: %w", err, format.ErrUnreadable)
	case errors.Is(err, pdftext.ErrNotPDF):
		return fmt.Errorf("文件以 %%PDF- 开头，但不是有效的 PDF 文件: %w", format.ErrUnreadable)
	}
	return fmt.Errorf("%v，无法读取: %w", err, format.ErrUnreadable)
}

// pdfTruncated reports a file cut short: a PDF ends with %%EOF (a few
// bytes of white space or junk may follow).
func pdfTruncated(data []byte) bool {
	tail := data[max(0, len(data)-1024):]
	return !bytes.Contains(tail, []byte("%%EOF"))
}

// hasText refuses a PDF without a text layer, saying why.
func (lay *layouter) hasText() error {
	known, unknown := lay.known, lay.unknown
	switch {
	case known > 0 && known >= unknown:
		return nil
	case known+unknown == 0 && lay.images > 0:
		return fmt.Errorf("这是扫描件 PDF（没有文字层），xxgk 不做文字识别（OCR）；请使用报告的文字版、网页或 Word 文件: %w", format.ErrUnreadable)
	case known+unknown == 0:
		return fmt.Errorf("PDF 中没有文字（%d 页都是空白或只有图形）: %w", len(lay.pages), format.ErrUnreadable)
	}
	return fmt.Errorf("PDF 的字体没有给出字符与文字的对应关系（缺少 ToUnicode 映射），取不出文字；请使用报告的网页或 Word 文件: %w", format.ErrUnreadable)
}
