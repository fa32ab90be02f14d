package validate_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/baocao/baocao/report/internal/memtest"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/validate"
	"github.com/baocao/baocao/report/workbook"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// BigWorkspace is a catalogue of n indicators and a 2021 workbook filling them all.
func bigWorkspace(tb testing.TB, n int) (*model.Catalogue, []byte) {
	tb.Helper()
	inds := make([]*model.Indicator, n)
	year := &model.Figures{Period: model.YearPeriod(2021)}
	for i := range n {
		code := fmt.Sprintf("C%06d", i)
		inds[i] = &model.Indicator{Code: code, Name: "Chỉ tiêu số " + code, Unit: "tỷ đồng", Kind: model.Quantity}
		v, plan := decimal.NewFromInt(int64(i)+100), decimal.NewFromInt(int64(i)+110)
		year.Entries = append(year.Entries, &model.Entry{Code: code, Actual: &v, Plan: &plan, Estimate: i%2 == 0})
	}
	cat := model.NewCatalogue("chi-tieu.yaml", nil, inds)
	var buf bytes.Buffer
	if err := workbook.Write(&buf, cat, model.YearPeriod(2021), year, time.Now()); err != nil {
		tb.Fatal(err)
	}
	return cat, buf.Bytes()
}

// BenchmarkValidate100k reads and checks an indicator sheet of 100 000 rows, as
// `baocao validate` does. Target: under 2 s and 150 MiB (see also
// BenchmarkValidateProcess100k in cmd/baocao for the whole process).
func BenchmarkValidate100k(b *testing.B) {
	cat, data := bigWorkspace(b, 100_000)
	run := func() {
		y, fs := workbook.Read("2021.xlsx", data, model.YearPeriod(2021), cat)
		fs = append(fs, validate.Check(cat, y, nil, validate.Options{Reported: fs})...)
		if len(y.Entries) != 100_000 || fs.Errors() > 0 {
			b.Fatalf("%d entries, %d errors: %v", len(y.Entries), fs.Errors(), fs[:min(3, len(fs))])
		}
	}
	memtest.Bench(b, run)
}

// BenchmarkExcelizeRows100k is the floor BenchmarkValidate100k is measured
// against: excelize opening the same workbook and reading every row of its
// indicator sheet with Rows(), nothing checked. Target: validate within 1.3×
// its time.
func BenchmarkExcelizeRows100k(b *testing.B) {
	_, data := bigWorkspace(b, 100_000)
	memtest.Bench(b, func() {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		rows, err := f.Rows(workbook.SheetEntries)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if err := rows.Close(); err != nil || n < 100_000 {
			b.Fatalf("%d rows: %v", n, err)
		}
	})
}
