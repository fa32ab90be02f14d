//go:build windows

package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// enableColour turns on the console's handling of ANSI colours (Windows 10
// and later); where it cannot, there is no colour rather than escape codes.
func enableColour(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if windows.GetConsoleMode(h, &mode) != nil {
		return false
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
