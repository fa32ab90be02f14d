package docxtpl

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"text/template/parse"
	"unicode"
	"unicode/utf8"
)

type tagKind uint8

const (
	kPrint    tagKind = iota // prints a value
	kDecl                    // {{$x := …}} or {{$x = …}}
	kComment                 // {{/* … */}}
	kIf                      // {{if …}}
	kElse                    // {{else}}
	kElseIf                  // {{else if …}}
	kElseWith                // {{else with …}}
	kEnd                     // {{end}}
	kRange                   // {{range …}}
	kWith                    // {{with …}}
	kBreak                   // {{break}}
	kContinue                // {{continue}}
	kBad                     // unusable; an error has been reported
)

// control reports whether a tag of this kind prints nothing, so that a
// paragraph holding only such tags is replaced by them.
func (k tagKind) control() bool { return k != kPrint && k != kBad }

// label names a tag kind in messages.
func (k tagKind) label() string {
	return [...]string{kPrint: "{{…}}", kDecl: "{{$…}}", kComment: "{{/* */}}", kIf: "{{if}}",
		kElse: "{{else}}", kElseIf: "{{else if}}", kElseWith: "{{else with}}", kEnd: "{{end}}",
		kRange: "{{range}}", kWith: "{{with}}", kBreak: "{{break}}", kContinue: "{{continue}}", kBad: "{{…}}"}[k]
}

// tag is one {{…}} of a paragraph.
type tag struct {
	para       *para
	start, end int    // in para.text
	src        string // template source, normalized
	kind       tagKind
	pipe       *parse.PipeNode // the pipeline to check, nil if none
	key        position        // where its output goes, see position
	// list is, for a {{range}}, the type of the value it ranges over when
	// the checker knows it.
	list reflect.Type
}

// tagBody is a tag's text after its "{{", a trim marker and spaces.
func tagBody(src string) string {
	s := strings.TrimPrefix(src, "{{")
	if len(s) > 1 && s[0] == '-' && isTagSpace(rune(s[1])) {
		s = s[1:]
	}
	return strings.TrimLeft(s, " \t\r\n")
}

// classify finds a tag's kind from its first word.
func classify(src string) (tagKind, string) {
	s := tagBody(src)
	if strings.HasPrefix(s, "/*") {
		return kComment, ""
	}
	word, rest := leadingWord(s)
	switch word {
	case "if":
		return kIf, ""
	case "range":
		return kRange, ""
	case "with":
		return kWith, ""
	case "end":
		return kEnd, ""
	case "break":
		return kBreak, ""
	case "continue":
		return kContinue, ""
	case "else":
		switch next, _ := leadingWord(strings.TrimLeft(rest, " \t\r\n")); next {
		case "if":
			return kElseIf, ""
		case "with":
			return kElseWith, ""
		}
		return kElse, ""
	case "define", "block":
		// Opens a structure like {{with}}, so that its {{end}} pairs.
		return kWith, unsupported(word)
	case "template":
		return kBad, unsupported(word)
	}
	return kPrint, ""
}

// keywords are the words that open a tag of a control structure.
var keywords = []string{"if", "else", "end", "range", "with", "break", "continue", "define", "block", "template"}

// lowerKeywords writes in lower case a keyword that Word's autocorrect
// capitalised at the start of a tag ("{{ If .Tang }}", "{{ End }}", "{{ Else If
// … }}"): no function or field can be named so, and text/template knows
// only the lower-case words.
func lowerKeywords(src string) string {
	s := strings.TrimPrefix(src, "{{")
	if len(s) > 1 && s[0] == '-' && isTagSpace(rune(s[1])) {
		s = s[1:]
	}
	s = strings.TrimLeft(s, " \t\r\n")
	head := src[:len(src)-len(s)]
	word, rest := leadingWord(s)
	lower := strings.ToLower(word)
	if !slices.Contains(keywords, lower) {
		return src
	}
	if lower == "else" { // and the word after it: "Else If"
		after := strings.TrimLeft(rest, " \t\r\n")
		if next, more := leadingWord(after); slices.Contains(keywords, strings.ToLower(next)) {
			rest = rest[:len(rest)-len(after)] + strings.ToLower(next) + more
		}
	}
	return head + lower + rest
}

func unsupported(word string) string {
	return "thẻ {{" + word + "}} không dùng được trong mẫu .docx; hãy viết trực tiếp nội dung cần in"
}

