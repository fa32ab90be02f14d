package docxtpl

import (
	"cmp"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"
	"unicode"

	"github.com/baocao/baocao/report/suggest"
)

// position says where a tag's output goes, which decides which tags of one
// control structure may go together (see checker.sameBlock).
type position struct {
	standalone bool   // the tag replaces its paragraph
	container  int    // standalone: the paragraph's parent element
	para       *para  // inline: the paragraph
	path       string // inline: elements from the paragraph down to the w:t
}

// builtins are the predefined functions a template may call, with their
// signatures: text/template's (text/template/funcs.go) and the engine's
// comparisons, which replace text/template's (see compareFuncs).
var builtins = map[string]reflect.Type{
	"and":   reflect.TypeFor[func(reflect.Value, ...reflect.Value) reflect.Value](),
	"or":    reflect.TypeFor[func(reflect.Value, ...reflect.Value) reflect.Value](),
	"not":   reflect.TypeFor[func(reflect.Value) bool](),
	"index": reflect.TypeFor[func(reflect.Value, ...reflect.Value) (reflect.Value, error)](),
	"slice": reflect.TypeFor[func(reflect.Value, ...reflect.Value) (reflect.Value, error)](),
	"len":   reflect.TypeFor[func(reflect.Value) (int, error)](),
	"eq":    reflect.TypeOf(compareFuncs["eq"]),
	"ne":    reflect.TypeOf(compareFuncs["ne"]),
	"lt":    reflect.TypeOf(compareFuncs["lt"]),
	"le":    reflect.TypeOf(compareFuncs["le"]),
	"gt":    reflect.TypeOf(compareFuncs["gt"]),
	"ge":    reflect.TypeOf(compareFuncs["ge"]),
}

// refused are text/template's predefined functions that have no use in a
// report and would print Go's notation into it ("%!s(MISSING)"), with what
// to do instead.
var refused = map[string]string{
	"printf":   "hãy viết chữ ngay trong mẫu, quanh thẻ; để viết số, dùng các hàm viết số của mẫu",
	"print":    "hãy viết chữ ngay trong mẫu, quanh thẻ; để viết số, dùng các hàm viết số của mẫu",
	"println":  "hãy viết chữ ngay trong mẫu, quanh thẻ; để xuống dòng, tạo đoạn mới trong Word",
	"html":     "mọi giá trị in ra đã tự động hiện đúng nguyên văn trong Word",
	"js":       "mọi giá trị in ra đã tự động hiện đúng nguyên văn trong Word",
	"urlquery": "mọi giá trị in ra đã tự động hiện đúng nguyên văn trong Word",
	"call":     "hãy gọi thẳng phương thức, ví dụ {{ .TenPhuongThuc đối_số }}",
}

var (
	typString = reflect.TypeFor[string]()
	typBool   = reflect.TypeFor[bool]()
	typInt    = reflect.TypeFor[int]()
	typValue  = reflect.TypeFor[reflect.Value]()
)

type variable struct {
	name string
	typ  reflect.Type // nil when unknown
}

type frame struct {
	open    *tag
	sawElse bool
	dot     reflect.Type   // dot outside the structure
	alts    []reflect.Type // and the other types it may have there
	vars    int            // variables in scope outside the structure
}

// checker walks the tags of a part in order, checking the nesting of
// control structures, where their tags sit, and the names used: functions,
// variables, and fields of dot, whose type it follows through with and
// range. A nil type means unknown, and nothing is checked on it.
//
// A {{with}} or {{range}} that no {{end}} closes leaves unknown where dot
// goes back to the outer value: every later tag may be inside or after
// it. There, alts holds the outer types of dot, and a field found on any
// of them is accepted, so that the one missing {{end}} is one error.
type checker struct {
	opt      *Options
	pt       *part
	funcs    []string // known function names, for suggestions
	errs     ErrorList
	tg       *tag // the tag being checked
	dot      reflect.Type
	alts     []reflect.Type
	vars     []variable
	stack    []frame
	unclosed map[*tag]bool        // tags opening a structure that no {{end}} closes
	tooDeep  bool                 // MaxNesting was reached and reported
	partial  bool                 // the tags stop short (MaxTags): blocks may be left open
	hints    map[string]string    // elsewhere's answers outside with and range, by name
	members  map[memberKey]member // lookupField's finds: a template asks for the same fields again and again
	called   map[string]bool      // the functions of Options.Funcs the part calls, in any form
}

