package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/officetest"
	"github.com/shopspring/decimal"
)

// truthReport is a small province unlike the sample: a rate with two
// decimals, a rate just below its target, a lower-is-better indicator within
// and one beyond its plan ceiling, a neutral indicator, a change that rounds
// to nothing, a ranking that fell and one that rose, and a figure left blank.
func truthReport(t *testing.T) *compute.Report {
	t.Helper()
	target := func(s string) *model.Target {
		tg, err := model.ParseTarget(s)
		if err != nil {
			t.Fatal(err)
		}
		return tg
	}
	cat := model.NewCatalogue("chi-tieu.yaml", []model.Group{{Code: "G", Name: "Nhóm"}}, []*model.Indicator{
		{Code: "TL2", Name: "Tỷ lệ hai chữ số", Unit: "%", Kind: model.Rate, Decimals: 2, Group: "G"},
		{Code: "DAT", Name: "Hồ sơ đạt", Unit: "hồ sơ", Group: "G"},
		{Code: "TONG", Name: "Tổng hồ sơ", Unit: "hồ sơ", Group: "G"},
		{Code: "TL_SAT", Name: "Tỷ lệ sát mục tiêu", Unit: "%", Kind: model.Rate, Decimals: 1, Formula: "DAT / TONG * 100", Target: target(">= 80"), Group: "G"},
		{Code: "VP", Name: "Vụ vi phạm", Unit: "vụ", LowerIsBetter: true, Group: "G"},
		{Code: "VP_NHIEU", Name: "Vụ vi phạm nghiêm trọng", Unit: "vụ", LowerIsBetter: true, Group: "G"},
		{Code: "SU_CO", Name: "Sự cố mất an toàn thông tin", Unit: "sự cố", LowerIsBetter: true, Group: "G"},
		{Code: "PHOTO", Name: "Cơ sở photocopy", Unit: "cơ sở", Neutral: true, Group: "G"},
		{Code: "GAN", Name: "Doanh thu gần như không đổi", Unit: "tỷ đồng", Group: "G"},
		{Code: "XH_XUONG", Name: "Chỉ số xuống hạng", Kind: model.Rank, Group: "G"},
		{Code: "XH_LEN", Name: "Chỉ số lên hạng", Kind: model.Rank, Group: "G"},
		{Code: "TRONG", Name: "Chỉ tiêu để trống", Unit: "cuộc", Group: "G"},
		{Code: "CUOC", Name: "Cuộc kiểm tra", Unit: "cuộc", Group: "G"},
		{Code: "TIEN", Name: "Doanh thu", Unit: "tỷ đồng", Group: "G"},
		{Code: "BAN", Name: "Xuất bản phẩm", Unit: "triệu bản", Group: "G"},
	})
	cur := &model.Figures{Period: model.YearPeriod(2023), Source: "2023.yaml",
		Entries: []*model.Entry{
			{Code: "TL2", Actual: dec("96.445")},
			{Code: "DAT", Actual: dec("1473")},
			{Code: "TONG", Actual: dec("1842")},
			{Code: "VP", Actual: dec("21"), Plan: dec("25")},
			{Code: "VP_NHIEU", Actual: dec("30"), Plan: dec("25")},
			{Code: "SU_CO", Actual: dec("2"), Plan: dec("0")},
			{Code: "PHOTO", Actual: dec("50")},
			{Code: "GAN", Actual: dec("1000.4")},
			{Code: "CUOC", Actual: dec("4")},
			{Code: "TIEN", Actual: dec("5")},
			{Code: "BAN", Actual: dec("3")},
		},
		Rankings: []*model.Ranking{{Code: "XH_XUONG", Rank: 20, Of: 63}, {Code: "XH_LEN", Rank: 5, Of: 63}},
	}
	cur.AddBlank("TRONG", model.Pos{File: "2023.xlsx", Sheet: "Chỉ tiêu", Cell: "E12"})
	prev := &model.Figures{Period: model.YearPeriod(2022), Source: "2022.yaml",
		Entries: []*model.Entry{
			{Code: "TL2", Actual: dec("93.5")},
			{Code: "VP", Actual: dec("30")},
			{Code: "VP_NHIEU", Actual: dec("20")},
			{Code: "PHOTO", Actual: dec("80")},
			{Code: "GAN", Actual: dec("1000")},
			{Code: "CUOC", Actual: dec("6")},
		},
		Rankings: []*model.Ranking{{Code: "XH_XUONG", Rank: 12, Of: 63}, {Code: "XH_LEN", Rank: 9, Of: 63}},
	}
	return compute.Compute(cat, cur, prev)
}

