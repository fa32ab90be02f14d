package generate

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/officetest"
	"github.com/baocao/baocao/report/render"
	"github.com/baocao/baocao/templates"
)

// The sentences the reference report states, as the generated report must word them.
var wantSentences = []string{
	"Doanh thu bưu chính, chuyển phát ước thực hiện cả năm 2021 đạt 130 tỷ đồng, tăng 8,3% so với cùng kỳ năm 2020, đạt 118,2% Kế hoạch năm 2021.",
	"ước đạt 148.000 thuê bao, giảm 2.000 thuê bao so với thời điểm cuối năm 2020",
	"ước đạt 315.000 thuê bao, tăng 10,5% so với cùng kỳ năm 2020, đạt 95,5% Kế hoạch năm 2021",
	"ước đạt 1.150 tỷ đồng, giảm 28% so với cùng kỳ năm 2020, đạt 68% Kế hoạch năm 2021",
	"1.600.000 thuê bao",
	"23.000.000 đồng (Hai mươi ba triệu đồng)",
	"03 tổ chức",
	"01 đơn thư tố cáo, 09 đơn kiến nghị",
	"Chỉ số ứng dụng CNTT (ICT Index) xếp thứ 11/63 tỉnh, thành phố;",
	"Chỉ số đánh giá chuyển đổi số (DTI) xếp thứ 11/63 tỉnh, thành phố;",
	"PAR Index xếp thứ 14/63 tỉnh, thành phố;",
	"Cổng cung cấp dịch vụ công trực tuyến xếp thứ 6/63 tỉnh, thành phố;",
	"Cổng Thông tin điện tử tỉnh xếp thứ 11/63 tỉnh, thành phố.",
	"1.626 dịch vụ công trực tuyến mức độ 3, 4 trên tổng số 1.725 thủ tục hành chính của tỉnh, đạt tỷ lệ 94,3%",
	"Chưa đạt mục tiêu trên 50% số thủ tục hành chính phát sinh hồ sơ trực tuyến",
	"811 thủ tục hành chính của tỉnh phát sinh hồ sơ trực tuyến mức độ 3, 4 trên tổng số 1.725 thủ tục hành chính của tỉnh, đạt tỷ lệ 47,0%",
	"năm 2021 đạt 22.318 hồ sơ trên tổng số 92.329 hồ sơ, đạt tỷ lệ 24,2%",
	"tăng 13,9% so với cùng kỳ năm 2020",
	"Nam Định, ngày 10 tháng 12 năm 2021",
	"Kết quả công tác năm 2021 và nhiệm vụ trọng tâm năm 2022",
	"Kính gửi: Bộ Thông tin và Truyền thông.",
	"- Như trên;\n- Lưu: VT, BCVT.",
}

// The reference report's five mistakes, none of which may survive.
var mistakes = []string{
	"so với cùng kỳ năm 2021",      // wrong comparison year
	"đạt tỷ lệ 92%",                // 1.626 / 1.725 is 94,3%
	"Hoàn thành chỉ tiêu trên 50%", // 47,0%: not met
	"năm 2020 đạt 22.318",          // wrong year
	"NaN", "<no value>", "undefined",
}

func generateSample(t *testing.T) (string, []byte) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "Báo cáo 2021.docx")
	res, text, b := runText(t, Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Output: out})
	if res.Path != out || len(res.Warnings) != 0 {
		t.Errorf("result %+v", res)
	}
	return text, b
}

// runText generates the report opt asks for (Output set by the caller) and
// reads it back: the result, the report's text and its bytes.
func runText(t *testing.T, opt Options) (*Result, string, []byte) {
	t.Helper()
	res, err := Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(opt.Output)
	if err != nil {
		t.Fatal(err)
	}
	text, err := docxpkg.Text(b)
	if err != nil {
		t.Fatal(err)
	}
	return res, text, b
}

func checkReportText(t *testing.T, text string) {
	t.Helper()
	for _, s := range wantSentences {
		if !strings.Contains(text, s) {
			t.Errorf("report lacks %q", s)
		}
	}
	for _, s := range mistakes {
		if strings.Contains(text, s) {
			t.Errorf("report contains %q", s)
		}
	}
	// No plan was given for postpaid subscribers: no sentence may compare them with one.
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "trả sau duy trì") && strings.Contains(line, "Kế hoạch") {
			t.Errorf("postpaid subscribers compared with a plan: %q", line)
		}
	}
	if strings.Contains(text, "{{") || strings.Contains(text, "}}") {
		t.Errorf("a tag was left in the report")
	}
}

func TestSampleReport(t *testing.T) {
	text, _ := generateSample(t)
	checkReportText(t, text)
}

func TestSampleReportInLibreOffice(t *testing.T) {
	_, docx := generateSample(t)
	text := officetest.Text(t, docx)
	checkReportText(t, text)
	// LibreOffice lays the header table out as text too.
	for _, s := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "/BC-STTTT", "BÁO CÁO"} {
		if !strings.Contains(text, s) {
			t.Errorf("LibreOffice text lacks %q", s)
		}
	}
}

