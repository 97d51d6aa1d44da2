package rollup

import (
	"cmp"
	"errors"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"xxgk"
	"xxgk/zh"
)

// A Roster (应报送单位名单) lists the agencies a superior office expects a
// report from, in the office's own order, each in a group or none. With a
// roster, each year of a roll-up says how many of them reported (已报送 N
// / 应报送 M), which did not (未报送: Year.Missing, in roster order) and
// which reports name no agency of the roster (名单外: Year.OutsideRoster),
// and lists the agencies in the roster's order.
type Roster struct {
	Entries []RosterEntry
	forms   [][]string       // per entry: its name folded, then shorter forms (variants)
	byKey   map[string][]int // folded name → entries
}

// RosterEntry is one agency of a roster.
type RosterEntry struct {
	Name  string // as the roster writes it
	Group string // "" for none
	Line  int    // the line of the file it is on
}

// Header words of the roster's columns.
var (
	rosterNameHeaders  = []string{"单位", "单位名称", "名称", "机关", "机关名称", "agency", "name"}
	rosterGroupHeaders = []string{"分组", "组别", "类别", "group"}
)

// maxRosterErrors is how many problems a refused roster names.
const maxRosterErrors = 10

// ReadRoster reads a roster file: a CSV (UTF-8 with or without BOM, or GBK,
// as Excel and WPS save it; comma, semicolon or tab separated) with one
// agency a row, its name first and its group, if any, second. A header
// row (单位名称, 分组) is skipped and says which column is which; a first
// column of serial numbers (序号) is skipped.
//
// A roster with an empty name, a name twice (the same after width and
// spaces are folded), or a name given two groups is refused, naming the
// lines: a roster that is wrong would make every coverage figure wrong.
func ReadRoster(data []byte) (*Roster, error) {
	header, rows, err := readRows(data)
	if err != nil {
		return nil, err
	}
	nameCol, groupCol := 0, 1
	if header != nil {
		nameCol, groupCol = -1, -1
		for i, h := range header {
			switch {
			case nameCol < 0 && slices.Contains(rosterNameHeaders, strings.ToLower(h)):
				nameCol = i
			case groupCol < 0 && slices.Contains(rosterGroupHeaders, strings.ToLower(h)):
				groupCol = i
			}
		}
		if nameCol < 0 {
			nameCol = 0
			if groupCol == 0 {
				nameCol = 1
			}
		}
	} else if serialNumbers(rows) {
		nameCol, groupCol = 1, 2
	}
	field := func(rec []string, i int) string {
		if i >= 0 && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	ro := &Roster{byKey: map[string][]int{}}
	var problems []string
	for _, row := range rows {
		name, group := field(row.fields, nameCol), field(row.fields, groupCol)
		if name == "" {
			problems = append(problems, fmt.Sprintf("第%d行没有单位名称", row.line))
			continue
		}
		key := nameKey(name)
		if key == "" {
			problems = append(problems, fmt.Sprintf("第%d行的单位名称“%s”没有文字", row.line, name))
			continue
		}
		if prev, dup := ro.byKey[key]; dup {
			p := ro.Entries[prev[0]]
			if p.Group != group {
				problems = append(problems, fmt.Sprintf("“%s”在第%d行分到“%s”，在第%d行又分到“%s”", name, p.Line, p.Group, row.line, group))
			} else {
				problems = append(problems, fmt.Sprintf("“%s”在第%d行和第%d行重复", name, p.Line, row.line))
			}
			continue
		}
		ro.byKey[key] = []int{len(ro.Entries)}
		ro.Entries = append(ro.Entries, RosterEntry{Name: name, Group: group, Line: row.line})
		ro.forms = append(ro.forms, variants(key))
	}
	if len(problems) > 0 {
		if len(problems) > maxRosterErrors {
			problems = append(problems[:maxRosterErrors], fmt.Sprintf("等%d处", len(problems)))
		}
		return nil, errors.New(strings.Join(problems, "；"))
	}
	if len(ro.Entries) == 0 {
		return nil, errors.New("名单中没有单位")
	}
	return ro, nil
}

// serialNumbers reports a first column of numbers on every row (序号).
func serialNumbers(rows []csvRow) bool {
	for _, r := range rows {
		if len(r.fields) < 2 {
			return false
		}
		if _, err := strconv.Atoi(r.fields[0]); err != nil {
			return false
		}
	}
	return len(rows) > 0
}

// NewRoster makes a roster of entries, as ReadRoster would from a file
// listing them (without its checks: names must be distinct).
func NewRoster(entries []RosterEntry) *Roster {
	ro := &Roster{byKey: map[string][]int{}}
	for _, e := range entries {
		key := nameKey(e.Name)
		ro.byKey[key] = append(ro.byKey[key], len(ro.Entries))
		ro.Entries = append(ro.Entries, e)
		ro.forms = append(ro.forms, variants(key))
	}
	return ro
}

// nameKey is an agency name as names are compared: folded (width, spaces,
// quotes, traditional characters) by zh.Fold.
func nameKey(s string) string { return zh.Fold(s) }

// nameSuffixes end the names of the same agency written more or less
// fully: 江宁区人民政府 is 江宁区, a zone is its 管委会, and a government's
// 办公室 often publishes its report. Longest first.
var nameSuffixes = []string{"人民政府", "管理委员会", "管委会", "政府", "办公室"}

// variants are a folded name and its shorter forms, each without one more
// suffix (nameSuffixes), while at least two characters remain:
// 江宁区人民政府办公室, 江宁区人民政府, 江宁区.
func variants(key string) []string {
	out := []string{key}
	for cur := key; ; {
		next := ""
		for _, s := range nameSuffixes {
			if rest, ok := strings.CutSuffix(cur, s); ok && utf8.RuneCountInString(rest) >= 2 {
				next = rest
				break
			}
		}
		if next == "" {
			return out
		}
		out, cur = append(out, next), next
	}
}

// regionEnds end a place's name: what may stand before a short name of an
// agency (江宁区 before 财政局), or start the short name (区财政局).
var regionEnds = []string{"省", "市", "区", "县", "旗", "州", "盟", "镇", "乡", "街道", "管委会"}

// regionalForm reports whether long is short with a place's name before
// it: 南京市江宁区财政局 and 江宁区财政局, 江宁区财政局 and 财政局 or
// 区财政局.
func regionalForm(long, short string) bool {
	prefix, ok := strings.CutSuffix(long, short)
	if !ok || prefix == "" || utf8.RuneCountInString(short) < 2 {
		return false
	}
	for _, e := range regionEnds {
		if strings.HasSuffix(prefix, e) || strings.HasPrefix(short, e) {
			return true
		}
	}
	return false
}

// Matching levels, closest first.
const (
	matchExact    = iota // the same name, folded
	matchSuffix          // the same but for 人民政府 / 政府 / 办公室
	matchRegional        // one is the other with a place's name before it
	noMatch
)

// level is how closely the forms of two names match.
func level(a, b []string) int {
	if a[0] == b[0] {
		return matchExact
	}
	for _, x := range a {
		if slices.Contains(b, x) {
			return matchSuffix
		}
	}
	for _, x := range a {
		for _, y := range b {
			if regionalForm(x, y) || regionalForm(y, x) {
				return matchRegional
			}
		}
	}
	return noMatch
}

// Match finds the roster entry of an agency name. It returns the entry's
// index, or -1 with the entries the name matches equally closely when
// there are several (ambiguous: a guess could put a report on the wrong
// agency), or none.
func (ro *Roster) Match(name string) (entry int, ambiguous []int) {
	key := nameKey(name)
	if key == "" {
		return -1, nil
	}
	if exact := ro.byKey[key]; len(exact) == 1 {
		return exact[0], nil
	}
	forms := variants(key)
	best, cands := noMatch, []int(nil)
	for i, f := range ro.forms {
		switch l := level(forms, f); {
		case l < best:
			best, cands = l, []int{i}
		case l == best && l != noMatch:
			cands = append(cands, i)
		}
	}
	if len(cands) == 1 {
		return cands[0], nil
	}
	return -1, cands
}

// match finds a report's roster entry by its agency or, when it names
// none, by its file's name (财政局.xlsx).
func (ro *Roster) match(r *xxgk.Report) (entry int, ambiguous []int) {
	name := r.Agency
	if strings.TrimSpace(name) == "" {
		base := path.Base(strings.ReplaceAll(r.Source.Path, `\`, "/"))
		name = strings.TrimSuffix(base, path.Ext(base))
	}
	return ro.Match(name)
}

// maxHints is how many roster names an agency outside the roster is given
// as the closest.
const maxHints = 3

// Closest lists the roster names nearest to name, nearest first (the
// longest run of characters in common, at least two, once 人民政府 and
// the other suffixes every government shares are set aside), at most
// maxHints: a hint for a report outside the roster.
func (ro *Roster) Closest(name string) []string {
	forms := variants(nameKey(name))
	key := []rune(forms[len(forms)-1])
	type scored struct{ entry, score int }
	var all []scored
	for i, f := range ro.forms {
		if s := commonRun(key, []rune(f[len(f)-1])); s >= 2 {
			all = append(all, scored{i, s})
		}
	}
	slices.SortStableFunc(all, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	var out []string
	for _, s := range all[:min(len(all), maxHints)] {
		out = append(out, ro.Entries[s.entry].Name)
	}
	return out
}

// commonRun is the length of the longest run of runes a and b share.
func commonRun(a, b []rune) int {
	best := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
				best = max(best, cur[j+1])
			} else {
				cur[j+1] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// names lists the names of entries.
func (ro *Roster) names(entries []int) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = ro.Entries[e].Name
	}
	return out
}

// OutsideRoster is a report whose agency matches no agency of the roster,
// or several equally (Ambiguous).
type OutsideRoster struct {
	Agency string `json:"agency"`
	Path   string `json:"path"`
	// Closest are the roster names nearest to the agency, nearest first;
	// when Ambiguous, the roster names it matches.
	Closest   []string `json:"closest"`
	Ambiguous bool     `json:"ambiguous,omitempty"`
}

// applyRoster fills a year's standing against the roster: its agencies in
// roster order, the roster's agencies without a report, the reports of
// agencies outside it.
func (y *Year) applyRoster(ro *Roster) []Finding {
	if ro == nil {
		return nil
	}
	var fs []Finding
	reported := make([]bool, len(ro.Entries))
	y.OutsideRoster = []OutsideRoster{}
	for _, a := range y.Agencies {
		if a.entry >= 0 {
			reported[a.entry] = true
			continue
		}
		o := OutsideRoster{Agency: a.Agency, Path: a.Path, Closest: []string{}}
		f := Finding{Path: a.Path, Agency: a.Agency, Year: y.Year}
		if len(a.ambiguous) > 0 {
			o.Closest, o.Ambiguous = ro.names(a.ambiguous), true
			f.Finding = xxgk.Finding{Rule: xxgk.RuleRollupAmbiguous, Severity: xxgk.SeverityWarning,
				Message: fmt.Sprintf("单位名称“%s”可以对应名单中的%s，无法确定是哪一个，未作对应：列为名单外的报告（数字计入合计）；请在名单中写出全称",
					a.Agency, quoteJoin(o.Closest))}
		} else {
			if hint := ro.Closest(nonEmpty(a.Agency, baseName(a.Path))); len(hint) > 0 {
				o.Closest = hint
			}
			msg := fmt.Sprintf("单位“%s”不在名单中：列为名单外的报告（数字计入合计）", nonEmpty(a.Agency, "（未署名）"))
			if len(o.Closest) > 0 {
				msg += "；名单中相近的单位：" + quoteJoin(o.Closest)
			}
			f.Finding = xxgk.Finding{Rule: xxgk.RuleRollupOutside, Severity: xxgk.SeverityWarning, Message: msg}
		}
		y.OutsideRoster = append(y.OutsideRoster, o)
		fs = append(fs, f)
	}
	if y.Year == 0 {
		return fs // which year the reports cover is unknown: none is missing
	}
	y.Expected, y.Missing = len(ro.Entries), []string{}
	for i, e := range ro.Entries {
		if reported[i] {
			y.Reported++
		} else {
			y.Missing = append(y.Missing, e.Name)
		}
	}
	return fs
}

func quoteJoin(names []string) string {
	return "“" + strings.Join(names, "”“") + "”"
}

func nonEmpty(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

// baseName is a path's file name without its extension.
func baseName(p string) string {
	base := path.Base(strings.ReplaceAll(p, `\`, "/"))
	return strings.TrimSuffix(base, path.Ext(base))
}

// sortAgencies orders a year's agencies as the office reads them: those of
// the roster in its order, then the others by their names in pinyin order
// (golang.org/x/text/collate), unnamed ones last by file.
func sortAgencies(rows []*AgencyRow, col *collate.Collator) {
	rank := func(a *AgencyRow) int {
		switch {
		case a.entry >= 0:
			return 0
		case strings.TrimSpace(a.Agency) != "":
			return 1
		}
		return 2
	}
	slices.SortStableFunc(rows, func(a, b *AgencyRow) int {
		if c := cmp.Compare(rank(a), rank(b)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.entry, b.entry); c != 0 {
			return c
		}
		if c := col.CompareString(a.Agency, b.Agency); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
}

// newCollator orders Chinese names by pinyin, as offices list agencies
// that have no order of their own.
func newCollator() *collate.Collator { return collate.New(language.Chinese) }
