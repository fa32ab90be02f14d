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
	"slices"
	"strings"
	"sync"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/report/atomicfile"
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
	Dir      string // as shown in messages, in the system's own form (data\2021.xlsx on Windows)
	FS       fs.FS
	Embedded bool
	// Root is the folder that holds the data folder when Open found it by
	// looking up from the current folder; "" for a folder named with --data.
	Root string
	// Above tells that the data folder was found in a folder above the current one.
	Above bool

	// entered keeps each period's input as read, for the readers that only
	// look at it (Derive, the year linked for its plans): a command reading
	// every period of a year would otherwise read each file once per period.
	mu      sync.Mutex
	entered map[enteredKey]*enteredRead
}

type enteredKey struct {
	p   model.Period
	cat *model.Catalogue
}

type enteredRead struct {
	once sync.Once
	y    *model.Figures
	fs   model.Findings
	err  error
}

// asEntered reads a period's input once per workspace and catalogue and shares
// it: callers must not change it. Its entries are indexed before it is shared,
// since indexing on first use is not safe in two goroutines at once.
func (w *Workspace) asEntered(p model.Period, cat *model.Catalogue) (*model.Figures, model.Findings, error) {
	w.mu.Lock()
	if w.entered == nil {
		w.entered = map[enteredKey]*enteredRead{}
	}
	r, ok := w.entered[enteredKey{p, cat}]
	if !ok {
		r = &enteredRead{}
		w.entered[enteredKey{p, cat}] = r
	}
	w.mu.Unlock()
	r.once.Do(func() {
		r.y, r.fs, r.err = w.Figures(p, cat)
		if r.y != nil {
			r.y.Index()
		}
	})
	return r.y, r.fs, r.err
}

// ErrNoWorkspace is returned when an explicitly named folder does not exist.
var ErrNoWorkspace = errors.New("không có thư mục số liệu")

// DataFolder is the name of a workspace's data folder.
const DataFolder = "data"

// Open opens dir as a workspace. When dir is "" it looks for the data folder
// as git looks for .git: data/ in the current folder, else the nearest folder
// above with a data/ that holds chi-tieu.yaml or the current folder; with
// none, it opens the embedded sample (Embedded tells the caller to say so).
func Open(dir string) (*Workspace, error) {
	if dir == "" {
		return find()
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrNoWorkspace, dir, fileerr.Describe(err))
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%w %s: đây là một tệp, không phải thư mục", ErrNoWorkspace, dir)
	}
	return &Workspace{Dir: filepath.Clean(dir), FS: os.DirFS(dir)}, nil
}

func find() (*Workspace, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("không xác định được thư mục hiện tại: %w", fileerr.Describe(err))
	}
	for d := cwd; ; {
		data := filepath.Join(d, DataFolder)
		if isDir(data) && (d == cwd || within(cwd, data) || isFile(filepath.Join(data, CatalogueFile))) {
			shown, err := filepath.Rel(cwd, data)
			if err != nil {
				shown = data
			}
			return &Workspace{Dir: shown, FS: os.DirFS(data), Root: d, Above: d != cwd}, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return Sample(), nil
		}
		d = parent
	}
}

// CheckOutput refuses to write what ("báo cáo", "phụ lục"…) at path when its
// folder is a workspace's: ws's, or any holding a catalogue. Every file there
// is read by its name as an input or the template: a comparison saved there
// as 2026.xlsx would be taken for 2026's figures. ws may be nil.
func CheckOutput(path, what string, ws *Workspace) error {
	dir := filepath.Dir(path)
	shown := dir
	if ws != nil && !ws.Embedded && atomicfile.SameFile(dir, ws.Dir) {
		shown = ws.Dir
	} else if !isFile(filepath.Join(dir, CatalogueFile)) {
		return nil
	}
	return fmt.Errorf("không ghi %s vào %s (nơi để danh mục, số liệu và mẫu); hãy chọn thư mục khác", what, DataFolderName(shown))
}

