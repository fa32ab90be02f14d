package docxtpl_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"text/template"

	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
)

type wantErr struct {
	part string // "" for the document
	para int
	msg  string // substring of Msg
}

func checkErrors(t *testing.T, err error, want ...wantErr) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %d", len(want))
	}
	list := errorList(t, err)
	if len(list) != len(want) {
		t.Fatalf("%d errors, want %d:\n%v", len(list), len(want), err)
	}
	for i, w := range want {
		e := list[i]
		part := w.part
		if part == "" {
			part = "word/document.xml"
		}
		if e.Part != part || e.Paragraph != w.para || !strings.Contains(e.Msg, w.msg) {
			t.Errorf("error %d = %s:%d %q, want %s:%d containing %q", i, e.Part, e.Paragraph, e.Msg, part, w.para, w.msg)
		}
	}
}

func parseErr(t *testing.T, body string) error {
	t.Helper()
	_, err := docxtpl.Parse(build(body), options())
	return err
}

func TestThreeMistakesAtOnce(t *testing.T) {
	body := docxtest.P("BÁO CÁO") +
		docxtest.P("Tăng trưởng {{ .TangTruongg }} so với năm trước.") +
		docxtest.P("{{if .Tang}}") +
		docxtest.P("Số: {{ .Nam | bang_chuu }}") +
		docxtest.P("Kết thúc.")
	err := parseErr(t, body)
	checkErrors(t, err,
		wantErr{"", 2, "không có trường «.TangTruongg»; có phải ý là «.TangTruong»?"},
		wantErr{"", 3, "thẻ {{if}} chưa được đóng: thiếu {{end}}"},
		wantErr{"", 4, "không có hàm «bang_chuu»; có phải ý là «bang_chu»?"},
	)
	wantText := "đoạn 2 «Tăng trưởng {{ .TangTruongg }} so với năm trước.»: không có trường «.TangTruongg»; có phải ý là «.TangTruong»?\n" +
		"đoạn 3 «{{if .Tang}}»: thẻ {{if}} chưa được đóng: thiếu {{end}}\n" +
		"đoạn 4 «Số: {{ .Nam | bang_chuu }}»: không có hàm «bang_chuu»; có phải ý là «bang_chu»?"
	if err.Error() != wantText {
		t.Fatalf("Error() =\n%s\nwant\n%s", err, wantText)
	}
}

