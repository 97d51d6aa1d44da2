// Package parse reads annual reports as they really come (web-page text,
// saved HTML; UTF-8, UTF-16 or GB18030) into the xxgk model.
package parse

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"xxgk"
)

// ErrUnreadable is wrapped by every error about input that is not a report
// xxgk can read (binary data, an empty file, an unknown encoding).
var ErrUnreadable = errors.New("无法读取")

// Parse reads one report. path is used for the Source and in messages only.
func Parse(path string, data []byte) (*xxgk.Report, error) {
	sum := sha256.Sum256(data)
	src := xxgk.Source{Path: path, SHA256: hex.EncodeToString(sum[:])}
	if len(data) == 0 {
		return nil, fmt.Errorf("%s: 文件为空: %w", path, ErrUnreadable)
	}
	r := xxgk.NewReport(src)
	return r, nil
}
