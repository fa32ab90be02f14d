package atomicfile

import (
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
