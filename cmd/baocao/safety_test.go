package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/xuri/excelize/v2"
)

// fullWriter is a stdout on a full disk.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// TestResultsThatCannotBeWrittenExit2: every command that prints results ends
// with exit code 2 and says so when stdout fails, never 0 (or 1).
func TestResultsThatCannotBeWrittenExit2(t *testing.T) {
	ws := sampleWorkspace(t, nil)
	out := t.TempDir()
	for _, args := range [][]string{
		{"words", "5"},
		{"validate", "--data", ws},
		{"validate", "--data", ws, "--format", "json"},
		{"diff", "2020", "2021", "--data", ws},
		{"generate", "2021", "--data", ws, "-o", filepath.Join(out, "bc.docx")},
		{"init", filepath.Join(out, "moi")},
		{"--version"},
		{"--help"},
	} {
		var errOut bytes.Buffer
		code := run(args, fullWriter{}, &errOut)
		if code != 2 || !strings.Contains(errOut.String(), "Lỗi: không ghi được kết quả ra đầu ra chuẩn") || !strings.Contains(errOut.String(), "ổ đĩa đã đầy") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut.String())
		}
	}
	// The real thing, where the system has it.
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	var errOut bytes.Buffer
	if code := run([]string{"words", "5"}, full, &errOut); code != 2 || !strings.Contains(errOut.String(), "ổ đĩa đã đầy") {
		t.Errorf(">/dev/full: exit %d, stderr %q", code, errOut.String())
	}
}

