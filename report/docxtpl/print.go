package docxtpl

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
)

var (
	errorType    = reflect.TypeFor[error]()
	stringerType = reflect.TypeFor[fmt.Stringer]()
)

// formatsItself reports whether fmt prints a value of type t by its own
// method.
func formatsItself(t reflect.Type) bool {
	return t.Implements(stringerType) || t.Implements(errorType)
}

// printedType is t less the pointers that fmt follows to print a value.
func printedType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer && !formatsItself(t) {
		t = t.Elem()
	}
	return t
}

// printable reports whether a value of type t may be printed: strings,
// numbers, booleans and values that format themselves (fmt.Stringer,
// error). fmt would print anything else as Go's internals ("{0xc000123
// map[]}", "[a b]").
func printable(t reflect.Type) bool {
	t = printedType(t)
	if formatsItself(t) {
		return true
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// printProblem says why the value of the tag {{expr}}, of type t, may not
// be printed; "" if it may.
func printProblem(t reflect.Type, expr string) string {
	if printable(t) {
		return ""
	}
	t = printedType(t)
	switch t.Kind() {
	case reflect.Struct:
		noun := typeWord(t.String())
		if noun == "giá trị" {
			noun = "đối tượng"
		}
		msg := fmt.Sprintf("thẻ «{{%s}}» in ra cả một %s, không phải một giá trị; hãy chọn một trường", expr, noun)
		if name := exampleField(t); name != "" {
			// An element taken by index may not be there: the field alone is the example.
			if strings.HasPrefix(expr, "index ") || strings.HasPrefix(expr, "slice ") {
				msg += ", ví dụ ." + name
			} else {
				msg += ", ví dụ {{" + selector(expr) + "." + name + "}}"
			}
		}
		return msg
	case reflect.Slice, reflect.Array, reflect.Map:
		return fmt.Sprintf("thẻ «{{%s}}» in ra cả một danh sách; hãy dùng {{range %s}}…{{end}} để in từng phần tử", expr, expr)
	}
	return fmt.Sprintf("thẻ «{{%s}}» không in được %s", expr, typeWord(t.String()))
}

// preferredFields are shown first as examples of a field to print.
var preferredFields = []string{"GiaTri", "Ten"}

// exampleField names a field or method without arguments of the struct
// type t whose value may be printed, for a message; "" if there is none.
func exampleField(t reflect.Type) string {
	var names []string
	for _, f := range reflect.VisibleFields(t) {
		if f.IsExported() && !f.Anonymous && printable(f.Type) {
			names = append(names, f.Name)
		}
	}
	ptr := reflect.PointerTo(t)
	for i := range ptr.NumMethod() {
		m := ptr.Method(i)
		if m.Type.NumIn() == 1 && m.Type.NumOut() > 0 && printable(m.Type.Out(0)) {
			names = append(names, m.Name)
		}
	}
	for _, p := range preferredFields {
		if slices.Contains(names, p) {
			return p
		}
	}
	if len(names) > 0 {
		return names[0]
	}
	return ""
}

// simpleSelector is compiled on first use, by a message: its letter classes
// are slow to compile for every run.
var simpleSelector = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:\$[\pL\pN_]*)?(?:\.[\pL\pN_]+)*$`) })

// selector is expr written so that a field name can follow it: "." gives
// ".Ten", ".Sub" ".Sub.Ten", a call "(f x).Ten".
func selector(expr string) string {
	switch {
	case expr == ".":
		return ""
	case simpleSelector().MatchString(expr):
		return expr
	}
	return "(" + expr + ")"
}

// nouns maps the names of Go types to the nouns of Options.Nouns.
var nouns sync.Map

// typeWord names, in a message, what a value of the Go type named name is,
// in a template's words: never the Go name itself.
func typeWord(name string) string {
	name = strings.TrimLeft(name, "*")
	if elem, ok := strings.CutPrefix(name, "[]"); ok {
		if noun, ok := nouns.Load(strings.TrimLeft(elem, "*")); ok {
			return "danh sách " + noun.(string)
		}
		return "danh sách"
	}
	switch {
	case strings.HasPrefix(name, "map["):
		return "danh sách"
	case strings.HasPrefix(name, "func("):
		return "hàm"
	}
	switch name {
	case "int", "int8", "int16", "int32", "int64":
		return "số nguyên"
	case "uint", "uint8", "uint16", "uint32", "uint64", "uintptr":
		return "số nguyên không âm"
	case "float32", "float64":
		return "số thực"
	case "complex64", "complex128":
		return "số phức"
	case "bool":
		return "giá trị đúng/sai (true hoặc false)"
	case "string":
		return "chuỗi"
	}
	if noun, ok := nouns.Load(name); ok {
		return noun.(string)
	}
	return "giá trị"
}
