package docxtpl_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
)

func TestSplitRunTags(t *testing.T) {
	bookmark := `<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>`
	spell := `<w:proofErr w:type="spellStart"/>`
	tests := []struct {
		name string
		body string
		want string
	}{
		{"one run", para(run("", "Đơn vị: {{ .DonVi }}.")), "Đơn vị: Sở Thông tin và Truyền thông."},
		{"spell mark and bold letters", para(
			run("", "Đơn vị: {{ .Do"), spell, run("<w:b/>", "nV"), `<w:proofErr w:type="spellEnd"/>`, run("", "i }}.")),
			"Đơn vị: Sở Thông tin và Truyền thông."},
		{"braces split", para(run("", "Năm {"), run("", "{.Nam}"), run("", "} và {{"), bookmark, run("", ".Nam}}")),
			"Năm 2021 và 2021"},
		{"every character a run", para(func() string {
			var b strings.Builder
			for _, r := range "x{{ chi_tieu \"BC01\" }}y" {
				b.WriteString(run("", docxtest.Esc(string(r))))
			}
			return b.String()
		}()), "xCT:BC01y"},
		{"escaped quotes in XML", para(run("", `{{ bang_chu &quot;a`), run("", `&amp;b&quot; }}`)), "A&B"},
		{"empty runs between", para(run("", "{{"), `<w:r><w:t></w:t></w:r>`, run("", ".Nam}}")), "2021"},
		{"tab inside tag run", para(`<w:r><w:t>{{.Nam}}</w:t><w:tab/><w:t>{{.TangTruong}}</w:t></w:r>`), "2021\t12,5%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := render(t, build(tt.body), options(), sample())
			if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, []string{tt.want}) {
				t.Fatalf("paragraphs = %q, want %q", got, tt.want)
			}
		})
	}
}

// runOf returns the w:r element of xml holding text.
func runOf(t *testing.T, xml, text string) string {
	t.Helper()
	i := strings.Index(xml, text)
	if i < 0 {
		t.Fatalf("%q not in output", text)
	}
	start := strings.LastIndex(xml[:i], "<w:r>")
	if s := strings.LastIndex(xml[:i], "<w:r "); s > start {
		start = s
	}
	end := strings.Index(xml[i:], "</w:r>")
	return xml[start : i+end]
}

func TestValueTakesFormattingOfTagStart(t *testing.T) {
	body := para(run("<w:b/>", "A {{ .Do"), run("<w:i/>", "nVi }} B")) +
		para(run("<w:i/>", "C {{"), run("<w:b/>", " .Nam }}"))
	out := render(t, build(body), options(), sample())
	doc := part(t, out, docxpkg.DocumentPart)
	if r := runOf(t, doc, "Sở Thông tin"); !strings.Contains(r, "<w:b/>") || strings.Contains(r, "<w:i/>") {
		t.Errorf("value run = %s, want bold only", r)
	}
	if r := runOf(t, doc, " B<"); !strings.Contains(r, "<w:i/>") {
		t.Errorf("text after the tag lost its run: %s", r)
	}
	if r := runOf(t, doc, "2021"); !strings.Contains(r, "<w:i/>") {
		t.Errorf("value run = %s, want italic", r)
	}
	if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, []string{"A Sở Thông tin và Truyền thông B", "C 2021"}) {
		t.Errorf("paragraphs = %q", got)
	}
}

func TestPrintedValuesAreEscaped(t *testing.T) {
	r := sample()
	r.DonVi = `Sở "TT&TT" <Nam Định> 'x' ]]> {{.Nam}}`
	r.Ghi = "dòng 1\ndòng 2\r\ncột\tA\x01\x0b"
	body := docxtest.P("{{.DonVi}}") + docxtest.P("{{.Ghi}}") + docxtest.P(`{{"<w:p>&" | phan_tram}}`)
	out := render(t, build(body), options(), r)
	want := []string{r.DonVi, "dòng 1\ndòng 2\ncột\tA", "<w:p>& %"}
	if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, want) {
		t.Fatalf("paragraphs = %q, want %q", got, want)
	}
	doc := part(t, out, docxpkg.DocumentPart)
	for _, s := range []string{`<w:br/>`, `<w:tab/>`, `&lt;w:p&gt;&amp;`} {
		if !strings.Contains(doc, s) {
			t.Errorf("output lacks %s", s)
		}
	}
	text, err := docxpkg.Text(out)
	if err != nil || !strings.Contains(text, `"TT&TT" <Nam Định>`) {
		t.Errorf("Text = %q, %v", text, err)
	}
}

