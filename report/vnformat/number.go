package vnformat

import (
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
)

// maxDecimals bounds the precision callers may ask for, so a bad argument cannot
// overflow int32 or allocate without limit; reports use 0 to 2 decimals.
const maxDecimals = 100

func clampDecimals(decimals int) int32 {
	return int32(max(0, min(decimals, maxDecimals)))
}

// Number formats d half-up at exactly decimals decimals (clamped to 0..100), with "."
// grouping thousands and "," as the decimal sign: Number(1150, 0) = "1.150",
// Number(8.25, 1) = "8,3", Number(-27.99, 1) = "-28,0". A value that rounds to zero
// Count writes a count the Vietnamese way: 1.300.000.
func Count(n int) string { return Number(decimal.NewFromInt(int64(n)), 0) }

// is written without a sign.
func Number(d decimal.Decimal, decimals int) string {
	places := clampDecimals(decimals)
	// Round, as StringFixed, rounds half away from zero and leaves the
	// exponent at -places; a rounded zero has no sign because big.Int has no
	// negative zero.
	c := d.Round(places).Coefficient()
	neg := c.Sign() < 0
	return string(appendNumber(nil, neg, c.Abs(c).Append(nil, 10), int(places), false))
}

// appendNumber appends the number whose digits, without sign, are the
// coefficient of places decimals, as Number writes it ("-1.234,50"), or as
// NumberTrim when trim is set ("-1.234,5"). neg is for a coefficient not zero.
func appendNumber(b []byte, neg bool, digits []byte, places int, trim bool) []byte {
	if neg {
		b = append(b, '-')
	}
	intLen := len(digits) - places
	if intLen <= 0 {
		b = append(b, '0')
	} else {
		first := intLen % 3
		if first == 0 {
			first = 3
		}
		b = append(b, digits[:first]...)
		for i := first; i < intLen; i += 3 {
			b = append(b, '.')
			b = append(b, digits[i:i+3]...)
		}
	}
	if places == 0 {
		return b
	}
	comma := len(b)
	b = append(b, ',')
	for i := intLen; i < 0; i++ {
		b = append(b, '0')
	}
	b = append(b, digits[max(intLen, 0):]...)
	if trim {
		for len(b) > comma+1 && b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if len(b) == comma+1 {
			b = b[:comma]
		}
	}
	return b
}

// NumberTrim is Number with trailing fractional zeros, and then a bare ",", removed:
// NumberTrim(28.0, 1) = "28", NumberTrim(118.18, 1) = "118,2".
func NumberTrim(d decimal.Decimal, decimals int) string {
	return trimFraction(Number(d, decimals))
}

func trimFraction(s string) string {
	if !strings.Contains(s, ",") {
		return s
	}
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ",")
}

// Percent is Number followed by "%" with no space: Percent(47.01, 1) = "47,0%".
func Percent(d decimal.Decimal, decimals int) string {
	return Number(d, decimals) + "%"
}

// PercentTrim is NumberTrim followed by "%": PercentTrim(68.007, 1) = "68%".
func PercentTrim(d decimal.Decimal, decimals int) string {
	return NumberTrim(d, decimals) + "%"
}

// LeadingZero writes 1..9 with a leading zero ("03 tổ chức") and any other integer
// as Number does ("0", "10", "1.234", "-3").
func LeadingZero(n int64) string {
	if n >= 1 && n <= 9 { // zero stays "0": nobody writes "00 tổ chức"
		return "0" + string(rune('0'+n))
	}
	return Number(decimal.NewFromInt(n), 0)
}

// RoundRat rounds an exact value half-up (away from zero on a tie) at the given
// decimals, exactly: the one rounding a figure gets before it is shown.
func RoundRat(r *big.Rat, decimals int) decimal.Decimal {
	if f, ok := roundRatFixed(r, decimals); ok {
		if q, ok := f.int64(); ok {
			return decimal.New(q, int32(-decimals))
		}
	}
	return roundRatBig(r, decimals)
}

// roundRatBig is RoundRat on big integers, for values beyond the machine's.
func roundRatBig(r *big.Rat, decimals int) decimal.Decimal {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	num := new(big.Int).Mul(r.Num(), scale)
	den := r.Denom()
	q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	// |rem|*2 >= den means the dropped part is at least one half.
	twice := new(big.Int).Abs(rem)
	twice.Lsh(twice, 1)
	if twice.Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return decimal.NewFromBigInt(q, int32(-decimals))
}
