package render

import (
	"testing"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/model"
)

// Last year's figures are there but its rate cannot be computed (its divisor
// is 0): a sentence comparing the rate says so, not that last year has no
// figures; a rate whose inputs are missing last year still says that.
func TestNoComparisonSaysWhy(t *testing.T) {
	cat := model.NewCatalogue("chi-tieu.yaml", nil, []*model.Indicator{
		{Code: "HO_SO", Name: "Hồ sơ được giải quyết", Unit: "hồ sơ", Kind: model.Quantity},
		{Code: "TRUC_TUYEN", Name: "Hồ sơ trực tuyến", Unit: "hồ sơ", Kind: model.Quantity},
		{Code: "TL", Name: "Tỷ lệ hồ sơ trực tuyến", Unit: "%", Kind: model.Rate, Decimals: 1, Formula: "TRUC_TUYEN / HO_SO * 100"},
		{Code: "CAP", Name: "Cấp phép", Unit: "giấy phép", Kind: model.Quantity},
		{Code: "TL_CAP", Name: "Tỷ lệ cấp phép", Unit: "%", Kind: model.Rate, Decimals: 1, Formula: "CAP / HO_SO * 100"},
	})
	cur := &model.Figures{Period: model.Period{Kind: model.Quarter, Year: 2025, N: 3}, Source: "2025-Q3.yaml", Entries: []*model.Entry{
		{Code: "HO_SO", Actual: dec("250")}, {Code: "TRUC_TUYEN", Actual: dec("100")}, {Code: "CAP", Actual: dec("5")},
	}}
	prev := &model.Figures{Period: model.Period{Kind: model.Quarter, Year: 2024, N: 3}, Source: "2024-Q3.yaml", Entries: []*model.Entry{
		{Code: "HO_SO", Actual: dec("0")}, {Code: "TRUC_TUYEN", Actual: dec("0")},
	}}
	rep := compute.Compute(cat, cur, prev)
	got, err := renderLinesOf(t, rep, `{{ (chi_tieu "TL").SoVoiCungKy }}`, `{{ (chi_tieu "TL").ChenhLech }}`,
		`{{ if (chi_tieu "TL").CoSoSanh }}so sánh{{ else }}không{{ end }}`, `{{ (chi_tieu "TL_CAP").SoVoiCungKy }}`)
	if err != nil {
		t.Fatal(err)
	}
	compared := prev.Period.Name()
	why := "không so sánh được do số liệu " + compared + " không tính được (Hồ sơ được giải quyết " + compared + " bằng 0)"
	want := []string{why, why, "không",
		// CAP is not in last year's file: nothing to compute from.
		"chưa có số liệu " + compared + " để so sánh"}
	if len(got) != len(want) {
		t.Fatalf("paragraphs %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("paragraph %d: %q, want %q", i+1, got[i], want[i])
		}
	}
}
