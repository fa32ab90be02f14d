package docxtpl_test

import (
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/officetest"
)

// What LibreOffice reads from a template edited with tracked changes and
// holding a tag in a footnote: the values, never the text deleted inside a
// tag.
func TestTrackedChangesAndFootnotesInLibreOffice(t *testing.T) {
	data := docxtest.Build(docxtest.Files{
		Body: para(run("", "{{ .Do"), del("XQ"), ins("nV"), run("", "i }} năm {{ .Nam }}"), `<w:r><w:footnoteReference w:id="1"/></w:r>`) +
			para(run("", "Văn bản "), del("cũ"), ins("mới"), run("", ".")),
		Footnotes: docxtest.Footnote("footnote", 1, para(run("", "Số liệu của {{ .Don"), del("QX"), run("", "Vi }}."))),
	})
	out := render(t, data, options(), sample())
	// The text export shows deleted text too, as the deletion outside tags
	// shows: the value is printed alone.
	text := officetest.Text(t, out)
	for _, want := range []string{"Sở Thông tin và Truyền thông năm 2021", "Văn bản cũmới."} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice text lacks %q:\n%s", want, text)
		}
	}
	// Footnotes are in the HTML export.
	html := strings.Join(strings.Fields(string(officetest.Convert(t, out, "report.docx", "html"))), " ")
	if !strings.Contains(html, "Số liệu của Sở Thông tin và Truyền thông.") {
		t.Errorf("LibreOffice HTML lacks the footnote:\n%s", html)
	}
	for _, gone := range []string{"XQ", "QX", "nV"} {
		if strings.Contains(text, gone) || strings.Contains(html, gone) {
			t.Errorf("LibreOffice output has %q:\n%s\n%s", gone, text, html)
		}
	}
}
