package docxtpl

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"unicode/utf8"

	"github.com/baocao/baocao/report/docxpkg"
)

// Options configures Parse.
type Options struct {
	// Funcs are the domain functions templates may call; they are known at
	// parse time, so unknown names and argument counts are reported then.
	Funcs template.FuncMap
	// Root is the type of the data passed to Execute, for checking field
	// names at parse time; nil skips those checks.
	Root reflect.Type
	// ArgChecks validates, at parse time, a string literal given as first
	// argument to the named function, e.g. "chi_tieu" -> is the code in the
	// catalogue. A check returns "" when the argument is fine, otherwise a
	// Vietnamese message (with a "có phải ý là …?" suggestion) and what to do
	// about it (Error.Fix), or "".
	ArgChecks map[string]func(arg string) (msg, fix string)
	// Nouns name the data's types in messages as a template's author knows
	// them ("chỉ tiêu", "dòng"), for a type T also *T and lists of T; a
	// message never names a Go type.
	Nouns map[reflect.Type]string
}

// Template is a parsed .docx template. It may be executed many times, also
// concurrently (each execution with its own Problems).
type Template struct {
	names  []string // the package's template parts
	parts  []*compiled
	tags   int              // in all parts
	pkg    *docxpkg.Package // as opened; each execution sets parts in a clone
	called map[string]bool  // see Calls
}

// HasTags reports whether any part holds a tag: a document without one is not
// a template.
func (t *Template) HasTags() bool { return t.tags > 0 }

// Calls reports whether the template calls the function name of
// Options.Funcs anywhere, whatever its arguments.
func (t *Template) Calls(name string) bool { return t.called[name] }

// compiled is a template part ready to execute.
type compiled struct {
	part  *part
	tmpl  *template.Template // nil: the part is kept as is
	src   string
	spots []spot
	// textMarks maps the first byte of a text node to the paragraph that
	// rendering enters when the node is written (see rewriter.locMarker).
	textMarks map[*byte]*para
	sites     []*nativeSite // loops that may run natively, by number
}

// Parse reads a .docx template and checks it. The error is an ErrorList with
// every problem found in the tags, or a plain error when the file is not a
// readable .docx or Options is unusable.
func Parse(data []byte, opt Options) (*Template, error) {
	pkg, err := open(data, opt)
	if err != nil {
		return nil, err
	}
	t, err := parseParts(pkg, opt, wholeFirst)
	if err == errTagByTag {
		t, err = parseParts(pkg, opt, tagByTag)
	}
	return t, err
}

// open opens the package of a template to parse with opt.
func open(data []byte, opt Options) (*docxpkg.Package, error) {
	pkg, err := docxpkg.Open(data)
	if err != nil {
		return nil, err
	}
	if err := validateFuncs(opt.Funcs); err != nil {
		return nil, err
	}
	for t, noun := range opt.Nouns {
		nouns.Store(t.String(), noun)
	}
	return pkg, nil
}

// parseWay is how parseParts finds each tag's pipeline.
type parseWay bool

const (
	// tagByTag parses every tag on its own first, so that a syntax error is
	// placed at its tag, then each part's generated source whole.
	tagByTag parseWay = false
	// wholeFirst parses only the source of each part, and takes each tag's
	// pipeline from it: a template without errors is parsed once. On any
	// doubt, and wherever an error was found, it returns errTagByTag: the
	// problems and their places are tagByTag's.
	wholeFirst parseWay = true
)

var errTagByTag = errors.New("docxtpl: parse the template tag by tag")

