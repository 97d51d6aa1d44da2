package templates

import "testing"

// TestSections: every table names its section, and a section's tables
// follow one another, so that they can share a sheet.
func TestSections(t *testing.T) {
	for _, f := range Forms() {
		seen := map[string]bool{}
		prev := ""
		for _, tab := range f.Tables {
			s := tab.Section
			if s.Short == "" || s.Name == "" || s.Heading == "" {
				t.Errorf("%s.%s: section %+v incomplete", f.ID, tab.ID, s)
			}
			if s.Name != prev && seen[s.Name] {
				t.Errorf("%s.%s: section %s resumes after another", f.ID, tab.ID, s.Name)
			}
			seen[s.Name], prev = true, s.Name
		}
	}
	g21 := FormByID("gov_2021")
	for id, want := range map[string]Section{
		"t2_art20_5":           {"表二", "表二 主动公开情况", "二、主动公开政府信息情况"},
		"t3_requests":          {"表三", "表三 依申请公开情况", "三、收到和处理政府信息公开申请情况"},
		"t4_review_litigation": {"表四", "表四 复议诉讼情况", "四、政府信息公开行政复议、行政诉讼情况"},
	} {
		if got := g21.Table(id).Section; got != want {
			t.Errorf("%s: section %+v, want %+v", id, got, want)
		}
	}
	if got := FormByID("stat_2014").Table("stat").Section; got.Short != "统计表" || got.Heading != "政府信息公开情况统计表" {
		t.Errorf("stat_2014 section %+v", got)
	}
}