type memberKey struct {
	t    reflect.Type
	name string
}

// lookupField is the function lookupField, remembering what it finds.
func (c *checker) lookupField(t reflect.Type, name string) (member, bool, []string) {
	key := memberKey{t, name}
	if m, ok := c.members[key]; ok {
		return m, true, nil
	}
	m, ok, candidates := lookupField(t, name)
	if ok {
		if c.members == nil {
			c.members = map[memberKey]member{}
		}
		c.members[key] = m
	}
	return m, ok, candidates
}

func (c *checker) errorf(tg *tag, format string, args ...any) {
	c.errs = append(c.errs, tagError(c.pt, tg, fmt.Sprintf(format, args...)))
}

func tagError(pt *part, tg *tag, msg string) *Error {
	return &Error{Part: pt.name, Paragraph: tg.para.n, Text: excerpt(tg.para.text, tg.start), Msg: msg}
}

func (c *checker) run(tags []*tag) {
	c.dot = c.opt.Root
	c.unclosed = unclosedOpeners(tags)
	for _, tg := range tags {
		c.tg = tg
		switch tg.kind {
		case kPrint:
			if t := c.pipeline(tg.pipe); t != nil {
				if msg := printProblem(t, tg.pipe.String()); msg != "" {
					c.errorf(tg, "%s", msg)
				}
			}
		case kDecl:
			c.pipeline(tg.pipe)
		case kIf:
			c.push(tg)
			c.pipeline(tg.pipe)
		case kWith:
			c.push(tg)
			c.enter(c.pipeline(tg.pipe))
		case kRange:
			c.push(tg)
			c.enter(c.rangePipe(tg.pipe))
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
			c.dot, c.alts, c.vars = f.dot, f.alts, c.vars[:f.vars]
		case kBreak, kContinue:
			c.loopControl(tg)
		}
	}
	if c.partial {
		return
	}
	for _, f := range c.stack {
		c.errorf(f.open, "thẻ %s chưa được đóng: thiếu {{end}}", f.open.kind.label())
	}
}

