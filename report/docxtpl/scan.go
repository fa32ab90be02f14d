package docxtpl

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/report/docxpkg"
)

// part is one template part (document, header or footer) as scanned.
type part struct {
	index   int    // position in the package's TemplateParts
	name    string // e.g. "word/document.xml"
	xml     string
	w       string // WordprocessingML element prefix, "w:" in practice
	paras   []*para
	holders map[int]*box // elements that must hold a paragraph (table cells, text boxes, headers, footers, notes), by offset of their start tag
	tables  map[int]*box // tables by offset of their start tag
	rows    []*row       // table rows in document order
	hidden  []hiddenTag  // tags where no text is filled in
}

// hiddenTag is a tag in a place of a rendered part that is not text: a field
// code, an image's description, a bookmark's name. It would reach the report
// as typed.
type hiddenTag struct {
	para  *para  // the paragraph it is in; nil between paragraphs
	where string // "mã trường", "mô tả ảnh", …
	text  string // the field code or attribute value
}

// para is a w:p element.
type para struct {
	n          int // 1-based, in order of start tags
	start, end int // the whole element
	openEnd    int // end of its start tag
	parent     int // offset of the parent element's start tag, the container
	parentName string
	outer      *para // enclosing paragraph (this one is in a text box)
	row        *row  // the table row whose cell holds it directly
	nested     bool  // holds another paragraph
	sectPr     bool  // carries a section break; never removed
	texts      []*wtext
	dels       []*revision // tracked deletions among its runs
	text       string      // concatenated text of texts
	tags       []*tag
	standalone bool // holds only control tags; removed and replaced by them
}

// wtext is a w:t element of a run of the paragraph.
type wtext struct {
	tagStart, tagEnd int // its start tag
	cStart, cEnd     int // its content
	off              int // where its text starts in para.text
	text             string
	path             string // element names from the paragraph down to it
	complex          bool   // content has markup (comments, CDATA): not used
}

// revision is a tracked deletion (w:del, w:moveFrom) among the runs of a
// paragraph. Its text is not part of the paragraph's; inside a tag it is
// dropped from the output (see part.source), elsewhere kept as it is.
type revision struct {
	start, end int
	before     int  // how many of the paragraph's texts come before it
	off        int  // where it sits in para.text
	nested     bool // holds a paragraph (a text box): never dropped
	tag        bool // its deleted text has a tag, "{{": dropped wherever it is
}

// deletedTags reports whether a paragraph of the part has a tracked deletion
// of a tag, which is dropped from the output even where there is no tag.
func (pt *part) deletedTags() bool {
	return slices.ContainsFunc(pt.paras, func(p *para) bool {
		return slices.ContainsFunc(p.dels, func(d *revision) bool { return d.tag })
	})
}

// box is an element that must not be left empty: one that must hold a
// paragraph, or a table.
type box struct {
	start, openEnd, closeStart, end int
	guard                           bool // may lose all its content (see part.source)
}

// row is a w:tr element.
type row struct {
	start, end int
	table      int     // offset of its table's start tag
	paras      []*para // paragraphs directly in its cells
	all        int     // paragraphs anywhere inside it
	tags       bool    // holds only control tags: replaced by them
}

