package docxtpl_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
)

// Tracked changes as Word writes them.
func del(text string) string {
	return `<w:del w:id="1" w:author="Văn thư" w:date="2026-01-01T00:00:00Z"><w:r><w:rPr><w:b/></w:rPr><w:delText xml:space="preserve">` +
		text + `</w:delText></w:r></w:del>`
}

func ins(text string) string {
	return `<w:ins w:id="2" w:author="Văn thư" w:date="2026-01-01T00:00:00Z">` + run("", text) + `</w:ins>`
}

func TestTrackedChangesInsideTags(t *testing.T) {
	tests := []struct {
		name, body, want string
		gone             []string // deleted texts that must not be in the output
	}{
		{"deleted inside", para(run("", "Đơn vị: {{ .Do"), del("XQ"), run("", "nVi }}.")),
			"Đơn vị: Sở Thông tin và Truyền thông.", []string{"XQ"}},
		{"replaced inside", para(run("", "{{ .Do"), del("nn"), ins("nV"), run("", "i }}")),
			"Sở Thông tin và Truyền thông", []string{">nn<"}},
		{"moved inside", para(run("", "{{ .Do"), `<w:moveFrom w:id="3" w:author="a"><w:r><w:t>Vi</w:t></w:r></w:moveFrom>`,
			`<w:moveTo w:id="4" w:author="a">`+run("", "nVi")+`</w:moveTo>`, run("", " }}")),
			"Sở Thông tin và Truyen thông", nil},
		{"deleted braces", para(run("", "{{ .Nam }"), del("}}"), run("", "} năm")), "2021 năm", []string{"}}<"}},
		{"inline structure", para(run("", "{{ if .Ta"), del("gn"), run("", "ng }}tăng{{ el"), del("es"), run("", "se }}giảm{{ end }}")),
			"giảm", []string{">gn<", ">es<"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := render(t, build(tt.body), options(), sample())
			want := strings.Replace(tt.want, "Truyen", "Truyền", 1)
			if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, []string{want}) {
				t.Fatalf("paragraphs = %q, want %q", got, want)
			}
			doc := part(t, out, docxpkg.DocumentPart)
			for _, g := range tt.gone {
				if strings.Contains(doc, g) {
					t.Errorf("deleted text %q left in the output:\n%s", g, doc)
				}
			}
			if strings.Contains(doc, "<w:del ") || strings.Contains(doc, "<w:moveFrom ") {
				t.Errorf("a deletion inside a tag is left in the output:\n%s", doc)
			}
		})
	}
}

// Outside tags, tracked changes stay for the reader of the report to accept.
func TestTrackedChangesOutsideTagsKept(t *testing.T) {
	body := para(run("", "Năm "), del("cũ"), ins("nay"), run("", " là {{ .Nam }}"), del(" (dự kiến)"), run("", "."))
	out := render(t, build(body), options(), sample())
	if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, []string{"Năm nay là 2021."}) {
		t.Fatalf("paragraphs = %q", got)
	}
	doc := part(t, out, docxpkg.DocumentPart)
	for _, keep := range []string{del("cũ"), del(" (dự kiến)"), `<w:ins w:id="2"`} {
		if !strings.Contains(doc, keep) {
			t.Errorf("revision %s not kept:\n%s", keep, doc)
		}
	}
}

// A whole tag typed with tracking on prints its value as an insertion.
func TestTagInsertedWithTracking(t *testing.T) {
	out := render(t, build(para(run("", "Năm "), ins("{{ .Nam }}"))), options(), sample())
	doc := part(t, out, docxpkg.DocumentPart)
	if !strings.Contains(doc, `<w:ins w:id="2" w:author="Văn thư" w:date="2026-01-01T00:00:00Z"><w:r w:rsidR="00A1B2C3"><w:t xml:space="preserve">2021</w:t>`) {
		t.Fatalf("value not inside the insertion:\n%s", doc)
	}
}

// An inline {{if}} whose {{end}} was typed with tracking on cannot render
// balanced XML; the message says how to make it work.
func TestInlineStructureAcrossRevision(t *testing.T) {
	err := parseErr(t, para(run("", "{{ if .Tang }}tăng"), ins("{{ end }}")))
	checkErrors(t, err, wantErr{"", 1, "chấp nhận mọi thay đổi được theo dõi"})
}

