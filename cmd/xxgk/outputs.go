package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"xxgk/fonts"

	"github.com/urfave/cli/v3"
)

// The files a command writes. Every command that writes files follows one
// rule: an output must not be an input, the groups file, or another output
// of the same run, compared by file identity (so a link, a hard link or a
// spelling with ./ and ../ counts), and this is checked, with the output
// folder, before any input is read. Outputs are written to temporary files
// and renamed into place only when all of them have been written.

// output is a file to write: its path as the user gave it, the option that
// named it ("-o", "--xlsx"), and the function that writes it.
type output struct {
	flag  string
	path  string
	write func(io.Writer) error
}

// fileID identifies a path for comparing it with others: the file itself
// when it exists, or its folder and name when it does not yet.
type fileID struct {
	file fs.FileInfo // nil when the path names no existing file
	dir  fs.FileInfo
	name string
}

func identify(path string) fileID {
	if fi, err := os.Stat(path); err == nil {
		return fileID{file: fi}
	}
	dir, _ := os.Stat(filepath.Dir(path))
	return fileID{dir: dir, name: filepath.Base(path)}
}

// same reports whether a and b name one file. Names are compared without
// case where the file system usually ignores it.
func (a fileID) same(b fileID) bool {
	switch {
	case a.file != nil && b.file != nil:
		return os.SameFile(a.file, b.file)
	case a.file != nil || b.file != nil, a.dir == nil || b.dir == nil:
		return false
	}
	sameName := a.name == b.name
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		sameName = strings.EqualFold(a.name, b.name)
	}
	return sameName && os.SameFile(a.dir, b.dir)
}

// sideInput is a file a command reads besides the reports (a roll-up's
// groups or roster file), named in messages by what it is; path "" when
// none was given.
type sideInput struct{ what, path string }

// checkOutputs refuses outputs that are an input (inputs: the files named
// on the command line, args, and those found in its folders), a side
// input, or another of the outputs; then it checks that each output's
// folder exists and can be written. It reads no file.
func checkOutputs(cmd *cli.Command, outs []output, args, inputs []string, sides ...sideInput) error {
	ids := make([]fileID, len(outs))
	for i, o := range outs {
		ids[i] = identify(o.path)
		for j := range i {
			if ids[i].same(ids[j]) {
				return usageErrorf(cmd, "%s 和 %s 是同一个文件 %s，不能同时写出", outs[j].flag, o.flag, o.path)
			}
		}
		for _, side := range sides {
			if side.path != "" && ids[i].same(identify(side.path)) {
				return usageErrorf(cmd, "输出文件 %s 就是%s %s，不能覆盖输入；请换一个文件名", o.path, side.what, side.path)
			}
		}
	}
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		id := identify(in)
		if id.file == nil {
			continue // a missing input is reported when it is read
		}
		for i, o := range outs {
			if !id.same(ids[i]) {
				continue
			}
			which := "输入文件 " + in
			if in == o.path {
				which = "输入文件"
			}
			if !slices.Contains(args, in) {
				return usageErrorf(cmd, "输出文件 %s 就是要读取的文件夹中的%s，不能覆盖输入；请用 %s 指定文件夹以外的文件名", o.path, which, o.flag)
			}
			return usageErrorf(cmd, "输出文件 %s 就是%s，不能覆盖输入；请用 %s 指定另一个文件名", o.path, which, o.flag)
		}
	}
	for _, o := range outs {
		if err := checkOutputDir(o.path); err != nil {
			return err
		}
	}
	return nil
}

// outputError is a failure to write an output file.
type outputError struct {
	path   string
	reason string
	err    error
}

func (e *outputError) Error() string { return "无法写出 " + e.path + "：" + e.reason }
func (e *outputError) Unwrap() error { return e.err }

