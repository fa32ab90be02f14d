package compute

import (
	"math/big"

	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// All figures are kept as exact rationals: a growth rate such as 1150/1597 has no
// finite decimal form, and rounding it early could flip the half-up rounding shown.

// Rat converts an entered decimal exactly. Entered figures have a small
// coefficient and few decimals: those take machine words and a table of
// powers of ten instead of big-number exponentiation and division.
func Rat(d decimal.Decimal) *big.Rat {
	exp := d.Exponent()
	if c := d.Coefficient(); c.IsInt64() && exp > -int32(len(powersOfTen)) && exp <= 0 {
		return new(big.Rat).SetFrac64(c.Int64(), powersOfTen[-exp])
	}
	r := new(big.Rat).SetInt(d.Coefficient())
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(exp))), nil)
	if exp >= 0 {
		return r.Mul(r, new(big.Rat).SetInt(scale))
	}
	return r.Quo(r, new(big.Rat).SetInt(scale))
}

// powersOfTen are 10^0 … 10^18, the powers an int64 holds.
var powersOfTen = func() []int64 {
	p := make([]int64, 19)
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// Round rounds r half-up (away from zero on a tie) at the given decimals, exactly.
func Round(r *big.Rat, decimals int) decimal.Decimal { return vnformat.RoundRat(r, decimals) }

// Exact gives r as a decimal when it has a finite decimal form of at most maxDecimals
// digits, for showing values that were entered or summed, not divided.
func Exact(r *big.Rat, maxDecimals int) (decimal.Decimal, bool) {
	d := Round(r, maxDecimals)
	return d, Rat(d).Cmp(r) == 0
}

func abs(n int32) int32 {
	if n < 0 {
		return -n
	}
	return n
}

var hundred = big.NewRat(100, 1)

// percentOf returns part / whole × 100, or nil when whole is zero.
func percentOf(part, whole *big.Rat) *big.Rat {
	if whole.Sign() == 0 {
		return nil
	}
	r := new(big.Rat).Quo(part, whole)
	return r.Mul(r, hundred)
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
