package diff

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"github.com/baocao/baocao/report/textwidth"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/baocao/baocao/report/model"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// reference holds the figures the issue asks for, by code: 2020, 2021, change, words.
var reference = map[string][4]string{
	"DT_BUU_CHINH":  {"120", "130", "+10", "tăng 8,3%"},
	"DT_VIEN_THONG": {"1.597", "1.150", "-447", "giảm 28%"},
	"TB_TRA_SAU":    {"150.000", "148.000", "-2.000", "giảm 1,3%"},
}

func TestWriteCSV(t *testing.T) {
	tb := sample(t, Options{})
	var buf bytes.Buffer
	if err := WriteCSV(&buf, tb); err != nil {
		t.Fatal(err)
	}
	b, ok := bytes.CutPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF"))
	if !ok {
		t.Fatal("no UTF-8 byte order mark: Excel would misread the Vietnamese text")
	}
	if !bytes.Contains(b, []byte("\r\n")) {
		t.Error("lines should end in CRLF")
	}
	records, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != len(tb.Rows)+1 {
		t.Fatalf("%d records for %d rows", len(records), len(tb.Rows))
	}
	header := records[0]
	col := func(name string) int {
		i := slices.Index(header, name)
		if i < 0 {
			t.Fatalf("no column %q in %q", name, header)
		}
		return i
	}
	byCode := map[string][]string{}
	for _, rec := range records[1:] {
		byCode[rec[col("Mã")]] = rec
	}
	for code, want := range reference {
		rec := byCode[code]
		got := [4]string{rec[col("2020")], rec[col("2021")], rec[col("Chênh lệch 2021/2020")], rec[col("Tăng, giảm 2021/2020")]}
		if got != want {
			t.Errorf("%s: %q, want %q", code, got, want)
		}
	}
	bc := byCode["DT_BUU_CHINH"]
	for name, want := range map[string]string{"Nhóm": "Bưu chính, Viễn thông", "Đơn vị": "tỷ đồng", "Tỷ lệ thay đổi 2021/2020 (%)": "8,3",
		"Trạng thái 2021/2020": "tăng", "Kế hoạch 2021": "110", "Đạt kế hoạch 2021 (%)": "118,2%", "Cần xem lại": ""} {
		if got := bc[col(name)]; got != want {
			t.Errorf("DT_BUU_CHINH %s = %q, want %q", name, got, want)
		}
	}
	if got := byCode["XH_PAR"][col("Trạng thái 2021/2020")]; got != "mới" {
		t.Errorf("XH_PAR status %q", got)
	}
}

func TestWriteJSON(t *testing.T) {
	tb := sample(t, Options{})
	var buf bytes.Buffer
	if err := WriteJSON(&buf, tb); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Format  string
		Columns []struct {
			Year  int
			Label string
		}
		Threshold *json.Number
		Summary   struct {
			Indicators, Up, Down, Added int
			Differs                     bool
			Text                        string
		}
		Rows []struct {
			Code       string
			Values     []*json.Number
			ValuesText []string `json:"values_text"`
			Changes    []struct {
				From, To, Status, Text string
				Delta, Percent         *json.Number
				DeltaText              string `json:"delta_text"`
				Flag                   bool
				Threshold              json.Number
			}
			Plan, Attainment *json.Number
			Notes            []string
		}
	}
	dec := json.NewDecoder(&buf)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if doc.Format != "baocao-diff/1" || len(doc.Columns) != 2 || doc.Columns[0].Year != 2020 || doc.Columns[1].Label != "2021" || doc.Threshold != nil {
		t.Errorf("head: %+v", doc)
	}
	if doc.Summary.Indicators != 46 || doc.Summary.Up != 3 || doc.Summary.Down != 2 || doc.Summary.Added != 41 || !doc.Summary.Differs ||
		doc.Summary.Text != "46 chỉ tiêu: 3 tăng, 2 giảm, 0 tương đương, 41 mới" {
		t.Errorf("summary: %+v", doc.Summary)
	}
	str := func(n *json.Number) string {
		if n == nil {
			return "null"
		}
		return n.String()
	}
	want := map[string]string{
		"DT_BUU_CHINH":  "120 130 | up 10 +10 8.333333 tăng 8,3% 50 | 110 118.181818",
		"DT_VIEN_THONG": "1597 1150 | down -447 -447 -27.989981 giảm 28% 50 | 1691 68.007096",
		"TB_TRA_SAU":    "150000 148000 | down -2000 -2.000 -1.333333 giảm 1,3% 50 | null null",
		"TB_DI_DONG":    "null 1600000 | added null  null mới (năm 2020 không có số liệu) 50 | null null",
	}
	for _, r := range doc.Rows {
		w, ok := want[r.Code]
		if !ok {
			continue
		}
		delete(want, r.Code)
		c := r.Changes[0]
		got := strings.Join([]string{str(r.Values[0]), str(r.Values[1]), "|", c.Status, str(c.Delta), c.DeltaText, str(c.Percent), c.Text, c.Threshold.String(),
			"|", str(r.Plan), str(r.Attainment)}, " ")
		if got != w || c.From != "2020" || c.To != "2021" || r.Notes == nil {
			t.Errorf("%s: %q, want %q (from %s to %s, notes %v)", r.Code, got, w, c.From, c.To, r.Notes)
		}
	}
	if len(want) > 0 {
		t.Errorf("rows missing: %v", want)
	}
}

