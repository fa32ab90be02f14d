package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"github.com/baocao/baocao/report/input"
	"github.com/baocao/baocao/report/workbook/scaffold"
	"github.com/spf13/cobra"
)

func newInitCmd() *cobra.Command {
	var yearFlag string
	var force bool
	cmd := &cobra.Command{
		Use:   "init [THƯ_MỤC]",
		Short: "Tạo thư mục làm việc: danh mục chỉ tiêu, bảng tính số liệu cần điền, mẫu báo cáo",
		Long: `Tạo thư mục làm việc (mặc định: thư mục hiện tại) với thư mục con data/ gồm:
  chi-tieu.yaml       danh mục chỉ tiêu
  NĂM.xlsx            bảng tính số liệu năm báo cáo cần điền (và của năm trước, nếu chưa có)
  mau-bao-cao.docx    bản sao mẫu báo cáo để sửa
  LUU-Y.txt           hướng dẫn điền số liệu
Không ghi đè tệp đã có, trừ khi dùng --force. Sau đó chạy các lệnh trong thư mục làm việc.`,
		Example: `  baocao init ./bao-cao-2022
  baocao init --nam 2021
  baocao init . --force`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return fmt.Errorf("lệnh init cần nhiều nhất một thư mục; xem «%s --help»", cmd.CommandPath())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			year := time.Now().Year()
			if yearFlag != "" {
				y, err := input.ParseYearArg(yearFlag)
				if err != nil {
					return err
				}
				year = y
			}
			res, err := scaffold.Create(scaffold.Options{Dir: dir, Year: year, Force: force})
			for _, p := range res.Created {
				fmt.Fprintln(cmd.OutOrStdout(), filepath.ToSlash(p))
			}
			for _, s := range res.Skipped {
				fmt.Fprintf(cmd.ErrOrStderr(), "Bỏ qua %s: %s\n", filepath.ToSlash(s.Path), s.Reason)
			}
			if err != nil {
				return err
			}
			if len(res.Created) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "Không tạo tệp mới nào: các tệp đều đã có (dùng --force để ghi đè).")
				return nil
			}
			where := ""
			if filepath.Clean(dir) != "." {
				where = fmt.Sprintf(" trong thư mục %s", filepath.ToSlash(dir))
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "Đã tạo %d tệp. Điền số liệu vào %s, rồi chạy%s: baocao validate %d và baocao generate %d.\n",
				len(res.Created), yearInput(filepath.Join(dir, "data"), year), where, year, year)
			return nil
		},
	}
	cmd.Flags().StringVar(&yearFlag, "nam", "", "năm báo cáo (mặc định: năm hiện tại)")
	cmd.Flags().BoolVar(&force, "force", false, "ghi đè các tệp đã có")
	return cmd
}

// yearInput names the file that holds the year's figures after init: the
// workbook it wrote, or the file the year already had (2021.yaml).
func yearInput(dataDir string, year int) string {
	if ws, err := input.Open(dataDir); err == nil {
		if name, err := ws.YearFile(year); err == nil {
			return ws.Path(name)
		}
	}
	return filepath.ToSlash(filepath.Join(dataDir, strconv.Itoa(year)+".xlsx"))
}
