package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/textwidth"

	"github.com/baocao/baocao/report/diff"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/baocao/baocao/report/workbook"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// diffLine finds the table line of an indicator and returns its fields, split on
// runs of two or more spaces (the column gap).
func diffLine(t *testing.T, out, code string) []string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, code+" ") {
			return cells(l)
		}
	}
	t.Fatalf("no line for %s in\n%s", code, out)
	return nil
}

func cells(line string) []string {
	var fields []string
	for _, f := range strings.Split(line, "  ") {
		if f = strings.TrimSpace(f); f != "" {
			fields = append(fields, f)
		}
	}
	return fields
}

func TestDiffSample(t *testing.T) {
	code, out, errOut := runCLI(t, "diff", "2020", "2021")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "bộ số liệu mẫu") {
		t.Errorf("the sample should be announced on stderr: %q", errOut)
	}
	for codeName, want := range map[string]string{
		"DT_BUU_CHINH":  "DT_BUU_CHINH|tỷ đồng|120|130|+10|tăng 8,3%|110|118,2%",
		"DT_VIEN_THONG": "DT_VIEN_THONG|tỷ đồng|1.597|1.150|-447|giảm 28%|1.691|68%",
		"TB_TRA_SAU":    "TB_TRA_SAU|thuê bao|150.000|148.000|-2.000|giảm 1,3%",
	} {
		if got := strings.Join(diffLine(t, out, codeName), "|"); got != want {
			t.Errorf("%s:\n got %s\nwant %s", codeName, got, want)
		}
	}
	// Names fold under their code, whole words, and the table fits 100 columns.
	if !strings.Contains(out, "\nDT_BUU_CHINH ") || !strings.Contains(out, "\nDoanh thu bưu chính,\nchuyển phát\n") {
		t.Errorf("name under its code:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if textwidth.Width(l) > 100 {
			t.Errorf("wider than 100 columns: %q", l)
		}
	}
	if !strings.HasSuffix(out, "\n46 chỉ tiêu: 3 tăng, 2 giảm, 0 tương đương, 41 mới\n") {
		t.Errorf("summary line:\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour on a non-terminal")
	}
	// --exit-code: differences give exit 1, after the output.
	code, out, _ = runCLI(t, "diff", "2020", "2021", "--exit-code", "--group", "BCVT", "--only-changed")
	if code != 1 || !strings.Contains(out, "7 chỉ tiêu: 2 tăng, 2 giảm, 0 tương đương, 3 mới") {
		t.Errorf("--exit-code: exit %d\n%s", code, out)
	}
}

