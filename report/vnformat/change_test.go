package vnformat

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

// growth is (this − last) / last × 100, as a report computes it.
func growth(this, last int64) decimal.Decimal {
	return decimal.NewFromInt(this-last).Mul(decimal.NewFromInt(100)).DivRound(decimal.NewFromInt(last), 16)
}

func TestChange(t *testing.T) {
	checkFormat(t, "Change", Change, []fmtCase{
		{"8.333", 1, "tăng 8,3%"},
		{"-27.99", 1, "giảm 28%"},
		{"-27.99", 0, "giảm 28%"},
		{"0", 1, Same},
		{"-0.04", 1, Same},
		{"0.04", 1, Same},
		{"-0.4", 0, Same},
		{"0.05", 1, "tăng 0,1%"},
		{"-0.05", 1, "giảm 0,1%"},
		{"2.25", 1, "tăng 2,3%"},
		{"100", 0, "tăng 100%"},
		{"1234.5", 1, "tăng 1.234,5%"},
		{"-50.00", 2, "giảm 50%"},
	})
	// Figures of the 2021 report (reference/README.md).
	for _, c := range []struct {
		this, last int64
		decimals   int
		want       string
	}{
		{130, 120, 1, "tăng 8,3%"},
		{1150, 1597, 0, "giảm 28%"},
		{1150, 1597, 1, "giảm 28%"},
		{315000, 285068, 1, "tăng 10,5%"},
		{180, 158, 0, "tăng 14%"},
		{148000, 150000, 1, "giảm 1,3%"},
		{150000, 150000, 1, Same},
	} {
		if got := Change(growth(c.this, c.last), c.decimals); got != c.want {
			t.Errorf("Change(%d vs %d, %d) = %q, want %q", c.this, c.last, c.decimals, got, c.want)
		}
	}
	// Plan attainment of the same report.
	attain := func(this, plan int64) decimal.Decimal {
		return decimal.NewFromInt(this*100).DivRound(decimal.NewFromInt(plan), 16)
	}
	if got := PercentTrim(attain(130, 110), 0); got != "118%" {
		t.Errorf("attainment 130/110 = %q", got)
	}
	if got := PercentTrim(attain(315000, 329843), 1); got != "95,5%" {
		t.Errorf("attainment 315000/329843 = %q", got)
	}
	if got := PercentTrim(attain(1150, 1691), 0); got != "68%" {
		t.Errorf("attainment 1150/1691 = %q", got)
	}
}

func TestPointChange(t *testing.T) {
	checkFormat(t, "PointChange", PointChange, []fmtCase{
		{"2.5", 1, "tăng 2,5 điểm phần trăm"},
		{"-1", 1, "giảm 1,0 điểm phần trăm"}, // at the rates' decimals, as 84,0% and 85,0% are written
		{"-0.96", 1, "giảm 1,0 điểm phần trăm"},
		{"0.05", 2, "tăng 0,05 điểm phần trăm"},
		{"0.04", 1, Same},
		{"-0.04", 1, Same},
		{"0.45", 0, Same},
		{"0.5", 0, "tăng 1 điểm phần trăm"},
	})
}

func TestAmountChange(t *testing.T) {
	for _, c := range []struct {
		in       string
		decimals int
		unit     string
		want     string
	}{
		{"10", 0, "tỷ đồng", "tăng 10 tỷ đồng"},
		{"-2000", 0, "thuê bao", "giảm 2.000 thuê bao"},
		{"0.4", 0, "thuê bao", Same},
		{"-0.4", 0, "thuê bao", Same},
		{"1.25", 1, "", "tăng 1,3"},
		{"-1234.50", 2, "tỷ đồng", "giảm 1.234,50 tỷ đồng"}, // at the values' decimals, not trimmed
		{"22", 1, "tỷ đồng", "tăng 22,0 tỷ đồng"},
		{"-50", 1, "ha", "giảm 50,0 ha"},
		{"-447", 0, "tỷ đồng", "giảm 447 tỷ đồng"},
	} {
		if got := AmountChange(dec(c.in), c.decimals, c.unit); got != c.want {
			t.Errorf("AmountChange(%s, %d, %q) = %q, want %q", c.in, c.decimals, c.unit, got, c.want)
		}
	}
}

