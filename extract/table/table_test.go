package table_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk"
	"xxgk/load"
	"xxgk/parse"
	"xxgk/templates"
)

func parseString(t *testing.T, name, text string) *xxgk.Report {
	t.Helper()
	r, err := parse.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func wantCell(t *testing.T, r *xxgk.Report, key, value string, blank bool) {
	t.Helper()
	v, ok := r.Cells[key]
	if !ok {
		t.Errorf("%s missing", key)
		return
	}
	if !v.Value.Equal(xxgk.MustNumber(value)) || v.Blank != blank {
		t.Errorf("%s = %s (blank %v), want %s (blank %v)", key, v.Value, v.Blank, value, blank)
	}
}

const t3Head = `<p>三、收到和处理政府信息公开申请情况</p><table>
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
`

// t3Rows renders table 三's first rows with the given cells after each label.
func t3HTML(rows map[string]string) string {
	var b strings.Builder
	b.WriteString("<html><body><p>某县2023年政府信息公开工作年度报告</p>" + t3Head)
	for _, label := range []string{"一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"} {
		b.WriteString(`<tr><td colspan="3">` + label + "</td>" + rows[label] + "</tr>\n")
	}
	b.WriteString(`<tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>` + rows["（一）予以公开"] + "</tr>\n")
	b.WriteString(`<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>` + rows["（二）部分公开"] + "</tr>\n")
	b.WriteString(`<tr><td colspan="2">（七）总计</td>` + rows["（七）总计"] + "</tr>\n")
	b.WriteString(`<tr><td colspan="3">四、结转下年度继续办理</td>` + rows["四、结转下年度继续办理"] + "</tr>\n")
	b.WriteString("</table></body></html>")
	return b.String()
}

func cells(vals ...string) string {
	var b strings.Builder
	for _, v := range vals {
		b.WriteString("<td>" + v + "</td>")
	}
	return b.String()
}

func TestGridRowspanColspanAndBlankCells(t *testing.T) {
	r := parseString(t, "t3.html", t3HTML(map[string]string{
		"一、本年新收政府信息公开申请数量": cells("5", "1", "", "", "", "", "6"),
		"二、上年结转政府信息公开申请数量": cells("0", "", "", "", "", "", "0"),
		"（一）予以公开":          cells("3", "1", "", "", "", "", "4"),
		"（二）部分公开":          cells("1", "&nbsp;", "", "", "", "", "1"),
		"（七）总计":            cells("4", "1", "", "", "", "", "5"),
		"四、结转下年度继续办理":      cells("1", "", "", "", "", "", "1"),
	}))
	if r.Form != "gov_2021" && r.Form != "gov_2019" {
		t.Fatalf("form %q", r.Form)
	}
	p := r.Form + ".t3_requests."
	wantCell(t, r, p+"new_received.natural_person", "5", false)
	wantCell(t, r, p+"new_received.commercial_enterprise", "1", false)
	wantCell(t, r, p+"new_received.research_institution", "0", true)
	wantCell(t, r, p+"new_received.total", "6", false)
	wantCell(t, r, p+"partially_granted.commercial_enterprise", "0", true)
	wantCell(t, r, p+"results_total.total", "5", false)
	wantCell(t, r, p+"carried_to_next_year.natural_person", "1", false)
	if got := r.Figures["requests.received"]; !got.Value.Equal(xxgk.Int(6)) {
		t.Errorf("requests.received = %v", got.Value)
	}
}

func TestSeparatedNumberIsNeverSplit(t *testing.T) {
	// One cell per line, and the row lost a cell: six numbers for seven
	// columns. "10" stands alone on its line, so it is one cell: it must not
	// be split into 1 and 0 to fill the gap, though the identities would hold.
	lines := []string{"某县2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "法人或其他组织", "总计",
		"一、本年新收政府信息公开申请数量", "10", "0", "0", "0", "0", "1",
		"二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0",
		"三、本年度办理结果", "（一）予以公开", "1", "0", "0", "0", "0", "0", "1",
		"（七）总计", "1", "0", "0", "0", "0", "0", "1", "四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0"}
	r := parseString(t, "t3.txt", strings.Join(lines, "\n")+"\n")
	for k, v := range r.Cells {
		if strings.Contains(k, ".new_received.") {
			t.Errorf("%s = %s read from a row with a missing cell", k, v.Value)
		}
	}
	if !hasFinding(r, xxgk.RuleTableValueCount) {
		t.Errorf("no %s finding: %+v", xxgk.RuleTableValueCount, r.Findings)
	}
	wantCell(t, r, r.Form+".t3_requests.granted.total", "1", false)
}

func TestBlankTotalColumnIsNotZero(t *testing.T) {
	// Some reports leave the 总计 column empty (Shanghai 2019): a blank is
	// then not a zero.
	r := parseString(t, "t3.html", t3HTML(map[string]string{
		"一、本年新收政府信息公开申请数量": cells("5", "1", "0", "0", "0", "0", ""),
		"二、上年结转政府信息公开申请数量": cells("0", "0", "0", "0", "0", "0", ""),
		"（一）予以公开":          cells("3", "1", "0", "0", "0", "0", ""),
		"（二）部分公开":          cells("1", "0", "0", "0", "0", "0", ""),
		"（七）总计":            cells("4", "1", "0", "0", "0", "0", ""),
		"四、结转下年度继续办理":      cells("1", "0", "0", "0", "0", "0", ""),
	}))
	p := r.Form + ".t3_requests."
	for _, row := range []string{"new_received", "granted", "partially_granted", "results_total", "carried_to_next_year"} {
		if v, ok := r.Cells[p+row+".total"]; ok {
			t.Errorf("%s.total = %s, a blank read as 0", row, v.Value)
		}
	}
	wantCell(t, r, p+"carried_over.total", "0", true) // 0 = 0+0+…: consistent
	wantCell(t, r, p+"new_received.natural_person", "5", false)
	if !hasFinding(r, "table_blank_not_zero") {
		t.Error("no table_blank_not_zero finding")
	}
	if _, ok := r.Figures["requests.received"]; ok {
		t.Error("requests.received derived from a blank total")
	}
}

func TestBlankTableIsABlankForm(t *testing.T) {
	r := parseString(t, "t3.html", t3HTML(map[string]string{}))
	if len(r.Cells) != 0 {
		t.Errorf("%d cells from an empty form", len(r.Cells))
	}
	if !hasFinding(r, "blank_form") {
		t.Error("no blank_form finding")
	}
}

// statText is a stat_2014 table in the one-cell-per-line layout of seed 002.
const statText = `2016年度政府信息公开情况统计表
统计指标
单位
统计数
一、主动公开情况
(一)主动公开政府信息数
(不同渠道和方式公开相同信息计1条)
13,100
其中:主动公开规范性文件数
１２
三、依申请公开情况
(一)收到申请数
139
1﹒当面申请数
0
七、依申请公开信息收取的费用
万元
0.0251
八、机构建设和保障经费情况
(三)从事政府信息公开工作人员数
5
1专职人员数(不包括政府公报及政府网站工作人员数)
1
2﹒兼职人员数
4
(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)
万元
九、政府信息公开会议和培训情况
(一)召开政府信息公开工作会议或专题会议数
3
`

func TestOneCellPerLine(t *testing.T) {
	r := parseString(t, "stat.txt", "崇川区2016年政府信息公开工作年度报告\n"+statText)
	if r.Form != "stat_2014" {
		t.Fatalf("form %q", r.Form)
	}
	p := "stat_2014.stat."
	wantCell(t, r, p+"proactive_total.value", "13100", false)       // thousands separator, note line with its 1
	wantCell(t, r, p+"proactive_normative_docs.value", "12", false) // full-width digits
	wantCell(t, r, p+"request_fees.value", "0.0251", false)         // a unit line before the value
	wantCell(t, r, p+"staff_fulltime.value", "1", false)            // bare numbering 1专职…
	wantCell(t, r, p+"staff_total.value", "5", false)               // not 51
	if _, ok := r.Cells[p+"special_funds.value"]; ok {
		t.Error("专项经费 has a unit and no number: it must be absent, not the next number")
	}
	if v := r.Figures["fees.collected_yuan"]; !v.Value.Equal(xxgk.Int(251)) || v.Unit != "元" {
		t.Errorf("fees.collected_yuan = %s %s, want 251 元", v.Value, v.Unit)
	}
	if _, ok := r.Figures["funds.special_yuan"]; ok {
		t.Error("funds.special_yuan present")
	}
}

func TestCellsWithUnitsDecimalsAndSigns(t *testing.T) {
	text := "某区2019年政府信息公开工作年度报告\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n" +
		"行政许可\t12\t-185\t1,024\n其他对外管理服务事项\t0\t0\t0\n" +
		"第二十条第（八）项\n信息内容\t上一年项目数量\t本年增/减\n行政事业性收费\t5\t0\n" +
		"第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t3\t251000元\n"
	r := parseString(t, "t2.txt", text)
	if r.Form != "gov_2019" {
		t.Fatalf("form %q", r.Form)
	}
	wantCell(t, r, "gov_2019.t2_art20_5.admin_licensing.change_this_year", "-185", false)
	wantCell(t, r, "gov_2019.t2_art20_5.admin_licensing.decisions", "1024", false)
	wantCell(t, r, "gov_2019.t2_art20_9.gov_centralized_procurement.procurement_amount", "251000", false)
}

func TestRunTogetherCellsSplitOnlyWhenUnique(t *testing.T) {
	// From the page text of pingtan 2025: table 三 rows split uniquely by
	// 总计 = the sum of the columns; table 二's 行政规范性文件5845546 has no
	// identity and is left out with a finding.
	text := "平潭综合实验区2025年度政府信息公开工作年度报告\n二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件5845546" +
		"第二十条第（五）项信息内容本年处理决定数量行政许可2418" +
		"三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益 组织 法律服务 机构 其他" +
		"一、本年新收政府信息公开申请数量15130000154二、上年结转政府信息公开申请数量0000000三、本年度办 理结果 （一）予以公开330000033（二）部分公开（区分处理的，只计这一情形，不计其他情形）380000038" +
		"（七）总计14710000148四、结转下年度继续办理4200006四、政府信息公开行政复议、行政诉讼情况\n"
	r := parseString(t, "run.txt", text)
	p := "gov_2021.t3_requests."
	wantCell(t, r, p+"new_received.natural_person", "151", false)
	wantCell(t, r, p+"new_received.commercial_enterprise", "3", false)
	wantCell(t, r, p+"new_received.total", "154", false)
	wantCell(t, r, p+"results_total.natural_person", "147", false)
	wantCell(t, r, p+"carried_to_next_year.commercial_enterprise", "2", false)
	wantCell(t, r, "gov_2021.t2_art20_5.admin_licensing.decisions_this_year", "2418", false)
	wantCell(t, r, "gov_2021.t2_art20_1.rules.in_force", "0", false)
	for _, col := range []string{"issued_this_year", "repealed_this_year", "in_force"} {
		if v, ok := r.Cells["gov_2021.t2_art20_1.admin_normative_docs."+col]; ok {
			t.Errorf("%s = %s from an ambiguous run", col, v.Value)
		}
	}
	if !hasFinding(r, xxgk.RuleTableSplitAmbiguous) && !hasFinding(r, xxgk.RuleTableSplitUnsolved) {
		t.Errorf("no split finding: %+v", r.Findings)
	}
	// 330000033 splits as 33|…|33 or 3|30|…|33; without the other result
	// rows no identity decides, so the row is left out rather than guessed.
	if v, ok := r.Cells[p+"granted.natural_person"]; ok {
		t.Errorf("granted.natural_person = %s from an undecided split", v.Value)
	}
}

func TestProseYieldsNoCells(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/reports/seed-00[0134].txt")
	files = append(files, "../../testdata/reports/pingtan-2014-letter.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := parse.Parse(f, data)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Cells) != 0 || r.Form != xxgk.FormNarrative {
			t.Errorf("%s: form %s with %d cells from a narrative report", f, r.Form, len(r.Cells))
		}
	}
	r := parseString(t, "prose.txt", "某区2016年政府信息公开工作年度报告\n一、主动公开情况\n全年共收到申请数12件，其中当面申请数3件，网络申请数9件。申请办结数12件，按时办结数12件。行政复议数量0件。\n")
	if len(r.Cells) != 0 {
		t.Errorf("cells from prose: %v", r.Cells)
	}
}

