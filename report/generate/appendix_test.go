package generate

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/appendix"
	"github.com/baocao/baocao/report/appendix/appendixtest"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/officetest"
	"github.com/baocao/baocao/report/render"
	"github.com/baocao/baocao/templates"
	"github.com/xuri/excelize/v2"
)

// generateWithAppendix writes the sample's report and its appendix workbook.
func generateWithAppendix(t *testing.T) (*Result, []byte, []byte) {
	t.Helper()
	dir := t.TempDir()
	res, err := Run(Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Output: filepath.Join(dir, "bao-cao.docx"), Appendix: filepath.Join(dir, "bao-cao-2021-phu-luc.xlsx")})
	if err != nil {
		t.Fatal(err)
	}
	docx, err := os.ReadFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	xlsx, err := os.ReadFile(res.Appendix)
	if err != nil {
		t.Fatal(err)
	}
	return res, docx, xlsx
}

func sampleAppendix(rep *compute.Report) [][]string {
	return appendixtest.DocxRows(2021, true, appendixtest.Want(rep.Catalogue, appendixtest.FromReport(rep)))
}

func TestSampleAppendix(t *testing.T) {
	res, docx, xlsx := generateWithAppendix(t)
	want := sampleAppendix(res.Report)
	appendixtest.CompareRows(t, "phụ lục", appendixtest.DocxTable(t, docx), want)
	appendixtest.CheckXLSX(t, xlsx, 2021, true, appendixtest.Want(res.Report.Catalogue, appendixtest.FromReport(res.Report)))
	text, err := docxpkg.Text(docx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"Kết quả thực hiện các chỉ tiêu năm 2021 chi tiết tại Phụ lục kèm theo.",
		"Phụ lục\nKẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021\n(Kèm theo Báo cáo số        /BC-STTTT ngày 10 tháng 12 năm 2021 của Sở Thông tin và Truyền thông)",
		"Ghi chú: cột «So sánh (%)» là số năm 2021 tính bằng phần trăm của số cùng kỳ năm 2020",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("report lacks %q", s)
		}
	}
	checkSections(t, docx)
}

var sectPr = regexp.MustCompile(`(?s)<w:sectPr>.*?</w:sectPr>`)

// checkSections: the body stays a portrait section; the appendix is a
// landscape one whose pages are numbered from 1, with the same headers (the
// page number from its second page), so headers, footers and footnotes go on
// working across the break.
func checkSections(t *testing.T, docx []byte) {
	t.Helper()
	pkg, err := docxpkg.Open(docx)
	if err != nil {
		t.Fatal(err)
	}
	doc := pkg.Part(docxpkg.DocumentPart)
	sections := sectPr.FindAllString(doc, -1)
	if len(sections) != 2 {
		t.Fatalf("%d sections, want the body and the appendix", len(sections))
	}
	body, app := sections[0], sections[1]
	for _, s := range []string{`w:w="11906" w:h="16838"`, `<w:headerReference w:type="default" r:id="rId4"/>`, `<w:headerReference w:type="first" r:id="rId5"/>`, `<w:titlePg/>`} {
		if !strings.Contains(body, s) {
			t.Errorf("body section lacks %s", s)
		}
	}
	if strings.Contains(body, "pgNumType") {
		t.Error("the body's page numbers restart")
	}
	for _, s := range []string{`w:w="16838" w:h="11906" w:orient="landscape"`, `<w:pgNumType w:start="1"/>`, `<w:headerReference w:type="default" r:id="rId4"/>`, `<w:headerReference w:type="first" r:id="rId5"/>`, `<w:titlePg/>`} {
		if !strings.Contains(app, s) {
			t.Errorf("appendix section lacks %s", s)
		}
	}
	// The body's section ends in a paragraph after the closing table, and the
	// appendix begins after it.
	if i, j := strings.Index(doc, body), strings.Index(doc, ">Phụ lục</w:t>"); i < 0 || j < i {
		t.Error("the appendix is not after the body's section break")
	}
	if !strings.Contains(pkg.Part("word/header1.xml"), "PAGE") {
		t.Error("the page number field is gone from the header")
	}
}

// libreOfficeLines is how LibreOffice's text conversion writes the table: one
// line per cell paragraph.
func libreOfficeLines(rows [][]string) string {
	var lines []string
	for _, r := range rows {
		lines = append(lines, r...)
	}
	return strings.Join(lines, "\n")
}

func TestSampleAppendixInLibreOffice(t *testing.T) {
	res, docx, xlsx := generateWithAppendix(t)
	appendixtest.CheckXLSXInLibreOffice(t, xlsx, appendixtest.Want(res.Report.Catalogue, appendixtest.FromReport(res.Report)))
	text := strings.ReplaceAll(officetest.Text(t, docx), "\r\n", "\n")
	if want := libreOfficeLines(sampleAppendix(res.Report)); !strings.Contains(text, want) {
		t.Errorf("LibreOffice text lacks the appendix table\n%s\nin\n%s", want, text)
	}
	if !strings.Contains(text, "Phụ lục\nKẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021\n(Kèm theo Báo cáo số") {
		t.Error("LibreOffice text lacks the appendix heading")
	}
}

