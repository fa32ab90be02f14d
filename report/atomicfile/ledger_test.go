package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLedgerKnowsWhatItWrote(t *testing.T) {
	dir := t.TempDir()
	l := Ledger{Path: filepath.Join(dir, "cache", "ledger.json")}
	out := filepath.Join(dir, "so-sanh.csv")
	now := time.Date(2026, 12, 7, 8, 30, 15, 0, time.UTC)

	// Nothing there: written without a backup.
	backup, err := l.CheckReplace(out, false, now, "ra tệp khác")
	if err != nil || backup != "" {
		t.Fatalf("no file yet: %q, %v", backup, err)
	}
	if err := l.Replace(out, backup, []byte("a;b\n"), now); err != nil {
		t.Fatal(err)
	}
	// What we wrote, unchanged: replaced again without a word.
	if backup, err := l.CheckReplace(out, false, now, "ra tệp khác"); err != nil || backup != "" {
		t.Fatalf("our own file: %q, %v", backup, err)
	}
	// Edited by the user: refused, and the file stays as it is.
	if err := os.WriteFile(out, []byte("a;b\nghi chú của tôi\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = l.CheckReplace(out, false, now, "ra tệp khác (-o TÊN_KHÁC)")
	var exists *ExistsError
	if !errors.As(err, &exists) || !exists.Unmarked || !strings.Contains(err.Error(), "đã được sửa sau đó") ||
		!strings.Contains(err.Error(), "ra tệp khác (-o TÊN_KHÁC)") || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("edited file: %v", err)
	}
	// With force, the edited file is kept as the backup.
	backup, err = l.CheckReplace(out, true, now, "ra tệp khác")
	if err != nil || backup == "" {
		t.Fatalf("forced: %q, %v", backup, err)
	}
	if err := l.Replace(out, backup, []byte("mới\n"), now); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(backup); string(b) != "a;b\nghi chú của tôi\n" {
		t.Errorf("backup holds %q", b)
	}
	if b, _ := os.ReadFile(out); string(b) != "mới\n" {
		t.Errorf("target holds %q", b)
	}
}

func TestLedgerWithoutFileKeepsEverything(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "bc.pdf")
	if err := os.WriteFile(out, []byte("%PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, l := range []Ledger{{}, {Path: filepath.Join(dir, "hong.json")}} {
		if l.Path != "" {
			os.WriteFile(l.Path, []byte("{không phải JSON"), 0o644)
		}
		if _, err := l.CheckReplace(out, false, time.Now(), "ra tệp khác"); err == nil {
			t.Errorf("ledger %q: a file it cannot vouch for would be replaced", l.Path)
		}
	}
	if _, err := (Ledger{}).CheckReplace(dir, true, time.Now(), "ra tệp khác"); err == nil || !strings.Contains(err.Error(), "thư mục") {
		t.Errorf("a folder at the target: %v", err)
	}
}

func TestLedgerStaysBounded(t *testing.T) {
	dir := t.TempDir()
	l := Ledger{Path: filepath.Join(dir, "ledger.json")}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < ledgerMax+5; i++ {
		l.Record(filepath.Join(dir, "f", strings.Repeat("x", i%7)+time.Duration(i).String()), []byte{byte(i)}, start.Add(time.Duration(i)*time.Second))
	}
	entries := l.load()
	if len(entries) != ledgerMax {
		t.Fatalf("%d entries, want %d", len(entries), ledgerMax)
	}
	for _, e := range entries {
		if e.Written.Before(start.Add(5 * time.Second)) {
			t.Errorf("an oldest entry was kept: %v", e.Written)
		}
	}
}
