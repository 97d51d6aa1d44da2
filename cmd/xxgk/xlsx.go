package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v3"

	"xxgk"
	"xxgk/export/xlsx"
	"xxgk/load"
	"xxgk/templates"
)

// templateForms are the ids of the forms xxgk template writes, in listing
// order (templates.BlankForms).
func templateForms() []string {
	var ids []string
	for _, f := range templates.BlankForms() {
		ids = append(ids, f.ID)
	}
	return ids
}

// templateFormList is the list of forms in the help of xxgk template: one
// line each, id and Chinese name, the form in force marked 现行.
func templateFormList() string {
	width := 0
	for _, f := range templates.BlankForms() {
		width = max(width, len(f.ID))
	}
	var b strings.Builder
	for _, f := range templates.BlankForms() {
		fmt.Fprintf(&b, "   %-*s  %s", width, f.ID, f.Label)
		if f.InForce.To == 0 {
			b.WriteString("（现行）")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// orList joins ids as a choice: a、b 或 c.
func orList(ids []string) string {
	if len(ids) < 2 {
		return strings.Join(ids, "")
	}
	return strings.Join(ids[:len(ids)-1], "、") + " 或 " + ids[len(ids)-1]
}

func outputFlag(usage string) cli.Flag {
	return &cli.StringFlag{
		Name:    "output",
		Aliases: []string{"o"},
		Usage:   usage,
	}
}

func xlsxCommand() *cli.Command {
	return &cli.Command{
		Name:      "xlsx",
		Usage:     "把年度报告的统计数据写成 Excel 表格（.xlsx）",
		UsageText: "xxgk xlsx [-o 输出文件.xlsx] 文件...",
		Description: "读取年度报告（.txt 文字、.html 网页、Word 文档、PDF 或已填好的 .xlsx 统计表），\n" +
			"把识别出的官方统计表、主要指标和核查发现写成一个 Excel 工作簿，可用 Excel、WPS 或 LibreOffice 打开。\n\n" +
			"输出文件：只有一个输入文件时，默认写到当前文件夹下与输入同名的 .xlsx 文件\n" +
			"（例如 2023年报.html → 2023年报.xlsx）；有多个输入文件时必须用 -o 指定。\n" +
			"已有的同名输出文件会被替换；输入文件绝不会被覆盖或修改。\n" +
			"写出失败时不会留下残缺的文件。\n\n" +
			"某个文件无法读取时，会在错误输出中说明原因，其余文件照常写入，退出码为 2；\n" +
			"所有文件都无法读取时不写出任何文件，退出码为 2。\n\n" +
			"示例：\n" +
			"   xxgk xlsx 2023年报.html\n" +
			"   xxgk xlsx -o 汇总.xlsx 2023年报.html 2024年报.txt",
		CustomHelpTemplate: commandHelpTemplate,
		OnUsageError:       onUsageError,
		Flags:              []cli.Flag{outputFlag("输出文件名（.xlsx）；多个输入文件时必填")},
		Action:             xlsxAction,
	}
}

func xlsxAction(ctx context.Context, cmd *cli.Command) error {
	return writeReportsAction(ctx, cmd, ".xlsx", func(w io.Writer, reports []*xxgk.Report) error {
		return xlsx.WriteReports(w, reports, xlsx.Options{Created: creationTime()})
	})
}

// writeReportsAction is the xlsx and pdf commands: parse the inputs, write
// one file of extension ext (-o, or the single input's name with ext) through
// a temporary file, and name the inputs that could not be read.
func writeReportsAction(ctx context.Context, cmd *cli.Command, ext string, write func(io.Writer, []*xxgk.Report) error) error {
	paths := cmd.Args().Slice()
	if len(paths) == 0 {
		return usageErrorf(cmd, "请指定至少一个报告文件")
	}
	out := cmd.String("output")
	if out == "" {
		if len(paths) > 1 {
			return usageErrorf(cmd, "有多个输入文件时，请用 -o 指定输出文件名，例如 -o 汇总%s", ext)
		}
		if paths[0] == "-" {
			return usageErrorf(cmd, "从标准输入读取时，请用 -o 指定输出文件名")
		}
		base := filepath.Base(paths[0])
		out = strings.TrimSuffix(base, filepath.Ext(base)) + ext
	}
	var reports []*xxgk.Report
	outs := []output{{flag: "-o", path: out, write: func(w io.Writer) error { return write(w, reports) }}}
	if err := checkOutputs(cmd, outs, paths, paths); err != nil {
		return err
	}

	in := inputs{stdin: cmd.Root().Reader}
	reports, _, errs, err := in.parseAll(ctx, paths)
	if err != nil {
		return err
	}
	if len(reports) == 0 {
		return errors.Join(errs...)
	}
	if err := writeOutputs(ctx, outs); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		errs = append(errs, err)
	} else {
		fmt.Fprintf(cmd.Root().Writer, "已写出 %s（%d 份报告）\n", out, len(reports))
	}
	return errors.Join(errs...)
}

func templateCommand() *cli.Command {
	forms := templateForms()
	first, last := "", ""
	if len(forms) > 0 {
		first, last = forms[0], forms[len(forms)-1]
	}
	return &cli.Command{
		Name:      "template",
		Usage:     "写出空白的官方统计表（.xlsx），供填报",
		UsageText: "xxgk template --form 表式 [-o 输出文件.xlsx]",
		Description: "写出一份空白的政府信息公开工作年度报告统计表，格式与官方表格一致。\n" +
			"第一张“填表说明”中填写一次填报单位和报告年度（各表表头自动显示），并说明如何填写；\n" +
			"各表只需在空白格中填写数字，合计由表格自动计算，表三下方的“核对”行显示是否平衡。\n" +
			"填好后可以用 xxgk parse、xxgk xlsx 读取，或用 xxgk rollup 汇总。\n\n" +
			"表式：\n" + templateFormList() + "\n" +
			"默认输出文件为当前文件夹下的“表式模板.xlsx”，例如 " + first + "模板.xlsx；已有的同名文件会被替换。\n\n" +
			"示例：\n" +
			"   xxgk template --form " + first + "\n" +
			"   xxgk template --form " + last + " -o 统计表.xlsx",
		CustomHelpTemplate: commandHelpTemplate,
		OnUsageError:       onUsageError,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "form", Usage: "表式：" + orList(forms) + "（必填）"},
			outputFlag("输出文件名（.xlsx），默认为“表式模板.xlsx”"),
		},
		Action: templateAction,
	}
}

