package docxpkg

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/nguyenthenguyen/docx"
)

// Limits against damaged or hostile files ("zip bombs"). A real report is a
// few hundred kilobytes in a few dozen parts.
const (
	MaxPartSize  = 192 << 20 // bytes of one decompressed part: the body of a 100 000-row appendix, as docxtpl.MaxOutputSize
	MaxTotalSize = 256 << 20 // bytes of all decompressed parts together
	MaxEntries   = 5000      // entries in the zip archive
)

// Names of parts that hold document text besides headers and footers.
const (
	DocumentPart  = "word/document.xml"
	FootnotesPart = "word/footnotes.xml"
	EndnotesPart  = "word/endnotes.xml"
)

const (
	documentRels = "word/_rels/document.xml.rels"
	contentTypes = "[Content_Types].xml"
)

// maxPackagePart bounds the parts that only describe the package (the
// content types, the document's relationships): Word writes a few kilobytes.
const maxPackagePart = 1 << 20

// checkPackagePart refuses a part describing the package that is too large
// or not well-formed XML: a report is written with it as it is, and Word
// cannot open a report whose content types it cannot read.
func checkPackagePart(f *zip.File) error {
	if f.UncompressedSize64 > maxPackagePart {
		return fmt.Errorf("phần %s lớn hơn %d MiB (Word chỉ ghi vài KiB); tệp bị hỏng hoặc được tạo ra để gây hại", f.Name, maxPackagePart>>20)
	}
	text, err := readPart(f)
	if err != nil {
		return err
	}
	tk := NewTokenizer(text)
	elements := 0
	for {
		tok, err := tk.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return partError(f.Name, err)
		}
		if tok.Kind == StartTag || tok.Kind == EmptyTag {
			elements++
		}
	}
	if elements == 0 {
		return fmt.Errorf("phần %s không có nội dung XML", f.Name)
	}
	return nil
}

// Package is an open .docx file. The main document is read by
// github.com/nguyenthenguyen/docx; headers and footers are read here, because
// that library gives no error-checked access to them, and the package is
// written here so that untouched parts are copied byte for byte.
type Package struct {
	files   []*zip.File
	doc     *docx.Docx           // read only, so that a Clone may share it
	names   []string             // template parts, see TemplateParts
	xml     []string             // every XML part, in archive order
	parts   map[string]string    // headers, footers and parts set by SetPart
	chunked map[string]Chunks    // parts set by SetPartChunks, until Part joins one
	packed  map[string]*Deflated // parts set by SetPartDeflated, until Part inflates one
	changed map[string]bool      // parts to write from memory instead of copying
	added   []string             // parts set by SetPart that the archive lacks
}

// Clone returns a copy of the package whose parts can be set without
// changing p: a template renders many times from one opened package.
func (p *Package) Clone() *Package {
	c := *p
	c.parts = maps.Clone(p.parts)
	c.chunked = maps.Clone(p.chunked)
	c.packed = maps.Clone(p.packed)
	c.changed = maps.Clone(p.changed)
	c.added = slices.Clone(p.added)
	return &c
}

func invalid(format string, args ...any) error {
	return fmt.Errorf("không phải tệp .docx hợp lệ: "+format, args...)
}

func partError(name string, err error) error {
	return fmt.Errorf("phần %s: %w", name, err)
}

