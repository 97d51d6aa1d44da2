package zh

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// YearDigit returns the value of a character reports write the digits of a
// year with, or -1: ASCII and full-width digits, the Chinese digits 一 to
// 九, and every zero seen in practice: 〇 (U+3007), ○ (U+25CB), ◯ (U+25EF),
// 零, the digit 0 and the letter O (Ｏ).
//
// It differs from PositionalDigit, the prose reader's: it reads ◯, and not
// the financial forms, 两 or the lower-case o.
func YearDigit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	switch r {
	case '〇', '○', '◯', '零', 'O', 'Ｏ':
		return 0
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// YearDigits are the characters YearDigit reads, as the body of a regular
// expression's character class: `[` + YearDigits + `]{4}年` is a year.
const YearDigits = `0-9０-９〇○◯零OＯ一二三四五六七八九`

// ParseYear reads four year digits (YearDigit): 2016, 二〇一三, 二0一七,
// ２０１４, 二OO九. It returns 0 unless s is exactly four of them and a
// plausible report year, 1990 to 2099.
func ParseYear(s string) int {
	y, n := 0, 0
	for _, r := range s {
		d := YearDigit(r)
		if d < 0 {
			return 0
		}
		y = y*10 + d
		n++
	}
	if n != 4 || y < 1990 || y > 2099 {
		return 0
	}
	return y
}

// NextYear finds the first year written with 年 (2016年, 二〇一三年, 2016 年)
// in t at or after byte from: the year and the byte range from its first
// digit to the end of 年; start is -1 when there is none. Spaces and tabs
// may stand between the digits and 年. It looks for 年 and reads back,
// which is much cheaper than a regular expression over the whole text.
func NextYear(t string, from int) (year, start, end int) {
	for from < len(t) {
		i := strings.Index(t[from:], "年")
		if i < 0 {
			break
		}
		i += from
		from = i + len("年")
		j := i
		for j > 0 && (t[j-1] == ' ' || t[j-1] == '\t') {
			j--
		}
		k := j
		for n := 0; n < 4 && k > 0; n++ {
			_, m := utf8.DecodeLastRuneInString(t[:k])
			k -= m
		}
		if y := ParseYear(t[k:j]); y != 0 {
			return y, k, from
		}
	}
	return 0, -1, -1
}

// ParseSmall reads a small number as months, days and section numbers are
// written: 3, 03, １２ (an integer in ASCII or full-width digits), or 十,
// 十二, 二十, 三十一 (Chinese numerals with 十, each digit read by
// YearDigit). It returns 0 for anything else.
func ParseSmall(s string) int {
	if s == "" {
		return 0
	}
	// Only a string that starts with ASCII (a digit or a sign) or a
	// full-width digit (EF BC 90–99) can be an integer: the others skip
	// Atoi, whose error is an allocation (for every numbering like 三、).
	if s[0] < utf8.RuneSelf || strings.HasPrefix(s, "\xef\xbc") {
		if n, err := strconv.Atoi(strings.Map(func(r rune) rune {
			if r >= '０' && r <= '９' {
				return r - '０' + '0'
			}
			return r
		}, s)); err == nil {
			return n
		}
	}
	v, cur := 0, 0
	for _, r := range s {
		if r == '十' {
			if cur == 0 {
				cur = 1
			}
			v += cur * 10
			cur = 0
			continue
		}
		d := YearDigit(r)
		if d < 0 {
			return 0
		}
		cur = d
	}
	return v + cur
}

// Date is a date as precisely as a report states it: Month or Day is 0
// when it was not stated, and Year is 0 for no date at all.
type Date struct{ Year, Month, Day int }

// String formats the date as 2006-01-02, 2006-01 or 2006, as precisely as
// it is known; "" for no date.
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// makeDate validates parsed parts; a bad month or day drops the parts from
// there on rather than the whole date.
func makeDate(y, m, d int) Date {
	if y == 0 {
		return Date{}
	}
	if m < 1 || m > 12 {
		return Date{Year: y}
	}
	if d < 1 || d > 31 {
		return Date{Year: y, Month: m}
	}
	return Date{y, m, d}
}

// DateAt reads the date that s starts with and returns it with its length
// in bytes, or a zero Date and 0 when s does not start with one. It reads
// 2012-12-31, 2012/12/31 and 2012.12.31 (ASCII digits), and a year written
// with 年 (ParseYear) followed by a month with 月 and a day with 日 or 号
// (ParseSmall), each optional: 2014年3月31日, 二〇一三年十二月, 2017年. A
// month or day out of range is read but left out of the date (2014年13月5日
// is 2014).
//
// It reads what two regular expressions matched (kept in the tests,
// which compare them on the samples and fuzzed text), ISO first:
//
//	^((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})
//	^([YearDigits]{4})\s*年\s*(?:(smallNum)\s*月\s*(?:(smallNum)\s*[日号])?)?
//
// where smallNum is [0-9０-９]{1,2}|[十一二三四五六七八九]{1,3}. The
// expressions cost some thousands of instructions a call, a tenth of
// reading a report's metadata.
func DateAt(s string) (Date, int) {
	if y, m, d, n := isoDateAt(s); n > 0 {
		return makeDate(y, m, d), n
	}
	if len(s) < 4 {
		return Date{}, 0
	}
	// Four year digits, spaces, 年.
	i := 0
	for range 4 {
		r, n := utf8.DecodeRuneInString(s[i:])
		if YearDigit(r) < 0 {
			return Date{}, 0
		}
		i += n
	}
	year := s[:i]
	i = skipREBlanks(s, i)
	if !strings.HasPrefix(s[i:], "年") {
		return Date{}, 0
	}
	y := ParseYear(year)
	if y == 0 {
		return Date{}, 0
	}
	end := skipREBlanks(s, i+len("年"))
	// The month and the day are optional, the day only after a month;
	// the blanks after 年 and after 月 are the match's even where nothing
	// follows them.
	var month, day string
	if e := smallNumAt(s, end); e >= 0 {
		if j := skipREBlanks(s, e); strings.HasPrefix(s[j:], "月") {
			month, end = s[end:e], skipREBlanks(s, j+len("月"))
			if e := smallNumAt(s, end); e >= 0 {
				if j := skipREBlanks(s, e); strings.HasPrefix(s[j:], "日") || strings.HasPrefix(s[j:], "号") {
					day, end = s[end:e], j+len("日") // 号 is as long
				}
			}
		}
	}
	return makeDate(y, ParseSmall(month), ParseSmall(day)), end
}

// isoDateAt reads a date of ASCII digits s starts with, 2012-12-31,
// 2012/12/31 or 2012.12.31, returning its parts and its length; n is 0
// when there is none.
func isoDateAt(s string) (y, m, d, n int) {
	if len(s) < 8 || !(s[:2] == "19" || s[:2] == "20") || !isDigit(s[2]) || !isDigit(s[3]) {
		return 0, 0, 0, 0
	}
	i := skipREBlanks(s, 4)
	if i == len(s) || !isDateSep(s[i]) {
		return 0, 0, 0, 0
	}
	i = skipREBlanks(s, i+1)
	m, e := asciiDigits2(s, i)
	if e == i {
		return 0, 0, 0, 0
	}
	// Two digits not followed by a separator are not followed by one
	// after the first either: the digit stands there.
	i = skipREBlanks(s, e)
	if i == len(s) || !isDateSep(s[i]) {
		return 0, 0, 0, 0
	}
	i = skipREBlanks(s, i+1)
	d, e = asciiDigits2(s, i)
	if e == i {
		return 0, 0, 0, 0
	}
	y = int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	return y, m, d, e
}

func isDigit(c byte) bool { return c-'0' <= 9 }

func isDateSep(c byte) bool { return c == '-' || c == '/' || c == '.' }

// asciiDigits2 reads one or two ASCII digits at i, as many as stand
// there: their value and where they end (i when there is none).
func asciiDigits2(s string, i int) (v, end int) {
	for end = i; end < len(s) && end < i+2 && isDigit(s[end]); end++ {
		v = v*10 + int(s[end]-'0')
	}
	return v, end
}

// skipREBlanks returns the end of the run of white space (\s in a
// regular expression: \t \n \f \r and space) at i in s.
func skipREBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}

// smallNumAt matches [0-9０-９]{1,2}|[十一二三四五六七八九]{1,3} at i in
// s, where what follows it in a date (blanks, then 月, 日 or 号) must
// follow: it returns the end of the match, or -1. A run of the class
// longer than its bound leaves only shorter matches, which a character of
// the class follows, and a run of digits leaves no match of numerals.
func smallNumAt(s string, i int) int {
	if end, n := classRun(s, i, isSmallDigit, 2); n > 0 {
		if n > 2 {
			return -1
		}
		return end
	}
	if end, n := classRun(s, i, isSmallNumeral, 3); n > 0 && n <= 3 {
		return end
	}
	return -1
}

// classRun returns the end and the length in characters of the run of
// characters in at i in s, read up to bound+1 characters.
func classRun(s string, i int, in func(rune) bool, bound int) (end, n int) {
	for end = i; n <= bound; n++ {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !in(r) {
			break
		}
		end += size
	}
	return end, n
}

func isSmallDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func isSmallNumeral(r rune) bool { return strings.ContainsRune("十一二三四五六七八九", r) }
