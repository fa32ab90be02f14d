package docxtpl_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"text/template"

	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
)

// Calls has methods and fields for checking arguments.
type Calls struct {
	Ten  string
	Nam  int
	Tro  *int
	Rong any
	DS   []int
	Bang map[string]int
	Goi  func(int) string
	Sai  func() (string, error)
	Sub  *Sub
}

func (Calls) Dem(n int) string                  { return strings.Repeat("x", n) }
func (Calls) Khong(n uint) string               { return "" }
func (Calls) Thuc(x float64) string             { return "" }
func (Calls) Phuc(x complex128) string          { return "" }
func (Calls) Dung(b bool) string                { return "" }
func (Calls) Chuoi(s string) string             { return s }
func (Calls) Giao(x interface{ M() }) string    { return "" }
func (Calls) It(n int, rest ...int) string      { return "" }
func (Calls) Loi(s string) (string, error)      { return "", errors.New("lỗi riêng của hàm: " + s) }
func (Calls) Muc() Item                         { return Item{Ten: "a"} }
func (c Calls) Cong(a, b int) int               { return a + b }
func (Calls) SoVoi(a int, b ...float64) float64 { return 0 }
func (c Calls) Hong() int                       { return *c.Tro }

func callFuncs() template.FuncMap {
	return template.FuncMap{
		"cong":     func(a, b int) int { return a + b },
		"bang_chu": strings.ToUpper,
		"so":       func(x any, decimals ...int) string { return "" },
		"muc":      func(it Item) string { return it.Ten },
	}
}

func callsValue() Calls {
	return Calls{Ten: "Sở", Nam: 2021, DS: []int{1}, Bang: map[string]int{"a": 1},
		Goi: func(n int) string { return "" }, Sai: func() (string, error) { return "", errors.New("lỗi riêng của hàm gọi") }}
}

// Arguments wrong in number or type, where the signature of the function
// or method tells, are found at Parse.
func TestArgumentErrorsAtParse(t *testing.T) {
	opt := docxtpl.Options{Funcs: callFuncs(), Root: reflect.TypeFor[Calls]()}
	tests := []struct{ tag, msg string }{
		{"{{ cong 1.5 2 }}", "hàm «cong» cần số nguyên, không phải «1.5»"},
		{`{{ cong 1 "2" }}`, `hàm «cong» cần số nguyên, không phải «"2"»`},
		{"{{ cong nil 2 }}", "hàm «cong» cần số nguyên, không phải «nil»"},
		{"{{ cong true 2 }}", "hàm «cong» cần số nguyên, không phải «true»"},
		{"{{ bang_chu 5 }}", "hàm «bang_chu» cần chuỗi, không phải «5»"},
		{"{{ cong .Ten 1 }}", "hàm «cong» cần số nguyên, không phải «.Ten» (chuỗi)"},
		{"{{ .Ten | cong 1 }}", "hàm «cong» cần số nguyên, không phải «.Ten» (chuỗi)"},
		{"{{ muc .Sub }}", "hàm «muc» cần giá trị, không phải «.Sub»"},
		{`{{ so 1 "2" }}`, `hàm «so» cần số nguyên, không phải «"2"»`},
		{"{{ cong 1 }}", "hàm «cong» cần 2 đối số nhưng thẻ đưa 1"},
		{"{{ so }}", "hàm «so» cần ít nhất 1 đối số nhưng thẻ đưa 0"},
		{"{{ not }}", "hàm «not» cần 1 đối số nhưng thẻ đưa 0"},
		{"{{ lt 1 }}", "hàm «lt» cần 2 đối số nhưng thẻ đưa 1"},
		{"{{ .Dem }}", "«.Dem» cần 1 đối số nhưng thẻ đưa 0"},
		{"{{ .Dem 1.5 }}", "«.Dem» cần số nguyên, không phải «1.5»"},
		{"{{ .Khong -1 }}", "«.Khong» cần số nguyên không âm, không phải «-1»"},
		{`{{ .Thuc "1,5" }}`, `«.Thuc» cần số thực, không phải «"1,5"»`},
		{`{{ .Dung "có" }}`, `«.Dung» cần giá trị đúng/sai (true hoặc false), không phải «"có"»`},
		{"{{ .Chuoi 1 }}", "«.Chuoi» cần chuỗi, không phải «1»"},
		{"{{ .Giao 1 }}", "«.Giao» cần giá trị, không phải «1»"},
		{"{{ .It }}", "«.It» cần ít nhất 1 đối số nhưng thẻ đưa 0"},
		{"{{ .It 1 2.5 }}", "«.It» cần số nguyên, không phải «2.5»"},
		{"{{ $.Dem .Ten }}", "«$.Dem» cần số nguyên, không phải «.Ten» (chuỗi)"},
		{"{{ .Dem.X }}", "«.Dem» cần 1 đối số nhưng thẻ đưa 0"},
		{"{{ .Ten 1 }}", "«.Ten» không phải là hàm nên không nhận đối số"},
		{"{{ .Nam | .Bang.a }}", "«.Bang.a» không phải là hàm nên không nhận đối số"},
		{"{{ . 1 }}", "«.» không phải là hàm nên không nhận đối số"},
		{"{{ $x := 1 }}{{ $x 2 }}", "«$x» không phải là hàm nên không nhận đối số"},
		{"{{ .Muc.Ten 1 }}", "«.Muc.Ten» không phải là hàm nên không nhận đối số"},
		{"{{ .Nam.X }}", "không có trường «.Nam.X»"},
		{"{{ (.Muc).Ten 1 }}", "«(.Muc).Ten» không phải là hàm nên không nhận đối số"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			_, err := docxtpl.Parse(build(docxtest.P("a")+docxtest.P(tt.tag)), opt)
			checkErrors(t, err, wantErr{"", 2, tt.msg})
		})
	}
}

