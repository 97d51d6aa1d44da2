//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

var errNoSpace = syscall.ENOSPC

// runWithin runs the command in-process and fails the test if it does not
// return within d (a FIFO opened for reading would block forever).
func runWithin(t *testing.T, d time.Duration, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	type result struct {
		out, errs string
		status    int
	}
	done := make(chan result, 1)
	go func() {
		var o, e bytes.Buffer
		err := run(context.Background(), append([]string{"xxgk"}, args...), nil, &o, &e)
		s := report(&e, err)
		done <- result{o.String(), e.String(), s}
	}()
	select {
	case r := <-done:
		return r.out, r.errs, r.status
	case <-time.After(d):
		t.Fatalf("xxgk %s did not finish within %v", strings.Join(args, " "), d)
	}
	return
}

// TestFIFO: a named pipe is never opened for reading; it is refused with the
// reason, and a roll-up lists it and goes on.
func TestFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "f.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	_, stderr, status := runWithin(t, 20*time.Second, "parse", fifo)
	if status != exitUnreadable || !strings.Contains(stderr, "命名管道") {
		t.Errorf("parse FIFO: status %d, stderr %q", status, stderr)
	}

	report, err := os.ReadFile(filepath.Join(reportsDir, "seed-002.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), report, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "r.json")
	_, stderr, status = runWithin(t, 60*time.Second, "rollup", "--json", out, dir)
	if status != exitPartial || !strings.Contains(stderr, "f.txt：这是命名管道") {
		t.Errorf("rollup with a FIFO: status %d, stderr %q", status, stderr)
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.Contains(b, []byte("命名管道")) {
		t.Errorf("the roll-up does not list the FIFO (%v)", err)
	}

	_, stderr, status = runWithin(t, 20*time.Second, "rollup", "--units", fifo, filepath.Join(dir, "a.txt"))
	if status != exitError || !strings.Contains(stderr, "分组文件") || !strings.Contains(stderr, "--help") {
		t.Errorf("--units FIFO: status %d, stderr %q", status, stderr)
	}
	// A link to a regular file is read as the file.
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(filepath.Join(dir, "a.txt"), link); err != nil {
		t.Fatal(err)
	}
	if _, stderr, status := runWithin(t, 20*time.Second, "parse", link); status != exitOK {
		t.Errorf("parse link: status %d, stderr %q", status, stderr)
	}
}

// TestUnitsLimit: --units and --roster read at most 10 MB, and refuse a
// device.
func TestUnitsLimit(t *testing.T) {
	src := filepath.Join(reportsDir, "seed-002.txt")
	big := filepath.Join(t.TempDir(), "big.csv")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(maxUnitsSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, units := range []string{big, "/dev/zero"} {
		_, stderr, status := runWithin(t, 20*time.Second, "rollup", "--units", units, src)
		if status != exitError || !strings.Contains(stderr, "分组文件") || !strings.Contains(stderr, "运行 xxgk rollup --help") {
			t.Errorf("--units %s: status %d, stderr %q", units, status, stderr)
		}
		_, stderr, status = runWithin(t, 20*time.Second, "rollup", "--roster", units, src)
		if status != exitError || !strings.Contains(stderr, "名单文件") || !strings.Contains(stderr, "运行 xxgk rollup --help") {
			t.Errorf("--roster %s: status %d, stderr %q", units, status, stderr)
		}
	}
}

// TestInterruptSignal sends SIGINT (and SIGTERM) to xxgk waiting on its
// standard input: it says so in one line, writes nothing and exits 130.
func TestInterruptSignal(t *testing.T) {
	bin, err := exec.LookPath("xxgk")
	if err != nil {
		t.Skip("xxgk is not on PATH (TestMain puts it there)")
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		// A signal that comes before main has set up its handler kills the
		// process the default way; on a loaded machine, wait longer.
		caught := false
		for _, wait := range []time.Duration{300 * time.Millisecond, time.Second, 3 * time.Second, 10 * time.Second} {
			if caught = !interrupted(t, bin, sig, wait); caught {
				break
			}
		}
		if !caught {
			t.Errorf("%v killed xxgk every time: it never caught the signal", sig)
		}
	}
}

// interrupted runs xxgk, signals it after wait and checks what it did. It
// reports whether the signal came too early, before xxgk could catch it.
func interrupted(t *testing.T, bin string, sig syscall.Signal, wait time.Duration) (early bool) {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(bin, "xlsx", "-o", "out.xlsx", "-")
	cmd.Dir = dir
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	io.WriteString(stdin, "某某县人民政府2023年政府信息公开工作年度报告\n")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var waitErr error
	select {
	case waitErr = <-done:
		t.Fatalf("%v: xxgk ended before the signal: %v\n%s", sig, waitErr, stderr.String())
	case <-time.After(wait):
		cmd.Process.Signal(sig)
	}
	select {
	case waitErr = <-done:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("%v: xxgk did not exit", sig)
	}
	var ee *exec.ExitError
	if errors.As(waitErr, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == sig {
			return true
		}
	}
	if !errors.As(waitErr, &ee) || ee.ExitCode() != exitInterrupt {
		t.Errorf("%v: %v, want exit status %d", sig, waitErr, exitInterrupt)
	}
	if got := stderr.String(); got != interruptedMessage+"\n" {
		t.Errorf("%v: stderr %q", sig, got)
	}
	if stdout.Len() > 0 {
		t.Errorf("%v: stdout %q", sig, stdout.String())
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		t.Errorf("%v: %s written", sig, e.Name())
	}
	return false
}
