// Package officetest converts documents with LibreOffice for round-trip tests:
// what a real office suite reads from our files is what users will see. Tests
// that need it skip, saying why, where LibreOffice is not installed.
package officetest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Convert converts src (a .docx or .xlsx) with `soffice --convert-to format`
// and returns the bytes of the converted file. format is e.g. "txt:Text", "pdf"
// or "csv". It skips the test when soffice is missing.
func Convert(t testing.TB, src []byte, name, format string) []byte {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) không có trên máy này: bỏ qua kiểm thử chuyển đổi; cài libreoffice-writer-nogui và libreoffice-calc-nogui để chạy")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, name)
	if err := os.WriteFile(in, src, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A private profile lets tests run in parallel and leaves the user's profile alone.
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", format, "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s %s: %v\n%s", format, name, err, out)
	}
	ext, _, _ := strings.Cut(format, ":")
	outPath := strings.TrimSuffix(in, filepath.Ext(in)) + "." + ext
	b, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatalf("LibreOffice produced no %s: %v", ext, err)
	}
	return b
}

// Text converts a .docx to plain text with LibreOffice, without the byte-order mark.
func Text(t testing.TB, docx []byte) string {
	t.Helper()
	return strings.TrimPrefix(string(Convert(t, docx, "report.docx", "txt:Text")), "\ufeff")
}
