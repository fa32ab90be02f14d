package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// BenchmarkGenerateProcess measures the whole `baocao generate 2021` process
// from outside, as a user runs it: start, read the embedded sample, write the
// report, exit. It reports the peak resident memory of the last run (max-rss-KiB).
func BenchmarkGenerateProcess(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "baocao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	work := filepath.Join(dir, "work") // no data/ folder: the embedded sample is used
	if err := os.Mkdir(work, 0o755); err != nil {
		b.Fatal(err)
	}
	var maxRSS int64
	for b.Loop() {
		cmd := exec.Command(bin, "generate", "2021")
		cmd.Dir = work
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("baocao generate: %v\n%s", err, out)
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			maxRSS = ru.Maxrss
		}
	}
	b.ReportMetric(float64(maxRSS), "max-rss-KiB")
}
