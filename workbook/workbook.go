// Package workbook is the contract between the workbooks xxgk writes
// (export/xlsx) and the reader that knows them again (parse): the
// document property that marks them and says what they hold, and the
// sheets a reader of a report treats apart, 主要指标 and 核查, with their
// header rows. The writer and the reader both use these names, so they
// cannot drift apart, and neither imports the other.
package workbook

// Property is the custom document property that marks a workbook xxgk
// wrote; its value is the kind of workbook.
const Property = "xxgk"

// Kinds of workbook: the values of Property.
const (
	// Reports holds reports: their official tables, then FiguresSheet and
	// FindingsSheet. In it, an empty cell of a table is one the report did
	// not have, and FiguresSheet gives the figures read from the report's
	// prose. A reader reads one report; a workbook of several is refused.
	Reports = "reports"
	// Template is an empty official form, read back as any filled form.
	Template = "template"
	// Rollup sums many agencies' reports (汇总). Its sheets look like one
	// report's form, so a reader refuses it: read as a report, a roll-up
	// would count its agencies twice.
	Rollup = "rollup"
	// Comparison holds two years of an agency side by side (xxgk
	// compare): each cell of its forms is there three times (上年, 本年,
	// 增减), so a reader refuses it.
	Comparison = "comparison"
)

// FormName is the custom property, and the workbook-level defined name,
// that give a Template's form id (gov_2021).
const FormName = "xxgk_form"

// The sheets of a Reports workbook that are not official tables.
const (
	FiguresSheet  = "主要指标" // one row per figure, labelled as in templates.Figures
	FindingsSheet = "核查"   // the findings, which a reader finds again
)

// Columns of FiguresSheet, left to right.
const (
	FigureLabel  = iota // the figure's label (templates.Figures)
	FigureValue         // its number; empty when the report does not have it
	FigureUnit          // its unit
	FigureApprox        // Approx when the report gave it as approximate
	FigureSource        // how it was read, and the report's text
	FigureLine          // the report's line it was read from
)

// FiguresHeader is the header row of FiguresSheet.
var FiguresHeader = [...]string{
	FigureLabel: "指标", FigureValue: "数值", FigureUnit: "单位",
	FigureApprox: "约数", FigureSource: "来源", FigureLine: "行号",
}

// Approx marks an approximate figure in the FigureApprox column.
const Approx = "是"

// FindingsHeader is the header row of FindingsSheet. When the workbook
// holds several reports, a first column headed ReportColumn says whose
// each finding is.
var FindingsHeader = [...]string{"级别", "规则", "说明", "涉及指标", "行号", "原文"}

// ReportColumn heads the column of FindingsSheet naming the report of
// each finding, in a workbook of several reports.
const ReportColumn = "报告"

// FileLabel precedes a report's file name in the caption of its block of
// FiguresSheet (某区2025年 · 国办公开办函〔2021〕30号格式 · 文件：a.html): a
// workbook of several reports has one block, and one caption, per report.
const FileLabel = "文件："

// InstructionsSheet is the first sheet of a Template: 填表说明, and the
// cells where the agency and the year are typed once (beside the
// AgencyLabel and YearLabel cells). A reader takes the agency and the year
// from it and reads nothing else there: its instructions speak of the
// form's rows, and are no report's words.
const InstructionsSheet = "填表说明"

// The labels of the cells that say whose form it is and of which year, in
// a Template and in the workbooks xxgk writes from a report (填报单位：…).
// A clerk types the value after the label, in the same cell, or in the
// cell beside it.
const (
	AgencyLabel = "填报单位"
	YearLabel   = "报告年度"
)

// CheckLabel starts the rows of a Template that check its arithmetic as
// it is filled (核对：… 平衡 or 相差 3); a reader skips them.
const CheckLabel = "核对"