func leadingWord(s string) (string, string) {
	i := 0
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9' || s[i] == '_') {
		i++
	}
	return s[:i], s[i:]
}

// variables returns the variables a tag names ($x, $tên), in order: what
// the regular expression \$[\pL_][\pL\pN_]* finds, without compiling its
// letter classes in every run.
func variables(src string) []string {
	var vars []string
	for i := 0; i < len(src); i++ {
		if src[i] != '$' {
			continue
		}
		end := i + 1
		for end < len(src) {
			r, size := utf8.DecodeRuneInString(src[end:])
			if r != '_' && !unicode.IsLetter(r) && (end == i+1 || !unicode.IsNumber(r)) {
				break
			}
			end += size
		}
		if end > i+1 {
			vars = append(vars, src[i:end])
			i = end - 1
		}
	}
	return vars
}

// parseTag parses one tag on its own to find syntax errors and its
// pipeline. Structure and names are checked later, over the whole part, so
// the tag is wrapped as needed ({{if x}} gets an {{end}}) and every variable
// it names is declared first. It returns a Vietnamese message on error.
func parseTag(tg *tag) string {
	var before, after string
	switch tg.kind {
	case kIf, kRange, kWith:
		after = "{{end}}"
	case kElse, kElseIf, kEnd:
		before, after = "{{if 1}}", "{{end}}"
		if tg.kind == kEnd {
			after = ""
		}
	case kElseWith:
		before, after = "{{with 1}}", "{{end}}"
	case kBreak, kContinue:
		before, after = "{{range 1}}", "{{end}}"
	}
	var decls strings.Builder
	for _, v := range variables(tg.src) {
		decls.WriteString("{{" + v + " := 0}}")
	}
	tr := parse.New("tag")
	tr.Mode = parse.SkipFuncCheck
	if _, err := tr.Parse(decls.String()+before+tg.src+after, "{{", "}}", map[string]*parse.Tree{}); err != nil {
		return syntaxMessage(err.Error())
	}
	nodes := tr.Root.Nodes
	if len(nodes) == 0 {
		return ""
	}
	last := nodes[len(nodes)-1]
	switch tg.kind {
	case kIf:
		tg.pipe = pipeOf[*parse.IfNode](last, func(n *parse.IfNode) *parse.PipeNode { return n.Pipe })
	case kRange:
		tg.pipe = pipeOf[*parse.RangeNode](last, func(n *parse.RangeNode) *parse.PipeNode { return n.Pipe })
	case kWith:
		tg.pipe = pipeOf[*parse.WithNode](last, func(n *parse.WithNode) *parse.PipeNode { return n.Pipe })
	case kElseIf:
		tg.pipe = pipeOf[*parse.IfNode](last, func(n *parse.IfNode) *parse.PipeNode {
			return pipeOf[*parse.IfNode](firstNode(n.ElseList), func(n *parse.IfNode) *parse.PipeNode { return n.Pipe })
		})
	case kElseWith:
		tg.pipe = pipeOf[*parse.WithNode](last, func(n *parse.WithNode) *parse.PipeNode {
			return pipeOf[*parse.WithNode](firstNode(n.ElseList), func(n *parse.WithNode) *parse.PipeNode { return n.Pipe })
		})
	case kPrint:
		tg.pipe = pipeOf[*parse.ActionNode](last, func(n *parse.ActionNode) *parse.PipeNode { return n.Pipe })
		if tg.pipe != nil && len(tg.pipe.Decl) > 0 {
			tg.kind = kDecl
		}
	}
	return ""
}

func pipeOf[N parse.Node](n parse.Node, get func(N) *parse.PipeNode) *parse.PipeNode {
	if n, ok := n.(N); ok {
		return get(n)
	}
	return nil
}

func firstNode(l *parse.ListNode) parse.Node {
	if l == nil || len(l.Nodes) == 0 {
		return nil
	}
	return l.Nodes[0]
}

// translation turns one of text/template's English messages into Vietnamese.
// The tables are compiled on first use: a run without errors never needs them,
// and compiling them at start-up cost every run milliseconds.
type translation struct {
	re  *regexp.Regexp
	msg string // fmt format taking the submatches
}

