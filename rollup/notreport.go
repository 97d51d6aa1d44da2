package rollup

import (
	"xxgk"
)

// NotReport is an input read as a document but not an annual report: the
// blank form of a notice, a letter filed among the reports, a workbook
// template nobody filled in. It is listed (非年度报告) and counted nowhere:
// not as an agency of its year, not in any total, not as a roster agency
// that reported.
type NotReport struct {
	Path   string `json:"path"`
	Agency string `json:"agency,omitempty"`
	Year   int    `json:"year,omitempty"`
	// Roster is the roster's name of its agency, when a roster was given
	// and the agency is on it: that agency still has no report.
	Roster string `json:"roster,omitempty"`
	Reason string `json:"reason"`
}

// typedRules are findings of reading that show numbers were written in a
// form, though none could be read: the document is a report that failed,
// not a blank form.
var typedRules = map[string]bool{
	xxgk.RuleTableValueCount: true, xxgk.RuleTableSplitAmbiguous: true, xxgk.RuleTableSplitConflict: true,
	xxgk.RuleTableSplitUnsolved: true, xxgk.RuleTableMisaligned: true, xxgk.RuleTableBlankNotZero: true,
	xxgk.RuleFormNotNumber: true,
}

// notReportReason says why a report does not count as an annual report,
// or "" when it does: its title names another kind of document
// (meta_not_report), or it is a workbook form in which nothing was filled
// (blank_form, no cell, no figure, nothing typed that could not be read).
// A report in text, a web page or a document whose tables are blank is
// still a report: its prose says what the agency did.
func notReportReason(r *xxgk.Report, cells int) string {
	blank, typed := false, false
	for _, f := range r.Findings {
		switch {
		case f.Rule == xxgk.RuleNotReport:
			if f.Evidence != "" {
				return "标题表明不是年度报告：" + f.Evidence
			}
			return "标题表明不是年度报告"
		case f.Rule == xxgk.RuleBlankForm:
			blank = true
		case typedRules[f.Rule]:
			typed = true
		}
	}
	if blank && !typed && r.Source.Kind == "xlsx" && cells == 0 && len(r.Figures) == 0 {
		return "空白统计表，没有填写任何数字"
	}
	return ""
}
