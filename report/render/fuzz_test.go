package render

import (
	"math/big"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxtpl"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

var fuzzOps = []string{">", ">=", "<", "<=", "="}

// FuzzRoundOnceAndTargetWording: for any exact value part/whole × 100, any
// catalogue decimals, display precision and target, (1) a figure shown at a
// precision is the exact value rounded half-up once there, (2) .GiaTri shows
// the exact value rounded once at the catalogue's precision or more, and the
// figure shown meets the target exactly when the exact value does, and (3)
// the target wording agrees with the exact comparison.
func FuzzRoundOnceAndTargetWording(f *testing.F) {
	f.Add(int64(1473), int64(1842), uint8(1), uint8(3), uint8(1), int64(80))   // 79,967 against ≥ 80
	f.Add(int64(19289), int64(20000), uint8(2), uint8(1), uint8(1), int64(96)) // 96,445 shown with 1 decimal
	f.Add(int64(811), int64(1725), uint8(1), uint8(1), uint8(0), int64(50))    // the sample's 47,0% against > 50
	f.Add(int64(999), int64(1000), uint8(0), uint8(0), uint8(4), int64(100))
	f.Add(int64(1), int64(3), uint8(0), uint8(6), uint8(3), int64(0))
	f.Fuzz(func(t *testing.T, part, whole int64, decimals, shown, op uint8, goal int64) {
		if whole == 0 || part < 0 || whole < 0 || part > 1e12 || whole > 1e12 || goal < -1e6 || goal > 1e6 {
			return
		}
		dec, prec := int(decimals%4), int(shown%7)
		target := &model.Target{Op: fuzzOps[int(op)%len(fuzzOps)], Value: decimal.NewFromInt(goal)}
		exact := new(big.Rat).SetFrac64(part*100, whole)

		// (1) once, at the precision shown, against an independent rounding.
		want := decimal.NewFromInt(part*100).DivRound(decimal.NewFromInt(whole), int32(prec))
		if got := formatRat(exact, prec); got != vnformat.Number(want, prec) {
			t.Fatalf("%d/%d×100 at %d decimals: %s, want %s", part, whole, prec, got, vnformat.Number(want, prec))
		}

		c := fuzzView(t, part, whole, dec, target)
		exactMet := target.MetBy(exact.Cmp(compute.Rat(target.Value)))

		// (2) the figure beside the wording.
		s := c.GiaTri()
		v, _, err := vnformat.ParseNumber(s)
		if err != nil {
			t.Fatalf("GiaTri %q: %v", s, err)
		}
		d := 0
		if _, frac, ok := strings.Cut(s, ","); ok {
			d = len(frac)
		}
		if d < dec || !v.Equal(compute.Round(exact, d)) {
			t.Fatalf("%d/%d×100: GiaTri %q is not the exact value rounded once at %d ≥ %d decimals", part, whole, s, d, dec)
		}
		if shownMet := target.Met(v); shownMet != exactMet && d < compute.MaxAgreeingDecimals {
			t.Fatalf("%d/%d×100 %s %d: shown %q reads met=%v, exact met=%v", part, whole, target.Op, goal, s, shownMet, exactMet)
		}
		// (3) the words.
		words := c.KetQuaMucTieu()
		saysMet := strings.HasPrefix(words, "đạt ") || strings.HasPrefix(words, "trong giới hạn ")
		saysMissed := strings.HasPrefix(words, "chưa đạt ") || strings.HasPrefix(words, "vượt giới hạn ")
		if saysMet != exactMet || saysMissed == exactMet {
			t.Fatalf("%d/%d×100 %s %d: %q, exact met=%v", part, whole, target.Op, goal, words, exactMet)
		}
	})
}

// fuzzView is the view of a rate PHAN / TONG × 100 with the given decimals and target.
func fuzzView(t *testing.T, part, whole int64, decimals int, target *model.Target) *ChiTieu {
	t.Helper()
	cat := model.NewCatalogue("chi-tieu.yaml", nil, []*model.Indicator{
		{Code: "PHAN", Kind: model.Quantity}, {Code: "TONG", Kind: model.Quantity},
		{Code: "TL", Unit: "%", Kind: model.Rate, Decimals: decimals, Formula: "PHAN / TONG * 100", Target: target},
	})
	p, w := decimal.NewFromInt(part), decimal.NewFromInt(whole)
	y := &model.Figures{Period: model.YearPeriod(2024), Source: "2024.yaml", Entries: []*model.Entry{{Code: "PHAN", Actual: &p}, {Code: "TONG", Actual: &w}}}
	return newReport(compute.Compute(cat, y, nil), docxtpl.NewProblems()).chiTieu("TL")
}
