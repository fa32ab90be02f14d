package vnformat

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Same is the wording of a change that rounds to zero.
const Same = "tương đương"

// Change words a relative change already computed in percent, rounded half-up at
// decimals and trimmed: 8.333 → "tăng 8,3%", -27.99 at 0 or 1 decimal → "giảm 28%",
// -0.04 at 1 decimal → "tương đương". A fall is never written "tăng -28%".
func Change(pct decimal.Decimal, decimals int) string {
	return changeWords(pct, decimals, "%")
}

// PointChange words the change of a rate in percentage points:
// "tăng 2,5 điểm phần trăm", "giảm 1 điểm phần trăm", "tương đương".
func PointChange(pp decimal.Decimal, decimals int) string {
	return changeWords(pp, decimals, " điểm phần trăm")
}

// AmountChange words an absolute change followed by its unit, formatted as
// NumberTrim: "tăng 10 tỷ đồng", "giảm 2.000 thuê bao", "tương đương".
// An empty unit gives the figure alone.
func AmountChange(delta decimal.Decimal, decimals int, unit string) string {
	if unit != "" {
		unit = " " + unit
	}
	return changeWords(delta, decimals, unit)
}

// changeWords rounds v first so that the direction word agrees with the figure shown.
func changeWords(v decimal.Decimal, decimals int, suffix string) string {
	r := v.Round(clampDecimals(decimals))
	switch r.Sign() {
	case 0:
		return Same
	case 1:
		return "tăng " + NumberTrim(r, decimals) + suffix
	default:
		return "giảm " + NumberTrim(r.Neg(), decimals) + suffix
	}
}

// PlaceChange words a change in a ranking by the places gained: "tăng 2 bậc"
// (a better, smaller place), "giảm 1 bậc", "giữ nguyên thứ hạng".
func PlaceChange(gained int64) string {
	switch {
	case gained > 0:
		return fmt.Sprintf("tăng %d bậc", gained)
	case gained < 0:
		return fmt.Sprintf("giảm %d bậc", -gained)
	}
	return "giữ nguyên thứ hạng"
}
