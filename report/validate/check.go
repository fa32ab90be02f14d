// Package validate checks a year's figures for the mistakes that make a report
// wrong without making it unreadable: missing or impossible values, parts larger
// than their whole, derived indicators that cannot be computed, and changes from
// last year that deserve a second look. Every problem is a model.Finding with a
// stable code, its place and a Vietnamese message naming the indicator.
package validate

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// DefaultChangeLimit is the change from last year, in percent either way, beyond
// which a value is flagged when neither the indicator nor Options sets a limit.
var DefaultChangeLimit = decimal.NewFromInt(50)

// Options tunes Check. The zero value is ready to use.
type Options struct {
	// DefaultChangeLimit replaces DefaultChangeLimit for indicators without their
	// own limit (Indicator.ChangeLimit); zero keeps DefaultChangeLimit.
	DefaultChangeLimit decimal.Decimal
	// Required lists the codes the template needs: one absent from the input is an error.
	Required []string
	// Reported are the findings the readers already gave for these inputs. Check
	// adds nothing about an entry whose reading failed, so one fault gives one finding.
	Reported model.Findings
	// Report is cur already computed against prev by the caller, who needs it
	// too; nil makes Check compute it.
	Report *compute.Report
}

// Copied-column rule: this many identical values, making up at least this share
// of the comparable ones, look like last year's column pasted into this year's.
const (
	copiedMin     = 5
	copiedPercent = 80
)

// Check runs every content check on cur, comparing with prev (last year, may be
// nil), and returns its findings sorted by place. It includes compute's findings
// (same-period-mismatch) but not opt.Reported: the caller merges those, see Sort.
func Check(cat *model.Catalogue, cur, prev *model.Figures, opt Options) model.Findings {
	if cat == nil || cur == nil {
		return nil
	}
	c := &checker{
		cat: cat, cur: cur, prev: prev, opt: opt,
		rep:      opt.Report,
		reported: map[model.Pos]bool{},
		bad:      map[string]bool{},
		derived:  map[string]state{},
		file:     model.Pos{File: cur.Source},
		// The checks of one file are listed as its reading is: MaxListed, then a count.
		findings: model.Collector{File: cur.Source},
		required: map[string]bool{},
	}
	if c.rep == nil {
		c.rep = compute.Compute(cat, cur, prev)
	}
	for _, code := range opt.Required {
		// A figure the template mentions may be missing: its sentence is left
		// out (see Omitted). Only an indicator the catalogue marks bat_buoc
		// must be there.
		if ind, ok := cat.Lookup(code); ok && ind.Required {
			c.required[code] = true
		}
	}
	c.readReported()
	c.emptyPrevious()
	c.noFigure()
	c.duplicates()
	c.entered()
	c.previousInRange()
	// Parts of entered wholes first: a part too large makes the rates derived from
	// it wrong too, and is the one fault to report.
	c.parts(false)
	for _, ind := range cat.Indicators {
		if ind.Derived() {
			c.derive(ind)
		}
	}
	c.parts(true)
	c.enteredDerived()
	c.changes()
	c.previousUncomputable()
	c.beforeWindowEnd()
	for _, f := range c.rep.Findings {
		c.findings.Add(f)
	}
	return Sort(c.findings.Findings())
}

type state int

const (
	unchecked state = iota
	visiting
	usable
	failed
)

type checker struct {
	cat       *model.Catalogue
	cur, prev *model.Figures
	opt       Options
	rep       *compute.Report
	file      model.Pos

	// reported holds the places where a reader found an error.
	reported map[model.Pos]bool
	// absenceUnsure is set when an indicator may look absent through a fault already
	// reported: a code missing from the catalogue (perhaps a misspelling of it), or a
	// file the reader could not read at all. Absence is then not reported.
	absenceUnsure bool
	// bad marks entered indicators whose value already has a finding (or could not
	// be read): checks that would use that value stay silent.
	bad      map[string]bool
	derived  map[string]state
	required map[string]bool

	entryInds    []*model.Indicator // see indicators
	defaultLimit *big.Rat           // see limitRat

	findings model.Collector
}

func (c *checker) add(sev model.Severity, code string, pos model.Pos, fix, format string, args ...any) {
	c.findings.Addf(sev, code, pos, fix, format, args...)
}

// emptyPrevious warns of a last year's input with no figure at all, such as the
// blank workbook init creates: every comparison would read "no figures".
func (c *checker) emptyPrevious() {
	p := c.prev
	if p == nil || len(p.Entries) > 0 || len(p.Rankings) > 0 {
		return
	}
	for _, f := range c.opt.Reported {
		if f.Pos.File == p.Source && f.Severity == model.Error {
			return // the reader said why it is empty
		}
	}
	// The report then compares with the same-period values this period's
	// input states, where it states them (compute takes them in its stead).
	stated := 0
	for _, e := range c.cur.Entries {
		if e.SamePeriod != nil {
			stated++
		}
	}
	if stated == 0 {
		c.add(model.Warning, "empty-previous", model.Pos{File: p.Source}, "điền số liệu "+p.Period.Name()+", hoặc xóa tệp này nếu không cần so sánh",
			"tệp số liệu %s chưa có số liệu nào: báo cáo sẽ không so sánh được với cùng kỳ năm trước", p.Period.Name())
		return
	}
	c.add(model.Warning, "empty-previous", model.Pos{File: p.Source}, "xóa tệp này, hoặc điền số liệu "+p.Period.Name(),
		"tệp số liệu %s chưa có số liệu nào nên không được dùng: báo cáo so sánh với cùng kỳ năm trước theo số cùng kỳ ghi trong %s (%d chỉ tiêu), các chỉ tiêu khác không so sánh được",
		p.Period.Name(), c.cur.Source, stated)
}

