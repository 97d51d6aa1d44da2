package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// tempLeft fails the test if dir holds a temporary file of xxgk.
func tempLeft(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".xxgk-") {
			t.Errorf("temporary file %s left in %s", e.Name(), dir)
		}
	}
}

// TestRunCancelled runs every command that writes files with a cancelled
// context: no output, no temporary file, one line, exit status 130.
func TestRunCancelled(t *testing.T) {
	src := filepath.Join(reportsDir, "seed-002.txt")
	for _, args := range [][]string{
		{"rollup", "--xlsx", "r.xlsx", "--pdf", "r.pdf", "--json", "r.json", src},
		{"xlsx", "-o", "r.xlsx", src},
		{"pdf", "-o", "r.pdf", src},
		{"parse", src},
		{"check", src},
	} {
		dir := t.TempDir()
		for i, a := range args {
			if strings.HasPrefix(a, "r.") {
				args[i] = filepath.Join(dir, a)
			}
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var stdout, stderr bytes.Buffer
		err := run(ctx, append([]string{"xxgk"}, args...), nil, &stdout, &stderr)
		if status := report(&stderr, err); status != exitInterrupt {
			t.Errorf("%s: exit status %d, want %d (%v)", args[0], status, exitInterrupt, err)
		}
		if stdout.Len() > 0 {
			t.Errorf("%s: wrote %q to stdout", args[0], stdout.String())
		}
		if got := stderr.String(); got != interruptedMessage+"\n" {
			t.Errorf("%s: stderr %q, want the one line %q", args[0], got, interruptedMessage)
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			t.Errorf("%s: %s written", args[0], e.Name())
		}
	}
}

// TestWriteOutputsCancelled cancels while the second of three outputs is
// being written: the first, already written, is not put in place either.
func TestWriteOutputsCancelled(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	fill := func(w io.Writer) error {
		_, err := w.Write(bytes.Repeat([]byte("x"), 1<<20))
		return err
	}
	outs := []output{
		{flag: "--xlsx", path: filepath.Join(dir, "a.xlsx"), write: fill},
		{flag: "--pdf", path: filepath.Join(dir, "a.pdf"), write: func(w io.Writer) error {
			if err := fill(w); err != nil {
				return err
			}
			cancel()
			return fill(w)
		}},
		{flag: "--json", path: filepath.Join(dir, "a.json"), write: fill},
	}
	if err := writeOutputs(ctx, outs); !errors.Is(err, context.Canceled) {
		t.Fatalf("writeOutputs = %v, want context.Canceled", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		t.Errorf("%s left behind", e.Name())
	}
}

// TestWriteOutputsAllOrNone: when one output cannot be written, none is
// put in place, and an existing file of that name keeps its content.
func TestWriteOutputsAllOrNone(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "a.xlsx")
	if err := os.WriteFile(old, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	outs := []output{
		{flag: "--xlsx", path: old, write: func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }},
		{flag: "--pdf", path: filepath.Join(dir, "a.pdf"), write: func(io.Writer) error { return errors.New("字体缺失") }},
	}
	err := writeOutputs(context.Background(), outs)
	var oe *outputError
	if !errors.As(err, &oe) || oe.path != outs[1].path {
		t.Fatalf("writeOutputs = %v, want an outputError for a.pdf", err)
	}
	if b, _ := os.ReadFile(old); string(b) != "old" {
		t.Errorf("a.xlsx = %q, want it untouched", b)
	}
	if _, err := os.Stat(outs[1].path); err == nil {
		t.Error("a.pdf written")
	}
	tempLeft(t, dir)
}

// TestTempsStop is what an interrupt does: every temporary file removed,
// none created or renamed after.
func TestTempsStop(t *testing.T) {
	dir := t.TempDir()
	var ts tempFiles
	f, err := ts.create(dir)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	// A scratch folder (a workbook's spilled sheets) goes with what it holds.
	scratch, err := ts.createDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(scratch, "excelize-1"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	ts.stop()
	for _, name := range []string{f.Name(), scratch} {
		if _, err := os.Stat(name); err == nil {
			t.Errorf("%s not removed", name)
		}
	}
	if _, err := ts.create(dir); !errors.Is(err, errInterrupted) {
		t.Errorf("create after stop = %v, want errInterrupted", err)
	}
	if _, err := ts.createDir(dir); !errors.Is(err, errInterrupted) {
		t.Errorf("createDir after stop = %v, want errInterrupted", err)
	}
	if err := ts.commit(context.Background(), nil, nil); !errors.Is(err, errInterrupted) {
		t.Errorf("commit after stop = %v, want errInterrupted", err)
	}
	tempLeft(t, dir)
}

// TestOutputFolderReadOnly: a roll-up into a folder that cannot be written
// fails before any input is read.
func TestOutputFolderReadOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	if f, err := os.CreateTemp(dir, "probe"); err == nil {
		// Running as root (or on Windows, where the mode does not apply):
		// permissions do not stop writing; a read-only system folder does.
		f.Close()
		os.Remove(f.Name())
		if runtime.GOOS != "linux" {
			t.Skip("cannot make a folder that cannot be written")
		}
		dir = "/sys"
	}
	missing := filepath.Join(t.TempDir(), "missing.txt")
	var stderr bytes.Buffer
	err := run(context.Background(), []string{"xxgk", "rollup", "--xlsx", filepath.Join(dir, "out.xlsx"), missing, reportsDir}, nil, io.Discard, &stderr)
	var oe *outputError
	if !errors.As(err, &oe) {
		t.Fatalf("err = %v, want an outputError", err)
	}
	report(&stderr, err)
	if strings.Contains(stderr.String(), "missing.txt") || strings.Contains(stderr.String(), "读取") {
		t.Errorf("inputs were read before the output folder was checked:\n%s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "没有写入权限") && !strings.Contains(stderr.String(), "只读") {
		t.Errorf("stderr does not say why: %s", stderr.String())
	}
}

// TestWriteReasonNamesOutput: a write failure names the output, not the
// hidden temporary file, and says why in Chinese.
func TestWriteReasonNamesOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "汇总.xlsx")
	err := writeOutputs(context.Background(), []output{{flag: "--xlsx", path: out, write: func(w io.Writer) error {
		return &os.PathError{Op: "write", Path: filepath.Join(dir, ".xxgk-123.tmp"), Err: errNoSpace}
	}}})
	msg := err.Error()
	if !strings.Contains(msg, "汇总.xlsx") || strings.Contains(msg, ".xxgk-") || !strings.Contains(msg, "磁盘空间不足") {
		t.Errorf("message %q: want the output's name and 磁盘空间不足, not the temporary file", msg)
	}
	tempLeft(t, dir)
}

