package docxtpl

import (
	"fmt"
	"github.com/baocao/baocao/report/suggest"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"
	"unicode"
)

// position says where a tag's output goes, which decides which tags of one
// control structure may go together (see checker.sameBlock).
type position struct {
	standalone bool   // the tag replaces its paragraph
	container  int    // standalone: the paragraph's parent element
	para       *para  // inline: the paragraph
	path       string // inline: elements from the paragraph down to the w:t
}

// builtins are text/template's predefined functions.
var builtins = []string{"and", "call", "eq", "ge", "gt", "html", "index", "js", "le", "len", "lt",
	"ne", "not", "or", "print", "printf", "println", "slice", "urlquery"}

var (
	typString = reflect.TypeFor[string]()
	typBool   = reflect.TypeFor[bool]()
	typInt    = reflect.TypeFor[int]()
)

type variable struct {
	name string
	typ  reflect.Type // nil when unknown
}

type frame struct {
	open    *tag
	sawElse bool
	dot     reflect.Type // dot outside the structure
	vars    int          // variables in scope outside the structure
}

// checker walks the tags of a part in order, checking the nesting of
// control structures, where their tags sit, and the names used: functions,
// variables, and fields of dot, whose type it follows through with and
// range. A nil type means unknown, and nothing is checked on it.
type checker struct {
	opt   *Options
	pt    *part
	funcs []string // known function names, for suggestions
	errs  ErrorList
	tg    *tag // the tag being checked
	dot   reflect.Type
	vars  []variable
	stack []frame
}

func (c *checker) errorf(tg *tag, format string, args ...any) {
	c.errs = append(c.errs, tagError(c.pt, tg, fmt.Sprintf(format, args...)))
}

func tagError(pt *part, tg *tag, msg string) *Error {
	return &Error{Part: pt.name, Paragraph: tg.para.n, Text: excerpt(tg.para.text, tg.start), Msg: msg}
}

func (c *checker) run(tags []*tag) {
	c.dot = c.opt.Root
	for _, tg := range tags {
		c.tg = tg
		switch tg.kind {
		case kPrint, kDecl:
			c.pipeline(tg.pipe)
		case kIf:
			c.push(tg)
			c.pipeline(tg.pipe)
		case kWith:
			c.push(tg)
			c.dot = c.pipeline(tg.pipe)
		case kRange:
			c.push(tg)
			c.dot = c.rangePipe(tg.pipe)
		case kElse, kElseIf, kElseWith:
			c.branch(tg)
		case kEnd:
			if len(c.stack) == 0 {
				c.errorf(tg, "thẻ {{end}} thừa: không có khối {{if}}, {{range}} hay {{with}} nào đang mở")
				continue
			}
			f := c.stack[len(c.stack)-1]
			c.stack = c.stack[:len(c.stack)-1]
			c.sameBlock(f, tg)
			c.dot, c.vars = f.dot, c.vars[:f.vars]
		case kBreak, kContinue:
			c.loopControl(tg)
		}
	}
	for _, f := range c.stack {
		c.errorf(f.open, "thẻ %s chưa được đóng: thiếu {{end}}", f.open.kind.label())
	}
}

func (c *checker) push(tg *tag) {
	c.stack = append(c.stack, frame{open: tg, dot: c.dot, vars: len(c.vars)})
}

func (c *checker) branch(tg *tag) {
	if len(c.stack) == 0 {
		c.errorf(tg, "thẻ %s không nằm trong khối {{if}}, {{range}} hay {{with}} nào", tg.kind.label())
		return
	}
	f := &c.stack[len(c.stack)-1]
	c.sameBlock(*f, tg)
	switch {
	case f.sawElse:
		c.errorf(tg, "khối %s (đoạn %d) đã có {{else}}; sau {{else}} không được thêm nhánh nào", f.open.kind.label(), f.open.para.n)
	case tg.kind == kElseIf && f.open.kind != kIf:
		c.errorf(tg, "{{else if}} chỉ dùng được trong khối {{if}}, không dùng trong khối %s", f.open.kind.label())
	case tg.kind == kElseWith && f.open.kind != kWith:
		c.errorf(tg, "{{else with}} chỉ dùng được trong khối {{with}}, không dùng trong khối %s", f.open.kind.label())
	}
	if tg.kind == kElse {
		f.sawElse = true
	}
	c.dot = f.dot
	switch tg.kind {
	case kElseIf:
		c.pipeline(tg.pipe)
	case kElseWith:
		c.dot = c.pipeline(tg.pipe)
	}
}