// renderProvince fills the default template's appendix with another
// province's figures.
func renderProvince(t *testing.T) ([]byte, [][]string) {
	t.Helper()
	tpl, err := templates.DefaultDocx()
	if err != nil {
		t.Fatal(err)
	}
	p := appendixtest.NewProvince()
	r, err := render.New(appendixtest.AppendixOnly(t, tpl), p.Catalogue)
	if err != nil {
		t.Fatal(err)
	}
	docx, err := r.Render(compute.Compute(p.Catalogue, p.Year, p.Prev))
	if err != nil {
		t.Fatal(err)
	}
	return docx, appendixtest.DocxRows(2024, p.Estimate, appendixtest.Want(p.Catalogue, p.Figures))
}

func TestProvinceAppendix(t *testing.T) {
	docx, want := renderProvince(t)
	appendixtest.CompareRows(t, "phụ lục", appendixtest.DocxTable(t, docx), want)
	text, err := docxpkg.Text(docx)
	if err != nil {
		t.Fatal(err)
	}
	if s := "(Kèm theo Báo cáo số 07/BC-STTTT ngày 08 tháng 01 năm 2025 của Sở Thông tin và Truyền thông)"; !strings.Contains(text, s) {
		t.Errorf("report lacks %q", s)
	}
}

func TestProvinceAppendixInLibreOffice(t *testing.T) {
	docx, want := renderProvince(t)
	text := strings.ReplaceAll(officetest.Text(t, docx), "\r\n", "\n")
	if !strings.Contains(text, libreOfficeLines(want)) {
		t.Errorf("LibreOffice text lacks the appendix table\n%s\nin\n%s", libreOfficeLines(want), text)
	}
}

func TestAppendixOutputRefused(t *testing.T) {
	ws := workspaceWith(t, nil)
	dir := t.TempDir()
	report := filepath.Join(dir, "bao-cao.docx")
	tpl := filepath.Join(dir, "mau.xlsx")
	os.WriteFile(tpl, []byte("mẫu"), 0o644)
	for _, c := range []struct{ out, template, want string }{
		{filepath.Join(dir, "phu-luc.docx"), "", "phải có đuôi .xlsx"},
		{filepath.Join(ws.Dir, "phu-luc.xlsx"), "", "không ghi phụ lục vào thư mục số liệu"},
		{filepath.Join(ws.Dir, "2021.xlsx"), "", "không ghi phụ lục vào thư mục số liệu"},
		{tpl, tpl, "trùng với tệp mẫu"},
	} {
		_, err := Run(Options{Workspace: ws, Period: model.YearPeriod(2021), Output: report, Appendix: c.out, Template: c.template})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.out, err, c.want)
		}
	}
	if _, err := Run(Options{Workspace: ws, Period: model.YearPeriod(2021), Output: report, Appendix: report}); err == nil {
		t.Error("the appendix over the report accepted")
	}
	if b, _ := os.ReadFile(tpl); string(b) != "mẫu" {
		t.Error("the template was written over")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files written despite the refusals: %v", entries)
	}
}

// TestAppendixNeverOverwritesEdits: a workbook baocao wrote and nobody
// changed is replaced, whole, with no temporary file left; one edited since,
// or not baocao's, is refused (the report is not written either), or with
// --force kept under another name.
func TestAppendixNeverOverwritesEdits(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "phu-luc.xlsx")
	run := func(force bool) (*Result, error) {
		return Run(Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Output: filepath.Join(dir, "bc.docx"), Appendix: out, Force: force})
	}
	if _, err := run(false); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(out)
	if _, err := run(false); err != nil {
		t.Fatalf("a workbook baocao wrote, unchanged, is refused: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files left: %v", entries)
	}

	// Edited in a spreadsheet program.
	f, err := excelize.OpenReader(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr(appendix.SheetName, "I8", "đã kiểm tra")
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	edited, _ := os.ReadFile(out)
	os.Remove(filepath.Join(dir, "bc.docx"))
	_, err = run(false)
	var exists *ExistsError
	if !errors.As(err, &exists) || !exists.Edited || !strings.Contains(err.Error(), "--phu-luc TÊN_KHÁC.xlsx") {
		t.Fatalf("an edited workbook: %v", err)
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, edited) {
		t.Error("the edited workbook was written over")
	}
	if _, err := os.Stat(filepath.Join(dir, "bc.docx")); err == nil {
		t.Error("the report was written although the workbook was refused")
	}

	res, err := run(true)
	if err != nil {
		t.Fatal(err)
	}
	if kept, _ := os.ReadFile(res.AppendixBackup); res.AppendixBackup == "" || !bytes.Equal(kept, edited) {
		t.Errorf("with --force the edited workbook is not kept: %q", res.AppendixBackup)
	}

	// Not baocao's at all.
	os.WriteFile(out, []byte("bảng tính của người dùng"), 0o644)
	if _, err := run(false); err == nil {
		t.Error("a file baocao did not write was replaced")
	}
}
