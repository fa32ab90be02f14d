package validate_test

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/validate"
	"github.com/shopspring/decimal"
)

// testCatalogue has a whole and its part with a rate derived from them, a pair
// with a derived rate but no part relation, an entered rate, a quantity with
// a plan, one with its own change limit, and a ranking; TL, PHAT and XH are
// required (bat_buoc).
const testCatalogue = `nhom:
  - {ma: A, ten: Nhóm A}
chi_tieu:
  - {ma: TONG, ten: Tổng số hồ sơ, don_vi: hồ sơ, nhom: A}
  - {ma: PHAN, ten: Hồ sơ trực tuyến, don_vi: hồ sơ, nhom: A, thuoc: TONG}
  - {ma: TL, ten: Tỷ lệ hồ sơ trực tuyến, don_vi: "%", nhom: A, loai: ty_le, thap_phan: 1, cong_thuc: PHAN / TONG * 100, bat_buoc: true}
  - {ma: SO_A, ten: Số A, don_vi: cái, nhom: A}
  - {ma: SO_B, ten: Số B, don_vi: cái, nhom: A}
  - {ma: TL_AB, ten: Tỷ lệ A trên B, don_vi: "%", nhom: A, loai: ty_le, cong_thuc: SO_A / SO_B * 100}
  - {ma: TL_NHAP, ten: Tỷ lệ tin bài tồn tại, don_vi: "%", nhom: A, loai: ty_le, thap_phan: 1}
  - {ma: DT, ten: Doanh thu, don_vi: tỷ đồng, nhom: A}
  - {ma: PHAT, ten: Tiền phạt, don_vi: đồng, nhom: A, nguong_bien_dong: 100, bat_buoc: true}
  - {ma: XH, ten: Chỉ số ICT, nhom: A, loai: xep_hang, bat_buoc: true}
`

const testPrev = `nam: 2020
chi_tieu:
  TONG: 90
  PHAN: 30
  SO_A: 9
  SO_B: 12
  DT: {thuc_hien: 120, ke_hoach: 100}
  PHAT: 20.000.000
`

const testCur = `nam: 2021
chi_tieu:
  TONG: 100
  PHAN: 40
  SO_A: 8
  SO_B: 10
  TL_NHAP: 11,5
  DT: {thuc_hien: 130, ke_hoach: 110}
  PHAT: 23.000.000
xep_hang:
  XH: 11/63
`

const (
	curFile  = "data/2021.yaml"
	prevFile = "data/2020.yaml"
	catFile  = "data/chi-tieu.yaml"
)

func testCat(t testing.TB) *model.Catalogue {
	t.Helper()
	cat, fs := input.ParseCatalogue(catFile, []byte(testCatalogue))
	if len(fs) > 0 {
		t.Fatalf("test catalogue: %v", fs)
	}
	return cat
}

// validateYAML reads the inputs as the command does and returns the readers'
// findings with Check's, sorted. An empty prev means no file for last year.
func validateYAML(t testing.TB, cat *model.Catalogue, cur, prev string, opt validate.Options) model.Findings {
	t.Helper()
	y, fs := input.ParseFigures(curFile, []byte(cur), model.YearPeriod(2021), cat)
	var p *model.Figures
	if prev != "" {
		var pfs model.Findings
		p, pfs = input.ParseFigures(prevFile, []byte(prev), model.YearPeriod(2020), cat)
		fs = append(fs, pfs...)
	}
	opt.Reported = fs
	return validate.Sort(append(fs, validate.Check(cat, y, p, opt)...))
}

// lineOf is the 1-based line of text holding needle; the test fails without one.
func lineOf(t *testing.T, text, needle string) int {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, needle) {
			return i + 1
		}
	}
	t.Fatalf("no line with %q", needle)
	return 0
}

func TestTestInputsAreClean(t *testing.T) {
	if fs := validateYAML(t, testCat(t), testCur, testPrev, validate.Options{}); len(fs) > 0 {
		t.Fatalf("clean inputs gave findings:\n%v", fs)
	}
}

