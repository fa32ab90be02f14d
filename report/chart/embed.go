package chart

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/vnformat"
)

// Markers names the charts of one rendering in the text of the rendered
// document: the template function prints Marker(i) for chart i, alone in
// its paragraph. A random part makes a marker impossible to meet in the
// figures or the template's own text.
type Markers struct{ nonce string }

// NewMarkers returns markers unique to this process's renderer.
func NewMarkers() Markers {
	var b [6]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	return Markers{nonce: hex.EncodeToString(b[:])}
}

// Marker is the text printed in place of chart i (0-based).
func (m Markers) Marker(i int) string { return m.prefix() + strconv.Itoa(i) + "]]" }

// prefix is the start of every marker.
func (m Markers) prefix() string { return "[[baocao-bieu-do-" + m.nonce + "-" }

// Parts of the package that charts add to.
const (
	contentTypes = "[Content_Types].xml"
	documentRels = "word/_rels/document.xml.rels"
)

// Embed puts the charts into a rendered .docx: each marker paragraph becomes
// a paragraph holding the chart, inline, as wide as the text of its section
// (the paragraph's formatting, e.g. centring, is kept), and each chart's
// part, workbook, relationships and content types are added to pkg.
func Embed(pkg *docxpkg.Package, m Markers, charts []*Chart) error {
	if len(charts) == 0 {
		return nil
	}
	doc := pkg.Part(docxpkg.DocumentPart)
	p := NewPlacement(m)
	tk := docxpkg.NewTokenizer(doc)
	for {
		tok, err := tk.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		p.Visit(tok, doc, 0, tk.Open())
	}
	return p.embed(pkg, doc, charts)
}

// Embed is the function Embed for a package whose document part p has
// followed as it was written (docxtpl's ExecutePackage): it is not read
// through again.
func (p *Placement) Embed(pkg *docxpkg.Package, charts []*Chart) error {
	if len(charts) == 0 {
		return nil
	}
	return p.embed(pkg, pkg.Part(docxpkg.DocumentPart), charts)
}

