package generate

import (
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/internal/periodtest"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/officetest"
	"github.com/baocao/baocao/templates"
)

// The default templates of the periods that are not a year (templates/), on
// the fixture of another province with every kind of period.

type periodTemplateCase struct {
	code, template, title, next string
}

var periodTemplateCases = []periodTemplateCase{
	{"2022-6T", templates.SoKetName, "Sơ kết công tác 6 tháng đầu năm và nhiệm vụ trọng tâm 6 tháng cuối năm 2022", "6 tháng cuối năm 2022"},
	{"2022-9T", templates.SoKetName, "Sơ kết công tác 9 tháng đầu năm và nhiệm vụ trọng tâm 3 tháng cuối năm 2022", "3 tháng cuối năm 2022"},
	{"2022-Q1", templates.ThangQuyName, "Kết quả công tác quý I năm 2022", "quý II năm 2022"},
	{"2022-Q2", templates.ThangQuyName, "Kết quả công tác quý II năm 2022", "quý III năm 2022"},
}

// generateFixturePeriod generates a period's report in the workspace at
// dataDir, from the template generate picks: the result, its text with white
// space collapsed, and its bytes.
func generateFixturePeriod(t *testing.T, dataDir, code string) (*Result, string, []byte) {
	t.Helper()
	ws, err := input.Open(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	p, err := model.ParsePeriod(code)
	if err != nil {
		t.Fatal(err)
	}
	res, text, b := runText(t, Options{Workspace: ws, Period: p, Output: filepath.Join(t.TempDir(), DefaultOutput(p))})
	return res, strings.Join(strings.Fields(text), " "), b
}

// percentText words a ratio as a percentage at one decimal, half-up, a
// zero decimal dropped: "13,5%", "75%".
func percentText(r *big.Rat) string {
	r = new(big.Rat).Abs(new(big.Rat).Mul(r, big.NewRat(1000, 1)))
	r.Add(r, big.NewRat(1, 2))
	tenths := new(big.Int).Quo(r.Num(), r.Denom()).Int64()
	if tenths%10 == 0 {
		return fmt.Sprintf("%d%%", tenths/10)
	}
	return fmt.Sprintf("%d,%d%%", tenths/10, tenths%10)
}

// Each period's report comes from its kind's default template and states its
// title, its data window, the tasks of the period after it and its figures,
// compared with the same period last year only where the fixture has it.
func TestPeriodDefaultTemplates(t *testing.T) {
	dataDir := periodtest.Write(t, t.TempDir())
	for _, c := range periodTemplateCases {
		t.Run(c.code, func(t *testing.T) {
			p, _ := model.ParsePeriod(c.code)
			if name, _ := templates.ForKind(p.Kind); name != c.template {
				t.Fatalf("template of %s: %s, want %s", c.code, name, c.template)
			}
			res, text, docx := generateFixturePeriod(t, dataDir, c.code)
			if res.Template != input.DefaultTemplateName {
				t.Errorf("template %s, want the embedded default", res.Template)
			}
			revenue := "Doanh thu bưu chính, chuyển phát " + p.Name() + " "
			for _, want := range []string{
				"BÁO CÁO " + c.title + " (" + p.WindowText(model.Decree09) + ")",
				"Kính gửi: Bộ Thông tin và Truyền thông.",
				"Nhiệm vụ trọng tâm " + c.next,
				revenue,
				"Kết quả thực hiện các chỉ tiêu " + p.Name() + " chi tiết tại Phụ lục kèm theo.",
				"Phụ lục Kết quả thực hiện các chỉ tiêu " + p.Name(),
				"Thực hiện " + p.SamePeriodLastYear().Name(),
				"Lò Thị Mai",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the report lacks %q", want)
				}
			}
			for _, bad := range []string{"<no value>", "NaN", "…", "{{", "}}", "năm 2023"} {
				if strings.Contains(text, bad) {
					t.Errorf("the report holds %q", bad)
				}
			}
			_, sentence, _ := strings.Cut(text, revenue)
			sentence, _, _ = strings.Cut(sentence, ". ")
			if !strings.Contains(sentence, periodtest.Actual[c.code]["DT_BUU_CHINH"]+" tỷ đồng") {
				t.Errorf("revenue sentence %q lacks the figure %s", sentence, periodtest.Actual[c.code]["DT_BUU_CHINH"])
			}
			// Against the year's plan, from the year's file where the
			// period's has none; the whole-year estimate where given.
			plan, _ := fixtureNumber(t, periodtest.Plan, "2022", "DT_BUU_CHINH")
			cur, _ := fixtureNumber(t, periodtest.Actual, c.code, "DT_BUU_CHINH")
			if !strings.Contains(sentence, "đạt "+percentText(ratio(cur, plan))+" Kế hoạch năm 2022") {
				t.Errorf("revenue sentence %q lacks its attainment of the year's plan", sentence)
			}
			if est, ok := fixtureNumber(t, periodtest.YearEstimate, c.code, "DT_BUU_CHINH"); ok {
				want := "; ước cả năm đạt " + percentText(ratio(est, plan)) + " Kế hoạch năm 2022 (" + thousands(est) + " tỷ đồng)"
				if !strings.Contains(sentence, want) {
					t.Errorf("revenue sentence %q lacks %q", sentence, want)
				}
			} else if strings.Contains(sentence, "ước cả năm") {
				t.Errorf("revenue sentence %q states an estimate the input lacks", sentence)
			}
			// Months into the year, a plan is not missed yet: none of the
			// fixture's figures settles a miss.
			if strings.Contains(text, "không đạt Kế hoạch") {
				t.Errorf("the report says a plan is missed before the year's end")
			}
			last := p.SamePeriodLastYear()
			_, hasLast := periodtest.Actual[last.Code()]
			// The six and nine months' report charts the revenues against
			// the same period last year, where the fixture has it, and the
			// year's plan.
			chartXML := string(zipParts(t, docx)["word/charts/chart1.xml"])
			if c.template == templates.SoKetName {
				title := "Kết quả " + p.Name() + " so với Kế hoạch năm 2022"
				if hasLast {
					title = "Kết quả " + p.Name() + " so với " + last.Name() + " và Kế hoạch năm 2022"
				}
				if !strings.Contains(chartXML, "<a:t>"+title+"</a:t>") {
					t.Errorf("no chart titled %q", title)
				}
			} else if chartXML != "" {
				t.Errorf("a chart in the short report")
			}
			if hasLast {
				prev, _ := fixtureNumber(t, periodtest.Actual, last.Code(), "DT_BUU_CHINH")
				change := fmt.Sprintf("%s so với cùng kỳ năm %d", growth(cur, prev), last.Year)
				if !strings.Contains(sentence, change) {
					t.Errorf("revenue sentence %q lacks %q", sentence, change)
				}
			} else if strings.Contains(sentence, "so với") {
				t.Errorf("revenue sentence %q compares with %s, which the fixture lacks", sentence, last.Name())
			}
		})
	}
}