// What text/template accepts passes: conversions it makes, values whose
// type is unknown, variables assigned values of another type.
func TestArgumentsAccepted(t *testing.T) {
	opt := docxtpl.Options{Funcs: callFuncs(), Root: reflect.TypeFor[Calls]()}
	body := docxtest.P("{{ cong 1 2 }} {{ .Nam | cong 1 }} {{ so 1.5 }} {{ so .Ten 2 }} {{ .Dem 2 }} {{ .Khong 3 }} {{ .Thuc 2 }}") +
		docxtest.P(`{{ .Dung false }} {{ .Chuoi "x" }} {{ .It 1 2 3 }} {{ .SoVoi 1 2 3.5 }} {{ .Cong (cong 1 2) .Nam }}`) +
		docxtest.P("{{ muc .Muc }} {{ cong .Rong 1 }} {{ range $i, $v := .DS }}{{ cong $i $v }}{{ end }} {{ len .DS | cong 1 }}") +
		docxtest.P("{{ $x := .Ten }}{{ $x = .Nam }}{{ cong $x 1 }} {{ eq .Nam 1 }} {{ and .Nam .Ten }} {{ index .DS 0 | cong 1 }}")
	if _, err := docxtpl.Parse(build(body), opt); err != nil {
		t.Fatal(err)
	}
}

