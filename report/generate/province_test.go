package generate

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/officetest"
)

// Another province than the sample, through the default template: every kind
// of indicator, a zero base (DT_IN), a missing last-year value (TB_INTERNET),
// lower-is-better (TT_TO_CHUC_XU_PHAT) and neutral (IN_PHOTOCOPY) indicators,
// a rate just short of its target, a change that rounds to nothing, rankings
// that fell and rose, zero and small counts, and a third of the figures blank.
const provincePrev = `nam: 2023
chi_tieu:
  DT_BUU_CHINH: 120
  TB_TRA_SAU: 150.000
  DT_VIEN_THONG: 1.000
  TL_TIN_BAI_TON_TAI: "15,25"
  IN_PHOTOCOPY: 400
  DT_IN: 0
  TT_TO_CHUC_XU_PHAT: 6
xep_hang:
  XH_ICT: 8/63
  XH_DTI: 20/63
`

const provinceCur = `nam: 2024
thong_tin:
  co_quan_chu_quan: UBND TỈNH HÀ GIANG
  co_quan: SỞ THÔNG TIN VÀ TRUYỀN THÔNG
  ky_hieu: BC-STTTT
  dia_danh: Hà Giang
  ngay: 2024-12-12
  kinh_gui: [Bộ Thông tin và Truyền thông]
  can_cu: Thực hiện Công văn số 100/BTTTT-VP của Bộ Thông tin và Truyền thông
  chuc_vu: GIÁM ĐỐC
  nguoi_ky: Trần Thị Bình
  noi_nhan: [Như trên, "Lưu: VT"]
chi_tieu:
  DT_BUU_CHINH: {thuc_hien: 99, ke_hoach: 110}
  TB_TRA_SAU_MOI:
  TB_TRA_SAU: 148.000
  TB_INTERNET: {thuc_hien: 315, ke_hoach: 300}
  DT_VIEN_THONG: 1.000
  TTHC_TONG: 1.842
  DVC_34: 1.473
  DVC_MD4: 1.000
  TTHC_PHAT_SINH: 1.000
  HS_TRUC_TUYEN: 5.000
  TIN_BAI: 8
  TL_TIN_BAI_TON_TAI: "12,3"
  IN_CO_SO_CAP_PHEP: 7
  IN_CO_SO_KHAC: 12
  IN_PHOTOCOPY: 300
  DT_IN: 5
  PH_CO_SO: 9
  PH_CO_SO_LON: 3
  PH_DOANH_NGHIEP: 2
  TT_SO_CUOC: 0
  TT_TO_CHUC_XU_PHAT: {thuc_hien: 0, ke_hoach: 5}
  TT_TIEN_PHAT: 0
  DON_THU: 2
  DON_TO_CAO: 0
  DON_KIEN_NGHI: 2
xep_hang:
  XH_ICT: 12/63
  XH_DTI: 15/63
noi_dung:
  - {phan: nhiem_vu, muc: Về Công nghệ thông tin, y: [Triển khai nền tảng số dùng chung của tỉnh.]}
`

// provinceWorkspace writes the sample catalogue (where IN_PHOTOCOPY is
// neutral), with the province's own higher target, and the two years.
func provinceWorkspace(t *testing.T) string {
	t.Helper()
	return sampleCatalogueWorkspace(t, [][2]string{
		{"cong_thuc: DVC_34 / TTHC_TONG * 100\n    muc_tieu: \">= 40\"", "cong_thuc: DVC_34 / TTHC_TONG * 100\n    muc_tieu: \">= 80\""},
	}, map[string]string{"2023.yaml": provincePrev, "2024.yaml": provinceCur})
}

// sampleCatalogueWorkspace writes a data folder: the sample catalogue with
// edits {old, new} applied, and the given year files.
func sampleCatalogueWorkspace(t *testing.T, edits [][2]string, years map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	cat, err := fs.ReadFile(data.FS, "chi-tieu.yaml")
	if err != nil {
		t.Fatal(err)
	}
	catalogue := string(cat)
	if !strings.Contains(catalogue, "  - ma: IN_PHOTOCOPY\n    ten: Cơ sở photocopy\n    don_vi: cơ sở\n    nhom: TTTT\n    chieu: trung_tinh\n") {
		t.Fatal("the sample catalogue no longer marks IN_PHOTOCOPY neutral")
	}
	for _, e := range edits {
		if !strings.Contains(catalogue, e[0]) {
			t.Fatalf("catalogue lacks %q", e[0])
		}
		catalogue = strings.Replace(catalogue, e[0], e[1], 1)
	}
	years["chi-tieu.yaml"] = catalogue
	for name, text := range years {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// generateProvince writes the province's 2024 report and returns its bytes.
func generateProvince(t *testing.T) (*input.Workspace, *Result, []byte) {
	t.Helper()
	ws, err := input.Open(provinceWorkspace(t))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "bao-cao.docx")
	res, err := Run(Options{Workspace: ws, Period: model.YearPeriod(2024), Output: out})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return ws, res, b
}

// TestAnotherProvinceInLibreOffice: what LibreOffice reads from the report
// says the same as our reader.
func TestAnotherProvinceInLibreOffice(t *testing.T) {
	_, _, b := generateProvince(t)
	text := officetest.Text(t, b)
	for _, want := range []string{
		"đạt tỷ lệ 79,97%.",
		"giảm 3,0 điểm phần trăm so với năm 2023", // a difference at the rates' decimals, as 12,3% is written
		"trong đó không có đơn thư tố cáo, 02 đơn kiến nghị, phản ánh.",
		"Các chỉ tiêu trong Kế hoạch năm 2024 cơ bản đạt chỉ tiêu, kế hoạch đề ra (4/6 chỉ tiêu đạt; 2 chỉ tiêu chưa có số liệu).",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice text lacks %q", want)
		}
	}
}

