package input

import "github.com/baocao/baocao/report/model"

// parseWorkbook reads an Excel input; workbooks are not supported yet.
func parseWorkbook(file string, b []byte, year int, cat *model.Catalogue) (*model.Year, model.Findings) {
	return nil, model.Findings{{Severity: model.Error, Code: "unknown-format", Pos: model.Pos{File: file},
		Msg: "chưa hỗ trợ đọc bảng tính .xlsx"}}
}
