package appendix_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/report/appendix"
	"github.com/baocao/baocao/report/appendix/appendixtest"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

func TestRoman(t *testing.T) {
	for n, want := range map[int]string{1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 9: "IX", 14: "XIV", 40: "XL", 90: "XC", 400: "CD", 1994: "MCMXCIV", 3999: "MMMCMXCIX", 0: "0", 4000: "4000"} {
		if got := appendix.Roman(n); got != want {
			t.Errorf("Roman(%d) = %q, want %q", n, got, want)
		}
	}
}

func sample(t *testing.T) *compute.Report {
	t.Helper()
	ws := input.Sample()
	cat, _, err := ws.Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	cur, _, err := ws.Figures(model.YearPeriod(2021), cat)
	if err != nil {
		t.Fatal(err)
	}
	prev, _, err := ws.Figures(model.YearPeriod(2020), cat)
	if err != nil {
		t.Fatal(err)
	}
	return compute.Compute(cat, cur, prev)
}

// cases are the sample and the other province, each with the groups it must
// show, worked out apart from package appendix.
func cases(t *testing.T) map[string]struct {
	rep  *compute.Report
	want []appendixtest.Group
} {
	rep := sample(t)
	p := appendixtest.NewProvince()
	return map[string]struct {
		rep  *compute.Report
		want []appendixtest.Group
	}{
		"sample":   {rep, appendixtest.Want(rep.Catalogue, appendixtest.FromReport(rep))},
		"province": {compute.Compute(p.Catalogue, p.Year, p.Prev), appendixtest.Want(p.Catalogue, p.Figures)},
	}
}

func TestBuild(t *testing.T) {
	for name, c := range cases(t) {
		t.Run(name, func(t *testing.T) {
			tbl := appendix.Build(c.rep)
			if len(tbl.Groups) != len(c.want) {
				t.Fatalf("%d groups, want %d", len(tbl.Groups), len(c.want))
			}
			for i, g := range tbl.Groups {
				w := c.want[i]
				if g.Roman != w.Roman || g.Name != w.Name || g.No != i+1 || len(g.Rows) != len(w.Rows) {
					t.Errorf("group %d: %s %q with %d rows, want %s %q with %d", i+1, g.Roman, g.Name, len(g.Rows), w.Roman, w.Name, len(w.Rows))
					continue
				}
				for j, r := range g.Rows {
					wr := w.Rows[j]
					got := [9]string{strconv.Itoa(r.No), r.Name, r.Unit, r.Previous.Text, r.Plan.Text, r.Value.Text, r.VsPrevious.Text, r.VsPlan.Text, r.Note}
					if got != wr.Cells || r.Code != wr.Code {
						t.Errorf("%s\n got %q\nwant %q", wr.Code, got, wr.Cells)
					}
					for k, c := range []appendix.Cell{r.Previous, r.Plan, r.Value, r.VsPrevious, r.VsPlan} {
						want := wr.Numbers[k]
						switch {
						case want == nil && c.Kind != appendix.Empty && c.Kind != appendix.Place:
							t.Errorf("%s cell %d: number %s, want none", wr.Code, k, c.Number)
						case want != nil && !c.Number.Equal(*want):
							t.Errorf("%s cell %d: number %s, want %s", wr.Code, k, c.Number, want)
						}
					}
				}
			}
		})
	}
}

