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
