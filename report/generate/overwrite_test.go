package generate

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/officetest"
)

var testNow = func() time.Time { return time.Date(2026, 12, 7, 8, 30, 15, 0, time.UTC) }

// editInWord changes a sentence of a report as a clerk would in Word: the
// document part changes, the custom properties stay.
func editInWord(t *testing.T, docx []byte) []byte {
	t.Helper()
	p, err := docxpkg.Open(docx)
	if err != nil {
		t.Fatal(err)
	}
	doc := p.Part(docxpkg.DocumentPart)
	p.SetPart(docxpkg.DocumentPart, strings.Replace(doc, "tăng 8,3%", "tăng 8,3% (đã rà soát)", 1))
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReportRecordsWhatWasWritten(t *testing.T) {
	_, docx := generateSample(t)
	if got := provenance(docx); got != Unchanged {
		t.Fatalf("fresh report: provenance %d", got)
	}
	custom, err := docxpkg.Open(docx)
	if err != nil {
		t.Fatal(err)
	}
	for part, want := range map[string]string{
		stampPart:             `name="` + stampProperty + `"`,
		"[Content_Types].xml": `PartName="/docProps/custom.xml"`,
		"_rels/.rels":         `Target="docProps/custom.xml"`,
	} {
		if xml, _ := custom.ReadPart(part); !strings.Contains(xml, want) {
			t.Errorf("%s lacks %s:\n%s", part, want, xml)
		}
	}
	if got := provenance(editInWord(t, docx)); got != Edited {
		t.Errorf("edited report: provenance %d", got)
	}
	if got := provenance(docxtest.Build(docxtest.Files{Body: "<w:p/>"})); got != Foreign {
		t.Errorf("other document: provenance %d", got)
	}
	if got := provenance([]byte("not a zip")); got != Foreign {
		t.Errorf("not a zip: provenance %d", got)
	}
}

// A template with custom properties of its own keeps them, beside ours.
func TestStampKeepsTemplateProperties(t *testing.T) {
	own := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Properties xmlns="` + customNS + `" xmlns:vt="` + vtNS + `"><property fmtid="` + propertyFmtID + `" pid="2" name="Phòng"><vt:lpwstr>KHTC</vt:lpwstr></property></Properties>`
	base := docxtest.Build(docxtest.Files{Body: "<w:p><w:r><w:t>x</w:t></w:r></w:p>"})
	p, _ := docxpkg.Open(base)
	p.SetPart(stampPart, own)
	stamped, err := stamp(p)
	if err != nil {
		t.Fatal(err)
	}
	if provenance(stamped) != Unchanged {
		t.Error("stamped report not recognised")
	}
	q, err := docxpkg.Open(stamped)
	if err != nil {
		t.Fatal(err)
	}
	again, err := stamp(q) // as when a report is used as a template's base
	if err != nil {
		t.Fatal(err)
	}
	r, _ := docxpkg.Open(again)
	xml, _ := r.ReadPart(stampPart)
	if !strings.Contains(xml, `name="Phòng"`) || strings.Count(xml, stampProperty) != 1 || !strings.Contains(xml, `pid="3"`) {
		t.Errorf("custom properties:\n%s", xml)
	}
	if provenance(again) != Unchanged {
		t.Error("restamped report not recognised")
	}
}

func TestEditedReportIsNeverOverwritten(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "Bao-cao-2021.docx")
	opts := Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Output: out, Now: testNow}
	if _, err := Run(opts); err != nil {
		t.Fatal(err)
	}
	// Regenerating over an unchanged report of ours is fine, and keeps no backup.
	if res, err := Run(opts); err != nil || res.Backup != "" {
		t.Fatalf("regenerate: %+v %v", res, err)
	}
	first, _ := os.ReadFile(out)
	edited := editInWord(t, first)
	os.WriteFile(out, edited, 0o644)
	_, err := Run(opts)
	var exists *ExistsError
	if !errors.As(err, &exists) || !exists.Edited {
		t.Fatalf("edited report: %v", err)
	}
	for _, want := range []string{out, "đã được sửa", "--force", "Bao-cao-2021.ban-cu-2026-12-07-083015.docx", "-o"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %s", want, err)
		}
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, edited) {
		t.Error("the edited report changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
	// A document baocao did not write is refused too.
	foreign := docxtest.Build(docxtest.Files{Body: "<w:p><w:r><w:t>Báo cáo soạn tay</w:t></w:r></w:p>"})
	os.WriteFile(out, foreign, 0o644)
	if _, err := Run(opts); !errors.As(err, &exists) || exists.Edited || !strings.Contains(err.Error(), "không phải do baocao lập ra") {
		t.Fatalf("foreign document: %v", err)
	}
	// With Force the edited file is kept beside, dated, and the new report written.
	os.WriteFile(out, edited, 0o644)
	opts.Force = true
	res, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "Bao-cao-2021.ban-cu-2026-12-07-083015.docx")
	if res.Backup != backup {
		t.Errorf("backup %q, want %q", res.Backup, backup)
	}
	if b, _ := os.ReadFile(backup); !bytes.Equal(b, edited) {
		t.Error("the backup is not the edited report")
	}
	if b, _ := os.ReadFile(out); provenance(b) != Unchanged {
		t.Error("the new report is not at the target")
	}
	// A second forced run the same second takes a free name.
	os.WriteFile(out, edited, 0o644)
	if res, err := Run(opts); err != nil || res.Backup != filepath.Join(dir, "Bao-cao-2021.ban-cu-2026-12-07-083015-2.docx") {
		t.Errorf("second backup: %+v %v", res, err)
	}
}

// A report saved again by an office suite (here LibreOffice, as Word does)
// counts as edited.
func TestReportResavedByLibreOfficeIsEdited(t *testing.T) {
	_, docx := generateSample(t)
	odt := officetest.Convert(t, docx, "report.docx", "odt")
	resaved := officetest.Convert(t, odt, "report.odt", "docx:MS Word 2007 XML")
	if got := provenance(resaved); got == Unchanged {
		t.Errorf("resaved report taken for unchanged")
	}
}

// A report whose body was compressed as it was rendered (a template without
// charts) is stamped in the current form; a report stamped in either form of
// before (a hash of every part's content; of every part's SHA-256, the custom
// properties left out) is still known as ours.
func TestStampsOfEveryForm(t *testing.T) {
	tpl := filepath.Join(t.TempDir(), "mau.docx")
	body := docxtest.P("Báo cáo năm {{ .Nam }}: doanh thu {{ (chi_tieu \"DT_BUU_CHINH\").GiaTri }}.")
	if err := os.WriteFile(tpl, docxtest.Build(docxtest.Files{Body: body}), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "bc.docx")
	_, text, compressed := runText(t, Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Template: tpl, Output: out})
	if !strings.Contains(text, "Báo cáo năm 2021: doanh thu") {
		t.Fatalf("text: %q", text)
	}
	_, sample := generateSample(t)
	for name, docx := range map[string][]byte{"compressed as rendered": compressed, "with a chart": sample} {
		if got := provenance(docx); got != Unchanged {
			t.Errorf("%s: provenance %d", name, got)
		}
		p, err := docxpkg.Open(docx)
		if err != nil {
			t.Fatal(err)
		}
		custom, _ := p.ReadPart(stampPart)
		stamped := stampValue.FindStringSubmatch(custom)
		if stamped == nil || !strings.HasPrefix(stamped[1], withSealPrefix) {
			t.Fatalf("%s: stamp %q", name, stamped)
		}
		for _, form := range []stampForm{wholeParts, perPart} {
			old, err := contentHash(docx, form)
			if err != nil {
				t.Fatal(err)
			}
			p := p.Clone()
			p.SetPart(stampPart, strings.Replace(custom, stamped[1], old, 1))
			var buf bytes.Buffer
			if err := p.Write(&buf); err != nil {
				t.Fatal(err)
			}
			if got := provenance(buf.Bytes()); got != Unchanged {
				t.Errorf("%s, stamped in form %d: provenance %d", name, form, got)
			}
			p.SetPart(docxpkg.DocumentPart, strings.Replace(p.Part(docxpkg.DocumentPart), "2021", "2022", 1))
			buf.Reset()
			if err := p.Write(&buf); err != nil {
				t.Fatal(err)
			}
			if got := provenance(buf.Bytes()); got != Edited {
				t.Errorf("%s, stamped in form %d, then edited: provenance %d", name, form, got)
			}
		}
	}
}

// A stamp is refused past the content provenance reads, whichever way the
// parts are counted: a report stamped beyond it could not be recognised.
func TestStampedContentLimit(t *testing.T) {
	var sum [32]byte
	h := newContentHasher(withSeal)
	if err := h.addDigest("word/document.xml", maxStampedContent, sum); err != nil {
		t.Fatalf("up to the limit: %v", err)
	}
	if err := h.addDigest(stampPart, 1, sum); err != nil {
		t.Fatalf("the stamp itself is not counted: %v", err)
	}
	if err := h.addDigest("word/styles.xml", 1, sum); err == nil {
		t.Fatal("past the limit: no error")
	}
	if err := newContentHasher(wholeParts).add("word/document.xml", 0, strings.NewReader(strings.Repeat("x", 10))); err != nil {
		t.Fatalf("read whole: %v", err)
	}
}

// A property added in Word to the report's custom properties (File > Info >
// Properties > Custom), beside baocao's own, is an edit: the report is not
// written over without --force, and then kept.
func TestCustomPropertyEdited(t *testing.T) {
	_, docx := generateSample(t)
	out := filepath.Join(t.TempDir(), "Bao-cao-2021.docx")
	p, err := docxpkg.Open(docx)
	if err != nil {
		t.Fatal(err)
	}
	custom, err := p.ReadPart(stampPart)
	if err != nil {
		t.Fatal(err)
	}
	added := `<property fmtid="` + propertyFmtID + `" pid="9" name="Người kiểm tra"><vt:lpwstr>Trần Thị Bình</vt:lpwstr></property>`
	p.SetPart(stampPart, insertBefore(custom, "</Properties>", added))
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if got := provenance(buf.Bytes()); got != Edited {
		t.Fatalf("a custom property added: provenance %d, want edited", got)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Run(Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Output: out})
	var exists *ExistsError
	if !errors.As(err, &exists) || !exists.Edited {
		t.Fatalf("written over an edited report: %v", err)
	}
	if after, _ := os.ReadFile(out); !bytes.Equal(after, buf.Bytes()) {
		t.Error("the edited report changed")
	}
}
