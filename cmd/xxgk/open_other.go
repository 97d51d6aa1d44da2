//go:build !unix

package main

import "os"

// openNoWait opens path for reading; readFile has checked that it is a
// regular file.
func openNoWait(path string) (*os.File, error) { return os.Open(path) }
