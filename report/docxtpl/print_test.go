package docxtpl_test

import (
	"math/big"
	"reflect"
	"slices"
	"strings"
	"testing"
	"text/template"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
	"github.com/shopspring/decimal"
)

// Printed holds values of every sort a tag may try to print.
type Printed struct {
	Ten    string
	So     int
	Dem    uint8
	Dung   bool
	Ty     float64
	Tien   decimal.Decimal
	TyLe   *big.Rat
	Ma     Code
	Muc    Item
	MucCon *Item
	DS     []string
	Bang   map[string]int
	Mang   [2]int
	Bat    any
}

// Code formats itself.
type Code struct{ s string }

func (c Code) String() string { return "MÃ " + c.s }

func printed() Printed {
	return Printed{
		Ten: "Sở", So: -3, Dem: 7, Dung: true, Ty: 1.5, Tien: decimal.RequireFromString("12.50"),
		TyLe: big.NewRat(3, 2), Ma: Code{"A1"}, Muc: Item{"Thuê bao", "1.200"}, MucCon: &Item{"Bưu cục", "35"},
		DS: []string{"a", "b"}, Bang: map[string]int{"x": 1}, Bat: "chuỗi trong any",
	}
}

func printOptions(root bool) docxtpl.Options {
	opt := docxtpl.Options{Funcs: template.FuncMap{
		"muc":    func(ten string) *Item { return &Item{Ten: ten} },
		"bat_ky": func(x any) any { return x },
	}}
	if root {
		opt.Root = reflect.TypeFor[Printed]()
	}
	return opt
}

var objectTags = []struct{ tag, msg string }{
	{"{{ .Muc }}", "thẻ «{{.Muc}}» in ra cả một đối tượng, không phải một giá trị; hãy chọn một trường, ví dụ {{.Muc.GiaTri}}"},
	{"{{ .MucCon }}", "thẻ «{{.MucCon}}» in ra cả một đối tượng, không phải một giá trị; hãy chọn một trường, ví dụ {{.MucCon.GiaTri}}"},
	{"{{ . }}", "thẻ «{{.}}» in ra cả một đối tượng, không phải một giá trị; hãy chọn một trường, ví dụ {{.Ten}}"},
	{`{{ muc "x" }}`, `thẻ «{{muc "x"}}» in ra cả một đối tượng, không phải một giá trị; hãy chọn một trường, ví dụ {{(muc "x").GiaTri}}`},
	{"{{ with .Muc }}{{ . }}{{ end }}", "thẻ «{{.}}» in ra cả một đối tượng"},
	{"{{ .DS }}", "thẻ «{{.DS}}» in ra cả một danh sách; hãy dùng {{range .DS}}…{{end}} để in từng phần tử"},
	{"{{ .Bang }}", "thẻ «{{.Bang}}» in ra cả một danh sách; hãy dùng {{range .Bang}}…{{end}} để in từng phần tử"},
	{"{{ .Mang }}", "thẻ «{{.Mang}}» in ra cả một danh sách"},
}

// Printing a whole object or list is an error at Parse when the checker
// knows the type (Options.Root, a function's result).
func TestPrintingObjectOrListAtParse(t *testing.T) {
	for _, tt := range objectTags {
		t.Run(tt.tag, func(t *testing.T) {
			_, err := docxtpl.Parse(build(docxtest.P("a")+docxtest.P("Giá trị: "+tt.tag)), printOptions(true))
			checkErrors(t, err, wantErr{"", 2, tt.msg})
		})
	}
}

// Without the type, the same is an error at execution, at the paragraph.
func TestPrintingObjectOrListAtExecute(t *testing.T) {
	// A function's result type is known without Options.Root.
	tags := slices.DeleteFunc(slices.Clone(objectTags), func(tt struct{ tag, msg string }) bool { return strings.Contains(tt.tag, "muc ") })
	tags = append(tags,
		struct{ tag, msg string }{`{{ bat_ky .Muc }}`, "thẻ «{{bat_ky .Muc}}» in ra cả một đối tượng"},
		struct{ tag, msg string }{`{{ bat_ky .DS }}`, "thẻ «{{bat_ky .DS}}» in ra cả một danh sách"})
	for _, tt := range tags {
		t.Run(tt.tag, func(t *testing.T) {
			tp := parse(t, build(docxtest.P("a")+docxtest.P("Giá trị: "+tt.tag)), printOptions(false))
			out, err := tp.Execute(printed(), nil)
			if out != nil {
				t.Errorf("output returned: %s", part(t, out, docxpkg.DocumentPart))
			}
			checkErrors(t, err, wantErr{"", 2, tt.msg})
		})
	}
	// A value of interface type is checked when it is known.
	tp := parse(t, build(docxtest.P("{{ bat_ky .MucCon }}")), printOptions(true))
	_, err := tp.Execute(printed(), nil)
	checkErrors(t, err, wantErr{"", 1, "in ra cả một đối tượng"})
	// An empty pointer to what formats itself is missing, not "<nil>".
	tp = parse(t, build(docxtest.P("{{ .TyLe }}")), printOptions(true))
	_, err = tp.Execute(Printed{}, nil)
	checkErrors(t, err, wantErr{"", 1, "thẻ «{{.TyLe}}» không có giá trị để in"})
}

// Strings, numbers, booleans and values that format themselves print,
// also when held in a value of interface type.
func TestPrintingValues(t *testing.T) {
	body := docxtest.P("{{ .Ten }}|{{ .So }}|{{ .Dem }}|{{ .Dung }}|{{ .Ty }}") +
		docxtest.P("{{ .Tien }}|{{ .TyLe }}|{{ .Ma }}|{{ .Muc.Ten }}|{{ .MucCon.GiaTri }}") +
		docxtest.P("{{ .Bat }}|{{ bat_ky .Ten }}|{{ bat_ky 5 }}|{{ index .DS 1 }}|{{ .Bang.x }}|{{ range .DS }}{{ . }}{{ end }}")
	want := []string{"Sở|-3|7|true|1.5", "12.5|3/2|MÃ A1|Thuê bao|35", "chuỗi trong any|Sở|5|b|1|ab"}
	for _, root := range []bool{true, false} {
		out := render(t, build(body), printOptions(root), printed())
		if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, want) {
			t.Errorf("root %v: paragraphs = %q, want %q", root, got, want)
		}
	}
}
