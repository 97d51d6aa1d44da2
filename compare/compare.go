// Package compare holds two readings of an agency against each other, last
// year's and this year's (同比): every figure and every official cell the
// two share, with the change, and the findings a reviewer looks for first
// — the carry-over of pending requests, the continuity of table 二, large
// swings, a change of agency or of form. A reading is a report, or the
// totals of a roll-up (Rollups), which are then also compared agency by
// agency. The comparison is data; export/xlsx and export/pdf draw it, and
// its JSON is the contract of templates/MODEL.md.
//
// Numbers stay exact (xxgk.Number): a change is this year's value less
// last year's, a percentage is rounded to one decimal. A value one year
// does not have is absent, never 0, and gives no change.
package compare

import (
	"encoding/json"
	"math/big"
	"slices"

	"xxgk"
	"xxgk/check"
	"xxgk/templates"
)

// Comparison is last year against this year.
type Comparison struct {
	Last Side `json:"last"`
	This Side `json:"this"`
	// Rows are every figure (templates.Figures order) and then every cell
	// (in the order of the form's tables) that either year has and both
	// years' forms have.
	Rows []Row `json:"rows"`
	// NotCompared are the cells one year has that the other year's form
	// does not have (2019年格式 → 2021年格式: the cells of 表二), each with
	// the one value.
	NotCompared []Row     `json:"not_compared"`
	Findings    []Finding `json:"findings"`

	// A comparison of roll-ups: the agencies both years have, each
	// compared as its own reports are; the agencies of one year only.
	Agencies []*Comparison `json:"agencies,omitempty"`
	OnlyLast []Side        `json:"only_last,omitempty"`
	OnlyThis []Side        `json:"only_this,omitempty"`
}

// Side is one of the two readings.
type Side struct {
	Source    string `json:"source"` // the report's file; a roll-up's inputs
	Agency    string `json:"agency"` // a roll-up: the office filing it, may be ""
	Year      int    `json:"year"`   // 0 = unknown, written as null
	Form      string `json:"form"`   // a roll-up: the form of its summed tables, "" for none
	Published string `json:"published,omitempty"`
	SHA256    string `json:"sha256,omitempty"`
	Agencies  int    `json:"agencies,omitempty"` // a roll-up: how many agencies it sums
	// Report is the report read (nil for a roll-up): its source names
	// the lines of the evidence, its findings are its own audit.
	Report *xxgk.Report `json:"-"`
}

// MarshalJSON writes an unknown year as null: 0 would read as a year.
func (s Side) MarshalJSON() ([]byte, error) {
	type plain Side
	aux := struct {
		plain
		Year *int `json:"year"`
	}{plain: plain(s)}
	if s.Year != 0 {
		aux.Year = &s.Year
	}
	return json.Marshal(aux)
}

// Kinds of row.
const (
	KindFigure = "figure" // a figure of MODEL.md
	KindCell   = "cell"   // a cell of an official table
)

// Row is one figure or cell in both years.
type Row struct {
	Kind string
	// Key is the figure key, or this year's cell key (FORM.TABLE.ROW.COL);
	// LastKey is last year's cell key where its form is another (a cell
	// the two forms share), "" otherwise. A cell only last year has is
	// keyed by last year's key.
	Key, LastKey string
	Label        string // templates' label, for people
	Unit         string
	// Last and This are the values with their evidence; nil where that
	// year has none.
	Last, This *xxgk.Value
	// LastCoverage and ThisCoverage are how many agencies a roll-up's
	// total sums (nil for a report).
	LastCoverage, ThisCoverage *Coverage
}

// Coverage is how many of a roll-up's agencies stated a total.
type Coverage struct{ Count, Of int }

// Change is this year's value less last year's; false when a year has no
// value (or the difference is beyond Number's range).
func (r Row) Change() (xxgk.Number, bool) {
	if r.Last == nil || r.This == nil {
		return xxgk.Number{}, false
	}
	d := new(big.Rat).Sub(rat(r.This.Value), rat(r.Last.Value))
	return number(d, 12)
}

// ChangePct is the change in percent of last year's value, rounded to one
// decimal (halves away from zero); false without a change or when last
// year's value is 0.
func (r Row) ChangePct() (xxgk.Number, bool) {
	if _, ok := r.Change(); !ok || r.Last.Value.Sign() == 0 {
		return xxgk.Number{}, false
	}
	last := rat(r.Last.Value)
	d := new(big.Rat).Sub(rat(r.This.Value), last)
	d.Quo(d, last.Abs(last))
	d.Mul(d, big.NewRat(100, 1))
	return number(d, 1)
}

// Approx reports whether either year's value is approximate, and so the
// change.
func (r Row) Approx() bool {
	return r.Last != nil && r.Last.Approx || r.This != nil && r.This.Approx
}

// rat is n as a fraction, exactly.
func rat(n xxgk.Number) *big.Rat {
	x, _ := new(big.Rat).SetString(n.String())
	return x
}

