package render

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/baocao/baocao/report/chart"
	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxpkg"
	"github.com/baocao/baocao/report/docxtpl"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/baocao/baocao/templates"
)

// Renderer is a parsed template ready to render reports. It is not safe for
// concurrent use: the template functions read the report being rendered.
type Renderer struct {
	tpl        *docxtpl.Template
	cur        *Report
	mentioned  []string
	emptyParts []string
	omitted    []string
	// namesPeriod: the template asked for a field naming the period (period.go).
	namesPeriod bool
	undated     bool // the date was printed with blanks (Report.Ngay)
	checking    bool // Check: a missing value is a tag without a guard
	markers     chart.Markers
	charts      []*chart.Chart // asked for by bieu_do in the current Render
	drawsCharts bool           // the template calls bieu_do, whatever its argument
}

// UnknownCodeFix is what to do about a template naming an indicator the
// catalogue lacks; DefaultTemplateFix adds why a default template does: it
// names the sample catalogue's.
const (
	UnknownCodeFix     = "sửa hoặc bỏ thẻ này trong mẫu, hoặc thêm chỉ tiêu vào danh mục"
	DefaultTemplateFix = UnknownCodeFix + "; mẫu có sẵn viết cho danh mục mẫu"
)

// New parses a .docx template and checks it against the catalogue: every tag,
// function, field and indicator code. The error lists every problem found.
func New(docx []byte, cat *model.Catalogue) (*Renderer, error) {
	r := &Renderer{markers: chart.NewMarkers()}
	isDefault := sync.OnceValue(func() bool { return templates.IsDefault(docx) })
	checkCode := func(code string) (msg, fix string) {
		if _, ok := cat.Lookup(code); !ok {
			if isDefault() {
				return cat.UnknownCode(code), DefaultTemplateFix
			}
			return cat.UnknownCode(code), UnknownCodeFix
		}
		if !slices.Contains(r.mentioned, code) {
			r.mentioned = append(r.mentioned, code)
		}
		return "", ""
	}
	tpl, err := docxtpl.Parse(docx, docxtpl.Options{
		Funcs: r.funcs(),
		Root:  reflect.TypeOf(&Report{}),
		Nouns: map[reflect.Type]string{
			reflect.TypeFor[Report]():  "dữ liệu của báo cáo",
			reflect.TypeFor[ChiTieu](): "chỉ tiêu",
			reflect.TypeFor[Muc]():     "mục",
			reflect.TypeFor[Nhom]():    "nhóm chỉ tiêu của phụ lục",
			reflect.TypeFor[Dong]():    "dòng của phụ lục",
			reflect.TypeFor[Number]():  "số",
		},
		ArgChecks: map[string]func(string) (string, string){"chi_tieu": checkCode, "bieu_do": checkCode, "co_so_lieu": checkCode},
	})
	if err != nil {
		return nil, err
	}
	// A finished report given as the template would come out again unchanged,
	// with last year's figures.
	if !tpl.HasTags() {
		return nil, errors.New("tệp mẫu không có thẻ {{ … }} nào: có vẻ đây là một báo cáo đã lập, không phải mẫu báo cáo")
	}
	r.tpl, r.drawsCharts = tpl, tpl.Calls("bieu_do")
	return r, nil
}

// Indicators lists the codes the template names, in order of first mention:
// the figures the report needs.
func (r *Renderer) Indicators() []string { return r.mentioned }

// Render fills the template with a computed report and returns the .docx bytes.
// The error lists every problem met (e.g. missing values), each with its place.
func (r *Renderer) Render(rep *compute.Report) ([]byte, error) {
	pkg, err := r.RenderPackage(rep)
	if err != nil {
		return nil, err
	}
	return pkg.Bytes()
}

// RenderPackage is Render without writing the .docx: the rendered package,
// charts included, for a caller that adds to it before the one write.
func (r *Renderer) RenderPackage(rep *compute.Report) (*docxpkg.Package, error) {
	var pkg *docxpkg.Package
	err := r.filling(rep, func(problems *docxtpl.Problems) (err error) {
		if !r.drawsCharts { // nothing to insert: the parts are compressed as they are written
			pkg, err = r.tpl.ExecuteDeflated(r.cur, problems)
			return err
		}
		// The document's marker paragraphs are found as it is written.
		placement := chart.NewPlacement(r.markers)
		if pkg, err = r.tpl.ExecutePackage(r.cur, problems, placing(placement)); err != nil {
			return err
		}
		return placement.Embed(pkg, r.charts)
	})
	if err != nil {
		return nil, err
	}
	return pkg, nil
}

// Verify fills the template as Render does and returns its error, keeping
// nothing of the report: whether generate would succeed is learnt in little
// memory, whatever the size of the report.
func (r *Renderer) Verify(rep *compute.Report) error {
	return r.filling(rep, func(problems *docxtpl.Problems) error {
		if !r.drawsCharts { // no marker to follow
			return r.tpl.Check(r.cur, problems, nil)
		}
		placement := chart.NewPlacement(r.markers)
		if err := r.tpl.Check(r.cur, problems, placing(placement)); err != nil {
			return err
		}
		return placement.Check(r.charts)
	})
}

// placing has placement follow the document part as it is written.
func placing(placement *chart.Placement) docxtpl.Visitor {
	return func(part string) func(docxpkg.Token, string, int, []docxpkg.Element) {
		if part == docxpkg.DocumentPart {
			return placement.Visit
		}
		return nil
	}
}

