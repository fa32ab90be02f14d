package docxtpl_test

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
)

// Appendix is the root of an appendix table: indicators under group rows.
type Appendix struct {
	Nam  int
	Nhom []Group
}

type Group struct {
	So      string
	Ten     string
	ChiTieu []Line
}

type Line struct {
	Ten, DonVi, NamTruoc, NamNay string
}

// cell is a table cell with properties and paragraphs.
func cell(tcPr string, paras ...string) string {
	return `<w:tc><w:tcPr>` + tcPr + `</w:tcPr>` + strings.Join(paras, "") + `</w:tc>`
}

// pj is a paragraph with an alignment and a bold or plain run.
func pj(jc, rPr, text string) string {
	return `<w:p><w:pPr><w:jc w:val="` + jc + `"/></w:pPr>` + run(rPr, docxtest.Esc(text)) + `</w:p>`
}

func row(cells ...string) string {
	return `<w:tr><w:trPr><w:cantSplit/></w:trPr>` + strings.Join(cells, "") + `</w:tr>`
}

const (
	w600  = `<w:tcW w:w="600" w:type="dxa"/>`
	w3000 = `<w:tcW w:w="3000" w:type="dxa"/>`
	w1200 = `<w:tcW w:w="1200" w:type="dxa"/>`
	shade = `<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>`
)

