// Package xxgk is the domain model of government information-disclosure
// annual reports (政府信息公开工作年度报告): the report, its figures and
// table cells with their evidence, and the findings raised about them.
//
// The JSON form of these types is the public contract of templates/MODEL.md;
// member names must not change. This package does no I/O.
package xxgk

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// FormNarrative is the form of a report without an official table, whose
// figures come from its sentences. Every other form is a form of
// templates/formats.json, named by its id there (gov_2021); its facts
// (Chinese name, order, …) are package templates'.
const FormNarrative = "narrative"

// Method says how a value was obtained.
type Method string

const (
	MethodTable   Method = "table"   // read from a statistics table of the report
	MethodProse   Method = "prose"   // read from a sentence of the report
	MethodForm    Method = "form"    // read from a filled official workbook
	MethodDerived Method = "derived" // computed by xxgk from other values
	MethodManual  Method = "manual"  // typed by a person where the report had no value
)

// Report is everything read from one annual report.
type Report struct {
	Source    Source `json:"source"`
	Agency    string `json:"agency"`
	Year      int    `json:"year"`      // the year the report covers; 0 = unknown, written as null
	Published string `json:"published"` // YYYY-MM-DD, YYYY-MM or YYYY as precise as stated; "" = unknown
	// Where Agency, Year and Published were read; nil when the value is
	// unknown (or was not read from the text, as in a roll-up workbook).
	AgencyEvidence    *MetaEvidence    `json:"agency_evidence,omitempty"`
	YearEvidence      *MetaEvidence    `json:"year_evidence,omitempty"`
	PublishedEvidence *MetaEvidence    `json:"published_evidence,omitempty"`
	Form              string           `json:"form"`
	Figures           map[string]Value `json:"figures"`
	Cells             map[string]Value `json:"cells"`
	Findings          []Finding        `json:"findings"`
}

// MetaEvidence is where a report's agency, year or publication date was
// read: an auditor who doubts the year can find the sentence it came from.
type MetaEvidence struct {
	Line int    `json:"line,omitempty"` // 1-based line of the decoded source; 0 for a web page's <title>
	Page int    `json:"page,omitempty"` // 1-based page of a PDF; 0 for other formats
	Text string `json:"evidence"`       // the text it was read from, cut to a short excerpt
}

// Source identifies the input a report was read from.
type Source struct {
	Path     string `json:"path"`
	SHA256   string `json:"sha256"`
	Encoding string `json:"encoding"` // utf-8, utf-16le, utf-16be, gb18030
	Kind     string `json:"kind"`     // text, html, docx, xlsx
}

// Value is one figure or one table cell with the evidence it was read from.
type Value struct {
	Value  Number `json:"value"`
	Unit   string `json:"unit,omitempty"`
	Approx bool   `json:"approx"`
	// Blank marks a cell the report left empty inside an otherwise filled
	// table: it counts as 0, but an auditor should know it was not written.
	Blank bool `json:"blank,omitempty"`
	// Split marks a cell read from digits printed together without a
	// separator (15130000154) and split by xxgk under the table's
	// identities: if its numbers do not add up, the reading may be at fault.
	Split bool `json:"split,omitempty"`
	// Manual marks a value a person changed or filled in (人工修改) after
	// it was read; Original is the value as read (nil when the report had
	// none and the value was filled in: its method is then manual). The
	// evidence stays the one of the value as read.
	Manual   bool    `json:"manual,omitempty"`
	Original *Number `json:"original,omitempty"`
	Evidence
}

// Corrected is v changed by hand to n: marked manual, the value as read
// kept in Original. Correcting it back to the value as read undoes the
// correction.
func (v Value) Corrected(n Number) Value {
	if !v.Manual {
		if v.Value.Equal(n) && v.Method != "" {
			return v
		}
		if v.Method != "" {
			orig := v.Value
			v.Original = &orig
		}
		v.Manual = true
	}
	v.Value = n
	if v.Original != nil && v.Original.Equal(n) {
		v.Value, v.Manual, v.Original = *v.Original, false, nil
	}
	if v.Method == "" {
		v.Method = MethodManual
	}
	return v
}

