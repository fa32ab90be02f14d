package docxtpl_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
	"github.com/baocao/baocao/report/internal/memtest"
)

// benchDocument has 200 paragraphs and about 100 tags, some split across
// runs, with a repeated block and a table: the size of a yearly report.
func benchDocument() []byte {
	var b strings.Builder
	for i := range 40 {
		b.WriteString(docxtest.P("Mục " + strconv.Itoa(i) + ": nội dung cố định của báo cáo, không có thẻ nào ở đây cả."))
		b.WriteString(para(run("", "Năm {{ .Na"), `<w:proofErr w:type="spellStart"/>`, run("<w:b/>", "m }} đơn vị {{ .DonVi }}")))
		b.WriteString(docxtest.P("Tăng trưởng {{ .TangTruong | phan_tram }}{{ if .Tang }} (tăng){{ end }}."))
		b.WriteString(docxtest.P("Văn bản thường số " + strconv.Itoa(i) + " với đủ chữ để giống một đoạn thật."))
		if i%10 == 0 {
			b.WriteString(docxtest.P("{{range .ChiTieu}}") + docxtest.P("- {{ .Ten }}: {{ .GiaTri }}") + docxtest.P("{{end}}"))
		} else {
			b.WriteString(docxtest.P("Đoạn {{ chi_tieu \"BC01\" }} kết thúc."))
		}
	}
	return docxtest.Build(docxtest.Files{Body: b.String(), Header: docxtest.P("{{ .DonVi | bang_chu }}")})
}

func BenchmarkParse(b *testing.B) {
	data := benchDocument()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := docxtpl.Parse(data, options()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExecute(b *testing.B) {
	tp, err := docxtpl.Parse(benchDocument(), options())
	if err != nil {
		b.Fatal(err)
	}
	data := sample()
	for b.Loop() {
		if _, err := tp.Execute(data, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHostileTemplates measures how long a hostile template takes to be
// refused, and the peak memory: each case ends with an error.
func BenchmarkHostileTemplates(b *testing.B) {
	long := sample()
	long.Ghi = strings.Repeat("Một câu rất dài. ", 1000)
	var bad strings.Builder
	for i := range 100_000 {
		bad.WriteString(docxtest.P("{{ .Khong" + strconv.Itoa(i) + " }}"))
	}
	cases := []struct {
		name string
		body string
		data Report
	}{
		{"range-1e12", docxtest.P("{{ range 1000000000000 }}x{{ end }}"), sample()},
		{"range-long-string", docxtest.P("{{ range 100000 }}{{ $.Ghi }}{{ end }}"), long},
		{"nested-if-1e5", docxtest.P(strings.Repeat("{{ if .Tang }}", 100_000) + strings.Repeat("{{ end }}", 100_000)), sample()},
		{"tags-1e5-one-paragraph", docxtest.P(strings.Repeat("{{ .Nam }}", 100_000)), sample()},
		{"printf-1e3", docxtest.P(strings.Repeat(`{{ printf "%1000000d" 1 }}`, 1000)), sample()},
		{"printf-1e4", docxtest.P(strings.Repeat(`{{ printf "%1000000d" 1 }}`, 10_000)), sample()},
		{"bad-tags-1e5", bad.String(), sample()},
	}
	for _, c := range cases {
		data := build(c.body)
		b.Run(c.name, func(b *testing.B) {
			memtest.Bench(b, func() {
				tp, err := docxtpl.Parse(data, options())
				if err == nil {
					_, err = tp.Execute(c.data, nil)
				}
				if err == nil {
					b.Fatal("no error")
				}
				_ = err.Error()
			})
		})
	}
}
