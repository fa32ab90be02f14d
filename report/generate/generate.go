// Package generate is the whole path from a workspace to a written report:
// load and check the inputs and the template, compute, render, and write the
// .docx atomically, never over an input or the template.
package generate

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/baocao/baocao/report/atomicfile"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/fileerr"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/render"
	"github.com/baocao/baocao/report/validate"
	"github.com/baocao/baocao/report/vnformat"
)

// Options says what to generate.
type Options struct {
	Workspace *input.Workspace
	Period    model.Period
	Template  string // a .docx path; "" takes the workspace's template or the default
	Output    string // "" writes DefaultOutput(Period) beside the data folder found, or in the current folder; a .pdf name asks for the PDF (see outputs)
	// Strict makes an omitted sentence (an indicator without a value) an
	// error: no report is written.
	Strict bool
	PDFOptions
	// Force writes over a file at the output that baocao did not write or that
	// was changed since, keeping it as a dated backup beside it.
	Force bool
	Now   func() time.Time // names the backup; time.Now when nil
	// Ledger remembers the PDFs written, which carry no mark of their own; the
	// zero Ledger remembers none, so that any PDF already there is kept.
	Ledger   atomicfile.Ledger
	Appendix string // when set, the data appendix is also written there as a workbook (.xlsx)
}

func (opt Options) now() time.Time {
	if opt.Now != nil {
		return opt.Now()
	}
	return time.Now()
}

// DefaultOutput is the report's file name when none is given.
func DefaultOutput(p model.Period) string { return "Bao-cao-" + p.FileStem() + ".docx" }

// Result describes a written report.
type Result struct {
	Path     string // the .docx; "" when only the PDF was asked for
	PDF      string // the PDF, when asked for
	Appendix string // the appendix workbook, when asked for
	// AppendixBackup is where the file that was at Appendix went, with Force.
	AppendixBackup string
	Template       string
	Report         *compute.Report
	Warnings       model.Findings
	Backup         string // where the file that was at Path went, with Force; "" if none
	PDFBackup      string // where the file that was at PDF went, with Force
}

// ProblemsError lists every problem found in the inputs and the template, the
// template's located in it; no report was written.
type ProblemsError struct {
	Findings model.Findings // errors and warnings
}

func (e *ProblemsError) Error() string { return e.Findings.String() }

// ExistsError refuses to write over a file that baocao did not write, or that
// was changed after baocao wrote it.
type ExistsError = atomicfile.ExistsError

// Load reads the catalogue, the period's figures (with, for a period shorter
// than a year, the year's linked for its plans: input.Workspace.FiguresWithYear)
// and, when present, those of the same period last year, both completed with
// what their year's other periods give (input.Workspace.Derive). The error is
// for inputs that cannot be read at all; findings are content problems.
func Load(ws *input.Workspace, period model.Period) (*model.Catalogue, *model.Figures, *model.Figures, model.Findings, error) {
	cat, findings, err := ws.Catalogue()
	if err != nil {
		return nil, nil, nil, nil, err
	}
	cur, prev, findings, err := loadFigures(ws, period, cat, findings)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	return cat, cur, prev, findings, nil
}

// loadFigures is Load once the catalogue is read, with its findings: none
// of the figures are read when those hold an error.
func loadFigures(ws *input.Workspace, period model.Period, cat *model.Catalogue, findings model.Findings) (*model.Figures, *model.Figures, model.Findings, error) {
	if findings.Errors() > 0 {
		return nil, nil, findings, nil
	}
	// The periods are read at once: each is a file of its own and reading is
	// most of the time spent on a large workspace.
	type read struct {
		y   *model.Figures
		fs  model.Findings
		err error
	}
	before := make(chan read, 1)
	if last := period.SamePeriodLastYear(); ws.Has(last) {
		go func() {
			y, fs, err := ws.Completed(last, cat)
			before <- read{y, fs, err}
		}()
	} else {
		before <- read{}
	}
	cur, fs, err := ws.FiguresWithYear(period, cat)
	p := <-before
	if err != nil {
		return nil, nil, nil, err
	}
	if p.err != nil {
		return nil, nil, nil, p.err
	}
	return cur, p.y, append(append(findings, fs...), p.fs...), nil
}