// checkOutputDir fails early, before any input is read, when the output's
// folder does not exist or cannot be written, or the output is a folder.
func checkOutputDir(out string) error {
	dir := filepath.Dir(out)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &outputError{path: out, reason: "文件夹 " + dir + " 不存在（请先创建它，或换一个位置）", err: err}
	case err != nil:
		return &outputError{path: out, reason: writeReason(err), err: err}
	case !fi.IsDir():
		return &outputError{path: out, reason: dir + " 不是文件夹", err: fs.ErrInvalid}
	}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return &outputError{path: out, reason: "这是一个文件夹，请指定文件名", err: fs.ErrExist}
	}
	// Permissions, a read-only disk or a full one show only when writing:
	// try, so that a long roll-up does not fail at its end.
	probe, err := temps.create(dir)
	if err != nil {
		return &outputError{path: out, reason: "文件夹 " + dir + " " + writeReason(err), err: err}
	}
	probe.Close()
	temps.remove(probe.Name())
	return nil
}

// tempPattern names xxgk's temporary files: hidden, and skipped by a
// folder walk.
const tempPattern = ".xxgk-*.tmp"

// writeOutputs writes every output to a temporary file in its folder and,
// only when all of them have been written, renames them into place. On a
// failure or cancellation every temporary file is removed and no output is
// put in place (an existing file of that name is left as it was).
func writeOutputs(ctx context.Context, outs []output) error {
	// The outputs are written at once, each on its own core: a roll-up's
	// workbook and PDF take seconds each for a province. They only read
	// what they are given.
	tmps := make([]string, len(outs))
	errs := make([]error, len(outs))
	var wg sync.WaitGroup
	for i, o := range outs {
		wg.Go(func() { tmps[i], errs[i] = writeTemp(ctx, o) })
	}
	wg.Wait()
	defer func() {
		for _, t := range tmps {
			if t != "" {
				temps.remove(t)
			}
		}
	}()
	for _, err := range errs {
		if err != nil {
			return err // the first output's error, as when they were written in turn
		}
	}
	if err := temps.commit(ctx, tmps, outs); err != nil {
		return err
	}
	tmps = nil
	return nil
}

// writeTemp writes one output to a new temporary file beside it and
// returns the file's name.
func writeTemp(ctx context.Context, o output) (name string, err error) {
	f, err := temps.create(filepath.Dir(o.path))
	if err != nil {
		return "", &outputError{path: o.path, reason: writeReason(err), err: err}
	}
	defer func() {
		if err != nil {
			f.Close()
			temps.remove(f.Name())
		}
	}()
	// A writer's bug (a panic) is this output's failure, reported in
	// Chinese with its temporary file removed, not a crash of the command
	// with a Go trace (the writers run on goroutines of their own).
	defer func() {
		if p := recover(); p != nil {
			name, err = "", &outputError{path: o.path, reason: fmt.Sprintf("写出时发生内部错误（%v），请把输入的报告提供给开发人员", p), err: fmt.Errorf("panic: %v", p)}
		}
	}()
	bw := bufio.NewWriter(ctxWriter{ctx, f})
	if err := o.write(bw); err != nil {
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "", &outputError{path: o.path, reason: writeReason(err), err: err}
	}
	for _, step := range []func() error{bw.Flush, f.Sync, f.Close} {
		if err := step(); err != nil {
			if ctx.Err() != nil {
				return "", ctx.Err()
			}
			return "", &outputError{path: o.path, reason: writeReason(err), err: err}
		}
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return "", &outputError{path: o.path, reason: writeReason(err), err: err}
	}
	return f.Name(), nil
}

// scratchDir makes a temporary folder for the temporary files an output
// needs while it is written (xlsx.Options.TempDir), in the system's
// temporary folder, and returns it with the function that removes it. Like
// the outputs' own temporary files, an interrupt removes it; "" when it
// cannot be made (the writer then does without).
func scratchDir() (dir string, remove func()) {
	dir, err := temps.createDir("")
	if err != nil {
		return "", func() {}
	}
	return dir, func() { temps.remove(dir) }
}

// ctxWriter stops writing once the command is cancelled.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// writeReason says in Chinese why writing failed. The path is left out:
// the message names the output, not the temporary file written first.
func writeReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "没有写入权限"
	case errors.Is(err, fs.ErrNotExist):
		return "文件夹不存在"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘空间不足"
	case errors.Is(err, syscall.EROFS):
		return "所在磁盘是只读的"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return "写入失败（" + err.Error() + "）"
}

