package render

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/model"
)

// TestChartProblems: every problem of a bieu_do tag is said at once, at the
// tag's paragraph; an unknown first code already when the template is read.
func TestChartProblems(t *testing.T) {
	_, err := renderLines(t,
		`Mở đầu.`,
		`{{ bieu_do "DT" "MOI" }}`,
		`{{ bieu_do "TL" "XH" "TL" }}`,
		`{{ bieu_do "DT" "KHONG_CO" }}`,
	)
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{
		"đoạn 2", "bieu_do: các chỉ tiêu của một biểu đồ phải cùng đơn vị tính, để so được trên một trục: DT (tỷ đồng), MOI (cơ sở)",
		"đoạn 3", "bieu_do: chỉ tiêu XH là thứ hạng, không vẽ được trên biểu đồ cột", "bieu_do: chỉ tiêu TL được nêu hai lần",
		"đoạn 4", "KHONG_CO",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	if _, err := renderLines(t, `{{ bieu_do "KHONG_CO" }}`); err == nil || !strings.Contains(err.Error(), "KHONG_CO") {
		t.Errorf("unknown first code: %v", err)
	}
	// At least one code, said when the template is read.
	if _, err := renderLines(t, `{{ bieu_do }}`); err == nil || !strings.Contains(err.Error(), "bieu_do") {
		t.Errorf("no code: %v", err)
	}
}

// TestChartData: the series follow the figures: a series nobody has is left
// out, and the title says what is compared.
func TestChartData(t *testing.T) {
	rep := testReport()
	r, err := New(docxtest.Build(docxtest.Files{Body: docxtest.P(`{{ bieu_do "DT" }}`)}), rep.Catalogue)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(r.Indicators(), "DT") {
		t.Errorf("the chart's indicator is not among those the template needs: %v", r.Indicators())
	}
	cases := []struct {
		codes  []string
		title  string
		series []string
		values [][]string // per series, per category; "" for no value
	}{
		{[]string{"DT"}, "Kết quả năm 2021 so với năm 2020 và Kế hoạch năm 2021",
			[]string{"Năm 2020", "Năm 2021", "Kế hoạch năm 2021"}, [][]string{{"120"}, {"130"}, {"110"}}},
		{[]string{"MOI"}, "Kết quả năm 2021", []string{"Năm 2021"}, [][]string{{"7"}}},
		// Last year only for TL: KHONG has a zero base, which is a value.
		{[]string{"TL"}, "Kết quả năm 2021 so với năm 2020", []string{"Năm 2020", "Năm 2021"}, [][]string{{"45"}, {"47.5"}}},
	}
	for _, c := range cases {
		r.cur = newReport(rep, nil)
		ch, ok := r.cur.chart("bieu_do", c.codes)
		if !ok {
			t.Fatalf("%v: not ok", c.codes)
		}
		var names []string
		for i, s := range ch.Series {
			names = append(names, s.Name)
			for j, v := range s.Values {
				got := ""
				if v != nil {
					got = v.String()
				}
				if got != c.values[i][j] {
					t.Errorf("%v: %s[%d] = %q, want %q", c.codes, s.Name, j, got, c.values[i][j])
				}
			}
		}
		if ch.Title != c.title || !slices.Equal(names, c.series) {
			t.Errorf("%v: %q %q", c.codes, ch.Title, names)
		}
	}
}

// Verify, which keeps no output, says what RenderPackage says of where the
// charts are (in a paragraph of their own, with other text, in a header, in
// a text box, after several megabytes of output) and of a missing value.
func TestVerifyAgreesOnCharts(t *testing.T) {
	chartP := docxtest.P(`{{ bieu_do "DT" }}`)
	textBox := `<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>` +
		chartP + `</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`
	long := docxtest.P(`{{ range .Y "nhiem_vu" }}`) + docxtest.P(`{{ . }}`) + docxtest.P(`{{ end }}`)
	cases := []struct {
		name  string
		files docxtest.Files
		fails bool
	}{
		{"alone", docxtest.Files{Body: docxtest.P("Mở đầu.") + chartP}, false},
		{"with text", docxtest.Files{Body: docxtest.P(`Biểu đồ: {{ bieu_do "DT" }} &amp; chữ`)}, true},
		{"in a header", docxtest.Files{Body: docxtest.P("Thân."), Header: chartP}, true},
		{"in a text box", docxtest.Files{Body: textBox}, true},
		{"after megabytes", docxtest.Files{Body: long + chartP + docxtest.P(`Sau: {{ bieu_do "DT" }}`)}, true},
		{"a value missing", docxtest.Files{Body: long + docxtest.P(`{{ (chi_tieu "MOI").DatKeHoach }}`) + chartP}, true},
	}
	rep := testReport()
	item := strings.Repeat("Nhiệm vụ trọng tâm & chuyển đổi số ", 100)
	for range 2000 {
		rep.Current.Narrative = append(rep.Current.Narrative, model.NarrativeItem{Part: "nhiem_vu", Text: item})
	}
	for _, c := range cases {
		r, err := New(docxtest.Build(c.files), rep.Catalogue)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		_, rendered := r.RenderPackage(rep)
		verified := r.Verify(rep)
		if (rendered != nil) != c.fails || fmt.Sprint(rendered) != fmt.Sprint(verified) {
			t.Errorf("%s: RenderPackage: %v\nVerify: %v", c.name, rendered, verified)
		}
	}
}

// A chart is drawn whatever names its indicator: a quoted code, a field or a
// variable; and Verify then follows its placement as RenderPackage does.
func TestChartWhateverNamesItsCode(t *testing.T) {
	rep := testReport()
	for _, body := range []string{
		docxtest.P(`{{ bieu_do "DT" }}`),
		docxtest.P(`{{ with chi_tieu "DT" }}`) + docxtest.P(`{{ bieu_do .Ma }}`) + docxtest.P(`{{ end }}`),
		docxtest.P(`{{ $c := "DT" }}`) + docxtest.P(`{{ bieu_do $c }}`),
	} {
		r, err := New(docxtest.Build(docxtest.Files{Body: body}), rep.Catalogue)
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		pkg, err := r.RenderPackage(rep)
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		doc := pkg.Part(docxpkg.DocumentPart)
		if pkg.Part("word/charts/chart1.xml") == "" || !strings.Contains(doc, "<c:chart ") || strings.Contains(doc, "[[") {
			t.Errorf("%s: no chart drawn:\n%s", body, doc)
		}
		bad, err := New(docxtest.Build(docxtest.Files{Body: strings.Replace(body, `{{ bieu_do`, `Chữ {{ bieu_do`, 1)}), rep.Catalogue)
		if err != nil {
			t.Fatal(err)
		}
		if _, rendered := bad.RenderPackage(rep); rendered == nil || fmt.Sprint(rendered) != fmt.Sprint(bad.Verify(rep)) {
			t.Errorf("%s beside text: RenderPackage %v, Verify %v", body, rendered, bad.Verify(rep))
		}
	}
}