func TestFootnotesAndEndnotesRendered(t *testing.T) {
	data := docxtest.Build(docxtest.Files{
		Body: para(run("", "Doanh thu"), `<w:r><w:footnoteReference w:id="1"/></w:r>`),
		Footnotes: `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
			docxtest.Footnote("footnote", 1, para(run("", "Số liệu năm {{ .Nam }} của {{ .Do"), del("x"), run("", "nVi }}")),
				docxtest.P("{{ if .Tang }}"), docxtest.P("ẩn"), docxtest.P("{{ end }}")),
		Endnotes: docxtest.Footnote("endnote", 1, docxtest.P("{{ range .ChiTieu }}"), docxtest.P("{{ .Ten }}"), docxtest.P("{{ end }}")),
	})
	out := render(t, data, options(), sample())
	if got := paragraphs(t, out, docxpkg.FootnotesPart); !slices.Equal(got, []string{"", "Số liệu năm 2021 của Sở Thông tin và Truyền thông"}) {
		t.Fatalf("footnotes = %q", got)
	}
	if got := paragraphs(t, out, docxpkg.EndnotesPart); !slices.Equal(got, []string{"Thuê bao", "Bưu cục", "Trạm BTS"}) {
		t.Fatalf("endnotes = %q", got)
	}
	// A note whose paragraphs all vanish keeps an empty one.
	data = docxtest.Build(docxtest.Files{Body: docxtest.P("x"),
		Footnotes: docxtest.Footnote("footnote", 1, docxtest.P("{{ if .Tang }}"), docxtest.P("ẩn"), docxtest.P("{{ end }}"))})
	out = render(t, data, options(), sample())
	if got := part(t, out, docxpkg.FootnotesPart); !strings.Contains(got, `<w:footnote w:id="1"><w:p/></w:footnote>`) {
		t.Fatalf("footnotes = %s", got)
	}
	// Errors there are located in the note.
	_, err := docxtpl.Parse(docxtest.Build(docxtest.Files{Body: docxtest.P("x"), Footnotes: docxtest.Footnote("footnote", 1, docxtest.P("{{ .Nma }}"))}), options())
	if err == nil || !strings.HasPrefix(err.Error(), "chú thích cuối trang (footnotes.xml), đoạn 1 «{{ .Nma }}»: không có trường «.Nma»") {
		t.Fatalf("error = %v", err)
	}
}

func TestTagsInPartsNotRendered(t *testing.T) {
	data := docxtest.Build(docxtest.Files{
		Body:     docxtest.P("Thân {{ .Nam }}"),
		Comments: `<w:comment w:id="0" w:author="Trưởng phòng">` + docxtest.P("Sửa lại") + para(run("", "thành {{ .Do"), run("", "nVi }}")) + `</w:comment>`,
		Extra: [][2]string{
			{"docProps/core.xml", `<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>Báo cáo năm &#123;{ .Nam }}</dc:title></cp:coreProperties>`},
			{"word/glossary/document.xml", `<w:glossaryDocument ` + docxtest.NS + `><w:docParts><w:docPart><w:docPartBody>` +
				docxtest.P("{{ .Nam") + `</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>`},
		},
	})
	_, err := docxtpl.Parse(data, options())
	if err == nil {
		t.Fatal("no error")
	}
	got := strings.Split(err.Error(), "\n")
	want := []string{
		"ghi chú bên lề (comments.xml), đoạn 2 «thành {{ .DonVi }}»: thẻ {{…}} nằm ở phần không được điền",
		"docProps/core.xml: «Báo cáo năm {{ .Nam }}»: thẻ {{…}} nằm ở phần không được điền",
		"word/glossary/document.xml, đoạn 1 «{{ .Nam»: thẻ {{…}} nằm ở phần không được điền",
	}
	if len(got) != len(want) {
		t.Fatalf("errors:\n%v\nwant %d", err, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d = %q, want %q…", i, got[i], want[i])
		}
	}
}

// A tag deleted with tracking on would show in the report as a struck-out
// "{{ … }}": it goes, in paragraphs with or without tags.
func TestDeletedTagDropped(t *testing.T) {
	body := para(run("", "Năm "), del("{{ .Nam }}"), ins("nay"), run("", ".")) +
		para(run("", "{{ .DonVi }}: "), del("{{ if .Tang }}"), run("", "tăng"), del("cũ"))
	out := render(t, build(body), options(), sample())
	doc := part(t, out, docxpkg.DocumentPart)
	if strings.Contains(doc, "{{") || !strings.Contains(doc, del("cũ")) {
		t.Fatalf("output:\n%s", doc)
	}
	want := []string{"Năm nay.", "Sở Thông tin và Truyền thông: tăng"}
	if got := paragraphs(t, out, docxpkg.DocumentPart); !slices.Equal(got, want) {
		t.Fatalf("paragraphs = %q, want %q", got, want)
	}
	// Only deleted tags: not a template.
	if tp := parse(t, build(para(run("", "Năm "), del("{{ .Nam }}"))), options()); tp.HasTags() {
		t.Fatal("HasTags with only a deleted tag")
	}
}
