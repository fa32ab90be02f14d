package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/report/input"
)

// catalogueSize is how many indicators the sample's catalogue has.
func catalogueSize(t *testing.T) int {
	t.Helper()
	b, err := fs.ReadFile(data.FS, "chi-tieu.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cat, found := input.ParseCatalogue("chi-tieu.yaml", b)
	if found.Errors() > 0 {
		t.Fatal(found)
	}
	return len(cat.Indicators)
}

// A year without dossiers (the divisor of the online rate is 0) is reported:
// the rate has no value, its sentences are left out with a warning saying
// why, and the last line counts the indicators that have a figure.
func TestGenerateZeroDivisorInPeriod(t *testing.T) {
	ws := sampleWorkspace(t, map[string][]string{"2021.yaml": {"HS_TONG: 92.329", "HS_TONG: 0", "HS_TRUC_TUYEN: 22.318", "HS_TRUC_TUYEN: 0"}})
	out := filepath.Join(t.TempDir(), "bc.docx")
	code, _, errOut := runCLI(t, "generate", "2021", "--data", ws, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	file := filepath.Join(ws, "2021.yaml")
	want := fmt.Sprintf("%s:%d: cảnh báo: không tính được chỉ tiêu TL_HS_TRUC_TUYEN (Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến) năm 2021 theo công thức «HS_TRUC_TUYEN / HS_TONG * 100»: phép chia cho HS_TONG (Tổng số hồ sơ thủ tục hành chính được giải quyết) bằng 0; báo cáo bỏ các câu nói về chỉ tiêu này",
		file, line(t, file, "HS_TONG: 0"))
	if !strings.Contains(errOut, want) {
		t.Errorf("no warning %q in:\n%s", want, errOut)
	}
	if strings.Contains(errOut, ": lỗi: ") {
		t.Errorf("an error:\n%s", errOut)
	}
	// Every indicator of the sample has a figure but the rate.
	n := catalogueSize(t)
	if last := fmt.Sprintf(": %d trên %d chỉ tiêu có số liệu, ", n-1, n); !strings.Contains(errOut, last) {
		t.Errorf("last line lacks %q:\n%s", last, errOut)
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
}

// A period's file without a figure still gives a report, with a warning
// that the file has none; the last line counts no indicator with figures.
func TestGenerateNoFigureInPeriod(t *testing.T) {
	ws := sampleWorkspace(t, nil)
	file := filepath.Join(ws, "2021.yaml")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	writeFile(t, file, text[:strings.Index(text, "chi_tieu:")]+text[strings.Index(text, "noi_dung:"):])
	code, _, errOut := runCLI(t, "generate", "2021", "--data", ws, "-o", filepath.Join(t.TempDir(), "bc.docx"))
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	want := file + ": cảnh báo: tệp số liệu năm 2021 chưa có số thực hiện nào: báo cáo sẽ bỏ mọi câu nói về các chỉ tiêu"
	if !strings.Contains(errOut, want) {
		t.Errorf("no warning %q in:\n%s", want, errOut)
	}
	if last := fmt.Sprintf(": 0 trên %d chỉ tiêu có số liệu, ", catalogueSize(t)); !strings.Contains(errOut, last) {
		t.Errorf("last line lacks %q:\n%s", last, errOut)
	}
}
