package render

import (
	"math/big"
	"testing"

	"github.com/baocao/baocao/report/appendix/appendixtest"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/model"
	"github.com/shopspring/decimal"
)

// farmReport is an agriculture department's figures, unlike the sample: a
// formula rate that reaches its target exactly after missing it by 0,05 point,
// a rate entered with two decimals below its plan, an area with a decimal, and
// a rate whose last year divides 0 by 0.
func farmReport(t *testing.T) *compute.Report {
	t.Helper()
	tg, err := model.ParseTarget(">= 85")
	if err != nil {
		t.Fatal(err)
	}
	cat := model.NewCatalogue("chi-tieu.yaml", []model.Group{{Code: "NN", Name: "Nông nghiệp"}}, []*model.Indicator{
		{Code: "DT_LUA", Name: "Diện tích lúa", Unit: "ha", Decimals: 1, Group: "NN"},
		{Code: "DT_CO_GIOI", Name: "Diện tích thu hoạch bằng máy", Unit: "ha", Decimals: 1, Group: "NN"},
		{Code: "TL_CO_GIOI", Name: "Tỷ lệ cơ giới hóa", Unit: "%", Kind: model.Rate, Decimals: 1, Group: "NN",
			Formula: "DT_CO_GIOI / DT_LUA * 100", Target: tg},
		{Code: "CHE_PHU_RUNG", Name: "Tỷ lệ che phủ rừng", Unit: "%", Kind: model.Rate, Decimals: 2, Group: "NN"},
		{Code: "HS_TONG", Name: "Hồ sơ", Unit: "hồ sơ", Group: "NN"},
		{Code: "HS_TT", Name: "Hồ sơ trực tuyến", Unit: "hồ sơ", Group: "NN"},
		{Code: "TL_HS", Name: "Tỷ lệ hồ sơ trực tuyến", Unit: "%", Kind: model.Rate, Decimals: 1, Group: "NN", Formula: "HS_TT / HS_TONG * 100"},
	})
	cur := &model.Figures{Period: model.YearPeriod(2025), Source: "2025.xlsx", Entries: []*model.Entry{
		{Code: "DT_LUA", Actual: dec("99950")}, {Code: "DT_CO_GIOI", Actual: dec("84957.5")},
		{Code: "CHE_PHU_RUNG", Actual: dec("57.5"), Plan: dec("58")},
		{Code: "HS_TONG", Actual: dec("10000")}, {Code: "HS_TT", Actual: dec("2000")},
	}}
	prev := &model.Figures{Period: model.YearPeriod(2024), Source: "2024.xlsx", Entries: []*model.Entry{
		{Code: "DT_LUA", Actual: dec("100000")}, {Code: "DT_CO_GIOI", Actual: dec("84950")},
		{Code: "CHE_PHU_RUNG", Actual: dec("57.56")},
		{Code: "HS_TONG", Actual: dec("0")}, {Code: "HS_TT", Actual: dec("0")},
	}}
	return compute.Compute(cat, cur, prev)
}

// vn writes x at places decimals with appendixtest.VN, apart from vnformat.
func vn(x decimal.Decimal, places int) string { return appendixtest.VN(x.Round(int32(places)), places) }