// TestOneFaultOneFinding breaks the clean input in one place at a time and
// expects exactly one finding, with its code, severity, place and wording.
func TestOneFaultOneFinding(t *testing.T) {
	cat := testCat(t)
	cases := []struct {
		name     string
		from, to string // replaced in testCur
		prev     string // "-" for no last year, "" for testPrev
		opt      validate.Options
		code     string
		sev      model.Severity
		at       string // the line holding this text, or "" for the file itself
		msg, fix string // contained in the message, equal to the fix
	}{
		{name: "not a number", from: "DT: {thuc_hien: 130,", to: "DT: {thuc_hien: 13o,",
			code: "not-a-number", sev: model.Error, at: "13o", msg: "«13o» không phải là số"},
		{name: "no actual value of a required indicator", from: "PHAT: 23.000.000", to: "PHAT: {ke_hoach: 20.000.000}",
			code: "missing-value", sev: model.Error, at: "PHAT:", msg: "PHAT (Tiền phạt): chưa có số thực hiện năm 2021",
			fix: "ghi số thực hiện: danh mục đánh dấu chỉ tiêu này bắt buộc (bat_buoc)"},
		{name: "required by the template", from: "  PHAT: 23.000.000\n", to: "", opt: validate.Options{Required: []string{"PHAT", "TL"}},
			code: "missing-value", sev: model.Error, msg: "PHAT (Tiền phạt) bắt buộc (bat_buoc) nhưng không có trong số liệu năm 2021"},
		{name: "required ranking", from: "xep_hang:\n  XH: 11/63\n", to: "", opt: validate.Options{Required: []string{"XH"}},
			code: "missing-value", sev: model.Error, msg: "XH (Chỉ số ICT) bắt buộc (bat_buoc)"},
		{name: "more decimals than shown", from: "DT: {thuc_hien: 130,", to: "DT: {thuc_hien: \"130,5\",",
			code: "more-decimals", sev: model.Warning, at: "130,5", msg: "số thực hiện 130,5 có nhiều chữ số thập phân hơn mức báo cáo trình bày (0)",
			fix: "làm tròn thành 131, hoặc tăng thap_phan của chỉ tiêu trong danh mục"},
		// 131 against 120 would read "tăng 9,2%" beside the 8,75% rounded to
		// "tăng 8,8%": the report writes 130,5, with 120,0 and 110,0.
		{name: "more decimals, shown", from: "DT: {thuc_hien: 130,", to: "DT: {thuc_hien: \"130,5\",",
			code: "more-decimals", sev: model.Warning, at: "130,5", msg: "; báo cáo viết số này là 130,5, với 1 chữ số thập phân như các số khác của chỉ tiêu (năm trước, kế hoạch): viết 131 thì tỷ lệ tăng, giảm hay tỷ lệ đạt kế hoạch tính lại"},
		// 23.000.000 against 20.000.000 is 15% as 23.000.000,4 is, at one decimal.
		{name: "more decimals, rounded", from: "PHAT: 23.000.000", to: "PHAT: 23000000,4",
			code: "more-decimals", sev: model.Warning, at: "23000000,4", msg: "; báo cáo viết số đã làm tròn 23.000.000 và tính tỷ lệ từ số đã ghi; các tỷ lệ tính lại từ số làm tròn vẫn khớp"},
		{name: "unknown code", from: "PHAT: 23", to: "PHATT: 23",
			code: "unknown-indicator", sev: model.Error, at: "PHATT", msg: "«PHATT»", fix: ""},
		{name: "misspelt formula input is one finding", from: "PHAN: 40", to: "PHANN: 40",
			code: "unknown-indicator", sev: model.Error, at: "PHANN", msg: "có phải ý là «PHAN»?"},
		{name: "formula input absent", from: "  PHAN: 40\n", to: "", opt: validate.Options{Required: []string{"TL"}},
			code: "formula-error", sev: model.Error, msg: "không tính được chỉ tiêu TL (Tỷ lệ hồ sơ trực tuyến) theo công thức «PHAN / TONG * 100»: thiếu số liệu năm 2021 của PHAN (Hồ sơ trực tuyến)",
			fix: "ghi số thực hiện của PHAN"},
		{name: "required derived indicator without inputs", from: "  TONG: 100\n  PHAN: 40\n", to: "", opt: validate.Options{Required: []string{"TL"}},
			code: "formula-error", sev: model.Error, msg: "thiếu số liệu năm 2021 của PHAN (Hồ sơ trực tuyến), TONG (Tổng số hồ sơ)"},
		{name: "division by zero", from: "SO_B: 10", to: "SO_B: 0", prev: "-",
			code: "zero-divisor", sev: model.Warning, at: "SO_B", msg: "TL_AB (Tỷ lệ A trên B) năm 2021 theo công thức «SO_A / SO_B * 100»: phép chia cho SO_B (Số B) bằng 0; báo cáo bỏ các câu nói về chỉ tiêu này",
			fix: "kiểm tra lại số liệu của SO_B; nếu đúng bằng 0 thì không cần sửa"},
		{name: "division by zero, indicator required", from: "  TONG: 100\n  PHAN: 40\n", to: "  TONG: 0\n  PHAN: 0\n", prev: "-", opt: validate.Options{Required: []string{"TL"}},
			code: "zero-divisor", sev: model.Error, at: "TONG: 0", msg: "TL (Tỷ lệ hồ sơ trực tuyến) năm 2021 theo công thức «PHAN / TONG * 100»: phép chia cho TONG (Tổng số hồ sơ) bằng 0",
			fix: "kiểm tra lại số liệu của TONG: chỉ tiêu TL bắt buộc (bat_buoc) mà chỉ tính được khi số này khác 0"},
		{name: "division by zero, required indicator the template does not use", from: "  TONG: 100\n  PHAN: 40\n", to: "  TONG: 0\n  PHAN: 0\n", prev: "-",
			code: "zero-divisor", sev: model.Warning, at: "TONG: 0", msg: "phép chia cho TONG (Tổng số hồ sơ) bằng 0; báo cáo bỏ các câu nói về chỉ tiêu này"},
		{name: "negative", from: "thuc_hien: 130", to: "thuc_hien: -130",
			code: "negative-value", sev: model.Error, at: "-130", msg: "DT (Doanh thu): số thực hiện -130 là số âm", fix: "có phải ý là «130»?"},
		{name: "negative plan", from: "ke_hoach: 110", to: "ke_hoach: -110",
			code: "negative-value", sev: model.Error, at: "-110", msg: "kế hoạch -110 là số âm"},
		{name: "rate as a fraction", from: "TL_NHAP: 11,5", to: `TL_NHAP: "0,115"`,
			code: "rate-fraction", sev: model.Warning, at: "TL_NHAP", msg: "TL_NHAP (Tỷ lệ tin bài tồn tại): số thực hiện 0,115 trông như tỷ lệ viết dạng phân số (0,115 = 11,5%)",
			fix: "nếu là 11,5% thì ghi 11,5; nếu đúng là 0,115% thì tăng thap_phan của chỉ tiêu trong danh mục"},
		{name: "rate above 100", from: "TL_NHAP: 11,5", to: "TL_NHAP: 115",
			code: "rate-out-of-range", sev: model.Error, at: "TL_NHAP", msg: "TL_NHAP (Tỷ lệ tin bài tồn tại): số thực hiện 115% ngoài khoảng 0–100%"},
		{name: "derived rate above 100", from: "SO_A: 8", to: "SO_A: 11",
			code: "rate-out-of-range", sev: model.Error, at: "SO_A", msg: "TL_AB (Tỷ lệ A trên B) tính theo công thức «SO_A / SO_B * 100» bằng 110%, ngoài khoảng 0–100%; kiểm tra SO_A = 11; SO_B = 10"},
		{name: "part exceeds whole", from: "PHAN: 40", to: "PHAN: 140",
			code: "part-exceeds-whole", sev: model.Error, at: "PHAN", msg: "PHAN (Hồ sơ trực tuyến) là một phần của chỉ tiêu TONG (Tổng số hồ sơ) nhưng lớn hơn: 140 > 100"},
		{name: "plan dropped", from: "DT: {thuc_hien: 130, ke_hoach: 110}", to: "DT: 130",
			code: "plan-missing", sev: model.Warning, at: "DT:", msg: "số liệu năm 2020 có kế hoạch (100) nhưng số liệu năm 2021 chưa có", fix: "ghi kế hoạch năm 2021 vào ke_hoach"},
		{name: "same period disagrees", from: "ke_hoach: 110}", to: "ke_hoach: 110, cung_ky: 125}",
			code: "same-period-mismatch", sev: model.Warning, at: "cung_ky", msg: "số cùng kỳ 125 khác số liệu năm 2020 (120)"},
		{name: "rise beyond 50%", from: "thuc_hien: 130", to: "thuc_hien: 200",
			code: "implausible-change", sev: model.Warning, at: "200", msg: "DT (Doanh thu): 200 so với 120 của năm 2020, tăng 66,7%, vượt ngưỡng ±50%"},
		{name: "rate beyond the limit, in points", from: "TL_NHAP: 11,5", to: "TL_NHAP: 35", prev: testPrev + "  TL_NHAP: 20\n",
			code: "implausible-change", sev: model.Warning, at: "TL_NHAP", msg: "TL_NHAP (Tỷ lệ tin bài tồn tại): 35 so với 20 của năm 2020, tăng 15,0 điểm phần trăm, tức tăng 75% so với số cùng kỳ, vượt ngưỡng ±50%"},
		{name: "thousandfold slip", from: "thuc_hien: 130", to: "thuc_hien: 130.000",
			code: "implausible-change", sev: model.Warning, at: "130.000", msg: "tăng 108.233,3%", fix: "có phải ý là «130»?"},
		{name: "fall beyond the indicator's own limit", from: "PHAT: 23.000.000", to: "PHAT: 45.000.000",
			code: "implausible-change", sev: model.Warning, at: "PHAT", msg: "tăng 125%, vượt ngưỡng ±100%"},
		{name: "same as last year", from: "thuc_hien: 130", to: "thuc_hien: 120",
			code: "same-as-last-year", sev: model.Warning, at: "DT:", msg: "DT (Doanh thu): số thực hiện năm 2021 (120) trùng đúng số năm 2020"},
		{name: "value entered for a derived indicator", from: "  PHAN: 40\n", to: "  PHAN: 40\n  TL: 45\n",
			code: "derived-entered", sev: model.Warning, at: "TL: 45", msg: "TL (Tỷ lệ hồ sơ trực tuyến) được tính theo công thức «PHAN / TONG * 100», bằng 40,0; số ghi 45 không được dùng"},
		{name: "value entered for a derived indicator that has none", from: "  SO_A: 8\n  SO_B: 10\n", to: "  TL_AB: 80\n",
			code: "derived-entered", sev: model.Warning, at: "TL_AB", msg: "TL_AB (Tỷ lệ A trên B) được tính theo công thức «SO_A / SO_B * 100»; số ghi 80 không được dùng"},
		{name: "ranking among quantities", from: "  PHAN: 40\n", to: "  PHAN: 40\n  XH: 11\n",
			code: "not-a-ranking", sev: model.Error, at: "XH: 11", msg: "XH (Chỉ số ICT) là thứ hạng"},
		{name: "last year's column copied", from: "  TONG: 100\n  PHAN: 40\n  SO_A: 8\n", to: "  TONG: 90\n  PHAN: 30\n  SO_A: 9\n",
			prev: strings.Replace(testPrev, "  DT: {thuc_hien: 120, ke_hoach: 100}\n  PHAT: 20.000.000\n", "  DT: 130\n  PHAT: 23.000.000\n", 1),
			code: "prev-year-copied", sev: model.Warning, msg: "5 trên 6 chỉ tiêu có số thực hiện năm 2021 trùng đúng số năm 2020 (TONG, PHAN, SO_A…)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(testCur, c.from) {
				t.Fatalf("%q not in the test input", c.from)
			}
			cur := strings.Replace(testCur, c.from, c.to, 1)
			prev := testPrev
			switch c.prev {
			case "-":
				prev = ""
			case "":
			default:
				prev = c.prev
			}
			fs := validateYAML(t, cat, cur, prev, c.opt)
			if len(fs) != 1 {
				t.Fatalf("want one finding %s, got %d:\n%v", c.code, len(fs), fs)
			}
			f := fs[0]
			want := model.Pos{File: curFile}
			if c.at != "" {
				want.Line = lineOf(t, cur, c.at)
			}
			if f.Code != c.code || f.Severity != c.sev || f.Pos != want {
				t.Errorf("got %s %s at %v, want %s %s at %v", f.Severity, f.Code, f.Pos, c.sev, c.code, want)
			}
			if !strings.Contains(f.Msg, c.msg) {
				t.Errorf("message %q lacks %q", f.Msg, c.msg)
			}
			if c.fix != "" && f.Fix != c.fix {
				t.Errorf("fix = %q, want %q", f.Fix, c.fix)
			}
		})
	}
}

