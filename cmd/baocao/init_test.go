package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
	"github.com/xuri/excelize/v2"
)

// TestInitFillGenerate is the whole path of a unit that works in Excel: init a
// folder, fill the workbooks with the reference figures through excelize as a
// person would, validate, and generate the same report as from the YAML sample.
func TestInitFillGenerate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bao-cao")
	code, out, errOut := runCLI(t, "init", dir, "--nam", "2021")
	wantFiles := []string{"chi-tieu.yaml", "mau-bao-cao.docx", "2020.xlsx", "2021.xlsx", "LUU-Y.txt"}
	if code != 0 || strings.Count(out, "\n") != len(wantFiles) {
		t.Fatalf("init: code %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	for _, name := range wantFiles {
		if !strings.Contains(out, filepath.ToSlash(filepath.Join(dir, "data", name))+"\n") {
			t.Errorf("init did not list %s:\n%s", name, out)
		}
	}
	// Before it is filled, every figure the template mentions is omitted, at its own cell.
	code, out, _ = runCLI(t, "validate", "2021", "--data", filepath.Join(dir, "data"), "--format", "json")
	if code != 1 || !strings.Contains(out, `"code": "omitted",
      "file": "`+filepath.ToSlash(filepath.Join(dir, "data", "2021.xlsx"))+`",
      "sheet": "Chỉ tiêu",
      "cell": "E2",`) {
		t.Errorf("validate of the blank workbook: code %d\n%s", code, out)
	}
	// Again: nothing is overwritten, everything is reported as skipped.
	code, out, errOut = runCLI(t, "init", dir, "--nam", "2021")
	if code != 0 || out != "" || strings.Count(errOut, "Bỏ qua ") != len(wantFiles) {
		t.Fatalf("second init: code %d\nstdout %s\nstderr %s", code, out, errOut)
	}

	ws := input.Sample()
	cat, _, err := ws.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	for _, year := range []int{2020, 2021} {
		y, _, err := ws.Figures(model.YearPeriod(year), cat)
		if err != nil {
			t.Fatal(err)
		}
		fill(t, filepath.Join(dir, "data", strconv.Itoa(year)+".xlsx"), y)
	}
	dataDir := filepath.Join(dir, "data")
	code, out, errOut = runCLI(t, "validate", "2021", "--data", dataDir)
	if code != 0 || out != "Không có lỗi.\n" {
		t.Fatalf("validate: code %d\n%s%s", code, out, errOut)
	}
	fromXLSX := filepath.Join(dir, "tu-bang-tinh.docx")
	if code, out, errOut = runCLI(t, "generate", "2021", "--data", dataDir, "-o", fromXLSX); code != 0 {
		t.Fatalf("generate from the workbooks: code %d\n%s%s", code, out, errOut)
	}

	yamlDir := t.TempDir()
	for _, name := range []string{"chi-tieu.yaml", "2020.yaml", "2021.yaml"} {
		b, err := fs.ReadFile(data.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(yamlDir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fromYAML := filepath.Join(dir, "tu-yaml.docx")
	if code, out, errOut = runCLI(t, "generate", "2021", "--data", yamlDir, "-o", fromYAML); code != 0 {
		t.Fatalf("generate from YAML: code %d\n%s%s", code, out, errOut)
	}
	a, b := docText(t, fromXLSX), docText(t, fromYAML)
	if a != b {
		t.Errorf("the reports differ:\nfrom the workbooks:\n%s\nfrom YAML:\n%s", a, b)
	}
	if !strings.Contains(a, "1.150 tỷ đồng") {
		t.Errorf("report lacks the telecom revenue:\n%s", a)
	}
}

func TestInitUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"init", dir, "khac"}, {"init", dir, "--nam", "hai"}} {
		code, out, errOut := runCLI(t, args...)
		if code != 2 || out != "" || !strings.HasPrefix(errOut, "Lỗi: ") {
			t.Errorf("%v: code %d out %q err %q", args, code, out, errOut)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refused init wrote %d files", len(entries))
	}
}

// fill types a year's figures into the workbook init made, finding rows by code.
func fill(t *testing.T, path string, y *model.Figures) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	rows := func(sheet string) map[string]int {
		all, err := f.GetRows(sheet)
		check(err)
		at := map[string]int{}
		for i, r := range all {
			if len(r) > 0 {
				at[r[0]] = i + 1
			}
		}
		return at
	}
	cell := func(col string, row int) string { return col + strconv.Itoa(row) }
	setNumber := func(sheet, ref string, d interface{ InexactFloat64() float64 }) {
		check(f.SetCellFloat(sheet, ref, d.InexactFloat64(), -1, 64))
	}
	entryRows := rows(workbook.SheetEntries)
	for _, e := range y.Entries {
		r := entryRows[e.Code]
		if e.Actual != nil {
			setNumber(workbook.SheetEntries, cell("E", r), e.Actual)
		}
		if e.Estimate {
			check(f.SetCellStr(workbook.SheetEntries, cell("F", r), "có"))
		}
		if e.Plan != nil {
			setNumber(workbook.SheetEntries, cell("G", r), e.Plan)
		}
		if e.SamePeriod != nil {
			setNumber(workbook.SheetEntries, cell("H", r), e.SamePeriod)
		}
		check(f.SetCellStr(workbook.SheetEntries, cell("I", r), e.Note))
	}
	rankRows := rows(workbook.SheetRankings)
	for _, rk := range y.Rankings {
		check(f.SetCellInt(workbook.SheetRankings, cell("C", rankRows[rk.Code]), int64(rk.Rank)))
		check(f.SetCellInt(workbook.SheetRankings, cell("D", rankRows[rk.Code]), int64(rk.Of)))
	}
	for i, it := range y.Narrative {
		check(f.SetSheetRow(workbook.SheetNarrative, cell("A", i+2), &[]any{it.Part, it.Heading, it.Text}))
	}
	h := y.Header
	values := map[string]any{
		"co_quan_chu_quan": h.SuperiorBody, "co_quan": h.Body, "so": h.Number, "ky_hieu": h.Symbol, "dia_danh": h.Place,
		"ngay": h.Date.Format("02/01/2006"), "kinh_gui": strings.Join(h.Recipients, "\n"), "can_cu": h.Basis,
		"tham_quyen": h.Authority, "chuc_vu": h.Title, "nguoi_ky": h.Signer, "noi_nhan": strings.Join(h.Distribution, "\n"),
	}
	all, err := f.GetRows(workbook.SheetHeader)
	check(err)
	for i, r := range all {
		if len(r) >= 4 {
			if v, ok := values[r[3]]; ok {
				check(f.SetCellValue(workbook.SheetHeader, cell("B", i+1), v))
			}
		}
	}
	check(f.Save())
}