// Evidence records where a value came from, so an auditor can find it.
// Line is the reader's count (lines of a text file, paragraphs of a Word
// document, lines of a page's text layer); the other members name places
// a person can find in the document as it is printed or shown: the page,
// the official table with its row and column, the sheet and cell, the
// section heading of a sentence. Place words them.
type Evidence struct {
	Method Method `json:"method"`
	Line   int    `json:"line,omitempty"` // 1-based line of the decoded source
	Row    string `json:"row,omitempty"`  // table row label as printed
	Col    string `json:"col,omitempty"`  // table column label
	Text   string `json:"evidence,omitempty"`

	// Page is the 1-based page of a PDF the value was printed on.
	Page int `json:"page,omitempty"`
	// Table is the official table's short name (表三); RowLabel and
	// ColLabel are the form's labels of the cell's row and column, with the
	// groups that tell them apart (（三）不予公开 › 1.属于国家秘密, 自然人).
	// For a figure summed from cells (method derived), RowLabel names
	// what was summed (（三）不予公开各项之和).
	Table    string `json:"table,omitempty"`
	RowLabel string `json:"row_label,omitempty"`
	ColLabel string `json:"col_label,omitempty"`
	// Section is the heading the sentence of a prose value stands under
	// (一、总体情况).
	Section string `json:"section,omitempty"`
	// Sheet and Cell name a workbook's sheet and the cell (D7) a value was
	// typed in.
	Sheet string `json:"sheet,omitempty"`
	Cell  string `json:"cell,omitempty"`
}

// Place words where a value of a report read from src was found, for
// people: the page of a PDF, the sheet and cell of a workbook, the
// paragraph of a Word document, the line of a plain text file (the only
// kind whose lines a person sees), then the official table's row and
// column, or the section of a sentence: 第3页 · 表三 （三）不予公开 ›
// 1.属于国家秘密 · 自然人. A web page has no lines a person sees, and its
// line is left out. The sentence itself is Text; Place does not repeat it.
func (e Evidence) Place(src Source) string {
	var parts []string
	switch {
	case e.Page > 0:
		parts = append(parts, fmt.Sprintf("第%d页", e.Page))
	case e.Sheet != "" && e.Cell != "":
		parts = append(parts, e.Sheet+" "+e.Cell)
	case e.Line > 0 && src.LinesReal():
		parts = append(parts, src.Place(e.Line))
	}
	if e.Table != "" {
		cell := e.Table
		switch {
		case e.RowLabel != "" && e.ColLabel != "":
			cell += " " + e.RowLabel + " · " + e.ColLabel
		case e.RowLabel != "" || e.ColLabel != "":
			cell += " " + e.RowLabel + e.ColLabel // 表四 行政复议 › 总计: a table of one row
		}
		parts = append(parts, cell)
	} else if e.Section != "" {
		parts = append(parts, e.Section)
	}
	return strings.Join(parts, " · ")
}

// Quote is the evidence's text as people may read it: the sentence, or
// the table row as printed; "" for a sum xxgk computed, whose text lists
// the cells by key for scripts (Place names them for people).
func (e Evidence) Quote() string {
	if e.Method == MethodDerived {
		return ""
	}
	return e.Text
}

// Describe is the source of a value for people, in one line: how it was
// read, where (Place) and, for a sentence, the sentence: 正文 · 第2页 ·
// 一、总体情况：“全区主动公开政府信息7700余条”. A table value's place names
// its cell; the row as printed (Quote) is for a cell's comment. Every
// exporter shows evidence through it.
func (e Evidence) Describe(src Source) string {
	s := e.Method.Label()
	if p := e.Place(src); p != "" {
		s += " · " + p
	}
	if q := e.Quote(); q != "" && e.Method == MethodProse {
		s += "：“" + q + "”"
	}
	return s
}

// LinesReal reports whether the source's lines are lines a person can
// count: a text file's, or a Word document's paragraphs. A web page may be
// one long line, and a PDF is found by its pages.
func (s Source) LinesReal() bool {
	switch s.Kind {
	case "text", "docx", "doc":
		return true
	}
	return false
}

// methodLabels are the Chinese names of the methods, as users read them in
// summaries, workbooks and PDFs.
var methodLabels = map[Method]string{
	MethodTable: "表格", MethodProse: "正文", MethodForm: "填报表", MethodDerived: "表格合计", MethodManual: "人工填写",
}

// Label is the method's Chinese name; an unknown method is shown as is.
func (m Method) Label() string {
	if l, ok := methodLabels[m]; ok {
		return l
	}
	return string(m)
}

// Severity of a finding.
type Severity string

const (
	SeverityError   Severity = "error"   // numbers contradict each other or could not be trusted
	SeverityWarning Severity = "warning" // something an auditor should look at
	SeverityInfo    Severity = "info"    // a fact about how the report was read
)

// severityLabels are the Chinese names of the severities.
var severityLabels = map[Severity]string{
	SeverityError: "错误", SeverityWarning: "警告", SeverityInfo: "提示",
}

// Label is the severity's Chinese name; an unknown one is shown as is.
func (s Severity) Label() string {
	if l, ok := severityLabels[s]; ok {
		return l
	}
	return string(s)
}

