package docxtpl

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/vnformat"
)

// Functions the engine adds to every template. Their names cannot be
// called from a template (see isInternal).
const (
	locFunc      = "__baocao_loc"      // {{__baocao_loc PART PARA}}: rendering moves to a paragraph
	atFunc       = "__baocao_at"       // the same, returning true, inside conditions
	escFunc      = "__baocao_esc"      // appended to printing pipelines: XML-escapes the value
	markFunc     = "__baocao_mark"     // at the start of an element whose content may all vanish, with the element it needs
	needPFunc    = "__baocao_needp"    // at the end of a cell, text box…: adds an empty paragraph if none is left
	tableEndFunc = "__baocao_tableend" // after such a table: removes it if it has no row left
	iterFunc     = "__baocao_iter"     // first in the body of every {{range}}: counts iterations
)

func isInternal(name string) bool { return strings.HasPrefix(name, "__baocao_") }

// collectTags finds the tags of every paragraph, classifies and (tagByTag)
// parses each on its own, decides which paragraphs are standalone, and where
// each tag's output goes: table rows holding only control tags are replaced
// by them, like standalone paragraphs. It returns the tags in document
// order. Past budget tags it stops with an error (see MaxTags). wholeFirst
// leaves the pipelines to tagPipes and tells a declaration by its first
// words, which tagPipes confirms.
func collectTags(pt *part, budget int, way parseWay) (_ []*tag, _ ErrorList, over bool) {
	var tags []*tag
	var errs ErrorList
	// A template repeats its tags ({{ end }}, {{ .Nam }}…): each text is
	// classified and parsed once, its pipeline shared (nothing changes it).
	type parsed struct {
		kind tagKind
		pipe *parse.PipeNode
		msg  string
	}
	seen := map[string]parsed{}
	for _, p := range pt.paras {
		spans, unclosed := findTags(p.text)
		if unclosed >= 0 {
			errs = append(errs, &Error{Part: pt.name, Paragraph: p.n, Text: excerpt(p.text, unclosed),
				Msg: "thẻ chưa đóng: có «{{» nhưng thiếu «}}» trong cùng đoạn"})
		}
		if len(tags)+len(spans) > budget {
			errs = append(errs, &Error{Part: pt.name, Paragraph: p.n, Text: excerpt(p.text, spans[max(0, budget-len(tags))].start),
				Msg: fmt.Sprintf("mẫu có quá %s thẻ {{…}}; các thẻ từ đây trở đi không được kiểm tra", vnformat.Count(MaxTags))})
			return tags, errs, true
		}
		textOnly := true // the text outside tags is white space
		last := 0
		for _, sp := range spans {
			tg := &tag{para: p, start: sp.start, end: sp.end, src: lowerKeywords(normalizeTag(p.text[sp.start:sp.end]))}
			r, ok := seen[tg.src]
			if !ok {
				r.kind, r.msg = classify(tg.src)
				tg.kind = r.kind
				switch {
				case r.msg != "":
				case way == tagByTag:
					r.msg = parseTag(tg)
				case tg.kind == kPrint && declares(tg.src):
					tg.kind = kDecl
				}
				r.kind, r.pipe = tg.kind, tg.pipe
				seen[tg.src] = r
			}
			tg.kind, tg.pipe = r.kind, r.pipe
			if msg := r.msg; msg != "" {
				errs = append(errs, tagError(pt, tg, msg))
			}
			p.tags = append(p.tags, tg)
			textOnly = textOnly && onlySpace(p.text[last:sp.start])
			last = sp.end
		}
		textOnly = textOnly && onlySpace(p.text[last:])
		p.standalone = len(p.tags) > 0 && unclosed < 0 && !p.nested && !p.sectPr && textOnly &&
			!slices.ContainsFunc(p.tags, func(tg *tag) bool { return !tg.kind.control() })
		tags = append(tags, p.tags...)
	}
	for _, r := range pt.rows {
		r.tags = len(r.paras) == r.all &&
			slices.ContainsFunc(r.paras, func(p *para) bool { return p.standalone }) &&
			!slices.ContainsFunc(r.paras, func(p *para) bool { return !p.standalone && (len(p.tags) > 0 || !onlySpace(p.text)) })
	}
	for _, tg := range tags {
		p := tg.para
		switch {
		case p.row != nil && p.row.tags:
			tg.key = position{standalone: true, container: p.row.table}
		case p.standalone:
			tg.key = position{standalone: true, container: p.parent}
		default:
			tg.key = position{para: p, path: p.textAt(tg.start).path}
		}
	}
	return tags, errs, false
}

