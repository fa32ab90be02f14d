package main

import (
	"bytes"
	"encoding/json"
	"fmt"
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
	"github.com/baocao/baocao/report/render"
	"github.com/baocao/baocao/report/workbook"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// jsonReport mirrors the documented JSON schema of validate --format json.
type jsonReport struct {
	Valid    *bool `json:"valid"`
	Errors   *int  `json:"errors"`
	Warnings *int  `json:"warnings"`
	Findings []struct {
		Severity string `json:"severity"`
		Code     string `json:"code"`
		File     string `json:"file"`
		Line     int    `json:"line"`
		Sheet    string `json:"sheet"`
		Cell     string `json:"cell"`
		Message  string `json:"message"`
		Fix      string `json:"fix"`
	} `json:"findings"`
}

func decodeReport(t *testing.T, out string) jsonReport {
	t.Helper()
	var rep jsonReport
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("output is not the documented JSON: %v\n%s", err, out)
	}
	if rep.Valid == nil || rep.Errors == nil || rep.Warnings == nil || rep.Findings == nil {
		t.Fatalf("a field is missing:\n%s", out)
	}
	return rep
}

// sampleWorkspace copies the embedded sample into a new folder, with edits:
// file name → replacements, old and new text in turn.
func sampleWorkspace(t *testing.T, edits map[string][]string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := fs.ReadDir(data.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := fs.ReadFile(data.FS, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, e.Name()), edit(t, string(b), edits[e.Name()]))
	}
	return dir
}

