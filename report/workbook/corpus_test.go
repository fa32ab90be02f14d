package workbook_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
	"github.com/xuri/excelize/v2"
)

// The corpus of broken workbooks: each test starts from the 2021 sample written
// by Write (which reads back without findings), puts one fault in it through
// excelize or, where excelize cannot write the fault, by editing the sheet's
// XML, and checks the exact finding and cell.

const (
	shEntries   = workbook.SheetEntries
	shRankings  = workbook.SheetRankings
	shNarrative = workbook.SheetNarrative
	shHeader    = workbook.SheetHeader
)

// base is the 2021 sample as a workbook.
func base(t testing.TB) (*model.Catalogue, *model.Figures, []byte) {
	t.Helper()
	cat, y := sample(t, 2021)
	return cat, y, write(t, cat, 2021, y)
}

// edit opens a workbook with excelize, lets fn change it and saves it.
func edit(t testing.TB, b []byte, fn func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fn(f)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// rowOf finds the row of an indicator code in column A of a sheet.
func rowOf(t testing.TB, f *excelize.File, sheet, code string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	must(t, err)
	for i, r := range rows {
		if len(r) > 0 && r[0] == code {
			return i + 1
		}
	}
	t.Fatalf("%s not in %s", code, sheet)
	return 0
}

// cellOf is the cell of an indicator's column on the indicator sheet.
func cellOf(t testing.TB, b []byte, code, col string) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	must(t, err)
	defer f.Close()
	return cellOfIn(t, f, code, col)
}

func cellOfIn(t testing.TB, f *excelize.File, code, col string) string {
	t.Helper()
	return fmt.Sprintf("%s%d", col, rowOf(t, f, shEntries, code))
}

// replaceCell replaces the whole XML element of a cell.
func replaceCell(t testing.TB, b []byte, sheet, cell, element string) []byte {
	t.Helper()
	part := sheetPart(t, b, sheet)
	s := string(partContent(t, b, part))
	start := strings.Index(s, `<c r="`+cell+`"`)
	if start < 0 {
		t.Fatalf("%s: no cell %s", part, cell)
	}
	end := strings.Index(s[start:], "</c>") + len("</c>")
	if selfClosed := strings.Index(s[start:], "/>"); selfClosed >= 0 && selfClosed < strings.Index(s[start:], ">") {
		end = selfClosed + len("/>")
	}
	return replacePart(t, b, part, []byte(s[:start]+element+s[start+end:]), 0)
}

// partContent returns the content of a part of a workbook.
func partContent(t testing.TB, b []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	must(t, err)
	rc, err := zr.Open(name)
	must(t, err)
	defer rc.Close()
	data, err := io.ReadAll(rc)
	must(t, err)
	return data
}

// sheetPart finds the part holding a sheet, as excelize names it.
func sheetPart(t testing.TB, b []byte, sheet string) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	must(t, err)
	defer f.Close()
	idx, err := f.GetSheetIndex(sheet)
	must(t, err)
	return fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1)
}

// read reads a workbook of 2021 named data/2021.xlsx.
func read(t testing.TB, cat *model.Catalogue, b []byte) (*model.Figures, model.Findings) {
	t.Helper()
	return workbook.Read("data/2021.xlsx", b, model.YearPeriod(2021), cat)
}

// expectOne checks that the findings are exactly one, with this severity, code and place.
func expectOne(t *testing.T, fs model.Findings, sev model.Severity, code, sheet, cell string) model.Finding {
	t.Helper()
	if len(fs) != 1 {
		t.Fatalf("want one finding %s at %s!%s, got %d:\n%s", code, sheet, cell, len(fs), list(fs))
	}
	f := fs[0]
	if f.Severity != sev || f.Code != code || f.Pos.Sheet != sheet || f.Pos.Cell != cell || f.Pos.File != "data/2021.xlsx" {
		t.Fatalf("want %s %s at %s!%s, got %s %s at %#v: %s", sev, code, sheet, cell, f.Severity, f.Code, f.Pos, f)
	}
	if f.Msg == "" {
		t.Fatal("finding without a message")
	}
	return f
}

func list(fs model.Findings) string {
	var lines []string
	for _, f := range fs {
		lines = append(lines, "  "+f.Code+" "+f.String())
	}
	return strings.Join(lines, "\n")
}