// TestDiffFormats writes each format to a file and reads it back.
func TestDiffFormats(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range []string{"csv", "json", "md", "xlsx", "txt"} {
		path := filepath.Join(dir, "so-sanh."+ext)
		code, out, errOut := runCLI(t, "diff", "2021", "2020", "-o", path)
		if code != 0 || out != path+"\n" || !strings.Contains(errOut, "46 chỉ tiêu: 3 tăng, 2 giảm") {
			t.Fatalf("%s: exit %d, out %q, err %q", ext, code, out, errOut)
		}
	}
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	b, ok := bytes.CutPrefix(read("so-sanh.csv"), []byte("\xEF\xBB\xBF"))
	records, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if !ok || err != nil {
		t.Fatalf("csv: BOM %v, %v", ok, err)
	}
	for _, rec := range records {
		if rec[0] == "DT_VIEN_THONG" && strings.Join(rec[4:9], "|") != "1.597|1.150|-447|-28,0|giảm 28%" {
			t.Errorf("csv DT_VIEN_THONG: %q", rec)
		}
	}

	var doc struct {
		Columns []struct{ Year int }
		Rows    []struct {
			Code    string
			Values  []json.Number
			Changes []struct{ Text string }
		}
	}
	if err := json.Unmarshal(read("so-sanh.json"), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Columns) != 2 || doc.Columns[0].Year != 2020 || doc.Rows[0].Code != "DT_BUU_CHINH" ||
		doc.Rows[0].Values[0] != "120" || doc.Rows[0].Values[1] != "130" || doc.Rows[0].Changes[0].Text != "tăng 8,3%" {
		t.Errorf("json: %+v", doc.Rows[0])
	}

	if md := string(read("so-sanh.md")); !strings.Contains(md, "| TB_TRA_SAU | Tổng số thuê bao điện thoại cố định và di động trả sau duy trì trên mạng | thuê bao | 150.000 | 148.000 | -2.000 | giảm 1,3% |") {
		t.Errorf("markdown:\n%s", md)
	}
	if txt := string(read("so-sanh.txt")); strings.Contains(txt, "\x1b[") || !strings.Contains(txt, "tăng 8,3%") {
		t.Errorf("text file:\n%s", txt)
	}

	f, err := excelize.OpenFile(filepath.Join(dir, "so-sanh.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue(diff.SheetTable, "A2"); v != "DT_BUU_CHINH" {
		t.Errorf("A2 = %q", v)
	}
	if v, _ := f.GetCellValue(diff.SheetTable, "F8", excelize.Options{RawCellValue: true}); v != "1150" {
		t.Errorf("DT_VIEN_THONG 2021 = %q", v)
	}
	if sheets := f.GetSheetList(); len(sheets) != 2 || sheets[1] != diff.SheetChart {
		t.Errorf("sheets %q", sheets)
	}

	// JSON and CSV also go to stdout, the summary then to stderr.
	code, out, errOut := runCLI(t, "diff", "2020", "2021", "--format", "json")
	if code != 0 || !json.Valid([]byte(out)) || !strings.Contains(errOut, "46 chỉ tiêu") {
		t.Errorf("json to stdout: exit %d, err %q", code, errOut)
	}
}

// TestDiffFilesAndSeries compares files outside the workspace: a 2019 input
// written here, with the sample's years, in any order; a mixed YAML and
// workbook pair; and an older input with its own catalogue.
func TestDiffFilesAndSeries(t *testing.T) {
	dir := sampleWorkspace(t, nil)
	y2019 := filepath.Join(t.TempDir(), "2019.yaml")
	writeFile(t, y2019, "nam: 2019\nchi_tieu:\n  DT_BUU_CHINH: 100\n  DT_VIEN_THONG: 0\n")
	code, out, errOut := runCLI(t, "diff", "--data", dir, "2021", y2019, "2020")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// Too wide for one line of headings, the series folds them at their spaces.
	lines := strings.Split(out, "\n")
	header := strings.Join(cells(lines[0]), "|") + " / " + strings.Join(cells(lines[1]), "|")
	if header != "Mã, chỉ tiêu|Đơn vị|2019|2020|2021|Chênh lệch|Tăng, giảm|Chênh lệch|Tăng, giảm|Kế hoạch|Đạt KH|! / 2020/2019|2020/2019|2021/2020|2021/2020|2021" {
		t.Errorf("columns in year order: %q", header)
	}
	if got := strings.Join(diffLine(t, out, "DT_BUU_CHINH"), "|"); !strings.HasPrefix(got, "DT_BUU_CHINH|tỷ đồng|100|120|130|+20|tăng 20%|+10|tăng 8,3%|") {
		t.Errorf("series: %s", got)
	}
	if got := strings.Join(diffLine(t, out, "DT_VIEN_THONG"), "|"); !strings.Contains(got, "|0|1.597|1.150|+1.597|năm 2019|-447|giảm 28%|") {
		t.Errorf("zero base: %s", got)
	}
	if strings.Contains(out, "NaN") {
		t.Error("NaN in the output")
	}

	// 2021 as a workbook beside 2020 in YAML.
	ws, _ := input.Open(dir)
	cat, _, _ := ws.Catalogue()
	y21, _, err := ws.Figures(model.YearPeriod(2021), cat)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := workbook.Write(&b, cat, model.YearPeriod(2021), y21, time.Now()); err != nil {
		t.Fatal(err)
	}
	xlsx := filepath.Join(t.TempDir(), "2021.xlsx")
	writeFile(t, xlsx, b.String())
	code, out, errOut = runCLI(t, "diff", "--data", dir, filepath.Join(dir, "2020.yaml"), xlsx, "--group", "BCVT")
	if code != 0 {
		t.Fatalf("yaml and xlsx: exit %d: %s", code, errOut)
	}
	if got := strings.Join(diffLine(t, out, "DT_VIEN_THONG"), "|"); got != "DT_VIEN_THONG|tỷ đồng|1.597|1.150|-447|giảm 28%|1.691|68%" {
		t.Errorf("yaml and xlsx: %s", got)
	}

	// An older input beside its own catalogue, where DT_BUU_CHINH was counted in
	// triệu đồng, an indicator since dropped, and TB_TRA_SAU had another name.
	old := sampleWorkspace(t, map[string][]string{input.CatalogueFile: {
		"    ten: Doanh thu bưu chính, chuyển phát\n    don_vi: tỷ đồng", "    ten: Doanh thu bưu chính, chuyển phát\n    don_vi: triệu đồng",
		"    ten: Tổng số thuê bao điện thoại cố định và di động trả sau duy trì trên mạng", "    ten: Thuê bao trả sau",
		"chi_tieu:\n", "chi_tieu:\n  - ma: BAO_IN\n    ten: Báo in\n    don_vi: tờ\n    nhom: TTTT\n",
	}, "2020.yaml": {"  DT_BUU_CHINH: 120", "  DT_BUU_CHINH: 120000\n  BAO_IN: 12"}})
	code, out, errOut = runCLI(t, "diff", "--data", dir, filepath.Join(old, "2020.yaml"), "2021", "--format", "json")
	if code != 0 {
		t.Fatalf("own catalogue: exit %d: %s", code, errOut)
	}
	var doc struct {
		Rows []struct {
			Code, Name, Unit string
			Units            []string
			ValuesText       []string `json:"values_text"`
			Changes          []struct{ Status, Text string }
			Notes            []string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range doc.Rows {
		got[r.Code] = strings.Join([]string{r.Name, r.Unit, strings.Join(r.ValuesText, " → "), r.Changes[0].Status, r.Changes[0].Text, strings.Join(r.Notes, "; ")}, " | ")
	}
	for codeName, want := range map[string]string{
		"DT_BUU_CHINH": "Doanh thu bưu chính, chuyển phát | tỷ đồng | 120.000 → 130 | unit-changed | đổi đơn vị, không so sánh | đổi đơn vị: «triệu đồng» (năm 2020) → «tỷ đồng» (năm 2021)",
		"BAO_IN":       "Báo in | tờ | 12 →  | removed | bỏ (năm 2021 không có số liệu) | ",
		"TB_TRA_SAU":   "Tổng số thuê bao điện thoại cố định và di động trả sau duy trì trên mạng | thuê bao | 150.000 → 148.000 | down | giảm 1,3% | đổi tên: «Thuê bao trả sau» (năm 2020) → «Tổng số thuê bao điện thoại cố định và di động trả sau duy trì trên mạng» (năm 2021)",
	} {
		if got[codeName] != want {
			t.Errorf("%s:\n got %s\nwant %s", codeName, got[codeName], want)
		}
	}
}

func TestDiffRefusals(t *testing.T) {
	dir := sampleWorkspace(t, nil)
	input2021 := filepath.Join(dir, "2021.yaml")
	before, _ := os.ReadFile(input2021)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"diff", "2021"}, "cần ít nhất hai kỳ"},
		{[]string{"diff", "2020", "2021", "--format", "xlsx"}, "cần tệp kết quả"},
		{[]string{"diff", "2020", "2021", "--format", "pdf"}, "định dạng «pdf» không hợp lệ"},
		{[]string{"diff", "2020", "2021", "-o", "so-sanh.pdf"}, "đuôi .txt, .csv"},
		{[]string{"diff", "2020", "2021", "-o", "x.csv", "--format", "json"}, "không khớp"},
		{[]string{"diff", "2020", "2021", "--threshold", "mười"}, "--threshold «mười»"},
		{[]string{"diff", "2020", "2021", "--threshold", "0"}, "lớn hơn 0"},
		{[]string{"diff", "2020", "2021", "--group", "KHONG"}, "không có nhóm «KHONG» trong danh mục (các nhóm: BCVT, CNTT, TTKT, TTTT, XH)"},
		{[]string{"diff", "2020", "2021", "--group", "CNTTT"}, "không có nhóm «CNTTT» trong danh mục (các nhóm: BCVT, CNTT, TTKT, TTTT, XH); có phải ý là «CNTT»?"},
		{[]string{"diff", "--data", dir, "2020", "2021", "-o", input2021, "--format", "text"}, "trùng với tệp số liệu"},
		// Saved among the inputs as a period's name, it would be read as that period's figures.
		{[]string{"diff", "--data", dir, "2020", "2021", "-o", filepath.Join(dir, "2026.xlsx")}, "không ghi kết quả so sánh vào thư mục số liệu " + dir},
		{[]string{"diff", filepath.Join(dir, "2020.yaml"), input2021, "-o", filepath.Join(dir, "so-sanh.csv")}, "không ghi kết quả so sánh vào thư mục số liệu " + dir},
		{[]string{"diff", "--data", dir, "2021", input2021}, "được nêu hai lần"},
		{[]string{"diff", "--data", dir, "2019", "2021"}, "không có tệp số liệu năm 2019"},
	}
	for _, c := range cases {
		code, out, errOut := runCLI(t, c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, out %q, err %q; want exit 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
	if after, _ := os.ReadFile(input2021); !bytes.Equal(before, after) {
		t.Error("an input was written over")
	}
	for _, name := range []string{"2026.xlsx", "so-sanh.csv"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s was written into the workspace", name)
		}
	}

	// Input problems are listed with their place: exit 1, nothing compared.
	bad := filepath.Join(t.TempDir(), "2020.yaml")
	writeFile(t, bad, "nam: 2020\nchi_tieu:\n  DT_BUU_CHIN: 120\n")
	code, out, errOut := runCLI(t, "diff", "--data", dir, bad, "2021")
	if code != 1 || out != "" || !strings.Contains(errOut, "2020.yaml:3") || !strings.Contains(errOut, "«DT_BUU_CHINH»") || !strings.Contains(errOut, "Chưa so sánh được: có 1 lỗi cần sửa.") {
		t.Errorf("bad input: exit %d, out %q, err %q", code, out, errOut)
	}
	noYear := filepath.Join(t.TempDir(), "ban-sua.yaml")
	writeFile(t, noYear, "chi_tieu:\n  DT_BUU_CHINH: 120\n")
	code, out, errOut = runCLI(t, "diff", "--data", dir, noYear, "2021")
	if code != 1 || out != "" || !strings.Contains(errOut, "không rõ số liệu của kỳ báo cáo nào") {
		t.Errorf("input of no year: exit %d, out %q, err %q", code, out, errOut)
	}
}

func TestDiffHelp(t *testing.T) {
	code, out, _ := runCLI(t, "--help")
	if code != 0 || !strings.Contains(out, "diff") || !strings.Contains(out, "So sánh số liệu các kỳ") {
		t.Errorf("diff is listed in the help:\n%s", out)
	}
	code, out, _ = runCLI(t, "diff", "--help")
	for _, want := range []string{"--only-changed", "--threshold", "--group", "--exit-code", "baocao-diff/1", model.PeriodForms,
		"baocao diff 2021-6T 2022-6T", "baocao diff 2022-Q1 2022-Q2 2022-Q3"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("diff help lacks %q", want)
		}
	}
}

