package docxtpl_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
	"github.com/shopspring/decimal"
)

// Functions of Go that print its notation into a report are refused at
// Parse, where the clerk typed them.
func TestRefusedBuiltins(t *testing.T) {
	for tag, msg := range map[string]string{
		`{{ printf "%s" }}`:          "hàm «printf» không dùng được trong mẫu báo cáo; hãy viết chữ ngay trong mẫu",
		`{{ printf "%1000000d" 1 }}`: "hàm «printf» không dùng được trong mẫu báo cáo",
		`{{ print .Nam }}`:           "hàm «print» không dùng được",
		`{{ println .Nam }}`:         "hàm «println» không dùng được",
		`{{ .DonVi | html }}`:        "hàm «html» không dùng được trong mẫu báo cáo; mọi giá trị in ra đã tự động hiện đúng nguyên văn",
		`{{ js .DonVi }}`:            "hàm «js» không dùng được",
		`{{ urlquery .DonVi }}`:      "hàm «urlquery» không dùng được",
		`{{ call .TieuDe }}`:         "hàm «call» không dùng được trong mẫu báo cáo; hãy gọi thẳng phương thức",
		`{{ len nil }}`:              "hàm «len» cần một danh sách hoặc chuỗi, không phải «nil»",
		`{{ index nil 1 }}`:          "hàm «index» cần một danh sách hoặc chuỗi, không phải «nil»",
		`{{ nil }}`:                  "«nil» không phải là một giá trị để in hay để xét",
	} {
		t.Run(tag, func(t *testing.T) {
			for _, opt := range []docxtpl.Options{options(), {Funcs: funcs()}} {
				_, err := docxtpl.Parse(build(docxtest.P("Mở đầu")+docxtest.P("Giá trị: "+tag)), opt)
				checkErrors(t, err, wantErr{"", 2, msg})
			}
		})
	}
	// Ten thousand of them end at once with one error a paragraph.
	body := strings.Repeat(docxtest.P(`{{ printf "%1000000d" 1 }}`), 10_000)
	if errs := errorList(t, parseErr(t, body)); len(errs) != 10_000 {
		t.Fatalf("%d errors", len(errs))
	}
	// A domain function of that name is the domain's.
	opt := options()
	opt.Funcs["print"] = func(s string) string { return "in: " + s }
	out := render(t, build(docxtest.P(`{{ print "x" }}`)), opt, sample())
	if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, []string{"in: x"}) {
		t.Fatalf("paragraphs = %q", got)
	}
}

// Figures is a root with numbers of several Go types, as a domain may give.
type Figures struct {
	Nam              int
	GiaTri           string
	GiaTriSo         decimal.Decimal
	GiaTriNamTruocSo decimal.Decimal
	Sub              *Figures
	So               decimal.Decimal
	TyLe             float64
	Thieu            *decimal.Decimal
	Co               bool
}

func figureOptions(root bool) docxtpl.Options {
	opt := docxtpl.Options{Funcs: funcs()}
	if root {
		opt.Root = reflect.TypeFor[Figures]()
	}
	return opt
}

func figures() Figures {
	return Figures{Nam: 2021, GiaTri: "2.530", So: decimal.RequireFromString("2530.5"), TyLe: 79.967, Sub: &Figures{GiaTri: "1"}}
}

// Numbers compare by value whatever their Go type, with the numbers typed
// in the tag.
func TestNumbersCompareAsNumbers(t *testing.T) {
	body := docxtest.P(`{{ if gt .So 2000 }}lớn{{ else }}nhỏ{{ end }}`) +
		docxtest.P(`{{ if lt .So 2530.6 }}a{{ end }}{{ if eq .So 2530.5 }}b{{ end }}{{ if ge .TyLe 80 }}đạt{{ else }}chưa đạt{{ end }}`) +
		docxtest.P(`{{ if eq .Nam 2020 2021 }}c{{ end }}{{ if ne .Nam 2021.0 }}d{{ end }}{{ if le .TyLe .So }}e{{ end }}{{ if eq .GiaTri "2.530" }}f{{ end }}`) +
		docxtest.P(`{{ if eq .Thieu nil }}g{{ end }}{{ if eq .Co false }}h{{ end }}{{ if lt "a" "b" }}i{{ end }}`)
	want := []string{"lớn", "abchưa đạt", "cef", "ghi"}
	for _, root := range []bool{true, false} {
		out := render(t, build(body), figureOptions(root), figures())
		if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, want) {
			t.Fatalf("root %v: paragraphs = %q, want %q", root, got, want)
		}
	}
}

// Text against a number is an error: at Parse where the types are known,
// at Execute otherwise, located and in Vietnamese either way.
func TestTextComparedWithNumber(t *testing.T) {
	tests := []struct{ tag, atParse, atExecute string }{
		{`{{ if gt .GiaTri 2000 }}x{{ end }}`,
			"so sánh chữ với số: «.GiaTri» là chữ còn «2000» là số; hãy so sánh số với số (giá trị số là «.GiaTriSo»)",
			"«{{gt .GiaTri 2000}}»: không so sánh được chữ «2.530» với số 2000; hãy so sánh số với số (chữ viết số vẫn là chữ, không được hiểu là số)"},
		{`{{ if gt .So "2000" }}x{{ end }}`,
			`so sánh chữ với số: «"2000"» là chữ còn «.So» là số; hãy so sánh số với số (bỏ dấu ngoặc kép để viết số: 2000)`,
			`«{{gt .So "2000"}}»: không so sánh được chữ «2000» với số 2530.5`},
		{`{{ if eq .Nam 2020 "2021" }}x{{ end }}`,
			`so sánh chữ với số: «"2021"» là chữ còn «.Nam» là số`,
			`«{{eq .Nam 2020 "2021"}}»: không so sánh được chữ «2021» với số 2021`},
		{`{{ with .Sub }}{{ if gt 2000 $.Sub.GiaTri }}x{{ end }}{{ end }}`,
			"so sánh chữ với số: «$.Sub.GiaTri» là chữ còn «2000» là số; hãy so sánh số với số (giá trị số là «$.Sub.GiaTriSo»)",
			"«{{gt 2000 $.Sub.GiaTri}}»: không so sánh được chữ «1» với số 2000"},
		{`{{ if gt .Sub 2000 }}x{{ end }}`,
			"không so sánh được giá trị với số: «.Sub» là cả một đối tượng, «2000» là số; hãy so sánh một giá trị số của nó, ví dụ «.Sub.So»",
			"«{{gt .Sub 2000}}»: không so sánh được giá trị với số"},
		{`{{ if gt .GiaTri "2000" }}x{{ end }}`, "",
			`«{{gt .GiaTri "2000"}}»: không so sánh lớn, nhỏ được hai chữ viết số «2.530» và «2000»: chữ được so theo từng ký tự`},
		{`{{ if lt .Co true }}x{{ end }}`, "", "«{{lt .Co true}}»: không so sánh lớn, nhỏ được giá trị đúng/sai"},
		{`{{ if lt .Thieu 1 }}x{{ end }}`, "", "«{{lt .Thieu 1}}»: thiếu giá trị để so sánh (giá trị rỗng)"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			body := docxtest.P("Mở đầu") + docxtest.P(tt.tag)
			_, err := docxtpl.Parse(build(body), figureOptions(true))
			if tt.atParse != "" {
				checkErrors(t, err, wantErr{"", 2, tt.atParse})
			} else if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			tp := parse(t, build(body), figureOptions(false))
			_, err = tp.Execute(figures(), nil)
			checkErrors(t, err, wantErr{"", 2, tt.atExecute})
		})
	}
}
