// Package scaffold creates a working folder for baocao: the indicator
// catalogue, an input workbook for the reporting period and the same period
// the year before, a copy of the default template of the period's kind to edit, and a short guide, all under DIR/data so
// that baocao run in DIR finds them. It never overwrites a file unless told to.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/baocao/baocao/data"
	"github.com/baocao/baocao/report/atomicfile"
	"github.com/baocao/baocao/report/fileerr"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
	"github.com/baocao/baocao/templates"
)

// GuideName is the guide's file name in the data folder.
const GuideName = "LUU-Y.txt"

// Options says where and for which period to create the folder.
type Options struct {
	Dir    string       // the working folder; its data/ subfolder receives the files
	Period model.Period // the reporting period; the workbook of the same period last year is created too
	Force  bool         // overwrite files that exist
	Now    time.Time    // the time the workbooks say they were created; zero for the clock's
}

// Skip is a file that was not written, and why.
type Skip struct {
	Path   string
	Reason string
}

// Result lists what Create did, in order.
type Result struct {
	Created []string
	Skipped []Skip
}

// Create writes the working folder. The error is for a folder or file that
// cannot be written, or a catalogue already there that cannot be used; files
// are written one by one, so the result lists what was done before an error.
func Create(opt Options) (*Result, error) {
	res := &Result{}
	dir := filepath.Join(opt.Dir, "data")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, fmt.Errorf("không tạo được thư mục %s: %w", dir, pathError(err))
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	c := &creator{dir: dir, force: opt.Force, res: res, now: now}
	catalogue, _ := fs.ReadFile(data.FS, input.CatalogueFile)
	if err := c.file(input.CatalogueFile, func() ([]byte, error) { return catalogue, nil }); err != nil {
		return res, err
	}
	if err := c.file(templates.ForKind(opt.Period.Kind)); err != nil {
		return res, err
	}
	// The workbooks list the catalogue in the folder, which may be the user's own.
	ws, err := input.Open(dir)
	if err != nil {
		return res, err
	}
	cat, findings, err := ws.Catalogue()
	if err != nil {
		return res, err
	}
	if findings.Errors() > 0 {
		return res, fmt.Errorf("danh mục chỉ tiêu có lỗi, chưa tạo được bảng tính:\n%s", findings)
	}
	for _, p := range []model.Period{opt.Period.SamePeriodLastYear(), opt.Period} {
		if err := c.workbook(ws, cat, p); err != nil {
			return res, err
		}
	}
	// The guide of another period that nobody changed is ours to replace: it
	// would describe the workspace's previous period, not this one.
	if periods, err := ws.Periods(); err == nil && !c.force {
		path := filepath.Join(dir, GuideName)
		if b, err := os.ReadFile(path); err == nil && string(b) != Guide(opt.Period) &&
			slices.ContainsFunc(periods, func(p model.Period) bool { return string(b) == Guide(p) }) {
			if err := atomicfile.Write(path, []byte(Guide(opt.Period)), 0o644); err != nil {
				return res, err
			}
			res.Created = append(res.Created, path)
			return res, nil
		}
	}
	err = c.file(GuideName, func() ([]byte, error) { return []byte(Guide(opt.Period)), nil })
	return res, err
}

type creator struct {
	dir   string
	force bool
	res   *Result
	now   time.Time
}

// file writes one file of the data folder unless it exists.
func (c *creator) file(name string, content func() ([]byte, error)) error {
	path := filepath.Join(c.dir, name)
	if _, err := os.Stat(path); err == nil && !c.force {
		c.res.Skipped = append(c.res.Skipped, Skip{path, "đã có (dùng --force để ghi đè)"})
		return nil
	}
	b, err := content()
	if err != nil {
		return fmt.Errorf("không tạo được %s: %w", path, err)
	}
	if err := atomicfile.Write(path, b, 0o644); err != nil {
		return err
	}
	c.res.Created = append(c.res.Created, path)
	return nil
}

// workbook writes the input workbook of a period, with the header facts of the
// same period last year when there are any. A period already given in another
// format is left alone even with force, since two inputs for one period is an error.
func (c *creator) workbook(ws *input.Workspace, cat *model.Catalogue, p model.Period) error {
	name := p.Code() + ".xlsx"
	if other, err := ws.File(p); err == nil && !strings.EqualFold(other, name) {
		c.res.Skipped = append(c.res.Skipped, Skip{filepath.Join(c.dir, name), p.Name() + " đã có tệp số liệu " + other})
		return nil
	}
	return c.file(name, func() ([]byte, error) {
		var buf bytes.Buffer
		err := workbook.Write(&buf, cat, p, previousHeader(ws, cat, p), c.now)
		return buf.Bytes(), err
	})
}

// previousHeader returns the header facts of the same period last year,
// without what changes every time (number, date, the request answered), or nil.
func previousHeader(ws *input.Workspace, cat *model.Catalogue, p model.Period) *model.Figures {
	last := p.SamePeriodLastYear()
	if !ws.Has(last) {
		return nil
	}
	prev, _, err := ws.Figures(last, cat)
	if err != nil || prev == nil {
		return nil
	}
	h := prev.Header
	h.Number, h.Basis, h.Date = "", "", time.Time{}
	return &model.Figures{Period: p, Header: h}
}

// Guide is the text of LUU-Y.txt.
func Guide(p model.Period) string {
	last := p.SamePeriodLastYear()
	template, _ := templates.ForKind(p.Kind)
	lines := []string{
		"THƯ MỤC SỐ LIỆU BÁO CÁO KẾT QUẢ CÔNG TÁC " + strings.ToUpper(p.Name()),
		"",
		fmt.Sprintf("%-33s %s", "data/"+input.CatalogueFile, "danh mục chỉ tiêu (mã, tên, đơn vị, công thức, mục tiêu); sửa khi danh mục thay đổi"),
		fmt.Sprintf("%-33s bảng tính số liệu %s cần điền", "data/"+p.Code()+".xlsx", p.Name()),
		fmt.Sprintf("%-33s số liệu %s, để so sánh với cùng kỳ năm trước", "data/"+last.Code()+".xlsx", last.Name()),
		fmt.Sprintf("%-33s %s", "data/"+template, "mẫu báo cáo "+p.Name()+" và các kỳ cùng loại; có thể sửa câu chữ, giữ nguyên các trường {{ … }}"),
		"",
		"Các bước (chạy lệnh trong thư mục chứa thư mục data):",
		fmt.Sprintf("1. Điền bảng tính data/%s.xlsx, và data/%s.xlsx nếu cần so sánh với cùng kỳ năm trước.", p.Code(), last.Code()),
		"2. Kiểm tra số liệu: baocao validate " + p.Code(),
		"3. Lập báo cáo: baocao generate " + p.Code(),
		"",
	}
	return strings.Join(append(lines, workbook.Notes(p)...), "\n") + "\n"
}

// pathError words the common file-system errors in Vietnamese.
func pathError(err error) error {
	if errors.Is(err, fs.ErrExist) || errors.Is(err, fs.ErrInvalid) {
		return errors.New("đã có một tệp cùng tên")
	}
	return fileerr.Describe(err)
}