func edit(t *testing.T, s string, pairs []string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("%q not in the sample", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// line is the 1-based line of a file holding needle.
func line(t *testing.T, file, needle string) int {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(b), "\n") {
		if strings.Contains(l, needle) {
			return i + 1
		}
	}
	t.Fatalf("no line with %q in %s", needle, file)
	return 0
}

// TestValidateCorpus breaks the sample in one place at a time, as a user might,
// and expects exactly one finding with its code, severity and place.
func TestValidateCorpus(t *testing.T) {
	const y21, y20, cat = "2021.yaml", "2020.yaml", "chi-tieu.yaml"
	b, err := fs.ReadFile(data.FS, y21)
	if err != nil {
		t.Fatal(err)
	}
	s21 := string(b) // the whole of it, to replace
	cases := []struct {
		name   string
		file   string   // the file edited, and where the finding is
		edits  []string // old, new, …
		others map[string][]string
		code   string
		sev    string
		at     string // the finding's line holds this text; "" for the whole file
		fix    string
	}{
		// Problems the readers find.
		{name: "text for a number", file: y21, edits: []string{"thuc_hien: 130,", "thuc_hien: 13o,"}, code: "not-a-number", sev: "error", at: "13o"},
		{name: "misspelt code", file: y21, edits: []string{"  XB_TO_CHUC: 11", "  XB_TO_CHU: 11"}, code: "unknown-indicator", sev: "error", at: "XB_TO_CHU:"},
		{name: "code given twice", file: y21, edits: []string{"  TT_SO_CUOC: 4\n", "  TT_SO_CUOC: 4\n  TT_SO_CUOC: 5\n"}, code: "duplicate-key", sev: "error", at: "TT_SO_CUOC: 5"},
		{name: "list for a number", file: y21, edits: []string{"  TT_SO_CUOC: 4", "  TT_SO_CUOC: [4]"}, code: "yaml-syntax", sev: "error", at: "[4]"},
		{name: "broken YAML", file: y21, edits: []string{"  TT_SO_CUOC: 4", "  TT_SO_CUOC: \"4"}, code: "yaml-syntax", sev: "error", at: ""},
		{name: "misspelt field", file: y21, edits: []string{"ghi_chu: \"số liệu", "ghichu: \"số liệu"}, code: "unknown-field", sev: "warning", at: "ghichu", fix: "có phải ý là «ghi_chu»?"},
		{name: "wrong year", file: y21, edits: []string{"nam: 2021", "nam: 2022"}, code: "period-mismatch", sev: "error", at: "nam: 2022", fix: "sửa thành 2021"},
		{name: "impossible ranking", file: y21, edits: []string{"XH_ICT: 11/63", "XH_ICT: 64/63"}, code: "bad-ranking", sev: "error", at: "64/63"},
		{name: "quantity as ranking", file: y21, edits: []string{"  XH_ICT: 11/63\n", "  XH_ICT: 11/63\n  TIN_BAI: 2/63\n"}, code: "not-a-ranking", sev: "error", at: "TIN_BAI: 2/63"},
		{name: "unknown part", file: y21, edits: []string{"phan: de_xuat", "phan: de_xuatt"}, code: "unknown-part", sev: "error", at: "de_xuatt", fix: "có phải ý là «de_xuat»?"},
		{name: "bad flag", file: y21, edits: []string{"thuc_hien: 130, uoc: true", "thuc_hien: 130, uoc: chac"}, code: "not-a-flag", sev: "error", at: "uoc: chac"},
		{name: "bad date", file: y21, edits: []string{"ngay: 2021-12-10", "ngay: 2021-13-45"}, code: "bad-date", sev: "error", at: "2021-13-45"},
		{name: "empty file", file: y21, edits: []string{s21, "# chưa có số liệu\n"}, code: "empty-file", sev: "error", at: ""},
		// Problems in the catalogue stop the check of the years.
		{name: "indicator declared twice", file: cat, edits: []string{"  - ma: XH_CONG_TTDT\n", "  - ma: XH_CONG_DVC # lần hai\n"}, code: "duplicate-indicator", sev: "error", at: "lần hai"},
		{name: "bad kind", file: cat, edits: []string{"loai: ty_le\n    thap_phan: 1\n    cong_thuc: DVC_34", "loai: ti_le\n    thap_phan: 1\n    cong_thuc: DVC_34"}, code: "bad-kind", sev: "error", at: "ti_le"},
		{name: "bad formula", file: cat, edits: []string{"cong_thuc: DVC_34 / TTHC_TONG * 100", "cong_thuc: DVC_34 / / TTHC_TONG"}, code: "bad-formula", sev: "error", at: "cong_thuc: DVC_34 / / TTHC_TONG"},
		{name: "whole unknown", file: cat, edits: []string{"thuoc: PH_CO_SO", "thuoc: PH_COSO"}, code: "unknown-indicator", sev: "error", at: "thuoc: PH_COSO"},
		{name: "code in lower case", file: cat, edits: []string{"  - ma: DON_TO_CAO", "  - ma: Don_To_Cao"}, code: "bad-code", sev: "error", at: "Don_To_Cao"},
		{name: "unknown group", file: cat, edits: []string{"    nhom: XH\n    loai: xep_hang", "    nhom: XHH\n    loai: xep_hang"}, code: "unknown-group", sev: "error", at: "nhom: XHH"},
		{name: "bad direction", file: cat, edits: []string{"chieu: giam", "chieu: xuong"}, code: "bad-direction", sev: "error", at: "chieu: xuong"},
		{name: "target without comparison", file: cat, edits: []string{`muc_tieu: ">= 40"`, `muc_tieu: "40"`}, code: "bad-target", sev: "error", at: `muc_tieu: "40"`},
		{name: "bad threshold", file: cat, edits: []string{"nguong_bien_dong: 100", "nguong_bien_dong: 0"}, code: "bad-threshold", sev: "error", at: "nguong_bien_dong: 0"},
		// Problems the content checks find.
		// A figure left out omits the sentences about it, with one warning.
		{name: "no value", file: y21, edits: []string{"  TT_SO_CUOC: 4", "  TT_SO_CUOC:"}, code: "omitted", sev: "warning", at: "TT_SO_CUOC:"},
		{name: "input the template needs left out", file: y21, edits: []string{"  HS_TONG: 92.329\n", ""}, code: "omitted", sev: "warning", at: ""},
		{name: "required figure left out", file: y21, edits: []string{"  TT_SO_CUOC: 4", "  TT_SO_CUOC:"},
			others: map[string][]string{cat: {"  - ma: TT_SO_CUOC\n", "  - ma: TT_SO_CUOC\n    bat_buoc: true\n"}}, code: "missing-value", sev: "error", at: "TT_SO_CUOC:"},
		{name: "negative", file: y21, edits: []string{"  TT_SO_CUOC: 4", "  TT_SO_CUOC: -4"}, code: "negative-value", sev: "error", at: "-4", fix: "có phải ý là «4»?"},
		{name: "rate above 100", file: y21, edits: []string{"  TL_XB_SACH: 45", "  TL_XB_SACH: 145"}, code: "rate-out-of-range", sev: "error", at: "145"},
		{name: "part above whole", file: y21, edits: []string{"  DVC_34: 1.626", "  DVC_34: 1.826"}, code: "part-exceeds-whole", sev: "error", at: "DVC_34: 1.826"},
		{name: "plan dropped", file: y21, others: map[string][]string{y20: {"  TB_TRA_SAU: 150.000", "  TB_TRA_SAU: {thuc_hien: 150.000, ke_hoach: 152.000}"}},
			code: "plan-missing", sev: "warning", at: "TB_TRA_SAU:"},
		{name: "same period disagrees", file: y21, edits: []string{"cung_ky: 158", "cung_ky: 185"}, code: "same-period-mismatch", sev: "warning", at: "cung_ky: 185"},
		{name: "implausible rise", file: y21, edits: []string{"DT_VIEN_THONG: {thuc_hien: 1.150,", "DT_VIEN_THONG: {thuc_hien: 2.600,"}, code: "implausible-change", sev: "warning", at: "2.600"},
		{name: "thousandfold slip", file: y21, edits: []string{"DT_VIEN_THONG: {thuc_hien: 1.150,", "DT_VIEN_THONG: {thuc_hien: 1.150.000,"}, code: "implausible-change", sev: "warning", at: "1.150.000", fix: "có phải ý là «1.150»?"},
		{name: "same as last year", file: y21, edits: []string{"DT_IN: {thuc_hien: 180,", "DT_IN: {thuc_hien: 158,"}, code: "same-as-last-year", sev: "warning", at: "DT_IN:"},
		{name: "rate typed over the computed one", file: y21, edits: []string{"  DVC_QG: 1.017\n", "  DVC_QG: 1.017\n  TL_DVC_34: 95\n"}, code: "derived-entered", sev: "warning", at: "TL_DVC_34: 95"},
		{name: "ranking among quantities", file: y21, edits: []string{"  DVC_QG: 1.017\n", "  DVC_QG: 1.017\n  XH_ICT: 11\n"}, code: "not-a-ranking", sev: "error", at: "XH_ICT: 11"},
		{name: "last year's column pasted", file: y21, edits: []string{
			"thuc_hien: 130,", "thuc_hien: 120,", "thuc_hien: 148.000,", "thuc_hien: 150.000,", "TB_INTERNET: {thuc_hien: 315.000,", "TB_INTERNET: {thuc_hien: 285.068,",
			"thuc_hien: 1.150,", "thuc_hien: 1.597,", "DT_IN: {thuc_hien: 180,", "DT_IN: {thuc_hien: 158,"}, code: "prev-year-copied", sev: "warning", at: ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			edits := map[string][]string{}
			for k, v := range c.others {
				edits[k] = v
			}
			if c.edits != nil {
				edits[c.file] = c.edits
			}
			dir := sampleWorkspace(t, edits)
			code, out, errOut := runCLI(t, "validate", "--data", dir, "--format", "json", "2021")
			rep := decodeReport(t, out)
			if len(rep.Findings) != 1 {
				t.Fatalf("want one finding %s, got %d:\n%s", c.code, len(rep.Findings), out)
			}
			f := rep.Findings[0]
			file := filepath.ToSlash(filepath.Join(dir, c.file))
			wantLine := 0
			if c.at != "" {
				wantLine = line(t, filepath.Join(dir, c.file), c.at)
			}
			if c.name == "broken YAML" && f.Line > 0 && f.Line <= line(t, filepath.Join(dir, c.file), "TT_SO_CUOC") {
				wantLine = f.Line // the YAML parser names a line at or before the fault: the block it could not finish
			}
			if f.Code != c.code || f.Severity != c.sev || f.File != file || f.Line != wantLine || f.Sheet != "" || f.Cell != "" {
				t.Errorf("got %s %s at %s:%d, want %s %s at %s:%d", f.Severity, f.Code, f.File, f.Line, c.sev, c.code, file, wantLine)
			}
			if c.fix != "" && f.Fix != c.fix {
				t.Errorf("fix %q, want %q", f.Fix, c.fix)
			}
			wantExit := 0
			if c.sev == "error" {
				wantExit = 1
			}
			if code != wantExit || *rep.Valid != (wantExit == 0) {
				t.Errorf("exit %d valid %v, want exit %d; stderr %s", code, *rep.Valid, wantExit, errOut)
			}
		})
	}
}

