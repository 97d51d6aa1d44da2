// Package load reads reports the way every front end takes them: parsed,
// then audited, and the steps between reading files and writing exports
// that the command and the web page share (limits, reasons in Chinese, the
// audit across reports, the roll-up, the creation date of outputs). Both
// call it, so a report has the same findings wherever it is read, each
// finding once, and the same inputs give the same bytes.
package load

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"xxgk"
	"xxgk/check"
	"xxgk/parse"
	"xxgk/rollup"
	"xxgk/templates"
)

// MaxInputSize bounds what is read into memory for one input: an annual
// report is at most a few megabytes. Formats have limits of their own
// (package format), most of them lower.
const MaxInputSize = 256 << 20

// MaxUnitsSize bounds the groups and roster files: a list of agencies and
// groups is a few kilobytes.
const MaxUnitsSize = 10 << 20

// Report parses one report (path is used for its Source and in messages)
// and appends the audit of its numbers to the findings of reading it.
// data must not be modified until it returns (parse.Parse).
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

// Error is an input that could be read from disk (or from an upload) but
// not as a report; Reason says why in Chinese, for the user.
type Error struct {
	Reason string
	Err    error
}

func (e *Error) Error() string { return e.Reason }
func (e *Error) Unwrap() error { return e.Err }

// Read is Report for a front end: every failure is an *Error with its
// reason in Chinese, and a reader bug (a panic) costs only this input, not
// the others of a batch.
func Read(path string, data []byte) (r *xxgk.Report, err error) {
	defer func() {
		if v := recover(); v != nil {
			r = nil
			err = &Error{Reason: fmt.Sprintf("读取时发生内部错误（%v），请把这个文件提供给开发人员", v), Err: fmt.Errorf("panic: %v", v)}
		}
	}()
	r, err = Report(path, data)
	if err != nil {
		return nil, &Error{Reason: Reason(path, err), Err: err}
	}
	return r, nil
}

// Reason turns a parse error into the reason shown after the file name.
// parse errors read "PATH: 原因…: 无法读取"; the path is already shown and
// 无法读取 starts the message, so both are dropped.
func Reason(path string, err error) string {
	s := err.Error()
	for _, sep := range []string{": ", "：", ":"} {
		if rest, ok := strings.CutPrefix(s, path+sep); ok {
			s = rest
			break
		}
	}
	u := parse.ErrUnreadable.Error()
	for _, sep := range []string{": ", "：", ":", ""} {
		if rest, ok := strings.CutSuffix(s, sep+u); ok {
			s = rest
			break
		}
	}
	s = strings.TrimSpace(s)
	if s == "" {
		s = "无法识别文件内容"
	}
	return s
}

// Series adds the findings across reports given together (the carry-over
// between consecutive years of one agency) to the later report.
func Series(reports []*xxgk.Report) {
	for _, f := range check.Series(reports) {
		f.Report.AddFinding(f.Finding)
	}
}

// Rollup sums the reports kept (rollup.Keep, or rollup.Whole for the
// agencies' own sheets) as xxgk rollup does: in path order (which copy of
// a duplicate the carry-over check pairs must not depend on the order of
// the inputs), with the findings across reports, figures named by their
// Chinese labels. kept is sorted in place and its reports get the series
// findings.
func Rollup(kept []*rollup.Kept, opt rollup.Options) *rollup.Rollup {
	slices.SortStableFunc(kept, func(a, b *rollup.Kept) int { return strings.Compare(a.Report.Source.Path, b.Report.Source.Path) })
	keptSeries(kept)
	labels := map[string]string{}
	for _, f := range templates.Figures {
		labels[f.Key] = f.Label
	}
	opt.FigureLabels = labels
	return rollup.RollKept(kept, opt)
}

// keptSeries is Series of kept reports: only an agency with two reports
// can have a carry-over finding, so only those reports are made again as
// check.Series reads them (Kept.SeriesReport), and their findings go to
// the kept reports.
func keptSeries(kept []*rollup.Kept) {
	count := map[string]int{}
	for _, k := range kept {
		count[xxgk.AgencyKey(k.Report.Agency)]++
	}
	var reports []*xxgk.Report
	owner := map[*xxgk.Report]*rollup.Kept{}
	for _, k := range kept {
		if key := xxgk.AgencyKey(k.Report.Agency); key != "" && count[key] > 1 {
			r := k.SeriesReport()
			reports = append(reports, r)
			owner[r] = k
		}
	}
	for _, f := range check.Series(reports) {
		owner[f.Report].Report.AddFinding(f.Finding)
	}
}

// Created is the creation date written into workbooks and PDFs: now, or
// SOURCE_DATE_EPOCH (seconds) when set, so that the same reports give the
// same bytes for an auditor who wants to compare two runs.
func Created() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	return time.Now()
}

// WriteJSON writes v as the command prints JSON: indented by two spaces,
// characters such as < and & as they are, one newline at the end.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