// unclosedOpeners finds the tags opening a structure that no {{end}}
// closes, pairing them as run does.
func unclosedOpeners(tags []*tag) map[*tag]bool {
	var stack []*tag
	for _, tg := range tags {
		switch tg.kind {
		case kIf, kRange, kWith:
			stack = append(stack, tg)
		case kEnd:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	open := map[*tag]bool{}
	for _, tg := range stack {
		open[tg] = true
	}
	return open
}

func (c *checker) push(tg *tag) {
	if len(c.stack) == MaxNesting && !c.tooDeep {
		c.tooDeep = true
		c.errorf(tg, "các khối {{if}}, {{range}}, {{with}} lồng nhau quá %d lớp", MaxNesting)
	}
	c.stack = append(c.stack, frame{open: tg, dot: c.dot, alts: c.alts, vars: len(c.vars)})
}

// enter sets dot inside the structure on top of the stack (a with or a
// range) to a value of type dot.
func (c *checker) enter(dot reflect.Type) {
	f := c.stack[len(c.stack)-1]
	c.dot, c.alts = dot, nil
	if c.unclosed[f.open] {
		c.alts = append(slices.Clip(f.alts), f.dot)
	}
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
	c.dot, c.alts = f.dot, f.alts
	switch tg.kind {
	case kElseIf:
		c.pipeline(tg.pipe)
	case kElseWith:
		c.enter(c.pipeline(tg.pipe))
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
		msg := fmt.Sprintf("thẻ %s và thẻ %s mở khối phải cùng ở một lớp chữ của đoạn: không được một thẻ nằm trong siêu liên kết, trường hay vùng sửa đổi còn thẻ kia ở ngoài",
			tg.kind.label(), open)
		if revised(a.path) || revised(b.path) {
			msg += "; thẻ được gõ khi đang bật theo dõi thay đổi (Track Changes): hãy chấp nhận mọi thay đổi được theo dõi (Xem lại › Chấp nhận) rồi lưu mẫu"
		}
		c.errorf(tg, "%s", msg)
	case !b.standalone:
		c.errorf(tg, "thẻ %s thuộc khối %s đặt riêng ở đoạn %d, nên cũng phải đặt riêng một đoạn", tg.kind.label(), open, f.open.para.n)
	default:
		c.errorf(tg, "thẻ %s nằm ở %s còn thẻ %s mở khối (đoạn %d) nằm ở %s; các thẻ của một khối phải cùng trong một ô bảng, hoặc cùng ở ngoài bảng "+
			"(để lặp lại hàng của bảng, đặt thẻ mở và thẻ đóng mỗi thẻ ở một hàng riêng)",
			tg.kind.label(), c.containerName(tg.para), open, f.open.para.n, c.containerName(f.open.para))
	}
}

// revised reports whether a run path goes through a tracked change.
func revised(path string) bool {
	for _, e := range strings.Split(path, "/") {
		switch e[strings.IndexByte(e, ':')+1:] {
		case "ins", "del", "moveTo", "moveFrom":
			return true
		}
	}
	return false
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
	case "footnote", "endnote":
		return "một chú thích"
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
			c.assign(v.Ident[0], t)
		} else {
			c.vars = append(c.vars, variable{v.Ident[0], t})
		}
	}
	return t
}

func (c *checker) commands(p *parse.PipeNode) reflect.Type {
	var t reflect.Type
	var prev *parse.CommandNode
	for _, cmd := range p.Cmds {
		t = c.command(cmd, prev, t)
		prev = cmd
	}
	return t
}

