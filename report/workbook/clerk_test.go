package workbook_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/officetest"
	"github.com/baocao/baocao/report/workbook"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// The workbook as a clerk meets it: what is shown, prompted, chosen, printed.

func open(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	must(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

// numFmt is the custom number format of a cell, or "".
func numFmt(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	must(t, err)
	st, err := f.GetStyle(id)
	must(t, err)
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// TestFiguresShowThousands: figure cells group thousands at the decimals the
// report shows, with the computer's separators: LibreOffice here runs in its
// default English locale and shows 1,600,000 and 11.5.
func TestFiguresShowThousands(t *testing.T) {
	cat, y, _ := base(t)
	big := decimal.NewFromInt(1_600_000)
	y.Entry("DT_BUU_CHINH").Actual = &big
	b := write(t, cat, 2021, y)
	f := open(t, b)
	for code, want := range map[string]string{"DT_BUU_CHINH": "#,##0", "TL_TIN_BAI_TON_TAI": "#,##0.0"} {
		for _, col := range []string{"E", "G", "H"} {
			if got := numFmt(t, f, shEntries, cellOfIn(t, f, code, col)); got != want {
				t.Errorf("%s column %s: format %q, want %q", code, col, got, want)
			}
		}
	}
	if v, _ := f.GetCellValue(shEntries, cellOfIn(t, f, "DT_BUU_CHINH", "E")); v != "1,600,000" {
		t.Errorf("excelize shows %q", v)
	}
	// The number format does not change what is read.
	got, fs := read(t, cat, b)
	if len(fs) > 0 || got.Entry("DT_BUU_CHINH").Actual.String() != "1600000" {
		t.Fatalf("read %v, findings %s", got.Entry("DT_BUU_CHINH").Actual, list(fs))
	}
	t.Run("LibreOffice", func(t *testing.T) {
		rows := sheetCSV(t, b, shEntries)
		row := rowOf(t, f, shEntries, "DT_BUU_CHINH")
		if v := rows[row-1][4]; v != "1,600,000" {
			t.Errorf("LibreOffice shows %q", v)
		}
		if v := rows[rowOf(t, f, shEntries, "TL_TIN_BAI_TON_TAI")-1][4]; v != "11.5" {
			t.Errorf("LibreOffice shows the rate as %q", v)
		}
	})
}

// sheetCSV converts a sheet of a workbook to CSV (UTF-8) with LibreOffice,
// which writes cells as shown. Only the first sheet is written: the others are
// deleted first.
func sheetCSV(t *testing.T, b []byte, sheet string) [][]string {
	t.Helper()
	b = edit(t, b, func(f *excelize.File) {
		for _, s := range f.GetSheetList() {
			if s != sheet {
				must(t, f.DeleteSheet(s))
			}
		}
	})
	rows, err := csv.NewReader(bytes.NewReader(officetest.Convert(t, b, "2021.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76"))).ReadAll()
	if err != nil {
		t.Fatalf("CSV from LibreOffice: %v", err)
	}
	return rows
}

// TestInputPrompts: every input cell has a prompt within Excel's limits.
func TestInputPrompts(t *testing.T) {
	cat, _ := sample(t, 2021)
	f := open(t, write(t, cat, 2021, nil))
	prompted := map[string]map[string]string{} // sheet → cell → prompt
	for _, sheet := range []string{shHeader, shEntries, shRankings, shNarrative} {
		dvs, err := f.GetDataValidations(sheet)
		must(t, err)
		prompted[sheet] = map[string]string{}
		for _, dv := range dvs {
			if !dv.ShowInputMessage || dv.Prompt == nil || dv.PromptTitle == nil || *dv.Prompt == "" {
				continue
			}
			if n := utf8.RuneCountInString(*dv.PromptTitle); n > 32 {
				t.Errorf("%s %s: title of %d characters", sheet, dv.Sqref, n)
			}
			if n := utf8.RuneCountInString(*dv.Prompt); n > 255 {
				t.Errorf("%s %s: prompt of %d characters", sheet, dv.Sqref, n)
			}
			for _, ref := range strings.Fields(dv.Sqref) {
				from, to, _ := strings.Cut(ref, ":")
				if to == "" {
					to = from
				}
				c1, r1, _ := excelize.CellNameToCoordinates(from)
				c2, r2, _ := excelize.CellNameToCoordinates(to)
				for c := c1; c <= c2; c++ {
					for r := r1; r <= r2; r++ {
						name, _ := excelize.CoordinatesToCellName(c, r)
						prompted[sheet][name] = *dv.Prompt
					}
				}
			}
		}
	}
	want := func(sheet, cell, part string) {
		t.Helper()
		if p, ok := prompted[sheet][cell]; !ok || !strings.Contains(p, part) {
			t.Errorf("%s!%s: prompt %q, want one with %q", sheet, cell, p, part)
		}
	}
	quantity, rate := rowOf(t, f, shEntries, "DT_BUU_CHINH"), rowOf(t, f, shEntries, "TL_TIN_BAI_TON_TAI")
	for col, part := range map[string]string{"E": "Số thực hiện", "F": "ước tính", "G": "Kế hoạch", "H": "cùng kỳ", "I": "Ghi chú"} {
		want(shEntries, fmt.Sprintf("%s%d", col, quantity), part)
		want(shEntries, fmt.Sprintf("%s%d", col, rate), part)
	}
	want(shEntries, fmt.Sprintf("E%d", rate), "không nhập 0,955")
	if p := prompted[shEntries][fmt.Sprintf("E%d", rowOf(t, f, shEntries, "TL_DVC_34"))]; p != "" {
		t.Errorf("a computed indicator's cell is prompted: %q", p)
	}
	want(shRankings, "C2", "Thứ hạng")
	want(shRankings, "D2", "Tổng số")
	for _, col := range []string{"A", "B", "C"} {
		want(shNarrative, col+"2", "")
		want(shNarrative, col+"500", "")
	}
	want(shHeader, "B2", "Kỳ của số liệu")
	want(shHeader, "B14", "Alt+Enter")
}

// TestPartLabels: the «Phần» drop-down offers the parts by their Vietnamese
// labels, listed on a hidden sheet Read ignores; labels and codes read back.
func TestPartLabels(t *testing.T) {
	cat, want, b := base(t)
	f := open(t, b)
	dvs, err := f.GetDataValidations(shNarrative)
	must(t, err)
	var dropDown *excelize.DataValidation
	for _, dv := range dvs {
		if dv.Type == "list" {
			dropDown = dv
		}
	}
	if dropDown == nil || dropDown.Sqref != "A2:A500" {
		t.Fatalf("no drop-down on the part column: %+v", dvs)
	}
	var refersTo string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == dropDown.Formula1 {
			refersTo = dn.RefersTo
		}
	}
	if refersTo != fmt.Sprintf("'%s'!$A$1:$A$%d", workbook.SheetLists, len(model.NarrativeParts)) {
		t.Fatalf("drop-down %q refers to %q", dropDown.Formula1, refersTo)
	}
	labels, err := f.GetCols(workbook.SheetLists)
	must(t, err)
	if len(labels) != 1 || len(labels[0]) != len(model.NarrativeParts) || labels[0][0] != "Kết quả nổi bật" || labels[0][2] != "Công tác thực hiện nhiệm vụ quản lý nhà nước" {
		t.Errorf("choices %q", labels)
	}
	if visible, _ := f.GetSheetVisible(workbook.SheetLists); visible {
		t.Error("the sheet of choices is visible")
	}
	if v, _ := f.GetCellValue(shNarrative, "A2"); v != "Kết quả nổi bật" && !strings.Contains(v, " ") {
		t.Errorf("part written as %q, not a label", v)
	}
	// A code typed by hand is still accepted beside the labels.
	b = edit(t, b, func(f *excelize.File) { must(t, f.SetCellStr(shNarrative, "A2", want.Narrative[0].Part)) })
	got, fs := read(t, cat, b)
	if len(fs) > 0 {
		t.Fatal(list(fs))
	}
	sameYear(t, got, want)
	t.Run("LibreOffice", func(t *testing.T) {
		got, fs := read(t, cat, officetest.Convert(t, write(t, cat, 2021, want), "2021.xlsx", "xlsx"))
		if len(fs) > 0 {
			t.Fatal(list(fs))
		}
		sameYear(t, got, want)
	})
}

// TestExampleRow: an empty narrative sheet shows an example row, which is not
// read while it is left as written, and is read once overwritten.
func TestExampleRow(t *testing.T) {
	cat, _ := sample(t, 2021)
	b := write(t, cat, 2021, nil)
	f := open(t, b)
	part, _ := f.GetCellValue(shNarrative, "A2")
	text, _ := f.GetCellValue(shNarrative, "C2")
	if part != "Kết quả nổi bật" || !strings.HasPrefix(text, "VÍ DỤ (dòng mẫu, chương trình không đọc") {
		t.Fatalf("example row %q %q", part, text)
	}
	y, fs := read(t, cat, b)
	if len(fs) > 0 || len(y.Narrative) != 0 {
		t.Fatalf("example read as %+v, findings %s", y.Narrative, list(fs))
	}
	b = edit(t, b, func(f *excelize.File) {
		must(t, f.SetCellStr(shNarrative, "C2", "Hoàn thành Đề án chuyển đổi số."))
	})
	y, fs = read(t, cat, b)
	if len(fs) > 0 || len(y.Narrative) != 1 || y.Narrative[0].Part != "noi_bat" || y.Narrative[0].Heading != "Về Công nghệ thông tin" {
		t.Fatalf("overwritten example read as %+v, findings %s", y.Narrative, list(fs))
	}
	t.Run("LibreOffice", func(t *testing.T) {
		y, fs := read(t, cat, officetest.Convert(t, b, "2021.xlsx", "xlsx"))
		if len(fs) > 0 || len(y.Narrative) != 1 || y.Narrative[0].Text != "Hoàn thành Đề án chuyển đổi số." {
			t.Fatalf("%+v %s", y.Narrative, list(fs))
		}
	})
}

var customHeight = regexp.MustCompile(`<row [^>]*customHeight="(1|true)"`)

// TestRowsGrow: rows open tall enough for what was written in them and are not
// fixed, so that a fourth line typed into «Nơi nhận» grows its row.
func TestRowsGrow(t *testing.T) {
	cat, y, _ := base(t)
	y.Header.Distribution = []string{"Như trên", "Bộ Thông tin và Truyền thông", "UBND tỉnh", "Lưu: VT, BCVT"}
	b := write(t, cat, 2021, y)
	row := 2 + len(model.HeaderKeys) // the last row of the header sheet
	check := func(t *testing.T, b []byte, what string) {
		f := open(t, b)
		if v, _ := f.GetCellValue(shHeader, fmt.Sprintf("B%d", row)); strings.Count(v, "\n") != 3 {
			t.Fatalf("%s: «Nơi nhận» is %q", what, v)
		}
		if h, _ := f.GetRowHeight(shHeader, row); h < 4*15 {
			t.Errorf("%s: «Nơi nhận» row %d is %v points high", what, row, h)
		}
		for _, sheet := range []string{shHeader, shEntries, shNarrative} {
			if m := customHeight.Find(partContent(t, b, sheetPart(t, b, sheet))); m != nil {
				t.Errorf("%s: %s has a fixed row height: %s", what, sheet, m)
			}
		}
	}
	check(t, b, "written")
	t.Run("LibreOffice", func(t *testing.T) { check(t, officetest.Convert(t, b, "2021.xlsx", "xlsx"), "saved by LibreOffice") })
}

// TestDocumentProperties: the author is the department when known, never
// excelize's; the dates are the clock's.
func TestDocumentProperties(t *testing.T) {
	cat, y, b := base(t)
	props := func(b []byte) *excelize.DocProperties {
		p, err := open(t, b).GetDocProps()
		must(t, err)
		return p
	}
	p := props(b)
	if p.Creator != y.Header.Body || p.Creator != "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" || p.Created != testNow.Format(time.RFC3339) || p.Modified != p.Created ||
		p.Title != "Số liệu báo cáo năm 2021" || p.Language != "vi-VN" {
		t.Errorf("properties %+v", p)
	}
	if p := props(write(t, cat, 2022, nil)); p.Creator != "" || p.Created != testNow.Format(time.RFC3339) {
		t.Errorf("without a department: %+v", p)
	}
	if app, err := open(t, b).GetAppProps(); err != nil || app.Application != "baocao" {
		t.Errorf("application %+v %v", app, err)
	}
	t.Run("LibreOffice", func(t *testing.T) {
		p := props(officetest.Convert(t, b, "2021.xlsx", "xlsx"))
		if p.Creator != "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" || !strings.HasPrefix(p.Created, "2022-01-15T08:30:00") {
			t.Errorf("after LibreOffice %+v", p)
		}
	})
}

// checkPrinting checks that a data sheet prints landscape, one page wide, with
// its header row on every page and a page header and footer.
func checkPrinting(t *testing.T, f *excelize.File, sheet, header string) {
	t.Helper()
	pl, err := f.GetPageLayout(sheet)
	must(t, err)
	if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
		t.Errorf("%s: page layout %+v", sheet, pl)
	}
	props, err := f.GetSheetProps(sheet)
	must(t, err)
	if props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("%s: not fitted to the page", sheet)
	}
	titles := ""
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet {
			titles = dn.RefersTo
		}
	}
	if !strings.HasSuffix(titles, "!$1:$1") {
		t.Errorf("%s: print titles %q", sheet, titles)
	}
	hf, err := f.GetHeaderFooter(sheet)
	must(t, err)
	if hf == nil || !strings.Contains(hf.OddHeader, header) || !strings.Contains(hf.OddFooter, "&P") {
		t.Errorf("%s: page header and footer %+v", sheet, hf)
	}
}

