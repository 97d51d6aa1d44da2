package main

import (
	"fmt"

	"github.com/urfave/cli/v3"
)

// Chinese help. The templates follow cli's defaults, with the headings and
// the built-in flags translated; the flags' own names stay ASCII.

const rootHelpTemplate = `名称：
   {{.Name}}{{if .Usage}} - {{.Usage}}{{end}}

用法：
   {{if .UsageText}}{{wrap .UsageText 3}}{{else}}{{.FullName}} 命令 [选项] [参数...]{{end}}{{if .Version}}{{if not .HideVersion}}

版本：
   {{.Version}}{{end}}{{end}}{{if .Description}}

说明：
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleCommands}}

命令：{{template "visibleCommandCategoryTemplate" .}}{{end}}{{if .VisibleFlags}}

全局选项：{{template "visibleFlagTemplate" .}}{{end}}

运行 xxgk 命令 --help 查看某个命令的用法，例如 xxgk parse --help。
`

const commandHelpTemplate = `名称：
   {{.FullName}}{{if .Usage}} - {{.Usage}}{{end}}

用法：
   {{if .UsageText}}{{wrap .UsageText 3}}{{else}}{{.FullName}} [选项] [参数...]{{end}}{{if .Description}}

说明：
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleFlags}}

选项：{{template "visibleFlagTemplate" .}}{{end}}
`

func init() {
	// cli keeps these as package variables; xxgk sets them once, here.
	cli.HelpFlag = &cli.BoolFlag{
		Name:        "help",
		Aliases:     []string{"h"},
		Usage:       "显示帮助",
		HideDefault: true,
		Local:       true,
	}
	cli.VersionFlag = &cli.BoolFlag{
		Name:        "version",
		Aliases:     []string{"v"},
		Usage:       "显示版本号",
		HideDefault: true,
		Local:       true,
	}
	cli.VersionPrinter = func(cmd *cli.Command) {
		fmt.Fprintf(cmd.Root().Writer, "xxgk 版本 %s\n", cmd.Root().Version)
	}
	cli.RootCommandHelpTemplate = rootHelpTemplate
	cli.CommandHelpTemplate = commandHelpTemplate
	cli.SubcommandHelpTemplate = commandHelpTemplate
	cli.UsageCommandHelp = "显示命令列表或某个命令的帮助"
	cli.ArgsUsageCommandHelp = "[命令]"
}
