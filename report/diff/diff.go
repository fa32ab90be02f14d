// Package diff compares the figures of two or more periods of one kind (years,
// the same six months of two years, a series of quarters…), indicator by
// indicator, with the report's own exact arithmetic (values are computed by
// package compute, so derived indicators come out exactly as in the report) and
// its wording of changes ("tăng 8,3%", "giảm 28%", "tương đương"). It renders
// the comparison as a terminal table, CSV, JSON, Markdown or an Excel workbook.
package diff

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
)

// PercentDecimals is the precision of percentages, the same as the report's
// wording; a rate's change in points is worded at the row's Decimals.
const PercentDecimals = vnformat.PercentDecimals

// DefaultThreshold is the relative change, in percent, beyond which a change is
// marked for a second look when neither the options nor the catalogue
// (nguong_bien_dong) set one; it is the catalogue's documented default.
var DefaultThreshold = big.NewRat(50, 1)

// Status says how an indicator changed between two consecutive columns. The
// values are stable: they appear in the JSON output.
type Status string

const (
	Up          Status = "up"           // the words say a rise (for a ranking: a better place)
	Down        Status = "down"         // the words say a fall (for a ranking: a worse place)
	Same        Status = "same"         // equal, or a change the words round to "tương đương"
	Added       Status = "added"        // a value only in the later column
	Removed     Status = "removed"      // a value only in the earlier column
	NoBase      Status = "no-base"      // the earlier value is 0: no relative change exists
	UnitChanged Status = "unit-changed" // the unit differs between the years' catalogues: not compared
	Absent      Status = "absent"       // no value in either column (only inside a series)
	// Uncomputable: a column's value cannot be computed, its formula failing on
	// inputs that all have values (it divides by 0): not missing, not new.
	Uncomputable Status = "uncomputable"
)

// Text is the status in Vietnamese, as a column of the sheet outputs shows it;
// previous names the earlier column of a change ("năm trước", "kỳ trước", see
// Table.Previous).
func (s Status) Text(previous string) string {
	switch s {
	case Up:
		return "tăng"
	case Down:
		return "giảm"
	case Same:
		return vnformat.Same
	case Added:
		return "mới"
	case Removed:
		return "bỏ"
	case NoBase:
		return previous + " bằng 0"
	case UnitChanged:
		return "đổi đơn vị"
	case Uncomputable:
		return "không tính được"
	}
	return "không có số liệu"
}

// Changed reports whether the status is a difference.
func (s Status) Changed() bool { return s != Same && s != Absent }

// Options narrow and tune a comparison.
type Options struct {
	// Group keeps only the indicators of this catalogue group; "" keeps all.
	Group string
	// OnlyChanged drops the rows where nothing differs.
	OnlyChanged bool
	// OnlyFlagged drops the rows without a change beyond the threshold.
	OnlyFlagged bool
	// Threshold, in percent, overrides every indicator's limit; nil takes the
	// catalogue's nguong_bien_dong, else DefaultThreshold.
	Threshold *big.Rat
	// Catalogues gives the catalogue a year was read with when it is not the one
	// passed to Compare, e.g. an older input kept beside its own chi-tieu.yaml.
	Catalogues map[*model.Figures]*model.Catalogue
}

// Column is one compared input. Tables head it with its short Label; titles,
// legends and sentences name it by Name.
type Column struct {
	Period model.Period
	// Label is the period's code, "2021", "2022-Q1"; the file name when two
	// inputs are of the same period or the period is unknown.
	Label string
	// Name is the column in a sentence: "năm 2021", "quý I năm 2022"; the Label
	// when that is a file name.
	Name   string
	Source string
}