func (c *checker) loopControl(tg *tag) {
	for i := len(c.stack) - 1; i >= 0; i-- {
		f := c.stack[i]
		if f.open.kind != kRange {
			continue
		}
		if f.open.key != tg.key {
			c.errorf(tg, "thẻ %s phải đặt cùng kiểu với khối {{range}} chứa nó (đoạn %d): cùng trong một đoạn, hoặc cùng đặt riêng một đoạn ở cùng một chỗ",
				tg.kind.label(), f.open.para.n)
		}
		return
	}
	c.errorf(tg, "thẻ %s chỉ dùng được bên trong khối {{range}}", tg.kind.label())
}

// sameBlock checks that a tag continuing or closing the structure opened
// by f.open is placed so that every branch of the structure is balanced XML:
// an inline structure stays within one paragraph and one level of its
// runs; a structure of standalone tags stays within one container (the
// body, one table cell, one text box).
func (c *checker) sameBlock(f frame, tg *tag) {
	a, b := f.open.key, tg.key
	if a == b {
		return
	}
	open := f.open.kind.label()
	switch {
	case !a.standalone && (b.standalone || a.para != b.para):
		c.errorf(f.open, "thẻ %s mở trong đoạn này phải đóng trong cùng đoạn, hoặc đặt thẻ riêng một đoạn", open)
	case !a.standalone:
		c.errorf(tg, "thẻ %s và thẻ %s mở khối phải cùng ở một lớp chữ của đoạn: không được một thẻ nằm trong siêu liên kết, trường hay vùng sửa đổi còn thẻ kia ở ngoài",
			tg.kind.label(), open)
	case !b.standalone:
		c.errorf(tg, "thẻ %s thuộc khối %s đặt riêng ở đoạn %d, nên cũng phải đặt riêng một đoạn", tg.kind.label(), open, f.open.para.n)
	default:
		c.errorf(tg, "thẻ %s nằm ở %s còn thẻ %s mở khối (đoạn %d) nằm ở %s; các thẻ của một khối phải cùng trong một ô bảng, hoặc cùng ở ngoài bảng "+
			"(để lặp lại hàng của bảng, đặt thẻ mở và thẻ đóng mỗi thẻ ở một hàng riêng)",
			tg.kind.label(), c.containerName(tg.para), open, f.open.para.n, c.containerName(f.open.para))
	}
}

func (c *checker) containerName(p *para) string {
	if p.row != nil && p.row.tags {
		return "một hàng riêng của bảng"
	}
	name := strings.TrimPrefix(p.parentName, c.pt.w)
	switch name {
	case "tc":
		return "một ô bảng"
	case "body":
		return "thân văn bản"
	case "txbxContent":
		return "một hộp văn bản"
	case "hdr":
		return "đầu trang"
	case "ftr":
		return "chân trang"
	}
	return "vùng «" + p.parentName + "»"
}

// pipeline checks a pipeline, declares its variables, and returns the type
// of its value.
func (c *checker) pipeline(p *parse.PipeNode) reflect.Type {
	if p == nil {
		return nil
	}
	t := c.commands(p)
	for _, v := range p.Decl {
		if p.IsAssign {
			c.variable(v.Ident[0])
		} else {
			c.vars = append(c.vars, variable{v.Ident[0], t})
		}
	}
	return t
}

func (c *checker) commands(p *parse.PipeNode) reflect.Type {
	var t reflect.Type
	for i, cmd := range p.Cmds {
		t = c.command(cmd, i > 0, t)
	}
	return t
}

// rangePipe checks the pipeline of a range and returns the element type.
func (c *checker) rangePipe(p *parse.PipeNode) reflect.Type {
	if p == nil {
		return nil
	}
	key, elem := c.rangeTypes(c.commands(p))
	types := []reflect.Type{elem}
	if len(p.Decl) == 2 {
		types = []reflect.Type{key, elem}
	}
	for i, v := range p.Decl {
		if p.IsAssign {
			c.variable(v.Ident[0])
		} else if i < len(types) {
			c.vars = append(c.vars, variable{v.Ident[0], types[i]})
		}
	}
	return elem
}

