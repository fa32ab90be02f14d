package input

import (
	"strings"
	"testing"

	"github.com/baocao/baocao/report/model"
)

const testCatalogue = `nhom:
  - {ma: BCVT, ten: "Bưu chính, Viễn thông"}
chi_tieu:
  - {ma: DT_BUU_CHINH, ten: Doanh thu bưu chính, don_vi: tỷ đồng, nhom: BCVT}
  - {ma: TB_INTERNET, ten: Thuê bao Internet, don_vi: thuê bao, nhom: BCVT}
  - {ma: TL, ten: Tỷ lệ, don_vi: "%", nhom: BCVT, loai: ty_le, thap_phan: 1, cong_thuc: DT_BUU_CHINH / TB_INTERNET * 100, muc_tieu: "> 50"}
  - {ma: XH_ICT, ten: ICT Index, nhom: BCVT, loai: xep_hang}
`

func testCat(t testing.TB) *model.Catalogue {
	t.Helper()
	cat, fs := ParseCatalogue("chi-tieu.yaml", []byte(testCatalogue))
	if len(fs) > 0 {
		t.Fatalf("catalogue findings: %v", fs)
	}
	return cat
}

func codesAndLines(fs model.Findings) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code+"@"+f.Pos.String())
	}
	return strings.Join(out, " ")
}

func TestParseYearValuesAndPlaces(t *testing.T) {
	src := "nam: 2021\r\nchi_tieu:\r\n  DT_BUU_CHINH: {thuc_hien: 130, uoc: true, ke_hoach: 110, cung_ky: 120}\r\n  TB_INTERNET: 315.000\r\nxep_hang:\r\n  XH_ICT: 11/63\r\n"
	y, fs := ParseFigures("2021.yaml", []byte("\ufeff"+src), model.YearPeriod(2021), testCat(t))
	if len(fs) > 0 {
		t.Fatalf("findings: %v", fs)
	}
	e := y.Entry("DT_BUU_CHINH")
	if e.Actual.String() != "130" || !e.Estimate || e.Plan.String() != "110" || e.SamePeriod.String() != "120" {
		t.Errorf("entry = %+v", e)
	}
	if e.PlanPos().String() != "2021.yaml:3" {
		t.Errorf("plan place = %s", e.PlanPos())
	}
	if got := y.Entry("TB_INTERNET").Actual.String(); got != "315000" {
		t.Errorf("1.150-style value read as %s", got)
	}
	if rk := y.Ranking("XH_ICT"); rk == nil || rk.Rank != 11 || rk.Of != 63 || rk.Name != "ICT Index" {
		t.Errorf("ranking = %+v", rk)
	}
}

