package pdf

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// monoWidth measures as a CJK font does: wide characters 1, ASCII 0.5.
func monoWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < utf8.RuneSelf {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

func TestBreakLines(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits", "政府信息公开", 10, []string{"政府信息公开"}},
		{"empty", "", 5, []string{""}},
		{"between CJK", "政府信息公开工作", 3, []string{"政府信", "息公开", "工作"}},
		{"exact width", "一二三四", 2, []string{"一二", "三四"}},
		{"comma not at start", "一二，三四", 2, []string{"一", "二，", "三四"}},
		{"full stop not at start", "甲乙丙。丁", 3, []string{"甲乙", "丙。丁"}},
		{"several closing", "甲乙丙。”丁", 3, []string{"甲乙", "丙。”", "丁"}},
		{"enumeration comma", "甲乙、丙", 2, []string{"甲", "乙、", "丙"}},
		{"closing bracket", "甲乙丙）丁", 3, []string{"甲乙", "丙）丁"}},
		{"closing book title", "甲乙丙》丁", 3, []string{"甲乙", "丙》丁"}},
		{"ellipsis", "甲乙丙…", 3, []string{"甲乙", "丙…"}},
		{"question and colon", "甲乙：丙？", 2, []string{"甲", "乙：", "丙？"}},
		{"ascii comma", "甲乙,丙", 2, []string{"甲", "乙,", "丙"}},
		{"opening bracket not at end", "甲乙（丙）", 3, []string{"甲乙", "（丙）"}},
		{"opening book title", "甲乙丙《丁》", 4, []string{"甲乙丙", "《丁》"}},
		{"opening quote", "甲乙“丙”", 3, []string{"甲乙", "“丙”"}},
		{"ascii opening", "甲乙(1)", 3, []string{"甲乙", "(1)"}},
		{"phone number whole", "电话0436-3292718", 6, []string{"电话", "0436-3292718"}},
		{"count whole", "受理2917件", 2.5, []string{"受理", "2917", "件"}},
		{"decimal whole", "经费4166.241619万元", 6, []string{"经费", "4166.241619", "万元"}},
		{"number and closing", "共2917。", 3, []string{"共", "2917。"}},
		{"long word broken", "0436-3292718-0000", 3, []string{"0436-3", "292718", "-0000"}},
		{"space kept at line end", "ab cd ef", 2, []string{"ab ", "cd ", "ef"}},
		{"newline forces break", "甲乙\n丙", 5, []string{"甲乙", "丙"}},
		{"blank line kept", "甲\n\n乙", 5, []string{"甲", "", "乙"}},
		{"crlf", "甲\r\n乙", 5, []string{"甲", "乙"}},
		{"zero width still progresses", "甲乙", 0, []string{"甲", "乙"}},
		// A group wider than the cell keeps 避头尾: the bracket hangs.
		{"narrow cell bracket hangs", "（三）不予公开", 2, []string{"（三）", "不予", "公开"}},
		{"narrow cell opening goes down", "甲乙（丙）", 2.5, []string{"甲乙", "（丙）"}},
		// No character alone on the last line while the line before can
		// spare one.
		{"no widow", "政府信息公开工作年度报告", 11, []string{"政府信息公开工作年度", "报告"}},
		{"no widow with its full stop", "政府信息公开工作年度报告。", 11, []string{"政府信息公开工作年度", "报告。"}},
		// Paths break after / \ _ - or a dot.
		{"path", "testdata/reports/pingtan-2025-zone-html.html", 10, []string{"testdata/reports/", "pingtan-2025-zone-", "html.html"}},
		{"windows path", `D:\各单位\2023_county-report.html`, 6, []string{`D:\各单位\`, "2023_county-", "report.html"}},
		{"no lone last character", "社会公益组织", 5, []string{"社会公益", "组织"}},
		{"lone character kept with its line's last", "法律服务机构", 5, []string{"法律服务", "机构"}},
		// The character before the comma goes down with it (noWidow moves
		// whole groups): the comma never starts a line.
		{"lone character after a comma", "甲乙丙，丁", 4, []string{"甲乙", "丙，丁"}},
		{"a two-character line is left", "甲乙丙", 2, []string{"甲乙", "丙"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := breakLines(tt.text, tt.width, monoWidth)
			if !slices.Equal(got, tt.want) {
				t.Errorf("breakLines(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

// TestBreakLinesInvariants checks, on a long paragraph and many widths,
// that no character is lost, no line is too wide (unless it is one piece
// that cannot be broken) and the 避头尾 rules hold.
func TestBreakLinesInvariants(t *testing.T) {
	text := strings.Repeat("本机关2024年共收到政府信息公开申请2917件（其中当面申请15件），"+
		"咨询电话0436-3292718；全年支出专项经费4166.241619万元。“予以公开”占比达到52.3%…… "+
		"See www.gov.cn/zhengce for details. 《中华人民共和国政府信息公开条例》规定：", 4)
	for _, width := range []float64{1, 2, 3, 5, 7.5, 10, 16, 33, 80} {
		lines := breakLines(text, width, monoWidth)
		if got := strings.Join(lines, ""); got != text {
			t.Fatalf("width %v: characters lost:\n got %q\nwant %q", width, got, text)
		}
		for i, l := range lines {
			trimmed := strings.TrimRight(l, " ")
			if monoWidth(trimmed) > width && utf8.RuneCountInString(trimmed) > 1 && width >= 6 {
				t.Errorf("width %v: line %d too wide: %q", width, i, l)
			}
			if width < 6 {
				continue // narrower than the longest piece: forced breaks
			}
			first, _ := utf8.DecodeRuneInString(l)
			if i > 0 && isNoStart(first) {
				t.Errorf("width %v: line %d starts with %q: %q", width, i, first, l)
			}
			last, _ := utf8.DecodeLastRuneInString(l)
			if i < len(lines)-1 && isNoEnd(last) {
				t.Errorf("width %v: line %d ends with %q: %q", width, i, last, l)
			}
		}
	}
}

// No line of a narrow cell starts with a closing mark or ends with an
// opening one, whatever the width.
func TestBreakLinesNarrow(t *testing.T) {
	for _, text := range []string{"（三）不予公开", "（四）无法提供", "三、本年度办理结果", "“三安全一稳定”", "《条例》（第二十条）"} {
		for _, width := range []float64{2, 2.5, 3, 4} {
			lines := breakLines(text, width, monoWidth)
			if strings.Join(lines, "") != text {
				t.Fatalf("%q at %v: %q", text, width, lines)
			}
			for i, l := range lines {
				first, _ := utf8.DecodeRuneInString(l)
				last, _ := utf8.DecodeLastRuneInString(l)
				if i > 0 && isNoStart(first) || i < len(lines)-1 && isNoEnd(last) {
					t.Errorf("%q at %v: %q", text, width, lines)
				}
			}
		}
	}
}

// Digit runs and words are never split when they fit on a line.
func TestBreakLinesKeepsWords(t *testing.T) {
	text := "申请2917件，电话0436-3292718，经费4166.241619万元，网址www.gov.cn。"
	for _, width := range []float64{7, 9, 12} {
		lines := breakLines(text, width, monoWidth)
		joined := strings.Join(lines, "|")
		for _, w := range []string{"2917", "0436-3292718", "4166.241619", "www.gov.cn"} {
			if !strings.Contains(joined, w) {
				t.Errorf("width %v: %q split: %q", width, w, lines)
			}
		}
	}
}
