package workbook

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlScanner is a small pull tokenizer for the parts of a workbook that can be
// large (worksheets, shared strings). encoding/xml allocates for every token and
// reads a 100 000-row sheet several times slower; this scanner reuses its
// buffers. It reads well-formed XML as Excel and LibreOffice write it: names
// are reduced to their local part, text and attribute values are unescaped,
// CDATA is text, comments and processing instructions are skipped. A DOCTYPE
// is refused (errDoctype): no spreadsheet program writes one in a workbook, and
// its entity declarations are the stuff of "billion laughs" and of external
// entities. End tags must match their start tags, elements nest at most
// maxDepth deep, and nothing but white space, comments and processing
// instructions may follow the root element: Excel refuses such a part, and
// reading on would take what follows for more cells.
type xmlScanner struct {
	r *bufio.Reader

	// open holds the qualified names of the open elements, one after another;
	// ends[i] is where the i-th ends.
	open     []byte
	ends     []int
	rootDone bool // the root element has been closed

	kind      tokKind
	name      []byte // local name of a start or end tag
	selfClose bool   // a start tag written <x/>: no end tag follows
	attrs     []xmlAttr
	text      []byte // unescaped text
	err       error

	raw []byte // the current tag's bytes
}

type xmlAttr struct {
	name, value []byte
}

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

// maxToken bounds one tag or one text: Excel holds at most 32 767 characters in a cell.
const maxToken = 1 << 20

var errTooLong = errors.New("thẻ XML hoặc đoạn văn bản quá dài")

// maxDepth bounds the nesting of elements: a worksheet nests about ten deep.
const maxDepth = 256

// errDoctype is a DOCTYPE declaration, refused wherever it appears.
var errDoctype = errors.New("có khai báo DOCTYPE")

// errSyntax is a malformed document.
type errSyntax string

func (e errSyntax) Error() string { return "lỗi cú pháp XML: " + string(e) }

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 64<<10)}
}

// next reads the next token; it returns false at the end or on an error (in s.err).
func (s *xmlScanner) next() bool {
	if s.err != nil {
		return false
	}
	s.text = s.text[:0]
	for {
		c, err := s.r.ReadByte()
		if err != nil {
			s.fail(err)
			return false
		}
		if c != '<' {
			s.text = append(s.text, c)
			if err := s.readText(); err != nil {
				s.fail(err)
				return false
			}
			if len(s.ends) == 0 && len(bytes.TrimLeft(s.text, " \t\r\n\ufeff")) > 0 {
				s.fail(s.outsideRoot())
				return false
			}
			s.kind = tokText
			return true
		}
		ok, err := s.readMarkup()
		if err == nil && ok && s.kind != tokText {
			err = s.nest()
		}
		if err != nil {
			s.fail(err)
			return false
		}
		if ok {
			return true
		}
	}
}

// nest checks the current tag against the open elements and records it.
func (s *xmlScanner) nest() error {
	name := s.qname()
	if s.kind == tokEnd {
		n := len(s.ends)
		if n == 0 {
			return s.outsideRoot()
		}
		start := 0
		if n > 1 {
			start = s.ends[n-2]
		}
		if open := s.open[start:]; !bytes.Equal(open, name) {
			return errSyntax("thẻ đóng </" + string(name) + "> không khớp với thẻ mở <" + string(open) + ">")
		}
		s.open, s.ends = s.open[:start], s.ends[:n-1]
		s.rootDone = n == 1
		return nil
	}
	if len(s.ends) == 0 && s.rootDone {
		return s.outsideRoot()
	}
	if s.selfClose {
		s.rootDone = s.rootDone || len(s.ends) == 0
		return nil
	}
	if len(s.ends) == maxDepth {
		return errSyntax("các phần tử lồng nhau quá sâu")
	}
	s.open = append(s.open, name...)
	s.ends = append(s.ends, len(s.open))
	return nil
}

