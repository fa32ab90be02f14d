package workbook_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/internal/periodtest"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// The six and nine months' workbooks hold the whole year's estimate in a
// column «Ước cả năm» that reads back into Entry.YearEstimate; a year's
// workbook has no such column, and its figures read back as before.
func TestYearEstimateColumn(t *testing.T) {
	cat, fs := input.ParseCatalogue("data/chi-tieu.yaml", []byte(periodtest.Catalogue()))
	if fs.Errors() > 0 {
		t.Fatal(fs)
	}
	for _, code := range periodtest.Periods {
		p, _ := model.ParsePeriod(code)
		want, fs := input.ParseFigures("data/"+code+".yaml", []byte(periodtest.Input(code)), p, cat)
		if len(fs) > 0 {
			t.Fatalf("%s: %v", code, fs)
		}
		var buf bytes.Buffer
		if err := workbook.Write(&buf, cat, p, want, testNow); err != nil {
			t.Fatal(err)
		}
		got, fs := workbook.Read("data/"+code+".xlsx", buf.Bytes(), p, cat)
		if len(fs) > 0 {
			t.Fatalf("%s: findings %v", code, fs)
		}
		f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		header, err := f.GetRows(workbook.SheetEntries)
		if err != nil || len(header) == 0 {
			t.Fatal(err)
		}
		col := strings.Index(strings.Join(header[0], "|"), "Ước cả năm")
		if has := col >= 0; has != (p.Kind != model.FullYear) {
			t.Errorf("%s: column «Ước cả năm» present %v; header %v", code, has, header[0])
		}
		for ind, est := range periodtest.YearEstimate[code] {
			e := got.Entry(ind)
			wantEst := decimal.RequireFromString(strings.ReplaceAll(est, ".", ""))
			if e == nil || e.YearEstimate == nil || !e.YearEstimate.Equal(wantEst) {
				t.Errorf("%s %s: year estimate %v, want %s", code, ind, e, wantEst)
				continue
			}
			if v, _ := f.GetCellValue(workbook.SheetEntries, e.YearEstimatePos().Cell); e.YearEstimatePos().Sheet != workbook.SheetEntries || v != wantEst.String() {
				t.Errorf("%s %s: year estimate read at %v holding %q", code, ind, e.YearEstimatePos(), v)
			}
		}
		for ind, actual := range periodtest.Actual[code] {
			if e := got.Entry(ind); e == nil || e.Actual == nil || e.Actual.String() != strings.ReplaceAll(actual, ".", "") || (e.YearEstimate != nil) != (periodtest.YearEstimate[code][ind] != "") {
				t.Errorf("%s %s: read back %+v, want %s", code, ind, e, actual)
			}
		}
		f.Close()
	}
}

// The plan column of a shorter period's workbook says the plan is the
// year's; its title, notes and sheets name the period.
func TestPeriodWorkbookWording(t *testing.T) {
	cat, _ := input.ParseCatalogue("data/chi-tieu.yaml", []byte(periodtest.Catalogue()))
	for _, code := range []string{"2022-6T", "2022-Q3", "2022-T05", "2022"} {
		p, _ := model.ParsePeriod(code)
		var buf bytes.Buffer
		if err := workbook.Write(&buf, cat, p, nil, testNow); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		props, _ := f.GetDocProps()
		if props.Title != "Số liệu báo cáo "+p.Name() {
			t.Errorf("%s: title %q", code, props.Title)
		}
		if v, _ := f.GetCellValue(workbook.SheetNotes, "A1"); v != "LƯU Ý KHI ĐIỀN SỐ LIỆU "+strings.ToUpper(p.Name()) {
			t.Errorf("%s: notes open with %q", code, v)
		}
		notes, _ := f.GetCols(workbook.SheetNotes)
		text := strings.Join(notes[0], "\n")
		comments, _ := f.GetComments(workbook.SheetEntries)
		var planHelp string
		for _, c := range comments {
			if c.Cell == "G1" {
				for _, r := range c.Paragraph {
					planHelp += r.Text
				}
			}
		}
		year := p.TheYear().Name()
		if title, _ := f.GetCellValue(workbook.SheetEntries, "G1"); title != "Kế hoạch" {
			t.Fatalf("%s: G1 is %q, not the plan", code, title)
		}
		if p.Kind == model.FullYear {
			if strings.Contains(text, "Ước cả năm") || strings.Contains(planHelp, "không phải kế hoạch riêng") {
				t.Errorf("%s: a year's workbook speaks of a shorter period:\n%s\n%s", code, planHelp, text)
			}
			continue
		}
		for _, want := range []string{"Kế hoạch (chỉ tiêu giao) cả " + year, "không phải kế hoạch riêng của " + p.Name()} {
			if !strings.Contains(planHelp, want) {
				t.Errorf("%s: the plan's comment lacks %q: %q", code, want, planHelp)
			}
		}
		for _, want := range []string{"Cột «Kế hoạch»: kế hoạch cả " + year, "Cột «Ước cả năm»: ước thực hiện cả " + year, "baocao generate " + code, "số lũy kế " + p.Name()} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: notes lack %q:\n%s", code, want, text)
			}
		}
		f.Close()
	}
}

// The tasks' part is labelled for any period; the label of workbooks made
// before, «Nhiệm vụ trọng tâm năm sau», still reads as that part.
func TestTasksLabel(t *testing.T) {
	cat, _ := input.ParseCatalogue("data/chi-tieu.yaml", []byte(periodtest.Catalogue()))
	p, _ := model.ParsePeriod("2022-6T")
	prefill := &model.Figures{Period: p, Narrative: []model.NarrativeItem{{Part: "nhiem_vu", Text: "Tiếp tục chuyển đổi số."}}}
	for _, label := range []string{"", "Nhiệm vụ trọng tâm năm sau"} {
		var buf bytes.Buffer
		if err := workbook.Write(&buf, cat, p, prefill, testNow); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		written, _ := f.GetCellValue(workbook.SheetNarrative, "A2")
		if strings.Contains(written, "năm sau") {
			t.Errorf("a six months' workbook labels the tasks %q", written)
		}
		if label != "" {
			f.SetCellValue(workbook.SheetNarrative, "A2", label)
			buf.Reset()
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
		}
		f.Close()
		got, fs := workbook.Read("data/2022-6T.xlsx", buf.Bytes(), p, cat)
		if len(fs) > 0 || len(got.Narrative) != 1 || got.Narrative[0].Part != "nhiem_vu" {
			t.Errorf("label %q: read %+v, findings %v", label, got.Narrative, fs)
		}
	}
}