// TestValidateWorkbook checks a workbook input: places are sheet and cell.
func TestValidateWorkbook(t *testing.T) {
	dir := sampleWorkspace(t, nil)
	ws, err := input.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	cat, _, err := ws.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	y, fs, err := ws.Figures(model.YearPeriod(2021), cat)
	if err != nil || len(fs) > 0 {
		t.Fatal(err, fs)
	}
	// DVC_34 larger than TTHC_TONG, its whole.
	v := decimal.NewFromInt(1826)
	y.Entry("DVC_34").Actual = &v
	var b bytes.Buffer
	if err := workbook.Write(&b, cat, model.YearPeriod(2021), y, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "2021.yaml")); err != nil {
		t.Fatal(err)
	}
	xlsx := filepath.Join(dir, "2021.xlsx")
	writeFile(t, xlsx, b.String())

	// The cell holding DVC_34's value: the row of its code, the "Thực hiện" column.
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(workbook.SheetEntries)
	f.Close()
	cell := ""
	for r, row := range rows {
		if !slices.Contains(row, "DVC_34") {
			continue
		}
		for col, title := range rows[0] {
			if title == "Thực hiện" {
				cell, _ = excelize.CoordinatesToCellName(col+1, r+1)
			}
		}
	}
	if cell == "" {
		t.Fatalf("no DVC_34 row in %v", rows[:2])
	}

	code, out, _ := runCLI(t, "validate", "--data", dir, "--format", "json", "2021")
	rep := decodeReport(t, out)
	if code != 1 || len(rep.Findings) != 1 {
		t.Fatalf("exit %d, findings:\n%s", code, out)
	}
	got := rep.Findings[0]
	if got.Code != "part-exceeds-whole" || got.File != filepath.ToSlash(xlsx) || got.Sheet != workbook.SheetEntries || got.Cell != cell || got.Line != 0 {
		t.Errorf("got %+v, want part-exceeds-whole at %s!%s", got, workbook.SheetEntries, cell)
	}
	code, out, _ = runCLI(t, "validate", "--data", dir, "2021")
	if want := filepath.ToSlash(xlsx) + ": Chỉ tiêu!" + cell; code != 1 || !strings.Contains(out, want) {
		t.Errorf("text output lacks %q:\n%s", want, out)
	}
}

