package templates

import (
	"testing"
	"xxgk/zh"
)

func TestStripNumbering(t *testing.T) {
	for in, want := range map[string]string{
		"一、主动公开情况": "主动公开情况", "(一)收到申请数": "收到申请数", "1.当面申请数": "当面申请数",
		"1、当面申请数": "当面申请数", "其中:1、政府网站公开数": "政府网站公开数", "(10)其它原因": "其它原因",
		"1专职人员数": "专职人员数", "十分重要": "十分重要", "2016年度": "2016年度", "其中涉及国家秘密": "涉及国家秘密",
	} {
		if _, got := StripNumbering(zh.Fold(in)); got != zh.Fold(want) {
			t.Errorf("StripNumbering(%q) = %q, want %q", in, got, want)
		}
	}
}

// No label of a form has a traditional character: labels fold to
// themselves, so that reports in either script match them.
func TestEveryLabelIsSimplified(t *testing.T) {
	check := func(where, label string) {
		for _, r := range label {
			if s := zh.SimplifyRune(r); s != r {
				t.Errorf("%s: %q: %q is traditional for %q", where, label, r, s)
			}
		}
	}
	n := 0
	for _, f := range Forms() {
		for _, tab := range f.Tables {
			check(f.ID+"."+tab.ID, tab.Title)
			check(f.ID+"."+tab.ID, tab.HeaderLabel)
			for _, c := range tab.Columns {
				check(f.ID+"."+tab.ID+"."+c.Key, c.Label)
				n++
			}
			for _, r := range tab.Rows {
				check(f.ID+"."+tab.ID+"."+r.Key, r.Label)
				n++
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d labels checked", n)
	}
}
