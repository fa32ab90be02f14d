package input

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/baocao/baocao/report/fileerr"
)

// Limits on one input file, so that a wrong or hostile file gets a message
// instead of exhausting memory (README: "Giới hạn"). A department's inputs are
// far smaller (a catalogue or a year in YAML is a few kilobytes, a workbook a
// few dozen, a template a few hundred); the YAML limit leaves room for a
// ministry's 100 000 indicators (a 20 MB year file).
const (
	MaxYAMLSize     = 32 << 20 // chi-tieu.yaml, 2021.yaml
	MaxWorkbookSize = 10 << 20 // 2021.xlsx
	MaxTemplateSize = 50 << 20 // mau-bao-cao.docx, with its pictures
)

// limitFor is the size limit of an input by its extension.
func limitFor(name string) int64 {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return MaxYAMLSize
	case ".docx":
		return MaxTemplateSize
	}
	return MaxWorkbookSize
}

// readFS reads an input of a workspace; shown names it in messages.
func readFS(fsys fs.FS, name, shown string) ([]byte, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("không đọc được %s: %w", shown, fileerr.Describe(err))
	}
	return readChecked(st, func() (io.ReadCloser, error) { return fsys.Open(name) }, shown)
}

// ReadPath reads an input named by a path, such as --template or a file given
// to validate and diff, with the checks of every input: a regular file, within
// the limit of its kind.
func ReadPath(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("không đọc được %s: %w", path, fileerr.Describe(err))
	}
	return readChecked(st, func() (io.ReadCloser, error) { return os.Open(path) }, path)
}

// readChecked refuses what is not a regular file before opening it (opening a
// named pipe waits for a writer for ever) and reads at most the limit, since
// the size stated may change while reading.
func readChecked(st fs.FileInfo, open func() (io.ReadCloser, error), shown string) ([]byte, error) {
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s không phải là tệp thông thường mà là %s; hãy chỉ ra tệp số liệu, danh mục hoặc mẫu thật", shown, modeName(st.Mode()))
	}
	limit := limitFor(shown)
	if st.Size() > limit {
		return nil, tooBig(shown, limit)
	}
	f, err := open()
	if err != nil {
		return nil, fmt.Errorf("không đọc được %s: %w", shown, fileerr.Describe(err))
	}
	defer f.Close()
	b, err := readAll(io.LimitReader(f, limit+1), st.Size())
	if err != nil {
		return nil, fmt.Errorf("không đọc được %s: %w", shown, fileerr.Describe(err))
	}
	if int64(len(b)) > limit {
		return nil, tooBig(shown, limit)
	}
	return b, nil
}

// readAll is io.ReadAll into a buffer of the size stated, with room to see
// the end: io.ReadAll grows its buffer step by step from 512 bytes, copying
// a 20 MB year file several times over.
func readAll(r io.Reader, size int64) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(int(max(size, 0)) + bytes.MinRead)
	_, err := b.ReadFrom(r)
	return b.Bytes(), err
}

func tooBig(shown string, limit int64) error {
	return fmt.Errorf("%s lớn hơn %d MB, giới hạn của loại tệp này; tệp thật nhỏ hơn nhiều, có thể đã chọn nhầm tệp hoặc tệp bị hỏng", shown, limit>>20)
}

func modeName(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "một thư mục"
	case m&fs.ModeNamedPipe != 0:
		return "một đường ống dữ liệu (FIFO)"
	case m&fs.ModeSocket != 0:
		return "một cổng kết nối (socket)"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return "một thiết bị (ví dụ /dev/zero)"
	}
	return "một đối tượng đặc biệt của hệ thống"
}