// TestProvinceByHand pins a few cells of the other province to the values
// worked out on paper, so that Want itself is checked.
func TestProvinceByHand(t *testing.T) {
	p := appendixtest.NewProvince()
	tbl := appendix.Build(compute.Compute(p.Catalogue, p.Year, p.Prev))
	rows := map[string]*appendix.Row{}
	for _, r := range tbl.Rows() {
		rows[r.Code] = r
	}
	if _, ok := rows["KHONG_SO"]; ok {
		t.Error("an indicator without a value this year is listed")
	}
	if _, ok := rows["XH_D"]; ok {
		t.Error("a ranking without a place this year is listed")
	}
	for _, c := range []struct{ code, cell, want string }{
		{"BTS", rows["BTS"].VsPrevious.Text, "102,8"},
		{"BTS", rows["BTS"].VsPlan.Text, "94,9"},
		{"CAP_QUANG", rows["CAP_QUANG"].Value.Text, "2.500,6"},
		{"CAP_QUANG", rows["CAP_QUANG"].VsPrevious.Text, ""},
		{"CAP_QUANG", rows["CAP_QUANG"].VsPlan.Text, ""},
		{"DIEM_WIFI", rows["DIEM_WIFI"].VsPrevious.Text, "100,1"},
		{"DIEM_WIFI", rows["DIEM_WIFI"].VsPlan.Text, "50,0"},
		{"HO_GD", rows["HO_GD"].Previous.Text, ""},
		{"TL_KY_SO", rows["TL_KY_SO"].Value.Text, "77,08"},
		// 37/48 × 100 = 77,083… against 66,666… last year: 10,416… points at
		// the rate's 2 decimals; against a plan of 80, 96,35…% as the prose says.
		{"TL_KY_SO", rows["TL_KY_SO"].VsPrevious.Text, "tăng 10,42 điểm phần trăm"},
		{"TL_KY_SO", rows["TL_KY_SO"].VsPlan.Text, "96,4"},
		// 50 → 50,04 at the catalogue's 1 decimal would be 50,0 → 50,0 beside a
		// rise: both shown at 2, the rise stated.
		{"TL_GIU", rows["TL_GIU"].Previous.Text + " → " + rows["TL_GIU"].Value.Text, "50,00 → 50,04"},
		{"TL_GIU", rows["TL_GIU"].VsPrevious.Text, "tăng 0,04 điểm phần trăm"},
		{"VI_PHAM", rows["VI_PHAM"].VsPrevious.Text, "60,0"},
		{"XH_A", rows["XH_A"].Previous.Text, "8/63"},
		{"XH_A", rows["XH_A"].Value.Text, "5/34"},
		{"XH_A", rows["XH_A"].VsPrevious.Text, "tăng 3 bậc"},
		{"XH_B", rows["XH_B"].VsPrevious.Text, "giảm 3 bậc"},
		{"XH_C", rows["XH_C"].VsPrevious.Text, ""},
	} {
		if c.cell != c.want {
			t.Errorf("%s: %q, want %q", c.code, c.cell, c.want)
		}
	}
	if !tbl.Estimate {
		t.Error("an estimate in the year, but the table says none")
	}
	names := []string{}
	for _, g := range tbl.Groups {
		names = append(names, g.Roman+". "+g.Name)
	}
	if got := strings.Join(names, "; "); got != "I. Hạ tầng số; II. Chính quyền số & chuyển đổi số; III. Xếp hạng; IV. Chỉ tiêu khác" {
		t.Errorf("groups %s", got)
	}
}

func TestBuildWithoutGroups(t *testing.T) {
	cat := model.NewCatalogue("c.yaml", nil, []*model.Indicator{{Code: "A", Name: "A", Kind: model.Quantity}})
	v := decimal.NewFromInt(3)
	year := &model.Figures{Period: model.YearPeriod(2022), Entries: []*model.Entry{{Code: "A", Actual: &v}}}
	tbl := appendix.Build(compute.Compute(cat, year, nil))
	if len(tbl.Groups) != 1 || tbl.Groups[0].Name != "Các chỉ tiêu" || tbl.Groups[0].Rows[0].Previous.Kind != appendix.Empty || tbl.Estimate {
		t.Errorf("%+v", tbl.Groups[0])
	}
	if tbl := appendix.Build(compute.Compute(cat, &model.Figures{Period: model.YearPeriod(2022)}, nil)); len(tbl.Groups) != 0 {
		t.Errorf("no figure, yet %d groups", len(tbl.Groups))
	}
}

func TestWriteXLSX(t *testing.T) {
	for name, c := range cases(t) {
		t.Run(name, func(t *testing.T) {
			tbl := appendix.Build(c.rep)
			var buf bytes.Buffer
			if err := appendix.WriteXLSX(&buf, tbl, appendix.Attachment(&c.rep.Current.Header)); err != nil {
				t.Fatal(err)
			}
			appendixtest.CheckXLSX(t, buf.Bytes(), c.rep.Current.Period.Year, tbl.Estimate, c.want)
		})
	}
}

