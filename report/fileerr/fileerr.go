// Package fileerr words the operating system's file errors in Vietnamese, so
// that no English system message reaches the user.
package fileerr

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// known are the system errors a clerk meets, worded for a clerk.
var known = []struct {
	err error
	msg string
}{
	{fs.ErrNotExist, "không có tệp hoặc thư mục này"},
	{fs.ErrPermission, "không có quyền truy cập"},
	{fs.ErrExist, "đã có một tệp cùng tên"},
	{syscall.ENOSPC, "ổ đĩa đã đầy"},
	{syscall.EDQUOT, "đã dùng hết dung lượng được cấp trên ổ đĩa"},
	{syscall.EROFS, "ổ đĩa chỉ cho phép đọc"},
	{syscall.EISDIR, "đây là một thư mục, không phải tệp"},
	{syscall.ENOTDIR, "một phần của đường dẫn là tệp, không phải thư mục"},
	{syscall.ENAMETOOLONG, "tên tệp hoặc đường dẫn quá dài"},
	{syscall.ELOOP, "đường dẫn có liên kết vòng quanh"},
	{syscall.EIO, "lỗi đọc ghi trên ổ đĩa (ổ đĩa có thể bị hỏng hoặc đã bị rút ra)"},
	{syscall.EBUSY, "tệp đang được chương trình khác dùng"},
	{syscall.EXDEV, "không chuyển được tệp sang ổ đĩa khác"},
	{syscall.EMFILE, "đang mở quá nhiều tệp"},
}

// Describe returns a Vietnamese error for the common file errors. Any other
// says that the system refused, with the system's own words in parentheses
// for a technician.
func Describe(err error) error {
	if err == nil {
		return nil
	}
	for _, k := range known {
		if errors.Is(err, k.err) {
			return errors.New(k.msg)
		}
	}
	// The path is already in the caller's message: keep only the system's reason.
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	var errno syscall.Errno
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	case errors.As(err, &se):
		err = se.Err
	case errors.As(err, &errno):
	default:
		return err // ours, already in Vietnamese
	}
	return errors.New("hệ điều hành báo lỗi (" + err.Error() + ")")
}

// IsDiskFull reports whether err says the disk or the user's quota is full.
func IsDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
