package diff

import (
	"bytes"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/officetest"
)

// TestLibreOfficeOpensWorkbook has LibreOffice Calc open the workbook and save
// it as OpenDocument: the figures, the words and the chart must survive.
func TestLibreOfficeOpensWorkbook(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, sample(t, Options{})); err != nil {
		t.Fatal(err)
	}
	ods := officetest.Convert(t, buf.Bytes(), "so-sanh.xlsx", "ods")
	content := zipFile(t, ods, "content.xml")
	for _, want := range []string{
		`<table:table table:name="So sánh"`, `<table:table table:name="Biểu đồ"`,
		`office:value="1150"`, `office:value="-0.28"`, "giảm 28%", "tăng 8,3%",
		`<draw:object`, // the chart, anchored on its sheet
	} {
		if !strings.Contains(content, want) {
			t.Errorf("LibreOffice's copy lacks %s", want)
		}
	}
	chart := zipFile(t, ods, "Object 1/content.xml")
	for _, want := range []string{`chart:class="chart:bar"`, `chart:series`, "Biểu đồ"} {
		if !strings.Contains(chart, want) {
			t.Errorf("LibreOffice's chart lacks %s", want)
		}
	}
}