// Table is a comparison: columns in time order, rows grouped and ordered as in
// the catalogue of the newest input.
type Table struct {
	Columns []Column
	Rows    []*Row
	// Summary counts every indicator compared in the chosen group, including rows
	// that OnlyChanged or OnlyFlagged left out.
	Summary Summary
	// Threshold is Options.Threshold: nil when each indicator's own limit applies.
	Threshold *big.Rat
	// Author (the department of the newest input, or "") and Made (when the
	// comparison was made; zero for the clock's) describe the workbook WriteXLSX writes.
	Author string
	Made   time.Time

	differs bool
}

// Differs reports whether anything differs between the inputs, in the chosen
// group, whatever the filters show.
func (t *Table) Differs() bool { return t.differs }

// Row is one indicator across the columns.
type Row struct {
	Code      string
	Group     string
	GroupName string
	Name      string
	Unit      string
	Kind      model.Kind
	// Decimals is the precision of the row's values, plan and differences: the
	// catalogue's, or more where that rounding would contradict a change or a
	// verdict the report states (compute.ShownDecimals).
	Decimals int
	// Names and Units hold each column's name and unit when the years'
	// catalogues disagree on them ("" for a catalogue without the code); nil otherwise.
	Names, Units []string
	Values       []*big.Rat       // per column; nil when the input has no value
	Rankings     []*model.Ranking // per column, for rankings: the place and how many were ranked
	Changes      []Change         // per consecutive pair of columns
	Plan         *big.Rat         // the newest column's plan
	Flag         bool             // some change is beyond the threshold
	// Ceiling tells that the plan is a maximum (chieu: giam): 90% of it is within plan, not short of it.
	Ceiling bool
	Notes   []string // in Vietnamese: renamed, unit changed, why a derived value is missing

	cols []Column
}

// Attainment is the newest value as a percentage of the plan, as the report
// computes it; nil without a value or a non-zero plan. Computed on each call.
func (r *Row) Attainment() *big.Rat {
	f := compute.Figure{Value: r.Values[len(r.Values)-1], Plan: r.Plan}
	return f.Attainment()
}

// Change compares two consecutive columns of a row.
type Change struct {
	From, To int // column indexes
	// Status is the direction the words state after rounding (ChangeText):
	// 200.000 → 199.999 is "tương đương", Same, though Delta is -1.
	Status Status
	Delta  *big.Rat // value(To) − value(From); nil unless both exist in the same unit
	Flag   bool     // |Percent()| reaches the threshold, or the base is 0
	Limit  *big.Rat // the threshold that applied, in percent
	// ZeroDivisor is, for an Uncomputable change, the divisor that is 0 in
	// the column whose value cannot be computed (compute.Figure.ZeroDivisor).
	ZeroDivisor string

	from, to *big.Rat
	percent  *big.Rat // Percent's, worked out once by compare
}

// Percent is Delta as a percentage of value(From), the report's growth; nil
// without a comparison, with a zero base, or for a rate or a ranking, whose
// change is stated in points or places: a percentage of a percentage or of
// places is no figure anyone states.
func (c Change) Percent() *big.Rat { return c.percent }

// differs reports whether the values differ, even by a change the words
// round to "tương đương".
func (c Change) differs() bool {
	return c.Status.Changed() || c.Delta != nil && c.Delta.Sign() != 0
}

