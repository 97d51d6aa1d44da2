package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"runtime"
	"slices"
	"sync/atomic"
	"time"

	"github.com/urfave/cli/v3"

	"xxgk/web"
)

// defaultAddr is a free port of the loopback address.
const defaultAddr = "127.0.0.1:0"

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "在浏览器中使用：打开本机网页，拖入报告即可核对、修改和下载",
		UsageText: "xxgk serve [--addr 127.0.0.1:0] [--no-browser] [文件或文件夹...]",
		Description: "在本机启动一个网页，并用默认浏览器打开它。把年度报告拖到网页上（可一次多个，或整个文件夹），\n" +
			"即可看到填报单位、年度、格式和按官方格式画出的统计表；点击任何一个数字可以看到它来自原文的哪一句或哪一格，\n" +
			"也可以修改或补填数字（标为“人工修改”，原值保留，并重新核查）；可以下载 Excel 表格、PDF 摘要和 JSON，\n" +
			"多份报告时还可以下载汇总（可附应报送单位名单）。给出文件或文件夹时，网页打开时已载入这些文件。\n\n" +
			"网页只在本机地址（127.0.0.1）上运行，其他电脑和其他网页都无法访问；报告只在内存中处理，不会保存到别处，\n" +
			"也不会上传到网络。关闭这个窗口或按 Ctrl-C 即退出。\n" +
			"在 Windows 中双击 xxgk.exe，或把报告文件拖到 xxgk.exe 上，也会这样打开网页。\n\n" +
			"程序也可以调用这个网页的接口（与 xlsx、pdf、rollup 命令的结果完全相同）：\n" +
			"   curl -F file=@报告.html http://127.0.0.1:端口/api/parse              JSON，与 xxgk parse --json 相同\n" +
			"   curl -F file=@报告.html -o 报告.xlsx http://127.0.0.1:端口/api/xlsx    Excel 表格（/api/pdf：PDF 摘要）\n" +
			"   curl -F file=@a.html -F file=@b.html -F roster=@名单.csv -o 汇总.xlsx 'http://127.0.0.1:端口/api/rollup?format=xlsx'\n\n" +
			"示例：\n" +
			"   xxgk serve\n" +
			"   xxgk serve --no-browser --addr 127.0.0.1:8080 各单位报告/",
		CustomHelpTemplate: commandHelpTemplate,
		OnUsageError:       onUsageError,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: defaultAddr, Usage: "网页的地址和端口，只能是本机地址（127.0.0.1、::1 或 localhost）；端口 0 表示任选一个空闲端口"},
			&cli.BoolFlag{Name: "no-browser", Usage: "不自动打开浏览器"},
			fontsFlag(),
		},
		Action: serveAction,
	}
}

// serving is set while the web page runs: an interrupt then ends it
// normally instead of as an interrupted command.
var serving atomic.Bool

// servedMessage is the line printed when the page is closed.
const servedMessage = "xxgk: 网页已关闭。"

func serveAction(ctx context.Context, cmd *cli.Command) error {
	addr := cmd.String("addr")
	if !loopback(addr) {
		return usageErrorf(cmd, "--addr 只能是本机地址（例如 127.0.0.1:8080），不能是“%s”：网页不对其他电脑开放", addr)
	}
	fontSet, err := pdfFonts(cmd)
	if err != nil {
		return err
	}
	preload := preloadFiles(cmd.Args().Slice())
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("无法在 %s 上运行网页（%v）：端口可能已被占用，请换一个端口，或不指定 --addr", addr, err)
	}
	own := ln.Addr().String()
	srv := &http.Server{
		Handler:           web.New(own, web.Options{Fonts: fontSet, Preload: preload}),
		ReadHeaderTimeout: 30 * time.Second,
	}
	url := "http://" + own + "/"
	serving.Store(true)
	fmt.Fprintf(cmd.Root().Writer, "正在运行：%s （关闭此窗口即退出）\n", url)
	if !cmd.Bool("no-browser") {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(cmd.Root().ErrWriter, "xxgk: 无法打开浏览器（%v），请在浏览器中打开 %s\n", err, url)
		}
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
		return nil
	}
}

// loopback says addr (host:port) is on this machine only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// preloadFiles reads the files named (folders walked, as rollup does)
// with the command's limits, for the page to start with; an unreadable
// one is listed with its reason.
func preloadFiles(args []string) []web.File {
	files, errs := findInputs(args)
	var out []web.File
	for _, e := range errs {
		u := unreadableOf(e)
		out = append(out, web.File{Name: u.Path, Reason: u.Reason})
	}
	for _, p := range files {
		data, err := readFile(p, maxInputSize)
		if err != nil {
			out = append(out, web.File{Name: p, Reason: readReason(err)})
			continue
		}
		out = append(out, web.File{Name: p, Data: data})
	}
	return out
}

// openBrowser opens url in the default browser, without waiting for it.
func openBrowser(url string) error {
	var c *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		c = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		c = exec.Command("open", url)
	default:
		c = exec.Command("xdg-open", url)
	}
	if err := c.Start(); err != nil {
		return err
	}
	go func() { _ = c.Wait() }()
	return nil
}

// commandNames are the commands of xxgk, for implicitServe.
var commandNames = []string{"parse", "xlsx", "pdf", "rollup", "check", "compare", "template", "serve", "help", "h"}

// implicitServe is the arguments xxgk runs with when it has a console of
// its own (Windows Explorer started it): a double-click (no arguments) or
// files dropped on xxgk.exe (paths and no command) start the web page,
// with those files. In a terminal the arguments are left as they are, so
// no arguments still print the help.
func implicitServe(args []string, own bool) []string {
	if !own || len(args) == 0 {
		return args
	}
	if len(args) == 1 {
		return []string{args[0], "serve"}
	}
	first := args[1]
	if slices.Contains(commandNames, first) || (len(first) > 0 && first[0] == '-') {
		return args
	}
	return append([]string{args[0], "serve"}, args[1:]...)
}
