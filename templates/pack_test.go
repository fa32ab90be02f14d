package templates

import (
	"bytes"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
)

// Packing is deterministic, takes a template's own part over the shared one
// of the same name, and expands every shared passage.
func TestPack(t *testing.T) {
	titles := map[string]bool{}
	for _, d := range All() {
		a, err := pack(d.dir)
		if err != nil {
			t.Fatal(err)
		}
		b, err := pack(d.dir)
		if err != nil || !bytes.Equal(a, b) {
			t.Fatalf("%s: packed twice, differs (%v)", d.dir, err)
		}
		pkg, err := docxpkg.Open(a)
		if err != nil {
			t.Fatal(err)
		}
		title, err := pkg.ReadPart("docProps/core.xml")
		titles[title] = err == nil
		if styles, err := pkg.ReadPart("word/styles.xml"); err != nil || !strings.Contains(styles, `w:styleId="TrichYeu"`) {
			t.Errorf("%s: the shared styles are missing", d.dir)
		}
		if doc := pkg.Part("word/document.xml"); strings.Contains(doc, "<?baocao") || !strings.Contains(doc, "Nơi nhận:") {
			t.Errorf("%s: a passage is not expanded", d.dir)
		}
	}
	if len(titles) != len(All()) {
		t.Errorf("the templates share their properties: %d titles", len(titles))
	}
}

func TestMissingPassage(t *testing.T) {
	if _, err := withPassages([]byte("<a>\n  <?baocao chen khong-co.xml?>\n</a>")); err == nil {
		t.Error("a missing passage is not reported")
	}
}

func BenchmarkPack(b *testing.B) {
	for _, d := range All() {
		b.Run(d.dir, func(b *testing.B) {
			for range b.N {
				if _, err := pack(d.dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