// noFigure warns, once for the file, of a period's input without a single
// figure of the period (a file holding only its header, or only plans): the
// report is made, but every sentence about an indicator is left out of it.
// A reader's error on the file has said why already.
func (c *checker) noFigure() {
	if len(c.cur.Rankings) > 0 || slices.ContainsFunc(c.cur.Entries, func(e *model.Entry) bool { return e.Actual != nil }) {
		return
	}
	if len(c.reported) > 0 {
		return // the reader said why it is empty (readReported)
	}
	c.add(model.Warning, "empty-period", model.Pos{File: c.cur.Source}, "điền số thực hiện "+c.cur.Period.Name()+" của các chỉ tiêu",
		"tệp số liệu %s chưa có số thực hiện nào: báo cáo sẽ bỏ mọi câu nói về các chỉ tiêu", c.cur.Period.Name())
}

func (c *checker) readReported() {
	for _, f := range c.opt.Reported {
		if f.Severity != model.Error || f.Pos.File != c.cur.Source {
			continue
		}
		c.reported[f.Pos] = true
		if f.Pos.Cell != "" {
			c.reported[rowOf(f.Pos)] = true
		}
		if f.Code == "unknown-indicator" {
			c.absenceUnsure = true
		}
	}
	if len(c.reported) > 0 && len(c.cur.Entries) == 0 && len(c.cur.Rankings) == 0 {
		c.absenceUnsure = true
	}
}

// spoilt reports whether a reader found an error at one of the entry's places,
// or anywhere in its row of a workbook (a formula without a value in the
// estimate column leaves the figure unread: "missing" would be the wrong advice).
func (c *checker) spoilt(e *model.Entry) bool {
	if len(c.reported) == 0 { // the usual case: the places need not be made
		return false
	}
	for _, p := range []model.Pos{e.Pos, e.ActualPos(), e.PlanPos(), e.SamePeriodPos(), e.YearEstimatePos()} {
		if p != (model.Pos{}) && c.reported[p] {
			return true
		}
	}
	return e.Pos.Cell != "" && c.reported[rowOf(e.Pos)]
}

