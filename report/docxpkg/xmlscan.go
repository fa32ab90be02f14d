package docxpkg

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Kind is the kind of an XML token.
type Kind uint8

// Token kinds.
const (
	CharData Kind = iota + 1 // text between tags (still XML-escaped)
	StartTag                 // <name …>
	EndTag                   // </name>
	EmptyTag                 // <name …/>
	Markup                   // comment, processing instruction or CDATA section
)

// Token is one piece of a part's XML, located by byte offsets into the input.
type Token struct {
	Kind       Kind
	Start, End int    // the token is input[Start:End]
	Name       string // qualified element name for StartTag, EndTag and EmptyTag
	// Begin is, for an EndTag, the offset of the matching start tag.
	Begin int
}

// Element is an element whose start tag has been read but not its end tag.
type Element struct {
	Name       string
	Start, End int // offsets of its start tag
}

// SyntaxError reports malformed XML.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("XML không hợp lệ tại vị trí %d: %s", e.Offset, e.Msg)
}

// Tokenizer splits XML into tokens with string indices only. Unlike
// encoding/xml it never rewrites anything, so the bytes between tokens can
// be copied back verbatim (namespace prefixes included). It checks that end
// tags match their start tags; it does not validate names or attributes
// beyond what is needed to find where a tag ends. A document type
// declaration is an error.
type Tokenizer struct {
	s    string
	pos  int
	open []Element
	// partial: s is not the whole input (see XMLCheck); a token it cuts
	// off, or any token that fails, stops the scan at its start instead.
	partial bool
}

// errIncomplete stops a partial scan at the start of the token in question.
var errIncomplete = errors.New("incomplete token")

// NewTokenizer returns a tokenizer over xml.
func NewTokenizer(xml string) *Tokenizer { return &Tokenizer{s: xml} }

// Open returns the elements currently open, outermost first. The slice is
// owned by the tokenizer and changes on the next call to Next.
func (t *Tokenizer) Open() []Element { return t.open }

