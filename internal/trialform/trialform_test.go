package trialform_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/check"
	"xxgk/export/pdf"
	"xxgk/export/xlsx"
	"xxgk/format/pdf/pdftext"
	"xxgk/internal/trialform"
	"xxgk/load"
	"xxgk/rollup"
	"xxgk/templates"
)

// trialCell and baseCell are the cells of the changed row's 总计 column.
var (
	trialCell = trialform.ID + ".t3_requests." + trialform.RowKey + ".total"
	baseCell  = trialform.Base + ".t3_requests.new_received.total"
)

// read parses data as load does (the reader, then check).
func read(t *testing.T, name string, data []byte) *xxgk.Report {
	t.Helper()
	r, err := load.Report(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// A report in a form that only formats.json knows is read in that form:
// its cells under the form's keys, its figures by the form's own mapping,
// its identities checked.
func TestReadTrialForm(t *testing.T) {
	trialform.Use(t, 5)
	base := read(t, "base.html", trialform.BaseReport(t, "平潭综合实验区"))
	r := read(t, "trial.html", trialform.Report(t, "平潭综合实验区"))
	if r.Form != trialform.ID || r.Year != trialform.Year {
		t.Fatalf("form %q, year %d; want %s, %d", r.Form, r.Year, trialform.ID, trialform.Year)
	}
	if len(r.Cells) != len(base.Cells) || len(r.Cells) < 150 {
		t.Errorf("%d cells, the %s report has %d", len(r.Cells), trialform.Base, len(base.Cells))
	}
	for k, bv := range base.Cells {
		k = strings.Replace(strings.Replace(k, trialform.Base+".", trialform.ID+".", 1), ".new_received.", "."+trialform.RowKey+".", 1)
		if v, ok := r.Cells[k]; !ok || !v.Value.Equal(bv.Value) {
			t.Errorf("%s = %v (%v), want %v", k, v.Value, ok, bv.Value)
		}
	}
	v, ok := r.Cells[trialCell]
	if !ok || !v.Value.Equal(xxgk.Int(154)) {
		t.Fatalf("%s = %+v", trialCell, v)
	}
	// requests.received comes from the trial's own row, by its own mapping.
	if f := r.Figures["requests.received"]; !f.Value.Equal(xxgk.Int(154)) || f.Method != xxgk.MethodTable || !strings.Contains(f.Row, "本年度新收到的") {
		t.Errorf("requests.received = %+v", f)
	}
	for k, bv := range base.Figures {
		if v := r.Figures[k]; !v.Value.Equal(bv.Value) {
			t.Errorf("figure %s = %v, the %s report has %v", k, v.Value, trialform.Base, bv.Value)
		}
	}
	// check runs the trial form's identities: a broken balance of the
	// renamed row is found.
	v.Value = xxgk.Int(150)
	r.Cells[trialCell] = v
	found := false
	for _, f := range check.Report(r) {
		found = found || f.Rule == "t3_balance" && slices.Contains(f.Keys, trialCell) && strings.Contains(f.Message, trialform.RowLabel)
	}
	if !found {
		t.Error("check does not run the trial form's identities")
	}
	if got := templates.FormLabel(r.Form); got != trialform.Label {
		t.Errorf("FormLabel = %q", got)
	}
}

// sheetText is every cell of a sheet, rows joined by newlines and cells by tabs.
func sheetText(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	var b strings.Builder
	for _, row := range rows {
		b.WriteString(strings.Join(row, "\t") + "\n")
	}
	return b.String()
}

// rowOf is the row of text that holds label, its cells without empty ones.
func rowOf(text, label string) []string {
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, label) {
			return slices.DeleteFunc(strings.Split(line, "\t"), func(s string) bool { return s == "" })
		}
	}
	return nil
}

