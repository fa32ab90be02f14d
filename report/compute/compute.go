// Package compute works out, exactly, what a report states about each indicator:
// its value (entered or derived by formula), the change from last year, plan
// attainment, whether its target is met, and the change in rankings.
package compute

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/baocao/baocao/report/model"
)

// Figure is one indicator's computed figures for the report's period. A nil
// value means "not available": Missing (or PreviousMissing) says why in Vietnamese.
type Figure struct {
	Indicator *model.Indicator
	Entry     *model.Entry // nil for derived indicators and for indicators not entered
	// periods are the report's: the period of Value and the one it is compared
	// with, shared by every figure (nil in a figure made outside Compute).
	periods *periods

	Value    *big.Rat
	Missing  string
	Estimate bool
	// ZeroDivisor is, as PreviousZeroDivisor for last year's, set when Value
	// is missing because the figures make the formula divide by zero: the
	// value cannot be computed, it is not merely unreported.
	ZeroDivisor string

	Previous        *big.Rat
	PreviousMissing string
	// PreviousZeroDivisor is set when Previous is missing because last year's
	// figures make the formula divide by zero: the divisor, an indicator's
	// code or "biểu thức".
	PreviousZeroDivisor string

	// Plan is the plan of the year the period belongs to: the period's input's
	// ke_hoach, else the year's input's.
	Plan *big.Rat
	// YearEstimate is the estimate for the whole year (uoc_ca_nam) given with a
	// period shorter than a year; nil otherwise.
	YearEstimate *big.Rat

	Ranking     *model.Ranking // for indicators of kind Rank: this year's place and how many were ranked
	PrevRanking *model.Ranking
}

type periods struct{ of, compared model.Period }

// Period is the period of Value.
func (f *Figure) Period() model.Period {
	if f.periods == nil {
		return model.Period{}
	}
	return f.periods.of
}

// Compared is the period the value is compared with: the same period of the year before.
func (f *Figure) Compared() model.Period {
	if f.periods == nil {
		return model.Period{}
	}
	return f.periods.compared
}

// HasChange reports whether there is a change from last year: both values exist.
func (f *Figure) HasChange() bool { return f.Value != nil && f.Previous != nil }

// Change is value − previous, or nil.
func (f *Figure) Change() *big.Rat {
	if !f.HasChange() {
		return nil
	}
	return new(big.Rat).Sub(f.Value, f.Previous)
}

// Growth is the change in percent of last year's value, or nil when there is no
// base to compare with (no previous value, or a zero one).
func (f *Figure) Growth() *big.Rat { return Growth(f.Previous, f.Value) }

// Growth is the change from prev to cur in percent of prev, (cur − prev) /
// prev × 100, exact: the one definition of a growth rate, which
// vnformat.IndicatorChange words. nil when either is missing or prev is 0.
func Growth(prev, cur *big.Rat) *big.Rat {
	if prev == nil || cur == nil {
		return nil
	}
	if g, ok := smallGrowth(cur, prev); ok {
		return g
	}
	return percentOf(new(big.Rat).Sub(cur, prev), prev)
}

// Attainment is value / plan × 100, or nil without a (non-zero) plan.
func (f *Figure) Attainment() *big.Rat {
	if f.Value == nil || f.Plan == nil {
		return nil
	}
	return percentOf(f.Value, f.Plan)
}

// YearEstimateAttainment is the whole-year estimate / plan × 100, or nil
// without an estimate or a (non-zero) plan.
func (f *Figure) YearEstimateAttainment() *big.Rat {
	if f.YearEstimate == nil || f.Plan == nil {
		return nil
	}
	return percentOf(f.YearEstimate, f.Plan)
}

// lowerIsBetter reports whether a smaller value is good news: a place in a
// ranking, or an indicator declared so (violations, fines).
func (f *Figure) lowerIsBetter() bool {
	return f.Indicator.Kind == model.Rank || f.Indicator.LowerIsBetter
}

// PlanMet reports whether the plan is met: the value reaches the plan, or for
// an indicator where lower is better, stays within it; ok is false without a
// value or a plan.
func (f *Figure) PlanMet() (met, ok bool) {
	if f.Value == nil || f.Plan == nil {
		return false, false
	}
	return meets(f.Value, f.Plan, f.lowerIsBetter()), true
}

// meets reports whether v reaches plan, or where lower is better stays within it.
func meets(v, plan *big.Rat, lowerIsBetter bool) bool {
	c := Cmp(v, plan)
	if lowerIsBetter {
		return c <= 0
	}
	return c >= 0
}

// YearEstimateMeetsPlan reports whether the whole-year estimate meets the
// plan, as PlanMet does for the value; ok is false without either.
func (f *Figure) YearEstimateMeetsPlan() (met, ok bool) {
	if f.YearEstimate == nil || f.Plan == nil {
		return false, false
	}
	return meets(f.YearEstimate, f.Plan, f.lowerIsBetter()), true
}