func TestAnotherProvinceEverySentenceAgreesWithTheData(t *testing.T) {
	ws, res, b := generateProvince(t)
	text, err := docxpkg.Text(b)
	if err != nil {
		t.Fatal(err)
	}
	text, _, _ = strings.Cut(text, "Nơi nhận:") // the body; the appendix tabulates every figure
	for _, want := range []string{
		// 1: a verdict from the data, and only the rankings that did not fall.
		"Các chỉ tiêu trong Kế hoạch năm 2024 cơ bản đạt chỉ tiêu, kế hoạch đề ra (4/6 chỉ tiêu đạt; 2 chỉ tiêu chưa có số liệu).",
		"- Chỉ số đánh giá chuyển đổi số (DTI) xếp thứ 15/63 tỉnh, thành phố (tăng 5 bậc so với năm 2023).",
		// 2.1: a fall against plan; no last year's value; a change within rounding.
		"Doanh thu bưu chính, chuyển phát thực hiện cả năm 2024 đạt 99 tỷ đồng, giảm 17,5% so với cùng kỳ năm 2023, đạt 90% Kế hoạch năm 2024.",
		"Tổng số thuê bao điện thoại cố định và di động trả sau duy trì trên mạng đến hết năm 2024 đạt 148.000 thuê bao, giảm 2.000 thuê bao so với thời điểm cuối năm 2023.",
		"- Tổng số thuê bao Internet duy trì trên mạng đến hết năm 2024 đạt 315 thuê bao, đạt 105% Kế hoạch năm 2024.",
		"Doanh thu viễn thông, Internet cả năm 2024 đạt 1.000 tỷ đồng, tương đương so với cùng kỳ năm 2023.",
		// 2.2: 1473/1842 = 79,967% against ≥ 80: not met, and not shown as 80,0%.
		"Kết quả thực hiện các chỉ tiêu về ứng dụng công nghệ thông tin",
		"Chưa đạt mục tiêu tối thiểu 80% dịch vụ công trực tuyến mức độ 3, 4: Cổng cung cấp dịch vụ công trực tuyến của tỉnh cung cấp 1.473 dịch vụ công trực tuyến mức độ 3, 4 trên tổng số 1.842 thủ tục hành chính của tỉnh, đạt tỷ lệ 79,97%.",
		"Trong đó cung cấp 1.000 thủ tục hành chính ở mức độ 4, đạt tỷ lệ 54,3% (đạt mục tiêu tối thiểu 30%).",
		"Đạt mục tiêu trên 50% số thủ tục hành chính phát sinh hồ sơ trực tuyến mức độ 3, 4: có 1.000 thủ tục hành chính",
		// 2.3: small counts with a leading zero everywhere; a zero base gives no comparison.
		"cả năm 2024 đạt 08 tin, bài, phóng sự thông tin về tỉnh, trong đó có khoảng 12,3% tin, bài phản ánh những vấn đề còn tồn tại cần giải quyết.",
		"- Hoạt động in: trên địa bàn tỉnh có 07 cơ sở in được Sở Thông tin và Truyền thông cấp phép, khoảng 12 cơ sở in các sản phẩm in khác không thuộc danh mục sản phẩm in phải cấp phép và khoảng 300 cơ sở photocopy. Tổng doanh thu hoạt động in trong năm đạt 5 tỷ đồng.",
		"- Hoạt động phát hành: hiện trên địa bàn tỉnh có khoảng 09 cơ sở phát hành xuất bản phẩm, trong đó có 03 cơ sở phát hành lớn và 02 đơn vị",
		// 2.4 and 3: zero counts read naturally.
		"- Kết quả: Đoàn thanh tra, kiểm tra không phát hiện tổ chức vi phạm phải xử phạt vi phạm hành chính.",
		"- Trong năm 2024, Thanh tra Sở đã tiếp nhận 02 đơn thư, trong đó không có đơn thư tố cáo, 02 đơn kiến nghị, phản ánh.",
		"Trong năm, Thanh tra Sở không tiến hành cuộc thanh tra, kiểm tra nào.",
		// 4: what fell short, and the bad news only.
		"+ Doanh thu bưu chính, chuyển phát đạt 99 tỷ đồng, đạt 90% Kế hoạch năm 2024.",
		"+ Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4 đạt 79,97%, chưa đạt mục tiêu tối thiểu 80%.",
		"+ Doanh thu bưu chính, chuyển phát đạt 99 tỷ đồng, giảm 21 tỷ đồng so với năm 2023;",
		"+ Tỷ lệ tin, bài phản ánh những vấn đề còn tồn tại đạt 12,3%, giảm 3,0 điểm phần trăm so với năm 2023;",
		"+ Chỉ số ứng dụng CNTT (ICT Index) đạt thứ 12/63, giảm 4 bậc so với năm 2023.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, wrong := range []string{
		"đều đạt và vượt", "Hoàn thành 100%", "xếp thứ 12/63 tỉnh, thành phố", // claims the data contradict
		"Cơ sở photocopy đạt", "Tổ chức bị xử phạt", "Doanh thu viễn thông, Internet đạt 1.000", // good news and no news are not listed
		"Sở không có vụ việc khiếu nại", // a claim only the narrative may make
		" %", "tăng -", "giảm -", "…", "NaN",
		"Hoạt động xuất bản", "Cổng Dịch vụ công quốc gia", "phát sinh trong năm", // sentences whose figures are blank
	} {
		if strings.Contains(text, wrong) {
			t.Errorf("report states %q", wrong)
		}
	}
	// No count of zero, and no small count without its leading zero.
	if m := regexp.MustCompile(`(?:có|đạt|tiếp nhận|tiến hành|với) 0 `).FindString(text); m != "" {
		t.Errorf("a zero count reads %q", m)
	}
	if m := regexp.MustCompile(`(?:có|đạt|khoảng|tiếp nhận) [1-9] (?:cơ|đơn|tin|thuê|tổ|cuộc)`).FindString(text); m != "" {
		t.Errorf("a small count without its leading zero: %q", m)
	}

	// Each blank figure a sentence needed is a warning at its place.
	omitted := map[string]model.Pos{}
	for _, f := range res.Warnings {
		if f.Code == "omitted" {
			omitted[strings.Fields(f.Msg)[2]] = f.Pos
		}
	}
	for _, code := range []string{"TB_TRA_SAU_MOI", "TB_DI_DONG", "TB_INTERNET_MOI", "TL_DVC_QG", "TL_HS_TRUC_TUYEN", "XB_TO_CHUC", "XB_SAN_LUONG", "PH_XUAT_BAN_PHAM"} {
		if _, ok := omitted[code]; !ok {
			t.Errorf("no omitted warning for %s; warnings:\n%s", code, res.Warnings)
		}
	}
	if p := omitted["TB_TRA_SAU_MOI"]; p.Line != lineOf(provinceCur, "TB_TRA_SAU_MOI:") {
		t.Errorf("TB_TRA_SAU_MOI omitted at %v, want its line", p)
	}

	// --strict: the omissions are errors and nothing is written.
	strictOut := filepath.Join(t.TempDir(), "nghiem.docx")
	if _, err := Run(Options{Workspace: ws, Period: model.YearPeriod(2024), Output: strictOut, Strict: true}); err == nil || !strings.Contains(err.Error(), "omitted") && !strings.Contains(err.Error(), "câu nói về chỉ tiêu này được bỏ") {
		t.Errorf("strict: %v", err)
	}
	if _, err := os.Stat(strictOut); err == nil {
		t.Error("strict wrote a report")
	}

	// The last body paragraph keeps with "Nơi nhận" and the signature.
	pkg, err := docxpkg.Open(b)
	if err != nil {
		t.Fatal(err)
	}
	doc := pkg.Part(docxpkg.DocumentPart)
	last := strings.Index(doc, "Triển khai nền tảng số dùng chung của tỉnh.")
	if last < 0 {
		t.Fatal("no last paragraph")
	}
	start := strings.LastIndex(doc[:last], "<w:p>")
	rest := doc[last:]
	between := rest[strings.Index(rest, "</w:p>")+len("</w:p>") : strings.Index(rest, "<w:tbl>")]
	if !strings.Contains(doc[start:last], "<w:keepNext/>") || strings.Contains(between, "<w:p>") || strings.Contains(between, "<w:p ") {
		t.Errorf("the last paragraph does not keep with the closing table:\n%s", doc[start:last+len(between)+200])
	}
}

func lineOf(text, needle string) int {
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, needle) {
			return i + 1
		}
	}
	return 0
}
