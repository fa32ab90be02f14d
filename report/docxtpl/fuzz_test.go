package docxtpl_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
)

// FuzzParse parses a .docx built around fuzzed XML (the body's content, or
// the whole document part) and executes what parses. Neither may panic, and
// an execution must never produce malformed XML (reported as an internal
// error). Parse must find what parsing every tag on its own finds: the same
// errors, or a template that writes the same report.
func FuzzParse(f *testing.F) {
	seeds := []string{
		docxtest.P("Năm {{ .Nam }}"),
		para(run("", "{{ .Do"), `<w:proofErr w:type="spellStart"/>`, run("<w:b/>", "nVi }}")),
		docxtest.P("{{range .ChiTieu}}") + docxtest.P("{{.Ten}}") + docxtest.P("{{end}}"),
		docxtest.P("{{if .Tang}}a{{else}}b{{end}}"),
		docxtest.Table([]string{docxtest.P("{{if .Tang}}") + docxtest.P("x") + docxtest.P("{{end}}")}),
		docxtest.Table([]string{docxtest.P("{{range .ChiTieu}}")}, []string{docxtest.P("{{.Ten}}")}, []string{docxtest.P("{{end}}"), docxtest.P("")}),
		para(run("", "{{if .Tang}}a"), `<w:hyperlink>`+run("", "b{{end}}")+`</w:hyperlink>`),
		`<w:p><w:r><w:pict><w:txbxContent>` + docxtest.P("{{ .Nam }}") + `</w:txbxContent></w:pict></w:r></w:p>`,
		docxtest.P("{{ printf “%d” .Nam }} {{/* c */}} {{- $x := 1 -}}"),
		`<w:p><w:r><w:t>{{</w:t></w:r></w:p><w:p/>`,
		docxtest.P("{{range .ChiTieu}}") + docxtest.P("{{ .Ten }} {{ .Nam }}") + docxtest.P("{{with .Sub}}{{ . }}{{end}}"),
		para(run("", "{{ .Do"), `<w:del w:id="1" w:author="a"><w:r><w:delText>XQ</w:delText></w:r></w:del>`, `<w:ins w:id="2" w:author="a">`+run("", "nV")+`</w:ins>`, run("", "i }}")),
		docxtest.P("{{ If .Tang }}a{{ Else If gt .Nam 2000.5 }}b{{ End }}{{ with .Sub }}{{ .Nam }}{{ end }}"),
		docxtest.P(`{{ if gt .Nam "2000" }}{{ printf "%s" }}{{ len nil }}{{ end }}`),
		docxtest.P("{{ range 1000000000000 }}{{ end }}"),
		docxtest.P(`{{ bang_chu 1.5 }} {{ .Sub 1 }} {{ . | phan_tram }} {{ call .TieuDe }} {{ index .Nhom "a" }} {{ $x := .Nam }}{{ $x = .Ghi }}{{ bang_chu $x }}`),
		// Where parsing each tag on its own and the whole source may part.
		docxtest.P(`{{ $1 := 5 }}{{ $1 }}`) + docxtest.P(`{{ chi_tieu "$x²" }}{{ chi_tieu "$x1" }}`),
		docxtest.P(`{{ $x := 1 }}`) + docxtest.P(`{{ $x = 2 }}{{ $x }}{{ ($y := 3) }}{{ $a, $b := .ChiTieu }}`),
		docxtest.P(`{{ range $i, $x := .ChiTieu }}{{ $x.Ten }}{{ break }}{{ end }}{{ continue }}`),
		docxtest.P(`{{ if .Tang }}a{{ else with .Sub }}b{{ end }}{{ with .Sub }}{{ else if .Tang }}{{ end }}`),
		docxtest.P(`{{ if .Tang }}`) + docxtest.P(`{{ $v := .Nam }}`) + docxtest.P(`{{ end }}`) + docxtest.P(`{{ $v }}`),
	}
	for _, s := range seeds {
		f.Add(s, false)
	}
	f.Add(`<w:document `+docxtest.NS+`><w:body>`+docxtest.P("{{.Nam}}")+`</w:body></w:document>`, true)
	f.Fuzz(func(t *testing.T, xml string, whole bool) {
		files := docxtest.Files{Body: xml}
		if whole {
			files = docxtest.Files{Document: xml}
		}
		data := docxtest.Build(files)
		tp, err := docxtpl.Parse(data, options())
		byTag, errByTag := docxtpl.ParseTagByTag(data, options())
		if fmt.Sprint(err) != fmt.Sprint(errByTag) {
			t.Fatalf("Parse: %v\ntag by tag: %v\ninput: %q", err, errByTag, xml)
		}
		if err != nil {
			return
		}
		out, err := tp.Execute(sample(), nil)
		if err != nil && strings.Contains(err.Error(), "lỗi nội bộ") {
			t.Fatalf("%v\ninput: %q", err, xml)
		}
		outByTag, errByTag := byTag.Execute(sample(), nil)
		if fmt.Sprint(err) != fmt.Sprint(errByTag) || !bytes.Equal(out, outByTag) {
			t.Fatalf("Execute: %v\ntag by tag: %v\n(the outputs differ: %t)\ninput: %q", err, errByTag, !bytes.Equal(out, outByTag), xml)
		}
	})
}