// scanPart finds the paragraphs, their w:t texts, tables, rows, and the
// elements that must hold a paragraph.
func scanPart(index int, name, xml string) (*part, error) {
	pt := &part{index: index, name: name, xml: xml, w: docxpkg.WordPrefix(xml), holders: map[int]*box{}, tables: map[int]*box{}}
	rows := map[int]*row{}
	w := pt.w
	var (
		stack []*para   // open paragraphs
		cur   *wtext    // open w:t of a run
		del   *revision // open tracked deletion of the innermost paragraph
		delP  *para     // its paragraph
	)
	tk := docxpkg.NewTokenizer(xml)
	for {
		tok, err := tk.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if tok.Kind != docxpkg.CharData && tok.End-tok.Start > docxpkg.MaxMarkup {
			// The output holds it as it is: its check, piece by piece, could not read it.
			return nil, &docxpkg.SyntaxError{Offset: tok.Start, Msg: fmt.Sprintf("một thẻ hay chú thích XML dài quá %d MiB", docxpkg.MaxMarkup>>20)}
		}
		open := tk.Open()
		// The name within Word's namespace, compared below: building w+"p"
		// and the others for every element took half the scan.
		local, inW := strings.CutPrefix(tok.Name, w)
		if !inW {
			local = ""
		}
		switch tok.Kind {
		case docxpkg.StartTag, docxpkg.EmptyTag:
			if cur != nil {
				cur.complex = true
			}
			if raw := xml[tok.Start:tok.End]; strings.Contains(raw, "{{") || strings.Contains(raw, "&#") {
				pt.attributeTags(raw, tok.Name, stack)
			}
			switch local {
			case "p":
				p := &para{n: len(pt.paras) + 1, start: tok.Start, openEnd: tok.End, parent: -1}
				depth := len(open) - 1 // the paragraph's own index in open
				if tok.Kind == docxpkg.EmptyTag {
					depth = len(open)
					p.end = tok.End
				}
				if depth > 0 {
					p.parent, p.parentName = open[depth-1].Start, open[depth-1].Name
				}
				if len(stack) > 0 {
					p.outer = stack[len(stack)-1]
					p.outer.nested = true
				}
				if del != nil {
					del.nested = true
				}
				for i, e := range open[:depth] {
					if r := rows[e.Start]; r != nil && e.Name == w+"tr" {
						r.all++
						if i == depth-2 && open[depth-1].Name == w+"tc" {
							r.paras = append(r.paras, p)
							p.row = r
						}
					}
				}
				pt.paras = append(pt.paras, p)
				if tok.Kind == docxpkg.StartTag {
					stack = append(stack, p)
				}
			case "del", "moveFrom":
				if tok.Kind == docxpkg.StartTag && del == nil && len(stack) > 0 && !strings.HasSuffix(open[len(open)-2].Name, "Pr") {
					delP = stack[len(stack)-1]
					del = &revision{start: tok.Start, before: len(delP.texts)}
				}
			case "t":
				if tok.Kind == docxpkg.StartTag && del == nil && len(stack) > 0 && len(open) >= 2 && open[len(open)-2].Name == w+"r" {
					cur = &wtext{tagStart: tok.Start, tagEnd: tok.End, cStart: tok.End, path: elementPath(open, stack[len(stack)-1].start)}
				}
			case "tc", "txbxContent", "hdr", "ftr", "footnote", "endnote", "tbl":
				if tok.Kind == docxpkg.StartTag {
					b := &box{start: tok.Start, openEnd: tok.End}
					if tok.Name == w+"tbl" {
						pt.tables[tok.Start] = b
					} else {
						pt.holders[tok.Start] = b
					}
				}
			case "tr":
				if tok.Kind == docxpkg.StartTag {
					r := &row{start: tok.Start, table: -1}
					if len(open) >= 2 {
						r.table = open[len(open)-2].Start
					}
					rows[tok.Start] = r
					pt.rows = append(pt.rows, r)
				}
			case "sectPr":
				if len(stack) > 0 {
					stack[len(stack)-1].sectPr = true
				}
			}
		case docxpkg.Markup:
			if cur != nil {
				cur.complex = true
			}
		case docxpkg.EndTag:
			if !inW && strings.HasSuffix(tok.Name, ":t") { // m:t of an equation, a:t of a drawing: never filled
				if text := charData(xml[tok.Begin:tok.End]); strings.Contains(text, "{{") {
					pt.hide(stack, foreignTextPlace(tok.Name), text)
				}
			}
			switch local {
			case "instrText":
				if code := charData(xml[tok.Begin:tok.End]); strings.Contains(code, "{{") {
					pt.hide(stack, "mã trường", code)
				}
			case "t":
				if cur != nil {
					cur.cEnd = tok.Start
					if !cur.complex && len(stack) > 0 {
						p := stack[len(stack)-1]
						cur.text = docxpkg.Unescape(xml[cur.cStart:cur.cEnd])
						p.texts = append(p.texts, cur)
					}
					cur = nil
				}
			case "p":
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				p.end = tok.End
			case "tc", "txbxContent", "hdr", "ftr", "footnote", "endnote", "tbl":
				b := pt.holders[tok.Begin]
				if tok.Name == w+"tbl" {
					b = pt.tables[tok.Begin]
				}
				b.closeStart, b.end = tok.Start, tok.End
			case "tr":
				rows[tok.Begin].end = tok.End
			case "del", "moveFrom":
				if del != nil && tok.Begin == del.start {
					del.end = tok.End
					del.tag = strings.Contains(charData(xml[del.start:del.end]), "{{")
					delP.dels = append(delP.dels, del)
					del = nil
				}
			}
		}
	}
	for _, p := range pt.paras {
		var b strings.Builder
		for _, t := range p.texts {
			t.off = b.Len()
			b.WriteString(t.text)
		}
		p.text = b.String()
		for _, d := range p.dels {
			d.off = len(p.text)
			if d.before < len(p.texts) {
				d.off = p.texts[d.before].off
			}
		}
	}
	return pt, nil
}

// hide records a tag in a place that is not filled in, in the innermost
// open paragraph.
func (pt *part) hide(stack []*para, where, text string) {
	h := hiddenTag{where: where, text: text}
	if len(stack) > 0 {
		h.para = stack[len(stack)-1]
	}
	pt.hidden = append(pt.hidden, h)
}

