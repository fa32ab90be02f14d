package docxtpl_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"text/template"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
)

// gen builds a random but valid template twice: as .docx XML, with tags
// split at random across runs, spelling marks and bookmarks, and as a plain
// text template where each kept paragraph is a line. Rendering the .docx
// must give the paragraphs that text/template gives for the plain one.
type gen struct {
	r     *rand.Rand
	model strings.Builder
}

// paragraph adds a paragraph whose text is text; standalone ones hold only
// control tags and leave no line.
func (g *gen) paragraph(text string, standalone bool) string {
	g.model.WriteString(strings.NewReplacer("“", `"`, "”", `"`).Replace(text))
	if !standalone {
		g.model.WriteString("\n")
	}
	if standalone && g.r.IntN(3) == 0 {
		text = "  " + text + " "
	}
	var b strings.Builder
	b.WriteString(`<w:p w:rsidR="00AB12CD"><w:pPr><w:jc w:val="both"/></w:pPr>`)
	runes := []rune(text)
	for len(runes) > 0 {
		n := 1 + g.r.IntN(min(len(runes), 8))
		if g.r.IntN(4) == 0 {
			n = len(runes)
		}
		rPr := [...]string{"", "", "<w:b/>", `<w:i/><w:sz w:val="26"/>`}[g.r.IntN(4)]
		b.WriteString(run(rPr, docxtest.Esc(string(runes[:n]))))
		runes = runes[n:]
		switch g.r.IntN(6) {
		case 0:
			b.WriteString(`<w:proofErr w:type="spellStart"/>`)
		case 1:
			b.WriteString(`<w:bookmarkStart w:id="1" w:name="x"/><w:bookmarkEnd w:id="1"/>`)
		}
	}
	b.WriteString(`</w:p>`)
	return b.String()
}

// value returns a printing tag valid where dot is an Item (inRange) or the
// Report.
func (g *gen) value(inRange bool) string {
	if inRange {
		return [...]string{"{{.Ten}}", "{{ .GiaTri }}", "{{$.Nam}}", "{{ .Ten | bang_chu }}"}[g.r.IntN(4)]
	}
	return [...]string{"{{.Nam}}", "{{ .DonVi }}", "{{.Ghi}}", "{{ .TangTruong | phan_tram }}", `{{ chi_tieu “BC01” }}`}[g.r.IntN(5)]
}

// root is how dot's root fields are reached: "$" inside a range.
func root(inRange bool) string {
	if inRange {
		return "$"
	}
	return ""
}

func (g *gen) text(inRange bool) string {
	words := []string{"Sở", "báo cáo", "năm", "&", "<b>", `"x"`, "{ y }", "tăng"}
	var parts []string
	for range 1 + g.r.IntN(4) {
		if g.r.IntN(2) == 0 {
			parts = append(parts, g.value(inRange))
		} else {
			parts = append(parts, words[g.r.IntN(len(words))])
		}
	}
	switch g.r.IntN(5) {
	case 0:
		parts = append(parts, "{{if "+root(inRange)+".Tang}}cao "+g.value(inRange)+"{{else}}thấp{{end}}")
	case 1:
		if !inRange {
			parts = append(parts, "{{range $i, $c := .ChiTieu}}{{if $i}}, {{end}}{{$c.Ten}}{{end}}")
		}
	}
	return strings.Join(parts, " ")
}