// TestDiffKeepsAnEditedOutput: diff -o replaces its own earlier output, but a
// file changed since (or never written by baocao) only with --force, which
// keeps it beside the new one.
func TestDiffKeepsAnEditedOutput(t *testing.T) {
	path := filepath.Join(t.TempDir(), "so-sanh.csv")
	for i := 0; i < 2; i++ {
		if code, _, errOut := runCLI(t, "diff", "2020", "2021", "-o", path); code != 0 {
			t.Fatalf("run %d: code %d, %s", i, code, errOut)
		}
	}
	edited := []byte("ý kiến của phòng\n")
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "diff", "2020", "2021", "-o", path)
	if b, _ := os.ReadFile(path); code != 2 || out != "" || !bytes.Equal(b, edited) ||
		!strings.Contains(errOut, "không ghi đè") || !strings.Contains(errOut, "--force") {
		t.Fatalf("edited output: code %d, out %q, err %q, file %q", code, out, errOut, b)
	}
	code, _, errOut = runCLI(t, "diff", "2020", "2021", "-o", path, "--force")
	if code != 0 || !strings.Contains(errOut, "được giữ lại thành") {
		t.Fatalf("--force: code %d, err %q", code, errOut)
	}
	backups, _ := filepath.Glob(strings.TrimSuffix(path, ".csv") + "*.csv")
	kept := false
	for _, b := range backups {
		if data, _ := os.ReadFile(b); bytes.Equal(data, edited) && b != path {
			kept = true
		}
	}
	if !kept {
		t.Errorf("the edited file was not kept beside the new one: %v", backups)
	}
}

