package docxtpl

import (
	"errors"
	"fmt"
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

type plainStringer struct{ s string }

func (p plainStringer) String() string { return "S:" + p.s }

type formatting struct{ plainStringer }

func (formatting) Format(f fmt.State, _ rune) { fmt.Fprint(f, "F") }

type erring struct{ plainStringer }

func (erring) Error() string { return "E" }

type panicking struct{}

func (panicking) String() string { panic(errors.New("hỏng")) }

type pointerStringer struct{ s string }

func (p *pointerStringer) String() string { return "P:" + p.s }

// printed words a value that formats itself as fmt.Sprint does, whichever
// way it takes: String alone, or fmt for the values fmt treats otherwise.
func TestPrintedAsFmt(t *testing.T) {
	for _, v := range []any{
		plainStringer{"a"}, formatting{plainStringer{"b"}}, erring{plainStringer{"c"}}, panicking{},
		&pointerStringer{"d"}, big.NewRat(3, 2), decimal.RequireFromString("12.50"), 7, "chữ",
	} {
		got, err := printed("x", v)
		if want := fmt.Sprint(v); err != nil || got != want {
			t.Errorf("%T: %q, %v; fmt gives %q", v, got, err, want)
		}
	}
	if _, err := printed("x", (*pointerStringer)(nil)); err == nil {
		t.Error("a nil pointer printed without a missing-value error")
	}
}
