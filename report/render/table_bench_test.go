package render_test

import (
	"testing"

	"github.com/baocao/baocao/report/appendix/appendixtest"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/internal/memtest"
	"github.com/baocao/baocao/report/render"
	"github.com/baocao/baocao/templates"
)

// BenchmarkAppendix1000 fills the default template's appendix with a catalogue
// of 1 000 indicators, in process: compute the figures, build the table, fill
// the template and write the .docx (the template is parsed once, outside).
func BenchmarkAppendix1000(b *testing.B) { benchmarkAppendix(b, 1000) }

// BenchmarkAppendix100k is the same with 100 000 indicators, its peak heap
// reported: the rows are worked out one at a time as the template asks.
func BenchmarkAppendix100k(b *testing.B) { benchmarkAppendix(b, 100_000) }

func benchmarkAppendix(b *testing.B, n int) {
	cat, cur, prev := appendixtest.Large(n)
	tpl, err := templates.DefaultDocx()
	if err != nil {
		b.Fatal(err)
	}
	r, err := render.New(appendixtest.AppendixOnly(b, tpl), cat)
	if err != nil {
		b.Fatal(err)
	}
	memtest.Bench(b, func() {
		if _, err := r.Render(compute.Compute(cat, cur, prev)); err != nil {
			b.Fatal(err)
		}
	})
}
