package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
	"github.com/shopspring/decimal"
)

// buildBinary builds baocao into a temporary folder.
func buildBinary(b *testing.B) string { return buildProgram(b, ".") }

// buildProgram builds the program in pkg, relative to this package's folder,
// into a temporary folder, with the build tags given.
func buildProgram(b *testing.B, pkg string, tags ...string) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), filepath.Base(filepath.Join(packageDir, pkg)))
	build := exec.Command("go", "build", "-tags", strings.Join(tags, ","), "-o", bin, pkg)
	build.Dir = packageDir
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runProcess times b.N runs of the binary in dir. Where GNU time is installed,
// one more run, apart from the timed ones, reports the peak resident memory
// (max-rss-KiB): the rusage of a child started directly from this process would
// count the benchmark's own memory, which the child shares until exec.
func runProcess(b *testing.B, bin, dir string, args ...string) {
	b.Helper()
	run := func(argv ...string) string { return runOnce(b, dir, argv...) }
	if timer, err := exec.LookPath("/usr/bin/time"); err == nil {
		out := run(append([]string{timer, "-f", "max-rss-KiB %M", bin}, args...)...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		var rss float64
		if _, err := fmt.Sscanf(lines[len(lines)-1], "max-rss-KiB %g", &rss); err != nil {
			b.Fatalf("no measurement from %s: %q", timer, out)
		}
		defer b.ReportMetric(rss, "max-rss-KiB")
	} else {
		b.Log("/usr/bin/time không có: không đo bộ nhớ")
	}
	b.ResetTimer()
	for b.Loop() {
		run(append([]string{bin}, args...)...)
	}
}

// runOnce runs a program in dir and returns its diagnostics.
func runOnce(b *testing.B, dir string, argv ...string) string {
	b.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s: %v\n%s", strings.Join(argv, " "), err, stderr.String())
	}
	return stderr.String()
}

// BenchmarkGenerateProcess measures the whole `baocao generate 2021` process
// from outside, as a user runs it: start, read the embedded sample, write the
// report, exit.
func BenchmarkGenerateProcess(b *testing.B) {
	bin := buildBinary(b)
	runProcess(b, bin, b.TempDir(), "generate", "2021") // no data/ folder: the embedded sample
}

// BenchmarkFloorProcess measures, the same way, the least a generator of
// this report must do (testdata/floor): a Go process that unzips every part
// of the sample report and zips them again, then writes the file.
func BenchmarkFloorProcess(b *testing.B) {
	dir := b.TempDir()
	runOnce(b, dir, buildBinary(b), "generate", "2021")
	runProcess(b, buildProgram(b, "./testdata/floor"), dir, "Bao-cao-2021.docx", "lai.docx")
}

// BenchmarkGenerateOverFloor runs the floor, the floor linked with excelize
// (testdata/floor built with -tags excelize) and `baocao generate 2021` one
// after the other, so that all meet the same load, and reports the median of
// each (ms) and the ratios of generate's to them (x-floor, x-floor-excelize);
// ns/op is the three's.
func BenchmarkGenerateOverFloor(b *testing.B) {
	bin, dir := buildBinary(b), b.TempDir()
	floor, floorExcelize := buildProgram(b, "./testdata/floor"), buildProgram(b, "./testdata/floor", "excelize")
	runOnce(b, dir, bin, "generate", "2021")
	var gen, flo, floX []time.Duration
	timed := func(times *[]time.Duration, argv ...string) {
		start := time.Now()
		runOnce(b, dir, argv...)
		*times = append(*times, time.Since(start))
	}
	for b.Loop() {
		timed(&flo, floor, "Bao-cao-2021.docx", "lai.docx")
		timed(&floX, floorExcelize, "Bao-cao-2021.docx", "lai.docx")
		timed(&gen, bin, "generate", "2021")
	}
	g, f, fx := median(gen), median(flo), median(floX)
	b.ReportMetric(float64(g.Microseconds())/1000, "generate-ms")
	b.ReportMetric(float64(f.Microseconds())/1000, "floor-ms")
	b.ReportMetric(float64(fx.Microseconds())/1000, "floor-excelize-ms")
	b.ReportMetric(float64(g)/float64(f), "x-floor")
	b.ReportMetric(float64(g)/float64(fx), "x-floor-excelize")
}

func median(d []time.Duration) time.Duration {
	d = slices.Clone(d)
	slices.Sort(d)
	return d[len(d)/2]
}

// BenchmarkValidateProcess100k measures `baocao validate 2021` on a workspace
// whose catalogue and workbook hold 100 000 indicators more than the sample's.
func BenchmarkValidateProcess100k(b *testing.B) {
	dir := b.TempDir()
	writeBigWorkspace(b, filepath.Join(dir, "data"), 100_000)
	runProcess(b, buildBinary(b), dir, "validate", "2021")
}

// writeBigWorkspace writes the sample workspace grown by n indicators: the
// sample catalogue with n more entries, and a 2021 workbook holding the sample's
// figures and a value for each added indicator, so that the default template's
// needs are met and only the size differs.
func writeBigWorkspace(tb testing.TB, data string, n int) {
	if err := os.Mkdir(data, 0o755); err != nil {
		tb.Fatal(err)
	}
	ws := input.Sample()
	sampleCat, _ := fs.ReadFile(ws.FS, input.CatalogueFile)
	var catYAML strings.Builder
	catYAML.Write(sampleCat) // its last key is chi_tieu: the added entries continue that list
	for i := range n {
		fmt.Fprintf(&catYAML, "  - {ma: C%06d, ten: Chỉ tiêu số %d, don_vi: tỷ đồng}\n", i, i)
	}
	cat, findings := input.ParseCatalogue(input.CatalogueFile, []byte(catYAML.String()))
	if len(findings) > 0 {
		tb.Fatal(findings)
	}
	year, findings, err := ws.Figures(model.YearPeriod(2021), cat)
	if err != nil || len(findings) > 0 {
		tb.Fatal(err, findings)
	}
	for i := range n {
		v := decimal.NewFromInt(int64(i) + 100)
		year.Entries = append(year.Entries, &model.Entry{Code: fmt.Sprintf("C%06d", i), Actual: &v})
	}
	var xlsx bytes.Buffer
	if err := workbook.Write(&xlsx, cat, model.YearPeriod(2021), year, time.Now()); err != nil {
		tb.Fatal(err)
	}
	for name, content := range map[string][]byte{input.CatalogueFile: []byte(catYAML.String()), "2021.xlsx": xlsx.Bytes()} {
		if err := os.WriteFile(filepath.Join(data, name), content, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}
