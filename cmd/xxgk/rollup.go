package main

import (
	"bytes"
	"slices"

	"xxgk/fonts"
	"xxgk/format"

	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v3"

	"xxgk"
	"xxgk/export/pdf"
	"xxgk/export/xlsx"
	"xxgk/load"
	"xxgk/rollup"
	"xxgk/templates"
)

func rollupCommand() *cli.Command {
	return &cli.Command{
		Name:      "rollup",
		Usage:     "汇总多个单位的年度报告，写出汇总表格、PDF 摘要和 JSON",
		UsageText: "xxgk rollup [--name 汇总单位] [--roster 名单.csv] [--xlsx 汇总.xlsx] [--pdf 汇总.pdf] [--json 汇总.json] [--units 分组.csv] 文件或文件夹...",
		Description: "读取多个单位的年度报告（文件，或文件夹及其所有子文件夹中的 .txt、.html、.docx、.doc、.pdf、.xlsx 文件），\n" +
			"按报告年度分别汇总：各项主要指标的合计及填报单位数（例如“42/45 个单位填报”），\n" +
			"同一年度、同一格式的官方统计表逐格相加" + sharedFormsNote() + "。\n" +
			"不同年度的报告绝不相加。同一单位同一年度的报告出现两次时只计一次，并在核查中说明采用哪一份\n" +
			"（读出数字较多、核查发现较少的一份，与文件的先后顺序无关）。\n" +
			"报告没有写明的指标算作缺失，不按 0 计。\n" +
			"空白统计表、通知、函等不是年度报告的文件列为“非年度报告”，不计入单位数和合计。\n\n" +
			"--roster 指定应报送单位名单（CSV，每行一个单位：单位名称，可加第二列分组；可有标题行“单位名称,分组”；\n" +
			"不超过 10 MB），按名单的顺序列出各单位，每年给出“已报送 N / 应报送 M”和未报送的单位（屏幕、表格、PDF 和 JSON 的 missing），\n" +
			"报告的单位不在名单中的单列为“名单外”，并提示名单中相近的名称。单位名称的全称与简称\n" +
			"（江宁区财政局 / 财政局）、“人民政府”“办公室”后缀、全角半角都能对应；一个名称能对应名单中\n" +
			"几个单位时不作猜测，列为名单外并在核查中说明。名单中有重复的单位、空的名称，或同一单位\n" +
			"分到两个组时，拒绝使用并指出行号。\n\n" +
			"--units 指定一个 CSV 文件（两列：单位名称或文件名、分组，例如 县直部门 / 乡镇街道），\n" +
			"按分组给出小计（名单中已写分组的单位以名单为准）。CSV 可以是 UTF-8 或 Excel 默认的 GBK 编码，不超过 10 MB。\n\n" +
			"汇总表格的工作表数不随单位数增加：各年度的统计表合计、主要指标、各单位主要指标、\n" +
			"每张统计表一个“明细”表（每个单位一行）、未报送单位和核查；--agency-sheets 另附各单位的统计表。\n\n" +
			"不指定 --xlsx、--pdf、--json 时只在屏幕上显示汇总结果。--json - 把 JSON 写到标准输出。\n" +
			"各输出文件先写成临时文件，全部写完后才一起改名，失败或中断时不会留下残缺的文件。\n" +
			"输出文件不能是输入文件（包括要读取的文件夹中的文件）、分组文件、名单文件或另一个输出文件，\n" +
			"否则在读取任何报告之前就报错；输入文件绝不会被修改。\n\n" +
			"无法读取的文件会在错误输出和“核查”表中列出原因，其余文件照常汇总。\n" +
			"退出码：全部读取成功为 0；已写出汇总但有文件无法读取为 3；没有可用的报告为 2；被中断为 130。\n\n" +
			"示例：\n" +
			"   xxgk rollup --name 某某县 --xlsx 汇总.xlsx --pdf 汇总.pdf 各单位报告/\n" +
			"   xxgk rollup --roster 名单.csv --xlsx 汇总.xlsx 2023年报/\n" +
			"   xxgk rollup --units 分组.csv --json 汇总.json 2023年报/",
		CustomHelpTemplate: commandHelpTemplate,
		OnUsageError:       onUsageError,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "name", Usage: "汇总单位名称，写在标题中（例如 某某县人民政府）"},
			&cli.StringFlag{Name: "xlsx", Usage: "写出汇总 Excel 表格（.xlsx）"},
			&cli.StringFlag{Name: "pdf", Usage: "写出可打印的汇总 PDF 摘要（.pdf）"},
			&cli.StringFlag{Name: "json", Usage: "写出汇总结果 JSON（- 表示标准输出）"},
			&cli.StringFlag{Name: "roster", Usage: "应报送单位名单 CSV 文件（单位名称[, 分组]；不超过 10 MB），列出未报送的单位"},
			&cli.StringFlag{Name: "units", Usage: "单位分组 CSV 文件（单位或文件名, 分组；不超过 10 MB），按分组给出小计"},
			&cli.BoolFlag{Name: "agency-sheets", Usage: "在汇总表格中另附每个单位的统计表（单位多时工作表会很多）"},
			fontsFlag(),
		},
		Action: rollupAction,
	}
}