// number is x rounded to digits decimals (halves away from zero), or
// false beyond Number's range.
func number(x *big.Rat, digits int) (xxgk.Number, bool) {
	n, err := xxgk.ParseNumber(x.FloatString(digits))
	return n, err == nil
}

// rowJSON is a row as MODEL.md gives it.
type rowJSON struct {
	Kind       string       `json:"kind"`
	Key        string       `json:"key"`
	LastKey    string       `json:"last_key,omitempty"`
	Label      string       `json:"label"`
	Unit       string       `json:"unit,omitempty"`
	Last       *xxgk.Number `json:"last"`
	This       *xxgk.Number `json:"this"`
	Change     *xxgk.Number `json:"change"`
	ChangePct  *xxgk.Number `json:"change_pct"`
	LastApprox bool         `json:"last_approx,omitempty"`
	ThisApprox bool         `json:"this_approx,omitempty"`
	LastCount  *int         `json:"last_count,omitempty"`
	LastOf     *int         `json:"last_of,omitempty"`
	ThisCount  *int         `json:"this_count,omitempty"`
	ThisOf     *int         `json:"this_of,omitempty"`
}

// MarshalJSON writes the values as numbers, null where a year has none.
func (r Row) MarshalJSON() ([]byte, error) {
	j := rowJSON{Kind: r.Kind, Key: r.Key, LastKey: r.LastKey, Label: r.Label, Unit: r.Unit}
	if r.Last != nil {
		j.Last, j.LastApprox = &r.Last.Value, r.Last.Approx
	}
	if r.This != nil {
		j.This, j.ThisApprox = &r.This.Value, r.This.Approx
	}
	if c, ok := r.Change(); ok {
		j.Change = &c
	}
	if p, ok := r.ChangePct(); ok {
		j.ChangePct = &p
	}
	if c := r.LastCoverage; c != nil {
		j.LastCount, j.LastOf = &c.Count, &c.Of
	}
	if c := r.ThisCoverage; c != nil {
		j.ThisCount, j.ThisOf = &c.Count, &c.Of
	}
	return json.Marshal(j)
}

// Finding is a finding of the comparison, with its evidence in both
// years: Line and Evidence are this year's report's, LastLine and
// LastEvidence last year's.
type Finding struct {
	// Keys are this year's figures and cells the finding is about; Line
	// and Evidence are where this year's report states the first.
	xxgk.Finding
	// Agency names the agency of a comparison of roll-ups whose finding
	// it is ("" for the totals').
	Agency string `json:"agency,omitempty"`
	// LastKeys, LastLine, LastEvidence and LastPage are the same in last
	// year's report.
	LastKeys     []string `json:"last_keys,omitempty"`
	LastLine     int      `json:"last_line,omitempty"`
	LastEvidence string   `json:"last_evidence,omitempty"`
	LastPage     int      `json:"last_page,omitempty"`
}

// SameAgency reports whether two agency names are one agency, as the years
// of check's carry-over and a roll-up's duplicates match them
// (xxgk.AgencyKey); two unknown agencies are not the same.
func SameAgency(a, b string) bool {
	return xxgk.AgencyKey(a) != "" && xxgk.AgencyKey(a) == xxgk.AgencyKey(b)
}

// Reports compares two reports of an agency, last year's and this year's.
// Reports of two agencies, or of years that do not follow each other, are
// compared all the same, with a finding that says so. The reports are not
// modified.
func Reports(last, this *xxgk.Report) *Comparison {
	c := newComparison(sideOf(last), sideOf(this), last, this, nil, nil)
	c.checkAgencies()
	if c.checkYears() {
		c.carryOver(last, this)
		c.continuity(last, this)
	}
	c.swings()
	xxgk.SortByRank(c.Findings)
	return c
}

func sideOf(r *xxgk.Report) Side {
	return Side{Source: r.Source.Path, Agency: r.Agency, Year: r.Year, Form: r.Form,
		Published: r.Published, SHA256: r.Source.SHA256, Report: r}
}

