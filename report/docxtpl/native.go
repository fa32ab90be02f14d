package docxtpl

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"text/template"
	"text/template/parse"
)

// Loops run natively. text/template evaluates every field, every printed
// value and every engine call of a {{range}} body by reflection, by name, at
// each iteration: for a table of 100 000 rows that was most of the time of
// rendering. A {{range}} over a list whose body holds only text, fields of
// dot or of variables ({{.Ten}}, {{$c.Ma}}), {{if}}/{{with}} on them, nested
// such loops, {{break}}/{{continue}} and the engine's own calls is compiled,
// for the types of the values met, into Go closures that resolve every name
// once and call methods directly. Anything else (functions, pipelines,
// assignments, interfaces) keeps text/template. The result is the same:
// the rewriter keeps the loop as text/template wrote it behind a call that
// runs it natively when it can,
//
//	{{$ range := PIPE}}{{if __baocao_native N $ range . $ $outer…}}{{else}}{{range … := $ range}}…{{end}}{{end}}
//
// and every error is worded and placed as text/template places it.
const nativeFunc = "__baocao_native"

// nativeLoops turns native loops on; tests compare with them off.
var nativeLoops = true

// rangeVar holds the value of a natively run loop's pipeline; a template
// cannot name it (a variable name has no space).
const rangeVar = "$ range"

// nativeSite is a {{range}} that may run natively.
type nativeSite struct {
	rng   *parse.RangeNode
	outer []string // the enclosing template's variables the loop reads, but "$"

	mu    sync.Mutex
	progs []*nativeProg // one per set of types met; prog nil: not compilable
}

type nativeProg struct {
	types []reflect.Type // element, outer dot, root, outer variables
	run   nstep          // the loop, given the list in slot 0
	slots int
}

// nativeError carries out of the native function the error text/template
// would have returned for the loop.
type nativeError struct{ err error }

func (e *nativeError) Error() string { return e.err.Error() }

// native runs loop id over v, with the enclosing dot, root and variables;
// false when it cannot, and text/template must.
func (x *execution) native(id int, v, dot, root any, vars ...any) (bool, error) {
	site := x.cp.sites[id]
	list := reflect.ValueOf(v)
	for list.Kind() == reflect.Pointer && !list.IsNil() {
		list = list.Elem()
	}
	if list.Kind() != reflect.Slice {
		return false, nil
	}
	types := []reflect.Type{list.Type().Elem(), reflect.TypeOf(dot), reflect.TypeOf(root)}
	for _, v := range vars {
		types = append(types, reflect.TypeOf(v))
	}
	prog := site.program(x.cp, types)
	if prog == nil {
		return false, nil
	}
	s := &nstate{x: x, vars: make([]reflect.Value, prog.slots)}
	s.vars[0] = list
	s.vars[1] = reflect.ValueOf(root)
	for i, v := range vars {
		s.vars[2+i] = reflect.ValueOf(v)
	}
	if err := prog.run(s, reflect.ValueOf(dot)); err != nil {
		return false, &nativeError{err}
	}
	return true, nil
}

func (site *nativeSite) program(cp *compiled, types []reflect.Type) *nativeProg {
	site.mu.Lock()
	defer site.mu.Unlock()
	for _, p := range site.progs {
		if slices.Equal(p.types, types) {
			return p.orNil()
		}
	}
	p := &nativeProg{types: types}
	c := &ncompiler{cp: cp, slots: 2 + len(site.outer)}
	// Values that came through an interface lose their address: a struct
	// there would see fewer methods than text/template sees; leave it.
	known := func(t reflect.Type) ntype {
		if t == nil || t.Kind() == reflect.Struct {
			return ntype{}
		}
		return ntype{t: t}
	}
	c.scope = append(c.scope, nvar{"$", 1, ntype{t: types[2]}})
	for i, name := range site.outer {
		c.scope = append(c.scope, nvar{name, 2 + i, known(types[3+i])})
	}
	if run, ok := c.loop(site.rng, known(types[1]), ntype{t: types[0], addr: true}, 0); ok {
		p.run, p.slots = run, c.slots
	}
	site.progs = append(site.progs, p)
	return p.orNil()
}

