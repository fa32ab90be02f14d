package generate

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
)

// A province whose figures fell to zero: counts, a rate, and the parts of a
// total. Each sentence of the default template must word the zero, never
// "có 0 …" or "đạt 0 …".
const zeroPrev = `nam: 2020
chi_tieu:
  TB_TRA_SAU_MOI: 1.200
  TTHC_TONG: 1.800
  TTHC_PHAT_SINH: 100
  PH_CO_SO: 25
  PH_CO_SO_LON: 2
  PH_DOANH_NGHIEP: 3
  TT_SO_CUOC: 3
`

const zeroCur = `nam: 2021
thong_tin:
  co_quan_chu_quan: UBND TỈNH LAI CHÂU
  co_quan: SỞ THÔNG TIN VÀ TRUYỀN THÔNG
  ky_hieu: BC-STTTT
  dia_danh: Lai Châu
  ngay: 2021-12-05
  kinh_gui: [Bộ Thông tin và Truyền thông]
  can_cu: Thực hiện Công văn số 9/BTTTT-VP của Bộ Thông tin và Truyền thông
  chuc_vu: GIÁM ĐỐC
  nguoi_ky: Lò Văn Páo
  noi_nhan: [Như trên, "Lưu: VT"]
chi_tieu:
  TB_TRA_SAU_MOI: 0
  TTHC_TONG: 1.842
  TTHC_PHAT_SINH: 0
  PH_CO_SO: 25
  PH_CO_SO_LON: 0
  PH_DOANH_NGHIEP: 4
  TT_SO_CUOC: 0
`

func zeroReport(t *testing.T, prev, cur string) string {
	t.Helper()
	ws, err := input.Open(sampleCatalogueWorkspace(t, nil, map[string]string{"2020.yaml": prev, "2021.yaml": cur}))
	if err != nil {
		t.Fatal(err)
	}
	_, text, _ := runText(t, Options{Workspace: ws, Period: model.YearPeriod(2021), Output: filepath.Join(t.TempDir(), "bao-cao.docx")})
	body, _, _ := strings.Cut(text, "Nơi nhận:")
	return body
}

func TestZeroFiguresReadNaturally(t *testing.T) {
	text := zeroReport(t, zeroPrev, zeroCur)
	for _, want := range []string{
		"hiện trên địa bàn tỉnh có khoảng 25 cơ sở phát hành xuất bản phẩm, trong đó có 04 đơn vị là doanh nghiệp được cấp giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm, không có cơ sở phát hành lớn.",
		"chưa có thủ tục hành chính nào trong tổng số 1.842 thủ tục hành chính của tỉnh phát sinh hồ sơ trực tuyến mức độ 3, 4.",
		"+ Cơ sở phát hành lớn giảm từ 02 cơ sở năm 2020 xuống 0;",
		"+ Cuộc thanh tra, kiểm tra giảm từ 03 cuộc năm 2020 xuống 0.",
		"+ Tỷ lệ thủ tục hành chính phát sinh hồ sơ trực tuyến mức độ 3, 4 giảm từ 5,6% năm 2020 xuống 0%;",
		"+ Tỷ lệ thủ tục hành chính phát sinh hồ sơ trực tuyến mức độ 3, 4 bằng 0, chưa đạt mục tiêu trên 50%.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if m := regexp.MustCompile(`(?:có|khoảng|đạt|đạt tỷ lệ) 0(?:,0)?(?:%| )`).FindString(text); m != "" {
		t.Errorf("a zero reads %q in:\n%s", m, text)
	}
}

// The other ways the parts of the distribution network can be zero.
func TestZeroPartsOfTheDistributionNetwork(t *testing.T) {
	for _, c := range []struct{ big, firms, want string }{
		{"3", "0", "trong đó có 03 cơ sở phát hành lớn, không có doanh nghiệp được cấp giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm."},
		{"0", "0", "trong đó không có cơ sở phát hành lớn và doanh nghiệp được cấp giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm."},
		{"3", "2", "trong đó có 03 cơ sở phát hành lớn và 02 đơn vị là doanh nghiệp được cấp giấy xác nhận đăng ký hoạt động phát hành xuất bản phẩm."},
	} {
		cur := strings.Replace(strings.Replace(zeroCur, "PH_CO_SO_LON: 0", "PH_CO_SO_LON: "+c.big, 1), "PH_DOANH_NGHIEP: 4", "PH_DOANH_NGHIEP: "+c.firms, 1)
		if text := zeroReport(t, zeroPrev, cur); !strings.Contains(text, c.want) {
			t.Errorf("%s large, %s firms: report lacks %q", c.big, c.firms, c.want)
		}
	}
}

// «Mục» may be left blank (the workbook says so): such items stand under the
// part's own heading, before the numbered headings, and the report is written.
func TestNarrativeWithoutHeading(t *testing.T) {
	cur := zeroCur + `noi_dung:
  - {phan: qlnn, y: [Chỉ đạo chung về chuyển đổi số.]}
  - {phan: qlnn, muc: "Về Bưu chính, Viễn thông", y: [Hướng dẫn doanh nghiệp bưu chính.]}
  - {phan: nhiem_vu, y: [Đẩy mạnh chuyển đổi số.]}
`
	text := zeroReport(t, zeroPrev, cur)
	for _, want := range []string{
		"năm 2021\n- Chỉ đạo chung về chuyển đổi số.\n3.1. Về Bưu chính, Viễn thông\n- Hướng dẫn doanh nghiệp bưu chính.\n3.2. Về công tác thanh tra, xử lý vi phạm\n",
		"6. Nhiệm vụ trọng tâm năm 2022\n- Đẩy mạnh chuyển đổi số.\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q in:\n%s", want, text)
		}
	}
}