func TestWithinLimitsNoFinding(t *testing.T) {
	cat := testCat(t)
	for _, c := range []struct {
		from, to string
		noPrev   bool
	}{
		{"thuc_hien: 130", "thuc_hien: 87", false},        // giảm 27,5%
		{"thuc_hien: 130", "thuc_hien: 180", false},       // tăng 50%: at the limit, not beyond
		{"PHAT: 23.000.000", "PHAT: 38.000.000", false},   // tăng 90%, own limit 100
		{"PHAN: 40", "PHAN: 100", true},                   // a part may equal its whole
		{"TL_NHAP: 11,5", "TL_NHAP: 100", false},          // rates may reach 100
		{"TL_NHAP: 11,5", `TL_NHAP: "0,5"`, false},        // below 1% at the precision shown: no fraction
		{"SO_A: 8", "SO_A: 0", true},                      // zero is no negative
		{"xep_hang:\n  XH: 11/63\n", "", false},           // absent and not required
		{"  SO_A: 8\n  SO_B: 10\n", "", false},            // TL_AB has none of its inputs: not part of this year
		{"  PHAN: 40\n", "  PHAN: 40\n  TL: 40\n", false}, // entered as computed
		{"  PHAN: 40\n", "  PHAN: 40\n  TL: 40,0\n", false},
		{"  SO_A: 8\n", "  SO_A: 1\n  TL_AB: 10\n", true}, // 1/10: "10" agrees at the precision entered
	} {
		cur := strings.Replace(testCur, c.from, c.to, 1)
		prev := testPrev
		if c.noPrev {
			prev = ""
		}
		if fs := validateYAML(t, cat, cur, prev, validate.Options{}); len(fs) > 0 {
			t.Errorf("%s → %s: unexpected findings:\n%v", c.from, c.to, fs)
		}
	}
	// A limit set for the run applies to indicators without their own.
	cur := strings.Replace(testCur, "thuc_hien: 130", "thuc_hien: 175", 1)
	fs := validateYAML(t, cat, cur, testPrev, validate.Options{DefaultChangeLimit: decimal.NewFromInt(40)})
	if len(fs) != 1 || fs[0].Code != "implausible-change" || !strings.Contains(fs[0].Msg, "tăng 45,8%, vượt ngưỡng ±40%") {
		t.Errorf("limit 40%%: got %v", fs)
	}
}