func TestStandaloneControlParagraphs(t *testing.T) {
	body := docxtest.P("Tiêu đề") +
		docxtest.P("{{range $i, $c := .ChiTieu}}") +
		docxtest.P("{{$i}}. {{$c.Ten}}: {{.GiaTri}}") +
		docxtest.P("  {{- /* ghi chú của người soạn */ -}}  ") +
		docxtest.P("{{end}}") +
		docxtest.P("{{if .Ghi}}") +
		docxtest.P("Ghi chú: {{.Ghi}}") +
		docxtest.P("{{else if .Tang}}") +
		docxtest.P("Tăng") +
		docxtest.P("{{else}}") +
		docxtest.P("Không có ghi chú") +
		docxtest.P("{{end}}") +
		docxtest.P("{{with .Sub}}") + docxtest.P("Phụ: {{.Ten}}") + docxtest.P("{{else}}") + docxtest.P("Không phụ") + docxtest.P("{{end}}") +
		docxtest.P("{{- $n := len .ChiTieu }}") +
		docxtest.P("{{range .ChiTieu}}") + docxtest.P("{{if eq .Ten \"Bưu cục\"}}{{continue}}{{end}}") + docxtest.P("* {{.Ten}}") + docxtest.P("{{end}}") +
		docxtest.P("Tổng {{$n}} chỉ tiêu")
	want := []string{"Tiêu đề", "0. Thuê bao: 1.200", "1. Bưu cục: 35", "2. Trạm BTS: 2.410", "Không có ghi chú",
		"Không phụ", "* Thuê bao", "* Trạm BTS", "Tổng 3 chỉ tiêu"}
	out := render(t, build(body), options(), sample())
	if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, want) {
		t.Fatalf("paragraphs =\n%q\nwant\n%q", got, want)
	}

	r := sample()
	r.ChiTieu = nil
	r.Ghi = "có"
	r.Sub = &Sub{Ten: "X"}
	want = []string{"Tiêu đề", "Ghi chú: có", "Phụ: X", "Tổng 0 chỉ tiêu"}
	out = render(t, build(body), options(), r)
	if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, want) {
		t.Fatalf("paragraphs =\n%q\nwant\n%q", got, want)
	}
}

func TestInlineControl(t *testing.T) {
	body := para(run("", "Năm nay "), run("<w:b/>", "{{if .Tang}}tăng"), run("", "{{else}}"), run("<w:i/>", "giảm{{end}}"), run("", " so với "),
		run("", "{{range $i, $c := .ChiTieu}}{{if $i}}, {{end}}{{$c.Ten}}{{end}}."))
	for _, tang := range []bool{true, false} {
		r := sample()
		r.Tang = tang
		out := render(t, build(body), options(), r)
		want := "Năm nay tăng so với Thuê bao, Bưu cục, Trạm BTS."
		if !tang {
			want = "Năm nay giảm so với Thuê bao, Bưu cục, Trạm BTS."
		}
		if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, []string{want}) {
			t.Errorf("Tang=%v: paragraphs = %q, want %q", tang, got, want)
		}
	}
}

func TestTables(t *testing.T) {
	body := docxtest.Table(
		[]string{docxtest.P("Chỉ tiêu"), docxtest.P("Giá trị")},
		[]string{docxtest.P("{{range .ChiTieu}}") + docxtest.P("{{.Ten}}") + docxtest.P("{{end}}"),
			docxtest.P("{{if .Ghi}}") + docxtest.P("{{.Ghi}}") + docxtest.P("{{end}}")},
	) + docxtest.P("{{range .ChiTieu}}") + docxtest.Table([]string{docxtest.P("{{.Ten}}"), docxtest.P("{{.GiaTri}}")}) + docxtest.P("{{end}}")
	r := sample()
	out := render(t, build(body), options(), r)
	got := paragraphs(t, out, docxpkg.DocumentPart)
	want := []string{"Chỉ tiêu", "Giá trị", "Thuê bao", "Bưu cục", "Trạm BTS", "",
		"Thuê bao", "1.200", "Bưu cục", "35", "Trạm BTS", "2.410"}
	if !slices.Equal(got, want) {
		t.Fatalf("paragraphs =\n%q\nwant\n%q", got, want)
	}
	doc := part(t, out, docxpkg.DocumentPart)
	if n := strings.Count(doc, "<w:tbl>"); n != 4 {
		t.Errorf("%d tables, want 4", n)
	}
	// Every cell keeps a paragraph, also when the range is empty.
	r.ChiTieu = nil
	out = render(t, build(body), options(), r)
	doc = part(t, out, docxpkg.DocumentPart)
	if empty := regexp.MustCompile(`<w:tc>(<w:tcPr>.*?</w:tcPr>)?</w:tc>`).FindString(doc); empty != "" {
		t.Fatalf("a cell has no paragraph: %s", empty)
	}
	if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, []string{"Chỉ tiêu", "Giá trị", "", ""}) {
		t.Fatalf("paragraphs = %q", got)
	}
}