// tempFiles are the temporary files of this run. After an interrupt has
// removed them, no file is created or renamed any more: an interrupted
// run leaves no temporary file and no partial set of outputs.
type tempFiles struct {
	mu      sync.Mutex
	names   map[string]bool
	stopped bool
}

// temps are the temporary files of the running command.
var temps tempFiles

var errInterrupted = errors.New("已中断")

func (t *tempFiles) create(dir string) (*os.File, error) {
	var f *os.File
	err := t.make(func() (string, error) {
		var err error
		if f, err = os.CreateTemp(dir, tempPattern); err != nil {
			return "", err
		}
		return f.Name(), nil
	})
	return f, err
}

// createDir makes a temporary folder in dir, removed with what it holds.
func (t *tempFiles) createDir(dir string) (string, error) {
	var name string
	err := t.make(func() (string, error) {
		var err error
		name, err = os.MkdirTemp(dir, tempPattern)
		return name, err
	})
	return name, err
}

// make runs mk, which makes a temporary file or folder and returns its
// name, and keeps the name, under the lock: an interrupt removes either
// all of it or finds none made after it.
func (t *tempFiles) make(mk func() (string, error)) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return errInterrupted
	}
	name, err := mk()
	if err != nil {
		return err
	}
	if t.names == nil {
		t.names = map[string]bool{}
	}
	t.names[name] = true
	return nil
}

// remove removes a temporary file, or a temporary folder and what it holds.
func (t *tempFiles) remove(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	os.RemoveAll(name)
	delete(t.names, name)
}

// commit renames every temporary file to its output, all under one lock so
// that an interrupt sees either all of them in place or none.
func (t *tempFiles) commit(ctx context.Context, tmps []string, outs []output) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return errInterrupted
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for i, tmp := range tmps {
		if err := os.Rename(tmp, outs[i].path); err != nil {
			return &outputError{path: outs[i].path, reason: writeReason(err) + "（文件是否正在 Excel 或 WPS 中打开？）", err: err}
		}
		delete(t.names, tmp)
	}
	return nil
}

// stop removes every temporary file and refuses new ones. main calls it
// when the process is interrupted, just before it exits.
func (t *tempFiles) stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stopped = true
	for name := range t.names {
		os.RemoveAll(name)
	}
	t.names = nil
}

// writeRun ends a run that writes files and prints a report: the outputs
// first, then, only if they were written, what the run printed (report)
// with a line per file, so that an interrupted or failed run prints
// nothing more. errs are the inputs that could not be read: with them the
// run is partial.
func writeRun(ctx context.Context, w io.Writer, outs []output, report *bytes.Buffer, errs []error) error {
	if err := writeOutputs(ctx, outs); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return errors.Join(append(errs, err)...)
	}
	for _, o := range outs {
		fmt.Fprintf(report, "已写出 %s\n", o.path)
	}
	if _, err := w.Write(report.Bytes()); err != nil {
		errs = append(errs, stdoutError(err))
	}
	if len(errs) > 0 {
		return &partialError{errs: errs}
	}
	return nil
}

// chosenOutputs are the writers whose flag (--xlsx, --pdf, --json) the
// user gave, with its path; jsonStdout is --json -, the one output that
// may go to standard output.
func chosenOutputs(cmd *cli.Command, writers []output) (outs []output, jsonStdout bool, err error) {
	for _, o := range writers {
		o.path = cmd.String(strings.TrimPrefix(o.flag, "--"))
		switch {
		case o.path == "":
			continue
		case o.path == "-" && o.flag == "--json":
			jsonStdout = true
			continue
		case o.path == "-":
			return nil, false, usageErrorf(cmd, "%s 不能写到标准输出，请指定文件名", o.flag)
		}
		outs = append(outs, o)
	}
	return outs, jsonStdout, nil
}

// outputFonts finds the fonts of the PDF among outs, before any input is
// read; nil (the built-in fonts) when no PDF is written.
func outputFonts(cmd *cli.Command, outs []output) (*fonts.Set, error) {
	if !slices.ContainsFunc(outs, func(o output) bool { return o.flag == "--pdf" }) {
		return nil, nil
	}
	return pdfFonts(cmd)
}