// A workbook can hold a code on two rows; the YAML reader refuses the repeat itself.
func TestDuplicateIndicator(t *testing.T) {
	cat := testCat(t)
	y, fs := input.ParseFigures(curFile, []byte(testCur), model.YearPeriod(2021), cat)
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	sheet := func(cell string) model.Pos {
		return model.Pos{File: "data/2021.xlsx", Sheet: "Chỉ tiêu", Cell: cell}
	}
	v := decimal.NewFromInt(131)
	e := &model.Entry{Code: "DT", Actual: &v, Pos: sheet("A12")}
	e.SetActualPos(sheet("E12"))
	y.Entries = append(y.Entries, e)
	got := validate.Check(cat, y, nil, validate.Options{})
	if len(got) != 1 || got[0].Code != "duplicate-indicator" || got[0].Pos != sheet("A12") || got[0].Severity != model.Error {
		t.Fatalf("got %v", got)
	}
	if want := fmt.Sprintf("chỉ tiêu DT (Doanh thu) đã có ở data/2021.yaml:%d", lineOf(t, testCur, "DT:")); !strings.HasPrefix(got[0].Msg, want) {
		t.Errorf("message %q, want prefix %q", got[0].Msg, want)
	}

	// The catalogue reader reports a code declared twice.
	_, cfs := input.ParseCatalogue(catFile, []byte(testCatalogue+"  - {ma: DT, ten: Doanh thu lần hai}\n"))
	if len(cfs) != 1 || cfs[0].Code != "duplicate-indicator" || cfs[0].Pos.Line != strings.Count(testCatalogue, "\n")+1 {
		t.Errorf("catalogue: got %v", cfs)
	}
}

