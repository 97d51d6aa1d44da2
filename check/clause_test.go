package check

import "testing"

func TestClauseOf(t *testing.T) {
	for s, want := range map[[2]string]string{
		{"本街道2015年共主动公开政府信息11条,历年累计234条", "11"}:  "本街道2015年共主动公开政府信息11条",
		{"本街道2015年共主动公开政府信息11条,历年累计234条", "234"}: "历年累计234条",
		{"全年，累计公开7700余条；其中", "7700"}:             "累计公开7700余条",
		{"没有数字", "5"}: "没有数字",
	} {
		if got := clauseOf(s[0], s[1]); got != want {
			t.Errorf("clauseOf(%q, %q) = %q, want %q", s[0], s[1], got, want)
		}
	}
}
