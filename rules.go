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
	RuleTextUndecodable     = "text_undecodable"
	RuleTextNUL             = "text_nul"
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
	RuleTableRowWrapped     = "table_row_wrapped"
	RuleTableSplitUnsolved  = "table_split_unsolved"
	RuleTableMisaligned     = "table_misaligned"
	RuleTableBlankNotZero   = "table_blank_not_zero"
	RuleTableGroupRow       = "table_group_row"
	RuleTableSplitByProse   = "table_split_by_prose"
	RuleProseTableConflict  = "prose_table_conflict"
	RuleProseConflict       = "conflict"
	RuleFormNumberText      = "form_number_as_text"
	RuleFormNotNumber       = "form_not_number"
	RuleManualEdit          = "manual_edit"
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

// Rules of the comparison of two years (package compare), besides
// RuleCarryOver, which it shares with the audit.
const (
	RuleCompareAgency     = "compare_agency"
	RuleCompareYears      = "compare_years"
	RuleCompareForms      = "compare_forms"
	RuleCompareContinuity = "compare_continuity"
	RuleCompareSwing      = "compare_swing"
	RuleCompareUnmatched  = "compare_unmatched"
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
	{RuleTextUndecodable, SeverityInfo, "有无法解码的字节",
		"文件中有少量字节不是所用编码（UTF-8、GB18030 或 UTF-16）的文字，已显示为 �；文件可能不完整或混有其他编码，请核对原文中这些位置的数字。"},
	{RuleTextNUL, SeverityInfo, "有空字节",
		"文件中有空字节（NUL），多是复制或下载时损坏留下的：末尾的已去掉，正文中间的按空格读取，其余照常读取。"},
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
	{RuleTableRowWrapped, SeverityWarning, "一行的数字分在几行且合计不符",
		"表格一行的数字分在几行文字中，且与本行的合计不符：很可能是单元格内的数字换行被拆开（154 拆成 15 和 4），这一行未读取，请对照原文填写。"},
	{RuleTableValueCount, SeverityWarning, "数字个数与栏数不符",
		"表格一行中的数字个数与官方格式的栏数不符，这一行未读取，请对照原文填写。"},
	{RuleTableSplitUnsolved, SeverityWarning, "连写数字组合过多",
		"表格中几个数字连写在一起，可能的拆分太多，无法确定，这些格未读取，请对照原文填写。"},
	{RuleTableMisaligned, SeverityError, "表格各栏错位",
		"表格多数行的合计与各栏之和不符，各栏很可能与官方格式的顺序不同，整张表未读取。"},
	{RuleTableBlankNotZero, SeverityWarning, "空白格不作 0 计",
		"表格的空白格按 0 计算不符合勾稽关系（例如总计栏空白而分项有数），这些空白格不作 0 读取。"},
	{RuleTableSplitByProse, SeverityInfo, "连写数字按正文拆分",
		"表格中几个数字连写在一起，勾稽关系允许多种拆分，报告正文所述的数字只与其中一种相符，按这种拆分读取；数字的依据注明了表格和正文两处。"},
	{RuleTableGroupRow, SeverityWarning, "分项印成一行",
		"官方格式分为几项的一行（如2021年格式的“（六）其他处理”），报告只印了一行合计（如2019年格式）：按各分项之和读取，各分项未读取，请对照原文填写。"},
	{RuleProseTableConflict, SeverityWarning, "正文与统计表不一致",
		"正文所述的数字与统计表不一致，以统计表为准，请核对。"},
	{RuleProseConflict, SeverityWarning, "正文前后说法不一",
		"报告两处所述的同一数字不一致，取了本节所述或注明合计的一处；无法判断时两处都不取。"},
	{RuleFormNumberText, SeverityInfo, "数字以文本形式填写",
		"填报表中有的数字是以文本形式填写的（单元格设为文本，或用了全角数字、千位分隔符），已按数字读取。表格软件的合计公式不计文本，这些格所在的合计已按读取的数字重新计算。"},
	{RuleFormNotNumber, SeverityWarning, "填写的内容不是数字",
		"填报表中应填数字的格填写了不是数字的内容（如“约20”“二十”），无法读取：该格未读取，不按0计。请改为阿拉伯数字后重新报送。"},
	{RuleManualEdit, SeverityInfo, "人工修改",
		"这个数字是读取后由人工修改或补填的，原值（报告中读出的数）一并列出；核查按修改后的数字重新进行。"},

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

	{RuleCompareAgency, SeverityWarning, "两份报告的单位不同",
		"比较的两份报告不是同一单位的（或未能识别出单位），各项变化不是同一单位的变化，比较结果仅供参考。"},
	{RuleCompareYears, SeverityWarning, "两份报告不是相邻年度",
		"比较的两份报告年度相同、不相邻或未能识别，上年结转和表二衔接只在相邻两年之间核对，这次未核对。"},
	{RuleCompareForms, SeverityInfo, "部分格无法比较",
		"两年的报告格式不同：只比较两种格式共有的格和主要指标，对方格式没有的格单独列出，不作比较。"},
	{RuleCompareContinuity, SeverityInfo, "表二数字与上年不衔接",
		"本年表二的数字与上年报告推算的不一致（例如现行有效件数不等于上年现行有效件数加本年制发减本年废止）。文件清理、修订都可能造成差异，请核对。"},
	{RuleCompareSwing, SeverityInfo, "与上年相比变化较大",
		"这项数字比上年增加或减少一半以上，且变化量较大。请核对是否属实，或是否统计口径有变化。"},
	{RuleCompareUnmatched, SeverityInfo, "单位只在一个年度出现",
		"汇总比较中，这些单位只有其中一个年度的报告，不逐单位比较；两个年度的合计所含单位不同。"},
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
