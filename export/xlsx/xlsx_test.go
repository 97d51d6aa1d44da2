package xlsx

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/export/layout"
	"xxgk/internal/samples"
	"xxgk/templates"
	"xxgk/workbook"
)

func parseFile(t testing.TB, name string) *xxgk.Report {
	t.Helper()
	return samples.Parse(t, name)
}

func open(t testing.TB, write func(*bytes.Buffer) error) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func openReports(t testing.TB, reports ...*xxgk.Report) *excelize.File {
	return open(t, func(b *bytes.Buffer) error { return WriteReports(b, reports, Options{}) })
}

// slotCells maps a form's cell keys to their cell names on each sheet.
func slotCells(form string) map[string][2]string {
	out := map[string][2]string{}
	for _, g := range layout.Groups(templates.FormByID(form)) {
		fg := buildForm(g, formHeader{})
		for _, s := range fg.slots {
			out[s.key] = [2]string{g.Section.Name, cellName(s.r, s.c)}
		}
	}
	return out
}

func numText(n xxgk.Number) string { return n.String() }

func mustValue(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestGov2021Report(t *testing.T) {
	r := parseFile(t, "pingtan-2025-zone-html.html")
	f := openReports(t, r)
	want := []string{"表二 主动公开情况", "表三 依申请公开情况", "表四 复议诉讼情况", "主要指标", "核查"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	cells := slotCells(r.Form)
	if len(r.Cells) < 150 {
		t.Fatalf("parsed only %d cells", len(r.Cells))
	}
	for key, v := range r.Cells {
		at, ok := cells[key]
		if !ok {
			t.Errorf("cell %s has no place on the form", key)
			continue
		}
		if got := mustValue(t, f, at[0], at[1]); got != numText(v.Value) {
			t.Errorf("%s at %s!%s = %q, want %s", key, at[0], at[1], got, v.Value)
		}
		typ, _ := f.GetCellType(at[0], at[1])
		if typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
			t.Errorf("%s written as text", key)
		}
	}
	t3 := "表三 依申请公开情况"
	// The header of 表三 as formats.json lays it out, three rows down.
	merges, _ := f.GetMergeCells(t3)
	var ranges []string
	for _, m := range merges {
		ranges = append(ranges, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	for _, wantRange := range []string{"A4:C6", "D4:J4", "D5:D6", "E5:I5", "J5:J6", "A9:A30", "B11:B18", "B27:B29", "A7:C7", "B9:C9", "A1:J1"} {
		if !slices.Contains(ranges, wantRange) {
			t.Errorf("表三 lacks merged range %s (have %v)", wantRange, ranges)
		}
	}
	for cell, text := range map[string]string{"D4": "申请人情况", "E5": "法人或其他组织", "J5": "总计", "G6": "社会公\n益组织", "A9": "三、本\n年度办\n理结果", "B11": "（三）\n不予公开"} {
		if got := mustValue(t, f, t3, cell); got != text {
			t.Errorf("表三!%s = %q, want %q", cell, got, text)
		}
	}
	checkStyles(t, f, t3)
	checkPrint(t, f)
	// Totals: formulas with cached values equal to the model.
	for _, c := range []struct{ cell, formula, key string }{
		{"J7", "SUM(D7:I7)", "gov_2021.t3_requests.new_received.total"},
		{"D30", "SUM(D9:D29)", "gov_2021.t3_requests.results_total.natural_person"},
		{"J30", "", "gov_2021.t3_requests.results_total.total"},
	} {
		fm, _ := f.GetCellFormula(t3, c.cell)
		if c.formula != "" && fm != c.formula || fm == "" {
			t.Errorf("表三!%s formula %q, want %q", c.cell, fm, c.formula)
		}
		if got := mustValue(t, f, t3, c.cell); got != r.Cells[c.key].Value.String() {
			t.Errorf("表三!%s cached %q, want %s", c.cell, got, r.Cells[c.key].Value)
		}
	}
	t4 := "表四 复议诉讼情况"
	for _, c := range []struct{ cell, formula string }{{"E7", "SUM(A7:D7)"}, {"J7", "SUM(F7:I7)"}, {"O7", "SUM(K7:N7)"}} {
		if fm, _ := f.GetCellFormula(t4, c.cell); fm != c.formula {
			t.Errorf("表四!%s formula %q, want %q", c.cell, fm, c.formula)
		}
	}
	// Evidence comments on values read from the report.
	comments, _ := f.GetComments(t3)
	v := r.Cells["gov_2021.t3_requests.new_received.natural_person"]
	if !hasComment(comments, "D7", v.Text) || !hasComment(comments, "D7", v.Place(r.Source)) || !hasComment(comments, "D7", "表三 一、本年新收政府信息公开申请数量 · 自然人") {
		t.Errorf("表三!D7 lacks evidence comment %q at %q", v.Text, v.Place(r.Source))
	}
	if r.Source.Kind == "html" && hasComment(comments, "D7", "第"+strconv.Itoa(v.Line)+"行") {
		t.Errorf("表三!D7 names line %d of a web page", v.Line)
	}
}

func hasComment(cs []excelize.Comment, cell, text string) bool {
	for _, c := range cs {
		if c.Cell != cell {
			continue
		}
		var s strings.Builder
		s.WriteString(c.Text)
		for _, p := range c.Paragraph {
			s.WriteString(p.Text)
		}
		return strings.Contains(s.String(), text)
	}
	return false
}

func styleOf(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func checkStyles(t *testing.T, f *excelize.File, sheet string) {
	t.Helper()
	for _, c := range []struct {
		cell       string
		bold       bool
		horizontal string
	}{{"D4", true, "center"}, {"A7", false, "left"}, {"D7", false, "right"}} {
		s := styleOf(t, f, sheet, c.cell)
		if s.Font == nil || s.Font.Family != fontName || s.Font.Bold != c.bold {
			t.Errorf("%s!%s font %+v", sheet, c.cell, s.Font)
		}
		if len(s.Border) != 4 {
			t.Errorf("%s!%s borders %v", sheet, c.cell, s.Border)
		}
		if s.Alignment == nil || s.Alignment.Horizontal != c.horizontal {
			t.Errorf("%s!%s alignment %+v, want %s", sheet, c.cell, s.Alignment, c.horizontal)
		}
	}
	if font, _ := f.GetDefaultFont(); font != fontName {
		t.Errorf("default font %q", font)
	}
}

// checkPrint checks the print setup of every sheet.
func checkPrint(t *testing.T, f *excelize.File) {
	t.Helper()
	checkPrintAs(t, f, func(string) int { return 1 })
}

// checkPrintAs checks the print setup of every sheet: A4, fitted across
// wide(sheet) pages, 表三, 表四 and the lists landscape, centred, page
// numbers and rows repeated on every page. It returns the print titles of
// the sheets.
func checkPrintAs(t *testing.T, f *excelize.File, wide func(sheet string) int) map[string]string {
	t.Helper()
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, sheet := range f.GetSheetList() {
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		// 表三 and 表四 print on one page; lists of many columns across.
		tall, wantOrient := 0, "portrait"
		if (strings.Contains(sheet, "表三") || strings.Contains(sheet, "表四")) && !strings.Contains(sheet, "明细") {
			tall = 1
		}
		for _, s := range []string{"表四", "核查", "各单位", "明细", "未报送"} {
			if strings.Contains(sheet, s) {
				wantOrient = "landscape"
			}
		}
		if *pl.Size != 9 || *pl.FitToWidth != wide(sheet) || *pl.FitToHeight != tall {
			t.Errorf("%s: paper %d fit %d×%d", sheet, *pl.Size, *pl.FitToWidth, *pl.FitToHeight)
		}
		// 表三 is upright unless it prints clearly larger across.
		if *pl.Orientation != wantOrient && !(strings.Contains(sheet, "表三") && tall == 1) {
			t.Errorf("%s: orientation %s, want %s", sheet, *pl.Orientation, wantOrient)
		}
		props, _ := f.GetSheetProps(sheet)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit to page off", sheet)
		}
		m, _ := f.GetPageMargins(sheet)
		if m.Horizontally == nil || !*m.Horizontally {
			t.Errorf("%s: not centred horizontally", sheet)
		}
		hf, _ := f.GetHeaderFooter(sheet)
		if hf == nil || !strings.Contains(hf.OddFooter, "第 &P 页 共 &N 页") {
			t.Errorf("%s: footer %+v", sheet, hf)
		}
		if titles[sheet] == "" {
			t.Errorf("%s: no print titles", sheet)
		}
	}
	return titles
}

func TestFlaggedTotals(t *testing.T) {
	r := parseFile(t, "pingtan-2025-zone-html.html")
	// The report's own total disagrees with its parts: 25 instead of 148.
	v := r.Cells["gov_2021.t3_requests.results_total.total"]
	v.Value = xxgk.Int(25)
	r.Cells["gov_2021.t3_requests.results_total.total"] = v
	// And a total is missing.
	delete(r.Cells, "gov_2021.t3_requests.new_received.total")
	f := openReports(t, r)
	t3 := "表三 依申请公开情况"
	if fm, _ := f.GetCellFormula(t3, "J30"); fm != "" {
		t.Errorf("disagreeing total has formula %q", fm)
	}
	if got := mustValue(t, f, t3, "J30"); got != "25" {
		t.Errorf("J30 = %q, want the report's 25", got)
	}
	if s := styleOf(t, f, t3, "J30"); len(s.Fill.Color) == 0 || !strings.EqualFold(s.Fill.Color[0], flagColor) {
		t.Errorf("J30 not flagged: fill %+v", s.Fill)
	}
	comments, _ := f.GetComments(t3)
	if !hasComment(comments, "J30", "本格为报告原值 25，各分项之和为 148（勾稽关系“表三 办理结果总计”）") {
		t.Errorf("J30 comment lacks the rule: %+v", comments)
	}
	if got := mustValue(t, f, t3, "J7"); got != "" {
		t.Errorf("missing total J7 = %q, want empty", got)
	}
	if !hasComment(comments, "J7", "报告未填本格，各分项之和为 154（勾稽关系“表三 总计栏”）") {
		t.Error("missing total J7 not flagged")
	}
	// A total that agrees keeps its formula.
	if fm, _ := f.GetCellFormula(t3, "J9"); fm != "SUM(D9:I9)" {
		t.Errorf("J9 formula %q", fm)
	}
}

func TestBlankAndApprox(t *testing.T) {
	r := parseFile(t, "pingtan-2025-zone-html.html")
	key := "gov_2021.t3_requests.granted.research_institution"
	v := r.Cells[key]
	v.Blank, v.Value = true, xxgk.Int(0)
	r.Cells[key] = v
	f := openReports(t, r)
	at := slotCells(r.Form)[key]
	if got := mustValue(t, f, at[0], at[1]); got != "0" {
		t.Errorf("blank cell = %q, want 0", got)
	}
	comments, _ := f.GetComments(at[0])
	if !hasComment(comments, at[1], "报告此格留空") {
		t.Error("blank cell lacks its note")
	}
	// 主要指标: the approximate 主动公开 figure.
	if got := mustValue(t, f, "主要指标", "D3"); got != "是" {
		t.Errorf("约数 = %q", got)
	}
}

func TestStat2014Report(t *testing.T) {
	r := parseFile(t, "seed-002.txt")
	f := openReports(t, r)
	if got, want := f.GetSheetList(), []string{"统计表", "主要指标", "核查"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	cells := slotCells(r.Form)
	for key, v := range r.Cells {
		at := cells[key]
		if got := mustValue(t, f, at[0], at[1]); got != v.Value.String() {
			t.Errorf("%s = %q, want %s", key, got, v.Value)
		}
	}
	for _, row := range []string{"一、主动公开情况", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "其中：涉及国家秘密"} {
		if !sheetHas(t, f, "统计表", row) {
			t.Errorf("统计表 lacks label %q", row)
		}
	}
	// Parents with identities are formulas where the report has all parts.
	formulas := 0
	fg := buildForm(layout.Groups(templates.FormByID(r.Form))[0], formHeader{})
	for key := range fg.totals {
		at := cells[key]
		if fm, _ := f.GetCellFormula(at[0], at[1]); fm != "" {
			formulas++
			if got := mustValue(t, f, at[0], at[1]); got != r.Cells[key].Value.String() {
				t.Errorf("%s cached %q, want %s", key, got, r.Cells[key].Value)
			}
		}
	}
	if formulas == 0 {
		t.Error("no total of 统计表 is a formula")
	}
	if got := mustValue(t, f, "核查", "A3"); got != "警告" {
		t.Errorf("核查!A3 = %q", got)
	}
	checkPrint(t, f)
}

func sheetHas(t *testing.T, f *excelize.File, sheet, text string) bool {
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		for _, cell := range r {
			// Long labels are broken into lines where they wrap.
			if strings.ReplaceAll(cell, "\n", "") == text {
				return true
			}
		}
	}
	return false
}

func TestNarrativeReport(t *testing.T) {
	r := parseFile(t, "seed-000.txt")
	f := openReports(t, r)
	if got, want := f.GetSheetList(), []string{"主要指标", "核查"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	rows, _ := f.GetRows("主要指标")
	if len(rows) != 2+len(templates.Figures) {
		t.Fatalf("%d rows, want %d", len(rows), 2+len(templates.Figures))
	}
	for i, fig := range templates.Figures {
		row := i + 3
		if got := mustValue(t, f, "主要指标", "A"+strconv.Itoa(row)); got != fig.Label {
			t.Errorf("row %d label %q, want %q", row, got, fig.Label)
		}
		v, ok := r.Figures[fig.Key]
		got := mustValue(t, f, "主要指标", "B"+strconv.Itoa(row))
		switch {
		case !ok && got != "":
			t.Errorf("%s absent but written %q", fig.Key, got)
		case ok && got != v.Value.String():
			t.Errorf("%s = %q, want %s", fig.Key, got, v.Value)
		case ok:
			if typ, _ := f.GetCellType("主要指标", "B"+strconv.Itoa(row)); typ == excelize.CellTypeInlineString {
				t.Errorf("%s written as text", fig.Key)
			}
			if src := mustValue(t, f, "主要指标", "E"+strconv.Itoa(row)); !strings.HasPrefix(src, "正文 · ") || !strings.Contains(src, "：“"+v.Text+"”") {
				t.Errorf("%s 来源 %q", fig.Key, src)
			}
		}
	}
	checkPrint(t, f)
}

func validSheetName(name string) bool {
	return name != "" && utf16Len(name) <= maxSheetName && !strings.ContainsAny(name, `[]:*?/\`) &&
		!strings.HasPrefix(name, "'") && !strings.HasSuffix(name, "'")
}

func TestSheetNames(t *testing.T) {
	long := strings.Repeat("福建省平潭综合实验区管理委员会", 4) // 60 characters
	odd := "'某[局]:*?/\\办公室'"
	base := parseFile(t, "pingtan-2025-zone-html.html")
	var reports []*xxgk.Report
	for _, agency := range []string{long, odd, "平潭综合实验区", "平潭综合实验区"} {
		r := *base
		r.Agency = agency
		reports = append(reports, &r)
	}
	f := openReports(t, reports...)
	names := f.GetSheetList()
	seen := map[string]bool{}
	for _, n := range names {
		if !validSheetName(n) {
			t.Errorf("invalid sheet name %q", n)
		}
		if seen[strings.ToLower(n)] {
			t.Errorf("duplicate sheet name %q", n)
		}
		seen[strings.ToLower(n)] = true
	}
	if len(names) != 2+4*3 {
		t.Errorf("%d sheets: %q", len(names), names)
	}
	for _, want := range []string{"主要指标", "核查", "平潭综合实验区2025 表三", "平潭综合实验区2025 表三（2）"} {
		if !seen[want] {
			t.Errorf("no sheet %q in %q", want, names)
		}
	}
	// The long agency still titles its sheet in full.
	if got := mustValue(t, f, names[2], "A1"); got != long+"2025年"+titleSuffix {
		t.Errorf("title %q", got)
	}
	checkPrint(t, f)

	n := newSheetNamer()
	for _, want := range []string{long, long, odd, "", "'''", "Sheet", "sheet"} {
		if got := n.name(want); !validSheetName(got) {
			t.Errorf("name(%q) = %q", want, got)
		}
	}
	if got := n.name("表三"); got != "表三" {
		t.Errorf("name(表三) = %q", got)
	}
	if got := n.name("表三"); got != "表三（2）" {
		t.Errorf("second name(表三) = %q", got)
	}
}

func TestTemplate(t *testing.T) {
	for _, form := range []string{"gov_2021", "gov_2019", "stat_2014"} {
		t.Run(form, func(t *testing.T) { checkTemplate(t, form) })
	}
	if err := WriteTemplate(&bytes.Buffer{}, "nope", Options{}); err == nil {
		t.Error("unknown form accepted")
	}
}

func checkTemplate(t *testing.T, form string) {
	f := open(t, func(b *bytes.Buffer) error { return WriteTemplate(b, form, Options{}) })
	// Marker: defined name and custom property.
	var marked bool
	for _, dn := range f.GetDefinedName() {
		marked = marked || dn.Name == workbook.FormName && dn.RefersTo == `"`+form+`"`
	}
	props, _ := f.GetCustomProps()
	if !marked || !slices.Contains(props, excelize.CustomProperty{Name: workbook.FormName, Value: form}) {
		t.Errorf("marker missing: names %+v props %+v", f.GetDefinedName(), props)
	}
	checkPrint(t, f)
	cells := slotCells(form)
	totals := map[string]bool{}
	for _, g := range layout.Groups(templates.FormByID(form)) {
		for k := range buildForm(g, formHeader{}).totals {
			totals[k] = true
		}
	}
	for key, at := range cells {
		s := styleOf(t, f, at[0], at[1])
		fm, _ := f.GetCellFormula(at[0], at[1])
		locked := s.Protection == nil || s.Protection.Locked
		switch {
		case totals[key] && (fm == "" || !locked):
			t.Errorf("%s: total formula %q locked %v", key, fm, locked)
		case !totals[key] && (fm != "" || locked):
			t.Errorf("%s: input formula %q locked %v", key, fm, locked)
		}
	}
	kinds := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		prot, err := f.GetSheetProtection(sheet)
		// Protection absent reads as all false; ours allows selecting and resizing only.
		if err != nil || !prot.SelectUnlockedCells || !prot.FormatColumns || prot.InsertRows || prot.FormatCells {
			t.Errorf("%s: protection %+v, %v", sheet, prot, err)
		}
		if s := styleOf(t, f, sheet, "A4"); s.Protection != nil && !s.Protection.Locked {
			t.Errorf("%s!A4 label unlocked", sheet)
		}
		dvs, _ := f.GetDataValidations(sheet)
		if len(dvs) == 0 {
			t.Errorf("%s: no data validation", sheet)
		}
		for _, dv := range dvs {
			kinds[dv.Type+" "+dv.Operator+" "+dv.Formula1] = true
		}
	}
	want := []string{"whole greaterThanOrEqual 0"}
	switch form {
	case "gov_2021", "stat_2014":
		want = append(want, "decimal greaterThanOrEqual 0")
	case "gov_2019":
		want = append(want, "whole between -999999999", "decimal greaterThanOrEqual 0")
	}
	for _, k := range want {
		if !kinds[k] {
			t.Errorf("no validation %q (have %v)", k, kinds)
		}
	}
}

// TestTemplateMatchesReport: the template prints the same labels in the
// same cells as a report's sheets, so one reader reads both.
func TestTemplateMatchesReport(t *testing.T) {
	r := parseFile(t, "pingtan-2025-zone-html.html")
	rep := openReports(t, r)
	tpl := open(t, func(b *bytes.Buffer) error { return WriteTemplate(b, r.Form, Options{}) })
	for _, sheet := range tpl.GetSheetList() {
		if sheet == workbook.InstructionsSheet {
			continue
		}
		a, _ := tpl.GetRows(sheet)
		b, _ := rep.GetRows(sheet)
		checks := 0 // the template's 核对 rows below the table, after an empty one
		for len(a) > len(b)+1 && len(a[len(a)-1]) > 0 && strings.HasPrefix(a[len(a)-1][0], workbook.CheckLabel) {
			a, checks = a[:len(a)-2], checks+1
		}
		if len(a) != len(b) {
			t.Errorf("%s: %d rows vs %d", sheet, len(a), len(b))
			continue
		}
		for i := 2; i < len(a); i++ { // rows 1–2 name the agency
			for j := range min(len(a[i]), len(b[i])) {
				if _, err := strconv.ParseFloat(b[i][j], 64); err == nil {
					continue
				}
				if a[i][j] != b[i][j] {
					t.Errorf("%s row %d col %d: %q vs %q", sheet, i+1, j+1, a[i][j], b[i][j])
				}
			}
		}
		ma, _ := tpl.GetMergeCells(sheet)
		mb, _ := rep.GetMergeCells(sheet)
		if len(ma) != len(mb)+checks {
			t.Errorf("%s: %d merges vs %d", sheet, len(ma), len(mb))
		}
	}
}

func TestReproducible(t *testing.T) {
	reports := []*xxgk.Report{parseFile(t, "pingtan-2025-zone-html.html"), parseFile(t, "seed-002.txt")}
	var a, b bytes.Buffer
	if err := WriteReports(&a, reports, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteReports(&b, reports, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("same input, different bytes")
	}
	f, _ := excelize.OpenReader(&a)
	defer f.Close()
	p, _ := f.GetDocProps()
	if p.Created != "2000-01-01T00:00:00Z" || p.Modified != p.Created {
		t.Errorf("created %q modified %q", p.Created, p.Modified)
	}
	if app, _ := f.GetAppProps(); strings.Contains(app.Application, "Microsoft") {
		t.Errorf("application %q", app.Application)
	}
}

func TestNoReports(t *testing.T) {
	if err := WriteReports(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("no error for no reports")
	}
}

func TestTableLabel(t *testing.T) {
	for k, want := range map[string]string{"gov_2019.t2_art20_5": "表二 第二十条第（五）项", "gov_2021.t3_requests": "表三 依申请公开情况", "x.y": "x.y"} {
		if got := keyLabel(k); got != want {
			t.Errorf("keyLabel(%q) = %q, want %q", k, got, want)
		}
	}
}

func TestKeyLabel(t *testing.T) {
	for key, want := range map[string]string{
		"requests.granted":                                     "予以公开",
		"gov_2021.t3_requests.granted.total":                   "表三 （一）予以公开／总计",
		"gov_2021.t4_review_litigation.count.lit_direct_total": "表四 未经复议直接起诉总计",
		"stat_2014.stat.staff_total.value":                     "统计表 （三）从事政府信息公开工作人员数／统计数",
		"unknown.key":                                          "unknown.key",
	} {
		if got := keyLabel(key); got != want {
			t.Errorf("keyLabel(%s) = %q, want %q", key, got, want)
		}
	}
}

// A cell an error finding names is flagged with the finding, even where its
// own total holds: 一、本年新收 of the unbalanced report is in t3_balance.
func TestFindingCellsFlagged(t *testing.T) {
	f := openReports(t, parseFile(t, "unbalanced-2025-html.html"))
	t3 := "表三 依申请公开情况"
	if s := styleOf(t, f, t3, "J7"); len(s.Fill.Color) == 0 || !strings.EqualFold(s.Fill.Color[0], flagColor) {
		t.Errorf("J7 not flagged: fill %+v", s.Fill)
	}
	comments, _ := f.GetComments(t3)
	if !hasComment(comments, "J7", "勾稽关系“表三 申请收支平衡”") {
		t.Errorf("J7 comment lacks the finding: %+v", comments)
	}
	if s := styleOf(t, f, t3, "C7"); len(s.Fill.Color) > 0 && strings.EqualFold(s.Fill.Color[0], flagColor) {
		t.Error("C7 (自然人, in no broken relation) is flagged")
	}
}

// TestTemplateInstructions: the template opens on 填表说明, where the
// agency and the year are typed once; every form sheet shows them; 表三
// has a check row that says 平衡 or the difference.
func TestTemplateInstructions(t *testing.T) {
	f := open(t, func(b *bytes.Buffer) error { return WriteTemplate(b, "gov_2021", Options{}) })
	sheets := f.GetSheetList()
	if sheets[0] != workbook.InstructionsSheet {
		t.Fatalf("sheets %q", sheets)
	}
	const in = workbook.InstructionsSheet
	for cell, want := range map[string]string{"A3": workbook.AgencyLabel, "A4": workbook.YearLabel} {
		if got := mustValue(t, f, in, cell); got != want {
			t.Errorf("%s!%s = %q, want %q", in, cell, got, want)
		}
	}
	for _, cell := range []string{"B3", "B4"} {
		if s := styleOf(t, f, in, cell); s.Protection == nil || s.Protection.Locked {
			t.Errorf("%s!%s (input) is locked", in, cell)
		}
	}
	text := ""
	rows, _ := f.GetRows(in)
	for _, r := range rows {
		text += strings.Join(r, "")
	}
	for _, w := range []string{"填 0", "空白格", "按 0 计算", "核对", "平衡"} {
		if !strings.Contains(text, w) {
			t.Errorf("填表说明 lacks %q", w)
		}
	}
	for _, sheet := range sheets[1:] {
		fm, _ := f.GetCellFormula(sheet, "A2")
		if want := `"填报单位："&'填表说明'!$B$3`; fm != want || mustValue(t, f, sheet, "A2") != "填报单位：" {
			t.Errorf("%s!A2 formula %q value %q, want %q", sheet, fm, mustValue(t, f, sheet, "A2"), want)
		}
	}
	const t3 = "表三 依申请公开情况"
	rows, _ = f.GetRows(t3)
	last := rows[len(rows)-1]
	if !strings.HasPrefix(last[0], "核对：表三 申请收支平衡") || last[3] != "平衡" || last[9] != "平衡" {
		t.Errorf("check row %q", last)
	}
	cell, _ := excelize.CoordinatesToCellName(4, len(rows))
	if fm, _ := f.GetCellFormula(t3, cell); fm != `IF(ROUND((D7+D8)-(D30+D31),6)=0,"平衡","相差"&ROUND((D7+D8)-(D30+D31),6))` {
		t.Errorf("%s formula %q", cell, fm)
	}
	if pl, _ := f.GetPageLayout(t3); *pl.FitToHeight != 1 || *pl.FitToWidth != 1 {
		t.Errorf("表三 is not printed on one page: %d×%d", *pl.FitToWidth, *pl.FitToHeight)
	}
}