func TestBaseIsClean(t *testing.T) {
	cat, _, b := base(t)
	if _, fs := read(t, cat, b); len(fs) > 0 {
		t.Fatalf("findings on a clean workbook:\n%s", list(fs))
	}
}

func TestTextNumbers(t *testing.T) {
	cat, _, b := base(t)
	cases := []struct {
		text string
		sev  model.Severity
		code string
		want string // the value read, or the start of the fix
	}{
		{"1.150", model.Warning, "text-number", "1150"},
		{"8,3", model.Warning, "text-number", "8.3"},
		{"1.234,5", model.Warning, "text-number", "1234.5"},
		{"1\u00a0150", model.Warning, "text-number", "1150"},
		{" 1150 ", model.Warning, "text-number", "1150"},
		{"1,150", model.Warning, "text-number", "1.15"},
		{"1.15", model.Error, "not-a-number", "có phải ý là 1,15?"},
		{"1,234.5", model.Error, "not-a-number", "có phải ý là 1.234,5?"},
		{"một nghìn", model.Error, "not-a-number", ""},
	}
	cell := cellOf(t, b, "DT_VIEN_THONG", "E")
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shEntries, cell, c.text)) })
			y, fs := read(t, cat, bad)
			f := expectOne(t, fs, c.sev, c.code, shEntries, cell)
			e := y.Entry("DT_VIEN_THONG")
			if c.sev == model.Warning {
				if e == nil || e.Actual == nil || e.Actual.String() != c.want {
					t.Fatalf("value %v, want %s", e, c.want)
				}
				return
			}
			if f.Fix != c.want {
				t.Errorf("fix %q, want %q", f.Fix, c.want)
			}
			if e == nil || e.Actual != nil {
				t.Errorf("entry %+v: want the entry without a value", e)
			}
		})
	}
}

func TestFormulaCells(t *testing.T) {
	cat, _, b := base(t)
	cell := cellOf(t, b, "HS_TONG", "E")
	withFormula := edit(t, b, func(f *excelize.File) {
		must(t, f.SetCellValue(shEntries, cell, nil))
		must(t, f.SetCellFormula(shEntries, cell, "70011+22318"))
	})
	// excelize writes the formula without a value, as a program that does not calculate would.
	t.Run("no value", func(t *testing.T) {
		_, fs := read(t, cat, withFormula)
		expectOne(t, fs, model.Error, "formula-no-value", shEntries, cell)
	})
	// excelize marks formula cells t="str"; a calculating program writes the type of the result.
	xmlOf := func(t *testing.T, typ, value string) []byte {
		return replaceCell(t, withFormula, shEntries, cell, fmt.Sprintf(`<c r="%s"%s><f>70011+22318</f><v>%s</v></c>`, cell, typ, value))
	}
	t.Run("cached value", func(t *testing.T) {
		y, fs := read(t, cat, xmlOf(t, "", "92329"))
		if len(fs) > 0 {
			t.Fatal(list(fs))
		}
		if v := y.Entry("HS_TONG").Actual; v == nil || v.String() != "92329" {
			t.Fatalf("value %v", v)
		}
	})
	t.Run("formula with a text result", func(t *testing.T) {
		y, fs := read(t, cat, xmlOf(t, ` t="str"`, "92.329"))
		f := expectOne(t, fs, model.Warning, "text-number", shEntries, cell)
		if !strings.Contains(f.Msg, "công thức cho kết quả dạng chữ") || !strings.Contains(f.Fix, "VALUE") {
			t.Errorf("advice for a formula: %v", f)
		}
		if v := y.Entry("HS_TONG").Actual; v == nil || v.String() != "92329" {
			t.Fatalf("value %v", v)
		}
	})
	t.Run("float noise", func(t *testing.T) {
		y, fs := read(t, cat, xmlOf(t, "", "92329.000000000015"))
		if len(fs) > 0 {
			t.Fatal(list(fs))
		}
		if v := y.Entry("HS_TONG").Actual; v == nil || v.String() != "92329" {
			t.Fatalf("value %v, want 92329 (Excel's 15 digits)", v)
		}
	})
	for _, errValue := range []string{"#DIV/0!", "#REF!", "#N/A", "#VALUE!"} {
		t.Run(errValue, func(t *testing.T) {
			_, fs := read(t, cat, xmlOf(t, ` t="e"`, errValue))
			f := expectOne(t, fs, model.Error, "formula-error", shEntries, cell)
			if !strings.Contains(f.Msg, errValue) {
				t.Errorf("message %q does not name %s", f.Msg, errValue)
			}
		})
	}
	t.Run("text result", func(t *testing.T) {
		y, fs := read(t, cat, xmlOf(t, ` t="str"`, "92.329"))
		expectOne(t, fs, model.Warning, "text-number", shEntries, cell)
		if v := y.Entry("HS_TONG").Actual; v == nil || v.String() != "92329" {
			t.Fatalf("value %v", v)
		}
	})
	t.Run("error typed in", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shEntries, cell, "#N/A")) })
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Error, "not-a-number", shEntries, cell)
	})
}

