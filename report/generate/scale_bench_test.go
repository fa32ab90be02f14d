package generate

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/baocao/baocao/report/compute"
	"github.com/baocao/baocao/report/docxpkg/docxtest"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/internal/memtest"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/render"
)

// The scaling benchmarks do the work of the peer comparison's "scale" case
// (shared/bench/peers/gen.py): a workspace of n indicators, each below plan,
// and n narrative items, and a template with an n-item paragraph loop and an
// n-row table. Only `go test -bench` runs them; the limits (input.MaxYAMLSize,
// docxtpl.MaxWork, docxtpl.MaxOutputSize) admit 100 000.
var (
	scaleSizes = []int{1_000, 10_000, 100_000}
	parseSizes = scaleSizes
)

// scaleWorkspace returns the workspace of gen.py's scale case for n.
func scaleWorkspace(n int) *input.Workspace {
	fmtN := func(v int) string { // Vietnamese thousands separator
		s := fmt.Sprint(v)
		if len(s) > 3 {
			s = s[:len(s)-3] + "." + s[len(s)-3:]
		}
		return s
	}
	item := func(i int) string {
		return fmt.Sprintf("Nhiệm vụ số %d: tiếp tục triển khai chuyển đổi số, nâng cao chất lượng dịch vụ công trực tuyến", i+1)
	}
	header := func(year int) string {
		return strings.ReplaceAll(`thong_tin:
  co_quan_chu_quan: UBND TỈNH NAM ĐỊNH
  co_quan: SỞ THÔNG TIN VÀ TRUYỀN THÔNG
  so: ""
  ky_hieu: BC-STTTT
  dia_danh: Nam Định
  ngay: YEAR-12-10
  kinh_gui: [Bộ Thông tin và Truyền thông]
  can_cu: Thực hiện Công văn số 4707/BTTTT-VP ngày 18 tháng 11 năm YEAR của Bộ Thông tin và Truyền thông
  tham_quyen: KT. GIÁM ĐỐC
  chuc_vu: PHÓ GIÁM ĐỐC
  nguoi_ky: Nguyễn Văn An
  noi_nhan: [Như trên, "Lưu: VT, BCVT"]
`, "YEAR", fmt.Sprint(year))
	}
	var cat, prev, cur strings.Builder
	cat.WriteString("nhom:\n  - {ma: G, ten: Nhóm chỉ tiêu}\nchi_tieu:\n")
	prev.WriteString("nam: 2020\n" + header(2020) + "chi_tieu:\n")
	cur.WriteString("nam: 2021\n" + header(2021) + "chi_tieu:\n")
	for i := range n {
		c := 1000 + i%9000
		fmt.Fprintf(&cat, "  - {ma: C%06d, ten: Chỉ tiêu số %d, don_vi: tỷ đồng, nhom: G}\n", i, i+1)
		fmt.Fprintf(&prev, "  C%06d: %s\n", i, fmtN(c*1000/1083))
		fmt.Fprintf(&cur, "  C%06d: {thuc_hien: %s, ke_hoach: %s}\n", i, fmtN(c), fmtN(c+50))
	}
	cur.WriteString("noi_dung:\n  - phan: nhiem_vu\n    muc: Nhiệm vụ trọng tâm\n    y:\n")
	for i := range n {
		fmt.Fprintf(&cur, "      - \"%s\"\n", item(i))
	}
	row := func(cells ...string) []string {
		for i, c := range cells {
			cells[i] = docxtest.P(c)
		}
		return cells
	}
	body := docxtest.P("Nhiệm vụ năm {{ .NamSau }}:") +
		docxtest.P(`{{ range .Y "nhiem_vu" }}`) + docxtest.P("- {{ . }}") + docxtest.P("{{ end }}") +
		docxtest.Table(
			row("Mã", "Chỉ tiêu", "Đơn vị", "Thực hiện", "So cùng kỳ", "So kế hoạch"),
			row("{{ range .ChuaDatKeHoach }}", "", "", "", "", ""),
			row("{{ .Ma }}", "{{ .Ten }}", "{{ .DonVi }}", "{{ .GiaTri }}", "{{ .SoVoiCungKy }}", "{{ .DatKeHoach }}"),
			row("{{ end }}", "", "", "", "", ""))
	return &input.Workspace{Dir: "data", FS: fstest.MapFS{
		input.CatalogueFile: {Data: []byte(cat.String())},
		"2020.yaml":         {Data: []byte(prev.String())},
		"2021.yaml":         {Data: []byte(cur.String())},
		"mau-bao-cao.docx":  {Data: docxtest.Build(docxtest.Files{Body: body})},
	}}
}

// BenchmarkLoad parses the catalogue and both years' YAML of the scale case,
// as Load does once the files are read.
func BenchmarkLoad(b *testing.B) {
	for _, n := range parseSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			files := scaleWorkspace(n).FS.(fstest.MapFS)
			memtest.Bench(b, func() {
				cat, fs := input.ParseCatalogue(input.CatalogueFile, files[input.CatalogueFile].Data)
				for _, year := range []int{2020, 2021} {
					y, yfs := input.ParseFigures(fmt.Sprint(year, ".yaml"), files[fmt.Sprint(year, ".yaml")].Data, model.YearPeriod(year), cat)
					fs = append(fs, yfs...)
					if len(y.Entries) != n {
						b.Fatalf("%d: %d entries", year, len(y.Entries))
					}
				}
				if fs.Errors() > 0 {
					b.Fatal(fs)
				}
			})
		})
	}
}

// BenchmarkRender parses the scale case's template, computes and fills it:
// n paragraphs and n table rows.
func BenchmarkRender(b *testing.B) {
	for _, n := range scaleSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			ws := scaleWorkspace(n)
			cat, cur, prev, fs, err := Load(ws, model.YearPeriod(2021))
			if err != nil || fs.Errors() > 0 {
				b.Fatal(err, fs)
			}
			_, tpl, err := ws.Template(model.FullYear)
			if err != nil {
				b.Fatal(err)
			}
			memtest.Bench(b, func() {
				r, err := render.New(tpl, cat)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := r.Render(compute.Compute(cat, cur, prev)); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// BenchmarkGenerate is the whole of `generate 2021` in process on the scale
// case: load, check, compute, render, write.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range scaleSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			ws := scaleWorkspace(n)
			out := b.TempDir() + "/bc.docx"
			memtest.Bench(b, func() {
				if _, err := Run(Options{Workspace: ws, Period: model.YearPeriod(2021), Output: out, Force: true}); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}
