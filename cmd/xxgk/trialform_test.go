package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk/internal/trialform"
)

// xxgk offers, reads and rolls up a form that only formats.json knows: its
// help and messages list the forms of the data.
func TestTrialFormCommands(t *testing.T) {
	trialform.Use(t, 5)
	dir := t.TempDir()
	xxgk := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), append([]string{"xxgk"}, args...), nil, &stdout, &stderr); err != nil {
			t.Fatalf("xxgk %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
		}
		return stdout.String()
	}
	help := xxgk("template", "--help")
	for _, want := range []string{
		"   trial_2026  2026年试行格式（现行）\n      gov_2021    2021年格式（现行）\n      gov_2019    2019年格式\n",
		"例如 trial_2026模板.xlsx", "表式：trial_2026、gov_2021、gov_2019 或 stat_2014（必填）",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("template help lacks %q:\n%s", want, help)
		}
	}
	out := filepath.Join(dir, "空白.xlsx")
	if got := xxgk("template", "--form", trialform.ID, "-o", out); !strings.Contains(got, "（2026年试行格式）") {
		t.Errorf("template: %s", got)
	}
	report := filepath.Join(dir, "trial.html")
	if err := os.WriteFile(report, trialform.Report(t, "平潭综合实验区"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := xxgk("parse", report); !strings.Contains(got, "格式：2026年试行格式\n") || !strings.Contains(got, "本年新收政府信息公开申请数：154 件（表格 · 表三 一、本年度新收到的政府信息公开申请数量 · 总计）") {
		t.Errorf("parse:\n%s", got)
	}
	if got := xxgk("rollup", report); !strings.Contains(got, "2026年：1 个单位（2026年试行格式 1）") {
		t.Errorf("rollup:\n%s", got)
	}
}