func (pl *Placement) embed(pkg *docxpkg.Package, doc string, charts []*Chart) error {
	m := pl.m
	paras := pl.assigned(len(charts))
	if err := placementErrors(m, charts, paras); err != nil {
		return err
	}

	rels, err := pkg.ReadPart(documentRels)
	if err != nil {
		return err
	}
	types, err := pkg.ReadPart(contentTypes)
	if err != nil {
		return err
	}
	w := docxpkg.WordPrefix(doc)
	// Drawing ids are unique across the body, headers and footers.
	docPrID := 0
	for _, name := range pkg.TemplateParts() {
		docPrID = max(docPrID, maxDocPrID(pkg.Part(name)))
	}
	num := 0
	var out strings.Builder
	out.Grow(len(doc) + len(charts)<<10) // a drawing is under a kilobyte
	last := 0
	for i, c := range charts {
		// The first free chartN: a template may hold charts of its own.
		for num++; exists(pkg, chartPart(num)) || exists(pkg, workbookPart(num)); num++ {
		}
		relID := freeID(rels, "rIdBieuDo"+strconv.Itoa(num))
		book, err := c.Workbook()
		if err != nil {
			return workbookError(c, err)
		}
		pkg.SetPart(workbookPart(num), string(book))
		pkg.SetPart(chartRels(num), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="../embeddings/`+workbookName(num)+`"/>`+
			`</Relationships>`)
		pkg.SetPart(chartPart(num), c.XML("rId1"))
		rels = insertBefore(rels, "</Relationships>", `<Relationship Id="`+relID+`" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart`+strconv.Itoa(num)+`.xml"/>`)
		types = insertBefore(types, "</Types>", `<Override PartName="/`+chartPart(num)+`" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`)

		p := paras[i]
		docPrID++
		cx, cy := size(doc, p.end)
		if width := cellWidth(doc, w, p.cellAt); width > 0 {
			// In a table cell: as wide as the cell, less its default margins.
			cx = max(width-216, 720) * emuPerTwip
			cy = cx * 55 / 100
		}
		out.WriteString(doc[last:p.start])
		out.WriteString(doc[p.start:p.openEnd] + doc[p.props[0]:p.props[1]])
		fmt.Fprintf(&out, `<%sr><%sdrawing>%s</%sdrawing></%sr></%sp>`, w, w, inline(cx, cy, docPrID, c.Title, relID), w, w, w)
		last = p.end
	}
	out.WriteString(doc[last:])
	if !regexp.MustCompile(`<Default\s[^>]*Extension="xlsx"`).MatchString(types) {
		types = insertBefore(types, "</Types>", `<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>`)
	}
	pkg.SetPart(docxpkg.DocumentPart, out.String())
	pkg.SetPart(documentRels, rels)
	pkg.SetPart(contentTypes, types)
	return nil
}

func chartPart(n int) string    { return "word/charts/chart" + strconv.Itoa(n) + ".xml" }
func chartRels(n int) string    { return "word/charts/_rels/chart" + strconv.Itoa(n) + ".xml.rels" }
func workbookName(n int) string { return "Microsoft_Excel_Worksheet" + strconv.Itoa(n) + ".xlsx" }
func workbookPart(n int) string { return "word/embeddings/" + workbookName(n) }

func exists(pkg *docxpkg.Package, name string) bool {
	_, err := pkg.ReadPart(name)
	return err == nil
}

// freeID returns id, or id with a suffix when the relationships hold it.
func freeID(rels, id string) string {
	for n, try := 1, id; ; n++ {
		if !strings.Contains(rels, `Id="`+try+`"`) {
			return try
		}
		try = id + "_" + strconv.Itoa(n)
	}
}

func insertBefore(xml, end, add string) string {
	i := strings.LastIndex(xml, end)
	if i < 0 {
		return xml
	}
	return xml[:i] + add + xml[i:]
}

var docPrIDs = regexp.MustCompile(`<wp:docPr\s[^>]*?\bid="(\d+)"`)

// maxDocPrID is the highest drawing id in a part: each drawing needs its own.
func maxDocPrID(doc string) int {
	high := 0
	for _, m := range docPrIDs.FindAllStringSubmatch(doc, -1) {
		if n, err := strconv.Atoi(m[1]); err == nil && n > high {
			high = n
		}
	}
	return high
}

// paragraph is a marker's paragraph in the document part, by offsets in it.
type paragraph struct {
	start, end int    // the w:p element
	openEnd    int    // the end of its start tag
	props      [2]int // its w:pPr element, kept; empty when it has none
	cellAt     int    // the end of the start tag of the table cell holding it; -1: none
	text       string
}

// placementErrors says of each chart whose marker is not in a body
// paragraph of its own (paras[i]: chart i's, nil when not found) why it
// cannot go there.
func placementErrors(m Markers, charts []*Chart, paras []*paragraph) error {
	var errs []error
	for i, c := range charts {
		p := paras[i]
		switch {
		case p == nil:
			errs = append(errs, fmt.Errorf("biểu đồ «%s»: chỉ đặt được biểu đồ trong phần thân văn bản (không trong đầu trang, chân trang, chú thích hay khung văn bản)", c.Tag))
		case strings.TrimSpace(strings.Replace(p.text, m.Marker(i), "", 1)) != "":
			errs = append(errs, fmt.Errorf("biểu đồ «%s»: thẻ phải đứng riêng một đoạn, không cùng chữ khác (đoạn «%s»)",
				c.Tag, vnformat.Shorten(strings.Replace(p.text, m.Marker(i), "{{ "+c.Tag+" }}", 1), 60)))
		}
	}
	return errors.Join(errs...)
}

// assign makes p the paragraph of each marker it holds that has none yet.
func assign(paras []*paragraph, m Markers, p *paragraph) {
	for i := range paras {
		if paras[i] == nil && strings.Contains(p.text, m.Marker(i)) {
			paras[i] = p
		}
	}
}

// bodyParagraphs follows the body's paragraphs token by token and gives the
// text of those that hold a marker. A text box's paragraphs sit in another
// paragraph: they are not the body's.
type bodyParagraphs struct {
	pName, tName, tabName, prefix string
	pPrName, tcName               string // for Placement
	depth                         int    // paragraphs open
	inT                           bool
	text                          strings.Builder
}

func newBodyParagraphs(w string, m Markers) *bodyParagraphs {
	return &bodyParagraphs{pName: w + "p", tName: w + "t", tabName: w + "tab", prefix: m.prefix(), pPrName: w + "pPr", tcName: w + "tc"}
}

// token follows tok, which src holds; at the end of a body paragraph whose
// text holds a marker it returns that text and true.
func (b *bodyParagraphs) token(tok docxpkg.Token, src string) (string, bool) {
	switch tok.Kind {
	case docxpkg.StartTag:
		switch tok.Name {
		case b.pName:
			b.depth++
			if b.depth == 1 {
				b.text.Reset()
			}
		case b.tName:
			b.inT = b.depth == 1
		}
	case docxpkg.EmptyTag:
		if tok.Name == b.tabName && b.depth == 1 {
			b.text.WriteString("\t")
		}
	case docxpkg.CharData:
		if b.inT {
			b.text.WriteString(docxpkg.Unescape(src[tok.Start:tok.End]))
		}
	case docxpkg.EndTag:
		switch tok.Name {
		case b.tName:
			b.inT = false
		case b.pName:
			b.depth--
			if b.depth == 0 && strings.Contains(b.text.String(), b.prefix) {
				return b.text.String(), true
			}
		}
	}
	return "", false
}

// Placement follows the tokens of a rendered document part (see
// docxpkg.XMLCheck.Visit), as they are written (docxtpl's Check and
// ExecutePackage) or read back (the function Embed), for the body
// paragraphs that hold a marker: where Embed puts the charts, or for Check,
// what it would say of where they are.
type Placement struct {
	m     Markers
	body  *bodyParagraphs // from the root element on
	cur   paragraph       // the body paragraph being read
	paras []*paragraph    // the body paragraphs that hold a marker
}

// NewPlacement follows the markers of m.
func NewPlacement(m Markers) *Placement { return &Placement{m: m} }

// Visit follows one token, which src holds at its offsets; src starts at
// offset base of the part, and open are the elements open after the token.
func (p *Placement) Visit(tok docxpkg.Token, src string, base int, open []docxpkg.Element) {
	if p.body == nil {
		if tok.Kind != docxpkg.StartTag && tok.Kind != docxpkg.EmptyTag {
			return
		}
		p.body = newBodyParagraphs(docxpkg.WordPrefix(src[tok.Start:tok.End]), p.m)
	}
	b := p.body
	switch {
	case tok.Kind == docxpkg.StartTag && tok.Name == b.pName && b.depth == 0:
		p.cur = paragraph{start: base + tok.Start, openEnd: base + tok.End}
	case tok.Kind == docxpkg.EndTag && tok.Name == b.pPrName && b.depth == 1 && len(open) > 0 && open[len(open)-1].Name == b.pName:
		p.cur.props = [2]int{base + tok.Begin, base + tok.End}
	}
	text, ends := b.token(tok, src)
	if !ends {
		return
	}
	// Only a marker's paragraph needs its text and cell kept.
	q := p.cur
	q.end, q.text, q.cellAt = base+tok.End, text, -1
	for i := len(open) - 1; i >= 0; i-- {
		if open[i].Name == b.tcName {
			q.cellAt = base + open[i].End
			break
		}
	}
	p.paras = append(p.paras, &q)
}

// assigned gives the paragraph of each of n markers; nil for a marker not
// in the body (it was printed in a header, a footnote…, or in a text box,
// where a chart cannot go).
func (p *Placement) assigned(n int) []*paragraph {
	out := make([]*paragraph, n)
	for _, q := range p.paras {
		assign(out, p.m, q)
	}
	return out
}

// Check returns the error Embed would return for charts in the document
// followed, without embedding them.
func (p *Placement) Check(charts []*Chart) error {
	if err := placementErrors(p.m, charts, p.assigned(len(charts))); err != nil {
		return err
	}
	for _, c := range charts {
		if _, err := c.Workbook(); err != nil {
			return workbookError(c, err)
		}
	}
	return nil
}

func workbookError(c *Chart, err error) error {
	return fmt.Errorf("biểu đồ «%s»: không tạo được bảng số liệu: %w", c.Tag, err)
}

var (
	tcW       = regexp.MustCompile(`<(?:\w+:)?tcW\s[^>]*>`)
	widthAttr = regexp.MustCompile(`\s(?:\w+:)?w="(\d+)"`)
)

// cellWidth is the width of the table cell whose start tag ends at offset
// at, as its w:tcW states it in twips (type dxa); 0 when at is -1 (no
// cell) or the width is not stated so.
func cellWidth(doc, w string, at int) int {
	if at < 0 {
		return 0
	}
	props := strings.TrimLeft(doc[at:], " \t\r\n")
	end := strings.Index(props, "</"+w+"tcPr>")
	if !strings.HasPrefix(props, "<"+w+"tcPr>") || end < 0 {
		return 0
	}
	tag := tcW.FindString(props[:end])
	if !strings.Contains(tag, `type="dxa"`) {
		return 0
	}
	if m := widthAttr.FindStringSubmatch(tag); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

// EMUs per twip: Word measures the page in twips (1/1440 inch), drawings in
// EMUs (1/914400 inch).
const emuPerTwip = 635

var (
	pgSzW   = regexp.MustCompile(`<(?:\w+:)?pgSz\s[^>]*?\b(?:\w+:)?w="(\d+)"`)
	pgMarRe = regexp.MustCompile(`<(?:\w+:)?pgMar\s[^>]*>`)
	leftRe  = regexp.MustCompile(`\b(?:\w+:)?(?:left|start)="(-?\d+)"`)
	rightRe = regexp.MustCompile(`\b(?:\w+:)?(?:right|end)="(-?\d+)"`)
)

// size is the chart's size in EMUs: 90% of the width of the text of the
// section the paragraph ending at off belongs to (the next section
// properties; A4 with margins of 30 and 15 mm when unknown), and a height of
// 55% of that.
func size(doc string, off int) (cx, cy int) {
	width := 11906 - 1701 - 851 // A4 with the margins of Decree 30, in twips
	if loc := sectPrIndex(doc[off:]); loc != nil {
		sect := doc[off+loc[0]:]
		if end := strings.Index(sect[loc[1]-loc[0]:], "sectPr>"); end >= 0 {
			sect = sect[:loc[1]-loc[0]+end]
		}
		// Without page margins Word and LibreOffice take an inch each side.
		page, left, right := 0, 1440, 1440
		if m := pgSzW.FindStringSubmatch(sect); m != nil {
			page, _ = strconv.Atoi(m[1])
		}
		if mar := pgMarRe.FindString(sect); mar != "" {
			if m := leftRe.FindStringSubmatch(mar); m != nil {
				left, _ = strconv.Atoi(m[1])
			}
			if m := rightRe.FindStringSubmatch(mar); m != nil {
				right, _ = strconv.Atoi(m[1])
			}
		}
		if w := page - left - right; page > 0 && w > 1440 && w < 31680 {
			width = w
		}
	}
	// 90%: room for a first-line indent the paragraph may have.
	cx = width * emuPerTwip * 9 / 10
	return cx, cx * 55 / 100
}

// inline is the w:drawing content placing chart relID inline, its
// namespaces declared where used so that any document root takes it.
func inline(cx, cy, id int, title, relID string) string {
	return fmt.Sprintf(`<wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">`+
		`<wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/>`+
		`<wp:docPr id="%d" name="Biểu đồ %d" descr="%s"/><wp:cNvGraphicFramePr/>`+
		`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">`+
		`<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="%s"/>`+
		`</a:graphicData></a:graphic></wp:inline>`, cx, cy, id, id, xmlAttr(title), xmlAttr(relID))
}

// sectPrIndex finds the first start tag of section properties in s, as the
// expression `<(\w+:)?sectPr[\s>]` would: by its name, which a search skips
// to, where the expression, having no fixed start, stepped through the rest
// of the body.
func sectPrIndex(s string) []int {
	const name = "sectPr"
	for from := 0; ; {
		k := strings.Index(s[from:], name)
		if k < 0 {
			return nil
		}
		k += from
		from = k + 1
		end := k + len(name)
		if k == 0 || end == len(s) || !strings.ContainsRune("\t\n\f\r >", rune(s[end])) {
			continue
		}
		start := k - 1 // "<", or the ":" of a prefix
		if s[start] == ':' {
			j := start
			for j > 0 && isWordByte(s[j-1]) {
				j--
			}
			if j == start || j == 0 || s[j-1] != '<' {
				continue
			}
			start = j - 1
		} else if s[start] != '<' {
			continue
		}
		return []int{start, end + 1}
	}
}

// isWordByte is the expressions' \w.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
