package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/urfave/cli/v3"

	"xxgk"
	"xxgk/load"
	"xxgk/templates"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "核查年度报告的数字：勾稽关系、前后矛盾、上下年衔接",
		UsageText: "xxgk check [--json] 文件或文件夹...",
		Description: "逐份核查年度报告的数字，列出每一条发现：所依据的规则、涉及的数字及其来源（原文及其位置），\n" +
			"并说明可能是报告本身的数字有误，还是 xxgk 读取有误（例如连写数字的拆分）。核查内容：\n" +
			"   · 官方统计表的全部勾稽关系（逐栏、逐行；空白格按 0 计并注明；缺少的格不核对）；\n" +
			"   · “其中”项不大于总数，数字不为负；\n" +
			"   · 正文与统计表不一致、同一指标说法不一；\n" +
			"   · 把历年累计数当作本年度数字；\n" +
			"   · 同一单位相邻两年的报告一并给出时，上一年“结转下年度继续办理”应等于下一年“上年结转”（逐栏）。\n\n" +
			"可以给出文件夹（包括其中所有子文件夹的 .txt、.html、.docx、.doc、.pdf、.xlsx 文件）。\n\n" +
			"退出码：没有错误级别的发现为 0；有错误级别的发现为 1；有文件无法读取为 2。\n\n" +
			"示例：\n" +
			"   xxgk check 2023年报.html\n" +
			"   xxgk check 2022年报.html 2023年报.html\n" +
			"   xxgk check --json 各单位报告/ > 核查.json",
		CustomHelpTemplate: commandHelpTemplate,
		OnUsageError:       onUsageError,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "以 JSON 格式输出核查结果", HideDefault: true},
		},
		Action: checkAction,
	}
}

// auditError says that some report has error-level findings: exit status 1.
type auditError struct{ errors, reports int }

func (e *auditError) Error() string {
	return fmt.Sprintf("核查发现 %d 条错误（涉及 %d 份报告）", e.errors, e.reports)
}

// reportFindings is one report's entry in check --json.
type reportFindings struct {
	Path     string         `json:"path"`
	Agency   string         `json:"agency"`
	Year     *int           `json:"year"`
	Form     string         `json:"form"`
	Findings []xxgk.Finding `json:"findings"`
}

func checkAction(ctx context.Context, cmd *cli.Command) error {
	args := cmd.Args().Slice()
	if len(args) == 0 {
		return usageErrorf(cmd, "请指定报告文件或文件夹")
	}
	files, errs := findInputs(args)
	results := parseParallel(ctx, files, progressWriter(cmd.Root().ErrWriter), whole)
	if err := ctx.Err(); err != nil {
		return err
	}
	var reports []*xxgk.Report
	for _, res := range results {
		if res.err != nil {
			errs = append(errs, res.err)
			continue
		}
		reports = append(reports, res.report)
	}
	load.Series(reports)

	w := bufio.NewWriter(cmd.Root().Writer)
	audit := &auditError{}
	entries := []reportFindings{}
	for _, r := range reports {
		n := 0
		for _, f := range r.Findings {
			if f.Severity == xxgk.SeverityError {
				n++
			}
		}
		if n > 0 {
			audit.errors += n
			audit.reports++
		}
		e := reportFindings{Path: r.Source.Path, Agency: r.Agency, Form: r.Form, Findings: r.Findings}
		if r.Year != 0 {
			e.Year = &r.Year
		}
		entries = append(entries, e)
	}
	var err error
	if cmd.Bool("json") {
		err = writeJSON(w, entries)
	} else {
		writeAudit(w, reports)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		errs = append(errs, stdoutError(err))
	}
	if len(reports) == 0 && len(errs) == 0 {
		errs = append(errs, &inputError{name: args[0], reason: "没有找到报告文件"})
	}
	if audit.errors > 0 {
		errs = append(errs, audit)
	}
	return errors.Join(errs...)
}

// writeAudit prints every report's findings, errors first, and a tally.
func writeAudit(w io.Writer, reports []*xxgk.Report) {
	tally := map[xxgk.Severity]int{}
	for i, r := range reports {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "文件：%s（%s，%s，%s）\n", r.Source.Path, nonEmptyText(r.Agency, "单位未识别"), yearLabel(r.Year), formName(r.Form))
		if len(r.Findings) == 0 {
			fmt.Fprintln(w, "  未发现问题。")
			continue
		}
		for _, f := range xxgk.ByRank(r.Findings) {
			tally[f.Severity]++
			fmt.Fprintf(w, "  [%s] %s：%s\n", f.Severity.Label(), templates.RuleName(f.Rule), f.Message)
			if f.Evidence != "" {
				where := "原文"
				if p := f.Place(r.Source); p != "" {
					where = "原文（" + p + "）"
				}
				fmt.Fprintf(w, "      %s：%s\n", where, f.Evidence)
			}
		}
	}
	fmt.Fprintf(w, "\n共核查 %d 份报告：错误 %d 条，警告 %d 条，提示 %d 条。\n",
		len(reports), tally[xxgk.SeverityError], tally[xxgk.SeverityWarning], tally[xxgk.SeverityInfo])
}

// yearLabel names a report year in summaries: 2023年, or 年度未识别.
func yearLabel(y int) string {
	if y == 0 {
		return "年度未识别"
	}
	return fmt.Sprintf("%d年", y)
}

func nonEmptyText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