func TestParseYearFindings(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"syntax", "nam: 2021\nchi_tieu: [\n", "yaml-syntax@2021.yaml:2"},
		{"year mismatch", "nam: 2020\n", "period-mismatch@2021.yaml:1"},
		{"not a number", "chi_tieu:\n  DT_BUU_CHINH: 1.15\n", "not-a-number@2021.yaml:2"},
		{"unknown code", "chi_tieu:\n  DT_BUU_CHNH: 1\n", "unknown-indicator@2021.yaml:2"},
		{"duplicate code", "chi_tieu:\n  TB_INTERNET: 1\n  TB_INTERNET: 2\n", "duplicate-key@2021.yaml:3"},
		{"unknown field", "chi_tieu:\n  TB_INTERNET: {thuc_hien: 1, ke_hoachh: 2}\n", "unknown-field@2021.yaml:2"},
		{"bad ranking", "xep_hang:\n  XH_ICT: 64/63\n", "bad-ranking@2021.yaml:2"},
		{"ranking of quantity", "xep_hang:\n  TB_INTERNET: 1/63\n", "not-a-ranking@2021.yaml:2"},
		// A ranking among the quantities is in the wrong section whatever its value.
		{"ranking among quantities", "chi_tieu:\n  XH_ICT: 11\n", "not-a-ranking@2021.yaml:2"},
		{"ranking with its total among quantities", "chi_tieu:\n  XH_ICT: 11/63\n", "not-a-ranking@2021.yaml:2"},
		{"ranking as a mapping among quantities", "chi_tieu:\n  TB_INTERNET: 3\n  XH_ICT: {thuc_hien: 11/63}\n", "not-a-ranking@2021.yaml:3"},
		{"bad date", "thong_tin:\n  ngay: 31/02/2021\n", "bad-date@2021.yaml:2"},
		{"unknown part", "noi_dung:\n  - phan: nhiem_vuu\n    y: [a]\n", "unknown-part@2021.yaml:2"},
		{"flag", "chi_tieu:\n  TB_INTERNET: {thuc_hien: 1, uoc: maybe}\n", "not-a-flag@2021.yaml:2"},
		{"not a mapping", "- a\n- b\n", "yaml-syntax@2021.yaml:1"},
		{"empty", "", "empty-file@2021.yaml"},
	}
	cat := testCat(t)
	for _, c := range cases {
		_, fs := ParseFigures("2021.yaml", []byte(c.src), model.YearPeriod(2021), cat)
		if got := codesAndLines(fs); got != c.want {
			t.Errorf("%s: findings %q, want %q", c.name, got, c.want)
		}
	}
	_, fs := ParseFigures("2021.yaml", []byte("chi_tieu:\n  DT_BUU_CHNH: 1\n"), model.YearPeriod(2021), cat)
	if fs[0].Msg != "không có chỉ tiêu mã «DT_BUU_CHNH» trong danh mục; có phải ý là «DT_BUU_CHINH»?" {
		t.Errorf("message = %q", fs[0].Msg)
	}
}

func TestDecomposedTextIsNormalised(t *testing.T) {
	nfd := "thong_tin:\n  dia_danh: \"Nam \u0110i\u0323nh\u00a0\"\n  noi_nhan: \"Như trên; Lưu: VT.\"\n"
	y, fs := ParseFigures("2021.yaml", []byte(nfd), model.YearPeriod(2021), testCat(t))
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	if y.Header.Place != "Nam Định" {
		t.Errorf("place = %q", y.Header.Place)
	}
}

func TestParseCatalogueFindings(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"duplicate", "chi_tieu:\n  - {ma: A}\n  - {ma: A}\n", "duplicate-indicator@c.yaml:3"},
		{"bad code", "chi_tieu:\n  - {ma: a-b}\n", "bad-code@c.yaml:2"},
		{"bad kind", "chi_tieu:\n  - {ma: A, loai: tien}\n", "bad-kind@c.yaml:2"},
		{"bad target", "chi_tieu:\n  - {ma: A, muc_tieu: nhiều}\n", "bad-target@c.yaml:2"},
		{"unknown part-of", "chi_tieu:\n  - {ma: A, thuoc: B}\n", "unknown-indicator@c.yaml:2"},
		{"formula input", "chi_tieu:\n  - {ma: A, cong_thuc: B / 2}\n", "unknown-indicator@c.yaml:2"},
		{"bad formula", "chi_tieu:\n  - {ma: A, cong_thuc: \"B /\"}\n  - {ma: B}\n", "bad-formula@c.yaml:2"},
		{"unknown group", "nhom:\n  - {ma: X}\nchi_tieu:\n  - {ma: A, nhom: Y}\n", "unknown-group@c.yaml:4"},
	}
	for _, c := range cases {
		_, fs := ParseCatalogue("c.yaml", []byte(c.src))
		if got := codesAndLines(fs); got != c.want {
			t.Errorf("%s: findings %q, want %q", c.name, got, c.want)
		}
	}
}

