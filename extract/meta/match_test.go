package meta

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The regular expressions the matchers of match.go replace: the tests
// compare the two.
var (
	bodyGovRe     = regexp.MustCompile(`(?:^|[，。；：、,;:\s（(“])([^\P{Han}使把将对在我本全各该请与向由按据经][\p{Han}]{1,13}?(?:人民政府|街道办事处))`)
	bodyPlaceRe   = regexp.MustCompile(`(?:^|[，。；：、,;:\s（(“《]|使|推动|促进)([^\P{Han}使把将对在我本全各该请与向由按据经][\p{Han}]{1,9}?(?:省|市|区|县|旗|州|镇|乡|街道))(?:人民政府|政府)?(?:政务公开|政府信息公开)`)
	yearRe        = regexp.MustCompile(`(` + yearDigits + `)\s*年`)
	planRe        = regexp.MustCompile(`^[^。；]{0,12}?(?:将|计划|打算|安排|拟|展望|施行|实施以来|起施行)`)
	officeAfterRe = regexp.MustCompile(`^(?:工作)?(?:协调)?(?:办公室|领导小组|办|科|股)`)
	nameRe        = regexp.MustCompile(`^[\p{Han}（）()]{2,30}$`)
	periodKeyRe   = regexp.MustCompile(`^(?:统计[\p{Han}]{0,4}?(?:期限|时限|时间|期间|区间|周期|时段|期|截止)|起止时间)`)
	periodYearRe  = regexp.MustCompile(`((?:19|20)\d{2})(?:\s*年|\d{2,4}\s*日)`)
	selfRefRe     = regexp.MustCompile(`(?:现将|现公布|公布|公开|编制|汇总|发布|形成)([^。；，,：:]{0,40}?(?:年度报告|年报|报告如下|函告如下|工作报告|情况报告))`)
)

var matchers = []struct {
	name string
	re   *regexp.Regexp
	find func(string, []match) []match
}{
	{"bodyGov", bodyGovRe, bodyGovMatches},
	{"bodyPlace", bodyPlaceRe, bodyPlaceMatches},
	{"selfRef", selfRefRe, selfRefMatches},
	{"year", yearRe, yearMatches},
}

// checkMatchers fails t when a matcher and its regexp disagree on s.
func checkMatchers(t *testing.T, s string) {
	t.Helper()
	// officeAfter and isNameText on the text from each of its first
	// characters on, and on its pieces.
	for _, x := range []string{s, s + " ", "\u3000" + s, s + "\xe4", s + "\xe4\xb8", s + "\xb8", s + "●", "·" + s} {
		if got, want := clean(x), strings.TrimFunc(x, isCleaned); got != want {
			t.Fatalf("clean(%q) = %q, want %q", x, got, want)
		}
	}
	for _, w := range []string{"年", "年报", "ab", "\xb4\xb4"} {
		if got, want := lastIndex(s, w), strings.LastIndex(s, w); got != want {
			t.Fatalf("lastIndex(%q, %q) = %d, want %d", s, w, got, want)
		}
	}
	k := 0
	for i := range s {
		if k++; k > 40 {
			break
		}
		w := s[i:min(len(s), i+30)]
		want := -1
		if loc := periodKeyRe.FindStringIndex(w); loc != nil {
			want = loc[1]
		}
		if got := periodKeyEnd(w); got != want {
			t.Fatalf("periodKeyEnd(%q) = %d, want %d", w, got, want)
		}
		w = s[i:min(len(s), i+300)]
		ys := periodYearRe.FindAllStringSubmatch(w, -1)
		if got, ok := lastPeriodYear(w); ok != (len(ys) > 0) || ok && got != ys[len(ys)-1][1] {
			t.Fatalf("lastPeriodYear(%q) = %q, %v; want %q", w, got, ok, ys)
		}
		if got, want := officeAfter(s[i:]), officeAfterRe.MatchString(s[i:]); got != want {
			t.Fatalf("officeAfter(%q) = %v", s[i:], got)
		}
		for _, j := range []int{i + 3, i + 6, i + 9, i + 30, i + 90, i + 91, len(s)} {
			if j <= len(s) {
				if got, _ := isNameText(s[i:j]); got != nameRe.MatchString(s[i:j]) {
					t.Fatalf("isNameText(%q) = %v", s[i:j], got)
				}
				if got, want := validName(s[i:j]), validNameRef(s[i:j]); got != want {
					t.Fatalf("validName(%q) = %v, reference %v", s[i:j], got, want)
				}
				if got, want := nameLike(s[i:j]), nameLikeRef(s[i:j]); got != want {
					t.Fatalf("nameLike(%q) = %v, reference %v", s[i:j], got, want)
				}
			}
		}
	}
	for n := range 30 {
		if got, want := moreRunes(s, n), utf8.RuneCountInString(s) > n; got != want {
			t.Fatalf("moreRunes(%q, %d) = %v", s, n, got)
		}
	}
	want := s
	if strings.Contains(s, "《") {
		want = stripCitedRunes(s) // as stripCited did
	}
	if got := stripCited(s); got != want {
		t.Fatalf("stripCited(%q) = %q, want %q", s, got, want)
	}
	for _, m := range matchers {
		var want []match
		for _, l := range m.re.FindAllStringSubmatchIndex(s, -1) {
			want = append(want, match{l[0], l[1], l[2], l[3]})
		}
		if got := m.find(s, nil); !slices.Equal(got, want) {
			t.Fatalf("%s on %q:\n got %v\nwant %v", m.name, s, got, want)
		}
		for _, w := range append(want, match{}) {
			if got, want := isPlan(s[w.end:]), planRe.MatchString(s[w.end:]); got != want {
				t.Fatalf("isPlan(%q) = %v, want %v", s[w.end:], got, want)
			}
		}
	}
}

