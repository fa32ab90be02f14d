// Package render turns a computed report into the data and functions that the
// .docx template's tags read, and renders the template. Every value a tag asks
// for is worded here in Vietnamese; a value that is missing is recorded as a
// problem at the tag's place rather than printed empty.
package render

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxtpl"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// PercentDecimals is the precision of percentages in wording ("tăng 8,3%").
const PercentDecimals = 1

// Report is the root `.` of a template.
type Report struct {
	r        *compute.Report
	problems *docxtpl.Problems
	views    map[string]*ChiTieu
	// emptyParts are the sectioned narrative parts the template asked for that
	// have no item: their headings would stand empty in the report.
	emptyParts []string
	table      *tableView // the appendix, built on first use (table.go)
}

func newReport(r *compute.Report, problems *docxtpl.Problems) *Report {
	return &Report{r: r, problems: problems, views: map[string]*ChiTieu{}}
}

func (d *Report) header() *model.Header { return &d.r.Year.Header }

// need records a problem when a header fact the template prints is empty.
func (d *Report) need(key, value, what string) string {
	if value == "" {
		d.missingHeader(key, what)
		return "…"
	}
	return value
}

// missingHeader records a header fact the template prints but the input lacks,
// naming the place to fill it in.
func (d *Report) missingHeader(key, what string) {
	where := d.r.Year.Source
	if p, ok := d.header().FieldPos[key]; ok {
		where = p.String()
	}
	d.problems.Add(fmt.Sprintf("thiếu %s (%s): điền vào %s", what, key, where))
}

func (d *Report) Nam() int      { return d.r.Year.Year }
func (d *Report) NamTruoc() int { return d.r.Year.Year - 1 }
func (d *Report) NamSau() int   { return d.r.Year.Year + 1 }

func (d *Report) CoQuanChuQuan() string {
	return d.need("co_quan_chu_quan", d.header().SuperiorBody, "cơ quan chủ quản")
}
func (d *Report) CoQuan() string { return d.need("co_quan", d.header().Body, "cơ quan ban hành") }
func (d *Report) KyHieu() string {
	return d.need("ky_hieu", d.header().Symbol, "ký hiệu văn bản")
}
func (d *Report) DiaDanh() string   { return d.need("dia_danh", d.header().Place, "địa danh") }
func (d *Report) ThamQuyen() string { return d.header().Authority }
func (d *Report) ChucVu() string {
	return d.need("chuc_vu", d.header().Title, "chức vụ người ký")
}
func (d *Report) NguoiKy() string {
	return d.need("nguoi_ky", d.header().Signer, "họ tên người ký")
}
func (d *Report) CanCu() string {
	return strings.TrimRight(d.need("can_cu", d.header().Basis, "căn cứ báo cáo"), ".;, ")
}

// So is the document number: "05" below 10, or room for the clerk to write it in
// when it is assigned on issue.
func (d *Report) So() string {
	n := strings.TrimSpace(d.header().Number)
	if n == "" {
		return "       "
	}
	if len(n) == 1 && n[0] >= '1' && n[0] <= '9' {
		return "0" + n
	}
	return n
}

// Ngay is the date per Decree 30: "ngày 05 tháng 01 năm 2022".
func (d *Report) Ngay() string {
	if d.header().Date.IsZero() {
		d.missingHeader("ngay", "ngày ban hành")
		return "ngày … tháng … năm …"
	}
	return vnformat.Date(d.header().Date)
}

func (d *Report) KinhGui() []string {
	if len(d.header().Recipients) == 0 {
		d.missingHeader("kinh_gui", "nơi gửi")
	}
	return d.header().Recipients
}

func (d *Report) NoiNhan() []string {
	if len(d.header().Distribution) == 0 {
		d.missingHeader("noi_nhan", "nơi nhận")
	}
	return d.header().Distribution
}

// chiTieu returns the view of one indicator, recording a problem for an unknown code.
func (d *Report) chiTieu(code string) *ChiTieu {
	if v, ok := d.views[code]; ok {
		return v
	}
	f := d.r.Figure(code)
	if f == nil {
		d.problems.Add(d.r.Catalogue.UnknownCode(code))
	}
	v := &ChiTieu{f: f, d: d, code: code}
	d.views[code] = v
	return v
}

func (d *Report) filter(keep func(f *compute.Figure) bool) []*ChiTieu {
	var out []*ChiTieu
	for _, f := range d.r.Figures {
		if keep(f) {
			out = append(out, d.chiTieu(f.Indicator.Code))
		}
	}
	return out
}

