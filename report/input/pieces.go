package input

import (
	"bytes"
	"io"

	"go.yaml.in/yaml/v3"
)

// A YAML input is read in pieces when it can be: the parser builds a node tree
// of the whole document, and the tree of a ministry's 100 000 indicators takes
// hundreds of megabytes, against a few for its pieces. Every top-level key is
// parsed on its own, and the collections that grow with the number of
// indicators (the big keys of each kind of file) a few thousand lines at a
// time. A file is read in pieces only where its top level is plain (one key
// per line at column 0, as the clerk's and generated files are); anything else,
// and any piece the parser refuses, makes the caller read the file whole, so
// that syntax errors and their lines are exactly the parser's.

// pieceSize is the size from which a big collection is cut at its next item.
var pieceSize = 64 << 10

// section is one top-level key of a file and its value: the bytes from the
// key's line to the next key's.
type section struct {
	key        string
	line       int // of the key, from 1
	start, end int
	inline     bool // the key's line holds more than the key: the value, or a comment
}

// readPieces reads data as pairs reads the top-level mapping, calling fn once
// for each top-level key, or, for a key of big whose value is a block
// collection of that kind, once for each piece of it. It returns false, having
// called fn or not, when the file must be read whole instead.
func (r *yamlReader) readPieces(data []byte, where string, known []string, big map[string]yaml.Kind, fn func(key string, k, v *yaml.Node)) bool {
	if !plainBreaks(data) {
		return false
	}
	sections, ok := topLevel(data)
	if !ok {
		return false
	}
	seen := &keySet{}
	defer func() { r.offset, r.piece, r.pieceKeys = 0, nil, nil }()
	for _, s := range sections {
		r.offset, r.piece = 0, nil
		k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s.key, Line: s.line, Column: 1}
		use := r.pair(seen, where, known, k)
		if !use && s.end-s.start > pieceSize { // its warning given: the tree of a big key not read is not built
			continue
		}
		if kind, isBig := big[s.key]; isBig && use && !s.inline {
			if done, ok := r.readCollection(data, s, kind, func(v *yaml.Node) {
				k.Line = s.line - r.offset // pos adds the piece's offset back
				fn(s.key, k, v)
			}); done || !ok {
				if !ok {
					return false
				}
				continue
			}
		}
		root, ok := parsePiece(data[s.start:s.end])
		if !ok || root.Kind != yaml.MappingNode || len(root.Content) != 2 {
			return false
		}
		r.offset = s.line - 1
		if use { // a small key not read is parsed all the same, for its syntax errors
			fn(s.key, root.Content[0], root.Content[1])
		}
	}
	return true
}

// readCollection reads the value of section s in pieces when it is a block
// collection of the kind given, calling fn with the root of each. done is
// false when the value is not such a collection (it is then to be read as a
// whole section); ok is false when a piece cannot be parsed on its own.
func (r *yamlReader) readCollection(data []byte, s section, kind yaml.Kind, fn func(*yaml.Node)) (done, ok bool) {
	r.skipRest = false // set, maybe, by a collection read whole before this one
	body := data[s.start:s.end]
	first := bytes.IndexByte(body, '\n') + 1
	if first == 0 {
		return false, true
	}
	// The items' indentation is the first content line's.
	indent := -1
	for l := range lines(body[first:]) {
		if t := bytes.TrimLeft(l.text, " "); len(t) > 0 && t[0] != '#' {
			indent = len(l.text) - len(t)
			if !isItem(l.text, indent, kind) {
				return false, true
			}
			break
		}
	}
	if indent < 0 {
		return false, true
	}
	r.pieceKeys = &keySet{}
	if kind == yaml.MappingNode { // a key a line at most: a map of its size grows no more
		r.pieceKeys.many = make(map[string]bool, bytes.Count(body, []byte{'\n'}))
	}
	// The pieces are parsed on a goroutine of their own while fn reads the
	// previous one. fn keeps no node of a piece, so two parsers take turns:
	// when one is given its next piece, fn is done with its last.
	type parsed struct {
		root *yaml.Node
		line int  // of the piece's first line
		ok   bool // false: the piece cannot be parsed alone, or the collection ends early; nothing follows
	}
	pieces := make(chan parsed)
	stop := make(chan struct{}) // closed when fn wants no more (skipRest)
	defer close(stop)
	go func() {
		defer close(pieces)
		var parsers [2]quick
		turn := 0
		pass := func(p parsed) bool {
			select {
			case pieces <- p:
				return p.ok
			case <-stop:
				return false
			}
		}
		send := func(start, end, line int) bool {
			if _, over := tooManyNodes(body[start:end]); over { // the whole file is refused where
				return pass(parsed{})
			}
			q := &parsers[turn]
			turn ^= 1
			root, ok := q.piece(body[start:end], kind)
			if !ok {
				root, ok = parsePiece(body[start:end])
			}
			return pass(parsed{root, line, ok && root.Kind == kind})
		}
		pieceStart, pieceLine := first, s.line+1
		no, items := s.line+1, 0 // items in the piece so far
		for l := range lines(body[first:]) {
			if t := bytes.TrimLeft(l.text, " "); len(t) > 0 && t[0] != '#' && len(l.text)-len(t) < indent {
				pass(parsed{}) // out of the collection: the parser's error, read whole
				return
			}
			at := first + l.start
			if isItem(l.text, indent, kind) {
				if items > 0 && at-pieceStart >= pieceSize {
					if !send(pieceStart, at, pieceLine) {
						return
					}
					pieceStart, pieceLine, items = at, no, 0
				}
				items++
			}
			no++
		}
		send(pieceStart, len(body), pieceLine)
	}()
	for p := range pieces {
		if !p.ok {
			return true, false
		}
		r.offset, r.piece = p.line-1, p.root
		fn(p.root)
		if r.skipRest {
			r.skipRest = false
			break
		}
	}
	return true, true
}

