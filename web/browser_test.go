package web

import (
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"xxgk/internal/samples"
	"xxgk/internal/testutil"
)

var updateScreenshot = flag.Bool("update", false, "rewrite docs/serve.png, the README's picture of the page")

// TestChromium drives the page in a real headless browser, as a person
// would: choose a report, see its agency and a table value, click the
// value and see its evidence, correct it, and download the workbook, read
// back with the corrected value marked 人工修改.
func TestChromium(t *testing.T) {
	ctx, url, downloads := startBrowser(t, Options{})
	const key = "gov_2021.t3_requests.new_received.natural_person"
	cell := chromedp.CSS(`td[data-cell="` + key + `"]`)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	text := func(sel chromedp.CSS) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		return s
	}
	report := filepath.Join(samples.Dir(), "pingtan-2025-zone-html.html")
	err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(css("#drop")),
		chromedp.SetUploadFiles(css("#pick-files"), []string{report}),
		chromedp.WaitVisible(css("section.report .title")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if title := text(css("section.report .title")); !strings.Contains(title, "平潭综合实验区") || !strings.Contains(title, "2025") {
		t.Errorf("title = %q", title)
	}
	if value := text(cell); value != "151" {
		t.Errorf("%s shows %q, want 151", key, value)
	}
	if err := chromedp.Do(ctx, chromedp.Click(cell), chromedp.WaitVisible(css("#panel"))); err != nil {
		t.Fatal(err)
	}
	if facts := text(css("#panel-facts")); !strings.Contains(facts, "一、本年新收政府信息公开申请数量 151 3 0 0 0 0 154") || !strings.Contains(facts, "自然人") {
		t.Errorf("the evidence panel shows %q", facts)
	}

	// A word is refused in Chinese; a number is kept, marked.
	err = chromedp.Do(ctx,
		chromedp.SetValue(css("#panel-input"), "约20"),
		chromedp.Click(css("#panel-save")),
		chromedp.WaitVisible(css("#panel-error")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if refusal := text(css("#panel-error")); !strings.Contains(refusal, "不是数字") {
		t.Errorf("a word as a value: %q", refusal)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(css("#panel-input"), "152"),
		chromedp.Click(css("#panel-save")),
		chromedp.WaitVisible(css(`td.manual[data-cell="`+key+`"]`)),
		chromedp.WaitVisible(css("#panel-undo")),
	)
	if err != nil {
		t.Fatal(err)
	}
	class, err := chromedp.Run(ctx, chromedp.AttributeValue(cell, "class"))
	if err != nil {
		t.Fatal(err)
	}
	if after := text(cell); after != "152" || !strings.Contains(class.Value, "err") {
		t.Errorf("corrected cell shows %q (class %q), want 152 flagged by the audit run again", after, class.Value)
	}
	findings := text(css("section.report .findings"))
	if !strings.Contains(findings, "人工修改：") || !strings.Contains(findings, "原为 151，改为 152") {
		t.Errorf("findings do not say 人工修改: %q", findings)
	}
	if strings.Index(findings, "错误") > strings.Index(findings, "提示") {
		t.Errorf("errors are not first: %q", findings)
	}

	if *updateScreenshot {
		// The top of the page: the report, its findings (the audit of the
		// corrected value first) and the evidence panel beside them.
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800), chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Run(ctx, chromedp.Evaluate[any]("window.scrollTo(0, 0)"))
			return err
		})); err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("../docs/serve.png", png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	if err := chromedp.Do(ctx, chromedp.Click(css(`section.report button[data-download="xlsx"]`))); err != nil {
		t.Fatal(err)
	}
	path := waitDownload(ctx, t, downloads, "pingtan-2025-zone-html.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "表三 依申请公开情况"
	comments, err := f.GetComments(sheet)
	if err != nil {
		t.Fatal(err)
	}
	marked := 0
	for _, c := range comments {
		text := c.Text
		for _, p := range c.Paragraph {
			text += p.Text
		}
		if !strings.Contains(text, "人工修改：原值") {
			continue
		}
		marked++
		v, err := f.GetCellValue(sheet, c.Cell)
		if err != nil {
			t.Fatal(err)
		}
		if v != "152" || !strings.Contains(text, "原值 151，改为 152") {
			t.Errorf("%s!%s = %q, note %q", sheet, c.Cell, v, text)
		}
	}
	if marked != 1 {
		t.Errorf("%d cells of %s are marked 人工修改, want 1", marked, sheet)
	}

	// 恢复原值 undoes the correction, and later requests do not send it.
	for i, step := range []chromedp.Action[chromedp.Void]{
		chromedp.Click(cell),
		chromedp.WaitVisible(css("#panel-undo")),
		chromedp.Click(css("#panel-undo")),
		chromedp.WaitNotPresent(css(`td.manual[data-cell="` + key + `"]`)),
		chromedp.WaitNotVisible(css("#panel-undo")),
	} {
		if err := chromedp.Do(ctx, step); err != nil {
			t.Fatalf("恢复原值, step %d: %v", i, err)
		}
	}
	if v := text(cell); v != "151" {
		t.Errorf("after 恢复原值 the cell shows %q, want 151", v)
	}
	if f := text(css("section.report .findings")); strings.Contains(f, "人工修改") {
		t.Errorf("after 恢复原值 the findings still say 人工修改: %q", f)
	}
	if err := chromedp.Do(ctx, chromedp.Click(css(`section.report button[data-download="json"]`))); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(waitDownload(ctx, t, downloads, "pingtan-2025-zone-html.json")); err != nil || strings.Contains(string(data), `"manual"`) {
		t.Errorf("the JSON after 恢复原值 still has a manual value (%v)", err)
	}
}

// startBrowser serves the page with opt and starts headless chromium,
// downloading into a folder of the test; both end with the test.
func startBrowser(t *testing.T, opt Options) (ctx context.Context, url, downloads string) {
	t.Helper()
	bin := testutil.RealClient(t, "XXGK_REQUIRE_CHROMIUM", "chromium")
	ts := httptest.NewUnstartedServer(nil)
	ts.Config.Handler = New(ts.Listener.Addr().String(), opt)
	ts.Start()
	t.Cleanup(ts.Close)

	downloads = t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox, // CI runs as root
		chromedp.WindowSize(1280, 800),
		chromedp.Flag("lang", "zh-CN"),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel = chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel)
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	return ctx, ts.URL + "/", downloads
}

