package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
	"github.com/shopspring/decimal"
)

// buildBinary builds baocao into a temporary folder.
func buildBinary(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "baocao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runProcess runs the binary b.N times in dir and reports the peak resident
// memory of the last run as max-rss-KiB. exitOK lists the accepted exit codes.
func runProcess(b *testing.B, bin, dir string, args ...string) {
	b.Helper()
	var maxRSS int64
	for b.Loop() {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("baocao %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			maxRSS = ru.Maxrss
		}
	}
	b.ReportMetric(float64(maxRSS), "max-rss-KiB")
}

// BenchmarkGenerateProcess measures the whole `baocao generate 2021` process
// from outside, as a user runs it: start, read the embedded sample, write the
// report, exit.
func BenchmarkGenerateProcess(b *testing.B) {
	bin := buildBinary(b)
	runProcess(b, bin, b.TempDir(), "generate", "2021") // no data/ folder: the embedded sample
}

// BenchmarkValidateProcess100k measures `baocao validate 2021` on a workspace
// whose catalogue and workbook hold 100 000 indicators.
func BenchmarkValidateProcess100k(b *testing.B) {
	dir := b.TempDir()
	writeBigWorkspace(b, filepath.Join(dir, "data"), 100_000)
	runProcess(b, buildBinary(b), dir, "validate", "2021")
}

// writeBigWorkspace writes a catalogue of n indicators and a 2021 workbook filling them.
func writeBigWorkspace(tb testing.TB, data string, n int) {
	if err := os.Mkdir(data, 0o755); err != nil {
		tb.Fatal(err)
	}
	var catYAML strings.Builder
	catYAML.WriteString("chi_tieu:\n")
	inds := make([]*model.Indicator, n)
	year := &model.Year{Year: 2021}
	for i := range n {
		code := fmt.Sprintf("C%06d", i)
		fmt.Fprintf(&catYAML, "  - {ma: %s, ten: Chỉ tiêu số %d, don_vi: tỷ đồng}\n", code, i)
		inds[i] = &model.Indicator{Code: code, Name: fmt.Sprintf("Chỉ tiêu số %d", i), Unit: "tỷ đồng", Kind: model.Quantity}
		v := decimal.NewFromInt(int64(i) + 100)
		year.Entries = append(year.Entries, &model.Entry{Code: code, Actual: &v})
	}
	var xlsx bytes.Buffer
	if err := workbook.Write(&xlsx, model.NewCatalogue("chi-tieu.yaml", nil, inds), 2021, year); err != nil {
		tb.Fatal(err)
	}
	for name, content := range map[string][]byte{"chi-tieu.yaml": []byte(catYAML.String()), "2021.xlsx": xlsx.Bytes()} {
		if err := os.WriteFile(filepath.Join(data, name), content, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}
