package workbook_test

import (
	"strings"
	"testing"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/officetest"
	"github.com/baocao/baocao/report/validate"
	"github.com/xuri/excelize/v2"
)

// checkWorkbook reads a workbook of 2021 and checks it as validate and generate
// do, with the reader's findings first.
func checkWorkbook(t *testing.T, cat *model.Catalogue, b []byte) model.Findings {
	t.Helper()
	y, fs := read(t, cat, b)
	return validate.Sort(append(fs, validate.Check(cat, y, nil, validate.Options{Reported: fs})...))
}

// TestRateAsFraction: a rate typed as a fraction (0,42 for 42%) is said to look
// like one, with the figure it would be, also after LibreOffice saved the file.
func TestRateAsFraction(t *testing.T) {
	cat, _, b := base(t)
	var cell string
	b = edit(t, b, func(f *excelize.File) {
		cell = cellOfIn(t, f, "TL_XB_SACH", "E")
		must(t, f.SetCellFloat(shEntries, cell, 0.42, -1, 64))
	})
	check := func(t *testing.T, b []byte) {
		fs := checkWorkbook(t, cat, b)
		f := expectOne(t, fs, model.Warning, "rate-fraction", shEntries, cell)
		if !strings.Contains(f.Msg, "số thực hiện 0,42 trông như tỷ lệ viết dạng phân số (0,42 = 42%)") || !strings.HasPrefix(f.Fix, "nếu là 42% thì ghi 42;") {
			t.Errorf("finding %s", f)
		}
	}
	check(t, b)
	t.Run("LibreOffice", func(t *testing.T) { check(t, officetest.Convert(t, b, "2021.xlsx", "xlsx")) })
}

// TestFormulaWithoutValueAdvice: a formula never calculated gets the advice to
// recalculate and save, and no "missing figure" advice about its row.
func TestFormulaWithoutValueAdvice(t *testing.T) {
	cat, _, b := base(t)
	var estimate string
	b = edit(t, b, func(f *excelize.File) {
		must(t, f.SetCellValue(shEntries, cellOfIn(t, f, "DVC_34", "E"), nil))
		estimate = cellOfIn(t, f, "DVC_34", "F")
		must(t, f.SetCellFormula(shEntries, estimate, `IF(1>0,"có","")`))
	})
	fs := checkWorkbook(t, cat, b)
	f := expectOne(t, fs, model.Error, "formula-no-value", shEntries, estimate)
	if !strings.Contains(f.Fix, "tính lại (Ctrl+Alt+F9) rồi lưu") || !strings.HasPrefix(f.Msg, "DVC_34: Ước tính:") {
		t.Errorf("finding %s", f)
	}
}

// TestMissingActualAdvice: a row with a plan but no actual figure is told to
// fill the cell or empty the row, not to drop the indicator from the file.
func TestMissingActualAdvice(t *testing.T) {
	cat, _, b := base(t)
	var actual string
	b = edit(t, b, func(f *excelize.File) {
		actual = cellOfIn(t, f, "DT_BUU_CHINH", "E")
		must(t, f.SetCellValue(shEntries, actual, nil))
	})
	var missing []model.Finding
	for _, f := range checkWorkbook(t, cat, b) {
		if f.Code == "missing-value" {
			missing = append(missing, f)
		}
	}
	if len(missing) != 1 || missing[0].Pos.Cell != actual || missing[0].Fix != "ghi số thực hiện vào ô này, hoặc để trống cả dòng nếu chưa có số liệu" {
		t.Errorf("findings %v", missing)
	}
}
