package chart

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/officetest"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

func dec(s string) *decimal.Decimal { d := decimal.RequireFromString(s); return &d }

func testChart() *Chart {
	return &Chart{
		Tag:        `bieu_do "A" "B"`,
		Title:      "Kết quả năm 2021 so với năm 2020 & Kế hoạch",
		Unit:       "Đơn vị: %",
		Categories: []string{"Tỷ lệ <một>", "Tỷ lệ hai"},
		Decimals:   1,
		Series: []Series{
			{Name: "Năm 2020", Values: []*decimal.Decimal{dec("45"), nil}},
			{Name: "Năm 2021", Values: []*decimal.Decimal{dec("47.55"), dec("1234567.25")}},
		},
	}
}

// chartSpace is what a reader takes from the chart part.
type chartSpace struct {
	Title  []string `xml:"chart>title>tx>rich>p>r>t"`
	Series []struct {
		Name   string   `xml:"tx>strRef>strCache>pt>v"`
		NameAt string   `xml:"tx>strRef>f"`
		Cats   []string `xml:"cat>strRef>strCache>pt>v"`
		ValsAt string   `xml:"val>numRef>f"`
		Format string   `xml:"val>numRef>numCache>formatCode"`
		Count  struct {
			Val int `xml:"val,attr"`
		} `xml:"val>numRef>numCache>ptCount"`
		Points []struct {
			Idx int    `xml:"idx,attr"`
			V   string `xml:"v"`
		} `xml:"val>numRef>numCache>pt"`
	} `xml:"chart>plotArea>barChart>ser"`
	BarDir struct {
		Val string `xml:"val,attr"`
	} `xml:"chart>plotArea>barChart>barDir"`
	AxisTitle []string `xml:"chart>plotArea>valAx>title>tx>rich>p>r>t"`
	External  struct {
		ID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
	} `xml:"externalData"`
}

func TestChartXML(t *testing.T) {
	c := testChart()
	var cs chartSpace
	if err := xml.Unmarshal([]byte(c.XML("rId1")), &cs); err != nil {
		t.Fatal(err)
	}
	if strings.Join(cs.Title, "") != c.Title || strings.Join(cs.AxisTitle, "") != "Đơn vị: %" || cs.BarDir.Val != "col" || cs.External.ID != "rId1" {
		t.Errorf("chart: %+v", cs)
	}
	if len(cs.Series) != 2 {
		t.Fatalf("series: %+v", cs.Series)
	}
	s0, s1 := cs.Series[0], cs.Series[1]
	if s0.Name != "Năm 2020" || s0.NameAt != "'Số liệu'!$B$1" || s1.ValsAt != "'Số liệu'!$C$2:$C$3" || strings.Join(s1.Cats, "|") != "Tỷ lệ <một>|Tỷ lệ hai" {
		t.Errorf("series: %+v", cs.Series)
	}
	// A missing value is no point at all (a gap), not a zero.
	if s0.Count.Val != 2 || len(s0.Points) != 1 || s0.Points[0].Idx != 0 || s0.Points[0].V != "45.0" {
		t.Errorf("series with a gap: %+v", s0)
	}
	// Plain decimal text at the chart's decimals, rounded half up once.
	if len(s1.Points) != 2 || s1.Points[0].V != "47.6" || s1.Points[1].V != "1234567.3" || s1.Format != "[$-42A]#,##0.0" {
		t.Errorf("values: %+v", s1)
	}
}

func TestWorkbook(t *testing.T) {
	c := testChart()
	b, err := c.Workbook()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{
		"A1": "Chỉ tiêu (Đơn vị: %)", "B1": "Năm 2020", "C1": "Năm 2021",
		"A2": "Tỷ lệ <một>", "A3": "Tỷ lệ hai",
		"B2": "45.0", "B3": "", "C2": "47.6", "C3": "1234567.3",
	}
	for cell, v := range want {
		got, err := f.GetCellValue(sheetName, cell, excelize.Options{RawCellValue: true})
		if err != nil || got != v {
			t.Errorf("%s = %q, %v; want %q", cell, got, err, v)
		}
	}
	// Numbers, not text, with the chart's format.
	if typ, _ := f.GetCellType(sheetName, "C3"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("C3 type %v", typ)
	}
	st, _ := f.GetCellStyle(sheetName, "C3")
	style, err := f.GetStyle(st)
	if err != nil || style.CustomNumFmt == nil || *style.CustomNumFmt != "[$-42A]#,##0.0" {
		t.Errorf("C3 style %+v, %v", style, err)
	}
}