func TestWriteMarkdown(t *testing.T) {
	tb := sample(t, Options{})
	tb.Rows[0].Name = "Doanh thu | bưu chính *"
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, tb); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"# So sánh số liệu năm 2020 và năm 2021\n",
		"\n## Bưu chính, Viễn thông\n\n| Mã | Chỉ tiêu | Đơn vị | 2020 | 2021 | Chênh lệch | Tăng, giảm | Kế hoạch 2021 | Đạt KH |\n| --- | --- | --- | ---: | ---: | ---: | --- | ---: | ---: |\n",
		"| DT_BUU_CHINH | Doanh thu \\| bưu chính \\* | tỷ đồng | 120 | 130 | +10 | tăng 8,3% | 110 | 118,2% |\n",
		"| DT_VIEN_THONG | Doanh thu viễn thông, Internet | tỷ đồng | 1.597 | 1.150 | -447 | giảm 28% | 1.691 | 68% |\n",
		"| TB_TRA_SAU | Tổng số thuê bao điện thoại cố định và di động trả sau duy trì trên mạng | thuê bao | 150.000 | 148.000 | -2.000 | giảm 1,3% |  |  |\n",
		"\n## Xếp hạng\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if !strings.HasSuffix(out, "\n\n46 chỉ tiêu: 3 tăng, 2 giảm, 0 tương đương, 41 mới\n") {
		t.Errorf("markdown should end with the summary:\n%s", out[len(out)-200:])
	}
}

func TestWriteText(t *testing.T) {
	tb := sample(t, Options{Group: "BCVT"})
	// A name typed in decomposed form (NFD) must align like its composed form.
	tb.Rows[0].Name = norm.NFD.String(tb.Rows[0].Name)
	var buf bytes.Buffer
	if err := WriteText(&buf, tb, false); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "\x1b") {
		t.Error("colour without asking")
	}
	if !norm.NFC.IsNormalString(out) {
		t.Error("output not in NFC")
	}
	lines := strings.Split(out, "\n")
	// The right edge of a right-aligned column, in display cells, is the same on every line.
	edge := func(line, value string) int {
		i := strings.Index(line, value)
		if i < 0 {
			t.Fatalf("%q not in %q", value, line)
		}
		return textwidth.Width(line[:i+len(value)])
	}
	find := func(prefix string) string {
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				return l
			}
		}
		t.Fatalf("no line %q in\n%s", prefix, out)
		return ""
	}
	header := lines[0]
	for code, want := range reference {
		l := find(code + " ")
		if edge(l, " "+want[1]) != edge(header, " 2021") || edge(l, want[2]) != edge(header, "Chênh lệch") {
			t.Errorf("%s misaligned:\n%s\n%s", code, header, l)
		}
		if !strings.Contains(l, want[3]) {
			t.Errorf("%s lacks %q: %s", code, want[3], l)
		}
	}
	if !strings.Contains(out, "\nDoanh thu bưu chính") {
		t.Error("the NFD name should be printed composed")
	}
	if lines[2] != "Bưu chính, Viễn thông" {
		t.Errorf("group heading %q", lines[2])
	}
	if !strings.HasSuffix(out, "\n7 chỉ tiêu: 2 tăng, 2 giảm, 0 tương đương, 3 mới\n") {
		t.Errorf("summary line:\n%s", out)
	}
	// The table fits 100 columns: long names fold onto the next lines, whole words.
	for _, l := range lines {
		if textwidth.Width(l) > textwidth.Screen {
			t.Errorf("line wider than %d columns: %q", textwidth.Screen, l)
		}
	}
	if l := find("TB_TRA_SAU_MOI "); strings.Contains(l, "…") || strings.Contains(out, "Số thuê bao điện thoại cố định và di động trả sau phát triển mới") {
		t.Errorf("a long name should fold, whole: %q", l)
	}

	buf.Reset()
	if err := WriteText(&buf, tb, true); err != nil {
		t.Fatal(err)
	}
	out = buf.String()
	for _, want := range []string{ansiGreen + "tăng 8,3%", ansiRed + "giảm 28%", ansiBold + "Bưu chính, Viễn thông" + ansiReset} {
		if !strings.Contains(out, want) {
			t.Errorf("coloured output lacks %q", want)
		}
	}
}

