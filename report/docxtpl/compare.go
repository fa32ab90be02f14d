package docxtpl

import (
	"fmt"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"text/template"
)

// Comparisons. text/template's eq, ne, lt, le, gt and ge compare numbers
// only of one Go kind ("gt 2530.5 2000" is an error) and say in English
// what is wrong; the template's replace them. Numbers compare by value
// whatever their type: Go integers and floats, and values with a Rat method
// such as decimal.Decimal, which is how exact figures can be compared with
// the numbers typed in a tag. Text compares with text, true/false with
// true/false; text against a number is an error, never a comparison of
// characters ("2.530" < "2000").

// ratter is a number that gives its exact value (decimal.Decimal does).
type ratter interface{ Rat() *big.Rat }

var typRatter = reflect.TypeFor[ratter]()

// messageError is an error whose message is already Vietnamese; the place
// and the tag are added to it.
type messageError struct{ msg string }

func (e *messageError) Error() string { return e.msg }

func messagef(format string, args ...any) error {
	return &messageError{fmt.Sprintf(format, args...)}
}

// compareFuncs replace text/template's comparisons.
var compareFuncs = template.FuncMap{
	"eq": func(a any, bs ...any) (bool, error) {
		if len(bs) == 0 {
			return false, messagef("thiếu giá trị để so sánh")
		}
		for _, b := range bs {
			if c, err := compare(a, b, true); err != nil || c == 0 {
				return err == nil, err
			}
		}
		return false, nil
	},
	"ne": func(a, b any) (bool, error) { c, err := compare(a, b, true); return c != 0, err },
	"lt": func(a, b any) (bool, error) { c, err := compare(a, b, false); return c < 0, err },
	"le": func(a, b any) (bool, error) { c, err := compare(a, b, false); return c <= 0, err },
	"gt": func(a, b any) (bool, error) { c, err := compare(a, b, false); return c > 0, err },
	"ge": func(a, b any) (bool, error) { c, err := compare(a, b, false); return c >= 0, err },
}

// sort is what a compared value is: the comparisons take two of one sort.
type sort uint8

const (
	sortOther sort = iota
	sortNil
	sortNumber
	sortText
	sortBool
)

func (s sort) word() string {
	return [...]string{sortOther: "giá trị", sortNil: "giá trị rỗng", sortNumber: "số", sortText: "chữ", sortBool: "giá trị đúng/sai"}[s]
}

// sortOfType is the sort of the values of type t; sortOther when t is nil
// (unknown) or anything else.
func sortOfType(t reflect.Type) sort {
	if t == nil {
		return sortOther
	}
	if t.Implements(typRatter) {
		return sortNumber
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return sortNumber
	case reflect.String:
		return sortText
	case reflect.Bool:
		return sortBool
	}
	return sortOther
}

// rat is the exact value of a number; nil for NaN and infinities.
func rat(v reflect.Value) *big.Rat {
	if r, ok := v.Interface().(ratter); ok {
		return r.Rat()
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return new(big.Rat).SetInt64(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return new(big.Rat).SetUint64(v.Uint())
	}
	// A float is what was typed (8.3 in a tag): its shortest decimal form,
	// not its binary value.
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(v.Float(), 'g', -1, 64))
	if !ok {
		return nil
	}
	return r
}

// shown is a value as a message quotes it.
func shown(v reflect.Value, s sort) string {
	if s == sortText {
		return "«" + v.String() + "»"
	}
	return fmt.Sprint(v.Interface())
}

// compare compares a and b: -1, 0 or 1. With equality only, values of the
// same comparable type that are neither numbers nor text may be compared
// too, and nil equals only nil.
func compare(a, b any, equality bool) (int, error) {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	sa, sb := sortOf(va), sortOf(vb)
	switch {
	case sa == sortNumber && sb == sortNumber:
		ra, rb := rat(va), rat(vb)
		if ra == nil || rb == nil {
			return 0, messagef("không so sánh được %s với %s: một trong hai không phải là số hữu hạn", shown(va, sa), shown(vb, sb))
		}
		return ra.Cmp(rb), nil
	case sa == sortText && sb == sortText:
		x, y := va.String(), vb.String()
		if !equality && strings.ContainsAny(x, digits) && strings.ContainsAny(y, digits) {
			// Characters, not values: "2.530" < "2000".
			return 0, messagef("không so sánh lớn, nhỏ được hai chữ viết số «%s» và «%s»: chữ được so theo từng ký tự («2.530» đứng trước «2000»), không theo giá trị; "+
				"hãy so sánh số với số, ví dụ {{ if gt (chi_tieu \"MÃ\").GiaTriSo 2000 }} (trường …So, số không đặt trong ngoặc kép)", x, y)
		}
		switch {
		case x < y:
			return -1, nil
		case x > y:
			return 1, nil
		}
		return 0, nil
	case sa == sortNumber && sb == sortText || sa == sortText && sb == sortNumber:
		text, num := va, vb
		if sa == sortNumber {
			text, num = vb, va
		}
		msg := fmt.Sprintf("không so sánh được chữ %s với số %s; hãy so sánh số với số", shown(text, sortText), shown(num, sortNumber))
		if strings.ContainsAny(text.String(), "0123456789") {
			msg += " (chữ viết số vẫn là chữ, không được hiểu là số)"
		}
		return 0, &messageError{msg}
	case equality && sa == sortNil || equality && sb == sortNil:
		if sa == sb {
			return 0, nil
		}
		return 1, nil
	case equality && sa == sb && sa == sortBool:
		if va.Bool() == vb.Bool() {
			return 0, nil
		}
		return 1, nil
	case equality && sa == sortOther && sb == sortOther && va.Type() == vb.Type() && va.Type().Comparable():
		if equal(va, vb) {
			return 0, nil
		}
		return 1, nil
	case sa == sortOther && sb == sortOther:
		return 0, messagef("không so sánh được hai giá trị loại này")
	case !equality && (sa == sortBool || sb == sortBool):
		return 0, messagef("không so sánh lớn, nhỏ được giá trị đúng/sai")
	case !equality && (sa == sortNil || sb == sortNil):
		return 0, messagef("thiếu giá trị để so sánh (giá trị rỗng)")
	}
	return 0, messagef("không so sánh được %s với %s", sa.word(), sb.word())
}

const digits = "0123456789"

func sortOf(v reflect.Value) sort {
	if !v.IsValid() || v.Kind() == reflect.Pointer && v.IsNil() {
		return sortNil
	}
	return sortOfType(v.Type())
}

// equal is v == w for values of one comparable type, false where Go would
// panic (an interface inside holding a value that is not comparable).
func equal(v, w reflect.Value) (eq bool) {
	defer func() {
		if recover() != nil {
			eq = false
		}
	}()
	return v.Equal(w)
}
