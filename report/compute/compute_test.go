package compute_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/shopspring/decimal"
)

func sampleReport(t *testing.T) *compute.Report {
	t.Helper()
	ws := input.Sample()
	cat, findings, err := ws.Catalogue()
	if err != nil || findings.Errors() > 0 {
		t.Fatalf("catalogue: %v %v", err, findings)
	}
	cur, findings, err := ws.Figures(model.YearPeriod(2021), cat)
	if err != nil || len(findings) > 0 {
		t.Fatalf("2021: %v %v", err, findings)
	}
	prev, findings, err := ws.Figures(model.YearPeriod(2020), cat)
	if err != nil || len(findings) > 0 {
		t.Fatalf("2020: %v %v", err, findings)
	}
	return compute.Compute(cat, cur, prev)
}

func rounded(r *big.Rat, decimals int) string {
	if r == nil {
		return "nil"
	}
	return compute.Round(r, decimals).StringFixed(int32(decimals))
}

func TestSampleFigures(t *testing.T) {
	r := sampleReport(t)
	cases := []struct {
		code       string
		value      string
		growth     string
		attainment string
	}{
		{"DT_BUU_CHINH", "130.0", "8.3", "118.2"},
		{"TB_INTERNET", "315000.0", "10.5", "95.5"},
		{"DT_VIEN_THONG", "1150.0", "-28.0", "68.0"},
		{"TB_TRA_SAU", "148000.0", "-1.3", "nil"},
		{"DT_IN", "180.0", "13.9", "nil"},
		{"TL_DVC_34", "94.3", "nil", "nil"},
		{"TL_DVC_MD4", "81.9", "nil", "nil"},
		{"TL_DVC_QG", "62.5", "nil", "nil"},
		{"TL_TTHC_PHAT_SINH", "47.0", "nil", "nil"},
		{"TL_HS_TRUC_TUYEN", "24.2", "nil", "nil"},
		{"XH_PAR", "14.0", "nil", "nil"},
	}
	for _, c := range cases {
		f := r.Figure(c.code)
		if f == nil {
			t.Fatalf("no figure %s", c.code)
		}
		if got := rounded(f.Value, 1); got != c.value {
			t.Errorf("%s value = %s, want %s (%s)", c.code, got, c.value, f.Missing)
		}
		if got := rounded(f.Growth(), 1); got != c.growth {
			t.Errorf("%s growth = %s, want %s", c.code, got, c.growth)
		}
		if got := rounded(f.Attainment(), 1); got != c.attainment {
			t.Errorf("%s attainment = %s, want %s", c.code, got, c.attainment)
		}
	}
	for code, want := range map[string]bool{"TL_TTHC_PHAT_SINH": false, "TL_HS_TRUC_TUYEN": true, "TL_DVC_34": true, "TL_DVC_QG": true} {
		met, ok := r.Figure(code).TargetMet()
		if !ok || met != want {
			t.Errorf("%s target met = %v (ok %v), want %v", code, met, ok, want)
		}
	}
	if ch := r.Figure("TB_TRA_SAU").Change(); ch.Cmp(big.NewRat(-2000, 1)) != 0 {
		t.Errorf("TB_TRA_SAU change = %s", ch)
	}
	if f := r.Figure("TB_DI_DONG"); f.Growth() != nil || f.PreviousMissing == "" {
		t.Errorf("TB_DI_DONG should have no comparison, got %v %q", f.Growth(), f.PreviousMissing)
	}
	if len(r.Findings) != 0 {
		t.Errorf("unexpected findings: %v", r.Findings)
	}
}

func dec(s string) *decimal.Decimal { d := decimal.RequireFromString(s); return &d }

