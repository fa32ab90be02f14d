package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
	"github.com/baocao/baocao/templates"
	"github.com/xuri/excelize/v2"
)

// init --ky writes the period's workbook and the same period last year's,
// the catalogue and the template of the period's kind; the workbooks, the
// guide and the closing hint name the period, and the folder validates.
func TestInitPeriod(t *testing.T) {
	for _, code := range []string{"2022-6T", "2022-Q3", "2022-T05"} {
		p, err := model.ParsePeriod(code)
		if err != nil {
			t.Fatal(err)
		}
		last := p.SamePeriodLastYear()
		dir := t.TempDir()
		exit, out, errOut := runCLI(t, "init", dir, "--ky", code)
		if exit != 0 {
			t.Fatalf("%s: exit %d\n%s%s", code, exit, out, errOut)
		}
		template, docx := templates.ForKind(p.Kind)
		var created []string
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			created = append(created, filepath.Base(line))
		}
		want := []string{"chi-tieu.yaml", template, last.Code() + ".xlsx", p.Code() + ".xlsx", "LUU-Y.txt"}
		if !slices.Equal(created, want) {
			t.Errorf("%s: created %v, want %v", code, created, want)
		}
		dataDir := filepath.Join(dir, "data")
		if got, _ := os.ReadFile(filepath.Join(dataDir, template)); !bytes.Equal(got, must(docx())) {
			t.Errorf("%s: %s is not the default template of its kind", code, template)
		}
		for _, q := range []model.Period{p, last} {
			f, err := excelize.OpenFile(filepath.Join(dataDir, q.Code()+".xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			props, _ := f.GetDocProps()
			a1, _ := f.GetCellValue(workbook.SheetNotes, "A1")
			stated, _ := f.GetCellValue(workbook.SheetHeader, "B2")
			header, _ := f.GetRows(workbook.SheetEntries)
			if props.Title != "Số liệu báo cáo "+q.Name() || a1 != "LƯU Ý KHI ĐIỀN SỐ LIỆU "+strings.ToUpper(q.Name()) || stated != q.Code() {
				t.Errorf("%s: title %q, notes %q, period %q", q.Code(), props.Title, a1, stated)
			}
			if len(header) == 0 || !slices.Contains(header[0], "Ước cả năm") {
				t.Errorf("%s: no column «Ước cả năm»: %v", q.Code(), header)
			}
			f.Close()
		}
		guide, _ := os.ReadFile(filepath.Join(dataDir, "LUU-Y.txt"))
		for _, s := range []string{strings.ToUpper(p.Name()), "data/" + p.Code() + ".xlsx", "data/" + template, "baocao generate " + p.Code()} {
			if !strings.Contains(string(guide), s) {
				t.Errorf("%s: LUU-Y.txt lacks %q", code, s)
			}
		}
		if !strings.Contains(errOut, "Điền số liệu "+p.Name()+" vào "+filepath.ToSlash(filepath.Join(dataDir, p.Code()+".xlsx"))) || !strings.Contains(errOut, "baocao generate "+p.Code()) {
			t.Errorf("%s: closing hint: %s", code, errOut)
		}
		// Blank, the workbooks read without a fault: what is missing is
		// what the report needs filled in.
		_, out, _ = runCLI(t, "validate", code, "--data", dataDir, "--format", "json")
		for _, f := range decodeReport(t, out).Findings {
			if !slices.Contains([]string{"omitted", "template-value", "empty-previous", "empty-part", "empty-period"}, f.Code) {
				t.Errorf("%s: validate of the blank workbooks: %+v", code, f)
			}
		}
	}
}
