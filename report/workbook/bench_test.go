package workbook_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/baocao/baocao/report/internal/memtest"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/workbook"
	"github.com/xuri/excelize/v2"
)

// bigWorkbook writes an indicator sheet of n rows with excelize's stream writer,
// and a catalogue that knows every code.
func bigWorkbook(tb testing.TB, n int) ([]byte, *model.Catalogue) {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", workbook.SheetEntries); err != nil {
		tb.Fatal(err)
	}
	sw, err := f.NewStreamWriter(workbook.SheetEntries)
	if err != nil {
		tb.Fatal(err)
	}
	header := []any{"Mã", "Nhóm", "Chỉ tiêu", "Đơn vị", "Thực hiện", "Ước tính", "Kế hoạch", "Cùng kỳ năm trước", "Ghi chú"}
	if err := sw.SetRow("A1", header); err != nil {
		tb.Fatal(err)
	}
	inds := make([]*model.Indicator, n)
	for i := range n {
		code := fmt.Sprintf("C%06d", i)
		inds[i] = &model.Indicator{Code: code, Name: "Chỉ tiêu số " + code, Unit: "tỷ đồng", Kind: model.Quantity}
		row := []any{code, "Nhóm", inds[i].Name, "tỷ đồng", float64(i) + 0.5, "có", i * 2, i, "ghi chú"}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+2), row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes(), model.NewCatalogue("chi-tieu.yaml", nil, inds)
}

// BenchmarkRead100k reads an indicator sheet of 100 000 rows. Target: < 2 s and
// < 150 MiB; peak-MiB is the live heap's peak during the read.
func BenchmarkRead100k(b *testing.B) {
	data, cat := bigWorkbook(b, 100_000)
	read := func() {
		y, fs := workbook.Read("big.xlsx", data, model.Period{}, cat)
		if len(y.Entries) != 100_000 || len(fs) > 0 {
			b.Fatalf("%d entries, findings %v", len(y.Entries), fs[:min(len(fs), 3)])
		}
	}
	memtest.Bench(b, read)
}