func TestStructureErrors(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []wantErr
	}{
		{"stray end and else", docxtest.P("a") + docxtest.P("{{end}}") + docxtest.P("x {{else}} y"),
			[]wantErr{{"", 2, "thẻ {{end}} thừa"}, {"", 3, "thẻ {{else}} không nằm trong khối"}}},
		{"unclosed range and with", docxtest.P("{{range .ChiTieu}}") + docxtest.P("{{with .Ten}}") + docxtest.P("x"),
			[]wantErr{{"", 1, "thẻ {{range}} chưa được đóng"}, {"", 2, "thẻ {{with}} chưa được đóng"}}},
		{"inline open closed elsewhere", docxtest.P("Nếu {{if .Tang}}tăng") + docxtest.P("{{end}}"),
			[]wantErr{{"", 1, "thẻ {{if}} mở trong đoạn này phải đóng trong cùng đoạn, hoặc đặt thẻ riêng một đoạn"}}},
		{"inline open closed inline elsewhere", docxtest.P("Nếu {{if .Tang}}tăng") + docxtest.P("giảm {{else}} x") + docxtest.P("a{{end}}"),
			[]wantErr{{"", 1, "thẻ {{if}} mở trong đoạn này phải đóng trong cùng đoạn"}}},
		{"standalone closed inline", docxtest.P("{{if .Tang}}") + docxtest.P("a {{end}}"),
			[]wantErr{{"", 2, "thẻ {{end}} thuộc khối {{if}} đặt riêng ở đoạn 1, nên cũng phải đặt riêng một đoạn"}}},
		{"across cells", docxtest.Table([]string{docxtest.P("{{range .ChiTieu}}"), docxtest.P("{{end}}") + docxtest.P("x")}),
			[]wantErr{{"", 2, "thẻ {{end}} nằm ở một ô bảng còn thẻ {{range}} mở khối (đoạn 1) nằm ở một ô bảng"}}},
		{"row to cell", docxtest.Table([]string{docxtest.P("{{range .ChiTieu}}"), docxtest.P("")}, []string{docxtest.P("{{.Ten}}"), docxtest.P("{{end}}")}),
			[]wantErr{{"", 4, "thẻ {{end}} nằm ở một ô bảng còn thẻ {{range}} mở khối (đoạn 1) nằm ở một hàng riêng của bảng"}}},
		{"body to cell", docxtest.P("{{if .Tang}}") + docxtest.Table([]string{docxtest.P("{{end}}") + docxtest.P("y")}),
			[]wantErr{{"", 2, "nằm ở một ô bảng còn thẻ {{if}} mở khối (đoạn 1) nằm ở thân văn bản"}}},
		{"hyperlink level", para(run("", "{{if .Tang}}a"), `<w:hyperlink r:id="rId9">`+run("", "b{{end}}")+`</w:hyperlink>`),
			[]wantErr{{"", 1, "phải cùng ở một lớp chữ của đoạn"}}},
		{"two else", docxtest.P("{{if .Tang}}a{{else}}b{{else}}c{{end}}"),
			[]wantErr{{"", 1, "đã có {{else}}"}}},
		{"else if in range", docxtest.P("{{range .ChiTieu}}a{{else if .Tang}}b{{end}}"),
			[]wantErr{{"", 1, "{{else if}} chỉ dùng được trong khối {{if}}"}}},
		{"break outside range", docxtest.P("{{if .Tang}}{{break}}{{end}}"),
			[]wantErr{{"", 1, "thẻ {{break}} chỉ dùng được bên trong khối {{range}}"}}},
		{"break inline in standalone range", docxtest.P("{{range .ChiTieu}}") + docxtest.P("a {{break}}") + docxtest.P("{{end}}"),
			[]wantErr{{"", 2, "thẻ {{break}} phải đặt cùng kiểu với khối {{range}} chứa nó (đoạn 1)"}}},
		{"unclosed brace", docxtest.P("Năm {{ .Nam"),
			[]wantErr{{"", 1, "thẻ chưa đóng: có «{{» nhưng thiếu «}}» trong cùng đoạn"}}},
		{"define", docxtest.P("{{define \"x\"}}") + docxtest.P("a") + docxtest.P("{{end}}") + docxtest.P("{{template \"x\"}}"),
			[]wantErr{{"", 1, "thẻ {{define}} không dùng được"}, {"", 4, "thẻ {{template}} không dùng được"}}},
		{"section break paragraph is not removed",
			docxtest.P("{{if .Tang}}") + `<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>{{end}}</w:t></w:r></w:p>`,
			[]wantErr{{"", 2, "nên cũng phải đặt riêng một đoạn"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkErrors(t, parseErr(t, tt.body), tt.want...)
		})
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		tag, msg string
	}{
		{"{{ .Nam + 1 }}", "lỗi cú pháp: «+» không dùng được trong thẻ; phép tính phải dùng hàm"},
		{`{{ printf "%d .Nam }}`, "lỗi cú pháp: chuỗi chưa đóng"},
		{"{{ }}", "lỗi cú pháp: thẻ rỗng"},
		{"{{if}}{{end}}", "lỗi cú pháp: thẻ {{if}} thiếu điều kiện"},
		{"{{ (.Nam }}", "lỗi cú pháp: thiếu dấu «)»"},
		{"{{ .Nam) }}", "lỗi cú pháp: thừa dấu «)»"},
		{"{{ | .Nam }}", "lỗi cú pháp: ký hiệu «|» đặt sai chỗ"},
		{"{{ .Nam | 3 }}", "lỗi cú pháp: sau dấu «|» thứ 2 phải là tên một hàm"},
		{"{{ 1.2.3 }}", "lỗi cú pháp: ký hiệu «.3» đặt sai chỗ"},
		{"{{ 1x }}", "lỗi cú pháp: số viết sai: «1x»"},
		{"{{/* a */ x}}", "lỗi cú pháp: sau «*/» của ghi chú phải là «}}» ngay"},
		{"{{ $x }}", "không có biến «$x»"},
		{"{{ $x := 1 }}{{ $y }}", "không có biến «$y»; có phải ý là «$x»?"},
		{"{{ .Nam.Foo }}", "không có trường «.Nam.Foo»: «.Nam» ở đây là số nguyên, không có trường nào"},
		{"{{ .Sub.Tenn }}", "không có trường «.Sub.Tenn»; có phải ý là «.Sub.Ten»?"},
		{"{{ .donvi }}", "không có trường «.donvi»; có phải ý là «.DonVi»?"},
		{"{{ range .ChiTieu }}{{ .GiaTrj }}{{ end }}", "không có trường «.GiaTrj»; có phải ý là «.GiaTri»?"},
		{"{{ range $k, $v := .Nhom }}{{ $v.Ten }}{{ end }}", "không có trường «$v.Ten»: «$v» ở đây là danh sách, không có trường nào"},
		{"{{ with .Sub }}{{ $.Sub.Ten }}{{ .Tn }}{{ end }}", "không có trường «.Tn»; có phải ý là «.Ten»?"},
		{"{{ chi_tieu \"BC1\" }}", "không có chỉ tiêu «BC1»; có phải ý là «BC01»?"},
		{"{{ bang_chu }}", "hàm «bang_chu» cần 1 đối số nhưng thẻ đưa 0"},
		{"{{ .DonVi | bang_chu \"x\" }}", "hàm «bang_chu» cần 1 đối số nhưng thẻ đưa 2"},
		{"{{ zzz }}", "không có hàm «zzz»"},
		{"{{ __baocao_loc 0 1 }}", "không có hàm «__baocao_loc»"},
		{"{{ (bang_chu .DonVi).Foo }}", "không có trường «(bang_chu .DonVi).Foo»: «(bang_chu .DonVi)» ở đây là chuỗi"},
		{"{{ .TieuDe.X }}", "không có trường «.TieuDe.X»"},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			checkErrors(t, parseErr(t, docxtest.P("a")+docxtest.P(tt.tag)), wantErr{"", 2, tt.msg})
		})
	}
}