func (p *nativeProg) orNil() *nativeProg {
	if p.run == nil {
		return nil
	}
	return p
}

// nstate is one run of a native loop.
type nstate struct {
	x    *execution
	vars []reflect.Value // by slot
	arg  [1]reflect.Value
	buf  []byte
}

type (
	nstep func(s *nstate, dot reflect.Value) error
	neval func(s *nstate, dot reflect.Value) (reflect.Value, error)
)

// ntype is what is known at compile time of a value: its type (nil:
// unknown) and whether it is addressable, which gives it the methods of
// its pointer, as in text/template.
type ntype struct {
	t    reflect.Type
	addr bool
}

type nvar struct {
	name string
	slot int
	typ  ntype
}

var (
	errBreak    = errors.New("break")
	errContinue = errors.New("continue")
)

// ncompiler compiles a loop; every method reports false for what it
// leaves to text/template.
type ncompiler struct {
	cp    *compiled
	scope []nvar
	slots int
}

func (c *ncompiler) errorf(node parse.Node, format string, args ...any) error {
	name := c.cp.tmpl.Name()
	loc, ctx := c.cp.tmpl.ErrorContext(node)
	return template.ExecError{Name: name, Err: fmt.Errorf("template: %s: executing %q at <%s>: "+format,
		append([]any{loc, name, ctx}, args...)...)}
}

// loop compiles a range over the list in slot listSlot, of elements elem.
func (c *ncompiler) loop(r *parse.RangeNode, dot, elem ntype, listSlot int) (nstep, bool) {
	if r.Pipe.IsAssign || len(r.Pipe.Decl) > 2 {
		return nil, false
	}
	mark := len(c.scope)
	defer func() { c.scope = c.scope[:mark] }()
	elemSlot, indexSlot := -1, -1
	switch len(r.Pipe.Decl) {
	case 1:
		elemSlot = c.declare(r.Pipe.Decl[0].Ident[0], elem)
	case 2:
		indexSlot = c.declare(r.Pipe.Decl[0].Ident[0], ntype{t: typInt})
		elemSlot = c.declare(r.Pipe.Decl[1].Ident[0], elem)
	}
	body, ok := c.list(r.List, elem)
	if !ok {
		return nil, false
	}
	c.scope = c.scope[:mark]
	var orElse nstep
	if r.ElseList != nil {
		if orElse, ok = c.list(r.ElseList, dot); !ok {
			return nil, false
		}
	}
	return func(s *nstate, dot reflect.Value) error {
		list := s.vars[listSlot]
		n := list.Len()
		if n == 0 {
			if orElse != nil {
				return orElse(s, dot)
			}
			return nil
		}
		for i := range n {
			e := list.Index(i)
			if elemSlot >= 0 {
				s.vars[elemSlot] = e
			}
			if indexSlot >= 0 {
				s.vars[indexSlot] = reflect.ValueOf(i)
			}
			switch err := body(s, e); err {
			case nil, errContinue:
			case errBreak:
				return nil
			default:
				return err
			}
		}
		return nil
	}, true
}

func (c *ncompiler) declare(name string, t ntype) int {
	c.scope = append(c.scope, nvar{name, c.slots, t})
	c.slots++
	return c.slots - 1
}

// list compiles the nodes of a list; the variables it declares end with it.
func (c *ncompiler) list(l *parse.ListNode, dot ntype) (nstep, bool) {
	mark := len(c.scope)
	defer func() { c.scope = c.scope[:mark] }()
	var steps []nstep
	for _, n := range l.Nodes {
		st, ok := c.node(n, dot)
		if !ok {
			return nil, false
		}
		if st != nil {
			steps = append(steps, st)
		}
	}
	return func(s *nstate, dot reflect.Value) error {
		for _, st := range steps {
			if err := st(s, dot); err != nil {
				return err
			}
		}
		return nil
	}, true
}

