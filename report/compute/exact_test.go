package compute

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// decimals gives figures of every size the fast paths of Rat, Cmp and
// percentOf meet or refuse: zero, signs, 64-bit limits, long fractions.
func decimals() []decimal.Decimal {
	rng := rand.New(rand.NewPCG(1, 2))
	coefs := []int64{0, 1, -1, 7, 10, 1234, -1083, 999_999_999_999_999_999, -999_999_999_999_999_999, math.MaxInt64, math.MinInt64, math.MaxInt32}
	for range 16 {
		coefs = append(coefs, rng.Int64N(1<<uint(rng.IntN(62)+1))-rng.Int64N(1<<uint(rng.IntN(30)+1)))
	}
	var out []decimal.Decimal
	for _, c := range coefs {
		for _, exp := range []int32{-25, -19, -18, -9, -3, -1, 0, 1, 2, 9, 17, 18, 19} {
			out = append(out, decimal.New(c, exp))
		}
	}
	big, _ := decimal.NewFromString("123456789012345678901234567890.125")
	return append(out, big, big.Neg())
}

func slowRat(d decimal.Decimal) *big.Rat {
	r, ok := new(big.Rat).SetString(d.String())
	if !ok {
		panic(d.String())
	}
	return r
}

// TestFastPathsExact checks that the 64-bit paths give what big arithmetic
// gives, reduced alike.
func TestFastPathsExact(t *testing.T) {
	ds := decimals()
	rats := make([]*big.Rat, len(ds))
	for i, d := range ds {
		got, want := Rat(d), slowRat(d)
		if got.Cmp(want) != 0 || got.Num().Cmp(want.Num()) != 0 || got.Denom().Cmp(want.Denom()) != 0 {
			t.Fatalf("Rat(%s) = %s, want %s", d, got, want)
		}
		rats[i] = got
	}
	// Quotients too: rates with long denominators.
	rats = append(rats, big.NewRat(1150, 1597), big.NewRat(-1, 3), big.NewRat(math.MaxInt64, math.MaxInt64-1), big.NewRat(math.MinInt64+1, 7))
	hundred := big.NewRat(100, 1)
	for _, x := range rats {
		for _, y := range rats {
			if got, want := Cmp(x, y), x.Cmp(y); got != want {
				t.Fatalf("Cmp(%s, %s) = %d, want %d", x, y, got, want)
			}
			got := percentOf(x, y)
			if y.Sign() == 0 {
				if got != nil || (&Figure{Value: x, Previous: y}).Growth() != nil {
					t.Fatalf("percentOf(%s, 0) = %s", x, got)
				}
				continue
			}
			want := new(big.Rat).Quo(x, y)
			want.Mul(want, hundred)
			if got.Cmp(want) != 0 || got.Num().Cmp(want.Num()) != 0 || got.Denom().Cmp(want.Denom()) != 0 {
				t.Fatalf("percentOf(%s, %s) = %s, want %s", x, y, got, want)
			}
			growth := (&Figure{Value: x, Previous: y}).Growth()
			want = new(big.Rat).Sub(x, y)
			want.Quo(want, y).Mul(want, hundred)
			if growth.Cmp(want) != 0 || growth.Num().Cmp(want.Num()) != 0 || growth.Denom().Cmp(want.Denom()) != 0 {
				t.Fatalf("growth from %s to %s = %s, want %s", y, x, growth, want)
			}
		}
	}
}
