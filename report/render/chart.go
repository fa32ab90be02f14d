package render

import (
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/baocao/baocao/report/chart"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/shopspring/decimal"
)

// bieuDo is the template function `bieu_do "MÃ1" "MÃ2" …`: a column chart of
// the indicators' values last year, this year and planned. It checks the
// codes and prints a marker that Render replaces with the chart.
func (r *Renderer) bieuDo(code string, more ...string) (string, error) {
	codes := append([]string{code}, more...)
	tag := "bieu_do"
	for _, c := range codes {
		tag += " " + strconv.Quote(c)
	}
	c, ok := r.cur.chart(tag, codes)
	if !ok {
		return "", nil // the problems are recorded at the tag
	}
	r.charts = append(r.charts, c)
	return r.markers.Marker(len(r.charts) - 1), nil
}

// chart gathers a chart's data, recording every problem with its codes.
func (d *Report) chart(tag string, codes []string) (*chart.Chart, bool) {
	var views []*ChiTieu
	ok := true
	for i, code := range codes {
		if slices.Contains(codes[:i], code) {
			d.problems.Add(fmt.Sprintf("bieu_do: chỉ tiêu %s được nêu hai lần", code))
			ok = false
			continue
		}
		v := d.chiTieu(code) // an unknown code is recorded here
		if v.f == nil {
			ok = false
			continue
		}
		if v.ind().Kind == model.Rank {
			d.problems.Add(fmt.Sprintf("bieu_do: chỉ tiêu %s là thứ hạng, không vẽ được trên biểu đồ cột; hãy bỏ khỏi thẻ", code))
			ok = false
			continue
		}
		if _, has := v.exact(); !has { // recorded by exact
			ok = false
		}
		views = append(views, v)
	}
	if len(views) > 1 {
		unit := views[0].DonVi()
		for _, v := range views[1:] {
			if v.DonVi() != unit {
				var list []string
				for _, v := range views {
					list = append(list, fmt.Sprintf("%s (%s)", v.code, v.DonVi()))
				}
				d.problems.Add("bieu_do: các chỉ tiêu của một biểu đồ phải cùng đơn vị tính, để so được trên một trục: " + strings.Join(list, ", "))
				ok = false
				break
			}
		}
	}
	if !ok {
		return nil, false
	}
	c := &chart.Chart{Tag: tag, Unit: "Đơn vị: " + views[0].DonVi()}
	if views[0].DonVi() == "" {
		c.Unit = ""
	}
	pick := func(get func(f *compute.Figure) *big.Rat) []*decimal.Decimal {
		var out []*decimal.Decimal
		found := false
		for _, v := range views {
			if x := get(v.f); x != nil {
				r := compute.Round(x, v.decimals())
				out = append(out, &r)
				found = true
			} else {
				out = append(out, nil)
			}
		}
		if !found {
			return nil
		}
		return out
	}
	for _, v := range views {
		c.Categories = append(c.Categories, v.Ten())
		c.Decimals = max(c.Decimals, v.decimals())
	}
	// "Năm 2021", "6 tháng đầu năm 2022": the periods compared, and the year's plan.
	cur, prev, planName := d.period().Name(), d.period().SamePeriodLastYear().Name(), "Kế hoạch "+d.planYear()
	last := pick(func(f *compute.Figure) *big.Rat { return f.Previous })
	plan := pick(func(f *compute.Figure) *big.Rat { return f.Plan })
	if last != nil {
		c.Series = append(c.Series, chart.Series{Name: vnformat.Capitalize(prev), Values: last})
	}
	c.Series = append(c.Series, chart.Series{Name: vnformat.Capitalize(cur), Values: pick(func(f *compute.Figure) *big.Rat { return f.Value })})
	if plan != nil {
		c.Series = append(c.Series, chart.Series{Name: planName, Values: plan})
	}
	switch {
	case last != nil && plan != nil:
		c.Title = fmt.Sprintf("Kết quả %s so với %s và %s", cur, prev, planName)
	case last != nil:
		c.Title = fmt.Sprintf("Kết quả %s so với %s", cur, prev)
	case plan != nil:
		c.Title = fmt.Sprintf("Kết quả %s so với %s", cur, planName)
	default:
		c.Title = "Kết quả " + cur
	}
	return c, true
}
