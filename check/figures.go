package check

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"xxgk"
	"xxgk/templates"
)

// nests are figures that are parts of another: a part larger than its
// whole is implausible. Pairs whose values both come from the official
// table are left to the form's identities.
var nests = []struct{ part, whole string }{
	{"requests.granted", "requests.closed"},
	{"requests.partially_granted", "requests.closed"},
	{"requests.denied", "requests.closed"},
	{"requests.unable", "requests.closed"},
	{"requests.not_processed", "requests.closed"},
	{"requests.other", "requests.closed"},
	{"review.upheld", "review.total"},
	{"review.corrected", "review.total"},
	{"review.other", "review.total"},
	{"review.pending", "review.total"},
	{"litigation.upheld", "litigation.total"},
	{"litigation.corrected", "litigation.total"},
	{"litigation.other", "litigation.total"},
	{"litigation.pending", "litigation.total"},
	{"staff.fulltime", "staff.total"},
	{"staff.parttime", "staff.total"},
}

// fromTable reports whether a value was read from (or computed from) the
// report's statistics table or workbook.
func fromTable(v xxgk.Value) bool {
	return v.Method == xxgk.MethodTable || v.Method == xxgk.MethodDerived || v.Method == xxgk.MethodForm
}

func subsets(r *xxgk.Report) []xxgk.Finding {
	var fs []xxgk.Finding
	for _, n := range nests {
		part, ok1 := r.Figures[n.part]
		whole, ok2 := r.Figures[n.whole]
		if !ok1 || !ok2 || fromTable(part) && fromTable(whole) || whole.Approx || part.Value.Cmp(whole.Value) <= 0 {
			continue
		}
		msg := fmt.Sprintf("%s为 %s，大于%s %s，部分不应大于总数。", label(n.part), part.Value, label(n.whole), whole.Value)
		msg += figureFault(part, whole)
		fs = append(fs, xxgk.Finding{Rule: xxgk.RuleFigureSubset, Severity: xxgk.SeverityWarning, Keys: []string{n.part, n.whole},
			Message: msg, Line: part.Line, Page: part.Page, Evidence: part.Text})
	}
	return fs
}

// cumulativeWords mark a count over several years, not the report's year,
// when they stand in the clause of the number and the sentence does not
// name the year (2013年累计主动公开… is the year's).
var (
	cumulativeWords = []string{"累计", "历年", "迄今"}
	yearWords       = []string{"本年", "全年", "年内", "年度", "今年", "当年"}
)

func cumulative(r *xxgk.Report) []xxgk.Finding {
	var fs []xxgk.Finding
	year := fmt.Sprintf("%d年", r.Year)
	for _, fig := range templates.Figures {
		v, ok := r.Figures[fig.Key]
		if !ok || v.Method != xxgk.MethodProse {
			continue
		}
		clause := clauseOf(v.Text, v.Value.String())
		i := slices.IndexFunc(cumulativeWords, func(w string) bool { return strings.Contains(clause, w) })
		if i < 0 || r.Year > 0 && strings.Contains(v.Text, year) ||
			slices.ContainsFunc(yearWords, func(w string) bool { return strings.Contains(v.Text, w) }) {
			continue
		}
		fs = append(fs, xxgk.Finding{Rule: xxgk.RuleFigureCumulative, Severity: xxgk.SeverityWarning, Keys: []string{fig.Key},
			Line: v.Line, Page: v.Page, Evidence: v.Text,
			Message: fmt.Sprintf("%s %s 取自正文，原句有“%s”而未写明本年度，可能是多年累计数而不是本年度的数字，请核对。", fig.Label, v.Value, cumulativeWords[i])})
	}
	return fs
}

// clauseOf is the clause of sentence (between ，；。 and their ASCII
// forms) in which digits first appear; the whole sentence if they do not.
func clauseOf(sentence, digits string) string {
	i := strings.Index(sentence, digits)
	if i < 0 {
		return sentence
	}
	const stops = "，,；;。"
	start := 0
	if j := strings.LastIndexAny(sentence[:i], stops); j >= 0 {
		_, n := utf8.DecodeRuneInString(sentence[j:])
		start = j + n
	}
	end := len(sentence)
	if j := strings.IndexAny(sentence[i:], stops); j >= 0 {
		end = i + j
	}
	return sentence[start:end]
}

func label(key string) string {
	if f := templates.FigureByKey(key); f != nil {
		return f.Label
	}
	return key
}

// figureFault says which reading could be at fault for two figures.
func figureFault(vs ...xxgk.Value) string {
	for _, v := range vs {
		if v.Manual {
			return manualFault
		}
	}
	for _, v := range vs {
		if v.Method == xxgk.MethodProse {
			return "其中有数字取自正文，可能是 xxgk 把别的数字读成了这一指标，请核对原文。"
		}
	}
	return "各数字均按报告原文读取，是报告本身的数字不一致。"
}