// renderReport renders one paragraph per line with rep; it returns the
// paragraphs and the renderer, for Omitted.
func renderReport(t *testing.T, rep *compute.Report, lines ...string) ([]string, *Renderer, error) {
	t.Helper()
	var body strings.Builder
	for _, l := range lines {
		body.WriteString(docxtest.P(l))
	}
	r, err := New(docxtest.Build(docxtest.Files{Body: body.String()}), rep.Catalogue)
	if err != nil {
		return nil, nil, err
	}
	out, err := r.Render(rep)
	if err != nil {
		return nil, r, err
	}
	p, err := docxpkg.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	return docxpkg.Paragraphs(p.Part("word/document.xml")), r, nil
}

func TestTruthfulWording(t *testing.T) {
	cases := []struct{ tag, want string }{
		// 1. A rate changes in points, in every field and function.
		{`{{ (chi_tieu "TL2").ChenhLech }}`, "tăng 2,95 điểm phần trăm"},
		// Points at the decimals the rates are shown at (93,50 → 96,45); at 1
		// decimal when asked, 2,945 rounded once: 2,9, not 2,95 then 3,0.
		{`{{ (chi_tieu "TL2").TangGiam }}; {{ tang_giam (chi_tieu "TL2") 1 }}`, "tăng 2,95 điểm phần trăm; tăng 2,9 điểm phần trăm"},
		{`{{ (chi_tieu "TL2").SoVoiCungKy }}`, "tăng 2,95 điểm phần trăm so với cùng kỳ năm 2022"},
		// 2. Rounded once, from the exact value, at the precision shown.
		{`{{ so (chi_tieu "TL2") 1 }} {{ so (chi_tieu "TL2") }}`, "96,4 96,45"},
		{`{{ so (chi_tieu "TL_SAT") 3 }}`, "79,967"},
		{`{{ with chi_tieu "TL_SAT" }}{{ .GiaTriDonVi }} ({{ .KetQuaMucTieu }}){{ end }}`, "79,97% (chưa đạt mục tiêu tối thiểu 80%)"},
		// 4. A lower-is-better plan is a ceiling.
		{`{{ (chi_tieu "VP").DatKeHoach }}`, "trong giới hạn Kế hoạch năm 2023 (không quá 25 vụ)"},
		{`{{ (chi_tieu "VP_NHIEU").DatKeHoach }}`, "vượt 20% so với giới hạn Kế hoạch năm 2023 (không quá 25 vụ)"},
		{`{{ (chi_tieu "VP").VuotKeHoach }}`, "trong giới hạn Kế hoạch năm 2023 (không quá 25 vụ)"},
		{`{{ (chi_tieu "SU_CO").DatKeHoach }}`, "vượt giới hạn Kế hoạch năm 2023 (không quá 0 sự cố)"},
		{`{{ range .ChuaDatKeHoach }}{{ .Ma }} {{ end }}`, "VP_NHIEU SU_CO "},
		// Bad news only: VP fell (good), PHOTO is neutral, GAN reads "tương đương", XH_LEN rose.
		{`{{ range .GiamSoVoiCungKy }}{{ .Ma }} {{ end }}`, "VP_NHIEU XH_XUONG CUOC "},
		{`{{ (chi_tieu "GAN").SoVoiCungKy }}`, "tương đương so với cùng kỳ năm 2022"},
		{`{{ range .XepHangNoiBat }}{{ .Ma }} {{ end }}`, "XH_LEN "},
		{`{{ range .ChuaDatMucTieu }}{{ .Ma }}{{ end }}`, "TL_SAT"},
		{`{{ .DanhGiaChung }}`, "chưa đạt phần lớn chỉ tiêu, kế hoạch đề ra (1/4 chỉ tiêu đạt)"},
		{`{{ if .DeuDat }}đều đạt{{ else }}không{{ end }} {{ if .DatMoiMucTieu "G" }}100%{{ else }}chưa{{ end }}`, "không chưa"},
		// 6. Numbers compare as numbers; arithmetic is exact.
		{`{{ if gt (chi_tieu "TONG").GiaTriSo 200 }}lớn{{ end }} {{ if lt (chi_tieu "TL2").GiaTriSo 96.5 }}nhỏ{{ end }} {{ if eq (chi_tieu "VP").GiaTriSo 21 }}bằng{{ end }}`, "lớn nhỏ bằng"},
		{`{{ tru (chi_tieu "TONG") (chi_tieu "DAT") }} {{ nhan "1,5" 2 }} {{ chia 10 4 }} {{ chia 10 3 }} {{ cong 0.1 0.2 }}`, "369 3 2,5 3,33 0,3"},
		{`{{ ty_le (chi_tieu "DAT") (chi_tieu "TONG") }}% {{ so (ty_le 1473 1842) 3 }}`, "80,0% 79,967"},
		{`{{ range $i, $x := .XepHang }}{{ stt $i }}. {{ $x.Ma }} {{ end }}`, "1. XH_XUONG 2. XH_LEN "},
		{`{{ noi .XepHang ", " " và " }}`, "Chỉ số xuống hạng và Chỉ số lên hạng"},
		// 3. Zero and small counts: a count has its leading zero in lists too; money and scales do not.
		{`{{ range .GiamSoVoiCungKy }}{{ if eq .Ma "CUOC" }}{{ .GiaTriDonVi }}, {{ .ChenhLech }}{{ end }}{{ end }}`, "04 cuộc, giảm 02 cuộc"},
		{`{{ (chi_tieu "TIEN").GiaTriDonVi }}; {{ (chi_tieu "BAN").GiaTriDonVi }}`, "5 tỷ đồng; 3 triệu bản"},
		{`{{ if (chi_tieu "VP").BangKhong }}không có{{ else }}có {{ (chi_tieu "VP").HaiChuSo }} vụ{{ end }}`, "có 21 vụ"},
	}
	expectRendered(t, truthReport(t), cases)
}