// XepHang lists the rankings entered this year, in catalogue order.
func (d *Report) XepHang() []*ChiTieu {
	return d.filter(func(f *compute.Figure) bool { return f.Ranking != nil })
}

// ChuaDatKeHoach lists the indicators below their plan.
func (d *Report) ChuaDatKeHoach() []*ChiTieu {
	return d.filter(func(f *compute.Figure) bool {
		met, ok := f.PlanMet()
		return ok && !met
	})
}

// GiamSoVoiCungKy lists the indicators whose change from last year is bad news.
func (d *Report) GiamSoVoiCungKy() []*ChiTieu {
	return d.filter(func(f *compute.Figure) bool {
		improved, ok := f.Improved()
		return ok && !improved && f.Growth() != nil
	})
}

// ChuaDatMucTieu lists the indicators whose target is not met.
func (d *Report) ChuaDatMucTieu() []*ChiTieu {
	return d.filter(func(f *compute.Figure) bool {
		met, ok := f.TargetMet()
		return ok && !met
	})
}

// Muc is one heading of a narrative part with its items.
type Muc struct {
	So  int
	Ten string
	Y   []string
}

// Muc groups a narrative part's items by heading, headings in the order they
// first appear: a row added at the bottom of the sheet joins its heading.
func (d *Report) Muc(part string) []Muc {
	d.checkPart(part)
	var out []Muc
	at := map[string]int{}
	for _, it := range d.r.Year.Narrative {
		if it.Part != part {
			continue
		}
		if it.Heading == "" {
			d.problems.Add(fmt.Sprintf("ý «%s» của phần %s chưa có mục (muc): điền mục tại %s", shorten(it.Text), part, it.Pos))
		}
		i, ok := at[it.Heading]
		if !ok {
			i = len(out)
			at[it.Heading] = i
			out = append(out, Muc{So: i + 1, Ten: it.Heading})
		}
		out[i].Y = append(out[i].Y, it.Text)
	}
	if len(out) == 0 && !slices.Contains(d.emptyParts, part) {
		d.emptyParts = append(d.emptyParts, part)
	}
	return out
}

// shorten keeps a quoted text short in a message.
func shorten(s string) string {
	if r := []rune(s); len(r) > 50 {
		return string(r[:50]) + "…"
	}
	return s
}

// Y lists every item of a narrative part.
func (d *Report) Y(part string) []string {
	d.checkPart(part)
	var out []string
	for _, it := range d.r.Year.Narrative {
		if it.Part == part {
			out = append(out, it.Text)
		}
	}
	return out
}

func (d *Report) checkPart(part string) {
	for _, p := range model.NarrativeParts {
		if p == part {
			return
		}
	}
	d.problems.Add(fmt.Sprintf("không có phần nội dung «%s»; các phần: %s", part, strings.Join(model.NarrativeParts, ", ")))
}

// ChiTieu is one indicator as a template sees it.
type ChiTieu struct {
	f    *compute.Figure // nil for an unknown code (already reported)
	d    *Report
	code string
}

func (c *ChiTieu) ind() *model.Indicator {
	if c.f == nil {
		return &model.Indicator{Code: c.code}
	}
	return c.f.Indicator
}

func (c *ChiTieu) Ma() string     { return c.code }
func (c *ChiTieu) Ten() string    { return c.ind().Name }
func (c *ChiTieu) DonVi() string  { return c.ind().Unit }
func (c *ChiTieu) GhiChu() string { return c.entryNote() }
func (c *ChiTieu) Uoc() bool      { return c.f != nil && c.f.Estimate }

func (c *ChiTieu) entryNote() string {
	if c.f == nil || c.f.Entry == nil {
		return ""
	}
	return c.f.Entry.Note
}

// value returns the value, recording a problem when it is missing.
func (c *ChiTieu) value() (decimal.Decimal, bool) {
	if c.f == nil {
		return decimal.Zero, false
	}
	if c.f.Value == nil {
		c.d.problems.Add(c.f.Missing)
		return decimal.Zero, false
	}
	return compute.Round(c.f.Value, c.ind().Decimals), true
}

// GiaTri is the value at the catalogue's decimals: "1.150", "47,0".
func (c *ChiTieu) GiaTri() string {
	v, ok := c.value()
	if !ok {
		return "…"
	}
	return vnformat.Number(v, c.ind().Decimals)
}

// GiaTriDonVi is the value with its unit: "130 tỷ đồng", "47,0%"; for a ranking, "thứ 14/63".
func (c *ChiTieu) GiaTriDonVi() string {
	if c.ind().Kind == model.Rank {
		return "thứ " + c.ThuHang()
	}
	return withUnit(c.GiaTri(), c.ind().Unit)
}