// Open reads a .docx file from memory.
func Open(data []byte) (*Package, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, invalid("tệp không phải là tệp nén ZIP của Word (có thể là tệp .doc cũ, tệp đặt mật khẩu hoặc tệp bị hỏng)")
	}
	if len(zr.File) > MaxEntries {
		return nil, invalid("tệp có %d phần, vượt giới hạn %d phần; tệp bị hỏng hoặc được tạo ra để gây hại", len(zr.File), MaxEntries)
	}
	seen := make(map[string]bool, len(zr.File))
	folded := make(map[string]string, len(zr.File))
	var total uint64
	for _, f := range zr.File {
		if why := unsafeName(f.Name); why != "" {
			return nil, invalid("phần có tên không an toàn %q (%s); tệp bị hỏng hoặc được tạo ra để gây hại", f.Name, why)
		}
		// Part names are case-insensitive (ECMA-376 part 2, 9.1.1.1.2).
		key := strings.ToLower(f.Name)
		if other, dup := folded[key]; dup {
			if other == f.Name {
				return nil, invalid("có hai phần cùng tên %q", f.Name)
			}
			return nil, invalid("có hai phần cùng tên %q và %q (tên phần không phân biệt chữ hoa, chữ thường)", other, f.Name)
		}
		folded[key] = f.Name
		seen[f.Name] = true
		if f.UncompressedSize64 > MaxPartSize {
			return nil, invalid("phần %q khi giải nén lớn %d MiB, vượt giới hạn %d MiB; tệp bị hỏng hoặc được tạo ra để gây hại",
				f.Name, f.UncompressedSize64>>20, MaxPartSize>>20)
		}
		if total += f.UncompressedSize64; total > MaxTotalSize {
			return nil, invalid("các phần khi giải nén lớn hơn %d MiB; tệp bị hỏng hoặc được tạo ra để gây hại", MaxTotalSize>>20)
		}
	}
	for _, need := range []string{DocumentPart, documentRels, contentTypes} {
		if !seen[need] {
			return nil, invalid("thiếu phần %s", need)
		}
	}
	var xmlParts []string
	for _, f := range zr.File {
		if f.Name == contentTypes || f.Name == documentRels {
			if err := checkPackagePart(f); err != nil {
				return nil, invalid("%v", err)
			}
		}
		isXML, err := checkProlog(f)
		if err != nil {
			return nil, invalid("%v", err)
		}
		if isXML {
			xmlParts = append(xmlParts, f.Name)
		}
	}
	// The sizes were checked above; archive/zip refuses to inflate a part
	// beyond its declared size, so the library reads bounded data.
	rd, err := docx.ReadDocxFromMemory(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, invalid("không đọc được phần %s (%v)", DocumentPart, err)
	}
	p := &Package{
		files:   zr.File,
		xml:     xmlParts,
		doc:     rd.Editable(),
		parts:   map[string]string{},
		changed: map[string]bool{},
	}
	if err := checkXMLText(p.doc.GetContent()); err != nil {
		return nil, invalid("phần %s: %v", DocumentPart, err)
	}
	var headers, footers []string
	for _, f := range zr.File {
		kind := headerFooter(f.Name)
		if kind == "" && f.Name != FootnotesPart && f.Name != EndnotesPart {
			continue
		}
		text, err := readPart(f)
		if err != nil {
			return nil, invalid("%v", err)
		}
		p.parts[f.Name] = text
		switch kind {
		case "header":
			headers = append(headers, f.Name)
		case "footer":
			footers = append(footers, f.Name)
		}
	}
	slices.SortFunc(headers, naturalCompare)
	slices.SortFunc(footers, naturalCompare)
	p.names = slices.Concat([]string{DocumentPart}, headers, footers)
	for _, name := range []string{FootnotesPart, EndnotesPart} {
		if _, ok := p.parts[name]; ok {
			p.names = append(p.names, name)
		}
	}
	return p, nil
}

// unsafeName says why a zip entry's name must not be written out (a path
// leaving the package, a Windows path), or "" if it is a proper part name.
func unsafeName(name string) string {
	switch {
	case name == "":
		return "tên rỗng"
	case strings.ContainsRune(name, '\\'):
		return "có dấu «\\»"
	case strings.HasPrefix(name, "/") || len(name) >= 2 && name[1] == ':':
		return "đường dẫn tuyệt đối"
	case strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return "có ký tự điều khiển"
	}
	elems := strings.Split(strings.TrimSuffix(name, "/"), "/")
	for _, e := range elems {
		switch e {
		case "..":
			return "trỏ ra ngoài gói bằng «..»"
		case ".", "":
			return "có thành phần «.» hoặc rỗng"
		}
	}
	return ""
}

