package zh

import (
	"fmt"
	"regexp"
	"testing"
)

// YearDigits is the class of what YearDigit reads.
func TestYearDigits(t *testing.T) {
	class := regexp.MustCompile(`^[` + YearDigits + `]$`)
	for r := rune(0); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if in := class.MatchString(string(r)); in != (YearDigit(r) >= 0) {
			t.Fatalf("%q: in YearDigits %v, YearDigit %d", r, in, YearDigit(r))
		}
	}
}

func TestParseYear(t *testing.T) {
	for in, want := range map[string]int{
		"2016": 2016, "二〇一三": 2013, "二○一三": 2013, "二◯二三": 2023, "二0一七": 2017, "二零一五": 2015,
		"２０１４": 2014, "二OO九": 2009, "1850": 0, "201": 0, "20160": 0, "二十一年": 0, "两〇一三": 0, "": 0,
	} {
		if got := ParseYear(in); got != want {
			t.Errorf("ParseYear(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestNextYear(t *testing.T) {
	tests := []struct {
		t          string
		from       int
		year, s, e int
	}{
		{"2023年", 0, 2023, 0, 7},
		{"截至二〇二三年底", 0, 2023, 6, 21},
		{"２０２３年", 0, 2023, 0, 15},
		{"于2023 年", 0, 2023, 3, 11},
		{"一年来，2022年", 0, 2022, 12, 19},
		{"2022年和2023年", 7, 2023, 10, 17},
		{"十二年", 0, 0, -1, -1},
		{"1985年", 0, 0, -1, -1},
		{"", 0, 0, -1, -1},
	}
	for _, tt := range tests {
		y, s, e := NextYear(tt.t, tt.from)
		if y != tt.year || s != tt.s || e != tt.e {
			t.Errorf("NextYear(%q, %d) = %d, %d, %d; want %d, %d, %d", tt.t, tt.from, y, s, e, tt.year, tt.s, tt.e)
		}
	}
}

func TestParseSmall(t *testing.T) {
	for in, want := range map[string]int{
		"3": 3, "03": 3, "１２": 12, "一": 1, "十": 10, "十二": 12, "二十": 20, "二十一": 21, "三十一": 31,
		"": 0, "五月": 0, "+3": 3, "-1": -1, "３": 3, "\xef\xbc": 0, "\xff": 0, "一十": 10,
	} {
		if got := ParseSmall(in); got != want {
			t.Errorf("ParseSmall(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestDateAt(t *testing.T) {
	for in, want := range map[string]struct {
		date string
		n    int
	}{
		"二○一二年二月二十日":       {"2012-02-20", 30},
		"二〇一四年三月":          {"2014-03", 21},
		"二0一七年":            {"2017", 13},
		"二〇一三年十二月三十一日":     {"2013-12-31", 36},
		"2014年3月31日":       {"2014-03-31", 16},
		"2013年03月28日":      {"2013-03-28", 17},
		"2014 年 3 月 31 号":  {"2014-03-31", 21},
		"2012-12-31":       {"2012-12-31", 10},
		"2012/1/5":         {"2012-01-05", 8},
		"2026-03-10 12:56": {"2026-03-10", 10},
		"2014-03-31字体:[ ]": {"2014-03-31", 10},
		"2014年13月5日":       {"2014", 16}, // a bad month keeps the year only
		"无日期":              {"", 0},
		"于2014年3月":         {"", 0}, // not at the start
	} {
		d, n := DateAt(in)
		if got := d.String(); got != want.date || n != want.n {
			t.Errorf("DateAt(%q) = %q, %d; want %q, %d", in, got, n, want.date, want.n)
		}
	}
}

func ExampleDateAt() {
	d, n := DateAt("二〇一四年三月三十一日 平潭县人民政府")
	fmt.Println(d, d.Year, d.Month, d.Day, n)
	// Output: 2014-03-31 2014 3 31 33
}
