package xxgk

// The catalogue of finding rules: every Finding.Rule that xxgk's code
// raises is one of these constants, and Rules describes each for people.
// The identities of the official forms (formats.json: t3_balance, …) are
// rules too; they are data, and package templates lists them beside these
// (templates.Rules).

// Rules of reading: what could not be read, or was read with a doubt.
const (
	RuleXLSXTruncated       = "xlsx_truncated"
	RuleHTMLFlattened       = "html_flattened"
	RuleBlankForm           = "blank_form"
	RuleNotReport           = "meta_not_report"
	RulePublishedMissing    = "meta_published_missing"
	RuleYearMissing         = "meta_year_missing"
	RuleYearInferred        = "meta_year_inferred"
	RuleYearConflict        = "meta_year_conflict"
	RuleYearFromBody        = "meta_year_from_body"
	RuleYearAfterPublished  = "meta_year_after_published"
	RuleAgencyMissing       = "meta_agency_missing"
	RuleAgencyInferred      = "meta_agency_inferred"
	RuleAgencyConflict      = "meta_agency_conflict"
	RuleTableSplitAmbiguous = "table_split_ambiguous"
	RuleTableSplitConflict  = "table_split_conflict"
	RuleTableValueCount     = "table_value_count"
	RuleTableSplitUnsolved  = "table_split_unsolved"
	RuleTableMisaligned     = "table_misaligned"
	RuleTableBlankNotZero   = "table_blank_not_zero"
	RuleProseTableConflict  = "prose_table_conflict"
	RuleProseConflict       = "conflict"
	RuleFormNumberText      = "form_number_as_text"
	RuleFormNotNumber       = "form_not_number"
)

// Rules of the audit (package check), besides the forms' identities.
const (
	RuleSubRow           = "subrow_le_parent"
	RuleFigureSubset     = "figure_subset"
	RuleFigureCumulative = "figure_cumulative"
	RuleCarryOver        = "carry_over"
)

// Rules of the roll-up (package rollup).
const (
	RuleRollupDuplicate   = "rollup_duplicate"
	RuleRollupYearUnknown = "rollup_year_unknown"
	RuleRollupOverflow    = "rollup_overflow"
	RuleRollupGroupSum    = "rollup_group_sum"
	RuleRollupNotReport   = "rollup_not_report"
	RuleRollupOutside     = "rollup_outside_roster"
	RuleRollupAmbiguous   = "rollup_roster_ambiguous"
)

// Rule describes one kind of finding.
type Rule struct {
	ID       string   // Finding.Rule
	Severity Severity // the severity its findings have
	Name     string   // a short Chinese name, shown to people instead of the id
	Meaning  string   // what it means and what to do about it, in Chinese
}

