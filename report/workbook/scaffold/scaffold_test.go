package scaffold_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook/scaffold"
	"github.com/baocao/baocao/templates"
	"github.com/xuri/excelize/v2"
)

func names(paths []string) string {
	var out []string
	for _, p := range paths {
		out = append(out, filepath.Base(p))
	}
	return strings.Join(out, " ")
}

func TestCreate(t *testing.T) {
	dir := t.TempDir()
	res, err := scaffold.Create(scaffold.Options{Dir: dir, Period: model.YearPeriod(2022)})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(res.Created); got != "chi-tieu.yaml mau-bao-cao.docx 2021.xlsx 2022.xlsx LUU-Y.txt" || len(res.Skipped) != 0 {
		t.Fatalf("created %s, skipped %v", got, res.Skipped)
	}
	same := func(name string, want []byte) {
		t.Helper()
		got, err := os.ReadFile(filepath.Join(dir, "data", name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s differs from the embedded copy (%v)", name, err)
		}
	}
	cat, _ := fs.ReadFile(data.FS, "chi-tieu.yaml")
	same("chi-tieu.yaml", cat)
	docx, _ := templates.DefaultDocx()
	same("mau-bao-cao.docx", docx)
	same("LUU-Y.txt", []byte(scaffold.Guide(model.YearPeriod(2022))))

	// The folder works as a workspace: both years read without a finding.
	ws, err := input.Open(filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	c, _, _ := ws.Catalogue()
	for _, year := range []int{2021, 2022} {
		y, fs, err := ws.Figures(model.YearPeriod(year), c)
		if err != nil || len(fs) > 0 || y.Period.Year != year || len(y.Entries) != 0 {
			t.Errorf("%d: %v %v %+v", year, err, fs, y)
		}
	}

	// Nothing is overwritten without Force.
	if err := os.WriteFile(filepath.Join(dir, "data", "LUU-Y.txt"), []byte("của tôi"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = scaffold.Create(scaffold.Options{Dir: dir, Period: model.YearPeriod(2022)})
	if err != nil || len(res.Created) != 0 || len(res.Skipped) != 5 || !strings.Contains(res.Skipped[0].Reason, "--force") {
		t.Fatalf("second run: %v %+v", err, res)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "data", "LUU-Y.txt")); string(b) != "của tôi" {
		t.Error("LUU-Y.txt overwritten")
	}
	res, err = scaffold.Create(scaffold.Options{Dir: dir, Period: model.YearPeriod(2022), Force: true})
	if err != nil || len(res.Created) != 5 {
		t.Fatalf("forced run: %v %+v", err, res)
	}
	same("LUU-Y.txt", []byte(scaffold.Guide(model.YearPeriod(2022))))
}

// TestCreateNextYear makes the next year's workbook in a folder that holds the
// sample in YAML: the YAML year is left alone, the header facts carry over.
func TestCreateNextYear(t *testing.T) {
	dir := t.TempDir()
	dataDir := filepath.Join(dir, "data")
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"chi-tieu.yaml", "2021.yaml"} {
		b, _ := fs.ReadFile(data.FS, name)
		if err := os.WriteFile(filepath.Join(dataDir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Date(2022, 1, 10, 9, 0, 0, 0, time.UTC)
	res, err := scaffold.Create(scaffold.Options{Dir: dir, Period: model.YearPeriod(2022), Force: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(res.Created); got != "chi-tieu.yaml mau-bao-cao.docx 2022.xlsx LUU-Y.txt" ||
		len(res.Skipped) != 1 || filepath.Base(res.Skipped[0].Path) != "2021.xlsx" || !strings.Contains(res.Skipped[0].Reason, "2021.yaml") {
		t.Fatalf("created %s, skipped %+v", got, res.Skipped)
	}
	ws, _ := input.Open(dataDir)
	cat, _, _ := ws.Catalogue()
	y, fs, err := ws.Figures(model.YearPeriod(2022), cat)
	if err != nil || len(fs) > 0 {
		t.Fatal(err, fs)
	}
	h := y.Header
	if h.SuperiorBody != "UBND TỈNH NAM ĐỊNH" || h.Signer != "Nguyễn Văn An" || len(h.Distribution) != 2 || !h.Date.IsZero() || h.Basis != "" || h.Number != "" {
		t.Errorf("header %+v", h)
	}
	// The workbook says who made it and when: the department known from last
	// year, and the clock given.
	f, err := excelize.OpenFile(filepath.Join(dataDir, "2022.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if p, err := f.GetDocProps(); err != nil || p.Creator != "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" || p.Created != "2022-01-10T09:00:00Z" {
		t.Errorf("document properties %+v %v", p, err)
	}
}

func TestCreateErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "tep")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := scaffold.Create(scaffold.Options{Dir: file, Period: model.YearPeriod(2022)}); err == nil || !strings.Contains(err.Error(), "không tạo được thư mục") {
		t.Errorf("folder over a file: %v", err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "chi-tieu.yaml"), []byte("chi_tieu: [ {ma: a b}"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := scaffold.Create(scaffold.Options{Dir: dir, Period: model.YearPeriod(2022)})
	if err == nil || !strings.Contains(err.Error(), "danh mục chỉ tiêu có lỗi") || len(res.Created) != 1 {
		t.Errorf("broken catalogue: %v %+v", err, res)
	}
}

// init for another period of a workspace replaces the guide it wrote for the
// previous one, unless someone changed it.
func TestGuideOfTheNewPeriod(t *testing.T) {
	dir := t.TempDir()
	guide := filepath.Join(dir, "data", scaffold.GuideName)
	q4, err := model.ParsePeriod("2022-Q4")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := scaffold.Create(scaffold.Options{Dir: dir, Period: model.YearPeriod(2022)}); err != nil {
		t.Fatal(err)
	}
	res, err := scaffold.Create(scaffold.Options{Dir: dir, Period: q4})
	if b, _ := os.ReadFile(guide); err != nil || string(b) != scaffold.Guide(q4) || !slices.Contains(res.Created, guide) {
		t.Fatalf("the year's guide was not replaced by the quarter's: %v %+v\n%s", err, res, b)
	}
	edited := scaffold.Guide(q4) + "Ghi chú của phòng: nộp trước ngày 20.\n"
	if err := os.WriteFile(guide, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := scaffold.Create(scaffold.Options{Dir: dir, Period: model.YearPeriod(2022)}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(guide); string(b) != edited {
		t.Error("an edited guide was replaced")
	}
}
