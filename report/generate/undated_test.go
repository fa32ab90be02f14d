package generate

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/internal/periodtest"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/validate"
)

// A report not dated yet, as the workbook allows («để trống nếu chưa có»), is
// a draft: every default template prints the date line with the day and month
// left for the signer and the year of the period, and generate and validate
// warn once, at the date's line, instead of refusing it.
func TestUndatedDraft(t *testing.T) {
	for _, code := range []string{"2022", "2022-6T", "2022-Q2"} {
		t.Run(code, func(t *testing.T) {
			dataDir := periodtest.Write(t, t.TempDir())
			file := filepath.Join(dataDir, code+".yaml")
			dated := "  ngay: " + periodtest.Date[code] + "\n"
			src := periodtest.Input(code)
			if !strings.Contains(src, dated) {
				t.Fatalf("fixture of %s lacks %q", code, dated)
			}
			dateLine := strings.Count(src[:strings.Index(src, dated)], "\n") + 1
			if err := os.WriteFile(file, []byte(strings.Replace(src, dated, "  ngay:\n", 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			checkUndated := func(what string, fs model.Findings) {
				t.Helper()
				var undated []model.Finding
				for _, f := range fs {
					if f.Code == "undated" {
						undated = append(undated, f)
					}
				}
				if fs.Errors() != 0 || len(undated) != 1 {
					t.Fatalf("%s: %d errors, %d undated warnings, want 0 and 1:\n%s", what, fs.Errors(), len(undated), fs)
				}
				if f := undated[0]; f.Severity != model.Warning || filepath.Base(f.Pos.File) != code+".yaml" || f.Pos.Line != dateLine {
					t.Errorf("%s: undated finding %+v, want a warning at %s.yaml:%d", what, f, code, dateLine)
				}
			}

			res, _, docx := generateFixturePeriod(t, dataDir, code)
			checkUndated("generate", res.Warnings)
			text, err := docxpkg.Text(docx) // its spaces as they are
			if err != nil {
				t.Fatal(err)
			}
			// The day and month are blanks wide enough to write in; the year is the period's.
			blank := regexp.MustCompile(`ngày {3,}tháng {3,}năm ` + code[:4] + `\b`)
			// The date under the national motto, and the appendix's attachment line.
			if n := len(blank.FindAllString(text, -1)); n != 2 {
				t.Errorf("%d undated date lines, want 2:\n%s", n, text)
			}
			if strings.Contains(text, "…") {
				t.Errorf("report has a «…» placeholder:\n%s", text)
			}

			ws, err := input.Open(dataDir)
			if err != nil {
				t.Fatal(err)
			}
			fs, _, err := validate.Workspace(ws, []string{code}, func(cat *model.Catalogue, kind model.PeriodKind) (validate.Template, model.Findings) {
				return Template(ws, cat, kind)
			})
			if err != nil {
				t.Fatal(err)
			}
			checkUndated("validate", fs)
		})
	}
}
