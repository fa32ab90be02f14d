package docxpkg

import (
	"io"
	"strings"
)

// Paragraphs returns the text of every paragraph (w:p) of a part in document
// order, tables and text boxes included: the w:t texts of its runs joined,
// w:tab as "\t", w:br and w:cr as "\n". A paragraph nested in another (a text
// box) is listed after the one that holds it, and its text is not part of the
// outer paragraph's. Malformed XML yields the paragraphs read before the fault.
func Paragraphs(partXML string) []string {
	paras, _ := paragraphs(partXML)
	return paras
}

func paragraphs(partXML string) ([]string, error) {
	w := WordPrefix(partXML)
	var (
		texts []*strings.Builder
		stack []int // indices into texts of the open paragraphs
		inT   bool
	)
	tk := NewTokenizer(partXML)
	parentIs := func(name string, depth int) bool {
		open := tk.Open()
		return len(open) >= depth && open[len(open)-depth].Name == name
	}
	add := func(s string) {
		if len(stack) > 0 {
			texts[stack[len(stack)-1]].WriteString(s)
		}
	}
	for {
		tok, err := tk.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return collect(texts), err
		}
		switch tok.Kind {
		case StartTag:
			switch tok.Name {
			case w + "p":
				stack = append(stack, len(texts))
				texts = append(texts, new(strings.Builder))
			case w + "t":
				inT = parentIs(w+"r", 2)
			}
		case EmptyTag:
			switch tok.Name {
			case w + "p":
				texts = append(texts, new(strings.Builder))
			case w + "tab":
				if parentIs(w+"r", 1) {
					add("\t")
				}
			case w + "br", w + "cr":
				if parentIs(w+"r", 1) {
					add("\n")
				}
			}
		case CharData:
			if inT {
				add(Unescape(partXML[tok.Start:tok.End]))
			}
		case Markup:
			if inT && strings.HasPrefix(partXML[tok.Start:], "<![CDATA[") {
				add(partXML[tok.Start+len("<![CDATA[") : tok.End-len("]]>")])
			}
		case EndTag:
			switch tok.Name {
			case w + "p":
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			case w + "t":
				inT = false
			}
		}
	}
	return collect(texts), nil
}

func collect(texts []*strings.Builder) []string {
	out := make([]string, len(texts))
	for i := range texts {
		out[i] = texts[i].String()
	}
	return out
}

// Text returns the text of a .docx: the paragraphs of every template part
// (the main document first, then headers and footers) joined by "\n".
func Text(data []byte) (string, error) {
	p, err := Open(data)
	if err != nil {
		return "", err
	}
	var all []string
	for _, name := range p.TemplateParts() {
		paras, err := paragraphs(p.Part(name))
		if err != nil {
			return "", partError(name, err)
		}
		all = append(all, paras...)
	}
	return strings.Join(all, "\n"), nil
}