// DataFolderName names a data folder in a message as its user knows it: by
// the path typed or found ("thư mục số liệu data", "… ../data"), the current
// folder in words with where it is, never as "." or "..".
func DataFolderName(dir string) string {
	abs, err := filepath.Abs(dir)
	switch {
	case err != nil:
		return "thư mục số liệu " + dir
	case dir == ".":
		return "thư mục hiện tại (" + abs + "), là thư mục số liệu"
	case strings.Trim(dir, "."+string(filepath.Separator)) == "":
		return "thư mục số liệu " + abs
	}
	return "thư mục số liệu " + dir
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// Sample is the workspace embedded in the program.
func Sample() *Workspace {
	return &Workspace{Dir: EmbeddedName, FS: data.FS, Embedded: true}
}

// Path shows a file of the workspace as the user reads it.
func (w *Workspace) Path(name string) string {
	if w.Embedded {
		return path.Join(w.Dir, name)
	}
	return filepath.Join(w.Dir, filepath.FromSlash(name))
}

// Catalogue reads chi-tieu.yaml. The error is for a catalogue that cannot be read at all.
func (w *Workspace) Catalogue() (*model.Catalogue, model.Findings, error) {
	if _, err := fs.Stat(w.FS, CatalogueFile); errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("thư mục số liệu %s không có danh mục chỉ tiêu %s; hãy chép tệp danh mục vào thư mục này", w.Dir, CatalogueFile)
	}
	b, err := readFS(w.FS, CatalogueFile, w.Path(CatalogueFile))
	if err != nil {
		return nil, nil, err
	}
	cat, findings := ParseCatalogue(w.Path(CatalogueFile), b)
	return cat, findings, nil
}

// InputExts are the input formats a period's figures may come in: the one list
// of input kinds. (.xls is recognised only to say that it must be saved as .xlsx.)
var InputExts = []string{".yaml", ".yml", ".xlsx", ".xls"}

// inputPeriod tells the period of a workspace file named by a period code
// ("2021.yaml", "2022-6T.xlsx", also as a clerk spells it: "2022-q1.xlsx"), or
// false for any other file.
func inputPeriod(e fs.DirEntry) (model.Period, bool) {
	if e.IsDir() {
		return model.Period{}, false
	}
	return periodNamed(e.Name())
}

// periodNamed tells the period an input's name gives, whatever the entry is.
func periodNamed(name string) (model.Period, bool) {
	ext := path.Ext(name)
	if !slices.Contains(InputExts, strings.ToLower(ext)) {
		return model.Period{}, false
	}
	p, err := model.ParsePeriod(strings.TrimSuffix(name, ext))
	return p, err == nil
}

// Strays finds the files of the workspace that look like inputs (InputExts)
// but are never read, being named by no period: a copy such as "2025
// (1).xlsx" or "2025-ban-sua.xlsx", edited by mistake instead of 2025.xlsx.
// With periods given, only those whose names promise one of them. baocao's
// backups and the lock files Excel keeps beside an open workbook
// ("~$2025.xlsx") are not strays. Each is a warning at the file.
func (w *Workspace) Strays(periods ...model.Period) model.Findings {
	entries, _ := fs.ReadDir(w.FS, ".") // Periods or File has said why a folder cannot be read
	var found model.Findings
	for _, name := range strayNames(entries, periods...) {
		p := PeriodFromName(name)
		f := model.Finding{Severity: model.Warning, Code: "unread-file", Pos: model.Pos{File: w.Path(name)},
			Msg: "tệp này không được đọc: chỉ các tệp đặt tên theo kỳ (ví dụ 2025.xlsx, 2025-6T.yaml, 2025-Q3.xlsx) là số liệu",
			Fix: "nếu đây là số liệu cần dùng, đổi tên tệp theo kỳ; nếu không, chuyển tệp ra khỏi thư mục số liệu"}
		if p.Kind != 0 {
			if file, err := w.fileIn(entries, p); err == nil {
				f.Msg = fmt.Sprintf("tệp này không được đọc: số liệu %s được đọc từ %s", p.Name(), w.Path(file))
				f.Fix = fmt.Sprintf("nếu tệp này mới là bản đúng, chuyển %s ra khỏi thư mục số liệu rồi đổi tên tệp này thành %s", w.Path(file), p.Code()+path.Ext(name))
			}
		}
		found = append(found, f)
	}
	return found
}

// strayNames lists the files of the folder's entries that look like inputs
// but are never read, as "2025 (1).xlsx": of the periods given, or all.
func strayNames(entries []fs.DirEntry, periods ...model.Period) []string {
	var names []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || name == CatalogueFile || strings.HasPrefix(name, "~$") || atomicfile.IsBackup(name) ||
			!slices.Contains(InputExts, strings.ToLower(path.Ext(name))) {
			continue
		}
		if _, ok := inputPeriod(e); ok {
			continue
		}
		if len(periods) > 0 && !slices.Contains(periods, PeriodFromName(name)) {
			continue
		}
		names = append(names, name)
	}
	return names
}

// Periods lists, in time order, the periods that have an input file in the workspace.
func (w *Workspace) Periods() ([]model.Period, error) {
	entries, err := fs.ReadDir(w.FS, ".")
	if err != nil {
		return nil, fmt.Errorf("không đọc được thư mục số liệu %s: %w", w.Dir, fileerr.Describe(err))
	}
	var periods []model.Period
	for _, e := range entries {
		if p, ok := inputPeriod(e); ok && !slices.Contains(periods, p) {
			periods = append(periods, p)
		}
	}
	slices.SortFunc(periods, model.Period.Compare)
	return periods, nil
}

