package input

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
	"github.com/xuri/excelize/v2"
)

// A figure written with "%" is read alike from YAML and from a workbook: for
// a rate the sign is dropped without a word of it; for an indicator in other
// units it is a percent-not-rate warning, at the value, saying what was read.
func TestPercentReadAlike(t *testing.T) {
	const catalogue = `chi_tieu:
  - {ma: DT_LUA, ten: Diện tích gieo cấy lúa, don_vi: ha, thap_phan: 1}
  - {ma: SO_XA, ten: Số xã đạt chuẩn, don_vi: xã}
  - {ma: CHE_PHU, ten: Tỷ lệ che phủ rừng, don_vi: "%", loai: ty_le, thap_phan: 1}
`
	cat, fs := ParseCatalogue("chi-tieu.yaml", []byte(catalogue))
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	p := model.YearPeriod(2025)
	type want struct {
		code, written, read string // the indicator, the text written, what the warning says was read
	}
	wants := []want{{"DT_LUA", "12,5%", "12,5 ha"}, {"SO_XA", "7%", "7 xã"}}
	check := func(what string, y *model.Figures, fs model.Findings, at func(code string) model.Pos) {
		t.Helper()
		var got model.Findings
		for _, f := range fs {
			if f.Code == "percent-not-rate" {
				got = append(got, f)
			} else if f.Code != "text-number" { // a workbook's text cell says it is text too
				t.Errorf("%s: unexpected finding %s", what, f)
			}
		}
		if len(got) != len(wants) {
			t.Fatalf("%s: %d percent-not-rate warnings, want %d:\n%s", what, len(got), len(wants), fs)
		}
		for i, w := range wants {
			f := got[i]
			if f.Severity != model.Warning || f.Pos != at(w.code) || !strings.HasPrefix(f.Msg, w.code) ||
				!strings.Contains(f.Msg, "«"+w.written+"»") || !strings.Contains(f.Msg, "được hiểu là "+w.read) {
				t.Errorf("%s: %s finding %+v, want a warning at %v reading «%s» as %s", what, w.code, f, at(w.code), w.written, w.read)
			}
		}
		for code, v := range map[string]string{"DT_LUA": "12.5", "SO_XA": "7", "CHE_PHU": "42.5"} {
			if e := y.Entry(code); e == nil || e.Actual == nil || e.Actual.String() != v {
				t.Errorf("%s: %s read as %v, want %s", what, code, e, v)
			}
		}
	}

	src := "nam: 2025\nchi_tieu:\n  DT_LUA: 12,5%\n  SO_XA: {thuc_hien: 7%}\n  CHE_PHU: 42,5%\n"
	y, fs := ParseFigures("2025.yaml", []byte(src), p, cat)
	check("YAML", y, fs, func(code string) model.Pos {
		return model.Pos{File: "2025.yaml", Line: map[string]int{"DT_LUA": 3, "SO_XA": 4}[code]}
	})

	// The workbook: "12,5%" typed as text; 7 in a cell formatted as a
	// percentage (it shows 7%, stores 0,07); 42,5% likewise for the rate.
	var buf bytes.Buffer
	if err := workbook.Write(&buf, cat, p, nil, time.Date(2025, 12, 1, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]string{}
	rows, err := f.GetRows(workbook.SheetEntries)
	if err != nil {
		t.Fatal(err)
	}
	actual := slices.Index(rows[0], "Thực hiện") + 1
	for i, r := range rows {
		if len(r) > 0 {
			cells[r[0]], _ = excelize.CoordinatesToCellName(actual, i+1)
		}
	}
	percent, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellStr(workbook.SheetEntries, cells["DT_LUA"], "12,5%"))
	must(f.SetCellFloat(workbook.SheetEntries, cells["SO_XA"], 0.07, -1, 64))
	must(f.SetCellStyle(workbook.SheetEntries, cells["SO_XA"], cells["SO_XA"], percent))
	must(f.SetCellFloat(workbook.SheetEntries, cells["CHE_PHU"], 0.425, -1, 64))
	must(f.SetCellStyle(workbook.SheetEntries, cells["CHE_PHU"], cells["CHE_PHU"], percent))
	file := filepath.Join(t.TempDir(), "2025.xlsx")
	must(f.SaveAs(file))
	y, fs, err = ReadFile(file, cat)
	if err != nil {
		t.Fatal(err)
	}
	check("workbook", y, fs, func(code string) model.Pos {
		return model.Pos{File: file, Sheet: workbook.SheetEntries, Cell: cells[code]}
	})
}
