package diff

import (
	"testing"

	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
)

// sample compares the embedded sample's 2020 and 2021 inputs.
func sample(t testing.TB, opt Options) *Table {
	t.Helper()
	cat, years := sampleInputs(t)
	return Compare(cat, years, opt)
}

func sampleInputs(t testing.TB) (*model.Catalogue, []*model.Figures) {
	t.Helper()
	ws := input.Sample()
	cat, findings, err := ws.Catalogue()
	if err != nil || findings.Errors() > 0 {
		t.Fatalf("catalogue: %v %v", err, findings)
	}
	var years []*model.Figures
	for _, n := range []int{2021, 2020} {
		y, findings, err := ws.Figures(model.YearPeriod(n), cat)
		if err != nil || findings.Errors() > 0 {
			t.Fatalf("%d: %v %v", n, err, findings)
		}
		years = append(years, y)
	}
	return cat, years
}