// rangePipe checks the pipeline of a range and returns the element type.
func (c *checker) rangePipe(p *parse.PipeNode) reflect.Type {
	if p == nil {
		return nil
	}
	list := c.commands(p)
	c.tg.list = list
	key, elem := c.rangeTypes(list)
	types := []reflect.Type{elem}
	if len(p.Decl) == 2 {
		types = []reflect.Type{key, elem}
	}
	for i, v := range p.Decl {
		if p.IsAssign {
			c.assign(v.Ident[0], nil)
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
		return typInt, known(t.Elem())
	case reflect.Map:
		return known(t.Key()), known(t.Elem())
	case reflect.Chan:
		return nil, known(t.Elem())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return t, t
	case reflect.Interface, reflect.Func:
		return nil, nil
	}
	c.errorf(c.tg, "{{range}} không lặp được trên %s; cần một danh sách", typeWord(t.String()))
	return nil, nil
}

// callArgs are what a command passes to the function or method it calls:
// the command's words after the first, then, when piped, the previous
// command, whose value comes last. types holds their types (nil: unknown).
type callArgs struct {
	nodes []parse.Node
	types []reflect.Type
}

// command checks one command of a pipeline; prev, if not nil, is the
// previous command, whose value (of type prevType) is passed as the last
// argument.
func (c *checker) command(cmd *parse.CommandNode, prev *parse.CommandNode, prevType reflect.Type) reflect.Type {
	if len(cmd.Args) == 0 {
		return nil
	}
	args := &callArgs{nodes: slices.Clip(cmd.Args[1:])}
	for _, a := range args.nodes {
		args.types = append(args.types, c.operand(a))
	}
	if prev != nil {
		args.nodes = append(args.nodes, prev)
		args.types = append(args.types, prevType)
	}
	switch n := cmd.Args[0].(type) {
	case *parse.IdentifierNode:
		return c.call(n.Ident, args)
	case *parse.FieldNode:
		return c.dotFields(n.Ident, args)
	case *parse.ChainNode:
		return c.chain(n, args)
	case *parse.VariableNode:
		if len(n.Ident) > 1 {
			return c.fields(c.variable(n.Ident[0]), n.Ident[1:], n.Ident[0], args)
		}
	case *parse.NilNode:
		c.errorf(c.tg, "«nil» không phải là một giá trị để in hay để xét")
		return nil
	}
	t := c.operand(cmd.Args[0])
	if len(args.nodes) > 0 {
		c.errorf(c.tg, "«%s» không phải là hàm nên không nhận đối số", cmd.Args[0])
		return nil
	}
	return t
}

func (c *checker) operand(n parse.Node) reflect.Type {
	switch n := n.(type) {
	case *parse.FieldNode:
		return c.dotFields(n.Ident, nil)
	case *parse.ChainNode:
		return c.chain(n, nil)
	case *parse.VariableNode:
		return c.fields(c.variable(n.Ident[0]), n.Ident[1:], n.Ident[0], nil)
	case *parse.PipeNode:
		return c.pipeline(n)
	case *parse.IdentifierNode:
		return c.call(n.Ident, &callArgs{})
	case *parse.DotNode:
		if len(c.alts) > 0 {
			return nil
		}
		return c.dot
	case *parse.StringNode:
		return typString
	case *parse.BoolNode:
		return typBool
	}
	return nil
}

func (c *checker) chain(n *parse.ChainNode, args *callArgs) reflect.Type {
	shown := n.Node.String()
	if _, ok := n.Node.(*parse.PipeNode); ok {
		shown = "(" + shown + ")"
	}
	return c.fields(c.operand(n.Node), n.Field, shown, args)
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

// assign checks an assignment of a value of type t to a variable, whose
// type becomes unknown if it was another: which value it holds later
// depends on the branches taken.
func (c *checker) assign(name string, t reflect.Type) {
	c.variable(name)
	for i := len(c.vars) - 1; i >= 0; i-- {
		if c.vars[i].name == name {
			if c.vars[i].typ != t {
				c.vars[i].typ = nil
			}
			return
		}
	}
}

// call checks a call of the function name.
func (c *checker) call(name string, args *callArgs) reflect.Type {
	fn, user := c.opt.Funcs[name]
	_, builtin := builtins[name]
	if hint, ok := refused[name]; ok && !user {
		c.errorf(c.tg, "hàm «%s» không dùng được trong mẫu báo cáo; %s", name, hint)
		return nil
	}
	if isInternal(name) || !user && !builtin {
		c.errorf(c.tg, "%s", suggest.DidYouMean("không có hàm «"+name+"»", suggest.Nearest(name, c.funcs)))
		return nil
	}
	if user {
		c.called[name] = true
	}
	if check := c.opt.ArgChecks[name]; check != nil && len(args.nodes) > 0 {
		if s, ok := args.nodes[0].(*parse.StringNode); ok {
			if msg, fix := check(s.Text); msg != "" {
				e := tagError(c.pt, c.tg, msg)
				e.Fix = fix
				c.errs = append(c.errs, e)
			}
		}
	}
	ft := builtins[name]
	if user {
		ft = reflect.TypeOf(fn)
	}
	switch {
	case !c.checkArgs("hàm «"+name+"»", ft, args):
		return nil
	case !user:
		c.builtinArgs(name, args)
		return builtinType(name, args.types)
	}
	return known(ft.Out(0))
}

// builtinArgs checks what the signatures of builtins do not tell: nil where
// a list is needed, and comparisons of text with numbers.
func (c *checker) builtinArgs(name string, args *callArgs) {
	switch name {
	case "len", "index", "slice":
		if _, isNil := args.nodes[0].(*parse.NilNode); isNil {
			c.errorf(c.tg, "hàm «%s» cần một danh sách hoặc chuỗi, không phải «nil»", name)
		}
	case "eq", "ne", "lt", "le", "gt", "ge":
		for i := 1; i < len(args.nodes) && (i == 1 || name == "eq"); i++ {
			c.compared(args, 0, i)
		}
	}
}

// compared checks the comparison of arguments i and j, where their sorts
// are known: text against a number is an error.
func (c *checker) compared(args *callArgs, i, j int) {
	si, sj := argSort(args.nodes[i], args.types[i]), argSort(args.nodes[j], args.types[j])
	if si == sortNumber && sj == sortOther || si == sortOther && sj == sortNumber {
		c.objectComparedWithNumber(args, i, j, si)
		return
	}
	if !(si == sortText && sj == sortNumber || si == sortNumber && sj == sortText) {
		return
	}
	text, num := args.nodes[i], args.nodes[j]
	if si == sortNumber {
		text, num = num, text
	}
	msg := fmt.Sprintf("so sánh chữ với số: «%s» là chữ còn «%s» là số; hãy so sánh số với số", text, num)
	if s, ok := text.(*parse.StringNode); ok {
		if _, err := strconv.ParseFloat(s.Text, 64); err == nil {
			msg += fmt.Sprintf(" (bỏ dấu ngoặc kép để viết số: %s)", s.Text)
		}
	} else if number := c.numberBeside(text); number != "" {
		msg += fmt.Sprintf(" (giá trị số là «%s»)", number)
	}
	c.errorf(c.tg, "%s", msg)
}

// objectComparedWithNumber reports a whole object (an indicator) compared
// with a number, naming a number of the object to compare instead.
func (c *checker) objectComparedWithNumber(args *callArgs, i, j int, si sort) {
	obj, num := args.nodes[j], args.nodes[i]
	t := args.types[j]
	if si == sortOther {
		obj, num, t = num, obj, args.types[i]
	}
	if t == nil || printedType(t).Kind() != reflect.Struct {
		return
	}
	msg := fmt.Sprintf("không so sánh được giá trị với số: «%s» là cả một đối tượng, «%s» là số", obj, num)
	if names := numericMembers(t); len(names) > 0 {
		msg += fmt.Sprintf("; hãy so sánh một giá trị số của nó, ví dụ «%s.%s»", selector(obj.String()), names[0])
	}
	c.errorf(c.tg, "%s", msg)
}

// numericMembers lists the fields, and methods without arguments, of the
// struct type t (or a pointer to one) whose values are numbers, shortest
// name first.
func numericMembers(t reflect.Type) []string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var names []string
	if t.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(t) {
			if f.IsExported() && sortOfType(f.Type) == sortNumber {
				names = append(names, f.Name)
			}
		}
	}
	ptr := reflect.PointerTo(t)
	for i := range ptr.NumMethod() {
		if m := ptr.Method(i); m.Type.NumIn() == 1 && m.Type.NumOut() > 0 && sortOfType(m.Type.Out(0)) == sortNumber {
			names = append(names, m.Name)
		}
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(len(a)-len(b), strings.Compare(a, b)) })
	return names
}

