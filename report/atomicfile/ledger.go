package atomicfile

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/baocao/baocao/report/fileerr"
)

// Ledger remembers what baocao wrote to files that cannot carry a mark of their
// own (a PDF, CSV, JSON or Markdown file): the SHA-256 of each by its absolute
// path. A later run replaces such a file only while it is still exactly what was
// written, so that a file the user changed (signed, annotated, edited) is never
// lost. The .docx and .xlsx outputs carry their mark inside instead.
type Ledger struct {
	// Path is the ledger file; "" keeps no ledger, so that every existing
	// file counts as the user's.
	Path string
}

// DefaultLedger keeps the ledger in the user's cache folder.
func DefaultLedger() Ledger {
	dir, err := os.UserCacheDir()
	if err != nil {
		return Ledger{}
	}
	return Ledger{Path: filepath.Join(dir, "baocao", "tep-da-ghi.json")}
}

type ledgerEntry struct {
	SHA256  string    `json:"sha256"`
	Written time.Time `json:"ghi_luc"`
}

// ledgerMax bounds the ledger: the oldest entries go first.
const ledgerMax = 1000

// maxLedgerBytes bounds what is read of a ledger file (a damaged or foreign one
// is taken as empty).
const maxLedgerBytes = 1 << 20

func (l Ledger) load() map[string]ledgerEntry {
	entries := map[string]ledgerEntry{}
	f, err := os.Open(l.Path)
	if l.Path == "" || err != nil {
		return entries
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxLedgerBytes+1))
	if err != nil || len(b) > maxLedgerBytes || json.Unmarshal(b, &entries) != nil {
		return map[string]ledgerEntry{}
	}
	return entries
}

// Unchanged reports whether the file at path is byte for byte what Record last
// noted for it.
func (l Ledger) Unchanged(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	e, ok := l.load()[abs]
	if !ok {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	return hex.EncodeToString(h.Sum(nil)) == e.SHA256
}

// Record notes that data was written to path at now. A ledger that cannot be
// written costs the user only a --force next time, so failures are ignored.
func (l Ledger) Record(path string, data []byte, now time.Time) {
	abs, err := filepath.Abs(path)
	if l.Path == "" || err != nil {
		return
	}
	entries := l.load()
	sum := sha256.Sum256(data)
	entries[abs] = ledgerEntry{SHA256: hex.EncodeToString(sum[:]), Written: now}
	if len(entries) > ledgerMax {
		paths := make([]string, 0, len(entries))
		for p := range entries {
			paths = append(paths, p)
		}
		slices.SortFunc(paths, func(a, b string) int { return entries[a].Written.Compare(entries[b].Written) })
		for _, p := range paths[:len(paths)-ledgerMax] {
			delete(entries, p)
		}
	}
	b, err := json.MarshalIndent(entries, "", " ")
	if err != nil || os.MkdirAll(filepath.Dir(l.Path), 0o755) != nil {
		return
	}
	_ = Write(l.Path, b, 0o644)
}

// ExistsError refuses to write over a file the user may have changed since
// baocao wrote it, or that baocao did not write.
type ExistsError struct {
	Path     string
	Edited   bool // it carries baocao's mark, and was changed since
	Unmarked bool // it cannot carry a mark, and the ledger does not know it as written unchanged
	Backup   string
	Other    string // how to write elsewhere, e.g. "báo cáo mới ra tệp khác (-o TÊN_KHÁC.docx)"
}

func (e *ExistsError) Error() string {
	why := "không phải do baocao lập ra"
	switch {
	case e.Edited:
		why = "đã được sửa (hoặc được lưu lại bằng Word) sau khi baocao lập ra"
	case e.Unmarked:
		why = "không phải do baocao ghi ra lần trước, hoặc đã được sửa sau đó"
	}
	return fmt.Sprintf("đã có tệp %s, %s: không ghi đè để khỏi mất phần đã sửa.\n"+
		"Hãy ghi %s, hoặc thêm --force để ghi đè: tệp hiện có khi đó được giữ lại thành %s.",
		e.Path, why, e.Other, filepath.Base(e.Backup))
}

// CheckReplace decides about a file already at path, for an output that cannot
// carry a mark: none there, or one the ledger knows as written unchanged, may
// be replaced; any other is refused with an *ExistsError (other says how to
// write elsewhere), or with force kept as the backup it names.
func (l Ledger) CheckReplace(path string, force bool, now time.Time, other string) (backup string, err error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("không ghi được vào %s: %w", path, fileerr.Describe(err))
	}
	if !st.Mode().IsRegular() {
		return "", fmt.Errorf("không ghi được vào %s: ở đó đã có một thư mục hoặc một đối tượng không phải tệp", path)
	}
	if l.Unchanged(path) {
		return "", nil
	}
	backup = BackupName(path, now)
	if !force {
		return "", &ExistsError{Path: path, Unmarked: true, Backup: backup, Other: other}
	}
	return backup, nil
}

// Replace writes data to path, first keeping the file there as backup when one
// is named, and notes what it wrote in the ledger: at every moment path is the
// old file or the new one whole.
func (l Ledger) Replace(path, backup string, data []byte, now time.Time) error {
	if backup != "" {
		if err := Backup(path, backup); err != nil {
			return err
		}
	}
	if err := Write(path, data, 0o644); err != nil {
		if backup != "" {
			os.Remove(backup) // the old file is still at path
		}
		return err
	}
	l.Record(path, data, now)
	return nil
}
