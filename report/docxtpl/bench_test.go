package docxtpl_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
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
