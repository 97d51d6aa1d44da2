package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"

	"xxgk"
	"xxgk/compare"
	"xxgk/export/pdf"
	"xxgk/export/xlsx"
	"xxgk/fonts"
	"xxgk/format"
	"xxgk/rollup"
	"xxgk/templates"
)

func compareCommand() *cli.Command {
	return &cli.Command{
		Name:      "compare",
		Usage:     "比较同一单位上下两年的年度报告（或两年的汇总），写出对比表格、PDF 摘要和 JSON",
		UsageText: "xxgk compare [--xlsx 对比.xlsx] [--pdf 对比.pdf] [--json 对比.json] [--force] 上年报告 本年报告\nxxgk compare [--name 汇总单位] [--xlsx 对比.xlsx] 上年文件夹 本年文件夹",
		Description: "把同一单位上一年和本年的年度报告（任何可读取的格式）逐项比较：\n" +
			"每个主要指标和两年共有的统计表格，列出上年、本年、增减和增减幅度；只有一年有的数字单独注明，不当作从0增减。\n" +
			"两年格式不同时（例如2019年格式与2021年格式）只比较两种格式共有的格，并列出未能比较的格。\n" +
			"同时给出核查发现：上一年“结转下年度继续办理”与本年“上年结转”是否逐栏相等；\n" +
			"表二的现行有效件数（2021年格式）、上一年项目数量（2019年格式）是否与上年衔接；变化超过一半的主要指标。\n\n" +
			"两份报告的单位不同时，只有加 --force 才比较，并在核查发现中注明。\n" +
			"给出两个文件夹（或其中一个是文件夹）时，分别汇总两年的报告，比较两年的合计，并逐个单位比较两年都有报告的单位；\n" +
			"每个文件夹只能有一个年度的报告。\n\n" +
			"不指定 --xlsx、--pdf、--json 时只在屏幕上显示对比结果。--json - 把 JSON 写到标准输出。\n" +
			"文件写出时先写临时文件再改名，失败时不会留下残缺的文件；输入文件绝不会被修改。\n\n" +
			"退出码：成功为 0；用法错误（包括单位不同而未加 --force）为 1；报告无法读取为 2（不写出文件）；\n" +
			"比较文件夹时已写出结果但有文件无法读取为 3。\n\n" +
			"示例：\n" +
			"   xxgk compare 2024年报.html 2025年报.html\n" +
			"   xxgk compare --xlsx 对比.xlsx --pdf 对比.pdf 2024年报.pdf 2025年报.docx\n" +
			"   xxgk compare --name 某某县 --xlsx 对比.xlsx 2024年各单位/ 2025年各单位/",
		CustomHelpTemplate: commandHelpTemplate,
		OnUsageError:       onUsageError,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "xlsx", Usage: "写出对比 Excel 表格（.xlsx）"},
			&cli.StringFlag{Name: "pdf", Usage: "写出可打印的对比 PDF 摘要（.pdf）"},
			&cli.StringFlag{Name: "json", Usage: "写出对比结果 JSON（- 表示标准输出）"},
			&cli.BoolFlag{Name: "force", Usage: "两份报告的单位不同时也进行比较", HideDefault: true},
			&cli.StringFlag{Name: "name", Usage: "比较两个文件夹时，汇总单位名称（写在标题中）"},
			fontsFlag(),
		},
		Action: compareAction,
	}
}

func compareAction(ctx context.Context, cmd *cli.Command) error {
	args := cmd.Args().Slice()
	if len(args) != 2 {
		return usageErrorf(cmd, "请指定两份报告（或两个文件夹）：先上年，后本年（现在给出了 %d 个）", len(args))
	}
	var c *compare.Comparison
	var fontSet *fonts.Set // nil: the built-in fonts
	created := creationTime()
	writers := []output{
		{flag: "--xlsx", write: func(w io.Writer) error { return xlsx.WriteComparison(w, c, xlsx.Options{Created: created}) }},
		{flag: "--pdf", write: func(w io.Writer) error {
			return pdf.WriteComparison(w, c, pdf.Options{Created: created, Fonts: fontSet})
		}},
		{flag: "--json", write: func(w io.Writer) error { return writeJSON(w, c) }},
	}
	outs, jsonStdout, err := chosenOutputs(cmd, writers)
	if err != nil {
		return err
	}
	if fontSet, err = outputFonts(cmd, outs); err != nil {
		return err
	}

	// The files of each side: a report, or the reports found in a folder.
	var sides [2][]string
	var errs []error
	folders := isFolder(args[0]) || isFolder(args[1])
	for i, arg := range args {
		if !folders {
			sides[i] = []string{arg}
			continue
		}
		files, ferrs := findInputs([]string{arg})
		if len(files) == 0 && len(ferrs) == 0 {
			return &inputError{name: arg, reason: "没有找到报告文件（可读取 " + strings.Join(format.Extensions(), " ") + "）", err: fs.ErrNotExist}
		}
		sides[i], errs = files, append(errs, ferrs...)
	}
	if err := checkOutputs(cmd, outs, args, append(slices.Clone(sides[0]), sides[1]...)); err != nil {
		return err
	}

	if folders {
		var perrs []error
		c, perrs, err = compareFolders(ctx, cmd, args, sides)
		errs = append(errs, perrs...)
	} else {
		c, err = compareReports(cmd, args)
	}
	if err != nil {
		if len(errs) > 0 {
			return errors.Join(append(errs, err)...)
		}
		return err
	}

	// Standard output is written last, and only if the files were: an
	// interrupted run prints nothing more.
	var stdout bytes.Buffer
	if jsonStdout {
		if err := writeJSON(&stdout, c); err != nil {
			return stdoutError(err)
		}
	} else {
		writeComparison(&stdout, c)
	}
	return writeRun(ctx, cmd.Root().Writer, outs, &stdout, errs)
}

