package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/baocao/baocao/report/fileerr"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/render"
	"github.com/baocao/baocao/report/validate"
	"github.com/baocao/baocao/templates"
	"github.com/spf13/cobra"
)

type templateCheckOptions struct {
	*streams
	data, format string
	path         string
	period       string // --ky: the period whose kind the template is for; without path, its template is checked
}

// newTemplateCmd groups the commands about report templates.
func newTemplateCmd(s *streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "template",
		Short: "Làm việc với mẫu báo cáo .docx",
		Args:  subcommandArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	cmd.AddCommand(newTemplateCheckCmd(s))
	return cmd
}

func newTemplateCheckCmd(s *streams) *cobra.Command {
	opts := &templateCheckOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "check [MẪU.docx] [--ky KỲ]",
		Short: "Kiểm tra một mẫu báo cáo theo danh mục chỉ tiêu, không cần số liệu",
		Long: `Kiểm tra mẫu báo cáo .docx theo danh mục chỉ tiêu (chi-tieu.yaml của thư mục số liệu, hoặc
danh mục mẫu có sẵn), không cần số liệu năm nào, và liệt kê mọi vấn đề kèm vị trí (đoạn văn):
- lỗi: thẻ viết sai, hàm hoặc trường không có, mã chỉ tiêu không có trong danh mục, khối
  {{ if }}/{{ range }}/{{ with }} thiếu {{ end }}, và những gì làm việc điền mẫu dừng lại
  ngay cả khi có đủ số liệu (ví dụ hỏi mục tiêu của chỉ tiêu không có mục tiêu);
- cảnh báo (unguarded): thẻ in số liệu của một chỉ tiêu mà không đặt trong
  {{ if co_so_lieu "MÃ" }}: khi chỉ tiêu đó chưa có số liệu, báo cáo sẽ không lập được.

Mẫu được thử với số liệu giả định của một kỳ thuộc loại kỳ mà mẫu dùng cho (--ky); mặc định
theo tên tệp mẫu trong thư mục số liệu (mau-bao-cao.docx: năm; mau-bao-cao-so-ket.docx: 6 tháng;
mau-bao-cao-thang-quy.docx: tháng, quý), tên khác: năm.

Không nêu tệp mẫu, --ky KỲ kiểm tra mẫu mà «baocao generate KỲ» sẽ dùng: tệp mẫu của loại kỳ đó
trong thư mục số liệu (tên như trên), nếu không có thì mẫu có sẵn trong chương trình.

Mã thoát: 0 không có lỗi; 1 có lỗi; 2 không chạy được lệnh (ví dụ không đọc được tệp).`,
		Example: `  baocao template check mau-bao-cao.docx
  baocao template check mau-moi.docx --data ./data --format json
  baocao template check mau-9-thang.docx --ky 2022-9T
  baocao template check --ky 2022-6T`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return fmt.Errorf("lệnh %s cần một tệp mẫu .docx, hoặc --ky KỲ; xem «%s --help»", cmd.Name(), cmd.CommandPath())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.path = args[0]
			} else if opts.period == "" {
				return fmt.Errorf("lệnh %s cần một tệp mẫu .docx (ví dụ: baocao template check mau-bao-cao.docx) hoặc --ky KỲ (ví dụ: --ky 2022-6T); xem «%s --help»", cmd.Name(), cmd.CommandPath())
			}
			return runTemplateCheck(opts)
		},
	}
	cmd.Flags().String("data", "", "thư mục số liệu có danh mục chi-tieu.yaml (mặc định: data/, hoặc danh mục mẫu có sẵn)")
	cmd.Flags().StringVar(&opts.format, "format", "", "cách trình bày kết quả: text (bảng, mặc định) hoặc json")
	cmd.Flags().StringVar(&opts.period, "ky", "", "kỳ báo cáo mà mẫu dùng cho, ví dụ 2022 hoặc 2022-6T (mặc định: theo tên tệp mẫu, hoặc năm)")
	cmd.PreRun = func(c *cobra.Command, _ []string) { opts.data, _ = c.Flags().GetString("data") }
	return cmd
}

func runTemplateCheck(opts *templateCheckOptions) error {
	if opts.format != "" && opts.format != "text" && opts.format != "json" {
		return fmt.Errorf("định dạng «%s» không hợp lệ; dùng --format text hoặc --format json", opts.format)
	}
	kind, err := templateKind(opts)
	if err != nil {
		return err
	}
	ws, err := openWorkspace(opts.streams, opts.data)
	if err != nil {
		return err
	}
	name, docx, err := checkedTemplate(opts, ws, kind)
	if err != nil {
		return err
	}
	cat, catFindings, err := ws.Catalogue()
	if err != nil {
		return err
	}
	findings := catFindings
	if catFindings.Errors() == 0 {
		findings = append(findings, render.Check(filepath.ToSlash(name), docx, cat, kind)...)
	}
	fmt.Fprintf(opts.err, "Đã kiểm tra mẫu %s theo danh mục %s.\n", name, ws.Path(input.CatalogueFile))
	if opts.format == "json" {
		err = validate.WriteJSON(opts.out, findings)
	} else {
		err = validate.WriteText(opts.out, findings, opts.colour)
	}
	if err != nil {
		return err
	}
	if findings.Errors() > 0 {
		return silentExit(exitProblems)
	}
	return nil
}

// templateKind is the kind of period the template is checked for: --ky's, or
// the kind whose template takes the file's name in a workspace, or a year.
func templateKind(opts *templateCheckOptions) (model.PeriodKind, error) {
	if opts.period != "" {
		p, err := model.ParsePeriod(opts.period)
		return p.Kind, err
	}
	for _, k := range []model.PeriodKind{model.FullYear, model.SixMonths, model.NineMonths, model.Quarter, model.Month} {
		if name, _ := templates.ForKind(k); strings.EqualFold(name, filepath.Base(opts.path)) {
			return k, nil
		}
	}
	return model.FullYear, nil
}

// checkedTemplate reads the template to check: the file named, or the one
// generate takes for the kind of period. name places its findings.
func checkedTemplate(opts *templateCheckOptions, ws *input.Workspace, kind model.PeriodKind) (name string, docx []byte, err error) {
	if opts.path != "" {
		docx, err := os.ReadFile(opts.path)
		if err != nil {
			return "", nil, fmt.Errorf("không đọc được tệp mẫu %s: %w", opts.path, fileerr.Describe(err))
		}
		return opts.path, docx, nil
	}
	name, docx, err = ws.Template(kind)
	if err != nil {
		return "", nil, err
	}
	if name == input.DefaultTemplateName {
		file, _ := templates.ForKind(kind)
		name = file + " " + name
	}
	return name, docx, nil
}