func withUnit(value, unit string) string {
	switch unit {
	case "":
		return value
	case "%":
		return value + "%"
	}
	return value + " " + unit
}

// HaiChuSo writes a small count with a leading zero: "03".
func (c *ChiTieu) HaiChuSo() string {
	v, ok := c.value()
	if !ok {
		return "…"
	}
	if !v.IsInteger() {
		return vnformat.Number(v, c.ind().Decimals)
	}
	return vnformat.LeadingZero(v.IntPart())
}

// BangChu reads the value in words.
func (c *ChiTieu) BangChu() string {
	v, ok := c.value()
	if !ok {
		return "…"
	}
	return vnformat.Words(v)
}

// TienBangChu reads an amount of money in words: "Hai mươi ba triệu đồng".
func (c *ChiTieu) TienBangChu() string {
	v, ok := c.value()
	if !ok {
		return "…"
	}
	return vnformat.MoneyWords(moneyInDong(v, c.ind().Unit))
}

// moneyInDong converts "tỷ đồng", "triệu đồng" and "nghìn đồng" amounts, so that
// 130 tỷ đồng reads "Một trăm ba mươi tỷ đồng".
func moneyInDong(v decimal.Decimal, unit string) (decimal.Decimal, string) {
	for _, s := range []struct {
		unit string
		exp  int32
	}{{"tỷ đồng", 9}, {"triệu đồng", 6}, {"nghìn đồng", 3}} {
		if unit == s.unit {
			return v.Shift(s.exp), "đồng"
		}
	}
	return v, unit
}

func (c *ChiTieu) UocDat() string {
	if c.Uoc() {
		return "ước đạt"
	}
	return "đạt"
}

func (c *ChiTieu) UocThucHien() string {
	if c.Uoc() {
		return "ước thực hiện"
	}
	return "thực hiện"
}

// CoSoSanh reports whether last year's value exists and is not zero.
func (c *ChiTieu) CoSoSanh() bool { return c.f != nil && c.f.Growth() != nil }

// TangGiam words the change from last year at the default precision.
func (c *ChiTieu) TangGiam() string { return c.tangGiam(PercentDecimals) }

func (c *ChiTieu) tangGiam(decimals int) string {
	if c.f == nil {
		return "…"
	}
	switch c.ind().Kind {
	case model.Rate:
		if ch := c.f.Change(); ch != nil {
			return vnformat.PointChange(compute.Round(ch, decimals), decimals)
		}
	case model.Rank:
		if ch := c.f.Change(); ch != nil {
			return rankChange(ch)
		}
	default:
		if g := c.f.Growth(); g != nil {
			return vnformat.Change(compute.Round(g, decimals), decimals)
		}
	}
	return c.noComparison()
}

// rankChange words a change of place: a smaller place is a rise.
func rankChange(ch *big.Rat) string {
	return vnformat.PlaceChange(-new(big.Int).Quo(ch.Num(), ch.Denom()).Int64())
}

// noComparison words why there is no change to state; a missing value of the
// report year itself is a problem, not a "no comparison".
func (c *ChiTieu) noComparison() string {
	if c.f.Value == nil {
		c.d.problems.Add(c.f.Missing)
		return "…"
	}
	if c.f.Previous != nil && c.f.Previous.Sign() == 0 {
		return fmt.Sprintf("không so sánh được do số liệu năm %d bằng 0", c.f.PreviousYear)
	}
	return fmt.Sprintf("chưa có số liệu năm %d để so sánh", c.f.PreviousYear)
}

// SoVoiCungKy: "tăng 8,3% so với cùng kỳ năm 2020".
func (c *ChiTieu) SoVoiCungKy() string { return c.soVoiCungKy(PercentDecimals) }

func (c *ChiTieu) soVoiCungKy(decimals int) string {
	if c.f == nil {
		return "…"
	}
	if c.ind().Kind == model.Rank || c.ind().Kind == model.Rate {
		if c.f.Change() == nil {
			return c.noComparison()
		}
	} else if c.f.Growth() == nil {
		return c.noComparison()
	}
	if c.ind().Kind == model.Rank {
		return fmt.Sprintf("%s so với năm %d", c.tangGiam(decimals), c.f.PreviousYear)
	}
	return fmt.Sprintf("%s so với cùng kỳ năm %d", c.tangGiam(decimals), c.f.PreviousYear)
}