// TestRunFromInsideDataFolder: run where init put the workbooks, the commands
// use that workspace, and the report goes beside data/, not into it.
func TestRunFromInsideDataFolder(t *testing.T) {
	root := filepath.Join(t.TempDir(), "bao cao")
	dataDir := filepath.Join(root, "data")
	os.MkdirAll(filepath.Dir(dataDir), 0o755)
	if err := os.Rename(sampleWorkspace(t, nil), dataDir); err != nil {
		t.Fatal(err)
	}
	old, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(old) })
	os.Chdir(dataDir)
	code, out, errOut := runCLI(t, "validate", "2021")
	if code != 0 || strings.Contains(errOut, "mẫu có sẵn") || !strings.Contains(errOut, "Đã kiểm tra chi-tieu.yaml, 2021.yaml") ||
		strings.Contains(errOut, "số liệu ..") || !strings.Contains(errOut, "Dùng thư mục số liệu là thư mục hiện tại ("+dataDir+").") {
		t.Errorf("validate from data/: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "generate", "2021")
	want := filepath.Join(root, "Bao-cao-2021.docx")
	if code != 0 || out != want+"\n" || strings.Contains(errOut, "init") {
		t.Errorf("generate from data/: exit %d, stdout %q\n%s", code, out, errOut)
	}
	if _, err := os.Stat(want); err != nil {
		t.Error(err)
	}
	// A comparison is not saved among the inputs; the folder refused is named
	// as its user knows it, never as "." or "..".
	code, _, errOut = runCLI(t, "diff", "2020", "2021", "-o", "ss.md")
	if code != 2 || !strings.Contains(errOut, "không ghi kết quả so sánh vào thư mục hiện tại ("+dataDir+"), là thư mục số liệu (nơi để") {
		t.Errorf("diff -o ss.md from data/: exit %d\n%s", code, errOut)
	}
	inner := filepath.Join(dataDir, "nhap")
	os.Mkdir(inner, 0o755)
	os.Chdir(inner)
	code, _, errOut = runCLI(t, "diff", "2020", "2021", "-o", filepath.Join("..", "ss.md"))
	if code != 2 || !strings.Contains(errOut, "Dùng thư mục số liệu "+dataDir+".") ||
		!strings.Contains(errOut, "không ghi kết quả so sánh vào thư mục số liệu "+dataDir+" (nơi để") {
		t.Errorf("diff -o ../ss.md from data/nhap: exit %d\n%s", code, errOut)
	}
	// From a folder beside data/, the same.
	sub := filepath.Join(root, "ban-in")
	os.Mkdir(sub, 0o755)
	os.Chdir(sub)
	code, _, errOut = runCLI(t, "diff", "2020", "2021")
	if code != 0 || !strings.Contains(errOut, "Dùng thư mục số liệu "+filepath.Join("..", "data")) {
		t.Errorf("diff from a sibling folder: exit %d\n%s", code, errOut)
	}
}

// TestOneResolverForYearFiles: a year given only as .xls is the same year for
// validate with and without arguments, and a file outside the workspace is
// read against the catalogue beside it by validate as by diff.
func TestOneResolverForYearFiles(t *testing.T) {
	dir := t.TempDir()
	sample := sampleWorkspace(t, nil)
	cat, _ := os.ReadFile(filepath.Join(sample, "chi-tieu.yaml"))
	writeFile(t, filepath.Join(dir, "chi-tieu.yaml"), string(cat))
	writeFile(t, filepath.Join(dir, "2021.xls"), "\xd0\xcf\x11\xe0 old Excel")
	for _, args := range [][]string{{"validate", "--data", dir}, {"validate", "2021", "--data", dir}} {
		code, out, errOut := runCLI(t, args...)
		if code != 1 || !strings.Contains(out, "xls-format") {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
	}
	// other/ has its own catalogue, in which DT_MOI exists.
	other := t.TempDir()
	writeFile(t, filepath.Join(other, "chi-tieu.yaml"), "chi_tieu:\n  - {ma: DT_MOI, ten: Doanh thu mới, don_vi: tỷ đồng}\n")
	writeFile(t, filepath.Join(other, "2021.yaml"), "nam: 2021\nchi_tieu:\n  DT_MOI: 5\n")
	code, out, errOut := runCLI(t, "validate", filepath.Join(other, "2021.yaml"), "--data", sample)
	if code != 0 || strings.Contains(out, "unknown-indicator") || !strings.Contains(errOut, filepath.Join(other, "chi-tieu.yaml")) {
		t.Errorf("validate other/2021.yaml: exit %d\n%s%s", code, out, errOut)
	}
}

func TestInitForceKeepsFigures(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bao cao 2021")
	if code, _, errOut := runCLI(t, "init", dir, "--nam", "2021"); code != 0 || !strings.Contains(errOut, `trong thư mục "`+dir+`"`) {
		t.Fatalf("init: %d\n%s", code, errOut)
	}
	data := filepath.Join(dir, "data")
	book := filepath.Join(data, "2021.xlsx")
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Chỉ tiêu", "E2", 130)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	filled, _ := os.ReadFile(book)
	cat := filepath.Join(data, "chi-tieu.yaml")
	own := append(must(os.ReadFile(cat)), "# danh mục của Sở\n"...)
	os.WriteFile(cat, own, 0o644)
	untouched, _ := os.ReadFile(filepath.Join(data, "2020.xlsx"))

	code, out, errOut := runCLI(t, "init", dir, "--nam", "2021", "--force")
	if code != 0 {
		t.Fatalf("init --force: %d\n%s%s", code, out, errOut)
	}
	backups, _ := filepath.Glob(filepath.Join(data, "*.ban-cu-*"))
	if len(backups) != 2 {
		t.Fatalf("backups %v\n%s", backups, errOut)
	}
	for _, b := range backups {
		got, _ := os.ReadFile(b)
		switch {
		case strings.HasPrefix(filepath.Base(b), "2021.ban-cu-") && strings.HasSuffix(b, ".xlsx"):
			if !bytes.Equal(got, filled) {
				t.Error("the workbook backup differs from the filled workbook")
			}
		case strings.HasPrefix(filepath.Base(b), "chi-tieu.ban-cu-"):
			if !bytes.Equal(got, own) {
				t.Error("the catalogue backup differs")
			}
		default:
			t.Errorf("unexpected backup %s", b)
		}
		if !strings.Contains(errOut, "Đã giữ lại ") || !strings.Contains(errOut, b) {
			t.Errorf("stderr does not name %s:\n%s", b, errOut)
		}
	}
	// The blank 2020 workbook was replaced without a backup; the filled one is blank again.
	if b, _ := os.ReadFile(filepath.Join(data, "2020.xlsx")); len(b) == 0 || len(untouched) == 0 {
		t.Error("2020 workbook missing")
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestDoubleClickExplained(t *testing.T) {
	startedByExplorer = func() bool { return true }
	t.Cleanup(func() { startedByExplorer = func() bool { return false } })
	var out bytes.Buffer
	if !explainDoubleClick(nil, strings.NewReader("\n"), &out) || !strings.Contains(out.String(), "gõ cmd rồi nhấn Enter") || !strings.Contains(out.String(), "Nhấn Enter để đóng") {
		t.Errorf("double click: %q", out.String())
	}
	if explainDoubleClick([]string{"generate"}, strings.NewReader(""), &out) {
		t.Error("with arguments it is a command line, not a double click")
	}
}

// TestGenerateRefusesEditedReport at the command line: exit 2, nothing
// changed; with --force the message names the backup.
func TestGenerateRefusesEditedReport(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "Bao-cao-2021.docx")
	if code, _, errOut := runCLI(t, "generate", "2021", "-o", out); code != 0 {
		t.Fatal(errOut)
	}
	p, err := docxpkg.Open(must(os.ReadFile(out)))
	if err != nil {
		t.Fatal(err)
	}
	p.SetPart(docxpkg.DocumentPart, strings.Replace(p.Part(docxpkg.DocumentPart), "tăng 8,3%", "tăng 8,3% (đã rà soát)", 1))
	var buf bytes.Buffer
	p.Write(&buf)
	edited := buf.Bytes()
	os.WriteFile(out, edited, 0o644)
	code, stdout, errOut := runCLI(t, "generate", "2021", "-o", out)
	if code != 2 || stdout != "" || !strings.Contains(errOut, "Lỗi: đã có tệp "+out) || !strings.Contains(errOut, "--force") {
		t.Errorf("exit %d, stdout %q\n%s", code, stdout, errOut)
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, edited) {
		t.Error("the edited report changed")
	}
	code, _, errOut = runCLI(t, "generate", "2021", "-o", out, "--force")
	backups, _ := filepath.Glob(filepath.Join(dir, "Bao-cao-2021.ban-cu-*.docx"))
	if code != 0 || len(backups) != 1 || !strings.Contains(errOut, "được giữ lại thành "+backups[0]) {
		t.Errorf("--force: exit %d, backups %v\n%s", code, backups, errOut)
	}
}

// TestRepeatedFindingsCapped: 200 unknown codes print 20 lines and one line
// with the rest, in validate's table and in generate's list.
func TestRepeatedFindingsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("nam: 2021\nchi_tieu:\n")
	for i := range 200 {
		b.WriteString("  MA_LA_" + strings.Repeat("X", i%3) + string(rune('A'+i%26)) + string(rune('A'+i/26)) + ": 1\n")
	}
	ws := sampleWorkspace(t, nil)
	writeFile(t, filepath.Join(ws, "2021.yaml"), b.String())
	code, out, _ := runCLI(t, "validate", "2021", "--data", ws)
	if code != 1 || strings.Count(out, "unknown-indicator") != 21 || !strings.Contains(out, "… và 180 lỗi cùng loại (unknown-indicator)") {
		t.Errorf("validate: exit %d\n%s", code, out)
	}
	code, _, errOut := runCLI(t, "generate", "2021", "--data", ws, "-o", filepath.Join(t.TempDir(), "x.docx"))
	if code != 1 || strings.Count(errOut, "lỗi: không có chỉ tiêu mã") != 20 || !strings.Contains(errOut, "… và 180 lỗi cùng loại (unknown-indicator)") || !strings.Contains(errOut, "có 200 lỗi") {
		t.Errorf("generate: exit %d\n%s", code, errOut)
	}
}

func TestFIFOYearFileRefusedAtTheCommandLine(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFO on Windows")
	}
	ws := sampleWorkspace(t, nil)
	os.Remove(filepath.Join(ws, "2021.yaml"))
	if err := syscall.Mkfifo(filepath.Join(ws, "2021.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "generate", "2021", "--data", ws, "-o", filepath.Join(t.TempDir(), "x.docx"))
	if code != 2 || !strings.Contains(errOut, "2021.yaml không phải là tệp thông thường") {
		t.Errorf("exit %d\n%s", code, errOut)
	}
}

// TestManyBadTagsBoundedOutput: a template with 100 000 bad tags gives a
// short list: the first of each kind and how many more, not megabytes.
func TestManyBadTagsBoundedOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("a large template")
	}
	var body strings.Builder
	for range 100_000 {
		body.WriteString(`<w:p><w:r><w:t>{{ bang_chuu 5 }}</w:t></w:r></w:p>`)
	}
	tpl := filepath.Join(t.TempDir(), "mau.docx")
	writeFile(t, tpl, string(docxtest.Build(docxtest.Files{Body: body.String()})))
	out := filepath.Join(t.TempDir(), "bc.docx")
	code, stdout, errOut := runCLI(t, "generate", "2021", "--template", tpl, "-o", out)
	if code != 1 || stdout != "" || len(errOut) > 20_000 || !strings.Contains(errOut, "cùng loại") {
		t.Errorf("exit %d, %d bytes of stderr:\n%.3000s", code, len(errOut), errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a report was written")
	}
}