func TestValidateSample(t *testing.T) {
	// No data/ here: the embedded sample, every year of it.
	code, out, errOut := runCLI(t, "validate")
	if code != 0 || out != "Không có lỗi.\n" {
		t.Errorf("sample: exit %d, out %q, err %q", code, out, errOut)
	}
	for _, want := range []string{"bộ số liệu mẫu", "(mẫu có sẵn)/2020.yaml", "(mẫu có sẵn)/2021.yaml"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q: %q", want, errOut)
		}
	}
	code, out, _ = runCLI(t, "validate", "--format", "json", "2021", "--strict")
	rep := decodeReport(t, out)
	if code != 0 || !*rep.Valid || *rep.Errors != 0 || *rep.Warnings != 0 || len(rep.Findings) != 0 {
		t.Errorf("sample json: exit %d\n%s", code, out)
	}
}

func TestValidateTextAndStrict(t *testing.T) {
	dir := sampleWorkspace(t, map[string][]string{"2021.yaml": {"cung_ky: 158", "cung_ky: 185", "  TT_SO_CUOC: 4", "  TT_SO_CUOC: -4"}})
	code, out, _ := runCLI(t, "validate", "--data", dir)
	var lines []string // a finding's first line: long messages fold onto indented lines
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if !strings.HasPrefix(l, " ") {
			lines = append(lines, l)
		}
	}
	if code != 1 || len(lines) != 4 || !strings.HasPrefix(lines[0], "VỊ TRÍ") || lines[3] != "1 lỗi, 1 cảnh báo." {
		t.Fatalf("exit %d, text:\n%s", code, out)
	}
	// Sorted by line: DT_IN comes before TT_SO_CUOC in the file.
	if !strings.Contains(lines[1], "same-period-mismatch") || !strings.Contains(lines[2], "negative-value") {
		t.Errorf("order:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour in output that is not a terminal")
	}

	warnOnly := sampleWorkspace(t, map[string][]string{"2021.yaml": {"cung_ky: 158", "cung_ky: 185"}})
	if code, _, _ := runCLI(t, "validate", "--data", warnOnly); code != 0 {
		t.Errorf("warnings only: exit %d, want 0", code)
	}
	if code, _, _ := runCLI(t, "validate", "--data", warnOnly, "--strict"); code != 1 {
		t.Errorf("warnings only with --strict: exit %d, want 1", code)
	}
}

