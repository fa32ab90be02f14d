package appendix_test

import (
	"io"
	"testing"

	"github.com/baocao/baocao/report/appendix"
	"github.com/baocao/baocao/report/appendix/appendixtest"
	"github.com/baocao/baocao/report/compute"
)

// BenchmarkWorkbook1000 builds the appendix of 1 000 indicators and writes it
// as a workbook.
func BenchmarkWorkbook1000(b *testing.B) {
	cat, cur, prev := appendixtest.Large(1000)
	rep := compute.Compute(cat, cur, prev)
	b.ReportAllocs()
	for b.Loop() {
		if err := appendix.WriteXLSX(io.Discard, appendix.Build(rep), appendix.Attachment(&rep.Current.Header)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild1000 works out the table of 1 000 indicators.
func BenchmarkBuild1000(b *testing.B) {
	cat, cur, prev := appendixtest.Large(1000)
	rep := compute.Compute(cat, cur, prev)
	b.ReportAllocs()
	for b.Loop() {
		appendix.Build(rep)
	}
}