// Finding is something a reader or a check noticed about a report. Findings
// are data, not errors: a report with findings is still a report.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Keys     []string `json:"keys,omitempty"`
	Line     int      `json:"line,omitempty"`
	Evidence string   `json:"evidence,omitempty"`
	// Page is the 1-based page of a PDF where Evidence is printed.
	Page int `json:"page,omitempty"`
}

// Place words where a finding's evidence stands for people: the page of
// a PDF, the line of a text file or paragraph of a Word document; "" where
// neither is known (a web page's lines are no place: Source.Place).
func (f Finding) Place(src Source) string {
	if f.Page > 0 {
		return fmt.Sprintf("第%d页", f.Page)
	}
	return src.Place(f.Line)
}

// reportJSON is Report with the year as a pointer, members in MODEL.md order.
type reportJSON struct {
	Source    Source `json:"source"`
	Agency    string `json:"agency"`
	Year      *int   `json:"year"`
	Published string `json:"published"`

	AgencyEvidence    *MetaEvidence `json:"agency_evidence,omitempty"`
	YearEvidence      *MetaEvidence `json:"year_evidence,omitempty"`
	PublishedEvidence *MetaEvidence `json:"published_evidence,omitempty"`

	Form     string           `json:"form"`
	Figures  map[string]Value `json:"figures"`
	Cells    map[string]Value `json:"cells"`
	Findings []Finding        `json:"findings"`
}

// MarshalJSON writes an unknown year as null: 0 would read as a year.
func (r Report) MarshalJSON() ([]byte, error) {
	aux := reportJSON{r.Source, r.Agency, nil, r.Published,
		r.AgencyEvidence, r.YearEvidence, r.PublishedEvidence,
		r.Form, r.Figures, r.Cells, r.Findings}
	if r.Year != 0 {
		aux.Year = &r.Year
	}
	return json.Marshal(aux)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (r *Report) UnmarshalJSON(b []byte) error {
	var aux reportJSON
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	*r = Report{Source: aux.Source, Agency: aux.Agency, Published: aux.Published,
		AgencyEvidence: aux.AgencyEvidence, YearEvidence: aux.YearEvidence, PublishedEvidence: aux.PublishedEvidence,
		Form: aux.Form, Figures: aux.Figures, Cells: aux.Cells, Findings: aux.Findings}
	if aux.Year != nil {
		r.Year = *aux.Year
	}
	return nil
}

// Place names line n of the source as a reader finds it: 第12段 in a Word
// document, whose lines count paragraphs, 第12行 in a text file; "" where
// lines are no place a person can find (a web page, which may be one line;
// a PDF, whose lines are the reader's count of its text layer), or n < 1.
func (s Source) Place(n int) string {
	switch {
	case n < 1 || !s.LinesReal():
		return ""
	case s.Kind == "docx" || s.Kind == "doc":
		return fmt.Sprintf("第%d段", n)
	}
	return fmt.Sprintf("第%d行", n)
}

// NewReport returns an empty report with its maps ready for use.
func NewReport(src Source) *Report {
	return &Report{Source: src, Form: FormNarrative, Figures: map[string]Value{}, Cells: map[string]Value{}, Findings: []Finding{}}
}

// AddFinding appends a finding.
func (r *Report) AddFinding(f Finding) { r.Findings = append(r.Findings, f) }

// AgencyKey is an agency name as reports of one agency are matched (the
// duplicates of a roll-up, the years of check's carry-over): without spaces.
func AgencyKey(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// severityRanks order findings for people: errors first, then warnings,
// then notes; a severity not listed comes last.
var severityRanks = map[Severity]int{SeverityError: 0, SeverityWarning: 1, SeverityInfo: 2}

// Rank is the severity's place in the order findings are shown: 0 for
// errors, 1 for warnings, 2 for notes, 3 for anything else.
func (s Severity) Rank() int {
	if r, ok := severityRanks[s]; ok {
		return r
	}
	return len(severityRanks)
}

// Rank is the finding's place in the order findings are shown: its
// severity's rank.
func (f Finding) Rank() int { return f.Severity.Rank() }

// SortByRank orders findings as people read them, in place: errors, then
// warnings, then notes, each severity kept in its own order. It takes the
// findings of the roll-up and the comparison too, which embed Finding.
func SortByRank[F interface{ Rank() int }](fs []F) {
	slices.SortStableFunc(fs, func(a, b F) int { return a.Rank() - b.Rank() })
}

// ByRank returns the findings in the order of SortByRank; fs is not
// changed.
func ByRank(fs []Finding) []Finding {
	out := slices.Clone(fs)
	SortByRank(out)
	return out
}
