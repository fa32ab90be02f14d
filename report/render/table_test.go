package render_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/appendix/appendixtest"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/officetest"
	"github.com/baocao/baocao/report/render"
)

// cell is a table cell with the given properties and one paragraph of text.
func cell(props, pPr, text string) string {
	return `<w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/>` + props + `</w:tcPr><w:p><w:pPr>` + pPr + `</w:pPr><w:r><w:t xml:space="preserve">` +
		docxtest.Esc(text) + `</w:t></w:r></w:p></w:tc>`
}

func row(cells ...string) string { return `<w:tr>` + strings.Join(cells, "") + `</w:tr>` }

const (
	groupShade = `<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>`
	rowShade   = `<w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/>`
	right      = `<w:jc w:val="right"/>`
)

// A template of the test's own, unlike the default one: other columns, a
// group header row spanning the table with shading, a shaded and
// right-aligned figure, numbers at two decimals from .So, and the root list.
var tableTemplate = `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr>` +
	`<w:tblGrid>` + strings.Repeat(`<w:gridCol w:w="1500"/>`, 6) + `</w:tblGrid>` +
	row(cell("", "", "STT"), cell("", "", "Chỉ tiêu"), cell("", "", "Năm {{ .Nam }}"), cell("", "", "Năm {{ .NamTruoc }}"),
		cell("", "", "So với năm trước"), cell("", "", "Số chính xác")) +
	row(cell(`<w:gridSpan w:val="6"/>`, "", "{{ range .Nhom }}")) +
	row(cell(`<w:gridSpan w:val="6"/>`+groupShade, "", "{{ .SoLaMa }} ({{ .So }}). {{ .Ten }}: {{ len .ChiTieu }} chỉ tiêu")) +
	row(cell(`<w:gridSpan w:val="6"/>`, "", "{{ range .ChiTieu }}")) +
	row(cell("", "", "{{ .STT }}"), cell("", "", "{{ .Ten }}{{ with .DonVi }} ({{ . }}){{ end }}{{ if .Uoc }} (ước){{ end }}"),
		cell(rowShade, right, "{{ .ThucHien }}"), cell("", right, "{{ .NamTruoc }}"), cell("", right, "{{ .SoCungKy }}"),
		cell("", right, "{{ if .SoCungKy.CoSo }}{{ so .SoCungKy.So 2 }}{{ else }}-{{ end }}")) +
	row(cell(`<w:gridSpan w:val="6"/>`, "", "{{ end }}")) +
	row(cell(`<w:gridSpan w:val="6"/>`, "", "{{ end }}")) +
	`</w:tbl>` +
	docxtest.P("{{ range .ChiTieu }}") + docxtest.P("{{ .Ma }}: {{ .ThucHien }}{{ if .KeHoach.CoSo }}, kế hoạch {{ .KeHoach }}, đạt {{ .SoKeHoach }}{{ end }}.") + docxtest.P("{{ end }}")

