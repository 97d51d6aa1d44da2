package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk/load"
)

// benchSources are the real reports of testdata/reports the roll-up
// benchmark copies: every form, HTML and text, GBK and UTF-8.
func benchSources(tb testing.TB) (names []string, data [][]byte, agencies []string) {
	tb.Helper()
	entries, err := os.ReadDir(reportsDir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		n := e.Name()
		if ext := filepath.Ext(n); ext != ".txt" && ext != ".html" || strings.Contains(n, ".golden") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(reportsDir, n))
		if err != nil {
			tb.Fatal(err)
		}
		r, err := load.Report(n, b)
		if err != nil || r.Agency == "" || r.Year == 0 || len(r.Agency) < 6 {
			continue // not a report, or nothing to rename
		}
		// Keep the sources where renaming works: the name is in the
		// bytes (not GBK) and is read back renamed.
		probe := chineseSerial(0) + r.Agency
		renamed, err := load.Report(n, bytes.ReplaceAll(b, []byte(r.Agency), []byte(probe)))
		if err != nil || renamed.Agency != probe {
			continue
		}
		names, data, agencies = append(names, n), append(data, b), append(agencies, r.Agency)
	}
	if len(names) < 10 {
		tb.Fatalf("only %d usable sample reports", len(names))
	}
	return names, data, agencies
}

// makeRollupCorpus writes n reports into dir, copies of the samples each
// with its agency renamed to a distinct one (编号 in Chinese numerals, which
// the agency reader keeps), so that none is a duplicate.
func makeRollupCorpus(tb testing.TB, dir string, n int) {
	tb.Helper()
	names, data, agencies := benchSources(tb)
	for i := range n {
		k := i % len(names)
		name := fmt.Sprintf("%s%s", chineseSerial(i), agencies[k])
		b := bytes.ReplaceAll(data[k], []byte(agencies[k]), []byte(name))
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%05d-%s", i, names[k])), b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// chineseSerial writes i in the digits 〇一二…九 followed by 号片区.
func chineseSerial(i int) string {
	digits := []rune("〇一二三四五六七八九")
	var b strings.Builder
	for _, c := range fmt.Sprint(i) {
		b.WriteRune(digits[c-'0'])
	}
	return b.String() + "号片区"
}

// BenchmarkRollup runs the whole command: walk a folder of n reports, parse
// them on all cores, roll them up, write the workbook and the PDF.
func BenchmarkRollup(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			in := filepath.Join(dir, "in")
			makeRollupCorpus(b, in, n)
			args := []string{"xxgk", "rollup", "--name", "测试县", "--xlsx", filepath.Join(dir, "汇总.xlsx"),
				"--pdf", filepath.Join(dir, "汇总.pdf"), in}
			b.ReportAllocs()
			for b.Loop() {
				if err := run(context.Background(), args, nil, io.Discard, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