func TestFormulaCycle(t *testing.T) {
	cat, fs := input.ParseCatalogue(catFile, []byte(`chi_tieu:
  - {ma: X, ten: X, cong_thuc: Y + 1}
  - {ma: Y, ten: Y, cong_thuc: X + 1}
`))
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	y, _ := input.ParseFigures(curFile, []byte("nam: 2021\n"), model.YearPeriod(2021), cat)
	// The file has no figure (empty-period): the cycle is the one fault.
	got := slices.DeleteFunc(validate.Check(cat, y, nil, validate.Options{}), func(f model.Finding) bool { return f.Code == "empty-period" })
	if len(got) != 1 || got[0].Code != "formula-error" || got[0].Pos != (model.Pos{File: catFile, Line: 3}) || !strings.Contains(got[0].Msg, "vòng tròn") {
		t.Errorf("got %v", got)
	}
}

// The sample, 2021 against 2020, has nothing to report: DT_VIEN_THONG falls 28%,
// within the limit, and TB_TRA_SAU, which has no plan, had none in 2020 either.
func TestSampleIsClean(t *testing.T) {
	ws := input.Sample()
	cat, fs, err := ws.Catalogue()
	if err != nil || len(fs) > 0 {
		t.Fatal(err, fs)
	}
	cur, fs, err := ws.Figures(model.YearPeriod(2021), cat)
	if err != nil || len(fs) > 0 {
		t.Fatal(err, fs)
	}
	prev, fs, err := ws.Figures(model.YearPeriod(2020), cat)
	if err != nil || len(fs) > 0 {
		t.Fatal(err, fs)
	}
	for _, p := range []*model.Figures{nil, prev} {
		if got := validate.Check(cat, cur, p, validate.Options{}); len(got) > 0 {
			t.Errorf("sample 2021 (last year %v): %v", p != nil, got)
		}
	}
	if got := validate.Check(cat, prev, nil, validate.Options{}); len(got) > 0 {
		t.Errorf("sample 2020: %v", got)
	}
}

