// Package generate is the whole path from a workspace to a written report:
// load and check the inputs and the template, compute, render, and write the
// .docx atomically, never over an input or the template.
package generate

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/baocao/baocao/report/atomicfile"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/fileerr"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/render"
	"github.com/baocao/baocao/report/validate"
)

// Options says what to generate.
type Options struct {
	Workspace *input.Workspace
	Year      int
	Template  string // a .docx path; "" takes the workspace's template or the default
	Output    string // "" writes DefaultOutput(Year) in the current folder; a .pdf name asks for the PDF (see outputs)
	// Strict makes an omitted sentence (an indicator without a value) an
	// error: no report is written.
	Strict bool
	PDFOptions
	Appendix string // when set, the data appendix is also written there as a workbook (.xlsx)
}

// DefaultOutput is the report's file name when none is given.
func DefaultOutput(year int) string { return "Bao-cao-" + strconv.Itoa(year) + ".docx" }

// Result describes a written report.
type Result struct {
	Path     string // the .docx; "" when only the PDF was asked for
	PDF      string // the PDF, when asked for
	Appendix string // the appendix workbook, when asked for
	Template string
	Report   *compute.Report
	Warnings model.Findings
}

// ProblemsError lists every problem found in the inputs and the template; no
// report was written.
type ProblemsError struct {
	Findings model.Findings // input problems, errors and warnings
	Template string         // the template's name, for its errors
	Errs     []error        // template and rendering errors, each located
}

func (e *ProblemsError) Error() string {
	var lines []string
	if len(e.Findings) > 0 {
		lines = append(lines, e.Findings.String())
	}
	for _, err := range e.Errs {
		for _, line := range strings.Split(err.Error(), "\n") {
			lines = append(lines, e.Template+": "+line)
		}
	}
	return strings.Join(lines, "\n")
}

// Count is how many errors (not warnings) there are.
func (e *ProblemsError) Count() int {
	n := e.Findings.Errors()
	for _, err := range e.Errs {
		n += strings.Count(err.Error(), "\n") + 1
	}
	return n
}

// Load reads the catalogue, the year and, when present, the year before. The
// error is for inputs that cannot be read at all; findings are content problems.
func Load(ws *input.Workspace, year int) (*model.Catalogue, *model.Year, *model.Year, model.Findings, error) {
	cat, findings, err := ws.Catalogue()
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if findings.Errors() > 0 {
		return cat, nil, nil, findings, nil
	}
	cur, fs, err := ws.Year(year, cat)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	findings = append(findings, fs...)
	var prev *model.Year
	if ws.HasYear(year - 1) {
		p, fs, err := ws.Year(year-1, cat)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		findings = append(findings, fs...)
		prev = p
	}
	return cat, cur, prev, findings, nil
}

// Run generates the report. A *ProblemsError means the inputs or the template
// need fixing; any other error means the command could not run.
func Run(opt Options) (*Result, error) {
	cat, cur, prev, findings, err := Load(opt.Workspace, opt.Year)
	if err != nil {
		return nil, err
	}
	tplName, tplBytes, err := readTemplate(opt)
	if err != nil {
		return nil, err
	}
	out, pdfOut, err := outputs(opt)
	if err != nil {
		return nil, err
	}
	for _, path := range []string{out, pdfOut} {
		if path == "" {
			continue
		}
		if err := checkOutput(path, opt); err != nil {
			return nil, err
		}
	}
	if err := opt.checkOffice(pdfOut); err != nil {
		return nil, err
	}
	if err := checkAppendixOutput(out, opt); err != nil {
		return nil, err
	}
	problems := &ProblemsError{Template: tplName}
	renderer, err := render.New(tplBytes, cat)
	var required []string
	if err != nil {
		problems.Errs = append(problems.Errs, err)
	} else {
		required = renderer.Indicators()
	}
	var rep *compute.Report
	if cur != nil {
		rep = compute.Compute(cat, cur, prev)
		// The checks of validate; they include compute's own findings.
		findings = validate.Sort(append(findings, validate.Check(cat, cur, prev, validate.Options{Reported: findings, Required: required, Report: rep})...))
	}
	problems.Findings = findings
	if problems.Count() > 0 {
		return nil, problems
	}
	docx, err := renderer.Render(rep)
	if err != nil {
		problems.Findings = validate.Sort(append(problems.Findings, validate.Omitted(rep, renderer.Omitted(), opt.Strict)...))
		problems.Errs = append(problems.Errs, err)
		return nil, problems
	}
	findings = append(findings, emptyParts(renderer, rep)...)
	findings = validate.Sort(append(findings, validate.Omitted(rep, renderer.Omitted(), opt.Strict)...))
	if findings.Errors() > 0 {
		problems.Findings = findings
		return nil, problems
	}
	workbook, err := appendixWorkbook(opt, rep)
	if err != nil {
		return nil, err
	}
	if out, err = opt.write(out, pdfOut, docx); err != nil {
		return nil, err
	}
	if workbook != nil {
		if err := atomicfile.Write(opt.Appendix, workbook, 0o644); err != nil {
			return nil, err
		}
	}
	return &Result{Path: out, PDF: pdfOut, Appendix: opt.Appendix, Template: tplName, Report: rep, Warnings: findings}, nil
}