// filling runs fill with rep as the report being rendered, keeping what
// Omitted, EmptyParts, NamesPeriod and Undated tell of it after.
func (r *Renderer) filling(rep *compute.Report, fill func(*docxtpl.Problems) error) error {
	problems := docxtpl.NewProblems()
	r.cur = newReport(rep, problems)
	r.cur.checking = r.checking
	r.charts = nil
	defer func() {
		r.emptyParts, r.omitted, r.namesPeriod, r.undated, r.cur = r.cur.emptyParts, r.cur.omitted, r.cur.namesPeriod, r.cur.undated, nil
	}()
	return fill(problems)
}

// Omitted lists, after Render, the indicators whose sentences a guard
// (co_so_lieu, .CoSoLieu) left out because they have no value this year.
func (r *Renderer) Omitted() []string { return r.omitted }

// NamesPeriod reports, after Render, whether the template asked for a field
// naming the period (.Ky, .KyTrongNam, .MaKy, .CungKy, .LoaiKy, .KySau): one
// that never does can only word a year, with .Nam.
func (r *Renderer) NamesPeriod() bool { return r.namesPeriod }

// Undated reports, after Render, whether the template printed the date of a
// report that has none: its day and month were left blank for the signer.
func (r *Renderer) Undated() bool { return r.undated }

// EmptyParts lists, after Render, the sectioned narrative parts the template
// asked for that had no item (e.g. "nhiem_vu"): worth a warning.
func (r *Renderer) EmptyParts() []string { return r.emptyParts }

func (r *Renderer) funcs() template.FuncMap {
	fm := template.FuncMap{
		"chi_tieu": func(code string) *ChiTieu { return r.cur.chiTieu(code) },
		// co_so_lieu "A" "B" is true when every indicator named has a value; a
		// sentence it guards is left out otherwise, with a warning (omitted).
		"co_so_lieu": func(codes ...string) (bool, error) {
			if len(codes) == 0 {
				return false, fmt.Errorf("hàm «co_so_lieu» cần ít nhất một mã chỉ tiêu, ví dụ co_so_lieu \"DT_BUU_CHINH\"")
			}
			return r.cur.coSoLieu(codes), nil
		},
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
		// so writes a number rounded half-up once, from its exact value, at
		// the precision given or else its own: so (chi_tieu "X") 3 of
		// 1473/1842 × 100 is "79,967".
		"so": func(x any, decimals ...int) (string, error) {
			n, err := r.operand("so", x)
			if err != nil {
				return "", err
			}
			d := n.decimals
			if len(decimals) > 0 {
				d, err = precision(decimals)
			}
			return formatRat(n.rat(), d), err
		},
		"so_gon": func(x any, decimals ...int) (string, error) {
			n, err := r.operand("so_gon", x)
			if err != nil {
				return "", err
			}
			d, err := precision(decimals)
			return vnformat.NumberTrim(compute.Round(n.rat(), d), d), err
		},
		"bang_chu": func(x any) (string, error) {
			n, err := r.operand("bang_chu", x)
			return vnformat.Words(wordsValue(n.rat(), n.decimals)), err
		},
		"tien_bang_chu": func(x any) (string, error) {
			unit := "đồng"
			if c, ok := x.(*ChiTieu); ok {
				unit = c.ind().Unit
			}
			n, err := r.operand("tien_bang_chu", x)
			return vnformat.MoneyWords(moneyInDong(wordsValue(n.rat(), n.decimals), unit)), err
		},
		"hai_chu_so": func(x any) (string, error) {
			n, err := r.operand("hai_chu_so", x)
			return leadingZero(n.rat(), n.decimals), err
		},
		"viet_hoa": vnformat.Capitalize,
		// bo_dau_cau drops an item's own final punctuation where the template adds its own.
		"bo_dau_cau": func(s string) string { return strings.TrimRight(s, " .;,:") },
		"dau_cuoi": func(i int, list any) (string, error) {
			v := reflect.ValueOf(list)
			if v.Kind() != reflect.Slice {
				return "", fmt.Errorf("hàm «dau_cuoi» cần một danh sách, không phải %s", describe(list))
			}
			if i == v.Len()-1 {
				return ".", nil
			}
			return ";", nil
		},
		// stt $i numbers the items of a range from 1.
		"stt": func(i int) (int, error) {
			if i < 0 || i == math.MaxInt {
				return 0, fmt.Errorf("hàm «stt» cần số lượt của một vòng lặp {{range}} (từ 0), không phải %d", i)
			}
			return i + 1, nil
		},
		// noi joins a list with sep, and the last two items with last when given:
		// noi .NoiNhan "; " or noi $ten ", " " và ".
		"noi": func(list any, sep string, last ...string) (string, error) {
			items, err := texts(list)
			if err != nil {
				return "", err
			}
			if len(last) > 1 {
				return "", fmt.Errorf("hàm «noi» nhận một danh sách, dấu nối và, nếu cần, dấu nối hai phần tử cuối")
			}
			if len(last) == 1 && len(items) > 1 {
				return strings.Join(items[:len(items)-1], sep) + last[0] + items[len(items)-1], nil
			}
			return strings.Join(items, sep), nil
		},
		"bieu_do": r.bieuDo,
	}
	for name, fn := range r.arithmetic() {
		fm[name] = fn
	}
	return fm
}

// texts reads a list a template joins: of text, or of indicators (their names).
func texts(list any) ([]string, error) {
	switch v := list.(type) {
	case []string:
		return v, nil
	case []*ChiTieu:
		out := make([]string, len(v))
		for i, c := range v {
			out[i] = c.Ten()
		}
		return out, nil
	}
	return nil, fmt.Errorf("hàm «noi» cần một danh sách, không phải %s", describe(list))
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
