package validate

import (
	"fmt"
	"slices"

	"github.com/baocao/baocao/report/model"
)

// cumulative compares the workspace's periods of one year where one includes
// the other (9 months ⊇ 6 months ⊇ quarter I, a year ⊇ everything): a
// cumulative indicator's figure of the longer period is never below that of
// the shorter. Each pair with a period checked in this run is compared once.
//
// Derived indicators are not compared: a sum of cumulative figures can only
// fall where one of its terms falls, which is reported at that term's cell,
// and a ratio of them (a rate) may fall of right.
func (v *validation) cumulative() error {
	if len(v.named) == 0 || !slices.ContainsFunc(v.cat.Indicators, isCumulative) {
		return nil
	}
	all, err := v.ws.Periods()
	if err != nil {
		return err
	}
	done := map[[2]model.Period]bool{}
	for _, p := range v.named {
		for _, q := range all {
			long, short := p, q
			switch {
			case p == q:
				continue
			case q.Includes(p):
				long, short = q, p
			case !p.Includes(q):
				continue
			}
			if done[[2]model.Period{long, short}] {
				continue
			}
			done[[2]model.Period{long, short}] = true
			l, err := v.load(long)
			if err != nil {
				return err
			}
			s, err := v.load(short)
			if err != nil {
				return err
			}
			v.compareCumulative(l.year, s.year)
		}
	}
	return nil
}

// isCumulative tells the indicators the cumulative check compares: entered
// quantities summed over their period.
func isCumulative(ind *model.Indicator) bool {
	return ind.Cumulative && !ind.Derived() && ind.Kind == model.Quantity
}

// compareCumulative reports the cumulative figures of long below those of
// short, at long's cell. A figure marked as an estimate may yet be revised:
// the finding is then a warning.
func (v *validation) compareCumulative(long, short *model.Figures) {
	if long == nil || short == nil {
		return
	}
	for _, ind := range v.cat.Indicators {
		if !isCumulative(ind) {
			continue
		}
		el, es := long.Entry(ind.Code), short.Entry(ind.Code)
		if el == nil || es == nil || el.Actual == nil || es.Actual == nil || el.Actual.Sign() < 0 || es.Actual.Sign() < 0 || el.Actual.Cmp(*es.Actual) >= 0 {
			continue
		}
		if !slices.Contains(v.checked, short.Source) {
			v.checked = append(v.checked, short.Source)
		}
		sev, estimate := model.Error, ""
		if el.Estimate || es.Estimate {
			sev, estimate = model.Warning, " (có số ước, cần kiểm tra lại khi có số chính thức)"
		}
		v.findings = append(v.findings, model.Finding{Severity: sev, Code: "cumulative-decrease", Pos: at(el.ActualPos(), el.Pos),
			Msg: fmt.Sprintf("chỉ tiêu %s: số %s (%s) nhỏ hơn số %s (%s, ở %s)%s; chỉ tiêu cộng dồn trong kỳ (theo_ky: luy_ke): số của một kỳ không thể nhỏ hơn số của kỳ ngắn hơn nằm trong kỳ đó",
				name(ind), long.Period.Name(), show(*el.Actual), short.Period.Name(), show(*es.Actual), at(es.ActualPos(), es.Pos), estimate),
			Fix: fmt.Sprintf("kiểm tra lại số %s và số %s; nếu chỉ tiêu là số tại thời điểm cuối kỳ thì ghi theo_ky: thoi_diem trong danh mục", long.Period.Name(), short.Period.Name())})
	}
}
