package validate_test

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/validate"
)

// A chain of formulas each squaring the last, within the chain limit, would
// make numbers of 3^(2^100); the first result past compute.MaxDigits is a
// formula-error at its indicator, naming its formula, and the rest of the
// chain says nothing more.
func TestFormulaResultDigits(t *testing.T) {
	for _, c := range []struct {
		name, first string
		value       func(k int) *big.Rat // C_k's exact value
	}{
		{"square", "M0 * M0", func(k int) *big.Rat {
			return new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(3), new(big.Int).Lsh(big.NewInt(1), uint(k+1)), nil))
		}},
		{"square-div", "M0 / 7", func(k int) *big.Rat {
			return new(big.Rat).SetFrac(new(big.Int).Exp(big.NewInt(3), new(big.Int).Lsh(big.NewInt(1), uint(k)), nil),
				new(big.Int).Exp(big.NewInt(7), new(big.Int).Lsh(big.NewInt(1), uint(k)), nil))
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			const levels = compute.MaxFormulaChain - 1
			var b strings.Builder
			b.WriteString("chi_tieu:\n  - {ma: M0, ten: M0}\n")
			fmt.Fprintf(&b, "  - {ma: C0, ten: C0, cong_thuc: %q}\n", c.first)
			for k := 1; k < levels; k++ {
				fmt.Fprintf(&b, "  - {ma: C%d, ten: C%d, cong_thuc: \"C%d * C%d\"}\n", k, k, k-1, k-1)
			}
			cat, fs := input.ParseCatalogue(catFile, []byte(b.String()))
			if len(fs) > 0 {
				t.Fatal(fs)
			}
			// The first level whose value has too many digits.
			over := 0
			for !compute.TooLarge(c.value(over)) {
				over++
			}
			if over < 2 || over >= levels {
				t.Fatalf("test chain: level %d", over)
			}
			y, _ := input.ParseFigures(curFile, []byte("nam: 2021\nchi_tieu:\n  M0: 3\n"), model.YearPeriod(2021), cat)
			got := validate.Check(cat, y, nil, validate.Options{})
			formula := fmt.Sprintf("C%d * C%d", over-1, over-1)
			if len(got) != 1 || got[0].Code != "formula-error" || got[0].Severity != model.Error ||
				got[0].Pos != (model.Pos{File: catFile, Line: over + 3}) ||
				!strings.Contains(got[0].Msg, fmt.Sprintf("chỉ tiêu C%d", over)) ||
				!strings.Contains(got[0].Msg, fmt.Sprintf("công thức «%s» cho kết quả vượt quá %d chữ số", formula, compute.MaxDigits)) {
				t.Errorf("got %v", got)
			}
			// The level before it is computed exactly.
			rep := compute.Compute(cat, y, nil)
			if v := rep.Figure(fmt.Sprintf("C%d", over-1)).Value; v == nil || v.Cmp(c.value(over-1)) != 0 {
				t.Errorf("C%d = %v, want %v", over-1, v, c.value(over-1))
			}
		})
	}
}

// Check's own findings about one file are listed as its reader's are: the
// first model.MaxListed, then one too-many-findings counting the rest by code.
func TestCheckFindingsCapped(t *testing.T) {
	const n = model.MaxListed + 500
	var cat, cur strings.Builder
	cat.WriteString("chi_tieu:\n")
	cur.WriteString("nam: 2021\nchi_tieu:\n")
	for i := range n {
		fmt.Fprintf(&cat, "  - {ma: M%d, ten: Chỉ tiêu %d}\n", i, i)
		fmt.Fprintf(&cur, "  M%d: -%d\n", i, i+1)
	}
	c, fs := input.ParseCatalogue(catFile, []byte(cat.String()))
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	y, fs := input.ParseFigures(curFile, []byte(cur.String()), model.YearPeriod(2021), c)
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	got := validate.Check(c, y, nil, validate.Options{})
	if len(got) != model.MaxListed+1 {
		t.Fatalf("%d findings", len(got))
	}
	var last model.Finding
	for _, f := range got {
		if f.Code == "too-many-findings" {
			last = f
		} else if f.Code != "negative-value" {
			t.Errorf("finding %v", f)
		}
	}
	want := fmt.Sprintf("còn %d vấn đề nữa không được liệt kê (%[1]d negative-value)", n-model.MaxListed)
	if last.Severity != model.Error || last.Pos.File != curFile || !strings.Contains(last.Msg, want) || last.Unlisted.Errors != n-model.MaxListed {
		t.Errorf("count: %v, want %q", last, want)
	}
}
