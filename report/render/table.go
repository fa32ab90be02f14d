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
func (d *Dong) NamTruoc() ONamTruoc { return ONamTruoc{o[previousColumn]{d}} }

// KeHoach is the plan this year.
func (d *Dong) KeHoach() OKeHoach { return OKeHoach{o[planColumn]{d}} }

// ThucHien is the value this year.
func (d *Dong) ThucHien() OThucHien { return OThucHien{o[valueColumn]{d}} }

// SoCungKy compares with last year: a quantity in percent ("108,3"), a rate
// in points ("tăng 2,5 điểm phần trăm"), a ranking in places ("tăng 2 bậc").
func (d *Dong) SoCungKy() OSoCungKy { return OSoCungKy{o[vsPreviousColumn]{d}} }

// SoKeHoach compares with the plan, as SoCungKy with last year.
func (d *Dong) SoKeHoach() OSoKeHoach { return OSoKeHoach{o[vsPlanColumn]{d}} }

// The cells of a row, one type for each column. Printed, a cell is its text;
// .So is the number the text shows (a signed change for a comparison in
// points or places) and .CoSo whether there is one. A cell is only its row,
// its column told by its type: a template gets it by reflection, which copies
// to the heap every result larger than a pointer.
type (
	ONamTruoc  struct{ o[previousColumn] }
	OKeHoach   struct{ o[planColumn] }
	OThucHien  struct{ o[valueColumn] }
	OSoCungKy  struct{ o[vsPreviousColumn] }
	OSoKeHoach struct{ o[vsPlanColumn] }
)

// o is a cell of the column C of a row.
type o[C column] struct{ row *Dong }

type column interface {
	of(*appendix.Row) *appendix.Cell
}

type (
	previousColumn   struct{}
	planColumn       struct{}
	valueColumn      struct{}
	vsPreviousColumn struct{}
	vsPlanColumn     struct{}
)

func (previousColumn) of(r *appendix.Row) *appendix.Cell   { return &r.Previous }
func (planColumn) of(r *appendix.Row) *appendix.Cell       { return &r.Plan }
func (valueColumn) of(r *appendix.Row) *appendix.Cell      { return &r.Value }
func (vsPreviousColumn) of(r *appendix.Row) *appendix.Cell { return &r.VsPrevious }
func (vsPlanColumn) of(r *appendix.Row) *appendix.Cell     { return &r.VsPlan }

func (c o[C]) cell() *appendix.Cell {
	if c.row == nil {
		return &appendix.Cell{}
	}
	var col C
	return col.of(c.row.view.row(c.row))
}

func (c o[C]) String() string { return c.cell().Text }

// Chu is the cell's text, as printed.
func (c o[C]) Chu() string { return c.cell().Text }

// So is the number the text shows.
func (c o[C]) So() decimal.Decimal { return c.cell().Number }

// CoSo reports whether the cell has a number.
func (c o[C]) CoSo() bool { return c.cell().Kind != appendix.Empty }

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