func TestValidateFiles(t *testing.T) {
	ws := sampleWorkspace(t, nil)
	// A file outside the workspace, with last year's file beside it: that one
	// is the comparison, not the workspace's.
	other := t.TempDir()
	b, _ := fs.ReadFile(data.FS, "2021.yaml")
	writeFile(t, filepath.Join(other, "2021.yaml"), string(b))
	writeFile(t, filepath.Join(other, "2020.yaml"), "nam: 2020\nchi_tieu:\n  DT_IN: 150\n")
	code, out, errOut := runCLI(t, "validate", "--data", ws, "--format", "json", filepath.Join(other, "2021.yaml"))
	rep := decodeReport(t, out)
	if code != 0 || len(rep.Findings) != 1 || rep.Findings[0].Code != "same-period-mismatch" ||
		!strings.Contains(rep.Findings[0].Message, filepath.ToSlash(filepath.Join(other, "2020.yaml"))) {
		t.Errorf("exit %d, stderr %s\n%s", code, errOut, out)
	}

	// Without one beside it, last year comes from the workspace.
	alone := t.TempDir()
	writeFile(t, filepath.Join(alone, "so-lieu-2021.yaml"), strings.Replace(string(b), "cung_ky: 158", "cung_ky: 185", 1))
	code, out, _ = runCLI(t, "validate", "--data", ws, "--format", "json", filepath.Join(alone, "so-lieu-2021.yaml"))
	rep = decodeReport(t, out)
	if code != 0 || len(rep.Findings) != 1 || !strings.Contains(rep.Findings[0].Message, filepath.ToSlash(filepath.Join(ws, "2020.yaml"))) {
		t.Errorf("exit %d\n%s", code, out)
	}

	// A file whose year nothing tells.
	writeFile(t, filepath.Join(alone, "so-lieu.yaml"), "chi_tieu:\n  DT_IN: 150\n")
	code, out, _ = runCLI(t, "validate", "--data", ws, "--format", "json", filepath.Join(alone, "so-lieu.yaml"))
	rep = decodeReport(t, out)
	if code != 1 || len(rep.Findings) != 1 || rep.Findings[0].Code != "missing-value" || rep.Findings[0].Line != 0 {
		t.Errorf("no year: exit %d\n%s", code, out)
	}

	// A format nobody reads.
	writeFile(t, filepath.Join(alone, "2021.txt"), "130")
	code, out, _ = runCLI(t, "validate", "--data", ws, "--format", "json", filepath.Join(alone, "2021.txt"))
	rep = decodeReport(t, out)
	if code != 1 || len(rep.Findings) != 1 || rep.Findings[0].Code != "unknown-format" {
		t.Errorf("txt: exit %d\n%s", code, out)
	}
}

