package generate

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/baocao/baocao/report/pdf"
)

// PDFOptions asks for the report as PDF too, converted by LibreOffice.
type PDFOptions struct {
	PDF     bool            // also write the PDF beside the .docx, with the same name
	PDFOnly bool            // write the PDF only, not the .docx
	Office  *pdf.Converter  // nil: LibreOffice found on PATH or where it is usually installed
	Context context.Context // cancels a conversion (Ctrl-C); nil: none
}

// outputs names the files to write: the .docx ("" for PDFOnly) and the PDF
// ("" when not asked for). An output named .pdf asks for the PDF, with the
// .docx beside it under the same name.
func outputs(opt Options) (docx, pdf string, err error) {
	out := opt.Output
	if out == "" {
		out = DefaultOutput(opt.Period)
		if opt.Workspace != nil && opt.Workspace.Above { // beside the data folder, not inside it
			out = filepath.Join(opt.Workspace.Root, out)
		}
	}
	ext := filepath.Ext(out)
	base := strings.TrimSuffix(out, ext)
	switch {
	case strings.EqualFold(ext, ".pdf"):
		docx, pdf = base+".docx", out
	case strings.EqualFold(ext, ".docx"):
		docx = out
		if opt.PDF || opt.PDFOnly {
			pdf = base + ".pdf"
		}
	default:
		return "", "", fmt.Errorf("tệp kết quả %s phải có đuôi .docx hoặc .pdf", out)
	}
	if opt.PDFOnly {
		docx = ""
	}
	return docx, pdf, nil
}

func (o *PDFOptions) office() *pdf.Converter {
	if o.Office == nil {
		o.Office = pdf.Default()
	}
	return o.Office
}

// checkOffice finds LibreOffice before any work when a PDF is asked for, so
// that its absence is said at once.
func (o *PDFOptions) checkOffice(pdfOut string) error {
	if pdfOut == "" {
		return nil
	}
	_, err := o.office().Locate()
	return err
}

// write writes the .docx and the PDF each atomically, the PDF first converted
// in full: a failed conversion writes nothing. The files at docxOut and pdfOut
// are kept as their backups first, when those are named. It returns the .docx
// written.
func (opt Options) write(docxOut, backup, pdfOut, pdfBackup string, docx []byte) (string, error) {
	o := &opt.PDFOptions
	var pdfBytes []byte
	if pdfOut != "" {
		ctx := o.Context
		if ctx == nil {
			ctx = context.Background()
		}
		var err error
		if pdfBytes, err = o.office().Convert(ctx, docx); err != nil {
			return "", err
		}
	}
	if docxOut != "" {
		if err := writeReport(docxOut, backup, docx); err != nil {
			return "", err
		}
	}
	if pdfOut != "" {
		if err := opt.Ledger.Replace(pdfOut, pdfBackup, pdfBytes, opt.now()); err != nil {
			return "", err
		}
	}
	return docxOut, nil
}