// periodFigures are the figures of TestDiffPeriods, by period code; a zero in
// the first quarter leaves its change without a percentage.
var periodFigures = map[string]map[string]string{
	"2021-6T": {"DT_VIEN_THONG": "702", "TB_TRA_SAU": "71.250"},
	"2022-6T": {"DT_VIEN_THONG": "815", "TB_TRA_SAU": "69.900"},
	"2022-Q1": {"DT_VIEN_THONG": "390", "DON_THU": "0"},
	"2022-Q2": {"DT_VIEN_THONG": "425", "DON_THU": "6"},
}

// TestDiffPeriods compares periods other than years, in a workspace of the
// sample's catalogue and figures made here: the same six months of two years,
// two quarters in every format, and the refusals of periods of different
// kinds (exit 2: the command line is at fault, not the inputs) and of
// unknown codes.
func TestDiffPeriods(t *testing.T) {
	dataDir := sampleWorkspace(t, nil)
	for period, figures := range periodFigures {
		content := "ky: " + period + "\nchi_tieu:\n"
		for code, v := range figures {
			content += "  " + code + ": \"" + v + "\"\n"
		}
		writeFile(t, filepath.Join(dataDir, period+".yaml"), content)
	}
	number := func(period, code string) decimal.Decimal {
		v, _, err := vnformat.ParseNumber(periodFigures[period][code])
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	code, out, errOut := runCLI(t, "diff", "--data", dataDir, "2022-6T", "2021-6T")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if h := cells(strings.Split(out, "\n")[0]); len(h) < 4 || h[2] != "2021-6T" || h[3] != "2022-6T" {
		t.Errorf("columns in time order: %q", h)
	}
	for _, code := range []string{"DT_VIEN_THONG", "TB_TRA_SAU"} {
		old, cur := number("2021-6T", code), number("2022-6T", code)
		d := cur.Sub(old)
		pct := d.Abs().Mul(decimal.NewFromInt(100)).DivRound(old, 10).Round(1)
		words, sign := "tăng ", "+"
		if d.Sign() < 0 {
			words, sign = "giảm ", ""
		}
		want := periodFigures["2021-6T"][code] + "|" + periodFigures["2022-6T"][code] + "|" + sign + vnformat.Number(d, 0) + "|" +
			words + strings.Replace(pct.String(), ".", ",", 1) + "%"
		if got := strings.Join(diffLine(t, out, code)[2:], "|"); got != want {
			t.Errorf("six months, %s:\n got %s\nwant %s", code, got, want)
		}
	}
	if !strings.Contains(out, "\n2021-6T: 6 tháng đầu năm 2021; 2022-6T: 6 tháng đầu năm 2022.\n") {
		t.Errorf("legend of the codes:\n%s", out)
	}

	dir := t.TempDir()
	for _, ext := range []string{"md", "csv", "json", "xlsx"} {
		path := filepath.Join(dir, "quy."+ext)
		if code, _, errOut := runCLI(t, "diff", "--data", dataDir, "quý II năm 2022", "2022-q1", "-o", path); code != 0 {
			t.Fatalf("%s: exit %d: %s", ext, code, errOut)
		}
	}
	md, _ := os.ReadFile(filepath.Join(dir, "quy.md"))
	if !strings.HasPrefix(string(md), "# So sánh số liệu quý I và quý II năm 2022\n") || !strings.Contains(string(md), "| 2022-Q1 | 2022-Q2 |") ||
		!strings.Contains(string(md), "| DON_THU | Đơn thư tiếp nhận | đơn thư | 0 | 6 | +6 | quý I năm 2022 bằng 0, không tính được tỷ lệ |") {
		t.Errorf("markdown:\n%s", md)
	}
	csvBytes, _ := os.ReadFile(filepath.Join(dir, "quy.csv"))
	if !strings.Contains(string(csvBytes), ",2022-Q1,2022-Q2,Chênh lệch 2022-Q2/Q1,") {
		t.Errorf("csv header: %s", strings.SplitN(string(csvBytes), "\n", 2)[0])
	}
	var doc struct {
		Columns []struct{ Period, Name string }
	}
	js, _ := os.ReadFile(filepath.Join(dir, "quy.json"))
	if err := json.Unmarshal(js, &doc); err != nil || len(doc.Columns) != 2 || doc.Columns[0].Period != "2022-Q1" || doc.Columns[1].Name != "quý II năm 2022" {
		t.Errorf("json columns %+v %v", doc.Columns, err)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "quy.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if e, _ := f.GetCellValue(diff.SheetTable, "E1"); e != "2022-Q1" {
		t.Errorf("workbook E1 = %q", e)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"2022-Q1", "2022-6T"}, "không so sánh được các kỳ khác loại: 2022-Q1 (quý I năm 2022), 2022-6T (6 tháng đầu năm 2022)."},
		{[]string{"2022-T05", "2022"}, "không so sánh được các kỳ khác loại: 2022-T05 (tháng 5 năm 2022), 2022 (năm 2022)."},
		{[]string{"2022-Q1", "2022-X1"}, "các dạng hợp lệ: " + model.PeriodForms},
	} {
		code, out, errOut := runCLI(t, append([]string{"diff", "--data", dataDir}, c.args...)...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%q: exit %d, out %q, err %q; want exit 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
}