// TestAbsurdFigures reads a report whose table states counts beyond what
// any sum of them can hold (a garbled or hostile file): every command
// reads it and writes its outputs; the sums that cannot be made are left
// out, and nothing fails with an internal error.
func TestAbsurdFigures(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(reportsDir, "pingtan-2025-zone.txt"))
	if err != nil {
		t.Fatal(err)
	}
	const huge = "9000000000000000000" // two of them overflow an int64
	row := "一、本年新收政府信息公开申请数量"
	absurd := strings.Replace(string(data), row+"15130000154", row+" "+huge+" "+huge+" 0 0 0 0 "+huge+" ", 1)
	if absurd == string(data) {
		t.Fatal("the row to garble is not in the sample")
	}
	dir := t.TempDir()
	src, other := filepath.Join(dir, "absurd.txt"), filepath.Join(dir, "other.txt")
	if err := os.WriteFile(src, []byte(absurd), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		outs []string
	}{
		{[]string{"parse", src}, nil},
		{[]string{"check", src}, nil},
		{[]string{"xlsx", "-o", "r.xlsx", src}, []string{"r.xlsx"}},
		{[]string{"pdf", "-o", "r.pdf", src, other}, []string{"r.pdf"}},
		{[]string{"rollup", "--xlsx", "s.xlsx", "--pdf", "s.pdf", src, other}, []string{"s.xlsx", "s.pdf"}},
		{[]string{"compare", src, other}, nil},
	} {
		args := append([]string{"xxgk"}, c.args...)
		for i, a := range args {
			if strings.HasPrefix(a, "r.") || strings.HasPrefix(a, "s.") {
				args[i] = filepath.Join(dir, a)
			}
		}
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), args, nil, &stdout, &stderr)
		status := report(&stderr, err)
		if status != exitOK && status != exitError || strings.Contains(stderr.String(), "内部错误") {
			t.Errorf("%s: exit status %d, stderr %q", c.args[0], status, stderr.String())
		}
		for _, out := range c.outs {
			if _, err := os.Stat(filepath.Join(dir, out)); err != nil {
				t.Errorf("%s: %s not written: %v", c.args[0], out, err)
			}
		}
	}
}

// TestWriteOutputsPanic: a writer that panics fails its output with a
// Chinese reason, leaves no file and no temporary file, and does not crash
// the command.
func TestWriteOutputsPanic(t *testing.T) {
	dir := t.TempDir()
	outs := []output{
		{flag: "--xlsx", path: filepath.Join(dir, "a.xlsx"), write: func(w io.Writer) error { _, err := io.WriteString(w, "ok"); return err }},
		{flag: "--pdf", path: filepath.Join(dir, "a.pdf"), write: func(io.Writer) error { panic("出错了") }},
	}
	err := writeOutputs(context.Background(), outs)
	var oe *outputError
	if !errors.As(err, &oe) || oe.path != outs[1].path || !strings.Contains(oe.Error(), "内部错误") {
		t.Fatalf("writeOutputs = %v, want an internal error for a.pdf", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		t.Errorf("%s left behind", e.Name())
	}
}
