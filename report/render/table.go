package render

import (
	"github.com/baocao/baocao/report/appendix"
	"github.com/baocao/baocao/report/compute"
	"github.com/shopspring/decimal"
)

// The appendix table as a template sees it: {{ range .Nhom }} gives the groups,
// each with its rows in {{ range .ChiTieu }}; {{ range .ChiTieu }} at the root
// gives every row. The cells come from package appendix, which the workbook
// uses too. Nothing here records a problem: a cell with nothing to show is
// empty text.

// Nhom is one group of the appendix.
type Nhom struct {
	So      int    // 1, 2, …
	SoLaMa  string // I, II, …
	Ten     string
	ChiTieu []*Dong
}

// Dong is one indicator's row of the appendix. Its cells are worked out when
// the template asks for them, one row at a time (see tableView.row).
type Dong struct {
	STT    int // 1, 2, … within its group
	Ma     string
	Ten    string
	DonVi  string
	Uoc    bool // this year's value is an estimate
	GhiChu string

	fig  *compute.Figure
	view *tableView
}

// NamTruoc is the value last year.
func (d *Dong) NamTruoc() O { return O{d, previousColumn} }

// KeHoach is the plan this year.
func (d *Dong) KeHoach() O { return O{d, planColumn} }

// ThucHien is the value this year.
func (d *Dong) ThucHien() O { return O{d, valueColumn} }

// SoCungKy compares with last year: a quantity in percent ("108,3"), a rate
// in points ("tăng 2,5 điểm phần trăm"), a ranking in places ("tăng 2 bậc").
func (d *Dong) SoCungKy() O { return O{d, vsPreviousColumn} }

// SoKeHoach compares with the plan, as SoCungKy with last year.
func (d *Dong) SoKeHoach() O { return O{d, vsPlanColumn} }

// O is one cell: printed, it is its text; .So is the number the text shows
// (a signed change for a comparison in points or places) and .CoSo whether
// there is one. It names its row and column rather than holding the cell: a
// template gets it by reflection, which copies every result to the heap,
// and a cell is three times the size.
type O struct {
	row    *Dong
	column column
}

type column uint8

const (
	previousColumn column = iota
	planColumn
	valueColumn
	vsPreviousColumn
	vsPlanColumn
)

func (o O) cell() *appendix.Cell {
	if o.row == nil {
		return &appendix.Cell{}
	}
	r := o.row.view.row(o.row)
	return [...]*appendix.Cell{&r.Previous, &r.Plan, &r.Value, &r.VsPrevious, &r.VsPlan}[o.column]
}

func (o O) String() string { return o.cell().Text }

// Chu is the cell's text, as printed.
func (o O) Chu() string { return o.cell().Text }

// So is the number the text shows.
func (o O) So() decimal.Decimal { return o.cell().Number }

// CoSo reports whether the cell has a number.
func (o O) CoSo() bool { return o.cell().Kind != appendix.Empty }

// appendixView lays out the template's view of the appendix once per render.
func (d *Report) appendixView() *tableView {
	if d.table != nil {
		return d.table
	}
	l := appendix.Outline(d.r)
	v := &tableView{uoc: l.Estimate}
	n := 0
	for _, g := range l.Groups {
		n += len(g.Figures)
	}
	rows := make([]Dong, n) // one allocation, not one a row
	v.rows = make([]*Dong, n)
	at := 0
	for _, g := range l.Groups {
		for i, f := range g.Figures {
			rows[at+i] = Dong{STT: i + 1, Ma: f.Indicator.Code, Ten: f.Indicator.Name, DonVi: f.Indicator.Unit,
				Uoc: f.Estimate, GhiChu: appendix.Note(f), fig: f, view: v}
			v.rows[at+i] = &rows[at+i]
		}
		end := at + len(g.Figures)
		v.nhom = append(v.nhom, &Nhom{So: g.No, SoLaMa: g.Roman, Ten: g.Name, ChiTieu: v.rows[at:end:end]})
		at = end
	}
	d.table = v
	return v
}

type tableView struct {
	nhom []*Nhom
	rows []*Dong
	uoc  bool
	// The cells of the row last asked for: a template prints a row's cells
	// together, and holding every row's would cost as much as the table.
	last    *Dong
	lastRow appendix.Row
}

// row gives the cells of r, working them out unless r was the row last asked for.
func (v *tableView) row(r *Dong) *appendix.Row {
	if v.last != r {
		v.last, v.lastRow = r, appendix.RowOf(r.fig, r.STT)
	}
	return &v.lastRow
}

// Nhom lists the groups of the appendix that have a row, numbered I, II, III.
func (d *Report) Nhom() []*Nhom { return d.appendixView().nhom }

// ChiTieu lists every row of the appendix: the indicators with a value this
// year, in catalogue order.
func (d *Report) ChiTieu() []*Dong { return d.appendixView().rows }

// CoUoc reports whether some value of the appendix is an estimate, for the
// column heading "Ước thực hiện năm N".
func (d *Report) CoUoc() bool { return d.appendixView().uoc }