func TestValidTagsPassChecks(t *testing.T) {
	for _, tag := range []string{
		"{{ .TieuDe }}", "{{ $.Nam }}", "{{ len .ChiTieu }}", "{{ (index .ChiTieu 0).Ten }}",
		"{{ (index .ChiTieu 1).Ten }}", "{{ range $k, $v := .Nhom }}{{ $k }}{{ (index $v 0).Ten }}{{ end }}",
		"{{ with $s := .Sub }}{{ $s.Ten }}{{ end }}", "{{ range 3 }}{{ . }}{{ end }}",
		"{{ if and .Tang (gt .Nam 2000) }}x{{ end }}", "{{ chi_tieu \"BC02\" }}", "{{ .DonVi | bang_chu | phan_tram }}",
	} {
		if err := parseErr(t, docxtest.P(tag)); err != nil {
			t.Errorf("%s: %v", tag, err)
		}
	}
}

func TestErrorsInHeadersAndFooters(t *testing.T) {
	data := docxtest.Build(docxtest.Files{
		Body:   docxtest.P("{{ .Nam }}"),
		Header: docxtest.P("x") + docxtest.P("{{ .Namm }}"),
		Footer: docxtest.P("{{ end }}"),
	})
	_, err := docxtpl.Parse(data, options())
	checkErrors(t, err,
		wantErr{"word/header1.xml", 2, "không có trường «.Namm»"},
		wantErr{"word/footer1.xml", 1, "thẻ {{end}} thừa"})
	lines := strings.Split(err.Error(), "\n")
	if !strings.HasPrefix(lines[0], "đầu trang (header1.xml), đoạn 2 «{{ .Namm }}»: ") ||
		!strings.HasPrefix(lines[1], "chân trang (footer1.xml), đoạn 1 «{{ end }}»: ") {
		t.Fatalf("Error() = %s", err)
	}
}

func TestErrorTextShortened(t *testing.T) {
	long := strings.Repeat("Một câu dài về kết quả công tác năm. ", 5)
	_, err := docxtpl.Parse(build(docxtest.P(long+"{{ .Namm }} "+long)), options())
	list := errorList(t, err)
	text := list[0].Text
	if !strings.HasPrefix(text, "…") || !strings.HasSuffix(text, "…") || !strings.Contains(text, "{{ .Namm }}") {
		t.Fatalf("Text = %q", text)
	}
	if n := len([]rune(text)); n != 62 {
		t.Fatalf("Text has %d runes", n)
	}
}

