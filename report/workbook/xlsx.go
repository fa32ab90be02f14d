package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/baocao/baocao/report/vnformat"
)

// Limits that bound the work and memory spent on any file, checked against the
// sizes the zip declares before anything is decompressed (archive/zip refuses
// to decompress past a declared size, so a lying zip bomb fails as corrupt).
// A real input workbook is a few hundred kilobytes.
const (
	maxZipEntries    = 10_000
	maxSmallPart     = 16 << 20  // workbook, relationships, styles
	maxSharedStrings = 32 << 20  // held in memory while reading
	maxSheetPart     = 128 << 20 // streamed
	maxRows          = 1 << 20   // Excel's own limits
	maxCols          = 1 << 14
	maxMerges        = 1 << 16
)

// fault is a reason the file cannot be read as a workbook at all.
type fault struct {
	code string
	msg  string
	cell string // the cell of a sheet the fault is at, when there is one
}

func (f *fault) Error() string { return f.msg }

// doctype refuses a part that declares a DOCTYPE.
func doctype(part string) *fault {
	return &fault{code: "xml-doctype", msg: fmt.Sprintf("thành phần %s của tệp có khai báo DOCTYPE, thứ không bảng tính Excel nào có "+
		"và có thể chứa thực thể XML làm treo máy hoặc đọc trộm tệp khác: tệp bị từ chối; hãy mở bằng Excel hoặc LibreOffice Calc rồi lưu lại", part)}
}

var doctypeMark = []byte("<!doctype")

// hasDoctype reports whether an XML document declares a DOCTYPE (in any case).
func hasDoctype(b []byte) bool {
	for i := 0; ; i += 2 {
		j := bytes.Index(b[i:], []byte("<!"))
		if j < 0 {
			return false
		}
		i += j
		if len(b)-i >= len(doctypeMark) && bytes.EqualFold(b[i:i+len(doctypeMark)], doctypeMark) {
			return true
		}
	}
}

func notWorkbook(format string, args ...any) *fault {
	return &fault{code: "not-a-workbook", msg: fmt.Sprintf(format, args...)}
}

// fmtKind is what a cell's number format makes of a number.
type fmtKind uint8

const (
	fmtGeneral fmtKind = iota
	fmtPercent
	fmtDate
	fmtText
)

// pkg is an opened .xlsx package: its parts and what every sheet needs.
type pkg struct {
	parts    map[string]*zip.File // by lower-case part name; OPC names are case-insensitive
	sheets   []sheetRef
	date1904 bool
	sst      []string
	hasSST   bool      // the file has a shared string table, even an empty one
	formats  []fmtKind // by cell style index
}

// sheetRef is a worksheet as the workbook lists it.
type sheetRef struct {
	name   string
	part   string
	hidden bool
}

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// An encrypted .xlsx is an OLE container holding this stream (name in UTF-16).
	oleEncrypted = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")
)

// XLSMessage is the message for an Excel 97-2003 file.
const XLSMessage = "tệp .xls (Excel 97-2003) không được hỗ trợ; hãy lưu lại thành .xlsx"

// openPackage checks that data is an .xlsx workbook within the limits and reads
// its workbook, relationships, styles and shared strings.
func openPackage(data []byte) (*pkg, *fault) {
	switch {
	case len(data) == 0:
		return nil, notWorkbook("tệp rỗng (0 byte), không phải bảng tính")
	case bytes.HasPrefix(data, oleMagic):
		if bytes.Contains(data, oleEncrypted) {
			return nil, notWorkbook("bảng tính được đặt mật khẩu; hãy gỡ mật khẩu rồi lưu lại thành .xlsx")
		}
		return nil, &fault{code: "xls-format", msg: XLSMessage}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, notWorkbook("không phải bảng tính Excel .xlsx (không đọc được dạng nén của tệp: %s)", zipError(err))
	}
	if len(zr.File) > maxZipEntries {
		return nil, &fault{code: "too-large", msg: fmt.Sprintf("tệp có %d thành phần, quá nhiều đối với một bảng tính số liệu", len(zr.File))}
	}
	p := &pkg{parts: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		p.parts[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))] = f
	}
	if mt, ok := p.parts["mimetype"]; ok {
		if b, err := p.read(mt, 200); err == nil && bytes.Contains(b, []byte("opendocument.spreadsheet")) {
			return nil, notWorkbook("tệp OpenDocument (.ods) không được hỗ trợ; hãy lưu lại thành .xlsx")
		}
	}
	if f := p.workbook(); f != nil {
		return p, f
	}
	return p, nil
}