func parseParts(pkg *docxpkg.Package, opt Options, way parseWay) (*Template, error) {
	t := &Template{names: pkg.TemplateParts(), pkg: pkg, called: map[string]bool{}}
	errs := unrenderedTags(pkg)
	names := funcNames(opt.Funcs)
	var all [][]*tag
	var checkers []*checker // wholeFirst: run once the pipelines are known
	ntags := 0
	for i, name := range t.names {
		pt, err := scanPart(i, name, pkg.Part(name))
		if err != nil {
			errs = append(errs, &Error{Part: name, Msg: "nội dung XML hỏng: " + err.Error()})
			pt = &part{index: i, name: name}
		}
		errs = append(errs, pt.hiddenTagErrors()...)
		tags, tagErrs, over := collectTags(pt, MaxTags-ntags, way)
		ntags += len(tags)
		errs = append(errs, tagErrs...)
		c := &checker{opt: &opt, pt: pt, funcs: names, partial: over, called: t.called}
		if way == tagByTag {
			c.run(tags)
			errs = append(errs, c.errs...)
		}
		checkers = append(checkers, c)
		if over {
			break
		}
		t.parts = append(t.parts, &compiled{part: pt})
		all = append(all, tags)
	}
	if len(errs) > 0 {
		if way == wholeFirst {
			return nil, errTagByTag
		}
		return nil, errs.tidy(slices.Concat(t.names, pkg.OtherXMLParts()))
	}
	placeholders := template.FuncMap{
		locFunc:      func(int, int) string { return "" },
		atFunc:       func(int, int) bool { return true },
		escFunc:      escape,
		markFunc:     func(string) string { return "" },
		needPFunc:    func(string) string { return "" },
		tableEndFunc: func() string { return "" },
		iterFunc:     func(int) string { return "" },
		nativeFunc:   func(int, any, any, any, ...any) bool { return false },
	}
	trees := make([]*template.Template, len(t.parts))
	for i, cp := range t.parts {
		t.tags += len(all[i])
		if len(all[i]) == 0 && !cp.part.deletedTags() {
			continue // kept as it is
		}
		cp.src, cp.spots = cp.part.source()
		tm, err := template.New(cp.part.name).Option("missingkey=error").Funcs(compareFuncs).Funcs(opt.Funcs).Funcs(placeholders).Parse(cp.src)
		if err != nil {
			if way == wholeFirst {
				return nil, errTagByTag
			}
			// The checks above should have caught it; place it by its line.
			errs = append(errs, cp.errorAt(sourceOffset(cp.src, err.Error()), syntaxMessage(err.Error())))
			continue
		}
		if way == wholeFirst && !tagPipes(all[i], tm.Tree.Root, cp.spots) {
			return nil, errTagByTag
		}
		trees[i] = tm
	}
	if way == wholeFirst {
		for i, c := range checkers {
			c.run(all[i])
			errs = append(errs, c.errs...)
		}
		if len(errs) > 0 {
			return nil, errs.tidy(slices.Concat(t.names, pkg.OtherXMLParts()))
		}
	}
	for i, cp := range t.parts {
		tm := trees[i]
		if tm == nil {
			continue
		}
		cp.textMarks = map[*byte]*para{}
		(&rewriter{pt: cp.part, spots: cp.spots, texts: cp.textMarks}).rewrite(tm.Tree.Root)
		cp.tmpl = tm
		if nativeLoops {
			cp.nativize(tm.Tree.Root, nil)
		}
	}
	if len(errs) > 0 {
		return nil, errs.tidy(t.names)
	}
	return t, nil
}

// errorAt makes an error for the paragraph holding offset off of the
// generated source.
func (cp *compiled) errorAt(off int, msg string) *Error {
	e := &Error{Part: cp.part.name, Msg: msg}
	if s, ok := spotAt(cp.spots, off); ok {
		e.Paragraph, e.Text = s.para.n, excerpt(s.para.text, s.at)
	}
	return e
}

