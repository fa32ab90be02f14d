package chart

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
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

// Embed puts the charts into the rendered package whose document part p has
// followed as it was written (docxtpl's ExecutePackage): each marker
// paragraph becomes a paragraph holding the chart, inline, as wide as the text
// of its section (the paragraph's formatting, e.g. centring, is kept), and
// each chart's part, workbook, relationships and content types are added to pkg.
func (pl *Placement) Embed(pkg *docxpkg.Package, charts []*Chart) error {
	if len(charts) == 0 {
		return nil
	}
	doc := pkg.Part(docxpkg.DocumentPart)
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

// Placement follows the tokens of a rendered document part (see
// docxpkg.XMLCheck.Visit) as they are written (docxtpl's Check and
// ExecutePackage), for the body paragraphs that hold a marker: where Embed
// puts the charts, or for Check, what it would say of where they are. A text
// box's paragraphs sit in another paragraph: they are not the body's.
type Placement struct {
	m     Markers
	names *elementNames // the body's, from the root element on
	depth int           // paragraphs open
	inT   bool
	text  strings.Builder // of the body paragraph being read
	cur   paragraph       // the body paragraph being read
	paras []*paragraph    // the body paragraphs that hold a marker
}

// elementNames are the names, with the document's prefix, of the elements
// Placement follows.
type elementNames struct{ p, t, tab, pPr, tc string }

// NewPlacement follows the markers of m.
func NewPlacement(m Markers) *Placement { return &Placement{m: m} }

// Visit follows one token, which src holds at its offsets; src starts at
// offset base of the part, and open are the elements open after the token.
func (p *Placement) Visit(tok docxpkg.Token, src string, base int, open []docxpkg.Element) {
	if p.names == nil {
		if tok.Kind != docxpkg.StartTag && tok.Kind != docxpkg.EmptyTag {
			return
		}
		w := docxpkg.WordPrefix(src[tok.Start:tok.End])
		p.names = &elementNames{p: w + "p", t: w + "t", tab: w + "tab", pPr: w + "pPr", tc: w + "tc"}
	}
	n := p.names
	switch tok.Kind {
	case docxpkg.StartTag:
		switch tok.Name {
		case n.p:
			if p.depth++; p.depth == 1 {
				p.text.Reset()
				p.cur = paragraph{start: base + tok.Start, openEnd: base + tok.End}
			}
		case n.t:
			p.inT = p.depth == 1
		}
	case docxpkg.EmptyTag:
		if tok.Name == n.tab && p.depth == 1 {
			p.text.WriteString("\t")
		}
	case docxpkg.CharData:
		if p.inT {
			p.text.WriteString(docxpkg.Unescape(src[tok.Start:tok.End]))
		}
	case docxpkg.EndTag:
		switch tok.Name {
		case n.t:
			p.inT = false
		case n.pPr:
			if p.depth == 1 && len(open) > 0 && open[len(open)-1].Name == n.p {
				p.cur.props = [2]int{base + tok.Begin, base + tok.End}
			}
		case n.p:
			if p.depth--; p.depth == 0 && strings.Contains(p.text.String(), p.m.prefix()) {
				p.markerParagraph(base, base+tok.End, open)
			}
		}
	}
}

// markerParagraph keeps the body paragraph just ended at end, which holds a
// marker, with its text and the table cell holding it (open's offsets are
// from base).
func (p *Placement) markerParagraph(base, end int, open []docxpkg.Element) {
	q := p.cur
	q.end, q.text, q.cellAt = end, p.text.String(), -1
	for i := len(open) - 1; i >= 0; i-- {
		if open[i].Name == p.names.tc {
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
		for i := range out {
			if out[i] == nil && strings.Contains(q.text, p.m.Marker(i)) {
				out[i] = q
			}
		}
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