func templateAction(ctx context.Context, cmd *cli.Command) error {
	if cmd.Args().Present() {
		return usageErrorf(cmd, "template 不需要文件参数（多余的参数：%s）", strings.Join(cmd.Args().Slice(), " "))
	}
	form, forms := cmd.String("form"), templateForms()
	if form == "" {
		return usageErrorf(cmd, "请用 --form 指定表式（%s）", strings.Join(forms, "、"))
	}
	if !slices.Contains(forms, form) {
		return usageErrorf(cmd, "没有“%s”这种表式（可用的表式：%s）", form, strings.Join(forms, "、"))
	}
	out := cmd.String("output")
	if out == "" {
		out = form + "模板.xlsx"
	}
	outs := []output{{flag: "-o", path: out, write: func(w io.Writer) error {
		return xlsx.WriteTemplate(w, form, xlsx.Options{Created: creationTime()})
	}}}
	if err := checkOutputs(cmd, outs, nil, nil); err != nil {
		return err
	}
	if err := writeOutputs(ctx, outs); err != nil {
		return err
	}
	fmt.Fprintf(cmd.Root().Writer, "已写出 %s（%s）\n", out, formName(form))
	return nil
}

// creationTime is the creation date written into workbooks and PDFs
// (load.Created: SOURCE_DATE_EPOCH when set).
func creationTime() time.Time { return load.Created() }
