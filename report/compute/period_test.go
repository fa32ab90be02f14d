package compute_test

import (
	"strings"
	"testing"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/model"
	"github.com/shopspring/decimal"
)

// periodCatalogue has a sum over the period (cumulative), a level, and a
// cumulative count where lower is better.
func periodCatalogue() *model.Catalogue {
	return model.NewCatalogue("chi-tieu.yaml", nil, []*model.Indicator{
		{Code: "DT", Name: "Doanh thu", Unit: "tỷ đồng", Kind: model.Quantity, Cumulative: true},
		{Code: "TB", Name: "Thuê bao", Unit: "thuê bao", Kind: model.Quantity},
		{Code: "VP", Name: "Vi phạm", Unit: "vụ", Kind: model.Quantity, Cumulative: true, LowerIsBetter: true},
	})
}

// figures of period p: code → {actual, plan, whole-year estimate}, "" for none.
func figures(p model.Period, rows map[string][3]string) *model.Figures {
	y := &model.Figures{Period: p, Source: p.Code() + ".yaml"}
	for code, r := range rows {
		e := &model.Entry{Code: code}
		e.SetPlanPos(model.Pos{File: y.Source, Line: 7})
		e.SetYearEstimatePos(model.Pos{File: y.Source, Line: 9})
		for i, field := range []**decimal.Decimal{&e.Actual, &e.Plan, &e.YearEstimate} {
			if r[i] != "" {
				*field = dec(r[i])
			}
		}
		y.Entries = append(y.Entries, e)
	}
	return y
}

func TestShorterPeriodTakesTheYearsPlan(t *testing.T) {
	cat := periodCatalogue()
	h1 := model.Period{Kind: model.SixMonths, Year: 2022}
	cur := figures(h1, map[string][3]string{"DT": {"59", "", "125"}, "TB": {"107500", "110000", ""}, "VP": {"9", "", "12"}})
	cur.WholeYear = figures(h1.TheYear(), map[string][3]string{"DT": {"", "120", ""}, "TB": {"", "112000", ""}, "VP": {"", "8", ""}})
	r := compute.Compute(cat, cur, nil)

	dt := r.Figure("DT")
	if rounded(dt.Plan, 0) != "120" || rounded(dt.Attainment(), 2) != "49.17" {
		t.Errorf("DT plan %s, attainment %s: the year's plan 120, 59/120", rounded(dt.Plan, 0), rounded(dt.Attainment(), 2))
	}
	if rounded(dt.YearEstimate, 0) != "125" || rounded(dt.YearEstimateAttainment(), 2) != "104.17" {
		t.Errorf("DT estimate %s, its attainment %s", rounded(dt.YearEstimate, 0), rounded(dt.YearEstimateAttainment(), 2))
	}
	if met, ok := dt.YearEstimateMeetsPlan(); !ok || !met {
		t.Errorf("DT's estimate 125 meets the plan 120: %v %v", met, ok)
	}
	// The period's own plan comes first; a different one in the year's file is worth a warning.
	tb := r.Figure("TB")
	if rounded(tb.Plan, 0) != "110000" {
		t.Errorf("TB plan %s, want the period's own 110000", rounded(tb.Plan, 0))
	}
	var mismatch *model.Finding
	for i, f := range r.Findings {
		if f.Code == "plan-mismatch" {
			mismatch = &r.Findings[i]
		}
	}
	if mismatch == nil || mismatch.Severity != model.Warning || mismatch.Pos.File != "2022-6T.yaml" ||
		!strings.Contains(mismatch.Msg, "2022.yaml") || !strings.Contains(mismatch.Msg, "112000") {
		t.Errorf("plan mismatch: %+v in %v", mismatch, r.Findings)
	}
	// Before the year's end, a plan is judged only where the figures settle it.
	if _, ok := dt.PlanOutcome(); ok {
		t.Error("DT 59 of 120 after six months: the year's plan is not settled yet")
	}
	if _, ok := tb.PlanOutcome(); ok {
		t.Error("a level may still reach its plan")
	}
	if met, ok := r.Figure("VP").PlanOutcome(); !ok || met {
		t.Error("VP 9 after six months, ceiling 8 for the year: missed already")
	}
	if met, ok := r.Figure("VP").YearEstimateMeetsPlan(); !ok || met {
		t.Error("VP's estimate 12 passes the ceiling 8")
	}
}

func TestPlanOutcomeSettled(t *testing.T) {
	cat := periodCatalogue()
	q3 := model.Period{Kind: model.NineMonths, Year: 2022}
	cur := figures(q3, map[string][3]string{"DT": {"121", "120", ""}, "VP": {"3", "8", ""}})
	r := compute.Compute(cat, cur, nil)
	if met, ok := r.Figure("DT").PlanOutcome(); !ok || !met {
		t.Error("DT 121 after nine months reached the year's plan 120 for good")
	}
	if _, ok := r.Figure("VP").PlanOutcome(); ok {
		t.Error("VP 3 within its ceiling 8 may still pass it")
	}
	year := figures(q3.TheYear(), map[string][3]string{"DT": {"110", "120", ""}, "VP": {"3", "8", ""}})
	r = compute.Compute(cat, year, nil)
	if met, ok := r.Figure("DT").PlanOutcome(); !ok || met {
		t.Error("a year's outcome is its figures'")
	}
	if met, ok := r.Figure("VP").PlanOutcome(); !ok || !met {
		t.Error("a year's outcome is its figures'")
	}
}

// A whole-year estimate below what a sum over the year has already reached
// is refused; a year's own file has no use for one.
func TestYearEstimateContradicted(t *testing.T) {
	cat := periodCatalogue()
	h1 := model.Period{Kind: model.SixMonths, Year: 2022}
	r := compute.Compute(cat, figures(h1, map[string][3]string{"DT": {"59", "", "58"}, "TB": {"107500", "", "100000"}}), nil)
	if r.Figure("DT").YearEstimate != nil {
		t.Error("DT's estimate 58 below the six months' 59 is stated")
	}
	if r.Figure("TB").YearEstimate == nil {
		t.Error("a level may end the year lower than at six months")
	}
	if len(r.Findings) != 1 || r.Findings[0].Severity != model.Error || r.Findings[0].Code != "year-estimate-below" ||
		r.Findings[0].Pos.Line != 9 || !strings.Contains(r.Findings[0].Msg, "6 tháng đầu năm 2022") {
		t.Errorf("findings %v", r.Findings)
	}

	r = compute.Compute(cat, figures(h1.TheYear(), map[string][3]string{"DT": {"121", "120", "125"}}), nil)
	if r.Figure("DT").YearEstimate != nil || len(r.Findings) != 1 || r.Findings[0].Code != "year-estimate-unused" {
		t.Errorf("a year's estimate: %v %v", r.Figure("DT").YearEstimate, r.Findings)
	}
}