var errPlace = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^template: [^:]*:(\d+):(?:(\d+):)?`) })

// sourceOffset finds the place a text/template error names ("NAME:LINE:" or
// "NAME:LINE:COL:") in the source; -1 if it names none.
func sourceOffset(src, msg string) int {
	m := errPlace().FindStringSubmatch(msg)
	if m == nil {
		return -1
	}
	line, _ := strconv.Atoi(m[1])
	off := 0
	for ; line > 1; line-- {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	if m[2] != "" {
		col, _ := strconv.Atoi(m[2])
		off += col
	}
	return off
}

// Problems collects soft errors that domain functions find while a template
// executes (a missing figure, say). Add records a message at the paragraph
// being rendered. One Problems serves one execution at a time.
type Problems struct {
	mu   sync.Mutex
	part string // the place being rendered: part
	para *para  // and paragraph, nil if none yet
	list ErrorList
}

// NewProblems returns an empty Problems.
func NewProblems() *Problems { return &Problems{} }

// Add records msg at the place being rendered now.
func (p *Problems) Add(msg string) {
	e := p.place()
	e.Msg = msg
	p.mu.Lock()
	p.list = append(p.list, e)
	p.mu.Unlock()
}

func (p *Problems) moveTo(part string, para *para) {
	p.mu.Lock()
	p.part, p.para = part, para
	p.mu.Unlock()
}

// place returns an error located where rendering is.
func (p *Problems) place() *Error {
	p.mu.Lock()
	defer p.mu.Unlock()
	e := &Error{Part: p.part}
	if p.para != nil {
		e.Paragraph, e.Text = p.para.n, excerpt(p.para.text, 0)
	}
	return e
}

func (p *Problems) errors() ErrorList {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.list)
}

// execution is the state of one Execute, reached by the engine's functions.
type execution struct {
	t        *Template
	problems *Problems
	cp       *compiled // the part being rendered
	out      *output
	marks    []mark // the open guarded elements, outermost first
	work     int    // of all loops so far, see MaxWork
	written  int    // bytes of the parts done, see MaxOutputSize
}

// loc moves rendering to paragraph n of a part.
func (x *execution) loc(part, n int) string {
	if part >= 0 && part < len(x.t.parts) {
		pt := x.t.parts[part].part
		if n >= 1 && n <= len(pt.paras) {
			x.problems.moveTo(pt.name, pt.paras[n-1])
		}
	}
	return ""
}

// at is loc for use in conditions (see rewriter.located).
func (x *execution) at(part, n int) bool {
	x.loc(part, n)
	return true
}

// A mark is a guarded element being rendered: a table cell, a text box, a
// header or footer that needs a paragraph, or a table that needs a row.
type mark struct {
	at      int    // output offset where it starts
	need    string // the element it needs, as "w:p"
	foundAt int    // output offset of the first need after at; -1: none so far
	scanned int    // offset up to which the output was searched for need
}

func (x *execution) mark(need string) string {
	x.marks = append(x.marks, mark{at: x.out.Len(), need: need, foundAt: -1, scanned: x.out.Len()})
	return ""
}

// popMark returns the matching mark.
func (x *execution) popMark() mark {
	if len(x.marks) == 0 {
		return mark{at: x.out.Len(), foundAt: -1, scanned: x.out.Len()}
	}
	m := x.marks[len(x.marks)-1]
	x.marks = x.marks[:len(x.marks)-1]
	return m
}

// holds reports whether the output after the mark has its element,
// searching only what was written since it last looked.
func (x *execution) holds(m *mark) bool {
	if m.foundAt < 0 {
		// A start tag cut at the last search's end is found again.
		m.foundAt = x.out.elementSince(max(m.at, m.scanned-len(m.need)-1), m.need)
		m.scanned = x.out.Len()
	}
	return m.foundAt >= 0
}

// needParagraph keeps a table cell, text box, header or footer valid: Word
// needs at least one paragraph in it.
func (x *execution) needParagraph(w string) string {
	if m := x.popMark(); !x.holds(&m) {
		return "<" + w + "p/>"
	}
	return ""
}

// tableEnd removes a table left without rows (its rows were all control
// tags and the structures repeated them zero times): Word needs a row.
func (x *execution) tableEnd() string {
	if m := x.popMark(); !x.holds(&m) {
		x.out.Truncate(m.at)
		for i := range x.marks { // what the enclosing elements saw of it is gone
			o := &x.marks[i]
			o.scanned = min(o.scanned, m.at)
			if o.foundAt >= m.at {
				o.foundAt = -1
			}
		}
	}
	return ""
}

// settled is the output offset before which nothing will change: the start
// of the outermost guarded element that may still be removed.
func (x *execution) settled() int {
	for i := range x.marks {
		if !x.holds(&x.marks[i]) {
			return x.marks[i].at
		}
	}
	return x.out.Len()
}

// elementIndex returns the offset in out of the first start tag of the
// named element, or -1.
func elementIndex(out []byte, name string) int {
	open := []byte("<" + name)
	for at := 0; ; {
		i := bytes.Index(out[at:], open)
		if i < 0 {
			return -1
		}
		at += i + len(open)
		if at < len(out) && (out[at] == '>' || out[at] == '/' || docxpkg.IsSpace(out[at])) {
			return at - len(open)
		}
	}
}

// Execute renders every template part (document, headers, footers) with data
// and returns the new .docx. The error is an ErrorList holding everything
// recorded in problems (nil: a fresh one) and any execution error, each
// located; there are then no bytes.
func (t *Template) Execute(data any, problems *Problems) ([]byte, error) {
	pkg, err := t.ExecutePackage(data, problems, nil)
	if err != nil {
		return nil, err
	}
	return pkg.Bytes()
}

// ExecutePackage is Execute without writing the .docx: the package with the
// rendered parts set, its own, for a caller that adds parts before the one
// write. visit, when not nil, gives for a part the function that sees its
// tokens as they are written, or nil.
func (t *Template) ExecutePackage(data any, problems *Problems, visit Visitor) (*docxpkg.Package, error) {
	return t.executePackage(data, problems, keep, visit)
}

// Visitor gives, for a part, the function that sees its tokens as the part
// is written (see docxpkg.XMLCheck.Visit), or nil. That function runs on the
// goroutine that checks the output, while the template's functions run on
// another: what it finds may be read once ExecutePackage or Check returns.
type Visitor func(part string) func(tok docxpkg.Token, src string, base int, open []docxpkg.Element)

// ExecuteDeflated is ExecutePackage with each rendered part compressed as
// it is written, rather than kept: the package holds a report of any size
// in about a tenth of the memory. Its parts are read back by inflating them.
func (t *Template) ExecuteDeflated(data any, problems *Problems) (*docxpkg.Package, error) {
	return t.executePackage(data, problems, compress, nil)
}

func (t *Template) executePackage(data any, problems *Problems, mode outputMode, visit Visitor) (*docxpkg.Package, error) {
	outs, err := t.execute(data, problems, mode, visit)
	if err != nil {
		return nil, err
	}
	pkg := t.pkg.Clone()
	for name, out := range outs {
		if out.deflated != nil {
			pkg.SetPartDeflated(name, out.deflated)
		} else {
			pkg.SetPartChunks(name, out.chunks)
		}
	}
	return pkg, nil
}

// Check renders as ExecutePackage does and returns its error, without
// keeping the output: each part's is checked as it is written, then
// dropped, so that a report of any size is checked in little memory. visit
// is as ExecutePackage's.
func (t *Template) Check(data any, problems *Problems, visit Visitor) error {
	_, err := t.execute(data, problems, discard, visit)
	return err
}

// outputMode is what execute does with a part's output once it is checked.
type outputMode int

const (
	keep     outputMode = iota // in chunks
	compress                   // compressed as it settles
	discard                    // nothing
)

// rendered is a part's output: chunks, or compressed.
type rendered struct {
	chunks   docxpkg.Chunks
	deflated *docxpkg.Deflated
}

// execute renders every template part; visit, when set, gives each part's
// function that sees its tokens.
func (t *Template) execute(data any, problems *Problems, mode outputMode, visit Visitor) (map[string]rendered, error) {
	if problems == nil {
		problems = NewProblems()
	}
	x := &execution{t: t, problems: problems}
	funcs := template.FuncMap{locFunc: x.loc, atFunc: x.at, markFunc: x.mark, needPFunc: x.needParagraph, tableEndFunc: x.tableEnd,
		iterFunc: x.iterate, nativeFunc: x.native}
	outs := map[string]rendered{}
	var errs ErrorList
	for _, cp := range t.parts {
		if cp.tmpl == nil {
			continue
		}
		tm, err := cp.tmpl.Clone()
		if err != nil {
			return nil, err
		}
		tm.Funcs(funcs)
		buf := newOutput(len(cp.src) + len(cp.src)/4)
		x.cp, x.out, x.marks = cp, buf, x.marks[:0]
		xc := &docxpkg.XMLCheck{}
		if visit != nil {
			xc.Visit = visit(cp.part.name)
		}
		var deflater *docxpkg.Deflater
		if mode == compress {
			deflater = docxpkg.NewDeflater()
		}
		buf.drop = mode != keep
		wf := startXMLCheck(xc, deflater, buf.drop)
		buf.spare, buf.lost = wf.spent, &wf.lost
		buf.full = func() { buf.pass(x.settled(), wf.pieces) }
		problems.moveTo(cp.part.name, nil)
		err = tm.Execute(limitedWriter{x}, data)
		buf.pass(-1, wf.pieces)
		malformed := wf.finish()
		if err != nil {
			errs = append(errs, x.execError(cp, err))
			var limit *limitError
			if errors.As(err, &limit) {
				break // the next parts would reach it again
			}
			continue
		}
		x.written += buf.Len()
		if malformed != nil {
			errs = append(errs, &Error{Part: cp.part.name, Msg: "lỗi nội bộ: kết quả không còn là XML hợp lệ (" + malformed.Error() + ")"})
			continue
		}
		out := rendered{chunks: buf.chunks}
		if deflater != nil {
			if out.deflated, err = deflater.Finish(); err != nil {
				return nil, err
			}
		}
		outs[cp.part.name] = out
	}
	problems.moveTo("", nil)
	errs = append(problems.errors(), errs...).tidy(t.names)
	if len(errs) > 0 {
		return nil, errs
	}
	return outs, nil
}

// execError locates and translates an error of text/template's Execute.
func (x *execution) execError(cp *compiled, err error) *Error {
	if native := (*nativeError)(nil); errors.As(err, &native) {
		err = native.err // as text/template would have returned it
	}
	var e *Error
	if off := sourceOffset(cp.src, err.Error()); off >= 0 {
		e = cp.errorAt(off, "")
	} else {
		e = x.problems.place()
	}
	var missing *missingValueError
	var limit *limitError
	var msg *messageError
	var crash runtime.Error
	switch {
	case errors.As(err, &crash): // a function or method of the domain panicked; text/template recovered
		e.Msg = "lỗi nội bộ của chương trình khi điền thẻ này (chi tiết kỹ thuật: " + crash.Error() + ")"
		if ctx := execContextOf(err.Error()); ctx != "" {
			e.Msg = "«" + ctx + "»: " + e.Msg
		}
	case errors.As(err, &missing):
		e.Msg = missing.Error()
	case errors.As(err, &limit):
		e.Msg, e.Limit = limit.Error(), true
	case errors.As(err, &msg):
		e.Msg = msg.Error()
		if ctx := execContextOf(err.Error()); ctx != "" {
			e.Msg = "«" + ctx + "»: " + e.Msg
		}
	default:
		e.Msg = execMessage(err.Error())
	}
	return e
}

// execMessages translate text/template's execution errors (exec.go,
// funcs.go). The format's first argument is the context (the expression
// being evaluated, "{{…}}"), then come the submatches: those of groups
// named kind… are Go type names, worded by typeWord.
var execMessages = sync.OnceValue(func() []translation {
	return []translation{
		{regexp.MustCompile(`^map has no entry for key "(.*)"$`), "không có giá trị «%s» (thiếu mục «%s»)"},
		{regexp.MustCompile(`^nil data; no entry for key "(.*)"$`), "không có dữ liệu để lấy «%s» (mục «%s»)"},
		{regexp.MustCompile(`^nil pointer evaluating .*\.(.*)$`), "«%s»: giá trị rỗng, không lấy được «%s»"},
		{regexp.MustCompile(`^can't evaluate field (.*) in type (?P<kind>.*)$`), "«%s»: %[3]s không có trường «%[2]s»"},
		{regexp.MustCompile(`^(.*) is an unexported field of struct type (?P<kind>.*)$`), "«%s»: trường «%s» của %s không dùng được"},
		{regexp.MustCompile(`^(.*) (?:is not a method but has arguments|has arguments but cannot be invoked as function)$`),
			"«%s»: «%s» không phải là hàm nên không nhận đối số"},
		{regexp.MustCompile(`^can't give argument to non-function (.*)$`), "«%s»: «%s» không phải là hàm nên không nhận đối số"},
		{regexp.MustCompile(`^wrong number of args for (.*): want at least (\d+) got (\d+)$`), "«%s»: hàm «%s» cần ít nhất %s đối số nhưng nhận %s"},
		{regexp.MustCompile(`^wrong number of args for (.*): want (\d+) got (\d+)$`), "«%s»: hàm «%s» cần %s đối số nhưng nhận %s"},
		{regexp.MustCompile(`^wrong type for value; expected (?P<kind>.*); got interface \{\}$`), "«%s»: giá trị rỗng, cần %s"},
		{regexp.MustCompile(`^wrong type for value; expected (?P<kind1>.*); got (?P<kind2>.*)$`), "«%s»: cần %s, không phải %s"},
		{regexp.MustCompile(`^invalid value; expected (?P<kind>.*)$`), "«%s»: thiếu giá trị (cần %s)"},
		{regexp.MustCompile(`^dereference of nil pointer of type (?P<kind>.*)$`), "«%s»: giá trị rỗng, không dùng được làm %s"},
		{regexp.MustCompile(`^cannot assign nil to (?P<kind>.*)$`), "cần %[2]s, không dùng được nil"},
		{regexp.MustCompile(`^expected integer; found (.*)$`), "cần " + typeWord("int") + ", không phải «%[2]s»"},
		{regexp.MustCompile(`^expected unsigned integer; found (.*)$`), "cần " + typeWord("uint") + ", không phải «%[2]s»"},
		{regexp.MustCompile(`^expected float; found (.*)$`), "cần " + typeWord("float64") + ", không phải «%[2]s»"},
		{regexp.MustCompile(`^expected complex; found (.*)$`), "cần " + typeWord("complex128") + ", không phải «%[2]s»"},
		{regexp.MustCompile(`^expected bool; found (.*)$`), "cần " + typeWord("bool") + ", không phải «%[2]s»"},
		{regexp.MustCompile(`^expected string; found (.*)$`), "cần " + typeWord("string") + ", không phải «%[2]s»"},
		{regexp.MustCompile(`^can't handle (.*) for arg of type (?P<kind>.*)$`), "cần %[3]s, không phải «%[2]s»"},
		{regexp.MustCompile(`^(.*) overflows int$`), "số «%[2]s» quá lớn"},
		{regexp.MustCompile(`^range can't iterate over (.*)$`), "«%[1]s»: {{range}} không lặp được trên giá trị này; cần một danh sách"},
		{regexp.MustCompile(`^can't use (.*?) (?:to )?iterate over more than one variable$`), "«%[1]s»: {{range}} trên giá trị này chỉ khai báo được một biến"},
		{regexp.MustCompile(`^if/with can't use (.*)$`), "«%[1]s»: không dùng được giá trị này làm điều kiện"},
		{regexp.MustCompile(`^can't print (.*) of type (?P<kind>.*)$`), "«%[1]s»: không in được %[3]s"},
		{regexp.MustCompile(`^index out of range: (.*)$`), "«%s»: chỉ số %s vượt ngoài danh sách"},
		{regexp.MustCompile(`^cannot index slice/array with nil$`), "«%s»: chỉ số rỗng"},
		{regexp.MustCompile(`^cannot index slice/array with type (?P<kind>.*)$`), "«%s»: chỉ số phải là số nguyên, không phải %s"},
		{regexp.MustCompile(`^(?:index|slice) of (?:untyped nil|nil pointer)$`), "«%s»: giá trị rỗng, không lấy phần tử được"},
		{regexp.MustCompile(`^can't (?:index|slice) item of type (?P<kind>.*)$`), "«%s»: không lấy phần tử được từ %s"},
		{regexp.MustCompile(`^too many slice indexes: (\d+)$`), "«%s»: hàm «slice» nhận nhiều nhất 3 chỉ số nhưng thẻ đưa %s"},
		{regexp.MustCompile(`^cannot 3-index slice a string$`), "«%s»: không cắt chuỗi bằng 3 chỉ số được"},
		{regexp.MustCompile(`^invalid slice index: (\d+) > (\d+)$`), "«%s»: chỉ số cắt không hợp lệ: %s lớn hơn %s"},
		{regexp.MustCompile(`^len of nil pointer$`), "«%s»: giá trị rỗng, không đếm được số phần tử"},
		{regexp.MustCompile(`^len of type (?P<kind>.*)$`), "«%s»: không đếm được số phần tử của %s"},
		{regexp.MustCompile(`^value has type (?P<kind1>.*); should be (?P<kind2>.*)$`), "«%[1]s»: cần %[3]s, không phải %[2]s"},
		{regexp.MustCompile(`^reflect: call of .* on zero Value$`), "«%s»: giá trị rỗng"},
	}
})