func TestNilInputs(t *testing.T) {
	if got := validate.Check(testCat(t), nil, nil, validate.Options{}); got != nil {
		t.Errorf("nil year: %v", got)
	}
}

func BenchmarkCheckSample(b *testing.B) {
	ws := input.Sample()
	cat, _, _ := ws.Catalogue()
	cur, _, _ := ws.Figures(model.YearPeriod(2021), cat)
	prev, _, _ := ws.Figures(model.YearPeriod(2020), cat)
	for b.Loop() {
		validate.Check(cat, cur, prev, validate.Options{})
	}
}

// The blank workbook init creates for last year, left unfilled: a warning on it.
func TestEmptyPreviousYear(t *testing.T) {
	fs := validateYAML(t, testCat(t), testCur, "nam: 2020\n", validate.Options{})
	if len(fs) != 1 || fs[0].Code != "empty-previous" || fs[0].Severity != model.Warning || !strings.HasSuffix(fs[0].Pos.File, "2020.yaml") ||
		fs[0].Msg != "tệp số liệu năm 2020 chưa có số liệu nào: báo cáo sẽ không so sánh được với cùng kỳ năm trước" {
		t.Errorf("findings = %v", fs)
	}
}

// An empty last year's file beside same-period values stated this year: the
// report compares with those (compute takes them), so the warning says the
// file is not used, not that nothing is compared.
func TestEmptyPreviousYearWithStatedSamePeriod(t *testing.T) {
	cur := strings.Replace(testCur, "ke_hoach: 110}", "ke_hoach: 110, cung_ky: 125}", 1)
	if cur == testCur {
		t.Fatal("test input changed: no ke_hoach: 110}")
	}
	fs := validateYAML(t, testCat(t), cur, "nam: 2020\n", validate.Options{})
	if len(fs) != 1 || fs[0].Code != "empty-previous" || fs[0].Severity != model.Warning || !strings.HasSuffix(fs[0].Pos.File, "2020.yaml") {
		t.Fatalf("findings = %v", fs)
	}
	if msg := fs[0].Msg; strings.Contains(msg, "sẽ không so sánh được") || !strings.Contains(msg, "không được dùng") ||
		!strings.Contains(msg, "số cùng kỳ ghi trong "+curFile+" (1 chỉ tiêu)") {
		t.Errorf("message = %q", msg)
	}
	// What the warning says is what the report does: DT is compared with 125.
	prev, pfs := input.ParseFigures(prevFile, []byte("nam: 2020\n"), model.YearPeriod(2020), testCat(t))
	if len(pfs) > 0 {
		t.Fatal(pfs)
	}
	rep := compute.Compute(testCat(t), mustYear(t, cur), prev)
	if f := rep.Figure("DT"); f.Previous == nil || f.Previous.Cmp(big.NewRat(125, 1)) != 0 || rep.Figure("PHAT").Previous != nil {
		t.Errorf("DT compared with %v, PHAT with %v", f.Previous, rep.Figure("PHAT").Previous)
	}
}

