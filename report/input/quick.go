package input

import (
	"bytes"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// quickPiece reads a piece made only of the lines a generated or carefully
// typed big collection has, one item a line or a block mapping of one-line
// fields:
//
//   - {ma: C000001, ten: Chỉ tiêu số 1, don_vi: tỷ đồng}
//   - ma: C000002
//     ten: "Chỉ tiêu số 2"
//     C000001: 1.234
//     C000002: {thuc_hien: 1.234, ke_hoach: 1.300}
//
// building the nodes the parser would (kind, value, line; the tag only says
// whether a value is null, which is all the readers ask of it) at a fraction of
// its cost. ok is false for anything else, even valid YAML, which the parser
// then reads: a comment after a value, an empty value, a multi-line or escaped
// scalar, a tag, an anchor.
//
// The nodes are q's, used again for the next piece: the caller keeps none.
func (q *quick) piece(b []byte, kind yaml.Kind) (*yaml.Node, bool) {
	if !printable(b) || !plainBreaks(b) {
		return nil, false
	}
	q.src, q.slab, q.nodes, q.ptrSlab, q.ptrs = string(b), 0, nil, 0, nil
	root := &yaml.Node{Kind: kind}
	indent := -1
	var block *yaml.Node // the block mapping of the current sequence item
	var list *yaml.Node  // a list of scalars in it, as "y:" of noi_dung
	listIndent := -1     // the indentation of its items, -1 before the first
	no := 0
	for l := range lines(b) {
		no++
		t := bytes.TrimLeft(l.text, " ")
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		at := len(l.text) - len(t)
		if indent < 0 {
			indent = at
			root.Line = no
		}
		start := l.start + at // offset of t in src
		item := len(t) >= 3 && t[0] == '-' && t[1] == ' '
		if list != nil && listIndent < 0 { // the list's first item: none is an empty value
			if !item || at < indent+2 {
				return nil, false
			}
			list.Line, listIndent = no, at
		}
		if list != nil && at == listIndent && item {
			j, v, ok := q.scalar(start+2, start+len(t), false, no)
			if !ok || j != start+len(t) {
				return nil, false
			}
			list.Content = append(list.Content, v)
			continue
		}
		list = nil
		switch {
		case at == indent && kind == yaml.SequenceNode:
			if !item {
				return nil, false
			}
			block = nil
			if t[2] == '{' {
				m, ok := q.flowMapping(start+2, start+len(t), no)
				if !ok {
					return nil, false
				}
				root.Content = append(root.Content, m)
				continue
			}
			block = q.node(yaml.Node{Kind: yaml.MappingNode, Line: no})
			if !q.pair(block, start+2, start+len(t), no) {
				return nil, false
			}
			root.Content = append(root.Content, block)
		case at == indent && kind == yaml.MappingNode:
			if !q.pair(root, start, start+len(t), no) {
				return nil, false
			}
		case at == indent+2 && block != nil && t[len(t)-1] == ':' && isKeyStart(t[0]) && len(t) <= maxQuickKey:
			key := string(t[:len(t)-1])
			for i := range len(key) {
				if !isKeyStart(key[i]) {
					return nil, false
				}
			}
			list, listIndent = q.node(yaml.Node{Kind: yaml.SequenceNode}), -1
			block.Content = append(block.Content, q.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: no}), list)
		case at == indent+2 && block != nil:
			if !q.pair(block, start, start+len(t), no) {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	if list != nil && listIndent < 0 {
		return nil, false
	}
	return root, indent >= 0 && len(root.Content) > 0
}

// maxQuickKey is the longest key read here: the parser refuses a key on one
// line longer than 1024 characters (with what precedes it in a flow mapping).
const maxQuickKey = 100

// quick builds the nodes of a piece; its values are slices of src. Nodes and
// mappings' contents are carved from slabs kept from piece to piece.
type quick struct {
	src string

	slabs    [][]yaml.Node
	slab     int         // the slab in use
	nodes    []yaml.Node // its part in use
	ptrSlabs [][]*yaml.Node
	ptrSlab  int
	ptrs     []*yaml.Node
	pairs    []*yaml.Node // a mapping's content while it is read
}

// Slabs grow from firstSlab to slabSize entries, doubling: a file of a few
// dozen indicators needs a few hundred nodes, and every page of a slab that
// is touched costs the process a page fault.
const (
	firstSlab = 64
	slabSize  = 1024
)

// nextSlab is the size of the slab after the n there are.
func nextSlab(n int) int { return min(firstSlab<<min(n, 4), slabSize) }

func (q *quick) node(n yaml.Node) *yaml.Node {
	if len(q.nodes) == cap(q.nodes) { // full, or none yet in this piece
		if q.nodes != nil {
			q.slab++
		}
		if q.slab == len(q.slabs) {
			q.slabs = append(q.slabs, make([]yaml.Node, nextSlab(len(q.slabs))))
		}
		q.nodes = q.slabs[q.slab][:0]
	}
	q.nodes = append(q.nodes, n)
	return &q.nodes[len(q.nodes)-1]
}

// content gives the pairs read, moved to a slab.
func (q *quick) content() []*yaml.Node {
	n := len(q.pairs)
	if n > slabSize {
		return append([]*yaml.Node(nil), q.pairs...)
	}
	if len(q.ptrs)+n > cap(q.ptrs) { // full, or none yet in this piece
		if q.ptrs != nil {
			q.ptrSlab++
		}
		if q.ptrSlab == len(q.ptrSlabs) {
			q.ptrSlabs = append(q.ptrSlabs, nil)
		}
		if cap(q.ptrSlabs[q.ptrSlab]) < n { // new, or a small one kept from a piece before
			q.ptrSlabs[q.ptrSlab] = make([]*yaml.Node, max(n, nextSlab(q.ptrSlab)))
		}
		q.ptrs = q.ptrSlabs[q.ptrSlab][:0]
	}
	start := len(q.ptrs)
	q.ptrs = append(q.ptrs, q.pairs...)
	return q.ptrs[start:len(q.ptrs):len(q.ptrs)]
}

// pair reads "key: value" from src[i:end] into mapping m, the value being a
// scalar or a flow mapping.
func (q *quick) pair(m *yaml.Node, i, end, line int) bool {
	i, key, ok := q.key(i, end, line)
	if !ok {
		return false
	}
	var v *yaml.Node
	if i < end && q.src[i] == '{' {
		var ok bool
		if v, ok = q.flowMapping(i, end, line); !ok {
			return false
		}
	} else {
		j, val, ok := q.scalar(i, end, false, line)
		if !ok || j != end {
			return false
		}
		v = val
	}
	m.Content = append(m.Content, key, v)
	return true
}

// key reads "key: " at src[i:end], giving where its value starts.
func (q *quick) key(i, end, line int) (int, *yaml.Node, bool) {
	k := i
	for i < end && isKeyStart(q.src[i]) {
		i++
	}
	if i == k || i-k > maxQuickKey || i+1 >= end || q.src[i] != ':' || q.src[i+1] != ' ' {
		return 0, nil, false
	}
	key := q.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: q.src[k:i], Line: line})
	for i += 2; i < end && q.src[i] == ' '; i++ {
	}
	return i, key, true
}