func TestSampleWorkspace(t *testing.T) {
	ws := Sample()
	cat, fs, err := ws.Catalogue()
	if err != nil || len(fs) > 0 {
		t.Fatal(err, fs)
	}
	for _, year := range []int{2020, 2021} {
		if _, fs, err := ws.Figures(model.YearPeriod(year), cat); err != nil || len(fs) > 0 {
			t.Errorf("%d: %v %v", year, err, fs)
		}
	}
	if _, _, err := ws.Figures(model.YearPeriod(2019), cat); err == nil || !strings.Contains(err.Error(), "không có số liệu năm 2019") {
		t.Errorf("missing year error = %v", err)
	}
	for name, want := range map[string]string{"data/so-lieu-2021.xlsx": "2021", "so-lieu-2022-6T.yaml": "2022-6T", "2022-q3.xlsx": "2022-Q3",
		"2022-T5.yaml": "2022-T05", "so-lieu.yaml": ""} {
		if got := PeriodFromName(name).Code(); got != want {
			t.Errorf("PeriodFromName(%s) = %q, want %q", name, got, want)
		}
	}
}

func FuzzParseYear(f *testing.F) {
	for _, s := range []string{"nam: 2021\nchi_tieu:\n  DT_BUU_CHINH: 130\n", "xep_hang: {XH_ICT: 1/2}", "noi_dung: [{phan: qlnn, y: [a]}]", "[", "thong_tin: {ngay: 2021-01-01}"} {
		f.Add(s)
	}
	cat, _ := ParseCatalogue("c.yaml", []byte(testCatalogue))
	f.Fuzz(func(t *testing.T, src string) {
		ParseFigures("f.yaml", []byte(src), model.YearPeriod(2021), cat)
	})
}

// A decimal comma inside {…} splits the number: an error at its line that
// says so, not a figure cut to its whole part and a warning about a key «5».
func TestDecimalCommaInFlowMapping(t *testing.T) {
	src := "nam: 2021\nchi_tieu:\n  TB_INTERNET: {thuc_hien: 1.130,5, uoc: true, ke_hoach: 110}\n  DT_BUU_CHINH: {thuc_hien: 130, ke_hoach: 110}\n"
	y, fs := ParseFigures("2021.yaml", []byte(src), model.YearPeriod(2021), testCat(t))
	if got := codesAndLines(fs); got != "not-a-number@2021.yaml:3" {
		t.Fatalf("findings %q", got)
	}
	for _, want := range []string{"chỉ tiêu TB_INTERNET: số thuc_hien «1.130,5» bị dấu phẩy tách làm hai", `"1.130,5" trong ngoặc kép`} {
		if !strings.Contains(fs[0].Msg+fs[0].Fix, want) {
			t.Errorf("finding %v lacks %q", fs[0], want)
		}
	}
	if e := y.Entry("DT_BUU_CHINH"); e == nil || e.Actual == nil || e.Actual.String() != "130" {
		t.Errorf("a whole number in {…} is read: %+v", e)
	}
	// "1,2,3": one error, not one and a warning about a key «3».
	_, fs = ParseFigures("2021.yaml", []byte("nam: 2021\nchi_tieu:\n  TB_INTERNET: {thuc_hien: 1,2,3}\n"), model.YearPeriod(2021), testCat(t))
	if got := codesAndLines(fs); got != "not-a-number@2021.yaml:3" {
		t.Fatalf("1,2,3: findings %q", got)
	}
}

// What is not a plain value is named: a reference to a list, a list as a key.
func TestNotAValueNamed(t *testing.T) {
	src := "nam: 2021\nds: &ds [a, b]\nnoi_dung:\n  - phan: qlnn\n    muc: X\n    y: [*ds]\nchi_tieu:\n  ? [a, b]\n  : 1\n"
	_, fs := ParseFigures("2021.yaml", []byte(src), model.YearPeriod(2021), testCat(t))
	msgs := map[string]string{}
	for _, f := range fs {
		msgs[f.Pos.String()] = f.Msg
	}
	for at, want := range map[string]string{
		"2021.yaml:6": "không phải một tham chiếu «*ds» tới một danh sách",
		"2021.yaml:8": "chi_tieu: khóa phải là một mã hay một tên viết liền, không phải một danh sách",
	} {
		if !strings.Contains(msgs[at], want) {
			t.Errorf("%s: %q, want %q (all: %v)", at, msgs[at], want, fs)
		}
	}
}
