// Package fileerr words the operating system's file errors in Vietnamese, so
// that no English system message reaches the user.
package fileerr

import (
	"errors"
	"io/fs"
	"syscall"
)

// Describe returns a Vietnamese error for the common file errors, and err
// itself for any other.
func Describe(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("không có tệp hoặc thư mục này")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("không có quyền truy cập")
	case errors.Is(err, syscall.ENOSPC):
		return errors.New("ổ đĩa đã đầy")
	case errors.Is(err, syscall.EROFS):
		return errors.New("ổ đĩa chỉ cho phép đọc")
	case errors.Is(err, syscall.EISDIR):
		return errors.New("đây là một thư mục, không phải tệp")
	}
	return err
}
