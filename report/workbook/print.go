package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Helpers for every workbook baocao writes (the input workbook, the diff and
// the appendix workbooks), so that they print and describe themselves alike.

// Vietnamese tags a number format code as Vietnamese (LCID 0x042A):
// LibreOffice then shows 1.600.000 and 95,5 whatever the computer's language;
// Excel shows the computer's separators either way. For workbooks that are
// read, not typed into: a clerk typing on an English computer would see what
// he types shown otherwise.
const Vietnamese = "[$-42A]"

// NumberFormat is the number format of a figure shown at some decimals:
// grouped thousands (#,##0.0), shown and typed with the computer's separators.
func NumberFormat(decimals int) string {
	code := "#,##0"
	if decimals > 0 {
		code += "." + strings.Repeat("0", decimals)
	}
	return code
}

// PageSetup says how a sheet of a table prints.
type PageSetup struct {
	Header    string // the page header, centred in bold, e.g. "Số liệu năm 2021 – Chỉ tiêu"
	TitleRows int    // rows 1..TitleRows repeat at the top of every page; 0 for none
}

// SetPageSetup prints a sheet on A4 landscape, one page wide and as many pages
// tall as needed, with the title rows repeated on every page, the header at the
// top and «Trang N/M» at the foot of each page.
func SetPageSetup(f *excelize.File, sheet string, ps PageSetup) error {
	size, landscape, wide, tall, fit := 9, "landscape", 1, 0, true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	hf := &excelize.HeaderFooterOptions{OddFooter: "&CTrang &P/&N"}
	if ps.Header != "" {
		hf.OddHeader = `&C&"-,Bold"` + headerText(ps.Header)
	}
	if err := f.SetHeaderFooter(sheet, hf); err != nil {
		return err
	}
	if ps.TitleRows == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(sheet, "'", "''"), ps.TitleRows)})
}

// maxHeaderText keeps a page header within Excel's 255 characters with its codes.
const maxHeaderText = 200

// headerText escapes "&", which starts a code in a page header, and shortens the text.
func headerText(s string) string {
	if r := []rune(s); len(r) > maxHeaderText {
		s = string(r[:maxHeaderText-1]) + "…"
	}
	return strings.ReplaceAll(s, "&", "&&")
}

// SetDocProps gives a workbook its own document properties in place of
// excelize's (author "xuri", created in 2006): a title, the author (the
// department, or none when it is not known) and the time it was written.
func SetDocProps(f *excelize.File, title, author string, now time.Time) error {
	stamp := now.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Title: title, Creator: author, LastModifiedBy: author,
		Created: stamp, Modified: stamp, Language: "vi-VN"}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "baocao", Company: author})
}

// WriteAutoHeight writes the workbook with every row height it was given kept
// as a starting height only: excelize marks each height as set by hand
// (customHeight), and Excel and LibreOffice then never grow the row, so a
// fourth line typed into «Nơi nhận» would be cut off. Without the mark the
// row opens at the height given and grows with what is typed.
func WriteAutoHeight(w io.Writer, f *excelize.File) error {
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			if err := zw.Copy(zf); err != nil {
				return err
			}
			continue
		}
		if err := copyAutoHeight(zw, zf); err != nil {
			return err
		}
	}
	return zw.Close()
}

// copyAutoHeight copies a worksheet without the customHeight marks of its rows.
func copyAutoHeight(zw *zip.Writer, zf *zip.File) error {
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	b, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return err
	}
	hdr := zf.FileHeader
	hdr.CompressedSize64, hdr.UncompressedSize64, hdr.CRC32 = 0, 0, 0
	out, err := zw.CreateHeader(&hdr)
	if err != nil {
		return err
	}
	for _, mark := range []string{` customHeight="true"`, ` customHeight="1"`} {
		b = bytes.ReplaceAll(b, []byte(mark), nil)
	}
	_, err = out.Write(b)
	return err
}
