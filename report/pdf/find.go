package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// Finder says where to look for LibreOffice's soffice program.
type Finder struct {
	// Names are looked up on PATH, in order.
	Names []string
	// Places are the usual install locations, checked in order after PATH;
	// a place may be a glob pattern (/opt/libreoffice*/program/soffice),
	// whose newest match (the highest name) is taken.
	Places []string
}

// DefaultFinder looks on PATH and at the usual install locations of this
// operating system.
func DefaultFinder() Finder { return finderFor(runtime.GOOS, os.Getenv) }

func finderFor(goos string, getenv func(string) string) Finder {
	f := Finder{Names: []string{"soffice", "libreoffice"}}
	switch goos {
	case "windows":
		var roots []string
		for _, env := range []string{"ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"} {
			if dir := getenv(env); dir != "" {
				roots = append(roots, dir)
			}
		}
		// The usual roots, also when the environment does not name them.
		roots = append(roots, `C:\Program Files`, `C:\Program Files (x86)`)
		for _, root := range roots {
			p := root + `\LibreOffice\program\soffice.exe`
			if !slices.ContainsFunc(f.Places, func(q string) bool { return strings.EqualFold(p, q) }) {
				f.Places = append(f.Places, p)
			}
		}
	case "darwin":
		f.Places = []string{"/Applications/LibreOffice.app/Contents/MacOS/soffice"}
	default:
		f.Places = []string{
			"/usr/bin/soffice",
			"/usr/local/bin/soffice",
			"/usr/lib/libreoffice/program/soffice",
			"/usr/lib64/libreoffice/program/soffice",
			"/opt/libreoffice*/program/soffice", // the packages of libreoffice.org
			"/snap/bin/libreoffice",
		}
	}
	return f
}

// Find returns the path of soffice, or a *NotFoundError.
func (f Finder) Find() (string, error) {
	for _, name := range f.Names {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	for _, place := range f.Places {
		matches := []string{place}
		if strings.ContainsAny(place, "*?[") {
			matches, _ = filepath.Glob(place)
			slices.Sort(matches)
			slices.Reverse(matches)
		}
		for _, p := range matches {
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p, nil
			}
		}
	}
	return "", &NotFoundError{}
}

// NotFoundError says LibreOffice is missing and what to install.
type NotFoundError struct{}

func (*NotFoundError) Error() string {
	return "không tìm thấy LibreOffice (chương trình soffice) để chuyển báo cáo sang PDF. " +
		"Hãy cài LibreOffice rồi chạy lại lệnh: trên Debian, Ubuntu: sudo apt install libreoffice-writer " +
		"(máy chủ không có giao diện: libreoffice-writer-nogui); trên Windows: tải bộ cài tại " +
		"https://www.libreoffice.org/download/download-libreoffice/ và cài vào thư mục mặc định. " +
		"Nếu LibreOffice đã cài ở thư mục khác, hãy thêm thư mục program của LibreOffice vào biến môi trường PATH. " +
		"Tệp .docx vẫn lập được khi không yêu cầu PDF."
}