// PlanOutcome reports whether the year's plan is met as far as the figures of
// the period settle it. For a year it is PlanMet. A shorter period settles it
// only for an indicator summed over its period, which can only grow through
// the year: one that has reached its plan has met it, and one where lower is
// better that has passed its ceiling has missed it; otherwise ok is false, the
// year is not over.
func (f *Figure) PlanOutcome() (met, ok bool) {
	met, ok = f.PlanMet()
	if !ok || !f.Period().ShorterThanYear() {
		return met, ok
	}
	if f.Indicator.Cumulative && met != f.lowerIsBetter() {
		return met, true
	}
	return false, false
}

// TargetMet reports whether the target is met; ok is false when there is no
// target or no value.
func (f *Figure) TargetMet() (met, ok bool) {
	t := f.Indicator.Target
	if t == nil || f.Value == nil {
		return false, false
	}
	// Compared exactly: rounding 49,96% up to "50,0%" must not meet "> 50".
	c := Cmp(f.Value, Rat(t.Value))
	return t.MetBy(c), true
}

// ValueDecimals is the precision the figure's values (last year's, this
// year's, the plan) and the difference between them are shown at, in the
// prose and the appendix alike: the catalogue's, or more where that rounding
// would seem to meet a target or the plan the exact value misses (or the
// reverse), or would hide or contradict the change (ShownDecimals).
func (f *Figure) ValueDecimals() int {
	return ShownDecimals(f.Indicator, []*big.Rat{f.Previous, f.Value}, f.Plan)
}

// Improved reports whether the change is good news, taking the indicator's
// direction into account; ok is false without a comparison, when unchanged, or
// for a neutral indicator, whose changes are neither.
func (f *Figure) Improved() (improved, ok bool) {
	ch := f.Change()
	if ch == nil || ch.Sign() == 0 || f.Indicator.Neutral {
		return false, false
	}
	return (ch.Sign() > 0) != f.lowerIsBetter(), true
}

// Report is the computed content of one period's report.
type Report struct {
	Catalogue *model.Catalogue
	Current   *model.Figures
	Prev      *model.Figures // nil when the input of the same period last year is absent
	Figures   []*Figure      // in catalogue order
	Findings  model.Findings
}

// Figure returns the figure for code, or nil when the catalogue lacks it.
func (r *Report) Figure(code string) *Figure {
	if i, ok := r.Catalogue.Index(code); ok && i < len(r.Figures) {
		return r.Figures[i]
	}
	return nil
}

// Compute works out every figure of year, comparing with prev when given; a
// period shorter than a year takes the plans its input lacks from the year's
// figures linked as year.WholeYear. Problems found on the way (a formula that
// cannot be evaluated, a same-period value or a plan that disagrees with the
// other input, a whole-year estimate the figures contradict) are returned as
// findings; the figures concerned are marked missing rather than guessed.
func Compute(cat *model.Catalogue, year, prev *model.Figures) *Report {
	r := &Report{Catalogue: cat, Current: year, Prev: prev}
	cur := newEvaluator(cat, year)
	var last *evaluator
	if prev != nil {
		last = newEvaluator(cat, prev)
	}
	compared := year.Period.SamePeriodLastYear()
	shared := &periods{of: year.Period, compared: compared}
	// Why a previous value is missing is worded once: the same for every figure.
	noPrevious := "không có số liệu " + compared.Name()
	if prev != nil {
		noPrevious = "số liệu " + compared.Name() + " không có chỉ tiêu này"
	}
	r.Figures = make([]*Figure, 0, len(cat.Indicators))
	figures := make([]Figure, len(cat.Indicators)) // one allocation, not one a figure
	for i, ind := range cat.Indicators {
		f := &figures[i]
		*f = Figure{Indicator: ind, Entry: year.EntryFrom(ind.Code, &cur.next), periods: shared}
		res := cur.valueOf(ind, f.Entry)
		f.Value, f.Missing, f.ZeroDivisor = res.v, res.missing, res.zeroDivisor
		if ind.Kind == model.Rank {
			f.Ranking = year.Ranking(ind.Code)
			if prev != nil {
				f.PrevRanking = prev.Ranking(ind.Code)
			}
		}
		if f.Entry != nil {
			f.Estimate = f.Entry.Estimate
		}
		r.plan(f)
		r.yearEstimate(f)
		r.previous(f, last, noPrevious)
		r.Figures = append(r.Figures, f)
	}
	return r
}

