// Package ooxml tells the zip packages of Office Open XML apart (a workbook,
// .xlsx, from a Word document, .docx) and refuses, before anything is
// unpacked, an archive that is damaged, would unpack past the limits, or
// names parts outside the package. The .docx and .xlsx readers both sniff
// with it.
package ooxml

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"xxgk/format"
)

// Limits on every package. A zip can expand a thousandfold, so the entries'
// declared sizes are added up before anything is unpacked (archive/zip
// refuses entries that expand beyond their declared size).
const (
	MaxUnzipped = 200 << 20 // total uncompressed bytes of all entries
	MaxEntries  = 10000     // entries in the zip
)

// Kinds of package.
const (
	Workbook = "xlsx"
	Word     = "docx"
)

// zipMagic start zip archives: one with entries, and an empty one (only
// its end record).
var zipMagic = [][]byte{[]byte("PK\x03\x04"), []byte("PK\x05\x06")}

// IsZip reports whether data starts like a zip archive.
func IsZip(data []byte) bool {
	for _, m := range zipMagic {
		if bytes.HasPrefix(data, m) {
			return true
		}
	}
	return false
}

// Kind tells a workbook (Workbook) from a Word document (Word) and refuses
// other archives and any that would unpack to more than the limits, before
// anything is unpacked. Its errors wrap format.ErrUnreadable.
func Kind(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("文件已损坏（%s）: %w", zipReason(err), format.ErrUnreadable)
	}
	if len(zr.File) == 0 {
		return "", fmt.Errorf("这是一个空的 zip 压缩包，里面没有任何文件: %w", format.ErrUnreadable)
	}
	if n := len(zr.File); n > MaxEntries {
		return "", fmt.Errorf("文件内含 %d 个部件，超过 %d 个的上限，拒绝读取: %w", n, MaxEntries, format.ErrUnreadable)
	}
	var total uint64
	kind := ""
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > MaxUnzipped {
			return "", fmt.Errorf("文件解压后超过 %d MB 的上限，拒绝读取: %w", MaxUnzipped>>20, format.ErrUnreadable)
		}
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		if strings.HasPrefix(name, "/") || slices.Contains(strings.Split(name, "/"), "..") {
			return "", fmt.Errorf("压缩包内的部件名“%s”指向包外，拒绝读取: %w", f.Name, format.ErrUnreadable)
		}
		switch name {
		case "xl/workbook.xml":
			kind = Workbook
		case "word/document.xml":
			if kind == "" {
				kind = Word
			}
		}
	}
	if kind == "" {
		return "", fmt.Errorf("这是一个 zip 压缩包，但不是 xlsx 工作簿或 docx 文档: %w", format.ErrUnreadable)
	}
	return kind, nil
}

// Sniffer returns the format.Format Sniff of the given kind of package: a
// zip of another kind is not it, a damaged one is refused.
func Sniffer(kind string) func([]byte) (bool, error) {
	return func(data []byte) (bool, error) {
		if !IsZip(data) {
			return false, nil
		}
		k, err := Kind(data)
		return k == kind, err
	}
}

// zipReason says in Chinese why archive/zip refused an archive.
func zipReason(err error) string {
	if errors.Is(err, zip.ErrAlgorithm) {
		return "使用了不支持的压缩方式，请用 Excel 或 Word 重新保存"
	}
	return "不是完整的 xlsx 或 docx 文件，可能下载或复制不完整"
}