func TestTemplateMistakesAreAllReported(t *testing.T) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "mau.docx")
	body := `<w:p><w:r><w:t>{{ (chi_tieu "DT_BUU_CHNH").GiaTri }}</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>{{ if .CoQuan }}mở mà không đóng</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>{{ bang_chuu 5 }}</w:t></w:r></w:p>`
	if err := os.WriteFile(tpl, docxtest.Build(docxtest.Files{Body: body}), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.docx")
	_, err := Run(Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Template: tpl, Output: out})
	var problems *ProblemsError
	if !errors.As(err, &problems) {
		t.Fatalf("want a ProblemsError, got %v", err)
	}
	msg := problems.Error()
	for _, want := range []string{
		"mau.docx: lỗi: đoạn 1 «",
		"DT_BUU_CHNH", "có phải ý là «DT_BUU_CHINH»?",
		"mau.docx: lỗi: đoạn 2 «",
		"mau.docx: lỗi: đoạn 3 «",
		"bang_chuu", "có phải ý là «bang_chu»?",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("errors lack %q:\n%s", want, msg)
		}
	}
	if n := problems.Findings.Errors(); n != 3 || len(problems.Findings) != 3 {
		t.Errorf("want 3 errors, each a finding, got %d:\n%s", n, msg)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a report was written despite the errors")
	}
}

func TestDataIsEscaped(t *testing.T) {
	ws := input.Sample()
	cat, _, _ := ws.Catalogue()
	y, _, _ := ws.Figures(model.YearPeriod(2021), cat)
	y.Header.Recipients = []string{`Bộ TT&TT <Vụ "Kế hoạch">`}
	dir := t.TempDir()
	tpl := filepath.Join(dir, "mau.docx")
	body := `<w:p><w:r><w:t>Kính gửi: {{ range .KinhGui }}{{ . }}{{ end }}</w:t></w:r></w:p>`
	os.WriteFile(tpl, docxtest.Build(docxtest.Files{Body: body}), 0o644)
	b, _ := os.ReadFile(tpl)
	renderer, err := render.New(b, cat)
	if err != nil {
		t.Fatal(err)
	}
	r, err := renderer.Render(compute.Compute(cat, y, nil))
	if err != nil {
		t.Fatal(err)
	}
	text, err := docxpkg.Text(r)
	if err != nil {
		t.Fatal(err)
	}
	if want := `Kính gửi: Bộ TT&TT <Vụ "Kế hoạch">`; !strings.Contains(text, want) {
		t.Errorf("text = %q, want %q", text, want)
	}
}

func TestOutputNeverOverwritesInputs(t *testing.T) {
	ws := workspaceWith(t, nil)
	data, dir := ws.Dir, filepath.Dir(ws.Dir)
	before, _ := os.ReadFile(filepath.Join(data, "2021.yaml"))
	for _, out := range []string{filepath.Join(data, "2021.yaml"), filepath.Join(data, "bao-cao.txt")} {
		if _, err := Run(Options{Workspace: ws, Period: model.YearPeriod(2021), Output: out}); err == nil {
			t.Errorf("output %s accepted", out)
		}
	}
	after, _ := os.ReadFile(filepath.Join(data, "2021.yaml"))
	if string(before) != string(after) {
		t.Error("input changed")
	}
	tpl := filepath.Join(dir, "mau.docx")
	os.WriteFile(tpl, docxtest.Build(docxtest.Files{Body: `<w:p><w:r><w:t>{{ .Nam }}</w:t></w:r></w:p>`}), 0o644)
	if _, err := Run(Options{Workspace: ws, Period: model.YearPeriod(2021), Template: tpl, Output: tpl}); err == nil || !strings.Contains(err.Error(), "trùng với tệp mẫu") {
		t.Errorf("writing over the template: %v", err)
	}
}

// TestTemplateResavedByLibreOffice edits the default template as a user would:
// LibreOffice opens it and saves it again as .docx, rewriting every run. The
// report generated with it must read exactly as the one from the original.
func TestTemplateResavedByLibreOffice(t *testing.T) {
	tpl, err := templates.DefaultDocx()
	if err != nil {
		t.Fatal(err)
	}
	resaved := officetest.Convert(t, tpl, "mau.docx", "docx:MS Word 2007 XML")
	path := filepath.Join(t.TempDir(), "mau-sua.docx")
	if err := os.WriteFile(path, resaved, 0o644); err != nil {
		t.Fatal(err)
	}
	_, got, _ := runText(t, Options{Workspace: input.Sample(), Period: model.YearPeriod(2021), Template: path, Output: filepath.Join(t.TempDir(), "bao-cao.docx")})
	want, _ := generateSample(t)
	if got != want {
		t.Errorf("reports differ:\n--- from the resaved template\n%s\n--- from the default\n%s", got, want)
	}
}

