package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"syscall"

	"xxgk/load"
	"xxgk/templates"

	"github.com/urfave/cli/v3"

	"xxgk"
)

// stdinName is how the input "-" is shown to the user.
const stdinName = "标准输入"

// maxInputSize bounds what is read into memory for one input (the web
// page's uploads have the same limit).
const maxInputSize = load.MaxInputSize

func parseCommand() *cli.Command {
	return &cli.Command{
		Name:      "parse",
		Usage:     "读取年度报告，显示识别结果",
		UsageText: "xxgk parse [--json] 文件...",
		Description: "逐个读取年度报告文件（.txt 文字、.html 网页、Word 文档 .docx/.doc、有文字层的 PDF 或填好的 .xlsx 统计表），\n" +
			"显示填报单位、年度、报告格式、识别出的指标和表格数据的项数，以及核查发现。文件名写 - 表示从标准输入读取。\n" +
			"选项可以写在文件名前面，也可以写在后面。文件不会被修改。\n\n" +
			"某个文件无法读取时，会在错误输出中说明原因，其余文件照常处理，退出码为 2。\n\n" +
			"示例：\n" +
			"   xxgk parse 2023年报.txt\n" +
			"   xxgk parse --json 2023年报.html 2024年报.html > 结果.json",
		CustomHelpTemplate: commandHelpTemplate,
		OnUsageError:       onUsageError,
		Flags: []cli.Flag{
			&cli.BoolFlag{
				Name:        "json",
				Usage:       "以 JSON 格式输出完整结果（多个文件时输出 JSON 数组）",
				HideDefault: true,
			},
		},
		Action: parseAction,
	}
}

func parseAction(ctx context.Context, cmd *cli.Command) error {
	paths := cmd.Args().Slice()
	if len(paths) == 0 {
		return usageErrorf(cmd, "请指定至少一个报告文件")
	}
	in := inputs{stdin: cmd.Root().Reader}
	reports, names, errs, err := in.parseAll(ctx, paths)
	if err != nil {
		return err
	}

	w := bufio.NewWriter(cmd.Root().Writer)
	if cmd.Bool("json") {
		var v any = reports
		if len(paths) == 1 {
			v = nil
			if len(reports) == 1 {
				v = reports[0]
			}
		} else if reports == nil {
			v = []*xxgk.Report{}
		}
		if v != nil {
			err = writeJSON(w, v)
		}
	} else {
		for i, r := range reports {
			if i > 0 {
				fmt.Fprintln(w)
			}
			writeSummary(w, names[i], r)
		}
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		errs = append(errs, stdoutError(err))
	}
	return errors.Join(errs...)
}

// stdoutError is a failure to write the results to standard output, in
// Chinese.
func stdoutError(err error) error {
	reason := writeReason(err)
	if errors.Is(err, syscall.EPIPE) {
		reason = "接收输出的程序已经关闭"
	}
	return &outputError{path: "标准输出", reason: reason, err: err}
}

// parseAll parses every path. Unreadable inputs are collected in errs and
// the others still parsed; err is set only when the command was cancelled.
func (in *inputs) parseAll(ctx context.Context, paths []string) (reports []*xxgk.Report, names []string, errs []error, err error) {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, nil, nil, err
		}
		r, err := in.parse(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		reports = append(reports, r)
		names = append(names, displayName(p))
	}
	load.Series(reports)
	return reports, names, errs, nil
}

// inputs reads the files named on the command line.
type inputs struct {
	stdin     io.Reader
	stdinUsed bool
}

// parse reads and parses one input. Every failure is an *inputError.
func (in *inputs) parse(path string) (r *xxgk.Report, err error) {
	name := displayName(path)
	data, err := in.read(path)
	if err != nil {
		return nil, &inputError{name: name, reason: readReason(err), err: err}
	}
	r, err = load.Read(path, data)
	if le, ok := err.(*load.Error); ok {
		return nil, &inputError{name: name, reason: le.Reason, err: le.Err}
	}
	return r, err
}

func (in *inputs) read(path string) ([]byte, error) {
	if path == "-" {
		if in.stdinUsed {
			return nil, errStdinTwice
		}
		in.stdinUsed = true
		if in.stdin == nil {
			return nil, fs.ErrNotExist
		}
		return readLimited(in.stdin, maxInputSize)
	}
	return readFile(path, maxInputSize)
}

// parseReason turns a parse error into the reason shown after the file name.
func parseReason(path string, err error) string { return load.Reason(path, err) }

func displayName(path string) string {
	if path == "-" {
		return stdinName
	}
	return path
}

func writeJSON(w io.Writer, v any) error { return load.WriteJSON(w, v) }

// formName is the form's Chinese name, as people read it; its id (gov_2021)
// is for scripts and stays in the JSON.
func formName(id string) string {
	if id == "" {
		return "未识别"
	}
	return templates.FormLabel(id)
}

// writeSummary prints the short Chinese summary of one report. Write errors
// are left to the caller's Flush.
func writeSummary(w io.Writer, name string, r *xxgk.Report) {
	agency := r.Agency
	if agency == "" {
		agency = "未识别"
	}
	year := "未识别"
	if r.Year != 0 {
		year = fmt.Sprintf("%d", r.Year)
	}
	fmt.Fprintf(w, "文件：%s\n", name)
	fmt.Fprintf(w, "单位：%s\n", agency)
	fmt.Fprintf(w, "年度：%s\n", year)
	if r.Published != "" {
		fmt.Fprintf(w, "发布：%s\n", r.Published)
	}
	fmt.Fprintf(w, "格式：%s\n", formName(r.Form))
	fmt.Fprintf(w, "指标：%d 项\n", len(r.Figures))
	for _, fig := range templates.Figures {
		v, ok := r.Figures[fig.Key]
		if !ok {
			continue
		}
		approx := ""
		if v.Approx {
			approx = "约"
		}
		where := v.Method.Label()
		if p := v.Place(r.Source); p != "" {
			where += " · " + p
		}
		fmt.Fprintf(w, "  %s：%s%s %s（%s）\n", fig.Label, approx, v.Value, v.Unit, where)
	}
	fmt.Fprintf(w, "表格数据：%d 项\n", len(r.Cells))
	fmt.Fprintf(w, "核查发现：%d 项\n", len(r.Findings))
	for _, f := range xxgk.ByRank(r.Findings) {
		fmt.Fprintf(w, "  - [%s] %s", f.Severity.Label(), f.Message)
		if p := f.Place(r.Source); p != "" {
			fmt.Fprintf(w, "（%s）", p)
		}
		fmt.Fprintln(w)
	}
}
