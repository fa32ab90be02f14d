package generate

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/baocao/baocao/report/appendix"
	"github.com/baocao/baocao/report/atomicfile"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/input"
)

// appendixWorkbook builds the appendix workbook when one is asked for, stamped
// as a report is, so that a later run knows whether it was edited; nil when
// none is asked for.
func appendixWorkbook(opt Options, rep *compute.Report) ([]byte, error) {
	if opt.Appendix == "" {
		return nil, nil
	}
	var buf bytes.Buffer
	table := appendix.Build(rep)
	if opt.Now != nil {
		table.Made = opt.Now()
	}
	if err := appendix.WriteXLSX(&buf, table, appendix.Attachment(&rep.Current.Header)); err != nil {
		return nil, err
	}
	b, err := stampPackage(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("lỗi nội bộ khi ghi dấu nhận biết vào bảng tính phụ lục: %w", err)
	}
	return b, nil
}

// checkAppendix refuses an appendix path that is not a workbook, is the
// report itself, the template or an input, or lies in the workspace; a file
// already there is replaced only when baocao wrote it and nobody changed it,
// or with Force (the backup it returns keeps it).
func checkAppendix(report string, opt Options) (backup string, err error) {
	out := opt.Appendix
	if out == "" {
		return "", nil
	}
	if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return "", fmt.Errorf("tệp phụ lục %s phải có đuôi .xlsx", out)
	}
	if atomicfile.SameFile(out, report) {
		return "", fmt.Errorf("tệp phụ lục %s trùng với tệp báo cáo; hãy chọn tên khác", out)
	}
	if opt.Template != "" && atomicfile.SameFile(out, opt.Template) {
		return "", fmt.Errorf("tệp phụ lục %s trùng với tệp mẫu; hãy chọn tên khác", out)
	}
	if err := input.CheckOutput(out, "phụ lục", opt.Workspace); err != nil {
		return "", err
	}
	backup, err = checkTarget(out, opt)
	if exists := (*ExistsError)(nil); errors.As(err, &exists) {
		exists.Other = "phụ lục ra tệp khác (--phu-luc TÊN_KHÁC.xlsx)"
	}
	return backup, err
}

// stampPackage adds the content hash of stamp (see stamp.go) to any Office
// package, read and written as a plain zip archive: the workbook is not a .docx.
func stampPackage(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	parts := map[string]string{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(io.LimitReader(rc, maxStampedContent))
		rc.Close()
		if err != nil {
			return nil, err
		}
		names = append(names, f.Name)
		parts[f.Name] = string(b)
	}
	if !strings.Contains(parts["[Content_Types].xml"], `PartName="/`+stampPart+`"`) {
		parts["[Content_Types].xml"] = insertBefore(parts["[Content_Types].xml"], "</Types>", `<Override PartName="/`+stampPart+`" ContentType="`+customType+`"/>`)
	}
	if rels := parts["_rels/.rels"]; !strings.Contains(rels, `Target="`+stampPart+`"`) && !strings.Contains(rels, `Target="/`+stampPart+`"`) {
		parts["_rels/.rels"] = insertBefore(rels, "</Relationships>", `<Relationship Id="rIdBaocaoStamp" Type="`+customRel+`" Target="`+stampPart+`"/>`)
	}
	custom, had := parts[stampPart]
	if !had {
		names = append(names, stampPart)
	}
	write := func(sum string) ([]byte, error) {
		parts[stampPart] = withStamp(custom, sum)
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, name := range names {
			w, err := zw.Create(name)
			if err != nil {
				return nil, err
			}
			if _, err := io.WriteString(w, parts[name]); err != nil {
				return nil, err
			}
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	// The hash leaves the stamp's value out: write, hash, write again with it.
	b, err := write("")
	if err != nil {
		return nil, err
	}
	sum, err := contentHash(b, withSeal)
	if err != nil {
		return nil, err
	}
	return write(sum)
}