// numberBeside finds, for a field of text such as «(chi_tieu "X").GiaTri»,
// a field of the same value that is its number: one of a number type whose
// name starts with the text field's («(chi_tieu "X").GiaTriSo»). "" if none.
func (c *checker) numberBeside(n parse.Node) string {
	var owner reflect.Type
	var last string
	errs := len(c.errs)
	switch n := n.(type) {
	case *parse.FieldNode:
		last, owner = n.Ident[len(n.Ident)-1], c.dot
		if len(n.Ident) > 1 {
			owner = c.dotFields(n.Ident[:len(n.Ident)-1], nil)
		}
	case *parse.ChainNode:
		last, owner = n.Field[len(n.Field)-1], c.fields(c.operand(n.Node), n.Field[:len(n.Field)-1], "", nil)
	case *parse.VariableNode:
		if len(n.Ident) < 2 {
			return ""
		}
		last, owner = n.Ident[len(n.Ident)-1], c.fields(c.variable(n.Ident[0]), n.Ident[1:len(n.Ident)-1], "", nil)
	default:
		return ""
	}
	c.errs = c.errs[:errs] // reported already, with the comparison's arguments
	if owner == nil {
		return ""
	}
	// The closest name: .GiaTriSo for .GiaTri rather than .GiaTriNamTruocSo.
	for _, name := range numericMembers(owner) {
		if name != last && strings.HasPrefix(name, last) {
			return strings.TrimSuffix(n.String(), last) + name
		}
	}
	return ""
}