func TestTableRows(t *testing.T) {
	empty := docxtest.P("")
	body := docxtest.Table(
		[]string{docxtest.P("Chỉ tiêu"), docxtest.P("Giá trị")},
		[]string{docxtest.P("{{range $i, $c := .ChiTieu}}"), empty},
		[]string{docxtest.P("{{$c.Ten}}"), docxtest.P("{{.GiaTri}}")},
		[]string{empty, docxtest.P(" {{end}} ") + docxtest.P("{{/* hết */}}")},
		[]string{docxtest.P("{{if .Ghi}}"), empty},
		[]string{docxtest.P("Ghi chú"), docxtest.P("{{.Ghi}}")},
		[]string{docxtest.P("{{end}}"), empty},
	) + docxtest.P("Sau bảng") +
		docxtest.Table(
			[]string{docxtest.P("{{range .ChiTieu}}")},
			[]string{docxtest.P("{{.Ten}}")},
			[]string{docxtest.P("{{end}}")},
		) + docxtest.P("Hết")
	r := sample()
	out := render(t, build(body), options(), r)
	want := []string{"Chỉ tiêu", "Giá trị", "Thuê bao", "1.200", "Bưu cục", "35", "Trạm BTS", "2.410",
		"Sau bảng", "Thuê bao", "Bưu cục", "Trạm BTS", "Hết"}
	if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, want) {
		t.Fatalf("paragraphs =\n%q\nwant\n%q", got, want)
	}
	if n := strings.Count(part(t, out, docxpkg.DocumentPart), "<w:tr>"); n != 7 {
		t.Fatalf("%d rows, want 7", n)
	}

	// No items: the first table keeps its header, the second has no row
	// left and goes.
	r.ChiTieu, r.Ghi = nil, "có"
	out = render(t, build(body), options(), r)
	want = []string{"Chỉ tiêu", "Giá trị", "Ghi chú", "có", "Sau bảng", "Hết"}
	if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, want) {
		t.Fatalf("paragraphs =\n%q\nwant\n%q", got, want)
	}
	if n := strings.Count(part(t, out, docxpkg.DocumentPart), "<w:tbl>"); n != 1 {
		t.Fatalf("%d tables, want 1", n)
	}
}

func TestHeadersAndFooters(t *testing.T) {
	data := docxtest.Build(docxtest.Files{
		Body:   docxtest.P("Thân {{.Nam}}"),
		Header: docxtest.P("{{.DonVi | bang_chu}}") + docxtest.P("{{if .Tang}}") + docxtest.P("ẩn") + docxtest.P("{{end}}"),
		Footer: para(run("", "Năm {{"), run("<w:b/>", ".Nam}}")),
	})
	out := render(t, data, options(), sample())
	text, err := docxpkg.Text(out)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Thân 2021\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\nNăm 2021"; text != want {
		t.Fatalf("Text = %q, want %q", text, want)
	}

	// A footer whose paragraphs all vanish keeps an empty one.
	data = docxtest.Build(docxtest.Files{Body: docxtest.P("x"), Footer: docxtest.P("{{if .Tang}}") + docxtest.P("ẩn") + docxtest.P("{{end}}")})
	out = render(t, data, options(), sample())
	if got := part(t, out, "word/footer1.xml"); !strings.Contains(got, "<w:p/></w:ftr>") {
		t.Fatalf("footer = %s", got)
	}
}

func TestSmartQuotesAndSpacesInTags(t *testing.T) {
	body := docxtest.P("{{ if eq .DonVi “Sở Thông tin và Truyền thông” }}đúng{{ end }}") +
		docxtest.P("{{ bang_chu „a–b″ }}") +
		docxtest.P("{{\u00a0.Nam\u00a0}} “{{ .TangTruong }}”") +
		docxtest.P("{{ chi_tieu “BC01” }}")
	out := render(t, build(body), options(), sample())
	want := []string{"đúng", "A–B", "2021 “12,5%”", "CT:BC01"}
	if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, want) {
		t.Fatalf("paragraphs = %q, want %q", got, want)
	}
}