// expectRendered renders each case's tag alone in a paragraph and checks that
// it reads as wanted.
func expectRendered(t *testing.T, rep *compute.Report, cases []struct{ tag, want string }) {
	t.Helper()
	for _, c := range cases {
		got, _, err := renderReport(t, rep, c.tag)
		if err != nil {
			t.Errorf("%s: %v", c.tag, err)
			continue
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s\n got %q\nwant %q", c.tag, got, c.want)
		}
	}
}

// TestOmission: a guarded sentence without its figure is left out and the
// indicator listed; the same figure printed unguarded is an error naming both
// the paragraph and the cell to fill.
func TestOmission(t *testing.T) {
	rep := truthReport(t)
	got, r, err := renderReport(t, rep,
		`Trước.`,
		`{{ if co_so_lieu "TRONG" }}`, `Có {{ (chi_tieu "TRONG").HaiChuSo }} cuộc.`, `{{ end }}`,
		`{{ with chi_tieu "TRONG" }}{{ if .CoSoLieu }}Câu nữa.{{ end }}{{ end }}Sau.`)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "|") != "Trước.|Sau." {
		t.Errorf("paragraphs %q", got)
	}
	if o := r.Omitted(); len(o) != 1 || o[0] != "TRONG" {
		t.Errorf("Omitted = %v", o)
	}
	_, _, err = renderReport(t, rep, `Trước.`, `Có {{ (chi_tieu "TRONG").HaiChuSo }} cuộc.`)
	if err == nil {
		t.Fatal("an unguarded missing value rendered")
	}
	for _, want := range []string{"đoạn 2", "chưa có số thực hiện năm 2023 của chỉ tiêu TRONG", "2023.xlsx: Chỉ tiêu!E12", `co_so_lieu "TRONG"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestFunctionMisuseInVietnamese(t *testing.T) {
	rep := truthReport(t)
	for _, c := range []struct{ tag, want string }{
		// The engine's comparisons refuse text against a number: .GiaTriSo is the number.
		{`{{ if gt (chi_tieu "TONG").GiaTri 2000 }}x{{ end }}`, "so sánh chữ với số"},
		{`{{ if gt (chi_tieu "TONG") 2000 }}x{{ end }}`, "không so sánh được giá trị với số"},
		{`{{ chia 1 0 }}`, "không chia được cho 0"},
		{`{{ cong "một" 1 }}`, "hàm «cong» cần một số, không phải chữ «một»"},
		{`{{ noi .Nam ", " }}`, "hàm «noi» cần một danh sách"},
	} {
		_, _, err := renderReport(t, rep, c.tag)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.tag, err, c.want)
		}
	}
}

// TestNewFunctionsInLibreOffice reads back, through LibreOffice, a template
// built here that uses the numeric value, arithmetic, the loop counter and join.
func TestNewFunctionsInLibreOffice(t *testing.T) {
	rep := truthReport(t)
	var body strings.Builder
	for _, p := range []string{
		`{{ if gt (chi_tieu "TONG").GiaTriSo 1000 }}Hơn một nghìn hồ sơ.{{ end }}`,
		`Chênh lệch {{ tru (chi_tieu "TONG") (chi_tieu "DAT") }} hồ sơ, tỷ lệ {{ so (ty_le (chi_tieu "DAT") (chi_tieu "TONG")) 3 }}%.`,
		`{{ range $i, $x := .XepHang }}{{ stt $i }}. {{ $x.Ten }}; {{ end }}`,
		`Gồm: {{ noi .XepHang ", " " và " }}.`,
	} {
		body.WriteString(docxtest.P(p))
	}
	r, err := New(docxtest.Build(docxtest.Files{Body: body.String()}), rep.Catalogue)
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(rep)
	if err != nil {
		t.Fatal(err)
	}
	text := officetest.Text(t, out)
	for _, want := range []string{
		"Hơn một nghìn hồ sơ.",
		"Chênh lệch 369 hồ sơ, tỷ lệ 79,967%.",
		"1. Chỉ số xuống hạng; 2. Chỉ số lên hạng;",
		"Gồm: Chỉ số xuống hạng và Chỉ số lên hạng.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice text lacks %q:\n%s", want, text)
		}
	}
}

// TestArithmeticBounded: a loop that grows an exact fraction stops at the
// documented bound with a located error, in bounded time; numbers within the
// bound are exact.
func TestArithmeticBounded(t *testing.T) {
	rep := truthReport(t)
	// $e is 10^(compute.MaxDigits-1), the largest power of ten within the bound.
	e := fmt.Sprintf(`{{ $e := 1 }}{{ range %d }}{{ $e = nhan $e 10 }}{{ end }}`, compute.MaxDigits-1)
	nines := `(cong (nhan (tru $e 1) 10) 9)` // compute.MaxDigits nines
	for _, c := range []struct{ tag, fn string }{
		{`{{ $x := 1 }}{{ range 400000 }}{{ $x = cong (chia $x 3) 1 }}{{ end }}{{ so $x 2 }}`, "chia"},
		{`{{ $x := 10 }}{{ range 200 }}{{ $x = nhan $x $x }}{{ end }}{{ $x }}`, "nhan"},
		{e + `{{ nhan $e 10 }}`, "nhan"},
		{e + `{{ cong ` + nines + ` 1 }}`, "cong"},
		{e + `{{ tru (tru 0 ` + nines + `) 1 }}`, "tru"},
		{e + `{{ ty_le 1 (chia 1 $e) }}`, "ty_le"},
		{e + `{{ chia (chia 1 $e) 10 }}`, "chia"},
	} {
		_, _, err := renderReport(t, rep, c.tag)
		want := fmt.Sprintf("hàm «%s»: kết quả vượt quá %d chữ số", c.fn, compute.MaxDigits)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "đoạn 1") {
			t.Errorf("%.60s: error %v, want %q", c.tag, err, want)
		}
	}
	out, _, err := renderReport(t, rep, e+`{{ so_gon `+nines+` 0 }} {{ so_gon (tru 0 `+nines+`) 0 }} {{ so (chia 1 $e) 0 }}`)
	n := strings.Repeat("9", compute.MaxDigits)
	if err != nil || len(out) != 1 || strings.ReplaceAll(out[0], ".", "") != n+" -"+n+" 0" {
		t.Errorf("numbers of %d digits: %v %v", compute.MaxDigits, out, err)
	}
}

// TestMessagesNameTemplateConcepts: a misused value is named as a template's
// author knows it (chỉ tiêu, dòng, danh sách), never by its Go type, and a
// number too large for a tag or a counter is refused in Vietnamese.
func TestMessagesNameTemplateConcepts(t *testing.T) {
	rep := truthReport(t)
	for _, c := range []struct{ tag, want, not string }{
		{`{{ chi_tieu "DAT" }}`, `in ra cả một chỉ tiêu, không phải một giá trị; hãy chọn một trường, ví dụ {{(chi_tieu "DAT").GiaTri}}`, ""},
		{`{{ index .ChiTieu 99999 }}`, "in ra cả một dòng của phụ lục, không phải một giá trị; hãy chọn một trường, ví dụ .Ten", "(index"},
		{`{{ range .Nhom }}{{ . }}{{ end }}`, "in ra cả một nhóm chỉ tiêu của phụ lục", ""},
		{`{{ with .ChiTieu }}{{ with .ChiTieu }}x{{ end }}{{ end }}`, "không có trường «.ChiTieu»: «.» ở đây là danh sách dòng của phụ lục, không có trường nào", ""},
		{`{{ range 99999999999999999999 }}x{{ end }}`, "số «99999999999999999999» quá lớn: số nguyên viết trong thẻ tối đa 9.223.372.036.854.775.807", "overflow"},
		{`{{ bang_chu ` + strings.Repeat("9", 50) + ` }}`, "số «" + strings.Repeat("9", 50) + "» quá lớn", "overflow"},
		{`{{ stt 9223372036854775807 }}`, "hàm «stt» cần số lượt của một vòng lặp {{range}} (từ 0), không phải 9223372036854775807", ""},
		{`{{ stt -1 }}`, "hàm «stt» cần số lượt của một vòng lặp {{range}} (từ 0), không phải -1", ""},
	} {
		_, _, err := renderReport(t, rep, c.tag)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.tag, err, c.want)
			continue
		}
		msg := err.Error()
		for _, goText := range []string{"render.", "[]", "kiểu", "*", c.not} {
			if goText != "" && strings.Contains(msg, goText) {
				t.Errorf("%s: error %q names %q", c.tag, msg, goText)
			}
		}
	}
	out, _, err := renderReport(t, rep, `{{ stt 0 }} {{ stt 9223372036854775806 }}`)
	if err != nil || len(out) != 1 || out[0] != "1 9223372036854775807" {
		t.Errorf("stt: %v %v", out, err)
	}
}

// With no indicator meeting its plan, the overall judgement does not speak of
// "most" of them, which would say some were met.
func TestNoneMet(t *testing.T) {
	cat := model.NewCatalogue("chi-tieu.yaml", nil, []*model.Indicator{{Code: "LUA", Name: "Sản lượng lúa", Unit: "tấn"}})
	plan, actual := decimal.NewFromInt(100), decimal.NewFromInt(90)
	cur := &model.Figures{Period: model.YearPeriod(2025), Source: "2025.yaml", Entries: []*model.Entry{{Code: "LUA", Actual: &actual, Plan: &plan}}}
	expectRendered(t, compute.Compute(cat, cur, nil), []struct{ tag, want string }{
		{`{{ .DanhGiaChung }}`, "chưa đạt các chỉ tiêu, kế hoạch đề ra (0/1 chỉ tiêu đạt)"},
	})
}

// A ceiling target is kept or passed, not "reached".
func TestCeilingTargetWording(t *testing.T) {
	ceiling, err := model.ParseTarget("<= 5")
	if err != nil {
		t.Fatal(err)
	}
	cat := model.NewCatalogue("chi-tieu.yaml", nil, []*model.Indicator{
		{Code: "VUOT", Name: "Tỷ lệ vượt", Unit: "%", Kind: model.Rate, Decimals: 2, Target: ceiling, LowerIsBetter: true},
		{Code: "TRONG", Name: "Tỷ lệ trong", Unit: "%", Kind: model.Rate, Decimals: 2, Target: ceiling, LowerIsBetter: true},
	})
	over, under := decimal.RequireFromString("5.04"), decimal.RequireFromString("4.5")
	cur := &model.Figures{Period: model.YearPeriod(2025), Source: "2025.yaml", Entries: []*model.Entry{{Code: "VUOT", Actual: &over}, {Code: "TRONG", Actual: &under}}}
	expectRendered(t, compute.Compute(cat, cur, nil), []struct{ tag, want string }{
		{`{{ (chi_tieu "VUOT").KetQuaMucTieu }}`, "vượt giới hạn mục tiêu tối đa 5%"},
		{`{{ (chi_tieu "TRONG").KetQuaMucTieu }}`, "trong giới hạn mục tiêu tối đa 5%"},
	})
}