var matcherSeeds = []string{
	"",
	"牛街乡人民政府通过信息平台",
	"，牛街乡人民政府通过信息平台，我县人民政府，县人民政府办公室",
	"使八道江区政务公开工作再上新台阶，《八道江区政府信息公开工作考核办法》",
	"推动某某市人民政府政务公开，促进某县政府政府信息公开，某街道街道政务公开",
	"现将海城市西四镇2025年度政府信息公开工作情况报告如下：",
	"现公布2011年度政府信息公开年度报告。公开，编制年报汇总工作报告发布情况报告形成函告如下",
	"公开" + strings.Repeat("的", 39) + "年报；公开" + strings.Repeat("的", 40) + "年报；公开" + strings.Repeat("的", 41) + "年报",
	"某" + strings.Repeat("甲", 12) + "人民政府，某" + strings.Repeat("甲", 13) + "人民政府，" + strings.Repeat("甲", 20) + "街道办事处",
	"\xe4\xb8人民政府 \xff某县人民政府\xe4某市政务公开",
	"（县人民政府）“镇人民政府”\f乡人民政府\r区街道办事处",
	"使区政府政务公开 使省人民政府信息公开 使州人民政府政府信息公开",
	"2016年，二〇一三年, 二0一七 \t年，12345年ＯＯ一九年\xe4\xb8\x80九九九年我们将；2017年。将 2008年5月1日起施行",
	"《关于《某》的通知》》《《》甲》乙《丙",
	"政务公开办公室，工作领导小组 工作协调科 协调工作办 工作股 (某县)（某局）",
	"统计期限为2013年1月1日至2013年12月31日。统计时间201011日至20101231日，统计的口径时限 2019 年；起止时间：2020 12 日 20201 日",
	"统计数据表明期间统计甲乙丙丁期统计甲乙丙丁戊期 1999年 19999年 20001234日 2000123日 200012345日",
	"200012345日", "2000 年", "1999 12日", "19991日", "2099123 日",
	"1999年" + strings.Repeat("的", 11) + "计划，1999年" + strings.Repeat("的", 12) + "计划，1999年" + strings.Repeat("的", 13) + "计划",
}

func TestMatchersSeeds(t *testing.T) {
	for _, s := range matcherSeeds {
		checkMatchers(t, s)
	}
}

// TestMatchersReports compares the matchers with the regexps on every line
// of the sample reports.
func TestMatchersReports(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "reports", "*.txt"))
	if len(files) == 0 {
		t.Skip("no sample reports")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkMatchers(t, string(data))
		for line := range strings.Lines(string(data)) {
			checkMatchers(t, line)
			checkMatchers(t, stripCited(line))
		}
	}
}

func FuzzMatchers(f *testing.F) {
	for _, s := range matcherSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMatchers(t, s)
	})
}

// TestMatchersTokens compares the matchers with the regexps on text made of
// the pieces their patterns are made of, where random bytes seldom form one.
func TestMatchersTokens(t *testing.T) {
	tokens := []string{
		"人民政府", "街道办事处", "政务公开", "政府信息公开", "政府", "人民", "街道", "信息公开",
		"县", "市", "区", "省", "乡", "镇", "街", "使", "推动", "促进", "我", "本", "某", "甲",
		"，", "。", "；", ":", "《", "》", "“", "（", "(", " ", "\n", "\xff", "\xe4\xb8", "a", "1",
		"现将", "现公布", "公布", "公开", "编制", "汇总", "发布", "形成",
		"年度报告", "年报", "报告如下", "函告如下", "工作报告", "情况报告", "年度", "报告", "如下",
		"年", "2", "二", "〇", "Ｏ", "O", "九", "\t", "将", "计划", "施行", "起施行", "实施以来", "拟", "；", "《", "》", "》", "〈", "、", "工作", "协调", "ab", "b", "\xb4", "\u00a0", "\u2028", "\v", "\u200b", "\u0085", "•", "◆", "\u3000", "统计", "起止时间", "期限", "期", "时间", "截止", "19", "20", "0", "日", "12", "办公室", "领导小组", "办", "科", "股", "）", "(",
	}
	next := rand.New(rand.NewPCG(1, 0)).IntN // a fixed sequence: the same cases every run
	var b strings.Builder
	for range 5000 {
		b.Reset()
		for range 1 + next(40) {
			tok := tokens[next(len(tokens))]
			if next(3) == 0 {
				tok = strings.Repeat(tok, 1+next(15))
			}
			b.WriteString(tok)
		}
		checkMatchers(t, b.String())
	}
}