func (c *checker) rangeTypes(t reflect.Type) (key, elem reflect.Type) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return nil, nil
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return typInt, t.Elem()
	case reflect.Map:
		return t.Key(), t.Elem()
	case reflect.Chan:
		return nil, t.Elem()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return t, t
	case reflect.Interface, reflect.Func:
		return nil, nil
	}
	c.errorf(c.tg, "{{range}} không lặp được trên giá trị kiểu %s; cần một danh sách", t)
	return nil, nil
}

// command checks one command of a pipeline; piped says the previous
// command's value (of type prev) is passed as its last argument.
func (c *checker) command(cmd *parse.CommandNode, piped bool, prev reflect.Type) reflect.Type {
	if len(cmd.Args) == 0 {
		return nil
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		return c.call(id.Ident, cmd.Args[1:], piped, prev)
	}
	for _, a := range cmd.Args[1:] {
		c.operand(a)
	}
	return c.operand(cmd.Args[0])
}

func (c *checker) operand(n parse.Node) reflect.Type {
	switch n := n.(type) {
	case *parse.FieldNode:
		return c.fields(c.dot, n.Ident, "")
	case *parse.ChainNode:
		shown := n.Node.String()
		if _, ok := n.Node.(*parse.PipeNode); ok {
			shown = "(" + shown + ")"
		}
		return c.fields(c.operand(n.Node), n.Field, shown)
	case *parse.VariableNode:
		return c.fields(c.variable(n.Ident[0]), n.Ident[1:], n.Ident[0])
	case *parse.PipeNode:
		return c.pipeline(n)
	case *parse.IdentifierNode:
		return c.call(n.Ident, nil, false, nil)
	case *parse.DotNode:
		return c.dot
	case *parse.StringNode:
		return typString
	case *parse.BoolNode:
		return typBool
	}
	return nil
}

func (c *checker) variable(name string) reflect.Type {
	if name == "$" {
		return c.opt.Root
	}
	var names []string
	for i := len(c.vars) - 1; i >= 0; i-- {
		if c.vars[i].name == name {
			return c.vars[i].typ
		}
		names = append(names, c.vars[i].name)
	}
	c.errorf(c.tg, "%s", suggest.DidYouMean("không có biến «"+name+"»", suggest.Nearest(name, names)))
	return nil
}

// call checks a call of the function name with the given argument nodes.
func (c *checker) call(name string, args []parse.Node, piped bool, prev reflect.Type) reflect.Type {
	argTypes := make([]reflect.Type, 0, len(args)+1)
	for _, a := range args {
		argTypes = append(argTypes, c.operand(a))
	}
	if piped {
		argTypes = append(argTypes, prev)
	}
	fn, user := c.opt.Funcs[name]
	if isInternal(name) || !user && !slices.Contains(builtins, name) {
		c.errorf(c.tg, "%s", suggest.DidYouMean("không có hàm «"+name+"»", suggest.Nearest(name, c.funcs)))
		return nil
	}
	if check := c.opt.ArgChecks[name]; check != nil && len(args) > 0 {
		if s, ok := args[0].(*parse.StringNode); ok {
			if msg := check(s.Text); msg != "" {
				c.errorf(c.tg, "%s", msg)
			}
		}
	}
	if !user {
		return builtinType(name, argTypes)
	}
	ft := reflect.TypeOf(fn)
	switch n, want := len(argTypes), ft.NumIn(); {
	case ft.IsVariadic() && n < want-1:
		c.errorf(c.tg, "hàm «%s» cần ít nhất %d đối số nhưng thẻ đưa %d", name, want-1, n)
	case !ft.IsVariadic() && n != want:
		c.errorf(c.tg, "hàm «%s» cần %d đối số nhưng thẻ đưa %d", name, want, n)
	}
	return known(ft.Out(0))
}