// flowMapping reads "{key: value, …}", all of src[i:end].
func (q *quick) flowMapping(i, end, line int) (*yaml.Node, bool) {
	m := q.node(yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Line: line})
	q.pairs = q.pairs[:0]
	i++ // {
	for {
		for i < end && q.src[i] == ' ' {
			i++
		}
		at, key, ok := q.key(i, end, line)
		if !ok {
			return nil, false
		}
		j, v, ok := q.scalar(at, end, true, line)
		if !ok {
			return nil, false
		}
		q.pairs = append(q.pairs, key, v)
		i = j
		for i < end && q.src[i] == ' ' {
			i++
		}
		if i == end {
			return nil, false
		}
		if q.src[i] == '}' {
			for i++; i < end; i++ {
				if q.src[i] != ' ' {
					return nil, false
				}
			}
			m.Content = q.content()
			return m, true
		}
		if q.src[i] != ',' {
			return nil, false
		}
		i++
	}
}

// scalar reads a non-empty one-line scalar at src[i:end]: plain, or quoted
// without escapes. In a flow mapping it ends before "," or "}"; j is where
// it ends, trailing spaces skipped.
func (q *quick) scalar(i, end int, flow bool, line int) (int, *yaml.Node, bool) {
	if i >= end {
		return 0, nil, false
	}
	if c := q.src[i]; c == '"' || c == '\'' {
		j := i + 1
		for j < end && q.src[j] != c && q.src[j] != '\\' {
			j++
		}
		if j >= end || q.src[j] != c {
			return 0, nil, false
		}
		style := yaml.DoubleQuotedStyle
		if c == '\'' {
			style = yaml.SingleQuotedStyle
		}
		n := q.node(yaml.Node{Kind: yaml.ScalarNode, Style: style, Tag: "!!str", Value: q.src[i+1 : j], Line: line})
		for j++; j < end && q.src[j] == ' '; j++ {
		}
		return j, n, true
	}
	if !plainStart(q.src[i:end]) {
		return 0, nil, false
	}
	j := i
	for j < end {
		c := q.src[j]
		if flow && (c == ',' || c == '}') {
			break
		}
		if flow && c == '?' {
			return 0, nil, false
		}
		if c == '#' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}' || c < ' ' || c == 0x7f {
			return 0, nil, false
		}
		j++
	}
	v := q.src[i:j]
	for len(v) > 0 && v[len(v)-1] == ' ' {
		v = v[:len(v)-1]
	}
	if v == "" {
		return 0, nil, false
	}
	tag := "!!str"
	switch v {
	case "~", "null", "Null", "NULL":
		tag = "!!null"
	}
	return j, q.node(yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v, Line: line}), true
}

// plainStart tells whether s may start a plain scalar here: no indicator
// first, except a minus sign before a digit.
func plainStart(s string) bool {
	switch c := s[0]; c {
	case '-':
		return len(s) > 1 && '0' <= s[1] && s[1] <= '9'
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
		return false
	}
	return true
}

// printable tells whether b is UTF-8 of only the characters YAML takes as
// they are, and line breaks: no tab, no control, no byte order mark.
func printable(b []byte) bool {
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			if c < ' ' && c != '\n' && c != '\r' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r < 0xa0, r == 0xfeff, r == 0xfffe, r == 0xffff, r == utf8.RuneError:
			return false
		}
		i += size
	}
	return true
}