func TestIndicatorRows(t *testing.T) {
	cat, _, b := base(t)
	first, second := cellOf(t, b, "DT_BUU_CHINH", "A"), cellOf(t, b, "TB_TRA_SAU_MOI", "A")
	t.Run("unknown", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shEntries, first, "DT_BUU_CHIN")) })
		_, fs := read(t, cat, bad)
		f := expectOne(t, fs, model.Error, "unknown-indicator", shEntries, first)
		if !strings.Contains(f.Msg, "DT_BUU_CHINH") {
			t.Errorf("no suggestion in %q", f.Msg)
		}
	})
	t.Run("duplicate", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shEntries, second, "DT_BUU_CHINH")) })
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Error, "duplicate-indicator", shEntries, second)
	})
	t.Run("stray spaces", func(t *testing.T) {
		ok := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shEntries, first, "\u00a0DT_BUU_CHINH  ")) })
		y, fs := read(t, cat, ok)
		if len(fs) > 0 || y.Entry("DT_BUU_CHINH") == nil {
			t.Fatal(list(fs))
		}
	})
	t.Run("rank on the indicator sheet", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shEntries, first, "XH_ICT")) })
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Error, "not-a-ranking", shEntries, first)
	})
	t.Run("estimate", func(t *testing.T) {
		cell := cellOf(t, b, "DT_BUU_CHINH", "F")
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shEntries, cell, "chắc vậy")) })
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Error, "not-a-flag", shEntries, cell)
		for _, yes := range []string{"x", "Ước", "CÓ"} {
			ok := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shEntries, cell, yes)) })
			if y, fs := read(t, cat, ok); len(fs) > 0 || !y.Entry("DT_BUU_CHINH").Estimate {
				t.Errorf("%q: %v", yes, fs)
			}
		}
	})
	t.Run("percent format", func(t *testing.T) {
		cell := cellOf(t, b, "TL_TIN_BAI_TON_TAI", "E")
		ok := edit(t, b, func(f *excelize.File) {
			st, err := f.NewStyle(&excelize.Style{NumFmt: 10})
			must(t, err)
			must(t, f.SetCellFloat(shEntries, cell, 0.115, -1, 64))
			must(t, f.SetCellStyle(shEntries, cell, cell, st))
		})
		y, fs := read(t, cat, ok)
		if v := y.Entry("TL_TIN_BAI_TON_TAI").Actual; len(fs) > 0 || v == nil || v.String() != "11.5" {
			t.Fatalf("%v %s", v, list(fs))
		}
	})
	t.Run("date format", func(t *testing.T) {
		cell := cellOf(t, b, "XB_TO_CHUC", "E")
		bad := edit(t, b, func(f *excelize.File) {
			st, err := f.NewStyle(&excelize.Style{NumFmt: 14})
			must(t, err)
			must(t, f.SetCellStyle(shEntries, cell, cell, st))
		})
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Error, "not-a-number", shEntries, cell)
	})
	t.Run("computed", func(t *testing.T) {
		mark := cellOf(t, b, "TB_TRA_SAU", "E")
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shEntries, mark, "tự tính")) })
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Error, "not-a-number", shEntries, mark)
		derived := cellOf(t, b, "TL_DVC_34", "E")
		typed := edit(t, b, func(f *excelize.File) { must(t, f.SetCellInt(shEntries, derived, 94)) })
		y, fs := read(t, cat, typed)
		if e := y.Entry("TL_DVC_34"); len(fs) > 0 || e == nil || e.Actual.String() != "94" {
			t.Fatalf("a value typed over «tự tính» is read as YAML would: %+v %s", e, list(fs))
		}
	})
	t.Run("missing column", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shEntries, "E1", "Số liệu")) })
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Error, "missing-column", shEntries, "A1")
	})
	t.Run("no header", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shEntries, "A1", "Mã số")) })
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Error, "missing-column", shEntries, "A1")
	})
	t.Run("duplicate column", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shEntries, "J1", "Kế hoạch")) })
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Error, "duplicate-column", shEntries, "J1")
	})
	t.Run("value without code", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellInt(shEntries, "E200", 5)) })
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Warning, "missing-code", shEntries, "A200")
	})
}

