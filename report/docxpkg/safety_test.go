package docxpkg_test

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
)

// withEntry is a valid .docx with one more entry.
func withEntry(name, content string) []byte {
	return docxtest.Build(docxtest.Files{Body: docxtest.P("x"), Extra: [][2]string{{name, content}}})
}

func TestOpenRefusesUnsafeNames(t *testing.T) {
	for name, why := range map[string]string{
		"../../etc/x":            "trỏ ra ngoài gói bằng «..»",
		"word/../../up.txt":      "trỏ ra ngoài gói bằng «..»",
		"/etc/passwd":            "đường dẫn tuyệt đối",
		"C:/Windows/x.dll":       "đường dẫn tuyệt đối",
		`word\..\..\x.xml`:       "có dấu «\\»",
		`word\media\image1.png`:  "có dấu «\\»",
		"word//x.xml":            "có thành phần «.» hoặc rỗng",
		"./word/x.xml":           "có thành phần «.» hoặc rỗng",
		"word/x\x00.xml":         "có ký tự điều khiển",
		"":                       "tên rỗng",
		"word/media/../../../..": "trỏ ra ngoài gói bằng «..»",
	} {
		_, err := docxpkg.Open(withEntry(name, "<x/>"))
		want := "không phải tệp .docx hợp lệ: phần có tên không an toàn " + strconv.Quote(name) + " (" + why + ")"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: Open error = %v, want %q", name, err, want)
		}
	}
	// A folder entry, as some zip tools write, is a proper name.
	mustOpen(t, withEntry("word/media/", ""))
}

func TestOpenRefusesDuplicateNames(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"word/document.xml", `có hai phần cùng tên "word/document.xml"`},
		{"WORD/Document.xml", `có hai phần cùng tên "word/document.xml" và "WORD/Document.xml"`},
	} {
		_, err := docxpkg.Open(withEntry(tt.name, "<w:document/>"))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Open error = %v, want %q", tt.name, err, tt.want)
		}
	}
}

const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
	`<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>`

func TestOpenRefusesDoctype(t *testing.T) {
	decl := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	utf16le := func(s string) string {
		var b bytes.Buffer
		b.WriteString("\xff\xfe")
		for _, u := range utf16.Encode([]rune(s)) {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
		return b.String()
	}
	for _, tt := range []struct{ name, content, want string }{
		{"word/styles.xml", decl + laughs + `<w:styles>&lol2;</w:styles>`, "phần word/styles.xml, dòng 2: có khai báo <!DOCTYPE …>"},
		{"docProps/core.xml", `<!-- a -->` + "\n" + `<!DOCTYPE x SYSTEM "file:///etc/passwd"><x>&x;</x>`, "phần docProps/core.xml, dòng 2: có khai báo <!DOCTYPE"},
		{"word/media/image1.svg", "\xef\xbb\xbf" + `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "http://example.org/">]><svg/>`, "phần word/media/image1.svg, dòng 1: có khai báo <!DOCTYPE"},
		{"customXml/item1.xml", utf16le(`<?xml version="1.0" encoding="utf-16"?>` + laughs + `<a/>`), "phần customXml/item1.xml, dòng 1: có khai báo <!DOCTYPE"},
	} {
		_, err := docxpkg.Open(withEntry(tt.name, tt.content))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Open error = %v, want %q", tt.name, err, tt.want)
		}
	}
	// In the main document, too.
	doc := `<?xml version="1.0"?>` + laughs + `<w:document ` + docxtest.NS + `><w:body>` + docxtest.P("&lol2;") + `</w:body></w:document>`
	_, err := docxpkg.Open(docxtest.Build(docxtest.Files{Document: doc}))
	if err == nil || !strings.Contains(err.Error(), "phần word/document.xml, dòng 1: có khai báo <!DOCTYPE") {
		t.Errorf("document: Open error = %v", err)
	}
	// Text that merely mentions one, a comment before the root, and binary
	// parts are fine.
	p := mustOpen(t, docxtest.Build(docxtest.Files{
		Document: `<?xml version="1.0"?><!-- <!DOCTYPE --><w:document ` + docxtest.NS + `><w:body>` + docxtest.P("<!DOCTYPE x>") + `</w:body></w:document>`,
		Extra:    [][2]string{{"word/media/a.png", "\x89PNG<!DOCTYPE"}},
	}))
	if got := docxpkg.Paragraphs(p.Part(docxpkg.DocumentPart)); !slices.Equal(got, []string{"<!DOCTYPE x>"}) {
		t.Fatalf("paragraphs = %q", got)
	}
}

func TestFootnotesAndOtherParts(t *testing.T) {
	data := docxtest.Build(docxtest.Files{
		Body:      docxtest.P("Thân"),
		Header:    docxtest.P("Đầu"),
		Footnotes: docxtest.Footnote("footnote", 1, docxtest.P("Chú thích")),
		Endnotes:  docxtest.Footnote("endnote", 1, docxtest.P("Cuối")),
		Comments:  `<w:comment w:id="0">` + docxtest.P("Bình luận") + `</w:comment>`,
		Extra:     [][2]string{{"word/media/a.png", "\x89PNG"}},
	})
	p := mustOpen(t, data)
	want := []string{"word/document.xml", "word/header1.xml", "word/footnotes.xml", "word/endnotes.xml"}
	if got := p.TemplateParts(); !slices.Equal(got, want) {
		t.Fatalf("TemplateParts = %q, want %q", got, want)
	}
	others := p.OtherXMLParts()
	want = []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/comments.xml"}
	if !slices.Equal(others, want) {
		t.Fatalf("OtherXMLParts = %q, want %q", others, want)
	}
	comments, err := p.ReadPart("word/comments.xml")
	if err != nil || !strings.Contains(comments, "Bình luận") {
		t.Fatalf("ReadPart = %q, %v", comments, err)
	}
	if _, err := p.ReadPart("word/none.xml"); err == nil {
		t.Fatal("ReadPart of a missing part: no error")
	}
	text, err := docxpkg.Text(data)
	if err != nil || text != "Thân\nĐầu\nChú thích\nCuối" {
		t.Fatalf("Text = %q, %v", text, err)
	}
}

// The declared sizes are checked before anything is inflated.
func TestOpenRefusesTooMuchInAll(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"word/document.xml", "word/_rels/document.xml.rels"} {
		w, _ := zw.Create(name)
		io.WriteString(w, "<x/>")
	}
	for i := range docxpkg.MaxTotalSize/docxpkg.MaxPartSize + 1 {
		_, err := zw.CreateRaw(&zip.FileHeader{Name: "word/media/" + strconv.Itoa(i) + ".bin", Method: zip.Store,
			UncompressedSize64: docxpkg.MaxPartSize})
		if err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	_, err := docxpkg.Open(buf.Bytes())
	if err == nil || !strings.Contains(err.Error(), "các phần khi giải nén lớn hơn 256 MiB") {
		t.Fatalf("Open error = %v", err)
	}
}