// File finds the input file of a period. Two inputs for one period is an
// error, since it is not clear which one holds the right figures.
func (w *Workspace) File(p model.Period) (string, error) {
	// Listing the folder finds 2021.XLSX too, whatever the file system's case rules.
	entries, _ := fs.ReadDir(w.FS, ".")
	return w.fileIn(entries, p)
}

// fileIn is File among the workspace's entries, listed already.
func (w *Workspace) fileIn(entries []fs.DirEntry, p model.Period) (string, error) {
	var found, folders []string
	for _, e := range entries {
		if q, ok := periodNamed(e.Name()); ok && q == p {
			if e.IsDir() {
				folders = append(folders, e.Name())
			} else {
				found = append(found, e.Name())
			}
		}
	}
	switch len(found) {
	case 0:
		if len(folders) > 0 {
			return "", fmt.Errorf("không có tệp số liệu %s: %s là một thư mục, không phải tệp", p.Name(), w.Path(folders[0]))
		}
		if w.Embedded {
			return "", fmt.Errorf("bộ số liệu mẫu có sẵn không có số liệu %s (chỉ có năm 2020 và năm 2021); để lập báo cáo của đơn vị mình, hãy tạo thư mục làm việc bằng lệnh «baocao init» rồi chạy lệnh trong thư mục đó", p.Name())
		}
		missing := fmt.Sprintf("không có tệp số liệu %s: cần %s hoặc %s", p.Name(), w.Path(p.Code()+".yaml"), w.Path(p.Code()+".xlsx"))
		if strays := strayNames(entries, p); len(strays) > 0 {
			// A copy saved by a browser or a mail client: its name says which it is.
			shown := make([]string, len(strays))
			for i, name := range strays {
				shown[i] = w.Path(name)
			}
			missing += fmt.Sprintf("; thư mục có %s nhưng tên tệp không đúng tên kỳ nên không được đọc: nếu đó là số liệu %s, đổi tên tệp thành %s",
				strings.Join(shown, ", "), p.Name(), p.Code()+path.Ext(strays[0]))
		}
		return "", errors.New(missing)
	case 1:
		return found[0], nil
	}
	shown := make([]string, len(found))
	for i, f := range found {
		shown[i] = w.Path(f)
	}
	return "", fmt.Errorf("%s có hai tệp số liệu: %s; hãy giữ lại một tệp", p.Name(), strings.Join(shown, " và "))
}

// Has reports whether the workspace has an input for the period.
func (w *Workspace) Has(p model.Period) bool {
	_, err := w.File(p)
	return err == nil
}

// Figures reads a period's input. The error is for an input that cannot be
// found or read; problems in its content are findings.
func (w *Workspace) Figures(p model.Period, cat *model.Catalogue) (*model.Figures, model.Findings, error) {
	name, err := w.File(p)
	if err != nil {
		return nil, nil, err
	}
	b, err := readFS(w.FS, name, w.Path(name))
	if err != nil {
		return nil, nil, err
	}
	y, findings := Parse(w.Path(name), b, p, cat)
	return y, findings, nil
}

// Completed reads a period's input as its report uses it: Figures completed
// with what the year's other periods give (Derive). generate, validate and diff
// read the workspace's periods through it, so that they state the same figures.
func (w *Workspace) Completed(p model.Period, cat *model.Catalogue) (*model.Figures, model.Findings, error) {
	y, fs, err := w.Figures(p, cat)
	if err != nil {
		return nil, nil, err
	}
	derived, err := w.Derive(y, cat)
	if err != nil {
		return nil, nil, err
	}
	return y, append(fs, derived...), nil
}

// PlanYear is the year whose input holds a period's plans, linked to it as
// its WholeYear: its year, for a period shorter than a year when the workspace
// has that year's input. The one rule for generate, validate and diff.
func (w *Workspace) PlanYear(p model.Period) (model.Period, bool) {
	year := p.TheYear()
	return year, p.ShorterThanYear() && w.Has(year)
}

// FiguresWithYear reads a period's input as Completed does and, for a period
// shorter than a year, the year's input too when the workspace has it, linked
// as the period's WholeYear: the plans the period's input lacks are the
// year's (compute). The two are read at once; the findings are both inputs'.
func (w *Workspace) FiguresWithYear(p model.Period, cat *model.Catalogue) (*model.Figures, model.Findings, error) {
	whole, ok := w.PlanYear(p)
	if !ok {
		return w.Completed(p, cat)
	}
	type read struct {
		y   *model.Figures
		fs  model.Findings
		err error
	}
	year := make(chan read, 1)
	go func() {
		y, fs, err := w.asEntered(whole, cat)
		year <- read{y, fs, err}
	}()
	cur, fs, err := w.Completed(p, cat)
	y := <-year
	if err != nil {
		return nil, nil, err
	}
	if y.err != nil {
		return nil, nil, y.err
	}
	cur.WholeYear = y.y
	return cur, append(fs, y.fs...), nil
}