// previous finds last year's value: from last year's input, else from the
// same-period value stated this year; when both exist and differ, a warning.
// Without either, the figure's PreviousMissing is none.
func (r *Report) previous(f *Figure, last *evaluator, none string) {
	var stated *big.Rat
	if f.Entry != nil && f.Entry.SamePeriod != nil {
		stated = Rat(*f.Entry.SamePeriod)
	}
	var fromFile *big.Rat
	var zeroDivisor string
	if last != nil {
		res := last.valueOf(f.Indicator, last.year.EntryFrom(f.Indicator.Code, &last.next))
		fromFile, zeroDivisor = res.v, res.zeroDivisor
	}
	switch {
	case fromFile != nil:
		f.Previous = fromFile
		if stated != nil && Cmp(stated, fromFile) != 0 {
			r.Findings = append(r.Findings, model.Finding{
				Severity: model.Warning, Code: "same-period-mismatch", Pos: f.Entry.SamePeriodPos(),
				Msg: fmt.Sprintf("chỉ tiêu %s: số cùng kỳ %s khác số liệu %s (%s) trong %s; báo cáo dùng số trong %[4]s",
					f.Indicator.Code, ratString(stated), last.year.Period.Name(), ratString(fromFile), last.year.Source),
			})
		}
	case stated != nil:
		f.Previous = stated
	case zeroDivisor != "":
		// Last year's figures are there, but the formula divides by zero in them.
		f.PreviousZeroDivisor = zeroDivisor
		f.PreviousMissing = fmt.Sprintf("không tính được số liệu %s của chỉ tiêu %s: phép chia cho «%s» bằng 0",
			f.Compared().Name(), f.Indicator.Code, zeroDivisor)
	default:
		f.PreviousMissing = none
	}
}

// plan takes the plan of the period's input, else of the year's; when both
// give one and they differ, a warning.
func (r *Report) plan(f *Figure) {
	var own, ofYear *model.Entry
	if f.Entry != nil && f.Entry.Plan != nil {
		own = f.Entry
	}
	if y := r.Current.WholeYear; y != nil && f.Period().ShorterThanYear() {
		if e := y.Entry(f.Indicator.Code); e != nil && e.Plan != nil {
			ofYear = e
		}
	}
	switch {
	case own != nil:
		f.Plan = Rat(*own.Plan)
		if ofYear != nil && !own.Plan.Equal(*ofYear.Plan) {
			r.Findings = append(r.Findings, model.Finding{
				Severity: model.Warning, Code: "plan-mismatch", Pos: own.PlanPos(),
				Fix: "ghi cùng một kế hoạch năm ở cả hai tệp",
				Msg: fmt.Sprintf("chỉ tiêu %s: kế hoạch %s khác kế hoạch trong %s (%s); báo cáo dùng số trong số liệu %s",
					f.Indicator.Code, own.Plan, r.Current.WholeYear.Source, ofYear.Plan, f.Period().Name()),
			})
		}
	case ofYear != nil:
		f.Plan = Rat(*ofYear.Plan)
	}
}

// yearEstimate takes the whole-year estimate of a shorter period. A year's
// own input has no use for one; an estimate below what an indicator summed
// over the year has already reached contradicts the figures and is refused.
func (r *Report) yearEstimate(f *Figure) {
	e := f.Entry
	if e == nil || e.YearEstimate == nil {
		return
	}
	if !f.Period().ShorterThanYear() {
		r.Findings = append(r.Findings, model.Finding{
			Severity: model.Warning, Code: "year-estimate-unused", Pos: e.YearEstimatePos(), Fix: "bỏ uoc_ca_nam khỏi số liệu năm",
			Msg: fmt.Sprintf("chỉ tiêu %s: ước cả năm (uoc_ca_nam) chỉ dùng cho kỳ ngắn hơn năm; số liệu %s không dùng số này",
				f.Indicator.Code, f.Period().Name()),
		})
		return
	}
	est := Rat(*e.YearEstimate)
	if f.Indicator.Cumulative && f.Value != nil && Cmp(est, f.Value) < 0 {
		r.Findings = append(r.Findings, model.Finding{
			Severity: model.Error, Code: "year-estimate-below", Pos: e.YearEstimatePos(),
			Fix: "sửa số ước cả năm (không nhỏ hơn số thực hiện của kỳ)",
			Msg: fmt.Sprintf("chỉ tiêu %s (lũy kế): ước cả năm %s nhỏ hơn số thực hiện %s (%s)",
				f.Indicator.Code, e.YearEstimate, f.Period().Name(), ratString(f.Value)),
		})
		return
	}
	f.YearEstimate = est
}

// InputPlace is where the value of code is entered, or would be: its cell or
// line, the row the input lists it on without a figure, for a derived
// indicator the place of its first input without a value, else the year's file.
func (r *Report) InputPlace(code string) model.Pos {
	return r.inputPlace(code, map[string]bool{})
}