// LibreOffice reads the workbook as Word's "Edit Data" shows it: the texts,
// the numbers in the chart's format, the Vietnamese way.
func TestWorkbookInLibreOffice(t *testing.T) {
	b, err := testChart().Workbook()
	if err != nil {
		t.Fatal(err)
	}
	// UTF-8, cells as shown.
	csv := officetest.Convert(t, b, "so-lieu.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true")
	want := "Chỉ tiêu (Đơn vị: %),Năm 2020,Năm 2021\n" +
		"Tỷ lệ <một>,\"45,0\",\"47,6\"\n" +
		"Tỷ lệ hai,,\"1.234.567,3\"\n"
	if got := strings.ReplaceAll(string(csv), "\r\n", "\n"); got != want {
		t.Errorf("LibreOffice reads\n%s\nwant\n%s", got, want)
	}
}

func unzip(t *testing.T, docx []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(b)
	}
	return parts
}

const centred = `<w:pPr><w:jc w:val="center"/></w:pPr>`

func TestEmbed(t *testing.T) {
	m := NewMarkers()
	body := docxtest.P("Trước biểu đồ.") +
		`<w:p>` + centred + `<w:r><w:t>` + m.Marker(0) + `</w:t></w:r></w:p>` +
		docxtest.P("Giữa hai biểu đồ.") +
		docxtest.Table([]string{`<w:p><w:r><w:t xml:space="preserve">  ` + m.Marker(1) + ` </w:t></w:r></w:p>`})
	// A template with a chart of its own: ours must not take its names.
	// A logo in the header holds drawing id 7.
	doc := docxtest.Build(docxtest.Files{Body: body, Header: `<w:p><w:r><w:drawing><wp:inline><wp:docPr id="7" name="logo"/></wp:inline></w:drawing></w:r></w:p>`})
	parts := unzip(t, doc)
	var entries [][2]string
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/header1.xml"} {
		entries = append(entries, [2]string{name, parts[name]})
	}
	entries = append(entries, [2]string{"word/charts/chart1.xml", "<c:chartSpace/>"})
	doc = docxtest.Zip(entries...)

	out, err := embed(doc, m, []*Chart{testChart(), testChart()})
	if err != nil {
		t.Fatal(err)
	}
	got := unzip(t, out)
	if got["word/charts/chart1.xml"] != "<c:chartSpace/>" {
		t.Error("the template's own chart was changed")
	}
	for _, n := range []string{"2", "3"} {
		for _, name := range []string{"word/charts/chart" + n + ".xml", "word/charts/_rels/chart" + n + ".xml.rels", "word/embeddings/Microsoft_Excel_Worksheet" + n + ".xlsx"} {
			if got[name] == "" {
				t.Errorf("no part %s", name)
			}
		}
		if !strings.Contains(got["word/_rels/document.xml.rels"], `Id="rIdBieuDo`+n+`" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart`+n+`.xml"`) {
			t.Errorf("no relationship to chart %s:\n%s", n, got["word/_rels/document.xml.rels"])
		}
		if !strings.Contains(got["[Content_Types].xml"], `<Override PartName="/word/charts/chart`+n+`.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`) {
			t.Errorf("no content type for chart %s", n)
		}
		if !strings.Contains(got["word/charts/_rels/chart"+n+".xml.rels"], `Target="../embeddings/Microsoft_Excel_Worksheet`+n+`.xlsx"`) {
			t.Errorf("chart %s does not point at its workbook", n)
		}
	}
	if strings.Count(got["[Content_Types].xml"], `Extension="xlsx"`) != 1 {
		t.Error("no single content type for .xlsx")
	}
	d := got["word/document.xml"]
	if strings.Contains(d, "baocao-bieu-do") {
		t.Error("a marker is left")
	}
	// The paragraph keeps its formatting and holds only the chart.
	if !strings.Contains(d, `<w:p>`+centred+`<w:r><w:drawing><wp:inline `) || strings.Count(d, `<c:chart `) != 2 ||
		!strings.Contains(d, `r:id="rIdBieuDo2"`) || !strings.Contains(d, `<wp:docPr id="8" `) || !strings.Contains(d, `<wp:docPr id="9" `) {
		t.Errorf("document:\n%s", d)
	}
	// The second chart is in a table cell 2000 twips wide: it takes the cell's width.
	if want := fmt.Sprintf(`<wp:extent cx="%d" `, (2000-216)*635); strings.Count(d, want) != 1 {
		t.Errorf("no chart as wide as its cell (%s):\n%s", want, d)
	}
	// The result is a package our reader opens, with the text around the charts.
	text, err := docxpkg.Text(out)
	if err != nil || !strings.Contains(text, "Trước biểu đồ.") || !strings.Contains(text, "Giữa hai biểu đồ.") {
		t.Errorf("text %q, %v", text, err)
	}
}

