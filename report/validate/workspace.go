package validate

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
)

// read is one year's input as read, with the readers' findings.
type read struct {
	year     *model.Year
	findings model.Findings
}

// validation gathers the findings of one validate command.
type validation struct {
	ws       *input.Workspace
	cat      *model.Catalogue
	cats     map[string]*model.Catalogue // catalogues beside files named by path, nil when unusable
	years    map[int]*read               // the workspace's years, each read once
	findings model.Findings
	checked  []string
	latest   int // when set, only this year's report is to be generated

	openTemplate func(*model.Catalogue) Template
	template     Template // nil when the template cannot be used
}

// Template is what validate asks of the report template, so that validate
// passes exactly when generate would.
type Template interface {
	// Indicators lists the indicators the template names: a report year must have them.
	Indicators() []string
	// Problems fills the template in memory and returns what stops it, such as a
	// header fact the template prints but the input lacks.
	Problems(rep *compute.Report) model.Findings
}

var digitsOnly = regexp.MustCompile(`^\d+$`)

// Workspace validates the inputs that args name — years of the workspace or
// file paths; none means every year of the workspace — each against the year
// before it. template opens the report template against the workspace's
// catalogue (nil, or a nil result: no template checks). It returns the findings
// and the files checked; the error is for inputs that cannot be found or read
// at all.
func Workspace(ws *input.Workspace, args []string, template func(*model.Catalogue) Template) (model.Findings, []string, error) {
	v := &validation{ws: ws, years: map[int]*read{}, cats: map[string]*model.Catalogue{}, openTemplate: template}
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
	v.checked = append(v.checked, v.ws.Path(input.CatalogueFile))
	if fs.Errors() > 0 {
		return nil // the years cannot be read against a catalogue with errors
	}
	if v.openTemplate != nil {
		v.template = v.openTemplate(cat)
	}
	if len(args) == 0 {
		years, err := v.workspaceYears()
		if err != nil {
			return err
		}
		args = years
		// Earlier years may be there only to compare with: the template's needs
		// are those of the latest year's report.
		v.latest, _ = strconv.Atoi(years[len(years)-1])
	}
	for _, arg := range args {
		if digitsOnly.MatchString(arg) {
			year, err := input.ParseYearArg(arg)
			if err != nil {
				return err
			}
			if err := v.year(year); err != nil {
				return err
			}
			continue
		}
		if err := v.file(arg); err != nil {
			return err
		}
	}
	return nil
}

// workspaceYears lists the years the workspace has an input for, in order.
func (v *validation) workspaceYears() ([]string, error) {
	years, err := v.ws.Years()
	if err != nil {
		return nil, err
	}
	if len(years) == 0 {
		return nil, fmt.Errorf("thư mục số liệu %s không có tệp số liệu năm nào (ví dụ 2021.yaml hoặc 2021.xlsx)", v.ws.Dir)
	}
	out := make([]string, len(years))
	for i, y := range years {
		out[i] = strconv.Itoa(y)
	}
	return out, nil
}

// load reads a year of the workspace once, however many years compare with it.
func (v *validation) load(year int) (*read, error) {
	if r, ok := v.years[year]; ok {
		return r, nil
	}
	y, fs, err := v.ws.Year(year, v.cat)
	if err != nil {
		return nil, err
	}
	r := &read{year: y, findings: fs}
	v.years[year] = r
	return r, nil
}

// previous reads last year from the workspace, or returns nil when it has none.
func (v *validation) previous(year int) (*read, error) {
	if year == 0 || !v.ws.HasYear(year-1) {
		return nil, nil
	}
	return v.load(year - 1)
}

func (v *validation) year(year int) error {
	cur, err := v.load(year)
	if err != nil {
		return err
	}
	prev, err := v.previous(year)
	if err != nil {
		return err
	}
	file, _ := v.ws.YearFile(year)
	v.check(v.ws.Path(file), v.cat, cur, prev)
	return nil
}

// file checks an input named by path against last year's input: a file named
// for that year beside it, else the workspace's. It is read against the
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
	if y != nil && y.Year != 0 {
		if prev, err = v.sibling(path, y.Year-1, cat); err == nil && prev == nil && cat == v.cat {
			prev, err = v.previous(y.Year)
		}
		if err != nil {
			return err
		}
	}
	v.check(path, cat, cur, prev)
	return nil
}

// catalogueFor reads the catalogue a file is checked against; nil after
// findings that make it unusable.
func (v *validation) catalogueFor(path string) (*model.Catalogue, error) {
	ws, err := input.CatalogueFor(path, func() (*input.Workspace, error) { return v.ws, nil })
	if err != nil || ws == v.ws {
		return v.cat, err
	}
	name := ws.Path(input.CatalogueFile)
	if cat, ok := v.cats[name]; ok {
		return cat, nil
	}
	cat, fs, err := ws.Catalogue()
	if err != nil {
		return nil, err
	}
	v.checked = append(v.checked, name)
	v.findings = append(v.findings, fs...)
	if fs.Errors() > 0 {
		cat = nil
	}
	v.cats[name] = cat
	return cat, nil
}

// sibling reads the input of year beside path, or returns nil when there is none.
func (v *validation) sibling(path string, year int, cat *model.Catalogue) (*read, error) {
	dir, err := input.Open(filepath.Dir(path))
	if err != nil || !dir.HasYear(year) {
		return nil, nil
	}
	y, fs, err := dir.Year(year, cat)
	if err != nil {
		return nil, err
	}
	return &read{year: y, findings: fs}, nil
}

// check adds a year's findings: the readers' (last year's too, since they make
// the comparison unreliable, as generate says) and the content checks.
func (v *validation) check(name string, cat *model.Catalogue, cur, prev *read) {
	v.checked = append(v.checked, name)
	reported := slices.Clone(cur.findings)
	var last *model.Year
	if prev != nil {
		reported = append(reported, prev.findings...)
		last = prev.year
		if last != nil && !slices.Contains(v.checked, last.Source) {
			v.checked = append(v.checked, last.Source)
		}
	}
	v.findings = append(v.findings, reported...)
	if cur.year == nil {
		return
	}
	report := v.template != nil && cat == v.cat && cur.year.Year != 0 && (v.latest == 0 || cur.year.Year == v.latest)
	var required []string
	if report {
		required = v.template.Indicators()
	}
	rep := compute.Compute(cat, cur.year, last)
	found := Check(cat, cur.year, last, Options{Reported: reported, Required: required, Report: rep})
	v.findings = append(v.findings, found...)
	// What is left can only show when the template is filled: do it in memory.
	if report && found.Errors() == 0 && model.Findings(reported).Errors() == 0 {
		v.findings = append(v.findings, v.template.Problems(rep)...)
	}
}
