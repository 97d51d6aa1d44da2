// Package format is the registry of the input formats xxgk reads. Each
// format is a package of its own (format/text, format/html, format/docx,
// format/word97, format/pdf, format/xlsx) that turns bytes into a
// document.Document and registers itself here when imported, as image/png
// registers with image. The registry is the one place that knows which
// formats exist: Read picks the reader by the bytes, the folder walk takes
// Extensions, the help text takes Formats.
package format

import (
	"path/filepath"
	"slices"

	"errors"
	"fmt"
	"strings"
	"sync"

	"xxgk/document"
	"xxgk/format/charset"
)

// ErrUnreadable is wrapped by every error about input that is not a report
// xxgk can read (binary data, an empty file, an unknown encoding, a corrupt
// or password-protected document). Its text says so in Chinese; the error
// that wraps it says why.
var ErrUnreadable = errors.New("无法读取")

// Format is one input format.
//
// A binary format (Sniff != nil) is told by its bytes and read from them. A
// text format (Sniff == nil) is read from text decoded by package charset:
// SniffText tells it by that text (nil: any text, the fallback), ReadText
// reads it (its errors, too, wrap ErrUnreadable).
type Format struct {
	Name       string   // "docx": Source.Kind and Document.Kind
	Label      string   // the Chinese name people read: "Word 文档"; help adds the extensions
	Extensions []string // the file-name extensions a folder walk reads: ".docx"

	// Sniff reports whether data is of this format. An error means data is
	// of no format xxgk can read, and says why (a zip archive that is
	// neither a workbook nor a Word document, or is damaged): detection
	// stops there.
	Sniff func(data []byte) (bool, error)
	// Read reads a binary format. Its errors wrap ErrUnreadable and say why
	// in Chinese.
	Read func(data []byte) (*document.Document, error)

	SniffText func(text string) bool
	ReadText  func(text string) (*document.Document, error)
	// ReadUncheckedText, if not nil, is ReadText of text taken for UTF-8
	// without the pass that checks it (charset.DecodeUnchecked), for a
	// reader that passes over every byte anyway: it reports whether
	// text holds zero-width characters or is not valid UTF-8 (flaw), and
	// reads valid text as ReadText reads it without its zero-width
	// characters (charset.Check). When text is not valid, or on an
	// error, its document is dropped, and the bytes are decoded anew and
	// read by ReadText.
	ReadUncheckedText func(text string) (doc *document.Document, flaw document.TextFlaw, err error)
}

var (
	mu      sync.RWMutex
	formats []Format
	// ordered is formats in the order of Formats, made on the first call
	// after a Register: Read asks for it once per input.
	ordered []Format
)

// Register adds a format. Binary formats are tried in the order they were
// registered; text that none of them claims is decoded and given to the text
// formats, the one without SniffText last. Register is called from the init
// function of the format's package.
func Register(f Format) {
	mu.Lock()
	defer mu.Unlock()
	for _, g := range formats {
		if g.Name == f.Name {
			panic("format: " + f.Name + " registered twice")
		}
	}
	formats = append(formats, f)
	ordered = nil
}

// Formats returns the registered formats: the text formats first (the
// fallback last of them), then the binary ones in the order they were
// registered. Read tries every binary format before decoding text.
func Formats() []Format { return slices.Clone(inOrder()) }

// inOrder is Formats without the copy: the caller must not modify it.
func inOrder() []Format {
	mu.RLock()
	o := ordered
	mu.RUnlock()
	if o == nil {
		mu.Lock()
		if ordered == nil {
			ordered = orderFormats()
		}
		o = ordered
		mu.Unlock()
	}
	return o
}

// orderFormats sorts formats as Formats returns them; mu is held.
func orderFormats() []Format {
	var text, fallback, binary []Format
	for _, f := range formats {
		switch {
		case f.Sniff != nil:
			binary = append(binary, f)
		case f.SniffText != nil:
			text = append(text, f)
		default:
			fallback = append(fallback, f)
		}
	}
	return append(append(text, fallback...), binary...)
}

// Extensions returns the file-name extensions of every registered format,
// lower case with the dot, in the order of Formats.
func Extensions() []string {
	var out []string
	for _, f := range Formats() {
		out = append(out, f.Extensions...)
	}
	return out
}

// Describe lists the formats for people, one a line in the order of
// Formats: each label with its extensions ("Word 文档 .docx").
func Describe() []string {
	var lines []string
	for _, f := range Formats() {
		lines = append(lines, f.Label+" "+strings.Join(f.Extensions, " "))
	}
	return lines
}

// HasExtension reports whether the extension of the file name is one of a
// registered format, in any case: a folder walk reads such files.
func HasExtension(name string) bool {
	return slices.Contains(Extensions(), strings.ToLower(filepath.Ext(name)))
}