// Run generates the report. A *ProblemsError means the inputs or the template
// need fixing; any other error means the command could not run.
func Run(opt Options) (*Result, error) {
	// The steps before rendering are independent reads: the template and the
	// files at the outputs (a report there is hashed, to see whether anyone
	// changed it) are read while the figures are. Their errors are still
	// reported in this order.
	type read struct {
		name string
		docx []byte
		err  error
	}
	template := make(chan read, 1)
	go func() {
		name, docx, err := readTemplate(opt)
		template <- read{name, docx, err}
	}()
	targetsChecked := make(chan targets, 1)
	go func() { targetsChecked <- checkTargets(opt) }()
	// The template is parsed, which needs only the catalogue, while the
	// figures are read (Load's steps, split).
	cat, findings, err := opt.Workspace.Catalogue()
	if err != nil {
		return nil, err
	}
	if findings.Errors() > 0 {
		// Neither the figures nor the template can be read against it.
		return nil, &ProblemsError{Findings: validate.Sort(findings)}
	}
	type parsed struct {
		r   *render.Renderer
		err error
	}
	parsing := make(chan parsed, 1)
	tplRead := make(chan read, 1) // its name, or why it could not be read
	go func() {
		tpl := <-template
		tplRead <- read{name: tpl.name, err: tpl.err}
		if tpl.err == nil {
			r, err := render.New(tpl.docx, cat)
			parsing <- parsed{r, err}
		}
	}()
	cur, prev, findings, err := loadFigures(opt.Workspace, opt.Period, cat, findings)
	if err != nil {
		return nil, err
	}
	findings = append(findings, opt.Workspace.Strays(opt.Period)...)
	tpl := <-tplRead
	if tpl.err != nil {
		return nil, tpl.err
	}
	tplName := tpl.name
	tg := <-targetsChecked
	if tg.err != nil {
		return nil, tg.err
	}
	out, pdfOut, backup, appendixBackup, pdfBackup := tg.out, tg.pdf, tg.backup, tg.appendixBackup, tg.pdfBackup
	problems := &ProblemsError{}
	p := <-parsing
	renderer, err := p.r, p.err
	var required []string
	if err != nil {
		problems.Findings = append(problems.Findings, render.Findings(tplName, model.Error, "template-error", err)...)
	} else {
		required = renderer.Indicators()
	}
	var rep *compute.Report
	if cur != nil {
		rep = compute.Compute(cat, cur, prev)
		// The checks of validate; they include compute's own findings.
		findings = validate.Sort(append(findings, validate.Check(cat, cur, prev, validate.Options{Reported: findings, Required: required, Report: rep})...))
	}
	problems.Findings = append(findings, problems.Findings...)
	if problems.Findings.Errors() > 0 {
		return nil, problems
	}
	pkg, err := renderer.RenderPackage(rep)
	if err != nil {
		problems.Findings = append(problems.Findings, render.Findings(tplName, model.Error, "template-value", err)...)
		problems.Findings = validate.Sort(append(problems.Findings, validate.Omitted(rep, renderer.Omitted(), opt.Strict)...))
		return nil, problems
	}
	docx, err := stamp(pkg)
	if err != nil {
		return nil, fmt.Errorf("lỗi nội bộ khi ghi dấu nhận biết vào báo cáo: %w", err)
	}
	findings = append(findings, afterFilling(tplName, renderer, rep)...)
	findings = validate.Sort(append(findings, validate.Omitted(rep, renderer.Omitted(), opt.Strict)...))
	if findings.Errors() > 0 {
		problems.Findings = findings
		return nil, problems
	}
	workbook, err := appendixWorkbook(opt, rep)
	if err != nil {
		return nil, err
	}
	if out, err = opt.write(out, backup, pdfOut, pdfBackup, docx); err != nil {
		return nil, err
	}
	if workbook != nil {
		if err := writeReport(opt.Appendix, appendixBackup, workbook); err != nil {
			return nil, err
		}
	}
	return &Result{Path: out, PDF: pdfOut, Appendix: opt.Appendix, AppendixBackup: appendixBackup, Template: tplName, Report: rep, Warnings: findings, Backup: backup, PDFBackup: pdfBackup}, nil
}