func docText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := docxpkg.Text(b)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestInitHintNamesYearInput: where the year already has its figures in YAML,
// init leaves it alone and its closing hint names that file, not a workbook it
// did not create.
func TestInitHintNamesYearInput(t *testing.T) {
	dir := t.TempDir()
	dataDir := filepath.Join(dir, "data")
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dataDir, "2021.yaml"), "nam: 2021\n")
	code, out, errOut := runCLI(t, "init", dir, "--nam", "2021")
	slash := filepath.ToSlash(dataDir)
	if code != 0 || strings.Contains(out, "2021.xlsx") || !strings.Contains(errOut, "Bỏ qua "+slash+"/2021.xlsx: năm 2021 đã có tệp số liệu 2021.yaml\n") {
		t.Fatalf("code %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	want := "Đã tạo 4 tệp. Điền số liệu năm 2021 vào " + slash + "/2021.yaml, rồi chạy trong thư mục " + filepath.ToSlash(dir) + ": baocao validate 2021 và baocao generate 2021.\n"
	if !strings.HasSuffix(errOut, want) {
		t.Errorf("hint:\n got %s\nwant %s", errOut, want)
	}
	if _, err := os.Stat(filepath.Join(dataDir, "2021.xlsx")); !os.IsNotExist(err) {
		t.Error("a workbook was made beside 2021.yaml")
	}

	// Without it, the hint names the workbook init made.
	dir = t.TempDir()
	_, _, errOut = runCLI(t, "init", dir, "--nam", "2021")
	if !strings.Contains(errOut, "Đã tạo 5 tệp. Điền số liệu năm 2021 vào "+filepath.ToSlash(filepath.Join(dir, "data", "2021.xlsx"))+", ") {
		t.Errorf("hint: %s", errOut)
	}
}
