package validate

import (
	"fmt"
	"path/filepath"
	"slices"

	"github.com/baocao/baocao/report/atomicfile"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
)

// read is one period's input as read, with the readers' findings.
type read struct {
	year     *model.Figures
	findings model.Findings
}

// validation gathers the findings of one validate command.
type validation struct {
	ws       *input.Workspace
	cat      *model.Catalogue
	cats     map[string]*model.Catalogue // catalogues beside files named by path, nil when unusable
	periods  map[model.Period]*read      // the workspace's periods, each read once
	findings model.Findings
	checked  []string
	// latest holds, when the whole workspace is checked, the latest period of
	// each kind: only its report is to be generated, the others are there to
	// compare with. Empty when the periods were named.
	latest map[model.PeriodKind]model.Period
	// named lists the workspace's periods checked, for the checks across periods.
	named []model.Period

	openTemplate TemplateOpener
	templates    map[model.PeriodKind]Template // by kind, opened on need; nil when unusable
}

// Template is what validate asks of the report template, so that validate
// passes exactly when generate would.
type Template interface {
	// Indicators lists the indicators the template names: a report's period must have them.
	Indicators() []string
	// Problems fills the template in memory and returns what stops it, such as a
	// header fact the template prints but the input lacks.
	Problems(rep *compute.Report) model.Findings
}

// TemplateOpener opens the report template of a kind of period against a
// catalogue. A template that cannot be used is nil, with the findings that
// say why: generate would refuse it for them.
type TemplateOpener func(*model.Catalogue, model.PeriodKind) (Template, model.Findings)

// Workspace validates the inputs that args name — periods of the workspace or
// file paths; none means every period of the workspace — each against the same
// period of the year before, and the cumulative figures of the workspace's
// periods of one year against each other. template opens the report template
// of a kind of period against the workspace's catalogue (nil: no template
// checks). It returns the findings and the files checked; the
// error is for inputs that cannot be found or read at all.
func Workspace(ws *input.Workspace, args []string, template TemplateOpener) (model.Findings, []string, error) {
	v := &validation{ws: ws, periods: map[model.Period]*read{}, cats: map[string]*model.Catalogue{}, openTemplate: template,
		templates: map[model.PeriodKind]Template{}}
	err := v.run(args)
	return v.findings, v.checked, err
}

func (v *validation) run(args []string) error {
	cat, fs, err := v.ws.Catalogue()
	if err != nil {
		return err
	}
	v.cat = cat
	v.findings = fs
	v.read(v.ws.Path(input.CatalogueFile))
	if fs.Errors() > 0 {
		return nil // the years cannot be read against a catalogue with errors
	}
	if len(args) == 0 {
		periods, err := v.workspacePeriods()
		if err != nil {
			return err
		}
		for _, p := range periods {
			args = append(args, p.Code())
		}
		// Earlier periods may be there only to compare with: the template's
		// needs are those of the latest period's report of each kind.
		v.latest = map[model.PeriodKind]model.Period{}
		for _, p := range periods {
			v.latest[p.Kind] = p
		}
	}
	// Copies of inputs that are never read: all of them for the whole
	// workspace, else those of the periods named.
	if v.latest != nil {
		v.findings = append(v.findings, v.ws.Strays()...)
	}
	for _, arg := range args {
		if p, ok, err := input.PeriodArg(arg); ok {
			if err != nil {
				return err
			}
			if v.latest == nil {
				v.findings = append(v.findings, v.ws.Strays(p)...)
			}
			if err := v.period(p); err != nil {
				return err
			}
			continue
		}
		if err := v.file(arg); err != nil {
			return err
		}
	}
	return v.cumulative()
}

// template is the report template of a kind of period, or nil when there are
// no template checks or it cannot be used. Why it cannot is found once, when
// it is first opened.
func (v *validation) template(kind model.PeriodKind) Template {
	if v.openTemplate == nil || kind == 0 {
		return nil
	}
	t, ok := v.templates[kind]
	if !ok {
		var found model.Findings
		t, found = v.openTemplate(v.cat, kind)
		v.findings = append(v.findings, found...)
		v.templates[kind] = t
	}
	return t
}

// workspacePeriods lists the periods the workspace has an input for, in order.
func (v *validation) workspacePeriods() ([]model.Period, error) {
	periods, err := v.ws.Periods()
	if err != nil {
		return nil, err
	}
	if len(periods) == 0 {
		return nil, fmt.Errorf("thư mục số liệu %s không có tệp số liệu nào (ví dụ 2021.yaml, 2022-6T.xlsx)", v.ws.Dir)
	}
	return periods, nil
}

// load reads a period of the workspace once, however many periods compare
// with it, as generate reads it (Workspace.Completed).
func (v *validation) load(p model.Period) (*read, error) {
	if r, ok := v.periods[p]; ok {
		return r, nil
	}
	y, fs, err := v.ws.Completed(p, v.cat)
	if err != nil {
		return nil, err
	}
	r := &read{year: y, findings: fs}
	v.periods[p] = r
	return r, nil
}