// argSort is the sort of an argument: of its literal, or of its known type.
func argSort(n parse.Node, t reflect.Type) sort {
	switch n.(type) {
	case *parse.NumberNode:
		return sortNumber
	case *parse.StringNode:
		return sortText
	case *parse.BoolNode:
		return sortBool
	case *parse.NilNode:
		return sortNil
	}
	return sortOfType(t)
}

// checkArgs checks the arguments of a call of a function or method of type
// ft (without receiver), named by subject in messages: their number, and
// the type of each whose type is known, as text/template's evalCall would
// at execution. It reports whether their number is right; if not, the
// call's result is better left unknown, so as not to add errors about it.
func (c *checker) checkArgs(subject string, ft reflect.Type, args *callArgs) (countOK bool) {
	switch n, want := len(args.nodes), ft.NumIn(); {
	case ft.IsVariadic() && n < want-1:
		c.errorf(c.tg, "%s cần ít nhất %d đối số nhưng thẻ đưa %d", subject, want-1, n)
		return false
	case !ft.IsVariadic() && n != want && want == 0:
		c.errorf(c.tg, "%s không nhận đối số nhưng thẻ đưa %d", subject, n)
		return false
	case !ft.IsVariadic() && n != want:
		c.errorf(c.tg, "%s cần %d đối số nhưng thẻ đưa %d", subject, want, n)
		return false
	}
	for i, node := range args.nodes {
		param := ft.In(min(i, ft.NumIn()-1))
		if ft.IsVariadic() && i >= ft.NumIn()-1 {
			param = param.Elem()
		}
		if literal, fits := literalFits(node, param); literal {
			if !fits {
				c.errorf(c.tg, "%s cần %s, không phải «%s»", subject, typeWord(param.String()), node)
			}
		} else if t := args.types[i]; t != nil && !valueFits(t, param) {
			if given := typeWord(t.String()); given != "giá trị" {
				c.errorf(c.tg, "%s cần %s, không phải «%s» (%s)", subject, typeWord(param.String()), node, given)
			} else {
				c.errorf(c.tg, "%s cần %s, không phải «%s»", subject, typeWord(param.String()), node)
			}
		}
	}
	return true
}

// literalFits reports whether n is a literal and, if so, whether
// text/template accepts it for a parameter of type param (see evalArg).
func literalFits(n parse.Node, param reflect.Type) (literal, fits bool) {
	switch n.(type) {
	case *parse.NilNode:
		switch param.Kind() {
		case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
			return true, true
		}
		return true, param == typValue
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode:
	default:
		return false, false
	}
	num, _ := n.(*parse.NumberNode)
	switch param.Kind() {
	case reflect.Bool:
		_, ok := n.(*parse.BoolNode)
		return true, ok
	case reflect.String:
		_, ok := n.(*parse.StringNode)
		return true, ok
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return true, num != nil && num.IsInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true, num != nil && num.IsUint
	case reflect.Float32, reflect.Float64:
		return true, num != nil && num.IsFloat
	case reflect.Complex64, reflect.Complex128:
		return true, num != nil && num.IsComplex
	case reflect.Interface:
		return true, param.NumMethod() == 0
	}
	return true, param == typValue
}

// valueFits reports whether text/template passes a value of the known
// type t for a parameter of type param (see validateType), allowing for
// the one dereference or address-taking it may do.
func valueFits(t, param reflect.Type) bool {
	return t.Kind() == reflect.Interface || param == typValue || t.AssignableTo(param) ||
		t.Kind() == reflect.Pointer && t.Elem().AssignableTo(param) ||
		reflect.PointerTo(t).AssignableTo(param)
}

