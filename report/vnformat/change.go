package vnformat

import (
	"cmp"
	"math/big"
	"strconv"

	"github.com/shopspring/decimal"
)

// Same is the wording of a change that rounds to zero.
const Same = "tương đương"

// PercentDecimals is the precision percentages are worded at by default: a
// growth ("tăng 8,3%"), a plan attainment ("đạt 118,2% Kế hoạch").
const PercentDecimals = 1

// Change words a relative change already computed in percent, rounded half-up at
// decimals and trimmed: 8.333 → "tăng 8,3%", -27.99 at 0 or 1 decimal → "giảm 28%",
// -0.04 at 1 decimal → "tương đương". A fall is never written "tăng -28%".
func Change(pct decimal.Decimal, decimals int) string {
	return changeWords(pct, decimals, "%", true)
}

// A growth is a ratio, written trimmed like any percentage ("giảm 28%"). A
// difference (an amount, percentage points) is written as the two values it
// separates are, at their decimals and not trimmed: "giảm 50,0 ha" between
// 100.000,0 and 99.950,0 ha, "tăng 1,0 điểm phần trăm" between 84,0% and 85,0%.

// PointChange words the change of a rate in percentage points, at the
// decimals its values are shown at: "tăng 2,5 điểm phần trăm", "giảm 1,0 điểm
// phần trăm", "tương đương".
func PointChange(pp decimal.Decimal, decimals int) string {
	return changeWords(pp, decimals, pointsSuffix, false)
}

const pointsSuffix = " điểm phần trăm"

// AmountChange words an absolute change followed by its unit, formatted as
// Number, as the values are: "tăng 10 tỷ đồng", "giảm 50,0 ha", "tương đương".
// An empty unit gives the figure alone.
func AmountChange(delta decimal.Decimal, decimals int, unit string) string {
	return changeWords(delta, decimals, unitSuffix(unit), false)
}

// unitSuffix is a unit as it follows a figure: after a space, but "%" right after it.
func unitSuffix(unit string) string {
	if unit != "" && unit != "%" {
		return " " + unit
	}
	return unit
}

// CountChange words the change of a count the way the count itself is written,
// small numbers with a leading zero: "tăng 05 tổ chức", "giảm 12 cuộc".
func CountChange(delta int64, unit string) string {
	words := Same
	switch {
	case delta > 0:
		words = "tăng " + LeadingZero(delta)
	case delta < 0:
		words = "giảm " + LeadingZero(-delta)
	}
	if delta != 0 && unit != "" {
		words += " " + unit
	}
	return words
}

// changeWords rounds v first so that the direction word agrees with the figure
// shown, written as NumberTrim when trim is set, else as Number.
func changeWords(v decimal.Decimal, decimals int, suffix string, trim bool) string {
	r := v.Round(clampDecimals(decimals))
	number := Number
	if trim {
		number = NumberTrim
	}
	switch r.Sign() {
	case 0:
		return Same
	case 1:
		return "tăng " + number(r, decimals) + suffix
	default:
		return "giảm " + number(r.Neg(), decimals) + suffix
	}
}

// PlaceChange words a change in a ranking by the places gained: "tăng 2 bậc"
// (a better, smaller place), "giảm 1 bậc", "giữ nguyên thứ hạng".
func PlaceChange(gained int64) string {
	switch {
	case gained > 0:
		return "tăng " + strconv.FormatInt(gained, 10) + " bậc"
	case gained < 0:
		return "giảm " + strconv.FormatUint(uint64(-gained), 10) + " bậc" // also right for math.MinInt64
	}
	return "giữ nguyên thứ hạng"
}

// The wording of a change by the kind of indicator lives here and nowhere else:
// a quantity changes in percent of last year's value, a rate (itself a
// percentage) in percentage points, a ranking in places. Both functions take
// exact values and round them once, at the precision shown. model.Kind.Measure
// says which measure an indicator's kind takes.

// Measure is how the change of an indicator is stated.
type Measure int