// The files xxgk serve was started with (dropped on xxgk.exe) are on the
// page when it opens, the unreadable ones listed with their reason; two
// reports give the roll-up.
func TestChromiumPreload(t *testing.T) {
	var preload []File
	for _, name := range []string{"pingtan-2025-zone-html.html", "pingtan-dept-czj-2019.txt"} {
		data, err := os.ReadFile(filepath.Join(samples.Dir(), name))
		if err != nil {
			t.Fatal(err)
		}
		preload = append(preload, File{Name: `C:\报告\` + name, Data: data})
	}
	preload = append(preload, File{Name: `C:\报告\坏.docx`, Reason: "文件不存在（请检查文件名和所在文件夹）"})
	ctx, url, downloads := startBrowser(t, Options{Preload: preload})
	err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS("section.report + section.report")),
		chromedp.WaitVisible(chromedp.CSS("#rollup")),
		chromedp.WaitVisible(chromedp.CSS("#bad")),
	)
	if err != nil {
		t.Fatal(err)
	}
	titles, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#reports")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(titles, "平潭综合实验区　2025年度") || !strings.Contains(titles, "2019年度") {
		t.Errorf("the preloaded reports are not shown: %.200q", titles)
	}
	bad, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#bad-list")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(bad, `坏.docx：文件不存在`) {
		t.Errorf("bad files: %q", bad)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#rollup-name"), "平潭"),
		chromedp.Click(chromedp.CSS(`button[data-rollup="xlsx"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(waitDownload(ctx, t, downloads, "平潭汇总.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) < 5 {
		t.Errorf("the roll-up has sheets %q", sheets)
	}
}

// waitDownload waits for the browser to finish saving name in dir.
func waitDownload(ctx context.Context, t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	for {
		if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
			if _, err := os.Stat(path + ".crdownload"); err != nil {
				return path
			}
		}
		select {
		case <-ctx.Done():
			entries, _ := os.ReadDir(dir)
			t.Fatalf("no %s downloaded (folder has %v): %v", name, fmt.Sprint(entries), ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}
