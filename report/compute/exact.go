package compute

import (
	"cmp"
	"math"
	"math/big"
	"math/bits"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// All figures are kept as exact rationals: a growth rate such as 1150/1597 has no
// finite decimal form, and rounding it early could flip the half-up rounding shown.

// Rat converts an entered decimal exactly.
func Rat(d decimal.Decimal) *big.Rat {
	if d.NumDigits() <= 18 { // the coefficient fits in 64 bits
		if exp := d.Exponent(); -19 < exp && exp < 19 {
			c := d.CoefficientInt64()
			if exp >= 0 {
				if hi, lo := bits.Mul64(abs64(c), tens[exp]); hi == 0 && lo <= math.MaxInt64 {
					return fraction(sign64(c)*int64(lo), 1)
				}
			} else {
				return fraction(c, tens[-exp])
			}
		}
	}
	coef := d.Coefficient()
	exp := d.Exponent()
	if exp >= 0 {
		return new(big.Rat).SetInt(coef.Mul(coef, pow10(exp)))
	}
	return new(big.Rat).SetFrac(coef, pow10(-exp))
}

// tens holds 10^0..10^18 for the fast paths of small figures.
var tens = func() (t [19]uint64) {
	t[0] = 1
	for i := 1; i < len(t); i++ {
		t[i] = t[i-1] * 10
	}
	return t
}()

// fraction is num/den (den > 0) as a new Rat, reduced in 64 bits: SetFrac64
// reduces with big arithmetic, a handful of allocations per figure.
func fraction(num int64, den uint64) *big.Rat {
	g := gcd(abs64(num), den)
	num, den = num/int64(g), den/g // g divides both; num/g keeps its sign
	r := new(big.Rat)
	if den == 1 {
		r.Num().SetInt64(num) // the zero Rat's denominator is 1
		return r
	}
	// 1/den is reduced, so is num/den once the numerator is set.
	r.Num().SetUint64(den)
	r.Inv(r)
	r.Num().SetInt64(num)
	return r
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	if a == 0 {
		return 1 // 0/den is 0/1 once den is divided by itself
	}
	return a
}

// abs64 is |x| as unsigned, right for math.MinInt64 too.
func abs64(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

func sign64(x int64) int64 {
	if x < 0 {
		return -1
	}
	return 1
}

// small gives x as num/den when both fit in 63 bits.
func small(x *big.Rat) (num int64, den uint64, ok bool) {
	n := x.Num()
	if !n.IsInt64() || n.Int64() == math.MinInt64 {
		return 0, 0, false
	}
	if x.IsInt() {
		return n.Int64(), 1, true
	}
	d := x.Denom() // a reference: x has a denominator of its own
	if !d.IsInt64() {
		return 0, 0, false
	}
	return n.Int64(), uint64(d.Int64()), true
}

// Cmp is x.Cmp(y), which copies both numerators to compare: in 128 bits
// when both are small.
func Cmp(x, y *big.Rat) int {
	if x.IsInt() && y.IsInt() {
		return x.Num().Cmp(y.Num())
	}
	a, b, ok1 := small(x)
	c, d, ok2 := small(y)
	if !ok1 || !ok2 {
		return x.Cmp(y)
	}
	// a/b against c/d, with b and d positive: a·d against c·b.
	sa, sc := sign(a), sign(c)
	if sa != sc {
		return cmp.Compare(sa, sc)
	}
	h1, l1 := bits.Mul64(abs64(a), d)
	h2, l2 := bits.Mul64(abs64(c), b)
	m := cmpU128(h1, l1, h2, l2)
	if sa < 0 {
		return -m
	}
	return m
}

// sign is -1, 0 or 1 as x is negative, zero or positive.
func sign(x int64) int { return cmp.Compare(x, 0) }

func cmpU128(h1, l1, h2, l2 uint64) int {
	if h1 != h2 {
		return cmp.Compare(h1, h2)
	}
	return cmp.Compare(l1, l2)
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
	return d, Cmp(Rat(d), r) == 0
}

// percentOf returns part / whole × 100, or nil when whole is zero: one fraction
// (a/b) / (c/d) × 100 = 100ad / bc, reduced once; in 64 bits when it fits.
func percentOf(part, whole *big.Rat) *big.Rat {
	if whole.Sign() == 0 {
		return nil
	}
	if a, b, ok := small(part); ok {
		if c, d, ok := small(whole); ok {
			if num, ok := mul3(abs64(a), d, 100); ok {
				if den, ok := mul3(b, abs64(c), 1); ok && num <= math.MaxInt64 {
					return fraction(int64(num)*int64(sign(a)*sign(c)), den)
				}
			}
		}
	}
	num := new(big.Int).Mul(part.Num(), whole.Denom())
	num.Mul(num, smallPowers10[2])
	den := new(big.Int).Mul(part.Denom(), whole.Num())
	return new(big.Rat).SetFrac(num, den)
}

// smallGrowth is (v − prev) / prev × 100 = (ad − cb)·100 / bc for v = a/b and
// prev = c/d, in 64 bits when it fits (ok false otherwise); nil for a zero prev.
func smallGrowth(v, prev *big.Rat) (*big.Rat, bool) {
	a, b, ok1 := small(v)
	c, d, ok2 := small(prev)
	if !ok1 || !ok2 {
		return nil, false
	}
	if c == 0 {
		return nil, true
	}
	ad, ok1 := mul62(a, d)
	cb, ok2 := mul62(c, b)
	den, ok3 := mul3(b, abs64(c), 1)
	if !ok1 || !ok2 || !ok3 {
		return nil, false
	}
	num, ok := mul62(ad-cb, 100) // |ad − cb| < 2^63: no overflow
	if !ok {
		return nil, false
	}
	return fraction(num*int64(sign(c)), den), true
}

// mul62 is x·y when its magnitude is below 2^62.
func mul62(x int64, y uint64) (int64, bool) {
	hi, lo := bits.Mul64(abs64(x), y)
	if hi != 0 || lo >= 1<<62 {
		return 0, false
	}
	return int64(lo) * sign64(x), true
}

// mul3 is x·y·z when it fits in 64 bits.
func mul3(x, y, z uint64) (uint64, bool) {
	hi, lo := bits.Mul64(x, y)
	if hi != 0 {
		return 0, false
	}
	hi, lo = bits.Mul64(lo, z)
	return lo, hi == 0
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

// AttainmentDecimals is the precision, from decimals up, at which an
// attainment a (value / plan × 100) reads as the exact one does: reached
// (at least 100) or not, for a ceiling (lowerIsBetter) kept (at most 100) or
// not. 99,96% of a plan is "99,96", never "100,0" beside "chưa đạt"; a
// ceiling exceeded by 0,04% is "100,04". The report's words and the
// appendix's cell both take it.
func AttainmentDecimals(a *big.Rat, lowerIsBetter bool, decimals int) int {
	return AgreeingDecimals(a, decimals, func(v *big.Rat) bool { return meets(v, hundred, lowerIsBetter) })
}

var hundred = big.NewRat(100, 1)

// ShownDecimals is the precision at which an indicator's values are shown side
// by side, oldest first (last year's and this year's in a report and its
// appendix, the columns of a diff; nil where there is none), plan being the
// newest value's plan (nil when none). It is the fewest decimals, from the
// catalogue's up to MaxAgreeingDecimals, at which the values rounded half-up
// say what the exact values say:
//   - each meets the indicator's target as its exact value does, the newest
//     its plan too: 79,967 against "≥ 80" is 79,97, never 80,0 beside "chưa đạt";
//   - two neighbours that differ look as they are, a rise or a fall, and so
//     does the difference stated beside them, rounded there (a chênh lệch, a
//     rate's change in points, see vnformat.ChangeDecimals; a diff's status):
//     84,95% → 85% shows as 84,95 and 85,00, "tăng 0,05 điểm phần trăm",
//     never 85,0 and 85,0 with "tăng 0,1", nor 47,0 and 47,0 with a rise
//     of 0,02 point. A growth in percent may still read "tương đương";
//   - the growth and the plan attainment stated (at vnformat.PercentDecimals,
//     the attainment at AttainmentDecimals), worked out again from the
//     values as shown, round to the figures stated: 10,5 tỷ đồng entered
//     with thap_phan 0, against 10 last year and a plan of 110, is 10,5
//     beside "tăng 5%" and "đạt 9,5% Kế hoạch", never 11 (11 / 10 is 110%,
//     11 / 110 is 10%).
//
// The difference is rounded once, from the exact values, like every figure:
// it may differ by one in its last digit from the difference of the two
// values as rounded (66,666…% → 77,083…% is 66,67 → 77,08, "tăng 10,42
// điểm phần trăm"), the usual note on rounded figures; asking for more would
// never end for values such as these, whose decimals repeat.
//
// Values entered at the catalogue's decimals are shown at them: rounding
// changes none of them. Entered values are never shown with more decimals
// than the most any of them was entered with: at those, each is shown as it
// is. A ranking is shown as its places.
func ShownDecimals(ind *model.Indicator, values []*big.Rat, plan *big.Rat) int {
	d := max(ind.Decimals, 0)
	if ind.Kind == model.Rank {
		return d
	}
	for ; d < MaxAgreeingDecimals; d++ {
		if showsTruly(ind, values, plan, d) {
			return d
		}
	}
	return d
}

// showsTruly reports whether values and plan rounded at d decimals say what
// the exact ones say (ShownDecimals).
func showsTruly(ind *model.Indicator, values []*big.Rat, plan *big.Rat, d int) bool {
	exact := plan == nil || exactAt(plan, d)
	for _, v := range values {
		exact = exact && (v == nil || exactAt(v, d))
	}
	if exact {
		return true
	}
	shown := make([]*big.Rat, len(values))
	for i, v := range values {
		if v != nil {
			shown[i] = Rat(Round(v, d))
		}
	}
	if t := ind.Target; t != nil {
		goal := Rat(t.Value)
		for i, v := range values {
			if v != nil && t.MetBy(Cmp(shown[i], goal)) != t.MetBy(Cmp(v, goal)) {
				return false
			}
		}
	}
	if last := len(values) - 1; last >= 0 && values[last] != nil && plan != nil {
		lower := ind.LowerIsBetter
		if meets(shown[last], Rat(Round(plan, d)), lower) != meets(values[last], plan, lower) {
			return false
		}
	}
	for i := 1; i < len(values); i++ {
		prev, cur := values[i-1], values[i]
		if prev == nil || cur == nil {
			continue
		}
		delta := new(big.Rat).Sub(cur, prev)
		way := delta.Sign()
		if new(big.Rat).Sub(shown[i], shown[i-1]).Sign() != way || Round(delta, d).Sign() != way {
			return false
		}
	}
	return recomputesTruly(ind, values, shown, plan, d)
}

// recomputesTruly reports whether the growths (of a quantity) and the plan
// attainment worked out from the values and plan shown at d decimals round
// to the figures the report states from the exact ones (ShownDecimals).
func recomputesTruly(ind *model.Indicator, values, shown []*big.Rat, plan *big.Rat, d int) bool {
	agree := func(exact, fromShown *big.Rat, decimals int) bool {
		return fromShown != nil && Round(exact, decimals).Equal(Round(fromShown, decimals))
	}
	if ind.Kind.Measure() == vnformat.Relative {
		for i := 1; i < len(values); i++ {
			g := Growth(values[i-1], values[i])
			if g != nil && !agree(g, Growth(shown[i-1], shown[i]), vnformat.PercentDecimals) {
				return false
			}
		}
	}
	last := len(values) - 1
	if last < 0 || values[last] == nil || plan == nil {
		return true
	}
	a := percentOf(values[last], plan)
	if a == nil {
		return true
	}
	return agree(a, percentOf(shown[last], Rat(Round(plan, d))), AttainmentDecimals(a, ind.LowerIsBetter, vnformat.PercentDecimals))
}

// exactAt reports whether r has a decimal form of at most d digits, so that
// rounding it there changes nothing.
func exactAt(r *big.Rat, d int) bool {
	if r.IsInt() {
		return true
	}
	den := r.Denom()
	if d < len(tens) && den.IsUint64() {
		return tens[d]%den.Uint64() == 0
	}
	return new(big.Int).Mod(pow10(int32(d)), den).Sign() == 0
}

// MaxDigits bounds every number worked out from the figures, by a catalogue's
// formula or by a template's arithmetic: the numerator and the denominator of
// its exact fraction have at most this many digits. A report's figures have a
// score at most; without a bound a chain of formulas that square their input
// (or a template loop of nhan or chia) makes numbers whose every step costs
// more than the last, and never ends in practice.
const MaxDigits = 100

// digitLimit is 10^MaxDigits, the least number of too many digits.
var digitLimit = new(big.Int).Exp(big.NewInt(10), big.NewInt(MaxDigits), nil)

// TooLarge reports whether r has more than MaxDigits digits in its numerator
// or its denominator.
func TooLarge(r *big.Rat) bool {
	return r.Num().CmpAbs(digitLimit) >= 0 || r.Denom().Cmp(digitLimit) >= 0
}