// builtinType is the type of a builtin function's result, when known.
func builtinType(name string, args []reflect.Type) reflect.Type {
	switch name {
	case "not", "eq", "ne", "lt", "le", "gt", "ge":
		return typBool
	case "len":
		return typInt
	case "print", "printf", "println", "html", "js", "urlquery":
		return typString
	case "slice":
		if len(args) > 0 {
			return args[0]
		}
	case "index":
		if len(args) == 0 {
			return nil
		}
		t := args[0]
		for range args[1:] {
			for t != nil && t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			if t == nil {
				return nil
			}
			switch t.Kind() {
			case reflect.Map, reflect.Slice, reflect.Array:
				t = known(t.Elem())
			default:
				return nil
			}
		}
		return t
	case "and", "or":
		if len(args) > 0 && slices.IndexFunc(args, func(t reflect.Type) bool { return t != args[0] }) < 0 {
			return args[0]
		}
	case "call":
		if len(args) > 0 && args[0] != nil && args[0].Kind() == reflect.Func && args[0].NumOut() > 0 {
			return known(args[0].Out(0))
		}
	}
	return nil
}

// known returns t, or nil when t is an interface: the dynamic type is then
// unknown until execution.
func known(t reflect.Type) reflect.Type {
	if t == nil || t.Kind() == reflect.Interface {
		return nil
	}
	return t
}

// fields checks the chain of field or method names applied to a value of
// type t, shown in messages after prefix.
func (c *checker) fields(t reflect.Type, names []string, prefix string) reflect.Type {
	for i, name := range names {
		if t == nil {
			return nil
		}
		next, ok, candidates := lookupField(t, name)
		if ok {
			t = next
			continue
		}
		shown := prefix + "." + strings.Join(names[:i+1], ".")
		if candidates == nil {
			c.errorf(c.tg, "không có trường «%s»: giá trị «%s» là kiểu %s, không có trường nào", shown, prefix+dotted(names[:i]), t)
			return nil
		}
		msg := "không có trường «" + shown + "»"
		if s := suggest.Nearest(name, candidates); s != "" {
			msg = suggest.DidYouMean(msg, prefix+dotted(names[:i])+"."+s)
		} else if len(candidates) > 0 && len(candidates) <= 12 {
			msg += "; các trường có: " + strings.Join(candidates, ", ")
		}
		c.errorf(c.tg, "%s", msg)
		return nil
	}
	return t
}

func dotted(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return "." + strings.Join(names, ".")
}

// lookupField resolves .name on a value of type t the way text/template
// does. ok with a nil type means the result's type is unknown. When the name
// is not found, candidates lists the names that are (nil when the type has
// no fields at all).
func lookupField(t reflect.Type, name string) (_ reflect.Type, ok bool, candidates []string) {
	ptr := t
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		ptr = reflect.PointerTo(t)
	}
	if m, found := ptr.MethodByName(name); found {
		if m.Type.NumOut() == 0 {
			return nil, true, nil
		}
		return known(m.Type.Out(0)), true, nil
	}
	switch t.Kind() {
	case reflect.Interface:
		return nil, true, nil
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return nil, true, nil
		}
		return known(t.Elem()), true, nil
	case reflect.Struct:
		if f, found := t.FieldByName(name); found && f.IsExported() {
			return known(f.Type), true, nil
		}
		for _, f := range reflect.VisibleFields(t) {
			if f.IsExported() && !slices.Contains(candidates, f.Name) {
				candidates = append(candidates, f.Name)
			}
		}
	}
	for i := range ptr.NumMethod() {
		candidates = append(candidates, ptr.Method(i).Name)
	}
	if t.Kind() != reflect.Struct && len(candidates) == 0 {
		return nil, false, nil
	}
	if candidates == nil {
		candidates = []string{}
	}
	return nil, false, candidates
}

// funcNames lists the functions a template may call, for suggestions.
func funcNames(funcs map[string]any) []string {
	names := slices.Clone(builtins)
	for name := range funcs {
		if !isInternal(name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// validateFuncs checks what text/template would panic on.
func validateFuncs(funcs map[string]any) error {
	for name, fn := range funcs {
		if !isIdentifier(name) {
			return fmt.Errorf("tên hàm %q không hợp lệ", name)
		}
		ft := reflect.TypeOf(fn)
		if ft == nil || ft.Kind() != reflect.Func {
			return fmt.Errorf("«%s» không phải là hàm", name)
		}
		switch {
		case ft.NumOut() == 1:
		case ft.NumOut() == 2 && ft.Out(1) == reflect.TypeFor[error]():
		default:
			return fmt.Errorf("hàm «%s» phải trả về một giá trị, hoặc một giá trị và một error", name)
		}
	}
	return nil
}

// isIdentifier is text/template's rule for function names.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r != '_' && !unicode.IsLetter(r) && (i == 0 || !unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}