// builtinType is the type of a builtin function's result, when known.
func builtinType(name string, args []reflect.Type) reflect.Type {
	switch name {
	case "not", "eq", "ne", "lt", "le", "gt", "ge":
		return typBool
	case "len":
		return typInt
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

// dotFields checks .name… on dot, which may be one of c.alts as well.
func (c *checker) dotFields(names []string, args *callArgs) reflect.Type {
	n := len(c.errs)
	t := c.fields(c.dot, names, "", args)
	for _, alt := range c.alts {
		if len(c.errs) == n {
			break
		}
		m := len(c.errs)
		if at := c.fields(alt, names, "", args); len(c.errs) == m {
			c.errs, t = c.errs[:n], at
		} else {
			c.errs = c.errs[:m]
		}
	}
	return t
}

// fields checks the chain of field or method names applied to a value of
// type t, shown in messages after prefix. The last name gets args (nil:
// none, the chain is an argument itself); the others get none.
func (c *checker) fields(t reflect.Type, names []string, prefix string, args *callArgs) reflect.Type {
	for i, name := range names {
		if t == nil {
			return nil
		}
		m, ok, candidates := c.lookupField(t, name)
		shown := prefix + "." + strings.Join(names[:i+1], ".")
		if ok {
			given := &callArgs{}
			if i == len(names)-1 && args != nil {
				given = args
			}
			t = m.typ
			switch {
			case m.method != nil:
				if !c.checkArgs("«"+shown+"»", m.method, given) {
					t = nil
				}
			case m.value && len(given.nodes) > 0:
				c.errorf(c.tg, "«%s» không phải là hàm nên không nhận đối số", shown)
				t = nil
			}
			continue
		}
		if candidates == nil {
			value := prefix + dotted(names[:i])
			if value == "" {
				value = "."
			}
			c.errorf(c.tg, "không có trường «%s»: «%s» ở đây là %s, không có trường nào", shown, value, typeWord(t.String()))
			return nil
		}
		msg := "không có trường «" + shown + "»"
		hint := ""
		if i == 0 && prefix == "" {
			hint = c.elsewhere(name)
		}
		if hint != "" {
			msg += " ở đây; " + hint
		} else if s := suggest.Nearest(name, candidates); s != "" {
			msg = suggest.DidYouMean(msg, prefix+dotted(names[:i])+"."+s)
		} else if len(candidates) > 0 && len(candidates) <= 12 {
			msg += "; các trường có: " + strings.Join(candidates, ", ")
		}
		c.errorf(c.tg, "%s", msg)
		return nil
	}
	return t
}

// elsewhere says where a field that dot lacks is found, for the mistakes of
// a template that reads a field in the wrong place: a field of the whole
// report inside {{range}} or {{with}}, a field of a function's result (an
// indicator's) or of the elements of a list outside them. "" if nowhere.
func (c *checker) elsewhere(name string) string {
	root := c.opt.Root
	if root != nil && c.dot != root && hasField(root, name) {
		for i := len(c.stack) - 1; i >= 0; i-- {
			open := c.stack[i].open
			switch open.kind {
			case kRange:
				return fmt.Sprintf("trong khối {{range}} (đoạn %d), dấu chấm (.) là phần tử đang xét, không phải cả báo cáo: "+
					"muốn lấy «.%s» của báo cáo, hãy viết «$.%s»", open.para.n, name, name)
			case kWith:
				return fmt.Sprintf("trong khối {{with}} (đoạn %d), dấu chấm (.) là giá trị của {{with}}, không phải cả báo cáo: "+
					"muốn lấy «.%s» của báo cáo, hãy viết «$.%s»", open.para.n, name, name)
			}
		}
	}
	if hint, ok := c.hints[name]; ok {
		return hint
	}
	if c.hints == nil {
		c.hints = map[string]string{}
	}
	hint := c.notAtDot(name)
	c.hints[name] = hint
	return hint
}

// notAtDot says where a field is found that is not the root's: in a
// function's result or the elements of a list of the root.
func (c *checker) notAtDot(name string) string {
	root := c.opt.Root
	var call string
	for _, fname := range slices.Sorted(maps.Keys(c.opt.Funcs)) {
		ft := reflect.TypeOf(c.opt.Funcs[fname])
		if isInternal(fname) || !hasField(ft.Out(0), name) {
			continue
		}
		if ft.NumIn() > 0 && ft.In(0).Kind() == reflect.String {
			call = fname + ` "MÃ"`
			break
		}
		if call == "" {
			call = fname + " …"
		}
	}
	if call != "" {
		return fmt.Sprintf("«.%s» là trường của giá trị hàm «%s» cho: hãy viết {{ with %s }}…{{ .%s }}…{{ end }}, hoặc {{ (%s).%s }}",
			name, call[:strings.IndexByte(call, ' ')], call, name, call, name)
	}
	if root != nil {
		for _, list := range listMembers(root) {
			if elem := known(list.typ.Elem()); elem != nil && hasField(elem, name) {
				return fmt.Sprintf("«.%s» là trường của từng phần tử trong «.%s»: hãy viết {{ range .%s }}…{{ .%s }}…{{ end }}",
					name, list.name, list.name, name)
			}
		}
	}
	return ""
}

// hasField reports whether values of type t, a struct or a pointer to one,
// have the field or method name.
func hasField(t reflect.Type, name string) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return false
	}
	_, ok, _ := lookupField(t, name)
	return ok
}

