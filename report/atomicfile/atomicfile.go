// Package atomicfile writes files so that a reader never sees half of one: the
// data goes to a temporary file in the same folder, which then replaces the target.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/baocao/baocao/report/fileerr"
)

// Write writes data to path through a temporary file and a rename. On any error
// the target is left as it was and the temporary file is removed.
func Write(path string, data []byte, perm os.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("không ghi được vào thư mục %s: %w", dir, fileerr.Describe(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("không ghi được %s: %w", path, fileerr.Describe(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("không ghi được %s: %w", path, fileerr.Describe(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("không ghi được %s: %w", path, fileerr.Describe(err))
	}
	if err = os.Chmod(tmp.Name(), perm); err != nil {
		return fmt.Errorf("không ghi được %s: %w", path, fileerr.Describe(err))
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("không ghi được %s: %w", path, fileerr.Describe(err))
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
