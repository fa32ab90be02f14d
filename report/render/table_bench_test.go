package render_test

import (
	"testing"

	"github.com/baocao/baocao/report/appendix/appendixtest"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/render"
	"github.com/baocao/baocao/templates"
)

// BenchmarkAppendix1000 fills the default template's appendix with a catalogue
// of 1 000 indicators, in process: compute the figures, build the table, fill
// the template and write the .docx (the template is parsed once, outside).
func BenchmarkAppendix1000(b *testing.B) {
	cat, cur, prev := appendixtest.Large(1000)
	tpl, err := templates.DefaultDocx()
	if err != nil {
		b.Fatal(err)
	}
	r, err := render.New(appendixtest.AppendixOnly(b, tpl), cat)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(compute.Compute(cat, cur, prev)); err != nil {
			b.Fatal(err)
		}
	}
}