// Execution errors of text/template reach the user in Vietnamese, at their
// paragraph. The checks at Parse would find many of them; here the data's
// type is not given, so they happen.
func TestExecutionMessagesTranslated(t *testing.T) {
	opt := docxtpl.Options{Funcs: callFuncs()}
	tests := []struct{ tag, msg string }{
		{"{{ .Dem 1.5 }}", "cần số nguyên, không phải «1.5»"},
		{`{{ .Dem "x" }}`, `cần số nguyên, không phải «"x"»`},
		{"{{ .Khong -1 }}", "cần số nguyên không âm, không phải «-1»"},
		{`{{ .Thuc "x" }}`, `cần số thực, không phải «"x"»`},
		{`{{ .Phuc "x" }}`, `cần số phức, không phải «"x"»`},
		{"{{ .Dung 1 }}", "cần giá trị đúng/sai (true hoặc false), không phải «1»"},
		{"{{ .Chuoi 1 }}", "cần chuỗi, không phải «1»"},
		{"{{ .Dem nil }}", "cần số nguyên, không dùng được nil"},
		{"{{ .Giao 1 }}", "cần giá trị, không phải «1»"},
		{"{{ .Dem .Ten }}", "«{{.Ten}}»: cần số nguyên, không phải chuỗi"},
		{"{{ cong .Ten 1 }}", "«{{.Ten}}»: cần số nguyên, không phải chuỗi"},
		{"{{ .Dem .Rong }}", "«{{.Rong}}»: giá trị rỗng, cần số nguyên"},
		{"{{ .Dem .Tro }}", "«{{.Tro}}»: giá trị rỗng, không dùng được làm số nguyên"},
		{"{{ .Dem }}", "«{{.Dem}}»: hàm «Dem» cần 1 đối số nhưng nhận 0"},
		{"{{ .It }}", "«{{.It}}»: hàm «It» cần ít nhất 1 đối số nhưng nhận 0"},
		{"{{ .Ten 1 }}", "«{{.Ten}}»: «Ten» không phải là hàm nên không nhận đối số"},
		{"{{ .Bang.a 1 }}", "«{{.Bang.a}}»: «a» không phải là hàm nên không nhận đối số"},
		{"{{ .Goi 1 }}", "«{{.Goi}}»: «Goi» không phải là hàm nên không nhận đối số"},
		{"{{ .Thieu }}", "«{{.Thieu}}»: giá trị không có trường «Thieu»"},
		{"{{ .Sub.Ten }}", "«{{.Sub.Ten}}»: giá trị rỗng, không lấy được «Ten»"},
		{"{{ .Loi \"a\" }}", "lỗi riêng của hàm: a"},
		{"{{ .Hong }}", "«{{.Hong}}»: lỗi nội bộ của chương trình khi điền thẻ này (chi tiết kỹ thuật: runtime error: invalid memory address or nil pointer dereference)"},
		{"{{ 18446744073709551615 }}", "số «18446744073709551615» quá lớn"},
		{"{{ index .DS 5 }}", "«{{index .DS 5}}»: chỉ số 5 vượt ngoài danh sách"},
		{"{{ index .DS .Ten }}", "«{{index .DS .Ten}}»: chỉ số phải là số nguyên, không phải chuỗi"},
		{"{{ index .DS nil }}", "«{{index .DS nil}}»: chỉ số rỗng"},
		{"{{ index .Tro 1 }}", "«{{index .Tro 1}}»: giá trị rỗng, không lấy phần tử được"},
		{"{{ index .Nam 1 }}", "«{{index .Nam 1}}»: không lấy phần tử được từ số nguyên"},
		{"{{ slice .DS 0 1 1 1 }}", "«{{slice .DS 0 1 1 1}}»: hàm «slice» nhận nhiều nhất 3 chỉ số nhưng thẻ đưa 4"},
		{"{{ slice .Ten 0 1 1 }}", "«{{slice .Ten 0 1 1}}»: không cắt chuỗi bằng 3 chỉ số được"},
		{"{{ slice .DS 1 0 }}", "«{{slice .DS 1 0}}»: chỉ số cắt không hợp lệ: 1 lớn hơn 0"},
		{"{{ len .Nam }}", "«{{len .Nam}}»: không đếm được số phần tử của số nguyên"},
		{"{{ len .Tro }}", "«{{len .Tro}}»: giá trị rỗng, không đếm được số phần tử"},
		{"{{ lt .Sub .Sub }}", "«{{lt .Sub .Sub}}»: thiếu giá trị để so sánh (giá trị rỗng)"},
		{"{{ lt .Bang .Bang }}", "«{{lt .Bang .Bang}}»: không so sánh được hai giá trị loại này"},
		{"{{ eq 1 }}", "«{{eq 1}}»: thiếu giá trị để so sánh"},
		{`{{ eq .Nam "x" }}`, `«{{eq .Nam "x"}}»: không so sánh được chữ «x» với số 2021; hãy so sánh số với số`},
		{"{{ eq .DS .Bang }}", "«{{eq .DS .Bang}}»: không so sánh được hai giá trị loại này"},
		{"{{ eq .DS .DS }}", "«{{eq .DS .DS}}»: không so sánh được hai giá trị loại này"},
		{"{{ range .Ten }}x{{ end }}", "«{{.Ten}}»: {{range}} không lặp được trên giá trị này; cần một danh sách"},
		{"{{ range $i, $v := .Nam }}x{{ end }}", "«{{.Nam}}»: {{range}} trên giá trị này chỉ khai báo được một biến"},
		{"{{ if .Goi }}x{{ end }}{{ with .Muc }}{{ end }}{{ if .Rong.X }}{{ end }}", "«{{.Rong.X}}»: giá trị rỗng, không lấy được «X»"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			tp, err := docxtpl.Parse(build(docxtest.P("a")+docxtest.P("Giá trị "+tt.tag)), opt)
			if err != nil {
				t.Fatal(err)
			}
			_, err = tp.Execute(callsValue(), nil)
			checkErrors(t, err, wantErr{"", 2, tt.msg})
			list := errorList(t, err)
			if msg := list[0].Msg; msg != tt.msg {
				t.Errorf("Msg = %q, want %q", msg, tt.msg)
			}
		})
	}
}