// A report written into the workspace, or given back as the template, would be
// read the next year as an input: last year's figures would come out again.
func TestReportNeverBecomesTheTemplate(t *testing.T) {
	ws := workspaceWith(t, nil)
	data, dir := ws.Dir, filepath.Dir(ws.Dir)
	if _, err := Run(Options{Workspace: ws, Period: model.YearPeriod(2021), Output: filepath.Join(data, "mau-bao-cao.docx")}); err == nil || !strings.Contains(err.Error(), "không ghi báo cáo vào thư mục số liệu") {
		t.Errorf("report into the workspace: %v", err)
	}
	report := filepath.Join(dir, "Bao-cao-2021.docx")
	if _, err := Run(Options{Workspace: ws, Period: model.YearPeriod(2021), Output: report}); err != nil {
		t.Fatal(err)
	}
	_, err := Run(Options{Workspace: ws, Period: model.YearPeriod(2021), Template: report, Output: filepath.Join(dir, "lai.docx")})
	var problems *ProblemsError
	if !errors.As(err, &problems) || !strings.Contains(err.Error(), "không có thẻ {{ … }} nào") {
		t.Errorf("a finished report as the template: %v", err)
	}
}

// workspaceWith copies the sample into a folder, applying textual edits (if
// any) to 2021.yaml.
func workspaceWith(t *testing.T, edit func(string) string) *input.Workspace {
	t.Helper()
	data := filepath.Join(t.TempDir(), "data")
	os.Mkdir(data, 0o755)
	for _, name := range []string{"chi-tieu.yaml", "2020.yaml", "2021.yaml"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "data", name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "2021.yaml" && edit != nil {
			b = []byte(edit(string(b)))
		}
		os.WriteFile(filepath.Join(data, name), b, 0o644)
	}
	ws, err := input.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

func TestNarrativeSections(t *testing.T) {
	// No task for next year: the report is written, with a warning.
	ws := workspaceWith(t, func(s string) string { return strings.ReplaceAll(s, "phan: nhiem_vu", "phan: ton_tai") })
	res, err := Run(Options{Workspace: ws, Period: model.YearPeriod(2021), Output: filepath.Join(t.TempDir(), "a.docx")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Code != "empty-part" || !strings.Contains(res.Warnings[0].Msg, "«nhiem_vu»") {
		t.Errorf("warnings = %v", res.Warnings)
	}
	// An item without its heading («Mục» may be blank) stands under the part's
	// own heading, never under an empty numbered one.
	ws = workspaceWith(t, func(s string) string {
		return strings.Replace(s, "  - phan: qlnn\n    muc: Về Công nghệ thông tin\n", "  - phan: qlnn\n", 1)
	})
	_, text, _ := runText(t, Options{Workspace: ws, Period: model.YearPeriod(2021), Output: filepath.Join(t.TempDir(), "b.docx")})
	if !regexp.MustCompile(`(?m)^3\. Công tác thực hiện nhiệm vụ quản lý nhà nước của Sở năm 2021\n- `).MatchString(text) || regexp.MustCompile(`(?m)^3\.\d*\. *$`).MatchString(text) {
		t.Errorf("item without heading:\n%s", text)
	}
}

// TestTemplateErrorsInParagraphOrder: the problems met while filling a template
// are listed in the order of their paragraphs (2 before 10), not as their
// texts sort ("đoạn 10" before "đoạn 2").
func TestTemplateErrorsInParagraphOrder(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	cat, err := fs.ReadFile(input.Sample().FS, input.CatalogueFile)
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string][]byte{input.CatalogueFile: cat, "2021.yaml": []byte("nam: 2021\n")} {
		if err := os.MkdirAll(data, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(data, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ws, err := input.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	var body strings.Builder
	for i := 1; i <= 12; i++ {
		switch i {
		case 2:
			body.WriteString(docxtest.P("Cơ quan: {{ .CoQuan }}"))
		case 10:
			body.WriteString(docxtest.P("Địa danh: {{ .DiaDanh }}"))
		default:
			body.WriteString(docxtest.P(fmt.Sprintf("Đoạn %d, năm {{ .Nam }}.", i)))
		}
	}
	tpl := filepath.Join(dir, "mau.docx")
	if err := os.WriteFile(tpl, docxtest.Build(docxtest.Files{Body: body.String()}), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Run(Options{Workspace: ws, Period: model.YearPeriod(2021), Template: tpl, Output: filepath.Join(dir, "bc.docx")})
	var problems *ProblemsError
	if !errors.As(err, &problems) {
		t.Fatalf("err = %v", err)
	}
	var paras []int
	for _, f := range problems.Findings {
		if f.Code == "template-value" {
			paras = append(paras, f.Pos.Paragraph)
		}
	}
	if len(paras) != 2 || paras[0] != 2 || paras[1] != 10 {
		t.Fatalf("template errors at paragraphs %v, want [2 10]:\n%s", paras, problems.Findings)
	}
}
