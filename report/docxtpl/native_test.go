package docxtpl

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"text/template"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
)

// Native loops must give what text/template gives: the same output, the
// same errors at the same places, the same problems recorded.

type nRoot struct {
	Items    []*nItem
	Names    []string
	Groups   []*nGroup
	Values   []nItem
	Empty    []*nItem
	Anys     []any
	Title    string
	problems *Problems
}

type nGroup struct {
	Name  string
	Items []*nItem
}

type nItem struct {
	Ten  string
	Val  int
	Sub  *nItem
	Tags []string
	root *nRoot
}

func (i *nItem) Ma() string { return fmt.Sprintf("M%03d", i.Val) }

func (i *nItem) Checked() (string, error) {
	if i.Val < 0 {
		return "", errors.New("giá trị âm ở " + i.Ten)
	}
	return i.Ten, nil
}

func (i *nItem) Boom() string {
	if i.Val == 13 {
		var m map[string]int
		m["x"] = 1 // a panic of the runtime
	}
	return "ok"
}

func (i *nItem) Text() string { return i.Ten + " & <b>\nhai\tba" }
func (i *nItem) Nothing() any { return nil }
func (i *nItem) Number() any  { return i.Val }
func (i *nItem) Even() bool   { return i.Val%2 == 0 }
func (i *nItem) Miss() string {
	i.root.problems.Add("thiếu số liệu của " + i.Ten)
	return "…"
}
func (i nItem) ByValue() string { return "v" + i.Ten }
func (i *nItem) Object() any    { return i.Sub }

func nData(p *Problems, vals ...int) *nRoot {
	r := &nRoot{Names: []string{"một", "hai & ba", "bốn"}, Title: "Tiêu đề", problems: p}
	for k, v := range vals {
		it := &nItem{Ten: fmt.Sprintf("mục %d", k+1), Val: v, Tags: []string{"a", "b"}, root: r}
		if v%3 == 0 {
			it.Sub = &nItem{Ten: "con " + it.Ten, Val: v + 1, root: r}
		}
		r.Items = append(r.Items, it)
		r.Values = append(r.Values, *it)
		r.Anys = append(r.Anys, v)
	}
	r.Groups = []*nGroup{{"A", r.Items}, {"B", nil}}
	return r
}