// headerFooter tells whether name is a header or footer part
// (word/header1.xml, word/footer2.xml, …) and which.
func headerFooter(name string) string {
	rest, ok := strings.CutPrefix(name, "word/")
	if !ok || !strings.HasSuffix(rest, ".xml") || strings.Contains(rest, "/") {
		return ""
	}
	for _, kind := range []string{"header", "footer"} {
		if strings.HasPrefix(rest, kind) {
			return kind
		}
	}
	return ""
}

func readPart(f *zip.File) (string, error) {
	data, err := readRaw(f)
	if err != nil {
		return "", err
	}
	if err := checkXMLText(string(data)); err != nil {
		return "", partError(f.Name, err)
	}
	return string(data), nil
}

// openPart opens a part of the package as stored, to be inflated as it is read.
func openPart(f *zip.File) (io.ReadCloser, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("không mở được phần %s (%v)", f.Name, err)
	}
	return rc, nil
}

func readRaw(f *zip.File) ([]byte, error) {
	rc, err := openPart(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, MaxPartSize+1))
	if err != nil {
		return nil, fmt.Errorf("không đọc được phần %s (%v)", f.Name, err)
	}
	if len(data) > MaxPartSize {
		return nil, fmt.Errorf("phần %s khi giải nén vượt giới hạn %d MiB", f.Name, MaxPartSize>>20)
	}
	return data, nil
}

// checkProlog reads the start of a part and tells whether it is XML (its
// first character, after a byte order mark and white space, is "<"). An XML
// part whose prolog has a document type declaration is refused: Word never
// writes one, and its entities can expand to gigabytes ("billion laughs") or
// fetch outside files, in our reading or in the reader of the report.
func checkProlog(f *zip.File) (bool, error) {
	rc, err := f.Open()
	if err != nil {
		return false, fmt.Errorf("không mở được phần %s (%v)", f.Name, err)
	}
	defer rc.Close()
	pr := &prologReader{r: bufio.NewReader(rc), line: 1}
	switch b, _ := pr.r.Peek(3); {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		pr.r.Discard(3)
	case bytes.HasPrefix(b, []byte("\xff\xfe")):
		pr.r.Discard(2)
		pr.utf16 = binary.LittleEndian
	case bytes.HasPrefix(b, []byte("\xfe\xff")):
		pr.r.Discard(2)
		pr.utf16 = binary.BigEndian
	}
	sawXML := false
	for {
		c, ok := pr.next()
		switch {
		case !ok || c != '<' && !IsSpace(c):
			return sawXML, nil
		case IsSpace(c):
			continue
		}
		sawXML = true
		c, _ = pr.next()
		switch c {
		case '?':
			if !pr.skipPast("?>") {
				return true, nil
			}
		case '!':
			if c, _ := pr.next(); c == '-' && pr.skipPast("-->") {
				continue
			}
			return true, fmt.Errorf("phần %s, dòng %d: có khai báo <!DOCTYPE …>, điều Word không bao giờ ghi; "+
				"khai báo này có thể làm treo máy hoặc đọc tệp khác trên máy, nên mẫu bị từ chối", f.Name, pr.line)
		default: // the root element: the prolog is over
			return true, nil
		}
	}
}

// prologReader reads the characters of a part one by one, counting lines.
// In UTF-16 every character beyond ASCII reads as 0xff: only the ASCII
// markup of the prolog matters.
type prologReader struct {
	r     *bufio.Reader
	utf16 binary.ByteOrder // nil for UTF-8
	line  int
}

func (p *prologReader) next() (byte, bool) {
	var c byte
	if p.utf16 != nil {
		var u [2]byte
		if _, err := io.ReadFull(p.r, u[:]); err != nil {
			return 0, false
		}
		c = 0xff
		if v := p.utf16.Uint16(u[:]); v < 0x80 {
			c = byte(v)
		}
	} else {
		var err error
		if c, err = p.r.ReadByte(); err != nil {
			return 0, false
		}
	}
	if c == '\n' {
		p.line++
	}
	return c, true
}