// Template opens the workspace's template for validate; nil when it cannot be
// read or has errors (generate reports those).
func Template(ws *input.Workspace, cat *model.Catalogue) validate.Template {
	name, tpl, err := ws.Template()
	if err != nil {
		return nil
	}
	r, err := render.New(tpl, cat)
	if err != nil {
		return nil
	}
	return &templateCheck{name: name, r: r}
}

type templateCheck struct {
	name string
	r    *render.Renderer
}

func (t *templateCheck) Indicators() []string { return t.r.Indicators() }

func (t *templateCheck) Problems(rep *compute.Report) model.Findings {
	_, err := t.r.Render(rep)
	fs := validate.Omitted(rep, t.r.Omitted(), false)
	if err == nil {
		return append(emptyParts(t.r, rep), fs...)
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		fs = append(fs, model.Finding{Severity: model.Error, Code: "template-value", Pos: model.Pos{File: t.name}, Msg: line})
	}
	return fs
}

func readTemplate(opt Options) (string, []byte, error) {
	if opt.Template == "" {
		return opt.Workspace.Template()
	}
	b, err := os.ReadFile(opt.Template)
	if err != nil {
		return "", nil, fmt.Errorf("không đọc được tệp mẫu %s: %w", opt.Template, fileerr.Describe(err))
	}
	return filepath.ToSlash(opt.Template), b, nil
}

// checkOutput refuses an output path that is the template or an input file.
func checkOutput(out string, opt Options) error {
	if opt.Template != "" && atomicfile.SameFile(out, opt.Template) {
		return fmt.Errorf("tệp kết quả %s trùng với tệp mẫu; hãy chọn tên khác", out)
	}
	// The workspace holds the inputs and the template the next run will read: a
	// report written there could be taken for one of them.
	if !opt.Workspace.Embedded && atomicfile.SameFile(filepath.Dir(out), opt.Workspace.Dir) {
		return fmt.Errorf("không ghi báo cáo vào thư mục số liệu %s (nơi để danh mục, số liệu và mẫu); hãy chọn thư mục khác", opt.Workspace.Dir)
	}
	return nil
}

// emptyParts warns of the sectioned narrative parts the template asked for that
// have no item: their place in the report stays empty.
func emptyParts(r *render.Renderer, rep *compute.Report) model.Findings {
	var fs model.Findings
	for _, part := range r.EmptyParts() {
		fs = append(fs, model.Finding{Severity: model.Warning, Code: "empty-part", Pos: model.Pos{File: rep.Year.Source},
			Msg: fmt.Sprintf("phần nội dung «%s» chưa có ý nào: mục tương ứng của báo cáo sẽ để trống", part),
			Fix: fmt.Sprintf("thêm ý cho phần %s (trang «Nội dung» của bảng tính, hoặc noi_dung trong tệp YAML)", part)})
	}
	return fs
}
