// Package atomicfile writes files so that a reader never sees half of one: the
// data goes to a temporary file in the same folder, which then replaces the
// target. A run killed half way leaves at most a temporary file, which a later
// write to the same target removes once it is StaleAfter old.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/baocao/baocao/report/fileerr"
)

// StaleAfter is the age after which a temporary file of ours is taken for
// the leftover of a killed run: no write takes that long, so a younger one may
// belong to a run still going.
const StaleAfter = 10 * time.Minute

// tempFile is what Write needs of the temporary file; tests put a full disk in.
type tempFile interface {
	io.Writer
	Name() string
	Sync() error
	Close() error
}

var createTemp = func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }

// tempPrefix and tempSuffix frame the temporary files of a target:
// ".Bao-cao-2021.docx.123456.tmp".
func tempPrefix(path string) string { return "." + filepath.Base(path) + "." }

const tempSuffix = ".tmp"

// Write writes data to path through a temporary file and a rename. On any error
// the target is left as it was and the temporary file is removed.
func Write(path string, data []byte, perm os.FileMode) (err error) {
	dir := filepath.Dir(path)
	RemoveStale(path, time.Now())
	tmp, err := createTemp(dir, tempPrefix(path)+"*"+tempSuffix)
	if err != nil {
		return fmt.Errorf("không ghi được vào thư mục %s: %w", dir, fileerr.Describe(err))
	}
	fail := func(e error) error {
		tmp.Close()
		os.Remove(tmp.Name())
		msg := fmt.Sprintf("không ghi được %s: %v", path, fileerr.Describe(e))
		if _, err := os.Stat(path); err == nil {
			msg += " (tệp đang có ở đó vẫn giữ nguyên)"
		}
		return &Error{msg: msg, err: e}
	}
	if _, err = tmp.Write(data); err != nil {
		return fail(err)
	}
	if err = tmp.Sync(); err != nil {
		return fail(err)
	}
	if err = tmp.Close(); err != nil {
		return fail(err)
	}
	if err = os.Chmod(tmp.Name(), perm); err != nil {
		return fail(err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fail(err)
	}
	return nil
}

// Error is a failed write, worded for the user; the system's error is kept
// for errors.Is (fileerr.IsDiskFull).
type Error struct {
	msg string
	err error
}

func (e *Error) Error() string { return e.msg }
func (e *Error) Unwrap() error { return e.err }

// RemoveStale removes the temporary files that writes to path left behind
// when they were killed, once StaleAfter old; it returns how many.
func RemoveStale(path string, now time.Time) int {
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return 0
	}
	n := 0
	prefix := tempPrefix(path)
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, tempSuffix) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > StaleAfter {
			if os.Remove(filepath.Join(filepath.Dir(path), name)) == nil {
				n++
			}
		}
	}
	return n
}

// backupMark stands before the time in the name of a backup.
const backupMark = ".ban-cu-"

// IsBackup reports whether a file's name is one BackupName gives.
func IsBackup(name string) bool { return strings.Contains(filepath.Base(name), backupMark) }

// BackupName is a free name beside path for the file there, dated:
// Bao-cao-2021.ban-cu-2026-12-07-083015.docx.
func BackupName(path string, t time.Time) string {
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext) + backupMark + t.Format("2006-01-02-150405")
	name := base + ext
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
}

// Backup keeps the file at path as backup, a name from BackupName, before
// path is replaced: a second link to it where the file system allows, else a
// copy.
func Backup(path, backup string) error {
	if os.Link(path, backup) == nil {
		return nil
	}
	old, err := os.ReadFile(path)
	if err == nil {
		err = Write(backup, old, 0o644)
	}
	if err != nil {
		return fmt.Errorf("không giữ lại được tệp %s thành %s, nên chưa ghi đè tệp đó: %w", path, backup, fileerr.Describe(err))
	}
	return nil
}

// SameFile reports whether a and b name the same existing file, so that an
// output is never written over an input.
func SameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	if err1 != nil || err2 != nil {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	return os.SameFile(sa, sb)
}
