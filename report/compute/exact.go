package compute

import (
	"math/big"

	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// All figures are kept as exact rationals: a growth rate such as 1150/1597 has no
// finite decimal form, and rounding it early could flip the half-up rounding shown.

// Rat converts an entered decimal exactly.
func Rat(d decimal.Decimal) *big.Rat {
	coef := d.Coefficient()
	exp := d.Exponent()
	if exp >= 0 {
		return new(big.Rat).SetInt(coef.Mul(coef, pow10(exp)))
	}
	return new(big.Rat).SetFrac(coef, pow10(-exp))
}

// smallPowers10 holds 10^0..10^19, the scales of report figures, computed once.
var smallPowers10 = func() (p [20]*big.Int) {
	for i := range p {
		p[i] = new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(i)), nil)
	}
	return p
}()

// pow10 returns 10^n (1 for n < 0, as big.Int.Exp); the result of a small n
// is shared and must not be modified.
func pow10(n int32) *big.Int {
	if n >= 0 && int(n) < len(smallPowers10) {
		return smallPowers10[n]
	}
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// Round rounds r half-up (away from zero on a tie) at the given decimals, exactly.
func Round(r *big.Rat, decimals int) decimal.Decimal { return vnformat.RoundRat(r, decimals) }

// Exact gives r as a decimal when it has a finite decimal form of at most maxDecimals
// digits, for showing values that were entered or summed, not divided.
func Exact(r *big.Rat, maxDecimals int) (decimal.Decimal, bool) {
	d := Round(r, maxDecimals)
	return d, Rat(d).Cmp(r) == 0
}

// percentOf returns part / whole × 100, or nil when whole is zero: one fraction
// (a/b) / (c/d) × 100 = 100ad / bc, reduced once.
func percentOf(part, whole *big.Rat) *big.Rat {
	if whole.Sign() == 0 {
		return nil
	}
	num := new(big.Int).Mul(part.Num(), whole.Denom())
	num.Mul(num, smallPowers10[2])
	den := new(big.Int).Mul(part.Denom(), whole.Num())
	return new(big.Rat).SetFrac(num, den)
}

// MaxAgreeingDecimals bounds how far AgreeingDecimals looks; figures that far
// apart from a threshold do not occur in reports.
const MaxAgreeingDecimals = 12

// AgreeingDecimals is the smallest precision, from decimals up, at which r
// rounded half-up gives the same verdict as r itself, so that the figure shown
// never contradicts the words beside it: 1473/1842 × 100 = 79,967… against
// "≥ 80" shows as 79,97 rather than 80,0. It stops at MaxAgreeingDecimals.
func AgreeingDecimals(r *big.Rat, decimals int, verdict func(*big.Rat) bool) int {
	want := verdict(r)
	d := decimals
	for ; d < MaxAgreeingDecimals; d++ {
		if verdict(Rat(Round(r, d))) == want {
			return d
		}
	}
	return d
}
