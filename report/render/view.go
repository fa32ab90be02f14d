// Package render turns a computed report into the data and functions that the
// .docx template's tags read, and renders the template. Every value a tag asks
// for is worded here in Vietnamese, from exact values rounded once at the
// precision shown; the wording of a change by kind is vnformat's. A sentence
// guarded by co_so_lieu is left out when its figures are missing (Omitted lists
// them); a missing value printed without a guard is recorded as a problem at
// the tag's place, naming the input's place, rather than printed empty.
package render

import (
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxtpl"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// PercentDecimals is the precision of percentages in wording ("tăng 8,3%").
const PercentDecimals = vnformat.PercentDecimals

// Report is the root `.` of a template.
type Report struct {
	r        *compute.Report
	problems *docxtpl.Problems
	views    map[string]*ChiTieu
	// emptyParts are the sectioned narrative parts the template asked for that
	// have no item: their headings would stand empty in the report.
	emptyParts []string
	// omitted are the indicators whose sentence a guard (co_so_lieu,
	// .CoSoLieu) left out for want of a value, in order of first omission.
	omitted []string
	// namesPeriod records that a field naming the period was asked for.
	namesPeriod bool
	// undated records that the date was printed with blanks for want of one.
	undated bool
	// checking words a missing value as a template without a guard (Check).
	checking bool
	table    *tableView // the appendix, built on first use (table.go)
}

func newReport(r *compute.Report, problems *docxtpl.Problems) *Report {
	return &Report{r: r, problems: problems, views: map[string]*ChiTieu{}}
}

func (d *Report) header() *model.Header { return &d.r.Current.Header }

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
	where := d.r.Current.Source
	if p, ok := d.header().FieldPos[key]; ok {
		where = p.String()
	}
	d.problems.Add(fmt.Sprintf("thiếu %s (%s): điền vào %s", what, key, where))
}

func (d *Report) period() model.Period { return d.r.Current.Period }

// Nam is the year of the period; NamTruoc the year it is compared with; NamSau the year after.
func (d *Report) Nam() int      { return d.period().Year }
func (d *Report) NamTruoc() int { return d.period().SamePeriodLastYear().Year }
func (d *Report) NamSau() int   { return d.period().NextYear().Year }

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