// appendixTable is laid out as a ministry's appendix: a two-row header with
// merged cells, a row per group (shaded, spanning the table) and the rows of
// its indicators under it, numbers right-aligned.
func appendixTable() string {
	return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:insideH w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>` +
		`<w:tblGrid><w:gridCol w:w="600"/><w:gridCol w:w="3000"/><w:gridCol w:w="1200"/><w:gridCol w:w="1200"/><w:gridCol w:w="1200"/></w:tblGrid>` +
		row(cell(w600+`<w:vMerge w:val="restart"/>`, pj("center", "<w:b/>", "STT")),
			cell(w3000+`<w:vMerge w:val="restart"/>`, pj("center", "<w:b/>", "Chỉ tiêu")),
			cell(w1200+`<w:vMerge w:val="restart"/>`, pj("center", "<w:b/>", "Đơn vị tính")),
			cell(`<w:tcW w:w="2400" w:type="dxa"/><w:gridSpan w:val="2"/>`, pj("center", "<w:b/>", "Số liệu"))) +
		row(cell(w600+`<w:vMerge/>`, docxtest.P("")), cell(w3000+`<w:vMerge/>`, docxtest.P("")), cell(w1200+`<w:vMerge/>`, docxtest.P("")),
			cell(w1200, pj("center", "<w:b/>", "Năm {{ $.Nam | hieu }}")), cell(w1200, pj("center", "<w:b/>", "Năm {{ .Nam }}"))) +
		row(cell(w600, docxtest.P("{{ range $g := .Nhom }}")), cell(`<w:tcW w:w="6600" w:type="dxa"/><w:gridSpan w:val="4"/>`, docxtest.P(""))) +
		row(cell(w600+shade, pj("center", "<w:b/>", "{{ .So }}")),
			cell(`<w:tcW w:w="6600" w:type="dxa"/><w:gridSpan w:val="4"/>`+shade, pj("left", "<w:b/>", "{{ .Ten | bang_chu }}"))) +
		row(cell(w600, docxtest.P("{{ range $i, $c := .ChiTieu }}")), cell(`<w:tcW w:w="6600" w:type="dxa"/><w:gridSpan w:val="4"/>`, docxtest.P(""))) +
		row(cell(w600, pj("center", "", "{{ $g.So }}.{{ cong $i 1 }}")),
			cell(w3000, pj("left", "", "{{ .Ten }}")),
			cell(w1200, pj("center", "<w:i/>", "{{ .DonVi }}")),
			cell(w1200, pj("right", "", "{{ .NamTruoc }}")),
			cell(w1200, pj("right", "", "{{ .NamNay }}"))) +
		row(cell(w600, docxtest.P("{{ end }}")), cell(`<w:tcW w:w="6600" w:type="dxa"/><w:gridSpan w:val="4"/>`, docxtest.P(""))) +
		row(cell(w600, docxtest.P("{{ end }}")), cell(`<w:tcW w:w="6600" w:type="dxa"/><w:gridSpan w:val="4"/>`, docxtest.P(""))) +
		`</w:tbl>`
}

func appendixOptions() docxtpl.Options {
	f := funcs()
	f["cong"] = func(a, b int) int { return a + b }
	f["hieu"] = func(a int) int { return a - 1 }
	return docxtpl.Options{Funcs: f, Root: reflect.TypeFor[Appendix]()}
}

func TestAppendixTableGroupRows(t *testing.T) {
	data := Appendix{Nam: 2021, Nhom: []Group{
		{So: "I", Ten: "Bưu chính", ChiTieu: []Line{{"Doanh thu", "tỷ đồng", "120", "130"}, {"Bưu cục", "điểm", "35", "36"}}},
		{So: "II", Ten: "Viễn thông", ChiTieu: []Line{{"Thuê bao", "thuê bao", "1.200", "1.150"}}},
		{So: "III", Ten: "Chưa có số liệu"},
	}}
	body := docxtest.P("Phụ lục") + appendixTable() + docxtest.P("Hết")
	out := render(t, build(body), appendixOptions(), data)
	doc := part(t, out, docxpkg.DocumentPart)

	got := paragraphs(t, out, docxpkg.DocumentPart)
	want := []string{"Phụ lục", "STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "", "", "", "Năm 2020", "Năm 2021",
		"I", "BƯU CHÍNH", "I.1", "Doanh thu", "tỷ đồng", "120", "130", "I.2", "Bưu cục", "điểm", "35", "36",
		"II", "VIỄN THÔNG", "II.1", "Thuê bao", "thuê bao", "1.200", "1.150",
		"III", "CHƯA CÓ SỐ LIỆU", "Hết"}
	if !slices.Equal(got, want) {
		t.Fatalf("paragraphs =\n%q\nwant\n%q", got, want)
	}
	rows := regexpAll(doc, `(?s)<w:tr>.*?</w:tr>`)
	if len(rows) != 2+3+3 {
		t.Fatalf("%d rows, want 8", len(rows))
	}
	// The header keeps its merged cells; group rows their shading and span;
	// indicator rows their alignment and formatting, taken from the template row.
	for _, keep := range []string{`<w:vMerge w:val="restart"/>`, `<w:gridSpan w:val="2"/>`} {
		if !strings.Contains(rows[0], keep) {
			t.Errorf("header row lost %s", keep)
		}
	}
	if strings.Count(rows[1], `<w:vMerge/>`) != 3 {
		t.Errorf("second header row lost its merged cells: %s", rows[1])
	}
	for _, i := range []int{2, 5, 7} {
		if strings.Count(rows[i], shade) != 2 || !strings.Contains(rows[i], `<w:gridSpan w:val="4"/>`) || !strings.Contains(rows[i], "<w:b/>") {
			t.Errorf("group row %d lost its shading, span or bold: %s", i, rows[i])
		}
	}
	for _, i := range []int{3, 4, 6} {
		r := rows[i]
		if strings.Count(r, `<w:jc w:val="right"/>`) != 2 || !strings.Contains(r, "<w:i/>") || strings.Contains(r, shade) || !strings.Contains(r, "<w:cantSplit/>") {
			t.Errorf("indicator row %d lost its formatting: %s", i, r)
		}
	}
	if !strings.Contains(rows[3], `<w:jc w:val="right"/></w:pPr><w:r w:rsidR="00A1B2C3"><w:t xml:space="preserve">130</w:t>`) {
		t.Errorf("value not in its right-aligned cell: %s", rows[3])
	}
	// No group: the header stays.
	out = render(t, build(body), appendixOptions(), Appendix{Nam: 2021})
	if got := paragraphs(t, out, docxpkg.DocumentPart); len(got) != 11 || got[10] != "Hết" {
		t.Fatalf("paragraphs = %q", got)
	}
}

func regexpAll(s, re string) []string { return regexp.MustCompile(re).FindAllString(s, -1) }
