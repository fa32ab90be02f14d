package docxtpl_test

import (
	"encoding/xml"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"text/template"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
)

// Report is test data shaped like the real one.
type Report struct {
	Nam        int
	DonVi      string
	TangTruong string
	Ghi        string
	Tang       bool
	ChiTieu    []Item
	Nhom       map[string][]Item
	Sub        *Sub
}

type Item struct {
	Ten    string
	GiaTri string
}

type Sub struct{ Ten string }

func (r Report) TieuDe() string { return "BÁO CÁO NĂM " + strconv.Itoa(r.Nam) }

func sample() Report {
	return Report{
		Nam: 2021, DonVi: "Sở Thông tin và Truyền thông", TangTruong: "12,5%",
		ChiTieu: []Item{{"Thuê bao", "1.200"}, {"Bưu cục", "35"}, {"Trạm BTS", "2.410"}},
	}
}

// funcs are domain-like functions.
func funcs() template.FuncMap {
	return template.FuncMap{
		"bang_chu":  func(s string) string { return strings.ToUpper(s) },
		"phan_tram": func(s string) string { return s + " %" },
		"chi_tieu":  func(code string) string { return "CT:" + code },
	}
}

func options() docxtpl.Options {
	return docxtpl.Options{
		Funcs: funcs(),
		Root:  reflect.TypeFor[Report](),
		ArgChecks: map[string]func(string) (string, string){
			"chi_tieu": func(code string) (string, string) {
				if code == "BC01" || code == "BC02" {
					return "", ""
				}
				if code == "BC1" {
					return "không có chỉ tiêu «BC1»; có phải ý là «BC01»?", ""
				}
				return "không có chỉ tiêu «" + code + "»", "thêm chỉ tiêu vào danh mục"
			},
		},
	}
}

func build(body string) []byte { return docxtest.Build(docxtest.Files{Body: body}) }

func parse(t *testing.T, data []byte, opt docxtpl.Options) *docxtpl.Template {
	t.Helper()
	tp, err := docxtpl.Parse(data, opt)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return tp
}

// render parses and executes a template, checks that every template part
// of the output is well-formed XML, and returns the output.
func render(t *testing.T, data []byte, opt docxtpl.Options, value any) []byte {
	t.Helper()
	out, err := parse(t, data, opt).Execute(value, nil)
	if err != nil {
		t.Fatalf("Execute: %v", err)
	}
	checkWellFormed(t, out)
	return out
}

func checkWellFormed(t *testing.T, docx []byte) {
	t.Helper()
	p, err := docxpkg.Open(docx)
	if err != nil {
		t.Fatalf("output does not open: %v", err)
	}
	for _, name := range p.TemplateParts() {
		d := xml.NewDecoder(strings.NewReader(p.Part(name)))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed: %v\n%s", name, err, p.Part(name))
			}
		}
	}
}

// paragraphs returns the output document's paragraphs.
func paragraphs(t *testing.T, docx []byte, partName string) []string {
	t.Helper()
	p, err := docxpkg.Open(docx)
	if err != nil {
		t.Fatal(err)
	}
	return docxpkg.Paragraphs(p.Part(partName))
}

func part(t *testing.T, docx []byte, name string) string {
	t.Helper()
	p, err := docxpkg.Open(docx)
	if err != nil {
		t.Fatal(err)
	}
	return p.Part(name)
}

// errorList asserts err is a docxtpl.ErrorList.
func errorList(t *testing.T, err error) docxtpl.ErrorList {
	t.Helper()
	var list docxtpl.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T) is not an ErrorList", err, err)
	}
	return list
}

// run builds a run with optional properties.
func run(rPr, text string) string {
	if rPr != "" {
		rPr = "<w:rPr>" + rPr + "</w:rPr>"
	}
	return `<w:r w:rsidR="00A1B2C3">` + rPr + `<w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

func para(runs ...string) string {
	return `<w:p w:rsidR="00112233">` + strings.Join(runs, "") + `</w:p>`
}