func TestMergedHiddenTrailing(t *testing.T) {
	cat, want, b := base(t)
	t.Run("merged values", func(t *testing.T) {
		cell := cellOf(t, b, "XB_TO_CHUC", "E")
		next := cellOf(t, b, "XB_GIAY_PHEP", "E")
		bad := edit(t, b, func(f *excelize.File) { must(t, f.MergeCell(shEntries, cell, next)) })
		y, fs := read(t, cat, bad)
		expectOne(t, fs, model.Warning, "merged-cells", shEntries, cell)
		if e := y.Entry("XB_GIAY_PHEP"); e != nil {
			t.Errorf("XB_GIAY_PHEP = %+v, want no entry (merging empties the cell)", e)
		}
	})
	t.Run("merged part", func(t *testing.T) {
		// The sample's narrative starts with two ket_qua items, then five qlnn items under one heading.
		ok := edit(t, b, func(f *excelize.File) {
			must(t, f.MergeCell(shNarrative, "A4", "A8"))
			must(t, f.MergeCell(shNarrative, "B4", "B8"))
			rows, err := f.GetRows(shNarrative) // raw cells: GetCellValue would give the merged value
			must(t, err)
			if rows[4][0] != "" || rows[4][1] != "" {
				t.Fatalf("merging kept row 5 = %q", rows[4])
			}
		})
		y, fs := read(t, cat, ok)
		if len(fs) > 0 {
			t.Fatal(list(fs))
		}
		sameYear(t, y, want)
	})
	t.Run("hidden row", func(t *testing.T) {
		cell := cellOf(t, b, "XB_TO_CHUC", "A")
		row := 0
		fmt.Sscanf(cell[1:], "%d", &row)
		hid := edit(t, b, func(f *excelize.File) { must(t, f.SetRowVisible(shEntries, row, false)) })
		y, fs := read(t, cat, hid)
		expectOne(t, fs, model.Warning, "hidden-row", shEntries, cell)
		if e := y.Entry("XB_TO_CHUC"); e == nil || e.Actual.String() != "11" {
			t.Errorf("hidden row not read: %+v", e)
		}
	})
	t.Run("hidden sheet", func(t *testing.T) {
		hid := edit(t, b, func(f *excelize.File) { must(t, f.SetSheetVisible(shRankings, false)) })
		y, fs := read(t, cat, hid)
		expectOne(t, fs, model.Warning, "hidden-sheet", shRankings, "")
		if len(y.Rankings) != len(want.Rankings) {
			t.Errorf("%d rankings read", len(y.Rankings))
		}
	})
	t.Run("trailing blank rows", func(t *testing.T) {
		ok := edit(t, b, func(f *excelize.File) {
			st, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFF00"}}})
			must(t, err)
			must(t, f.SetCellStyle(shEntries, "A100", "I5000", st))
			must(t, f.SetCellStr(shEntries, "C5000", " \u00a0 "))
		})
		y, fs := read(t, cat, ok)
		if len(fs) > 0 {
			t.Fatal(list(fs))
		}
		sameYear(t, y, want)
	})
}