type namedType struct {
	name string
	typ  reflect.Type
}

// listMembers lists the fields, and methods without arguments, of the
// struct type t (or a pointer to one) whose values are lists.
func listMembers(t reflect.Type) []namedType {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var out []namedType
	isList := func(t reflect.Type) bool {
		return t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map
	}
	if t.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(t) {
			if f.IsExported() && isList(f.Type) {
				out = append(out, namedType{f.Name, f.Type})
			}
		}
	}
	ptr := reflect.PointerTo(t)
	for i := range ptr.NumMethod() {
		m := ptr.Method(i)
		if m.Type.NumIn() == 1 && m.Type.NumOut() > 0 && isList(m.Type.Out(0)) {
			out = append(out, namedType{m.Name, m.Type.Out(0)})
		}
	}
	return out
}

func dotted(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return "." + strings.Join(names, ".")
}

// member is what .name gives on a value.
type member struct {
	typ    reflect.Type // its value's type; nil when unknown
	method reflect.Type // a method's type, without receiver; nil if not a method
	value  bool         // a struct field or map entry, which takes no arguments
}

// lookupField resolves .name on a value of type t the way text/template
// does. When the name is not found, candidates lists the names that are
// (nil when the type has no fields at all).
func lookupField(t reflect.Type, name string) (_ member, ok bool, candidates []string) {
	ptr := t
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		ptr = reflect.PointerTo(t)
	}
	if m, found := ptr.MethodByName(name); found {
		mt := m.Type
		if ptr.Kind() != reflect.Interface {
			mt = withoutReceiver(mt)
		}
		if mt.NumOut() == 0 {
			return member{}, true, nil
		}
		return member{typ: known(mt.Out(0)), method: mt}, true, nil
	}
	switch t.Kind() {
	case reflect.Interface:
		return member{}, true, nil
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return member{}, true, nil
		}
		return member{typ: known(t.Elem()), value: true}, true, nil
	case reflect.Struct:
		if f, found := t.FieldByName(name); found && f.IsExported() {
			return member{typ: known(f.Type), value: true}, true, nil
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
		return member{}, false, nil
	}
	if candidates == nil {
		candidates = []string{}
	}
	return member{}, false, candidates
}

// withoutReceiver turns a method expression's type into the method's.
func withoutReceiver(ft reflect.Type) reflect.Type {
	in := make([]reflect.Type, ft.NumIn()-1)
	for i := range in {
		in[i] = ft.In(i + 1)
	}
	out := make([]reflect.Type, ft.NumOut())
	for i := range out {
		out[i] = ft.Out(i)
	}
	return reflect.FuncOf(in, out, ft.IsVariadic())
}

// funcNames lists the functions a template may call, for suggestions.
func funcNames(funcs map[string]any) []string {
	var names []string
	for name := range builtins {
		names = append(names, name)
	}
	for name := range funcs {
		if !isInternal(name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
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
