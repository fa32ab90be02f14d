package appendixtest

import (
	"fmt"
	"time"

	"github.com/baocao/baocao/report/model"
	"github.com/shopspring/decimal"
)

// Province is a second province's catalogue and two years of figures, unlike
// the sample in every way the catalogue allows: groups in another order, a
// group with no figure, an indicator of no group, a derived rate at two
// decimals, a rate unchanged once rounded, a fall, a lower-is-better count, a
// zero base and a zero plan, a value without last year's, a value missing this
// year, an estimate, a rounding tie, rankings among 34 provinces after 63, a
// note with XML characters. Figures gives what it states, worked out by hand.
type Province struct {
	Catalogue *model.Catalogue
	Year      *model.Figures
	Prev      *model.Figures
	Figures   map[string]Figures
	Estimate  bool
}

func d(s string) *decimal.Decimal {
	v := decimal.RequireFromString(s)
	return &v
}

// NewProvince builds the province's inputs.
func NewProvince() *Province {
	groups := []model.Group{{Code: "HT", Name: "Hạ tầng số"}, {Code: "RONG", Name: "Nhóm chưa có số liệu"}, {Code: "CQS", Name: "Chính quyền số & chuyển đổi số"}, {Code: "XH", Name: "Xếp hạng"}}
	inds := []*model.Indicator{
		{Code: "XH_A", Name: "Chỉ số chuyển đổi số (DTI)", Group: "XH", Kind: model.Rank},
		{Code: "BTS", Name: "Trạm thu phát sóng (BTS)", Unit: "trạm", Group: "HT", Kind: model.Quantity},
		{Code: "CAP_QUANG", Name: "Cáp quang xây mới", Unit: "km", Group: "HT", Kind: model.Quantity, Decimals: 1},
		{Code: "HO_GD", Name: "Hộ gia đình có cáp quang", Unit: "hộ", Group: "HT", Kind: model.Quantity},
		{Code: "DT_SO", Name: "Doanh thu dịch vụ số", Unit: "tỷ đồng", Group: "HT", Kind: model.Quantity},
		{Code: "DIEM_WIFI", Name: "Điểm Wi-Fi công cộng", Unit: "điểm", Group: "HT", Kind: model.Quantity},
		{Code: "KHONG_SO", Name: "Chỉ tiêu chưa có số", Unit: "cái", Group: "RONG", Kind: model.Quantity},
		{Code: "VB_DEN", Name: "Văn bản đến", Unit: "văn bản", Group: "CQS", Kind: model.Quantity},
		{Code: "KY_SO", Name: "Văn bản đến có chữ ký số", Unit: "văn bản", Group: "CQS", Kind: model.Quantity, PartOf: "VB_DEN"},
		{Code: "TL_KY_SO", Name: "Tỷ lệ văn bản đến có chữ ký số", Unit: "%", Group: "CQS", Kind: model.Rate, Decimals: 2, Formula: "KY_SO / VB_DEN * 100"},
		{Code: "TL_GIU", Name: "Tỷ lệ cán bộ dùng hộp thư công vụ", Unit: "%", Group: "CQS", Kind: model.Rate, Decimals: 1},
		{Code: "VI_PHAM", Name: "Vụ vi phạm về an toàn thông tin", Unit: "vụ", Group: "CQS", Kind: model.Quantity, LowerIsBetter: true},
		{Code: "XH_B", Name: "Chỉ số PAR Index", Group: "XH", Kind: model.Rank},
		{Code: "XH_C", Name: "Chỉ số SIPAS", Group: "XH", Kind: model.Rank},
		{Code: "XH_D", Name: "Chỉ số chưa công bố", Group: "XH", Kind: model.Rank},
		{Code: "KHAC", Name: "Hội nghị trực tuyến", Unit: "cuộc", Kind: model.Quantity},
	}
	cat := model.NewCatalogue("chi-tieu.yaml", groups, inds)
	cur := &model.Figures{Period: model.YearPeriod(2024), Source: "2024.yaml", Header: model.Header{
		SuperiorBody: "UBND TỈNH BẮC KẠN", Body: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", Number: "7", Symbol: "BC-STTTT",
		Place: "Bắc Kạn", Date: time.Date(2025, 1, 8, 0, 0, 0, 0, time.UTC), Recipients: []string{"Bộ Thông tin và Truyền thông"},
		Basis: "Thực hiện Công văn số 1/BTTTT-VP", Authority: "GIÁM ĐỐC", Title: "GIÁM ĐỐC", Signer: "Trần Thị Bình",
		Distribution: []string{"Như trên", "Lưu: VT"},
	}}
	prev := &model.Figures{Period: model.YearPeriod(2023), Source: "2023.yaml"}
	entry := func(y *model.Figures, code, actual, plan string, estimate bool, note string) {
		e := &model.Entry{Code: code, Estimate: estimate, Note: note}
		if actual != "" {
			e.Actual = d(actual)
		}
		if plan != "" {
			e.Plan = d(plan)
		}
		y.Entries = append(y.Entries, e)
	}
	entry(cur, "BTS", "1234", "1300", true, "")
	entry(cur, "CAP_QUANG", "2500.55", "0", false, "")
	entry(cur, "HO_GD", "5000", "", false, "")
	// 41,4 entered with more decimals than the catalogue's 0: 41 against 40 and
	// 300 would recompute to 102,5% and 13,7%, not the 103,5% and 13,8% stated.
	entry(cur, "DT_SO", "41.4", "300", false, "")
	entry(cur, "DIEM_WIFI", "2001", "4000", false, "")
	entry(cur, "VB_DEN", "48", "", false, "")
	entry(cur, "KY_SO", "37", "", false, "")
	entry(cur, "TL_GIU", "50.04", "", false, "")
	entry(cur, "VI_PHAM", "12", "15", false, "")
	entry(cur, "KHAC", "7", "", false, "  gồm cả cấp huyện & <xã>  ")
	entry(cur, "KHONG_SO", "", "10", false, "")
	// TL_KY_SO's plan is a rate: 80%.
	entry(cur, "TL_KY_SO", "", "80", false, "")
	cur.Rankings = []*model.Ranking{{Code: "XH_A", Rank: 5, Of: 34}, {Code: "XH_B", Rank: 10, Of: 34}, {Code: "XH_C", Rank: 4, Of: 34}}

	entry(prev, "BTS", "1200", "", false, "")
	entry(prev, "CAP_QUANG", "0", "", false, "")
	entry(prev, "DT_SO", "40", "", false, "")
	entry(prev, "DIEM_WIFI", "2000", "", false, "")
	entry(prev, "VB_DEN", "45", "", false, "")
	entry(prev, "KY_SO", "30", "", false, "")
	entry(prev, "TL_GIU", "50", "", false, "")
	entry(prev, "VI_PHAM", "20", "", false, "")
	entry(prev, "KHAC", "8", "", false, "")
	prev.Rankings = []*model.Ranking{{Code: "XH_A", Rank: 8, Of: 63}, {Code: "XH_B", Rank: 7, Of: 34}}

	// 37 / 48 × 100 and 30 / 45 × 100, exactly enough for two decimals and the points.
	kySo := decimal.NewFromInt(3700).DivRound(decimal.NewFromInt(48), 30)
	kySoPrev := decimal.NewFromInt(3000).DivRound(decimal.NewFromInt(45), 30)
	figs := map[string]Figures{
		"BTS":       {Value: d("1234"), Prev: d("1200"), Plan: d("1300")},
		"CAP_QUANG": {Value: d("2500.55"), Prev: d("0"), Plan: d("0")},
		"HO_GD":     {Value: d("5000")},
		"DT_SO":     {Value: d("41.4"), Prev: d("40"), Plan: d("300")},
		"DIEM_WIFI": {Value: d("2001"), Prev: d("2000"), Plan: d("4000")},
		"VB_DEN":    {Value: d("48"), Prev: d("45")},
		"KY_SO":     {Value: d("37"), Prev: d("30")},
		"TL_KY_SO":  {Value: &kySo, Prev: &kySoPrev, Plan: d("80")},
		"TL_GIU":    {Value: d("50.04"), Prev: d("50")},
		"VI_PHAM":   {Value: d("12"), Prev: d("20"), Plan: d("15")},
		"KHAC":      {Value: d("7"), Prev: d("8"), Note: "gồm cả cấp huyện & <xã>"},
		"XH_A":      {Value: d("5"), Of: 34, Prev: d("8"), PrevOf: 63},
		"XH_B":      {Value: d("10"), Of: 34, Prev: d("7"), PrevOf: 34},
		"XH_C":      {Value: d("4"), Of: 34},
	}
	return &Province{Catalogue: cat, Year: cur, Prev: prev, Figures: figs, Estimate: true}
}