func TestMisalignedColumnsAreRefused(t *testing.T) {
	// A local variant with 总计 first: read in the template's order, every
	// row breaks 总计 = the sum of the other columns.
	row := cells("6", "5", "1", "0", "0", "0", "0")
	r := parseString(t, "t3.html", t3HTML(map[string]string{
		"一、本年新收政府信息公开申请数量": row,
		"二、上年结转政府信息公开申请数量": cells("2", "1", "1", "0", "0", "0", "0"),
		"（一）予以公开":          cells("4", "3", "1", "0", "0", "0", "0"),
		"（二）部分公开":          cells("3", "2", "1", "0", "0", "0", "0"),
		"（七）总计":            cells("7", "5", "2", "0", "0", "0", "0"),
		"四、结转下年度继续办理":      cells("1", "1", "0", "0", "0", "0", "0"),
	}))
	for k, v := range r.Cells {
		if strings.Contains(k, ".t3_requests.") {
			t.Errorf("%s = %s read from a misaligned table", k, v.Value)
		}
	}
	if !hasFinding(r, xxgk.RuleTableMisaligned) {
		t.Error("no table_misaligned finding")
	}
}

func hasFinding(r *xxgk.Report, rule string) bool {
	for _, f := range r.Findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// deptPage is a gov_2021 report in the shape of the 平潭 department page
// texts: the body on one line, every table flattened, rows given as the
// text printed after each label (t3 by row key; the rest zeros).
func deptPage(t3 map[string]string, t4 string) string {
	var b strings.Builder
	b.WriteString("某局2023年度政府信息公开工作年度报告\n一、总体情况2023年，我局认真落实《条例》。" +
		"二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件000" +
		"第二十条第（五）项信息内容本年处理决定数量行政许可0第二十条第（六）项信息内容本年处理决定数量行政处罚0行政强制0" +
		"第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0" +
		"三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他")
	f := templates.FormByID("gov_2021")
	for _, r := range f.Table("t3_requests").Rows {
		label := r.Label
		if r.Key == "results" {
			label = "三、本年度办理结果"
		}
		b.WriteString(label)
		if !r.IsGroup {
			if v, ok := t3[r.Key]; ok {
				b.WriteString(v)
			} else {
				b.WriteString("0000000")
			}
		}
	}
	b.WriteString("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉" +
		"结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计" + t4 +
		"五、存在的主要问题及改进情况无。六、其他需要报告的事项无。\n")
	return b.String()
}

func wantRow(t *testing.T, r *xxgk.Report, table, row string, values ...string) {
	t.Helper()
	tab := templates.FormByID(r.Form).Table(table)
	for i, c := range tab.DataColumns() {
		wantCell(t, r, tab.CellKey(row, c.Key), values[i], false)
	}
}

func TestCellNeverStartsWithZero(t *testing.T) {
	// Class 1: 00 is 0|0 and 01 is 0|1, so a run of digits with as many
	// digits as cells is read one digit a cell, whatever the spaces.
	r := parseString(t, "dept.txt", deptPage(map[string]string{
		"new_received":  "10 0 0 0 01",    // 10 → 1|0, 01 → 0|1
		"carried_over":  " 0 00 0 0 0 0 ", // 00 → 0|0
		"granted":       "1 0 0 0 0 01",
		"results_total": "10 0 0 0 01",
	}, "0 00 0 0 00 0 0 0 00 0 0 0"))
	wantRow(t, r, "t3_requests", "new_received", "1", "0", "0", "0", "0", "0", "1")
	wantRow(t, r, "t3_requests", "carried_over", "0", "0", "0", "0", "0", "0", "0")
	wantRow(t, r, "t3_requests", "granted", "1", "0", "0", "0", "0", "0", "1")
	wantRow(t, r, "t4_review_litigation", "count", strings.Fields(strings.Repeat("0 ", 15))...)
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Rule, "table_") {
			t.Errorf("finding %s: %s", f.Rule, f.Message)
		}
	}
}

