package docxpkg_test

import (
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
)

func TestParagraphs(t *testing.T) {
	body := `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>` +
		`<w:r><w:t>Một</w:t><w:tab/><w:t xml:space="preserve"> hai &amp; &lt;ba&gt; &#273;&#x1EA1;</w:t></w:r>` +
		`<w:r><w:br/><w:t>bốn</w:t></w:r><w:r><w:delText>xóa</w:delText><w:instrText>PAGE</w:instrText></w:r></w:p>` +
		`<w:p/>` +
		docxtest.Table([]string{docxtest.P("ô 1"), docxtest.P("ô 2")}) +
		`<w:p><w:r><w:t>ngoài </w:t></w:r><w:r><w:pict><w:txbxContent>` + docxtest.P("trong hộp") +
		`</w:txbxContent></w:pict></w:r><w:r><w:t>tiếp</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t><![CDATA[a<b]]></w:t></w:r></w:p>`
	doc := `<?xml version="1.0"?><w:document ` + docxtest.NS + `><w:body>` + body + `</w:body></w:document>`
	got := docxpkg.Paragraphs(doc)
	want := []string{"Một\t hai & <ba> đạ\nbốn", "", "ô 1", "ô 2", "ngoài tiếp", "trong hộp", "a<b"}
	if !slices.Equal(got, want) {
		t.Fatalf("Paragraphs =\n%q\nwant\n%q", got, want)
	}
}

// Paragraphs still open while later ones are added (text boxes) keep their text.
func TestParagraphsManyAroundTextBox(t *testing.T) {
	var body strings.Builder
	var want []string
	body.WriteString(`<w:p><w:r><w:t>a</w:t></w:r><w:r><w:pict><w:txbxContent>`)
	want = append(want, "ab")
	for i := range 40 {
		body.WriteString(docxtest.P(strconv.Itoa(i)))
		want = append(want, strconv.Itoa(i))
	}
	body.WriteString(`</w:txbxContent></w:pict></w:r><w:r><w:t>b</w:t></w:r></w:p>`)
	if got := docxpkg.Paragraphs(body.String()); !slices.Equal(got, want) {
		t.Fatalf("Paragraphs = %q, want %q", got, want)
	}
}

func TestParagraphsOtherPrefix(t *testing.T) {
	doc := `<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<x:body><x:p><x:r><x:t>a</x:t></x:r></x:p><w:p><w:r><w:t>not word</w:t></w:r></w:p></x:body></x:document>`
	if got := docxpkg.Paragraphs(doc); !slices.Equal(got, []string{"a"}) {
		t.Fatalf("Paragraphs = %q", got)
	}
	if got := docxpkg.WordPrefix(doc); got != "x:" {
		t.Fatalf("WordPrefix = %q", got)
	}
}

func TestTextMalformed(t *testing.T) {
	data := docxtest.Build(docxtest.Files{Document: `<w:document ` + docxtest.NS + `><w:body><w:p></w:body></w:document>`})
	_, err := docxpkg.Text(data)
	if err == nil || !strings.Contains(err.Error(), "phần word/document.xml: XML không hợp lệ") {
		t.Fatalf("Text error = %v", err)
	}
}

func TestTokenizer(t *testing.T) {
	in := `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "x">]><d>&e;</d>`
	tk := docxpkg.NewTokenizer(in)
	if tok, err := tk.Next(); err != nil || tok.Kind != docxpkg.Markup {
		t.Fatalf("prolog token = %v, %v", tok, err)
	}
	if _, err := tk.Next(); err == nil || !strings.Contains(err.Error(), "DOCTYPE") {
		t.Fatalf("DOCTYPE: error = %v, want it refused", err)
	}

	in = `<a k='>' j="x"><b/><!-- <c> --><![CDATA[</a>]]>t</a>`
	tk = docxpkg.NewTokenizer(in)
	var got []string
	for {
		tok, err := tk.Next()
		if err != nil {
			if err != io.EOF {
				t.Fatal(err)
			}
			break
		}
		got = append(got, in[tok.Start:tok.End])
		if tok.Kind == docxpkg.EndTag && tok.Begin != 0 {
			t.Fatalf("end tag Begin = %d, want 0", tok.Begin)
		}
	}
	want := []string{`<a k='>' j="x">`, `<b/>`, `<!-- <c> -->`, `<![CDATA[</a>]]>`, `t`, `</a>`}
	if !slices.Equal(got, want) {
		t.Fatalf("tokens = %q, want %q", got, want)
	}

	for _, bad := range []string{`<a>`, `<a></b>`, `</a>`, `<a`, `<a k="x>`, `<!-- x`, `< a>`} {
		tk := docxpkg.NewTokenizer(bad)
		var err error
		for err == nil {
			_, err = tk.Next()
		}
		if _, ok := err.(*docxpkg.SyntaxError); !ok {
			t.Errorf("%q: error = %v, want SyntaxError", bad, err)
		}
	}
}

func TestUnescape(t *testing.T) {
	for in, want := range map[string]string{
		"a &amp; b":            "a & b",
		"&lt;&gt;&quot;&apos;": `<>"'`,
		"&#65;&#x42;&#X43;":    "ABC",
		"& &x; &#xZZ; &#;&":    "& &x; &#xZZ; &#;&",
		"&#xD800;":             "&#xD800;",
		"không dấu &":          "không dấu &",
	} {
		if got := docxpkg.Unescape(in); got != want {
			t.Errorf("Unescape(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParagraphs(f *testing.F) {
	f.Add(`<w:document ` + docxtest.NS + `><w:body>` + docxtest.P("a & b") + `</w:body></w:document>`)
	f.Add(`<w:p><w:r><w:t>x</w:t><w:tab/></w:r></w:p><w:p/>`)
	f.Add(`<a b="<"/><!DOCTYPE [>`)
	f.Fuzz(func(t *testing.T, xml string) {
		paras := docxpkg.Paragraphs(xml)
		if len(paras) > strings.Count(xml, "<") {
			t.Fatalf("%d paragraphs from %d tags", len(paras), strings.Count(xml, "<"))
		}
		docxpkg.WordPrefix(xml)
		docxpkg.Unescape(xml)
	})
}