func TestProblemsAreLocated(t *testing.T) {
	problems := docxtpl.NewProblems()
	opt := options()
	opt.Funcs["so_lieu"] = func(code string) string {
		if code == "X" {
			problems.Add("chưa có số liệu của chỉ tiêu «X»")
			return "…"
		}
		return "5"
	}
	data := docxtest.Build(docxtest.Files{
		Body: docxtest.P("a") + docxtest.P("{{range .ChiTieu}}") + docxtest.P("{{ so_lieu \"A\" }}") +
			docxtest.P("{{end}}") + docxtest.P("b") + docxtest.P("Giá trị: {{ so_lieu \"X\" }}"),
		Footer: docxtest.P("{{ so_lieu \"X\" }}"),
	})
	tp := parse(t, data, opt)
	out, err := tp.Execute(sample(), problems)
	if out != nil {
		t.Error("bytes returned with errors")
	}
	checkErrors(t, err,
		wantErr{"", 6, "chưa có số liệu của chỉ tiêu «X»"},
		wantErr{"word/footer1.xml", 1, "chưa có số liệu của chỉ tiêu «X»"})
	if got := err.Error(); !strings.HasPrefix(got, "đoạn 6 «Giá trị: {{ so_lieu \"X\" }}»: chưa có số liệu") {
		t.Fatalf("Error() = %s", got)
	}
}

// The condition of a standalone {{else if}} runs without the paragraphs
// between it and its {{if}}; its problems are still placed at its own paragraph.
func TestProblemsInElseIf(t *testing.T) {
	problems := docxtpl.NewProblems()
	opt := options()
	opt.Funcs["co"] = func(code string) bool {
		problems.Add("chưa có số liệu «" + code + "»")
		return code == "B"
	}
	body := docxtest.P("{{if co \"A\"}}") + docxtest.P("a") + docxtest.P("{{else if co \"B\"}}") + docxtest.P("b") +
		docxtest.P("{{else}}") + docxtest.P("c") + docxtest.P("{{end}}") +
		docxtest.P("{{with .Sub}}") + docxtest.P("{{.Ten}}") + docxtest.P("{{else with .ChiTieu}}") + docxtest.P("{{len .}} mục") + docxtest.P("{{end}}")
	tp := parse(t, build(body), opt)
	_, err := tp.Execute(sample(), problems)
	checkErrors(t, err, wantErr{"", 1, "chưa có số liệu «A»"}, wantErr{"", 3, "chưa có số liệu «B»"})

	opt.Funcs["co"] = func(string) bool { return false }
	out := render(t, build(body), opt, sample())
	if got := paragraphs(t, out, "word/document.xml"); !slices.Equal(got, []string{"c", "3 mục"}) {
		t.Fatalf("paragraphs = %q", got)
	}
}

func TestExecutionErrors(t *testing.T) {
	body := docxtest.P("a") + docxtest.P("Đơn vị: {{ .DonVi }}") + docxtest.P("Năm {{ .Nam }}") +
		docxtest.P("{{ .Thieu.Ten }}") + docxtest.P("{{ .Rong }}") + docxtest.P("{{ loi 1 }}") +
		docxtest.P("{{ index .DS 5 }}")
	opt := docxtpl.Options{Funcs: template.FuncMap{"loi": func(int) (string, error) { return "", fmt.Errorf("số liệu âm") }}}
	tp, err := docxtpl.Parse(build(body), opt)
	if err != nil {
		t.Fatal(err)
	}
	data := map[string]any{"DonVi": "Sở", "Thieu": map[string]any{}, "Rong": nil, "DS": []int{1}}
	_, err = tp.Execute(data, nil)
	// Each part stops at its first execution error: one error here.
	checkErrors(t, err, wantErr{"", 3, "không có giá trị «{{.Nam}}» (thiếu mục «Nam»)"})
	for _, tt := range []struct {
		data map[string]any
		want wantErr
	}{
		{map[string]any{"DonVi": "Sở", "Nam": 1, "Thieu": map[string]any{}},
			wantErr{"", 4, "không có giá trị «{{.Thieu.Ten}}» (thiếu mục «Ten»)"}},
		{map[string]any{"DonVi": "Sở", "Nam": 1, "Thieu": map[string]any{"Ten": "x"}, "Rong": nil},
			wantErr{"", 5, "thẻ «{{.Rong}}» không có giá trị để in"}},
		{map[string]any{"DonVi": "Sở", "Nam": 1, "Thieu": map[string]any{"Ten": "x"}, "Rong": (*int)(nil)},
			wantErr{"", 5, "thẻ «{{.Rong}}» không có giá trị để in"}},
		{map[string]any{"DonVi": "Sở", "Nam": 1, "Thieu": map[string]any{"Ten": "x"}, "Rong": 0},
			wantErr{"", 6, "số liệu âm"}},
	} {
		_, err := tp.Execute(tt.data, nil)
		checkErrors(t, err, tt.want)
		if strings.Contains(err.Error(), "<no value>") {
			t.Errorf("%v", err)
		}
	}
	tp, _ = docxtpl.Parse(build(docxtest.P("x")+docxtest.P("{{ index .DS 5 }}")), docxtpl.Options{})
	_, err = tp.Execute(map[string]any{"DS": []int{1}}, nil)
	checkErrors(t, err, wantErr{"", 2, "«{{index .DS 5}}»: chỉ số 5 vượt ngoài danh sách"})
	tp, _ = docxtpl.Parse(build(docxtest.P("{{ .Sub.Ten }}")), docxtpl.Options{Root: options().Root})
	_, err = tp.Execute(Report{}, nil)
	checkErrors(t, err, wantErr{"", 1, "«{{.Sub.Ten}}»: giá trị rỗng, không lấy được «Ten»"})
}

