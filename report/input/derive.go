package input

import (
	"fmt"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// Derive completes a period's figures with what the workspace's other periods
// of its year give exactly, for the entered quantities its input gives no
// figure for: a cumulative one (theo_ky: luy_ke) of a period that is a period
// from the year's start less another (quý II = 6 tháng − quý I; quý IV = năm −
// 9 tháng) or the sum of two periods that meet (6 tháng = quý I + quý II); a
// level (theo_ky: thoi_diem, said in so many words: a catalogue silent on it
// may be older than theo_ky) from a period that ends with the same month
// (6 tháng = quý II = tháng 6). Each figure derived is a warning saying how,
// at the place its value belongs. The other periods are read as they are,
// without derivation of their own.
func (w *Workspace) Derive(fig *model.Figures, cat *model.Catalogue) (model.Findings, error) {
	if fig == nil || fig.Period.Kind == 0 {
		return nil, nil
	}
	var missing []*model.Indicator
	next := 0
	for _, ind := range cat.Indicators {
		if !ind.Derived() && ind.Kind == model.Quantity && fig.EntryFrom(ind.Code, &next) == nil {
			missing = append(missing, ind)
		}
	}
	if len(missing) == 0 {
		return nil, nil
	}
	periods, err := w.Periods()
	if err != nil {
		return nil, err
	}
	var others []*model.Figures
	for _, q := range periods {
		if q.Year != fig.Period.Year || q == fig.Period {
			continue
		}
		y, _, err := w.asEntered(q, cat)
		if err != nil {
			return nil, err
		}
		if y != nil {
			others = append(others, y)
		}
	}
	var fs model.Findings
	for _, ind := range missing {
		d, ok := deriveFigure(fig.Period, ind, others)
		if !ok {
			continue
		}
		pos, listed := fig.Blanks[ind.Code]
		if !listed {
			pos = model.Pos{File: fig.Source}
		}
		e := &model.Entry{Code: ind.Code, Actual: &d.value, Estimate: d.estimate, Pos: pos}
		e.SetActualPos(pos)
		fig.AddEntry(e)
		fs = append(fs, model.Finding{Severity: model.Warning, Code: "derived-from-periods", Pos: pos,
			Fix: "ghi số " + fig.Period.Name() + " nếu có số riêng",
			Msg: fmt.Sprintf("chỉ tiêu %s (%s): chưa có số %s; lấy %s", ind.Code, ind.Name, fig.Period.Name(), d.how)})
	}
	return fs, nil
}

// derivation is a figure worked out from other periods, and how.
type derivation struct {
	value    decimal.Decimal
	estimate bool
	how      string
}

// deriveFigure works out an indicator's figure of p from the figures of
// other periods of its year, when they give it exactly.
func deriveFigure(p model.Period, ind *model.Indicator, others []*model.Figures) (derivation, bool) {
	first, last := p.Months()
	actual := func(y *model.Figures) *model.Entry {
		if e := y.Entry(ind.Code); e != nil && e.Actual != nil && e.Actual.Sign() >= 0 {
			return e
		}
		return nil
	}
	shown := func(y *model.Figures, e *model.Entry) string {
		return fmt.Sprintf("số %s (%s)", y.Period.Name(), number(*e.Actual))
	}
	for _, a := range others {
		ea := actual(a)
		if ea == nil {
			continue
		}
		af, al := a.Period.Months()
		if ind.Level && al == last {
			return derivation{*ea.Actual, ea.Estimate, "bằng " + shown(a, ea) + ", cùng thời điểm cuối kỳ"}, true
		}
		if !ind.Cumulative {
			continue
		}
		for _, b := range others {
			eb := actual(b)
			if eb == nil {
				continue
			}
			bf, bl := b.Period.Months()
			est := ea.Estimate || eb.Estimate
			switch {
			case first > 1 && a.Period.FromYearStart() && al == last && b.Period.FromYearStart() && bl == first-1 && ea.Actual.Cmp(*eb.Actual) >= 0:
				v := ea.Actual.Sub(*eb.Actual)
				return derivation{v, est, fmt.Sprintf("bằng %s trừ %s, tức %s", shown(a, ea), shown(b, eb), number(v))}, true
			case af == first && bf == al+1 && bl == last:
				v := ea.Actual.Add(*eb.Actual)
				return derivation{v, est, fmt.Sprintf("bằng %s cộng %s, tức %s", shown(a, ea), shown(b, eb), number(v))}, true
			}
		}
	}
	return derivation{}, false
}

// number writes an entered figure Vietnamese style, without trailing zeros: 1.150; 11,5.
func number(d decimal.Decimal) string {
	return vnformat.NumberTrim(d, max(0, -int(d.Exponent())))
}