// qname is the qualified name of the current tag, prefix included.
func (s *xmlScanner) qname() []byte {
	raw := bytes.TrimPrefix(s.raw, []byte("/"))
	i := 0
	for i < len(raw) && !isSpace(raw[i]) && raw[i] != '/' {
		i++
	}
	return raw[:i]
}

func (s *xmlScanner) outsideRoot() error {
	if s.rootDone {
		return errSyntax("có nội dung thừa sau phần tử gốc")
	}
	return errSyntax("có nội dung ngoài phần tử gốc")
}

func (s *xmlScanner) fail(err error) {
	if err == io.EOF {
		switch {
		case len(s.ends) > 0:
			err = io.ErrUnexpectedEOF // elements left open: the part was cut short
		case !s.rootDone:
			err = errSyntax("không có phần tử gốc")
		default:
			s.kind = tokEOF
		}
	}
	s.err = err
}

// readText reads text up to the next '<' and unescapes it.
func (s *xmlScanner) readText() error {
	for {
		chunk, err := s.r.ReadSlice('<')
		if len(s.text)+len(chunk) > maxToken {
			return errTooLong
		}
		switch err {
		case nil:
			s.text = append(s.text, chunk[:len(chunk)-1]...)
			_ = s.r.UnreadByte()
			return s.unescapeText()
		case bufio.ErrBufferFull:
			s.text = append(s.text, chunk...)
		case io.EOF:
			s.text = append(s.text, chunk...)
			return s.unescapeText() // trailing text; EOF comes with the next call
		default:
			return err
		}
	}
}

func (s *xmlScanner) unescapeText() error {
	if bytes.IndexByte(s.text, '&') < 0 {
		return nil
	}
	out, err := unescape(s.text[:0:0], s.text)
	s.text = out
	return err
}

// readMarkup reads what follows a '<'. It returns true for a tag or CDATA text,
// false for markup that is skipped.
func (s *xmlScanner) readMarkup() (bool, error) {
	c, err := s.r.ReadByte()
	if err != nil {
		return false, unexpected(err)
	}
	switch c {
	case '?':
		return false, s.skipUntil("?>")
	case '!':
		return s.readBang()
	}
	s.raw = append(s.raw[:0], c)
	quote := byte(0)
	if c == '"' || c == '\'' {
		quote = c
	}
	for {
		chunk, err := s.r.ReadSlice('>')
		if err != nil && err != bufio.ErrBufferFull {
			return false, unexpected(err)
		}
		for _, b := range chunk {
			switch {
			case quote != 0:
				if b == quote {
					quote = 0
				}
			case b == '"' || b == '\'':
				quote = b
			case b == '<':
				return false, errSyntax("dấu < trong thẻ")
			}
		}
		s.raw = append(s.raw, chunk...)
		if len(s.raw) > maxToken {
			return false, errTooLong
		}
		if err == nil && quote == 0 {
			s.raw = s.raw[:len(s.raw)-1] // the closing '>'
			return true, s.parseTag()
		}
	}
}

// readBang handles <!-- --> and <![CDATA[ ]]>; anything else after "<!" is a
// DOCTYPE (or a declaration only a DTD may hold), refused.
func (s *xmlScanner) readBang() (bool, error) {
	head, err := s.r.Peek(2)
	if err == nil && string(head) == "--" {
		_, _ = s.r.Discard(2)
		return false, s.skipUntil("-->")
	}
	head, err = s.r.Peek(7)
	if err == nil && string(head) == "[CDATA[" {
		_, _ = s.r.Discard(7)
		s.raw = s.raw[:0]
		if err := s.readUntil("]]>", &s.raw); err != nil {
			return false, err
		}
		s.text = append(s.text[:0], s.raw...)
		s.kind = tokText
		return true, nil
	}
	return false, errDoctype
}

func (s *xmlScanner) skipUntil(end string) error {
	s.raw = s.raw[:0]
	return s.readUntil(end, nil)
}