func TestTextBox(t *testing.T) {
	body := para(run("", "Ngoài {{.Nam}} "), `<w:r><w:pict><w:txbxContent>`+docxtest.P("{{if .Tang}}")+docxtest.P("Hộp {{.TangTruong}}")+
		docxtest.P("{{end}}")+`</w:txbxContent></w:pict></w:r>`, run("", "{{.TangTruong}}"))
	r := sample()
	r.Tang = true
	out := render(t, build(body), options(), r)
	if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, []string{"Ngoài 2021 12,5%", "Hộp 12,5%"}) {
		t.Fatalf("paragraphs = %q", got)
	}
}

func TestUntouchedPartsAndNoTagsKept(t *testing.T) {
	data := docxtest.Build(docxtest.Files{Body: docxtest.P("{{.Nam}}"), Header: docxtest.P("Không thẻ {")})
	in, _ := docxpkg.Open(data)
	out := render(t, data, options(), sample())
	if got := part(t, out, "word/header1.xml"); got != in.Part("word/header1.xml") {
		t.Fatalf("header without tags changed:\n%s", got)
	}
}

func TestLiteralBracesOutsideTags(t *testing.T) {
	body := para(run("", "a { b }} c {"), run("", "x"), `<w:r><w:instrText>{ QUOTE }</w:instrText></w:r>`, run("", "{{.Nam}}{"))
	out := render(t, build(body), options(), sample())
	if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, []string{"a { b }} c {x2021{"}) {
		t.Fatalf("paragraphs = %q", got)
	}
	if !strings.Contains(part(t, out, docxpkg.DocumentPart), "<w:instrText>{ QUOTE }</w:instrText>") {
		t.Fatal("field code changed")
	}
}