func (c *ncompiler) node(n parse.Node, dot ntype) (nstep, bool) {
	switch n := n.(type) {
	case *parse.TextNode:
		return c.text(n), true
	case *parse.CommentNode:
		return nil, true
	case *parse.BreakNode:
		return func(*nstate, reflect.Value) error { return errBreak }, true
	case *parse.ContinueNode:
		return func(*nstate, reflect.Value) error { return errContinue }, true
	case *parse.ActionNode:
		return c.action(n, dot)
	case *parse.IfNode:
		return c.branch(n.Pipe, n.List, n.ElseList, dot, false)
	case *parse.WithNode:
		return c.branch(n.Pipe, n.List, n.ElseList, dot, true)
	case *parse.RangeNode:
		return c.innerLoop(n, dot)
	}
	return nil, false
}

func (c *ncompiler) text(n *parse.TextNode) nstep {
	text := n.Text
	if len(text) == 0 {
		return nil
	}
	para := c.cp.textMarks[&text[0]]
	name := c.cp.part.name
	return func(s *nstate, _ reflect.Value) error {
		if para != nil {
			s.x.problems.moveTo(name, para)
		}
		return s.x.write(text)
	}
}

func (c *ncompiler) action(n *parse.ActionNode, dot ntype) (nstep, bool) {
	p := n.Pipe
	if len(p.Decl) > 0 {
		if p.IsAssign || len(p.Decl) != 1 || len(p.Cmds) != 1 {
			return nil, false
		}
		eval, t, ok := c.operand(p.Cmds[0], dot)
		if !ok {
			return nil, false
		}
		slot := c.declare(p.Decl[0].Ident[0], t)
		return func(s *nstate, dot reflect.Value) error {
			v, err := eval(s, dot)
			s.vars[slot] = v
			return err
		}, true
	}
	if internalCall(p) {
		return c.internal(p.Cmds[0])
	}
	// A printed value: the operand, then escFunc (see rewriter.rewrite).
	if len(p.Cmds) != 2 {
		return nil, false
	}
	esc := p.Cmds[1]
	if id, ok := esc.Args[0].(*parse.IdentifierNode); !ok || id.Ident != escFunc || len(esc.Args) != 3 {
		return nil, false
	}
	expr, ok1 := esc.Args[1].(*parse.StringNode)
	w, ok2 := esc.Args[2].(*parse.StringNode)
	eval, _, ok := c.operand(p.Cmds[0], dot)
	if !ok1 || !ok2 || !ok {
		return nil, false
	}
	return func(s *nstate, dot reflect.Value) error {
		v, err := eval(s, dot)
		if err != nil {
			return err
		}
		var text string
		if v.Kind() == reflect.String && v.Type() == typString { // as printed does, without boxing the value
			text = v.String()
		} else {
			var value any
			if v.IsValid() {
				value = v.Interface()
			}
			if text, err = printed(expr.Text, value); err != nil {
				return c.errorf(esc, "error calling %s: %w", escFunc, err)
			}
		}
		if plainText(text) {
			return s.x.writeString(text)
		}
		s.buf = appendXMLText(s.buf[:0], text, w.Text)
		return s.x.write(s.buf)
	}, true
}

