package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v3"

	"xxgk"
	"xxgk/export/pdf"
)

func pdfCommand() *cli.Command {
	return &cli.Command{
		Name:      "pdf",
		Usage:     "把年度报告的数据摘要写成可打印的 PDF 文件",
		UsageText: "xxgk pdf [-o 输出文件.pdf] 文件...",
		Description: "读取年度报告（.txt 文字、.html 网页、Word 文档、PDF 或已填好的 .xlsx 统计表），\n" +
			"把标题、来源、主要指标、官方统计表、申请办理结果图和核查发现写成 A4 版面的 PDF 数据摘要，\n" +
			"字体已嵌入，可直接打印、签字归档，文字可以搜索和复制。每份报告从新的一页开始。\n\n" +
			"输出文件：只有一个输入文件时，默认写到当前文件夹下与输入同名的 .pdf 文件\n" +
			"（例如 2023年报.html → 2023年报.pdf）；有多个输入文件时必须用 -o 指定。\n" +
			"已有的同名输出文件会被替换；输入文件绝不会被覆盖或修改。\n" +
			"写出失败时不会留下残缺的文件。\n\n" +
			"某个文件无法读取时，会在错误输出中说明原因，其余文件照常写入，退出码为 2；\n" +
			"所有文件都无法读取时不写出任何文件，退出码为 2。\n\n" +
			"示例：\n" +
			"   xxgk pdf 2023年报.html\n" +
			"   xxgk pdf -o 汇总.pdf 2023年报.html 2024年报.txt",
		CustomHelpTemplate: commandHelpTemplate,
		OnUsageError:       onUsageError,
		Flags:              []cli.Flag{outputFlag("输出文件名（.pdf）；多个输入文件时必填"), fontsFlag()},
		Action:             pdfAction,
	}
}

func pdfAction(ctx context.Context, cmd *cli.Command) error {
	set, err := pdfFonts(cmd)
	if err != nil {
		return err
	}
	return writeReportsAction(ctx, cmd, ".pdf", func(w io.Writer, reports []*xxgk.Report) error {
		return pdf.WriteReports(w, reports, pdf.Options{Created: creationTime(), Fonts: set})
	})
}