func (r *Report) inputPlace(code string, seen map[string]bool) model.Pos {
	y := r.Current
	if e := y.Entry(code); e != nil {
		if e.ActualPos() != (model.Pos{}) {
			return e.ActualPos()
		}
		return e.Pos
	}
	if rk := y.Ranking(code); rk != nil {
		return rk.Pos
	}
	if p, ok := y.Blanks[code]; ok {
		return p
	}
	ind, ok := r.Catalogue.Lookup(code)
	if ok && ind.Derived() && !seen[code] {
		seen[code] = true
		if f, err := ParseFormula(ind.Formula); err == nil {
			for _, in := range f.Inputs {
				if fig := r.Figure(in); fig == nil || fig.Value == nil {
					return r.inputPlace(in, seen)
				}
			}
		}
	}
	return model.Pos{File: y.Source}
}

func ratString(r *big.Rat) string {
	if d, ok := Exact(r, 6); ok {
		return d.String()
	}
	return r.FloatString(6)
}

// evaluator computes one year's values, entered or derived, memoising derived ones.
type evaluator struct {
	cat      *model.Catalogue
	year     *model.Figures
	done     map[string]result
	visiting map[string]bool
	next     int // for EntryFrom: inputs list their entries in about catalogue order
}

type result struct {
	v       *big.Rat
	missing string
	// cause is why the first indicator without a value has none, its
	// missing: what a formula reading it through others names, without the
	// chain between, which would cost the square of its length.
	cause string
	// zeroDivisor is, for a formula that could not be evaluated because it
	// divided by zero (its own or an input's), the divisor (ErrDivByZero).
	zeroDivisor string
}

func newEvaluator(cat *model.Catalogue, year *model.Figures) *evaluator {
	return &evaluator{cat: cat, year: year, done: map[string]result{}, visiting: map[string]bool{}}
}

func (e *evaluator) value(code string) result {
	if res, ok := e.done[code]; ok {
		return res
	}
	res := e.compute(code)
	e.done[code] = res
	return res
}

// valueOf is value for an indicator of the catalogue and its entry in the
// year (nil when none), which the caller has looked up already. An entered
// value is read again rather than memoised: a map of every indicator costs
// more than reading it.
func (e *evaluator) valueOf(ind *model.Indicator, entry *model.Entry) result {
	if !ind.Derived() {
		return e.computeOf(ind, entry)
	}
	if res, ok := e.done[ind.Code]; ok {
		return res
	}
	res := e.computeOf(ind, entry)
	e.done[ind.Code] = res
	return res
}

func (e *evaluator) compute(code string) result {
	ind, ok := e.cat.Lookup(code)
	if !ok {
		return missing(e.cat.UnknownCode(code), "")
	}
	return e.computeOf(ind, e.year.Entry(code))
}

func (e *evaluator) computeOf(ind *model.Indicator, entry *model.Entry) result {
	code := ind.Code
	if ind.Kind == model.Rank {
		if rk := e.year.Ranking(code); rk != nil {
			return result{v: big.NewRat(int64(rk.Rank), 1)}
		}
		return missing(fmt.Sprintf("chưa có thứ hạng %s của chỉ tiêu %s", e.year.Period.Name(), code), "")
	}
	if !ind.Derived() {
		if entry != nil && entry.Actual != nil {
			return result{v: Rat(*entry.Actual)}
		}
		return missing(fmt.Sprintf("chưa có số thực hiện %s của chỉ tiêu %s", e.year.Period.Name(), code), "")
	}
	if e.visiting[code] {
		return missing(fmt.Sprintf("công thức của chỉ tiêu %s tự tham chiếu vòng tròn", code), "")
	}
	e.visiting[code] = true
	defer delete(e.visiting, code)
	f, err := ParseFormula(ind.Formula)
	if err != nil {
		return missing(err.Error(), "")
	}
	var zeroDivisor, cause string
	v, err := f.Eval(func(in string) (*big.Rat, error) {
		res := e.value(in)
		if res.v == nil {
			zeroDivisor, cause = res.zeroDivisor, res.cause
			return nil, errInputMissing
		}
		return res.v, nil
	})
	if err == nil {
		return result{v: v}
	}
	if err == errInputMissing {
		return result{missing: fmt.Sprintf("không tính được chỉ tiêu %s: %s", code, cause), cause: cause, zeroDivisor: zeroDivisor}
	}
	var div ErrDivByZero
	if errors.As(err, &div) {
		zeroDivisor = div.Divisor
	}
	return missing(fmt.Sprintf("không tính được chỉ tiêu %s: %v", code, err), zeroDivisor)
}

// errInputMissing stops a formula's evaluation at an input without a value,
// whose result says why.
var errInputMissing = errors.New("input missing")

// missing is the result of an indicator without a value for its own reason,
// the cause named by the formulas reading it.
func missing(why, zeroDivisor string) result {
	return result{missing: why, cause: why, zeroDivisor: zeroDivisor}
}
