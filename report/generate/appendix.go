package generate

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/baocao/baocao/report/appendix"
	"github.com/baocao/baocao/report/atomicfile"
	"github.com/baocao/baocao/report/compute"
)

// appendixWorkbook builds the appendix workbook when one is asked for; nil otherwise.
func appendixWorkbook(opt Options, rep *compute.Report) ([]byte, error) {
	if opt.Appendix == "" {
		return nil, nil
	}
	var buf bytes.Buffer
	if err := appendix.WriteXLSX(&buf, appendix.Build(rep), appendix.Attachment(&rep.Year.Header)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// checkAppendixOutput refuses an appendix path that is not a workbook, is the
// report itself, the template or an input, or lies in the workspace.
func checkAppendixOutput(report string, opt Options) error {
	out := opt.Appendix
	if out == "" {
		return nil
	}
	if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return fmt.Errorf("tệp phụ lục %s phải có đuôi .xlsx", out)
	}
	if atomicfile.SameFile(out, report) {
		return fmt.Errorf("tệp phụ lục %s trùng với tệp báo cáo; hãy chọn tên khác", out)
	}
	if opt.Template != "" && atomicfile.SameFile(out, opt.Template) {
		return fmt.Errorf("tệp phụ lục %s trùng với tệp mẫu; hãy chọn tên khác", out)
	}
	if !opt.Workspace.Embedded && atomicfile.SameFile(filepath.Dir(out), opt.Workspace.Dir) {
		return fmt.Errorf("không ghi phụ lục vào thư mục số liệu %s (nơi để danh mục, số liệu và mẫu); hãy chọn thư mục khác", opt.Workspace.Dir)
	}
	return nil
}
