package periodtest

import (
	"testing"

	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// The fixture reads without findings, every period is where its code says,
// and its cumulative six months are the sum of its quarters, as promised.
func TestFixtureReads(t *testing.T) {
	ws, err := input.Open(Write(t, t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	cat, fs, err := ws.Catalogue()
	if err != nil || len(fs) > 0 {
		t.Fatal(err, fs)
	}
	for _, code := range Cumulative {
		if ind, _ := cat.Lookup(code); !ind.Cumulative {
			t.Errorf("%s is not cumulative", code)
		}
	}
	periods, err := ws.Periods()
	if err != nil || len(periods) != len(Periods) {
		t.Fatalf("periods %v %v", periods, err)
	}
	for i, p := range periods {
		if p.Code() != Periods[i] {
			t.Errorf("period %d = %s, want %s", i, p.Code(), Periods[i])
		}
		y, fs, err := ws.Figures(p, cat)
		if err != nil || len(fs) > 0 || y.Period != p || len(y.Entries) != len(Actual[p.Code()]) {
			t.Errorf("%s: %v %v %+v", p.Code(), err, fs, y)
		}
	}
	for _, code := range Cumulative {
		q1, q2, h1 := num(t, "2022-Q1", code), num(t, "2022-Q2", code), num(t, "2022-6T", code)
		if !q1.Add(q2).Equal(h1) {
			t.Errorf("%s: Q1 %s + Q2 %s ≠ 6T %s", code, q1, q2, h1)
		}
	}
	for _, code := range Levels {
		if !num(t, "2022-Q2", code).Equal(num(t, "2022-6T", code)) {
			t.Errorf("%s: the level at Q2 differs from the level at 6 months", code)
		}
	}
}

func num(t *testing.T, period, code string) decimal.Decimal {
	t.Helper()
	s := Actual[period][code]
	v, _, err := vnformat.ParseNumber(s)
	if err != nil {
		t.Fatalf("%s %s: %q", period, code, s)
	}
	return v
}
