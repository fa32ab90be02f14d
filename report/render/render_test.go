package render

import (
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
	"github.com/baocao/baocao/report/model"
	"github.com/shopspring/decimal"
)

func dec(s string) *decimal.Decimal { d := decimal.RequireFromString(s); return &d }

func testReport() *compute.Report {
	target, _ := model.ParseTarget("> 50")
	cat := model.NewCatalogue("chi-tieu.yaml", nil, []*model.Indicator{
		{Code: "DT", Name: "Doanh thu", Unit: "tỷ đồng", Kind: model.Quantity},
		{Code: "MOI", Name: "Chỉ tiêu mới", Unit: "cơ sở", Kind: model.Quantity},
		{Code: "KHONG", Name: "Năm trước bằng 0", Unit: "vụ", Kind: model.Quantity},
		{Code: "TL", Name: "Tỷ lệ", Unit: "%", Kind: model.Rate, Decimals: 1, Target: target},
		{Code: "XH", Name: "Xếp hạng", Kind: model.Rank},
		{Code: "PHAT", Name: "Tiền phạt", Unit: "đồng", Kind: model.Quantity, LowerIsBetter: true},
	})
	cur := &model.Figures{Period: model.YearPeriod(2021), Source: "2021.yaml",
		Header: model.Header{Body: "SỞ TT&TT", Number: "5", Date: time.Date(2022, 1, 5, 0, 0, 0, 0, time.UTC), Distribution: []string{"Như trên", "Lưu: VT"}},
		Entries: []*model.Entry{
			{Code: "DT", Actual: dec("130"), Estimate: true, Plan: dec("110")},
			{Code: "MOI", Actual: dec("7")},
			{Code: "KHONG", Actual: dec("3")},
			{Code: "TL", Actual: dec("47.5")},
			{Code: "PHAT", Actual: dec("23000000")},
		},
		Rankings: []*model.Ranking{{Code: "XH", Rank: 11, Of: 63}},
	}
	prev := &model.Figures{Period: model.YearPeriod(2020), Source: "2020.yaml",
		Entries:  []*model.Entry{{Code: "DT", Actual: dec("120")}, {Code: "KHONG", Actual: dec("0")}, {Code: "TL", Actual: dec("45")}},
		Rankings: []*model.Ranking{{Code: "XH", Rank: 13, Of: 63}},
	}
	return compute.Compute(cat, cur, prev)
}

// renderLines renders one paragraph per line of src and returns the output paragraphs.
func renderLines(t *testing.T, lines ...string) ([]string, error) {
	t.Helper()
	return renderLinesOf(t, testReport(), lines...)
}

// renderLinesOf is renderLines for the report rep.
func renderLinesOf(t *testing.T, rep *compute.Report, lines ...string) ([]string, error) {
	t.Helper()
	var body strings.Builder
	for _, l := range lines {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + docxtest.Esc(l) + `</w:t></w:r></w:p>`)
	}
	r, err := New(docxtest.Build(docxtest.Files{Body: body.String()}), rep.Catalogue)
	if err != nil {
		return nil, err
	}
	out, err := r.Render(rep)
	if err != nil {
		return nil, err
	}
	p, err := docxpkg.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	return docxpkg.Paragraphs(p.Part("word/document.xml")), nil
}

