package render_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/appendix/appendixtest"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
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
