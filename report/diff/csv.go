package diff

import (
	"bufio"
	"encoding/csv"
	"io"
)

// WriteCSV writes the comparison as CSV for Excel: UTF-8 with a byte order mark
// (without it Excel reads UTF-8 as the local code page), comma-separated, CRLF
// line ends, one header row and one row per indicator in the full, stable set of
// columns. Cells are text as the report writes them ("1.150", "8,3",
// "tăng 8,3%"); Excel in a Vietnamese locale reads the numbers back as numbers.
// For exact machine use take the JSON output.
func WriteCSV(w io.Writer, t *Table) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	cols := t.sheetColumns()
	record := make([]string, len(cols))
	for c, col := range cols {
		record[c] = col.header
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	for _, r := range t.Rows {
		for c, col := range cols {
			record[c] = col.cell(r).text
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
