// Package input finds and reads baocao's inputs: the workspace folder (or the
// sample embedded in the program), the indicator catalogue, and each year's
// figures in YAML or in an Excel workbook, with the place of every problem.
package input

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/report/fileerr"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
	"github.com/baocao/baocao/templates"
)

// CatalogueFile is the catalogue's file name in a workspace.
const CatalogueFile = "chi-tieu.yaml"

// EmbeddedName is how places in the embedded sample are shown.
const EmbeddedName = "(mẫu có sẵn)"

// Workspace is a folder of inputs: chi-tieu.yaml, one file per year
// (2021.yaml or 2021.xlsx) and optionally mau-bao-cao.docx.
type Workspace struct {
	Dir      string // as shown in messages
	FS       fs.FS
	Embedded bool
}

// ErrNoWorkspace is returned when an explicitly named folder does not exist.
var ErrNoWorkspace = errors.New("không có thư mục số liệu")

// Open opens dir as a workspace. When dir is "" it opens ./data, or the embedded
// sample when ./data does not exist (Embedded tells the caller to say so).
func Open(dir string) (*Workspace, error) {
	if dir == "" {
		if st, err := os.Stat("data"); err != nil || !st.IsDir() {
			return Sample(), nil
		}
		dir = "data"
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%w: %s", ErrNoWorkspace, dir)
	}
	return &Workspace{Dir: filepath.ToSlash(filepath.Clean(dir)), FS: os.DirFS(dir)}, nil
}

// Sample is the workspace embedded in the program.
func Sample() *Workspace {
	return &Workspace{Dir: EmbeddedName, FS: data.FS, Embedded: true}
}

// Path shows a file of the workspace as the user reads it.
func (w *Workspace) Path(name string) string { return path.Join(w.Dir, name) }

// Catalogue reads chi-tieu.yaml. The error is for a catalogue that cannot be read at all.
func (w *Workspace) Catalogue() (*model.Catalogue, model.Findings, error) {
	b, err := fs.ReadFile(w.FS, CatalogueFile)
	if err != nil {
		return nil, nil, fmt.Errorf("không đọc được danh mục chỉ tiêu %s: %w", w.Path(CatalogueFile), fileerr.Describe(err))
	}
	cat, findings := ParseCatalogue(w.Path(CatalogueFile), b)
	return cat, findings, nil
}

// yearExts are the input formats a year may come in.
var yearExts = []string{".yaml", ".yml", ".xlsx", ".xls"}

// YearFile finds the input file of a year. Two inputs for one year is an error,
// since it is not clear which one holds the right figures.
func (w *Workspace) YearFile(year int) (string, error) {
	var found []string
	for _, ext := range yearExts {
		name := strconv.Itoa(year) + ext
		if _, err := fs.Stat(w.FS, name); err == nil {
			found = append(found, name)
		}
	}
	switch len(found) {
	case 0:
		if w.Embedded {
			return "", fmt.Errorf("bộ số liệu mẫu có sẵn không có năm %d (chỉ có năm 2020 và 2021); để lập báo cáo của đơn vị mình, hãy tạo thư mục số liệu bằng lệnh baocao init", year)
		}
		return "", fmt.Errorf("không có tệp số liệu năm %d: cần %s hoặc %s", year, w.Path(strconv.Itoa(year)+".yaml"), w.Path(strconv.Itoa(year)+".xlsx"))
	case 1:
		return found[0], nil
	}
	shown := make([]string, len(found))
	for i, f := range found {
		shown[i] = w.Path(f)
	}
	return "", fmt.Errorf("năm %d có hai tệp số liệu: %s; hãy giữ lại một tệp", year, strings.Join(shown, " và "))
}

// HasYear reports whether the workspace has an input for the year.
func (w *Workspace) HasYear(year int) bool {
	_, err := w.YearFile(year)
	return err == nil
}

// Year reads a year's input. The error is for an input that cannot be found or
// read; problems in its content are findings.
func (w *Workspace) Year(year int, cat *model.Catalogue) (*model.Year, model.Findings, error) {
	name, err := w.YearFile(year)
	if err != nil {
		return nil, nil, err
	}
	b, err := fs.ReadFile(w.FS, name)
	if err != nil {
		return nil, nil, fmt.Errorf("không đọc được %s: %w", w.Path(name), fileerr.Describe(err))
	}
	y, findings := Parse(w.Path(name), b, year, cat)
	return y, findings, nil
}

// Template returns the workspace's template, or the embedded default.
func (w *Workspace) Template() (name string, docx []byte, err error) {
	if b, err := fs.ReadFile(w.FS, templates.DefaultName); err == nil {
		return w.Path(templates.DefaultName), b, nil
	}
	b, err := templates.DefaultDocx()
	return templates.DefaultName + " (mẫu mặc định)", b, err
}

var yearInName = regexp.MustCompile(`(?:^|\D)((?:19|20)\d\d)(?:\D|$)`)

// YearFromName finds the year a file name promises ("2021.xlsx", "so-lieu-2021.yaml"), or 0.
func YearFromName(file string) int {
	m := yearInName.FindStringSubmatch(filepath.Base(file))
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// ReadFile reads an input named by path, outside any workspace.
func ReadFile(file string, cat *model.Catalogue) (*model.Year, model.Findings, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, fmt.Errorf("không đọc được %s: %w", file, fileerr.Describe(err))
	}
	y, findings := Parse(filepath.ToSlash(file), b, YearFromName(file), cat)
	if y != nil && y.Year == 0 {
		findings = append(findings, model.Finding{Severity: model.Error, Code: "missing-value", Pos: model.Pos{File: y.Source},
			Msg: "không rõ số liệu của năm nào", Fix: "đặt tên tệp theo năm (2021.yaml) hoặc ghi nam: 2021 trong tệp"})
	}
	return y, findings, nil
}

// ParseYearArg reads a year given on the command line.
func ParseYearArg(s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil || y < 1900 || y > 2999 {
		return 0, fmt.Errorf("«%s» không phải là năm báo cáo (ví dụ: 2021)", s)
	}
	return y, nil
}

// Parse reads an input of either format, chosen by the file's extension.
func Parse(file string, b []byte, year int, cat *model.Catalogue) (*model.Year, model.Findings) {
	switch strings.ToLower(path.Ext(file)) {
	case ".yaml", ".yml":
		return ParseYear(file, b, year, cat)
	case ".xlsx":
		return parseWorkbook(file, b, year, cat)
	case ".xls":
		return &model.Year{Year: year, Source: file}, model.Findings{{Severity: model.Error, Code: "xls-format", Pos: model.Pos{File: file}, Msg: workbook.XLSMessage}}
	}
	return nil, model.Findings{{Severity: model.Error, Code: "unknown-format", Pos: model.Pos{File: file},
		Msg: "không nhận dạng được định dạng tệp; dùng .yaml hoặc .xlsx"}}
}
