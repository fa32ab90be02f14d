package diff

import (
	"fmt"
	"testing"

	"github.com/baocao/baocao/report/model"
	"github.com/shopspring/decimal"
)

// synthetic builds a catalogue of n indicators in 10 groups (one in ten a rate
// derived by formula) and two years of figures for it: a few indicators only in
// one year (CT_000000 in neither), some unchanged, some with a zero base.
func synthetic(n int) (*model.Catalogue, []*model.Figures) {
	var groups []model.Group
	for g := range 10 {
		groups = append(groups, model.Group{Code: fmt.Sprintf("G%d", g), Name: fmt.Sprintf("Nhóm %d", g)})
	}
	inds := make([]*model.Indicator, 0, n)
	y20 := &model.Figures{Period: model.YearPeriod(2020), Source: "2020.yaml"}
	y21 := &model.Figures{Period: model.YearPeriod(2021), Source: "2021.yaml"}
	for i := range n {
		ind := &model.Indicator{Code: fmt.Sprintf("CT_%06d", i), Name: fmt.Sprintf("Chỉ tiêu số %d", i), Unit: "tỷ đồng",
			Group: groups[i%10].Code, Kind: model.Quantity, Decimals: 2}
		inds = append(inds, ind)
		if i%10 == 9 {
			ind.Kind, ind.Unit, ind.Decimals = model.Rate, "%", 1
			ind.Formula = fmt.Sprintf("CT_%06d / CT_%06d * 100", i-2, i-1)
			continue
		}
		a := decimal.NewFromInt(int64(i%1000) + 1)
		b := a.Mul(decimal.RequireFromString("1.083")).Round(2)
		switch i % 50 {
		case 0:
			b = a
		case 1:
			a = decimal.Zero
		}
		if i%97 != 0 {
			y20.Entries = append(y20.Entries, &model.Entry{Code: ind.Code, Actual: &a})
		}
		if i%89 != 0 {
			y21.Entries = append(y21.Entries, &model.Entry{Code: ind.Code, Actual: &b, Plan: &a})
		}
	}
	return model.NewCatalogue("chi-tieu.yaml", groups, inds), []*model.Figures{y20, y21}
}

func TestSynthetic(t *testing.T) {
	cat, years := synthetic(1000)
	tb := Compare(cat, years, Options{})
	if tb.Summary.Indicators != 999 || tb.Summary.Up == 0 || tb.Summary.Same == 0 || tb.Summary.NoBase == 0 || tb.Summary.Added == 0 || tb.Summary.Removed == 0 {
		t.Errorf("summary %+v", tb.Summary)
	}
	if got := texts(row(t, tb, "CT_000002")); got != "3,00 → 3,25 | +0,25 | tăng 8,3% | up" {
		t.Errorf("CT_000002: %q", got)
	}
}

// BenchmarkCompare100k compares two years of 100 000 indicators; the target is
// under one second on the project's 2-core machine.
func BenchmarkCompare100k(b *testing.B) {
	cat, years := synthetic(100_000)
	want := Compare(cat, years, Options{}).Summary // also indexes the years' entries, as reading does
	if want.Indicators < 99_900 {
		b.Fatalf("%d indicators compared", want.Indicators)
	}
	b.ResetTimer()
	for b.Loop() {
		if got := Compare(cat, years, Options{}).Summary; got != want {
			b.Fatalf("summary %+v, want %+v", got, want)
		}
	}
}