// sharedFormsNote says which forms a roll-up sums together where they
// share cells (formats.json's shares_cells_with), older form first:
// "；2019年格式与2021年格式只合计两者共有的单元格".
func sharedFormsNote() string {
	var b strings.Builder
	for _, group := range templates.SharingGroups() {
		forms := make([]*templates.Form, len(group))
		for i, id := range group {
			forms[i] = templates.FormByID(id)
		}
		slices.SortStableFunc(forms, func(a, b *templates.Form) int { return a.InForce.From - b.InForce.From })
		labels := make([]string, len(forms))
		for i, f := range forms {
			labels[i] = f.Label
		}
		both := "各格式"
		if len(labels) == 2 {
			both = "两者"
		}
		fmt.Fprintf(&b, "；%s只合计%s共有的单元格", strings.Join(labels, "与"), both)
	}
	return b.String()
}

// partialError is a roll-up written although some inputs could not be read.
type partialError struct{ errs []error }

func (e *partialError) Error() string   { return errors.Join(e.errs...).Error() }
func (e *partialError) Unwrap() []error { return e.errs }

// maxUnitsSize bounds the groups and roster files.
const maxUnitsSize = load.MaxUnitsSize

func rollupAction(ctx context.Context, cmd *cli.Command) error {
	args := cmd.Args().Slice()
	if len(args) == 0 {
		return usageErrorf(cmd, "请指定报告文件或文件夹")
	}
	var ru *rollup.Rollup
	var fontSet *fonts.Set // nil: the built-in fonts
	created := creationTime()
	writers := []output{
		{flag: "--xlsx", write: func(w io.Writer) error {
			dir, remove := scratchDir()
			defer remove()
			return xlsx.WriteRollup(w, ru, xlsx.Options{Created: created, AgencySheets: cmd.Bool("agency-sheets"), TempDir: dir})
		}},
		{flag: "--pdf", write: func(w io.Writer) error { return pdf.WriteRollup(w, ru, pdf.Options{Created: created, Fonts: fontSet}) }},
		{flag: "--json", write: func(w io.Writer) error { return ru.WriteJSON(w) }},
	}
	outs, jsonStdout, err := chosenOutputs(cmd, writers)
	if err != nil {
		return err
	}
	if fontSet, err = outputFonts(cmd, outs); err != nil {
		return err
	}
	units, rosterFile := cmd.String("units"), cmd.String("roster")

	files, errs := findInputs(args)
	if err := checkOutputs(cmd, outs, args, files, sideInput{"分组文件", units}, sideInput{"名单文件", rosterFile}); err != nil {
		return err
	}
	var groups map[string]string
	if units != "" {
		data, err := readFile(units, maxUnitsSize)
		if err == nil {
			groups, err = rollup.Units(data)
		} else {
			err = errors.New(readReason(err))
		}
		if err != nil {
			return usageErrorf(cmd, "分组文件 %s 无法使用：%v", units, err)
		}
	}
	var roster *rollup.Roster
	if rosterFile != "" {
		data, err := readFile(rosterFile, maxUnitsSize)
		if err == nil {
			roster, err = rollup.ReadRoster(data)
		} else {
			err = errors.New(readReason(err))
		}
		if err != nil {
			return usageErrorf(cmd, "名单文件 %s 无法使用：%v", rosterFile, err)
		}
	}
	if len(files) == 0 && len(errs) == 0 {
		return &inputError{name: strings.Join(args, "、"), reason: "没有找到报告文件（可读取 " + strings.Join(format.Extensions(), " ") + "）", err: fs.ErrNotExist}
	}
	softMemoryLimit()
	// Each report is kept as the roll-up needs it as soon as it is read,
	// so that memory does not grow with the reports' evidence (a tenth
	// of it); the agencies' own sheets need the whole reports.
	keep := rollup.Keep
	if cmd.Bool("agency-sheets") {
		keep = rollup.Whole
	}
	results := parseParallel(ctx, files, progressWriter(cmd.Root().ErrWriter), keep)
	if err := ctx.Err(); err != nil {
		return err
	}
	var kept []*rollup.Kept
	var unreadable []rollup.Unreadable
	for _, e := range errs {
		unreadable = append(unreadable, unreadableOf(e))
	}
	for _, res := range results {
		if res.err != nil {
			errs = append(errs, res.err)
			unreadable = append(unreadable, unreadableOf(res.err))
			continue
		}
		kept = append(kept, res.report)
	}
	if len(kept) == 0 {
		return errors.Join(append(errs, &inputError{name: strings.Join(args, "、"), reason: "没有可以汇总的报告", err: fs.ErrNotExist})...)
	}

	ru = load.Rollup(kept, rollup.Options{Name: cmd.String("name"), Groups: groups, Roster: roster,
		Unreadable: unreadable})
	if len(ru.Years) == 0 {
		// Every input read is a notice, a letter or a form nobody filled.
		for _, nr := range ru.NotReports {
			errs = append(errs, &inputError{name: nr.Path, reason: "不是年度报告（" + nr.Reason + "）", err: fs.ErrInvalid})
		}
		return errors.Join(append(errs, &inputError{name: strings.Join(args, "、"), reason: "没有可以汇总的报告", err: fs.ErrNotExist})...)
	}

	// Standard output is written last, and only if the files were: an
	// interrupted run prints nothing more.
	var stdout bytes.Buffer
	if jsonStdout {
		if err := ru.WriteJSON(&stdout); err != nil {
			return stdoutError(err)
		}
	} else {
		writeRollupSummary(&stdout, ru)
	}
	return writeRun(ctx, cmd.Root().Writer, outs, &stdout, errs)
}

