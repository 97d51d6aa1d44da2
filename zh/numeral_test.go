package zh

import (
	"fmt"
	"strings"
	"testing"
)

func TestIsNumeral(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		if IsNumeral(r) != strings.ContainsRune(Numerals, r) {
			t.Fatalf("IsNumeral(%q) = %v", r, IsNumeral(r))
		}
	}
}

func TestDigits(t *testing.T) {
	tests := []struct {
		r                     rune
		digit, positional, yr int
	}{
		{'〇', 0, 0, 0}, {'○', 0, 0, 0}, {'零', 0, 0, 0}, {'◯', -1, -1, 0},
		{'O', -1, 0, 0}, {'Ｏ', -1, 0, 0}, {'o', -1, 0, -1},
		{'一', 1, 1, 1}, {'壹', 1, 1, -1}, {'两', 2, 2, -1}, {'兩', 2, 2, -1}, {'貳', 2, 2, -1},
		{'九', 9, 9, 9}, {'玖', 9, 9, -1},
		{'7', -1, 7, 7}, {'７', -1, 7, 7}, {'十', -1, -1, -1}, {'几', -1, -1, -1}, {'a', -1, -1, -1},
	}
	for _, tt := range tests {
		if d, p, y := Digit(tt.r), PositionalDigit(tt.r), YearDigit(tt.r); d != tt.digit || p != tt.positional || y != tt.yr {
			t.Errorf("%q: Digit, PositionalDigit, YearDigit = %d, %d, %d; want %d, %d, %d", tt.r, d, p, y, tt.digit, tt.positional, tt.yr)
		}
	}
	for r, want := range map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000, '万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8, '一': 0, '廿': 0} {
		if got := Place(r); got != want {
			t.Errorf("Place(%q) = %d, want %d", r, got, want)
		}
	}
}

func TestParseNumeral(t *testing.T) {
	cases := []struct {
		s  string
		v  int64
		ok bool
	}{
		{"两", 2, true}, {"十", 10, true}, {"十二", 12, true}, {"二十", 20, true}, {"三十", 30, true},
		{"一百", 100, true}, {"一百零八", 108, true}, {"一千二百", 1200, true}, {"一千零五", 1005, true},
		{"一千二百三十四", 1234, true},
		{"一万三千一百", 13100, true}, {"十万", 100000, true}, {"三十一万", 310000, true},
		{"一亿二千万", 120000000, true}, {"两千五", 2500, true}, {"一万三", 13000, true},
		{"二〇一三", 2013, true}, {"二○一三", 2013, true}, {"二零一三", 2013, true}, {"二0一七", 2017, true},
		{"〇", 0, true}, {"零", 0, true}, {"○", 0, true}, {"二〇", 20, true},
		{"壹佰贰拾叁", 123, true}, {"叁仟", 3000, true}, {"一十二", 12, true},
		{"", 0, false}, {"百", 0, false}, {"千万", 0, false}, {"万一", 0, false}, {"十三五", 0, false},
		{"三五", 0, false}, {"一二", 0, false}, {"两三", 0, false}, {"一百百", 0, false}, {"十百", 0, false},
		{"几十", 0, false}, {"一千零", 0, false}, {"2013", 0, false}, {"零十", 0, false}, {"一万万", 0, false},
		{"abc", 0, false}, {"十二点五", 0, false}, {"廿", 0, false},
	}
	for _, c := range cases {
		v, ok := ParseNumeral(c.s)
		if v != c.v || ok != c.ok {
			t.Errorf("ParseNumeral(%q) = %d, %v; want %d, %v", c.s, v, ok, c.v, c.ok)
		}
	}
}

func ExampleParseNumeral() {
	for _, s := range []string{"一千二百三十四", "两千五", "二〇二三", "三五"} {
		v, ok := ParseNumeral(s)
		fmt.Println(s, v, ok)
	}
	// Output:
	// 一千二百三十四 1234 true
	// 两千五 2500 true
	// 二〇二三 2023 true
	// 三五 0 false
}