// syntaxMessages translates text/template's parse errors.
var syntaxMessages = sync.OnceValue(func() []translation {
	return []translation{
		{regexp.MustCompile(`^unexpected EOF$`), "thẻ chưa viết xong"},
		{regexp.MustCompile(`^unclosed action`), "thẻ chưa đóng, thiếu «}}»"},
		{regexp.MustCompile(`^unclosed left paren`), "thiếu dấu «)»"},
		{regexp.MustCompile(`^unexpected right paren`), "thừa dấu «)»"},
		{regexp.MustCompile(`^unterminated quoted string`), "chuỗi chưa đóng, thiếu dấu ngoặc kép «\"»"},
		{regexp.MustCompile(`^unterminated raw quoted string`), "chuỗi chưa đóng, thiếu dấu «`»"},
		{regexp.MustCompile(`^unterminated character constant`), "ký tự trong dấu nháy đơn chưa đóng; chuỗi phải đặt trong ngoặc kép «\"…\"»"},
		{regexp.MustCompile(`^malformed character constant`), "chuỗi phải đặt trong ngoặc kép «\"…\"», không phải nháy đơn"},
		{regexp.MustCompile(`^unclosed comment`), "ghi chú chưa đóng, thiếu «*/»"},
		{regexp.MustCompile(`^comment ends before closing delimiter`), "sau «*/» của ghi chú phải là «}}» ngay"},
		{regexp.MustCompile(`^illegal number syntax: "([-+])"$`), "«%s» không dùng được trong thẻ; phép tính phải dùng hàm"},
		{regexp.MustCompile(`^(?:bad|illegal) number syntax: "(.*)"$`), "số viết sai: «%s» (số thập phân dùng dấu chấm)"},
		{regexp.MustCompile(`^integer overflow: "(.*)"$`), "số «%s» quá lớn: số nguyên viết trong thẻ tối đa 9.223.372.036.854.775.807"},
		{regexp.MustCompile(`^missing value for if`), "thẻ {{if}} thiếu điều kiện"},
		{regexp.MustCompile(`^missing value for range`), "thẻ {{range}} thiếu danh sách để lặp"},
		{regexp.MustCompile(`^missing value for with`), "thẻ {{with}} thiếu giá trị"},
		{regexp.MustCompile(`^missing value for command`), "thẻ rỗng"},
		{regexp.MustCompile(`^missing value for (.*)`), "thiếu giá trị trong %s"},
		{regexp.MustCompile(`^empty command`), "thiếu lệnh (thẻ rỗng hoặc thừa dấu «|»)"},
		{regexp.MustCompile(`^non executable command in pipeline stage (\d+)`), "sau dấu «|» thứ %s phải là tên một hàm"},
		{regexp.MustCompile(`^(?:bad character|unrecognized character in action:) U\+[0-9A-F]+ '(.*)'`), "ký tự «%s» không dùng được trong thẻ"},
		{regexp.MustCompile(`^(?:bad character|unrecognized character in action:) (U\+[0-9A-F]+)`), "ký tự %s không dùng được trong thẻ"},
		{regexp.MustCompile(`^too many declarations`), "khai báo quá nhiều biến"},
		{regexp.MustCompile(`^range can only initialize variables`), "{{range}} chỉ khai báo biến mới được (dùng «:=»)"},
		{regexp.MustCompile(`^expected :=`), "thiếu «:=» sau tên biến"},
		{regexp.MustCompile(`^unexpected "(.*)" in (?:operand|command)`), "ký hiệu «%s» đặt sai chỗ"},
		{regexp.MustCompile(`^unexpected (.*) in (?:operand|command)`), "%s đặt sai chỗ"},
		{regexp.MustCompile(`^unexpected (.*) in (.*)`), "%s đặt sai chỗ (trong %s)"},
		{regexp.MustCompile(`^unexpected \. after term "(.*)"`), "sau «%s» không được có dấu «.»"},
		{regexp.MustCompile(`^max expression depth exceeded`), "biểu thức lồng quá sâu"},
	}
})

// syntaxMessage turns a text/template parse error into a Vietnamese message.
func syntaxMessage(err string) string {
	// Drop "template: NAME:LINE: ".
	if i := strings.Index(err, ": "); strings.HasPrefix(err, "template: ") && i >= 0 {
		rest := err[i+2:]
		if j := strings.Index(rest, ": "); j >= 0 {
			err = rest[j+2:]
		}
	}
	for _, m := range syntaxMessages() {
		if sub := m.re.FindStringSubmatch(err); sub != nil {
			args := make([]any, len(sub)-1)
			for i, s := range sub[1:] {
				args[i] = s
			}
			return "lỗi cú pháp: " + fmt.Sprintf(m.msg, args...)
		}
	}
	return "lỗi cú pháp: " + err
}

