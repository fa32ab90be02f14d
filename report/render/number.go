package render

import (
	"fmt"
	"math/big"
	"reflect"
	"strings"

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

// String writes the number the Vietnamese way at its precision: "1.150", "94,3".
func (n Number) String() string { return formatRat(n.rat(), n.decimals) }

// maxNumberDecimals bounds the precision of a result printed without "so":
// a quotient with no short decimal form is shown at 2 decimals.
const (
	maxNumberDecimals = 6
	quotientDecimals  = 2
)

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
				res := op(acc.rat(), n.rat())
				acc = Number{r: res, decimals: decimals(acc, n, res)}
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
			q := new(big.Rat).Quo(x.rat(), y.rat())
			return Number{r: q, decimals: naturalDecimals(q, quotientDecimals)}, nil
		},
		// ty_le a b is a as a percentage of b: ty_le 811 1725 = 47,0.
		"ty_le": func(a, b any) (Number, error) {
			x, y, err := r.pair("ty_le", a, b)
			if err != nil {
				return Number{}, err
			}
			q := new(big.Rat).Quo(x.rat(), y.rat())
			return Number{r: q.Mul(q, hundred), decimals: PercentDecimals}, nil
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

// comparable is a value of a comparison: a number (exact) or text.
type comparable struct {
	num  *big.Rat // nil for text and booleans
	text string
	kind string // "số", "chữ", "đúng/sai"
}

func (r *Renderer) comparable(fn string, x any) (comparable, error) {
	switch v := x.(type) {
	case string:
		return comparable{text: v, kind: "chữ"}, nil
	case bool:
		return comparable{text: fmt.Sprint(v), kind: "đúng/sai"}, nil
	case *ChiTieu:
		return comparable{}, fmt.Errorf("hàm «%s»: hãy so sánh giá trị của chỉ tiêu, ví dụ (chi_tieu \"%s\").GiaTriSo, không so sánh cả chỉ tiêu", fn, v.code)
	}
	n, err := r.operand(fn, x)
	if err != nil {
		return comparable{}, fmt.Errorf("hàm «%s» không so sánh được %s", fn, describe(x))
	}
	return comparable{num: n.rat(), kind: "số"}, nil
}

// compare orders a and b: numbers by value, texts as text; a number and a
// text do not compare ("2.530" < "2000" as text), and say so.
func (r *Renderer) compare(fn string, a, b any) (int, error) {
	x, err := r.comparable(fn, a)
	if err != nil {
		return 0, err
	}
	y, err := r.comparable(fn, b)
	if err != nil {
		return 0, err
	}
	switch {
	case x.num != nil && y.num != nil:
		return x.num.Cmp(y.num), nil
	case x.kind == y.kind && (x.kind == "chữ" || fn == "eq" || fn == "ne"):
		return strings.Compare(x.text, y.text), nil
	case x.kind == "chữ" && y.kind == "số" || x.kind == "số" && y.kind == "chữ":
		return 0, fmt.Errorf("hàm «%s» không so sánh được chữ với số (%s với %s): so sánh số với số, ví dụ (chi_tieu \"X\").GiaTriSo thay cho .GiaTri",
			fn, shown(a), shown(b))
	}
	return 0, fmt.Errorf("hàm «%s» không so sánh được %s với %s", fn, shown(a), shown(b))
}

func shown(x any) string {
	if s, ok := x.(string); ok {
		return "chữ «" + s + "»"
	}
	return describe(x)
}

// comparisons replace text/template's eq, ne, lt, le, gt and ge so that
// numbers of any kind compare by value, exactly.
func (r *Renderer) comparisons() map[string]any {
	ordered := func(name string, ok func(int) bool) func(a, b any) (bool, error) {
		return func(a, b any) (bool, error) {
			c, err := r.compare(name, a, b)
			return err == nil && ok(c), err
		}
	}
	return map[string]any{
		// eq a b c … is true when a equals any of the others, as in text/template.
		"eq": func(a any, others ...any) (bool, error) {
			if len(others) == 0 {
				return false, fmt.Errorf("hàm «eq» cần ít nhất hai giá trị để so sánh")
			}
			for _, b := range others {
				c, err := r.compare("eq", a, b)
				if err != nil {
					return false, err
				}
				if c == 0 {
					return true, nil
				}
			}
			return false, nil
		},
		"ne": ordered("ne", func(c int) bool { return c != 0 }),
		"lt": ordered("lt", func(c int) bool { return c < 0 }),
		"le": ordered("le", func(c int) bool { return c <= 0 }),
		"gt": ordered("gt", func(c int) bool { return c > 0 }),
		"ge": ordered("ge", func(c int) bool { return c >= 0 }),
	}
}
