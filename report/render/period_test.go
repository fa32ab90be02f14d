package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/model"
)

// sixMonthsReport is testReport's figures as the first six months of 2022,
// compared with those of 2021, DT with a whole-year estimate.
func sixMonthsReport() *compute.Report {
	rep := testReport()
	h1 := model.Period{Kind: model.SixMonths, Year: 2022}
	// New Figures: a copy would keep the index of the old entries.
	cur := &model.Figures{Period: h1, Source: "2022-6T.yaml", Header: rep.Current.Header, Rankings: rep.Current.Rankings}
	for _, e := range rep.Current.Entries {
		e := *e
		if e.Code == "DT" {
			e.Plan, e.YearEstimate = dec("260"), dec("270")
		}
		cur.Entries = append(cur.Entries, &e)
	}
	prev := &model.Figures{Period: h1.SamePeriodLastYear(), Source: "2021-6T.yaml", Entries: rep.Prev.Entries, Rankings: rep.Prev.Rankings}
	return compute.Compute(rep.Catalogue, cur, prev)
}

func TestSixMonthsFields(t *testing.T) {
	rep := sixMonthsReport()
	r, err := New(docxtest.Build(docxtest.Files{Body: docxtest.P(`{{ .Ky }}|{{ .KySau }}|{{ .CungKy }}|{{ with chi_tieu "DT" }}{{ .SoVoiCungKy }}|{{ .DatKeHoach }}|{{ .VuotKeHoach }}|{{ if .CoUocCaNam }}{{ .UocCaNam }}|{{ .UocCaNamSo }}|{{ .UocCaNamDatKeHoach }}{{ end }}{{ end }}|{{ with chi_tieu "MOI" }}{{ .CoUocCaNam }}{{ end }}`)}), rep.Catalogue)
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(rep)
	if err != nil {
		t.Fatal(err)
	}
	// 130 of 260 is 50%; 270 of 260 is 103,8%; 130 against 120 is a rise of 8,3%.
	want := "6 tháng đầu năm 2022|6 tháng cuối năm 2022|6 tháng đầu năm 2021|tăng 8,3% so với cùng kỳ năm 2021|đạt 50% Kế hoạch năm 2022|đạt 50% Kế hoạch năm 2022|270 tỷ đồng|270|ước cả năm đạt 103,8% Kế hoạch năm 2022|false"
	p, err := docxpkg.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(docxpkg.Paragraphs(p.Part("word/document.xml")), "\n"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// The chart says which periods it compares.
	r.cur = newReport(rep, nil)
	ch, ok := r.cur.chart("bieu_do", []string{"DT"})
	var names []string
	for _, s := range ch.Series {
		names = append(names, s.Name)
	}
	if !ok || ch.Title != "Kết quả 6 tháng đầu năm 2022 so với 6 tháng đầu năm 2021 và Kế hoạch năm 2022" ||
		!slices.Equal(names, []string{"6 tháng đầu năm 2021", "6 tháng đầu năm 2022", "Kế hoạch năm 2022"}) {
		t.Errorf("chart %q %q", ch.Title, names)
	}
}

// An estimate printed without .CoUocCaNam is a problem, said where the tag is.
func TestYearEstimateWithoutGuard(t *testing.T) {
	_, err := renderLines(t, `{{ with chi_tieu "MOI" }}{{ .UocCaNam }}{{ end }}`)
	if err == nil || !strings.Contains(err.Error(), "chỉ tiêu MOI chưa có số ước cả năm (uoc_ca_nam)") || !strings.Contains(err.Error(), "đoạn 1") {
		t.Errorf("err %v", err)
	}
}

// template check fills a specimen of the template's kind: a six-month
// template may print the whole-year estimate under its guard, an annual one
// is told it has none; unguarded, the six-month one gets a warning.
func TestCheckByKind(t *testing.T) {
	cat := testReport().Catalogue
	guarded := docxtest.Build(docxtest.Files{Body: docxtest.P(`{{ .Ky }} {{ with chi_tieu "DT" }}{{ if .CoUocCaNam }}{{ .UocCaNamDatKeHoach }}{{ end }}{{ end }}`)})
	for _, k := range []model.PeriodKind{model.FullYear, model.SixMonths, model.NineMonths, model.Quarter, model.Month} {
		if fs := Check("mau.docx", guarded, cat, k); len(fs) > 0 {
			t.Errorf("kind %v: %v", k, fs)
		}
	}
	bare := docxtest.Build(docxtest.Files{Body: docxtest.P(`{{ with chi_tieu "DT" }}{{ .UocCaNam }}{{ end }}`)})
	fs := Check("mau.docx", bare, cat, model.SixMonths)
	if fs.Errors() != 0 || fs.Warnings() == 0 || !strings.Contains(fs.String(), ".CoUocCaNam") {
		t.Errorf("six months, unguarded: %v", fs)
	}
	if fs := Check("mau.docx", bare, cat, model.FullYear); fs.Errors() == 0 || !strings.Contains(fs.String(), "chưa có số ước cả năm") {
		t.Errorf("a year's template printing an estimate: %v", fs)
	}
}

// The data window follows the catalogue's chot_so_lieu.
func TestDataWindowByCatalogue(t *testing.T) {
	for rule, want := range map[model.WindowRule]string{
		model.Decree09: "Số liệu tính từ ngày 15/12/2021 đến ngày 14/6/2022",
		model.Calendar: "Số liệu tính từ ngày 01/01/2022 đến ngày 30/6/2022", // Decree 30: days below 10, months 1 and 2 with a zero,
	} {
		rep := sixMonthsReport()
		rep.Catalogue.Window = rule
		if got := newReport(rep, nil).ThoiGianSoLieu(); got != want {
			t.Errorf("rule %v: %q, want %q", rule, got, want)
		}
	}
}
