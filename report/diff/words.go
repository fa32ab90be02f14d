package diff

import (
	"fmt"
	"math/big"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/vnformat"
)

// machineDecimals bounds the decimals of numbers written for machines (JSON, the
// workbook's cells): figures with a finite decimal form that short are exact.
const machineDecimals = 6

// plain writes r for machines: "1150", "-27.989981"; exact when r has at most
// machineDecimals decimals, otherwise rounded half-up there.
func plain(r *big.Rat) string {
	d, ok := compute.Exact(r, machineDecimals)
	if !ok {
		d = compute.Round(r, machineDecimals)
	}
	return d.String()
}

// ValueText is column i's value as the report writes it: "1.150", "94,3", or
// "11/63" for a ranking; "" when there is no value.
func (r *Row) ValueText(i int) string {
	if r.Values[i] == nil {
		return ""
	}
	if r.Rankings != nil && r.Rankings[i] != nil {
		return fmt.Sprintf("%d/%d", r.Rankings[i].Rank, r.Rankings[i].Of)
	}
	return vnformat.Number(compute.Round(r.Values[i], r.Decimals), r.Decimals)
}

// DeltaText is change j's absolute difference with its sign: "+10", "-2.000",
// "0"; "" when there is none.
func (r *Row) DeltaText(j int) string {
	c := r.Changes[j]
	if c.Delta == nil {
		return ""
	}
	d := compute.Round(c.Delta, r.Decimals)
	s := vnformat.Number(d, r.Decimals)
	if d.Sign() > 0 {
		s = "+" + s
	}
	return s
}

// ChangeText words change j as the report does: "tăng 8,3%" for quantities,
// "tăng 2,5 điểm phần trăm" for rates, "tăng 3 bậc" for rankings, and the
// reason when there is no comparison. dir is the direction the words state
// (1 a rise, -1 a fall, 0 neither), for colours.
func (r *Row) ChangeText(j int) (text string, dir int) {
	c := r.Changes[j]
	from, to := r.cols[c.From], r.cols[c.To]
	switch c.Status {
	case Added:
		return fmt.Sprintf("mới (%s không có số liệu)", from.Name), 0
	case Removed:
		return fmt.Sprintf("bỏ (%s không có số liệu)", to.Name), 0
	case UnitChanged:
		return "đổi đơn vị, không so sánh", 0
	case Absent:
		return "không có số liệu", 0
	case Uncomputable:
		col := from
		if r.Values[c.From] != nil {
			col = to
		}
		return fmt.Sprintf("không so sánh được (%s không tính được: %v)", col.Name, compute.ErrDivByZero{Divisor: c.ZeroDivisor}), 0
	}
	m := r.Kind.Measure()
	words, sign, ok := vnformat.IndicatorChange(m, c.Delta, c.Percent(), vnformat.ChangeDecimals(m, r.Decimals))
	if !ok {
		return fmt.Sprintf("%s bằng 0, không tính được tỷ lệ", from.Name), c.Delta.Sign()
	}
	return words, sign
}

// PercentText is change j's relative change in percent, rounded as the report
// rounds it: "8,3", "-28,0"; "" without a non-zero base.
func (r *Row) PercentText(j int) string {
	p := r.Changes[j].Percent()
	if p == nil {
		return ""
	}
	return vnformat.Number(compute.Round(p, PercentDecimals), PercentDecimals)
}

// PlanText is the newest column's plan: "1.691"; "" without one.
func (r *Row) PlanText() string {
	if r.Plan == nil {
		return ""
	}
	return vnformat.Number(compute.Round(r.Plan, r.Decimals), r.Decimals)
}

// AttainmentText is the newest value as a percentage of the plan: "118,2%",
// "68%"; of a ceiling, whether it is kept: "90% (trong giới hạn)"; why there
// is none when a plan exists.
func (r *Row) AttainmentText() string { return r.attainmentText(r.Attainment()) }

// attainmentText is AttainmentText of a, the row's Attainment.
func (r *Row) attainmentText(a *big.Rat) string {
	switch {
	case a != nil && r.Ceiling:
		verdict := " (trong giới hạn)"
		if a.Cmp(big.NewRat(100, 1)) > 0 {
			verdict = " (vượt giới hạn)"
		}
		return vnformat.RatPercentTrim(a, r.attainmentDecimals(a)) + verdict
	case a != nil:
		return vnformat.RatPercentTrim(a, r.attainmentDecimals(a))
	case r.Plan == nil:
		return ""
	case r.Plan.Sign() == 0:
		return "kế hoạch bằng 0"
	}
	return "chưa có số thực hiện"
}

// attainmentDecimals is the precision attainment a is shown at: as the
// report's, enough to read as reached or not as the exact one does.
func (r *Row) attainmentDecimals(a *big.Rat) int {
	return compute.AttainmentDecimals(a, r.Ceiling, PercentDecimals)
}

// percentText writes a threshold: "50%", "12,5%".
func percentText(r *big.Rat) string {
	return vnformat.PercentTrim(compute.Round(r, machineDecimals), machineDecimals)
}
