// Package rollup sums the reports of many agencies (汇总): per report year,
// each figure and official cell with how many agencies stated it, the
// cells that several forms share summed together, subtotals per group,
// duplicates counted once. Which forms share cells, and the order forms
// are listed in, are facts of formats.json (package templates).
package rollup

import (
	"cmp"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"

	"xxgk"
	"xxgk/templates"
)

// A Rollup (汇总) sums the reports of many agencies the way a superior
// office files them: one section per report year (never a sum across
// years), each figure and cell with its coverage, duplicates counted once.
type Rollup struct {
	Name       string       `json:"name"`  // the office filing the roll-up (汇总单位); may be ""
	Years      []*Year      `json:"years"` // ascending; a section of unknown year (0) comes last
	Findings   []Finding    `json:"findings"`
	Unreadable []Unreadable `json:"unreadable"`
	// NotReports are the inputs that are not annual reports (非年度报告),
	// counted nowhere.
	NotReports []NotReport `json:"not_reports"`
	// Roster is the roster of the roll-up (Options.Roster), or nil.
	Roster *Roster `json:"-"`
}

// Year is the roll-up of the reports covering one year.
type Year struct {
	Year     int              `json:"year"` // 0 = the reports whose year is unknown; written as null
	Agencies []*AgencyRow     `json:"agencies"`
	Figures  map[string]Total `json:"figures"` // MODEL.md figures over all agencies of the year
	// Cells are the official cells summed per form: a key FORM.TABLE.ROW.COL
	// sums the agencies that used FORM this year.
	Cells map[string]Total `json:"cells"`
	// Forms counts the agencies per form, in listing order
	// (templates.CompareForms).
	Forms []FormCount `json:"forms"`
	// Shared sums the cells that several forms of the year have in common
	// (the same TABLE.ROW.COL of forms that formats.json says share cells,
	// e.g. gov_2019 and gov_2021) over the agencies of all of them; nil
	// when the year has only one of them.
	Shared *SharedCells `json:"shared,omitempty"`
	// Groups are the subtotals per group (of the roster, or of --units),
	// in the order the groups first appear among the agencies; agencies
	// without a group are in none.
	Groups []*Group `json:"groups,omitempty"`

	// With a roster (Options.Roster); absent without one. Expected is the
	// number of the roster's agencies (应报送), Reported how many of them
	// have a report this year (已报送; written only with a roster), Missing
	// the others' names in roster order (未报送). A section of unknown year
	// has no Expected and no Missing.
	Expected int      `json:"expected,omitzero"`
	Reported int      `json:"-"`
	Missing  []string `json:"missing,omitzero"`
	// OutsideRoster are the reports whose agency is not on the roster,
	// or matches several of its agencies; their numbers are in the totals.
	OutsideRoster []OutsideRoster `json:"outside_roster,omitzero"`
}

// AgencyRow is one agency's report in a year's roll-up.
type AgencyRow struct {
	Agency string `json:"agency"`
	// Roster is the roster's name of the agency, when it is on the roster.
	Roster   string                `json:"roster,omitempty"`
	Path     string                `json:"path"`
	Form     string                `json:"form"`
	Group    string                `json:"group,omitempty"`
	Figures  map[string]xxgk.Value `json:"figures"`
	Findings int                   `json:"findings"` // number of the report's findings
	// Errors names the error findings of the report (their rules' names,
	// once each): an agency whose numbers should be looked at.
	Errors []string `json:"errors,omitempty"`
	// Report is the agency's report (Roll), or what Keep kept of it
	// (RollKept): its cells through Cell.
	Report *xxgk.Report `json:"-"`

	cells     cellSet
	entry     int   // the roster entry, or -1
	ambiguous []int // the roster entries the agency matches equally
}

// Name is the agency's name as the office lists it: the roster's name,
// else the report's; "" when neither names it.
func (a *AgencyRow) Name() string {
	if a.Roster != "" {
		return a.Roster
	}
	return a.Agency
}

// Total is a sum across agencies with its coverage: Count of the Of
// agencies stated it. A figure nobody stated has no Total at all.
type Total struct {
	Value  xxgk.Number `json:"value"`
	Count  int         `json:"count"`
	Of     int         `json:"of"`
	Approx bool        `json:"approx"` // some part was approximate (约/余)
}

