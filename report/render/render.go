package render

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/baocao/baocao/report/chart"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxtpl"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// Renderer is a parsed template ready to render reports. It is not safe for
// concurrent use: the template functions read the report being rendered.
type Renderer struct {
	tpl        *docxtpl.Template
	cur        *Report
	mentioned  []string
	emptyParts []string
	markers    chart.Markers
	charts     []*chart.Chart // asked for by bieu_do in the current Render
}

// New parses a .docx template and checks it against the catalogue: every tag,
// function, field and indicator code. The error lists every problem found.
func New(docx []byte, cat *model.Catalogue) (*Renderer, error) {
	r := &Renderer{markers: chart.NewMarkers()}
	checkCode := func(code string) string {
		if _, ok := cat.Lookup(code); !ok {
			return cat.UnknownCode(code)
		}
		if !slices.Contains(r.mentioned, code) {
			r.mentioned = append(r.mentioned, code)
		}
		return ""
	}
	tpl, err := docxtpl.Parse(docx, docxtpl.Options{
		Funcs:     r.funcs(),
		Root:      reflect.TypeOf(&Report{}),
		ArgChecks: map[string]func(string) string{"chi_tieu": checkCode, "bieu_do": checkCode},
	})
	if err != nil {
		return nil, err
	}
	// A finished report given as the template would come out again unchanged,
	// with last year's figures.
	if !tpl.HasTags() {
		return nil, errors.New("tệp mẫu không có thẻ {{ … }} nào: có vẻ đây là một báo cáo đã lập, không phải mẫu báo cáo")
	}
	r.tpl = tpl
	return r, nil
}

// Indicators lists the codes the template names, in order of first mention:
// the figures the report needs.
func (r *Renderer) Indicators() []string { return r.mentioned }

// Render fills the template with a computed report and returns the .docx bytes.
// The error lists every problem met (e.g. missing values), each with its place.
func (r *Renderer) Render(rep *compute.Report) ([]byte, error) {
	problems := docxtpl.NewProblems()
	r.cur = newReport(rep, problems)
	r.charts = nil
	defer func() { r.emptyParts, r.cur = r.cur.emptyParts, nil }()
	docx, err := r.tpl.Execute(r.cur, problems)
	if err != nil {
		return nil, err
	}
	return chart.Embed(docx, r.markers, r.charts)
}

// EmptyParts lists, after Render, the sectioned narrative parts the template
// asked for that had no item (e.g. "nhiem_vu"): worth a warning.
func (r *Renderer) EmptyParts() []string { return r.emptyParts }

func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"chi_tieu": func(code string) *ChiTieu { return r.cur.chiTieu(code) },
		"tang_giam": func(c *ChiTieu, decimals ...int) (string, error) {
			d, err := precision(decimals)
			return c.tangGiam(d), err
		},
		"so_voi_cung_ky": func(c *ChiTieu, decimals ...int) (string, error) {
			d, err := precision(decimals)
			return c.soVoiCungKy(d), err
		},
		"dat_ke_hoach": func(c *ChiTieu, decimals ...int) (string, error) {
			d, err := precision(decimals)
			return c.datKeHoach(d), err
		},
		"so": func(x any, decimals ...int) (string, error) {
			v, err := number(x)
			if err != nil {
				return "", err
			}
			d := max(0, -int(v.Exponent()))
			if len(decimals) > 0 {
				d, err = precision(decimals)
			}
			return vnformat.Number(v, d), err
		},
		"so_gon": func(x any, decimals ...int) (string, error) {
			v, err := number(x)
			if err != nil {
				return "", err
			}
			d, err := precision(decimals)
			return vnformat.NumberTrim(v, d), err
		},
		"bang_chu": func(x any) (string, error) {
			v, err := number(x)
			return vnformat.Words(v), err
		},
		"tien_bang_chu": func(x any) (string, error) {
			unit := "đồng"
			if c, ok := x.(*ChiTieu); ok {
				unit = c.ind().Unit
			}
			v, err := number(x)
			return vnformat.MoneyWords(moneyInDong(v, unit)), err
		},
		"hai_chu_so": func(x any) (string, error) {
			v, err := number(x)
			if err != nil || !v.IsInteger() {
				return vnformat.Number(v, max(0, -int(v.Exponent()))), err
			}
			return vnformat.LeadingZero(v.IntPart()), nil
		},
		"viet_hoa": vnformat.Capitalize,
		// bo_dau_cau drops an item's own final punctuation where the template adds its own.
		"bo_dau_cau": func(s string) string { return strings.TrimRight(s, " .;,:") },
		"dau_cuoi": func(i int, list any) (string, error) {
			v := reflect.ValueOf(list)
			if v.Kind() != reflect.Slice {
				return "", fmt.Errorf("dau_cuoi cần một danh sách")
			}
			if i == v.Len()-1 {
				return ".", nil
			}
			return ";", nil
		},
		"cong":    func(a, b int) int { return a + b },
		"bieu_do": r.bieuDo,
	}
}

func precision(decimals []int) (int, error) {
	if len(decimals) == 0 {
		return PercentDecimals, nil
	}
	if len(decimals) > 1 || decimals[0] < 0 || decimals[0] > 6 {
		return PercentDecimals, fmt.Errorf("số chữ số thập phân phải là một số từ 0 đến 6")
	}
	return decimals[0], nil
}

// number reads what a tag passes as a number: an indicator (its value), an
// integer, or Vietnamese number text.
func number(x any) (decimal.Decimal, error) {
	switch v := x.(type) {
	case *ChiTieu:
		d, _ := v.value()
		return d, nil
	case int:
		return decimal.NewFromInt(int64(v)), nil
	case int64:
		return decimal.NewFromInt(v), nil
	case decimal.Decimal:
		return v, nil
	case float64: // a literal such as 8.3 in a tag: its shortest decimal form is what was typed
		return decimal.NewFromString(strconv.FormatFloat(v, 'f', -1, 64))
	case string:
		d, _, err := vnformat.ParseNumber(v)
		return d, err
	}
	return decimal.Zero, fmt.Errorf("«%v» không phải là số", x)
}