// TestShownValuesAgreeWithTheWords: last year's value, this year's and the
// change between them say one thing in the prose and in the appendix.
func TestShownValuesAgreeWithTheWords(t *testing.T) {
	rep := farmReport(t)
	hundred := decimal.NewFromInt(100)
	// 84.950 / 100.000 = 84,95% (below "≥ 85"), 84.957,5 / 99.950 = 85%
	// exactly: a rise of 0,05 point that one decimal would hide (85,0 → 85,0).
	prevRate := decimal.NewFromInt(84950).Mul(hundred).Div(decimal.NewFromInt(100000))
	curRate := decimal.RequireFromString("84957.5").Mul(hundred).Div(decimal.NewFromInt(99950))
	rise := curRate.Sub(prevRate)
	if !rise.Equal(decimal.RequireFromString("0.05")) || !curRate.Equal(decimal.NewFromInt(85)) {
		t.Fatalf("fixture: %s → %s", prevRate, curRate)
	}
	wantPrev, wantCur := vn(prevRate, 2), vn(curRate, 2)
	wantRise := "tăng " + vn(rise, 2) + " điểm phần trăm"
	// 57,5 against a plan of 58: 99,137…% of it, as the prose and the
	// appendix both say; 57,56 → 57,5 is a fall of 0,06 point at 2 decimals.
	attained := decimal.RequireFromString("57.5").Mul(hundred).DivRound(decimal.NewFromInt(58), 1)
	fall := "giảm " + vn(decimal.RequireFromString("0.06"), 2) + " điểm phần trăm"
	// 100.000,0 → 99.950,0 ha: the difference written as the values are.
	lessArea := "giảm " + vn(decimal.NewFromInt(50), 1) + " ha"
	expectRendered(t, rep, []struct{ tag, want string }{
		{`{{ with chi_tieu "TL_CO_GIOI" }}{{ .GiaTriNamTruoc }} → {{ .GiaTriDonVi }} ({{ .KetQuaMucTieu }}), {{ .TangGiam }}; {{ .ChenhLech }}{{ end }}`,
			wantPrev + " → " + wantCur + "% (đạt mục tiêu tối thiểu 85%), " + wantRise + "; " + wantRise},
		{`{{ range .ChiTieu }}{{ if eq .Ma "TL_CO_GIOI" }}{{ .NamTruoc }} | {{ .ThucHien }} | {{ .SoCungKy }}{{ end }}{{ end }}`,
			wantPrev + " | " + wantCur + " | " + wantRise},
		{`{{ with chi_tieu "CHE_PHU_RUNG" }}{{ .SoVoiCungKy }}, {{ .DatKeHoach }}{{ end }}`,
			fall + " so với cùng kỳ năm 2024, đạt " + vn(attained, 1) + "% Kế hoạch năm 2025"},
		{`{{ range .ChiTieu }}{{ if eq .Ma "CHE_PHU_RUNG" }}{{ .SoCungKy }} | {{ .SoKeHoach }}{{ end }}{{ end }}`,
			fall + " | " + vn(attained, 1)},
		{`{{ (chi_tieu "DT_LUA").GiaTriDonVi }}, {{ (chi_tieu "DT_LUA").ChenhLech }}`, vn(decimal.NewFromInt(99950), 1) + " ha, " + lessArea},
		{`{{ (chi_tieu "TL_HS").SoVoiCungKy }}`, "không so sánh được do số liệu năm 2024 không tính được (Hồ sơ năm 2024 bằng 0)"},
	})
	// Last year's report said 84,95% missed "≥ 85": the figure shown for it
	// here must not read as met.
	f := rep.Figure("TL_CO_GIOI")
	shown := compute.Round(f.Previous, f.ValueDecimals())
	if met := f.Indicator.Target.MetBy(compute.Rat(shown).Cmp(big.NewRat(85, 1))); met {
		t.Errorf("last year's %s reads as meeting the target it missed", shown)
	}
}

// TestShownValueRecomputesTheWords: a value entered with more decimals than
// the catalogue's is shown with enough of them that the growth and the plan
// attainment stated beside it, worked out again from the figures shown, are
// those stated: 41,4 tỷ đồng, never 41 (41 / 40 is 102,5%, 41 / 300 is 13,7%).
func TestShownValueRecomputesTheWords(t *testing.T) {
	p := appendixtest.NewProvince()
	rep := compute.Compute(p.Catalogue, p.Year, p.Prev)
	hundred := decimal.NewFromInt(100)
	value, prev, plan := decimal.RequireFromString("41.4"), decimal.NewFromInt(40), decimal.NewFromInt(300)
	growth := value.Sub(prev).Mul(hundred).DivRound(prev, 1)
	attained := value.Mul(hundred).DivRound(plan, 1)
	if rounded := value.Round(0); rounded.Sub(prev).Mul(hundred).DivRound(prev, 1).Equal(growth) ||
		rounded.Mul(hundred).DivRound(plan, 1).Equal(attained) {
		t.Fatal("fixture: the rounded value recomputes to the figures stated")
	}
	expectRendered(t, rep, []struct{ tag, want string }{
		{`{{ with chi_tieu "DT_SO" }}{{ .UocDat }} {{ .GiaTriDonVi }} (năm trước {{ .GiaTriNamTruoc }}), {{ .SoVoiCungKy }}, {{ .DatKeHoach }}{{ end }}`,
			"đạt " + vn(value, 1) + " tỷ đồng (năm trước " + vn(prev, 1) + "), tăng " + vn(growth, 1) + "% so với cùng kỳ năm 2023, đạt " +
				vn(attained, 1) + "% Kế hoạch năm 2024"},
	})
}
