// Command xxgk reads 政府信息公开工作年度报告 (government information-disclosure
// annual reports) and prints what it found in them.
//
// Usage:
//
//	xxgk parse [--json] 文件...
//	xxgk xlsx [-o 输出.xlsx] 文件...
//	xxgk template --form 表式 [-o 输出.xlsx]
//
// Messages and help are in Chinese, for the administrative staff and auditors
// who use it; flags and JSON member names are ASCII.
package main

import (
	"xxgk/format"

	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"

	"github.com/urfave/cli/v3"
)

// version is set at build time with -ldflags "-X main.version=…"; without it
// the module version recorded by the go command is used.
var version = ""

// Exit statuses.
const (
	exitOK         = 0
	exitError      = 1 // usage errors and everything else
	exitUnreadable = 2 // at least one input could not be read
	exitPartial    = 3 // a roll-up was written, but some inputs could not be read
	exitInterrupt  = 130
)

// interruptedMessage is the one line an interrupted run prints.
const interruptedMessage = "xxgk: 已中断，未写完的文件已删除，没有写出其他结果。"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	status := make(chan int, 1)
	own := ownConsole()
	args := implicitServe(os.Args, own)
	go func() {
		err := run(ctx, args, os.Stdin, os.Stdout, os.Stderr)
		if ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, errInterrupted)) {
			// The signal ended the command: the case below says so,
			// once. Reported here too, the message came out twice when
			// the command saw the cancelled context before main exited.
			return
		}
		status <- report(os.Stderr, err)
	}()
	select {
	case s := <-status:
		if own && s != exitOK {
			// The console closes with xxgk: let the message be read.
			fmt.Fprintln(os.Stderr, "按回车键关闭此窗口。")
			_, _ = fmt.Fscanln(os.Stdin)
		}
		os.Exit(s)
	case <-ctx.Done():
		if serving.Load() {
			// Ctrl-C or the console closed: the normal end of the page.
			fmt.Fprintln(os.Stderr, servedMessage)
			os.Exit(exitOK)
		}
		// Ctrl-C or SIGTERM: remove the temporary files and leave at
		// once, whatever the command is doing (reading a large file, or
		// waiting on standard input). Nothing else is written.
		temps.stop()
		fmt.Fprintln(os.Stderr, interruptedMessage)
		os.Exit(exitInterrupt)
	}
}

// run is the whole program; main only maps its error to an exit status.
// args includes the program name, as os.Args does.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	err := newApp(stdin, stdout, stderr).Run(ctx, args)
	var ue *usageError
	if errors.As(err, &ue) && ue.flag != "" {
		ue.flag = asTyped(ue.flag, args[1:])
	}
	return err
}

// asTyped is the option as the user typed it (--json.txt), which the flag
// parser reports with one dash: the option's name in args, without a
// value after =, or flag itself when it is not found.
func asTyped(flag string, args []string) string {
	name := strings.TrimLeft(flag, "-")
	for _, a := range args {
		if a == "--" {
			break
		}
		typed, _, _ := strings.Cut(a, "=")
		if strings.HasPrefix(typed, "-") && strings.TrimLeft(typed, "-") == name {
			return typed
		}
	}
	return flag
}

// newApp builds the command tree.
func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:    "xxgk",
		Usage:   "政府信息公开工作年度报告读取工具",
		Version: buildVersion(),
		Description: "读取政府信息公开工作年度报告：\n" +
			"   " + strings.Join(format.Describe(), "\n   ") + "\n" +
			"（文字可为 UTF-8、GBK/GB18030 或 UTF-16 编码；按文件内容识别格式，不看文件名）；\n" +
			"识别填报单位、年度、报告格式和各项统计数据，并给出核查发现。\n" +
			"每个数字都附有来源（原文；PDF 的页码、Word 的段落、工作表的单元格或文本文件的行号；统计表的表名和行列；正文所在的章节），便于核对。\n" +
			"还可以把结果写成 Excel 表格（xlsx 命令）、可打印的 PDF 数据摘要（pdf 命令），\n" +
			"把多个单位的报告汇总成一份表格和摘要（rollup 命令），核查报告数字的勾稽关系（check 命令），\n" +
			"比较同一单位上下两年的报告（compare 命令），\n" +
			"或写出空白的官方统计表供填报（template 命令）。\n" +
			"不用命令行也可以：serve 命令在浏览器中打开本机网页，拖入报告即可核对、修改和下载（Windows 中双击 xxgk.exe 即可）。\n" +
			"只读取普通文件（命名管道、设备等特殊文件会被拒绝并说明原因），输入文件绝不会被修改。\n" +
			"上限：文本文件和网页不超过 8 MB（且不超过 10 万行、20 万个标签），任何文件读出的文字不超过 8 MB、20 万段；\n" +
			"一份年度报告通常不到 1 MB，超过上限的文件会被拒绝并说明原因。\n" +
			"按 Ctrl-C 中断时，删除未写完的临时文件，不再写出任何结果，退出码为 130。",
		UsageText:                     "xxgk 命令 [选项] 文件...",
		Reader:                        stdin,
		Writer:                        stdout,
		ErrWriter:                     stderr,
		CustomRootCommandHelpTemplate: rootHelpTemplate,
		// Errors go back to run's caller, which alone prints them and picks
		// the exit status; cli must not exit by itself.
		ExitErrHandler: func(context.Context, *cli.Command, error) {},
		OnUsageError:   onUsageError,
		Action:         rootAction,
		Commands: []*cli.Command{
			parseCommand(),
			xlsxCommand(),
			pdfCommand(),
			rollupCommand(),
			checkCommand(),
			compareCommand(),
			templateCommand(),
			serveCommand(),
		},
	}
}

