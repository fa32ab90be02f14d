package render

import (
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/docxtpl"
	"github.com/baocao/baocao/report/model"
)

// template check fills a made-up year: its messages must not name that year.
func TestCheckNamesNoMadeUpYear(t *testing.T) {
	body := docxtest.P(`{{ with chi_tieu "MOI" }}{{ .DatKeHoach }}{{ end }}`)
	got := Check("mau.docx", docxtest.Build(docxtest.Files{Body: body}), testReport().Catalogue, model.FullYear).String()
	if !strings.Contains(got, "chỉ tiêu MOI chưa có kế hoạch (ke_hoach)") || strings.Contains(got, "2000") {
		t.Errorf("check: %s", got)
	}
}

func TestMucWithoutHeadingComesFirst(t *testing.T) {
	rep := testReport()
	rep.Current.Narrative = []model.NarrativeItem{
		{Part: "qlnn", Heading: "Về Bưu chính", Text: "a"},
		{Part: "qlnn", Text: "không mục"},
		{Part: "qlnn", Heading: "Về CNTT", Text: "b"},
	}
	problems := docxtpl.NewProblems()
	got := newReport(rep, problems).Muc("qlnn")
	if len(got) != 3 || got[0].So != 0 || got[0].Ten != "" || got[0].Y[0] != "không mục" ||
		got[1].So != 1 || got[1].Ten != "Về Bưu chính" || got[2].So != 2 || got[2].Ten != "Về CNTT" {
		t.Errorf("Muc = %+v", got)
	}
}
