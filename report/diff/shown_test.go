package diff

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/model"
	"github.com/shopspring/decimal"
)

// TestShownValuesAgreeWithTheChange: a diff shows two years' values, their
// difference and its wording so that none contradicts another, nor the
// verdict the report states for a value.
func TestShownValuesAgreeWithTheChange(t *testing.T) {
	atLeast := func(v int64) *model.Target { return &model.Target{Op: ">=", Value: decimal.NewFromInt(v)} }
	cat := model.NewCatalogue("c", nil, []*model.Indicator{
		{Code: "DT_LUA", Unit: "ha", Decimals: 1}, {Code: "DT_MAY", Unit: "ha", Decimals: 1},
		{Code: "TL_MAY", Unit: "%", Kind: model.Rate, Decimals: 1, Formula: "DT_MAY / DT_LUA * 100", Target: atLeast(85)},
		{Code: "RUNG", Unit: "%", Kind: model.Rate, Decimals: 2},
		{Code: "TTHC", Unit: "thủ tục"}, {Code: "MD4", Unit: "thủ tục"},
		{Code: "TL_MD4", Unit: "%", Kind: model.Rate, Decimals: 1, Formula: "MD4 / TTHC * 100", Target: atLeast(30)},
		{Code: "HS", Unit: "hồ sơ"}, {Code: "HS_TT", Unit: "hồ sơ"},
		{Code: "TL_HS", Unit: "%", Kind: model.Rate, Decimals: 1, Formula: "HS_TT / HS * 100"},
	})
	y24 := &model.Figures{Period: model.YearPeriod(2024), Entries: []*model.Entry{
		entry("DT_LUA", "100000"), entry("DT_MAY", "84950"), entry("RUNG", "57.56"),
		entry("TTHC", "1800"), entry("MD4", "500"), entry("HS", "0"), entry("HS_TT", "0")}}
	y25 := &model.Figures{Period: model.YearPeriod(2025), Entries: []*model.Entry{
		entry("DT_LUA", "99950"), entry("DT_MAY", "84957.5"), entry("RUNG", "57.5"),
		entry("TTHC", "1842"), entry("MD4", "552"), entry("HS", "10000"), entry("HS_TT", "2000")}}
	tb := Compare(cat, []*model.Figures{y24, y25}, Options{})

	// 84,95% → 85% exactly: at one decimal both read 85,0, beside a rise.
	// Shown at two, the values differ by the rise stated, and last year's
	// does not read as meeting "≥ 85", which it missed.
	hundred := decimal.NewFromInt(100)
	prev := decimal.NewFromInt(84950).Mul(hundred).Div(decimal.NewFromInt(100000))
	cur := decimal.RequireFromString("84957.5").Mul(hundred).Div(decimal.NewFromInt(99950))
	rise := cur.Sub(prev)
	comma := func(d decimal.Decimal, places int32) string {
		return strings.Replace(d.StringFixed(places), ".", ",", 1)
	}
	want := map[string]string{
		"TL_MAY": comma(prev, 2) + " → " + comma(cur, 2) + " | +" + comma(rise, 2) + " | tăng " + comma(rise, 2) + " điểm phần trăm | up",
		// Entered with two decimals: the points at two, as the chênh lệch is.
		"RUNG": "57,56 → 57,50 | -0,06 | giảm 0,06 điểm phần trăm | down",
		// 552 / 1842 = 29,967…% is "29,97" (chưa đạt "≥ 30"), never "30,0";
		// last year's 500 / 1800 = 27,77…% at the same two decimals.
		"TL_MD4": comma(decimal.NewFromInt(500).Mul(hundred).DivRound(decimal.NewFromInt(1800), 2), 2) + " → " +
			comma(decimal.NewFromInt(552).Mul(hundred).DivRound(decimal.NewFromInt(1842), 2), 2),
	}
	for code, w := range want {
		got := texts(row(t, tb, code))
		if !strings.HasPrefix(got, w) {
			t.Errorf("%s: %q, want %q…", code, got, w)
		}
	}
	if got := row(t, tb, "RUNG").AttainmentText(); got != "" {
		t.Errorf("no plan: %q", got)
	}

	// Last year's 0/0 cannot be computed: the comparison says so, and the
	// indicator is not counted as new.
	hs := row(t, tb, "TL_HS")
	words, _ := hs.ChangeText(0)
	if hs.Changes[0].Status != Uncomputable || !strings.Contains(words, "năm 2024 không tính được") || !strings.Contains(words, "«HS» bằng 0") {
		t.Errorf("TL_HS: %s %q", hs.Changes[0].Status, words)
	}
	s := tb.Summary
	if s.Added != 0 || s.Uncomputable != 1 || !strings.Contains(s.String(), "1 không tính được") || strings.Contains(s.String(), "mới") {
		t.Errorf("summary %+v: %q", s, s.String())
	}
	var out bytes.Buffer
	if err := WriteJSON(&out, tb); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Summary struct {
			Added        int `json:"added"`
			Uncomputable int `json:"uncomputable"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil || doc.Summary.Added != 0 || doc.Summary.Uncomputable != 1 {
		t.Errorf("JSON summary %+v (%v)", doc.Summary, err)
	}
}

// TestAttainmentShownAsTheReport: a rate against its plan is the value in
// percent of the plan, never "100%" for a plan missed by a hair.
func TestAttainmentShownAsTheReport(t *testing.T) {
	cat := model.NewCatalogue("c", nil, []*model.Indicator{{Code: "R", Unit: "%", Kind: model.Rate, Decimals: 2}})
	y := &model.Figures{Period: model.YearPeriod(2025), Entries: []*model.Entry{{Code: "R", Actual: dec("57.5"), Plan: dec("58")},
		{Code: "X", Actual: dec("99.96"), Plan: dec("100")}}}
	cat2 := model.NewCatalogue("c", nil, append(cat.Indicators, &model.Indicator{Code: "X", Unit: "cái", Decimals: 2}))
	tb := Compare(cat2, []*model.Figures{y}, Options{})
	// 57,5 / 58 = 99,137…%; 99,96 / 100 = 99,96%, which one decimal would round to 100%.
	for code, want := range map[string]string{"R": "99,1%", "X": "99,96%"} {
		if got := row(t, tb, code).AttainmentText(); got != want {
			t.Errorf("%s: %q, want %q", code, got, want)
		}
	}
}

// rounded is x / y × 100 at one decimal, half up, written with a comma: the
// oracle of the growths and attainments below.
func rounded(x, y decimal.Decimal) string {
	return strings.Replace(x.Mul(decimal.NewFromInt(100)).DivRound(y, 1).StringFixed(1), ".", ",", 1)
}

// TestWordsRuleTheStatus: a row's values are shown so that the growth and
// attainment worked out from them are those stated; the status and the
// summary follow the words after rounding; a rate's or a ranking's change has
// no percentage of its own.
func TestWordsRuleTheStatus(t *testing.T) {
	cat := model.NewCatalogue("c", nil, []*model.Indicator{
		{Code: "DT_SO", Unit: "tỷ đồng"}, {Code: "TB", Unit: "thuê bao"},
		{Code: "XH", Kind: model.Rank}, {Code: "TL", Unit: "%", Kind: model.Rate, Decimals: 1},
	})
	y24 := &model.Figures{Period: model.YearPeriod(2024), Entries: []*model.Entry{entry("DT_SO", "40"), entry("TB", "500000"), entry("TL", "62.5")},
		Rankings: []*model.Ranking{{Code: "XH", Rank: 12, Of: 63}}}
	cur := entry("DT_SO", "41.4")
	cur.Plan = dec("300")
	y25 := &model.Figures{Period: model.YearPeriod(2025), Entries: []*model.Entry{cur, entry("TB", "499999"), entry("TL", "64")},
		Rankings: []*model.Ranking{{Code: "XH", Rank: 13, Of: 63}}}
	tb := Compare(cat, []*model.Figures{y24, y25}, Options{OnlyChanged: true})

	// 41,4 tỷ đồng (thap_phan 0) against 40 and a plan of 300: shown as 41,
	// 41 / 40 and 41 / 300 would be 102,5% and 13,7%, not what is stated.
	v, p, plan := decimal.RequireFromString("41.4"), decimal.NewFromInt(40), decimal.NewFromInt(300)
	dt := row(t, tb, "DT_SO")
	growth := rounded(v.Sub(p), p)
	if got, want := texts(dt), "40,0 → 41,4 | +1,4 | tăng "+growth+"% | up"; got != want {
		t.Errorf("DT_SO: %q, want %q", got, want)
	}
	if got, want := dt.PlanText()+" | "+dt.AttainmentText(), "300,0 | "+rounded(v, plan)+"%"; got != want {
		t.Errorf("DT_SO plan: %q, want %q", got, want)
	}
	if got := dt.PercentText(0); got != growth {
		t.Errorf("DT_SO percent %q, want %q", got, growth)
	}

	// 500.000 → 499.999 is "tương đương": not a fall, yet a difference.
	if got, want := texts(row(t, tb, "TB")), "500.000 → 499.999 | -1 | tương đương | same"; got != want {
		t.Errorf("TB: %q, want %q", got, want)
	}
	s := tb.Summary
	if s.Up != 2 || s.Down != 1 || s.Same != 1 || !strings.HasPrefix(s.String(), "4 chỉ tiêu: 2 tăng, 1 giảm, 1 tương đương") || !tb.Differs() {
		t.Errorf("summary %+v %q, differs %v", s, s.String(), tb.Differs())
	}

	// 12/63 → 13/63 is "giảm 1 bậc", 62,5% → 64% "tăng 1,5 điểm phần trăm":
	// neither has a percentage change (8,3% of a place, 2,4% of a rate).
	for _, code := range []string{"XH", "TL"} {
		r := row(t, tb, code)
		if r.Changes[0].Percent() != nil || r.PercentText(0) != "" {
			t.Errorf("%s: a percentage change %q", code, r.PercentText(0))
		}
	}
	var js bytes.Buffer
	if err := WriteJSON(&js, tb); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Rows []struct {
			Code    string
			Changes []struct {
				Status  string
				Percent *float64
			}
		}
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, r := range doc.Rows {
		c := r.Changes[0]
		if (c.Percent != nil) != (r.Code == "DT_SO" || r.Code == "TB") || r.Code == "TB" && c.Status != "same" || r.Code == "XH" && c.Status != "down" {
			t.Errorf("JSON %s: status %s, percent %v", r.Code, c.Status, c.Percent)
		}
	}
	var csv bytes.Buffer
	if err := WriteCSV(&csv, tb); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(csv.String(), "\r\nXH,,,,12/63,13/63,+1,,giảm 1 bậc,giảm,") {
		t.Errorf("CSV: the ranking's percentage change is not empty:\n%s", csv.String())
	}
}

// As the report does, a period whose input has no value takes the same-period
// value the next year's input states (cung_ky), said in the row's notes; a
// value of its own is kept.
func TestSamePeriodStatedFillsTheYearBefore(t *testing.T) {
	cat := model.NewCatalogue("c", nil, []*model.Indicator{{Code: "DT", Unit: "tỷ đồng", Decimals: 2}, {Code: "TB", Unit: "thuê bao"}})
	q3, err := model.ParsePeriod("2025-Q3")
	if err != nil {
		t.Fatal(err)
	}
	dt := entry("DT", "33.35")
	dt.SamePeriod = dec("30")
	tb := entry("TB", "120")
	tb.SamePeriod = dec("999") // the older input has its own value
	older := &model.Figures{Period: q3.SamePeriodLastYear(), Source: "data/2024-Q3.xlsx", Entries: []*model.Entry{entry("TB", "100")}}
	newer := &model.Figures{Period: q3, Source: "data/2025-Q3.xlsx", Entries: []*model.Entry{dt, tb}}
	table := Compare(cat, []*model.Figures{older, newer}, Options{})
	if got, want := texts(row(t, table, "DT")), "30,00 → 33,35 | +3,35 | tăng 11,2% | up"; got != want {
		t.Errorf("DT: %q, want %q", got, want)
	}
	if notes := strings.Join(row(t, table, "DT").Notes, "; "); !strings.Contains(notes, "số liệu quý III năm 2024 là số cùng kỳ ghi trong 2025-Q3.xlsx") {
		t.Errorf("DT notes: %q", notes)
	}
	if got := texts(row(t, table, "TB")); !strings.HasPrefix(got, "100 → 120") {
		t.Errorf("TB: %q, want its own 2024 value", got)
	}
}