const (
	Relative Measure = iota // in percent of last year's value: "tăng 8,3%"
	Points                  // in percentage points: "tăng 2,5 điểm phần trăm"
	Places                  // in places of a ranking: "tăng 2 bậc"
)

// IndicatorChange words the change of an indicator measured by m, given
// exactly: delta is cur − prev, growth that change in percent of prev
// (compute.Growth; nil when prev is 0). A quantity states its growth ("tăng
// 8,3%"), a rate its delta in percentage points ("giảm 2,5 điểm phần trăm"), a
// ranking its delta in places ("tăng 2 bậc": a smaller place is a rise); or
// Same. decimals is the precision of the growth or of the points
// (ChangeDecimals gives the default). sign is the direction the words state
// after rounding (0 for Same). ok is false when a quantity has no base to
// compare with.
func IndicatorChange(m Measure, delta, growth *big.Rat, decimals int) (words string, sign int, ok bool) {
	if m != Relative {
		words, sign = IndicatorDelta(m, delta, decimals, "")
		return words, sign, true
	}
	if growth == nil {
		return "", 0, false
	}
	words, sign = ratChangeWords(growth, decimals, "%", true)
	return words, sign, true
}

// ChangeSign is the direction IndicatorChange states (sign, ok), without
// wording it: for counting and marking many changes, as diff's status does.
func ChangeSign(m Measure, delta, growth *big.Rat, decimals int) (sign int, ok bool) {
	switch m {
	case Places:
		return cmp.Compare(placesGained(delta), 0), true
	case Points:
		return roundedSign(delta, decimals), true
	}
	if growth == nil {
		return 0, false
	}
	return roundedSign(growth, decimals), true
}

// roundedSign is the sign of r rounded half-up once at decimals, as
// ratChangeWords rounds it.
func roundedSign(r *big.Rat, decimals int) int {
	if f, ok := roundRatFixed(r, int(clampDecimals(decimals))); ok {
		return f.sign()
	}
	return RoundRat(r, int(clampDecimals(decimals))).Sign()
}

// ChangeDecimals is the precision IndicatorChange words a change measured by
// m at unless a template chooses one: a rate's change in points at the
// decimals its two values are shown at (shown), so that it is their
// difference as written (84,95% → 85,00%: "tăng 0,05 điểm phần trăm"); a
// growth in percent at PercentDecimals.
func ChangeDecimals(m Measure, shown int) int {
	if m == Points {
		return shown
	}
	return PercentDecimals
}

// IndicatorDelta words an absolute difference of an indicator measured by m,
// at the decimals its values are shown at and not trimmed: a quantity with its
// unit ("giảm 2.000 thuê bao", "giảm 50,0 ha"); a rate in percentage points
// whatever its unit ("tăng 2,95 điểm phần trăm", never "tăng 2,95 %"); a
// ranking in places. sign is the direction the words state after rounding.
func IndicatorDelta(m Measure, delta *big.Rat, decimals int, unit string) (words string, sign int) {
	switch m {
	case Places:
		gained := placesGained(delta)
		return PlaceChange(gained), cmp.Compare(gained, 0)
	case Points:
		return ratChangeWords(delta, decimals, pointsSuffix, false)
	}
	return ratChangeWords(delta, decimals, unitSuffix(unit), false)
}

// placesGained is the places a ranking rose by, for a change of its place
// by delta: a smaller place is a rise.
func placesGained(delta *big.Rat) int64 {
	return -new(big.Int).Quo(delta.Num(), delta.Denom()).Int64()
}

// ratChangeWords is changeWords of r rounded half-up once at decimals, with the
// sign the words state: on machine integers when r fits.
func ratChangeWords(r *big.Rat, decimals int, suffix string, trim bool) (string, int) {
	if f, ok := roundRatFixed(r, int(clampDecimals(decimals))); ok {
		return changeWordsFixed(f, suffix, trim), f.sign()
	}
	d := RoundRat(r, int(clampDecimals(decimals)))
	return changeWords(d, decimals, suffix, trim), d.Sign()
}