// FormCount is how many agencies of a year used a form.
type FormCount struct {
	Form  string `json:"form"`
	Count int    `json:"count"`
}

// SharedCells are cells summed over agencies of different forms.
type SharedCells struct {
	Forms []string         `json:"forms"`
	Cells map[string]Total `json:"cells"` // keyed TABLE.ROW.COL
	// Only lists, per form, how many of its filled cells are not shared
	// and so are only in Cells under that form's key.
	Only []FormCount `json:"only"`
}

// Group is the subtotal of one group of agencies.
type Group struct {
	Name     string           `json:"name"`
	Agencies int              `json:"agencies"`
	Figures  map[string]Total `json:"figures"`
	Cells    map[string]Total `json:"cells"`
}

// Finding is a finding of the roll-up or of one report in it.
type Finding struct {
	Path   string `json:"path,omitempty"`
	Agency string `json:"agency,omitempty"`
	Year   int    `json:"year,omitempty"`
	xxgk.Finding
}

// Unreadable is an input that gave no report, and why.
type Unreadable struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Options are the inputs of a roll-up besides the reports.
type Options struct {
	Name string
	// Groups maps an agency name, a file name or a file path to its group
	// (the --units file); the agency is looked up first.
	Groups map[string]string
	// Unreadable inputs are listed as they are.
	Unreadable []Unreadable
	// FigureLabels name figures in messages (templates.Figures); a figure
	// without a label is named by its key.
	FigureLabels map[string]string
	// Roster lists the agencies expected to report; nil for none. Its
	// groups are used before Groups.
	Roster *Roster
}

func (o Options) label(key string) string {
	if l, ok := o.FigureLabels[key]; ok {
		return l
	}
	return key
}

// Roll sums reports. Inputs that are not annual reports are listed apart
// (NotReports). The result does not depend on the order the reports are
// given in: each year lists its agencies in roster order, the others by
// name in pinyin order, and of two reports of one agency and year the one
// counted is chosen by what they hold (preferred). The reports are not
// modified; each AgencyRow's Report is the whole report.
func Roll(reports []*xxgk.Report, opt Options) *Rollup {
	kept := make([]*Kept, 0, len(reports))
	whole := map[*xxgk.Report]*Kept{} // a report given twice is one Kept
	for _, r := range reports {
		if r == nil {
			continue
		}
		k := whole[r]
		if k == nil {
			k = Whole(r)
			whole[r] = k
		}
		kept = append(kept, k)
	}
	return RollKept(kept, opt)
}

