// Package appendix builds the data appendix ("Phụ lục") of a report: the table
// of every indicator that has a figure this year, grouped as in the catalogue,
// with last year's value, the plan, this year's value and the comparisons. The
// cells are worked out here once, as text and as the exact number the text
// shows, for both the .docx template (through render) and the workbook.
package appendix

import (
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// PercentDecimals is the precision of the comparison columns, as in the prose.
const PercentDecimals = vnformat.PercentDecimals

// Kind says what a cell holds, so that a workbook can store the number with a
// format that shows the same as the text.
type Kind int

const (
	Empty  Kind = iota // nothing to show
	Value              // a figure at its indicator's decimals: "1.150", "47,0"
	Place              // a place in a ranking: "11/63" (Number is the place)
	Ratio              // a value in percent of another: "108,3"
	Points             // a change of a rate in percentage points, at the rate's decimals: "tăng 2,5 điểm phần trăm"
	Places             // places gained in a ranking: "tăng 2 bậc"
)

// Cell is one cell of a row.
type Cell struct {
	Kind Kind
	Text string // as the report shows it; "" when Kind is Empty
	// Number is the figure Text shows, rounded as shown: the value, the place,
	// the ratio, or the signed change (a fall is negative, a lost place too).
	Number   decimal.Decimal
	Decimals int // decimals of Number as shown
}

// Row is one indicator of the table.
type Row struct {
	No       int // 1, 2, … within its group
	Code     string
	Name     string
	Unit     string
	Kind     model.Kind
	Estimate bool // this year's value is an estimate ("ước")
	Previous Cell // last year's value
	Plan     Cell // this year's plan
	Value    Cell // this year's value
	// VsPrevious compares with last year: a quantity in percent of last year's
	// value, a rate in percentage points, a ranking in places.
	VsPrevious Cell
	// VsPlan compares with the plan as the prose does ("đạt 99,1% Kế hoạch"):
	// the value in percent of the plan, for a rate too; a ranking in places.
	VsPlan Cell
	Note   string
}

// Group is a group of the catalogue with its rows.
type Group struct {
	No    int    // 1, 2, … among the groups shown
	Roman string // I, II, …
	Name  string
	Rows  []*Row
}

// Table is the whole appendix.
type Table struct {
	Period model.Period
	// Estimate is true when some value of the year is an estimate: the column
	// reads "Ước thực hiện năm N".
	Estimate bool
	Groups   []*Group
	// Author (the department that reports) and Made (when the workbook is
	// made; zero for the clock's) go into WriteXLSX's document properties.
	Author string
	Made   time.Time
}

// Rows lists every row in order.
func (t *Table) Rows() []*Row {
	var out []*Row
	for _, g := range t.Groups {
		out = append(out, g.Rows...)
	}
	return out
}

// Build works out the table of a computed report: the rows of Outline,
// each with its cells.
func Build(r *compute.Report) *Table {
	o := Outline(r)
	t := &Table{Period: r.Current.Period, Author: r.Current.Header.Body, Estimate: o.Estimate}
	for _, g := range o.Groups {
		rows := make([]Row, len(g.Figures)) // one allocation, not one a row
		out := &Group{No: g.No, Roman: g.Roman, Name: g.Name, Rows: make([]*Row, len(g.Figures))}
		for i, f := range g.Figures {
			rows[i] = RowOf(f, i+1)
			out.Rows[i] = &rows[i]
		}
		t.Groups = append(t.Groups, out)
	}
	return t
}

// Layout is which rows the appendix has, in which groups, without their
// cells: a template goes through the rows one at a time, and a table of
// 100 000 rows worked out at once would be held whole (RowOf works out one).
type Layout struct {
	// Estimate is true when some value of the year is an estimate.
	Estimate bool
	Groups   []GroupLayout
}

// GroupLayout is a group shown in the appendix and the figures of its rows,
// in order: the row of Figures[i] is numbered i+1.
type GroupLayout struct {
	No      int    // 1, 2, … among the groups shown
	Roman   string // I, II, …
	Name    string
	Figures []*compute.Figure
}

// Outline lays out the table of a computed report. An indicator without a
// value this year is left out, as the prose leaves it out; a group left empty
// is not shown, so that the groups shown are numbered I, II, III without a
// gap. Indicators of no group (or of a group the catalogue does not list)
// come last, under "Chỉ tiêu khác".
func Outline(r *compute.Report) *Layout {
	l := &Layout{}
	// Groups are numbered in catalogue order, a group listed twice once; the
	// indicators of no known group (other) come last. Counted first, the
	// groups' rows share one exact allocation.
	place := map[string]int{}
	var names []string
	for _, g := range r.Catalogue.Groups {
		if _, dup := place[g.Code]; !dup {
			place[g.Code] = len(names)
			names = append(names, g.Name)
		}
	}
	other := len(names)
	groupOf := func(f *compute.Figure) int {
		if i, ok := place[f.Indicator.Group]; ok {
			return i
		}
		return other
	}
	count := make([]int, other+1)
	n := 0
	for _, f := range r.Figures {
		if f.Value != nil {
			count[groupOf(f)]++
			n++
			l.Estimate = l.Estimate || f.Estimate
		}
	}
	start := make([]int, other+1)
	for i := 1; i <= other; i++ {
		start[i] = start[i-1] + count[i-1]
	}
	all := make([]*compute.Figure, n)
	next := slices.Clone(start)
	for _, f := range r.Figures {
		if f.Value != nil {
			g := groupOf(f)
			all[next[g]] = f
			next[g]++
		}
	}
	if count[other] > 0 {
		name := "Chỉ tiêu khác"
		if n == count[other] {
			name = "Các chỉ tiêu"
		}
		names = append(names, name)
	}
	for i, name := range names {
		if count[i] > 0 {
			no := len(l.Groups) + 1
			end := start[i] + count[i]
			l.Groups = append(l.Groups, GroupLayout{No: no, Roman: Roman(no), Name: name, Figures: all[start[i]:end:end]})
		}
	}
	return l
}

// RowOf works out the row of a figure that has a value, numbered no in its group.
func RowOf(f *compute.Figure, no int) Row {
	ind := f.Indicator
	row := Row{No: no, Code: ind.Code, Name: ind.Name, Unit: ind.Unit, Kind: ind.Kind, Estimate: f.Estimate, Note: Note(f)}
	if ind.Kind == model.Rank {
		row.Value = placeCell(f.Value, f.Ranking)
		row.Previous = placeCell(f.Previous, f.PrevRanking)
		row.Plan = placeCell(f.Plan, nil)
		row.VsPrevious = placesCell(f.Value, f.Previous)
		row.VsPlan = placesCell(f.Value, f.Plan)
		return row
	}
	// One precision for the row, which the prose uses too: its values and
	// their difference never contradict each other or the words.
	shown := f.ValueDecimals()
	row.Value = valueCell(f.Value, shown)
	row.Previous = valueCell(f.Previous, shown)
	row.Plan = valueCell(f.Plan, shown)
	if ind.Kind == model.Rate {
		row.VsPrevious = pointsCell(f.Value, f.Previous, shown)
	} else if g := f.Growth(); g != nil {
		// 100 plus the growth as the prose rounds it: −0,05% is "giảm 0,1%"
		// there and 99,9 here, not 99,95 rounded half-up to 100,0.
		row.VsPrevious = ratioCell(compute.Round(g, PercentDecimals).Add(decimal.NewFromInt(100)), PercentDecimals)
	}
	if a := f.Attainment(); a != nil {
		d := compute.AttainmentDecimals(a, f.Indicator.LowerIsBetter, PercentDecimals)
		row.VsPlan = ratioCell(compute.Round(a, d), d)
	}
	return row
}

// Note is the note of a figure's row: its entry's, trimmed.
func Note(f *compute.Figure) string {
	if f.Entry == nil {
		return ""
	}
	return strings.TrimSpace(f.Entry.Note)
}

func valueCell(v *big.Rat, decimals int) Cell {
	if v == nil {
		return Cell{}
	}
	d := compute.Round(v, decimals)
	return Cell{Kind: Value, Text: vnformat.Number(d, decimals), Number: d, Decimals: decimals}
}

// placeCell shows a place with how many were ranked ("11/63") when known.
func placeCell(v *big.Rat, rk *model.Ranking) Cell {
	if v == nil {
		return Cell{}
	}
	d := compute.Round(v, 0)
	text := vnformat.Number(d, 0)
	if rk != nil && rk.Of > 0 {
		text = fmt.Sprintf("%d/%d", rk.Rank, rk.Of)
	}
	return Cell{Kind: Place, Text: text, Number: d}
}

// ratioCell shows a percentage already rounded at decimals.
func ratioCell(pct decimal.Decimal, decimals int) Cell {
	return Cell{Kind: Ratio, Text: vnformat.Number(pct, decimals), Number: pct, Decimals: decimals}
}

// pointsCell compares a rate with a base in percentage points, at the
// decimals the two are shown at.
func pointsCell(v, base *big.Rat, decimals int) Cell {
	if v == nil || base == nil {
		return Cell{}
	}
	d := compute.Round(new(big.Rat).Sub(v, base), decimals)
	return Cell{Kind: Points, Text: vnformat.PointChange(d, decimals), Number: d, Decimals: decimals}
}

// placesCell compares a place with a base place: a smaller place is a gain.
func placesCell(v, base *big.Rat) Cell {
	if v == nil || base == nil {
		return Cell{}
	}
	gained := compute.Round(new(big.Rat).Sub(base, v), 0)
	return Cell{Kind: Places, Text: vnformat.PlaceChange(gained.IntPart()), Number: gained}
}

// Roman writes n (1 to 3999) in Roman numerals: 1 → I, 4 → IV, 14 → XIV;
// other numbers in Arabic digits.
func Roman(n int) string {
	if n < 1 || n > 3999 {
		return fmt.Sprint(n)
	}
	var b strings.Builder
	for _, s := range romanSteps {
		for n >= s.v {
			b.WriteString(s.s)
			n -= s.v
		}
	}
	return b.String()
}

var romanSteps = []struct {
	v int
	s string
}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}
