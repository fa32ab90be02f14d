package generate

import (
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/internal/periodtest"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/officetest"
	"github.com/baocao/baocao/templates"
)

// periodIndicators are the fixture's indicators the period template states:
// sums over the period, levels, a lower-is-better count and a count that is
// zero in a quarter.
var periodIndicators = []string{"DT_BUU_CHINH", "DT_VIEN_THONG", "TB_INTERNET", "TB_TRA_SAU", "TT_TO_CHUC_XU_PHAT", "DON_THU"}

// periodTemplate states every period field and, for each indicator, a line
// "CODE: value; comparison; plan; whole-year estimate" with each part only
// where the report has it.
func periodTemplate() []byte {
	body := docxtest.P(`Ky={{ .Ky }}|MaKy={{ .MaKy }}|KyTrongNam={{ .KyTrongNam }}|CungKy={{ .CungKy }}|LoaiKy={{ .LoaiKy }}|KySau={{ .KySau }}|Nam={{ .Nam }}`) +
		docxtest.P(`{{ .ThoiGianSoLieu }}.`) +
		docxtest.P(`Nhiệm vụ trọng tâm {{ .KySau }}.`)
	for _, code := range periodIndicators {
		body += docxtest.P(fmt.Sprintf(`{{ with chi_tieu %q }}%[1]s: {{ if .CoSoLieu }}{{ if .BangKhong }}không có{{ else }}{{ .GiaTriDonVi }}{{ end }}`+
			`; {{ .SoVoiCungKy }}{{ if .CoKeHoach }}; {{ .DatKeHoach }}{{ end }}`+
			`{{ if .CoUocCaNam }}; ước cả năm {{ .UocCaNam }}, {{ .UocCaNamDatKeHoach }}{{ end }}{{ end }}.{{ end }}`, code))
	}
	body += docxtest.P(`{{ if .CoDanhGia }}Đánh giá: {{ .DanhGiaChung }}.{{ end }}`)
	return docxtest.Build(docxtest.Files{Body: body})
}

// fixtureNumber reads one of the fixture's figures (whole numbers) from one
// of its tables; ok is false when the table lacks it.
func fixtureNumber(t *testing.T, table map[string]map[string]string, period, code string) (*big.Int, bool) {
	t.Helper()
	s, ok := table[period][code]
	if !ok {
		return nil, false
	}
	n, ok := new(big.Int).SetString(strings.ReplaceAll(s, ".", ""), 10)
	if !ok {
		t.Fatalf("fixture %s %s: %q is not a whole number", period, code, s)
	}
	return n, true
}

// ratio is num / den, for percentText.
func ratio(num, den *big.Int) *big.Rat { return new(big.Rat).SetFrac(num, den) }

// growth words the change from prev to cur as the report must: "tăng 13,5%".
func growth(cur, prev *big.Int) string {
	change := new(big.Int).Sub(cur, prev)
	p := percentText(ratio(change, prev))
	switch {
	case p == "0%":
		return "tương đương"
	case change.Sign() > 0:
		return "tăng " + p
	}
	return "giảm " + p
}

// thousands writes a whole number with Vietnamese thousands separators.
func thousands(n *big.Int) string {
	s := n.String()
	var out []string
	for len(s) > 3 {
		out = append([]string{s[len(s)-3:]}, out...)
		s = s[:len(s)-3]
	}
	return strings.Join(append([]string{s}, out...), ".")
}

// periodCase is what a period's report must say about its period.
type periodCase struct {
	code, name, within, same, kind, following string
	from, to                                  string // its Decree 09 data window
}