func TestWriteTextFlagsAndEmpty(t *testing.T) {
	cat, years := sampleInputs(t)
	var buf bytes.Buffer
	WriteText(&buf, Compare(cat, years, Options{Threshold: dec10()}), false)
	out := buf.String()
	if !strings.Contains(out, "\n"+flagMark+": biến động từ 10% trở lên so với năm 2020, hoặc năm 2020 bằng 0: nên kiểm tra lại số liệu.\n") || !strings.Contains(out, "; 3 chỉ tiêu biến động vượt ngưỡng cần xem lại\n") {
		t.Errorf("flag legend and count:\n%s", out)
	}
	buf.Reset()
	WriteText(&buf, Compare(cat, []*model.Figures{years[0], years[0]}, Options{OnlyChanged: true}), false)
	if out := buf.String(); !strings.Contains(out, "(không có chỉ tiêu nào để hiển thị)") || !strings.HasSuffix(out, "46 chỉ tiêu: 0 tăng, 0 giảm, 46 tương đương\n") {
		t.Errorf("empty table:\n%s", out)
	}
}

func TestWriteXLSX(t *testing.T) {
	tb := sample(t, Options{})
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, tb); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetTable, SheetChart}) {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows(SheetTable, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	header := rows[0]
	col := func(name string) int {
		i := slices.Index(header, name)
		if i < 0 {
			t.Fatalf("no column %q in %q", name, header)
		}
		return i
	}
	cellAt := func(rec []string, name string) string {
		if i := col(name); i < len(rec) {
			return rec[i]
		}
		return ""
	}
	want := map[string]string{
		"DT_BUU_CHINH":  "120 130 10 0.083 tăng 8,3% 110 1.182",
		"DT_VIEN_THONG": "1597 1150 -447 -0.28 giảm 28% 1691 0.68",
		"TB_TRA_SAU":    "150000 148000 -2000 -0.013 giảm 1,3%  ",
	}
	rowOf := map[string]int{}
	for i, rec := range rows[1:] {
		rowOf[rec[0]] = i + 2
		w, ok := want[rec[0]]
		if !ok {
			continue
		}
		got := strings.Join([]string{cellAt(rec, "2020"), cellAt(rec, "2021"), cellAt(rec, "Chênh lệch 2021/2020"), cellAt(rec, "Tỷ lệ thay đổi 2021/2020 (%)"),
			cellAt(rec, "Tăng, giảm 2021/2020"), cellAt(rec, "Kế hoạch 2021"), cellAt(rec, "Đạt kế hoạch 2021 (%)")}, " ")
		if got != w {
			t.Errorf("%s: %q, want %q", rec[0], got, w)
		}
	}
	if len(rows) != len(tb.Rows)+1 {
		t.Errorf("%d sheet rows for %d table rows", len(rows), len(tb.Rows))
	}
	// Numbers are stored as numbers with a format, not as text.
	numFmt := func(name string, row int) string {
		ref, _ := excelize.CoordinatesToCellName(col(name)+1, row)
		typ, _ := f.GetCellType(SheetTable, ref)
		if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s is text", ref)
		}
		id, _ := f.GetCellStyle(SheetTable, ref)
		st, err := f.GetStyle(id)
		if err != nil || st.CustomNumFmt == nil {
			t.Fatalf("%s has no number format: %v", ref, err)
		}
		return *st.CustomNumFmt
	}
	if got := numFmt("2021", rowOf["DT_VIEN_THONG"]); got != "[$-42A]#,##0" {
		t.Errorf("value format %q", got)
	}
	if got := numFmt("2021", rowOf["TL_DVC_34"]); got != "[$-42A]#,##0.0" {
		t.Errorf("rate value format %q", got)
	}
	if got := numFmt("Chênh lệch 2021/2020", rowOf["DT_VIEN_THONG"]); got != "[$-42A]+#,##0;-#,##0;#,##0" {
		t.Errorf("delta format %q", got)
	}
	if got := numFmt("Tỷ lệ thay đổi 2021/2020 (%)", rowOf["DT_VIEN_THONG"]); got != "[$-42A]0.0%" {
		t.Errorf("percent format %q", got)
	}
	panes, err := f.GetPanes(SheetTable)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
	formats, err := f.GetConditionalFormats(SheetTable)
	if err != nil {
		t.Fatal(err)
	}
	var rules []string
	for ref, opts := range formats {
		for _, o := range opts {
			rules = append(rules, ref+" "+o.Type+" "+o.Criteria)
		}
	}
	slices.Sort(rules)
	wantRules := []string{`G2:J47 formula LEFT($I2,4)="giảm"`, `G2:J47 formula LEFT($I2,4)="tăng"`}
	if !slices.Equal(rules, wantRules) {
		t.Errorf("conditional formats %q, want %q", rules, wantRules)
	}

	// The chart sheet charts the indicators in tỷ đồng with values in both years.
	chartData, _ := f.GetRows(SheetChart, excelize.Options{RawCellValue: true})
	wantData := [][]string{{"Chỉ tiêu", "năm 2020", "năm 2021"},
		{"Doanh thu bưu chính, chuyển phát", "120", "130"},
		{"Doanh thu viễn thông, Internet", "1597", "1150"},
		{"Doanh thu hoạt động in", "158", "180"}}
	if len(chartData) != len(wantData) {
		t.Fatalf("chart data %q", chartData)
	}
	for i := range wantData {
		if !slices.Equal(chartData[i], wantData[i]) {
			t.Errorf("chart data row %d = %q, want %q", i+1, chartData[i], wantData[i])
		}
	}
	var chart struct {
		Title    string `xml:"chart>title>tx>rich>p>r>t"`
		BarChart struct {
			BarDir   attrVal `xml:"barDir"`
			Grouping attrVal `xml:"grouping"`
			Series   []struct {
				Name       string `xml:"tx>strRef>f"`
				Categories string `xml:"cat>strRef>f"`
				Values     string `xml:"val>numRef>f"`
			} `xml:"ser"`
		} `xml:"chart>plotArea>barChart"`
	}
	if err := xml.Unmarshal([]byte(zipFile(t, data, "xl/charts/chart1.xml")), &chart); err != nil {
		t.Fatal(err)
	}
	bar := chart.BarChart
	if bar.BarDir.Val != "col" || bar.Grouping.Val != "clustered" || len(bar.Series) != 2 || chart.Title != "So sánh năm 2020 và năm 2021 (đơn vị: tỷ đồng)" {
		t.Fatalf("not a clustered column chart of two years: %+v", chart)
	}
	for i, c := range []string{"B", "C"} {
		s := bar.Series[i]
		if s.Name != "'Biểu đồ'!$"+c+"$1" || s.Categories != "'Biểu đồ'!$A$2:$A$4" || s.Values != "'Biểu đồ'!$"+c+"$2:$"+c+"$4" {
			t.Errorf("series %d: %+v", i, s)
		}
	}
	if drawing := zipFile(t, data, "xl/drawings/_rels/drawing1.xml.rels"); !strings.Contains(drawing, "charts/chart1.xml") {
		t.Error("the chart is not anchored in a drawing")
	}
}

