package vnformat

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
)

// The exact fast path of rounding and formatting: report figures are small
// fractions whose numerator and denominator fit an int64, so the half-up
// rounding can be done on machine integers (never float64) and the digits
// written without decimal.Decimal or fmt. Anything larger takes the big.Int path.

// pow10 holds the powers of ten that fit a uint64.
var pow10 = func() (p [20]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// fixed is a value rounded at places decimals: ±mag × 10^−places.
type fixed struct {
	neg    bool
	mag    uint64
	places int
}

func (f fixed) sign() int {
	switch {
	case f.mag == 0:
		return 0
	case f.neg:
		return -1
	}
	return 1
}

// roundQuo rounds n × 10^scale / d half-up (away from zero on a tie), exactly, for
// magnitudes n and d > 0; ok is false when n × 10^scale overflows a uint64.
func roundQuo(n, d uint64, scale int) (q uint64, ok bool) {
	if scale < 0 || scale >= len(pow10) || d == 0 {
		return 0, false
	}
	hi, lo := bits.Mul64(n, pow10[scale])
	if hi != 0 {
		return 0, false
	}
	q, rem := lo/d, lo%d
	if rem >= d-rem { // the dropped part is at least one half
		q++
	}
	return q, true
}

// magnitude splits v into its sign and absolute value.
func magnitude(v int64) (neg bool, mag uint64) {
	if v < 0 {
		return true, uint64(-v) // also right for math.MinInt64
	}
	return false, uint64(v)
}

// roundRatFixed is RoundRat on machine integers; ok is false when r or the
// scaled value does not fit, or decimals is out of 0..19.
func roundRatFixed(r *big.Rat, decimals int) (fixed, bool) {
	if !r.Num().IsInt64() || !r.Denom().IsUint64() {
		return fixed{}, false
	}
	neg, n := magnitude(r.Num().Int64())
	q, ok := roundQuo(n, r.Denom().Uint64(), decimals)
	return fixed{neg: neg, mag: q, places: decimals}, ok
}

// int64 gives f's coefficient (f × 10^places); ok is false when it does not fit an int64.
func (f fixed) int64() (int64, bool) {
	if f.mag > math.MaxInt64 {
		return 0, false
	}
	if f.neg {
		return -int64(f.mag), true
	}
	return int64(f.mag), true
}

// appendNumber appends f as Number writes it, or as NumberTrim when trim is set.
func (f fixed) appendNumber(b []byte, trim bool) []byte {
	var buf [24]byte
	return appendNumber(b, f.neg && f.mag != 0, strconv.AppendUint(buf[:0], f.mag, 10), f.places, trim)
}

// changeWordsFixed is changeWords for a value already rounded at the precision shown.
func changeWordsFixed(f fixed, suffix string, trim bool) string {
	if f.mag == 0 {
		return Same
	}
	b := make([]byte, 0, 32+len(suffix))
	if f.neg {
		b = append(b, "giảm "...)
	} else {
		b = append(b, "tăng "...)
	}
	f.neg = false
	b = f.appendNumber(b, trim)
	return string(append(b, suffix...))
}

// RatNumber is Number of r rounded half-up once at decimals: the one rounding a
// figure gets before it is shown.
func RatNumber(r *big.Rat, decimals int) string {
	if f, ok := roundRatFixed(r, decimals); ok { // ok only for decimals in 0..19, which clampDecimals keeps
		return string(f.appendNumber(make([]byte, 0, 24), false))
	}
	return Number(RoundRat(r, decimals), decimals)
}

// RatPercentTrim is PercentTrim of r rounded half-up once at decimals: "118,2%", "68%".
func RatPercentTrim(r *big.Rat, decimals int) string {
	if f, ok := roundRatFixed(r, decimals); ok { // ok only for decimals in 0..19, which clampDecimals keeps
		return string(append(f.appendNumber(make([]byte, 0, 24), true), '%'))
	}
	return PercentTrim(RoundRat(r, decimals), decimals)
}