var periodCases = []periodCase{
	{"2021-6T", "6 tháng đầu năm 2021", "6 tháng đầu", "6 tháng đầu năm 2020", "6T", "6 tháng cuối năm 2021", "15/12/2020", "14/6/2021"},
	{"2021", "năm 2021", "", "năm 2020", "nam", "năm 2022", "15/12/2020", "14/12/2021"},
	{"2022-Q1", "quý I năm 2022", "quý I", "quý I năm 2021", "quy", "quý II năm 2022", "15/12/2021", "14/3/2022"},
	{"2022-6T", "6 tháng đầu năm 2022", "6 tháng đầu", "6 tháng đầu năm 2021", "6T", "6 tháng cuối năm 2022", "15/12/2021", "14/6/2022"},
	{"2022-Q2", "quý II năm 2022", "quý II", "quý II năm 2021", "quy", "quý III năm 2022", "15/3/2022", "14/6/2022"},
	{"2022-9T", "9 tháng đầu năm 2022", "9 tháng đầu", "9 tháng đầu năm 2021", "9T", "3 tháng cuối năm 2022", "15/12/2021", "14/9/2022"},
	{"2022", "năm 2022", "", "năm 2021", "nam", "năm 2023", "15/12/2021", "14/12/2022"},
}

// generatePeriod writes the report of one of the fixture's periods with the
// period template, placed where the workspace takes the template of the
// period's kind, and returns the report's lines read back from the .docx, and its bytes.
func generatePeriod(t *testing.T, dir string, p model.Period) (*Result, []string, []byte) {
	t.Helper()
	dataDir := filepath.Join(dir, "data")
	name, _ := templates.ForKind(p.Kind)
	if err := os.WriteFile(filepath.Join(dataDir, name), periodTemplate(), 0o644); err != nil {
		t.Fatal(err)
	}
	ws, err := input.Open(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out", DefaultOutput(p))
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	res, text, docx := runText(t, Options{Workspace: ws, Period: p, Output: out})
	if res.Template != filepath.Join(dataDir, name) {
		t.Errorf("%s: template %s, want the workspace's %s", p.Code(), res.Template, name)
	}
	return res, strings.Split(text, "\n"), docx
}

func lineStarting(lines []string, prefix string) string {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

// Every period of the fixture: its wording, the comparisons with the same
// period last year, its attainment of the year's plan, the whole-year
// estimate and the data window, worked out here from the fixture's tables.
func TestEveryPeriodReport(t *testing.T) {
	dir := t.TempDir()
	periodtest.Write(t, dir)
	for _, c := range periodCases {
		t.Run(c.code, func(t *testing.T) {
			p, err := model.ParsePeriod(c.code)
			if err != nil {
				t.Fatal(err)
			}
			res, lines, _ := generatePeriod(t, dir, p)
			for _, f := range res.Warnings {
				if strings.HasPrefix(f.Code, "plan-") || strings.HasPrefix(f.Code, "year-estimate") {
					t.Errorf("warning: %v", f)
				}
			}
			want := fmt.Sprintf("Ky=%s|MaKy=%s|KyTrongNam=%s|CungKy=%s|LoaiKy=%s|KySau=%s|Nam=%d", c.name, c.code, c.within, c.same, c.kind, c.following, p.Year)
			if lines[0] != want {
				t.Errorf("period fields\n got %s\nwant %s", lines[0], want)
			}
			if want := "Số liệu tính từ ngày " + c.from + " đến ngày " + c.to + "."; lines[1] != want {
				t.Errorf("data window %q, want %q", lines[1], want)
			}
			if want := "Nhiệm vụ trọng tâm " + c.following + "."; lines[2] != want {
				t.Errorf("tasks %q, want %q", lines[2], want)
			}
			for _, code := range periodIndicators {
				checkPeriodIndicator(t, p, c, code, lineStarting(lines, code+": "))
			}
			checkVerdict(t, p, lineStarting(lines, "Đánh giá: "))
			for _, l := range lines {
				if strings.Contains(l, "…") || strings.Contains(l, "<no value>") {
					t.Errorf("line %q", l)
				}
			}
		})
	}
}

// checkPeriodIndicator checks one indicator's line against the fixture's tables.
func checkPeriodIndicator(t *testing.T, p model.Period, c periodCase, code, line string) {
	t.Helper()
	actual, ok := fixtureNumber(t, periodtest.Actual, c.code, code)
	if !ok {
		t.Fatalf("fixture lacks %s %s", c.code, code)
	}
	parts := strings.Split(strings.TrimSuffix(strings.TrimPrefix(line, code+": "), "."), "; ")
	if len(parts) < 2 {
		t.Fatalf("%s: line %q", code, line)
	}
	if actual.Sign() == 0 {
		if parts[0] != "không có" {
			t.Errorf("%s: a zero figure reads %q", code, parts[0])
		}
	} else if !strings.HasPrefix(strings.TrimLeft(parts[0], "0"), thousands(actual)+" ") {
		t.Errorf("%s: value %q, want %s", code, parts[0], thousands(actual))
	}
	last := p.SamePeriodLastYear().Code()
	if prev, ok := fixtureNumber(t, periodtest.Actual, last, code); ok {
		if want := growth(actual, prev) + " so với cùng kỳ năm " + fmt.Sprint(p.SamePeriodLastYear().Year); parts[1] != want {
			t.Errorf("%s: comparison %q, want %q", code, parts[1], want)
		}
	} else if want := "chưa có số liệu " + c.same + " để so sánh"; parts[1] != want {
		t.Errorf("%s: without the same period last year %q, want %q", code, parts[1], want)
	}
	rest := parts[2:]
	plan, hasPlan := fixtureNumber(t, periodtest.Plan, c.code, code)
	if !hasPlan {
		plan, hasPlan = fixtureNumber(t, periodtest.Plan, p.TheYear().Code(), code)
	}
	planName := "Kế hoạch năm " + fmt.Sprint(p.Year)
	lowerIsBetter := code == "TT_TO_CHUC_XU_PHAT"
	against := func(v *big.Int) string {
		if lowerIsBetter {
			if v.Cmp(plan) <= 0 {
				return "trong giới hạn " + planName + " (không quá " + thousands(plan) + " tổ chức)"
			}
			over := percentText(ratio(new(big.Int).Sub(v, plan), plan))
			return "vượt " + over + " so với giới hạn " + planName + " (không quá " + thousands(plan) + " tổ chức)"
		}
		return "đạt " + percentText(ratio(v, plan)) + " " + planName
	}
	switch {
	case !hasPlan:
		if len(rest) > 0 && strings.Contains(rest[0], "Kế hoạch") {
			t.Errorf("%s: no plan, yet %q", code, rest[0])
		}
	case len(rest) == 0:
		t.Errorf("%s: the plan of the year is not stated: %q", code, line)
	default:
		if want := against(actual); rest[0] != want {
			t.Errorf("%s: plan %q, want %q", code, rest[0], want)
		}
		rest = rest[1:]
	}
	estimate, hasEstimate := fixtureNumber(t, periodtest.YearEstimate, c.code, code)
	switch {
	case !hasEstimate:
		if len(rest) > 0 {
			t.Errorf("%s: no whole-year estimate, yet %q", code, rest)
		}
	case len(rest) != 1:
		t.Errorf("%s: the whole-year estimate is not stated: %q", code, line)
	default:
		want := "ước cả năm " + thousands(estimate) + " tỷ đồng, ước cả năm " + against(estimate)
		if rest[0] != want {
			t.Errorf("%s: estimate %q, want %q", code, rest[0], want)
		}
	}
}

// A shorter period's report is named by its period, in the current folder
// when no output is given; --template still chooses the template.
func TestPeriodReportName(t *testing.T) {
	dir := t.TempDir()
	ws, err := input.Open(periodtest.Write(t, dir, "2021-6T", "2022-6T", "2022"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	p := model.Period{Kind: model.SixMonths, Year: 2022}
	tpl := filepath.Join(dir, "mau-rieng.docx")
	if err := os.WriteFile(tpl, periodTemplate(), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Run(Options{Workspace: ws, Period: p, Template: tpl})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Bao-cao-6-thang-2022.docx"; res.Path != want || res.Template != tpl {
		t.Errorf("wrote %s with %s, want %s with %s", res.Path, res.Template, want, tpl)
	}
	b, err := os.ReadFile(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	text, err := docxpkg.Text(b)
	if err != nil || !strings.Contains(text, "Ky=6 tháng đầu năm 2022|") {
		t.Errorf("report %q %v", text, err)
	}
}

// checkVerdict: before the year is over, a year's plan is judged only where
// the period's figures settle it (a sum over the year that has reached its
// plan, or passed its ceiling); the others are counted apart, and the report
// never says "đều đạt".
func checkVerdict(t *testing.T, p model.Period, line string) {
	t.Helper()
	if !p.ShorterThanYear() {
		if strings.Contains(line, "đang thực hiện") {
			t.Errorf("a year's verdict %q", line)
		}
		return
	}
	open := 0
	year := p.TheYear().Code()
	for code := range periodtest.Plan[year] {
		actual, ok := fixtureNumber(t, periodtest.Actual, p.Code(), code)
		plan, _ := fixtureNumber(t, periodtest.Plan, year, code)
		lower := code == "TT_TO_CHUC_XU_PHAT"
		// A sum over the year only grows: a plan reached, or a ceiling passed, stays so.
		reached := actual.Cmp(plan) >= 0
		if lower {
			reached = actual.Cmp(plan) > 0
		}
		settled := slices.Contains(periodtest.Cumulative, code) && reached
		if ok && !settled {
			open++
		}
	}
	want := fmt.Sprintf("%d chỉ tiêu đang thực hiện kế hoạch năm %d", open, p.Year)
	if open == 0 || !strings.Contains(line, want) || strings.Contains(line, "đều đạt") {
		t.Errorf("verdict %q, want it to count %q", line, want)
	}
}

// What LibreOffice reads from a six months' report is what the tables say.
func TestSixMonthsReportInLibreOffice(t *testing.T) {
	dir := t.TempDir()
	periodtest.Write(t, dir)
	c := periodCases[3]
	p, err := model.ParsePeriod(c.code)
	if err != nil || p.Kind != model.SixMonths || p.Year != 2022 {
		t.Fatalf("case %+v: %v", c, err)
	}
	_, _, docx := generatePeriod(t, dir, p)
	lines := strings.Split(strings.ReplaceAll(officetest.Text(t, docx), "\r\n", "\n"), "\n")
	if want := "Ky=6 tháng đầu năm 2022|MaKy=2022-6T|"; !strings.HasPrefix(lines[0], want) {
		t.Errorf("LibreOffice reads %q", lines[0])
	}
	for _, code := range periodIndicators {
		checkPeriodIndicator(t, p, c, code, lineStarting(lines, code+": "))
	}
}

// A template that never names the period is an annual one: for six months it
// would call the figures the year's, so no report is written. The same
// template serves a year.
func TestAnnualTemplateRefusedForShorterPeriod(t *testing.T) {
	dir := t.TempDir()
	ws, err := input.Open(periodtest.Write(t, dir, "2021", "2022-6T", "2022"))
	if err != nil {
		t.Fatal(err)
	}
	tpl := filepath.Join(dir, "mau-nam.docx")
	annual := docxtest.Build(docxtest.Files{Body: docxtest.P(`Kết quả năm {{ .Nam }}: {{ with chi_tieu "DT_BUU_CHINH" }}{{ .GiaTriDonVi }}{{ end }}.`)})
	if err := os.WriteFile(tpl, annual, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.docx")
	_, err = Run(Options{Workspace: ws, Period: model.Period{Kind: model.SixMonths, Year: 2022}, Template: tpl, Output: out})
	var problems *ProblemsError
	if !errors.As(err, &problems) || !strings.Contains(problems.Error(), "mẫu không nêu kỳ báo cáo") ||
		!strings.Contains(problems.Error(), "6 tháng đầu năm 2022") {
		t.Fatalf("err %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a report was written")
	}
	if _, err := Run(Options{Workspace: ws, Period: model.YearPeriod(2022), Template: tpl, Output: out}); err != nil {
		t.Errorf("the year: %v", err)
	}
}