type attrVal struct {
	Val string `xml:"val,attr"`
}

func zipFile(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	return string(b)
}

func TestWriteXLSXWithoutChart(t *testing.T) {
	cat := model.NewCatalogue("c", nil, []*model.Indicator{{Code: "X", Kind: model.Rank}})
	y20 := &model.Figures{Period: model.YearPeriod(2020), Rankings: []*model.Ranking{{Code: "X", Rank: 3, Of: 63}}}
	y21 := &model.Figures{Period: model.YearPeriod(2021)}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, Compare(cat, []*model.Figures{y20, y21}, Options{})); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetTable}) {
		t.Errorf("sheets %q: no chart without quantities in every year", got)
	}
}

// The ceiling's wording folds between words like the other text: the table
// still fits 100 columns and the percentage stays whole on its line.
func TestWriteTextCeilingFits(t *testing.T) {
	tb := sample(t, Options{Group: "BCVT"})
	for _, code := range []string{"DT_BUU_CHINH", "DT_VIEN_THONG"} {
		row(t, tb, code).Ceiling = true
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, tb, false); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, l := range strings.Split(out, "\n") {
		if textwidth.Width(l) > textwidth.Screen {
			t.Errorf("line wider than %d columns: %q", textwidth.Screen, l)
		}
	}
	if !strings.Contains(out, " 118,2%") || !strings.Contains(out, "(vượt") || !strings.Contains(out, "(trong") {
		t.Errorf("ceilings:\n%s", out)
	}
}
