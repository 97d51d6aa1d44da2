//go:build windows

package main

import (
	"syscall"
	"unsafe"
)

var getConsoleProcessList = syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// ownConsole says xxgk has a console window of its own: it was started
// from Explorer (a double-click, or files dropped on xxgk.exe), which
// makes a console for it alone, not from a terminal, whose console the
// shell shares. Then xxgk serves its web page instead of printing help
// into a window that closes at once.
func ownConsole() bool {
	var pids [4]uint32
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}