func TestNativeLoopsAsTextTemplate(t *testing.T) {
	P := docxtest.P
	tests := []struct {
		name   string
		body   string
		vals   []int
		native bool // a loop runs natively
	}{
		{"fields", P("{{range .Items}}") + P("{{.Ten}} {{.Ma}} {{.Val}} {{.Even}}") + P("{{end}}"), []int{1, 2, 3}, true},
		{"strings", P(`{{range .Names}}`) + P("- {{.}}") + P("{{end}}"), nil, true},
		{"inline", P("{{range .Names}}[{{.}}]{{end}}"), nil, true},
		{"table", docxtest.Table([]string{P("A"), P("B")}, []string{P("{{range .Items}}"), P("")}, []string{P("{{.Ten}}"), P("{{.Text}}")}, []string{P("{{end}}"), P("")}), []int{1, 2}, true},
		{"empty table", docxtest.Table([]string{P("{{range .Empty}}"), P("")}, []string{P("{{.Ten}}"), P("{{.Ma}}")}, []string{P("{{end}}"), P("")}) + P("sau"), nil, true},
		{"cell", docxtest.Table([]string{P("{{range .Empty}}") + P("{{.Ten}}") + P("{{end}}")}), nil, true},
		{"loop around a table", P("{{range .Groups}}") + docxtest.Table([]string{P("{{.Name}}")}, []string{P("{{range .Items}}")}, []string{P("{{.Ma}}")}, []string{P("{{end}}")}) + P("{{end}}"), []int{1, 2}, true},
		{"else", P("{{range .Empty}}") + P("{{.Ten}}") + P("{{else}}") + P("không có {{.Title}}") + P("{{end}}"), nil, true},
		{"decls", P("{{range $i, $x := .Items}}") + P("{{$i}}: {{$x.Ten}} {{$.Title}}") + P("{{end}}"), []int{4, 5}, true},
		{"one decl", P("{{range $x := .Items}}{{$x.Ma}}{{end}}"), []int{4, 5}, true},
		{"nested", P("{{range .Groups}}") + P("{{.Name}}") + P("{{range .Items}}") + P("{{.Ten}}") + P("{{else}}") + P("trống") + P("{{end}}") + P("{{end}}"), []int{1, 2}, true},
		{"outer var", P("{{$t := .Title}}{{range .Items}}{{$t}}-{{.Ten}}{{end}}"), []int{1, 2}, true},
		{"if else if", P("{{range .Items}}") + P("{{if .Even}}") + P("chẵn {{.Val}}") + P("{{else if .Sub}}") + P("có con {{.Sub.Ten}}") + P("{{else}}") + P("lẻ") + P("{{end}}") + P("{{end}}"), []int{1, 2, 3, 6, 7}, true},
		{"with", P("{{range .Items}}{{with .Sub}}[{{.Ten}}]{{else}}[không]{{end}}{{end}}"), []int{1, 3}, true},
		{"break continue", P("{{range .Items}}") + P("{{if .Even}}") + P("{{continue}}") + P("{{end}}") + P("{{if .Sub}}") + P("{{break}}") + P("{{end}}") + P("{{.Ten}}") + P("{{end}}"), []int{1, 2, 5, 9, 11}, true},
		{"decl in body", P("{{range .Items}}{{$m := .Ma}}{{$m}}/{{$m}}{{end}}"), []int{1, 2}, true},
		{"value receivers", P("{{range .Values}}{{.ByValue}} {{.Ma}}{{end}}"), []int{1, 2}, true},
		{"anys", P("{{range .Anys}}{{.}};{{end}}"), []int{1, 2}, true},
		{"interface result", P("{{range .Items}}{{.Number}};{{end}}"), []int{1, 2}, true},
		{"method error", P("{{range .Items}}") + P("{{.Checked}}") + P("{{end}}"), []int{1, -2, 3}, true},
		{"panic", P("{{range .Items}}") + P("x {{.Boom}}") + P("{{end}}"), []int{1, 13}, true},
		{"missing value", P("{{range .Items}}") + P("{{.Nothing}}") + P("{{end}}"), []int{1}, true},
		{"object printed", P("{{range .Items}}") + P("a {{.Object}}") + P("{{end}}"), []int{3}, true},
		{"nil object", P("{{range .Items}}") + P("a {{.Object}}") + P("{{end}}"), []int{1}, true},
		{"nil pointer field", P("{{range .Items}}") + P("{{.Sub.Ten}}") + P("{{end}}"), []int{3, 1}, true},
		{"nil pointer method", P("{{range .Items}}") + P("{{.Sub.Ma}}") + P("{{end}}"), []int{3, 1}, true},
		{"else if nothing", P("{{range .Items}}{{if .Even}}e{{else if .Nothing}}n{{end}}{{end}}"), []int{1}, true},
		{"problems", P("Đầu") + P("{{range .Items}}") + P("Mục {{.Ten}}") + P("giá trị {{.Miss}}") + P("{{end}}"), []int{1, 2}, true},
		{"function inside", P("{{range .Items}}{{.Ten | upper}}{{end}}"), []int{1}, false},
		{"function pipeline", P("{{range names .}}{{.}}{{end}}"), nil, true},
		{"iterations", P("{{range .Names}}") + P("{{end}}"), nil, true},
		{"output size", P("{{range .Names}}") + P("{{$.Title}}") + P("{{end}}"), nil, true},
		{"range over a map", P("{{range .Items}}{{range .Tags}}{{.}}{{end}}{{end}}"), []int{1, 2}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := func(p *Problems) *nRoot {
				d := nData(p, tc.vals...)
				switch tc.name {
				case "iterations":
					LowerMaxWork(t, 10_000) // a small bound, for speed
					d.Names = make([]string, maxWork+1)
				case "output size":
					if testing.Short() {
						t.Skip("writes 100 MiB")
					}
					d.Names, d.Title = make([]string, 2), strings.Repeat("x", MaxOutputSize/2+1)
				}
				return d
			}
			ran, ok := compareNative(t, docxtest.Build(docxtest.Files{Body: tc.body}), data)
			if !ok {
				t.Fatal("the template does not parse")
			}
			if ran != tc.native {
				t.Errorf("ran natively: %v, want %v", ran, tc.native)
			}
		})
	}
}