// declares tells a tag that declares or assigns variables ({{ $x := … }},
// {{ $x = … }}) by its first words, as parseTag would by its pipeline.
func declares(src string) bool {
	s, ok := strings.CutPrefix(tagBody(src), "$")
	if !ok {
		return false
	}
	s = strings.TrimLeftFunc(s, func(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) })
	s = strings.TrimLeft(s, " \t\r\n")
	return strings.HasPrefix(s, ":=") || strings.HasPrefix(s, "=") || strings.HasPrefix(s, ",")
}

// sameVariables tells whether text/template reads the variables of a tag as
// parseTag declares them (see variables): a name with a character that is a
// number but not a digit ($x²), or one starting with a digit ($1), is read
// otherwise, and only parseTag says what of it.
func sameVariables(src string) bool {
	for i := strings.IndexByte(src, '$'); i >= 0; i = strings.IndexByte(src, '$') {
		src = src[i+1:]
		for j, r := range src {
			if r == '_' || unicode.IsLetter(r) {
				continue
			}
			if unicode.IsNumber(r) && (j == 0 || !unicode.IsDigit(r)) {
				return false
			}
			if !unicode.IsDigit(r) {
				break
			}
		}
	}
	return true
}

// tagPipes gives each tag of a part the pipeline that parsing the part's
// generated source whole (root, its tags placed by spots) found for it,
// where parseTag would have parsed its own. It reports false, leaving the
// tags to parseTag, where the two could differ: a node that is not of the
// tag's kind, a kind that declares told wrong, variables that read
// otherwise.
func tagPipes(tags []*tag, root *parse.ListNode, spots []spot) bool {
	type pipeAt struct {
		pipe *parse.PipeNode
		kind tagKind // kIf, kRange, kWith, or kPrint for an action
	}
	var pipes []pipeAt // in source order
	var walk func(l *parse.ListNode)
	walk = func(l *parse.ListNode) {
		if l == nil {
			return
		}
		for _, n := range l.Nodes {
			var b *parse.BranchNode
			switch n := n.(type) {
			case *parse.ActionNode:
				pipes = append(pipes, pipeAt{n.Pipe, kPrint})
			case *parse.IfNode:
				pipes, b = append(pipes, pipeAt{n.Pipe, kIf}), &n.BranchNode
			case *parse.RangeNode:
				pipes, b = append(pipes, pipeAt{n.Pipe, kRange}), &n.BranchNode
			case *parse.WithNode:
				pipes, b = append(pipes, pipeAt{n.Pipe, kWith}), &n.BranchNode
			}
			if b != nil {
				walk(b.List)
				walk(b.ElseList)
			}
		}
	}
	walk(root)
	next := 0
	for _, s := range spots {
		tg := s.tag
		if tg == nil {
			continue
		}
		for next < len(pipes) && int(pipes[next].pipe.Pos) < s.off {
			next++
		}
		var in []pipeAt
		for i := next; i < len(pipes) && int(pipes[i].pipe.Pos) < s.off+len(tg.src); i++ {
			in = append(in, pipes[i])
		}
		kind, hasPipe := tg.kind.node()
		if !hasPipe {
			if len(in) > 0 {
				return false
			}
			continue
		}
		if len(in) != 1 || in[0].kind != kind || kind == kPrint && (len(in[0].pipe.Decl) > 0) != (tg.kind == kDecl) {
			return false
		}
		tg.pipe = in[0].pipe
	}
	for _, tg := range tags {
		if _, hasPipe := tg.kind.node(); hasPipe && tg.pipe == nil || !sameVariables(tg.src) {
			return false
		}
	}
	return true
}

// node tells the node whose pipeline a tag of this kind has, as tagPipes
// records it: kIf, kRange, kWith, or kPrint for an action; false for a tag
// without a pipeline.
func (k tagKind) node() (tagKind, bool) {
	switch k {
	case kPrint, kDecl:
		return kPrint, true
	case kIf, kElseIf:
		return kIf, true
	case kRange:
		return kRange, true
	case kWith, kElseWith:
		return kWith, true
	}
	return 0, false
}