// isItem tells a line that starts an item of a block collection of the kind
// at the indentation given: "- …" in a sequence, a plain key in a mapping.
func isItem(l []byte, indent int, kind yaml.Kind) bool {
	if len(l) <= indent || len(bytes.TrimLeft(l[:indent], " ")) > 0 {
		return false
	}
	t := l[indent:]
	if kind == yaml.SequenceNode {
		return t[0] == '-' && (len(t) == 1 || t[1] == ' ')
	}
	return isKeyStart(t[0])
}

func isKeyStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// topLevel splits data into its top-level keys; ok is false when a line at
// column 0 is anything but a plain key, a comment or a sequence item.
func topLevel(data []byte) ([]section, bool) {
	var out []section
	start := 0
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		start = 3
	}
	no := 1
	for l := range lines(data[start:]) {
		t := l.text
		switch {
		case len(bytes.TrimLeft(t, " ")) == 0 || t[0] == '#':
		case t[0] == ' ' || t[0] == '-' && (len(t) == 1 || t[1] == ' '):
			if len(out) == 0 {
				return nil, false
			}
		default:
			key, rest, ok := plainKey(t)
			if !ok {
				return nil, false
			}
			at := start + l.start
			if len(out) > 0 {
				out[len(out)-1].end = at
			}
			out = append(out, section{key: key, line: no, start: at, inline: len(bytes.TrimLeft(rest, " ")) > 0})
		}
		no++
	}
	// The comments before the first key are read by no piece: the parser
	// refuses controls there as anywhere.
	if len(out) == 0 || !printable(data[start:out[0].start]) {
		return nil, false
	}
	out[len(out)-1].end = len(data)
	return out, true
}

// plainKey reads "key:" or "key: rest" where key is a plain word.
func plainKey(l []byte) (string, []byte, bool) {
	if c := l[0]; c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
		for i := 1; i < len(l); i++ {
			switch c := l[i]; {
			case isKeyStart(c):
			case c == ':' && (i+1 == len(l) || l[i+1] == ' '):
				return string(l[:i]), l[i+1:], true
			default:
				return "", nil, false
			}
		}
	}
	return "", nil, false
}

// plainBreaks reports whether lines end only in "\n" or "\r\n": the parser
// also breaks lines at a lone "\r" and at U+0085, U+2028 and U+2029, which
// would put the pieces' line numbers out.
func plainBreaks(data []byte) bool {
	for i := bytes.IndexByte(data, '\r'); i >= 0; {
		if i+1 == len(data) || data[i+1] != '\n' {
			return false
		}
		j := bytes.IndexByte(data[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return !bytes.Contains(data, []byte("\u0085")) && !bytes.Contains(data, []byte("\u2028")) && !bytes.Contains(data, []byte("\u2029"))
}

type line struct {
	text  []byte // without its line break
	start int    // offset in the data
}

// lines yields the lines of data.
func lines(data []byte) func(yield func(line) bool) {
	return func(yield func(line) bool) {
		for start := 0; start < len(data); {
			end, next := len(data), len(data)
			if i := bytes.IndexByte(data[start:], '\n'); i >= 0 {
				end, next = start+i, start+i+1
			}
			if !yield(line{text: bytes.TrimSuffix(data[start:end], []byte("\r")), start: start}) {
				return
			}
			start = next
		}
	}
}

// parsePiece parses one piece of a file, which must be one document; ok is
// false on any error.
func parsePiece(b []byte) (*yaml.Node, bool) {
	if _, over := tooManyNodes(b); over {
		return nil, false
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var doc, more yaml.Node
	if err := dec.Decode(&doc); err != nil || len(doc.Content) == 0 || dec.Decode(&more) != io.EOF {
		return nil, false
	}
	return doc.Content[0], true
}

// MaxYAMLNodes bounds the nodes the parser builds for one tree: each takes
// about 200 bytes, so that a file of nothing but "[{},{},…]" would need 200
// times its size. A department's file has hundreds of values, a ministry's
// 100 000 indicators about 500 000, read a few thousand at a time.
const MaxYAMLNodes = 1_000_000

// nodeMarks are the bytes of which a YAML value needs one for at most two
// nodes: a value ends at a line break or at one of the flow separators, and a
// collection starts at one.
var nodeMarks = func() (m [256]bool) {
	for _, c := range []byte(",[{:-?*|>\n") {
		m[c] = true
	}
	return m
}()

// tooManyNodes reports whether parsing b could build more than MaxYAMLNodes
// nodes, and if so the line (from 1) where the count passes the limit,
// without parsing it.
func tooManyNodes(b []byte) (line int, over bool) {
	marks := 0
	for _, c := range b {
		if nodeMarks[c] {
			marks++
		}
	}
	if 2*marks+2 <= MaxYAMLNodes {
		return 0, false
	}
	marks, line = 0, 1
	for _, c := range b {
		if nodeMarks[c] {
			if marks++; 2*marks+2 > MaxYAMLNodes {
				return line, true
			}
		}
		if c == '\n' {
			line++
		}
	}
	return line, true
}