func TestPlaceChange(t *testing.T) {
	for gained, want := range map[int64]string{2: "tăng 2 bậc", -1: "giảm 1 bậc", 0: "giữ nguyên thứ hạng"} {
		if got := PlaceChange(gained); got != want {
			t.Errorf("PlaceChange(%d) = %q, want %q", gained, got, want)
		}
	}
}

func TestCountChange(t *testing.T) {
	for _, c := range []struct {
		delta int64
		unit  string
		want  string
	}{
		{5, "tổ chức", "tăng 05 tổ chức"},
		{-2, "cuộc", "giảm 02 cuộc"},
		{-12, "cuộc", "giảm 12 cuộc"},
		{0, "cuộc", Same},
		{3, "", "tăng 03"},
	} {
		if got := CountChange(c.delta, c.unit); got != c.want {
			t.Errorf("CountChange(%d, %q) = %q, want %q", c.delta, c.unit, got, c.want)
		}
	}
}

// BenchmarkIndicatorWording words the change and the rounded value of 1 000
// figures as a report's sentences do: growth in percent, a difference with its
// unit, a rate in points, and the value at the precision shown.
func BenchmarkIndicatorWording(b *testing.B) {
	type pair struct{ prev, cur, growth *big.Rat }
	figures := make([]pair, 1000)
	for i := range figures {
		c := int64(1000 + i*7%9000)
		prev, cur := big.NewRat(c*1000/1083, 1), big.NewRat(c*10+int64(i%10), 10)
		growth := new(big.Rat).Quo(new(big.Rat).Sub(cur, prev), prev) // compute.Growth's, made once
		figures[i] = pair{prev, cur, growth.Mul(growth, big.NewRat(100, 1))}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range figures {
			IndicatorChange(Relative, nil, f.growth, 1)
			delta := new(big.Rat).Sub(f.cur, f.prev)
			IndicatorDelta(Relative, delta, 1, "tỷ đồng")
			IndicatorDelta(Points, delta, 2, "%")
			Number(RoundRat(f.cur, 1), 1)
		}
	}
}

// TestChangeSignIsTheWords: the direction ChangeSign gives is the one
// IndicatorChange words, "tương đương" included, for every measure, at
// thresholds of rounding and beyond 64 bits.
func TestChangeSignIsTheWords(t *testing.T) {
	huge, _ := new(big.Rat).SetString("123456789012345678901234567890/7")
	for _, m := range []Measure{Relative, Points, Places} {
		for _, r := range []*big.Rat{big.NewRat(-5, 10000), big.NewRat(5, 100), big.NewRat(-5, 100), big.NewRat(49, 1000), big.NewRat(0, 1),
			big.NewRat(-1, 1), big.NewRat(3, 1), huge, new(big.Rat).Neg(huge)} {
			for _, d := range []int{0, 1, 2} {
				words, wordSign, wordOK := IndicatorChange(m, r, r, d)
				sign, ok := ChangeSign(m, r, r, d)
				if sign != wordSign || ok != wordOK {
					t.Errorf("measure %d, %s at %d: ChangeSign %d %v, words %q %d %v", m, r.RatString(), d, sign, ok, words, wordSign, wordOK)
				}
				if (sign == 0) != (words == Same || words == "giữ nguyên thứ hạng") {
					t.Errorf("measure %d, %s at %d: sign %d beside %q", m, r.RatString(), d, sign, words)
				}
			}
		}
	}
	if _, ok := ChangeSign(Relative, big.NewRat(1, 1), nil, 1); ok {
		t.Error("a growth from 0 has a direction")
	}
}
