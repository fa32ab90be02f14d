package docxtpl_test

import (
	"reflect"
	"slices"
	"testing"
	"text/template"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
)

// Keywords that Word's autocorrect capitalised work as typed in lower case.
func TestCapitalisedKeywords(t *testing.T) {
	body := docxtest.P("Năm nay {{ If .Tang }}tăng{{ Else If eq .Nam 2021 }}bằng{{ Else }}giảm{{ End }}.") +
		docxtest.P("{{ Range .ChiTieu }}") + docxtest.P("{{ .Ten }}") + docxtest.P("{{ End }}") +
		docxtest.P("{{ Range $i, $c := .ChiTieu }}{{ IF $i }}{{ Continue }}{{ END }}{{ $c.Ten }}{{ End }}") +
		para(run("", "{{- Wi"), run("<w:b/>", "th .DonVi -}}"), run("", "[{{ . }}]{{ eLSE }}không{{ end }}")) +
		docxtest.P("{{ Range .ChiTieu }}{{ Break }}{{ Else }}rỗng{{ End }}")
	out := render(t, build(body), options(), sample())
	want := []string{"Năm nay bằng.", "Thuê bao", "Bưu cục", "Trạm BTS", "Thuê bao", "[Sở Thông tin và Truyền thông]", ""}
	if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, want) {
		t.Fatalf("paragraphs = %q, want %q", got, want)
	}
	// Other capitalised words stay what they are: a mistake, said once.
	checkErrors(t, parseErr(t, docxtest.P("{{ Bang_chu .DonVi }}")), wantErr{"", 1, "không có hàm «Bang_chu»; có phải ý là «bang_chu»?"})
	checkErrors(t, parseErr(t, docxtest.P("{{ Template \"x\" }}")), wantErr{"", 1, "thẻ {{template}} không dùng được"})
}

// Indicator is what a domain function gives: a value with its own fields.
type Indicator struct {
	Ma     string
	GiaTri string
}

func hintOptions() docxtpl.Options {
	return docxtpl.Options{
		Funcs: template.FuncMap{"chi_tieu": func(code string) *Indicator { return &Indicator{Ma: code, GiaTri: "1.150"} }},
		Root:  reflect.TypeFor[Report](),
	}
}

// A field read where dot is something else gets a hint of where it is.
func TestFieldInTheWrongPlaceHints(t *testing.T) {
	tests := []struct{ body, msg string }{
		{docxtest.P(`{{ with chi_tieu "X" }}{{ .GiaTri }} năm {{ .Nam }}{{ end }}`),
			"không có trường «.Nam» ở đây; trong khối {{with}} (đoạn 1), dấu chấm (.) là giá trị của {{with}}, không phải cả báo cáo: muốn lấy «.Nam» của báo cáo, hãy viết «$.Nam»"},
		{docxtest.P(`{{ range .ChiTieu }}`) + docxtest.P(`{{ .Ten }} của {{ .DonVi }}`) + docxtest.P(`{{ end }}`),
			"không có trường «.DonVi» ở đây; trong khối {{range}} (đoạn 1), dấu chấm (.) là phần tử đang xét, không phải cả báo cáo: muốn lấy «.DonVi» của báo cáo, hãy viết «$.DonVi»"},
		{docxtest.P(`Giá trị {{ .GiaTri }}`),
			`không có trường «.GiaTri» ở đây; «.GiaTri» là trường của giá trị hàm «chi_tieu» cho: hãy viết {{ with chi_tieu "MÃ" }}…{{ .GiaTri }}…{{ end }}, hoặc {{ (chi_tieu "MÃ").GiaTri }}`},
		{docxtest.P(`Tên {{ .Ten }}`),
			"không có trường «.Ten» ở đây; «.Ten» là trường của từng phần tử trong «.ChiTieu»: hãy viết {{ range .ChiTieu }}…{{ .Ten }}…{{ end }}"},
	}
	for _, tt := range tests {
		_, err := docxtpl.Parse(build(tt.body), hintOptions())
		list := errorList(t, err)
		if len(list) != 1 || list[0].Msg != tt.msg {
			t.Errorf("errors:\n%v\nwant %q", err, tt.msg)
		}
	}
	// A misspelling still gets its nearest name.
	_, err := docxtpl.Parse(build(docxtest.P(`{{ with chi_tieu "X" }}{{ .GiaTrj }}{{ end }}`)), hintOptions())
	checkErrors(t, err, wantErr{"", 1, "không có trường «.GiaTrj»; có phải ý là «.GiaTri»?"})
}
