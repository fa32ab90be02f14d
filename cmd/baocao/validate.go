package main

import (
	"fmt"
	"strings"

	"github.com/baocao/baocao/report/generate"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/validate"
	"github.com/spf13/cobra"
)

type validateOptions struct {
	*streams
	data, format string
	strict       bool
	args         []string
}

func newValidateCmd(s *streams) *cobra.Command {
	opts := &validateOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "validate [KỲ|TỆP…]",
		Short: "Kiểm tra số liệu và liệt kê mọi lỗi, cảnh báo",
		Long: `Kiểm tra danh mục chỉ tiêu và số liệu từng kỳ: giá trị còn thiếu, chữ ở chỗ cần số, mã chỉ tiêu
lạ hoặc trùng, tỷ lệ ngoài khoảng 0–100%, chỉ tiêu thành phần lớn hơn chỉ tiêu tổng, công thức
không tính được, số cùng kỳ khác số liệu cùng kỳ năm trước, mức tăng, giảm bất thường so với cùng
kỳ, số lũy kế của kỳ dài nhỏ hơn của kỳ ngắn trong cùng năm (9 tháng, 6 tháng, quý, tháng), báo cáo
đề ngày trước khi hết thời gian chốt số liệu mà không ghi số ước.
Mỗi vấn đề có mức (lỗi hoặc cảnh báo), mã cố định, vị trí, nội dung và, khi có, cách sửa.

Không ghi gì: kiểm tra mọi kỳ trong thư mục số liệu. KỲ (2021, 2022-6T, 2022-9T, 2022-Q1, 2022-T05):
kiểm tra kỳ đó (so với cùng kỳ năm trước, nếu có). TỆP: kiểm tra tệp đó, so với tệp cùng kỳ năm trước
cùng thư mục hoặc trong thư mục số liệu, theo danh mục chi-tieu.yaml cạnh tệp (nếu có), như lệnh diff.
Lệnh generate chạy đúng các bước kiểm tra này trước khi lập báo cáo.

Mã thoát: 0 không có lỗi; 1 có lỗi (hoặc có cảnh báo khi dùng --strict); 2 không chạy được lệnh.`,
		Example: `  baocao validate
  baocao validate 2021
  baocao validate 2022-6T
  baocao validate data/2021.xlsx --format json
  baocao validate 2021 --strict`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.args = args
			opts.data, _ = cmd.Flags().GetString("data")
			return runValidate(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "", "cách trình bày kết quả: text (bảng, mặc định) hoặc json")
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "coi cảnh báo như lỗi (mã thoát 1 khi có cảnh báo)")
	return cmd
}

func runValidate(opts *validateOptions) error {
	format := opts.format
	if format == "" {
		format = "text"
	}
	if format != "text" && format != "json" {
		return fmt.Errorf("định dạng «%s» không hợp lệ; dùng --format text hoặc --format json", format)
	}
	ws, err := openWorkspace(opts.streams, opts.data)
	if err != nil {
		return err
	}
	found, checked, err := validate.Workspace(ws, opts.args, func(cat *model.Catalogue, kind model.PeriodKind) (validate.Template, model.Findings) {
		return generate.Template(ws, cat, kind)
	})
	if err != nil {
		return err
	}
	findings := validate.Sort(found)
	if len(checked) > 0 {
		fmt.Fprintf(opts.err, "Đã kiểm tra %s.\n", strings.Join(checked, ", "))
	}
	if format == "json" {
		err = validate.WriteJSON(opts.out, findings)
	} else {
		err = validate.WriteText(opts.out, findings, opts.colour)
	}
	if err != nil {
		return err
	}
	if findings.Errors() > 0 || (opts.strict && len(findings) > 0) {
		return silentExit(exitProblems)
	}
	return nil
}