func TestOwnTemplateTable(t *testing.T) {
	p := appendixtest.NewProvince()
	rep := compute.Compute(p.Catalogue, p.Year, p.Prev)
	r, err := render.New(docxtest.Build(docxtest.Files{Body: tableTemplate}), p.Catalogue)
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(rep)
	if err != nil {
		t.Fatal(err)
	}
	groups := appendixtest.Want(p.Catalogue, p.Figures)
	want := [][]string{{"STT", "Chỉ tiêu", "Năm 2024", "Năm 2023", "So với năm trước", "Số chính xác"}}
	var list []string
	rows := 0
	for i, g := range groups {
		want = append(want, []string{fmt.Sprintf("%s (%d). %s: %d chỉ tiêu", g.Roman, i+1, g.Name, len(g.Rows))})
		for _, r := range g.Rows {
			ind, _ := p.Catalogue.Lookup(r.Code)
			name := ind.Name
			if ind.Unit != "" {
				name += " (" + ind.Unit + ")"
			}
			if p.Year.Entry(r.Code) != nil && p.Year.Entry(r.Code).Estimate {
				name += " (ước)"
			}
			exact := "-"
			if n := r.Numbers[3]; n != nil {
				exact = appendixtest.VN(n.Round(2), 2)
			}
			want = append(want, []string{r.Cells[0], name, r.Cells[5], r.Cells[3], r.Cells[6], exact})
			line := r.Code + ": " + r.Cells[5]
			if r.Cells[4] != "" {
				line += ", kế hoạch " + r.Cells[4] + ", đạt " + r.Cells[7]
			}
			list = append(list, line+".")
			rows++
		}
	}
	appendixtest.CompareRows(t, "bảng", appendixtest.DocxTable(t, out), want)

	pkg, err := docxpkg.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	doc := pkg.Part(docxpkg.DocumentPart)
	paras := docxpkg.Paragraphs(doc)
	if got := strings.Join(paras[len(paras)-len(list):], "\n"); got != strings.Join(list, "\n") {
		t.Errorf("root list:\n%s\nwant\n%s", got, strings.Join(list, "\n"))
	}
	// The rows repeated keep the template row's merge, shading and alignment.
	for what, c := range map[string]struct {
		s string
		n int
	}{
		"group shading": {groupShade, len(groups)}, "group span": {`<w:gridSpan w:val="6"/>`, len(groups)},
		"row shading": {rowShade, rows}, "right alignment": {right, 4 * rows},
	} {
		if got := strings.Count(doc, c.s); got != c.n {
			t.Errorf("%s: %d times, want %d", what, got, c.n)
		}
	}
}

// TestAppendixSectionKeepsHeadersFootersFootnotes: a template of the test's
// own whose appendix is a section of its own (landscape, pages numbered from
// 1) keeps its header with the page number, its footer and its footnotes
// filled, in Word's XML and as LibreOffice reads and saves it again.
func TestAppendixSectionKeepsHeadersFootersFootnotes(t *testing.T) {
	const refs = `<w:headerReference w:type="default" r:id="rIdH1"/><w:footerReference w:type="default" r:id="rIdF1"/>`
	body := `<w:p><w:r><w:t xml:space="preserve">Báo cáo năm {{ .Nam }}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>` +
		`<w:p><w:pPr><w:sectPr>` + refs + `<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr></w:p>` +
		docxtest.P("Phụ lục") +
		docxtest.Table(
			[]string{docxtest.P("STT"), docxtest.P("Chỉ tiêu"), docxtest.P("Năm nay")},
			[]string{docxtest.P("{{ range .Nhom }}"), docxtest.P(""), docxtest.P("")},
			[]string{docxtest.P("{{ .SoLaMa }}"), docxtest.P("{{ .Ten }}"), docxtest.P("")},
			[]string{docxtest.P("{{ range .ChiTieu }}"), docxtest.P(""), docxtest.P("")},
			[]string{docxtest.P("{{ .STT }}"), docxtest.P("{{ .Ten }}"), docxtest.P("{{ .ThucHien }}")},
			[]string{docxtest.P("{{ end }}"), docxtest.P(""), docxtest.P("")},
			[]string{docxtest.P("{{ end }}"), docxtest.P(""), docxtest.P("")},
		)
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + docxtest.NS + `><w:body>` + body +
		`<w:sectPr>` + refs + `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgNumType w:start="1"/></w:sectPr></w:body></w:document>`
	tpl := docxtest.Build(docxtest.Files{
		Document: doc,
		Header: `<w:p><w:r><w:t xml:space="preserve">{{ .CoQuan }} – trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
			`<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
		Footer:    docxtest.P("{{ .DiaDanh }}, {{ .Ngay }}"),
		Footnotes: docxtest.Footnote("footnote", 1, docxtest.P("Số liệu năm {{ .NamTruoc }} đã được rà soát.")),
	})
	p := appendixtest.NewProvince()
	r, err := render.New(tpl, p.Catalogue)
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(compute.Compute(p.Catalogue, p.Year, p.Prev))
	if err != nil {
		t.Fatal(err)
	}
	check := func(who string, out []byte) {
		t.Helper()
		pkg, err := docxpkg.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		doc := pkg.Part(docxpkg.DocumentPart)
		if n := strings.Count(doc, "<w:sectPr"); n != 2 {
			t.Errorf("%s: %d sections, want 2", who, n)
		}
		for _, s := range []string{`w:start="1"`, `w:orient="landscape"`, `<w:footnoteReference w:id="1"/>`, "headerReference", "footerReference"} {
			if !strings.Contains(doc, s) {
				t.Errorf("%s: the document lacks %s", who, s)
			}
		}
		text, err := docxpkg.Text(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"Báo cáo năm 2024", "Số liệu năm 2023 đã được rà soát.", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG – trang", "Bắc Kạn, ngày 08 tháng 01 năm 2025", "I\nHạ tầng số\n\n1\nTrạm thu phát sóng (BTS)\n1.234"} {
			if !strings.Contains(text, s) {
				t.Errorf("%s: the text lacks %q", who, s)
			}
		}
		var headers string
		for _, name := range pkg.TemplateParts() {
			if strings.Contains(name, "header") {
				headers += pkg.Part(name)
			}
		}
		if !strings.Contains(headers, "PAGE") {
			t.Errorf("%s: the page number field is gone", who)
		}
	}
	check("baocao", out)
	check("LibreOffice", officetest.Convert(t, out, "bao-cao.docx", "docx:MS Word 2007 XML"))
}

