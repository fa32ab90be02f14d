package templates_test

import (
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/render"
	"github.com/baocao/baocao/templates"
)

func TestForKind(t *testing.T) {
	for kind, want := range map[model.PeriodKind]string{
		model.FullYear: templates.DefaultName, 0: templates.DefaultName,
		model.SixMonths: templates.SoKetName, model.NineMonths: templates.SoKetName,
		model.Quarter: templates.ThangQuyName, model.Month: templates.ThangQuyName,
	} {
		name, docx := templates.ForKind(kind)
		if name != want {
			t.Errorf("kind %d: template %s, want %s", kind, name, want)
		}
		b, err := docx()
		if err != nil {
			t.Fatal(err)
		}
		if len(b) == 0 {
			t.Errorf("kind %d: empty template", kind)
		}
	}
}

// Every default template packs into a package that reads back, has no shared
// passage left unexpanded, and checks clean against the sample catalogue for
// each kind of period it serves: no error, and no figure printed without a
// guard.
func TestDefaultsCheckClean(t *testing.T) {
	cat, findings, err := input.Sample().Catalogue()
	if err != nil || len(findings) > 0 {
		t.Fatal(err, findings)
	}
	for _, kind := range []model.PeriodKind{model.FullYear, model.SixMonths, model.NineMonths, model.Quarter, model.Month} {
		name, docx := templates.ForKind(kind)
		b, err := docx()
		if err != nil {
			t.Fatal(name, err)
		}
		pkg, err := docxpkg.Open(b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if strings.Contains(pkg.Part("word/document.xml"), "<?baocao") {
			t.Errorf("%s: a passage is left unexpanded", name)
		}
		for _, f := range render.Check(name, b, cat, kind) {
			t.Errorf("%s as the template of kind %d: %s", name, kind, f.Msg)
		}
	}
}