// skipPast reads up to and including end; false if the part ends first.
func (p *prologReader) skipPast(end string) bool {
	window := make([]byte, 0, len(end))
	for {
		c, ok := p.next()
		if !ok {
			return false
		}
		if len(window) == len(end) {
			window = append(window[:0], window[1:]...)
		}
		window = append(window, c)
		if string(window) == end {
			return true
		}
	}
}

// checkXMLText refuses encodings other than UTF-8; Word writes only UTF-8.
func checkXMLText(s string) error {
	if strings.HasPrefix(s, "\xfe\xff") || strings.HasPrefix(s, "\xff\xfe") {
		return errors.New("mã hóa UTF-16 chưa được hỗ trợ; hãy lưu lại tệp bằng Word")
	}
	if !utf8.ValidString(s) {
		return errors.New("nội dung không phải văn bản UTF-8")
	}
	return nil
}

// naturalCompare orders names with embedded numbers by value:
// header2.xml before header10.xml.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digitPrefix(a), digitPrefix(b)
		if da > 0 && db > 0 {
			na, _ := strconv.ParseUint(a[:da], 10, 64)
			nb, _ := strconv.ParseUint(b[:db], 10, 64)
			if na != nb {
				if na < nb {
					return -1
				}
				return 1
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func digitPrefix(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// TemplateParts returns the parts that hold document text:
// "word/document.xml" first, then the headers and the footers, each in
// natural order (header1.xml, header2.xml, …).
func (p *Package) TemplateParts() []string { return slices.Clone(p.names) }

// Part returns the XML of a template part or of a part set with SetPart;
// "" for any other name.
func (p *Package) Part(name string) string {
	if name == DocumentPart && !p.changed[name] {
		return p.doc.GetContent()
	}
	if c, ok := p.chunked[name]; ok {
		p.SetPart(name, c.String())
	}
	if d, ok := p.packed[name]; ok {
		var b strings.Builder
		io.Copy(&b, d.Reader()) // written by this process: it inflates
		p.SetPart(name, b.String())
	}
	return p.parts[name]
}

// OtherXMLParts returns the XML parts that are not template parts (comments,
// settings, styles, document properties, …), in archive order.
func (p *Package) OtherXMLParts() []string {
	var out []string
	for _, name := range p.xml {
		if !slices.Contains(p.names, name) {
			out = append(out, name)
		}
	}
	return out
}

// ReadPart returns, for reading, the text of any part of the archive, read
// within MaxPartSize: UTF-16 is decoded, bytes that are not UTF-8 become
// U+FFFD. For template parts and parts set with SetPart it is Part.
func (p *Package) ReadPart(name string) (string, error) {
	if p.changed[name] || slices.Contains(p.names, name) {
		return p.Part(name), nil
	}
	for _, f := range p.files {
		if f.Name == name {
			data, err := readRaw(f)
			return decodeText(data), err
		}
	}
	return "", fmt.Errorf("không có phần %s", name)
}

func decodeText(data []byte) string {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		order = binary.LittleEndian
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		order = binary.BigEndian
	default:
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	units := make([]uint16, (len(data)-2)/2)
	for i := range units {
		units[i] = order.Uint16(data[2+2*i:])
	}
	return string(utf16.Decode(units))
}

// SetPart replaces the XML of a part. A name the archive lacks adds a part
// at the end of the archive (it then also needs a content type and a
// relationship, which are the caller's business).
func (p *Package) SetPart(name, xml string) {
	p.setChanged(name)
	delete(p.chunked, name)
	delete(p.packed, name)
	p.parts[name] = xml
}

// SetPartChunks is SetPart for XML in pieces, which Write and Contents use
// as they are.
func (p *Package) SetPartChunks(name string, xml Chunks) {
	p.setChanged(name)
	delete(p.parts, name)
	delete(p.packed, name)
	if p.chunked == nil {
		p.chunked = map[string]Chunks{}
	}
	p.chunked[name] = xml
}

// SetPartDeflated is SetPart for XML compressed already, which Write copies
// as it is.
func (p *Package) SetPartDeflated(name string, xml *Deflated) {
	p.setChanged(name)
	delete(p.parts, name)
	delete(p.chunked, name)
	if p.packed == nil {
		p.packed = map[string]*Deflated{}
	}
	p.packed[name] = xml
}

func (p *Package) setChanged(name string) {
	if !p.changed[name] && !p.has(name) && !slices.Contains(p.added, name) {
		p.added = append(p.added, name)
	}
	p.changed[name] = true
}

// content returns a changed part's XML for reading, and its length.
func (p *Package) content(name string) (io.Reader, uint64) {
	if c, ok := p.chunked[name]; ok {
		return c.Reader(), uint64(c.Len())
	}
	if d, ok := p.packed[name]; ok {
		return d.Reader(), d.Size
	}
	s := p.Part(name)
	// Hidden behind a plain Reader, a strings.Reader is copied through a
	// small buffer: its WriteTo would make a copy of the whole part.
	return struct{ io.Reader }{strings.NewReader(s)}, uint64(len(s))
}

func (p *Package) has(name string) bool {
	return slices.ContainsFunc(p.files, func(f *zip.File) bool { return f.Name == name })
}

// Write writes the package as a .docx: parts changed with SetPart or
// SetPartChunks are compressed anew, those set with SetPartDeflated are
// written as they were compressed, all other parts are copied unchanged, in
// the original order.
func (p *Package) Write(w io.Writer) error { return p.WriteSealed(w, "", nil) }

// Bytes is the package written as a .docx.
func (p *Package) Bytes() ([]byte, error) {
	var out bytes.Buffer
	if err := p.Write(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// WriteSealed is Write with the part named seal written last, its XML given
// by content once every other part is written: a seal that depends on the
// other parts (generate's stamp, a hash of them) is worked out while they
// are compressed.
func (p *Package) WriteSealed(w io.Writer, seal string, content func() (string, error)) error {
	zw := NewZipWriter(w)
	buf := make([]byte, 32<<10) // for every part: io.Copy would take a new one for each
	for _, f := range p.files {
		var err error
		switch {
		case f.Name == seal:
			continue
		case p.changed[f.Name]:
			err = p.writePart(zw, f.Name, f, buf)
		default:
			err = copyRaw(zw, f, buf)
		}
		if err != nil {
			return err
		}
	}
	for _, name := range p.added {
		if name == seal {
			continue
		}
		if err := p.writePart(zw, name, nil, buf); err != nil {
			return err
		}
	}
	if seal != "" {
		xml, err := content()
		if err != nil {
			return err
		}
		p.SetPart(seal, xml)
		if err := p.writePart(zw, seal, nil, buf); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("không ghi được tệp .docx: %w", err)
	}
	return nil
}

// Contents calls fn with the name, the uncompressed size and content of
// each part Write would write, in the same order, so that what is about to
// be written can be hashed without writing and reading it back.
func (p *Package) Contents(fn func(name string, size uint64, content io.Reader) error) error {
	for _, f := range p.files {
		if p.changed[f.Name] {
			content, size := p.content(f.Name)
			if err := fn(f.Name, size, content); err != nil {
				return err
			}
			continue
		}
		rc, err := openPart(f)
		if err != nil {
			return err
		}
		err = fn(f.Name, f.UncompressedSize64, rc)
		rc.Close()
		if err != nil {
			return err
		}
	}
	for _, name := range p.added {
		content, size := p.content(name)
		if err := fn(name, size, content); err != nil {
			return err
		}
	}
	return nil
}

// NewZipWriter returns a zip writer that deflates at the fastest level: a
// report's XML still shrinks about tenfold, and on a large report the
// default level took more time than filling the template. Its compressors
// are shared with Write's.
func NewZipWriter(w io.Writer) *zip.Writer {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, fastDeflate)
	return zw
}

// fastDeflaters keeps flate writers for reuse, as archive/zip does for its
// own: each holds about a megabyte of tables.
var fastDeflaters sync.Pool

func fastDeflate(out io.Writer) (io.WriteCloser, error) {
	if fw, ok := fastDeflaters.Get().(*flate.Writer); ok {
		fw.Reset(out)
		return pooledDeflater{fw}, nil
	}
	fw, err := flate.NewWriter(out, flate.BestSpeed)
	return pooledDeflater{fw}, err
}

type pooledDeflater struct{ *flate.Writer }

func (w pooledDeflater) Close() error {
	err := w.Writer.Close()
	fastDeflaters.Put(w.Writer)
	return err
}

// zipEpoch is the earliest time a zip entry can hold; a zero time would be
// written as the invalid date 0 that some readers reject.
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

func (p *Package) writePart(zw *zip.Writer, name string, orig *zip.File, buf []byte) error {
	fh := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipEpoch}
	if orig != nil && orig.Modified.After(zipEpoch) {
		fh.Modified = orig.Modified
	}
	var err error
	if d, ok := p.packed[name]; ok {
		fh.CRC32, fh.CompressedSize64, fh.UncompressedSize64 = d.CRC32, uint64(len(d.Data)), d.Size
		var fw io.Writer
		if fw, err = zw.CreateRaw(fh); err == nil {
			_, err = fw.Write(d.Data)
		}
	} else {
		var fw io.Writer
		if fw, err = zw.CreateHeader(fh); err == nil {
			content, _ := p.content(name)
			_, err = io.CopyBuffer(fw, content, buf)
		}
	}
	if err != nil {
		return fmt.Errorf("không ghi được phần %s: %w", name, err)
	}
	return nil
}

// Digests calls fn with the name, the uncompressed size and the SHA-256 of
// the content of each part Write would write, in the same order: a
// digest of a package about to be written, without compressing it or
// reading it back. A part set with SetPartDeflated brings its own.
func (p *Package) Digests(fn func(name string, size uint64, sum [32]byte) error) error {
	h := sha256.New()
	buf := make([]byte, 32<<10)
	return p.Contents(func(name string, size uint64, content io.Reader) error {
		var sum [32]byte
		if d, ok := p.packed[name]; ok {
			sum = d.SHA256
		} else {
			h.Reset()
			n, err := io.CopyBuffer(h, io.LimitReader(content, MaxPartSize+1), buf)
			if err != nil || uint64(n) != size {
				return fmt.Errorf("không đọc được phần %s", name)
			}
			h.Sum(sum[:0])
		}
		return fn(name, size, sum)
	})
}

func copyRaw(zw *zip.Writer, f *zip.File, buf []byte) error {
	r, err := f.OpenRaw()
	if err != nil {
		return fmt.Errorf("không đọc được phần %s: %w", f.Name, err)
	}
	fh := f.FileHeader
	// The writer adds its own zip64 record when a size needs one; a stale
	// copy of the original's would be written twice.
	fh.Extra = dropZip64Extra(fh.Extra)
	fw, err := zw.CreateRaw(&fh)
	if err == nil {
		_, err = io.CopyBuffer(fw, r, buf)
	}
	if err != nil {
		return fmt.Errorf("không chép được phần %s: %w", f.Name, err)
	}
	return nil
}

func dropZip64Extra(extra []byte) []byte {
	var out []byte
	for len(extra) >= 4 {
		id := binary.LittleEndian.Uint16(extra)
		size := int(binary.LittleEndian.Uint16(extra[2:]))
		if 4+size > len(extra) {
			break
		}
		if id != 0x0001 {
			out = append(out, extra[:4+size]...)
		}
		extra = extra[4+size:]
	}
	return out
}