func TestLeadingZeroLeavesNoCell(t *testing.T) {
	// A token 05 is never the cell 5: with as many tokens as cells, the
	// row cannot be read.
	r := parseString(t, "dept.txt", deptPage(map[string]string{"granted": "05 0 0 0 0 0 5"}, "000000000000000"))
	for k, v := range r.Cells {
		if strings.Contains(k, ".granted.") {
			t.Errorf("%s = %s read from 05", k, v.Value)
		}
	}
	if !hasFinding(r, xxgk.RuleTableValueCount) {
		t.Errorf("no %s finding", xxgk.RuleTableValueCount)
	}
}

func TestSpacesAreNotAlwaysCellBoundaries(t *testing.T) {
	// Class 2: fewer tokens than cells. A token parted by single spaces
	// may hold several cells, split by the leading-zero rule and the row's
	// identities where that leaves one split.
	r := parseString(t, "dept.txt", deptPage(map[string]string{
		"new_received":      "30 0 0 00 3",
		"granted":           "1400000 14", // 14|0|0|0|0|0 or 1|40|0|0|0|0: 总计 14 decides
		"unable_not_held":   "16 0 0 0 0 0 16",
		"results_total":     "30 0 0 0 0 0 30",
		"partially_granted": "0 0 0 0 0 0 0 ",
	}, "000000000000000"))
	wantRow(t, r, "t3_requests", "new_received", "3", "0", "0", "0", "0", "0", "3")
	wantRow(t, r, "t3_requests", "granted", "14", "0", "0", "0", "0", "0", "14")
	wantRow(t, r, "t3_requests", "unable_not_held", "16", "0", "0", "0", "0", "0", "16")
	wantRow(t, r, "t3_requests", "partially_granted", "0", "0", "0", "0", "0", "0", "0")
}