// textAt returns the w:t holding the byte at offset off of p.text.
func (p *para) textAt(off int) *wtext {
	i, found := slices.BinarySearchFunc(p.texts, off, func(t *wtext, off int) int { return t.off - off })
	if !found {
		i--
	}
	// Skip empty texts sharing the offset.
	for i+1 < len(p.texts) && p.texts[i+1].off <= off {
		i++
	}
	return p.texts[max(i, 0)]
}

// spot maps an offset of the generated source to a paragraph (and a byte
// of its text) for error messages.
type spot struct {
	off  int
	para *para
	at   int
	tag  *tag // nil for a location marker
}

// edit replaces xml[start:end] with text in the generated source.
type edit struct {
	start, end int
	text       strings.Builder
	spots      []spot // offsets relative to text
}

func (e *edit) tag(tg *tag) {
	e.spots = append(e.spots, spot{e.text.Len(), tg.para, tg.start, tg})
	e.text.WriteString(tg.src)
}

// controls writes the tags of a standalone paragraph.
func (e *edit) controls(pt *part, p *para) {
	for _, tg := range p.tags {
		switch tg.kind {
		case kIf, kRange, kWith, kDecl:
			e.loc(pt, p)
		}
		e.tag(tg)
	}
}

func (e *edit) loc(pt *part, p *para) {
	e.spots = append(e.spots, spot{e.text.Len(), p, 0, nil})
	// The newline starts a new source line, so that parse errors, which
	// give only a line, can be placed.
	e.text.WriteString("{{" + locFunc + " " + strconv.Itoa(pt.index) + " " + strconv.Itoa(p.n) + "\n}}")
}