// ChenhLech words the absolute change with its unit: "giảm 2.000 thuê bao".
func (c *ChiTieu) ChenhLech() string {
	if c.f == nil {
		return "…"
	}
	ch := c.f.Change()
	if ch == nil {
		return c.noComparison()
	}
	if c.ind().Kind == model.Rank {
		return rankChange(ch)
	}
	return vnformat.AmountChange(compute.Round(ch, c.ind().Decimals), c.ind().Decimals, c.ind().Unit)
}

// GiaTriNamTruoc is last year's value.
func (c *ChiTieu) GiaTriNamTruoc() string {
	if c.f == nil {
		return "…"
	}
	if c.f.Previous == nil {
		c.d.problems.Add(fmt.Sprintf("chỉ tiêu %s: %s", c.code, c.f.PreviousMissing))
		return "…"
	}
	return vnformat.Number(compute.Round(c.f.Previous, c.ind().Decimals), c.ind().Decimals)
}

func (c *ChiTieu) CoKeHoach() bool { return c.f != nil && c.f.Plan != nil }

func (c *ChiTieu) plan() bool {
	if c.f == nil {
		return false
	}
	if c.f.Plan == nil {
		c.d.problems.Add(fmt.Sprintf("chỉ tiêu %s chưa có kế hoạch năm %d (ke_hoach)", c.code, c.d.Nam()))
		return false
	}
	return true
}

// KeHoach is the plan value.
func (c *ChiTieu) KeHoach() string {
	if !c.plan() {
		return "…"
	}
	return vnformat.Number(compute.Round(c.f.Plan, c.ind().Decimals), c.ind().Decimals)
}

// DatKeHoach: "đạt 118,2% Kế hoạch năm 2021".
func (c *ChiTieu) DatKeHoach() string { return c.datKeHoach(PercentDecimals) }

func (c *ChiTieu) datKeHoach(decimals int) string {
	if !c.plan() {
		return "…"
	}
	a := c.f.Attainment()
	if a == nil {
		return fmt.Sprintf("không tính được tỷ lệ so với Kế hoạch năm %d do kế hoạch bằng 0", c.d.Nam())
	}
	return fmt.Sprintf("đạt %s Kế hoạch năm %d", vnformat.PercentTrim(compute.Round(a, decimals), decimals), c.d.Nam())
}

// VuotKeHoach: "vượt 18,2% Kế hoạch năm 2021", or DatKeHoach when not above plan.
func (c *ChiTieu) VuotKeHoach() string {
	if !c.plan() {
		return "…"
	}
	a := c.f.Attainment()
	if a == nil {
		return c.DatKeHoach()
	}
	over := compute.Round(new(big.Rat).Sub(a, big.NewRat(100, 1)), PercentDecimals)
	if over.Sign() <= 0 {
		return c.DatKeHoach()
	}
	return fmt.Sprintf("vượt %s Kế hoạch năm %d", vnformat.PercentTrim(over, PercentDecimals), c.d.Nam())
}

func (c *ChiTieu) target() *model.Target {
	if c.f == nil {
		return nil
	}
	t := c.ind().Target
	if t == nil {
		c.d.problems.Add(fmt.Sprintf("chỉ tiêu %s không có mục tiêu (muc_tieu) trong danh mục", c.code))
	}
	return t
}

// MucTieu words the target: "trên 50%".
func (c *ChiTieu) MucTieu() string {
	t := c.target()
	if t == nil {
		return "…"
	}
	v := withUnit(vnformat.NumberTrim(t.Value, 6), c.ind().Unit)
	if w := t.Words(); w != "" {
		return w + " " + v
	}
	return v
}

// DatMucTieu reports whether the target is met.
func (c *ChiTieu) DatMucTieu() bool {
	if c.target() == nil {
		return false
	}
	if c.f.Value == nil {
		c.d.problems.Add(c.f.Missing)
		return false
	}
	met, _ := c.f.TargetMet()
	return met
}

// KetQuaMucTieu: "đạt mục tiêu trên 50%" or "chưa đạt mục tiêu trên 50%".
func (c *ChiTieu) KetQuaMucTieu() string {
	if c.DatMucTieu() {
		return "đạt mục tiêu " + c.MucTieu()
	}
	return "chưa đạt mục tiêu " + c.MucTieu()
}

// ThuHang: "11/63".
func (c *ChiTieu) ThuHang() string {
	if c.f == nil {
		return "…"
	}
	if c.f.Ranking == nil {
		c.d.problems.Add(c.f.Missing)
		return "…"
	}
	return fmt.Sprintf("%d/%d", c.f.Ranking.Rank, c.f.Ranking.Of)
}
