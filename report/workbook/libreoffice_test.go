package workbook_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/baocao/baocao/report/workbook"
)

// soffice converts a file with LibreOffice in a private profile (tests of
// other packages may run LibreOffice at the same time) and returns the output.
func soffice(t *testing.T, src, format string) []byte {
	t.Helper()
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: the workbook written by a second program is not tested")
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", format, "--outdir", dir, src)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	base := filepath.Base(src)
	b, err := os.ReadFile(filepath.Join(dir, base[:len(base)-len(filepath.Ext(base))]+"."+format))
	if err != nil {
		t.Fatalf("soffice wrote nothing: %v\n%s", err, out)
	}
	return b
}

// TestLibreOfficeWorkbook reads an .xlsx that LibreOffice Calc wrote from a
// flat OpenDocument file: another writer's XML, styles, shared strings and
// merged cells must give the same year as the YAML sample.
func TestLibreOfficeWorkbook(t *testing.T) {
	cat, want := sample(t, 2021)
	b := soffice(t, filepath.Join("testdata", "nam-dinh-2021.fods"), "xlsx")
	got, fs := read(t, cat, b)
	if len(fs) > 0 {
		t.Fatal(list(fs))
	}
	sameYear(t, got, want)
	if e := got.Entry("HS_TONG"); e.ActualPos.Cell != "D14" {
		t.Errorf("HS_TONG read at %v", e.ActualPos)
	}
}

// TestLibreOfficeOpensWrite has LibreOffice Calc open a workbook baocao wrote
// and save it again: the result must read back to the same year.
func TestLibreOfficeOpensWrite(t *testing.T) {
	cat, want := sample(t, 2021)
	src := filepath.Join(t.TempDir(), "2021.xlsx")
	if err := os.WriteFile(src, write(t, cat, 2021, want), 0o644); err != nil {
		t.Fatal(err)
	}
	ods := soffice(t, src, "ods")
	odsPath := filepath.Join(t.TempDir(), "2021.ods")
	if err := os.WriteFile(odsPath, ods, 0o644); err != nil {
		t.Fatal(err)
	}
	got, fs := workbook.Read("data/2021.xlsx", soffice(t, odsPath, "xlsx"), 2021, cat)
	if len(fs) > 0 {
		t.Fatal(list(fs))
	}
	sameYear(t, got, want)
}