var execContext = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?s)^template: .*? executing ".*?" at <(.*?)>: (.*)$`)
})

// execContextOf is the expression an execution error names, "{{…}}"; ""
// if none.
func execContextOf(msg string) string {
	ctx, _ := splitExecError(msg)
	return ctx
}

func splitExecError(msg string) (ctx, detail string) {
	m := execContext().FindStringSubmatch(msg)
	if m == nil {
		return "", msg
	}
	ctx, detail = m[1], m[2]
	if !strings.HasPrefix(ctx, "{{") { // an action is shown with its braces
		ctx = "{{" + ctx + "}}"
	}
	return ctx, detail
}

// execMessage translates an execution error into Vietnamese.
func execMessage(msg string) string {
	ctx, detail := splitExecError(msg)
	if rest, ok := strings.CutPrefix(detail, "error calling "); ok {
		if name, inner, ok := strings.Cut(rest, ": "); ok {
			if _, builtin := builtins[name]; !builtin {
				return inner // a domain function's own message
			}
			detail = inner
		}
	}
	for _, m := range execMessages() {
		sub := m.re.FindStringSubmatch(detail)
		if sub == nil {
			continue
		}
		args := []any{ctx}
		for i, s := range sub[1:] {
			if strings.HasPrefix(m.re.SubexpNames()[i+1], "kind") {
				s = typeWord(s)
			}
			args = append(args, s)
		}
		return strings.TrimPrefix(fmt.Sprintf(m.msg, args...), "«»: ")
	}
	if ctx != "" {
		return "«" + ctx + "»: thẻ không thực hiện được (chi tiết kỹ thuật: " + detail + ")"
	}
	return "lỗi khi điền mẫu (chi tiết kỹ thuật: " + detail + ")"
}

// missingValueError is a printed value that does not exist.
type missingValueError struct{ expr string }

func (e *missingValueError) Error() string {
	return "thẻ «{{" + e.expr + "}}» không có giá trị để in"
}

// escape is the function appended to every printing pipeline: it formats
// the value as text/template would, refuses a missing one (never prints ""
// or "<no value>" for it) and one that is not a printable value (see
// printProblem), and makes it XML character data of the w:t it sits in,
// with line breaks and tabs as Word elements.
func escape(expr, w string, v any) (string, error) {
	s, err := printed(expr, v)
	return xmlText(s, w), err
}

// printed formats the value of the tag {{expr}} as text/template would,
// refusing a missing one and one that is not a printable value.
func printed(expr string, v any) (string, error) {
	if s, ok := v.(string); ok { // most values: printed as they are, without fmt and reflection
		return s, nil
	}
	if v == nil {
		return "", &missingValueError{expr}
	}
	if s, ok := stringOf(v); ok {
		return s, nil
	}
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return "", &missingValueError{expr}
		}
		if formatsItself(rv.Type()) {
			break
		}
		rv = rv.Elem()
	}
	if msg := printProblem(rv.Type(), expr); msg != "" {
		return "", errors.New(msg)
	}
	return fmt.Sprint(rv.Interface()), nil
}

// stringOf is what fmt.Sprint prints for a value that formats itself with
// its String method alone, without fmt's copy of the text: a table cell of a
// report of 100 000 rows is printed that way. ok is false for any other
// value, and for a method that panics, whose printing fmt words.
func stringOf(v any) (s string, ok bool) {
	switch v.(type) {
	case fmt.Formatter, error: // fmt prefers these to String
		return "", false
	}
	str, isStringer := v.(fmt.Stringer)
	if !isStringer {
		return "", false
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return "", false
	}
	defer func() {
		if recover() != nil {
			s, ok = "", false
		}
	}()
	return str.String(), true
}

// xmlText escapes s as the content of a w:t element.
func xmlText(s, w string) string {
	if plainText(s) {
		return s
	}
	return string(appendXMLText(nil, s, w))
}

// appendXMLText appends s escaped as the content of a w:t element, with line
// breaks and tabs as Word elements.
func appendXMLText(b []byte, s, w string) []byte {
	closeT := func(b []byte, elem string) []byte {
		b = append(append(append(append(b, "</"...), w...), "t><"...), w...)
		return append(append(append(append(b, elem...), "/><"...), w...), `t xml:space="preserve">`...)
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '\r' || r == '\n':
			if r == '\r' && strings.HasPrefix(s[i:], "\n") {
				i++
			}
			b = closeT(b, "br")
		case r == '\t':
			b = closeT(b, "tab")
		case r == utf8.RuneError && size == 1:
			b = utf8.AppendRune(b, utf8.RuneError)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			// Not allowed in XML 1.0.
		default:
			b = append(b, s[i-size:i]...)
		}
	}
	return b
}

// plainText reports whether s is valid UTF-8 that xmlText leaves as it is:
// no markup characters, no control characters and no U+FFFE or U+FFFF (both
// start with the byte 0xEF, as only the rare U+F000…U+FFFF do), in one pass
// over the bytes.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20, c == '&', c == '<', c == '>', c == 0xEF:
			return false
		}
	}
	return utf8.ValidString(s)
}