func TestWording(t *testing.T) {
	cases := []struct{ tag, want string }{
		{`{{ with chi_tieu "DT" }}{{ .UocDat }} {{ .GiaTriDonVi }}, {{ .SoVoiCungKy }}, {{ .DatKeHoach }}{{ end }}`,
			"ước đạt 130 tỷ đồng, tăng 8,3% so với cùng kỳ năm 2020, đạt 118,2% Kế hoạch năm 2021"},
		{`{{ (chi_tieu "DT").VuotKeHoach }}`, "vượt 18,2% Kế hoạch năm 2021"},
		{`{{ dat_ke_hoach (chi_tieu "DT") 0 }}; {{ tang_giam (chi_tieu "DT") 0 }}`, "đạt 118% Kế hoạch năm 2021; tăng 8%"},
		{`{{ (chi_tieu "DT").ChenhLech }}`, "tăng 10 tỷ đồng"},
		{`{{ (chi_tieu "DT").TienBangChu }}`, "Một trăm ba mươi tỷ đồng"},
		{`{{ (chi_tieu "MOI").SoVoiCungKy }}`, "chưa có số liệu năm 2020 để so sánh"},
		{`{{ (chi_tieu "MOI").UocDat }} {{ (chi_tieu "MOI").HaiChuSo }}`, "đạt 07"},
		{`{{ (chi_tieu "PHAT").UocDat }} {{ (chi_tieu "PHAT").GiaTri }}`, "là 23.000.000"}, // a fine is nothing to reach
		{`{{ (chi_tieu "KHONG").TangGiam }}`, "không so sánh được do số liệu năm 2020 bằng 0"},
		{`{{ (chi_tieu "TL").GiaTriDonVi }} {{ (chi_tieu "TL").TangGiam }}`, "47,5% tăng 2,5 điểm phần trăm"},
		{`{{ (chi_tieu "TL").KetQuaMucTieu }}`, "chưa đạt mục tiêu trên 50%"},
		{`{{ (chi_tieu "XH").ThuHang }} {{ (chi_tieu "XH").TangGiam }}`, "11/63 tăng 2 bậc"},
		{`{{ (chi_tieu "XH").SoVoiCungKy }}`, "tăng 2 bậc so với năm 2020"},
		{`{{ (chi_tieu "PHAT").GiaTri }} đồng ({{ (chi_tieu "PHAT").TienBangChu }})`, "23.000.000 đồng (Hai mươi ba triệu đồng)"},
		{`{{ so_gon (chi_tieu "TL") }} {{ so_gon "47,0" }} {{ so_gon "3,756" 2 }}`, "47,5 47 3,76"},
		{`{{ bo_dau_cau "Kiểm tra hoạt động in." }}; {{ bo_dau_cau "Ý thứ hai;" }}`, "Kiểm tra hoạt động in; Ý thứ hai"},
		{`{{ so 8.3 2 }} {{ so_gon 47.0 }}`, "8,30 47"},
		{`{{ so "1150" }} {{ so 8 2 }} {{ bang_chu 21 }} {{ hai_chu_so 3 }} {{ viet_hoa "ước đạt" }} {{ cong 3 1 }}`, "1.150 8,00 hai mươi mốt 03 Ước đạt 4"},
		{`Số: {{ .So }}, {{ .Ngay }}, {{ .CoQuan }}`, "Số: 05, ngày 05 tháng 01 năm 2022, SỞ TT&TT"},
		{`{{ range $i, $x := .NoiNhan }}- {{ $x }}{{ dau_cuoi $i $.NoiNhan }} {{ end }}`, "- Như trên; - Lưu: VT. "},
		{`{{ range .ChuaDatMucTieu }}{{ .Ma }} {{ end }}|{{ range .GiamSoVoiCungKy }}{{ .Ma }}{{ end }}|{{ range .XepHang }}{{ .Ma }}{{ end }}`, "TL ||XH"}, // XH rose two places: good news,
	}
	for _, c := range cases {
		got, err := renderLines(t, c.tag)
		if err != nil {
			t.Errorf("%s: %v", c.tag, err)
			continue
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s\n got %q\nwant %q", c.tag, got, c.want)
		}
	}
}

func TestMissingValuesAreLocatedErrors(t *testing.T) {
	_, err := renderLines(t,
		`{{ .Nam }}`,
		`{{ (chi_tieu "MOI").DatKeHoach }}`,
		`{{ .NguoiKy }}`,
		`{{ (chi_tieu "DT").MucTieu }}`,
	)
	if err == nil {
		t.Fatal("missing values rendered without error")
	}
	msg := err.Error()
	for _, want := range []string{
		"đoạn 2", "chỉ tiêu MOI chưa có kế hoạch năm 2021",
		"đoạn 3", "thiếu họ tên người ký (nguoi_ky)",
		"đoạn 4", "chỉ tiêu DT không có mục tiêu",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("errors lack %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "đoạn 1 ") {
		t.Errorf("paragraph 1 has no problem:\n%s", msg)
	}
}

func TestTemplateCheckedAgainstCatalogue(t *testing.T) {
	_, err := renderLines(t, `{{ (chi_tieu "DX").GiaTri }}`, `{{ (chi_tieu "DT").GiaTrii }}`, `{{ tang_giam (chi_tieu "DT") 9 }}`)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"«DX»", "có phải ý là «DT»?", "GiaTrii", `.GiaTri»?`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%s", want, err)
		}
	}
	_, err = renderLines(t, `{{ tang_giam (chi_tieu "DT") 9 }}`)
	if err == nil || !strings.Contains(err.Error(), "từ 0 đến 6") {
		t.Errorf("bad precision: %v", err)
	}
}

func TestIndicatorsNamedByTemplate(t *testing.T) {
	rep := testReport()
	body := `<w:p><w:r><w:t>{{ (chi_tieu "TL").GiaTri }} {{ (chi_tieu "DT").GiaTri }} {{ (chi_tieu "TL").TangGiam }}</w:t></w:r></w:p>`
	r, err := New(docxtest.Build(docxtest.Files{Body: body}), rep.Catalogue)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.Indicators(), ","); got != "TL,DT" {
		t.Errorf("Indicators = %s", got)
	}
}

func TestMucGroupsByHeading(t *testing.T) {
	rep := testReport()
	rep.Current.Narrative = []model.NarrativeItem{
		{Part: "qlnn", Heading: "Về Bưu chính", Text: "a"},
		{Part: "qlnn", Heading: "Về CNTT", Text: "b"},
		{Part: "nhiem_vu", Heading: "Về Bưu chính", Text: "khác phần"},
		{Part: "qlnn", Heading: "Về Bưu chính", Text: "c"}, // a row added at the bottom
	}
	got := newReport(rep, docxtpl.NewProblems()).Muc("qlnn")
	if len(got) != 2 || got[0].So != 1 || got[0].Ten != "Về Bưu chính" || strings.Join(got[0].Y, ",") != "a,c" ||
		got[1].So != 2 || strings.Join(got[1].Y, ",") != "b" {
		t.Errorf("Muc = %+v", got)
	}
}
