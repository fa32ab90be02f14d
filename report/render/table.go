package render

import (
	"github.com/baocao/baocao/report/appendix"
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

// Dong is one indicator's row of the appendix.
type Dong struct {
	STT      int // 1, 2, … within its group
	Ma       string
	Ten      string
	DonVi    string
	Uoc      bool // this year's value is an estimate
	NamTruoc O    // value last year
	KeHoach  O    // plan this year
	ThucHien O    // value this year
	// SoCungKy and SoKeHoach compare with last year and the plan: a quantity in
	// percent ("108,3"), a rate in points ("tăng 2,5 điểm phần trăm"), a
	// ranking in places ("tăng 2 bậc").
	SoCungKy  O
	SoKeHoach O
	GhiChu    string
}

// O is one cell: printed, it is its text; .So is the number the text shows
// (a signed change for a comparison in points or places) and .CoSo whether
// there is one.
type O struct {
	Chu  string
	So   decimal.Decimal
	CoSo bool
}

func (o O) String() string { return o.Chu }

func cell(c appendix.Cell) O {
	return O{Chu: c.Text, So: c.Number, CoSo: c.Kind != appendix.Empty}
}

// appendixView builds the template's view of the appendix once per render.
func (d *Report) appendixView() *tableView {
	if d.table != nil {
		return d.table
	}
	t := appendix.Build(d.r)
	v := &tableView{uoc: t.Estimate}
	for _, g := range t.Groups {
		n := &Nhom{So: g.No, SoLaMa: g.Roman, Ten: g.Name}
		for _, r := range g.Rows {
			n.ChiTieu = append(n.ChiTieu, &Dong{
				STT: r.No, Ma: r.Code, Ten: r.Name, DonVi: r.Unit, Uoc: r.Estimate, GhiChu: r.Note,
				NamTruoc: cell(r.Previous), KeHoach: cell(r.Plan), ThucHien: cell(r.Value),
				SoCungKy: cell(r.VsPrevious), SoKeHoach: cell(r.VsPlan),
			})
		}
		v.nhom = append(v.nhom, n)
		v.rows = append(v.rows, n.ChiTieu...)
	}
	d.table = v
	return v
}

type tableView struct {
	nhom []*Nhom
	rows []*Dong
	uoc  bool
}

// Nhom lists the groups of the appendix that have a row, numbered I, II, III.
func (d *Report) Nhom() []*Nhom { return d.appendixView().nhom }

// ChiTieu lists every row of the appendix: the indicators with a value this
// year, in catalogue order.
func (d *Report) ChiTieu() []*Dong { return d.appendixView().rows }

// CoUoc reports whether some value of the appendix is an estimate, for the
// column heading "Ước thực hiện năm N".
func (d *Report) CoUoc() bool { return d.appendixView().uoc }