// rules is the catalogue, in the order people read it: reading, the
// audit, the roll-up.
var rules = []Rule{
	{RuleXLSXTruncated, SeverityWarning, "工作表过大，只读取了一部分",
		"工作表超过 10000 行或 256 列，只读取了前面的部分；其余内容没有读取，可能缺少数字。"},
	{RuleHTMLFlattened, SeverityInfo, "网页嵌套过深",
		"网页的标签嵌套超过 512 层（某些编辑器保存的网页会这样）：深处的标签已去掉，文字照常读取，那里的表格按文字读取。"},
	{RuleBlankForm, SeverityWarning, "空白表格",
		"统计表只有表头和行名，没有填写任何数字，按空白表格处理，不读取数据。"},
	{RuleNotReport, SeverityWarning, "不是年度报告",
		"标题表明这是通知、函、办法等其他文件，不是政府信息公开工作年度报告，不读取其中的数字。"},
	{RulePublishedMissing, SeverityInfo, "未找到发布日期",
		"报告中没有找到发布日期。"},
	{RuleYearMissing, SeverityWarning, "未能确定年度",
		"报告所属年度无法确定：这份报告不计入任何年度的汇总，请核对后注明年度。"},
	{RuleYearInferred, SeverityInfo, "年度按发布日期推断",
		"报告未写明所属年度，按发布日期推断为发布前一年。"},
	{RuleYearConflict, SeverityWarning, "年度说法不一",
		"标题、统计期限、正文或统计表所写的年度不一致，已按最可靠的一处取年度，请核对。"},
	{RuleYearFromBody, SeverityInfo, "年度取自正文",
		"报告没有标题年份和统计期限，年度按正文所述推断。"},
	{RuleYearAfterPublished, SeverityWarning, "年度晚于发布日期",
		"报告年度晚于发布日期，年度或发布日期可能有误。"},
	{RuleAgencyMissing, SeverityWarning, "未能确定发布机关",
		"标题、落款和正文中均未找到机关名称。"},
	{RuleAgencyInferred, SeverityInfo, "机关名称取自正文",
		"报告标题和落款未写明机关，机关名称取自正文或网页。"},
	{RuleAgencyConflict, SeverityInfo, "落款机关与报告机关不一致",
		"落款的机关与标题所写的机关不同，请核对。"},
	{RuleTableSplitAmbiguous, SeverityWarning, "连写数字无法唯一拆分",
		"表格中几个数字连写在一起，勾稽关系允许多种拆分，无法确定的格未读取，请对照原文填写。"},
	{RuleTableSplitConflict, SeverityWarning, "连写数字不符合勾稽关系",
		"表格中几个数字连写在一起，没有一种拆分能符合勾稽关系，这些格未读取，请对照原文填写。"},
	{RuleTableValueCount, SeverityWarning, "数字个数与栏数不符",
		"表格一行中的数字个数与官方格式的栏数不符，这一行未读取，请对照原文填写。"},
	{RuleTableSplitUnsolved, SeverityWarning, "连写数字组合过多",
		"表格中几个数字连写在一起，可能的拆分太多，无法确定，这些格未读取，请对照原文填写。"},
	{RuleTableMisaligned, SeverityError, "表格各栏错位",
		"表格多数行的合计与各栏之和不符，各栏很可能与官方格式的顺序不同，整张表未读取。"},
	{RuleTableBlankNotZero, SeverityWarning, "空白格不作 0 计",
		"表格的空白格按 0 计算不符合勾稽关系（例如总计栏空白而分项有数），这些空白格不作 0 读取。"},
	{RuleProseTableConflict, SeverityWarning, "正文与统计表不一致",
		"正文所述的数字与统计表不一致，以统计表为准，请核对。"},
	{RuleProseConflict, SeverityWarning, "正文前后说法不一",
		"报告两处所述的同一数字不一致，取了本节所述或注明合计的一处；无法判断时两处都不取。"},
	{RuleFormNumberText, SeverityInfo, "数字以文本形式填写",
		"填报表中有的数字是以文本形式填写的（单元格设为文本，或用了全角数字、千位分隔符），已按数字读取。表格软件的合计公式不计文本，这些格所在的合计已按读取的数字重新计算。"},
	{RuleFormNotNumber, SeverityWarning, "填写的内容不是数字",
		"填报表中应填数字的格填写了不是数字的内容（如“约20”“二十”），无法读取：该格未读取，不按0计。请改为阿拉伯数字后重新报送。"},

	{RuleSubRow, SeverityWarning, "其中项大于所属项",
		"表格中“其中”一行的数字大于它所属的一行。"},
	{RuleFigureSubset, SeverityWarning, "分项大于总数",
		"正文所述的分项数字大于总数（例如予以公开数大于办结总数）。"},
	{RuleFigureCumulative, SeverityWarning, "可能是累计数",
		"正文的这个数字所在的句子说“累计”“历年”而没有写明年度，可能不是本年的数字。"},
	{RuleCarryOver, SeverityError, "上年结转与上年报告不符",
		"本年的“上年结转”与上一年度报告的“结转下年度继续办理”不一致。"},

	{RuleRollupDuplicate, SeverityWarning, "同一单位同一年度重复",
		"同一单位同一年度的报告出现不止一份（例如网页和表格各一份），只计入一份；各份数字不同时列出不同的指标。"},
	{RuleRollupYearUnknown, SeverityWarning, "年度未识别，未计入合计",
		"报告的年度无法确定，单列在“年度未识别”部分，不计入任何年度的合计。"},
	{RuleRollupOverflow, SeverityError, "合计超出范围",
		"合计超出可计算的范围（某份报告的数字明显有误），未给出合计。"},
	{RuleRollupGroupSum, SeverityWarning, "汇总报告与下属单位之和不符",
		"分组单位本身的报告与其余单位之和不一致，可能是口径不同，或某份报告有误。"},
	{RuleRollupNotReport, SeverityWarning, "非年度报告，未计入汇总",
		"文件是通知、函、空白统计表等，不是单位的政府信息公开工作年度报告：列为非年度报告，不计入单位数、合计和报送情况。"},
	{RuleRollupOutside, SeverityWarning, "单位不在名单中",
		"报告的单位与应报送单位名单中的任何单位都对不上：列为名单外的报告，数字计入合计。请核对单位名称，或把单位补入名单。"},
	{RuleRollupAmbiguous, SeverityWarning, "单位对应名单中多个单位",
		"报告的单位名称可以对应名单中的多个单位（例如名单只写简称），无法确定是哪一个，不作猜测：列为名单外的报告，数字计入合计。请在名单中写出全称。"},
}

// Rules returns the catalogue of the rules xxgk's code raises, in the order
// people read it. The forms' identities are listed by templates.Rules.
func Rules() []Rule { return rules }

// RuleByID returns the rule with the given id from the catalogue.
func RuleByID(id string) (Rule, bool) {
	for _, r := range rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