// zipError words archive/zip's errors.
func zipError(err error) string {
	switch {
	case errors.Is(err, zip.ErrFormat):
		return "không phải tệp nén hoặc tệp bị hỏng"
	case errors.Is(err, zip.ErrAlgorithm):
		return "dùng kiểu nén không được hỗ trợ"
	case errors.Is(err, zip.ErrChecksum):
		return "tệp bị hỏng (sai mã kiểm tra)"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "tệp bị cắt cụt"
	}
	return err.Error()
}

// open opens a part for reading after checking its declared size against limit.
func (p *pkg) open(f *zip.File, limit int64) (io.ReadCloser, *fault) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, &fault{code: "too-large", msg: fmt.Sprintf("thành phần %s của tệp giải nén ra %s, vượt giới hạn %s: tệp quá lớn hoặc là «bom nén»",
			f.Name, sizeText(f.UncompressedSize64), sizeText(uint64(limit)))}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, notWorkbook("không đọc được thành phần %s: %s", f.Name, zipError(err))
	}
	return rc, nil
}

func (p *pkg) read(f *zip.File, limit int64) ([]byte, *fault) {
	rc, flt := p.open(f, limit)
	if flt != nil {
		return nil, flt
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, notWorkbook("không đọc được thành phần %s: %s", f.Name, zipError(err))
	}
	return b, nil
}

// readXML reads an XML part that is parsed whole, refusing a DOCTYPE.
func (p *pkg) readXML(f *zip.File, limit int64) ([]byte, *fault) {
	b, flt := p.read(f, limit)
	if flt == nil && hasDoctype(b) {
		return nil, doctype(f.Name)
	}
	return b, flt
}

func sizeText(n uint64) string {
	const mib = 1 << 20
	if n >= 1<<30 {
		return fmt.Sprintf("%d GiB", n>>30)
	}
	return fmt.Sprintf("%d MiB", (n+mib-1)/mib)
}

type xRelationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// rels reads the relationships of a part ("" for the package): id → part name, and type suffix → part name.
func (p *pkg) rels(part string) (byID, byType map[string]string, flt *fault) {
	dir, base := path.Split(part)
	f, ok := p.parts[strings.ToLower(dir+"_rels/"+base+".rels")]
	if !ok {
		return nil, nil, nil
	}
	b, flt := p.readXML(f, maxSmallPart)
	if flt != nil {
		return nil, nil, flt
	}
	var x xRelationships
	if err := xml.Unmarshal(b, &x); err != nil {
		return nil, nil, notWorkbook("tệp bị hỏng: không đọc được %s", f.Name)
	}
	byID, byType = map[string]string{}, map[string]string{}
	for _, r := range x.Rels {
		target := strings.ReplaceAll(r.Target, "\\", "/")
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(dir, target)
		}
		byID[r.ID] = target
		byType[r.Type[strings.LastIndexByte(r.Type, '/')+1:]] = target
	}
	return byID, byType, nil
}