// rollupMemoryLimit is the heap size past which a roll-up collects garbage
// more often than Go's default (which lets the heap grow to twice what is
// live): a roll-up of 100,000 reports keeps some 500 MB of reports (5.2 KB
// each, BenchmarkKeep, more than half of it the figures' map), and its
// workbook holds another 480 MB while it is written (excelize keeps the
// sheets under 16 MB in memory until it saves them; the package goes to a
// temporary file). It peaks at 1.5 GB resident (1.9 GB when the kept
// reports took 730 MB and the package another 190 MB in memory). It is a
// soft limit: a larger roll-up still gets the memory it needs, collecting
// more often.
const rollupMemoryLimit = 1400 << 20

// softMemoryLimit sets rollupMemoryLimit, unless the user set GOMEMLIMIT
// or a lower limit is in force.
func softMemoryLimit() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return
	}
	if debug.SetMemoryLimit(-1) > rollupMemoryLimit {
		debug.SetMemoryLimit(rollupMemoryLimit)
	}
}

// whole keeps a report as it is read.
func whole(r *xxgk.Report) *xxgk.Report { return r }

func unreadableOf(err error) rollup.Unreadable {
	var ie *inputError
	if errors.As(err, &ie) {
		return rollup.Unreadable{Path: ie.name, Reason: ie.reason}
	}
	return rollup.Unreadable{Reason: err.Error()}
}

// findInputs expands folders into the report files below them, in lexical
// order, skipping hidden files (xxgk's own temporary files among them) and
// Office lock files (~$…). Files named directly are kept as they are; a
// missing one is an error.
func findInputs(args []string) (files []string, errs []error) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, &inputError{name: arg, reason: readReason(err), err: err})
			continue
		}
		if !fi.IsDir() {
			add(arg)
			continue
		}
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &inputError{name: p, reason: readReason(err), err: err})
				return nil
			}
			name := d.Name()
			if p != arg && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			// A folder contributes the files of the formats xxgk reads; files
			// named on the command line are read whatever their name.
			if !d.IsDir() && format.HasExtension(name) {
				add(p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, &inputError{name: arg, reason: readReason(err), err: err})
		}
	}
	return files, errs
}

type parseResult[T any] struct {
	report T
	err    error
}

