package fileerr

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestDescribe(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "không-có.yaml"))
	if got := Describe(err).Error(); got != "không có tệp hoặc thư mục này" {
		t.Errorf("not exist: %q", got)
	}
	other := errors.New("khác")
	if Describe(other) != other {
		t.Error("other errors must pass through")
	}
}

func TestDescribeSystemErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := os.Open(filepath.Join(file, "b"))
	if got := Describe(err).Error(); got != "một phần của đường dẫn là tệp, không phải thư mục" {
		t.Errorf("not a directory: %q", got)
	}
	err = os.Mkdir(file, 0o755)
	if got := Describe(err).Error(); got != "đã có một tệp cùng tên" {
		t.Errorf("exists: %q", got)
	}
	_, err = os.Open(filepath.Join(dir, strings.Repeat("x", 300)))
	if got := Describe(err).Error(); got != "tên tệp hoặc đường dẫn quá dài" {
		t.Errorf("long name: %q", got)
	}
	odd := &fs.PathError{Op: "open", Path: "/x", Err: syscall.ENOTSUP}
	if got := Describe(odd).Error(); got != "hệ điều hành báo lỗi ("+syscall.ENOTSUP.Error()+")" {
		t.Errorf("other system error: %q", got)
	}
}