// targets are the files generate writes, and the backups of those already there.
type targets struct {
	out, pdf, backup, appendixBackup, pdfBackup string
	err                                         error
}

// checkTargets decides where the outputs go and about the files already there.
func checkTargets(opt Options) (t targets) {
	if t.out, t.pdf, t.err = outputs(opt); t.err != nil {
		return t
	}
	for _, path := range []string{t.out, t.pdf} {
		if path == "" {
			continue
		}
		if t.err = checkOutput(path, opt); t.err != nil {
			return t
		}
	}
	if t.err = opt.checkOffice(t.pdf); t.err != nil {
		return t
	}
	if t.backup, t.err = checkTarget(t.out, opt); t.err != nil {
		return t
	}
	if t.appendixBackup, t.err = checkAppendix(t.out, opt); t.err != nil {
		return t
	}
	if t.pdf != "" {
		t.pdfBackup, t.err = opt.Ledger.CheckReplace(t.pdf, opt.Force, opt.now(), "bản PDF ra tệp khác (-o TÊN_KHÁC.pdf)")
	}
	return t
}

// checkTarget decides about a file already at out: a report baocao wrote and
// nobody changed is replaced; any other is refused, or with Force kept as the
// backup it returns.
func checkTarget(out string, opt Options) (backup string, err error) {
	if out == "" {
		return "", nil
	}
	st, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("không ghi được báo cáo vào %s: %w", out, fileerr.Describe(err))
	}
	if !st.Mode().IsRegular() {
		return "", fmt.Errorf("không ghi được báo cáo vào %s: ở đó đã có một thư mục hoặc một đối tượng không phải tệp", out)
	}
	b, err := input.ReadPath(out)
	prov := Foreign
	if err == nil {
		prov = provenance(b)
	}
	if prov == Unchanged {
		return "", nil
	}
	backup = atomicfile.BackupName(out, opt.now())
	if !opt.Force {
		return "", &ExistsError{Path: out, Edited: prov == Edited, Backup: backup, Other: "báo cáo mới ra tệp khác (-o TÊN_KHÁC.docx)"}
	}
	return backup, nil
}

// writeReport replaces out with docx, first keeping the file there as backup when
// one is named: at every moment out is the old file or the new one whole. A
// marked file needs no ledger.
func writeReport(out, backup string, docx []byte) error {
	return atomicfile.Ledger{}.Replace(out, backup, docx, time.Time{})
}

// Template opens the workspace's template of a kind of period for validate:
// a template generate would refuse is nil, with the findings generate reports.
func Template(ws *input.Workspace, cat *model.Catalogue, kind model.PeriodKind) (validate.Template, model.Findings) {
	name, tpl, err := ws.Template(kind)
	if err == nil {
		var r *render.Renderer
		if r, err = render.New(tpl, cat); err == nil {
			return &templateCheck{name: name, r: r}, nil
		}
	}
	return nil, render.Findings(name, model.Error, "template-error", err)
}

type templateCheck struct {
	name string
	r    *render.Renderer
}

func (t *templateCheck) Indicators() []string { return t.r.Indicators() }