// source generates the text/template source of a part: the XML with every
// tag moved into the w:t where it starts (Word splits tags across runs),
// standalone paragraphs replaced by their tags, location markers before
// each paragraph with tags, and literal braces protected.
func (pt *part) source() (string, []spot) {
	var edits []*edit
	add := func(start, end int) *edit {
		e := &edit{start: start, end: end}
		edits = append(edits, e)
		return e
	}
	for _, r := range pt.rows {
		if !r.tags {
			continue
		}
		e := add(r.start, r.end)
		for _, p := range r.paras {
			e.controls(pt, p)
		}
		if t := pt.tables[r.table]; t != nil {
			t.guard = true
		}
	}
	for _, p := range pt.paras {
		switch {
		case p.row != nil && p.row.tags:
		case p.standalone:
			add(p.start, p.end).controls(pt, p)
			if c := pt.holders[p.parent]; c != nil {
				c.guard = true
			}
		case len(p.tags) > 0:
			add(p.openEnd, p.openEnd).loc(pt, p)
			pt.moveTags(p, add)
			fallthrough
		default:
			for _, d := range p.dels {
				// Deleted while a tag was edited, the tag is read without it; a
				// deleted tag would show in the report as struck-out "{{…}}".
				if !d.nested && (d.tag || slices.ContainsFunc(p.tags, func(tg *tag) bool { return tg.start < d.off && d.off < tg.end })) {
					add(d.start, d.end)
				}
			}
		}
		// Back in the enclosing paragraph after a text box.
		if o := p.outer; o != nil && len(o.tags) > 0 && !o.standalone {
			add(p.end, p.end).loc(pt, o)
		}
	}
	for _, c := range pt.holders {
		if c.guard {
			add(c.openEnd, c.openEnd).text.WriteString("{{" + markFunc + " " + strconv.Quote(pt.w+"p") + "}}")
			add(c.closeStart, c.closeStart).text.WriteString("{{" + needPFunc + " " + strconv.Quote(pt.w) + "}}")
		}
	}
	for _, t := range pt.tables {
		if t.guard {
			add(t.start, t.start).text.WriteString("{{" + markFunc + " " + strconv.Quote(pt.w+"tr") + "}}")
			add(t.end, t.end).text.WriteString("{{" + tableEndFunc + "}}")
		}
	}
	slices.SortStableFunc(edits, func(a, b *edit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	var b strings.Builder
	b.Grow(len(pt.xml) + len(pt.xml)/8)
	var spots []spot
	cursor := 0
	for _, e := range edits {
		literal(&b, pt.xml[cursor:e.start], false)
		base := b.Len()
		for _, s := range e.spots {
			s.off += base
			spots = append(spots, s)
		}
		b.WriteString(e.text.String())
		cursor = e.end
	}
	literal(&b, pt.xml[cursor:], false)
	return b.String(), spots
}

// moveTags rewrites the w:t elements of p that tags touch: each tag's
// whole text goes into the w:t where it starts (so the value takes that
// run's formatting) and its pieces leave the following w:t elements.
func (pt *part) moveTags(p *para, add func(start, end int) *edit) {
	first := 0 // the first tag that may touch the current w:t: tags and texts are both in order
	for _, wt := range p.texts {
		from, to := wt.off, wt.off+len(wt.text)
		for first < len(p.tags) && p.tags[first].end <= from {
			first++
		}
		var e *edit
		pos := from
		for _, tg := range p.tags[first:] {
			if tg.start >= to {
				break
			}
			if e == nil {
				add(wt.tagStart, wt.tagEnd).text.WriteString("<" + pt.w + `t xml:space="preserve">`)
				e = add(wt.cStart, wt.cEnd)
			}
			if tg.start > pos {
				literal(&e.text, p.text[pos:tg.start], true)
			}
			if tg.start >= from {
				e.tag(tg)
			}
			pos = min(tg.end, to)
		}
		if e != nil && pos < to {
			literal(&e.text, p.text[pos:to], true)
		}
	}
}

// literal writes text that is not a tag into template source: XML-escaped
// when it is document text, and with "{{" (or a final "{", which could meet
// the "{{" of a following tag) written as actions printing them.
func literal(b *strings.Builder, s string, escape bool) {
	if escape {
		var esc strings.Builder
		docxpkg.EscapeText(&esc, s)
		s = esc.String()
	}
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		switch {
		case strings.HasPrefix(s[i:], "{{"):
			b.WriteString(`{{"{{"}}`)
			s = s[i+2:]
		case i == len(s)-1:
			b.WriteString(`{{"{"}}`)
			s = s[i+1:]
		default:
			b.WriteByte('{')
			s = s[i+1:]
		}
	}
}

// rewriter finishes a part's parse tree.
type rewriter struct {
	pt    *part
	spots []spot
	texts map[*byte]*para // see textMarks
}

// rewrite makes every action that prints pass its value through escFunc,
// the way html/template adds its escapers: to the parse tree, so that no
// tag can print raw XML. Control structures and declarations print
// nothing and are left alone. It also locates {{else if}} and {{else with}}
// conditions (see located).
func (r *rewriter) rewrite(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		kept := n.Nodes[:0] // filtered in place: kept never passes the node read
		for i, c := range n.Nodes {
			if p := r.locMarker(c); p != nil && i+1 < len(n.Nodes) {
				if t, ok := n.Nodes[i+1].(*parse.TextNode); ok && len(t.Text) > 0 {
					r.texts[&t.Text[0]] = p
					continue
				}
			}
			r.rewrite(c)
			kept = append(kept, c)
		}
		n.Nodes = kept
	case *parse.ActionNode:
		p := n.Pipe
		if len(p.Decl) > 0 || internalCall(p) {
			return
		}
		pos := p.Position()
		p.Cmds = append(p.Cmds, command(pos,
			parse.NewIdentifier(escFunc).SetTree(nil).SetPos(pos),
			stringNode(p.String(), pos),
			stringNode(r.pt.w, pos)))
	case *parse.IfNode:
		r.rewrite(n.List)
		r.rewriteElse(n.ElseList)
	case *parse.RangeNode:
		r.rewrite(n.List)
		r.rewrite(n.ElseList)
		pos := n.Position()
		count := &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Line: n.Line,
			Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Line: n.Line, Cmds: []*parse.CommandNode{
				command(pos, parse.NewIdentifier(iterFunc).SetTree(nil).SetPos(pos), numberNode(passWork(n.List), pos))}}}
		n.List.Nodes = append([]parse.Node{count}, n.List.Nodes...)
	case *parse.WithNode:
		r.rewrite(n.List)
		r.rewriteElse(n.ElseList)
	}
}

