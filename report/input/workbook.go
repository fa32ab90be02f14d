package input

import (
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
)

// parseWorkbook reads an Excel input (.xlsx).
func parseWorkbook(file string, b []byte, year int, cat *model.Catalogue) (*model.Year, model.Findings) {
	return workbook.Read(file, b, year, cat)
}