// Problems fills the template keeping nothing of the report (Verify): only
// the errors and what the filling noted are wanted.
func (t *templateCheck) Problems(rep *compute.Report) model.Findings {
	err := t.r.Verify(rep)
	fs := validate.Omitted(rep, t.r.Omitted(), false)
	if err != nil {
		return append(render.Findings(t.name, model.Error, "template-value", err), fs...)
	}
	return append(afterFilling(t.name, t.r, rep), fs...)
}

// afterFilling is what filling the template noted, beside its errors: the
// same for generate and validate.
func afterFilling(template string, r *render.Renderer, rep *compute.Report) model.Findings {
	fs := append(emptyParts(r, rep), periodUnnamed(template, r, rep)...)
	return append(fs, undated(r, rep)...)
}

// undated warns, once however many places print it, of a report whose date
// was left for the signer: the workbook allows it for a draft.
func undated(r *render.Renderer, rep *compute.Report) model.Findings {
	if !r.Undated() {
		return nil
	}
	h := &rep.Current.Header
	pos, ok := h.FieldPos["ngay"]
	if !ok {
		pos = model.Pos{File: rep.Current.Source}
	}
	return model.Findings{{Severity: model.Warning, Code: "undated", Pos: pos,
		Msg: fmt.Sprintf("chưa có ngày ban hành: báo cáo để trống ngày và tháng («%s») để người ký ghi khi ban hành", vnformat.UndatedDate(rep.Current.Period.Year)),
		Fix: "điền ngày ban hành (ngày/tháng/năm) khi đã có"}}
}

func readTemplate(opt Options) (string, []byte, error) {
	if opt.Template == "" {
		return opt.Workspace.Template(opt.Period.Kind)
	}
	b, err := input.ReadTemplate(opt.Template)
	if err != nil {
		return "", nil, err
	}
	return opt.Template, b, nil
}

// checkOutput refuses an output path that is the template or an input file.
func checkOutput(out string, opt Options) error {
	if opt.Template != "" && atomicfile.SameFile(out, opt.Template) {
		return fmt.Errorf("tệp kết quả %s trùng với tệp mẫu; hãy chọn tên khác", out)
	}
	return input.CheckOutput(out, "báo cáo", opt.Workspace)
}

// periodUnnamed refuses a template that never names the period for a report
// of a period shorter than a year: an annual template would call six months'
// figures the year's ("cả năm 2022 đạt 59 tỷ đồng").
func periodUnnamed(template string, r *render.Renderer, rep *compute.Report) model.Findings {
	p := rep.Current.Period
	if !p.ShorterThanYear() || r.NamesPeriod() {
		return nil
	}
	return model.Findings{{Severity: model.Error, Code: "template-period", Pos: model.Pos{File: template},
		Msg: fmt.Sprintf("mẫu không nêu kỳ báo cáo ở chỗ nào ({{ .Ky }}, {{ .KyTrongNam }}, {{ .LoaiKy }}…): đây là mẫu báo cáo năm, sẽ gọi số liệu %s là số liệu cả năm", p.Name()),
		Fix: "dùng mẫu báo cáo của loại kỳ này (--template), hoặc nêu kỳ trong mẫu bằng các trường của kỳ báo cáo ({{ .Ky }}…)"}}
}

// emptyParts warns of the sectioned narrative parts the template asked for that
// have no item: their place in the report stays empty.
func emptyParts(r *render.Renderer, rep *compute.Report) model.Findings {
	var fs model.Findings
	for _, part := range r.EmptyParts() {
		fs = append(fs, model.Finding{Severity: model.Warning, Code: "empty-part", Pos: model.Pos{File: rep.Current.Source},
			Msg: fmt.Sprintf("phần nội dung «%s» chưa có ý nào: mục tương ứng của báo cáo sẽ để trống", part),
			Fix: fmt.Sprintf("thêm ý cho phần %s (trang «Nội dung» của bảng tính, hoặc noi_dung trong tệp YAML)", part)})
	}
	return fs
}