func TestPreviousSources(t *testing.T) {
	cat := model.NewCatalogue("c", nil, []*model.Indicator{
		{Code: "A", Kind: model.Quantity},
		{Code: "B", Kind: model.Quantity},
		{Code: "Z", Kind: model.Quantity},
		{Code: "R", Kind: model.Rate, Formula: "A / Z * 100", Decimals: 1},
	})
	cur := &model.Figures{Period: model.YearPeriod(2021), Entries: []*model.Entry{
		{Code: "A", Actual: dec("110"), SamePeriod: dec("99")},
		{Code: "B", Actual: dec("5"), SamePeriod: dec("0")},
		{Code: "Z", Actual: dec("0")},
	}}
	prev := &model.Figures{Period: model.YearPeriod(2020), Source: "2020.yaml", Entries: []*model.Entry{{Code: "A", Actual: dec("100")}}}
	r := compute.Compute(cat, cur, prev)
	if got := rounded(r.Figure("A").Growth(), 1); got != "10.0" {
		t.Errorf("A growth from last year's file = %s, want 10.0", got)
	}
	if len(r.Findings) != 1 || r.Findings[0].Code != "same-period-mismatch" {
		t.Errorf("want one same-period-mismatch, got %v", r.Findings)
	}
	if g := r.Figure("B").Growth(); g != nil {
		t.Errorf("zero base must give no growth, got %s", g)
	}
	if f := r.Figure("R"); f.Value != nil || f.Missing == "" {
		t.Errorf("division by zero must leave R missing, got %v", f.Value)
	}
	r = compute.Compute(cat, cur, nil)
	if got := rounded(r.Figure("A").Growth(), 1); got != "11.1" {
		t.Errorf("A growth from same period = %s, want 11.1", got)
	}
}

func TestRoundHalfUp(t *testing.T) {
	cases := []struct {
		num, den int64
		decimals int
		want     string
	}{
		{1, 20, 1, "0.1"},   // 0.05
		{-1, 20, 1, "-0.1"}, // -0.05 away from zero
		{3759, 1000, 2, "3.76"},
		{1, 3, 2, "0.33"},
		{2, 3, 0, "1"},
		{-449, 1000, 0, "0"},
		{1150 - 1597, 1597, 3, "-0.280"},
	}
	for _, c := range cases {
		got := compute.Round(big.NewRat(c.num, c.den), c.decimals).StringFixed(int32(c.decimals))
		if got != c.want {
			t.Errorf("Round(%d/%d, %d) = %s, want %s", c.num, c.den, c.decimals, got, c.want)
		}
	}
}

// Rat and Attainment are exact, whatever the scale and sign.
func TestRatIsExact(t *testing.T) {
	for _, s := range []string{"0", "1150", "-27.99", "0.001", "1234567890123456789012.5", "1e25", "-3e-30", "47.0",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808.5", "0.000000000000000001", "1000.10",
		"123456789012345678901234567890.123456789"} {
		d := decimal.RequireFromString(s)
		want, _ := new(big.Rat).SetString(s)
		if got := compute.Rat(d); got.Cmp(want) != 0 {
			t.Errorf("Rat(%s) = %v, want %v", s, got, want)
		}
	}
	for _, c := range []struct{ value, plan, want *big.Rat }{
		{big.NewRat(-1150, 3), big.NewRat(1597, 7), big.NewRat(-1150*7*100, 3*1597)},
		{big.NewRat(5, 1), big.NewRat(-2, 1), big.NewRat(-250, 1)},
	} {
		f := &compute.Figure{Value: c.value, Plan: c.plan}
		if got := f.Attainment(); got.Cmp(c.want) != 0 {
			t.Errorf("Attainment(%v of %v) = %v, want %v", c.value, c.plan, got, c.want)
		}
	}
}

// A formula reading others through a chain names the one value missing at
// its end, not every formula between: the messages of a chain of n formulas
// would otherwise take the square of n.
func TestChainMissingNamesTheCause(t *testing.T) {
	const n = compute.MaxFormulaChain
	inds := make([]*model.Indicator, n+1)
	for i := range n {
		inds[i] = &model.Indicator{Code: fmt.Sprintf("M%d", i), Kind: model.Quantity, Formula: fmt.Sprintf("M%d + 1", i+1)}
	}
	inds[n] = &model.Indicator{Code: fmt.Sprintf("M%d", n), Kind: model.Quantity}
	cat := model.NewCatalogue("c", nil, inds)
	r := compute.Compute(cat, &model.Figures{Period: model.YearPeriod(2021)}, nil)
	want := fmt.Sprintf("không tính được chỉ tiêu M0: chưa có số thực hiện năm 2021 của chỉ tiêu M%d", n)
	if got := r.Figure("M0").Missing; got != want {
		t.Errorf("M0 missing = %q, want %q", got, want)
	}
	// With the last value entered, the chain computes: M0 = n + 1.
	r = compute.Compute(cat, &model.Figures{Period: model.YearPeriod(2021), Entries: []*model.Entry{{Code: fmt.Sprintf("M%d", n), Actual: dec("1")}}}, nil)
	if got := r.Figure("M0").Value; got == nil || got.Cmp(big.NewRat(n+1, 1)) != 0 {
		t.Errorf("M0 = %v, want %d", got, n+1)
	}
}
