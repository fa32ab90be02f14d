package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/pdf"
)

// TestGeneratePDFWithoutLibreOffice: LibreOffice hidden from PATH (and no
// install location looked at): exit 2, what to install, no file written.
func TestGeneratePDFWithoutLibreOffice(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	office = &pdf.Converter{Finder: pdf.Finder{Names: pdf.DefaultFinder().Names}}
	t.Cleanup(func() { office = nil })
	dir := t.TempDir()
	code, stdout, stderr := runCLI(t, "generate", "2021", "-o", filepath.Join(dir, "bao-cao-2021.pdf"))
	if code != 2 || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	if !strings.HasPrefix(stderr, "Không tìm thấy thư mục data/") || !strings.Contains(stderr, "Lỗi: không tìm thấy LibreOffice") ||
		!strings.Contains(stderr, "sudo apt install libreoffice-writer") || !strings.Contains(stderr, "libreoffice.org/download") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}

func TestGeneratePDF(t *testing.T) {
	if _, err := pdf.DefaultFinder().Find(); err != nil {
		t.Skip("LibreOffice (soffice) không có trên máy này: bỏ qua kiểm thử PDF; cài libreoffice-writer-nogui để chạy")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "bao-cao-2021.pdf")
	code, stdout, stderr := runCLI(t, "generate", "2021", "-o", out)
	docx := filepath.Join(dir, "bao-cao-2021.docx")
	if code != 0 || stdout != docx+"\n"+out+"\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, p := range []string{docx, out} {
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
}
