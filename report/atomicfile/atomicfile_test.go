package atomicfile

import (
	"bytes"
	"slices"
	"syscall"
	"time"

	"github.com/baocao/baocao/report/fileerr"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteReplacesWholeFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "Báo cáo 2021.docx")
	if err := os.WriteFile(p, []byte("old content that is longer"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	if string(b) != "new" {
		t.Fatalf("content = %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left: %v", entries)
	}
}

func TestWriteFailureLeavesTarget(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-folder", "out.docx")
	if err := Write(missing, []byte("x"), 0o644); err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	// A directory in the way of the rename: the write fails and nothing is left behind.
	target := filepath.Join(dir, "out.docx")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(target, "keep"), []byte("k"), 0o644)
	if err := Write(target, []byte("x"), 0o644); err == nil {
		t.Fatal("writing over a non-empty directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left: %v", entries)
	}
}

func TestSameFile(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.docx")
	os.WriteFile(a, nil, 0o644)
	if !SameFile(a, filepath.Join(dir, ".", "a.docx")) {
		t.Error("same path not recognised")
	}
	if SameFile(a, filepath.Join(dir, "b.docx")) {
		t.Error("different files reported same")
	}
}

// fullDisk is a temporary file on a disk that fills up after a few bytes.
type fullDisk struct {
	*os.File
	room int
}

func (f *fullDisk) Write(b []byte) (int, error) {
	if len(b) > f.room {
		n, _ := f.File.Write(b[:f.room])
		return n, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	f.room -= len(b)
	return f.File.Write(b)
}

func TestFullDiskLeavesEarlierFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "Bao-cao-2021.docx")
	earlier := []byte("the report written last week")
	os.WriteFile(p, earlier, 0o644)
	createTemp = func(dir, pattern string) (tempFile, error) {
		f, err := os.CreateTemp(dir, pattern)
		return &fullDisk{File: f, room: 4}, err
	}
	defer func() {
		createTemp = func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }
	}()
	err := Write(p, bytes.Repeat([]byte("new report "), 100), 0o644)
	if err == nil || !fileerr.IsDiskFull(err) {
		t.Fatalf("err = %v", err)
	}
	if want := "không ghi được " + p + ": ổ đĩa đã đầy (tệp đang có ở đó vẫn giữ nguyên)"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if b, _ := os.ReadFile(p); !bytes.Equal(b, earlier) {
		t.Errorf("earlier file changed: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "Bao-cao-2021.docx")
	old := time.Now().Add(-time.Hour)
	for _, name := range []string{".Bao-cao-2021.docx.111.tmp", ".Bao-cao-2021.docx.222.tmp", ".Bao-cao-2020.docx.333.tmp", "Bao-cao-2021.docx.tmp", ".Bao-cao-2021.docx.444.tmp"} {
		f := filepath.Join(dir, name)
		os.WriteFile(f, []byte("x"), 0o644)
		if name != ".Bao-cao-2021.docx.444.tmp" { // the last one is fresh: maybe a run still going
			os.Chtimes(f, old, old)
		}
	}
	if err := Write(p, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if want := []string{".Bao-cao-2020.docx.333.tmp", ".Bao-cao-2021.docx.444.tmp", "Bao-cao-2021.docx", "Bao-cao-2021.docx.tmp"}; !slices.Equal(left, want) {
		t.Errorf("left %v, want %v", left, want)
	}
}