// Ngay is the date per Decree 30: "ngày 05 tháng 01 năm 2022". A draft not
// dated yet leaves the day and month for the signer, in the year of its
// period (vnformat.UndatedDate), and is recorded as undated: a warning, not
// a fault, as the workbook promises.
func (d *Report) Ngay() string {
	if d.header().Date.IsZero() {
		d.undated = true
		return vnformat.UndatedDate(d.Nam())
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

// ChuaDatKeHoach lists the indicators below their plan; for a period shorter
// than a year, those whose figures already settle that the year's plan is
// missed (compute.Figure.PlanOutcome).
func (d *Report) ChuaDatKeHoach() []*ChiTieu {
	return d.filter(func(f *compute.Figure) bool {
		met, ok := f.PlanOutcome()
		return ok && !met
	})
}

// XepHangNoiBat lists the rankings entered this year that did not fall: a
// ranking that fell is no highlight.
func (d *Report) XepHangNoiBat() []*ChiTieu {
	return d.filter(func(f *compute.Figure) bool {
		improved, ok := f.Improved()
		return f.Ranking != nil && (!ok || improved)
	})
}

// GiamSoVoiCungKy lists the indicators whose change from last year is bad news
// as the report words it: a fall where higher is better, a rise where lower is
// better, never a neutral indicator nor a change that reads "tương đương".
func (d *Report) GiamSoVoiCungKy() []*ChiTieu {
	return d.filter(func(f *compute.Figure) bool {
		improved, ok := f.Improved()
		return ok && !improved && d.chiTieu(f.Indicator.Code).changeShown()
	})
}

// verdicts counts the indicators judged against a plan or a target: met (every
// plan and target met), judged (with a value), unknown (a plan or target but
// no value) and open (before the year's end, a plan the figures do not settle
// yet, and no target missed).
func (d *Report) verdicts() (met, judged, unknown, open int) {
	for _, f := range d.r.Figures {
		if f.Plan == nil && f.Indicator.Target == nil {
			continue
		}
		if f.Value == nil {
			unknown++
			continue
		}
		planMet, settled := f.PlanOutcome()
		targetMet, hasTarget := f.TargetMet()
		if f.Plan != nil && !settled && (!hasTarget || targetMet) {
			open++
			continue
		}
		judged++
		if (f.Plan == nil || planMet) && (!hasTarget || targetMet) {
			met++
		}
	}
	return met, judged, unknown, open
}

// CoDanhGia reports whether any indicator with a plan or a target has a value.
func (d *Report) CoDanhGia() bool {
	_, judged, _, _ := d.verdicts()
	return judged > 0
}

// DeuDat reports whether every indicator with a plan or a target has a value
// and meets them all: only then may a report say "đều đạt".
func (d *Report) DeuDat() bool {
	met, judged, unknown, open := d.verdicts()
	return judged > 0 && met == judged && unknown == 0 && open == 0
}

// DanhGiaChung words how the indicators with a plan or a target fared, as
// the data says: "đều đạt và vượt chỉ tiêu, kế hoạch đề ra" only when DeuDat;
// otherwise "cơ bản đạt …" (at least half met), "chưa đạt phần lớn …" or, with
// none met, "chưa đạt các …", with the count.
func (d *Report) DanhGiaChung() string {
	met, judged, unknown, open := d.verdicts()
	switch {
	case judged == 0:
		d.problems.Add("chưa có chỉ tiêu nào có kế hoạch hoặc mục tiêu và có số liệu để đánh giá chung; đặt câu này trong {{ if .CoDanhGia }}…{{ end }}")
		return "…"
	case met == judged && unknown == 0 && open == 0:
		return "đều đạt và vượt chỉ tiêu, kế hoạch đề ra"
	}
	count := fmt.Sprintf("%d/%d chỉ tiêu đạt", met, judged)
	if unknown > 0 {
		count += fmt.Sprintf("; %d chỉ tiêu chưa có số liệu", unknown)
	}
	if open > 0 {
		count += fmt.Sprintf("; %d chỉ tiêu đang thực hiện kế hoạch %s", open, d.period().TheYear().Name())
	}
	switch {
	case met*2 >= judged:
		return "cơ bản đạt chỉ tiêu, kế hoạch đề ra (" + count + ")"
	case met == 0: // "phần lớn" would say some were met
		return "chưa đạt các chỉ tiêu, kế hoạch đề ra (" + count + ")"
	}
	return "chưa đạt phần lớn chỉ tiêu, kế hoạch đề ra (" + count + ")"
}

// DatMoiMucTieu reports whether every indicator of the group with a target has
// a value and meets it (and there is at least one): only then may a report
// say "hoàn thành 100% các chỉ tiêu".
func (d *Report) DatMoiMucTieu(group string) bool {
	n := 0
	for _, f := range d.r.Figures {
		if f.Indicator.Group != group || f.Indicator.Target == nil {
			continue
		}
		if met, ok := f.TargetMet(); !ok || !met {
			return false
		}
		n++
	}
	if n == 0 && !slices.ContainsFunc(d.r.Catalogue.Groups, func(g model.Group) bool { return g.Code == group }) {
		d.problems.Add(fmt.Sprintf("không có nhóm chỉ tiêu «%s» trong danh mục", group))
	}
	return n > 0
}

// coSoLieu reports whether every indicator named has a value; each one without
// is recorded as omitted (a warning where its value belongs).
func (d *Report) coSoLieu(codes []string) bool {
	all := true
	for _, code := range codes {
		c := d.chiTieu(code)
		if c.f == nil {
			all = false
			continue
		}
		if c.f.Value == nil {
			all = false
			if !slices.Contains(d.omitted, code) {
				d.omitted = append(d.omitted, code)
			}
		}
	}
	return all
}

// missingValue records a value printed without a guard that the input lacks:
// at the template's paragraph (Problems locates it) and at the input's place.
func (d *Report) missingValue(f *compute.Figure) {
	if d.checking {
		d.problems.Add(fmt.Sprintf("thẻ in số liệu của chỉ tiêu %[1]s mà không đặt trong {{ if co_so_lieu \"%[1]s\" }}…{{ end }}: khi chỉ tiêu này chưa có số liệu, báo cáo sẽ không lập được (hoặc đánh dấu chỉ tiêu bat_buoc trong danh mục)",
			f.Indicator.Code))
		return
	}
	d.problems.Add(fmt.Sprintf("%s (điền tại %s); nếu chưa có số liệu, đặt câu này trong {{ if co_so_lieu \"%s\" }}…{{ end }} để bỏ câu",
		f.Missing, d.r.InputPlace(f.Indicator.Code), f.Indicator.Code))
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
// Items without a heading (the workbook lets «Mục» be blank) come first, as
// one group with So 0 and no Ten; the headed groups are numbered from 1.
func (d *Report) Muc(part string) []Muc {
	d.checkPart(part)
	var out []Muc
	at := map[string]int{}
	headed := 0
	for _, it := range d.r.Current.Narrative {
		if it.Part != part {
			continue
		}
		i, ok := at[it.Heading]
		if !ok {
			i = len(out)
			at[it.Heading] = i
			m := Muc{Ten: it.Heading}
			if it.Heading != "" {
				headed++
				m.So = headed
			}
			out = append(out, m)
		}
		out[i].Y = append(out[i].Y, it.Text)
	}
	if i, ok := at[""]; ok && i > 0 {
		headless := out[i]
		out = slices.Insert(slices.Delete(out, i, i+1), 0, headless)
	}
	if len(out) == 0 && !slices.Contains(d.emptyParts, part) {
		d.emptyParts = append(d.emptyParts, part)
	}
	return out
}

// Y lists every item of a narrative part.
func (d *Report) Y(part string) []string {
	d.checkPart(part)
	var out []string
	for _, it := range d.r.Current.Narrative {
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

	// The figure's change and attainment, worked out once however many tags word them.
	delta, attainment         *big.Rat
	deltaDone, attainmentDone bool
	shown                     int // decimals(), plus one; 0 until worked out
}

// compared reports whether the figure has a change from last year, without working it out.
func (c *ChiTieu) compared() bool { return c.f != nil && c.f.HasChange() }

// change is the figure's change from last year (compute.Figure.Change), or nil.
func (c *ChiTieu) change() *big.Rat {
	if !c.deltaDone {
		c.delta, c.deltaDone = c.f.Change(), true
	}
	return c.delta
}

// attained is the figure's plan attainment (compute.Figure.Attainment), or nil.
func (c *ChiTieu) attained() *big.Rat {
	if !c.attainmentDone {
		c.attainment, c.attainmentDone = c.f.Attainment(), true
	}
	return c.attainment
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

// ChuThichSoLieu is what a sentence stating the figure as a fact must add of
// it, in brackets: the note entered with it, and that it is an estimate ("số
// liệu 10 tháng đầu năm", "số liệu ước tính", "số liệu 10 tháng đầu năm, ước
// tính"); "" when there is nothing to add.
func (c *ChiTieu) ChuThichSoLieu() string {
	note := c.GhiChu()
	switch {
	case !c.Uoc():
		return note
	case note == "":
		return "số liệu ước tính"
	}
	return note + ", ước tính"
}
func (c *ChiTieu) Uoc() bool { return c.f != nil && c.f.Estimate }

func (c *ChiTieu) entryNote() string {
	if c.f == nil || c.f.Entry == nil {
		return ""
	}
	return c.f.Entry.Note
}

// CoSoLieu reports whether the indicator has a value this year; without one
// it is recorded as omitted, so that a guarded sentence is left out with a
// warning instead of stopping the report.
func (c *ChiTieu) CoSoLieu() bool { return c.d.coSoLieu([]string{c.code}) }

// exact returns the exact value, recording a problem when it is missing.
func (c *ChiTieu) exact() (*big.Rat, bool) {
	if c.f == nil {
		return new(big.Rat), false
	}
	if c.f.Value == nil {
		c.d.missingValue(c.f)
		return new(big.Rat), false
	}
	return c.f.Value, true
}

// decimals is the precision the values (this year's, last year's, the plan)
// and their difference are shown at: the catalogue's, or more where rounding
// would make a value look as if it met its target or plan when it does not
// (79,967 against "≥ 80" shows as 79,97, not 80,0), or the two years' values
// contradict the change stated (compute.ShownDecimals).
func (c *ChiTieu) decimals() int {
	if c.f == nil {
		return c.ind().Decimals
	}
	if c.shown == 0 {
		c.shown = c.f.ValueDecimals() + 1
	}
	return c.shown - 1
}

// GiaTri is the value, rounded once at the precision shown: "1.150", "47,0".
func (c *ChiTieu) GiaTri() string {
	v, ok := c.exact()
	if !ok {
		return "…"
	}
	return formatRat(v, c.decimals())
}

// GiaTriSo is the exact value as a number, for comparisons and arithmetic:
// {{ if gt (chi_tieu "X").GiaTriSo 2000 }}.
func (c *ChiTieu) GiaTriSo() Number {
	v, _ := c.exact()
	return Number{r: v, decimals: c.decimals()}
}

// BangKhong reports whether the value is zero, for wording a zero count
// naturally: "không có đơn thư tố cáo", never "có 0 đơn thư".
func (c *ChiTieu) BangKhong() bool {
	v, ok := c.exact()
	return ok && v.Sign() == 0
}

// GiaTriDonVi is the value with its unit: "130 tỷ đồng", "47,0%"; for a ranking, "thứ 14/63".
func (c *ChiTieu) GiaTriDonVi() string {
	if c.ind().Kind == model.Rank {
		return "thứ " + c.ThuHang()
	}
	if c.isCount() {
		return withUnit(c.HaiChuSo(), c.ind().Unit)
	}
	return withUnit(c.GiaTri(), c.ind().Unit)
}

// isCount reports whether the indicator counts things ("cuộc", "cơ sở", "vụ"):
// a quantity shown without decimals whose unit is neither money nor a scale
// ("triệu bản"). A report writes a small count one way everywhere, with a
// leading zero ("04 cuộc"), in the lists as in the sentences that use HaiChuSo.
func (c *ChiTieu) isCount() bool {
	ind := c.ind()
	unit := strings.ToLower(ind.Unit)
	first, _, _ := strings.Cut(unit, " ")
	return (ind.Kind == model.Quantity || ind.Kind == "") && ind.Decimals == 0 && unit != "" && unit != "%" &&
		!strings.Contains(unit, "đồng") && !slices.Contains([]string{"nghìn", "ngàn", "triệu", "tỷ"}, first)
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
	v, ok := c.exact()
	if !ok {
		return "…"
	}
	return leadingZero(v, c.decimals())
}

// leadingZero writes an integer 1–9 with a leading zero, any other value as
// Number does at decimals.
func leadingZero(v *big.Rat, decimals int) string {
	if !v.IsInt() || !v.Num().IsInt64() {
		return formatRat(v, decimals)
	}
	return vnformat.LeadingZero(v.Num().Int64())
}

// BangChu reads the value in words.
func (c *ChiTieu) BangChu() string {
	v, ok := c.exact()
	if !ok {
		return "…"
	}
	return vnformat.Words(wordsValue(v, c.decimals()))
}

// TienBangChu reads an amount of money in words: "Hai mươi ba triệu đồng".
func (c *ChiTieu) TienBangChu() string {
	v, ok := c.exact()
	if !ok {
		return "…"
	}
	return vnformat.MoneyWords(moneyInDong(wordsValue(v, c.decimals()), c.ind().Unit))
}

// wordsValue is the value read in words: exact when it has a short decimal
// form, else the figure shown.
func wordsValue(v *big.Rat, decimals int) decimal.Decimal {
	if d, ok := compute.Exact(v, 6); ok {
		return d
	}
	return compute.Round(v, decimals)
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

// UocDat is the verb before the value: "đạt" where more is better, "là"
// where a value is nothing to reach (fewer is better, or neither): "Tổ
// chức bị xử phạt vi phạm hành chính là 25 tổ chức", not "đạt 25 tổ chức".
func (c *ChiTieu) UocDat() string {
	verb := "đạt"
	if ind := c.ind(); ind.LowerIsBetter || ind.Neutral {
		verb = "là"
	}
	if c.Uoc() {
		return "ước " + verb
	}
	return verb
}

func (c *ChiTieu) UocThucHien() string {
	if c.Uoc() {
		return "ước thực hiện"
	}
	return "thực hiện"
}

// CoSoSanh reports whether the change from last year can be stated: both
// values exist and, for a quantity, last year's is not zero.
func (c *ChiTieu) CoSoSanh() bool {
	if !c.compared() {
		return false
	}
	return c.ind().Kind != model.Quantity || c.f.Previous.Sign() != 0
}

// TangGiam words the change from last year at the default precision: a
// growth at PercentDecimals, a rate's points at the decimals its values are
// shown at.
func (c *ChiTieu) TangGiam() string { return c.tangGiam(c.changeDecimals()) }

// changeDecimals is the default precision of the change from last year (vnformat.ChangeDecimals).
func (c *ChiTieu) changeDecimals() int {
	return vnformat.ChangeDecimals(c.ind().Kind.Measure(), c.decimals())
}

// tangGiam words the change by the indicator's kind (vnformat.IndicatorChange).
func (c *ChiTieu) tangGiam(decimals int) string {
	if c.f == nil {
		return "…"
	}
	if c.compared() {
		if words, _, ok := vnformat.IndicatorChange(c.ind().Kind.Measure(), c.change(), c.f.Growth(), decimals); ok {
			return words
		}
	}
	return c.noComparison()
}

// changeShown reports whether the change from last year reads as a rise or a
// fall, not "tương đương", both as TangGiam and as ChenhLech word it.
func (c *ChiTieu) changeShown() bool {
	if c.f == nil || c.change() == nil {
		return false
	}
	ind := c.ind()
	_, deltaSign := vnformat.IndicatorDelta(ind.Kind.Measure(), c.change(), c.decimals(), ind.Unit)
	if deltaSign == 0 {
		return false
	}
	_, sign, ok := vnformat.IndicatorChange(ind.Kind.Measure(), c.change(), c.f.Growth(), c.changeDecimals())
	return !ok || sign != 0
}

// noComparison words why there is no change to state; a missing value of the
// report year itself is a problem, not a "no comparison".
func (c *ChiTieu) noComparison() string {
	if c.f.Value == nil {
		c.d.missingValue(c.f)
		return "…"
	}
	compared := c.f.Compared().Name()
	if c.f.Previous != nil && c.f.Previous.Sign() == 0 {
		return "không so sánh được do số liệu " + compared + " bằng 0"
	}
	if div := c.f.PreviousZeroDivisor; div != "" {
		// Last year's figures are there: it is their formula that fails.
		why := "phép chia cho 0"
		if ind, ok := c.d.r.Catalogue.Lookup(div); ok && ind.Name != "" {
			why = ind.Name + " " + compared + " bằng 0"
		}
		return "không so sánh được do số liệu " + compared + " không tính được (" + why + ")"
	}
	return "chưa có số liệu " + compared + " để so sánh"
}

// SoVoiCungKy: "tăng 8,3% so với cùng kỳ năm 2020".
func (c *ChiTieu) SoVoiCungKy() string { return c.soVoiCungKy(c.changeDecimals()) }

func (c *ChiTieu) soVoiCungKy(decimals int) string {
	if c.f == nil {
		return "…"
	}
	if !c.CoSoSanh() {
		return c.noComparison()
	}
	if c.ind().Kind == model.Rank {
		return c.tangGiam(decimals) + " so với " + c.f.Compared().Name()
	}
	return c.tangGiam(decimals) + " so với cùng kỳ năm " + strconv.Itoa(c.f.Compared().Year)
}

// ChenhLech words the absolute change: "giảm 2.000 thuê bao", for a rate
// "tăng 2,5 điểm phần trăm", for a ranking "tăng 2 bậc".
func (c *ChiTieu) ChenhLech() string {
	if c.f == nil {
		return "…"
	}
	ch := c.change()
	if ch == nil {
		return c.noComparison()
	}
	if c.isCount() && ch.IsInt() && ch.Num().IsInt64() { // "tăng 05 tổ chức", as the count reads "09 tổ chức"
		return vnformat.CountChange(ch.Num().Int64(), c.ind().Unit)
	}
	words, _ := vnformat.IndicatorDelta(c.ind().Kind.Measure(), ch, c.decimals(), c.ind().Unit)
	return words
}

func (c *ChiTieu) previous() (*big.Rat, bool) {
	if c.f == nil {
		return new(big.Rat), false
	}
	if c.f.Previous == nil {
		c.d.problems.Add(fmt.Sprintf("chỉ tiêu %s: %s", c.code, c.f.PreviousMissing))
		return new(big.Rat), false
	}
	return c.f.Previous, true
}

// GiaTriNamTruoc is last year's value.
func (c *ChiTieu) GiaTriNamTruoc() string {
	v, ok := c.previous()
	if !ok {
		return "…"
	}
	return formatRat(v, c.decimals())
}

// GiaTriNamTruocDonVi is last year's value with its unit, as GiaTriDonVi.
func (c *ChiTieu) GiaTriNamTruocDonVi() string {
	if c.ind().Kind == model.Rank {
		return "thứ " + c.GiaTriNamTruoc()
	}
	if v, ok := c.previous(); ok && c.isCount() {
		return withUnit(leadingZero(v, c.decimals()), c.ind().Unit) // "03 cuộc", as GiaTriDonVi
	}
	return withUnit(c.GiaTriNamTruoc(), c.ind().Unit)
}

// GiaTriNamTruocSo is last year's value as a number.
func (c *ChiTieu) GiaTriNamTruocSo() Number {
	v, _ := c.previous()
	return Number{r: v, decimals: c.decimals()}
}

func (c *ChiTieu) CoKeHoach() bool { return c.f != nil && c.f.Plan != nil }

func (c *ChiTieu) plan() bool {
	if c.f == nil {
		return false
	}
	if c.f.Plan == nil {
		year := " " + c.d.planYear()
		if c.d.checking { // the specimen's year is made up
			year = ""
		}
		c.d.problems.Add(fmt.Sprintf("chỉ tiêu %s chưa có kế hoạch%s (ke_hoach); đặt câu này trong {{ if .CoKeHoach }}…{{ end }}", c.code, year))
		return false
	}
	return true
}

// KeHoach is the plan value.
func (c *ChiTieu) KeHoach() string {
	if !c.plan() {
		return "…"
	}
	return formatRat(c.f.Plan, c.decimals())
}

// KeHoachSo is the plan value as a number.
func (c *ChiTieu) KeHoachSo() Number {
	if !c.plan() {
		return Number{r: new(big.Rat)}
	}
	return Number{r: c.f.Plan, decimals: c.decimals()}
}

// DaDatKeHoach reports whether the plan is met: reached, or for an indicator
// where lower is better, not exceeded.
func (c *ChiTieu) DaDatKeHoach() bool {
	if !c.plan() {
		return false
	}
	if c.f.Value == nil {
		c.d.missingValue(c.f)
		return false
	}
	met, _ := c.f.PlanMet()
	return met
}

// DatKeHoach: "đạt 118,2% Kế hoạch năm 2021"; where lower is better, "trong
// giới hạn Kế hoạch năm 2021 (không quá 25 vụ)" or "vượt 20% so với giới hạn …".
// The plan of a shorter period is the year's: "đạt 48,2% Kế hoạch năm 2022".
func (c *ChiTieu) DatKeHoach() string { return c.datKeHoach(PercentDecimals) }

func (c *ChiTieu) datKeHoach(decimals int) string {
	if !c.plan() {
		return "…"
	}
	if c.f.Value == nil {
		c.d.missingValue(c.f)
		return "…"
	}
	met, _ := c.f.PlanMet()
	return c.againstPlan(c.attained(), met, decimals)
}

// againstPlan words an attainment a of the plan, met or not as the exact
// figures say.
func (c *ChiTieu) againstPlan(a *big.Rat, met bool, decimals int) string {
	plan := "Kế hoạch " + c.d.planYear()
	if c.ind().LowerIsBetter {
		limit := "giới hạn " + plan + " (không quá " + withUnit(formatRat(c.f.Plan, c.decimals()), c.ind().Unit) + ")"
		switch {
		case met:
			return "trong " + limit
		case a == nil: // a ceiling of 0, exceeded: no percentage to state
			return "vượt " + limit
		}
		return "vượt " + c.overPlan(a, decimals) + " so với " + limit
	}
	if a == nil {
		return "không tính được tỷ lệ so với " + plan + " do kế hoạch bằng 0"
	}
	return "đạt " + vnformat.RatPercentTrim(a, compute.AttainmentDecimals(a, false, decimals)) + " " + plan
}

var hundred = big.NewRat(100, 1)

// overPlan words by how much attainment a exceeds 100%, never as "0%".
func (c *ChiTieu) overPlan(a *big.Rat, decimals int) string {
	over := new(big.Rat).Sub(a, hundred)
	d := compute.AgreeingDecimals(over, decimals, func(v *big.Rat) bool { return v.Sign() > 0 })
	return vnformat.RatPercentTrim(over, d)
}

// VuotKeHoach: "vượt 18,2% Kế hoạch năm 2021", or DatKeHoach when not above plan.
func (c *ChiTieu) VuotKeHoach() string {
	if !c.plan() || c.f.Value == nil {
		return c.DatKeHoach()
	}
	a := c.attained()
	if a == nil || c.ind().LowerIsBetter || compute.Cmp(a, hundred) <= 0 {
		return c.DatKeHoach()
	}
	return fmt.Sprintf("vượt %s Kế hoạch %s", c.overPlan(a, PercentDecimals), c.d.planYear())
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

// DatMucTieu reports whether the target is met, judged on the exact value.
func (c *ChiTieu) DatMucTieu() bool {
	if c.target() == nil {
		return false
	}
	if c.f.Value == nil {
		c.d.missingValue(c.f)
		return false
	}
	met, _ := c.f.TargetMet()
	return met
}

// KetQuaMucTieu: "đạt mục tiêu trên 50%" or "chưa đạt mục tiêu trên 50%".
func (c *ChiTieu) KetQuaMucTieu() string {
	met := c.DatMucTieu()
	// A ceiling is kept or passed, as a fewer-is-better plan is: "chưa đạt
	// mục tiêu tối đa 5%" would read as not yet reaching 5%.
	if t := c.target(); t != nil && t.Ceiling() {
		if met {
			return "trong giới hạn mục tiêu " + c.MucTieu()
		}
		return "vượt giới hạn mục tiêu " + c.MucTieu()
	}
	if met {
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
		c.d.missingValue(c.f)
		return "…"
	}
	return fmt.Sprintf("%d/%d", c.f.Ranking.Rank, c.f.Ranking.Of)
}

// formatRat writes an exact value rounded half-up once at decimals.
func formatRat(v *big.Rat, decimals int) string {
	return vnformat.RatNumber(v, decimals)
}