func openWorkbook(t *testing.T, write func(*bytes.Buffer) error) *excelize.File {
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

// pdfText is the text a PDF draws, without white space.
func pdfText(t *testing.T, write func(*bytes.Buffer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	doc, err := pdftext.Read(buf.Bytes(), pdftext.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, p := range doc.Pages {
		for _, g := range p.Glyphs {
			b.WriteString(g.Text)
		}
	}
	return strings.Join(strings.Fields(b.String()), "")
}

// The workbook and the PDF of a report in the trial form draw its tables,
// with the trial's own row, and name the form; xxgk template's workbook of
// it too.
func TestExportTrialForm(t *testing.T) {
	trialform.Use(t, 5)
	r := read(t, "trial.html", trialform.Report(t, "平潭综合实验区"))
	f := openWorkbook(t, func(w *bytes.Buffer) error { return xlsx.WriteReports(w, []*xxgk.Report{r}, xlsx.Options{}) })
	if got, want := f.GetSheetList(), []string{"表二 主动公开情况", "表三 依申请公开情况", "表四 复议诉讼情况", "主要指标", "核查"}; !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	if row := rowOf(sheetText(t, f, "表三 依申请公开情况"), trialform.RowLabel); len(row) < 2 || row[len(row)-1] != "154" {
		t.Errorf("表三's row %s = %q, want it to end in 154", trialform.RowLabel, row)
	}
	// Several reports: each block names its form by its 文号.
	base := read(t, "base.html", trialform.BaseReport(t, "某某县"))
	f = openWorkbook(t, func(w *bytes.Buffer) error {
		return xlsx.WriteReports(w, []*xxgk.Report{r, base}, xlsx.Options{})
	})
	if s := sheetText(t, f, "主要指标"); !strings.Contains(s, trialform.Document+"试行格式") || !strings.Contains(s, "国办公开办函〔2021〕30号格式") {
		t.Errorf("主要指标 does not name the forms by their 文号:\n%.300s", s)
	}

	tmpl := openWorkbook(t, func(w *bytes.Buffer) error { return xlsx.WriteTemplate(w, trialform.ID, xlsx.Options{}) })
	if rowOf(sheetText(t, tmpl, "表三 依申请公开情况"), trialform.RowLabel) == nil {
		t.Errorf("the blank %s does not have its own row", trialform.ID)
	}

	text := pdfText(t, func(w *bytes.Buffer) error { return pdf.WriteReports(w, []*xxgk.Report{r}, pdf.Options{}) })
	for _, want := range []string{"报告格式：" + trialform.Label, trialform.RowLabel, "（一）予以公开"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// The roll-up sums the trial form's reports in its own table, next to
// those of another form of the year, listed where formats.json puts it.
func TestRollupTrialForm(t *testing.T) {
	trialform.Use(t, 5)
	trial := read(t, "trial.html", trialform.Report(t, "平潭综合实验区"))
	var reports []*xxgk.Report
	for _, agency := range []string{"甲县", "乙县"} {
		r := read(t, agency+".html", trialform.BaseReport(t, agency))
		r.Year = trialform.Year
		reports = append(reports, r)
	}
	reports = append(reports, trial)
	ru := rollup.Roll(reports, rollup.Options{Name: "某市"})
	if len(ru.Years) != 1 {
		t.Fatalf("years = %+v", ru.Years)
	}
	y := ru.Years[0]
	if want := []rollup.FormCount{{Form: trialform.ID, Count: 1}, {Form: trialform.Base, Count: 2}}; !slices.Equal(y.Forms, want) {
		t.Errorf("forms = %+v, want %+v (listed by their order)", y.Forms, want)
	}
	if c := y.Cells[trialCell]; !c.Value.Equal(xxgk.Int(154)) || c.Count != 1 || c.Of != 1 {
		t.Errorf("%s = %+v", trialCell, c)
	}
	if c := y.Cells[baseCell]; !c.Value.Equal(xxgk.Int(308)) || c.Count != 2 || c.Of != 2 {
		t.Errorf("%s = %+v", baseCell, c)
	}
	if c := y.Figures["requests.received"]; !c.Value.Equal(xxgk.Int(462)) || c.Count != 3 {
		t.Errorf("requests.received = %+v", c)
	}
	if y.Shared != nil {
		t.Errorf("the trial form shares no cells, but shared = %+v", y.Shared)
	}
	if got := y.SummaryTables(); len(got) != 2 || got[0].Form != trialform.Base || got[1].Form != trialform.ID {
		t.Errorf("summary tables = %+v, want %s then %s in its own", got, trialform.Base, trialform.ID)
	}

	f := openWorkbook(t, func(w *bytes.Buffer) error { return xlsx.WriteRollup(w, ru, xlsx.Options{}) })
	sheet := "2026年汇总 " + trialform.Label + " 表三"
	if !slices.Contains(f.GetSheetList(), sheet) {
		t.Fatalf("no sheet %s in %q", sheet, f.GetSheetList())
	}
	// Each row ends in its total, then its 填报单位数.
	if row := rowOf(sheetText(t, f, sheet), trialform.RowLabel); len(row) < 3 || row[len(row)-2] != "154" || row[len(row)-1] != "1/1" {
		t.Errorf("%s's row %s = %q, want it to end in 154, 1/1", sheet, trialform.RowLabel, row)
	}
	if row := rowOf(sheetText(t, f, "2026年汇总 表三"), "一、本年新收政府信息公开申请数量"); len(row) < 3 || row[len(row)-2] != "308" || row[len(row)-1] != "2/2" {
		t.Errorf("2026年汇总 表三's first row = %q, want it to end in 308, 2/2", row)
	}

	text := pdfText(t, func(w *bytes.Buffer) error { return pdf.WriteRollup(w, ru, pdf.Options{}) })
	for _, want := range []string{"报告格式：" + trialform.Label + "1个、2021年格式2个", "下列统计表各栏为采用" + trialform.Label + "的1个单位", trialform.RowLabel} {
		if !strings.Contains(text, want) {
			t.Errorf("the roll-up's PDF lacks %q", want)
		}
	}
}

// Where the form is listed is data: put after gov_2021, it is listed after.
func TestTrialFormOrder(t *testing.T) {
	trialform.Use(t, 15)
	trial := read(t, "trial.html", trialform.Report(t, "平潭综合实验区"))
	base := read(t, "base.html", trialform.BaseReport(t, "甲县"))
	base.Year = trialform.Year
	y := rollup.Roll([]*xxgk.Report{trial, base}, rollup.Options{}).Years[0]
	if len(y.Forms) != 2 || y.Forms[0].Form != trialform.Base || y.Forms[1].Form != trialform.ID {
		t.Errorf("forms = %+v", y.Forms)
	}
	if got := templates.BlankForms(); len(got) < 2 || got[0].ID != trialform.Base || got[1].ID != trialform.ID {
		t.Errorf("blank forms listed %s, %s…", got[0].ID, got[1].ID)
	}
}

// Once the test's specification is restored, nothing remembers the trial
// form: the parser's caches are keyed by the forms and tables of a
// specification, and the embedded one's are its own.
func TestRestoreForgetsTrialForm(t *testing.T) {
	t.Run("trial", func(t *testing.T) {
		trialform.Use(t, 5)
		if r := read(t, "trial.html", trialform.Report(t, "平潭综合实验区")); r.Form != trialform.ID {
			t.Fatalf("form %s", r.Form)
		}
	})
	if templates.FormByID(trialform.ID) != nil || templates.FigureByKey("requests.received").From[0].Form != trialform.Base {
		t.Fatal("the trial specification is still in use")
	}
	r := read(t, "trial.html", trialform.Report(t, "平潭综合实验区"))
	if r.Form != trialform.Base {
		t.Errorf("form %s, want %s", r.Form, trialform.Base)
	}
	for k := range r.Cells {
		if strings.HasPrefix(k, trialform.ID) {
			t.Fatalf("cell %s", k)
		}
	}
}
