package parse_test

import (
	"errors"
	"strings"
	"testing"

	"xxgk/load"
	"xxgk/parse"
)

// FuzzParse checks that Parse never panics, and that it either refuses the
// input with an error wrapping ErrUnreadable or returns a report whose JSON
// marshals.
//
//	go test ./parse -run XXX -fuzz FuzzParse -fuzztime 60s -fuzzminimizetime 5s
//
// The seeds are whole reports (up to 200 KB), so each run takes milliseconds
// and the default minimisation (60 s per new input) would stall the fuzzer.
func FuzzParse(f *testing.F) {
	for _, rel := range reportFiles(f) {
		f.Add(rel, readReport(f, rel))
	}
	for _, c := range []struct{ name, data string }{
		{"empty.txt", ""},
		{"bom.txt", "\xef\xbb\xbf"},
		{"bom16le.txt", "\xff\xfe"},
		{"bom16be.txt", "\xfe\xff"},
		{"nul.txt", "\x00\x00\x00\x00"},
		{"nul-mid.txt", "2020年度报告\x00本年新收政府信息公开申请12件"},
		{"odd16.txt", "\xff\xfe\x41"},
		{"bad-utf8.txt", "本年\xe4\xb8收到\xff\xfe\xfd"},
		{"gb-cut.txt", "\xb1\xbe\xc4\xea\xd0"},
		{"rowspan.html", `<table><tr><td rowspan=1000 colspan=1000>1</td><td>2</td></tr><tr><td>3</td></tr></table>`},
		{"rowspan-neg.html", `<table><tr><td rowspan=-5 colspan=0>1</td></tr></table>`},
		{"rowspan-huge.html", `<table><tr><td rowspan=99999999999999999999 colspan=2147483647>x</td></tr></table>`},
		{"nested.html", strings.Repeat("<table><tr><td>", 200) + "1" + strings.Repeat("</td></tr></table>", 200)},
		{"unclosed.html", "<html><head><meta charset=gb2312><title>报告"},
		{"meta-bogus.html", `<meta charset="x-nonsense"><p>本年度共主动公开信息100条</p>`},
		{"numbers.txt", "主动公开政府信息99999999999999999999999条，收到申请-3件，收费0.0000000000001元"},
		{"table.txt", "统计指标 单位 统计数\n主动公开政府信息数 条 12\n"},
	} {
		f.Add(c.name, []byte(c.data))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		r, err := load.Report(name, data)
		if err != nil {
			if !errors.Is(err, parse.ErrUnreadable) {
				t.Fatalf("error does not wrap ErrUnreadable: %v", err)
			}
			if r != nil {
				t.Fatalf("both a report and an error: %v", err)
			}
			return
		}
		if r == nil {
			t.Fatal("nil report and nil error")
		}
		if _, err := marshal(r); err != nil {
			t.Fatalf("report does not marshal: %v", err)
		}
	})
}