// A workspace's own template of a kind takes the place of the default for
// that kind only.
func TestWorkspaceTemplateOfAKind(t *testing.T) {
	dataDir := periodtest.Write(t, t.TempDir())
	own, err := templates.DefaultDocx() // the year's layout, as the workspace's six-month template
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dataDir, templates.SoKetName)
	if err := os.WriteFile(path, own, 0o644); err != nil {
		t.Fatal(err)
	}
	// The year's layout never names the period: taken for 2022-6T, it is
	// refused there (template-period), which shows it was the one taken.
	ws, err := input.Open(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(Options{Workspace: ws, Period: model.Period{Kind: model.SixMonths, Year: 2022}, Output: filepath.Join(t.TempDir(), "bc.docx")})
	var problems *ProblemsError
	if !errors.As(err, &problems) || !slices.ContainsFunc(problems.Findings, func(f model.Finding) bool {
		return f.Code == "template-period" && f.Pos.File == path
	}) {
		t.Errorf("2022-6T with the year's layout as %s: %v", path, err)
	}
	res, text, _ := generateFixturePeriod(t, dataDir, "2022-Q1")
	if res.Template != input.DefaultTemplateName || !strings.Contains(text, "Kết quả công tác quý I năm 2022") {
		t.Errorf("2022-Q1 from %s: %.200s", res.Template, text)
	}
}

// LibreOffice opens each period's report and prints its title on page 1.
func TestPeriodDefaultTemplatesInLibreOffice(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext không có trên máy này: bỏ qua kiểm thử trang đầu của báo cáo; cài poppler-utils để chạy")
	}
	dataDir := periodtest.Write(t, t.TempDir())
	for _, c := range []periodTemplateCase{periodTemplateCases[0], periodTemplateCases[3]} {
		_, _, docx := generateFixturePeriod(t, dataDir, c.code)
		pdf := officetest.Convert(t, docx, "bao-cao.docx", "pdf")
		path := filepath.Join(t.TempDir(), "bao-cao.pdf")
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		pages := pdfPages(t, path)
		p, _ := model.ParsePeriod(c.code)
		if !strings.Contains(pages[0], c.title) || !strings.Contains(pages[0], p.WindowText(model.Decree09)) {
			t.Errorf("%s: page 1 lacks the title or the data window: %.300s", c.code, pages[0])
		}
		// The appendix's title is set in capitals (w:caps), as Decree 30 asks.
		title := strings.ToUpper("Kết quả thực hiện các chỉ tiêu " + p.Name())
		at := slices.IndexFunc(pages, func(page string) bool { return strings.Contains(page, "Phụ lục "+title) })
		if at < 1 {
			t.Errorf("%s: no page after the first starts the appendix «Phụ lục %s»", c.code, title)
		}
	}
}