// readUntil reads up to and past end, keeping what comes before it in *keep when not nil.
func (s *xmlScanner) readUntil(end string, keep *[]byte) error {
	var window [3]byte // the last bytes read; end is at most 3 bytes long
	for n := 1; ; n++ {
		c, err := s.r.ReadByte()
		if err != nil {
			return unexpected(err)
		}
		if n > maxToken {
			return errTooLong
		}
		if keep != nil {
			*keep = append(*keep, c)
		}
		window[0], window[1], window[2] = window[1], window[2], c
		if n >= len(end) && string(window[3-len(end):]) == end {
			if keep != nil {
				*keep = (*keep)[:len(*keep)-len(end)]
			}
			return nil
		}
	}
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// parseTag splits s.raw (the tag without its angle brackets) into name and attributes.
func (s *xmlScanner) parseTag() error {
	raw := s.raw
	s.kind, s.selfClose, s.attrs = tokStart, false, s.attrs[:0]
	if len(raw) > 0 && raw[0] == '/' {
		s.kind, raw = tokEnd, raw[1:]
	}
	if n := len(raw); n > 0 && raw[n-1] == '/' {
		s.selfClose, raw = true, raw[:n-1]
	}
	i := 0
	for i < len(raw) && !isSpace(raw[i]) {
		i++
	}
	if i == 0 {
		return errSyntax("thẻ không có tên")
	}
	s.name = localName(raw[:i])
	for {
		for i < len(raw) && isSpace(raw[i]) {
			i++
		}
		if i == len(raw) {
			return nil
		}
		start := i
		for i < len(raw) && raw[i] != '=' && !isSpace(raw[i]) {
			i++
		}
		name := raw[start:i]
		for i < len(raw) && isSpace(raw[i]) {
			i++
		}
		if i == len(raw) || raw[i] != '=' {
			return errSyntax("thuộc tính «" + string(name) + "» không có giá trị")
		}
		i++
		for i < len(raw) && isSpace(raw[i]) {
			i++
		}
		if i == len(raw) || (raw[i] != '"' && raw[i] != '\'') {
			return errSyntax("giá trị thuộc tính không có dấu ngoặc kép")
		}
		q := raw[i]
		end := bytes.IndexByte(raw[i+1:], q)
		if end < 0 {
			return errSyntax("giá trị thuộc tính không đóng ngoặc")
		}
		value := raw[i+1 : i+1+end]
		i += end + 2
		if bytes.IndexByte(value, '&') >= 0 {
			v, err := unescape(nil, value)
			if err != nil {
				return err
			}
			value = v
		}
		s.attrs = append(s.attrs, xmlAttr{name: localName(name), value: value})
	}
}

// attr returns the value of the attribute with this local name.
func (s *xmlScanner) attr(name string) ([]byte, bool) {
	for _, a := range s.attrs {
		if string(a.name) == name {
			return a.value, true
		}
	}
	return nil, false
}

// is reports whether the current token is a start (or end) tag with this local name.
func (s *xmlScanner) is(kind tokKind, name string) bool {
	return s.kind == kind && string(s.name) == name
}

func localName(b []byte) []byte {
	if i := bytes.LastIndexByte(b, ':'); i >= 0 {
		return b[i+1:]
	}
	return b
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// unescape appends src to dst with the five XML entities and character references replaced.
func unescape(dst, src []byte) ([]byte, error) {
	for len(src) > 0 {
		amp := bytes.IndexByte(src, '&')
		if amp < 0 {
			return append(dst, src...), nil
		}
		dst = append(dst, src[:amp]...)
		src = src[amp+1:]
		semi := bytes.IndexByte(src, ';')
		if semi < 0 || semi > 10 {
			return dst, errSyntax("ký tự & không mở đầu một thực thể")
		}
		ent := string(src[:semi])
		src = src[semi+1:]
		switch ent {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			r, ok := charRef(ent)
			if !ok {
				return dst, errSyntax("thực thể &" + ent + "; không hợp lệ")
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst, nil
}

// charRef reads "#65" or "#x41".
func charRef(ent string) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	base, digits := 10, ent[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || n > utf8.MaxRune || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}