// internal compiles a call of one of the engine's functions.
func (c *ncompiler) internal(cmd *parse.CommandNode) (nstep, bool) {
	name := cmd.Args[0].(*parse.IdentifierNode).Ident
	arg := func(i int) (parse.Node, bool) {
		if i < len(cmd.Args) {
			return cmd.Args[i], true
		}
		return nil, false
	}
	switch name {
	case locFunc:
		a, _ := arg(1)
		b, _ := arg(2)
		part, ok1 := a.(*parse.NumberNode)
		para, ok2 := b.(*parse.NumberNode)
		if !ok1 || !ok2 || len(cmd.Args) != 3 {
			return nil, false
		}
		return func(s *nstate, _ reflect.Value) error {
			s.x.loc(int(part.Int64), int(para.Int64))
			return nil
		}, true
	case iterFunc:
		a, _ := arg(1)
		work, ok := a.(*parse.NumberNode)
		if !ok || len(cmd.Args) != 2 {
			return nil, false
		}
		return func(s *nstate, _ reflect.Value) error {
			if _, err := s.x.iterate(int(work.Int64)); err != nil {
				return c.errorf(cmd, "error calling %s: %w", iterFunc, err)
			}
			return nil
		}, true
	case markFunc:
		a, _ := arg(1)
		need, ok := a.(*parse.StringNode)
		if !ok || len(cmd.Args) != 2 {
			return nil, false
		}
		return func(s *nstate, _ reflect.Value) error {
			s.x.mark(need.Text)
			return nil
		}, true
	case needPFunc:
		a, _ := arg(1)
		w, ok := a.(*parse.StringNode)
		if !ok || len(cmd.Args) != 2 {
			return nil, false
		}
		return func(s *nstate, _ reflect.Value) error {
			return s.x.writeString(s.x.needParagraph(w.Text))
		}, true
	case tableEndFunc:
		return func(s *nstate, _ reflect.Value) error {
			s.x.tableEnd()
			return nil
		}, len(cmd.Args) == 1
	}
	return nil, false
}

// branch compiles an {{if}} or a {{with}}.
func (c *ncompiler) branch(p *parse.PipeNode, list, elseList *parse.ListNode, dot ntype, with bool) (nstep, bool) {
	if len(p.Decl) > 0 || len(p.Cmds) != 1 {
		return nil, false
	}
	cond, t, ok := c.condition(p.Cmds[0], dot)
	if !ok {
		return nil, false
	}
	inner := dot
	if with {
		inner = t
	}
	then, ok := c.list(list, inner)
	if !ok {
		return nil, false
	}
	var orElse nstep
	if elseList != nil {
		if orElse, ok = c.list(elseList, dot); !ok {
			return nil, false
		}
	}
	return func(s *nstate, dot reflect.Value) error {
		v, err := cond(s, dot)
		if err != nil {
			return err
		}
		if truth(v) {
			if with {
				return then(s, v)
			}
			return then(s, dot)
		}
		if orElse != nil {
			return orElse(s, dot)
		}
		return nil
	}, true
}

// truth is text/template's: a value is true if it is not its type's zero.
func truth(v reflect.Value) bool {
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return false
		}
		v = v.Elem()
	}
	if !v.IsValid() {
		return false
	}
	t, _ := template.IsTrue(v.Interface())
	return t
}

// condition compiles the condition of an {{if}} or {{with}}: an operand,
// or what rewriter.located makes of an {{else if}}: "and (atFunc P N) (p)".
func (c *ncompiler) condition(cmd *parse.CommandNode, dot ntype) (neval, ntype, bool) {
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok || id.Ident != "and" {
		return c.operand(cmd, dot)
	}
	if len(cmd.Args) != 3 {
		return nil, ntype{}, false
	}
	at, ok1 := cmd.Args[1].(*parse.PipeNode)
	p, ok2 := cmd.Args[2].(*parse.PipeNode)
	if !ok1 || !ok2 || len(at.Cmds) != 1 || len(at.Decl) > 0 || len(p.Decl) > 0 || len(p.Cmds) != 1 {
		return nil, ntype{}, false
	}
	atCmd := at.Cmds[0]
	name, ok := atCmd.Args[0].(*parse.IdentifierNode)
	if !ok || name.Ident != atFunc || len(atCmd.Args) != 3 {
		return nil, ntype{}, false
	}
	part, ok1 := atCmd.Args[1].(*parse.NumberNode)
	para, ok2 := atCmd.Args[2].(*parse.NumberNode)
	eval, t, ok := c.operand(p.Cmds[0], dot)
	if !ok1 || !ok2 || !ok {
		return nil, ntype{}, false
	}
	return func(s *nstate, dot reflect.Value) (reflect.Value, error) {
		s.x.at(int(part.Int64), int(para.Int64))
		return eval(s, dot)
	}, t, true
}

