package diff

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/baocao/baocao/report/officetest"
	"github.com/xuri/excelize/v2"
)

var dimensionRef = regexp.MustCompile(`<dimension ref="([^"]*)"`)

// TestWorkbookPrintsAndDescribesItself: both sheets print landscape, one page
// wide, with the header row on every page and a page header; each declares the
// range it uses; the document names the department and the time of the run
// (from the request), not excelize's defaults; LibreOffice keeps all of it.
func TestWorkbookPrintsAndDescribesItself(t *testing.T) {
	now := time.Date(2022, 3, 4, 5, 6, 7, 0, time.UTC)
	res, err := Run(Request{Args: []string{"2021", "2020"}, Format: "xlsx", Output: "so-sanh.xlsx", OpenWorkspace: opener(workspace(t)), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, res.Table, "xlsx", false); err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, b []byte) {
		f, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for i, sheet := range []string{SheetTable, SheetChart} {
			pl, err := f.GetPageLayout(sheet)
			if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
				t.Errorf("%s: page layout %+v %v", sheet, pl, err)
			}
			hf, err := f.GetHeaderFooter(sheet)
			if err != nil || hf == nil || !strings.Contains(hf.OddHeader, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG – So sánh số liệu năm 2020 và năm 2021") || !strings.Contains(hf.OddFooter, "&P") {
				t.Errorf("%s: page header and footer %+v %v", sheet, hf, err)
			}
			titles := ""
			for _, dn := range f.GetDefinedName() {
				if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet {
					titles = dn.RefersTo
				}
			}
			if !strings.HasSuffix(titles, "!$1:$1") {
				t.Errorf("%s: print titles %q", sheet, titles)
			}
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			part := zipFile(t, b, "xl/worksheets/sheet"+string(rune('1'+i))+".xml")
			m := dimensionRef.FindStringSubmatch(part)
			last, _ := excelize.CoordinatesToCellName(len(rows[0]), len(rows))
			if m == nil || m[1] != "A1:"+last {
				t.Errorf("%s declares %q, want A1:%s", sheet, m, last)
			}
		}
		p, err := f.GetDocProps()
		if err != nil || p.Creator != "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" || !strings.HasPrefix(p.Created, "2022-03-04T05:06:07") || p.Title != "So sánh số liệu năm 2020 và năm 2021" {
			t.Errorf("properties %+v %v", p, err)
		}
	}
	check(t, buf.Bytes())
	t.Run("LibreOffice", func(t *testing.T) { check(t, officetest.Convert(t, buf.Bytes(), "so-sanh.xlsx", "xlsx")) })
}
