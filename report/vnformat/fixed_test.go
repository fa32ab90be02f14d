package vnformat

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// The machine-integer path must word every value exactly as the big.Int path
// does: same rounding, same digits, same direction.
func checkFixedAgrees(t *testing.T, a, b, c, d int64, decimals int) {
	t.Helper()
	if b == 0 || d == 0 {
		return
	}
	cur, prev := big.NewRat(a, b), big.NewRat(c, d)
	for _, r := range []*big.Rat{cur, prev} {
		want := Number(roundRatBig(r, decimals), decimals)
		if got := RatNumber(r, decimals); got != want {
			t.Errorf("RatNumber(%v, %d) = %q, want %q", r, decimals, got, want)
		}
		if got, want := RoundRat(r, decimals), roundRatBig(r, decimals); !got.Equal(want) || got.String() != want.String() {
			t.Errorf("RoundRat(%v, %d) = %v, want %v", r, decimals, got, want)
		}
		if got, want := RatPercentTrim(r, decimals), PercentTrim(roundRatBig(r, decimals), decimals); got != want {
			t.Errorf("RatPercentTrim(%v, %d) = %q, want %q", r, decimals, got, want)
		}
	}
	delta := new(big.Rat).Sub(cur, prev)
	for _, m := range []Measure{Relative, Points} {
		words, sign := IndicatorDelta(m, delta, decimals, "tỷ đồng")
		r := roundRatBig(delta, int(clampDecimals(decimals)))
		want := AmountChange(r, decimals, "tỷ đồng")
		if m == Points {
			want = PointChange(r, decimals)
		}
		if words != want || sign != r.Sign() {
			t.Errorf("IndicatorDelta(%d, %v, %d) = %q %d, want %q %d", m, delta, decimals, words, sign, want, r.Sign())
		}
	}
	if prev.Sign() == 0 {
		return
	}
	pct := new(big.Rat).Quo(delta, prev)
	pct.Mul(pct, big.NewRat(100, 1))
	r := roundRatBig(pct, int(clampDecimals(decimals)))
	words, sign, ok := IndicatorChange(Relative, delta, pct, decimals)
	if want := Change(r, decimals); !ok || words != want || sign != r.Sign() {
		t.Errorf("IndicatorChange(%v → %v, %d) = %q %d, want %q %d", prev, cur, decimals, words, sign, want, r.Sign())
	}
}

func TestFixedAgreesWithBig(t *testing.T) {
	edges := []int64{0, 1, -1, 5, -5, 15, 999, 1000, -1000, 1597, 1150, 1 << 31, 1<<62 + 1, math.MaxInt64, math.MinInt64 + 1, math.MinInt64}
	for _, a := range edges {
		for _, c := range edges {
			for _, dec := range []int{0, 1, 2, 17, 18, 19, 20, -1, 101} {
				checkFixedAgrees(t, a, 1, c, 3, dec)
				checkFixedAgrees(t, c, 7, a, 1, dec)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		n := func(limit int64) int64 { return rng.Int64N(2*limit+1) - limit }
		limit := []int64{20, 10_000, 1 << 40}[rng.IntN(3)]
		checkFixedAgrees(t, n(limit), 1+rng.Int64N(limit), n(limit), 1+rng.Int64N(limit), rng.IntN(4))
	}
}

func FuzzFixedAgreesWithBig(f *testing.F) {
	f.Add(int64(1150), int64(1), int64(1597), int64(1), 1)
	f.Add(int64(-5), int64(100), int64(0), int64(1), 0)
	f.Add(int64(math.MinInt64), int64(3), int64(math.MaxInt64), int64(7), 2)
	f.Fuzz(func(t *testing.T, a, b, c, d int64, decimals int) {
		if b < 0 {
			b = -b
		}
		if d < 0 {
			d = -d
		}
		checkFixedAgrees(t, a, b, c, d, decimals%25)
	})
}
