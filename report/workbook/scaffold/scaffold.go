// Package scaffold creates a working folder for baocao: the indicator
// catalogue, an input workbook for the report year and the year before, a copy
// of the default template to edit, and a short guide, all under DIR/data so
// that baocao run in DIR finds them. It never overwrites a file unless told to.
package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
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

// Options says where and for which year to create the folder.
type Options struct {
	Dir   string    // the working folder; its data/ subfolder receives the files
	Year  int       // the report year; the workbook of Year-1 is created too
	Force bool      // overwrite files that exist
	Now   time.Time // the time the workbooks say they were created; zero for the clock's
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
	if err := c.file(templates.DefaultName, templates.DefaultDocx); err != nil {
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
	for _, year := range []int{opt.Year - 1, opt.Year} {
		if err := c.workbook(ws, cat, year); err != nil {
			return res, err
		}
	}
	err = c.file(GuideName, func() ([]byte, error) { return []byte(Guide(opt.Year)), nil })
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

// workbook writes the input workbook of a year, with the header facts of the
// year before when there are any. A year already given in another format is
// left alone even with force, since two inputs for one year is an error.
func (c *creator) workbook(ws *input.Workspace, cat *model.Catalogue, year int) error {
	name := strconv.Itoa(year) + ".xlsx"
	if other, err := ws.YearFile(year); err == nil && !strings.EqualFold(other, name) {
		c.res.Skipped = append(c.res.Skipped, Skip{filepath.Join(c.dir, name), "năm " + strconv.Itoa(year) + " đã có tệp số liệu " + other})
		return nil
	}
	return c.file(name, func() ([]byte, error) {
		var buf bytes.Buffer
		err := workbook.Write(&buf, cat, year, previousHeader(ws, cat, year), c.now)
		return buf.Bytes(), err
	})
}

// previousHeader returns the header facts of the year before, without what
// changes every year (number, date, the request answered), or nil.
func previousHeader(ws *input.Workspace, cat *model.Catalogue, year int) *model.Year {
	if !ws.HasYear(year - 1) {
		return nil
	}
	prev, _, err := ws.Year(year-1, cat)
	if err != nil || prev == nil {
		return nil
	}
	h := prev.Header
	h.Number, h.Basis, h.Date = "", "", time.Time{}
	return &model.Year{Year: year, Header: h}
}

// Guide is the text of LUU-Y.txt.
func Guide(year int) string {
	lines := []string{
		fmt.Sprintf("THƯ MỤC SỐ LIỆU BÁO CÁO KẾT QUẢ CÔNG TÁC NĂM %d", year),
		"",
		fmt.Sprintf("%-24s %s", "data/"+input.CatalogueFile, "danh mục chỉ tiêu (mã, tên, đơn vị, công thức, mục tiêu); sửa khi danh mục thay đổi"),
		fmt.Sprintf("%-24s bảng tính số liệu năm %d cần điền", fmt.Sprintf("data/%d.xlsx", year), year),
		fmt.Sprintf("%-24s số liệu năm %d, để so sánh với cùng kỳ năm trước", fmt.Sprintf("data/%d.xlsx", year-1), year-1),
		fmt.Sprintf("%-24s %s", "data/"+templates.DefaultName, "mẫu báo cáo; có thể sửa câu chữ, giữ nguyên các trường {{ … }}"),
		"",
		"Các bước (chạy lệnh trong thư mục chứa thư mục data):",
		fmt.Sprintf("1. Điền bảng tính data/%d.xlsx, và data/%d.xlsx nếu cần so sánh với năm trước.", year, year-1),
		fmt.Sprintf("2. Kiểm tra số liệu: baocao validate %d", year),
		fmt.Sprintf("3. Lập báo cáo: baocao generate %d", year),
		"",
	}
	return strings.Join(append(lines, workbook.Notes(year)...), "\n") + "\n"
}

// pathError words the common file-system errors in Vietnamese.
func pathError(err error) error {
	if errors.Is(err, fs.ErrExist) || errors.Is(err, fs.ErrInvalid) {
		return errors.New("đã có một tệp cùng tên")
	}
	return fileerr.Describe(err)
}