// Last year's rate cannot be computed (its divisor is 0 there): checking this
// year says so, at the divisor in last year's file, since the report cannot
// compare the rate; last year's own check has the error.
func TestPreviousDivisionByZero(t *testing.T) {
	prev := strings.Replace(testPrev, "  SO_B: 12\n", "  SO_B: 0\n", 1)
	if prev == testPrev {
		t.Fatal("test input changed: no SO_B: 12")
	}
	fs := validateYAML(t, testCat(t), testCur, prev, validate.Options{})
	var found []model.Finding
	for _, f := range fs {
		if f.Code == "previous-formula-error" {
			found = append(found, f)
		}
	}
	if fs.Errors() != 0 || len(found) != 1 {
		t.Fatalf("want one previous-formula-error and no error, got:\n%v", fs)
	}
	f := found[0]
	if f.Severity != model.Warning || f.Pos != (model.Pos{File: prevFile, Line: lineOf(t, prev, "SO_B: 0")}) ||
		!strings.Contains(f.Msg, "TL_AB (Tỷ lệ A trên B) năm 2020") || !strings.Contains(f.Msg, "phép chia cho SO_B (Số B) bằng 0") ||
		!strings.Contains(f.Msg, "báo cáo năm 2021 không so sánh chỉ tiêu này với năm 2020") || !strings.Contains(f.Fix, "SO_B") {
		t.Errorf("finding %+v", f)
	}
	if f.Fix != "kiểm tra lại số liệu năm 2020 của SO_B; nếu đúng bằng 0 thì không cần sửa" {
		t.Errorf("fix %q", f.Fix)
	}
	// Checked as a period of its own, last year's file has a warning at the
	// same place, for its own report; read both ways, one finding is kept.
	own := validateYAML(t, testCat(t), strings.Replace(prev, "nam: 2020", "nam: 2021", 1), "", validate.Options{})
	if len(own) != 1 || own[0].Code != "zero-divisor" || own[0].Severity != model.Warning || own[0].Pos.Line != f.Pos.Line {
		t.Fatalf("last year's own check: want one zero-divisor warning at the divisor:\n%v", own)
	}
	ownThere := own[0]
	ownThere.Pos = f.Pos
	if both := validate.Sort(model.Findings{ownThere, f}); len(both) != 1 || both[0].Code != "previous-formula-error" {
		t.Errorf("sorted: %v", both)
	}
}