func TestWorkbookInLibreOffice(t *testing.T) {
	for name, c := range cases(t) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := appendix.WriteXLSX(&buf, appendix.Build(c.rep), appendix.Attachment(&c.rep.Current.Header)); err != nil {
				t.Fatal(err)
			}
			appendixtest.CheckXLSXInLibreOffice(t, buf.Bytes(), c.want)
		})
	}
}

func TestAttachment(t *testing.T) {
	p := appendixtest.NewProvince()
	if got, want := appendix.Attachment(&p.Year.Header), "(Kèm theo Báo cáo số 07/BC-STTTT ngày 08 tháng 01 năm 2025)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got, want := appendix.Attachment(&model.Header{}), "(Kèm theo Báo cáo số …/BC-… ngày … tháng … năm …)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

func TestNumberFormat(t *testing.T) {
	for _, c := range []struct {
		cell appendix.Cell
		want string
	}{
		{appendix.Cell{Kind: appendix.Value}, "[$-42A]#,##0"},
		{appendix.Cell{Kind: appendix.Value, Decimals: 2}, "[$-42A]#,##0.00"},
		{appendix.Cell{Kind: appendix.Ratio, Decimals: 1}, "[$-42A]#,##0.0"},
		{appendix.Cell{Kind: appendix.Points, Decimals: 1}, `[$-42A]"tăng "#,##0.0" điểm phần trăm";"giảm "#,##0.0" điểm phần trăm";"tương đương"`},
		{appendix.Cell{Kind: appendix.Places}, `[$-42A]"tăng "0" bậc";"giảm "0" bậc";"giữ nguyên thứ hạng"`},
	} {
		if got := appendix.NumberFormat(c.cell); got != c.want {
			t.Errorf("%v: %s, want %s", c.cell.Kind, got, c.want)
		}
	}
}

// The workbook says who made it and when, as the report and the workbooks of
// init and diff do: never "baocao" as author nor excelize's 2006.
func TestWorkbookProperties(t *testing.T) {
	p := appendixtest.NewProvince()
	tbl := appendix.Build(compute.Compute(p.Catalogue, p.Year, p.Prev))
	tbl.Made = time.Date(2025, 1, 8, 9, 30, 0, 0, time.UTC)
	var buf bytes.Buffer
	if err := appendix.WriteXLSX(&buf, tbl, appendix.Attachment(&p.Year.Header)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Creator != "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" || !strings.HasPrefix(props.Created, "2025-01-08") || props.Language != "vi-VN" {
		t.Errorf("properties: %+v", props)
	}
}

// A value shown next to its target in the prose is the same figure in the
// appendix: 1473/1842 = 79,967% against "≥ 80" is 79,97, never 80,0.
func TestValueShownAsInTheProse(t *testing.T) {
	target, err := model.ParseTarget(">= 80")
	if err != nil {
		t.Fatal(err)
	}
	cat := model.NewCatalogue("chi-tieu.yaml", nil, []*model.Indicator{
		{Code: "DVC", Name: "Dịch vụ công", Unit: "dịch vụ", Kind: model.Quantity},
		{Code: "TONG", Name: "Thủ tục", Unit: "thủ tục", Kind: model.Quantity},
		{Code: "TL", Name: "Tỷ lệ dịch vụ công", Unit: "%", Kind: model.Rate, Decimals: 1, Formula: "DVC / TONG * 100", Target: target},
	})
	one := func(code, v string) *model.Entry {
		d := decimal.RequireFromString(v)
		return &model.Entry{Code: code, Actual: &d}
	}
	y := &model.Figures{Period: model.YearPeriod(2021), Entries: []*model.Entry{one("DVC", "1473"), one("TONG", "1842")}}
	rows := appendix.Build(compute.Compute(cat, y, nil)).Rows()
	if got := rows[len(rows)-1].Value.Text; got != "79,97" {
		t.Errorf("rate shown as %q, want 79,97", got)
	}
}