func TestBadOptions(t *testing.T) {
	for _, fm := range []template.FuncMap{{"x-y": strings.ToUpper}, {"x": 3}, {"x": func() {}}, {"x": func() (int, int) { return 0, 0 }}} {
		if _, err := docxtpl.Parse(build(docxtest.P("a")), docxtpl.Options{Funcs: fm}); err == nil {
			t.Errorf("%v accepted", fm)
		}
	}
}

// A {{range}} or {{with}} without {{end}} is one error: the paragraphs
// after it, which use the fields of the root, are not each reported
// against the type of dot inside the structure.
func TestUnclosedBlockIsOneError(t *testing.T) {
	var rootParas strings.Builder
	for range 20 {
		rootParas.WriteString(docxtest.P("Năm {{ .Nam }} của {{ .DonVi }}: {{ .TangTruong | phan_tram }}"))
	}
	rootParas.WriteString(docxtest.P("{{if .Tang}}tăng{{end}} {{ with .Sub }}{{ .Ten }}{{ end }}"))
	rootParas.WriteString(docxtest.Table([]string{docxtest.P("{{ .Ghi }}")}))
	tests := []struct {
		name, open, inside string
	}{
		{"range", "{{range .ChiTieu}}", "{{ .Ten }}: {{ .GiaTri }}"},
		{"with", "{{with .Sub}}", "{{ .Ten }}"},
		{"with else", "{{with .Sub}}", "{{ .Ten }}"},
		{"if", "{{if .Tang}}", "{{ .Nam }}"},
		{"nested", "{{range .ChiTieu}}", "{{ with $.Sub }}{{ .Ten }}{{ end }}{{ .GiaTri }}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := docxtest.P("BÁO CÁO") + docxtest.P(tt.open) + docxtest.P(tt.inside)
			if tt.name == "with else" {
				body += docxtest.P("{{else}}") + docxtest.P("{{ .Nam }}")
			}
			checkErrors(t, parseErr(t, body+rootParas.String()),
				wantErr{"", 2, "thẻ " + tt.open[:strings.IndexByte(tt.open, ' ')] + "}} chưa được đóng: thiếu {{end}}"})
		})
	}
	// A name that is neither a field inside nor outside is still reported.
	body := docxtest.P("{{range .ChiTieu}}") + docxtest.P("{{ .Ten }}") + docxtest.P("{{ .Namm }}") + rootParas.String()
	checkErrors(t, parseErr(t, body),
		wantErr{"", 1, "thẻ {{range}} chưa được đóng"},
		wantErr{"", 3, "không có trường «.Namm»"})
	// So is one inside a structure closed after the unclosed one opens.
	body = docxtest.P("{{with .Sub}}") + docxtest.P("{{range $.ChiTieu}}") + docxtest.P("{{ .Tenn }}") + docxtest.P("{{end}}") + rootParas.String()
	checkErrors(t, parseErr(t, body),
		wantErr{"", 1, "thẻ {{with}} chưa được đóng"},
		wantErr{"", 3, "không có trường «.Tenn»; có phải ý là «.Ten»?"})
}
