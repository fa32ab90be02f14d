package render

import (
	"errors"
	"time"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxtpl"
	"github.com/baocao/baocao/report/model"
	"github.com/shopspring/decimal"
)

// Check checks a template for reports of a kind of period against the
// catalogue without any period's figures (a specimen of that kind stands for
// them) and returns every problem, each located at its paragraph: the mistakes of
// its tags (errors), what filling it would stop on even with every figure there
// (errors), and what it prints without a guard, which stops the report when
// that figure is missing (warnings, code "unguarded"). name is the template's
// file name, for the findings' place.
func Check(name string, docx []byte, cat *model.Catalogue, kind model.PeriodKind) model.Findings {
	r, err := New(docx, cat)
	if err != nil {
		return Findings(name, model.Error, "template-error", err)
	}
	err = r.Verify(specimen(cat, kind, true, true))
	fs := Findings(name, model.Error, "template-value", err)
	if reachedLimit(err) {
		return fs // filling it again would only take as long to stop there again
	}
	seen := map[string]bool{}
	for _, f := range fs {
		seen[f.Msg] = true
	}
	r.checking = true
	// Without any figure; and, for a period shorter than a year, with every
	// figure but no whole-year estimate, which an input gives or not apart
	// from the figures themselves.
	bare := []*compute.Report{specimen(cat, kind, false, false)}
	if kind != model.FullYear && kind != 0 {
		bare = append(bare, specimen(cat, kind, true, false))
	}
	for _, rep := range bare {
		err = r.Verify(rep)
		for _, f := range Findings(name, model.Warning, "unguarded", err) {
			if !seen[f.Msg] {
				seen[f.Msg] = true
				fs = append(fs, f)
			}
		}
	}
	return fs
}

// reachedLimit reports whether err says filling stopped at a limit on its work.
func reachedLimit(err error) bool {
	var list docxtpl.ErrorList
	errors.As(err, &list)
	for _, e := range list {
		if e.Limit {
			return true
		}
	}
	return false
}

// Findings turns the error of a template named template (New's, Render's,
// Verify's) into findings of one severity and code, each at its paragraph.
func Findings(template string, sev model.Severity, code string, err error) model.Findings {
	if err == nil {
		return nil
	}
	var list docxtpl.ErrorList
	if !errors.As(err, &list) {
		return model.Findings{{Severity: sev, Code: code, Pos: model.Pos{File: template}, Msg: err.Error()}}
	}
	fs := make(model.Findings, len(list))
	for i, e := range list {
		fs[i] = model.Finding{Severity: sev, Code: code, Pos: model.Pos{File: template, Paragraph: e.Paragraph}, Msg: e.Error(), Fix: e.Fix}
	}
	return fs
}

// specimen is a report of a period of the kind made up for checking a
// template (a year when kind is 0): every header fact, a narrative item in
// every part and, when full, every indicator with a value, a plan and last
// year's value (a ranking 1/2), and with estimates, for a period shorter than
// a year, a whole-year estimate; without full, no figure at all.
func specimen(cat *model.Catalogue, kind model.PeriodKind, full, estimates bool) *compute.Report {
	const source = "(số liệu mẫu để kiểm tra)"
	period := model.YearPeriod(2000)
	if kind != 0 {
		period.Kind = kind
	}
	if kind == model.Month || kind == model.Quarter {
		period.N = 1
	}
	y := &model.Figures{Period: period, Source: source, Header: model.Header{FieldPos: map[string]model.Pos{}}}
	for _, key := range model.HeaderKeys {
		y.Header.Set(key, "…")
	}
	y.Header.Date = time.Date(2000, 12, 15, 0, 0, 0, 0, time.UTC)
	for _, part := range model.NarrativeParts {
		y.Narrative = append(y.Narrative, model.NarrativeItem{Part: part, Heading: "…", Text: "…"})
	}
	prev := &model.Figures{Period: period.SamePeriodLastYear(), Source: source}
	if full {
		for _, ind := range cat.Indicators {
			switch {
			case ind.Kind == model.Rank:
				y.Rankings = append(y.Rankings, &model.Ranking{Code: ind.Code, Name: ind.Name, Rank: 1, Of: 2})
				prev.Rankings = append(prev.Rankings, &model.Ranking{Code: ind.Code, Name: ind.Name, Rank: 2, Of: 2})
			case !ind.Derived():
				// Rates and quantities alike: within 0–100, never 0, so that
				// every formula divides.
				v, p, last := decimal.NewFromInt(50), decimal.NewFromInt(40), decimal.NewFromInt(45)
				e := &model.Entry{Code: ind.Code, Actual: &v, Plan: &p}
				if estimates && period.ShorterThanYear() {
					whole := decimal.NewFromInt(60)
					e.YearEstimate = &whole
				}
				y.Entries = append(y.Entries, e)
				prev.Entries = append(prev.Entries, &model.Entry{Code: ind.Code, Actual: &last})
			}
		}
	}
	return compute.Compute(cat, y, prev)
}