// TestMissingFigureIsAWarning: a figure left blank does not stop the report
// (its sentences are left out, see Omitted) unless the catalogue requires it.
func TestMissingFigureIsAWarning(t *testing.T) {
	fs := validateYAML(t, testCat(t), strings.Replace(testCur, "DT: {thuc_hien: 130, ke_hoach: 110}", "DT: {ke_hoach: 110}", 1), testPrev, validate.Options{Required: []string{"DT"}})
	if len(fs) != 1 || fs[0].Code != "missing-value" || fs[0].Severity != model.Warning {
		t.Fatalf("findings:\n%v", fs)
	}
	rep := compute.Compute(testCat(t), mustYear(t, testCur), nil)
	om := validate.Omitted(rep, []string{"SO_A", "PHAT"}, false)
	if len(om) != 2 || om[0].Severity != model.Warning || om[1].Severity != model.Error || om[0].Code != "omitted" {
		t.Errorf("omitted (PHAT is bat_buoc): %v", om)
	}
	if om := validate.Omitted(rep, []string{"SO_A"}, true); om[0].Severity != model.Error {
		t.Errorf("strict omitted: %v", om)
	}
	// A missing-value warning at the place of an omission says less: one finding.
	both := validate.Sort(model.Findings{{Severity: model.Warning, Code: "missing-value", Pos: om[0].Pos}, om[0]})
	if len(both) != 1 || both[0].Code != "omitted" {
		t.Errorf("sorted: %v", both)
	}
}

func mustYear(t *testing.T, text string) *model.Figures {
	t.Helper()
	y, fs := input.ParseFigures(curFile, []byte(text), model.YearPeriod(2021), testCat(t))
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	return y
}

// TestOmittedZeroDivisor: a rate whose divisor is 0 in the period (a month
// without dossiers) has no value. The report leaves out its sentences: Check
// says why (zero-divisor) and Omitted adds nothing; under --strict it is an
// omitted error at the divisor, saying why.
func TestOmittedZeroDivisor(t *testing.T) {
	cur := strings.Replace(testCur, "  SO_A: 8\n  SO_B: 10\n", "  SO_A: 0\n  SO_B: 0\n", 1)
	fs := validateYAML(t, testCat(t), cur, "", validate.Options{Required: []string{"TL_AB"}})
	if len(fs) != 1 || fs[0].Code != "zero-divisor" || fs[0].Severity != model.Warning || fs[0].Pos.Line != lineOf(t, cur, "SO_B: 0") {
		t.Fatalf("findings:\n%v", fs)
	}
	rep := compute.Compute(testCat(t), mustYear(t, cur), nil)
	if f := rep.Figure("TL_AB"); f.Value != nil || f.ZeroDivisor != "SO_B" {
		t.Fatalf("TL_AB computed %v, divisor %q", f.Value, f.ZeroDivisor)
	}
	if om := validate.Omitted(rep, []string{"TL_AB"}, false); len(om) != 0 {
		t.Errorf("omitted repeats the zero-divisor warning: %v", om)
	}
	om := validate.Omitted(rep, []string{"TL_AB"}, true)
	if len(om) != 1 || om[0].Severity != model.Error || om[0].Pos != fs[0].Pos ||
		om[0].Msg != "chỉ tiêu TL_AB (Tỷ lệ A trên B) không tính được số liệu năm 2021: phép chia cho SO_B (Số B) bằng 0: câu nói về chỉ tiêu này được bỏ khỏi báo cáo" {
		t.Fatalf("strict omitted: %v", om)
	}
	if both := validate.Sort(append(fs, om...)); len(both) != 1 || both[0].Code != "omitted" {
		t.Errorf("sorted: %v", both)
	}
}
