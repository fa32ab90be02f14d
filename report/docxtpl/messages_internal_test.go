package docxtpl

import (
	"strings"
	"testing"
	"text/template"
)

// Some execution errors of text/template cannot happen in a .docx
// template, whose checks at Parse stop them first; their translation is
// tested on text/template's own errors.
func TestExecMessageOfPlainTemplates(t *testing.T) {
	funcs := template.FuncMap{"cong": func(a, b int) int { return a + b }}
	tests := []struct {
		src     string
		data    any
		missing string // missingkey option
		want    string
	}{
		{"{{ $x := 1 }}{{ $x 2 }}", nil, "error", "«{{$x}}»: «$x» không phải là hàm nên không nhận đối số"},
		{"{{ .F }}", struct{ F func() }{func() {}}, "error", "«{{.F}}»: không in được hàm"},
		{"{{ cong .X 1 }}", map[string]any{}, "default", "«{{.X}}»: thiếu giá trị (cần số nguyên)"},
		{"{{ .A }}", map[string]any{}, "error", "không có giá trị «{{.A}}» (thiếu mục «A»)"},
		{"{{ .A }}", nil, "error", "không có dữ liệu để lấy «{{.A}}» (mục «A»)"},
		{`{{ len (index .M "x") }}`, map[string]any{"M": map[string]any{}}, "error", `«{{len (index .M "x")}}»: giá trị rỗng`},
	}
	for _, tt := range tests {
		tm := template.Must(template.New("x").Funcs(funcs).Option("missingkey=" + tt.missing).Parse(tt.src))
		err := tm.Execute(new(strings.Builder), tt.data)
		if err == nil {
			t.Errorf("%s: no error", tt.src)
			continue
		}
		if got := execMessage(err.Error()); got != tt.want {
			t.Errorf("%s: %q\n-> %q, want %q", tt.src, err, got, tt.want)
		}
	}
}