// innerLoop compiles a range nested in a native loop, over a field or a
// variable.
func (c *ncompiler) innerLoop(r *parse.RangeNode, dot ntype) (nstep, bool) {
	if len(r.Pipe.Cmds) != 1 {
		return nil, false
	}
	eval, t, ok := c.operand(r.Pipe.Cmds[0], dot)
	if !ok || t.t == nil || t.t.Kind() != reflect.Slice {
		return nil, false
	}
	slot := c.slots
	c.slots++
	run, ok := c.loop(r, dot, ntype{t: t.t.Elem(), addr: true}, slot)
	if !ok {
		return nil, false
	}
	return func(s *nstate, dot reflect.Value) error {
		v, err := eval(s, dot)
		if err != nil {
			return err
		}
		s.vars[slot] = v
		return run(s, dot)
	}, true
}

func (c *ncompiler) lookup(name string) (nvar, bool) {
	for i := len(c.scope) - 1; i >= 0; i-- {
		if c.scope[i].name == name {
			return c.scope[i], true
		}
	}
	return nvar{}, false
}

// operand compiles a command that is one value: dot, a field chain on dot,
// or a variable and its fields. The value is as evalPipeline leaves it: an
// empty interface is opened.
func (c *ncompiler) operand(cmd *parse.CommandNode, dot ntype) (neval, ntype, bool) {
	if len(cmd.Args) != 1 {
		return nil, ntype{}, false
	}
	var start neval
	var t ntype
	var names []string
	node := cmd.Args[0]
	switch n := node.(type) {
	case *parse.DotNode:
		start, t = func(_ *nstate, dot reflect.Value) (reflect.Value, error) { return dot, nil }, dot
	case *parse.FieldNode:
		start, t, names = func(_ *nstate, dot reflect.Value) (reflect.Value, error) { return dot, nil }, dot, n.Ident
	case *parse.VariableNode:
		v, ok := c.lookup(n.Ident[0])
		if !ok {
			return nil, ntype{}, false
		}
		start = func(s *nstate, _ reflect.Value) (reflect.Value, error) { return s.vars[v.slot], nil }
		t, names = v.typ, n.Ident[1:]
	default:
		return nil, ntype{}, false
	}
	if len(names) > 0 && t.t == nil {
		return nil, ntype{}, false
	}
	eval := start
	for _, name := range names {
		next, nt, ok := c.field(t, name, node)
		if !ok {
			return nil, ntype{}, false
		}
		prev := eval
		eval = func(s *nstate, dot reflect.Value) (reflect.Value, error) {
			v, err := prev(s, dot)
			if err != nil {
				return v, err
			}
			return next(s, v)
		}
		t = nt
	}
	if t.t != nil && t.t.Kind() == reflect.Interface && t.t.NumMethod() == 0 {
		inner := eval
		eval = func(s *nstate, dot reflect.Value) (reflect.Value, error) {
			v, err := inner(s, dot)
			if err == nil && v.Kind() == reflect.Interface {
				v = v.Elem()
			}
			return v, err
		}
		t = ntype{}
	}
	return eval, t, true
}

// field compiles .name on a receiver of type t as text/template's
// evalField does: a method of the receiver (of its pointer if addressable)
// without arguments, else a struct field.
func (c *ncompiler) field(t ntype, name string, node parse.Node) (func(*nstate, reflect.Value) (reflect.Value, error), ntype, bool) {
	if t.t == nil || t.t.Kind() == reflect.Interface {
		return nil, ntype{}, false
	}
	ptr, base := t.t, t.t
	deref := false
	switch {
	case t.t.Kind() == reflect.Pointer:
		base = t.t.Elem()
		if base.Kind() == reflect.Pointer || base.Kind() == reflect.Interface {
			return nil, ntype{}, false
		}
		deref = true
	case t.addr:
		ptr = reflect.PointerTo(t.t)
	}
	if m, ok := ptr.MethodByName(name); ok {
		mt := m.Type
		if mt.NumIn() != 1 || mt.IsVariadic() || mt.Out(0) == typValue ||
			!(mt.NumOut() == 1 || mt.NumOut() == 2 && mt.Out(1) == errorType) {
			return nil, ntype{}, false
		}
		fn, addr := m.Func, ptr != t.t
		return func(s *nstate, recv reflect.Value) (reflect.Value, error) {
			if addr {
				recv = recv.Addr()
			}
			s.arg[0] = recv
			v, err := safeCall(fn, s.arg[:])
			if err != nil {
				return v, c.errorf(node, "error calling %s: %w", name, err)
			}
			return v, nil
		}, ntype{t: mt.Out(0)}, true
	}
	if base.Kind() != reflect.Struct {
		return nil, ntype{}, false
	}
	f, ok := base.FieldByName(name)
	if !ok || !f.IsExported() || len(f.Index) != 1 {
		return nil, ntype{}, false
	}
	i, typ := f.Index[0], t.t
	return func(_ *nstate, recv reflect.Value) (reflect.Value, error) {
		if deref {
			if recv.IsNil() {
				return reflect.Value{}, c.errorf(node, "nil pointer evaluating %s.%s", typ, name)
			}
			recv = recv.Elem()
		}
		return recv.Field(i), nil
	}, ntype{t: f.Type, addr: deref || t.addr}, true
}

