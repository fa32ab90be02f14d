package vnformat

import (
	"math/big"
	"testing"
)

func TestIndicatorChange(t *testing.T) {
	r := func(s string) *big.Rat { x, _ := new(big.Rat).SetString(s); return x }
	for _, c := range []struct {
		m          Measure
		prev, cur  string
		decimals   int
		want       string
		sign       int
		comparable bool
	}{
		{Relative, "120", "130", 1, "tăng 8,3%", 1, true},
		{Relative, "1000", "999.96", 1, Same, 0, true},
		{Relative, "0", "5", 1, "", 0, false},
		{Points, "93.5", "96.445", 1, "tăng 2,9 điểm phần trăm", 1, true}, // 2,945 rounded once
		{Points, "93.5", "96.445", 2, "tăng 2,95 điểm phần trăm", 1, true},
		{Points, "15.25", "12.3", 1, "giảm 3,0 điểm phần trăm", -1, true}, // a difference is not trimmed
		{Relative, "100", "97", 1, "giảm 3%", -1, true},                   // a growth is
		{Points, "0", "12", 0, "tăng 12 điểm phần trăm", 1, true},         // a rate from 0 still compares
		{Places, "8", "12", 0, "giảm 4 bậc", -1, true},
		{Places, "12", "12", 0, "giữ nguyên thứ hạng", 0, true},
	} {
		prev, delta := r(c.prev), new(big.Rat).Sub(r(c.cur), r(c.prev))
		var growth *big.Rat // compute.Growth, which this package cannot import
		if prev.Sign() != 0 {
			growth = new(big.Rat).Mul(new(big.Rat).Quo(delta, prev), big.NewRat(100, 1))
		}
		words, sign, ok := IndicatorChange(c.m, delta, growth, c.decimals)
		if words != c.want || sign != c.sign || ok != c.comparable {
			t.Errorf("IndicatorChange(%d, %s → %s, %d) = %q %d %v, want %q %d %v", c.m, c.prev, c.cur, c.decimals, words, sign, ok, c.want, c.sign, c.comparable)
		}
	}
	if ChangeDecimals(Points, 2) != 2 || ChangeDecimals(Relative, 2) != PercentDecimals || ChangeDecimals(Places, 0) != PercentDecimals {
		t.Error("ChangeDecimals: points are worded at the values' decimals, a growth at PercentDecimals")
	}
	for _, c := range []struct {
		m        Measure
		delta    string
		decimals int
		unit     string
		want     string
	}{
		{Relative, "-2000", 0, "thuê bao", "giảm 2.000 thuê bao"},
		{Points, "2.95", 2, "%", "tăng 2,95 điểm phần trăm"}, // never "tăng 2,95 %"
		{Relative, "3", 0, "%", "tăng 3%"},                   // no space before "%"
		{Relative, "0.04", 0, "tỷ đồng", Same},
	} {
		if got, _ := IndicatorDelta(c.m, r(c.delta), c.decimals, c.unit); got != c.want {
			t.Errorf("IndicatorDelta(%d, %s, %d, %q) = %q, want %q", c.m, c.delta, c.decimals, c.unit, got, c.want)
		}
	}
}