func TestEmbedRefusals(t *testing.T) {
	m := NewMarkers()
	cases := []struct {
		files docxtest.Files
		want  string
	}{
		{docxtest.Files{Body: docxtest.P("Biểu đồ: " + m.Marker(0))},
			`biểu đồ «bieu_do "A" "B"»: thẻ phải đứng riêng một đoạn, không cùng chữ khác (đoạn «Biểu đồ: {{ bieu_do "A" "B" }}»)`},
		{docxtest.Files{Body: docxtest.P("Thân."), Header: docxtest.P(m.Marker(0))},
			`biểu đồ «bieu_do "A" "B"»: chỉ đặt được biểu đồ trong phần thân văn bản`},
	}
	for _, c := range cases {
		_, err := embed(docxtest.Build(c.files), m, []*Chart{testChart()})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("err = %v, want %q", err, c.want)
		}
	}
	// Another rendering's marker is not ours.
	other := NewMarkers()
	if other.Marker(0) == m.Marker(0) {
		t.Error("markers repeat")
	}
}

func TestSize(t *testing.T) {
	// A landscape section with 20 mm margins: 297 − 40 = 257 mm of text.
	doc := `<w:body><w:p/><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/></w:sectPr></w:body>`
	cx, cy := size(doc, 0)
	if want := (16838 - 2268) * 635 * 9 / 10; cx != want || cy != want*55/100 {
		t.Errorf("size = %d×%d, want width %d", cx, cy, want)
	}
	// No margins: an inch each side.
	if cx, _ := size(`<w:p/><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`, 0); cx != (11906-2880)*635*9/10 {
		t.Errorf("width without margins %d", cx)
	}
	// Unknown: A4 with the margins of Decree 30.
	if cx, _ := size("<w:body><w:p/></w:body>", 0); cx != (11906-2552)*635*9/10 {
		t.Errorf("default width %d", cx)
	}
}

// following is a Placement that has followed the document part doc, read
// whole, as the tests have it rather than as it is written.
func following(doc string, m Markers) *Placement {
	p := NewPlacement(m)
	tk := docxpkg.NewTokenizer(doc)
	for tok, err := tk.Next(); err == nil; tok, err = tk.Next() {
		p.Visit(tok, doc, 0, tk.Open())
	}
	return p
}

// embed opens doc, embeds the charts and writes it again.
func embed(doc []byte, m Markers, charts []*Chart) ([]byte, error) {
	pkg, err := docxpkg.Open(doc)
	if err != nil {
		return nil, err
	}
	if err := following(pkg.Part(docxpkg.DocumentPart), m).Embed(pkg, charts); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	err = pkg.Write(&out)
	return out.Bytes(), err
}

// BenchmarkEmbed is what a chart adds to a rendered package before it is
// written: find the marker, make the chart part and its workbook.
func BenchmarkEmbed(b *testing.B) {
	m := NewMarkers()
	var body strings.Builder
	for range 200 {
		body.WriteString(docxtest.P("Một đoạn văn của báo cáo, đủ dài như một đoạn thật trong báo cáo năm của sở."))
	}
	body.WriteString(docxtest.P(m.Marker(0)))
	pkg, err := docxpkg.Open(docxtest.Build(docxtest.Files{Body: body.String()}))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		clone := pkg.Clone()
		if err := following(clone.Part(docxpkg.DocumentPart), m).Embed(clone, []*Chart{testChart()}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWorkbook(b *testing.B) {
	c := testChart()
	for b.Loop() {
		if _, err := c.Workbook(); err != nil {
			b.Fatal(err)
		}
	}
}

// A Placement that follows a part as it is written, in pieces cut anywhere,
// finds the paragraphs (and their places) it finds reading the part whole.
func TestPlacementInPieces(t *testing.T) {
	m := NewMarkers()
	body := docxtest.P("Trước biểu đồ.") +
		`<w:p>` + centred + `<w:r><w:t>` + m.Marker(0) + `</w:t></w:r></w:p>` +
		docxtest.Table([]string{`<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>` + m.Marker(1) + `</w:t></w:r></w:p></w:tc>`})
	doc := unzip(t, docxtest.Build(docxtest.Files{Body: body}))["word/document.xml"]
	whole := following(doc, m)
	show := func(ps []*paragraph) (s string) {
		for _, p := range ps {
			if p == nil {
				s += "nil\n"
				continue
			}
			s += fmt.Sprintf("%+v\n", *p)
		}
		return s
	}
	want := show(whole.assigned(2))
	if p := whole.assigned(2); p[0] == nil || p[1] == nil || cellWidth(doc, "w:", p[1].cellAt) != 2000 || doc[p[0].props[0]:p[0].props[1]] != centred {
		t.Fatalf("the markers' paragraphs are not found: %s", want)
	}
	for i := 0; i <= len(doc); i += 7 {
		pieces := NewPlacement(m)
		x := docxpkg.XMLCheck{Visit: pieces.Visit}
		if x.Add([]byte(doc[:i])) != nil || x.Add([]byte(doc[i:])) != nil || x.End() != nil {
			t.Fatal("malformed")
		}
		if got := show(pieces.assigned(2)); got != want {
			t.Fatalf("cut at %d:\n%s\nwant\n%s", i, got, want)
		}
	}
}