func isFolder(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// compareReports reads the two reports and compares them; reports of two
// agencies only with --force. A report that cannot be read stops it:
// there is nothing to compare. Notes go to stderr, as the JSON may go to
// stdout.
func compareReports(cmd *cli.Command, args []string) (*compare.Comparison, error) {
	in := inputs{stdin: cmd.Root().Reader}
	var reports []*xxgk.Report
	var errs []error
	for _, p := range args {
		r, err := in.parse(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		reports = append(reports, r)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	last, this := reports[0], reports[1]
	if last.Year != 0 && this.Year != 0 && last.Year > this.Year {
		fmt.Fprintf(cmd.Root().ErrWriter, "xxgk: 注意：%s 是%d年的报告，晚于 %s（%d年），已把它作为本年报告比较。\n",
			displayName(args[0]), last.Year, displayName(args[1]), this.Year)
		last, this = this, last
	}
	if xxgk.AgencyKey(last.Agency) != "" && xxgk.AgencyKey(this.Agency) != "" &&
		!compare.SameAgency(last.Agency, this.Agency) && !cmd.Bool("force") {
		return nil, usageErrorf(cmd, "两份报告的单位不同（上年：%s；本年：%s），不是同一单位的两年；确需比较时请加 --force", last.Agency, this.Agency)
	}
	return compare.Reports(last, this), nil
}

// compareFolders reads the reports of each side (a folder, or a file),
// rolls each up and compares the two years. Inputs that cannot be read
// are named and left out; a side with no report of a known year, or with
// reports of several years, stops it.
func compareFolders(ctx context.Context, cmd *cli.Command, args []string, files [2][]string) (*compare.Comparison, []error, error) {
	var sides [2]compare.RollupSide
	var errs []error
	for i, arg := range args {
		results := parseParallel(ctx, files[i], progressWriter(cmd.Root().ErrWriter), whole)
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		var reports []*xxgk.Report
		for _, res := range results {
			if res.err != nil {
				errs = append(errs, res.err)
				continue
			}
			reports = append(reports, res.report)
		}
		ru := rollup.Roll(reports, rollup.Options{Name: cmd.String("name")})
		var known []*rollup.Year
		unknown := 0
		for _, y := range ru.Years {
			if y.Year == 0 {
				unknown = len(y.Agencies)
				continue
			}
			known = append(known, y)
		}
		switch {
		case len(known) == 0:
			return nil, nil, errors.Join(append(errs, &inputError{name: arg, reason: "没有可以比较的报告（没有识别出年度的报告）", err: fs.ErrNotExist})...)
		case len(known) > 1:
			var years []string
			for _, y := range known {
				years = append(years, fmt.Sprintf("%d年%d份", y.Year, len(y.Agencies)))
			}
			return nil, nil, usageErrorf(cmd, "%s 中有不止一个年度的报告（%s）：每边只能是一个年度的报告，请分别放在两个文件夹中", arg, strings.Join(years, "、"))
		}
		if unknown > 0 {
			fmt.Fprintf(cmd.Root().ErrWriter, "xxgk: 注意：%s 中有 %d 份报告未能识别出年度，未计入比较。\n", arg, unknown)
		}
		sides[i] = compare.RollupSide{Source: arg, Year: known[0]}
	}
	if sides[0].Year.Year > sides[1].Year.Year {
		fmt.Fprintf(cmd.Root().ErrWriter, "xxgk: 注意：%s 是%d年的报告，晚于 %s（%d年），已把它作为本年比较。\n",
			args[0], sides[0].Year.Year, args[1], sides[1].Year.Year)
		sides[0], sides[1] = sides[1], sides[0]
	}
	return compare.Rollups(cmd.String("name"), sides[0], sides[1]), errs, nil
}

// maxConsoleFindings is how many findings the console lists; the workbook
// and the JSON have them all.
const maxConsoleFindings = 50

// writeComparison prints the comparison: what was compared, the figures
// of both years with the change, what the tables give, the findings.
func writeComparison(w io.Writer, c *compare.Comparison) {
	who := c.This.Agency
	if !compare.SameAgency(c.Last.Agency, c.This.Agency) && c.Last.Agency != c.This.Agency {
		who = nonEmptyText(c.Last.Agency, "单位未识别") + " / " + nonEmptyText(c.This.Agency, "单位未识别")
	}
	if who == "" && c.Last.Agencies > 0 {
		who = "汇总"
	}
	fmt.Fprintf(w, "对比：%s %s → %s\n", nonEmptyText(who, "单位未识别"), yearLabel(c.Last.Year), yearLabel(c.This.Year))
	for _, s := range []struct {
		name string
		side compare.Side
	}{{"上年", c.Last}, {"本年", c.This}} {
		parts := []string{yearLabel(s.side.Year)}
		if s.side.Agencies > 0 {
			parts = append(parts, fmt.Sprintf("%d 个单位", s.side.Agencies))
		}
		if s.side.Form != "" {
			parts = append(parts, templates.FormLabel(s.side.Form))
		}
		parts = append(parts, s.side.Source)
		fmt.Fprintf(w, "  %s：%s\n", s.name, strings.Join(parts, "，"))
	}
	fmt.Fprintln(w, "主要指标（上年 → 本年）：")
	figures, cells, changed := 0, 0, 0
	for i := range c.Rows {
		r := &c.Rows[i]
		if r.Kind == compare.KindCell {
			cells++
			if d, ok := r.Change(); ok && d.Sign() != 0 {
				changed++
			}
			continue
		}
		figures++
		fmt.Fprintf(w, "  %s：%s\n", r.Label, changeLine(r))
	}
	if figures == 0 {
		fmt.Fprintln(w, "  两年的报告中均未识别出主要指标。")
	}
	if cells > 0 || len(c.NotCompared) > 0 {
		fmt.Fprintf(w, "统计表：比较了 %d 个格，其中 %d 个有变化；%d 个格只在一种格式中有，未比较。\n", cells, changed, len(c.NotCompared))
	}
	if len(c.Agencies)+len(c.OnlyLast)+len(c.OnlyThis) > 0 {
		fmt.Fprintf(w, "单位：两年都有报告的 %d 个，只有上年的 %d 个，只有本年的 %d 个。\n", len(c.Agencies), len(c.OnlyLast), len(c.OnlyThis))
	}
	all := c.AllFindings()
	tally := map[xxgk.Severity]int{}
	for _, f := range all {
		tally[f.Severity]++
	}
	fmt.Fprintf(w, "核查发现：错误 %d 条，警告 %d 条，提示 %d 条。\n",
		tally[xxgk.SeverityError], tally[xxgk.SeverityWarning], tally[xxgk.SeverityInfo])
	xxgk.SortByRank(all)
	for i, f := range all {
		if i == maxConsoleFindings {
			fmt.Fprintf(w, "  另有 %d 条，见 --xlsx 或 --json 的输出。\n", len(all)-i)
			break
		}
		agency := ""
		if f.Agency != "" {
			agency = f.Agency + "："
		}
		fmt.Fprintf(w, "  [%s] %s%s：%s\n", f.Severity.Label(), agency, templates.RuleName(f.Rule), f.Message)
	}
	for _, s := range []compare.Side{c.Last, c.This} {
		if s.Report != nil && len(s.Report.Findings) > 0 {
			fmt.Fprintf(w, "（%s的报告自身另有 %d 条核查发现，可用 xxgk check 查看。）\n", yearLabel(s.Year), len(s.Report.Findings))
		}
	}
}

// changeLine is 154 → 180 件，增加 26（+16.9%）; 仅本年有：6 件.
func changeLine(r *compare.Row) string {
	val := func(v *xxgk.Value) string {
		if v.Approx {
			return "约" + v.Value.String()
		}
		return v.Value.String()
	}
	switch {
	case r.Last == nil:
		return "仅本年有：" + val(r.This) + " " + r.Unit
	case r.This == nil:
		return "仅上年有：" + val(r.Last) + " " + r.Unit
	}
	s := val(r.Last) + " → " + val(r.This) + " " + r.Unit + "，"
	d, _ := r.Change()
	approx := ""
	if r.Approx() {
		approx = "约"
	}
	switch d.Sign() {
	case 0:
		return s + "无变化"
	case 1:
		s += "增加 " + approx + d.String()
	default:
		s += "减少 " + approx + strings.TrimPrefix(d.String(), "-")
	}
	if p, ok := r.ChangePct(); ok {
		s += "（" + compare.Signed(p) + "%）"
	}
	return s
}