func TestSpacedDigitsStayWholeWithoutIdentities(t *testing.T) {
	// Table 二 has no identity: 5 12 for three cells may be 5, an empty
	// cell and 12; splitting 12 into 1|2 would be a guess.
	text := strings.Replace(deptPage(nil, "000000000000000"), "行政规范性文件000", "行政规范性文件5 12", 1)
	r := parseString(t, "dept.txt", text)
	for k, v := range r.Cells {
		if strings.Contains(k, ".admin_normative_docs.") {
			t.Errorf("%s = %s from 5 12", k, v.Value)
		}
	}
	wantRow(t, r, "t2_art20_1", "rules", "0", "0", "0")
}

func TestRowsReadByTheirOwnIdentities(t *testing.T) {
	// Class 3: the 总计 row says 34 where the result rows sum to 39, and
	// table 四's 总计 is 0 beside a non-zero part. Each row is still read
	// where its own identity leaves one split, and the audit says the
	// report's numbers disagree.
	text := deptPage(map[string]string{
		"new_received":      "340000034",
		"granted":           "330000033", // 33|0|…|33 or 3|30|…|33: no identity across rows may decide
		"partially_granted": "6000006",
		"results_total":     "340000034",
	}, "100000000000000")
	r, err := load.Report("dept.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	wantRow(t, r, "t3_requests", "new_received", "34", "0", "0", "0", "0", "0", "34")
	wantRow(t, r, "t3_requests", "results_total", "34", "0", "0", "0", "0", "0", "34")
	wantRow(t, r, "t3_requests", "partially_granted", "6", "0", "0", "0", "0", "0", "6")
	wantCell(t, r, "gov_2021.t3_requests.granted.total", "33", false)
	if v, ok := r.Cells["gov_2021.t3_requests.granted.natural_person"]; ok {
		t.Errorf("granted.natural_person = %s: chosen by identities the report breaks", v.Value)
	}
	wantRow(t, r, "t4_review_litigation", "count", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0")
	for _, rule := range []string{"t4_review_total", "t3_results_total"} {
		found := false
		for _, f := range r.Findings {
			if f.Rule == rule && f.Severity == xxgk.SeverityError {
				found = true
			}
		}
		if !found {
			t.Errorf("no error finding %s", rule)
		}
	}
	if hasFinding(r, xxgk.RuleTableMisaligned) {
		t.Error("table refused as misaligned")
	}
}

func TestRowsThereButMissed(t *testing.T) {
	// Class 4: labels printed with characters dropped, swapped or changed
	// (bound by their place between the rows found), a header cell split
	// by a space.
	values := map[string]string{"denied_prohibited_by_law": "1000001", "denied_internal_affairs": "2000002", "denied_admin_query": "1000001",
		"new_received": "4000004", "results_total": "4000004"}
	for _, c := range []struct{ label, printed string }{
		{"2.其他法律行政法规禁止公开", "2.其他法律法规禁止公开"},
		{"2.其他法律行政法规禁止公开", "2.其他法律行政法规公开禁止"},
		{"5.属于三类内部事务信息", "5.属于三类内部事物信息"},
		{"8.属于行政查询事项", "8.属于行政查询事物"}, // before the next group's label
		{"（七）总计", "（七）总 计"},
	} {
		t.Run(c.printed, func(t *testing.T) {
			r := parseString(t, "dept.txt", strings.Replace(deptPage(values, "000000000000000"), c.label, c.printed, 1))
			if len(r.Cells) != 200 {
				t.Errorf("%d cells, want 200", len(r.Cells))
			}
			wantRow(t, r, "t3_requests", "denied_state_secret", "0", "0", "0", "0", "0", "0", "0")
			wantRow(t, r, "t3_requests", "denied_prohibited_by_law", "1", "0", "0", "0", "0", "0", "1")
			wantRow(t, r, "t3_requests", "denied_internal_affairs", "2", "0", "0", "0", "0", "0", "2")
			wantRow(t, r, "t3_requests", "denied_admin_query", "1", "0", "0", "0", "0", "0", "1")
			wantRow(t, r, "t3_requests", "results_total", "4", "0", "0", "0", "0", "0", "4")
		})
	}
	// A label unlike the template's stays unread, and so does a short one.
	r := parseString(t, "dept.txt", strings.Replace(deptPage(values, "000000000000000"), "2.其他法律行政法规禁止公开", "2.涉及商业秘密", 1))
	if v, ok := r.Cells["gov_2021.t3_requests.denied_prohibited_by_law.total"]; ok {
		t.Errorf("denied_prohibited_by_law.total = %s from another label", v.Value)
	}
}

func TestLastRowRunIntoTheNextHeading(t *testing.T) {
	// Class 4: 结转下年度继续办理 0 0 0 0 0 0 0四、行政复议… with the heading
	// worded otherwise and a sentence before table 四; sentences between
	// the other headings and their tables; a sentence glued after the last
	// value of a table, with the year (…02025年，我局…).
	page := deptPage(map[string]string{"new_received": "2000002", "carried_to_next_year": "2000002"}, "000000000000000")
	page = strings.Replace(page, "四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议与行政诉讼情况2023年，未有政府信息公开行政复议及行政诉讼有关情况。", 1)
	page = strings.Replace(page, "行政事业性收费0", "行政事业性收费02023年，我局主动公开政府信息395条。", 1)
	page = strings.Replace(page, "五、存在的主要问题及改进情况", "五、存在的主要问题及明年工作计划", 1)
	// Sentences between the other headings and their tables.
	page = strings.Replace(page, "二、主动公开政府信息情况", "二、主动公开政府信息情况2023年，主动公开政府信息121条，其中规范性文件类8条。", 1)
	page = strings.Replace(page, "三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请情况2023年，共收到政府信息公开申请2条。", 1)
	r := parseString(t, "dept.txt", page)
	wantRow(t, r, "t3_requests", "carried_to_next_year", "2", "0", "0", "0", "0", "0", "2")
	wantRow(t, r, "t4_review_litigation", "count", strings.Fields(strings.Repeat("0 ", 15))...)
	wantCell(t, r, "gov_2021.t2_art20_8.admin_fees.fees_this_year", "0", false)
	if len(r.Cells) != 200 {
		t.Errorf("%d cells, want 200", len(r.Cells))
	}
}

func TestTable4HeaderWithoutRowSpans(t *testing.T) {
	// Class 4: table 四 with 行政复议's labels in the second row, blank
	// cells under them in the third (where 行政诉讼's sub-labels are) and
	// the 15 values in the fourth.
	five := cells("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
	zero := cells("0", "0", "0", "0", "0", "0", "0")
	t3 := strings.TrimSuffix(t3HTML(map[string]string{"一、本年新收政府信息公开申请数量": zero, "二、上年结转政府信息公开申请数量": zero,
		"（一）予以公开": zero, "（二）部分公开": zero, "（七）总计": zero, "四、结转下年度继续办理": zero}), "</body></html>")
	html := t3 + "<p>四、政府信息公开行政复议、行政诉讼情况</p><table>" +
		`<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>` +
		"<tr>" + five + `<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>` +
		"<tr>" + cells("", "", "", "", "") + five + five + "</tr>" +
		"<tr>" + cells(strings.Fields("1 0 0 0 1 0 0 0 0 0 2 0 0 0 2")...) + "</tr></table>" +
		"<p>五、存在的主要问题及改进情况</p></body></html>"
	r := parseString(t, "t4.html", html)
	wantRow(t, r, "t4_review_litigation", "count", strings.Fields("1 0 0 0 1 0 0 0 0 0 2 0 0 0 2")...)
}

func TestGroupPrintedAsOneRow(t *testing.T) {
	// Class 4: a 2021-form report prints （六）其他处理 as one row, as the
	// 2019 form did: it is read into the group row, the 2019 key, with a
	// finding, and gives the figure 其他处理.
	page := deptPage(map[string]string{"new_received": "5000005", "granted": "3000003", "results_total": "5000005"}, "000000000000000")
	i, j := strings.Index(page, "（六）其他处理"), strings.Index(page, "（七）总计")
	r := parseString(t, "dept.txt", page[:i]+"（六）其他处理2000002"+page[j:])
	wantRow(t, r, "t3_requests", "other_handling", "2", "0", "0", "0", "0", "0", "2")
	for k := range r.Cells {
		if strings.Contains(k, ".other_no_correction_overdue.") || strings.Contains(k, ".other_other.") {
			t.Errorf("%s read from a report without the sub-rows", k)
		}
	}
	if v := r.Figures["requests.other"]; !v.Value.Equal(xxgk.Int(2)) {
		t.Errorf("requests.other = %v, want 2", v.Value)
	}
	if !hasFinding(r, xxgk.RuleTableGroupRow) {
		t.Errorf("no %s finding", xxgk.RuleTableGroupRow)
	}
	if len(r.Cells) != 200-21+7 {
		t.Errorf("%d cells, want %d", len(r.Cells), 200-21+7)
	}
}

func TestHeaderCellSplitBySpace(t *testing.T) {
	// Class 4: 总 计 in the header and in the row label, however spaced.
	zero := cells("0", "0", "0", "0", "0", "0", "0")
	one := cells("1", "0", "0", "0", "0", "0", "1")
	h := t3HTML(map[string]string{"一、本年新收政府信息公开申请数量": one, "二、上年结转政府信息公开申请数量": zero,
		"（一）予以公开": one, "（二）部分公开": zero, "（七）总计": one, "四、结转下年度继续办理": zero})
	for _, v := range []string{"总 计", "总  计", "总　计", "总&nbsp;&nbsp;计"} {
		x := strings.Replace(h, `<td rowspan="2">总计</td>`, `<td rowspan="2">`+v+`</td>`, 1)
		r := parseString(t, "t3.html", strings.Replace(x, `（七）总计`, `（七）`+v, 1))
		if len(r.Cells) != 42 {
			t.Errorf("%s: %d cells, want 42", v, len(r.Cells))
		}
		wantCell(t, r, r.Form+".t3_requests.results_total.total", "1", false)
	}
	text := "某县2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况  自然人  法人或其他组织  总  计\n" +
		"一、本年新收政府信息公开申请数量  1  0  0  0  0  0  1\n二、上年结转政府信息公开申请数量  0  0  0  0  0  0  0\n" +
		"（一）予以公开  1  0  0  0  0  0  1\n（七）总  计  1  0  0  0  0  0  1\n四、结转下年度继续办理  0  0  0  0  0  0  0\n"
	r := parseString(t, "t3.txt", text)
	if len(r.Cells) != 35 {
		t.Errorf("text: %d cells, want 35", len(r.Cells))
	}
	wantCell(t, r, r.Form+".t3_requests.results_total.total", "1", false)
}

func TestProseSettlesARun(t *testing.T) {
	// Class 5: 行政规范性文件1203 splits as 1|20|3 or 12|0|3, and table 二
	// has no identity; the report says it issued 12, which only 12|0|3
	// agrees with. 97253 splits six ways, three of them with 9 issued: the
	// sentence does not decide it, and the cells stay out.
	for _, c := range []struct {
		run, sentence string
		want          []string // "" for a cell left out
	}{
		{"1203", "制发行政规范性文件12件", []string{"12", "0", "3"}},
		{"97253", "制发行政规范性文件9件", []string{"", "", ""}},
		{"1203", "主动公开规范性文件类信息12条", []string{"", "", "3"}}, // not the count of documents
	} {
		page := strings.Replace(deptPage(nil, "000000000000000"), "行政规范性文件000", "行政规范性文件"+c.run, 1)
		page = strings.Replace(page, "我局认真落实《条例》。", "我局认真落实《条例》，全年"+c.sentence+"。", 1)
		r := parseString(t, "dept.txt", page)
		tab := templates.FormByID("gov_2021").Table("t2_art20_1")
		for i, col := range tab.DataColumns() {
			k := tab.CellKey("admin_normative_docs", col.Key)
			if v, ok := r.Cells[k]; c.want[i] == "" && ok {
				t.Errorf("%s: %s = %s", c.sentence, k, v.Value)
			} else if c.want[i] != "" {
				wantCell(t, r, k, c.want[i], false)
			}
		}
		settled := c.want[0] != ""
		if hasFinding(r, xxgk.RuleTableSplitByProse) != settled || hasFinding(r, xxgk.RuleTableSplitAmbiguous) == settled {
			t.Errorf("%s: findings %v", c.sentence, r.Findings)
		}
		if !settled {
			continue
		}
		v := r.Cells["gov_2021.t2_art20_1.admin_normative_docs.in_force"]
		if !strings.Contains(v.Text, c.run) || !strings.Contains(v.Text, c.sentence) {
			t.Errorf("evidence %q names not both the table and the sentence", v.Text)
		}
		if f := r.Figures["proactive.normative_docs"]; !f.Value.Equal(xxgk.Int(12)) || f.Method != xxgk.MethodTable {
			t.Errorf("proactive.normative_docs = %v", f)
		}
	}
}

func TestSignWrittenAsAWord(t *testing.T) {
	// 本年增/减 printed as a word: 16减12 is 16 and -12, 增5 is 5. Elsewhere
	// the word is no sign, and the row is not read.
	text := "某区2019年政府信息公开工作年度报告\n第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可12增5 17其他对外管理服务事项000" +
		"第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚3减1 减2行政强制000" +
		"第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费16减12\n"
	r := parseString(t, "t2.txt", text)
	wantRow(t, r, "t2_art20_8", "admin_fees", "16", "-12")
	wantRow(t, r, "t2_art20_5", "admin_licensing", "12", "5", "17")
	for k, v := range r.Cells {
		if strings.Contains(k, ".admin_penalty.") {
			t.Errorf("%s = %s: 减2 in a column without sign", k, v.Value)
		}
	}
}

func TestSentenceRightAfterTable4(t *testing.T) {
	// The report's sentences go on right after table 四's values. Fifteen
	// digits are read one a cell; a longer run is not split, for where
	// it ends is not sure.
	for _, c := range []struct {
		run  string
		want []string
	}{
		{"100010000000101", strings.Fields("1 0 0 0 1 0 0 0 0 0 0 0 1 0 1")},
		{"1 0 0 0 1 0 0 0 0 0 0 0 1 0 1", strings.Fields("1 0 0 0 1 0 0 0 0 0 0 0 1 0 1")},
		{"10000100000000000", nil},
	} {
		page := strings.Replace(deptPage(nil, c.run), "五、存在的主要问题", "我局严格规范政府信息公开流程。五、存在的主要问题", 1)
		r := parseString(t, "dept.txt", page)
		if c.want != nil {
			wantRow(t, r, "t4_review_litigation", "count", c.want...)
			continue
		}
		for k, v := range r.Cells {
			if strings.Contains(k, ".t4_") {
				t.Errorf("%s: %s = %s", c.run, k, v.Value)
			}
		}
		if !hasFinding(r, xxgk.RuleTableValueCount) {
			t.Errorf("%s: no %s finding", c.run, xxgk.RuleTableValueCount)
		}
	}
}

// TestWrappedNumberIsNotTwoCells: in the text of an unruled table, a
// number too wide for its cell wraps (154 as 15 above the row's line and
// 4 below). Read as printed, the row's values would give 总计 4; as its
// own total then disagrees with its columns, the row is left out.
func TestWrappedNumberIsNotTwoCells(t *testing.T) {
	text := "某县2025年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" +
		"本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和\t申请人情况\n" +
		"自然人\t法人或其他组织\t总计\n商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n" +
		"15\n一、本年新收政府信息公开申请数量\t151\t3\t0\t0\t0\t0\n4\n" +
		"二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n" +
		"三、本年度办理结果\n（一）予以公开\t148\t0\t0\t0\t0\t0\t148\n" +
		"（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0\n" +
		"（七）总计\t148\t0\t0\t0\t0\t0\t148\n四、结转下年度继续办理\t3\t3\t0\t0\t0\t0\t6\n"
	r := parseString(t, "wrapped.txt", text)
	for k, v := range r.Cells {
		if strings.Contains(k, ".new_received.") {
			t.Errorf("%s = %s read from a row whose number wrapped", k, v.Value)
		}
	}
	if r.Cells["gov_2021.t3_requests.carried_to_next_year.total"].Value.String() != "6" {
		t.Errorf("the other rows are not read: %v", r.Cells)
	}
	if !hasFinding(r, xxgk.RuleTableRowWrapped) {
		t.Errorf("no %s finding: %v", xxgk.RuleTableRowWrapped, r.Findings)
	}
}
