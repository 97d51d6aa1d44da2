package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Reading input files. Only regular files are read (a link to one is
// fine): a named pipe (FIFO) would wait forever for a writer, and a device
// such as /dev/zero never ends.

var (
	errStdinTwice = errors.New("standard input named twice")
	errIsDir      = errors.New("is a directory")
	errChanged    = errors.New("file replaced while being opened")
)

// tooLargeError is an input over its size limit.
type tooLargeError struct{ limit int64 }

func (e *tooLargeError) Error() string { return fmt.Sprintf("larger than %d bytes", e.limit) }

// notRegularError is a path that names something other than a regular
// file or a folder: what it is, in Chinese.
type notRegularError struct{ kind string }

func (e *notRegularError) Error() string { return e.kind }

// regular refuses anything but a regular file, saying what it is.
func regular(fi fs.FileInfo) error {
	m := fi.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return errIsDir
	case m&fs.ModeNamedPipe != 0:
		return &notRegularError{"命名管道（FIFO）"}
	case m&fs.ModeSocket != 0:
		return &notRegularError{"套接字（socket）"}
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return &notRegularError{"设备文件"}
	}
	return &notRegularError{"特殊文件"}
}

// readFile reads the regular file at path, of at most limit bytes. The
// file's kind is checked before it is opened, and again on the opened file
// (opened without waiting, in case it was swapped for a pipe in between).
func readFile(path string, limit int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := regular(fi); err != nil {
		return nil, err
	}
	if fi.Size() > limit {
		return nil, &tooLargeError{limit}
	}
	f, err := openNoWait(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	opened, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := regular(opened); err != nil {
		return nil, err
	}
	if !os.SameFile(fi, opened) {
		return nil, errChanged
	}
	return readSized(f, limit, opened.Size())
}

// readLimited reads r to its end, refusing more than limit bytes without
// reading further.
func readLimited(r io.Reader, limit int64) ([]byte, error) { return readSized(r, limit, 0) }

// readSized is readLimited for input of about size bytes: the buffer is
// made that size at once, not grown by doubling to twice the input.
func readSized(r io.Reader, limit, size int64) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(int(min(size, limit)) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, &tooLargeError{limit}
	}
	return buf.Bytes(), nil
}

// readReason says in Chinese why a file could not be read from disk.
func readReason(err error) string {
	var tl *tooLargeError
	var nr *notRegularError
	switch {
	case errors.Is(err, errIsDir):
		return "这是一个文件夹，不是文件"
	case errors.As(err, &nr):
		return "这是" + nr.kind + "，不是普通文件，不读取"
	case errors.Is(err, errStdinTwice):
		return "标准输入（-）只能读取一次"
	case errors.As(err, &tl):
		return fmt.Sprintf("文件超过 %s，不像是一份年度报告", sizeText(tl.limit))
	case errors.Is(err, errChanged):
		return "文件在读取时被替换了，请重试"
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在（请检查文件名和所在文件夹）"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取这个文件的权限"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return "读取文件失败（" + err.Error() + "）"
}

// sizeText writes a byte count the way the limits are documented: 10 MB.
func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d 字节", n)
}