// RollKept is Roll of what Keep kept of the reports: the same roll-up,
// with each AgencyRow's Report the kept one (its cells through
// AgencyRow.Cell).
func RollKept(kept []*Kept, opt Options) *Rollup {
	ru := &Rollup{Name: opt.Name, Findings: []Finding{}, Unreadable: append([]Unreadable{}, opt.Unreadable...),
		NotReports: []NotReport{}, Roster: opt.Roster}
	slices.SortStableFunc(ru.Unreadable, func(a, b Unreadable) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.Reason, b.Reason))
	})
	var sorted []*Kept
	for _, k := range kept {
		if k != nil && k.Report != nil {
			sorted = append(sorted, k)
		}
	}
	slices.SortStableFunc(sorted, func(ka, kb *Kept) int {
		a, b := ka.Report, kb.Report
		return cmp.Or(strings.Compare(a.Source.Path, b.Source.Path), strings.Compare(a.Source.SHA256, b.Source.SHA256),
			strings.Compare(a.Agency, b.Agency), a.Year-b.Year)
	})
	// How each report stands: its roster entry (or the entries it matches
	// equally), and why it is not an annual report, if it is not one.
	type standing struct {
		entry     int
		ambiguous []int
		notReport string
	}
	stand := map[*Kept]standing{}
	for _, k := range sorted {
		if _, done := stand[k]; done {
			continue
		}
		st := standing{entry: -1, notReport: notReportReason(k.Report, k.cells.len())}
		if opt.Roster != nil {
			st.entry, st.ambiguous = opt.Roster.match(k.Report)
		}
		stand[k] = st
	}
	type seenKey struct {
		year   int
		agency string
	}
	keyOf := func(k *Kept) seenKey {
		if e := stand[k].entry; e >= 0 { // the roster's agency, however the report names it
			return seenKey{k.Report.Year, "\x00" + opt.Roster.Entries[e].Name}
		}
		return seenKey{k.Report.Year, xxgk.AgencyKey(k.Report.Agency)}
	}
	counted := map[seenKey]*Kept{} // the copy counted of each agency and year
	for _, k := range sorted {
		if sk := keyOf(k); sk.agency != "" && stand[k].notReport == "" {
			if c := counted[sk]; c == nil || preferred(k, c) < 0 {
				counted[sk] = k
			}
		}
	}
	byYear := map[int]*Year{}
	added := map[*Kept]bool{} // a report given twice is counted once
	for _, k := range sorted {
		r := k.Report
		st := stand[k]
		if st.notReport != "" {
			if !added[k] {
				ru.notReport(r, st.notReport, st.entry)
				added[k] = true
			}
			continue
		}
		if r.Year == 0 && !added[k] {
			ru.Findings = append(ru.Findings, Finding{Path: r.Source.Path, Agency: r.Agency, Finding: xxgk.Finding{
				Rule: xxgk.RuleRollupYearUnknown, Severity: xxgk.SeverityWarning,
				Message: "未识别出报告年度，单列在“年度未识别”部分，不计入任何年度的合计",
			}})
		}
		if sk := keyOf(k); sk.agency != "" && counted[sk] != k || added[k] {
			kp := counted[sk]
			if added[k] {
				kp = k
			}
			ru.Findings = append(ru.Findings, duplicateFinding(kp, k, opt))
			continue
		}
		added[k] = true
		y := byYear[r.Year]
		if y == nil {
			y = &Year{Year: r.Year}
			byYear[r.Year] = y
		}
		row := &AgencyRow{Agency: r.Agency, Path: r.Source.Path, Form: r.Form, Group: groupOf(r, opt.Groups),
			Figures: r.Figures, Findings: len(r.Findings), Errors: errorNames(r), Report: r,
			cells: k.cells, entry: st.entry, ambiguous: st.ambiguous}
		if st.entry >= 0 {
			e := opt.Roster.Entries[st.entry]
			row.Roster = e.Name
			if e.Group != "" {
				row.Group = e.Group
			}
		}
		if row.Figures == nil {
			row.Figures = map[string]xxgk.Value{}
		}
		y.Agencies = append(y.Agencies, row)
		for _, f := range r.Findings {
			ru.Findings = append(ru.Findings, Finding{Path: r.Source.Path, Agency: r.Agency, Year: r.Year, Finding: f})
		}
	}
	for _, y := range byYear {
		ru.Years = append(ru.Years, y)
	}
	slices.SortFunc(ru.Years, func(a, b *Year) int {
		switch {
		case a.Year == b.Year:
			return 0
		case a.Year == 0:
			return 1
		case b.Year == 0:
			return -1
		}
		return a.Year - b.Year
	})
	col := newCollator()
	for _, y := range ru.Years {
		sortAgencies(y.Agencies, col)
		ru.Findings = append(ru.Findings, y.applyRoster(opt.Roster)...)
		ru.Findings = append(ru.Findings, y.sum(opt)...)
	}
	xxgk.SortByRank(ru.Findings)
	return ru
}

// notReport lists an input that is not an annual report, with the one
// finding that says why it counts nowhere.
func (ru *Rollup) notReport(r *xxgk.Report, why string, entry int) {
	nr := NotReport{Path: r.Source.Path, Agency: r.Agency, Year: r.Year, Reason: why}
	if entry >= 0 {
		nr.Roster = ru.Roster.Entries[entry].Name
	}
	ru.NotReports = append(ru.NotReports, nr)
	ru.Findings = append(ru.Findings, Finding{Path: r.Source.Path, Agency: r.Agency, Year: r.Year, Finding: xxgk.Finding{
		Rule: xxgk.RuleRollupNotReport, Severity: xxgk.SeverityWarning,
		Message: "不是年度报告（" + why + "），未计入汇总：不计入单位数、合计和报送情况",
	}})
}