// previous reads the same period last year from the workspace, or returns nil
// when it has none.
func (v *validation) previous(p model.Period) (*read, error) {
	last := p.SamePeriodLastYear()
	if p.Kind == 0 || !v.ws.Has(last) {
		return nil, nil
	}
	return v.load(last)
}

func (v *validation) period(p model.Period) error {
	cur, err := v.load(p)
	if err != nil {
		return err
	}
	prev, err := v.previous(p)
	if err != nil {
		return err
	}
	// A shorter period's plans may be in its year's file, as generate reads them.
	var whole *read
	if year, ok := v.ws.PlanYear(p); ok {
		if whole, err = v.load(year); err != nil {
			return err
		}
		if cur.year != nil {
			cur.year.WholeYear = whole.year
		}
	}
	file, _ := v.ws.File(p)
	v.named = append(v.named, p)
	v.check(v.ws.Path(file), v.cat, cur, prev, whole)
	return nil
}

// file checks an input named by path against that of the same period last
// year: a file named for it beside it, else the workspace's. It is read against the
// catalogue input.CatalogueFor gives, as diff reads it.
func (v *validation) file(path string) error {
	cat, err := v.catalogueFor(path)
	if err != nil || cat == nil {
		return err
	}
	y, fs, err := input.ReadFile(path, cat)
	if err != nil {
		return err
	}
	cur := &read{year: y, findings: fs}
	var prev *read
	if y != nil && y.Period.Kind != 0 {
		if prev, err = v.sibling(path, y.Period.SamePeriodLastYear(), cat); err == nil && prev == nil && cat == v.cat {
			prev, err = v.previous(y.Period)
		}
		if err != nil {
			return err
		}
	}
	v.check(path, cat, cur, prev, nil)
	return nil
}

// catalogueFor reads the catalogue a file is checked against; nil after
// findings that make it unusable.
func (v *validation) catalogueFor(path string) (*model.Catalogue, error) {
	ws, err := input.CatalogueFor(path, func() (*input.Workspace, error) { return v.ws, nil })
	if err != nil || ws == v.ws || !v.ws.Embedded && atomicfile.SameFile(ws.Dir, v.ws.Dir) {
		return v.cat, err // the workspace's own, read already
	}
	name := ws.Path(input.CatalogueFile)
	if cat, ok := v.cats[name]; ok {
		return cat, nil
	}
	cat, fs, err := ws.Catalogue()
	if err != nil {
		return nil, err
	}
	v.read(name)
	v.findings = append(v.findings, fs...)
	if fs.Errors() > 0 {
		cat = nil
	}
	v.cats[name] = cat
	return cat, nil
}

// read notes a file as checked, once.
func (v *validation) read(name string) {
	if !slices.Contains(v.checked, name) {
		v.checked = append(v.checked, name)
	}
}

// sibling reads the input of period p beside path, or returns nil when there is none.
func (v *validation) sibling(path string, p model.Period, cat *model.Catalogue) (*read, error) {
	dir, err := input.Open(filepath.Dir(path))
	if err != nil || !dir.Has(p) {
		return nil, nil
	}
	y, fs, err := dir.Figures(p, cat)
	if err != nil {
		return nil, err
	}
	return &read{year: y, findings: fs}, nil
}

// check adds a period's findings: the readers' (those of the same period last
// year and of the whole year too, since they make the comparison and the plans
// unreliable, as generate says) and the content checks. prev and whole may be nil.
func (v *validation) check(name string, cat *model.Catalogue, cur, prev, whole *read) {
	v.read(name)
	reported := slices.Clone(cur.findings)
	var last *model.Figures
	if prev != nil {
		last = prev.year
	}
	for _, r := range []*read{prev, whole} {
		if r == nil {
			continue
		}
		reported = append(reported, r.findings...)
		if r.year != nil {
			v.read(r.year.Source)
		}
	}
	v.findings = append(v.findings, reported...)
	if cur.year == nil {
		return
	}
	p := cur.year.Period
	var tpl Template
	if latest, ok := v.latest[p.Kind]; cat == v.cat && (v.latest == nil || (ok && p == latest)) {
		tpl = v.template(p.Kind)
	}
	var required []string
	if tpl != nil {
		required = tpl.Indicators()
	}
	rep := compute.Compute(cat, cur.year, last)
	found := Check(cat, cur.year, last, Options{Reported: reported, Required: required, Report: rep})
	v.findings = append(v.findings, found...)
	// What is left can only show when the template is filled: do it in memory.
	if tpl != nil && found.Errors() == 0 && model.Findings(reported).Errors() == 0 {
		v.findings = append(v.findings, tpl.Problems(rep)...)
	}
}
