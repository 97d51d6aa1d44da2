//go:build !windows

package main

// ownConsole is false outside Windows: a program started from a file
// manager there has no console, and one started in a terminal shares it.
func ownConsole() bool { return false }