// errorNames names the rules of a report's error findings for people
// (templates.RuleName), once each.
func errorNames(r *xxgk.Report) []string {
	var out []string
	for _, f := range r.Findings {
		if f.Severity != xxgk.SeverityError {
			continue
		}
		if name := templates.RuleName(f.Rule); !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

func groupOf(r *xxgk.Report, groups map[string]string) string {
	if len(groups) == 0 {
		return ""
	}
	p := strings.ReplaceAll(r.Source.Path, `\`, "/")
	for _, k := range []string{xxgk.AgencyKey(r.Agency), r.Agency, r.Source.Path, p, path.Base(p)} {
		if g, ok := groups[k]; ok && k != "" {
			return g
		}
	}
	return ""
}

// preferred orders two copies of one agency's report for a year, the one
// to count first: more values read (figures and cells), then fewer
// findings, then the smaller SHA-256 and path, so that the choice depends
// on the copies alone and never on the order they were given in.
func preferred(ka, kb *Kept) int {
	a, b := ka.Report, kb.Report
	return cmp.Or(
		-cmp.Compare(len(a.Figures)+ka.cells.len(), len(b.Figures)+kb.cells.len()),
		cmp.Compare(len(a.Findings), len(b.Findings)),
		strings.Compare(a.Source.SHA256, b.Source.SHA256),
		strings.Compare(a.Source.Path, b.Source.Path),
	)
}

// whyPreferred says why kept is counted rather than dropped.
func whyPreferred(k, d *Kept) string {
	kept, dropped := k.Report, d.Report
	kv, dv := len(kept.Figures)+k.cells.len(), len(dropped.Figures)+d.cells.len()
	switch {
	case kv != dv:
		return fmt.Sprintf("它读出的数字较多（%d 项，另一份 %d 项）", kv, dv)
	case len(kept.Findings) != len(dropped.Findings):
		return fmt.Sprintf("两份读出的数字一样多，它的核查发现较少（%d 条，另一份 %d 条）", len(kept.Findings), len(dropped.Findings))
	}
	return "两份读出的数字和核查发现一样多，按文件内容的摘要（SHA-256）固定选定其一，与文件的先后无关"
}

func duplicateFinding(k, d *Kept, opt Options) Finding {
	kept, dropped := k.Report, d.Report
	msg := fmt.Sprintf("与 %s 是同一单位同一年度的报告，只计一次（采用 %s：%s）", kept.Source.Path, kept.Source.Path, whyPreferred(k, d))
	if kept.Source.SHA256 == dropped.Source.SHA256 && kept.Source.SHA256 != "" {
		msg = fmt.Sprintf("与 %s 内容完全相同，只计一次（采用 %s）", kept.Source.Path, kept.Source.Path)
	} else if diff := differingFigures(kept, dropped, opt); len(diff) > 0 {
		msg += "；两份报告的数字不一致：" + strings.Join(diff, "；")
	}
	return Finding{Path: dropped.Source.Path, Agency: dropped.Agency, Year: dropped.Year, Finding: xxgk.Finding{
		Rule: xxgk.RuleRollupDuplicate, Severity: xxgk.SeverityWarning, Message: msg,
	}}
}

// differingFigures names the figures both reports state with different
// values, as key 采用值/另一份值.
func differingFigures(a, b *xxgk.Report, opt Options) []string {
	var out []string
	for _, k := range sortedKeys(a.Figures) {
		va, vb := a.Figures[k], b.Figures[k]
		if _, ok := b.Figures[k]; ok && !va.Value.Equal(vb.Value) {
			out = append(out, fmt.Sprintf("%s %s/%s", opt.label(k), va.Value, vb.Value))
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// sum fills the totals of a year from its agencies.
func (y *Year) sum(opt Options) []Finding {
	var acc accumulator
	y.Figures = acc.figures(y.Agencies)
	y.Cells = acc.cells(y.Agencies)
	counts := map[string]int{}
	for _, a := range y.Agencies {
		counts[a.Form]++
	}
	for f, n := range counts {
		y.Forms = append(y.Forms, FormCount{f, n})
	}
	slices.SortFunc(y.Forms, func(a, b FormCount) int { return templates.CompareForms(a.Form, b.Form) })
	y.Shared = acc.shared(y.Agencies, counts)

	var names []string
	members := map[string][]*AgencyRow{}
	for _, a := range y.Agencies {
		if a.Group == "" {
			continue
		}
		if _, ok := members[a.Group]; !ok {
			names = append(names, a.Group)
		}
		members[a.Group] = append(members[a.Group], a)
	}
	for _, g := range names {
		y.Groups = append(y.Groups, &Group{Name: g, Agencies: len(members[g]),
			Figures: acc.figures(members[g]), Cells: acc.cells(members[g])})
		acc.findings = append(acc.findings, groupSum(y, g, members[g], opt)...)
	}
	for i := range acc.findings {
		acc.findings[i].Year = y.Year
	}
	return acc.findings
}

// groupSum compares a group's own report, when the roll-up has one (an
// agency named as the group, e.g. the town whose offices are its members),
// with the sum of its other members: a figure every member stated, exactly,
// should add up to the group's.
func groupSum(y *Year, group string, members []*AgencyRow, opt Options) []Finding {
	var own *AgencyRow
	var rest []*AgencyRow
	for _, a := range y.Agencies {
		if xxgk.AgencyKey(a.Agency) == xxgk.AgencyKey(group) {
			own = a
		}
	}
	for _, a := range members {
		if a != own {
			rest = append(rest, a)
		}
	}
	if own == nil || len(rest) == 0 {
		return nil
	}
	var fs []Finding
	for _, k := range sortedKeys(own.Figures) {
		v := own.Figures[k]
		sum, n := xxgk.Number{}, 0
		for _, a := range rest {
			if m, ok := a.Figures[k]; ok && !m.Approx {
				var ok bool
				if sum, ok = sum.CheckedAdd(m.Value); !ok {
					break
				}
				n++
			}
		}
		if v.Approx || n != len(rest) || sum.Equal(v.Value) {
			continue
		}
		fs = append(fs, Finding{Path: own.Path, Agency: own.Agency, Year: y.Year, Finding: xxgk.Finding{
			Rule: xxgk.RuleRollupGroupSum, Severity: xxgk.SeverityWarning, Keys: []string{k},
			Message: fmt.Sprintf("%s本身的报告中 %s 为 %s，而分组“%s”其余 %d 个单位之和为 %s，两者不一致（可能是口径不同，或某份报告有误）",
				own.Agency, opt.label(k), v.Value, group, len(rest), sum),
		}})
	}
	return fs
}

// accumulator sums values; a sum past Number's range is dropped with a
// finding rather than wrapped or panicking.
type accumulator struct {
	findings []Finding
	over     map[string]bool
}

// add adds v into totals[key], covering one more agency.
func (acc *accumulator) add(totals map[string]Total, key string, v xxgk.Value) {
	t := totals[key]
	if acc.over[key] {
		return
	}
	sum, ok := t.Value.CheckedAdd(v.Value)
	if !ok {
		if acc.over == nil {
			acc.over = map[string]bool{}
		}
		acc.over[key] = true
		delete(totals, key)
		acc.findings = append(acc.findings, Finding{Finding: xxgk.Finding{
			Rule: xxgk.RuleRollupOverflow, Severity: xxgk.SeverityError, Keys: []string{key},
			Message: "合计超出可计算的范围（某份报告的数字明显有误），未给出合计",
		}})
		return
	}
	t.Value, t.Count, t.Approx = sum, t.Count+1, t.Approx || v.Approx
	totals[key] = t
}

func (acc *accumulator) figures(rows []*AgencyRow) map[string]Total {
	acc.over = nil
	totals := map[string]Total{}
	for _, a := range rows {
		for k, v := range a.Figures {
			acc.add(totals, k, v)
		}
	}
	return withOf(totals, len(rows))
}

// cells sums the cells of each form over the agencies of that form.
func (acc *accumulator) cells(rows []*AgencyRow) map[string]Total {
	acc.over = nil
	totals := map[string]Total{}
	perForm := map[string]int{}
	for _, a := range rows {
		perForm[a.Form]++
		for k, v := range a.Cells() {
			acc.add(totals, k, v)
		}
	}
	for k, t := range totals {
		form, _, _ := strings.Cut(k, ".")
		t.Of = perForm[form]
		totals[k] = t
	}
	return totals
}

// shared sums the cells that the forms of this year which share cells
// (templates.SharingGroups) have in common, keyed without the form. "In
// common" is by the key of formats.json, which is stable across eras for a
// cell of the same meaning. A year has one such sum: that of the first
// group, in listing order, of which two or more forms are present.
func (acc *accumulator) shared(rows []*AgencyRow, counts map[string]int) *SharedCells {
	var forms []string
	for _, group := range templates.SharingGroups() {
		forms = forms[:0]
		for _, f := range group {
			if counts[f] > 0 {
				forms = append(forms, f)
			}
		}
		if len(forms) >= 2 {
			break
		}
	}
	if len(forms) < 2 {
		return nil
	}
	keysOf := map[string]map[string]bool{} // form → cell keys without the form
	for _, a := range rows {
		if !slices.Contains(forms, a.Form) {
			continue
		}
		if keysOf[a.Form] == nil {
			keysOf[a.Form] = map[string]bool{}
		}
		for k := range a.Cells() {
			if rest, ok := strings.CutPrefix(k, a.Form+"."); ok {
				keysOf[a.Form][rest] = true
			}
		}
	}
	sc := &SharedCells{Forms: forms, Cells: map[string]Total{}}
	inAll := func(k string) bool {
		for _, f := range forms {
			if !keysOf[f][k] {
				return false
			}
		}
		return true
	}
	acc.over = nil
	of := 0
	for _, a := range rows {
		if !slices.Contains(forms, a.Form) {
			continue
		}
		of++
		for k, v := range a.Cells() {
			if rest, ok := strings.CutPrefix(k, a.Form+"."); ok && inAll(rest) {
				acc.add(sc.Cells, rest, v)
			}
		}
	}
	sc.Cells = withOf(sc.Cells, of)
	for _, f := range forms {
		n := 0
		for k := range keysOf[f] {
			if !inAll(k) {
				n++
			}
		}
		sc.Only = append(sc.Only, FormCount{f, n})
	}
	return sc
}

func withOf(totals map[string]Total, of int) map[string]Total {
	for k, t := range totals {
		t.Of = of
		totals[k] = t
	}
	return totals
}

// MarshalJSON writes an unknown year as null.
func (y Year) MarshalJSON() ([]byte, error) {
	type plain Year
	aux := struct {
		Year *int `json:"year"`
		plain
		Reported *int `json:"reported,omitempty"`
	}{plain: plain(y)}
	if y.Year != 0 {
		aux.Year = &y.Year
	}
	if y.Expected > 0 {
		aux.Reported = &y.Reported
	}
	return json.Marshal(aux)
}

// FormCount is how many agencies of the year used form.
func (y *Year) FormCount(form string) int {
	for _, fc := range y.Forms {
		if fc.Form == form {
			return fc.Count
		}
	}
	return 0
}

// SummaryForm is the form whose tables show the year's summed cells: the
// official form most agencies used (ties: the one listed first). When
// that form is one of several forms of the year that share cells, the
// table is the first listed of them and shared is not nil: its cells are
// summed over all of them. form is "" when no agency's report had official
// tables.
func (y *Year) SummaryForm() (form string, shared *SharedCells) {
	forms := slices.Clone(y.Forms)
	slices.SortStableFunc(forms, func(a, b FormCount) int { return templates.CompareForms(a.Form, b.Form) })
	n := 0
	for _, fc := range forms {
		if fc.Count > n && fc.Form != xxgk.FormNarrative && fc.Form != "" {
			form, n = fc.Form, fc.Count
		}
	}
	if sc := y.Shared; form != "" && sc != nil && len(sc.Forms) > 1 && slices.Contains(sc.Forms, form) {
		return sc.Forms[0], sc
	}
	return form, nil
}

// SummaryTable is one form whose summed cells a year's roll-up shows as
// official tables.
type SummaryTable struct {
	Form   string
	Shared *SharedCells // not nil when the table sums several forms that share cells
}

// SummaryTables are the official tables of a year's roll-up: the summary
// form first (SummaryForm), then every other form with tables that some
// agencies used and that is not summed into it, in listing order. Agencies of
// a minority form (a local table in a year of national ones) are summed in
// their own form, not left out.
func (y *Year) SummaryTables() []SummaryTable {
	main, sc := y.SummaryForm()
	if main == "" {
		return nil
	}
	out := []SummaryTable{{main, sc}}
	for _, fc := range y.Forms {
		if fc.Form == main || fc.Form == xxgk.FormNarrative || fc.Form == "" || fc.Count == 0 ||
			sc != nil && slices.Contains(sc.Forms, fc.Form) {
			continue
		}
		out = append(out, SummaryTable{Form: fc.Form})
	}
	return out
}
