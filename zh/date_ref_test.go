package zh

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The regular expressions DateAt read dates with, and DateAt as it was:
// the tests hold DateAt to it.
const smallNumRe = `[0-9０-９]{1,2}|[十一二三四五六七八九]{1,3}`

var (
	cnDateAtRe  = regexp.MustCompile(`^([` + YearDigits + `]{4})\s*年\s*(?:(` + smallNumRe + `)\s*月\s*(?:(` + smallNumRe + `)\s*[日号])?)?`)
	isoDateAtRe = regexp.MustCompile(`^((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})`)
)

func dateAtRegexp(s string) (Date, int) {
	if loc := isoDateAtRe.FindStringSubmatchIndex(s); loc != nil {
		y, _ := strconv.Atoi(s[loc[2]:loc[3]])
		mo, _ := strconv.Atoi(s[loc[4]:loc[5]])
		d, _ := strconv.Atoi(s[loc[6]:loc[7]])
		return makeDate(y, mo, d), loc[1]
	}
	if loc := cnDateAtRe.FindStringSubmatchIndex(s); loc != nil {
		if y := ParseYear(s[loc[2]:loc[3]]); y != 0 {
			return makeDate(y, ParseSmall(group(s, loc, 2)), ParseSmall(group(s, loc, 3))), loc[1]
		}
	}
	return Date{}, 0
}

// group returns submatch i of a FindStringSubmatchIndex result, "" if unset.
func group(s string, loc []int, i int) string {
	if loc[2*i] < 0 {
		return ""
	}
	return s[loc[2*i]:loc[2*i+1]]
}

func checkDateAt(t *testing.T, s string) {
	t.Helper()
	gd, gn := DateAt(s)
	wd, wn := dateAtRegexp(s)
	if gd != wd || gn != wn {
		t.Fatalf("DateAt(%q) = %v, %d; want %v, %d", s, gd, gn, wd, wn)
	}
}

var dateSeeds = []string{
	"", "2", "2012", "2012年", "2012 年 ", "2012年\t3 月 \r", "2012年3月 ", "2012年3月5", "2012年3月5日", "2012年3月5 号x",
	"二○一二年二月二十日", "二〇一四年三月", "二0一七年", "二〇一三年十二月三十一日", "2014年3月31日", "2013年03月28日",
	"2014 年 3 月 31 号", "2012-12-31", "2012/1/5", "2026-03-10 12:56", "2014-03-31字体:[ ]", "2014年13月5日",
	"无日期", "于2014年3月", "2014年123月", "2014年1２月３1日", "2014年十二三月", "2014年十二三四月", "2014年三月十二三四日",
	"2014年三月十二三日", "1989年", "2100年", "20１4年", "２０１４年", "ＯＯ一九年", "二OO九年", "2012-123-1", "2012 - 12 . 31",
	"2012-1", "2012-1-", "2012-1-x", "1812-1-1", "2012-1-123", "2012/\v1/1", "2012\v年", "2012年\v3月", "2012\x00年",
	"\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80\xe4年", "2012年3\xe6\x9c月", "2012年3月\xff日", "2012年3月5\xe6\x97",
}

func TestDateAtAsRegexp(t *testing.T) {
	for _, s := range dateSeeds {
		checkDateAt(t, s)
	}
}

// TestDateAtReports compares DateAt with the regular expressions at every
// character of the sample reports that starts a date's first digit.
func TestDateAtReports(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "reports", "*.txt"))
	if len(files) == 0 {
		t.Skip("no sample reports")
	}
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		for i, r := range s {
			if YearDigit(r) >= 0 {
				checkDateAt(t, s[i:min(len(s), i+80)])
				n++
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d places tried", n)
	}
}

// TestDateAtTokens compares DateAt with the regular expressions on text
// made of the pieces dates are made of.
func TestDateAtTokens(t *testing.T) {
	tokens := []string{"2", "0", "1", "9", "20", "19", "２", "０", "〇", "○", "◯", "零", "O", "Ｏ", "o", "一", "二", "十", "三", "九", "两",
		"年", "月", "日", "号", "-", "/", ".", " ", "\t", "\n", "\f", "\r", "\v", "\u3000", "\xe5", "\xff", "x", "：", "度"}
	next := rand.New(rand.NewPCG(7, 0)).IntN // a fixed sequence: the same cases every run
	var b strings.Builder
	for range 200000 {
		b.Reset()
		for range 1 + next(12) {
			b.WriteString(tokens[next(len(tokens))])
		}
		checkDateAt(t, b.String())
	}
}

func FuzzDateAt(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkDateAt(t, s) })
}