// Large is a catalogue of n indicators in groups of 50, of every kind, with
// this year's and last year's figures and plans, for benchmarks.
func Large(n int) (*model.Catalogue, *model.Figures, *model.Figures) {
	var groups []model.Group
	var inds []*model.Indicator
	cur := &model.Figures{Period: model.YearPeriod(2024), Source: "2024.yaml", Header: model.Header{Number: "12", Symbol: "BC-STTTT", Date: time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC)}}
	prev := &model.Figures{Period: model.YearPeriod(2023), Source: "2023.yaml"}
	for i := range n {
		if i%50 == 0 {
			groups = append(groups, model.Group{Code: fmt.Sprintf("N%d", i/50), Name: fmt.Sprintf("Nhóm chỉ tiêu số %d", i/50+1)})
		}
		code := fmt.Sprintf("CT_%04d", i)
		ind := &model.Indicator{Code: code, Name: "Chỉ tiêu thử nghiệm số " + code, Unit: "đơn vị", Group: groups[len(groups)-1].Code, Kind: model.Quantity, Decimals: i % 3}
		switch i % 10 {
		case 7:
			ind.Kind, ind.Unit = model.Rate, "%"
		case 9:
			ind.Kind, ind.Unit = model.Rank, ""
		}
		inds = append(inds, ind)
		if ind.Kind == model.Rank {
			cur.Rankings = append(cur.Rankings, &model.Ranking{Code: code, Rank: i%63 + 1, Of: 63})
			prev.Rankings = append(prev.Rankings, &model.Ranking{Code: code, Rank: (i+5)%63 + 1, Of: 63})
			continue
		}
		v := decimal.New(int64(1000+i*37), -int32(i%3))
		p := decimal.New(int64(950+i*29), -int32(i%3))
		plan := decimal.New(int64(1100+i*31), -int32(i%3))
		cur.Entries = append(cur.Entries, &model.Entry{Code: code, Actual: &v, Plan: &plan, Estimate: i%2 == 0})
		prev.Entries = append(prev.Entries, &model.Entry{Code: code, Actual: &p})
	}
	return model.NewCatalogue("chi-tieu.yaml", groups, inds), cur, prev
}