// TestPrinting: every data sheet prints landscape, one page wide, with its
// header row repeated and a page header naming the department, year and sheet.
func TestPrinting(t *testing.T) {
	_, _, b := base(t)
	check := func(t *testing.T, b []byte) {
		f := open(t, b)
		for _, sheet := range []string{shHeader, shEntries, shRankings, shNarrative} {
			checkPrinting(t, f, sheet, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG – Số liệu báo cáo năm 2021 – "+sheet)
		}
	}
	check(t, b)
	t.Run("LibreOffice", func(t *testing.T) { check(t, officetest.Convert(t, b, "2021.xlsx", "xlsx")) })
}

var dimension = regexp.MustCompile(`<dimension ref="([^"]*)"`)

// TestDimension: each sheet declares the range it uses, so that readers that
// trust the declaration (openpyxl in read-only mode) see every row.
func TestDimension(t *testing.T) {
	const n = 20_000 // as with 100 000 rows, in a fifth of the time
	inds := make([]*model.Indicator, n)
	for i := range inds {
		inds[i] = &model.Indicator{Code: fmt.Sprintf("C%06d", i), Name: "Chỉ tiêu", Unit: "tỷ đồng", Kind: model.Quantity}
	}
	cat := model.NewCatalogue("chi-tieu.yaml", nil, inds)
	b := write(t, cat, 2021, nil)
	for sheet, want := range map[string]string{shEntries: fmt.Sprintf("A1:I%d", n+1), shHeader: "A1:D14", shNarrative: "A1:C2"} {
		m := dimension.FindSubmatch(partContent(t, b, sheetPart(t, b, sheet)))
		if m == nil || string(m[1]) != want {
			t.Errorf("%s declares %q, want %s", sheet, m, want)
		}
	}
	y, fs := read(t, cat, b)
	if len(fs) > 0 || len(y.Blanks) != n {
		t.Errorf("%d blanks, findings %s", len(y.Blanks), list(fs[:min(len(fs), 3)]))
	}
}
