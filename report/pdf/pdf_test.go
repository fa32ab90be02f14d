package pdf

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/report/docxpkg/docxtest"
)

func needSoffice(t *testing.T) {
	t.Helper()
	if _, err := DefaultFinder().Find(); err != nil {
		t.Skip("LibreOffice (soffice) không có trên máy này: bỏ qua kiểm thử chuyển sang PDF; cài libreoffice-writer-nogui để chạy")
	}
}

func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext không có trên máy này: bỏ qua việc đọc chữ trong PDF; cài poppler-utils để chạy")
	}
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestConvert(t *testing.T) {
	needSoffice(t)
	docx := docxtest.Build(docxtest.Files{Body: docxtest.P("Báo cáo thử: doanh thu 1.150 tỷ đồng, tăng 8,3%.")})
	pdf, err := Default().Convert(context.Background(), docx)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 20)])
	}
	if text := pdfText(t, pdf); !strings.Contains(text, "doanh thu 1.150 tỷ đồng, tăng 8,3%") {
		t.Errorf("PDF text lacks the paragraph:\n%s", text)
	}
}

// TestConvertWhileUserHasLibreOfficeOpen: a LibreOffice running on the
// user's own profile neither takes the conversion over nor blocks it; and two
// conversions at once each have their own profile.
func TestConvertWhileUserHasLibreOfficeOpen(t *testing.T) {
	needSoffice(t)
	soffice, _ := DefaultFinder().Find()
	t.Setenv("HOME", t.TempDir()) // the user's profile lives under it
	ctx, stop := context.WithCancel(context.Background())
	user := exec.CommandContext(ctx, soffice, "--headless", "--norestore")
	killGroupOnCancel(user)
	if err := user.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stop()
		user.Wait()
	}()
	// Wait until the user's LibreOffice has made its profile: it is running.
	profile := filepath.Join(os.Getenv("HOME"), ".config", "libreoffice")
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(100 * time.Millisecond) {
		if _, err := os.Stat(profile); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the user's LibreOffice did not start")
		}
	}
	docx := docxtest.Build(docxtest.Files{Body: docxtest.P("Một đoạn.")})
	pdf, err := Default().Convert(context.Background(), docx)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("conversion beside the user's LibreOffice: %v", err)
	}
}

// TestOwnProfile: each conversion runs soffice headless on a profile of its
// own in a temporary folder, removed afterwards (a fake soffice records how
// it was called).
func TestOwnProfile(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	log := filepath.Join(dir, "calls")
	fake := filepath.Join(dir, "soffice")
	// Writes its arguments, then a PDF where --outdir says.
	script := "#!/bin/sh\necho \"$@\" >> " + log + "\nwhile [ \"$1\" != --outdir ]; do shift; done\nmkdir -p \"$2\"\necho %PDF-fake > \"$2/bao-cao.pdf\"\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	c := &Converter{Finder: Finder{Places: []string{fake}}}
	var profiles []string
	for range 2 {
		pdf, err := c.Convert(context.Background(), []byte("x"))
		if err != nil || string(pdf) != "%PDF-fake\n" {
			t.Fatalf("Convert = %q, %v", pdf, err)
		}
	}
	calls, _ := os.ReadFile(log)
	for _, call := range strings.Split(strings.TrimSpace(string(calls)), "\n") {
		args := strings.Fields(call)
		if len(args) < 2 || !strings.HasPrefix(args[0], "-env:UserInstallation=file:///") || !slices.Contains(args, "--headless") || !slices.Contains(args, "--convert-to") {
			t.Fatalf("soffice called with %q", call)
		}
		profile := strings.TrimPrefix(args[0], "-env:UserInstallation=file://")
		if _, err := os.Stat(profile); !os.IsNotExist(err) || !strings.HasPrefix(profile, os.TempDir()) {
			t.Errorf("profile %s: not a temporary folder, or left behind", profile)
		}
		profiles = append(profiles, profile)
	}
	if len(profiles) != 2 || profiles[0] == profiles[1] {
		t.Errorf("profiles %q: one per conversion expected", profiles)
	}
}

func TestNotFound(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	c := &Converter{Finder: Finder{Names: DefaultFinder().Names}}
	_, err := c.Convert(context.Background(), []byte("x"))
	var nf *NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("err = %v, want NotFoundError", err)
	}
	for _, want := range []string{"không tìm thấy LibreOffice", "sudo apt install libreoffice-writer", "libreoffice-writer-nogui", "https://www.libreoffice.org/download/", "PATH"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %s", want, err)
		}
	}
}

func TestFindPlaces(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	dir := t.TempDir()
	for _, v := range []string{"libreoffice7.4", "libreoffice24.2"} {
		p := filepath.Join(dir, v, "program")
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p, "soffice"), nil, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	f := Finder{Places: []string{filepath.Join(dir, "missing", "soffice"), filepath.Join(dir, "libreoffice*", "program", "soffice")}}
	got, err := f.Find()
	// The highest name: 7.4 sorts after 24.2, as the glob gives no version order.
	if want := filepath.Join(dir, "libreoffice7.4", "program", "soffice"); err != nil || got != want {
		t.Errorf("Find = %q, %v; want %q", got, err, want)
	}
}

func TestWindowsPlaces(t *testing.T) {
	env := map[string]string{"ProgramFiles": `D:\Apps`, "ProgramFiles(x86)": `C:\Program Files (x86)`}
	f := finderFor("windows", func(k string) string { return env[k] })
	want := []string{`D:\Apps\LibreOffice\program\soffice.exe`, `C:\Program Files (x86)\LibreOffice\program\soffice.exe`, `C:\Program Files\LibreOffice\program\soffice.exe`}
	if strings.Join(f.Places, "|") != strings.Join(want, "|") {
		t.Errorf("places = %q, want %q", f.Places, want)
	}
}

func TestFileURL(t *testing.T) {
	if got := fileURL("/tmp/a b/profile"); got != "file:///tmp/a%20b/profile" {
		t.Errorf("fileURL = %q", got)
	}
}

// TestTimeout: a program that never finishes is stopped at the limit, with
// the processes it started.
func TestTimeout(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "child.pid")
	fake := filepath.Join(dir, "soffice")
	// The fake starts a child that would outlive a kill of the script alone.
	script := "#!/bin/sh\nsleep 60 &\necho $! > " + pidFile + "\nwait\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	c := &Converter{Finder: Finder{Places: []string{fake}}, Timeout: 500 * time.Millisecond}
	start := time.Now()
	_, err := c.Convert(context.Background(), []byte("x"))
	if err == nil || !strings.Contains(err.Error(), "chưa chuyển xong") {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
	pid, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	// The child is gone once the group was killed: kill -0 fails, or it is
	// a zombie waiting for its new parent to reap it.
	child := strings.TrimSpace(string(pid))
	for deadline := time.Now().Add(5 * time.Second); alive(child); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("child %s still runs after the time limit", child)
		}
	}
}

func alive(pid string) bool {
	if stat, err := os.ReadFile("/proc/" + pid + "/stat"); err == nil {
		if _, rest, ok := strings.Cut(string(stat), ") "); ok && strings.HasPrefix(rest, "Z") {
			return false
		}
	}
	return exec.Command("kill", "-0", pid).Run() == nil
}