// Compare compares the periods' figures, which it orders by time
// (model.Period.Compare, stably, so two inputs of the same period keep their
// order); Run has refused periods of different kinds. Values come from compute.Compute on each
// year with its catalogue (cat, or opt.Catalogues[year]). Indicators with no value
// in any year are left out. With fewer than two years there is nothing to
// compare: the rows have no changes.
func Compare(cat *model.Catalogue, years []*model.Figures, opt Options) *Table {
	if len(years) == 0 {
		return &Table{Threshold: opt.Threshold}
	}
	years = slices.Clone(years)
	slices.SortStableFunc(years, func(a, b *model.Figures) int { return a.Period.Compare(b.Period) })
	t := &Table{Columns: columns(years), Threshold: opt.Threshold}
	t.Summary.previous = t.Previous()
	cats := make([]*model.Catalogue, len(years))
	for i, y := range years {
		cats[i] = cat
		if c := opt.Catalogues[y]; c != nil {
			cats[i] = c
		}
		y.Index() // computed in parallel below
	}
	// The years are computed in parallel: on large inputs this is most of the work.
	reps := make([]*compute.Report, len(years))
	var wg sync.WaitGroup
	for i := range years {
		wg.Go(func() { reps[i] = compute.Compute(cats[i], years[i], nil) })
	}
	wg.Wait()
	distinct := distinctNewestFirst(cats)
	var fl flagger
	for _, it := range ordered(distinct) {
		if opt.Group != "" && it.ind.Group != opt.Group {
			continue
		}
		r := t.row(it, cats, reps, len(distinct) > 1, opt, &fl)
		if r == nil {
			continue
		}
		t.Summary.add(r)
		t.differs = t.differs || r.changed()
		if opt.OnlyChanged && !r.changed() || opt.OnlyFlagged && !r.Flag {
			continue
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

// columns labels the inputs by year, or by file name when a year repeats.
func columns(years []*model.Figures) []Column {
	count := map[model.Period]int{}
	for _, y := range years {
		count[y.Period]++
	}
	cols := make([]Column, len(years))
	for i, y := range years {
		cols[i] = Column{Period: y.Period, Label: y.Period.Code(), Name: y.Period.Name(), Source: y.Source}
		if count[y.Period] > 1 || y.Period.Kind == 0 {
			cols[i].Label = baseName(y.Source)
			cols[i].Name = cols[i].Label
		}
	}
	return cols
}

// Previous names the earlier column of any change, as a status or a count
// says it ("kỳ trước bằng 0"): "năm trước" when the columns are years,
// "kỳ trước" when they are shorter periods.
func (t *Table) Previous() string {
	for _, c := range t.Columns {
		if c.Period.ShorterThanYear() {
			return "kỳ trước"
		}
	}
	return "năm trước"
}

// earlier names what the changes are measured from in a legend: the earlier
// column itself when there are two ("quý I năm 2022"), else Previous.
func (t *Table) earlier() string {
	if len(t.Columns) == 2 {
		return t.Columns[0].Name
	}
	return t.Previous()
}

// Title names the comparison: "So sánh số liệu năm 2020 và năm 2021",
// "So sánh số liệu quý I, quý II và quý III năm 2022".
func (t *Table) Title() string { return "So sánh số liệu " + t.names() }

// names lists the columns' names as a sentence does. Shorter periods of one
// year share it: "quý I, quý II và quý III năm 2022".
func (t *Table) names() string {
	names := make([]string, len(t.Columns))
	year, shared := 0, len(t.Columns) > 1
	for i, c := range t.Columns {
		names[i] = c.Name
		p := c.Period
		if !p.ShorterThanYear() || c.Name != p.Name() || i > 0 && p.Year != year {
			shared = false
		}
		year = p.Year
	}
	if shared {
		for i, c := range t.Columns {
			names[i] = c.Period.NameWithoutYear()
		}
		names[len(names)-1] = t.Columns[len(names)-1].Period.Name()
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " và " + names[len(names)-1]
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' || p[i] == '\\' {
			return p[i+1:]
		}
	}
	return p
}

// distinctNewestFirst lists the catalogues of the columns once each, the
// newest column's first.
func distinctNewestFirst(cats []*model.Catalogue) []*model.Catalogue {
	var out []*model.Catalogue
	for i := len(cats) - 1; i >= 0; i-- {
		if !slices.Contains(out, cats[i]) {
			out = append(out, cats[i])
		}
	}
	return out
}

// item is an indicator to compare, with its place in the newest catalogue
// (-1 when only an older catalogue has it).
type item struct {
	ind *model.Indicator
	pos int
}

// ordered lists the indicators to compare, from catalogues newest first: the
// newest catalogue's, then those only older catalogues have, grouped by the
// newest catalogue's group order. The indicator returned is the newest
// catalogue's description of the code.
func ordered(cats []*model.Catalogue) []item {
	all := make([]item, 0, len(cats[0].Indicators))
	for i, ind := range cats[0].Indicators {
		all = append(all, item{ind, i})
	}
	if len(cats) > 1 {
		seen := make(map[string]bool, len(all))
		for _, it := range all {
			seen[it.ind.Code] = true
		}
		for _, c := range cats[1:] {
			for _, ind := range c.Indicators {
				if !seen[ind.Code] {
					seen[ind.Code] = true
					all = append(all, item{ind, -1})
				}
			}
		}
	}
	// Grouped by buckets rather than sorted: one map lookup per indicator.
	rank := map[string]int{}
	for _, c := range cats {
		for _, g := range c.Groups {
			if _, ok := rank[g.Code]; !ok {
				rank[g.Code] = len(rank)
			}
		}
	}
	buckets := make([][]item, len(rank))
	for _, it := range all {
		r, ok := rank[it.ind.Group]
		if !ok {
			r = len(rank)
			rank[it.ind.Group] = r
			buckets = append(buckets, nil)
		}
		buckets[r] = append(buckets[r], it)
	}
	return slices.Concat(buckets...)
}

// row builds the row of one indicator, or nil when no column has a value.
// multi says whether the columns were read with different catalogues, which
// may name or measure the indicator differently; with a single catalogue, each
// report's figures are in its order and are found by place, not by code.
func (t *Table) row(it item, cats []*model.Catalogue, reps []*compute.Report, multi bool, opt Options, fl *flagger) *Row {
	ind := it.ind
	n := len(reps)
	r := &Row{Code: ind.Code, Group: ind.Group, Name: ind.Name, Unit: ind.Unit, Kind: ind.Kind, Decimals: ind.Decimals,
		Ceiling: ind.LowerIsBetter, Values: make([]*big.Rat, n), cols: t.Columns}
	r.GroupName = groupName(cats, ind.Group)
	var names, units []string
	if multi {
		names, units = make([]string, n), make([]string, n)
	}
	hasValue := false
	divisors := make([]string, n)
	for i, rep := range reps {
		var f *compute.Figure
		if multi {
			f = rep.Figure(ind.Code)
		} else {
			f = rep.Figures[it.pos]
		}
		if f == nil {
			continue
		}
		if multi {
			names[i], units[i] = f.Indicator.Name, f.Indicator.Unit
		}
		r.Values[i] = f.Value
		divisors[i] = f.ZeroDivisor
		hasValue = hasValue || f.Value != nil
		if f.Ranking != nil {
			if r.Rankings == nil {
				r.Rankings = make([]*model.Ranking, n)
			}
			r.Rankings[i] = f.Ranking
		}
		if f.Value == nil && f.Indicator.Derived() && inputsPresent(rep, f.Indicator) {
			r.Notes = append(r.Notes, fmt.Sprintf("%s: %s", t.Columns[i].Name, f.Missing))
		}
		if i == n-1 {
			r.Plan = f.Plan
		}
	}
	if !hasValue {
		return nil
	}
	// As the report does: a period without a value of its own takes the
	// same-period value stated in the next year's input (cung_ky).
	for i := 1; i < n; i++ {
		if r.Values[i-1] != nil || t.Columns[i].Period.SamePeriodLastYear() != t.Columns[i-1].Period {
			continue
		}
		if f := reps[i].Figure(ind.Code); f != nil && f.Previous != nil {
			r.Values[i-1] = f.Previous
			r.Notes = append(r.Notes, fmt.Sprintf("số liệu %s là số cùng kỳ ghi trong %s", t.Columns[i-1].Name, baseName(t.Columns[i].Source)))
		}
	}
	r.Decimals = compute.ShownDecimals(ind, r.Values, r.Plan)
	if multi && differ(names) {
		r.Names = names
		r.Notes = append(r.Notes, "đổi tên: "+transitions(names, t.Columns))
	}
	if multi && differ(units) {
		r.Units = units
		r.Notes = append(r.Notes, "đổi đơn vị: "+transitions(units, t.Columns))
	}
	limit := DefaultThreshold
	if ind.ChangeLimit != nil {
		limit = compute.Rat(*ind.ChangeLimit)
	}
	if opt.Threshold != nil {
		limit = opt.Threshold
	}
	r.Changes = make([]Change, 0, n-1)
	for j := 1; j < n; j++ {
		unitChanged := multi && units[j-1] != units[j] && units[j-1] != "" && units[j] != ""
		c := compare(ind, r.Values[j-1], r.Values[j], unitChanged, r.Decimals)
		// A value that cannot be computed is not missing: the comparison is not
		// "mới" or "bỏ" but impossible.
		switch {
		case c.Status == Added && divisors[j-1] != "":
			c.Status, c.ZeroDivisor = Uncomputable, divisors[j-1]
		case c.Status == Removed && divisors[j] != "":
			c.Status, c.ZeroDivisor = Uncomputable, divisors[j]
		}
		c.From, c.To, c.Limit = j-1, j, limit
		if c.Delta != nil && c.Delta.Sign() != 0 {
			c.Flag = fl.beyond(c.Delta, c.from, limit)
		}
		r.Flag = r.Flag || c.Flag
		r.Changes = append(r.Changes, c)
	}
	return r
}

// compare works out one change between values shown at decimals. Its status
// is the direction its words state after rounding (vnformat.ChangeSign, the
// sign of the words ChangeText gives), so that "tương đương" is never counted as a fall;
// the relative change is compute's Growth, exactly the report's.
func compare(ind *model.Indicator, from, to *big.Rat, unitChanged bool, decimals int) Change {
	switch {
	case from == nil && to == nil:
		return Change{Status: Absent}
	case from == nil:
		return Change{Status: Added}
	case to == nil:
		return Change{Status: Removed}
	case unitChanged:
		return Change{Status: UnitChanged}
	}
	m := ind.Kind.Measure()
	c := Change{Delta: new(big.Rat).Sub(to, from), from: from, to: to}
	if m == vnformat.Relative {
		c.percent = compute.Growth(from, to)
	}
	sign, ok := vnformat.ChangeSign(m, c.Delta, c.percent, vnformat.ChangeDecimals(m, decimals))
	switch {
	case c.Delta.Sign() == 0:
		c.Status = Same
	case !ok: // a quantity from 0: no growth to state
		c.Status = NoBase
	case sign == 0:
		c.Status = Same
	case sign > 0:
		c.Status = Up
	default:
		c.Status = Down
	}
	return c
}

var hundred = big.NewInt(100)

// flagger tests changes against their thresholds in integers it reuses: one
// test per row of a large table, where new rationals for each would be most
// of the table's allocations.
type flagger struct{ a, b, c, d big.Int }

// beyond reports whether |delta| is at least limit percent of |base| (always
// when the base is 0): the test |Percent()| ≥ limit, cross-multiplied so that
// no division is needed, on numerators and denominators (all denominators are
// positive): |Δn| × 100 × bd × ld ≥ |bn| × ln × Δd.
func (f *flagger) beyond(delta, base, limit *big.Rat) bool {
	if base.Sign() == 0 {
		return true
	}
	f.a.Mul(delta.Num(), hundred)
	f.b.Mul(&f.a, base.Denom())
	f.a.Mul(&f.b, limit.Denom())
	f.c.Mul(base.Num(), limit.Num())
	f.d.Mul(&f.c, delta.Denom())
	if base.Sign() < 0 {
		f.d.Neg(&f.d) // |bn| × ln, whatever the sign of ln
	}
	return f.a.Abs(&f.a).Cmp(&f.d) >= 0
}

// inputsPresent reports whether every input of a derived indicator has a value,
// so that its own missing value is worth a note (e.g. a division by zero), not
// merely the consequence of inputs left out.
func inputsPresent(rep *compute.Report, ind *model.Indicator) bool {
	f, err := compute.ParseFormula(ind.Formula)
	if err != nil {
		return true
	}
	for _, in := range f.Inputs {
		if fig := rep.Figure(in); fig == nil || fig.Value == nil {
			return false
		}
	}
	return true
}

func groupName(cats []*model.Catalogue, code string) string {
	for i := len(cats) - 1; i >= 0; i-- {
		for _, g := range cats[i].Groups {
			if g.Code == code {
				return g.Name
			}
		}
	}
	return code
}

// differ reports whether the non-empty strings are not all equal.
func differ(ss []string) bool {
	first := ""
	for _, s := range ss {
		switch {
		case s == "":
		case first == "":
			first = s
		case s != first:
			return true
		}
	}
	return false
}

// transitions words a sequence of names or units: "«triệu đồng» (năm 2020) → «tỷ đồng» (năm 2021)".
func transitions(ss []string, cols []Column) string {
	out := ""
	prev := ""
	for i, s := range ss {
		if s == "" || s == prev {
			continue
		}
		if out != "" {
			out += " → "
		}
		out += fmt.Sprintf("«%s» (%s)", s, cols[i].Name)
		prev = s
	}
	return out
}

// changed reports whether the row's values differ between two columns, even
// where the words round the change to "tương đương" (--only-changed, --exit-code).
func (r *Row) changed() bool {
	for _, c := range r.Changes {
		if c.differs() {
			return true
		}
	}
	return false
}

// Last is the change between the two newest columns; the zero Change when there
// is a single column.
func (r *Row) Last() Change {
	if len(r.Changes) == 0 {
		return Change{Status: Absent}
	}
	return r.Changes[len(r.Changes)-1]
}

// Summary counts the indicators of a table by their newest change.
type Summary struct {
	Indicators  int
	Up          int
	Down        int
	Same        int
	Added       int
	Removed     int // also rows with no value in the two newest columns
	NoBase      int
	UnitChanged int
	// Uncomputable counts the rows whose newest change has a value that cannot be computed.
	Uncomputable int
	Flagged      int // rows with some change beyond the threshold

	previous string // Table.Previous, naming NoBase
}

func (s *Summary) add(r *Row) {
	s.Indicators++
	if r.Flag {
		s.Flagged++
	}
	if len(r.Changes) == 0 {
		return
	}
	switch r.Last().Status {
	case Up:
		s.Up++
	case Down:
		s.Down++
	case Same:
		s.Same++
	case Added:
		s.Added++
	case NoBase:
		s.NoBase++
	case UnitChanged:
		s.UnitChanged++
	case Uncomputable:
		s.Uncomputable++
	default:
		s.Removed++
	}
}

// String is the closing line: "38 chỉ tiêu: 21 tăng, 12 giảm, 3 tương đương, 2 mới",
// counting each change as its words state it. Rises, falls and the changes
// worded "tương đương" are always given; the other counts only when not 0.
// Changes beyond the threshold follow after a semicolon.
func (s Summary) String() string {
	out := fmt.Sprintf("%d chỉ tiêu: %d tăng, %d giảm, %d %s", s.Indicators, s.Up, s.Down, s.Same, vnformat.Same)
	for _, p := range []struct {
		n    int
		what string
	}{{s.Added, "mới"}, {s.Removed, "bỏ"}, {s.NoBase, NoBase.Text(s.previous)}, {s.UnitChanged, "đổi đơn vị"},
		{s.Uncomputable, Uncomputable.Text("")}} {
		if p.n > 0 {
			out += fmt.Sprintf(", %d %s", p.n, p.what)
		}
	}
	if s.Flagged > 0 {
		out += fmt.Sprintf("; %d chỉ tiêu biến động vượt ngưỡng cần xem lại", s.Flagged)
	}
	return out
}
