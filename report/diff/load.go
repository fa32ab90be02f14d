package diff

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/baocao/baocao/report/atomicfile"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/suggest"
)

// CheckGroup refuses a --group that no catalogue has.
func CheckGroup(group string, cats map[*model.Figures]*model.Catalogue) error {
	if group == "" {
		return nil
	}
	var known []string
	for _, c := range cats {
		for _, g := range c.Groups {
			if g.Code == group {
				return nil
			}
			if !slices.Contains(known, g.Code) {
				known = append(known, g.Code)
			}
		}
	}
	slices.Sort(known)
	return errors.New(suggest.DidYouMean(fmt.Sprintf("không có nhóm «%s» trong danh mục (các nhóm: %s)", group, strings.Join(known, ", ")), suggest.Nearest(group, known)))
}

// Loader reads the compared inputs, each with its catalogue: a year of the
// workspace with the workspace's, a file with the chi-tieu.yaml beside it when
// there is one, else the workspace's. Catalogues are read once per folder.
type Loader struct {
	// OpenWorkspace opens the workspace that years and catalogues come from, on first need.
	OpenWorkspace func() (*input.Workspace, error)
	// Findings are the readers' findings; errors among them mean nothing can be compared.
	Findings model.Findings
	// Inputs are the files read, so that an output is never written over one.
	Inputs []string
	// Named holds, for each input Load returns, the argument that named it.
	Named []string

	ws     *input.Workspace
	cats   map[string]*model.Catalogue // by folder
	fromWS map[*model.Figures]bool     // the inputs named by period code
}

// Load reads each argument, a year of the workspace or a file path. The error
// is for inputs that cannot be found or read at all; problems in their content
// are in l.Findings.
func (l *Loader) Load(args []string) ([]*model.Figures, map[*model.Figures]*model.Catalogue, error) {
	if l.cats == nil {
		l.cats = map[string]*model.Catalogue{}
	}
	var years []*model.Figures
	cats := map[*model.Figures]*model.Catalogue{}
	for _, arg := range args {
		y, cat, err := l.input(arg)
		if err != nil {
			return nil, nil, err
		}
		if y != nil {
			years = append(years, y)
			cats[y] = cat
			l.Named = append(l.Named, arg)
		}
	}
	for i, a := range l.Inputs {
		for _, b := range l.Inputs[i+1:] {
			if atomicfile.SameFile(a, b) {
				return nil, nil, fmt.Errorf("tệp %s được nêu hai lần; hãy so sánh hai tệp khác nhau", filepath.ToSlash(a))
			}
		}
	}
	return years, cats, nil
}

func (l *Loader) input(arg string) (*model.Figures, *model.Catalogue, error) {
	if period, ok, err := input.PeriodArg(arg); ok {
		if err != nil {
			return nil, nil, err
		}
		ws, cat, err := l.workspace()
		if err != nil || cat == nil {
			return nil, nil, err
		}
		name, err := ws.File(period)
		if err != nil {
			return nil, nil, err
		}
		if !ws.Embedded {
			l.Inputs = append(l.Inputs, filepath.Join(filepath.FromSlash(ws.Dir), name))
		}
		y, found, err := ws.Completed(period, cat)
		l.Findings = append(l.Findings, found...)
		if y != nil {
			if l.fromWS == nil {
				l.fromWS = map[*model.Figures]bool{}
			}
			l.fromWS[y] = true
		}
		return y, cat, err
	}
	cat, err := l.catalogueFor(arg)
	if err != nil || cat == nil {
		return nil, nil, err
	}
	l.Inputs = append(l.Inputs, arg)
	y, found, err := input.ReadFile(arg, cat)
	l.Findings = append(l.Findings, found...)
	return y, cat, err
}

// workspace opens the --data folder and reads its catalogue, once. A nil
// catalogue means it has errors, already among the findings.
func (l *Loader) workspace() (*input.Workspace, *model.Catalogue, error) {
	if l.ws == nil {
		ws, err := l.OpenWorkspace()
		if err != nil {
			return nil, nil, err
		}
		l.ws = ws
	}
	cat, err := l.catalogue(l.ws)
	return l.ws, cat, err
}

// catalogueFor finds the catalogue of a file by input's one rule: beside it,
// or the workspace's.
func (l *Loader) catalogueFor(file string) (*model.Catalogue, error) {
	ws, err := input.CatalogueFor(file, func() (*input.Workspace, error) {
		ws, _, err := l.workspace()
		return ws, err
	})
	if err != nil || ws == nil {
		return nil, err
	}
	return l.catalogue(ws)
}

// catalogue reads a workspace's catalogue once per folder.
func (l *Loader) catalogue(ws *input.Workspace) (*model.Catalogue, error) {
	key := ws.Dir
	if !ws.Embedded {
		if abs, err := filepath.Abs(filepath.FromSlash(ws.Dir)); err == nil {
			key = abs
		}
	}
	if cat, ok := l.cats[key]; ok {
		return cat, nil
	}
	cat, found, err := ws.Catalogue()
	if err != nil {
		return nil, err
	}
	l.Findings = append(l.Findings, found...)
	if found.Errors() > 0 {
		cat = nil // the years cannot be read against a catalogue with errors
	}
	if !ws.Embedded {
		l.Inputs = append(l.Inputs, filepath.Join(filepath.FromSlash(ws.Dir), input.CatalogueFile))
	}
	l.cats[key] = cat
	return cat, nil
}

// LinkYear gives an input of the workspace shorter than a year the figures of
// its year, when the workspace has them, as its WholeYear: the plans are the
// year's, as in the period's report ("đạt 48,2% Kế hoạch năm 2022"). A file
// named by path is left alone: the workspace's year may not be its year.
func (l *Loader) LinkYear(y *model.Figures, cat *model.Catalogue) error {
	if !l.fromWS[y] || y.WholeYear != nil {
		return nil
	}
	whole, ok := l.ws.PlanYear(y.Period)
	if !ok {
		return nil
	}
	if !l.ws.Embedded {
		name, err := l.ws.File(whole)
		if err != nil {
			return err
		}
		l.Inputs = append(l.Inputs, filepath.Join(filepath.FromSlash(l.ws.Dir), name))
	}
	w, found, err := l.ws.Figures(whole, cat)
	l.Findings = append(l.Findings, found...)
	y.WholeYear = w
	return err
}