// DefaultTemplateName is how the template embedded in the program is named in messages.
const DefaultTemplateName = "(mẫu báo cáo có sẵn)"

// Template returns the workspace's template for a kind of period, or the
// embedded default when the workspace has none.
func (w *Workspace) Template(kind model.PeriodKind) (name string, docx []byte, err error) {
	file, embedded := templates.ForKind(kind)
	if _, err := fs.Stat(w.FS, file); err == nil || !errors.Is(err, fs.ErrNotExist) {
		b, err := readFS(w.FS, file, w.Path(file))
		return w.Path(file), b, err
	}
	b, err := embedded()
	return DefaultTemplateName, b, err
}

// ReadTemplate reads a template named by path (--template).
func ReadTemplate(path string) ([]byte, error) {
	b, err := ReadPath(path)
	if err != nil {
		return nil, fmt.Errorf("không dùng được tệp mẫu: %w", err)
	}
	return b, nil
}

// CatalogueFor finds the workspace whose catalogue a file named by path is
// read against: the folder beside the file when it holds chi-tieu.yaml, else
// the workspace given (opened only on need). The one catalogue rule for
// every command.
func CatalogueFor(file string, workspace func() (*Workspace, error)) (*Workspace, error) {
	dir := filepath.Dir(file)
	if isFile(filepath.Join(dir, CatalogueFile)) {
		return Open(dir)
	}
	return workspace()
}

var periodInName = regexp.MustCompile(`(?i)(?:^|\D)((?:19|20)\d\d(?:-(?:[69]T|Q[1-4]|T\d\d?)\b)?)`)

// PeriodFromName finds the period a file name promises ("2021.xlsx",
// "so-lieu-2022-6T.yaml"), or the zero Period.
func PeriodFromName(file string) model.Period {
	base := filepath.Base(file)
	if p, err := model.ParsePeriod(strings.TrimSuffix(base, filepath.Ext(base))); err == nil {
		return p
	}
	m := periodInName.FindStringSubmatch(base)
	if m == nil {
		return model.Period{}
	}
	p, _ := model.ParsePeriod(m[1])
	return p
}

// ReadFile reads an input named by path, outside any workspace.
func ReadFile(file string, cat *model.Catalogue) (*model.Figures, model.Findings, error) {
	b, err := ReadPath(file)
	if err != nil {
		return nil, nil, err
	}
	y, findings := Parse(file, b, PeriodFromName(file), cat)
	if y != nil && y.Period.Kind == 0 {
		findings = append(findings, model.Finding{Severity: model.Error, Code: "missing-value", Pos: model.Pos{File: y.Source},
			Msg: "không rõ số liệu của kỳ báo cáo nào", Fix: "đặt tên tệp theo kỳ (2021.yaml, 2022-6T.yaml) hoặc ghi ky: 2022-6T trong tệp"})
	}
	return y, findings, nil
}

// Parse reads an input of either format, chosen by the file's extension.
func Parse(file string, b []byte, want model.Period, cat *model.Catalogue) (*model.Figures, model.Findings) {
	switch strings.ToLower(path.Ext(file)) {
	case ".yaml", ".yml":
		return ParseFigures(file, b, want, cat)
	case ".xlsx":
		return workbook.Read(file, b, want, cat)
	case ".xls":
		return &model.Figures{Period: want, Source: file}, model.Findings{{Severity: model.Error, Code: "xls-format", Pos: model.Pos{File: file}, Msg: workbook.XLSMessage}}
	}
	return nil, model.Findings{{Severity: model.Error, Code: "unknown-format", Pos: model.Pos{File: file},
		Msg: "không nhận dạng được định dạng tệp; dùng .yaml hoặc .xlsx"}}
}

// PeriodArg tells a command-line argument naming a period ("2021", "2022-6T",
// "6 tháng 2022") from one naming an input file: ok is false for a path (it has
// a folder or an input file's extension, or is a file that exists). An
// argument that is neither gives the period's error, which lists the valid forms.
func PeriodArg(arg string) (p model.Period, ok bool, err error) {
	if strings.ContainsAny(arg, `/\`) || slices.Contains(InputExts, strings.ToLower(filepath.Ext(arg))) || isFile(arg) {
		return model.Period{}, false, nil
	}
	p, err = model.ParsePeriod(arg)
	return p, true, err
}