// rowOf is the place of a workbook cell's whole row: the cell reduced to its row number.
func rowOf(p model.Pos) model.Pos {
	p.Cell = strings.TrimLeft(p.Cell, "$ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	return p
}

// name shows an indicator as messages do: "DT_BUU_CHINH (Doanh thu bưu chính, chuyển phát)".
func name(ind *model.Indicator) string {
	if ind.Name == "" {
		return ind.Code
	}
	return ind.Code + " (" + ind.Name + ")"
}

func (c *checker) nameOf(code string) string { return nameIn(c.cat, code) }

// nameIn names the indicator of this code in cat, or gives the code.
func nameIn(cat *model.Catalogue, code string) string {
	if ind, ok := cat.Lookup(code); ok {
		return name(ind)
	}
	return code
}

// duplicates reports codes given twice. Both readers refuse a repeat themselves;
// this covers a year put together otherwise, so that no value is silently dropped.
func (c *checker) duplicates() {
	for _, e := range c.cur.Entries {
		// The figures' index keeps the first entry of a code.
		if first := c.cur.Entry(e.Code); first != nil && first != e {
			c.add(model.Error, "duplicate-indicator", e.Pos, "xóa một trong hai dòng",
				"chỉ tiêu %s đã có ở %s; mỗi chỉ tiêu chỉ được ghi một lần", c.nameOf(e.Code), first.Pos)
			c.bad[e.Code] = true
		}
	}
	ranked := map[string]model.Pos{}
	for _, r := range c.cur.Rankings {
		if p, dup := ranked[r.Code]; dup {
			c.add(model.Error, "duplicate-indicator", r.Pos, "xóa một trong hai dòng",
				"thứ hạng %s đã có ở %s; mỗi chỉ tiêu chỉ được ghi một lần", c.nameOf(r.Code), p)
			continue
		}
		ranked[r.Code] = r.Pos
	}
}

// entered checks each value as entered: present, not negative, a rate within 0–100.
func (c *checker) entered() {
	for i, e := range c.cur.Entries {
		ind := c.indicators()[i]
		if ind == nil {
			// Readers report unknown codes and drop the entry; this covers any that do not.
			if !c.reported[e.Pos] {
				c.add(model.Error, "unknown-indicator", e.Pos, "", "%s", c.cat.UnknownCode(e.Code))
			}
			continue
		}
		if c.bad[e.Code] {
			continue
		}
		if c.spoilt(e) {
			c.bad[e.Code] = true
			continue
		}
		if ind.Derived() {
			continue // compared with its computed value once that is known
		}
		if e.Actual == nil {
			pos := e.Pos
			if e.ActualPos().Cell != "" {
				pos = e.ActualPos() // the empty cell itself
			}
			// Without its figure, the indicator's sentences are left out of the
			// report (see Omitted): a warning, unless the catalogue requires it.
			sev, fix := model.Warning, "ghi số thực hiện, hoặc bỏ chỉ tiêu này khỏi tệp nếu chưa có số liệu"
			if pos.Cell != "" {
				// A workbook row stays (its code is locked): emptied, it is not given.
				fix = "ghi số thực hiện vào ô này, hoặc để trống cả dòng nếu chưa có số liệu"
			}
			if ind.Required {
				sev, fix = model.Error, "ghi số thực hiện: danh mục đánh dấu chỉ tiêu này bắt buộc (bat_buoc)"
			}
			c.add(sev, "missing-value", pos, fix, "chỉ tiêu %s: chưa có số thực hiện %s", name(ind), c.cur.Period.Name())
			c.bad[e.Code] = true
		}
		// A figure's place is made only for a finding: a workbook cell's name is
		// put together anew each time.
		for _, v := range []struct {
			what string
			d    *decimal.Decimal
			pos  func(*model.Entry) model.Pos
		}{{"số thực hiện", e.Actual, (*model.Entry).ActualPos}, {"kế hoạch", e.Plan, (*model.Entry).PlanPos},
			{"số cùng kỳ", e.SamePeriod, (*model.Entry).SamePeriodPos}, {"ước cả năm", e.YearEstimate, (*model.Entry).YearEstimatePos}} {
			if v.d == nil {
				continue
			}
			pos := func() model.Pos { return at(v.pos(e), e.Pos) }
			switch {
			case c.outOfRange(ind, v.what, v.d, pos):
			case ind.Kind == model.Rate && v.d.Sign() > 0 && v.d.Cmp(one) < 0 && !v.d.Round(int32(ind.Decimals)).Equal(*v.d):
				// 0,42 for 42%: rounding it to the report's precision would be the wrong advice.
				pct := v.d.Shift(2)
				c.add(model.Warning, "rate-fraction", pos(), fmt.Sprintf("nếu là %s%% thì ghi %s; nếu đúng là %s%% thì tăng thap_phan của chỉ tiêu trong danh mục", show(pct), show(pct), show(*v.d)),
					"chỉ tiêu %s: %s %s trông như tỷ lệ viết dạng phân số (%s = %s%%); tỷ lệ ghi theo phần trăm, từ 0 đến 100",
					name(ind), v.what, show(*v.d), show(*v.d), show(pct))
				continue
			case !v.d.Round(int32(ind.Decimals)).Equal(*v.d):
				c.add(model.Warning, "more-decimals", pos(), fmt.Sprintf("làm tròn thành %s, hoặc tăng thap_phan của chỉ tiêu trong danh mục", show(v.d.Round(int32(ind.Decimals)))),
					"chỉ tiêu %s: %s %s có nhiều chữ số thập phân hơn mức báo cáo trình bày (%d); %s",
					name(ind), v.what, show(*v.d), ind.Decimals, c.shownAs(ind, *v.d, v.d != e.YearEstimate))
				continue
			default:
				continue
			}
			c.bad[e.Code] = true
		}
	}
	c.requiredAbsent()
}

var hundred, one = decimal.NewFromInt(100), decimal.NewFromInt(1)

// shownAs says how the report writes d, entered for ind with more decimals
// than the catalogue's, and why; ofFigure tells that d is one of the values
// shown side by side (this year's, last year's, the plan), at the precision
// compute.ShownDecimals gives them.
func (c *checker) shownAs(ind *model.Indicator, d decimal.Decimal, ofFigure bool) string {
	shown := ind.Decimals
	if f := c.rep.Figure(ind.Code); ofFigure && f != nil {
		shown = f.ValueDecimals()
	}
	rounded := vnformat.Number(d.Round(int32(ind.Decimals)), ind.Decimals)
	switch {
	case shown > ind.Decimals:
		return fmt.Sprintf("báo cáo viết số này là %s, với %d chữ số thập phân như các số khác của chỉ tiêu (năm trước, kế hoạch): viết %s thì tỷ lệ tăng, giảm hay tỷ lệ đạt kế hoạch tính lại từ số viết ra sẽ khác tỷ lệ nêu bên cạnh, hoặc con số sẽ che mất một thay đổi hay trái với nhận định",
			vnformat.Number(d.Round(int32(shown)), shown), shown, rounded)
	case ofFigure:
		return fmt.Sprintf("báo cáo viết số đã làm tròn %s và tính tỷ lệ từ số đã ghi; các tỷ lệ tính lại từ số làm tròn vẫn khớp với tỷ lệ nêu", rounded)
	}
	return fmt.Sprintf("báo cáo viết số đã làm tròn %s nhưng tính tỷ lệ từ số đã ghi", rounded)
}

// outOfRange reports a value no count or rate can have, and says so.
func (c *checker) outOfRange(ind *model.Indicator, what string, d *decimal.Decimal, pos func() model.Pos) bool {
	switch {
	case d.Sign() < 0:
		c.add(model.Error, "negative-value", pos(), fmt.Sprintf("có phải ý là «%s»?", show(d.Neg())),
			"chỉ tiêu %s: %s %s là số âm; số lượng và tỷ lệ không được nhỏ hơn 0", name(ind), what, show(*d))
	case ind.Kind == model.Rate && d.Cmp(hundred) > 0:
		c.add(model.Error, "rate-out-of-range", pos(), "tỷ lệ ghi theo phần trăm, từ 0 đến 100, ví dụ 11,5",
			"chỉ tiêu %s: %s %s%% ngoài khoảng 0–100%%", name(ind), what, show(*d))
	default:
		return false
	}
	return true
}

// previousInRange refuses last year's values no count or rate can have: the
// report compares with them ("giảm 13.000.100%" from a base of -5).
func (c *checker) previousInRange() {
	if c.prev == nil {
		return
	}
	next := 0
	for _, e := range c.prev.Entries {
		if ind, ok := c.cat.LookupFrom(e.Code, &next); ok && ind.Kind != model.Rank && e.Actual != nil &&
			c.outOfRange(ind, "số thực hiện", e.Actual, func() model.Pos { return at(e.ActualPos(), e.Pos) }) {
			c.bad[e.Code] = true
		}
	}
}

// requiredAbsent reports required codes the template needs that the input lacks.
func (c *checker) requiredAbsent() {
	if c.absenceUnsure {
		return
	}
	for _, code := range c.opt.Required {
		ind, ok := c.cat.Lookup(code)
		if !ok || !c.required[code] || ind.Derived() || c.present(ind) {
			continue
		}
		if where, listed := c.cur.Blanks[code]; listed {
			c.add(model.Error, "missing-value", where, "điền số vào ô này", "chỉ tiêu %s chưa có số liệu %s; chỉ tiêu này bắt buộc (bat_buoc)", name(ind), c.cur.Period.Name())
			continue
		}
		c.add(model.Error, "missing-value", c.file, "", "chỉ tiêu %s bắt buộc (bat_buoc) nhưng không có trong số liệu %s", name(ind), c.cur.Period.Name())
	}
}

// present reports whether the input has an entry (or a ranking) for an entered indicator.
func (c *checker) present(ind *model.Indicator) bool {
	if ind.Kind == model.Rank {
		return c.cur.Ranking(ind.Code) != nil
	}
	return c.cur.Entry(ind.Code) != nil
}

// derive checks a derived indicator: its inputs are there and its formula can be
// evaluated to a plausible value. An input already reported makes it fail silently.
func (c *checker) derive(ind *model.Indicator) state {
	switch st := c.derived[ind.Code]; st {
	case usable, failed:
		return st
	case visiting:
		// A cycle: compute reports it as missing, below, on the indicator that closes it.
		return usable
	}
	c.derived[ind.Code] = visiting
	st := c.deriveOnce(ind)
	c.derived[ind.Code] = st
	return st
}

func (c *checker) deriveOnce(ind *model.Indicator) state {
	f, err := compute.ParseFormula(ind.Formula)
	if err != nil {
		return failed // the catalogue reader reports bad formulas
	}
	var absent []string
	entered := 0 // inputs present, entered or derived
	for _, in := range f.Inputs {
		inInd, ok := c.cat.Lookup(in)
		switch {
		case !ok:
			return failed // reported with the catalogue
		case inInd.Derived():
			if c.derive(inInd) == failed {
				return failed
			}
			entered++
		case !c.present(inInd):
			absent = append(absent, in)
		case c.bad[in]:
			return failed
		default:
			entered++
		}
	}
	if len(absent) > 0 {
		// An absent input that is required itself is reported as missing-value, once.
		absent = slices.DeleteFunc(absent, func(in string) bool { return c.required[in] })
		// Unless required, the indicator is simply left out of the report like
		// any figure not yet entered (see Omitted).
		if len(absent) > 0 && !c.absenceUnsure && c.required[ind.Code] {
			names := make([]string, len(absent))
			for i, in := range absent {
				names[i] = c.nameOf(in)
			}
			c.add(model.Error, "formula-error", c.file, "ghi số thực hiện của "+strings.Join(absent, ", "),
				"không tính được chỉ tiêu %s theo công thức «%s»: thiếu số liệu %s của %s",
				name(ind), ind.Formula, c.cur.Period.Name(), strings.Join(names, ", "))
		}
		return failed
	}
	fig := c.rep.Figure(ind.Code)
	if fig.Value == nil {
		c.evalError(ind, f, fig.Missing)
		return failed
	}
	return c.plausible(ind, f, fig.Value)
}

// evalError reports why a formula whose inputs are all there gave no value.
func (c *checker) evalError(ind *model.Indicator, f *compute.Formula, missing string) {
	_, err := f.Eval(func(code string) (*big.Rat, error) {
		if fig := c.rep.Figure(code); fig != nil && fig.Value != nil {
			return fig.Value, nil
		}
		return nil, errors.New(missing)
	})
	var div compute.ErrDivByZero
	if errors.As(err, &div) {
		c.zeroDivisor(ind, f, div.Divisor)
		return
	}
	var tooLarge compute.ErrTooLarge
	if errors.As(err, &tooLarge) {
		c.add(model.Error, "formula-error", c.cat.Pos(ind), "xem lại công thức: số liệu của báo cáo không cần số lớn như vậy",
			"không tính được chỉ tiêu %s: %v", name(ind), err)
		return
	}
	// What remains is a formula that reads itself, a fault of the catalogue.
	c.add(model.Error, "formula-error", c.cat.Pos(ind), "", "chỉ tiêu %s: %s", name(ind), missing)
}

// zeroDivisor tells of a derived indicator whose formula divides by zero in
// the period's figures: a month without dossiers has no rate of them. The
// value is missing, as a figure not entered is: its sentences are left out of
// the report (see Omitted, which says so in its place when the template uses
// it), and it is an error only where a missing input would be one, for an
// indicator marked bat_buoc that the template uses.
func (c *checker) zeroDivisor(ind *model.Indicator, f *compute.Formula, div string) {
	pos, divisor, inputs := c.inputsPlace(f), div, strings.Join(f.Inputs, ", ")
	if _, ok := c.cat.Lookup(div); ok {
		pos, divisor, inputs = c.placeOf(div), c.nameOf(div), div
	}
	what := fmt.Sprintf("không tính được chỉ tiêu %s %s theo công thức «%s»: phép chia cho %s bằng 0",
		name(ind), c.cur.Period.Name(), ind.Formula, divisor)
	if c.required[ind.Code] {
		c.add(model.Error, "zero-divisor", pos,
			fmt.Sprintf("kiểm tra lại số liệu của %s: chỉ tiêu %s bắt buộc (bat_buoc) mà chỉ tính được khi số này khác 0", inputs, ind.Code), "%s", what)
		return
	}
	c.add(model.Warning, "zero-divisor", pos, zeroDivisorFix("số liệu của "+inputs), "%s; báo cáo bỏ các câu nói về chỉ tiêu này", what)
}

// zeroDivisorFix is the advice on a formula dividing by zero in the figures
// named: a zero may be true, and then nothing is to be done.
func zeroDivisorFix(figures string) string {
	return "kiểm tra lại " + figures + "; nếu đúng bằng 0 thì không cần sửa"
}

// plausible checks a derived value: a rate within 0–100, a quantity not negative.
// The fault lies in the inputs, so the finding is placed at the first of them.
func (c *checker) plausible(ind *model.Indicator, f *compute.Formula, v *big.Rat) state {
	var code, what, unit string
	switch {
	case ind.Kind == model.Rate && (v.Sign() < 0 || v.Cmp(big.NewRat(100, 1)) > 0):
		code, what, unit = "rate-out-of-range", "ngoài khoảng 0–100%", "%"
	case ind.Kind == model.Quantity && v.Sign() < 0:
		code, what = "negative-value", "là số âm"
	default:
		return usable
	}
	inputs := make([]string, len(f.Inputs))
	for i, in := range f.Inputs {
		inputs[i] = in + " = " + showRat(c.rep.Figure(in).Value)
		// One of them is wrong; a change warning about it would repeat this finding.
		c.bad[in] = true
	}
	c.add(model.Error, code, c.inputsPlace(f), "kiểm tra lại số liệu của "+strings.Join(f.Inputs, ", "),
		"chỉ tiêu %s tính theo công thức «%s» bằng %s%s, %s; kiểm tra %s",
		name(ind), ind.Formula, showRat(v), unit, what, strings.Join(inputs, "; "))
	return failed
}

// enteredDerived warns about a value entered for an indicator the program
// computes: the report uses the computed one, so a different entry is ignored.
func (c *checker) enteredDerived() {
	for i, e := range c.cur.Entries {
		ind := c.indicators()[i]
		if ind == nil || !ind.Derived() || e.Actual == nil || c.bad[e.Code] || c.spoilt(e) {
			continue
		}
		pos, fix := at(e.ActualPos(), e.Pos), "bỏ số này: chương trình tự tính"
		v := c.rep.Figure(ind.Code).Value
		if v == nil {
			c.add(model.Warning, "derived-entered", pos, fix, "chỉ tiêu %s được tính theo công thức «%s»; số ghi %s không được dùng",
				name(ind), ind.Formula, show(*e.Actual))
			continue
		}
		// Agreement to the precision entered: 94,3 for 94,26… is no discrepancy.
		if computed := compute.Round(v, max(0, -int(e.Actual.Exponent()))); !computed.Equal(*e.Actual) {
			c.add(model.Warning, "derived-entered", pos, fix, "chỉ tiêu %s được tính theo công thức «%s», bằng %s; số ghi %s không được dùng",
				name(ind), ind.Formula, vnformat.Number(compute.Round(v, ind.Decimals), ind.Decimals), show(*e.Actual))
		}
	}
}

// inputsPlace is where a derived value's inputs are entered: the first of them.
func (c *checker) inputsPlace(f *compute.Formula) model.Pos {
	for _, in := range f.Inputs {
		if p := c.placeOf(in); p != c.file {
			return p
		}
	}
	return c.file
}

// placeOf is where an indicator's value is entered, or where its inputs are.
func (c *checker) placeOf(code string) model.Pos {
	if e := c.cur.Entry(code); e != nil {
		return at(e.ActualPos(), e.Pos)
	}
	if r := c.cur.Ranking(code); r != nil {
		return r.Pos
	}
	if ind, ok := c.cat.Lookup(code); ok && ind.Derived() {
		if f, err := compute.ParseFormula(ind.Formula); err == nil {
			return c.inputsPlace(f)
		}
	}
	return c.file
}

// ok reports whether an indicator's value is there and free of findings.
func (c *checker) ok(ind *model.Indicator) bool {
	if ind.Derived() {
		if c.derived[ind.Code] != usable {
			return false
		}
	} else if c.bad[ind.Code] {
		return false
	}
	fig := c.rep.Figure(ind.Code)
	return fig != nil && fig.Value != nil
}

// parts reports a part larger than the whole it belongs to (Indicator.PartOf):
// pairs of entered indicators, or pairs with a derived one once those are checked.
func (c *checker) parts(derived bool) {
	for _, ind := range c.cat.Indicators {
		if ind.PartOf == "" {
			continue
		}
		whole, ok := c.cat.Lookup(ind.PartOf)
		if !ok || ind.Kind == model.Rank || (ind.Derived() || whole.Derived()) != derived || !c.ok(ind) || !c.ok(whole) {
			continue
		}
		part, all := c.rep.Figure(ind.Code).Value, c.rep.Figure(whole.Code).Value
		if compute.Cmp(part, all) > 0 {
			c.add(model.Error, "part-exceeds-whole", c.placeOf(ind.Code), "",
				"chỉ tiêu %s là một phần của chỉ tiêu %s nhưng lớn hơn: %s > %s",
				name(ind), name(whole), showRat(part), showRat(all))
			c.bad[ind.Code] = true
		}
	}
}

// changes compares each entered value with last year's: a plan that disappeared,
// a change beyond the indicator's limit, a value identical to last year's.
func (c *checker) changes() {
	var same []*compute.Figure
	comparable := 0
	for _, fig := range c.rep.Figures { // in catalogue order, each with its entry in cur
		ind, e := fig.Indicator, fig.Entry
		if ind.Derived() || ind.Kind == model.Rank || e == nil || c.bad[ind.Code] {
			continue
		}
		c.planMissing(fig)
		if fig.Value == nil || fig.Previous == nil || fig.Previous.Sign() == 0 {
			continue
		}
		comparable++
		if compute.Cmp(fig.Value, fig.Previous) == 0 {
			same = append(same, fig)
			continue
		}
		c.implausible(ind, e, fig)
	}
	if len(same) >= copiedMin && len(same)*100 >= copiedPercent*comparable {
		c.add(model.Warning, "prev-year-copied", c.file, "kiểm tra cột số thực hiện "+c.cur.Period.Name(),
			"%d trên %d chỉ tiêu có số thực hiện %s trùng đúng số %s (%s…): có thể đã chép nhầm số cùng kỳ năm trước vào cột thực hiện",
			len(same), comparable, c.cur.Period.Name(), c.cur.Period.SamePeriodLastYear().Name(), codesOf(same[:3]))
		return
	}
	for _, fig := range same {
		ind, e := fig.Indicator, fig.Entry
		if ind.Kind != model.Quantity {
			continue // a rate may well stay the same, e.g. 100%
		}
		c.add(model.Warning, "same-as-last-year", at(e.ActualPos(), e.Pos), "kiểm tra có chép nhầm số cùng kỳ năm trước không",
			"chỉ tiêu %s: số thực hiện %s (%s) trùng đúng số %s", name(ind), c.cur.Period.Name(), showRat(fig.Value), c.cur.Period.SamePeriodLastYear().Name())
	}
}

func codesOf(figs []*compute.Figure) string {
	codes := make([]string, len(figs))
	for i, fig := range figs {
		codes[i] = fig.Indicator.Code
	}
	return strings.Join(codes, ", ")
}

// planMissing warns when last year's input had a plan for the indicator and this
// year's has none: the report would silently drop the plan comparison.
func (c *checker) planMissing(fig *compute.Figure) {
	ind, e := fig.Indicator, fig.Entry
	if c.prev == nil || e.Plan != nil || fig.Plan != nil { // a shorter period's plan may be the year's file's
		return
	}
	last := c.prev.Entry(ind.Code)
	if last == nil || last.Plan == nil {
		return
	}
	pos, where := e.Pos, "ke_hoach"
	if e.PlanPos().Cell != "" {
		pos, where = e.PlanPos(), "cột Kế hoạch" // the empty cell itself
	}
	c.add(model.Warning, "plan-missing", pos, fmt.Sprintf("ghi kế hoạch %s vào %s", c.cur.Period.TheYear().Name(), where),
		"chỉ tiêu %s: số liệu %s có kế hoạch (%s) nhưng số liệu %s chưa có; báo cáo sẽ không nêu tỷ lệ đạt kế hoạch",
		name(ind), c.prev.Period.Name(), show(*last.Plan), c.cur.Period.Name())
}

// limitRat is limit exactly, the default's worked out once.
func (c *checker) limitRat(ind *model.Indicator) *big.Rat {
	if ind.ChangeLimit != nil {
		return compute.Rat(*ind.ChangeLimit)
	}
	if c.defaultLimit == nil {
		c.defaultLimit = compute.Rat(c.limit(ind))
	}
	return c.defaultLimit
}

// indicators gives each entry of cur its indicator (nil for a code the
// catalogue lacks), looked up once for the checks that go through them.
func (c *checker) indicators() []*model.Indicator {
	if c.entryInds == nil {
		c.entryInds = make([]*model.Indicator, len(c.cur.Entries))
		next := 0
		for i, e := range c.cur.Entries {
			c.entryInds[i], _ = c.cat.LookupFrom(e.Code, &next)
		}
	}
	return c.entryInds
}

// limit is the change, in percent, beyond which an indicator's value is flagged.
func (c *checker) limit(ind *model.Indicator) decimal.Decimal {
	switch {
	case ind.ChangeLimit != nil:
		return *ind.ChangeLimit
	case !c.opt.DefaultChangeLimit.IsZero():
		return c.opt.DefaultChangeLimit
	}
	return DefaultChangeLimit
}

// implausible warns about a change from last year beyond the limit, suggesting
// the value a thousandfold slip (a unit, or "." read as thousands) would give
// when that value would be an ordinary change (within the limit and ±50%).
func (c *checker) implausible(ind *model.Indicator, e *model.Entry, fig *compute.Figure) {
	limit := c.limitRat(ind)
	growth := fig.Growth()
	if compute.Cmp(growth.Abs(growth), limit) <= 0 || e.Actual == nil {
		return
	}
	ordinary := limit
	if fifty := compute.Rat(DefaultChangeLimit); compute.Cmp(fifty, limit) < 0 {
		ordinary = fifty
	}
	fix := ""
	thousand := decimal.NewFromInt(1000)
	for _, guess := range []decimal.Decimal{e.Actual.Div(thousand), e.Actual.Mul(thousand)} {
		ch := compute.Growth(fig.Previous, compute.Rat(guess))
		if compute.Cmp(ch.Abs(ch), ordinary) <= 0 {
			fix = fmt.Sprintf("có phải ý là «%s»?", show(guess))
			break
		}
	}
	change := vnformat.Change(compute.Round(fig.Growth(), 1), 1)
	if ind.Kind.Measure() == vnformat.Points { // a rate changes in points; the limit is still relative
		points, _ := vnformat.IndicatorDelta(vnformat.Points, fig.Change(), ind.Decimals, ind.Unit)
		change = points + ", tức " + change + " so với số cùng kỳ"
	}
	c.add(model.Warning, "implausible-change", at(e.ActualPos(), e.Pos), fix,
		"chỉ tiêu %s: %s so với %s của %s, %s, vượt ngưỡng ±%s%%; kiểm tra lại số liệu",
		name(ind), showRat(fig.Value), showRat(fig.Previous), c.cur.Period.SamePeriodLastYear().Name(), change, show(c.limit(ind)))
}

// previousUncomputable warns of a derived indicator whose value last year
// cannot be computed, its formula dividing by zero in last year's figures:
// the report has this year's value but cannot compare it (and says why, see
// compute.Figure.PreviousZeroDivisor). The finding is at the divisor's place
// in last year's input; that input's own check tells of it for its own
// report, as zero-divisor (see Sort for the one kept).
func (c *checker) previousUncomputable() {
	if c.prev == nil {
		return
	}
	for _, fig := range c.rep.Figures {
		div := fig.PreviousZeroDivisor
		if div == "" || fig.Value == nil {
			continue
		}
		pos, divisor, fix := model.Pos{File: c.prev.Source}, div, "kiểm tra lại số liệu "+c.prev.Period.Name()+" của "+strings.Join(formulaInputs(fig.Indicator), ", ")
		if e := c.prev.Entry(div); e != nil {
			pos = at(e.ActualPos(), e.Pos)
		}
		if _, ok := c.cat.Lookup(div); ok {
			divisor = c.nameOf(div)
			fix = zeroDivisorFix(fmt.Sprintf("số liệu %s của %s", c.prev.Period.Name(), div))
		}
		c.add(model.Warning, "previous-formula-error", pos, fix,
			"không tính được chỉ tiêu %s %s theo công thức «%s»: phép chia cho %s bằng 0; báo cáo %s không so sánh chỉ tiêu này với %[2]s",
			name(fig.Indicator), c.prev.Period.Name(), fig.Indicator.Formula, divisor, c.cur.Period.Name())
	}
}

// formulaInputs lists the inputs of a derived indicator's formula.
func formulaInputs(ind *model.Indicator) []string {
	f, err := compute.ParseFormula(ind.Formula)
	if err != nil {
		return nil
	}
	return f.Inputs
}

// windowListed is how many codes a beforeWindowEnd warning names.
const windowListed = 5

// beforeWindowEnd warns, once for the file, when the report is dated before
// its period's data window closes (Decree 09: the 14th of the last month) and
// no figure is marked as an estimate: the figures cannot all be final yet. A
// file marking some figures has chosen which are estimates (a count known on
// the day need not read "ước đạt"): a warning on the others could only be
// silenced by misstating them.
func (c *checker) beforeWindowEnd() {
	date := c.cur.Header.Date
	if date.IsZero() || c.cur.Period.Kind == 0 {
		return
	}
	_, end := c.cur.Period.Window(c.cat.Window)
	if !date.Before(end) {
		return
	}
	var codes []string // the first windowListed of them
	n := 0
	for i, e := range c.cur.Entries {
		if e.Estimate {
			return
		}
		ind := c.indicators()[i]
		if ind != nil && !ind.Derived() && e.Actual != nil && !c.bad[e.Code] {
			if n++; n <= windowListed {
				codes = append(codes, e.Code)
			}
		}
	}
	if n == 0 {
		return
	}
	listed := strings.Join(codes, ", ")
	if n > windowListed {
		listed += "…"
	}
	pos := c.file
	if p, ok := c.cur.Header.FieldPos["ngay"]; ok {
		pos = p
	}
	c.add(model.Warning, "before-window-end", pos,
		"đánh dấu các số ước tính đến hết kỳ: uoc: true trong tệp YAML, «có» ở cột «Ước tính» của bảng tính; hoặc thay bằng số chính thức khi đã hết ngày "+vnformat.NumericDate(end),
		"báo cáo đề ngày %s, trước khi hết thời gian chốt số liệu %s (ngày %s), nhưng không số thực hiện nào ghi là số ước (%d số: %s)",
		vnformat.NumericDate(date), c.cur.Period.Name(), vnformat.NumericDate(end), n, listed)
}

// at returns p, or fallback when p was not recorded.
func at(p, fallback model.Pos) model.Pos {
	if p == (model.Pos{}) {
		return fallback
	}
	return p
}

// show writes an entered number Vietnamese style, without trailing zeros: 1.150; 11,5.
func show(d decimal.Decimal) string {
	return vnformat.NumberTrim(d, max(0, -int(d.Exponent())))
}

// showRat writes a computed number: exactly when it has few decimals, else at two.
func showRat(r *big.Rat) string {
	if d, ok := compute.Exact(r, 4); ok {
		return vnformat.NumberTrim(d, 4)
	}
	return vnformat.Number(compute.Round(r, 2), 2)
}

// Omitted words the indicators a template left out for want of a value (the
// sentences a co_so_lieu guard skipped) as findings at the place the value
// belongs: warnings, or errors for an indicator marked bat_buoc and, under
// strict, for all.
func Omitted(rep *compute.Report, codes []string, strict bool) model.Findings {
	var fs model.Findings
	for _, code := range codes {
		fig := rep.Figure(code)
		if fig == nil {
			continue
		}
		sev, fix := model.Warning, "điền số liệu để báo cáo nêu chỉ tiêu này"
		switch {
		case fig.Indicator.Required:
			sev, fix = model.Error, "điền số liệu: danh mục đánh dấu chỉ tiêu này bắt buộc (bat_buoc)"
		case strict:
			sev = model.Error
		case fig.ZeroDivisor != "":
			continue // Check's zero-divisor warning says it, with why, and where
		}
		why, pos := "chưa có số liệu "+rep.Current.Period.Name(), rep.InputPlace(code)
		switch {
		case fig.ZeroDivisor != "":
			// A figure that cannot be computed (an error here: required, or
			// strict), at the divisor whose 0 is the reason.
			why = fmt.Sprintf("không tính được số liệu %s: phép chia cho %s bằng 0", rep.Current.Period.Name(), nameIn(rep.Catalogue, fig.ZeroDivisor))
			fix = fmt.Sprintf("kiểm tra lại số liệu của %s: chỉ tiêu %s chỉ tính được khi số này khác 0", fig.ZeroDivisor, code)
			if _, ok := rep.Catalogue.Lookup(fig.ZeroDivisor); ok {
				pos = rep.InputPlace(fig.ZeroDivisor)
			}
		case fig.Indicator.Derived():
			why += " (" + fig.Missing + ")" // which input is missing
		}
		fs = append(fs, model.Finding{Severity: sev, Code: "omitted", Pos: pos, Fix: fix,
			Msg: fmt.Sprintf("chỉ tiêu %s %s: câu nói về chỉ tiêu này được bỏ khỏi báo cáo", name(fig.Indicator), why)})
	}
	return fs
}