// attribute matches an attribute of a start tag: its name and quoted value.
var attribute = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`([^\s=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
})

// attributeTags records the tags in the attribute values of a start tag:
// no attribute is filled in.
func (pt *part) attributeTags(raw, element string, stack []*para) {
	for _, m := range attribute().FindAllStringSubmatch(raw, -1) {
		value := docxpkg.Unescape(m[2] + m[3])
		if !strings.Contains(value, "{{") {
			continue
		}
		pt.hide(stack, attributePlace(element, m[1]), value)
	}
}

// attributePlace names, for a message, the attribute name of element.
func attributePlace(element, name string) string {
	_, el, _ := strings.Cut(element, ":")
	if el == "" {
		el = element
	}
	_, attr, _ := strings.Cut(name, ":")
	if attr == "" {
		attr = name
	}
	switch {
	case el == "fldSimple" && attr == "instr":
		return "mã trường"
	case (el == "docPr" || el == "cNvPr") && (attr == "descr" || attr == "title"):
		return "mô tả ảnh"
	case el == "docPr" || el == "cNvPr":
		return "tên ảnh"
	case el == "bookmarkStart" && attr == "name":
		return "tên dấu trang"
	}
	return "thuộc tính " + name + " của phần tử " + element
}

// foreignTextPlace names, for a message, a text element outside Word's
// namespace: Office writes equations as m:t (Office Math), drawings as a:t.
func foreignTextPlace(element string) string {
	if element == "m:t" {
		return "phương trình"
	}
	return "chữ của hình vẽ (" + element + ")"
}

// elementPath names the open elements below the paragraph starting at
// paraStart, e.g. "w:r/w:t" or "w:hyperlink/w:r/w:t".
func elementPath(open []docxpkg.Element, paraStart int) string {
	var b strings.Builder
	below := false
	for _, e := range open {
		if below {
			if b.Len() > 0 {
				b.WriteByte('/')
			}
			b.WriteString(e.Name)
		}
		if e.Start == paraStart {
			below = true
		}
	}
	return b.String()
}

// span is a tag found in a paragraph's text: text[start:end].
type span struct{ start, end int }

// findTags finds the {{…}} tags of a paragraph's text. A tag ends at the
// first "}}" that is not inside a quoted string or a comment; Word's curly
// quotes count as quotes. It returns the offset of a "{{" that has no "}}"
// in the paragraph, or -1.
func findTags(text string) ([]span, int) {
	var spans []span
	// Past the last "*/" no comment can close: knowing it keeps the search
	// linear when many tags open a comment that never closes.
	lastClose := strings.LastIndex(text, "*/")
	for i := 0; ; {
		k := strings.Index(text[i:], "{{")
		if k < 0 {
			return spans, -1
		}
		s := i + k
		e, ok := actionEnd(text, s+2, lastClose)
		if !ok {
			// Unbalanced quotes: end at the first "}}" and let the
			// parser name the mistake.
			j := strings.Index(text[s+2:], "}}")
			if j < 0 {
				return spans, s
			}
			e = s + 2 + j + 2
		}
		spans = append(spans, span{s, e})
		i = e
	}
}

// actionEnd returns the offset just after the "}}" closing the action whose
// text starts at i; lastClose is the offset of the text's last "*/".
func actionEnd(text string, i, lastClose int) (int, bool) {
	j := i
	if strings.HasPrefix(text[j:], "-") {
		j++
	}
	for j < len(text) && isTagSpace(rune(text[j])) {
		j++
	}
	if strings.HasPrefix(text[j:], "/*") {
		if lastClose < j+2 {
			return 0, false
		}
		c := strings.Index(text[j+2:], "*/")
		if c < 0 {
			return 0, false
		}
		i = j + 2 + c + 2
	}
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch q := normalQuote(r); q {
		case '"', '\'', '`':
			end, ok := quoteEnd(text, i+size, q)
			if !ok {
				return 0, false
			}
			i = end
			continue
		case '}':
			if strings.HasPrefix(text[i+1:], "}") {
				return i + 2, true
			}
		}
		i += size
	}
	return 0, false
}

// quoteEnd returns the offset after the quote closing a literal opened with
// q, whose content starts at i.
func quoteEnd(text string, i int, q rune) (int, bool) {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\\' && q != '`' {
			i += size
			if i < len(text) {
				_, size = utf8.DecodeRuneInString(text[i:])
			} else {
				size = 0
			}
		} else if normalQuote(r) == q {
			return i + size, true
		}
		i += size
	}
	return 0, false
}

// normalQuote maps the quotes Word's autocorrect types to ASCII ones.
func normalQuote(r rune) rune {
	switch r {
	case '“', '”', '„', '‟', '″':
		return '"'
	case '‘', '’', '‚', '‛':
		return '\''
	}
	return r
}

// isTagSpace reports the spaces Word may put in a tag: ordinary and
// non-breaking ones.
func isTagSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2007':
		return true
	}
	return false
}

// normalizeTag turns a tag as typed in Word into template source: curly
// quotes become ASCII quotes and non-breaking spaces ordinary spaces.
func normalizeTag(s string) string {
	return strings.Map(func(r rune) rune {
		if isTagSpace(r) {
			if r == '\n' || r == '\r' || r == '\t' {
				return r
			}
			return ' '
		}
		return normalQuote(r)
	}, s)
}

// onlySpace reports whether s has nothing but white space.
func onlySpace(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) }) < 0
}
