package docxtpl

import (
	"io"
	"strings"

	"github.com/baocao/baocao/report/docxpkg"
)

// unrenderedMsg explains a tag in a part that is not filled in.
const unrenderedMsg = "thẻ {{…}} nằm ở phần không được điền; chỉ thân văn bản, đầu trang, chân trang và chú thích cuối trang, " +
	"cuối văn bản được điền: hãy chuyển thẻ sang đó hoặc xóa thẻ"

// hiddenTagErrors are the errors of the part's tags in places that are not
// filled in (see hiddenTag).
func (pt *part) hiddenTagErrors() ErrorList {
	var errs ErrorList
	for _, h := range pt.hidden {
		e := &Error{Part: pt.name, Fix: "đưa thẻ ra văn bản thường của đoạn, hoặc xóa thẻ khỏi " + h.where,
			Msg: "thẻ trong " + h.where + " không được điền: «" + excerpt(h.text, strings.Index(h.text, "{{")) + "»"}
		if h.para != nil {
			e.Paragraph, e.Text = h.para.n, excerpt(h.para.text, 0)
		}
		errs = append(errs, e)
	}
	return errs
}

// unrenderedTags finds tags in the XML parts that are not rendered
// (comments, document properties, …): they would reach the report as typed.
// Each paragraph holding one is an error; in a part without paragraphs, the
// part is.
func unrenderedTags(pkg *docxpkg.Package) ErrorList {
	var errs ErrorList
	for _, name := range pkg.OtherXMLParts() {
		xml, err := pkg.ReadPart(name)
		if err != nil {
			errs = append(errs, &Error{Part: name, Msg: err.Error()})
			continue
		}
		if !strings.ContainsAny(xml, "{&") { // no "{{", written plainly or as references
			continue
		}
		if pt, err := scanPart(-1, name, xml); err == nil && len(pt.paras) > 0 {
			for _, p := range pt.paras {
				if spans, unclosed := findTags(p.text); len(spans) > 0 || unclosed >= 0 {
					at := unclosed
					if len(spans) > 0 {
						at = spans[0].start
					}
					errs = append(errs, &Error{Part: name, Paragraph: p.n, Text: excerpt(p.text, at), Msg: unrenderedMsg})
				}
			}
			continue
		}
		if text := charData(xml); strings.Contains(text, "{{") {
			errs = append(errs, &Error{Part: name, Msg: "«" + excerpt(text, strings.Index(text, "{{")) + "»: " + unrenderedMsg})
		}
	}
	return errs
}

// charData is the text of an XML part, all elements together; the whole
// part unescaped if it is malformed.
func charData(xml string) string {
	var b strings.Builder
	tk := docxpkg.NewTokenizer(xml)
	for {
		tok, err := tk.Next()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			return docxpkg.Unescape(xml)
		}
		if tok.Kind == docxpkg.CharData {
			b.WriteString(docxpkg.Unescape(xml[tok.Start:tok.End]))
		}
	}
}