func TestRankingsNarrativeHeader(t *testing.T) {
	cat, _, b := base(t)
	t.Run("bad ranking", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellInt(shRankings, "C2", 70)) })
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Error, "bad-ranking", shRankings, "C2")
	})
	t.Run("ranking in one cell", func(t *testing.T) {
		ok := edit(t, b, func(f *excelize.File) {
			must(t, f.SetCellStr(shRankings, "C2", "11/63"))
			must(t, f.SetCellStr(shRankings, "D2", ""))
		})
		y, fs := read(t, cat, ok)
		if rk := y.Ranking("XH_ICT"); len(fs) > 0 || rk == nil || rk.Rank != 11 || rk.Of != 63 {
			t.Fatalf("%+v %s", rk, list(fs))
		}
	})
	t.Run("not a ranking", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shRankings, "A2", "DT_BUU_CHINH")) })
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Error, "not-a-ranking", shRankings, "A2")
	})
	t.Run("unknown part", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shNarrative, "A2", "ket_qa")) })
		_, fs := read(t, cat, bad)
		f := expectOne(t, fs, model.Error, "unknown-part", shNarrative, "A2")
		if f.Fix != "có phải ý là «ket_qua»?" {
			t.Errorf("fix %q", f.Fix)
		}
	})
	t.Run("part by label", func(t *testing.T) {
		ok := edit(t, b, func(f *excelize.File) {
			must(t, f.SetCellStr(shNarrative, "A2", "Kết quả thực hiện nhiệm vụ (ý bổ sung)"))
		})
		y, fs := read(t, cat, ok)
		if len(fs) > 0 || y.Narrative[0].Part != "ket_qua" {
			t.Fatal(list(fs))
		}
	})
	t.Run("bad date", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shHeader, "B8", "31/02/2021")) })
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Error, "bad-date", shHeader, "B8")
	})
	t.Run("date as text", func(t *testing.T) {
		ok := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shHeader, "B8", "10/12/2021")) })
		y, fs := read(t, cat, ok)
		if len(fs) > 0 || y.Header.Date.Format("2006-01-02") != "2021-12-10" {
			t.Fatalf("%v %s", y.Header.Date, list(fs))
		}
	})
	t.Run("year mismatch", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellInt(shHeader, "B2", 2020)) })
		_, fs := read(t, cat, bad)
		f := expectOne(t, fs, model.Error, "period-mismatch", shHeader, "B2")
		if f.Fix != "sửa thành 2021" {
			t.Errorf("fix %q", f.Fix)
		}
	})
	t.Run("year from the sheet", func(t *testing.T) {
		y, fs := workbook.Read("so-lieu.xlsx", b, model.Period{}, cat)
		if len(fs) > 0 || y.Period.Year != 2021 {
			t.Fatalf("year %d %s", y.Period.Year, list(fs))
		}
	})
	t.Run("not a year", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shHeader, "B2", "năm nay")) })
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Error, "bad-period", shHeader, "B2")
	})
	t.Run("unknown field", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetSheetRow(shHeader, "A20", &[]any{"Người kí", "Lan"})) })
		_, fs := read(t, cat, bad)
		f := expectOne(t, fs, model.Warning, "unknown-field", shHeader, "A20")
		if f.Fix != "có phải ý là «Người ký»?" {
			t.Errorf("fix %q", f.Fix)
		}
	})
	t.Run("duplicate field", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetSheetRow(shHeader, "A20", &[]any{"Người ký", "Lan"})) })
		_, fs := read(t, cat, bad)
		expectOne(t, fs, model.Error, "duplicate-key", shHeader, "A20")
	})
	t.Run("label without key", func(t *testing.T) {
		ok := edit(t, b, func(f *excelize.File) {
			must(t, f.SetCellStr(shHeader, "D13", ""))
			must(t, f.SetCellStr(shHeader, "A13", "NGƯỜI KÝ:"))
		})
		y, fs := read(t, cat, ok)
		if len(fs) > 0 || y.Header.Signer != "Nguyễn Văn An" {
			t.Fatalf("%q %s", y.Header.Signer, list(fs))
		}
	})
}

func TestSheets(t *testing.T) {
	cat, _, b := base(t)
	t.Run("missing sheet", func(t *testing.T) {
		bad := edit(t, b, func(f *excelize.File) { must(t, f.SetSheetName(shEntries, "Số liệu")) })
		_, fs := read(t, cat, bad)
		if len(fs) != 2 || fs[0].Code != "unknown-sheet" || fs[0].Pos.Sheet != "Số liệu" || fs[1].Code != "missing-sheet" || fs[1].Severity != model.Error {
			t.Fatal(list(fs))
		}
	})
	t.Run("renamed without diacritics", func(t *testing.T) {
		ok := edit(t, b, func(f *excelize.File) { must(t, f.SetSheetName(shEntries, "CHI TIEU")) })
		y, fs := read(t, cat, ok)
		if len(fs) > 0 || len(y.Entries) == 0 {
			t.Fatal(list(fs))
		}
	})
}