func TestValidateCannotRun(t *testing.T) {
	ws := sampleWorkspace(t, nil)
	if err := os.Mkdir(filepath.Join(ws, "2019.xlsx"), 0o755); err != nil {
		t.Fatal(err)
	}
	b2020, err := os.ReadFile(filepath.Join(ws, "2020.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(ws, "2020.yml"), string(b2020))
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", "--data", ws, "2019"}, "không có tệp số liệu năm 2019: " + filepath.Join(ws, "2019.xlsx") + " là một thư mục, không phải tệp"},
		{[]string{"validate", "--data", ws, "2018"}, "không có tệp số liệu năm 2018: cần"},
		{[]string{"validate", "--data", ws, "2020"}, "Lỗi: năm 2020 có hai tệp số liệu: " + filepath.Join(ws, "2020.yaml") + " và " + filepath.Join(ws, "2020.yml") + "; hãy giữ lại một tệp"},
		{[]string{"validate", "--data", ws, "--format", "xml"}, "định dạng «xml» không hợp lệ"},
		{[]string{"validate", "--data", filepath.Join(ws, "khong-co")}, "không có thư mục số liệu"},
		{[]string{"validate", "--data", ws, filepath.Join(ws, "khong-co.yaml")}, "không có tệp hoặc thư mục này"},
		{[]string{"validate", "--data", ws, "123"}, "kỳ báo cáo «123» không đúng dạng"},
		{[]string{"validate", "--data", ws, "2022-Q5"}, "kỳ báo cáo «2022-Q5»: không có quý 5"},
		{[]string{"validate", "--data", t.TempDir()}, "không có danh mục chỉ tiêu chi-tieu.yaml"},
	} {
		code, out, errOut := runCLI(t, c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, out %q, err %q; want 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
	// A workspace with a catalogue and no year.
	empty := t.TempDir()
	b, _ := fs.ReadFile(data.FS, input.CatalogueFile)
	writeFile(t, filepath.Join(empty, input.CatalogueFile), string(b))
	if code, _, errOut := runCLI(t, "validate", "--data", empty); code != 2 || !strings.Contains(errOut, "không có tệp số liệu nào (ví dụ 2021.yaml, 2022-6T.xlsx)") {
		t.Errorf("no year: exit %d, %q", code, errOut)
	}
}

// generate runs the same checks: errors stop it, warnings are shown.
func TestGenerateRunsTheChecks(t *testing.T) {
	broken := sampleWorkspace(t, map[string][]string{"2021.yaml": {"  DVC_34: 1.626", "  DVC_34: 1.826"}})
	out := filepath.Join(t.TempDir(), "bao-cao.docx")
	code, _, errOut := runCLI(t, "generate", "2021", "--data", broken, "-o", out)
	if code != 1 || !strings.Contains(errOut, "1.826 > 1.725") {
		t.Errorf("exit %d, stderr %s", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a report was written despite the error")
	}

	warned := sampleWorkspace(t, map[string][]string{"2021.yaml": {"cung_ky: 158", "cung_ky: 185"}})
	code, _, errOut = runCLI(t, "generate", "2021", "--data", warned, "-o", out)
	if code != 0 || strings.Count(errOut, "số cùng kỳ 185 khác số liệu năm 2020") != 1 {
		t.Errorf("the warning should appear once: exit %d, stderr %s", code, errOut)
	}
}

// validate passes exactly when generate would: a header fact the template
// prints but the input lacks shows in both, with the place to fill it in.
func TestValidateAgreesWithGenerate(t *testing.T) {
	ws := sampleWorkspace(t, map[string][]string{"2021.yaml": {"  nguoi_ky: Nguyễn Văn An\n", "  nguoi_ky: \"\"\n"}})
	code, out, _ := runCLI(t, "validate", "2021", "--data", ws, "--format", "json")
	rep := decodeReport(t, out)
	if code != 1 || len(rep.Findings) != 1 || rep.Findings[0].Code != "template-value" ||
		!strings.Contains(rep.Findings[0].Message, "thiếu họ tên người ký (nguoi_ky): điền vào "+filepath.ToSlash(filepath.Join(ws, "2021.yaml"))+":") {
		t.Errorf("validate: exit %d\n%s", code, out)
	}
	code, _, errOut := runCLI(t, "generate", "2021", "--data", ws, "-o", filepath.Join(t.TempDir(), "bao-cao.docx"))
	if code != 1 || !strings.Contains(errOut, "thiếu họ tên người ký") {
		t.Errorf("generate: exit %d\n%s", code, errOut)
	}
}

// A template generate refuses for the workspace's catalogue (the default one
// names an indicator this catalogue calls otherwise) fails validate too, with
// the same errors at the same paragraphs, each saying what to do.
func TestValidateRefusesWhatGenerateRefuses(t *testing.T) {
	renamed := []string{"DT_BUU_CHINH", "DT_BUU_PHAM"}
	ws := sampleWorkspace(t, map[string][]string{"chi-tieu.yaml": renamed, "2020.yaml": renamed, "2021.yaml": renamed})
	code, out, _ := runCLI(t, "validate", "2021", "--data", ws, "--format", "json")
	rep := decodeReport(t, out)
	var paragraphs []string
	for _, f := range rep.Findings {
		if f.Code == "template-error" && f.File == input.DefaultTemplateName && strings.Contains(f.Message, "«DT_BUU_CHINH»") && f.Fix == render.DefaultTemplateFix {
			paragraphs = append(paragraphs, strings.SplitN(f.Message, " «", 2)[0])
		}
	}
	if code != 1 || len(paragraphs) == 0 || len(paragraphs) != *rep.Errors {
		t.Fatalf("validate: exit %d, template errors at %v\n%s", code, paragraphs, out)
	}
	code, _, errOut := runCLI(t, "generate", "2021", "--data", ws, "-o", filepath.Join(t.TempDir(), "bao-cao.docx"))
	if code != 1 || !strings.Contains(errOut, fmt.Sprintf("có %d lỗi cần sửa", *rep.Errors)) {
		t.Errorf("generate: exit %d, want the %d errors of validate\n%s", code, *rep.Errors, errOut)
	}
	for _, p := range paragraphs {
		if !strings.Contains(errOut, p+" «") {
			t.Errorf("generate does not report %s:\n%s", p, errOut)
		}
	}
}

// In the default catalogue, complaints received have no good direction and
// sanctions are fewer-is-better: a fall in complaints is no "chiều hướng chưa
// tốt", and a count of sanctioned bodies is "là", not "đạt", a value.
func TestDefaultCatalogueDirections(t *testing.T) {
	ws := sampleWorkspace(t, map[string][]string{
		"2020.yaml": {"chi_tieu:\n", "chi_tieu:\n  DON_THU: 50\n  TT_TO_CHUC_XU_PHAT: 1\n"},
		"2021.yaml": {"  DON_THU: {thuc_hien: 10,", "  DON_THU: {thuc_hien: 45,"},
	})
	out := filepath.Join(t.TempDir(), "bao-cao.docx")
	if code, _, errOut := runCLI(t, "generate", "2021", "--data", ws, "-o", out); code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, errOut)
	}
	text := docText(t, out)
	_, worse, found := strings.Cut(text, "chiều hướng chưa tốt")
	if !found {
		t.Fatalf("no list of worse indicators:\n%s", text)
	}
	var items []string // the list's lines, each "+ …"
	for _, l := range strings.Split(worse, "\n")[1:] {
		if !strings.HasPrefix(l, "+ ") {
			break
		}
		items = append(items, l)
	}
	worse = strings.Join(items, "\n")
	if strings.Contains(worse, "Đơn thư") {
		t.Errorf("complaints received listed as a worse trend:\n%s", worse)
	}
	if !strings.Contains(worse, "+ Tổ chức bị xử phạt vi phạm hành chính là 03 tổ chức, tăng 02 tổ chức") {
		t.Errorf("sanctioned bodies should rise as a worse trend, worded with «là»:\n%q", worse)
	}
}

// A copy of an input that is never read ("2021 (1).yaml", edited instead of
// 2021.yaml) is pointed out, with the file read in its place; baocao's own
// backups and Excel's lock files are not.
func TestUnreadCopies(t *testing.T) {
	ws := sampleWorkspace(t, nil)
	sample, err := os.ReadFile(filepath.Join(ws, "2021.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"2021 (1).yaml", "2020-ban-sua.yaml", "ghi-chu.yml", "~$2021.xlsx", "2021.ban-cu-2026-12-07-083015.yaml", "LUU-Y.txt"} {
		writeFile(t, filepath.Join(ws, name), string(sample))
	}
	unread := func(out string) []string {
		var files []string
		for _, f := range decodeReport(t, out).Findings {
			if f.Code == "unread-file" {
				files = append(files, filepath.Base(f.File)+": "+f.Message)
			}
		}
		slices.Sort(files)
		return files
	}
	_, out, _ := runCLI(t, "validate", "--data", ws, "--format", "json")
	want := []string{
		"2020-ban-sua.yaml: tệp này không được đọc: số liệu năm 2020 được đọc từ " + filepath.Join(ws, "2020.yaml"),
		"2021 (1).yaml: tệp này không được đọc: số liệu năm 2021 được đọc từ " + filepath.Join(ws, "2021.yaml"),
		"ghi-chu.yml: tệp này không được đọc: chỉ các tệp đặt tên theo kỳ (ví dụ 2025.xlsx, 2025-6T.yaml, 2025-Q3.xlsx) là số liệu",
	}
	if got := unread(out); !slices.Equal(got, want) {
		t.Errorf("validate of the workspace:\n got %q\nwant %q", got, want)
	}
	_, out, _ = runCLI(t, "validate", "2021", "--data", ws, "--format", "json")
	if got := unread(out); !slices.Equal(got, want[1:2]) {
		t.Errorf("validate 2021: got %q, want %q", got, want[1:2])
	}
	code, _, errOut := runCLI(t, "generate", "2021", "--data", ws, "-o", filepath.Join(t.TempDir(), "bao-cao.docx"))
	if code != 0 || strings.Count(errOut, "không được đọc") != 1 || !strings.Contains(errOut, "2021 (1).yaml: cảnh báo: tệp này không được đọc") {
		t.Errorf("generate 2021: exit %d\n%s", code, errOut)
	}
}

// A file of the workspace named by its path is read against the workspace's
// catalogue, which is checked, and its findings listed, once.
func TestValidateFileOfTheWorkspace(t *testing.T) {
	ws := sampleWorkspace(t, map[string][]string{"chi-tieu.yaml": {"\nnhom:", "\nban_hanh: 2021\nnhom:"}})
	code, out, errOut := runCLI(t, "validate", filepath.Join(ws, "2021.yaml"), "--data", ws, "--format", "json")
	n := 0
	for _, f := range decodeReport(t, out).Findings {
		if filepath.Base(f.File) == "chi-tieu.yaml" {
			n++
		}
	}
	if code != 0 || n != 1 || strings.Count(errOut, "chi-tieu.yaml") != 1 {
		t.Errorf("exit %d, %d findings of the catalogue, stderr %q\n%s", code, n, errOut, out)
	}
}

// Estimated figures are never stated as done facts: a sentence telling what
// was done says, in brackets, that its figures are estimates, beside the
// note entered with them.
func TestEstimatesSaidSo(t *testing.T) {
	ws := sampleWorkspace(t, map[string][]string{"2021.yaml": {
		"  TT_SO_CUOC: 4\n", "  TT_SO_CUOC: {thuc_hien: 4, uoc: true}\n",
		"  TT_TO_CHUC_XU_PHAT: 3\n", "  TT_TO_CHUC_XU_PHAT: {thuc_hien: 3, uoc: true}\n",
		"  TT_TIEN_PHAT: 23.000.000\n", "  TT_TIEN_PHAT: {thuc_hien: 23.000.000, uoc: true}\n",
		`{thuc_hien: 10, ghi_chu: "số liệu 10 tháng đầu năm"}`, `{thuc_hien: 10, uoc: true, ghi_chu: "số liệu 10 tháng đầu năm"}`,
	}})
	out := filepath.Join(t.TempDir(), "bao-cao.docx")
	if code, _, errOut := runCLI(t, "generate", "2021", "--data", ws, "-o", out); code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, errOut)
	}
	text := docText(t, out)
	for _, want := range []string{
		"Đoàn thanh tra, kiểm tra (số liệu ước tính) đã tiến hành lập biên bản xử lý vi phạm hành chính đối với 03 tổ chức với số tiền ước là 23.000.000 đồng",
		"Trong năm 2021 (số liệu 10 tháng đầu năm, ước tính), Thanh tra Sở đã tiếp nhận 10 đơn thư",
		"Thanh tra Sở (số liệu ước tính) đã tiến hành 04 cuộc thanh tra, kiểm tra",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

// A catalogue that cannot be read stops generate with its findings, as it
// stops validate: neither figures nor template can be read against it.
func TestGenerateWithABrokenCatalogue(t *testing.T) {
	for _, text := range []string{"x\n", "", "nhom: [\n"} {
		ws := sampleWorkspace(t, nil)
		writeFile(t, filepath.Join(ws, "chi-tieu.yaml"), text)
		code, out, errOut := runCLI(t, "generate", "2021", "--data", ws, "-o", filepath.Join(t.TempDir(), "bao-cao.docx"))
		if code != 1 || out != "" || !strings.Contains(errOut, "chi-tieu.yaml") || !strings.Contains(errOut, "Chưa lập báo cáo: có 1 lỗi cần sửa.") {
			t.Errorf("catalogue %q: exit %d, out %q, err %q", text, code, out, errOut)
		}
	}
}
