//go:build unix

package main

import (
	"os"
	"syscall"
)

// openNoWait opens path for reading without waiting: opening a named pipe
// blocks until a writer comes, and readFile refuses pipes once opened.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