func (t *Tokenizer) fail(off int, format string, args ...any) (Token, error) {
	if t.partial {
		return Token{}, errIncomplete
	}
	t.pos = len(t.s)
	t.open = nil
	return Token{}, &SyntaxError{Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// Next returns the next token, io.EOF at the end of a well-formed input, or
// a *SyntaxError.
func (t *Tokenizer) Next() (Token, error) {
	s, start := t.s, t.pos
	if start >= len(s) {
		if n := len(t.open); n > 0 && !t.partial {
			e := t.open[n-1]
			return t.fail(e.Start, "thẻ <%s> chưa được đóng", e.Name)
		}
		return Token{}, io.EOF
	}
	if s[start] != '<' {
		end := strings.IndexByte(s[start:], '<')
		if end < 0 && t.partial {
			return Token{}, errIncomplete // text is given whole to Visit
		}
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		t.pos = end
		return Token{Kind: CharData, Start: start, End: end}, nil
	}
	rest := s[start:]
	var closer string
	switch {
	case strings.HasPrefix(rest, "<!--"):
		closer = "-->"
	case strings.HasPrefix(rest, "<![CDATA["):
		closer = "]]>"
	case strings.HasPrefix(rest, "<?"):
		closer = "?>"
	case strings.HasPrefix(rest, "<!"):
		// A DOCTYPE: Word never writes one, and its entities are a way to
		// make readers hang or read other files (see checkProlog).
		return t.fail(start, "có khai báo <!DOCTYPE …> (không được phép)")
	}
	if closer != "" {
		i := strings.Index(rest[2:], closer)
		if i < 0 {
			return t.fail(start, "thiếu «%s»", closer)
		}
		t.pos = start + 2 + i + len(closer)
		return Token{Kind: Markup, Start: start, End: t.pos}, nil
	}
	if strings.HasPrefix(rest, "</") {
		name, i := readName(s, start+2)
		for i < len(s) && IsSpace(s[i]) {
			i++
		}
		if name == "" || i >= len(s) || s[i] != '>' {
			return t.fail(start, "thẻ đóng viết sai")
		}
		n := len(t.open)
		if n == 0 || t.open[n-1].Name != name {
			return t.fail(start, "thẻ đóng </%s> không khớp thẻ mở", name)
		}
		begin := t.open[n-1].Start
		t.open = t.open[:n-1]
		t.pos = i + 1
		return Token{Kind: EndTag, Start: start, End: t.pos, Name: name, Begin: begin}, nil
	}
	name, i := readName(s, start+1)
	if name == "" {
		return t.fail(start, "dấu «<» không mở thẻ nào")
	}
	for i < len(s) {
		switch c := s[i]; c {
		case '"', '\'':
			j := strings.IndexByte(s[i+1:], c)
			if j < 0 {
				return t.fail(i, "giá trị thuộc tính chưa đóng ngoặc")
			}
			i += j + 2
		case '<':
			return t.fail(i, "dấu «<» nằm trong thẻ <%s>", name)
		case '>':
			t.pos = i + 1
			if s[i-1] == '/' {
				return Token{Kind: EmptyTag, Start: start, End: t.pos, Name: name}, nil
			}
			t.open = append(t.open, Element{Name: name, Start: start, End: t.pos})
			return Token{Kind: StartTag, Start: start, End: t.pos, Name: name}, nil
		default:
			i++
		}
	}
	return t.fail(start, "thẻ <%s> chưa có dấu «>»", name)
}

func readName(s string, i int) (string, int) {
	j := i
	for j < len(s) && !IsSpace(s[j]) && s[j] != '>' && s[j] != '/' && s[j] != '<' && s[j] != '=' {
		j++
	}
	return s[i:j], j
}

// IsSpace reports XML white space.
func IsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// Namespace URIs of WordprocessingML (transitional and strict).
const (
	nsMain       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMainStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

// WordPrefix returns the prefix, colon included, that the part's root element
// binds to the WordprocessingML namespace: "w:" for everything Word writes,
// "" if that namespace is the default one. It falls back to "w:".
func WordPrefix(partXML string) string {
	tk := NewTokenizer(partXML)
	for {
		tok, err := tk.Next()
		if err != nil {
			return "w:"
		}
		if tok.Kind != StartTag && tok.Kind != EmptyTag {
			continue
		}
		tag := partXML[tok.Start:tok.End]
		for i := 0; ; {
			j := strings.Index(tag[i:], "xmlns")
			if j < 0 {
				return "w:"
			}
			i += j + len("xmlns")
			prefix := ""
			if i < len(tag) && tag[i] == ':' {
				k := i + 1
				for k < len(tag) && tag[k] != '=' && !IsSpace(tag[k]) {
					k++
				}
				prefix = tag[i+1:k] + ":"
				i = k
			}
			for i < len(tag) && (IsSpace(tag[i]) || tag[i] == '=') {
				i++
			}
			if i >= len(tag) || (tag[i] != '"' && tag[i] != '\'') {
				continue
			}
			end := strings.IndexByte(tag[i+1:], tag[i])
			if end < 0 {
				return "w:"
			}
			uri := tag[i+1 : i+1+end]
			i += end + 2
			if uri == nsMain || uri == nsMainStrict {
				return prefix
			}
		}
	}
}

// Unescape decodes the character and entity references of XML character
// data. A malformed reference is kept literally.
func Unescape(raw string) string {
	amp := strings.IndexByte(raw, '&')
	if amp < 0 {
		return raw
	}
	var b strings.Builder
	b.Grow(len(raw))
	for amp >= 0 {
		b.WriteString(raw[:amp])
		raw = raw[amp:]
		semi := strings.IndexByte(raw, ';')
		if r, ok := entity(raw, semi); ok {
			b.WriteString(r)
			raw = raw[semi+1:]
		} else {
			b.WriteByte('&')
			raw = raw[1:]
		}
		amp = strings.IndexByte(raw, '&')
	}
	b.WriteString(raw)
	return b.String()
}

// entity decodes the reference raw[:semi+1], which starts with '&'.
func entity(raw string, semi int) (string, bool) {
	if semi < 2 || semi > 12 {
		return "", false
	}
	name := raw[1:semi]
	switch name {
	case "amp":
		return "&", true
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "quot":
		return `"`, true
	case "apos":
		return "'", true
	}
	if name[0] != '#' {
		return "", false
	}
	var n uint64
	var err error
	if len(name) > 1 && (name[1] == 'x' || name[1] == 'X') {
		n, err = strconv.ParseUint(name[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(name[1:], 10, 32)
	}
	if err != nil || n > utf8.MaxRune || !utf8.ValidRune(rune(n)) {
		return "", false
	}
	return string(rune(n)), true
}

// EscapeText appends s to b escaped as XML character data.
func EscapeText(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}