// newComparison builds the rows of two readings; coverage, when not nil,
// gives the agencies each total of a roll-up sums.
func newComparison(ls, ts Side, last, this *xxgk.Report, lastCov, thisCov map[string]Coverage) *Comparison {
	c := &Comparison{Last: ls, This: ts, Rows: []Row{}, NotCompared: []Row{}, Findings: []Finding{}}
	cover := func(m map[string]Coverage, k string) *Coverage {
		if cv, ok := m[k]; ok {
			return &cv
		}
		return nil
	}
	for _, fig := range templates.Figures {
		lv, lok := last.Figures[fig.Key]
		tv, tok := this.Figures[fig.Key]
		if !lok && !tok {
			continue
		}
		row := Row{Kind: KindFigure, Key: fig.Key, Label: fig.Label, Unit: fig.Unit,
			LastCoverage: cover(lastCov, fig.Key), ThisCoverage: cover(thisCov, fig.Key)}
		if lok {
			row.Last = &lv
		}
		if tok {
			row.This = &tv
		}
		c.Rows = append(c.Rows, row)
	}
	var thisOnly []Row // after last year's, as people read the years
	for _, cell := range pairCells(last.Form, this.Form) {
		lv, lok := last.Cells[cell.last]
		tv, tok := this.Cells[cell.this]
		if !lok && !tok {
			continue
		}
		row := Row{Kind: KindCell, Key: cell.this, Label: templates.CellLabel(nonEmpty(cell.this, cell.last)),
			Unit: cell.unit, LastCoverage: cover(lastCov, cell.last), ThisCoverage: cover(thisCov, cell.this)}
		if lok {
			row.Last = &lv
		}
		if tok {
			row.This = &tv
		}
		switch {
		case cell.this == "":
			row.Key = cell.last
			c.NotCompared = append(c.NotCompared, row)
			continue
		case cell.last == "":
			thisOnly = append(thisOnly, row)
			continue
		case cell.last != cell.this:
			row.LastKey = cell.last
		}
		c.Rows = append(c.Rows, row)
	}
	c.NotCompared = append(c.NotCompared, thisOnly...)
	c.formsNote()
	return c
}

func nonEmpty(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// checkAgencies adds a finding when the two reports are not known to be
// of one agency.
func (c *Comparison) checkAgencies() {
	l, t := c.Last, c.This
	switch {
	case xxgk.AgencyKey(l.Agency) == "" || xxgk.AgencyKey(t.Agency) == "":
		c.add(xxgk.RuleCompareAgency, xxgk.SeverityWarning,
			"有一份报告未能识别出单位名称，无法确认两份报告是同一单位的。", nil)
	case !SameAgency(l.Agency, t.Agency):
		c.add(xxgk.RuleCompareAgency, xxgk.SeverityWarning,
			"上年报告的单位是“"+l.Agency+"”，本年报告的单位是“"+t.Agency+"”，不是同一单位：各项变化不是同一单位的变化，仅供参考。", nil)
	}
}

// checkYears adds a finding when the years are not last year and this
// year, and reports whether they are: only then is what one year hands to
// the next checked.
func (c *Comparison) checkYears() bool {
	l, t := c.Last.Year, c.This.Year
	switch {
	case l == 0 || t == 0:
		c.add(xxgk.RuleCompareYears, xxgk.SeverityWarning,
			"有一份报告未能识别出年度，无法确认是相邻两年：上年结转和表二衔接未核对。", nil)
	case l == t:
		c.add(xxgk.RuleCompareYears, xxgk.SeverityWarning,
			"两份报告都是"+yearText(l)+"的，比较的是同一年度的两个版本：上年结转和表二衔接未核对。", nil)
	case l > t:
		c.add(xxgk.RuleCompareYears, xxgk.SeverityWarning,
			"作为上年的报告（"+yearText(l)+"）晚于作为本年的报告（"+yearText(t)+"）：增减按给出的顺序计算；上年结转和表二衔接未核对。", nil)
	case t-l > 1:
		c.add(xxgk.RuleCompareYears, xxgk.SeverityWarning,
			yearText(l)+"和"+yearText(t)+"不是相邻两年：增减是两年之间的变化；上年结转和表二衔接只在相邻两年之间核对，未核对。", nil)
	default:
		return true
	}
	return false
}

// add appends a finding of the comparison without evidence of its own.
func (c *Comparison) add(rule string, sev xxgk.Severity, msg string, keys []string) {
	c.Findings = append(c.Findings, Finding{Finding: xxgk.Finding{Rule: rule, Severity: sev, Message: msg, Keys: keys}})
}

// carryOver is check's carry-over between the two reports (this year's
// 上年结转 against last year's 结转下年度继续办理, per column), with the
// evidence of last year's value beside this year's.
func (c *Comparison) carryOver(last, this *xxgk.Report) {
	for _, f := range check.CarryOver(last, this) {
		cf := Finding{Finding: f}
		if len(f.Keys) > 0 { // last year's key first (check.CarryOver)
			cf.LastKeys, cf.Keys = f.Keys[:1], f.Keys[1:]
			if v, ok := valueOf(last, cf.LastKeys[0]); ok {
				cf.LastLine, cf.LastEvidence, cf.LastPage = v.Line, v.Text, v.Page
			}
		}
		c.Findings = append(c.Findings, cf)
	}
}

// valueOf is the figure or cell key of r.
func valueOf(r *xxgk.Report, key string) (xxgk.Value, bool) {
	if v, ok := r.Cells[key]; ok {
		return v, true
	}
	v, ok := r.Figures[key]
	return v, ok
}

// Row returns the row of a figure or cell key (this year's, or last
// year's), compared or not; nil when neither year has it.
func (c *Comparison) Row(key string) *Row {
	for _, rows := range [][]Row{c.Rows, c.NotCompared} {
		if i := slices.IndexFunc(rows, func(r Row) bool { return r.Key == key || r.LastKey == key }); i >= 0 {
			return &rows[i]
		}
	}
	return nil
}
