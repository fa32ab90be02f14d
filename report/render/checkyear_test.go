package render

import (
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg/docxtest"
)

// template check fills a made-up year: its messages must not name that year.
func TestCheckNamesNoMadeUpYear(t *testing.T) {
	body := docxtest.P(`{{ with chi_tieu "MOI" }}{{ .DatKeHoach }}{{ end }}`)
	got := Check("mau.docx", docxtest.Build(docxtest.Files{Body: body}), testReport().Catalogue).String()
	if !strings.Contains(got, "chỉ tiêu MOI chưa có kế hoạch (ke_hoach)") || strings.Contains(got, "2000") {
		t.Errorf("check: %s", got)
	}
}