var nativeOptions = Options{
	Funcs: template.FuncMap{"upper": strings.ToUpper, "names": func(r *nRoot) []string { return r.Names }},
	Root:  reflect.TypeFor[*nRoot](),
}

// compareNative renders docx with native loops and without, and reports
// any difference; ran tells whether a loop ran natively, ok whether the
// template parses.
func compareNative(t *testing.T, docx []byte, data func(*Problems) *nRoot) (ran, ok bool) {
	t.Helper()
	run := func(native bool) (string, string, bool, bool) {
		defer func(was bool) { nativeLoops = was }(nativeLoops)
		nativeLoops = native
		tp, err := Parse(docx, nativeOptions)
		if err != nil {
			return "", "", false, false
		}
		p := NewProblems()
		out, err := tp.Execute(data(p), p)
		ran := false
		for _, cp := range tp.parts {
			for _, s := range cp.sites {
				for _, prog := range s.progs {
					ran = ran || prog.run != nil
				}
			}
		}
		if err != nil {
			return "", err.Error(), ran, true
		}
		pkg, err := docxpkg.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		return pkg.Part(docxpkg.DocumentPart), "", ran, true
	}
	wantOut, wantErr, _, ok := run(false)
	gotOut, gotErr, ran, _ := run(true)
	if gotOut != wantOut {
		t.Errorf("output differs:\nnative: %s\ntext/template: %s", gotOut, wantOut)
	}
	if gotErr != wantErr {
		t.Errorf("error differs:\nnative: %s\ntext/template: %s", gotErr, wantErr)
	}
	return ran, ok
}

// FuzzNativeAsTextTemplate compares native loops with text/template on
// fuzzed bodies.
func FuzzNativeAsTextTemplate(f *testing.F) {
	P := docxtest.P
	for _, s := range []string{
		P("{{range .Items}}") + P("{{.Ten}} {{.Ma}} {{.Val}} {{.Even}}") + P("{{end}}"),
		P("{{range $i, $x := .Items}}{{$i}} {{$x.Sub.Ten}}{{if $x.Even}}{{break}}{{end}}{{end}}"),
		P("{{range .Groups}}") + P("{{range .Items}}{{with .Sub}}{{.Ma}}{{else}}-{{end}}{{end}}") + P("{{else}}") + P("{{.Title}}") + P("{{end}}"),
		docxtest.Table([]string{P("{{range .Items}}")}, []string{P("{{.Text}}"), P("{{.Checked}}")}, []string{P("{{end}}")}),
		P("{{range .Values}}{{.ByValue}}{{.Nothing}}{{end}}"),
		P("{{range .Items}}{{if .Even}}a{{else if .Number}}{{.Number}}{{end}}{{$m := .Boom}}{{end}}"),
	} {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, body string, n int) {
		vals := make([]int, uint(n)%20)
		for i := range vals {
			vals[i] = (n*7 + i*5) % 17
		}
		compareNative(t, docxtest.Build(docxtest.Files{Body: body}), func(p *Problems) *nRoot { return nData(p, vals...) })
	})
}