// TestTableTemplateMistakes: a misspelt field of a group, a row or a cell is
// found when the template is read, with the name meant.
func TestTableTemplateMistakes(t *testing.T) {
	p := appendixtest.NewProvince()
	for tag, want := range map[string]string{
		"{{ range .Nhom }}{{ .SoLama }}{{ end }}":                               "«.SoLaMa»",
		"{{ range .Nhom }}{{ range .ChiTieu }}{{ .ThucHen }}{{ end }}{{ end }}": "«.ThucHien»",
		"{{ range .ChiTieu }}{{ .SoCungKy.Chuu }}{{ end }}":                     "«.SoCungKy.Chu»",
	} {
		_, err := render.New(docxtest.Build(docxtest.Files{Body: docxtest.P(tag)}), p.Catalogue)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want a hint of %s", tag, err, want)
		}
	}
}

// TestAppendixCellsOfInterleavedRows: a row's cells are worked out when asked
// for, and only the last row's are kept; a template that asks for another
// row's cells in between still gets each row's own.
func TestAppendixCellsOfInterleavedRows(t *testing.T) {
	p := appendixtest.NewProvince()
	body := docxtest.P(`{{ range .ChiTieu }}{{ .Ma }}={{ .ThucHien }};{{ range $.ChiTieu }}{{ .ThucHien }},{{ end }};{{ .SoCungKy }}|{{ .NamTruoc }}{{ end }}`)
	r, err := render.New(docxtest.Build(docxtest.Files{Body: body}), p.Catalogue)
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(compute.Compute(p.Catalogue, p.Year, p.Prev))
	if err != nil {
		t.Fatal(err)
	}
	var all, want strings.Builder
	var rows []appendixtest.Row
	for _, g := range appendixtest.Want(p.Catalogue, p.Figures) {
		rows = append(rows, g.Rows...)
	}
	for _, r := range rows {
		all.WriteString(r.Cells[5] + ",")
	}
	for _, r := range rows {
		fmt.Fprintf(&want, "%s=%s;%s;%s|%s", r.Code, r.Cells[5], all.String(), r.Cells[6], r.Cells[3])
	}
	pkg, err := docxpkg.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(docxpkg.Paragraphs(pkg.Part(docxpkg.DocumentPart)), "\n"); got != want.String() {
		t.Errorf("got\n%s\nwant\n%s", got, want.String())
	}
}
