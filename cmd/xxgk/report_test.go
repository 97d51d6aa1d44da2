package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"xxgk"
	"xxgk/parse"
)

func TestReportStatus(t *testing.T) {
	unreadable := &inputError{name: "a.bin", reason: "不是文本文件", err: parse.ErrUnreadable}
	usage := &usageError{msg: "请指定至少一个报告文件", command: "xxgk parse"}
	for _, tc := range []struct {
		err  error
		want int
		msgs []string
	}{
		{nil, exitOK, nil},
		{errors.New("boom"), exitError, []string{"xxgk: boom\n"}},
		{usage, exitError, []string{"xxgk: 请指定至少一个报告文件\n运行 xxgk parse --help 查看用法。\n"}},
		{unreadable, exitUnreadable, []string{"xxgk: 无法读取 a.bin：不是文本文件\n"}},
		{errors.Join(unreadable, fmt.Errorf("写出结果失败：%w", errors.New("pipe"))), exitUnreadable,
			[]string{"xxgk: 无法读取 a.bin：不是文本文件\n", "xxgk: 写出结果失败：pipe\n"}},
	} {
		var buf bytes.Buffer
		if got := report(&buf, tc.err); got != tc.want {
			t.Errorf("report(%v) = %d, want %d", tc.err, got, tc.want)
		}
		if got, want := buf.String(), strings.Join(tc.msgs, ""); got != want {
			t.Errorf("report(%v) printed %q, want %q", tc.err, got, want)
		}
	}
}

func TestParseReason(t *testing.T) {
	for _, tc := range []struct {
		path string
		err  error
		want string
	}{
		{"a.txt", fmt.Errorf("a.txt: 文件为空: %w", parse.ErrUnreadable), "文件为空"},
		{"a.bin", fmt.Errorf("a.bin：不是文本文件：%w", parse.ErrUnreadable), "不是文本文件"},
		{"-", fmt.Errorf("-: 编码无法识别: %w", parse.ErrUnreadable), "编码无法识别"},
		{"a.txt", parse.ErrUnreadable, "无法识别文件内容"},
		{"a.txt", errors.New("其他原因"), "其他原因"},
	} {
		if got := parseReason(tc.path, tc.err); got != tc.want {
			t.Errorf("parseReason(%q, %q) = %q, want %q", tc.path, tc.err, got, tc.want)
		}
	}
}

func TestFormName(t *testing.T) {
	for id, want := range map[string]string{
		"narrative": "文字报告",
		"stat_2014": "2014年统计表",
		"gov_2019":  "2019年格式",
		"gov_2021":  "2021年格式",
		"fj_2013":   "福建2013年统计表",
		"xx_local":  "xx_local",
		"":          "未识别",
	} {
		if got := formName(id); got != want {
			t.Errorf("formName(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestWriteSummary(t *testing.T) {
	r := xxgk.NewReport(xxgk.Source{Path: "a.txt", Kind: "text"})
	r.Agency, r.Year, r.Form = "洮北区人民政府", 2012, "gov_2021"
	r.Figures["proactive.total"] = xxgk.Value{Value: xxgk.Int(2917), Unit: "条", Evidence: xxgk.Evidence{Method: xxgk.MethodProse}}
	r.Figures["requests.received"] = xxgk.Value{Value: xxgk.Int(40), Unit: "件", Approx: true, Evidence: xxgk.Evidence{Method: xxgk.MethodTable}}
	r.AddFinding(xxgk.Finding{Rule: "r1", Severity: xxgk.SeverityInfo, Message: "按 GB18030 读取"})
	r.AddFinding(xxgk.Finding{Rule: "r2", Severity: xxgk.SeverityError, Message: "办结数与收到数不平衡", Line: 31})
	var buf bytes.Buffer
	writeSummary(&buf, "a.txt", r)
	want := `文件：a.txt
单位：洮北区人民政府
年度：2012
格式：2021年格式
指标：2 项
  主动公开政府信息数：2917 条（正文）
  本年新收政府信息公开申请数：约40 件（表格）
表格数据：0 项
核查发现：2 项
  - [错误] 办结数与收到数不平衡（第31行）
  - [提示] 按 GB18030 读取
`
	if got := buf.String(); got != want {
		t.Errorf("summary:\n%s\nwant:\n%s", got, want)
	}
}
