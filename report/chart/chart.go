// Package chart makes native Word charts: a DrawingML chart part (a clustered
// column chart) with its data in an embedded workbook, so that Word and
// LibreOffice draw it and a user can edit its data in Word ("Edit Data").
//
// A template function prints a marker paragraph for each chart (see Marker);
// Embed then replaces each marker paragraph of the rendered .docx with the
// chart and adds the chart's parts, relationships and content types.
package chart

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/baocao/baocao/report/docxpkg"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Chart is one chart: categories (indicators) along the horizontal axis, one
// bar per series in each category.
type Chart struct {
	Tag        string   // the tag as the template wrote it, for messages
	Title      string   // above the chart
	Unit       string   // the value axis title, e.g. "Tỷ đồng"
	Categories []string // the indicators' names
	Series     []Series
	Decimals   int // shown in labels and the number format
}

// Series is one bar of each category, e.g. "Năm 2020".
type Series struct {
	Name   string
	Values []*decimal.Decimal // one per category; nil: no value (no bar)
}

const sheetName = "Số liệu"

// NumberFormat is the format code of the values: "[$-42A]#,##0",
// "[$-42A]#,##0.0"…. Format codes use the invariant notation (',' groups
// thousands, '.' marks decimals); the locale tag 42A (Vietnamese) makes
// LibreOffice show them the Vietnamese way (1.150; 47,0) whatever its own
// language, where a bare #,##0 shows 1,150. Word and Excel take the
// separators from the reader's system settings, which on a Vietnamese system
// give the same.
func (c *Chart) NumberFormat() string {
	code := "[$-42A]#,##0"
	if c.Decimals > 0 {
		code += "." + strings.Repeat("0", c.Decimals)
	}
	return code
}

// value is the plain decimal text of v at the chart's decimals: "1150", "47.0".
func (c *Chart) value(v *decimal.Decimal) string {
	return v.StringFixed(int32(c.Decimals))
}

// column is the spreadsheet column of series i (B, C, …; A holds the names).
func column(i int) string {
	name, _ := excelize.ColumnNumberToName(i + 2)
	return name
}

func (c *Chart) ref(col string, from, to int) string {
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheetName, col, from, col, to)
}

// seriesColours are the bars' fills: sober colours that stay apart in print
// and in grey.
var seriesColours = []string{"A5A5A5", "1F4E79", "C55A11", "548235", "7F6000"}

// XML returns the chart part (word/charts/chartN.xml). The data are the
// cached values of the workbook's cells, which Word and LibreOffice draw
// without opening the workbook.
func (c *Chart) XML(workbookRel string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	b.WriteString(`<c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/><c:chart>`)
	b.WriteString(`<c:title>` + richText(c.Title, 1200, true) + `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`)
	b.WriteString(`<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>`)
	n := len(c.Categories)
	format := xmlAttr(c.NumberFormat())
	for i, s := range c.Series {
		col := column(i)
		fmt.Fprintf(&b, `<c:ser><c:idx val="%d"/><c:order val="%d"/>`, i, i)
		fmt.Fprintf(&b, `<c:tx><c:strRef><c:f>%s</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>%s</c:v></c:pt></c:strCache></c:strRef></c:tx>`,
			xmlText(fmt.Sprintf("'%s'!$%s$1", sheetName, col)), xmlText(s.Name))
		fmt.Fprintf(&b, `<c:spPr><a:solidFill><a:srgbClr val="%s"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`, seriesColours[i%len(seriesColours)])
		b.WriteString(`<c:dLbls><c:numFmt formatCode="` + format + `" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
			textProps(900, false) + `<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
			`<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`)
		fmt.Fprintf(&b, `<c:cat><c:strRef><c:f>%s</c:f><c:strCache><c:ptCount val="%d"/>`, xmlText(c.ref("A", 2, n+1)), n)
		for j, name := range c.Categories {
			fmt.Fprintf(&b, `<c:pt idx="%d"><c:v>%s</c:v></c:pt>`, j, xmlText(name))
		}
		fmt.Fprintf(&b, `</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>%s</c:f><c:numCache><c:formatCode>%s</c:formatCode><c:ptCount val="%d"/>`,
			xmlText(c.ref(col, 2, n+1)), xmlText(c.NumberFormat()), n)
		for j, v := range s.Values {
			if v != nil {
				fmt.Fprintf(&b, `<c:pt idx="%d"><c:v>%s</c:v></c:pt>`, j, c.value(v))
			}
		}
		b.WriteString(`</c:numCache></c:numRef></c:val></c:ser>`)
	}
	b.WriteString(`<c:gapWidth val="80"/><c:overlap val="-5"/><c:axId val="507001"/><c:axId val="507002"/></c:barChart>`)
	b.WriteString(`<c:catAx><c:axId val="507001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
		`<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
		`<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill></a:ln></c:spPr>` + textProps(1000, false) +
		`<c:crossAx val="507002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`)
	b.WriteString(`<c:valAx><c:axId val="507002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
		`<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>`)
	if c.Unit != "" {
		b.WriteString(`<c:title>` + richText(c.Unit, 1000, false) + `<c:overlay val="0"/></c:title>`)
	}
	b.WriteString(`<c:numFmt formatCode="` + format + `" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
		`<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>` + textProps(1000, false) +
		`<c:crossAx val="507001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`)
	b.WriteString(`<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>`)
	b.WriteString(`<c:legend><c:legendPos val="b"/><c:overlay val="0"/>` + textProps(1000, false) + `</c:legend>`)
	b.WriteString(`<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`)
	b.WriteString(`<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>`)
	b.WriteString(textProps(1000, false))
	b.WriteString(`<c:externalData r:id="` + xmlAttr(workbookRel) + `"><c:autoUpdate val="0"/></c:externalData>`)
	b.WriteString(`</c:chartSpace>`)
	return b.String()
}

// font is the report's: Decree 30 asks for Times New Roman.
const font = `<a:latin typeface="Times New Roman"/><a:cs typeface="Times New Roman"/>`

func textProps(size int, bold bool) string {
	return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>` + runProps("a:defRPr", size, bold) + `</a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`
}

func richText(text string, size int, bold bool) string {
	return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>` + runProps("a:defRPr", size, bold) + `</a:pPr><a:r>` +
		runProps("a:rPr", size, bold) + `<a:t>` + xmlText(text) + `</a:t></a:r></a:p></c:rich></c:tx>`
}

func runProps(elem string, size int, bold bool) string {
	b := "0"
	if bold {
		b = "1"
	}
	return `<` + elem + ` lang="vi-VN" sz="` + strconv.Itoa(size) + `" b="` + b + `"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>` + font + `</` + elem + `>`
}

func xmlText(s string) string {
	var b strings.Builder
	docxpkg.EscapeText(&b, s)
	return b.String()
}

func xmlAttr(s string) string {
	return strings.ReplaceAll(xmlText(s), `"`, "&quot;")
}
