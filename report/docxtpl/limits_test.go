package docxtpl_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
)

// executeErr parses body and executes it with data; Parse must succeed.
func executeErr(t *testing.T, body string, data Report) docxtpl.ErrorList {
	t.Helper()
	out, err := parse(t, build(body), options()).Execute(data, nil)
	if err == nil {
		t.Fatalf("no error; output of %d bytes", len(out))
	}
	if out != nil {
		t.Fatal("output despite the error")
	}
	return errorList(t, err)
}

func TestLoopIterationsBounded(t *testing.T) {
	const work = 10_000 // a small bound, for speed: the limit is docxtpl.MaxWork
	docxtpl.LowerMaxWork(t, work)
	tests := []struct {
		name, body string
		para       int
		text       string
	}{
		{"inline", docxtest.P("Mở đầu") + docxtest.P("x{{ range 1000000000000 }}a{{ end }}y"), 2, "x{{ range 1000000000000 }}a{{ end }}y"},
		{"empty body", docxtest.P("{{ range 1000000000000 }}{{ end }}"), 1, "{{ range 1000000000000 }}{{ end }}"},
		{"standalone", docxtest.P("{{ range $i := 1000000000000 }}") + docxtest.P("dòng {{ $i }}") + docxtest.P("{{ end }}"), 1, "{{ range $i := 1000000000000 }}"},
		{"nested", docxtest.P("{{ range 200 }}") + docxtest.P("{{ range 200 }}{{ end }}") + docxtest.P("{{ end }}"), 2, "{{ range 200 }}{{ end }}"},
		// A short loop whose body does much: the work is counted, not the passes.
		{"long body", docxtest.P("{{ $x := 0 }}{{ range 1000 }}" + strings.Repeat("{{ $x = $.Ghi }}", 50) + "{{ end }}"), 1, "{{ $x := 0 }}{{ range 1000 }}{{ $x = $.Ghi }}{{ $x = $.Ghi }…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := executeErr(t, tt.body, sample())
			if len(errs) != 1 {
				t.Fatalf("%d errors:\n%v", len(errs), errs)
			}
			e := errs[0]
			if e.Paragraph != tt.para || e.Text != tt.text || !e.Limit || !strings.Contains(e.Msg, "các vòng lặp {{range}} đã làm quá 10.000 bước") {
				t.Fatalf("error = %d %q %q", e.Paragraph, e.Text, e.Msg)
			}
		})
	}
	// Up to the limit, loops run: each pass of the outer loop counts 2 (itself
	// and the inner {{range}}), each of the inner one 1.
	inner := (work - 2*2) / 2
	out := render(t, build(docxtest.P(fmt.Sprintf("{{ range 2 }}{{ range %d }}{{ end }}{{ end }}xong", inner))), options(), sample())
	if got := paragraphs(t, out, docxpkg.DocumentPart); len(got) != 1 || got[0] != "xong" {
		t.Fatalf("paragraphs = %q", got)
	}
	// A pass of a body of 50 commands counts 51, up to the limit as well.
	body := func(passes int) string {
		return docxtest.P(fmt.Sprintf("{{ $x := 0 }}{{ range %d }}%s{{ end }}xong", passes, strings.Repeat("{{ $x = $.Ghi }}", 50)))
	}
	out = render(t, build(body(work/51)), options(), sample())
	if got := paragraphs(t, out, docxpkg.DocumentPart); len(got) != 1 || got[0] != "xong" {
		t.Fatalf("paragraphs = %q", got)
	}
	if errs := executeErr(t, body(work/51+1), sample()); len(errs) != 1 || !strings.Contains(errs[0].Msg, "đã làm quá") {
		t.Fatalf("errors:\n%v", errs)
	}
}

