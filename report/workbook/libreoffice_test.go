package workbook_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/baocao/baocao/report/officetest"
)

// TestLibreOfficeWorkbook reads an .xlsx that LibreOffice Calc wrote from a
// flat OpenDocument file: another writer's XML, styles, shared strings and
// merged cells must give the same year as the YAML sample.
func TestLibreOfficeWorkbook(t *testing.T) {
	cat, want := sample(t, 2021)
	fods, err := os.ReadFile(filepath.Join("testdata", "nam-dinh-2021.fods"))
	must(t, err)
	got, fs := read(t, cat, officetest.Convert(t, fods, "nam-dinh-2021.fods", "xlsx"))
	if len(fs) > 0 {
		t.Fatal(list(fs))
	}
	sameYear(t, got, want)
	if e := got.Entry("HS_TONG"); e.ActualPos().Cell != "D14" {
		t.Errorf("HS_TONG read at %v", e.ActualPos())
	}
}

// TestLibreOfficeOpensWrite has LibreOffice Calc open a workbook baocao wrote,
// save it as OpenDocument and that again as .xlsx: the result must read back
// to the same year.
func TestLibreOfficeOpensWrite(t *testing.T) {
	cat, want := sample(t, 2021)
	ods := officetest.Convert(t, write(t, cat, 2021, want), "2021.xlsx", "ods")
	got, fs := read(t, cat, officetest.Convert(t, ods, "2021.ods", "xlsx"))
	if len(fs) > 0 {
		t.Fatal(list(fs))
	}
	sameYear(t, got, want)
}