// safeCall is text/template's: a method's error, or its panic, is returned.
func safeCall(fn reflect.Value, args []reflect.Value) (v reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("%v", r)
			}
		}
	}()
	out := fn.Call(args)
	if len(out) == 2 && !out[1].IsNil() {
		return out[0], out[1].Interface().(error)
	}
	return out[0], nil
}

// nativize finds in l the loops that may run natively, outermost first,
// and puts each behind a call of nativeFunc (see nativeFunc). visible are
// the variables declared around l.
func (cp *compiled) nativize(l *parse.ListNode, visible []string) {
	if l == nil {
		return
	}
	var out []parse.Node
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if !n.Pipe.IsAssign {
				visible = appendDecl(visible, n.Pipe)
			}
		case *parse.IfNode:
			inner := appendDecl(slices.Clip(visible), n.Pipe)
			cp.nativize(n.List, inner)
			cp.nativize(n.ElseList, inner)
		case *parse.WithNode:
			inner := appendDecl(slices.Clip(visible), n.Pipe)
			cp.nativize(n.List, inner)
			cp.nativize(n.ElseList, inner)
		case *parse.RangeNode:
			if refs, ok := nativeShape(n); ok && cp.overSlice(n) {
				var outer []string
				for _, name := range refs {
					if name != "$" && slices.Contains(visible, name) && !slices.Contains(outer, name) {
						outer = append(outer, name)
					}
				}
				out = append(out, cp.nativeCall(n, outer)...)
				continue
			}
			cp.nativize(n.List, appendDecl(slices.Clip(visible), n.Pipe))
			cp.nativize(n.ElseList, visible)
		}
		out = append(out, n)
	}
	l.Nodes = out
}

func appendDecl(visible []string, p *parse.PipeNode) []string {
	if p == nil || p.IsAssign {
		return visible
	}
	for _, v := range p.Decl {
		visible = append(visible, v.Ident[0])
	}
	return visible
}

// nativeCall is the loop r behind the call that runs it natively:
// {{$ range := PIPE}}{{if __baocao_native N $ range . $ OUTER…}}{{else}}{{range DECL := $ range}}…{{end}}{{end}}
func (cp *compiled) nativeCall(r *parse.RangeNode, outer []string) []parse.Node {
	pos, line := r.Position(), r.Line
	variable := func(name string) *parse.VariableNode {
		return &parse.VariableNode{NodeType: parse.NodeVariable, Pos: pos, Ident: []string{name}}
	}
	pipe := func(decl []*parse.VariableNode, cmds ...*parse.CommandNode) *parse.PipeNode {
		return &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Line: line, Decl: decl, Cmds: cmds}
	}
	list := func(nodes ...parse.Node) *parse.ListNode {
		return &parse.ListNode{NodeType: parse.NodeList, Pos: pos, Nodes: nodes}
	}
	value := &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Line: line,
		Pipe: pipe([]*parse.VariableNode{variable(rangeVar)}, r.Pipe.Cmds...)}
	args := []parse.Node{parse.NewIdentifier(nativeFunc).SetTree(nil).SetPos(pos), numberNode(len(cp.sites), pos),
		variable(rangeVar), &parse.DotNode{NodeType: parse.NodeDot, Pos: pos}, variable("$")}
	for _, name := range outer {
		args = append(args, variable(name))
	}
	fallback := &parse.RangeNode{BranchNode: parse.BranchNode{NodeType: parse.NodeRange, Pos: pos, Line: line,
		Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Line: line, Decl: r.Pipe.Decl, IsAssign: r.Pipe.IsAssign,
			Cmds: []*parse.CommandNode{command(pos, variable(rangeVar))}},
		List: r.List, ElseList: r.ElseList}}
	choice := &parse.IfNode{BranchNode: parse.BranchNode{NodeType: parse.NodeIf, Pos: pos, Line: line,
		Pipe: pipe(nil, command(pos, args...)), List: list(), ElseList: list(fallback)}}
	cp.sites = append(cp.sites, &nativeSite{rng: r, outer: outer})
	return []parse.Node{value, choice}
}

