package generate

import (
	"path/filepath"
	"testing"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/render"
)

// BenchmarkRenderSample renders the default template with the sample figures,
// in process: parse and check the template, compute, fill it.
func BenchmarkRenderSample(b *testing.B) {
	ws := input.Sample()
	_, tpl, err := ws.Template(model.FullYear)
	if err != nil {
		b.Fatal(err)
	}
	cat, cur, prev, _, err := Load(ws, model.YearPeriod(2021))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		r, err := render.New(tpl, cat)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.Render(compute.Compute(cat, cur, prev)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunSample is the whole of `generate 2021` in process: load the
// embedded sample, check, compute, render and write the file.
func BenchmarkRunSample(b *testing.B) {
	out := filepath.Join(b.TempDir(), "Bao-cao-2021.docx")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Output: out}); err != nil {
			b.Fatal(err)
		}
	}
}
