package main

import (
	"errors"
	"fmt"

	"github.com/baocao/baocao/report/diff"
	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/model"
	"github.com/baocao/baocao/report/validate"
	"github.com/baocao/baocao/report/vnformat"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	*streams
	data, format, output, threshold, group string
	onlyChanged, exitCode, force           bool
	args                                   []string
}

func newDiffCmd(s *streams) *cobra.Command {
	fl := &diffOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "diff KỲ|TỆP KỲ|TỆP [KỲ|TỆP…]",
		Short: "So sánh số liệu các kỳ (năm, 6 tháng, 9 tháng, quý, tháng): chênh lệch, tăng, giảm và biến động cần xem lại",
		Long: `So sánh số liệu hai kỳ báo cáo (hoặc nhiều kỳ) theo từng chỉ tiêu, nhóm và xếp theo danh mục: giá trị
mỗi kỳ, chênh lệch, tỷ lệ tăng, giảm viết như trong báo cáo ("tăng 8,3%", "giảm 28%", "tương đương";
điểm phần trăm với chỉ tiêu tỷ lệ, bậc với thứ hạng), kế hoạch năm và tỷ lệ đạt kế hoạch của kỳ sau cùng.
Chỉ tiêu chỉ có ở một kỳ được ghi là mới hoặc bỏ; kỳ trước bằng 0 được ghi rõ, không tính tỷ lệ.
Dấu "!" đánh dấu biến động từ ngưỡng trở lên (mặc định: nguong_bien_dong của chỉ tiêu trong danh mục,
hoặc 50%), nên kiểm tra lại trước khi ký báo cáo.

Mỗi đối số là một kỳ có tệp trong thư mục số liệu, ghi bằng mã kỳ:
  ` + model.PeriodForms + `
(cũng nhận 2022-q1, 2022-T5, 6T-2022, "6 tháng 2022", "quý III năm 2022"), hoặc đường dẫn một tệp
số liệu (.yaml, .xlsx), có kỳ theo tên tệp hoặc theo mục ky: trong tệp. Các kỳ phải cùng loại: cùng kỳ của các
năm (2021-6T với 2022-6T) hoặc các kỳ liền nhau (2022-Q1, 2022-Q2, 2022-Q3); so sánh tháng với năm, quý
với 6 tháng… bị từ chối. Các cột luôn xếp theo thời gian, dù đối số ghi theo thứ tự nào; mỗi thay đổi
so với cột liền trước. Tiêu đề cột ghi mã kỳ, tên đầy đủ ("quý I năm 2022") ghi ở tiêu đề và chú thích.
Tệp nằm cạnh một danh mục chi-tieu.yaml riêng được đọc theo danh mục đó: tên hoặc đơn vị chỉ tiêu thay
đổi giữa các kỳ được ghi rõ.

Định dạng (--format, hoặc theo đuôi tệp -o): text (bảng, mặc định), csv (UTF-8 có BOM, mở được
bằng Excel), json (cấu trúc cố định "baocao-diff/1"), md (Markdown), xlsx (bảng tính có định dạng số,
tô màu tăng, giảm và biểu đồ cột so sánh các chỉ tiêu chính; cần -o).

Mã thoát: 0 so sánh xong; 1 số liệu có lỗi cần sửa, hoặc có khác biệt khi dùng --exit-code
(như git diff --exit-code); 2 không chạy được lệnh (kể cả khi các kỳ nêu ra khác loại).`,
		Example: `  baocao diff 2020 2021
  baocao diff 2021-6T 2022-6T
  baocao diff 2022-Q1 2022-Q2 2022-Q3
  baocao diff data/2020.yaml data/2021.xlsx
  baocao diff 2020 2021 --only-changed --threshold 10
  baocao diff 2021-9T 2022-9T --format json
  baocao diff 2020 2021 -o so-sanh-2020-2021.xlsx
  baocao diff 2019 2020 2021`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return fmt.Errorf("lệnh diff cần ít nhất hai kỳ hoặc hai tệp số liệu, ví dụ: baocao diff 2020 2021 hoặc baocao diff 2021-6T 2022-6T; xem «%s --help»", cmd.CommandPath())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			fl.args = args
			fl.data, _ = cmd.Flags().GetString("data")
			return runDiff(fl)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.format, "format", "", "cách trình bày: text, csv, json, md hoặc xlsx (mặc định: theo đuôi tệp -o, hoặc text)")
	f.StringVarP(&fl.output, "output", "o", "", "ghi kết quả vào tệp (.txt, .csv, .json, .md, .xlsx) thay vì in ra màn hình")
	f.BoolVar(&fl.onlyChanged, "only-changed", false, "chỉ liệt kê chỉ tiêu có thay đổi; cùng --threshold: chỉ các biến động từ ngưỡng trở lên")
	f.StringVar(&fl.threshold, "threshold", "", "ngưỡng biến động cần xem lại, tính bằng % so với kỳ liền trước, ví dụ 10 hoặc 12,5 (mặc định: theo danh mục, hoặc 50)")
	f.StringVar(&fl.group, "group", "", "chỉ so sánh một nhóm chỉ tiêu, theo mã nhóm trong danh mục (ví dụ BCVT)")
	f.BoolVar(&fl.exitCode, "exit-code", false, "trả mã thoát 1 khi có khác biệt")
	f.BoolVar(&fl.force, "force", false, "ghi đè tệp -o không do baocao ghi ra hoặc đã được sửa sau đó (tệp cũ được giữ lại, tên có thêm ngày giờ)")
	return cmd
}

func runDiff(fl *diffOptions) error {
	res, err := diff.Run(diff.Request{
		Args: fl.args, Format: fl.format, Output: fl.output, Threshold: fl.threshold, Group: fl.group, OnlyChanged: fl.onlyChanged,
		OpenWorkspace: func() (*input.Workspace, error) { return openWorkspace(fl.streams, fl.data) },
		Force:         fl.force, Ledger: fl.ledger,
	})
	var problems *diff.ProblemsError
	if errors.As(err, &problems) {
		if err := validate.WriteLines(fl.err, problems.Findings); err != nil {
			return err
		}
		fmt.Fprintf(fl.err, "Chưa so sánh được: có %s lỗi cần sửa.\n", vnformat.Count(problems.Findings.Errors()))
		return silentExit(exitProblems)
	}
	if err != nil {
		return err
	}
	if err := validate.WriteLines(fl.err, res.Warnings); err != nil {
		return err
	}
	out := fl.out
	if fl.output == "" {
		err = diff.Write(out, res.Table, res.Format, res.Format == "text" && fl.colour)
	} else if err = diff.Save(fl.output, res.Table, res.Format, fl.ledger, res.Backup); err == nil {
		fmt.Fprintln(out, fl.output)
		if res.Backup != "" {
			fmt.Fprintf(fl.err, "Tệp có sẵn ở %s trước đó được giữ lại thành %s.\n", fl.output, res.Backup)
		}
	}
	if err != nil {
		return err
	}
	if fl.output != "" || res.Format != "text" {
		fmt.Fprintln(fl.err, res.Table.Summary.String())
	}
	if fl.exitCode && res.Table.Differs() {
		return silentExit(exitProblems)
	}
	return nil
}
