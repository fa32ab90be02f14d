package generate

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/atomicfile"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/pdf"
)

func TestOutputs(t *testing.T) {
	cases := []struct {
		opt        Options
		docx, pdf  string
		errPattern string
	}{
		{Options{Period: model.YearPeriod(2021)}, "Bao-cao-2021.docx", "", ""},
		{Options{Period: model.YearPeriod(2021), Output: "x/bc.PDF"}, "x/bc.docx", "x/bc.PDF", ""},
		{Options{Period: model.YearPeriod(2021), Output: "bc.docx", PDFOptions: PDFOptions{PDF: true}}, "bc.docx", "bc.pdf", ""},
		{Options{Period: model.YearPeriod(2021), PDFOptions: PDFOptions{PDFOnly: true}}, "", "Bao-cao-2021.pdf", ""},
		{Options{Period: model.YearPeriod(2021), Output: "bc.pdf", PDFOptions: PDFOptions{PDFOnly: true}}, "", "bc.pdf", ""},
		{Options{Period: model.YearPeriod(2021), Output: "bc.doc"}, "", "", "phải có đuôi .docx hoặc .pdf"},
	}
	for _, c := range cases {
		docx, pdf, err := outputs(c.opt)
		if docx != c.docx || pdf != c.pdf || (err == nil) != (c.errPattern == "") || err != nil && !strings.Contains(err.Error(), c.errPattern) {
			t.Errorf("outputs(%+v) = %q, %q, %v", c.opt, docx, pdf, err)
		}
	}
}

// TestPDFWithoutLibreOffice: with LibreOffice hidden from PATH and no
// install location to look at, asking for a PDF fails at once, saying what
// to install, and writes nothing; the .docx alone still works.
func TestPDFWithoutLibreOffice(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	hidden := &pdf.Converter{Finder: pdf.Finder{Names: pdf.DefaultFinder().Names}}
	dir := t.TempDir()
	_, err := Run(Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Output: filepath.Join(dir, "bc.pdf"), PDFOptions: PDFOptions{Office: hidden}})
	var nf *pdf.NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("err = %v, want pdf.NotFoundError", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written without LibreOffice: %v", entries)
	}
	res, err := Run(Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Output: filepath.Join(dir, "bc.docx"), PDFOptions: PDFOptions{Office: hidden}})
	if err != nil || res.PDF != "" {
		t.Errorf("the .docx alone needs no LibreOffice: %+v, %v", res, err)
	}
}

// TestPDF: -o x.pdf writes the PDF and the .docx beside it; --chi-pdf the PDF only.
func TestPDF(t *testing.T) {
	if _, err := pdf.DefaultFinder().Find(); err != nil {
		t.Skip("LibreOffice (soffice) không có trên máy này: bỏ qua kiểm thử PDF; cài libreoffice-writer-nogui để chạy")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "bao cao 2021.pdf")
	res, err := Run(Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Output: out})
	if err != nil {
		t.Fatal(err)
	}
	wantDocx := filepath.Join(dir, "bao cao 2021.docx")
	if res.Path != wantDocx || res.PDF != out {
		t.Errorf("result paths %q, %q", res.Path, res.PDF)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	if _, err := os.Stat(wantDocx); err != nil {
		t.Errorf("the .docx is not beside the PDF: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if s := strings.Join(strings.Fields(string(text)), " "); !strings.Contains(s, "đạt 130 tỷ đồng, tăng 8,3% so với cùng kỳ năm 2020") {
			t.Errorf("PDF text lacks the report's sentence:\n%s", s)
		}
	}

	only := filepath.Join(dir, "chi-pdf")
	if err := os.Mkdir(only, 0o755); err != nil {
		t.Fatal(err)
	}
	res, err = Run(Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Output: filepath.Join(only, "bc.docx"), PDFOptions: PDFOptions{PDFOnly: true}})
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(only)
	if res.Path != "" || len(entries) != 1 || entries[0].Name() != "bc.pdf" {
		t.Errorf("--chi-pdf wrote %v (result %q)", entries, res.Path)
	}
}

// TestPDFKeepsAnEditedPDF: a PDF carries no mark of baocao, so the ledger
// vouches for it: baocao's own PDF is replaced, one changed since (signed,
// annotated) is refused before any work, and kept as a backup with Force.
func TestPDFKeepsAnEditedPDF(t *testing.T) {
	if _, err := pdf.DefaultFinder().Find(); err != nil {
		t.Skip("LibreOffice (soffice) không có trên máy này: bỏ qua kiểm thử PDF; cài libreoffice-writer-nogui để chạy")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "bc.pdf")
	opt := Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Output: out, Ledger: atomicfile.Ledger{Path: filepath.Join(dir, "cache", "so.json")}}
	for i := 0; i < 2; i++ {
		if _, err := Run(opt); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
	}
	signed := append(must(os.ReadFile(out)), "\n% chữ ký số\n"...)
	if err := os.WriteFile(out, signed, 0o644); err != nil {
		t.Fatal(err)
	}
	docxBefore := must(os.ReadFile(filepath.Join(dir, "bc.docx")))
	_, err := Run(opt)
	var exists *ExistsError
	if !errors.As(err, &exists) || exists.Path != out || !strings.Contains(err.Error(), "-o TÊN_KHÁC.pdf") {
		t.Fatalf("edited PDF: %v", err)
	}
	if !bytes.Equal(must(os.ReadFile(out)), signed) || !bytes.Equal(must(os.ReadFile(filepath.Join(dir, "bc.docx"))), docxBefore) {
		t.Fatal("a refused run changed the PDF or the .docx")
	}
	opt.Force = true
	res, err := Run(opt)
	if err != nil || res.PDFBackup == "" || !bytes.Equal(must(os.ReadFile(res.PDFBackup)), signed) {
		t.Fatalf("forced: %+v, %v", res, err)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