// rootAction runs when no command is named: it shows the help, or complains
// about an unknown command.
func rootAction(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Present() {
		return usageErrorf(cmd, "没有“%s”这个命令（可用的命令：parse、check、compare、xlsx、pdf、rollup、template、serve）", cmd.Args().First())
	}
	return cli.ShowRootCommandHelp(cmd)
}

func onUsageError(_ context.Context, cmd *cli.Command, err error, _ bool) error {
	ue := translateUsage(err)
	ue.command = cmd.FullName()
	return ue
}

// translateUsage puts the flag parser's English messages into Chinese where
// their form is known, and keeps the original otherwise. The option stays
// in the flag field, for run to echo it as typed.
func translateUsage(err error) *usageError {
	s := err.Error()
	for _, p := range []struct{ en, zh string }{
		{"flag provided but not defined: ", "不认识的选项：%[1]s"},
		{"flag needs an argument: ", "选项缺少参数：%[1]s"},
	} {
		if rest, ok := strings.CutPrefix(s, p.en); ok {
			return &usageError{msg: p.zh, flag: rest}
		}
	}
	// invalid value "x" for flag -name: reason
	if rest, ok := strings.CutPrefix(s, "invalid value "); ok {
		if q, err := strconv.QuotedPrefix(rest); err == nil {
			value, _ := strconv.Unquote(q)
			if flag, ok := strings.CutPrefix(rest[len(q):], " for flag "); ok {
				flag, _, _ = strings.Cut(flag, ":")
				return &usageError{msg: "选项 %[1]s 的值“" + value + "”不对", flag: flag}
			}
		}
	}
	return &usageError{msg: s}
}

// buildVersion is what xxgk --version shows: the version (set with
// -ldflags "-X main.version=…", else the module's as the go command
// recorded it) and the commit it was built from, from the build info.
func buildVersion() string {
	bi, _ := debug.ReadBuildInfo()
	return versionText(version, bi)
}

func versionText(v string, bi *debug.BuildInfo) string {
	if v == "" && bi != nil && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	if v == "" {
		v = "开发版"
	}
	if bi == nil {
		return v
	}
	var rev, at string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return v
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if strings.HasSuffix(v, rev) {
		// a pseudo-version (v0.0.0-20261206233337-1f165169371e) names it
		if modified {
			v += "（有未提交的修改）"
		}
		return v
	}
	v += "（提交 " + rev
	if len(at) >= 10 {
		v += "，" + at[:10]
	}
	if modified {
		v += "，有未提交的修改"
	}
	return v + "）"
}

// usageError is a mistake in how xxgk was called.
type usageError struct {
	msg     string
	command string // the command whose help to point to, such as "xxgk parse"
	// flag is an option the flag parser complained about; msg names it
	// with %[1]s. run puts it as the user typed it.
	flag string
}

func (e *usageError) Error() string {
	if e.flag != "" {
		return fmt.Sprintf(e.msg, e.flag)
	}
	return e.msg
}

func usageErrorf(cmd *cli.Command, format string, a ...any) error {
	return &usageError{msg: fmt.Sprintf(format, a...), command: cmd.FullName()}
}

// inputError is an input that could not be read. The other inputs are still
// processed; the exit status is then exitUnreadable.
type inputError struct {
	name   string // the input as shown to the user (标准输入 for -)
	reason string // why, in Chinese
	err    error  // the underlying error, for errors.Is
}

func (e *inputError) Error() string { return "无法读取 " + e.name + "：" + e.reason }
func (e *inputError) Unwrap() error { return e.err }

// report writes the messages for err, if any, to stderr and returns the exit
// status. It is the one place where errors become messages and statuses.
func report(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, errInterrupted) {
		fmt.Fprintln(stderr, interruptedMessage)
		return exitInterrupt
	}
	status := exitError
	unreadable := false
	for _, e := range leaves(err) {
		var ie *inputError
		var ue *usageError
		switch {
		case errors.As(e, &ie):
			unreadable = true
			fmt.Fprintf(stderr, "xxgk: %s\n", ie.Error())
		case errors.As(e, &ue):
			command := ue.command
			if command == "" {
				command = "xxgk"
			}
			fmt.Fprintf(stderr, "xxgk: %s\n运行 %s --help 查看用法。\n", ue.Error(), command)
		default:
			fmt.Fprintf(stderr, "xxgk: %v\n", e)
		}
	}
	var partial *partialError
	switch {
	case errors.As(err, &partial):
		status = exitPartial
	case unreadable:
		status = exitUnreadable
	}
	return status
}

// leaves flattens errors.Join trees into their parts, in order.
func leaves(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leaves(e)...)
		}
		return out
	}
	return []error{err}
}
