// Package pdf converts a .docx report to PDF with LibreOffice in headless
// mode, the way a department's report is sent electronically.
//
// Each conversion runs soffice with a user profile of its own in a temporary
// folder: a running LibreOffice (the user's, or another conversion) would
// otherwise take the job over or lock the profile. A time limit ends a
// conversion that hangs, with every process it started.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/baocao/baocao/report/fileerr"
)

// DefaultTimeout bounds one conversion. A first start of LibreOffice with a
// new profile takes a few seconds; a report converts in about as much again.
const DefaultTimeout = 2 * time.Minute

// Converter converts .docx files to PDF.
type Converter struct {
	Finder  Finder
	Timeout time.Duration // 0: DefaultTimeout
}

// Default is a converter that looks for LibreOffice on PATH and at the usual
// install locations.
func Default() *Converter { return &Converter{Finder: DefaultFinder()} }

// Locate returns the soffice program the converter will run, or a
// *NotFoundError: worth asking before any work is done.
func (c *Converter) Locate() (string, error) { return c.Finder.Find() }

// Convert returns the PDF of a .docx.
func (c *Converter) Convert(ctx context.Context, docx []byte) ([]byte, error) {
	soffice, err := c.Locate()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "baocao-pdf-*")
	if err != nil {
		return nil, fmt.Errorf("không tạo được thư mục tạm để chuyển sang PDF: %w", fileerr.Describe(err))
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "bao-cao.docx")
	if err := os.WriteFile(in, docx, 0o600); err != nil {
		return nil, fmt.Errorf("không ghi được tệp tạm để chuyển sang PDF: %w", fileerr.Describe(err))
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	outDir := filepath.Join(dir, "pdf")
	cmd := exec.CommandContext(ctx, soffice,
		"-env:UserInstallation="+fileURL(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--nolockcheck",
		"--convert-to", "pdf", "--outdir", outDir, in)
	killGroupOnCancel(cmd)
	cmd.WaitDelay = 5 * time.Second
	runErr := cmd.Run() // its output is English and says no more than the result
	if ctx.Err() != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("LibreOffice (%s) chưa chuyển xong báo cáo sang PDF sau %s nên đã bị dừng; hãy thử lại, hoặc mở tệp .docx bằng Word hay LibreOffice rồi lưu thành PDF", soffice, minutes(timeout))
		}
		return nil, errors.New("việc chuyển báo cáo sang PDF đã bị hủy")
	}
	pdf, err := os.ReadFile(filepath.Join(outDir, "bao-cao.pdf"))
	if err != nil || len(pdf) == 0 {
		// LibreOffice often exits 0 when it could not convert.
		why := "không tạo ra tệp PDF"
		if runErr != nil {
			why = "dừng với lỗi (" + exitText(runErr) + ")"
		}
		return nil, fmt.Errorf("LibreOffice (%s) %s khi chuyển báo cáo sang PDF; hãy mở tệp .docx bằng LibreOffice để xem tệp có mở được không", soffice, why)
	}
	return pdf, nil
}

// fileURL is the file: URL LibreOffice wants for its profile, on every system
// (C:\Users\A B → file:///C:/Users/A%20B).
func fileURL(path string) string {
	p := filepath.ToSlash(path)
	if p[0] != '/' {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

func minutes(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return fmt.Sprintf("%d phút", d/time.Minute)
	}
	return fmt.Sprintf("%d giây", d/time.Second)
}

func exitText(err error) string {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return fmt.Sprintf("mã thoát %d", exit.ExitCode())
	}
	return fileerr.Describe(err).Error()
}
