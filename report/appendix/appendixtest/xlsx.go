package appendixtest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/officetest"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// CheckXLSX reads the appendix workbook back with excelize and checks every
// cell of its table against want: texts, numbers stored as numbers (their
// formatted text, read with the separators swapped, is the report's text),
// the heading lines, the merged header, and the print setup.
func CheckXLSX(t testing.TB, data []byte, year int, estimate bool, want []Group) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "Phụ lục"
	if got := f.GetSheetList(); !slices.Equal(got, []string{sheet}) {
		t.Fatalf("sheets %q", got)
	}
	get := func(ref string) string {
		v, err := f.GetCellValue(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	raw := func(ref string) string {
		v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if get("A1") != "Phụ lục" || get("A2") != fmt.Sprintf("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM %d", year) || !strings.HasPrefix(get("A3"), "(Kèm theo Báo cáo số ") {
		t.Errorf("heading %q / %q / %q", get("A1"), get("A2"), get("A3"))
	}
	header := DocxRows(year, estimate, nil)
	for i, col := range []string{"A", "B", "C", "D", "E", "F", "G", "I"} {
		if got := get(col + "5"); got != header[0][i] {
			t.Errorf("%s5 = %q, want %q", col, got, header[0][i])
		}
	}
	if get("G6") != "Cùng kỳ" || get("H6") != "Kế hoạch" {
		t.Errorf("second header row %q %q", get("G6"), get("H6"))
	}
	merged := map[string]bool{}
	cells, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range cells {
		merged[m.GetStartAxis()+":"+m.GetEndAxis()] = true
	}
	for _, m := range []string{"A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:E6", "F5:F6", "G5:H5", "I5:I6", "A1:I1", "A2:I2", "A3:I3"} {
		if !merged[m] {
			t.Errorf("%s not merged", m)
		}
	}
	row := 7
	for _, g := range want {
		if get(fmt.Sprintf("A%d", row)) != g.Roman || get(fmt.Sprintf("B%d", row)) != g.Name || !merged[fmt.Sprintf("B%d:I%d", row, row)] {
			t.Errorf("row %d: group %q %q, want %q %q", row, get(fmt.Sprintf("A%d", row)), get(fmt.Sprintf("B%d", row)), g.Roman, g.Name)
		}
		row++
		for _, r := range g.Rows {
			for i, col := range []string{"A", "B", "C", "D", "E", "F", "G", "H", "I"} {
				ref := col + strconv.Itoa(row)
				wantText := r.Cells[i]
				if i >= 3 && i <= 7 {
					if num := r.Numbers[i-3]; num != nil {
						got, err := decimal.NewFromString(raw(ref))
						if err != nil || !got.Equal(*num) {
							t.Errorf("%s (%s): stored %q, want the number %s", ref, r.Code, raw(ref), num)
						}
						if typ, _ := f.GetCellType(sheet, ref); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
							t.Errorf("%s (%s): stored as text", ref, r.Code)
						}
						wantText = swapSeparators(wantText)
						if num.IsZero() && zeroSection(t, f, sheet, ref) != "" {
							// excelize formats a zero with the first section
							// of a format; Excel and LibreOffice with the third.
							wantText = swapSeparators(r.Cells[i])
							if got := zeroSection(t, f, sheet, ref); got != wantText {
								t.Errorf("%s (%s): a zero shows %q, want %q", ref, r.Code, got, wantText)
							}
							continue
						}
					}
				}
				if got := get(ref); got != wantText {
					t.Errorf("%s (%s): %q, want %q", ref, r.Code, got, wantText)
				}
			}
			row++
		}
	}
	if got := get(fmt.Sprintf("A%d", row+1)); !strings.HasPrefix(got, "Ghi chú:") || !strings.Contains(got, "điểm phần trăm") {
		t.Errorf("note under the table: %q", got)
	}
	if got := get(fmt.Sprintf("B%d", row)); got != "" {
		t.Errorf("row %d after the table: %q", row, got)
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if layout.Orientation == nil || *layout.Orientation != "landscape" || layout.FitToWidth == nil || *layout.FitToWidth != 1 ||
		layout.FitToHeight == nil || *layout.FitToHeight != 0 || layout.Size == nil || *layout.Size != 9 {
		t.Errorf("page layout %+v", layout)
	}
	props, err := f.GetSheetProps(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if props.FitToPage == nil || !*props.FitToPage {
		t.Error("not fit to page")
	}
	titles := ""
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm.Print_Titles" {
			titles = n.RefersTo
		}
	}
	if titles != "'Phụ lục'!$5:$6" {
		t.Errorf("print titles %q", titles)
	}
}

// swapSeparators turns "1.600.000,5" into "1,600,000.5": excelize formats
// numbers with the English separators, a Vietnamese Excel with ours.
func swapSeparators(s string) string {
	return strings.NewReplacer(".", ",", ",", ".").Replace(s)
}

// zeroSection is the literal text a cell's number format shows for zero: its
// third section, unquoted; "" when it has none.
func zeroSection(t testing.TB, f *excelize.File, sheet, ref string) string {
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt == nil {
		return ""
	}
	sections := strings.Split(*st.CustomNumFmt, ";")
	if len(sections) < 3 {
		return ""
	}
	return strings.Trim(sections[2], `"`)
}

// CheckXLSXInLibreOffice has LibreOffice save the workbook as CSV, each cell
// as it shows it, and compares every cell of the table with want: the
// workbook must show exactly what the report writes, "1.150" and "108,3"
// included, whatever the computer's language.
func CheckXLSXInLibreOffice(t testing.TB, data []byte, want []Group) {
	t.Helper()
	// Comma-separated, UTF-8, cells as shown.
	out := officetest.Convert(t, data, "phu-luc.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true")
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var wantRows [][]string
	for _, g := range want {
		wantRows = append(wantRows, append([]string{g.Roman, g.Name}, make([]string, 7)...))
		for _, r := range g.Rows {
			wantRows = append(wantRows, r.Cells[:])
		}
	}
	const first = 6 // row 7, after the heading and the two header rows
	if len(rows) < first+len(wantRows) {
		t.Fatalf("LibreOffice read %d rows, want at least %d", len(rows), first+len(wantRows))
	}
	CompareRows(t, "LibreOffice", rows[first:first+len(wantRows)], wantRows)
}