// TestTagsWhereNothingIsFilled: a tag in a field code, an image's
// description or a bookmark's name would reach the report as typed; each is
// an error at its paragraph, also when it is the template's only tag.
func TestTagsWhereNothingIsFilled(t *testing.T) {
	field := func(code string) string {
		return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">` + code +
			`</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	}
	image := `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">` +
		`<wp:docPr id="1" name="Ảnh 1" descr="Biểu đồ {{ .Nam }}"/></wp:inline></w:drawing></w:r>`
	for _, c := range []struct {
		name, body string
		want       []wantErr
	}{
		{"field code only", para(field(" {{ .Nam }} ")), []wantErr{{"", 1, "thẻ trong mã trường không được điền: «{{ .Nam }}»"}}},
		{"field code split", para(run("", "Năm {{.Nam}}")) + para(field("{{ if"), field(" .Tang }}x{{ end }}")),
			[]wantErr{{"", 2, "thẻ trong mã trường không được điền: «{{ if»"}, {"", 2, "thẻ trong mã trường không được điền: «.Tang }}x{{ end }}»"}}},
		{"simple field", para(`<w:fldSimple w:instr="DOCPROPERTY {{ .Nam }}"><w:r><w:t>x</w:t></w:r></w:fldSimple>`, run("", "{{.Nam}}")),
			[]wantErr{{"", 1, "thẻ trong mã trường không được điền: «DOCPROPERTY {{ .Nam }}»"}}},
		{"image description", para(run("", "{{.Nam}}"), image), []wantErr{{"", 1, "thẻ trong mô tả ảnh không được điền: «Biểu đồ {{ .Nam }}»"}}},
		{"bookmark name", para(run("", "{{.Nam}}")) + para(`<w:bookmarkStart w:id="0" w:name="&#123;&#123;.Nam}}"/>`, run("", "x")),
			[]wantErr{{"", 2, "thẻ trong tên dấu trang không được điền: «{{.Nam}}»"}}},
		{"equation", para(run("", "Năm")) + para(`<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>x = {{ .KhongCo }}</m:t></m:r></m:oMath>`, run("", "{{ .Nam }}")),
			[]wantErr{{"", 2, "thẻ trong phương trình không được điền: «x = {{ .KhongCo }}»"}}},
		{"drawing text", para(run("", "{{ .Nam }}"), `<w:r><w:drawing><a:p xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:r><a:t>{{ .Nam }}</a:t></a:r></a:p></w:drawing></w:r>`),
			[]wantErr{{"", 1, "thẻ trong chữ của hình vẽ (a:t) không được điền: «{{ .Nam }}»"}}},
		{"equation only", para(`<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>{{ .Nam }}</m:t></m:r></m:oMath>`),
			[]wantErr{{"", 1, "thẻ trong phương trình không được điền: «{{ .Nam }}»"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := docxtpl.Parse(build(c.body), options())
			checkErrors(t, err, c.want...)
		})
	}
	t.Run("header", func(t *testing.T) {
		data := docxtest.Build(docxtest.Files{Body: docxtest.P("{{.Nam}}"), Header: para(field("{{ .Nam }}"))})
		_, err := docxtpl.Parse(data, options())
		checkErrors(t, err, wantErr{"word/header1.xml", 1, "thẻ trong mã trường không được điền"})
	})
}

func TestExecuteTwiceAndConcurrently(t *testing.T) {
	tp := parse(t, build(docxtest.P("{{.Nam}}")), options())
	done := make(chan string)
	for _, year := range []int{2020, 2021, 2022, 2023} {
		go func() {
			r := sample()
			r.Nam = year
			out, err := tp.Execute(r, nil)
			if err != nil {
				done <- err.Error()
				return
			}
			text, _ := docxpkg.Text(out)
			done <- text
		}()
	}
	var got []string
	for range 4 {
		got = append(got, <-done)
	}
	slices.Sort(got)
	if !slices.Equal(got, []string{"2020", "2021", "2022", "2023"}) {
		t.Fatalf("outputs = %q", got)
	}
}

func TestParseNotDocx(t *testing.T) {
	_, err := docxtpl.Parse([]byte("not a zip"), docxtpl.Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "không phải tệp .docx hợp lệ: ") {
		t.Fatalf("err = %v", err)
	}
	if _, ok := err.(docxtpl.ErrorList); ok {
		t.Fatal("an unreadable package gave an ErrorList")
	}
}

func TestHasTags(t *testing.T) {
	plain := parse(t, build(docxtest.P("Báo cáo đã lập, không có thẻ nào")), docxtpl.Options{})
	tagged := parse(t, build(docxtest.P("Năm {{ .Nam }}")), docxtpl.Options{})
	if plain.HasTags() || !tagged.HasTags() {
		t.Errorf("HasTags: plain %v, tagged %v", plain.HasTags(), tagged.HasTags())
	}
}

// An output of many chunks, checked while it is written: guarded cells and
// tables far beyond the first chunk still get their paragraph or go.
func TestGuardsAcrossChunks(t *testing.T) {
	body := docxtest.Table(
		[]string{docxtest.P("Chỉ tiêu"), docxtest.P("Ghi chú")},
		[]string{docxtest.P("{{range .ChiTieu}}"), docxtest.P("")},
		[]string{docxtest.P("{{.GiaTri}}"), docxtest.P("{{if $.Tang}}") + docxtest.P("tăng") + docxtest.P("{{end}}")},
		[]string{docxtest.P("{{end}}"), docxtest.P("")},
	) + docxtest.P("Giữa") + docxtest.Table(
		[]string{docxtest.P("{{range .ChiTieu}}{{if $.Tang}}")},
		[]string{docxtest.P("{{.Ten}}")},
		[]string{docxtest.P("{{end}}{{end}}")},
	) + docxtest.P("Hết")
	r := sample()
	r.ChiTieu = nil
	want := []string{"Chỉ tiêu", "Ghi chú"}
	for i := range 4000 {
		v := fmt.Sprintf("%04d %s", i, strings.Repeat("x", 1000))
		r.ChiTieu = append(r.ChiTieu, Item{Ten: "t", GiaTri: v})
		want = append(want, v, "")
	}
	want = append(want, "Giữa", "Hết")
	doc := part(t, render(t, build(body), options(), r), docxpkg.DocumentPart)
	if len(doc) < 4<<20 {
		t.Fatalf("the output is %d bytes: too small to cross chunks", len(doc))
	}
	if got := docxpkg.Paragraphs(doc); !slices.Equal(got, want) {
		t.Fatalf("%d paragraphs, want %d", len(got), len(want))
	}
	if n := strings.Count(doc, "<w:tbl>"); n != 1 {
		t.Fatalf("%d tables, want 1", n)
	}
	if n := strings.Count(doc, "<w:p/>"); n != 4000 {
		t.Fatalf("%d empty paragraphs added to cells, want 4000", n)
	}
	// Compressed as it is written, the part is the same; checked without
	// keeping it, it passes.
	tpl := parse(t, build(body), options())
	pkg, err := tpl.ExecuteDeflated(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if pkg.Part(docxpkg.DocumentPart) != doc {
		t.Error("ExecuteDeflated gives another document")
	}
	if err := tpl.Check(r, nil, nil); err != nil {
		t.Errorf("Check: %v", err)
	}
}
