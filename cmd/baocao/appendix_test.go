package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenerateAppendixWorkbook: --phu-luc writes the workbook beside the
// report and prints its path after the report's; a name that is not .xlsx
// stops the command before any file is written.
func TestGenerateAppendixWorkbook(t *testing.T) {
	dir := t.TempDir()
	docx, xlsx := filepath.Join(dir, "bao-cao-2021.docx"), filepath.Join(dir, "bao-cao-2021-phu-luc.xlsx")
	code, stdout, stderr := runCLI(t, "generate", "2021", "-o", docx, "--phu-luc", xlsx)
	if code != 0 || stdout != docx+"\n"+xlsx+"\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if b, err := os.ReadFile(xlsx); err != nil || !strings.HasPrefix(string(b), "PK") {
		t.Errorf("%s: %v", xlsx, err)
	}
	other := t.TempDir()
	code, stdout, stderr = runCLI(t, "generate", "2021", "-o", filepath.Join(other, "bc.docx"), "--phu-luc", filepath.Join(other, "phu-luc.csv"))
	if code != 2 || stdout != "" || !strings.Contains(stderr, "phải có đuôi .xlsx") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if entries, _ := os.ReadDir(other); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}