// blocks returns a sequence of paragraphs and tables.
func (g *gen) blocks(depth int, inRange bool) string {
	var b strings.Builder
	for range 1 + g.r.IntN(3) {
		choice := g.r.IntN(6)
		if depth > 2 {
			choice = 0
		}
		switch choice {
		case 0, 1:
			b.WriteString(g.paragraph(g.text(inRange), false))
		case 2:
			b.WriteString(g.paragraph("{{if "+root(inRange)+".Tang}}", true))
			b.WriteString(g.blocks(depth+1, inRange))
			if g.r.IntN(2) == 0 {
				b.WriteString(g.paragraph("{{else}}", true))
				b.WriteString(g.blocks(depth+1, inRange))
			}
			b.WriteString(g.paragraph("{{end}}", true))
		case 3:
			if inRange {
				b.WriteString(g.paragraph("{{/* ghi chú */}}", true))
				continue
			}
			b.WriteString(g.paragraph("{{range .ChiTieu}}", true))
			b.WriteString(g.blocks(depth+1, true))
			b.WriteString(g.paragraph("{{end}}", true))
		case 4:
			b.WriteString(g.table(depth, inRange))
		case 5:
			b.WriteString(g.paragraph("{{with "+root(inRange)+".Sub}}", true))
			b.WriteString(g.paragraph("Phụ {{.Ten}}", false))
			b.WriteString(g.paragraph("{{else}}", true))
			b.WriteString(g.blocks(depth+1, inRange))
			b.WriteString(g.paragraph("{{end}}", true))
		}
	}
	return b.String()
}

// table returns a table with a header row (so it never loses every row),
// cells starting with a plain paragraph (so none is emptied), and maybe a
// repeated row.
func (g *gen) table(depth int, inRange bool) string {
	cols := 1 + g.r.IntN(3)
	var rows [][]string
	row := func(cell func(i int) string) {
		var cells []string
		for i := range cols {
			cells = append(cells, cell(i))
		}
		rows = append(rows, cells)
	}
	row(func(int) string { return g.paragraph("Cột", false) })
	if !inRange && g.r.IntN(2) == 0 {
		row(func(i int) string {
			if i == 0 {
				return g.paragraph("{{range .ChiTieu}}", true)
			}
			return `<w:p/>`
		})
		row(func(int) string { return g.paragraph(g.text(true), false) })
		row(func(i int) string {
			if i == cols-1 {
				return g.paragraph("{{end}}", true)
			}
			return `<w:p/>`
		})
	}
	row(func(int) string { return g.paragraph(g.text(inRange), false) + g.blocks(depth+1, inRange) })
	return docxtest.Table(rows...)
}

func FuzzRender(f *testing.F) {
	for seed := range uint64(40) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		g := &gen{r: rand.New(rand.NewPCG(seed, 7))}
		body := g.blocks(0, false)
		data := sample()
		data.Tang = g.r.IntN(2) == 0
		data.Ghi = [...]string{"", "A & B", `<"c">`}[g.r.IntN(3)]
		data.ChiTieu = data.ChiTieu[:g.r.IntN(4)]
		if g.r.IntN(2) == 0 {
			data.Sub = &Sub{Ten: "p&q"}
		}

		model, err := template.New("model").Funcs(funcs()).Parse(g.model.String())
		if err != nil {
			t.Fatalf("model: %v", err)
		}
		var want strings.Builder
		if err := model.Execute(&want, data); err != nil {
			t.Fatalf("model: %v", err)
		}
		wantParas := strings.Split(strings.TrimSuffix(want.String(), "\n"), "\n")
		if want.Len() == 0 {
			wantParas = nil
		}

		tp, err := docxtpl.Parse(build(body), options())
		if err != nil {
			t.Fatalf("Parse: %v\nmodel:\n%s", err, g.model.String())
		}
		out, err := tp.Execute(data, nil)
		if err != nil {
			t.Fatalf("Execute: %v", err)
		}
		checkWellFormed(t, out)
		got := paragraphs(t, out, docxpkg.DocumentPart)
		// Paragraphs written as <w:p/> in the generator have no model line.
		got = slices.DeleteFunc(got, func(s string) bool { return s == "" })
		wantParas = slices.DeleteFunc(wantParas, func(s string) bool { return s == "" })
		if !slices.Equal(got, wantParas) {
			t.Fatalf("paragraphs =\n%q\nwant\n%q\nmodel:\n%s", got, wantParas, g.model.String())
		}
	})
}