// MaxTextSize bounds a text or HTML file: a report is well under 1 MB,
// and reading text costs some thirty times its size in memory (the HTML
// tree, then the extraction), so a larger file is refused rather than
// risk the memory of a roll-up. The text formats bound their lines or
// tags as well.
const MaxTextSize = 8 << 20

// Limits on what a Document may hold, whatever its format: the
// extraction takes some twenty-five bytes of memory per byte of text, and
// more per block, so a small compressed file (a .docx, a workbook) could
// otherwise take gigabytes. A report has some tens of kilobytes of text
// and a few thousand blocks.
const (
	MaxDocumentText   = 8 << 20 // bytes of text, table cells included
	MaxDocumentBlocks = 200000
)

// Read reads data in the format its bytes show, whatever the file is
// called. The document's Kind is the format's Name; its Encoding names the
// encoding a text format was decoded from. Its text may share memory with
// data (charset.Decode), which must not be modified while it is in use.
func Read(data []byte) (*document.Document, error) {
	doc, err := read(data)
	if err != nil {
		return nil, err
	}
	if len(doc.Blocks) > MaxDocumentBlocks {
		return nil, fmt.Errorf("文件有 %d 段（或表格），超过 %d 段的上限，不像是一份年度报告，拒绝读取: %w", len(doc.Blocks), MaxDocumentBlocks, ErrUnreadable)
	}
	if n := textSize(doc); n > MaxDocumentText {
		return nil, fmt.Errorf("文件的文字超过 %d MB（一份年度报告通常不到 1 MB），不像是一份年度报告，拒绝读取: %w", MaxDocumentText>>20, ErrUnreadable)
	}
	return doc, nil
}

// textSize is the bytes of text of a document's blocks, every position of
// a table counted.
func textSize(doc *document.Document) int {
	n := 0
	for _, b := range doc.Blocks {
		n += len(b.Text)
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for _, c := range row {
					n += len(c.Text)
				}
			}
		}
	}
	return n
}

func read(data []byte) (*document.Document, error) {
	all := inOrder()
	for _, f := range all {
		if f.Sniff == nil {
			continue
		}
		ok, err := f.Sniff(data)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		doc, err := f.Read(data)
		if err != nil {
			return nil, err
		}
		doc.Kind, doc.Encoding = f.Name, ""
		return doc, nil
	}
	if len(data) > MaxTextSize {
		return nil, fmt.Errorf("文本或网页文件超过 %d MB（一份年度报告通常不到 1 MB），不像是一份年度报告，拒绝读取: %w", MaxTextSize>>20, ErrUnreadable)
	}
	text, enc, repairs, checked, err := charset.DecodeUnchecked(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", err, ErrUnreadable)
	}
	f, ok := textFormat(all, text)
	if !checked {
		if ok && f.ReadUncheckedText != nil {
			if doc, ok := readUnchecked(all, f, text); ok {
				return readTextDone(doc, f, enc, repairs), nil
			}
		}
		if clean, valid := charset.Check(text); !valid {
			// The bytes are not valid UTF-8: decode them anew.
			if text, enc, repairs, err = charset.DecodeRepaired(data); err != nil {
				return nil, fmt.Errorf("%w: %w", err, ErrUnreadable)
			}
			f, ok = textFormat(all, text)
		} else if len(clean) != len(text) {
			// The formats are told by the text without its zero-width
			// characters.
			text = clean
			f, ok = textFormat(all, text)
		}
	}
	if !ok {
		return nil, fmt.Errorf("没有能读取文本的格式: %w", ErrUnreadable)
	}
	doc, err := f.ReadText(text)
	if err != nil {
		return nil, err
	}
	return readTextDone(doc, f, enc, repairs), nil
}

// readUnchecked reads text that charset.DecodeUnchecked did not check with
// f, the text format that claims it, if f's ReadUncheckedText finds text
// valid UTF-8 (ok), and f claims it without its zero-width characters too.
func readUnchecked(all []Format, f Format, text string) (doc *document.Document, ok bool) {
	doc, flaw, err := f.ReadUncheckedText(text)
	switch {
	case err != nil || flaw == document.Invalid:
		return nil, false
	case flaw == document.ZeroWidth:
		// Seldom: the formats are told by the text without them.
		clean, _ := charset.Check(text)
		if g, _ := textFormat(all, clean); g.Name != f.Name {
			return nil, false
		}
	}
	return doc, true
}

// textFormat returns the text format that reads text: the first whose
// SniffText claims it, or the fallback.
func textFormat(all []Format, text string) (Format, bool) {
	for _, f := range all {
		if f.ReadText != nil && (f.SniffText == nil || f.SniffText(text)) {
			return f, true
		}
	}
	return Format{}, false
}

// readTextDone completes a document read by the text format f from text
// decoded from enc with the repairs rep.
func readTextDone(doc *document.Document, f Format, enc string, rep charset.Repairs) *document.Document {
	doc.Kind, doc.Encoding = f.Name, enc
	doc.Findings = append(rep.Findings(enc), doc.Findings...)
	return doc
}