func TestOutputSizeBounded(t *testing.T) {
	long := sample()
	long.Ghi = strings.Repeat("Một câu rất dài. ", 100)
	errs := executeErr(t, docxtest.P("Mở đầu")+docxtest.P("{{ range 200000 }}{{ $.Ghi }}{{ end }}"), long)
	if len(errs) != 1 || errs[0].Paragraph != 2 || !strings.Contains(errs[0].Msg, "nội dung điền ra vượt giới hạn 192 MiB") {
		t.Fatalf("errors:\n%v", errs)
	}
	huge := sample()
	huge.Ghi = strings.Repeat("x", docxtpl.MaxOutputSize)
	errs = executeErr(t, docxtest.P("{{ .Ghi }}"), huge)
	if len(errs) != 1 || errs[0].Paragraph != 1 || !strings.Contains(errs[0].Msg, "vượt giới hạn 192 MiB") {
		t.Fatalf("errors:\n%v", errs)
	}
	// All parts count together, and the message names the part where it is reached.
	half := sample()
	half.Ghi = strings.Repeat("x", docxtpl.MaxOutputSize/2+1)
	_, err := parse(t, docxtest.Build(docxtest.Files{Body: docxtest.P("{{ .Ghi }}"), Header: docxtest.P("{{ .Ghi }}"), Footer: docxtest.P("{{ .Ghi }}")}), options()).Execute(half, nil)
	if errs := errorList(t, err); len(errs) != 1 || errs[0].Part != "word/header1.xml" {
		t.Fatalf("errors:\n%v", err)
	}
}

func TestNestingBounded(t *testing.T) {
	nested := func(n int) string {
		return docxtest.P(strings.Repeat("{{ if .Tang }}", n) + "x" + strings.Repeat("{{ end }}", n))
	}
	err := parseErr(t, nested(5000))
	checkErrors(t, err, wantErr{"", 1, "các khối {{if}}, {{range}}, {{with}} lồng nhau quá 100 lớp"})
	if e := errorList(t, err)[0]; len([]rune(e.Text)) > 70 || !strings.Contains(e.Text, "{{ if .Tang }}") {
		t.Fatalf("paragraph quoted as %q", e.Text)
	}
	// 10⁵ of them are too many tags: one error as well.
	checkErrors(t, parseErr(t, nested(100_000)), wantErr{"", 1, "mẫu có quá 20.000 thẻ"})
	// Standalone paragraphs too.
	body := strings.Repeat(docxtest.P("{{ if .Tang }}"), 200) + strings.Repeat(docxtest.P("{{ end }}"), 200)
	checkErrors(t, parseErr(t, body), wantErr{"", 101, "lồng nhau quá 100 lớp"})
	// The limit itself is allowed.
	parse(t, build(nested(docxtpl.MaxNesting)), options())
}

func TestTagCountBounded(t *testing.T) {
	body := docxtest.P("{{ .Nam }}") + docxtest.P(strings.Repeat("{{ .Nam }} ", 100_000))
	err := parseErr(t, body)
	checkErrors(t, err, wantErr{"", 2, "mẫu có quá 20.000 thẻ {{…}}"})
}

// Many tags in one paragraph, each in its own run as Word may leave them,
// are read in time linear in the paragraph's length (BenchmarkManyTags
// measures it).
func TestManyTagsInOneParagraph(t *testing.T) {
	n := docxtpl.MaxTags - 10
	out := render(t, build(manyTags(n)), options(), sample())
	got := paragraphs(t, out, docxpkg.DocumentPart)
	if len(got) != 1 || got[0] != strings.Repeat("2021;", n) {
		t.Fatalf("paragraph of %d bytes", len(got[0]))
	}
}

// manyTags is a paragraph of n tags {{ .Nam }};, each split over three runs.
func manyTags(n int) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	for range n {
		b.WriteString(run("", "{{ .N") + run("<w:b/>", "a") + run("", "m }};"))
	}
	b.WriteString("</w:p>")
	return b.String()
}

func BenchmarkManyTags(b *testing.B) {
	for _, n := range []int{1000, 10_000} {
		data := build(manyTags(n))
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := docxtpl.Parse(data, options()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A template holding markup longer than the check of the output reads across
// pieces is refused, located, when it is read: filled, it could not be checked.
func TestMarkupTooLongRefused(t *testing.T) {
	comment := `<!--` + strings.Repeat("x", docxpkg.MaxMarkup) + `-->`
	_, err := docxtpl.Parse(docxtest.Build(docxtest.Files{Body: docxtest.P("{{ .Ten }}") + comment}), docxtpl.Options{})
	if err == nil || !strings.Contains(err.Error(), "dài quá 1 MiB") {
		t.Fatalf("got %v", err)
	}
	short := `<!--` + strings.Repeat("x", docxpkg.MaxMarkup-8) + `-->`
	if _, err := docxtpl.Parse(docxtest.Build(docxtest.Files{Body: docxtest.P("{{ .Ten }}") + short}), docxtpl.Options{}); err != nil && strings.Contains(err.Error(), "1 MiB") {
		t.Fatalf("at the limit: %v", err)
	}
}