// parseParallel parses files on all cores; results are in the order of
// files, each report as keep makes it (in the worker, so that what is not
// kept is garbage as soon as the report is read). progress (may be nil) is
// told how many are done.
func parseParallel[T any](ctx context.Context, files []string, progress func(done, total int), keep func(*xxgk.Report) T) []parseResult[T] {
	results := make([]parseResult[T], len(files))
	jobs := make(chan int)
	var done sync.WaitGroup
	var mu sync.Mutex
	finished := 0
	for range min(runtime.GOMAXPROCS(0), max(len(files), 1)) {
		done.Go(func() {
			in := inputs{}
			for i := range jobs {
				r, err := in.parse(files[i])
				if err != nil {
					results[i].err = err
				} else {
					results[i].report = keep(r)
				}
				if progress != nil {
					mu.Lock()
					finished++
					progress(finished, len(files))
					mu.Unlock()
				}
			}
		})
	}
	for i := range files {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	done.Wait()
	return results
}

// progressWriter returns a progress bar drawn on w when w is a terminal,
// and nil otherwise (pipes and files get no control characters).
func progressWriter(w io.Writer) func(done, total int) {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	var last time.Time
	return func(done, total int) {
		if done < total && time.Since(last) < 100*time.Millisecond {
			return
		}
		last = time.Now()
		const width = 30
		n := width * done / max(total, 1)
		fmt.Fprintf(f, "\r读取报告 [%s%s] %d/%d", strings.Repeat("█", n), strings.Repeat("░", width-n), done, total)
		if done == total {
			fmt.Fprintln(f)
		}
	}
}

// writeRollupSummary prints the roll-up's totals per year.
func writeRollupSummary(w io.Writer, ru *rollup.Rollup) {
	agencies := 0
	for _, y := range ru.Years {
		agencies += len(y.Agencies)
	}
	title := "汇总"
	if ru.Name != "" {
		title = ru.Name + "汇总"
	}
	fmt.Fprintf(w, "%s：%d 份报告，%d 个文件无法读取（原因见错误输出），%d 条核查发现\n", title, agencies, len(ru.Unreadable), len(ru.Findings))
	if len(ru.NotReports) > 0 {
		fmt.Fprintf(w, "非年度报告 %d 份（未计入汇总）：\n", len(ru.NotReports))
		for _, nr := range ru.NotReports {
			fmt.Fprintf(w, "  %s：%s\n", nr.Path, nr.Reason)
		}
	}
	for _, y := range ru.Years {
		var forms []string
		for _, f := range y.Forms {
			forms = append(forms, fmt.Sprintf("%s %d", templates.FormLabel(f.Form), f.Count))
		}
		count := fmt.Sprintf("%d 个单位", len(y.Agencies))
		if y.Expected > 0 {
			count = fmt.Sprintf("已报送 %d / 应报送 %d 个单位", y.Reported, y.Expected)
			if n := len(y.OutsideRoster); n > 0 {
				count += fmt.Sprintf("，另有名单外 %d 份", n)
			}
		}
		fmt.Fprintf(w, "\n%s：%s（%s）\n", yearLabel(y.Year), count, strings.Join(forms, "，"))
		writeRosterStanding(w, y)
		for _, fig := range templates.Figures {
			t, ok := y.Figures[fig.Key]
			if !ok {
				continue
			}
			approx := ""
			if t.Approx {
				approx = "约"
			}
			fmt.Fprintf(w, "  %s：%s%s %s（%d/%d 个单位填报）\n", fig.Label, approx, t.Value, fig.Unit, t.Count, t.Of)
		}
		for _, g := range y.Groups {
			fmt.Fprintf(w, "  分组 %s：%d 个单位\n", g.Name, g.Agencies)
		}
		if y.Shared != nil {
			fmt.Fprintf(w, "  %s 合计了两种格式共有的 %d 个单元格\n", formList(y.Shared.Forms), len(y.Shared.Cells))
		}
	}
}

// writeRosterStanding prints a year's agencies that did not report and
// the reports of agencies outside the roster.
func writeRosterStanding(w io.Writer, y *rollup.Year) {
	if len(y.Missing) > 0 {
		fmt.Fprintf(w, "  未报送（%d 个）：%s\n", len(y.Missing), strings.Join(y.Missing, "、"))
	}
	for _, o := range y.OutsideRoster {
		name := o.Agency
		if name == "" {
			name = "未署名（" + o.Path + "）"
		}
		switch {
		case o.Ambiguous:
			fmt.Fprintf(w, "  名单外：%s（可对应名单中的 %s，未作对应）\n", name, strings.Join(o.Closest, "、"))
		case len(o.Closest) > 0:
			fmt.Fprintf(w, "  名单外：%s（名单中相近的有 %s）\n", name, strings.Join(o.Closest, "、"))
		default:
			fmt.Fprintf(w, "  名单外：%s\n", name)
		}
	}
}

func formList(forms []string) string {
	var names []string
	for _, f := range forms {
		names = append(names, templates.FormLabel(f))
	}
	return strings.Join(names, "与")
}