// passWork is the work of one pass of a loop's body, counted towards
// MaxWork: one for the pass and one for each command the body may run (every
// branch of its {{if}}s), without the bodies of loops within it, whose passes
// count their own.
func passWork(list *parse.ListNode) int {
	work := 1
	var walk func(n parse.Node)
	walkPipe := func(p *parse.PipeNode) {
		if p == nil {
			return
		}
		work += len(p.Cmds)
		for _, c := range p.Cmds {
			for _, a := range c.Args {
				walk(a)
			}
		}
	}
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walkPipe(n.Pipe)
		case *parse.PipeNode:
			walkPipe(n)
		case *parse.IfNode:
			walkPipe(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walkPipe(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walkPipe(n.Pipe)
		}
	}
	walk(list)
	return work
}

// locMarker returns the paragraph a location marker {{locFunc PART PARA}}
// moves to; nil if n is not one.
//
// A marker followed by text is dropped from the tree and its paragraph
// recorded for that text node instead (textMarks): the writer moves the
// location when text/template writes the node, which it does with the node's
// own bytes. A function call per paragraph costs more, in reflection, than
// filling the paragraph's tags.
func (r *rewriter) locMarker(n parse.Node) *para {
	a, ok := n.(*parse.ActionNode)
	if !ok || len(a.Pipe.Decl) > 0 || len(a.Pipe.Cmds) != 1 || len(a.Pipe.Cmds[0].Args) != 3 {
		return nil
	}
	args := a.Pipe.Cmds[0].Args
	id, ok := args[0].(*parse.IdentifierNode)
	if !ok || id.Ident != locFunc {
		return nil
	}
	part, ok1 := args[1].(*parse.NumberNode)
	para, ok2 := args[2].(*parse.NumberNode)
	if !ok1 || !ok2 || int(part.Int64) != r.pt.index || para.Int64 < 1 || para.Int64 > int64(len(r.pt.paras)) {
		return nil
	}
	return r.pt.paras[para.Int64-1]
}

// rewriteElse handles the else branch of an if or with, where
// "{{else if c}}" appears as a nested if.
func (r *rewriter) rewriteElse(l *parse.ListNode) {
	if l != nil && len(l.Nodes) == 1 {
		switch n := l.Nodes[0].(type) {
		case *parse.IfNode:
			n.Pipe = r.located(n.Pipe)
		case *parse.WithNode:
			n.Pipe = r.located(n.Pipe)
		}
	}
	r.rewrite(l)
}

// located turns the condition p of an {{else if}} into
// "and (atFunc PART PARA) (p)": no location marker runs between the
// {{if}} and the evaluation of this condition, so Problems.Add in it would
// be placed at the {{if}}. "and" evaluates its arguments in order and
// returns the last one, p's value, as is.
func (r *rewriter) located(p *parse.PipeNode) *parse.PipeNode {
	s, ok := spotAt(r.spots, int(p.Position()))
	if !ok || len(p.Decl) > 0 {
		return p
	}
	pos := p.Position()
	loc := &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Cmds: []*parse.CommandNode{command(pos,
		parse.NewIdentifier(atFunc).SetTree(nil).SetPos(pos),
		numberNode(r.pt.index, pos),
		numberNode(s.para.n, pos))}}
	return &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Line: p.Line, Cmds: []*parse.CommandNode{command(pos,
		parse.NewIdentifier("and").SetTree(nil).SetPos(pos), loc, p)}}
}

func command(pos parse.Pos, args ...parse.Node) *parse.CommandNode {
	return &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos, Args: args}
}

func numberNode(n int, pos parse.Pos) *parse.NumberNode {
	return &parse.NumberNode{NodeType: parse.NodeNumber, Pos: pos, IsInt: true, Int64: int64(n), Text: strconv.Itoa(n)}
}

// spotAt finds the spot for an offset of the generated source.
func spotAt(spots []spot, off int) (spot, bool) {
	i, _ := slices.BinarySearchFunc(spots, off+1, func(s spot, off int) int { return s.off - off })
	if off < 0 || i == 0 {
		return spot{}, false
	}
	return spots[i-1], true
}

func stringNode(s string, pos parse.Pos) *parse.StringNode {
	return &parse.StringNode{NodeType: parse.NodeString, Pos: pos, Quoted: strconv.Quote(s), Text: s}
}

func internalCall(p *parse.PipeNode) bool {
	if len(p.Cmds) != 1 || len(p.Cmds[0].Args) == 0 {
		return false
	}
	id, ok := p.Cmds[0].Args[0].(*parse.IdentifierNode)
	return ok && isInternal(id.Ident)
}
