// Package docxtest builds small but complete .docx files for tests.
package docxtest

import (
	"archive/zip"
	"bytes"
	"strconv"
	"strings"

	"github.com/baocao/baocao/report/docxpkg"
)

// NS declares the namespaces used in the test parts.
const NS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// Files describes a test document.
type Files struct {
	Body     string // inner XML of w:body, without the final w:sectPr
	Header   string // inner XML of w:hdr; no header part when empty
	Footer   string // inner XML of w:ftr; no footer part when empty
	Document string // when set, the whole word/document.xml, used instead of Body
	// Inner XML of w:footnotes, w:endnotes and w:comments: the w:footnote,
	// w:endnote and w:comment elements. No such part when empty.
	Footnotes, Endnotes, Comments string
	Extra                         [][2]string // more {name, content} entries, added last
}

// Footnote returns a w:footnote (or, with kind "endnote", a w:endnote)
// element with the given id holding paragraphs.
func Footnote(kind string, id int, paras ...string) string {
	return `<w:` + kind + ` w:id="` + strconv.Itoa(id) + `">` + strings.Join(paras, "") + `</w:` + kind + `>`
}

// Build returns the bytes of a .docx made of f: [Content_Types].xml,
// _rels/.rels, word/document.xml, word/_rels/document.xml.rels and, when
// given, word/header1.xml and word/footer1.xml referenced from the section,
// word/footnotes.xml, word/endnotes.xml, word/comments.xml and the extra
// entries.
func Build(f Files) []byte {
	types := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`
	rels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
	var sect strings.Builder
	parts := [][2]string{}
	if f.Header != "" {
		types += `<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`
		rels += `<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>`
		sect.WriteString(`<w:headerReference w:type="default" r:id="rIdH1"/>`)
		parts = append(parts, [2]string{"word/header1.xml", xmlDecl + `<w:hdr ` + NS + `>` + f.Header + `</w:hdr>`})
	}
	if f.Footer != "" {
		types += `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`
		rels += `<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>`
		sect.WriteString(`<w:footerReference w:type="default" r:id="rIdF1"/>`)
		parts = append(parts, [2]string{"word/footer1.xml", xmlDecl + `<w:ftr ` + NS + `>` + f.Footer + `</w:ftr>`})
	}
	for _, n := range []struct{ name, inner string }{
		{"footnotes", f.Footnotes}, {"endnotes", f.Endnotes}, {"comments", f.Comments},
	} {
		if n.inner == "" {
			continue
		}
		types += `<Override PartName="/word/` + n.name + `.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.` + n.name + `+xml"/>`
		rels += `<Relationship Id="rId` + n.name + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/` + n.name + `" Target="` + n.name + `.xml"/>`
		parts = append(parts, [2]string{"word/" + n.name + ".xml", xmlDecl + `<w:` + n.name + ` ` + NS + `>` + n.inner + `</w:` + n.name + `>`})
	}
	types += `</Types>`
	rels += `</Relationships>`
	doc := f.Document
	if doc == "" {
		doc = xmlDecl + `<w:document ` + NS + `><w:body>` + f.Body +
			`<w:sectPr>` + sect.String() + `<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
	}
	all := append([][2]string{
		{"[Content_Types].xml", types},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`</Relationships>`},
		{docxpkg.DocumentPart, doc},
		{"word/_rels/document.xml.rels", rels},
	}, parts...)
	return Zip(append(all, f.Extra...)...)
}

const xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// Zip returns a zip archive of the given {name, content} entries, deflated.
// The content of a folder entry (a name ending in "/") is left out.
func Zip(entries ...[2]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e[0], Method: zip.Deflate})
		if err != nil {
			panic(err) // writing to memory cannot fail
		}
		if strings.HasSuffix(e[0], "/") {
			continue
		}
		if _, err := w.Write([]byte(e[1])); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// P returns a paragraph with one run holding text (XML-escaped here).
func P(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + Esc(text) + `</w:t></w:r></w:p>`
}

// Esc escapes text as XML character data.
func Esc(text string) string {
	var b strings.Builder
	docxpkg.EscapeText(&b, text)
	return b.String()
}

// Table returns a table whose cells hold the given inner XML, one slice per row.
func Table(rows ...[]string) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>`)
	for _, row := range rows {
		b.WriteString(`<w:tr>`)
		for _, cell := range row {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>` + cell + `</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}
