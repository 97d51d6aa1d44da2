package main

import (
	"github.com/urfave/cli/v3"

	"xxgk/fonts"
)

// builtinFonts is the --fonts value that uses only the fonts embedded in
// xxgk (the same PDF on every machine).
const builtinFonts = "内置"

// fontsFlag is --fonts DIR of the commands that write PDFs; XXGK_FONTS
// gives it when it is not given.
func fontsFlag() cli.Flag {
	return &cli.StringFlag{
		Name:    "fonts",
		Sources: cli.EnvVars("XXGK_FONTS"),
		Usage: "PDF 用的字体所在文件夹（也可用环境变量 XXGK_FONTS 指定）：其中的仿宋、黑体、楷体、小标宋（.ttf）优先使用，" +
			"其次是系统字体文件夹中的（如 Windows 的 simfang.ttf、simhei.ttf、simkai.ttf），都没有时用内置的开源字体；" +
			"“--fonts " + builtinFonts + "”只用内置字体",
	}
}

// pdfFonts finds the fonts of the PDF that cmd writes (see fontsFlag).
func pdfFonts(cmd *cli.Command) (*fonts.Set, error) {
	switch dir := cmd.String("fonts"); dir {
	case builtinFonts, "builtin":
		return fonts.Embedded(), nil
	case "":
		return fonts.Find()
	default:
		set, err := fonts.Find(dir)
		if err != nil {
			return nil, usageErrorf(cmd, "%v", err)
		}
		return set, nil
	}
}
