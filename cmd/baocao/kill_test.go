package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/report/docxpkg"
)

// TestKilledGenerate kills generate (kill -9: no chance to clean up) at random
// moments. After each kill the target is absent, the previous report, or a
// complete report, and nothing else but our temporaries is in the folder; the
// next run removes the temporaries once they are old.
func TestKilledGenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a process dozens of times")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	ws := sampleWorkspace(t, nil)
	dir := t.TempDir()
	target := filepath.Join(dir, "Bao-cao-2021.docx")
	generate := func() *exec.Cmd {
		cmd := exec.Command(self, "generate", "2021", "--data", ws, "-o", target)
		cmd.Env = append(os.Environ(), "BAOCAO_AS_MAIN=1")
		return cmd
	}
	start := time.Now()
	if out, err := generate().CombinedOutput(); err != nil {
		t.Fatalf("generate: %v\n%s", err, out)
	}
	full := time.Since(start)
	previous, _ := os.ReadFile(target)

	complete := func(b []byte) bool {
		text, err := docxpkg.Text(b)
		return err == nil && strings.Contains(text, "Kết quả công tác năm 2021 và nhiệm vụ trọng tâm năm 2022")
	}
	kills, rounds := 0, 40
	for i := range rounds {
		hadTarget := i%2 == 0
		if !hadTarget {
			os.Remove(target)
		} else if _, err := os.Stat(target); err != nil {
			os.WriteFile(target, previous, 0o644)
		}
		cmd := generate()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rand.Int64N(int64(full + full/5))))
		if cmd.Process.Kill() == nil {
			kills++
		}
		cmd.Wait()

		b, err := os.ReadFile(target)
		switch {
		case err != nil && hadTarget:
			t.Fatalf("round %d: the previous report is gone", i)
		case err != nil:
			// absent: fine
		case !bytes.Equal(b, previous) && !complete(b):
			t.Fatalf("round %d: a partial report at the target (%d bytes)", i, len(b))
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != filepath.Base(target) && !isOurTemporary(e.Name()) {
				t.Fatalf("round %d: unexpected file %s", i, e.Name())
			}
		}
	}
	// Leftovers of killed runs, once old, go at the next run.
	entries, _ := os.ReadDir(dir)
	old := time.Now().Add(-time.Hour)
	left := 0
	for _, e := range entries {
		if isOurTemporary(e.Name()) {
			os.Chtimes(filepath.Join(dir, e.Name()), old, old)
			left++
		}
	}
	t.Logf("%d kills in %d rounds, a full run taking %v; %d temporaries left", kills, rounds, full, left)
	if out, err := generate().CombinedOutput(); err != nil {
		t.Fatalf("generate after the kills: %v\n%s", err, out)
	}
	entries, _ = os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != filepath.Base(target) {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left in the folder: %v", names)
	}
	if b, _ := os.ReadFile(target); !complete(b) {
		t.Error("no complete report at the end")
	}
}

func isOurTemporary(name string) bool {
	return strings.HasPrefix(name, ".Bao-cao-2021.docx.") && strings.HasSuffix(name, ".tmp")
}
