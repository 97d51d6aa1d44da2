// Package load reads a report the way every front end takes it: parsed,
// then audited. The command and the web page call it, so a report has the
// same findings wherever it is read, and each finding once.
package load

import (
	"xxgk"
	"xxgk/check"
	"xxgk/parse"
)

// Report parses one report (path is used for its Source and in messages)
// and appends the audit of its numbers to the findings of reading it.
// Errors are parse's: they wrap parse.ErrUnreadable for input that is not a
// report xxgk can read.
func Report(path string, data []byte) (*xxgk.Report, error) {
	r, err := parse.Parse(path, data)
	if err != nil {
		return nil, err
	}
	r.Findings = append(r.Findings, check.Report(r)...)
	return r, nil
}
