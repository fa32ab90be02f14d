package main

import (
	"fmt"
	"os"
	"testing"
)

// TestMain runs the tests in an empty folder: the commands look for a data
// folder upwards, and this repository's own data/ (the embedded sample's
// source) would be found from the package folder.
func TestMain(m *testing.M) {
	os.Exit(func() int {
		dir, err := os.MkdirTemp("", "baocao-cmd-test")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		defer os.RemoveAll(dir)
		if err := os.Chdir(dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		return m.Run()
	}())
}
