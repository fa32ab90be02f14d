package generate

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/pdf"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// zipParts reads every part of a .docx.
func zipParts(t *testing.T, docx []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return parts
}

// checkChartData checks the chart's embedded workbook, read back with
// excelize, against want: per row (indicator) the values of the columns
// (series) in order, "" where there is none.
func checkChartData(t *testing.T, parts map[string][]byte, header []string, rows map[string][]string) {
	t.Helper()
	if !strings.Contains(string(parts["word/charts/_rels/chart1.xml.rels"]), `Target="../embeddings/Microsoft_Excel_Worksheet1.xlsx"`) ||
		!strings.Contains(string(parts["word/charts/chart1.xml"]), `<c:externalData r:id="rId1">`) {
		t.Error("the chart does not point at its workbook")
	}
	f, err := excelize.OpenReader(bytes.NewReader(parts["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := f.GetRows(f.GetSheetList()[0], excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rows)+1 || strings.Join(got[0][1:], "|") != strings.Join(header, "|") {
		t.Fatalf("workbook rows %q", got)
	}
	for _, row := range got[1:] {
		want, ok := rows[row[0]]
		if !ok {
			t.Errorf("unexpected row %q", row)
			continue
		}
		for i, w := range want {
			cell := ""
			if i+1 < len(row) {
				cell = row[i+1]
			}
			if (cell == "") != (w == "") || w != "" && !decimal.RequireFromString(cell).Equal(decimal.RequireFromString(w)) {
				t.Errorf("%s, %s: %q, want %q", row[0], header[i], cell, w)
			}
		}
	}
}

// TestSampleChart: the default template's chart compares the sample's postal
// and telecom revenue with last year's and the plan, from the input figures.
func TestSampleChart(t *testing.T) {
	ws := input.Sample()
	cat, cur, prev, _, err := Load(ws, model.YearPeriod(2021))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	for _, code := range []string{"DT_BUU_CHINH", "DT_VIEN_THONG"} {
		ind, _ := cat.Lookup(code)
		e, p := cur.Entry(code), prev.Entry(code)
		// Whole numbers of tỷ đồng: the catalogue shows no decimals.
		rows[ind.Name] = []string{p.Actual.Round(0).String(), e.Actual.Round(0).String(), e.Plan.Round(0).String()}
	}
	_, docx := generateSample(t)
	parts := zipParts(t, docx)
	checkChartData(t, parts, []string{"Năm 2020", "Năm 2021", "Kế hoạch năm 2021"}, rows)
	doc := string(parts["word/document.xml"])
	if strings.Count(doc, "<c:chart ") != 1 || strings.Contains(doc, "bieu_do") || strings.Contains(doc, "baocao-bieu-do") {
		t.Error("the document does not hold exactly one chart in place of its tag")
	}
	chartXML := string(parts["word/charts/chart1.xml"])
	for _, want := range []string{"<a:t>Kết quả năm 2021 so với năm 2020 và Kế hoạch năm 2021</a:t>", "<a:t>Đơn vị: tỷ đồng</a:t>", `formatCode="[$-42A]#,##0"`} {
		if !strings.Contains(chartXML, want) {
			t.Errorf("chart part lacks %s", want)
		}
	}
}

func needPDFTools(t *testing.T) {
	t.Helper()
	if _, err := pdf.DefaultFinder().Find(); err != nil {
		t.Skip("LibreOffice (soffice) không có trên máy này: bỏ qua kiểm thử biểu đồ trong PDF; cài libreoffice-writer-nogui để chạy")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext không có trên máy này: bỏ qua kiểm thử biểu đồ trong PDF; cài poppler-utils để chạy")
	}
}

// pdfPages returns the text of each page, white space collapsed.
func pdfPages(t *testing.T, path string) []string {
	t.Helper()
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	for i, p := range pages {
		pages[i] = strings.Join(strings.Fields(p), " ")
	}
	return pages
}

// checkChartPage checks that the chart's title is printed once, after the
// text before its tag and before the text after it, on the page of one of
// them: where the template puts the chart. It returns the page (1-based).
func checkChartPage(t *testing.T, pages []string, title, before, after string) int {
	t.Helper()
	all := strings.Join(pages, " ")
	if strings.Count(all, title) != 1 {
		t.Fatalf("the PDF holds the chart's title %q %d times:\n%s", title, strings.Count(all, title), all)
	}
	b, c, a := strings.Index(all, before), strings.Index(all, title), strings.Index(all, after)
	if b < 0 || a < 0 || !(b < c && c < a) {
		t.Errorf("the chart is not between %q and %q:\n%s", before, after, all)
	}
	at := func(s string) int {
		for i, p := range pages {
			if strings.Contains(p, s) {
				return i + 1
			}
		}
		return 0
	}
	page := at(title)
	if page != at(before) && page != at(after) {
		t.Errorf("the chart is on page %d, the text around it on pages %d and %d", page, at(before), at(after))
	}
	return page
}

// TestSampleChartPDF: LibreOffice converts the report with its chart; the
// chart's title is on the page where the template puts it (after the
// telecom revenue, before heading 2.2), and two runs give the same pages.
func TestSampleChartPDF(t *testing.T) {
	needPDFTools(t)
	dir := t.TempDir()
	var counts []int
	for _, name := range []string{"a.pdf", "b.pdf"} {
		out := filepath.Join(dir, name)
		if _, err := Run(Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Output: out}); err != nil {
			t.Fatal(err)
		}
		pages := pdfPages(t, out)
		checkChartPage(t, pages, "Kết quả năm 2021 so với năm 2020 và Kế hoạch năm 2021",
			"Doanh thu viễn thông, Internet cả năm 2021 ước đạt 1.150 tỷ đồng", "2.2. Về Công nghệ thông tin")
		counts = append(counts, len(pages))
	}
	if counts[0] != counts[1] || counts[0] < 2 {
		t.Errorf("page counts %v", counts)
	}
	// The labels in Vietnamese notation.
	text := strings.Join(pdfPages(t, filepath.Join(dir, "a.pdf")), " ")
	for _, want := range []string{"1.597", "1.150", "1.691", "Năm 2020", "Kế hoạch năm 2021", "Đơn vị: tỷ đồng", "Doanh thu bưu chính, chuyển phát"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// TestChartOtherProvince: another province's figures (rates derived by
// formula, one with last year's value given in this year's file, no file for
// last year) in a template written here, the tag split over runs as Word
// leaves it: the chart has gaps where a figure is missing and Vietnamese
// numbers in the PDF.
func TestChartOtherProvince(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	files := map[string]string{
		"chi-tieu.yaml": `nhom:
  - {ma: NN, ten: Nông thôn mới}
chi_tieu:
  - {ma: HO_DAT, ten: Số hộ đạt chuẩn, don_vi: hộ, nhom: NN}
  - {ma: HO_TONG, ten: Tổng số hộ, don_vi: hộ, nhom: NN}
  - {ma: TL_HO_DAT, ten: Tỷ lệ hộ đạt chuẩn văn hóa, don_vi: "%", nhom: NN, loai: ty_le, thap_phan: 1, cong_thuc: HO_DAT / HO_TONG * 100}
  - {ma: TL_NUOC, ten: Tỷ lệ hộ dùng nước sạch, don_vi: "%", nhom: NN, loai: ty_le, thap_phan: 1}
`,
		"2021.yaml": `nam: 2021
chi_tieu:
  HO_DAT: 1.000
  HO_TONG: 3.000
  TL_NUOC: {thuc_hien: "62,45", ke_hoach: 60, cung_ky: "58,5"}
`,
	}
	os.Mkdir(data, 0o755)
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(data, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ws, err := input.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	tpl := filepath.Join(dir, "mau.docx")
	body := docxtest.P("Báo cáo của tỉnh khác năm {{ .Nam }}.") +
		`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">{{ bieu_do "TL_HO_DAT" </w:t></w:r>` +
		`<w:r><w:rPr><w:b/></w:rPr><w:t>"TL_NUOC" }}</w:t></w:r></w:p>` +
		docxtest.P("Đoạn sau biểu đồ.")
	if err := os.WriteFile(tpl, docxtest.Build(docxtest.Files{Body: body}), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "ra", "bc.docx")
	os.Mkdir(filepath.Dir(out), 0o755)
	if _, err := Run(Options{Workspace: ws, Period: model.YearPeriod(2021), Template: tpl, Output: out}); err != nil {
		t.Fatal(err)
	}
	docx, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// The figures, worked out here: 1.000 of 3.000 households, at one decimal,
	// half up. 62,45% is shown as entered, with its plan and last year's at
	// two decimals: 62,5 of a plan of 60 would be 104,2% beside the 104,1%
	// the report states (compute.ShownDecimals).
	share := decimal.NewFromInt(1000).Mul(decimal.NewFromInt(100)).DivRound(decimal.NewFromInt(3000), 1)
	water := decimal.RequireFromString("62.45")
	if decimal.RequireFromString("62.5").Mul(decimal.NewFromInt(100)).DivRound(decimal.NewFromInt(60), 1).Equal(water.Mul(decimal.NewFromInt(100)).DivRound(decimal.NewFromInt(60), 1)) {
		t.Fatal("the fixture no longer needs a second decimal")
	}
	checkChartData(t, zipParts(t, docx), []string{"Năm 2020", "Năm 2021", "Kế hoạch năm 2021"}, map[string][]string{
		"Tỷ lệ hộ đạt chuẩn văn hóa": {"", share.String(), ""},
		"Tỷ lệ hộ dùng nước sạch":    {"58.5", water.String(), "60"},
	})

	needPDFTools(t)
	pdfOut := filepath.Join(dir, "ra", "bc.pdf")
	if _, err := Run(Options{Workspace: ws, Period: model.YearPeriod(2021), Template: tpl, Output: pdfOut}); err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, pdfOut)
	checkChartPage(t, pages, "Kết quả năm 2021 so với năm 2020 và Kế hoạch năm 2021", "Báo cáo của tỉnh khác năm 2021.", "Đoạn sau biểu đồ.")
	text := strings.Join(pages, " ")
	// Labels with a decimal comma; the values' own text, not copied from the output.
	for _, want := range []string{vn(share), strings.Replace(water.String(), ".", ",", 1), "58,50", "60,00", "Đơn vị: %", "Tỷ lệ hộ dùng nước sạch"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "62.5") || strings.Contains(text, "33.3") {
		t.Errorf("numbers in English notation:\n%s", text)
	}
}

// vn writes a one-decimal number with a decimal comma.
func vn(d decimal.Decimal) string { return strings.Replace(d.StringFixed(1), ".", ",", 1) }
