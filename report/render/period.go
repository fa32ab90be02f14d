package render

import (
	"fmt"
	"math/big"

	"github.com/baocao/baocao/report/model"
)

// The fields of the reporting period (model.Period words them all) and of the
// whole-year estimate that a report shorter than a year states.

// Ky is the period's name: "6 tháng đầu năm 2022", "quý III năm 2022", "năm 2021".
func (d *Report) Ky() string { return d.named().Name() }

// MaKy is the period's code: "2022-6T".
func (d *Report) MaKy() string { return d.named().Code() }

// KyTrongNam is the period within its year: "6 tháng đầu", "quý III",
// "tháng 5"; "" for a year.
func (d *Report) KyTrongNam() string { return d.named().NameWithoutYear() }

// CungKy is the name of the same period last year, the one compared with.
func (d *Report) CungKy() string { return d.named().SamePeriodLastYear().Name() }

// LoaiKy is the period's kind, for a template that serves several: "nam",
// "6T", "9T", "quy", "thang".
func (d *Report) LoaiKy() string { return d.named().Kind.Code() }

// KySau names what comes after the period, for the tasks: "6 tháng cuối năm
// 2022", "3 tháng cuối năm 2022", "quý IV năm 2022", "năm 2023".
func (d *Report) KySau() string { return d.named().FollowingName() }

// ThoiGianSoLieu is the data window, by the catalogue's chot_so_lieu: "Số liệu
// tính từ ngày 15/12/2021 đến ngày 14/6/2022".
func (d *Report) ThoiGianSoLieu() string { return d.period().WindowText(d.r.Catalogue.Window) }

// named is the period, for a field that names it: the template can word a
// period shorter than a year (Renderer.NamesPeriod).
func (d *Report) named() model.Period {
	d.namesPeriod = true
	return d.period()
}

// planYear is the year whose plan the period is measured against: "năm 2022".
func (d *Report) planYear() string { return d.period().TheYear().Name() }

// CoUocCaNam reports whether the input gives an estimate for the whole year
// (uoc_ca_nam), as a six- or nine-month input may.
func (c *ChiTieu) CoUocCaNam() bool { return c.f != nil && c.f.YearEstimate != nil }

// yearEstimate returns the whole-year estimate, recording a problem when there is none.
func (c *ChiTieu) yearEstimate() (*big.Rat, bool) {
	if c.f == nil {
		return new(big.Rat), false
	}
	if c.f.YearEstimate == nil {
		c.d.problems.Add(fmt.Sprintf("chỉ tiêu %s chưa có số ước cả năm (uoc_ca_nam); đặt câu này trong {{ if .CoUocCaNam }}…{{ end }}", c.code))
		return new(big.Rat), false
	}
	return c.f.YearEstimate, true
}

// UocCaNam is the whole-year estimate with its unit: "2.450 tỷ đồng", "09 cuộc".
func (c *ChiTieu) UocCaNam() string {
	v, ok := c.yearEstimate()
	if !ok {
		return "…"
	}
	if c.isCount() {
		return withUnit(leadingZero(v, c.ind().Decimals), c.ind().Unit)
	}
	return withUnit(formatRat(v, c.ind().Decimals), c.ind().Unit)
}

// UocCaNamSo is the whole-year estimate as a number.
func (c *ChiTieu) UocCaNamSo() Number {
	v, _ := c.yearEstimate()
	return Number{r: v, decimals: c.ind().Decimals}
}

// UocCaNamDatKeHoach words the estimate against the year's plan: "ước cả năm
// đạt 101,3% Kế hoạch năm 2022", or where lower is better "ước cả năm trong
// giới hạn Kế hoạch năm 2022 (không quá 8 tổ chức)".
func (c *ChiTieu) UocCaNamDatKeHoach() string {
	if _, ok := c.yearEstimate(); !ok || !c.plan() {
		return "…"
	}
	met, _ := c.f.YearEstimateMeetsPlan()
	return "ước cả năm " + c.againstPlan(c.f.YearEstimateAttainment(), met, PercentDecimals)
}
