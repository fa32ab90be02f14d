package compute_test

import (
	"math/big"
	"testing"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/model"
	"github.com/shopspring/decimal"
)

func target(t testing.TB, s string) *model.Target {
	t.Helper()
	tg, err := model.ParseTarget(s)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// percent is num / den × 100, exactly.
func percent(num, den string) *big.Rat {
	n, _ := new(big.Rat).SetString(num)
	d, _ := new(big.Rat).SetString(den)
	r := new(big.Rat).Quo(n, d)
	return r.Mul(r, big.NewRat(100, 1))
}

// roundApart rounds half away from zero with shopspring's decimal, apart from
// compute's rounding: the oracle of the tests below.
func roundApart(r *big.Rat, d int) decimal.Decimal {
	return decimal.NewFromBigRat(r, 60).Round(int32(d))
}

func sign(d decimal.Decimal) int { return d.Sign() }

// truthful reports whether values shown at d say what the exact values say,
// checked with the oracle's rounding: each value's verdict against the target,
// the newest's against the plan, and each change's direction.
func truthful(ind *model.Indicator, values []*big.Rat, plan *big.Rat, d int) bool {
	shown := make([]decimal.Decimal, len(values))
	for i, v := range values {
		if v != nil {
			shown[i] = roundApart(v, d)
		}
	}
	exactRat := func(x decimal.Decimal) *big.Rat { return x.Rat() }
	if t := ind.Target; t != nil {
		goal := t.Value.Rat()
		for i, v := range values {
			if v != nil && t.MetBy(exactRat(shown[i]).Cmp(goal)) != t.MetBy(v.Cmp(goal)) {
				return false
			}
		}
	}
	last := len(values) - 1
	if plan != nil && values[last] != nil {
		reads := func(v, p *big.Rat) bool {
			if ind.LowerIsBetter {
				return v.Cmp(p) <= 0
			}
			return v.Cmp(p) >= 0
		}
		if reads(exactRat(shown[last]), exactRat(roundApart(plan, d))) != reads(values[last], plan) {
			return false
		}
	}
	for i := 1; i < len(values); i++ {
		if values[i-1] == nil || values[i] == nil {
			continue
		}
		// A change, its rise or fall, shows in the values and in their difference.
		delta := new(big.Rat).Sub(values[i], values[i-1])
		if sign(shown[i].Sub(shown[i-1])) != delta.Sign() || sign(roundApart(delta, d)) != delta.Sign() {
			return false
		}
		// A quantity's growth, worked out again from the values shown, is the one stated.
		if ind.Kind == model.Quantity && values[i-1].Sign() != 0 {
			if shown[i-1].Sign() == 0 || !roundApart(ratio(delta, values[i-1]), 1).Equal(roundApart(ratio(exactRat(shown[i].Sub(shown[i-1])), exactRat(shown[i-1])), 1)) {
				return false
			}
		}
	}
	// So is the plan attainment, at the decimals it is stated with.
	if plan != nil && plan.Sign() != 0 && values[last] != nil {
		a := ratio(values[last], plan)
		ad := compute.AttainmentDecimals(a, ind.LowerIsBetter, 1)
		shownPlan := roundApart(plan, d)
		if shownPlan.Sign() == 0 || !roundApart(a, ad).Equal(roundApart(ratio(exactRat(shown[last]), exactRat(shownPlan)), ad)) {
			return false
		}
	}
	return true
}

// ratio is x / y × 100, exactly.
func ratio(x, y *big.Rat) *big.Rat {
	r := new(big.Rat).Quo(x, y)
	return r.Mul(r, big.NewRat(100, 1))
}

// TestShownDecimals: the trial's cases, each with the precision it needs.
func TestShownDecimals(t *testing.T) {
	rate := func(decimals int, tg string) *model.Indicator {
		ind := &model.Indicator{Code: "TL", Kind: model.Rate, Decimals: decimals}
		if tg != "" {
			ind.Target = target(t, tg)
		}
		return ind
	}
	for _, c := range []struct {
		what   string
		ind    *model.Indicator
		values []*big.Rat
		plan   *big.Rat
		want   int
	}{
		// 84,95% then 85% exactly: at 1 decimal 85,0 and 85,0 beside "tăng", and
		// last year's 85,0 would meet "≥ 85", which its report said it missed.
		{"a rise hidden by rounding", rate(1, ">= 85"), []*big.Rat{percent("84950", "100000"), percent("84957.5", "99950")}, nil, 2},
		// 552/1842 = 29,967…% against "≥ 30", last year's 500/1800 = 27,77…%.
		{"a target missed by a hair", rate(1, ">= 30"), []*big.Rat{percent("500", "1800"), percent("552", "1842")}, nil, 2},
		// Entered at the catalogue's decimals: nothing to add.
		{"entered", rate(2, ""), []*big.Rat{percent("5756", "10000"), percent("5750", "10000")}, big.NewRat(58, 1), 2},
		// 57,996 against a plan of 58 would read 58,00: met, which it is not.
		{"a plan missed by a hair", rate(2, ""), []*big.Rat{nil, big.NewRat(57996, 1000)}, big.NewRat(58, 1), 3},
		// Thirds repeat for ever: 66,67 → 77,08 says the rise rounded once (10,42) does.
		{"repeating decimals", rate(2, ""), []*big.Rat{percent("2", "3"), percent("37", "48")}, nil, 2},
		// 47,01% → 47,03% at 1 decimal is 47,0 → 47,0 beside a rise of 0,02 point.
		{"a small change between equal-looking values", rate(1, ""), []*big.Rat{percent("4701", "10000"), percent("4703", "10000")}, nil, 2},
		// 0,3 → 0,4 at 0 decimals is 0 → 0 beside "tăng 33,3%".
		{"a growth between equal-looking values", &model.Indicator{Code: "SL", Kind: model.Quantity}, []*big.Rat{big.NewRat(3, 10), big.NewRat(4, 10)}, nil, 1},
		// Within the ceiling (≤ 100 vụ) by a hair: 100,4 must not read 100 → met.
		{"a ceiling passed by a hair", &model.Indicator{Code: "VP", Kind: model.Quantity, LowerIsBetter: true}, []*big.Rat{nil, big.NewRat(1004, 10)}, big.NewRat(100, 1), 1},
		// 41,4 against 40 shown as 41 and 40 would recompute to a growth of
		// 2,5% beside the "tăng 3,5%" stated.
		{"a growth stated from a rounded value", &model.Indicator{Code: "DT", Kind: model.Quantity}, []*big.Rat{big.NewRat(40, 1), big.NewRat(414, 10)}, big.NewRat(300, 1), 1},
		// 3,25 of a plan of 13 is 25%; 3,3 of 13 would recompute to 25,4%.
		{"an attainment stated from a rounded value", &model.Indicator{Code: "SL", Kind: model.Quantity, Decimals: 1}, []*big.Rat{nil, big.NewRat(325, 100)}, big.NewRat(13, 1), 2},
		// A rate's change is in points: its relative change is not stated.
		{"a rate's relative change is not stated", rate(0, ""), []*big.Rat{big.NewRat(40, 1), big.NewRat(414, 10)}, nil, 0},
		{"a ranking", &model.Indicator{Code: "XH", Kind: model.Rank}, []*big.Rat{big.NewRat(5, 1), big.NewRat(7, 1)}, nil, 0},
	} {
		got := compute.ShownDecimals(c.ind, c.values, c.plan)
		if got != c.want {
			t.Errorf("%s: %d decimals, want %d", c.what, got, c.want)
		}
		if !truthful(c.ind, c.values, c.plan, got) {
			t.Errorf("%s: at %d decimals the values contradict the words", c.what, got)
		}
	}
}

// FuzzShownDecimals: at the precision chosen the values never contradict the
// words, and one decimal fewer would (the fewest are added).
func FuzzShownDecimals(f *testing.F) {
	f.Add(int64(84950), int64(100000), int64(849575), int64(999500), uint8(1), int64(85), false)
	f.Add(int64(500), int64(1800), int64(552), int64(1842), uint8(1), int64(30), true)
	f.Add(int64(2), int64(3), int64(37), int64(48), uint8(2), int64(0), true)
	f.Fuzz(func(t *testing.T, a, b, c, e int64, decimals uint8, goal int64, isRate bool) {
		if b == 0 || e == 0 || decimals > 4 {
			return
		}
		ind := &model.Indicator{Code: "X", Kind: model.Quantity, Decimals: int(decimals)}
		if isRate {
			ind.Kind = model.Rate
		}
		if goal != 0 {
			ind.Target = &model.Target{Op: ">=", Value: decimal.NewFromInt(goal)}
		}
		values := []*big.Rat{percent(big.NewInt(a).String(), big.NewInt(b).String()), percent(big.NewInt(c).String(), big.NewInt(e).String())}
		plan := big.NewRat(goal, 1)
		d := compute.ShownDecimals(ind, values, plan)
		if d == compute.MaxAgreeingDecimals {
			return // bounded; such figures do not occur in reports
		}
		if !truthful(ind, values, plan, d) {
			t.Fatalf("%v at %d decimals contradicts the words", values, d)
		}
		if d > ind.Decimals && truthful(ind, values, plan, d-1) {
			t.Fatalf("%v: %d decimals where %d say the truth", values, d, d-1)
		}
	})
}

func TestAttainmentDecimals(t *testing.T) {
	for _, c := range []struct {
		a     *big.Rat
		lower bool
		want  int
	}{
		{percent("57.5", "58"), false, 1},     // 99,1: no doubt
		{percent("9996", "10000"), false, 2},  // 99,96 is not 100,0
		{percent("10004", "10000"), true, 2},  // a ceiling passed by 0,04% is not 100,0
		{percent("10004", "10000"), false, 1}, // above a plan either way
	} {
		if got := compute.AttainmentDecimals(c.a, c.lower, 1); got != c.want {
			t.Errorf("AttainmentDecimals(%s, %v) = %d, want %d", c.a.FloatString(4), c.lower, got, c.want)
		}
	}
}

// TestZeroDivisor: this year's rate whose formula divides by 0 cannot be
// computed, as last year's (PreviousZeroDivisor); it is not missing.
func TestZeroDivisor(t *testing.T) {
	cat := model.NewCatalogue("c", nil, []*model.Indicator{
		{Code: "HS", Kind: model.Quantity}, {Code: "HS_TT", Kind: model.Quantity},
		{Code: "TL", Kind: model.Rate, Decimals: 1, Formula: "HS_TT / HS * 100"},
		{Code: "TL_THIEU", Kind: model.Rate, Decimals: 1, Formula: "HS_TT / KHONG_CO * 100"},
	})
	prev := &model.Figures{Period: model.YearPeriod(2024), Entries: []*model.Entry{{Code: "HS", Actual: dec("0")}, {Code: "HS_TT", Actual: dec("0")}}}
	cur := &model.Figures{Period: model.YearPeriod(2025), Entries: []*model.Entry{{Code: "HS", Actual: dec("0")}, {Code: "HS_TT", Actual: dec("5")}}}
	rep := compute.Compute(cat, cur, prev)
	if f := rep.Figure("TL"); f.Value != nil || f.ZeroDivisor != "HS" || f.PreviousZeroDivisor != "HS" {
		t.Errorf("5/0 and last year's 0/0: value %v, divisors %q %q", f.Value, f.ZeroDivisor, f.PreviousZeroDivisor)
	}
	if g := rep.Figure("TL_THIEU"); g.ZeroDivisor != "" {
		t.Errorf("an input missing is no division by zero: %q", g.ZeroDivisor)
	}
}