type xWorkbook struct {
	XMLName xml.Name
	Pr      struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		State string     `xml:"state,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

// workbook reads the workbook part and what it refers to.
func (p *pkg) workbook() *fault {
	_, pkgRels, flt := p.rels("")
	if flt != nil {
		return flt
	}
	wbPart := "xl/workbook.xml"
	if t, ok := pkgRels["officeDocument"]; ok {
		wbPart = t
	}
	notExcel := func() *fault {
		if _, docx := p.parts["word/document.xml"]; docx {
			return notWorkbook("đây là văn bản Word (.docx), không phải bảng tính .xlsx")
		}
		return notWorkbook("tệp nén không chứa bảng tính Excel (thiếu %s)", wbPart)
	}
	f, ok := p.parts[strings.ToLower(wbPart)]
	if !ok {
		return notExcel()
	}
	b, flt := p.readXML(f, maxSmallPart)
	if flt != nil {
		return flt
	}
	var wb xWorkbook
	if err := xml.Unmarshal(b, &wb); err != nil {
		return notWorkbook("tệp bị hỏng: không đọc được %s", f.Name)
	}
	if wb.XMLName.Local != "workbook" {
		return notExcel()
	}
	p.date1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	byID, byType, flt := p.rels(wbPart)
	if flt != nil {
		return flt
	}
	for _, s := range wb.Sheets {
		var id string
		for _, a := range s.Attrs {
			if a.Name.Local == "id" && strings.Contains(a.Name.Space, "relationships") {
				id = a.Value
			}
		}
		part, ok := byID[id]
		if !ok {
			continue // a chart sheet or a dangling entry: no cells to read
		}
		p.sheets = append(p.sheets, sheetRef{name: shorten(vnformat.CleanText(s.Name)), part: part, hidden: s.State == "hidden" || s.State == "veryHidden"})
	}
	if t, ok := byType["styles"]; ok {
		if flt := p.styles(t); flt != nil {
			return flt
		}
	}
	if t, ok := byType["sharedStrings"]; ok {
		return p.sharedStrings(t)
	}
	return nil
}

type xStyles struct {
	NumFmts []struct {
		ID   int    `xml:"numFmtId,attr"`
		Code string `xml:"formatCode,attr"`
	} `xml:"numFmts>numFmt"`
	Xfs []struct {
		NumFmtID int `xml:"numFmtId,attr"`
	} `xml:"cellXfs>xf"`
}

// styles reads what each cell style's number format makes of a number. Styles
// only refine how numbers are read, so a styles part that cannot be read is
// ignored; one that declares a DOCTYPE is refused all the same.
func (p *pkg) styles(part string) *fault {
	f, ok := p.parts[strings.ToLower(part)]
	if !ok {
		return nil
	}
	b, flt := p.readXML(f, maxSmallPart)
	if flt != nil {
		if flt.code == "xml-doctype" {
			return flt
		}
		return nil
	}
	var x xStyles
	if xml.Unmarshal(b, &x) != nil {
		return nil
	}
	custom := map[int]string{}
	for _, nf := range x.NumFmts {
		custom[nf.ID] = nf.Code
	}
	p.formats = make([]fmtKind, len(x.Xfs))
	for i, xf := range x.Xfs {
		if code, ok := custom[xf.NumFmtID]; ok {
			p.formats[i] = formatKind(code)
		} else {
			p.formats[i] = builtinFormat(xf.NumFmtID)
		}
	}
	return nil
}

func (p *pkg) format(style int) fmtKind {
	if style >= 0 && style < len(p.formats) {
		return p.formats[style]
	}
	return fmtGeneral
}

// builtinFormat classifies Excel's built-in number formats by id.
func builtinFormat(id int) fmtKind {
	switch {
	case id == 9 || id == 10:
		return fmtPercent
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58:
		return fmtDate
	case id == 49:
		return fmtText
	}
	return fmtGeneral
}

// formatKind classifies a custom number format code, ignoring quoted text,
// escaped characters and bracketed colours or locales.
func formatKind(code string) fmtKind {
	var b strings.Builder
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is literal or padding
		case c == '[':
			bracket = true
		case c == ']':
			bracket = false
		case bracket:
		default:
			b.WriteByte(c)
		}
	}
	s := strings.ToLower(b.String())
	switch {
	case s == "general":
		return fmtGeneral
	case strings.Contains(s, "%"):
		return fmtPercent
	case strings.ContainsAny(s, "dmyhs"):
		return fmtDate
	case s == "@":
		return fmtText
	}
	return fmtGeneral
}

// sharedStrings reads the shared string table: the text of each item, without
// the phonetic runs (rPh) that some East Asian editions add.
func (p *pkg) sharedStrings(part string) *fault {
	f, ok := p.parts[strings.ToLower(part)]
	if !ok {
		return nil
	}
	rc, flt := p.open(f, maxSharedStrings)
	if flt != nil {
		return flt
	}
	defer rc.Close()
	p.hasSST = true
	x := newXMLScanner(rc)
	var cur []byte
	inItem, inText, phonetic := false, false, 0
	for x.next() {
		switch x.kind {
		case tokStart:
			switch string(x.name) {
			case "si":
				inItem, cur = true, cur[:0]
			case "rPh":
				phonetic++
			case "t":
				inText = inItem && phonetic == 0 && !x.selfClose
			}
			if x.selfClose && string(x.name) == "si" {
				p.sst, inItem = append(p.sst, ""), false
			}
		case tokEnd:
			switch string(x.name) {
			case "si":
				p.sst, inItem = append(p.sst, unescapeOOXML(string(cur))), false
			case "rPh":
				phonetic--
			case "t":
				inText = false
			}
		case tokText:
			if inText {
				cur = append(cur, x.text...)
			}
		}
	}
	switch {
	case x.err == errDoctype:
		return doctype(f.Name)
	case x.err != io.EOF:
		return notWorkbook("tệp bị hỏng: không đọc được bảng chuỗi %s (%s)", f.Name, xmlError(x.err))
	}
	return nil
}

// xmlError words an XML syntax error briefly.
func xmlError(err error) string {
	var se errSyntax
	if errors.As(err, &se) || errors.Is(err, errTooLong) {
		return err.Error()
	}
	return zipError(err)
}
