package xlsx

import (
	"strings"
	"testing"
)

func TestBalanced(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
		want  string
	}{
		{"法律服务机构", 10, "法律服\n务机构"},
		{"法律服务机构", 14, "法律服务机构"},
		{"社会公益组织", 11, "社会公\n益组织"},
		{"结果维持", 10, "结果维持"},
		{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 38, "（二）部分公开（区分处理的，\n只计这一情形，不计其他情形）"},
		{"三、本年度办理结果", 8, "三、本\n年度办\n理结果"},
		{"本年新收\n（件）", 10, "本年新收\n（件）"},
		{"本年新收", 8, "本年\n新收"},
	} {
		got := balanced(c.text, c.width)
		if got != c.want {
			t.Errorf("balanced(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
		for _, line := range strings.Split(got, "\n") {
			if textUnits(line) > usableUnits(c.width) {
				t.Errorf("%q: line %q too wide", c.text, line)
			}
			if len([]rune(line)) == 1 {
				t.Errorf("%q: a line of one character", c.text)
			}
		}
	}
}
