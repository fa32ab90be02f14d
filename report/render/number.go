package render

import (
	"fmt"
	"math/big"
	"reflect"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// Number is an exact number in a template: an indicator's .GiaTriSo, or what
// cong, tru, nhan, chia and ty_le give. It is printed rounded half-up once at
// its precision ("so" and "so_gon" choose another) and compares as a number.
type Number struct {
	r        *big.Rat
	decimals int // the precision it is printed at
}

func (n Number) rat() *big.Rat {
	if n.r == nil {
		return new(big.Rat)
	}
	return n.r
}

// Rat is the exact value: the template's comparisons (eq, lt, gt…) compare
// numbers by it.
func (n Number) Rat() *big.Rat { return new(big.Rat).Set(n.rat()) }

// String writes the number the Vietnamese way at its precision: "1.150", "94,3".
func (n Number) String() string { return formatRat(n.rat(), n.decimals) }

// maxNumberDecimals bounds the precision of a result printed without "so":
// a quotient with no short decimal form is shown at 2 decimals.
const (
	maxNumberDecimals = 6
	quotientDecimals  = 2
)

// bounded refuses a result of fn beyond compute.MaxDigits.
func bounded(fn string, n *big.Rat) (Number, error) {
	if compute.TooLarge(n) {
		return Number{}, fmt.Errorf("hàm «%s»: kết quả vượt quá %d chữ số (tính cả tử số và mẫu số của giá trị chính xác), giới hạn của phép tính trong mẫu; hãy bớt số lần lặp hoặc xem lại công thức", fn, compute.MaxDigits)
	}
	return Number{r: n}, nil
}

// naturalDecimals is the precision of r's exact decimal form when it has a
// short one, else fallback.
func naturalDecimals(r *big.Rat, fallback int) int {
	for d := 0; d <= maxNumberDecimals; d++ {
		if _, ok := compute.Exact(r, d); ok {
			return d
		}
	}
	return fallback
}

// operand reads what a tag passes as a number, exactly, with the precision it
// is shown at: a Number, an indicator (its value), an integer, a decimal
// literal or Vietnamese number text ("1.150", "8,3"). fn names the function
// for messages.
func (r *Renderer) operand(fn string, x any) (Number, error) {
	switch v := x.(type) {
	case Number:
		return v, nil
	case *ChiTieu:
		return v.GiaTriSo(), nil
	case int:
		return Number{r: big.NewRat(int64(v), 1)}, nil
	case int64:
		return Number{r: big.NewRat(v, 1)}, nil
	case decimal.Decimal:
		return Number{r: compute.Rat(v), decimals: max(0, -int(v.Exponent()))}, nil
	case float64: // a literal such as 8.3 in a tag: its shortest decimal form is what was typed
		d, err := decimal.NewFromString(fmt.Sprint(v))
		if err != nil {
			return Number{}, fmt.Errorf("hàm «%s»: «%v» không phải là số", fn, v)
		}
		return Number{r: compute.Rat(d), decimals: max(0, -int(d.Exponent()))}, nil
	case string:
		d, _, err := vnformat.ParseNumber(v)
		if err != nil {
			return Number{}, fmt.Errorf("hàm «%s» cần một số, không phải chữ «%s»", fn, v)
		}
		return Number{r: compute.Rat(d), decimals: max(0, -int(d.Exponent()))}, nil
	case nil:
		return Number{}, fmt.Errorf("hàm «%s» cần một số nhưng nhận giá trị rỗng", fn)
	}
	return Number{}, fmt.Errorf("hàm «%s» cần một số, không phải %s", fn, describe(x))
}

// describe names a value of a template in a message.
func describe(x any) string {
	switch v := x.(type) {
	case bool:
		return fmt.Sprintf("giá trị đúng/sai «%v»", v)
	case []string:
		return "một danh sách"
	}
	switch reflect.ValueOf(x).Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return "một danh sách"
	}
	return fmt.Sprintf("«%v»", x)
}

// arithmetic gives the template functions cong, tru, nhan, chia and ty_le:
// exact, on numbers of any kind operand reads.
func (r *Renderer) arithmetic() map[string]any {
	fold := func(name string, op func(a, b *big.Rat) *big.Rat, decimals func(a, b Number, res *big.Rat) int) func(a, b any, more ...any) (Number, error) {
		return func(a, b any, more ...any) (Number, error) {
			acc, err := r.operand(name, a)
			if err != nil {
				return Number{}, err
			}
			for _, x := range append([]any{b}, more...) {
				n, err := r.operand(name, x)
				if err != nil {
					return Number{}, err
				}
				res, err := bounded(name, op(acc.rat(), n.rat()))
				if err != nil {
					return Number{}, err
				}
				res.decimals = decimals(acc, n, res.r)
				acc = res
			}
			return acc, nil
		}
	}
	widest := func(a, b Number, _ *big.Rat) int { return max(a.decimals, b.decimals) }
	return map[string]any{
		"cong": fold("cong", func(a, b *big.Rat) *big.Rat { return new(big.Rat).Add(a, b) }, widest),
		"tru":  fold("tru", func(a, b *big.Rat) *big.Rat { return new(big.Rat).Sub(a, b) }, widest),
		"nhan": fold("nhan", func(a, b *big.Rat) *big.Rat { return new(big.Rat).Mul(a, b) },
			func(a, b Number, res *big.Rat) int { return naturalDecimals(res, a.decimals+b.decimals) }),
		"chia": func(a, b any) (Number, error) {
			x, y, err := r.pair("chia", a, b)
			if err != nil {
				return Number{}, err
			}
			q, err := bounded("chia", new(big.Rat).Quo(x.rat(), y.rat()))
			if err != nil {
				return Number{}, err
			}
			q.decimals = naturalDecimals(q.r, quotientDecimals)
			return q, nil
		},
		// ty_le a b is a as a percentage of b: ty_le 811 1725 = 47,0.
		"ty_le": func(a, b any) (Number, error) {
			x, y, err := r.pair("ty_le", a, b)
			if err != nil {
				return Number{}, err
			}
			q := new(big.Rat).Quo(x.rat(), y.rat())
			p, err := bounded("ty_le", q.Mul(q, hundred))
			if err != nil {
				return Number{}, err
			}
			p.decimals = PercentDecimals
			return p, nil
		},
	}
}

// pair reads a dividend and a non-zero divisor.
func (r *Renderer) pair(fn string, a, b any) (Number, Number, error) {
	x, err := r.operand(fn, a)
	if err != nil {
		return Number{}, Number{}, err
	}
	y, err := r.operand(fn, b)
	if err != nil {
		return Number{}, Number{}, err
	}
	if y.rat().Sign() == 0 {
		return Number{}, Number{}, fmt.Errorf("hàm «%s»: không chia được cho 0", fn)
	}
	return x, y, nil
}
