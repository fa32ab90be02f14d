package compute

import (
	"math/big"
	"strings"
	"testing"
)

func TestFormula(t *testing.T) {
	vals := map[string]*big.Rat{"A": big.NewRat(811, 1), "B": big.NewRat(1725, 1), "C": big.NewRat(0, 1)}
	get := func(c string) (*big.Rat, error) { return vals[c], nil }
	cases := []struct{ src, want string }{
		{"A / B * 100", "47.01"},
		{"(A + B) / 2", "1268.00"},
		{"A - B - 1", "-915.00"},
		{"-A + 1000", "189.00"},
		{"A / (B - 725) * 100", "81.10"},
		{"2,5 * 2", "5.00"},
	}
	for _, c := range cases {
		f, err := ParseFormula(c.src)
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		v, err := f.Eval(get)
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		if got := Round(v, 2).StringFixed(2); got != c.want {
			t.Errorf("%q = %s, want %s", c.src, got, c.want)
		}
	}
	f, _ := ParseFormula("A / C")
	if _, err := f.Eval(get); err == nil || !strings.Contains(err.Error(), "C") {
		t.Errorf("division by zero: %v", err)
	}
	if f, _ := ParseFormula("A / B + A"); strings.Join(f.Inputs, ",") != "A,B" {
		t.Errorf("inputs = %v", f.Inputs)
	}
	for _, bad := range []string{"", "A /", "A B", "(A", "A + é", "1.2.3", strings.Repeat("(", 60) + "A" + strings.Repeat(")", 60)} {
		if _, err := ParseFormula(bad); err == nil {
			t.Errorf("ParseFormula(%q) accepted", bad)
		}
	}
}

func FuzzParseFormula(f *testing.F) {
	for _, s := range []string{"A / B * 100", "(A+B)/2", "-A", "1,5*X_2", "((", "A//B", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fm, err := ParseFormula(src)
		if err != nil {
			return
		}
		_, _ = fm.Eval(func(string) (*big.Rat, error) { return big.NewRat(0, 1), nil })
	})
}

// A formula's result, and each step of it, has at most MaxDigits digits in its
// numerator and its denominator.
func TestFormulaDigits(t *testing.T) {
	ten := new(big.Int).Exp(big.NewInt(10), big.NewInt(MaxDigits/2), nil)
	nines := new(big.Rat).SetInt(new(big.Int).Sub(ten, big.NewInt(1))) // MaxDigits/2 nines
	vals := map[string]*big.Rat{"N": nines, "T": new(big.Rat).SetInt(ten)}
	get := func(c string) (*big.Rat, error) { return vals[c], nil }
	for _, c := range []struct {
		src string
		ok  bool
	}{
		{"N * N", true},        // 2×(MaxDigits/2) digits
		{"1 / (N * N)", true},  // in the denominator as well
		{"T * T", false},       // 10^MaxDigits: one digit more
		{"1 / (T * T)", false}, // in the denominator
		{"T * T / T", false},   // at a step, though the result would fit
	} {
		f, err := ParseFormula(c.src)
		if err != nil {
			t.Fatal(err)
		}
		v, err := f.Eval(get)
		if c.ok != (err == nil) {
			t.Errorf("%s: %v", c.src, err)
		}
		if !c.ok && (err != (ErrTooLarge{Formula: c.src}) || !strings.Contains(err.Error(), "«"+c.src+"»")) {
			t.Errorf("%s: %v %v", c.src, v, err)
		}
	}
}
