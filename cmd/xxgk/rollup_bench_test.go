package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"xxgk"
	"xxgk/export/pdf"
	"xxgk/export/xlsx"
	"xxgk/load"
	"xxgk/rollup"
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
// them on all cores, roll them up, write the workbook and the PDF. It
// reports the peak resident memory of the run (peak-RSS-MB, Linux) and
// the sizes of the outputs. 100,000 reports (a country's year: GBs of
// files in the temporary folder, minutes) run only with XXGK_BENCH_100K=1.
func BenchmarkRollup(b *testing.B) {
	sizes := []int{1000, 10000}
	if os.Getenv("XXGK_BENCH_100K") != "" {
		sizes = append(sizes, 100000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			in := filepath.Join(dir, "in")
			makeRollupCorpus(b, in, n)
			xlsxOut, pdfOut := filepath.Join(dir, "汇总.xlsx"), filepath.Join(dir, "汇总.pdf")
			args := []string{"xxgk", "rollup", "--name", "测试县", "--xlsx", xlsxOut, "--pdf", pdfOut, in}
			runtime.GC()
			resetPeakRSS()
			b.ReportAllocs()
			for b.Loop() {
				if err := run(context.Background(), args, nil, io.Discard, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
			if peak, ok := peakRSS(); ok {
				b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MB")
			}
			for unit, p := range map[string]string{"xlsx-MB": xlsxOut, "pdf-MB": pdfOut} {
				if fi, err := os.Stat(p); err == nil {
					b.ReportMetric(float64(fi.Size())/(1<<20), unit)
				}
			}
		})
	}
}

// resetPeakRSS starts the process's peak resident memory (VmHWM) afresh,
// so that a run is not charged with the corpus generated before it (Linux;
// elsewhere nothing happens).
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the process's peak resident memory in bytes since
// resetPeakRSS (VmHWM of /proc/self/status); false where there is none.
func peakRSS() (int64, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			if _, err := fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), &kb); err == nil {
				return kb << 10, true
			}
		}
	}
	return 0, false
}

// BenchmarkRollupKept is the roll-up's own path without parsing: n kept
// reports (copies of the parsed samples under distinct names, spread over
// their years as in BenchmarkRollup) rolled up, the workbook and the PDF
// written. It reports the peak resident memory from the roll-up on (the
// kept reports included), so that the roll-up's own costs can be read
// apart from parsing's. 100,000 with XXGK_BENCH_100K=1.
func BenchmarkRollupKept(b *testing.B) {
	samples := parsedSources(b)
	sizes := []int{10000}
	if os.Getenv("XXGK_BENCH_100K") != "" {
		sizes = append(sizes, 100000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			b.ReportAllocs()
			for b.Loop() {
				kept := samples.keep(n)
				runtime.GC()
				resetPeakRSS()
				ru := rollup.RollKept(kept, rollup.Options{Name: "测试县"})
				for _, w := range []func(io.Writer) error{
					func(w io.Writer) error { return xlsx.WriteRollup(w, ru, xlsx.Options{}) },
					func(w io.Writer) error { return pdf.WriteRollup(w, ru, pdf.Options{}) },
				} {
					f, err := os.CreateTemp(dir, "out")
					if err != nil {
						b.Fatal(err)
					}
					if err := w(f); err != nil {
						b.Fatal(err)
					}
					f.Close()
				}
			}
			if peak, ok := peakRSS(); ok {
				b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MB")
			}
		})
	}
}

// keptSink holds the reports BenchmarkKeep kept past its end, so that a
// heap profile of it (-memprofile, inuse_space) shows what they hold.
var keptSink []*rollup.Kept

// BenchmarkKeep keeps 10,000 copies of the parsed samples as the roll-up
// does (each under its own name and path, as BenchmarkRollupKept) and
// reports the live heap they hold per report (heap-B/report): what a
// roll-up of 100,000 reports needs before its outputs are written.
func BenchmarkKeep(b *testing.B) {
	samples := parsedSources(b)
	const n = 10000
	b.ReportAllocs()
	var heap float64
	for b.Loop() {
		keptSink = nil
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		kept := samples.keep(n)
		runtime.GC()
		runtime.ReadMemStats(&after)
		heap = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / n
		keptSink = kept
	}
	b.ReportMetric(heap, "heap-B/report")
}

// sources are the parsed benchSources with their names and agencies.
type sources struct {
	names, agencies []string
	reports         []*xxgk.Report
}

func parsedSources(tb testing.TB) sources {
	names, data, agencies := benchSources(tb)
	s := sources{names: names, agencies: agencies, reports: make([]*xxgk.Report, len(names))}
	for i := range names {
		r, err := load.Report(names[i], data[i])
		if err != nil {
			tb.Fatal(err)
		}
		s.reports[i] = r
	}
	return s
}

// keep keeps n copies of the sources as a roll-up does, each under its own
// name and path, spread over the sources (and so their years) as
// makeRollupCorpus spreads the files.
func (s sources) keep(n int) []*rollup.Kept {
	kept := make([]*rollup.Kept, n)
	for i := range kept {
		k := i % len(s.reports)
		r := *s.reports[k]
		r.Agency = chineseSerial(i) + s.agencies[k]
		r.Source.Path = fmt.Sprintf("%03d/%05d-%s", i/1000, i, s.names[k])
		r.Findings = slices.Clone(r.Findings)
		kept[i] = rollup.Keep(&r)
	}
	return kept
}
