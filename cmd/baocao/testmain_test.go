package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestMain runs the tests in an empty folder: the commands look for a data
// folder upwards, and this repository's own data/ (the embedded sample's
// source) would be found from the package folder.
//
// With BAOCAO_AS_MAIN=1 the test binary is baocao itself, for the tests that
// need a process of their own (to kill it).
// packageDir is this package's folder, where the tests started: they run in
// an empty folder, but the process benchmarks build the program here.
var packageDir, _ = os.Getwd()

func TestMain(m *testing.M) {
	if os.Getenv("BAOCAO_AS_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(func() int {
		dir, err := os.MkdirTemp("", "baocao-cmd-test")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		defer os.RemoveAll(dir)
		// The ledger of written PDFs and other unmarked outputs lives in the
		// user's cache folder: the tests keep theirs apart.
		os.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
		if err := os.Chdir(dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		return m.Run()
	}())
}