// overSlice reports whether the checker knows that r ranges over a slice.
// Only then may a native loop decline to run, leaving the loop to
// text/template, which then ranges over the variable holding the value:
// over a slice, text/template's range has no error of its own, which would
// quote that variable rather than the tag.
func (cp *compiled) overSlice(r *parse.RangeNode) bool {
	s, ok := spotAt(cp.spots, int(r.Position()))
	return ok && s.tag != nil && s.tag.kind == kRange && s.tag.list != nil && s.tag.list.Kind() == reflect.Slice
}

// nativeShape reports whether the loop r is made only of what a native
// loop can run, whatever the types, and the variables it reads.
func nativeShape(r *parse.RangeNode) (refs []string, ok bool) {
	var operand func(cmd *parse.CommandNode) bool
	operand = func(cmd *parse.CommandNode) bool {
		if len(cmd.Args) != 1 {
			return false
		}
		switch n := cmd.Args[0].(type) {
		case *parse.DotNode, *parse.FieldNode:
			return true
		case *parse.VariableNode:
			refs = append(refs, n.Ident[0])
			return true
		}
		return false
	}
	var list func(l *parse.ListNode) bool
	node := func(n parse.Node) bool {
		switch n := n.(type) {
		case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
			return true
		case *parse.ActionNode:
			p := n.Pipe
			switch {
			case p.IsAssign:
				return false
			case len(p.Decl) > 0:
				return len(p.Decl) == 1 && len(p.Cmds) == 1 && operand(p.Cmds[0])
			case internalCall(p):
				return true
			}
			return len(p.Cmds) == 2 && operand(p.Cmds[0])
		case *parse.IfNode:
			return branchShape(n.Pipe, operand) && list(n.List) && list(n.ElseList)
		case *parse.WithNode:
			return branchShape(n.Pipe, operand) && list(n.List) && list(n.ElseList)
		case *parse.RangeNode:
			return !n.Pipe.IsAssign && len(n.Pipe.Cmds) == 1 && operand(n.Pipe.Cmds[0]) && list(n.List) && list(n.ElseList)
		}
		return false
	}
	list = func(l *parse.ListNode) bool {
		return l == nil || !slices.ContainsFunc(l.Nodes, func(n parse.Node) bool { return !node(n) })
	}
	ok = !r.Pipe.IsAssign && list(r.List) && list(r.ElseList)
	return refs, ok
}

// branchShape: the condition of an {{if}} or {{with}} is an operand, or an
// {{else if}} located by rewriter.located.
func branchShape(p *parse.PipeNode, operand func(*parse.CommandNode) bool) bool {
	if len(p.Decl) > 0 || len(p.Cmds) != 1 {
		return false
	}
	cmd := p.Cmds[0]
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok && id.Ident == "and" && len(cmd.Args) == 3 {
		inner, ok := cmd.Args[2].(*parse.PipeNode)
		return ok && len(inner.Decl) == 0 && len(inner.Cmds) == 1 && operand(inner.Cmds[0])
	}
	return operand(cmd)
}
